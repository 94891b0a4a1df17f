/* gawah-timeline.h: the casebook timeline's data and layout, without GTK
 *
 * Three stages, so that zooming and panning redo only the cheap one:
 *   entries  (one SQL query per filter or lane change)
 *   index    (spans computed and sorted once per entries set)
 *   layout   (one per viewport: binary search plus binning, O(visible + bins))
 *
 * Days are counted on one axis: day 0 is 1900-01-01. Pixels run left to
 * right from the first visible day; a right-to-left widget mirrors x itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-date.h"
#include "gawah-incident-query.h"

G_BEGIN_DECLS

typedef enum {
  GAWAH_TIMELINE_LANES_NONE,
  GAWAH_TIMELINE_LANES_PROVINCE,
  GAWAH_TIMELINE_LANES_ACT_TYPE,
  GAWAH_TIMELINE_LANES_HRD_CATEGORY,
  GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE,
} GawahTimelineLanes;

typedef enum {
  GAWAH_TIMELINE_ENTRY_INCIDENT,
  GAWAH_TIMELINE_ENTRY_FOLLOW_UP,
} GawahTimelineEntryKind;

/* What a timeline shows besides incidents. */
typedef enum {
  GAWAH_TIMELINE_INCIDENTS_ONLY,
  GAWAH_TIMELINE_WITH_FOLLOW_UPS,   /* a defender's history: what was done about each incident */
} GawahTimelineContent;

/* One incident, or one follow-up action of an incident, in one lane. An
 * incident with several act types (or victim categories, perpetrator types)
 * has one entry in each of those lanes; its follow-ups go with it. id is
 * always the incident's, so that activating a follow-up opens its incident. */
typedef struct {
  gint64                  id;
  GawahPartialDate        start;
  GawahPartialDate        end;
  gboolean                ongoing;
  const char             *lane;      /* interned code (g_intern_string), NULL for "none given" */
  const char             *title;     /* the incident's; owned by the entry: valid as long as the entry */
  GawahTimelineEntryKind  kind;
  const char             *action;    /* follow-ups: interned follow-up-type code */
  gboolean                due;       /* follow-ups: not done yet; start is the due date */
} GawahTimelineEntry;

/* An entry and its title are one allocation: free with g_free. */
GawahTimelineEntry *gawah_timeline_entry_new  (gint64                     id,
                                               const GawahPartialDate    *start,
                                               const GawahPartialDate    *end,
                                               gboolean                   ongoing,
                                               const char                *lane,
                                               const char                *title);

/* Entries matching @filter (NULL for all), by incident id (the index does
 * the sorting by lane and day); a GPtrArray of GawahTimelineEntry that
 * frees them. Follow-ups are included only when they have a date, done or
 * due.
 *
 * This one read may run in a worker thread while the main thread goes on
 * using the casebook (SQLCipher is built serialized): it prepares a
 * statement of its own and touches no state the casebook caches. The
 * caller holds a reference on @self until it returns. Cancelling stops it
 * between rows with G_IO_ERROR_CANCELLED. */
GPtrArray *gawah_casebook_timeline_entries    (GawahCasebook             *self,
                                               const GawahIncidentFilter *filter,
                                               GawahTimelineLanes         lanes,
                                               GawahTimelineContent       content,
                                               GCancellable              *cancellable,
                                               GError                   **error);

/* The day axis. */
gint32    gawah_timeline_day                  (int                        year,
                                               int                        month,
                                               int                        day);
void      gawah_timeline_day_to_date          (gint32                     axis_day,
                                               int                       *year,
                                               int                       *month,
                                               int                       *day);
gint32    gawah_timeline_today                (void);

/* The days an entry covers, both included. @today is a day on the axis
 * (gawah_timeline_today()). FALSE when the start is unknown: no span. */
gboolean  gawah_timeline_span                 (const GawahTimelineEntry  *entry,
                                               gint64                     today,
                                               gint32                    *first_day,
                                               gint32                    *last_day,
                                               gboolean                  *fuzzy);

