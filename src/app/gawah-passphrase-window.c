/* gawah-passphrase-window.c: changing the open casebook's passphrase
 *
 * The current passphrase is asked for again, so that someone at an
 * unlocked machine cannot lock its owner out. Every entry is emptied as
 * soon as it has been read, and the copies are wiped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-error.h"
#include "gawah-passphrase.h"
#include "gawah-passphrase-window.h"
#include "gawah-security.h"
#include "gawah-widget-util.h"

struct _GawahPassphraseWindow
{
  GtkWindow            parent_instance;

  /* template widgets */
  AdwPasswordEntryRow *current_row;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel            *strength_label;
  GtkLabel            *error_label;

  /* borrowed: NULL once the casebook is locked */
  GawahCasebook       *casebook;
};

G_DEFINE_FINAL_TYPE (GawahPassphraseWindow, gawah_passphrase_window, GTK_TYPE_WINDOW)

/* A copy of the entry's text; the entry itself is emptied. */
static char *
take_text (AdwPasswordEntryRow *row)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  return text;
}

static void
on_new_changed_cb (GawahPassphraseWindow *self)
{
  GawahStrength strength = gawah_passphrase_strength (gtk_editable_get_text (GTK_EDITABLE (self->new_row)));

  gtk_label_set_text (self->strength_label, gawah_passphrase_strength_label (strength));
}

static gboolean
show_error (GawahPassphraseWindow *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  return FALSE;
}

gboolean
gawah_passphrase_window_change (GawahPassphraseWindow *self)
{
  g_autoptr(GawahSecret) current = take_text (self->current_row);
  g_autoptr(GawahSecret) new_passphrase = take_text (self->new_row);
  g_autoptr(GawahSecret) confirmation = take_text (self->confirm_row);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GAWAH_IS_PASSPHRASE_WINDOW (self), FALSE);

  if (self->casebook == NULL)
    return show_error (self, _("The casebook is locked"));
  if (g_strcmp0 (new_passphrase, confirmation) != 0)
    return show_error (self, _("The two new passphrases differ"));
  if (gawah_passphrase_strength (new_passphrase) < GAWAH_STRENGTH_FAIR)
    return show_error (self, _("The new passphrase is too easy to guess: choose several words"));
  if (!gawah_casebook_change_passphrase (self->casebook, current, new_passphrase, &error))
    return show_error (self, error->message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_change_cb (GawahPassphraseWindow *self)
{
  gawah_passphrase_window_change (self);
}

GtkWidget *
gawah_passphrase_window_new (GtkWindow     *parent,
                             GawahCasebook *casebook)
{
  GawahPassphraseWindow *self = g_object_new (GAWAH_TYPE_PASSPHRASE_WINDOW, "transient-for", parent, NULL);

  g_set_weak_pointer (&self->casebook, casebook);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  return GTK_WIDGET (self);
}

static void
gawah_passphrase_window_dispose (GObject *object)
{
  GawahPassphraseWindow *self = GAWAH_PASSPHRASE_WINDOW (object);

  g_clear_weak_pointer (&self->casebook);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_PASSPHRASE_WINDOW);
  G_OBJECT_CLASS (gawah_passphrase_window_parent_class)->dispose (object);
}

static void
gawah_passphrase_window_class_init (GawahPassphraseWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_passphrase_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-passphrase-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahPassphraseWindow, current_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPassphraseWindow, new_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPassphraseWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPassphraseWindow, strength_label);
  gtk_widget_class_bind_template_child (widget_class, GawahPassphraseWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_new_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gawah_passphrase_window_init (GawahPassphraseWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
