/* gawah-mapping-panel.c: the provisions an incident engages, and the reviewer's decisions
 *
 * One group per instrument, in catalogue order: the violations, then the
 * remedies. Each provision says why the rules suggest it; the reviewer
 * confirms or rejects it (pressing the active decision again undoes it),
 * writes a note, or adds a provision no rule suggested. Every decision is
 * saved at once and followed by "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-catalogue.h"
#include "gawah-mapping.h"
#include "gawah-mapping-panel.h"
#include "gawah-provision-browser.h"
#include "gawah-widget-util.h"

#define MAPPING_ROW_KEY "gawah-mapping-row"

struct _GawahMappingPanel
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkLabel       *error_label;
  GtkLabel       *empty_label;
  GtkBox         *groups_box;
  GtkMenuButton  *add_button;
  GtkPopover     *add_popover;
  GtkSearchEntry *search_entry;
  GtkListBox     *catalogue_list;
  GtkLabel       *no_match_label;

  /* owned */
  GawahCasebook  *casebook;
  GHashTable     *rows;            /* provision id → its AdwExpanderRow (borrowed); not offered again */
  gint64          incident_id;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahMappingPanel, gawah_mapping_panel, GTK_TYPE_WIDGET)

/* What one provision row shows, and what saving a decision needs. The
 * widgets are the row's children. */
typedef struct {
  gint64           incident_id;
  char            *provision_id;
  char            *citation;
  char            *reasons;
  char            *note;
  GawahDecision    decision;
  gboolean         suggested;
  AdwExpanderRow  *row;
  GtkLabel        *state_label;
  GtkToggleButton *confirm_button;
  GtkToggleButton *reject_button;
  AdwEntryRow     *note_row;
} MappingRow;

static void
mapping_row_free (MappingRow *state)
{
  g_free (state->provision_id);
  g_free (state->citation);
  g_free (state->reasons);
  g_free (state->note);
  g_free (state);
}

static MappingRow *
mapping_row_get (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), MAPPING_ROW_KEY);
}

static GawahMappingPanel *
panel_of (gpointer widget)
{
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (widget), GAWAH_TYPE_MAPPING_PANEL);

  return panel != NULL ? GAWAH_MAPPING_PANEL (panel) : NULL;
}

static void
show_error (GawahMappingPanel *self,
            const GError      *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* The rules' reasons, in the interface language, one a line. */
static char *
describe_reasons (const GawahProvisionMapping *mapping)
{
  GawahMappingRules *rules = gawah_mapping_rules_get_default ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; mapping->rule_ids[i] != NULL; i++)
    {
      const GawahRule *rule = gawah_mapping_rules_find (rules, mapping->rule_ids[i]);

      if (rule != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", gawah_text_get_current (&rule->reason));
    }
  if (text->len > 0)
    return g_string_free (g_steal_pointer (&text), FALSE);
  if (mapping->added_by_reviewer)
    return g_strdup (_("Added by the reviewer"));
  /* Translators: a provision the reviewer decided on, which the incident's acts no longer suggest. */
  return g_strdup (_("No rule suggests it any more"));
}

static void
show_subtitle (MappingRow *state)
{
  g_autofree char *subtitle = NULL;

  if (state->note == NULL)
    {
      adw_expander_row_set_subtitle (state->row, state->reasons);
      return;
    }
  /* Translators: %1$s is why a provision was suggested, %2$s the reviewer's note on it. */
  subtitle = g_strdup_printf (_("%1$s\nReviewer’s note: %2$s"), state->reasons, state->note);
  adw_expander_row_set_subtitle (state->row, subtitle);
}

static const char *
describe_decision (const MappingRow  *state,
                   const char       **css_class)
{
  switch (state->decision)
    {
    case GAWAH_DECISION_CONFIRMED:
      *css_class = "success";
      /* Translators: the reviewer confirmed that the incident engages this provision. */
      return _("Confirmed");
    case GAWAH_DECISION_REJECTED:
      *css_class = "error";
      /* Translators: the reviewer decided that the incident does not engage this provision. */
      return _("Rejected");
    case GAWAH_DECISION_PENDING:
    default:
      *css_class = "accent";
      /* Translators: “Suggested” by the mapping rules; “Undecided”: added, then taken back, by the reviewer. */
      return state->suggested ? _("Suggested") : _("Undecided");
    }
}

static void
show_decision (MappingRow *state)
{
  static const char * const classes[] = { "accent", "success", "error" };
  const char *css_class = NULL;
  const char *text = describe_decision (state, &css_class);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (state->state_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (state->state_label), css_class);
  gtk_label_set_text (state->state_label, text);
  gtk_toggle_button_set_active (state->confirm_button, state->decision == GAWAH_DECISION_CONFIRMED);
  gtk_toggle_button_set_active (state->reject_button, state->decision == GAWAH_DECISION_REJECTED);
}

static gboolean
save_decision (GawahMappingPanel *self,
               MappingRow        *state,
               GawahDecision      decision,
               const char        *note)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_note = g_strdup (note);   /* note may be state->note itself */

  if (!gawah_casebook_decide_provision (self->casebook, state->incident_id, state->provision_id,
                                        decision, saved_note, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  show_error (self, NULL);
  state->decision = decision;
  g_free (state->note);
  state->note = g_steal_pointer (&saved_note);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
decision_clicked_cb (GtkToggleButton *button,
                     AdwExpanderRow  *row)
{
  GawahMappingPanel *self = panel_of (row);
  MappingRow *state = mapping_row_get (row);
  GawahDecision chosen = button == state->confirm_button ? GAWAH_DECISION_CONFIRMED : GAWAH_DECISION_REJECTED;

  if (self == NULL || self->casebook == NULL)
    return;
  /* Pressing the decision already taken takes it back. */
  save_decision (self, state, state->decision == chosen ? GAWAH_DECISION_PENDING : chosen, state->note);
  /* The buttons toggled themselves; they show what was saved. */
  show_decision (state);
}

static void
save_note (AdwExpanderRow *row)
{
  GawahMappingPanel *self = panel_of (row);
  MappingRow *state = mapping_row_get (row);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->note_row))));

  if (self == NULL || self->casebook == NULL || g_strcmp0 (note, state->note != NULL ? state->note : "") == 0)
    return;
  if (save_decision (self, state, state->decision, *note != '\0' ? note : NULL))
    show_subtitle (state);
}

