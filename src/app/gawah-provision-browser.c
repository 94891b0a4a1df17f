/* gawah-provision-browser.c: the legal catalogue, instrument by instrument
 *
 * On the left the instruments with Pakistan's status under each; on the
 * right the chosen instrument: its status events, reservations and notes,
 * and its provisions with the number of incidents engaging each. Emits
 * "show-incident" with an incident id when one of those is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gawah-provision-browser.h"
#include "gawah-widget-util.h"

#define CLAUSE_INDENT 24

struct _GawahProvisionBrowser
{
  GtkWidget              parent_instance;

  /* template widgets */
  GtkListBox            *instrument_list;
  GtkSearchEntry        *search_entry;
  GtkScrolledWindow     *scroller;
  GtkLabel              *title_label;
  GtkLabel              *kind_label;
  GtkLabel              *error_label;
  GtkBox                *details_box;
  GtkLabel              *no_match_label;

  /* owned */
  GawahCasebook         *casebook;
  GPtrArray             *provision_rows;   /* AdwActionRow of the instrument shown */

  /* borrowed */
  const GawahInstrument *instrument;       /* from the default catalogue, which lives forever */
  GtkWidget             *status_group;     /* children of details_box, hidden while searching */
  GtkWidget             *notes_group;
};

enum {
  SIGNAL_SHOW_INCIDENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahProvisionBrowser, gawah_provision_browser, GTK_TYPE_WIDGET)

/* Status event types in provisions.xml, strongest first: the sidebar
 * shows a ratification rather than the signature before it. */
typedef enum {
  EVENT_RATIFIED,
  EVENT_ACCEDED,
  EVENT_SIGNED,
  EVENT_ENACTED,
  EVENT_ADOPTED,
  EVENT_IN_FORCE,
  N_EVENT_TYPES,
} EventType;

static const char * const event_types[N_EVENT_TYPES] = {
  "ratified", "acceded", "signed", "enacted", "adopted", "in-force",
};

static EventType
rank_event_type (const char *type)
{
  guint rank = N_EVENT_TYPES;

  gawah_code_index (event_types, N_EVENT_TYPES, type, &rank);
  return rank;
}

static const char *
describe_event_type (const char *type)
{
  switch (rank_event_type (type))
    {
    case EVENT_RATIFIED:
      /* Translators: Pakistan's status under a treaty. */
      return _("Ratified");
    case EVENT_ACCEDED:
      return _("Acceded");
    case EVENT_SIGNED:
      return _("Signed");
    case EVENT_ENACTED:
      /* Translators: a constitution's enactment. */
      return _("Enacted");
    case EVENT_ADOPTED:
      /* Translators: a declaration's adoption by the UN General Assembly. */
      return _("Adopted");
    case EVENT_IN_FORCE:
      /* Translators: the date a treaty became binding on Pakistan. */
      return _("In force for Pakistan");
    case N_EVENT_TYPES:
    default:
      return type;
    }
}

/* One line for the sidebar; word order differs between languages, so
 * each status is a sentence of its own. */
static char *
describe_event (const char *type,
                const char *date)
{
  switch (rank_event_type (type))
    {
    case EVENT_RATIFIED:
      /* Translators: Pakistan's status under a treaty; %s is a date, “23 June 2010”. */
      return g_strdup_printf (_("Ratified %s"), date);
    case EVENT_ACCEDED:
      return g_strdup_printf (_("Acceded %s"), date);
    case EVENT_SIGNED:
      return g_strdup_printf (_("Signed %s"), date);
    case EVENT_ENACTED:
      return g_strdup_printf (_("Enacted %s"), date);
    case EVENT_ADOPTED:
      return g_strdup_printf (_("Adopted %s"), date);
    case EVENT_IN_FORCE:
      return g_strdup_printf (_("In force %s"), date);
    case N_EVENT_TYPES:
    default:
      return g_strdup (date);
    }
}

