/* gawah-exchange-spec.c: every record of Gawah XML, field by field
 *
 * The order of the fields is the order of the schema (data/schemas/casebook.rng).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-exchange-private.h"

/* A text column: '' is stored for "none", and is absent from the document. */
#define TEXT(xml, col, lbl) \
  { .name = xml, .place = PLACE_ELEMENT, .select = "NULLIF(t." col ", '')", .column = col, .label = lbl }
#define CODE(xml, place_, col, vocab, lbl, req) \
  { .name = xml, .place = place_, .select = "t." col, .column = col, .vocabulary = vocab, \
    .label = lbl, .required = req, .nullable = !req }
#define DATE(xml, col, prec, lbl, req) \
  { .name = xml, .place = PLACE_DATE, .select = "t." prec " || ifnull(' ' || t." col ", '')", \
    .column = col, .precision = prec, .label = lbl, .required = req }
#define REF(xml, col, table, lbl, req) \
  { .name = xml, .place = PLACE_ATTRIBUTE, .select = "(SELECT uuid FROM " table " WHERE id = t." col ")", \
    .column = col, .ref_table = table, .label = lbl, .required = req, .nullable = TRUE }

#define STAMP(xml, col) \
  { .name = xml, .place = PLACE_ATTRIBUTE, .select = "t." col, .column = col, .timestamp = TRUE }
#define TIMESTAMPS STAMP ("created", "created_at"), STAMP ("updated", "updated_at")

static const ListPart category_parts[] = {
  { NULL, GAWAH_VOCAB_HRD_CATEGORY, NULL, N_("Category") },
};

static const Field person_fields[] = {
  CODE ("kind", PLACE_ATTRIBUTE, "kind", GAWAH_VOCAB_PERSON_KIND, N_("Kind"), TRUE),
  TEXT ("name-latin", "name_latin", N_("Name")),
  TEXT ("name-urdu", "name_urdu", N_("Name")),
  TEXT ("other-names", "other_names", N_("Name")),
  CODE ("sex", PLACE_ELEMENT, "sex", GAWAH_VOCAB_SEX, N_("Sex"), FALSE),
  { .name = "category", .place = PLACE_LIST,
    .select = "(SELECT group_concat(category, char(10)) FROM"
              " (SELECT category FROM person_category WHERE person_id = t.id ORDER BY category))",
    .list_insert = "INSERT INTO person_category (person_id, category) VALUES (?1, ?2)",
    .parts = category_parts, .n_parts = G_N_ELEMENTS (category_parts), .sorted = TRUE },
  CODE ("perpetrator-type", PLACE_ELEMENT, "perpetrator_type", GAWAH_VOCAB_PERPETRATOR_TYPE,
        N_("Perpetrator type"), FALSE),
  TEXT ("organisation", "organisation", N_("Organisation")),
  TEXT ("ethnicity", "ethnicity", N_("Ethnicity")),
  TEXT ("religion", "religion", N_("Religion")),
  TEXT ("contact", "contact", N_("Contact")),
  TEXT ("notes", "notes", N_("Notes")),
  TIMESTAMPS,
};

static const Field incident_fields[] = {
  { .name = "title", .place = PLACE_ELEMENT, .select = "t.title", .column = "title",
    .label = N_("Title"), .required = TRUE },
  TEXT ("summary", "summary", N_("Summary")),
  DATE ("start", "start_date", "start_precision", N_("Start date"), FALSE),
  DATE ("end", "end_date", "end_precision", N_("End date"), FALSE),
  { .name = "ongoing", .place = PLACE_FLAG, .select = "t.ongoing", .column = "ongoing" },
  CODE ("province", PLACE_LOCATION, "province", GAWAH_VOCAB_PROVINCE, N_("Province"), FALSE),
  CODE ("district", PLACE_LOCATION, "district", GAWAH_VOCAB_PROVINCE, N_("District"), FALSE),
  { .name = "place", .place = PLACE_LOCATION, .select = "NULLIF(t.place, '')", .column = "place",
    .label = N_("Place") },
  CODE ("verification", PLACE_ELEMENT, "verification", GAWAH_VOCAB_VERIFICATION, N_("Verification"), TRUE),
  CODE ("confidentiality", PLACE_ELEMENT, "confidentiality", GAWAH_VOCAB_CONFIDENTIALITY,
        N_("Confidentiality"), TRUE),
  CODE ("status", PLACE_ELEMENT, "status", GAWAH_VOCAB_CASE_STATUS, N_("Case status"), TRUE),
  TIMESTAMPS,
};

