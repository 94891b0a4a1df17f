/* gawah-csv-import-dialog.c: incidents from a spreadsheet, column by column
 *
 * The file is read once on the main thread for its header and first rows
 * (the preview), and each column gets a field chooser with the core's
 * guess already chosen. The import itself runs in a worker thread, all or
 * nothing: if any row is not valid, the rows at fault are listed with their
 * numbers, fields and values, and nothing is imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-csv-import.h"
#include "gawah-csv-import-dialog.h"
#include "gawah-widget-util.h"

#define PREVIEW_ROWS 5
#define MAX_ERRORS_LISTED 200

struct _GawahCsvImportDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  GtkStack          *stack;
  GtkLabel          *read_error_label;
  GtkLabel          *map_label;
  GtkGrid           *columns_grid;
  GtkButton         *import_button;
  GawahTaskProgress *progress;
  GtkListBox        *errors_list;
  GtkButton         *back_button;

  /* owned */
  GawahCasebook     *casebook;
  GBytes            *data;
  char              *name;
  GawahCsvPreview   *preview;
  GPtrArray         *dropdowns;   /* GtkDropDown, one a column */
};

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahCsvImportDialog, gawah_csv_import_dialog, ADW_TYPE_WINDOW)

typedef struct {
  GawahCasebook   *casebook;
  GBytes          *data;
  char            *name;
  GawahCsvMapping *mapping;
  guint            n_imported;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->casebook);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job->name);
  g_clear_pointer (&job->mapping, gawah_csv_mapping_free);
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

  return gawah_casebook_import_csv_incidents (job->casebook, job->data, job->name, job->mapping, MAX_ERRORS_LISTED,
                                              &job->n_imported, cancellable, progress, progress_data, error);
}

static void
clear_errors (GawahCsvImportDialog *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list), FALSE);
}

/* The core's message is a summary line, then one line a bad row ("Row 7:
 * Start date: “2019-02-30” is not a date"): the summary goes under the
 * progress bar, each row into the list. */
static void
show_failure (GawahCsvImportDialog *self,
              GawahTaskProgress    *progress,
              const GError         *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  g_autoptr(GError) summary = g_error_new_literal (error->domain, error->code, lines[0] != NULL ? lines[0] : "");

  gawah_task_progress_finish (progress, summary, NULL);
  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (lines[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->errors_list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list), lines[0] != NULL && lines[1] != NULL);
}

static void
on_imported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GawahCsvImportDialog) self = user_data;
  GawahTaskProgress *progress = GAWAH_TASK_PROGRESS (source_object);
  ImportJob *job = gawah_task_progress_run_get_work_data (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!gawah_task_progress_run_finish (progress, result, &error))
    {
      if (self->casebook != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, progress, error);
      else
        gawah_task_progress_finish (progress, error, NULL);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident imported.", "%u incidents imported.",
                                       job->n_imported), job->n_imported);
  gawah_task_progress_finish (progress, NULL, text);
  if (self->casebook != NULL)
    g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
}

static GawahCsvMapping *
mapping_from_dropdowns (GawahCsvImportDialog *self)
{
  g_autoptr(GawahCsvMapping) mapping = gawah_csv_mapping_new ();
  guint n_fields;
  const GawahCsvField *fields = gawah_csv_incident_fields (&n_fields);

  for (guint i = 0; i < self->dropdowns->len; i++)
    {
      guint chosen = gtk_drop_down_get_selected (g_ptr_array_index (self->dropdowns, i));

      /* Item 0 is "Ignore"; the keys are the core's own, so setting cannot fail. */
      if (chosen > 0 && chosen <= n_fields)
        gawah_csv_mapping_set (mapping, self->preview->header[i], fields[chosen - 1].key, NULL);
    }
  return g_steal_pointer (&mapping);
}

static void
on_import_clicked_cb (GawahCsvImportDialog *self)
{
  ImportJob *job;
  g_autofree char *title = NULL;

  if (self->data == NULL || gawah_task_progress_get_state (self->progress) == GAWAH_TASK_STATE_RUNNING)
    return;
  job = g_new0 (ImportJob, 1);
  job->casebook = g_object_ref (self->casebook);
  job->data = g_bytes_ref (self->data);
  job->name = g_strdup (self->name);
  job->mapping = mapping_from_dropdowns (self);

  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Importing %s"), self->name);
  clear_errors (self);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gawah_task_progress_run (self->progress, title, G_OBJECT (self->casebook), import_work, job,
                           (GDestroyNotify) import_job_free, on_imported_cb, g_object_ref (self));
}

static GtkWidget *
field_dropdown (const char *column,
                const char *guessed_key)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autofree char *description = NULL;
  guint n_fields;
  const GawahCsvField *fields = gawah_csv_incident_fields (&n_fields);
  GtkWidget *dropdown;
  guint selected = 0;

  gtk_string_list_append (items, _("Ignore"));
  for (guint i = 0; i < n_fields; i++)
    {
      gtk_string_list_append (items, _(fields[i].label));
      if (g_strcmp0 (guessed_key, fields[i].key) == 0)
        selected = i + 1;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  /* Translators: the accessible name of a column's field chooser; %s is the column's header. */
  description = g_strdup_printf (_("Field for the column “%s”"), column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return dropdown;
}

static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, heading ? "heading" : "caption");
  return label;
}

