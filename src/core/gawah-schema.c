/* gawah-schema.c
 *
 * Each migration is SQL that takes a casebook from version N-1 to N, run in
 * one transaction together with the new user_version: a casebook is always
 * at one version or the next, never in between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-audit.h"
#include "gawah-error.h"
#include "gawah-schema.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
#define TIMESTAMPS \
  "created_at TEXT NOT NULL DEFAULT " NOW ", updated_at TEXT NOT NULL DEFAULT " NOW

/* Version 1: the records. */
static const char migration_1[] =
  "CREATE TABLE incident ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT, start_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  end_date TEXT, end_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  ongoing INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1)),"
  "  province TEXT, district TEXT, place TEXT NOT NULL DEFAULT '',"
  "  verification TEXT NOT NULL,"
  "  confidentiality TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  TIMESTAMPS ");"
  "CREATE INDEX incident_by_start ON incident (start_date, id);"
  "CREATE INDEX incident_by_province ON incident (province, start_date);"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  name_latin TEXT NOT NULL DEFAULT '',"
  "  name_urdu TEXT NOT NULL DEFAULT '',"
  "  other_names TEXT NOT NULL DEFAULT '',"
  "  sex TEXT,"
  "  perpetrator_type TEXT,"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  ethnicity TEXT NOT NULL DEFAULT '',"
  "  religion TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  TIMESTAMPS ","
  "  CHECK (length(trim(name_latin)) > 0 OR length(trim(name_urdu)) > 0));"
  "CREATE TABLE person_category ("
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  category TEXT NOT NULL,"
  "  PRIMARY KEY (person_id, category)) WITHOUT ROWID;"
  "CREATE INDEX person_category_by_category ON person_category (category);"

  "CREATE TABLE act ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  victim_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  act_type TEXT NOT NULL,"
  "  start_date TEXT, start_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  end_date TEXT, end_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  TIMESTAMPS ");"
  "CREATE INDEX act_by_incident ON act (incident_id);"
  "CREATE INDEX act_by_victim ON act (victim_id);"
  "CREATE INDEX act_by_type ON act (act_type, incident_id);"
  "CREATE TABLE involvement ("
  "  id INTEGER PRIMARY KEY,"
  "  act_id INTEGER NOT NULL REFERENCES act (id) ON DELETE CASCADE,"
  "  perpetrator_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  degree TEXT NOT NULL,"
  "  UNIQUE (act_id, perpetrator_id));"
  "CREATE INDEX involvement_by_perpetrator ON involvement (perpetrator_id);"
  "CREATE TABLE act_law ("
  "  act_id INTEGER NOT NULL REFERENCES act (id) ON DELETE CASCADE,"
  "  law TEXT NOT NULL,"
  "  PRIMARY KEY (act_id, law)) WITHOUT ROWID;"

  "CREATE TABLE chronology ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  date TEXT, precision TEXT NOT NULL DEFAULT 'unknown',"
  "  step TEXT NOT NULL,"
  "  description TEXT NOT NULL CHECK (length(trim(description)) > 0),"
  TIMESTAMPS ");"
  "CREATE INDEX chronology_by_incident ON chronology (incident_id, date);"

  "CREATE TABLE follow_up ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL,"
  "  action_type TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  date TEXT, date_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  due_date TEXT, due_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  response TEXT NOT NULL DEFAULT '',"
  TIMESTAMPS ");"
  "CREATE INDEX follow_up_by_incident ON follow_up (incident_id);"
  "CREATE INDEX follow_up_by_due ON follow_up (due_date) WHERE due_date IS NOT NULL;"

  "CREATE TABLE source ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  source_type TEXT NOT NULL,"
  "  reliability TEXT NOT NULL,"
  "  credibility TEXT NOT NULL,"
  "  obtained_date TEXT, obtained_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  description TEXT NOT NULL DEFAULT '',"
  TIMESTAMPS ");"
  "CREATE INDEX source_by_incident ON source (incident_id);"

  /* Evidence lives inside the encrypted file: no copy on disk to leak. */
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  source_id INTEGER REFERENCES source (id) ON DELETE SET NULL,"
  "  file_name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  content BLOB NOT NULL,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ");"
  "CREATE INDEX evidence_by_incident ON evidence (incident_id);"

  "CREATE TABLE incident_link ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  from_incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  to_incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  link_type TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  TIMESTAMPS ","
  "  CHECK (from_incident_id != to_incident_id),"
  "  UNIQUE (from_incident_id, to_incident_id, link_type));"
  "CREATE INDEX incident_link_by_to ON incident_link (to_incident_id);"

  "CREATE TABLE provision_mapping ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,"
  "  provision_id TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT 'violation',"
  "  rule_ids TEXT NOT NULL DEFAULT '',"
  "  added_by_reviewer INTEGER NOT NULL DEFAULT 0,"
  "  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'confirmed', 'rejected')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  decided_at TEXT,"
  TIMESTAMPS ","
  "  UNIQUE (incident_id, provision_id));"
  "CREATE INDEX provision_mapping_by_provision ON provision_mapping (provision_id, incident_id);";

