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

static gpointer
read_entry (GawahCasebook *self,
            GawahStmt     *stmt)
{
  GawahPartialDate start, end;

  gawah_stmt_read_date (stmt, 2, &start);
  gawah_stmt_read_date (stmt, 4, &end);
  return gawah_timeline_entry_new (sqlite3_column_int64 (stmt, 0), &start, &end,
                                   sqlite3_column_int (stmt, 6) != 0,
                                   (const char *) sqlite3_column_text (stmt, 7),
                                   (const char *) sqlite3_column_text (stmt, 1));
}

GPtrArray *
gawah_casebook_timeline_entries (GawahCasebook              *self,
                                 const GawahIncidentFilter  *filter,
                                 GawahTimelineLanes          lanes,
                                 GError                    **error)
{
  static const GawahIncidentFilter no_filter = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(GawahStmt) stmt = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (lanes <= GAWAH_TIMELINE_LANES_PERPETRATOR_TYPE, NULL);

  /* A LEFT JOIN keeps incidents with no code for the lane, in the NULL lane. */
  sql = g_strconcat ("SELECT i.id, i.title, i.start_date, i.start_precision, i.end_date, i.end_precision,"
                     " i.ongoing, ", lane_sql[lanes].column, " AS lane FROM incident i",
                     lane_sql[lanes].join, " WHERE", GAWAH_INCIDENT_FILTER_WHERE,
                     " ORDER BY i.id", NULL);
  stmt = gawah_db_prepare (gawah_casebook_get_db (self), sql, error);
  if (stmt == NULL)
    return NULL;
  gawah_incident_filter_bind (stmt, filter != NULL ? filter : &no_filter);
  return gawah_collect_rows (self, stmt, read_entry, g_free, error);
}
