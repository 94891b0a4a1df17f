/* gawah-timeline-layout.c: the timeline's index and its layout per viewport
 *
 * The index turns entries into day spans sorted by first day, once; a
 * layout for one viewport then only binary-searches the visible spans and
 * groups them into fixed columns. That is what keeps a zoomed-out pass over
 * 100,000 incidents inside one frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-timeline.h"

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

/* g_array_sort() is stable: equal days keep the entries' order. */
static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->first_day > y->first_day) - (x->first_day < y->first_day);
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
