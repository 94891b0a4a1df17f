/* gawah-csv.h: reading and writing spreadsheets as CSV (RFC 4180)
 *
 * Written: UTF-8 with a byte-order mark (so that spreadsheet programs read
 * Urdu as Urdu), CRLF line ends, a field quoted when it holds a comma, a
 * quote, CR or LF, quotes doubled. Read: the same, with or without the
 * byte-order mark, CRLF or LF line ends, quoted fields over several lines.
 *
 * A cell that a spreadsheet would run as a formula (it starts with =, +, -,
 * @) is written after an apostrophe; gawah_csv_unguard() takes it off.
 *
 * Rows are numbered as a spreadsheet numbers them: the header is row 1,
 * however many lines its quoted fields take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GawahCsvWriter GawahCsvWriter;
typedef struct _GawahCsvReader GawahCsvReader;

GawahCsvWriter *gawah_csv_writer_new        (GOutputStream    *stream,
                                             GCancellable     *cancellable);
void            gawah_csv_writer_free       (GawahCsvWriter   *writer);
void            gawah_csv_writer_add        (GawahCsvWriter   *writer,
                                             const char       *field);
void            gawah_csv_writer_add_int    (GawahCsvWriter   *writer,
                                             gint64            value);
gboolean        gawah_csv_writer_end_row    (GawahCsvWriter   *writer,
                                             GError          **error);
gboolean        gawah_csv_writer_write_row  (GawahCsvWriter   *writer,
                                             const char * const *fields,
                                             GError          **error);
void            gawah_csv_append_field      (GString          *line,
                                             const char       *field);
const char     *gawah_csv_unguard           (const char       *field);

GawahCsvReader *gawah_csv_reader_new        (GBytes           *data,
                                             const char       *name);
void            gawah_csv_reader_free       (GawahCsvReader   *reader);
gboolean        gawah_csv_reader_next_row   (GawahCsvReader   *reader,
                                             GStrv            *fields,
                                             GError          **error);
guint           gawah_csv_reader_get_row    (GawahCsvReader   *reader);
double          gawah_csv_reader_get_fraction (GawahCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahCsvWriter, gawah_csv_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahCsvReader, gawah_csv_reader_free)

G_END_DECLS
