/* test-csv.c: the CSV reader and writer (RFC 4180), and spreadsheets of a casebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-csv-export.h"
#include "gawah-csv-import.h"
#include "gawah-csv.h"
#include "gawah-error.h"
#include "gawah-test-utils.h"

#define BOM "\xEF\xBB\xBF"

/* ---- Reader and writer ---- */

static GPtrArray *
read_all (const char  *text,
          gssize       length,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GawahCsvReader) reader = gawah_csv_reader_new (bytes, "test.csv");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv fields = NULL;

  while (gawah_csv_reader_next_row (reader, &fields, error))
    g_ptr_array_add (rows, fields);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&rows);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *first,
            ...)
{
  GStrv fields = g_ptr_array_index (rows, index);
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *), i++)
    g_assert_cmpstr (fields[i], ==, expected);
  va_end (args);
  g_assert_null (fields[i]);
}

static void
test_read_rfc4180 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all (BOM "title,summary,place\r\n"
                                        "\"Arrest, then release\",\"He said \"\"stop\"\"\r\nand left\",Lahore\r\n"
                                        "plain,,\"\"\r\n"
                                        "عمران شاہد کی گمشدگی,لاپتہ,اسلام آباد\n"
                                        "last,row,without newline", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows, 0, "title", "summary", "place", NULL);   /* the byte-order mark is not part of the header */
  assert_row (rows, 1, "Arrest, then release", "He said \"stop\"\r\nand left", "Lahore", NULL);
  assert_row (rows, 2, "plain", "", "", NULL);
  assert_row (rows, 3, "عمران شاہد کی گمشدگی", "لاپتہ", "اسلام آباد", NULL);
  assert_row (rows, 4, "last", "row", "without newline", NULL);
}

