/* test-catalogue.c: the legal catalogue, against the facts gathered for it
 *
 * Headings, numbers and dates are facts a lawyer will cite from Gawah's
 * reports: a wrong one discredits the whole report. The Constitution's
 * headings are compared with the project's reference table itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-catalogue.h"
#include "gawah-test-utils.h"

#define LEGAL_FACTS_DEFAULT "/work/shared/reference/legal-facts.md"
#define HEADINGS_COPY "tests/data/constitution-headings.tsv"

/* One row of the Constitution table: "10 | Safeguards … (10(4): …)". */
typedef struct {
  char *number;     /* as printed: "10A" */
  char *heading;    /* the official heading, without the clause note */
  char *clause;     /* "10(4)" when the row notes a clause, else NULL */
} HeadingRow;

static void
heading_row_free (HeadingRow *row)
{
  g_free (row->number);
  g_free (row->heading);
  g_free (row->clause);
  g_free (row);
}

static GawahCatalogue *
catalogue (void)
{
  return gawah_catalogue_get_default ();
}

static const GawahProvision *
provision (const char *id)
{
  const GawahProvision *found = gawah_catalogue_find_provision (catalogue (), id);

  if (found == NULL)
    g_error ("provision %s is not in the catalogue", id);
  return found;
}

static const GawahInstrument *
instrument (const char *id)
{
  const GawahInstrument *found = gawah_catalogue_find_instrument (catalogue (), id);

  if (found == NULL)
    g_error ("instrument %s is not in the catalogue", id);
  return found;
}

/* The convention of docs/DATA-CONVENTIONS.md: "199(1)(b)(i)" → "199-1-b-i". */
static char *
id_for_number (const char *instrument_id,
               const char *number)
{
  g_autoptr(GString) id = g_string_new (instrument_id);

  g_string_append_c (id, '-');
  for (const char *p = number; *p != '\0'; p++)
    {
      if (*p == '(')
        g_string_append_c (id, '-');
      else if (*p != ')')
        g_string_append_c (id, g_ascii_tolower (*p));
    }
  return g_string_free (g_steal_pointer (&id), FALSE);
}

static HeadingRow *
parse_heading_row (const char *number,
                   const char *cell)
{
  g_autoptr(GRegex) note = g_regex_new ("^(.*?)\\s+\\((\\d+[A-Z]?(?:\\([0-9a-z]+\\))+):.*\\)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  HeadingRow *row = g_new0 (HeadingRow, 1);

  row->number = g_strstrip (g_strdup (number));
  if (g_regex_match (note, cell, 0, &match))
    {
      row->heading = g_match_info_fetch (match, 1);
      row->clause = g_match_info_fetch (match, 2);
    }
  else
    row->heading = g_strstrip (g_strdup (cell));
  return row;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The table under "## Constitution …" in legal-facts.md. */
static GPtrArray *
read_headings_markdown (const char *path)
{
  g_autofree char *text = read_text (path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_row_free);
  gboolean in_section = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (g_str_has_prefix (lines[i], "## "))
        in_section = g_str_has_prefix (lines[i], "## Constitution");
      if (!in_section || !g_str_has_prefix (lines[i], "|") ||
          g_str_has_prefix (lines[i], "| Art.") || g_str_has_prefix (lines[i], "|---"))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 4);
      g_ptr_array_add (rows, parse_heading_row (cells[1], g_strstrip (cells[2])));
    }
  return rows;
}

/* The copy kept in the source tree: "number<TAB>heading", # comments. */
static GPtrArray *
read_headings_copy (void)
{
  g_autofree char *path = test_source_path (HEADINGS_COPY);
  g_autofree char *text = read_text (path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_row_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 2);
      g_ptr_array_add (rows, parse_heading_row (cells[0], cells[1]));
    }
  return rows;
}

static const char *
legal_facts_path (void)
{
  const char *path = g_getenv ("GAWAH_LEGAL_FACTS");

  return path != NULL ? path : LEGAL_FACTS_DEFAULT;
}

