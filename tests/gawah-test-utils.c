/* gawah-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "gawah-casebook-import.h"
#include "gawah-casebook-private.h"
#include "gawah-test-utils.h"

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gawah-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
casebook_fixture_set_up (CasebookFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.gawah", NULL);
  fixture->casebook = gawah_casebook_create (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->casebook);
}

void
casebook_fixture_tear_down (CasebookFixture *fixture,
                            gconstpointer    data)
{
  g_assert_finalize_object (fixture->casebook);
  test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

char *
test_source_path (const char *relative)
{
  return g_build_filename (g_getenv ("GAWAH_SOURCE_DIR") != NULL ? g_getenv ("GAWAH_SOURCE_DIR") : SOURCE_DIR,
                           relative, NULL);
}

void
casebook_fixture_import_sample (CasebookFixture *fixture)
{
  g_autofree char *sample = test_source_path ("data/samples/sample-casebook.xml");
  g_autoptr(GError) error = NULL;

  gawah_casebook_import_file (fixture->casebook, sample, NULL, &error);
  g_assert_no_error (error);
}

gint64
test_count_rows (GawahCasebook *casebook,
                 const char    *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  gawah_db_query_int (gawah_casebook_get_db (casebook), sql, &count, &error);
  g_assert_no_error (error);
  return count;
}

gint64
test_add_person (GawahCasebook *casebook,
                 const char    *name_latin,
                 const char    *name_urdu,
                 const char    *category)
{
  g_autoptr(GawahPerson) person = gawah_person_new ();
  g_autoptr(GError) error = NULL;

  person->name_latin = g_strdup (name_latin);
  person->name_urdu = g_strdup (name_urdu);
  if (category != NULL)
    {
      g_strfreev (person->categories);
      person->categories = g_strsplit (category, " ", -1);
    }
  gawah_casebook_save_person (casebook, person, &error);
  g_assert_no_error (error);
  return person->id;
}

gint64
test_add_incident (GawahCasebook *casebook,
                   const char    *title)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  gawah_casebook_save_incident (casebook, incident, &error);
  g_assert_no_error (error);
  return incident->id;
}

gint64
test_add_act (GawahCasebook *casebook,
              gint64         incident_id,
              gint64         victim_id,
              const char    *act_type,
              const char    *law)
{
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autoptr(GError) error = NULL;

  act->incident_id = incident_id;
  act->victim_id = victim_id;
  act->act_type = g_strdup (act_type);
  if (law != NULL)
    {
      g_strfreev (act->laws);
      act->laws = g_strsplit (law, " ", -1);
    }
  gawah_casebook_save_act (casebook, act, &error);
  g_assert_no_error (error);
  return act->id;
}

void
test_limit_file_size (gint64 bytes)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = bytes < 0 ? limit.rlim_max : (rlim_t) bytes;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}
