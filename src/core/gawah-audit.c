/* gawah-audit.c: the audit trail and its hash chain
 *
 * The trail is written by SQL triggers, not by the save functions, so that
 * no write path (an import, a cascade, a future command) can bypass it. Two
 * functions registered on every connection feed the triggers: gawah_actor()
 * (who is writing) and gawah_audit_hash() (the chain). A connection without
 * them, such as a plain sqlcipher shell, cannot write to a casebook at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <openssl/evp.h>
#include <string.h>

#include "gawah-audit.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"

/* The fields the chain hash covers, in this order, after the previous hash. */
#define N_HASHED_FIELDS 8
#define ENTRY_COLUMNS "id, at, actor, action, table_name, record_id, incident_id, before, after, prev_hash, hash"

typedef struct {
  const char *table;
  const char *record;     /* %s is NEW or OLD */
  const char *incident;
} AuditedTable;

static const AuditedTable audited_tables[] = {
  { "incident", "%s.id", "%s.id" },
  { "person", "%s.id", "NULL" },
  { "person_category", "%s.person_id", "NULL" },
  { "act", "%s.id", "%s.incident_id" },
  { "involvement", "%s.id", "(SELECT incident_id FROM act WHERE id = %s.act_id)" },
  { "act_law", "%s.act_id", "(SELECT incident_id FROM act WHERE id = %s.act_id)" },
  { "chronology", "%s.id", "%s.incident_id" },
  { "follow_up", "%s.id", "%s.incident_id" },
  { "source", "%s.id", "%s.incident_id" },
  { "evidence", "%s.id", "%s.incident_id" },
  { "incident_link", "%s.id", "%s.from_incident_id" },
  { "provision_mapping", "%s.id", "%s.incident_id" },
};

void
gawah_audit_entry_free (GawahAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->hash);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

void
gawah_audit_verdict_free (GawahAuditVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_free (verdict->problem);
  g_free (verdict->head_hash);
  g_free (verdict);
}

static void
audit_change_free (GawahAuditChange *change)
{
  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

/* The person at the keyboard as people know them, not their login. */
char *
gawah_audit_default_actor (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);
  return g_strdup (g_get_user_name ());
}

/* SHA-256 through OpenSSL's libcrypto, which SQLCipher loads anyway to
 * encrypt the pages: it uses the processor's SHA instructions where there
 * are some, and every audited row comes through here. The digest is
 * fetched once; a context per entry is cheap beside it. */
static EVP_MD *
sha256_digest (void)
{
  static EVP_MD *digest;

  if (g_once_init_enter (&digest))
    {
      EVP_MD *fetched = EVP_MD_fetch (NULL, "SHA256", NULL);

      g_assert (fetched != NULL);   /* SQLCipher cannot open a casebook without it either */
      g_once_init_leave (&digest, fetched);
    }
  return digest;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)

static void
digest_add_field (EVP_MD_CTX *context,
                  const char *field)
{
  char length[24];
  gsize size;

  if (field == NULL)
    {
      EVP_DigestUpdate (context, "-\n", 2);
      return;
    }
  size = strlen (field);
  EVP_DigestUpdate (context, length, (gsize) g_snprintf (length, sizeof length, "%zu:", size));
  EVP_DigestUpdate (context, field, size);
  EVP_DigestUpdate (context, "\n", 1);
}

/* Each field is written with its length, and NULL differently from "",
 * so that no two different entries hash the same bytes. The pieces go
 * straight into the digest: formatting them into one string first cost
 * as much as the hash. */
char *
gawah_audit_chain_hash (const char         *prev_hash,
                        const char * const  fields[],
                        guint               n_fields)
{
  static const char hex_digits[] = "0123456789abcdef";
  g_autoptr(EVP_MD_CTX) context = EVP_MD_CTX_new ();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  char *hex;

  g_assert (context != NULL);
  if (!EVP_DigestInit_ex (context, sha256_digest (), NULL))
    g_error ("SHA-256 is not available");
  digest_add_field (context, prev_hash != NULL ? prev_hash : "");
  for (guint i = 0; i < n_fields; i++)
    digest_add_field (context, fields[i]);
  if (!EVP_DigestFinal_ex (context, digest, &size))
    g_error ("SHA-256 is not available");
  g_assert (size == 32);

  hex = g_new (char, 2 * size + 1);
  for (guint i = 0; i < size; i++)
    {
      hex[2 * i] = hex_digits[digest[i] >> 4];
      hex[2 * i + 1] = hex_digits[digest[i] & 0xf];
    }
  hex[2 * size] = '\0';
  return hex;
}