/* The reference itself where it is available, else the copy. */
static GPtrArray *
read_official_headings (void)
{
  GPtrArray *rows;

  if (g_file_test (legal_facts_path (), G_FILE_TEST_EXISTS))
    rows = read_headings_markdown (legal_facts_path ());
  else
    rows = read_headings_copy ();
  /* 4, 8–28 with 10A, 19A and 25A, 184 and 199. */
  g_assert_cmpuint (rows->len, ==, 27);
  return rows;
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

  if (english == NULL || *english == '\0' || urdu == NULL || !has_arabic_script (urdu))
    g_error ("%s: needs an English text and an Urdu text in Arabic script", what);
}

static void
test_constitution_headings (void)
{
  g_autoptr(GPtrArray) rows = read_official_headings ();

  for (guint i = 0; i < rows->len; i++)
    {
      const HeadingRow *row = g_ptr_array_index (rows, i);
      g_autofree char *id = id_for_number ("const", row->number);
      const GawahProvision *article = provision (id);

      g_assert_cmpstr (article->number, ==, row->number);
      g_assert_cmpstr (article->heading.text[GAWAH_LANGUAGE_ENGLISH], ==, row->heading);
      g_assert_false (article->heading.unverified[GAWAH_LANGUAGE_ENGLISH]);
      g_assert_null (article->parent_id);
    }

  /* A known third-party error: Article 8 is not "Loyalty to the State". */
  g_assert_cmpstr (provision ("const-8")->heading.text[GAWAH_LANGUAGE_ENGLISH], !=, "Loyalty to the State");
}

/* The clauses the table singles out exist, nested in their articles. */
static void
test_constitution_clauses (void)
{
  g_autoptr(GPtrArray) rows = read_official_headings ();
  guint n_clauses = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const HeadingRow *row = g_ptr_array_index (rows, i);
      g_autofree char *article_id = id_for_number ("const", row->number);
      g_autofree char *clause_id = NULL;
      const GawahProvision *clause;

      if (row->clause == NULL)
        continue;
      clause_id = id_for_number ("const", row->clause);
      clause = provision (clause_id);
      g_assert_cmpstr (clause->number, ==, row->clause);
      g_assert_cmpstr (clause->parent_id, ==, article_id);
      n_clauses++;
    }
  /* 10(4), 14(2), 25(2), 184(3), 199(1)(b)(i) */
  g_assert_cmpuint (n_clauses, ==, 5);
}

/* The Constitution's articles are those of the table, in the table's order. */
static void
test_constitution_articles_in_order (void)
{
  g_autoptr(GPtrArray) rows = read_official_headings ();
  const GPtrArray *provisions = instrument ("const")->provisions;
  guint next = 0;

  for (guint i = 0; i < provisions->len; i++)
    {
      const GawahProvision *article = g_ptr_array_index (provisions, i);
      const HeadingRow *row;

      if (article->parent_id != NULL)
        continue;
      g_assert_cmpuint (next, <, rows->len);
      row = g_ptr_array_index (rows, next++);
      g_assert_cmpstr (article->number, ==, row->number);
    }
  g_assert_cmpuint (next, ==, rows->len);
}

/* The copy in tests/data must say what the reference says. */
static void
test_headings_copy_is_current (void)
{
  g_autoptr(GPtrArray) reference = NULL;
  g_autoptr(GPtrArray) copy = read_headings_copy ();

  if (!g_file_test (legal_facts_path (), G_FILE_TEST_EXISTS))
    {
      g_test_skip ("legal-facts.md is not available here");
      return;
    }
  reference = read_headings_markdown (legal_facts_path ());
  g_assert_cmpuint (copy->len, ==, reference->len);
  for (guint i = 0; i < copy->len; i++)
    {
      const HeadingRow *a = g_ptr_array_index (reference, i);
      const HeadingRow *b = g_ptr_array_index (copy, i);

      g_assert_cmpstr (a->number, ==, b->number);
      g_assert_cmpstr (a->heading, ==, b->heading);
      g_assert_cmpstr (a->clause, ==, b->clause);
    }
}

