/* gawah-db.c: one SQLCipher connection, its statement cache and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gawah-audit.h"
#include "gawah-db.h"
#include "gawah-error.h"

struct _GawahDb
{
  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, finalized on close */
  GMutex      statements_lock;
  guint       tx_depth;
  char       *actor;        /* who the audit trail names for this connection's writes */
  char       *path;         /* for error messages */
};

struct _GawahTransaction
{
  GawahDb  *db;
  gboolean  finished;
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* SQLite says SQLITE_IOERR_WRITE when write() fails outright: the system's
 * errno tells a full disk (or a file-size limit) from a failing one. */
static int
error_code_for_sqlite (int rc,
                       int system_errno)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return GAWAH_ERROR_DISK_FULL;
    case SQLITE_IOERR:
      return gawah_error_code_for_errno (system_errno, GAWAH_ERROR_DATABASE);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return GAWAH_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
      return GAWAH_ERROR_WRONG_PASSPHRASE;
    case SQLITE_CONSTRAINT:
      return GAWAH_ERROR_INVALID;
    default:
      return GAWAH_ERROR_DATABASE;
    }
}

/* What went wrong, in words that say what to do, naming the file. */
static char *
describe_sqlite_error (int          rc,
                       int          code,
                       const char  *path,
                       const char  *detail)
{
  if (code == GAWAH_ERROR_DISK_FULL)
    return g_strdup_printf (_("The disk is full: “%s” could not be written, and the change was not saved. "
                              "Free some space, then try again."), path);
  if ((rc & 0xff) == SQLITE_CANTOPEN)
    return g_strdup_printf (_("“%s” could not be opened: check that the file and its folder exist "
                              "and that you may use them"), path);
  if (code == GAWAH_ERROR_READ_ONLY)
    return g_strdup_printf (_("“%s” is read-only: the change was not saved. "
                              "Open a copy that you may change, or ask for write access."), path);
  if ((rc & 0xff) == SQLITE_IOERR)
    /* Translators: the first %s is a file's path, the second the system's reason. */
    return g_strdup_printf (_("The disk could not read or write “%s” (%s): the change was not saved. "
                              "Check the disk, then try again."), path, detail);
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    /* Translators: the first %s is a file's path, the second SQLite's description of the damage. */
    return g_strdup_printf (_("The casebook “%s” is damaged (%s): restore it from a backup"), path, detail);
  /* Translators: %s is SQLite's own description of the problem. */
  return g_strdup_printf (_("The casebook could not be read or written: %s"), detail);
}

/* A failure inside an SQL function (sqlcipher_export() writing a backup)
 * comes back as a plain SQLITE_ERROR carrying the inner error's words:
 * recognise the ones that need their own advice. */
static int
inner_result_code (int         rc,
                   const char *detail)
{
  static const int inner[] = { SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY, SQLITE_CORRUPT };

  if (rc != SQLITE_ERROR || detail == NULL)
    return rc;
  for (guint i = 0; i < G_N_ELEMENTS (inner); i++)
    if (g_str_equal (detail, sqlite3_errstr (inner[i])))
      return inner[i];
  return rc;
}

gboolean
gawah_db_set_error (GawahDb  *db,
                    int       rc,
                    GError  **error)
{
  gboolean has_handle = db != NULL && db->handle != NULL;
  int system_errno = has_handle ? sqlite3_system_errno (db->handle) : 0;
  const char *detail = has_handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);
  g_autofree char *message = NULL;
  int code;

  rc = inner_result_code (rc, detail);
  code = error_code_for_sqlite (rc, system_errno);

  if ((rc & 0xff) == SQLITE_IOERR && system_errno != 0)
    detail = g_strerror (system_errno);
  message = describe_sqlite_error (rc, code, db != NULL && db->path != NULL ? db->path : "", detail);
  g_set_error_literal (error, GAWAH_ERROR, code, message);
  return FALSE;
}

static gboolean
check_mode_against_file (const char       *path,
                         GawahDbOpenMode   mode,
                         GError          **error)
{
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (mode != GAWAH_DB_CREATE_NEW && !exists)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
                   _("No casebook at “%s”"), path);
      return FALSE;
    }
  if (mode == GAWAH_DB_CREATE_NEW && exists)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_EXISTS,
                   _("A file already exists at “%s”; choose another name"), path);
      return FALSE;
    }
  return TRUE;
}

