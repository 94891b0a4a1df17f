/* gawah-incident-editor.c: an incident and everything recorded about it
 *
 * There is no Save button. Every edit is saved 600 ms after typing stops,
 * at once when the focus leaves a field, and when the window closes; each
 * save is one transaction in the core, which checks every field first, so
 * nothing invalid is stored. When a save fails, the field named by the
 * core's message is marked and says what to fix, the header bar says "Not
 * saved", and the window does not close until the edit is saved or
 * discarded: closing never loses an edit.
 *
 * Chronology entries, follow-up actions and sources are small records edited
 * in place, each in an expander row; one table per kind of record describes
 * its fields. Acts have their own window (GawahActEditor). Evidence files are
 * attached whole, read asynchronously, and listed with their SHA-256.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-act-editor.h"
#include "gawah-date-row.h"
#include "gawah-error.h"
#include "gawah-incident-editor.h"
#include "gawah-field-message.h"
#include "gawah-task-progress.h"
#include "gawah-vocabulary.h"
#include "gawah-vocabulary-row.h"

#define SAVE_DELAY_MS 600
#define MAX_DETAIL_FIELDS 7

/* Kinds of detail records, and how their fields are edited */

typedef enum {
  FIELD_DATE,
  FIELD_CODE,
  FIELD_TEXT,
} FieldKind;

typedef enum {
  SHOWN_INSIDE,
  SHOWN_IN_TITLE,
  SHOWN_IN_SUBTITLE,
} FieldShown;

typedef struct {
  FieldKind   kind;
  const char *title;          /* with a mnemonic */
  const char *name;           /* as the core names the field in its messages */
  const char *vocabulary;
  const char *default_code;   /* as the core's gawah_*_new() has it; NULL: the user must choose */
  gsize       offset;         /* of the char * or GawahPartialDate in the record */
  FieldShown  shown;
} DetailField;

typedef gboolean (*DetailSave) (GawahCasebook  *casebook,
                                gpointer        record,
                                GError        **error);
typedef GPtrArray *(*DetailList) (GawahCasebook  *casebook,
                                  gint64          incident_id,
                                  GError        **error);

typedef struct {
  const char     *new_title;
  DetailField     fields[MAX_DETAIL_FIELDS];
  guint           n_fields;
  gpointer      (*record_new) (void);
  GDestroyNotify  record_free;
  DetailSave      save;
  DetailList      list;
} DetailKind;

/* Every detail record begins like this (see gawah-records.h). */
typedef struct {
  gint64  id;
  char   *uuid;
  gint64  incident_id;
} RecordHead;

enum {
  KIND_CHRONOLOGY,
  KIND_FOLLOW_UP,
  KIND_SOURCE,
  N_KINDS
};

#define CHRONOLOGY_FIELD(member) G_STRUCT_OFFSET (GawahChronologyEntry, member)
#define FOLLOW_UP_FIELD(member) G_STRUCT_OFFSET (GawahFollowUp, member)
#define SOURCE_FIELD(member) G_STRUCT_OFFSET (GawahSource, member)

static const DetailKind detail_kinds[N_KINDS] = {
  [KIND_CHRONOLOGY] = {
    N_("New chronology entry"),
    {
      { FIELD_DATE, N_("_Date"), N_("Date"), NULL, NULL, CHRONOLOGY_FIELD (date), SHOWN_IN_TITLE },
      { FIELD_CODE, N_("_Step"), N_("Step"), GAWAH_VOCAB_CHRONOLOGY_STEP, "other", CHRONOLOGY_FIELD (step),
        SHOWN_IN_TITLE },
      { FIELD_TEXT, N_("D_escription"), N_("Description"), NULL, NULL, CHRONOLOGY_FIELD (description),
        SHOWN_IN_SUBTITLE },
    }, 3,
    (gpointer (*) (void)) gawah_chronology_entry_new, (GDestroyNotify) gawah_chronology_entry_free,
    (DetailSave) gawah_casebook_save_chronology_entry, gawah_casebook_list_chronology,
  },
  [KIND_FOLLOW_UP] = {
    N_("New follow-up action"),
    {
      { FIELD_CODE, N_("_Type of action"), N_("Type of action"), GAWAH_VOCAB_FOLLOW_UP_TYPE, NULL,
        FOLLOW_UP_FIELD (action_type), SHOWN_IN_TITLE },
      { FIELD_CODE, N_("_Addressed to"), N_("Addressed to"), GAWAH_VOCAB_FOLLOW_UP_BODY, NULL,
        FOLLOW_UP_FIELD (body), SHOWN_IN_TITLE },
      { FIELD_CODE, N_("_Status"), N_("Status"), GAWAH_VOCAB_FOLLOW_UP_STATUS, "planned",
        FOLLOW_UP_FIELD (status), SHOWN_IN_SUBTITLE },
      { FIELD_DATE, N_("_Date"), N_("Date"), NULL, NULL, FOLLOW_UP_FIELD (date), SHOWN_IN_SUBTITLE },
      { FIELD_DATE, N_("D_ue date"), N_("Due date"), NULL, NULL, FOLLOW_UP_FIELD (due), SHOWN_INSIDE },
      { FIELD_TEXT, N_("D_escription"), N_("Description"), NULL, NULL, FOLLOW_UP_FIELD (description),
        SHOWN_INSIDE },
      { FIELD_TEXT, N_("_Response"), N_("Response"), NULL, NULL, FOLLOW_UP_FIELD (response), SHOWN_INSIDE },
    }, 7,
    (gpointer (*) (void)) gawah_follow_up_new, (GDestroyNotify) gawah_follow_up_free,
    (DetailSave) gawah_casebook_save_follow_up, gawah_casebook_list_follow_ups,
  },
  [KIND_SOURCE] = {
    N_("New source"),
    {
      { FIELD_CODE, N_("_Type of source"), N_("Type of source"), GAWAH_VOCAB_SOURCE_TYPE, NULL,
        SOURCE_FIELD (source_type), SHOWN_IN_TITLE },
      { FIELD_TEXT, N_("D_escription"), N_("Description"), NULL, NULL, SOURCE_FIELD (description),
        SHOWN_IN_TITLE },
      { FIELD_CODE, N_("_Reliability of the source"), N_("Reliability"), GAWAH_VOCAB_SOURCE_RELIABILITY,
        "unknown", SOURCE_FIELD (reliability), SHOWN_IN_SUBTITLE },
      { FIELD_CODE, N_("_Credibility of the information"), N_("Credibility"), GAWAH_VOCAB_CREDIBILITY,
        "cannot-judge", SOURCE_FIELD (credibility), SHOWN_IN_SUBTITLE },
      { FIELD_DATE, N_("Date _obtained"), N_("Date obtained"), NULL, NULL, SOURCE_FIELD (obtained),
        SHOWN_IN_SUBTITLE },
    }, 5,
    (gpointer (*) (void)) gawah_source_new, (GDestroyNotify) gawah_source_free,
    (DetailSave) gawah_casebook_save_source, gawah_casebook_list_sources,
  },
};

