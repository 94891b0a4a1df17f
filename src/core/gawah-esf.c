/* gawah-esf.c: turning ESF records into Gawah records, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-esf-mapping.h"

typedef struct {
  GawahCasebook     *casebook;
  GawahEsfMapping   *mapping;
  GawahEsfReport    *report;
  const char        *name;
  GPtrArray         *records;            /* top-level GawahEsfRecord */
  GHashTable        *persons;            /* record number → GawahEsfRecord */
  GHashTable        *events;             /* record number → GawahEsfRecord */
  GHashTable        *perpetrator_types;  /* person number → perpetrator-type code */
  GHashTable        *source_reliability; /* person number → source-reliability code */
  GCancellable      *cancellable;
  GawahProgressFunc  progress;
  gpointer           progress_data;
} EsfImport;

/* Report */

static void
unmapped_free (gpointer data)
{
  GawahEsfUnmapped *unmapped = data;

  g_free (unmapped->record);
  g_free (unmapped->field);
  g_free (unmapped->code);
  g_free (unmapped->label);
  g_free (unmapped);
}

static void
skipped_free (gpointer data)
{
  GawahEsfSkipped *skipped = data;

  g_free (skipped->element);
  g_free (skipped);
}

GawahEsfReport *
gawah_esf_report_new (void)
{
  GawahEsfReport *report = g_new0 (GawahEsfReport, 1);

  report->unmapped = g_ptr_array_new_with_free_func (unmapped_free);
  report->skipped = g_ptr_array_new_with_free_func (skipped_free);
  return report;
}

void
gawah_esf_report_free (GawahEsfReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->unmapped);
  g_ptr_array_unref (report->skipped);
  g_free (report);
}

void
gawah_esf_report_add_unmapped (GawahEsfReport *report,
                               const char     *record,
                               const char     *field,
                               const char     *code,
                               const char     *label,
                               guint           line)
{
  GawahEsfUnmapped *unmapped = g_new0 (GawahEsfUnmapped, 1);

  unmapped->record = g_strdup (record);
  unmapped->field = g_strdup (field);
  unmapped->code = g_strdup (code);
  unmapped->label = g_strdup (label);
  unmapped->line = line;
  g_ptr_array_add (report->unmapped, unmapped);
}

void
gawah_esf_report_add_skipped (GawahEsfReport *report,
                              const char     *element,
                              guint           line)
{
  GawahEsfSkipped *skipped = g_new0 (GawahEsfSkipped, 1);

  skipped->element = g_strdup (element);
  skipped->line = line;
  g_ptr_array_add (report->skipped, skipped);
}

/* Values and notes */

static gboolean
uses (const GawahEsfValue *value,
      const char          *use)
{
  return g_strcmp0 (value->field->use, use) == 0;
}

static const GawahEsfValue *
find_value (const GawahEsfRecord *record,
            const char           *use)
{
  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);

      if (uses (value, use))
        return value;
    }
  return NULL;
}

