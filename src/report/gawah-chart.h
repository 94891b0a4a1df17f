/* gawah-chart.h: counts as horizontal bars, drawn with cairo and Pango
 *
 * The same drawing serves the statistics view on screen (GawahBarChart),
 * its PNG and SVG export, and the summary report's PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "gawah-translator.h"

G_BEGIN_DECLS

/* Laid out like GdkRGBA, so that a widget can pass its theme colours. */
typedef struct {
  float red;
  float green;
  float blue;
  float alpha;
} GawahColor;

typedef struct {
  GawahColor    foreground;
  GawahColor    bar;
  GawahColor    focus;          /* the bar the keyboard is on */
  PangoContext *context;        /* borrowed: the font and its metrics */
  gboolean      rtl;
  const char   *empty_text;     /* shown when there are no bars */
} GawahChartStyle;

typedef struct {
  char  *label;
  guint  count;
} GawahChartBar;

GArray *gawah_chart_bars_from_rows (GArray                *rows,
                                    const char            *vocabulary_id,
                                    const GawahTranslator *translator);
double  gawah_chart_row_height     (const GawahChartStyle *style);
double  gawah_chart_height         (const GawahChartStyle *style,
                                    guint                  n_bars);
int     gawah_chart_bar_at         (const GawahChartStyle *style,
                                    guint                  n_bars,
                                    double                 y);
void    gawah_chart_draw           (cairo_t               *cr,
                                    const GawahChartStyle *style,
                                    GArray                *bars,
                                    int                    current,
                                    double                 width);

G_END_DECLS
