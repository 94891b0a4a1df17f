/* gawah-timeline.c: the casebook timeline's data and layout
 *
 * Entries come from one query; an index turns them into day spans sorted by
 * first day, once; a layout for one viewport then only binary-searches the
 * visible spans and groups them into fixed columns. That is what keeps a
 * zoomed-out pass over 100,000 incidents inside one frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-casebook-private.h"
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
  return entry;
}

/* The list's filter (gawah-incident-query.c), the same parameters ?1–?9;
 * keep the two in step. */
#define FILTER_SQL \
  " (?1 IS NULL OR i.id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1))" \
  " AND (?2 IS NULL OR i.province = ?2)" \
  " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM act a WHERE a.incident_id = i.id AND a.act_type = ?3))" \
  " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM act a JOIN person_category c ON c.person_id = a.victim_id" \
  "      WHERE a.incident_id = i.id AND c.category = ?4))" \
  " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM act a JOIN involvement v ON v.act_id = a.id" \
  "      JOIN person p ON p.id = v.perpetrator_id WHERE a.incident_id = i.id AND p.perpetrator_type = ?5))" \
  " AND (?6 IS NULL OR i.status = ?6)" \
  " AND (?7 IS NULL OR i.start_date >= ?7)" \
  " AND (?8 IS NULL OR i.start_date <= ?8)" \
  " AND (?9 IS NULL OR i.id IN (SELECT incident_id FROM act WHERE victim_id = ?9" \
  "      UNION SELECT a.incident_id FROM involvement v JOIN act a ON a.id = v.act_id WHERE v.perpetrator_id = ?9" \
  "      UNION SELECT incident_id FROM source WHERE person_id = ?9))"

