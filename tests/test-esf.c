/* test-esf.c: importing OpenEvSys exports (HURIDOCS Events Standard Formats)
 *
 * The documents in tests/data/esf/ were written by hand from the published
 * description of the format: a realistic one with three Pakistani cases,
 * and broken or hostile ones that must be refused with their line and
 * leave the casebook untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-esf-mapping.h"
#include "gawah-esf.h"
#include "gawah-test-utils.h"

static const char * const record_tables[] = {
  "person", "person_category", "incident", "act", "involvement", "act_law", "chronology",
  "follow_up", "source", "evidence", "incident_link", "provision_mapping",
};

/* Every refused document goes to this casebook, which must stay empty. */
static CasebookFixture refused;

static void
assert_casebook_empty (GawahCasebook *casebook)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    g_assert_cmpint (test_count_rows (casebook, record_tables[i]), ==, 0);
}

static GawahEsfReport *
import_test_file (GawahCasebook  *casebook,
                  const char     *file,
                  GError        **error)
{
  g_autofree char *relative = g_build_filename ("tests", "data", "esf", file, NULL);
  g_autofree char *path = test_source_path (relative);
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();

  if (!gawah_casebook_import_esf_file (casebook, path, report, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&report);
}

static GawahIncident *
find_incident (GawahCasebook *casebook,
               const char    *title_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = gawah_casebook_list_incidents (casebook, 0, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    {
      GawahIncident *incident = g_ptr_array_index (incidents, i);

      if (g_str_has_prefix (incident->title, title_start))
        return g_ptr_array_steal_index (incidents, i);
    }
  g_error ("no incident titled “%s…”", title_start);
  return NULL;
}

static GawahPerson *
find_person (GawahCasebook *casebook,
             const char    *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gawah_casebook_find_person_by_name (casebook, name, &error);
  GawahPerson *person;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  person = gawah_casebook_get_person (casebook, id, &error);
  g_assert_no_error (error);
  return person;
}

static gboolean
report_has_unmapped (const GawahEsfReport *report,
                     const char           *record,
                     const char           *field,
                     const char           *code)
{
  for (guint i = 0; i < report->unmapped->len; i++)
    {
      const GawahEsfUnmapped *unmapped = g_ptr_array_index (report->unmapped, i);

      if (g_str_equal (unmapped->record, record) && g_str_equal (unmapped->field, field) &&
          g_str_equal (unmapped->code, code))
        {
          g_assert_cmpuint (unmapped->line, >, 0);
          return TRUE;
        }
    }
  return FALSE;
}

static void
assert_date (const GawahPartialDate *date,
             const char             *display)
{
  g_autofree char *shown = gawah_partial_date_to_display (date);

  g_assert_cmpstr (shown, ==, display);
}

static void
test_mapping_is_consistent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahEsfMapping) mapping = gawah_esf_mapping_load (&error);
  const char *to = NULL;
  gboolean exact = TRUE, reverse = FALSE;

  g_assert_no_error (error);
  gawah_esf_mapping_check (mapping, gawah_vocabularies_get_default (), &error);
  g_assert_no_error (error);

  /* Exact, inherited, and refused for a term whose parent does not cover its descendants. */
  g_assert_true (gawah_esf_mapping_translate (mapping, "act-type", "030103000000", &to, NULL, &exact));
  g_assert_cmpstr (to, ==, "enforced-disappearance");
  g_assert_true (exact);
  g_assert_true (gawah_esf_mapping_translate (mapping, "act-type", "020103020100", &to, NULL, &exact));
  g_assert_cmpstr (to, ==, "threat");
  g_assert_false (exact);
  g_assert_false (gawah_esf_mapping_translate (mapping, "act-type", "010101030000", &to, NULL, &exact));
  g_assert_true (gawah_esf_mapping_translate (mapping, "link-type", "010000000000", &to, &reverse, &exact));
  g_assert_true (reverse);
  g_assert_cmpstr (gawah_esf_mapping_label (mapping, "4", "030103000000"), ==, "Disappearance");
  g_assert_null (gawah_esf_mapping_label (mapping, "4", "999999999999"));
}

