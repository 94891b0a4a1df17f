/* gawah-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "gawah-error.h"
#include "gawah-xml.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

static void
set_error_from_xml (GError          **error,
                    GawahError        code,
                    const char       *name,
                    const xmlError   *xml_error)
{
  g_autofree char *message = NULL;

  if (xml_error == NULL || xml_error->message == NULL)
    {
      g_set_error (error, GAWAH_ERROR, code, _("%s: not a well-formed XML document"), name);
      return;
    }
  message = g_strchomp (g_strdup (xml_error->message));
  g_set_error (error, GAWAH_ERROR, code,
               /* Translators: %1$s is a file name, %2$d a line number, %3$s libxml2's (English) message. */
               _("%1$s, line %2$d: %3$s"), name, xml_error->line, message);
}

/* libxml2 keeps no line for a DTD node (xmlGetLineNo gives the line of the
 * node before it, or -1): find the declaration in the text itself. */
int
gawah_xml_doctype_line (const char *data,
                        gsize       size)
{
  const char *doctype = g_strstr_len (data, size, "<!DOCTYPE");
  int line = 1;

  for (const char *p = data; doctype != NULL && p < doctype; p++)
    if (*p == '\n')
      line++;
  return line;
}

xmlDoc *
gawah_xml_read_bytes (GBytes      *bytes,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = xmlNewParserCtxt ();
  g_autoptr(xmlDoc) doc = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > G_MAXINT)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, _("%s: the file is too large"), name);
      return NULL;
    }

  doc = xmlCtxtReadMemory (ctxt, data, (int) size, name, NULL,
                           GAWAH_XML_SAFE_OPTIONS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      set_error_from_xml (error, GAWAH_ERROR_PARSE, name, xmlCtxtGetLastError (ctxt));
      return NULL;
    }

  /* No Gawah format has a DTD: a DOCTYPE can only bring entities, which is
   * how external-file and entity-expansion attacks arrive. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
                   _("%s, line %d: documents with a DOCTYPE declaration are not accepted"),
                   name, gawah_xml_doctype_line (data, size));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

xmlDoc *
gawah_xml_read_resource (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return gawah_xml_read_bytes (bytes, path, error);
}

static void
keep_first_error_cb (void     *user_data,
                     xmlError *xml_error)
{
  xmlError *first = user_data;

  if (first->message == NULL)
    xmlCopyError (xml_error, first);
}

gboolean
gawah_xml_validate (xmlDoc      *doc,
                    const char  *schema_resource,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GBytes) schema_bytes = g_resources_lookup_data (schema_resource, 0, error);
  g_autoptr(xmlRelaxNGParserCtxt) parser = NULL;
  g_autoptr(xmlRelaxNG) schema = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) validator = NULL;
  xmlError first = { 0 };
  gsize size = 0;
  const char *data;
  int result;

  if (schema_bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (schema_bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  schema = xmlRelaxNGParse (parser);
  g_return_val_if_fail (schema != NULL, FALSE);   /* a shipped schema is tested */

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, (xmlStructuredErrorFunc) keep_first_error_cb, &first);
  result = xmlRelaxNGValidateDoc (validator, doc);
  if (result != 0)
    {
      set_error_from_xml (error, GAWAH_ERROR_PARSE, name, &first);
      xmlResetError (&first);
      return FALSE;
    }
  xmlResetError (&first);
  return TRUE;
}

gboolean
gawah_xml_is (xmlNode    *node,
              const char *ns,
              const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, ns) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

char *
gawah_xml_get_attr (xmlNode    *node,
                    const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

gboolean
gawah_xml_attr_is_false (xmlNode    *node,
                         const char *name)
{
  g_autofree char *value = gawah_xml_get_attr (node, name);

  return g_strcmp0 (value, "false") == 0;
}

char *
gawah_xml_get_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Fills the slot of the element's xml:lang; returns FALSE for another language. */
gboolean
gawah_xml_read_text (xmlNode   *node,
                     GawahText *text)
{
  xmlChar *lang = xmlNodeGetLang (node);
  GawahLanguage language;
  gboolean known = gawah_language_from_code ((const char *) lang, &language);

  xmlFree (lang);
  if (!known)
    return FALSE;

  g_free (text->text[language]);
  text->text[language] = gawah_xml_get_content (node);
  text->unverified[language] = gawah_xml_attr_is_false (node, "verified");
  return TRUE;
}

char **
gawah_xml_get_attr_list (xmlNode    *node,
                         const char *name)
{
  g_autofree char *value = gawah_xml_get_attr (node, name);
  g_auto(GStrv) parts = g_strsplit_set (value != NULL ? value : "", " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}
