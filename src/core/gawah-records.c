/* gawah-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gawah-language.h"
#include "gawah-records.h"

/* New incidents start as the cautious choice: unconfirmed and restricted. */
GawahIncident *
gawah_incident_new (void)
{
  GawahIncident *incident = g_new0 (GawahIncident, 1);

  incident->verification = g_strdup ("unconfirmed");
  incident->confidentiality = g_strdup ("restricted");
  incident->status = g_strdup ("open");
  return incident;
}

void
gawah_incident_free (GawahIncident *incident)
{
  if (incident == NULL)
    return;
  g_free (incident->uuid);
  g_free (incident->title);
  g_free (incident->summary);
  g_free (incident->province);
  g_free (incident->district);
  g_free (incident->place);
  g_free (incident->verification);
  g_free (incident->confidentiality);
  g_free (incident->status);
  g_free (incident->created_at);
  g_free (incident->updated_at);
  g_free (incident);
}

GawahPerson *
gawah_person_new (void)
{
  GawahPerson *person = g_new0 (GawahPerson, 1);

  person->kind = g_strdup ("individual");
  person->categories = g_new0 (char *, 1);
  return person;
}

void
gawah_person_free (GawahPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->uuid);
  g_free (person->kind);
  g_free (person->name_latin);
  g_free (person->name_urdu);
  g_free (person->other_names);
  g_free (person->sex);
  g_strfreev (person->categories);
  g_free (person->perpetrator_type);
  g_free (person->organisation);
  g_free (person->ethnicity);
  g_free (person->religion);
  g_free (person->contact);
  g_free (person->notes);
  g_free (person->created_at);
  g_free (person->updated_at);
  g_free (person);
}

const char *
gawah_person_get_display_name (const GawahPerson *person)
{
  if (person->name_latin != NULL && *person->name_latin != '\0')
    return person->name_latin;
  return person->name_urdu != NULL ? person->name_urdu : "";
}

/* Both scripts when both are known: "Idris Khattak · ادریس خٹک". */
char *
gawah_person_dup_both_names (const GawahPerson *person)
{
  if (*person->name_latin != '\0' && *person->name_urdu != '\0')
    return g_strdup_printf ("%s · %s", person->name_latin, person->name_urdu);
  return g_strdup (gawah_person_get_display_name (person));
}

static void
involvement_free (GawahInvolvement *involvement)
{
  g_free (involvement->degree);
  g_free (involvement);
}

GawahAct *
gawah_act_new (void)
{
  GawahAct *act = g_new0 (GawahAct, 1);

  act->involvements = g_ptr_array_new_with_free_func ((GDestroyNotify) involvement_free);
  act->laws = g_new0 (char *, 1);
  return act;
}

void
gawah_act_free (GawahAct *act)
{
  if (act == NULL)
    return;
  g_free (act->uuid);
  g_free (act->act_type);
  g_free (act->outcome);
  g_ptr_array_unref (act->involvements);
  g_strfreev (act->laws);
  g_free (act->created_at);
  g_free (act->updated_at);
  g_free (act);
}

void
gawah_act_add_involvement (GawahAct   *act,
                           gint64      perpetrator_id,
                           const char *degree)
{
  GawahInvolvement *involvement = g_new0 (GawahInvolvement, 1);

  involvement->perpetrator_id = perpetrator_id;
  involvement->degree = g_strdup (degree);
  g_ptr_array_add (act->involvements, involvement);
}

GawahChronologyEntry *
gawah_chronology_entry_new (void)
{
  GawahChronologyEntry *entry = g_new0 (GawahChronologyEntry, 1);

  entry->step = g_strdup ("other");
  return entry;
}

void
gawah_chronology_entry_free (GawahChronologyEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->step);
  g_free (entry->description);
  g_free (entry->created_at);
  g_free (entry->updated_at);
  g_free (entry);
}

GawahFollowUp *
gawah_follow_up_new (void)
{
  GawahFollowUp *follow_up = g_new0 (GawahFollowUp, 1);

  follow_up->status = g_strdup ("planned");
  return follow_up;
}

void
gawah_follow_up_free (GawahFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;
  g_free (follow_up->uuid);
  g_free (follow_up->body);
  g_free (follow_up->action_type);
  g_free (follow_up->status);
  g_free (follow_up->description);
  g_free (follow_up->response);
  g_free (follow_up->created_at);
  g_free (follow_up->updated_at);
  g_free (follow_up);
}

GawahSource *
gawah_source_new (void)
{
  GawahSource *source = g_new0 (GawahSource, 1);

  source->reliability = g_strdup ("unknown");
  source->credibility = g_strdup ("cannot-judge");
  return source;
}

void
gawah_source_free (GawahSource *source)
{
  if (source == NULL)
    return;
  g_free (source->uuid);
  g_free (source->source_type);
  g_free (source->reliability);
  g_free (source->credibility);
  g_free (source->description);
  g_free (source->created_at);
  g_free (source->updated_at);
  g_free (source);
}

void
gawah_evidence_free (GawahEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->uuid);
  g_free (evidence->file_name);
  g_free (evidence->media_type);
  g_free (evidence->sha256);
  g_free (evidence->created_at);
  g_free (evidence);
}

GawahIncidentLink *
gawah_incident_link_new (void)
{
  GawahIncidentLink *link = g_new0 (GawahIncidentLink, 1);

  link->link_type = g_strdup ("related");
  return link;
}

void
gawah_incident_link_free (GawahIncidentLink *link)
{
  if (link == NULL)
    return;
  g_free (link->uuid);
  g_free (link->link_type);
  g_free (link->note);
  g_free (link->created_at);
  g_free (link->updated_at);
  g_free (link);
}

void
gawah_provision_mapping_free (GawahProvisionMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->uuid);
  g_free (mapping->provision_id);
  g_free (mapping->role);
  g_strfreev (mapping->rule_ids);
  g_free (mapping->note);
  g_free (mapping->decided_at);
  g_free (mapping);
}

/* Stored in casebooks: never change these. */
static const char * const decision_codes[] = { "pending", "confirmed", "rejected" };

const char *
gawah_decision_to_code (GawahDecision decision)
{
  g_return_val_if_fail (decision <= GAWAH_DECISION_REJECTED, "pending");
  return decision_codes[decision];
}

gboolean
gawah_decision_from_code (const char    *code,
                          GawahDecision *decision)
{
  guint index;

  if (!gawah_code_index (decision_codes, G_N_ELEMENTS (decision_codes), code, &index))
    return FALSE;
  *decision = index;
  return TRUE;
}
