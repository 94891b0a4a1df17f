/* gawah-timeline-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"
#include "gawah-incident-query.h"
#include "gawah-timeline.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_TIMELINE_VIEW (gawah_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (GawahTimelineView, gawah_timeline_view, GAWAH, TIMELINE_VIEW, GtkWidget)

GtkWidget          *gawah_timeline_view_new          (void);
void                gawah_timeline_view_set_casebook (GawahTimelineView         *self,
                                                      GawahCasebook             *casebook);
void                gawah_timeline_view_set_filter   (GawahTimelineView         *self,
                                                      const GawahIncidentFilter *filter);
void                gawah_timeline_view_set_lanes    (GawahTimelineView         *self,
                                                      GawahTimelineLanes         lanes);
GawahTimelineLanes  gawah_timeline_view_get_lanes    (GawahTimelineView         *self);
void                gawah_timeline_view_fit_all      (GawahTimelineView         *self);
void                gawah_timeline_view_get_viewport (GawahTimelineView         *self,
                                                      double                    *first_day,
                                                      double                    *n_days);

/* What is drawn, for tests and for assistive code: the layout of the
 * current viewport (NULL before the widget has a size; owned by the view
 * and replaced when the size, the viewport or the data change), where an
 * item of it is drawn, and what a click at a point does. */
gboolean             gawah_timeline_view_is_loading   (GawahTimelineView         *self);
GawahTimelineLayout *gawah_timeline_view_get_layout  (GawahTimelineView         *self);
gboolean            gawah_timeline_view_get_item_point (GawahTimelineView       *self,
                                                      const GawahTimelineItem   *item,
                                                      graphene_point_t          *point);
gboolean            gawah_timeline_view_activate_at  (GawahTimelineView         *self,
                                                      double                     x,
                                                      double                     y);

G_END_DECLS
