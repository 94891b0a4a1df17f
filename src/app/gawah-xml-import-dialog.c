/* gawah-xml-import-dialog.c: merging a Gawah XML document into the casebook
 *
 * Choose a file; it is imported in a worker thread (one transaction: an
 * error or Cancel leaves the casebook as it was); then the report says how
 * many records were added and left alone, and lists the conflicts: each
 * record changed on both sides, with the field, our value and theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-exchange.h"
#include "gawah-xml-import-dialog.h"
#include "gawah-widget-util.h"

/* A report of thousands of rows would take longer to show than to read. */
#define MAX_ROWS_SHOWN 500

struct _GawahXmlImportDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkStack            *stack;
  GawahTaskProgress   *progress;
  GtkButton           *again_button;
  GtkLabel            *report_label;
  AdwPreferencesGroup *counts_group;
  AdwPreferencesGroup *conflicts_group;

  /* owned */
  GawahCasebook       *casebook;
  GawahExchangeReport *report;
};

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahXmlImportDialog, gawah_xml_import_dialog, ADW_TYPE_WINDOW)

typedef struct {
  GawahCasebook  *casebook;
  GFile          *file;
  GawahExchangeReport *report;   /* the dialog's */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->casebook);
  g_clear_object (&job->file);
  g_free (job);
}

static gboolean
import_work (gpointer            work_data,
             GCancellable       *cancellable,
             GawahProgressFunc   progress,
             gpointer            progress_data,
             GError            **error)
{
  ImportJob *job = work_data;
  g_autoptr(GFileInputStream) input = g_file_read (job->file, cancellable, error);
  g_autofree char *name = g_file_get_basename (job->file);

  return input != NULL &&
         gawah_casebook_import_xml (job->casebook, G_INPUT_STREAM (input), name, job->report, cancellable,
                                    progress, progress_data, error);
}

static void
add_count (GawahXmlImportDialog *self,
           const char           *title,
           guint                 count)
{
  adw_preferences_group_add (self->counts_group, gawah_widget_count_row (title, count));
}

static void
show_counts (GawahXmlImportDialog *self)
{
  const GawahExchangeReport *report = self->report;

  add_count (self, _("Incidents added"), report->incidents_added);
  add_count (self, _("People added"), report->people_added);
  add_count (self, _("Records added, all kinds"), report->added);
  add_count (self, _("Records already here, unchanged"), report->unchanged);
  add_count (self, _("Records changed on both sides"), report->conflicts->len);
}

static void
show_conflicts (GawahXmlImportDialog *self)
{
  GPtrArray *conflicts = self->report->conflicts;

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts->len > 0);
  for (guint i = 0; i < MIN (conflicts->len, MAX_ROWS_SHOWN); i++)
    {
      const GawahExchangeConflict *conflict = g_ptr_array_index (conflicts, i);
      /* Translators: a record changed on both sides: its kind ("incident",
       * "person": a code that stays in English) and what it is called. */
      g_autofree char *title = g_strdup_printf (_("%1$s “%2$s”"), conflict->kind, conflict->title);
      /* Translators: the field that differs, its value in this casebook, its
       * value in the document, and the line of the document. */
      g_autofree char *difference = g_strdup_printf (_("%1$s: here “%2$s”, in the document “%3$s” (line %4$u)"),
                                                     conflict->field, conflict->ours, conflict->theirs,
                                                     conflict->line);

      adw_preferences_group_add (self->conflicts_group, gawah_widget_report_row (title, difference, NULL));
    }
  if (conflicts->len > MAX_ROWS_SHOWN)
    adw_preferences_group_add (self->conflicts_group, gawah_widget_more_row (conflicts->len - MAX_ROWS_SHOWN));
}

static void
show_report (GawahXmlImportDialog *self)
{
  guint added = self->report->incidents_added;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident added", "%u incidents added",
                                                        added), added);

  gtk_label_set_text (self->report_label, text);
  show_counts (self);
  show_conflicts (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
on_imported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GawahXmlImportDialog) self = user_data;
  GawahTaskProgress *progress = GAWAH_TASK_PROGRESS (source_object);
  g_autoptr(GError) error = NULL;
  gboolean imported = gawah_task_progress_run_finish (progress, result, &error);

  gawah_task_progress_finish (progress, error, NULL);
  /* Closed (the casebook was locked) while the import ran: nothing to show. */
  if (!imported || self->casebook == NULL)
    return;
  show_report (self);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
}

