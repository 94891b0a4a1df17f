/* gawah-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_WELCOME_PAGE (gawah_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (GawahWelcomePage, gawah_welcome_page, GAWAH, WELCOME_PAGE, GtkWidget)

char *gawah_welcome_page_dup_sample_path (void);

G_END_DECLS
