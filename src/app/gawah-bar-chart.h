/* gawah-bar-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_BAR_CHART (gawah_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (GawahBarChart, gawah_bar_chart, GAWAH, BAR_CHART, GtkWidget)

GtkWidget  *gawah_bar_chart_new             (void);
void        gawah_bar_chart_set_rows        (GawahBarChart  *self,
                                             GArray         *rows,
                                             const char     *vocabulary_id);
guint       gawah_bar_chart_get_n_bars      (GawahBarChart  *self);
const char *gawah_bar_chart_get_description (GawahBarChart  *self);
gboolean    gawah_bar_chart_save            (GawahBarChart  *self,
                                             GFile          *file,
                                             const char     *format,
                                             GError        **error);

G_END_DECLS
