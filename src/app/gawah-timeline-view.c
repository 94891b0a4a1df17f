/* gawah-timeline-view.c: the casebook on a zoomable time axis
 *
 * Drawn with GtkSnapshot from a layout that the core computes for one
 * viewport (gawah-timeline.h). The layout, the rows marks are packed into
 * and the text of badges are rebuilt only when the data, the size or the
 * viewport change; snapshot() only draws what they hold, so that panning
 * over 100,000 incidents stays smooth.
 *
 * The viewport is kept in fractional days, so that panning at day zoom is
 * smooth although the core lays out whole days. In right-to-left locales
 * time runs from right to left: every x is mirrored once, when items are
 * placed, and text is never mirrored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gawah-incident-row.h"
#include "gawah-date-text.h"
#include "gawah-timeline-view.h"
#include "gawah-vocabulary.h"
#include "gawah-widget-util.h"

#define PAD          12.0
#define LABEL_MAX    180.0   /* lane labels are ellipsized beyond this */
#define LANE_MIN     40.0
#define ROW_H        24.0
#define MARK_PX      24.0    /* a bin's column: room for a dot or a badge */
#define BAR_H        10.0
#define DOT_D        12.0
#define BAND_H       18.0
#define BADGE_H      20.0
#define MIN_DAYS     5.0     /* zoomed in: days */
#define MAX_DAYS     (100 * 365.25)
#define ZOOM_STEP    1.5
#define ONGOING_ROOM 80.0
#define UNDATED_LANE ""

typedef enum {
  SHAPE_DOT,                        /* one incident, narrower than a mark */
  SHAPE_BAR,                        /* one incident over a span of days */
  SHAPE_BADGE,                      /* a bin: how many incidents */
} Shape;

typedef struct {
  guint                    lane;
  const GawahTimelineItem *item;    /* in self->layout */
  Shape                    kind;
  graphene_rect_t          shape;   /* in widget coordinates, mirrored */
  PangoLayout             *text;    /* a bin's count or an ongoing case's days */
} Placed;

typedef struct {
  double time_x, time_width;        /* logical (left-to-right) coordinates */
  double axis_height, lane_height, footer_height;
  double label_width;
} Geometry;

struct _GawahTimelineView
{
  GtkWidget             parent_instance;

  /* owned */
  GawahCasebook        *casebook;
  GawahIncidentFilter   filter;
  GawahTimelineLanes    lanes;
  GPtrArray            *entries;
  GawahTimelineIndex   *index;
  GPtrArray            *lane_labels;  /* PangoLayout, one a lane of the index */
  guint                 n_undated;
  PangoLayout          *undated_label;
  gint32                extent_first;  /* fit all: every dated entry */
  gint32                extent_last;
  PangoFontDescription *font;           /* the labels were laid out in */
  gint32                today;

  gboolean              stale;        /* reload when mapped */
  GCancellable         *loading;      /* while a worker reads the casebook */

  /* the viewport */
  int                   width, height;
  double                first_day;
  double                n_days;
  gboolean              fitted;

  /* rebuilt with the viewport: NULL when out of date */
  GawahTimelineLayout  *layout;
  Geometry              geometry;
  GArray               *placed;       /* Placed, in drawing order */
  GArray               *ticks;        /* GawahTimelineTick */
  GPtrArray            *tick_labels;  /* PangoLayout, one a tick */
  GArray               *stops;        /* guint into placed, in time order */

  /* interaction */
  int                   focus;        /* into stops, or -1 */
  gint64                focus_id;     /* kept across layouts */
  gint32                focus_day;
  int                   hover;        /* into placed, or -1 */
  double                pointer_x;
  double                pinch_days;
  double                pinch_anchor;
};

enum {
  SIGNAL_INCIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahTimelineView, gawah_timeline_view, GTK_TYPE_WIDGET)

static gboolean
is_rtl (GawahTimelineView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static GdkRGBA
foreground (GtkWidget *widget,
            float      alpha)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= alpha;
  return color;
}

static GdkRGBA
with_alpha (GdkRGBA color,
            float   alpha)
{
  color.alpha *= alpha;
  return color;
}

/* Invalidation */

static void
clear_layout (GawahTimelineView *self)
{
  g_clear_pointer (&self->layout, gawah_timeline_layout_free);
  for (guint i = 0; i < self->placed->len; i++)
    g_clear_object (&g_array_index (self->placed, Placed, i).text);
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->stops, 0);
  g_array_set_size (self->ticks, 0);
  g_ptr_array_set_size (self->tick_labels, 0);
  self->hover = -1;
}

static void
viewport_changed (GawahTimelineView *self)
{
  clear_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Incidents without a known start cannot be placed, but are counted. */
static void
build_undated_label (GawahTimelineView *self)
{
  g_autofree char *text = NULL;

  g_clear_object (&self->undated_label);
  if (self->n_undated == 0)
    return;
  /* Translators: incidents whose date is unknown cannot be placed on the timeline. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident without a date", "%u incidents without a date",
                                       self->n_undated), self->n_undated);
  self->undated_label = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

/* Lane labels depend on the font and the language: rebuilt with the data
 * and when the font changes. */
static void
build_lane_labels (GawahTimelineView *self)
{
  build_undated_label (self);
  g_ptr_array_set_size (self->lane_labels, 0);
  if (self->index == NULL || self->lanes == GAWAH_TIMELINE_LANES_NONE)
    return;
  {
    g_autoptr(GawahTimelineLayout) probe = gawah_timeline_layout_new (self->index, 0, 0, 1, 1);

    for (guint i = 0; i < gawah_timeline_layout_get_n_lanes (probe); i++)
      {
        const char *code = gawah_timeline_layout_get_lane (probe, i);
        const char *vocabulary[] = { NULL, GAWAH_VOCAB_PROVINCE, GAWAH_VOCAB_ACT_TYPE,
                                     GAWAH_VOCAB_HRD_CATEGORY, GAWAH_VOCAB_PERPETRATOR_TYPE };
        const char *text = code != NULL
          ? gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary[self->lanes], code)
          : _("Not recorded");
        PangoLayout *label = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

        pango_layout_set_width (label, (int) (LABEL_MAX * PANGO_SCALE));
        pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
        g_ptr_array_add (self->lane_labels, label);
      }
  }
}

/* Reading and indexing 100,000 incidents takes a few hundred milliseconds:
 * that runs in a worker thread, so that typing in the search entry never
 * stalls the window. Until the new index arrives the view goes on drawing
 * the one it has. A newer request cancels the one before it. */
typedef struct {
  GawahCasebook        *casebook;
  GawahIncidentFilter   filter;
  GawahTimelineLanes    lanes;
  GawahTimelineContent  content;
  gint32                today;
} LoadRequest;

typedef struct {
  GPtrArray          *entries;
  GawahTimelineIndex *index;
  guint               n_undated;
  gboolean            has_extent;
  gint32              extent_first;
  gint32              extent_last;
} Loaded;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->casebook);
  gawah_incident_filter_clear (&request->filter);
  g_free (request);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->index, gawah_timeline_index_unref);
  g_clear_pointer (&loaded->entries, g_ptr_array_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

/* Incidents with no known start: said in words under the lanes. */
static guint
count_undated (GPtrArray *entries)
{
  g_autoptr(GHashTable) undated = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      GawahTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == GAWAH_TIMELINE_ENTRY_INCIDENT && !gawah_partial_date_is_known (&entry->start))
        g_hash_table_add (undated, &entry->id);
    }
  return g_hash_table_size (undated);
}

