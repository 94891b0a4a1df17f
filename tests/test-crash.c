/* test-crash.c: the casebook after being killed at random moments
 *
 * crash-worker changes a casebook through the store API, logging each
 * change before it starts and after it commits. This test kills it with
 * SIGKILL at a random moment, many times, and after every kill opens the
 * casebook and checks it: SQLite's and the search index's integrity checks,
 * the audit chain, and every logged change there whole or not at all.
 *
 * GAWAH_CRASH_SEED repeats a run (the seed is printed); GAWAH_CRASH_KILLS
 * changes the number of kills (100).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "crash-common.h"
#include "gawah-audit.h"
#include "gawah-casebook-private.h"
#include "gawah-test-utils.h"

/* What the log says incident n (made by change n) should look like. */
typedef struct {
  gboolean    exists;
  char       *title;
  guint       chronology;
  GHashTable *decisions;    /* provision id → note */
} AddedIncident;

typedef struct {
  char       *dir;
  char       *path;
  char       *log_path;
  char       *snapshot_path; /* the casebook's files as the last kill left them */
  GRand      *rand;
  guint64     next_worker_change;
  /* The checking thread's: */
  gsize       log_length;   /* of the log when the snapshot was taken */
  gsize       log_read;     /* bytes of the log already applied */
  guint64     next_change;
  guint       checked_kill;
  gint64      checking_us;
  GHashTable *added;        /* change number → AddedIncident */
  GHashTable *imports;      /* change number → GINT_TO_POINTER (present) */
  guint       records_per_import;
  guint       pending_seen; /* kills that caught a change between BEGIN and DONE */
  guint       pending_done; /* of those, how many had committed */
} CrashTest;

static void
added_incident_free (gpointer data)
{
  AddedIncident *added = data;

  g_free (added->title);
  g_hash_table_unref (added->decisions);
  g_free (added);
}

static AddedIncident *
added_incident_copy (const AddedIncident *added)
{
  AddedIncident *copy = g_new0 (AddedIncident, 1);
  GHashTableIter iter;
  gpointer key, value;

  copy->exists = added->exists;
  copy->title = g_strdup (added->title);
  copy->chronology = added->chronology;
  copy->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, added->decisions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->decisions, g_strdup (key), g_strdup (value));
  return copy;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddedIncident, added_incident_free)

/* --- Reading the casebook ------------------------------------------------ */

