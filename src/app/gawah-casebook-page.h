/* gawah-casebook-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_CASEBOOK_PAGE (gawah_casebook_page_get_type ())

G_DECLARE_FINAL_TYPE (GawahCasebookPage, gawah_casebook_page, GAWAH, CASEBOOK_PAGE, GtkWidget)

GawahCasebookPage *gawah_casebook_page_new          (GawahCasebook     *casebook);
void               gawah_casebook_page_search       (GawahCasebookPage *self,
                                                     const char        *text);
guint              gawah_casebook_page_get_n_shown  (GawahCasebookPage *self);
void               gawah_casebook_page_show_person  (GawahCasebookPage *self,
                                                     gint64             person_id);
gboolean           gawah_casebook_page_select       (GawahCasebookPage *self,
                                                     gint64             incident_id);

G_END_DECLS
