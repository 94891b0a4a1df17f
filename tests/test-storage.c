/* test-storage.c: the encrypted casebook file, its connection and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

#define ENGLISH_MARKER "Zanzibarquokka7391"
#define URDU_MARKER "خفیہگواہنشان"
#define SQLITE_HEADER "SQLite format 3"

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  return memmem (data, size, needle, strlen (needle)) != NULL;
}

static void
write_text_file (const char *path,
                 const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
close_casebook (CasebookFixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->casebook));
}

static void
reopen_casebook (CasebookFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fixture->casebook);
  fixture->casebook = gawah_casebook_open (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->casebook);
}

/* Opening must fail with a code and leave nothing behind to finalize. */
static void
assert_open_fails (const char *path,
                   const char *passphrase,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_open (path, passphrase, &error);

  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, code);
}

static void
test_reopen_keeps_data (CasebookFixture *fixture,
                        gconstpointer    data)
{
  gint64 incident_id = test_add_incident (fixture->casebook, "ادریس خٹک کی جبری گمشدگی");
  gint64 person_id = test_add_person (fixture->casebook, "Idris Khattak", "ادریس خٹک", "activist");
  g_autoptr(GawahIncident) incident = NULL;
  g_autoptr(GawahPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  close_casebook (fixture);
  reopen_casebook (fixture);

  incident = gawah_casebook_get_incident (fixture->casebook, incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (incident->title, ==, "ادریس خٹک کی جبری گمشدگی");
  person = gawah_casebook_get_person (fixture->casebook, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->name_urdu, ==, "ادریس خٹک");
  g_assert_cmpstr (person->categories[0], ==, "activist");
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook, NULL), ==, 1);
  g_assert_cmpstr (gawah_casebook_get_path (fixture->casebook), ==, fixture->path);
}

static void
test_wrong_passphrase (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  test_add_incident (fixture->casebook, "Raid on a press club");
  close_casebook (fixture);
  before = read_bytes (fixture->path);

  casebook = gawah_casebook_open (fixture->path, "correct horse battery stapler", &error);
  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "Wrong passphrase"));

  /* A failed attempt must not touch the file, or a typo could damage it. */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  reopen_casebook (fixture);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook, NULL), ==, 1);
}

/* No casebook has an empty passphrase (create refuses one), so typing
 * none is a wrong passphrase, said in words, not a database error. */
static void
test_open_empty_passphrase (CasebookFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  close_casebook (fixture);
  before = read_bytes (fixture->path);

  casebook = gawah_casebook_open (fixture->path, "", &error);
  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "Wrong passphrase"));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  reopen_casebook (fixture);
}

static void
test_missing_path (CasebookFixture *fixture,
                   gconstpointer    data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gawah", NULL);
  g_autofree char *in_missing_dir = g_build_filename (fixture->dir, "nowhere", "missing.gawah", NULL);

  assert_open_fails (missing, TEST_PASSPHRASE, GAWAH_ERROR_NOT_FOUND);
  assert_open_fails (in_missing_dir, TEST_PASSPHRASE, GAWAH_ERROR_NOT_FOUND);
  /* SQLite creates files on open unless told not to. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (in_missing_dir, G_FILE_TEST_EXISTS));
}

static void
test_create_over_existing (CasebookFixture *fixture,
                           gconstpointer    data)
{
  g_autofree char *letter = g_build_filename (fixture->dir, "letter.txt", NULL);
  g_autoptr(GawahCasebook) over_casebook = NULL;
  g_autoptr(GawahCasebook) over_letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;

  over_casebook = gawah_casebook_create (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_null (over_casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_EXISTS);
  g_clear_error (&error);

  write_text_file (letter, "Dear Sir, an FIR was refused.\n");
  over_letter = gawah_casebook_create (letter, TEST_PASSPHRASE, &error);
  g_assert_null (over_letter);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_EXISTS);
  after = read_bytes (letter);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   "Dear Sir, an FIR was refused.\n", strlen ("Dear Sir, an FIR was refused.\n"));

  /* The open casebook was not disturbed either. */
  test_add_incident (fixture->casebook, "Still writable");
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 1);
}

