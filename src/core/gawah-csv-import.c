/* gawah-csv-import.c: incidents from a spreadsheet, all rows or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-csv-import.h"
#include "gawah-csv.h"
#include "gawah-error.h"

static const GawahCsvField incident_fields[] = {
  { "title", N_("Title"), NULL, TRUE },
  { "summary", N_("Summary"), NULL, FALSE },
  { "start_date", N_("Start date"), NULL, FALSE },
  { "end_date", N_("End date"), NULL, FALSE },
  { "ongoing", N_("Ongoing"), NULL, FALSE },
  { "province", N_("Province"), GAWAH_VOCAB_PROVINCE, FALSE },
  { "district", N_("District"), GAWAH_VOCAB_PROVINCE, FALSE },
  { "place", N_("Place"), NULL, FALSE },
  { "verification", N_("Verification"), GAWAH_VOCAB_VERIFICATION, FALSE },
  { "confidentiality", N_("Confidentiality"), GAWAH_VOCAB_CONFIDENTIALITY, FALSE },
  { "status", N_("Case status"), GAWAH_VOCAB_CASE_STATUS, FALSE },
  { "act_type", N_("Type of act"), GAWAH_VOCAB_ACT_TYPE, FALSE },
  { "victim", N_("Victim"), NULL, FALSE },
  { "victim_category", N_("Category"), GAWAH_VOCAB_HRD_CATEGORY, FALSE },
};

const GawahCsvField *
gawah_csv_incident_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (incident_fields);
  return incident_fields;
}

const GawahCsvField *
gawah_csv_incident_field_find (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (incident_fields); i++)
    if (g_strcmp0 (incident_fields[i].key, key) == 0)
      return &incident_fields[i];
  return NULL;
}

/* Preview */

void
gawah_csv_preview_free (GawahCsvPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->header);
  g_ptr_array_unref (preview->rows);
  g_free (preview);
}

/* Row 1: the header; an empty file is an error. */
static GStrv
read_header (GawahCsvReader  *reader,
             const char      *name,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GStrv header = NULL;

  if (gawah_csv_reader_next_row (reader, &header, &local_error))
    return header;
  if (local_error == NULL)
    g_set_error (&local_error, GAWAH_ERROR, GAWAH_ERROR_PARSE, _("%s: the file is empty"), name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

GawahCsvPreview *
gawah_csv_preview_read (GBytes      *data,
                        const char  *name,
                        guint        max_rows,
                        GError     **error)
{
  g_autoptr(GawahCsvReader) reader = gawah_csv_reader_new (data, name);
  g_autoptr(GawahCsvPreview) preview = g_new0 (GawahCsvPreview, 1);
  g_autoptr(GError) local_error = NULL;
  GStrv fields = NULL;

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->header = read_header (reader, name, error);
  if (preview->header == NULL)
    return NULL;
  while (preview->rows->len < max_rows && gawah_csv_reader_next_row (reader, &fields, &local_error))
    g_ptr_array_add (preview->rows, fields);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&preview);
}

/* Mapping */

struct _GawahCsvMapping
{
  GHashTable *fields;     /* column header → field key */
};

GawahCsvMapping *
gawah_csv_mapping_new (void)
{
  GawahCsvMapping *mapping = g_new0 (GawahCsvMapping, 1);

  mapping->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return mapping;
}

void
gawah_csv_mapping_free (GawahCsvMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_hash_table_unref (mapping->fields);
  g_free (mapping);
}

gboolean
gawah_csv_mapping_set (GawahCsvMapping  *mapping,
                       const char       *column,
                       const char       *field_key,
                       GError          **error)
{
  const GawahCsvField *field = gawah_csv_incident_field_find (field_key);

  if (field == NULL)
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (incident_fields); i++)
        g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", incident_fields[i].key);
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   /* Translators: %1$s is what was given, %2$s the list of field names, which stay in English. */
                   _("“%1$s” is not an incident field (%2$s)"), field_key, keys->str);
      return FALSE;
    }
  g_hash_table_replace (mapping->fields, g_strdup (column), (gpointer) field->key);
  return TRUE;
}

