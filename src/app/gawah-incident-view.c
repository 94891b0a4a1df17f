/* gawah-incident-view.c: the whole of one incident, to read
 *
 * Facts first (what, when, where, how sure), then who did what to whom, the
 * chronology, follow-up actions and sources; the legal mapping below them.
 * Built afresh for each incident from the casebook: it keeps no copy when
 * cleared (on lock).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-chronology-view.h"
#include "gawah-date-text.h"
#include "gawah-history-view.h"
#include "gawah-incident-row.h"
#include "gawah-widget-util.h"
#include "gawah-incident-view.h"
#include "gawah-mapping-panel.h"
#include "gawah-report-window.h"
#include "gawah-un-draft-window.h"
#include "gawah-vocabulary.h"

struct _GawahIncidentView
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkLabel          *title_label;
  GtkLabel          *when_label;
  GtkLabel          *where_label;
  GtkLabel          *assessment_label;
  GtkLabel          *summary_label;
  GtkBox            *sections_box;
  GawahMappingPanel *mapping_panel;

  /* borrowed */
  GawahCasebook     *casebook;
  gint64             incident_id;
};

enum {
  SIGNAL_PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahIncidentView, gawah_incident_view, GTK_TYPE_WIDGET)

static const char *
label_of (const char *vocabulary_id,
          const char *code)
{
  return gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary_id, code);
}

static void
clear_sections (GawahIncidentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
}

static GtkWidget *
add_section (GawahIncidentView *self,
             const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->sections_box, group);
  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
on_victim_row_activated_cb (AdwActionRow      *row,
                            GawahIncidentView *self)
{
  gint64 *person_id = g_object_get_data (G_OBJECT (row), "gawah-person-id");

  g_signal_emit (self, signals[SIGNAL_PERSON_ACTIVATED], 0, *person_id);
}

/* An act's row leads to the victim's page: every incident involving them. */
static void
link_row_to_person (GawahIncidentView *self,
                    GtkWidget         *row,
                    gint64             person_id,
                    const char        *name)
{
  /* Translators: %s is a person's name. */
  g_autofree char *tooltip = g_strdup_printf (_("Show every incident involving %s"), name);

  g_object_set_data_full (G_OBJECT (row), "gawah-person-id", g_memdup2 (&person_id, sizeof person_id), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (row, tooltip);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_victim_row_activated_cb), self, 0);
}

static char *
person_name (GawahCasebook *casebook,
             gint64         person_id)
{
  g_autoptr(GawahPerson) person = gawah_casebook_get_person (casebook, person_id, NULL);

  return person != NULL ? gawah_person_dup_both_names (person) : g_strdup ("?");
}

static char *
describe_perpetrators (GawahIncidentView *self,
                       const GawahAct    *act)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < act->involvements->len; i++)
    {
      const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);
      g_autofree char *name = person_name (self->casebook, involvement->perpetrator_id);

      /* Translators: a perpetrator and how they were involved: “Police (carried out the act)”. */
      g_string_append_printf (text, "%s%s (%s)", text->len > 0 ? "\n" : "", name,
                              label_of (GAWAH_VOCAB_INVOLVEMENT, involvement->degree));
    }
  for (guint i = 0; act->laws[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", label_of (GAWAH_VOCAB_LAW, act->laws[i]));
  return g_string_free (text, FALSE);
}

static void
show_acts (GawahIncidentView *self)
{
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (self->casebook, self->incident_id, NULL);
  GtkWidget *group;

  if (acts == NULL || acts->len == 0)
    return;
  group = add_section (self, _("Who Did What to Whom"));
  for (guint i = 0; i < acts->len; i++)
    {
      const GawahAct *act = g_ptr_array_index (acts, i);
      g_autofree char *victim = person_name (self->casebook, act->victim_id);
      /* Translators: an act and its victim: “Enforced disappearance: Idris Khattak”. */
      g_autofree char *title = g_strdup_printf (_("%1$s: %2$s"), label_of (GAWAH_VOCAB_ACT_TYPE, act->act_type), victim);
      g_autofree char *details = describe_perpetrators (self, act);

      link_row_to_person (self, add_row (group, title, details), act->victim_id, victim);
    }
}

/* Steps and follow-up actions on one vertical line, due dates ahead. */
static void
show_chronology (GawahIncidentView *self)
{
  GtkWidget *chronology = gawah_chronology_view_new ();
  GtkWidget *group;

  gawah_chronology_view_set_incident (GAWAH_CHRONOLOGY_VIEW (chronology), self->casebook, self->incident_id);
  if (gawah_chronology_view_get_n_steps (GAWAH_CHRONOLOGY_VIEW (chronology)) == 0)
    {
      g_object_ref_sink (chronology);
      g_object_unref (chronology);
      return;
    }
  group = add_section (self, _("Chronology and Follow-up"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chronology);
}

static void
show_sources (GawahIncidentView *self)
{
  g_autoptr(GPtrArray) sources = gawah_casebook_list_sources (self->casebook, self->incident_id, NULL);
  g_autoptr(GPtrArray) evidence = gawah_casebook_list_evidence (self->casebook, self->incident_id, NULL);
  GtkWidget *group;

  if ((sources == NULL || sources->len == 0) && (evidence == NULL || evidence->len == 0))
    return;
  group = add_section (self, _("Sources and Evidence"));
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const GawahSource *source = g_ptr_array_index (sources, i);
      /* Translators: a source: its type, the source's reliability, the information's credibility. */
      g_autofree char *title = g_strdup_printf (_("%1$s · source %2$s · information %3$s"),
                                                label_of (GAWAH_VOCAB_SOURCE_TYPE, source->source_type),
                                                label_of (GAWAH_VOCAB_SOURCE_RELIABILITY, source->reliability),
                                                label_of (GAWAH_VOCAB_CREDIBILITY, source->credibility));

      add_row (group, title, source->description);
    }
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const GawahEvidence *item = g_ptr_array_index (evidence, i);
      /* Translators: %s is a file's SHA-256 checksum, taken when it was added. */
      g_autofree char *checksum = g_strdup_printf (_("SHA-256 %s"), item->sha256);

      add_row (group, item->file_name, checksum);
    }
}

