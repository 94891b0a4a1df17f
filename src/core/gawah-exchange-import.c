/* gawah-exchange-import.c: reading Gawah XML, and merging it by UUID
 *
 * The document streams through a validating xmlTextReader: each top-level
 * record (a person, an incident with everything in it, a link) is expanded,
 * read to its end so that the schema has seen all of it, stored, and freed
 * when the reader moves on. Everything goes into one transaction, so an
 * error anywhere (malformed, hostile, invalid, an unknown code, a
 * reference to nothing) leaves the casebook as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-casebook-import.h"
#include "gawah-catalogue.h"
#include "gawah-error.h"
#include "gawah-exchange-private.h"
#include "gawah-schema.h"
#include "gawah-xml.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlNode, xmlFreeNode)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)

/* Enough of the start of a document to find its DOCTYPE, if any. */
#define PROLOGUE_SIZE (64 * 1024)

typedef struct {
  GawahCasebook        *casebook;
  GawahDb              *db;
  const char           *name;
  GInputStream         *input;
  GCancellable         *cancellable;
  GError               *read_error;
  GByteArray           *prologue;
  guint64               bytes_read;
  char                 *first_error;        /* libxml2's, with its line */
  long                  first_error_line;
  GawahExchangeReport  *report;
  GawahImportCounts     counts;             /* records added, by kind */
  GawahStmt            *lookup[N_SPECS];    /* by uuid */
  GawahStmt            *insert[N_SPECS];
  GHashTable           *statements;         /* SQL → GawahStmt, for lists and references */
  gint64                max_id_before[N_SPECS];
  GHashTable           *matched;            /* uuids of records that were already here */
  GawahSearchDeferral  *search;             /* documents written per incident, not per row */
} Import;

static void
import_clear (Import *import)
{
  for (guint i = 0; i < N_SPECS; i++)
    {
      g_clear_pointer (&import->lookup[i], gawah_stmt_release);
      g_clear_pointer (&import->insert[i], gawah_stmt_release);
    }
  g_clear_pointer (&import->statements, g_hash_table_unref);
  g_clear_pointer (&import->matched, g_hash_table_unref);
  g_clear_pointer (&import->search, gawah_search_deferral_free);
  g_clear_pointer (&import->prologue, g_byte_array_unref);
  g_clear_pointer (&import->first_error, g_free);
  g_clear_error (&import->read_error);
}

/* ---- Errors ---- */

static gboolean
fail_at_line (Import  *import,
              long     line,
              GError **error)
{
  /* Translators: %1$s is a file name and %2$ld a line number; the reason follows. */
  g_prefix_error (error, _("%1$s, line %2$ld: "), import->name, line);
  return FALSE;
}

static gboolean
fail_at (Import   *import,
         xmlNode  *node,
         GError  **error)
{
  return fail_at_line (import, xmlGetLineNo (node), error);
}

static void
reader_error_cb (void     *user_data,
                 xmlError *xml_error)
{
  Import *import = user_data;

  if (import->first_error != NULL || xml_error->level < XML_ERR_ERROR)
    return;
  import->first_error = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : ""));
  import->first_error_line = xml_error->line;
  if (import->first_error_line <= 0 && xml_error->node != NULL)
    import->first_error_line = xmlGetLineNo (xml_error->node);
}

/* libxml2 calls a file that is not XML at all "empty": say what it is. */
static gboolean
looks_like_xml (GByteArray *prologue)
{
  const char *p = (const char *) prologue->data;
  const char *end = p + prologue->len;

  if (prologue->len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end && *p == '<';
}

static gboolean
reader_failed (Import         *import,
               xmlTextReader  *reader,
               GError        **error)
{
  long line = import->first_error_line > 0 ? import->first_error_line : xmlTextReaderGetParserLineNumber (reader);

  if (import->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&import->read_error));
      return FALSE;
    }
  if (import->bytes_read == 0)
    g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, _("the file is empty"));
  else if (!looks_like_xml (import->prologue))
    g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, _("this is not an XML document"));
  else if (import->first_error != NULL)
    g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, import->first_error);
  else
    g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, _("not a well-formed XML document"));
  return fail_at_line (import, MAX (line, 1), error);
}

