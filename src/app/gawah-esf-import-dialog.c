/* gawah-esf-import-dialog.c: bringing in what OpenEvSys exported
 *
 * Choose a file; it is read and imported in a worker thread (one
 * transaction: an error or Cancel leaves the casebook as it was); then the
 * report says how many records of each kind came in, which codes were kept
 * as notes (record, field, line) and which elements were not read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-esf.h"
#include "gawah-esf-import-dialog.h"
#include "gawah-widget-util.h"

/* A report of thousands of rows would take longer to show than to read. */
#define MAX_ROWS_SHOWN 500

struct _GawahEsfImportDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkStack            *stack;
  GawahTaskProgress   *progress;
  GtkButton           *again_button;
  GtkLabel            *report_label;
  AdwPreferencesGroup *counts_group;
  AdwPreferencesGroup *unmapped_group;
  AdwPreferencesGroup *skipped_group;

  /* owned */
  GawahCasebook       *casebook;
  GawahEsfReport      *report;
};

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahEsfImportDialog, gawah_esf_import_dialog, ADW_TYPE_WINDOW)

typedef struct {
  GawahCasebook  *casebook;
  GFile          *file;
  GawahEsfReport *report;   /* the dialog's */
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
  g_autoptr(GBytes) document = g_file_load_bytes (job->file, cancellable, NULL, error);
  g_autofree char *name = g_file_get_basename (job->file);

  return document != NULL &&
         gawah_casebook_import_esf (job->casebook, document, name, job->report, cancellable,
                                    progress, progress_data, error);
}

static void
add_count (GawahEsfImportDialog *self,
           const char           *title,
           guint                 count)
{
  adw_preferences_group_add (self->counts_group, gawah_widget_count_row (title, count));
}

static void
show_counts (GawahEsfImportDialog *self)
{
  const GawahEsfReport *report = self->report;

  add_count (self, _("Events, now incidents"), report->events);
  add_count (self, _("Persons, now people"), report->persons);
  add_count (self, _("Acts"), report->acts);
  add_count (self, _("Involvements of perpetrators"), report->involvements);
  add_count (self, _("Chains of events, now links"), report->chains);
  add_count (self, _("Interventions, now follow-up actions"), report->interventions);
  add_count (self, _("Information, now sources"), report->information);
  if (report->acts_as_notes > 0)
    add_count (self, _("Acts kept as notes (no Gawah type of act)"), report->acts_as_notes);
  if (report->involvements_as_notes > 0)
    add_count (self, _("Involvements kept as notes (no Gawah degree of involvement)"),
               report->involvements_as_notes);
}

static void
show_unmapped (GawahEsfImportDialog *self)
{
  GPtrArray *unmapped = self->report->unmapped;

  gtk_widget_set_visible (GTK_WIDGET (self->unmapped_group), unmapped->len > 0);
  for (guint i = 0; i < MIN (unmapped->len, MAX_ROWS_SHOWN); i++)
    {
      const GawahEsfUnmapped *code = g_ptr_array_index (unmapped, i);
      g_autofree char *title = code->label != NULL ? g_strdup_printf ("%s %s", code->code, code->label)
                                                   : g_strdup (code->code);
      /* Translators: where a code was found: the record ("event E-2019-01"),
       * the ESF field ("rights_affected") and the line of the file. */
      g_autofree char *where = g_strdup_printf (_("%1$s, field %2$s, line %3$u"), code->record, code->field,
                                                code->line);

      adw_preferences_group_add (self->unmapped_group, gawah_widget_report_row (title, where, NULL));
    }
  if (unmapped->len > MAX_ROWS_SHOWN)
    adw_preferences_group_add (self->unmapped_group, gawah_widget_more_row (unmapped->len - MAX_ROWS_SHOWN));
}

