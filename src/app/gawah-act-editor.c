/* gawah-act-editor.c: one act, "who did what to whom"
 *
 * Like the incident editor, there is no Save button: once the act has a type
 * and a victim, every edit is saved 600 ms after typing stops, when the focus
 * moves on, and when the window closes. The act, its perpetrators' types and
 * its laws are saved in one transaction; the core re-maps the incident in it.
 * A window whose edits cannot be saved does not close: the field is marked
 * and says what to fix, or the user discards the changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-act-editor.h"
#include "gawah-field-message.h"
#include "gawah-date-row.h"
#include "gawah-error.h"
#include "gawah-person-chooser.h"
#include "gawah-task-progress.h"
#include "gawah-vocabulary.h"
#include "gawah-vocabulary-row.h"

#define SAVE_DELAY_MS 600

typedef struct {
  GtkWidget          *box;
  GtkLabel           *heading;
  GtkWidget          *remove_button;
  GawahPersonChooser *chooser;
  GawahVocabularyRow *type_row;
  GawahVocabularyRow *involvement_row;
} Perpetrator;

struct _GawahActEditor
{
  AdwWindow           parent_instance;

  /* template widgets */
  GtkWidget          *discard_button;
  GtkLabel           *status_label;
  GawahVocabularyRow *act_type_row;
  GawahDateRow       *start_date_row;
  GawahDateRow       *end_date_row;
  AdwEntryRow        *outcome_row;
  GawahPersonChooser *victim_chooser;
  GtkBox             *perpetrators_box;
  AdwExpanderRow     *laws_row;

  /* owned */
  GawahCasebook      *casebook;
  GawahAct           *act;
  GPtrArray          *perpetrators;   /* Perpetrator */
  GPtrArray          *law_codes;
  guint               save_id;
  gboolean            dirty;
  gboolean            loading;
  gboolean            discarding;

  /* borrowed */
  GPtrArray          *law_checks;     /* indexed like law_codes */
  GtkWidget          *invalid_field;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahActEditor, gawah_act_editor, ADW_TYPE_WINDOW)

static void on_changed_cb (GawahActEditor *self);

gint64
gawah_act_editor_get_act_id (GawahActEditor *self)
{
  g_return_val_if_fail (GAWAH_IS_ACT_EDITOR (self), 0);
  return self->act->id;
}