/* In the worker: nothing here may touch the widget. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  loaded->entries = gawah_casebook_timeline_entries (request->casebook, &request->filter, request->lanes,
                                                     request->content, cancellable, &error);
  if (loaded->entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  loaded->index = gawah_timeline_index_new (loaded->entries, request->today);
  loaded->has_extent = gawah_timeline_extent (loaded->entries, request->today,
                                              &loaded->extent_first, &loaded->extent_last);
  loaded->n_undated = count_undated (loaded->entries);
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_free);
}

static void
clear_data (GawahTimelineView *self)
{
  clear_layout (self);
  g_clear_pointer (&self->index, gawah_timeline_index_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->n_undated = 0;
  self->today = gawah_timeline_today ();
  /* With nothing dated, the last ten years. */
  self->extent_first = self->today - 3650;
  self->extent_last = self->today;
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  clear_data (self);
  if (loaded == NULL)
    g_warning ("Could not read the timeline: %s", error->message);
  else
    {
      self->entries = g_steal_pointer (&loaded->entries);
      self->index = g_steal_pointer (&loaded->index);
      self->n_undated = loaded->n_undated;
      if (loaded->has_extent)
        {
          self->extent_first = loaded->extent_first;
          self->extent_last = loaded->extent_last;
        }
    }
  build_lane_labels (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (!self->fitted && self->index != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    gawah_timeline_view_fit_all (self);
}

static void
cancel_loading (GawahTimelineView *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

/* One person's timeline is their history: it shows what was done about
 * each incident as well. The whole casebook's would drown in follow-ups. */
static void
reload (GawahTimelineView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  cancel_loading (self);
  if (self->casebook == NULL)
    {
      clear_data (self);
      build_lane_labels (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }
  request = g_new0 (LoadRequest, 1);
  request->casebook = g_object_ref (self->casebook);
  gawah_incident_filter_copy (&request->filter, &self->filter);
  request->lanes = self->lanes;
  request->content = self->filter.person_id != 0 ? GAWAH_TIMELINE_WITH_FOLLOW_UPS : GAWAH_TIMELINE_INCIDENTS_ONLY;
  request->today = gawah_timeline_today ();
  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_loaded_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_in_thread);
}

/* The list's filter changes with every word typed: a timeline that is not
 * shown reads the casebook when it is. A casebook that goes away (on lock)
 * is let go of at once. */
static void
request_reload (GawahTimelineView *self)
{
  self->stale = self->casebook != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    reload (self);
}

static void
gawah_timeline_view_map (GtkWidget *widget)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (gawah_timeline_view_parent_class)->map (widget);
  if (self->stale)
    request_reload (self);
}

/* Geometry */

static double
axis_height (GawahTimelineView *self)
{
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "2020");
  int height;

  pango_layout_get_pixel_size (probe, NULL, &height);
  return height + 18;
}

static Geometry
compute_geometry (GawahTimelineView *self)
{
  Geometry geometry = { 0 };
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n_lanes = MAX (self->lane_labels->len, 1);

  for (guint i = 0; i < self->lane_labels->len; i++)
    {
      int label_width;

      pango_layout_get_pixel_size (g_ptr_array_index (self->lane_labels, i), &label_width, NULL);
      geometry.label_width = MAX (geometry.label_width, label_width + 2 * PAD);
    }
  geometry.time_x = geometry.label_width + PAD;
  geometry.time_width = MAX (width - geometry.time_x - PAD, 1);
  geometry.axis_height = axis_height (self);
  if (self->undated_label != NULL)
    {
      int height;

      pango_layout_get_pixel_size (self->undated_label, NULL, &height);
      geometry.footer_height = height + 12;
    }
  geometry.lane_height = MAX (LANE_MIN, (gtk_widget_get_height (GTK_WIDGET (self)) - geometry.axis_height -
                                         geometry.footer_height) / n_lanes);
  return geometry;
}

/* Logical x (time running left to right) to widget x. */
static double
mirror (GawahTimelineView *self,
        double             x)
{
  return is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x : x;
}

static graphene_rect_t
mirror_rect (GawahTimelineView *self,
             double             x0,
             double             x1,
             double             y,
             double             height)
{
  double a = mirror (self, x0), b = mirror (self, x1);

  return GRAPHENE_RECT_INIT (MIN (a, b), y, fabs (b - a), height);
}

static double
px_per_day (GawahTimelineView *self)
{
  return self->geometry.time_width / self->n_days;
}

/* Placing items */

