/* test-report-window.c: case reports, summary reports and UN drafts from
 * the app
 *
 * Drives the real windows on the sample casebook: the incident view's
 * "Case Report…" and "UN Draft…", the casebook page's "Summary Report…"
 * with the list's filter, and Cancel while the PDF is being written. The
 * PDFs are read back with pdftotext and pdfinfo. Runs under Xvfb in
 * English and with LANGUAGE=ur in Urdu; leaves case-report-window.png,
 * summary-report-window.png and un-draft-window.png in
 * $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gawah-casebook-page.h"
#include "gawah-catalogue.h"
#include "gawah-incident-view.h"
#include "gawah-report-window.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-translator.h"
#include "gawah-un-draft-window.h"

#define WAIT_MS 20000
#define INCIDENT_ID 1

typedef struct {
  CasebookFixture  base;
  GtkWidget       *window;
  char            *out_dir;
} ReportFixture;

static void
report_fixture_set_up (ReportFixture *fixture,
                       gconstpointer  data)
{
  casebook_fixture_set_up (&fixture->base, data);
  casebook_fixture_import_sample (&fixture->base);
  fixture->out_dir = test_make_temp_dir ();
}

/* Every window must let go of the casebook: the base fixture checks that
 * it is finalized. */
static void
report_fixture_tear_down (ReportFixture *fixture,
                          gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_autoptr(GtkWidget) window = g_object_ref (fixture->window);

      gtk_window_destroy (GTK_WINDOW (fixture->window));
      test_ui_iterate (50);
      g_assert_finalize_object (g_steal_pointer (&window));
    }
  test_remove_dir (fixture->out_dir);
  g_free (fixture->out_dir);
  casebook_fixture_tear_down (&fixture->base, data);
}

static gboolean
is_laid_out (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

/* In a toast overlay, as in the main window, where "Saved" is announced. */
static void
present_in_window (ReportFixture *fixture,
                   GtkWidget     *child)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->window = adw_window_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (test_ui_wait_until (is_laid_out, child, WAIT_MS));
}

/* Cancelling is tested on a report that takes a while to write (a dozen
 * pages and more), so that Cancel always comes before the end. */
static void
lengthen_chronology (ReportFixture *fixture)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();
      g_autoptr(GError) error = NULL;

      entry->incident_id = INCIDENT_ID;
      entry->date = (GawahPartialDate) { 2021, 1 + i % 12, 1 + i % 28, GAWAH_PRECISION_DAY };
      g_free (entry->step);
      entry->step = g_strdup ("threat");
      entry->description = g_strdup_printf ("Step %u: a threatening call to the family, reported to the police.", i);
      gawah_casebook_save_chronology_entry (fixture->base.casebook, entry, &error);
      g_assert_no_error (error);
    }
}

static GawahIncidentView *
present_incident (ReportFixture *fixture)
{
  GtkWidget *view = gawah_incident_view_new ();

  gawah_incident_view_set_incident (GAWAH_INCIDENT_VIEW (view), fixture->base.casebook, INCIDENT_ID);
  present_in_window (fixture, view);
  return GAWAH_INCIDENT_VIEW (view);
}

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
window_is_shown (gpointer user_data)
{
  GtkWindow *window = find_window (GPOINTER_TO_SIZE (user_data));

  return window != NULL && is_laid_out (window);
}

static GtkWindow *
wait_for_window (GType type)
{
  g_assert_true (test_ui_wait_until (window_is_shown, GSIZE_TO_POINTER (type), WAIT_MS));
  return find_window (type);
}

static gboolean
is_gone (gpointer user_data)
{
  return *(GtkWindow **) user_data == NULL;
}

static gboolean
has_stopped (gpointer user_data)
{
  return gawah_task_progress_get_state (user_data) != GAWAH_TASK_STATE_RUNNING;
}

