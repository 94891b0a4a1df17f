/* test-audit.c: the audit trail and its hash chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-audit.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

#define ACTOR "Ayesha Siddiqa"

static void
exec_sql (GawahCasebook *casebook,
          const char    *sql)
{
  g_autoptr(GError) error = NULL;

  gawah_db_exec (gawah_casebook_get_db (casebook), sql, &error);
  g_assert_no_error (error);
}

static GPtrArray *
history (GawahCasebook *casebook,
         const char    *table,
         gint64         id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = gawah_casebook_list_history (casebook, table, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static const GawahAuditChange *
find_change (const GawahAuditEntry *entry,
             const char            *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const GawahAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, field))
        return change;
    }
  return NULL;
}

static void
assert_change (const GawahAuditEntry *entry,
               const char            *field,
               const char            *before,
               const char            *after)
{
  const GawahAuditChange *change = find_change (entry, field);

  if (change == NULL)
    g_error ("no change to “%s” in entry %" G_GINT64_FORMAT, field, entry->id);
  g_assert_cmpstr (change->before, ==, before);
  g_assert_cmpstr (change->after, ==, after);
}

static GawahAuditVerdict *
verify (GawahCasebook *casebook)
{
  g_autoptr(GError) error = NULL;
  GawahAuditVerdict *verdict = NULL;

  g_assert_true (gawah_casebook_verify_audit (casebook, &verdict, &error));
  g_assert_no_error (error);
  return verdict;
}

static void
test_create_edit_delete (CasebookFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const GawahAuditEntry *entry;

  gawah_casebook_set_actor (fixture->casebook, ACTOR);
  incident->title = g_strdup ("Abduction of a journalist");
  gawah_casebook_save_incident (fixture->casebook, incident, &error);
  g_assert_no_error (error);

  entries = history (fixture->casebook, "incident", incident->id);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->actor, ==, ACTOR);
  g_assert_cmpint (entry->incident_id, ==, incident->id);
  g_assert_cmpuint (strlen (entry->hash), ==, 64);
  g_assert_true (g_str_has_suffix (entry->at, "Z"));
  assert_change (entry, "title", NULL, "Abduction of a journalist");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* An edit: the changed field with its old and new value, nothing else. */
  g_free (incident->title);
  incident->title = g_strdup ("اغوا: صحافی");
  gawah_casebook_save_incident (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  /* Saving again unchanged writes no entry. */
  gawah_casebook_save_incident (fixture->casebook, incident, &error);
  g_assert_no_error (error);

  entries = history (fixture->casebook, "incident", incident->id);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpuint (entry->changes->len, ==, 1);
  assert_change (entry, "title", "Abduction of a journalist", "اغوا: صحافی");
  g_clear_pointer (&entries, g_ptr_array_unref);

  gawah_casebook_delete_incident (fixture->casebook, incident->id, &error);
  g_assert_no_error (error);
  entries = history (fixture->casebook, "incident", incident->id);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "delete");
  assert_change (entry, "title", "اغوا: صحافی", NULL);
}

