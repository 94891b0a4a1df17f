/* test-timeline.c: the timeline's spans, index, layout, ticks and query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-test-utils.h"
#include "gawah-timeline.h"

#define DAY(y, m, d) gawah_timeline_day ((y), (m), (d))

static const GawahPartialDate no_date = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };

static GawahPartialDate
date (int            year,
      int            month,
      int            day,
      GawahPrecision precision)
{
  return (GawahPartialDate) { year, month, day, precision };
}

static GawahTimelineEntry *
entry_at (gint64                  id,
          GawahPartialDate        start,
          const char             *lane)
{
  return gawah_timeline_entry_new (id, &start, &no_date, FALSE, lane, "An incident");
}

static void
assert_span (const GawahTimelineEntry *entry,
             gint32                    first,
             gint32                    last,
             gboolean                  fuzzy)
{
  gint32 first_day = 0, last_day = 0;
  gboolean is_fuzzy = !fuzzy;

  g_assert_true (gawah_timeline_span (entry, DAY (2026, 11, 28), &first_day, &last_day, &is_fuzzy));
  g_assert_cmpint (first_day, ==, first);
  g_assert_cmpint (last_day, ==, last);
  g_assert_cmpint (is_fuzzy, ==, fuzzy);
}

static void
test_day_axis (void)
{
  int year, month, day;

  g_assert_cmpint (DAY (1900, 1, 1), ==, 0);
  g_assert_cmpint (DAY (1900, 3, 1), ==, 59);           /* 1900 is not a leap year */
  g_assert_cmpint (DAY (2000, 3, 1) - DAY (2000, 2, 28), ==, 2);
  g_assert_cmpint (DAY (1970, 1, 1), ==, 25567);
  for (gint32 d = DAY (1899, 12, 1); d < DAY (2101, 1, 1); d += 13)
    {
      gawah_timeline_day_to_date (d, &year, &month, &day);
      g_assert_cmpint (DAY (year, month, day), ==, d);
    }
  gawah_timeline_day_to_date (DAY (2024, 2, 29), &year, &month, &day);
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20240229);
}

static void
test_spans (void)
{
  g_autofree GawahTimelineEntry *exact = entry_at (1, date (2019, 3, 12, GAWAH_PRECISION_DAY), NULL);
  g_autofree GawahTimelineEntry *month = entry_at (2, date (2019, 2, 0, GAWAH_PRECISION_MONTH), NULL);
  g_autofree GawahTimelineEntry *year = entry_at (3, date (2016, 0, 0, GAWAH_PRECISION_YEAR), NULL);
  g_autofree GawahTimelineEntry *around_day = entry_at (4, date (2020, 5, 12, GAWAH_PRECISION_APPROXIMATE), NULL);
  g_autofree GawahTimelineEntry *around_month = entry_at (5, date (2020, 6, 0, GAWAH_PRECISION_APPROXIMATE), NULL);
  g_autofree GawahTimelineEntry *around_year = entry_at (6, date (2015, 0, 0, GAWAH_PRECISION_APPROXIMATE), NULL);
  g_autofree GawahTimelineEntry *unknown = entry_at (7, no_date, NULL);
  gint32 first, last;
  gboolean fuzzy;

  assert_span (exact, DAY (2019, 3, 12), DAY (2019, 3, 12), FALSE);
  assert_span (month, DAY (2019, 2, 1), DAY (2019, 2, 28), TRUE);
  assert_span (year, DAY (2016, 1, 1), DAY (2016, 12, 31), TRUE);
  assert_span (around_day, DAY (2020, 4, 27), DAY (2020, 5, 27), TRUE);
  assert_span (around_month, DAY (2020, 6, 1), DAY (2020, 6, 30), TRUE);
  assert_span (around_year, DAY (2015, 1, 1), DAY (2015, 12, 31), TRUE);
  g_assert_false (gawah_timeline_span (unknown, DAY (2026, 11, 28), &first, &last, &fuzzy));
}

