/* gawah-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-application.h"
#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_WINDOW (gawah_window_get_type ())

G_DECLARE_FINAL_TYPE (GawahWindow, gawah_window, GAWAH, WINDOW, AdwApplicationWindow)

GawahWindow   *gawah_window_new            (GawahApplication *application);
void           gawah_window_ask_to_unlock  (GawahWindow      *self,
                                            GFile            *file);
void           gawah_window_show_casebook  (GawahWindow      *self,
                                            GawahCasebook    *casebook);
void           gawah_window_lock           (GawahWindow      *self);
GawahCasebook *gawah_window_get_casebook   (GawahWindow      *self);

G_END_DECLS
