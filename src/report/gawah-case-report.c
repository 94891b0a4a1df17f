/* gawah-case-report.c: one incident as a report document
 *
 * In the order a reader needs it: the facts, the people, who did what to
 * whom, the chronology, the provisions engaged (confirmed first, each with
 * the rule behind it and the reviewer's decision), the follow-up actions,
 * the sources and the evidence with its checksums. The sensitive fields of
 * a person (contact, ethnicity, religion) never go into a report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-case-file-private.h"
#include "gawah-catalogue.h"
#include "gawah-date-text.h"
#include "gawah-mapping.h"
#include "gawah-vocabulary.h"

typedef struct {
  const GawahCaseFile   *file;
  const GawahTranslator *translator;
  GawahReportDocument   *document;
} Builder;

#define T(text) gawah_translator_gettext (builder->translator, (text))
#define LABEL(vocabulary, code) gawah_translator_label (builder->translator, (vocabulary), (code))

static void
heading (Builder    *builder,
         const char *title)
{
  gawah_report_document_add (builder->document, GAWAH_REPORT_HEADING, title);
}

static void
subheading (Builder    *builder,
            const char *title)
{
  gawah_report_document_add (builder->document, GAWAH_REPORT_SUBHEADING, title);
}

static void
item (Builder    *builder,
      const char *label,
      const char *value)
{
  gawah_report_document_add_field (builder->document, GAWAH_REPORT_ITEM, label, value);
}

static void
field (Builder    *builder,
       const char *label,
       const char *value)
{
  gawah_report_document_add_field (builder->document, GAWAH_REPORT_PARAGRAPH, label, value);
}

static void
date_item (Builder                *builder,
           const char             *label,
           const GawahPartialDate *date)
{
  g_autofree char *text = NULL;

  if (!gawah_partial_date_is_known (date))
    return;
  text = gawah_describe_date_in (builder->translator, date);
  item (builder, label, text);
}

static gboolean
section (Builder    *builder,
         const char *title,
         guint       n_records)
{
  heading (builder, title);
  if (n_records == 0)
    gawah_report_document_add (builder->document, GAWAH_REPORT_NOTE, T (N_("None recorded.")));
  return n_records > 0;
}

static void
add_facts (Builder *builder)
{
  const GawahIncident *incident = builder->file->incident;
  g_autofree char *when = gawah_describe_dates_in (builder->translator, &incident->start, &incident->end,
                                                   incident->ongoing);
  g_autofree char *where = gawah_describe_place_in (builder->translator, incident->place, incident->district,
                                                    incident->province);

  heading (builder, T (N_("Facts")));
  field (builder, T (N_("When")), when);
  field (builder, T (N_("Where")), where);
  field (builder, T (N_("Status")), LABEL (GAWAH_VOCAB_CASE_STATUS, incident->status));
  field (builder, T (N_("Verification")), LABEL (GAWAH_VOCAB_VERIFICATION, incident->verification));
  field (builder, T (N_("Confidentiality")), LABEL (GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality));
  gawah_report_document_add (builder->document, GAWAH_REPORT_PARAGRAPH, incident->summary);
  gawah_report_document_add_code (builder->document, T (N_("Identifier")), incident->uuid);
}

static void
add_person (Builder           *builder,
            const GawahPerson *person)
{
  g_autofree char *name = gawah_person_dup_both_names (person);
  g_autofree char *categories = gawah_join_labels (builder->translator, GAWAH_VOCAB_HRD_CATEGORY, person->categories);

  subheading (builder, name);
  item (builder, T (N_("Kind")), LABEL (GAWAH_VOCAB_PERSON_KIND, person->kind));
  item (builder, T (N_("Sex")), LABEL (GAWAH_VOCAB_SEX, person->sex));
  item (builder, T (N_("Category of defender")), categories);
  item (builder, T (N_("Perpetrator type")), LABEL (GAWAH_VOCAB_PERPETRATOR_TYPE, person->perpetrator_type));
  item (builder, T (N_("Organisation")), person->organisation);
  item (builder, T (N_("Other names")), person->other_names);
  item (builder, T (N_("Notes")), person->notes);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (gawah_person_get_display_name (*(GawahPerson * const *) a),
                         gawah_person_get_display_name (*(GawahPerson * const *) b));
}

static void
add_people (Builder *builder)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer person;

  g_hash_table_iter_init (&iter, builder->file->people);
  while (g_hash_table_iter_next (&iter, NULL, &person))
    g_ptr_array_add (people, person);
  g_ptr_array_sort (people, compare_people);
  if (!section (builder, T (N_("People")), people->len))
    return;
  for (guint i = 0; i < people->len; i++)
    add_person (builder, g_ptr_array_index (people, i));
  gawah_report_document_add (builder->document, GAWAH_REPORT_NOTE,
                             T (N_("Contact details, ethnicity and religion are never printed in a report.")));
}

static char *
describe_involvements (Builder        *builder,
                       const GawahAct *act)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < act->involvements->len; i++)
    {
      const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);
      g_autofree char *name = gawah_case_file_person_name (builder->file, involvement->perpetrator_id);

      /* Translators: a perpetrator and how they were involved: “Police (carried out the act)”. */
      g_string_append_printf (text, T (N_("%1$s (%2$s)")), name, LABEL (GAWAH_VOCAB_INVOLVEMENT, involvement->degree));
      if (i + 1 < act->involvements->len)
        g_string_append (text, T (N_("; ")));
    }
  return g_string_free (text, FALSE);
}

