/* gawah-casebook-import.c: reading a casebook document
 *
 * The document is parsed safely, validated against its schema, and then
 * written in one transaction through the same checks as every other save:
 * one bad field anywhere and the casebook is left exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-import.h"
#include "gawah-casebook-private.h"
#include "gawah-error.h"
#include "gawah-xml.h"

#define CASEBOOK_NS "urn:gawah:casebook:1"
#define CASEBOOK_SCHEMA RESOURCE_PREFIX "/schemas/casebook.rng"

typedef struct {
  GawahCasebook     *casebook;
  const char        *name;
  GHashTable        *people;      /* document id → gint64* casebook id */
  GHashTable        *incidents;
  GawahImportCounts  counts;
} Import;

static gboolean
fail_at (Import   *import,
         xmlNode  *node,
         GError  **error)
{
  /* Translators: %1$s is a file name and %2$ld a line number; the reason follows. */
  g_prefix_error (error, _("%1$s, line %2$ld: "), import->name, xmlGetLineNo (node));
  return FALSE;
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  gawah_xml_foreach_element (child, parent)
    if (gawah_xml_is (child, CASEBOOK_NS, name))
      return gawah_xml_get_content (child);
  return NULL;
}

static xmlNode *
child_element (xmlNode    *parent,
               const char *name)
{
  gawah_xml_foreach_element (child, parent)
    if (gawah_xml_is (child, CASEBOOK_NS, name))
      return child;
  return NULL;
}

/* <start date="2019-03" precision="month"/>; absent means unknown. */
static gboolean
read_date (xmlNode           *parent,
           const char        *name,
           const char        *field,
           GawahPartialDate  *date,
           GError           **error)
{
  xmlNode *node = child_element (parent, name);
  g_autofree char *iso = NULL;
  g_autofree char *precision = NULL;

  *date = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  if (node == NULL)
    return TRUE;
  iso = gawah_xml_get_attr (node, "date");
  precision = gawah_xml_get_attr (node, "precision");
  return gawah_partial_date_parse (iso, precision, field, date, error);
}

static void
remember (GHashTable *ids,
          char       *document_id,
          gint64      casebook_id)
{
  g_hash_table_insert (ids, document_id, g_memdup2 (&casebook_id, sizeof casebook_id));
}

static gint64
resolve (Import      *import,
         GHashTable  *ids,
         const char  *document_id,
         const char  *field,
         GError     **error)
{
  gint64 *id = g_hash_table_lookup (ids, document_id != NULL ? document_id : "");

  if (id != NULL)
    return *id;
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND,
               /* Translators: %1$s is a field name, %2$s an id from the document. */
               _("%1$s: “%2$s” is not a record of this document"), field, document_id != NULL ? document_id : "");
  return 0;
}

/* Merging with records already here is a later step (exchange between
 * offices): for now a record that is already in the casebook stops the
 * import, and says which. */
