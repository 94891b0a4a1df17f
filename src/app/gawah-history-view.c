/* gawah-history-view.c: who changed an incident, when, and what
 *
 * The incident's audit trail, newest first, in words: each entry names the
 * person, the time, the part of the incident (an act, a source, a provision)
 * and each field's value before → after, with codes shown as their labels.
 * Above it, whether the whole trail's hash chain is unbroken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-audit.h"
#include "gawah-history-view.h"
#include "gawah-vocabulary.h"
#include "gawah-widget-util.h"

#define MAX_VALUE_CHARS 160

struct _GawahHistoryView
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkImage   *integrity_icon;
  GtkLabel   *integrity_label;
  GtkListBox *entries_list;

  /* state */
  guint       n_entries;
  gboolean    intact;
};

G_DEFINE_FINAL_TYPE (GawahHistoryView, gawah_history_view, GTK_TYPE_WIDGET)

typedef struct {
  const char *table;
  const char *noun;
} TableNoun;

static const TableNoun table_nouns[] = {
  { "incident", N_("Incident") },
  { "person", N_("Person") },
  { "person_category", N_("Person’s category") },
  { "act", N_("Act") },
  { "involvement", N_("Perpetrator of an act") },
  { "act_law", N_("Law invoked") },
  { "chronology", N_("Chronology entry") },
  { "follow_up", N_("Follow-up action") },
  { "source", N_("Source") },
  { "evidence", N_("Evidence") },
  { "incident_link", N_("Link to another incident") },
  { "provision_mapping", N_("Provision engaged") },
};

typedef struct {
  const char *column;
  const char *label;
  const char *vocabulary;    /* its values are codes of this vocabulary, or NULL */
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "title", N_("Title"), NULL },
  { "summary", N_("Summary"), NULL },
  { "start_date", N_("Start date"), NULL },
  { "end_date", N_("End date"), NULL },
  { "ongoing", N_("Ongoing"), NULL },
  { "province", N_("Province"), GAWAH_VOCAB_PROVINCE },
  { "district", N_("District"), NULL },
  { "place", N_("Place"), NULL },
  { "verification", N_("Verification"), GAWAH_VOCAB_VERIFICATION },
  { "confidentiality", N_("Confidentiality"), GAWAH_VOCAB_CONFIDENTIALITY },
  { "status", N_("Status"), GAWAH_VOCAB_CASE_STATUS },
  { "act_type", N_("Type of act"), GAWAH_VOCAB_ACT_TYPE },
  { "outcome", N_("Outcome"), NULL },
  { "degree", N_("Involvement"), GAWAH_VOCAB_INVOLVEMENT },
  { "law", N_("Law"), GAWAH_VOCAB_LAW },
  { "step", N_("Step"), GAWAH_VOCAB_CHRONOLOGY_STEP },
  { "description", N_("Description"), NULL },
  { "body", N_("Addressed to"), GAWAH_VOCAB_FOLLOW_UP_BODY },
  { "action_type", N_("Type of action"), GAWAH_VOCAB_FOLLOW_UP_TYPE },
  { "response", N_("Response"), NULL },
  { "source_type", N_("Type of source"), GAWAH_VOCAB_SOURCE_TYPE },
  { "reliability", N_("Reliability"), GAWAH_VOCAB_SOURCE_RELIABILITY },
  { "credibility", N_("Credibility"), GAWAH_VOCAB_CREDIBILITY },
  { "file_name", N_("File name"), NULL },
  { "sha256", N_("SHA-256"), NULL },
  { "link_type", N_("Link"), GAWAH_VOCAB_LINK_TYPE },
  { "note", N_("Note"), NULL },
  { "provision_id", N_("Provision"), NULL },
  { "decision", N_("Decision"), NULL },
  { "name_latin", N_("Name (Latin script)"), NULL },
  { "name_urdu", N_("Name (Urdu script)"), NULL },
  { "category", N_("Category"), GAWAH_VOCAB_HRD_CATEGORY },
  { "other_names", N_("Other names"), NULL },
  { "kind", N_("Kind"), GAWAH_VOCAB_PERSON_KIND },
  { "sex", N_("Sex"), GAWAH_VOCAB_SEX },
  { "perpetrator_type", N_("Type of perpetrator"), GAWAH_VOCAB_PERPETRATOR_TYPE },
  { "organisation", N_("Organisation"), NULL },
  { "date", N_("Date"), NULL },
  { "due_date", N_("Due date"), NULL },
  { "obtained_date", N_("Obtained"), NULL },
  { "media_type", N_("Type of file"), NULL },
  { "size", N_("Size in bytes"), NULL },
};

