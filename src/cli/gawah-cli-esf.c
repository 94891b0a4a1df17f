/* gawah-cli-esf.c: import-esf, documents exported by OpenEvSys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-cli.h"
#include "gawah-esf.h"

static void
print_report (const GawahEsfReport *report)
{
  g_print (_("Imported from the ESF document:\n"
             "  events: %u\n  persons: %u\n  acts: %u\n  involvements: %u\n  chains of events: %u\n"
             "  interventions: %u\n  information: %u\n"),
           report->events, report->persons, report->acts, report->involvements, report->chains,
           report->interventions, report->information);
  if (report->acts_as_notes > 0 || report->involvements_as_notes > 0)
    g_print (_("Kept as notes on their incident, with no Gawah type or degree: acts: %u, involvements: %u\n"),
             report->acts_as_notes, report->involvements_as_notes);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u code has no Gawah term and was kept as a note:\n",
                        "%u codes have no Gawah term and were kept as notes:\n", report->unmapped->len),
           report->unmapped->len);
  for (guint i = 0; i < report->unmapped->len; i++)
    {
      const GawahEsfUnmapped *unmapped = g_ptr_array_index (report->unmapped, i);

      /* line, record, field, code, label: tab-separated for scripts */
      g_print ("  %u\t%s\t%s\t%s\t%s\n", unmapped->line, unmapped->record, unmapped->field, unmapped->code,
               unmapped->label != NULL ? unmapped->label : "");
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u element was not recognised and was skipped:\n",
                        "%u elements were not recognised and were skipped:\n", report->skipped->len),
           report->skipped->len);
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const GawahEsfSkipped *skipped = g_ptr_array_index (report->skipped, i);

      g_print ("  %u\t%s\n", skipped->line, skipped->element);
    }
}

int
cli_import_esf (CliOptions *options,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK FILE"),
    _("Add the records of an OpenEvSys export (HURIDOCS Events Standard Formats, XML) to a casebook. "
      "Codes with no Gawah term are kept as notes and listed. Either every record is added or, at the "
      "first problem, none."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if (!gawah_casebook_import_esf_file (casebook, argv[2], report, NULL, NULL, NULL, &error))
    return cli_report_error (error);
  print_report (report);
  return EXIT_OK;
}