static gint64
query_count (GawahDb    *db,
             const char *sql,
             const char *text,
             gint64      number)
{
  sqlite3 *handle = gawah_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static char *
query_text (GawahDb    *db,
            const char *sql,
            const char *text)
{
  sqlite3 *handle = gawah_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* How many incidents the index finds for one exact token, and whether
 * incident `id` is among them. */
static void
describe_search (GString    *out,
                 GawahDb    *db,
                 const char *label,
                 const char *token,
                 gint64      id)
{
  g_autofree char *query = g_strdup_printf ("\"%s\"", token);

  g_string_append_printf (out, " %s=%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, label,
    query_count (db, "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH ?1", query, 0),
    query_count (db, "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH ?1 AND rowid = ?2", query, id));
}

static char *
last_word (const char *text)
{
  const char *space = strrchr (text, ' ');

  return g_strdup (space != NULL ? space + 1 : text);
}

/* What the casebook holds of incident n, in the words the expected
 * description uses, so that a mismatch shows both in the test log. */
static char *
describe_added_in_casebook (GawahDb *db,
                            guint64  n)
{
  g_autofree char *incident_uuid = crash_added_incident_uuid (n);
  g_autofree char *person_uuid = crash_added_person_uuid (n);
  g_autofree char *title = query_text (db, "SELECT title FROM incident WHERE uuid = ?1", incident_uuid);
  g_autofree char *added_token = crash_added_title (n);
  g_autofree char *person_token = crash_person_name (n);
  gint64 incident_id = query_count (db, "SELECT ifnull(max(id), 0) FROM incident WHERE uuid = ?1", incident_uuid, 0);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_string_append_printf (out, "person=%" G_GINT64_FORMAT " victim-acts=%" G_GINT64_FORMAT,
    query_count (db, "SELECT count(*) FROM person WHERE uuid = ?1", person_uuid, 0),
    query_count (db, "SELECT count(*) FROM act WHERE victim_id = (SELECT id FROM person WHERE uuid = ?1)",
                 person_uuid, 0));
  describe_search (out, db, "title-found", strrchr (added_token, ' ') + 1, incident_id);
  describe_search (out, db, "person-found", person_token, incident_id);
  if (title == NULL)
    return g_string_free (out, FALSE);

  g_string_append_printf (out, " title=“%s” chronology=%" G_GINT64_FORMAT, title,
    query_count (db, "SELECT count(*) FROM chronology WHERE incident_id = ?2", NULL, incident_id));
  if (strstr (title, "crashedit") != NULL)
    {
      g_autofree char *edit_token = last_word (title);

      describe_search (out, db, "edit-found", edit_token, incident_id);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (gawah_db_get_handle (db),
    "SELECT provision_id, note FROM provision_mapping WHERE incident_id = ?1 AND note LIKE 'crash decision %'"
    " ORDER BY provision_id", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, " %s:%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
describe_added_expected (const AddedIncident *added)
{
  GString *out = g_string_new ("person=1");
  g_autoptr(GList) provisions = NULL;

  if (!added->exists)
    {
      g_string_append (out, " victim-acts=0 title-found=0/0 person-found=0/0");
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, " victim-acts=2 title-found=1/1 person-found=1/1 title=“%s” chronology=%u",
                          added->title, added->chronology);
  if (strstr (added->title, "crashedit") != NULL)
    g_string_append (out, " edit-found=1/1");
  provisions = g_list_sort (g_hash_table_get_keys (added->decisions), (GCompareFunc) strcmp);
  for (GList *l = provisions; l != NULL; l = l->next)
    g_string_append_printf (out, " %s:%s", (char *) l->data, (char *) g_hash_table_lookup (added->decisions, l->data));
  return g_string_free (out, FALSE);
}

#define IMPORTED_RECORDS \
  "SELECT uuid FROM person UNION ALL SELECT uuid FROM incident UNION ALL SELECT uuid FROM act" \
  " UNION ALL SELECT uuid FROM chronology UNION ALL SELECT uuid FROM follow_up" \
  " UNION ALL SELECT uuid FROM source UNION ALL SELECT uuid FROM incident_link"

static gint64
count_import_records (GawahDb *db,
                      guint64  n)
{
  g_autofree char *prefix = crash_import_uuid_prefix (n);
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);

  return query_count (db, "SELECT count(*) FROM (" IMPORTED_RECORDS ") WHERE uuid LIKE ?1", pattern, 0);
}

/* Every import's records at once: prefix → count. */
static GHashTable *
count_all_import_records (GawahDb *db)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (gawah_db_get_handle (db),
    "SELECT substr(uuid, 1, 9), count(*) FROM (" IMPORTED_RECORDS ") GROUP BY 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  sqlite3_finalize (stmt);
  return counts;
}

/* --- The log ------------------------------------------------------------- */

typedef struct {
  guint64  n;
  char    *op;
  guint64  target;
  char    *provision;
  gboolean done;
} Change;

static void
change_clear (Change *change)
{
  g_free (change->op);
  g_free (change->provision);
}

/* What incident `target` looks like once change `change` has been applied. */
static AddedIncident *
apply_to_added (const Change        *change,
                const AddedIncident *before)
{
  AddedIncident *after;

  if (g_str_equal (change->op, CRASH_OP_ADD))
    {
      after = g_new0 (AddedIncident, 1);
      after->exists = TRUE;
      after->title = crash_added_title (change->n);
      after->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      return after;
    }
  after = added_incident_copy (before);
  if (g_str_equal (change->op, CRASH_OP_EDIT))
    {
      g_free (after->title);
      after->title = crash_edited_title (change->target, change->n);
      after->chronology++;
    }
  else if (g_str_equal (change->op, CRASH_OP_DELETE))
    after->exists = FALSE;
  else if (g_str_equal (change->op, CRASH_OP_DECIDE))
    g_hash_table_insert (after->decisions, g_strdup (change->provision), crash_decision_note (change->n));
  else
    g_assert_not_reached ();
  return after;
}

static guint64
added_key (const Change *change)
{
  return g_str_equal (change->op, CRASH_OP_ADD) ? change->n : change->target;
}

static void
record_change (CrashTest    *test,
               const Change *change)
{
  guint64 key;

  if (g_str_equal (change->op, CRASH_OP_IMPORT))
    {
      g_hash_table_insert (test->imports, GSIZE_TO_POINTER ((gsize) change->n), GINT_TO_POINTER (TRUE));
      return;
    }
  key = added_key (change);
  g_hash_table_insert (test->added, GSIZE_TO_POINTER ((gsize) key),
                       apply_to_added (change, g_hash_table_lookup (test->added, GSIZE_TO_POINTER ((gsize) key))));
}

/* A change between BEGIN and DONE when the worker died: it must be in the
 * casebook whole, or not at all. Either way the log now knows which. */
static void
settle_pending_change (CrashTest    *test,
                       GawahDb      *db,
                       const Change *change)
{
  gboolean applied;

  test->pending_seen++;
  if (g_str_equal (change->op, CRASH_OP_IMPORT))
    {
      gint64 found = count_import_records (db, change->n);

      if (found != 0 && found != test->records_per_import)
        g_error ("change %" G_GUINT64_FORMAT " (import) half there: %" G_GINT64_FORMAT " of %u records",
                 change->n, found, test->records_per_import);
      applied = found != 0;
      if (!applied)
        g_hash_table_insert (test->imports, GSIZE_TO_POINTER ((gsize) change->n), GINT_TO_POINTER (FALSE));
    }
  else
    {
      guint64 key = added_key (change);
      AddedIncident *before = g_hash_table_lookup (test->added, GSIZE_TO_POINTER ((gsize) key));
      g_autoptr(AddedIncident) after = apply_to_added (change, before);
      g_autofree char *actual = describe_added_in_casebook (db, key);
      g_autofree char *expected_after = describe_added_expected (after);
      g_autofree char *expected_before = before != NULL ? describe_added_expected (before)
                                                        : g_strdup ("person=0 victim-acts=0 title-found=0/0 person-found=0/0");

      if (!g_str_equal (actual, expected_after) && !g_str_equal (actual, expected_before))
        g_error ("change %" G_GUINT64_FORMAT " (%s) half there:\n  found:  %s\n  before: %s\n  after:  %s",
                 change->n, change->op, actual, expected_before, expected_after);
      applied = g_str_equal (actual, expected_after);
    }
  if (applied)
    {
      test->pending_done++;
      record_change (test, change);
    }
}

static gboolean
parse_line (const char *line,
            Change     *change)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n_words = g_strv_length (words);

  if (n_words == 2 && g_str_equal (words[0], "DONE"))
    {
      change->n = g_ascii_strtoull (words[1], NULL, 10);
      change->done = TRUE;
      return TRUE;
    }
  g_assert_cmpuint (n_words, >=, 3);
  g_assert_cmpstr (words[0], ==, "BEGIN");
  change->n = g_ascii_strtoull (words[1], NULL, 10);
  change->op = g_strdup (words[2]);
  change->target = n_words > 3 ? g_ascii_strtoull (words[3], NULL, 10) : 0;
  change->provision = n_words > 4 ? g_strdup (words[4]) : NULL;
  change->done = FALSE;
  return TRUE;
}

/* Applies what the worker logged since the last kill; returns the change it
 * began and did not finish, if any. */
static gboolean
read_new_log (CrashTest *test,
              Change    *pending)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean has_pending = FALSE;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (test->log_path, &contents, &length, NULL));
  /* The next worker may have written more since the snapshot. */
  length = MIN (length, test->log_length);
  g_assert_cmpuint (length, >=, test->log_read);
  if (length == test->log_read)
    return FALSE;
  /* The worker writes each line with one write(): a kill never cuts one. */
  g_assert_cmpint (contents[length - 1], ==, '\n');
  contents[length - 1] = '\0';
  lines = g_strsplit (contents + test->log_read, "\n", -1);
  test->log_read = length;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Change change = { 0 };

      parse_line (lines[i], &change);
      if (change.done)
        {
          g_assert_true (has_pending);
          g_assert_cmpuint (change.n, ==, pending->n);
          record_change (test, pending);
          change_clear (pending);
          has_pending = FALSE;
        }
      else
        {
          g_assert_false (has_pending);
          g_assert_cmpuint (change.n, ==, test->next_change);
          *pending = change;
          has_pending = TRUE;
        }
      test->next_change = change.n + 1;
    }
  return has_pending;
}

