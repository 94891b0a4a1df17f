/* test-query.c: the incident list's filters and row summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-error.h"
#include "gawah-incident-query.h"
#include "gawah-test-utils.h"

static guint
count_matching (GawahCasebook             *casebook,
                const GawahIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gawah_casebook_query_incidents (casebook, filter, &error);

  g_assert_no_error (error);
  return ids->len;
}

static gint64
first_matching (GawahCasebook             *casebook,
                const GawahIncidentFilter *filter)
{
  g_autoptr(GArray) ids = gawah_casebook_query_incidents (casebook, filter, NULL);

  g_assert_cmpuint (ids->len, >, 0);
  return g_array_index (ids, gint64, 0);
}

/* The sample has 12 incidents: each filter is checked against what the
 * document says, so that a filter that ignores its value fails. */
static void
test_filters (CasebookFixture *fixture,
              gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };

  casebook_fixture_import_sample (fixture);
  g_assert_true (gawah_incident_filter_is_empty (&filter));
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 12);

  filter.province = g_strdup ("pk-is");
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), >=, 1);
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), <, 12);
  gawah_incident_filter_clear (&filter);

  filter.act_type = g_strdup ("travel-ban");
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 2);   /* Gulalai Ismail, Cyril Almeida */
  filter.hrd_category = g_strdup ("woman-hrd");
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 1);
  gawah_incident_filter_clear (&filter);

  filter.perpetrator_type = g_strdup ("no-such-type");
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 0);
  gawah_incident_filter_clear (&filter);

  filter.text = g_strdup ("Khattak");
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 1);
  filter.status = g_strdup ("closed");
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 0);
  gawah_incident_filter_clear (&filter);

  filter.text = g_strdup ("   ");
  g_assert_true (gawah_incident_filter_is_empty (&filter));
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 12);
}

/* A defender's page: incidents as victim, as perpetrator, as source. */
static void
test_person (CasebookFixture *fixture,
             gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  gint64 first = test_add_incident (fixture->casebook, "First");
  gint64 second = test_add_incident (fixture->casebook, "Second");
  gint64 defender = test_add_person (fixture->casebook, "Defender", NULL, "lawyer");
  gint64 other = test_add_person (fixture->casebook, "Someone else", NULL, NULL);

  test_add_incident (fixture->casebook, "Unrelated");
  test_add_act (fixture->casebook, first, defender, "threat", NULL);
  test_add_act (fixture->casebook, second, other, "threat", NULL);
  filter.person_id = defender;
  g_assert_false (gawah_incident_filter_is_empty (&filter));
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 1);
  g_assert_cmpint (first_matching (fixture->casebook, &filter), ==, first);
  filter.person_id = other;
  g_assert_cmpint (first_matching (fixture->casebook, &filter), ==, second);
}

/* "to 2014" takes in every day of 2014; "from 2016" leaves 2015 out. */
static void
test_date_range (CasebookFixture *fixture,
                 gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  gint64 a = test_add_incident (fixture->casebook, "Early");
  gint64 b = test_add_incident (fixture->casebook, "Middle");
  g_autoptr(GawahIncident) early = gawah_casebook_get_incident (fixture->casebook, a, NULL);
  g_autoptr(GawahIncident) middle = gawah_casebook_get_incident (fixture->casebook, b, NULL);

  early->start = (GawahPartialDate) { 2014, 12, 31, GAWAH_PRECISION_DAY };
  middle->start = (GawahPartialDate) { 2016, 3, 0, GAWAH_PRECISION_MONTH };
  g_assert_true (gawah_casebook_save_incident (fixture->casebook, early, NULL));
  g_assert_true (gawah_casebook_save_incident (fixture->casebook, middle, NULL));
  test_add_incident (fixture->casebook, "Undated");

  filter.to = (GawahPartialDate) { 2014, 0, 0, GAWAH_PRECISION_YEAR };
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 1);
  g_assert_cmpint (first_matching (fixture->casebook, &filter), ==, a);
  filter.to = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  filter.from = (GawahPartialDate) { 2016, 0, 0, GAWAH_PRECISION_YEAR };
  g_assert_cmpuint (count_matching (fixture->casebook, &filter), ==, 1);
  g_assert_cmpint (first_matching (fixture->casebook, &filter), ==, b);
}

static void
test_summary (CasebookFixture *fixture,
              gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, "Arrest in Quetta");
  gint64 victim = test_add_person (fixture->casebook, NULL, "زرینہ بلوچ", NULL);
  g_autoptr(GawahIncidentSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  test_add_act (fixture->casebook, incident, victim, "arbitrary-arrest", NULL);
  test_add_act (fixture->casebook, incident, victim, "torture", NULL);
  test_add_act (fixture->casebook, incident, victim, "arbitrary-arrest", NULL);
  summary = gawah_casebook_get_summary (fixture->casebook, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->title, ==, "Arrest in Quetta");
  g_assert_cmpuint (g_strv_length (summary->act_types), ==, 2);
  g_assert_cmpstr (summary->act_types[0], ==, "arbitrary-arrest");
  g_assert_cmpstr (summary->act_types[1], ==, "torture");
  g_assert_cmpstr (summary->victims, ==, "زرینہ بلوچ");
}

static void
test_missing_summary (CasebookFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncidentSummary) summary = gawah_casebook_get_summary (fixture->casebook, 42, &error);

  g_assert_null (summary);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/query/filters", CasebookFixture, NULL, casebook_fixture_set_up, test_filters, casebook_fixture_tear_down);
  g_test_add ("/query/person", CasebookFixture, NULL, casebook_fixture_set_up, test_person, casebook_fixture_tear_down);
  g_test_add ("/query/date-range", CasebookFixture, NULL, casebook_fixture_set_up, test_date_range, casebook_fixture_tear_down);
  g_test_add ("/query/summary", CasebookFixture, NULL, casebook_fixture_set_up, test_summary, casebook_fixture_tear_down);
  g_test_add ("/query/missing-summary", CasebookFixture, NULL, casebook_fixture_set_up, test_missing_summary, casebook_fixture_tear_down);
  return g_test_run ();
}
