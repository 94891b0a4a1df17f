/* gawah-statistics-view.c: five charts of a casebook's incidents
 *
 * The charts count the incidents the list shows (the same filter). They are
 * counted again when the casebook or the filter changes while the view is
 * shown, or else the next time it is shown. Each exports as PNG or SVG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-statistics-view.h"
#include "gawah-widget-util.h"

#define N_DIMENSIONS (GAWAH_STATISTICS_PERPETRATOR_TYPE + 1)

struct _GawahStatisticsView
{
  GtkWidget            parent_instance;

  /* template widgets, in the order of GawahStatisticsDimension */
  AdwToastOverlay     *toast_overlay;
  GawahBarChart       *charts[N_DIMENSIONS];

  /* owned */
  GawahCasebook       *casebook;
  GawahIncidentFilter  filter;
  gboolean             stale;    /* changed while hidden: counted when shown */
};

G_DEFINE_FINAL_TYPE (GawahStatisticsView, gawah_statistics_view, GTK_TYPE_WIDGET)

/* The names the export menus use, also the exported files' names. */
static const char * const dimension_names[N_DIMENSIONS] = {
  "act-type", "province", "year", "hrd-category", "perpetrator-type",
};

static const char * const chart_ids[N_DIMENSIONS] = {
  "act_type_chart", "province_chart", "year_chart", "hrd_category_chart", "perpetrator_type_chart",
};

static void
refresh_chart (GawahStatisticsView      *self,
               GawahStatisticsDimension  dimension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;

  if (self->casebook != NULL)
    rows = gawah_casebook_count_incidents_by (self->casebook, dimension, &self->filter, &error);
  if (error != NULL)
    g_warning ("Could not count incidents: %s", error->message);
  gawah_bar_chart_set_rows (self->charts[dimension], rows, gawah_statistics_dimension_vocabulary (dimension));
}

/* The page passes on every keystroke of the list's search: a hidden view
 * only notes that its counts are stale. */
static void
refresh (GawahStatisticsView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;
  for (guint i = 0; i < N_DIMENSIONS; i++)
    refresh_chart (self, i);
}

static void
gawah_statistics_view_map (GtkWidget *widget)
{
  GawahStatisticsView *self = GAWAH_STATISTICS_VIEW (widget);

  GTK_WIDGET_CLASS (gawah_statistics_view_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

void
gawah_statistics_view_set_casebook (GawahStatisticsView *self,
                                    GawahCasebook       *casebook)
{
  g_return_if_fail (GAWAH_IS_STATISTICS_VIEW (self));
  g_return_if_fail (casebook == NULL || GAWAH_IS_CASEBOOK (casebook));

  g_set_object (&self->casebook, casebook);
  refresh (self);
}

void
gawah_statistics_view_set_filter (GawahStatisticsView       *self,
                                  const GawahIncidentFilter *filter)
{
  g_return_if_fail (GAWAH_IS_STATISTICS_VIEW (self));

  gawah_incident_filter_copy (&self->filter, filter);
  refresh (self);
}

GawahBarChart *
gawah_statistics_view_get_chart (GawahStatisticsView      *self,
                                 GawahStatisticsDimension  dimension)
{
  g_return_val_if_fail (GAWAH_IS_STATISTICS_VIEW (self), NULL);
  g_return_val_if_fail (dimension < N_DIMENSIONS, NULL);
  return self->charts[dimension];
}

static void
show_toast (GawahStatisticsView *self,
            const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
export_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    GawahStatisticsView *self)
{
  GawahBarChart *chart = g_object_get_data (G_OBJECT (dialog), "chart");
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (gawah_bar_chart_save (chart, file, format, &error))
        show_toast (self, _("Chart exported"));
      else
        {
          /* Translators: %s says why, e.g. "Permission denied". */
          message = g_strdup_printf (_("Could not export the chart: %s"), error->message);
          show_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
picture_filter (const char *format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, g_str_equal (format, "png") ? _("PNG Image") : _("SVG Drawing"));
  gtk_file_filter_add_mime_type (filter, g_str_equal (format, "png") ? "image/png" : "image/svg+xml");
  return filter;
}

static void
export_chart (GawahStatisticsView      *self,
              GawahStatisticsDimension  dimension,
              const char               *format)
{
  GtkNative *parent = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (parent),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                              _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = picture_filter (format);
  g_autofree char *name = g_strdup_printf ("incidents-by-%s.%s", dimension_names[dimension], format);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "chart", self->charts[dimension]);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *dimension_name, *format;

  g_variant_get (parameter, "(&s&s)", &dimension_name, &format);
  for (guint i = 0; i < N_DIMENSIONS; i++)
    if (g_str_equal (dimension_name, dimension_names[i]))
      export_chart (GAWAH_STATISTICS_VIEW (widget), i, format);
}

GtkWidget *
gawah_statistics_view_new (void)
{
  return g_object_new (GAWAH_TYPE_STATISTICS_VIEW, NULL);
}

static void
gawah_statistics_view_dispose (GObject *object)
{
  GawahStatisticsView *self = GAWAH_STATISTICS_VIEW (object);

  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_STATISTICS_VIEW);
  g_clear_object (&self->casebook);
  gawah_incident_filter_clear (&self->filter);
  G_OBJECT_CLASS (gawah_statistics_view_parent_class)->dispose (object);
}

static void
gawah_statistics_view_class_init (GawahStatisticsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_statistics_view_dispose;
  widget_class->map = gawah_statistics_view_map;

  g_type_ensure (GAWAH_TYPE_BAR_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-statistics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahStatisticsView, toast_overlay);
  for (guint i = 0; i < N_DIMENSIONS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, chart_ids[i], FALSE,
                                               G_STRUCT_OFFSET (GawahStatisticsView, charts) + i * sizeof (gpointer));

  gtk_widget_class_install_action (widget_class, "statistics.export", "(ss)", export_action);
}

static void
gawah_statistics_view_init (GawahStatisticsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stale = TRUE;
}
