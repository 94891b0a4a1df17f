/* gawah-incident-row.c: one incident in the list
 *
 * Title; dates with their precision and place; what happened to whom; the
 * case status. Rows are recycled by the list view: set_summary replaces all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-date-text.h"
#include "gawah-incident-row.h"
#include "gawah-widget-util.h"
#include "gawah-vocabulary.h"

struct _GawahIncidentRow
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkLabel  *title_label;
  GtkLabel  *when_where_label;
  GtkLabel  *what_label;
  GtkLabel  *status_label;
};

G_DEFINE_FINAL_TYPE (GawahIncidentRow, gawah_incident_row, GTK_TYPE_WIDGET)

static const char *
label_of (const char *vocabulary_id,
          const char *code)
{
  if (code == NULL || *code == '\0')
    return NULL;
  return gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary_id, code);
}

static char *
describe_acts (const GawahIncidentSummary *summary)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; summary->act_types[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? _(", ") : "", label_of (GAWAH_VOCAB_ACT_TYPE, summary->act_types[i]));
  if (summary->victims != NULL && *summary->victims != '\0')
    /* Translators: separates what happened from to whom: “Enforced disappearance · Idris Khattak”. */
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", summary->victims);
  return g_string_free (text, FALSE);
}

void
gawah_incident_row_set_summary (GawahIncidentRow           *self,
                                const GawahIncidentSummary *summary)
{
  g_autofree char *dates = gawah_describe_dates (&summary->start, &summary->end, summary->ongoing);
  g_autofree char *place = gawah_describe_place (summary->place, summary->district, summary->province);
  g_autofree char *when_where = *place != '\0' ? g_strdup_printf ("%s · %s", dates, place) : g_strdup (dates);
  g_autofree char *what = describe_acts (summary);

  g_return_if_fail (GAWAH_IS_INCIDENT_ROW (self));

  gtk_label_set_text (self->title_label, summary->title);
  gtk_label_set_text (self->when_where_label, when_where);
  gtk_label_set_text (self->what_label, what);
  gtk_widget_set_visible (GTK_WIDGET (self->what_label), *what != '\0');
  gtk_label_set_text (self->status_label, label_of (GAWAH_VOCAB_CASE_STATUS, summary->status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, when_where, -1);
}

GtkWidget *
gawah_incident_row_new (void)
{
  return g_object_new (GAWAH_TYPE_INCIDENT_ROW, NULL);
}

static void
gawah_incident_row_dispose (GObject *object)
{
  gawah_widget_dispose_children (GTK_WIDGET (object), GAWAH_TYPE_INCIDENT_ROW);
  G_OBJECT_CLASS (gawah_incident_row_parent_class)->dispose (object);
}

static void
gawah_incident_row_class_init (GawahIncidentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_incident_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-incident-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentRow, when_where_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentRow, what_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentRow, status_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gawah_incident_row_init (GawahIncidentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