static void
test_empty_passphrase (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "unlocked.gawah", NULL);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;

  casebook = gawah_casebook_create (path, "", &error);
  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Passphrase"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
save_marked_records (GawahCasebook *casebook)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GBytes) content = g_bytes_new_static ("statement " ENGLISH_MARKER " " URDU_MARKER,
                                                  strlen ("statement " ENGLISH_MARKER " " URDU_MARKER));
  g_autoptr(GawahEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup ("Abduction " ENGLISH_MARKER " " URDU_MARKER);
  incident->summary = g_strdup (URDU_MARKER " summary " ENGLISH_MARKER);
  gawah_casebook_save_incident (casebook, incident, &error);
  g_assert_no_error (error);
  test_add_person (casebook, ENGLISH_MARKER, URDU_MARKER, NULL);
  evidence = gawah_casebook_attach_evidence (casebook, incident->id, 0, "statement.txt",
                                             "text/plain", content, &error);
  g_assert_no_error (error);
}

/* Search indexes keep words lower-cased: look for that form too. */
static void
assert_no_plaintext (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *lower = g_ascii_strdown (ENGLISH_MARKER, -1);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  bytes = read_bytes (path);
  g_assert_false (bytes_contain (bytes, ENGLISH_MARKER));
  g_assert_false (bytes_contain (bytes, lower));
  g_assert_false (bytes_contain (bytes, URDU_MARKER));
  g_assert_false (bytes_contain (bytes, SQLITE_HEADER));
}

/* The control: the same records exported without a key do show the
 * markers, so the searches above would catch a leak. */
static void
assert_plain_export_shows_markers (CasebookFixture *fixture)
{
  GawahDb *db = gawah_casebook_get_db (fixture->casebook);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.db", NULL);
  g_autofree char *attach = g_strdup_printf ("ATTACH DATABASE '%s' AS plain KEY ''", plain);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (ENGLISH_MARKER, -1);

  /* The casebook's connection may not create files: give it an empty one. */
  write_text_file (plain, "");
  gawah_db_exec (db, attach, &error);
  g_assert_no_error (error);
  gawah_db_exec (db, "SELECT sqlcipher_export ('plain'); DETACH DATABASE plain", &error);
  g_assert_no_error (error);

  bytes = read_bytes (plain);
  g_assert_true (bytes_contain (bytes, SQLITE_HEADER));
  g_assert_true (bytes_contain (bytes, ENGLISH_MARKER));
  g_assert_true (bytes_contain (bytes, lower));
  g_assert_true (bytes_contain (bytes, URDU_MARKER));
}

static void
test_no_plaintext_on_disk (CasebookFixture *fixture,
                           gconstpointer    data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(GBytes) bytes = NULL;

  save_marked_records (fixture->casebook);

  /* While open, the new pages sit in the write-ahead log. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_no_plaintext (fixture->path);
  assert_no_plaintext (wal);
  assert_no_plaintext (shm);

  /* On close they are checkpointed into the main file. */
  close_casebook (fixture);
  bytes = read_bytes (fixture->path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 4096);
  assert_no_plaintext (fixture->path);
  assert_no_plaintext (wal);

  reopen_casebook (fixture);
  g_assert_cmpint (test_count_rows (fixture->casebook, "evidence"), ==, 1);
  assert_plain_export_shows_markers (fixture);
}

static void
test_plain_file_is_not_a_casebook (CasebookFixture *fixture,
                                   gconstpointer    data)
{
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *short_note = g_build_filename (fixture->dir, "short.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) after = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "Hearing adjourned again. سماعت ملتوی\n");
  write_text_file (notes, text->str);
  write_text_file (short_note, "hello");

  assert_open_fails (notes, TEST_PASSPHRASE, GAWAH_ERROR_WRONG_PASSPHRASE);
  assert_open_fails (short_note, TEST_PASSPHRASE, GAWAH_ERROR_WRONG_PASSPHRASE);

  after = read_bytes (notes);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text->str, text->len);
}

