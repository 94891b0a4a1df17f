/* gawah-new-casebook-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_NEW_CASEBOOK_PAGE (gawah_new_casebook_page_get_type ())

G_DECLARE_FINAL_TYPE (GawahNewCasebookPage, gawah_new_casebook_page, GAWAH, NEW_CASEBOOK_PAGE, GtkWidget)

void gawah_new_casebook_page_set_file (GawahNewCasebookPage *self,
                                       GFile                *file);

G_END_DECLS
