/* test-mapping.c: from "who did what to whom" to the provisions engaged
 *
 * First the rules on their own, against the ground-truth table a lawyer
 * wrote; then the casebook, where the one promise that matters is that a
 * reviewer's decision is never undone by the rules being run again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

static GawahMappingRules *
rules (void)
{
  return gawah_mapping_rules_get_default ();
}

static gboolean
has_arabic_script (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;
  return FALSE;
}

static const GawahSuggestion *
find_suggestion (GPtrArray  *suggestions,
                 const char *provision_id)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GawahSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->provision_id, provision_id))
        return suggestion;
    }
  return NULL;
}

static gboolean
rule_engages (const GawahRule *rule,
              const char      *provision_id)
{
  for (guint i = 0; i < rule->engages->len; i++)
    if (g_str_equal (((const GawahEngagement *) g_ptr_array_index (rule->engages, i))->provision_id, provision_id))
      return TRUE;
  return FALSE;
}

/* Each provision once, in catalogue order, and each backed by rules that
 * really engage it. */
static void
assert_suggestions_consistent (GPtrArray *suggestions)
{
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();

  for (guint i = 0; i < suggestions->len; i++)
    {
      const GawahSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (i > 0)
        g_assert_cmpint (gawah_catalogue_compare (catalogue,
                                                  ((const GawahSuggestion *) g_ptr_array_index (suggestions, i - 1))->provision_id,
                                                  suggestion->provision_id), <, 0);
      g_assert_cmpuint (suggestion->rule_ids->len, >, 0);
      for (guint r = 0; r < suggestion->rule_ids->len; r++)
        {
          const GawahRule *rule = gawah_mapping_rules_find (rules (), g_ptr_array_index (suggestion->rule_ids, r));

          g_assert_nonnull (rule);
          g_assert_true (rule_engages (rule, suggestion->provision_id));
        }
    }
}

/* "-" in the table means "nothing given". */
static char **
split_cell (const char *cell)
{
  if (g_str_equal (cell, "-"))
    return g_new0 (char *, 1);
  return g_strsplit (cell, " ", -1);
}

/* tests/data/mapping-ground-truth.tsv: act type, victim category, law,
 * and the provisions that must at least be suggested. */
static void
test_ground_truth (void)
{
  g_autofree char *path = test_source_path ("tests/data/mapping-ground-truth.tsv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_rows = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_auto(GStrv) categories = NULL;
      g_auto(GStrv) laws = NULL;
      g_auto(GStrv) expected = NULL;
      g_autoptr(GPtrArray) suggestions = NULL;
      GawahMappingInput input;

      if (*lines[i] == '\0')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 4);
      categories = split_cell (cells[1]);
      laws = split_cell (cells[2]);
      expected = g_strsplit (cells[3], " ", -1);
      input = (GawahMappingInput) {
        g_str_equal (cells[0], "-") ? NULL : cells[0],
        (const char * const *) categories,
        (const char * const *) laws,
      };

      suggestions = gawah_mapping_rules_suggest (rules (), &input, 1);
      assert_suggestions_consistent (suggestions);
      for (guint e = 0; expected[e] != NULL; e++)
        if (find_suggestion (suggestions, expected[e]) == NULL)
          g_error ("%s / %s / %s: %s is not suggested", cells[0], cells[1], cells[2], expected[e]);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 27);
}

static void
assert_known_codes (const char         *vocabulary_id,
                    char * const       *codes,
                    const GawahRule    *rule)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (gawah_vocabularies_lookup (gawah_vocabularies_get_default (), vocabulary_id, codes[i]) == NULL)
      g_error ("rule %s: “%s” is not a %s code", rule->id, codes[i], vocabulary_id);
}

