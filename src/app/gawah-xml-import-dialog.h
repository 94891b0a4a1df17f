/* gawah-xml-import-dialog.h: merging a Gawah XML document into the casebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"
#include "gawah-task-progress.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_XML_IMPORT_DIALOG (gawah_xml_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GawahXmlImportDialog, gawah_xml_import_dialog, GAWAH, XML_IMPORT_DIALOG, AdwWindow)

GtkWidget         *gawah_xml_import_dialog_new          (GtkWindow            *parent,
                                                         GawahCasebook        *casebook);
/* Imports @file, as if it had been chosen in the file chooser. */
void               gawah_xml_import_dialog_set_file     (GawahXmlImportDialog *self,
                                                         GFile                *file);
GawahTaskProgress *gawah_xml_import_dialog_get_progress (GawahXmlImportDialog *self);

G_END_DECLS
