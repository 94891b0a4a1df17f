/* test-exchange.c: Gawah XML export and import, merge by UUID, hostile
 * documents, redaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-exchange.h"
#include "gawah-test-utils.h"

static const char * const counted_tables[] = {
  "person", "person_category", "incident", "act", "involvement", "act_law", "chronology",
  "follow_up", "source", "evidence", "incident_link", "provision_mapping", "audit_log",
};

/* Values of the fully filled casebook that a redacted export must not hold. */
#define VICTIM_LATIN "Saima Baloch"
#define VICTIM_URDU "صائمہ بلوچ"
#define VICTIM_OTHER "Saima B."
#define VICTIM_ORGANISATION "Baloch Women Lawyers Forum"
#define VICTIM_NOTES "Receives threats by telephone; lives near the court."
#define VICTIM_ETHNICITY "Baloch"
#define VICTIM_RELIGION "ذکری"
#define VICTIM_CONTACT "+92 300 1234567"
#define WITNESS_LATIN "Imran Qureshi"
#define WITNESS_CONTACT "imran.witness@example.org"
#define PLACE "House 12, Street 4, Model Town"
#define SOURCE_DESCRIPTION "Statement of the court clerk Imran Qureshi"
#define EVIDENCE_TEXT "Handwritten note left at the door: «stop the case»"

static GBytes *
export_bytes (GawahCasebook             *casebook,
              const GawahIncidentFilter *filter,
              GawahExportFlags           flags)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  { gboolean ok_ = gawah_casebook_export_xml (casebook, filter, flags, output, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
  g_assert_true (g_output_stream_close (output, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

static gboolean
import_bytes (GawahCasebook        *casebook,
              GBytes               *document,
              GawahExchangeReport  *report,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_bytes (document);

  return gawah_casebook_import_xml (casebook, input, "exchange.xml", report, cancellable, NULL, NULL, error);
}

static GawahCasebook *
create_casebook (CasebookFixture *fixture,
                 const char      *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GawahCasebook *casebook = gawah_casebook_create (path, TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  return casebook;
}

static void
count_tables (GawahCasebook *casebook,
              gint64         counts[G_N_ELEMENTS (counted_tables)])
{
  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    counts[i] = test_count_rows (casebook, counted_tables[i]);
}

static void
assert_tables_unchanged (GawahCasebook *casebook,
                         const gint64   before[G_N_ELEMENTS (counted_tables)])
{
  gint64 now[G_N_ELEMENTS (counted_tables)];

  count_tables (casebook, now);
  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    if (now[i] != before[i])
      g_error ("%s: %" G_GINT64_FORMAT " rows, %" G_GINT64_FORMAT " before", counted_tables[i], now[i], before[i]);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *first = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
      g_autofree char *second = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));

      g_test_message ("first:\n%s\nsecond:\n%s", first, second);
      g_error ("the two exports differ (%zu and %zu bytes)", g_bytes_get_size (a), g_bytes_get_size (b));
    }
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), text) != NULL;
}

/* ---- A casebook with every field filled ---- */

