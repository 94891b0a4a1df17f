/* gawah-csv-export.c: incidents, acts, people and provisions as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-csv-export.h"
#include "gawah-csv.h"
#include "gawah-error.h"

static const char * const table_codes[] = { "incidents", "acts", "people", "provisions" };

gboolean
gawah_csv_table_from_code (const char    *code,
                           GawahCsvTable *table)
{
  guint index;

  if (!gawah_code_index (table_codes, G_N_ELEMENTS (table_codes), code, &index))
    return FALSE;
  *table = index;
  return TRUE;
}

const char *
gawah_csv_table_to_code (GawahCsvTable table)
{
  g_return_val_if_fail (table <= GAWAH_CSV_TABLE_PROVISIONS, NULL);
  return table_codes[table];
}

static const char * const incident_columns[] = {
  "uuid", "title", "summary", "start_date", "start_precision", "end_date", "end_precision", "ongoing",
  "province", "province_label", "district", "district_label", "place", "verification", "verification_label",
  "confidentiality", "confidentiality_label", "status", "status_label", "act_types", "act_type_labels",
  "created_at", "updated_at", NULL
};

static const char * const act_columns[] = {
  "uuid", "incident_uuid", "incident_title", "victim_uuid", "victim_name", "victim_name_urdu",
  "victim_categories", "victim_category_labels", "act_type", "act_type_label", "start_date", "start_precision",
  "end_date", "end_precision", "outcome", "laws", "law_labels", "perpetrators", "perpetrator_types",
  "perpetrator_type_labels", "involvements", "involvement_labels", NULL
};

static const char * const people_columns[] = {
  "uuid", "kind", "kind_label", "name", "name_urdu", "other_names", "sex", "sex_label", "categories",
  "category_labels", "perpetrator_type", "perpetrator_type_label", "organisation", NULL
};

static const char * const provision_columns[] = {
  "incident_uuid", "incident_title", "provision", "instrument", "article", "heading", "role", "decision",
  "added_by_reviewer", "rules", "note", "decided_at", NULL
};

typedef struct {
  GawahCasebook     *casebook;
  GawahLanguage      language;
  GawahCsvWriter    *writer;
  GHashTable        *people;          /* id → GawahPerson, read once */
  GCancellable      *cancellable;
  GawahProgressFunc  progress;
  gpointer           progress_data;
} CsvExport;

static const char *
label (CsvExport  *self,
       const char *vocabulary_id,
       const char *code)
{
  const GawahTerm *term;

  if (code == NULL || *code == '\0')
    return "";
  term = gawah_vocabularies_lookup (self->casebook->vocabularies, vocabulary_id, code);
  return term != NULL ? gawah_text_get (&term->label, self->language) : code;
}

static void
add_code (CsvExport  *self,
          const char *vocabulary_id,
          const char *code)
{
  gawah_csv_writer_add (self->writer, code);
  gawah_csv_writer_add (self->writer, label (self, vocabulary_id, code));
}

/* Several codes in one cell, and their labels in the next: "; " between. */
static void
add_codes (CsvExport          *self,
           const char         *vocabulary_id,
           const char * const *codes)
{
  g_autoptr(GString) joined_codes = g_string_new (NULL);
  g_autoptr(GString) joined_labels = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_string_append_printf (joined_codes, "%s%s", i > 0 ? "; " : "", codes[i]);
      g_string_append_printf (joined_labels, "%s%s", i > 0 ? "; " : "", label (self, vocabulary_id, codes[i]));
    }
  gawah_csv_writer_add (self->writer, joined_codes->str);
  gawah_csv_writer_add (self->writer, joined_labels->str);
}

static void
add_date (CsvExport              *self,
          const GawahPartialDate *date)
{
  g_autofree char *text = gawah_partial_date_is_known (date) ? gawah_partial_date_to_display (date) : NULL;

  gawah_csv_writer_add (self->writer, text);
  gawah_csv_writer_add (self->writer, gawah_precision_to_code (date->precision));
}

