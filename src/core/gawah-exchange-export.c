/* gawah-exchange-export.c: writing Gawah XML
 *
 * One incident at a time, each preceded by the people it names that are not
 * written yet, so that a reader meets a person before any reference to it
 * and neither side ever holds more than one incident. Records come in the
 * order of their ids: a document imported into an empty casebook exports
 * again byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-error.h"
#include "gawah-exchange-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)

typedef struct {
  GawahCasebook    *casebook;
  GawahDb          *db;
  GOutputStream    *output;
  GCancellable     *cancellable;
  xmlTextWriter    *writer;
  GawahExportFlags  flags;
  GError           *write_error;         /* from the output stream */
  GawahStmt        *by_id[N_SPECS];      /* people and incidents by id */
  GawahStmt        *children[N_SPECS];   /* an incident's records, by incident id */
  GawahStmt        *people_of_incident;
  GawahStmt        *is_protected;
  GawahStmt        *protected_near[N_SPECS]; /* redaction: victims and witnesses whose names to replace */
  GPtrArray        *replacements;        /* redaction: name, pseudonym, name, ... longest first */
  GHashTable       *written_people;      /* gint64 ids */
  GHashTable       *exported_incidents;  /* uuids, when a filter chose them */
  GBytes           *secret;              /* redaction: the casebook's pseudonym key */
} Export;

/* What a redacted document leaves out or replaces, listed in the document. */
typedef struct {
  const char *field;
  const char *action;
  const char *scope;
} RedactionRule;

static const RedactionRule redaction_rules[] = {
  { "person/name-latin", "pseudonym", "victims-and-witnesses" },
  { "person/name-urdu", "removed", "victims-and-witnesses" },
  { "person/other-names", "removed", "victims-and-witnesses" },
  { "person/organisation", "removed", "victims-and-witnesses" },
  { "person/notes", "removed", "victims-and-witnesses" },
  { "person/ethnicity", "removed", "everyone" },
  { "person/religion", "removed", "everyone" },
  { "person/contact", "removed", "everyone" },
  { "incident/location/place", "removed", "everyone" },
  { "source/description", "pseudonym", "everyone" },
  { "names-in-text", "pseudonym", "victims-and-witnesses" },
  { "evidence", "removed", "everyone" },
};

static void
export_clear (Export *export)
{
  for (guint i = 0; i < N_SPECS; i++)
    {
      g_clear_pointer (&export->by_id[i], gawah_stmt_release);
      g_clear_pointer (&export->children[i], gawah_stmt_release);
      g_clear_pointer (&export->protected_near[i], gawah_stmt_release);
    }
  g_clear_pointer (&export->people_of_incident, gawah_stmt_release);
  g_clear_pointer (&export->is_protected, gawah_stmt_release);
  g_clear_pointer (&export->replacements, g_ptr_array_unref);
  g_clear_pointer (&export->written_people, g_hash_table_unref);
  g_clear_pointer (&export->exported_incidents, g_hash_table_unref);
  g_clear_pointer (&export->secret, g_bytes_unref);
  g_clear_pointer (&export->writer, xmlFreeTextWriter);
  g_clear_error (&export->write_error);
}

static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  Export *export = context;

  if (export->write_error != NULL)
    return -1;
  if (!g_output_stream_write_all (export->output, buffer, (gsize) len, NULL,
                                  export->cancellable, &export->write_error))
    return -1;
  return len;
}

static int
close_cb (void *context)
{
  return 0;
}

static gboolean
writer_failed (Export  *export,
               GError **error)
{
  if (export->write_error != NULL)
    g_propagate_error (error, g_steal_pointer (&export->write_error));
  else
    g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_FAILED, _("The document could not be written"));
  return FALSE;
}

#define WRITE(export, call) G_STMT_START { if ((call) < 0) return writer_failed (export, error); } G_STMT_END
#define X(s) ((const xmlChar *) (s))

/* ---- Redaction ---- */

