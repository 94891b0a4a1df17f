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
 * "finished" is emitted when gawah_task_progress_finish() is called, with
 * the final state (done, cancelled or failed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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

GawahTaskState  gawah_task_progress_get_state       (GawahTaskProgress *self);
/* The words shown under the bar: "12 of 40", or what happened at the end. */
const char     *gawah_task_progress_get_status      (GawahTaskProgress *self);
guint64         gawah_task_progress_get_done        (GawahTaskProgress *self);

G_END_DECLS
