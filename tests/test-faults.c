/* test-faults.c: a full disk, a read-only casebook, a damaged one
 *
 * Each fault is made real in a child process (a file-size limit stands for
 * the full disk; a read-only file and, when the tests run as root, the
 * rights of "nobody" for the read-only case). The child checks that the
 * store refuses the change with an error in words naming the file; the
 * parent then opens the casebook and checks that nothing was half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gawah-audit.h"
#include "gawah-backup.h"
#include "gawah-casebook-import.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

/* The child finds the parent's casebook here. */
#define FAULT_DIR_VARIABLE "GAWAH_TEST_FAULT_DIR"

static char *
casebook_path_in (const char *dir)
{
  return g_build_filename (dir, "test.gawah", NULL);
}

/* Writes beyond `bytes` of any file fail with EFBIG, as on a full disk. */
static gboolean
save_titled_incident (GawahCasebook  *casebook,
                      const char     *title,
                      GError        **error)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();

  incident->title = g_strdup (title);
  return gawah_casebook_save_incident (casebook, incident, error);
}

static void
assert_error_names_file (const GError *error,
                         const char   *path,
                         const char   *words)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
}

static gint64
count_titled (GawahCasebook *casebook,
              const char    *title)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = 0;

  incidents = gawah_casebook_list_incidents (casebook, 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    if (g_str_equal (((GawahIncident *) incidents->pdata[i])->title, title))
      count++;
  return count;
}