/* One detail record being edited. */
typedef struct {
  GawahIncidentEditor *editor;                     /* borrowed: it owns the details */
  const DetailKind    *kind;
  gpointer             record;
  AdwExpanderRow      *row;                        /* borrowed */
  GtkWidget           *fields[MAX_DETAIL_FIELDS];  /* borrowed */
  gboolean             dirty;
} Detail;

struct _GawahIncidentEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkWidget           *discard_button;
  GtkLabel            *status_label;
  GtkWidget           *scrolled_window;
  AdwEntryRow         *title_row;
  GtkWidget           *summary_frame;
  GtkTextView         *summary_view;
  GtkLabel            *summary_message;
  GawahDateRow        *start_date_row;
  GawahDateRow        *end_date_row;
  GtkSwitch           *ongoing_switch;
  GawahVocabularyRow  *province_row;
  GawahVocabularyRow  *district_row;
  AdwEntryRow         *place_row;
  GawahVocabularyRow  *verification_row;
  GawahVocabularyRow  *confidentiality_row;
  GawahVocabularyRow  *status_row;
  AdwPreferencesGroup *acts_group;
  AdwPreferencesGroup *chronology_group;
  AdwPreferencesGroup *follow_ups_group;
  AdwPreferencesGroup *sources_group;
  AdwPreferencesGroup *evidence_group;

  /* owned */
  GawahCasebook       *casebook;
  GawahIncident       *incident;
  GPtrArray           *details;          /* Detail */
  GCancellable        *cancellable;
  GtkNativeDialog     *file_chooser;
  guint                save_id;
  guint                attaching;
  gboolean             dirty;
  gboolean             loading;
  gboolean             flushing;
  gboolean             discarding;

  /* borrowed */
  GPtrArray           *act_rows;
  GPtrArray           *evidence_rows;
  GtkWidget           *invalid_field;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark act_id_quark;

G_DEFINE_FINAL_TYPE (GawahIncidentEditor, gawah_incident_editor, ADW_TYPE_WINDOW)

static void schedule_save (GawahIncidentEditor *self);

gint64
gawah_incident_editor_get_incident_id (GawahIncidentEditor *self)
{
  g_return_val_if_fail (GAWAH_IS_INCIDENT_EDITOR (self), 0);
  return self->incident->id;
}

