/* gawah-csv-import-dialog.h: incidents from a spreadsheet, column by column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"
#include "gawah-task-progress.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_CSV_IMPORT_DIALOG (gawah_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GawahCsvImportDialog, gawah_csv_import_dialog, GAWAH, CSV_IMPORT_DIALOG, AdwWindow)

GtkWidget         *gawah_csv_import_dialog_new            (GtkWindow            *parent,
                                                           GawahCasebook        *casebook);
/* Reads @file's header and first rows and shows them with a field chooser
 * for each column, as if it had been chosen in the file chooser. */
void               gawah_csv_import_dialog_set_file       (GawahCsvImportDialog *self,
                                                           GFile                *file);
/* The field chooser of column @column (0 is the first), or NULL. Its items
 * are "Ignore" then the fields of gawah_csv_incident_fields(), in order. */
GtkDropDown       *gawah_csv_import_dialog_get_field_dropdown (GawahCsvImportDialog *self,
                                                           guint                 column);
GawahTaskProgress *gawah_csv_import_dialog_get_progress   (GawahCsvImportDialog *self);

G_END_DECLS