static void
test_read_errors (void)
{
  struct { const char *text; gssize length; const char *message; } cases[] = {
    { "a,b\r\nc,\"open\r\nnever closed\r\n", -1, "test.csv, row 2: a quoted field is not closed" },
    { "a,b\r\n\"x\"y,z\r\n", -1, "test.csv, row 2: text follows the closing quote of a field" },
    { "a,b\r\nc,d\r\ne,\xC3\x28\r\n", -1, "test.csv, row 3: the text is not valid UTF-8" },
    { "a,b\r\nc,d\0e\r\n", 10, "test.csv, row 2: the text is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = read_all (cases[i].text, cases[i].length, &error);

      g_assert_null (rows);
      g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
test_write_round_trip (void)
{
  const char * const row[] = { "plain", "comma, inside", "quote \"here\"", "line\nbreak", "cr\rhere",
                               "اردو، متن", "", NULL };
  const char * const formulas[] = { "=HYPERLINK(\"x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "- a list item", "-", NULL };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GawahCsvWriter) writer = gawah_csv_writer_new (stream, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  gawah_csv_writer_write_row (writer, row, &error);
  g_assert_no_error (error);
  gawah_csv_writer_add (writer, "second");
  gawah_csv_writer_add_int (writer, 42);
  gawah_csv_writer_end_row (writer, &error);
  g_assert_no_error (error);
  gawah_csv_writer_write_row (writer, formulas, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==, BOM "plain,\"comma, inside\",\"quote \"\"here\"\"\",\"line\nbreak\",\"cr\rhere\","
                             "اردو، متن,\r\nsecond,42\r\n"
                             "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",'+1,'-2+3,'@SUM(A1),- a list item,-\r\n");
  /* The Urdu comma is not a separator; formulas are written as text. */
  rows = read_all (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; formulas[i] != NULL; i++)
    g_assert_cmpstr (gawah_csv_unguard (((GStrv) g_ptr_array_index (rows, 2))[i]), ==, formulas[i]);
  assert_row (rows, 0, "plain", "comma, inside", "quote \"here\"", "line\nbreak", "cr\rhere", "اردو، متن", "", NULL);
  assert_row (rows, 1, "second", "42", NULL);
}


/* ---- Export ---- */

static GPtrArray *
export_table (GawahCasebook              *casebook,
              GawahCsvTable               table,
              const GawahIncidentFilter  *filter,
              GawahLanguage               language,
              char                      **text_out)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GPtrArray *rows;

  gawah_casebook_export_csv (casebook, table, filter, language, stream, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (text, BOM));
  rows = read_all (text, -1, &error);
  g_assert_no_error (error);
  if (text_out != NULL)
    *text_out = g_steal_pointer (&text);
  return rows;
}

static int
column (GPtrArray  *rows,
        const char *name)
{
  GStrv header = g_ptr_array_index (rows, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return (int) i;
  g_error ("no column %s", name);
  return -1;
}

static GStrv
row_with (GPtrArray  *rows,
          const char *column_name,
          const char *value)
{
  int index = column (rows, column_name);

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv fields = g_ptr_array_index (rows, i);

      if (g_str_equal (fields[index], value))
        return fields;
    }
  g_error ("no row with %s = %s", column_name, value);
  return NULL;
}

#define KHATTAK_UUID "339a8e41-a8c6-4a78-8737-4cf8709d6aba"
#define THREATS_UUID "9aa778e3-95ac-44b2-973a-e6440f832e3b"

static void
test_export_incidents (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) urdu = NULL;
  g_autofree char *text = NULL;
  GStrv khattak, threats;

  casebook_fixture_import_sample (fixture);
  english = export_table (fixture->casebook, GAWAH_CSV_TABLE_INCIDENTS, NULL, GAWAH_LANGUAGE_ENGLISH, &text);
  g_assert_cmpint (english->len - 1, ==, test_count_rows (fixture->casebook, "incident"));
  g_assert_nonnull (strstr (text, "\r\n"));
  g_assert_cmpstr (((GStrv) g_ptr_array_index (english, 0))[0], ==, "uuid");

  khattak = row_with (english, "uuid", KHATTAK_UUID);
  g_assert_cmpstr (khattak[column (english, "title")], ==, "Enforced disappearance and military trial of Idris Khattak");
  g_assert_cmpstr (khattak[column (english, "act_types")], ==, "enforced-disappearance; military-trial");
  g_assert_cmpstr (khattak[column (english, "act_type_labels")], ==,
                   "Enforced disappearance; Trial of a civilian by a military court");
  g_assert_cmpstr (khattak[column (english, "start_date")], ==, "2019-11");
  g_assert_cmpstr (khattak[column (english, "start_precision")], ==, "month");
  g_assert_cmpstr (khattak[column (english, "end_date")], ==, "2021");
  g_assert_cmpstr (khattak[column (english, "verification_label")], ==, "Confirmed");
  g_assert_cmpstr (khattak[column (english, "province")], ==, "");
  threats = row_with (english, "uuid", THREATS_UUID);
  g_assert_cmpstr (threats[column (english, "province")], ==, "pk-pb");
  g_assert_cmpstr (threats[column (english, "province_label")], ==, "Punjab");
  g_assert_cmpstr (threats[column (english, "district_label")], ==, "Multan");
  g_assert_cmpstr (threats[column (english, "start_date")], ==, "");
  g_assert_cmpstr (threats[column (english, "start_precision")], ==, "unknown");

  urdu = export_table (fixture->casebook, GAWAH_CSV_TABLE_INCIDENTS, NULL, GAWAH_LANGUAGE_URDU, NULL);
  khattak = row_with (urdu, "uuid", KHATTAK_UUID);
  threats = row_with (urdu, "uuid", THREATS_UUID);
  g_assert_cmpstr (threats[column (urdu, "province")], ==, "pk-pb");
  g_assert_cmpstr (threats[column (urdu, "province_label")], ==, "پنجاب");
  g_assert_cmpstr (threats[column (urdu, "district_label")], ==, "ملتان");
  g_assert_true (g_str_has_prefix (khattak[column (urdu, "act_type_labels")], "جبری گمشدگی; "));
}

static void
test_export_what_i_see (CasebookFixture *fixture,
                        gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) provisions = NULL;
  g_autoptr(GPtrArray) all_people = NULL;
  int incident_uuid;

  casebook_fixture_import_sample (fixture);
  filter.province = g_strdup ("pk-pb");
  ids = gawah_casebook_query_incidents (fixture->casebook, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);

  incidents = export_table (fixture->casebook, GAWAH_CSV_TABLE_INCIDENTS, &filter, GAWAH_LANGUAGE_ENGLISH, NULL);
  g_assert_cmpuint (incidents->len - 1, ==, ids->len);
  for (guint i = 1; i < incidents->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (incidents, i))[column (incidents, "province")], ==, "pk-pb");

  acts = export_table (fixture->casebook, GAWAH_CSV_TABLE_ACTS, &filter, GAWAH_LANGUAGE_ENGLISH, NULL);
  g_assert_cmpuint (acts->len, >, 1);
  incident_uuid = column (acts, "incident_uuid");
  for (guint i = 1; i < acts->len; i++)
    row_with (incidents, "uuid", ((GStrv) g_ptr_array_index (acts, i))[incident_uuid]);
  row_with (acts, "victim_name", "Rashid Rehman");

  people = export_table (fixture->casebook, GAWAH_CSV_TABLE_PEOPLE, &filter, GAWAH_LANGUAGE_ENGLISH, NULL);
  all_people = export_table (fixture->casebook, GAWAH_CSV_TABLE_PEOPLE, NULL, GAWAH_LANGUAGE_ENGLISH, NULL);
  g_assert_cmpuint (all_people->len - 1, ==, test_count_rows (fixture->casebook, "person"));
  g_assert_cmpuint (people->len, <, all_people->len);
  row_with (people, "name", "Rashid Rehman");
  /* Sensitive fields never leave in a spreadsheet. */
  for (guint i = 0; ((GStrv) g_ptr_array_index (people, 0))[i] != NULL; i++)
    g_assert_false (g_str_equal (((GStrv) g_ptr_array_index (people, 0))[i], "religion"));

  provisions = export_table (fixture->casebook, GAWAH_CSV_TABLE_PROVISIONS, &filter, GAWAH_LANGUAGE_ENGLISH, NULL);
  g_assert_cmpuint (provisions->len, >, 1);
  for (guint i = 1; i < provisions->len; i++)
    row_with (incidents, "uuid", ((GStrv) g_ptr_array_index (provisions, i))[column (provisions, "incident_uuid")]);
}

/* ---- Import ---- */

static GBytes *
load_test_file (const char *file)
{
  g_autofree char *relative = g_build_filename ("tests", "data", "csv", file, NULL);
  g_autofree char *path = test_source_path (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GawahCsvMapping *
mapping_of (const char * const *pairs)
{
  g_autoptr(GawahCsvMapping) mapping = gawah_csv_mapping_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      gawah_csv_mapping_set (mapping, pairs[i], pairs[i + 1], &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&mapping);
}

static void
test_preview_and_fields (void)
{
  g_autoptr(GBytes) data = load_test_file ("incidents-mixed.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCsvPreview) preview = gawah_csv_preview_read (data, "incidents-mixed.csv", 2, &error);
  g_autoptr(GawahCsvMapping) guessed = NULL;
  const char * const exported[] = { "uuid", "title", "start_date", "province_label", "Province", NULL };
  guint n_fields = 0;
  const GawahCsvField *fields = gawah_csv_incident_fields (&n_fields);

  g_assert_no_error (error);
  {
    g_autoptr(GBytes) empty = g_bytes_new_static (BOM, 3);
    g_autoptr(GawahCsvPreview) nothing = gawah_csv_preview_read (empty, "empty.csv", 2, &error);

    g_assert_null (nothing);
    g_assert_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==, "empty.csv: the file is empty");
    g_clear_error (&error);
  }
  g_assert_cmpstr (preview->header[0], ==, "Headline");
  g_assert_cmpuint (g_strv_length (preview->header), ==, 10);
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (preview->rows, 0))[1], ==,
                   "Taken from his home at night.\r\nFamily says men in uniform \"did not give names\".");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (preview->rows, 1))[0], ==, "پشاور پریس کلب پر چھاپہ");

  g_assert_cmpuint (n_fields, ==, 14);
  g_assert_cmpstr (fields[0].key, ==, "title");
  g_assert_true (fields[0].required);
  g_assert_null (gawah_csv_incident_field_find ("uuid"));

  /* An exported spreadsheet's own headers map themselves; labels do too. */
  guessed = gawah_csv_mapping_guess (exported);
  g_assert_cmpstr (gawah_csv_mapping_get (guessed, "title"), ==, "title");
  g_assert_cmpstr (gawah_csv_mapping_get (guessed, "start_date"), ==, "start_date");
  g_assert_cmpstr (gawah_csv_mapping_get (guessed, "Province"), ==, "province");
  g_assert_null (gawah_csv_mapping_get (guessed, "uuid"));
  g_assert_null (gawah_csv_mapping_get (guessed, "province_label"));
}