static const ListPart perpetrator_parts[] = {
  { "person", NULL, "person", N_("Perpetrator") },
  { "involvement", GAWAH_VOCAB_INVOLVEMENT, NULL, N_("Degree of involvement") },
};

static const ListPart law_parts[] = {
  { "code", GAWAH_VOCAB_LAW, NULL, N_("Law invoked") },
};

static const Field act_fields[] = {
  REF ("victim", "victim_id", "person", N_("Victim"), TRUE),
  CODE ("type", PLACE_ATTRIBUTE, "act_type", GAWAH_VOCAB_ACT_TYPE, N_("Type of act"), TRUE),
  DATE ("start", "start_date", "start_precision", N_("Start date"), FALSE),
  DATE ("end", "end_date", "end_precision", N_("End date"), FALSE),
  { .name = "perpetrator", .place = PLACE_LIST,
    .select = "(SELECT group_concat(item, char(10)) FROM (SELECT p.uuid || ' ' || v.degree AS item"
              " FROM involvement v JOIN person p ON p.id = v.perpetrator_id WHERE v.act_id = t.id ORDER BY v.id))",
    .list_insert = "INSERT INTO involvement (act_id, perpetrator_id, degree)"
                   " VALUES (?1, (SELECT id FROM person WHERE uuid = ?2), ?3)",
    .parts = perpetrator_parts, .n_parts = G_N_ELEMENTS (perpetrator_parts) },
  { .name = "law", .place = PLACE_LIST,
    .select = "(SELECT group_concat(law, char(10)) FROM (SELECT law FROM act_law WHERE act_id = t.id ORDER BY law))",
    .list_insert = "INSERT INTO act_law (act_id, law) VALUES (?1, ?2)",
    .parts = law_parts, .n_parts = G_N_ELEMENTS (law_parts), .sorted = TRUE },
  TEXT ("outcome", "outcome", N_("Outcome")),
  TIMESTAMPS,
};

static const Field chronology_fields[] = {
  CODE ("step", PLACE_ATTRIBUTE, "step", GAWAH_VOCAB_CHRONOLOGY_STEP, N_("Step"), TRUE),
  DATE ("date", "date", "precision", N_("Date"), TRUE),
  { .name = "description", .place = PLACE_ELEMENT, .select = "t.description", .column = "description",
    .label = N_("Description"), .required = TRUE },
  TIMESTAMPS,
};

static const Field follow_up_fields[] = {
  CODE ("body", PLACE_ATTRIBUTE, "body", GAWAH_VOCAB_FOLLOW_UP_BODY, N_("Addressed to"), TRUE),
  CODE ("type", PLACE_ATTRIBUTE, "action_type", GAWAH_VOCAB_FOLLOW_UP_TYPE, N_("Type of action"), TRUE),
  CODE ("status", PLACE_ATTRIBUTE, "status", GAWAH_VOCAB_FOLLOW_UP_STATUS, N_("Status"), TRUE),
  DATE ("date", "date", "date_precision", N_("Date"), FALSE),
  DATE ("due", "due_date", "due_precision", N_("Due date"), FALSE),
  TEXT ("description", "description", N_("Description")),
  TEXT ("response", "response", N_("Response")),
  TIMESTAMPS,
};

static const Field source_fields[] = {
  CODE ("type", PLACE_ATTRIBUTE, "source_type", GAWAH_VOCAB_SOURCE_TYPE, N_("Type of source"), TRUE),
  CODE ("reliability", PLACE_ATTRIBUTE, "reliability", GAWAH_VOCAB_SOURCE_RELIABILITY, N_("Reliability"), TRUE),
  CODE ("credibility", PLACE_ATTRIBUTE, "credibility", GAWAH_VOCAB_CREDIBILITY, N_("Credibility"), TRUE),
  REF ("person", "person_id", "person", N_("Source"), FALSE),
  DATE ("obtained", "obtained_date", "obtained_precision", N_("Date obtained"), FALSE),
  TEXT ("description", "description", N_("Description")),
  TIMESTAMPS,
};

