/* gawah-passphrase-window.h: changing the open casebook's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_PASSPHRASE_WINDOW (gawah_passphrase_window_get_type ())

G_DECLARE_FINAL_TYPE (GawahPassphraseWindow, gawah_passphrase_window, GAWAH, PASSPHRASE_WINDOW, GtkWindow)

GtkWidget *gawah_passphrase_window_new    (GtkWindow             *parent,
                                           GawahCasebook         *casebook);
gboolean   gawah_passphrase_window_change (GawahPassphraseWindow *self);

G_END_DECLS