static GawahPerson *
lookup_person (CsvExport  *self,
               gint64      id,
               GError    **error)
{
  GawahPerson *person = g_hash_table_lookup (self->people, &id);

  if (person == NULL)
    {
      person = gawah_casebook_get_person (self->casebook, id, error);
      if (person != NULL)
        g_hash_table_insert (self->people, g_memdup2 (&id, sizeof id), person);
    }
  return person;
}

/* Incidents */

static gboolean
write_incident (CsvExport      *self,
                GawahIncident  *incident,
                GError        **error)
{
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (self->casebook, incident->id, error);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();   /* borrowed act types, each once */

  if (acts == NULL)
    return FALSE;
  for (guint i = 0; i < acts->len; i++)
    {
      GawahAct *act = g_ptr_array_index (acts, i);

      if (!g_ptr_array_find_with_equal_func (types, act->act_type, g_str_equal, NULL))
        g_ptr_array_add (types, act->act_type);
    }
  g_ptr_array_add (types, NULL);

  gawah_csv_writer_add (self->writer, incident->uuid);
  gawah_csv_writer_add (self->writer, incident->title);
  gawah_csv_writer_add (self->writer, incident->summary);
  add_date (self, &incident->start);
  add_date (self, &incident->end);
  gawah_csv_writer_add (self->writer, incident->ongoing ? "yes" : "no");
  add_code (self, GAWAH_VOCAB_PROVINCE, incident->province);
  add_code (self, GAWAH_VOCAB_PROVINCE, incident->district);
  gawah_csv_writer_add (self->writer, incident->place);
  add_code (self, GAWAH_VOCAB_VERIFICATION, incident->verification);
  add_code (self, GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality);
  add_code (self, GAWAH_VOCAB_CASE_STATUS, incident->status);
  add_codes (self, GAWAH_VOCAB_ACT_TYPE, (const char * const *) types->pdata);
  gawah_csv_writer_add (self->writer, incident->created_at);
  gawah_csv_writer_add (self->writer, incident->updated_at);
  return gawah_csv_writer_end_row (self->writer, error);
}

/* Acts */

static gboolean
write_act (CsvExport      *self,
           GawahIncident  *incident,
           GawahAct       *act,
           GError        **error)
{
  GawahPerson *victim = lookup_person (self, act->victim_id, error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) degrees = g_strv_builder_new ();
  g_auto(GStrv) perpetrator_names = NULL;
  g_auto(GStrv) perpetrator_types = NULL;
  g_auto(GStrv) involvements = NULL;
  g_autofree char *joined_names = NULL;

  if (victim == NULL)
    return FALSE;
  for (guint i = 0; i < act->involvements->len; i++)
    {
      GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);
      GawahPerson *perpetrator = lookup_person (self, involvement->perpetrator_id, error);

      if (perpetrator == NULL)
        return FALSE;
      g_strv_builder_add (names, gawah_person_get_display_name (perpetrator));
      g_strv_builder_add (types, perpetrator->perpetrator_type != NULL ? perpetrator->perpetrator_type : "");
      g_strv_builder_add (degrees, involvement->degree);
    }
  perpetrator_names = g_strv_builder_end (names);
  perpetrator_types = g_strv_builder_end (types);
  involvements = g_strv_builder_end (degrees);
  joined_names = g_strjoinv ("; ", perpetrator_names);

  gawah_csv_writer_add (self->writer, act->uuid);
  gawah_csv_writer_add (self->writer, incident->uuid);
  gawah_csv_writer_add (self->writer, incident->title);
  gawah_csv_writer_add (self->writer, victim->uuid);
  gawah_csv_writer_add (self->writer, victim->name_latin);
  gawah_csv_writer_add (self->writer, victim->name_urdu);
  add_codes (self, GAWAH_VOCAB_HRD_CATEGORY, (const char * const *) victim->categories);
  add_code (self, GAWAH_VOCAB_ACT_TYPE, act->act_type);
  add_date (self, &act->start);
  add_date (self, &act->end);
  gawah_csv_writer_add (self->writer, act->outcome);
  add_codes (self, GAWAH_VOCAB_LAW, (const char * const *) act->laws);
  gawah_csv_writer_add (self->writer, joined_names);
  add_codes (self, GAWAH_VOCAB_PERPETRATOR_TYPE, (const char * const *) perpetrator_types);
  add_codes (self, GAWAH_VOCAB_INVOLVEMENT, (const char * const *) involvements);
  return gawah_csv_writer_end_row (self->writer, error);
}

