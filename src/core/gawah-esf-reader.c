/* gawah-esf-reader.c: reading an OpenEvSys export, one record at a time
 *
 * The document is streamed with xmlTextReader: each top-level record (an
 * event with its acts, a person, ...) is expanded, turned into a
 * GawahEsfRecord and freed before the next, so memory follows the records
 * kept, not the document's tree. The parser options are Gawah's safe ones
 * (no network, no DTD, no entity substitution), and a DOCTYPE is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "gawah-error.h"
#include "gawah-esf-mapping.h"
#include "gawah-xml.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

/* The records OpenEvSys writes at the top of its document. */
static const char * const top_level_records[] = { "event", "person", "intervention", "information", NULL };

typedef struct {
  GawahEsfMapping *mapping;
  GawahEsfReport  *report;
  const char      *name;
  GBytes          *document;
  xmlError         first_error;
} EsfReader;

static void
value_free (gpointer data)
{
  GawahEsfValue *value = data;

  g_free (value->path);
  g_free (value->text);
  g_free (value);
}

void
gawah_esf_record_free (GawahEsfRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->number);
  g_ptr_array_unref (record->values);
  g_ptr_array_unref (record->children);
  g_free (record);
}

char *
gawah_esf_record_describe (const GawahEsfRecord *record)
{
  return g_strdup_printf ("%s %s", record->spec->element, record->number != NULL ? record->number : "?");
}

static gboolean
set_line_error (GError     **error,
                const char  *name,
                guint        line,
                const char  *message)
{
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
               /* Translators: %1$s is a file name, %2$u a line number, %3$s the problem. */
               _("%1$s, line %2$u: %3$s"), name, line, message);
  return FALSE;
}

static guint
node_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}

static void
add_value (GawahEsfRecord      *record,
           const GawahEsfField *field,
           const char          *path,
           xmlNode             *node)
{
  g_autofree char *content = gawah_xml_get_content (node);
  GawahEsfValue *value;

  g_strstrip (content);
  if (*content == '\0')
    return;   /* an empty field is a missing one */
  value = g_new0 (GawahEsfValue, 1);
  value->field = field;
  value->path = g_strdup (path);
  value->text = g_steal_pointer (&content);
  value->line = node_line (node);
  g_ptr_array_add (record->values, value);
}

/* An extension's fields (arrest, management_data, address): each is kept
 * as the mapping says, or as a note when the mapping lists none. */
static void
read_extension (EsfReader           *self,
                GawahEsfRecord      *record,
                const GawahEsfField *extension,
                xmlNode             *node)
{
  gawah_xml_foreach_element (child, node)
    {
      const char *element = (const char *) child->name;
      g_autofree char *path = g_strconcat (extension->element, "/", element, NULL);
      const GawahEsfField *field = extension->children->len == 0
        ? extension : gawah_esf_fields_find (extension->children, element);

      if (field == NULL)
        {
          g_autofree char *where = g_strconcat (record->spec->element, "/", path, NULL);
          gawah_esf_report_add_skipped (self->report, where, node_line (child));
        }
      else if (g_strcmp0 (field->use, "ignore") != 0)
        add_value (record, field, path, child);
    }
}

static const char *
record_first_text (const GawahEsfRecord *record,
                   const char           *element)
{
  for (guint i = 0; i < record->values->len; i++)
    {
      const GawahEsfValue *value = g_ptr_array_index (record->values, i);

      if (g_strcmp0 (value->path, element) == 0)
        return value->text;
    }
  return NULL;
}

static gboolean
check_required (EsfReader       *self,
                GawahEsfRecord  *record,
                GError         **error)
{
  for (guint i = 0; i < record->spec->fields->len; i++)
    {
      const GawahEsfField *field = g_ptr_array_index (record->spec->fields, i);
      g_autofree char *message = NULL;

      if (!field->required || record_first_text (record, field->element) != NULL)
        continue;
      message = g_strdup_printf (_("the %1$s record has no %2$s"), record->spec->element, field->element);
      return set_line_error (error, self->name, record->line, message);
    }
  return TRUE;
}

