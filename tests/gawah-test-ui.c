/* gawah-test-ui.c
 *
 * gtk_test_init() would force the C locale, which turns Urdu and right to
 * left off: these tests use the real locale machinery instead, so that the
 * same test runs in English and, with LANGUAGE=ur, in Urdu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "gawah-language.h"
#include "gawah-task-progress.h"
#include "gawah-test-ui.h"

void
test_ui_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAWAH_LOCALEDIR") != NULL ? g_getenv ("GAWAH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  /* Screenshots of pages, not of the animations between them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (gawah_language_current () == GAWAH_LANGUAGE_URDU)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
}

static gboolean
stop_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
test_ui_iterate (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, stop_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
test_ui_wait_until (TestUiCondition condition,
                    gpointer        user_data,
                    guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      test_ui_iterate (20);
    }
  return TRUE;
}

static gboolean
has_size (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
flag_is_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

/* Until the widget has been laid out and one whole frame painted. */
static void
wait_until_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_true (test_ui_wait_until (has_size, widget, 20000));
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (test_ui_wait_until (flag_is_set, &painted, 20000));
  g_signal_handler_disconnect (clock, handler);
}

/* The cairo renderer (GSK_RENDERER=cairo) gives the same pixels every run. */
void
test_ui_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("GAWAH_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  wait_until_drawn (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        test_ui_iterate (50);
    }
  if (node == NULL)
    g_error ("Screenshot “%s”: the widget drew nothing", name);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file_name = g_strdup_printf ("%s%s.png", name, gawah_language_current () == GAWAH_LANGUAGE_URDU ? "-ur" : "");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

GtkWidget *
test_ui_find_by_type (GtkWidget *root,
                      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_ui_find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
test_ui_find_by_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_is_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_ui_find_by_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
test_ui_find_action_button (GtkWidget  *root,
                            const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_ui_find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* gtk_shortcut_action_to_string() says "action(casebook.find)" for a named
 * action: keep the name only. */
static char *
shortcut_action_name (GtkShortcut *shortcut)
{
  g_autofree char *named = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

  if (g_str_has_prefix (named, "action(") && g_str_has_suffix (named, ")"))
    return g_strndup (named + strlen ("action("), strlen (named) - strlen ("action()"));
  return g_steal_pointer (&named);
}

char *
test_ui_normalised_accelerator (const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType modifiers = 0;

  /* Mnemonic and alternative triggers ("<Alt>s|F10") are kept as they are. */
  if (!gtk_accelerator_parse (accelerator, &keyval, &modifiers))
    return g_strdup (accelerator);
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), modifiers);
}

GPtrArray *
test_ui_list_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *shortcuts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = shortcut_action_name (shortcut);

          g_autofree char *accelerator = test_ui_normalised_accelerator (trigger);

          g_ptr_array_add (shortcuts, g_strdup_printf ("%s %s", accelerator, action));
        }
    }
  return shortcuts;
}

gboolean
test_ui_has_shortcut (GtkWidget  *widget,
                      const char *trigger,
                      const char *action)
{
  g_autoptr(GPtrArray) shortcuts = test_ui_list_shortcuts (widget);
  g_autofree char *accelerator = test_ui_normalised_accelerator (trigger);
  g_autofree char *wanted = g_strdup_printf ("%s %s", accelerator, action);

  return g_ptr_array_find_with_equal_func (shortcuts, wanted, g_str_equal, NULL);
}

struct _TestUiJob
{
  GtkWidget *progress;
  gint       may_end;
  gboolean   ended;
};

static gboolean
wait_for_release (gpointer            work_data,
                  GCancellable       *cancellable,
                  GawahProgressFunc   progress,
                  gpointer            progress_data,
                  GError            **error)
{
  TestUiJob *job = work_data;

  while (!g_atomic_int_get (&job->may_end))
    g_usleep (1000);
  return TRUE;
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TestUiJob *job = user_data;

  g_assert_true (gawah_task_progress_run_finish (GAWAH_TASK_PROGRESS (source), result, NULL));
  job->ended = TRUE;
}

TestUiJob *
test_ui_hold_busy (GObject *busy)
{
  TestUiJob *job = g_new0 (TestUiJob, 1);

  job->progress = g_object_ref_sink (gawah_task_progress_new ());
  gawah_task_progress_run (GAWAH_TASK_PROGRESS (job->progress), "Importing", busy,
                           wait_for_release, job, NULL, on_job_done_cb, job);
  g_assert_true (gawah_task_progress_is_busy (busy));
  return job;
}

static gboolean
job_has_ended (gpointer job)
{
  return ((TestUiJob *) job)->ended;
}

void
test_ui_release_busy (TestUiJob *job)
{
  g_atomic_int_set (&job->may_end, TRUE);
  g_assert_true (test_ui_wait_until (job_has_ended, job, 5000));
  g_object_unref (job->progress);
  g_free (job);
}