static const char *
find_text (const GawahEsfRecord *record,
           const char           *use)
{
  const GawahEsfValue *value = find_value (record, use);

  return value != NULL ? value->text : NULL;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* "ESF <field>: <value> <label>", for the field of a nested record with its
 * record ("act A-1 method_of_violence"). A code of a micro-thesaurus is
 * listed in the report as having no Gawah term. */
static void
keep_as_note (EsfImport            *self,
              const GawahEsfRecord *record,
              const char           *owner,
              const GawahEsfValue  *value,
              GString              *notes)
{
  const char *label = gawah_esf_mapping_label (self->mapping, value->field->list, value->text);
  g_autofree char *field = owner != NULL ? g_strdup_printf ("%s %s", owner, value->path) : g_strdup (value->path);
  g_autofree char *line = g_strdup_printf ("ESF %s: %s%s%s", field, value->text,
                                           label != NULL ? " " : "", label != NULL ? label : "");

  append_line (notes, line);
  if (value->field->list != NULL)
    {
      g_autofree char *described = gawah_esf_record_describe (record);
      gawah_esf_report_add_unmapped (self->report, described, value->path, value->text, label, value->line);
    }
}

/* The Gawah code for a coded value, or NULL after keeping it as a note.
 * A code mapped through a broader term is also kept, exactly, as a note. */
static const char *
translate (EsfImport            *self,
           const GawahEsfRecord *record,
           const char           *owner,
           const GawahEsfValue  *value,
           gboolean             *reverse,
           GString              *notes)
{
  const char *to = NULL;
  gboolean exact = TRUE;

  if (value->field->map == NULL ||
      !gawah_esf_mapping_translate (self->mapping, value->field->map, value->text, &to, reverse, &exact))
    {
      keep_as_note (self, record, owner, value, notes);
      return NULL;
    }
  if (!exact)
    {
      const char *label = gawah_esf_mapping_label (self->mapping, value->field->list, value->text);
      g_autofree char *line = g_strdup_printf ("ESF %s: %s %s", value->path, value->text, label != NULL ? label : "");
      append_line (notes, g_strchomp (line));
    }
  return to;
}

static void
set_code (char       **slot,
          const char  *code)
{
  if (code == NULL)
    return;
  g_free (*slot);
  *slot = g_strdup (code);
}

static char *
text_with_label (EsfImport           *self,
                 const GawahEsfValue *value)
{
  const char *label = gawah_esf_mapping_label (self->mapping, value->field->list, value->text);

  if (label == NULL)
    return g_strdup (value->text);
  return g_strdup_printf ("%s (ESF %s)", label, value->text);
}

static gboolean
prefix_record_error (EsfImport            *self,
                     const GawahEsfRecord *record,
                     guint                 line,
                     GError              **error)
{
  g_autofree char *described = gawah_esf_record_describe (record);

  g_prefix_error (error, _("%s, line %u (%s): "), self->name, line != 0 ? line : record->line, described);
  return FALSE;
}

/* Dates: "YYYY-MM-DD" with MM or DD 00 when not known, the type (list 48)
 * in a sibling field; MySQL's "0000-00-00" is no date at all. */
static gboolean
read_date (EsfImport            *self,
           const GawahEsfRecord *record,
           const GawahEsfValue  *value,
           GString              *notes,
           GawahPartialDate     *date,
           GError              **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 numbers[3] = { 0, 0, 0 };
  const char *precision = NULL;
  guint n;

  *date = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  if (value == NULL || g_str_equal (value->text, "0000-00-00"))
    return TRUE;

  parts = g_strsplit (value->text, "-", 4);
  n = g_strv_length (parts);
  for (guint i = 0; i < n && i < 3; i++)
    if (strlen (parts[i]) != (i == 0 ? 4u : 2u) ||
        !g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &numbers[i], NULL))
      n = 0;
  if (n == 0 || n > 3)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("%s: “%s” is not a date (YYYY-MM-DD)"), value->path, value->text);
      return prefix_record_error (self, record, value->line, error);
    }

  *date = (GawahPartialDate) { (guint16) numbers[0], (guint8) numbers[1], (guint8) numbers[2],
                               numbers[1] == 0 ? GAWAH_PRECISION_YEAR
                               : numbers[2] == 0 ? GAWAH_PRECISION_MONTH : GAWAH_PRECISION_DAY };
  if (value->field->precision != NULL)
    for (guint i = 0; i < record->values->len; i++)
      {
        const GawahEsfValue *type = g_ptr_array_index (record->values, i);

        if (g_strcmp0 (type->path, value->field->precision) == 0)
          precision = translate (self, record, NULL, type, NULL, notes);
      }
  if (g_strcmp0 (precision, "approximate") == 0)
    date->precision = GAWAH_PRECISION_APPROXIMATE;
  if (g_strcmp0 (precision, "year") == 0 || (g_strcmp0 (precision, "month") == 0 && date->month == 0))
    *date = (GawahPartialDate) { date->year, 0, 0, GAWAH_PRECISION_YEAR };
  else if (g_strcmp0 (precision, "month") == 0)
    *date = (GawahPartialDate) { date->year, date->month, 0, GAWAH_PRECISION_MONTH };

  if (!gawah_partial_date_validate (date, value->path, error))
    return prefix_record_error (self, record, value->line, error);
  return TRUE;
}

