/* gawah-cli-add.c: add-incident, an incident with its acts from options
 *
 * Options are read in order: --act starts an act, and --victim, --perpetrator
 * and --law that follow belong to it, as a documentalist would say it
 * ("disappearance of X by Y, under PECA s.20").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-cli.h"
#include "gawah-error.h"

typedef struct {
  char      *name;
  char      *perpetrator_type;
  char      *involvement;
} PerpetratorSpec;

typedef struct {
  char      *act_type;
  char      *victim;
  GPtrArray *victim_categories;
  GPtrArray *perpetrators;     /* PerpetratorSpec */
  GPtrArray *laws;
} ActSpec;

typedef struct {
  GawahIncident *incident;
  GPtrArray     *acts;         /* ActSpec */
  char          *start;        /* as typed; checked with the rest of the input */
  char          *end;
  /* The coded fields as typed, NULL when not given. GOption does not free
   * what a string option held before, so the incident's defaults stay in
   * the incident until these replace them. */
  char          *verification;
  char          *confidentiality;
  char          *status;
} IncidentSpec;

static void
perpetrator_spec_free (PerpetratorSpec *spec)
{
  g_free (spec->name);
  g_free (spec->perpetrator_type);
  g_free (spec->involvement);
  g_free (spec);
}

static void
act_spec_free (ActSpec *spec)
{
  g_free (spec->act_type);
  g_free (spec->victim);
  g_ptr_array_unref (spec->victim_categories);
  g_ptr_array_unref (spec->perpetrators);
  g_ptr_array_unref (spec->laws);
  g_free (spec);
}

static void
incident_spec_clear (IncidentSpec *spec)
{
  g_clear_pointer (&spec->incident, gawah_incident_free);
  g_clear_pointer (&spec->acts, g_ptr_array_unref);
  g_clear_pointer (&spec->start, g_free);
  g_clear_pointer (&spec->end, g_free);
  g_clear_pointer (&spec->verification, g_free);
  g_clear_pointer (&spec->confidentiality, g_free);
  g_clear_pointer (&spec->status, g_free);
}

static void
replace_if_given (char **field,
                  char **given)
{
  if (*given == NULL)
    return;
  g_free (*field);
  *field = g_steal_pointer (given);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IncidentSpec, incident_spec_clear)

static ActSpec *
current_act (IncidentSpec  *spec,
             const char    *option_name,
             GError       **error)
{
  if (spec->acts->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must follow --act"), option_name);
      return NULL;
    }
  return g_ptr_array_index (spec->acts, spec->acts->len - 1);
}

static PerpetratorSpec *
current_perpetrator (ActSpec     *act,
                     const char  *option_name,
                     GError     **error)
{
  if (act->perpetrators->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must follow --perpetrator"), option_name);
      return NULL;
    }
  return g_ptr_array_index (act->perpetrators, act->perpetrators->len - 1);
}

static gboolean
on_act_cb (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  IncidentSpec *spec = data;
  ActSpec *act = g_new0 (ActSpec, 1);

  act->act_type = g_strdup (value);
  act->victim_categories = g_ptr_array_new_with_free_func (g_free);
  act->perpetrators = g_ptr_array_new_with_free_func ((GDestroyNotify) perpetrator_spec_free);
  act->laws = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (spec->acts, act);
  return TRUE;
}

static gboolean
on_act_part_cb (const char  *option_name,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  ActSpec *act = current_act (data, option_name, error);
  PerpetratorSpec *perpetrator;

  if (act == NULL)
    return FALSE;
  if (g_str_equal (option_name, "--victim"))
    g_free (act->victim), act->victim = g_strdup (value);
  else if (g_str_equal (option_name, "--victim-category"))
    g_ptr_array_add (act->victim_categories, g_strdup (value));
  else if (g_str_equal (option_name, "--law"))
    g_ptr_array_add (act->laws, g_strdup (value));
  else if (g_str_equal (option_name, "--perpetrator"))
    {
      perpetrator = g_new0 (PerpetratorSpec, 1);
      perpetrator->name = g_strdup (value);
      perpetrator->involvement = g_strdup ("did-it");
      g_ptr_array_add (act->perpetrators, perpetrator);
    }
  else if ((perpetrator = current_perpetrator (act, option_name, error)) == NULL)
    return FALSE;
  else if (g_str_equal (option_name, "--perpetrator-type"))
    g_free (perpetrator->perpetrator_type), perpetrator->perpetrator_type = g_strdup (value);
  else
    g_free (perpetrator->involvement), perpetrator->involvement = g_strdup (value);
  return TRUE;
}