static void
test_ranges (void)
{
  GawahPartialDate start = date (2019, 11, 0, GAWAH_PRECISION_MONTH);
  GawahPartialDate exact = date (2020, 1, 5, GAWAH_PRECISION_DAY);
  GawahPartialDate end_year = date (2021, 0, 0, GAWAH_PRECISION_YEAR);
  GawahPartialDate end_day = date (2020, 3, 1, GAWAH_PRECISION_DAY);
  g_autofree GawahTimelineEntry *range = gawah_timeline_entry_new (1, &start, &end_year, FALSE, NULL, "x");
  g_autofree GawahTimelineEntry *exact_range = gawah_timeline_entry_new (2, &exact, &end_day, FALSE, NULL, "x");
  g_autofree GawahTimelineEntry *missing = gawah_timeline_entry_new (3, &exact, &no_date, TRUE, NULL, "x");
  g_autofree GawahTimelineEntry *no_start = gawah_timeline_entry_new (4, &no_date, &end_year, TRUE, NULL, "x");
  gint32 first, last;
  gboolean fuzzy;

  /* To the end's own last day; fuzzy if either end is. */
  assert_span (range, DAY (2019, 11, 1), DAY (2021, 12, 31), TRUE);
  assert_span (exact_range, DAY (2020, 1, 5), DAY (2020, 3, 1), FALSE);
  /* Still missing: runs to today. */
  assert_span (missing, DAY (2020, 1, 5), DAY (2026, 11, 28), FALSE);
  g_assert_false (gawah_timeline_span (no_start, DAY (2026, 11, 28), &first, &last, &fuzzy));
}

