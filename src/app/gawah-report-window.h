/* gawah-report-window.h: a case report or a casebook summary, saved as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"
#include "gawah-incident-query.h"
#include "gawah-language.h"
#include "gawah-task-progress.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_REPORT_WINDOW (gawah_report_window_get_type ())

G_DECLARE_FINAL_TYPE (GawahReportWindow, gawah_report_window, GAWAH, REPORT_WINDOW, GtkWindow)

GtkWidget         *gawah_report_window_new_case     (GtkWidget                 *parent,
                                                     GawahCasebook             *casebook,
                                                     gint64                     incident_id);
GtkWidget         *gawah_report_window_new_summary  (GtkWidget                 *parent,
                                                     GawahCasebook             *casebook,
                                                     const GawahIncidentFilter *filter);
GawahLanguage      gawah_report_window_get_language (GawahReportWindow         *self);
void               gawah_report_window_set_language (GawahReportWindow         *self,
                                                     GawahLanguage              language);
void               gawah_report_window_set_filtered (GawahReportWindow         *self,
                                                     gboolean                   filtered);
const char        *gawah_report_window_get_suggested_name (GawahReportWindow   *self);
/* Writes the report to @file as the file chooser would after "Save". */
void               gawah_report_window_save_to      (GawahReportWindow         *self,
                                                     GFile                     *file);
GawahTaskProgress *gawah_report_window_get_progress (GawahReportWindow         *self);

char              *gawah_report_suggest_file_name   (const char                *title,
                                                     const char                *extension);

G_END_DECLS