/* Columns that only link records together say nothing to a reader. */
static gboolean
is_internal_column (const char *column)
{
  return g_str_equal (column, "id") || g_str_equal (column, "uuid") || g_str_has_suffix (column, "_id") ||
         g_str_has_suffix (column, "precision") || g_str_equal (column, "rule_ids") ||
         g_str_equal (column, "decided_at") || g_str_equal (column, "added_by_reviewer");
}

static const char *
noun_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_nouns); i++)
    if (g_str_equal (table_nouns[i].table, table))
      return _(table_nouns[i].noun);
  return table;
}

static const char *
verb_for_action (const char *action)
{
  if (g_str_equal (action, "insert"))
    return _("added");
  if (g_str_equal (action, "delete"))
    return _("removed");
  if (g_str_equal (action, "genesis"))
    return _("history begins");
  return _("changed");
}

static const FieldLabel *
find_field (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].column, column))
      return &field_labels[i];
  return NULL;
}

/* Incidents and follow-up actions both have a status, from different
 * vocabularies: the code says which. */
static const char *
code_label (const char *vocabulary,
            const char *code)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  const char *label = gawah_vocabularies_label (vocabularies, vocabulary, code);

  if (label == code && g_str_equal (vocabulary, GAWAH_VOCAB_CASE_STATUS))
    return gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_FOLLOW_UP_STATUS, code);
  return label;
}

static const char *
decision_label (const char *code)
{
  if (g_strcmp0 (code, "confirmed") == 0)
    return _("confirmed");
  if (g_strcmp0 (code, "rejected") == 0)
    return _("rejected");
  if (g_strcmp0 (code, "pending") == 0)
    return _("to review");
  return code;
}

/* A value as a reader knows it: a code's label, long text shortened. */
static char *
describe_value (const FieldLabel *field,
                const char       *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));
  if (field != NULL && field->vocabulary != NULL)
    return g_strdup (code_label (field->vocabulary, value));
  if (field != NULL && g_str_equal (field->column, "decision"))
    return g_strdup (decision_label (value));
  /* Isolated (FSI … PDI), so that English text in an Urdu line, or the
   * other way round, keeps its quotes in place. */
  if (g_utf8_strlen (value, -1) <= MAX_VALUE_CHARS)
    return g_strdup_printf ("“\u2068%s\u2069”", value);
  shown = g_utf8_substring (value, 0, MAX_VALUE_CHARS);
  return g_strdup_printf ("“\u2068%s…\u2069”", shown);
}

static char *
describe_change (const GawahAuditChange *change)
{
  const FieldLabel *field = find_field (change->field);
  const char *label = field != NULL ? _(field->label) : change->field;
  g_autofree char *before = describe_value (field, change->before);
  g_autofree char *after = describe_value (field, change->after);

  if (change->before == NULL)
    return g_strdup_printf (_("%s: %s"), label, after);
  if (change->after == NULL)
    return g_strdup_printf (_("%s: %s"), label, before);
  /* Translators: a field's value before and after a change; in a
   * right-to-left language turn the arrow round (←). */
  return g_strdup_printf (_("%s: %s → %s"), label, before, after);
}

static char *
describe_time (const char *iso_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
entry_row (const GawahAuditEntry *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Translators: what changed, e.g. "Act: added", "Incident: changed". */
  g_autofree char *headline = g_strdup_printf (_("%s: %s"), noun_for_table (entry->table_name),
                                               verb_for_action (entry->action));
  g_autofree char *when = describe_time (entry->at);
  /* Translators: who made a change, and when. */
  g_autofree char *byline = g_strdup_printf (_("%s · %s"), entry->actor, when);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_label (headline, "heading"));
  gtk_box_append (GTK_BOX (box), new_label (byline, "dim-label"));
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const GawahAuditChange *change = g_ptr_array_index (entry->changes, i);
      g_autofree char *line = NULL;

      if (is_internal_column (change->field))
        continue;
      line = describe_change (change);
      gtk_box_append (GTK_BOX (box), new_label (line, NULL));
    }
  return box;
}