static GPtrArray *
new_entries (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* 10,000 incidents in March 2019, seen over a decade: a handful of bins
 * that still account for every one of them. */
static void
test_binning (void)
{
  g_autoptr(GPtrArray) entries = new_entries ();
  g_autoptr(GawahTimelineIndex) index = NULL;
  g_autoptr(GawahTimelineLayout) layout = NULL;
  const GawahTimelineItem *items;
  guint n_items, total = 0;

  for (int i = 0; i < 10000; i++)
    g_ptr_array_add (entries, entry_at (i + 1, date (2019, 3, 1 + i % 31, GAWAH_PRECISION_DAY), "pk-pb"));
  index = gawah_timeline_index_new (entries, DAY (2026, 11, 28));
  layout = gawah_timeline_layout_new (index, DAY (2015, 1, 1), DAY (2024, 12, 31), 1200, 6);
  items = gawah_timeline_layout_get_items (layout, 0, &n_items);
  g_assert_cmpuint (n_items, >=, 1);
  g_assert_cmpuint (n_items, <=, 4);
  for (guint i = 0; i < n_items; i++)
    {
      g_assert_true (items[i].is_bin);
      g_assert_cmpint (items[i].id, ==, 0);
      g_assert_cmpfloat (items[i].x1 - items[i].x0, ==, 6);
      total += items[i].count;
    }
  g_assert_cmpuint (total, ==, 10000);
}

/* Over 100,000 spread incidents, any zoom: at most one mark or bin of marks
 * and one bar or bin of bars begins in each column. */
static void
test_binning_bound (void)
{
  g_autoptr(GPtrArray) entries = new_entries ();
  g_autoptr(GawahTimelineIndex) index = NULL;
  gint32 from = DAY (1990, 1, 1), to = DAY (2026, 12, 31);

  for (int i = 0; i < 100000; i++)
    {
      GawahPartialDate start = date (1990 + i % 37, 1 + i % 12, 1 + i % 28,
                                     i % 3 == 0 ? GAWAH_PRECISION_MONTH : GAWAH_PRECISION_DAY);

      g_ptr_array_add (entries, gawah_timeline_entry_new (i + 1, &start, &no_date, i % 50 == 0, NULL, "x"));
    }
  index = gawah_timeline_index_new (entries, DAY (2026, 11, 28));
  for (gint32 span = to - from; span > 20; span /= 3)
    {
      g_autoptr(GawahTimelineLayout) layout = gawah_timeline_layout_new (index, to - span, to, 1200, 6);
      guint n_items, total = 0;
      const GawahTimelineItem *items = gawah_timeline_layout_get_items (layout, 0, &n_items);

      g_assert_cmpuint (n_items, <=, 2 * (1200 / 6 + 3));
      for (guint i = 0; i < n_items; i++)
        total += items[i].count;
      if (span == to - from)
        g_assert_cmpuint (total, ==, 100000);
    }
}

static void
test_hit_testing (void)
{
  g_autoptr(GPtrArray) entries = new_entries ();
  g_autoptr(GawahTimelineIndex) index = NULL;
  g_autoptr(GawahTimelineLayout) layout = NULL;
  GawahPartialDate start = date (2020, 1, 1, GAWAH_PRECISION_DAY);
  GawahPartialDate end = date (2020, 1, 31, GAWAH_PRECISION_DAY);
  const GawahTimelineItem *item;
  guint n_items;

  /* A 2020 viewport, 366 px: one pixel a day. A bar under a mark. */
  g_ptr_array_add (entries, gawah_timeline_entry_new (1, &start, &end, FALSE, NULL, "Bar"));
  g_ptr_array_add (entries, entry_at (2, date (2020, 1, 11, GAWAH_PRECISION_DAY), NULL));
  g_ptr_array_add (entries, entry_at (3, date (2020, 7, 1, GAWAH_PRECISION_DAY), NULL));
  g_ptr_array_add (entries, entry_at (4, date (2021, 7, 1, GAWAH_PRECISION_DAY), NULL));   /* outside */
  index = gawah_timeline_index_new (entries, DAY (2026, 11, 28));
  layout = gawah_timeline_layout_new (index, DAY (2020, 1, 1), DAY (2020, 12, 31), 366, 6);

  gawah_timeline_layout_get_items (layout, 0, &n_items);
  g_assert_cmpuint (n_items, ==, 3);
  item = gawah_timeline_layout_item_at (layout, 0, 10.5);
  g_assert_nonnull (item);
  g_assert_cmpint (item->id, ==, 2);                    /* the mark, not the bar under it */
  g_assert_cmpint (item->count, ==, 1);
  g_assert_cmpint (item->entry->id, ==, 2);
  item = gawah_timeline_layout_item_at (layout, 0, 25);
  g_assert_nonnull (item);
  g_assert_cmpint (item->id, ==, 1);
  g_assert_cmpstr (item->entry->title, ==, "Bar");
  g_assert_cmpfloat_with_epsilon (item->x1, 31, 1e-9);
  item = gawah_timeline_layout_item_at (layout, 0, 182.5);
  g_assert_nonnull (item);
  g_assert_cmpint (item->id, ==, 3);
  g_assert_null (gawah_timeline_layout_item_at (layout, 0, 100));
}

static void
test_lanes (void)
{
  g_autoptr(GPtrArray) entries = new_entries ();
  g_autoptr(GawahTimelineIndex) index = NULL;
  g_autoptr(GawahTimelineLayout) layout = NULL;
  GawahPartialDate start = date (2016, 0, 0, GAWAH_PRECISION_YEAR);
  guint n_items;

  /* One incident, two act types: one entry in each lane; an undated one
   * keeps its lane, empty. */
  g_ptr_array_add (entries, entry_at (7, start, "travel-ban"));
  g_ptr_array_add (entries, entry_at (7, start, "censorship"));
  g_ptr_array_add (entries, entry_at (8, no_date, NULL));
  g_ptr_array_add (entries, entry_at (9, start, "censorship"));
  index = gawah_timeline_index_new (entries, DAY (2026, 11, 28));
  layout = gawah_timeline_layout_new (index, DAY (2016, 1, 1), DAY (2016, 12, 31), 732, 6);

  g_assert_cmpuint (gawah_timeline_layout_get_n_lanes (layout), ==, 3);
  g_assert_cmpstr (gawah_timeline_layout_get_lane (layout, 0), ==, "censorship");
  g_assert_cmpstr (gawah_timeline_layout_get_lane (layout, 1), ==, "travel-ban");
  g_assert_null (gawah_timeline_layout_get_lane (layout, 2));
  /* Two year-long bars starting in one column: one bin of bars. */
  g_assert_cmpuint (gawah_timeline_layout_get_items (layout, 0, &n_items)->count, ==, 2);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_cmpint (gawah_timeline_layout_get_items (layout, 1, &n_items)->id, ==, 7);
  gawah_timeline_layout_get_items (layout, 2, &n_items);
  g_assert_cmpuint (n_items, ==, 0);
}

static GArray *
ticks_for (gint32 first,
           gint32 last,
           double width)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (GawahTimelineTick));

  gawah_timeline_ticks (first, last, width, ticks);
  for (guint i = 1; i < ticks->len; i++)
    {
      gint32 gap = g_array_index (ticks, GawahTimelineTick, i).day - g_array_index (ticks, GawahTimelineTick, i - 1).day;

      /* Never crowded: day steps may shorten before a month's end, by 30% at most. */
      g_assert_cmpfloat (gap * width / (last - first + 1), >=, GAWAH_TIMELINE_TICK_MIN_PX * 0.7);
    }
  return ticks;
}

static GawahTimelineTick *
tick (GArray *ticks,
      guint   i)
{
  return &g_array_index (ticks, GawahTimelineTick, i);
}