static GPtrArray *
list_fields (GawahActEditor *self)
{
  GPtrArray *fields = g_ptr_array_new ();
  GtkWidget *own[] = {
    GTK_WIDGET (self->act_type_row), GTK_WIDGET (self->start_date_row), GTK_WIDGET (self->end_date_row),
    GTK_WIDGET (self->outcome_row), GTK_WIDGET (self->victim_chooser), GTK_WIDGET (self->laws_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    g_ptr_array_add (fields, own[i]);
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      Perpetrator *perpetrator = g_ptr_array_index (self->perpetrators, i);

      g_ptr_array_add (fields, perpetrator->chooser);
      g_ptr_array_add (fields, perpetrator->type_row);
      g_ptr_array_add (fields, perpetrator->involvement_row);
    }
  return fields;
}

static void
clear_field_errors (GawahActEditor *self)
{
  g_autoptr(GPtrArray) fields = list_fields (self);

  for (guint i = 0; i < fields->len; i++)
    gawah_field_show_message (g_ptr_array_index (fields, i), NULL);
  self->invalid_field = NULL;
}

/* The core's messages begin with the field's name, as in "Victim: …". */
static GtkWidget *
find_field_for (GawahActEditor *self,
                const char     *message)
{
  struct { const char *name; GtkWidget *field; } fields[] = {
    { _("Type of act"), GTK_WIDGET (self->act_type_row) },
    { _("Start date"), GTK_WIDGET (self->start_date_row) },
    { _("End date"), GTK_WIDGET (self->end_date_row) },
    { _("Outcome"), GTK_WIDGET (self->outcome_row) },
    { _("Victim"), GTK_WIDGET (self->victim_chooser) },
    { _("Law invoked"), GTK_WIDGET (self->laws_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (gawah_message_names_field (message, fields[i].name))
      return fields[i].field;
  return NULL;
}

static void
mark_invalid (GawahActEditor *self,
              GtkWidget      *field,
              const char     *message)
{
  if (field == NULL)
    field = find_field_for (self, message);
  if (field == NULL)
    return;
  gawah_field_show_message (field, message);
  self->invalid_field = field;
}

/* Status in the header bar */

static void
show_status (GawahActEditor *self,
             const GError   *error)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    text = gawah_save_status_text (error);
  else if (self->save_id != 0)
    text = g_strdup (_("Saving…"));
  else if (self->act->id != 0)
    text = g_strdup (_("Saved"));
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_set_visible (self->discard_button, error != NULL);
}

/* Reading the form */

static char *
dup_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static gboolean
collect_perpetrators (GawahActEditor  *self,
                      GError         **error)
{
  g_ptr_array_set_size (self->act->involvements, 0);
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      Perpetrator *perpetrator = g_ptr_array_index (self->perpetrators, i);
      gint64 person_id = gawah_person_chooser_get_person_id (perpetrator->chooser);

      if (person_id == 0)
        {
          self->invalid_field = GTK_WIDGET (perpetrator->chooser);
          g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                               _("Perpetrator: choose a person or add a new one, or remove this perpetrator"));
          return FALSE;
        }
      gawah_act_add_involvement (self->act, person_id,
                                 gawah_vocabulary_row_get_code (perpetrator->involvement_row));
    }
  return TRUE;
}

static void
collect_laws (GawahActEditor *self)
{
  g_autoptr(GStrvBuilder) laws = g_strv_builder_new ();

  for (guint i = 0; i < self->law_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->law_checks, i)))
      g_strv_builder_add (laws, g_ptr_array_index (self->law_codes, i));
  g_strfreev (self->act->laws);
  self->act->laws = g_strv_builder_end (laws);
}

/* What the core cannot say well (nothing chosen yet) is checked here. */
static gboolean
collect_act (GawahActEditor  *self,
             GError         **error)
{
  GawahAct *act = self->act;
  const char *act_type = gawah_vocabulary_row_get_code (self->act_type_row);

  if (!gawah_date_row_get_date (self->start_date_row, &act->start, error))
    return FALSE;
  if (!gawah_date_row_get_date (self->end_date_row, &act->end, error))
    return FALSE;
  if (act_type == NULL)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID, _("Type of act: choose one"));
      return FALSE;
    }
  act->victim_id = gawah_person_chooser_get_person_id (self->victim_chooser);
  if (act->victim_id == 0)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID, _("Victim: choose a person or add a new one"));
      return FALSE;
    }
  g_free (act->act_type);
  act->act_type = g_strdup (act_type);
  g_free (act->outcome);
  act->outcome = dup_trimmed (GTK_EDITABLE (self->outcome_row));
  collect_laws (self);
  return collect_perpetrators (self, error);
}

/* Saving */

/* A perpetrator's type belongs to the person: an agency is an agency in
 * every incident. It is saved with the act, in the same transaction. */