static gboolean
write_acts_of (CsvExport      *self,
               GawahIncident  *incident,
               GError        **error)
{
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (self->casebook, incident->id, error);

  if (acts == NULL)
    return FALSE;
  for (guint i = 0; i < acts->len; i++)
    if (!write_act (self, incident, g_ptr_array_index (acts, i), error))
      return FALSE;
  return TRUE;
}

/* Provisions engaged */

static gboolean
write_provisions_of (CsvExport      *self,
                     GawahIncident  *incident,
                     GError        **error)
{
  g_autoptr(GPtrArray) mappings = gawah_casebook_list_mappings (self->casebook, incident->id, error);

  if (mappings == NULL)
    return FALSE;
  for (guint i = 0; i < mappings->len; i++)
    {
      GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);
      const GawahProvision *provision = gawah_catalogue_find_provision (self->casebook->catalogue, mapping->provision_id);
      const GawahInstrument *instrument = provision != NULL
        ? gawah_catalogue_find_instrument (self->casebook->catalogue, provision->instrument_id) : NULL;
      g_autofree char *rules = g_strjoinv ("; ", mapping->rule_ids);

      gawah_csv_writer_add (self->writer, incident->uuid);
      gawah_csv_writer_add (self->writer, incident->title);
      gawah_csv_writer_add (self->writer, mapping->provision_id);
      gawah_csv_writer_add (self->writer, instrument != NULL ? gawah_text_get (&instrument->short_title, self->language) : "");
      gawah_csv_writer_add (self->writer, provision != NULL ? provision->number : "");
      gawah_csv_writer_add (self->writer, provision != NULL ? gawah_text_get (&provision->heading, self->language) : "");
      gawah_csv_writer_add (self->writer, mapping->role);
      gawah_csv_writer_add (self->writer, gawah_decision_to_code (mapping->decision));
      gawah_csv_writer_add (self->writer, mapping->added_by_reviewer ? "yes" : "no");
      gawah_csv_writer_add (self->writer, rules);
      gawah_csv_writer_add (self->writer, mapping->note);
      gawah_csv_writer_add (self->writer, mapping->decided_at);
      if (!gawah_csv_writer_end_row (self->writer, error))
        return FALSE;
    }
  return TRUE;
}

/* People: those involved in the incidents selected, once each */

static gboolean
write_person (CsvExport    *self,
              GawahPerson  *person,
              GError      **error)
{
  gawah_csv_writer_add (self->writer, person->uuid);
  add_code (self, GAWAH_VOCAB_PERSON_KIND, person->kind);
  gawah_csv_writer_add (self->writer, person->name_latin);
  gawah_csv_writer_add (self->writer, person->name_urdu);
  gawah_csv_writer_add (self->writer, person->other_names);
  add_code (self, GAWAH_VOCAB_SEX, person->sex);
  add_codes (self, GAWAH_VOCAB_HRD_CATEGORY, (const char * const *) person->categories);
  add_code (self, GAWAH_VOCAB_PERPETRATOR_TYPE, person->perpetrator_type);
  gawah_csv_writer_add (self->writer, person->organisation);
  return gawah_csv_writer_end_row (self->writer, error);
}

static gboolean
collect_people_of (CsvExport      *self,
                   GawahIncident  *incident,
                   GHashTable     *ids,
                   GError        **error)
{
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (self->casebook, incident->id, error);
  g_autoptr(GPtrArray) sources = acts != NULL ? gawah_casebook_list_sources (self->casebook, incident->id, error) : NULL;

  if (sources == NULL)
    return FALSE;
  for (guint i = 0; i < acts->len; i++)
    {
      GawahAct *act = g_ptr_array_index (acts, i);

      g_hash_table_add (ids, g_memdup2 (&act->victim_id, sizeof (gint64)));
      for (guint j = 0; j < act->involvements->len; j++)
        g_hash_table_add (ids, g_memdup2 (&((GawahInvolvement *) g_ptr_array_index (act->involvements, j))->perpetrator_id,
                                          sizeof (gint64)));
    }
  for (guint i = 0; i < sources->len; i++)
    {
      GawahSource *source = g_ptr_array_index (sources, i);

      if (source->person_id != 0)
        g_hash_table_add (ids, g_memdup2 (&source->person_id, sizeof (gint64)));
    }
  return TRUE;
}

