/* test-history-view.c: an incident's history on a real display
 *
 * Edits an incident of the sample casebook as two people, shows its
 * history (newest first, who, when, before → after), opens it from the
 * incident view, and shows the warning once an entry has been tampered
 * with. Runs in English and with LANGUAGE=ur in Urdu; leaves history.png
 * in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-audit.h"
#include "gawah-casebook-private.h"
#include "gawah-history-view.h"
#include "gawah-incident-view.h"
#include "gawah-language.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"

#define WAIT_MS 5000

typedef struct {
  CasebookFixture  base;
  GtkWidget       *window;
  gint64           incident_id;
} HistoryFixture;

static void
edit_as (GawahCasebook *casebook,
         const char    *actor,
         gint64         incident_id,
         const char    *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (casebook, incident_id, &error);

  g_assert_no_error (error);
  gawah_casebook_set_actor (casebook, actor);
  g_free (incident->title);
  incident->title = g_strdup (title);
  g_free (incident->status);
  incident->status = g_strdup ("follow-up");
  gawah_casebook_save_incident (casebook, incident, &error);
  g_assert_no_error (error);
}

static void
history_fixture_set_up (HistoryFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GError) error = NULL;
  const GawahProvisionMapping *mapping;

  casebook_fixture_set_up (&fixture->base, data);
  gawah_casebook_set_actor (fixture->base.casebook, "Importer");
  casebook_fixture_import_sample (&fixture->base);
  fixture->incident_id = 1;
  edit_as (fixture->base.casebook, "Ayesha Siddiqa", fixture->incident_id, "ادریس خٹک کی جبری گمشدگی");

  mappings = gawah_casebook_list_mappings (fixture->base.casebook, fixture->incident_id, &error);
  g_assert_no_error (error);
  mapping = g_ptr_array_index (mappings, 0);
  gawah_casebook_set_actor (fixture->base.casebook, "Imran Baloch");
  gawah_casebook_decide_provision (fixture->base.casebook, fixture->incident_id, mapping->provision_id,
                                   GAWAH_DECISION_CONFIRMED, "Held for months without charge", &error);
  g_assert_no_error (error);
}

static void
history_fixture_tear_down (HistoryFixture *fixture,
                           gconstpointer   data)
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

static GawahHistoryView *
present_history (HistoryFixture *fixture)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = gawah_history_view_new ();

  gawah_history_view_set_incident (GAWAH_HISTORY_VIEW (view), fixture->base.casebook, fixture->incident_id);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 820);
  gtk_window_present (GTK_WINDOW (window));
  fixture->window = window;
  g_assert_true (test_ui_wait_until (is_laid_out, view, WAIT_MS));
  return GAWAH_HISTORY_VIEW (view);
}

/* Every label's text, one a line, to look for words in. */
static void
collect_text (GtkWidget *root,
              GString   *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
test_history (HistoryFixture *fixture,
              gconstpointer   data)
{
  GawahHistoryView *view = present_history (fixture);
  gboolean urdu = gawah_language_current () == GAWAH_LANGUAGE_URDU;
  const char *arrow = urdu ? "←" : "→";

  g_assert_true (gawah_history_view_get_intact (view));
  g_assert_cmpuint (gawah_history_view_get_n_entries (view), >, 3);
  if (urdu)
    g_assert_null (strstr (gawah_history_view_get_integrity_text (view), "intact"));
  else
    g_assert_nonnull (strstr (gawah_history_view_get_integrity_text (view), "intact"));

  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *decision = g_strdup_printf (_("%s: %s → %s"), _("Decision"), _("to review"), _("confirmed"));
  const char *by_reviewer, *by_editor;

  collect_text (GTK_WIDGET (view), text);
  /* Newest first: the decision, by its reviewer, before → after; then the
   * title's edit with both values. */
  by_reviewer = strstr (text->str, "Imran Baloch · ");
  by_editor = strstr (text->str, "Ayesha Siddiqa · ");
  g_assert_nonnull (by_reviewer);
  g_assert_nonnull (by_editor);
  g_assert_true (by_reviewer < by_editor);
  g_assert_nonnull (strstr (text->str, decision));
  g_assert_nonnull (strstr (text->str, arrow));
  g_assert_nonnull (strstr (text->str, "ادریس خٹک کی جبری گمشدگی"));
  g_assert_nonnull (strstr (text->str, "Importer · "));
  test_ui_screenshot (GTK_WIDGET (view), "history");
}

static void
test_tampered (HistoryFixture *fixture,
               gconstpointer   data)
{
  GawahDb *db = gawah_casebook_get_db (fixture->base.casebook);
  GawahHistoryView *view;
  g_autoptr(GError) error = NULL;

  gawah_db_exec (db, "DROP TRIGGER audit_log_no_update;"
                     " UPDATE audit_log SET actor = 'Nobody' WHERE id = 3", &error);
  g_assert_no_error (error);
  view = present_history (fixture);
  g_assert_false (gawah_history_view_get_intact (view));
  g_assert_nonnull (strstr (gawah_history_view_get_integrity_text (view), "3"));
}

static gboolean
history_window_shown (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *view = test_ui_find_by_type (window, GAWAH_TYPE_HISTORY_VIEW);

      if (view != NULL && gtk_widget_get_mapped (view))
        {
          *(GtkWidget **) user_data = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* The incident view's History button opens it. */
static void
test_from_incident_view (HistoryFixture *fixture,
                         gconstpointer   data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *incident_view = gawah_incident_view_new ();
  GtkWidget *button;
  GtkWidget *history_window = NULL;

  gawah_incident_view_set_incident (GAWAH_INCIDENT_VIEW (incident_view), fixture->base.casebook,
                                    fixture->incident_id);
  adw_window_set_content (ADW_WINDOW (window), incident_view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  fixture->window = window;
  g_assert_true (test_ui_wait_until (is_laid_out, incident_view, WAIT_MS));

  button = test_ui_find_action_button (incident_view, "incident.history");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (test_ui_wait_until (history_window_shown, &history_window, WAIT_MS));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (history_window)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (history_window));
  test_ui_iterate (50);
  gawah_incident_view_set_incident (GAWAH_INCIDENT_VIEW (incident_view), NULL, 0);
}

#define HISTORY_TEST(path, fn) \
  g_test_add (path, HistoryFixture, NULL, history_fixture_set_up, fn, history_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);
  HISTORY_TEST ("/history-view/history", test_history);
  HISTORY_TEST ("/history-view/tampered", test_tampered);
  HISTORY_TEST ("/history-view/from-incident-view", test_from_incident_view);
  return g_test_run ();
}
