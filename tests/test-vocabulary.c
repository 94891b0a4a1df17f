/* test-vocabulary.c: the coded vocabularies, against the document that defines them
 *
 * docs/DATA-CONVENTIONS.md is the contract between the data files, the
 * mapping rules and the casebook; the table is read at test time so that
 * the document and the data can never drift apart unnoticed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gawah-error.h"
#include "gawah-language.h"
#include "gawah-test-utils.h"
#include "gawah-vocabulary.h"

/* One row of the "Vocabularies" table. */
typedef struct {
  char  *id;
  char **codes;     /* in the document's order */
} ConventionRow;

static void
convention_row_free (ConventionRow *row)
{
  g_free (row->id);
  g_strfreev (row->codes);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConventionRow, convention_row_free)

/* "pk-pb (Punjab)" is the code pk-pb with a gloss for the reader. */
static char *
strip_gloss (const char *cell)
{
  const char *paren = strchr (cell, '(');
  g_autofree char *code = paren != NULL ? g_strndup (cell, paren - cell) : g_strdup (cell);

  return g_strdup (g_strstrip (code));
}

static char **
split_codes (const char *cell)
{
  g_auto(GStrv) parts = g_strsplit (cell, ",", -1);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *code = strip_gloss (parts[i]);

      if (*code != '\0')
        g_strv_builder_add (codes, code);
    }
  return g_strv_builder_end (codes);
}

/* The district row describes a rule and gives examples in parentheses:
 * "(lahore, karachi-south, dera-ismail-khan, islamabad)". */
static char **
district_examples (const char *cell)
{
  const char *open = strrchr (cell, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;
  g_autofree char *inside = NULL;

  g_assert_nonnull (open);
  g_assert_nonnull (close);
  inside = g_strndup (open + 1, close - open - 1);
  return split_codes (inside);
}

static ConventionRow *
parse_row (const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, "|", -1);
  ConventionRow *row;

  /* "| id | codes |" splits into "", " id ", " codes ", "". */
  g_assert_cmpuint (g_strv_length (cells), ==, 4);
  row = g_new0 (ConventionRow, 1);
  row->id = g_strdup (g_strstrip (cells[1]));
  row->codes = g_str_equal (row->id, "district") ? district_examples (cells[2]) : split_codes (cells[2]);
  return row;
}

/* The rows of the table under "## Vocabularies", in order. */
static GPtrArray *
read_convention_table (void)
{
  g_autofree char *path = test_source_path ("docs/DATA-CONVENTIONS.md");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) convention_row_free);
  gboolean in_section = FALSE;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "## "))
        in_section = g_str_has_prefix (lines[i], "## Vocabularies");
      else if (in_section && g_str_has_prefix (lines[i], "|") &&
               !g_str_has_prefix (lines[i], "| id ") && !g_str_has_prefix (lines[i], "|---"))
        g_ptr_array_add (rows, parse_row (lines[i]));
    }
  /* A parser that silently reads nothing would make every test pass. */
  g_assert_cmpuint (rows->len, >=, 20);
  return rows;
}

static const ConventionRow *
find_row (GPtrArray  *rows,
          const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ConventionRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->id, id))
        return row;
    }
  g_assert_not_reached ();
}

static gboolean
has_arabic_script (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;
  return FALSE;
}

static void
assert_bilingual (const GawahText *text,
                  const char      *what)
{
  const char *english = text->text[GAWAH_LANGUAGE_ENGLISH];
  const char *urdu = text->text[GAWAH_LANGUAGE_URDU];

  if (english == NULL || *english == '\0' || urdu == NULL || *urdu == '\0')
    g_error ("%s: English or Urdu label missing", what);
  if (!has_arabic_script (urdu))
    g_error ("%s: Urdu label “%s” has no Arabic-script character", what, urdu);
  g_assert_false (has_arabic_script (english));
}

static GPtrArray *
top_level_codes (const GawahVocabulary *vocabulary)
{
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);

      if (term->parent_code == NULL)
        g_ptr_array_add (codes, term->code);
    }
  return codes;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every vocabulary of the document is loaded, and nothing else. */
static void
test_ids_match_document (void)
{
  g_autoptr(GPtrArray) rows = read_convention_table ();
  g_autoptr(GPtrArray) loaded = gawah_vocabularies_list_ids (gawah_vocabularies_get_default ());
  g_autoptr(GPtrArray) documented = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const ConventionRow *row = g_ptr_array_index (rows, i);

      /* Districts live inside the province vocabulary. */
      if (!g_str_equal (row->id, "district"))
        g_ptr_array_add (documented, row->id);
    }
  g_ptr_array_sort (documented, compare_strings);

  g_assert_cmpuint (loaded->len, ==, documented->len);
  for (guint i = 0; i < loaded->len; i++)
    g_assert_cmpstr (g_ptr_array_index (loaded, i), ==, g_ptr_array_index (documented, i));
}