/* --- The checks after each kill ------------------------------------------ */

static void
assert_casebook_whole (CrashTest *test,
                       guint      kill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_open (test->snapshot_path, TEST_PASSPHRASE, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GawahAuditVerdict) verdict = NULL;
  g_autoptr(GHashTable) import_counts = NULL;
  GHashTableIter iter;
  gpointer key, value;
  Change pending = { 0 };
  GawahDb *db;

  g_assert_no_error (error);
  db = gawah_casebook_get_db (casebook);

  g_assert_true (gawah_casebook_check_integrity (casebook, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("kill %u: %s\n", kill, (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (gawah_casebook_verify_audit (casebook, &verdict, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (verdict->problem, ==, NULL);

  /* The contentless index cannot check itself against the records. */
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM incident WHERE id NOT IN (SELECT rowid FROM incident_fts)",
                                NULL, 0), ==, 0);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM incident_fts WHERE rowid NOT IN (SELECT id FROM incident)",
                                NULL, 0), ==, 0);

  if (read_new_log (test, &pending))
    {
      settle_pending_change (test, db, &pending);
      change_clear (&pending);
    }

  import_counts = count_all_import_records (db);
  g_hash_table_iter_init (&iter, test->imports);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *prefix = crash_import_uuid_prefix (GPOINTER_TO_SIZE (key));

      g_assert_cmpuint (GPOINTER_TO_SIZE (g_hash_table_lookup (import_counts, prefix)), ==,
                        GPOINTER_TO_INT (value) ? test->records_per_import : 0);
    }

  g_hash_table_iter_init (&iter, test->added);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *actual = describe_added_in_casebook (db, GPOINTER_TO_SIZE (key));
      g_autofree char *expected = describe_added_expected (value);

      g_assert_cmpstr (actual, ==, expected);
    }
}

