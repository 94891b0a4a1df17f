/* gawah-security.c: changing the passphrase, and slowing down guesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-security.h"

struct _GawahUnlockDelay
{
  guint       base_ms;
  guint       cap_ms;
  GawahClock  clock;
  guint       failures;
  gint64      last_failure_us;
};

void
gawah_secret_free (GawahSecret *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

/* The current passphrase is asked for again (and proven on a second
 * connection) so that someone at an unlocked, unattended machine cannot
 * lock its owner out. */
gboolean
gawah_casebook_change_passphrase (GawahCasebook  *self,
                                  const char     *current,
                                  const char     *new_passphrase,
                                  GError        **error)
{
  g_autoptr(GawahDb) proof = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (current != NULL && new_passphrase != NULL, FALSE);

  proof = gawah_db_open (gawah_casebook_get_path (self), current, GAWAH_DB_OPEN_UNCHANGED, error);
  if (proof == NULL)
    {
      g_prefix_error (error, _("Current passphrase: "));
      return FALSE;
    }
  g_clear_pointer (&proof, gawah_db_close);
  return gawah_db_rekey (gawah_casebook_get_db (self), new_passphrase, error);
}

GawahUnlockDelay *
gawah_unlock_delay_new (guint       base_ms,
                        guint       cap_ms,
                        GawahClock  clock)
{
  GawahUnlockDelay *delay = g_new0 (GawahUnlockDelay, 1);

  delay->base_ms = base_ms;
  delay->cap_ms = MAX (cap_ms, base_ms);
  delay->clock = clock != NULL ? clock : g_get_monotonic_time;
  return delay;
}

void
gawah_unlock_delay_free (GawahUnlockDelay *delay)
{
  g_free (delay);
}

GawahUnlockDelay *
gawah_unlock_delay_get_default (void)
{
  static GawahUnlockDelay *delay;

  if (g_once_init_enter (&delay))
    g_once_init_leave (&delay, gawah_unlock_delay_new (GAWAH_UNLOCK_DELAY_BASE_MS, GAWAH_UNLOCK_DELAY_CAP_MS, NULL));
  return delay;
}

/* 0 before any failure, then base, 2 × base, 4 × base … at most cap. */
guint
gawah_unlock_delay_for_failures (GawahUnlockDelay *delay,
                                 guint             failures)
{
  guint64 ms;

  g_return_val_if_fail (delay != NULL, 0);

  if (failures == 0)
    return 0;
  if (failures > 31)
    return delay->cap_ms;
  ms = (guint64) delay->base_ms << (failures - 1);
  return (guint) MIN (ms, (guint64) delay->cap_ms);
}

void
gawah_unlock_delay_record_failure (GawahUnlockDelay *delay)
{
  g_return_if_fail (delay != NULL);
  delay->failures++;
  delay->last_failure_us = delay->clock ();
}

void
gawah_unlock_delay_record_success (GawahUnlockDelay *delay)
{
  g_return_if_fail (delay != NULL);
  delay->failures = 0;
  delay->last_failure_us = 0;
}

guint
gawah_unlock_delay_get_failures (GawahUnlockDelay *delay)
{
  g_return_val_if_fail (delay != NULL, 0);
  return delay->failures;
}

/* How long the next attempt must still wait. */
guint
gawah_unlock_delay_remaining_ms (GawahUnlockDelay *delay)
{
  gint64 waited_ms;
  guint wait_ms;

  g_return_val_if_fail (delay != NULL, 0);

  wait_ms = gawah_unlock_delay_for_failures (delay, delay->failures);
  if (wait_ms == 0)
    return 0;
  waited_ms = (delay->clock () - delay->last_failure_us) / 1000;
  return waited_ms >= wait_ms ? 0 : (guint) (wait_ms - waited_ms);
}
