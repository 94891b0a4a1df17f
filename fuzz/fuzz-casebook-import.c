/* fuzz-casebook-import.c: a casebook document (XML) into a casebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-casebook.h"
#include "gawah-casebook-import.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
import_document (GawahCasebook  *casebook,
                 GBytes         *input,
                 GError        **error)
{
  GawahImportCounts counts = { 0 };

  return gawah_casebook_import_document (casebook, input, "fuzz", &counts, error);
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
  fuzz_casebook_run (import_document, data, size);
  return 0;
}
