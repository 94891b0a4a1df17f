/* gawah-un-draft.c: the text of a communication to the UN Special
 * Procedures, for a legal officer to check and complete
 *
 * It follows what the Special Procedures ask of a submission: the alleged
 * victims, when and where, what happened (the acts in order, then the
 * chronology), the alleged perpetrators, the domestic remedies tried, the
 * provisions engaged and the status, and ends with the reminder that the
 * victims' informed consent is needed before anything is sent. Only
 * confirmed provisions are cited: a suggestion nobody reviewed is not a
 * legal finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-case-file-private.h"
#include "gawah-catalogue.h"
#include "gawah-date-text.h"
#include "gawah-vocabulary.h"

typedef struct {
  const GawahCaseFile   *file;
  const GawahTranslator *translator;
  GString               *text;
  guint                  section;
} Draft;

#define T(text) gawah_translator_gettext (draft->translator, (text))
#define LABEL(vocabulary, code) gawah_translator_label (draft->translator, (vocabulary), (code))

/* The bodies and kinds of action that count as domestic remedies. */
static const char * const domestic_bodies[] = {
  "high-court", "supreme-court", "district-court", "police", "nchr", "coied", "journalist-protection-commission",
};
static const char * const remedy_types[] = { "habeas-petition", "petition", "complaint", "fir-application" };
static const char * const remedy_steps[] = { "fir-registered", "fir-refused", "habeas-petition", "hearing", "judgment" };

static gboolean
is_one_of (const char         *code,
           const char * const *codes,
           guint               n_codes)
{
  guint index;

  return gawah_code_index (codes, n_codes, code, &index);
}

static void
heading (Draft      *draft,
         const char *title)
{
  g_autofree char *line = g_strdup_printf ("%u. %s", ++draft->section, title);
  glong length = g_utf8_strlen (line, -1);

  if (draft->text->len > 0)
    g_string_append_c (draft->text, '\n');
  g_string_append_printf (draft->text, "%s\n", line);
  for (glong i = 0; i < length; i++)
    g_string_append_c (draft->text, '-');
  g_string_append_c (draft->text, '\n');
}

static void
line (Draft      *draft,
      const char *text)
{
  if (text != NULL && *text != '\0')
    g_string_append_printf (draft->text, "%s\n", text);
}

static void
field (Draft      *draft,
       const char *label,
       const char *value)
{
  if (value != NULL && *value != '\0')
    {
      /* Translators: a field of a report: its name and value, “Sex: male”. */
      g_string_append_printf (draft->text, T (N_("%1$s: %2$s")), label, value);
      g_string_append_c (draft->text, '\n');
    }
}

static void
none (Draft *draft)
{
  line (draft, T (N_("None recorded.")));
}

static void
add_victims (Draft *draft)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *acts = draft->file->acts;

  heading (draft, T (N_("Alleged victims")));
  for (guint i = 0; i < acts->len; i++)
    {
      const GawahAct *act = g_ptr_array_index (acts, i);
      const GawahPerson *victim = gawah_case_file_person (draft->file, act->victim_id);
      g_autofree char *name = NULL;
      g_autofree char *categories = NULL;

      if (victim == NULL || !g_hash_table_add (seen, (gpointer) &victim->id))
        continue;
      name = gawah_person_dup_both_names (victim);
      categories = gawah_join_labels (draft->translator, GAWAH_VOCAB_HRD_CATEGORY, victim->categories);
      g_string_append_printf (draft->text, "* %s\n", name);
      field (draft, T (N_("Sex")), LABEL (GAWAH_VOCAB_SEX, victim->sex));
      field (draft, T (N_("Human rights defender: category and profession")), categories);
      field (draft, T (N_("Organisation")), victim->organisation);
    }
  if (g_hash_table_size (seen) == 0)
    none (draft);
}

static void
add_when_where (Draft *draft)
{
  const GawahIncident *incident = draft->file->incident;
  g_autofree char *when = gawah_describe_dates_in (draft->translator, &incident->start, &incident->end,
                                                   incident->ongoing);
  g_autofree char *where = gawah_describe_place_in (draft->translator, incident->place, incident->district,
                                                    incident->province);

  heading (draft, T (N_("Date and place")));
  field (draft, T (N_("When")), when);
  field (draft, T (N_("Where")), *where != '\0' ? where : T (N_("Not recorded")));
}

