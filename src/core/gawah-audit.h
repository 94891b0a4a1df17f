/* gawah-audit.h: the audit trail, every change to every record
 *
 * Triggers on every record table write one audit_log row per created,
 * changed or deleted row, with the actor's display name and the row's
 * columns before and after (JSON). Each entry carries the SHA-256 of the one
 * before it, so that a changed or removed entry breaks the chain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-casebook.h"
#include "gawah-db.h"

G_BEGIN_DECLS

typedef struct {
  char *field;         /* a column name: "title", "decision" */
  char *before;        /* NULL when the record was created */
  char *after;         /* NULL when the record was deleted */
} GawahAuditChange;

typedef struct {
  gint64     id;
  char      *at;            /* UTC, ISO 8601 */
  char      *actor;
  char      *action;        /* "genesis", "insert", "update" or "delete" */
  char      *table_name;
  gint64     record_id;
  gint64     incident_id;   /* 0 when the row belongs to no incident */
  char      *hash;
  GPtrArray *changes;       /* of GawahAuditChange, in column order */
} GawahAuditEntry;

typedef struct {
  gint64  n_entries;
  gint64  broken_id;        /* the first entry that does not fit; 0 if none */
  char   *problem;          /* why, in words; NULL when the trail is whole */
  gint64  head_id;          /* the last entry: compare it with a copy kept elsewhere */
  char   *head_hash;
} GawahAuditVerdict;

void      gawah_audit_entry_free     (GawahAuditEntry   *entry);
void      gawah_audit_verdict_free   (GawahAuditVerdict *verdict);

char     *gawah_audit_default_actor  (void);
char     *gawah_audit_chain_hash     (const char        *prev_hash,
                                      const char * const fields[],
                                      guint              n_fields);

/* For gawah-db.c and the schema: the SQL functions and the triggers. */
void      gawah_audit_register_functions (GawahDb       *db);
gboolean  gawah_audit_install_triggers   (GawahDb       *db,
                                          GError       **error);

gboolean  gawah_audit_verify_db      (GawahDb            *db,
                                      GawahAuditVerdict **verdict,
                                      GError            **error);

void       gawah_casebook_set_actor              (GawahCasebook      *self,
                                                  const char         *actor);
GPtrArray *gawah_casebook_list_history           (GawahCasebook      *self,
                                                  const char         *table_name,
                                                  gint64              record_id,
                                                  GError            **error);
GPtrArray *gawah_casebook_list_incident_history  (GawahCasebook      *self,
                                                  gint64              incident_id,
                                                  GError            **error);
gboolean   gawah_casebook_verify_audit           (GawahCasebook      *self,
                                                  GawahAuditVerdict **verdict,
                                                  GError            **error);
gboolean   gawah_casebook_audit_has_entry        (GawahCasebook      *self,
                                                  gint64              id,
                                                  const char         *hash,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahAuditEntry, gawah_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahAuditVerdict, gawah_audit_verdict_free)

G_END_DECLS
