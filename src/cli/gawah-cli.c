/* gawah-cli.c: gawah-cli, the casebook from scripts and terminals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "gawah-audit.h"
#include "gawah-cli.h"
#include "gawah-error.h"
#include "gawah-security.h"
#include "gawah-vocabulary.h"

typedef struct {
  const char *name;
  CliCommand  run;
  const char *summary;
} CommandEntry;

static const CommandEntry commands[] = {
  { "create", cli_create, N_("Create a new, empty casebook") },
  { "import", cli_import, N_("Merge a casebook document (Gawah XML) into a casebook") },
  { "export", cli_export, N_("Write a casebook, or the incidents a filter selects, as Gawah XML") },
  { "import-esf", cli_import_esf, N_("Add the records of an OpenEvSys (HURIDOCS ESF) export to a casebook") },
  { "import-csv", cli_import_csv, N_("Add incidents from a spreadsheet (CSV)") },
  { "export-csv", cli_export_csv, N_("Export incidents, acts, people or provisions as a spreadsheet (CSV)") },
  { "add-incident", cli_add_incident, N_("Add an incident with its acts, victims, perpetrators and laws") },
  { "list", cli_list, N_("List incidents, newest first") },
  { "show", cli_show, N_("Show one incident in full") },
  { "search", cli_search, N_("Search incidents in English or Urdu") },
  { "people", cli_people, N_("List the people in a casebook") },
  { "person", cli_person, N_("Show every incident that involved one person") },
  { "suggest", cli_suggest, N_("Suggest the provisions an incident engages, with the rule behind each") },
  { "decide", cli_decide, N_("Confirm, reject or add a provision for an incident") },
  { "engaging", cli_engaging, N_("List the incidents that engage a provision") },
  { "provisions", cli_provisions, N_("List the legal catalogue") },
  { "vocabulary", cli_vocabulary, N_("List the codes of a vocabulary") },
  { "check", cli_check, N_("Check a casebook's integrity") },
  { "report", cli_report, N_("Write one incident as a case report (PDF)") },
  { "summary-report", cli_summary_report, N_("Write the casebook's statistics as a summary report (PDF)") },
  { "un-draft", cli_un_draft, N_("Write the draft of a communication to the UN Special Procedures") },
  { "history", cli_history, N_("Show who changed an incident, when, and what") },
  { "verify", cli_verify, N_("Check a casebook or a backup, and its audit trail") },
  { "backup", cli_backup, N_("Write or list encrypted backups of a casebook") },
  { "restore", cli_restore, N_("Replace a casebook by a backup") },
  { "rekey", cli_rekey, N_("Change a casebook's passphrase") },
};

int
cli_report_error (const GError *error)
{
  g_printerr ("gawah-cli: %s\n", error->message);

  if (error->domain != GAWAH_ERROR)
    return EXIT_FAILED;
  switch (error->code)
    {
    case GAWAH_ERROR_WRONG_PASSPHRASE:
    case GAWAH_ERROR_NOT_A_CASEBOOK:
    case GAWAH_ERROR_NOT_SQLCIPHER:
      return EXIT_LOCKED;
    case GAWAH_ERROR_NOT_FOUND:
      return EXIT_NOT_FOUND;
    case GAWAH_ERROR_INVALID:
    case GAWAH_ERROR_UNKNOWN_CODE:
    case GAWAH_ERROR_PARSE:
    case GAWAH_ERROR_EXISTS:
      return EXIT_INVALID;
    default:
      return EXIT_FAILED;
    }
}

int
cli_usage_error (GOptionContext *context,
                 const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("gawah-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

GOptionContext *
cli_option_context (const char *parameters,
                    const char *summary,
                    CliOptions *options)
{
  return cli_option_context_with_group (parameters, summary, options, NULL);
}

/* Every command takes --passphrase-file; a command with options of its own
 * that need user data (add-incident) brings them as its main group. */
GOptionContext *
cli_option_context_with_group (const char   *parameters,
                               const char   *summary,
                               CliOptions   *options,
                               GOptionGroup *main_group)
{
  GOptionContext *context = g_option_context_new (parameters);
  const GOptionEntry common[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &options->passphrase_file,
      N_("Read the passphrase from the first line of FILE"), N_("FILE") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &options->actor,
      N_("The name the audit trail records for these changes (default: your name)"), N_("NAME") },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  if (main_group != NULL)
    g_option_context_set_main_group (context, main_group);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

gboolean
cli_parse (GOptionContext   *context,
           int              *argc,
           char           ***argv,
           int               n_required,
           int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cli_usage_error (context, error->message);
      return FALSE;
    }
  /* argv[0] is the command's name. */
  if (*argc - 1 < n_required)
    {
      *status = cli_usage_error (context, _("Missing arguments"));
      return FALSE;
    }
  return TRUE;
}

