/* test-records.c: every record type, saved, read back and refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

#define URDU_TITLE "ادریس خٹک کی جبری گمشدگی"
#define BAD_UTF8 "bad \xff text"

static const GawahPartialDate unknown_date = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };

static GawahPartialDate
make_date (guint16        year,
           guint8         month,
           guint8         day,
           GawahPrecision precision)
{
  return (GawahPartialDate) { year, month, day, precision };
}

static void
assert_dates_equal (const GawahPartialDate *a,
                    const GawahPartialDate *b)
{
  g_autofree char *da = gawah_partial_date_to_display (a);
  g_autofree char *db = gawah_partial_date_to_display (b);

  /* Display first: a failure then reads "2019-03" vs "unknown date". */
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpint (a->precision, ==, b->precision);
  g_assert_cmpuint (a->year, ==, b->year);
  g_assert_cmpuint (a->month, ==, b->month);
  g_assert_cmpuint (a->day, ==, b->day);
}

/* Every record has an id, a real UUID and both timestamps once saved. */
static void
assert_saved (gint64      id,
              const char *uuid,
              const char *created_at,
              const char *updated_at)
{
  g_assert_cmpint (id, >, 0);
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_nonnull (created_at);
  g_assert_nonnull (updated_at);
  g_assert_cmpstr (created_at, <=, updated_at);
}

/* Timestamps have millisecond precision: make sure the clock moves. */
static void
let_time_pass (void)
{
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
}

/* Nothing written */

static const char * const record_tables[] = {
  "incident", "person", "person_category", "act", "involvement", "act_law", "chronology",
  "follow_up", "source", "evidence", "incident_link", "provision_mapping",
};

typedef struct {
  gint64 counts[G_N_ELEMENTS (record_tables)];
} RowCounts;

static RowCounts
count_rows (GawahCasebook *casebook)
{
  RowCounts counts;

  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    counts.counts[i] = test_count_rows (casebook, record_tables[i]);
  return counts;
}

/* Labelled counts, so that a failure names the table written to. */
static char *
describe_counts (const RowCounts *counts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    g_string_append_printf (text, "%s=%" G_GINT64_FORMAT " ", record_tables[i], counts->counts[i]);
  return g_string_free (text, FALSE);
}

static void
assert_rows_unchanged (GawahCasebook   *casebook,
                       const RowCounts *before)
{
  RowCounts after = count_rows (casebook);
  g_autofree char *expected = describe_counts (before);
  g_autofree char *actual = describe_counts (&after);

  g_assert_cmpstr (actual, ==, expected);
}

/* A refused save: the right code, a message that begins with the field
 * the user has to fix, and not one row written anywhere. */
static void
assert_refused (GawahCasebook   *casebook,
                const RowCounts *before,
                gboolean         saved,
                GError          *error,
                int              code,
                const char      *field)
{
  g_autofree char *prefix = g_strconcat (field, ": ", NULL);
  g_autofree char *start = NULL;

  g_assert_false (saved);
  g_assert_error (error, GAWAH_ERROR, code);
  start = g_strndup (error->message, strlen (prefix));
  g_assert_cmpstr (start, ==, prefix);
  assert_rows_unchanged (casebook, before);
}

/* Incidents */

static GawahIncident *
new_full_incident (void)
{
  GawahIncident *incident = gawah_incident_new ();

  incident->title = g_strdup (URDU_TITLE);
  incident->summary = g_strdup ("Taken from his car on the motorway near Swabi. صوابی انٹرچینج سے اغوا");
  incident->start = make_date (2019, 11, 13, GAWAH_PRECISION_DAY);
  incident->ongoing = TRUE;
  incident->province = g_strdup ("pk-kp");
  incident->district = g_strdup ("swabi");
  incident->place = g_strdup ("Swabi interchange, صوابی");
  g_free (incident->verification);
  incident->verification = g_strdup ("confirmed");
  g_free (incident->confidentiality);
  incident->confidentiality = g_strdup ("confidential");
  g_free (incident->status);
  incident->status = g_strdup ("follow-up");
  return incident;
}

static void
save_incident (GawahCasebook *casebook,
               GawahIncident *incident)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_save_incident (casebook, incident, &error));
  g_assert_no_error (error);
  assert_saved (incident->id, incident->uuid, incident->created_at, incident->updated_at);
}

static GawahIncident *
get_incident (GawahCasebook *casebook,
              gint64         id)
{
  g_autoptr(GError) error = NULL;
  GawahIncident *incident = gawah_casebook_get_incident (casebook, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (incident);
  return incident;
}

static void
assert_incidents_equal (const GawahIncident *a,
                        const GawahIncident *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->summary, ==, b->summary);
  assert_dates_equal (&a->start, &b->start);
  assert_dates_equal (&a->end, &b->end);
  g_assert_cmpint (a->ongoing, ==, b->ongoing);
  g_assert_cmpstr (a->province, ==, b->province);
  g_assert_cmpstr (a->district, ==, b->district);
  g_assert_cmpstr (a->place, ==, b->place);
  g_assert_cmpstr (a->verification, ==, b->verification);
  g_assert_cmpstr (a->confidentiality, ==, b->confidentiality);
  g_assert_cmpstr (a->status, ==, b->status);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
}

static void
test_incident_round_trip (CasebookFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GawahIncident) incident = new_full_incident ();
  g_autoptr(GawahIncident) read = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  save_incident (fixture->casebook, incident);
  read = get_incident (fixture->casebook, incident->id);
  assert_incidents_equal (read, incident);
  g_assert_cmpstr (read->title, ==, URDU_TITLE);
  g_assert_true (read->ongoing);

  listed = gawah_casebook_list_incidents (fixture->casebook, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_incidents_equal (listed->pdata[0], incident);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook, NULL), ==, 1);
}

/* Fresh records start cautious: unconfirmed, restricted, open. */
static void
test_incident_defaults (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GawahIncident) read = get_incident (fixture->casebook,
                                                test_add_incident (fixture->casebook, "  Threat to a lawyer \n"));

  g_assert_cmpstr (read->title, ==, "Threat to a lawyer");
  g_assert_cmpstr (read->verification, ==, "unconfirmed");
  g_assert_cmpstr (read->confidentiality, ==, "restricted");
  g_assert_cmpstr (read->status, ==, "open");
  g_assert_false (read->ongoing);
  g_assert_false (gawah_partial_date_is_known (&read->start));
  g_assert_null (read->province);
  g_assert_null (read->district);
}

