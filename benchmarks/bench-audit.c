/* bench-audit.c: what the audit trail costs a bulk insert
 *
 * 10,000 incidents saved through the store API in one transaction, with
 * the audit triggers and without them, against plain prepared INSERTs
 * (which still fire the search and audit triggers). The store API with the
 * trail must reach at least half the rows/s of the plain statements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "gawah-casebook-private.h"

#define N_INCIDENTS 10000

typedef gboolean (*InsertRun) (GawahCasebook *casebook, GError **error);

static gboolean
insert_through_api (GawahCasebook  *casebook,
                    GError        **error)
{
  for (int i = 0; i < N_INCIDENTS; i++)
    {
      g_autoptr(GawahIncident) incident = gawah_incident_new ();

      incident->title = g_strdup_printf ("Synthetic incident %d", i);
      incident->summary = g_strdup ("Abducted from his home by men in plain clothes");
      incident->province = g_strdup ("pk-kp");
      if (!gawah_casebook_save_incident (casebook, incident, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_plain (GawahCasebook  *casebook,
              GError        **error)
{
  GawahDb *db = gawah_casebook_get_db (casebook);

  for (int i = 0; i < N_INCIDENTS; i++)
    {
      g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
        "INSERT INTO incident (uuid, title, summary, province, verification, confidentiality, status)"
        " VALUES (?1, ?2, 'Abducted from his home by men in plain clothes', 'pk-kp', 'unconfirmed', 'restricted', 'open')",
        error);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("Synthetic incident %d", i);

      if (stmt == NULL)
        return FALSE;
      gawah_stmt_bind_text (stmt, 1, uuid);
      gawah_stmt_bind_text (stmt, 2, title);
      if (!gawah_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_cb (GawahCasebook  *casebook,
        gpointer        user_data,
        GError        **error)
{
  InsertRun run = user_data;

  return run (casebook, error);
}

static double
measure (const char *dir,
         const char *name,
         InsertRun   run,
         gboolean    with_trail)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, "benchmark passphrase", &error);
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  if (!with_trail)
    gawah_db_exec (gawah_casebook_get_db (casebook),
                   "DROP TRIGGER audit_incident_insert; DROP TRIGGER audit_incident_update;"
                   " DROP TRIGGER audit_incident_delete", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  gawah_casebook_run_in_transaction (casebook, run_cb, run, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("%-34s %7.0f rows/s (%.2f s)\n", name, N_INCIDENTS / seconds, seconds);
  return N_INCIDENTS / seconds;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gawah-bench-XXXXXX", &error);
  double api, api_untracked, plain, plain_untracked;
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_assert_no_error (error);
  plain = measure (dir, "plain-statements-with-trail", insert_plain, TRUE);
  plain_untracked = measure (dir, "plain-statements-without-trail", insert_plain, FALSE);
  api = measure (dir, "store-api-with-trail", insert_through_api, TRUE);
  api_untracked = measure (dir, "store-api-without-trail", insert_through_api, FALSE);
  printf ("trail costs the store API %.0f %%; store API / plain statements: %.2f\n",
          100.0 * (1.0 - api / api_untracked), api / plain);
  (void) plain_untracked;

  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  return api >= plain / 2 ? 0 : 1;
}
