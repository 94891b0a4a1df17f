/* gawah-report-document.h: a report as a sequence of blocks, written out
 * as PDF
 *
 * The builders (case report, summary report) gather what the casebook holds
 * into blocks of text already in the report's language; the writer lays
 * them out on A4 pages with Pango, breaking paragraphs between lines. A
 * document holds no casebook and no widget, so it can be written from a
 * worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-progress.h"
#include "gawah-translator.h"

G_BEGIN_DECLS

typedef enum {
  GAWAH_REPORT_TITLE,
  GAWAH_REPORT_HEADING,       /* a section */
  GAWAH_REPORT_SUBHEADING,    /* one record within a section */
  GAWAH_REPORT_PARAGRAPH,
  GAWAH_REPORT_ITEM,          /* indented, under a subheading */
  GAWAH_REPORT_NOTE,          /* small print */
  GAWAH_REPORT_CHART,
} GawahReportBlockKind;

typedef struct _GawahReportDocument GawahReportDocument;

GawahReportDocument   *gawah_report_document_new          (const GawahTranslator *translator,
                                                           const char            *running_title,
                                                           const char            *marking);
void                   gawah_report_document_free         (GawahReportDocument   *self);
const GawahTranslator *gawah_report_document_get_translator (GawahReportDocument *self);
void                   gawah_report_document_add          (GawahReportDocument   *self,
                                                           GawahReportBlockKind   kind,
                                                           const char            *text);
void                   gawah_report_document_add_field    (GawahReportDocument   *self,
                                                           GawahReportBlockKind   kind,
                                                           const char            *label,
                                                           const char            *value);
void                   gawah_report_document_add_code     (GawahReportDocument   *self,
                                                           const char            *label,
                                                           const char            *code);
void                   gawah_report_document_add_chart    (GawahReportDocument   *self,
                                                           const char            *title,
                                                           GArray                *bars);
guint                  gawah_report_document_get_n_blocks (GawahReportDocument   *self);
gboolean               gawah_report_document_write_pdf    (GawahReportDocument   *self,
                                                           GFile                 *file,
                                                           GCancellable          *cancellable,
                                                           GawahProgressFunc      progress,
                                                           gpointer               progress_data,
                                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahReportDocument, gawah_report_document_free)

G_END_DECLS
