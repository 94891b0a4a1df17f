/* test-exchange-dialogs.c: importing and exporting through the dialogs
 *
 * Each dialog is driven through its real widgets, the file given with
 * set_file() instead of the desktop's chooser: an OpenEvSys import and its
 * report, a broken one, a spreadsheet export with the list's filter, a
 * spreadsheet import through the casebook page's menu action with columns
 * mapped by hand and one left out, one with bad rows, and a large import of each kind
 * cancelled in flight (the casebook unchanged), Gawah XML out and back in
 * with a conflict, a redacted export, and an export that fails leaving
 * the old file as it was. Runs in English and Urdu
 * (right to left); leaves screenshots in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gawah-casebook-page.h"
#include "gawah-csv-export-dialog.h"
#include "gawah-csv-import.h"
#include "gawah-csv-import-dialog.h"
#include "gawah-esf.h"
#include "gawah-esf-import-dialog.h"
#include "gawah-exchange.h"
#include "gawah-export-file.h"
#include "gawah-incident-query.h"
#include "gawah-task-progress.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-xml-export-dialog.h"
#include "gawah-xml-import-dialog.h"

#define WAIT_MS 60000
#define LARGE_ESF_EVENTS 30000
#define LARGE_CSV_ROWS 60000

typedef struct {
  CasebookFixture  base;
  GtkWidget       *parent;
} DialogFixture;

static void
dialog_fixture_set_up (DialogFixture *fixture,
                       gconstpointer  data)
{
  casebook_fixture_set_up (&fixture->base, data);
  fixture->parent = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->parent), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->parent));
}

static void
dialog_fixture_tear_down (DialogFixture *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->parent));
  test_ui_iterate (50);
  casebook_fixture_tear_down (&fixture->base, data);
}

static gboolean
has_ended (gpointer user_data)
{
  GawahTaskState state = gawah_task_progress_get_state (user_data);

  return state != GAWAH_TASK_STATE_RUNNING && state != GAWAH_TASK_STATE_IDLE;
}

static gboolean
has_progressed (gpointer user_data)
{
  return gawah_task_progress_get_done (user_data) > 0 || has_ended (user_data);
}

static void
wait_for_end (GawahTaskProgress *progress)
{
  g_assert_true (test_ui_wait_until (has_ended, progress, WAIT_MS));
}

/* Urdu windows read right to left, as a whole. */
static void
assert_direction (GtkWidget *window)
{
  GtkTextDirection expected = g_str_equal (g_getenv ("LANGUAGE"), "ur") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  g_assert_cmpint (gtk_widget_get_direction (window), ==, expected);
}

static GtkWidget *
find_mnemonic_button (GtkWidget  *root,
                      const char *text)
{
  g_autoptr(GString) shown = g_string_new (text);
  GtkWidget *label;

  g_string_replace (shown, "_", "", 1);
  label = test_ui_find_by_label (root, shown->str);
  g_assert_nonnull (label);
  g_assert_true (GTK_IS_BUTTON (gtk_widget_get_parent (label)));
  return gtk_widget_get_parent (label);
}

static void
on_imported_cb (GtkWidget *dialog,
                guint     *count)
{
  (*count)++;
}

static GFile *
source_file (const char *relative)
{
  g_autofree char *path = test_source_path (relative);

  return g_file_new_for_path (path);
}

/* The report lists what the core reports for the same file. */
static void
assert_esf_report_shown (GtkWidget *dialog)
{
  g_autofree char *path = test_source_path ("tests/data/esf/pakistan-hrd.xml");
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *reference_path = g_build_filename (dir, "reference.gawah", NULL);
  g_autoptr(GawahCasebook) reference = gawah_casebook_create (reference_path, TEST_PASSPHRASE, NULL);
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;

  gawah_casebook_import_esf_file (reference, path, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  events = g_strdup_printf ("%u", report->events);
  g_assert_nonnull (test_ui_find_by_label (dialog, _("Events, now incidents")));
  g_assert_nonnull (test_ui_find_by_label (dialog, events));
  g_assert_cmpuint (report->unmapped->len, >, 0);
  g_assert_cmpuint (report->skipped->len, >, 0);
  for (guint i = 0; i < report->unmapped->len; i++)
    {
      const GawahEsfUnmapped *code = g_ptr_array_index (report->unmapped, i);
      g_autofree char *where = g_strdup_printf (_("%1$s, field %2$s, line %3$u"), code->record, code->field,
                                                code->line);

      g_assert_nonnull (test_ui_find_by_label (dialog, where));
    }
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const GawahEsfSkipped *element = g_ptr_array_index (report->skipped, i);

      g_assert_nonnull (test_ui_find_by_label (dialog, element->element));
    }
  g_clear_object (&reference);
  test_remove_dir (dir);
}

