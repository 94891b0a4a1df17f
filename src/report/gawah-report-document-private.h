/* gawah-report-document-private.h: what the PDF writer reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-report-document.h"

G_BEGIN_DECLS

typedef struct {
  GawahReportBlockKind  kind;
  char                 *markup;
  GArray               *bars;          /* GawahChartBar, for a chart */
} GawahReportBlock;

struct _GawahReportDocument
{
  const GawahTranslator *translator;
  char                  *running_title;
  char                  *marking;
  GDateTime             *generated;
  GPtrArray             *blocks;       /* GawahReportBlock */
};

char *gawah_report_document_describe_generated (GawahReportDocument *self);

G_END_DECLS