static gboolean
save_perpetrator_types (GawahActEditor  *self,
                        GError         **error)
{
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      Perpetrator *perpetrator = g_ptr_array_index (self->perpetrators, i);
      const char *type = gawah_vocabulary_row_get_code (perpetrator->type_row);
      g_autoptr(GawahPerson) person = gawah_casebook_get_person (self->casebook,
                                                                 gawah_person_chooser_get_person_id (perpetrator->chooser),
                                                                 error);

      if (person == NULL)
        return FALSE;
      if (g_strcmp0 (person->perpetrator_type, type) == 0)
        continue;
      g_free (person->perpetrator_type);
      person->perpetrator_type = g_strdup (type);
      if (!gawah_casebook_save_person (self->casebook, person, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_in_transaction (GawahCasebook  *casebook,
                     gpointer        user_data,
                     GError        **error)
{
  GawahActEditor *self = user_data;

  return save_perpetrator_types (self, error) &&
         gawah_casebook_save_act (casebook, self->act, error);
}

static gboolean
save_act (GawahActEditor  *self,
          GError         **error)
{
  gboolean was_new = self->act->id == 0;

  if (!collect_act (self, error))
    return FALSE;
  if (!gawah_casebook_run_in_transaction (self->casebook, save_in_transaction, self, error))
    {
      /* Rolled back: an act that was being added does not exist. */
      if (was_new)
        self->act->id = 0;
      return FALSE;
    }
  return TRUE;
}

static void schedule_save (GawahActEditor *self);

/* Saves now if anything changed; FALSE (and the field marked) if the
 * edits cannot be saved (or cannot be yet). */
gboolean
gawah_act_editor_flush (GawahActEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GAWAH_IS_ACT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty)
    return TRUE;
  /* The casebook's connection is a worker's until its import ends: an edit
   * written now would join (and could be rolled back with) the import. */
  if (gawah_task_progress_is_busy (G_OBJECT (self->casebook)))
    {
      schedule_save (self);
      return FALSE;
    }
  clear_field_errors (self);
  if (!save_act (self, &error))
    {
      mark_invalid (self, self->invalid_field, error->message);
      show_status (self, error);
      return FALSE;
    }
  self->dirty = FALSE;
  show_status (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->act->id);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  GawahActEditor *self = user_data;

  self->save_id = 0;
  gawah_act_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (GawahActEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_changed_cb (GawahActEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  schedule_save (self);
  show_status (self, NULL);
}

/* Leaving a field saves it at once. */
static void
on_focus_moved_cb (GawahActEditor *self)
{
  if (self->save_id != 0)
    gawah_act_editor_flush (self);
}

/* Perpetrators */

static void
number_perpetrators (GawahActEditor *self)
{
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      Perpetrator *perpetrator = g_ptr_array_index (self->perpetrators, i);
      /* Translators: the heading of the n-th perpetrator of an act. */
      g_autofree char *heading = g_strdup_printf (_("Perpetrator %u"), i + 1);
      /* Translators: the accessible name of a button; %u is the perpetrator's number. */
      g_autofree char *remove = g_strdup_printf (_("Remove perpetrator %u"), i + 1);

      gtk_label_set_text (perpetrator->heading, heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (perpetrator->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    }
}

static void
on_remove_perpetrator_cb (GtkButton      *button,
                          GawahActEditor *self)
{
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      Perpetrator *perpetrator = g_ptr_array_index (self->perpetrators, i);

      if (perpetrator->remove_button != GTK_WIDGET (button))
        continue;
      gtk_box_remove (self->perpetrators_box, perpetrator->box);
      g_ptr_array_remove_index (self->perpetrators, i);
      break;
    }
  number_perpetrators (self);
  on_changed_cb (self);
}

/* A person chosen as perpetrator brings the type already known for them. */
static void
on_perpetrator_chosen_cb (GawahPersonChooser *chooser,
                          GParamSpec         *pspec,
                          GawahActEditor     *self)
{
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      Perpetrator *perpetrator = g_ptr_array_index (self->perpetrators, i);
      g_autoptr(GawahPerson) person = NULL;
      gboolean was_loading = self->loading;

      if (perpetrator->chooser != chooser)
        continue;
      person = gawah_casebook_get_person (self->casebook, gawah_person_chooser_get_person_id (chooser), NULL);
      self->loading = TRUE;
      gawah_vocabulary_row_set_code (perpetrator->type_row, person != NULL ? person->perpetrator_type : NULL);
      self->loading = was_loading;
    }
  on_changed_cb (self);
}

static GtkWidget *
make_perpetrator_header (Perpetrator *perpetrator)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "hexpand", TRUE, NULL);

  gtk_widget_add_css_class (heading, "heading");
  perpetrator->heading = GTK_LABEL (heading);
  perpetrator->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (perpetrator->remove_button, _("Remove Perpetrator"));
  gtk_widget_add_css_class (perpetrator->remove_button, "flat");
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), perpetrator->remove_button);
  return header;
}