void
gawah_xml_import_dialog_set_file (GawahXmlImportDialog *self,
                                  GFile                *file)
{
  ImportJob *job;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (GAWAH_IS_XML_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (gawah_task_progress_get_state (self->progress) == GAWAH_TASK_STATE_RUNNING)
    return;
  /* A fresh report: the failed try before this one may have filled some. */
  g_clear_pointer (&self->report, gawah_exchange_report_free);
  self->report = gawah_exchange_report_new ();
  job = g_new0 (ImportJob, 1);
  job->casebook = g_object_ref (self->casebook);
  job->file = g_object_ref (file);
  job->report = self->report;

  name = g_file_get_basename (file);
  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Importing %s"), name);
  gtk_widget_set_visible (GTK_WIDGET (self->again_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  /* The dialog is kept alive by the task until the import has ended. */
  gawah_task_progress_run (self->progress, title, G_OBJECT (self->casebook), import_work, job,
                           (GDestroyNotify) import_job_free, on_imported_cb, g_object_ref (self));
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  gawah_xml_import_dialog_set_file (user_data, file);
}

static void
on_choose_clicked_cb (GawahXmlImportDialog *self)
{
  gawah_widget_choose_file (GTK_WIDGET (self), _("Import a Gawah XML Document"), GTK_FILE_CHOOSER_ACTION_OPEN,
                            _("XML documents"), "*.xml", NULL, on_file_chosen, self);
}

static void
on_finished_cb (GawahXmlImportDialog *self,
                GawahTaskState        state)
{
  gtk_widget_set_visible (GTK_WIDGET (self->again_button), state != GAWAH_TASK_STATE_DONE);
}

GawahTaskProgress *
gawah_xml_import_dialog_get_progress (GawahXmlImportDialog *self)
{
  g_return_val_if_fail (GAWAH_IS_XML_IMPORT_DIALOG (self), NULL);

  return self->progress;
}

GtkWidget *
gawah_xml_import_dialog_new (GtkWindow     *parent,
                             GawahCasebook *casebook)
{
  GawahXmlImportDialog *self = g_object_new (GAWAH_TYPE_XML_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->casebook = g_object_ref (casebook);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  return GTK_WIDGET (self);
}

/* Closing while the import runs cancels it, and waits for it to end, so
 * that what the casebook holds is never in doubt. */
static gboolean
gawah_xml_import_dialog_close_request (GtkWindow *window)
{
  GawahXmlImportDialog *self = GAWAH_XML_IMPORT_DIALOG (window);

  if (gawah_task_progress_cancel_if_running (self->progress))
    return TRUE;
  return GTK_WINDOW_CLASS (gawah_xml_import_dialog_parent_class)->close_request (window);
}

static void
gawah_xml_import_dialog_dispose (GObject *object)
{
  GawahXmlImportDialog *self = GAWAH_XML_IMPORT_DIALOG (object);

  g_clear_object (&self->casebook);
  G_OBJECT_CLASS (gawah_xml_import_dialog_parent_class)->dispose (object);
}

static void
gawah_xml_import_dialog_finalize (GObject *object)
{
  GawahXmlImportDialog *self = GAWAH_XML_IMPORT_DIALOG (object);

  g_clear_pointer (&self->report, gawah_exchange_report_free);
  G_OBJECT_CLASS (gawah_xml_import_dialog_parent_class)->finalize (object);
}

static void
gawah_xml_import_dialog_class_init (GawahXmlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_xml_import_dialog_dispose;
  object_class->finalize = gawah_xml_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_xml_import_dialog_close_request;

  /**
   * GawahXmlImportDialog::imported:
   *
   * Records were added to the casebook: views showing it should reload.
   */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GAWAH_TYPE_TASK_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-xml-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahXmlImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GawahXmlImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, GawahXmlImportDialog, again_button);
  gtk_widget_class_bind_template_child (widget_class, GawahXmlImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, GawahXmlImportDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, GawahXmlImportDialog, conflicts_group);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_finished_cb);
}

static void
gawah_xml_import_dialog_init (GawahXmlImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
