/* gawah-db.h: one SQLCipher connection, its statement cache and transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _GawahDb GawahDb;

/* A statement borrowed from the connection's cache: g_autoptr resets it
 * (bindings included) when it goes out of scope, it is never finalized. */
typedef sqlite3_stmt GawahStmt;

typedef enum {
  GAWAH_DB_OPEN_EXISTING,
  GAWAH_DB_CREATE_NEW,
  GAWAH_DB_OPEN_UNCHANGED,    /* an existing file left in its journal mode: a backup being checked */
} GawahDbOpenMode;

GawahDb    *gawah_db_open              (const char      *path,
                                        const char      *passphrase,
                                        GawahDbOpenMode  mode,
                                        GError         **error);
void        gawah_db_close             (GawahDb         *db);
sqlite3    *gawah_db_get_handle        (GawahDb         *db);
void        gawah_db_set_actor         (GawahDb         *db,
                                        const char      *actor);
const char *gawah_db_get_actor         (GawahDb         *db);
gboolean    gawah_db_rekey             (GawahDb         *db,
                                        const char      *new_passphrase,
                                        GError         **error);

gboolean    gawah_db_exec              (GawahDb         *db,
                                        const char      *sql,
                                        GError         **error);
GawahStmt  *gawah_db_prepare           (GawahDb         *db,
                                        const char      *sql,
                                        GError         **error);
gboolean    gawah_db_step_done         (GawahDb         *db,
                                        GawahStmt       *stmt,
                                        GError         **error);
gboolean    gawah_db_step_row          (GawahDb         *db,
                                        GawahStmt       *stmt,
                                        gboolean        *has_row,
                                        GError         **error);
gint64      gawah_db_last_insert_id    (GawahDb         *db);
int         gawah_db_changes           (GawahDb         *db);
gboolean    gawah_db_query_int         (GawahDb         *db,
                                        const char      *sql,
                                        gint64          *value,
                                        GError         **error);
gboolean    gawah_db_set_error         (GawahDb         *db,
                                        int              rc,
                                        GError         **error);

void        gawah_stmt_bind_text       (GawahStmt       *stmt,
                                        int              index,
                                        const char      *text);
void        gawah_stmt_bind_text_or_null (GawahStmt     *stmt,
                                        int              index,
                                        const char      *text);
void        gawah_stmt_bind_int64      (GawahStmt       *stmt,
                                        int              index,
                                        gint64           value);
void        gawah_stmt_bind_id_or_null (GawahStmt       *stmt,
                                        int              index,
                                        gint64           id);
char       *gawah_stmt_dup_text        (GawahStmt       *stmt,
                                        int              column);
void        gawah_stmt_release         (GawahStmt       *stmt);

/* A transaction is a savepoint, so that transactions nest: an import can
 * wrap many saves, each of which is a transaction of its own. */
typedef struct _GawahTransaction GawahTransaction;

GawahTransaction *gawah_transaction_begin  (GawahDb          *db,
                                            GError          **error);
gboolean          gawah_transaction_commit (GawahTransaction *tx,
                                            GError          **error);
void              gawah_transaction_free   (GawahTransaction *tx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahStmt, gawah_stmt_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahTransaction, gawah_transaction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahDb, gawah_db_close)

G_END_DECLS
