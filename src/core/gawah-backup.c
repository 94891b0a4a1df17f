/* gawah-backup.c: encrypted copies of a casebook, and restoring one
 *
 * A backup is written by SQLCipher itself: the copy is ATTACHed without a
 * KEY clause, so it takes the open casebook's key, and sqlcipher_export()
 * fills it page by page, encrypted. No plaintext byte reaches the disk, and
 * the passphrase is not needed again. sqlcipher_export() does not copy
 * user_version, so it is set by hand. The copy is written under a hidden
 * temporary name, synced, then renamed: a backup is whole or absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gawah-backup.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-schema.h"

#define BACKUP_INFIX  ".backup-"
#define BACKUP_SUFFIX ".gawah"
#define TIME_FORMAT   "%Y%m%d-%H%M%S-%f"

void
gawah_backup_info_free (GawahBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->made_at, g_date_time_unref);
  g_free (info);
}

void
gawah_backup_report_free (GawahBackupReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->audit, gawah_audit_verdict_free);
  g_free (report);
}

/* Backups of "cases.gawah" are "cases.backup-….gawah". */
static char *
casebook_stem (const char *casebook_path)
{
  g_autofree char *name = g_path_get_basename (casebook_path);

  if (g_str_has_suffix (name, BACKUP_SUFFIX))
    name[strlen (name) - strlen (BACKUP_SUFFIX)] = '\0';
  return g_steal_pointer (&name);
}

/* Not beside the casebook: a stolen folder should not hold both. One
 * folder serves every casebook; names keep them apart. */
char *
gawah_backup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "gawah", "backups", NULL);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_set_error (error, GAWAH_ERROR, gawah_error_code_for_errno (saved_errno, GAWAH_ERROR_FAILED),
               /* Translators: the first %s is a file's path, the second the system's reason. */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_path (const char  *path,
           int          flags,
           GError     **error)
{
  int fd = g_open (path, flags, 0);
  int saved_errno;

  if (fd < 0)
    return set_io_error (error, errno, path);
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return set_io_error (error, saved_errno, path);
    }
  close (fd);
  return TRUE;
}

/* The file's bytes, then its new name, are on the disk before we return. */
static gboolean
commit_file (const char  *temp_path,
             const char  *final_path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (final_path);

  if (!sync_path (temp_path, O_RDONLY, error))
    return FALSE;
  if (g_rename (temp_path, final_path) != 0)
    return set_io_error (error, errno, final_path);
  return sync_path (dir, O_RDONLY | O_DIRECTORY, error);
}

static char *
temp_path_for (const char *final_path)
{
  g_autofree char *dir = g_path_get_dirname (final_path);
  g_autofree char *name = g_path_get_basename (final_path);
  g_autofree char *hidden = g_strconcat (".", name, ".partial", NULL);

  return g_build_filename (dir, hidden, NULL);
}

static void
remove_partial (const char *temp_path)
{
  g_autofree char *journal = g_strconcat (temp_path, "-journal", NULL);

  g_unlink (temp_path);
  g_unlink (journal);
}

/* A connection opened without SQLITE_OPEN_CREATE attaches only files that
 * exist; an empty file is an empty database. Only its owner may read it. */
static gboolean
create_empty_file (const char  *path,
                   GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    return set_io_error (error, errno, path);
  close (fd);
  return TRUE;
}

static gboolean
export_encrypted (GawahDb     *db,
                  const char  *temp_path,
                  GError     **error)
{
  g_autoptr(GawahStmt) attach = gawah_db_prepare (db, "ATTACH DATABASE ?1 AS gawah_copy", error);
  g_autofree char *set_version = NULL;
  gint64 version = 0;
  gboolean ok;

  if (attach == NULL || !create_empty_file (temp_path, error))
    return FALSE;
  gawah_stmt_bind_text (attach, 1, temp_path);
  if (!gawah_db_step_done (db, attach, error))
    return FALSE;
  gawah_stmt_release (g_steal_pointer (&attach));

  ok = gawah_db_query_int (db, "PRAGMA main.user_version", &version, error);
  set_version = g_strdup_printf ("PRAGMA gawah_copy.user_version = %" G_GINT64_FORMAT, version);
  ok = ok &&
       gawah_db_exec (db, "SELECT sqlcipher_export ('gawah_copy')", error) &&
       gawah_db_exec (db, set_version, error);
  /* Detached whatever happened, so that the next attempt can attach. */
  if (!gawah_db_exec (db, "DETACH DATABASE gawah_copy", ok ? error : NULL))
    return FALSE;
  return ok;
}

