/* gawah-new-casebook-page.c: a passphrase for a new casebook, entered twice
 *
 * The strength shown is advice; a casebook may not be created with an empty
 * passphrase or two entries that differ. Emits "created" with the casebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-casebook.h"
#include "gawah-widget-util.h"
#include "gawah-new-casebook-page.h"
#include "gawah-passphrase.h"

struct _GawahNewCasebookPage
{
  GtkWidget         parent_instance;

  /* template widgets */
  AdwStatusPage    *status_page;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *confirm_entry;
  GtkLevelBar      *strength_bar;
  GtkLabel         *strength_label;
  GtkLabel         *error_label;
  GtkButton        *create_button;

  /* owned */
  GFile            *file;
};

enum {
  SIGNAL_CREATED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahNewCasebookPage, gawah_new_casebook_page, GTK_TYPE_WIDGET)

static void
on_passphrase_changed_cb (GawahNewCasebookPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));
  GawahStrength strength = gawah_passphrase_strength (passphrase);
  gboolean differ = *confirm != '\0' && !g_str_equal (passphrase, confirm);

  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_text (self->strength_label, gawah_passphrase_strength_label (strength));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), differ);
  gtk_label_set_text (self->error_label, _("The two passphrases differ"));
  if (differ)
    gtk_widget_add_css_class (GTK_WIDGET (self->confirm_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->confirm_entry), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            strength >= GAWAH_STRENGTH_WEAK && g_str_equal (passphrase, confirm));
}

static void
clear_entries (GawahNewCasebookPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
}

static void
on_create_cb (GawahNewCasebookPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;
  casebook = gawah_casebook_create (path, passphrase, &error);
  clear_entries (self);
  if (casebook == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, casebook);
}

static void
on_back_cb (GawahNewCasebookPage *self)
{
  clear_entries (self);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

void
gawah_new_casebook_page_set_file (GawahNewCasebookPage *self,
                                  GFile                *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GAWAH_IS_NEW_CASEBOOK_PAGE (self));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  adw_status_page_set_description (self->status_page, name);
  clear_entries (self);
  on_passphrase_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
gawah_new_casebook_page_dispose (GObject *object)
{
  GawahNewCasebookPage *self = GAWAH_NEW_CASEBOOK_PAGE (object);

  g_clear_object (&self->file);
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_NEW_CASEBOOK_PAGE);
  G_OBJECT_CLASS (gawah_new_casebook_page_parent_class)->dispose (object);
}

static void
gawah_new_casebook_page_class_init (GawahNewCasebookPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_new_casebook_page_dispose;

  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, GAWAH_TYPE_CASEBOOK);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-new-casebook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GawahNewCasebookPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_cb);
}

static void
gawah_new_casebook_page_init (GawahNewCasebookPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
