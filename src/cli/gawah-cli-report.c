/* gawah-cli-report.c: case reports, summary reports and UN drafts from the
 * command line
 *
 * The report's language is chosen with --language, whatever the terminal
 * speaks. Progress goes to stderr, so that stdout stays the draft's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-case-report.h"
#include "gawah-cli.h"
#include "gawah-error.h"
#include "gawah-summary-report.h"
#include "gawah-vocabulary.h"

typedef struct {
  char *output;
  char *language;
} ReportOptions;

static void
report_options_clear (ReportOptions *report)
{
  g_free (report->output);
  g_free (report->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

static void
add_report_entries (GOptionContext *context,
                    ReportOptions  *report)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &report->output, N_("Write to FILE"), N_("FILE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &report->language,
      N_("The report’s language: en (the default) or ur"), N_("LANGUAGE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
parse_language (GOptionContext *context,
                ReportOptions  *report,
                GawahLanguage  *language,
                int            *status)
{
  *language = GAWAH_LANGUAGE_ENGLISH;
  if (report->language == NULL || gawah_language_from_code (report->language, language))
    return TRUE;
  *status = cli_usage_error (context, _("--language must be en or ur"));
  return FALSE;
}

static gboolean
require_output (GOptionContext *context,
                ReportOptions  *report,
                int            *status)
{
  if (report->output != NULL)
    return TRUE;
  *status = cli_usage_error (context, _("Missing --output FILE"));
  return FALSE;
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  /* Translators: progress of a report on the terminal: pages drawn of all pages. */
  g_printerr ("\r");
  g_printerr (_("Writing page %u of %u…"), (guint) done, (guint) total);
  if (done == total)
    g_printerr ("\n");
}

static int
write_pdf (GawahReportDocument *document,
           const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!gawah_report_document_write_pdf (document, file, NULL, progress_cb, NULL, &error))
    return cli_report_error (error);
  return EXIT_OK;
}

int
cli_report (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_auto(ReportOptions) report = { NULL };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK INCIDENT"),
    _("Write one incident as a case report (PDF, A4): facts, people, acts, chronology, provisions engaged, "
      "follow-up actions, sources and evidence."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahCaseFile) case_file = NULL;
  g_autoptr(GawahReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GawahLanguage language;
  gint64 id;
  int status = EXIT_OK;

  add_report_entries (context, &report);
  if (!cli_parse (context, &argc, &argv, 2, &status) || !require_output (context, &report, &status) ||
      !parse_language (context, &report, &language, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL ||
      (id = cli_find_incident (casebook, argv[2], &status)) == 0)
    return status;

  if ((case_file = gawah_case_file_load (casebook, id, &error)) == NULL)
    return cli_report_error (error);
  document = gawah_case_report_build (case_file, language);
  return write_pdf (document, report.output);
}

int
cli_un_draft (CliOptions *options,
              int         argc,
              char      **argv)
{
  g_auto(ReportOptions) report = { NULL };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK INCIDENT"),
    _("Write the draft of a communication to the UN Special Procedures for one incident, as text "
      "(to standard output unless --output is given)."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahCaseFile) case_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GawahLanguage language;
  gint64 id;
  int status = EXIT_OK;

  add_report_entries (context, &report);
  if (!cli_parse (context, &argc, &argv, 2, &status) || !parse_language (context, &report, &language, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL ||
      (id = cli_find_incident (casebook, argv[2], &status)) == 0)
    return status;

  if ((case_file = gawah_case_file_load (casebook, id, &error)) == NULL)
    return cli_report_error (error);
  text = gawah_un_draft_build (case_file, language);
  if (report.output == NULL)
    {
      g_print ("%s", text);
      return EXIT_OK;
    }
  if (!g_file_set_contents (report.output, text, -1, &error))
    return cli_report_error (error);
  return EXIT_OK;
}

int
cli_summary_report (CliOptions *options,
                    int         argc,
                    char      **argv)
{
  g_auto(ReportOptions) report = { NULL };
  g_auto(CliFilterOptions) filter_options = { NULL };
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("Write the casebook’s statistics as a summary report (PDF, A4): incidents by act, province, year, "
      "category of defender and type of perpetrator, filtered like the list."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GawahLanguage language;
  int status = EXIT_OK;

  add_report_entries (context, &report);
  cli_add_filter_entries (context, &filter_options);
  if (!cli_parse (context, &argc, &argv, 1, &status) || !require_output (context, &report, &status) ||
      !parse_language (context, &report, &language, &status))
    return status;
  if (!cli_filter_options_build (&filter_options, &filter, &error))
    return cli_report_error (error);
  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;

  if ((document = gawah_summary_report_new (casebook, &filter, language, &error)) == NULL)
    return cli_report_error (error);
  return write_pdf (document, report.output);
}