static void
check_counts (const GawahEsfReport *report,
              GawahCasebook        *casebook)
{
  g_assert_cmpuint (report->events, ==, 3);
  g_assert_cmpuint (report->persons, ==, 12);
  g_assert_cmpuint (report->acts, ==, 4);
  g_assert_cmpuint (report->acts_as_notes, ==, 1);
  g_assert_cmpuint (report->involvements, ==, 4);
  g_assert_cmpuint (report->involvements_as_notes, ==, 1);
  g_assert_cmpuint (report->chains, ==, 2);
  g_assert_cmpuint (report->interventions, ==, 2);
  g_assert_cmpuint (report->information, ==, 3);

  g_assert_cmpint (test_count_rows (casebook, "incident"), ==, 3);
  g_assert_cmpint (test_count_rows (casebook, "person"), ==, 12);
  g_assert_cmpint (test_count_rows (casebook, "act"), ==, 4);
  g_assert_cmpint (test_count_rows (casebook, "involvement"), ==, 4);
  g_assert_cmpint (test_count_rows (casebook, "incident_link"), ==, 2);
  g_assert_cmpint (test_count_rows (casebook, "follow_up"), ==, 2);
  g_assert_cmpint (test_count_rows (casebook, "source"), ==, 3);
}

static void
check_disappearance (GawahCasebook *casebook)
{
  g_autoptr(GawahIncident) incident = find_incident (casebook, "Enforced disappearance of journalist");
  g_autoptr(GawahPerson) police = find_person (casebook, "Islamabad Capital Territory Police");
  g_autoptr(GawahPerson) agents = find_person (casebook, "Men in plain clothes (believed to be intelligence personnel)");
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GError) error = NULL;
  GawahAct *act;

  assert_date (&incident->start, "2020-07");
  g_assert_cmpint (incident->start.precision, ==, GAWAH_PRECISION_MONTH);
  g_assert_false (gawah_partial_date_is_known (&incident->end));
  g_assert_true (incident->ongoing);   /* the victim is still missing */
  g_assert_cmpstr (incident->confidentiality, ==, "confidential");
  g_assert_cmpstr (incident->verification, ==, "likely");
  g_assert_cmpstr (incident->place, ==, "Street 34, G-9/2, Islamabad");
  /* Escaped text arrives unescaped; what has no Gawah field is kept as notes. */
  g_assert_true (g_str_has_prefix (incident->summary,
                                   "Imran Shahid, a reporter for Daily Awaz who had written on \"missing persons\" & land grabs"));
  g_assert_nonnull (strstr (incident->summary, "ESF impact_of_event: Two colleagues stopped reporting"));
  g_assert_nonnull (strstr (incident->summary, "ESF rights_affected: 030000000000"));
  g_assert_nonnull (strstr (incident->summary, "ESF local_geographical_area: 0104"));
  g_assert_nonnull (strstr (incident->summary, "ESF management_data/comments: Family asked"));
  g_assert_nonnull (strstr (incident->summary, "ESF act A-2020-014-1 method_of_violence: 0907"));
  g_assert_nonnull (strstr (incident->summary, "ESF act A-2020-014-1 arrest/whereabouts: 020000000000"));
  g_assert_nonnull (strstr (incident->summary, "ESF involvement I-2 latest_status_as_perpetrator_in_the_act: 010100000000 Uncharged"));
  /* Who entered the record is not the casebook's business. */
  g_assert_null (strstr (incident->summary, "documentalist2"));

  acts = gawah_casebook_list_acts (casebook, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 1);
  act = g_ptr_array_index (acts, 0);
  g_assert_cmpstr (act->act_type, ==, "enforced-disappearance");
  assert_date (&act->start, "2020-07-21");
  g_assert_cmpstr (act->outcome, ==, "Still missing (ESF 010300000000)");
  g_assert_cmpuint (act->involvements->len, ==, 2);
  for (guint i = 0; i < act->involvements->len; i++)
    {
      GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);

      if (involvement->perpetrator_id == agents->id)
        g_assert_cmpstr (involvement->degree, ==, "did-it");
      else
        {
          g_assert_cmpint (involvement->perpetrator_id, ==, police->id);
          g_assert_cmpstr (involvement->degree, ==, "failed-to-protect");   /* 0503 under 05 */
        }
    }
  g_assert_cmpstr (agents->perpetrator_type, ==, "intelligence-agency");
  g_assert_cmpstr (agents->kind, ==, "institution");
  g_assert_cmpstr (police->perpetrator_type, ==, "police");
}