/* What the mapping table and the issue name, per instrument. */
static const char * const required_provisions[] = {
  "const-4", "const-8", "const-9", "const-10", "const-10-4", "const-10a", "const-11", "const-12",
  "const-13", "const-14", "const-14-2", "const-15", "const-16", "const-17", "const-18", "const-19",
  "const-19a", "const-20", "const-21", "const-22", "const-23", "const-24", "const-25", "const-25-2",
  "const-25a", "const-26", "const-27", "const-28", "const-184", "const-184-3", "const-199",
  "const-199-1-b-i",
  "iccpr-2", "iccpr-2-3", "iccpr-3", "iccpr-6", "iccpr-7", "iccpr-9", "iccpr-9-1", "iccpr-10",
  "iccpr-12", "iccpr-12-2", "iccpr-14", "iccpr-16", "iccpr-17", "iccpr-18", "iccpr-18-2", "iccpr-19",
  "iccpr-21", "iccpr-22", "iccpr-26", "iccpr-27",
  "uncat-1", "uncat-2", "uncat-12", "uncat-13", "uncat-14", "uncat-15", "uncat-16",
  "undhrd-1", "undhrd-2", "undhrd-3", "undhrd-4", "undhrd-5", "undhrd-5-a", "undhrd-5-b", "undhrd-6",
  "undhrd-7", "undhrd-8", "undhrd-9", "undhrd-10", "undhrd-11", "undhrd-12", "undhrd-12-2", "undhrd-13",
  "undhrd-14", "undhrd-15", "undhrd-16", "undhrd-17", "undhrd-18", "undhrd-19", "undhrd-20",
  "udhr-3", "udhr-5", "udhr-9", "udhr-10", "udhr-12", "udhr-13", "udhr-13-2", "udhr-16", "udhr-16-2",
  "udhr-18", "udhr-19", "udhr-20",
  "cedaw-2", "cedaw-7", "cedaw-16", "cedaw-29", "cedaw-29-1",
};

static void
test_required_provisions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_provisions); i++)
    {
      const GawahProvision *found = provision (required_provisions[i]);
      g_autofree char *instrument_id = g_strndup (required_provisions[i],
                                                  strchr (required_provisions[i], '-') - required_provisions[i]);

      g_assert_cmpstr (found->id, ==, required_provisions[i]);
      g_assert_cmpstr (found->instrument_id, ==, instrument_id);
      assert_bilingual (&found->heading, found->id);
      assert_bilingual (&found->summary, found->id);
    }
}

/* Every provision, including those no rule uses, is complete, and its id
 * follows from its number the way the conventions say. */
static void
test_every_provision_well_formed (void)
{
  const GPtrArray *instruments = gawah_catalogue_get_instruments (catalogue ());
  guint n_provisions = 0;

  for (guint i = 0; i < instruments->len; i++)
    {
      const GawahInstrument *in = g_ptr_array_index (instruments, i);

      assert_bilingual (&in->title, in->id);
      assert_bilingual (&in->short_title, in->id);
      for (guint p = 0; p < in->provisions->len; p++)
        {
          const GawahProvision *found = g_ptr_array_index (in->provisions, p);
          g_autofree char *expected_id = id_for_number (in->id, found->number);

          g_assert_cmpstr (found->id, ==, expected_id);
          g_assert_cmpstr (found->instrument_id, ==, in->id);
          g_assert_true (gawah_catalogue_find_provision (catalogue (), found->id) == found);
          assert_bilingual (&found->heading, found->id);
          assert_bilingual (&found->summary, found->id);
          n_provisions++;
        }
    }
  g_assert_cmpuint (n_provisions, >=, G_N_ELEMENTS (required_provisions));
}

static void
assert_parent (const char *clause_id,
               const char *article_id)
{
  const GawahProvision *clause = provision (clause_id);
  const GawahProvision *article = provision (article_id);

  g_assert_cmpstr (clause->parent_id, ==, article_id);
  g_assert_cmpstr (clause->instrument_id, ==, article->instrument_id);
  g_assert_null (article->parent_id);
}

