/* gawah-widget-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-widget-util.h"

/* gtk_widget_dispose_template() only unparents the template's children that
 * have an id; a widget must leave no child behind when it is finalized. */
void
gawah_widget_dispose_children (GtkWidget *widget,
                               GType      widget_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* A named colour of the theme (accent_color, error_color…), so that drawn
 * widgets follow light, dark and high-contrast styles. */
GdkRGBA
gawah_widget_theme_color (GtkWidget  *widget,
                          const char *name,
                          const char *fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

typedef struct {
  GawahFileChosenFunc chosen;
  gpointer            user_data;
} FileChoice;

static void
on_file_response_cb (GtkNativeDialog *native,
                     int              response,
                     FileChoice      *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        choice->chosen (file, choice->user_data);
    }
  g_free (choice);
  g_object_unref (native);
}

void
gawah_widget_choose_file (GtkWidget            *widget,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *filter_name,
                          const char           *pattern,
                          const char           *suggested_name,
                          GawahFileChosenFunc   chosen,
                          gpointer              user_data)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  const char *accept = action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save") : _("_Open");
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action, accept, NULL);
  FileChoice *choice = g_new0 (FileChoice, 1);

  choice->chosen = chosen;
  choice->user_data = user_data;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  g_signal_connect (native, "response", G_CALLBACK (on_file_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

GtkWidget *
gawah_widget_report_row (const char *title,
                         const char *subtitle,
                         const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

GtkWidget *
gawah_widget_count_row (const char *title,
                        guint       count)
{
  g_autofree char *value = g_strdup_printf ("%u", count);

  return gawah_widget_report_row (title, NULL, value);
}

GtkWidget *
gawah_widget_more_row (guint n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more", n_more),
                                           n_more);

  return gawah_widget_report_row (text, NULL, NULL);
}