/* A typo in the rules would silently suggest nothing. */
static void
test_rules_use_known_codes (void)
{
  const GPtrArray *all = gawah_mapping_rules_get_rules (rules ());

  g_assert_cmpuint (all->len, >=, 20);
  for (guint i = 0; i < all->len; i++)
    {
      const GawahRule *rule = g_ptr_array_index (all, i);

      g_assert_true (gawah_mapping_rules_find (rules (), rule->id) == rule);
      assert_known_codes (GAWAH_VOCAB_ACT_TYPE, rule->act_types, rule);
      assert_known_codes (GAWAH_VOCAB_HRD_CATEGORY, rule->victim_categories, rule);
      assert_known_codes (GAWAH_VOCAB_LAW, rule->laws, rule);
      g_assert_cmpuint (rule->engages->len, >, 0);
      for (guint e = 0; e < rule->engages->len; e++)
        {
          const GawahEngagement *engagement = g_ptr_array_index (rule->engages, e);

          if (gawah_catalogue_find_provision (gawah_catalogue_get_default (), engagement->provision_id) == NULL)
            g_error ("rule %s: provision %s is not in the catalogue", rule->id, engagement->provision_id);
          g_assert_true (g_str_equal (engagement->role, "violation") || g_str_equal (engagement->role, "remedy"));
        }
    }
  g_assert_null (gawah_mapping_rules_find (rules (), "no-such-rule"));
}

/* No act type may be recorded that the mapping cannot say anything about. */
static void
test_every_act_type_has_a_rule (void)
{
  const GawahVocabulary *act_types = gawah_vocabularies_find (gawah_vocabularies_get_default (), GAWAH_VOCAB_ACT_TYPE);
  const GPtrArray *terms = gawah_vocabulary_get_terms (act_types);
  const GPtrArray *all = gawah_mapping_rules_get_rules (rules ());

  g_assert_cmpuint (terms->len, ==, 17);
  for (guint t = 0; t < terms->len; t++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, t);
      gboolean covered = FALSE;

      for (guint i = 0; i < all->len && !covered; i++)
        covered = g_strv_contains ((const char * const *) ((const GawahRule *) g_ptr_array_index (all, i))->act_types,
                                   term->code);
      if (!covered)
        g_error ("act type %s has no rule", term->code);
    }
}

static void
test_reasons_bilingual (void)
{
  const GPtrArray *all = gawah_mapping_rules_get_rules (rules ());

  for (guint i = 0; i < all->len; i++)
    {
      const GawahRule *rule = g_ptr_array_index (all, i);
      const char *english = rule->reason.text[GAWAH_LANGUAGE_ENGLISH];
      const char *urdu = rule->reason.text[GAWAH_LANGUAGE_URDU];

      if (english == NULL || strlen (english) < 20 || urdu == NULL || !has_arabic_script (urdu))
        g_error ("rule %s needs a reason in English and in Urdu", rule->id);
    }
}

static void
assert_no_icpped (GPtrArray *suggestions)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GawahSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const GawahProvision *provision = gawah_catalogue_find_provision (gawah_catalogue_get_default (),
                                                                        suggestion->provision_id);

      g_assert_nonnull (provision);
      g_assert_cmpstr (provision->instrument_id, !=, "icpped");
    }
}

static const char **
codes_of (const char *vocabulary_id)
{
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (gawah_vocabularies_get_default (), vocabulary_id);
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);
  const char **codes = g_new0 (const char *, terms->len + 1);

  for (guint i = 0; i < terms->len; i++)
    codes[i] = ((const GawahTerm *) g_ptr_array_index (terms, i))->code;
  return codes;
}

/* Pakistan is not a party to the ICPPED: whatever the act, victim or law,
 * it is never suggested as binding. */
static void
test_icpped_never_suggested (void)
{
  g_autofree const char **act_types = codes_of (GAWAH_VOCAB_ACT_TYPE);
  g_autofree const char **categories = codes_of (GAWAH_VOCAB_HRD_CATEGORY);
  g_autofree const char **laws = codes_of (GAWAH_VOCAB_LAW);
  guint n_act_types = g_strv_length ((char **) act_types);
  guint n_categories = g_strv_length ((char **) categories);
  guint n_laws = g_strv_length ((char **) laws);

  /* One index past the end stands for "none given". */
  for (guint a = 0; a <= n_act_types; a++)
    for (guint c = 0; c <= n_categories; c++)
      for (guint l = 0; l <= n_laws; l++)
        {
          const char *category[] = { categories[c], NULL };
          const char *law[] = { laws[l], NULL };
          GawahMappingInput input = { act_types[a], category, law };
          g_autoptr(GPtrArray) suggestions = gawah_mapping_rules_suggest (rules (), &input, 1);

          assert_no_icpped (suggestions);
        }
}

