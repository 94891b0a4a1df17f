/* gawah-casebook-private.h: what the casebook's own modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-catalogue.h"
#include "gawah-db.h"
#include "gawah-incident-query.h"
#include "gawah-mapping.h"
#include "gawah-vocabulary.h"

G_BEGIN_DECLS

struct _GawahCasebook
{
  GObject             parent_instance;

  char               *path;
  GawahDb            *db;
  GawahVocabularies  *vocabularies;
  GawahCatalogue     *catalogue;
  GawahMappingRules  *rules;
};

GawahDb  *gawah_casebook_get_db         (GawahCasebook          *self);
gboolean  gawah_db_check_integrity      (GawahDb                *db,
                                         GPtrArray             **problems,
                                         GError                **error);

/* Field checks: each error names the field the user has to fix. */
gboolean  gawah_check_required_text     (const char             *value,
                                         const char             *field,
                                         GError                **error);
gboolean  gawah_check_optional_text     (const char             *value,
                                         const char             *field,
                                         GError                **error);
gboolean  gawah_check_code              (GawahCasebook          *self,
                                         const char             *vocabulary_id,
                                         const char             *code,
                                         const char             *field,
                                         GError                **error);
gboolean  gawah_check_optional_code     (GawahCasebook          *self,
                                         const char             *vocabulary_id,
                                         const char             *code,
                                         const char             *field,
                                         GError                **error);
gboolean  gawah_check_date_range        (const GawahPartialDate *start,
                                         const GawahPartialDate *end,
                                         const char             *start_field,
                                         const char             *end_field,
                                         GError                **error);
gboolean  gawah_check_record_exists     (GawahCasebook          *self,
                                         const char             *table,
                                         gint64                  id,
                                         const char             *field,
                                         GError                **error);

void      gawah_stmt_bind_date          (GawahStmt              *stmt,
                                         int                     date_index,
                                         const GawahPartialDate *date);
void      gawah_stmt_read_date          (GawahStmt              *stmt,
                                         int                     date_column,
                                         GawahPartialDate       *date);
gboolean  gawah_ensure_uuid             (char                  **uuid,
                                         GError                **error);
void      gawah_stmt_read_timestamps    (GawahStmt              *stmt,
                                         int                     first_column,
                                         char                  **created_at,
                                         char                  **updated_at);

typedef gpointer (*GawahRowReader) (GawahCasebook *self,
                                    GawahStmt     *stmt);

GPtrArray *gawah_collect_rows           (GawahCasebook          *self,
                                         GawahStmt              *stmt,
                                         GawahRowReader          read_row,
                                         GDestroyNotify          free_row,
                                         GError                **error);
gpointer   gawah_read_one_row           (GawahCasebook          *self,
                                         GawahStmt              *stmt,
                                         GawahRowReader          read_row,
                                         const char             *not_found,
                                         GError                **error);
GArray    *gawah_collect_ids            (GawahCasebook          *self,
                                         GawahStmt              *stmt,
                                         GError                **error);

char      *gawah_search_expression      (const char             *text);
char      *gawah_search_exact_expression (GawahCasebook         *self,
                                         const char             *text,
                                         guint                   max_terms,
                                         GError                **error);

/* The incident list's filters as SQL over "incident i", with parameters
 * ?1–?9 bound by gawah_incident_filter_bind(): the list, the timeline and
 * the statistics all select the same incidents. Each filter alone, for
 * queries that name only the filters in use: */
#define GAWAH_FILTER_TEXT \
  "i.id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1)"
#define GAWAH_FILTER_PROVINCE "i.province = ?2"
#define GAWAH_FILTER_ACT_TYPE \
  "EXISTS (SELECT 1 FROM act a WHERE a.incident_id = i.id AND a.act_type = ?3)"
#define GAWAH_FILTER_HRD_CATEGORY \
  "EXISTS (SELECT 1 FROM act a JOIN person_category c ON c.person_id = a.victim_id" \
  " WHERE a.incident_id = i.id AND c.category = ?4)"
#define GAWAH_FILTER_PERPETRATOR_TYPE \
  "EXISTS (SELECT 1 FROM act a JOIN involvement v ON v.act_id = a.id" \
  " JOIN person p ON p.id = v.perpetrator_id WHERE a.incident_id = i.id AND p.perpetrator_type = ?5)"
#define GAWAH_FILTER_STATUS "i.status = ?6"
#define GAWAH_FILTER_FROM "i.start_date >= ?7"
#define GAWAH_FILTER_TO "i.start_date <= ?8"
#define GAWAH_FILTER_PERSON \
  "i.id IN (SELECT incident_id FROM act WHERE victim_id = ?9" \
  " UNION SELECT a.incident_id FROM involvement v JOIN act a ON a.id = v.act_id WHERE v.perpetrator_id = ?9" \
  " UNION SELECT incident_id FROM source WHERE person_id = ?9)"

/* ... and all of them in one condition, where an absent filter is NULL. */
#define GAWAH_INCIDENT_FILTER_WHERE \
  " (?1 IS NULL OR " GAWAH_FILTER_TEXT ")" \
  " AND (?2 IS NULL OR " GAWAH_FILTER_PROVINCE ")" \
  " AND (?3 IS NULL OR " GAWAH_FILTER_ACT_TYPE ")" \
  " AND (?4 IS NULL OR " GAWAH_FILTER_HRD_CATEGORY ")" \
  " AND (?5 IS NULL OR " GAWAH_FILTER_PERPETRATOR_TYPE ")" \
  " AND (?6 IS NULL OR " GAWAH_FILTER_STATUS ")" \
  " AND (?7 IS NULL OR " GAWAH_FILTER_FROM ")" \
  " AND (?8 IS NULL OR " GAWAH_FILTER_TO ")" \
  " AND (?9 IS NULL OR " GAWAH_FILTER_PERSON ")"

void       gawah_incident_filter_bind   (GawahStmt              *stmt,
                                         const GawahIncidentFilter *filter);

gboolean  gawah_casebook_refresh_suggestions_in_tx (GawahCasebook *self,
                                         gint64                  incident_id,
                                         GError                **error);

G_END_DECLS
