/* gawah-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-csv.h"
#include "gawah-error.h"

#define UTF8_BOM "\xEF\xBB\xBF"

struct _GawahCsvWriter
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *line;
  gboolean       wrote_bom;
  gboolean       row_has_fields;
};

GawahCsvWriter *
gawah_csv_writer_new (GOutputStream *stream,
                      GCancellable  *cancellable)
{
  GawahCsvWriter *writer = g_new0 (GawahCsvWriter, 1);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  writer->stream = g_object_ref (stream);
  writer->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  writer->line = g_string_new (NULL);
  return writer;
}

void
gawah_csv_writer_free (GawahCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_object (&writer->stream);
  g_clear_object (&writer->cancellable);
  g_string_free (writer->line, TRUE);
  g_free (writer);
}

static gboolean
needs_quotes (const char *field)
{
  return strpbrk (field, ",\"\r\n") != NULL;
}

/* A cell a spreadsheet program would run as a formula ("=HYPERLINK(...)",
 * "-2+cmd|..."): text from a casebook may come from anyone, so it is written
 * with a leading apostrophe, which spreadsheets show as text and the CSV
 * import takes off again. A "- " list item is left alone. */
static gboolean
looks_like_formula (const char *field)
{
  switch (field[0])
    {
    case '=': case '+': case '@': case '\t': case '\r':
      return TRUE;
    case '-':
      return field[1] != '\0' && field[1] != ' ';
    default:
      return FALSE;
    }
}

/* The text of a cell as written before gawah_csv_append_field() guarded it. */
const char *
gawah_csv_unguard (const char *field)
{
  if (field != NULL && field[0] == '\'' && looks_like_formula (field + 1))
    return field + 1;
  return field;
}

/* Appends one field: the caller puts the comma between fields. */
void
gawah_csv_append_field (GString    *line,
                        const char *field)
{
  g_autofree char *guarded = NULL;

  if (field == NULL)
    field = "";
  if (looks_like_formula (field))
    field = guarded = g_strconcat ("'", field, NULL);
  if (!needs_quotes (field))
    {
      g_string_append (line, field);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

void
gawah_csv_writer_add (GawahCsvWriter *writer,
                      const char     *field)
{
  if (writer->row_has_fields)
    g_string_append_c (writer->line, ',');
  gawah_csv_append_field (writer->line, field);
  writer->row_has_fields = TRUE;
}

void
gawah_csv_writer_add_int (GawahCsvWriter *writer,
                          gint64          value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  gawah_csv_writer_add (writer, text);
}

/* Each row goes to the stream as soon as it is complete: an export never
 * holds more than one row in memory. */
gboolean
gawah_csv_writer_end_row (GawahCsvWriter  *writer,
                          GError         **error)
{
  gboolean written;

  if (!writer->wrote_bom)
    {
      g_string_prepend (writer->line, UTF8_BOM);
      writer->wrote_bom = TRUE;
    }
  g_string_append (writer->line, "\r\n");
  written = g_output_stream_write_all (writer->stream, writer->line->str, writer->line->len,
                                       NULL, writer->cancellable, error);
  g_string_truncate (writer->line, 0);
  writer->row_has_fields = FALSE;
  return written;
}

gboolean
gawah_csv_writer_write_row (GawahCsvWriter      *writer,
                            const char * const  *fields,
                            GError             **error)
{
  for (guint i = 0; fields[i] != NULL; i++)
    gawah_csv_writer_add (writer, fields[i]);
  return gawah_csv_writer_end_row (writer, error);
}

struct _GawahCsvReader
{
  GBytes     *data;
  char       *name;
  const char *text;
  gsize       size;
  gsize       position;
  guint       row;
};

GawahCsvReader *
gawah_csv_reader_new (GBytes     *data,
                      const char *name)
{
  GawahCsvReader *reader = g_new0 (GawahCsvReader, 1);

  reader->data = g_bytes_ref (data);
  reader->name = g_strdup (name);
  reader->text = g_bytes_get_data (data, &reader->size);
  if (reader->size >= 3 && memcmp (reader->text, UTF8_BOM, 3) == 0)
    reader->position = 3;
  return reader;
}

void
gawah_csv_reader_free (GawahCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_bytes_unref (reader->data);
  g_free (reader->name);
  g_free (reader);
}

guint
gawah_csv_reader_get_row (GawahCsvReader *reader)
{
  return reader->row;
}

double
gawah_csv_reader_get_fraction (GawahCsvReader *reader)
{
  return reader->size == 0 ? 1.0 : (double) reader->position / (double) reader->size;
}

static gboolean
set_row_error (GawahCsvReader  *reader,
               GError         **error,
               const char      *problem)
{
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
               /* Translators: %1$s is a file name, %2$u a row number, %3$s the problem. */
               _("%1$s, row %2$u: %3$s"), reader->name, reader->row, problem);
  return FALSE;
}

/* A quoted field, from just after its opening quote to just after its closing one. */
static gboolean
read_quoted (GawahCsvReader  *reader,
             GString         *field,
             GError         **error)
{
  while (reader->position < reader->size)
    {
      char c = reader->text[reader->position++];

      if (c != '"')
        {
          g_string_append_c (field, c);
          continue;
        }
      if (reader->position < reader->size && reader->text[reader->position] == '"')
        {
          g_string_append_c (field, '"');
          reader->position++;
          continue;
        }
      return TRUE;
    }
  return set_row_error (reader, error, _("a quoted field is not closed (a quote is missing)"));
}

static gboolean
at_row_end (GawahCsvReader *reader)
{
  char c;

  if (reader->position >= reader->size)
    return TRUE;
  c = reader->text[reader->position];
  return c == '\n' || c == '\r';
}

static void
skip_line_end (GawahCsvReader *reader)
{
  if (reader->position < reader->size && reader->text[reader->position] == '\r')
    reader->position++;
  if (reader->position < reader->size && reader->text[reader->position] == '\n')
    reader->position++;
}

/* Reads one field and the separator after it; *last says the row ended. */
static gboolean
read_field (GawahCsvReader  *reader,
            GString         *field,
            gboolean        *last,
            GError         **error)
{
  g_string_truncate (field, 0);
  if (reader->position < reader->size && reader->text[reader->position] == '"')
    {
      reader->position++;
      if (!read_quoted (reader, field, error))
        return FALSE;
      if (!at_row_end (reader) && reader->text[reader->position] != ',')
        return set_row_error (reader, error, _("text follows the closing quote of a field"));
    }
  else
    {
      /* An unquoted field may hold a stray quote: take it as written. */
      while (!at_row_end (reader) && reader->text[reader->position] != ',')
        g_string_append_c (field, reader->text[reader->position++]);
    }

  *last = at_row_end (reader);
  if (*last)
    skip_line_end (reader);
  else
    reader->position++;   /* the comma */
  return TRUE;
}

/* FALSE with no error at the end of the data. */
gboolean
gawah_csv_reader_next_row (GawahCsvReader  *reader,
                           GStrv           *fields,
                           GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean last = FALSE;

  *fields = NULL;
  if (reader->position >= reader->size)
    return FALSE;

  reader->row++;
  while (!last)
    {
      if (!read_field (reader, field, &last, error))
        return FALSE;
      if (!g_utf8_validate_len (field->str, field->len, NULL))
        return set_row_error (reader, error, _("the text is not valid UTF-8"));
      g_strv_builder_add (builder, field->str);
    }
  *fields = g_strv_builder_end (builder);
  return TRUE;
}