static void
test_rule_matching (void)
{
  const GawahRule *assembly = gawah_mapping_rules_find (rules (), "judicial-harassment-assembly-association");
  const GawahRule *woman = gawah_mapping_rules_find (rules (), "victim-woman-hrd");
  const char *ata[] = { "peca-20", "ata-7", NULL };
  const char *sedition[] = { "ppc-124a", NULL };
  const char *woman_hrd[] = { "activist", "woman-hrd", NULL };
  const char *none[] = { NULL };

  g_assert_nonnull (assembly);
  g_assert_nonnull (woman);

  /* Every condition must hold; one listed code is enough for each. */
  g_assert_true (gawah_rule_matches (assembly, &(GawahMappingInput) { "judicial-harassment", none, ata }));
  g_assert_false (gawah_rule_matches (assembly, &(GawahMappingInput) { "judicial-harassment", none, sedition }));
  g_assert_false (gawah_rule_matches (assembly, &(GawahMappingInput) { "judicial-harassment", none, NULL }));
  g_assert_false (gawah_rule_matches (assembly, &(GawahMappingInput) { "arbitrary-arrest", none, ata }));

  /* A modifier without act type applies to any act, and to no act at all. */
  g_assert_true (gawah_rule_matches (woman, &(GawahMappingInput) { "torture", woman_hrd, none }));
  g_assert_true (gawah_rule_matches (woman, &(GawahMappingInput) { NULL, woman_hrd, NULL }));
  g_assert_false (gawah_rule_matches (woman, &(GawahMappingInput) { "torture", none, none }));
}

/* Several acts: each provision once, with every rule behind it once. */
static void
test_suggest_merges_acts (void)
{
  const char *woman_hrd[] = { "woman-hrd", NULL };
  const char *none[] = { NULL };
  GawahMappingInput inputs[] = {
    { "enforced-disappearance", woman_hrd, none },
    { "torture", woman_hrd, none },
  };
  g_autoptr(GPtrArray) suggestions = gawah_mapping_rules_suggest (rules (), inputs, G_N_ELEMENTS (inputs));
  const GawahSuggestion *const_9 = find_suggestion (suggestions, "const-9");
  const GawahSuggestion *habeas = find_suggestion (suggestions, "const-199-1-b-i");
  g_autoptr(GPtrArray) nothing = gawah_mapping_rules_suggest (rules (), inputs, 0);

  assert_suggestions_consistent (suggestions);
  g_assert_nonnull (const_9);
  g_assert_cmpuint (const_9->rule_ids->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (const_9->rule_ids, "enforced-disappearance", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (const_9->rule_ids, "torture", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (const_9->rule_ids, "victim-woman-hrd", g_str_equal, NULL));
  g_assert_cmpstr (const_9->role, ==, "violation");

  /* Habeas corpus is the remedy, not a right violated. */
  g_assert_nonnull (habeas);
  g_assert_cmpstr (habeas->role, ==, "remedy");
  g_assert_nonnull (find_suggestion (suggestions, "uncat-1"));
  g_assert_nonnull (find_suggestion (suggestions, "cedaw-2"));
  g_assert_null (find_suggestion (suggestions, "iccpr-12-2"));

  g_assert_cmpuint (nothing->len, ==, 0);
}

/* ---- Through the casebook ---- */

static GPtrArray *
list_mappings (CasebookFixture *fixture,
               gint64           incident_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *mappings = gawah_casebook_list_mappings (fixture->casebook, incident_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mappings);
  return mappings;
}

static const GawahProvisionMapping *
find_mapping (GPtrArray  *mappings,
              const char *provision_id)
{
  for (guint i = 0; i < mappings->len; i++)
    {
      const GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);

      if (g_str_equal (mapping->provision_id, provision_id))
        return mapping;
    }
  return NULL;
}

static const GawahProvisionMapping *
assert_mapping (GPtrArray  *mappings,
                const char *provision_id)
{
  const GawahProvisionMapping *mapping = find_mapping (mappings, provision_id);

  if (mapping == NULL)
    g_error ("%s is not among the incident's provisions", provision_id);
  return mapping;
}

static void
assert_rule_ids (const GawahProvisionMapping *mapping,
                 const char                  *expected)
{
  g_auto(GStrv) wanted = g_strsplit (expected, " ", -1);

  if (*expected == '\0')
    {
      g_assert_cmpuint (g_strv_length (mapping->rule_ids), ==, 0);
      return;
    }
  g_assert_cmpuint (g_strv_length (mapping->rule_ids), ==, g_strv_length (wanted));
  for (guint i = 0; wanted[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) mapping->rule_ids, wanted[i]));
}

