/* gawah-person-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_PERSON_CHOOSER (gawah_person_chooser_get_type ())

G_DECLARE_FINAL_TYPE (GawahPersonChooser, gawah_person_chooser, GAWAH, PERSON_CHOOSER, GtkWidget)

GtkWidget *gawah_person_chooser_new              (GawahCasebook      *casebook,
                                                  const char         *search_label);
void       gawah_person_chooser_set_casebook     (GawahPersonChooser *self,
                                                  GawahCasebook      *casebook);
gint64     gawah_person_chooser_get_person_id    (GawahPersonChooser *self);
void       gawah_person_chooser_set_person_id    (GawahPersonChooser *self,
                                                  gint64              person_id);
void       gawah_person_chooser_set_search_label (GawahPersonChooser *self,
                                                  const char         *search_label);
void       gawah_person_chooser_show_error       (GawahPersonChooser *self,
                                                  const char         *message);

G_END_DECLS
