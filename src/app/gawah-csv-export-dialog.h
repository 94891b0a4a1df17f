/* gawah-csv-export-dialog.h: a table of the casebook as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-csv-export.h"
#include "gawah-incident-query.h"
#include "gawah-task-progress.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_CSV_EXPORT_DIALOG (gawah_csv_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GawahCsvExportDialog, gawah_csv_export_dialog, GAWAH, CSV_EXPORT_DIALOG, AdwWindow)

/* @list_filter: what the incident list shows now, offered as a choice
 * (NULL or empty: the whole casebook). */
GtkWidget         *gawah_csv_export_dialog_new          (GtkWindow                 *parent,
                                                         GawahCasebook             *casebook,
                                                         const GawahIncidentFilter *list_filter);
/* Exports to @file with the options chosen, as if it had been chosen in
 * the save dialog. */
void               gawah_csv_export_dialog_set_file     (GawahCsvExportDialog      *self,
                                                         GFile                     *file);
GawahTaskProgress *gawah_csv_export_dialog_get_progress (GawahCsvExportDialog      *self);

G_END_DECLS
