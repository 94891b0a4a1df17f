/* gawah-bar-chart.c: counts as horizontal bars
 *
 * The chart draws into a cairo context both on screen (through
 * gtk_snapshot_append_cairo) and when exported to PNG or SVG, so that the
 * file is what the user saw. Screen readers get the figures as text: the
 * accessible description lists "label: count", one bar a line, and Up and
 * Down walk the bars with a tooltip for the current one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gawah-bar-chart.h"
#include "gawah-statistics.h"
#include "gawah-vocabulary.h"
#include "gawah-widget-util.h"

#define PADDING    12.0
#define BAR_GAP    6.0
#define TEXT_GAP   8.0
#define MIN_BAR_H  22.0
#define EXPORT_MIN_WIDTH 480

typedef struct {
  char  *label;
  guint  count;
} Bar;

typedef struct {
  GdkRGBA fg;
  GdkRGBA bar;
  GdkRGBA focus;
  GdkRGBA background;
} Palette;

struct _GawahBarChart
{
  GtkWidget  parent_instance;

  /* owned */
  GArray    *bars;
  char      *description;
  int        current;        /* the bar the keyboard is on, or -1 */
};

G_DEFINE_FINAL_TYPE (GawahBarChart, gawah_bar_chart, GTK_TYPE_WIDGET)

static void
clear_bar (Bar *bar)
{
  g_free (bar->label);
}

static Palette
read_palette (GtkWidget *widget)
{
  Palette palette = {
    .bar = gawah_widget_theme_color (widget, "accent_bg_color", "#3584e4"),
    .focus = gawah_widget_theme_color (widget, "accent_color", "#1c71d8"),
    .background = gawah_widget_theme_color (widget, "view_bg_color", "#ffffff"),
  };

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &palette.fg);
  return palette;
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             cairo_t    *cr,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = gtk_widget_get_pango_context (widget);

  pango_layout_set_font_description (layout, pango_context_get_font_description (context));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Line height from the widget's font: Nastaliq needs far more than Latin. */
static double
row_height (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  double text = (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics)) / (double) PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return MAX (MIN_BAR_H, text + 4) + BAR_GAP;
}

static double
chart_height (GawahBarChart *self)
{
  guint n = MAX (self->bars->len, 1);

  return 2 * PADDING + n * row_height (GTK_WIDGET (self));
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static guint
max_count (GawahBarChart *self)
{
  guint max = 1;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).count);
  return max;
}

/* Labels get the room they need, up to two fifths of the width. */
static double
label_column_width (GawahBarChart *self,
                    cairo_t       *cr,
                    double         width)
{
  double widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self), cr, g_array_index (self->bars, Bar, i).label);

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
draw_text (cairo_t        *cr,
           PangoLayout    *layout,
           const GdkRGBA  *color,
           double          x,
           double          y,
           double          row_h)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y + (row_h - BAR_GAP - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_bar (GawahBarChart *self,
          cairo_t       *cr,
          const Palette *palette,
          guint          index,
          double         width,
          double         label_w)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const Bar *bar = &g_array_index (self->bars, Bar, index);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  double row_h = row_height (widget);
  double y = PADDING + index * row_h;
  g_autofree char *count_text = g_strdup_printf ("%u", bar->count);
  g_autoptr(PangoLayout) label = make_layout (widget, cr, bar->label);
  g_autoptr(PangoLayout) count = make_layout (widget, cr, count_text);
  double bars_x = PADDING + label_w + TEXT_GAP;
  double room = MAX (width - bars_x - PADDING - TEXT_GAP - text_width (count), 1);
  double bar_w = MAX (room * bar->count / max_count (self), 2);

  /* Labels end at their bar in either direction (years are left to right
   * even in Urdu, so Pango's alignment, which follows the text, will not do). */
  if (text_width (label) > label_w)
    {
      pango_layout_set_width (label, (int) label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    }
  draw_text (cr, label, &palette->fg,
             mirror (rtl, width, PADDING + label_w - text_width (label), text_width (label)), y, row_h);

  gdk_cairo_set_source_rgba (cr, (int) index == self->current ? &palette->focus : &palette->bar);
  cairo_rectangle (cr, mirror (rtl, width, bars_x, bar_w), y, bar_w, row_h - BAR_GAP);
  cairo_fill (cr);

  draw_text (cr, count, &palette->fg,
             mirror (rtl, width, bars_x + bar_w + TEXT_GAP, text_width (count)), y, row_h);
}

static void
draw_empty (GawahBarChart *self,
            cairo_t       *cr,
            const Palette *palette,
            double         width)
{
  g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self), cr, _("No incidents"));
  GdkRGBA dim = palette->fg;

  dim.alpha *= 0.55f;
  draw_text (cr, layout, &dim, (width - text_width (layout)) / 2, PADDING, row_height (GTK_WIDGET (self)));
}

static void
draw_chart (GawahBarChart *self,
            cairo_t       *cr,
            const Palette *palette,
            double         width)
{
  double label_w = label_column_width (self, cr, width);

  if (self->bars->len == 0)
    draw_empty (self, cr, palette, width);
  for (guint i = 0; i < self->bars->len; i++)
    draw_bar (self, cr, palette, i, width, label_w);
}

static void
gawah_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GawahBarChart *self = GAWAH_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Palette palette = read_palette (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_chart (self, cr, &palette, width);
  cairo_destroy (cr);
}

static void
gawah_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 420;
      return;
    }
  *minimum = *natural = (int) ceil (chart_height (GAWAH_BAR_CHART (widget)));
}