static PangoLayout *
new_text (GawahTimelineView *self,
          const char        *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

static char *
ongoing_days (GawahTimelineView       *self,
              const GawahTimelineItem *item)
{
  int days = self->today - item->first_day;

  /* Translators: how long an ongoing case (a disappearance) has lasted so far. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

/* What the item's shape takes along the axis, in logical x; @trailing is
 * the room its text needs after it (an ongoing case's days). */
static void
item_extent (GawahTimelineView *self,
             Placed            *placed,
             double             offset,
             double            *x0,
             double            *x1,
             double            *trailing)
{
  const GawahTimelineItem *item = placed->item;
  double centre, width = 0;
  int text_width = 0;

  *x0 = self->geometry.time_x + offset + item->x0;
  *x1 = self->geometry.time_x + offset + item->x1;
  *trailing = 0;
  centre = (*x0 + *x1) / 2;
  if (placed->kind == SHAPE_BADGE)
    {
      g_autofree char *count = g_strdup_printf ("%u", item->count);

      placed->text = new_text (self, count);
      pango_layout_get_pixel_size (placed->text, &text_width, NULL);
      /* A bin of marks is a badge; a bin of bars keeps its span. */
      width = MAX (text_width + 12, BADGE_H);
      if (*x1 - *x0 > MARK_PX + 0.5 && *x1 - *x0 > width)
        return;
    }
  else if (placed->kind == SHAPE_DOT)
    width = DOT_D;
  else
    {
      if (item->entry->ongoing)
        {
          g_autofree char *days = ongoing_days (self, item);

          placed->text = new_text (self, days);
          pango_layout_get_pixel_size (placed->text, &text_width, NULL);
          *trailing = text_width + 8;
        }
      return;
    }
  *x0 = centre - width / 2;
  *x1 = centre + width / 2;
}

/* Greedy packing into the rows a lane has room for, so that overlapping
 * cases stay apart; when rows run out, the least crowded row is shared. */
static guint
choose_row (double *row_ends,
            guint   n_rows,
            double  x0)
{
  guint best = 0;

  for (guint row = 0; row < n_rows; row++)
    {
      if (row_ends[row] + 3 <= x0)
        return row;
      if (row_ends[row] < row_ends[best])
        best = row;
    }
  return best;
}

static Shape
shape_of (const GawahTimelineItem *item)
{
  if (item->count > 1)
    return SHAPE_BADGE;
  return item->x1 - item->x0 <= MARK_PX + 0.5 ? SHAPE_DOT : SHAPE_BAR;
}

static double
shape_height (const GawahTimelineItem *item)
{
  switch (shape_of (item))
    {
    case SHAPE_BADGE:
      return BADGE_H;
    case SHAPE_DOT:
      return DOT_D;
    case SHAPE_BAR:
    default:
      return item->fuzzy ? BAND_H : BAR_H;
    }
}

static void
place_lane (GawahTimelineView *self,
            guint              lane,
            double             offset)
{
  const Geometry *geometry = &self->geometry;
  guint n_items, n_rows = MAX (1, (guint) ((geometry->lane_height - 8) / ROW_H));
  const GawahTimelineItem *items = gawah_timeline_layout_get_items (self->layout, lane, &n_items);
  g_autofree double *row_ends = g_new (double, n_rows);
  g_autofree guint *rows = g_new (guint, n_items);
  guint used = 1, first = self->placed->len;
  double top;

  for (guint row = 0; row < n_rows; row++)
    row_ends[row] = -G_MAXDOUBLE;
  for (guint i = 0; i < n_items; i++)
    {
      Placed placed = { lane, &items[i], shape_of (&items[i]) };
      double x0, x1, trailing;

      item_extent (self, &placed, offset, &x0, &x1, &trailing);
      rows[i] = choose_row (row_ends, n_rows, x0);
      row_ends[rows[i]] = MAX (row_ends[rows[i]], x1 + trailing);
      used = MAX (used, rows[i] + 1);
      placed.shape = mirror_rect (self, x0, x1, 0, shape_height (&items[i]));
      g_array_append_val (self->placed, placed);
    }
  /* The rows in use sit in the middle of the lane. */
  top = geometry->axis_height + lane * geometry->lane_height + (geometry->lane_height - used * ROW_H) / 2;
  for (guint i = 0; i < n_items; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, first + i);

      placed->shape.origin.y = top + rows[i] * ROW_H + (ROW_H - placed->shape.size.height) / 2;
    }
}

static int
compare_stops (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *placed = user_data;
  const Placed *x = &g_array_index (placed, Placed, *(const guint *) a);
  const Placed *y = &g_array_index (placed, Placed, *(const guint *) b);

  if (x->item->first_day != y->item->first_day)
    return x->item->first_day < y->item->first_day ? -1 : 1;
  return (int) x->lane - (int) y->lane;
}

/* How far a stop is from the day the focus was on: 0 if it covers it. */
static gint64
distance_to_day (const Placed *placed,
                 gint32        day)
{
  if (day < placed->item->first_day)
    return (gint64) placed->item->first_day - day;
  if (day > placed->item->last_day)
    return (gint64) day - placed->item->last_day;
  return 0;
}

/* The keyboard focus follows the incident it was on; on a group (which
 * regroups as the view zooms) or a mark no longer shown, it goes to the
 * stop nearest the day it was on. With no mark focused yet, none is: the
 * first key press must land on (and announce) the earliest one. */
static void
build_stops (GawahTimelineView *self)
{
  gint64 best_distance = G_MAXINT64;
  gboolean had_focus = self->focus >= 0;

  for (guint i = 0; i < self->placed->len; i++)
    g_array_append_val (self->stops, i);
  g_array_sort_with_data (self->stops, compare_stops, self->placed);
  self->focus = -1;
  if (!had_focus)
    return;
  for (guint i = 0; i < self->stops->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, g_array_index (self->stops, guint, i));
      gint64 distance = distance_to_day (placed, self->focus_day);

      if (self->focus_id != 0 && placed->item->id == self->focus_id)
        {
          self->focus = i;
          return;
        }
      if (distance < best_distance)
        {
          best_distance = distance;
          self->focus = i;
        }
    }
}

static void
build_ticks (GawahTimelineView *self,
             gint32             first,
             gint32             last)
{
  double width = (last - first + 1) * px_per_day (self);

  gawah_timeline_ticks (first, last, width, self->ticks);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      const GawahTimelineTick *tick = &g_array_index (self->ticks, GawahTimelineTick, i);
      int year, month, day;
      g_autofree char *text = NULL;

      gawah_timeline_day_to_date (tick->day, &year, &month, &day);
      if (tick->kind == GAWAH_TIMELINE_TICK_DAY)
        text = g_strdup_printf ("%d", day);
      else if (tick->kind == GAWAH_TIMELINE_TICK_MONTH)
        text = g_strdup (gawah_month_name (month));
      else
        text = g_strdup_printf ("%d", year);
      g_ptr_array_add (self->tick_labels, gtk_widget_create_pango_layout (GTK_WIDGET (self), text));
    }
}

