/* gawah-unlock-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_UNLOCK_PAGE (gawah_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (GawahUnlockPage, gawah_unlock_page, GAWAH, UNLOCK_PAGE, GtkWidget)

void gawah_unlock_page_set_file (GawahUnlockPage *self,
                                 GFile           *file);

G_END_DECLS
