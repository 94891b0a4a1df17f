/* gawah-csv-import.h: incidents from a spreadsheet
 *
 * Three steps, so that a dialog can show them: read the header and the first
 * rows (a preview); say which column goes to which incident field (a
 * mapping: gawah_csv_mapping_guess() proposes one from the header); import.
 * Coded fields accept a code or a label, in English or in Urdu. Every row is
 * checked as the incident editor checks it; if any row is bad, nothing is
 * imported and the error lists the bad rows (as a spreadsheet numbers them,
 * the header being row 1) with the field and the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-progress.h"

G_BEGIN_DECLS

/* An incident field a column can go to. */
typedef struct {
  const char *key;          /* stable: "title", "start_date", ... */
  const char *label;        /* marked N_(): show it with _() */
  const char *vocabulary;   /* codes or labels from this vocabulary; NULL for text, dates and yes/no */
  gboolean    required;
} GawahCsvField;

const GawahCsvField *gawah_csv_incident_fields      (guint                *n_fields);
const GawahCsvField *gawah_csv_incident_field_find  (const char           *key);

typedef struct {
  GStrv      header;
  GPtrArray *rows;          /* GStrv: the first rows after the header */
} GawahCsvPreview;

GawahCsvPreview     *gawah_csv_preview_read          (GBytes               *data,
                                                      const char           *name,
                                                      guint                 max_rows,
                                                      GError              **error);
void                 gawah_csv_preview_free          (GawahCsvPreview      *preview);

/* Which column (by its header) goes to which field (by key). */
typedef struct _GawahCsvMapping GawahCsvMapping;

GawahCsvMapping     *gawah_csv_mapping_new           (void);
GawahCsvMapping     *gawah_csv_mapping_guess         (const char * const   *header);
void                 gawah_csv_mapping_free          (GawahCsvMapping      *mapping);
gboolean             gawah_csv_mapping_set           (GawahCsvMapping      *mapping,
                                                      const char           *column,
                                                      const char           *field_key,
                                                      GError              **error);
const char          *gawah_csv_mapping_get           (GawahCsvMapping      *mapping,
                                                      const char           *column);

gboolean             gawah_casebook_import_csv_incidents (GawahCasebook    *self,
                                                      GBytes               *data,
                                                      const char           *name,
                                                      GawahCsvMapping      *mapping,
                                                      guint                 max_errors,
                                                      guint                *n_imported,
                                                      GCancellable         *cancellable,
                                                      GawahProgressFunc     progress,
                                                      gpointer              progress_data,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahCsvPreview, gawah_csv_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahCsvMapping, gawah_csv_mapping_free)

G_END_DECLS