static void
replace_string (char       **slot,
                const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
show_summary_error (GawahIncidentEditor *self,
                    const char          *message)
{
  gtk_label_set_text (self->summary_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->summary_frame, "error");
  else
    gtk_widget_remove_css_class (self->summary_frame, "error");
}

/* message NULL clears the mark. */
static void
show_field_error (GawahIncidentEditor *self,
                  GtkWidget           *field,
                  const char          *message)
{
  if (field == GTK_WIDGET (self->summary_view))
    show_summary_error (self, message);
  else
    gawah_field_show_message (field, message);
}

/* The incident's own fields, by the names the core gives them. */
static const struct {
  const char *name;
  gsize       offset;
} incident_fields[] = {
  { N_("Title"), G_STRUCT_OFFSET (GawahIncidentEditor, title_row) },
  { N_("Summary"), G_STRUCT_OFFSET (GawahIncidentEditor, summary_view) },
  { N_("Start date"), G_STRUCT_OFFSET (GawahIncidentEditor, start_date_row) },
  { N_("End date"), G_STRUCT_OFFSET (GawahIncidentEditor, end_date_row) },
  { N_("Province"), G_STRUCT_OFFSET (GawahIncidentEditor, province_row) },
  { N_("District"), G_STRUCT_OFFSET (GawahIncidentEditor, district_row) },
  { N_("Place"), G_STRUCT_OFFSET (GawahIncidentEditor, place_row) },
  { N_("Verification"), G_STRUCT_OFFSET (GawahIncidentEditor, verification_row) },
  { N_("Confidentiality"), G_STRUCT_OFFSET (GawahIncidentEditor, confidentiality_row) },
  { N_("Case status"), G_STRUCT_OFFSET (GawahIncidentEditor, status_row) },
};

static GtkWidget *
incident_field (GawahIncidentEditor *self,
                guint                i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, incident_fields[i].offset);
}

static void
clear_incident_errors (GawahIncidentEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (incident_fields); i++)
    show_field_error (self, incident_field (self, i), NULL);
}

static void
mark_incident_error (GawahIncidentEditor *self,
                     const char          *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (incident_fields); i++)
    {
      GtkWidget *field = incident_field (self, i);

      if (!gawah_message_names_field (message, _(incident_fields[i].name)))
        continue;
      show_field_error (self, field, message);
      self->invalid_field = field;
      return;
    }
}

/* The status in the header bar */

static void
show_status (GawahIncidentEditor *self,
             const GError        *error)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    text = gawah_save_status_text (error);
  else if (self->save_id != 0 || self->attaching > 0)
    text = g_strdup (_("Saving…"));
  else if (self->incident->id != 0)
    text = g_strdup (_("Saved"));
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_set_visible (self->discard_button, error != NULL);
}

/* Sections that hold records of their own need a saved incident. */
static void
update_sections (GawahIncidentEditor *self)
{
  gboolean saved = self->incident->id != 0;
  const char *actions[] = {
    "editor.add-act", "editor.add-chronology-entry", "editor.add-follow-up", "editor.add-source",
    "editor.attach-evidence",
  };
  const char *unsaved = _("Give the incident a title first.");

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], saved);
  adw_preferences_group_set_description (self->acts_group, saved
    ? _("What was done to whom: one act for each victim and kind of act.") : unsaved);
  adw_preferences_group_set_description (self->chronology_group, saved
    ? _("The steps of the case, in order.") : unsaved);
  adw_preferences_group_set_description (self->follow_ups_group, saved
    ? _("Petitions, appeals, complaints and letters, and the answers to them.") : unsaved);
  adw_preferences_group_set_description (self->sources_group, saved
    ? _("Who reported the incident, and how far the source and the information can be trusted.") : unsaved);
  adw_preferences_group_set_description (self->evidence_group, saved
    ? _("Files are kept inside the encrypted casebook; their SHA-256 is taken when they are attached. "
        "Drop files here, or attach them.") : unsaved);
  gtk_window_set_title (GTK_WINDOW (self), saved ? _("Edit Incident") : _("New Incident"));
}

/* The incident itself */

static char *
dup_summary (GawahIncidentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* An ongoing incident has no end date; the one typed is kept in the field
 * (greyed out) in case "Ongoing" was switched on by mistake. */
static gboolean
collect_dates (GawahIncidentEditor  *self,
               GError              **error)
{
  GawahIncident *incident = self->incident;

  incident->ongoing = gtk_switch_get_active (self->ongoing_switch);
  if (!gawah_date_row_get_date (self->start_date_row, &incident->start, error))
    return FALSE;
  if (incident->ongoing)
    {
      incident->end = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
      return TRUE;
    }
  return gawah_date_row_get_date (self->end_date_row, &incident->end, error);
}

static gboolean
collect_incident (GawahIncidentEditor  *self,
                  GError              **error)
{
  GawahIncident *incident = self->incident;

  if (!collect_dates (self, error))
    return FALSE;
  replace_string (&incident->title, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (incident->summary);
  incident->summary = dup_summary (self);
  replace_string (&incident->province, gawah_vocabulary_row_get_code (self->province_row));
  replace_string (&incident->district, gawah_vocabulary_row_get_code (self->district_row));
  g_free (incident->place);
  incident->place = dup_trimmed (GTK_EDITABLE (self->place_row));
  replace_string (&incident->verification, gawah_vocabulary_row_get_code (self->verification_row));
  replace_string (&incident->confidentiality, gawah_vocabulary_row_get_code (self->confidentiality_row));
  replace_string (&incident->status, gawah_vocabulary_row_get_code (self->status_row));
  return TRUE;
}

static gboolean
save_incident (GawahIncidentEditor  *self,
               GError              **error)
{
  gboolean was_new = self->incident->id == 0;

  clear_incident_errors (self);
  if (!collect_incident (self, error) ||
      !gawah_casebook_save_incident (self->casebook, self->incident, error))
    {
      mark_incident_error (self, (*error)->message);
      return FALSE;
    }
  if (was_new)
    update_sections (self);
  return TRUE;
}

/* Detail records */

static char *
describe_field (const Detail *detail,
                guint         i)
{
  const DetailField *field = &detail->kind->fields[i];
  gconstpointer slot = G_STRUCT_MEMBER_P (detail->record, field->offset);
  const char *text = *(char * const *) slot;

  switch (field->kind)
    {
    case FIELD_DATE:
      if (!gawah_partial_date_is_known (slot))
        return NULL;
      return gawah_partial_date_to_display (slot);
    case FIELD_CODE:
      if (text == NULL)
        return NULL;
      return g_strdup (gawah_vocabularies_label (gawah_vocabularies_get_default (), field->vocabulary, text));
    case FIELD_TEXT:
    default:
      return g_strdup (text);
    }
}

static void
update_detail_row (Detail *detail)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < detail->kind->n_fields; i++)
    {
      FieldShown shown = detail->kind->fields[i].shown;
      GString *line = shown == SHOWN_IN_TITLE ? title : subtitle;
      g_autofree char *text = shown != SHOWN_INSIDE ? describe_field (detail, i) : NULL;

      if (text == NULL || *text == '\0')
        continue;
      g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", text);
    }
  if (((RecordHead *) detail->record)->id == 0 || title->len == 0)
    g_string_assign (title, _(detail->kind->new_title));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (detail->row), title->str);
  adw_expander_row_set_subtitle (detail->row, subtitle->str);
}