static void
test_incident_dates (CasebookFixture *fixture,
                     gconstpointer    data)
{
  const GawahPartialDate ranges[][2] = {
    { { 2019, 11, 13, GAWAH_PRECISION_DAY }, { 2020, 1, 0, GAWAH_PRECISION_MONTH } },
    { { 2019, 11, 0, GAWAH_PRECISION_MONTH }, { 2020, 0, 0, GAWAH_PRECISION_YEAR } },
    { { 2019, 0, 0, GAWAH_PRECISION_YEAR }, { 2019, 0, 0, GAWAH_PRECISION_YEAR } },
    { { 2019, 11, 13, GAWAH_PRECISION_APPROXIMATE }, { 0, 0, 0, GAWAH_PRECISION_UNKNOWN } },
    { { 2019, 0, 0, GAWAH_PRECISION_APPROXIMATE }, { 2021, 6, 1, GAWAH_PRECISION_APPROXIMATE } },
    { { 2019, 3, 14, GAWAH_PRECISION_DAY }, { 2019, 3, 0, GAWAH_PRECISION_MONTH } },
    { { 2019, 0, 0, GAWAH_PRECISION_YEAR }, { 2019, 3, 14, GAWAH_PRECISION_DAY } },
    { { 2020, 2, 29, GAWAH_PRECISION_DAY }, { 2020, 2, 29, GAWAH_PRECISION_DAY } },
    { { 0, 0, 0, GAWAH_PRECISION_UNKNOWN }, { 2020, 0, 0, GAWAH_PRECISION_YEAR } },
    { { 0, 0, 0, GAWAH_PRECISION_UNKNOWN }, { 0, 0, 0, GAWAH_PRECISION_UNKNOWN } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GawahIncident) incident = gawah_incident_new ();
      g_autoptr(GawahIncident) read = NULL;

      incident->title = g_strdup_printf ("Incident %u", i);
      incident->start = ranges[i][0];
      incident->end = ranges[i][1];
      save_incident (fixture->casebook, incident);
      read = get_incident (fixture->casebook, incident->id);
      assert_dates_equal (&read->start, &ranges[i][0]);
      assert_dates_equal (&read->end, &ranges[i][1]);
    }
}

static void
test_incident_locations (CasebookFixture *fixture,
                         gconstpointer    data)
{
  const char *places[][2] = {
    { "pk-is", "islamabad" },
    { "pk-kp", "peshawar" },
    { "pk-pb", NULL },
    { NULL, "lahore" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GawahIncident) incident = gawah_incident_new ();
      g_autoptr(GawahIncident) read = NULL;

      incident->title = g_strdup ("Press club sealed");
      incident->province = g_strdup (places[i][0]);
      incident->district = g_strdup (places[i][1]);
      save_incident (fixture->casebook, incident);
      read = get_incident (fixture->casebook, incident->id);
      g_assert_cmpstr (read->province, ==, places[i][0]);
      g_assert_cmpstr (read->district, ==, places[i][1]);
    }
}

/* An update changes updated_at and nothing that identifies the record. */
static void
test_incident_update (CasebookFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GawahIncident) incident = new_full_incident ();
  g_autoptr(GawahIncident) read = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  gint64 id;

  save_incident (fixture->casebook, incident);
  id = incident->id;
  uuid = g_strdup (incident->uuid);
  created_at = g_strdup (incident->created_at);
  updated_at = g_strdup (incident->updated_at);

  let_time_pass ();
  g_free (incident->status);
  incident->status = g_strdup ("closed");
  incident->ongoing = FALSE;
  incident->end = make_date (2021, 4, 0, GAWAH_PRECISION_MONTH);
  save_incident (fixture->casebook, incident);

  g_assert_cmpint (incident->id, ==, id);
  g_assert_cmpstr (incident->uuid, ==, uuid);
  g_assert_cmpstr (incident->created_at, ==, created_at);
  g_assert_cmpstr (incident->updated_at, >, updated_at);
  read = get_incident (fixture->casebook, id);
  assert_incidents_equal (read, incident);
  g_assert_cmpstr (read->status, ==, "closed");
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 1);
}

static void
test_incident_update_missing (CasebookFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(GawahIncident) incident = new_full_incident ();
  g_autoptr(GError) error = NULL;
  RowCounts before = count_rows (fixture->casebook);
  gboolean saved;

  incident->id = 4242;
  saved = gawah_casebook_save_incident (fixture->casebook, incident, &error);
  g_assert_false (saved);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND);
  assert_rows_unchanged (fixture->casebook, &before);
}

/* Listing */

static gint64
add_dated_incident (GawahCasebook *casebook,
                    const char    *title,
                    const char    *date)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  gawah_partial_date_parse_text (date, "Start date", &incident->start, &error);
  g_assert_no_error (error);
  save_incident (casebook, incident);
  return incident->id;
}

static void
assert_titles (GawahCasebook *casebook,
               guint          offset,
               guint          limit,
               const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = gawah_casebook_list_incidents (casebook, offset, limit, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? " " : "", ((GawahIncident *) incidents->pdata[i])->title);
  g_assert_cmpstr (titles->str, ==, expected);
}

/* Newest first, a finer date before the coarser one that contains it,
 * and incidents of unknown date last, the newer record first. */
static void
test_list_order (CasebookFixture *fixture,
                 gconstpointer    data)
{
  add_dated_incident (fixture->casebook, "U1", "");
  add_dated_incident (fixture->casebook, "Y2018", "2018");
  add_dated_incident (fixture->casebook, "D20190314", "2019-03-14");
  add_dated_incident (fixture->casebook, "U2", "unknown");
  add_dated_incident (fixture->casebook, "D20210102", "2021-01-02");
  add_dated_incident (fixture->casebook, "M201903", "2019-03");
  add_dated_incident (fixture->casebook, "A2020", "~2020");

  assert_titles (fixture->casebook, 0, 0, "D20210102 A2020 D20190314 M201903 Y2018 U2 U1");
  assert_titles (fixture->casebook, 1, 2, "A2020 D20190314");
  assert_titles (fixture->casebook, 4, 10, "Y2018 U2 U1");
  assert_titles (fixture->casebook, 0, 1, "D20210102");
  assert_titles (fixture->casebook, 7, 5, "");
}

/* Finding an incident by what people type */

static void
assert_finds (GawahCasebook *casebook,
              const char    *text,
              gint64         expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gawah_casebook_find_incident (casebook, text, &error), ==, expected);
  g_assert_no_error (error);
}

static void
assert_not_found (GawahCasebook *casebook,
                  const char    *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gawah_casebook_find_incident (casebook, text, &error), ==, 0);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Incident: "));
}

static gint64
add_incident_with_uuid (GawahCasebook *casebook,
                        const char    *uuid)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();

  incident->title = g_strdup ("Hearing adjourned");
  incident->uuid = g_strdup (uuid);
  save_incident (casebook, incident);
  g_assert_cmpstr (incident->uuid, ==, uuid);
  return incident->id;
}

static void
test_find_incident (CasebookFixture *fixture,
                    gconstpointer    data)
{
  GawahCasebook *casebook = fixture->casebook;
  gint64 first = add_incident_with_uuid (casebook, "abcdef01-0000-4000-8000-000000000001");
  gint64 second = add_incident_with_uuid (casebook, "abcdef01-1111-4111-8111-111111111111");
  gint64 third = add_incident_with_uuid (casebook, "9f8e7d6c-2222-4222-8222-222222222222");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, second);
  g_autoptr(GError) error = NULL;

  assert_finds (casebook, number, second);
  assert_finds (casebook, "abcdef01-0000-4000-8000-000000000001", first);
  assert_finds (casebook, "ABCDEF01-1111-4111-8111-111111111111", second);
  assert_finds (casebook, "9f8e7d6c", third);
  assert_finds (casebook, "abcdef01-1", second);

  assert_not_found (casebook, "9f8e7d6");
  assert_not_found (casebook, "999");
  assert_not_found (casebook, "0");
  assert_not_found (casebook, "");
  assert_not_found (casebook, "12345678-0000-4000-8000-000000000000");

  /* Both start with abcdef01: which one was meant is not guessed. */
  g_assert_cmpint (gawah_casebook_find_incident (casebook, "abcdef01", &error), ==, 0);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "more than one"));
}

