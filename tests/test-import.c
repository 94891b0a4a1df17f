/* test-import.c: reading casebook documents, good and hostile
 *
 * Documents come from other organisations, by e-mail or USB stick: the
 * importer must take all of a good one, none of a bad one, say where the
 * problem is, and never let a document reach outside itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "gawah-casebook-import.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

#define CASEBOOK_NS "urn:gawah:casebook:1"

/* Every table that holds a record; an import that fails leaves them all as they were. */
static const char * const record_tables[] = {
  "person", "person_category", "incident", "act", "involvement", "act_law", "chronology",
  "follow_up", "source", "evidence", "incident_link", "provision_mapping",
};

/* Documents that must be refused all go to one casebook, which must stay
 * empty throughout: creating a casebook derives a key, which takes seconds
 * under valgrind. */
static CasebookFixture refused;

/* ---- Counting the sample independently of the importer ---- */

typedef struct {
  guint people;
  guint incidents;
  guint acts;
  guint chronology;
  guint follow_ups;
  guint sources;
  guint links;
  guint involvements;
  guint laws;
  guint categories;
  long  first_person_line;
} ElementCounts;

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, CASEBOOK_NS) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static void
count_act (xmlNode       *act,
           ElementCounts *counts)
{
  counts->acts++;
  for (xmlNode *child = act->children; child != NULL; child = child->next)
    {
      if (is_element (child, "perpetrator"))
        counts->involvements++;
      else if (is_element (child, "law"))
        counts->laws++;
    }
}

static void
count_incident (xmlNode       *incident,
                ElementCounts *counts)
{
  counts->incidents++;
  for (xmlNode *child = incident->children; child != NULL; child = child->next)
    {
      if (is_element (child, "act"))
        count_act (child, counts);
      else if (is_element (child, "chronology"))
        counts->chronology++;
      else if (is_element (child, "follow-up"))
        counts->follow_ups++;
      else if (is_element (child, "source"))
        counts->sources++;
    }
}

static void
count_person (xmlNode       *person,
              ElementCounts *counts)
{
  if (counts->people++ == 0)
    counts->first_person_line = xmlGetLineNo (person);
  for (xmlNode *child = person->children; child != NULL; child = child->next)
    if (is_element (child, "category"))
      counts->categories++;
}

static void
count_sample_elements (ElementCounts *counts)
{
  g_autofree char *path = test_source_path ("data/samples/sample-casebook.xml");
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlNode *root;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_true (is_element (root, "casebook"));
  *counts = (ElementCounts) { 0 };
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "person"))
        count_person (child, counts);
      else if (is_element (child, "incident"))
        count_incident (child, counts);
      else if (is_element (child, "link"))
        counts->links++;
    }
  xmlFreeDoc (doc);
}

static void
assert_tables_match_sample (CasebookFixture     *fixture,
                            const ElementCounts *expected)
{
  g_assert_cmpint (test_count_rows (fixture->casebook, "person"), ==, expected->people);
  g_assert_cmpint (test_count_rows (fixture->casebook, "person_category"), ==, expected->categories);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, expected->incidents);
  g_assert_cmpint (test_count_rows (fixture->casebook, "act"), ==, expected->acts);
  g_assert_cmpint (test_count_rows (fixture->casebook, "involvement"), ==, expected->involvements);
  g_assert_cmpint (test_count_rows (fixture->casebook, "act_law"), ==, expected->laws);
  g_assert_cmpint (test_count_rows (fixture->casebook, "chronology"), ==, expected->chronology);
  g_assert_cmpint (test_count_rows (fixture->casebook, "follow_up"), ==, expected->follow_ups);
  g_assert_cmpint (test_count_rows (fixture->casebook, "source"), ==, expected->sources);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident_link"), ==, expected->links);
}

static void
import_sample (CasebookFixture   *fixture,
               GawahImportCounts *counts)
{
  g_autofree char *path = test_source_path ("data/samples/sample-casebook.xml");
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_casebook_import_file (fixture->casebook, path, counts, &error));
  g_assert_no_error (error);
}

static void
test_sample_counts (CasebookFixture *fixture,
                    gconstpointer    data)
{
  GawahImportCounts counts = { 0 };
  ElementCounts expected;

  count_sample_elements (&expected);
  /* The sample is not trivial: every kind of record is there. */
  g_assert_cmpuint (expected.people, >=, 10);
  g_assert_cmpuint (expected.incidents, >=, 10);
  g_assert_cmpuint (expected.follow_ups, >, 0);
  g_assert_cmpuint (expected.links, >, 0);
  g_assert_cmpuint (expected.laws, >, 0);

  import_sample (fixture, &counts);
  g_assert_cmpuint (counts.people, ==, expected.people);
  g_assert_cmpuint (counts.incidents, ==, expected.incidents);
  g_assert_cmpuint (counts.acts, ==, expected.acts);
  g_assert_cmpuint (counts.chronology, ==, expected.chronology);
  g_assert_cmpuint (counts.follow_ups, ==, expected.follow_ups);
  g_assert_cmpuint (counts.sources, ==, expected.sources);
  g_assert_cmpuint (counts.links, ==, expected.links);
  assert_tables_match_sample (fixture, &expected);

  /* Every incident with acts has suggestions waiting for review. */
  g_assert_cmpint (test_count_rows (fixture->casebook, "provision_mapping"), >, 0);
}

