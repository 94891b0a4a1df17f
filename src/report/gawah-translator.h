/* gawah-translator.h: the words of a report, in the report's language
 *
 * A report can be in another language than the interface, and is written
 * off the main thread, so it cannot switch the process-wide gettext
 * language. A translator reads the language's message catalogue (the .mo
 * file of the bound text domain) once and answers lookups from it; it is
 * immutable after loading, so any thread may use it.
 *
 * Strings are marked with N_() / NC_() where they are written and passed
 * through gawah_translator_gettext(). A NULL translator means the
 * interface language (plain gettext).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-language.h"

G_BEGIN_DECLS

typedef struct _GawahTranslator GawahTranslator;

const GawahTranslator *gawah_translator_get          (GawahLanguage          language);
GawahLanguage          gawah_translator_get_language (const GawahTranslator *self);
const char            *gawah_translator_gettext      (const GawahTranslator *self,
                                                      const char            *msgid) G_GNUC_FORMAT (2);
const char            *gawah_translator_pgettext     (const GawahTranslator *self,
                                                      const char            *context,
                                                      const char            *msgid) G_GNUC_FORMAT (3);
const char            *gawah_translator_label        (const GawahTranslator *self,
                                                      const char            *vocabulary_id,
                                                      const char            *code);
const char            *gawah_translator_text         (const GawahTranslator *self,
                                                      const GawahText       *text);

G_END_DECLS