static void
decide (CasebookFixture *fixture,
        gint64           incident_id,
        const char      *provision_id,
        GawahDecision    decision,
        const char      *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_decide_provision (fixture->casebook, incident_id, provision_id,
                                                  decision, note, &error));
  g_assert_no_error (error);
}

static void
refresh (CasebookFixture *fixture,
         gint64           incident_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_refresh_suggestions (fixture->casebook, incident_id, &error));
  g_assert_no_error (error);
}

/* A woman defender disappeared: an incident like many in the casebooks. */
static gint64
add_disappearance_of_woman_hrd (CasebookFixture *fixture)
{
  gint64 victim = test_add_person (fixture->casebook, "Saima Baloch", "صائمہ بلوچ", "woman-hrd activist");
  gint64 incident = test_add_incident (fixture->casebook, "Disappearance of Saima Baloch");

  test_add_act (fixture->casebook, incident, victim, "enforced-disappearance", NULL);
  return incident;
}

static void
test_casebook_suggestions (CasebookFixture *fixture,
                           gconstpointer    data)
{
  gint64 incident = add_disappearance_of_woman_hrd (fixture);
  g_autoptr(GPtrArray) mappings = list_mappings (fixture, incident);
  const char * const expected[] = { "const-4", "const-9", "const-10", "const-10a", "const-25-2",
                                    "iccpr-3", "cedaw-2", "cedaw-7" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GawahProvisionMapping *mapping = assert_mapping (mappings, expected[i]);

      g_assert_cmpint (mapping->incident_id, ==, incident);
      g_assert_cmpint (mapping->decision, ==, GAWAH_DECISION_PENDING);
      g_assert_false (mapping->added_by_reviewer);
      g_assert_null (mapping->decided_at);
      g_assert_cmpstr (mapping->note, ==, "");
      g_assert_nonnull (mapping->uuid);
    }
  assert_rule_ids (assert_mapping (mappings, "const-10"), "enforced-disappearance");
  assert_rule_ids (assert_mapping (mappings, "const-9"), "enforced-disappearance victim-woman-hrd");
  assert_rule_ids (assert_mapping (mappings, "const-25-2"), "victim-woman-hrd");
  assert_rule_ids (assert_mapping (mappings, "cedaw-2"), "victim-woman-hrd");
  g_assert_cmpstr (assert_mapping (mappings, "const-199-1-b-i")->role, ==, "remedy");
  g_assert_cmpstr (assert_mapping (mappings, "const-9")->role, ==, "violation");

  /* The rules for other acts stay out. */
  g_assert_null (find_mapping (mappings, "uncat-1"));
  g_assert_null (find_mapping (mappings, "iccpr-12-2"));

  /* Listed in catalogue order: the Constitution first, CEDAW last. */
  g_assert_cmpstr (((GawahProvisionMapping *) g_ptr_array_index (mappings, 0))->provision_id, ==, "const-4");
  for (guint i = 1; i < mappings->len; i++)
    g_assert_cmpint (gawah_catalogue_compare (gawah_catalogue_get_default (),
                                              ((GawahProvisionMapping *) g_ptr_array_index (mappings, i - 1))->provision_id,
                                              ((GawahProvisionMapping *) g_ptr_array_index (mappings, i))->provision_id), <, 0);
}

#define REJECT_NOTE "No arrest was ever acknowledged: Article 10 does not fit, Article 9 does."
#define CONFIRM_NOTE "Confirmed by the High Court in the habeas petition."
#define ADDED_NOTE "The family was refused information about her whereabouts."