static gboolean
has_arabic_script (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;
  return FALSE;
}

static void
append_text (char       **slot,
             const char  *text,
             const char  *separator)
{
  char *joined = *slot == NULL || **slot == '\0' ? g_strdup (text) : g_strconcat (*slot, separator, text, NULL);

  g_free (*slot);
  *slot = joined;
}

/* People */

/* A name goes to the Latin or the Urdu-script field by its letters. */
static void
add_person_name (GawahPerson *person,
                 const char  *name,
                 gboolean     other_name)
{
  char **slot = has_arabic_script (name) ? &person->name_urdu : &person->name_latin;

  if (other_name && *slot != NULL)
    slot = &person->other_names;
  append_text (slot, name, "; ");
}

static void
read_person_value (EsfImport            *self,
                   const GawahEsfRecord *record,
                   GawahPerson          *person,
                   const GawahEsfValue  *value,
                   GString              *notes)
{
  if (uses (value, "record-number"))
    return;
  if (uses (value, "name") || uses (value, "other-names"))
    add_person_name (person, value->text, uses (value, "other-names"));
  else if (uses (value, "kind"))
    set_code (&person->kind, translate (self, record, NULL, value, NULL, notes));
  else if (uses (value, "sex"))
    set_code (&person->sex, translate (self, record, NULL, value, NULL, notes));
  else if (uses (value, "source-reliability"))
    {
      const char *code = translate (self, record, NULL, value, NULL, notes);
      if (code != NULL)
        g_hash_table_replace (self->source_reliability, g_strdup (record->number), g_strdup (code));
    }
  else if (uses (value, "religion") || uses (value, "ethnicity") || uses (value, "contact") ||
           uses (value, "organisation"))
    {
      /* Sensitive fields stay in Gawah's sensitive fields, never in notes. */
      char **slot = uses (value, "religion") ? &person->religion
                    : uses (value, "ethnicity") ? &person->ethnicity
                    : uses (value, "contact") ? &person->contact : &person->organisation;
      g_autofree char *text = text_with_label (self, value);
      append_text (slot, text, "; ");
    }
  else
    keep_as_note (self, record, NULL, value, notes);
}

static gboolean
import_person (EsfImport       *self,
               GawahEsfRecord  *record,
               GError         **error)
{
  g_autoptr(GawahPerson) person = gawah_person_new ();
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < record->values->len; i++)
    read_person_value (self, record, person, g_ptr_array_index (record->values, i), notes);
  /* A group with no name (witnesses, "unknown gunmen") is named by its description. */
  if (person->name_latin == NULL && person->name_urdu == NULL)
    {
      const char *description = NULL;

      for (guint i = 0; i < record->values->len && description == NULL; i++)
        {
          const GawahEsfValue *value = g_ptr_array_index (record->values, i);

          if (g_str_equal (value->path, "group_description"))
            description = value->text;
        }
      add_person_name (person, description != NULL ? description : record->number, FALSE);
    }
  set_code (&person->perpetrator_type, g_hash_table_lookup (self->perpetrator_types, record->number));
  if (notes->len > 0)
    person->notes = g_strdup (notes->str);
  if (!gawah_casebook_save_person (self->casebook, person, error))
    return prefix_record_error (self, record, 0, error);
  record->saved_id = person->id;
  self->report->persons++;
  return TRUE;
}

static gint64
person_id (EsfImport  *self,
           const char *number)
{
  GawahEsfRecord *person = number != NULL ? g_hash_table_lookup (self->persons, number) : NULL;

  return person != NULL ? person->saved_id : 0;
}

