/* test-statistics.c: counts for the charts, and the agenda, without a display
 *
 * The expected counts were read off data/samples/sample-casebook.xml: twelve
 * incidents, eight with no province and six with no known start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-statistics.h"
#include "gawah-test-utils.h"

typedef struct {
  const char *key;
  guint       count;
} Expected;

static GArray *
count_by (GawahCasebook             *casebook,
          GawahStatisticsDimension   dimension,
          const GawahIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = gawah_casebook_count_incidents_by (casebook, dimension, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_rows (GArray         *rows,
             const Expected *expected,
             guint           n_expected)
{
  g_assert_cmpuint (rows->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      GawahStatisticsRow *row = &g_array_index (rows, GawahStatisticsRow, i);

      g_assert_cmpstr (row->key, ==, expected[i].key);
      g_assert_cmpuint (row->count, ==, expected[i].count);
    }
}

static guint
total (GArray *rows)
{
  guint sum = 0;

  for (guint i = 0; i < rows->len; i++)
    sum += g_array_index (rows, GawahStatisticsRow, i).count;
  return sum;
}

static void
test_sample_counts (CasebookFixture *fixture,
                    gconstpointer    data)
{
  static const Expected provinces[] = { { NULL, 8 }, { "pk-pb", 2 }, { "pk-is", 1 }, { "pk-sd", 1 } };
  static const Expected years[] = { { "2014", 2 }, { "2015", 1 }, { "2016", 1 }, { "2019", 1 }, { "2021", 1 },
                                    { NULL, 6 } };
  static const Expected perpetrators[] = { { NULL, 8 }, { "unknown", 6 }, { "military", 1 } };
  static const Expected categories[] = { { "activist", 5 }, { "journalist", 4 }, { "ethnic-rights-defender", 2 },
                                         { "lawyer", 2 }, { "academic", 1 }, { "other", 1 }, { "researcher", 1 },
                                         { "woman-hrd", 1 } };
  g_autoptr(GArray) by_province = NULL, by_year = NULL, by_perpetrator = NULL, by_category = NULL, by_act = NULL;

  casebook_fixture_import_sample (fixture);
  by_province = count_by (fixture->casebook, GAWAH_STATISTICS_PROVINCE, NULL);
  assert_rows (by_province, provinces, G_N_ELEMENTS (provinces));
  by_year = count_by (fixture->casebook, GAWAH_STATISTICS_YEAR, NULL);
  assert_rows (by_year, years, G_N_ELEMENTS (years));
  by_perpetrator = count_by (fixture->casebook, GAWAH_STATISTICS_PERPETRATOR_TYPE, NULL);
  assert_rows (by_perpetrator, perpetrators, G_N_ELEMENTS (perpetrators));
  by_category = count_by (fixture->casebook, GAWAH_STATISTICS_HRD_CATEGORY, NULL);
  assert_rows (by_category, categories, G_N_ELEMENTS (categories));

  /* An incident with several acts counts once under each of their types;
   * twelve act types, ties in code order. */
  by_act = count_by (fixture->casebook, GAWAH_STATISTICS_ACT_TYPE, NULL);
  g_assert_cmpuint (by_act->len, ==, 12);
  g_assert_cmpstr (g_array_index (by_act, GawahStatisticsRow, 0).key, ==, "arbitrary-arrest");
  g_assert_cmpuint (g_array_index (by_act, GawahStatisticsRow, 0).count, ==, 3);
  g_assert_cmpstr (g_array_index (by_act, GawahStatisticsRow, 1).key, ==, "judicial-harassment");
  g_assert_cmpuint (g_array_index (by_act, GawahStatisticsRow, 1).count, ==, 3);
  g_assert_cmpstr (g_array_index (by_act, GawahStatisticsRow, 11).key, ==, "threat");
  g_assert_cmpuint (g_array_index (by_act, GawahStatisticsRow, 11).count, ==, 1);
}

/* The charts count exactly the incidents the list shows. */
static void
assert_same_as_list (GawahCasebook             *casebook,
                     const GawahIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gawah_casebook_query_incidents (casebook, filter, &error);
  g_autoptr(GArray) by_province = NULL, by_year = NULL;

  g_assert_no_error (error);
  by_province = count_by (casebook, GAWAH_STATISTICS_PROVINCE, filter);
  by_year = count_by (casebook, GAWAH_STATISTICS_YEAR, filter);
  g_assert_cmpuint (total (by_province), ==, ids->len);
  g_assert_cmpuint (total (by_year), ==, ids->len);
}

