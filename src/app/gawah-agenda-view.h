/* gawah-agenda-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_AGENDA_VIEW (gawah_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (GawahAgendaView, gawah_agenda_view, GAWAH, AGENDA_VIEW, GtkWidget)

GtkWidget *gawah_agenda_view_new          (void);
void       gawah_agenda_view_set_casebook (GawahAgendaView *self,
                                           GawahCasebook   *casebook);
guint      gawah_agenda_view_get_n_items  (GawahAgendaView *self);

G_END_DECLS