/* An empty file is a valid, empty SQLite database, but not a casebook:
 * it is refused, and not turned into an encrypted database on the way. */
static void
test_empty_file_is_not_a_casebook (CasebookFixture *fixture,
                                   gconstpointer    data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.gawah", NULL);
  g_autoptr(GBytes) after = NULL;

  write_text_file (empty, "");
  assert_open_fails (empty, TEST_PASSPHRASE, GAWAH_ERROR_NOT_A_CASEBOOK);

  after = read_bytes (empty);
  g_assert_cmpuint (g_bytes_get_size (after), ==, 0);
}

static char *
query_text (GawahCasebook *casebook,
            const char    *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (gawah_casebook_get_db (casebook), sql, &error);
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  gawah_db_step_row (gawah_casebook_get_db (casebook), stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  return gawah_stmt_dup_text (stmt, 0);
}

static gint64
query_int (GawahCasebook *casebook,
           const char    *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  gawah_db_query_int (gawah_casebook_get_db (casebook), sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

static void
test_cipher_version (CasebookFixture *fixture,
                     gconstpointer    data)
{
  sqlite3 *handle = gawah_db_get_handle (gawah_casebook_get_db (fixture->casebook));
  g_autofree char *version = query_text (fixture->casebook, "PRAGMA cipher_version");

  g_assert_nonnull (handle);
  g_assert_nonnull (version);
  g_assert_cmpstr (version, !=, "");
}

/* The settings are per connection: check them on a reopened casebook. */
static void
test_connection_settings (CasebookFixture *fixture,
                          gconstpointer    data)
{
  g_autofree char *journal_mode = NULL;

  close_casebook (fixture);
  reopen_casebook (fixture);

  journal_mode = query_text (fixture->casebook, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (fixture->casebook, "PRAGMA foreign_keys"), ==, 1);
  /* 2 is MEMORY: temporary tables never reach the disk unencrypted. */
  g_assert_cmpint (query_int (fixture->casebook, "PRAGMA temp_store"), ==, 2);
  /* 2 is FULL: a power cut never loses a commit. */
  g_assert_cmpint (query_int (fixture->casebook, "PRAGMA synchronous"), ==, 2);
}

static void
assert_no_problems (GawahCasebook *casebook)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_check_integrity (casebook, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_integrity_fresh (CasebookFixture *fixture,
                      gconstpointer    data)
{
  assert_no_problems (fixture->casebook);
}

static void
add_details (GawahCasebook *casebook,
             gint64         incident_id,
             gint64         person_id)
{
  g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();
  g_autoptr(GawahSource) source = gawah_source_new ();
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GawahEvidence) evidence = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("\x89PNG\r\n", 6);
  g_autoptr(GError) error = NULL;

  entry->incident_id = incident_id;
  g_free (entry->step);
  entry->step = g_strdup ("habeas-petition");
  entry->description = g_strdup ("پشاور ہائی کورٹ میں درخواست دائر");
  gawah_casebook_save_chronology_entry (casebook, entry, &error);
  g_assert_no_error (error);

  source->incident_id = incident_id;
  source->person_id = person_id;
  source->source_type = g_strdup ("relative");
  gawah_casebook_save_source (casebook, source, &error);
  g_assert_no_error (error);

  follow_up->incident_id = incident_id;
  follow_up->body = g_strdup ("high-court");
  follow_up->action_type = g_strdup ("habeas-petition");
  gawah_casebook_save_follow_up (casebook, follow_up, &error);
  g_assert_no_error (error);

  evidence = gawah_casebook_attach_evidence (casebook, incident_id, source->id, "photo.png",
                                             "image/png", content, &error);
  g_assert_no_error (error);
}

static void
link_incidents (GawahCasebook *casebook,
                gint64         from,
                gint64         to)
{
  g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
  g_autoptr(GError) error = NULL;

  link->from_incident_id = from;
  link->to_incident_id = to;
  g_free (link->link_type);
  link->link_type = g_strdup ("reprisal-for");
  gawah_casebook_save_link (casebook, link, &error);
  g_assert_no_error (error);
}

static void
rename_person (GawahCasebook *casebook,
               gint64         person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahPerson) person = gawah_casebook_get_person (casebook, person_id, &error);

  g_assert_no_error (error);
  g_free (person->name_latin);
  person->name_latin = g_strdup ("Muhammad Idris Khattak");
  gawah_casebook_save_person (casebook, person, &error);
  g_assert_no_error (error);
}

/* Every kind of write, update and delete, so that each trigger that keeps
 * the search indexes in step has run at least once. */
static void
test_integrity_filled (CasebookFixture *fixture,
                       gconstpointer    data)
{
  GawahCasebook *casebook = fixture->casebook;
  gint64 victim = test_add_person (casebook, "Idris Khattak", "ادریس خٹک", "activist researcher");
  gint64 agency = test_add_person (casebook, "Unknown agency", NULL, NULL);
  gint64 first = test_add_incident (casebook, "ادریس خٹک کی جبری گمشدگی");
  gint64 second = test_add_incident (casebook, "Raid on the family home");
  gint64 doomed = test_add_incident (casebook, "Duplicate record");
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autoptr(GError) error = NULL;

  act->incident_id = first;
  act->victim_id = victim;
  act->act_type = g_strdup ("enforced-disappearance");
  gawah_act_add_involvement (act, agency, "did-it");
  gawah_casebook_save_act (casebook, act, &error);
  g_assert_no_error (error);
  test_add_act (casebook, second, victim, "raid", NULL);
  test_add_act (casebook, doomed, victim, "threat", "ppc-505");
  add_details (casebook, first, victim);
  add_details (casebook, doomed, victim);
  link_incidents (casebook, second, first);
  link_incidents (casebook, doomed, first);
  rename_person (casebook, victim);

  gawah_casebook_delete_act (casebook, act->id, &error);
  g_assert_no_error (error);
  gawah_casebook_delete_incident (casebook, doomed, &error);
  g_assert_no_error (error);

  assert_no_problems (casebook);
  close_casebook (fixture);
  reopen_casebook (fixture);
  assert_no_problems (fixture->casebook);
}

static gboolean
save_two_then_fail (GawahCasebook  *casebook,
                    gpointer        user_data,
                    GError        **error)
{
  test_add_incident (casebook, "First of two");
  test_add_incident (casebook, "Second of two");
  g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_FAILED, "the third save failed");
  return FALSE;
}

static gboolean
save_two (GawahCasebook  *casebook,
          gpointer        user_data,
          GError        **error)
{
  test_add_incident (casebook, "First of two");
  test_add_incident (casebook, "Second of two");
  return TRUE;
}

static void
test_transaction_rolls_back (CasebookFixture *fixture,
                             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gawah_casebook_run_in_transaction (fixture->casebook, save_two_then_fail, NULL, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_FAILED);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 0);
  g_clear_error (&error);

  /* The connection is back out of the transaction: a new one can start. */
  g_assert_true (gawah_casebook_run_in_transaction (fixture->casebook, save_two, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 2);
}

static void
test_transaction_commits (CasebookFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_run_in_transaction (fixture->casebook, save_two, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 2);

  /* Committed means on disk, not just visible to this connection. */
  close_casebook (fixture);
  reopen_casebook (fixture);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 2);
}

