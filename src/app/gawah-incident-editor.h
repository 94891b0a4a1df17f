/* gawah-incident-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_INCIDENT_EDITOR (gawah_incident_editor_get_type ())

G_DECLARE_FINAL_TYPE (GawahIncidentEditor, gawah_incident_editor, GAWAH, INCIDENT_EDITOR, AdwWindow)

GtkWidget *gawah_incident_editor_new             (GawahCasebook       *casebook,
                                                  gint64               incident_id);
gint64     gawah_incident_editor_get_incident_id (GawahIncidentEditor *self);
gboolean   gawah_incident_editor_flush           (GawahIncidentEditor *self);

G_END_DECLS
