/* gawah-vocabulary-row.c: a combo row over a coded vocabulary
 *
 * People choose labels in their own language; the row holds the code. The
 * terms shown are those under "parent-code" (none: the top-level terms), so
 * the same row lists provinces, or the districts of one province. With a
 * "none-label", the first item stands for "no code".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-vocabulary.h"
#include "gawah-vocabulary-row.h"

struct _GawahVocabularyRow
{
  AdwComboRow  parent_instance;

  /* owned */
  char        *vocabulary_id;
  char        *parent_code;
  char        *none_label;
  GPtrArray   *codes;          /* indexed like the model; NULL for "none" */
  gboolean     rebuilding;
  gboolean     chosen;         /* the code was chosen, not fallen back to */
};

enum {
  PROP_0,
  PROP_VOCABULARY,
  PROP_PARENT_CODE,
  PROP_NONE_LABEL,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GawahVocabularyRow, gawah_vocabulary_row, ADW_TYPE_COMBO_ROW)

GtkWidget *
gawah_vocabulary_row_new (const char *vocabulary_id,
                          const char *title,
                          const char *none_label)
{
  return g_object_new (GAWAH_TYPE_VOCABULARY_ROW,
                       "vocabulary", vocabulary_id,
                       "none-label", none_label,
                       "title", title,
                       "use-underline", TRUE,
                       NULL);
}

/* g_set_str() is GLib 2.76. */
static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
is_shown (GawahVocabularyRow *self,
          const GawahTerm    *term)
{
  if (self->parent_code == NULL || *self->parent_code == '\0')
    return term->parent_code == NULL;
  return g_strcmp0 (term->parent_code, self->parent_code) == 0;
}

static guint
find_code (GawahVocabularyRow *self,
           const char         *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Keeps a chosen code when it is still offered, so that setting the
 * properties in any order (as GtkBuilder does) loses nothing; a code that
 * was merely first in the list is not kept. */
static void
rebuild (GawahVocabularyRow *self)
{
  g_autofree char *kept = self->chosen ? g_strdup (gawah_vocabulary_row_get_code (self)) : NULL;
  g_autofree char *before = g_strdup (gawah_vocabulary_row_get_code (self));
  const GawahVocabulary *vocabulary = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint position;

  if (self->vocabulary_id != NULL)
    vocabulary = gawah_vocabularies_find (gawah_vocabularies_get_default (), self->vocabulary_id);

  g_ptr_array_set_size (self->codes, 0);
  if (self->none_label != NULL)
    {
      gtk_string_list_append (labels, self->none_label);
      g_ptr_array_add (self->codes, NULL);
    }
  if (vocabulary != NULL)
    {
      const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);

      for (guint i = 0; i < terms->len; i++)
        {
          const GawahTerm *term = g_ptr_array_index (terms, i);

          if (!is_shown (self, term))
            continue;
          gtk_string_list_append (labels, gawah_text_get_current (&term->label));
          g_ptr_array_add (self->codes, g_strdup (term->code));
        }
    }

  self->rebuilding = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
  position = kept != NULL ? find_code (self, kept) : GTK_INVALID_LIST_POSITION;
  self->chosen = position != GTK_INVALID_LIST_POSITION;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), self->chosen ? position : 0);
  self->rebuilding = FALSE;

  if (g_strcmp0 (before, gawah_vocabulary_row_get_code (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
gawah_vocabulary_row_get_vocabulary (GawahVocabularyRow *self)
{
  g_return_val_if_fail (GAWAH_IS_VOCABULARY_ROW (self), NULL);
  return self->vocabulary_id;
}

void
gawah_vocabulary_row_set_vocabulary (GawahVocabularyRow *self,
                                     const char         *vocabulary_id)
{
  g_return_if_fail (GAWAH_IS_VOCABULARY_ROW (self));

  if (replace_string (&self->vocabulary_id, vocabulary_id))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOCABULARY]);
    }
}

