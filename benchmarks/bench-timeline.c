/* bench-timeline.c: one timeline layout pass over 100,000 incidents
 *
 * The target is one frame (16 ms) at full range. The entries are made in
 * memory, as a casebook query would return them: the layout never sees the
 * database. Run with a casebook path to time the query as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gawah-timeline.h"

#define N_INCIDENTS 100000
#define N_RUNS      50
#define WIDTH_PX    1200.0
#define MARK_PX     6.0

static const char *provinces[] = {
  "pk-ba", "pk-gb", "pk-is", "pk-jk", "pk-kp", "pk-pb", "pk-sd",
};

/* Mostly exact days, as documented cases are; a fifth to a month, a tenth
 * to a year or an estimate; one in twenty-five ongoing, one in ten a range. */
static GawahPartialDate
random_start (GRand *rand)
{
  int kind = g_rand_int_range (rand, 0, 20);
  GawahPartialDate date = { g_rand_int_range (rand, 1990, 2027), g_rand_int_range (rand, 1, 13),
                            g_rand_int_range (rand, 1, 29), GAWAH_PRECISION_DAY };

  if (kind < 4)
    date = (GawahPartialDate) { date.year, date.month, 0, GAWAH_PRECISION_MONTH };
  else if (kind < 6)
    date = (GawahPartialDate) { date.year, 0, 0, GAWAH_PRECISION_YEAR };
  else if (kind < 7)
    date.precision = GAWAH_PRECISION_APPROXIMATE;
  return date;
}

static GPtrArray *
make_entries (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  GPtrArray *entries = g_ptr_array_new_full (N_INCIDENTS, g_free);
  static const GawahPartialDate none = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };

  for (int i = 0; i < N_INCIDENTS; i++)
    {
      GawahPartialDate start = random_start (rand);
      GawahPartialDate end = none;
      gboolean ongoing = g_rand_int_range (rand, 0, 25) == 0;

      if (!ongoing && g_rand_int_range (rand, 0, 10) == 0 && start.year < 2026)
        end = (GawahPartialDate) { start.year + 1, 6, 0, GAWAH_PRECISION_MONTH };
      g_ptr_array_add (entries, gawah_timeline_entry_new (i + 1, &start, &end, ongoing,
                                                          provinces[i % G_N_ELEMENTS (provinces)],
                                                          "A synthetic incident"));
    }
  return entries;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        gint64     *times,
        guint       n_times,
        guint       n_items)
{
  qsort (times, n_times, sizeof (gint64), compare_times);
  printf ("%s: median %.2f ms, max %.2f ms (%d incidents, %u items)\n", what,
          times[n_times / 2] / 1000.0, times[n_times - 1] / 1000.0, N_INCIDENTS, n_items);
}

static guint
count_items (GawahTimelineLayout *layout)
{
  guint total = 0;

  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_items;

      gawah_timeline_layout_get_items (layout, lane, &n_items);
      total += n_items;
    }
  return total;
}

static void
time_layout (const char         *what,
             GawahTimelineIndex *index,
             gint32              first_day,
             gint32              last_day)
{
  gint64 times[N_RUNS];
  guint n_items = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GawahTimelineLayout) layout = gawah_timeline_layout_new (index, first_day, last_day,
                                                                         WIDTH_PX, MARK_PX);

      times[run] = g_get_monotonic_time () - start;
      n_items = count_items (layout);
    }
  report (what, times, N_RUNS, n_items);
}

static void
time_index (GPtrArray *entries,
            gint32     today)
{
  gint64 times[N_RUNS / 5];

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GawahTimelineIndex) index = gawah_timeline_index_new (entries, today);

      times[run] = g_get_monotonic_time () - start;
    }
  report ("index (once per entries set)", times, G_N_ELEMENTS (times), 0);
}

static void
time_query (const char *path,
            const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_open (path, passphrase, &error);
  GPtrArray *warm_up;
  gint64 start;

  if (casebook == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      exit (EXIT_FAILURE);
    }
  warm_up = gawah_casebook_timeline_entries (casebook, NULL, GAWAH_TIMELINE_LANES_NONE, GAWAH_TIMELINE_INCIDENTS_ONLY, NULL, NULL);
  /* The first query reads the casebook's pages in: not what a later one costs. */
  g_clear_pointer (&warm_up, g_ptr_array_unref);
  for (GawahTimelineLanes lanes = GAWAH_TIMELINE_LANES_NONE; lanes <= GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE; lanes++)
    {
      g_autoptr(GPtrArray) entries = NULL;

      start = g_get_monotonic_time ();
      entries = gawah_casebook_timeline_entries (casebook, NULL, lanes, GAWAH_TIMELINE_INCIDENTS_ONLY, NULL, &error);
      g_assert_no_error (error);
      printf ("query, lanes %d: %.1f ms (%u entries)\n", lanes,
              (g_get_monotonic_time () - start) / 1000.0, entries->len);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) entries = make_entries ();
  g_autoptr(GawahTimelineIndex) index = NULL;
  gint32 today = gawah_timeline_day (2026, 11, 28);

  index = gawah_timeline_index_new (entries, today);
  time_index (entries, today);
  time_layout ("layout full range 1990-2026", index, gawah_timeline_day (1990, 1, 1), gawah_timeline_day (2026, 12, 31));
  time_layout ("layout one year 2019", index, gawah_timeline_day (2019, 1, 1), gawah_timeline_day (2019, 12, 31));
  time_layout ("layout one month 2019-03", index, gawah_timeline_day (2019, 3, 1), gawah_timeline_day (2019, 3, 31));
  if (argc == 3)
    time_query (argv[1], argv[2]);
  return EXIT_SUCCESS;
}
