/* gawah-security.h: changing the passphrase, and slowing down guesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

/* A passphrase copy is wiped from memory, not just freed. */
typedef char GawahSecret;
void      gawah_secret_free                (GawahSecret    *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahSecret, gawah_secret_free)

gboolean  gawah_casebook_change_passphrase (GawahCasebook  *self,
                                            const char     *current,
                                            const char     *new_passphrase,
                                            GError        **error);

/* After each wrong passphrase the next attempt waits longer: base, twice
 * base, four times … up to cap. Kept in memory, for this process only. */
typedef struct _GawahUnlockDelay GawahUnlockDelay;
typedef gint64 (*GawahClock) (void);   /* microseconds, monotonic */

#define GAWAH_UNLOCK_DELAY_BASE_MS 1000
#define GAWAH_UNLOCK_DELAY_CAP_MS  30000

GawahUnlockDelay *gawah_unlock_delay_new            (guint              base_ms,
                                                     guint              cap_ms,
                                                     GawahClock         clock);
void              gawah_unlock_delay_free           (GawahUnlockDelay  *delay);
GawahUnlockDelay *gawah_unlock_delay_get_default    (void);
guint             gawah_unlock_delay_for_failures   (GawahUnlockDelay  *delay,
                                                     guint              failures);
void              gawah_unlock_delay_record_failure (GawahUnlockDelay  *delay);
void              gawah_unlock_delay_record_success (GawahUnlockDelay  *delay);
guint             gawah_unlock_delay_get_failures   (GawahUnlockDelay  *delay);
guint             gawah_unlock_delay_remaining_ms   (GawahUnlockDelay  *delay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahUnlockDelay, gawah_unlock_delay_free)

G_END_DECLS
