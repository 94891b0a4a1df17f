/* gawah-translator.c
 *
 * The GNU .mo format: a header of 32-bit words (magic, revision, count,
 * offset of the originals' table, offset of the translations' table), then
 * two tables of (length, offset) pairs. A message with a context is stored
 * as "context\004msgid"; a plural one as "singular\0plural", of which the
 * singular is the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-translator.h"
#include "gawah-vocabulary.h"

#define MO_MAGIC         0x950412de
#define MO_MAGIC_SWAPPED 0xde120495
#define MO_HEADER_WORDS  5

struct _GawahTranslator
{
  GawahLanguage  language;
  GBytes        *catalogue;   /* the .mo file; keys and values point into it */
  GHashTable    *messages;    /* NULL for English: the source strings are English */
};

static GawahTranslator translators[GAWAH_N_LANGUAGES];

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of table entry i, or NULL when it points outside the file. */
static const char *
table_string (const guint8 *data,
              gsize         size,
              guint32       table,
              guint32       i,
              gboolean      swapped)
{
  gsize entry = (gsize) table + (gsize) i * 8;
  guint32 length, offset;

  if (entry + 8 > size)
    return NULL;
  length = read_word (data, entry, swapped);
  offset = read_word (data, entry + 4, swapped);
  if ((gsize) offset + length >= size || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static GHashTable *
parse_catalogue (GBytes *catalogue)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (catalogue, &size);
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  guint32 magic, count, originals, translations;
  gboolean swapped;

  if (size < MO_HEADER_WORDS * 4)
    return NULL;
  magic = read_word (data, 0, FALSE);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return NULL;
  swapped = magic == MO_MAGIC_SWAPPED;
  count = read_word (data, 8, swapped);
  originals = read_word (data, 12, swapped);
  translations = read_word (data, 16, swapped);
  for (guint32 i = 0; i < count; i++)
    {
      const char *msgid = table_string (data, size, originals, i, swapped);
      const char *msgstr = table_string (data, size, translations, i, swapped);

      if (msgid == NULL || msgstr == NULL)
        return NULL;
      if (*msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (messages, (gpointer) msgid, (gpointer) msgstr);
    }
  return g_steal_pointer (&messages);
}

/* The catalogue gettext would use: the text domain's bound directory. */
static void
load_catalogue (GawahTranslator *self)
{
  const char *directory = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = g_build_filename (directory != NULL ? directory : LOCALEDIR,
                                            gawah_language_to_code (self->language),
                                            "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);

  if (file == NULL)
    {
      g_debug ("No message catalogue at %s: the report's words stay in English", path);
      return;
    }
  self->catalogue = g_mapped_file_get_bytes (file);
  self->messages = parse_catalogue (self->catalogue);
  if (self->messages == NULL)
    g_warning ("%s is not a message catalogue", path);
}

const GawahTranslator *
gawah_translator_get (GawahLanguage language)
{
  static gsize loaded[GAWAH_N_LANGUAGES];

  g_return_val_if_fail (language < GAWAH_N_LANGUAGES, NULL);

  if (g_once_init_enter (&loaded[language]))
    {
      translators[language].language = language;
      if (language != GAWAH_LANGUAGE_ENGLISH)
        load_catalogue (&translators[language]);
      g_once_init_leave (&loaded[language], 1);
    }
  return &translators[language];
}

GawahLanguage
gawah_translator_get_language (const GawahTranslator *self)
{
  return self != NULL ? self->language : gawah_language_current ();
}

const char *
gawah_translator_gettext (const GawahTranslator *self,
                          const char            *msgid)
{
  const char *msgstr;

  if (self == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (self->messages == NULL || (msgstr = g_hash_table_lookup (self->messages, msgid)) == NULL)
    return msgid;
  return msgstr;
}

const char *
gawah_translator_pgettext (const GawahTranslator *self,
                           const char            *context,
                           const char            *msgid)
{
  g_autofree char *key = NULL;
  const char *msgstr;

  if (self == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  if (self->messages == NULL)
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  msgstr = g_hash_table_lookup (self->messages, key);
  return msgstr != NULL ? msgstr : msgid;
}

/* A code's label from its vocabulary, in the translator's language. */
const char *
gawah_translator_label (const GawahTranslator *self,
                        const char            *vocabulary_id,
                        const char            *code)
{
  const GawahTerm *term;

  if (code == NULL || *code == '\0')
    return "";
  term = gawah_vocabularies_lookup (gawah_vocabularies_get_default (), vocabulary_id, code);
  if (term == NULL)
    return code;
  return gawah_text_get (&term->label, gawah_translator_get_language (self));
}

const char *
gawah_translator_text (const GawahTranslator *self,
                       const GawahText       *text)
{
  return gawah_text_get (text, gawah_translator_get_language (self));
}
