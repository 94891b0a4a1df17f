/* test-incident-pager.c: the list's query a page at a time gives exactly
 * what the whole query gives
 *
 * Over a generated casebook, every search and filter is run three ways:
 * the filter as the timeline and statistics write it (one SQL statement,
 * GAWAH_INCIDENT_FILTER_WHERE, sorted by SQLite), the pager in small pages,
 * and the pager with a deadline already past, as a late idle step would
 * call it. The ids and their order must be the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-casebook-private.h"
#include "gawah-incident-query.h"
#include "gawah-synthetic.h"
#include "gawah-test-utils.h"

#define N_GENERATED 200

/* The reference: one statement, every filter in it, sorted by SQLite. */
static GArray *
query_in_one_statement (GawahCasebook             *casebook,
                        const GawahIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (gawah_casebook_get_db (casebook),
    "SELECT i.id FROM incident i WHERE" GAWAH_INCIDENT_FILTER_WHERE
    " ORDER BY i.start_date IS NULL, i.start_date DESC, i.id DESC", &error);
  GArray *ids;

  g_assert_no_error (error);
  gawah_incident_filter_bind (stmt, filter);
  ids = gawah_collect_ids (casebook, stmt, &error);
  g_assert_no_error (error);
  return ids;
}

static GArray *
query_in_pages (GawahCasebook             *casebook,
                const GawahIncidentFilter *filter,
                guint                      page,
                gint64                     deadline)
{
  g_autoptr(GawahIncidentPager) pager = gawah_incident_pager_new (casebook, filter);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint calls = 0;

  while (!gawah_incident_pager_is_done (pager))
    {
      g_autoptr(GError) error = NULL;
      guint before = ids->len;

      gawah_incident_pager_next (pager, page, deadline, ids, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (++calls, <, 100000);
      /* A page never holds more than asked, except a rare word's matches,
       * which come all at once and end the query. */
      if (!gawah_incident_pager_is_done (pager))
        g_assert_cmpuint (ids->len - before, <=, page);
    }
  return ids;
}

static void
assert_same_ids (GArray *expected,
                 GArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (actual, gint64, i), ==, g_array_index (expected, gint64, i));
}

/* Returns how many incidents the filter selects. */
static guint
check_filter (GawahCasebook             *casebook,
              const GawahIncidentFilter *filter)
{
  g_autoptr(GArray) expected = query_in_one_statement (casebook, filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) whole = gawah_casebook_query_incidents (casebook, filter, &error);
  g_autoptr(GArray) small_pages = query_in_pages (casebook, filter, 7, 0);
  g_autoptr(GArray) first_page_size = query_in_pages (casebook, filter, GAWAH_INCIDENT_FIRST_PAGE, 0);
  g_autoptr(GArray) late = query_in_pages (casebook, filter, G_MAXUINT, 1);

  g_assert_no_error (error);
  assert_same_ids (expected, whole);
  assert_same_ids (expected, small_pages);
  assert_same_ids (expected, first_page_size);
  assert_same_ids (expected, late);
  return expected->len;
}

static guint
check_words (GawahCasebook *casebook,
             const char    *words)
{
  g_auto(GawahIncidentFilter) filter = { .text = g_strdup (words) };

  return check_filter (casebook, &filter);
}

static gint64
add_incident (GawahCasebook    *casebook,
              const char       *title,
              GawahPartialDate  start)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  incident->start = start;
  gawah_casebook_save_incident (casebook, incident, &error);
  g_assert_no_error (error);
  return incident->id;
}

