/* gawah-xml-export-dialog.h: the casebook, or part of it, as a Gawah XML document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"
#include "gawah-incident-query.h"
#include "gawah-task-progress.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_XML_EXPORT_DIALOG (gawah_xml_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GawahXmlExportDialog, gawah_xml_export_dialog, GAWAH, XML_EXPORT_DIALOG, AdwWindow)

/* @list_filter: what the incident list shows now, offered as a choice
 * (NULL or empty: the whole casebook). */
GtkWidget         *gawah_xml_export_dialog_new          (GtkWindow                 *parent,
                                                         GawahCasebook             *casebook,
                                                         const GawahIncidentFilter *list_filter);
/* Exports to @file with the options chosen, as if it had been chosen in
 * the save dialog. */
void               gawah_xml_export_dialog_set_file     (GawahXmlExportDialog      *self,
                                                         GFile                     *file);
GawahTaskProgress *gawah_xml_export_dialog_get_progress (GawahXmlExportDialog      *self);

G_END_DECLS