static void
add_facts (Draft *draft)
{
  GPtrArray *acts = draft->file->acts;
  GPtrArray *chronology = draft->file->chronology;

  heading (draft, T (N_("What happened")));
  line (draft, draft->file->incident->summary);
  for (guint i = 0; i < acts->len; i++)
    {
      const GawahAct *act = g_ptr_array_index (acts, i);
      g_autofree char *victim = gawah_case_file_person_name (draft->file, act->victim_id);
      g_autofree char *when = gawah_describe_dates_in (draft->translator, &act->start, &act->end, FALSE);

      /* Translators: one act in the UN draft: %1$u its number, %2$s when, %3$s the act, %4$s the victim. */
      g_string_append_printf (draft->text, T (N_("(%1$u) %2$s: %3$s, against %4$s.")), i + 1, when,
                              LABEL (GAWAH_VOCAB_ACT_TYPE, act->act_type), victim);
      g_string_append_c (draft->text, '\n');
      field (draft, T (N_("Outcome")), act->outcome);
    }
  for (guint i = 0; i < chronology->len; i++)
    {
      const GawahChronologyEntry *entry = g_ptr_array_index (chronology, i);
      g_autofree char *when = gawah_describe_date_in (draft->translator, &entry->date);

      g_string_append_printf (draft->text, "- %s (%s): %s\n", when, LABEL (GAWAH_VOCAB_CHRONOLOGY_STEP, entry->step),
                              entry->description);
    }
}

static void
add_perpetrators (Draft *draft)
{
  GPtrArray *acts = draft->file->acts;
  guint count = 0;

  heading (draft, T (N_("Alleged perpetrators")));
  for (guint i = 0; i < acts->len; i++)
    {
      const GawahAct *act = g_ptr_array_index (acts, i);

      for (guint j = 0; j < act->involvements->len; j++)
        {
          const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, j);
          const GawahPerson *perpetrator = gawah_case_file_person (draft->file, involvement->perpetrator_id);
          g_autofree char *name = gawah_case_file_person_name (draft->file, involvement->perpetrator_id);

          /* Translators: a perpetrator in the UN draft: %1$s the name, %2$s their involvement, %3$s the act. */
          g_string_append_printf (draft->text, T (N_("* %1$s: %2$s (%3$s)")), name,
                                  LABEL (GAWAH_VOCAB_INVOLVEMENT, involvement->degree),
                                  LABEL (GAWAH_VOCAB_ACT_TYPE, act->act_type));
          g_string_append_c (draft->text, '\n');
          if (perpetrator != NULL)
            field (draft, T (N_("Perpetrator type")), LABEL (GAWAH_VOCAB_PERPETRATOR_TYPE, perpetrator->perpetrator_type));
          count++;
        }
    }
  if (count == 0)
    none (draft);
}

static gboolean
is_domestic_remedy (const GawahFollowUp *follow_up)
{
  return is_one_of (follow_up->body, domestic_bodies, G_N_ELEMENTS (domestic_bodies)) ||
         is_one_of (follow_up->action_type, remedy_types, G_N_ELEMENTS (remedy_types));
}

static guint
add_remedy_steps (Draft *draft)
{
  GPtrArray *chronology = draft->file->chronology;
  guint count = 0;

  for (guint i = 0; i < chronology->len; i++)
    {
      const GawahChronologyEntry *entry = g_ptr_array_index (chronology, i);
      g_autofree char *when = NULL;

      if (!is_one_of (entry->step, remedy_steps, G_N_ELEMENTS (remedy_steps)))
        continue;
      when = gawah_describe_date_in (draft->translator, &entry->date);
      g_string_append_printf (draft->text, "* %s, %s: %s\n", when, LABEL (GAWAH_VOCAB_CHRONOLOGY_STEP, entry->step),
                              entry->description);
      count++;
    }
  return count;
}

