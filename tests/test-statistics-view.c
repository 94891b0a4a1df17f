/* test-statistics-view.c: the statistics and the agenda on a real display
 *
 * Draws the five charts of the sample casebook, filters them like the list,
 * exports one as PNG and as SVG, and shows the agenda with one action
 * overdue, one ahead and one closed. Runs under Xvfb, in English and with
 * LANGUAGE=ur in Urdu; leaves statistics.png and agenda.png in
 * $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-agenda-view.h"
#include "gawah-statistics-view.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-vocabulary.h"

#define WAIT_MS 5000

typedef struct {
  CasebookFixture  base;
  GtkWidget       *window;
} ViewFixture;

static void
view_fixture_set_up (ViewFixture   *fixture,
                     gconstpointer  data)
{
  casebook_fixture_set_up (&fixture->base, data);
  casebook_fixture_import_sample (&fixture->base);
}

/* The widgets must let go of the casebook: the base fixture checks that it
 * is finalized. */
static void
view_fixture_tear_down (ViewFixture   *fixture,
                        gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_autoptr(GtkWidget) window = g_object_ref (fixture->window);

      gtk_window_destroy (GTK_WINDOW (fixture->window));
      test_ui_iterate (50);
      g_assert_finalize_object (g_steal_pointer (&window));
    }
  casebook_fixture_tear_down (&fixture->base, data);
}

static gboolean
is_laid_out (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static void
present_in_window (ViewFixture *fixture,
                   GtkWidget   *child,
                   int          width,
                   int          height)
{
  GtkWidget *window = adw_window_new ();

  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  fixture->window = window;
  g_assert_true (test_ui_wait_until (is_laid_out, child, WAIT_MS));
}

static GawahStatisticsView *
present_statistics (ViewFixture *fixture)
{
  GtkWidget *view = gawah_statistics_view_new ();

  gawah_statistics_view_set_casebook (GAWAH_STATISTICS_VIEW (view), fixture->base.casebook);
  present_in_window (fixture, view, 1200, 780);
  return GAWAH_STATISTICS_VIEW (view);
}

static guint
n_bars (GawahStatisticsView      *view,
        GawahStatisticsDimension  dimension)
{
  return gawah_bar_chart_get_n_bars (gawah_statistics_view_get_chart (view, dimension));
}

static void
test_sample (ViewFixture   *fixture,
             gconstpointer  data)
{
  GawahStatisticsView *view = present_statistics (fixture);
  GawahBarChart *acts = gawah_statistics_view_get_chart (view, GAWAH_STATISTICS_ACT_TYPE);
  const char *arrest = gawah_vocabularies_label (gawah_vocabularies_get_default (), GAWAH_VOCAB_ACT_TYPE,
                                                 "arbitrary-arrest");

  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_ACT_TYPE), ==, 12);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_PROVINCE), ==, 4);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_YEAR), ==, 6);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_HRD_CATEGORY), ==, 8);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_PERPETRATOR_TYPE), ==, 3);

  /* Screen readers hear the figures, labelled in the interface language. */
  g_assert_nonnull (strstr (gawah_bar_chart_get_description (acts), arrest));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (acts)));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (acts)));
  test_ui_screenshot (GTK_WIDGET (view), "statistics");
}

static void
test_filter (ViewFixture   *fixture,
             gconstpointer  data)
{
  GawahStatisticsView *view = present_statistics (fixture);
  g_auto(GawahIncidentFilter) punjab = { .province = g_strdup ("pk-pb") };

  gawah_statistics_view_set_filter (view, &punjab);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_ACT_TYPE), ==, 2);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_PROVINCE), ==, 1);
  gawah_statistics_view_set_filter (view, NULL);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_ACT_TYPE), ==, 12);

  /* Hidden, the view waits to be shown before counting again. */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  gawah_statistics_view_set_filter (view, &punjab);
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_ACT_TYPE), ==, 12);
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  g_assert_true (test_ui_wait_until (is_laid_out, view, WAIT_MS));
  g_assert_cmpuint (n_bars (view, GAWAH_STATISTICS_ACT_TYPE), ==, 2);
}

