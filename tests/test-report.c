/* test-report.c: the PDF writer of the report library
 *
 * A case report long enough to need several pages numbers them all ("Page
 * 1 of N" … "Page N of N", as pdftotext reads them back) and reports its
 * progress in pages; an Urdu report embeds Noto Nastaliq Urdu (pdffonts);
 * cancelling, before or in the middle of the writing, leaves no file and
 * an earlier file of that name as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include "gawah-case-report.h"
#include "gawah-test-utils.h"

#define N_STEPS 120

typedef struct {
  CasebookFixture  base;
  gint64           incident_id;
} ReportFixture;

/* An incident whose chronology alone fills several pages. */
static void
report_fixture_set_up (ReportFixture *fixture,
                       gconstpointer  data)
{
  casebook_fixture_set_up (&fixture->base, data);
  fixture->incident_id = test_add_incident (fixture->base.casebook, "Harassment of the Quetta press club");
  for (guint i = 0; i < N_STEPS; i++)
    {
      g_autoptr(GawahChronologyEntry) entry = gawah_chronology_entry_new ();
      g_autoptr(GError) error = NULL;

      entry->incident_id = fixture->incident_id;
      entry->date = (GawahPartialDate) { 2020 + i / 365, 1 + (i / 28) % 12, 1 + i % 28, GAWAH_PRECISION_DAY };
      g_free (entry->step);
      entry->step = g_strdup ("threat");
      entry->description = g_strdup_printf ("Step %u: a threatening call to the office, recorded by the "
                                            "secretary and reported to the police the same day.", i + 1);
      gawah_casebook_save_chronology_entry (fixture->base.casebook, entry, &error);
      g_assert_no_error (error);
    }
}

static void
report_fixture_tear_down (ReportFixture *fixture,
                          gconstpointer  data)
{
  casebook_fixture_tear_down (&fixture->base, data);
}

static GawahReportDocument *
build_report (ReportFixture *fixture,
              GawahLanguage  language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCaseFile) file = gawah_case_file_load (fixture->base.casebook, fixture->incident_id, &error);

  g_assert_no_error (error);
  return gawah_case_report_build (file, language);
}

static char *
run (const char * const *argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&output);
}

typedef struct {
  guint64 calls;
  guint64 done;
  guint64 total;
  guint64 cancel_at;          /* 0: never */
  GCancellable *cancellable;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, progress->done);
  progress->calls++;
  progress->done = done;
  progress->total = total;
  if (progress->cancel_at != 0 && done == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static char *
write_report (GawahReportDocument *document,
              const char          *dir,
              const char          *name,
              Progress            *progress)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gawah_report_document_write_pdf (document, file, NULL, progress_cb, progress, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_pagination (ReportFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(GawahReportDocument) document = build_report (fixture, GAWAH_LANGUAGE_ENGLISH);
  g_autofree char *dir = test_make_temp_dir ();
  Progress progress = { 0 };
  g_autofree char *path = write_report (document, dir, "long.pdf", &progress);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *info = run (info_argv);
  g_autofree char *text = run (text_argv);
  const char *pages = strstr (info, "Pages:");
  guint n_pages;

  g_assert_nonnull (pages);
  n_pages = (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >=, 2);
  g_test_message ("%u chronology steps: %u pages", N_STEPS, n_pages);

  /* Every page says which it is, of how many. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      if (strstr (text, footer) == NULL)
        g_error ("“%s” is missing from %s:\n%s", footer, path, text);
    }
  /* The last step made it onto the last pages. */
  g_assert_nonnull (strstr (text, "Step 120:"));
  /* Progress counts pages, up to all of them. */
  g_assert_cmpuint (progress.total, ==, n_pages);
  g_assert_cmpuint (progress.done, ==, n_pages);
  g_assert_cmpuint (progress.calls, >=, n_pages);
  test_remove_dir (dir);
}

static void
test_urdu_nastaliq (ReportFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GawahReportDocument) english = build_report (fixture, GAWAH_LANGUAGE_ENGLISH);
  g_autoptr(GawahReportDocument) urdu = build_report (fixture, GAWAH_LANGUAGE_URDU);
  g_autofree char *dir = test_make_temp_dir ();
  Progress english_progress = { 0 }, urdu_progress = { 0 };
  g_autofree char *english_path = write_report (english, dir, "en.pdf", &english_progress);
  g_autofree char *urdu_path = write_report (urdu, dir, "ur.pdf", &urdu_progress);
  const char *english_argv[] = { "pdffonts", english_path, NULL };
  const char *urdu_argv[] = { "pdffonts", urdu_path, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", urdu_path, "-", NULL };
  g_autofree char *english_fonts = run (english_argv);
  g_autofree char *urdu_fonts = run (urdu_argv);
  g_autofree char *urdu_text = run (text_argv);
  g_auto(GStrv) words = g_strsplit_set (urdu_text, " \n", -1);
  g_autofree char *joined = g_strjoinv ("", words);

  g_assert_nonnull (strstr (urdu_fonts, "NotoNastaliqUrdu"));
  /* Only where the text is Urdu. */
  g_assert_null (strstr (english_fonts, "NotoNastaliqUrdu"));
  /* The headings in Urdu (pdftotext spaces Nastaliq letters apart). */
  if (strstr (joined, gawah_translator_gettext (gawah_translator_get (GAWAH_LANGUAGE_URDU), "Sources")) == NULL ||
      strstr (joined, "ذرائع") == NULL)
    g_error ("No Urdu heading in %s:\n%s", urdu_path, urdu_text);
  test_remove_dir (dir);
}

static void
assert_cancelled_leaves (const char *path,
                         const char *earlier)
{
  g_autofree char *contents = NULL;

  if (earlier == NULL)
    {
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, earlier);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_cancel (ReportFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(GawahReportDocument) document = build_report (fixture, GAWAH_LANGUAGE_ENGLISH);
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.pdf", NULL);
  g_autofree char *earlier_path = g_build_filename (dir, "earlier.pdf", NULL);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(GFile) earlier = g_file_new_for_path (earlier_path);
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) midway = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancel_at = 1, .cancellable = midway };

  /* Cancelled before it starts. */
  g_cancellable_cancel (before);
  g_assert_false (gawah_report_document_write_pdf (document, fresh, before, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_cancelled_leaves (fresh_path, NULL);

  /* Cancelled after the first page, over an earlier report. */
  g_assert_true (g_file_set_contents (earlier_path, "an earlier report", -1, NULL));
  g_assert_false (gawah_report_document_write_pdf (document, earlier, midway, progress_cb, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.done, <, progress.total);
  assert_cancelled_leaves (earlier_path, "an earlier report");
  /* Nothing half-written beside it either. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAWAH_LOCALEDIR") != NULL ? g_getenv ("GAWAH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_add ("/report/pagination", ReportFixture, NULL, report_fixture_set_up, test_pagination,
              report_fixture_tear_down);
  g_test_add ("/report/urdu-nastaliq", ReportFixture, NULL, report_fixture_set_up, test_urdu_nastaliq,
              report_fixture_tear_down);
  g_test_add ("/report/cancel", ReportFixture, NULL, report_fixture_set_up, test_cancel,
              report_fixture_tear_down);
  status = g_test_run ();

  /* Let go of the fonts' caches, so that the leak checkers (ASan, valgrind)
   * see only what the report library loses. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