/* The decisions the reviewer took in test_decisions_survive, as they must
 * stay whatever happens to the acts. */
static void
assert_decisions_kept (GPtrArray  *mappings,
                       const char *rejected_at)
{
  const GawahProvisionMapping *rejected = assert_mapping (mappings, "const-10");
  const GawahProvisionMapping *confirmed = assert_mapping (mappings, "const-9");
  const GawahProvisionMapping *added = assert_mapping (mappings, "const-19a");

  g_assert_cmpint (rejected->decision, ==, GAWAH_DECISION_REJECTED);
  g_assert_cmpstr (rejected->note, ==, REJECT_NOTE);
  g_assert_cmpstr (rejected->decided_at, ==, rejected_at);
  g_assert_false (rejected->added_by_reviewer);

  g_assert_cmpint (confirmed->decision, ==, GAWAH_DECISION_CONFIRMED);
  g_assert_cmpstr (confirmed->note, ==, CONFIRM_NOTE);
  g_assert_false (confirmed->added_by_reviewer);

  g_assert_cmpint (added->decision, ==, GAWAH_DECISION_CONFIRMED);
  g_assert_cmpstr (added->note, ==, ADDED_NOTE);
  g_assert_true (added->added_by_reviewer);
  g_assert_cmpuint (g_strv_length (added->rule_ids), ==, 0);
}

static void
delete_all_acts (CasebookFixture *fixture,
                 gint64           incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (fixture->casebook, incident_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, >, 0);
  for (guint i = 0; i < acts->len; i++)
    {
      g_assert_true (gawah_casebook_delete_act (fixture->casebook, ((GawahAct *) g_ptr_array_index (acts, i))->id, &error));
      g_assert_no_error (error);
    }
}

static void
test_decisions_survive (CasebookFixture *fixture,
                        gconstpointer    data)
{
  gint64 incident = add_disappearance_of_woman_hrd (fixture);
  gint64 victim = gawah_casebook_find_person_by_name (fixture->casebook, "Saima Baloch", NULL);
  g_autoptr(GPtrArray) suggested = list_mappings (fixture, incident);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after_new_act = NULL;
  g_autoptr(GPtrArray) after_refresh = NULL;
  g_autoptr(GPtrArray) after_deletion = NULL;
  g_autofree char *rejected_at = NULL;

  /* Article 19A is the reviewer's own addition: no rule suggests it here. */
  g_assert_null (find_mapping (suggested, "const-19a"));

  decide (fixture, incident, "const-10", GAWAH_DECISION_REJECTED, REJECT_NOTE);
  decide (fixture, incident, "const-9", GAWAH_DECISION_CONFIRMED, CONFIRM_NOTE);
  decide (fixture, incident, "const-19a", GAWAH_DECISION_CONFIRMED, ADDED_NOTE);

  before = list_mappings (fixture, incident);
  rejected_at = g_strdup (assert_mapping (before, "const-10")->decided_at);
  g_assert_nonnull (rejected_at);
  assert_decisions_kept (before, rejected_at);
  /* Deciding does not change the rules behind a suggestion. */
  assert_rule_ids (assert_mapping (before, "const-10"), "enforced-disappearance");
  assert_rule_ids (assert_mapping (before, "const-9"), "enforced-disappearance victim-woman-hrd");

  /* Torture engages Articles 9 and 10A again, and new ones. */
  test_add_act (fixture->casebook, incident, victim, "torture", NULL);
  after_new_act = list_mappings (fixture, incident);
  assert_decisions_kept (after_new_act, rejected_at);
  assert_rule_ids (assert_mapping (after_new_act, "const-9"), "enforced-disappearance torture victim-woman-hrd");
  g_assert_cmpint (assert_mapping (after_new_act, "const-14-2")->decision, ==, GAWAH_DECISION_PENDING);

  refresh (fixture, incident);
  after_refresh = list_mappings (fixture, incident);
  assert_decisions_kept (after_refresh, rejected_at);
  g_assert_cmpuint (after_refresh->len, ==, after_new_act->len);

  /* Without acts, what nobody decided goes; what a reviewer decided stays. */
  delete_all_acts (fixture, incident);
  after_deletion = list_mappings (fixture, incident);
  assert_decisions_kept (after_deletion, rejected_at);
  g_assert_cmpuint (after_deletion->len, ==, 3);
  assert_rule_ids (assert_mapping (after_deletion, "const-10"), "");
  assert_rule_ids (assert_mapping (after_deletion, "const-9"), "");
  g_assert_cmpint (test_count_rows (fixture->casebook, "provision_mapping"), ==, 3);
}