static void
test_ticks (void)
{
  g_autoptr(GArray) decades = ticks_for (DAY (1950, 1, 1), DAY (2029, 12, 31), 800);
  g_autoptr(GArray) years = ticks_for (DAY (2010, 1, 1), DAY (2019, 12, 31), 1200);
  g_autoptr(GArray) months = ticks_for (DAY (2019, 1, 1), DAY (2019, 12, 31), 1200);
  g_autoptr(GArray) days = ticks_for (DAY (2019, 3, 1), DAY (2019, 3, 31), 1200);

  g_assert_cmpuint (decades->len, ==, 8);
  g_assert_cmpint (tick (decades, 0)->day, ==, DAY (1950, 1, 1));
  g_assert_cmpint (tick (decades, 7)->kind, ==, GAWAH_TIMELINE_TICK_DECADE);

  g_assert_cmpuint (years->len, ==, 10);
  g_assert_cmpint (tick (years, 0)->kind, ==, GAWAH_TIMELINE_TICK_DECADE);
  g_assert_cmpint (tick (years, 1)->day, ==, DAY (2011, 1, 1));
  g_assert_cmpint (tick (years, 1)->kind, ==, GAWAH_TIMELINE_TICK_YEAR);

  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (tick (months, 0)->kind, ==, GAWAH_TIMELINE_TICK_YEAR);
  g_assert_cmpint (tick (months, 2)->day, ==, DAY (2019, 3, 1));
  g_assert_cmpint (tick (months, 2)->kind, ==, GAWAH_TIMELINE_TICK_MONTH);

  /* 1, 3, …, 29 at 38 px a day: the 31st would crowd 1 April. */
  g_assert_cmpuint (days->len, ==, 15);
  g_assert_cmpint (tick (days, 0)->kind, ==, GAWAH_TIMELINE_TICK_MONTH);
  g_assert_cmpint (tick (days, 1)->day, ==, DAY (2019, 3, 3));
  g_assert_cmpint (tick (days, 1)->kind, ==, GAWAH_TIMELINE_TICK_DAY);
}

static void
test_extent (void)
{
  g_autoptr(GPtrArray) entries = new_entries ();
  GawahPartialDate start = date (2019, 11, 0, GAWAH_PRECISION_MONTH);
  gint32 first, last;

  g_assert_false (gawah_timeline_extent (entries, DAY (2026, 11, 28), &first, &last));
  g_ptr_array_add (entries, entry_at (1, date (2014, 0, 0, GAWAH_PRECISION_YEAR), NULL));
  g_ptr_array_add (entries, gawah_timeline_entry_new (2, &start, &no_date, TRUE, NULL, "x"));
  g_ptr_array_add (entries, entry_at (3, no_date, NULL));
  g_assert_true (gawah_timeline_extent (entries, DAY (2026, 11, 28), &first, &last));
  g_assert_cmpint (first, ==, DAY (2014, 1, 1));
  g_assert_cmpint (last, ==, DAY (2026, 11, 28));
}

static GPtrArray *
sample_entries (CasebookFixture           *fixture,
                const GawahIncidentFilter *filter,
                GawahTimelineLanes         lanes)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = gawah_casebook_timeline_entries (fixture->casebook, filter, lanes,
                                                         GAWAH_TIMELINE_INCIDENTS_ONLY, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static const GawahTimelineEntry *
find_entry (GPtrArray  *entries,
            const char *title_part)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const GawahTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (strstr (entry->title, title_part) != NULL)
        return entry;
    }
  g_assert_not_reached ();
}

static guint
count_in_lane (GPtrArray  *entries,
               const char *lane)
{
  guint count = 0;

  for (guint i = 0; i < entries->len; i++)
    count += ((GawahTimelineEntry *) g_ptr_array_index (entries, i))->lane == g_intern_string (lane);
  return count;
}