/* Institutions and groups are recorded as such, not as individuals. */
static const char *
kind_for_perpetrator_type (const char *perpetrator_type)
{
  static const char * const groups[] = { "militant-group", "religious-extremist-group", "mob", NULL };
  static const char * const individuals[] = { "private-individual", "unknown", NULL };

  if (perpetrator_type == NULL || g_strv_contains (individuals, perpetrator_type))
    return "individual";
  if (g_strv_contains (groups, perpetrator_type))
    return "group";
  return "institution";
}

/* The person of that name (either script), or a new one. */
static gint64
find_or_add_person (GawahCasebook  *casebook,
                    const char     *name,
                    const char     *perpetrator_type,
                    GPtrArray      *categories,
                    GError        **error)
{
  g_autoptr(GawahPerson) person = NULL;
  g_autoptr(GError) lookup_error = NULL;
  gint64 id = gawah_casebook_find_person_by_name (casebook, name, &lookup_error);

  if (lookup_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&lookup_error));
      return 0;
    }
  if (id != 0 && categories->len == 0)
    return id;

  person = id != 0 ? gawah_casebook_get_person (casebook, id, error) : gawah_person_new ();
  if (person == NULL)
    return 0;
  if (id == 0)
    {
      gboolean urdu_script = g_unichar_get_script (g_utf8_get_char_validated (name, -1)) == G_UNICODE_SCRIPT_ARABIC;

      g_free (person->kind);
      person->kind = g_strdup (kind_for_perpetrator_type (perpetrator_type));
      person->perpetrator_type = g_strdup (perpetrator_type);
      *(urdu_script ? &person->name_urdu : &person->name_latin) = g_strdup (name);
    }
  for (guint i = 0; i < categories->len; i++)
    if (!g_strv_contains ((const char * const *) person->categories, g_ptr_array_index (categories, i)))
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        g_strv_builder_addv (builder, (const char **) person->categories);
        g_strv_builder_add (builder, g_ptr_array_index (categories, i));
        g_strfreev (person->categories);
        person->categories = g_strv_builder_end (builder);
      }
  if (!gawah_casebook_save_person (casebook, person, error))
    return 0;
  return person->id;
}

static gboolean
save_act_spec (GawahCasebook  *casebook,
               gint64          incident_id,
               ActSpec        *spec,
               GError        **error)
{
  g_autoptr(GawahAct) act = gawah_act_new ();
  g_autoptr(GPtrArray) no_categories = g_ptr_array_new ();

  if (spec->victim == NULL)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID, _("Victim: the act “%s” needs --victim"), spec->act_type);
      return FALSE;
    }
  act->incident_id = incident_id;
  act->act_type = g_strdup (spec->act_type);
  act->victim_id = find_or_add_person (casebook, spec->victim, NULL, spec->victim_categories, error);
  if (act->victim_id == 0)
    return FALSE;
  for (guint i = 0; i < spec->perpetrators->len; i++)
    {
      PerpetratorSpec *perpetrator = g_ptr_array_index (spec->perpetrators, i);
      gint64 id = find_or_add_person (casebook, perpetrator->name, perpetrator->perpetrator_type, no_categories, error);

      if (id == 0)
        return FALSE;
      gawah_act_add_involvement (act, id, perpetrator->involvement);
    }
  g_ptr_array_add (spec->laws, NULL);
  g_strfreev (act->laws);
  act->laws = g_strdupv ((char **) spec->laws->pdata);
  g_ptr_array_remove_index (spec->laws, spec->laws->len - 1);
  return gawah_casebook_save_act (casebook, act, error);
}

