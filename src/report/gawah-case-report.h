/* gawah-case-report.h: one incident as a printable case report, and as the
 * text of a communication to the UN Special Procedures
 *
 * The case file is read from the casebook on the caller's thread (a few
 * queries); building the report and writing the PDF need no casebook, so
 * they can run on a worker thread while the casebook stays with the
 * main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-report-document.h"

G_BEGIN_DECLS

typedef struct _GawahCaseFile GawahCaseFile;

GawahCaseFile       *gawah_case_file_load     (GawahCasebook       *casebook,
                                               gint64               incident_id,
                                               GError             **error);
void                 gawah_case_file_free     (GawahCaseFile       *file);
const GawahIncident *gawah_case_file_get_incident (const GawahCaseFile *file);

GawahReportDocument *gawah_case_report_build  (const GawahCaseFile *file,
                                               GawahLanguage        language);
char                *gawah_un_draft_build     (const GawahCaseFile *file,
                                               GawahLanguage        language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahCaseFile, gawah_case_file_free)

G_END_DECLS
