/* gawah-casebook-acts.c: acts, "who did what to whom"
 *
 * An act is saved with its perpetrators and laws, and the incident's legal
 * mapping is brought up to date in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

static gboolean
check_involvements (GawahCasebook   *self,
                    const GawahAct  *act,
                    GError         **error)
{
  for (guint i = 0; i < act->involvements->len; i++)
    {
      const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);

      if (!gawah_check_record_exists (self, "person", involvement->perpetrator_id, _("Perpetrator"), error) ||
          !gawah_check_code (self, GAWAH_VOCAB_INVOLVEMENT, involvement->degree, _("Degree of involvement"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_act (GawahCasebook   *self,
           const GawahAct  *act,
           GError         **error)
{
  if (!gawah_check_record_exists (self, "incident", act->incident_id, _("Incident"), error) ||
      !gawah_check_record_exists (self, "person", act->victim_id, _("Victim"), error) ||
      !gawah_check_code (self, GAWAH_VOCAB_ACT_TYPE, act->act_type, _("Type of act"), error) ||
      !gawah_check_date_range (&act->start, &act->end, _("Start date"), _("End date"), error) ||
      !gawah_check_optional_text (act->outcome, _("Outcome"), error) ||
      !check_involvements (self, act, error))
    return FALSE;

  for (guint i = 0; act->laws[i] != NULL; i++)
    if (!gawah_check_code (self, GAWAH_VOCAB_LAW, act->laws[i], _("Law invoked"), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_act_row (GawahCasebook  *self,
               GawahAct       *act,
               GError        **error)
{
  const char *sql = act->id == 0
    ? "INSERT INTO act (uuid, incident_id, victim_id, act_type, start_date, start_precision,"
      " end_date, end_precision, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
      " RETURNING id, created_at, updated_at"
    : "UPDATE act SET uuid = ?1, incident_id = ?2, victim_id = ?3, act_type = ?4, start_date = ?5,"
      " start_precision = ?6, end_date = ?7, end_precision = ?8, outcome = ?9,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?10"
      " RETURNING id, created_at, updated_at";
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, act->uuid);
  gawah_stmt_bind_int64 (stmt, 2, act->incident_id);
  gawah_stmt_bind_int64 (stmt, 3, act->victim_id);
  gawah_stmt_bind_text (stmt, 4, act->act_type);
  gawah_stmt_bind_date (stmt, 5, &act->start);
  gawah_stmt_bind_date (stmt, 7, &act->end);
  gawah_stmt_bind_text (stmt, 9, act->outcome);
  if (act->id != 0)
    gawah_stmt_bind_int64 (stmt, 10, act->id);
  if (!gawah_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("The act no longer exists"));
      return FALSE;
    }
  act->id = sqlite3_column_int64 (stmt, 0);
  gawah_stmt_read_timestamps (stmt, 1, &act->created_at, &act->updated_at);
  return gawah_db_step_done (self->db, stmt, error);
}

static gboolean
run_for_act (GawahCasebook  *self,
             const char     *sql,
             gint64          act_id,
             const char     *text,
             gint64          number,
             GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, act_id);
  if (text != NULL)
    gawah_stmt_bind_text (stmt, 2, text);
  if (number != 0)
    gawah_stmt_bind_int64 (stmt, 3, number);
  return gawah_db_step_done (self->db, stmt, error);
}

static gboolean
write_act_links (GawahCasebook   *self,
                 const GawahAct  *act,
                 GError         **error)
{
  if (!run_for_act (self, "DELETE FROM involvement WHERE act_id = ?1", act->id, NULL, 0, error) ||
      !run_for_act (self, "DELETE FROM act_law WHERE act_id = ?1", act->id, NULL, 0, error))
    return FALSE;

  for (guint i = 0; i < act->involvements->len; i++)
    {
      const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);

      if (!run_for_act (self,
                        "INSERT INTO involvement (act_id, degree, perpetrator_id) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (act_id, perpetrator_id) DO UPDATE SET degree = excluded.degree",
                        act->id, involvement->degree, involvement->perpetrator_id, error))
        return FALSE;
    }
  for (guint i = 0; act->laws[i] != NULL; i++)
    if (!run_for_act (self, "INSERT OR IGNORE INTO act_law (act_id, law) VALUES (?1, ?2)",
                      act->id, act->laws[i], 0, error))
      return FALSE;
  return TRUE;
}

static gint64
incident_of_act (GawahCasebook *self,
                 gint64         act_id)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, "SELECT incident_id FROM act WHERE id = ?1", NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return 0;
  gawah_stmt_bind_int64 (stmt, 1, act_id);
  if (!gawah_db_step_row (self->db, stmt, &has_row, NULL) || !has_row)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
gawah_casebook_save_act (GawahCasebook  *self,
                         GawahAct       *act,
                         GError        **error)
{
  g_autoptr(GawahTransaction) tx = NULL;
  gint64 previous_incident = 0;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (!check_act (self, act, error))
    return FALSE;
  if (!gawah_ensure_uuid (&act->uuid, error))
    return FALSE;
  if (act->id != 0)
    previous_incident = incident_of_act (self, act->id);

  tx = gawah_transaction_begin (self->db, error);
  if (tx == NULL ||
      !write_act_row (self, act, error) ||
      !write_act_links (self, act, error) ||
      !gawah_casebook_refresh_suggestions_in_tx (self, act->incident_id, error))
    return FALSE;
  if (previous_incident != 0 && previous_incident != act->incident_id &&
      !gawah_casebook_refresh_suggestions_in_tx (self, previous_incident, error))
    return FALSE;
  return gawah_transaction_commit (tx, error);
}

gboolean
gawah_casebook_delete_act (GawahCasebook  *self,
                           gint64          act_id,
                           GError        **error)
{
  g_autoptr(GawahTransaction) tx = NULL;
  gint64 incident_id = incident_of_act (self, act_id);

  if (incident_id == 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("No such act"));
      return FALSE;
    }
  tx = gawah_transaction_begin (self->db, error);
  if (tx == NULL ||
      !run_for_act (self, "DELETE FROM act WHERE id = ?1", act_id, NULL, 0, error) ||
      !gawah_casebook_refresh_suggestions_in_tx (self, incident_id, error))
    return FALSE;
  return gawah_transaction_commit (tx, error);
}

static void
read_act_details (GawahCasebook *self,
                  GawahAct      *act)
{
  g_autoptr(GawahStmt) involvements = gawah_db_prepare (self->db,
    "SELECT perpetrator_id, degree FROM involvement WHERE act_id = ?1 ORDER BY id", NULL);
  g_autoptr(GawahStmt) laws = gawah_db_prepare (self->db,
    "SELECT law FROM act_law WHERE act_id = ?1 ORDER BY law", NULL);
  g_autoptr(GStrvBuilder) law_codes = g_strv_builder_new ();
  gboolean has_row = FALSE;

  gawah_stmt_bind_int64 (involvements, 1, act->id);
  while (gawah_db_step_row (self->db, involvements, &has_row, NULL) && has_row)
    gawah_act_add_involvement (act, sqlite3_column_int64 (involvements, 0),
                               (const char *) sqlite3_column_text (involvements, 1));

  gawah_stmt_bind_int64 (laws, 1, act->id);
  while (gawah_db_step_row (self->db, laws, &has_row, NULL) && has_row)
    g_strv_builder_add (law_codes, (const char *) sqlite3_column_text (laws, 0));
  g_strfreev (act->laws);
  act->laws = g_strv_builder_end (law_codes);
}

static GawahAct *
read_act (GawahCasebook *self,
          GawahStmt     *stmt)
{
  GawahAct *act = gawah_act_new ();

  act->id = sqlite3_column_int64 (stmt, 0);
  act->uuid = gawah_stmt_dup_text (stmt, 1);
  act->incident_id = sqlite3_column_int64 (stmt, 2);
  act->victim_id = sqlite3_column_int64 (stmt, 3);
  act->act_type = gawah_stmt_dup_text (stmt, 4);
  gawah_stmt_read_date (stmt, 5, &act->start);
  gawah_stmt_read_date (stmt, 7, &act->end);
  act->outcome = gawah_stmt_dup_text (stmt, 9);
  gawah_stmt_read_timestamps (stmt, 10, &act->created_at, &act->updated_at);
  read_act_details (self, act);
  return act;
}

GPtrArray *
gawah_casebook_list_acts (GawahCasebook  *self,
                          gint64          incident_id,
                          GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT id, uuid, incident_id, victim_id, act_type, start_date, start_precision, end_date, end_precision,"
    " outcome, created_at, updated_at FROM act WHERE incident_id = ?1 ORDER BY start_date, id", error);

  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  return gawah_collect_rows (self, stmt, (GawahRowReader) read_act, (GDestroyNotify) gawah_act_free, error);
}