static gboolean
check_not_present (Import      *import,
                   const char  *table,
                   const char  *uuid,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE uuid = ?1", table);
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (gawah_casebook_get_db (import->casebook), sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, uuid);
  if (!gawah_db_step_row (gawah_casebook_get_db (import->casebook), stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_int64 (stmt, 0) > 0)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_EXISTS,
                   _("Id: the record “%s” is already in this casebook"), uuid);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_person (Import   *import,
               xmlNode  *node,
               GError  **error)
{
  g_autoptr(GawahPerson) person = gawah_person_new ();
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();

  g_free (person->kind);
  person->uuid = gawah_xml_get_attr (node, "id");
  person->kind = gawah_xml_get_attr (node, "kind");
  person->name_latin = child_text (node, "name-latin");
  person->name_urdu = child_text (node, "name-urdu");
  person->other_names = child_text (node, "other-names");
  person->sex = child_text (node, "sex");
  person->perpetrator_type = child_text (node, "perpetrator-type");
  person->organisation = child_text (node, "organisation");
  person->ethnicity = child_text (node, "ethnicity");
  person->religion = child_text (node, "religion");
  person->contact = child_text (node, "contact");
  person->notes = child_text (node, "notes");
  gawah_xml_foreach_element (child, node)
    if (gawah_xml_is (child, CASEBOOK_NS, "category"))
      {
        g_autofree char *category = gawah_xml_get_content (child);
        g_strv_builder_add (categories, category);
      }
  g_strfreev (person->categories);
  person->categories = g_strv_builder_end (categories);

  if (!check_not_present (import, "person", person->uuid, error) ||
      !gawah_casebook_save_person (import->casebook, person, error))
    return fail_at (import, node, error);
  remember (import->people, g_strdup (person->uuid), person->id);
  import->counts.people++;
  return TRUE;
}

static gboolean
read_involvements (Import    *import,
                   xmlNode   *node,
                   GawahAct  *act,
                   GError   **error)
{
  g_autoptr(GStrvBuilder) laws = g_strv_builder_new ();

  gawah_xml_foreach_element (child, node)
    {
      if (gawah_xml_is (child, CASEBOOK_NS, "perpetrator"))
        {
          g_autofree char *person = gawah_xml_get_attr (child, "person");
          g_autofree char *degree = gawah_xml_get_attr (child, "involvement");
          gint64 perpetrator_id = resolve (import, import->people, person, _("Perpetrator"), error);

          if (perpetrator_id == 0)
            return fail_at (import, child, error);
          gawah_act_add_involvement (act, perpetrator_id, degree);
        }
      else if (gawah_xml_is (child, CASEBOOK_NS, "law"))
        {
          g_autofree char *code = gawah_xml_get_attr (child, "code");
          g_strv_builder_add (laws, code);
        }
    }
  g_strfreev (act->laws);
  act->laws = g_strv_builder_end (laws);
  return TRUE;
}

static gboolean
import_act (Import   *import,
            xmlNode  *node,
            gint64    incident_id,
            GError  **error)
{
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autofree char *victim = gawah_xml_get_attr (node, "victim");

  act->uuid = gawah_xml_get_attr (node, "id");
  act->incident_id = incident_id;
  act->act_type = gawah_xml_get_attr (node, "type");
  act->outcome = child_text (node, "outcome");
  act->victim_id = resolve (import, import->people, victim, _("Victim"), error);
  if (act->victim_id == 0 ||
      !read_date (node, "start", _("Start date"), &act->start, error) ||
      !read_date (node, "end", _("End date"), &act->end, error) ||
      !read_involvements (import, node, act, error) ||
      !gawah_casebook_save_act (import->casebook, act, error))
    return fail_at (import, node, error);
  import->counts.acts++;
  return TRUE;
}

static gboolean
import_chronology (Import   *import,
                   xmlNode  *node,
                   gint64    incident_id,
                   GError  **error)
{
  g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();

  g_free (entry->step);
  entry->uuid = gawah_xml_get_attr (node, "id");
  entry->incident_id = incident_id;
  entry->step = gawah_xml_get_attr (node, "step");
  entry->description = child_text (node, "description");
  if (!read_date (node, "date", _("Date"), &entry->date, error) ||
      !gawah_casebook_save_chronology_entry (import->casebook, entry, error))
    return fail_at (import, node, error);
  import->counts.chronology++;
  return TRUE;
}

static gboolean
import_follow_up (Import   *import,
                  xmlNode  *node,
                  gint64    incident_id,
                  GError  **error)
{
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();

  g_free (follow_up->status);
  follow_up->uuid = gawah_xml_get_attr (node, "id");
  follow_up->incident_id = incident_id;
  follow_up->body = gawah_xml_get_attr (node, "body");
  follow_up->action_type = gawah_xml_get_attr (node, "type");
  follow_up->status = gawah_xml_get_attr (node, "status");
  follow_up->description = child_text (node, "description");
  follow_up->response = child_text (node, "response");
  if (!read_date (node, "date", _("Date"), &follow_up->date, error) ||
      !read_date (node, "due", _("Due date"), &follow_up->due, error) ||
      !gawah_casebook_save_follow_up (import->casebook, follow_up, error))
    return fail_at (import, node, error);
  import->counts.follow_ups++;
  return TRUE;
}

static gboolean
import_source (Import   *import,
               xmlNode  *node,
               gint64    incident_id,
               GError  **error)
{
  g_autoptr(GawahSource) source = gawah_source_new ();

  g_free (source->reliability);
  g_free (source->credibility);
  source->uuid = gawah_xml_get_attr (node, "id");
  source->incident_id = incident_id;
  source->source_type = gawah_xml_get_attr (node, "type");
  source->reliability = gawah_xml_get_attr (node, "reliability");
  source->credibility = gawah_xml_get_attr (node, "credibility");
  source->description = child_text (node, "description");
  if (!read_date (node, "obtained", _("Date obtained"), &source->obtained, error) ||
      !gawah_casebook_save_source (import->casebook, source, error))
    return fail_at (import, node, error);
  import->counts.sources++;
  return TRUE;
}

static gboolean
read_incident_fields (xmlNode        *node,
                      GawahIncident  *incident,
                      GError        **error)
{
  xmlNode *location = child_element (node, "location");

  g_free (incident->verification);
  g_free (incident->confidentiality);
  g_free (incident->status);
  incident->uuid = gawah_xml_get_attr (node, "id");
  incident->title = child_text (node, "title");
  incident->summary = child_text (node, "summary");
  incident->ongoing = child_element (node, "ongoing") != NULL;
  incident->verification = child_text (node, "verification");
  incident->confidentiality = child_text (node, "confidentiality");
  incident->status = child_text (node, "status");
  if (location != NULL)
    {
      incident->province = gawah_xml_get_attr (location, "province");
      incident->district = gawah_xml_get_attr (location, "district");
      incident->place = gawah_xml_get_attr (location, "place");
    }
  return read_date (node, "start", _("Start date"), &incident->start, error) &&
         read_date (node, "end", _("End date"), &incident->end, error);
}

static gboolean
import_incident_part (Import   *import,
                      xmlNode  *child,
                      gint64    incident_id,
                      GError  **error)
{
  if (gawah_xml_is (child, CASEBOOK_NS, "act"))
    return import_act (import, child, incident_id, error);
  if (gawah_xml_is (child, CASEBOOK_NS, "chronology"))
    return import_chronology (import, child, incident_id, error);
  if (gawah_xml_is (child, CASEBOOK_NS, "follow-up"))
    return import_follow_up (import, child, incident_id, error);
  if (gawah_xml_is (child, CASEBOOK_NS, "source"))
    return import_source (import, child, incident_id, error);
  return TRUE;
}

static gboolean
import_incident (Import   *import,
                 xmlNode  *node,
                 GError  **error)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();

  if (!read_incident_fields (node, incident, error) ||
      !check_not_present (import, "incident", incident->uuid, error) ||
      !gawah_casebook_save_incident (import->casebook, incident, error))
    return fail_at (import, node, error);
  remember (import->incidents, g_strdup (incident->uuid), incident->id);
  import->counts.incidents++;

  gawah_xml_foreach_element (child, node)
    if (!import_incident_part (import, child, incident->id, error))
      return FALSE;
  return TRUE;
}