/* The sample's 12 incidents, as the document dates and places them. */
static void
test_casebook_query (CasebookFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_province = NULL;
  const GawahTimelineEntry *khattak, *ptm;

  casebook_fixture_import_sample (fixture);
  all = sample_entries (fixture, NULL, GAWAH_TIMELINE_LANES_NONE);
  g_assert_cmpuint (all->len, ==, 12);

  /* Khattak: November 2019 to sometime in 2021, not ongoing. */
  khattak = find_entry (all, "Idris Khattak");
  g_assert_false (khattak->ongoing);
  g_assert_null (khattak->lane);
  assert_span (khattak, DAY (2019, 11, 1), DAY (2021, 12, 31), TRUE);
  /* The PTM arrests are ongoing but undated: on no timeline. */
  ptm = find_entry (all, "Pashtun Tahafuz");
  g_assert_true (ptm->ongoing);
  g_assert_false (gawah_partial_date_is_known (&ptm->start));

  by_province = sample_entries (fixture, NULL, GAWAH_TIMELINE_LANES_PROVINCE);
  g_assert_cmpuint (by_province->len, ==, 12);
  g_assert_cmpuint (count_in_lane (by_province, "pk-pb"), ==, 2);
  g_assert_cmpuint (count_in_lane (by_province, "pk-is"), ==, 1);
  g_assert_cmpuint (count_in_lane (by_province, "pk-sd"), ==, 1);
  g_assert_cmpuint (count_in_lane (by_province, NULL), ==, 8);
}

static void
test_casebook_act_lanes (CasebookFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GPtrArray) by_act = NULL;
  guint dawn = 0;

  casebook_fixture_import_sample (fixture);
  by_act = sample_entries (fixture, NULL, GAWAH_TIMELINE_LANES_ACT_TYPE);
  /* Dawn Leaks: censorship and a travel ban, once in each lane. */
  for (guint i = 0; i < by_act->len; i++)
    {
      const GawahTimelineEntry *entry = g_ptr_array_index (by_act, i);

      if (strstr (entry->title, "Dawn Leaks") == NULL)
        continue;
      dawn++;
      g_assert_true (g_strcmp0 (entry->lane, "censorship") == 0 || g_strcmp0 (entry->lane, "travel-ban") == 0);
    }
  g_assert_cmpuint (dawn, ==, 2);
  /* Khattak's disappearance and trial: two lanes. PTM: three. */
  g_assert_cmpuint (count_in_lane (by_act, "surveillance"), ==, 2);
  g_assert_cmpuint (count_in_lane (by_act, "arbitrary-arrest"), ==, 3);
}

static void
test_casebook_filter (CasebookFixture *fixture,
                      gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) by_category = NULL;

  casebook_fixture_import_sample (fixture);
  filter.province = g_strdup ("pk-pb");
  entries = sample_entries (fixture, &filter, GAWAH_TIMELINE_LANES_ACT_TYPE);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpuint (count_in_lane (entries, "threat"), ==, 1);
  g_assert_cmpuint (count_in_lane (entries, "extrajudicial-killing"), ==, 1);

  gawah_incident_filter_clear (&filter);
  filter.text = g_strdup ("Khattak");
  by_category = sample_entries (fixture, &filter, GAWAH_TIMELINE_LANES_HRD_CATEGORY);
  /* Idris Khattak is a researcher and an activist. */
  g_assert_cmpuint (by_category->len, ==, 2);
  g_assert_cmpuint (count_in_lane (by_category, "researcher"), ==, 1);
  g_assert_cmpuint (count_in_lane (by_category, "activist"), ==, 1);
}

static guint
count_kind (GPtrArray              *entries,
            GawahTimelineEntryKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < entries->len; i++)
    count += ((GawahTimelineEntry *) g_ptr_array_index (entries, i))->kind == kind;
  return count;
}

static const GawahTimelineEntry *
find_kind (GPtrArray              *entries,
           GawahTimelineEntryKind  kind)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const GawahTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == kind)
        return entry;
    }
  g_assert_not_reached ();
}

