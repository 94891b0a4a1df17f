/* gawah-report-window.c: a case report or a casebook summary, saved as PDF
 *
 * The report is gathered from the casebook on the main thread (the
 * casebook's connection is not shared with threads) into a document that
 * holds no casebook; a worker thread then lays it out and writes the PDF,
 * reporting pages to a GawahTaskProgress whose Cancel button stops it. The
 * library writes the file only once it is complete, so a cancelled or
 * failed report leaves nothing behind. Once saved, the window closes and
 * a toast in the window that opened it offers to open the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-case-report.h"
#include "gawah-report-window.h"
#include "gawah-summary-report.h"
#include "gawah-vocabulary.h"
#include "gawah-widget-util.h"

typedef enum {
  REPORT_CASE,
  REPORT_SUMMARY,
} ReportKind;

struct _GawahReportWindow
{
  GtkWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *options_group;
  AdwComboRow         *language_row;
  AdwActionRow        *marking_row;
  AdwActionRow        *filter_row;
  GtkSwitch           *filter_switch;
  GawahTaskProgress   *progress;

  /* borrowed, weak */
  GawahCasebook       *casebook;
  GtkWidget           *opener;         /* where the toast goes */

  /* owned */
  ReportKind           kind;
  gint64               incident_id;
  GawahIncidentFilter  filter;
  char                *suggested_name;
  gboolean             close_when_done;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahReportWindow, gawah_report_window, GTK_TYPE_WINDOW)

/* Characters that file systems or people reading a file name trip over
 * become spaces; the name is kept short enough for any file system. */
char *
gawah_report_suggest_file_name (const char *title,
                                const char *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const guint max_chars = 80;
  guint n_chars = 0;

  for (const char *p = title != NULL && g_utf8_validate (title, -1, NULL) ? title : "";
       *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c < 128 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        c = ' ';
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0 || name->str[0] == '.')
    /* Translators: a file name for a report whose title gives none; no slashes. */
    g_string_prepend (name, _("report"));
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

GawahLanguage
gawah_report_window_get_language (GawahReportWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_REPORT_WINDOW (self), GAWAH_LANGUAGE_ENGLISH);
  return adw_combo_row_get_selected (self->language_row) == GAWAH_LANGUAGE_URDU ? GAWAH_LANGUAGE_URDU
                                                                                : GAWAH_LANGUAGE_ENGLISH;
}

void
gawah_report_window_set_language (GawahReportWindow *self,
                                  GawahLanguage      language)
{
  g_return_if_fail (GAWAH_IS_REPORT_WINDOW (self));
  adw_combo_row_set_selected (self->language_row, language);
}

void
gawah_report_window_set_filtered (GawahReportWindow *self,
                                  gboolean           filtered)
{
  g_return_if_fail (GAWAH_IS_REPORT_WINDOW (self));
  gtk_switch_set_active (self->filter_switch, filtered);
}

const char *
gawah_report_window_get_suggested_name (GawahReportWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_REPORT_WINDOW (self), NULL);
  return self->suggested_name;
}

GawahTaskProgress *
gawah_report_window_get_progress (GawahReportWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_REPORT_WINDOW (self), NULL);
  return self->progress;
}

/* Main thread: everything the report says, read from the casebook. */
static GawahReportDocument *
build_document (GawahReportWindow  *self,
                GError            **error)
{
  GawahLanguage language = gawah_report_window_get_language (self);
  g_auto(GawahIncidentFilter) everything = { NULL };
  g_autoptr(GawahCaseFile) case_file = NULL;

  if (self->casebook == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The casebook is locked"));
      return NULL;
    }
  if (self->kind == REPORT_SUMMARY)
    return gawah_summary_report_new (self->casebook,
                                     gtk_switch_get_active (self->filter_switch) ? &self->filter : &everything,
                                     language, error);
  if ((case_file = gawah_case_file_load (self->casebook, self->incident_id, error)) == NULL)
    return NULL;
  return gawah_case_report_build (case_file, language);
}

typedef struct {
  GawahReportDocument *document;
  GFile               *file;
  GawahTaskProgress   *progress;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->document, gawah_report_document_free);
  g_clear_object (&job->file);
  g_clear_object (&job->progress);
  g_free (job);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (gawah_report_document_write_pdf (job->document, job->file, cancellable, gawah_task_progress_func,
                                       job->progress, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_toast_open_cb (AdwToast   *toast,
                  const char *uri)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "gawah-overlay");
  GtkRoot *root = overlay != NULL ? gtk_widget_get_root (overlay) : NULL;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* In the window that opened this one, which outlives it. */
static void
announce_saved (GawahReportWindow *self,
                GFile             *file)
{
  GtkWidget *overlay = self->opener != NULL ? gtk_widget_get_ancestor (self->opener, ADW_TYPE_TOAST_OVERLAY) : NULL;
  g_autofree char *basename = g_file_get_basename (file);
  /* Translators: %s is the name of the file a report was saved as. */
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), basename);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "gawah-overlay", overlay);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_open_cb), g_file_get_uri (file),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
set_options_sensitive (GawahReportWindow *self,
                       gboolean           sensitive)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), sensitive);
}

/* The task holds no widget: the window (a reference in @user_data) and the
 * progress widget are released here, on the main thread, whichever thread
 * drops the task last. */
