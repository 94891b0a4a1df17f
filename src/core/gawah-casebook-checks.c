/* gawah-casebook-checks.c: validating fields before anything is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

gboolean
gawah_check_optional_text (const char  *value,
                           const char  *field,
                           GError     **error)
{
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }
  return TRUE;
}

gboolean
gawah_check_required_text (const char  *value,
                           const char  *field,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!gawah_check_optional_text (value, field, error))
    return FALSE;

  trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("%s: must not be empty"), field);
      return FALSE;
    }
  return TRUE;
}

gboolean
gawah_check_code (GawahCasebook  *self,
                  const char     *vocabulary_id,
                  const char     *code,
                  const char     *field,
                  GError        **error)
{
  return gawah_vocabularies_check (self->vocabularies, vocabulary_id, code, field, error);
}

gboolean
gawah_check_optional_code (GawahCasebook  *self,
                           const char     *vocabulary_id,
                           const char     *code,
                           const char     *field,
                           GError        **error)
{
  if (code == NULL || *code == '\0')
    return TRUE;
  return gawah_check_code (self, vocabulary_id, code, field, error);
}

gboolean
gawah_check_date_range (const GawahPartialDate  *start,
                        const GawahPartialDate  *end,
                        const char              *start_field,
                        const char              *end_field,
                        GError                 **error)
{
  if (!gawah_partial_date_validate (start, start_field, error) ||
      !gawah_partial_date_validate (end, end_field, error))
    return FALSE;

  /* Compare only what both dates say: "2019" may end in "2019-03". */
  if (gawah_partial_date_is_known (start) && gawah_partial_date_is_known (end))
    {
      GawahPartialDate a = *start, b = *end;

      if (a.day == 0 || b.day == 0)
        a.day = b.day = 0;
      if (a.month == 0 || b.month == 0)
        a.month = b.month = 0;
      if (gawah_partial_date_compare (&b, &a) < 0)
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                       /* Translators: %1$s and %2$s are field names, e.g. “End date” and “Start date”. */
                       _("%1$s: cannot be before the %2$s"), end_field, start_field);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
gawah_check_record_exists (GawahCasebook  *self,
                           const char     *table,
                           gint64          id,
                           const char     *field,
                           GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?1", table);
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, sql, error);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, id);
  if (!gawah_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row || sqlite3_column_int64 (stmt, 0) == 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a field name, %2$s a record number. */
                   _("%1$s: there is no record %2$s in this casebook"),
                   field, number);
      return FALSE;
    }
  return TRUE;
}

/* A date is stored as two columns: the ISO text and the precision code. */
void
gawah_stmt_bind_date (GawahStmt              *stmt,
                      int                     date_index,
                      const GawahPartialDate *date)
{
  g_autofree char *iso = gawah_partial_date_to_iso (date);

  gawah_stmt_bind_text_or_null (stmt, date_index, iso);
  gawah_stmt_bind_text (stmt, date_index + 1, gawah_precision_to_code (date->precision));
}

void
gawah_stmt_read_date (GawahStmt        *stmt,
                      int               date_column,
                      GawahPartialDate *date)
{
  const char *iso = (const char *) sqlite3_column_text (stmt, date_column);
  const char *precision = (const char *) sqlite3_column_text (stmt, date_column + 1);

  if (!gawah_partial_date_parse (iso, precision, "date", date, NULL))
    *date = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
}

/* A new record gets a random UUID; one that arrives with an id (an import,
 * a merge between offices) must bring a real UUID. */
gboolean
gawah_ensure_uuid (char   **uuid,
                   GError **error)
{
  if (*uuid == NULL || **uuid == '\0')
    {
      g_free (*uuid);
      *uuid = g_uuid_string_random ();
      return TRUE;
    }
  if (!g_uuid_string_is_valid (*uuid))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID, _("Id: “%s” is not a UUID"), *uuid);
      return FALSE;
    }
  return TRUE;
}

void
gawah_stmt_read_timestamps (GawahStmt  *stmt,
                            int         first_column,
                            char      **created_at,
                            char      **updated_at)
{
  g_free (*created_at);
  g_free (*updated_at);
  *created_at = gawah_stmt_dup_text (stmt, first_column);
  *updated_at = gawah_stmt_dup_text (stmt, first_column + 1);
}

/* Steps a prepared query to the end, reading one record per row. */
GPtrArray *
gawah_collect_rows (GawahCasebook   *self,
                    GawahStmt       *stmt,
                    GawahRowReader   read_row,
                    GDestroyNotify   free_row,
                    GError         **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  while (gawah_db_step_row (self->db, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (records, read_row (self, stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* The one record a query by id returns, or NOT_FOUND with the given message. */
gpointer
gawah_read_one_row (GawahCasebook   *self,
                    GawahStmt       *stmt,
                    GawahRowReader   read_row,
                    const char      *not_found,
                    GError         **error)
{
  gboolean has_row = FALSE;

  if (stmt == NULL || !gawah_db_step_row (self->db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, not_found);
      return NULL;
    }
  return read_row (self, stmt);
}

/* The ids a query returns in its first column. */
GArray *
gawah_collect_ids (GawahCasebook  *self,
                   GawahStmt      *stmt,
                   GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  while (gawah_db_step_row (self->db, stmt, &has_row, &local_error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
