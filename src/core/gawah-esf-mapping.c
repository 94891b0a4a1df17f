/* gawah-esf-mapping.c: reading data/exchange/esf-mapping.xml
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-error.h"
#include "gawah-esf-mapping.h"
#include "gawah-xml.h"

#define ESF_MAPPING_NS "urn:gawah:esf-mapping:1"
#define ESF_MAPPING_RESOURCE "/io/github/gawah/Gawah/exchange/esf-mapping.xml"
#define ESF_MAPPING_SCHEMA "/io/github/gawah/Gawah/schemas/esf-mapping.rng"

/* ESF codes are two digits a level: 030103000000 is under 030100000000. */
#define ESF_CODE_LENGTH 12

typedef struct {
  char     *to;
  gboolean  descendants;
  gboolean  reverse;
} MapTerm;

typedef struct {
  char       *list;
  char       *vocabulary;
  GHashTable *terms;        /* ESF code → MapTerm */
} Map;

struct _GawahEsfMapping
{
  GPtrArray  *records;      /* GawahEsfRecordSpec */
  GHashTable *maps;         /* id → Map */
  GHashTable *labels;       /* "list code" → label */
};

static void
field_free (gpointer data)
{
  GawahEsfField *field = data;

  g_free (field->element);
  g_free (field->use);
  g_free (field->map);
  g_free (field->list);
  g_free (field->precision);
  g_ptr_array_unref (field->children);
  g_free (field);
}

static void
record_spec_free (gpointer data)
{
  GawahEsfRecordSpec *spec = data;

  g_free (spec->element);
  g_free (spec->kind);
  g_ptr_array_unref (spec->fields);
  g_free (spec);
}

static void
map_term_free (gpointer data)
{
  MapTerm *term = data;

  g_free (term->to);
  g_free (term);
}

static void
map_free (gpointer data)
{
  Map *map = data;

  g_free (map->list);
  g_free (map->vocabulary);
  g_hash_table_unref (map->terms);
  g_free (map);
}

void
gawah_esf_mapping_free (GawahEsfMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_ptr_array_unref (mapping->records);
  g_hash_table_unref (mapping->maps);
  g_hash_table_unref (mapping->labels);
  g_free (mapping);
}

static GPtrArray *
read_fields (xmlNode *parent)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (field_free);

  gawah_xml_foreach_element (child, parent)
    {
      GawahEsfField *field;
      g_autofree char *required = NULL;

      if (!gawah_xml_is (child, ESF_MAPPING_NS, "field"))
        continue;
      field = g_new0 (GawahEsfField, 1);
      field->element = gawah_xml_get_attr (child, "element");
      field->use = gawah_xml_get_attr (child, "use");
      field->map = gawah_xml_get_attr (child, "map");
      field->list = gawah_xml_get_attr (child, "list");
      field->precision = gawah_xml_get_attr (child, "precision");
      required = gawah_xml_get_attr (child, "required");
      field->required = g_strcmp0 (required, "true") == 0;
      field->children = read_fields (child);
      g_ptr_array_add (fields, field);
    }
  return fields;
}

static void
read_record (GawahEsfMapping *mapping,
             xmlNode         *node)
{
  GawahEsfRecordSpec *spec = g_new0 (GawahEsfRecordSpec, 1);

  spec->element = gawah_xml_get_attr (node, "element");
  spec->kind = gawah_xml_get_attr (node, "kind");
  spec->fields = read_fields (node);
  g_ptr_array_add (mapping->records, spec);
}

static void
read_map (GawahEsfMapping *mapping,
          xmlNode         *node)
{
  Map *map = g_new0 (Map, 1);

  map->list = gawah_xml_get_attr (node, "list");
  map->vocabulary = gawah_xml_get_attr (node, "vocabulary");
  map->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, map_term_free);
  gawah_xml_foreach_element (child, node)
    {
      MapTerm *term = g_new0 (MapTerm, 1);
      g_autofree char *descendants = gawah_xml_get_attr (child, "descendants");
      g_autofree char *reverse = gawah_xml_get_attr (child, "reverse");

      term->to = gawah_xml_get_attr (child, "to");
      term->descendants = g_strcmp0 (descendants, "true") == 0;
      term->reverse = g_strcmp0 (reverse, "true") == 0;
      g_hash_table_replace (map->terms, gawah_xml_get_attr (child, "code"), term);
    }
  g_hash_table_replace (mapping->maps, gawah_xml_get_attr (node, "id"), map);
}

static void
read_thesaurus (GawahEsfMapping *mapping,
                xmlNode         *node)
{
  gawah_xml_foreach_element (list, node)
    {
      g_autofree char *number = gawah_xml_get_attr (list, "number");

      gawah_xml_foreach_element (term, list)
        {
          g_autofree char *code = gawah_xml_get_attr (term, "code");

          g_hash_table_replace (mapping->labels, g_strdup_printf ("%s %s", number, code),
                                gawah_xml_get_attr (term, "label"));
        }
    }
}

