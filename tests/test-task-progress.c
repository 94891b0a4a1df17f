/* test-task-progress.c: the progress widget fed from a worker thread
 *
 * A thread reports many times while the main loop is not running; once the
 * main loop comes round the widget shows the latest figures. Cancel,
 * failure and success each end in their state and their words. Runs in
 * English and Urdu; leaves task-progress.png in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-task-progress.h"
#include "gawah-test-ui.h"

#define N_STEPS 20000

typedef struct {
  GtkWidget         *window;
  GawahTaskProgress *progress;
} ProgressFixture;

static void
progress_fixture_set_up (ProgressFixture *fixture,
                         gconstpointer    data)
{
  fixture->window = adw_window_new ();
  fixture->progress = GAWAH_TASK_PROGRESS (gawah_task_progress_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, -1);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->progress));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
progress_fixture_tear_down (ProgressFixture *fixture,
                            gconstpointer    data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_ui_iterate (20);
}

static gpointer
report_steps (gpointer user_data)
{
  for (guint64 i = 1; i <= N_STEPS; i++)
    gawah_task_progress_func (i, N_STEPS, user_data);
  return NULL;
}

/* The heading shows the outcome beside what was being done. */
static void
assert_title (ProgressFixture *fixture,
              char            *expected)
{
  g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (fixture->progress), expected));
  g_free (expected);
}

static void
test_from_thread (ProgressFixture *fixture,
                  gconstpointer    data)
{
  GThread *thread;
  g_autofree char *expected = g_strdup_printf (_("%s of %s"), "20000", "20000");

  gawah_task_progress_start (fixture->progress, _("Importing"));
  g_assert_cmpint (gawah_task_progress_get_state (fixture->progress), ==, GAWAH_TASK_STATE_RUNNING);
  thread = g_thread_new ("progress", report_steps, fixture->progress);
  g_thread_join (thread);
  g_assert_cmpuint (gawah_task_progress_get_done (fixture->progress), ==, 0);
  test_ui_iterate (50);
  g_assert_cmpuint (gawah_task_progress_get_done (fixture->progress), ==, N_STEPS);
  g_assert_cmpstr (gawah_task_progress_get_status (fixture->progress), ==, expected);
  test_ui_screenshot (fixture->window, "task-progress");

  gawah_task_progress_finish (fixture->progress, NULL, _("Done."));
  g_assert_cmpint (gawah_task_progress_get_state (fixture->progress), ==, GAWAH_TASK_STATE_DONE);
  assert_title (fixture, g_strdup_printf (_("%s — finished"), _("Importing")));
  /* Late figures after the end change nothing. */
  gawah_task_progress_func (3, 4, fixture->progress);
  test_ui_iterate (50);
  g_assert_cmpuint (gawah_task_progress_get_done (fixture->progress), ==, N_STEPS);
}

static void
on_finished_cb (GawahTaskProgress *progress,
                GawahTaskState     state,
                GawahTaskState    *seen)
{
  *seen = state;
}

static void
test_cancel (ProgressFixture *fixture,
             gconstpointer    data)
{
  GCancellable *cancellable = gawah_task_progress_start (fixture->progress, _("Importing"));
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  GawahTaskState seen = GAWAH_TASK_STATE_IDLE;
  g_autoptr(GString) shown = g_string_new (_("_Cancel"));
  GtkWidget *label;

  g_string_replace (shown, "_", "", 1);
  label = test_ui_find_by_label (GTK_WIDGET (fixture->progress), shown->str);
  g_signal_connect (fixture->progress, "finished", G_CALLBACK (on_finished_cb), &seen);
  g_assert_nonnull (label);
  g_assert_false (g_cancellable_is_cancelled (cancellable));
  g_signal_emit_by_name (gtk_widget_get_parent (label), "clicked");
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpstr (gawah_task_progress_get_status (fixture->progress), ==, _("Cancelling…"));
  gawah_task_progress_finish (fixture->progress, error, NULL);
  g_assert_cmpint (seen, ==, GAWAH_TASK_STATE_CANCELLED);
  g_assert_cmpstr (gawah_task_progress_get_status (fixture->progress), ==, _("Cancelled. Nothing was changed."));
  assert_title (fixture, g_strdup_printf (_("%s — cancelled"), _("Importing")));

  /* Started again: a fresh cancellable, not the cancelled one. */
  cancellable = gawah_task_progress_start (fixture->progress, _("Importing"));
  g_assert_false (g_cancellable_is_cancelled (cancellable));
}

static void
test_failure (ProgressFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GError) error = g_error_new_literal (G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "line 12: not a date");
  GawahTaskState seen = GAWAH_TASK_STATE_IDLE;

  g_signal_connect (fixture->progress, "finished", G_CALLBACK (on_finished_cb), &seen);
  gawah_task_progress_start (fixture->progress, _("Importing"));
  gawah_task_progress_update (fixture->progress, 0, 0);
  g_assert_cmpstr (gawah_task_progress_get_status (fixture->progress), ==, _("Starting…"));
  gawah_task_progress_finish (fixture->progress, error, NULL);
  g_assert_cmpint (seen, ==, GAWAH_TASK_STATE_FAILED);
  g_assert_cmpstr (gawah_task_progress_get_status (fixture->progress), ==, "line 12: not a date");
  g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (fixture->progress), "line 12: not a date"));
  /* The heading no longer reads as work in progress. */
  assert_title (fixture, g_strdup_printf (_("%s — stopped by an error"), _("Importing")));
  g_assert_null (test_ui_find_by_label (GTK_WIDGET (fixture->progress), _("Importing")));
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);
  g_test_add ("/task-progress/from-thread", ProgressFixture, NULL, progress_fixture_set_up,
              test_from_thread, progress_fixture_tear_down);
  g_test_add ("/task-progress/cancel", ProgressFixture, NULL, progress_fixture_set_up,
              test_cancel, progress_fixture_tear_down);
  g_test_add ("/task-progress/failure", ProgressFixture, NULL, progress_fixture_set_up,
              test_failure, progress_fixture_tear_down);
  return g_test_run ();
}