static const char *
person_name (EsfImport  *self,
             const char *number)
{
  GawahEsfRecord *person = g_hash_table_lookup (self->persons, number);
  const char *name = person != NULL ? find_text (person, "name") : NULL;

  return name != NULL ? name : number;
}

/* Acts and their involvements */

static void
keep_values_as_notes (EsfImport            *self,
                      const GawahEsfRecord *record,
                      const char           *owner,
                      const char * const   *used,
                      GString              *notes)
{
  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);

      if (!g_strv_contains (used, value->field->use))
        keep_as_note (self, record, owner, value, notes);
    }
}

static void
read_involvement (EsfImport            *self,
                  const GawahEsfRecord *record,
                  GawahAct             *act,
                  GString              *notes)
{
  static const char * const used[] = { "record-number", "parent", "perpetrator", "degree", "perpetrator-type",
                                       "precision", NULL };
  g_autofree char *owner = g_strdup_printf ("involvement %s", record->number);
  const GawahEsfValue *degree = find_value (record, "degree");
  const char *perpetrator = find_text (record, "perpetrator");
  const char *code = degree != NULL ? translate (self, record, owner, degree, NULL, notes) : NULL;

  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);
      const char *to = NULL;
      gboolean exact;

      if (uses (value, "perpetrator-type") &&
          !gawah_esf_mapping_translate (self->mapping, value->field->map, value->text, &to, NULL, &exact))
        keep_as_note (self, record, owner, value, notes);
    }
  keep_values_as_notes (self, record, owner, used, notes);
  if (code == NULL)
    {
      g_autofree char *line = g_strdup_printf ("ESF %s: perpetrator %s, no Gawah degree of involvement",
                                               owner, person_name (self, perpetrator));
      append_line (notes, line);
      self->report->involvements_as_notes++;
      return;
    }
  gawah_act_add_involvement (act, person_id (self, perpetrator), code);
  self->report->involvements++;
}

/* An act Gawah has no type for is kept, whole, as notes on its incident. */
/* A victim still missing or still held: the act is not over. */
static gboolean
act_is_ongoing (EsfImport           *self,
                const GawahEsfValue *outcome)
{
  const char *to = NULL;
  gboolean exact;

  return outcome != NULL && outcome->field->map != NULL &&
         gawah_esf_mapping_translate (self->mapping, outcome->field->map, outcome->text, &to, NULL, &exact) &&
         g_strcmp0 (to, "yes") == 0;
}

static gboolean
read_act (EsfImport            *self,
          const GawahEsfRecord *record,
          GawahIncident        *incident,
          GPtrArray            *acts,
          GString              *notes,
          GError              **error)
{
  static const char * const used[] = { "record-number", "parent", "victim", "act-type", "start", "end",
                                       "precision", "outcome", "place", NULL };
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autofree char *owner = g_strdup_printf ("act %s", record->number);
  const GawahEsfValue *outcome = find_value (record, "outcome");
  const char *place = find_text (record, "place");

  act->victim_id = person_id (self, find_text (record, "victim"));
  act->act_type = g_strdup (translate (self, record, owner, find_value (record, "act-type"), NULL, notes));
  if (!read_date (self, record, find_value (record, "start"), notes, &act->start, error) ||
      !read_date (self, record, find_value (record, "end"), notes, &act->end, error))
    return FALSE;
  if (outcome != NULL)
    act->outcome = text_with_label (self, outcome);
  if (act_is_ongoing (self, outcome) && !gawah_partial_date_is_known (&act->end))
    incident->ongoing = TRUE;
  /* The incident's place is its first act's; another act's stays a note. */
  if (place != NULL && incident->place == NULL)
    incident->place = g_strdup (place);
  else if (place != NULL)
    keep_as_note (self, record, owner, find_value (record, "place"), notes);
  keep_values_as_notes (self, record, owner, used, notes);

  for (guint i = 0; i < record->children->len; i++)
    read_involvement (self, g_ptr_array_index (record->children, i), act, notes);

  if (act->act_type == NULL)
    {
      g_autofree char *line = g_strdup_printf ("ESF %s: victim %s, no Gawah type of act",
                                               owner, person_name (self, find_text (record, "victim")));
      append_line (notes, line);
      self->report->acts_as_notes++;
      return TRUE;
    }
  g_ptr_array_add (acts, g_steal_pointer (&act));
  return TRUE;
}

