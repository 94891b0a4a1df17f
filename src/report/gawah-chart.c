/* gawah-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "gawah-chart.h"
#include "gawah-statistics.h"

#define PADDING    12.0
#define BAR_GAP    6.0
#define TEXT_GAP   8.0
#define MIN_BAR_H  22.0

static void
clear_bar (GawahChartBar *bar)
{
  g_free (bar->label);
}

static char *
label_for (const char            *key,
           const char            *vocabulary_id,
           const GawahTranslator *translator)
{
  if (key == NULL)
    return g_strdup (gawah_translator_gettext (translator, N_("Not recorded")));
  if (vocabulary_id == NULL)
    return g_strdup (key);
  return g_strdup (gawah_translator_label (translator, vocabulary_id, key));
}

/* rows: GawahStatisticsRow; keys are codes of vocabulary_id, or shown as
 * they are when it is NULL (years). */
GArray *
gawah_chart_bars_from_rows (GArray                *rows,
                            const char            *vocabulary_id,
                            const GawahTranslator *translator)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (GawahChartBar));

  g_array_set_clear_func (bars, (GDestroyNotify) clear_bar);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const GawahStatisticsRow *row = &g_array_index (rows, GawahStatisticsRow, i);
      GawahChartBar bar = { label_for (row->key, vocabulary_id, translator), row->count };

      g_array_append_val (bars, bar);
    }
  return bars;
}

static void
set_source (cairo_t          *cr,
            const GawahColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
make_layout (const GawahChartStyle *style,
             cairo_t               *cr,
             const char            *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, pango_context_get_font_description (style->context));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Line height from the font: Nastaliq needs far more than Latin. */
double
gawah_chart_row_height (const GawahChartStyle *style)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (style->context, NULL, NULL);
  double text = (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics)) / (double) PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return MAX (MIN_BAR_H, text + 4) + BAR_GAP;
}

double
gawah_chart_height (const GawahChartStyle *style,
                    guint                  n_bars)
{
  return 2 * PADDING + MAX (n_bars, 1) * gawah_chart_row_height (style);
}

int
gawah_chart_bar_at (const GawahChartStyle *style,
                    guint                  n_bars,
                    double                 y)
{
  int index = (int) floor ((y - PADDING) / gawah_chart_row_height (style));

  return y >= PADDING && index < (int) n_bars ? index : -1;
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static guint
max_count (GArray *bars)
{
  guint max = 1;

  for (guint i = 0; i < bars->len; i++)
    max = MAX (max, g_array_index (bars, GawahChartBar, i).count);
  return max;
}

/* Labels get the room they need, up to two fifths of the width. */
static double
label_column_width (const GawahChartStyle *style,
                    cairo_t               *cr,
                    GArray                *bars,
                    double                 width)
{
  double widest = 0;

  for (guint i = 0; i < bars->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (style, cr, g_array_index (bars, GawahChartBar, i).label);

      widest = MAX (widest, text_width (layout));
    }
  return MIN (widest, width * 0.4);
}

/* x of a box of width w that starts at x in left-to-right terms. */
static double
mirror (gboolean rtl,
        double   width,
        double   x,
        double   w)
{
  return rtl ? width - x - w : x;
}

static void
draw_text (cairo_t          *cr,
           PangoLayout      *layout,
           const GawahColor *color,
           double            x,
           double            y,
           double            row_h)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  set_source (cr, color);
  cairo_move_to (cr, x, y + (row_h - BAR_GAP - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_bar (cairo_t               *cr,
          const GawahChartStyle *style,
          GArray                *bars,
          guint                  index,
          gboolean               current,
          double                 width,
          double                 label_w)
{
  const GawahChartBar *bar = &g_array_index (bars, GawahChartBar, index);
  double row_h = gawah_chart_row_height (style);
  double y = PADDING + index * row_h;
  g_autofree char *count_text = g_strdup_printf ("%u", bar->count);
  g_autoptr(PangoLayout) label = make_layout (style, cr, bar->label);
  g_autoptr(PangoLayout) count = make_layout (style, cr, count_text);
  double bars_x = PADDING + label_w + TEXT_GAP;
  double room = MAX (width - bars_x - PADDING - TEXT_GAP - text_width (count), 1);
  double bar_w = MAX (room * bar->count / max_count (bars), 2);

  /* Labels end at their bar in either direction (years are left to right
   * even in Urdu, so Pango's alignment, which follows the text, will not do). */
  if (text_width (label) > label_w)
    {
      pango_layout_set_width (label, (int) label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    }
  draw_text (cr, label, &style->foreground,
             mirror (style->rtl, width, PADDING + label_w - text_width (label), text_width (label)), y, row_h);

  set_source (cr, current ? &style->focus : &style->bar);
  cairo_rectangle (cr, mirror (style->rtl, width, bars_x, bar_w), y, bar_w, row_h - BAR_GAP);
  cairo_fill (cr);

  draw_text (cr, count, &style->foreground,
             mirror (style->rtl, width, bars_x + bar_w + TEXT_GAP, text_width (count)), y, row_h);
}

static void
draw_empty (cairo_t               *cr,
            const GawahChartStyle *style,
            double                 width)
{
  g_autoptr(PangoLayout) layout = make_layout (style, cr, style->empty_text != NULL ? style->empty_text : "");
  GawahColor dim = style->foreground;

  dim.alpha *= 0.55f;
  draw_text (cr, layout, &dim, (width - text_width (layout)) / 2, PADDING, gawah_chart_row_height (style));
}

/* Draws at the origin of cr, bars of GawahChartBar; current is the bar
 * the keyboard is on, or -1. */
void
gawah_chart_draw (cairo_t               *cr,
                  const GawahChartStyle *style,
                  GArray                *bars,
                  int                    current,
                  double                 width)
{
  double label_w = label_column_width (style, cr, bars, width);

  if (bars->len == 0)
    draw_empty (cr, style, width);
  for (guint i = 0; i < bars->len; i++)
    draw_bar (cr, style, bars, i, (int) i == current, width, label_w);
}
