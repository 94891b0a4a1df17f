/* gawah-casebook-mapping.c: the provisions an incident engages
 *
 * Rules suggest; a reviewer decides. Suggestions are recomputed whenever
 * the acts change, but a reviewer's decision and note are never touched by
 * that: only the list of rules behind a provision is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

typedef struct {
  char  *act_type;
  char **categories;
  char **laws;
} ActFacts;

static void
act_facts_clear (ActFacts *facts)
{
  g_free (facts->act_type);
  g_strfreev (facts->categories);
  g_strfreev (facts->laws);
}

static char **
split_words (const unsigned char *text)
{
  return g_strsplit (text != NULL ? (const char *) text : "", " ", -1);
}

/* For each act: its type, the victim's categories and the laws invoked. */
static GArray *
read_act_facts (GawahCasebook  *self,
                gint64          incident_id,
                GError        **error)
{
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (ActFacts));
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT a.act_type,"
    " (SELECT group_concat(category, ' ') FROM person_category WHERE person_id = a.victim_id),"
    " (SELECT group_concat(law, ' ') FROM act_law WHERE act_id = a.id)"
    " FROM act a WHERE a.incident_id = ?1 ORDER BY a.id", error);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_array_set_clear_func (facts, (GDestroyNotify) act_facts_clear);
  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  while (gawah_db_step_row (self->db, stmt, &has_row, &local_error) && has_row)
    {
      ActFacts fact = {
        gawah_stmt_dup_text (stmt, 0),
        split_words (sqlite3_column_text (stmt, 1)),
        split_words (sqlite3_column_text (stmt, 2)),
      };
      g_array_append_val (facts, fact);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&facts);
}

static GPtrArray *
suggest_for_incident (GawahCasebook  *self,
                      gint64          incident_id,
                      GError        **error)
{
  g_autoptr(GArray) facts = read_act_facts (self, incident_id, error);
  g_autofree GawahMappingInput *inputs = NULL;

  if (facts == NULL)
    return NULL;
  inputs = g_new0 (GawahMappingInput, facts->len + 1);
  for (guint i = 0; i < facts->len; i++)
    {
      ActFacts *fact = &g_array_index (facts, ActFacts, i);

      inputs[i].act_type = fact->act_type;
      inputs[i].victim_categories = (const char * const *) fact->categories;
      inputs[i].laws = (const char * const *) fact->laws;
    }
  return gawah_mapping_rules_suggest (self->rules, inputs, facts->len);
}

static gboolean
store_suggestion (GawahCasebook          *self,
                  gint64                  incident_id,
                  const GawahSuggestion  *suggestion,
                  GError                **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "INSERT INTO provision_mapping (incident_id, uuid, provision_id, role, rule_ids)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (incident_id, provision_id)"
    " DO UPDATE SET rule_ids = excluded.rule_ids, role = excluded.role"
    " WHERE rule_ids IS NOT excluded.rule_ids OR role IS NOT excluded.role", error);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GString) rule_ids = g_string_new (NULL);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < suggestion->rule_ids->len; i++)
    g_string_append_printf (rule_ids, "%s%s", i > 0 ? " " : "",
                            (const char *) g_ptr_array_index (suggestion->rule_ids, i));

  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  gawah_stmt_bind_text (stmt, 2, uuid);
  gawah_stmt_bind_text (stmt, 3, suggestion->provision_id);
  gawah_stmt_bind_text (stmt, 4, suggestion->role);
  gawah_stmt_bind_text (stmt, 5, rule_ids->str);
  return gawah_db_step_done (self->db, stmt, error);
}

/* Provisions no rule suggests any more: a reviewer's work stays (without
 * rules), what nobody decided on goes away. ?2 is the suggested provision
 * ids, each between spaces. */
#define NOT_SUGGESTED " incident_id = ?1 AND instr (?2, ' ' || provision_id || ' ') = 0"

