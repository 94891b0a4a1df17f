/* gawah-bar-chart.c: counts as horizontal bars
 *
 * The chart draws into a cairo context both on screen (through
 * gtk_snapshot_append_cairo) and when exported to PNG or SVG, so that the
 * file is what the user saw; the drawing itself is the report library's
 * (gawah-chart.c), which the summary report's PDF uses too. Screen readers get the figures as text: the
 * accessible description lists "label: count", one bar a line, and Up and
 * Down walk the bars with a tooltip for the current one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "gawah-bar-chart.h"
#include "gawah-chart.h"
#include "gawah-widget-util.h"

#define EXPORT_MIN_WIDTH 480

struct _GawahBarChart
{
  GtkWidget  parent_instance;

  /* owned */
  GArray    *bars;           /* GawahChartBar */
  char      *description;
  int        current;        /* the bar the keyboard is on, or -1 */
};

G_DEFINE_FINAL_TYPE (GawahBarChart, gawah_bar_chart, GTK_TYPE_WIDGET)

static GawahColor
to_color (GdkRGBA rgba)
{
  return (GawahColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* The shared drawing code (src/report/gawah-chart.c) in the widget's
 * theme colours, font and direction. */
static GawahChartStyle
read_style (GtkWidget *widget)
{
  GdkRGBA fg;
  GawahChartStyle style = {
    .bar = to_color (gawah_widget_theme_color (widget, "accent_bg_color", "#3584e4")),
    .focus = to_color (gawah_widget_theme_color (widget, "accent_color", "#1c71d8")),
    .context = gtk_widget_get_pango_context (widget),
    .rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL,
    .empty_text = _("No incidents"),
  };

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  style.foreground = to_color (fg);
  return style;
}

static double
chart_height (GawahBarChart *self)
{
  GawahChartStyle style = read_style (GTK_WIDGET (self));

  return gawah_chart_height (&style, self->bars->len);
}

static void
gawah_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GawahBarChart *self = GAWAH_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GawahChartStyle style = read_style (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  gawah_chart_draw (cr, &style, self->bars, self->current, width);
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
  GawahChartStyle style = read_style (GTK_WIDGET (self));

  return gawah_chart_bar_at (&style, self->bars->len, y);
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
  const GawahChartBar *bar;

  if (index < 0)
    return FALSE;
  bar = &g_array_index (self->bars, GawahChartBar, index);
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
      const GawahChartBar *bar = &g_array_index (self->bars, GawahChartBar, i);

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

/* rows: GawahStatisticsRow; keys are codes of vocabulary_id, or shown as
 * they are when it is NULL (years). */
void
gawah_bar_chart_set_rows (GawahBarChart *self,
                          GArray        *rows,
                          const char    *vocabulary_id)
{
  g_return_if_fail (GAWAH_IS_BAR_CHART (self));

  g_clear_pointer (&self->bars, g_array_unref);
  self->bars = gawah_chart_bars_from_rows (rows, vocabulary_id, NULL);
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
  GawahChartStyle style = read_style (GTK_WIDGET (self));
  GdkRGBA background = gawah_widget_theme_color (GTK_WIDGET (self), "view_bg_color", "#ffffff");
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_rgba (cr, &background);
  cairo_paint (cr);
  gawah_chart_draw (cr, &style, self->bars, self->current, width);
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
  self->bars = gawah_chart_bars_from_rows (NULL, NULL, NULL);
  self->current = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_description (self);
}