static void
note_applied_cb (AdwEntryRow    *note_row,
                 AdwExpanderRow *row)
{
  save_note (row);
}

/* Leaving the note saves it too: a note typed and left is not lost. */
static void
note_focus_left_cb (GtkEventControllerFocus *controller,
                    AdwExpanderRow          *row)
{
  save_note (row);
}

static GtkToggleButton *
create_decision_button (AdwExpanderRow *row,
                        const char     *icon_name,
                        const char     *label)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect (button, "clicked", G_CALLBACK (decision_clicked_cb), row);
  return GTK_TOGGLE_BUTTON (button);
}

static void
add_note_row (MappingRow *state)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *label = NULL;

  state->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (state->note_row), _("Reviewer’s note"));
  adw_entry_row_set_show_apply_button (state->note_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (state->note_row), state->note != NULL ? state->note : "");
  /* Translators: %s is a provision, “Constitution of Pakistan Art. 9”. */
  label = g_strdup_printf (_("Reviewer’s note on %s"), state->citation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->note_row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (state->note_row, "apply", G_CALLBACK (note_applied_cb), state->row);
  g_signal_connect (focus, "leave", G_CALLBACK (note_focus_left_cb), state->row);
  gtk_widget_add_controller (GTK_WIDGET (state->note_row), focus);
  adw_expander_row_add_row (state->row, GTK_WIDGET (state->note_row));
}

static void
add_tags (GtkBox                      *box,
          const GawahProvisionMapping *mapping,
          const GawahProvision        *provision)
{
  if (g_strcmp0 (mapping->role, "remedy") == 0)
    gtk_box_append (box, gawah_tag_new (_("Remedy"), "dim-label", _("A way to redress violations, not a violation")));
  if (provision != NULL && gawah_provision_is_unverified (provision))
    /* Translators: a badge on catalogue text not yet checked against the official text. */
    gtk_box_append (box, gawah_tag_new (_("Unverified"), "warning", _("Not yet checked against the official text")));
}

/* Tags, the decision taken, and the buttons to change it, in one box so
 * that they keep this order. */
static void
add_actions (MappingRow                  *state,
             const GawahProvisionMapping *mapping,
             const GawahProvision        *provision)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *confirm = NULL;
  g_autofree char *reject = NULL;

  /* Translators: %s is a provision, “Constitution of Pakistan Art. 9”. */
  confirm = g_strdup_printf (_("Confirm %s"), state->citation);
  /* Translators: %s is a provision, “Constitution of Pakistan Art. 9”. */
  reject = g_strdup_printf (_("Reject %s"), state->citation);
  state->state_label = GTK_LABEL (gtk_label_new (NULL));
  state->confirm_button = create_decision_button (state->row, "emblem-ok-symbolic", confirm);
  state->reject_button = create_decision_button (state->row, "window-close-symbolic", reject);
  gtk_widget_add_css_class (GTK_WIDGET (state->state_label), "caption-heading");
  gtk_widget_set_margin_start (GTK_WIDGET (state->state_label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (state->state_label), 6);

  add_tags (GTK_BOX (box), mapping, provision);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->state_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->confirm_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->reject_button));
  adw_expander_row_add_action (state->row, box);
}