static void
check_arrest (GawahCasebook        *casebook,
              const GawahEsfReport *report)
{
  g_autoptr(GawahIncident) incident = find_incident (casebook, "Arrest of digital rights activist");
  g_autoptr(GawahPerson) fia = find_person (casebook, "FIA Cybercrime Wing, Lahore");
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  GawahAct *act;

  g_assert_cmpstr (incident->confidentiality, ==, "restricted");   /* "n" never becomes public */
  g_assert_false (incident->ongoing);                             /* released */
  g_assert_cmpstr (incident->verification, ==, "confirmed");
  assert_date (&incident->start, "2022-05-14");
  assert_date (&incident->end, "2022-05-30");
  acts = gawah_casebook_list_acts (casebook, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 1);
  act = g_ptr_array_index (acts, 0);
  g_assert_cmpstr (act->act_type, ==, "arbitrary-arrest");
  g_assert_cmpuint (act->involvements->len, ==, 1);   /* I-4 has no Gawah degree */
  g_assert_null (fia->perpetrator_type);              /* "national-level officials" has no Gawah type */
  g_assert_nonnull (strstr (incident->summary, "ESF involvement I-4: perpetrator Deputy Director, FIA Cybercrime Wing Lahore, no Gawah degree of involvement"));
  g_assert_nonnull (strstr (incident->summary, "ESF involvement I-4 degree_of_involvement: 040000000000 Involvement as implementor of a violative law or policy"));
  g_assert_nonnull (strstr (incident->summary, "ESF act A-2022-031-1 national_legislation: 6220"));
  g_assert_nonnull (strstr (incident->summary, "ESF act A-2022-031-1 arrest/court_case_name: State v. Sana Qureshi"));
  g_assert_true (report_has_unmapped (report, "involvement I-3", "type_of_perpetrator", "010101000000"));

  /* C-1: this arrest follows the disappearance. */
  links = gawah_casebook_list_links (casebook, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, >=, 1);
}

static void
check_killing (GawahCasebook        *casebook,
               const GawahEsfReport *report)
{
  g_autoptr(GawahIncident) incident = find_incident (casebook, "Killing of lawyer Naveed Akhtar");
  g_autoptr(GawahIncident) arrest = find_incident (casebook, "Arrest of digital rights activist");
  g_autoptr(GawahPerson) gunmen = find_person (casebook, "Unknown gunmen on a motorcycle");
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_reverse = FALSE;

  assert_date (&incident->start, "2021-03");
  g_assert_false (incident->ongoing);
  g_assert_cmpstr (incident->verification, ==, "unconfirmed");   /* "Unlikely" has no Gawah term */
  g_assert_nonnull (strstr (incident->summary, "ESF violation_status: 020000000000 Unlikely"));
  g_assert_true (report_has_unmapped (report, "event E-2021-007", "violation_status", "020000000000"));
  g_assert_nonnull (strstr (incident->summary, "ESF act A-2021-007-3: victim شازیہ کاکڑ, no Gawah type of act"));
  g_assert_nonnull (strstr (incident->summary, "ESF act A-2021-007-3 type_of_act: 170105010000 Harassment of campaigners"));
  g_assert_true (report_has_unmapped (report, "act A-2021-007-3", "type_of_act", "170105010000"));

  acts = gawah_casebook_list_acts (casebook, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 2);
  for (guint i = 0; i < acts->len; i++)
    {
      GawahAct *act = g_ptr_array_index (acts, i);

      if (g_str_equal (act->act_type, "extrajudicial-killing"))
        {
          assert_date (&act->start, "2021-03");
          g_assert_cmpstr (act->outcome, ==, "Dead (ESF 010100000000)");
        }
      else
        {
          g_assert_cmpstr (act->act_type, ==, "threat");
          assert_date (&act->start, "~2020-12-15");
          assert_date (&act->end, "2021-02-28");
        }
    }
  /* A death threat is a threat in Gawah, and the exact ESF term is kept. */
  g_assert_nonnull (strstr (incident->summary, "ESF type_of_act: 020103020100 Death threats against the victim"));
  g_assert_cmpstr (gunmen->perpetrator_type, ==, "unknown");
  g_assert_cmpstr (gunmen->kind, ==, "group");

  /* C-2 says the killing precedes the arrest: the arrest was preceded by it. */
  links = gawah_casebook_list_links (casebook, arrest->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < links->len; i++)
    {
      GawahIncidentLink *link = g_ptr_array_index (links, i);

      if (link->from_incident_id == arrest->id && link->to_incident_id == incident->id)
        {
          g_assert_cmpstr (link->link_type, ==, "preceded-by");
          found_reverse = TRUE;
        }
    }
  g_assert_true (found_reverse);
}

