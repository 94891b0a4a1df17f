/* gawah-cli-incident.c: one incident in full, and its legal mapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-catalogue.h"
#include "gawah-cli.h"
#include "gawah-mapping.h"
#include "gawah-vocabulary.h"

/* Pads by characters, not bytes, so that Urdu labels line up too. */
static void
print_padded (const char *text,
              glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  for (glong i = length; i < width; i++)
    g_print (" ");
}

static void
print_field (const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  print_padded (label, 18);
  g_print (" %s\n", value);
}

static char *
describe_dates (const GawahPartialDate *start,
                const GawahPartialDate *end,
                gboolean                ongoing)
{
  g_autofree char *from = gawah_partial_date_to_display (start);
  g_autofree char *to = gawah_partial_date_to_display (end);

  if (ongoing)
    /* Translators: %s is a date; the situation (a disappearance, a detention) continues. */
    return g_strdup_printf (_("%s – ongoing"), from);
  if (!gawah_partial_date_is_known (end))
    return g_steal_pointer (&from);
  return g_strdup_printf ("%s – %s", from, to);
}

static char *
describe_place (const GawahIncident *incident)
{
  const char *parts[] = {
    incident->place,
    cli_label (GAWAH_VOCAB_PROVINCE, incident->district),
    cli_label (GAWAH_VOCAB_PROVINCE, incident->province),
  };
  GString *place = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (place, "%s%s", place->len > 0 ? _(", ") : "", parts[i]);
  return g_string_free (place, FALSE);
}

static char *
person_name (GawahCasebook *casebook,
             gint64         person_id)
{
  g_autoptr(GawahPerson) person = gawah_casebook_get_person (casebook, person_id, NULL);

  return person != NULL ? gawah_person_dup_both_names (person) : g_strdup ("?");
}

static void
print_act (GawahCasebook  *casebook,
           const GawahAct *act)
{
  g_autofree char *victim = person_name (casebook, act->victim_id);

  /* Translators: an act done to a victim, e.g. “Enforced disappearance of Idris Khattak”. */
  g_print (_("  • %1$s of %2$s\n"), cli_label (GAWAH_VOCAB_ACT_TYPE, act->act_type), victim);
  for (guint i = 0; i < act->involvements->len; i++)
    {
      const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, i);
      g_autofree char *perpetrator = person_name (casebook, involvement->perpetrator_id);

      /* Translators: a perpetrator and how they were involved, e.g. “by Police (did it)”. */
      g_print (_("      by %s (%s)\n"), perpetrator, cli_label (GAWAH_VOCAB_INVOLVEMENT, involvement->degree));
    }
  for (guint i = 0; act->laws[i] != NULL; i++)
    g_print (_("      under %s\n"), cli_label (GAWAH_VOCAB_LAW, act->laws[i]));
  if (*act->outcome != '\0')
    g_print (_("      outcome: %s\n"), act->outcome);
}

static void
print_chronology (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const GawahChronologyEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *date = gawah_partial_date_to_display (&entry->date);

      g_print ("  ");
      print_padded (date, 12);
      g_print (" %s: %s\n", cli_label (GAWAH_VOCAB_CHRONOLOGY_STEP, entry->step), entry->description);
    }
}

static void
print_follow_ups (GPtrArray *follow_ups)
{
  for (guint i = 0; i < follow_ups->len; i++)
    {
      const GawahFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *date = gawah_partial_date_to_display (&follow_up->date);

      g_print ("  ");
      print_padded (date, 12);
      /* Translators: a follow-up action: its type, to whom, and its status, e.g. “Habeas corpus petition, High Court (pending)”. */
      g_print (_(" %1$s, %2$s (%3$s)\n"), cli_label (GAWAH_VOCAB_FOLLOW_UP_TYPE, follow_up->action_type),
               cli_label (GAWAH_VOCAB_FOLLOW_UP_BODY, follow_up->body),
               cli_label (GAWAH_VOCAB_FOLLOW_UP_STATUS, follow_up->status));
      if (gawah_partial_date_is_known (&follow_up->due))
        {
          g_autofree char *due = gawah_partial_date_to_display (&follow_up->due);
          /* Translators: when a reply or a hearing is due. */
          g_print (_("    due %s\n"), due);
        }
    }
}

static void
print_sources (GPtrArray *sources)
{
  for (guint i = 0; i < sources->len; i++)
    {
      const GawahSource *source = g_ptr_array_index (sources, i);

      /* Translators: a source: its type, its description, the source's reliability and the information's credibility. */
      g_print (_("  • %s: %s (source: %s; information: %s)\n"), cli_label (GAWAH_VOCAB_SOURCE_TYPE, source->source_type),
               source->description, cli_label (GAWAH_VOCAB_SOURCE_RELIABILITY, source->reliability),
               cli_label (GAWAH_VOCAB_CREDIBILITY, source->credibility));
    }
}

