/* gawah-timeline.c: the timeline's day axis, spans and ticks
 *
 * One axis of whole days (day 0 is 1900-01-01) on which every partial date
 * becomes a span: what the source says, and no more exact than that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-timeline.h"

/* ---- The day axis ---- */

/* Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil): plain arithmetic, since the index converts 100,000
 * dates and GDate would allocate or validate each one. */
static gint32
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

#define DAYS_1900_TO_1970 25567

gint32
gawah_timeline_day (int year,
                    int month,
                    int day)
{
  return days_from_civil (year, month, day) + DAYS_1900_TO_1970;
}

void
gawah_timeline_day_to_date (gint32  axis_day,
                            int    *year,
                            int    *month,
                            int    *day)
{
  int z = axis_day - DAYS_1900_TO_1970 + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int m = mp + (mp < 10 ? 3 : -9);

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = m;
  *year = yoe + era * 400 + (m <= 2);
}

gint32
gawah_timeline_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return gawah_timeline_day (g_date_time_get_year (now), g_date_time_get_month (now),
                             g_date_time_get_day_of_month (now));
}

static int
days_in_month (int year,
               int month)
{
  return gawah_timeline_day (month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) -
         gawah_timeline_day (year, month, 1);
}

/* ---- Spans ---- */

/* What one partial date covers. The fields given decide the extent, so a
 * malformed "day" precision without a day still gets its month. */
static void
date_bounds (const GawahPartialDate *date,
             gint32                 *first,
             gint32                 *last,
             gboolean               *fuzzy)
{
  int y = date->year, m = date->month, d = date->day;
  gboolean approximate = date->precision == GAWAH_PRECISION_APPROXIMATE;

  *fuzzy = date->precision != GAWAH_PRECISION_DAY || d == 0;
  if (m >= 1 && m <= 12 && d >= 1)
    {
      /* "Around 12 May": half a month either side. */
      *first = gawah_timeline_day (y, m, d) - (approximate ? 15 : 0);
      *last = *first + (approximate ? 30 : 0);
    }
  else if (m >= 1 && m <= 12)
    {
      *first = gawah_timeline_day (y, m, 1);
      *last = *first + days_in_month (y, m) - 1;
    }
  else
    {
      *first = gawah_timeline_day (y, 1, 1);
      *last = gawah_timeline_day (y, 12, 31);
    }
}

gboolean
gawah_timeline_span (const GawahTimelineEntry *entry,
                     gint64                    today,
                     gint32                   *first_day,
                     gint32                   *last_day,
                     gboolean                 *fuzzy)
{
  gint32 first, last;
  gboolean is_fuzzy;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (!gawah_partial_date_is_known (&entry->start))
    return FALSE;
  date_bounds (&entry->start, &first, &last, &is_fuzzy);
  if (entry->ongoing)
    {
      last = MAX (last, (gint32) today);
    }
  else if (gawah_partial_date_is_known (&entry->end))
    {
      gint32 end_first, end_last;
      gboolean end_fuzzy;

      /* The end bounds the bar even when the start's own extent is wider
       * ("2019" to 5 March 2019 cannot have run past March). */
      date_bounds (&entry->end, &end_first, &end_last, &end_fuzzy);
      last = MAX (end_last, first);
      is_fuzzy |= end_fuzzy;
    }
  *first_day = first;
  *last_day = last;
  *fuzzy = is_fuzzy;
  return TRUE;
}

gboolean
gawah_timeline_extent (const GPtrArray *entries,
                       gint64           today,
                       gint32          *first_day,
                       gint32          *last_day)
{
  gint32 lo = G_MAXINT32, hi = G_MININT32;

  g_return_val_if_fail (entries != NULL, FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      gint32 first, last;
      gboolean fuzzy;

      if (!gawah_timeline_span (g_ptr_array_index ((GPtrArray *) entries, i), today, &first, &last, &fuzzy))
        continue;
      lo = MIN (lo, first);
      hi = MAX (hi, last);
    }
  if (lo > hi)
    return FALSE;
  *first_day = lo;
  *last_day = hi;
  return TRUE;
}

/* ---- Entries ---- */

GawahTimelineEntry *
gawah_timeline_entry_new (gint64                  id,
                          const GawahPartialDate *start,
                          const GawahPartialDate *end,
                          gboolean                ongoing,
                          const char             *lane,
                          const char             *title)
{
  gsize title_size = strlen (title != NULL ? title : "") + 1;
  GawahTimelineEntry *entry = g_malloc (sizeof *entry + title_size);
  char *title_copy = (char *) (entry + 1);

  /* One allocation for the entry and its title: 100,000 entries cost
   * 100,000 mallocs, not 200,000, and g_free releases both. */
  memcpy (title_copy, title != NULL ? title : "", title_size);
  entry->id = id;
  entry->start = *start;
  entry->end = *end;
  entry->ongoing = ongoing;
  entry->lane = g_intern_string (lane);
  entry->title = title_copy;
  entry->kind = GAWAH_TIMELINE_ENTRY_INCIDENT;
  entry->action = NULL;
  entry->due = FALSE;
  return entry;
}

