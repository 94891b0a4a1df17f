/* gawah-incident-query.c: the incident list's query
 *
 * The filters, and what a row of the list shows. The query itself, which
 * returns ids only, a page at a time, is in gawah-incident-pager.c; the
 * list loads each row's summary when the row is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-incident-query.h"

void
gawah_incident_filter_clear (GawahIncidentFilter *filter)
{
  g_clear_pointer (&filter->text, g_free);
  g_clear_pointer (&filter->province, g_free);
  g_clear_pointer (&filter->act_type, g_free);
  g_clear_pointer (&filter->hrd_category, g_free);
  g_clear_pointer (&filter->perpetrator_type, g_free);
  g_clear_pointer (&filter->status, g_free);
  filter->from = filter->to = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  filter->person_id = 0;
}

static char *
dup_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* An empty code filters nothing, like NULL: views keep NULL only. */
void
gawah_incident_filter_copy (GawahIncidentFilter       *dest,
                            const GawahIncidentFilter *src)
{
  gawah_incident_filter_clear (dest);
  if (src == NULL)
    return;
  *dest = (GawahIncidentFilter) {
    dup_or_null (src->text), dup_or_null (src->province), dup_or_null (src->act_type),
    dup_or_null (src->hrd_category), dup_or_null (src->perpetrator_type), dup_or_null (src->status),
    src->from, src->to, src->person_id,
  };
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
gawah_incident_filter_is_empty (const GawahIncidentFilter *filter)
{
  return is_blank (filter->text) && filter->province == NULL && filter->act_type == NULL &&
         filter->hrd_category == NULL && filter->perpetrator_type == NULL && filter->status == NULL &&
         !gawah_partial_date_is_known (&filter->from) && !gawah_partial_date_is_known (&filter->to) &&
         filter->person_id == 0;
}

void
gawah_incident_summary_free (GawahIncidentSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->uuid);
  g_free (summary->title);
  g_free (summary->province);
  g_free (summary->district);
  g_free (summary->place);
  g_free (summary->status);
  g_free (summary->verification);
  g_strfreev (summary->act_types);
  g_free (summary->victims);
  g_free (summary);
}

/* "to 2019-03" includes every day of March 2019. */
static char *
end_of_range (const GawahPartialDate *to)
{
  g_autofree char *iso = gawah_partial_date_to_iso (to);

  return iso != NULL ? g_strconcat (iso, "-99", NULL) : NULL;
}

void
gawah_incident_filter_bind (GawahStmt                 *stmt,
                            const GawahIncidentFilter *filter)
{
  g_autofree char *match = gawah_search_expression (filter->text);
  g_autofree char *from = gawah_partial_date_to_iso (&filter->from);
  g_autofree char *to = end_of_range (&filter->to);

  gawah_stmt_bind_text_or_null (stmt, 1, match);
  gawah_stmt_bind_text_or_null (stmt, 2, filter->province);
  gawah_stmt_bind_text_or_null (stmt, 3, filter->act_type);
  gawah_stmt_bind_text_or_null (stmt, 4, filter->hrd_category);
  gawah_stmt_bind_text_or_null (stmt, 5, filter->perpetrator_type);
  gawah_stmt_bind_text_or_null (stmt, 6, filter->status);
  gawah_stmt_bind_text_or_null (stmt, 7, from);
  gawah_stmt_bind_text_or_null (stmt, 8, to);
  gawah_stmt_bind_id_or_null (stmt, 9, filter->person_id);
}

static GawahIncidentSummary *
read_summary (GawahCasebook *self,
              GawahStmt     *stmt)
{
  GawahIncidentSummary *summary = g_new0 (GawahIncidentSummary, 1);
  const char *act_types = (const char *) sqlite3_column_text (stmt, 13);

  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->uuid = gawah_stmt_dup_text (stmt, 1);
  summary->title = gawah_stmt_dup_text (stmt, 2);
  gawah_stmt_read_date (stmt, 3, &summary->start);
  gawah_stmt_read_date (stmt, 5, &summary->end);
  summary->ongoing = sqlite3_column_int (stmt, 7) != 0;
  summary->province = gawah_stmt_dup_text (stmt, 8);
  summary->district = gawah_stmt_dup_text (stmt, 9);
  summary->place = gawah_stmt_dup_text (stmt, 10);
  summary->status = gawah_stmt_dup_text (stmt, 11);
  summary->verification = gawah_stmt_dup_text (stmt, 12);
  summary->act_types = act_types != NULL ? g_strsplit (act_types, " ", -1) : g_new0 (char *, 1);
  summary->victims = gawah_stmt_dup_text (stmt, 14);
  return summary;
}

GawahIncidentSummary *
gawah_casebook_get_summary (GawahCasebook  *self,
                            gint64          id,
                            GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (gawah_casebook_get_db (self),
    "SELECT i.id, i.uuid, i.title, i.start_date, i.start_precision, i.end_date, i.end_precision, i.ongoing,"
    " i.province, i.district, i.place, i.status, i.verification,"
    " (SELECT group_concat(t, ' ') FROM (SELECT DISTINCT act_type AS t FROM act WHERE incident_id = i.id ORDER BY id)),"
    " (SELECT group_concat(coalesce(nullif(p.name_latin, ''), p.name_urdu), ', ') FROM person p"
    "   WHERE p.id IN (SELECT victim_id FROM act WHERE incident_id = i.id))"
    " FROM incident i WHERE i.id = ?1", error);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  if (stmt != NULL)
    gawah_stmt_bind_int64 (stmt, 1, id);
  return gawah_read_one_row (self, stmt, (GawahRowReader) read_summary, _("No such incident"), error);
}
