/* gawah-export-file.c: writing an export to a file, whole or not at all
 *
 * g_file_replace() writes an existing file's replacement beside it and
 * renames it over the file on close; closing with a cancelled cancellable
 * drops the replacement instead. A file that did not exist is written in
 * place, so it is deleted on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-export-file.h"

static void
abandon_file (GOutputStream *stream,
              GFile         *file,
              gboolean       existed)
{
  g_autoptr(GCancellable) abandon = g_cancellable_new ();

  g_cancellable_cancel (abandon);
  g_output_stream_close (stream, abandon, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
}

gboolean
gawah_export_to_file (GFile              *file,
                      GawahExportWriter   writer,
                      gpointer            writer_data,
                      GCancellable       *cancellable,
                      GawahProgressFunc   progress,
                      gpointer            progress_data,
                      GError            **error)
{
  gboolean existed = g_file_query_exists (file, NULL);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);

  if (stream == NULL)
    return FALSE;
  if (!writer (G_OUTPUT_STREAM (stream), writer_data, cancellable, progress, progress_data, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      abandon_file (G_OUTPUT_STREAM (stream), file, existed);
      return FALSE;
    }
  return TRUE;
}