static void
on_detail_changed_cb (Detail *detail)
{
  if (detail->editor->loading)
    return;
  detail->dirty = TRUE;
  schedule_save (detail->editor);
}

static GtkWidget *
make_detail_field (Detail            *detail,
                   const DetailField *field)
{
  GtkWidget *widget = NULL;

  switch (field->kind)
    {
    case FIELD_DATE:
      widget = gawah_date_row_new (_(field->title), _(field->name));
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_detail_changed_cb), detail);
      break;
    case FIELD_CODE:
      widget = gawah_vocabulary_row_new (field->vocabulary, _(field->title),
                                         field->default_code == NULL ? _("Choose one") : NULL);
      gawah_vocabulary_row_set_code (GAWAH_VOCABULARY_ROW (widget), field->default_code);
      g_signal_connect_swapped (widget, "notify::code", G_CALLBACK (on_detail_changed_cb), detail);
      break;
    case FIELD_TEXT:
    default:
      widget = g_object_new (ADW_TYPE_ENTRY_ROW, "title", _(field->title), "use-underline", TRUE, NULL);
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_detail_changed_cb), detail);
      break;
    }
  return widget;
}

static void
show_detail_record (Detail *detail)
{
  for (guint i = 0; i < detail->kind->n_fields; i++)
    {
      const DetailField *field = &detail->kind->fields[i];
      gpointer slot = G_STRUCT_MEMBER_P (detail->record, field->offset);
      const char *text = *(char **) slot;

      if (field->kind == FIELD_DATE)
        gawah_date_row_set_date (GAWAH_DATE_ROW (detail->fields[i]), slot);
      else if (field->kind == FIELD_CODE)
        gawah_vocabulary_row_set_code (GAWAH_VOCABULARY_ROW (detail->fields[i]),
                                       text != NULL ? text : field->default_code);
      else
        gtk_editable_set_text (GTK_EDITABLE (detail->fields[i]), text != NULL ? text : "");
    }
  update_detail_row (detail);
}

static void
detail_free (Detail *detail)
{
  detail->kind->record_free (detail->record);
  g_free (detail);
}

static AdwPreferencesGroup *
group_of_kind (GawahIncidentEditor *self,
               const DetailKind    *kind)
{
  AdwPreferencesGroup *groups[N_KINDS] = { self->chronology_group, self->follow_ups_group, self->sources_group };

  return groups[kind - detail_kinds];
}

/* Takes the record. */
static Detail *
add_detail (GawahIncidentEditor *self,
            const DetailKind    *kind,
            gpointer             record)
{
  Detail *detail = g_new0 (Detail, 1);

  detail->editor = self;
  detail->kind = kind;
  detail->record = record;
  detail->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (detail->row), FALSE);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      detail->fields[i] = make_detail_field (detail, &kind->fields[i]);
      adw_expander_row_add_row (detail->row, detail->fields[i]);
    }
  adw_preferences_group_add (group_of_kind (self, kind), GTK_WIDGET (detail->row));
  g_ptr_array_add (self->details, detail);

  self->loading = TRUE;
  show_detail_record (detail);
  self->loading = FALSE;
  return detail;
}