static void
actor_function (sqlite3_context  *context,
                int               n_args,
                sqlite3_value   **args)
{
  GawahDb *db = sqlite3_user_data (context);

  sqlite3_result_text (context, gawah_db_get_actor (db), -1, SQLITE_TRANSIENT);
}

static void
hash_function (sqlite3_context  *context,
               int               n_args,
               sqlite3_value   **args)
{
  const char *fields[N_HASHED_FIELDS];
  g_autofree char *hash = NULL;

  g_assert (n_args == N_HASHED_FIELDS + 1);
  for (int i = 0; i < N_HASHED_FIELDS; i++)
    fields[i] = (const char *) sqlite3_value_text (args[i + 1]);
  hash = gawah_audit_chain_hash ((const char *) sqlite3_value_text (args[0]), fields, N_HASHED_FIELDS);
  sqlite3_result_text (context, g_steal_pointer (&hash), -1, g_free);
}

void
gawah_audit_register_functions (GawahDb *db)
{
  sqlite3 *handle = gawah_db_get_handle (db);

  sqlite3_create_function (handle, "gawah_actor", 0, SQLITE_UTF8, db, actor_function, NULL, NULL);
  sqlite3_create_function (handle, "gawah_audit_hash", N_HASHED_FIELDS + 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, hash_function, NULL, NULL);
}

/* json_object('col', NEW.col, …) of every column but blobs and timestamps:
 * the evidence's bytes are covered by its sha256 column, and the entry has
 * its own time. */
static char *
row_as_json (GawahDb     *db,
             const char  *table,
             const char  *row,
             GError     **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "SELECT name FROM pragma_table_info(?1)"
    " WHERE name NOT IN ('content', 'created_at', 'updated_at') ORDER BY cid", error);
  g_autoptr(GString) json = g_string_new ("json_object(");
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;
  gboolean first = TRUE;

  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_text (stmt, 1, table);
  while (gawah_db_step_row (db, stmt, &has_row, &local_error) && has_row)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);

      g_string_append_printf (json, "%s'%s', %s.\"%s\"", first ? "" : ", ", column, row, column);
      first = FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_string_append_c (json, ')');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static char *
row_expression (const char *pattern,
                const char *row)
{
  g_autoptr(GString) expression = g_string_new (pattern);

  g_string_replace (expression, "%s", row, 0);
  return g_string_free (g_steal_pointer (&expression), FALSE);
}

/* One trigger: the entry's fields are computed once in a subquery, and the
 * hash over them; an update that changed nothing but timestamps writes no
 * entry (before and after are the same text). */
static char *
trigger_sql (const AuditedTable *spec,
             const char         *action,
             const char         *event,
             const char         *before,
             const char         *after)
{
  const char *row = g_str_equal (action, "delete") ? "OLD" : "NEW";
  g_autofree char *record = row_expression (spec->record, row);
  g_autofree char *incident = row_expression (spec->incident, row);

  return g_strdup_printf (
    "CREATE TRIGGER audit_%s_%s AFTER %s ON %s BEGIN"
    " INSERT INTO audit_log (at, actor, action, table_name, record_id, incident_id, before, after, prev_hash, hash)"
    " SELECT at, actor, '%s', '%s', record_id, incident_id, before, after, prev_hash,"
    "  gawah_audit_hash (prev_hash, at, actor, '%s', '%s', record_id, incident_id, before, after)"
    " FROM (SELECT strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') AS at, gawah_actor () AS actor,"
    "  %s AS record_id, %s AS incident_id, %s AS before, %s AS after,"
    "  coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev_hash)"
    " WHERE before IS NOT after; END;",
    spec->table, action, event, spec->table,
    action, spec->table, action, spec->table,
    record, incident, before, after);
}

static gboolean
install_table_triggers (GawahDb             *db,
                        const AuditedTable  *spec,
                        GError             **error)
{
  g_autofree char *old_row = row_as_json (db, spec->table, "OLD", error);
  g_autofree char *new_row = old_row != NULL ? row_as_json (db, spec->table, "NEW", error) : NULL;
  g_autofree char *on_insert = NULL;
  g_autofree char *on_update = NULL;
  g_autofree char *on_delete = NULL;

  if (new_row == NULL)
    return FALSE;
  on_insert = trigger_sql (spec, "insert", "INSERT", "NULL", new_row);
  on_update = trigger_sql (spec, "update", "UPDATE", old_row, new_row);
  on_delete = trigger_sql (spec, "delete", "DELETE", old_row, "NULL");
  return gawah_db_exec (db, on_insert, error) &&
         gawah_db_exec (db, on_update, error) &&
         gawah_db_exec (db, on_delete, error);
}