static char *
backup_path_for (const char *dir,
                 const char *casebook_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stem = casebook_stem (casebook_path);
  g_autofree char *stamp = g_date_time_format (now, TIME_FORMAT);
  g_autofree char *name = g_strconcat (stem, BACKUP_INFIX, stamp, BACKUP_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The store's words for a full disk name the casebook; the file that could
 * not be written is the backup. */
static void
name_backup_in_error (GError     **error,
                      const char  *backup_path)
{
  GError *named;

  if (!g_error_matches (*error, GAWAH_ERROR, GAWAH_ERROR_DISK_FULL))
    return;
  named = g_error_new (GAWAH_ERROR, GAWAH_ERROR_DISK_FULL,
                       _("The disk is full: the backup “%s” could not be written. Free some space, then try again."),
                       backup_path);
  g_clear_error (error);
  *error = named;
}

/* Returns the new backup's path. */
char *
gawah_casebook_backup (GawahCasebook  *self,
                       const char     *dir,
                       GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_io_error (error, errno, dir);
      return NULL;
    }
  path = backup_path_for (dir, gawah_casebook_get_path (self));
  temp_path = temp_path_for (path);
  remove_partial (temp_path);
  if (!export_encrypted (gawah_casebook_get_db (self), temp_path, &local_error) ||
      !commit_file (temp_path, path, &local_error))
    {
      remove_partial (temp_path);
      name_backup_in_error (&local_error, path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&path);
}

static GDateTime *
parse_stamp (const char *stamp)
{
  int year, month, day, hour, minute, second, micro;

  if (strlen (stamp) != 22 ||
      sscanf (stamp, "%4d%2d%2d-%2d%2d%2d-%6d", &year, &month, &day, &hour, &minute, &second, &micro) != 7)
    return NULL;
  return g_date_time_new_utc (year, month, day, hour, minute, second + micro / 1e6);
}

static GawahBackupInfo *
backup_info_for_name (const char *dir,
                      const char *prefix,
                      const char *name)
{
  g_autofree char *stamp = NULL;
  GDateTime *made_at;
  GawahBackupInfo *info;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return NULL;
  stamp = g_strndup (name + strlen (prefix), strlen (name) - strlen (prefix) - strlen (BACKUP_SUFFIX));
  if ((made_at = parse_stamp (stamp)) == NULL)
    return NULL;
  info = g_new0 (GawahBackupInfo, 1);
  info->path = g_build_filename (dir, name, NULL);
  info->made_at = made_at;
  return info;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const GawahBackupInfo *x = *(GawahBackupInfo * const *) a;
  const GawahBackupInfo *y = *(GawahBackupInfo * const *) b;

  return g_date_time_compare (y->made_at, x->made_at);
}

/* The casebook's backups in dir, newest first; none if dir does not exist. */
GPtrArray *
gawah_backup_list (const char  *dir,
                   const char  *casebook_path,
                   GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_backup_info_free);
  g_autofree char *stem = casebook_stem (casebook_path);
  g_autofree char *prefix = g_strconcat (stem, BACKUP_INFIX, NULL);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      GawahBackupInfo *info = backup_info_for_name (dir, prefix, name);

      if (info != NULL)
        g_ptr_array_add (backups, info);
    }
  g_ptr_array_sort (backups, newest_first);
  return g_steal_pointer (&backups);
}

/* Keeps the newest `keep` backups and deletes the others. */
gboolean
gawah_backup_prune (const char  *dir,
                    const char  *casebook_path,
                    guint        keep,
                    GError     **error)
{
  g_autoptr(GPtrArray) backups = gawah_backup_list (dir, casebook_path, error);

  if (backups == NULL)
    return FALSE;
  for (guint i = keep; i < backups->len; i++)
    {
      GawahBackupInfo *info = g_ptr_array_index (backups, i);

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        return set_io_error (error, errno, info->path);
    }
  return TRUE;
}

gboolean
gawah_backup_is_due (const char *dir,
                     const char *casebook_path,
                     guint       every_hours,
                     GDateTime  *now)
{
  g_autoptr(GPtrArray) backups = gawah_backup_list (dir, casebook_path, NULL);
  g_autoptr(GDateTime) current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  GawahBackupInfo *newest;

  if (backups == NULL || backups->len == 0)
    return TRUE;
  newest = g_ptr_array_index (backups, 0);
  return g_date_time_difference (current, newest->made_at) >= (GTimeSpan) every_hours * G_TIME_SPAN_HOUR;
}

