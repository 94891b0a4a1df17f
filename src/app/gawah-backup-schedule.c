/* gawah-backup-schedule.c: automatic backups as the preferences say
 *
 * On close (lock, quit) if backup-on-close is set; while open, when the
 * newest backup is older than backup-interval-hours. Then all but the
 * newest backup-keep backups of the casebook are deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-backup.h"
#include "gawah-backup-schedule.h"

char *
gawah_backup_schedule_folder (GSettings *settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");

  if (folder[0] == '\0')
    return gawah_backup_default_dir ();
  return g_steal_pointer (&folder);
}

/* NULL: the core names the user's account. */
char *
gawah_backup_schedule_actor (GSettings *settings)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (settings, "actor-name"));

  return name[0] != '\0' ? g_steal_pointer (&name) : NULL;
}

static gboolean
is_due (GawahCasebook *casebook,
        GSettings     *settings,
        const char    *folder,
        gboolean       closing)
{
  guint hours = g_settings_get_uint (settings, "backup-interval-hours");

  if (closing)
    return g_settings_get_boolean (settings, "backup-on-close");
  return hours > 0 && gawah_backup_is_due (folder, gawah_casebook_get_path (casebook), hours, NULL);
}

/* *made is the new backup's path, or NULL when none was due. */
gboolean
gawah_backup_schedule_run (GawahCasebook  *casebook,
                           GSettings      *settings,
                           gboolean        closing,
                           char          **made,
                           GError        **error)
{
  g_autofree char *folder = gawah_backup_schedule_folder (settings);
  g_autofree char *path = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), FALSE);

  if (!is_due (casebook, settings, folder, closing))
    return TRUE;
  if ((path = gawah_casebook_backup (casebook, folder, error)) == NULL ||
      !gawah_backup_prune (folder, gawah_casebook_get_path (casebook), g_settings_get_uint (settings, "backup-keep"),
                           error))
    return FALSE;
  if (made != NULL)
    *made = g_steal_pointer (&path);
  return TRUE;
}
