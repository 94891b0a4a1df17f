/* gawah-cli-trust.c: history, verification, backups, restore, new passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-audit.h"
#include "gawah-backup.h"
#include "gawah-cli.h"
#include "gawah-error.h"
#include "gawah-security.h"

static void
print_entry (const GawahAuditEntry *entry)
{
  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n",
           entry->id, entry->at, entry->actor, entry->action, entry->table_name, entry->record_id);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const GawahAuditChange *change = g_ptr_array_index (entry->changes, i);

      g_print ("\t%s: %s → %s\n", change->field,
               change->before != NULL ? change->before : "—", change->after != NULL ? change->after : "—");
    }
}

int
cli_history (CliOptions *options,
             int         argc,
             char      **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK INCIDENT"),
    _("Show every change to an incident and what belongs to it, newest first: entry, time (UTC), who, "
      "what, table and record, then each field's value before → after."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!cli_parse (context, &argc, &argv, 2, &status) ||
      (casebook = cli_open_casebook (options, argv[1], &status)) == NULL ||
      (id = cli_find_incident (casebook, argv[2], &status)) == 0)
    return status;
  entries = gawah_casebook_list_incident_history (casebook, id, &error);
  if (entries == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < entries->len; i++)
    print_entry (g_ptr_array_index (entries, i));
  return EXIT_OK;
}

static gboolean
report_verdict (const GawahAuditVerdict *verdict)
{
  if (verdict->problem != NULL)
    {
      if (verdict->broken_id > 0)
        g_print (_("Audit trail broken at entry %lld: %s\n"), (long long) verdict->broken_id, verdict->problem);
      else
        g_print (_("Audit trail: %s\n"), verdict->problem);
      return FALSE;
    }
  g_print (_("Audit trail: %lld entries, unbroken; last entry %lld %s\n"),
           (long long) verdict->n_entries, (long long) verdict->head_id, verdict->head_hash);
  return TRUE;
}

/* The casebook must still hold the last entry a backup saw: otherwise its
 * end was cut off, which the chain alone cannot show. */
static gboolean
check_against_backup (CliOptions  *options,
                      const char  *casebook_path,
                      const char  *backup_path,
                      const char  *passphrase,
                      int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahBackupReport) backup = gawah_backup_verify (backup_path, passphrase, &error);
  g_autoptr(GawahCasebook) casebook = NULL;
  gboolean found;

  if (backup == NULL || backup->audit == NULL)
    {
      if (backup != NULL)
        g_set_error (&error, GAWAH_ERROR, GAWAH_ERROR_INVALID, _("“%s” has no audit trail"), backup_path);
      *status = cli_report_error (error);
      return FALSE;
    }
  if ((casebook = gawah_casebook_open (casebook_path, passphrase, &error)) == NULL)
    {
      *status = cli_report_error (error);
      return FALSE;
    }
  found = gawah_casebook_audit_has_entry (casebook, backup->audit->head_id, backup->audit->head_hash, &error);
  if (error != NULL)
    {
      *status = cli_report_error (error);
      return FALSE;
    }
  if (!found)
    g_print (_("Audit trail: entry %lld of the backup is missing or different: "
               "entries were removed or rewritten since the backup\n"), (long long) backup->audit->head_id);
  else
    g_print (_("Audit trail: still holds entry %lld of the backup\n"), (long long) backup->audit->head_id);
  return found;
}