static void
add_acts (Builder *builder)
{
  GPtrArray *acts = builder->file->acts;

  if (!section (builder, T (N_("Who Did What to Whom")), acts->len))
    return;
  for (guint i = 0; i < acts->len; i++)
    {
      const GawahAct *act = g_ptr_array_index (acts, i);
      g_autofree char *victim = gawah_case_file_person_name (builder->file, act->victim_id);
      /* Translators: an act and its victim: “Enforced disappearance: Idris Khattak”. */
      g_autofree char *title = g_strdup_printf (T (N_("%1$s: %2$s")), LABEL (GAWAH_VOCAB_ACT_TYPE, act->act_type), victim);
      g_autofree char *when = gawah_describe_dates_in (builder->translator, &act->start, &act->end, FALSE);
      g_autofree char *perpetrators = describe_involvements (builder, act);
      g_autofree char *laws = gawah_join_labels (builder->translator, GAWAH_VOCAB_LAW, act->laws);

      subheading (builder, title);
      if (gawah_partial_date_is_known (&act->start))
        item (builder, T (N_("When")), when);
      item (builder, T (N_("Perpetrators")), perpetrators);
      item (builder, T (N_("Laws invoked")), laws);
      item (builder, T (N_("Outcome")), act->outcome);
    }
}

static void
add_chronology (Builder *builder)
{
  GPtrArray *chronology = builder->file->chronology;

  if (!section (builder, T (N_("Chronology")), chronology->len))
    return;
  for (guint i = 0; i < chronology->len; i++)
    {
      const GawahChronologyEntry *entry = g_ptr_array_index (chronology, i);
      g_autofree char *when = gawah_describe_date_in (builder->translator, &entry->date);
      /* Translators: a step of the chronology: its date, and what kind of step it was. */
      g_autofree char *title = g_strdup_printf (T (N_("%1$s · %2$s")), when,
                                                LABEL (GAWAH_VOCAB_CHRONOLOGY_STEP, entry->step));

      subheading (builder, title);
      gawah_report_document_add (builder->document, GAWAH_REPORT_ITEM, entry->description);
    }
}

static const char *
describe_decision (Builder                     *builder,
                   const GawahProvisionMapping *mapping)
{
  switch (mapping->decision)
    {
    case GAWAH_DECISION_CONFIRMED:
      return T (N_("Confirmed"));
    case GAWAH_DECISION_REJECTED:
      return T (N_("Rejected"));
    case GAWAH_DECISION_PENDING:
    default:
      return T (N_("Suggested, not yet reviewed"));
    }
}

static void
add_reasons (Builder                     *builder,
             const GawahProvisionMapping *mapping)
{
  GawahMappingRules *rules = gawah_mapping_rules_get_default ();

  if (mapping->added_by_reviewer)
    item (builder, T (N_("Reason")), T (N_("Added by the reviewer")));
  for (guint i = 0; mapping->rule_ids[i] != NULL; i++)
    {
      const GawahRule *rule = gawah_mapping_rules_find (rules, mapping->rule_ids[i]);

      if (rule != NULL)
        item (builder, T (N_("Reason")), gawah_translator_text (builder->translator, &rule->reason));
    }
}

static void
add_provisions (Builder *builder)
{
  GPtrArray *mappings = builder->file->mappings;

  if (!section (builder, T (N_("Provisions Engaged")), mappings->len))
    return;
  for (guint i = 0; i < mappings->len; i++)
    {
      const GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);
      const GawahProvision *provision = gawah_catalogue_find_provision (gawah_catalogue_get_default (),
                                                                        mapping->provision_id);
      g_autofree char *citation = gawah_case_file_citation (builder->translator, mapping->provision_id);
      /* Translators: a provision: its citation and its heading. */
      g_autofree char *title = g_strdup_printf (T (N_("%1$s — %2$s")), citation,
                                                provision != NULL ? gawah_translator_text (builder->translator,
                                                                                           &provision->heading) : "");

      subheading (builder, title);
      item (builder, T (N_("Decision")), describe_decision (builder, mapping));
      if (g_strcmp0 (mapping->role, "remedy") == 0)
        item (builder, T (N_("Role")), T (N_("A way to redress violations, not a violation")));
      add_reasons (builder, mapping);
      item (builder, T (N_("Reviewer’s note")), mapping->note);
    }
}

