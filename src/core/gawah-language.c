/* gawah-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gawah-language.h"

static const char * const language_codes[] = { "en", "ur" };

/* The first language of the user's list that Gawah speaks: the same choice
 * gettext makes for the interface, so data labels match the interface. */
GawahLanguage
gawah_language_current (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ur"))
        return GAWAH_LANGUAGE_URDU;
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return GAWAH_LANGUAGE_ENGLISH;
    }
  return GAWAH_LANGUAGE_ENGLISH;
}

/* Enums stored as codes (precisions, decisions, languages) are read back
 * through one table lookup. */
gboolean
gawah_code_index (const char * const *codes,
                  guint               n_codes,
                  const char         *code,
                  guint              *index)
{
  for (guint i = 0; i < n_codes; i++)
    {
      if (g_strcmp0 (code, codes[i]) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
gawah_language_from_code (const char    *code,
                          GawahLanguage *language)
{
  guint index;

  if (!gawah_code_index (language_codes, G_N_ELEMENTS (language_codes), code, &index))
    return FALSE;
  *language = index;
  return TRUE;
}

const char *
gawah_language_to_code (GawahLanguage language)
{
  g_return_val_if_fail (language < GAWAH_N_LANGUAGES, "en");
  return language_codes[language];
}

/* Falls back to English: data files always carry it. */
const char *
gawah_text_get (const GawahText *text,
                GawahLanguage    language)
{
  g_return_val_if_fail (language < GAWAH_N_LANGUAGES, NULL);

  if (text->text[language] != NULL)
    return text->text[language];
  return text->text[GAWAH_LANGUAGE_ENGLISH];
}

const char *
gawah_text_get_current (const GawahText *text)
{
  return gawah_text_get (text, gawah_language_current ());
}

void
gawah_text_clear (GawahText *text)
{
  for (guint i = 0; i < GAWAH_N_LANGUAGES; i++)
    g_clear_pointer (&text->text[i], g_free);
}