/* Events */

static gboolean
read_incident (EsfImport             *self,
               const GawahEsfRecord  *record,
               GawahIncident         *incident,
               GString               *notes,
               GError               **error)
{
  static const char * const used[] = { "record-number", "title", "summary", "confidentiality", "verification",
                                       "start", "end", "precision", NULL };
  const GawahEsfValue *confidentiality = find_value (record, "confidentiality");
  const GawahEsfValue *verification = find_value (record, "verification");

  incident->title = g_strdup (find_text (record, "title"));
  if (confidentiality != NULL)
    set_code (&incident->confidentiality, translate (self, record, NULL, confidentiality, NULL, notes));
  if (verification != NULL)
    set_code (&incident->verification, translate (self, record, NULL, verification, NULL, notes));
  if (!read_date (self, record, find_value (record, "start"), notes, &incident->start, error) ||
      !read_date (self, record, find_value (record, "end"), notes, &incident->end, error))
    return FALSE;
  keep_values_as_notes (self, record, NULL, used, notes);
  return TRUE;
}

static gboolean
import_event (EsfImport       *self,
              GawahEsfRecord  *record,
              GError         **error)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GPtrArray) acts = g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_act_free);
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *description = find_text (record, "summary");

  if (!read_incident (self, record, incident, notes, error))
    return FALSE;
  for (guint i = 0; i < record->children->len; i++)
    {
      GawahEsfRecord *child = g_ptr_array_index (record->children, i);

      if (g_str_equal (child->spec->kind, "act") &&
          !read_act (self, child, incident, acts, notes, error))
        return FALSE;
    }

  if (gawah_partial_date_is_known (&incident->end))
    incident->ongoing = FALSE;
  if (notes->len == 0)
    incident->summary = g_strdup (description);
  else
    incident->summary = g_strconcat (description != NULL ? description : "",
                                     description != NULL ? "\n\n" : "", notes->str, NULL);
  if (!gawah_casebook_save_incident (self->casebook, incident, error))
    return prefix_record_error (self, record, 0, error);
  record->saved_id = incident->id;
  self->report->events++;

  for (guint i = 0; i < acts->len; i++)
    {
      GawahAct *act = g_ptr_array_index (acts, i);

      act->incident_id = incident->id;
      if (!gawah_casebook_save_act (self->casebook, act, error))
        return prefix_record_error (self, record, 0, error);
      self->report->acts++;
    }
  return TRUE;
}

static gboolean
import_chain (EsfImport            *self,
              const GawahEsfRecord *event,
              const GawahEsfRecord *record,
              GError              **error)
{
  static const char * const used[] = { "record-number", "parent", "related-event", "link-type", NULL };
  g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  const GawahEsfValue *type = find_value (record, "link-type");
  GawahEsfRecord *related = g_hash_table_lookup (self->events, find_text (record, "related-event"));
  const char *code = NULL;
  gboolean reverse = FALSE;

  if (type != NULL)
    code = translate (self, record, NULL, type, &reverse, notes);
  keep_values_as_notes (self, record, NULL, used, notes);
  link->from_incident_id = reverse ? related->saved_id : event->saved_id;
  link->to_incident_id = reverse ? event->saved_id : related->saved_id;
  set_code (&link->link_type, code != NULL ? code : "related");
  link->note = notes->len > 0 ? g_strdup (notes->str) : NULL;
  if (!gawah_casebook_save_link (self->casebook, link, error))
    return prefix_record_error (self, record, 0, error);
  self->report->chains++;
  return TRUE;
}