static void
check_people (GawahCasebook *casebook)
{
  g_autoptr(GawahPerson) imran = find_person (casebook, "Imran Shahid");
  g_autoptr(GawahPerson) sana = find_person (casebook, "Sana Qureshi");
  g_autoptr(GawahPerson) shazia = find_person (casebook, "شازیہ کاکڑ");

  g_assert_cmpstr (imran->name_urdu, ==, "عمران شاہد");
  g_assert_cmpstr (imran->sex, ==, "male");
  g_assert_cmpstr (imran->kind, ==, "individual");
  g_assert_cmpstr (imran->organisation, ==, "Daily Awaz");
  g_assert_cmpstr (imran->religion, ==, "0103");   /* sensitive: kept in its own field, not in notes */
  g_assert_cmpstr (imran->contact, ==, "010000000000; House 12, Street 34, G-9/2, Islamabad; Pakistan");
  g_assert_nonnull (strstr (imran->notes, "ESF occupation: 0301"));
  g_assert_nonnull (strstr (imran->notes, "ESF biographic_details/position_in_organisation: Senior reporter"));
  g_assert_cmpstr (sana->name_urdu, ==, "ثناء قریشی");
  g_assert_cmpstr (sana->sex, ==, "female");
  g_assert_true (shazia->name_latin == NULL || *shazia->name_latin == '\0');
  g_assert_cmpstr (shazia->name_urdu, ==, "شازیہ کاکڑ");

  /* A group with no name is named by its description. */
  {
    g_autoptr(GawahPerson) witnesses = find_person (casebook, "Shopkeepers near the district courts who saw the shooting");

    g_assert_cmpstr (witnesses->kind, ==, "group");
    g_assert_nonnull (strstr (witnesses->notes, "ESF number_of_persons_in_group: 4"));
  }
}