static GtkWidget *
create_mapping_row (GawahMappingPanel           *self,
                    const GawahProvisionMapping *mapping)
{
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  const GawahProvision *provision = gawah_catalogue_find_provision (catalogue, mapping->provision_id);
  MappingRow *state = g_new0 (MappingRow, 1);
  g_autofree char *title = NULL;

  state->incident_id = self->incident_id;
  state->provision_id = g_strdup (mapping->provision_id);
  state->citation = gawah_catalogue_dup_citation (catalogue, mapping->provision_id);
  state->reasons = describe_reasons (mapping);
  /* The casebook keeps "no note" as an empty one. */
  state->note = mapping->note != NULL && *mapping->note != '\0' ? g_strdup (mapping->note) : NULL;
  state->decision = mapping->decision;
  state->suggested = mapping->rule_ids[0] != NULL;
  state->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_object_set_data_full (G_OBJECT (state->row), MAPPING_ROW_KEY, state, (GDestroyNotify) mapping_row_free);

  if (provision != NULL)
    /* Translators: a provision's citation and heading: “ICCPR Art. 9 — Liberty and security of person”. */
    title = g_strdup_printf (_("%1$s — %2$s"), state->citation, gawah_text_get_current (&provision->heading));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (state->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (state->row), title != NULL ? title : state->citation);
  add_actions (state, mapping, provision);
  add_note_row (state);
  show_subtitle (state);
  show_decision (state);
  return GTK_WIDGET (state->row);
}

static gboolean
belongs_to (const GawahProvisionMapping *mapping,
            const GawahInstrument       *instrument,
            gboolean                     remedies)
{
  const GawahProvision *provision = gawah_catalogue_find_provision (gawah_catalogue_get_default (),
                                                                   mapping->provision_id);

  return provision != NULL && g_str_equal (provision->instrument_id, instrument->id) &&
         (g_strcmp0 (mapping->role, "remedy") == 0) == remedies;
}

/* Violations first, then remedies: what was breached, then what can be
 * done about it. */
static void
add_instrument_group (GawahMappingPanel     *self,
                      const GawahInstrument *instrument,
                      GPtrArray             *mappings)
{
  GtkWidget *group = NULL;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < mappings->len; i++)
      {
        const GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);
        GtkWidget *row;

        if (!belongs_to (mapping, instrument, pass == 1))
          continue;
        if (group == NULL)
          {
            group = adw_preferences_group_new ();
            adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                             gawah_text_get_current (&instrument->short_title));
            gtk_box_append (self->groups_box, group);
          }
        row = create_mapping_row (self, mapping);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        g_hash_table_insert (self->rows, g_strdup (mapping->provision_id), row);
      }
}

static void
clear_groups (GawahMappingPanel *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
fill_groups (GawahMappingPanel *self,
             GPtrArray         *mappings)
{
  const GPtrArray *instruments = gawah_catalogue_get_instruments (gawah_catalogue_get_default ());

  for (guint i = 0; i < instruments->len; i++)
    add_instrument_group (self, g_ptr_array_index (instruments, i), mappings);
  /* A provision gone from the catalogue has no row, but is not offered again either. */
  for (guint i = 0; i < mappings->len; i++)
    {
      const GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);

      if (!g_hash_table_contains (self->rows, mapping->provision_id))
        g_hash_table_insert (self->rows, g_strdup (mapping->provision_id), NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), mappings->len == 0);
}

/* Suggestions are brought up to date first: the rules may have changed
 * since the incident was last shown. */
static void
reload (GawahMappingPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mappings = NULL;

  clear_groups (self);
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->casebook != NULL);
  if (self->casebook == NULL)
    return;
  if (!gawah_casebook_refresh_suggestions (self->casebook, self->incident_id, &error) ||
      (mappings = gawah_casebook_list_mappings (self->casebook, self->incident_id, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  fill_groups (self, mappings);
}

/* After adding a provision, keyboard focus goes to its new row. */
static void
focus_provision (GawahMappingPanel *self,
                 const char        *provision_id)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, provision_id);

  /* The expander row takes focus through its header. */
  if (row != NULL && !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

/* The popover's list holds the whole catalogue; what is shown depends on
 * the search and on what the incident already engages. */
static void
filter_catalogue (GawahMappingPanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint shown = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->catalogue_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *provision_id = g_object_get_data (G_OBJECT (row), "provision-id");
      gboolean visible = !g_hash_table_contains (self->rows, provision_id) &&
                         gawah_search_key_matches (g_object_get_data (G_OBJECT (row), "search-key"), query);

      gtk_widget_set_visible (row, visible);
      shown += visible ? 1 : 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), shown == 0);
}

