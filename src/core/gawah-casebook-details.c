/* gawah-casebook-details.c: an incident's chronology, follow-up actions,
 * sources, evidence and links to other incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* Every detail row ends with "RETURNING id, created_at, updated_at". */
static gboolean
finish_write (GawahCasebook  *self,
              GawahStmt      *stmt,
              gint64         *id,
              char          **created_at,
              char          **updated_at,
              GError        **error)
{
  gboolean has_row = FALSE;

  if (!gawah_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("The record no longer exists"));
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  gawah_stmt_read_timestamps (stmt, 1, created_at, updated_at);
  return gawah_db_step_done (self->db, stmt, error);
}

static GawahStmt *
prepare_for_incident (GawahCasebook  *self,
                      const char     *sql,
                      gint64          incident_id,
                      GError        **error)
{
  GawahStmt *stmt = gawah_db_prepare (self->db, sql, error);

  if (stmt != NULL)
    gawah_stmt_bind_int64 (stmt, 1, incident_id);
  return stmt;
}

/* Chronology */

gboolean
gawah_casebook_save_chronology_entry (GawahCasebook         *self,
                                      GawahChronologyEntry  *entry,
                                      GError               **error)
{
  g_autoptr(GawahStmt) stmt = NULL;

  if (!gawah_check_record_exists (self, "incident", entry->incident_id, _("Incident"), error) ||
      !gawah_partial_date_validate (&entry->date, _("Date"), error) ||
      !gawah_check_code (self, GAWAH_VOCAB_CHRONOLOGY_STEP, entry->step, _("Step"), error) ||
      !gawah_check_required_text (entry->description, _("Description"), error))
    return FALSE;
  if (!gawah_ensure_uuid (&entry->uuid, error))
    return FALSE;

  stmt = gawah_db_prepare (self->db, entry->id == 0
    ? "INSERT INTO chronology (incident_id, uuid, date, precision, step, description)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id, created_at, updated_at"
    : "UPDATE chronology SET incident_id = ?1, uuid = ?2, date = ?3, precision = ?4, step = ?5,"
      " description = ?6, updated_at = " NOW " WHERE id = ?7 RETURNING id, created_at, updated_at", error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, entry->incident_id);
  gawah_stmt_bind_text (stmt, 2, entry->uuid);
  gawah_stmt_bind_date (stmt, 3, &entry->date);
  gawah_stmt_bind_text (stmt, 5, entry->step);
  gawah_stmt_bind_text (stmt, 6, entry->description);
  if (entry->id != 0)
    gawah_stmt_bind_int64 (stmt, 7, entry->id);
  return finish_write (self, stmt, &entry->id, &entry->created_at, &entry->updated_at, error);
}