static gint64
add_person (GawahCasebook *casebook,
            GawahPerson   *person)
{
  g_autoptr(GError) error = NULL;

  { gboolean ok_ = gawah_casebook_save_person (casebook, person, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
  return person->id;
}

static gint64
add_victim (GawahCasebook *casebook)
{
  g_autoptr(GawahPerson) person = gawah_person_new ();
  const char *categories[] = { "woman-hrd", "lawyer", NULL };

  person->name_latin = g_strdup (VICTIM_LATIN);
  person->name_urdu = g_strdup (VICTIM_URDU);
  person->other_names = g_strdup (VICTIM_OTHER);
  person->sex = g_strdup ("female");
  g_strfreev (person->categories);
  person->categories = g_strdupv ((char **) categories);
  person->organisation = g_strdup (VICTIM_ORGANISATION);
  person->ethnicity = g_strdup (VICTIM_ETHNICITY);
  person->religion = g_strdup (VICTIM_RELIGION);
  person->contact = g_strdup (VICTIM_CONTACT);
  person->notes = g_strdup (VICTIM_NOTES);
  return add_person (casebook, person);
}

static gint64
add_named_person (GawahCasebook *casebook,
                  const char    *kind,
                  const char    *name,
                  const char    *perpetrator_type,
                  const char    *contact)
{
  g_autoptr(GawahPerson) person = gawah_person_new ();

  g_free (person->kind);
  person->kind = g_strdup (kind);
  person->name_latin = g_strdup (name);
  person->perpetrator_type = g_strdup (perpetrator_type);
  person->contact = g_strdup (contact);
  return add_person (casebook, person);
}

static gint64
add_full_incident (GawahCasebook *casebook,
                   const char    *title,
                   gboolean       ongoing)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GError) error = NULL;

  g_free (incident->verification);
  incident->verification = g_strdup ("likely");
  incident->title = g_strdup (title);
  incident->summary = g_strdup ("وکیل کو عدالت کے باہر دھمکیاں دی گئیں۔\nA second line & <markup>.");
  incident->start = (GawahPartialDate) { 2023, 5, 14, GAWAH_PRECISION_DAY };
  if (!ongoing)
    incident->end = (GawahPartialDate) { 2023, 6, 0, GAWAH_PRECISION_MONTH };
  incident->ongoing = ongoing;
  incident->province = g_strdup ("pk-pb");
  incident->district = g_strdup ("lahore");
  incident->place = g_strdup (PLACE);
  { gboolean ok_ = gawah_casebook_save_incident (casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
  return incident->id;
}

static void
add_full_details (GawahCasebook *casebook,
                  gint64         incident_id,
                  gint64         victim_id,
                  gint64         police_id,
                  gint64         witness_id)
{
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GawahSource) source = gawah_source_new ();
  g_autoptr(GawahEvidence) evidence = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static (EVIDENCE_TEXT, strlen (EVIDENCE_TEXT));
  g_autoptr(GError) error = NULL;
  const char *laws[] = { "ppc-505", "ppc-124a", NULL };

  act->incident_id = incident_id;
  act->victim_id = victim_id;
  act->act_type = g_strdup ("threat");
  act->start = (GawahPartialDate) { 2023, 5, 14, GAWAH_PRECISION_DAY };
  act->end = (GawahPartialDate) { 2023, 0, 0, GAWAH_PRECISION_YEAR };
  act->outcome = g_strdup ("دھمکیاں جاری ہیں");
  gawah_act_add_involvement (act, police_id, "did-it");
  g_strfreev (act->laws);
  act->laws = g_strdupv ((char **) laws);
  { gboolean ok_ = gawah_casebook_save_act (casebook, act, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }

  entry->incident_id = incident_id;
  g_free (entry->step);
  entry->step = g_strdup ("threat");
  entry->date = (GawahPartialDate) { 2023, 5, 14, GAWAH_PRECISION_APPROXIMATE };
  entry->description = g_strdup ("Two men stopped her at the gate of the High Court.");
  { gboolean ok_ = gawah_casebook_save_chronology_entry (casebook, entry, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }

  follow_up->incident_id = incident_id;
  follow_up->body = g_strdup ("high-court");
  follow_up->action_type = g_strdup ("petition");
  follow_up->date = (GawahPartialDate) { 2023, 5, 20, GAWAH_PRECISION_DAY };
  follow_up->due = (GawahPartialDate) { 2023, 7, 1, GAWAH_PRECISION_DAY };
  follow_up->description = g_strdup ("Petition for protection");
  follow_up->response = g_strdup ("Notice issued to the police");
  { gboolean ok_ = gawah_casebook_save_follow_up (casebook, follow_up, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }

  source->incident_id = incident_id;
  source->person_id = witness_id;
  source->source_type = g_strdup ("witness");
  source->obtained = (GawahPartialDate) { 2023, 5, 15, GAWAH_PRECISION_DAY };
  source->description = g_strdup (SOURCE_DESCRIPTION);
  { gboolean ok_ = gawah_casebook_save_source (casebook, source, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }

  evidence = gawah_casebook_attach_evidence (casebook, incident_id, source->id, "note.txt", "text/plain",
                                             content, &error);
  g_assert_no_error (error);
}

static void
decide_first_mapping (GawahCasebook *casebook,
                      gint64         incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mappings = gawah_casebook_list_mappings (casebook, incident_id, &error);
  GawahProvisionMapping *mapping;

  g_assert_no_error (error);
  g_assert_cmpuint (mappings->len, >, 0);
  mapping = mappings->pdata[0];
  { gboolean ok_ = gawah_casebook_decide_provision (casebook, incident_id, mapping->provision_id,
                                                  GAWAH_DECISION_CONFIRMED, "ریویو: درست", &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
}

static void
fill_everything (GawahCasebook *casebook)
{
  gint64 victim = add_victim (casebook);
  gint64 police = add_named_person (casebook, "institution", "Punjab Police", "police", NULL);
  gint64 witness = add_named_person (casebook, "individual", WITNESS_LATIN, NULL, WITNESS_CONTACT);
  gint64 first = add_full_incident (casebook, "Threats against a woman lawyer in Lahore", FALSE);
  gint64 second = add_full_incident (casebook, "لاہور میں وکیل کے دفتر پر چھاپہ", TRUE);
  g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
  g_autoptr(GError) error = NULL;

  add_named_person (casebook, "group", "Unconnected group", NULL, NULL);
  add_full_details (casebook, first, victim, police, witness);
  add_full_details (casebook, second, victim, police, witness);
  decide_first_mapping (casebook, first);

  link->from_incident_id = first;
  link->to_incident_id = second;
  g_free (link->link_type);
  link->link_type = g_strdup ("preceded-by");
  link->note = g_strdup ("The raid followed the threats");
  { gboolean ok_ = gawah_casebook_save_link (casebook, link, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
}

/* ---- Round trips ---- */

static char *
query_text (GawahCasebook *casebook,
            const char    *sql)
{
  sqlite3 *db = gawah_db_get_handle (gawah_casebook_get_db (casebook));
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Export, import into an empty casebook, export: the same bytes. */
static GBytes *
assert_round_trip (CasebookFixture *fixture)
{
  g_autoptr(GBytes) first = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT);
  g_autoptr(GawahCasebook) copy = create_casebook (fixture, "copy.gawah");
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (import_bytes (copy, first, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 0);
  g_assert_cmpint (report->incidents_added, ==, test_count_rows (fixture->casebook, "incident"));
  g_assert_cmpint (report->people_added, ==, test_count_rows (fixture->casebook, "person"));
  for (guint i = 0; i < G_N_ELEMENTS (counted_tables) - 1; i++)
    g_assert_cmpint (test_count_rows (copy, counted_tables[i]), ==, test_count_rows (fixture->casebook, counted_tables[i]));

  /* Timestamps travel with the records. */
  {
    g_autofree char *ours = query_text (fixture->casebook, "SELECT group_concat(created_at || updated_at) FROM incident");
    g_autofree char *theirs = query_text (copy, "SELECT group_concat(created_at || updated_at) FROM incident");

    g_assert_nonnull (ours);
    g_assert_cmpstr (ours, ==, theirs);
  }

  second = export_bytes (copy, NULL, GAWAH_EXPORT_DEFAULT);
  assert_same_bytes (first, second);
  return g_steal_pointer (&first);
}

static void
test_round_trip_sample (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;

  casebook_fixture_import_sample (fixture);
  document = assert_round_trip (fixture);
  g_assert_true (bytes_contain (document, "ادریس خٹک"));
  g_assert_true (bytes_contain (document, "<link id=\""));
}

static void
test_round_trip_everything (CasebookFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;
  g_autofree char *evidence = g_base64_encode ((const guchar *) EVIDENCE_TEXT, strlen (EVIDENCE_TEXT));

  fill_everything (fixture->casebook);
  document = assert_round_trip (fixture);

  /* Every field is in the document, sensitive ones too. */
  g_assert_true (bytes_contain (document, VICTIM_URDU));
  g_assert_true (bytes_contain (document, VICTIM_CONTACT));
  g_assert_true (bytes_contain (document, VICTIM_RELIGION));
  g_assert_true (bytes_contain (document, PLACE));
  g_assert_true (bytes_contain (document, evidence));
  g_assert_true (bytes_contain (document, "ریویو: درست"));
  g_assert_true (bytes_contain (document, "decision=\"confirmed\""));
  g_assert_true (bytes_contain (document, "The raid followed the threats"));
  g_assert_true (bytes_contain (document, "<ongoing/>"));
  g_assert_true (bytes_contain (document, " created=\""));
  g_assert_true (bytes_contain (document, "&amp; &lt;markup&gt;"));
  g_assert_false (bytes_contain (document, "<!DOCTYPE"));
}

/* People come before the first incident that names them. */
static void
test_people_before_incidents (CasebookFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;
  const char *text;
  const char *victim;
  const char *incident;
  const char *unconnected;

  fill_everything (fixture->casebook);
  document = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT);
  text = g_bytes_get_data (document, NULL);
  victim = strstr (text, VICTIM_LATIN);
  incident = strstr (text, "<incident ");
  unconnected = strstr (text, "Unconnected group");
  g_assert_nonnull (victim);
  g_assert_nonnull (incident);
  g_assert_true (victim < incident);
  g_assert_true (unconnected > incident);
}

/* ---- Merge by UUID ---- */

static guint
records_in (GawahCasebook *casebook)
{
  const char *tables[] = { "person", "incident", "act", "chronology", "follow_up", "source", "evidence",
                           "incident_link", "provision_mapping" };
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    total += test_count_rows (casebook, tables[i]);
  return (guint) total;
}

static void
test_merge_identical (CasebookFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GError) error = NULL;
  gint64 before[G_N_ELEMENTS (counted_tables)];

  fill_everything (fixture->casebook);
  document = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT);
  count_tables (fixture->casebook, before);

  g_assert_true (import_bytes (fixture->casebook, document, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->unchanged, ==, records_in (fixture->casebook));
  assert_tables_unchanged (fixture->casebook, before);
}

static gint64
first_incident_id (GawahCasebook *casebook,
                   const char    *order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM incident ORDER BY id %s LIMIT 1", order);
  gint64 id = 0;

  g_assert_true (gawah_db_query_int (gawah_casebook_get_db (casebook), sql, &id, NULL));
  return id;
}

/* One incident changed here, one deleted here: the deleted one comes back
 * from the document, the changed one is a conflict and keeps our title. */
static void
test_merge_added_and_conflict (CasebookFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GawahIncident) incident = NULL;
  g_autoptr(GawahIncident) after = NULL;
  g_autoptr(GError) error = NULL;
  GawahExchangeConflict *conflict;
  gint64 changed, deleted;
  gint64 audit_before;
  guint records_before;

  casebook_fixture_import_sample (fixture);
  document = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT);
  changed = first_incident_id (fixture->casebook, "ASC");
  deleted = first_incident_id (fixture->casebook, "DESC");

  incident = gawah_casebook_get_incident (fixture->casebook, changed, &error);
  g_assert_no_error (error);
  g_free (incident->title);
  incident->title = g_strdup ("Our corrected title");
  g_assert_true (gawah_casebook_save_incident (fixture->casebook, incident, &error));
  { gboolean ok_ = gawah_casebook_delete_incident (fixture->casebook, deleted, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
  records_before = records_in (fixture->casebook);
  audit_before = test_count_rows (fixture->casebook, "audit_log");

  g_assert_true (import_bytes (fixture->casebook, document, report, NULL, &error));
  g_assert_no_error (error);

  /* Only in the document: added back, with its records. */
  g_assert_cmpuint (report->incidents_added, ==, 1);
  g_assert_cmpuint (report->people_added, ==, 0);
  g_assert_cmpuint (report->added, >, 1);
  g_assert_cmpuint (records_in (fixture->casebook), ==, records_before + report->added);
  /* The import went through the audit trail. */
  g_assert_cmpint (test_count_rows (fixture->casebook, "audit_log"), >, audit_before);

  /* Different on both sides: reported, and neither side overwritten. */
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = report->conflicts->pdata[0];
  g_assert_cmpstr (conflict->kind, ==, "incident");
  g_assert_cmpstr (conflict->uuid, ==, incident->uuid);
  g_assert_cmpstr (conflict->field, ==, "title");
  g_assert_cmpstr (conflict->ours, ==, "Our corrected title");
  g_assert_cmpstr (conflict->theirs, !=, "Our corrected title");
  g_assert_cmpstr (conflict->title, ==, conflict->theirs);
  g_assert_cmpuint (conflict->line, >, 2);
  after = gawah_casebook_get_incident (fixture->casebook, changed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->title, ==, "Our corrected title");

  /* Everything else was identical. */
  g_assert_cmpuint (report->unchanged + report->added + 1, ==, records_in (fixture->casebook));
}

/* A person whose contact differs is a conflict naming the field. */
static void
test_merge_person_conflict (CasebookFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GError) error = NULL;
  GawahExchangeConflict *conflict;

  fill_everything (fixture->casebook);
  document = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT);
  g_assert_true (gawah_db_exec (gawah_casebook_get_db (fixture->casebook),
                                "UPDATE person SET contact = 'new number' WHERE name_latin = '" VICTIM_LATIN "'", NULL));

  g_assert_true (import_bytes (fixture->casebook, document, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = report->conflicts->pdata[0];
  g_assert_cmpstr (conflict->kind, ==, "person");
  g_assert_cmpstr (conflict->title, ==, VICTIM_LATIN);
  g_assert_cmpstr (conflict->field, ==, "contact");
  g_assert_cmpstr (conflict->ours, ==, "new number");
  g_assert_cmpstr (conflict->theirs, ==, VICTIM_CONTACT);
}

/* ---- Hostile and broken documents ---- */

typedef struct {
  const char *file;
  int         line;          /* 0: any line */
  const char *mentions;      /* what the message must say is wrong */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "bad-date.xml", 8, "2019-02-30" },
  { "billion-laughs.xml", 0, NULL },
  { "bom-wrong-root.xml", 2, "casebooks" },
  { "dangling-person.xml", 11, "4ed19e3b-1120-4314-a684-d73ff8dcaed5" },
  { "deep-nesting.xml", 7, "depth" },
  { "doctype-internal-subset.xml", 2, "DOCTYPE" },
  { "duplicate-uuid.xml", 13, "11d8eb82-4954-4851-8545-e728bdff7dc0" },
  { "empty.xml", 1, "empty" },
  { "encoding-unsupported.xml", 1, "X-GAWAH-NOPE" },
  { "evidence-hash-mismatch.xml", 12, "SHA-256" },
  { "encoding-wrong.xml", 1, "ISO-8859-1" },
  { "external-entity-file.xml", 2, "DOCTYPE" },
  { "external-entity-http.xml", 2, "DOCTYPE" },
  { "invalid-utf8.xml", 4, "UTF-8" },
  { "namespace-wrong.xml", 2, "casebook" },
  { "not-xml.xml", 1, "not an XML document" },
  { "parameter-entities.xml", 2, "DOCTYPE" },
  { "schema-violation.xml", 9, "Expecting an element" },
  { "truncated.xml", 9, NULL },
  { "unknown-code.xml", 11, "kidnapping" },
  { "unknown-provision.xml", 12, "const-999" },
  { "xinclude.xml", 6, "include" },
};

static void
assert_refused (GawahCasebook     *casebook,
                const char        *path,
                const HostileCase *expected)
{
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s, line ", name);
  gint64 before[G_N_ELEMENTS (counted_tables)];
  long line;

  count_tables (casebook, before);
  g_assert_false (gawah_casebook_import_xml_file (casebook, path, report, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  line = strtol (error->message + strlen (prefix), NULL, 10);
  g_assert_cmpint (line, >, 0);
  if (expected->line > 0)
    g_assert_cmpint (line, ==, expected->line);
  /* A reason follows the line. */
  g_assert_cmpuint (strlen (strstr (error->message, ": ")), >, 10);
  if (expected->mentions != NULL && strstr (error->message, expected->mentions) == NULL)
    g_error ("%s: “%s” does not mention “%s”", name, error->message, expected->mentions);
  g_assert_null (strstr (error->message, "root:"));
  assert_tables_unchanged (casebook, before);
  g_assert_cmpuint (report->added, ==, 0);
}

static void
test_hostile_corpus (CasebookFixture *fixture,
                     gconstpointer    data)
{
  g_autofree char *dir = test_source_path ("tests/data/hostile-xml");
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint seen = 0;

  casebook_fixture_import_sample (fixture);
  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const HostileCase *expected = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
        if (g_str_equal (hostile_cases[i].file, name))
          expected = &hostile_cases[i];
      if (expected == NULL)
        g_error ("%s is not listed in hostile_cases", name);
      assert_refused (fixture->casebook, path, expected);
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (hostile_cases));
}

/* A text node over libxml2's 10 MB limit, which "huge" mode would lift. */
static void
test_huge_text_node (CasebookFixture *fixture,
                     gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge-text.xml", NULL);
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<casebook xmlns=\"urn:gawah:casebook:1\" version=\"1\">\n"
                                          "  <person id=\"7825dd1f-9e16-4954-b163-b83ced321a64\" kind=\"individual\">\n"
                                          "    <name-latin>");
  HostileCase expected = { "huge-text.xml", 0, NULL };

  for (guint i = 0; i < 11 * 1024 * 1024 / 8; i++)
    g_string_append (text, "abcdefg ");
  g_string_append (text, "</name-latin>\n  </person>\n</casebook>\n");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  casebook_fixture_import_sample (fixture);
  assert_refused (fixture->casebook, path, &expected);
}

/* ---- Cancelling and progress ---- */

typedef struct {
  GCancellable *cancellable;
  guint         calls;
  guint64       last_done;
  guint64       total;
} ProgressLog;

static void
cancel_on_first_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ProgressLog *log = user_data;

  log->calls++;
  log->last_done = done;
  log->total = total;
  if (log->cancellable != NULL)
    g_cancellable_cancel (log->cancellable);
}

#define TRIGGER_COUNT_SQL "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%fts%'"

static void
test_cancel_rolls_back (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample-out.xml", NULL);
  g_autoptr(GawahCasebook) other = create_casebook (fixture, "other.gawah");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ProgressLog log = { NULL, 0, 0, 0 };
  gint64 before[G_N_ELEMENTS (counted_tables)];
  gint64 triggers_before, triggers_after;

  casebook_fixture_import_sample (fixture);
  { gboolean ok_ = gawah_casebook_export_xml_file (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT, path, NULL,
                                                 cancel_on_first_cb, &log, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
  g_assert_cmpint (log.calls, ==, test_count_rows (fixture->casebook, "incident"));
  g_assert_cmpuint (log.last_done, ==, log.total);

  count_tables (other, before);
  g_assert_true (gawah_db_query_int (gawah_casebook_get_db (other), TRIGGER_COUNT_SQL, &triggers_before, NULL));
  g_assert_cmpint (triggers_before, >, 0);
  log = (ProgressLog) { cancellable, 0, 0, 0 };
  g_assert_false (gawah_casebook_import_xml_file (other, path, NULL, cancellable, cancel_on_first_cb, &log, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.calls, ==, 1);
  assert_tables_unchanged (other, before);
  /* The search triggers the import set aside came back with the rollback. */
  g_assert_true (gawah_db_query_int (gawah_casebook_get_db (other), TRIGGER_COUNT_SQL, &triggers_after, NULL));
  g_assert_cmpint (triggers_after, ==, triggers_before);
}

/* ---- Filter ---- */

static void
test_filtered_export (CasebookFixture *fixture,
                      gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { 0 };
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GawahCasebook) copy = create_casebook (fixture, "copy.gawah");
  g_autoptr(GError) error = NULL;
  gint64 expected = 0;

  casebook_fixture_import_sample (fixture);
  filter.province = g_strdup ("pk-pb");
  g_assert_true (gawah_db_query_int (gawah_casebook_get_db (fixture->casebook),
                                     "SELECT count(*) FROM incident WHERE province = 'pk-pb'", &expected, NULL));
  g_assert_cmpint (expected, >, 0);
  document = export_bytes (fixture->casebook, &filter, GAWAH_EXPORT_DEFAULT);
  g_assert_true (import_bytes (copy, document, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (copy, "incident"), ==, expected);
  g_assert_cmpint (test_count_rows (copy, "incident"), <, test_count_rows (fixture->casebook, "incident"));
  /* Only the people those incidents name. */
  g_assert_cmpint (test_count_rows (copy, "person"), <, test_count_rows (fixture->casebook, "person"));
}

/* ---- Redaction ---- */

/* Text outside the victims' own incidents that names them: a perpetrator's
 * notes, and the note of a link from an incident they are not part of. */
static void
mention_protected_names_elsewhere (GawahCasebook *casebook)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahPerson) police = gawah_casebook_get_person (casebook, 2, &error);
  g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
  gint64 later;

  g_assert_no_error (error);
  g_assert_cmpstr (police->name_latin, ==, "Punjab Police");
  g_free (police->notes);
  police->notes = g_strdup ("Threatened " VICTIM_LATIN " after the hearing; " WITNESS_LATIN " saw it.");
  add_person (casebook, police);
  later = add_full_incident (casebook, "Raid on the legal aid office", FALSE);
  link->from_incident_id = later;
  link->to_incident_id = 1;
  g_free (link->link_type);
  link->link_type = g_strdup ("preceded-by");
  link->note = g_strdup ("Came after " VICTIM_LATIN " filed her petition");
  { gboolean ok_ = gawah_casebook_save_link (casebook, link, &error);
  g_assert_no_error (error);
  g_assert_true (ok_); }
}

static void
test_redacted_export (CasebookFixture *fixture,
                      gconstpointer    data)
{
  const char *sensitive[] = { VICTIM_LATIN, VICTIM_URDU, VICTIM_OTHER, VICTIM_ORGANISATION, VICTIM_NOTES,
                              VICTIM_ETHNICITY, VICTIM_RELIGION, VICTIM_CONTACT, WITNESS_LATIN, WITNESS_CONTACT,
                              PLACE, SOURCE_DESCRIPTION, "Imran", "Saima", "note.txt" };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GawahCasebook) copy = create_casebook (fixture, "copy.gawah");
  g_autoptr(GError) error = NULL;

  fill_everything (fixture->casebook);
  mention_protected_names_elsewhere (fixture->casebook);
  first = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_REDACTED);
  second = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_REDACTED);
  /* Stable pseudonyms: the same document twice. */
  assert_same_bytes (first, second);

  for (guint i = 0; i < G_N_ELEMENTS (sensitive); i++)
    if (bytes_contain (first, sensitive[i]))
      g_error ("the redacted export holds “%s”", sensitive[i]);
  g_assert_true (bytes_contain (first, "<redaction>"));
  g_assert_true (bytes_contain (first, "field=\"person/contact\" action=\"removed\""));
  g_assert_true (bytes_contain (first, "<name-latin>P-"));
  g_assert_true (bytes_contain (first, "<description>S-"));
  /* Perpetrators keep their names. */
  g_assert_true (bytes_contain (first, "Punjab Police"));
  g_assert_true (bytes_contain (first, "<notes>Threatened P-"));
  g_assert_true (bytes_contain (first, "<note>Came after P-"));

  /* A redacted document is still Gawah XML. */
  g_assert_true (import_bytes (copy, first, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (copy, "incident"), ==, 3);
  g_assert_cmpint (test_count_rows (copy, "evidence"), ==, 0);
}

/* ---- The search index ---- */

/* Every token of the incidents' search index: term, incident, column and
 * position, in a fixed order. */
static char *
dump_search_index (GawahCasebook *casebook)
{
  GawahDb *db = gawah_casebook_get_db (casebook);
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GawahStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  g_assert_true (gawah_db_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.incident_tokens"
                                    " USING fts5vocab (main, incident_fts, instance)", &error));
  stmt = gawah_db_prepare (db, "SELECT term, doc, col, offset FROM temp.incident_tokens"
                               " ORDER BY doc, col, offset, term", &error);
  g_assert_no_error (error);
  while (gawah_db_step_row (db, stmt, &has_row, &error) && has_row)
    g_string_append_printf (dump, "%s %lld %s %lld\n", sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 2),
                            (long long) sqlite3_column_int64 (stmt, 3));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* The import writes each incident's search document once, after all its
 * rows, instead of through the triggers: the index must be what the
 * triggers make. Touching every incident has them rewrite each document. */
static void
assert_search_index_as_triggers_make_it (GawahCasebook *casebook)
{
  g_autofree char *imported = dump_search_index (casebook);
  g_autofree char *rewritten = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_db_exec (gawah_casebook_get_db (casebook), "UPDATE incident SET title = title", &error));
  g_assert_no_error (error);
  rewritten = dump_search_index (casebook);
  g_assert_cmpuint (strlen (rewritten), >, 0);
  if (!g_str_equal (imported, rewritten))
    g_error ("the imported search index (%zu bytes) is not what the triggers make (%zu bytes)",
             strlen (imported), strlen (rewritten));
}

static void
test_search_index (CasebookFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 incident_id;
  g_autofree char *delete_children = NULL;

  /* New incidents. */
  casebook_fixture_import_sample (fixture);
  assert_search_index_as_triggers_make_it (fixture->casebook);
  found = gawah_casebook_search_incidents (fixture->casebook, "خٹک", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);

  /* Incidents already here that gain acts and chronology entries. */
  document = export_bytes (fixture->casebook, NULL, GAWAH_EXPORT_DEFAULT);
  incident_id = first_incident_id (fixture->casebook, "ASC");
  delete_children = g_strdup_printf ("DELETE FROM chronology WHERE incident_id = %1$" G_GINT64_FORMAT ";"
                                     "DELETE FROM act WHERE incident_id = %1$" G_GINT64_FORMAT, incident_id);
  g_assert_true (gawah_db_exec (gawah_casebook_get_db (fixture->casebook), delete_children, &error));
  g_assert_no_error (error);
  g_assert_true (import_bytes (fixture->casebook, document, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->incidents_added, ==, 0);
  g_assert_cmpuint (report->added, >, 1);
  assert_search_index_as_triggers_make_it (fixture->casebook);
}

#define EXCHANGE_TEST(path, func) \
  g_test_add ("/exchange/" path, CasebookFixture, NULL, casebook_fixture_set_up, func, casebook_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  EXCHANGE_TEST ("round-trip/sample", test_round_trip_sample);
  EXCHANGE_TEST ("round-trip/everything", test_round_trip_everything);
  EXCHANGE_TEST ("export/people-before-incidents", test_people_before_incidents);
  EXCHANGE_TEST ("export/filter", test_filtered_export);
  EXCHANGE_TEST ("export/redacted", test_redacted_export);
  EXCHANGE_TEST ("merge/identical", test_merge_identical);
  EXCHANGE_TEST ("merge/added-and-conflict", test_merge_added_and_conflict);
  EXCHANGE_TEST ("merge/person-conflict", test_merge_person_conflict);
  EXCHANGE_TEST ("import/hostile-corpus", test_hostile_corpus);
  EXCHANGE_TEST ("import/huge-text-node", test_huge_text_node);
  EXCHANGE_TEST ("import/cancel-rolls-back", test_cancel_rolls_back);
  EXCHANGE_TEST ("import/search-index", test_search_index);

  return g_test_run ();
}