/* What the core would call an unknown code "" is said plainly here. */
static gboolean
collect_detail (Detail     *detail,
                GtkWidget **invalid,
                GError    **error)
{
  for (guint i = 0; i < detail->kind->n_fields; i++)
    {
      const DetailField *field = &detail->kind->fields[i];
      gpointer slot = G_STRUCT_MEMBER_P (detail->record, field->offset);
      GtkWidget *widget = detail->fields[i];
      const char *code;

      *invalid = widget;
      switch (field->kind)
        {
        case FIELD_DATE:
          if (!gawah_date_row_get_date (GAWAH_DATE_ROW (widget), slot, error))
            return FALSE;
          break;
        case FIELD_CODE:
          code = gawah_vocabulary_row_get_code (GAWAH_VOCABULARY_ROW (widget));
          if (code == NULL)
            {
              /* Translators: %s is a field name, e.g. “Step”. */
              g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID, _("%s: choose one"), _(field->name));
              return FALSE;
            }
          replace_string (slot, code);
          break;
        case FIELD_TEXT:
        default:
          g_free (*(char **) slot);
          *(char **) slot = dup_trimmed (GTK_EDITABLE (widget));
          break;
        }
    }
  *invalid = NULL;
  return TRUE;
}

static GtkWidget *
find_detail_field (Detail     *detail,
                   const char *message)
{
  for (guint i = 0; i < detail->kind->n_fields; i++)
    if (gawah_message_names_field (message, _(detail->kind->fields[i].name)))
      return detail->fields[i];
  return NULL;
}

static gboolean
save_detail (Detail  *detail,
             GError **error)
{
  GawahIncidentEditor *self = detail->editor;
  RecordHead *head = detail->record;
  gboolean was_new = head->id == 0;
  GtkWidget *invalid = NULL;

  for (guint i = 0; i < detail->kind->n_fields; i++)
    show_field_error (self, detail->fields[i], NULL);
  head->incident_id = self->incident->id;
  if (!collect_detail (detail, &invalid, error) || !detail->kind->save (self->casebook, detail->record, error))
    {
      if (was_new)
        head->id = 0;
      if (invalid == NULL)
        invalid = find_detail_field (detail, (*error)->message);
      if (invalid != NULL)
        show_field_error (self, invalid, (*error)->message);
      self->invalid_field = invalid != NULL ? invalid : GTK_WIDGET (detail->row);
      adw_expander_row_set_expanded (detail->row, TRUE);
      return FALSE;
    }
  update_detail_row (detail);
  return TRUE;
}

static void
load_details (GawahIncidentEditor *self)
{
  for (guint k = 0; k < N_KINDS && self->incident->id != 0; k++)
    {
      g_autoptr(GPtrArray) records = detail_kinds[k].list (self->casebook, self->incident->id, NULL);

      while (records != NULL && records->len > 0)
        add_detail (self, &detail_kinds[k], g_ptr_array_steal_index (records, 0));
    }
}

static void
start_detail (GawahIncidentEditor *self,
              const DetailKind    *kind)
{
  Detail *detail;

  if (!gawah_incident_editor_flush (self) || self->incident->id == 0)
    return;
  detail = add_detail (self, kind, kind->record_new ());
  adw_expander_row_set_expanded (detail->row, TRUE);
  gtk_widget_grab_focus (detail->fields[0]);
}

static void
add_chronology_entry_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  start_detail (GAWAH_INCIDENT_EDITOR (widget), &detail_kinds[KIND_CHRONOLOGY]);
}

static void
add_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_detail (GAWAH_INCIDENT_EDITOR (widget), &detail_kinds[KIND_FOLLOW_UP]);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  start_detail (GAWAH_INCIDENT_EDITOR (widget), &detail_kinds[KIND_SOURCE]);
}

/* Saving */

static gboolean
has_unsaved_edits (GawahIncidentEditor *self)
{
  for (guint i = 0; i < self->details->len; i++)
    if (((Detail *) g_ptr_array_index (self->details, i))->dirty)
      return TRUE;
  return self->dirty;
}

static gboolean
save_dirty_details (GawahIncidentEditor  *self,
                    gboolean             *saved_any,
                    GError              **error)
{
  g_autoptr(GError) first_error = NULL;

  for (guint i = 0; i < self->details->len; i++)
    {
      Detail *detail = g_ptr_array_index (self->details, i);
      g_autoptr(GError) detail_error = NULL;

      if (!detail->dirty)
        continue;
      if (save_detail (detail, &detail_error))
        {
          detail->dirty = FALSE;
          *saved_any = TRUE;
        }
      else if (first_error == NULL)
        first_error = g_steal_pointer (&detail_error);
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

static void schedule_save (GawahIncidentEditor *self);

/* Saves whatever changed, now; FALSE (and the field marked) if something
 * could not be saved (or cannot be yet). */
gboolean
gawah_incident_editor_flush (GawahIncidentEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved_any = FALSE;

  g_return_val_if_fail (GAWAH_IS_INCIDENT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->flushing)
    return FALSE;
  /* The casebook's connection is a worker's until its import ends: an edit
   * written now would join (and could be rolled back with) the import. */
  if (has_unsaved_edits (self) && gawah_task_progress_is_busy (G_OBJECT (self->casebook)))
    {
      schedule_save (self);
      return FALSE;
    }
  self->flushing = TRUE;
  self->invalid_field = NULL;
  if (self->dirty)
    {
      saved_any = save_incident (self, &error);
      self->dirty = !saved_any;
    }
  if (self->incident->id != 0)
    save_dirty_details (self, &saved_any, error == NULL ? &error : NULL);
  self->flushing = FALSE;

  show_status (self, error);
  if (saved_any)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->incident->id);
  return error == NULL;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  GawahIncidentEditor *self = user_data;

  self->save_id = 0;
  gawah_incident_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (GawahIncidentEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  show_status (self, NULL);
}

static void
on_changed_cb (GawahIncidentEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  schedule_save (self);
}

/* Leaving a field saves it at once. */
static void
on_focus_moved_cb (GawahIncidentEditor *self)
{
  if (self->save_id != 0)
    gawah_incident_editor_flush (self);
}

static void
on_ongoing_changed_cb (GawahIncidentEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_date_row), !gtk_switch_get_active (self->ongoing_switch));
  on_changed_cb (self);
}