static void
fill (CasebookFixture *fixture)
{
  g_autoptr(GawahSynthetic) synthetic = gawah_synthetic_new (3);
  g_autoptr(GError) error = NULL;
  const GawahPartialDate undated = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  const GawahPartialDate in_2019 = { 2019, 0, 0, GAWAH_PRECISION_YEAR };
  const GawahPartialDate newest = { 2030, 1, 1, GAWAH_PRECISION_DAY };

  gawah_synthetic_fill (synthetic, fixture->casebook, N_GENERATED, 100, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Rare words, dated and not, and common ones without a date, so that a
   * walk goes on past the dated incidents. The newest incident of all has
   * a rare word: probing finds it before its trial shows the word rare, and
   * the rare lookup must not list it twice. */
  add_incident (fixture->casebook, "Zarghun detained", in_2019);
  add_incident (fixture->casebook, "Zarghun released", newest);
  add_incident (fixture->casebook, "Sherani hearing", undated);
  add_incident (fixture->casebook, "زرغون کی گرفتاری", in_2019);
  add_incident (fixture->casebook, "Police raid, date unknown", undated);
  add_incident (fixture->casebook, "پولیس کا چھاپہ", undated);
}

static void
test_searches (CasebookFixture *fixture,
               gconstpointer    data)
{
  gint64 n_incidents;

  fill (fixture);
  n_incidents = test_count_rows (fixture->casebook, "incident");

  /* Common words take the walk (at least one incident in twenty matches),
   * rare ones the lookup: both must be here for the test to mean anything. */
  g_assert_cmpuint (check_words (fixture->casebook, "police") * 20, >=, n_incidents);
  g_assert_cmpuint (check_words (fixture->casebook, "پولیس") * 20, >=, n_incidents);
  g_assert_cmpuint (check_words (fixture->casebook, "habeas petition") * 20, >=, n_incidents);
  g_assert_cmpuint (check_words (fixture->casebook, "Zarghun"), ==, 2);
  g_assert_cmpuint (check_words (fixture->casebook, "زرغون"), ==, 1);
  g_assert_cmpuint (check_words (fixture->casebook, "Khan"), >, 0);
  g_assert_cmpuint (check_words (fixture->casebook, "no-such-word-anywhere"), ==, 0);
  g_assert_cmpuint (check_words (fixture->casebook, "   "), ==, n_incidents);
}

static void
test_filtered_searches (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { .text = g_strdup ("police") };
  guint all_police;
  guint filtered;

  fill (fixture);
  all_police = check_filter (fixture->casebook, &filter);

  filter.province = g_strdup ("pk-ba");
  filtered = check_filter (fixture->casebook, &filter);
  g_assert_cmpuint (filtered, >, 0);
  g_assert_cmpuint (filtered, <, all_police);

  g_clear_pointer (&filter.province, g_free);
  filter.from = (GawahPartialDate) { 2015, 0, 0, GAWAH_PRECISION_YEAR };
  filter.to = (GawahPartialDate) { 2020, 0, 0, GAWAH_PRECISION_YEAR };
  filtered = check_filter (fixture->casebook, &filter);
  g_assert_cmpuint (filtered, >, 0);
  g_assert_cmpuint (filtered, <, all_police);

  filter.act_type = g_strdup ("arbitrary-arrest");
  g_assert_cmpuint (check_filter (fixture->casebook, &filter), <, filtered);

  gawah_incident_filter_clear (&filter);
  filter.province = g_strdup ("pk-pb");
  g_assert_cmpuint (check_filter (fixture->casebook, &filter), >, 0);
  filter.text = g_strdup ("Zarghun");
  g_assert_cmpuint (check_filter (fixture->casebook, &filter), ==, 0);
}

static GArray *
fts_matches (GawahCasebook *casebook,
             const char    *expression)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (gawah_casebook_get_db (casebook),
    "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1 ORDER BY rowid", &error);
  GArray *ids;

  g_assert_no_error (error);
  gawah_stmt_bind_text (stmt, 1, expression);
  ids = gawah_collect_ids (casebook, stmt, &error);
  g_assert_no_error (error);
  return ids;
}

/* Probing uses each word's prefix spelt out in exact terms: the same
 * incidents must match, whatever the case, accents or script. */
static void
test_exact_terms (CasebookFixture *fixture,
                  gconstpointer    data)
{
  const char *searches[] = {
    "police", "POLICE", "pol", "p", "Khan", "Khán", "پولیس", "habeas petition", "habeas-petition",
    "Zarghun", "زرغون", "no-such-word", "Baloch police", "\"quoted\"",
  };

  fill (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = gawah_search_expression (searches[i]);
      g_autofree char *exact = gawah_search_exact_expression (fixture->casebook, searches[i], 1000, &error);
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) actual = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (exact);
      expected = fts_matches (fixture->casebook, prefix);
      actual = fts_matches (fixture->casebook, exact);
      g_test_message ("%s: %s, %u matches", searches[i], exact, expected->len);
      assert_same_ids (expected, actual);
    }
}

/* An empty casebook, and one whose only incident is undated. */
static void
test_small (CasebookFixture *fixture,
            gconstpointer    data)
{
  const GawahPartialDate undated = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };

  g_assert_cmpuint (check_words (fixture->casebook, "police"), ==, 0);
  g_assert_cmpuint (check_words (fixture->casebook, ""), ==, 0);
  add_incident (fixture->casebook, "Police", undated);
  g_assert_cmpuint (check_words (fixture->casebook, "police"), ==, 1);
  g_assert_cmpuint (check_words (fixture->casebook, ""), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/incident-pager/searches", CasebookFixture, NULL,
              casebook_fixture_set_up, test_searches, casebook_fixture_tear_down);
  g_test_add ("/incident-pager/filtered-searches", CasebookFixture, NULL,
              casebook_fixture_set_up, test_filtered_searches, casebook_fixture_tear_down);
  g_test_add ("/incident-pager/exact-terms", CasebookFixture, NULL,
              casebook_fixture_set_up, test_exact_terms, casebook_fixture_tear_down);
  g_test_add ("/incident-pager/small", CasebookFixture, NULL,
              casebook_fixture_set_up, test_small, casebook_fixture_tear_down);
  return g_test_run ();
}