/* The codes are exactly those of the document, in its order: the order is
 * the one people see in every list. */
static void
test_codes_match_document (void)
{
  g_autoptr(GPtrArray) rows = read_convention_table ();
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();

  for (guint r = 0; r < rows->len; r++)
    {
      const ConventionRow *row = g_ptr_array_index (rows, r);
      const GawahVocabulary *vocabulary;
      g_autoptr(GPtrArray) codes = NULL;

      if (g_str_equal (row->id, "district"))
        continue;
      vocabulary = gawah_vocabularies_find (vocabularies, row->id);
      g_assert_nonnull (vocabulary);
      g_assert_cmpstr (gawah_vocabulary_get_id (vocabulary), ==, row->id);

      codes = top_level_codes (vocabulary);
      g_test_message ("%s: %u codes", row->id, codes->len);
      g_assert_cmpuint (codes->len, ==, g_strv_length (row->codes));
      for (guint i = 0; row->codes[i] != NULL; i++)
        g_assert_cmpstr (g_ptr_array_index (codes, i), ==, row->codes[i]);
    }
}

static void
test_labels_bilingual (void)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  g_autoptr(GPtrArray) ids = gawah_vocabularies_list_ids (vocabularies);
  guint n_terms = 0;

  for (guint v = 0; v < ids->len; v++)
    {
      const GawahVocabulary *vocabulary = gawah_vocabularies_find (vocabularies, g_ptr_array_index (ids, v));
      const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);

      assert_bilingual (gawah_vocabulary_get_title (vocabulary), gawah_vocabulary_get_id (vocabulary));
      for (guint i = 0; i < terms->len; i++)
        {
          const GawahTerm *term = g_ptr_array_index (terms, i);
          g_autofree char *what = g_strdup_printf ("%s/%s", gawah_vocabulary_get_id (vocabulary), term->code);

          assert_bilingual (&term->label, what);
          n_terms++;
        }
    }
  /* The province vocabulary alone has well over a hundred districts. */
  g_assert_cmpuint (n_terms, >, 300);
}

static void
assert_district (const char *district,
                 const char *province)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  const GawahTerm *term = gawah_vocabularies_lookup (vocabularies, GAWAH_VOCAB_PROVINCE, district);

  if (term == NULL)
    g_error ("district %s is missing", district);
  g_assert_cmpstr (term->parent_code, ==, province);
}

/* Every district hangs under a province, which is itself at the top. */
static void
test_districts_under_provinces (void)
{
  g_autoptr(GPtrArray) rows = read_convention_table ();
  const ConventionRow *districts = find_row (rows, "district");
  const ConventionRow *provinces = find_row (rows, "province");
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (gawah_vocabularies_get_default (),
                                                               GAWAH_VOCAB_PROVINCE);
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);
  guint n_districts = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);

      if (term->parent_code == NULL)
        continue;
      g_assert_true (g_strv_contains ((const char * const *) provinces->codes, term->parent_code));
      n_districts++;
    }
  g_assert_cmpuint (n_districts, >, 100);

  /* The examples the document gives exist, each under some province. */
  g_assert_cmpuint (g_strv_length (districts->codes), ==, 4);
  for (guint i = 0; districts->codes[i] != NULL; i++)
    {
      const GawahTerm *term = gawah_vocabulary_lookup (vocabulary, districts->codes[i]);

      g_assert_nonnull (term);
      g_assert_nonnull (term->parent_code);
    }

  assert_district ("islamabad", "pk-is");
  assert_district ("multan", "pk-pb");
  assert_district ("lahore", "pk-pb");
  assert_district ("swabi", "pk-kp");
  assert_district ("dera-ismail-khan", "pk-kp");
  assert_district ("quetta", "pk-ba");
  assert_district ("karachi-south", "pk-sd");
}