static GawahEsfRecord *
read_record (EsfReader                 *self,
             const GawahEsfRecordSpec  *spec,
             GawahEsfRecord            *parent,
             xmlNode                   *node,
             GError                   **error)
{
  g_autoptr(GawahEsfRecord) record = g_new0 (GawahEsfRecord, 1);

  record->spec = spec;
  record->parent = parent;
  record->line = node_line (node);
  record->values = g_ptr_array_new_with_free_func (value_free);
  record->children = g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_esf_record_free);

  gawah_xml_foreach_element (child, node)
    {
      const char *element = (const char *) child->name;
      const GawahEsfField *field = gawah_esf_fields_find (spec->fields, element);

      if (field == NULL)
        {
          g_autofree char *where = g_strconcat (spec->element, "/", element, NULL);
          gawah_esf_report_add_skipped (self->report, where, node_line (child));
        }
      else if (g_strcmp0 (field->use, "record") == 0)
        {
          const GawahEsfRecordSpec *child_spec = gawah_esf_mapping_find_record (self->mapping, element);
          GawahEsfRecord *child_record = read_record (self, child_spec, record, child, error);

          if (child_record == NULL)
            return NULL;
          g_ptr_array_add (record->children, child_record);
        }
      else if (g_strcmp0 (field->use, "extension") == 0)
        read_extension (self, record, field, child);
      else if (g_strcmp0 (field->use, "ignore") != 0)
        add_value (record, field, element, child);
    }

  for (guint i = 0; i < spec->fields->len; i++)
    {
      const GawahEsfField *field = g_ptr_array_index (spec->fields, i);

      if (g_strcmp0 (field->use, "record-number") == 0)
        record->number = g_strdup (record_first_text (record, field->element));
    }
  if (!check_required (self, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

static void
keep_first_error_cb (void     *user_data,
                     xmlError *xml_error)
{
  xmlError *first = user_data;

  if (first->message == NULL && xml_error->level >= XML_ERR_ERROR)
    xmlCopyError (xml_error, first);
}

static gboolean
set_parse_error (EsfReader      *self,
                 xmlTextReader  *reader,
                 GError        **error)
{
  g_autofree char *message = NULL;

  if (self->first_error.message == NULL)
    return set_line_error (error, self->name, (guint) xmlTextReaderGetParserLineNumber (reader),
                           _("not a well-formed XML document"));
  message = g_strchomp (g_strdup (self->first_error.message));
  return set_line_error (error, self->name, (guint) self->first_error.line, message);
}

/* Checks the node the reader is on; *record_spec is set for a top-level record. */
static gboolean
check_node (EsfReader                  *self,
            xmlTextReader              *reader,
            const GawahEsfRecordSpec  **record_spec,
            GError                    **error)
{
  int type = xmlTextReaderNodeType (reader);
  int depth = xmlTextReaderDepth (reader);
  const char *element = (const char *) xmlTextReaderConstLocalName (reader);
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  /* The parser's own line has read ahead: the node knows its line. */
  guint line = node != NULL ? node_line (node) : (guint) xmlTextReaderGetParserLineNumber (reader);

  *record_spec = NULL;
  /* No ESF document has a DTD: a DOCTYPE can only bring entities. */
  if (type == XML_READER_TYPE_DOCUMENT_TYPE)
    return set_line_error (error, self->name,
                           (guint) gawah_xml_doctype_line (g_bytes_get_data (self->document, NULL),
                                                           g_bytes_get_size (self->document)),
                           _("documents with a DOCTYPE declaration are not accepted"));
  if (type != XML_READER_TYPE_ELEMENT)
    return TRUE;
  if (depth == 0 && g_strcmp0 (element, "events") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("the document is a <%s>, not an OpenEvSys export (<events>)"),
                                                  element);
      return set_line_error (error, self->name, line, message);
    }
  if (depth == 1 && g_strv_contains (top_level_records, element))
    *record_spec = gawah_esf_mapping_find_record (self->mapping, element);
  else if (depth == 1 && g_strcmp0 (element, "meta_data") != 0)
    {
      g_autofree char *where = g_strconcat ("events/", element, NULL);
      gawah_esf_report_add_skipped (self->report, where, line);
    }
  return TRUE;
}

static gboolean
read_top_level (EsfReader                 *self,
                xmlTextReader             *reader,
                const GawahEsfRecordSpec  *spec,
                GPtrArray                 *records,
                GError                   **error)
{
  xmlNode *node = xmlTextReaderExpand (reader);
  GawahEsfRecord *record;

  if (node == NULL)
    return set_parse_error (self, reader, error);
  record = read_record (self, spec, NULL, node, error);
  if (record == NULL)
    return FALSE;
  g_ptr_array_add (records, record);
  return TRUE;
}

/* Every top-level record of the document, in document order. */
GPtrArray *
gawah_esf_read_document (GawahEsfMapping  *mapping,
                         GBytes           *document,
                         const char       *name,
                         GawahEsfReport   *report,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_esf_record_free);
  g_autoptr(xmlTextReader) reader = NULL;
  EsfReader self = { mapping, report, name, document, { 0 } };
  gsize size = 0;
  const char *data = g_bytes_get_data (document, &size);
  gboolean ok = TRUE;
  int status;

  if (size > G_MAXINT)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, _("%s: the file is too large"), name);
      return NULL;
    }
  reader = xmlReaderForMemory (data, (int) size, name, NULL,
                               GAWAH_XML_SAFE_OPTIONS | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      set_line_error (error, name, 1, _("not a well-formed XML document"));
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, keep_first_error_cb, &self.first_error);

  status = xmlTextReaderRead (reader);
  while (ok && status == 1)
    {
      const GawahEsfRecordSpec *spec = NULL;

      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           check_node (&self, reader, &spec, error);
      if (ok && spec != NULL)
        {
          ok = read_top_level (&self, reader, spec, records, error);
          status = xmlTextReaderNext (reader);
        }
      else
        status = xmlTextReaderRead (reader);
    }
  if (ok && status < 0)
    ok = set_parse_error (&self, reader, error);
  xmlResetError (&self.first_error);
  if (!ok)
    return NULL;
  return g_steal_pointer (&records);
}
