/* gawah-summary-report.h: a casebook's statistics as a printable report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-incident-query.h"
#include "gawah-report-document.h"

G_BEGIN_DECLS

GawahReportDocument *gawah_summary_report_new (GawahCasebook              *casebook,
                                               const GawahIncidentFilter  *filter,
                                               GawahLanguage               language,
                                               GError                    **error);

G_END_DECLS