static gboolean
save_incident_spec (GawahCasebook  *casebook,
                    gpointer        user_data,
                    GError        **error)
{
  IncidentSpec *spec = user_data;

  replace_if_given (&spec->incident->verification, &spec->verification);
  replace_if_given (&spec->incident->confidentiality, &spec->confidentiality);
  replace_if_given (&spec->incident->status, &spec->status);
  if (!gawah_partial_date_parse_text (spec->start, _("Start date"), &spec->incident->start, error) ||
      !gawah_partial_date_parse_text (spec->end, _("End date"), &spec->incident->end, error) ||
      !gawah_casebook_save_incident (casebook, spec->incident, error))
    return FALSE;
  for (guint i = 0; i < spec->acts->len; i++)
    if (!save_act_spec (casebook, spec->incident->id, g_ptr_array_index (spec->acts, i), error))
      return FALSE;
  return TRUE;
}

static GOptionGroup *
incident_option_group (IncidentSpec *spec)
{
  GawahIncident *incident = spec->incident;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &incident->title, N_("Title (required)"), N_("TEXT") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &incident->summary, N_("What happened"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &spec->start,
      N_("Start date: YYYY-MM-DD, YYYY-MM or YYYY; ~ before it for an estimate"), N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &spec->end, N_("End date, as --start"), N_("DATE") },
    { "ongoing", 0, 0, G_OPTION_ARG_NONE, &incident->ongoing, N_("The situation continues (a defender still missing)"), NULL },
    { "province", 0, 0, G_OPTION_ARG_STRING, &incident->province, N_("Province code (gawah-cli vocabulary province)"), N_("CODE") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &incident->district, N_("District code"), N_("CODE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &incident->place, N_("Place"), N_("TEXT") },
    { "verification", 0, 0, G_OPTION_ARG_STRING, &spec->verification, N_("confirmed, likely, possible or unconfirmed (the default)"), N_("CODE") },
    { "confidentiality", 0, 0, G_OPTION_ARG_STRING, &spec->confidentiality, N_("public, restricted (the default) or confidential"), N_("CODE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &spec->status, N_("open (the default), follow-up or closed"), N_("CODE") },
    { "act", 0, 0, G_OPTION_ARG_CALLBACK, on_act_cb, N_("Start an act of this type (gawah-cli vocabulary act-type)"), N_("CODE") },
    { "victim", 0, 0, G_OPTION_ARG_CALLBACK, on_act_part_cb, N_("The act’s victim, by name in either script; added if new"), N_("NAME") },
    { "victim-category", 0, 0, G_OPTION_ARG_CALLBACK, on_act_part_cb, N_("A category of the victim (gawah-cli vocabulary hrd-category)"), N_("CODE") },
    { "perpetrator", 0, 0, G_OPTION_ARG_CALLBACK, on_act_part_cb, N_("A perpetrator of the act, by name; added if new"), N_("NAME") },
    { "perpetrator-type", 0, 0, G_OPTION_ARG_CALLBACK, on_act_part_cb, N_("The type of the perpetrator just named"), N_("CODE") },
    { "involvement", 0, 0, G_OPTION_ARG_CALLBACK, on_act_part_cb, N_("did-it (the default), ordered-it or failed-to-protect"), N_("CODE") },
    { "law", 0, 0, G_OPTION_ARG_CALLBACK, on_act_part_cb, N_("A law invoked against the victim (gawah-cli vocabulary law)"), N_("CODE") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("incident", _("Incident options"), _("Show the incident options"), spec, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

int
cli_add_incident (CliOptions *options,
                  int         argc,
                  char      **argv)
{
  g_auto(IncidentSpec) spec = {
    gawah_incident_new (),
    g_ptr_array_new_with_free_func ((GDestroyNotify) act_spec_free),
    NULL,
    NULL,
  };
  g_autoptr(GOptionContext) context = cli_option_context_with_group (_("CASEBOOK"),
    _("Add an incident. Example:\n"
      "  gawah-cli add-incident cases.gawah --title \"Abduction of a journalist\" --start 2019-11 \\\n"
      "    --province pk-kp --act enforced-disappearance --victim \"A. Khan\" --victim-category journalist \\\n"
      "    --perpetrator \"Unknown men\" --perpetrator-type unknown"), options, incident_option_group (&spec));
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 1, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  if (!gawah_casebook_run_in_transaction (casebook, save_incident_spec, &spec, &error))
    return cli_report_error (error);
  g_print ("%" G_GINT64_FORMAT "\t%s\n", spec.incident->id, spec.incident->uuid);
  return EXIT_OK;
}
