/* gawah-casebook-page.c: the list of incidents beside the one selected
 *
 * The search entry and the filters build one GawahIncidentFilter; the list
 * model runs it in the casebook and loads rows as they scroll into view.
 * The other views (statistics, agenda, legal catalogue) and the incident
 * view are built the first time they are shown: a casebook opens without
 * the widgets, the memory and the queries of views no one has looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-agenda-view.h"
#include "gawah-backups-window.h"
#include "gawah-casebook-page.h"
#include "gawah-csv-export-dialog.h"
#include "gawah-csv-import-dialog.h"
#include "gawah-esf-import-dialog.h"
#include "gawah-xml-export-dialog.h"
#include "gawah-xml-import-dialog.h"
#include "gawah-widget-util.h"
#include "gawah-incident-editor.h"
#include "gawah-incident-list-model.h"
#include "gawah-incident-row.h"
#include "gawah-incident-view.h"
#include "gawah-passphrase-window.h"
#include "gawah-provision-browser.h"
#include "gawah-report-window.h"
#include "gawah-statistics-view.h"
#include "gawah-timeline-view.h"
#include "gawah-vocabulary.h"
#include "gawah-vocabulary-dropdown.h"

struct _GawahCasebookPage
{
  GtkWidget               parent_instance;

  /* template widgets */
  GtkSearchEntry         *search_entry;
  GtkDropDown            *province_dropdown;
  GtkDropDown            *act_type_dropdown;
  GtkDropDown            *category_dropdown;
  GtkDropDown            *perpetrator_dropdown;
  GtkDropDown            *status_dropdown;
  GtkLabel               *count_label;
  GtkEntry               *from_entry;
  GtkEntry               *to_entry;
  GtkRevealer            *person_revealer;
  GtkLabel               *person_label;
  GtkListView            *list_view;
  GtkStack               *detail_stack;
  AdwBin                 *incident_bin;
  AdwViewStack           *content_stack;
  GawahTimelineView      *timeline_view;
  AdwBin                 *statistics_bin;
  AdwBin                 *agenda_bin;
  AdwBin                 *catalogue_bin;
  GtkDropDown            *lanes_dropdown;

  /* built when first shown (children of the bins above), or NULL */
  GawahIncidentView      *incident_view;
  GawahStatisticsView    *statistics_view;
  GawahAgendaView        *agenda_view;
  GawahProvisionBrowser  *provision_browser;

  /* owned */
  GawahCasebook          *casebook;
  GawahIncidentListModel *model;
  GtkSingleSelection     *selection;
  GawahIncidentFilter     filter;      /* the list's, for the summary report */
  gint64                  person_id;   /* a defender's page, or 0 */
  gint64                  pending_selection;  /* to select once the list has loaded it, or 0 */
  guint                   pending_source;
};

G_DEFINE_FINAL_TYPE (GawahCasebookPage, gawah_casebook_page, GTK_TYPE_WIDGET)

