/* gawah-exchange.h: Gawah XML, the format casebooks are exchanged in
 * (data/schemas/exchange.rng)
 *
 * Export streams one incident subtree at a time with xmlTextWriter; import
 * streams with a validating xmlTextReader, so memory stays flat however many
 * incidents the document holds. Records carry their UUIDs: importing into a
 * casebook that already has some of them merges by UUID. A record that is
 * identical on both sides is left alone, one that exists only in the document
 * is added, and one that differs on both sides is a conflict: neither side is
 * overwritten and the conflict is reported.
 *
 * Import is one transaction: a malformed, hostile or invalid document, or an
 * unknown vocabulary code, is an error naming the line, and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-casebook.h"
#include "gawah-incident-query.h"
#include "gawah-progress.h"

G_BEGIN_DECLS

typedef enum {
  GAWAH_EXPORT_DEFAULT = 0,
  /* Victims, witnesses and sources become stable pseudonyms; contacts,
   * ethnicity, religion and exact addresses are left out; the rules applied
   * are listed in the document. */
  GAWAH_EXPORT_REDACTED = 1 << 0,
} GawahExportFlags;

/* A record present on both sides with different contents. */
typedef struct {
  char  *kind;       /* "incident", "person", "act", ... */
  char  *uuid;
  char  *title;      /* what a person recognises the record by */
  char  *field;      /* the first field that differs */
  char  *ours;       /* its value in the casebook */
  char  *theirs;     /* its value in the document */
  guint  line;       /* where the record starts in the document */
} GawahExchangeConflict;

typedef struct {
  guint      added;       /* records, all kinds */
  guint      unchanged;
  guint      incidents_added;
  guint      people_added;
  GPtrArray *conflicts;   /* GawahExchangeConflict */
} GawahExchangeReport;

GawahExchangeReport *gawah_exchange_report_new   (void);
void                 gawah_exchange_report_free  (GawahExchangeReport        *report);

/* @filter NULL exports the whole casebook. Progress counts incidents. */
gboolean gawah_casebook_export_xml      (GawahCasebook              *self,
                                         const GawahIncidentFilter  *filter,
                                         GawahExportFlags            flags,
                                         GOutputStream              *output,
                                         GCancellable               *cancellable,
                                         GawahProgressFunc           progress,
                                         gpointer                    progress_data,
                                         GError                    **error);
gboolean gawah_casebook_export_xml_file (GawahCasebook              *self,
                                         const GawahIncidentFilter  *filter,
                                         GawahExportFlags            flags,
                                         const char                 *path,
                                         GCancellable               *cancellable,
                                         GawahProgressFunc           progress,
                                         gpointer                    progress_data,
                                         GError                    **error);

/* Conflicts do not fail the import: they are in @report, the rest is merged.
 * @name is what errors call the document ("name, line 12: ..."). */
gboolean gawah_casebook_import_xml      (GawahCasebook              *self,
                                         GInputStream               *input,
                                         const char                 *name,
                                         GawahExchangeReport        *report,
                                         GCancellable               *cancellable,
                                         GawahProgressFunc           progress,
                                         gpointer                    progress_data,
                                         GError                    **error);
gboolean gawah_casebook_import_xml_file (GawahCasebook              *self,
                                         const char                 *path,
                                         GawahExchangeReport        *report,
                                         GCancellable               *cancellable,
                                         GawahProgressFunc           progress,
                                         gpointer                    progress_data,
                                         GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahExchangeReport, gawah_exchange_report_free)

G_END_DECLS
