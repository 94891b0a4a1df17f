/* gawah-csv-export.h: a casebook as spreadsheets
 *
 * One table a file: incidents, acts, people, or the provisions incidents
 * engage. Each row starts with stable UUIDs; every coded field comes as its
 * code and its label in the chosen language; partial dates as written on the
 * command line ("2019-03", "~2019") with their precision beside them. The
 * header row holds stable column names (GAWAH_CSV_* below), so that a
 * spreadsheet can come back through the CSV import.
 *
 * Only the incidents the filter selects are exported ("export what I see"):
 * their acts, the people involved in them, the provisions they engage.
 * People's sensitive fields (ethnicity, religion, contact) and notes are
 * never exported. A cell a spreadsheet would run as a formula is written as
 * text (see gawah-csv.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-incident-query.h"
#include "gawah-language.h"
#include "gawah-progress.h"

G_BEGIN_DECLS

typedef enum {
  GAWAH_CSV_TABLE_INCIDENTS,
  GAWAH_CSV_TABLE_ACTS,
  GAWAH_CSV_TABLE_PEOPLE,
  GAWAH_CSV_TABLE_PROVISIONS,
} GawahCsvTable;

gboolean    gawah_csv_table_from_code   (const char                 *code,
                                         GawahCsvTable              *table);
const char *gawah_csv_table_to_code     (GawahCsvTable               table);

gboolean    gawah_casebook_export_csv   (GawahCasebook              *self,
                                         GawahCsvTable               table,
                                         const GawahIncidentFilter  *filter,
                                         GawahLanguage               language,
                                         GOutputStream              *stream,
                                         GCancellable               *cancellable,
                                         GawahProgressFunc           progress,
                                         gpointer                    progress_data,
                                         GError                    **error);

G_END_DECLS