static void
update_count (GawahCasebookPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;

  if (gawah_incident_list_model_is_loading (self->model))
    /* Translators: shown while a search is still listing what it found; the count grows. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searching… %u incident so far",
                                         "Searching… %u incidents so far", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents", n), n);
  gtk_label_set_text (self->count_label, text);
}

/* An entry that does not hold a date filters nothing and says so. */
static GawahPartialDate
read_date_entry (GtkEntry *entry)
{
  GawahPartialDate date = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  gboolean valid = gawah_partial_date_parse_text (gtk_editable_get_text (GTK_EDITABLE (entry)), "", &date, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return valid ? date : (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
}

static gint64
selected_incident (GawahCasebookPage *self)
{
  GawahIncidentItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? gawah_incident_item_get_id (item) : 0;
}

/* What the search entry and the filters select now. */
static void
read_filter (GawahCasebookPage   *self,
             GawahIncidentFilter *filter)
{
  filter->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filter->province = g_strdup (gawah_vocabulary_dropdown_get_code (self->province_dropdown));
  filter->act_type = g_strdup (gawah_vocabulary_dropdown_get_code (self->act_type_dropdown));
  filter->hrd_category = g_strdup (gawah_vocabulary_dropdown_get_code (self->category_dropdown));
  filter->perpetrator_type = g_strdup (gawah_vocabulary_dropdown_get_code (self->perpetrator_dropdown));
  filter->status = g_strdup (gawah_vocabulary_dropdown_get_code (self->status_dropdown));
  filter->from = read_date_entry (self->from_entry);
  filter->to = read_date_entry (self->to_entry);
  filter->person_id = self->person_id;
}

static void on_selection_changed_cb (GawahCasebookPage *self);

static void
apply_filter (GawahCasebookPage *self)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 selected;

  /* The dropdowns announce their first selection while the page is built. */
  if (self->model == NULL)
    return;
  selected = selected_incident (self);
  read_filter (self, &filter);
  gawah_timeline_view_set_filter (self->timeline_view, &filter);
  if (self->statistics_view != NULL)
    gawah_statistics_view_set_filter (self->statistics_view, &filter);
  gawah_incident_filter_copy (&self->filter, &filter);

  /* The incident being read stays open while it still matches, even when
   * the list reaches it only after its first page. */
  self->pending_selection = selected;
  if (!gawah_incident_list_model_set_filter (self->model, &filter, &error))
    g_warning ("Could not filter incidents: %s", error->message);
  update_count (self);
  if (selected != 0 && !gawah_casebook_page_select (self, selected))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      on_selection_changed_cb (self);
    }
}

/* The incident waiting to be selected: there now, or, once the list is
 * complete, no longer matching. */
static gboolean
resolve_pending_selection_cb (gpointer user_data)
{
  GawahCasebookPage *self = user_data;
  guint position;

  self->pending_source = 0;
  if (self->pending_selection == 0)
    return G_SOURCE_REMOVE;
  position = gawah_incident_list_model_find (self->model, self->pending_selection);
  if (position == G_MAXUINT && gawah_incident_list_model_is_loading (self->model))
    return G_SOURCE_REMOVE;
  self->pending_selection = 0;
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
  else
    on_selection_changed_cb (self);   /* nothing selected: the view empties */
  return G_SOURCE_REMOVE;
}

/* More of the list has loaded, or all of it. Selecting from inside the
 * selection's own items-changed is not allowed: it waits for an idle. */
static void
on_list_grown_cb (GawahCasebookPage *self)
{
  update_count (self);
  if (self->pending_selection != 0 && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resolve_pending_selection_cb, self, NULL);
}

static void
on_person_activated_cb (GawahCasebookPage *self,
                        gint64             person_id)
{
  gawah_casebook_page_show_person (self, person_id);
}

static GawahIncidentView *
ensure_incident_view (GawahCasebookPage *self)
{
  if (self->incident_view == NULL)
    {
      self->incident_view = GAWAH_INCIDENT_VIEW (gawah_incident_view_new ());
      g_signal_connect_object (self->incident_view, "person-activated", G_CALLBACK (on_person_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_bin_set_child (self->incident_bin, GTK_WIDGET (self->incident_view));
    }
  return self->incident_view;
}

/* The incident being read, or 0. */
static gint64
shown_incident (GawahCasebookPage *self)
{
  return self->incident_view != NULL ? gawah_incident_view_get_incident (self->incident_view) : 0;
}

static void
on_selection_changed_cb (GawahCasebookPage *self)
{
  GawahIncidentItem *item = gtk_single_selection_get_selected_item (self->selection);

  /* While the list reloads, the incident being read stays on screen. */
  if (item == NULL && self->pending_selection != 0)
    return;
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  self->pending_selection = 0;
  gawah_incident_view_set_incident (ensure_incident_view (self), self->casebook, gawah_incident_item_get_id (item));
  gtk_stack_set_visible_child_name (self->detail_stack, "incident");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gawah_incident_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GawahIncidentItem *item = gtk_list_item_get_item (list_item);

  gawah_incident_row_set_summary (GAWAH_INCIDENT_ROW (gtk_list_item_get_child (list_item)),
                                  gawah_incident_item_get_summary (item));
}

/* A defender's page: the list narrowed to one person's incidents. */
void
gawah_casebook_page_show_person (GawahCasebookPage *self,
                                 gint64             person_id)
{
  g_autoptr(GawahPerson) person = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (GAWAH_IS_CASEBOOK_PAGE (self));

  self->person_id = person_id;
  if (person_id != 0 && (person = gawah_casebook_get_person (self->casebook, person_id, NULL)) != NULL)
    {
      /* Translators: %s is a person's name; the list shows only their incidents. */
      text = g_strdup_printf (_("Incidents involving %s"), gawah_person_get_display_name (person));
      gtk_label_set_text (self->person_label, text);
    }
  gtk_revealer_set_reveal_child (self->person_revealer, person_id != 0);
  apply_filter (self);
}

static void
on_show_everyone_cb (GawahCasebookPage *self)
{
  gawah_casebook_page_show_person (self, 0);
}

void
gawah_casebook_page_search (GawahCasebookPage *self,
                            const char        *text)
{
  g_return_if_fail (GAWAH_IS_CASEBOOK_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}

guint
gawah_casebook_page_get_n_shown (GawahCasebookPage *self)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* TRUE when the incident is selected, or will be as soon as the list,
 * still loading, reaches it. */
gboolean
gawah_casebook_page_select (GawahCasebookPage *self,
                            gint64             incident_id)
{
  guint position = gawah_incident_list_model_find (self->model, incident_id);

  if (position == G_MAXUINT)
    {
      self->pending_selection = gawah_incident_list_model_is_loading (self->model) ? incident_id : 0;
      return self->pending_selection != 0;
    }
  self->pending_selection = 0;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

static void
on_editor_saved_cb (GawahCasebookPage *self,
                    gint64             incident_id)
{
  gint64 shown = shown_incident (self);

  apply_filter (self);
  if (!gawah_casebook_page_select (self, incident_id) && shown != 0)
    gawah_casebook_page_select (self, shown);
  if (shown == incident_id)
    gawah_incident_view_set_incident (self->incident_view, self->casebook, incident_id);
}

static void
open_editor (GawahCasebookPage *self,
             gint64             incident_id)
{
  GtkWidget *editor = gawah_incident_editor_new (self->casebook, incident_id);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_incident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (GAWAH_CASEBOOK_PAGE (widget), 0);
}

static void
edit_incident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (widget);
  gint64 incident_id = shown_incident (self);

  if (incident_id != 0 && gtk_single_selection_get_selected_item (self->selection) != NULL)
    open_editor (self, incident_id);
}

static void
trust_window_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *window = g_str_equal (action_name, "casebook.backups")
                      ? gawah_backups_window_new (parent, self->casebook)
                      : gawah_passphrase_window_new (parent, self->casebook);

  gtk_window_present (GTK_WINDOW (window));
}

/* After an import the casebook holds more: every view reads it again. */
static void
reload (GawahCasebookPage *self)
{
  apply_filter (self);
  if (self->agenda_view != NULL)
    gawah_agenda_view_set_casebook (self->agenda_view, self->casebook);
}

static void
exchange_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *dialog;

  if (g_str_has_prefix (action_name, "casebook.export-"))
    {
      g_auto(GawahIncidentFilter) filter = { NULL };

      read_filter (self, &filter);
      dialog = g_str_equal (action_name, "casebook.export-csv")
               ? gawah_csv_export_dialog_new (parent, self->casebook, &filter)
               : gawah_xml_export_dialog_new (parent, self->casebook, &filter);
    }
  else
    {
      if (g_str_equal (action_name, "casebook.import-esf"))
        dialog = gawah_esf_import_dialog_new (parent, self->casebook);
      else if (g_str_equal (action_name, "casebook.import-xml"))
        dialog = gawah_xml_import_dialog_new (parent, self->casebook);
      else
        dialog = gawah_csv_import_dialog_new (parent, self->casebook);
      g_signal_connect_object (dialog, "imported", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
summary_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (widget);

  gtk_window_present (GTK_WINDOW (gawah_report_window_new_summary (widget, self->casebook, &self->filter)));
}

/* Ctrl+P anywhere on the page: the report of the incident being read. */
static void
case_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (widget);

  if (self->incident_view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->incident_view), "incident.case-report", NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (GAWAH_CASEBOOK_PAGE (widget)->search_entry));
}

/* The catalogue answers "which incidents engage Article N?"; choosing one
 * of them comes back to the list with it open. */
static void
on_show_incident_cb (GawahCasebookPage *self,
                     gint64             incident_id)
{
  adw_view_stack_set_visible_child_name (self->content_stack, "incidents");
  gawah_casebook_page_search (self, "");
  gawah_casebook_page_select (self, incident_id);
}

/* A mark on the timeline opens its incident in the list, filters kept. */
static void
on_timeline_incident_cb (GawahCasebookPage *self,
                         gint64             incident_id)
{
  adw_view_stack_set_visible_child_name (self->content_stack, "incidents");
  gawah_casebook_page_select (self, incident_id);
}

/* Given the casebook and the list's filter before it is put on screen, the
 * view counts once, as it is mapped. */
static void
build_statistics_view (GawahCasebookPage *self)
{
  self->statistics_view = GAWAH_STATISTICS_VIEW (gawah_statistics_view_new ());
  gawah_statistics_view_set_filter (self->statistics_view, &self->filter);
  gawah_statistics_view_set_casebook (self->statistics_view, self->casebook);
  adw_bin_set_child (self->statistics_bin, GTK_WIDGET (self->statistics_view));
}

static void
build_agenda_view (GawahCasebookPage *self)
{
  self->agenda_view = GAWAH_AGENDA_VIEW (gawah_agenda_view_new ());
  g_signal_connect_object (self->agenda_view, "show-incident", G_CALLBACK (on_timeline_incident_cb), self,
                           G_CONNECT_SWAPPED);
  gawah_agenda_view_set_casebook (self->agenda_view, self->casebook);
  adw_bin_set_child (self->agenda_bin, GTK_WIDGET (self->agenda_view));
}

static void
build_provision_browser (GawahCasebookPage *self)
{
  self->provision_browser = GAWAH_PROVISION_BROWSER (gawah_provision_browser_new ());
  g_signal_connect_object (self->provision_browser, "show-incident", G_CALLBACK (on_show_incident_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->catalogue_bin, GTK_WIDGET (self->provision_browser));
}

/* Each view is built the first time it is shown, and reads the casebook
 * when it is shown, so that it is current. */
static void
on_view_changed_cb (GawahCasebookPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->content_stack);

  /* The template's own first choice, before there is a casebook. */
  if (self->casebook == NULL)
    return;
  if (g_strcmp0 (name, "statistics") == 0 && self->statistics_view == NULL)
    build_statistics_view (self);
  else if (g_strcmp0 (name, "agenda") == 0 && self->agenda_view == NULL)
    build_agenda_view (self);
  else if (g_strcmp0 (name, "catalogue") == 0)
    {
      if (self->provision_browser == NULL)
        build_provision_browser (self);
      gawah_provision_browser_set_casebook (self->provision_browser, self->casebook);
    }
}

/* Indexed like the lanes dropdown's items. */
static const GawahTimelineLanes lane_choices[] = {
  GAWAH_TIMELINE_LANES_NONE, GAWAH_TIMELINE_LANES_PROVINCE, GAWAH_TIMELINE_LANES_ACT_TYPE,
  GAWAH_TIMELINE_LANES_HRD_CATEGORY, GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE,
};

static void
on_lanes_selected_cb (GawahCasebookPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->lanes_dropdown);

  if (selected < G_N_ELEMENTS (lane_choices))
    gawah_timeline_view_set_lanes (self->timeline_view, lane_choices[selected]);
}

static void
fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gawah_timeline_view_fit_all (GAWAH_CASEBOOK_PAGE (widget)->timeline_view);
}