static void
show_facts (GawahIncidentView     *self,
            const GawahIncident   *incident)
{
  g_autofree char *when = gawah_describe_dates (&incident->start, &incident->end, incident->ongoing);
  g_autofree char *where = gawah_describe_place (incident->place, incident->district, incident->province);
  /* Translators: how sure the documentation is, the case's status and who may see it. */
  g_autofree char *assessment = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                                                 label_of (GAWAH_VOCAB_VERIFICATION, incident->verification),
                                                 label_of (GAWAH_VOCAB_CASE_STATUS, incident->status),
                                                 label_of (GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality));

  gtk_label_set_text (self->title_label, incident->title);
  gtk_label_set_text (self->when_label, when);
  gtk_label_set_text (self->where_label, where);
  gtk_widget_set_visible (GTK_WIDGET (self->where_label), *where != '\0');
  gtk_label_set_text (self->assessment_label, assessment);
  gtk_label_set_text (self->summary_label, incident->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *incident->summary != '\0');
}

void
gawah_incident_view_set_incident (GawahIncidentView *self,
                                  GawahCasebook     *casebook,
                                  gint64             incident_id)
{
  g_autoptr(GawahIncident) incident = NULL;

  g_return_if_fail (GAWAH_IS_INCIDENT_VIEW (self));

  clear_sections (self);
  self->casebook = casebook;
  self->incident_id = incident_id;
  gawah_mapping_panel_set_incident (self->mapping_panel, casebook, incident_id);
  if (casebook == NULL || (incident = gawah_casebook_get_incident (casebook, incident_id, NULL)) == NULL)
    return;

  show_facts (self, incident);
  show_acts (self);
  show_chronology (self);
  show_sources (self);
}

gint64
gawah_incident_view_get_incident (GawahIncidentView *self)
{
  g_return_val_if_fail (GAWAH_IS_INCIDENT_VIEW (self), 0);
  return self->incident_id;
}

GtkWidget *
gawah_incident_view_new (void)
{
  return g_object_new (GAWAH_TYPE_INCIDENT_VIEW, NULL);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GawahIncidentView *self = GAWAH_INCIDENT_VIEW (widget);

  if (self->casebook != NULL && self->incident_id != 0)
    gawah_history_view_present (widget, self->casebook, self->incident_id);
}

static void
case_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GawahIncidentView *self = GAWAH_INCIDENT_VIEW (widget);

  if (self->casebook != NULL && self->incident_id != 0)
    gtk_window_present (GTK_WINDOW (gawah_report_window_new_case (widget, self->casebook, self->incident_id)));
}

static void
un_draft_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GawahIncidentView *self = GAWAH_INCIDENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (self->casebook == NULL || self->incident_id == 0)
    return;
  if ((window = gawah_un_draft_window_new (widget, self->casebook, self->incident_id, &error)) == NULL)
    {
      g_warning ("Could not draft the UN communication: %s", error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
gawah_incident_view_dispose (GObject *object)
{
  gawah_widget_dispose_children (GTK_WIDGET (object), GAWAH_TYPE_INCIDENT_VIEW);
  G_OBJECT_CLASS (gawah_incident_view_parent_class)->dispose (object);
}

static void
gawah_incident_view_class_init (GawahIncidentViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_incident_view_dispose;

  signals[SIGNAL_PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 1, G_TYPE_INT64);
  g_type_ensure (GAWAH_TYPE_MAPPING_PANEL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-incident-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, when_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, where_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, assessment_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentView, mapping_panel);
  gtk_widget_class_install_action (widget_class, "incident.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "incident.case-report", NULL, case_report_action);
  gtk_widget_class_install_action (widget_class, "incident.un-draft", NULL, un_draft_action);
}

static void
gawah_incident_view_init (GawahIncidentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