static Perpetrator *
add_perpetrator (GawahActEditor *self,
                 gint64          person_id,
                 const char     *degree)
{
  Perpetrator *perpetrator = g_new0 (Perpetrator, 1);
  GtkWidget *list = gtk_list_box_new ();

  perpetrator->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  perpetrator->chooser = GAWAH_PERSON_CHOOSER (gawah_person_chooser_new (self->casebook, _("Find the _perpetrator")));
  gawah_person_chooser_set_person_id (perpetrator->chooser, person_id);
  perpetrator->type_row = GAWAH_VOCABULARY_ROW (gawah_vocabulary_row_new (GAWAH_VOCAB_PERPETRATOR_TYPE,
                                                                         _("Perpetrator t_ype"), _("Not known")));
  perpetrator->involvement_row = GAWAH_VOCABULARY_ROW (gawah_vocabulary_row_new (GAWAH_VOCAB_INVOLVEMENT,
                                                                                _("_Involvement"), NULL));
  gawah_vocabulary_row_set_code (perpetrator->involvement_row, degree != NULL ? degree : "did-it");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (perpetrator->type_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (perpetrator->involvement_row));

  gtk_box_append (GTK_BOX (perpetrator->box), make_perpetrator_header (perpetrator));
  gtk_box_append (GTK_BOX (perpetrator->box), GTK_WIDGET (perpetrator->chooser));
  gtk_box_append (GTK_BOX (perpetrator->box), list);
  gtk_box_append (self->perpetrators_box, perpetrator->box);
  g_ptr_array_add (self->perpetrators, perpetrator);

  g_signal_connect_object (perpetrator->remove_button, "clicked", G_CALLBACK (on_remove_perpetrator_cb), self, 0);
  g_signal_connect_object (perpetrator->chooser, "notify::person-id", G_CALLBACK (on_perpetrator_chosen_cb), self, 0);
  g_signal_connect_object (perpetrator->type_row, "notify::code", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (perpetrator->involvement_row, "notify::code", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  number_perpetrators (self);
  return perpetrator;
}

static void
add_perpetrator_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GawahActEditor *self = GAWAH_ACT_EDITOR (widget);
  Perpetrator *perpetrator = add_perpetrator (self, 0, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (perpetrator->chooser));
  on_changed_cb (self);
}

/* Laws */

static void
update_laws_subtitle (GawahActEditor *self)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < self->law_checks->len; i++)
    {
      if (!gtk_check_button_get_active (g_ptr_array_index (self->law_checks, i)))
        continue;
      if (chosen->len > 0)
        /* Translators: separates items in a list. */
        g_string_append (chosen, _(", "));
      g_string_append (chosen, gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_LAW,
                                                        g_ptr_array_index (self->law_codes, i)));
    }
  adw_expander_row_set_subtitle (self->laws_row, chosen->len > 0 ? chosen->str : _("None"));
}

static void
on_law_toggled_cb (GawahActEditor *self)
{
  update_laws_subtitle (self);
  on_changed_cb (self);
}

static void
add_law_checks (GawahActEditor *self)
{
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (gawah_vocabularies_get_default (), GAWAH_VOCAB_LAW);
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);

  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gawah_text_get_current (&term->label));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gawah_text_get_current (&term->label), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_law_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->laws_row, row);
      g_ptr_array_add (self->law_codes, g_strdup (term->code));
      g_ptr_array_add (self->law_checks, check);
    }
}

/* Loading */

static GawahAct *
load_act (GawahCasebook *casebook,
          gint64         incident_id,
          gint64         act_id)
{
  g_autoptr(GPtrArray) acts = act_id != 0 ? gawah_casebook_list_acts (casebook, incident_id, NULL) : NULL;
  GawahAct *act;

  for (guint i = 0; acts != NULL && i < acts->len; i++)
    if (((GawahAct *) g_ptr_array_index (acts, i))->id == act_id)
      return g_ptr_array_steal_index (acts, i);
  act = gawah_act_new ();
  act->incident_id = incident_id;
  return act;
}