static void
test_clause_parents (void)
{
  const GPtrArray *instruments = gawah_catalogue_get_instruments (catalogue ());

  assert_parent ("const-14-2", "const-14");
  assert_parent ("const-10-4", "const-10");
  assert_parent ("const-25-2", "const-25");
  assert_parent ("const-184-3", "const-184");
  assert_parent ("const-199-1-b-i", "const-199");
  assert_parent ("iccpr-2-3", "iccpr-2");
  assert_parent ("iccpr-9-1", "iccpr-9");
  assert_parent ("iccpr-12-2", "iccpr-12");
  assert_parent ("undhrd-5-a", "undhrd-5");
  assert_parent ("undhrd-12-2", "undhrd-12");
  assert_parent ("udhr-13-2", "udhr-13");
  assert_parent ("cedaw-29-1", "cedaw-29");
  g_assert_null (provision ("const-10a")->parent_id);

  /* In general: a clause's id extends its article's, within one instrument. */
  for (guint i = 0; i < instruments->len; i++)
    {
      const GawahInstrument *in = g_ptr_array_index (instruments, i);

      for (guint p = 0; p < in->provisions->len; p++)
        {
          const GawahProvision *found = g_ptr_array_index (in->provisions, p);
          g_autofree char *prefix = NULL;

          if (found->parent_id == NULL)
            continue;
          prefix = g_strconcat (found->parent_id, "-", NULL);
          g_assert_true (g_str_has_prefix (found->id, prefix));
          g_assert_cmpstr (provision (found->parent_id)->instrument_id, ==, in->id);
        }
    }
}

static void
assert_event (const char *instrument_id,
              const char *type,
              const char *date)
{
  const GawahInstrument *in = instrument (instrument_id);
  guint n_found = 0;

  for (guint i = 0; i < in->events->len; i++)
    {
      const GawahStatusEvent *event = g_ptr_array_index (in->events, i);

      if (g_strcmp0 (event->type, type) != 0)
        continue;
      g_assert_cmpstr (event->date, ==, date);
      g_assert_true (event->verified);
      n_found++;
    }
  if (n_found != 1)
    g_error ("%s: expected one “%s” event, found %u", instrument_id, type, n_found);
}

static void
test_pakistan_status_dates (void)
{
  assert_event ("iccpr", "signed", "2008-04-17");
  assert_event ("iccpr", "ratified", "2010-06-23");
  assert_event ("iccpr", "in-force", "2010-09-23");
  g_assert_cmpuint (instrument ("iccpr")->events->len, ==, 3);
  assert_event ("uncat", "signed", "2008-04-17");
  assert_event ("uncat", "ratified", "2010-06-23");
  assert_event ("cedaw", "acceded", "1996-03-12");
  assert_event ("undhrd", "adopted", "1998-12-09");   /* not 2000, as HURIDOCS has it */
  assert_event ("icescr", "signed", "2004-11-03");
  assert_event ("icescr", "ratified", "2008-04-17");
  assert_event ("crc", "signed", "1990-09-20");
  assert_event ("crc", "ratified", "1990-11-12");
  assert_event ("icerd", "signed", "1966-09-19");
  assert_event ("icerd", "ratified", "1966-09-21");
  assert_event ("crpd", "signed", "2008-09-25");
  assert_event ("crpd", "ratified", "2011-07-05");
}

/* Reports must never present Pakistan as bound by the ICPPED. */
static void
test_icpped_not_party (void)
{
  const GawahInstrument *icpped = instrument ("icpped");
  gboolean says_not_party = FALSE;

  g_assert_cmpuint (icpped->events->len, ==, 0);
  g_assert_cmpuint (icpped->provisions->len, ==, 0);
  for (guint i = 0; i < icpped->notes->len; i++)
    {
      const GawahStatusNote *note = g_ptr_array_index (icpped->notes, i);

      assert_bilingual (&note->text, "icpped note");
      if (!note->is_reservation && strstr (note->text.text[GAWAH_LANGUAGE_ENGLISH], "not a party") != NULL)
        says_not_party = TRUE;
    }
  g_assert_true (says_not_party);
}

static const GawahStatusNote *
find_reservation (const char *instrument_id,
                  const char *provision_id)
{
  const GawahInstrument *in = instrument (instrument_id);

  for (guint i = 0; i < in->notes->len; i++)
    {
      const GawahStatusNote *note = g_ptr_array_index (in->notes, i);

      if (note->is_reservation && g_strv_contains ((const char * const *) note->provision_ids, provision_id))
        return note;
    }
  return NULL;
}