/* Districts are the terms under the chosen province; with no province,
 * none is offered ("-" is the parent of no term). */
static void
update_districts (GawahIncidentEditor *self)
{
  const char *province = gawah_vocabulary_row_get_code (self->province_row);

  gawah_vocabulary_row_set_parent_code (self->district_row, province != NULL ? province : "-");
  gtk_widget_set_sensitive (GTK_WIDGET (self->district_row), province != NULL);
}

static void
on_province_changed_cb (GawahIncidentEditor *self)
{
  update_districts (self);
  on_changed_cb (self);
}

/* Acts */

static char *
describe_perpetrators (GawahIncidentEditor *self,
                       const GawahAct      *act)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < act->involvements->len; i++)
    {
      GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);
      g_autoptr(GawahPerson) person = gawah_casebook_get_person (self->casebook, involvement->perpetrator_id, NULL);

      if (person == NULL)
        continue;
      if (text->len > 0)
        /* Translators: separates items in a list. */
        g_string_append (text, _(", "));
      g_string_append (text, gawah_person_get_display_name (person));
      if (person->perpetrator_type != NULL)
        g_string_append_printf (text, " (%s)", gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_PERPETRATOR_TYPE,
                                                                         person->perpetrator_type));
    }
  return g_string_free (text, FALSE);
}

static char *
describe_act (GawahIncidentEditor *self,
              const GawahAct      *act)
{
  g_autoptr(GawahPerson) victim = gawah_casebook_get_person (self->casebook, act->victim_id, NULL);
  g_autofree char *perpetrators = describe_perpetrators (self, act);
  /* Translators: %s is the name of the victim of an act. */
  g_autofree char *who = g_strdup_printf (_("Victim: %s"), victim != NULL ? gawah_person_get_display_name (victim) : "");

  if (*perpetrators == '\0')
    return g_steal_pointer (&who);
  /* Translators: %1$s says who the victim was, %2$s lists the perpetrators. */
  return g_strdup_printf (_("%1$s · Perpetrators: %2$s"), who, perpetrators);
}

static void open_act_editor (GawahIncidentEditor *self,
                             gint64               act_id);

static void
on_act_activated_cb (AdwActionRow        *row,
                     GawahIncidentEditor *self)
{
  gint64 *act_id = g_object_get_qdata (G_OBJECT (row), act_id_quark);

  open_act_editor (self, *act_id);
}

static GtkWidget *
make_act_row (GawahIncidentEditor *self,
              const GawahAct      *act)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_act (self, act);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gawah_vocabularies_label (gawah_vocabularies_get_default (),
                                                           GAWAH_VOCAB_ACT_TYPE, act->act_type));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_qdata_full (G_OBJECT (row), act_id_quark, g_memdup2 (&act->id, sizeof act->id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_act_activated_cb), self, 0);
  return row;
}

static void
refresh_acts (GawahIncidentEditor *self)
{
  g_autoptr(GPtrArray) acts = NULL;

  for (guint i = 0; i < self->act_rows->len; i++)
    adw_preferences_group_remove (self->acts_group, g_ptr_array_index (self->act_rows, i));
  g_ptr_array_set_size (self->act_rows, 0);
  if (self->incident->id == 0)
    return;

  acts = gawah_casebook_list_acts (self->casebook, self->incident->id, NULL);
  for (guint i = 0; acts != NULL && i < acts->len; i++)
    {
      GtkWidget *row = make_act_row (self, g_ptr_array_index (acts, i));

      adw_preferences_group_add (self->acts_group, row);
      g_ptr_array_add (self->act_rows, row);
    }
}

static void
on_act_saved_cb (GawahIncidentEditor *self)
{
  refresh_acts (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->incident->id);
}

static void
open_act_editor (GawahIncidentEditor *self,
                 gint64               act_id)
{
  GtkWidget *editor;

  if (!gawah_incident_editor_flush (self) || self->incident->id == 0)
    return;
  editor = gawah_act_editor_new (self->casebook, self->incident->id, act_id);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_act_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_act_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_act_editor (GAWAH_INCIDENT_EDITOR (widget), 0);
}

/* Evidence */

