/* fuzz-csv-reader.c: the CSV reader alone, row by row to the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(GawahCsvReader) reader = gawah_csv_reader_new (input, "fuzz.csv");
  g_autoptr(GError) error = NULL;
  GStrv fields = NULL;

  while (gawah_csv_reader_next_row (reader, &fields, &error))
    {
      g_assert (gawah_csv_reader_get_row (reader) > 0);
      g_clear_pointer (&fields, g_strfreev);
    }
  g_assert (fields == NULL);
  return 0;
}