static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GawahReportWindow) self = user_data;
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) file = g_object_ref (job->file);
  g_autoptr(GError) error = NULL;

  g_clear_object (&job->progress);
  g_task_propagate_boolean (G_TASK (result), &error);
  /* Destroyed meanwhile (the casebook was locked): nothing to show. */
  if (self->progress == NULL || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;
  gawah_task_progress_finish (self->progress, error, _("Saved."));
  set_options_sensitive (self, TRUE);
  if (error != NULL)
    {
      if (self->close_when_done)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  announce_saved (self, file);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
gawah_report_window_save_to (GawahReportWindow *self,
                             GFile             *file)
{
  g_autoptr(GawahReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  WriteJob *job;

  g_return_if_fail (GAWAH_IS_REPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = gawah_task_progress_start (self->progress, _("Writing the report"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  if ((document = build_document (self, &error)) == NULL)
    {
      gawah_task_progress_finish (self->progress, error, NULL);
      return;
    }
  set_options_sensitive (self, FALSE);
  job = g_new0 (WriteJob, 1);
  job->document = g_steal_pointer (&document);
  job->file = g_object_ref (file);
  job->progress = g_object_ref (self->progress);
  task = g_task_new (NULL, cancellable, write_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, gawah_report_window_save_to);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     GawahReportWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    gawah_report_window_save_to (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_save_cb (GawahReportWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  gtk_file_filter_set_name (pdf, _("PDF Document"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Closing while the PDF is being written cancels it; the window goes
 * when the worker has stopped. */
static gboolean
gawah_report_window_close_request (GtkWindow *window)
{
  GawahReportWindow *self = GAWAH_REPORT_WINDOW (window);

  if (gawah_task_progress_get_state (self->progress) != GAWAH_TASK_STATE_RUNNING)
    return GTK_WINDOW_CLASS (gawah_report_window_parent_class)->close_request (window);
  self->close_when_done = TRUE;
  gawah_task_progress_cancel (self->progress);
  return TRUE;
}

/* Locking the casebook destroys the window, which the worker's task keeps
 * alive until it stops: a report being written then is abandoned. */
static void
gawah_report_window_unrealize (GtkWidget *widget)
{
  GawahReportWindow *self = GAWAH_REPORT_WINDOW (widget);

  gawah_task_progress_cancel (self->progress);
  GTK_WIDGET_CLASS (gawah_report_window_parent_class)->unrealize (widget);
}

static GawahReportWindow *
report_window_new (GtkWidget     *parent,
                   GawahCasebook *casebook,
                   ReportKind     kind)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GawahReportWindow *self = g_object_new (GAWAH_TYPE_REPORT_WINDOW,
                                          "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          NULL);

  self->kind = kind;
  g_set_weak_pointer (&self->casebook, casebook);
  g_set_weak_pointer (&self->opener, parent);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  gawah_report_window_set_language (self, gawah_language_current ());
  return self;
}

GtkWidget *
gawah_report_window_new_case (GtkWidget     *parent,
                              GawahCasebook *casebook,
                              gint64         incident_id)
{
  GawahReportWindow *self = report_window_new (parent, casebook, REPORT_CASE);
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (casebook, incident_id, NULL);

  self->incident_id = incident_id;
  gtk_window_set_title (GTK_WINDOW (self), _("Case Report"));
  adw_window_title_set_title (self->window_title, _("Case Report"));
  if (incident != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, incident->title);
      adw_action_row_set_subtitle (self->marking_row,
                                   gawah_vocabularies_label (gawah_vocabularies_get_default (),
                                                             GAWAH_VOCAB_CONFIDENTIALITY, incident->confidentiality));
    }
  self->suggested_name = gawah_report_suggest_file_name (incident != NULL ? incident->title : NULL, "pdf");
  gtk_widget_set_visible (GTK_WIDGET (self->marking_row), TRUE);
  return GTK_WIDGET (self);
}

GtkWidget *
gawah_report_window_new_summary (GtkWidget                 *parent,
                                 GawahCasebook             *casebook,
                                 const GawahIncidentFilter *filter)
{
  GawahReportWindow *self = report_window_new (parent, casebook, REPORT_SUMMARY);
  gboolean filtered = filter != NULL && !gawah_incident_filter_is_empty (filter);

  gawah_incident_filter_copy (&self->filter, filter);
  gtk_window_set_title (GTK_WINDOW (self), _("Summary Report"));
  adw_window_title_set_title (self->window_title, _("Summary Report"));
  /* Translators: the file name of a casebook's summary report; no slashes. */
  self->suggested_name = gawah_report_suggest_file_name (_("Casebook summary"), "pdf");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_row), filtered);
  gtk_switch_set_active (self->filter_switch, filtered);
  return GTK_WIDGET (self);
}

static void
gawah_report_window_dispose (GObject *object)
{
  GawahReportWindow *self = GAWAH_REPORT_WINDOW (object);

  g_clear_weak_pointer (&self->casebook);
  g_clear_weak_pointer (&self->opener);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_REPORT_WINDOW);
  G_OBJECT_CLASS (gawah_report_window_parent_class)->dispose (object);
}

static void
gawah_report_window_finalize (GObject *object)
{
  GawahReportWindow *self = GAWAH_REPORT_WINDOW (object);

  gawah_incident_filter_clear (&self->filter);
  g_free (self->suggested_name);
  G_OBJECT_CLASS (gawah_report_window_parent_class)->finalize (object);
}

static void
gawah_report_window_class_init (GawahReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_report_window_dispose;
  object_class->finalize = gawah_report_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_report_window_close_request;
  widget_class->unrealize = gawah_report_window_unrealize;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_FILE);
  g_type_ensure (GAWAH_TYPE_TASK_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, options_group);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, marking_row);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, filter_row);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, filter_switch);
  gtk_widget_class_bind_template_child (widget_class, GawahReportWindow, progress);
  gtk_widget_class_bind_template_callback (widget_class, on_save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gawah_report_window_init (GawahReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