static GawahChronologyEntry *
read_chronology_entry (GawahCasebook *self,
                       GawahStmt     *stmt)
{
  GawahChronologyEntry *entry = g_new0 (GawahChronologyEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->uuid = gawah_stmt_dup_text (stmt, 1);
  entry->incident_id = sqlite3_column_int64 (stmt, 2);
  gawah_stmt_read_date (stmt, 3, &entry->date);
  entry->step = gawah_stmt_dup_text (stmt, 5);
  entry->description = gawah_stmt_dup_text (stmt, 6);
  gawah_stmt_read_timestamps (stmt, 7, &entry->created_at, &entry->updated_at);
  return entry;
}

GPtrArray *
gawah_casebook_list_chronology (GawahCasebook  *self,
                                gint64          incident_id,
                                GError        **error)
{
  g_autoptr(GawahStmt) stmt = prepare_for_incident (self,
    "SELECT id, uuid, incident_id, date, precision, step, description, created_at, updated_at"
    " FROM chronology WHERE incident_id = ?1 ORDER BY date IS NULL, date, id", incident_id, error);

  return gawah_collect_rows (self, stmt, (GawahRowReader) read_chronology_entry,
                             (GDestroyNotify) gawah_chronology_entry_free, error);
}

/* Follow-up actions */

static gboolean
check_follow_up (GawahCasebook        *self,
                 const GawahFollowUp  *follow_up,
                 GError              **error)
{
  return gawah_check_record_exists (self, "incident", follow_up->incident_id, _("Incident"), error) &&
         gawah_check_code (self, GAWAH_VOCAB_FOLLOW_UP_BODY, follow_up->body, _("Addressed to"), error) &&
         gawah_check_code (self, GAWAH_VOCAB_FOLLOW_UP_TYPE, follow_up->action_type, _("Type of action"), error) &&
         gawah_check_code (self, GAWAH_VOCAB_FOLLOW_UP_STATUS, follow_up->status, _("Status"), error) &&
         gawah_check_date_range (&follow_up->date, &follow_up->due, _("Date"), _("Due date"), error) &&
         gawah_check_optional_text (follow_up->description, _("Description"), error) &&
         gawah_check_optional_text (follow_up->response, _("Response"), error);
}

gboolean
gawah_casebook_save_follow_up (GawahCasebook  *self,
                               GawahFollowUp  *follow_up,
                               GError        **error)
{
  g_autoptr(GawahStmt) stmt = NULL;

  if (!check_follow_up (self, follow_up, error))
    return FALSE;
  if (!gawah_ensure_uuid (&follow_up->uuid, error))
    return FALSE;

  stmt = gawah_db_prepare (self->db, follow_up->id == 0
    ? "INSERT INTO follow_up (incident_id, uuid, body, action_type, status, date, date_precision,"
      " due_date, due_precision, description, response) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
      " RETURNING id, created_at, updated_at"
    : "UPDATE follow_up SET incident_id = ?1, uuid = ?2, body = ?3, action_type = ?4, status = ?5, date = ?6,"
      " date_precision = ?7, due_date = ?8, due_precision = ?9, description = ?10, response = ?11,"
      " updated_at = " NOW " WHERE id = ?12 RETURNING id, created_at, updated_at", error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, follow_up->incident_id);
  gawah_stmt_bind_text (stmt, 2, follow_up->uuid);
  gawah_stmt_bind_text (stmt, 3, follow_up->body);
  gawah_stmt_bind_text (stmt, 4, follow_up->action_type);
  gawah_stmt_bind_text (stmt, 5, follow_up->status);
  gawah_stmt_bind_date (stmt, 6, &follow_up->date);
  gawah_stmt_bind_date (stmt, 8, &follow_up->due);
  gawah_stmt_bind_text (stmt, 10, follow_up->description);
  gawah_stmt_bind_text (stmt, 11, follow_up->response);
  if (follow_up->id != 0)
    gawah_stmt_bind_int64 (stmt, 12, follow_up->id);
  return finish_write (self, stmt, &follow_up->id, &follow_up->created_at, &follow_up->updated_at, error);
}

static GawahFollowUp *
read_follow_up (GawahCasebook *self,
                GawahStmt     *stmt)
{
  GawahFollowUp *follow_up = g_new0 (GawahFollowUp, 1);

  follow_up->id = sqlite3_column_int64 (stmt, 0);
  follow_up->uuid = gawah_stmt_dup_text (stmt, 1);
  follow_up->incident_id = sqlite3_column_int64 (stmt, 2);
  follow_up->body = gawah_stmt_dup_text (stmt, 3);
  follow_up->action_type = gawah_stmt_dup_text (stmt, 4);
  follow_up->status = gawah_stmt_dup_text (stmt, 5);
  gawah_stmt_read_date (stmt, 6, &follow_up->date);
  gawah_stmt_read_date (stmt, 8, &follow_up->due);
  follow_up->description = gawah_stmt_dup_text (stmt, 10);
  follow_up->response = gawah_stmt_dup_text (stmt, 11);
  gawah_stmt_read_timestamps (stmt, 12, &follow_up->created_at, &follow_up->updated_at);
  return follow_up;
}

GPtrArray *
gawah_casebook_list_follow_ups (GawahCasebook  *self,
                                gint64          incident_id,
                                GError        **error)
{
  g_autoptr(GawahStmt) stmt = prepare_for_incident (self,
    "SELECT id, uuid, incident_id, body, action_type, status, date, date_precision, due_date, due_precision,"
    " description, response, created_at, updated_at FROM follow_up WHERE incident_id = ?1"
    " ORDER BY date IS NULL, date, id", incident_id, error);

  return gawah_collect_rows (self, stmt, (GawahRowReader) read_follow_up,
                             (GDestroyNotify) gawah_follow_up_free, error);
}

/* Sources: the source's reliability and the information's credibility are
 * rated apart, as the OHCHR monitoring manual asks. */

static gboolean
check_source (GawahCasebook      *self,
              const GawahSource  *source,
              GError            **error)
{
  return gawah_check_record_exists (self, "incident", source->incident_id, _("Incident"), error) &&
         (source->person_id == 0 ||
          gawah_check_record_exists (self, "person", source->person_id, _("Source person"), error)) &&
         gawah_check_code (self, GAWAH_VOCAB_SOURCE_TYPE, source->source_type, _("Type of source"), error) &&
         gawah_check_code (self, GAWAH_VOCAB_SOURCE_RELIABILITY, source->reliability, _("Reliability"), error) &&
         gawah_check_code (self, GAWAH_VOCAB_CREDIBILITY, source->credibility, _("Credibility"), error) &&
         gawah_partial_date_validate (&source->obtained, _("Date obtained"), error) &&
         gawah_check_optional_text (source->description, _("Description"), error);
}

gboolean
gawah_casebook_save_source (GawahCasebook  *self,
                            GawahSource    *source,
                            GError        **error)
{
  g_autoptr(GawahStmt) stmt = NULL;

  if (!check_source (self, source, error))
    return FALSE;
  if (!gawah_ensure_uuid (&source->uuid, error))
    return FALSE;

  stmt = gawah_db_prepare (self->db, source->id == 0
    ? "INSERT INTO source (incident_id, uuid, person_id, source_type, reliability, credibility,"
      " obtained_date, obtained_precision, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
      " RETURNING id, created_at, updated_at"
    : "UPDATE source SET incident_id = ?1, uuid = ?2, person_id = ?3, source_type = ?4, reliability = ?5,"
      " credibility = ?6, obtained_date = ?7, obtained_precision = ?8, description = ?9,"
      " updated_at = " NOW " WHERE id = ?10 RETURNING id, created_at, updated_at", error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, source->incident_id);
  gawah_stmt_bind_text (stmt, 2, source->uuid);
  gawah_stmt_bind_id_or_null (stmt, 3, source->person_id);
  gawah_stmt_bind_text (stmt, 4, source->source_type);
  gawah_stmt_bind_text (stmt, 5, source->reliability);
  gawah_stmt_bind_text (stmt, 6, source->credibility);
  gawah_stmt_bind_date (stmt, 7, &source->obtained);
  gawah_stmt_bind_text (stmt, 9, source->description);
  if (source->id != 0)
    gawah_stmt_bind_int64 (stmt, 10, source->id);
  return finish_write (self, stmt, &source->id, &source->created_at, &source->updated_at, error);
}

static GawahSource *
read_source (GawahCasebook *self,
             GawahStmt     *stmt)
{
  GawahSource *source = g_new0 (GawahSource, 1);

  source->id = sqlite3_column_int64 (stmt, 0);
  source->uuid = gawah_stmt_dup_text (stmt, 1);
  source->incident_id = sqlite3_column_int64 (stmt, 2);
  source->person_id = sqlite3_column_int64 (stmt, 3);
  source->source_type = gawah_stmt_dup_text (stmt, 4);
  source->reliability = gawah_stmt_dup_text (stmt, 5);
  source->credibility = gawah_stmt_dup_text (stmt, 6);
  gawah_stmt_read_date (stmt, 7, &source->obtained);
  source->description = gawah_stmt_dup_text (stmt, 9);
  gawah_stmt_read_timestamps (stmt, 10, &source->created_at, &source->updated_at);
  return source;
}

GPtrArray *
gawah_casebook_list_sources (GawahCasebook  *self,
                             gint64          incident_id,
                             GError        **error)
{
  g_autoptr(GawahStmt) stmt = prepare_for_incident (self,
    "SELECT id, uuid, incident_id, person_id, source_type, reliability, credibility, obtained_date,"
    " obtained_precision, description, created_at, updated_at FROM source WHERE incident_id = ?1 ORDER BY id",
    incident_id, error);

  return gawah_collect_rows (self, stmt, (GawahRowReader) read_source,
                             (GDestroyNotify) gawah_source_free, error);
}

/* Evidence: the file itself is kept inside the encrypted casebook, and its
 * SHA-256 is taken once, at intake, so later tampering can be shown. */

GawahEvidence *
gawah_casebook_attach_evidence (GawahCasebook  *self,
                                gint64          incident_id,
                                gint64          source_id,
                                const char     *file_name,
                                const char     *media_type,
                                GBytes         *content,
                                GError        **error)
{
  g_autoptr(GawahEvidence) evidence = g_new0 (GawahEvidence, 1);
  g_autoptr(GawahStmt) stmt = NULL;
  g_autofree char *unused_updated_at = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (content, &size);

  if (!gawah_check_record_exists (self, "incident", incident_id, _("Incident"), error) ||
      (source_id != 0 && !gawah_check_record_exists (self, "source", source_id, _("Source"), error)) ||
      !gawah_check_required_text (file_name, _("File name"), error))
    return NULL;

  evidence->uuid = g_uuid_string_random ();
  evidence->incident_id = incident_id;
  evidence->source_id = source_id;
  evidence->file_name = g_strdup (file_name);
  evidence->media_type = g_strdup (media_type != NULL ? media_type : "application/octet-stream");
  evidence->size = (gint64) size;
  evidence->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);

  stmt = gawah_db_prepare (self->db,
    "INSERT INTO evidence (incident_id, uuid, source_id, file_name, media_type, size, sha256, content)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id, created_at, created_at", error);
  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  gawah_stmt_bind_text (stmt, 2, evidence->uuid);
  gawah_stmt_bind_id_or_null (stmt, 3, source_id);
  gawah_stmt_bind_text (stmt, 4, evidence->file_name);
  gawah_stmt_bind_text (stmt, 5, evidence->media_type);
  gawah_stmt_bind_int64 (stmt, 6, evidence->size);
  gawah_stmt_bind_text (stmt, 7, evidence->sha256);
  sqlite3_bind_blob64 (stmt, 8, size > 0 ? data : (const guint8 *) "", size, SQLITE_STATIC);
  if (!finish_write (self, stmt, &evidence->id, &evidence->created_at, &unused_updated_at, error))
    return NULL;
  return g_steal_pointer (&evidence);
}

