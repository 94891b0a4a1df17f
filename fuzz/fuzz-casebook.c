/* fuzz-casebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-casebook.h"
#include "gawah-error.h"

static GawahCasebook *fuzz_casebook;
static char *fuzz_dir;

/* build-aux/fuzz.sh points TMPDIR at a folder on a tmpfs that it removes
 * afterwards, even when a crash skips this process's own clean-up. */
static const char *
fuzz_scratch_root (void)
{
  if (g_getenv ("TMPDIR") != NULL)
    return g_get_tmp_dir ();
  /* A casebook written to a disk would wear it and slow every input. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    return "/dev/shm";
  return g_get_tmp_dir ();
}

static void
fuzz_casebook_remove (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fuzz_casebook);
  dir = g_dir_open (fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

void
fuzz_casebook_init (void)
{
  g_autofree char *template = g_build_filename (fuzz_scratch_root (), "gawah-fuzz-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_dir = g_mkdtemp (g_steal_pointer (&template));
  if (fuzz_dir == NULL)
    g_error ("fuzz: no scratch folder: %s", g_strerror (errno));
  path = g_build_filename (fuzz_dir, "fuzz.gawah", NULL);
  fuzz_casebook = gawah_casebook_create (path, "fuzz", &error);
  if (fuzz_casebook == NULL)
    g_error ("fuzz: cannot create a casebook: %s", error->message);
  atexit (fuzz_casebook_remove);
}

typedef struct {
  FuzzImport  import;
  GBytes     *input;
} FuzzWork;

/* Whatever the import did, this makes the transaction around it roll back. */
static gboolean
fuzz_import_then_undo (GawahCasebook  *casebook,
                       gpointer        user_data,
                       GError        **error)
{
  FuzzWork *work = user_data;
  g_autoptr(GError) import_error = NULL;

  work->import (casebook, work->input, &import_error);
  /* To see what an input does: GAWAH_FUZZ_VERBOSE=1 fuzz-x input-file */
  if (g_getenv ("GAWAH_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s\n", import_error != NULL ? import_error->message : "imported");
  g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_FAILED, "fuzz: undo");
  return FALSE;
}

void
fuzz_casebook_run (FuzzImport    import,
                   const guint8 *data,
                   gsize         size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  FuzzWork work = { import, input };
  g_autoptr(GError) error = NULL;

  gawah_casebook_run_in_transaction (fuzz_casebook, fuzz_import_then_undo, &work, &error);
  if (!g_error_matches (error, GAWAH_ERROR, GAWAH_ERROR_FAILED) ||
      g_strcmp0 (error->message, "fuzz: undo") != 0)
    g_error ("fuzz: the transaction around the import did not roll back: %s",
             error != NULL ? error->message : "no error");
}