/* ---- Axis ticks ---- */

typedef struct {
  GawahTimelineTickKind unit;
  int                   step;
  double                days;
} TickStep;

/* Steps that read naturally, finest first. */
static const TickStep tick_steps[] = {
  { GAWAH_TIMELINE_TICK_DAY, 1, 1 },
  { GAWAH_TIMELINE_TICK_DAY, 2, 2 },
  { GAWAH_TIMELINE_TICK_DAY, 5, 5 },
  { GAWAH_TIMELINE_TICK_DAY, 10, 10 },
  { GAWAH_TIMELINE_TICK_MONTH, 1, 30.44 },
  { GAWAH_TIMELINE_TICK_MONTH, 3, 91.31 },
  { GAWAH_TIMELINE_TICK_MONTH, 6, 182.62 },
  { GAWAH_TIMELINE_TICK_YEAR, 1, 365.25 },
  { GAWAH_TIMELINE_TICK_YEAR, 2, 730.5 },
  { GAWAH_TIMELINE_TICK_YEAR, 5, 1826.25 },
  { GAWAH_TIMELINE_TICK_DECADE, 1, 3652.5 },
  { GAWAH_TIMELINE_TICK_DECADE, 2, 7305 },
  { GAWAH_TIMELINE_TICK_DECADE, 5, 18262.5 },
  { GAWAH_TIMELINE_TICK_DECADE, 10, 36525 },
};

static const TickStep *
choose_tick_step (double px_per_day)
{
  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    if (tick_steps[i].days * px_per_day >= GAWAH_TIMELINE_TICK_MIN_PX)
      return &tick_steps[i];
  return &tick_steps[G_N_ELEMENTS (tick_steps) - 1];
}

static GawahTimelineTickKind
tick_kind (int year,
           int month,
           int day)
{
  if (day != 1)
    return GAWAH_TIMELINE_TICK_DAY;
  if (month != 1)
    return GAWAH_TIMELINE_TICK_MONTH;
  return year % 10 == 0 ? GAWAH_TIMELINE_TICK_DECADE : GAWAH_TIMELINE_TICK_YEAR;
}

/* Whether @day starts a step. Days restart at the 1st of every month; a
 * tick too close to the next month's 1st is left out so labels don't touch. */
static gboolean
is_tick (const TickStep *step,
         int             year,
         int             month,
         int             day)
{
  switch (step->unit)
    {
    case GAWAH_TIMELINE_TICK_DAY:
      return (day - 1) % step->step == 0 &&
             days_in_month (year, month) + 1 - day >= (step->step * 7 + 9) / 10;
    case GAWAH_TIMELINE_TICK_MONTH:
      return day == 1 && (month - 1) % step->step == 0;
    case GAWAH_TIMELINE_TICK_YEAR:
      return day == 1 && month == 1 && year % step->step == 0;
    case GAWAH_TIMELINE_TICK_DECADE:
    default:
      return day == 1 && month == 1 && year % (10 * step->step) == 0;
    }
}

/* The next day worth testing: coarse steps skip to the next 1st. */
static gint32
next_candidate (const TickStep *step,
                gint32          axis_day,
                int             year,
                int             month,
                int             day)
{
  switch (step->unit)
    {
    case GAWAH_TIMELINE_TICK_DAY:
      return axis_day + 1;
    case GAWAH_TIMELINE_TICK_MONTH:
      return axis_day - day + 1 + days_in_month (year, month);
    case GAWAH_TIMELINE_TICK_YEAR:
    case GAWAH_TIMELINE_TICK_DECADE:
    default:
      return gawah_timeline_day (year + 1, 1, 1);
    }
}

void
gawah_timeline_ticks (gint32  first_day,
                      gint32  last_day,
                      double  width_px,
                      GArray *ticks_out)
{
  const TickStep *step;

  g_return_if_fail (last_day >= first_day);
  g_return_if_fail (width_px > 0);
  g_return_if_fail (ticks_out != NULL);

  step = choose_tick_step (width_px / (last_day - first_day + 1));
  for (gint32 d = first_day; d <= last_day;)
    {
      int year, month, day;

      gawah_timeline_day_to_date (d, &year, &month, &day);
      if (is_tick (step, year, month, day))
        {
          GawahTimelineTick tick = { d, tick_kind (year, month, day) };

          g_array_append_val (ticks_out, tick);
        }
      d = next_candidate (step, d, year, month, day);
    }
}
