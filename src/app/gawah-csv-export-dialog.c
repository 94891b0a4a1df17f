/* gawah-csv-export-dialog.c: a table of the casebook as a spreadsheet
 *
 * Choose the table, the labels' language and whether to keep to what the
 * incident list shows; then a file. The file is written in a worker thread,
 * whole or not at all (gawah_export_to_file()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-csv-export-dialog.h"
#include "gawah-export-file.h"
#include "gawah-widget-util.h"

/* Indexed like the table row's items. */
static const GawahCsvTable tables[] = {
  GAWAH_CSV_TABLE_INCIDENTS,
  GAWAH_CSV_TABLE_ACTS,
  GAWAH_CSV_TABLE_PEOPLE,
  GAWAH_CSV_TABLE_PROVISIONS,
};

/* Indexed like the language row's items. */
static const GawahLanguage languages[] = {
  GAWAH_LANGUAGE_ENGLISH,
  GAWAH_LANGUAGE_URDU,
};

struct _GawahCsvExportDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkStack            *stack;
  AdwComboRow         *table_row;
  AdwComboRow         *language_row;
  AdwActionRow        *filter_row;
  GtkSwitch           *filter_switch;
  GawahTaskProgress   *progress;
  GtkButton           *back_button;

  /* owned */
  GawahCasebook       *casebook;
  GawahIncidentFilter  list_filter;
  GFile               *file;
};

G_DEFINE_FINAL_TYPE (GawahCsvExportDialog, gawah_csv_export_dialog, ADW_TYPE_WINDOW)

typedef struct {
  GawahCasebook       *casebook;
  GawahCsvTable        table;
  GawahIncidentFilter  filter;
  gboolean             filtered;
  GawahLanguage        language;
  GFile               *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->casebook);
  gawah_incident_filter_clear (&job->filter);
  g_clear_object (&job->file);
  g_free (job);
}

static gboolean
write_csv (GOutputStream      *stream,
           gpointer            writer_data,
           GCancellable       *cancellable,
           GawahProgressFunc   progress,
           gpointer            progress_data,
           GError            **error)
{
  ExportJob *job = writer_data;

  return gawah_casebook_export_csv (job->casebook, job->table, job->filtered ? &job->filter : NULL, job->language,
                                    stream, cancellable, progress, progress_data, error);
}

static gboolean
export_work (gpointer            work_data,
             GCancellable       *cancellable,
             GawahProgressFunc   progress,
             gpointer            progress_data,
             GError            **error)
{
  ExportJob *job = work_data;

  return gawah_export_to_file (job->file, write_csv, job, cancellable, progress, progress_data, error);
}

static void
on_exported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GawahCsvExportDialog) self = user_data;
  GawahTaskProgress *progress = GAWAH_TASK_PROGRESS (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (gawah_task_progress_run_finish (progress, result, &error) && self->file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      /* Translators: %s is the file written. */
      text = g_strdup_printf (_("Saved as %s"), name);
    }
  gawah_task_progress_finish (progress, error, text);
}

static ExportJob *
export_job_new (GawahCsvExportDialog *self,
                GFile                *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  guint table = adw_combo_row_get_selected (self->table_row);
  guint language = adw_combo_row_get_selected (self->language_row);

  job->casebook = g_object_ref (self->casebook);
  job->table = tables[MIN (table, G_N_ELEMENTS (tables) - 1)];
  job->language = languages[MIN (language, G_N_ELEMENTS (languages) - 1)];
  job->filtered = gtk_switch_get_active (self->filter_switch);
  gawah_incident_filter_copy (&job->filter, &self->list_filter);
  job->file = g_object_ref (file);
  return job;
}

void
gawah_csv_export_dialog_set_file (GawahCsvExportDialog *self,
                                  GFile                *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (GAWAH_IS_CSV_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (gawah_task_progress_get_state (self->progress) == GAWAH_TASK_STATE_RUNNING)
    return;
  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Exporting %s"), name);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gawah_task_progress_run (self->progress, title, G_OBJECT (self->casebook), export_work,
                           export_job_new (self, file), (GDestroyNotify) export_job_free, on_exported_cb,
                           g_object_ref (self));
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  gawah_csv_export_dialog_set_file (user_data, file);
}

static void
on_export_clicked_cb (GawahCsvExportDialog *self)
{
  guint table = MIN (adw_combo_row_get_selected (self->table_row), G_N_ELEMENTS (tables) - 1);
  /* The file name stays in English, like the column names inside. */
  g_autofree char *suggested = g_strdup_printf ("%s.csv", gawah_csv_table_to_code (tables[table]));

  gawah_widget_choose_file (GTK_WIDGET (self), _("Export as Spreadsheet"), GTK_FILE_CHOOSER_ACTION_SAVE,
                            _("CSV spreadsheets"), "*.csv", suggested, on_file_chosen, self);
}

/* Back to the options, to try again or to export another table. */
static void
on_finished_cb (GawahCsvExportDialog *self,
                GawahTaskState        state)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
}

static void
on_back_clicked_cb (GawahCsvExportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "options");
}

GawahTaskProgress *
gawah_csv_export_dialog_get_progress (GawahCsvExportDialog *self)
{
  g_return_val_if_fail (GAWAH_IS_CSV_EXPORT_DIALOG (self), NULL);

  return self->progress;
}

GtkWidget *
gawah_csv_export_dialog_new (GtkWindow                 *parent,
                             GawahCasebook             *casebook,
                             const GawahIncidentFilter *list_filter)
{
  GawahCsvExportDialog *self = g_object_new (GAWAH_TYPE_CSV_EXPORT_DIALOG, "transient-for", parent, NULL);
  gboolean filtered = list_filter != NULL && !gawah_incident_filter_is_empty (list_filter);

  self->casebook = g_object_ref (casebook);
  gawah_incident_filter_copy (&self->list_filter, list_filter);
  /* What the list shows is the natural default; with no filter there is no choice to make. */
  gtk_switch_set_active (self->filter_switch, filtered);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_row), filtered);
  adw_action_row_set_subtitle (self->filter_row, filtered ? _("The search and filters of the incident list apply")
                                                          : _("The list shows every incident"));
  adw_combo_row_set_selected (self->language_row, gawah_language_current () == GAWAH_LANGUAGE_URDU ? 1 : 0);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  return GTK_WIDGET (self);
}

static gboolean
gawah_csv_export_dialog_close_request (GtkWindow *window)
{
  GawahCsvExportDialog *self = GAWAH_CSV_EXPORT_DIALOG (window);

  if (gawah_task_progress_cancel_if_running (self->progress))
    return TRUE;
  return GTK_WINDOW_CLASS (gawah_csv_export_dialog_parent_class)->close_request (window);
}

static void
gawah_csv_export_dialog_dispose (GObject *object)
{
  GawahCsvExportDialog *self = GAWAH_CSV_EXPORT_DIALOG (object);

  g_clear_object (&self->casebook);
  g_clear_object (&self->file);
  gawah_incident_filter_clear (&self->list_filter);
  G_OBJECT_CLASS (gawah_csv_export_dialog_parent_class)->dispose (object);
}

static void
gawah_csv_export_dialog_class_init (GawahCsvExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_csv_export_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_csv_export_dialog_close_request;

  g_type_ensure (GAWAH_TYPE_TASK_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-csv-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, filter_row);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, filter_switch);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvExportDialog, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
}

static void
gawah_csv_export_dialog_init (GawahCsvExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