/* "23 June 2010", month names in the interface language. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso != NULL ? iso : "");
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso);
  return g_date_time_format (date, "%-d %B %Y");
}

/* The strongest event, or none at all: an instrument Pakistan is not a
 * party to. */
static char *
describe_status (const GawahInstrument *instrument)
{
  const GawahStatusEvent *best = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < instrument->events->len; i++)
    {
      const GawahStatusEvent *event = g_ptr_array_index (instrument->events, i);

      if (best == NULL || rank_event_type (event->type) < rank_event_type (best->type))
        best = event;
    }
  if (best == NULL)
    return g_strdup (_("Not a party"));
  date = format_date (best->date);
  return describe_event (best->type, date);
}

static const char *
describe_kind (const GawahInstrument *instrument)
{
  if (g_strcmp0 (instrument->kind, "constitution") == 0)
    return _("Constitution");
  if (g_strcmp0 (instrument->kind, "declaration") == 0)
    /* Translators: a non-binding instrument such as the UDHR. */
    return _("Declaration");
  return _("Treaty");
}

GtkWidget *
gawah_tag_new (const char *text,
               const char *css_class,
               const char *tooltip)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption-heading");
  if (css_class != NULL)
    gtk_widget_add_css_class (tag, css_class);
  gtk_widget_set_tooltip_text (tag, tooltip);
  return tag;
}

/* provision->verified is FALSE as soon as either language is unchecked; the
 * reader is told only about the text in front of them. */
gboolean
gawah_provision_is_unverified (const GawahProvision *provision)
{
  GawahLanguage language = gawah_language_current ();
  gboolean texts_flagged = FALSE;

  if (provision->verified)
    return FALSE;
  for (guint i = 0; i < GAWAH_N_LANGUAGES; i++)
    texts_flagged |= provision->heading.unverified[i] || provision->summary.unverified[i];
  return !texts_flagged || provision->heading.unverified[language] || provision->summary.unverified[language];
}

static GtkWidget *
unverified_tag_new (void)
{
  /* Translators: a badge on catalogue text not yet checked against the official text. */
  return gawah_tag_new (_("Unverified"), "warning", _("Not yet checked against the official text"));
}

static char *
normalize (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

static void
append_text (GString         *key,
             const GawahText *text)
{
  for (guint i = 0; i < GAWAH_N_LANGUAGES; i++)
    if (text->text[i] != NULL)
      g_string_append_printf (key, " %s", text->text[i]);
}

/* The citation as shown, the instrument's short titles and the heading in
 * both languages, so that "iccpr 9", "art. 19a" and "آزادی" all find a
 * provision. */
char *
gawah_provision_dup_search_key (const GawahProvision *provision,
                                gboolean              with_summary)
{
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  const GawahInstrument *instrument = gawah_catalogue_find_instrument (catalogue, provision->instrument_id);
  g_autofree char *citation = gawah_catalogue_dup_citation (catalogue, provision->id);
  g_autoptr(GString) key = g_string_new (citation);

  if (instrument != NULL)
    append_text (key, &instrument->short_title);
  append_text (key, &provision->heading);
  if (with_summary)
    append_text (key, &provision->summary);
  return normalize (key->str);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
has_word_starting_with (const char *key,
                        const char *word)
{
  for (const char *p = strstr (key, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *previous = g_utf8_find_prev_char (key, p);

      if (previous == NULL || !is_word_char (g_utf8_get_char (previous)))
        return TRUE;
    }
  return FALSE;
}

/* Every word of the query must begin a word of the key: "9" finds
 * Article 9 and 9(1), not 19. */
gboolean
gawah_search_key_matches (const char *key,
                          const char *query)
{
  g_autofree char *normalized = normalize (query);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (normalized), " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !has_word_starting_with (key, words[i]))
      return FALSE;
  return TRUE;
}

static void
show_error (GawahProvisionBrowser *self,
            const GError          *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
incident_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       GtkMenuButton *button)
{
  GawahProvisionBrowser *self = GAWAH_PROVISION_BROWSER (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                                 GAWAH_TYPE_PROVISION_BROWSER));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "incident-id");

  gtk_menu_button_popdown (button);
  g_signal_emit (self, signals[SIGNAL_SHOW_INCIDENT], 0, id);
}

static GtkWidget *
create_incident_row (GawahProvisionBrowser *self,
                     gint64                 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (self->casebook, id, &error);
  g_autofree char *title = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;

  if (incident != NULL && incident->title != NULL && *incident->title != '\0')
    title = g_strdup (incident->title);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: an incident without a title, by its number. */
      title = g_strdup_printf (_("Incident %s"), number);
    }
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "incident-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

/* The incidents are read when the popover opens, so that the list is
 * never stale and nothing is read for provisions nobody looks at. */
static void
create_incidents_popover_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  GawahProvisionBrowser *self = user_data;
  const char *provision_id = g_object_get_data (G_OBJECT (button), "provision-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  if (self->casebook != NULL)
    ids = gawah_casebook_incidents_engaging (self->casebook, provision_id, FALSE, &error);
  show_error (self, error);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), create_incident_row (self, g_array_index (ids, gint64, i)));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (GTK_WIDGET (button)), -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (incident_activated_cb), button);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (button, popover);
}