/* What is typed is an id, never a pattern. */
static void
test_find_incident_wildcards (CasebookFixture *fixture,
                              gconstpointer    data)
{
  add_incident_with_uuid (fixture->casebook, "abcdef01-0000-4000-8000-000000000001");

  assert_not_found (fixture->casebook, "%");
  assert_not_found (fixture->casebook, "________");
  assert_not_found (fixture->casebook, "abcdef0_");
  assert_not_found (fixture->casebook, "%0000-4000-8000-000000000001");
}

/* One UUID in forty starts with eight decimal digits: its short form must
 * still find it when no incident has that number. */
static void
test_find_incident_digit_prefix (CasebookFixture *fixture,
                                 gconstpointer    data)
{
  gint64 id = add_incident_with_uuid (fixture->casebook, "20191113-5b7d-4e21-9c0a-6d8e7f1a2b3c");

  assert_finds (fixture->casebook, "20191113-5b7d-4e21-9c0a-6d8e7f1a2b3c", id);
  assert_finds (fixture->casebook, "20191113", id);
}

/* People */

static GawahPerson *
new_full_person (void)
{
  GawahPerson *person = gawah_person_new ();

  person->name_latin = g_strdup ("Idris Khattak");
  person->name_urdu = g_strdup ("ادریس خٹک");
  person->other_names = g_strdup ("Muhammad Idris; محمد ادریس");
  person->sex = g_strdup ("male");
  g_strfreev (person->categories);
  person->categories = g_strsplit ("researcher activist", " ", -1);
  person->organisation = g_strdup ("Amnesty International (consultant)");
  person->ethnicity = g_strdup ("پشتون");
  person->religion = g_strdup ("Muslim");
  person->contact = g_strdup ("+92 300 0000000");
  person->notes = g_strdup ("بیٹی طالیہ نے مقدمہ دائر کیا");
  return person;
}

static void
save_person (GawahCasebook *casebook,
             GawahPerson   *person)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_save_person (casebook, person, &error));
  g_assert_no_error (error);
  assert_saved (person->id, person->uuid, person->created_at, person->updated_at);
}

static GawahPerson *
get_person (GawahCasebook *casebook,
            gint64         id)
{
  g_autoptr(GError) error = NULL;
  GawahPerson *person = gawah_casebook_get_person (casebook, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);
  return person;
}

static void
assert_people_equal (const GawahPerson *a,
                     const GawahPerson *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->kind, ==, b->kind);
  g_assert_cmpstr (a->name_latin, ==, b->name_latin);
  g_assert_cmpstr (a->name_urdu, ==, b->name_urdu);
  g_assert_cmpstr (a->other_names, ==, b->other_names);
  g_assert_cmpstr (a->sex, ==, b->sex);
  g_assert_cmpstr (a->perpetrator_type, ==, b->perpetrator_type);
  g_assert_cmpstr (a->organisation, ==, b->organisation);
  g_assert_cmpstr (a->ethnicity, ==, b->ethnicity);
  g_assert_cmpstr (a->religion, ==, b->religion);
  g_assert_cmpstr (a->contact, ==, b->contact);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
}

static void
test_person_round_trip (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GawahPerson) person = new_full_person ();
  g_autoptr(GawahPerson) read = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *categories[] = { "activist", "researcher", NULL };

  save_person (fixture->casebook, person);
  read = get_person (fixture->casebook, person->id);
  assert_people_equal (read, person);
  /* Categories come back sorted by code. */
  g_assert_true (g_strv_equal ((const char * const *) read->categories, categories));
  g_assert_cmpstr (gawah_person_get_display_name (read), ==, "Idris Khattak");

  listed = gawah_casebook_list_people (fixture->casebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_people_equal (listed->pdata[0], person);
}

/* An institution is a person too, and may have a name in one script only. */
static void
test_person_one_script (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GawahPerson) institution = gawah_person_new ();
  g_autoptr(GawahPerson) read_institution = NULL;
  g_autoptr(GawahPerson) read_urdu = NULL;
  gint64 urdu_only = test_add_person (fixture->casebook, NULL, "طالیہ خٹک", "relative-of-disappeared");

  g_free (institution->kind);
  institution->kind = g_strdup ("institution");
  institution->name_latin = g_strdup ("Federal Investigation Agency");
  institution->perpetrator_type = g_strdup ("fia");
  save_person (fixture->casebook, institution);

  read_institution = get_person (fixture->casebook, institution->id);
  g_assert_cmpstr (read_institution->kind, ==, "institution");
  g_assert_cmpstr (read_institution->perpetrator_type, ==, "fia");
  g_assert_cmpstr (read_institution->name_urdu, ==, "");
  g_assert_null (read_institution->sex);
  g_assert_cmpuint (g_strv_length (read_institution->categories), ==, 0);

  read_urdu = get_person (fixture->casebook, urdu_only);
  g_assert_cmpstr (gawah_person_get_display_name (read_urdu), ==, "طالیہ خٹک");
  g_assert_cmpstr (read_urdu->categories[0], ==, "relative-of-disappeared");
}

static void
test_person_update (CasebookFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(GawahPerson) person = new_full_person ();
  g_autoptr(GawahPerson) read = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;

  save_person (fixture->casebook, person);
  uuid = g_strdup (person->uuid);
  created_at = g_strdup (person->created_at);
  updated_at = g_strdup (person->updated_at);

  let_time_pass ();
  g_strfreev (person->categories);
  person->categories = g_strsplit ("woman-hrd", " ", -1);
  g_free (person->name_latin);
  person->name_latin = g_strdup ("Talia Khattak");
  save_person (fixture->casebook, person);

  g_assert_cmpstr (person->uuid, ==, uuid);
  g_assert_cmpstr (person->created_at, ==, created_at);
  g_assert_cmpstr (person->updated_at, >, updated_at);
  read = get_person (fixture->casebook, person->id);
  assert_people_equal (read, person);
  /* The old categories are replaced, not added to. */
  g_assert_cmpuint (g_strv_length (read->categories), ==, 1);
  g_assert_cmpstr (read->categories[0], ==, "woman-hrd");
  g_assert_cmpint (test_count_rows (fixture->casebook, "person_category"), ==, 1);
}

/* Acts */

typedef struct {
  gint64 incident;
  gint64 victim;
  gint64 police;
  gint64 agency;
} ActParties;

