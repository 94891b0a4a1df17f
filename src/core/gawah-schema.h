/* gawah-schema.h: the casebook's tables, and migrations between versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-db.h"

G_BEGIN_DECLS

#define GAWAH_SCHEMA_VERSION 4

gboolean gawah_schema_migrate    (GawahDb  *db,
                                  GError  **error);
gboolean gawah_schema_migrate_to (GawahDb  *db,
                                  int       target_version,
                                  GError  **error);
int      gawah_schema_version    (GawahDb  *db,
                                  GError  **error);

/* Search documents written once per incident by a bulk writer, instead of
 * by the triggers once per row (gawah-schema.c says why). */
typedef struct _GawahSearchDeferral GawahSearchDeferral;

GawahSearchDeferral *gawah_search_defer          (GawahDb              *db,
                                                  GError              **error);
gboolean             gawah_search_index_incident (GawahSearchDeferral  *deferral,
                                                  gint64                incident_id,
                                                  gboolean              was_indexed,
                                                  GError              **error);
gboolean             gawah_search_resume         (GawahSearchDeferral  *deferral,
                                                  GError              **error);
void                 gawah_search_deferral_free  (GawahSearchDeferral  *deferral);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahSearchDeferral, gawah_search_deferral_free)

G_END_DECLS