/* Each lane kind is a (incident_id, lane) relation joined once. */
static const char *
lane_join (GawahTimelineLanes lanes)
{
  switch (lanes)
    {
    case GAWAH_TIMELINE_LANES_NONE:
      return "(SELECT NULL AS incident_id, NULL AS lane WHERE 0)";
    case GAWAH_TIMELINE_LANES_PROVINCE:
      return "(SELECT id AS incident_id, province AS lane FROM incident)";
    case GAWAH_TIMELINE_LANES_ACT_TYPE:
      return "(SELECT DISTINCT incident_id, act_type AS lane FROM act)";
    case GAWAH_TIMELINE_LANES_HRD_CATEGORY:
      return "(SELECT DISTINCT a.incident_id, c.category AS lane FROM act a"
             " JOIN person_category c ON c.person_id = a.victim_id)";
    case GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE:
      return "(SELECT DISTINCT a.incident_id, p.perpetrator_type AS lane FROM act a"
             " JOIN involvement v ON v.act_id = a.id JOIN person p ON p.id = v.perpetrator_id"
             " WHERE p.perpetrator_type IS NOT NULL)";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gpointer
read_entry (GawahCasebook *self,
            GawahStmt     *stmt)
{
  GawahPartialDate start, end;

  gawah_stmt_read_date (stmt, 2, &start);
  gawah_stmt_read_date (stmt, 4, &end);
  return gawah_timeline_entry_new (sqlite3_column_int64 (stmt, 0), &start, &end,
                                   sqlite3_column_int (stmt, 6) != 0,
                                   (const char *) sqlite3_column_text (stmt, 7),
                                   (const char *) sqlite3_column_text (stmt, 1));
}

/* "to 2019-03" includes every day of March 2019, as in the list. */
static char *
end_of_range (const GawahPartialDate *to)
{
  g_autofree char *iso = gawah_partial_date_to_iso (to);

  return iso != NULL ? g_strconcat (iso, "-99", NULL) : NULL;
}

static void
bind_filter (GawahStmt                 *stmt,
             const GawahIncidentFilter *filter)
{
  g_autofree char *match = gawah_search_expression (filter->text);
  g_autofree char *from = gawah_partial_date_to_iso (&filter->from);
  g_autofree char *to = end_of_range (&filter->to);

  gawah_stmt_bind_text_or_null (stmt, 1, match);
  gawah_stmt_bind_text_or_null (stmt, 2, filter->province);
  gawah_stmt_bind_text_or_null (stmt, 3, filter->act_type);
  gawah_stmt_bind_text_or_null (stmt, 4, filter->hrd_category);
  gawah_stmt_bind_text_or_null (stmt, 5, filter->perpetrator_type);
  gawah_stmt_bind_text_or_null (stmt, 6, filter->status);
  gawah_stmt_bind_text_or_null (stmt, 7, from);
  gawah_stmt_bind_text_or_null (stmt, 8, to);
  gawah_stmt_bind_id_or_null (stmt, 9, filter->person_id);
}

GPtrArray *
gawah_casebook_timeline_entries (GawahCasebook              *self,
                                 const GawahIncidentFilter  *filter,
                                 GawahTimelineLanes          lanes,
                                 GError                    **error)
{
  static const GawahIncidentFilter no_filter = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(GawahStmt) stmt = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (lanes <= GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE, NULL);

  /* A LEFT JOIN keeps incidents with no code for the lane, in the NULL lane. */
  sql = g_strconcat ("SELECT i.id, i.title, i.start_date, i.start_precision, i.end_date, i.end_precision,"
                     " i.ongoing, l.lane FROM incident i LEFT JOIN ", lane_join (lanes),
                     " l ON l.incident_id = i.id WHERE", FILTER_SQL,
                     " ORDER BY l.lane IS NULL, l.lane, i.start_date, i.id", NULL);
  stmt = gawah_db_prepare (gawah_casebook_get_db (self), sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter != NULL ? filter : &no_filter);
  return gawah_collect_rows (self, stmt, read_entry, g_free, error);
}

/* ---- The index ---- */

/* Spans longer than this are few (ranges, ongoing cases) and kept apart, so
 * that the short ones can be found by first day alone. */
#define SHORT_SPAN_DAYS 400

typedef struct {
  gint32                    first_day;
  gint32                    last_day;
  const GawahTimelineEntry *entry;
  gboolean                  fuzzy;
} Span;

typedef struct {
  const char *code;
  GArray     *short_spans;   /* Span, by first day */
  GArray     *long_spans;    /* Span, by first day */
  gint32      max_short_days;
} IndexLane;

struct _GawahTimelineIndex
{
  GPtrArray *entries;
  GArray    *lanes;          /* IndexLane, by code, NULL last */
};

static void
index_lane_clear (gpointer data)
{
  IndexLane *lane = data;

  g_clear_pointer (&lane->short_spans, g_array_unref);
  g_clear_pointer (&lane->long_spans, g_array_unref);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->first_day != y->first_day)
    return x->first_day < y->first_day ? -1 : 1;
  return (x->entry->id > y->entry->id) - (x->entry->id < y->entry->id);
}

static int
compare_lane_codes (gconstpointer a,
                    gconstpointer b)
{
  const IndexLane *x = a, *y = b;

  if (x->code == NULL || y->code == NULL)
    return (x->code == NULL) - (y->code == NULL);
  return strcmp (x->code, y->code);
}

/* Lane codes are interned, so a pointer identifies a lane. */
static IndexLane *
lookup_lane (GawahTimelineIndex *index,
             GHashTable         *by_code,
             const char         *code)
{
  gpointer position;

  if (!g_hash_table_lookup_extended (by_code, code, NULL, &position))
    {
      IndexLane lane = { code, g_array_new (FALSE, FALSE, sizeof (Span)),
                         g_array_new (FALSE, FALSE, sizeof (Span)), 0 };

      position = GUINT_TO_POINTER (index->lanes->len);
      g_array_append_val (index->lanes, lane);
      g_hash_table_insert (by_code, (gpointer) code, position);
    }
  return &g_array_index (index->lanes, IndexLane, GPOINTER_TO_UINT (position));
}

static void
index_add_entry (GawahTimelineIndex       *index,
                 GHashTable               *by_code,
                 const GawahTimelineEntry *entry,
                 gint64                    today)
{
  IndexLane *lane = lookup_lane (index, by_code, entry->lane);
  Span span = { .entry = entry };

  if (!gawah_timeline_span (entry, today, &span.first_day, &span.last_day, &span.fuzzy))
    return;
  if (span.last_day - span.first_day < SHORT_SPAN_DAYS)
    {
      g_array_append_val (lane->short_spans, span);
      lane->max_short_days = MAX (lane->max_short_days, span.last_day - span.first_day);
    }
  else
    {
      g_array_append_val (lane->long_spans, span);
    }
}

GawahTimelineIndex *
gawah_timeline_index_new (GPtrArray *entries,
                          gint64     today)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (NULL, NULL);
  GawahTimelineIndex *index;

  g_return_val_if_fail (entries != NULL, NULL);

  index = g_atomic_rc_box_new0 (GawahTimelineIndex);
  index->entries = g_ptr_array_ref (entries);
  index->lanes = g_array_new (FALSE, FALSE, sizeof (IndexLane));
  g_array_set_clear_func (index->lanes, index_lane_clear);
  for (guint i = 0; i < entries->len; i++)
    index_add_entry (index, by_code, g_ptr_array_index (entries, i), today);
  g_array_sort (index->lanes, compare_lane_codes);
  for (guint i = 0; i < index->lanes->len; i++)
    {
      IndexLane *lane = &g_array_index (index->lanes, IndexLane, i);

      g_array_sort (lane->short_spans, compare_spans);
      g_array_sort (lane->long_spans, compare_spans);
    }
  return index;
}