static char *
short_citation (const GawahProvision *provision)
{
  /* Translators: an article of the instrument being shown, e.g. “Art. 10A”. */
  return g_strdup_printf (_("Art. %s"), provision->number);
}

static void
update_count (GawahProvisionBrowser *self,
              GtkWidget             *row)
{
  GtkMenuButton *button = g_object_get_data (G_OBJECT (row), "count-button");
  const char *provision_id = g_object_get_data (G_OBJECT (row), "provision-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (button), self->casebook != NULL);
  if (self->casebook == NULL)
    return;
  ids = gawah_casebook_incidents_engaging (self->casebook, provision_id, FALSE, &error);
  if (ids == NULL)
    {
      show_error (self, error);
      return;
    }
  /* Translators: how many incidents engage a provision. */
  label = g_strdup_printf (_("Incidents: %u"), ids->len);
  /* Translators: %1$s is a provision (“Art. 9”), %2$u a number of incidents. */
  description = g_strdup_printf (_("Incidents engaging %1$s: %2$u"),
                                 (const char *) g_object_get_data (G_OBJECT (row), "citation"), ids->len);
  gtk_menu_button_set_label (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (button), ids->len > 0);
}

static void
update_counts (GawahProvisionBrowser *self)
{
  show_error (self, NULL);
  for (guint i = 0; i < self->provision_rows->len; i++)
    update_count (self, g_ptr_array_index (self->provision_rows, i));
}

static GtkWidget *
create_count_button (GawahProvisionBrowser *self,
                     const GawahProvision  *provision,
                     const char            *citation)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *tooltip = NULL;

  /* Translators: %s is a provision, “Art. 9”; suggested or confirmed, not rejected. */
  tooltip = g_strdup_printf (_("Show the incidents engaging %s"), citation);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "provision-id", provision->id);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_incidents_popover_cb, self, NULL);
  return button;
}

static GtkWidget *
create_provision_row (GawahProvisionBrowser *self,
                      const GawahProvision  *provision)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *citation = short_citation (provision);
  g_autofree char *title = NULL;
  GtkWidget *count_button = create_count_button (self, provision, citation);

  /* Translators: a provision's citation and heading: “Art. 9 — Security of person”. */
  title = g_strdup_printf (_("%1$s — %2$s"), citation, gawah_text_get_current (&provision->heading));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gawah_text_get_current (&provision->summary));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (provision->parent_id != NULL)
    {
      /* Clauses stand under their article. */
      GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (indent, CLAUSE_INDENT, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
    }
  if (gawah_provision_is_unverified (provision))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), unverified_tag_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_button);

  g_object_set_data (G_OBJECT (row), "provision-id", provision->id);
  g_object_set_data (G_OBJECT (row), "count-button", count_button);
  g_object_set_data_full (G_OBJECT (row), "citation", g_steal_pointer (&citation), g_free);
  g_object_set_data_full (G_OBJECT (row), "search-key", gawah_provision_dup_search_key (provision, TRUE), g_free);
  return row;
}