static void
add_follow_ups (Builder *builder)
{
  GPtrArray *follow_ups = builder->file->follow_ups;

  if (!section (builder, T (N_("Follow-up Actions")), follow_ups->len))
    return;
  for (guint i = 0; i < follow_ups->len; i++)
    {
      const GawahFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      /* Translators: a follow-up action: what was done (a petition), and with whom (the High Court). */
      g_autofree char *title = g_strdup_printf (T (N_("%1$s · %2$s")),
                                                LABEL (GAWAH_VOCAB_FOLLOW_UP_TYPE, follow_up->action_type),
                                                LABEL (GAWAH_VOCAB_FOLLOW_UP_BODY, follow_up->body));

      subheading (builder, title);
      item (builder, T (N_("Status")), LABEL (GAWAH_VOCAB_FOLLOW_UP_STATUS, follow_up->status));
      date_item (builder, T (N_("Date")), &follow_up->date);
      date_item (builder, T (N_("Due date")), &follow_up->due);
      gawah_report_document_add (builder->document, GAWAH_REPORT_ITEM, follow_up->description);
      item (builder, T (N_("Response")), follow_up->response);
    }
}

static void
add_sources (Builder *builder)
{
  GPtrArray *sources = builder->file->sources;

  if (!section (builder, T (N_("Sources")), sources->len))
    return;
  for (guint i = 0; i < sources->len; i++)
    {
      const GawahSource *source = g_ptr_array_index (sources, i);
      g_autofree char *person = source->person_id != 0 ? gawah_case_file_person_name (builder->file, source->person_id)
                                                       : NULL;

      subheading (builder, LABEL (GAWAH_VOCAB_SOURCE_TYPE, source->source_type));
      item (builder, T (N_("Reliability of the source")), LABEL (GAWAH_VOCAB_SOURCE_RELIABILITY, source->reliability));
      item (builder, T (N_("Credibility of the information")), LABEL (GAWAH_VOCAB_CREDIBILITY, source->credibility));
      date_item (builder, T (N_("Obtained")), &source->obtained);
      item (builder, T (N_("Person")), person);
      gawah_report_document_add (builder->document, GAWAH_REPORT_ITEM, source->description);
    }
}

static void
add_evidence (Builder *builder)
{
  GPtrArray *evidence = builder->file->evidence;

  if (!section (builder, T (N_("Evidence")), evidence->len))
    return;
  for (guint i = 0; i < evidence->len; i++)
    {
      const GawahEvidence *file = g_ptr_array_index (evidence, i);
      g_autofree char *size = g_format_size ((guint64) file->size);

      subheading (builder, file->file_name);
      item (builder, T (N_("Type")), file->media_type);
      item (builder, T (N_("Size")), size);
      gawah_report_document_add_code (builder->document, T (N_("SHA-256")), file->sha256);
    }
  gawah_report_document_add (builder->document, GAWAH_REPORT_NOTE,
                             T (N_("A file is the one documented when its SHA-256 checksum matches the one printed here.")));
}

GawahReportDocument *
gawah_case_report_build (const GawahCaseFile *file,
                         GawahLanguage        language)
{
  const GawahTranslator *translator = gawah_translator_get (language);
  const GawahIncident *incident = file->incident;
  /* Translators: the running head of a case report: the casebook's name and the incident's title. */
  g_autofree char *running = g_strdup_printf (gawah_translator_gettext (translator, N_("%1$s · %2$s")),
                                              file->casebook_name, incident->title);
  Builder builder_data = {
    .file = file,
    .translator = translator,
    .document = gawah_report_document_new (translator, running,
                                           gawah_translator_label (translator, GAWAH_VOCAB_CONFIDENTIALITY,
                                                                   incident->confidentiality)),
  };
  Builder *builder = &builder_data;

  g_return_val_if_fail (file != NULL, NULL);

  gawah_report_document_add (builder->document, GAWAH_REPORT_TITLE, incident->title);
  gawah_report_document_add (builder->document, GAWAH_REPORT_NOTE, T (N_("Case report")));
  add_facts (builder);
  add_people (builder);
  add_acts (builder);
  add_chronology (builder);
  add_provisions (builder);
  add_follow_ups (builder);
  add_sources (builder);
  add_evidence (builder);
  return builder->document;
}
