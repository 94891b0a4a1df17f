/* gawah-task-progress.h: long work in progress, with a Cancel button
 *
 * Shows a title, a progress bar (its fraction when the total is known, a
 * pulse when it is not), "N of M", a Cancel button, and at the end what
 * happened, in words. How a dialog uses it:
 *
 *   GCancellable *cancellable = gawah_task_progress_start (progress, _("Importing"));
 *   task = g_task_new (self, cancellable, on_done_cb, NULL);
 *   ... in the worker thread:
 *   gawah_casebook_import_esf (..., cancellable, gawah_task_progress_func, progress, &error);
 *   ... back in the main thread (on_done_cb):
 *   gawah_task_progress_finish (progress, error, _("Imported."));
 *
 * Hold a reference on the widget for as long as the worker may call
 * gawah_task_progress_func() (g_task_set_task_data (task, g_object_ref
 * (progress), g_object_unref) does it).
 *
 * gawah_task_progress_func() is the one function that may be called from any
 * thread: it only records the figures and wakes the main loop once (however
 * often it is called before the main loop comes round), which then updates
 * the widget. Everything else is for the main thread.
 *
 * Or let the widget run the work: gawah_task_progress_run() starts it, runs
 * @work in a GTask thread with the widget's cancellable and progress
 * function, and calls @callback in the main thread, where
 * gawah_task_progress_run_finish() gives the outcome (then call
 * gawah_task_progress_finish() with the words to show):
 *
 *   static gboolean
 *   import_work (gpointer data, GCancellable *cancellable, GawahProgressFunc progress,
 *                gpointer progress_data, GError **error)
 *   { return gawah_casebook_import_esf_file (..., cancellable, progress, progress_data, error); }
 *
 *   gawah_task_progress_run (progress, _("Importing"), G_OBJECT (casebook),
 *                            import_work, job, job_free, on_imported_cb, self);
 *
 * The object passed as @busy (the casebook the work writes to) is marked busy
 * until the callback has run: gawah_task_progress_is_busy() tells the window
 * not to back up or lock it meanwhile, since its connection is in use by
 * the worker; the app's other windows are insensitive meanwhile, and the
 * editors keep their edits and the incident list its loading until it has
 * ended, so that nothing else writes through that connection (the list may
 * still read a row to draw it). The outcome is what the work returned, even if Cancel was
 * pressed after the work had committed.
 *
 * "finished" is emitted when gawah_task_progress_finish() is called, with
 * the final state (done, cancelled or failed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-progress.h"

G_BEGIN_DECLS

typedef enum {
  GAWAH_TASK_STATE_IDLE,
  GAWAH_TASK_STATE_RUNNING,
  GAWAH_TASK_STATE_DONE,
  GAWAH_TASK_STATE_CANCELLED,
  GAWAH_TASK_STATE_FAILED,
} GawahTaskState;

#define GAWAH_TYPE_TASK_STATE (gawah_task_state_get_type ())
GType gawah_task_state_get_type (void);

#define GAWAH_TYPE_TASK_PROGRESS (gawah_task_progress_get_type ())

G_DECLARE_FINAL_TYPE (GawahTaskProgress, gawah_task_progress, GAWAH, TASK_PROGRESS, GtkWidget)

GtkWidget      *gawah_task_progress_new             (void);

/* Resets the widget, shows @title and returns a fresh cancellable (owned by
 * the widget) that its Cancel button cancels. */
GCancellable   *gawah_task_progress_start           (GawahTaskProgress *self,
                                                     const char        *title);
GCancellable   *gawah_task_progress_get_cancellable (GawahTaskProgress *self);
void            gawah_task_progress_set_title       (GawahTaskProgress *self,
                                                     const char        *title);

/* Main thread only. @total is 0 when not known (the bar pulses). */
void            gawah_task_progress_update          (GawahTaskProgress *self,
                                                     guint64            done,
                                                     guint64            total);

/* A GawahProgressFunc: any thread; @user_data is the GawahTaskProgress. */
void            gawah_task_progress_func            (guint64            done,
                                                     guint64            total,
                                                     gpointer           user_data);

/* Ends the work. @error NULL: done, @done_text shown (may be NULL);
 * G_IO_ERROR_CANCELLED: cancelled, "nothing was changed"; otherwise failed,
 * the error's message shown. Emits "finished". */
void            gawah_task_progress_finish          (GawahTaskProgress *self,
                                                     const GError      *error,
                                                     const char        *done_text);

/* Presses Cancel, as the user would. */
void            gawah_task_progress_cancel          (GawahTaskProgress *self);
/* For a window's close-request: while work runs, cancels it and returns
 * TRUE (keep the window: it shows the work ending); otherwise FALSE. */
gboolean        gawah_task_progress_cancel_if_running (GawahTaskProgress *self);

/* Runs in the worker thread: the work, given the widget's cancellable and
 * progress function. */
typedef gboolean (*GawahTaskWork) (gpointer            work_data,
                                   GCancellable       *cancellable,
                                   GawahProgressFunc   progress,
                                   gpointer            progress_data,
                                   GError            **error);

void            gawah_task_progress_run             (GawahTaskProgress  *self,
                                                     const char         *title,
                                                     GObject            *busy,
                                                     GawahTaskWork       work,
                                                     gpointer            work_data,
                                                     GDestroyNotify      work_data_free,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
gboolean        gawah_task_progress_run_finish      (GawahTaskProgress  *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);
/* The @work_data given to gawah_task_progress_run(), in its callback: what
 * the work left there (counts, a report) is safe to read now. */
gpointer        gawah_task_progress_run_get_work_data (GAsyncResult     *result);
/* Whether long work is using @object (a casebook) right now. */
gboolean        gawah_task_progress_is_busy         (GObject            *object);

GawahTaskState  gawah_task_progress_get_state       (GawahTaskProgress *self);
/* The words shown under the bar: "12 of 40", or what happened at the end. */
const char     *gawah_task_progress_get_status      (GawahTaskProgress *self);
guint64         gawah_task_progress_get_done        (GawahTaskProgress *self);

G_END_DECLS