/* The document's ids are the records' ids: they are how a record is
 * recognised when it comes back from another organisation. */
static void
test_sample_keeps_ids (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncident) killing = NULL;
  g_autoptr(GawahPerson) ismail = NULL;
  gint64 id;

  import_sample (fixture, NULL);
  id = gawah_casebook_find_incident (fixture->casebook, "9e67be9e-7e73-4a25-860b-4a894f07b1f4", &error);
  g_assert_no_error (error);
  killing = gawah_casebook_get_incident (fixture->casebook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (killing->title, ==, "Killing of lawyer Rashid Rehman in Multan");
  g_assert_cmpstr (killing->province, ==, "pk-pb");
  g_assert_cmpstr (killing->district, ==, "multan");
  g_assert_cmpuint (killing->start.year, ==, 2014);
  g_assert_cmpint (killing->start.precision, ==, GAWAH_PRECISION_YEAR);

  id = gawah_casebook_find_person_by_name (fixture->casebook, "گلالئی اسماعیل", &error);
  g_assert_no_error (error);
  ismail = gawah_casebook_get_person (fixture->casebook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ismail->uuid, ==, "ad5bca6b-e15f-441e-8f3f-148a5721405a");
  g_assert_cmpstr (ismail->name_latin, ==, "Gulalai Ismail");
  g_assert_cmpuint (g_strv_length (ismail->categories), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) ismail->categories, "woman-hrd"));
}

static void
assert_record_tables (CasebookFixture *fixture,
                      const gint64    *expected)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    {
      gint64 rows = test_count_rows (fixture->casebook, record_tables[i]);

      if (rows != (expected != NULL ? expected[i] : 0))
        g_error ("table %s has %" G_GINT64_FORMAT " rows", record_tables[i], rows);
    }
}

/* Importing the same document twice merges by UUID: every record is
 * already there and identical, nothing is added, and nothing is a conflict. */
