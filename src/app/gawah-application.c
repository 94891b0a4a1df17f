/* gawah-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-application.h"
#include "gawah-language.h"
#include "gawah-preferences-window.h"
#include "gawah-renderer.h"
#include "gawah-window.h"

struct _GawahApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (GawahApplication, gawah_application, ADW_TYPE_APPLICATION)

GawahApplication *
gawah_application_new (void)
{
  return g_object_new (GAWAH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* "interface-language" is read before GTK starts; LANGUAGE given by the
 * user (LANGUAGE=ur gawah) wins over the preference "system". */
void
gawah_application_apply_language_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return;
  settings = g_settings_new (APP_ID);
  language = g_settings_get_string (settings, "interface-language");
  if (g_strcmp0 (language, "system") != 0)
    g_setenv ("LANGUAGE", language, TRUE);
}

GSettings *
gawah_application_get_settings (GawahApplication *self)
{
  g_return_val_if_fail (GAWAH_IS_APPLICATION (self), NULL);
  return self->settings;
}

static GtkWindow *
get_or_create_window (GawahApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (gawah_window_new (self));
  return window;
}

static void
gawah_application_activate (GApplication *app)
{
  gtk_window_present (get_or_create_window (GAWAH_APPLICATION (app)));
}

static void
gawah_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GtkWindow *window = get_or_create_window (GAWAH_APPLICATION (app));

  if (n_files > 0)
    gawah_window_ask_to_unlock (GAWAH_WINDOW (window), files[0]);
  gtk_window_present (window);
}

/* Urdu reads right to left: mirror the whole interface. GTK would decide this
 * from its own Urdu catalogue, which the Flatpak runtime may not carry. */
static void
apply_text_direction (void)
{
  if (gawah_language_current () == GAWAH_LANGUAGE_URDU)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  else
    gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window locks its casebook first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Gawah contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Gawah"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Gawah contributors"),
                         "developers", developers,
                         /* Translators: credit yourself here, one name a line. */
                         "translator-credits", _("translator-credits"),
                         "comments", _("An encrypted casebook for documenting attacks on human rights defenders"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (gawah_preferences_window_new (gtk_application_get_active_window (app))));
}

static void
gawah_application_startup (GApplication *app)
{
  GawahApplication *self = GAWAH_APPLICATION (app);
  const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "preferences", preferences_activated },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (gawah_application_parent_class)->startup (app);
  gawah_renderer_prefer_cairo_without_gpu (gdk_display_get_default ());

  self->settings = g_settings_new (APP_ID);
  apply_text_direction ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
gawah_application_dispose (GObject *object)
{
  GawahApplication *self = GAWAH_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gawah_application_parent_class)->dispose (object);
}

static void
gawah_application_class_init (GawahApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_application_dispose;
  app_class->activate = gawah_application_activate;
  app_class->open = gawah_application_open;
  app_class->startup = gawah_application_startup;
}

static void
gawah_application_init (GawahApplication *self)
{
}