static void
add_provision (GawahMappingPanel *self,
               const char        *provision_id)
{
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->add_popover);
  if (self->casebook == NULL)
    return;
  if (!gawah_casebook_decide_provision (self->casebook, self->incident_id, provision_id,
                                        GAWAH_DECISION_CONFIRMED, NULL, &error))
    {
      show_error (self, error);
      return;
    }
  reload (self);
  focus_provision (self, provision_id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_catalogue_row_activated_cb (GawahMappingPanel *self,
                               GtkListBoxRow     *row)
{
  add_provision (self, g_object_get_data (G_OBJECT (row), "provision-id"));
}

static void
on_search_changed_cb (GawahMappingPanel *self)
{
  filter_catalogue (self);
}

/* Enter takes the first match. */
static void
on_search_activate_cb (GawahMappingPanel *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->catalogue_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row))
      {
        on_catalogue_row_activated_cb (self, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
on_search_stop_cb (GawahMappingPanel *self)
{
  gtk_popover_popdown (self->add_popover);
}

static void
on_add_popover_show_cb (GawahMappingPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  filter_catalogue (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkWidget *
create_start_label (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_catalogue_row (const GawahProvision *provision)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *citation = gawah_catalogue_dup_citation (gawah_catalogue_get_default (), provision->id);
  const char *heading = gawah_text_get_current (&provision->heading);
  g_autofree char *label = NULL;

  gtk_box_append (GTK_BOX (box), create_start_label (citation, "heading"));
  gtk_box_append (GTK_BOX (box), create_start_label (heading, "dim-label"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: read out by screen readers: “ICCPR Art. 9, Liberty and security of person”. */
  label = g_strdup_printf (_("%1$s, %2$s"), citation, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (row), "provision-id", provision->id);
  g_object_set_data_full (G_OBJECT (row), "search-key", gawah_provision_dup_search_key (provision, FALSE), g_free);
  return row;
}

/* The catalogue is built in and never changes: its list is made once. */
static void
fill_catalogue (GawahMappingPanel *self)
{
  const GPtrArray *instruments = gawah_catalogue_get_instruments (gawah_catalogue_get_default ());

  for (guint i = 0; i < instruments->len; i++)
    {
      const GawahInstrument *instrument = g_ptr_array_index (instruments, i);

      for (guint p = 0; p < instrument->provisions->len; p++)
        gtk_list_box_append (self->catalogue_list, create_catalogue_row (g_ptr_array_index (instrument->provisions, p)));
    }
}

GtkWidget *
gawah_mapping_panel_new (void)
{
  return g_object_new (GAWAH_TYPE_MAPPING_PANEL, NULL);
}

/* A NULL casebook empties the panel and lets go of the casebook (when
 * locking). Rows are removed before the casebook is replaced, so that a
 * note being typed is saved to the incident it was written for. */
void
gawah_mapping_panel_set_incident (GawahMappingPanel *self,
                                  GawahCasebook     *casebook,
                                  gint64             incident_id)
{
  g_return_if_fail (GAWAH_IS_MAPPING_PANEL (self));
  g_return_if_fail (casebook == NULL || GAWAH_IS_CASEBOOK (casebook));

  clear_groups (self);
  gtk_popover_popdown (self->add_popover);
  g_set_object (&self->casebook, casebook);
  self->incident_id = casebook != NULL ? incident_id : 0;
  reload (self);
}

static void
gawah_mapping_panel_dispose (GObject *object)
{
  GawahMappingPanel *self = GAWAH_MAPPING_PANEL (object);
  /* The rows go first, while the casebook can still take a note. */
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_MAPPING_PANEL);
  g_clear_object (&self->casebook);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  G_OBJECT_CLASS (gawah_mapping_panel_parent_class)->dispose (object);
}

static void
gawah_mapping_panel_class_init (GawahMappingPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_mapping_panel_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-mapping-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, groups_box);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, add_popover);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, catalogue_list);
  gtk_widget_class_bind_template_child (widget_class, GawahMappingPanel, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_row_activated_cb);
}

static void
gawah_mapping_panel_init (GawahMappingPanel *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_catalogue (self);
}