void
cli_wipe_passphrase (char *passphrase)
{
  if (passphrase == NULL)
    return;
  explicit_bzero (passphrase, strlen (passphrase));
  g_free (passphrase);
}

/* The first line only; the whole buffer read is wiped, other lines too. */
static char *
read_passphrase_file (const char  *path,
                      GError     **error)
{
  char *contents = NULL;
  gsize length = 0;
  char *first_line;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  first_line = g_strndup (contents, strcspn (contents, "\n"));
  explicit_bzero (contents, length);
  g_free (contents);
  return first_line;
}

/* Reads one line from the terminal with echo off. */
static char *
prompt_on_terminal (const char *prompt)
{
  struct termios saved, quiet;
  char buffer[1024] = { 0 };
  FILE *tty = fopen ("/dev/tty", "r+");
  char *line = NULL;

  if (tty == NULL)
    return NULL;
  fputs (prompt, tty);
  fflush (tty);
  tcgetattr (fileno (tty), &saved);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  if (fgets (buffer, sizeof buffer, tty) != NULL)
    line = g_strdup (g_strchomp (buffer));
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputs ("\n", tty);
  fclose (tty);
  explicit_bzero (buffer, sizeof buffer);
  return line;
}

static char *
prompt_for_passphrase (gboolean   confirm,
                       GError   **error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!isatty (STDIN_FILENO) || (first = prompt_on_terminal (_("Passphrase: "))) == NULL)
    {
      g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                           _("No passphrase: use --passphrase-file, set GAWAH_PASSPHRASE, or run in a terminal"));
      return NULL;
    }
  if (confirm)
    {
      second = prompt_on_terminal (_("Passphrase again: "));
      if (g_strcmp0 (first, second) != 0)
        {
          cli_wipe_passphrase (g_steal_pointer (&second));
          cli_wipe_passphrase (g_steal_pointer (&first));
          g_set_error_literal (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                               _("Passphrase: the two entries differ"));
          return NULL;
        }
      cli_wipe_passphrase (g_steal_pointer (&second));
    }
  return g_steal_pointer (&first);
}

/* From a file, then the environment, then the terminal. */
char *
cli_read_passphrase (CliOptions  *options,
                     gboolean     confirm,
                     GError     **error)
{
  const char *from_environment = g_getenv ("GAWAH_PASSPHRASE");

  if (options->passphrase_file != NULL)
    return read_passphrase_file (options->passphrase_file, error);
  if (from_environment != NULL)
    return g_strdup (from_environment);
  return prompt_for_passphrase (confirm, error);
}

/* Typed passphrases get three tries, each after a longer wait. */
static GawahCasebook *
open_with_retries (CliOptions  *options,
                   const char  *path,
                   GError     **error)
{
  gboolean typed = options->passphrase_file == NULL && g_getenv ("GAWAH_PASSPHRASE") == NULL;
  GawahUnlockDelay *delay = gawah_unlock_delay_get_default ();

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(Passphrase) passphrase = cli_read_passphrase (options, FALSE, error);
      GawahCasebook *casebook;

      if (passphrase == NULL)
        return NULL;
      casebook = gawah_casebook_open (path, passphrase, error);
      if (casebook != NULL || !typed || attempt == 3 ||
          !g_error_matches (*error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE))
        return casebook;
      gawah_unlock_delay_record_failure (delay);
      g_printerr ("gawah-cli: %s\n", (*error)->message);
      g_clear_error (error);
      g_usleep ((gulong) gawah_unlock_delay_remaining_ms (delay) * 1000);
    }
}

GawahCasebook *
cli_open_casebook (CliOptions *options,
                   const char *path,
                   int        *status)
{
  g_autoptr(GError) error = NULL;
  GawahCasebook *casebook = open_with_retries (options, path, &error);

  if (casebook == NULL)
    {
      *status = cli_report_error (error);
      return NULL;
    }
  gawah_casebook_set_actor (casebook, options->actor);
  return casebook;
}

gint64
cli_find_incident (GawahCasebook *casebook,
                   const char    *id_or_uuid,
                   int           *status)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gawah_casebook_find_incident (casebook, id_or_uuid, &error);

  if (id == 0)
    *status = cli_report_error (error);
  return id;
}

