/* test-backup.c: backups, restoring, changing the passphrase, slowing guesses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define _GNU_SOURCE
#include <string.h>
#include <glib/gstdio.h>

#include "gawah-backup.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-schema.h"
#include "gawah-security.h"
#include "gawah-test-utils.h"

#define MARKER "Zarghuna-Kakar-witness-4471"
#define NEW_PASSPHRASE "seven lanterns over the indus"

static char *
backup_dir (CasebookFixture *fixture)
{
  return g_build_filename (fixture->dir, "backups", NULL);
}

static char *
make_backup (CasebookFixture *fixture)
{
  g_autofree char *dir = backup_dir (fixture);
  g_autoptr(GError) error = NULL;
  char *path = gawah_casebook_backup (fixture->casebook, dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return memmem (contents, length, text, strlen (text)) != NULL;
}

static void
test_backup_encrypted (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_autofree char *path = NULL;
  g_autoptr(GawahDb) db = NULL;
  g_autoptr(GawahCasebook) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahBackupReport) report = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dir_path = backup_dir (fixture);
  const char *name;

  test_add_incident (fixture->casebook, MARKER);
  path = make_backup (fixture);
  g_assert_true (g_str_has_suffix (path, ".gawah"));
  g_assert_nonnull (strstr (path, "test.backup-"));

  /* No known plaintext in the file's bytes, and it does not open without the key. */
  g_assert_false (file_contains (path, MARKER));
  g_assert_false (file_contains (path, "SQLite format 3"));
  db = gawah_db_open (path, "not the passphrase", GAWAH_DB_OPEN_UNCHANGED, &error);
  g_assert_null (db);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* Nothing else was left in the folder (no temporary file). */
  dir = g_dir_open (dir_path, 0, NULL);
  leftovers = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (leftovers, g_strdup (name));
  g_assert_cmpuint (leftovers->len, ==, 1);

  /* With the key: the format, the records, a whole audit trail. */
  report = gawah_backup_verify (path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->version, ==, GAWAH_SCHEMA_VERSION);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_null (report->audit->problem);
  g_assert_cmpint (report->audit->n_entries, ==, 2);

  copy = gawah_casebook_open (path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gawah_casebook_count_incidents (copy, NULL), ==, 1);
}

static void
test_backup_list_prune (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autofree char *dir = backup_dir (fixture);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unrelated = g_build_filename (dir, "other.backup-20200101-000000-000000.gawah", NULL);

  g_assert_true (gawah_backup_is_due (dir, fixture->path, 24, NULL));
  for (int i = 0; i < 4; i++)
    g_ptr_array_add (made, make_backup (fixture));
  g_assert_true (g_file_set_contents (unrelated, "x", 1, NULL));

  backups = gawah_backup_list (dir, fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 4);
  /* Newest first. */
  g_assert_cmpstr (((GawahBackupInfo *) backups->pdata[0])->path, ==, made->pdata[3]);
  g_assert_cmpstr (((GawahBackupInfo *) backups->pdata[3])->path, ==, made->pdata[0]);
  g_clear_pointer (&backups, g_ptr_array_unref);

  g_assert_true (gawah_backup_prune (dir, fixture->path, 2, &error));
  g_assert_no_error (error);
  backups = gawah_backup_list (dir, fixture->path, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((GawahBackupInfo *) backups->pdata[1])->path, ==, made->pdata[2]);
  g_assert_false (g_file_test (made->pdata[0], G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));

  /* Due again only once the interval has passed since the newest. */
  now = g_date_time_new_now_utc ();
  later = g_date_time_add_hours (now, 25);
  g_assert_false (gawah_backup_is_due (dir, fixture->path, 24, now));
  g_assert_true (gawah_backup_is_due (dir, fixture->path, 24, later));
}