static void
clear_grid (GawahCsvImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_grid))) != NULL)
    gtk_grid_remove (self->columns_grid, child);
  g_ptr_array_set_size (self->dropdowns, 0);
}

/* A column a grid column: its header, its field chooser, then the first rows. */
static void
show_preview (GawahCsvImportDialog *self)
{
  g_autoptr(GawahCsvMapping) guess = gawah_csv_mapping_guess ((const char * const *) self->preview->header);
  guint n_columns = g_strv_length (self->preview->header);
  g_autofree char *text = NULL;

  clear_grid (self);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *column = self->preview->header[c];
      GtkWidget *dropdown = field_dropdown (column, gawah_csv_mapping_get (guess, column));

      gtk_widget_set_margin_start (dropdown, c == 0 ? 6 : 0);
      gtk_grid_attach (self->columns_grid, cell_label (column, TRUE), c, 0, 1, 1);
      gtk_grid_attach (self->columns_grid, dropdown, c, 1, 1, 1);
      g_ptr_array_add (self->dropdowns, dropdown);
      for (guint r = 0; r < self->preview->rows->len; r++)
        {
          const char * const *row = g_ptr_array_index (self->preview->rows, r);

          if (c < g_strv_length ((char **) row))
            gtk_grid_attach (self->columns_grid, cell_label (row[c], FALSE), c, 2 + r, 1, 1);
        }
    }
  /* Translators: %s is a file name; then come its first rows. */
  text = g_strdup_printf (_("Choose the field each column of %s goes to. Its first rows:"), self->name);
  gtk_label_set_text (self->map_label, text);
  gtk_stack_set_visible_child_name (self->stack, "map");
}

void
gawah_csv_import_dialog_set_file (GawahCsvImportDialog *self,
                                  GFile                *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GawahCsvPreview) preview = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GAWAH_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (gawah_task_progress_get_state (self->progress) == GAWAH_TASK_STATE_RUNNING)
    return;
  name = g_file_get_basename (file);
  if ((data = g_file_load_bytes (file, NULL, NULL, &error)) == NULL ||
      (preview = gawah_csv_preview_read (data, name, PREVIEW_ROWS, &error)) == NULL)
    {
      gtk_label_set_text (self->read_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->read_error_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "choose");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->read_error_label), FALSE);
  g_clear_pointer (&self->data, g_bytes_unref);
  self->data = g_steal_pointer (&data);
  g_free (self->name);
  self->name = g_steal_pointer (&name);
  g_clear_pointer (&self->preview, gawah_csv_preview_free);
  self->preview = g_steal_pointer (&preview);
  show_preview (self);
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  gawah_csv_import_dialog_set_file (user_data, file);
}

static void
on_choose_clicked_cb (GawahCsvImportDialog *self)
{
  gawah_widget_choose_file (GTK_WIDGET (self), _("Import Incidents from a Spreadsheet"),
                            GTK_FILE_CHOOSER_ACTION_OPEN, _("CSV spreadsheets"), "*.csv", NULL, on_file_chosen, self);
}

static void
on_finished_cb (GawahCsvImportDialog *self,
                GawahTaskState        state)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), state != GAWAH_TASK_STATE_DONE);
}

static void
on_back_clicked_cb (GawahCsvImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "map");
}

GtkDropDown *
gawah_csv_import_dialog_get_field_dropdown (GawahCsvImportDialog *self,
                                            guint                 column)
{
  g_return_val_if_fail (GAWAH_IS_CSV_IMPORT_DIALOG (self), NULL);

  return column < self->dropdowns->len ? g_ptr_array_index (self->dropdowns, column) : NULL;
}

GawahTaskProgress *
gawah_csv_import_dialog_get_progress (GawahCsvImportDialog *self)
{
  g_return_val_if_fail (GAWAH_IS_CSV_IMPORT_DIALOG (self), NULL);

  return self->progress;
}

GtkWidget *
gawah_csv_import_dialog_new (GtkWindow     *parent,
                             GawahCasebook *casebook)
{
  GawahCsvImportDialog *self = g_object_new (GAWAH_TYPE_CSV_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->casebook = g_object_ref (casebook);
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  return GTK_WIDGET (self);
}

static gboolean
gawah_csv_import_dialog_close_request (GtkWindow *window)
{
  GawahCsvImportDialog *self = GAWAH_CSV_IMPORT_DIALOG (window);

  if (gawah_task_progress_cancel_if_running (self->progress))
    return TRUE;
  return GTK_WINDOW_CLASS (gawah_csv_import_dialog_parent_class)->close_request (window);
}

static void
gawah_csv_import_dialog_dispose (GObject *object)
{
  GawahCsvImportDialog *self = GAWAH_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->casebook);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->preview, gawah_csv_preview_free);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (gawah_csv_import_dialog_parent_class)->dispose (object);
}

static void
gawah_csv_import_dialog_class_init (GawahCsvImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_csv_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = gawah_csv_import_dialog_close_request;

  /**
   * GawahCsvImportDialog::imported:
   *
   * Incidents were added to the casebook: views showing it should reload.
   */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GAWAH_TYPE_TASK_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, read_error_label);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, map_label);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, columns_grid);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, errors_list);
  gtk_widget_class_bind_template_child (widget_class, GawahCsvImportDialog, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
}

static void
gawah_csv_import_dialog_init (GawahCsvImportDialog *self)
{
  self->dropdowns = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