const char *
gawah_csv_mapping_get (GawahCsvMapping *mapping,
                       const char      *column)
{
  return g_hash_table_lookup (mapping->fields, column);
}

static char *
fold (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *normalized = g_utf8_normalize (trimmed, -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

/* A header that is a field's key ("start_date", as Gawah exports it) or its
 * label in the interface language goes to that field. */
GawahCsvMapping *
gawah_csv_mapping_guess (const char * const *header)
{
  GawahCsvMapping *mapping = gawah_csv_mapping_new ();

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *column = fold (header[i]);

      for (guint j = 0; j < G_N_ELEMENTS (incident_fields); j++)
        {
          g_autofree char *label = fold (_(incident_fields[j].label));

          if (g_str_equal (column, incident_fields[j].key) || g_str_equal (column, label))
            g_hash_table_replace (mapping->fields, g_strdup (header[i]), (gpointer) incident_fields[j].key);
        }
    }
  return mapping;
}

/* Import */

typedef struct {
  GawahCasebook     *casebook;
  GawahCsvReader    *reader;
  const char        *name;
  const GawahCsvField **columns;   /* per column of the file; NULL when not imported */
  guint              n_columns;
  guint              max_errors;
  guint              n_bad;
  GString           *bad_rows;
  guint              n_imported;
  GCancellable      *cancellable;
  GawahProgressFunc  progress;
  gpointer           progress_data;
} CsvImport;

static gboolean
matches_term (const GawahTerm *term,
              const char      *folded)
{
  for (guint i = 0; i < GAWAH_N_LANGUAGES; i++)
    {
      g_autofree char *label = fold (term->label.text[i]);

      if (g_str_equal (label, folded))
        return TRUE;
    }
  return FALSE;
}

/* A code, or a term's label in English or Urdu. Provinces are the top of
 * their vocabulary, districts the terms under a province. */
static const char *
resolve_code (GawahCasebook        *casebook,
              const GawahCsvField  *field,
              const char           *text,
              GError              **error)
{
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (casebook->vocabularies, field->vocabulary);
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);
  g_autofree char *folded = fold (text);
  gboolean district = g_str_equal (field->key, "district");
  gboolean province = g_str_equal (field->key, "province");

  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);

      if ((district && term->parent_code == NULL) || (province && term->parent_code != NULL))
        continue;
      if (g_str_equal (term->code, folded) || matches_term (term, folded))
        return term->code;
    }
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
               /* Translators: %1$s is a field name, %2$s the value in the spreadsheet. */
               _("%1$s: “%2$s” is neither a code nor a label of this list"), _(field->label), text);
  return NULL;
}

static gboolean
read_yes_no (const GawahCsvField  *field,
             const char           *text,
             gboolean             *value,
             GError              **error)
{
  static const char * const yes[] = { "yes", "true", "1", "y", "ہاں", "جی ہاں", NULL };
  static const char * const no[] = { "no", "false", "0", "n", "نہیں", "", NULL };
  g_autofree char *folded = fold (text);

  *value = g_strv_contains (yes, folded);
  if (*value || g_strv_contains (no, folded))
    return TRUE;
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
               _("%1$s: “%2$s” is neither yes nor no"), _(field->label), text);
  return FALSE;
}

typedef struct {
  GawahIncident *incident;
  char          *act_type;
  char          *victim;
  char          *victim_category;
} CsvRow;

static char **
incident_text_slot (CsvRow     *row,
                    const char *key)
{
  GawahIncident *incident = row->incident;

  if (g_str_equal (key, "title")) return &incident->title;
  if (g_str_equal (key, "summary")) return &incident->summary;
  if (g_str_equal (key, "place")) return &incident->place;
  if (g_str_equal (key, "province")) return &incident->province;
  if (g_str_equal (key, "district")) return &incident->district;
  if (g_str_equal (key, "verification")) return &incident->verification;
  if (g_str_equal (key, "confidentiality")) return &incident->confidentiality;
  if (g_str_equal (key, "status")) return &incident->status;
  if (g_str_equal (key, "act_type")) return &row->act_type;
  if (g_str_equal (key, "victim")) return &row->victim;
  if (g_str_equal (key, "victim_category")) return &row->victim_category;
  return NULL;
}