/* Built from the tables' columns as they are now: a migration that adds a
 * column drops the audit_* triggers and calls this again. */
gboolean
gawah_audit_install_triggers (GawahDb  *db,
                              GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    if (!install_table_triggers (db, &audited_tables[i], error))
      return FALSE;
  return TRUE;
}

/* Verification */

static char *
hash_of_row (GawahStmt *stmt)
{
  const char *fields[N_HASHED_FIELDS];

  /* at, actor, action, table_name, record_id, incident_id, before, after */
  for (int i = 0; i < N_HASHED_FIELDS; i++)
    fields[i] = (const char *) sqlite3_column_text (stmt, i + 1);
  return gawah_audit_chain_hash ((const char *) sqlite3_column_text (stmt, 9), fields, N_HASHED_FIELDS);
}

/* Why one entry does not fit the chain, or NULL if it does. */
static char *
check_entry (GawahStmt   *stmt,
             const char  *expected_prev,
             gint64       previous_id)
{
  const char *action = (const char *) sqlite3_column_text (stmt, 3);
  const char *prev_hash = (const char *) sqlite3_column_text (stmt, 9);
  const char *hash = (const char *) sqlite3_column_text (stmt, 10);
  g_autofree char *computed = NULL;

  if (previous_id == 0 && g_strcmp0 (action, "genesis") != 0)
    return g_strdup (_("the trail does not begin with its first entry: entries before it were removed"));
  if (g_strcmp0 (prev_hash, expected_prev) != 0)
    return previous_id == 0 ? g_strdup (_("the first entry does not begin the chain"))
                            : g_strdup_printf (_("it does not follow entry %lld: an entry between them was removed, "
                                                 "or entry %lld was replaced"),
                                               (long long) previous_id, (long long) previous_id);
  computed = hash_of_row (stmt);
  if (g_strcmp0 (computed, hash) != 0)
    return g_strdup (_("its contents were changed after it was written"));
  return NULL;
}

/* Without a trigger, changes to that table would go unrecorded. */
static char *
find_missing_trigger (GawahDb  *db,
                      GError  **error)
{
  static const char * const actions[] = { "insert", "update", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    for (guint j = 0; j < G_N_ELEMENTS (actions); j++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema"
                                                " WHERE type = 'trigger' AND name = 'audit_%s_%s'",
                                                audited_tables[i].table, actions[j]);
        gint64 count = 0;

        if (!gawah_db_query_int (db, sql, &count, error))
          return NULL;
        if (count == 0)
          return g_strdup_printf (_("changes to “%s” are no longer recorded: the audit trigger was removed"),
                                  audited_tables[i].table);
      }
  return NULL;
}