/* The first value of a coded field that Gawah has a term for; the others
 * are kept as notes. */
static const char *
first_translation (EsfImport            *self,
                   const GawahEsfRecord *record,
                   const char           *use,
                   GString              *notes)
{
  const char *first = NULL;

  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);
      const char *code;

      if (!uses (value, use))
        continue;
      code = translate (self, record, NULL, value, NULL, notes);
      if (first == NULL)
        first = code;
      else if (code != NULL)
        keep_as_note (self, record, NULL, value, notes);
    }
  return first;
}

/* A reference to a person or an event, as a note: its name or title. */
static void
note_references (EsfImport            *self,
                 const GawahEsfRecord *record,
                 const char * const   *reference_uses,
                 GString              *notes)
{
  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);
      GawahEsfRecord *event = NULL;
      g_autofree char *line = NULL;

      if (!g_strv_contains (reference_uses, value->field->use))
        continue;
      if (uses (value, "related-event"))
        event = g_hash_table_lookup (self->events, value->text);
      line = g_strdup_printf ("ESF %s: %s", value->path,
                              event != NULL ? find_text (event, "title") : person_name (self, value->text));
      append_line (notes, line);
    }
}

/* Interventions: who asked whom for what. ESF names the addressee in free
 * text, so the body is "other" and the text goes into the description. */
static gboolean
import_intervention (EsfImport       *self,
                     GawahEsfRecord  *record,
                     GError         **error)
{
  static const char * const used[] = { "record-number", "event", "follow-up-type", "follow-up-status", "date",
                                       "response", "intervening-party", "victim", NULL };
  static const char * const references[] = { "intervening-party", "victim", NULL };
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  const GawahEsfValue *status = find_value (record, "follow-up-status");
  const GawahEsfValue *response = find_value (record, "response");
  GawahEsfRecord *event = g_hash_table_lookup (self->events, find_text (record, "event"));
  const char *action_type = first_translation (self, record, "follow-up-type", notes);
  const char *status_code = status != NULL ? translate (self, record, NULL, status, NULL, notes) : NULL;

  note_references (self, record, references, notes);
  keep_values_as_notes (self, record, NULL, used, notes);
  follow_up->incident_id = event->saved_id;
  set_code (&follow_up->body, "other");
  set_code (&follow_up->action_type, action_type != NULL ? action_type : "other");
  set_code (&follow_up->status, status_code != NULL ? status_code : "pending");
  if (response != NULL)
    follow_up->response = text_with_label (self, response);
  if (!read_date (self, record, find_value (record, "date"), notes, &follow_up->date, error))
    return FALSE;
  follow_up->description = notes->len > 0 ? g_strdup (notes->str) : NULL;
  if (!gawah_casebook_save_follow_up (self->casebook, follow_up, error))
    return prefix_record_error (self, record, 0, error);
  self->report->interventions++;
  return TRUE;
}

/* Information: a source of an incident, rated twice (OHCHR): the source's
 * reliability comes from the person, the information's credibility from
 * the record. */
static gboolean
import_information (EsfImport       *self,
                    GawahEsfRecord  *record,
                    GError         **error)
{
  static const char * const used[] = { "record-number", "event", "source", "related-person", "related-event",
                                       "source-type", "source-connection", "credibility", "date", NULL };
  static const char * const references[] = { "source", "related-person", "related-event", NULL };
  g_autoptr(GawahSource) source = gawah_source_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  const GawahEsfValue *credibility = find_value (record, "credibility");
  const char *source_number = find_text (record, "source");
  GawahEsfRecord *event = g_hash_table_lookup (self->events, find_text (record, "event"));
  const char *source_type = first_translation (self, record, "source-type", notes);
  const char *connection = first_translation (self, record, "source-connection", notes);
  const char *credibility_code = credibility != NULL ? translate (self, record, NULL, credibility, NULL, notes) : NULL;
  const char *reliability = source_number != NULL ? g_hash_table_lookup (self->source_reliability, source_number) : NULL;

  note_references (self, record, references, notes);
  keep_values_as_notes (self, record, NULL, used, notes);
  source->incident_id = event->saved_id;
  source->person_id = person_id (self, source_number);
  set_code (&source->source_type, source_type != NULL ? source_type : connection != NULL ? connection : "other");
  set_code (&source->reliability, reliability != NULL ? reliability : "unknown");
  set_code (&source->credibility, credibility_code != NULL ? credibility_code : "cannot-judge");
  if (!read_date (self, record, find_value (record, "date"), notes, &source->obtained, error))
    return FALSE;
  source->description = notes->len > 0 ? g_strdup (notes->str) : NULL;
  if (!gawah_casebook_save_source (self->casebook, source, error))
    return prefix_record_error (self, record, 0, error);
  self->report->information++;
  return TRUE;
}

