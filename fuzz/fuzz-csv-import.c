/* fuzz-csv-import.c: a spreadsheet of incidents, as the import dialog reads it
 *
 * The preview, the mapping guessed from its header, then the import with
 * that mapping, the way the dialog does when the user accepts the guess;
 * then again with the columns given to the fields in order, so that rows
 * are read even when the header means nothing to the guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-casebook.h"
#include "gawah-csv-import.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GawahCsvMapping *
mapping_in_order (const char * const *header)
{
  g_autoptr(GawahCsvMapping) mapping = gawah_csv_mapping_new ();
  guint n_fields;
  const GawahCsvField *fields = gawah_csv_incident_fields (&n_fields);

  for (guint i = 0; header[i] != NULL && i < n_fields; i++)
    gawah_csv_mapping_set (mapping, header[i], fields[i].key, NULL);
  return g_steal_pointer (&mapping);
}

static gboolean
import_csv (GawahCasebook  *casebook,
            GBytes         *input,
            GError        **error)
{
  g_autoptr(GawahCsvPreview) preview = NULL;
  g_autoptr(GawahCsvMapping) mapping = NULL;
  guint n_imported = 0;

  preview = gawah_csv_preview_read (input, "fuzz.csv", 5, error);
  if (preview == NULL)
    return FALSE;
  mapping = gawah_csv_mapping_guess ((const char * const *) preview->header);
  gawah_casebook_import_csv_incidents (casebook, input, "fuzz.csv", mapping, 20, &n_imported,
                                       NULL, NULL, NULL, NULL);
  g_clear_pointer (&mapping, gawah_csv_mapping_free);
  mapping = mapping_in_order ((const char * const *) preview->header);
  return gawah_casebook_import_csv_incidents (casebook, input, "fuzz.csv", mapping, 20, &n_imported,
                                              NULL, NULL, NULL, error);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_casebook_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  fuzz_casebook_run (import_csv, data, size);
  return 0;
}