static void
test_filtered_counts (CasebookFixture *fixture,
                      gconstpointer    data)
{
  static const Expected punjab_acts[] = { { "extrajudicial-killing", 1 }, { "threat", 1 } };
  static const Expected punjab_years[] = { { "2014", 1 }, { NULL, 1 } };
  g_auto(GawahIncidentFilter) punjab = { .province = g_strdup ("pk-pb") };
  g_auto(GawahIncidentFilter) harassed = { .act_type = g_strdup ("judicial-harassment") };
  g_auto(GawahIncidentFilter) searched = { .text = g_strdup ("Rehman") };
  g_autoptr(GArray) acts = NULL, years = NULL, harassment = NULL;

  casebook_fixture_import_sample (fixture);
  acts = count_by (fixture->casebook, GAWAH_STATISTICS_ACT_TYPE, &punjab);
  assert_rows (acts, punjab_acts, G_N_ELEMENTS (punjab_acts));
  years = count_by (fixture->casebook, GAWAH_STATISTICS_YEAR, &punjab);
  assert_rows (years, punjab_years, G_N_ELEMENTS (punjab_years));

  harassment = count_by (fixture->casebook, GAWAH_STATISTICS_ACT_TYPE, &harassed);
  g_assert_cmpstr (g_array_index (harassment, GawahStatisticsRow, 0).key, ==, "judicial-harassment");
  g_assert_cmpuint (g_array_index (harassment, GawahStatisticsRow, 0).count, ==, 3);

  assert_same_as_list (fixture->casebook, &punjab);
  assert_same_as_list (fixture->casebook, &harassed);
  assert_same_as_list (fixture->casebook, &searched);
}

static void
test_empty_casebook (CasebookFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(GArray) rows = count_by (fixture->casebook, GAWAH_STATISTICS_ACT_TYPE, NULL);

  g_assert_cmpuint (rows->len, ==, 0);
}

static void
add_follow_up (GawahCasebook *casebook,
               gint64         incident_id,
               const char    *status,
               const char    *due_iso)
{
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GError) error = NULL;

  follow_up->incident_id = incident_id;
  follow_up->body = g_strdup ("high-court");
  follow_up->action_type = g_strdup ("habeas-petition");
  g_free (follow_up->status);
  follow_up->status = g_strdup (status);
  follow_up->description = g_strdup (due_iso != NULL ? due_iso : "no date");
  if (due_iso != NULL)
    g_assert_true (gawah_partial_date_parse (due_iso, "day", "due", &follow_up->due, NULL));
  g_assert_true (gawah_casebook_save_follow_up (casebook, follow_up, &error));
  g_assert_no_error (error);
}

static void
test_agenda (CasebookFixture *fixture,
             gconstpointer    data)
{
  gint64 incident = test_add_incident (fixture->casebook, "Hearing of a habeas petition");
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  GawahAgendaItem *item;

  add_follow_up (fixture->casebook, incident, "planned", "2026-04-10");      /* upcoming */
  add_follow_up (fixture->casebook, incident, "pending", "2026-03-01");      /* overdue */
  add_follow_up (fixture->casebook, incident, "closed", "2026-03-20");       /* done */
  add_follow_up (fixture->casebook, incident, "responded", "2026-02-01");    /* answered, past */
  add_follow_up (fixture->casebook, incident, "responded", "2026-03-20");    /* hearing still ahead */
  add_follow_up (fixture->casebook, incident, "pending", "2026-03-15");      /* due today */
  add_follow_up (fixture->casebook, incident, "pending", NULL);              /* no due date */

  agenda = gawah_casebook_list_agenda (fixture->casebook, "2026-03-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 4);
  item = g_ptr_array_index (agenda, 0);
  g_assert_cmpstr (item->description, ==, "2026-03-01");
  g_assert_cmpint (item->incident_id, ==, incident);
  g_assert_cmpstr (item->incident_title, ==, "Hearing of a habeas petition");
  g_assert_cmpstr (item->body, ==, "high-court");
  g_assert_cmpint (item->due.day, ==, 1);
  g_assert_cmpstr (((GawahAgendaItem *) g_ptr_array_index (agenda, 1))->description, ==, "2026-03-15");
  g_assert_cmpstr (((GawahAgendaItem *) g_ptr_array_index (agenda, 2))->description, ==, "2026-03-20");
  g_assert_cmpstr (((GawahAgendaItem *) g_ptr_array_index (agenda, 2))->status, ==, "responded");
  g_assert_cmpstr (((GawahAgendaItem *) g_ptr_array_index (agenda, 3))->description, ==, "2026-04-10");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/statistics/sample", CasebookFixture, NULL, casebook_fixture_set_up, test_sample_counts,
              casebook_fixture_tear_down);
  g_test_add ("/statistics/filtered", CasebookFixture, NULL, casebook_fixture_set_up, test_filtered_counts,
              casebook_fixture_tear_down);
  g_test_add ("/statistics/empty", CasebookFixture, NULL, casebook_fixture_set_up, test_empty_casebook,
              casebook_fixture_tear_down);
  g_test_add ("/statistics/agenda", CasebookFixture, NULL, casebook_fixture_set_up, test_agenda,
              casebook_fixture_tear_down);
  return g_test_run ();
}