static void
ensure_layout (GawahTimelineView *self)
{
  gint32 first, last;
  double offset;

  if (self->layout != NULL || self->index == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;
  self->geometry = compute_geometry (self);
  first = (gint32) floor (self->first_day);
  last = MAX (first, (gint32) ceil (self->first_day + self->n_days) - 1);
  offset = (first - self->first_day) * px_per_day (self);
  self->layout = gawah_timeline_layout_new (self->index, first, last, (last - first + 1) * px_per_day (self), MARK_PX);
  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (self->layout); lane++)
    place_lane (self, lane, offset);
  build_stops (self);
  build_ticks (self, first, last);
}

/* The viewport */

static void
clamp_viewport (GawahTimelineView *self)
{
  gint32 first = self->extent_first, last = self->extent_last;

  self->n_days = CLAMP (self->n_days, MIN_DAYS, MAX_DAYS);
  /* Some of the cases always stay in sight. */
  self->first_day = CLAMP (self->first_day, first - self->n_days * 0.9, last - self->n_days * 0.1);
}

static void
set_viewport (GawahTimelineView *self,
              double             first_day,
              double             n_days)
{
  self->first_day = first_day;
  self->n_days = n_days;
  clamp_viewport (self);
  viewport_changed (self);
}

static double
day_at (GawahTimelineView *self,
        double             widget_x)
{
  double logical = is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - widget_x : widget_x;

  return self->first_day + (logical - self->geometry.time_x) / px_per_day (self);
}

/* Zooming keeps the day under @widget_x where it is. */
static void
zoom_around (GawahTimelineView *self,
             double             factor,
             double             widget_x)
{
  double anchor, n_days;

  /* Before the first allocation there are no pixels to zoom around. */
  if (self->geometry.time_width <= 1)
    return;
  anchor = day_at (self, widget_x);
  n_days = CLAMP (self->n_days / factor, MIN_DAYS, MAX_DAYS);
  set_viewport (self, anchor - (anchor - self->first_day) * n_days / self->n_days, n_days);
}

static void
zoom_around_centre (GawahTimelineView *self,
                    double             factor)
{
  zoom_around (self, factor, mirror (self, self->geometry.time_x + self->geometry.time_width / 2));
}

/* @pixels towards later days. */
static void
pan (GawahTimelineView *self,
     double             pixels)
{
  if (self->geometry.time_width <= 1)
    return;
  set_viewport (self, self->first_day + pixels / px_per_day (self), self->n_days);
}

void
gawah_timeline_view_fit_all (GawahTimelineView *self)
{
  gint32 first = self->extent_first, last = self->extent_last;
  double margin, n_days;

  g_return_if_fail (GAWAH_IS_TIMELINE_VIEW (self));

  margin = MAX ((last - first + 1) * 0.04, 2);
  n_days = last - first + 1 + 2 * margin;
  /* Room after today for "1,567 days" at the end of an ongoing case. */
  if (self->geometry.time_width > 4 * ONGOING_ROOM)
    n_days *= self->geometry.time_width / (self->geometry.time_width - ONGOING_ROOM);
  set_viewport (self, first - margin, n_days);
  self->fitted = TRUE;
}

/* Describing */

static void
month_of (gint32            axis_day,
          GawahPartialDate *date)
{
  int year, month, day;

  gawah_timeline_day_to_date (axis_day, &year, &month, &day);
  *date = (GawahPartialDate) { year, month, 0, GAWAH_PRECISION_MONTH };
}

/* "Press release, about: Enforced disappearance of Idris Khattak / 2022", or
 * "Hearing, about: … / due 14 January 2027". */
static char *
describe_follow_up (const GawahTimelineEntry *entry)
{
  const char *action = gawah_vocabularies_label (gawah_vocabularies_get_default (),
                                                 GAWAH_VOCAB_FOLLOW_UP_TYPE, entry->action);
  g_autofree char *when = gawah_describe_dates (&entry->start, &entry->end, FALSE);

  if (entry->due)
    /* Translators: a follow-up action on a defender's timeline: its type, the incident it is about, and the date it is due. */
    return g_strdup_printf (_("%1$s, about: %2$s\ndue %3$s"), action, entry->title, when);
  /* Translators: a follow-up action on a defender's timeline: its type, the incident it is about, and when it was done. */
  return g_strdup_printf (_("%1$s, about: %2$s\n%3$s"), action, entry->title, when);
}

/* "Abduction of a journalist / November 2019 – ongoing (1,842 days)", or
 * "12 incidents / January 2014 – December 2016". */
static char *
describe_item (GawahTimelineView       *self,
               const GawahTimelineItem *item)
{
  GawahPartialDate from, to;
  g_autofree char *dates = NULL;
  g_autofree char *count = NULL;

  if (item->count == 1 && item->entry->kind == GAWAH_TIMELINE_ENTRY_FOLLOW_UP)
    return describe_follow_up (item->entry);
  if (item->count == 1)
    {
      g_autofree char *when = gawah_describe_dates (&item->entry->start, &item->entry->end, item->entry->ongoing);
      g_autofree char *days = item->entry->ongoing ? ongoing_days (self, item) : NULL;

      if (days != NULL)
        /* Translators: an incident's title, its dates, and how long the ongoing case has lasted. */
        return g_strdup_printf (_("%1$s\n%2$s (%3$s)"), item->entry->title, when, days);
      return g_strdup_printf ("%s\n%s", item->entry->title, when);
    }
  month_of (item->first_day, &from);
  month_of (MIN (item->last_day, self->today), &to);
  if (gawah_partial_date_compare (&from, &to) == 0)
    to.precision = GAWAH_PRECISION_UNKNOWN;
  dates = gawah_describe_dates (&from, &to, FALSE);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents", item->count), item->count);
  return g_strdup_printf ("%s\n%s", count, dates);
}

/* Focus and activation */

static const Placed *
focused (GawahTimelineView *self)
{
  ensure_layout (self);
  if (self->focus < 0 || (guint) self->focus >= self->stops->len)
    return NULL;
  return &g_array_index (self->placed, Placed, g_array_index (self->stops, guint, self->focus));
}