static gpointer
check_snapshot_thread (gpointer data)
{
  CrashTest *test = data;
  gint64 started = g_get_monotonic_time ();

  assert_casebook_whole (test, test->checked_kill);
  test->checking_us += g_get_monotonic_time () - started;
  return NULL;
}

static void
copy_file_if_there (const char *from,
                    const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_delete (destination, NULL, NULL);
  if (g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    return;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The files as the kill left them (the casebook and its write-ahead log;
 * the shared-memory index is rebuilt from the log), so that they can be
 * checked while the next worker already runs on the originals. The next
 * worker continues the log where this one stopped. */
static void
take_snapshot (CrashTest *test)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *log = NULL;
  g_autofree char *last_line = NULL;
  gsize length = 0;
  char *newline;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (test->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (test->snapshot_path, suffixes[i], NULL);

      if (g_str_equal (suffixes[i], "-shm"))
        g_unlink (to);
      else
        copy_file_if_there (from, to);
    }

  g_assert_true (g_file_get_contents (test->log_path, &log, &length, NULL));
  test->log_length = length;
  if (length == 0)
    return;
  log[length - 1] = '\0';
  newline = strrchr (log, '\n');
  last_line = g_strdup (newline != NULL ? newline + 1 : log);
  /* "BEGIN n …" or "DONE n" */
  test->next_worker_change = g_ascii_strtoull (strchr (last_line, ' ') + 1, NULL, 10) + 1;
}

static void
run_worker_and_kill (CrashTest *test,
                     guint      kill)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_strdup_printf ("%" G_GUINT64_FORMAT, test->next_worker_change);
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (test->rand));
  g_autofree char *worker_path = g_test_build_filename (G_TEST_BUILT, "crash-worker", NULL);
  g_autoptr(GSubprocess) worker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                    worker_path, test->path, test->log_path, first, seed, NULL);
  /* One kill in ten while it opens the casebook (and recovers the last
   * crash); the others while it works. */
  gboolean during_open = g_rand_int_range (test->rand, 0, 10) == 0;
  gulong delay_us = during_open ? g_rand_int_range (test->rand, 0, 150000)
                                : g_rand_int_range (test->rand, 0, 200000);

  g_assert_no_error (error);
  if (!during_open)
    {
      char ready = 0;

      g_input_stream_read (g_subprocess_get_stdout_pipe (worker), &ready, 1, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ready, ==, 'R');
    }
  g_usleep (delay_us);
  g_subprocess_send_signal (worker, SIGKILL);
  g_subprocess_wait (worker, NULL, &error);
  g_assert_no_error (error);
  /* It stops only when killed: an exit means a change failed (its stderr says why). */
  g_assert_true (g_subprocess_get_if_signaled (worker));
}