static void
catalogue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (widget);
  gboolean shown = g_strcmp0 (adw_view_stack_get_visible_child_name (self->content_stack), "catalogue") == 0;

  adw_view_stack_set_visible_child_name (self->content_stack, shown ? "incidents" : "catalogue");
}

static void
set_up_dropdowns (GawahCasebookPage *self)
{
  gawah_vocabulary_dropdown_setup (self->province_dropdown, GAWAH_VOCAB_PROVINCE, _("Any province"));
  gawah_vocabulary_dropdown_setup (self->act_type_dropdown, GAWAH_VOCAB_ACT_TYPE, _("Any act"));
  /* Translators: the filter's “all” choice: a defender of any category. */
  gawah_vocabulary_dropdown_setup (self->category_dropdown, GAWAH_VOCAB_HRD_CATEGORY, _("Any defender"));
  gawah_vocabulary_dropdown_setup (self->perpetrator_dropdown, GAWAH_VOCAB_PERPETRATOR_TYPE, _("Any perpetrator"));
  gawah_vocabulary_dropdown_setup (self->status_dropdown, GAWAH_VOCAB_CASE_STATUS, _("Any status"));
}

GawahCasebookPage *
gawah_casebook_page_new (GawahCasebook *casebook)
{
  GawahCasebookPage *self = g_object_new (GAWAH_TYPE_CASEBOOK_PAGE, NULL);

  self->casebook = g_object_ref (casebook);
  self->model = gawah_incident_list_model_new (casebook);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_list_grown_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_list_grown_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gawah_timeline_view_set_casebook (self->timeline_view, casebook);
  update_count (self);
  return self;
}

