/* gawah-esf-import-dialog.h: bringing in what OpenEvSys exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"
#include "gawah-task-progress.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_ESF_IMPORT_DIALOG (gawah_esf_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GawahEsfImportDialog, gawah_esf_import_dialog, GAWAH, ESF_IMPORT_DIALOG, AdwWindow)

GtkWidget         *gawah_esf_import_dialog_new          (GtkWindow            *parent,
                                                         GawahCasebook        *casebook);
/* Imports @file, as if it had been chosen in the file chooser. */
void               gawah_esf_import_dialog_set_file     (GawahEsfImportDialog *self,
                                                         GFile                *file);
GawahTaskProgress *gawah_esf_import_dialog_get_progress (GawahEsfImportDialog *self);

G_END_DECLS
