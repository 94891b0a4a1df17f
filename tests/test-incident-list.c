/* test-incident-list.c: the incident list loads its first page at once and
 * the rest while the window stays responsive
 *
 * A casebook of more incidents than a first page: the model must list the
 * first page on return, grow by appending from idle callbacks, end with
 * exactly the ids of the whole query, start over when the filter changes
 * while it loads, and the page must say it is still searching, then how
 * many it found, and select an incident the list reaches only later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-casebook-page.h"
#include "gawah-incident-list-model.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"

/* Enough for the first page and several idle steps after it. */
#define N_INCIDENTS (GAWAH_INCIDENT_FIRST_PAGE * 3 + 17)

static void
fill (GawahCasebook *casebook)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_INCIDENTS; i++)
    {
      g_autoptr(GawahIncident) incident = gawah_incident_new ();

      /* Two in three about the police; dates repeat, some are unknown. */
      incident->title = g_strdup_printf (i % 3 != 0 ? "Police raid number %u" : "Court hearing number %u", i);
      if (i % 11 != 0)
        incident->start = (GawahPartialDate) { 2000 + i % 23, 1 + i % 12, 0, GAWAH_PRECISION_MONTH };
      gawah_casebook_save_incident (casebook, incident, &error);
      g_assert_no_error (error);
    }
}

static GArray *
model_ids (GListModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GawahIncidentItem) item = g_list_model_get_item (model, i);
      gint64 id = gawah_incident_item_get_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_lists_query (GawahCasebook             *casebook,
                    GListModel                *model,
                    const GawahIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = gawah_casebook_query_incidents (casebook, filter, &error);
  g_autoptr(GArray) listed = model_ids (model);

  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (listed, gint64, i), ==, g_array_index (expected, gint64, i));
}

static gboolean
model_is_loaded (gpointer user_data)
{
  return !gawah_incident_list_model_is_loading (user_data);
}

typedef struct {
  guint appended;      /* items-changed that only added at the end */
  guint n_items;
} Growth;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Growth     *growth)
{
  if (removed == 0 && position == growth->n_items)
    growth->appended++;
  growth->n_items = g_list_model_get_n_items (model);
}

static void
test_model (CasebookFixture *fixture,
            gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GawahIncidentListModel) model = NULL;
  Growth growth = { 0 };

  fill (fixture->casebook);
  model = gawah_incident_list_model_new (fixture->casebook);
  growth.n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &growth);

  g_assert_cmpuint (growth.n_items, ==, GAWAH_INCIDENT_FIRST_PAGE);
  g_assert_true (gawah_incident_list_model_is_loading (model));
  g_assert_true (test_ui_wait_until (model_is_loaded, model, 10000));
  g_assert_cmpuint (growth.appended, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_INCIDENTS);
  assert_lists_query (fixture->casebook, G_LIST_MODEL (model), &filter);

  /* A new filter while loading: the old list stops, the new one is whole. */
  g_assert_true (gawah_incident_list_model_reload (model, NULL));
  g_assert_true (gawah_incident_list_model_is_loading (model));
  filter.text = g_strdup ("police");
  g_assert_true (gawah_incident_list_model_set_filter (model, &filter, NULL));
  g_assert_true (test_ui_wait_until (model_is_loaded, model, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_INCIDENTS - (N_INCIDENTS + 2) / 3);
  assert_lists_query (fixture->casebook, G_LIST_MODEL (model), &filter);

  /* A rare word comes whole at once. */
  g_free (filter.text);
  filter.text = g_strdup ("number 42");
  g_assert_true (gawah_incident_list_model_set_filter (model, &filter, NULL));
  g_assert_false (gawah_incident_list_model_is_loading (model));
  assert_lists_query (fixture->casebook, G_LIST_MODEL (model), &filter);
}

/* While a worker owns the casebook's connection the list reads no more of
 * it, and once the worker is done it finishes. */
static void
test_waits_for_worker (CasebookFixture *fixture,
                       gconstpointer    data)
{
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GawahIncidentListModel) model = NULL;
  TestUiJob *job;

  fill (fixture->casebook);
  job = test_ui_hold_busy (G_OBJECT (fixture->casebook));
  model = gawah_incident_list_model_new (fixture->casebook);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, GAWAH_INCIDENT_FIRST_PAGE);
  test_ui_iterate (500);
  g_assert_true (gawah_incident_list_model_is_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, GAWAH_INCIDENT_FIRST_PAGE);

  test_ui_release_busy (job);
  g_assert_true (test_ui_wait_until (model_is_loaded, model, 10000));
  assert_lists_query (fixture->casebook, G_LIST_MODEL (model), &filter);
}

static gboolean
label_is_shown (gpointer user_data)
{
  GtkWidget **root_and_label = user_data;

  return test_ui_find_by_label (root_and_label[0], (const char *) root_and_label[1]) != NULL;
}

static void
test_page (CasebookFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_auto(GawahIncidentFilter) everything = { NULL };
  GtkWidget *window = gtk_window_new ();
  GawahCasebookPage *page;
  g_autofree char *searching = NULL;
  g_autofree char *found = NULL;
  gpointer root_and_label[2];
  gint64 oldest;

  fill (fixture->casebook);
  all = gawah_casebook_query_incidents (fixture->casebook, &everything, &error);
  g_assert_no_error (error);
  oldest = g_array_index (all, gint64, all->len - 1);

  page = gawah_casebook_page_new (fixture->casebook);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));

  /* Typed, not yet complete: the count says so, and grows. */
  gawah_casebook_page_search (page, "");
  searching = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searching… %u incident so far",
                                            "Searching… %u incidents so far", GAWAH_INCIDENT_FIRST_PAGE),
                               GAWAH_INCIDENT_FIRST_PAGE);
  g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (page), searching));

  /* The last incident is beyond the first page: selected once it loads. */
  g_assert_true (gawah_casebook_page_select (page, oldest));
  found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents", N_INCIDENTS),
                           N_INCIDENTS);
  root_and_label[0] = page;
  root_and_label[1] = found;
  g_assert_true (test_ui_wait_until (label_is_shown, root_and_label, 10000));
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, N_INCIDENTS);
  test_ui_iterate (100);
  {
    g_autofree char *title = NULL;
    g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (fixture->casebook, oldest, &error);

    g_assert_no_error (error);
    g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (page), incident->title));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);
  g_test_add ("/incident-list/model", CasebookFixture, NULL, casebook_fixture_set_up, test_model,
              casebook_fixture_tear_down);
  g_test_add ("/incident-list/waits-for-worker", CasebookFixture, NULL, casebook_fixture_set_up,
              test_waits_for_worker, casebook_fixture_tear_down);
  g_test_add ("/incident-list/page", CasebookFixture, NULL, casebook_fixture_set_up, test_page,
              casebook_fixture_tear_down);
  return g_test_run ();
}