static GawahEvidence *
read_evidence (GawahCasebook *self,
               GawahStmt     *stmt)
{
  GawahEvidence *evidence = g_new0 (GawahEvidence, 1);

  evidence->id = sqlite3_column_int64 (stmt, 0);
  evidence->uuid = gawah_stmt_dup_text (stmt, 1);
  evidence->incident_id = sqlite3_column_int64 (stmt, 2);
  evidence->source_id = sqlite3_column_int64 (stmt, 3);
  evidence->file_name = gawah_stmt_dup_text (stmt, 4);
  evidence->media_type = gawah_stmt_dup_text (stmt, 5);
  evidence->size = sqlite3_column_int64 (stmt, 6);
  evidence->sha256 = gawah_stmt_dup_text (stmt, 7);
  evidence->created_at = gawah_stmt_dup_text (stmt, 8);
  return evidence;
}

GPtrArray *
gawah_casebook_list_evidence (GawahCasebook  *self,
                              gint64          incident_id,
                              GError        **error)
{
  g_autoptr(GawahStmt) stmt = prepare_for_incident (self,
    "SELECT id, uuid, incident_id, source_id, file_name, media_type, size, sha256, created_at"
    " FROM evidence WHERE incident_id = ?1 ORDER BY id", incident_id, error);

  return gawah_collect_rows (self, stmt, (GawahRowReader) read_evidence,
                             (GDestroyNotify) gawah_evidence_free, error);
}