static gboolean
import_link (Import   *import,
             xmlNode  *node,
             GError  **error)
{
  g_autoptr(GawahIncidentLink) link = gawah_incident_link_new ();
  g_autofree char *from = gawah_xml_get_attr (node, "from");
  g_autofree char *to = gawah_xml_get_attr (node, "to");

  g_free (link->link_type);
  link->link_type = gawah_xml_get_attr (node, "type");
  link->from_incident_id = resolve (import, import->incidents, from, _("Incident"), error);
  if (link->from_incident_id != 0)
    link->to_incident_id = resolve (import, import->incidents, to, _("Linked incident"), error);
  if (link->to_incident_id == 0 || !gawah_casebook_save_link (import->casebook, link, error))
    return fail_at (import, node, error);
  import->counts.links++;
  return TRUE;
}

static gboolean
import_records (Import   *import,
                xmlNode  *root,
                GError  **error)
{
  gawah_xml_foreach_element (child, root)
    {
      gboolean ok = TRUE;

      if (gawah_xml_is (child, CASEBOOK_NS, "person"))
        ok = import_person (import, child, error);
      else if (gawah_xml_is (child, CASEBOOK_NS, "incident"))
        ok = import_incident (import, child, error);
      else if (gawah_xml_is (child, CASEBOOK_NS, "link"))
        ok = import_link (import, child, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
gawah_casebook_import_document (GawahCasebook      *self,
                                GBytes             *document,
                                const char         *name,
                                GawahImportCounts  *counts,
                                GError            **error)
{
  g_autoptr(xmlDoc) doc = gawah_xml_read_bytes (document, name, error);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) incidents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GawahTransaction) tx = NULL;
  Import import = { self, name, people, incidents, { 0 } };

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), FALSE);

  if (doc == NULL || !gawah_xml_validate (doc, CASEBOOK_SCHEMA, name, error))
    return FALSE;

  tx = gawah_transaction_begin (gawah_casebook_get_db (self), error);
  if (tx == NULL ||
      !import_records (&import, xmlDocGetRootElement (doc), error) ||
      !gawah_transaction_commit (tx, error))
    return FALSE;

  if (counts != NULL)
    *counts = import.counts;
  return TRUE;
}

gboolean
gawah_casebook_import_file (GawahCasebook      *self,
                            const char         *path,
                            GawahImportCounts  *counts,
                            GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);
  g_autofree char *name = g_path_get_basename (path);

  if (bytes == NULL)
    return FALSE;
  return gawah_casebook_import_document (self, bytes, name, counts, error);
}