static gboolean
drop_unsuggested (GawahCasebook  *self,
                  gint64          incident_id,
                  const char     *suggested,
                  GError        **error)
{
  static const char *const statements[] = {
    "DELETE FROM provision_mapping WHERE" NOT_SUGGESTED " AND decision = 'pending' AND added_by_reviewer = 0",
    "UPDATE provision_mapping SET rule_ids = '' WHERE" NOT_SUGGESTED " AND rule_ids != ''",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      gawah_stmt_bind_int64 (stmt, 1, incident_id);
      gawah_stmt_bind_text (stmt, 2, suggested);
      if (!gawah_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Must run inside a transaction: callers change acts and mapping together.
 * Only rows whose rules or role change are written, so that saving an act
 * leaves the other suggestions (and their audit trail) alone. */
gboolean
gawah_casebook_refresh_suggestions_in_tx (GawahCasebook  *self,
                                          gint64          incident_id,
                                          GError        **error)
{
  g_autoptr(GPtrArray) suggestions = suggest_for_incident (self, incident_id, error);
  g_autoptr(GString) suggested = g_string_new (" ");

  if (suggestions == NULL)
    return FALSE;
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GawahSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_string_append_printf (suggested, "%s ", suggestion->provision_id);
    }
  if (!drop_unsuggested (self, incident_id, suggested->str, error))
    return FALSE;
  for (guint i = 0; i < suggestions->len; i++)
    if (!store_suggestion (self, incident_id, g_ptr_array_index (suggestions, i), error))
      return FALSE;
  return TRUE;
}

gboolean
gawah_casebook_refresh_suggestions (GawahCasebook  *self,
                                    gint64          incident_id,
                                    GError        **error)
{
  g_autoptr(GawahTransaction) tx = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (!gawah_check_record_exists (self, "incident", incident_id, _("Incident"), error))
    return FALSE;
  tx = gawah_transaction_begin (self->db, error);
  if (tx == NULL || !gawah_casebook_refresh_suggestions_in_tx (self, incident_id, error))
    return FALSE;
  return gawah_transaction_commit (tx, error);
}

static gboolean
check_provision (GawahCasebook  *self,
                 const char     *provision_id,
                 GError        **error)
{
  if (gawah_catalogue_find_provision (self->catalogue, provision_id) != NULL)
    return TRUE;
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
               /* Translators: keep the command as it is. */
               _("Provision: “%s” is not in the legal catalogue (see “gawah-cli provisions”)"),
               provision_id != NULL ? provision_id : "");
  return FALSE;
}

/* Confirms, rejects or adds a provision; a provision no rule suggested is
 * recorded as the reviewer's own. */
gboolean
gawah_casebook_decide_provision (GawahCasebook  *self,
                                 gint64          incident_id,
                                 const char     *provision_id,
                                 GawahDecision   decision,
                                 const char     *note,
                                 GError        **error)
{
  g_autoptr(GawahStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (!gawah_check_record_exists (self, "incident", incident_id, _("Incident"), error) ||
      !check_provision (self, provision_id, error) ||
      !gawah_check_optional_text (note, _("Note"), error))
    return FALSE;

  stmt = gawah_db_prepare (self->db,
    "INSERT INTO provision_mapping (incident_id, uuid, provision_id, added_by_reviewer, decision, note, decided_at)"
    " VALUES (?1, ?2, ?3, 1, ?4, ?5, " NOW ") ON CONFLICT (incident_id, provision_id) DO UPDATE SET"
    " decision = excluded.decision, note = excluded.note, decided_at = excluded.decided_at,"
    " updated_at = " NOW, error);
  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  gawah_stmt_bind_text (stmt, 2, uuid);
  gawah_stmt_bind_text (stmt, 3, provision_id);
  gawah_stmt_bind_text (stmt, 4, gawah_decision_to_code (decision));
  gawah_stmt_bind_text (stmt, 5, note);
  return gawah_db_step_done (self->db, stmt, error);
}

static GawahProvisionMapping *
read_mapping (GawahCasebook *self,
              GawahStmt     *stmt)
{
  GawahProvisionMapping *mapping = g_new0 (GawahProvisionMapping, 1);
  const char *rule_ids = (const char *) sqlite3_column_text (stmt, 5);

  mapping->id = sqlite3_column_int64 (stmt, 0);
  mapping->uuid = gawah_stmt_dup_text (stmt, 1);
  mapping->incident_id = sqlite3_column_int64 (stmt, 2);
  mapping->provision_id = gawah_stmt_dup_text (stmt, 3);
  mapping->role = gawah_stmt_dup_text (stmt, 4);
  mapping->rule_ids = rule_ids != NULL && *rule_ids != '\0' ? g_strsplit (rule_ids, " ", -1) : g_new0 (char *, 1);
  mapping->added_by_reviewer = sqlite3_column_int (stmt, 6) != 0;
  gawah_decision_from_code ((const char *) sqlite3_column_text (stmt, 7), &mapping->decision);
  mapping->note = gawah_stmt_dup_text (stmt, 8);
  mapping->decided_at = gawah_stmt_dup_text (stmt, 9);
  return mapping;
}

static int
compare_mappings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const GawahProvisionMapping *ma = *(GawahProvisionMapping * const *) a;
  const GawahProvisionMapping *mb = *(GawahProvisionMapping * const *) b;

  return gawah_catalogue_compare (user_data, ma->provision_id, mb->provision_id);
}

/* In catalogue order, so that each instrument's provisions stand together. */
GPtrArray *
gawah_casebook_list_mappings (GawahCasebook  *self,
                              gint64          incident_id,
                              GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT id, uuid, incident_id, provision_id, role, rule_ids, added_by_reviewer, decision, note, decided_at"
    " FROM provision_mapping WHERE incident_id = ?1", error);
  GPtrArray *mappings;

  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_int64 (stmt, 1, incident_id);
  mappings = gawah_collect_rows (self, stmt, (GawahRowReader) read_mapping,
                                 (GDestroyNotify) gawah_provision_mapping_free, error);
  if (mappings != NULL)
    g_ptr_array_sort_with_data (mappings, compare_mappings, self->catalogue);
  return mappings;
}

/* "Which incidents engage Article N?": the article or any of its clauses,
 * unless a reviewer rejected it. */
GArray *
gawah_casebook_incidents_engaging (GawahCasebook  *self,
                                   const char     *provision_id,
                                   gboolean        confirmed_only,
                                   GError        **error)
{
  g_autoptr(GawahStmt) stmt = NULL;
  g_autofree char *clauses = NULL;

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  if (!check_provision (self, provision_id, error))
    return NULL;
  stmt = gawah_db_prepare (self->db,
    "SELECT DISTINCT incident_id FROM provision_mapping"
    " WHERE (provision_id = ?1 OR provision_id LIKE ?2) AND decision != 'rejected'"
    " AND (?3 = 0 OR decision = 'confirmed') ORDER BY incident_id", error);
  if (stmt == NULL)
    return NULL;
  clauses = g_strconcat (provision_id, "-%", NULL);
  gawah_stmt_bind_text (stmt, 1, provision_id);
  gawah_stmt_bind_text (stmt, 2, clauses);
  gawah_stmt_bind_int64 (stmt, 3, confirmed_only ? 1 : 0);
  return gawah_collect_ids (self, stmt, error);
}
