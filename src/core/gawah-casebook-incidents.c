/* gawah-casebook-incidents.c: incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

#define INCIDENT_COLUMNS \
  "id, uuid, title, summary, start_date, start_precision, end_date, end_precision, ongoing," \
  " province, district, place, verification, confidentiality, status, created_at, updated_at"

static gboolean
check_location (GawahCasebook        *self,
                const GawahIncident  *incident,
                GError              **error)
{
  const GawahTerm *district;

  if (!gawah_check_optional_code (self, GAWAH_VOCAB_PROVINCE, incident->province, _("Province"), error) ||
      !gawah_check_optional_code (self, GAWAH_VOCAB_PROVINCE, incident->district, _("District"), error) ||
      !gawah_check_optional_text (incident->place, _("Place"), error))
    return FALSE;

  district = gawah_vocabularies_lookup (self->vocabularies, GAWAH_VOCAB_PROVINCE, incident->district);
  if (district != NULL && district->parent_code == NULL)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("District: “%s” is a province, not a district"), incident->district);
      return FALSE;
    }
  if (district != NULL && incident->province != NULL && *incident->province != '\0' &&
      g_strcmp0 (district->parent_code, incident->province) != 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   /* Translators: %1$s is a district code, %2$s a province code. */
                   _("District: “%1$s” is not in the province “%2$s”"),
                   incident->district, incident->province);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_incident (GawahCasebook        *self,
                const GawahIncident  *incident,
                GError              **error)
{
  if (!gawah_check_required_text (incident->title, _("Title"), error) ||
      !gawah_check_optional_text (incident->summary, _("Summary"), error) ||
      !gawah_check_date_range (&incident->start, &incident->end, _("Start date"), _("End date"), error) ||
      !check_location (self, incident, error) ||
      !gawah_check_code (self, GAWAH_VOCAB_VERIFICATION, incident->verification, _("Verification"), error) ||
      !gawah_check_code (self, GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality, _("Confidentiality"), error) ||
      !gawah_check_code (self, GAWAH_VOCAB_CASE_STATUS, incident->status, _("Case status"), error))
    return FALSE;

  if (incident->ongoing && gawah_partial_date_is_known (&incident->end))
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           _("End date: an ongoing incident has no end date yet"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_incident (GawahStmt           *stmt,
               const GawahIncident *incident)
{
  gawah_stmt_bind_text (stmt, 1, incident->uuid);
  gawah_stmt_bind_text (stmt, 2, incident->title);
  gawah_stmt_bind_text (stmt, 3, incident->summary);
  gawah_stmt_bind_date (stmt, 4, &incident->start);
  gawah_stmt_bind_date (stmt, 6, &incident->end);
  gawah_stmt_bind_int64 (stmt, 8, incident->ongoing ? 1 : 0);
  gawah_stmt_bind_text_or_null (stmt, 9, incident->province);
  gawah_stmt_bind_text_or_null (stmt, 10, incident->district);
  gawah_stmt_bind_text (stmt, 11, incident->place);
  gawah_stmt_bind_text (stmt, 12, incident->verification);
  gawah_stmt_bind_text (stmt, 13, incident->confidentiality);
  gawah_stmt_bind_text (stmt, 14, incident->status);
}

static gboolean
write_incident (GawahCasebook  *self,
                GawahIncident  *incident,
                GError        **error)
{
  const char *sql = incident->id == 0
    ? "INSERT INTO incident (uuid, title, summary, start_date, start_precision, end_date, end_precision,"
      " ongoing, province, district, place, verification, confidentiality, status)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
      " RETURNING id, created_at, updated_at"
    : "UPDATE incident SET uuid = ?1, title = ?2, summary = ?3, start_date = ?4, start_precision = ?5,"
      " end_date = ?6, end_precision = ?7, ongoing = ?8, province = ?9, district = ?10, place = ?11,"
      " verification = ?12, confidentiality = ?13, status = ?14,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
      " WHERE id = ?15 RETURNING id, created_at, updated_at";
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  bind_incident (stmt, incident);
  if (incident->id != 0)
    gawah_stmt_bind_int64 (stmt, 15, incident->id);
  if (!gawah_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("The incident no longer exists"));
      return FALSE;
    }
  incident->id = sqlite3_column_int64 (stmt, 0);
  gawah_stmt_read_timestamps (stmt, 1, &incident->created_at, &incident->updated_at);
  return gawah_db_step_done (self->db, stmt, error);
}

gboolean
gawah_casebook_save_incident (GawahCasebook  *self,
                              GawahIncident  *incident,
                              GError        **error)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  g_return_val_if_fail (incident != NULL, FALSE);

  if (!check_incident (self, incident, error))
    return FALSE;
  g_strstrip (incident->title);
  if (!gawah_ensure_uuid (&incident->uuid, error))
    return FALSE;
  return write_incident (self, incident, error);
}