static gboolean
read_cell (CsvImport            *self,
           CsvRow               *row,
           const GawahCsvField  *field,
           const char           *text,
           GError              **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gawah_csv_unguard (text)));
  char **slot;

  if (g_str_equal (field->key, "start_date"))
    return gawah_partial_date_parse_text (trimmed, _(field->label), &row->incident->start, error);
  if (g_str_equal (field->key, "end_date"))
    return gawah_partial_date_parse_text (trimmed, _(field->label), &row->incident->end, error);
  if (g_str_equal (field->key, "ongoing"))
    return read_yes_no (field, trimmed, &row->incident->ongoing, error);
  if (*trimmed == '\0')
    return TRUE;   /* an empty cell keeps the default */

  slot = incident_text_slot (row, field->key);
  if (slot == NULL)
    g_return_val_if_reached (FALSE);
  g_free (*slot);
  *slot = NULL;
  if (field->vocabulary == NULL)
    *slot = g_strdup (g_str_equal (field->key, "summary") ? gawah_csv_unguard (text) : trimmed);
  else
    {
      const char *code = resolve_code (self->casebook, field, trimmed, error);

      if (code == NULL)
        return FALSE;
      *slot = g_strdup (code);
    }
  return TRUE;
}

static gint64
find_or_add_victim (CsvImport  *self,
                    CsvRow     *row,
                    GError    **error)
{
  g_autoptr(GawahPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = gawah_casebook_find_person_by_name (self->casebook, row->victim, &local_error);

  if (id != 0 || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return id;
    }
  person = gawah_person_new ();
  if (g_unichar_get_script (g_utf8_get_char (row->victim)) == G_UNICODE_SCRIPT_ARABIC)
    person->name_urdu = g_strdup (row->victim);
  else
    person->name_latin = g_strdup (row->victim);
  if (row->victim_category != NULL)
    {
      g_strfreev (person->categories);
      person->categories = g_new0 (char *, 2);
      person->categories[0] = g_strdup (row->victim_category);
    }
  return gawah_casebook_save_person (self->casebook, person, error) ? person->id : 0;
}

static gboolean
save_act (CsvImport  *self,
          CsvRow     *row,
          GError    **error)
{
  g_autoptr(GawahAct) act = NULL;

  if (row->act_type == NULL && row->victim == NULL)
    return TRUE;
  if (row->victim == NULL || row->act_type == NULL)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           row->victim == NULL ? _("Victim: a type of act needs the name of its victim")
                                               : _("Type of act: a victim needs the type of act done to them"));
      return FALSE;
    }
  act = gawah_act_new ();
  act->incident_id = row->incident->id;
  act->act_type = g_strdup (row->act_type);
  act->start = row->incident->start;
  act->end = row->incident->end;
  act->victim_id = find_or_add_victim (self, row, error);
  return act->victim_id != 0 && gawah_casebook_save_act (self->casebook, act, error);
}

static gboolean
row_is_blank (const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (fields[i]));

      if (*trimmed != '\0')
        return FALSE;
    }
  return TRUE;
}

/* One row: read, checked and saved in a savepoint of its own, so that a bad
 * row is undone on its own and the next rows are still checked. */