GawahTimelineIndex *
gawah_timeline_index_ref (GawahTimelineIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);

  return g_atomic_rc_box_acquire (index);
}

static void
index_clear (gpointer data)
{
  GawahTimelineIndex *index = data;

  g_clear_pointer (&index->lanes, g_array_unref);
  g_clear_pointer (&index->entries, g_ptr_array_unref);
}

void
gawah_timeline_index_unref (GawahTimelineIndex *index)
{
  g_return_if_fail (index != NULL);

  g_atomic_rc_box_release_full (index, index_clear);
}

guint
gawah_timeline_index_get_n_lanes (GawahTimelineIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->lanes->len;
}

/* ---- The layout ---- */

typedef struct {
  GawahTimelineItem item;
  double            centre_sum;
} Column;

typedef struct {
  const char *code;
  GArray     *items;         /* GawahTimelineItem: bars, then marks */
} LayoutLane;

struct _GawahTimelineLayout
{
  GawahTimelineIndex *index;
  GArray             *lanes; /* LayoutLane */
};

/* The viewport in pixels, and the columns that bins are made of. Columns
 * are counted from day 0, not from the viewport, so panning keeps them. */
typedef struct {
  gint32  first_day, last_day;
  double  px_per_day;
  double  mark_px;
  gint64  first_column;
  guint   n_columns;
  Column *marks;
  Column *bars;
} Viewport;

/* floor() without libm, which the core does not link. */
static gint64
floor_to_int (double value)
{
  gint64 truncated = (gint64) value;

  return truncated - (value < truncated);
}

static guint
column_of (const Viewport *view,
           gint32          day)
{
  gint64 column = floor_to_int (day * view->px_per_day / view->mark_px) - view->first_column;

  /* Bars that begin before the viewport share its first column. */
  return (guint) CLAMP (column, 0, (gint64) view->n_columns - 1);
}

static void
column_add (Column     *column,
            const Span *span,
            double      x0,
            double      x1)
{
  GawahTimelineItem *item = &column->item;

  if (item->count == 0)
    {
      *item = (GawahTimelineItem) { x0, x1, span->fuzzy, FALSE, 1, span->entry->id, span->entry,
                                    span->first_day, span->last_day };
      return;
    }
  item->x0 = MIN (item->x0, x0);
  item->x1 = MAX (item->x1, x1);
  item->fuzzy |= span->fuzzy;
  item->is_bin = TRUE;
  item->count++;
  item->id = 0;
  item->entry = NULL;
  item->first_day = MIN (item->first_day, span->first_day);
  item->last_day = MAX (item->last_day, span->last_day);
}

static void
place_span (Viewport   *view,
            const Span *span)
{
  double x0 = (span->first_day - view->first_day) * view->px_per_day;
  double x1 = (span->last_day + 1 - view->first_day) * view->px_per_day;
  Column *columns = x1 - x0 < view->mark_px ? view->marks : view->bars;

  if (span->last_day < view->first_day || span->first_day > view->last_day)
    return;
  column_add (&columns[column_of (view, span->first_day)], span, x0, x1);
}

/* The first span whose first day is at least @day. */
static guint
lower_bound (GArray *spans,
             gint32  day)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, Span, mid).first_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
place_spans (Viewport *view,
             GArray   *spans,
             gint32    max_days)
{
  guint from = lower_bound (spans, view->first_day - max_days);

  for (guint i = from; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (span->first_day > view->last_day)
        break;
      place_span (view, span);
    }
}

/* A mark is drawn min_mark_px wide around its centre; a bin of marks fills
 * its column. */