/* The text that search reads for one incident: its own words, its
 * chronology, and the names (Latin and Urdu) of everyone involved. */
#define INCIDENT_DOCUMENT_WHERE(condition) \
  "INSERT INTO incident_fts (rowid, title, summary, place, chronology, people)" \
  " SELECT i.id, i.title, i.summary, i.place," \
  "  (SELECT group_concat(c.description, ' ') FROM chronology c WHERE c.incident_id = i.id)," \
  "  (SELECT group_concat(concat_ws(' ', p.name_latin, p.name_urdu, p.other_names), ' ')" \
  "     FROM person p WHERE p.id IN (SELECT a.victim_id FROM act a WHERE a.incident_id = i.id" \
  "       UNION SELECT v.perpetrator_id FROM involvement v JOIN act a ON a.id = v.act_id" \
  "       WHERE a.incident_id = i.id))" \
  " FROM incident i WHERE " condition ";"

#define INCIDENT_DOCUMENT(incident) INCIDENT_DOCUMENT_WHERE ("i.id = " incident)

#define REINDEX(incident) \
  "DELETE FROM incident_fts WHERE rowid = " incident ";" INCIDENT_DOCUMENT (incident)

#define INCIDENTS_OF_PERSON(person) \
  "SELECT incident_id FROM act WHERE victim_id = " person \
  " UNION SELECT a.incident_id FROM involvement v JOIN act a ON a.id = v.act_id" \
  " WHERE v.perpetrator_id = " person

/* Version 2: full-text search, kept in step by triggers, so that no code
 * path can forget it and a crash can never leave it behind the records. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE incident_fts USING fts5 ("
  "  title, summary, place, chronology, people,"
  "  content = '', contentless_delete = 1,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "CREATE VIRTUAL TABLE person_fts USING fts5 ("
  "  name_latin, name_urdu, other_names, organisation,"
  "  content = 'person', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"

  "CREATE TRIGGER incident_fts_insert AFTER INSERT ON incident BEGIN " INCIDENT_DOCUMENT ("NEW.id") " END;"
  "CREATE TRIGGER incident_fts_update AFTER UPDATE ON incident BEGIN " REINDEX ("NEW.id") " END;"
  "CREATE TRIGGER incident_fts_delete AFTER DELETE ON incident BEGIN"
  "  DELETE FROM incident_fts WHERE rowid = OLD.id; END;"
  "CREATE TRIGGER chronology_fts_insert AFTER INSERT ON chronology BEGIN " REINDEX ("NEW.incident_id") " END;"
  "CREATE TRIGGER chronology_fts_update AFTER UPDATE ON chronology BEGIN "
  REINDEX ("OLD.incident_id") REINDEX ("NEW.incident_id") " END;"
  "CREATE TRIGGER chronology_fts_delete AFTER DELETE ON chronology BEGIN " REINDEX ("OLD.incident_id") " END;"
  "CREATE TRIGGER act_fts_insert AFTER INSERT ON act BEGIN " REINDEX ("NEW.incident_id") " END;"
  "CREATE TRIGGER act_fts_update AFTER UPDATE OF victim_id, incident_id ON act BEGIN "
  REINDEX ("OLD.incident_id") REINDEX ("NEW.incident_id") " END;"
  "CREATE TRIGGER act_fts_delete AFTER DELETE ON act BEGIN " REINDEX ("OLD.incident_id") " END;"
  "CREATE TRIGGER involvement_fts_insert AFTER INSERT ON involvement BEGIN "
  REINDEX ("(SELECT incident_id FROM act WHERE id = NEW.act_id)") " END;"
  "CREATE TRIGGER involvement_fts_delete AFTER DELETE ON involvement BEGIN "
  REINDEX ("(SELECT incident_id FROM act WHERE id = OLD.act_id)") " END;"

  "CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN"
  "  INSERT INTO person_fts (rowid, name_latin, name_urdu, other_names, organisation)"
  "  VALUES (NEW.id, NEW.name_latin, NEW.name_urdu, NEW.other_names, NEW.organisation); END;"
  "CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN"
  "  INSERT INTO person_fts (person_fts, rowid, name_latin, name_urdu, other_names, organisation)"
  "  VALUES ('delete', OLD.id, OLD.name_latin, OLD.name_urdu, OLD.other_names, OLD.organisation); END;"
  "CREATE TRIGGER person_fts_update AFTER UPDATE ON person BEGIN"
  "  INSERT INTO person_fts (person_fts, rowid, name_latin, name_urdu, other_names, organisation)"
  "  VALUES ('delete', OLD.id, OLD.name_latin, OLD.name_urdu, OLD.other_names, OLD.organisation);"
  "  INSERT INTO person_fts (rowid, name_latin, name_urdu, other_names, organisation)"
  "  VALUES (NEW.id, NEW.name_latin, NEW.name_urdu, NEW.other_names, NEW.organisation); END;"
  "CREATE TRIGGER person_names_reindex_incidents"
  " AFTER UPDATE OF name_latin, name_urdu, other_names ON person BEGIN"
  "  DELETE FROM incident_fts WHERE rowid IN (" INCIDENTS_OF_PERSON ("NEW.id") ");"
  INCIDENT_DOCUMENT_WHERE ("i.id IN (" INCIDENTS_OF_PERSON ("NEW.id") ")")
  " END;"

  /* Records written at version 1 become searchable now. */
  "INSERT INTO person_fts (person_fts) VALUES ('rebuild');"
  INCIDENT_DOCUMENT_WHERE ("1");