static int
bar_at (GawahBarChart *self,
        double         y)
{
  int index = (int) floor ((y - PADDING) / row_height (GTK_WIDGET (self)));

  return y >= PADDING && index < (int) self->bars->len ? index : -1;
}

static gboolean
gawah_bar_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  GawahBarChart *self = GAWAH_BAR_CHART (widget);
  int index = keyboard_mode ? self->current : bar_at (self, y);
  g_autofree char *text = NULL;
  const Bar *bar;

  if (index < 0)
    return FALSE;
  bar = &g_array_index (self->bars, Bar, index);
  /* Translators: a bar's tooltip: a category, and how many incidents. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u incident", "%s: %u incidents", bar->count),
                          bar->label, bar->count);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
move_current (GawahBarChart *self,
              int            step)
{
  if (self->bars->len == 0)
    return;
  self->current = CLAMP (self->current + step, 0, (int) self->bars->len - 1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_current (GAWAH_BAR_CHART (widget), g_variant_get_int32 (parameter));
}

static void
update_description (GawahBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      /* Translators: one line of a chart read aloud: a category and its count. */
      g_string_append_printf (text, _("%s: %u"), bar->label, bar->count);
      g_string_append_c (text, '\n');
    }
  if (self->bars->len == 0)
    g_string_append (text, _("No incidents"));
  g_free (self->description);
  self->description = g_strchomp (g_string_free (g_steal_pointer (&text), FALSE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

static char *
label_for (const char *key,
           const char *vocabulary_id)
{
  const char *label;

  if (key == NULL)
    return g_strdup (_("Not recorded"));
  if (vocabulary_id == NULL)
    return g_strdup (key);
  label = gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary_id, key);
  return g_strdup (label != NULL ? label : key);
}

/* rows: GawahStatisticsRow; keys are codes of vocabulary_id, or shown as
 * they are when it is NULL (years). */
void
gawah_bar_chart_set_rows (GawahBarChart *self,
                          GArray        *rows,
                          const char    *vocabulary_id)
{
  g_return_if_fail (GAWAH_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const GawahStatisticsRow *row = &g_array_index (rows, GawahStatisticsRow, i);
      Bar bar = { label_for (row->key, vocabulary_id), row->count };

      g_array_append_val (self->bars, bar);
    }
  self->current = -1;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
gawah_bar_chart_get_n_bars (GawahBarChart *self)
{
  g_return_val_if_fail (GAWAH_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

const char *
gawah_bar_chart_get_description (GawahBarChart *self)
{
  g_return_val_if_fail (GAWAH_IS_BAR_CHART (self), NULL);
  return self->description;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The exported picture is drawn like the screen, on the view's background
 * so that it reads the same wherever it is pasted. */
static void
paint (GawahBarChart   *self,
       cairo_surface_t *surface,
       double           width,
       double           scale)
{
  Palette palette = read_palette (GTK_WIDGET (self));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_rgba (cr, &palette.background);
  cairo_paint (cr);
  draw_chart (self, cr, &palette, width);
  cairo_destroy (cr);
}

static GBytes *
render_png (GawahBarChart *self,
            double         width,
            double         height)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * 2),
                                                         (int) ceil (height * 2));

  paint (self, surface, width, 2);
  cairo_surface_write_to_png_stream (surface, append_bytes_cb, data);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (data);
}

/* cairo writes text as glyph outlines; a <title> and <desc> keep the
 * figures readable (and searchable) in the file. */
static GBytes *
with_svg_text (GByteArray *svg,
               const char *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);
  g_autofree char *text = g_strdup_printf ("<title>%s</title><desc>%s</desc>", _("Incidents"), escaped);
  GString *file = g_string_new_len ((const char *) svg->data, svg->len);
  const char *start = strstr (file->str, "<svg");
  const char *end = start != NULL ? strchr (start, '>') : NULL;

  if (end != NULL)
    g_string_insert (file, end + 1 - file->str, text);
  g_byte_array_unref (svg);
  return g_string_free_to_bytes (file);
}

static GBytes *
render_svg (GawahBarChart *self,
            double         width,
            double         height)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes_cb, data, width, height);

  paint (self, surface, width, 1);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return with_svg_text (data, self->description);
}

/* format: "png" or "svg". The picture is as wide as the chart on screen. */
gboolean
gawah_bar_chart_save (GawahBarChart  *self,
                      GFile          *file,
                      const char     *format,
                      GError        **error)
{
  double width, height;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GAWAH_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), EXPORT_MIN_WIDTH);
  height = chart_height (self);
  if (g_strcmp0 (format, "png") == 0)
    bytes = render_png (self, width, height);
  else if (g_strcmp0 (format, "svg") == 0)
    bytes = render_svg (self, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Unknown picture format “%s”"), format);
      return FALSE;
    }
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

GtkWidget *
gawah_bar_chart_new (void)
{
  return g_object_new (GAWAH_TYPE_BAR_CHART, NULL);
}

static void
gawah_bar_chart_finalize (GObject *object)
{
  GawahBarChart *self = GAWAH_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->description, g_free);
  G_OBJECT_CLASS (gawah_bar_chart_parent_class)->finalize (object);
}

static void
gawah_bar_chart_class_init (GawahBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = gawah_bar_chart_finalize;
  widget_class->snapshot = gawah_bar_chart_snapshot;
  widget_class->measure = gawah_bar_chart_measure;
  widget_class->query_tooltip = gawah_bar_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.move", "i", -1);
}

static void
gawah_bar_chart_init (GawahBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) clear_bar);
  self->current = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_description (self);
}
