/* gawah-window.c: one casebook at a time, from welcome to unlocked
 *
 * The window is a stack of pages: welcome (no casebook), new passphrase,
 * unlock, and the casebook itself. Locking drops the casebook (closing the
 * database) and the casebook page with everything it showed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-audit.h"
#include "gawah-backup-schedule.h"
#include "gawah-casebook-page.h"
#include "gawah-incident-editor.h"
#include "gawah-new-casebook-page.h"
#include "gawah-unlock-page.h"
#include "gawah-welcome-page.h"
#include "gawah-widget-util.h"
#include "gawah-task-progress.h"
#include "gawah-window.h"

#define IDLE_CHECK_SECONDS 30

struct _GawahWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkStack             *stack;
  GawahWelcomePage     *welcome_page;
  GawahUnlockPage      *unlock_page;
  GawahNewCasebookPage *new_casebook_page;
  AdwToastOverlay      *toast_overlay;

  /* owned */
  GawahCasebook        *casebook;
  GSettings            *settings;
  gint64                last_activity;
  guint                 idle_check_id;
};

G_DEFINE_FINAL_TYPE (GawahWindow, gawah_window, ADW_TYPE_APPLICATION_WINDOW)

GawahWindow *
gawah_window_new (GawahApplication *application)
{
  return g_object_new (GAWAH_TYPE_WINDOW, "application", application, NULL);
}

GawahCasebook *
gawah_window_get_casebook (GawahWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_WINDOW (self), NULL);
  return self->casebook;
}

static void
remember_recent (GawahWindow *self,
                 const char  *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-casebooks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 0;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && kept < 9; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      kept++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-casebooks", (const char * const *) updated);
}

static void
remove_casebook_page (GawahWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "casebook");

  if (page != NULL)
    gtk_stack_remove (self->stack, page);
}

/* Backups run on the main thread, between two interactions: the casebook's
 * connection is not shared with a thread. A failure is shown, not fatal. */
static void
back_up (GawahWindow *self,
         gboolean     closing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = gawah_backup_schedule_actor (self->settings);

  gawah_casebook_set_actor (self->casebook, actor);
  if (!gawah_backup_schedule_run (self->casebook, self->settings, closing, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("No backup was made: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

void
gawah_window_show_casebook (GawahWindow   *self,
                            GawahCasebook *casebook)
{
  g_autofree char *name = NULL;
  GtkWidget *page;

  g_return_if_fail (GAWAH_IS_WINDOW (self));

  remove_casebook_page (self);
  g_set_object (&self->casebook, casebook);
  remember_recent (self, gawah_casebook_get_path (casebook));
  back_up (self, FALSE);

  name = g_path_get_basename (gawah_casebook_get_path (casebook));
  gtk_window_set_title (GTK_WINDOW (self), name);
  page = GTK_WIDGET (gawah_casebook_page_new (casebook));
  gtk_stack_add_named (self->stack, page, "casebook");
  gtk_stack_set_visible_child (self->stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", TRUE);
  self->last_activity = g_get_monotonic_time ();
}

void
gawah_window_ask_to_unlock (GawahWindow *self,
                            GFile       *file)
{
  g_return_if_fail (GAWAH_IS_WINDOW (self));

  gawah_unlock_page_set_file (self->unlock_page, file);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->unlock_page));
}

/* Editors are windows of their own: they go first, saving what they hold,
 * so that nothing of the casebook stays on screen or keeps it open. */
static void
close_editors (GawahWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      gboolean shows_casebook = GAWAH_IS_INCIDENT_EDITOR (window) ||
                                g_object_get_data (G_OBJECT (window), GAWAH_SHOWS_CASEBOOK) != NULL;

      if (shows_casebook && gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        gtk_window_destroy (window);
    }
}

/* Closes the database and forgets everything shown; asks for the
 * passphrase again. */
void
gawah_window_lock (GawahWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (GAWAH_IS_WINDOW (self));

  if (self->casebook == NULL)
    return;
  close_editors (self);
  back_up (self, TRUE);
  file = g_file_new_for_path (gawah_casebook_get_path (self->casebook));
  remove_casebook_page (self);
  g_clear_object (&self->casebook);
  gtk_window_set_title (GTK_WINDOW (self), _("Gawah"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", FALSE);
  gawah_window_ask_to_unlock (self, file);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gawah_window_lock (GAWAH_WINDOW (widget));
}

static void
on_unlocked_cb (GawahWindow   *self,
                GawahCasebook *casebook)
{
  gawah_window_show_casebook (self, casebook);
}

static void
on_unlock_cancelled_cb (GawahWindow *self)
{
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->welcome_page));
}

static void
on_open_requested_cb (GawahWindow *self,
                      GFile       *file)
{
  gawah_window_ask_to_unlock (self, file);
}

static void
on_create_requested_cb (GawahWindow *self,
                        GFile       *file)
{
  gawah_new_casebook_page_set_file (self->new_casebook_page, file);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->new_casebook_page));
}

/* Any key or pointer activity postpones the automatic lock. */
static void
note_activity (GawahWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
check_idle_cb (gpointer user_data)
{
  GawahWindow *self = user_data;
  guint minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");
  gint64 idle = g_get_monotonic_time () - self->last_activity;

  /* An import or export has the connection: neither back up nor lock
   * under it; the next check will. */
  if (self->casebook != NULL && gawah_task_progress_is_busy (G_OBJECT (self->casebook)))
    return G_SOURCE_CONTINUE;
  if (self->casebook != NULL && minutes > 0 && idle >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    gawah_window_lock (self);
  else if (self->casebook != NULL)
    back_up (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
watch_activity (GawahWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (note_activity), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (note_activity), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (note_activity), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  self->idle_check_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, check_idle_cb, self);
}

static gboolean
gawah_window_close_request (GtkWindow *window)
{
  GawahWindow *self = GAWAH_WINDOW (window);

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  gawah_window_lock (self);
  return GTK_WINDOW_CLASS (gawah_window_parent_class)->close_request (window);
}

static void
gawah_window_dispose (GObject *object)
{
  GawahWindow *self = GAWAH_WINDOW (object);

  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  g_clear_object (&self->casebook);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gawah_window_parent_class)->dispose (object);
}

static void
gawah_window_class_init (GawahWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_window_close_request;

  g_type_ensure (GAWAH_TYPE_WELCOME_PAGE);
  g_type_ensure (GAWAH_TYPE_UNLOCK_PAGE);
  g_type_ensure (GAWAH_TYPE_NEW_CASEBOOK_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GawahWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, GawahWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, GawahWindow, new_casebook_page);
  gtk_widget_class_bind_template_child (widget_class, GawahWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_unlocked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_requested_cb);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
}

static void
gawah_window_init (GawahWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", FALSE);
  watch_activity (self);
}