/* Screen readers hear the focused mark as the widget's description. */
static void
announce_focus (GawahTimelineView *self)
{
  const Placed *placed = focused (self);
  g_autofree char *text = placed != NULL ? describe_item (self, placed->item) : NULL;

  if (placed != NULL)
    {
      self->focus_id = placed->item->id;
      self->focus_day = placed->item->first_day;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
move_focus (GawahTimelineView *self,
            int                delta)
{
  int target;

  ensure_layout (self);
  target = self->focus < 0 ? (delta > 0 ? 0 : (int) self->stops->len - 1) : self->focus + delta;
  if (target < 0 || target >= (int) self->stops->len)
    return FALSE;
  self->focus = target;
  announce_focus (self);
  return TRUE;
}

/* A mark opens its incident; a bin opens up: the view zooms into it. */
static void
activate_placed (GawahTimelineView *self,
                 const Placed      *placed)
{
  const GawahTimelineItem *item = placed->item;
  double margin;

  if (item->count == 1)
    {
      g_signal_emit (self, signals[SIGNAL_INCIDENT_ACTIVATED], 0, item->id);
      return;
    }
  margin = MAX ((item->last_day - item->first_day + 1) * 0.1, 1);
  set_viewport (self, item->first_day - margin, item->last_day - item->first_day + 1 + 2 * margin);
}

static int
placed_at (GawahTimelineView *self,
           double             x,
           double             y)
{
  ensure_layout (self);
  /* From the last drawn: what is on top is what the pointer is on. */
  for (guint i = self->placed->len; i > 0; i--)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i - 1);
      graphene_rect_t target;

      /* Small marks get a finger-sized target. */
      graphene_rect_inset_r (&placed->shape, -4, -(ROW_H - placed->shape.size.height) / 2, &target);
      if (graphene_rect_contains_point (&target, &GRAPHENE_POINT_INIT (x, y)))
        return i - 1;
    }
  return -1;
}

gboolean
gawah_timeline_view_activate_at (GawahTimelineView *self,
                                 double             x,
                                 double             y)
{
  int index;

  g_return_val_if_fail (GAWAH_IS_TIMELINE_VIEW (self), FALSE);

  if ((index = placed_at (self, x, y)) < 0)
    return FALSE;
  for (guint i = 0; i < self->stops->len; i++)
    if (g_array_index (self->stops, guint, i) == (guint) index)
      self->focus = i;
  announce_focus (self);
  activate_placed (self, &g_array_index (self->placed, Placed, index));
  return TRUE;
}

/* Input */

static void
on_click_released_cb (GtkGestureClick   *gesture,
                      int                n_press,
                      double             x,
                      double             y,
                      GawahTimelineView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (gawah_timeline_view_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              GawahTimelineView        *self)
{
  int hover = placed_at (self, x, y);

  self->pointer_x = x;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             GawahTimelineView        *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Ctrl+scroll zooms around the pointer; scrolling pans. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              GawahTimelineView        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? 48 : 1;

  if (self->index == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    zoom_around (self, pow (1.2, -dy * (step > 1 ? 1 : 0.1)), self->pointer_x);
  else
    /* The wheel goes forward in time; sideways scrolling goes the way it points. */
    pan (self, (dx * (is_rtl (self) ? -1 : 1) + dy) * step);
  return TRUE;
}

static void
on_pinch_begin_cb (GtkGesture        *gesture,
                   GdkEventSequence  *sequence,
                   GawahTimelineView *self)
{
  double x, y;

  self->pinch_days = self->n_days;
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = self->pointer_x;
  self->pinch_anchor = x;
}

static void
on_pinch_cb (GtkGestureZoom    *gesture,
             double             scale,
             GawahTimelineView *self)
{
  if (scale > 0)
    zoom_around (self, self->n_days / (self->pinch_days / scale), self->pinch_anchor);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);

  ensure_layout (self);
  if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom_around_centre (self, ZOOM_STEP);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    zoom_around_centre (self, 1 / ZOOM_STEP);
  else
    gawah_timeline_view_fit_all (self);
}

/* Left and Right pan as the keys point, whichever way time runs. */
static gboolean
pan_key_cb (GtkWidget *widget,
            GVariant  *arguments,
            gpointer   user_data)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);
  int direction = g_variant_get_int32 (arguments);

  ensure_layout (self);
  pan (self, direction * self->geometry.time_width / 8 * (is_rtl (self) ? -1 : 1));
  return TRUE;
}

/* Up and Down step through the marks in time order. */
static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_focus (GAWAH_TIMELINE_VIEW (widget), g_variant_get_int32 (parameter));
}

/* Enter opens the focused mark, as a click would. */
static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);
  const Placed *placed = focused (self);

  if (placed != NULL)
    activate_placed (self, placed);
}

/* Tab walks through the marks in time order, then leaves the widget. */
static gboolean
gawah_timeline_view_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);
  int delta = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP || direction == GTK_DIR_LEFT ? -1 : 1;

  if (!gtk_widget_has_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      ensure_layout (self);
      if (self->focus < 0 || direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_TAB_FORWARD)
        self->focus = -1;
      move_focus (self, delta);
      return TRUE;
    }
  return move_focus (self, delta);
}

static gboolean
gawah_timeline_view_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);
  int index = keyboard_mode ? (focused (self) != NULL ? (int) g_array_index (self->stops, guint, self->focus) : -1)
                            : placed_at (self, x, y);
  g_autofree char *text = NULL;
  const Placed *placed;
  graphene_rect_t area;

  if (index < 0)
    return FALSE;
  placed = &g_array_index (self->placed, Placed, index);
  text = describe_item (self, placed->item);
  gtk_tooltip_set_text (tooltip, text);
  graphene_rect_inset_r (&placed->shape, -4, -4, &area);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { area.origin.x, area.origin.y, area.size.width, area.size.height });
  return TRUE;
}

/* Drawing */

typedef struct {
  GdkRGBA fg, dim, faint, grid, accent, accent_fg, ongoing, follow_up, background;
} Palette;