static void
on_saved_cb (GawahReportWindow *window,
             GFile             *file,
             GFile            **saved)
{
  g_set_object (saved, file);
}

/* Saves as the file chooser would, and waits for the window to close. */
static void
save_report (GawahReportWindow *window,
             const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved = NULL;
  GtkWindow *weak = GTK_WINDOW (window);

  g_signal_connect (window, "saved", G_CALLBACK (on_saved_cb), &saved);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gawah_report_window_save_to (window, file);
  g_assert_true (test_ui_wait_until (is_gone, &weak, WAIT_MS));
  g_assert_nonnull (saved);
  g_assert_true (g_file_equal (saved, file));
}

static char *
run (const char *program,
     const char *path)
{
  const char *argv[] = { program, "-enc", "UTF-8", path, "-", NULL };
  const char *info_argv[] = { program, path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) (g_str_equal (program, "pdftotext") ? argv : info_argv), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&output);
}

/* Nastaliq glyphs cascade and overlap, so pdftotext puts spaces inside
 * words, and it wraps runs of the other direction in bidi marks: text is
 * compared without either. */
static char *
without_spaces (const char *text)
{
  GString *joined = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (joined, c);
    }
  return g_string_free (joined, FALSE);
}

static void
assert_pdf_says (const char *path,
                 const char *expected)
{
  g_autofree char *text = run ("pdftotext", path);
  g_autofree char *joined = without_spaces (text);
  g_autofree char *wanted = without_spaces (expected);

  if (strstr (joined, wanted) == NULL)
    g_error ("%s does not say “%s”:\n%s", path, expected, text);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static const char *
in_report_language (GawahLanguage  language,
                    const char    *msgid)
{
  return gawah_translator_gettext (gawah_translator_get (language), msgid);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_is_shown (gpointer user_data)
{
  LabelSearch *search = user_data;

  return test_ui_find_by_label (search->root, search->text) != NULL;
}

/* "Saved “name”" in the window that opened the report, with its button. */
static void
assert_saved_toast (ReportFixture *fixture,
                    const char    *name)
{
  /* The same words as the app, "_Open" without its mnemonic. */
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);
  g_auto(GStrv) open_parts = g_strsplit (_("_Open"), "_", -1);
  g_autofree char *open = g_strjoinv ("", open_parts);
  LabelSearch toast = { fixture->window, title };
  LabelSearch button = { fixture->window, open };

  g_assert_true (test_ui_wait_until (label_is_shown, &toast, WAIT_MS));
  g_assert_true (test_ui_wait_until (label_is_shown, &button, WAIT_MS));
}

static void
test_case_report (ReportFixture *fixture,
                  gconstpointer  data)
{
  GawahIncidentView *view = present_incident (fixture);
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (fixture->base.casebook, INCIDENT_ID, NULL);
  g_autofree char *path = g_build_filename (fixture->out_dir, "case.pdf", NULL);
  GawahLanguage language = gawah_language_current ();
  GawahReportWindow *window;
  const char *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.case-report", NULL));
  window = GAWAH_REPORT_WINDOW (wait_for_window (GAWAH_TYPE_REPORT_WINDOW));
  g_assert_cmpint (gawah_report_window_get_language (window), ==, language);
  name = gawah_report_window_get_suggested_name (window);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_true (g_str_has_prefix (name, "Enforced disappearance and military trial of Idris Khattak"));
  test_ui_screenshot (GTK_WIDGET (window), "case-report-window");

  save_report (window, path);
  assert_saved_toast (fixture, "case.pdf");
  test_ui_screenshot (fixture->window, "case-report-saved");
  g_assert_cmpuint (pdf_pages (path), >=, 1);
  /* Translators of the report: its first section, in the report's language. */
  assert_pdf_says (path, in_report_language (language, "Facts"));
  assert_pdf_says (path, in_report_language (language, "Case report"));
  if (language == GAWAH_LANGUAGE_ENGLISH)
    assert_pdf_says (path, incident->title);
}

/* The other language than the interface's, chosen in the window. */
static void
test_case_report_other_language (ReportFixture *fixture,
                                 gconstpointer  data)
{
  GawahIncidentView *view = present_incident (fixture);
  g_autofree char *path = g_build_filename (fixture->out_dir, "other.pdf", NULL);
  GawahLanguage other = gawah_language_current () == GAWAH_LANGUAGE_URDU ? GAWAH_LANGUAGE_ENGLISH
                                                                           : GAWAH_LANGUAGE_URDU;
  GawahReportWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.case-report", NULL));
  window = GAWAH_REPORT_WINDOW (wait_for_window (GAWAH_TYPE_REPORT_WINDOW));
  gawah_report_window_set_language (window, other);
  save_report (window, path);
  assert_pdf_says (path, in_report_language (other, "Case report"));
  assert_pdf_says (path, other == GAWAH_LANGUAGE_URDU ? "حقائق" : "Facts");
}

static void
test_summary_report (ReportFixture *fixture,
                     gconstpointer  data)
{
  GawahCasebookPage *page = gawah_casebook_page_new (fixture->base.casebook);
  g_autofree char *filtered_path = g_build_filename (fixture->out_dir, "filtered.pdf", NULL);
  g_autofree char *all_path = g_build_filename (fixture->out_dir, "all.pdf", NULL);
  GawahLanguage language = gawah_language_current ();
  GawahReportWindow *window;

  present_in_window (fixture, GTK_WIDGET (page));
  gawah_casebook_page_search (page, "Rehman");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "casebook.summary-report", NULL));
  window = GAWAH_REPORT_WINDOW (wait_for_window (GAWAH_TYPE_REPORT_WINDOW));
  g_assert_cmpint (gawah_report_window_get_language (window), ==, language);
  g_assert_true (g_str_has_suffix (gawah_report_window_get_suggested_name (window), ".pdf"));
  test_ui_screenshot (GTK_WIDGET (window), "summary-report-window");
  save_report (window, filtered_path);
  g_assert_cmpuint (pdf_pages (filtered_path), >=, 1);
  assert_pdf_says (filtered_path, in_report_language (language, "Casebook Summary"));
  assert_pdf_says (filtered_path, in_report_language (language, "Only the incidents that match:"));
  assert_pdf_says (filtered_path, "Rehman");

  /* The filter switched off: the whole casebook. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "casebook.summary-report", NULL));
  window = GAWAH_REPORT_WINDOW (wait_for_window (GAWAH_TYPE_REPORT_WINDOW));
  gawah_report_window_set_filtered (window, FALSE);
  save_report (window, all_path);
  assert_pdf_says (all_path, in_report_language (language, "Every incident in the casebook."));
}

/* Ctrl+P on the casebook page: the report of the incident being read. */
static void
test_case_report_shortcut (ReportFixture *fixture,
                           gconstpointer  data)
{
  GawahCasebookPage *page = gawah_casebook_page_new (fixture->base.casebook);
  GawahReportWindow *window;
  g_autofree char *expected = gawah_report_suggest_file_name ("Killing of lawyer Rashid Rehman in Multan", "pdf");
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (fixture->base.casebook, 3, NULL);

  present_in_window (fixture, GTK_WIDGET (page));
  g_assert_cmpstr (incident->title, ==, "Killing of lawyer Rashid Rehman in Multan");
  g_assert_true (gawah_casebook_page_select (page, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "casebook.case-report", NULL));
  window = GAWAH_REPORT_WINDOW (wait_for_window (GAWAH_TYPE_REPORT_WINDOW));
  g_assert_cmpstr (gawah_report_window_get_suggested_name (window), ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel (ReportFixture *fixture,
             gconstpointer  data)
{
  GawahIncidentView *view;
  g_autofree char *path = g_build_filename (fixture->out_dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) dir = NULL;
  GawahReportWindow *window;
  GawahTaskProgress *progress;

  lengthen_chronology (fixture);
  view = present_incident (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.case-report", NULL));
  window = GAWAH_REPORT_WINDOW (wait_for_window (GAWAH_TYPE_REPORT_WINDOW));
  progress = gawah_report_window_get_progress (window);
  gawah_report_window_save_to (window, file);
  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_RUNNING);
  gawah_task_progress_cancel (progress);
  g_assert_true (test_ui_wait_until (has_stopped, progress, WAIT_MS));

  g_assert_cmpint (gawah_task_progress_get_state (progress), ==, GAWAH_TASK_STATE_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Not even a temporary file. */
  dir = g_dir_open (fixture->out_dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
  /* The window stays, to try again. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window while it writes cancels, and the window goes once
 * the worker has stopped. */
static void
test_close_while_writing (ReportFixture *fixture,
                          gconstpointer  data)
{
  GawahIncidentView *view;
  g_autofree char *path = g_build_filename (fixture->out_dir, "closed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *weak;

  lengthen_chronology (fixture);
  view = present_incident (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.case-report", NULL));
  weak = wait_for_window (GAWAH_TYPE_REPORT_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gawah_report_window_save_to (GAWAH_REPORT_WINDOW (weak), file);
  gtk_window_close (weak);
  g_assert_true (test_ui_wait_until (is_gone, &weak, WAIT_MS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Locking the casebook destroys the window while it writes: the report
 * is abandoned, and the window finalized once the worker has stopped. */
static void
test_destroy_while_writing (ReportFixture *fixture,
                            gconstpointer  data)
{
  GawahIncidentView *view;
  g_autofree char *path = g_build_filename (fixture->out_dir, "locked.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *weak;

  lengthen_chronology (fixture);
  view = present_incident (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.case-report", NULL));
  weak = wait_for_window (GAWAH_TYPE_REPORT_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gawah_report_window_save_to (GAWAH_REPORT_WINDOW (weak), file);
  gtk_window_destroy (weak);
  g_assert_true (test_ui_wait_until (is_gone, &weak, WAIT_MS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
confirm_first_provision (ReportFixture *fixture,
                         char         **heading)
{
  g_autoptr(GPtrArray) mappings = gawah_casebook_list_mappings (fixture->base.casebook, INCIDENT_ID, NULL);
  const GawahProvisionMapping *mapping;
  const GawahProvision *provision;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (mappings);
  g_assert_cmpuint (mappings->len, >, 0);
  mapping = g_ptr_array_index (mappings, 0);
  gawah_casebook_decide_provision (fixture->base.casebook, INCIDENT_ID, mapping->provision_id,
                                   GAWAH_DECISION_CONFIRMED, "Held without charge", &error);
  g_assert_no_error (error);
  provision = gawah_catalogue_find_provision (gawah_catalogue_get_default (), mapping->provision_id);
  g_assert_nonnull (provision);
  *heading = g_strdup (gawah_text_get_current (&provision->heading));
}

static void
assert_text_contains (const char *text,
                      const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("The draft does not say “%s”:\n%s", expected, text);
}

static void
on_clipboard_text_cb (GObject      *clipboard,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

static gboolean
is_set (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static void
test_un_draft (ReportFixture *fixture,
               gconstpointer  data)
{
  g_autofree char *heading = NULL;
  GawahIncidentView *view;
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (fixture->base.casebook, INCIDENT_ID, NULL);
  g_autofree char *path = g_build_filename (fixture->out_dir, "draft.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *english = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *copied = NULL;
  GawahLanguage language = gawah_language_current ();
  GawahUnDraftWindow *window;

  confirm_first_provision (fixture, &heading);
  view = present_incident (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.un-draft", NULL));
  window = GAWAH_UN_DRAFT_WINDOW (wait_for_window (GAWAH_TYPE_UN_DRAFT_WINDOW));
  test_ui_screenshot (GTK_WIDGET (window), "un-draft-window");

  /* In the interface's language first, set the way it reads. */
  text = gawah_un_draft_window_dup_text (window);
  assert_text_contains (text, incident->title);
  assert_text_contains (text, in_report_language (language, "Provisions engaged"));
  assert_text_contains (text, heading);
  g_assert_false (gtk_text_view_get_editable (gawah_un_draft_window_get_text_view (window)));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (gawah_un_draft_window_get_text_view (window))), ==,
                   language == GAWAH_LANGUAGE_URDU ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* English whatever the interface. */
  gawah_un_draft_window_set_language (window, GAWAH_LANGUAGE_ENGLISH);
  english = gawah_un_draft_window_dup_text (window);
  assert_text_contains (english, "Provisions engaged");
  assert_text_contains (english, incident->title);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (gawah_un_draft_window_get_text_view (window))), ==,
                   GTK_TEXT_DIR_LTR);

  g_assert_true (gawah_un_draft_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, english);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "draft.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_clipboard_text_cb, &copied);
  g_assert_true (test_ui_wait_until (is_set, &copied, WAIT_MS));
  g_assert_cmpstr (copied, ==, english);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_file_names (void)
{
  g_autofree char *slashes = gawah_report_suggest_file_name ("Raid on a/b: \"office\"\n", "pdf");
  g_autofree char *urdu = gawah_report_suggest_file_name ("ادریس خٹک کی جبری گمشدگی", "pdf");
  g_autofree char *dots = gawah_report_suggest_file_name ("..", "txt");
  g_autofree char *empty = gawah_report_suggest_file_name ("", "pdf");
  g_autofree char *long_title = g_strnfill (300, 'x');
  g_autofree char *long_name = gawah_report_suggest_file_name (long_title, "pdf");
  g_autofree char *fallback = g_strconcat (_("report"), ".txt", NULL);

  g_assert_cmpstr (slashes, ==, "Raid on a b office.pdf");
  g_assert_cmpstr (urdu, ==, "ادریس خٹک کی جبری گمشدگی.pdf");
  g_assert_cmpstr (dots, ==, fallback);
  g_assert_true (g_str_has_suffix (empty, ".pdf") && empty[0] != '.');
  g_assert_cmpuint (strlen (long_name), ==, 80 + strlen (".pdf"));
}

int
main (int    argc,
      char **argv)
{
  test_ui_init (&argc, &argv);
  g_test_add_func ("/report-window/file-names", test_file_names);
  g_test_add ("/report-window/case-report", ReportFixture, NULL, report_fixture_set_up, test_case_report,
              report_fixture_tear_down);
  g_test_add ("/report-window/case-report-other-language", ReportFixture, NULL, report_fixture_set_up,
              test_case_report_other_language, report_fixture_tear_down);
  g_test_add ("/report-window/summary-report", ReportFixture, NULL, report_fixture_set_up, test_summary_report,
              report_fixture_tear_down);
  g_test_add ("/report-window/case-report-shortcut", ReportFixture, NULL, report_fixture_set_up,
              test_case_report_shortcut, report_fixture_tear_down);
  g_test_add ("/report-window/cancel", ReportFixture, NULL, report_fixture_set_up, test_cancel,
              report_fixture_tear_down);
  g_test_add ("/report-window/close-while-writing", ReportFixture, NULL, report_fixture_set_up,
              test_close_while_writing, report_fixture_tear_down);
  g_test_add ("/report-window/destroy-while-writing", ReportFixture, NULL, report_fixture_set_up,
              test_destroy_while_writing, report_fixture_tear_down);
  g_test_add ("/report-window/un-draft", ReportFixture, NULL, report_fixture_set_up, test_un_draft,
              report_fixture_tear_down);
  return g_test_run ();
}