static void
test_reservations (void)
{
  const GPtrArray *instruments = gawah_catalogue_get_instruments (catalogue ());
  const char * const sharia_reserved[] = { "iccpr-3", "iccpr-6", "iccpr-7", "iccpr-18", "iccpr-19" };

  for (guint i = 0; i < G_N_ELEMENTS (sharia_reserved); i++)
    g_assert_nonnull (find_reservation ("iccpr", sharia_reserved[i]));
  g_assert_nonnull (find_reservation ("iccpr", "iccpr-12"));
  g_assert_null (find_reservation ("iccpr", "iccpr-9"));
  g_assert_nonnull (find_reservation ("cedaw", "cedaw-29-1"));

  /* Every article a note names is in the catalogue, and every note speaks both languages. */
  for (guint i = 0; i < instruments->len; i++)
    {
      const GawahInstrument *in = g_ptr_array_index (instruments, i);

      for (guint n = 0; n < in->notes->len; n++)
        {
          const GawahStatusNote *note = g_ptr_array_index (in->notes, n);

          assert_bilingual (&note->text, in->id);
          for (guint p = 0; note->provision_ids[p] != NULL; p++)
            g_assert_cmpstr (provision (note->provision_ids[p])->instrument_id, ==, in->id);
        }
    }
}

/* What could not be checked against a primary text says so. */
static void
test_unverified_flags (void)
{
  const GPtrArray *constitution = instrument ("const")->provisions;
  const char * const unconfirmed_undhrd[] = { "undhrd-4", "undhrd-10", "undhrd-16", "undhrd-17",
                                              "undhrd-18", "undhrd-19", "undhrd-20" };

  /* The official Urdu headings of the Constitution could not be confirmed. */
  for (guint i = 0; i < constitution->len; i++)
    {
      const GawahProvision *found = g_ptr_array_index (constitution, i);

      g_assert_true (found->heading.unverified[GAWAH_LANGUAGE_URDU]);
      g_assert_false (found->heading.unverified[GAWAH_LANGUAGE_ENGLISH]);
      g_assert_false (found->verified);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unconfirmed_undhrd); i++)
    g_assert_false (provision (unconfirmed_undhrd[i])->verified);

  /* …and the flag is not simply set everywhere. */
  g_assert_true (provision ("undhrd-1")->verified);
  g_assert_true (provision ("undhrd-12")->verified);
  g_assert_true (provision ("iccpr-9")->verified);
  g_assert_false (provision ("iccpr-9")->heading.unverified[GAWAH_LANGUAGE_URDU]);
}

/* The unofficial Urdu renderings the reference records for 9, 10 and 10A. */
static void
test_constitution_urdu_renderings (void)
{
  g_assert_cmpstr (provision ("const-9")->heading.text[GAWAH_LANGUAGE_URDU], ==, "فرد کی سلامتی");
  g_assert_cmpstr (provision ("const-10")->heading.text[GAWAH_LANGUAGE_URDU], ==, "گرفتاری اور نظر بندی سے تحفظ");
  g_assert_cmpstr (provision ("const-10a")->heading.text[GAWAH_LANGUAGE_URDU], ==, "منصفانہ سماعت کا حق");
}