static GtkWidget *
make_evidence_label (const char *text,
                     const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Name, size and type, and the SHA-256 selectable so that it can be
 * copied into a report or compared with another copy. */
static GtkWidget *
make_evidence_row (const GawahEvidence *evidence)
{
  g_autofree char *size = g_format_size ((guint64) evidence->size);
  g_autofree char *details = g_strdup_printf ("%s · %s", size, evidence->media_type);
  /* Translators: %s is a SHA-256 checksum in hexadecimal. */
  g_autofree char *checksum = g_strdup_printf (_("SHA-256: %s"), evidence->sha256);
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 3,
                                 "margin-top", 10, "margin-bottom", 10, "margin-start", 12, "margin-end", 12, NULL);
  GtkWidget *sha = make_evidence_label (checksum, "monospace");
  GtkWidget *row;

  gtk_label_set_selectable (GTK_LABEL (sha), TRUE);
  gtk_widget_add_css_class (sha, "caption");
  gtk_box_append (GTK_BOX (box), make_evidence_label (evidence->file_name, NULL));
  gtk_box_append (GTK_BOX (box), make_evidence_label (details, "dim-label"));
  gtk_box_append (GTK_BOX (box), sha);
  row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "child", box, "activatable", FALSE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, evidence->file_name, -1);
  return row;
}

static void
refresh_evidence (GawahIncidentEditor *self)
{
  g_autoptr(GPtrArray) evidence = NULL;

  for (guint i = 0; i < self->evidence_rows->len; i++)
    adw_preferences_group_remove (self->evidence_group, g_ptr_array_index (self->evidence_rows, i));
  g_ptr_array_set_size (self->evidence_rows, 0);
  if (self->incident->id == 0)
    return;

  evidence = gawah_casebook_list_evidence (self->casebook, self->incident->id, NULL);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      GtkWidget *row = make_evidence_row (g_ptr_array_index (evidence, i));

      adw_preferences_group_add (self->evidence_group, row);
      g_ptr_array_add (self->evidence_rows, row);
    }
}

typedef struct {
  GawahIncidentEditor *self;
  GFile               *file;
  char                *file_name;
  char                *media_type;
} Intake;

static void
intake_free (Intake *intake)
{
  g_object_unref (intake->self);
  g_object_unref (intake->file);
  g_free (intake->file_name);
  g_free (intake->media_type);
  g_free (intake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Intake, intake_free)

static void
finish_intake (GawahIncidentEditor *self,
               const GError        *error)
{
  self->attaching--;
  show_status (self, error);
  if (error != NULL)
    return;
  refresh_evidence (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->incident->id);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Intake) intake = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  g_autoptr(GawahEvidence) evidence = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (content != NULL)
    evidence = gawah_casebook_attach_evidence (intake->self->casebook, intake->self->incident->id, 0,
                                               intake->file_name, intake->media_type, content, &error);
  finish_intake (intake->self, error);
}

static void
file_info_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Intake) intake = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, &error);
  const char *content_type;
  GCancellable *cancellable;
  GFile *file;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info == NULL)
    {
      finish_intake (intake->self, error);
      return;
    }
  content_type = g_file_info_get_content_type (info);
  intake->file_name = g_strdup (g_file_info_get_display_name (info));
  intake->media_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;
  file = intake->file;
  cancellable = intake->self->cancellable;
  g_file_load_bytes_async (file, cancellable, file_loaded_cb, g_steal_pointer (&intake));
}

/* The file is read in the background and stored whole; its SHA-256 is taken
 * by the core as it is stored. */
static void
attach_file (GawahIncidentEditor *self,
             GFile               *file)
{
  Intake *intake = g_new0 (Intake, 1);

  intake->self = g_object_ref (self);
  intake->file = g_object_ref (file);
  self->attaching++;
  show_status (self, NULL);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable, file_info_cb, intake);
}

static void
close_file_chooser (GawahIncidentEditor *self)
{
  if (self->file_chooser == NULL)
    return;
  gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
}

static void
on_files_chosen_cb (GawahIncidentEditor *self,
                    int                  response)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (self->file_chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          attach_file (self, file);
        }
    }
  close_file_chooser (self);
}

static void
attach_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GawahIncidentEditor *self = GAWAH_INCIDENT_EDITOR (widget);

  if (self->file_chooser != NULL || !gawah_incident_editor_flush (self) || self->incident->id == 0)
    return;
  self->file_chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Attach Evidence"), GTK_WINDOW (self),
                                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                      _("_Attach"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->file_chooser, TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->file_chooser), TRUE);
  g_signal_connect_swapped (self->file_chooser, "response", G_CALLBACK (on_files_chosen_cb), self);
  gtk_native_dialog_show (self->file_chooser);
}

