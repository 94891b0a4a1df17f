/* gawah-widget-util.h: what every template widget of Gawah's does alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Set (any non-NULL data) on a window that shows what a casebook holds:
 * locking closes it with the incident editors. */
#define GAWAH_SHOWS_CASEBOOK "gawah-shows-casebook"

void gawah_widget_dispose_children (GtkWidget *widget,
                                    GType      widget_type);

GdkRGBA gawah_widget_theme_color     (GtkWidget  *widget,
                                     const char *name,
                                     const char *fallback);

G_END_DECLS