/* Fit all: the days covered by every entry that has a span. FALSE if none. */
gboolean  gawah_timeline_extent               (const GPtrArray           *entries,
                                               gint64                     today,
                                               gint32                    *first_day,
                                               gint32                    *last_day);

/* Built once per entries set (and per day, for ongoing cases): holds a
 * reference on @entries. */
typedef struct _GawahTimelineIndex GawahTimelineIndex;

GawahTimelineIndex *gawah_timeline_index_new   (GPtrArray                 *entries,
                                                gint64                     today);
GawahTimelineIndex *gawah_timeline_index_ref   (GawahTimelineIndex        *index);
void                gawah_timeline_index_unref (GawahTimelineIndex        *index);
guint               gawah_timeline_index_get_n_lanes (GawahTimelineIndex *index);

/* One mark (count == 1) or bin (count > 1) on a lane. x0 and x1 are what to
 * draw, in pixels from the first visible day: a mark narrower than
 * min_mark_px is widened to it around its centre; a bar may run past either
 * edge (clip it). first_day and last_day are the true days covered. */
typedef struct {
  double                    x0, x1;
  gboolean                  fuzzy;     /* for a bin: any member is */
  gboolean                  is_bin;
  guint                     count;
  gint64                    id;        /* when count == 1, else 0 */
  const GawahTimelineEntry *entry;     /* when count == 1, else NULL */
  gint32                    first_day, last_day;
} GawahTimelineItem;

typedef struct _GawahTimelineLayout GawahTimelineLayout;

/* Lanes come in the order of their codes, the NULL lane last, and every
 * lane of the index is there even when nothing in it is visible. Per lane,
 * at most one mark or bin of marks and one bar or bin of bars begins in each
 * min_mark_px-wide column, so there are at most 2 * (width / min_mark_px + 1)
 * items a lane at any zoom. Columns are fixed on the day axis, so panning
 * does not regroup bins. Items come bars first, then marks, each by
 * column: drawn in order, marks end up on top of bars. */
GawahTimelineLayout     *gawah_timeline_layout_new        (GawahTimelineIndex  *index,
                                                           gint32               first_visible_day,
                                                           gint32               last_visible_day,
                                                           double               width_px,
                                                           double               min_mark_px);
void                     gawah_timeline_layout_free       (GawahTimelineLayout *layout);
guint                    gawah_timeline_layout_get_n_lanes (GawahTimelineLayout *layout);
const char              *gawah_timeline_layout_get_lane   (GawahTimelineLayout *layout,
                                                           guint                lane);
const GawahTimelineItem *gawah_timeline_layout_get_items  (GawahTimelineLayout *layout,
                                                           guint                lane,
                                                           guint               *n_items);
/* The item under @x on @lane (a mark before a bar under it), or NULL. */
const GawahTimelineItem *gawah_timeline_layout_item_at    (GawahTimelineLayout *layout,
                                                           guint                lane,
                                                           double               x);

typedef enum {
  GAWAH_TIMELINE_TICK_DAY,
  GAWAH_TIMELINE_TICK_MONTH,
  GAWAH_TIMELINE_TICK_YEAR,
  GAWAH_TIMELINE_TICK_DECADE,
} GawahTimelineTickKind;

/* kind is the coarsest boundary the tick falls on (1 January 2010 is a
 * DECADE), so the widget can label and weight it. */
typedef struct {
  gint32                 day;
  GawahTimelineTickKind  kind;
} GawahTimelineTick;

/* Labels need this much room, in pixels, between ticks. */
#define GAWAH_TIMELINE_TICK_MIN_PX 72.0

/* Appends GawahTimelineTick to @ticks_out, in order, on days within
 * [first_day, last_day]: decades, years, months or days, whichever is the
 * finest step that keeps ticks GAWAH_TIMELINE_TICK_MIN_PX apart. */
void      gawah_timeline_ticks                (gint32                     first_day,
                                               gint32                     last_day,
                                               double                     width_px,
                                               GArray                    *ticks_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahTimelineIndex, gawah_timeline_index_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahTimelineLayout, gawah_timeline_layout_free)

G_END_DECLS
