/* gawah-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_PREFERENCES_WINDOW (gawah_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GawahPreferencesWindow, gawah_preferences_window, GAWAH, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *gawah_preferences_window_new (GtkWindow *parent);

G_END_DECLS
