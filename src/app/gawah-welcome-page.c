/* gawah-welcome-page.c: create a casebook, open one, or open the sample
 *
 * Recent casebooks are remembered by path only, never with a passphrase.
 * Emits "create-requested" and "open-requested" with a file, and
 * "sample-opened" with the open sample casebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-casebook-import.h"
#include "gawah-widget-util.h"
#include "gawah-welcome-page.h"

/* The sample holds only public cases, so its passphrase is no secret. */
#define SAMPLE_PASSPHRASE "sample"

struct _GawahWelcomePage
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkListBox *recent_list;
  GtkWidget  *recent_group;
  GtkLabel   *error_label;

  /* owned */
  GSettings  *settings;
};

enum {
  SIGNAL_CREATE_REQUESTED,
  SIGNAL_OPEN_REQUESTED,
  SIGNAL_SAMPLE_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahWelcomePage, gawah_welcome_page, GTK_TYPE_WIDGET)

char *
gawah_welcome_page_dup_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gawah", "sample.gawah", NULL);
}

static GtkFileChooserNative *
file_chooser_new (GawahWelcomePage     *self,
                  const char           *title,
                  GtkFileChooserAction  action,
                  const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               action, accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Gawah casebooks"));
  gtk_file_filter_add_pattern (filter, "*.gawah");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GawahWelcomePage *self = user_data;
  guint signal = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "gawah-signal"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    g_signal_emit (self, signals[signal], 0, file);
}

static void
run_chooser (GawahWelcomePage     *self,
             GtkFileChooserNative *chooser,
             guint                 signal)
{
  g_object_set_data (G_OBJECT (chooser), "gawah-signal", GUINT_TO_POINTER (signal));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GawahWelcomePage *self = GAWAH_WELCOME_PAGE (widget);
  GtkFileChooserNative *chooser = file_chooser_new (self, _("New Casebook"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("casebook.gawah"));
  run_chooser (self, chooser, SIGNAL_CREATE_REQUESTED);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GawahWelcomePage *self = GAWAH_WELCOME_PAGE (widget);

  run_chooser (self, file_chooser_new (self, _("Open Casebook"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open")),
               SIGNAL_OPEN_REQUESTED);
}

/* The sample is made once from the bundled document, then reopened. */
static GawahCasebook *
open_or_make_sample (GError **error)
{
  g_autofree char *path = gawah_welcome_page_dup_sample_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return gawah_casebook_open (path, SAMPLE_PASSPHRASE, error);

  g_mkdir_with_parents (dir, 0700);
  document = g_resources_lookup_data (RESOURCE_PREFIX "/samples/sample-casebook.xml", 0, error);
  if (document == NULL || (casebook = gawah_casebook_create (path, SAMPLE_PASSPHRASE, error)) == NULL)
    return NULL;
  if (!gawah_casebook_import_document (casebook, document, "sample-casebook.xml", NULL, error))
    return NULL;
  return g_steal_pointer (&casebook);
}

static void
sample_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GawahWelcomePage *self = GAWAH_WELCOME_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = open_or_make_sample (&error);

  if (casebook == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAMPLE_OPENED], 0, casebook);
}

static GtkWidget *
recent_row_new (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "gawah-path", g_strdup (path), g_free);
  return row;
}

static void
fill_recent (GawahWelcomePage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-casebooks");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;
      gtk_list_box_append (self->recent_list, recent_row_new (recent[i]));
      shown++;
    }
  gtk_widget_set_visible (self->recent_group, shown > 0);
}

static void
on_recent_activated_cb (GawahWelcomePage *self,
                        GtkListBoxRow    *row)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_object_get_data (G_OBJECT (row), "gawah-path"));

  g_signal_emit (self, signals[SIGNAL_OPEN_REQUESTED], 0, file);
}

static void
gawah_welcome_page_dispose (GObject *object)
{
  GawahWelcomePage *self = GAWAH_WELCOME_PAGE (object);

  g_clear_object (&self->settings);
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (gawah_welcome_page_parent_class)->dispose (object);
}

static void
gawah_welcome_page_class_init (GawahWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_welcome_page_dispose;

  signals[SIGNAL_CREATE_REQUESTED] = g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 1, G_TYPE_FILE);
  signals[SIGNAL_OPEN_REQUESTED] = g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_FILE);
  signals[SIGNAL_SAMPLE_OPENED] = g_signal_new ("sample-opened", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, GAWAH_TYPE_CASEBOOK);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahWelcomePage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GawahWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, GawahWelcomePage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "welcome.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "welcome.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "welcome.sample", NULL, sample_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "welcome.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "welcome.open", NULL);
}

static void
gawah_welcome_page_init (GawahWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-casebooks", G_CALLBACK (fill_recent), self,
                           G_CONNECT_SWAPPED);
  fill_recent (self);
}