static GArray *
engaging (CasebookFixture *fixture,
          const char      *provision_id,
          gboolean         confirmed_only)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = gawah_casebook_incidents_engaging (fixture->casebook, provision_id, confirmed_only, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static void
assert_ids (GArray *ids,
            guint   n_expected,
            ...)
{
  va_list args;

  g_assert_cmpuint (ids->len, ==, n_expected);
  va_start (args, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, va_arg (args, gint64));
  va_end (args);
}

static gint64
add_incident_with_act (CasebookFixture *fixture,
                       gint64           victim,
                       const char      *title,
                       const char      *act_type)
{
  gint64 incident = test_add_incident (fixture->casebook, title);

  test_add_act (fixture->casebook, incident, victim, act_type, NULL);
  return incident;
}

static void
test_incidents_engaging (CasebookFixture *fixture,
                         gconstpointer    data)
{
  gint64 victim = test_add_person (fixture->casebook, "Ali Raza", NULL, "journalist");
  gint64 disappeared = add_incident_with_act (fixture, victim, "Disappearance", "enforced-disappearance");
  gint64 arrested = add_incident_with_act (fixture, victim, "Arrest", "arbitrary-arrest");
  gint64 threatened = add_incident_with_act (fixture, victim, "Threats", "threat");
  gint64 smeared = add_incident_with_act (fixture, victim, "Smear campaign", "online-harassment");
  g_autoptr(GArray) article_10 = NULL;
  g_autoptr(GArray) article_9 = NULL;
  g_autoptr(GArray) clause_9_1 = NULL;
  g_autoptr(GArray) confirmed_9 = NULL;
  g_autoptr(GArray) confirmed_9_later = NULL;
  g_autoptr(GArray) article_2 = NULL;
  g_autoptr(GArray) article_26 = NULL;

  decide (fixture, disappeared, "const-10", GAWAH_DECISION_REJECTED, "No arrest acknowledged");

  /* A rejected provision is not engaged. */
  assert_ids (article_10 = engaging (fixture, "const-10", FALSE), 1, arrested);

  /* An article is engaged by any of its clauses: threats engage ICCPR 9(1). */
  assert_ids (article_9 = engaging (fixture, "iccpr-9", FALSE), 3, disappeared, arrested, threatened);
  assert_ids (clause_9_1 = engaging (fixture, "iccpr-9-1", FALSE), 1, threatened);

  /* ICCPR 2 covers 2(3), but not 26 that merely starts with the same digit. */
  assert_ids (article_26 = engaging (fixture, "iccpr-26", FALSE), 1, smeared);
  assert_ids (article_2 = engaging (fixture, "iccpr-2", FALSE), 1, disappeared);

  assert_ids (confirmed_9 = engaging (fixture, "iccpr-9", TRUE), 0);
  decide (fixture, threatened, "iccpr-9-1", GAWAH_DECISION_CONFIRMED, NULL);
  assert_ids (confirmed_9_later = engaging (fixture, "iccpr-9", TRUE), 1, threatened);
}

static void
test_engaging_unknown_provision (CasebookFixture *fixture,
                                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gawah_casebook_incidents_engaging (fixture->casebook, "icpped-1", FALSE, &error);

  g_assert_null (ids);
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_nonnull (strstr (error->message, "icpped-1"));
}

static void
test_decide_unknown_provision (CasebookFixture *fixture,
                               gconstpointer    data)
{
  gint64 incident = add_disappearance_of_woman_hrd (fixture);
  gint64 n_mappings = test_count_rows (fixture->casebook, "provision_mapping");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (n_mappings, >, 0);
  g_assert_false (gawah_casebook_decide_provision (fixture->casebook, incident, "const-99",
                                                   GAWAH_DECISION_CONFIRMED, "typo", &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_true (g_str_has_prefix (error->message, "Provision: "));
  g_assert_nonnull (strstr (error->message, "const-99"));
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (fixture->casebook, "provision_mapping"), ==, n_mappings);

  /* Nor on an incident that does not exist. */
  g_assert_false (gawah_casebook_decide_provision (fixture->casebook, incident + 100, "const-9",
                                                   GAWAH_DECISION_CONFIRMED, NULL, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND);
  g_assert_cmpint (test_count_rows (fixture->casebook, "provision_mapping"), ==, n_mappings);
}

static void
save_categories (CasebookFixture *fixture,
                 gint64           person_id,
                 const char      *categories)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahPerson) person = gawah_casebook_get_person (fixture->casebook, person_id, &error);

  g_assert_no_error (error);
  g_strfreev (person->categories);
  person->categories = g_strsplit (categories, " ", -1);
  g_assert_true (gawah_casebook_save_person (fixture->casebook, person, &error));
  g_assert_no_error (error);
}

/* Learning later that the victim is a woman defender changes what the
 * incident engages, without anyone touching the incident. */
static void
test_victim_category_change (CasebookFixture *fixture,
                             gconstpointer    data)
{
  gint64 victim = test_add_person (fixture->casebook, "Nargis Khan", NULL, "activist");
  gint64 incident = add_incident_with_act (fixture, victim, "Disappearance of Nargis Khan", "enforced-disappearance");
  g_autoptr(GPtrArray) before = list_mappings (fixture, incident);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) reverted = NULL;

  g_assert_null (find_mapping (before, "cedaw-2"));
  g_assert_null (find_mapping (before, "const-25-2"));

  save_categories (fixture, victim, "activist woman-hrd");
  after = list_mappings (fixture, incident);
  assert_rule_ids (assert_mapping (after, "cedaw-2"), "victim-woman-hrd");
  assert_rule_ids (assert_mapping (after, "cedaw-7"), "victim-woman-hrd");
  assert_rule_ids (assert_mapping (after, "const-25-2"), "victim-woman-hrd");
  assert_rule_ids (assert_mapping (after, "const-9"), "enforced-disappearance victim-woman-hrd");

  /* Taking it back withdraws the pending suggestions, not a decided one. */
  decide (fixture, incident, "cedaw-7", GAWAH_DECISION_CONFIRMED, "Targeted for her political work");
  save_categories (fixture, victim, "activist");
  reverted = list_mappings (fixture, incident);
  g_assert_null (find_mapping (reverted, "cedaw-2"));
  g_assert_null (find_mapping (reverted, "const-25-2"));
  assert_rule_ids (assert_mapping (reverted, "cedaw-7"), "");
  g_assert_cmpint (assert_mapping (reverted, "cedaw-7")->decision, ==, GAWAH_DECISION_CONFIRMED);
  assert_rule_ids (assert_mapping (reverted, "const-9"), "enforced-disappearance");
}

