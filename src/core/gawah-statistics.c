/* gawah-statistics.c: counts of incidents, and follow-up actions that are due
 *
 * Each count is one statement over the same WHERE clause as the incident
 * list (GAWAH_INCIDENT_FILTER_WHERE), so a chart always agrees with the list
 * beside it. An incident counts once per bar however many acts, victims or
 * perpetrators put it there, and an incident with nothing recorded for the
 * dimension counts under a NULL key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-casebook-private.h"
#include "gawah-statistics.h"

/* "ORDER BY 1 IS NULL" would be a constant: the sort keys need names. */
#define BY_COUNT " GROUP BY k ORDER BY n DESC, k IS NULL, k"

static const char * const count_sql[] = {
  [GAWAH_STATISTICS_ACT_TYPE] =
    "SELECT ac.act_type AS k, count(DISTINCT i.id) AS n FROM incident i"
    " LEFT JOIN act ac ON ac.incident_id = i.id"
    " WHERE" GAWAH_INCIDENT_FILTER_WHERE BY_COUNT,
  [GAWAH_STATISTICS_PROVINCE] =
    "SELECT nullif(i.province, '') AS k, count(*) AS n FROM incident i"
    " WHERE" GAWAH_INCIDENT_FILTER_WHERE BY_COUNT,
  /* Years in order: a chart of years is read as a time line. */
  [GAWAH_STATISTICS_YEAR] =
    "SELECT nullif(substr(i.start_date, 1, 4), '') AS k, count(*) AS n FROM incident i"
    " WHERE" GAWAH_INCIDENT_FILTER_WHERE " GROUP BY k ORDER BY k IS NULL, k",
  [GAWAH_STATISTICS_HRD_CATEGORY] =
    "SELECT pc.category AS k, count(DISTINCT i.id) AS n FROM incident i"
    " LEFT JOIN act ac ON ac.incident_id = i.id"
    " LEFT JOIN person_category pc ON pc.person_id = ac.victim_id"
    " WHERE" GAWAH_INCIDENT_FILTER_WHERE BY_COUNT,
  [GAWAH_STATISTICS_PERPETRATOR_TYPE] =
    "SELECT pp.perpetrator_type AS k, count(DISTINCT i.id) AS n FROM incident i"
    " LEFT JOIN act ac ON ac.incident_id = i.id"
    " LEFT JOIN involvement iv ON iv.act_id = ac.id"
    " LEFT JOIN person pp ON pp.id = iv.perpetrator_id"
    " WHERE" GAWAH_INCIDENT_FILTER_WHERE BY_COUNT,
};

static const char * const dimension_vocabulary[] = {
  [GAWAH_STATISTICS_ACT_TYPE] = GAWAH_VOCAB_ACT_TYPE,
  [GAWAH_STATISTICS_PROVINCE] = GAWAH_VOCAB_PROVINCE,
  [GAWAH_STATISTICS_YEAR] = NULL,
  [GAWAH_STATISTICS_HRD_CATEGORY] = GAWAH_VOCAB_HRD_CATEGORY,
  [GAWAH_STATISTICS_PERPETRATOR_TYPE] = GAWAH_VOCAB_PERPETRATOR_TYPE,
};

/* The vocabulary that labels a dimension's keys; NULL for years. */
const char *
gawah_statistics_dimension_vocabulary (GawahStatisticsDimension dimension)
{
  g_return_val_if_fail (dimension <= GAWAH_STATISTICS_PERPETRATOR_TYPE, NULL);
  return dimension_vocabulary[dimension];
}

static void
clear_row (GawahStatisticsRow *row)
{
  g_free (row->key);
}

static GArray *
collect_counts (GawahCasebook  *self,
                GawahStmt      *stmt,
                GError        **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (GawahStatisticsRow));
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_array_set_clear_func (rows, (GDestroyNotify) clear_row);
  while (gawah_db_step_row (self->db, stmt, &has_row, &local_error) && has_row)
    {
      GawahStatisticsRow row = { gawah_stmt_dup_text (stmt, 0), (guint) sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Rows of GawahStatisticsRow; the array frees their keys. */
GArray *
gawah_casebook_count_incidents_by (GawahCasebook             *self,
                                   GawahStatisticsDimension   dimension,
                                   const GawahIncidentFilter *filter,
                                   GError                   **error)
{
  static const GawahIncidentFilter everything = { NULL };
  g_autoptr(GawahStmt) stmt = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (dimension <= GAWAH_STATISTICS_PERPETRATOR_TYPE, NULL);

  stmt = gawah_db_prepare (self->db, count_sql[dimension], error);
  if (stmt == NULL)
    return NULL;
  gawah_incident_filter_bind (stmt, filter != NULL ? filter : &everything);
  return collect_counts (self, stmt, error);
}

void
gawah_agenda_item_free (GawahAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->incident_title);
  g_free (item->body);
  g_free (item->action_type);
  g_free (item->status);
  g_free (item->description);
  g_free (item);
}

static gpointer
read_agenda_item (GawahCasebook *self,
                  GawahStmt     *stmt)
{
  GawahAgendaItem *item = g_new0 (GawahAgendaItem, 1);

  item->follow_up_id = sqlite3_column_int64 (stmt, 0);
  item->incident_id = sqlite3_column_int64 (stmt, 1);
  item->incident_title = gawah_stmt_dup_text (stmt, 2);
  item->body = gawah_stmt_dup_text (stmt, 3);
  item->action_type = gawah_stmt_dup_text (stmt, 4);
  item->status = gawah_stmt_dup_text (stmt, 5);
  gawah_stmt_read_date (stmt, 6, &item->due);
  item->description = gawah_stmt_dup_text (stmt, 8);
  return item;
}

/* A due date of "2026-11" or "2026" runs to the end of that month or year,
 * hence the "-99" before comparing with today. A closed action is done; a
 * responded one is off the agenda once its date has passed, but a reply
 * received ahead of a hearing does not cancel the hearing. */
#define AGENDA_SQL \
  "SELECT f.id, f.incident_id, i.title, f.body, f.action_type, f.status, f.due_date, f.due_precision," \
  " f.description FROM follow_up f JOIN incident i ON i.id = f.incident_id" \
  " WHERE f.due_date IS NOT NULL AND f.status <> 'closed'" \
  "   AND (f.due_date || '-99' >= ?1 OR f.status <> 'responded')" \
  " ORDER BY f.due_date, f.id"

/* GawahAgendaItems, soonest (or longest overdue) first. */
GPtrArray *
gawah_casebook_list_agenda (GawahCasebook  *self,
                            const char     *today_iso,
                            GError        **error)
{
  g_autoptr(GawahStmt) stmt = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  stmt = gawah_db_prepare (self->db, AGENDA_SQL, error);
  if (stmt != NULL)
    gawah_stmt_bind_text (stmt, 1, today_iso);
  return gawah_collect_rows (self, stmt, read_agenda_item, (GDestroyNotify) gawah_agenda_item_free, error);
}