static void
clear_entries (GawahHistoryView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))) != NULL)
    gtk_list_box_remove (self->entries_list, child);
  self->n_entries = 0;
}

/* What is wrong with the trail, for people; NULL when it is whole. */
char *
gawah_history_describe_problem (const GawahAuditVerdict *verdict)
{
  if (verdict->problem != NULL && verdict->broken_id > 0)
    return g_strdup_printf (_("The history was tampered with at entry %lld: %s. Compare with a backup."),
                            (long long) verdict->broken_id, verdict->problem);
  if (verdict->problem != NULL)
    return g_strdup_printf (_("The history is incomplete: %s."), verdict->problem);
  return NULL;
}

static void
show_integrity (GawahHistoryView *self,
                GawahCasebook    *casebook)
{
  g_autoptr(GawahAuditVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!gawah_casebook_verify_audit (casebook, &verdict, &error))
    text = g_strdup_printf (_("The history could not be checked: %s"), error->message);
  else if (verdict->problem != NULL)
    text = gawah_history_describe_problem (verdict);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The history is intact: its chain of %lld entry is unbroken.",
                                         "The history is intact: its chain of %lld entries is unbroken.",
                                         (gulong) verdict->n_entries),
                            (long long) verdict->n_entries);
  self->intact = verdict != NULL && verdict->problem == NULL;
  gtk_label_set_text (self->integrity_label, text);
  gtk_image_set_from_icon_name (self->integrity_icon, self->intact ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->integrity_label), self->intact ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->integrity_label), self->intact ? "success" : "error");
}

void
gawah_history_view_set_incident (GawahHistoryView *self,
                                 GawahCasebook    *casebook,
                                 gint64            incident_id)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (GAWAH_IS_HISTORY_VIEW (self));

  clear_entries (self);
  if (casebook == NULL)
    return;
  show_integrity (self, casebook);
  entries = gawah_casebook_list_incident_history (casebook, incident_id, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    gtk_list_box_append (self->entries_list, entry_row (g_ptr_array_index (entries, i)));
  self->n_entries = entries != NULL ? entries->len : 0;
}

guint
gawah_history_view_get_n_entries (GawahHistoryView *self)
{
  g_return_val_if_fail (GAWAH_IS_HISTORY_VIEW (self), 0);
  return self->n_entries;
}

gboolean
gawah_history_view_get_intact (GawahHistoryView *self)
{
  g_return_val_if_fail (GAWAH_IS_HISTORY_VIEW (self), FALSE);
  return self->intact;
}

const char *
gawah_history_view_get_integrity_text (GawahHistoryView *self)
{
  g_return_val_if_fail (GAWAH_IS_HISTORY_VIEW (self), NULL);
  return gtk_label_get_text (self->integrity_label);
}

/* A window of its own beside the incident, closed with Escape. It reads
 * the casebook once: it holds no reference to it. */
GtkWindow *
gawah_history_view_present (GtkWidget     *parent,
                            GawahCasebook *casebook,
                            gint64         incident_id)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gawah_history_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (casebook, incident_id, NULL);
  GtkEventController *keys = gtk_shortcut_controller_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("History"), incident != NULL ? incident->title : ""));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("History"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  g_object_set_data (G_OBJECT (window), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  gawah_history_view_set_incident (GAWAH_HISTORY_VIEW (view), casebook, incident_id);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GtkWidget *
gawah_history_view_new (void)
{
  return g_object_new (GAWAH_TYPE_HISTORY_VIEW, NULL);
}

static void
gawah_history_view_dispose (GObject *object)
{
  gawah_widget_dispose_children (GTK_WIDGET (object), GAWAH_TYPE_HISTORY_VIEW);
  G_OBJECT_CLASS (gawah_history_view_parent_class)->dispose (object);
}

static void
gawah_history_view_class_init (GawahHistoryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_history_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahHistoryView, integrity_icon);
  gtk_widget_class_bind_template_child (widget_class, GawahHistoryView, integrity_label);
  gtk_widget_class_bind_template_child (widget_class, GawahHistoryView, entries_list);
}

static void
gawah_history_view_init (GawahHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