static void
test_children_and_decision (CasebookFixture *fixture,
                            gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, "Disappearance of a researcher");
  gint64 victim = test_add_person (fixture->casebook, "Idris Khattak", "ادریس خٹک", "researcher");
  gint64 act = test_add_act (fixture->casebook, incident, victim, "enforced-disappearance", NULL);
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) person_entries = NULL;
  g_autoptr(GError) error = NULL;
  const GawahProvisionMapping *mapping;
  const GawahAuditEntry *newest;

  mappings = gawah_casebook_list_mappings (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mappings->len, >, 0);
  mapping = g_ptr_array_index (mappings, 0);
  gawah_casebook_set_actor (fixture->casebook, "Reviewer");
  gawah_casebook_decide_provision (fixture->casebook, incident, mapping->provision_id,
                                   GAWAH_DECISION_CONFIRMED, "Held incommunicado", &error);
  g_assert_no_error (error);

  entries = gawah_casebook_list_incident_history (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  newest = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (newest->table_name, ==, "provision_mapping");
  g_assert_cmpstr (newest->action, ==, "update");
  g_assert_cmpstr (newest->actor, ==, "Reviewer");
  assert_change (newest, "decision", "pending", "confirmed");
  assert_change (newest, "note", "", "Held incommunicado");

  /* The act and the suggestions belong to the incident's history too,
   * oldest last: the incident's creation. */
  for (guint i = 0, found = 0; i < entries->len; i++)
    {
      const GawahAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->table_name, "act") && entry->record_id == act)
        found++;
      if (i == entries->len - 1)
        {
          g_assert_cmpstr (entry->table_name, ==, "incident");
          g_assert_cmpuint (found, ==, 1);
        }
    }

  /* A person's history includes their categories. */
  person_entries = history (fixture->casebook, "person", victim);
  g_assert_cmpuint (person_entries->len, ==, 2);
  g_assert_cmpstr (((GawahAuditEntry *) person_entries->pdata[0])->table_name, ==, "person_category");
  assert_change (person_entries->pdata[0], "category", NULL, "researcher");
}

/* The evidence's bytes never enter the trail, its SHA-256 does. */
static void
test_evidence_hash_only (CasebookFixture *fixture,
                         gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, "Raid on a press club");
  g_autoptr(GBytes) content = g_bytes_new_static ("SECRET-WITNESS-STATEMENT", 24);
  g_autoptr(GawahEvidence) evidence = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 leaks = -1;

  evidence = gawah_casebook_attach_evidence (fixture->casebook, incident, 0, "statement.txt", "text/plain",
                                             content, &error);
  g_assert_no_error (error);
  entries = history (fixture->casebook, "evidence", evidence->id);
  g_assert_cmpuint (entries->len, ==, 1);
  assert_change (entries->pdata[0], "sha256", NULL, evidence->sha256);
  g_assert_null (find_change (entries->pdata[0], "content"));
  gawah_db_query_int (gawah_casebook_get_db (fixture->casebook),
                      "SELECT count(*) FROM audit_log WHERE after LIKE '%SECRET-WITNESS%'", &leaks, &error);
  g_assert_no_error (error);
  g_assert_cmpint (leaks, ==, 0);
}

static void
add_some_history (GawahCasebook *casebook)
{
  gint64 incident = test_add_incident (casebook, "Threats to a lawyer");

  test_add_incident (casebook, "Arrest of a student");
  test_add_person (casebook, "Jalila Haider", "جلیلہ حیدر", "lawyer");
  exec_sql (casebook, "UPDATE incident SET summary = 'Calls at night' WHERE id = 1");
  g_assert_cmpint (incident, ==, 1);
}

static void
test_verify_ok (CasebookFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GawahAuditVerdict) verdict = NULL;

  add_some_history (fixture->casebook);
  verdict = verify (fixture->casebook);
  g_assert_null (verdict->problem);
  g_assert_cmpint (verdict->broken_id, ==, 0);
  /* genesis, two incidents, a person, a category, an edit */
  g_assert_cmpint (verdict->n_entries, ==, 6);
  g_assert_cmpint (verdict->head_id, ==, 6);
  g_assert_cmpuint (strlen (verdict->head_hash), ==, 64);
}

/* Gawah itself refuses to touch the trail. */
static void
test_guarded (CasebookFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  add_some_history (fixture->casebook);
  g_assert_false (gawah_db_exec (gawah_casebook_get_db (fixture->casebook),
                                 "UPDATE audit_log SET actor = 'someone else' WHERE id = 2", &error));
  g_assert_nonnull (strstr (error->message, "audit trail cannot be changed"));
  g_clear_error (&error);
  g_assert_false (gawah_db_exec (gawah_casebook_get_db (fixture->casebook),
                                 "DELETE FROM audit_log WHERE id = 2", &error));
  g_assert_nonnull (error);
}