static void
widen_mark (const Viewport    *view,
            guint              column,
            GawahTimelineItem *item)
{
  double centre = (item->x0 + item->x1) / 2;

  if (item->is_bin)
    {
      item->x0 = (view->first_column + column) * view->mark_px - view->first_day * view->px_per_day;
      item->x1 = item->x0 + view->mark_px;
    }
  else
    {
      item->x0 = centre - view->mark_px / 2;
      item->x1 = centre + view->mark_px / 2;
    }
}

static GArray *
collect_items (Viewport *view)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (GawahTimelineItem));

  /* Bars first, so that drawing in order leaves marks on top. */
  for (guint c = 0; c < view->n_columns; c++)
    if (view->bars[c].item.count > 0)
      g_array_append_val (items, view->bars[c].item);
  for (guint c = 0; c < view->n_columns; c++)
    if (view->marks[c].item.count > 0)
      {
        widen_mark (view, c, &view->marks[c].item);
        g_array_append_val (items, view->marks[c].item);
      }
  return items;
}

static LayoutLane
layout_lane (Viewport        *view,
             const IndexLane *lane)
{
  LayoutLane result = { lane->code, NULL };

  memset (view->marks, 0, view->n_columns * sizeof (Column));
  memset (view->bars, 0, view->n_columns * sizeof (Column));
  place_spans (view, lane->short_spans, lane->max_short_days);
  place_spans (view, lane->long_spans, G_MAXINT32 / 2);
  result.items = collect_items (view);
  return result;
}

static void
layout_lane_clear (gpointer data)
{
  LayoutLane *lane = data;

  g_clear_pointer (&lane->items, g_array_unref);
}

GawahTimelineLayout *
gawah_timeline_layout_new (GawahTimelineIndex *index,
                           gint32              first_visible_day,
                           gint32              last_visible_day,
                           double              width_px,
                           double              min_mark_px)
{
  GawahTimelineLayout *layout;
  Viewport view;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (last_visible_day >= first_visible_day, NULL);
  g_return_val_if_fail (width_px > 0 && min_mark_px > 0, NULL);

  view.first_day = first_visible_day;
  view.last_day = last_visible_day;
  view.px_per_day = width_px / (last_visible_day - first_visible_day + 1);
  view.mark_px = min_mark_px;
  view.first_column = floor_to_int (first_visible_day * view.px_per_day / min_mark_px);
  view.n_columns = (guint) (width_px / min_mark_px) + 3;
  view.marks = g_new (Column, view.n_columns);
  view.bars = g_new (Column, view.n_columns);

  layout = g_new0 (GawahTimelineLayout, 1);
  layout->index = gawah_timeline_index_ref (index);
  layout->lanes = g_array_sized_new (FALSE, FALSE, sizeof (LayoutLane), index->lanes->len);
  g_array_set_clear_func (layout->lanes, layout_lane_clear);
  for (guint i = 0; i < index->lanes->len; i++)
    {
      LayoutLane lane = layout_lane (&view, &g_array_index (index->lanes, IndexLane, i));

      g_array_append_val (layout->lanes, lane);
    }
  g_free (view.marks);
  g_free (view.bars);
  return layout;
}

void
gawah_timeline_layout_free (GawahTimelineLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->lanes);
  gawah_timeline_index_unref (layout->index);
  g_free (layout);
}

guint
gawah_timeline_layout_get_n_lanes (GawahTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->lanes->len;
}

const char *
gawah_timeline_layout_get_lane (GawahTimelineLayout *layout,
                                guint                lane)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (lane < layout->lanes->len, NULL);

  return g_array_index (layout->lanes, LayoutLane, lane).code;
}

const GawahTimelineItem *
gawah_timeline_layout_get_items (GawahTimelineLayout *layout,
                                 guint                lane,
                                 guint               *n_items)
{
  GArray *items;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (lane < layout->lanes->len, NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  items = g_array_index (layout->lanes, LayoutLane, lane).items;
  *n_items = items->len;
  return (const GawahTimelineItem *) (gpointer) items->data;
}

const GawahTimelineItem *
gawah_timeline_layout_item_at (GawahTimelineLayout *layout,
                               guint                lane,
                               double               x)
{
  const GawahTimelineItem *items;
  guint n_items;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (lane < layout->lanes->len, NULL);

  /* From the last drawn: what is on top is what the pointer is on. */
  items = gawah_timeline_layout_get_items (layout, lane, &n_items);
  for (guint i = n_items; i > 0; i--)
    if (x >= items[i - 1].x0 && x < items[i - 1].x1)
      return &items[i - 1];
  return NULL;
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
