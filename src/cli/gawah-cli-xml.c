/* gawah-cli-xml.c: export and import, casebooks as Gawah XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-cli.h"
#include "gawah-error.h"
#include "gawah-exchange.h"

/* One line on stderr, rewritten in place; stdout stays for the report. */
static void
print_progress_cb (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  g_autofree char *line = NULL;

  if (done != total && done % 500 != 1)
    return;
  /* Translators: a progress line; the first %lu is done, the second the total. */
  line = g_strdup_printf (_("Exported %lu of %lu incidents"), (unsigned long) done, (unsigned long) total);
  g_printerr ("\r%s", line);
  if (done == total)
    g_printerr ("\n");
}

int
cli_export (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_auto(CliFilterOptions) filter_options = { NULL };
  gboolean redact = FALSE;
  const GOptionEntry entries[] = {
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Give victims, witnesses and sources pseudonyms and leave out contacts, ethnicity, religion, "
         "exact places and evidence files"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK FILE"),
    _("Write the casebook as Gawah XML (data/schemas/casebook.rng): every record with its id and every field, "
      "evidence included. The filters select incidents as the app's list does; the people they name go with them."),
    options);
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  cli_add_filter_entries (context, &filter_options);
  if (!cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (!cli_filter_options_build (&filter_options, &filter, &error))
    return cli_report_error (error);
  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if (!gawah_casebook_export_xml_file (casebook, &filter, redact ? GAWAH_EXPORT_REDACTED : GAWAH_EXPORT_DEFAULT,
                                       argv[2], NULL, print_progress_cb, NULL, &error))
    return cli_report_error (error);
  return EXIT_OK;
}

static void
print_conflict (const GawahExchangeConflict *conflict)
{
  /* Translators: %1$u is a line, %2$s a kind of record ("incident"), %3$s its title, %4$s its id,
   * %5$s the field that differs, %6$s its value in the casebook, %7$s its value in the document. */
  g_print (_("  line %1$u: %2$s “%3$s” (%4$s): %5$s is “%6$s” here and “%7$s” in the document\n"),
           conflict->line, conflict->kind, conflict->title, conflict->uuid, conflict->field,
           conflict->ours, conflict->theirs);
}

int
cli_import (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK DOCUMENT"),
    _("Merge a casebook document (Gawah XML, see data/schemas/casebook.rng) into a casebook, by id: "
      "records only in the document are added, identical ones left alone, and ones that differ on both "
      "sides are listed as conflicts and not changed. A malformed or invalid document changes nothing."),
    options);
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if (!gawah_casebook_import_xml_file (casebook, argv[2], report, NULL, NULL, NULL, &error))
    return cli_report_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u incident\n", "Imported %u incidents\n", report->incidents_added),
           report->incidents_added);
  /* Translators: counts of records of every kind (incidents, people, acts, sources...). */
  g_print (_("  people: %u\n  records added, all kinds: %u\n  records already here and identical: %u\n"),
           report->people_added, report->added, report->unchanged);
  if (report->conflicts->len == 0)
    return EXIT_OK;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u conflict, left as it is in the casebook:\n",
                        "%u conflicts, left as they are in the casebook:\n", report->conflicts->len),
           report->conflicts->len);
  for (guint i = 0; i < report->conflicts->len; i++)
    print_conflict (report->conflicts->pdata[i]);
  return EXIT_CONFLICTS;
}