static Palette
get_palette (GtkWidget *widget)
{
  return (Palette) {
    .fg = foreground (widget, 0.85f),
    .dim = foreground (widget, 0.55f),
    .faint = foreground (widget, 0.03f),
    .grid = foreground (widget, 0.08f),
    .accent = gawah_widget_theme_color (widget, "accent_bg_color", "#3584e4"),
    .accent_fg = gawah_widget_theme_color (widget, "accent_fg_color", "#ffffff"),
    .ongoing = gawah_widget_theme_color (widget, "destructive_bg_color", "#e01b24"),
    .follow_up = gawah_widget_theme_color (widget, "success_bg_color", "#26a269"),
    .background = gawah_widget_theme_color (widget, "view_bg_color", "#ffffff"),
  };
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_ring (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             double                 radius,
             float                  width,
             const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
draw_lanes (GawahTimelineView *self,
            GtkSnapshot       *snapshot,
            const Palette     *palette)
{
  const Geometry *geometry = &self->geometry;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint i = 0; i < MAX (self->lane_labels->len, 1); i++)
    {
      double y = geometry->axis_height + i * geometry->lane_height;
      int label_width, label_height;

      if (i % 2 == 1)
        gtk_snapshot_append_color (snapshot, &palette->faint, &GRAPHENE_RECT_INIT (0, y, width, geometry->lane_height));
      gtk_snapshot_append_color (snapshot, &palette->grid, &GRAPHENE_RECT_INIT (0, y, width, 1));
      if (i >= self->lane_labels->len)
        continue;
      pango_layout_get_pixel_size (g_ptr_array_index (self->lane_labels, i), &label_width, &label_height);
      append_text (snapshot, g_ptr_array_index (self->lane_labels, i),
                   is_rtl (self) ? width - PAD - label_width : PAD,
                   y + (geometry->lane_height - label_height) / 2, &palette->fg);
    }
}

static double
day_x (GawahTimelineView *self,
       double             day)
{
  return mirror (self, self->geometry.time_x + (day - self->first_day) * px_per_day (self));
}

static void
draw_axis (GawahTimelineView *self,
           GtkSnapshot       *snapshot,
           const Palette     *palette)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - self->geometry.footer_height;
  double axis = self->geometry.axis_height;
  GawahTimelineTickKind finest = GAWAH_TIMELINE_TICK_DECADE;

  for (guint i = 0; i < self->ticks->len; i++)
    finest = MIN (finest, g_array_index (self->ticks, GawahTimelineTick, i).kind);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      const GawahTimelineTick *tick = &g_array_index (self->ticks, GawahTimelineTick, i);
      PangoLayout *label = g_ptr_array_index (self->tick_labels, i);
      double x = day_x (self, tick->day);
      gboolean major = tick->kind > finest;
      int label_width, label_height;

      gtk_snapshot_append_color (snapshot, major ? &palette->dim : &palette->grid,
                                 &GRAPHENE_RECT_INIT (x, axis - 6, 1, 6));
      gtk_snapshot_append_color (snapshot, major ? &palette->grid : &palette->faint,
                                 &GRAPHENE_RECT_INIT (x, axis, 1, height - axis));
      pango_layout_get_pixel_size (label, &label_width, &label_height);
      append_text (snapshot, label, is_rtl (self) ? x - 5 - label_width : x + 5, (axis - 6 - label_height) / 2,
                   major ? &palette->fg : &palette->dim);
    }
  gtk_snapshot_append_color (snapshot, &palette->grid,
                             &GRAPHENE_RECT_INIT (0, axis - 1, gtk_widget_get_width (GTK_WIDGET (self)), 1));
}

static void
draw_today (GawahTimelineView *self,
            GtkSnapshot       *snapshot,
            const Palette     *palette)
{
  GdkRGBA color = with_alpha (palette->ongoing, 0.6f);
  double x = day_x (self, self->today + 0.5);
  double axis = self->geometry.axis_height;

  double height = gtk_widget_get_height (GTK_WIDGET (self)) - self->geometry.footer_height;

  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x - 0.75, axis, 1.5, height - axis));
  append_rounded (snapshot, &GRAPHENE_RECT_INIT (x - 4, axis - 4, 8, 8), 4, &palette->ongoing);
}

/* An uncertain span is a soft band: it fades in where the uncertainty
 * begins, so "2015" never looks like an exact date. */
static void
draw_band (GtkSnapshot           *snapshot,
           const graphene_rect_t *shape,
           gboolean               soft_start,
           gboolean               soft_end,
           gboolean               rtl,
           const GdkRGBA         *color)
{
  float edge = MIN (24.f, shape->size.width / 3) / MAX (shape->size.width, 1);
  GdkRGBA solid = with_alpha (*color, 0.32f), clear = with_alpha (*color, 0);
  GskColorStop stops[4] = {
    { 0, soft_start ? clear : solid }, { edge, solid }, { 1 - edge, solid }, { 1, soft_end ? clear : solid },
  };
  GdkRGBA line = with_alpha (*color, 0.75f);
  graphene_point_t from = GRAPHENE_POINT_INIT (shape->origin.x, 0);
  graphene_point_t to = GRAPHENE_POINT_INIT (shape->origin.x + shape->size.width, 0);

  gtk_snapshot_append_linear_gradient (snapshot, shape, rtl ? &to : &from, rtl ? &from : &to, stops, 4);
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (shape->origin.x + edge * shape->size.width,
                                                  shape->origin.y + shape->size.height / 2 - 1,
                                                  shape->size.width * (1 - 2 * edge), 2));
}

static void
draw_mark (GtkSnapshot           *snapshot,
           const GawahTimelineItem *item,
           const graphene_rect_t *shape,
           const Palette         *palette,
           const GdkRGBA         *color)
{
  graphene_rect_t outline;

  graphene_rect_inset_r (shape, -2, -2, &outline);
  append_rounded (snapshot, &outline, outline.size.width, &palette->background);
  if (item->fuzzy)
    {
      GdkRGBA fill = with_alpha (*color, 0.3f);

      append_rounded (snapshot, shape, shape->size.width, &fill);
      append_ring (snapshot, shape, shape->size.width, 2, color);
    }
  else
    append_rounded (snapshot, shape, shape->size.width, color);
}

/* A follow-up is a diamond, so that it reads apart from the incidents
 * around it without colour; one still awaited is hollow. */
static void
draw_follow_up (GtkSnapshot              *snapshot,
                const GawahTimelineEntry *entry,
                const graphene_rect_t    *shape,
                const Palette            *palette)
{
  graphene_point_t centre;
  float side = DOT_D * 0.8f;
  graphene_rect_t square = GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side);
  graphene_rect_t outline;

  graphene_rect_get_center (shape, &centre);
  graphene_rect_inset_r (&square, -2, -2, &outline);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &centre);
  gtk_snapshot_rotate (snapshot, 45);
  append_rounded (snapshot, &outline, 2, &palette->background);
  if (entry->due)
    append_ring (snapshot, &square, 2, 2, &palette->follow_up);
  else
    append_rounded (snapshot, &square, 2, &palette->follow_up);
  gtk_snapshot_restore (snapshot);
}