/* The triggers that rewrite an incident's search document whenever the
 * incident or one of its acts, perpetrators or chronology entries is
 * inserted: once per row, each time deleting the document just written.
 * In FTS5 a delete of the row written last flushes the pending index to
 * disk, so a bulk writer pays for a segment (and its merges) per row. */
static const char * const incident_document_triggers[] = {
  "incident_fts_insert", "act_fts_insert", "chronology_fts_insert", "involvement_fts_insert",
};

struct _GawahSearchDeferral {
  GawahDb   *db;
  GPtrArray *trigger_sql;   /* CREATE TRIGGER statements, as the casebook had them */
};

static gboolean
save_and_drop_trigger (GawahSearchDeferral  *deferral,
                       const char           *name,
                       GError              **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (deferral->db,
    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", error);
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", name);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, name);
  if (!gawah_db_step_row (deferral->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;   /* a casebook older than search has none to defer */
  g_ptr_array_add (deferral->trigger_sql, gawah_stmt_dup_text (stmt, 0));
  g_clear_pointer (&stmt, gawah_stmt_release);
  return gawah_db_exec (deferral->db, drop, error);
}

/* Inside a transaction only: a failure rolls the dropped triggers back with
 * everything else, so the casebook never stays without them. */
GawahSearchDeferral *
gawah_search_defer (GawahDb  *db,
                    GError  **error)
{
  g_autoptr(GawahSearchDeferral) deferral = g_new0 (GawahSearchDeferral, 1);

  g_return_val_if_fail (!sqlite3_get_autocommit (gawah_db_get_handle (db)), NULL);

  deferral->db = db;
  deferral->trigger_sql = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (incident_document_triggers); i++)
    if (!save_and_drop_trigger (deferral, incident_document_triggers[i], error))
      return NULL;
  return g_steal_pointer (&deferral);
}

/* What the triggers would have left, written once: @was_indexed says the
 * incident has a document already (it was in the casebook before). */
gboolean
gawah_search_index_incident (GawahSearchDeferral  *deferral,
                             gint64                incident_id,
                             gboolean              was_indexed,
                             GError              **error)
{
  g_autoptr(GawahStmt) remove = NULL;
  g_autoptr(GawahStmt) insert = NULL;

  if (deferral->trigger_sql->len == 0)
    return TRUE;
  if (was_indexed)
    {
      remove = gawah_db_prepare (deferral->db, "DELETE FROM incident_fts WHERE rowid = ?1", error);
      if (remove == NULL)
        return FALSE;
      gawah_stmt_bind_int64 (remove, 1, incident_id);
      if (!gawah_db_step_done (deferral->db, remove, error))
        return FALSE;
    }
  insert = gawah_db_prepare (deferral->db, INCIDENT_DOCUMENT ("?1"), error);
  if (insert == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (insert, 1, incident_id);
  return gawah_db_step_done (deferral->db, insert, error);
}

/* Puts the triggers back, in the same transaction. */
gboolean
gawah_search_resume (GawahSearchDeferral  *deferral,
                     GError              **error)
{
  for (guint i = 0; i < deferral->trigger_sql->len; i++)
    if (!gawah_db_exec (deferral->db, deferral->trigger_sql->pdata[i], error))
      return FALSE;
  g_ptr_array_set_size (deferral->trigger_sql, 0);
  return TRUE;
}

void
gawah_search_deferral_free (GawahSearchDeferral *deferral)
{
  if (deferral == NULL)
    return;
  g_clear_pointer (&deferral->trigger_sql, g_ptr_array_unref);
  g_free (deferral);
}

/* Version 3: the audit trail. Its triggers are made from the tables'
 * columns by gawah_audit_install_triggers(); the chain starts here, with a
 * genesis entry that counts what the casebook held when the trail began.
 * Nothing in Gawah changes or removes an entry: the guards say so to any
 * code that tries, and the hash chain shows it if they are dropped. */
static const char migration_3[] =
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('genesis', 'insert', 'update', 'delete')),"
  "  table_name TEXT NOT NULL,"
  "  record_id INTEGER,"
  "  incident_id INTEGER,"
  "  before TEXT,"
  "  after TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL CHECK (length(hash) = 64));"
  "CREATE INDEX audit_log_by_record ON audit_log (record_id, table_name);"
  "CREATE INDEX audit_log_by_incident ON audit_log (incident_id) WHERE incident_id IS NOT NULL;"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN"
  "  SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN"
  "  SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;"
  "INSERT INTO audit_log (at, actor, action, table_name, before, after, prev_hash, hash)"
  " SELECT at, actor, 'genesis', 'casebook', NULL, after, '',"
  "  gawah_audit_hash ('', at, actor, 'genesis', 'casebook', NULL, NULL, NULL, after)"
  " FROM (SELECT " NOW " AS at, gawah_actor () AS actor,"
  "  json_object ('format', 3, 'incidents', (SELECT count(*) FROM incident),"
  "   'people', (SELECT count(*) FROM person)) AS after);";

/* Version 4: the key of the pseudonyms in redacted exports (gawah-exchange.h):
 * the same person gets the same pseudonym in every export of this casebook,
 * and nobody without the casebook can tell whom it stands for. It never
 * leaves the encrypted file, and is not a record: it has no audit trail. */
static const char migration_4[] =
  "CREATE TABLE exchange_secret ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  key BLOB NOT NULL CHECK (length(key) = 32));"
  "INSERT INTO exchange_secret (id, key) VALUES (1, randomblob (32));";

typedef struct {
  const char *sql;
  gboolean  (*install) (GawahDb *db, GError **error);   /* what SQL text alone cannot say */
} Migration;

static const Migration migrations[GAWAH_SCHEMA_VERSION] = {
  { migration_1, NULL },
  { migration_2, NULL },
  { migration_3, gawah_audit_install_triggers },
  { migration_4, NULL },
};

int
gawah_schema_version (GawahDb  *db,
                      GError  **error)
{
  gint64 version = -1;

  if (!gawah_db_query_int (db, "PRAGMA user_version", &version, error))
    return -1;
  return (int) version;
}

static gboolean
run_migration (GawahDb  *db,
               int       to_version,
               GError  **error)
{
  g_autoptr(GawahTransaction) tx = gawah_transaction_begin (db, error);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  const Migration *migration = &migrations[to_version - 1];

  if (tx == NULL ||
      !gawah_db_exec (db, migration->sql, error) ||
      (migration->install != NULL && !migration->install (db, error)) ||
      !gawah_db_exec (db, set_version, error))
    return FALSE;
  return gawah_transaction_commit (tx, error);
}

gboolean
gawah_schema_migrate_to (GawahDb  *db,
                         int       target_version,
                         GError  **error)
{
  int version = gawah_schema_version (db, error);

  g_return_val_if_fail (target_version <= GAWAH_SCHEMA_VERSION, FALSE);

  if (version < 0)
    return FALSE;
  if (version > GAWAH_SCHEMA_VERSION)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_TOO_NEW,
                   _("This casebook was written by a newer Gawah (format %d; this version reads up to %d); update Gawah to open it"),
                   version, GAWAH_SCHEMA_VERSION);
      return FALSE;
    }
  for (int next = version + 1; next <= target_version; next++)
    if (!run_migration (db, next, error))
      return FALSE;
  return TRUE;
}

gboolean
gawah_schema_migrate (GawahDb  *db,
                      GError  **error)
{
  return gawah_schema_migrate_to (db, GAWAH_SCHEMA_VERSION, error);
}