/* A defender's history: their incidents, and what was done about each. */
static void
test_defender_follow_ups (CasebookFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) by_act = NULL;
  const GawahTimelineEntry *follow_up, *incident;

  casebook_fixture_import_sample (fixture);
  filter.person_id = gawah_casebook_find_person_by_name (fixture->casebook, "Idris Khattak", &error);
  g_assert_no_error (error);
  g_assert_cmpint (filter.person_id, >, 0);

  entries = gawah_casebook_timeline_entries (fixture->casebook, &filter, GAWAH_TIMELINE_LANES_NONE,
                                             GAWAH_TIMELINE_WITH_FOLLOW_UPS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (entries, GAWAH_TIMELINE_ENTRY_INCIDENT), ==, 1);
  g_assert_cmpuint (count_kind (entries, GAWAH_TIMELINE_ENTRY_FOLLOW_UP), ==, 1);
  follow_up = find_kind (entries, GAWAH_TIMELINE_ENTRY_FOLLOW_UP);
  incident = find_kind (entries, GAWAH_TIMELINE_ENTRY_INCIDENT);
  /* Amnesty's press release in 2022: done, on its own date, and it opens
   * the incident it belongs to. */
  g_assert_cmpint (follow_up->id, ==, incident->id);
  g_assert_cmpstr (follow_up->action, ==, "press-release");
  g_assert_false (follow_up->due);
  assert_span (follow_up, DAY (2022, 1, 1), DAY (2022, 12, 31), TRUE);
  g_assert_cmpstr (follow_up->title, ==, incident->title);

  /* With lanes, a follow-up goes in each lane its incident is in. */
  by_act = gawah_casebook_timeline_entries (fixture->casebook, &filter, GAWAH_TIMELINE_LANES_ACT_TYPE,
                                            GAWAH_TIMELINE_WITH_FOLLOW_UPS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (by_act, GAWAH_TIMELINE_ENTRY_FOLLOW_UP), ==,
                    count_kind (by_act, GAWAH_TIMELINE_ENTRY_INCIDENT));
}

static void
test_casebook_query_cancelled (CasebookFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) entries = NULL;

  casebook_fixture_import_sample (fixture);
  g_cancellable_cancel (cancellable);
  entries = gawah_casebook_timeline_entries (fixture->casebook, NULL, GAWAH_TIMELINE_LANES_NONE,
                                             GAWAH_TIMELINE_WITH_FOLLOW_UPS, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (entries);
}

/* The app reads the timeline in a worker thread while the main thread
 * writes: both go on, and the reader sees whole rows. */
typedef struct {
  GawahCasebook *casebook;
  guint          reads;
} ReaderData;

static gpointer
read_timeline_repeatedly (gpointer user_data)
{
  ReaderData *reader = user_data;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = gawah_casebook_timeline_entries (reader->casebook, NULL,
                                                                      GAWAH_TIMELINE_LANES_ACT_TYPE,
                                                                      GAWAH_TIMELINE_WITH_FOLLOW_UPS,
                                                                      NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, >=, 12);
      reader->reads++;
    }
  return NULL;
}

static void
test_casebook_query_in_thread (CasebookFixture *fixture,
                               gconstpointer    data)
{
  ReaderData reader = { fixture->casebook, 0 };
  GThread *thread;

  casebook_fixture_import_sample (fixture);
  thread = g_thread_new ("timeline-reader", read_timeline_repeatedly, &reader);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GawahIncident) incident = gawah_incident_new ();

      incident->title = g_strdup_printf ("Written while the timeline is read %u", i);
      gawah_casebook_save_incident (fixture->casebook, incident, &error);
      g_assert_no_error (error);
    }
  g_thread_join (thread);
  g_assert_cmpuint (reader.reads, ==, 50);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook, NULL), ==, 32);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/day-axis", test_day_axis);
  g_test_add_func ("/timeline/spans", test_spans);
  g_test_add_func ("/timeline/ranges", test_ranges);
  g_test_add_func ("/timeline/binning", test_binning);
  g_test_add_func ("/timeline/binning-bound", test_binning_bound);
  g_test_add_func ("/timeline/hit-testing", test_hit_testing);
  g_test_add_func ("/timeline/lanes", test_lanes);
  g_test_add_func ("/timeline/ticks", test_ticks);
  g_test_add_func ("/timeline/extent", test_extent);
  g_test_add ("/timeline/casebook-query", CasebookFixture, NULL, casebook_fixture_set_up, test_casebook_query, casebook_fixture_tear_down);
  g_test_add ("/timeline/casebook-act-lanes", CasebookFixture, NULL, casebook_fixture_set_up, test_casebook_act_lanes, casebook_fixture_tear_down);
  g_test_add ("/timeline/casebook-filter", CasebookFixture, NULL, casebook_fixture_set_up, test_casebook_filter, casebook_fixture_tear_down);
  g_test_add ("/timeline/defender-follow-ups", CasebookFixture, NULL, casebook_fixture_set_up, test_defender_follow_ups, casebook_fixture_tear_down);
  g_test_add ("/timeline/casebook-query-cancelled", CasebookFixture, NULL, casebook_fixture_set_up, test_casebook_query_cancelled, casebook_fixture_tear_down);
  g_test_add ("/timeline/casebook-query-in-thread", CasebookFixture, NULL, casebook_fixture_set_up, test_casebook_query_in_thread, casebook_fixture_tear_down);
  return g_test_run ();
}