static void
show_act (GawahActEditor *self)
{
  GawahAct *act = self->act;

  self->loading = TRUE;
  gawah_vocabulary_row_set_code (self->act_type_row, act->act_type);
  gawah_date_row_set_date (self->start_date_row, &act->start);
  gawah_date_row_set_date (self->end_date_row, &act->end);
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row), act->outcome != NULL ? act->outcome : "");
  gawah_person_chooser_set_casebook (self->victim_chooser, self->casebook);
  gawah_person_chooser_set_person_id (self->victim_chooser, act->victim_id);
  for (guint i = 0; i < act->involvements->len; i++)
    {
      GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);
      Perpetrator *perpetrator = add_perpetrator (self, involvement->perpetrator_id, involvement->degree);

      on_perpetrator_chosen_cb (perpetrator->chooser, NULL, self);
    }
  for (guint i = 0; i < self->law_codes->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->law_checks, i),
                                 g_strv_contains ((const char * const *) act->laws,
                                                  g_ptr_array_index (self->law_codes, i)));
  update_laws_subtitle (self);
  gtk_window_set_title (GTK_WINDOW (self), act->id != 0 ? _("Edit Act") : _("New Act"));
  self->loading = FALSE;
  show_status (self, NULL);
}

GtkWidget *
gawah_act_editor_new (GawahCasebook *casebook,
                      gint64         incident_id,
                      gint64         act_id)
{
  GawahActEditor *self;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), NULL);
  g_return_val_if_fail (incident_id != 0, NULL);

  self = g_object_new (GAWAH_TYPE_ACT_EDITOR, NULL);
  self->casebook = g_object_ref (casebook);
  self->act = load_act (casebook, incident_id, act_id);
  show_act (self);
  return GTK_WIDGET (self);
}

/* Closing */

static gboolean
gawah_act_editor_close_request (GtkWindow *window)
{
  GawahActEditor *self = GAWAH_ACT_EDITOR (window);

  if (!self->discarding && !gawah_act_editor_flush (self))
    {
      if (self->invalid_field != NULL)
        gtk_widget_grab_focus (self->invalid_field);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (gawah_act_editor_parent_class)->close_request (window);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GawahActEditor *self = GAWAH_ACT_EDITOR (widget);

  self->discarding = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_window_close (GTK_WINDOW (self));
}

static void
gawah_act_editor_dispose (GObject *object)
{
  GawahActEditor *self = GAWAH_ACT_EDITOR (object);

  /* Destroyed without being closed (with the incident editor): a last try. */
  if (!self->discarding && self->casebook != NULL && self->dirty)
    gawah_act_editor_flush (self);
  self->discarding = TRUE;
  self->loading = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_ACT_EDITOR);
  g_clear_object (&self->casebook);
  G_OBJECT_CLASS (gawah_act_editor_parent_class)->dispose (object);
}

static void
gawah_act_editor_finalize (GObject *object)
{
  GawahActEditor *self = GAWAH_ACT_EDITOR (object);

  g_clear_pointer (&self->act, gawah_act_free);
  g_ptr_array_unref (self->perpetrators);
  g_ptr_array_unref (self->law_codes);
  g_ptr_array_unref (self->law_checks);
  G_OBJECT_CLASS (gawah_act_editor_parent_class)->finalize (object);
}

static void
gawah_act_editor_class_init (GawahActEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_act_editor_dispose;
  object_class->finalize = gawah_act_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_act_editor_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GAWAH_TYPE_DATE_ROW);
  g_type_ensure (GAWAH_TYPE_PERSON_CHOOSER);
  g_type_ensure (GAWAH_TYPE_VOCABULARY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-act-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, act_type_row);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, victim_chooser);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, perpetrators_box);
  gtk_widget_class_bind_template_child (widget_class, GawahActEditor, laws_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "act.add-perpetrator", NULL, add_perpetrator_action);
  gtk_widget_class_install_action (widget_class, "act.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gawah_act_editor_init (GawahActEditor *self)
{
  self->perpetrators = g_ptr_array_new_with_free_func (g_free);
  self->law_codes = g_ptr_array_new_with_free_func (g_free);
  self->law_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gawah_person_chooser_set_search_label (self->victim_chooser, _("Find the _victim"));
  add_law_checks (self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_moved_cb), NULL);
}