static void
add_remedies (Draft *draft)
{
  GPtrArray *follow_ups = draft->file->follow_ups;
  guint count = 0;

  heading (draft, T (N_("Domestic remedies tried")));
  for (guint i = 0; i < follow_ups->len; i++)
    {
      const GawahFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *when = NULL;

      if (!is_domestic_remedy (follow_up))
        continue;
      when = gawah_describe_date_in (draft->translator, &follow_up->date);
      /* Translators: a remedy in the UN draft: when, what (a petition), with whom (the High Court), its status. */
      g_string_append_printf (draft->text, T (N_("* %1$s, %2$s, %3$s (%4$s)")), when,
                              LABEL (GAWAH_VOCAB_FOLLOW_UP_TYPE, follow_up->action_type),
                              LABEL (GAWAH_VOCAB_FOLLOW_UP_BODY, follow_up->body),
                              LABEL (GAWAH_VOCAB_FOLLOW_UP_STATUS, follow_up->status));
      g_string_append_c (draft->text, '\n');
      line (draft, follow_up->description);
      field (draft, T (N_("Response")), follow_up->response);
      count++;
    }
  count += add_remedy_steps (draft);
  if (count == 0)
    none (draft);
}

static void
add_provisions (Draft *draft)
{
  GPtrArray *mappings = draft->file->mappings;
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  guint count = 0;

  heading (draft, T (N_("Provisions engaged")));
  for (guint i = 0; i < mappings->len; i++)
    {
      const GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);
      const GawahProvision *provision = gawah_catalogue_find_provision (catalogue, mapping->provision_id);
      const GawahInstrument *instrument;
      g_autofree char *citation = NULL;

      if (mapping->decision != GAWAH_DECISION_CONFIRMED || provision == NULL)
        continue;
      instrument = gawah_catalogue_find_instrument (catalogue, provision->instrument_id);
      citation = gawah_case_file_citation (draft->translator, mapping->provision_id);
      /* Translators: a provision in the UN draft: its citation, its heading, the instrument's full title. */
      g_string_append_printf (draft->text, T (N_("* %1$s — %2$s (%3$s)")), citation,
                              gawah_translator_text (draft->translator, &provision->heading),
                              gawah_translator_text (draft->translator, &instrument->title));
      g_string_append_c (draft->text, '\n');
      count++;
    }
  if (count == 0)
    line (draft, T (N_("No provision has been confirmed by a reviewer yet.")));
}

static void
add_status (Draft *draft)
{
  const GawahIncident *incident = draft->file->incident;

  heading (draft, T (N_("Status")));
  field (draft, T (N_("Status of the case")), LABEL (GAWAH_VOCAB_CASE_STATUS, incident->status));
  field (draft, T (N_("Verification")), LABEL (GAWAH_VOCAB_VERIFICATION, incident->verification));
}

static void
add_consent (Draft *draft)
{
  const GawahIncident *incident = draft->file->incident;

  heading (draft, T (N_("Consent and confidentiality")));
  line (draft, T (N_("Before sending: the alleged victims (or their families) must have given informed consent to "
                     "this submission and to their names being shared with the government concerned. Say in the "
                     "submission whether the names may be published.")));
  field (draft, T (N_("Confidentiality of this record")), LABEL (GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality));
}

/* Plain UTF-8 text, in the language asked for. */
char *
gawah_un_draft_build (const GawahCaseFile *file,
                      GawahLanguage        language)
{
  Draft draft_data = { file, gawah_translator_get (language), g_string_new (NULL), 0 };
  Draft *draft = &draft_data;

  g_return_val_if_fail (file != NULL, NULL);

  /* Translators: the first line of the UN draft; %s is the incident's title. */
  g_string_append_printf (draft->text, T (N_("Draft communication to the UN Special Procedures: %s")),
                          file->incident->title);
  g_string_append (draft->text, "\n\n");
  add_victims (draft);
  add_when_where (draft);
  add_facts (draft);
  add_perpetrators (draft);
  add_remedies (draft);
  add_provisions (draft);
  add_status (draft);
  add_consent (draft);
  return g_string_free (g_steal_pointer (&draft->text), FALSE);
}