static void
test_restore (CasebookFixture *fixture,
              gconstpointer    data)
{
  g_autofree char *dir = backup_dir (fixture);
  g_autofree char *safety_dir = g_build_filename (fixture->dir, "before-restore", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GawahCasebook) restored = NULL;
  g_autoptr(GawahCasebook) before_restore = NULL;
  g_autoptr(GError) error = NULL;

  test_add_incident (fixture->casebook, "Kept in the backup");
  backup = make_backup (fixture);
  test_add_incident (fixture->casebook, "Written after the backup");
  g_assert_finalize_object (g_steal_pointer (&fixture->casebook));

  /* A wrong passphrase restores nothing. */
  g_assert_false (gawah_backup_restore (backup, fixture->path, "wrong", safety_dir, &safety, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (safety_dir, G_FILE_TEST_EXISTS));

  gawah_backup_restore (backup, fixture->path, TEST_PASSPHRASE, safety_dir, &safety, &error);
  g_assert_no_error (error);
  g_assert_nonnull (safety);

  restored = gawah_casebook_open (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gawah_casebook_count_incidents (restored, NULL), ==, 1);
  g_assert_cmpint (gawah_schema_version (gawah_casebook_get_db (restored), NULL), ==, GAWAH_SCHEMA_VERSION);

  /* What was there before the restore was backed up first. */
  before_restore = gawah_casebook_open (safety, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gawah_casebook_count_incidents (before_restore, NULL), ==, 2);
  fixture->casebook = g_steal_pointer (&restored);
}

static void
test_rekey (CasebookFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(GawahCasebook) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) found = NULL;

  casebook_fixture_import_sample (fixture);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook, NULL), >, 0);

  /* The current passphrase must be given, and right. */
  g_assert_false (gawah_casebook_change_passphrase (fixture->casebook, "guess", NEW_PASSPHRASE, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (gawah_casebook_change_passphrase (fixture->casebook, TEST_PASSPHRASE, "", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gawah_casebook_change_passphrase (fixture->casebook, TEST_PASSPHRASE, NEW_PASSPHRASE, &error));
  g_assert_no_error (error);
  /* The open casebook goes on working. */
  test_add_incident (fixture->casebook, "After the new passphrase");
  g_assert_finalize_object (g_steal_pointer (&fixture->casebook));

  reopened = gawah_casebook_open (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_null (reopened);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  fixture->casebook = gawah_casebook_open (fixture->path, NEW_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook, NULL), ==,
                   test_count_rows (fixture->casebook, "incident"));
  found = gawah_casebook_search_incidents (fixture->casebook, "\"new passphrase\"", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (gawah_casebook_check_integrity (fixture->casebook, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (file_contains (fixture->path, "After the new passphrase"));
}

static gint64 fake_now_us;

static gint64
fake_clock (void)
{
  return fake_now_us;
}

static void
test_unlock_delay (void)
{
  g_autoptr(GawahUnlockDelay) delay = gawah_unlock_delay_new (1000, 30000, fake_clock);
  const guint expected[] = { 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (gawah_unlock_delay_for_failures (delay, i), ==, expected[i]);
  g_assert_cmpuint (gawah_unlock_delay_for_failures (delay, 200), ==, 30000);

  fake_now_us = 5 * G_USEC_PER_SEC;
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 0);
  gawah_unlock_delay_record_failure (delay);
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 1000);
  fake_now_us += 400 * 1000;
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 600);
  fake_now_us += 600 * 1000;
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 0);

  gawah_unlock_delay_record_failure (delay);
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 2000);
  gawah_unlock_delay_record_failure (delay);
  g_assert_cmpuint (gawah_unlock_delay_get_failures (delay), ==, 3);
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 4000);

  gawah_unlock_delay_record_success (delay);
  g_assert_cmpuint (gawah_unlock_delay_remaining_ms (delay), ==, 0);
  g_assert_cmpuint (gawah_unlock_delay_get_failures (delay), ==, 0);
}

#define BACKUP_TEST(path, fn) \
  g_test_add (path, CasebookFixture, NULL, casebook_fixture_set_up, fn, casebook_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/security/unlock-delay", test_unlock_delay);
  BACKUP_TEST ("/backup/encrypted", test_backup_encrypted);
  BACKUP_TEST ("/backup/list-prune", test_backup_list_prune);
  BACKUP_TEST ("/backup/restore", test_restore);
  BACKUP_TEST ("/security/rekey", test_rekey);

  return g_test_run ();
}