static gboolean
write_people (CsvExport                  *self,
              const GawahIncidentFilter  *filter,
              GArray                     *incident_ids,
              GError                    **error)
{
  g_autoptr(GPtrArray) people = gawah_casebook_list_people (self->casebook, error);
  g_autoptr(GHashTable) involved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean everyone = filter == NULL || gawah_incident_filter_is_empty (filter);

  if (people == NULL)
    return FALSE;
  for (guint i = 0; !everyone && i < incident_ids->len; i++)
    {
      g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (self->casebook,
                                                                        g_array_index (incident_ids, gint64, i), error);

      if (incident == NULL || !collect_people_of (self, incident, involved, error))
        return FALSE;
    }
  for (guint i = 0; i < people->len; i++)
    {
      GawahPerson *person = g_ptr_array_index (people, i);

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if ((everyone || g_hash_table_contains (involved, &person->id)) && !write_person (self, person, error))
        return FALSE;
      if (self->progress != NULL)
        self->progress (i + 1, people->len, self->progress_data);
    }
  return TRUE;
}

static gboolean
write_per_incident (CsvExport      *self,
                    GawahCsvTable   table,
                    GArray         *incident_ids,
                    GError        **error)
{
  for (guint i = 0; i < incident_ids->len; i++)
    {
      g_autoptr(GawahIncident) incident = NULL;
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      incident = gawah_casebook_get_incident (self->casebook, g_array_index (incident_ids, gint64, i), error);
      if (incident == NULL)
        return FALSE;
      if (table == GAWAH_CSV_TABLE_INCIDENTS)
        ok = write_incident (self, incident, error);
      else if (table == GAWAH_CSV_TABLE_ACTS)
        ok = write_acts_of (self, incident, error);
      else
        ok = write_provisions_of (self, incident, error);
      if (!ok)
        return FALSE;
      if (self->progress != NULL)
        self->progress (i + 1, incident_ids->len, self->progress_data);
    }
  return TRUE;
}

/* Writes row by row to @stream, which the caller closes; a failure or a
 * cancellation leaves a partial file the caller should delete. */
gboolean
gawah_casebook_export_csv (GawahCasebook              *self,
                           GawahCsvTable               table,
                           const GawahIncidentFilter  *filter,
                           GawahLanguage               language,
                           GOutputStream              *stream,
                           GCancellable               *cancellable,
                           GawahProgressFunc           progress,
                           gpointer                    progress_data,
                           GError                    **error)
{
  static const char * const * const columns[] = { incident_columns, act_columns, people_columns, provision_columns };
  GawahIncidentFilter everything = { NULL };
  g_autoptr(GawahCsvWriter) writer = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GArray) incident_ids = NULL;
  CsvExport export;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (table <= GAWAH_CSV_TABLE_PROVISIONS, FALSE);
  g_return_val_if_fail (language < GAWAH_N_LANGUAGES, FALSE);

  incident_ids = gawah_casebook_query_incidents (self, filter != NULL ? filter : &everything, error);
  if (incident_ids == NULL)
    return FALSE;

  writer = gawah_csv_writer_new (stream, cancellable);
  people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gawah_person_free);
  export = (CsvExport) { self, language, writer, people, cancellable, progress, progress_data };
  if (!gawah_csv_writer_write_row (writer, columns[table], error))
    return FALSE;
  if (table == GAWAH_CSV_TABLE_PEOPLE)
    return write_people (&export, filter, incident_ids, error);
  return write_per_incident (&export, table, incident_ids, error);
}
