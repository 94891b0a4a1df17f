/* gawah-backups-window.c: the casebook's integrity, its backups, restoring one
 *
 * Checking runs SQLite's checks, both search indexes and the audit chain.
 * Restoring locks the casebook first (this window lets go of it, then asks
 * the main window to lock), because the file is replaced underneath it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-audit.h"
#include "gawah-backup.h"
#include "gawah-backup-schedule.h"
#include "gawah-backups-window.h"
#include "gawah-history-view.h"
#include "gawah-security.h"
#include "gawah-widget-util.h"

struct _GawahBackupsWindow
{
  GtkWindow             parent_instance;

  /* template widgets */
  AdwActionRow         *integrity_row;
  GtkButton            *check_button;
  AdwPreferencesGroup  *backups_group;
  GtkButton            *backup_button;
  AdwPreferencesGroup  *restore_group;
  AdwPasswordEntryRow  *restore_passphrase_row;
  GtkLabel             *restore_error_label;

  /* borrowed: NULL once the casebook is locked */
  GawahCasebook        *casebook;

  /* owned */
  GSettings            *settings;
  char                 *casebook_path;
  char                 *folder;
  char                 *chosen_backup;
  GPtrArray            *rows;           /* the backups' rows, to remove them */
};

G_DEFINE_FINAL_TYPE (GawahBackupsWindow, gawah_backups_window, GTK_TYPE_WINDOW)

static char *
describe_audit (const GawahAuditVerdict *verdict)
{
  if (verdict->problem != NULL)
    return gawah_history_describe_problem (verdict);
  /* Translators: the last entry's number and the start of its hash, to
   * write down and compare later. */
  return g_strdup_printf (_("No problems found. History: %lld entries, unbroken; last entry %lld (%.12s)."),
                          (long long) verdict->n_entries, (long long) verdict->head_id, verdict->head_hash);
}

void
gawah_backups_window_check (GawahBackupsWindow *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GawahAuditVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (GAWAH_IS_BACKUPS_WINDOW (self));

  if (self->casebook == NULL)
    return;
  if (!gawah_casebook_check_integrity (self->casebook, &problems, &error) ||
      !gawah_casebook_verify_audit (self->casebook, &verdict, &error))
    text = g_strdup_printf (_("The casebook could not be checked: %s"), error->message);
  else if (problems->len > 0)
    text = g_strdup_printf (_("Problems found: %s"), (const char *) g_ptr_array_index (problems, 0));
  else
    text = describe_audit (verdict);
  adw_action_row_set_subtitle (self->integrity_row, text);
}

static void
on_check_cb (GawahBackupsWindow *self)
{
  gawah_backups_window_check (self);
}

static void
on_restore_chosen_cb (GtkButton          *button,
                      GawahBackupsWindow *self)
{
  g_free (self->chosen_backup);
  self->chosen_backup = g_strdup (g_object_get_data (G_OBJECT (button), "backup-path"));
  gtk_widget_set_visible (GTK_WIDGET (self->restore_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->restore_passphrase_row));
}

static GtkWidget *
backup_row (GawahBackupsWindow *self,
            GawahBackupInfo    *info)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (info->made_at);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_autofree char *name = g_path_get_basename (info->path);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, self->casebook != NULL);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_chosen_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_backups (GawahBackupsWindow *self)
{
  g_autoptr(GPtrArray) backups = gawah_backup_list (self->folder, self->casebook_path, NULL);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      GtkWidget *row = backup_row (self, g_ptr_array_index (backups, i));

      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->rows, row);
    }
  /* Translators: %s is a folder. */
  description = g_strdup_printf (_("Encrypted with the casebook’s passphrase, newest first, in %s"), self->folder);
  adw_preferences_group_set_description (self->backups_group, description);
}

static void
on_backup_cb (GawahBackupsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->casebook == NULL)
    return;
  if ((path = gawah_casebook_backup (self->casebook, self->folder, &error)) == NULL ||
      !gawah_backup_prune (self->folder, self->casebook_path, g_settings_get_uint (self->settings, "backup-keep"),
                           &error))
    {
      g_autofree char *text = g_strdup_printf (_("No backup was made: %s"), error->message);

      adw_preferences_group_set_description (self->backups_group, text);
      return;
    }
  show_backups (self);
}

static void
on_restore_cancelled_cb (GawahBackupsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->restore_passphrase_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->restore_group), FALSE);
  g_clear_pointer (&self->chosen_backup, g_free);
}

/* Locks the casebook, so that nothing holds the file; this window stays
 * open through the lock to restore. */
static void
lock_casebook (GawahBackupsWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, NULL);
  g_clear_weak_pointer (&self->casebook);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.lock", NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), FALSE);
}

static void
on_restore_cb (GawahBackupsWindow *self)
{
  g_autoptr(GawahSecret) passphrase = NULL;
  g_autoptr(GError) error = NULL;

  if (self->chosen_backup == NULL)
    return;
  passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->restore_passphrase_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->restore_passphrase_row), "");
  lock_casebook (self);
  gawah_backup_restore (self->chosen_backup, self->casebook_path, passphrase, self->folder, NULL, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->restore_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->restore_error_label), TRUE);
      show_backups (self);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

guint
gawah_backups_window_get_n_backups (GawahBackupsWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_BACKUPS_WINDOW (self), 0);
  return self->rows->len;
}

const char *
gawah_backups_window_get_result (GawahBackupsWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_BACKUPS_WINDOW (self), NULL);
  return adw_action_row_get_subtitle (self->integrity_row);
}

GtkWidget *
gawah_backups_window_new (GtkWindow     *parent,
                          GawahCasebook *casebook)
{
  GawahBackupsWindow *self = g_object_new (GAWAH_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), NULL);

  g_set_weak_pointer (&self->casebook, casebook);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  self->casebook_path = g_strdup (gawah_casebook_get_path (casebook));
  show_backups (self);
  return GTK_WIDGET (self);
}

static void
gawah_backups_window_dispose (GObject *object)
{
  GawahBackupsWindow *self = GAWAH_BACKUPS_WINDOW (object);

  g_clear_weak_pointer (&self->casebook);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_BACKUPS_WINDOW);
  G_OBJECT_CLASS (gawah_backups_window_parent_class)->dispose (object);
}

static void
gawah_backups_window_finalize (GObject *object)
{
  GawahBackupsWindow *self = GAWAH_BACKUPS_WINDOW (object);

  g_free (self->casebook_path);
  g_free (self->folder);
  g_free (self->chosen_backup);
  G_OBJECT_CLASS (gawah_backups_window_parent_class)->finalize (object);
}

static void
gawah_backups_window_class_init (GawahBackupsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_backups_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = gawah_backups_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, integrity_row);
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, backup_button);
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, restore_group);
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, restore_passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, GawahBackupsWindow, restore_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_check_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_cancelled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gawah_backups_window_init (GawahBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->folder = gawah_backup_schedule_folder (self->settings);
  self->rows = g_ptr_array_new ();
}