static void
check_follow_ups_and_sources (GawahCasebook *casebook)
{
  g_autoptr(GawahIncident) disappearance = find_incident (casebook, "Enforced disappearance of journalist");
  g_autoptr(GawahIncident) killing = find_incident (casebook, "Killing of lawyer Naveed Akhtar");
  g_autoptr(GawahPerson) rabia = find_person (casebook, "Rabia Imran");
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  GawahFollowUp *follow_up;
  GawahSource *source;

  follow_ups = gawah_casebook_list_follow_ups (casebook, disappearance->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 1);
  follow_up = g_ptr_array_index (follow_ups, 0);
  g_assert_cmpstr (follow_up->action_type, ==, "complaint");
  g_assert_cmpstr (follow_up->body, ==, "other");
  g_assert_cmpstr (follow_up->status, ==, "pending");
  assert_date (&follow_up->date, "2020-07-23");
  g_assert_cmpstr (follow_up->response, ==, "Token response (ESF 050000000000)");
  g_assert_nonnull (strstr (follow_up->description, "ESF intervening_party: Rabia Imran"));
  g_assert_nonnull (strstr (follow_up->description,
                            "ESF parties_requested: Islamabad High Court; Commission of Inquiry on Enforced Disappearances"));
  g_assert_nonnull (strstr (follow_up->description, "ESF type_of_intervention: 010400000000 Publicity about the victim"));
  g_assert_nonnull (strstr (follow_up->description, "ESF priority: 010000000000 Urgent"));

  sources = gawah_casebook_list_sources (casebook, disappearance->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  source = g_ptr_array_index (sources, 0);
  g_assert_cmpint (source->person_id, ==, rabia->id);
  g_assert_cmpstr (source->source_type, ==, "relative");        /* the interview has no Gawah type */
  g_assert_cmpstr (source->reliability, ==, "usually-reliable");
  g_assert_cmpstr (source->credibility, ==, "possibly-true");
  assert_date (&source->obtained, "2020-07-22");
  g_assert_nonnull (strstr (source->description, "ESF type_of_source_material: 091420051801 Interview"));

  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = gawah_casebook_list_sources (casebook, killing->id, &error);
  g_assert_no_error (error);
  source = g_ptr_array_index (sources, 0);
  g_assert_cmpint (source->person_id, ==, 0);
  g_assert_cmpstr (source->source_type, ==, "media-report");
  g_assert_cmpstr (source->reliability, ==, "unknown");
  g_assert_cmpstr (source->credibility, ==, "probably-true");
  assert_date (&source->obtained, "2021-03");
  g_assert_nonnull (strstr (source->description, "ESF related_person: Naveed Akhtar"));
}

static void
check_skipped (const GawahEsfReport *report)
{
  g_assert_cmpuint (report->skipped->len, ==, 1);
  g_assert_cmpstr (((GawahEsfSkipped *) g_ptr_array_index (report->skipped, 0))->element, ==,
                   "event/custom_case_file_number");
  g_assert_cmpuint (((GawahEsfSkipped *) g_ptr_array_index (report->skipped, 0))->line, ==, 115);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, >, *last);
  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
test_realistic_document (CasebookFixture *fixture,
                         gconstpointer    data)
{
  g_autofree char *path = test_source_path ("tests/data/esf/pakistan-hrd.xml");
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();
  g_autoptr(GError) error = NULL;
  guint64 last = 0;

  gawah_casebook_import_esf_file (fixture->casebook, path, report, NULL, progress_cb, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 20);   /* 3 events, 12 persons, 2 interventions, 3 information */

  check_counts (report, fixture->casebook);
  check_disappearance (fixture->casebook);
  check_arrest (fixture->casebook, report);
  check_killing (fixture->casebook, report);
  check_people (fixture->casebook);
  check_follow_ups_and_sources (fixture->casebook);
  check_skipped (report);
}

static void
test_cancelled (void)
{
  g_autofree char *path = test_source_path ("tests/data/esf/pakistan-hrd.xml");
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (gawah_casebook_import_esf_file (refused.casebook, path, report, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_casebook_empty (refused.casebook);
}

typedef struct {
  const char *file;
  int         code;
  const char *message;   /* the start of the message, with its line */
} Refusal;

static const Refusal refusals[] = {
  { "broken-malformed.xml", GAWAH_ERROR_PARSE, "broken-malformed.xml, line 11: " },
  { "broken-doctype.xml", GAWAH_ERROR_PARSE,
    "broken-doctype.xml, line 3: documents with a DOCTYPE declaration are not accepted" },
  { "broken-undeclared-entity.xml", GAWAH_ERROR_PARSE, "broken-undeclared-entity.xml, line 5: Entity 'lol9' not defined" },
  { "broken-missing-title.xml", GAWAH_ERROR_PARSE, "broken-missing-title.xml, line 8: the event record has no event_title" },
  { "broken-unknown-victim.xml", GAWAH_ERROR_NOT_FOUND,
    "broken-unknown-victim.xml, line 8: victim “P-99” is not a person record of this document" },
  { "broken-late-bad-date.xml", GAWAH_ERROR_INVALID,
    "broken-late-bad-date.xml, line 17 (information F-1): date_of_source_material: 2019-02-30 does not exist in the calendar" },
  { "broken-not-esf.xml", GAWAH_ERROR_PARSE,
    "broken-not-esf.xml, line 2: the document is a <casebook>, not an OpenEvSys export (<events>)" },
  { "broken-duplicate-person.xml", GAWAH_ERROR_INVALID,
    "broken-duplicate-person.xml, line 7: a second person record numbered “P-1”" },
};

static void
test_refused (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(GawahEsfReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = import_test_file (refused.casebook, refusal->file, &error);
  g_assert_null (report);
  g_assert_error (error, GAWAH_ERROR, refusal->code);
  if (!g_str_has_prefix (error->message, refusal->message))
    g_error ("%s: got “%s”", refusal->file, error->message);
  assert_casebook_empty (refused.casebook);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/esf/mapping/consistent", test_mapping_is_consistent);
  g_test_add ("/esf/import/realistic", CasebookFixture, NULL,
              casebook_fixture_set_up, test_realistic_document, casebook_fixture_tear_down);
  g_test_add_func ("/esf/import/cancelled", test_cancelled);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/esf/refused/%s", refusals[i].file);
      g_test_add_data_func (path, &refusals[i], test_refused);
    }

  casebook_fixture_set_up (&refused, NULL);
  status = g_test_run ();
  casebook_fixture_tear_down (&refused, NULL);
  return status;
}
