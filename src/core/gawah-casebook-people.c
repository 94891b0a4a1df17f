/* gawah-casebook-people.c: people, and the acts that link them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

#define PERSON_COLUMNS \
  "id, uuid, kind, name_latin, name_urdu, other_names, sex, perpetrator_type, organisation," \
  " ethnicity, religion, contact, notes, created_at, updated_at"

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *trimmed == '\0';
}

static gboolean
check_person_name (const GawahPerson  *person,
                   GError            **error)
{
  if (!gawah_check_optional_text (person->name_latin, _("Name"), error) ||
      !gawah_check_optional_text (person->name_urdu, _("Name in Urdu"), error))
    return FALSE;
  if (is_blank (person->name_latin) && is_blank (person->name_urdu))
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           _("Name: give a name in Latin or in Urdu script"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_person (GawahCasebook      *self,
              const GawahPerson  *person,
              GError            **error)
{
  if (!check_person_name (person, error) ||
      !gawah_check_code (self, GAWAH_VOCAB_PERSON_KIND, person->kind, _("Kind"), error) ||
      !gawah_check_optional_code (self, GAWAH_VOCAB_SEX, person->sex, _("Sex"), error) ||
      !gawah_check_optional_code (self, GAWAH_VOCAB_PERPETRATOR_TYPE, person->perpetrator_type,
                                  _("Perpetrator type"), error) ||
      !gawah_check_optional_text (person->other_names, _("Other names"), error) ||
      !gawah_check_optional_text (person->organisation, _("Organisation"), error) ||
      !gawah_check_optional_text (person->ethnicity, _("Ethnicity"), error) ||
      !gawah_check_optional_text (person->religion, _("Religion"), error) ||
      !gawah_check_optional_text (person->contact, _("Contact details"), error) ||
      !gawah_check_optional_text (person->notes, _("Notes"), error))
    return FALSE;

  for (guint i = 0; person->categories[i] != NULL; i++)
    if (!gawah_check_code (self, GAWAH_VOCAB_HRD_CATEGORY, person->categories[i], _("Category"), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_person_row (GawahCasebook  *self,
                  GawahPerson    *person,
                  GError        **error)
{
  const char *sql = person->id == 0
    ? "INSERT INTO person (uuid, kind, name_latin, name_urdu, other_names, sex, perpetrator_type,"
      " organisation, ethnicity, religion, contact, notes)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id, created_at, updated_at"
    : "UPDATE person SET uuid = ?1, kind = ?2, name_latin = ?3, name_urdu = ?4, other_names = ?5, sex = ?6,"
      " perpetrator_type = ?7, organisation = ?8, ethnicity = ?9, religion = ?10, contact = ?11, notes = ?12,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?13 RETURNING id, created_at, updated_at";
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, sql, error);
  const char *texts[] = { person->uuid, person->kind, person->name_latin, person->name_urdu,
                          person->other_names, person->sex, person->perpetrator_type, person->organisation,
                          person->ethnicity, person->religion, person->contact, person->notes };
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      /* sex and perpetrator type are codes: absent is NULL, not "". */
      if (i == 5 || i == 6)
        gawah_stmt_bind_text_or_null (stmt, (int) i + 1, texts[i]);
      else
        gawah_stmt_bind_text (stmt, (int) i + 1, texts[i]);
    }
  if (person->id != 0)
    gawah_stmt_bind_int64 (stmt, 13, person->id);
  if (!gawah_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("The person no longer exists"));
      return FALSE;
    }
  person->id = sqlite3_column_int64 (stmt, 0);
  gawah_stmt_read_timestamps (stmt, 1, &person->created_at, &person->updated_at);
  return gawah_db_step_done (self->db, stmt, error);
}