/* Someone with the key drops the guards and edits the table directly. */
static void
tamper (GawahCasebook *casebook,
        const char    *sql)
{
  exec_sql (casebook, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
  exec_sql (casebook, sql);
}

static void
assert_broken_at (GawahCasebook *casebook,
                  gint64         id,
                  const char    *reason_part)
{
  g_autoptr(GawahAuditVerdict) verdict = verify (casebook);

  g_assert_nonnull (verdict->problem);
  g_test_message ("verdict: entry %" G_GINT64_FORMAT ": %s", verdict->broken_id, verdict->problem);
  g_assert_cmpint (verdict->broken_id, ==, id);
  g_assert_nonnull (strstr (verdict->problem, reason_part));
}

static void
test_tamper_update (CasebookFixture *fixture,
                    gconstpointer    data)
{
  add_some_history (fixture->casebook);
  tamper (fixture->casebook, "UPDATE audit_log SET actor = 'someone else' WHERE id = 3");
  assert_broken_at (fixture->casebook, 3, "changed");
}

static void
test_tamper_update_values (CasebookFixture *fixture,
                           gconstpointer    data)
{
  add_some_history (fixture->casebook);
  tamper (fixture->casebook,
          "UPDATE audit_log SET before = json_set(before, '$.summary', 'nothing') WHERE id = 6");
  assert_broken_at (fixture->casebook, 6, "changed");
}

static void
test_tamper_delete_middle (CasebookFixture *fixture,
                           gconstpointer    data)
{
  add_some_history (fixture->casebook);
  tamper (fixture->casebook, "DELETE FROM audit_log WHERE id = 4");
  assert_broken_at (fixture->casebook, 5, "does not follow entry 3");
}

static void
test_tamper_delete_first (CasebookFixture *fixture,
                          gconstpointer    data)
{
  add_some_history (fixture->casebook);
  tamper (fixture->casebook, "DELETE FROM audit_log WHERE id = 1");
  assert_broken_at (fixture->casebook, 2, "does not begin");
}

/* Cutting off the end leaves a chain that is whole: only a copy of the
 * last entry kept elsewhere (a backup holds one) shows what was lost. */
static void
test_tamper_delete_tail (CasebookFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GawahAuditVerdict) before = NULL;
  g_autoptr(GawahAuditVerdict) after = NULL;
  g_autoptr(GError) error = NULL;

  add_some_history (fixture->casebook);
  before = verify (fixture->casebook);
  g_assert_true (gawah_casebook_audit_has_entry (fixture->casebook, before->head_id, before->head_hash, &error));
  g_assert_no_error (error);

  tamper (fixture->casebook, "DELETE FROM audit_log WHERE id = 6");
  after = verify (fixture->casebook);
  g_assert_null (after->problem);
  g_assert_cmpint (after->head_id, ==, 5);
  g_assert_false (gawah_casebook_audit_has_entry (fixture->casebook, before->head_id, before->head_hash, &error));
  g_assert_no_error (error);
}

/* Changes made with the trigger dropped leave no entry: verify says so. */
static void
test_trigger_dropped (CasebookFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GawahAuditVerdict) verdict = NULL;

  add_some_history (fixture->casebook);
  exec_sql (fixture->casebook, "DROP TRIGGER audit_incident_update");
  verdict = verify (fixture->casebook);
  g_assert_nonnull (verdict->problem);
  g_assert_nonnull (strstr (verdict->problem, "“incident”"));
}

/* A rolled-back save leaves no entry, and the chain continues whole. */
static gboolean
fail_after_save_cb (GawahCasebook  *casebook,
                    gpointer        user_data,
                    GError        **error)
{
  test_add_incident (casebook, "Never kept");
  g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID, "no");
  return FALSE;
}