int
cli_verify (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autofree char *against = NULL;
  const GOptionEntry entries[] = {
    { "against", 0, 0, G_OPTION_ARG_FILENAME, &against,
      N_("Also check that the trail still holds the last entry of this backup"), N_("BACKUP") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("FILE"),
    _("Check a casebook or a backup without changing it: the key, the database, both search indexes "
      "and the audit trail's chain."), options);
  g_autoptr(GawahBackupReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Passphrase) passphrase = NULL;
  int status = EXIT_OK;
  gboolean sound;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if ((passphrase = cli_read_passphrase (options, FALSE, &error)) == NULL ||
      (report = gawah_backup_verify (argv[1], passphrase, &error)) == NULL)
    return cli_report_error (error);

  for (guint i = 0; i < report->problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
  sound = report->problems->len == 0;
  if (sound)
    g_print (_("Database and search indexes: no problems\n"));
  if (report->audit == NULL)
    g_print (_("Audit trail: none (format %d, from before the audit trail)\n"), report->version);
  else
    sound = report_verdict (report->audit) && sound;
  if (against != NULL && !check_against_backup (options, argv[1], against, passphrase, &status))
    return status != EXIT_OK ? status : EXIT_DAMAGED;
  return sound ? EXIT_OK : EXIT_DAMAGED;
}

int
cli_backup (CliOptions *options,
            int         argc,
            char      **argv)
{
  g_autofree char *dir = NULL;
  int keep = 0;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("Keep backups in DIR"), N_("DIR") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Then delete all but the newest N backups"), N_("N") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the backups instead, newest first"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("Write an encrypted backup of a casebook (same passphrase) and print its path."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (keep < 0)
    return cli_usage_error (context, _("--keep cannot be negative"));
  if (dir == NULL)
    dir = gawah_backup_default_dir ();
  if (list)
    {
      if ((backups = gawah_backup_list (dir, argv[1], &error)) == NULL)
        return cli_report_error (error);
      for (guint i = 0; i < backups->len; i++)
        {
          GawahBackupInfo *info = g_ptr_array_index (backups, i);
          g_autofree char *made_at = g_date_time_format_iso8601 (info->made_at);

          g_print ("%s\t%s\n", made_at, info->path);
        }
      return EXIT_OK;
    }
  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if ((path = gawah_casebook_backup (casebook, dir, &error)) == NULL ||
      (keep > 0 && !gawah_backup_prune (dir, argv[1], (guint) keep, &error)))
    return cli_report_error (error);
  g_print ("%s\n", path);
  return EXIT_OK;
}

int
cli_restore (CliOptions *options,
             int         argc,
             char      **argv)
{
  g_autofree char *dir = NULL;
  const GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      N_("Back up the casebook as it is now into DIR first"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("BACKUP CASEBOOK"),
    _("Replace a casebook by a backup. The casebook as it is now is backed up first; both must open with "
      "the same passphrase."), options);
  g_autoptr(Passphrase) passphrase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (dir == NULL)
    dir = gawah_backup_default_dir ();
  if ((passphrase = cli_read_passphrase (options, FALSE, &error)) == NULL ||
      !gawah_backup_restore (argv[1], argv[2], passphrase, dir, &safety, &error))
    return cli_report_error (error);
  if (safety != NULL)
    g_print (_("The casebook as it was is kept in %s\n"), safety);
  g_print (_("Restored %s from %s\n"), argv[2], argv[1]);
  return EXIT_OK;
}

static char *
read_new_passphrase (const char  *file,
                     GError     **error)
{
  CliOptions new_options = { .passphrase_file = (char *) file };
  const char *from_environment = g_getenv ("GAWAH_NEW_PASSPHRASE");

  if (file == NULL && from_environment != NULL)
    return g_strdup (from_environment);
  if (file == NULL)
    g_print ("%s\n", _("The new passphrase:"));
  return cli_read_passphrase (&new_options, TRUE, error);
}

int
cli_rekey (CliOptions *options,
           int         argc,
           char      **argv)
{
  g_autofree char *new_file = NULL;
  const GOptionEntry entries[] = {
    { "new-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("Read the new passphrase from the first line of FILE (else GAWAH_NEW_PASSPHRASE, else the terminal)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("Change a casebook's passphrase. Backups keep the passphrase they were made with."), options);
  g_autoptr(Passphrase) current = NULL;
  g_autoptr(Passphrase) new_passphrase = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if ((current = cli_read_passphrase (options, FALSE, &error)) == NULL ||
      (casebook = gawah_casebook_open (argv[1], current, &error)) == NULL ||
      (new_passphrase = read_new_passphrase (new_file, &error)) == NULL ||
      !gawah_casebook_change_passphrase (casebook, current, new_passphrase, &error))
    return cli_report_error (error);
  g_print (_("The passphrase of %s was changed\n"), argv[1]);
  return EXIT_OK;
}