const char *
gawah_vocabulary_row_get_parent_code (GawahVocabularyRow *self)
{
  g_return_val_if_fail (GAWAH_IS_VOCABULARY_ROW (self), NULL);
  return self->parent_code;
}

void
gawah_vocabulary_row_set_parent_code (GawahVocabularyRow *self,
                                      const char         *parent_code)
{
  g_return_if_fail (GAWAH_IS_VOCABULARY_ROW (self));

  if (replace_string (&self->parent_code, parent_code))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_CODE]);
    }
}

const char *
gawah_vocabulary_row_get_none_label (GawahVocabularyRow *self)
{
  g_return_val_if_fail (GAWAH_IS_VOCABULARY_ROW (self), NULL);
  return self->none_label;
}

void
gawah_vocabulary_row_set_none_label (GawahVocabularyRow *self,
                                     const char         *none_label)
{
  g_return_if_fail (GAWAH_IS_VOCABULARY_ROW (self));

  if (replace_string (&self->none_label, none_label))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
    }
}

/* NULL when "none" is chosen, or nothing is offered. */
const char *
gawah_vocabulary_row_get_code (GawahVocabularyRow *self)
{
  guint selected;

  g_return_val_if_fail (GAWAH_IS_VOCABULARY_ROW (self), NULL);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected >= self->codes->len)
    return NULL;
  return g_ptr_array_index (self->codes, selected);
}

/* FALSE if the code is not offered; "none" (or the first term) is chosen then. */
gboolean
gawah_vocabulary_row_set_code (GawahVocabularyRow *self,
                               const char         *code)
{
  guint position;

  g_return_val_if_fail (GAWAH_IS_VOCABULARY_ROW (self), FALSE);

  position = find_code (self, code != NULL && *code != '\0' ? code : NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->chosen = position != GTK_INVALID_LIST_POSITION;
  return self->chosen;
}

static void
on_selected_cb (GawahVocabularyRow *self)
{
  if (self->rebuilding)
    return;
  self->chosen = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

static void
gawah_vocabulary_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GawahVocabularyRow *self = GAWAH_VOCABULARY_ROW (object);

  switch (prop_id)
    {
    case PROP_VOCABULARY:
      g_value_set_string (value, self->vocabulary_id);
      break;
    case PROP_PARENT_CODE:
      g_value_set_string (value, self->parent_code);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    case PROP_CODE:
      g_value_set_string (value, gawah_vocabulary_row_get_code (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_vocabulary_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GawahVocabularyRow *self = GAWAH_VOCABULARY_ROW (object);

  switch (prop_id)
    {
    case PROP_VOCABULARY:
      gawah_vocabulary_row_set_vocabulary (self, g_value_get_string (value));
      break;
    case PROP_PARENT_CODE:
      gawah_vocabulary_row_set_parent_code (self, g_value_get_string (value));
      break;
    case PROP_NONE_LABEL:
      gawah_vocabulary_row_set_none_label (self, g_value_get_string (value));
      break;
    case PROP_CODE:
      gawah_vocabulary_row_set_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_vocabulary_row_finalize (GObject *object)
{
  GawahVocabularyRow *self = GAWAH_VOCABULARY_ROW (object);

  g_free (self->vocabulary_id);
  g_free (self->parent_code);
  g_free (self->none_label);
  g_ptr_array_unref (self->codes);
  G_OBJECT_CLASS (gawah_vocabulary_row_parent_class)->finalize (object);
}

static void
gawah_vocabulary_row_class_init (GawahVocabularyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gawah_vocabulary_row_get_property;
  object_class->set_property = gawah_vocabulary_row_set_property;
  object_class->finalize = gawah_vocabulary_row_finalize;

  properties[PROP_VOCABULARY] =
    g_param_spec_string ("vocabulary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_CODE] =
    g_param_spec_string ("parent-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gawah_vocabulary_row_init (GawahVocabularyRow *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_cb), NULL);
}
