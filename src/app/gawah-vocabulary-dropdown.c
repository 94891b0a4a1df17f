/* gawah-vocabulary-dropdown.c
 *
 * The first entry means "any"; the others are the vocabulary's top-level
 * terms in the interface language. The codes ride along on the dropdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-vocabulary.h"
#include "gawah-vocabulary-dropdown.h"

#define CODES_KEY "gawah-codes"

void
gawah_vocabulary_dropdown_setup (GtkDropDown *dropdown,
                                 const char  *vocabulary_id,
                                 const char  *any_label)
{
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (gawah_vocabularies_get_default (), vocabulary_id);
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new ();

  gtk_string_list_append (labels, any_label);
  g_ptr_array_add (codes, NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);

      if (term->parent_code != NULL)
        continue;
      gtk_string_list_append (labels, gawah_text_get_current (&term->label));
      g_ptr_array_add (codes, term->code);
    }
  g_object_set_data_full (G_OBJECT (dropdown), CODES_KEY, codes, (GDestroyNotify) g_ptr_array_unref);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, 0);
}

/* NULL for "any". */
const char *
gawah_vocabulary_dropdown_get_code (GtkDropDown *dropdown)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (codes == NULL || selected >= codes->len)
    return NULL;
  return g_ptr_array_index (codes, selected);
}