static GawahIncident *
read_incident (GawahCasebook *self,
               GawahStmt     *stmt)
{
  GawahIncident *incident = g_new0 (GawahIncident, 1);

  incident->id = sqlite3_column_int64 (stmt, 0);
  incident->uuid = gawah_stmt_dup_text (stmt, 1);
  incident->title = gawah_stmt_dup_text (stmt, 2);
  incident->summary = gawah_stmt_dup_text (stmt, 3);
  gawah_stmt_read_date (stmt, 4, &incident->start);
  gawah_stmt_read_date (stmt, 6, &incident->end);
  incident->ongoing = sqlite3_column_int (stmt, 8) != 0;
  incident->province = gawah_stmt_dup_text (stmt, 9);
  incident->district = gawah_stmt_dup_text (stmt, 10);
  incident->place = gawah_stmt_dup_text (stmt, 11);
  incident->verification = gawah_stmt_dup_text (stmt, 12);
  incident->confidentiality = gawah_stmt_dup_text (stmt, 13);
  incident->status = gawah_stmt_dup_text (stmt, 14);
  gawah_stmt_read_timestamps (stmt, 15, &incident->created_at, &incident->updated_at);
  return incident;
}

static GPtrArray *
collect_incidents (GawahCasebook  *self,
                   GawahStmt      *stmt,
                   GError        **error)
{
  return gawah_collect_rows (self, stmt, (GawahRowReader) read_incident,
                             (GDestroyNotify) gawah_incident_free, error);
}

GawahIncident *
gawah_casebook_get_incident (GawahCasebook  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, "SELECT " INCIDENT_COLUMNS " FROM incident WHERE id = ?1", error);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  if (stmt != NULL)
    gawah_stmt_bind_int64 (stmt, 1, id);
  return gawah_read_one_row (self, stmt, (GawahRowReader) read_incident, _("No such incident"), error);
}

/* What people and scripts type: the number shown in lists, a whole UUID,
 * or the first characters of one (at least 8, as git does with hashes). */
gint64
gawah_casebook_find_incident (GawahCasebook  *self,
                              const char     *id_or_uuid,
                              GError        **error)
{
  g_autoptr(GawahStmt) stmt = NULL;
  char *end = NULL;
  gint64 number = g_ascii_strtoll (id_or_uuid, &end, 10);
  gint64 found = 0;
  gboolean has_row = FALSE;

  /* "20191113" may be a number or the start of a UUID: a number first. */
  if (end != id_or_uuid && *end == '\0' && number > 0 &&
      gawah_check_record_exists (self, "incident", number, _("Incident"), NULL))
    return number;

  /* A prefix is compared as text, never as a LIKE pattern: "%" is no id. */
  stmt = gawah_db_prepare (self->db,
    "SELECT id FROM incident WHERE substr(uuid, 1, ?2) = lower(?1) AND (?2 >= 8 OR ?2 = length(uuid)) LIMIT 2", error);
  if (stmt == NULL)
    return 0;
  gawah_stmt_bind_text (stmt, 1, id_or_uuid);
  gawah_stmt_bind_int64 (stmt, 2, (gint64) strlen (id_or_uuid));
  if (gawah_db_step_row (self->db, stmt, &has_row, error) && has_row)
    found = sqlite3_column_int64 (stmt, 0);
  if (found != 0 && gawah_db_step_row (self->db, stmt, &has_row, error) && has_row)
    found = -1;

  if (found <= 0 && (error == NULL || *error == NULL))
    g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                 found < 0 ? _("Incident: “%s” matches more than one incident; give more of the id")
                           : _("Incident: no incident has the id “%s”"),
                 id_or_uuid);
  return MAX (found, 0);
}

gboolean
gawah_casebook_delete_incident (GawahCasebook  *self,
                                gint64          id,
                                GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, "DELETE FROM incident WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, id);
  if (!gawah_db_step_done (self->db, stmt, error))
    return FALSE;
  if (gawah_db_changes (self->db) == 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("No such incident"));
      return FALSE;
    }
  return TRUE;
}

/* Newest first; incidents of unknown date last. */
GPtrArray *
gawah_casebook_list_incidents (GawahCasebook  *self,
                               guint           offset,
                               guint           limit,
                               GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT " INCIDENT_COLUMNS " FROM incident"
    " ORDER BY start_date IS NULL, start_date DESC, id DESC LIMIT ?1 OFFSET ?2", error);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, limit == 0 ? -1 : (gint64) limit);
  gawah_stmt_bind_int64 (stmt, 2, offset);
  return collect_incidents (self, stmt, error);
}

gint64
gawah_casebook_count_incidents (GawahCasebook  *self,
                                GError        **error)
{
  gint64 count = 0;

  gawah_db_query_int (self->db, "SELECT count(*) FROM incident", &count, error);
  return count;
}

/* A defender's page: every incident in which the person was a victim or a perpetrator. */
GPtrArray *
gawah_casebook_list_incidents_of_person (GawahCasebook  *self,
                                         gint64          person_id,
                                         GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT " INCIDENT_COLUMNS " FROM incident WHERE id IN ("
    " SELECT incident_id FROM act WHERE victim_id = ?1"
    " UNION SELECT a.incident_id FROM involvement v JOIN act a ON a.id = v.act_id WHERE v.perpetrator_id = ?1"
    " UNION SELECT incident_id FROM source WHERE person_id = ?1)"
    " ORDER BY start_date IS NULL, start_date, id", error);

  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, person_id);
  return collect_incidents (self, stmt, error);
}