/* The error must let a user fix the field: it names the field and the code. */
static void
test_check_names_field_and_code (void)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_vocabularies_check (vocabularies, GAWAH_VOCAB_ACT_TYPE, "torture", "Type of act", &error));
  g_assert_no_error (error);

  g_assert_false (gawah_vocabularies_check (vocabularies, GAWAH_VOCAB_ACT_TYPE, "kidnapping", "Type of act", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_true (g_str_has_prefix (error->message, "Type of act: "));
  g_assert_nonnull (strstr (error->message, "kidnapping"));
  g_clear_error (&error);

  /* A code of another vocabulary is not good enough. */
  g_assert_false (gawah_vocabularies_check (vocabularies, GAWAH_VOCAB_HRD_CATEGORY, "torture", "Category", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_true (g_str_has_prefix (error->message, "Category: "));
  g_assert_nonnull (strstr (error->message, "torture"));
  g_clear_error (&error);

  /* Codes are case-sensitive: the database stores them as they are. */
  g_assert_false (gawah_vocabularies_check (vocabularies, GAWAH_VOCAB_PROVINCE, "PK-PB", "Province", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_nonnull (strstr (error->message, "PK-PB"));
  g_clear_error (&error);

  g_assert_false (gawah_vocabularies_check (vocabularies, GAWAH_VOCAB_SEX, NULL, "Sex", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_true (g_str_has_prefix (error->message, "Sex: "));
}

static void
test_lookup_unknown (void)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();

  g_assert_null (gawah_vocabularies_find (vocabularies, "no-such-vocabulary"));
  g_assert_null (gawah_vocabularies_lookup (vocabularies, "no-such-vocabulary", "torture"));
  g_assert_null (gawah_vocabularies_lookup (vocabularies, GAWAH_VOCAB_ACT_TYPE, NULL));
  g_assert_null (gawah_vocabularies_lookup (vocabularies, GAWAH_VOCAB_ACT_TYPE, ""));
}

/* The test environment runs in the C locale: labels come out in English,
 * and an unknown code is shown as itself rather than hidden. */
static void
test_label_english (void)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();

  g_assert_cmpint (gawah_language_current (), ==, GAWAH_LANGUAGE_ENGLISH);
  g_assert_cmpstr (gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_ACT_TYPE, "enforced-disappearance"),
                   ==, "Enforced disappearance");
  g_assert_cmpstr (gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_PROVINCE, "pk-pb"), ==, "Punjab");
  g_assert_cmpstr (gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_ACT_TYPE, "kidnapping"), ==, "kidnapping");
}

/* In a child process, so that the changed environment stays there. */
static void
test_label_urdu (void)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();

  if (g_test_subprocess ())
    {
      const GawahTerm *term = gawah_vocabularies_lookup (vocabularies, GAWAH_VOCAB_ACT_TYPE,
                                                         "enforced-disappearance");

      g_setenv ("LANGUAGE", "ur", TRUE);
      setlocale (LC_ALL, "");
      g_assert_cmpint (gawah_language_current (), ==, GAWAH_LANGUAGE_URDU);
      g_assert_cmpstr (gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_ACT_TYPE, "enforced-disappearance"),
                       ==, "جبری گمشدگی");
      g_assert_true (gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_ACT_TYPE, "enforced-disappearance") ==
                     term->label.text[GAWAH_LANGUAGE_URDU]);
      g_assert_cmpstr (gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_PROVINCE, "pk-pb"), ==, "پنجاب");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* English first in the user's list wins over Urdu later in it. */
static void
test_language_order (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "en_GB:ur", TRUE);
      setlocale (LC_ALL, "");
      g_assert_cmpint (gawah_language_current (), ==, GAWAH_LANGUAGE_ENGLISH);
      g_setenv ("LANGUAGE", "ur_PK:en", TRUE);
      setlocale (LC_ALL, "");
      g_assert_cmpint (gawah_language_current (), ==, GAWAH_LANGUAGE_URDU);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Loading twice gives independent, identical copies. */
static void
test_load_again (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahVocabularies) loaded = gawah_vocabularies_load (&error);
  const GawahVocabulary *act_types;

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (loaded != gawah_vocabularies_get_default ());
  act_types = gawah_vocabularies_find (loaded, GAWAH_VOCAB_ACT_TYPE);
  g_assert_nonnull (act_types);
  g_assert_cmpuint (gawah_vocabulary_get_terms (act_types)->len, ==,
                    gawah_vocabulary_get_terms (gawah_vocabularies_find (gawah_vocabularies_get_default (),
                                                                         GAWAH_VOCAB_ACT_TYPE))->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vocabulary/ids-match-document", test_ids_match_document);
  g_test_add_func ("/vocabulary/codes-match-document", test_codes_match_document);
  g_test_add_func ("/vocabulary/labels-bilingual", test_labels_bilingual);
  g_test_add_func ("/vocabulary/districts-under-provinces", test_districts_under_provinces);
  g_test_add_func ("/vocabulary/check-names-field-and-code", test_check_names_field_and_code);
  g_test_add_func ("/vocabulary/lookup-unknown", test_lookup_unknown);
  g_test_add_func ("/vocabulary/label/english", test_label_english);
  g_test_add_func ("/vocabulary/label/urdu", test_label_urdu);
  g_test_add_func ("/vocabulary/label/language-order", test_language_order);
  g_test_add_func ("/vocabulary/load-again", test_load_again);

  return g_test_run ();
}