/* References: checked before anything is written */

static gboolean
index_record (EsfImport       *self,
              GHashTable      *index,
              GawahEsfRecord  *record,
              GError         **error)
{
  if (g_hash_table_contains (index, record->number))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   /* Translators: %1$s is a file name, %2$u a line, %3$s a record kind, %4$s its number. */
                   _("%1$s, line %2$u: a second %3$s record numbered “%4$s”"),
                   self->name, record->line, record->spec->element, record->number);
      return FALSE;
    }
  g_hash_table_insert (index, record->number, record);
  return TRUE;
}

static gboolean
check_references (EsfImport             *self,
                  const GawahEsfRecord  *record,
                  GError               **error)
{
  static const char * const person_uses[] = { "victim", "perpetrator", "intervening-party", "source",
                                              "related-person", NULL };
  static const char * const event_uses[] = { "related-event", "event", NULL };

  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);
      gboolean to_person = g_strv_contains (person_uses, value->field->use);

      if (!to_person && !g_strv_contains (event_uses, value->field->use))
        continue;
      if (!g_hash_table_contains (to_person ? self->persons : self->events, value->text))
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                       to_person
                       /* Translators: %1$s is a file name, %2$u a line, %3$s an element, %4$s a record number. */
                       ? _("%1$s, line %2$u: %3$s “%4$s” is not a person record of this document")
                       : _("%1$s, line %2$u: %3$s “%4$s” is not an event record of this document"),
                       self->name, value->line, value->path, value->text);
          return FALSE;
        }
    }
  for (guint i = 0; i < record->children->len; i++)
    if (!check_references (self, g_ptr_array_index (record->children, i), error))
      return FALSE;
  return TRUE;
}

/* A perpetrator's type is said on each involvement; Gawah keeps it on the person. */
static void
collect_perpetrator_types (EsfImport            *self,
                           const GawahEsfRecord *record)
{
  const char *perpetrator = find_text (record, "perpetrator");

  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);
      const char *to = NULL;
      gboolean exact;

      if (uses (value, "perpetrator-type") && perpetrator != NULL &&
          !g_hash_table_contains (self->perpetrator_types, perpetrator) &&
          gawah_esf_mapping_translate (self->mapping, value->field->map, value->text, &to, NULL, &exact))
        g_hash_table_insert (self->perpetrator_types, g_strdup (perpetrator), g_strdup (to));
    }
  for (guint i = 0; i < record->children->len; i++)
    collect_perpetrator_types (self, g_ptr_array_index (record->children, i));
}

static gboolean
prepare (EsfImport  *self,
         GError    **error)
{
  for (guint i = 0; i < self->records->len; i++)
    {
      GawahEsfRecord *record = g_ptr_array_index (self->records, i);
      const char *kind = record->spec->kind;

      if ((g_str_equal (kind, "person") && !index_record (self, self->persons, record, error)) ||
          (g_str_equal (kind, "event") && !index_record (self, self->events, record, error)))
        return FALSE;
    }
  for (guint i = 0; i < self->records->len; i++)
    {
      GawahEsfRecord *record = g_ptr_array_index (self->records, i);

      if (!check_references (self, record, error))
        return FALSE;
      collect_perpetrator_types (self, record);
    }
  return TRUE;
}

