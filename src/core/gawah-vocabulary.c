/* gawah-vocabulary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "gawah-error.h"
#include "gawah-vocabulary.h"
#include "gawah-xml.h"

#define VOCABULARY_NS "urn:gawah:vocabulary:1"
#define VOCABULARY_DIR RESOURCE_PREFIX "/vocabularies/"

struct _GawahVocabulary
{
  char       *id;
  GawahText   title;
  GPtrArray  *terms;     /* GawahTerm, in file order, parents before children */
  GHashTable *by_code;   /* code → borrowed GawahTerm */
};

struct _GawahVocabularies
{
  GHashTable *by_id;     /* id → GawahVocabulary */
};

static void
term_free (GawahTerm *term)
{
  g_free (term->code);
  g_free (term->parent_code);
  gawah_text_clear (&term->label);
  gawah_text_clear (&term->note);
  g_free (term);
}

static void
vocabulary_free (GawahVocabulary *vocabulary)
{
  g_free (vocabulary->id);
  gawah_text_clear (&vocabulary->title);
  g_ptr_array_unref (vocabulary->terms);
  g_hash_table_unref (vocabulary->by_code);
  g_free (vocabulary);
}

static gboolean
add_term (GawahVocabulary  *vocabulary,
          xmlNode          *node,
          const char       *parent_code,
          GError          **error)
{
  GawahTerm *term = g_new0 (GawahTerm, 1);

  term->code = gawah_xml_get_attr (node, "code");
  term->parent_code = g_strdup (parent_code);
  term->verified = !gawah_xml_attr_is_false (node, "verified");
  g_ptr_array_add (vocabulary->terms, term);

  if (term->code == NULL || g_hash_table_contains (vocabulary->by_code, term->code))
    {
      /* not translated: only broken built-in data, a developer's error, can cause this */
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
                   "vocabulary %s, line %ld: missing or repeated code “%s”",
                   vocabulary->id, xmlGetLineNo (node), term->code);
      return FALSE;
    }
  g_hash_table_insert (vocabulary->by_code, term->code, term);

  gawah_xml_foreach_element (child, node)
    {
      if (gawah_xml_is (child, VOCABULARY_NS, "label"))
        gawah_xml_read_text (child, &term->label);
      else if (gawah_xml_is (child, VOCABULARY_NS, "note"))
        gawah_xml_read_text (child, &term->note);
      else if (gawah_xml_is (child, VOCABULARY_NS, "term") &&
               !add_term (vocabulary, child, term->code, error))
        return FALSE;
    }
  return TRUE;
}

static GawahVocabulary *
parse_vocabulary (xmlDoc  *doc,
                  GError **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  GawahVocabulary *vocabulary;

  if (!gawah_xml_is (root, VOCABULARY_NS, "vocabulary"))
    {
      /* not translated: only broken built-in data, a developer's error, can cause this */
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE, "%s: not a Gawah vocabulary", doc->URL);
      return NULL;
    }

  vocabulary = g_new0 (GawahVocabulary, 1);
  vocabulary->id = gawah_xml_get_attr (root, "id");
  vocabulary->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  vocabulary->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  gawah_xml_foreach_element (child, root)
    {
      if (gawah_xml_is (child, VOCABULARY_NS, "label"))
        gawah_xml_read_text (child, &vocabulary->title);
      else if (gawah_xml_is (child, VOCABULARY_NS, "term") &&
               !add_term (vocabulary, child, NULL, error))
        {
          vocabulary_free (vocabulary);
          return NULL;
        }
    }
  return vocabulary;
}

static gboolean
load_vocabulary_file (GawahVocabularies  *self,
                      const char         *name,
                      GError            **error)
{
  g_autofree char *path = g_strconcat (VOCABULARY_DIR, name, NULL);
  g_autoptr(xmlDoc) doc = gawah_xml_read_resource (path, error);
  GawahVocabulary *vocabulary;

  if (doc == NULL || (vocabulary = parse_vocabulary (doc, error)) == NULL)
    return FALSE;
  g_hash_table_replace (self->by_id, vocabulary->id, vocabulary);
  return TRUE;
}