static gboolean
import_row (CsvImport    *self,
            const GStrv   fields,
            GError      **error)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GawahTransaction) tx = NULL;
  CsvRow row = { incident, NULL, NULL, NULL };
  gboolean ok = TRUE;

  for (guint i = 0; ok && fields[i] != NULL; i++)
    {
      if (i < self->n_columns && self->columns[i] != NULL)
        ok = read_cell (self, &row, self->columns[i], fields[i], error);
      else if (i >= self->n_columns && *g_strstrip (fields[i]) != '\0')
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                       _("the row has more cells than the header (%u)"), self->n_columns);
          ok = FALSE;
        }
    }
  if (ok)
    {
      tx = gawah_transaction_begin (gawah_casebook_get_db (self->casebook), error);
      ok = tx != NULL &&
           gawah_casebook_save_incident (self->casebook, incident, error) &&
           save_act (self, &row, error) &&
           gawah_transaction_commit (tx, error);
    }
  g_free (row.act_type);
  g_free (row.victim);
  g_free (row.victim_category);
  return ok;
}

static void
note_bad_row (CsvImport    *self,
              const GError *row_error)
{
  self->n_bad++;
  if (self->n_bad > self->max_errors)
    return;
  g_string_append_c (self->bad_rows, '\n');
  g_string_append_printf (self->bad_rows, _("Row %u: %s"), gawah_csv_reader_get_row (self->reader), row_error->message);
}

static gboolean
import_rows (GawahCasebook  *casebook,
             gpointer        user_data,
             GError        **error)
{
  CsvImport *self = user_data;
  GStrv fields = NULL;
  g_autoptr(GError) read_error = NULL;

  while (gawah_csv_reader_next_row (self->reader, &fields, &read_error))
    {
      g_auto(GStrv) owned = fields;
      g_autoptr(GError) row_error = NULL;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if (row_is_blank ((const char * const *) owned))
        continue;
      if (import_row (self, owned, &row_error))
        self->n_imported++;
      else
        note_bad_row (self, row_error);
      if (self->progress != NULL)
        self->progress (gawah_csv_reader_get_row (self->reader) - 1, 0, self->progress_data);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (self->n_bad > 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u row is not valid; nothing was imported.%s%s",
                                "%s: %u rows are not valid; nothing was imported.%s%s", self->n_bad),
                   self->name, self->n_bad, self->bad_rows->str,
                   self->n_bad > self->max_errors ? "\n…" : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
map_columns (CsvImport         *self,
             GawahCsvMapping   *mapping,
             const char * const *header,
             GError           **error)
{
  GHashTableIter iter;
  gpointer column, key;
  gboolean has_title = FALSE;

  self->n_columns = g_strv_length ((GStrv) header);
  self->columns = g_new0 (const GawahCsvField *, self->n_columns);
  g_hash_table_iter_init (&iter, mapping->fields);
  while (g_hash_table_iter_next (&iter, &column, &key))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->n_columns; i++)
        if (g_str_equal (header[i], column))
          {
            self->columns[i] = gawah_csv_incident_field_find (key);
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                       _("%s: the header has no column “%s”"), self->name, (const char *) column);
          return FALSE;
        }
      has_title = has_title || g_str_equal (key, "title");
    }
  if (!has_title)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("%s: no column goes to the incident’s title"), self->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
gawah_casebook_import_csv_incidents (GawahCasebook      *self,
                                     GBytes             *data,
                                     const char         *name,
                                     GawahCsvMapping    *mapping,
                                     guint               max_errors,
                                     guint              *n_imported,
                                     GCancellable       *cancellable,
                                     GawahProgressFunc   progress,
                                     gpointer            progress_data,
                                     GError            **error)
{
  g_autoptr(GawahCsvReader) reader = gawah_csv_reader_new (data, name);
  g_autoptr(GString) bad_rows = g_string_new (NULL);
  g_auto(GStrv) header = NULL;
  CsvImport import = { self, reader, name, NULL, 0, MAX (max_errors, 1), 0, bad_rows, 0,
                       cancellable, progress, progress_data };
  gboolean ok;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  header = read_header (reader, name, error);
  if (header == NULL)
    return FALSE;
  ok = map_columns (&import, mapping, (const char * const *) header, error) &&
       gawah_casebook_run_in_transaction (self, import_rows, &import, error);
  g_free (import.columns);
  if (!ok)
    return FALSE;
  if (n_imported != NULL)
    *n_imported = import.n_imported;
  return TRUE;
}
