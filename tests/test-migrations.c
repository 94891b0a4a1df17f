/* test-migrations.c: casebooks written by older versions of Gawah
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-audit.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-schema.h"
#include "gawah-test-utils.h"

/* No casebook is made here: each test builds its file at the version it needs. */
typedef struct {
  char *dir;
  char *path;
} MigrationFixture;

static void
migration_fixture_set_up (MigrationFixture *fixture,
                          gconstpointer     data)
{
  fixture->dir = test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "old.gawah", NULL);
}

static void
migration_fixture_tear_down (MigrationFixture *fixture,
                             gconstpointer     data)
{
  test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GawahDb *
open_db (MigrationFixture *fixture,
         GawahDbOpenMode   mode)
{
  g_autoptr(GError) error = NULL;
  GawahDb *db = gawah_db_open (fixture->path, TEST_PASSPHRASE, mode, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static GawahDb *
create_db_at_version (MigrationFixture *fixture,
                      int               version)
{
  g_autoptr(GError) error = NULL;
  GawahDb *db = open_db (fixture, GAWAH_DB_CREATE_NEW);

  g_assert_cmpint (gawah_schema_version (db, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (gawah_schema_migrate_to (db, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gawah_schema_version (db, NULL), ==, version);
  return db;
}

static void
exec_sql (GawahDb    *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  gawah_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
query_int (GawahDb    *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  gawah_db_query_int (db, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

static gboolean
has_object (GawahDb    *db,
            const char *type,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = '%s' AND name = '%s'",
                                          type, name);

  return query_int (db, sql) == 1;
}

static GawahCasebook *
open_casebook (MigrationFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GawahCasebook *casebook = gawah_casebook_open (fixture->path, TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (casebook);
  return casebook;
}

static void
assert_no_problems (GawahCasebook *casebook)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_check_integrity (casebook, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_empty_to_current (MigrationFixture *fixture,
                       gconstpointer     data)
{
  const char *tables[] = { "incident", "person", "person_category", "act", "involvement", "act_law",
                           "chronology", "follow_up", "source", "evidence", "incident_link",
                           "provision_mapping", "incident_fts", "person_fts" };
  g_autoptr(GawahDb) db = create_db_at_version (fixture, GAWAH_SCHEMA_VERSION);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (has_object (db, "table", tables[i]));
  g_assert_true (has_object (db, "trigger", "incident_fts_insert"));

  /* Migrating a current casebook is a no-op, not an error. */
  g_assert_true (gawah_schema_migrate (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gawah_schema_version (db, NULL), ==, GAWAH_SCHEMA_VERSION);
  g_clear_pointer (&db, gawah_db_close);

  casebook = open_casebook (fixture);
  assert_no_problems (casebook);
  g_assert_cmpint (gawah_casebook_count_incidents (casebook, NULL), ==, 0);
}

/* What version 1 of Gawah wrote, by hand, as it would have: no search index. */
static void
insert_version_1_records (GawahDb *db)
{
  exec_sql (db,
            "INSERT INTO incident (id, uuid, title, summary, start_date, start_precision, ongoing,"
            " province, district, place, verification, confidentiality, status)"
            " VALUES (1, '3f1c2a9e-5b7d-4e21-9c0a-6d8e7f1a2b3c', 'Enforced disappearance of a researcher',"
            " 'اسلام آباد موٹروے پر گاڑی سے اغوا', '2019-11-13', 'day', 1,"
            " 'pk-kp', 'swabi', 'Swabi interchange', 'confirmed', 'restricted', 'open');"
            "INSERT INTO person (id, uuid, kind, name_latin, name_urdu)"
            " VALUES (1, 'b5e0f1d2-7a3c-4b9e-8f6d-2c1a0e9b8d7f', 'individual', 'Idris Khattak', 'ادریس خٹک');"
            "INSERT INTO person_category (person_id, category) VALUES (1, 'researcher');"
            "INSERT INTO person (id, uuid, kind, name_latin, name_urdu)"
            " VALUES (2, 'c6f1a2e3-8b4d-4c0f-9a7e-3d2b1f0a9c8e', 'institution', 'Military Intelligence', '');"
            "INSERT INTO act (id, uuid, incident_id, victim_id, act_type, start_date, start_precision)"
            " VALUES (1, 'd7a2b3f4-9c5e-4d1a-8b8f-4e3c2a1b0d9f', 1, 1, 'enforced-disappearance', '2019-11-13', 'day');"
            "INSERT INTO involvement (act_id, perpetrator_id, degree) VALUES (1, 2, 'did-it');"
            "INSERT INTO chronology (uuid, incident_id, date, precision, step, description)"
            " VALUES ('e8b3c4a5-0d6f-4e2b-9c9a-5f4d3b2c1e0a', 1, '2020-06', 'month', 'statement',"
            " 'وزارت دفاع نے حراست کا اعتراف کیا');");
}

static void
assert_version_1_records_read (GawahCasebook *casebook)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (casebook, 1, &error);
  g_autoptr(GawahPerson) victim = NULL;
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GPtrArray) chronology = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (incident->title, ==, "Enforced disappearance of a researcher");
  g_assert_cmpstr (incident->district, ==, "swabi");
  g_assert_cmpint (incident->start.precision, ==, GAWAH_PRECISION_DAY);
  g_assert_cmpuint (incident->start.day, ==, 13);
  g_assert_true (incident->ongoing);

  victim = gawah_casebook_get_person (casebook, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (victim->name_urdu, ==, "ادریس خٹک");
  g_assert_cmpstr (victim->categories[0], ==, "researcher");

  acts = gawah_casebook_list_acts (casebook, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 1);
  g_assert_cmpuint (((GawahAct *) acts->pdata[0])->involvements->len, ==, 1);

  chronology = gawah_casebook_list_chronology (casebook, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronology->len, ==, 1);
  g_assert_cmpstr (((GawahChronologyEntry *) chronology->pdata[0])->description, ==,
                   "وزارت دفاع نے حراست کا اعتراف کیا");
}

/* Labelled, so that a failure says which word was not found. */
static void
assert_search_finds (GawahCasebook *casebook,
                     const char    *text,
                     gint64         incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = gawah_casebook_search_incidents (casebook, text, 0, &error);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  expected = g_strdup_printf ("%s: 1 match, incident %" G_GINT64_FORMAT, text, incident_id);
  actual = g_strdup_printf ("%s: %u match, incident %" G_GINT64_FORMAT, text, found->len,
                            found->len > 0 ? g_array_index (found, gint64, 0) : 0);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_version_1_data (MigrationFixture *fixture,
                     gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, 1);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (has_object (db, "table", "incident_fts"));
  insert_version_1_records (db);
  g_clear_pointer (&db, gawah_db_close);

  casebook = open_casebook (fixture);
  g_assert_cmpint (gawah_schema_version (gawah_casebook_get_db (casebook), NULL), ==, GAWAH_SCHEMA_VERSION);
  assert_version_1_records_read (casebook);

  /* The new index covers what was written before it existed. */
  assert_search_finds (casebook, "researcher", 1);
  assert_search_finds (casebook, "disappearance", 1);
  assert_search_finds (casebook, "موٹروے", 1);
  assert_search_finds (casebook, "اعتراف", 1);
  assert_search_finds (casebook, "خٹک", 1);
  assert_search_finds (casebook, "Khattak", 1);
  assert_search_finds (casebook, "intelligence", 1);

  people = gawah_casebook_search_people (casebook, "ادریس", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, 1);

  assert_no_problems (casebook);
}

/* Records written after the upgrade are indexed like any other. */
static void
test_version_1_then_writes (MigrationFixture *fixture,
                            gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, 1);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();
  g_autoptr(GError) error = NULL;

  insert_version_1_records (db);
  g_clear_pointer (&db, gawah_db_close);
  casebook = open_casebook (fixture);

  entry->incident_id = 1;
  g_free (entry->step);
  entry->step = g_strdup ("habeas-petition");
  entry->description = g_strdup ("درخواست اسلام آباد ہائی کورٹ میں");
  gawah_casebook_save_chronology_entry (casebook, entry, &error);
  g_assert_no_error (error);

  assert_search_finds (casebook, "درخواست", 1);
  assert_search_finds (casebook, "اعتراف", 1);
  assert_no_problems (casebook);
}

/* Version 3 starts the audit trail with a genesis entry over what is there. */
static void
test_version_2_to_3 (MigrationFixture *fixture,
                     gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, 2);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahAuditVerdict) verdict = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  insert_version_1_records (db);
  g_assert_false (has_object (db, "table", "audit_log"));
  g_clear_pointer (&db, gawah_db_close);

  casebook = open_casebook (fixture);
  g_assert_cmpint (gawah_schema_version (gawah_casebook_get_db (casebook), NULL), ==, GAWAH_SCHEMA_VERSION);
  assert_version_1_records_read (casebook);
  assert_search_finds (casebook, "Khattak", 1);
  g_assert_cmpint (query_int (gawah_casebook_get_db (casebook),
                              "SELECT json_extract(after, '$.incidents') FROM audit_log WHERE action = 'genesis'"), ==, 1);

  gawah_casebook_set_actor (casebook, "Migrating clerk");
  gawah_casebook_delete_incident (casebook, 1, &error);
  g_assert_no_error (error);
  entries = gawah_casebook_list_history (casebook, "incident", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((GawahAuditEntry *) entries->pdata[0])->actor, ==, "Migrating clerk");

  g_assert_true (gawah_casebook_verify_audit (casebook, &verdict, &error));
  g_assert_null (verdict->problem);
  /* genesis, the incident, and its act, involvement, chronology by cascade */
  g_assert_cmpint (verdict->n_entries, ==, 5);
  assert_no_problems (casebook);
}

/* Version 4 gives each casebook its own key for redacted exports'
 * pseudonyms: 32 random bytes. */
static void
test_version_3_to_4 (MigrationFixture *fixture,
                     gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, 3);
  g_autoptr(GawahCasebook) casebook = NULL;

  insert_version_1_records (db);
  g_assert_false (has_object (db, "table", "exchange_secret"));
  g_clear_pointer (&db, gawah_db_close);

  casebook = open_casebook (fixture);
  g_assert_cmpint (gawah_schema_version (gawah_casebook_get_db (casebook), NULL), ==, 4);
  assert_version_1_records_read (casebook);
  g_assert_cmpint (query_int (gawah_casebook_get_db (casebook),
                              "SELECT length(key) FROM exchange_secret WHERE id = 1"), ==, 32);
  g_assert_cmpint (query_int (gawah_casebook_get_db (casebook), "SELECT count(*) FROM exchange_secret"), ==, 1);
  g_assert_cmpint (query_int (gawah_casebook_get_db (casebook),
                              "SELECT key != zeroblob (32) FROM exchange_secret"), ==, 1);
  assert_no_problems (casebook);
}

static void
test_too_new (MigrationFixture *fixture,
              gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, GAWAH_SCHEMA_VERSION);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", GAWAH_SCHEMA_VERSION + 1);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;

  exec_sql (db, set_version);
  g_assert_false (gawah_schema_migrate (db, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_clear_pointer (&db, gawah_db_close);

  casebook = gawah_casebook_open (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_TOO_NEW);

  /* An older Gawah must leave a newer casebook exactly as it found it. */
  db = open_db (fixture, GAWAH_DB_OPEN_EXISTING);
  g_assert_cmpint (gawah_schema_version (db, NULL), ==, GAWAH_SCHEMA_VERSION + 1);
}

static void
assert_failed_migration_to_2 (GawahDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gawah_schema_migrate (db, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_DATABASE);
  g_assert_cmpint (gawah_schema_version (db, NULL), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 0);
  g_assert_true (has_object (db, "table", "incident"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incident"), ==, 1);
}

/* Migration 2's first statement fails: nothing of it may stay. */
static void
test_failure_at_start (MigrationFixture *fixture,
                       gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, 1);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;

  insert_version_1_records (db);
  exec_sql (db, "CREATE TABLE incident_fts (note TEXT); INSERT INTO incident_fts VALUES ('mine')");

  assert_failed_migration_to_2 (db);
  g_assert_true (has_object (db, "table", "incident_fts"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incident_fts WHERE note = 'mine'"), ==, 1);
  g_assert_false (has_object (db, "table", "person_fts"));

  /* Opening as a casebook fails the same way, and changes nothing either. */
  g_clear_pointer (&db, gawah_db_close);
  casebook = gawah_casebook_open (fixture->path, TEST_PASSPHRASE, &error);
  g_assert_null (casebook);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_DATABASE);
  db = open_db (fixture, GAWAH_DB_OPEN_EXISTING);
  g_assert_cmpint (gawah_schema_version (db, NULL), ==, 1);
  g_assert_false (has_object (db, "table", "person_fts"));
}

/* Migration 2 fails after it has created a table: that table goes too,
 * and once the conflict is gone the same connection can migrate. */
static void
test_failure_midway (MigrationFixture *fixture,
                     gconstpointer     data)
{
  g_autoptr(GawahDb) db = create_db_at_version (fixture, 1);
  g_autoptr(GError) error = NULL;

  insert_version_1_records (db);
  exec_sql (db, "CREATE TABLE person_fts (note TEXT)");

  assert_failed_migration_to_2 (db);
  g_assert_false (has_object (db, "table", "incident_fts"));
  g_assert_false (has_object (db, "table", "incident_fts_data"));
  g_assert_true (has_object (db, "table", "person_fts"));

  exec_sql (db, "DROP TABLE person_fts");
  g_assert_true (gawah_schema_migrate (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gawah_schema_version (db, NULL), ==, GAWAH_SCHEMA_VERSION);
  g_assert_true (has_object (db, "table", "incident_fts"));
}

#define MIGRATION_TEST(path, fn) \
  g_test_add (path, MigrationFixture, NULL, migration_fixture_set_up, fn, migration_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  MIGRATION_TEST ("/migrations/empty-to-current", test_empty_to_current);
  MIGRATION_TEST ("/migrations/version-1/data", test_version_1_data);
  MIGRATION_TEST ("/migrations/version-1/then-writes", test_version_1_then_writes);
  MIGRATION_TEST ("/migrations/version-2-to-3", test_version_2_to_3);
  MIGRATION_TEST ("/migrations/version-3-to-4", test_version_3_to_4);
  MIGRATION_TEST ("/migrations/too-new", test_too_new);
  MIGRATION_TEST ("/migrations/failure/at-start", test_failure_at_start);
  MIGRATION_TEST ("/migrations/failure/midway", test_failure_midway);

  return g_test_run ();
}