static ActParties
add_act_parties (GawahCasebook *casebook)
{
  ActParties parties;

  parties.incident = test_add_incident (casebook, URDU_TITLE);
  parties.victim = test_add_person (casebook, "Idris Khattak", "ادریس خٹک", "researcher");
  parties.police = test_add_person (casebook, "Swabi police", "صوابی پولیس", NULL);
  parties.agency = test_add_person (casebook, NULL, "نامعلوم ادارہ", NULL);
  return parties;
}

static GawahAct *
new_full_act (const ActParties *parties)
{
  GawahAct *act = gawah_act_new ();

  act->incident_id = parties->incident;
  act->victim_id = parties->victim;
  act->act_type = g_strdup ("enforced-disappearance");
  act->start = make_date (2019, 11, 13, GAWAH_PRECISION_DAY);
  act->end = make_date (2020, 6, 0, GAWAH_PRECISION_APPROXIMATE);
  act->outcome = g_strdup ("حراست کا اعتراف جون 2020 میں کیا گیا");
  gawah_act_add_involvement (act, parties->agency, "did-it");
  gawah_act_add_involvement (act, parties->police, "failed-to-protect");
  g_strfreev (act->laws);
  act->laws = g_strsplit ("ppc-505 mpo-3", " ", -1);
  return act;
}

static void
save_act (GawahCasebook *casebook,
          GawahAct      *act)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_save_act (casebook, act, &error));
  g_assert_no_error (error);
  assert_saved (act->id, act->uuid, act->created_at, act->updated_at);
}

static GawahAct *
get_only_act (GawahCasebook *casebook,
              gint64         incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (casebook, incident_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 1);
  return g_ptr_array_steal_index (acts, 0);
}

static void
assert_involvement (const GawahAct *act,
                    guint           index,
                    gint64          perpetrator_id,
                    const char     *degree)
{
  const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, index);

  g_assert_cmpint (involvement->perpetrator_id, ==, perpetrator_id);
  g_assert_cmpstr (involvement->degree, ==, degree);
}

static void
test_act_round_trip (CasebookFixture *fixture,
                     gconstpointer    data)
{
  ActParties parties = add_act_parties (fixture->casebook);
  g_autoptr(GawahAct) act = new_full_act (&parties);
  g_autoptr(GawahAct) read = NULL;
  const char *laws[] = { "mpo-3", "ppc-505", NULL };

  save_act (fixture->casebook, act);
  read = get_only_act (fixture->casebook, parties.incident);

  g_assert_cmpint (read->id, ==, act->id);
  g_assert_cmpstr (read->uuid, ==, act->uuid);
  g_assert_cmpint (read->incident_id, ==, parties.incident);
  g_assert_cmpint (read->victim_id, ==, parties.victim);
  g_assert_cmpstr (read->act_type, ==, "enforced-disappearance");
  assert_dates_equal (&read->start, &act->start);
  assert_dates_equal (&read->end, &act->end);
  g_assert_cmpstr (read->outcome, ==, act->outcome);
  g_assert_cmpstr (read->created_at, ==, act->created_at);
  g_assert_cmpstr (read->updated_at, ==, act->updated_at);
  g_assert_cmpuint (read->involvements->len, ==, 2);
  assert_involvement (read, 0, parties.agency, "did-it");
  assert_involvement (read, 1, parties.police, "failed-to-protect");
  g_assert_true (g_strv_equal ((const char * const *) read->laws, laws));
}

/* Saving an act again replaces its perpetrators and laws. */
static void
test_act_update (CasebookFixture *fixture,
                 gconstpointer    data)
{
  ActParties parties = add_act_parties (fixture->casebook);
  g_autoptr(GawahAct) act = new_full_act (&parties);
  g_autoptr(GawahAct) read = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;

  save_act (fixture->casebook, act);
  uuid = g_strdup (act->uuid);
  created_at = g_strdup (act->created_at);
  updated_at = g_strdup (act->updated_at);

  let_time_pass ();
  g_ptr_array_set_size (act->involvements, 0);
  gawah_act_add_involvement (act, parties.police, "ordered-it");
  g_strfreev (act->laws);
  act->laws = g_strsplit ("ata-7", " ", -1);
  save_act (fixture->casebook, act);

  g_assert_cmpstr (act->uuid, ==, uuid);
  g_assert_cmpstr (act->created_at, ==, created_at);
  g_assert_cmpstr (act->updated_at, >, updated_at);
  read = get_only_act (fixture->casebook, parties.incident);
  g_assert_cmpuint (read->involvements->len, ==, 1);
  assert_involvement (read, 0, parties.police, "ordered-it");
  g_assert_cmpstr (read->laws[0], ==, "ata-7");
  g_assert_null (read->laws[1]);
  g_assert_cmpint (test_count_rows (fixture->casebook, "act"), ==, 1);
  g_assert_cmpint (test_count_rows (fixture->casebook, "act_law"), ==, 1);
}

/* A person's page: incidents as a victim and as a perpetrator, no others. */
static void
test_incidents_of_person (CasebookFixture *fixture,
                          gconstpointer    data)
{
  GawahCasebook *casebook = fixture->casebook;
  gint64 officer = test_add_person (casebook, "Inspector Aslam", "انسپکٹر اسلم", NULL);
  gint64 journalist = test_add_person (casebook, "Gul Bukhari", "گل بخاری", "journalist");
  gint64 beaten = add_dated_incident (casebook, "Officer beaten at a protest", "2018-06");
  gint64 abducted = add_dated_incident (casebook, "Journalist abducted", "2018-06-05");
  gint64 unrelated = add_dated_incident (casebook, "Unrelated raid", "2019");
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  test_add_act (casebook, beaten, officer, "physical-assault", NULL);
  test_add_act (casebook, unrelated, journalist, "raid", NULL);
  act->incident_id = abducted;
  act->victim_id = journalist;
  act->act_type = g_strdup ("enforced-disappearance");
  gawah_act_add_involvement (act, officer, "did-it");
  save_act (casebook, act);

  found = gawah_casebook_list_incidents_of_person (casebook, officer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((GawahIncident *) found->pdata[0])->id, ==, beaten);
  g_assert_cmpint (((GawahIncident *) found->pdata[1])->id, ==, abducted);
}

/* Chronology, follow-up, sources */