static void
test_kill_at_random (void)
{
  const char *seed_text = g_getenv ("GAWAH_CRASH_SEED");
  const char *kills_text = g_getenv ("GAWAH_CRASH_KILLS");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  guint kills = kills_text != NULL ? (guint) g_ascii_strtoull (kills_text, NULL, 10) : 100;
  g_autofree char *sample_path = test_source_path ("data/samples/sample-casebook.xml");
  g_autofree char *sample_text = NULL;
  gsize sample_length = 0;
  g_autoptr(GBytes) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) created = NULL;
  CrashTest test = { 0 };
  gint64 started = g_get_monotonic_time ();
  GThread *checker = NULL;

  g_test_message ("seed %u (set GAWAH_CRASH_SEED=%u to repeat this run)", seed, seed);
  g_printerr ("test-crash: seed %u\n", seed);
  test.rand = g_rand_new_with_seed (seed);
  test.dir = test_make_temp_dir ();
  test.path = g_build_filename (test.dir, "crash.gawah", NULL);
  test.log_path = g_build_filename (test.dir, "changes.log", NULL);
  test.snapshot_path = g_build_filename (test.dir, "checked.gawah", NULL);
  test.added = g_hash_table_new_full (NULL, NULL, NULL, added_incident_free);
  test.imports = g_hash_table_new (NULL, NULL);
  g_assert_true (g_file_get_contents (sample_path, &sample_text, &sample_length, NULL));
  sample = g_bytes_new_take (g_steal_pointer (&sample_text), sample_length);
  test.records_per_import = crash_count_document_ids (sample);
  g_assert_cmpuint (test.records_per_import, >, 10);

  created = gawah_casebook_create (test.path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_clear_object (&created);

  /* While one thread checks what kill k left, the next worker runs. */
  for (guint kill = 0; kill < kills; kill++)
    {
      run_worker_and_kill (&test, kill);
      g_clear_pointer (&checker, g_thread_join);
      take_snapshot (&test);
      test.checked_kill = kill;
      checker = g_thread_new ("check", check_snapshot_thread, &test);
    }
  g_clear_pointer (&checker, g_thread_join);

  g_test_message ("%u kills, %" G_GUINT64_FORMAT " changes logged, %u kills between BEGIN and DONE"
                  " (%u of them already committed), %u incidents added, %u imports",
                  kills, test.next_change, test.pending_seen, test.pending_done,
                  g_hash_table_size (test.added), g_hash_table_size (test.imports));
  g_test_message ("%.1f s in all, of which %.1f s checking the casebook (alongside the next worker)",
                  (g_get_monotonic_time () - started) / 1e6, test.checking_us / 1e6);
  /* Most kills must land inside a change, or the test proves little. */
  g_assert_cmpuint (test.pending_seen, >=, kills / 3);
  g_assert_cmpuint (test.next_change, >=, kills / 2);

  g_hash_table_unref (test.added);
  g_hash_table_unref (test.imports);
  g_rand_free (test.rand);
  test_remove_dir (test.dir);
  g_free (test.dir);
  g_free (test.path);
  g_free (test.log_path);
  g_free (test.snapshot_path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-at-random", test_kill_at_random);
  return g_test_run ();
}