static void
test_esf_import (DialogFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog = gawah_esf_import_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  GawahTaskProgress *progress = gawah_esf_import_dialog_get_progress (GAWAH_ESF_IMPORT_DIALOG (dialog));
  g_autoptr(GFile) file = source_file ("tests/data/esf/pakistan-hrd.xml");
  guint imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_direction (dialog);
  test_ui_screenshot (dialog, "esf-import-choose");
  gawah_esf_import_dialog_set_file (GAWAH_ESF_IMPORT_DIALOG (dialog), file);
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_DONE);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "incident"), ==, 3);
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "person"), ==, 12);
  assert_esf_report_shown (dialog);
  test_ui_screenshot (dialog, "esf-import-report");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_esf_broken (DialogFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog = gawah_esf_import_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  GawahTaskProgress *progress = gawah_esf_import_dialog_get_progress (GAWAH_ESF_IMPORT_DIALOG (dialog));
  g_autoptr(GFile) file = source_file ("tests/data/esf/broken-missing-title.xml");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();
  g_autoptr(GError) expected = NULL;
  const char *status;

  gtk_window_present (GTK_WINDOW (dialog));
  gawah_esf_import_dialog_set_file (GAWAH_ESF_IMPORT_DIALOG (dialog), file);
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_FAILED);
  status = gawah_task_progress_get_status (progress);
  /* The core's message, with the file and the line, is what is shown. */
  g_assert_false (gawah_casebook_import_esf_file (fixture->base.casebook, path, report, NULL, NULL, NULL, &expected));
  g_assert_nonnull (expected);
  g_assert_nonnull (strstr (expected->message, "broken-missing-title.xml"));
  g_assert_nonnull (strstr (expected->message, "8"));
  g_assert_cmpstr (status, ==, expected->message);
  g_assert_nonnull (test_ui_find_by_label (dialog, status));
  g_assert_nonnull (find_mnemonic_button (dialog, _("Choose _Another File…")));
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "incident"), ==, 0);
  test_ui_screenshot (dialog, "esf-import-error");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
write_large_esf (const char *dir)
{
  g_autoptr(GString) document = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                              "<events xmlns=\"http://www.huridocs.org/\">\n");
  char *path = g_build_filename (dir, "large.xml", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < LARGE_ESF_EVENTS; i++)
    g_string_append_printf (document,
                            "  <event>\n    <event_record_number>E-%u</event_record_number>\n"
                            "    <event_title>Generated event %u</event_title>\n"
                            "    <initial_date>2020-01-01</initial_date>\n  </event>\n", i, i);
  g_string_append (document, "</events>\n");
  g_file_set_contents (path, document->str, document->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Cancel pressed, or the window closed: either cancels, and the window
 * stays to show the work ending. */
static void
cancel_when_under_way (GtkWidget         *dialog,
                       GawahTaskProgress *progress,
                       gboolean           by_closing)
{
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  g_assert_true (test_ui_wait_until (has_progressed, progress, WAIT_MS));
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_RUNNING);
  /* The casebook's connection is the worker's: the other windows wait. */
  g_assert_false (gtk_widget_get_sensitive (parent));
  test_ui_screenshot (dialog, gawah_task_progress_get_done (progress) > 0 ? "import-in-progress" : "import-starting");
  if (by_closing)
    gtk_window_close (GTK_WINDOW (dialog));
  else
    g_signal_emit_by_name (find_mnemonic_button (GTK_WIDGET (progress), _("_Cancel")), "clicked");
  wait_for_end (progress);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_widget_get_sensitive (parent));
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_CANCELLED);
  g_assert_cmpstr (gawah_task_progress_get_status (progress), ==, _("Cancelled. Nothing was changed."));
}