/* An import wraps many saves; one that fails must undo only itself. */
static gboolean
save_around_failed_inner (GawahCasebook  *casebook,
                          gpointer        user_data,
                          GError        **error)
{
  g_autoptr(GError) inner_error = NULL;

  test_add_incident (casebook, "Outer before");
  g_assert_false (gawah_casebook_run_in_transaction (casebook, save_two_then_fail, NULL, &inner_error));
  g_assert_error (inner_error, GAWAH_ERROR, GAWAH_ERROR_FAILED);
  test_add_incident (casebook, "Outer after");
  return TRUE;
}

static void
test_transaction_nested (CasebookFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;

  g_assert_true (gawah_casebook_run_in_transaction (fixture->casebook, save_around_failed_inner, NULL, &error));
  g_assert_no_error (error);
  incidents = gawah_casebook_list_incidents (fixture->casebook, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, ==, 2);
  g_assert_cmpstr (((GawahIncident *) incidents->pdata[0])->title, ==, "Outer after");
  g_assert_cmpstr (((GawahIncident *) incidents->pdata[1])->title, ==, "Outer before");
}

/* Binders */

typedef void (*BindFunc) (GawahStmt *stmt, int index, gconstpointer value);

typedef struct {
  const char    *name;
  BindFunc       bind;
  gconstpointer  value;
  const char    *expected;   /* quote() of what the column holds */
} BinderCase;

