/* gawah-chronology-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_CHRONOLOGY_VIEW (gawah_chronology_view_get_type ())

G_DECLARE_FINAL_TYPE (GawahChronologyView, gawah_chronology_view, GAWAH, CHRONOLOGY_VIEW, GtkWidget)

GtkWidget *gawah_chronology_view_new          (void);
void       gawah_chronology_view_set_incident (GawahChronologyView *self,
                                               GawahCasebook       *casebook,
                                               gint64               incident_id);
void       gawah_chronology_view_set_today    (GawahChronologyView *self,
                                               const GDate         *today);
guint      gawah_chronology_view_get_n_steps  (GawahChronologyView *self);

G_END_DECLS