static const Field evidence_fields[] = {
  REF ("source", "source_id", "source", N_("Source"), FALSE),
  { .name = "file-name", .place = PLACE_ATTRIBUTE, .select = "t.file_name", .column = "file_name",
    .label = N_("File name"), .required = TRUE },
  { .name = "media-type", .place = PLACE_ATTRIBUTE, .select = "t.media_type", .column = "media_type",
    .label = N_("Media type"), .required = TRUE },
  { .name = "size", .place = PLACE_ATTRIBUTE, .select = "CAST(t.size AS TEXT)", .column = "size",
    .label = N_("Size"), .required = TRUE },
  { .name = "sha256", .place = PLACE_ATTRIBUTE, .select = "t.sha256", .column = "sha256",
    .label = N_("SHA-256"), .required = TRUE },
  { .name = "content", .place = PLACE_CONTENT, .select = "t.content", .column = "content",
    .label = N_("Content"), .required = TRUE },
  STAMP ("created", "created_at"),
};

static const Field mapping_fields[] = {
  { .name = "provision", .place = PLACE_ATTRIBUTE, .select = "t.provision_id", .column = "provision_id",
    .label = N_("Provision"), .required = TRUE },
  { .name = "role", .place = PLACE_ATTRIBUTE, .select = "t.role", .column = "role",
    .label = N_("Role"), .required = TRUE },
  { .name = "decision", .place = PLACE_ATTRIBUTE, .select = "t.decision", .column = "decision",
    .label = N_("Decision"), .required = TRUE },
  { .name = "added-by-reviewer", .place = PLACE_FLAG, .select = "t.added_by_reviewer",
    .column = "added_by_reviewer" },
  TEXT ("rules", "rule_ids", N_("Rules")),
  TEXT ("note", "note", N_("Note")),
  { .name = "decided-at", .place = PLACE_ELEMENT, .select = "t.decided_at", .column = "decided_at",
    .label = N_("Decided"), .nullable = TRUE },
  TIMESTAMPS,
};

static const Field link_fields[] = {
  REF ("from", "from_incident_id", "incident", N_("Incident"), TRUE),
  REF ("to", "to_incident_id", "incident", N_("Linked incident"), TRUE),
  CODE ("type", PLACE_ATTRIBUTE, "link_type", GAWAH_VOCAB_LINK_TYPE, N_("Type of link"), TRUE),
  TEXT ("note", "note", N_("Note")),
  TIMESTAMPS,
};

#define SPEC(kind_, element_, table_, in_incident_, fields_, title_) \
  { kind_, element_, table_, in_incident_, fields_, G_N_ELEMENTS (fields_), title_ }

const RecordSpec gawah_exchange_specs[N_SPECS] = {
  [SPEC_PERSON] = SPEC ("person", "person", "person", FALSE, person_fields, 1),
  [SPEC_INCIDENT] = SPEC ("incident", "incident", "incident", FALSE, incident_fields, 0),
  [SPEC_ACT] = SPEC ("act", "act", "act", TRUE, act_fields, 1),
  [SPEC_CHRONOLOGY] = SPEC ("chronology", "chronology", "chronology", TRUE, chronology_fields, 2),
  [SPEC_FOLLOW_UP] = SPEC ("follow-up", "follow-up", "follow_up", TRUE, follow_up_fields, 1),
  [SPEC_SOURCE] = SPEC ("source", "source", "source", TRUE, source_fields, 0),
  [SPEC_EVIDENCE] = SPEC ("evidence", "evidence", "evidence", TRUE, evidence_fields, 1),
  [SPEC_MAPPING] = SPEC ("mapping", "mapping", "provision_mapping", TRUE, mapping_fields, 0),
  [SPEC_LINK] = SPEC ("link", "link", "incident_link", FALSE, link_fields, 2),
};

char *
gawah_exchange_select_sql (const RecordSpec *spec,
                           const char       *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.uuid");

  for (guint i = 0; i < spec->n_fields; i++)
    g_string_append_printf (sql, ", %s", spec->fields[i].select);
  g_string_append_printf (sql, ", t.id FROM %s t WHERE %s", spec->table, where);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

GPtrArray *
gawah_exchange_read_values (const RecordSpec *spec,
                            GawahStmt        *stmt)
{
  GPtrArray *values = g_ptr_array_new_full (spec->n_fields + 1, g_free);
  char **value;

  g_ptr_array_set_size (values, (int) spec->n_fields + 1);
  value = (char **) values->pdata;
  value[0] = gawah_stmt_dup_text (stmt, 0);
  for (guint i = 0; i < spec->n_fields; i++)
    {
      int column = (int) i + 1;

      if (spec->fields[i].place == PLACE_CONTENT)
        value[column] = g_base64_encode (sqlite3_column_blob (stmt, column),
                                          (gsize) sqlite3_column_bytes (stmt, column));
      else if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
        value[column] = gawah_stmt_dup_text (stmt, column);
    }
  return values;
}