static void
test_sample_twice (CasebookFixture *fixture,
                   gconstpointer    data)
{
  g_autofree char *path = test_source_path ("data/samples/sample-casebook.xml");
  g_autoptr(GError) error = NULL;
  GawahImportCounts counts = { 99, 99, 99, 99, 99, 99, 99 };
  gint64 before[G_N_ELEMENTS (record_tables)];
  ElementCounts expected;

  count_sample_elements (&expected);
  import_sample (fixture, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    before[i] = test_count_rows (fixture->casebook, record_tables[i]);

  g_assert_true (gawah_casebook_import_file (fixture->casebook, path, &counts, &error));
  g_assert_no_error (error);
  assert_record_tables (fixture, before);
  assert_tables_match_sample (fixture, &expected);
  g_assert_cmpuint (counts.people, ==, 0);
  g_assert_cmpuint (counts.incidents, ==, 0);
  g_assert_cmpuint (counts.acts, ==, 0);
  g_assert_cmpuint (counts.links, ==, 0);
}

/* ---- Invalid documents ---- */

typedef struct {
  const char *file;
  int         code;
  int         line;
  const char *mentions[3];
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  /* libxml2's own guard stops the expansion before the DOCTYPE check: the
   * reason is libxml2's, at the line of the reference. */
  { "billion-laughs.xml", GAWAH_ERROR_PARSE, 0, { NULL } },
  { "dangling-victim.xml", GAWAH_ERROR_NOT_FOUND, 12, { "Victim", "4ed19e3b-1120-4314-a684-d73ff8dcaed5" } },
  { "empty-title.xml", GAWAH_ERROR_PARSE, 8, { NULL } },                  /* the <title> line */
  { "external-entity.xml", GAWAH_ERROR_PARSE, 3, { "DOCTYPE" } },
  { "impossible-date.xml", GAWAH_ERROR_PARSE, 9, { "2019-02-30" } },
  { "not-utf8.xml", GAWAH_ERROR_PARSE, 8, { NULL } },
  { "truncated.xml", GAWAH_ERROR_PARSE, 12, { NULL } },                  /* where the data stops */
  { "unknown-act-type.xml", GAWAH_ERROR_UNKNOWN_CODE, 12, { "Type of act", "kidnapping" } },
};

static const InvalidCase *
find_invalid_case (const char *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    if (g_str_equal (invalid_cases[i].file, file))
      return &invalid_cases[i];
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_invalid_files (void)
{
  g_autofree char *dir = test_source_path ("tests/data/casebook-invalid");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);
  return files;
}

static void
assert_invalid_file_fails (CasebookFixture *fixture,
                           const char      *file)
{
  g_autofree char *relative = g_build_filename ("tests/data/casebook-invalid", file, NULL);
  g_autofree char *path = test_source_path (relative);
  g_autofree char *prefix = g_strdup_printf ("%s, line ", file);
  const InvalidCase *expected = find_invalid_case (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (gawah_casebook_import_file (fixture->casebook, path, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", file, error->message);
  g_assert_true (error->domain == GAWAH_ERROR);
  /* Where to look: the file and the line, before the reason. */
  g_assert_true (g_str_has_prefix (error->message, prefix));
  assert_record_tables (fixture, NULL);

  /* Every file in the folder is expected to be listed above, with what its error must say. */
  g_assert_nonnull (expected);
  g_assert_cmpint (error->code, ==, expected->code);
  if (expected->line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s, line %d: ", file, expected->line);

      g_assert_true (g_str_has_prefix (error->message, where));
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected->mentions) && expected->mentions[i] != NULL; i++)
    g_assert_nonnull (strstr (error->message, expected->mentions[i]));
}

static void
test_invalid_files (void)
{
  CasebookFixture *fixture = &refused;
  g_autoptr(GPtrArray) files = list_invalid_files ();

  g_assert_cmpuint (files->len, >=, G_N_ELEMENTS (invalid_cases));
  for (guint i = 0; i < files->len; i++)
    assert_invalid_file_fails (fixture, g_ptr_array_index (files, i));
}

/* The first line of /etc/passwd, or a stand-in where there is none. */
static char *
passwd_marker (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/etc/passwd", &text, NULL, NULL) || *text == '\0')
    return g_strdup ("root:x:0:0:");
  return g_strndup (text, strcspn (text, "\n"));
}

static gboolean
table_contains (CasebookFixture *fixture,
                const char      *table,
                const char      *text)
{
  sqlite3 *db = gawah_db_get_handle (gawah_casebook_get_db (fixture->casebook));
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (!found && sqlite3_step (stmt) == SQLITE_ROW)
    for (int column = 0; column < sqlite3_column_count (stmt) && !found; column++)
      {
        const char *value = (const char *) sqlite3_column_blob (stmt, column);
        int size = sqlite3_column_bytes (stmt, column);

        found = value != NULL && g_strstr_len (value, size, text) != NULL;
      }
  sqlite3_finalize (stmt);
  return found;
}

/* XXE: the document's entity points at /etc/passwd. Nothing of that file
 * may reach the casebook, in any table, nor the error shown to the user. */
static void
test_external_entity_never_loaded (void)
{
  CasebookFixture *fixture = &refused;
  g_autofree char *path = test_source_path ("tests/data/casebook-invalid/external-entity.xml");
  g_autofree char *marker = passwd_marker ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = gawah_db_get_handle (gawah_casebook_get_db (fixture->casebook));
  sqlite3_stmt *stmt = NULL;

  g_assert_false (gawah_casebook_import_file (fixture->casebook, path, NULL, &error));
  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
  g_assert_null (strstr (error->message, marker));

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_cmpuint (tables->len, >=, G_N_ELEMENTS (record_tables));
  for (guint i = 0; i < tables->len; i++)
    if (table_contains (fixture, g_ptr_array_index (tables, i), marker))
      g_error ("table %s holds text from /etc/passwd", (const char *) g_ptr_array_index (tables, i));
}

/* ---- Documents from memory, with a name of the caller's choosing ---- */

#define DOCUMENT_START \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<casebook xmlns=\"urn:gawah:casebook:1\" version=\"1\">\n" \
  "  <person id=\"7825dd1f-9e16-4954-b163-b83ced321a64\" kind=\"individual\">\n" \
  "    <name-latin>Test Person</name-latin>\n" \
  "  </person>\n"

#define INCIDENT(uuid, title) \
  "  <incident id=\"" uuid "\">\n" \
  "    <title>" title "</title>\n" \
  "    <verification>confirmed</verification>\n" \
  "    <confidentiality>public</confidentiality>\n" \
  "    <status>open</status>\n"

#define ACT(uuid, victim, type) \
  "    <act id=\"" uuid "\" victim=\"" victim "\" type=\"" type "\"/>\n"

#define VICTIM "7825dd1f-9e16-4954-b163-b83ced321a64"

static GError *
import_text (CasebookFixture *fixture,
             const char      *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  GError *error = NULL;

  g_assert_false (gawah_casebook_import_document (fixture->casebook, bytes, "pasted.xml", NULL, &error));
  g_assert_nonnull (error);
  return error;
}

static void
test_unknown_act_type (void)
{
  CasebookFixture *fixture = &refused;
  g_autoptr(GError) error = import_text (fixture,
    DOCUMENT_START
    INCIDENT ("11d8eb82-4954-4851-8545-e728bdff7dc0", "Abduction of a lawyer")
    ACT ("7c724628-d0b5-4484-87a2-a4e4f3d54e2e", VICTIM, "abduction")       /* line 11 */
    "  </incident>\n"
    "</casebook>\n");

  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_true (g_str_has_prefix (error->message, "pasted.xml, line 11: Type of act: "));
  g_assert_nonnull (strstr (error->message, "abduction"));
  assert_record_tables (fixture, NULL);
}

static void
test_dangling_victim (void)
{
  CasebookFixture *fixture = &refused;
  g_autoptr(GError) error = import_text (fixture,
    DOCUMENT_START
    INCIDENT ("11d8eb82-4954-4851-8545-e728bdff7dc0", "Threats")
    ACT ("7c724628-d0b5-4484-87a2-a4e4f3d54e2e", "4ed19e3b-1120-4314-a684-d73ff8dcaed5", "threat")
    "  </incident>\n"
    "</casebook>\n");

  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "pasted.xml, line 11: Victim: "));
  g_assert_nonnull (strstr (error->message, "4ed19e3b-1120-4314-a684-d73ff8dcaed5"));
  assert_record_tables (fixture, NULL);
}

/* A good first incident is not kept when a later one is bad. */
static void
test_all_or_nothing (CasebookFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(GError) error = import_text (fixture,
    DOCUMENT_START
    INCIDENT ("11d8eb82-4954-4851-8545-e728bdff7dc0", "Threats")
    ACT ("7c724628-d0b5-4484-87a2-a4e4f3d54e2e", VICTIM, "threat")
    "  </incident>\n"
    INCIDENT ("2a2d9a36-3b0e-4d57-9f0a-6c1b2f1e6a01", "Charge under PECA")         /* line 13 */
    "    <act id=\"5b9f3c1e-7d2a-4e8b-9c4d-1a2b3c4d5e6f\" victim=\"" VICTIM "\" type=\"judicial-harassment\">\n"
    "      <law code=\"peca-99\"/>\n"
    "    </act>\n"
    "  </incident>\n"
    "</casebook>\n");

  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE);
  g_assert_true (g_str_has_prefix (error->message, "pasted.xml, line 18: Law invoked: "));
  g_assert_nonnull (strstr (error->message, "peca-99"));
  assert_record_tables (fixture, NULL);

  /* The casebook is still usable: the sample goes in afterwards. */
  import_sample (fixture, NULL);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), >, 0);
}

