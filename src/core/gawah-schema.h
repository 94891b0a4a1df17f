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

G_END_DECLS
