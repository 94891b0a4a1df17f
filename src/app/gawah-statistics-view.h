/* gawah-statistics-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-bar-chart.h"
#include "gawah-casebook.h"
#include "gawah-incident-query.h"
#include "gawah-statistics.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_STATISTICS_VIEW (gawah_statistics_view_get_type ())

G_DECLARE_FINAL_TYPE (GawahStatisticsView, gawah_statistics_view, GAWAH, STATISTICS_VIEW, GtkWidget)

GtkWidget     *gawah_statistics_view_new          (void);
void           gawah_statistics_view_set_casebook (GawahStatisticsView       *self,
                                                   GawahCasebook             *casebook);
void           gawah_statistics_view_set_filter   (GawahStatisticsView       *self,
                                                   const GawahIncidentFilter *filter);
GawahBarChart *gawah_statistics_view_get_chart    (GawahStatisticsView       *self,
                                                   GawahStatisticsDimension   dimension);

G_END_DECLS