static void
test_eighteenth_amendment_note (void)
{
  const GawahInstrument *constitution = instrument ("const");
  gboolean found = FALSE;

  for (guint i = 0; i < constitution->notes->len; i++)
    {
      const GawahStatusNote *note = g_ptr_array_index (constitution->notes, i);
      const char *english = note->text.text[GAWAH_LANGUAGE_ENGLISH];

      if (strstr (english, "Eighteenth Amendment") != NULL &&
          strstr (english, "10A, 19A and 25A") != NULL &&
          strstr (english, "19 April 2010") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
assert_citation (const char *provision_id,
                 const char *expected)
{
  g_autofree char *citation = gawah_catalogue_dup_citation (catalogue (), provision_id);

  g_assert_cmpstr (citation, ==, expected);
}

/* The tests run in the C locale: citations come out in English. */
static void
test_citations (void)
{
  assert_citation ("iccpr-9-1", "ICCPR Art. 9(1)");
  assert_citation ("iccpr-9", "ICCPR Art. 9");
  assert_citation ("const-10a", "Constitution of Pakistan Art. 10A");
  assert_citation ("const-199-1-b-i", "Constitution of Pakistan Art. 199(1)(b)(i)");
  assert_citation ("undhrd-5-a", "UNDHRD Art. 5(a)");
  assert_citation ("cedaw-29-1", "CEDAW Art. 29(1)");
  /* Unknown ids are shown as they are, not dropped from a report. */
  assert_citation ("iccpr-99", "iccpr-99");
}

static void
test_order (void)
{
  const char * const instrument_order[] = { "const", "iccpr", "uncat", "undhrd", "udhr", "cedaw",
                                            "icescr", "crc", "icerd", "crpd", "icpped" };
  const char * const provision_order[] = { "const-4", "const-9", "const-10", "const-10-4", "const-10a",
                                           "const-11", "const-199-1-b-i", "iccpr-2", "iccpr-2-3", "iccpr-27",
                                           "uncat-1", "undhrd-1", "undhrd-20", "udhr-3", "cedaw-1", "cedaw-29-1" };
  const GPtrArray *instruments = gawah_catalogue_get_instruments (catalogue ());
  GawahCatalogue *c = catalogue ();

  g_assert_cmpuint (instruments->len, ==, G_N_ELEMENTS (instrument_order));
  for (guint i = 0; i < instruments->len; i++)
    g_assert_cmpstr (((const GawahInstrument *) g_ptr_array_index (instruments, i))->id, ==, instrument_order[i]);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (provision_order); i++)
    {
      g_assert_cmpint (gawah_catalogue_compare (c, provision_order[i], provision_order[i + 1]), <, 0);
      g_assert_cmpint (gawah_catalogue_compare (c, provision_order[i + 1], provision_order[i]), >, 0);
      g_assert_cmpuint (gawah_catalogue_get_order (c, provision_order[i]), <,
                        gawah_catalogue_get_order (c, provision_order[i + 1]));
    }
  g_assert_cmpint (gawah_catalogue_compare (c, "const-9", "const-9"), ==, 0);

  /* Unknown ids sort after everything known. */
  g_assert_cmpuint (gawah_catalogue_get_order (c, "no-such-provision"), ==, G_MAXUINT);
  g_assert_cmpint (gawah_catalogue_compare (c, "cedaw-29-1", "no-such-provision"), <, 0);
}

static void
test_lookup_unknown (void)
{
  g_assert_null (gawah_catalogue_find_provision (catalogue (), "const-5"));
  g_assert_null (gawah_catalogue_find_provision (catalogue (), "CONST-9"));
  g_assert_null (gawah_catalogue_find_provision (catalogue (), NULL));
  g_assert_null (gawah_catalogue_find_instrument (catalogue (), "echr"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/constitution/headings", test_constitution_headings);
  g_test_add_func ("/catalogue/constitution/clauses", test_constitution_clauses);
  g_test_add_func ("/catalogue/constitution/articles-in-order", test_constitution_articles_in_order);
  g_test_add_func ("/catalogue/constitution/headings-copy-is-current", test_headings_copy_is_current);
  g_test_add_func ("/catalogue/constitution/urdu-renderings", test_constitution_urdu_renderings);
  g_test_add_func ("/catalogue/constitution/eighteenth-amendment", test_eighteenth_amendment_note);
  g_test_add_func ("/catalogue/required-provisions", test_required_provisions);
  g_test_add_func ("/catalogue/every-provision-well-formed", test_every_provision_well_formed);
  g_test_add_func ("/catalogue/clause-parents", test_clause_parents);
  g_test_add_func ("/catalogue/status/dates", test_pakistan_status_dates);
  g_test_add_func ("/catalogue/status/icpped-not-party", test_icpped_not_party);
  g_test_add_func ("/catalogue/status/reservations", test_reservations);
  g_test_add_func ("/catalogue/unverified-flags", test_unverified_flags);
  g_test_add_func ("/catalogue/citations", test_citations);
  g_test_add_func ("/catalogue/order", test_order);
  g_test_add_func ("/catalogue/lookup-unknown", test_lookup_unknown);

  return g_test_run ();
}