static char *
pseudonym (Export     *export,
           const char *prefix,
           const char *uuid)
{
  gsize key_size = 0;
  const guchar *key = g_bytes_get_data (export->secret, &key_size);
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_size);
  g_autofree char *digest = NULL;

  g_hmac_update (hmac, (const guchar *) prefix, -1);
  g_hmac_update (hmac, (const guchar *) ":", 1);
  g_hmac_update (hmac, (const guchar *) uuid, -1);
  digest = g_ascii_strup (g_hmac_get_string (hmac), 12);
  return g_strdup_printf ("%s-%s", prefix, digest);
}

static int
field_index (const RecordSpec *spec,
             const char       *name)
{
  for (guint i = 0; i < spec->n_fields; i++)
    if (g_str_equal (spec->fields[i].name, name))
      return (int) i + 1;
  g_return_val_if_reached (0);
}

static void
set_value (GPtrArray        *values,
           const RecordSpec *spec,
           const char       *name,
           char             *value)
{
  int index = field_index (spec, name);

  g_free (values->pdata[index]);
  values->pdata[index] = value;
}

static gboolean
person_is_protected (Export   *export,
                     gint64    person_id,
                     gboolean *protected,
                     GError  **error)
{
  gboolean has_row = FALSE;

  sqlite3_reset (export->is_protected);
  gawah_stmt_bind_int64 (export->is_protected, 1, person_id);
  if (!gawah_db_step_row (export->db, export->is_protected, &has_row, error))
    return FALSE;
  *protected = has_row && sqlite3_column_int (export->is_protected, 0) != 0;
  return TRUE;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const char * const *x = a;
  const char * const *y = b;

  return (int) strlen (y[0]) - (int) strlen (x[0]);
}

static void
add_names (GArray     *pairs,
           const char *text,
           const char *replacement)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL || *text == '\0')
    return;
  g_array_append_vals (pairs, (const char *[]) { g_strdup (text), g_strdup (replacement) }, 1);
  /* "Khattak" alone names him as surely as "Idris Khattak". */
  words = g_strsplit_set (text, " ,;()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 3 && !g_str_equal (words[i], text))
      g_array_append_vals (pairs, (const char *[]) { g_strdup (words[i]), g_strdup (replacement) }, 1);
}

/* The names of the victims and witnesses near a record (those of an
 * incident, of the incidents a perpetrator took part in, of a link's two
 * incidents), each with its pseudonym, longest first, to be replaced
 * wherever the record's own text mentions them. */
static GPtrArray *
collect_protected_names (Export  *export,
                         SpecId   id,
                         gint64   row_id,
                         GError **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, 2 * sizeof (char *));
  g_autoptr(GPtrArray) replacements = g_ptr_array_new_with_free_func (g_free);
  GawahStmt *stmt = export->protected_near[id];
  gboolean has_row = FALSE;

  sqlite3_reset (stmt);
  gawah_stmt_bind_int64 (stmt, 1, row_id);
  for (;;)
    {
      g_autofree char *alias = NULL;

      if (!gawah_db_step_row (export->db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      alias = pseudonym (export, "P", (const char *) sqlite3_column_text (stmt, 0));
      for (int column = 1; column <= 3; column++)
        add_names (pairs, (const char *) sqlite3_column_text (stmt, column), alias);
    }
  sqlite3_reset (stmt);
  g_array_sort (pairs, compare_longest_first);
  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = &g_array_index (pairs, char *, 2 * i);

      g_ptr_array_add (replacements, pair[0]);
      g_ptr_array_add (replacements, pair[1]);
    }
  return g_steal_pointer (&replacements);
}

static void
replace_names (GPtrArray        *replacements,
               const RecordSpec *spec,
               GPtrArray        *values)
{
  for (guint i = 0; replacements != NULL && i < spec->n_fields; i++)
    {
      const Field *field = &spec->fields[i];
      g_autoptr(GString) text = NULL;

      if (field->place != PLACE_ELEMENT || field->vocabulary != NULL || values->pdata[1 + i] == NULL)
        continue;
      text = g_string_new (values->pdata[1 + i]);
      for (guint r = 0; r + 1 < replacements->len; r += 2)
        g_string_replace (text, replacements->pdata[r], replacements->pdata[r + 1], 0);
      g_free (values->pdata[1 + i]);
      values->pdata[1 + i] = g_string_free (g_steal_pointer (&text), FALSE);
    }
}

