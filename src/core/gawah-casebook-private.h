/* gawah-casebook-private.h: what the casebook's own modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-catalogue.h"
#include "gawah-db.h"
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

gboolean  gawah_casebook_refresh_suggestions_in_tx (GawahCasebook *self,
                                         gint64                  incident_id,
                                         GError                **error);

G_END_DECLS
