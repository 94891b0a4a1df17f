/* gawah-unlock-page.c: the passphrase of an existing casebook
 *
 * Opening derives the key (deliberately slow), so it runs in a thread while
 * the page shows a spinner. Emits "unlocked" with the open casebook, or
 * "cancelled".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gawah-casebook.h"
#include "gawah-widget-util.h"
#include "gawah-error.h"
#include "gawah-security.h"
#include "gawah-unlock-page.h"

struct _GawahUnlockPage
{
  GtkWidget         parent_instance;

  /* template widgets */
  AdwStatusPage    *status_page;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel         *error_label;
  GtkLabel         *delay_label;
  GtkButton        *unlock_button;
  GtkSpinner       *spinner;

  /* owned */
  GFile            *file;
  GCancellable     *cancellable;
};

enum {
  SIGNAL_UNLOCKED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahUnlockPage, gawah_unlock_page, GTK_TYPE_WIDGET)

typedef struct {
  char  *path;
  char  *passphrase;
  guint  delay_ms;     /* after wrong passphrases, each try waits longer */
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_free (request->path);
  if (request->passphrase != NULL)
    explicit_bzero (request->passphrase, strlen (request->passphrase));
  g_free (request->passphrase);
  g_free (request);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  GawahCasebook *casebook;

  g_usleep ((gulong) request->delay_ms * 1000);
  casebook = gawah_casebook_open (request->path, request->passphrase, &error);

  if (casebook == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, casebook, g_object_unref);
}

static void
set_busy (GawahUnlockPage *self,
          gboolean         busy)
{
  /* Not insensitive: the entry keeps the keyboard focus through the wait. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

/* Guessing is slowed down, and the page says why it is waiting. */
static void
show_delay (GawahUnlockPage *self,
            guint            delay_ms)
{
  g_autofree char *text = NULL;
  guint seconds = (delay_ms + 999) / 1000;

  gtk_widget_set_visible (GTK_WIDGET (self->delay_label), delay_ms > 0);
  if (delay_ms == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "After a wrong passphrase Gawah waits %u second before trying again.",
                                       "After wrong passphrases Gawah waits %u seconds before trying again.",
                                       seconds),
                          seconds);
  gtk_label_set_text (self->delay_label, text);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GawahUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  show_delay (self, 0);
  if (g_error_matches (error, GAWAH_ERROR, GAWAH_ERROR_WRONG_PASSPHRASE))
    gawah_unlock_delay_record_failure (gawah_unlock_delay_get_default ());
  if (casebook == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gawah_unlock_delay_record_success (gawah_unlock_delay_get_default ());
  g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, casebook);
}

static void
on_unlock_cb (GawahUnlockPage *self)
{
  g_autoptr(GTask) task = NULL;
  OpenRequest *request;

  if (self->file == NULL || gtk_spinner_get_spinning (self->spinner))
    return;
  request = g_new0 (OpenRequest, 1);
  request->path = g_file_get_path (self->file);
  request->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)));
  request->delay_ms = gawah_unlock_delay_remaining_ms (gawah_unlock_delay_get_default ());
  /* The entry keeps no copy once the key is being derived. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");

  set_busy (self, TRUE);
  show_delay (self, request->delay_ms);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_entry), "error");
  task = g_task_new (NULL, self->cancellable, opened_cb, g_object_ref (self));
  g_task_set_source_tag (task, on_unlock_cb);
  g_task_set_task_data (task, request, (GDestroyNotify) open_request_free);
  g_task_run_in_thread (task, open_in_thread);
}

static void
on_back_cb (GawahUnlockPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

void
gawah_unlock_page_set_file (GawahUnlockPage *self,
                            GFile           *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GAWAH_IS_UNLOCK_PAGE (self));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  adw_status_page_set_description (self->status_page, name);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_entry), "error");
  set_busy (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
gawah_unlock_page_dispose (GObject *object)
{
  GawahUnlockPage *self = GAWAH_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_UNLOCK_PAGE);
  G_OBJECT_CLASS (gawah_unlock_page_parent_class)->dispose (object);
}

static void
gawah_unlock_page_class_init (GawahUnlockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_unlock_page_dispose;

  signals[SIGNAL_UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, GAWAH_TYPE_CASEBOOK);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, GawahUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GawahUnlockPage, delay_label);
  gtk_widget_class_bind_template_child (widget_class, GawahUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, GawahUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_cb);
}

static void
gawah_unlock_page_init (GawahUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
