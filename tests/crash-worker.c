/* crash-worker.c: changes a casebook through the store API until it is killed
 *
 * Usage: crash-worker CASEBOOK LOG FIRST-CHANGE SEED
 *
 * Before each change it appends "BEGIN n OP args" to LOG and makes it
 * durable, after the commit "DONE n": test-crash kills it at a random moment
 * and checks that every change is in the casebook whole or not at all.
 * It writes one byte on its standard output once the casebook is open, so
 * that the test can aim its kills at the work rather than the key derivation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash-common.h"
#include "gawah-casebook-import.h"
#include "gawah-casebook-private.h"
#include "gawah-casebook.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct {
  GawahCasebook *casebook;
  GBytes        *sample;
  int            log_fd;
  GRand         *rand;
  guint64        n;
} Worker;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("crash-worker: %s: %s\n", what, error != NULL ? error->message : g_strerror (errno));
  exit (1);
}

static void
log_line (Worker     *worker,
          const char *line)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);
  gsize length = strlen (text);

  /* One write: a kill leaves the line whole or absent. */
  if (write (worker->log_fd, text, length) != (gssize) length || fsync (worker->log_fd) != 0)
    die ("log", NULL);
}

static gboolean
import_renumbered (Worker  *worker,
                   GError **error)
{
  g_autoptr(GBytes) document = crash_renumber_document (worker->sample, worker->n);

  return gawah_casebook_import_document (worker->casebook, document, "sample-casebook.xml", NULL, error);
}

static gboolean
add_act (GawahCasebook  *casebook,
         gint64          incident_id,
         gint64          victim_id,
         const char     *act_type,
         GError        **error)
{
  g_autoptr(GawahAct) act = gawah_act_new ();

  act->incident_id = incident_id;
  act->victim_id = victim_id;
  act->act_type = g_strdup (act_type);
  return gawah_casebook_save_act (casebook, act, error);
}

/* A person, an incident and two acts: one change, one transaction. */
static gboolean
add_incident_work (GawahCasebook  *casebook,
                   gpointer        user_data,
                   GError        **error)
{
  Worker *worker = user_data;
  g_autoptr(GawahPerson) person = gawah_person_new ();
  g_autoptr(GawahIncident) incident = gawah_incident_new ();

  person->uuid = crash_added_person_uuid (worker->n);
  person->name_latin = crash_person_name (worker->n);
  incident->uuid = crash_added_incident_uuid (worker->n);
  incident->title = crash_added_title (worker->n);
  incident->summary = g_strdup ("Written by the crash test, killed at random moments.");
  return gawah_casebook_save_person (casebook, person, error) &&
         gawah_casebook_save_incident (casebook, incident, error) &&
         add_act (casebook, incident->id, person->id, "enforced-disappearance", error) &&
         add_act (casebook, incident->id, person->id, "torture", error);
}

typedef struct {
  Worker  *worker;
  gint64   incident_id;
  guint64  added;
} EditWork;

/* A new title and a chronology entry: one change, one transaction. */
static gboolean
edit_incident_work (GawahCasebook  *casebook,
                    gpointer        user_data,
                    GError        **error)
{
  EditWork *edit = user_data;
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (casebook, edit->incident_id, error);
  g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();

  if (incident == NULL)
    return FALSE;
  g_free (incident->title);
  incident->title = crash_edited_title (edit->added, edit->worker->n);
  entry->incident_id = edit->incident_id;
  entry->step = g_strdup ("threat");
  entry->description = crash_chronology_text (edit->worker->n);
  return gawah_casebook_save_incident (casebook, incident, error) &&
         gawah_casebook_save_chronology_entry (casebook, entry, error);
}

