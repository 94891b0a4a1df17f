/* gawah-casebook.c: opening, creating and checking a casebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-schema.h"

G_DEFINE_FINAL_TYPE (GawahCasebook, gawah_casebook, G_TYPE_OBJECT)

static void
gawah_casebook_finalize (GObject *object)
{
  GawahCasebook *self = GAWAH_CASEBOOK (object);

  g_clear_pointer (&self->db, gawah_db_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->vocabularies, gawah_vocabularies_unref);
  g_clear_pointer (&self->catalogue, gawah_catalogue_unref);

  G_OBJECT_CLASS (gawah_casebook_parent_class)->finalize (object);
}

static void
gawah_casebook_class_init (GawahCasebookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gawah_casebook_finalize;
}

static void
gawah_casebook_init (GawahCasebook *self)
{
  self->vocabularies = gawah_vocabularies_ref (gawah_vocabularies_get_default ());
  self->catalogue = gawah_catalogue_ref (gawah_catalogue_get_default ());
  self->rules = gawah_mapping_rules_get_default ();
}

static GawahCasebook *
casebook_from_db (const char  *path,
                  GawahDb     *db,
                  GError     **error)
{
  g_autoptr(GawahCasebook) self = g_object_new (GAWAH_TYPE_CASEBOOK, NULL);

  self->path = g_strdup (path);
  self->db = db;
  if (!gawah_schema_migrate (db, error))
    return NULL;
  return g_steal_pointer (&self);
}

GawahCasebook *
gawah_casebook_create (const char  *path,
                       const char  *passphrase,
                       GError     **error)
{
  GawahDb *db = gawah_db_open (path, passphrase, GAWAH_DB_CREATE_NEW, error);
  GawahCasebook *self;

  if (db == NULL)
    return NULL;
  self = casebook_from_db (path, db, error);
  if (self == NULL)
    g_unlink (path);   /* nothing of value yet: leave no half-made file */
  return self;
}

static gboolean
is_empty_file (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 && info.st_size == 0;
}

GawahCasebook *
gawah_casebook_open (const char  *path,
                     const char  *passphrase,
                     GError     **error)
{
  GawahDb *db;
  gint64 tables = 0;

  /* SQLite would take an empty file for an empty database and write to it. */
  if (is_empty_file (path))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_A_CASEBOOK, _("“%s” is not a Gawah casebook"), path);
      return NULL;
    }
  db = gawah_db_open (path, passphrase, GAWAH_DB_OPEN_EXISTING, error);
  if (db == NULL)
    return NULL;

  /* A correct key on an empty database is not a casebook. */
  if (!gawah_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'incident'", &tables, error))
    {
      gawah_db_close (db);
      return NULL;
    }
  if (tables == 0 && gawah_schema_version (db, NULL) == 0)
    {
      gawah_db_close (db);
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_A_CASEBOOK,
                   _("“%s” is not a Gawah casebook"), path);
      return NULL;
    }
  return casebook_from_db (path, db, error);
}

const char *
gawah_casebook_get_path (GawahCasebook *self)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);
  return self->path;
}

GawahDb *
gawah_casebook_get_db (GawahCasebook *self)
{
  return self->db;
}

/* Several saves that must stand or fall together (an incident with its
 * acts): the work's saves nest inside one transaction. */
gboolean
gawah_casebook_run_in_transaction (GawahCasebook      *self,
                                   GawahCasebookWork   work,
                                   gpointer            user_data,
                                   GError            **error)
{
  g_autoptr(GawahTransaction) tx = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  tx = gawah_transaction_begin (self->db, error);
  if (tx == NULL || !work (self, user_data, error))
    return FALSE;
  return gawah_transaction_commit (tx, error);
}

static gboolean
collect_problems (GawahDb        *db,
                  const char     *sql,
                  GPtrArray      *problems,
                  GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (gawah_db_step_row (db, stmt, &has_row, error) && has_row)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (text != NULL ? text : "?"));
    }
  return error == NULL || *error == NULL;
}

static gboolean
check_fts (GawahDb        *db,
           const char     *sql,
           const char     *index_name,
           GPtrArray      *problems)
{
  g_autoptr(GError) local_error = NULL;

  if (!gawah_db_exec (db, sql, &local_error))
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", index_name, local_error->message));
  return TRUE;
}

/* SQLite's own checks, foreign keys, and both search indexes; on a bare
 * connection too, so that a backup is checked without being migrated. */
gboolean
gawah_db_check_integrity (GawahDb        *db,
                          GPtrArray     **problems,
                          GError        **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (!collect_problems (db, "PRAGMA integrity_check", found, error))
    return FALSE;
  if (!collect_problems (db,
                         "SELECT printf('foreign key: %s row %d refers to a missing %s', \"table\", rowid, parent)"
                         " FROM pragma_foreign_key_check", found, error))
    return FALSE;
  check_fts (db, "INSERT INTO incident_fts (incident_fts, rank) VALUES ('integrity-check', 0)", "incident_fts", found);
  check_fts (db, "INSERT INTO person_fts (person_fts, rank) VALUES ('integrity-check', 1)", "person_fts", found);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}

gboolean
gawah_casebook_check_integrity (GawahCasebook  *self,
                                GPtrArray     **problems,
                                GError        **error)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);
  return gawah_db_check_integrity (self->db, problems, error);
}