static void
show_skipped (GawahEsfImportDialog *self)
{
  GPtrArray *skipped = self->report->skipped;

  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), skipped->len > 0);
  for (guint i = 0; i < MIN (skipped->len, MAX_ROWS_SHOWN); i++)
    {
      const GawahEsfSkipped *element = g_ptr_array_index (skipped, i);
      g_autofree char *where = g_strdup_printf (_("Line %u"), element->line);

      adw_preferences_group_add (self->skipped_group, gawah_widget_report_row (element->element, where, NULL));
    }
  if (skipped->len > MAX_ROWS_SHOWN)
    adw_preferences_group_add (self->skipped_group, gawah_widget_more_row (skipped->len - MAX_ROWS_SHOWN));
}

static void
show_report (GawahEsfImportDialog *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u incident imported",
                                                        "%u incidents imported", self->report->events),
                                           self->report->events);

  gtk_label_set_text (self->report_label, text);
  show_counts (self);
  show_unmapped (self);
  show_skipped (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
on_imported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GawahEsfImportDialog) self = user_data;
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
gawah_esf_import_dialog_set_file (GawahEsfImportDialog *self,
                                  GFile                *file)
{
  ImportJob *job;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (GAWAH_IS_ESF_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (gawah_task_progress_get_state (self->progress) == GAWAH_TASK_STATE_RUNNING)
    return;
  /* A fresh report: the failed try before this one may have filled some. */
  g_clear_pointer (&self->report, gawah_esf_report_free);
  self->report = gawah_esf_report_new ();
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
  gawah_esf_import_dialog_set_file (user_data, file);
}

static void
on_choose_clicked_cb (GawahEsfImportDialog *self)
{
  gawah_widget_choose_file (GTK_WIDGET (self), _("Import from OpenEvSys"), GTK_FILE_CHOOSER_ACTION_OPEN,
                            _("XML documents"), "*.xml", NULL, on_file_chosen, self);
}

static void
on_finished_cb (GawahEsfImportDialog *self,
                GawahTaskState        state)
{
  gtk_widget_set_visible (GTK_WIDGET (self->again_button), state != GAWAH_TASK_STATE_DONE);
}

GawahTaskProgress *
gawah_esf_import_dialog_get_progress (GawahEsfImportDialog *self)
{
  g_return_val_if_fail (GAWAH_IS_ESF_IMPORT_DIALOG (self), NULL);

  return self->progress;
}

GtkWidget *
gawah_esf_import_dialog_new (GtkWindow     *parent,
                             GawahCasebook *casebook)
{
  GawahEsfImportDialog *self = g_object_new (GAWAH_TYPE_ESF_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->casebook = g_object_ref (casebook);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  return GTK_WIDGET (self);
}

/* Closing while the import runs cancels it, and waits for it to end, so
 * that what the casebook holds is never in doubt. */
static gboolean
gawah_esf_import_dialog_close_request (GtkWindow *window)
{
  GawahEsfImportDialog *self = GAWAH_ESF_IMPORT_DIALOG (window);

  if (gawah_task_progress_cancel_if_running (self->progress))
    return TRUE;
  return GTK_WINDOW_CLASS (gawah_esf_import_dialog_parent_class)->close_request (window);
}

static void
gawah_esf_import_dialog_dispose (GObject *object)
{
  GawahEsfImportDialog *self = GAWAH_ESF_IMPORT_DIALOG (object);

  g_clear_object (&self->casebook);
  G_OBJECT_CLASS (gawah_esf_import_dialog_parent_class)->dispose (object);
}

static void
gawah_esf_import_dialog_finalize (GObject *object)
{
  GawahEsfImportDialog *self = GAWAH_ESF_IMPORT_DIALOG (object);

  g_clear_pointer (&self->report, gawah_esf_report_free);
  G_OBJECT_CLASS (gawah_esf_import_dialog_parent_class)->finalize (object);
}

static void
gawah_esf_import_dialog_class_init (GawahEsfImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_esf_import_dialog_dispose;
  object_class->finalize = gawah_esf_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_esf_import_dialog_close_request;

  /**
   * GawahEsfImportDialog::imported:
   *
   * Records were added to the casebook: views showing it should reload.
   */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GAWAH_TYPE_TASK_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-esf-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, again_button);
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, unmapped_group);
  gtk_widget_class_bind_template_child (widget_class, GawahEsfImportDialog, skipped_group);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_finished_cb);
}

static void
gawah_esf_import_dialog_init (GawahEsfImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
