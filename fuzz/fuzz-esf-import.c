/* fuzz-esf-import.c: an OpenEvSys (ESF) export into a casebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-casebook.h"
#include "gawah-esf.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
import_esf (GawahCasebook  *casebook,
            GBytes         *input,
            GError        **error)
{
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();

  return gawah_casebook_import_esf (casebook, input, "fuzz", report, NULL, NULL, NULL, error);
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
  fuzz_casebook_run (import_esf, data, size);
  return 0;
}
