/* gawah-timeline-query.c: the timeline's entries, in one query
 *
 * One row per incident and lane, from one join: an incident with two act
 * types comes back twice, once for each lane. The list's filter applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-casebook-private.h"
#include "gawah-timeline.h"

/* What each kind of lane reads: a column of the incident, or an
 * (incident_id, lane) relation joined once. */
static const struct {
  const char *column;
  const char *join;
} lane_sql[] = {
  [GAWAH_TIMELINE_LANES_NONE] = { "NULL", "" },
  [GAWAH_TIMELINE_LANES_PROVINCE] = { "i.province", "" },
  [GAWAH_TIMELINE_LANES_ACT_TYPE] = { "l.lane",
    " LEFT JOIN (SELECT DISTINCT incident_id, act_type AS lane FROM act) l ON l.incident_id = i.id" },
  [GAWAH_TIMELINE_LANES_HRD_CATEGORY] = { "l.lane",
    " LEFT JOIN (SELECT DISTINCT a.incident_id, c.category AS lane FROM act a"
    " JOIN person_category c ON c.person_id = a.victim_id) l ON l.incident_id = i.id" },
  [GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE] = { "l.lane",
    " LEFT JOIN (SELECT DISTINCT a.incident_id, p.perpetrator_type AS lane FROM act a"
    " JOIN involvement v ON v.act_id = a.id JOIN person p ON p.id = v.perpetrator_id"
    " WHERE p.perpetrator_type IS NOT NULL) l ON l.incident_id = i.id" },
};

/* Columns: incident id, title, start (date, precision), end (date,
 * precision), ongoing, lane, follow-up type (NULL for the incident itself),
 * follow-up not done yet. */
#define INCIDENT_COLUMNS \
  "SELECT i.id, i.title, i.start_date, i.start_precision, i.end_date, i.end_precision," \
  " i.ongoing, %1$s AS lane, NULL, 0 FROM incident i%2$s WHERE" GAWAH_INCIDENT_FILTER_WHERE

/* A follow-up is placed on the day it was done, or else on the day it is due. */
#define FOLLOW_UP_COLUMNS \
  " UNION ALL SELECT i.id, i.title, COALESCE (f.date, f.due_date)," \
  " CASE WHEN f.date IS NOT NULL THEN f.date_precision ELSE f.due_precision END," \
  " NULL, 'unknown', 0, %1$s, f.action_type, f.date IS NULL" \
  " FROM follow_up f JOIN incident i ON i.id = f.incident_id%2$s" \
  " WHERE COALESCE (f.date, f.due_date) IS NOT NULL AND" GAWAH_INCIDENT_FILTER_WHERE

static GawahTimelineEntry *
read_entry (sqlite3_stmt *stmt)
{
  GawahPartialDate start, end;
  GawahTimelineEntry *entry;
  const char *action = (const char *) sqlite3_column_text (stmt, 8);

  gawah_stmt_read_date (stmt, 2, &start);
  gawah_stmt_read_date (stmt, 4, &end);
  entry = gawah_timeline_entry_new (sqlite3_column_int64 (stmt, 0), &start, &end,
                                    sqlite3_column_int (stmt, 6) != 0,
                                    (const char *) sqlite3_column_text (stmt, 7),
                                    (const char *) sqlite3_column_text (stmt, 1));
  if (action != NULL)
    {
      entry->kind = GAWAH_TIMELINE_ENTRY_FOLLOW_UP;
      entry->action = g_intern_string (action);
      entry->due = sqlite3_column_int (stmt, 9) != 0;
    }
  return entry;
}

static char *
entries_sql (GawahTimelineLanes   lanes,
             GawahTimelineContent content)
{
  g_autofree char *incidents = g_strdup_printf (INCIDENT_COLUMNS, lane_sql[lanes].column, lane_sql[lanes].join);
  g_autofree char *follow_ups = NULL;

  if (content == GAWAH_TIMELINE_WITH_FOLLOW_UPS)
    follow_ups = g_strdup_printf (FOLLOW_UP_COLUMNS, lane_sql[lanes].column, lane_sql[lanes].join);
  return g_strconcat (incidents, follow_ups != NULL ? follow_ups : "", " ORDER BY 1", NULL);
}

/* Not gawah_db_prepare(): its statement cache belongs to the main thread. */
static GPtrArray *
read_entries (GawahDb       *db,
              sqlite3_stmt  *stmt,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Every 1024 rows: often enough to stop within a frame or two. */
      if ((entries->len & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_ptr_array_add (entries, read_entry (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      gawah_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
gawah_casebook_timeline_entries (GawahCasebook              *self,
                                 const GawahIncidentFilter  *filter,
                                 GawahTimelineLanes          lanes,
                                 GawahTimelineContent        content,
                                 GCancellable               *cancellable,
                                 GError                    **error)
{
  static const GawahIncidentFilter no_filter = { 0 };
  GawahDb *db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  GPtrArray *entries;
  int rc;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (lanes <= GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE, NULL);

  db = gawah_casebook_get_db (self);
  /* A LEFT JOIN keeps incidents with no code for the lane, in the NULL lane. */
  sql = entries_sql (lanes, content);
  rc = sqlite3_prepare_v2 (gawah_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gawah_db_set_error (db, rc, error);
      return NULL;
    }
  gawah_incident_filter_bind (stmt, filter != NULL ? filter : &no_filter);
  entries = read_entries (db, stmt, cancellable, error);
  sqlite3_finalize (stmt);
  return entries;
}