static const char *
describe_decision (const GawahProvisionMapping *mapping)
{
  switch (mapping->decision)
    {
    case GAWAH_DECISION_CONFIRMED:
      return mapping->added_by_reviewer && mapping->rule_ids[0] == NULL ? _("added by reviewer") : _("confirmed");
    case GAWAH_DECISION_REJECTED:
      return _("rejected");
    case GAWAH_DECISION_PENDING:
    default:
      return _("suggested");
    }
}

/* Grouped by instrument, each with its heading, decision and the reasons. */
static void
print_mappings (GPtrArray *mappings)
{
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  GawahMappingRules *rules = gawah_mapping_rules_get_default ();

  for (guint i = 0; i < mappings->len; i++)
    {
      const GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);
      const GawahProvision *provision = gawah_catalogue_find_provision (catalogue, mapping->provision_id);
      g_autofree char *citation = gawah_catalogue_dup_citation (catalogue, mapping->provision_id);

      g_print ("  ");
      print_padded (mapping->provision_id, 22);
      g_print (" ");
      print_padded (citation, 18);
      g_print (" %s [%s]\n", provision != NULL ? gawah_text_get_current (&provision->heading) : "", describe_decision (mapping));
      for (guint r = 0; mapping->rule_ids[r] != NULL; r++)
        {
          const GawahRule *rule = gawah_mapping_rules_find (rules, mapping->rule_ids[r]);

          g_print (_("      because: %s\n"), rule != NULL ? gawah_text_get_current (&rule->reason) : mapping->rule_ids[r]);
        }
      if (mapping->note != NULL && *mapping->note != '\0')
        g_print (_("      reviewer’s note: %s\n"), mapping->note);
    }
}

static void
print_section (const char *heading,
               GPtrArray  *records,
               void      (*print) (GPtrArray *))
{
  if (records == NULL || records->len == 0)
    return;
  g_print ("\n%s\n", heading);
  print (records);
}

static void
print_incident (GawahCasebook       *casebook,
                const GawahIncident *incident)
{
  g_autofree char *dates = describe_dates (&incident->start, &incident->end, incident->ongoing);
  g_autofree char *place = describe_place (incident);
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (casebook, incident->id, NULL);

  g_print ("%s\n\n", incident->title);
  print_field (_("Id:"), incident->uuid);
  print_field (_("Dates:"), dates);
  print_field (_("Place:"), place);
  print_field (_("Verification:"), cli_label (GAWAH_VOCAB_VERIFICATION, incident->verification));
  print_field (_("Case status:"), cli_label (GAWAH_VOCAB_CASE_STATUS, incident->status));
  print_field (_("Confidentiality:"), cli_label (GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality));
  if (*incident->summary != '\0')
    g_print ("\n%s\n", incident->summary);

  if (acts != NULL && acts->len > 0)
    {
      g_print ("\n%s\n", _("Acts"));
      for (guint i = 0; i < acts->len; i++)
        print_act (casebook, g_ptr_array_index (acts, i));
    }
}

int
cli_show (CliOptions *options,
          int         argc,
          char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK INCIDENT"),
    _("Show an incident in full. INCIDENT is its number, its UUID or the first 8 or more characters of it."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahIncident) incident = NULL;
  g_autoptr(GPtrArray) chronology = NULL, follow_ups = NULL, sources = NULL, mappings = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL ||
      (id = cli_find_incident (casebook, argv[2], &status)) == 0)
    return status;
  if ((incident = gawah_casebook_get_incident (casebook, id, &error)) == NULL)
    return cli_report_error (error);

  print_incident (casebook, incident);
  chronology = gawah_casebook_list_chronology (casebook, id, NULL);
  follow_ups = gawah_casebook_list_follow_ups (casebook, id, NULL);
  sources = gawah_casebook_list_sources (casebook, id, NULL);
  mappings = gawah_casebook_list_mappings (casebook, id, NULL);
  print_section (_("Chronology"), chronology, print_chronology);
  print_section (_("Follow-up actions"), follow_ups, print_follow_ups);
  print_section (_("Sources"), sources, print_sources);
  print_section (_("Provisions engaged"), mappings, print_mappings);
  return EXIT_OK;
}

int
cli_suggest (CliOptions *options,
             int         argc,
             char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK INCIDENT"),
    _("Run the mapping rules on an incident’s acts and show the provisions it engages, the rule behind "
      "each suggestion, and the reviewer’s decisions (which suggestions never change)."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL ||
      (id = cli_find_incident (casebook, argv[2], &status)) == 0)
    return status;

  if (!gawah_casebook_refresh_suggestions (casebook, id, &error) ||
      (mappings = gawah_casebook_list_mappings (casebook, id, &error)) == NULL)
    return cli_report_error (error);
  print_mappings (mappings);
  return EXIT_OK;
}