/* Opened as it is (not migrated, not switched to WAL): checking a backup
 * must not change it. */
static GawahDb *
open_backup (const char  *backup_path,
             const char  *passphrase,
             int         *version,
             GError     **error)
{
  g_autoptr(GawahDb) db = gawah_db_open (backup_path, passphrase, GAWAH_DB_OPEN_UNCHANGED, error);
  gint64 tables = 0;

  if (db == NULL ||
      !gawah_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'incident'", &tables, error))
    return NULL;
  *version = gawah_schema_version (db, error);
  if (*version < 0)
    return NULL;
  if (tables == 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_A_CASEBOOK, _("“%s” is not a Gawah casebook"), backup_path);
      return NULL;
    }
  if (*version > GAWAH_SCHEMA_VERSION)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_TOO_NEW,
                   _("This casebook was written by a newer Gawah (format %d; this version reads up to %d); update Gawah to open it"),
                   *version, GAWAH_SCHEMA_VERSION);
      return NULL;
    }
  return g_steal_pointer (&db);
}

/* The key, SQLite's integrity check, both search indexes and, from format
 * 3 on, the audit chain. */
GawahBackupReport *
gawah_backup_verify (const char  *backup_path,
                     const char  *passphrase,
                     GError     **error)
{
  g_autoptr(GawahBackupReport) report = g_new0 (GawahBackupReport, 1);
  g_autoptr(GawahDb) db = open_backup (backup_path, passphrase, &report->version, error);

  if (db == NULL || !gawah_db_check_integrity (db, &report->problems, error))
    return NULL;
  if (report->version >= 3 && !gawah_audit_verify_db (db, &report->audit, error))
    return NULL;
  return g_steal_pointer (&report);
}

static gboolean
back_up_current (const char  *casebook_path,
                 const char  *passphrase,
                 const char  *safety_dir,
                 char       **safety_backup,
                 GError     **error)
{
  g_autoptr(GawahCasebook) current = gawah_casebook_open (casebook_path, passphrase, error);
  g_autofree char *wal = g_strconcat (casebook_path, "-wal", NULL);

  if (current == NULL)
    {
      g_prefix_error (error, _("The casebook as it is now could not be backed up first: "));
      return FALSE;
    }
  *safety_backup = gawah_casebook_backup (current, safety_dir, error);
  g_clear_object (&current);
  if (*safety_backup == NULL)
    return FALSE;
  /* The last connection removes the log; if it is still there, another
   * program has the casebook open and would write into the restored file. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_FAILED,
                   _("“%s” is open in another program; close it there first"), casebook_path);
      return FALSE;
    }
  return TRUE;
}

/* Replaces the casebook by a backup, after backing up what it holds now
 * (into safety_dir). The backup must open with the passphrase; so must the
 * current casebook, if there is one. The backup's encrypted bytes are
 * copied as they are. */
gboolean
gawah_backup_restore (const char  *backup_path,
                      const char  *casebook_path,
                      const char  *passphrase,
                      const char  *safety_dir,
                      char       **safety_backup,
                      GError     **error)
{
  g_autoptr(GawahDb) backup = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (backup_path);
  g_autofree char *temp_path = temp_path_for (casebook_path);
  g_autoptr(GFile) temp = g_file_new_for_path (temp_path);
  g_autofree char *made = NULL;
  g_autoptr(GError) copy_error = NULL;
  int version = 0;

  g_return_val_if_fail (backup_path != NULL && casebook_path != NULL && passphrase != NULL, FALSE);

  if ((backup = open_backup (backup_path, passphrase, &version, error)) == NULL)
    return FALSE;
  g_clear_pointer (&backup, gawah_db_close);
  if (g_file_test (casebook_path, G_FILE_TEST_EXISTS) &&
      !back_up_current (casebook_path, passphrase, safety_dir, &made, error))
    return FALSE;

  remove_partial (temp_path);
  if (!g_file_copy (source, temp, G_FILE_COPY_NONE, NULL, NULL, NULL, &copy_error))
    {
      remove_partial (temp_path);
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_FAILED, _("Could not write “%s”: %s"),
                   temp_path, copy_error->message);
      return FALSE;
    }
  if (!commit_file (temp_path, casebook_path, error))
    {
      remove_partial (temp_path);
      return FALSE;
    }
  if (safety_backup != NULL)
    *safety_backup = g_steal_pointer (&made);
  return TRUE;
}
