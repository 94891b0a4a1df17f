/* gawah-task-progress.c: long work in progress, with a Cancel button
 *
 * The worker thread's progress goes through a small mailbox guarded by a
 * mutex: the latest figures, and whether the main loop has already been
 * woken for them. So a worker reporting every row wakes the main loop at
 * most once per iteration, and the widget shows only the latest figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-task-progress.h"
#include "gawah-widget-util.h"

#define PULSE_INTERVAL_MS 120

struct _GawahTaskProgress
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkLabel       *title_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
  GtkLabel       *status_label;

  /* main thread */
  GawahTaskState  state;
  GCancellable   *cancellable;
  guint64         done;
  guint64         total;
  guint           pulse_id;

  /* the mailbox, written by any thread */
  GMutex          mailbox_lock;
  guint64         mailbox_done;
  guint64         mailbox_total;
  gboolean        mailbox_woken;
};

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (GawahTaskState, gawah_task_state,
  G_DEFINE_ENUM_VALUE (GAWAH_TASK_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (GAWAH_TASK_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (GAWAH_TASK_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (GAWAH_TASK_STATE_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (GAWAH_TASK_STATE_FAILED, "failed"))

G_DEFINE_FINAL_TYPE (GawahTaskProgress, gawah_task_progress, GTK_TYPE_WIDGET)

GtkWidget *
gawah_task_progress_new (void)
{
  return g_object_new (GAWAH_TYPE_TASK_PROGRESS, NULL);
}

static gboolean
pulse_cb (gpointer user_data)
{
  GawahTaskProgress *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_pulsing (GawahTaskProgress *self,
             gboolean           pulsing)
{
  if (pulsing && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  else if (!pulsing)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
set_status (GawahTaskProgress *self,
            const char        *text,
            gboolean           is_error)
{
  /* An error can be copied; progress is not worth the focus a selectable label takes. */
  gtk_label_set_selectable (self->status_label, is_error);
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

static void
show_count (GawahTaskProgress *self)
{
  g_autofree char *done = g_strdup_printf ("%" G_GUINT64_FORMAT, self->done);
  g_autofree char *total = g_strdup_printf ("%" G_GUINT64_FORMAT, self->total);
  g_autofree char *text = NULL;

  if (self->total > 0)
    /* Translators: progress, e.g. "120 of 4000" (records, rows). */
    text = g_strdup_printf (_("%s of %s"), done, total);
  else if (self->done > 0)
    /* Translators: progress when the total is not known yet, e.g. "120 so far". */
    text = g_strdup_printf (_("%s so far"), done);
  else
    text = g_strdup (_("Starting…"));
  set_status (self, text, FALSE);
}

void
gawah_task_progress_set_title (GawahTaskProgress *self,
                               const char        *title)
{
  g_return_if_fail (GAWAH_IS_TASK_PROGRESS (self));

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Progress"),
                                  -1);
}

GCancellable *
gawah_task_progress_start (GawahTaskProgress *self,
                           const char        *title)
{
  g_return_val_if_fail (GAWAH_IS_TASK_PROGRESS (self), NULL);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->state = GAWAH_TASK_STATE_RUNNING;
  self->done = self->total = 0;
  g_mutex_lock (&self->mailbox_lock);
  self->mailbox_done = self->mailbox_total = 0;
  g_mutex_unlock (&self->mailbox_lock);

  gawah_task_progress_set_title (self, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  set_pulsing (self, TRUE);
  show_count (self);
  return self->cancellable;
}

GCancellable *
gawah_task_progress_get_cancellable (GawahTaskProgress *self)
{
  g_return_val_if_fail (GAWAH_IS_TASK_PROGRESS (self), NULL);

  return self->cancellable;
}

void
gawah_task_progress_update (GawahTaskProgress *self,
                            guint64            done,
                            guint64            total)
{
  g_return_if_fail (GAWAH_IS_TASK_PROGRESS (self));

  if (self->state != GAWAH_TASK_STATE_RUNNING || self->progress_bar == NULL)
    return;
  self->done = done;
  self->total = total;
  set_pulsing (self, total == 0);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / (double) total));
  if (!g_cancellable_is_cancelled (self->cancellable))
    show_count (self);
}

static gboolean
deliver_mailbox_cb (gpointer user_data)
{
  GawahTaskProgress *self = user_data;
  guint64 done, total;

  g_mutex_lock (&self->mailbox_lock);
  done = self->mailbox_done;
  total = self->mailbox_total;
  self->mailbox_woken = FALSE;
  g_mutex_unlock (&self->mailbox_lock);
  gawah_task_progress_update (self, done, total);
  return G_SOURCE_REMOVE;
}

void
gawah_task_progress_func (guint64  done,
                          guint64  total,
                          gpointer user_data)
{
  GawahTaskProgress *self = user_data;
  gboolean wake;

  g_mutex_lock (&self->mailbox_lock);
  self->mailbox_done = done;
  self->mailbox_total = total;
  wake = !self->mailbox_woken;
  self->mailbox_woken = TRUE;
  g_mutex_unlock (&self->mailbox_lock);
  /* The idle holds a reference, so the widget outlives the wake-up. */
  if (wake)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, deliver_mailbox_cb, g_object_ref (self), g_object_unref);
}

/* The heading said what was being done ("Importing sample.xml"); once it
 * has ended it also says how, so that a failed import does not still read
 * as one in progress. */
static void
show_outcome_in_title (GawahTaskProgress *self,
                       GawahTaskState     state)
{
  const char *doing = gtk_label_get_text (self->title_label);
  g_autofree char *title = NULL;

  if (state == GAWAH_TASK_STATE_DONE)
    /* Translators: %s is what was being done, e.g. “Importing sample.xml”. */
    title = g_strdup_printf (_("%s — finished"), doing);
  else if (state == GAWAH_TASK_STATE_CANCELLED)
    /* Translators: %s is what was being done, e.g. “Importing sample.xml”. */
    title = g_strdup_printf (_("%s — cancelled"), doing);
  else
    /* Translators: %s is what was being done, e.g. “Importing sample.xml”. */
    title = g_strdup_printf (_("%s — stopped by an error"), doing);
  gawah_task_progress_set_title (self, title);
}

void
gawah_task_progress_finish (GawahTaskProgress *self,
                            const GError      *error,
                            const char        *done_text)
{
  g_return_if_fail (GAWAH_IS_TASK_PROGRESS (self));

  set_pulsing (self, FALSE);
  /* Disposed while the work ran (its window closed): only the state is left. */
  if (self->progress_bar == NULL)
    {
      self->state = error == NULL ? GAWAH_TASK_STATE_DONE
                    : g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? GAWAH_TASK_STATE_CANCELLED
                    : GAWAH_TASK_STATE_FAILED;
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  if (error == NULL)
    {
      self->state = GAWAH_TASK_STATE_DONE;
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      set_status (self, done_text != NULL ? done_text : _("Done."), FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->state = GAWAH_TASK_STATE_CANCELLED;
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      set_status (self, _("Cancelled. Nothing was changed."), FALSE);
    }
  else
    {
      self->state = GAWAH_TASK_STATE_FAILED;
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      set_status (self, error->message, TRUE);
    }
  show_outcome_in_title (self, self->state);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, self->state);
}

void
gawah_task_progress_cancel (GawahTaskProgress *self)
{
  g_return_if_fail (GAWAH_IS_TASK_PROGRESS (self));

  if (self->state != GAWAH_TASK_STATE_RUNNING || self->progress_bar == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  set_status (self, _("Cancelling…"), FALSE);
}

gboolean
gawah_task_progress_cancel_if_running (GawahTaskProgress *self)
{
  g_return_val_if_fail (GAWAH_IS_TASK_PROGRESS (self), FALSE);

  if (self->state != GAWAH_TASK_STATE_RUNNING)
    return FALSE;
  gawah_task_progress_cancel (self);
  return TRUE;
}

static void
on_cancel_clicked_cb (GawahTaskProgress *self)
{
  gawah_task_progress_cancel (self);
}

GawahTaskState
gawah_task_progress_get_state (GawahTaskProgress *self)
{
  g_return_val_if_fail (GAWAH_IS_TASK_PROGRESS (self), GAWAH_TASK_STATE_IDLE);

  return self->state;
}

const char *
gawah_task_progress_get_status (GawahTaskProgress *self)
{
  g_return_val_if_fail (GAWAH_IS_TASK_PROGRESS (self), NULL);

  return self->status_label != NULL ? gtk_label_get_text (self->status_label) : "";
}

guint64
gawah_task_progress_get_done (GawahTaskProgress *self)
{
  g_return_val_if_fail (GAWAH_IS_TASK_PROGRESS (self), 0);

  return self->done;
}

#define BUSY_KEY "gawah-task-progress-busy"

/* Main thread only, like all object data set by the app. */
static void
mark_busy (GObject *object,
           int      delta)
{
  int count = GPOINTER_TO_INT (g_object_get_data (object, BUSY_KEY)) + delta;

  g_object_set_data (object, BUSY_KEY, GINT_TO_POINTER (MAX (count, 0)));
}

gboolean
gawah_task_progress_is_busy (GObject *object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  return GPOINTER_TO_INT (g_object_get_data (object, BUSY_KEY)) > 0;
}

typedef struct {
  GawahTaskWork        work;
  gpointer             work_data;
  GDestroyNotify       work_data_free;
  GObject             *busy;
  GPtrArray           *paused_windows;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} RunData;

static void
run_data_free (RunData *run)
{
  if (run->work_data_free != NULL)
    run->work_data_free (run->work_data);
  g_clear_object (&run->busy);
  g_clear_pointer (&run->paused_windows, g_ptr_array_unref);
  g_free (run);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;

  if (run->work (run->work_data, cancellable, gawah_task_progress_func, source_object, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The casebook's connection is the worker's until the work ends: the other
 * windows (the casebook page, incident editors that save as you type) take
 * no input meanwhile, so that nothing reads or writes through it. */
static GPtrArray *
pause_other_windows (GtkWidget *own)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkRoot *own_root = gtk_widget_get_root (own);
  GPtrArray *paused = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (own_root) && gtk_widget_get_sensitive (window))
        {
          gtk_widget_set_sensitive (window, FALSE);
          g_ptr_array_add (paused, g_object_ref (window));
        }
    }
  return paused;
}

static void
resume_windows (GPtrArray *paused)
{
  for (guint i = 0; i < paused->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (paused, i), TRUE);
  g_ptr_array_set_size (paused, 0);
}

static void
on_run_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RunData *run = g_task_get_task_data (G_TASK (result));

  if (run->busy != NULL)
    mark_busy (run->busy, -1);
  if (run->paused_windows != NULL)
    resume_windows (run->paused_windows);
  run->callback (source_object, result, run->user_data);
}

void
gawah_task_progress_run (GawahTaskProgress   *self,
                         const char          *title,
                         GObject             *busy,
                         GawahTaskWork        work,
                         gpointer             work_data,
                         GDestroyNotify       work_data_free,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;
  GCancellable *cancellable;

  g_return_if_fail (GAWAH_IS_TASK_PROGRESS (self));
  g_return_if_fail (work != NULL && callback != NULL);

  cancellable = gawah_task_progress_start (self, title);
  run = g_new0 (RunData, 1);
  run->work = work;
  run->work_data = work_data;
  run->work_data_free = work_data_free;
  run->busy = busy != NULL ? g_object_ref (busy) : NULL;
  run->callback = callback;
  run->user_data = user_data;
  if (busy != NULL)
    {
      mark_busy (busy, +1);
      run->paused_windows = pause_other_windows (GTK_WIDGET (self));
    }

  task = g_task_new (self, cancellable, on_run_done_cb, NULL);
  g_task_set_source_tag (task, gawah_task_progress_run);
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);
  /* What the work did is the truth: a Cancel pressed after it committed
   * must not report that nothing changed. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
gawah_task_progress_run_finish (GawahTaskProgress  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
gawah_task_progress_run_get_work_data (GAsyncResult *result)
{
  RunData *run;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gawah_task_progress_run, NULL);

  run = g_task_get_task_data (G_TASK (result));
  return run->work_data;
}

static void
gawah_task_progress_dispose (GObject *object)
{
  GawahTaskProgress *self = GAWAH_TASK_PROGRESS (object);

  set_pulsing (self, FALSE);
  /* Work still running is told to stop: nobody is left to see it. */
  if (self->state == GAWAH_TASK_STATE_RUNNING && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_TASK_PROGRESS);

  G_OBJECT_CLASS (gawah_task_progress_parent_class)->dispose (object);
}

static void
gawah_task_progress_finalize (GObject *object)
{
  GawahTaskProgress *self = GAWAH_TASK_PROGRESS (object);

  g_mutex_clear (&self->mailbox_lock);

  G_OBJECT_CLASS (gawah_task_progress_parent_class)->finalize (object);
}

static void
gawah_task_progress_class_init (GawahTaskProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_task_progress_dispose;
  object_class->finalize = gawah_task_progress_finalize;

  /**
   * GawahTaskProgress::finished:
   * @state: a #GawahTaskState: done, cancelled or failed
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, GAWAH_TYPE_TASK_STATE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-task-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahTaskProgress, title_label);
  gtk_widget_class_bind_template_child (widget_class, GawahTaskProgress, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GawahTaskProgress, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GawahTaskProgress, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gawah_task_progress_init (GawahTaskProgress *self)
{
  GtkBoxLayout *layout;

  g_mutex_init (&self->mailbox_lock);
  gtk_widget_init_template (GTK_WIDGET (self));
  layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 6);
  gawah_task_progress_set_title (self, NULL);
}