static gboolean
on_drop_cb (GtkDropTarget       *target,
            const GValue        *value,
            double               x,
            double               y,
            GawahIncidentEditor *self)
{
  /* A failed save has already said why. */
  if (!gawah_incident_editor_flush (self))
    return FALSE;
  if (self->incident->id == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (GAWAH_ERROR, GAWAH_ERROR_INVALID,
                                                     _("Evidence: give the incident a title before attaching files"));

      show_status (self, error);
      return FALSE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        attach_file (self, l->data);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      attach_file (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

static void
set_up_drop_target (GawahIncidentEditor *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (self->scrolled_window, GTK_EVENT_CONTROLLER (target));
}

/* Loading */

static void
show_incident (GawahIncidentEditor *self)
{
  GawahIncident *incident = self->incident;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), incident->title != NULL ? incident->title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            incident->summary != NULL ? incident->summary : "", -1);
  gawah_date_row_set_date (self->start_date_row, &incident->start);
  gawah_date_row_set_date (self->end_date_row, &incident->end);
  gtk_switch_set_active (self->ongoing_switch, incident->ongoing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_date_row), !incident->ongoing);
  gawah_vocabulary_row_set_code (self->province_row, incident->province);
  update_districts (self);
  gawah_vocabulary_row_set_code (self->district_row, incident->district);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), incident->place != NULL ? incident->place : "");
  gawah_vocabulary_row_set_code (self->verification_row, incident->verification);
  gawah_vocabulary_row_set_code (self->confidentiality_row, incident->confidentiality);
  gawah_vocabulary_row_set_code (self->status_row, incident->status);
}

GtkWidget *
gawah_incident_editor_new (GawahCasebook *casebook,
                           gint64         incident_id)
{
  GawahIncidentEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), NULL);

  self = g_object_new (GAWAH_TYPE_INCIDENT_EDITOR, NULL);
  self->casebook = g_object_ref (casebook);
  if (incident_id != 0)
    self->incident = gawah_casebook_get_incident (casebook, incident_id, &error);
  if (self->incident == NULL)
    self->incident = gawah_incident_new ();

  self->loading = TRUE;
  show_incident (self);
  load_details (self);
  self->loading = FALSE;
  refresh_acts (self);
  refresh_evidence (self);
  update_sections (self);
  show_status (self, error);
  return GTK_WIDGET (self);
}

/* Closing */

static void
focus_invalid_field (GawahIncidentEditor *self)
{
  if (self->invalid_field == NULL)
    return;
  for (GtkWidget *ancestor = self->invalid_field; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    if (ADW_IS_EXPANDER_ROW (ancestor))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);
  gtk_widget_grab_focus (self->invalid_field);
}

static gboolean
gawah_incident_editor_close_request (GtkWindow *window)
{
  GawahIncidentEditor *self = GAWAH_INCIDENT_EDITOR (window);

  if (!self->discarding && !gawah_incident_editor_flush (self))
    {
      focus_invalid_field (self);
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (gawah_incident_editor_parent_class)->close_request (window);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GawahIncidentEditor *self = GAWAH_INCIDENT_EDITOR (widget);

  self->discarding = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_window_close (GTK_WINDOW (self));
}

static void
gawah_incident_editor_dispose (GObject *object)
{
  GawahIncidentEditor *self = GAWAH_INCIDENT_EDITOR (object);

  /* Destroyed without being closed (the application quits): a last try. */
  if (!self->discarding && self->casebook != NULL && (self->save_id != 0 || self->dirty))
    gawah_incident_editor_flush (self);
  self->discarding = TRUE;
  self->loading = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  close_file_chooser (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_INCIDENT_EDITOR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->casebook);
  G_OBJECT_CLASS (gawah_incident_editor_parent_class)->dispose (object);
}

static void
gawah_incident_editor_finalize (GObject *object)
{
  GawahIncidentEditor *self = GAWAH_INCIDENT_EDITOR (object);

  g_clear_pointer (&self->incident, gawah_incident_free);
  g_ptr_array_unref (self->details);
  g_ptr_array_unref (self->act_rows);
  g_ptr_array_unref (self->evidence_rows);
  G_OBJECT_CLASS (gawah_incident_editor_parent_class)->finalize (object);
}

static void
gawah_incident_editor_class_init (GawahIncidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_incident_editor_dispose;
  object_class->finalize = gawah_incident_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_incident_editor_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  act_id_quark = g_quark_from_static_string ("gawah-act-id");

  g_type_ensure (GAWAH_TYPE_DATE_ROW);
  g_type_ensure (GAWAH_TYPE_VOCABULARY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-incident-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, summary_frame);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, summary_message);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, ongoing_switch);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, province_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, verification_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, acts_group);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, chronology_group);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, sources_group);
  gtk_widget_class_bind_template_child (widget_class, GawahIncidentEditor, evidence_group);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ongoing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_province_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-act", NULL, add_act_action);
  gtk_widget_class_install_action (widget_class, "editor.add-chronology-entry", NULL, add_chronology_entry_action);
  gtk_widget_class_install_action (widget_class, "editor.add-follow-up", NULL, add_follow_up_action);
  gtk_widget_class_install_action (widget_class, "editor.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "editor.attach-evidence", NULL, attach_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gawah_incident_editor_init (GawahIncidentEditor *self)
{
  self->details = g_ptr_array_new_with_free_func ((GDestroyNotify) detail_free);
  self->act_rows = g_ptr_array_new ();
  self->evidence_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_districts (self);
  set_up_drop_target (self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_moved_cb), NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->summary_view), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->summary_message, NULL, -1);
}