static gboolean
redact (Export     *export,
        SpecId      id,
        GPtrArray  *values,
        gint64      row_id,
        GError    **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];
  const char *uuid = values->pdata[0];
  gboolean protected = FALSE;

  if (id == SPEC_INCIDENT)
    set_value (values, spec, "place", NULL);
  else if (id == SPEC_SOURCE)
    set_value (values, spec, "description", pseudonym (export, "S", uuid));
  else if (id == SPEC_PERSON)
    {
      set_value (values, spec, "ethnicity", NULL);
      set_value (values, spec, "religion", NULL);
      set_value (values, spec, "contact", NULL);
      if (!person_is_protected (export, row_id, &protected, error))
        return FALSE;
      if (protected)
        {
          set_value (values, spec, "name-latin", pseudonym (export, "P", uuid));
          set_value (values, spec, "name-urdu", NULL);
          set_value (values, spec, "other-names", NULL);
          set_value (values, spec, "organisation", NULL);
          set_value (values, spec, "notes", NULL);
        }
    }
  /* A perpetrator's notes and a link's note may name the victims of other
   * incidents than the one being written: their own neighbours count. */
  if ((id == SPEC_PERSON && !protected) || id == SPEC_LINK)
    {
      g_autoptr(GPtrArray) near = collect_protected_names (export, id, row_id, error);

      if (near == NULL)
        return FALSE;
      replace_names (near, spec, values);
    }
  else
    replace_names (export->replacements, spec, values);
  return TRUE;
}

static gboolean
write_redaction_rules (Export  *export,
                       GError **error)
{
  WRITE (export, xmlTextWriterStartElement (export->writer, X ("redaction")));
  for (guint i = 0; i < G_N_ELEMENTS (redaction_rules); i++)
    {
      WRITE (export, xmlTextWriterStartElement (export->writer, X ("rule")));
      WRITE (export, xmlTextWriterWriteAttribute (export->writer, X ("field"), X (redaction_rules[i].field)));
      WRITE (export, xmlTextWriterWriteAttribute (export->writer, X ("action"), X (redaction_rules[i].action)));
      WRITE (export, xmlTextWriterWriteAttribute (export->writer, X ("scope"), X (redaction_rules[i].scope)));
      WRITE (export, xmlTextWriterEndElement (export->writer));
    }
  WRITE (export, xmlTextWriterEndElement (export->writer));
  return TRUE;
}

/* ---- Fields ---- */

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

static gboolean
write_date (Export      *export,
            const Field *field,
            const char  *value,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "unknown", " ", 2);

  if (!field->required && g_str_equal (parts[0], "unknown"))
    return TRUE;
  WRITE (export, xmlTextWriterStartElement (export->writer, X (field->name)));
  if (parts[1] != NULL)
    WRITE (export, xmlTextWriterWriteAttribute (export->writer, X ("date"), X (parts[1])));
  WRITE (export, xmlTextWriterWriteAttribute (export->writer, X ("precision"), X (parts[0])));
  WRITE (export, xmlTextWriterEndElement (export->writer));
  return TRUE;
}

static gboolean
write_list (Export      *export,
            const Field *field,
            const char  *value,
            GError     **error)
{
  g_auto(GStrv) items = NULL;

  if (!is_set (value))
    return TRUE;
  items = g_strsplit (value, "\n", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (field->parts[0].attribute == NULL)
        {
          WRITE (export, xmlTextWriterWriteElement (export->writer, X (field->name), X (items[i])));
          continue;
        }
      parts = g_strsplit (items[i], " ", (int) field->n_parts);
      WRITE (export, xmlTextWriterStartElement (export->writer, X (field->name)));
      for (guint p = 0; p < field->n_parts && parts[p] != NULL; p++)
        WRITE (export, xmlTextWriterWriteAttribute (export->writer, X (field->parts[p].attribute), X (parts[p])));
      WRITE (export, xmlTextWriterEndElement (export->writer));
    }
  return TRUE;
}