static gint64
find_incident_by_title (CasebookFixture *fixture,
                        const char      *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = gawah_casebook_list_incidents (fixture->casebook, 0, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    {
      const GawahIncident *incident = g_ptr_array_index (incidents, i);

      if (g_str_equal (incident->title, title))
        return incident->id;
    }
  g_error ("no incident “%s” in the sample", title);
}

static void
assert_engages (CasebookFixture *fixture,
                gint64           incident_id,
                const char      *provision_id)
{
  g_autoptr(GArray) ids = engaging (fixture, provision_id, FALSE);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == incident_id)
      return;
  g_error ("incident %" G_GINT64_FORMAT " does not engage %s", incident_id, provision_id);
}

static gboolean
has_provision_of (GPtrArray  *mappings,
                  const char *instrument_prefix)
{
  for (guint i = 0; i < mappings->len; i++)
    if (g_str_has_prefix (((GawahProvisionMapping *) g_ptr_array_index (mappings, i))->provision_id, instrument_prefix))
      return TRUE;
  return FALSE;
}

/* The sample cases, as a lawyer would expect them to be mapped. */
static void
test_sample_cases (CasebookFixture *fixture,
                   gconstpointer    data)
{
  gint64 khattak, ismail, rehman_killing, rehman_threats;
  g_autoptr(GPtrArray) ismail_mappings = NULL;
  g_autoptr(GPtrArray) threat_mappings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_decided = -1;

  casebook_fixture_import_sample (fixture);
  khattak = find_incident_by_title (fixture, "Enforced disappearance and military trial of Idris Khattak");
  ismail = find_incident_by_title (fixture, "Criminal charge, Exit Control List, surveillance and raids against Gulalai Ismail");
  rehman_killing = find_incident_by_title (fixture, "Killing of lawyer Rashid Rehman in Multan");
  rehman_threats = find_incident_by_title (fixture, "Threats against lawyer Rashid Rehman in the courtroom");

  assert_engages (fixture, khattak, "const-9");
  assert_engages (fixture, khattak, "iccpr-9");
  assert_engages (fixture, khattak, "iccpr-14");   /* the military trial */

  ismail_mappings = list_mappings (fixture, ismail);
  g_assert_true (has_provision_of (ismail_mappings, "cedaw-"));
  assert_rule_ids (assert_mapping (ismail_mappings, "cedaw-2"), "victim-woman-hrd");
  assert_rule_ids (assert_mapping (ismail_mappings, "iccpr-12-2"), "travel-ban law-exit-control");
  assert_engages (fixture, ismail, "iccpr-12-2");
  assert_engages (fixture, ismail, "iccpr-12");

  assert_engages (fixture, rehman_killing, "iccpr-6");
  /* Threats alone do not engage the right to life in the rules. */
  threat_mappings = list_mappings (fixture, rehman_threats);
  g_assert_null (find_mapping (threat_mappings, "iccpr-6"));
  g_assert_nonnull (find_mapping (threat_mappings, "iccpr-9-1"));

  /* Nobody has reviewed the sample: everything is pending. */
  gawah_db_query_int (gawah_casebook_get_db (fixture->casebook),
                      "SELECT count(*) FROM provision_mapping WHERE decision != 'pending'", &n_decided, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_decided, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mapping/rules/ground-truth", test_ground_truth);
  g_test_add_func ("/mapping/rules/known-codes", test_rules_use_known_codes);
  g_test_add_func ("/mapping/rules/every-act-type", test_every_act_type_has_a_rule);
  g_test_add_func ("/mapping/rules/reasons-bilingual", test_reasons_bilingual);
  g_test_add_func ("/mapping/rules/icpped-never-suggested", test_icpped_never_suggested);
  g_test_add_func ("/mapping/rules/matching", test_rule_matching);
  g_test_add_func ("/mapping/rules/merges-acts", test_suggest_merges_acts);

  g_test_add ("/mapping/casebook/suggestions", CasebookFixture, NULL,
              casebook_fixture_set_up, test_casebook_suggestions, casebook_fixture_tear_down);
  g_test_add ("/mapping/casebook/decisions-survive", CasebookFixture, NULL,
              casebook_fixture_set_up, test_decisions_survive, casebook_fixture_tear_down);
  g_test_add ("/mapping/casebook/incidents-engaging", CasebookFixture, NULL,
              casebook_fixture_set_up, test_incidents_engaging, casebook_fixture_tear_down);
  g_test_add ("/mapping/casebook/engaging-unknown-provision", CasebookFixture, NULL,
              casebook_fixture_set_up, test_engaging_unknown_provision, casebook_fixture_tear_down);
  g_test_add ("/mapping/casebook/decide-unknown-provision", CasebookFixture, NULL,
              casebook_fixture_set_up, test_decide_unknown_provision, casebook_fixture_tear_down);
  g_test_add ("/mapping/casebook/victim-category-change", CasebookFixture, NULL,
              casebook_fixture_set_up, test_victim_category_change, casebook_fixture_tear_down);
  g_test_add ("/mapping/casebook/sample-cases", CasebookFixture, NULL,
              casebook_fixture_set_up, test_sample_cases, casebook_fixture_tear_down);

  return g_test_run ();
}