static void
draw_badge (GtkSnapshot   *snapshot,
            const Placed  *placed,
            gboolean       rtl,
            const Palette *palette)
{
  const graphene_rect_t *shape = &placed->shape;
  int text_width, text_height;
  double width;
  graphene_rect_t pill;

  pango_layout_get_pixel_size (placed->text, &text_width, &text_height);
  width = MAX (text_width + 12, BADGE_H);
  pill = GRAPHENE_RECT_INIT (rtl ? shape->origin.x + shape->size.width - width : shape->origin.x,
                             shape->origin.y, width, shape->size.height);
  if (shape->size.width > pill.size.width + 1)
    {
      GdkRGBA span = with_alpha (palette->accent, 0.22f);

      append_rounded (snapshot, shape, shape->size.height / 2, &span);
    }
  append_rounded (snapshot, &pill, pill.size.height / 2, &palette->accent);
  append_text (snapshot, placed->text, pill.origin.x + (width - text_width) / 2,
               pill.origin.y + (pill.size.height - text_height) / 2, &palette->accent_fg);
}

static void
draw_placed (GawahTimelineView *self,
             GtkSnapshot       *snapshot,
             const Placed      *placed,
             const Palette     *palette)
{
  const GawahTimelineItem *item = placed->item;
  gboolean rtl = is_rtl (self);
  gboolean ongoing = item->count == 1 && item->entry->ongoing;
  gboolean follow_up = item->count == 1 && item->entry->kind == GAWAH_TIMELINE_ENTRY_FOLLOW_UP;
  const GdkRGBA *color = ongoing ? &palette->ongoing : follow_up ? &palette->follow_up : &palette->accent;

  if (placed->kind == SHAPE_BADGE)
    draw_badge (snapshot, placed, rtl, palette);
  else if (placed->kind == SHAPE_DOT && follow_up)
    draw_follow_up (snapshot, item->entry, &placed->shape, palette);
  else if (placed->kind == SHAPE_DOT)
    draw_mark (snapshot, item, &placed->shape, palette, color);
  else if (item->fuzzy)
    draw_band (snapshot, &placed->shape, TRUE, !ongoing, rtl, color);
  else
    append_rounded (snapshot, &placed->shape, BAR_H / 2, color);

  if (ongoing && placed->text != NULL)
    {
      const graphene_rect_t *shape = &placed->shape;
      int text_width, text_height;
      GdkRGBA text_color = gawah_widget_theme_color (GTK_WIDGET (self), "destructive_color", "#c01c28");

      pango_layout_get_pixel_size (placed->text, &text_width, &text_height);
      append_text (snapshot, placed->text,
                   rtl ? shape->origin.x - 6 - text_width : shape->origin.x + shape->size.width + 6,
                   shape->origin.y + (shape->size.height - text_height) / 2, &text_color);
    }
}

static void
draw_highlight (GawahTimelineView *self,
                GtkSnapshot       *snapshot,
                int                index,
                float              alpha)
{
  const Placed *placed = &g_array_index (self->placed, Placed, index);
  GdkRGBA color = with_alpha (gawah_widget_theme_color (GTK_WIDGET (self), "accent_color", "#1c71d8"), alpha);
  graphene_rect_t ring;

  graphene_rect_inset_r (&placed->shape, -4, -4, &ring);
  append_ring (snapshot, &ring, ring.size.height / 2, 2, &color);
}

static void
draw_undated (GawahTimelineView *self,
              GtkSnapshot       *snapshot,
              const Palette     *palette)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double top = gtk_widget_get_height (GTK_WIDGET (self)) - self->geometry.footer_height;
  int text_width, text_height;

  pango_layout_get_pixel_size (self->undated_label, &text_width, &text_height);
  gtk_snapshot_append_color (snapshot, &palette->grid, &GRAPHENE_RECT_INIT (0, top, width, 1));
  append_text (snapshot, self->undated_label, is_rtl (self) ? width - PAD - text_width : PAD,
               top + (self->geometry.footer_height - text_height) / 2, &palette->dim);
}

static void
gawah_timeline_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  Palette palette = get_palette (widget);
  const Geometry *geometry = &self->geometry;
  graphene_rect_t time_area;

  gtk_snapshot_append_color (snapshot, &palette.background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ensure_layout (self);
  if (self->layout == NULL)
    return;
  draw_lanes (self, snapshot, &palette);
  time_area = mirror_rect (self, geometry->time_x - MARK_PX, geometry->time_x + geometry->time_width + MARK_PX, 0, height);
  gtk_snapshot_push_clip (snapshot, &time_area);
  draw_axis (self, snapshot, &palette);
  draw_today (self, snapshot, &palette);
  for (guint i = 0; i < self->placed->len; i++)
    draw_placed (self, snapshot, &g_array_index (self->placed, Placed, i), &palette);
  if (self->hover >= 0)
    draw_highlight (self, snapshot, self->hover, 0.4f);
  if (gtk_widget_has_focus (widget) && focused (self) != NULL)
    draw_highlight (self, snapshot, g_array_index (self->stops, guint, self->focus), 1);
  gtk_snapshot_pop (snapshot);
  if (self->undated_label != NULL)
    draw_undated (self, snapshot, &palette);
}

/* Size and style */

static void
gawah_timeline_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);
  guint n_lanes = MAX (self->lane_labels->len, 1);
  double axis = axis_height (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = axis + LANE_MIN * MIN (n_lanes, 3);
      *natural = axis + MAX (2 * ROW_H + 8, LANE_MIN) * n_lanes + (self->undated_label != NULL ? 32 : 0);
    }
}

static void
gawah_timeline_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);

  /* GTK allocates again for many reasons; the layout only cares about size. */
  if (width == self->width && height == self->height && self->layout != NULL)
    return;
  self->width = width;
  self->height = height;
  clear_layout (self);
  self->geometry = compute_geometry (self);
  if (!self->fitted && self->index != NULL)
    gawah_timeline_view_fit_all (self);
}

static void
gawah_timeline_view_direction_changed (GtkWidget        *widget,
                                       GtkTextDirection  previous)
{
  viewport_changed (GAWAH_TIMELINE_VIEW (widget));
}

