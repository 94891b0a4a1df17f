/* gawah-export-file.h: writing an export to a file, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-progress.h"

G_BEGIN_DECLS

/* Writes the export to @stream. */
typedef gboolean (*GawahExportWriter) (GOutputStream      *stream,
                                       gpointer            writer_data,
                                       GCancellable       *cancellable,
                                       GawahProgressFunc   progress,
                                       gpointer            progress_data,
                                       GError            **error);

/* Runs @writer on a stream that replaces @file only once all is written:
 * if @writer fails or is cancelled, an existing file is left as it was and
 * a new one is removed. Any thread. */
gboolean gawah_export_to_file (GFile              *file,
                               GawahExportWriter   writer,
                               gpointer            writer_data,
                               GCancellable       *cancellable,
                               GawahProgressFunc   progress,
                               gpointer            progress_data,
                               GError            **error);

G_END_DECLS
