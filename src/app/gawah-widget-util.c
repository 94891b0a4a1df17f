/* gawah-widget-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
