/* gawah-casebook-import.h: reading a casebook document (data/schemas/casebook.rng)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"

G_BEGIN_DECLS

typedef struct {
  guint people;
  guint incidents;
  guint acts;
  guint chronology;
  guint follow_ups;
  guint sources;
  guint links;
} GawahImportCounts;

gboolean gawah_casebook_import_document (GawahCasebook      *self,
                                         GBytes             *document,
                                         const char         *name,
                                         GawahImportCounts  *counts,
                                         GError            **error);
gboolean gawah_casebook_import_file     (GawahCasebook      *self,
                                         const char         *path,
                                         GawahImportCounts  *counts,
                                         GError            **error);

G_END_DECLS