static void
test_chronology_round_trip (CasebookFixture *fixture,
                            gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  const char *descriptions[] = { "اسلام آباد ہائی کورٹ میں درخواست", "Ministry of Defence admits custody",
                                 "تاریخ نامعلوم بیان" };
  const GawahPartialDate dates[] = { { 2019, 12, 0, GAWAH_PRECISION_MONTH }, { 2020, 6, 16, GAWAH_PRECISION_DAY },
                                     { 0, 0, 0, GAWAH_PRECISION_UNKNOWN } };
  const char *steps[] = { "habeas-petition", "statement", "other" };
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  /* Saved out of order: the list is in date order, unknown last. */
  for (int i = G_N_ELEMENTS (dates) - 1; i >= 0; i--)
    {
      g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();

      entry->incident_id = incident;
      entry->date = dates[i];
      g_free (entry->step);
      entry->step = g_strdup (steps[i]);
      entry->description = g_strdup (descriptions[i]);
      g_assert_true (gawah_casebook_save_chronology_entry (fixture->casebook, entry, &error));
      g_assert_no_error (error);
      assert_saved (entry->id, entry->uuid, entry->created_at, entry->updated_at);
    }

  listed = gawah_casebook_list_chronology (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  for (guint i = 0; i < listed->len; i++)
    {
      GawahChronologyEntry *entry = listed->pdata[i];

      g_assert_true (g_uuid_string_is_valid (entry->uuid));
      g_assert_cmpint (entry->incident_id, ==, incident);
      assert_dates_equal (&entry->date, &dates[i]);
      g_assert_cmpstr (entry->step, ==, steps[i]);
      g_assert_cmpstr (entry->description, ==, descriptions[i]);
    }
}

static void
test_follow_up_round_trip (CasebookFixture *fixture,
                           gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  GawahFollowUp *read;

  follow_up->incident_id = incident;
  follow_up->body = g_strdup ("wgeid");
  follow_up->action_type = g_strdup ("urgent-appeal");
  g_free (follow_up->status);
  follow_up->status = g_strdup ("responded");
  follow_up->date = make_date (2019, 12, 2, GAWAH_PRECISION_DAY);
  follow_up->due = make_date (2020, 2, 0, GAWAH_PRECISION_MONTH);
  follow_up->description = g_strdup ("Urgent appeal to the Working Group");
  follow_up->response = g_strdup ("حکومت نے جواب نہیں دیا");
  g_assert_true (gawah_casebook_save_follow_up (fixture->casebook, follow_up, &error));
  g_assert_no_error (error);
  assert_saved (follow_up->id, follow_up->uuid, follow_up->created_at, follow_up->updated_at);

  listed = gawah_casebook_list_follow_ups (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  read = listed->pdata[0];
  g_assert_cmpint (read->id, ==, follow_up->id);
  g_assert_cmpstr (read->uuid, ==, follow_up->uuid);
  g_assert_cmpstr (read->body, ==, "wgeid");
  g_assert_cmpstr (read->action_type, ==, "urgent-appeal");
  g_assert_cmpstr (read->status, ==, "responded");
  assert_dates_equal (&read->date, &follow_up->date);
  assert_dates_equal (&read->due, &follow_up->due);
  g_assert_cmpstr (read->description, ==, follow_up->description);
  g_assert_cmpstr (read->response, ==, follow_up->response);
}

static GawahSource *
save_source (GawahCasebook *casebook,
             gint64         incident,
             gint64         person)
{
  g_autoptr(GawahSource) source = gawah_source_new ();
  g_autoptr(GError) error = NULL;

  source->incident_id = incident;
  source->person_id = person;
  source->source_type = g_strdup (person != 0 ? "relative" : "media-report");
  g_free (source->reliability);
  source->reliability = g_strdup ("usually-reliable");
  source->obtained = make_date (2019, 0, 0, GAWAH_PRECISION_APPROXIMATE);
  source->description = g_strdup ("بیٹی کا بیان");
  g_assert_true (gawah_casebook_save_source (casebook, source, &error));
  g_assert_no_error (error);
  assert_saved (source->id, source->uuid, source->created_at, source->updated_at);
  return g_steal_pointer (&source);
}

static void
test_source_round_trip (CasebookFixture *fixture,
                        gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  gint64 daughter = test_add_person (fixture->casebook, "Talia Khattak", "طالیہ خٹک", NULL);
  g_autoptr(GawahSource) relative = save_source (fixture->casebook, incident, daughter);
  g_autoptr(GawahSource) article = save_source (fixture->casebook, incident, 0);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  GawahSource *read;

  listed = gawah_casebook_list_sources (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  read = listed->pdata[0];
  g_assert_cmpint (read->id, ==, relative->id);
  g_assert_cmpstr (read->uuid, ==, relative->uuid);
  g_assert_cmpint (read->person_id, ==, daughter);
  g_assert_cmpstr (read->source_type, ==, "relative");
  g_assert_cmpstr (read->reliability, ==, "usually-reliable");
  g_assert_cmpstr (read->credibility, ==, "cannot-judge");
  assert_dates_equal (&read->obtained, &relative->obtained);
  g_assert_cmpstr (read->description, ==, "بیٹی کا بیان");
  /* No person: stored as NULL, read as 0, not as a dangling id. */
  g_assert_cmpint (((GawahSource *) listed->pdata[1])->person_id, ==, 0);
  g_assert_cmpint (((GawahSource *) listed->pdata[1])->id, ==, article->id);
}

/* Evidence */

static GawahEvidence *
attach (GawahCasebook *casebook,
        gint64         incident,
        gint64         source,
        const char    *file_name,
        const char    *media_type,
        GBytes        *content)
{
  g_autoptr(GError) error = NULL;
  GawahEvidence *evidence = gawah_casebook_attach_evidence (casebook, incident, source, file_name,
                                                            media_type, content, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  g_assert_cmpint (evidence->id, >, 0);
  g_assert_true (g_uuid_string_is_valid (evidence->uuid));
  g_assert_nonnull (evidence->created_at);
  return evidence;
}

static void
assert_evidence_content (GawahCasebook *casebook,
                         gint64         evidence_id,
                         GBytes        *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) read = gawah_casebook_read_evidence (casebook, evidence_id, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (read, NULL), g_bytes_get_size (read),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_evidence (CasebookFixture *fixture,
               gconstpointer    data)
{
  static const guint8 photo[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x00, 0x00, 0xff, 0xfe, 0x00 };
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  g_autoptr(GawahSource) source = save_source (fixture->casebook, incident, 0);
  g_autoptr(GBytes) content = g_bytes_new_static (photo, sizeof photo);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  g_autoptr(GawahEvidence) evidence = attach (fixture->casebook, incident, source->id, "تصویر.png", "image/png", content);
  g_autoptr(GawahEvidence) empty = attach (fixture->casebook, incident, 0, "empty.bin", NULL, nothing);
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, photo, sizeof photo);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  GawahEvidence *read;

  g_assert_cmpstr (evidence->sha256, ==, sha256);
  g_assert_cmpint (evidence->size, ==, sizeof photo);
  assert_evidence_content (fixture->casebook, evidence->id, content);
  assert_evidence_content (fixture->casebook, empty->id, nothing);

  listed = gawah_casebook_list_evidence (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  read = listed->pdata[0];
  g_assert_cmpint (read->id, ==, evidence->id);
  g_assert_cmpstr (read->uuid, ==, evidence->uuid);
  g_assert_cmpint (read->source_id, ==, source->id);
  g_assert_cmpstr (read->file_name, ==, "تصویر.png");
  g_assert_cmpstr (read->media_type, ==, "image/png");
  g_assert_cmpint (read->size, ==, sizeof photo);
  g_assert_cmpstr (read->sha256, ==, sha256);
  g_assert_cmpstr (read->created_at, ==, evidence->created_at);
  read = listed->pdata[1];
  g_assert_cmpstr (read->media_type, ==, "application/octet-stream");
  g_assert_cmpint (read->size, ==, 0);
  g_assert_cmpint (read->source_id, ==, 0);
}

/* Links */

static void
test_links_both_directions (CasebookFixture *fixture,
                            gconstpointer    data)
{
  gint64 disappearance = test_add_incident (fixture->casebook, URDU_TITLE);
  gint64 raid = test_add_incident (fixture->casebook, "Raid on the family home");
  gint64 other = test_add_incident (fixture->casebook, "Unrelated");
  g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
  g_autoptr(GError) error = NULL;

  link->from_incident_id = raid;
  link->to_incident_id = disappearance;
  g_free (link->link_type);
  link->link_type = g_strdup ("reprisal-for");
  link->note = g_strdup ("چھاپہ درخواست کے بعد");
  g_assert_true (gawah_casebook_save_link (fixture->casebook, link, &error));
  g_assert_no_error (error);
  assert_saved (link->id, link->uuid, link->created_at, link->updated_at);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) links = gawah_casebook_list_links (fixture->casebook, i == 0 ? raid : disappearance, &error);
      GawahIncidentLink *read;

      g_assert_no_error (error);
      g_assert_cmpuint (links->len, ==, 1);
      read = links->pdata[0];
      g_assert_cmpint (read->id, ==, link->id);
      g_assert_cmpstr (read->uuid, ==, link->uuid);
      g_assert_cmpint (read->from_incident_id, ==, raid);
      g_assert_cmpint (read->to_incident_id, ==, disappearance);
      g_assert_cmpstr (read->link_type, ==, "reprisal-for");
      g_assert_cmpstr (read->note, ==, "چھاپہ درخواست کے بعد");
    }
  {
    g_autoptr(GPtrArray) none = gawah_casebook_list_links (fixture->casebook, other, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* Refused incidents */

typedef void (*IncidentSpoiler) (GawahIncident *incident);

static void
assert_incident_refused (CasebookFixture *fixture,
                         IncidentSpoiler  spoil,
                         int              code,
                         const char      *field)
{
  g_autoptr(GawahIncident) incident = new_full_incident ();
  g_autoptr(GError) error = NULL;
  RowCounts before = count_rows (fixture->casebook);
  gboolean saved;

  spoil (incident);
  saved = gawah_casebook_save_incident (fixture->casebook, incident, &error);
  assert_refused (fixture->casebook, &before, saved, error, code, field);
  g_assert_cmpint (incident->id, ==, 0);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void spoil_empty_title (GawahIncident *i) { replace (&i->title, ""); }
static void spoil_blank_title (GawahIncident *i) { replace (&i->title, " \t\n "); }
static void spoil_null_title (GawahIncident *i) { replace (&i->title, NULL); }
static void spoil_bad_utf8_title (GawahIncident *i) { replace (&i->title, BAD_UTF8); }
static void spoil_bad_utf8_summary (GawahIncident *i) { replace (&i->summary, BAD_UTF8); }
static void spoil_bad_utf8_place (GawahIncident *i) { replace (&i->place, BAD_UTF8); }
static void spoil_impossible_start (GawahIncident *i) { i->start = make_date (2019, 2, 30, GAWAH_PRECISION_DAY); }
static void spoil_impossible_end (GawahIncident *i) { i->ongoing = FALSE; i->end = make_date (2019, 13, 0, GAWAH_PRECISION_MONTH); }
static void spoil_end_before_start (GawahIncident *i) { i->ongoing = FALSE; i->end = make_date (2019, 11, 12, GAWAH_PRECISION_DAY); }
static void spoil_end_year_before_start (GawahIncident *i) { i->ongoing = FALSE; i->end = make_date (2018, 0, 0, GAWAH_PRECISION_YEAR); }
static void spoil_ongoing_with_end (GawahIncident *i) { i->end = make_date (2020, 6, 0, GAWAH_PRECISION_MONTH); }
static void spoil_verification (GawahIncident *i) { replace (&i->verification, "maybe"); }
static void spoil_confidentiality (GawahIncident *i) { replace (&i->confidentiality, "secret"); }
static void spoil_status (GawahIncident *i) { replace (&i->status, "pending"); }
static void spoil_province (GawahIncident *i) { replace (&i->province, "pk-xx"); }
static void spoil_unknown_district (GawahIncident *i) { replace (&i->district, "atlantis"); }
static void spoil_district_elsewhere (GawahIncident *i) { replace (&i->province, "pk-is"); }
static void spoil_province_as_district (GawahIncident *i) { replace (&i->district, "pk-kp"); }
static void spoil_month_with_day (GawahIncident *i) { i->start = make_date (2019, 11, 13, GAWAH_PRECISION_MONTH); }

static void
test_incident_refused (CasebookFixture *fixture,
                       gconstpointer    data)
{
  assert_incident_refused (fixture, spoil_empty_title, GAWAH_ERROR_INVALID, "Title");
  assert_incident_refused (fixture, spoil_blank_title, GAWAH_ERROR_INVALID, "Title");
  assert_incident_refused (fixture, spoil_null_title, GAWAH_ERROR_INVALID, "Title");
  assert_incident_refused (fixture, spoil_bad_utf8_title, GAWAH_ERROR_INVALID, "Title");
  assert_incident_refused (fixture, spoil_bad_utf8_summary, GAWAH_ERROR_INVALID, "Summary");
  assert_incident_refused (fixture, spoil_bad_utf8_place, GAWAH_ERROR_INVALID, "Place");
  assert_incident_refused (fixture, spoil_impossible_start, GAWAH_ERROR_INVALID, "Start date");
  assert_incident_refused (fixture, spoil_impossible_end, GAWAH_ERROR_INVALID, "End date");
  assert_incident_refused (fixture, spoil_end_before_start, GAWAH_ERROR_INVALID, "End date");
  assert_incident_refused (fixture, spoil_end_year_before_start, GAWAH_ERROR_INVALID, "End date");
  assert_incident_refused (fixture, spoil_ongoing_with_end, GAWAH_ERROR_INVALID, "End date");
  assert_incident_refused (fixture, spoil_verification, GAWAH_ERROR_UNKNOWN_CODE, "Verification");
  assert_incident_refused (fixture, spoil_confidentiality, GAWAH_ERROR_UNKNOWN_CODE, "Confidentiality");
  assert_incident_refused (fixture, spoil_status, GAWAH_ERROR_UNKNOWN_CODE, "Case status");
  assert_incident_refused (fixture, spoil_province, GAWAH_ERROR_UNKNOWN_CODE, "Province");
  assert_incident_refused (fixture, spoil_unknown_district, GAWAH_ERROR_UNKNOWN_CODE, "District");
  assert_incident_refused (fixture, spoil_district_elsewhere, GAWAH_ERROR_INVALID, "District");
  assert_incident_refused (fixture, spoil_province_as_district, GAWAH_ERROR_INVALID, "District");
}

/* "2019-11-13" with precision "month" would be stored and then read back
 * as an unknown date: it must be refused instead. */
static void
test_incident_refused_detail_beyond_precision (CasebookFixture *fixture,
                                               gconstpointer    data)
{
  assert_incident_refused (fixture, spoil_month_with_day, GAWAH_ERROR_INVALID, "Start date");
}

/* The message quotes the value, so the user sees what was wrong. */
static void
test_incident_refused_names_value (CasebookFixture *fixture,
                                   gconstpointer    data)
{
  g_autoptr(GawahIncident) incident = new_full_incident ();
  g_autoptr(GError) error = NULL;

  spoil_province (incident);
  g_assert_false (gawah_casebook_save_incident (fixture->casebook, incident, &error));
  g_assert_nonnull (strstr (error->message, "pk-xx"));
  g_clear_error (&error);

  spoil_impossible_start (incident);
  g_assert_false (gawah_casebook_save_incident (fixture->casebook, incident, &error));
  g_assert_nonnull (strstr (error->message, "2019-02-30"));
}

/* Refused people */

typedef void (*PersonSpoiler) (GawahPerson *person);

static void
assert_person_refused (CasebookFixture *fixture,
                       PersonSpoiler    spoil,
                       int              code,
                       const char      *field)
{
  g_autoptr(GawahPerson) person = new_full_person ();
  g_autoptr(GError) error = NULL;
  RowCounts before = count_rows (fixture->casebook);
  gboolean saved;

  spoil (person);
  saved = gawah_casebook_save_person (fixture->casebook, person, &error);
  assert_refused (fixture->casebook, &before, saved, error, code, field);
}

static void spoil_no_names (GawahPerson *p) { replace (&p->name_latin, NULL); replace (&p->name_urdu, NULL); }
static void spoil_blank_names (GawahPerson *p) { replace (&p->name_latin, "  "); replace (&p->name_urdu, "\t"); }
static void spoil_bad_utf8_name (GawahPerson *p) { replace (&p->name_latin, BAD_UTF8); }
static void spoil_bad_utf8_urdu_name (GawahPerson *p) { replace (&p->name_urdu, BAD_UTF8); }
static void spoil_bad_utf8_notes (GawahPerson *p) { replace (&p->notes, BAD_UTF8); }
static void spoil_category (GawahPerson *p) { g_strfreev (p->categories); p->categories = g_strsplit ("journalist spy", " ", -1); }
static void spoil_kind (GawahPerson *p) { replace (&p->kind, "alien"); }
static void spoil_sex (GawahPerson *p) { replace (&p->sex, "m"); }
static void spoil_perpetrator_type (GawahPerson *p) { replace (&p->perpetrator_type, "army"); }

static void
test_person_refused (CasebookFixture *fixture,
                     gconstpointer    data)
{
  assert_person_refused (fixture, spoil_no_names, GAWAH_ERROR_INVALID, "Name");
  assert_person_refused (fixture, spoil_blank_names, GAWAH_ERROR_INVALID, "Name");
  assert_person_refused (fixture, spoil_bad_utf8_name, GAWAH_ERROR_INVALID, "Name");
  assert_person_refused (fixture, spoil_bad_utf8_urdu_name, GAWAH_ERROR_INVALID, "Name in Urdu");
  assert_person_refused (fixture, spoil_bad_utf8_notes, GAWAH_ERROR_INVALID, "Notes");
  assert_person_refused (fixture, spoil_category, GAWAH_ERROR_UNKNOWN_CODE, "Category");
  assert_person_refused (fixture, spoil_kind, GAWAH_ERROR_UNKNOWN_CODE, "Kind");
  assert_person_refused (fixture, spoil_sex, GAWAH_ERROR_UNKNOWN_CODE, "Sex");
  assert_person_refused (fixture, spoil_perpetrator_type, GAWAH_ERROR_UNKNOWN_CODE, "Perpetrator type");
}

/* Refused acts */

typedef void (*ActSpoiler) (GawahAct *act);

static void
assert_act_refused (CasebookFixture *fixture,
                    ActSpoiler       spoil,
                    int              code,
                    const char      *field)
{
  ActParties parties = add_act_parties (fixture->casebook);
  g_autoptr(GawahAct) act = new_full_act (&parties);
  g_autoptr(GError) error = NULL;
  RowCounts before = count_rows (fixture->casebook);
  gboolean saved;

  spoil (act);
  saved = gawah_casebook_save_act (fixture->casebook, act, &error);
  assert_refused (fixture->casebook, &before, saved, error, code, field);
}

static void spoil_act_type (GawahAct *a) { replace (&a->act_type, "beating"); }
static void spoil_law (GawahAct *a) { g_strfreev (a->laws); a->laws = g_strsplit ("ppc-505 ppc-999", " ", -1); }
static void spoil_degree (GawahAct *a) { gawah_act_add_involvement (a, a->victim_id, "helped"); }
static void spoil_perpetrator (GawahAct *a) { gawah_act_add_involvement (a, 9999, "did-it"); }
static void spoil_victim (GawahAct *a) { a->victim_id = 9999; }
static void spoil_no_victim (GawahAct *a) { a->victim_id = 0; }
static void spoil_act_incident (GawahAct *a) { a->incident_id = 9999; }
static void spoil_act_dates (GawahAct *a) { a->end = make_date (2018, 0, 0, GAWAH_PRECISION_YEAR); }
static void spoil_outcome (GawahAct *a) { replace (&a->outcome, BAD_UTF8); }

static void
test_act_refused (CasebookFixture *fixture,
                  gconstpointer    data)
{
  assert_act_refused (fixture, spoil_act_type, GAWAH_ERROR_UNKNOWN_CODE, "Type of act");
  assert_act_refused (fixture, spoil_law, GAWAH_ERROR_UNKNOWN_CODE, "Law invoked");
  assert_act_refused (fixture, spoil_degree, GAWAH_ERROR_UNKNOWN_CODE, "Degree of involvement");
  assert_act_refused (fixture, spoil_perpetrator, GAWAH_ERROR_NOT_FOUND, "Perpetrator");
  assert_act_refused (fixture, spoil_victim, GAWAH_ERROR_NOT_FOUND, "Victim");
  assert_act_refused (fixture, spoil_no_victim, GAWAH_ERROR_NOT_FOUND, "Victim");
  assert_act_refused (fixture, spoil_act_incident, GAWAH_ERROR_NOT_FOUND, "Incident");
  assert_act_refused (fixture, spoil_act_dates, GAWAH_ERROR_INVALID, "End date");
  assert_act_refused (fixture, spoil_outcome, GAWAH_ERROR_INVALID, "Outcome");
}

/* Refused details */

static void
test_chronology_refused (CasebookFixture *fixture,
                         gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  struct {
    gint64            incident_id;
    const char       *step;
    const char       *description;
    GawahPartialDate  date;
    int               code;
    const char       *field;
  } cases[] = {
    { incident, "statement", "", unknown_date, GAWAH_ERROR_INVALID, "Description" },
    { incident, "statement", BAD_UTF8, unknown_date, GAWAH_ERROR_INVALID, "Description" },
    { incident, "rumour", "افواہ", unknown_date, GAWAH_ERROR_UNKNOWN_CODE, "Step" },
    { incident, "statement", "بیان", { 2019, 2, 30, GAWAH_PRECISION_DAY }, GAWAH_ERROR_INVALID, "Date" },
    { 9999, "statement", "بیان", unknown_date, GAWAH_ERROR_NOT_FOUND, "Incident" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();
      g_autoptr(GError) error = NULL;
      RowCounts before = count_rows (fixture->casebook);
      gboolean saved;

      entry->incident_id = cases[i].incident_id;
      replace (&entry->step, cases[i].step);
      entry->description = g_strdup (cases[i].description);
      entry->date = cases[i].date;
      saved = gawah_casebook_save_chronology_entry (fixture->casebook, entry, &error);
      assert_refused (fixture->casebook, &before, saved, error, cases[i].code, cases[i].field);
    }
}

static void
test_link_refused (CasebookFixture *fixture,
                   gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  gint64 other = test_add_incident (fixture->casebook, "Raid");
  struct {
    gint64      from;
    gint64      to;
    const char *link_type;
    int         code;
    const char *field;
  } cases[] = {
    { incident, incident, "related", GAWAH_ERROR_INVALID, "Linked incident" },
    { incident, 9999, "related", GAWAH_ERROR_NOT_FOUND, "Linked incident" },
    { 9999, incident, "related", GAWAH_ERROR_NOT_FOUND, "Incident" },
    { incident, other, "caused", GAWAH_ERROR_UNKNOWN_CODE, "Type of link" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
      g_autoptr(GError) error = NULL;
      RowCounts before = count_rows (fixture->casebook);
      gboolean saved;

      link->from_incident_id = cases[i].from;
      link->to_incident_id = cases[i].to;
      replace (&link->link_type, cases[i].link_type);
      saved = gawah_casebook_save_link (fixture->casebook, link, &error);
      assert_refused (fixture->casebook, &before, saved, error, cases[i].code, cases[i].field);
    }
}

static void
test_evidence_refused (CasebookFixture *fixture,
                       gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, URDU_TITLE);
  g_autoptr(GBytes) content = g_bytes_new_static ("scan", 4);
  struct {
    gint64      incident_id;
    gint64      source_id;
    const char *file_name;
    int         code;
    const char *field;
  } cases[] = {
    { 9999, 0, "scan.pdf", GAWAH_ERROR_NOT_FOUND, "Incident" },
    { incident, 9999, "scan.pdf", GAWAH_ERROR_NOT_FOUND, "Source" },
    { incident, 0, " ", GAWAH_ERROR_INVALID, "File name" },
    { incident, 0, BAD_UTF8, GAWAH_ERROR_INVALID, "File name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GawahEvidence) evidence = NULL;
      RowCounts before = count_rows (fixture->casebook);

      evidence = gawah_casebook_attach_evidence (fixture->casebook, cases[i].incident_id, cases[i].source_id,
                                                 cases[i].file_name, "application/pdf", content, &error);
      g_assert_null (evidence);
      assert_refused (fixture->casebook, &before, FALSE, error, cases[i].code, cases[i].field);
    }
}

/* An incident and its act stand or fall together. */
static gboolean
save_incident_then_bad_act (GawahCasebook  *casebook,
                            gpointer        user_data,
                            GError        **error)
{
  gint64 victim = *(gint64 *) user_data;
  g_autoptr(GawahIncident) incident = new_full_incident ();
  g_autoptr(GawahAct) act = gawah_act_new ();

  if (!gawah_casebook_save_incident (casebook, incident, error))
    return FALSE;
  act->incident_id = incident->id;
  act->victim_id = victim;
  act->act_type = g_strdup ("arbitrary-arrest");
  g_strfreev (act->laws);
  act->laws = g_strsplit ("ppc-999", " ", -1);
  return gawah_casebook_save_act (casebook, act, error);
}

static void
test_transaction_refused_act (CasebookFixture *fixture,
                              gconstpointer    data)
{
  gint64 victim = test_add_person (fixture->casebook, "Idris Khattak", "ادریس خٹک", NULL);
  g_autoptr(GError) error = NULL;
  RowCounts before = count_rows (fixture->casebook);
  gboolean saved;

  saved = gawah_casebook_run_in_transaction (fixture->casebook, save_incident_then_bad_act, &victim, &error);
  assert_refused (fixture->casebook, &before, saved, error, GAWAH_ERROR_UNKNOWN_CODE, "Law invoked");
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 0);
  g_assert_cmpint (test_count_rows (fixture->casebook, "act"), ==, 0);
}

#define RECORDS_TEST(path, fn) \
  g_test_add (path, CasebookFixture, NULL, casebook_fixture_set_up, fn, casebook_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RECORDS_TEST ("/records/incident/round-trip", test_incident_round_trip);
  RECORDS_TEST ("/records/incident/defaults", test_incident_defaults);
  RECORDS_TEST ("/records/incident/dates", test_incident_dates);
  RECORDS_TEST ("/records/incident/locations", test_incident_locations);
  RECORDS_TEST ("/records/incident/update", test_incident_update);
  RECORDS_TEST ("/records/incident/update-missing", test_incident_update_missing);
  RECORDS_TEST ("/records/incident/list-order", test_list_order);
  RECORDS_TEST ("/records/incident/find", test_find_incident);
  RECORDS_TEST ("/records/incident/find-wildcards", test_find_incident_wildcards);
  RECORDS_TEST ("/records/incident/find-digit-prefix", test_find_incident_digit_prefix);
  RECORDS_TEST ("/records/incident/of-person", test_incidents_of_person);
  RECORDS_TEST ("/records/incident/refused", test_incident_refused);
  RECORDS_TEST ("/records/incident/refused-detail-beyond-precision", test_incident_refused_detail_beyond_precision);
  RECORDS_TEST ("/records/incident/refused-names-value", test_incident_refused_names_value);
  RECORDS_TEST ("/records/person/round-trip", test_person_round_trip);
  RECORDS_TEST ("/records/person/one-script", test_person_one_script);
  RECORDS_TEST ("/records/person/update", test_person_update);
  RECORDS_TEST ("/records/person/refused", test_person_refused);
  RECORDS_TEST ("/records/act/round-trip", test_act_round_trip);
  RECORDS_TEST ("/records/act/update", test_act_update);
  RECORDS_TEST ("/records/act/refused", test_act_refused);
  RECORDS_TEST ("/records/chronology/round-trip", test_chronology_round_trip);
  RECORDS_TEST ("/records/chronology/refused", test_chronology_refused);
  RECORDS_TEST ("/records/follow-up/round-trip", test_follow_up_round_trip);
  RECORDS_TEST ("/records/source/round-trip", test_source_round_trip);
  RECORDS_TEST ("/records/evidence/round-trip", test_evidence);
  RECORDS_TEST ("/records/evidence/refused", test_evidence_refused);
  RECORDS_TEST ("/records/link/both-directions", test_links_both_directions);
  RECORDS_TEST ("/records/link/refused", test_link_refused);
  RECORDS_TEST ("/records/transaction/refused-act", test_transaction_refused_act);

  return g_test_run ();
}