static gboolean
write_person_categories (GawahCasebook      *self,
                         const GawahPerson  *person,
                         GError            **error)
{
  g_autoptr(GawahStmt) clear = gawah_db_prepare (self->db, "DELETE FROM person_category WHERE person_id = ?1", error);

  if (clear == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (clear, 1, person->id);
  if (!gawah_db_step_done (self->db, clear, error))
    return FALSE;

  for (guint i = 0; person->categories[i] != NULL; i++)
    {
      g_autoptr(GawahStmt) add = gawah_db_prepare (self->db,
        "INSERT OR IGNORE INTO person_category (person_id, category) VALUES (?1, ?2)", error);

      if (add == NULL)
        return FALSE;
      gawah_stmt_bind_int64 (add, 1, person->id);
      gawah_stmt_bind_text (add, 2, person->categories[i]);
      if (!gawah_db_step_done (self->db, add, error))
        return FALSE;
    }
  return TRUE;
}

/* A victim's categories bring in modifiers (a woman HRD brings in CEDAW):
 * the incidents where the person is a victim need new suggestions. */
/* A victim's categories bring in modifiers (a woman HRD brings in CEDAW):
 * the incidents where the person is a victim need new suggestions. */
static gboolean
refresh_incidents_of_victim (GawahCasebook  *self,
                             gint64          person_id,
                             GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT DISTINCT incident_id FROM act WHERE victim_id = ?1", error);
  g_autoptr(GArray) incidents = NULL;

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, person_id);
  incidents = gawah_collect_ids (self, stmt, error);
  if (incidents == NULL)
    return FALSE;

  for (guint i = 0; i < incidents->len; i++)
    if (!gawah_casebook_refresh_suggestions_in_tx (self, g_array_index (incidents, gint64, i), error))
      return FALSE;
  return TRUE;
}

gboolean
gawah_casebook_save_person (GawahCasebook  *self,
                            GawahPerson    *person,
                            GError        **error)
{
  g_autoptr(GawahTransaction) tx = NULL;
  gboolean existed = person->id != 0;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (!check_person (self, person, error))
    return FALSE;
  if (!gawah_ensure_uuid (&person->uuid, error))
    return FALSE;

  tx = gawah_transaction_begin (self->db, error);
  if (tx == NULL ||
      !write_person_row (self, person, error) ||
      !write_person_categories (self, person, error) ||
      (existed && !refresh_incidents_of_victim (self, person->id, error)))
    return FALSE;
  return gawah_transaction_commit (tx, error);
}

static char **
read_person_categories (GawahCasebook *self,
                        gint64         person_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT category FROM person_category WHERE person_id = ?1 ORDER BY category", NULL);
  gboolean has_row = FALSE;

  if (stmt != NULL)
    {
      gawah_stmt_bind_int64 (stmt, 1, person_id);
      while (gawah_db_step_row (self->db, stmt, &has_row, NULL) && has_row)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strv_builder_end (builder);
}

static GawahPerson *
read_person (GawahCasebook *self,
             GawahStmt     *stmt)
{
  GawahPerson *person = g_new0 (GawahPerson, 1);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->uuid = gawah_stmt_dup_text (stmt, 1);
  person->kind = gawah_stmt_dup_text (stmt, 2);
  person->name_latin = gawah_stmt_dup_text (stmt, 3);
  person->name_urdu = gawah_stmt_dup_text (stmt, 4);
  person->other_names = gawah_stmt_dup_text (stmt, 5);
  person->sex = gawah_stmt_dup_text (stmt, 6);
  person->perpetrator_type = gawah_stmt_dup_text (stmt, 7);
  person->organisation = gawah_stmt_dup_text (stmt, 8);
  person->ethnicity = gawah_stmt_dup_text (stmt, 9);
  person->religion = gawah_stmt_dup_text (stmt, 10);
  person->contact = gawah_stmt_dup_text (stmt, 11);
  person->notes = gawah_stmt_dup_text (stmt, 12);
  gawah_stmt_read_timestamps (stmt, 13, &person->created_at, &person->updated_at);
  person->categories = read_person_categories (self, person->id);
  return person;
}

GawahPerson *
gawah_casebook_get_person (GawahCasebook  *self,
                           gint64          id,
                           GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, "SELECT " PERSON_COLUMNS " FROM person WHERE id = ?1", error);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  if (stmt != NULL)
    gawah_stmt_bind_int64 (stmt, 1, id);
  return gawah_read_one_row (self, stmt, (GawahRowReader) read_person, _("No such person"), error);
}

/* Exact name in either script; Latin ignoring case. 0 when nobody has it. */
gint64
gawah_casebook_find_person_by_name (GawahCasebook  *self,
                                    const char     *name,
                                    GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT id FROM person WHERE name_latin = ?1 COLLATE NOCASE OR name_urdu = ?1 ORDER BY id LIMIT 1", error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return 0;
  gawah_stmt_bind_text (stmt, 1, name);
  if (!gawah_db_step_row (self->db, stmt, &has_row, error) || !has_row)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

GPtrArray *
gawah_casebook_list_people (GawahCasebook  *self,
                            GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT " PERSON_COLUMNS " FROM person ORDER BY coalesce(nullif(name_latin, ''), name_urdu), id", error);

  return gawah_collect_rows (self, stmt, (GawahRowReader) read_person,
                             (GDestroyNotify) gawah_person_free, error);
}
