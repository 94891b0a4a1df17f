/* gawah-preferences-window.c: auto-lock, backups, name and interface language
 *
 * A plain GtkWindow holding an AdwPreferencesPage: AdwPreferencesWindow is
 * deprecated in the libadwaita of the Flatpak runtime.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-preferences-window.h"

/* Indexed like the language combo row's items. */
static const char * const language_codes[] = { "system", "en", "ur" };

struct _GawahPreferencesWindow
{
  GtkWindow      parent_instance;

  /* template widgets */
  GtkSpinButton *auto_lock_spin;
  GtkSwitch     *backup_on_close_switch;
  GtkSpinButton *backup_interval_spin;
  GtkSpinButton *backup_keep_spin;
  AdwEntryRow   *actor_row;
  AdwComboRow   *language_row;

  /* owned */
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (GawahPreferencesWindow, gawah_preferences_window, GTK_TYPE_WINDOW)

static void
on_language_selected_cb (GawahPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected < G_N_ELEMENTS (language_codes))
    g_settings_set_string (self->settings, "interface-language", language_codes[selected]);
}

static void
show_language (GawahPreferencesWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "interface-language");

  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (language, language_codes[i]))
      adw_combo_row_set_selected (self->language_row, i);
}

GtkWidget *
gawah_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (GAWAH_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

static void
gawah_preferences_window_dispose (GObject *object)
{
  GawahPreferencesWindow *self = GAWAH_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (gawah_preferences_window_parent_class)->dispose (object);
}

static void
gawah_preferences_window_class_init (GawahPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, GawahPreferencesWindow, backup_on_close_switch);
  gtk_widget_class_bind_template_child (widget_class, GawahPreferencesWindow, backup_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, GawahPreferencesWindow, backup_keep_spin);
  gtk_widget_class_bind_template_child (widget_class, GawahPreferencesWindow, actor_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPreferencesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gawah_preferences_window_init (GawahPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "auto-lock-minutes", self->auto_lock_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-on-close", self->backup_on_close_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-interval-hours", self->backup_interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-keep", self->backup_keep_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "actor-name", self->actor_row, "text", G_SETTINGS_BIND_DEFAULT);
  show_language (self);
}
