/* gawah-widget-util.h: what every template widget of Gawah's does alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Set (any non-NULL data) on a window that shows what a casebook holds:
 * locking closes it with the incident editors. */
#define GAWAH_SHOWS_CASEBOOK "gawah-shows-casebook"

void gawah_widget_dispose_children (GtkWidget *widget,
                                    GType      widget_type);

GdkRGBA gawah_widget_theme_color     (GtkWidget  *widget,
                                     const char *name,
                                     const char *fallback);

/* Asks for a file with the desktop's chooser (GtkFileChooserNative: GTK 4.8
 * has no GtkFileDialog); @chosen is called with the file only if one was
 * chosen. @pattern ("*.csv") filters what is offered; @suggested_name, for
 * saving, is the name proposed. */
typedef void (*GawahFileChosenFunc) (GFile    *file,
                                     gpointer  user_data);

void gawah_widget_choose_file       (GtkWidget            *widget,
                                     const char           *title,
                                     GtkFileChooserAction  action,
                                     const char           *filter_name,
                                     const char           *pattern,
                                     const char           *suggested_name,
                                     GawahFileChosenFunc   chosen,
                                     gpointer              user_data);

/* A row of a report: a title and, beside it, a figure or a short text. */
GtkWidget *gawah_widget_report_row  (const char           *title,
                                     const char           *subtitle,
                                     const char           *value);

/* A report row with a count beside its title. */
GtkWidget *gawah_widget_count_row   (const char           *title,
                                     guint                 count);
/* The last row of a report cut short: "And 12 more". */
GtkWidget *gawah_widget_more_row    (guint                 n_more);

G_END_DECLS