const char *
cli_label (const char *vocabulary_id,
           const char *code)
{
  if (code == NULL || *code == '\0')
    return "";
  return gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary_id, code);
}

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: gawah-cli COMMAND [OPTION…] [ARGUMENT…]"));
  g_print ("%s\n", _("Gawah keeps an encrypted casebook of attacks on human rights defenders. Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-14s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("“gawah-cli COMMAND --help” describes a command’s options."));
  g_print ("\n%s\n", _("The passphrase is read from --passphrase-file FILE, else from the GAWAH_PASSPHRASE "
                       "environment variable, else asked for on the terminal."));
  g_print ("\n%s\n", _("Exit status: 0 success; 1 failure; 2 wrong usage; 3 wrong passphrase or not a casebook; "
                       "4 record not found; 5 invalid input (nothing was written); 6 integrity problems found."));
  g_print ("%s\n", _("Exit status 7: an import merged the document, but records that differ on both sides "
                     "were left alone (conflicts)."));
}

int
main (int    argc,
      char **argv)
{
  CliOptions options = { NULL };
  int status;

  setlocale (LC_ALL, "");
  /* GAWAH_LOCALEDIR: the uninstalled translations, as for the app. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAWAH_LOCALEDIR") != NULL ? g_getenv ("GAWAH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage ();
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("gawah-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          status = commands[i].run (&options, argc - 1, argv + 1);
          g_free (options.passphrase_file);
          g_free (options.actor);
          return status;
        }
    }
  g_printerr (_("gawah-cli: unknown command “%s”; “gawah-cli --help” lists the commands\n"), argv[1]);
  return EXIT_USAGE;
}

void
cli_filter_options_clear (CliFilterOptions *options)
{
  g_free (options->search);
  g_free (options->province);
  g_free (options->act_type);
  g_free (options->category);
  g_free (options->perpetrator_type);
  g_free (options->status);
  g_free (options->from);
  g_free (options->to);
}

/* The list's filters, as the app's incident list has them. */
void
cli_add_filter_entries (GOptionContext   *context,
                        CliFilterOptions *options)
{
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &options->search, N_("Only incidents matching these words"), N_("WORDS") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &options->province, N_("Only incidents in this province"), N_("CODE") },
    { "act-type", 0, 0, G_OPTION_ARG_STRING, &options->act_type, N_("Only incidents with this type of act"), N_("CODE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options->category,
      N_("Only incidents with a victim of this defender category"), N_("CODE") },
    { "perpetrator-type", 0, 0, G_OPTION_ARG_STRING, &options->perpetrator_type,
      N_("Only incidents with a perpetrator of this type"), N_("CODE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &options->status, N_("Only incidents with this case status"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from, N_("Only incidents starting on or after DATE"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, N_("Only incidents starting on or before DATE"), N_("DATE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
check_code (const char  *vocabulary_id,
            const char  *code,
            const char  *option,
            GError     **error)
{
  return code == NULL || gawah_vocabularies_check (gawah_vocabularies_get_default (), vocabulary_id, code, option,
                                                   error);
}

/* Codes are checked against their vocabularies: a typo is an error, not an
 * empty export or report. */
gboolean
cli_filter_options_build (const CliFilterOptions  *options,
                          GawahIncidentFilter     *filter,
                          GError                 **error)
{
  if (!check_code (GAWAH_VOCAB_PROVINCE, options->province, "--province", error) ||
      !check_code (GAWAH_VOCAB_ACT_TYPE, options->act_type, "--act-type", error) ||
      !check_code (GAWAH_VOCAB_HRD_CATEGORY, options->category, "--category", error) ||
      !check_code (GAWAH_VOCAB_PERPETRATOR_TYPE, options->perpetrator_type, "--perpetrator-type", error) ||
      !check_code (GAWAH_VOCAB_CASE_STATUS, options->status, "--status", error))
    return FALSE;
  filter->text = g_strdup (options->search);
  filter->province = g_strdup (options->province);
  filter->act_type = g_strdup (options->act_type);
  filter->hrd_category = g_strdup (options->category);
  filter->perpetrator_type = g_strdup (options->perpetrator_type);
  filter->status = g_strdup (options->status);
  return gawah_partial_date_parse_text (options->from, "--from", &filter->from, error) &&
         gawah_partial_date_parse_text (options->to, "--to", &filter->to, error);
}