static void
bind_text_case (GawahStmt *stmt, int index, gconstpointer value)
{
  gawah_stmt_bind_text (stmt, index, value);
}

static void
bind_text_or_null_case (GawahStmt *stmt, int index, gconstpointer value)
{
  gawah_stmt_bind_text_or_null (stmt, index, value);
}

static void
bind_int64_case (GawahStmt *stmt, int index, gconstpointer value)
{
  gawah_stmt_bind_int64 (stmt, index, *(const gint64 *) value);
}

static void
bind_id_or_null_case (GawahStmt *stmt, int index, gconstpointer value)
{
  gawah_stmt_bind_id_or_null (stmt, index, *(const gint64 *) value);
}

static const gint64 big = G_MAXINT64;
static const gint64 negative = -7;
static const gint64 an_id = 42;
static const gint64 no_id = 0;
static const gint64 negative_id = -1;

static const BinderCase binder_cases[] = {
  { "text", bind_text_case, "ادریس", "'ادریس'" },
  { "text NULL", bind_text_case, NULL, "''" },
  { "text-or-null", bind_text_or_null_case, "Swabi", "'Swabi'" },
  { "text-or-null NULL", bind_text_or_null_case, NULL, "NULL" },
  { "text-or-null empty", bind_text_or_null_case, "", "NULL" },
  { "int64", bind_int64_case, &big, "9223372036854775807" },
  { "int64 negative", bind_int64_case, &negative, "-7" },
  { "id-or-null", bind_id_or_null_case, &an_id, "42" },
  { "id-or-null zero", bind_id_or_null_case, &no_id, "NULL" },
  { "id-or-null negative", bind_id_or_null_case, &negative_id, "NULL" },
};

#define N_COLUMNS 4

/* Every other parameter holds a sentinel, so that a binder writing one
 * index too far (or too near) shows up whether it writes a value or NULL. */
static void
insert_with_binder (GawahDb          *db,
                    const BinderCase *binder,
                    int               index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, "INSERT INTO scratch VALUES (?1, ?2, ?3, ?4)", &error);

  g_assert_no_error (error);
  for (int i = 1; i <= N_COLUMNS; i++)
    sqlite3_bind_text (stmt, i, "sentinel", -1, SQLITE_STATIC);
  binder->bind (stmt, index, binder->value);
  gawah_db_step_done (db, stmt, &error);
  g_assert_no_error (error);
}