static void
test_esf_cancel (DialogFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog = gawah_esf_import_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  GawahTaskProgress *progress = gawah_esf_import_dialog_get_progress (GAWAH_ESF_IMPORT_DIALOG (dialog));
  g_autofree char *path = write_large_esf (fixture->base.dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint imported = 0;
  gint64 before;

  casebook_fixture_import_sample (&fixture->base);
  before = test_count_rows (fixture->base.casebook, "incident");
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  gawah_esf_import_dialog_set_file (GAWAH_ESF_IMPORT_DIALOG (dialog), file);
  cancel_when_under_way (dialog, progress, FALSE);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "incident"), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint lines = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* UTF-8 with a byte-order mark, for spreadsheet programs. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  for (const char *p = contents; *p != '\0'; p++)
    lines += *p == '\n';
  return lines;
}

static void
test_csv_export (DialogFixture *fixture,
                 gconstpointer  data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *whole_path = g_build_filename (fixture->base.dir, "whole.csv", NULL);
  g_autofree char *filtered_path = g_build_filename (fixture->base.dir, "filtered.csv", NULL);
  g_autoptr(GFile) whole = g_file_new_for_path (whole_path);
  g_autoptr(GFile) filtered = g_file_new_for_path (filtered_path);
  gint64 n_incidents;
  GtkWidget *dialog;
  GawahTaskProgress *progress;
  GtkSwitch *filter_switch;

  casebook_fixture_import_sample (&fixture->base);
  n_incidents = test_count_rows (fixture->base.casebook, "incident");
  filter.province = g_strdup ("pk-pb");
  selected = gawah_casebook_query_incidents (fixture->base.casebook, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (selected->len, >, 0);
  g_assert_cmpint (selected->len, <, n_incidents);

  dialog = gawah_csv_export_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook, &filter);
  progress = gawah_csv_export_dialog_get_progress (GAWAH_CSV_EXPORT_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  assert_direction (dialog);
  filter_switch = GTK_SWITCH (test_ui_find_by_type (dialog, GTK_TYPE_SWITCH));
  /* With a filter on the list, the export keeps to it unless told otherwise. */
  g_assert_true (gtk_switch_get_active (filter_switch));
  test_ui_screenshot (dialog, "csv-export-options");
  gawah_csv_export_dialog_set_file (GAWAH_CSV_EXPORT_DIALOG (dialog), filtered);
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_DONE);
  g_assert_cmpuint (count_lines (filtered_path), ==, 1 + selected->len);
  test_ui_screenshot (dialog, "csv-export-done");

  g_signal_emit_by_name (find_mnemonic_button (dialog, _("_Back")), "clicked");
  g_assert_true (test_ui_wait_until ((TestUiCondition) gtk_widget_get_mapped, filter_switch, WAIT_MS));
  gtk_widget_activate (GTK_WIDGET (filter_switch));
  g_assert_false (gtk_switch_get_active (filter_switch));
  gawah_csv_export_dialog_set_file (GAWAH_CSV_EXPORT_DIALOG (dialog), whole);
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_DONE);
  g_assert_cmpuint (count_lines (whole_path), ==, 1 + n_incidents);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }
  return NULL;
}

/* A field's item in a column's field chooser: "Ignore" comes first. */
static guint
field_item (const char *key)
{
  guint n_fields;
  const GawahCsvField *fields = gawah_csv_incident_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, key))
      return i + 1;
  g_assert_not_reached ();
}

/* Through the casebook page's action, as the menu does; the list shows the
 * new incidents afterwards. The "Details" column is set to Ignore. */