static int
copy_first_column_cb (void  *user_data,
                      int    n_columns,
                      char **values,
                      char **names)
{
  char **out = user_data;

  if (n_columns > 0 && values[0] != NULL && *out == NULL)
    *out = g_strdup (values[0]);
  return 0;
}

/* Plain SQLite ignores the key and would happily write an unencrypted
 * casebook: refuse to go on unless the library really is SQLCipher. */
static gboolean
require_sqlcipher (GawahDb  *db,
                   GError  **error)
{
  g_autofree char *version = NULL;

  sqlite3_exec (db->handle, "PRAGMA cipher_version", copy_first_column_cb, &version, NULL);
  if (version == NULL || *version == '\0')
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_NOT_SQLCIPHER,
                           _("The SQLite library in use cannot encrypt; Gawah will not open a casebook without SQLCipher"));
      return FALSE;
    }
  return TRUE;
}

/* SQLCipher only derives and checks the key on the first read. */
static gboolean
prove_key (GawahDb  *db,
           GError  **error)
{
  int rc = sqlite3_exec (db->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

  if (rc == SQLITE_NOTADB)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE,
                           _("Wrong passphrase, or the file is not a Gawah casebook"));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return gawah_db_set_error (db, rc, error);
  return TRUE;
}

static gboolean
apply_connection_settings (GawahDb          *db,
                           GawahDbOpenMode   mode,
                           GError          **error)
{
  if (mode != GAWAH_DB_OPEN_UNCHANGED && !gawah_db_exec (db, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  /* temp_store=MEMORY: sorts and temporary tables never reach the disk
   * unencrypted. synchronous=FULL: a power cut never loses a commit. */
  return gawah_db_exec (db,
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA busy_timeout = 5000;",
                        error);
}

GawahDb *
gawah_db_open (const char       *path,
               const char       *passphrase,
               GawahDbOpenMode   mode,
               GError          **error)
{
  g_autoptr(GawahDb) db = NULL;
  int flags = SQLITE_OPEN_READWRITE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!check_mode_against_file (path, mode, error))
    return NULL;
  /* SQLCipher takes an empty key to mean "no encryption": never that. */
  if (mode != GAWAH_DB_CREATE_NEW && *passphrase == '\0')
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE,
                           _("Wrong passphrase, or the file is not a Gawah casebook"));
      return NULL;
    }
  if (mode == GAWAH_DB_CREATE_NEW && *passphrase == '\0')
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           _("Passphrase: a casebook needs a passphrase"));
      return NULL;
    }
  if (mode == GAWAH_DB_CREATE_NEW)
    flags |= SQLITE_OPEN_CREATE;

  db = g_new0 (GawahDb, 1);
  g_mutex_init (&db->statements_lock);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
  db->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &db->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      gawah_db_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, TRUE);

  /* A wrong passphrase is reported by us, in words; SQLCipher would also
   * print its own lines on stderr. */
  sqlite3_exec (db->handle, "PRAGMA cipher_log_source = NONE", NULL, NULL, NULL);

  rc = sqlite3_key_v2 (db->handle, "main", passphrase, (int) strlen (passphrase));
  if (rc != SQLITE_OK)
    {
      gawah_db_set_error (db, rc, error);
      return NULL;
    }

  if (!require_sqlcipher (db, error) ||
      !prove_key (db, error) ||
      !apply_connection_settings (db, mode, error))
    return NULL;

  /* The audit triggers call these: without them no write can happen. */
  db->actor = gawah_audit_default_actor ();
  gawah_audit_register_functions (db);

  return g_steal_pointer (&db);
}

void
gawah_db_close (GawahDb *db)
{
  if (db == NULL)
    return;

  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_mutex_clear (&db->statements_lock);
  g_free (db->actor);
  g_free (db->path);
  g_free (db);
}

void
gawah_db_set_actor (GawahDb    *db,
                    const char *actor)
{
  g_return_if_fail (db != NULL);

  g_free (db->actor);
  db->actor = actor != NULL && *actor != '\0' ? g_strdup (actor) : gawah_audit_default_actor ();
}

const char *
gawah_db_get_actor (GawahDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->actor;
}

/* SQLCipher re-encrypts every page with the new key in one transaction. Not
 * in WAL mode: pages still in the log would keep the old key, so the log is
 * checkpointed and the file switched to a rollback journal for the rekey. */