/* The whole row, labelled, so that a failure says which binder and index. */
static void
assert_scratch_row (GawahDb          *db,
                    const BinderCase *binder,
                    int               index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "SELECT quote(c1) || ' ' || quote(c2) || ' ' || quote(c3) || ' ' || quote(c4) FROM scratch", &error);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *row = NULL;
  g_autofree char *actual = NULL;
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  gawah_db_step_row (db, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  row = gawah_stmt_dup_text (stmt, 0);
  actual = g_strdup_printf ("%s at ?%d: %s", binder->name, index, row);

  g_string_printf (expected, "%s at ?%d:", binder->name, index);
  for (int column = 1; column <= N_COLUMNS; column++)
    g_string_append_printf (expected, " %s", column == index ? binder->expected : "'sentinel'");
  g_assert_cmpstr (actual, ==, expected->str);
}

static void
test_binders (CasebookFixture *fixture,
              gconstpointer    data)
{
  GawahDb *db = gawah_casebook_get_db (fixture->casebook);
  g_autoptr(GError) error = NULL;

  gawah_db_exec (db, "CREATE TEMP TABLE scratch (c1, c2, c3, c4)", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (binder_cases); i++)
    for (int index = 1; index <= N_COLUMNS; index++)
      {
        gawah_db_exec (db, "DELETE FROM scratch", &error);
        g_assert_no_error (error);
        insert_with_binder (db, &binder_cases[i], index);
        assert_scratch_row (db, &binder_cases[i], index);
      }
}

/* A cached statement is handed out again: it must come back with no
 * bindings left from its last use. */
static void
test_release_clears_bindings (CasebookFixture *fixture,
                              gconstpointer    data)
{
  GawahDb *db = gawah_casebook_get_db (fixture->casebook);
  const char *sql = "SELECT quote(?1), quote(?2)";
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  {
    g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, sql, &error);

    g_assert_no_error (error);
    gawah_stmt_bind_text (stmt, 1, "left over");
    gawah_stmt_bind_int64 (stmt, 2, 99);
  }
  {
    g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, sql, &error);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_no_error (error);
    gawah_db_step_row (db, stmt, &has_row, &error);
    g_assert_no_error (error);
    g_assert_true (has_row);
    first = gawah_stmt_dup_text (stmt, 0);
    second = gawah_stmt_dup_text (stmt, 1);
    g_assert_cmpstr (first, ==, "NULL");
    g_assert_cmpstr (second, ==, "NULL");
  }
}

#define STORAGE_TEST(path, fn) \
  g_test_add (path, CasebookFixture, NULL, casebook_fixture_set_up, fn, casebook_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORAGE_TEST ("/storage/reopen-keeps-data", test_reopen_keeps_data);
  STORAGE_TEST ("/storage/open/wrong-passphrase", test_wrong_passphrase);
  STORAGE_TEST ("/storage/open/empty-passphrase", test_open_empty_passphrase);
  STORAGE_TEST ("/storage/open/missing-path", test_missing_path);
  STORAGE_TEST ("/storage/open/plain-file", test_plain_file_is_not_a_casebook);
  STORAGE_TEST ("/storage/open/empty-file", test_empty_file_is_not_a_casebook);
  STORAGE_TEST ("/storage/create/over-existing", test_create_over_existing);
  STORAGE_TEST ("/storage/create/empty-passphrase", test_empty_passphrase);
  STORAGE_TEST ("/storage/encryption/no-plaintext", test_no_plaintext_on_disk);
  STORAGE_TEST ("/storage/encryption/cipher-version", test_cipher_version);
  STORAGE_TEST ("/storage/connection-settings", test_connection_settings);
  STORAGE_TEST ("/storage/integrity/fresh", test_integrity_fresh);
  STORAGE_TEST ("/storage/integrity/filled", test_integrity_filled);
  STORAGE_TEST ("/storage/transaction/rolls-back", test_transaction_rolls_back);
  STORAGE_TEST ("/storage/transaction/commits", test_transaction_commits);
  STORAGE_TEST ("/storage/transaction/nested", test_transaction_nested);
  STORAGE_TEST ("/storage/db/binders", test_binders);
  STORAGE_TEST ("/storage/db/release-clears-bindings", test_release_clears_bindings);

  return g_test_run ();
}
