/* gawah-backups-window.h: the casebook's integrity, its backups, restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_BACKUPS_WINDOW (gawah_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (GawahBackupsWindow, gawah_backups_window, GAWAH, BACKUPS_WINDOW, GtkWindow)

GtkWidget  *gawah_backups_window_new            (GtkWindow          *parent,
                                                 GawahCasebook      *casebook);
void        gawah_backups_window_check          (GawahBackupsWindow *self);
guint       gawah_backups_window_get_n_backups  (GawahBackupsWindow *self);
const char *gawah_backups_window_get_result     (GawahBackupsWindow *self);

G_END_DECLS
