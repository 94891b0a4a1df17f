/* gawah-language.h: text that the data files give in English and Urdu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GAWAH_LANGUAGE_ENGLISH,
  GAWAH_LANGUAGE_URDU,
  GAWAH_N_LANGUAGES,
} GawahLanguage;

typedef struct {
  char     *text[GAWAH_N_LANGUAGES];
  gboolean  unverified[GAWAH_N_LANGUAGES];
} GawahText;

GawahLanguage  gawah_language_current     (void);
gboolean       gawah_language_from_code   (const char      *code,
                                           GawahLanguage   *language);
const char    *gawah_language_to_code     (GawahLanguage    language);

gboolean       gawah_code_index           (const char * const *codes,
                                           guint            n_codes,
                                           const char      *code,
                                           guint           *index);

const char    *gawah_text_get             (const GawahText *text,
                                           GawahLanguage    language);
const char    *gawah_text_get_current     (const GawahText *text);
void           gawah_text_clear           (GawahText       *text);

G_END_DECLS