static void
gawah_casebook_page_dispose (GObject *object)
{
  GawahCasebookPage *self = GAWAH_CASEBOOK_PAGE (object);

  /* Nothing of the casebook may outlive the page once it is locked. */
  if (self->incident_view != NULL)
    gawah_incident_view_set_incident (self->incident_view, NULL, 0);
  if (self->provision_browser != NULL)
    gawah_provision_browser_set_casebook (self->provision_browser, NULL);
  if (self->timeline_view != NULL)
    gawah_timeline_view_set_casebook (self->timeline_view, NULL);
  if (self->statistics_view != NULL)
    gawah_statistics_view_set_casebook (self->statistics_view, NULL);
  if (self->agenda_view != NULL)
    gawah_agenda_view_set_casebook (self->agenda_view, NULL);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_CASEBOOK_PAGE);
  self->incident_view = NULL;
  self->statistics_view = NULL;
  self->agenda_view = NULL;
  self->provision_browser = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->casebook);
  gawah_incident_filter_clear (&self->filter);
  G_OBJECT_CLASS (gawah_casebook_page_parent_class)->dispose (object);
}

static void
gawah_casebook_page_class_init (GawahCasebookPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_casebook_page_dispose;

  g_type_ensure (GAWAH_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-casebook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, act_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, perpetrator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, incident_bin);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, statistics_bin);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, agenda_bin);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, catalogue_bin);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, lanes_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_incident_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lanes_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, person_revealer);
  gtk_widget_class_bind_template_child (widget_class, GawahCasebookPage, person_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show_everyone_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_filter);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);

  gtk_widget_class_install_action (widget_class, "casebook.new-incident", NULL, new_incident_action);
  gtk_widget_class_install_action (widget_class, "casebook.edit-incident", NULL, edit_incident_action);
  gtk_widget_class_install_action (widget_class, "casebook.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "casebook.backups", NULL, trust_window_action);
  gtk_widget_class_install_action (widget_class, "casebook.change-passphrase", NULL, trust_window_action);
  gtk_widget_class_install_action (widget_class, "casebook.catalogue", NULL, catalogue_action);
  gtk_widget_class_install_action (widget_class, "casebook.import-esf", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "casebook.import-csv", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "casebook.export-csv", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "casebook.import-xml", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "casebook.export-xml", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "casebook.summary-report", NULL, summary_report_action);
  gtk_widget_class_install_action (widget_class, "casebook.fit-all", NULL, fit_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "casebook.catalogue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "casebook.new-incident", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "casebook.edit-incident", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "casebook.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "casebook.import-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "casebook.export-csv", NULL);
  /* Gawah XML is merged in ("M") and exported as a whole ("X"); OpenEvSys is opened ("O"). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "casebook.import-xml", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_X, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "casebook.export-xml", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "casebook.import-esf", NULL);
  gtk_widget_class_install_action (widget_class, "casebook.case-report", NULL, case_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "casebook.case-report", NULL);
}

static void
gawah_casebook_page_init (GawahCasebookPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_view_stack_set_visible_child_name (self->content_stack, "incidents");
  set_up_dropdowns (self);
}
