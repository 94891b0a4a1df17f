/* gawah-cli-edit.c: the commands that write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-cli.h"
#include "gawah-error.h"

int
cli_create (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"), _("Create a new, empty casebook."), options);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(Passphrase) passphrase = NULL;
  int status = EXIT_OK;

  if (!cli_parse (context, &argc, &argv, 1, &status))
    return status;
  passphrase = cli_read_passphrase (options, TRUE, &error);
  if (passphrase == NULL)
    return cli_report_error (error);
  casebook = gawah_casebook_create (argv[1], passphrase, &error);
  if (casebook == NULL)
    return cli_report_error (error);
  g_print (_("Created the casebook %s\n"), argv[1]);
  return EXIT_OK;
}

static GawahDecision
decision_from_flags (gboolean confirm,
                     gboolean reject)
{
  if (confirm)
    return GAWAH_DECISION_CONFIRMED;
  return reject ? GAWAH_DECISION_REJECTED : GAWAH_DECISION_PENDING;
}

int
cli_decide (CliOptions *options,
            int         argc,
            char      **argv)
{
  gboolean confirm = FALSE, reject = FALSE, pending = FALSE;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirm, N_("The incident engages the provision"), NULL },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject, N_("The incident does not engage the provision"), NULL },
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending, N_("Undo a decision"), NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The reviewer’s reason"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK INCIDENT PROVISION"),
    _("Record a reviewer’s decision on a provision (for example const-9 or iccpr-9-1). "
      "A provision no rule suggested is added as the reviewer’s own."), options);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  int status = EXIT_OK;
  gint64 incident_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 3, &status))
    return status;
  if (confirm + reject + pending != 1)
    return cli_usage_error (context, _("Give exactly one of --confirm, --reject and --pending"));
  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL ||
      (incident_id = cli_find_incident (casebook, argv[2], &status)) == 0)
    return status;

  if (!gawah_casebook_decide_provision (casebook, incident_id, argv[3],
                                        decision_from_flags (confirm, reject), note, &error))
    return cli_report_error (error);
  return EXIT_OK;
}
