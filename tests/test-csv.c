/* test-csv.c: the CSV reader and writer (RFC 4180), and spreadsheets of a casebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-casebook-private.h"
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
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==, BOM "plain,\"comma, inside\",\"quote \"\"here\"\"\",\"line\nbreak\",\"cr\rhere\","
                             "اردو، متن,\r\nsecond,42\r\n");   /* the Urdu comma is not a separator */
  rows = read_all (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "plain", "comma, inside", "quote \"here\"", "line\nbreak", "cr\rhere", "اردو، متن", "", NULL);
  assert_row (rows, 1, "second", "42", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/rfc4180", test_read_rfc4180);
  g_test_add_func ("/csv/read/errors", test_read_errors);
  g_test_add_func ("/csv/write/round-trip", test_write_round_trip);

  return g_test_run ();
}
