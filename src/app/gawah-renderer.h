/* gawah-renderer.h: which renderer draws Gawah's windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean gawah_renderer_gl_is_software          (GdkDisplay *display);
void     gawah_renderer_prefer_cairo_without_gpu (GdkDisplay *display);

G_END_DECLS