static char *
read_export (GawahBarChart *chart,
             const char    *dir,
             const char    *format,
             gsize         *length)
{
  g_autofree char *name = g_strconcat ("chart.", format, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (gawah_bar_chart_save (chart, file, format, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (*length, >, 0);
  return contents;
}

static void
test_export (ViewFixture   *fixture,
             gconstpointer  data)
{
  GawahStatisticsView *view = present_statistics (fixture);
  GawahBarChart *chart = gawah_statistics_view_get_chart (view, GAWAH_STATISTICS_PROVINCE);
  const char *punjab = gawah_vocabularies_label (gawah_vocabularies_get_default (), GAWAH_VOCAB_PROVINCE, "pk-pb");
  g_autofree char *escaped = g_markup_escape_text (punjab, -1);
  g_autofree char *png = NULL, *svg = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path (fixture->base.dir);
  g_autoptr(GError) error = NULL;
  gsize length;

  png = read_export (chart, fixture->base.dir, "png", &length);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  svg = read_export (chart, fixture->base.dir, "svg", &length);
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, escaped));

  g_assert_false (gawah_bar_chart_save (chart, nowhere, "gif", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

static void
add_follow_up (GawahCasebook *casebook,
               gint64         incident_id,
               const char    *status,
               int            days_from_today)
{
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) due = g_date_time_add_days (now, days_from_today);
  g_autoptr(GError) error = NULL;

  follow_up->incident_id = incident_id;
  follow_up->body = g_strdup ("high-court");
  follow_up->action_type = g_strdup ("habeas-petition");
  g_free (follow_up->status);
  follow_up->status = g_strdup (status);
  follow_up->due = (GawahPartialDate) { g_date_time_get_year (due), g_date_time_get_month (due),
                                        g_date_time_get_day_of_month (due), GAWAH_PRECISION_DAY };
  g_assert_true (gawah_casebook_save_follow_up (casebook, follow_up, &error));
  g_assert_no_error (error);
}

static void
on_show_incident_cb (GawahAgendaView *view,
                     gint64           incident_id,
                     gint64          *shown)
{
  *shown = incident_id;
}

static void
test_agenda (ViewFixture   *fixture,
             gconstpointer  data)
{
  GawahCasebook *casebook = fixture->base.casebook;
  gint64 hearing = test_add_incident (casebook, "Habeas petition for a missing journalist");
  gint64 appeal = test_add_incident (casebook, "Urgent appeal to the Special Rapporteur");
  GtkWidget *view = gawah_agenda_view_new ();
  g_autofree char *overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                                                "%d days overdue", 3), 3);
  g_autofree char *ahead_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", 5), 5);
  GtkWidget *overdue, *row;
  gint64 shown = 0;

  add_follow_up (casebook, hearing, "pending", -3);
  add_follow_up (casebook, appeal, "planned", 5);
  add_follow_up (casebook, appeal, "closed", 2);
  gawah_agenda_view_set_casebook (GAWAH_AGENDA_VIEW (view), casebook);
  present_in_window (fixture, view, 900, 500);

  g_assert_cmpuint (gawah_agenda_view_get_n_items (GAWAH_AGENDA_VIEW (view)), ==, 2);
  overdue = test_ui_find_by_label (view, overdue_text);
  g_assert_nonnull (overdue);
  g_assert_true (gtk_widget_has_css_class (overdue, "error"));
  g_assert_nonnull (test_ui_find_by_label (view, ahead_text));
  test_ui_screenshot (view, "agenda");

  g_signal_connect (view, "show-incident", G_CALLBACK (on_show_incident_cb), &shown);
  row = gtk_widget_get_ancestor (overdue, GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpint (shown, ==, hearing);
}

static void
test_agenda_empty (ViewFixture   *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = gawah_agenda_view_new ();

  gawah_agenda_view_set_casebook (GAWAH_AGENDA_VIEW (view), fixture->base.casebook);
  present_in_window (fixture, view, 900, 500);
  g_assert_cmpuint (gawah_agenda_view_get_n_items (GAWAH_AGENDA_VIEW (view)), ==, 0);
  g_assert_nonnull (test_ui_find_by_type (view, ADW_TYPE_STATUS_PAGE));
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);
  g_test_add ("/statistics-view/sample", ViewFixture, NULL, view_fixture_set_up, test_sample,
              view_fixture_tear_down);
  g_test_add ("/statistics-view/filter", ViewFixture, NULL, view_fixture_set_up, test_filter,
              view_fixture_tear_down);
  g_test_add ("/statistics-view/export", ViewFixture, NULL, view_fixture_set_up, test_export,
              view_fixture_tear_down);
  g_test_add ("/agenda/due", ViewFixture, NULL, view_fixture_set_up, test_agenda, view_fixture_tear_down);
  g_test_add ("/agenda/empty", ViewFixture, NULL, view_fixture_set_up, test_agenda_empty,
              view_fixture_tear_down);
  return g_test_run ();
}