/* Writing, in dependency order: people, events with their acts, chains of
 * events, then interventions and information. */

static gboolean
import_kind (EsfImport   *self,
             const char  *kind,
             guint       *done,
             GError     **error)
{
  for (guint i = 0; i < self->records->len; i++)
    {
      GawahEsfRecord *record = g_ptr_array_index (self->records, i);
      gboolean ok = TRUE;

      if (!g_str_equal (record->spec->kind, kind))
        continue;
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if (g_str_equal (kind, "person"))
        ok = import_person (self, record, error);
      else if (g_str_equal (kind, "event"))
        ok = import_event (self, record, error);
      else if (g_str_equal (kind, "intervention"))
        ok = import_intervention (self, record, error);
      else if (g_str_equal (kind, "information"))
        ok = import_information (self, record, error);
      if (!ok)
        return FALSE;
      if (self->progress != NULL)
        self->progress (++*done, self->records->len, self->progress_data);
    }
  return TRUE;
}

static gboolean
import_chains (EsfImport  *self,
               GError    **error)
{
  for (guint i = 0; i < self->records->len; i++)
    {
      GawahEsfRecord *event = g_ptr_array_index (self->records, i);

      if (!g_str_equal (event->spec->kind, "event"))
        continue;
      for (guint j = 0; j < event->children->len; j++)
        {
          GawahEsfRecord *child = g_ptr_array_index (event->children, j);

          if (g_str_equal (child->spec->kind, "chain-of-events") && !import_chain (self, event, child, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_work (GawahCasebook  *casebook,
             gpointer        user_data,
             GError        **error)
{
  EsfImport *self = user_data;
  guint done = 0;

  return import_kind (self, "person", &done, error) &&
         import_kind (self, "event", &done, error) &&
         import_chains (self, error) &&
         import_kind (self, "intervention", &done, error) &&
         import_kind (self, "information", &done, error);
}

static int
compare_unmapped_lines (gconstpointer a,
                        gconstpointer b)
{
  const GawahEsfUnmapped *first = *(GawahEsfUnmapped * const *) a;
  const GawahEsfUnmapped *second = *(GawahEsfUnmapped * const *) b;

  return (first->line > second->line) - (first->line < second->line);
}

/* On failure the report's counts mean nothing: nothing was written. */
gboolean
gawah_casebook_import_esf (GawahCasebook      *self,
                           GBytes             *document,
                           const char         *name,
                           GawahEsfReport     *report,
                           GCancellable       *cancellable,
                           GawahProgressFunc   progress,
                           gpointer            progress_data,
                           GError            **error)
{
  g_autoptr(GawahEsfMapping) mapping = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) persons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) events = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) perpetrator_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) source_reliability = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  EsfImport import;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (document != NULL && report != NULL, FALSE);

  mapping = gawah_esf_mapping_load (error);
  if (mapping == NULL)
    return FALSE;
  records = gawah_esf_read_document (mapping, document, name, report, cancellable, error);
  if (records == NULL)
    return FALSE;

  import = (EsfImport) { self, mapping, report, name, records, persons, events, perpetrator_types,
                         source_reliability, cancellable, progress, progress_data };
  if (!prepare (&import, error) ||
      !gawah_casebook_run_in_transaction (self, import_work, &import, error))
    return FALSE;
  g_ptr_array_sort (report->unmapped, compare_unmapped_lines);
  return TRUE;
}

gboolean
gawah_casebook_import_esf_file (GawahCasebook      *self,
                                const char         *path,
                                GawahEsfReport     *report,
                                GCancellable       *cancellable,
                                GawahProgressFunc   progress,
                                gpointer            progress_data,
                                GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);
  g_autofree char *name = g_path_get_basename (path);

  if (bytes == NULL)
    return FALSE;
  return gawah_casebook_import_esf (self, bytes, name, report, cancellable, progress, progress_data, error);
}