static void
gawah_timeline_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (widget);

  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (gawah_timeline_view_parent_class)->css_changed (widget, change);
  /* Hovering changes the style too: text is laid out again only when the
   * font did change. */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  build_lane_labels (self);
  clear_layout (self);
  gtk_widget_queue_resize (widget);
}

static void
gawah_timeline_view_focus_changed (GawahTimelineView *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    announce_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Public API */

void
gawah_timeline_view_set_casebook (GawahTimelineView *self,
                                  GawahCasebook     *casebook)
{
  g_return_if_fail (GAWAH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (casebook == NULL || GAWAH_IS_CASEBOOK (casebook));

  if (!g_set_object (&self->casebook, casebook))
    return;
  self->fitted = FALSE;
  request_reload (self);
}

/* The list's search and filters, copied: the caller keeps its own. */
void
gawah_timeline_view_set_filter (GawahTimelineView         *self,
                                const GawahIncidentFilter *filter)
{
  g_return_if_fail (GAWAH_IS_TIMELINE_VIEW (self));

  gawah_incident_filter_copy (&self->filter, filter);
  request_reload (self);
}

void
gawah_timeline_view_set_lanes (GawahTimelineView  *self,
                               GawahTimelineLanes  lanes)
{
  g_return_if_fail (GAWAH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (lanes <= GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE);

  if (self->lanes == lanes)
    return;
  self->lanes = lanes;
  request_reload (self);
}

GawahTimelineLanes
gawah_timeline_view_get_lanes (GawahTimelineView *self)
{
  g_return_val_if_fail (GAWAH_IS_TIMELINE_VIEW (self), GAWAH_TIMELINE_LANES_NONE);
  return self->lanes;
}

void
gawah_timeline_view_get_viewport (GawahTimelineView *self,
                                  double            *first_day,
                                  double            *n_days)
{
  g_return_if_fail (GAWAH_IS_TIMELINE_VIEW (self));

  if (first_day != NULL)
    *first_day = self->first_day;
  if (n_days != NULL)
    *n_days = self->n_days;
}

/* TRUE while a worker reads the casebook; the view shows the previous data. */
gboolean
gawah_timeline_view_is_loading (GawahTimelineView *self)
{
  g_return_val_if_fail (GAWAH_IS_TIMELINE_VIEW (self), FALSE);
  return self->loading != NULL;
}

GawahTimelineLayout *
gawah_timeline_view_get_layout (GawahTimelineView *self)
{
  g_return_val_if_fail (GAWAH_IS_TIMELINE_VIEW (self), NULL);

  ensure_layout (self);
  return self->layout;
}

gboolean
gawah_timeline_view_get_item_point (GawahTimelineView       *self,
                                    const GawahTimelineItem *item,
                                    graphene_point_t        *point)
{
  g_return_val_if_fail (GAWAH_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  ensure_layout (self);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);

      if (placed->item == item)
        {
          graphene_rect_get_center (&placed->shape, point);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
gawah_timeline_view_new (void)
{
  return g_object_new (GAWAH_TYPE_TIMELINE_VIEW, NULL);
}

/* Nothing of the casebook may outlive the page once it is locked. */
static void
gawah_timeline_view_dispose (GObject *object)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (object);

  cancel_loading (self);
  clear_layout (self);
  g_ptr_array_set_size (self->lane_labels, 0);
  g_clear_object (&self->undated_label);
  g_clear_pointer (&self->index, gawah_timeline_index_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->casebook);
  gawah_incident_filter_clear (&self->filter);
  G_OBJECT_CLASS (gawah_timeline_view_parent_class)->dispose (object);
}

static void
gawah_timeline_view_finalize (GObject *object)
{
  GawahTimelineView *self = GAWAH_TIMELINE_VIEW (object);

  g_array_unref (self->placed);
  g_array_unref (self->stops);
  g_array_unref (self->ticks);
  g_ptr_array_unref (self->tick_labels);
  g_ptr_array_unref (self->lane_labels);
  g_clear_pointer (&self->font, pango_font_description_free);
  G_OBJECT_CLASS (gawah_timeline_view_parent_class)->finalize (object);
}

static void
add_keys (GtkWidgetClass *widget_class)
{
  const guint zoom_in[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  const guint zoom_out[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  const guint activate[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space };

  for (guint i = 0; i < G_N_ELEMENTS (zoom_in); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_in[i], 0, "timeline.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_in[i], GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_out[i], 0, "timeline.zoom-out", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_out[i], GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit-all", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, pan_key_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, pan_key_cb, "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.move-focus", "i", 1);
  for (guint i = 0; i < G_N_ELEMENTS (activate); i++)
    gtk_widget_class_add_binding_action (widget_class, activate[i], 0, "timeline.activate", NULL);
}

static void
gawah_timeline_view_class_init (GawahTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_timeline_view_dispose;
  object_class->finalize = gawah_timeline_view_finalize;
  widget_class->measure = gawah_timeline_view_measure;
  widget_class->size_allocate = gawah_timeline_view_size_allocate;
  widget_class->map = gawah_timeline_view_map;
  widget_class->snapshot = gawah_timeline_view_snapshot;
  widget_class->focus = gawah_timeline_view_focus;
  widget_class->query_tooltip = gawah_timeline_view_query_tooltip;
  widget_class->direction_changed = gawah_timeline_view_direction_changed;
  widget_class->css_changed = gawah_timeline_view_css_changed;

  signals[SIGNAL_INCIDENT_ACTIVATED] = g_signal_new ("incident-activated", G_TYPE_FROM_CLASS (klass),
                                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                     G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-focus", "i", move_focus_action);
  add_keys (widget_class);
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
add_controllers (GawahTimelineView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

static void
gawah_timeline_view_init (GawahTimelineView *self)
{
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->stops = g_array_new (FALSE, FALSE, sizeof (guint));
  self->ticks = g_array_new (FALSE, FALSE, sizeof (GawahTimelineTick));
  self->tick_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->lane_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->today = gawah_timeline_today ();
  self->extent_first = self->today - 3650;
  self->extent_last = self->today;
  self->first_day = self->today - 3650;
  self->n_days = 3650;
  self->focus = -1;
  self->hover = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of incidents"), -1);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (gawah_timeline_view_focus_changed), NULL);
  add_controllers (self);
}