GBytes *
gawah_casebook_read_evidence (GawahCasebook  *self,
                              gint64          evidence_id,
                              GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, "SELECT content FROM evidence WHERE id = ?1", error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, evidence_id);
  if (!gawah_db_step_row (self->db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("No such evidence"));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

/* Links between incidents: a chain of events */

gboolean
gawah_casebook_save_link (GawahCasebook      *self,
                          GawahIncidentLink  *link,
                          GError            **error)
{
  g_autoptr(GawahStmt) stmt = NULL;

  if (!gawah_check_record_exists (self, "incident", link->from_incident_id, _("Incident"), error) ||
      !gawah_check_record_exists (self, "incident", link->to_incident_id, _("Linked incident"), error) ||
      !gawah_check_code (self, GAWAH_VOCAB_LINK_TYPE, link->link_type, _("Type of link"), error) ||
      !gawah_check_optional_text (link->note, _("Note"), error))
    return FALSE;
  if (link->from_incident_id == link->to_incident_id)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           _("Linked incident: an incident cannot be linked to itself"));
      return FALSE;
    }
  if (!gawah_ensure_uuid (&link->uuid, error))
    return FALSE;

  stmt = gawah_db_prepare (self->db, link->id == 0
    ? "INSERT INTO incident_link (from_incident_id, uuid, to_incident_id, link_type, note)"
      " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id, created_at, updated_at"
    : "UPDATE incident_link SET from_incident_id = ?1, uuid = ?2, to_incident_id = ?3, link_type = ?4,"
      " note = ?5, updated_at = " NOW " WHERE id = ?6 RETURNING id, created_at, updated_at", error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, link->from_incident_id);
  gawah_stmt_bind_text (stmt, 2, link->uuid);
  gawah_stmt_bind_int64 (stmt, 3, link->to_incident_id);
  gawah_stmt_bind_text (stmt, 4, link->link_type);
  gawah_stmt_bind_text (stmt, 5, link->note);
  if (link->id != 0)
    gawah_stmt_bind_int64 (stmt, 6, link->id);
  return finish_write (self, stmt, &link->id, &link->created_at, &link->updated_at, error);
}