static GtkWidget *
create_event_row (const GawahStatusEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_date (event->date);
  GtkWidget *date_label = gtk_label_new (date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe_event_type (event->type));
  if (!event->verified)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), unverified_tag_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), date_label);
  return row;
}

static GtkWidget *
create_status_group (const GawahInstrument *instrument)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Pakistan’s Status"));
  for (guint i = 0; i < instrument->events->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_event_row (g_ptr_array_index (instrument->events, i)));
  if (instrument->events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not a party"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* "Reservation (Art. 3, 6, 7)": the articles a reservation concerns. */
static char *
describe_note_title (const GawahStatusNote *note)
{
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  g_autoptr(GString) numbers = g_string_new (NULL);

  if (!note->is_reservation)
    /* Translators: a note on Pakistan's status under an instrument. */
    return g_strdup (_("Note"));
  for (guint i = 0; note->provision_ids[i] != NULL; i++)
    {
      const GawahProvision *provision = gawah_catalogue_find_provision (catalogue, note->provision_ids[i]);

      g_string_append_printf (numbers, "%s%s", numbers->len > 0 ? _(", ") : "",
                              provision != NULL ? provision->number : note->provision_ids[i]);
    }
  if (numbers->len == 0)
    return g_strdup (_("Reservation"));
  /* Translators: a reservation and the articles it concerns: “Reservation (Art. 3, 6, 7)”. */
  return g_strdup_printf (_("Reservation (Art. %s)"), numbers->str);
}

static GtkWidget *
create_note_row (const GawahStatusNote *note)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe_note_title (note);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gawah_text_get_current (&note->text));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!note->verified)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), unverified_tag_new ());
  return row;
}

static GtkWidget *
create_notes_group (const GawahInstrument *instrument)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reservations and Notes"));
  for (guint i = 0; i < instrument->notes->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_note_row (g_ptr_array_index (instrument->notes, i)));
  return group;
}

static GtkWidget *
create_provisions_group (GawahProvisionBrowser *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Provisions"));
  if (self->casebook != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Incidents count where a provision is suggested or confirmed, not where it was rejected."));
  for (guint i = 0; i < self->instrument->provisions->len; i++)
    {
      GtkWidget *row = create_provision_row (self, g_ptr_array_index (self->instrument->provisions, i));

      g_ptr_array_add (self->provision_rows, g_object_ref (row));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
apply_search (GawahProvisionBrowser *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = *query != '\0';
  guint shown = 0;

  for (guint i = 0; i < self->provision_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->provision_rows, i);
      gboolean match = gawah_search_key_matches (g_object_get_data (G_OBJECT (row), "search-key"), query);

      gtk_widget_set_visible (row, match);
      shown += match ? 1 : 0;
    }
  /* While searching, only provisions are shown. */
  if (self->status_group != NULL)
    gtk_widget_set_visible (self->status_group, !searching);
  if (self->notes_group != NULL)
    gtk_widget_set_visible (self->notes_group, !searching);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), searching && shown == 0);
}

static void
clear_details (GawahProvisionBrowser *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->provision_rows, 0);
  self->status_group = NULL;
  self->notes_group = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);
}

