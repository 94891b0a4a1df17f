/* gawah-esf.h: importing what OpenEvSys exported (HURIDOCS Events Standard Formats)
 *
 * Events become incidents, persons people, acts and their involvements acts,
 * chains of events links, interventions follow-up actions, information
 * sources. Micro-thesaurus codes are translated by data/exchange/esf-mapping.xml;
 * what has no Gawah equivalent is kept on the record as a note
 * ("ESF <field>: <code> <label>") and listed in the report.
 *
 * The import is one transaction: a malformed document, a missing required
 * element or a reference to an unknown record is an error naming the line,
 * and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-progress.h"

G_BEGIN_DECLS

/* A code that Gawah has no term for: kept as a note on the record. */
typedef struct {
  char  *record;     /* "event E-2019-01" */
  char  *field;      /* the ESF element, e.g. "rights_affected" */
  char  *code;
  char  *label;      /* the ESF term, or NULL for a list Gawah does not carry */
  guint  line;
} GawahEsfUnmapped;

/* An element the mapping does not know (a custom field, a typo): not read. */
typedef struct {
  char  *element;    /* with its parents inside the record: "act/custom_field" */
  guint  line;
} GawahEsfSkipped;

typedef struct {
  guint      events;
  guint      persons;
  guint      acts;
  guint      involvements;
  guint      chains;
  guint      interventions;
  guint      information;
  guint      acts_as_notes;          /* no Gawah type of act: kept as a note on the incident */
  guint      involvements_as_notes;  /* no Gawah degree of involvement */
  GPtrArray *unmapped;               /* GawahEsfUnmapped */
  GPtrArray *skipped;                /* GawahEsfSkipped */
} GawahEsfReport;

GawahEsfReport *gawah_esf_report_new            (void);
void            gawah_esf_report_free           (GawahEsfReport     *report);
void            gawah_esf_report_add_unmapped   (GawahEsfReport     *report,
                                                 const char         *record,
                                                 const char         *field,
                                                 const char         *code,
                                                 const char         *label,
                                                 guint               line);
void            gawah_esf_report_add_skipped    (GawahEsfReport     *report,
                                                 const char         *element,
                                                 guint               line);

gboolean        gawah_casebook_import_esf       (GawahCasebook      *self,
                                                 GBytes             *document,
                                                 const char         *name,
                                                 GawahEsfReport     *report,
                                                 GCancellable       *cancellable,
                                                 GawahProgressFunc   progress,
                                                 gpointer            progress_data,
                                                 GError            **error);
gboolean        gawah_casebook_import_esf_file  (GawahCasebook      *self,
                                                 const char         *path,
                                                 GawahEsfReport     *report,
                                                 GCancellable       *cancellable,
                                                 GawahProgressFunc   progress,
                                                 gpointer            progress_data,
                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahEsfReport, gawah_esf_report_free)

G_END_DECLS