/* ---- Statements ---- */

static GawahStmt *
statement (Import      *import,
           const char  *sql,
           GError     **error)
{
  GawahStmt *stmt = g_hash_table_lookup (import->statements, sql);

  if (stmt == NULL)
    {
      stmt = gawah_db_prepare (import->db, sql, error);
      if (stmt != NULL)
        g_hash_table_insert (import->statements, (gpointer) g_intern_string (sql), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

static char *
insert_sql (const RecordSpec *spec)
{
  g_autoptr(GString) columns = g_string_new ("uuid");
  g_autoptr(GString) values = g_string_new ("?1");
  int n = 1;

  if (spec->in_incident)
    {
      g_string_append (columns, ", incident_id");
      g_string_append_printf (values, ", ?%d", ++n);
    }
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const Field *field = &spec->fields[i];

      if (field->place == PLACE_LIST)
        continue;
      g_string_append_printf (columns, ", %s", field->column);
      if (field->ref_table != NULL)
        g_string_append_printf (values, ", (SELECT id FROM %s WHERE uuid = ?%d)", field->ref_table, ++n);
      else if (field->timestamp)   /* an older document has none: now, as for a new record */
        g_string_append_printf (values, ", ifnull(?%d, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'))", ++n);
      else
        g_string_append_printf (values, ", ?%d", ++n);
      if (field->place == PLACE_DATE)
        {
          g_string_append_printf (columns, ", %s", field->precision);
          g_string_append_printf (values, ", ?%d", ++n);
        }
    }
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", spec->table, columns->str, values->str);
}

static gboolean
prepare_statements (Import  *import,
                    GError **error)
{
  for (SpecId id = 0; id < N_SPECS; id++)
    {
      const RecordSpec *spec = &gawah_exchange_specs[id];
      g_autofree char *lookup = gawah_exchange_select_sql (spec, "t.uuid = ?1");
      g_autofree char *insert = insert_sql (spec);
      g_autofree char *max_id = g_strdup_printf ("SELECT ifnull(max(id), 0) FROM %s", spec->table);

      import->lookup[id] = gawah_db_prepare (import->db, lookup, error);
      if (import->lookup[id] == NULL)
        return FALSE;
      import->insert[id] = gawah_db_prepare (import->db, insert, error);
      if (import->insert[id] == NULL ||
          !gawah_db_query_int (import->db, max_id, &import->max_id_before[id], error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Reading a record's fields from its element ---- */

static xmlNode *
child_element (xmlNode    *parent,
               const char *name)
{
  gawah_xml_foreach_element (child, parent)
    if (gawah_xml_is (child, GAWAH_EXCHANGE_NS, name))
      return child;
  return NULL;
}

static char *
nonempty (char *value)
{
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static char *
read_date (const Field  *field,
           xmlNode      *node,
           GError      **error)
{
  xmlNode *element = child_element (node, field->name);
  g_autofree char *iso = NULL;
  g_autofree char *precision = NULL;
  g_autofree char *normal = NULL;
  GawahPartialDate date;

  if (element == NULL)
    return g_strdup ("unknown");
  iso = gawah_xml_get_attr (element, "date");
  precision = gawah_xml_get_attr (element, "precision");
  if (!gawah_partial_date_parse (iso, precision, _(field->label), &date, error))
    return NULL;
  normal = gawah_partial_date_to_iso (&date);
  if (normal == NULL)
    return g_strdup (gawah_precision_to_code (date.precision));
  return g_strdup_printf ("%s %s", gawah_precision_to_code (date.precision), normal);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
read_list (const Field *field,
           xmlNode     *node)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  gawah_xml_foreach_element (child, node)
    {
      g_autoptr(GStrvBuilder) parts = NULL;
      g_auto(GStrv) strv = NULL;

      if (!gawah_xml_is (child, GAWAH_EXCHANGE_NS, field->name))
        continue;
      if (field->parts[0].attribute == NULL)
        {
          g_ptr_array_add (items, gawah_xml_get_content (child));
          continue;
        }
      parts = g_strv_builder_new ();
      for (guint p = 0; p < field->n_parts; p++)
        {
          g_autofree char *part = gawah_xml_get_attr (child, field->parts[p].attribute);
          g_strv_builder_add (parts, part != NULL ? part : "");
        }
      strv = g_strv_builder_end (parts);
      g_ptr_array_add (items, g_strjoinv (" ", strv));
    }
  if (items->len == 0)
    return NULL;
  if (field->sorted)
    g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv ("\n", (char **) items->pdata);
}

/* Base64 as the casebook would give it back, whatever spacing it came with. */
static char *
read_content (const Field *field,
              xmlNode     *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree guchar *data = NULL;
  gsize size = 0;

  gawah_xml_foreach_element (child, node)
    if (gawah_xml_is (child, GAWAH_EXCHANGE_NS, field->name))
      {
        g_autofree char *piece = gawah_xml_get_content (child);
        g_string_append (text, piece);
      }
  data = g_base64_decode (text->str, &size);
  return g_base64_encode (data, size);
}

static char *
read_field (const Field  *field,
            xmlNode      *node,
            GError      **error)
{
  xmlNode *location;

  switch (field->place)
    {
    case PLACE_ATTRIBUTE:
      return nonempty (gawah_xml_get_attr (node, field->name));
    case PLACE_ELEMENT:
      location = child_element (node, field->name);
      return location != NULL ? nonempty (gawah_xml_get_content (location)) : NULL;
    case PLACE_LOCATION:
      location = child_element (node, "location");
      return location != NULL ? nonempty (gawah_xml_get_attr (location, field->name)) : NULL;
    case PLACE_DATE:
      return read_date (field, node, error);
    case PLACE_FLAG:
      return g_strdup (child_element (node, field->name) != NULL ? "1" : "0");
    case PLACE_LIST:
      return read_list (field, node);
    case PLACE_CONTENT:
      return read_content (field, node);
    default:
      g_assert_not_reached ();
    }
}

/* ---- Checks: what the schema cannot say ---- */

static gboolean
resolve (Import      *import,
         const char  *table,
         const char  *uuid,
         const char  *label,
         gint64      *id,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table);
  GawahStmt *stmt = statement (import, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, uuid);
  if (!gawah_db_step_row (import->db, stmt, &has_row, error))
    return FALSE;
  *id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (*id == 0)
    g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                 /* Translators: %1$s is a field name, %2$s an id from the document. */
                 _("%1$s: “%2$s” is not a record of this document"), _(label), uuid);
  return *id != 0;
}

static gboolean
check_value (Import      *import,
             const char  *vocabulary,
             const char  *ref_table,
             const char  *label,
             const char  *value,
             GError     **error)
{
  gint64 id = 0;

  if (value == NULL)
    return TRUE;
  if (vocabulary != NULL && !gawah_check_code (import->casebook, vocabulary, value, _(label), error))
    return FALSE;
  return ref_table == NULL || resolve (import, ref_table, value, label, &id, error);
}

static gboolean
check_list (Import      *import,
            const Field *field,
            const char  *value,
            GError     **error)
{
  g_auto(GStrv) items = value != NULL ? g_strsplit (value, "\n", -1) : NULL;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], " ", (int) field->n_parts);

      for (guint p = 0; p < field->n_parts && parts[p] != NULL; p++)
        if (!check_value (import, field->parts[p].vocabulary, field->parts[p].ref_table,
                          field->parts[p].label, parts[p], error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
check_evidence (const RecordSpec *spec,
                GPtrArray        *values,
                GError          **error)
{
  const char *size = values->pdata[4];
  const char *sha256 = values->pdata[5];
  g_autofree guchar *data = NULL;
  g_autofree char *digest = NULL;
  gsize length = 0;

  data = g_base64_decode (values->pdata[6], &length);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  if (g_ascii_strtoull (size, NULL, 10) != length || g_strcmp0 (digest, sha256) != 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("Evidence “%s”: its content does not match its size and SHA-256"), (const char *) values->pdata[2]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_values (Import     *import,
              SpecId      id,
              GPtrArray  *values,
              GError    **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];

  if (!gawah_ensure_uuid ((char **) &values->pdata[0], error))
    return FALSE;
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const Field *field = &spec->fields[i];
      const char *value = values->pdata[1 + i];

      if (field->place == PLACE_LIST ? !check_list (import, field, value, error)
                                     : !check_value (import, field->vocabulary, field->ref_table, field->label, value, error))
        return FALSE;
    }
  if (id == SPEC_EVIDENCE)
    return check_evidence (spec, values, error);
  if (id == SPEC_MAPPING && gawah_catalogue_find_provision (import->casebook->catalogue, values->pdata[1]) == NULL)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                   _("Provision: “%s” is not in the legal catalogue (see “gawah-cli provisions”)"),
                   (const char *) values->pdata[1]);
      return FALSE;
    }
  return TRUE;
}

/* ---- Merging ---- */

static void
add_conflict (Import           *import,
              const RecordSpec *spec,
              GPtrArray        *ours,
              GPtrArray        *theirs,
              guint             field,
              xmlNode          *node)
{
  GawahExchangeConflict *conflict = g_new0 (GawahExchangeConflict, 1);
  const char *title = theirs->pdata[1 + spec->title_field];

  if (title == NULL)
    title = ours->pdata[1 + spec->title_field];
  conflict->kind = g_strdup (spec->kind);
  conflict->uuid = g_strdup (theirs->pdata[0]);
  conflict->title = g_strdup (title != NULL ? title : theirs->pdata[0]);
  conflict->field = g_strdup (spec->fields[field].name);
  conflict->ours = g_strdup (ours->pdata[1 + field] != NULL ? ours->pdata[1 + field] : "");
  conflict->theirs = g_strdup (theirs->pdata[1 + field] != NULL ? theirs->pdata[1 + field] : "");
  conflict->line = (guint) MAX (xmlGetLineNo (node), 0);
  g_ptr_array_add (import->report->conflicts, conflict);
}

/* A link from an older document has no id: it is the casebook's link
 * between the same incidents, of the same type, if there is one. */
static gboolean
find_link_uuid (Import     *import,
                GPtrArray  *values,
                GError    **error)
{
  GawahStmt *stmt;
  gboolean has_row = FALSE;

  if (values->pdata[0] != NULL)
    return TRUE;
  stmt = statement (import,
                    "SELECT l.uuid FROM incident_link l"
                    " JOIN incident f ON f.id = l.from_incident_id JOIN incident t ON t.id = l.to_incident_id"
                    " WHERE f.uuid = ?1 AND t.uuid = ?2 AND l.link_type = ?3", error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, values->pdata[1]);
  gawah_stmt_bind_text (stmt, 2, values->pdata[2]);
  gawah_stmt_bind_text (stmt, 3, values->pdata[3]);
  if (!gawah_db_step_row (import->db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    values->pdata[0] = gawah_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

typedef enum {
  RECORD_NEW,
  RECORD_UNCHANGED,
  RECORD_CONFLICT,
} RecordState;

/* Compares the document's record with the casebook's, if there is one. */
static gboolean
match_existing (Import       *import,
                SpecId        id,
                GPtrArray    *values,
                xmlNode      *node,
                gint64       *row_id,
                RecordState  *state,
                GError      **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];
  GawahStmt *stmt = import->lookup[id];
  g_autoptr(GPtrArray) ours = NULL;
  gboolean has_row = FALSE;

  *state = RECORD_NEW;
  sqlite3_reset (stmt);
  gawah_stmt_bind_text (stmt, 1, values->pdata[0]);
  if (!gawah_db_step_row (import->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  ours = gawah_exchange_read_values (spec, stmt);
  *row_id = sqlite3_column_int64 (stmt, (int) spec->n_fields + 1);
  sqlite3_reset (stmt);

  if (*row_id > import->max_id_before[id] ||
      !g_hash_table_add (import->matched, g_strdup (values->pdata[0])))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_EXISTS,
                   _("Id: “%s” is the id of another record earlier in the document"),
                   (const char *) values->pdata[0]);
      return FALSE;
    }

  *state = RECORD_UNCHANGED;
  for (guint i = 0; i < spec->n_fields; i++)
    if (!spec->fields[i].timestamp && g_strcmp0 (ours->pdata[1 + i], values->pdata[1 + i]) != 0)
      {
        *state = RECORD_CONFLICT;
        add_conflict (import, spec, ours, values, i, node);
        break;
      }
  return TRUE;
}

static void
bind_field (GawahStmt   *stmt,
            int         *n,
            const Field *field,
            const char  *value)
{
  if (field->place == PLACE_DATE)
    {
      g_auto(GStrv) parts = g_strsplit (value, " ", 2);

      gawah_stmt_bind_text_or_null (stmt, ++*n, parts[1]);
      gawah_stmt_bind_text (stmt, ++*n, parts[0]);
    }
  else if (field->place == PLACE_CONTENT)
    {
      gsize size = 0;
      guchar *data = g_base64_decode (value, &size);

      sqlite3_bind_blob64 (stmt, ++*n, data, size, g_free);
    }
  else if (field->place == PLACE_FLAG)
    gawah_stmt_bind_int64 (stmt, ++*n, g_strcmp0 (value, "1") == 0);
  else if (value == NULL && !field->nullable && !field->timestamp)
    gawah_stmt_bind_text (stmt, ++*n, "");
  else
    gawah_stmt_bind_text_or_null (stmt, ++*n, value);
}

static gboolean
insert_list (Import      *import,
             const Field *field,
             gint64       row_id,
             const char  *value,
             GError     **error)
{
  g_auto(GStrv) items = value != NULL ? g_strsplit (value, "\n", -1) : NULL;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], " ", (int) field->n_parts);
      GawahStmt *stmt = statement (import, field->list_insert, error);

      if (stmt == NULL)
        return FALSE;
      gawah_stmt_bind_int64 (stmt, 1, row_id);
      for (guint p = 0; p < field->n_parts; p++)
        gawah_stmt_bind_text_or_null (stmt, (int) p + 2, parts[p]);
      if (!gawah_db_step_done (import->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_record (Import     *import,
               SpecId      id,
               GPtrArray  *values,
               gint64      incident_id,
               gint64     *row_id,
               GError    **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];
  GawahStmt *stmt = import->insert[id];
  int n = 1;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  gawah_stmt_bind_text (stmt, 1, values->pdata[0]);
  if (spec->in_incident)
    gawah_stmt_bind_int64 (stmt, ++n, incident_id);
  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].place != PLACE_LIST)
      bind_field (stmt, &n, &spec->fields[i], values->pdata[1 + i]);
  if (!gawah_db_step_done (import->db, stmt, error))
    return FALSE;
  *row_id = gawah_db_last_insert_id (import->db);

  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].place == PLACE_LIST &&
        !insert_list (import, &spec->fields[i], *row_id, values->pdata[1 + i], error))
      return FALSE;
  return TRUE;
}

static void
count_added (Import *import,
             SpecId  id)
{
  import->report->added++;
  switch (id)
    {
    case SPEC_PERSON: import->counts.people++; import->report->people_added++; break;
    case SPEC_INCIDENT: import->counts.incidents++; import->report->incidents_added++; break;
    case SPEC_ACT: import->counts.acts++; break;
    case SPEC_CHRONOLOGY: import->counts.chronology++; break;
    case SPEC_FOLLOW_UP: import->counts.follow_ups++; break;
    case SPEC_SOURCE: import->counts.sources++; break;
    case SPEC_LINK: import->counts.links++; break;
    case SPEC_EVIDENCE:
    case SPEC_MAPPING:
    case N_SPECS:
    default:
      break;
    }
}

/* Reads, checks and merges one record; @row_id is its id in the casebook. */
static gboolean
merge_record (Import     *import,
              SpecId      id,
              xmlNode    *node,
              gint64      incident_id,
              gint64     *row_id,
              GError    **error)
{
  const RecordSpec *spec = &gawah_exchange_specs[id];
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (spec->n_fields + 1, g_free);
  RecordState state;

  g_ptr_array_add (values, nonempty (gawah_xml_get_attr (node, "id")));
  for (guint i = 0; i < spec->n_fields; i++)
    {
      g_autoptr(GError) local_error = NULL;
      char *value = read_field (&spec->fields[i], node, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return fail_at (import, node, error);
        }
      g_ptr_array_add (values, value);
    }

  if ((id == SPEC_LINK && !find_link_uuid (import, values, error)) ||
      !check_values (import, id, values, error) ||
      !match_existing (import, id, values, node, row_id, &state, error))
    return fail_at (import, node, error);

  if (state == RECORD_UNCHANGED)
    import->report->unchanged++;
  if (state != RECORD_NEW)
    return TRUE;
  if (!insert_record (import, id, values, incident_id, row_id, error))
    return fail_at (import, node, error);
  count_added (import, id);
  return TRUE;
}

static SpecId
child_spec (xmlNode *node)
{
  for (SpecId id = FIRST_CHILD_SPEC; id <= LAST_CHILD_SPEC; id++)
    if (gawah_xml_is (node, GAWAH_EXCHANGE_NS, gawah_exchange_specs[id].element))
      return id;
  return N_SPECS;
}

/* Once the incident and everything in it is stored, its search document
 * is written, as the deferred triggers would have left it. */
static gboolean
index_incident (Import  *import,
                gint64   incident_id,
                guint    added_before,
                GError **error)
{
  if (import->report->added == added_before)
    return TRUE;
  return gawah_search_index_incident (import->search, incident_id,
                                      incident_id <= import->max_id_before[SPEC_INCIDENT], error);
}

static gboolean
merge_incident (Import   *import,
                xmlNode  *node,
                GError  **error)
{
  gint64 incident_id = 0;
  guint acts_before;
  guint added_before = import->report->added;
  gboolean has_mappings = FALSE;

  if (!merge_record (import, SPEC_INCIDENT, node, 0, &incident_id, error))
    return FALSE;
  acts_before = import->counts.acts;
  gawah_xml_foreach_element (child, node)
    {
      SpecId id = child_spec (child);
      gint64 child_id = 0;

      if (id == N_SPECS)
        continue;
      has_mappings |= id == SPEC_MAPPING;
      if (!merge_record (import, id, child, incident_id, &child_id, error))
        return FALSE;
    }

  /* A document without the reviewers' decisions (an older one) gets the
   * suggestions that adding the acts would have made. */
  if (!has_mappings && import->counts.acts > acts_before &&
      !gawah_casebook_refresh_suggestions_in_tx (import->casebook, incident_id, error))
    return fail_at (import, node, error);
  if (!index_incident (import, incident_id, added_before, error))
    return fail_at (import, node, error);
  return TRUE;
}

static gboolean
merge_top_level (Import   *import,
                 xmlNode  *node,
                 GError  **error)
{
  gint64 row_id = 0;

  if (gawah_xml_is (node, GAWAH_EXCHANGE_NS, "person"))
    return merge_record (import, SPEC_PERSON, node, 0, &row_id, error);
  if (gawah_xml_is (node, GAWAH_EXCHANGE_NS, "incident"))
    return merge_incident (import, node, error);
  if (gawah_xml_is (node, GAWAH_EXCHANGE_NS, "link"))
    return merge_record (import, SPEC_LINK, node, 0, &row_id, error);
  return TRUE;   /* <redaction>: what the sender left out, nothing to store */
}

/* ---- The reader ---- */

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  Import *import = context;
  gssize n;

  if (import->read_error != NULL)
    return -1;
  n = g_input_stream_read (import->input, buffer, (gsize) len, import->cancellable, &import->read_error);
  if (n < 0)
    return -1;
  if (import->prologue->len < PROLOGUE_SIZE)
    g_byte_array_append (import->prologue, (const guint8 *) buffer, (guint) MIN ((gsize) n, PROLOGUE_SIZE));
  import->bytes_read += (guint64) n;
  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static xmlRelaxNG *
load_schema (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (GAWAH_EXCHANGE_SCHEMA, 0, error);
  g_autoptr(xmlRelaxNGParserCtxt) parser = NULL;
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  return xmlRelaxNGParse (parser);
}

/* No Gawah format has a DTD: a DOCTYPE can only bring entities, which is
 * how external-file and entity-expansion attacks arrive. Its line is found
 * in the text: libxml2 keeps none for it. */
static gboolean
refuse_doctype (Import  *import,
                GError **error)
{
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
               _("documents with a DOCTYPE declaration are not accepted"));
  return fail_at_line (import, gawah_xml_doctype_line ((const char *) import->prologue->data,
                                                       import->prologue->len), error);
}

static gboolean
check_encoding (Import         *import,
                xmlTextReader  *reader,
                GError        **error)
{
  const char *encoding = (const char *) xmlTextReaderConstEncoding (reader);

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    return TRUE;
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
               _("the document says it is in %s: Gawah XML is always UTF-8"), encoding);
  return fail_at_line (import, 1, error);
}

