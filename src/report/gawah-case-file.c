/* gawah-case-file.c: everything the casebook holds on one incident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-case-file-private.h"
#include "gawah-catalogue.h"
#include "gawah-vocabulary.h"

static int
compare_dates (const GawahPartialDate *a,
               const GawahPartialDate *b)
{
  g_autofree char *iso_a = gawah_partial_date_to_iso (a);
  g_autofree char *iso_b = gawah_partial_date_to_iso (b);

  return g_strcmp0 (iso_a, iso_b);
}

static int
compare_acts (gconstpointer a,
              gconstpointer b)
{
  const GawahAct *act_a = *(GawahAct * const *) a;
  const GawahAct *act_b = *(GawahAct * const *) b;
  int by_date = compare_dates (&act_a->start, &act_b->start);

  return by_date != 0 ? by_date : (act_a->id > act_b->id) - (act_a->id < act_b->id);
}

static int
decision_rank (GawahDecision decision)
{
  switch (decision)
    {
    case GAWAH_DECISION_CONFIRMED: return 0;
    case GAWAH_DECISION_PENDING: return 1;
    case GAWAH_DECISION_REJECTED:
    default: return 2;
    }
}

/* Confirmed provisions first, each group in the catalogue's order. */
static int
compare_mappings (gconstpointer a,
                  gconstpointer b)
{
  const GawahProvisionMapping *mapping_a = *(GawahProvisionMapping * const *) a;
  const GawahProvisionMapping *mapping_b = *(GawahProvisionMapping * const *) b;
  int by_decision = decision_rank (mapping_a->decision) - decision_rank (mapping_b->decision);

  if (by_decision != 0)
    return by_decision;
  return gawah_catalogue_compare (gawah_catalogue_get_default (), mapping_a->provision_id, mapping_b->provision_id);
}

static gboolean
load_person (GawahCaseFile  *file,
             GawahCasebook  *casebook,
             gint64          person_id,
             GError        **error)
{
  GawahPerson *person;

  if (person_id == 0 || g_hash_table_contains (file->people, &person_id))
    return TRUE;
  if ((person = gawah_casebook_get_person (casebook, person_id, error)) == NULL)
    return FALSE;
  g_hash_table_insert (file->people, &person->id, person);
  return TRUE;
}

static gboolean
load_people (GawahCaseFile  *file,
             GawahCasebook  *casebook,
             GError        **error)
{
  for (guint i = 0; i < file->acts->len; i++)
    {
      const GawahAct *act = g_ptr_array_index (file->acts, i);

      if (!load_person (file, casebook, act->victim_id, error))
        return FALSE;
      for (guint j = 0; j < act->involvements->len; j++)
        {
          const GawahInvolvement *involvement = g_ptr_array_index (act->involvements, j);

          if (!load_person (file, casebook, involvement->perpetrator_id, error))
            return FALSE;
        }
    }
  for (guint i = 0; i < file->sources->len; i++)
    if (!load_person (file, casebook, ((GawahSource *) g_ptr_array_index (file->sources, i))->person_id, error))
      return FALSE;
  return TRUE;
}

/* The file name without its extension: what a report's pages are headed with. */
char *
gawah_casebook_display_name (GawahCasebook *casebook)
{
  g_autofree char *base = g_path_get_basename (gawah_casebook_get_path (casebook));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* The vocabularies and the catalogue are loaded here, on the caller's
 * thread, so that a worker only ever reads them. */
GawahCaseFile *
gawah_case_file_load (GawahCasebook  *casebook,
                      gint64          incident_id,
                      GError        **error)
{
  g_autoptr(GawahCaseFile) file = g_new0 (GawahCaseFile, 1);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), NULL);

  gawah_vocabularies_get_default ();
  gawah_catalogue_get_default ();
  file->casebook_name = gawah_casebook_display_name (casebook);
  file->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) gawah_person_free);
  if ((file->incident = gawah_casebook_get_incident (casebook, incident_id, error)) == NULL ||
      (file->acts = gawah_casebook_list_acts (casebook, incident_id, error)) == NULL ||
      (file->chronology = gawah_casebook_list_chronology (casebook, incident_id, error)) == NULL ||
      (file->follow_ups = gawah_casebook_list_follow_ups (casebook, incident_id, error)) == NULL ||
      (file->sources = gawah_casebook_list_sources (casebook, incident_id, error)) == NULL ||
      (file->evidence = gawah_casebook_list_evidence (casebook, incident_id, error)) == NULL ||
      (file->mappings = gawah_casebook_list_mappings (casebook, incident_id, error)) == NULL ||
      !load_people (file, casebook, error))
    return NULL;
  g_ptr_array_sort (file->acts, compare_acts);
  g_ptr_array_sort (file->mappings, compare_mappings);
  return g_steal_pointer (&file);
}

void
gawah_case_file_free (GawahCaseFile *file)
{
  if (file == NULL)
    return;
  g_free (file->casebook_name);
  g_clear_pointer (&file->incident, gawah_incident_free);
  g_clear_pointer (&file->people, g_hash_table_unref);
  g_clear_pointer (&file->acts, g_ptr_array_unref);
  g_clear_pointer (&file->chronology, g_ptr_array_unref);
  g_clear_pointer (&file->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&file->sources, g_ptr_array_unref);
  g_clear_pointer (&file->evidence, g_ptr_array_unref);
  g_clear_pointer (&file->mappings, g_ptr_array_unref);
  g_free (file);
}

const GawahIncident *
gawah_case_file_get_incident (const GawahCaseFile *file)
{
  return file->incident;
}

const GawahPerson *
gawah_case_file_person (const GawahCaseFile *file,
                        gint64               person_id)
{
  return g_hash_table_lookup (file->people, &person_id);
}

char *
gawah_case_file_person_name (const GawahCaseFile *file,
                             gint64               person_id)
{
  const GawahPerson *person = gawah_case_file_person (file, person_id);

  return person != NULL ? gawah_person_dup_both_names (person) : g_strdup ("?");
}

/* "ICCPR Art. 9(1)", in the report's language. */
char *
gawah_case_file_citation (const GawahTranslator *translator,
                          const char            *provision_id)
{
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  const GawahProvision *provision = gawah_catalogue_find_provision (catalogue, provision_id);
  const GawahInstrument *instrument;

  if (provision == NULL)
    return g_strdup (provision_id);
  instrument = gawah_catalogue_find_instrument (catalogue, provision->instrument_id);
  /* Translators: how a provision is cited: %1$s is an instrument (“ICCPR”), %2$s an article number (“9(1)”). */
  return g_strdup_printf (gawah_translator_gettext (translator, N_("%1$s Art. %2$s")),
                          gawah_translator_text (translator, &instrument->short_title), provision->number);
}

char *
gawah_join_labels (const GawahTranslator *translator,
                   const char            *vocabulary_id,
                   char                 **codes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? gawah_translator_gettext (translator, N_(", ")) : "",
                            gawah_translator_label (translator, vocabulary_id, codes[i]));
  return g_string_free (text, FALSE);
}