GawahVocabularies *
gawah_vocabularies_load (GError **error)
{
  g_autoptr(GawahVocabularies) self = g_atomic_rc_box_new0 (GawahVocabularies);
  g_auto(GStrv) names = NULL;

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) vocabulary_free);
  names = g_resources_enumerate_children (VOCABULARY_DIR, 0, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (!load_vocabulary_file (self, names[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

/* The vocabularies are compiled into the program and tested at build time:
 * failing to read them is a broken build, not a user error. */
GawahVocabularies *
gawah_vocabularies_get_default (void)
{
  static GawahVocabularies *shared;

  if (g_once_init_enter (&shared))
    {
      g_autoptr(GError) error = NULL;
      GawahVocabularies *loaded = gawah_vocabularies_load (&error);

      if (loaded == NULL)
        g_error ("Built-in vocabularies are broken: %s", error->message);
      g_once_init_leave (&shared, loaded);
    }
  return shared;
}

static void
vocabularies_clear (GawahVocabularies *self)
{
  g_hash_table_unref (self->by_id);
}

GawahVocabularies *
gawah_vocabularies_ref (GawahVocabularies *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
gawah_vocabularies_unref (GawahVocabularies *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) vocabularies_clear);
}

GPtrArray *
gawah_vocabularies_list_ids (GawahVocabularies *self)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (self->by_id), (GCompareFunc) g_strcmp0);
  GPtrArray *ids = g_ptr_array_new ();

  for (GList *l = keys; l != NULL; l = l->next)
    g_ptr_array_add (ids, l->data);
  return ids;
}

const GawahVocabulary *
gawah_vocabularies_find (GawahVocabularies *self,
                         const char        *vocabulary_id)
{
  return g_hash_table_lookup (self->by_id, vocabulary_id);
}

const GawahTerm *
gawah_vocabularies_lookup (GawahVocabularies *self,
                           const char        *vocabulary_id,
                           const char        *code)
{
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (self, vocabulary_id);

  if (vocabulary == NULL || code == NULL)
    return NULL;
  return gawah_vocabulary_lookup (vocabulary, code);
}

/* Names the field, the value and where to find the valid ones. */
gboolean
gawah_vocabularies_check (GawahVocabularies  *self,
                          const char         *vocabulary_id,
                          const char         *code,
                          const char         *field,
                          GError            **error)
{
  if (gawah_vocabularies_lookup (self, vocabulary_id, code) != NULL)
    return TRUE;

  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
               /* Translators: %1$s is a field name, %2$s the code given, %3$s a vocabulary id; keep the command as it is. */
               _("%1$s: “%2$s” is not a known code (see “gawah-cli vocabulary %3$s”)"),
               field, code != NULL ? code : "", vocabulary_id);
  return FALSE;
}

/* The label in the interface language, or the code itself if unknown. */
const char *
gawah_vocabularies_label (GawahVocabularies *self,
                          const char        *vocabulary_id,
                          const char        *code)
{
  const GawahTerm *term = gawah_vocabularies_lookup (self, vocabulary_id, code);

  return term != NULL ? gawah_text_get_current (&term->label) : code;
}

const char *
gawah_vocabulary_get_id (const GawahVocabulary *vocabulary)
{
  return vocabulary->id;
}

const GawahText *
gawah_vocabulary_get_title (const GawahVocabulary *vocabulary)
{
  return &vocabulary->title;
}

const GPtrArray *
gawah_vocabulary_get_terms (const GawahVocabulary *vocabulary)
{
  return vocabulary->terms;
}

const GawahTerm *
gawah_vocabulary_lookup (const GawahVocabulary *vocabulary,
                         const char            *code)
{
  return g_hash_table_lookup (vocabulary->by_code, code);
}