/* Base64 is cut into pieces that stay under libxml2's text node limit. */
static gboolean
write_content (Export      *export,
               const Field *field,
               const char  *value,
               GError     **error)
{
  gsize length = value != NULL ? strlen (value) : 0;
  gsize offset = 0;

  do
    {
      gsize piece = MIN (length - offset, CONTENT_CHUNK);

      WRITE (export, xmlTextWriterStartElement (export->writer, X (field->name)));
      WRITE (export, xmlTextWriterWriteRawLen (export->writer, X (value != NULL ? value + offset : ""), (int) piece));
      WRITE (export, xmlTextWriterEndElement (export->writer));
      offset += piece;
    }
  while (offset < length);
  return TRUE;
}

static gboolean
write_location (Export           *export,
                const RecordSpec *spec,
                guint             first,
                GPtrArray        *values,
                GError          **error)
{
  gboolean any = FALSE;
  guint last = first;

  while (last < spec->n_fields && spec->fields[last].place == PLACE_LOCATION)
    any |= is_set (values->pdata[1 + last++]);
  if (!any)
    return TRUE;
  WRITE (export, xmlTextWriterStartElement (export->writer, X ("location")));
  for (guint i = first; i < last; i++)
    if (is_set (values->pdata[1 + i]))
      WRITE (export, xmlTextWriterWriteAttribute (export->writer, X (spec->fields[i].name), X (values->pdata[1 + i])));
  WRITE (export, xmlTextWriterEndElement (export->writer));
  return TRUE;
}

static gboolean
write_child_field (Export           *export,
                   const RecordSpec *spec,
                   guint             i,
                   GPtrArray        *values,
                   GError          **error)
{
  const Field *field = &spec->fields[i];
  const char *value = values->pdata[1 + i];

  switch (field->place)
    {
    case PLACE_ATTRIBUTE:
      return TRUE;
    case PLACE_ELEMENT:
      if (is_set (value))
        WRITE (export, xmlTextWriterWriteElement (export->writer, X (field->name), X (value)));
      return TRUE;
    case PLACE_DATE:
      return write_date (export, field, value, error);
    case PLACE_FLAG:
      if (is_set (value) && !g_str_equal (value, "0"))
        {
          WRITE (export, xmlTextWriterStartElement (export->writer, X (field->name)));
          WRITE (export, xmlTextWriterEndElement (export->writer));
        }
      return TRUE;
    case PLACE_LOCATION:
      if (i > 0 && spec->fields[i - 1].place == PLACE_LOCATION)
        return TRUE;
      return write_location (export, spec, i, values, error);
    case PLACE_LIST:
      return write_list (export, field, value, error);
    case PLACE_CONTENT:
      return write_content (export, field, value, error);
    default:
      g_assert_not_reached ();
    }
}

/* The record's element and fields, left open for its children. */
static gboolean
start_record (Export     *export,
              SpecId      id,
              GPtrArray  *values,
              GError    **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];

  WRITE (export, xmlTextWriterStartElement (export->writer, X (spec->element)));
  WRITE (export, xmlTextWriterWriteAttribute (export->writer, X ("id"), X (values->pdata[0])));
  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].place == PLACE_ATTRIBUTE && is_set (values->pdata[1 + i]))
      WRITE (export, xmlTextWriterWriteAttribute (export->writer, X (spec->fields[i].name), X (values->pdata[1 + i])));
  for (guint i = 0; i < spec->n_fields; i++)
    if (!write_child_field (export, spec, i, values, error))
      return FALSE;
  return TRUE;
}

static gboolean
end_record (Export  *export,
            GError **error)
{
  WRITE (export, xmlTextWriterEndElement (export->writer));
  return TRUE;
}

/* ---- Records ---- */

static GawahStmt *
prepare_spec (Export           *export,
              const RecordSpec *spec,
              const char       *where,
              GError          **error)
{
  g_autofree char *sql = gawah_exchange_select_sql (spec, where);

  return gawah_db_prepare (export->db, sql, error);
}

/* Each row of @stmt written as a complete record. */
static gboolean
write_rows (Export     *export,
            SpecId      id,
            GawahStmt  *stmt,
            GError    **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];
  gboolean has_row = FALSE;

  while (gawah_db_step_row (export->db, stmt, &has_row, error) && has_row)
    {
      g_autoptr(GPtrArray) values = gawah_exchange_read_values (spec, stmt);
      gint64 row_id = sqlite3_column_int64 (stmt, (int) spec->n_fields + 1);

      if ((export->flags & GAWAH_EXPORT_REDACTED) && !redact (export, id, values, row_id, error))
        return FALSE;
      if (!start_record (export, id, values, error) || !end_record (export, error))
        return FALSE;
    }
  sqlite3_reset (stmt);
  return *error == NULL;
}

