/* gawah-incident-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_INCIDENT_VIEW (gawah_incident_view_get_type ())

G_DECLARE_FINAL_TYPE (GawahIncidentView, gawah_incident_view, GAWAH, INCIDENT_VIEW, GtkWidget)

GtkWidget *gawah_incident_view_new          (void);
void       gawah_incident_view_set_incident (GawahIncidentView *self,
                                             GawahCasebook     *casebook,
                                             gint64             incident_id);
gint64     gawah_incident_view_get_incident (GawahIncidentView *self);

G_END_DECLS