/* One of the incidents ADD made that is still there, or 0 if none. */
static guint64
pick_added_incident (Worker *worker,
                     gint64 *incident_id)
{
  GawahDb *db = gawah_casebook_get_db (worker->casebook);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "SELECT id, uuid FROM incident WHERE uuid LIKE '" CRASH_ADDED_INCIDENT_PREFIX "%' ORDER BY id", &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  gboolean has_row = TRUE;
  guint chosen;

  if (stmt == NULL)
    die ("choosing an incident", error);
  while (gawah_db_step_row (db, stmt, &has_row, &error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (uuids, gawah_stmt_dup_text (stmt, 1));
    }
  if (error != NULL)
    die ("choosing an incident", error);
  if (ids->len == 0)
    return 0;
  chosen = g_rand_int_range (worker->rand, 0, (gint32) ids->len);
  *incident_id = g_array_index (ids, gint64, chosen);
  /* The number is the UUID's last group: see crash_added_incident_uuid(). */
  return g_ascii_strtoull ((const char *) uuids->pdata[chosen] + 24, NULL, 10);
}

static char *
first_suggested_provision (Worker *worker,
                           gint64  incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mappings = gawah_casebook_list_mappings (worker->casebook, incident_id, &error);

  if (mappings == NULL)
    die ("listing mappings", error);
  if (mappings->len == 0)
    return NULL;
  return g_strdup (((GawahProvisionMapping *) mappings->pdata[0])->provision_id);
}

static gboolean
change_once (Worker  *worker,
             GError **error)
{
  int roll = g_rand_int_range (worker->rand, 0, 100);
  gint64 incident_id = 0;
  guint64 added = roll >= 45 ? pick_added_incident (worker, &incident_id) : 0;
  g_autofree char *begin = NULL;
  g_autofree char *done = g_strdup_printf ("DONE %" G_GUINT64_FORMAT, worker->n);
  gboolean ok;

  if (roll < 10)
    {
      begin = g_strdup_printf ("BEGIN %" G_GUINT64_FORMAT " " CRASH_OP_IMPORT, worker->n);
      log_line (worker, begin);
      ok = import_renumbered (worker, error);
    }
  else if (roll < 45 || added == 0)
    {
      begin = g_strdup_printf ("BEGIN %" G_GUINT64_FORMAT " " CRASH_OP_ADD, worker->n);
      log_line (worker, begin);
      ok = gawah_casebook_run_in_transaction (worker->casebook, add_incident_work, worker, error);
    }
  else if (roll < 70)
    {
      EditWork edit = { worker, incident_id, added };

      begin = g_strdup_printf ("BEGIN %" G_GUINT64_FORMAT " " CRASH_OP_EDIT " %" G_GUINT64_FORMAT, worker->n, added);
      log_line (worker, begin);
      ok = gawah_casebook_run_in_transaction (worker->casebook, edit_incident_work, &edit, error);
    }
  else if (roll < 88)
    {
      g_autofree char *provision = first_suggested_provision (worker, incident_id);
      g_autofree char *note = crash_decision_note (worker->n);

      if (provision == NULL)
        {
          g_printerr ("crash-worker: no provision was suggested for incident %" G_GINT64_FORMAT "\n", incident_id);
          exit (1);
        }
      begin = g_strdup_printf ("BEGIN %" G_GUINT64_FORMAT " " CRASH_OP_DECIDE " %" G_GUINT64_FORMAT " %s",
                               worker->n, added, provision);
      log_line (worker, begin);
      ok = gawah_casebook_decide_provision (worker->casebook, incident_id, provision,
                                            GAWAH_DECISION_CONFIRMED, note, error);
    }
  else
    {
      begin = g_strdup_printf ("BEGIN %" G_GUINT64_FORMAT " " CRASH_OP_DELETE " %" G_GUINT64_FORMAT, worker->n, added);
      log_line (worker, begin);
      ok = gawah_casebook_delete_incident (worker->casebook, incident_id, error);
    }
  if (!ok)
    return FALSE;
  log_line (worker, done);
  worker->n++;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *sample_text = NULL;
  gsize sample_length = 0;
  Worker worker = { 0 };

  if (argc != 5)
    {
      g_printerr ("usage: crash-worker CASEBOOK LOG FIRST-CHANGE SEED\n");
      return 2;
    }
  sample_path = g_build_filename (g_getenv ("GAWAH_SOURCE_DIR"), "data", "samples", "sample-casebook.xml", NULL);
  if (!g_file_get_contents (sample_path, &sample_text, &sample_length, &error))
    die ("sample casebook", error);
  worker.sample = g_bytes_new_take (g_steal_pointer (&sample_text), sample_length);
  worker.n = g_ascii_strtoull (argv[3], NULL, 10);
  worker.rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[4], NULL, 10));
  worker.log_fd = open (argv[2], O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (worker.log_fd < 0)
    die ("log", NULL);

  worker.casebook = gawah_casebook_open (argv[1], PASSPHRASE, &error);
  if (worker.casebook == NULL)
    die ("opening the casebook", error);
  if (write (STDOUT_FILENO, "R", 1) != 1)
    die ("ready", NULL);

  for (;;)
    if (!change_once (&worker, &error))
      die ("changing the casebook", error);
}