static gboolean
write_record_by_id (Export     *export,
                    SpecId      id,
                    gint64      row_id,
                    GError    **error)
{
  sqlite3_reset (export->by_id[id]);
  gawah_stmt_bind_int64 (export->by_id[id], 1, row_id);
  return write_rows (export, id, export->by_id[id], error);
}

static gboolean
write_person_once (Export  *export,
                   gint64   person_id,
                   GError **error)
{
  if (g_hash_table_contains (export->written_people, &person_id))
    return TRUE;
  g_hash_table_add (export->written_people, g_memdup2 (&person_id, sizeof person_id));
  return write_record_by_id (export, SPEC_PERSON, person_id, error);
}

static gboolean
write_people_of_incident (Export  *export,
                          gint64   incident_id,
                          GError **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;

  sqlite3_reset (export->people_of_incident);
  gawah_stmt_bind_int64 (export->people_of_incident, 1, incident_id);
  while (gawah_db_step_row (export->db, export->people_of_incident, &has_row, error) && has_row)
    {
      gint64 person_id = sqlite3_column_int64 (export->people_of_incident, 0);
      g_array_append_val (people, person_id);
    }
  sqlite3_reset (export->people_of_incident);
  if (*error != NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (!write_person_once (export, g_array_index (people, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_incident (Export  *export,
                gint64   incident_id,
                GError **error)
{
  GawahStmt *stmt = export->by_id[SPEC_INCIDENT];
  const RecordSpec *spec = &gawah_exchange_specs[SPEC_INCIDENT];
  g_autoptr(GPtrArray) values = NULL;
  gboolean has_row = FALSE;

  if (export->flags & GAWAH_EXPORT_REDACTED)
    {
      g_clear_pointer (&export->replacements, g_ptr_array_unref);
      export->replacements = collect_protected_names (export, SPEC_INCIDENT, incident_id, error);
      if (export->replacements == NULL)
        return FALSE;
    }
  if (!write_people_of_incident (export, incident_id, error))
    return FALSE;

  sqlite3_reset (stmt);
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  if (!gawah_db_step_row (export->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;   /* deleted since the query */
  values = gawah_exchange_read_values (spec, stmt);
  sqlite3_reset (stmt);
  if (export->exported_incidents != NULL)
    g_hash_table_add (export->exported_incidents, g_strdup (values->pdata[0]));
  if ((export->flags & GAWAH_EXPORT_REDACTED) && !redact (export, SPEC_INCIDENT, values, incident_id, error))
    return FALSE;
  if (!start_record (export, SPEC_INCIDENT, values, error))
    return FALSE;

  for (SpecId child = FIRST_CHILD_SPEC; child <= LAST_CHILD_SPEC; child++)
    {
      if (child == SPEC_EVIDENCE && (export->flags & GAWAH_EXPORT_REDACTED))
        continue;
      gawah_stmt_bind_int64 (export->children[child], 1, incident_id);
      if (!write_rows (export, child, export->children[child], error))
        return FALSE;
    }
  return end_record (export, error);
}

static gboolean
write_remaining_people (Export  *export,
                        GError **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (export->db, "SELECT id FROM person ORDER BY id", error);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (gawah_db_step_row (export->db, stmt, &has_row, error) && has_row)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (export->written_people, &person_id))
        g_array_append_val (people, person_id);
    }
  if (*error != NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (!write_person_once (export, g_array_index (people, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* A link goes out when both its incidents did. */
static gboolean
write_links (Export  *export,
             GError **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[SPEC_LINK];
  g_autoptr(GawahStmt) stmt = prepare_spec (export, spec, "1 ORDER BY t.id", error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (gawah_db_step_row (export->db, stmt, &has_row, error) && has_row)
    {
      g_autoptr(GPtrArray) values = gawah_exchange_read_values (spec, stmt);
      gint64 row_id = sqlite3_column_int64 (stmt, (int) spec->n_fields + 1);

      if (export->exported_incidents != NULL &&
          (!g_hash_table_contains (export->exported_incidents, values->pdata[1]) ||
           !g_hash_table_contains (export->exported_incidents, values->pdata[2])))
        continue;
      if ((export->flags & GAWAH_EXPORT_REDACTED) && !redact (export, SPEC_LINK, values, row_id, error))
        return FALSE;
      if (!start_record (export, SPEC_LINK, values, error) || !end_record (export, error))
        return FALSE;
    }
  return *error == NULL;
}

/* The victims and witnesses of a set of incidents, given by a query on ?1. */
#define PROTECTED_OF(incidents) \
  "SELECT uuid, name_latin, name_urdu, other_names FROM person WHERE id IN" \
  " (SELECT victim_id FROM act WHERE incident_id IN (" incidents ")" \
  "  UNION SELECT person_id FROM source WHERE incident_id IN (" incidents "))"

static gboolean
prepare_protected_near (Export  *export,
                        GError **error)
{
  static const struct { SpecId id; const char *sql; } near[] = {
    { SPEC_INCIDENT, PROTECTED_OF ("?1") },
    { SPEC_PERSON, PROTECTED_OF ("SELECT a.incident_id FROM involvement v JOIN act a ON a.id = v.act_id"
                                 " WHERE v.perpetrator_id = ?1") },
    { SPEC_LINK, PROTECTED_OF ("SELECT from_incident_id FROM incident_link WHERE id = ?1"
                               " UNION SELECT to_incident_id FROM incident_link WHERE id = ?1") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    {
      export->protected_near[near[i].id] = gawah_db_prepare (export->db, near[i].sql, error);
      if (export->protected_near[near[i].id] == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_statements (Export  *export,
                    GError **error)
{
  export->by_id[SPEC_PERSON] = prepare_spec (export, &gawah_exchange_specs[SPEC_PERSON], "t.id = ?1", error);
  if (export->by_id[SPEC_PERSON] == NULL)
    return FALSE;
  export->by_id[SPEC_INCIDENT] = prepare_spec (export, &gawah_exchange_specs[SPEC_INCIDENT], "t.id = ?1", error);
  if (export->by_id[SPEC_INCIDENT] == NULL)
    return FALSE;
  for (SpecId child = FIRST_CHILD_SPEC; child <= LAST_CHILD_SPEC; child++)
    {
      export->children[child] = prepare_spec (export, &gawah_exchange_specs[child],
                                              "t.incident_id = ?1 ORDER BY t.id", error);
      if (export->children[child] == NULL)
        return FALSE;
    }
  export->people_of_incident = gawah_db_prepare (export->db,
    "SELECT person_id FROM ("
    " SELECT a.id AS act, 0 AS n, a.victim_id AS person_id FROM act a WHERE a.incident_id = ?1"
    " UNION ALL SELECT v.act_id, v.id, v.perpetrator_id FROM involvement v JOIN act a ON a.id = v.act_id"
    "  WHERE a.incident_id = ?1"
    " UNION ALL SELECT 9223372036854775807, s.id, s.person_id FROM source s"
    "  WHERE s.incident_id = ?1 AND s.person_id IS NOT NULL)"
    " ORDER BY act, n", error);
  if (export->people_of_incident == NULL)
    return FALSE;
  export->is_protected = gawah_db_prepare (export->db,
    "SELECT EXISTS (SELECT 1 FROM act WHERE victim_id = ?1) OR EXISTS (SELECT 1 FROM source WHERE person_id = ?1)",
    error);
  if (export->is_protected == NULL)
    return FALSE;
  return prepare_protected_near (export, error);
}

static GBytes *
read_secret (GawahDb  *db,
             GError  **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, "SELECT key FROM exchange_secret WHERE id = 1", error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !gawah_db_step_row (db, stmt, &has_row, error))
    return NULL;
  if (!has_row || sqlite3_column_bytes (stmt, 0) < 16)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_A_CASEBOOK,
                   _("This casebook has no key for pseudonyms; open it with this version of Gawah once"));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* All incidents, or the filter's, in the order of their ids. */
static GArray *
incidents_to_export (Export                     *export,
                     const GawahIncidentFilter  *filter,
                     GError                    **error)
{
  GArray *ids = NULL;
  g_autoptr(GawahStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (filter != NULL && !gawah_incident_filter_is_empty (filter))
    {
      ids = gawah_casebook_query_incidents (export->casebook, filter, error);
      if (ids != NULL)
        g_array_sort (ids, compare_ids);
      return ids;
    }
  stmt = gawah_db_prepare (export->db, "SELECT id FROM incident ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (gawah_db_step_row (export->db, stmt, &has_row, error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (*error != NULL)
    g_clear_pointer (&ids, g_array_unref);
  return ids;
}

static gboolean
write_document (Export                     *export,
                GArray                     *incident_ids,
                gboolean                    everyone,
                GawahProgressFunc           progress,
                gpointer                    progress_data,
                GError                    **error)
{
  xmlTextWriter *writer = export->writer;

  WRITE (export, xmlTextWriterSetIndent (writer, 1));
  WRITE (export, xmlTextWriterSetIndentString (writer, X ("  ")));
  WRITE (export, xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  WRITE (export, xmlTextWriterStartElementNS (writer, NULL, X ("casebook"), X (GAWAH_EXCHANGE_NS)));
  WRITE (export, xmlTextWriterWriteAttribute (writer, X ("version"), X ("1")));
  if ((export->flags & GAWAH_EXPORT_REDACTED) && !write_redaction_rules (export, error))
    return FALSE;

  for (guint i = 0; i < incident_ids->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
          !write_incident (export, g_array_index (incident_ids, gint64, i), error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, incident_ids->len, progress_data);
    }
  g_clear_pointer (&export->replacements, g_ptr_array_unref);
  if (everyone && !write_remaining_people (export, error))
    return FALSE;
  if (!write_links (export, error))
    return FALSE;
  WRITE (export, xmlTextWriterEndDocument (writer));
  WRITE (export, xmlTextWriterFlush (writer));
  return export->write_error == NULL || writer_failed (export, error);
}

/* @error is never NULL here: the steps test it to know whether a query failed. */
static gboolean
export_xml (GawahCasebook              *self,
                           const GawahIncidentFilter  *filter,
                           GawahExportFlags            flags,
                           GOutputStream              *output,
                           GCancellable               *cancellable,
                           GawahProgressFunc           progress,
                           gpointer                    progress_data,
                           GError                    **error)
{
  Export export = { self, gawah_casebook_get_db (self), output, cancellable, NULL, flags, NULL };
  gboolean everyone = filter == NULL || gawah_incident_filter_is_empty (filter);
  g_autoptr(GArray) incident_ids = NULL;
  xmlOutputBuffer *buffer;
  gboolean ok;

  export.written_people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!everyone)
    export.exported_incidents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if ((flags & GAWAH_EXPORT_REDACTED) && (export.secret = read_secret (export.db, error)) == NULL)
    {
      export_clear (&export);
      return FALSE;
    }

  incident_ids = incidents_to_export (&export, filter, error);
  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, &export, NULL);
  export.writer = xmlNewTextWriter (buffer);
  ok = incident_ids != NULL && prepare_statements (&export, error) &&
       write_document (&export, incident_ids, everyone, progress, progress_data, error);
  export_clear (&export);
  return ok;
}

gboolean
gawah_casebook_export_xml (GawahCasebook              *self,
                           const GawahIncidentFilter  *filter,
                           GawahExportFlags            flags,
                           GOutputStream              *output,
                           GCancellable               *cancellable,
                           GawahProgressFunc           progress,
                           gpointer                    progress_data,
                           GError                    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (export_xml (self, filter, flags, output, cancellable, progress, progress_data, &local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
gawah_casebook_export_xml_file (GawahCasebook              *self,
                                const GawahIncidentFilter  *filter,
                                GawahExportFlags            flags,
                                const char                 *path,
                                GCancellable               *cancellable,
                                GawahProgressFunc           progress,
                                gpointer                    progress_data,
                                GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GOutputStream) buffered = NULL;

  /* Replaced only when the whole document is written. */
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (output == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (output), 256 * 1024);
  if (!gawah_casebook_export_xml (self, filter, flags, buffered, cancellable, progress, progress_data, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (buffered, abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (buffered, cancellable, error);
}