GawahEsfMapping *
gawah_esf_mapping_load (GError **error)
{
  g_autoptr(xmlDoc) doc = gawah_xml_read_resource (ESF_MAPPING_RESOURCE, error);
  g_autoptr(GawahEsfMapping) mapping = NULL;

  if (doc == NULL || !gawah_xml_validate (doc, ESF_MAPPING_SCHEMA, ESF_MAPPING_RESOURCE, error))
    return NULL;

  mapping = g_new0 (GawahEsfMapping, 1);
  mapping->records = g_ptr_array_new_with_free_func (record_spec_free);
  mapping->maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, map_free);
  mapping->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gawah_xml_foreach_element (child, xmlDocGetRootElement (doc))
    {
      if (gawah_xml_is (child, ESF_MAPPING_NS, "record"))
        read_record (mapping, child);
      else if (gawah_xml_is (child, ESF_MAPPING_NS, "map"))
        read_map (mapping, child);
      else if (gawah_xml_is (child, ESF_MAPPING_NS, "thesaurus"))
        read_thesaurus (mapping, child);
    }
  return g_steal_pointer (&mapping);
}

const GawahEsfRecordSpec *
gawah_esf_mapping_find_record (GawahEsfMapping *mapping,
                               const char      *element)
{
  for (guint i = 0; i < mapping->records->len; i++)
    {
      const GawahEsfRecordSpec *spec = g_ptr_array_index (mapping->records, i);

      if (g_strcmp0 (spec->element, element) == 0)
        return spec;
    }
  return NULL;
}

const GawahEsfField *
gawah_esf_fields_find (GPtrArray  *fields,
                       const char *element)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const GawahEsfField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->element, element) == 0)
        return field;
    }
  return NULL;
}

const char *
gawah_esf_mapping_label (GawahEsfMapping *mapping,
                         const char      *list,
                         const char      *code)
{
  g_autofree char *key = NULL;

  if (list == NULL || code == NULL)
    return NULL;
  key = g_strdup_printf ("%s %s", list, code);
  return g_hash_table_lookup (mapping->labels, key);
}

/* The code's parent: the last non-zero level set to zero; FALSE at the top. */
static gboolean
esf_code_parent (char *code)
{
  for (int level = ESF_CODE_LENGTH / 2 - 1; level > 0; level--)
    {
      char *pair = code + level * 2;

      if (pair[0] != '0' || pair[1] != '0')
        {
          pair[0] = pair[1] = '0';
          return TRUE;
        }
    }
  return FALSE;
}

/* The Gawah code for an ESF code: its own term, else the nearest broader
 * term that covers its descendants (then *exact is FALSE). */
gboolean
gawah_esf_mapping_translate (GawahEsfMapping  *mapping,
                             const char       *map_id,
                             const char       *code,
                             const char      **to,
                             gboolean         *reverse,
                             gboolean         *exact)
{
  Map *map = g_hash_table_lookup (mapping->maps, map_id);
  g_autofree char *ancestor = NULL;
  MapTerm *term;

  g_return_val_if_fail (map != NULL, FALSE);

  *exact = TRUE;
  term = g_hash_table_lookup (map->terms, code);
  if (term == NULL && strlen (code) == ESF_CODE_LENGTH)
    {
      ancestor = g_strdup (code);
      *exact = FALSE;
      while (term == NULL && esf_code_parent (ancestor))
        {
          term = g_hash_table_lookup (map->terms, ancestor);
          if (term != NULL && !term->descendants)
            term = NULL;
        }
    }
  if (term == NULL)
    return FALSE;
  *to = term->to;
  if (reverse != NULL)
    *reverse = term->reverse;
  return TRUE;
}

static gboolean
check_map (GawahEsfMapping    *mapping,
           const char         *id,
           Map                *map,
           GawahVocabularies  *vocabularies,
           GError            **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, map->terms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MapTerm *term = value;

      if (gawah_esf_mapping_label (mapping, map->list, key) == NULL)
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
                       _("ESF map %s: %s is not in list %s"), id, (const char *) key, map->list);
          return FALSE;
        }
      if (g_str_equal (map->vocabulary, "ongoing") && !g_str_equal (term->to, "yes"))
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
                       _("ESF map %s: %s is not “yes”"), id, term->to);
          return FALSE;
        }
      if (!g_str_equal (map->vocabulary, "ongoing") &&
          !gawah_vocabularies_check (vocabularies, map->vocabulary, term->to, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_fields (GawahEsfMapping  *mapping,
              GPtrArray        *fields,
              GError          **error)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const GawahEsfField *field = g_ptr_array_index (fields, i);

      if (field->map != NULL && !g_hash_table_contains (mapping->maps, field->map))
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
                       _("ESF field %s: no map %s"), field->element, field->map);
          return FALSE;
        }
      if (g_strcmp0 (field->use, "record") == 0 && gawah_esf_mapping_find_record (mapping, field->element) == NULL)
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
                       _("ESF field %s: no record of that name"), field->element);
          return FALSE;
        }
      if (!check_fields (mapping, field->children, error))
        return FALSE;
    }
  return TRUE;
}

/* What the schema cannot say: every map's codes exist in the ESF list and
 * in the Gawah vocabulary, every field names a map and record that exist. */
gboolean
gawah_esf_mapping_check (GawahEsfMapping    *mapping,
                         GawahVocabularies  *vocabularies,
                         GError            **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, mapping->maps);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!check_map (mapping, key, value, vocabularies, error))
      return FALSE;
  for (guint i = 0; i < mapping->records->len; i++)
    {
      const GawahEsfRecordSpec *spec = g_ptr_array_index (mapping->records, i);

      if (!check_fields (mapping, spec->fields, error))
        return FALSE;
    }
  return TRUE;
}