static void
test_import_mixed (CasebookFixture *fixture,
                   gconstpointer    data)
{
  static const char * const pairs[] = {
    "Headline", "title", "Details", "summary", "From", "start_date", "To", "end_date", "Province", "province",
    "District", "district", "Where", "place", "What happened", "act_type", "Who", "victim",
    "Defender", "victim_category", NULL
  };
  g_autoptr(GBytes) bytes = load_test_file ("incidents-mixed.csv");
  g_autoptr(GawahCsvMapping) mapping = mapping_of (pairs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  guint n_imported = 0;
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  gawah_casebook_import_csv_incidents (fixture->casebook, bytes, "incidents-mixed.csv", mapping, 10,
                                       &n_imported, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 3);
  g_assert_cmpint (test_count_rows (fixture->casebook, "act"), ==, 3);
  g_assert_cmpint (test_count_rows (fixture->casebook, "person"), ==, 3);

  incidents = gawah_casebook_list_incidents (fixture->casebook, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    {
      GawahIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *start = gawah_partial_date_to_display (&incident->start);
      g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (fixture->casebook, incident->id, &error);

      g_assert_no_error (error);
      if (g_str_has_prefix (incident->title, "Abduction"))
        {
          seen[0] = TRUE;
          g_assert_cmpstr (incident->title, ==, "Abduction of a Sindhi rights activist, Hyderabad");
          g_assert_cmpstr (incident->summary, ==,
                           "Taken from his home at night.\r\nFamily says men in uniform \"did not give names\".");
          g_assert_cmpstr (start, ==, "2019-11");
          g_assert_cmpstr (incident->province, ==, "pk-sd");      /* English label */
          g_assert_cmpstr (incident->district, ==, "hyderabad");
          g_assert_cmpstr (((GawahAct *) g_ptr_array_index (acts, 0))->act_type, ==, "enforced-disappearance");
        }
      else if (g_str_equal (incident->title, "پشاور پریس کلب پر چھاپہ"))
        {
          seen[1] = TRUE;
          g_assert_cmpstr (start, ==, "~2021-06-10");
          g_assert_cmpstr (incident->province, ==, "pk-kp");      /* Urdu label */
          g_assert_cmpstr (incident->place, ==, "پریس کلب");
          g_assert_cmpstr (((GawahAct *) g_ptr_array_index (acts, 0))->act_type, ==, "raid");
        }
      else
        {
          seen[2] = TRUE;
          g_assert_cmpstr (incident->title, ==, "Ban on a minority rights seminar");
          g_assert_cmpstr (incident->province, ==, "pk-pb");      /* code */
          g_assert_cmpstr (((GawahAct *) g_ptr_array_index (acts, 0))->act_type, ==, "assembly-ban");  /* label */
          g_assert_cmpstr (start, ==, "2022");
        }
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
  {
    g_autoptr(GawahPerson) club = NULL;
    gint64 id = gawah_casebook_find_person_by_name (fixture->casebook, "پشاور پریس کلب", &error);

    g_assert_no_error (error);
    club = gawah_casebook_get_person (fixture->casebook, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (club->categories[0], ==, "journalist");
  }
}

/* Documents that must be refused all go to one casebook, which must stay empty. */
static CasebookFixture refused;

static void
assert_refused (const char *file,
                const char *const *pairs,
                guint       max_errors,
                int         code,
                const char *message)
{
  g_autoptr(GBytes) bytes = load_test_file (file);
  g_autoptr(GawahCsvMapping) mapping = mapping_of (pairs);
  g_autoptr(GError) error = NULL;
  guint n_imported = 99;

  g_assert_false (gawah_casebook_import_csv_incidents (refused.casebook, bytes, file, mapping, max_errors,
                                                       &n_imported, NULL, NULL, NULL, &error));
  g_assert_error (error, GAWAH_ERROR, code);
  if (!g_str_equal (error->message, message) && !(g_str_has_suffix (message, "…") &&
      g_str_has_prefix (error->message, message)))
    g_error ("%s: got “%s”", file, error->message);
  g_assert_cmpuint (n_imported, ==, 99);
  g_assert_cmpint (test_count_rows (refused.casebook, "incident"), ==, 0);
  g_assert_cmpint (test_count_rows (refused.casebook, "person"), ==, 0);
  g_assert_cmpint (test_count_rows (refused.casebook, "act"), ==, 0);
}

static void
test_import_bad_rows (void)
{
  static const char * const pairs[] = {
    "title", "title", "start_date", "start_date", "province", "province", "act_type", "act_type", "victim", "victim", NULL
  };

  /* Row 2 is good, and is not written either. */
  assert_refused ("incidents-bad-rows.csv", pairs, 10, GAWAH_ERROR_INVALID,
                  "incidents-bad-rows.csv: 4 rows are not valid; nothing was imported.\n"
                  "Row 3: Start date: 2019-02-30 does not exist in the calendar\n"
                  "Row 5: Province: “Atlantis” is neither a code nor a label of this list\n"
                  "Row 6: Title: must not be empty\n"
                  "Row 7: Type of act: a victim needs the type of act done to them");
  assert_refused ("incidents-bad-rows.csv", pairs, 2, GAWAH_ERROR_INVALID,
                  "incidents-bad-rows.csv: 4 rows are not valid; nothing was imported.\n"
                  "Row 3: Start date: 2019-02-30 does not exist in the calendar\n"
                  "Row 5: Province: “Atlantis” is neither a code nor a label of this list\n…");
}

static void
test_import_broken_files (void)
{
  static const char * const pairs[] = { "title", "title", "summary", "summary", NULL };
  static const char * const no_title[] = { "summary", "summary", NULL };
  static const char * const missing_column[] = { "title", "title", "Headline", "summary", NULL };

  assert_refused ("unterminated-quote.csv", pairs, 10, GAWAH_ERROR_PARSE,
                  "unterminated-quote.csv, row 3: a quoted field is not closed (a quote is missing)");
  assert_refused ("invalid-utf8.csv", pairs, 10, GAWAH_ERROR_PARSE,
                  "invalid-utf8.csv, row 3: the text is not valid UTF-8");
  assert_refused ("invalid-utf8.csv", no_title, 10, GAWAH_ERROR_INVALID,
                  "invalid-utf8.csv: no column goes to the incident’s title");
  assert_refused ("invalid-utf8.csv", missing_column, 10, GAWAH_ERROR_NOT_FOUND,
                  "invalid-utf8.csv: the header has no column “Headline”");
}

static void
test_cancelled (void)
{
  static const char * const pairs[] = { "Headline", "title", NULL };
  g_autoptr(GBytes) bytes = load_test_file ("incidents-mixed.csv");
  g_autoptr(GawahCsvMapping) mapping = mapping_of (pairs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_cancellable_cancel (cancellable);
  g_assert_false (gawah_casebook_import_csv_incidents (refused.casebook, bytes, "incidents-mixed.csv", mapping, 10,
                                                       NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (test_count_rows (refused.casebook, "incident"), ==, 0);
  g_clear_error (&error);

  id = test_add_incident (refused.casebook, "An incident to export");
  g_assert_false (gawah_casebook_export_csv (refused.casebook, GAWAH_CSV_TABLE_INCIDENTS, NULL, GAWAH_LANGUAGE_ENGLISH,
                                             stream, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  gawah_casebook_delete_incident (refused.casebook, id, &error);
  g_assert_no_error (error);
}

/* What Gawah exports comes back with the mapping guessed from its header. */
static void
test_export_import_round_trip (CasebookFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GawahCsvMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;
  guint n_imported = 0;

  casebook_fixture_import_sample (fixture);
  before = test_count_rows (fixture->casebook, "incident");
  rows = export_table (fixture->casebook, GAWAH_CSV_TABLE_INCIDENTS, NULL, GAWAH_LANGUAGE_URDU, &text);
  bytes = g_bytes_new (text, strlen (text));
  mapping = gawah_csv_mapping_guess ((const char * const *) g_ptr_array_index (rows, 0));
  gawah_casebook_import_csv_incidents (fixture->casebook, bytes, "export.csv", mapping, 10, &n_imported,
                                       NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, before);
  g_assert_cmpint (test_count_rows (fixture->casebook, "incident"), ==, 2 * before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/rfc4180", test_read_rfc4180);
  g_test_add_func ("/csv/read/errors", test_read_errors);
  g_test_add_func ("/csv/write/round-trip", test_write_round_trip);
  g_test_add_func ("/csv/import/preview-and-fields", test_preview_and_fields);
  g_test_add_func ("/csv/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/csv/import/broken-files", test_import_broken_files);
  g_test_add_func ("/csv/cancelled", test_cancelled);

#define ADD(path, func) \
  g_test_add ("/csv/" path, CasebookFixture, NULL, casebook_fixture_set_up, func, casebook_fixture_tear_down)
  ADD ("export/incidents", test_export_incidents);
  ADD ("export/what-i-see", test_export_what_i_see);
  ADD ("import/mixed", test_import_mixed);
  ADD ("export-import/round-trip", test_export_import_round_trip);
#undef ADD

  casebook_fixture_set_up (&refused, NULL);
  status = g_test_run ();
  casebook_fixture_tear_down (&refused, NULL);
  return status;
}
