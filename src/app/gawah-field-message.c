/* gawah-field-message.c
 *
 * The core's errors begin with the field's name ("Start date: …"): the
 * editors find the field by that name and show the message under it, in a
 * row of its own, tied to the field for screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-date-row.h"
#include "gawah-error.h"
#include "gawah-field-message.h"
#include "gawah-person-chooser.h"

#define MESSAGE_ROW_KEY "gawah-message-row"

gboolean
gawah_message_names_field (const char *message,
                           const char *field_name)
{
  g_autofree char *prefix = g_strconcat (field_name, ":", NULL);

  return g_str_has_prefix (message, prefix);
}

/* The line an editor shows when a save failed. The storage errors (disk
 * full, read-only, damaged) already end in "the change was not saved" and
 * what to do, so they are shown as they are; the rest say what is wrong
 * with a field and get the "Not saved" before them. */
char *
gawah_save_status_text (const GError *error)
{
  if (g_error_matches (error, GAWAH_ERROR, GAWAH_ERROR_DISK_FULL) ||
      g_error_matches (error, GAWAH_ERROR, GAWAH_ERROR_READ_ONLY) ||
      g_error_matches (error, GAWAH_ERROR, GAWAH_ERROR_DATABASE))
    return g_strdup (error->message);
  /* Translators: %s is what is wrong, e.g. “Title: must not be empty”. */
  return g_strdup_printf (_("Not saved: %s"), error->message);
}

static GtkWidget *
ensure_message_row (GtkWidget *field)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (field), MESSAGE_ROW_KEY);
  GtkWidget *list = gtk_widget_get_parent (field);
  GtkWidget *label;

  if (row != NULL || !GTK_IS_LIST_BOX (list))
    return row;
  label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "margin-top", 6, "margin-bottom", 6, "margin-start", 12, "margin-end", 12, NULL);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "child", label, "activatable", FALSE, "focusable", FALSE, NULL);
  gtk_list_box_insert (GTK_LIST_BOX (list), row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  g_object_set_data (G_OBJECT (field), MESSAGE_ROW_KEY, row);
  return row;
}

/* Cleared, a date row still says what is wrong with what was typed. */
static void
show_date_message (GawahDateRow *row,
                   const char   *message)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date;

  if (message == NULL && !gawah_date_row_get_date (row, &date, &error))
    message = error->message;
  gawah_date_row_show_error (row, message);
}

/* message NULL clears the mark. */
void
gawah_field_show_message (GtkWidget  *field,
                          const char *message)
{
  GtkWidget *row;

  if (GAWAH_IS_DATE_ROW (field))
    {
      show_date_message (GAWAH_DATE_ROW (field), message);
      return;
    }
  if (GAWAH_IS_PERSON_CHOOSER (field))
    {
      gawah_person_chooser_show_error (GAWAH_PERSON_CHOOSER (field), message);
      return;
    }
  row = message != NULL ? ensure_message_row (field) : g_object_get_data (G_OBJECT (field), MESSAGE_ROW_KEY);
  if (row != NULL)
    {
      gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), message);
      gtk_widget_set_visible (row, message != NULL);
    }
  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}