/* Opens the casebook the child worked on and checks it whole. */
static GawahCasebook *
open_and_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_open (path, TEST_PASSPHRASE, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GawahAuditVerdict) verdict = NULL;

  g_assert_no_error (error);
  g_assert_true (gawah_casebook_check_integrity (casebook, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (gawah_casebook_verify_audit (casebook, &verdict, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (verdict->problem, ==, NULL);
  return g_steal_pointer (&casebook);
}

/* A fresh casebook holding one incident, closed: the child opens it. */
static char *
make_casebook_for_child (void)
{
  char *dir = test_make_temp_dir ();
  g_autofree char *path = casebook_path_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  test_add_incident (casebook, "Written before the fault");
  g_setenv (FAULT_DIR_VARIABLE, dir, TRUE);
  return dir;
}

static GawahCasebook *
open_in_child (char **path)
{
  g_autoptr(GError) error = NULL;
  GawahCasebook *casebook;

  *path = casebook_path_in (g_getenv (FAULT_DIR_VARIABLE));
  casebook = gawah_casebook_open (*path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  return casebook;
}

/* --- A full disk --------------------------------------------------------- */

static void
disk_full_in_child (void)
{
  g_autofree char *path = NULL;
  g_autofree char *sample = test_source_path ("data/samples/sample-casebook.xml");
  g_autoptr(GawahCasebook) casebook = open_in_child (&path);
  g_autoptr(GError) error = NULL;

  test_limit_file_size (8192);

  g_assert_false (gawah_casebook_import_file (casebook, sample, NULL, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_DISK_FULL);
  assert_error_names_file (error, path, "disk is full");
  g_clear_error (&error);

  g_assert_false (save_titled_incident (casebook, "Written on a full disk", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_DISK_FULL);
  assert_error_names_file (error, path, "disk is full");
  g_clear_error (&error);

  /* Room again: the same open casebook takes the next change. */
  test_limit_file_size (-1);
  g_assert_true (save_titled_incident (casebook, "Written once there was room", &error));
  g_assert_no_error (error);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;

  if (g_test_subprocess ())
    {
      disk_full_in_child ();
      return;
    }
  dir = make_casebook_for_child ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  path = casebook_path_in (dir);
  casebook = open_and_check (path);
  g_assert_cmpint (test_count_rows (casebook, "incident"), ==, 2);
  g_assert_cmpint (count_titled (casebook, "Written before the fault"), ==, 1);
  g_assert_cmpint (count_titled (casebook, "Written once there was room"), ==, 1);
  g_assert_cmpint (count_titled (casebook, "Written on a full disk"), ==, 0);
  /* Not one record of the failed import. */
  g_assert_cmpint (test_count_rows (casebook, "person"), ==, 0);
  g_assert_cmpint (test_count_rows (casebook, "act"), ==, 0);
  g_assert_cmpint (test_count_rows (casebook, "source"), ==, 0);
  g_clear_object (&casebook);
  test_remove_dir (dir);
}

/* --- A backup to a full disk --------------------------------------------- */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    count++;
  return count;
}

static void
backup_to_full_disk_in_child (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GawahCasebook) casebook = open_in_child (&path);
  g_autofree char *backup_dir = g_build_filename (g_getenv (FAULT_DIR_VARIABLE), "backups", NULL);
  g_autofree char *made = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (backup_dir, 0700), ==, 0);
  test_limit_file_size (16384);

  made = gawah_casebook_backup (casebook, backup_dir, &error);
  g_assert_null (made);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_DISK_FULL);
  assert_error_names_file (error, backup_dir, "disk is full");
  g_clear_error (&error);
  /* No partial backup, no journal: nothing that could pass for a backup. */
  g_assert_cmpuint (count_files (backup_dir), ==, 0);

  test_limit_file_size (-1);
  made = gawah_casebook_backup (casebook, backup_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_cmpuint (count_files (backup_dir), ==, 1);
}

static void
test_backup_to_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;

  if (g_test_subprocess ())
    {
      backup_to_full_disk_in_child ();
      return;
    }
  dir = make_casebook_for_child ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  path = casebook_path_in (dir);
  casebook = open_and_check (path);
  g_assert_cmpint (count_titled (casebook, "Written before the fault"), ==, 1);
  g_clear_object (&casebook);
  test_remove_dir (dir);
}

/* --- A read-only casebook ------------------------------------------------ */

static void
read_only_in_child (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;

  /* Root may write any file: take the rights of an ordinary user. */
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_assert_nonnull (nobody);
      g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
      g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
    }
  casebook = open_in_child (&path);
  g_assert_cmpint (count_titled (casebook, "Written before the fault"), ==, 1);

  g_assert_false (save_titled_incident (casebook, "Written to a read-only file", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_READ_ONLY);
  assert_error_names_file (error, path, "read-only");
}

static void
give_to_nobody (const char *path)
{
  struct passwd *nobody = getpwnam ("nobody");

  g_assert_nonnull (nobody);
  g_assert_cmpint (chown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
}

static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;

  if (g_test_subprocess ())
    {
      read_only_in_child ();
      return;
    }
  dir = make_casebook_for_child ();
  path = casebook_path_in (dir);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  if (geteuid () == 0)
    {
      give_to_nobody (dir);
      give_to_nobody (path);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  casebook = open_and_check (path);
  g_assert_cmpint (test_count_rows (casebook, "incident"), ==, 1);
  g_assert_cmpint (count_titled (casebook, "Written before the fault"), ==, 1);
  g_clear_object (&casebook);
  test_remove_dir (dir);
}

/* --- A damaged casebook ------------------------------------------------- */

/* Every page but the first is overwritten: the passphrase is still right
 * (the first page decrypts), so opening must say that the casebook is
 * damaged and what to do, not that the passphrase is wrong. */
static void
test_damaged (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = casebook_path_in (dir);
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, TEST_PASSPHRASE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < 40; i++)
    test_add_incident (casebook, "A record on a page that will be damaged");
  g_clear_object (&casebook);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  memset (contents + 4096, 0x5a, length - 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  casebook = gawah_casebook_open (path, TEST_PASSPHRASE, &error);
  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_DATABASE);
  assert_error_names_file (error, path, "damaged");
  test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/disk-full", test_disk_full);
  g_test_add_func ("/faults/backup-to-full-disk", test_backup_to_full_disk);
  g_test_add_func ("/faults/read-only", test_read_only);
  g_test_add_func ("/faults/damaged", test_damaged);
  return g_test_run ();
}