static void
test_csv_import (DialogFixture *fixture,
                 gconstpointer  data)
{
  GawahCasebookPage *page;
  g_autoptr(GFile) file = source_file ("tests/data/csv/incidents-mixed.csv");
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  GawahCsvImportDialog *dialog;
  GawahTaskProgress *progress;
  GtkDropDown *headline, *details;
  gboolean found = FALSE;
  guint shown_before;

  casebook_fixture_import_sample (&fixture->base);
  page = gawah_casebook_page_new (fixture->base.casebook);
  adw_window_set_content (ADW_WINDOW (fixture->parent), GTK_WIDGET (page));
  shown_before = gawah_casebook_page_get_n_shown (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "casebook.import-csv", NULL);
  dialog = GAWAH_CSV_IMPORT_DIALOG (find_dialog (GAWAH_TYPE_CSV_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  progress = gawah_csv_import_dialog_get_progress (dialog);
  assert_direction (GTK_WIDGET (dialog));
  gawah_csv_import_dialog_set_file (dialog, file);

  /* The guess: "Province" and "District" are fields' names; the others are
   * left to the user, who maps two of them and leaves "Details" out. */
  g_assert_cmpuint (gtk_drop_down_get_selected (gawah_csv_import_dialog_get_field_dropdown (dialog, 4)), ==,
                    field_item ("province"));
  g_assert_cmpuint (gtk_drop_down_get_selected (gawah_csv_import_dialog_get_field_dropdown (dialog, 5)), ==,
                    field_item ("district"));
  headline = gawah_csv_import_dialog_get_field_dropdown (dialog, 0);
  details = gawah_csv_import_dialog_get_field_dropdown (dialog, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (headline), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (details), ==, 0);
  g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (dialog), "Ban on a minority rights seminar"));
  gtk_drop_down_set_selected (headline, field_item ("title"));
  gtk_drop_down_set_selected (gawah_csv_import_dialog_get_field_dropdown (dialog, 2), field_item ("start_date"));
  test_ui_screenshot (GTK_WIDGET (dialog), "csv-import-columns");

  g_signal_emit_by_name (find_mnemonic_button (GTK_WIDGET (dialog), _("_Import")), "clicked");
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_DONE);
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, shown_before + 3);
  incidents = gawah_casebook_list_incidents (fixture->base.casebook, 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < incidents->len; i++)
    {
      GawahIncident *incident = g_ptr_array_index (incidents, i);

      /* Ignored: the details of the imported rows are not in any summary. */
      g_assert_null (g_strstr_len (incident->summary != NULL ? incident->summary : "", -1, "did not give names"));
      if (g_strcmp0 (incident->title, "Ban on a minority rights seminar") == 0)
        {
          g_assert_cmpint (incident->start.year, ==, 2022);
          g_assert_cmpstr (incident->province, ==, "pk-pb");
          found = TRUE;
        }
    }
  g_assert_true (found);
  test_ui_screenshot (GTK_WIDGET (dialog), "csv-import-done");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_csv_bad_rows (DialogFixture *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog = gawah_csv_import_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  GawahTaskProgress *progress = gawah_csv_import_dialog_get_progress (GAWAH_CSV_IMPORT_DIALOG (dialog));
  g_autoptr(GFile) file = source_file ("tests/data/csv/incidents-bad-rows.csv");
  g_autoptr(GString) listed = g_string_new (NULL);
  GtkWidget *errors;
  guint n_errors = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  gawah_csv_import_dialog_set_file (GAWAH_CSV_IMPORT_DIALOG (dialog), file);
  g_signal_emit_by_name (find_mnemonic_button (dialog, _("_Import")), "clicked");
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_FAILED);
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "incident"), ==, 0);
  errors = test_ui_find_by_type (dialog, GTK_TYPE_LIST_BOX);
  g_assert_true (gtk_widget_get_visible (errors));
  for (GtkWidget *row = gtk_widget_get_first_child (errors); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      g_autofree char *prefix = g_strdup_printf (_("Row %u: %s"), 3, "");

      if (n_errors++ == 0)
        g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), prefix));
      g_string_append_printf (listed, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
  /* The date, the province, the missing title and the victim without an act. */
  g_assert_cmpuint (n_errors, ==, 4);
  /* Each with the value at fault. */
  g_assert_nonnull (strstr (listed->str, "2019-02-30"));
  g_assert_nonnull (strstr (listed->str, "Atlantis"));
  test_ui_screenshot (dialog, "csv-import-errors");
  g_signal_emit_by_name (find_mnemonic_button (dialog, _("_Back to the Columns")), "clicked");
  g_assert_nonnull (gawah_csv_import_dialog_get_field_dropdown (GAWAH_CSV_IMPORT_DIALOG (dialog), 0));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_csv_cancel (DialogFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *dialog = gawah_csv_import_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  GawahTaskProgress *progress = gawah_csv_import_dialog_get_progress (GAWAH_CSV_IMPORT_DIALOG (dialog));
  g_autofree char *path = g_build_filename (fixture->base.dir, "large.csv", NULL);
  g_autoptr(GString) contents = g_string_new ("title,start_date,province\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 before;

  for (guint i = 0; i < LARGE_CSV_ROWS; i++)
    g_string_append_printf (contents, "Generated incident %u,2021-%02u-01,pk-sd\n", i, 1 + i % 12);
  g_file_set_contents (path, contents->str, contents->len, &error);
  g_assert_no_error (error);
  casebook_fixture_import_sample (&fixture->base);
  before = test_count_rows (fixture->base.casebook, "incident");

  gtk_window_present (GTK_WINDOW (dialog));
  gawah_csv_import_dialog_set_file (GAWAH_CSV_IMPORT_DIALOG (dialog), file);
  g_signal_emit_by_name (find_mnemonic_button (dialog, _("_Import")), "clicked");
  cancel_when_under_way (dialog, progress, TRUE);
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "incident"), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
export_xml_through_dialog (DialogFixture             *fixture,
                           const GawahIncidentFilter *filter,
                           gboolean                   redacted,
                           GFile                     *file,
                           const char                *screenshot)
{
  GtkWidget *dialog = gawah_xml_export_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook, filter);
  GawahTaskProgress *progress = gawah_xml_export_dialog_get_progress (GAWAH_XML_EXPORT_DIALOG (dialog));
  g_autoptr(GString) redact_text = g_string_new (_("_Redacted for sharing"));
  GtkWidget *redact_label;
  GtkWidget *redact_row;
  GtkSwitch *redact_switch;

  gtk_window_present (GTK_WINDOW (dialog));
  assert_direction (dialog);
  /* Looked for once shown: labels of a hidden window are not visible. */
  g_string_replace (redact_text, "_", "", 1);
  redact_label = test_ui_find_by_label (dialog, redact_text->str);
  g_assert_nonnull (redact_label);
  redact_row = gtk_widget_get_ancestor (redact_label, ADW_TYPE_ACTION_ROW);
  redact_switch = GTK_SWITCH (test_ui_find_by_type (redact_row, GTK_TYPE_SWITCH));
  g_assert_false (gtk_switch_get_active (redact_switch));
  if (redacted)
    gtk_widget_activate (GTK_WIDGET (redact_switch));
  g_assert_cmpint (gtk_switch_get_active (redact_switch), ==, redacted);
  if (screenshot != NULL)
    test_ui_screenshot (dialog, screenshot);
  gawah_xml_export_dialog_set_file (GAWAH_XML_EXPORT_DIALOG (dialog), file);
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_DONE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
read_text (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Exported whole, the casebook changed here, the document imported back:
 * the deleted incident returns, the changed one is listed as a conflict
 * and keeps our title. */
static void
test_xml_round_trip (DialogFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, "casebook.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GawahIncident) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs_title = NULL;
  g_autofree char *conflict_title = NULL;
  g_autofree char *added = NULL;
  GawahTaskProgress *progress;
  GtkWidget *dialog;
  guint imported = 0;
  gint64 n_incidents;

  casebook_fixture_import_sample (&fixture->base);
  n_incidents = test_count_rows (fixture->base.casebook, "incident");
  export_xml_through_dialog (fixture, NULL, FALSE, file, "xml-export-options");
  g_assert_true (g_file_query_exists (file, NULL));

  incidents = gawah_casebook_list_incidents (fixture->base.casebook, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, >=, 2);
  changed = gawah_casebook_get_incident (fixture->base.casebook,
                                         ((GawahIncident *) g_ptr_array_index (incidents, 0))->id, &error);
  g_assert_no_error (error);
  theirs_title = g_strdup (changed->title);
  g_free (changed->title);
  changed->title = g_strdup ("Our corrected title");
  g_assert_true (gawah_casebook_save_incident (fixture->base.casebook, changed, &error));
  g_assert_true (gawah_casebook_delete_incident (fixture->base.casebook,
                                                 ((GawahIncident *) g_ptr_array_index (incidents, 1))->id, &error));
  g_assert_no_error (error);

  dialog = gawah_xml_import_dialog_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  progress = gawah_xml_import_dialog_get_progress (GAWAH_XML_IMPORT_DIALOG (dialog));
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_direction (dialog);
  gawah_xml_import_dialog_set_file (GAWAH_XML_IMPORT_DIALOG (dialog), file);
  wait_for_end (progress);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_DONE);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpint (test_count_rows (fixture->base.casebook, "incident"), ==, n_incidents);
  g_clear_pointer (&changed, gawah_incident_free);
  changed = gawah_casebook_get_incident (fixture->base.casebook,
                                         ((GawahIncident *) g_ptr_array_index (incidents, 0))->id, &error);
  g_assert_cmpstr (changed->title, ==, "Our corrected title");

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident added", "%u incidents added", 1), 1);
  g_assert_nonnull (test_ui_find_by_label (dialog, added));
  conflict_title = g_strdup_printf (_("%1$s “%2$s”"), "incident", theirs_title);
  g_assert_nonnull (test_ui_find_by_label (dialog, conflict_title));
  test_ui_screenshot (dialog, "xml-import-report");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Redacted, and only what the list shows: the names of victims are gone
 * and the rules are in the document. */
static void
test_xml_redacted (DialogFixture *fixture,
                   gconstpointer  data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autofree char *plain_path = g_build_filename (fixture->base.dir, "plain.xml", NULL);
  g_autofree char *redacted_path = g_build_filename (fixture->base.dir, "redacted.xml", NULL);
  g_autoptr(GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr(GFile) redacted = g_file_new_for_path (redacted_path);
  g_autofree char *plain_text = NULL;
  g_autofree char *redacted_text = NULL;

  casebook_fixture_import_sample (&fixture->base);
  export_xml_through_dialog (fixture, NULL, FALSE, plain, NULL);
  export_xml_through_dialog (fixture, NULL, TRUE, redacted, "xml-export-redacted");
  plain_text = read_text (plain);
  redacted_text = read_text (redacted);
  g_assert_nonnull (strstr (plain_text, "<name-latin>Idris Khattak</name-latin>"));
  g_assert_null (strstr (redacted_text, "<name-latin>Idris Khattak</name-latin>"));
  g_assert_null (strstr (redacted_text, "ادریس خٹک"));
  g_assert_null (strstr (plain_text, "<redaction"));
  g_assert_nonnull (strstr (redacted_text, "<redaction"));
}

/* Writes half a document, then fails as a cancelled export does. */
static gboolean
write_half_then_fail (GOutputStream      *stream,
                      gpointer            writer_data,
                      GCancellable       *cancellable,
                      GawahProgressFunc   progress,
                      gpointer            progress_data,
                      GError            **error)
{
  if (!g_output_stream_write_all (stream, "half a document", 15, NULL, cancellable, error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return FALSE;
}

static gboolean
write_whole (GOutputStream      *stream,
             gpointer            writer_data,
             GCancellable       *cancellable,
             GawahProgressFunc   progress,
             gpointer            progress_data,
             GError            **error)
{
  return g_output_stream_write_all (stream, writer_data, strlen (writer_data), NULL, cancellable, error);
}

/* A failed export leaves an existing file as it was and no new file. */
static void
test_export_whole_or_nothing (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.csv", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.csv", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (gawah_export_to_file (old_file, write_whole, (gpointer) "the old export\n", NULL, NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_false (gawah_export_to_file (old_file, write_half_then_fail, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_file_get_contents (old_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the old export\n");

  g_assert_false (gawah_export_to_file (new_file, write_half_then_fail, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (new_file, NULL));
  /* Nothing left behind: only the old export is in the folder. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);
  g_test_add_func ("/export-file/whole-or-nothing", test_export_whole_or_nothing);
  g_test_add ("/esf-import-dialog/import", DialogFixture, NULL, dialog_fixture_set_up,
              test_esf_import, dialog_fixture_tear_down);
  g_test_add ("/esf-import-dialog/broken", DialogFixture, NULL, dialog_fixture_set_up,
              test_esf_broken, dialog_fixture_tear_down);
  g_test_add ("/esf-import-dialog/cancel", DialogFixture, NULL, dialog_fixture_set_up,
              test_esf_cancel, dialog_fixture_tear_down);
  g_test_add ("/csv-export-dialog/export", DialogFixture, NULL, dialog_fixture_set_up,
              test_csv_export, dialog_fixture_tear_down);
  g_test_add ("/csv-import-dialog/import", DialogFixture, NULL, dialog_fixture_set_up,
              test_csv_import, dialog_fixture_tear_down);
  g_test_add ("/csv-import-dialog/bad-rows", DialogFixture, NULL, dialog_fixture_set_up,
              test_csv_bad_rows, dialog_fixture_tear_down);
  g_test_add ("/csv-import-dialog/cancel", DialogFixture, NULL, dialog_fixture_set_up,
              test_csv_cancel, dialog_fixture_tear_down);
  g_test_add ("/xml-dialogs/round-trip", DialogFixture, NULL, dialog_fixture_set_up,
              test_xml_round_trip, dialog_fixture_tear_down);
  g_test_add ("/xml-dialogs/redacted", DialogFixture, NULL, dialog_fixture_set_up,
              test_xml_redacted, dialog_fixture_tear_down);
  return g_test_run ();
}