gboolean
gawah_db_rekey (GawahDb     *db,
                const char  *new_passphrase,
                GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (new_passphrase != NULL, FALSE);

  if (*new_passphrase == '\0')
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           _("Passphrase: a casebook needs a passphrase"));
      return FALSE;
    }
  if (db->tx_depth > 0)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_FAILED,
                           _("The passphrase cannot be changed while a change is being saved"));
      return FALSE;
    }
  if (!gawah_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", error))
    return FALSE;
  rc = sqlite3_rekey_v2 (db->handle, "main", new_passphrase, (int) strlen (new_passphrase));
  if (rc != SQLITE_OK)
    {
      gawah_db_set_error (db, rc, error);
      gawah_db_exec (db, "PRAGMA journal_mode = WAL", NULL);
      return FALSE;
    }
  return gawah_db_exec (db, "PRAGMA journal_mode = WAL", error);
}

sqlite3 *
gawah_db_get_handle (GawahDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->handle;
}

gboolean
gawah_db_exec (GawahDb     *db,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return gawah_db_set_error (db, rc, error);
  return TRUE;
}

static sqlite3_stmt *
prepare_cached (GawahDb     *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gawah_db_set_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

GawahStmt *
gawah_db_prepare (GawahDb     *db,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  /* A worker thread (an import) prepares its statements while the main
   * thread may still read a row for the list it shows: SQLite serialises
   * their calls on the connection, this lock their use of the cache. */
  g_mutex_lock (&db->statements_lock);
  stmt = prepare_cached (db, sql, error);
  g_mutex_unlock (&db->statements_lock);
  return stmt;
}

gboolean
gawah_db_step_done (GawahDb    *db,
                    GawahStmt  *stmt,
                    GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return gawah_db_set_error (db, rc, error);
  return TRUE;
}

gboolean
gawah_db_step_row (GawahDb    *db,
                   GawahStmt  *stmt,
                   gboolean   *has_row,
                   GError    **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return gawah_db_set_error (db, rc, error);
  return TRUE;
}

gint64
gawah_db_last_insert_id (GawahDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

int
gawah_db_changes (GawahDb *db)
{
  return sqlite3_changes (db->handle);
}

gboolean
gawah_db_query_int (GawahDb     *db,
                    const char  *sql,
                    gint64      *value,
                    GError     **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !gawah_db_step_row (db, stmt, &has_row, error))
    return FALSE;
  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

void
gawah_stmt_bind_text (GawahStmt  *stmt,
                      int         index,
                      const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
gawah_stmt_bind_text_or_null (GawahStmt  *stmt,
                              int         index,
                              const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
gawah_stmt_bind_int64 (GawahStmt *stmt,
                       int        index,
                       gint64     value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
gawah_stmt_bind_id_or_null (GawahStmt *stmt,
                            int        index,
                            gint64     id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
gawah_stmt_dup_text (GawahStmt *stmt,
                     int        column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
gawah_stmt_release (GawahStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* The outermost level takes the write lock at once (BEGIN IMMEDIATE), so that
 * a second process never turns a read into a failed write half-way; inner
 * levels are savepoints that can be undone on their own. */
GawahTransaction *
gawah_transaction_begin (GawahDb  *db,
                         GError  **error)
{
  GawahTransaction *tx;
  const char *sql = db->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT gawah_nested";

  if (!gawah_db_exec (db, sql, error))
    return NULL;

  tx = g_new0 (GawahTransaction, 1);
  tx->db = db;
  db->tx_depth++;
  return tx;
}

gboolean
gawah_transaction_commit (GawahTransaction  *tx,
                          GError           **error)
{
  const char *sql = tx->db->tx_depth == 1 ? "COMMIT" : "RELEASE gawah_nested";

  g_return_val_if_fail (!tx->finished, FALSE);

  if (!gawah_db_exec (tx->db, sql, error))
    return FALSE;
  tx->finished = TRUE;
  tx->db->tx_depth--;
  return TRUE;
}

void
gawah_transaction_free (GawahTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->finished)
    {
      GawahDb *db = tx->db;

      /* A failed COMMIT (disk full) may already have rolled back. */
      if (db->tx_depth > 1)
        sqlite3_exec (db->handle, "ROLLBACK TO gawah_nested; RELEASE gawah_nested", NULL, NULL, NULL);
      else if (!sqlite3_get_autocommit (db->handle))
        sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
      db->tx_depth--;
    }
  g_free (tx);
}