static void
test_rollback (CasebookFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(GawahAuditVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;

  add_some_history (fixture->casebook);
  g_assert_false (gawah_casebook_run_in_transaction (fixture->casebook, fail_after_save_cb, NULL, &error));
  g_clear_error (&error);
  test_add_incident (fixture->casebook, "Kept");
  verdict = verify (fixture->casebook);
  g_assert_null (verdict->problem);
  g_assert_cmpint (verdict->n_entries, ==, 7);
}

static void
test_chain_hash_unambiguous (void)
{
  const char *a[] = { "ab", "c" };
  const char *b[] = { "a", "bc" };
  const char *c[] = { NULL, "c" };
  const char *d[] = { "", "c" };
  g_autofree char *ha = gawah_audit_chain_hash ("", a, 2);
  g_autofree char *hb = gawah_audit_chain_hash ("", b, 2);
  g_autofree char *hc = gawah_audit_chain_hash ("", c, 2);
  g_autofree char *hd = gawah_audit_chain_hash ("", d, 2);
  g_autofree char *he = gawah_audit_chain_hash ("x", a, 2);

  g_assert_cmpstr (ha, !=, hb);
  g_assert_cmpstr (hc, !=, hd);
  g_assert_cmpstr (ha, !=, he);
  g_assert_cmpuint (strlen (ha), ==, 64);
}

/* The bytes hashed are the chain's format, and trails written before the
 * hash moved from GLib to libcrypto must still verify: the hash of an entry
 * is GLib's SHA-256 of its length-prefixed fields, in lower-case hex. */
static void
test_chain_hash_format (void)
{
  const char *fields[] = { "2026-11-29T06:00:00.000Z", "ثمینہ", "insert", "incident", NULL, "",
                           "{\"title\":\"گرفتاری\"}" };
  g_autoptr(GString) bytes = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *hash = gawah_audit_chain_hash ("0f1e", fields, G_N_ELEMENTS (fields));
  g_autofree char *first = gawah_audit_chain_hash (NULL, fields, 1);

  g_string_append (bytes, "4:0f1e\n");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] == NULL)
      g_string_append (bytes, "-\n");
    else
      g_string_append_printf (bytes, "%zu:%s\n", strlen (fields[i]), fields[i]);
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, bytes->str, (gssize) bytes->len);
  g_assert_cmpstr (hash, ==, expected);

  g_clear_pointer (&expected, g_free);
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "0:\n24:2026-11-29T06:00:00.000Z\n", -1);
  g_assert_cmpstr (first, ==, expected);
}

#define AUDIT_TEST(path, fn) \
  g_test_add (path, CasebookFixture, NULL, casebook_fixture_set_up, fn, casebook_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/chain-hash", test_chain_hash_unambiguous);
  g_test_add_func ("/audit/chain-hash-format", test_chain_hash_format);
  AUDIT_TEST ("/audit/create-edit-delete", test_create_edit_delete);
  AUDIT_TEST ("/audit/children-and-decision", test_children_and_decision);
  AUDIT_TEST ("/audit/evidence-hash-only", test_evidence_hash_only);
  AUDIT_TEST ("/audit/verify-ok", test_verify_ok);
  AUDIT_TEST ("/audit/guarded", test_guarded);
  AUDIT_TEST ("/audit/tamper/update-actor", test_tamper_update);
  AUDIT_TEST ("/audit/tamper/update-values", test_tamper_update_values);
  AUDIT_TEST ("/audit/tamper/delete-middle", test_tamper_delete_middle);
  AUDIT_TEST ("/audit/tamper/delete-first", test_tamper_delete_first);
  AUDIT_TEST ("/audit/tamper/delete-tail", test_tamper_delete_tail);
  AUDIT_TEST ("/audit/tamper/trigger-dropped", test_trigger_dropped);
  AUDIT_TEST ("/audit/rollback", test_rollback);

  return g_test_run ();
}