/* Reads through the record the reader is on, so that the schema has
 * checked all of it before it is stored. */
static gboolean
read_to_end_of_record (Import         *import,
                       xmlTextReader  *reader,
                       GError        **error)
{
  int depth = xmlTextReaderDepth (reader);

  if (xmlTextReaderIsEmptyElement (reader))
    return import->first_error == NULL || reader_failed (import, reader, error);
  while (xmlTextReaderRead (reader) == 1 && import->first_error == NULL)
    if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
      return TRUE;
  return reader_failed (import, reader, error);
}

static gboolean
read_records (Import              *import,
              xmlTextReader       *reader,
              guint64              total,
              GawahProgressFunc    progress,
              gpointer             progress_data,
              GError             **error)
{
  int status;

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      g_autoptr(xmlNode) record = NULL;
      xmlNode *node;

      if (import->first_error != NULL)
        return reader_failed (import, reader, error);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        return refuse_doctype (import, error);
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (depth == 0 && !check_encoding (import, reader, error))
        return FALSE;
      if (depth != 1)
        continue;

      /* The reader frees what it has walked past, even in an expanded
       * tree: the record is copied before the schema walks it. */
      node = xmlTextReaderExpand (reader);
      if (node == NULL || import->first_error != NULL)
        return reader_failed (import, reader, error);
      record = xmlCopyNode (node, 1);
      if (!read_to_end_of_record (import, reader, error) ||
          !merge_top_level (import, record, error))
        return FALSE;
      g_clear_pointer (&record, xmlFreeNode);
      if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (import->bytes_read, total, progress_data);
    }
  if (status < 0 || import->first_error != NULL || xmlTextReaderIsValid (reader) != 1)
    return reader_failed (import, reader, error);
  return TRUE;
}

