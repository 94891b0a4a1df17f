/* test-search.c: full-text search over incidents and people, English and Urdu
 *
 * Search is how a documentalist finds out whether a case is already in the
 * casebook; a missed match means a duplicate record, a stale match means a
 * deleted or renamed record leaking back into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-error.h"
#include "gawah-test-utils.h"

/* A small casebook where each word lives in exactly one field. */
typedef struct {
  gint64 idris;          /* person: Idris Khattak, ادریس خٹک */
  gint64 rashid;         /* person: Rashid Rehman, راشد رحمان */
  gint64 disappearance;  /* "habeas" only in its chronology, "interchange" only in its place */
  gint64 killing;
  gint64 threats;        /* Urdu title */
} Cases;

/* The searches that change nothing share one casebook: creating one
 * derives a key, which takes seconds under valgrind. */
static struct {
  CasebookFixture fixture;
  Cases           cases;
} queries;

static gint64
add_incident (CasebookFixture *fixture,
              const char      *title,
              const char      *summary,
              const char      *place)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  incident->summary = g_strdup (summary);
  incident->place = g_strdup (place);
  g_assert_true (gawah_casebook_save_incident (fixture->casebook, incident, &error));
  g_assert_no_error (error);
  return incident->id;
}

static GawahChronologyEntry *
add_chronology (CasebookFixture *fixture,
                gint64           incident_id,
                const char      *description)
{
  GawahChronologyEntry *entry = gawah_chronology_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->incident_id = incident_id;
  entry->description = g_strdup (description);
  g_assert_true (gawah_casebook_save_chronology_entry (fixture->casebook, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
add_cases (CasebookFixture *fixture,
           Cases           *cases)
{
  g_autoptr(GawahChronologyEntry) entry = NULL;

  cases->idris = test_add_person (fixture->casebook, "Idris Khattak", "ادریس خٹک", "researcher");
  cases->rashid = test_add_person (fixture->casebook, "Rashid Rehman", "راشد رحمان", "lawyer");

  cases->disappearance = add_incident (fixture, "Enforced disappearance of Idris Khattak",
                                       "Taken from his car by men in plain clothes.", "Swabi interchange");
  test_add_act (fixture->casebook, cases->disappearance, cases->idris, "enforced-disappearance", NULL);
  entry = add_chronology (fixture, cases->disappearance, "The family lodged a habeas petition.");

  cases->killing = add_incident (fixture, "Killing of lawyer Rashid Rehman", "Shot dead in his chambers.", "Multan");
  test_add_act (fixture->casebook, cases->killing, cases->rashid, "extrajudicial-killing", NULL);

  /* "Threats to a lawyer", with an English summary. */
  cases->threats = add_incident (fixture, "وکیل کو دھمکیاں", "Threats made in open court against the lawyer.", "Multan");
  test_add_act (fixture->casebook, cases->threats, cases->rashid, "threat", NULL);
}

static GArray *
search (CasebookFixture *fixture,
        const char      *text)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = gawah_casebook_search_incidents (fixture->casebook, text, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The matches as a set: rank order is SQLite's business. */
static void
assert_finds (CasebookFixture *fixture,
              const char      *text,
              guint            n_expected,
              ...)
{
  g_autoptr(GArray) ids = search (fixture, text);
  va_list args;

  if (ids->len != n_expected)
    g_error ("“%s” found %u incidents, expected %u", text, ids->len, n_expected);
  va_start (args, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_true (contains (ids, va_arg (args, gint64)));
  va_end (args);
}

static void
test_words (void)
{
  CasebookFixture *fixture = &queries.fixture;
  const Cases *c = &queries.cases;

  assert_finds (fixture, "disappearance", 1, c->disappearance);      /* title */
  assert_finds (fixture, "chambers", 1, c->killing);                 /* summary */
  assert_finds (fixture, "habeas", 1, c->disappearance);             /* chronology only */
  assert_finds (fixture, "interchange", 1, c->disappearance);        /* place only */
  assert_finds (fixture, "Rehman", 2, c->killing, c->threats);       /* a victim's name */
  assert_finds (fixture, "lawyer", 2, c->killing, c->threats);       /* title of one, summary of the other */
  assert_finds (fixture, "KHATTAK", 1, c->disappearance);            /* case does not matter */
  assert_finds (fixture, "Rehmán", 2, c->killing, c->threats);       /* nor do accents */
}

/* People type the beginning of a name they are unsure how to spell. */
static void
test_prefix (void)
{
  CasebookFixture *fixture = &queries.fixture;
  const Cases *c = &queries.cases;

  assert_finds (fixture, "khat", 1, c->disappearance);
  assert_finds (fixture, "ra", 2, c->killing, c->threats);
}

static void
test_urdu (void)
{
  CasebookFixture *fixture = &queries.fixture;
  const Cases *c = &queries.cases;

  assert_finds (fixture, "دھمکیاں", 1, c->threats);                  /* a word of an Urdu title */
  assert_finds (fixture, "ادریس", 1, c->disappearance);              /* a victim's Urdu name */
  assert_finds (fixture, "رحمان", 2, c->killing, c->threats);
  assert_finds (fixture, "وکیل دھمکیاں", 1, c->threats);
}

/* Every word must match, somewhere in the incident. */
static void
test_words_anded (void)
{
  CasebookFixture *fixture = &queries.fixture;
  const Cases *c = &queries.cases;

  assert_finds (fixture, "lawyer killing", 1, c->killing);
  assert_finds (fixture, "lawyer  \t court", 1, c->threats);
  assert_finds (fixture, "Idris habeas interchange", 1, c->disappearance);
  assert_finds (fixture, "lawyer Khattak", 0);
  assert_finds (fixture, "zzyzx", 0);
}

static void
test_empty_query (void)
{
  CasebookFixture *fixture = &queries.fixture;

  assert_finds (fixture, "", 0);
  assert_finds (fixture, "   \t\n ", 0);
  assert_finds (fixture, NULL, 0);
}

static void
test_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) one = NULL;
  CasebookFixture *fixture = &queries.fixture;
  const Cases *c = &queries.cases;

  one = gawah_casebook_search_incidents (fixture->casebook, "lawyer", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_true (g_array_index (one, gint64, 0) == c->killing || g_array_index (one, gint64, 0) == c->threats);
}

/* What people type is text, never FTS5 syntax: nothing they type can make
 * the query fail, and operators do not change the meaning. */
static void
test_operators_are_text (void)
{
  const char * const hostile[] = {
    "\"", "\"\"", "*", "**", "OR", "AND", "NOT", "NEAR(", "NEAR(khattak rehman)", "-", "--", "(", ")",
    "^", ":", "+", "title:", "title:khattak", "{title summary}:khattak", "khattak\"", "\"khattak",
    "khat*", "'", "\\", "%", "_", ";", "khattak OR", "OR khattak", "a\"b\"c", "NEAR(\"", "*khattak",
  };
  CasebookFixture *fixture = &queries.fixture;
  const Cases *c = &queries.cases;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GArray) ids = search (fixture, hostile[i]);

      g_test_message ("“%s”: %u", hostile[i], ids->len);
    }

  /* OR is a word, so all three must match and no incident has them all. */
  assert_finds (fixture, "Khattak OR Rehman", 0);
  /* A leading minus is not NOT. */
  assert_finds (fixture, "-khattak", 1, c->disappearance);
  /* Quotes and stars around a word still find the word. */
  assert_finds (fixture, "\"khattak\"", 1, c->disappearance);
  assert_finds (fixture, "khattak*", 1, c->disappearance);
  /* Punctuation between words is not a word that must match. */
  assert_finds (fixture, "Khattak -", 1, c->disappearance);
  assert_finds (fixture, "Idris & Khattak", 1, c->disappearance);
  assert_finds (fixture, "Khattak, Idris", 1, c->disappearance);
  assert_finds (fixture, "Idris (Khattak)", 1, c->disappearance);
  /* A column filter is not one: "title" is a word that nothing contains. */
  assert_finds (fixture, "title:khattak", 0);
}

static void
assert_no_problems (CasebookFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (gawah_casebook_check_integrity (fixture->casebook, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
save_title (CasebookFixture *fixture,
            gint64           incident_id,
            const char      *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (fixture->casebook, incident_id, &error);

  g_assert_no_error (error);
  g_free (incident->title);
  incident->title = g_strdup (title);
  g_assert_true (gawah_casebook_save_incident (fixture->casebook, incident, &error));
  g_assert_no_error (error);
}

static void
test_title_update (CasebookFixture *fixture,
                   gconstpointer    data)
{
  Cases c;

  add_cases (fixture, &c);
  save_title (fixture, c.disappearance, "Abduction of Idris Khattak");
  assert_finds (fixture, "disappearance", 0);
  assert_finds (fixture, "abduction", 1, c.disappearance);
  /* The rest of the incident's text is still there. */
  assert_finds (fixture, "habeas", 1, c.disappearance);
  assert_finds (fixture, "ادریس", 1, c.disappearance);
}

static void
test_chronology_update (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GawahChronologyEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  Cases c;

  add_cases (fixture, &c);
  entry = add_chronology (fixture, c.killing, "An FIR was refused at the police station.");
  assert_finds (fixture, "station", 1, c.killing);

  g_free (entry->description);
  entry->description = g_strdup ("An FIR was registered after a week.");
  g_assert_true (gawah_casebook_save_chronology_entry (fixture->casebook, entry, &error));
  g_assert_no_error (error);
  assert_finds (fixture, "station", 0);
  assert_finds (fixture, "registered", 1, c.killing);
}

static void
rename_person (CasebookFixture *fixture,
               gint64           person_id,
               const char      *name_latin,
               const char      *name_urdu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahPerson) person = gawah_casebook_get_person (fixture->casebook, person_id, &error);

  g_assert_no_error (error);
  g_free (person->name_latin);
  g_free (person->name_urdu);
  person->name_latin = g_strdup (name_latin);
  person->name_urdu = g_strdup (name_urdu);
  g_assert_true (gawah_casebook_save_person (fixture->casebook, person, &error));
  g_assert_no_error (error);
}

/* A name only the person record carries: renaming must move every
 * incident of the person, victim or perpetrator, to the new name. */
static void
test_person_rename (CasebookFixture *fixture,
                    gconstpointer    data)
{
  gint64 bilal = test_add_person (fixture->casebook, "Bilal Farooqi", "بلال فاروقی", "journalist");
  gint64 callers = test_add_person (fixture->casebook, "Anonymous callers", NULL, NULL);
  gint64 raid = add_incident (fixture, "Raid on a newspaper office", NULL, NULL);
  gint64 threat = add_incident (fixture, "Threatening calls to a reporter", NULL, NULL);
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autoptr(GError) error = NULL;

  test_add_act (fixture->casebook, raid, bilal, "raid", NULL);
  act->incident_id = threat;
  act->victim_id = bilal;
  act->act_type = g_strdup ("threat");
  gawah_act_add_involvement (act, callers, "did-it");
  g_assert_true (gawah_casebook_save_act (fixture->casebook, act, &error));
  g_assert_no_error (error);
  assert_finds (fixture, "Farooqi", 2, raid, threat);
  assert_finds (fixture, "anonymous", 1, threat);

  rename_person (fixture, bilal, "Bilal Siddiqui", "بلال صدیقی");
  assert_finds (fixture, "Farooqi", 0);
  assert_finds (fixture, "فاروقی", 0);
  assert_finds (fixture, "Siddiqui", 2, raid, threat);
  assert_finds (fixture, "صدیقی", 2, raid, threat);

  /* A perpetrator's name counts too. */
  rename_person (fixture, callers, "Hired callers", NULL);
  assert_finds (fixture, "anonymous", 0);
  assert_finds (fixture, "hired", 1, threat);
  assert_no_problems (fixture);
}

/* The victim of an act added later, or removed, is found accordingly. */
static void
test_act_changes (CasebookFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  gint64 act;
  Cases c;

  add_cases (fixture, &c);
  assert_finds (fixture, "Idris lawyer", 0);
  act = test_add_act (fixture->casebook, c.killing, c.idris, "threat", NULL);
  assert_finds (fixture, "Idris lawyer", 1, c.killing);
  g_assert_true (gawah_casebook_delete_act (fixture->casebook, act, &error));
  g_assert_no_error (error);
  assert_finds (fixture, "Idris lawyer", 0);
  assert_finds (fixture, "Idris", 1, c.disappearance);
}

static void
test_deleted_incident (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  Cases c;

  add_cases (fixture, &c);
  g_assert_true (gawah_casebook_delete_incident (fixture->casebook, c.disappearance, &error));
  g_assert_no_error (error);
  assert_finds (fixture, "khattak", 0);
  assert_finds (fixture, "habeas", 0);
  assert_finds (fixture, "ادریس", 0);
  assert_finds (fixture, "Rehman", 2, c.killing, c.threats);
  assert_no_problems (fixture);
}

static void
assert_finds_person (CasebookFixture *fixture,
                     const char      *text,
                     gint64           expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gawah_casebook_search_people (fixture->casebook, text, 0, &error);

  g_assert_no_error (error);
  if (expected == 0)
    {
      g_assert_cmpuint (ids->len, ==, 0);
      return;
    }
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected);
}

static void
test_search_people (CasebookFixture *fixture,
                    gconstpointer    data)
{
  Cases c;

  add_cases (fixture, &c);
  assert_finds_person (fixture, "Idris", c.idris);
  assert_finds_person (fixture, "khat", c.idris);
  assert_finds_person (fixture, "ادریس", c.idris);
  assert_finds_person (fixture, "راشد رحمان", c.rashid);
  assert_finds_person (fixture, "Rashid Khattak", 0);
  assert_finds_person (fixture, "NEAR(\"", 0);
  assert_finds_person (fixture, "", 0);

  /* People are found by their current name only. */
  rename_person (fixture, c.idris, "Muhammad Idris", "محمد ادریس");
  assert_finds_person (fixture, "Khattak", 0);
  assert_finds_person (fixture, "خٹک", 0);
  assert_finds_person (fixture, "Muhammad", c.idris);
}


/* After every kind of change, both indexes agree with the records. */
static void
test_integrity_after_changes (CasebookFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  Cases c;

  add_cases (fixture, &c);
  assert_no_problems (fixture);
  save_title (fixture, c.disappearance, "Abduction of Idris Khattak");
  rename_person (fixture, c.rashid, "Rashid Rahman", "راشد رحمٰن");
  test_add_act (fixture->casebook, c.killing, c.idris, "threat", NULL);
  g_assert_true (gawah_casebook_delete_incident (fixture->casebook, c.threats, &error));
  g_assert_no_error (error);
  assert_no_problems (fixture);

  /* The sample on top: many people, acts, perpetrators and chronology. */
  casebook_fixture_import_sample (fixture);
  assert_no_problems (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Queries on the shared casebook, then changes, each on a casebook of its own. */
  g_test_add_func ("/search/words", test_words);
  g_test_add_func ("/search/prefix", test_prefix);
  g_test_add_func ("/search/urdu", test_urdu);
  g_test_add_func ("/search/words-anded", test_words_anded);
  g_test_add_func ("/search/empty-query", test_empty_query);
  g_test_add_func ("/search/limit", test_limit);
  g_test_add_func ("/search/operators-are-text", test_operators_are_text);

#define ADD(path, func) \
  g_test_add ("/search/" path, CasebookFixture, NULL, casebook_fixture_set_up, func, casebook_fixture_tear_down)

  ADD ("title-update", test_title_update);
  ADD ("chronology-update", test_chronology_update);
  ADD ("person-rename", test_person_rename);
  ADD ("act-changes", test_act_changes);
  ADD ("deleted-incident", test_deleted_incident);
  ADD ("people", test_search_people);
  ADD ("integrity-after-changes", test_integrity_after_changes);

#undef ADD

  casebook_fixture_set_up (&queries.fixture, NULL);
  add_cases (&queries.fixture, &queries.cases);
  status = g_test_run ();
  casebook_fixture_tear_down (&queries.fixture, NULL);
  return status;
}