/* The line of a DOCTYPE is its own, even with nothing before it. */
static void
test_doctype_line (void)
{
  CasebookFixture *fixture = &refused;
  g_autoptr(GError) error = import_text (fixture,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE casebook [\n"
    "  <!ENTITY name \"Test Person\">\n"
    "]>\n"
    "<casebook xmlns=\"urn:gawah:casebook:1\" version=\"1\">\n"
    "  <person id=\"7825dd1f-9e16-4954-b163-b83ced321a64\" kind=\"individual\">\n"
    "    <name-latin>&name;</name-latin>\n"
    "  </person>\n"
    "</casebook>\n");

  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "pasted.xml, line 2: "));
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
  assert_record_tables (fixture, NULL);
}

/* A document that is not ours at all. */
static void
test_foreign_document (void)
{
  CasebookFixture *fixture = &refused;
  g_autoptr(GError) error = import_text (fixture,
    "<?xml version=\"1.0\"?>\n<html><body>Not a casebook</body></html>\n");

  g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "pasted.xml, line "));
  assert_record_tables (fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/import/" path, CasebookFixture, NULL, casebook_fixture_set_up, func, casebook_fixture_tear_down)

  ADD ("sample/counts", test_sample_counts);
  ADD ("sample/keeps-ids", test_sample_keeps_ids);
  ADD ("sample/twice", test_sample_twice);
  ADD ("document/all-or-nothing", test_all_or_nothing);

#undef ADD

  g_test_add_func ("/import/invalid/files", test_invalid_files);
  g_test_add_func ("/import/invalid/external-entity-never-loaded", test_external_entity_never_loaded);
  g_test_add_func ("/import/document/unknown-act-type", test_unknown_act_type);
  g_test_add_func ("/import/document/dangling-victim", test_dangling_victim);
  g_test_add_func ("/import/document/doctype-line", test_doctype_line);
  g_test_add_func ("/import/document/foreign", test_foreign_document);

  casebook_fixture_set_up (&refused, NULL);
  status = g_test_run ();
  casebook_fixture_tear_down (&refused, NULL);
  return status;
}
