/* gawah-cli-show.c: the commands that read a casebook
 *
 * Lists are tab-separated (id, UUID, start date, title) so that scripts can
 * cut them; "show" is for people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-catalogue.h"
#include "gawah-cli.h"
#include "gawah-error.h"
#include "gawah-vocabulary.h"

void
cli_print_incident_row (const GawahIncident *incident)
{
  g_autofree char *start = gawah_partial_date_to_display (&incident->start);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", incident->id, incident->uuid, start, incident->title);
}

static int
print_incidents (GawahCasebook *casebook,
                 GArray        *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (casebook, g_array_index (ids, gint64, i), &error);

      if (incident == NULL)
        return cli_report_error (error);
      cli_print_incident_row (incident);
    }
  return EXIT_OK;
}

int
cli_list (CliOptions *options,
          int         argc,
          char      **argv)
{
  int limit = 0, offset = 0;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N incidents"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("Skip the first N incidents"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("List incidents, newest first: id, UUID, start date and title, separated by tabs."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (limit < 0 || offset < 0)
    return cli_usage_error (context, _("--limit and --offset cannot be negative"));
  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  incidents = gawah_casebook_list_incidents (casebook, (guint) offset, (guint) limit, &error);
  if (incidents == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < incidents->len; i++)
    cli_print_incident_row (g_ptr_array_index (incidents, i));
  return EXIT_OK;
}

int
cli_search (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK WORDS…"),
    _("Search titles, summaries, places, chronologies and the names of the people involved, "
      "in Latin or Urdu script; every word must match, as a whole word or its beginning."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  words = g_strjoinv (" ", argv + 2);
  ids = gawah_casebook_search_incidents (casebook, words, 0, &error);
  if (ids == NULL)
    return cli_report_error (error);
  return print_incidents (casebook, ids);
}

int
cli_engaging (CliOptions *options,
              int         argc,
              char      **argv)
{
  gboolean confirmed_only = FALSE;
  const GOptionEntry entries[] = {
    { "confirmed", 0, 0, G_OPTION_ARG_NONE, &confirmed_only, N_("Only where a reviewer confirmed the provision"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK PROVISION"),
    _("List the incidents that engage a provision or any of its clauses (const-9 also finds const-9-1), "
      "unless a reviewer rejected it."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  ids = gawah_casebook_incidents_engaging (casebook, argv[2], confirmed_only, &error);
  if (ids == NULL)
    return cli_report_error (error);
  return print_incidents (casebook, ids);
}

int
cli_people (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("List people: id, UUID, name, name in Urdu, kind, separated by tabs."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 1, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  people = gawah_casebook_list_people (casebook, &error);
  if (people == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      GawahPerson *person = g_ptr_array_index (people, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", person->id, person->uuid, person->name_latin,
               person->name_urdu, cli_label (GAWAH_VOCAB_PERSON_KIND, person->kind));
    }
  return EXIT_OK;
}

int
cli_person (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK NAME"),
    _("List, oldest first, every incident that involved a person, found by exact name in either script."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 person_id;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  person_id = gawah_casebook_find_person_by_name (casebook, argv[2], &error);
  if (person_id == 0 && error == NULL)
    g_set_error (&error, GAWAH_ERROR, GAWAH_ERROR_NOT_FOUND, _("Person: nobody is called “%s” in this casebook"), argv[2]);
  if (error != NULL)
    return cli_report_error (error);

  incidents = gawah_casebook_list_incidents_of_person (casebook, person_id, &error);
  if (incidents == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < incidents->len; i++)
    cli_print_incident_row (g_ptr_array_index (incidents, i));
  return EXIT_OK;
}

static void
print_provision (GawahCatalogue       *catalogue,
                 const GawahProvision *provision)
{
  g_autofree char *citation = gawah_catalogue_dup_citation (catalogue, provision->id);

  g_print ("%s\t%s\t%s%s\n", provision->id, citation, gawah_text_get_current (&provision->heading),
           provision->verified ? "" : _(" (unverified)"));
}

int
cli_provisions (CliOptions *options,
                int         argc,
                char      **argv)
{
  g_autofree char *instrument_id = NULL;
  const GOptionEntry entries[] = {
    { "instrument", 0, 0, G_OPTION_ARG_STRING, &instrument_id, N_("Only this instrument (const, iccpr, uncat, undhrd, udhr, cedaw)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (NULL,
    _("List the provisions of the legal catalogue: id, citation, heading."), options);
  GawahCatalogue *catalogue = gawah_catalogue_get_default ();
  const GPtrArray *instruments = gawah_catalogue_get_instruments (catalogue);
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 0, &status))
    return status;
  if (instrument_id != NULL && gawah_catalogue_find_instrument (catalogue, instrument_id) == NULL)
    {
      g_printerr (_("gawah-cli: no instrument has the id “%s”\n"), instrument_id);
      return EXIT_NOT_FOUND;
    }

  for (guint i = 0; i < instruments->len; i++)
    {
      const GawahInstrument *instrument = g_ptr_array_index (instruments, i);

      if (instrument_id != NULL && !g_str_equal (instrument_id, instrument->id))
        continue;
      for (guint p = 0; p < instrument->provisions->len; p++)
        print_provision (catalogue, g_ptr_array_index (instrument->provisions, p));
    }
  return EXIT_OK;
}

static void
print_vocabulary (const GawahVocabulary *vocabulary)
{
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);

  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);

      g_print ("%s%s\t%s\n", term->parent_code != NULL ? "  " : "", term->code,
               gawah_text_get_current (&term->label));
    }
}

int
cli_vocabulary (CliOptions *options,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("[VOCABULARY]"),
    _("Without an argument, list the vocabularies; with one, list its codes and labels."), options);
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  const GawahVocabulary *vocabulary;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 0, &status))
    return status;
  if (argc < 2)
    {
      g_autoptr(GPtrArray) ids = gawah_vocabularies_list_ids (vocabularies);

      for (guint i = 0; i < ids->len; i++)
        {
          vocabulary = gawah_vocabularies_find (vocabularies, g_ptr_array_index (ids, i));
          g_print ("%s\t%s\n", gawah_vocabulary_get_id (vocabulary),
                   gawah_text_get_current (gawah_vocabulary_get_title (vocabulary)));
        }
      return EXIT_OK;
    }

  vocabulary = gawah_vocabularies_find (vocabularies, argv[1]);
  if (vocabulary == NULL)
    {
      g_printerr (_("gawah-cli: no vocabulary has the id “%s”\n"), argv[1]);
      return EXIT_NOT_FOUND;
    }
  print_vocabulary (vocabulary);
  return EXIT_OK;
}

int
cli_check (CliOptions *options,
           int         argc,
           char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("Check the database, its foreign keys and both search indexes."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 1, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if (!gawah_casebook_check_integrity (casebook, &problems, &error))
    return cli_report_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return EXIT_DAMAGED;
  g_print (_("No problems found\n"));
  return EXIT_OK;
}