static GawahIncidentLink *
read_link (GawahCasebook *self,
           GawahStmt     *stmt)
{
  GawahIncidentLink *link = g_new0 (GawahIncidentLink, 1);

  link->id = sqlite3_column_int64 (stmt, 0);
  link->uuid = gawah_stmt_dup_text (stmt, 1);
  link->from_incident_id = sqlite3_column_int64 (stmt, 2);
  link->to_incident_id = sqlite3_column_int64 (stmt, 3);
  link->link_type = gawah_stmt_dup_text (stmt, 4);
  link->note = gawah_stmt_dup_text (stmt, 5);
  gawah_stmt_read_timestamps (stmt, 6, &link->created_at, &link->updated_at);
  return link;
}

/* Both directions: the links an incident makes and the ones made to it. */
GPtrArray *
gawah_casebook_list_links (GawahCasebook  *self,
                           gint64          incident_id,
                           GError        **error)
{
  g_autoptr(GawahStmt) stmt = prepare_for_incident (self,
    "SELECT id, uuid, from_incident_id, to_incident_id, link_type, note, created_at, updated_at"
    " FROM incident_link WHERE from_incident_id = ?1 OR to_incident_id = ?1 ORDER BY id", incident_id, error);

  return gawah_collect_rows (self, stmt, (GawahRowReader) read_link,
                             (GDestroyNotify) gawah_incident_link_free, error);
}