static void
report_take (GawahExchangeReport *into,
             GawahExchangeReport *from)
{
  into->added += from->added;
  into->unchanged += from->unchanged;
  into->incidents_added += from->incidents_added;
  into->people_added += from->people_added;
  g_ptr_array_extend_and_steal (into->conflicts, g_steal_pointer (&from->conflicts));
  from->conflicts = g_ptr_array_new ();
}

static gboolean
import_stream (GawahCasebook        *self,
               GInputStream         *input,
               const char           *name,
               guint64               total,
               GawahExchangeReport  *report,
               GawahImportCounts    *counts,
               GCancellable         *cancellable,
               GawahProgressFunc     progress,
               gpointer              progress_data,
               GError              **error)
{
  g_autoptr(GawahExchangeReport) local_report = gawah_exchange_report_new ();
  g_autoptr(xmlRelaxNG) schema = load_schema (error);
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GawahTransaction) tx = NULL;
  Import import = { self, gawah_casebook_get_db (self), name, input, cancellable };
  gboolean ok;

  g_return_val_if_fail (schema != NULL, FALSE);   /* a shipped schema is tested */

  import.prologue = g_byte_array_new ();
  import.report = local_report;
  import.statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) gawah_stmt_release);
  import.matched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Never entities, DTDs or the network, and never "huge" mode. */
  reader = xmlReaderForIO (read_cb, close_cb, &import, name, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlTextReaderSetStructuredErrorHandler (reader, reader_error_cb, &import);
  xmlTextReaderRelaxNGSetSchema (reader, schema);

  /* A large import touches every index again and again: a bigger page
   * cache for its length spares decrypting the same pages over and over. */
  gawah_db_exec (import.db, "PRAGMA cache_size = -32768", NULL);
  tx = gawah_transaction_begin (import.db, error);
  ok = tx != NULL && (import.search = gawah_search_defer (import.db, error)) != NULL &&
       prepare_statements (&import, error) &&
       read_records (&import, reader, total, progress, progress_data, error) &&
       gawah_search_resume (import.search, error) &&
       gawah_transaction_commit (tx, error);
  g_clear_pointer (&tx, gawah_transaction_free);
  gawah_db_exec (import.db, "PRAGMA cache_size = -2000", NULL);
  if (ok && report != NULL)
    report_take (report, local_report);
  if (ok && counts != NULL)
    *counts = import.counts;
  g_clear_pointer (&reader, xmlFreeTextReader);
  import_clear (&import);
  return ok;
}