static gboolean
walk_chain (GawahDb            *db,
            GawahAuditVerdict  *verdict,
            GError            **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id", error);
  g_autofree char *expected_prev = g_strdup ("");
  g_autoptr(GError) local_error = NULL;
  gint64 previous_id = 0;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (gawah_db_step_row (db, stmt, &has_row, &local_error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      verdict->n_entries++;
      if (verdict->problem == NULL && (verdict->problem = check_entry (stmt, expected_prev, previous_id)) != NULL)
        verdict->broken_id = id;
      g_free (expected_prev);
      expected_prev = gawah_stmt_dup_text (stmt, 10);
      previous_id = id;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  verdict->head_id = previous_id;
  verdict->head_hash = g_steal_pointer (&expected_prev);
  return TRUE;
}

gboolean
gawah_audit_verify_db (GawahDb            *db,
                       GawahAuditVerdict **verdict,
                       GError            **error)
{
  g_autoptr(GawahAuditVerdict) result = g_new0 (GawahAuditVerdict, 1);

  if (!walk_chain (db, result, error))
    return FALSE;
  if (result->n_entries == 0)
    result->problem = g_strdup (_("the audit trail is empty: every entry was removed"));
  if (result->problem == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      result->problem = find_missing_trigger (db, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  *verdict = g_steal_pointer (&result);
  return TRUE;
}

/* Reading the trail */

/* Fields whose value differs between before and after, in column order;
 * empty and missing count as the same. */
static GPtrArray *
read_changes (GawahDb    *db,
              const char *before,
              const char *after)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "SELECT coalesce (a.key, b.key), b.value, a.value"
    " FROM json_each (?2) a FULL JOIN json_each (?1) b ON a.key = b.key"
    " WHERE b.value IS NOT a.value AND (coalesce (b.value, '') != '' OR coalesce (a.value, '') != '')"
    " ORDER BY coalesce (a.id, b.id)", NULL);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_change_free);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return changes;
  gawah_stmt_bind_text_or_null (stmt, 1, before);
  gawah_stmt_bind_text_or_null (stmt, 2, after);
  while (gawah_db_step_row (db, stmt, &has_row, NULL) && has_row)
    {
      GawahAuditChange *change = g_new0 (GawahAuditChange, 1);

      change->field = gawah_stmt_dup_text (stmt, 0);
      change->before = gawah_stmt_dup_text (stmt, 1);
      change->after = gawah_stmt_dup_text (stmt, 2);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

static GPtrArray *
collect_entries (GawahDb    *db,
                 GawahStmt  *stmt,
                 GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_audit_entry_free);
  g_autoptr(GPtrArray) json = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  /* All rows first, then their changes, each with a statement of its own. */
  while (gawah_db_step_row (db, stmt, &has_row, &local_error) && has_row)
    {
      GawahAuditEntry *entry = g_new0 (GawahAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = gawah_stmt_dup_text (stmt, 1);
      entry->actor = gawah_stmt_dup_text (stmt, 2);
      entry->action = gawah_stmt_dup_text (stmt, 3);
      entry->table_name = gawah_stmt_dup_text (stmt, 4);
      entry->record_id = sqlite3_column_int64 (stmt, 5);
      entry->incident_id = sqlite3_column_int64 (stmt, 6);
      entry->hash = gawah_stmt_dup_text (stmt, 10);
      g_ptr_array_add (json, gawah_stmt_dup_text (stmt, 7));
      g_ptr_array_add (json, gawah_stmt_dup_text (stmt, 8));
      g_ptr_array_add (entries, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      GawahAuditEntry *entry = g_ptr_array_index (entries, i);

      entry->changes = read_changes (db, g_ptr_array_index (json, 2 * i), g_ptr_array_index (json, 2 * i + 1));
    }
  return g_steal_pointer (&entries);
}

void
gawah_casebook_set_actor (GawahCasebook *self,
                          const char    *actor)
{
  g_return_if_fail (GAWAH_IS_CASEBOOK (self));
  gawah_db_set_actor (gawah_casebook_get_db (self), actor);
}

/* A person's history includes their categories, an act's its laws. */
GPtrArray *
gawah_casebook_list_history (GawahCasebook  *self,
                             const char     *table_name,
                             gint64          record_id,
                             GError        **error)
{
  GawahDb *db;
  g_autoptr(GawahStmt) stmt = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  g_return_val_if_fail (table_name != NULL, NULL);

  db = gawah_casebook_get_db (self);
  stmt = gawah_db_prepare (db,
    "SELECT " ENTRY_COLUMNS " FROM audit_log WHERE record_id = ?2 AND (table_name = ?1"
    " OR (?1 = 'person' AND table_name = 'person_category') OR (?1 = 'act' AND table_name = 'act_law'))"
    " ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_text (stmt, 1, table_name);
  gawah_stmt_bind_int64 (stmt, 2, record_id);
  return collect_entries (db, stmt, error);
}

/* The incident and everything that belongs to it, newest first. */
GPtrArray *
gawah_casebook_list_incident_history (GawahCasebook  *self,
                                      gint64          incident_id,
                                      GError        **error)
{
  GawahDb *db;
  g_autoptr(GawahStmt) stmt = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  db = gawah_casebook_get_db (self);
  stmt = gawah_db_prepare (db, "SELECT " ENTRY_COLUMNS " FROM audit_log WHERE incident_id = ?1 ORDER BY id DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  return collect_entries (db, stmt, error);
}

gboolean
gawah_casebook_verify_audit (GawahCasebook      *self,
                             GawahAuditVerdict **verdict,
                             GError            **error)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  return gawah_audit_verify_db (gawah_casebook_get_db (self), verdict, error);
}

/* Whether the trail still holds an entry seen elsewhere (in a backup): if
 * not, its end was cut off or the whole chain was written anew. */
gboolean
gawah_casebook_audit_has_entry (GawahCasebook  *self,
                                gint64          id,
                                const char     *hash,
                                GError        **error)
{
  GawahDb *db;
  g_autoptr(GawahStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  db = gawah_casebook_get_db (self);
  stmt = gawah_db_prepare (db, "SELECT 1 FROM audit_log WHERE id = ?1 AND hash = ?2", error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, id);
  gawah_stmt_bind_text (stmt, 2, hash);
  if (!gawah_db_step_row (db, stmt, &has_row, error))
    return FALSE;
  return has_row;
}