static void
show_instrument (GawahProvisionBrowser *self)
{
  clear_details (self);
  if (self->instrument == NULL)
    return;
  gtk_label_set_text (self->title_label, gawah_text_get_current (&self->instrument->title));
  gtk_label_set_text (self->kind_label, describe_kind (self->instrument));

  self->status_group = create_status_group (self->instrument);
  gtk_box_append (self->details_box, self->status_group);
  if (self->instrument->notes->len > 0)
    {
      self->notes_group = create_notes_group (self->instrument);
      gtk_box_append (self->details_box, self->notes_group);
    }
  if (self->instrument->provisions->len > 0)
    gtk_box_append (self->details_box, create_provisions_group (self));
  update_counts (self);
  apply_search (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
on_instrument_selected_cb (GawahProvisionBrowser *self,
                           GtkListBoxRow         *row)
{
  self->instrument = row != NULL ? g_object_get_data (G_OBJECT (row), "instrument") : NULL;
  show_instrument (self);
}

static void
on_search_changed_cb (GawahProvisionBrowser *self)
{
  apply_search (self);
}

static GtkWidget *
create_instrument_row (const GawahInstrument *instrument)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  const char *short_title = gawah_text_get_current (&instrument->short_title);
  g_autofree char *status = describe_status (instrument);
  g_autofree char *description = NULL;
  GtkWidget *title_label = gtk_label_new (short_title);
  GtkWidget *status_label = gtk_label_new (status);

  gtk_widget_set_halign (title_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_halign (status_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (status_label), 0);
  gtk_label_set_wrap (GTK_LABEL (status_label), TRUE);
  gtk_widget_add_css_class (status_label, "caption");
  gtk_widget_add_css_class (status_label, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), status_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_tooltip_text (row, gawah_text_get_current (&instrument->title));
  /* Translators: an instrument and Pakistan's status, read out by screen readers: “ICCPR: Ratified 23 June 2010”. */
  description = g_strdup_printf (_("%1$s: %2$s"), short_title, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (row), "instrument", (gpointer) instrument);
  return row;
}

static void
fill_instruments (GawahProvisionBrowser *self)
{
  const GPtrArray *instruments = gawah_catalogue_get_instruments (gawah_catalogue_get_default ());

  for (guint i = 0; i < instruments->len; i++)
    gtk_list_box_append (self->instrument_list, create_instrument_row (g_ptr_array_index (instruments, i)));
  gtk_list_box_select_row (self->instrument_list, gtk_list_box_get_row_at_index (self->instrument_list, 0));
}

GtkWidget *
gawah_provision_browser_new (void)
{
  return g_object_new (GAWAH_TYPE_PROVISION_BROWSER, NULL);
}

/* NULL forgets the casebook (when locking): the catalogue stays, the
 * incident counts go. */
void
gawah_provision_browser_set_casebook (GawahProvisionBrowser *self,
                                      GawahCasebook         *casebook)
{
  g_return_if_fail (GAWAH_IS_PROVISION_BROWSER (self));
  g_return_if_fail (casebook == NULL || GAWAH_IS_CASEBOOK (casebook));

  if (!g_set_object (&self->casebook, casebook))
    return;
  show_instrument (self);
}

/* Decisions taken elsewhere change the counts: they are read again each
 * time the browser comes into view. */
static void
gawah_provision_browser_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gawah_provision_browser_parent_class)->map (widget);
  update_counts (GAWAH_PROVISION_BROWSER (widget));
}

static void
gawah_provision_browser_dispose (GObject *object)
{
  GawahProvisionBrowser *self = GAWAH_PROVISION_BROWSER (object);
  /* A list losing its rows unselects them: nothing is to be shown any more. */
  if (self->instrument_list != NULL)
    g_signal_handlers_disconnect_by_data (self->instrument_list, self);
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_PROVISION_BROWSER);
  g_clear_pointer (&self->provision_rows, g_ptr_array_unref);
  self->status_group = NULL;
  self->notes_group = NULL;
  g_clear_object (&self->casebook);
  G_OBJECT_CLASS (gawah_provision_browser_parent_class)->dispose (object);
}

static void
gawah_provision_browser_class_init (GawahProvisionBrowserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_provision_browser_dispose;
  widget_class->map = gawah_provision_browser_map;

  signals[SIGNAL_SHOW_INCIDENT] = g_signal_new ("show-incident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-provision-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, instrument_list);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, scroller);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, title_label);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, error_label);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, details_box);
  gtk_widget_class_bind_template_child (widget_class, GawahProvisionBrowser, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, on_instrument_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
gawah_provision_browser_init (GawahProvisionBrowser *self)
{
  self->provision_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_instruments (self);
}