gboolean
gawah_casebook_import_xml (GawahCasebook        *self,
                           GInputStream         *input,
                           const char           *name,
                           GawahExchangeReport  *report,
                           GCancellable         *cancellable,
                           GawahProgressFunc     progress,
                           gpointer              progress_data,
                           GError              **error)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);

  return import_stream (self, input, name, 0, report, NULL, cancellable, progress, progress_data, error);
}

gboolean
gawah_casebook_import_xml_file (GawahCasebook        *self,
                                const char           *path,
                                GawahExchangeReport  *report,
                                GCancellable         *cancellable,
                                GawahProgressFunc     progress,
                                gpointer              progress_data,
                                GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autofree char *name = g_path_get_basename (path);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (input == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (input), 256 * 1024);
  return import_stream (self, buffered, name, info != NULL ? (guint64) g_file_info_get_size (info) : 0,
                        report, NULL, cancellable, progress, progress_data, error);
}

/* ---- The casebook document API, as before: no merge report ---- */

gboolean
gawah_casebook_import_document (GawahCasebook      *self,
                                GBytes             *document,
                                const char         *name,
                                GawahImportCounts  *counts,
                                GError            **error)
{
  g_autoptr(GInputStream) input = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  input = g_memory_input_stream_new_from_bytes (document);
  return import_stream (self, input, name, g_bytes_get_size (document), NULL, counts, NULL, NULL, NULL, error);
}

gboolean
gawah_casebook_import_file (GawahCasebook      *self,
                            const char         *path,
                            GawahImportCounts  *counts,
                            GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
  g_autofree char *name = g_path_get_basename (path);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (input == NULL)
    return FALSE;
  return import_stream (self, G_INPUT_STREAM (input), name, 0, NULL, counts, NULL, NULL, NULL, error);
}

/* ---- The report ---- */

static void
conflict_free (GawahExchangeConflict *conflict)
{
  g_free (conflict->kind);
  g_free (conflict->uuid);
  g_free (conflict->title);
  g_free (conflict->field);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

GawahExchangeReport *
gawah_exchange_report_new (void)
{
  GawahExchangeReport *report = g_new0 (GawahExchangeReport, 1);

  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  return report;
}

void
gawah_exchange_report_free (GawahExchangeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}
