/* gawah-progress.h: how long work (export, import, reports, backups) reports
 * progress and is cancelled
 *
 * Long work takes a GCancellable and a GawahProgressFunc. The function may be
 * called from the thread doing the work (the app runs such work in a GTask),
 * so it must only record the figures and wake the main loop, never touch
 * widgets. Cancelling makes the work fail with G_IO_ERROR_CANCELLED after
 * rolling back its transaction: the casebook is left exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @done of @total units (records, rows, pages); @total is 0 when unknown. */
typedef void (*GawahProgressFunc) (guint64   done,
                                   guint64   total,
                                   gpointer  user_data);

G_END_DECLS
