/* gawah-vocabulary-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_VOCABULARY_ROW (gawah_vocabulary_row_get_type ())

G_DECLARE_FINAL_TYPE (GawahVocabularyRow, gawah_vocabulary_row, GAWAH, VOCABULARY_ROW, AdwComboRow)

GtkWidget  *gawah_vocabulary_row_new             (const char         *vocabulary_id,
                                                  const char         *title,
                                                  const char         *none_label);
const char *gawah_vocabulary_row_get_vocabulary  (GawahVocabularyRow *self);
void        gawah_vocabulary_row_set_vocabulary  (GawahVocabularyRow *self,
                                                  const char         *vocabulary_id);
const char *gawah_vocabulary_row_get_parent_code (GawahVocabularyRow *self);
void        gawah_vocabulary_row_set_parent_code (GawahVocabularyRow *self,
                                                  const char         *parent_code);
const char *gawah_vocabulary_row_get_none_label  (GawahVocabularyRow *self);
void        gawah_vocabulary_row_set_none_label  (GawahVocabularyRow *self,
                                                  const char         *none_label);
const char *gawah_vocabulary_row_get_code        (GawahVocabularyRow *self);
gboolean    gawah_vocabulary_row_set_code        (GawahVocabularyRow *self,
                                                  const char         *code);

G_END_DECLS
