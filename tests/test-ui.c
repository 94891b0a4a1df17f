/* test-ui.c: the whole app, through its real widgets
 *
 * Creates a casebook, adds an incident through the form, finds it in the
 * list and by search, confirms a suggested provision, locks and unlocks;
 * then the views built when first shown (statistics, agenda, catalogue).
 * Runs once in English and once in Urdu (LANGUAGE=ur), leaving screenshots
 * in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-agenda-view.h"
#include "gawah-application.h"
#include "gawah-bar-chart.h"
#include "gawah-casebook-page.h"
#include "gawah-catalogue.h"
#include "gawah-incident-editor.h"
#include "gawah-language.h"
#include "gawah-new-casebook-page.h"
#include "gawah-provision-browser.h"
#include "gawah-renderer.h"
#include "gawah-statistics-view.h"
#include "gawah-timeline-view.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-unlock-page.h"
#include "gawah-welcome-page.h"
#include "gawah-window.h"

#define PASSPHRASE "a long walk to the high court"

typedef struct {
  GawahApplication *app;
  GawahWindow      *window;
  char             *dir;
  char             *path;
} UiFixture;

static gboolean
window_is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static void
ui_fixture_set_up (UiFixture    *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "office.gawah", NULL);
  fixture->app = gawah_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  fixture->window = gawah_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (test_ui_wait_until (window_is_drawn, fixture->window, 5000));
}

static void
ui_fixture_tear_down (UiFixture    *fixture,
                      gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_ui_iterate (50);
  g_clear_object (&fixture->app);
  test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
visible_page (UiFixture *fixture)
{
  GtkStack *stack = GTK_STACK (test_ui_find_by_type (GTK_WIDGET (fixture->window), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child (stack);
}

static gboolean
transition_done (gpointer user_data)
{
  UiFixture *fixture = user_data;
  GtkStack *stack = GTK_STACK (test_ui_find_by_type (GTK_WIDGET (fixture->window), GTK_TYPE_STACK));

  return !gtk_stack_get_transition_running (stack);
}

/* Screenshots show the page, not the crossfade into it. */
static void
screenshot_window (UiFixture  *fixture,
                   const char *name)
{
  g_assert_true (test_ui_wait_until (transition_done, fixture, 5000));
  test_ui_screenshot (GTK_WIDGET (fixture->window), name);
}

static gboolean
casebook_is_open (gpointer user_data)
{
  UiFixture *fixture = user_data;

  return gawah_window_get_casebook (fixture->window) != NULL && GAWAH_IS_CASEBOOK_PAGE (visible_page (fixture));
}

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  guint seen = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type) && seen++ == n)
        return child;
      for (guint i = 0; (found = nth_of_type (child, type, i)) != NULL; i++)
        if (seen++ == n)
          return found;
    }
  return NULL;
}

static void
create_casebook (UiFixture *fixture)
{
  GtkWidget *welcome = visible_page (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  GtkWidget *new_page, *passphrase, *confirm;

  g_assert_true (GAWAH_IS_WELCOME_PAGE (welcome));
  /* In Urdu the page speaks Urdu: the catalogue is really loaded. */
  g_assert_nonnull (test_ui_find_by_label (welcome, _("Welcome to Gawah")));
  if (gawah_language_current () == GAWAH_LANGUAGE_URDU)
    g_assert_cmpstr (_("Welcome to Gawah"), !=, "Welcome to Gawah");
  screenshot_window (fixture, "welcome");

  /* The file chooser is the desktop's: the test starts where it ends. */
  g_signal_emit_by_name (welcome, "create-requested", file);
  new_page = visible_page (fixture);
  g_assert_true (GAWAH_IS_NEW_CASEBOOK_PAGE (new_page));
  passphrase = nth_of_type (new_page, GTK_TYPE_PASSWORD_ENTRY, 0);
  confirm = nth_of_type (new_page, GTK_TYPE_PASSWORD_ENTRY, 1);
  g_assert_nonnull (passphrase);
  g_assert_nonnull (confirm);
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (confirm), PASSPHRASE);
  screenshot_window (fixture, "new-casebook");
  g_signal_emit_by_name (confirm, "activate");
  g_assert_true (test_ui_wait_until (casebook_is_open, fixture, 10000));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static GtkWidget *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GAWAH_IS_INCIDENT_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
editor_is_shown (gpointer user_data)
{
  GtkWidget *editor = find_editor ();

  return editor != NULL && gtk_widget_get_mapped (editor);
}

/* Through the form: the title row is the editor's first entry row. */
static gint64
add_incident_through_form (UiFixture  *fixture,
                           const char *title)
{
  GtkWidget *page = visible_page (fixture);
  GtkWidget *editor, *title_row;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (page, "casebook.new-incident", NULL));
  g_assert_true (test_ui_wait_until (editor_is_shown, NULL, 5000));
  editor = find_editor ();
  title_row = test_ui_find_by_type (editor, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  g_assert_true (gawah_incident_editor_flush (GAWAH_INCIDENT_EDITOR (editor)));
  id = gawah_incident_editor_get_incident_id (GAWAH_INCIDENT_EDITOR (editor));
  g_assert_cmpint (id, >, 0);
  test_ui_screenshot (editor, "incident-editor");
  gtk_window_close (GTK_WINDOW (editor));
  test_ui_iterate (100);
  return id;
}

static void
add_act (GawahCasebook *casebook,
         gint64         incident_id)
{
  gint64 victim = test_add_person (casebook, "Zarina Baloch", "زرینہ بلوچ", "woman-hrd");

  test_add_act (casebook, incident_id, victim, "enforced-disappearance", NULL);
}

static gint64
victim_of (GawahCasebook *casebook,
           gint64         incident_id)
{
  g_autoptr(GPtrArray) acts = gawah_casebook_list_acts (casebook, incident_id, NULL);

  g_assert_cmpuint (acts->len, >, 0);
  return ((GawahAct *) g_ptr_array_index (acts, 0))->victim_id;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GawahDecision
decision_on (GawahCasebook *casebook,
             gint64         incident_id,
             const char    *provision_id)
{
  g_autoptr(GPtrArray) mappings = gawah_casebook_list_mappings (casebook, incident_id, NULL);

  for (guint i = 0; i < mappings->len; i++)
    {
      GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);

      if (g_str_equal (mapping->provision_id, provision_id))
        return mapping->decision;
    }
  g_assert_not_reached ();
}

static void
confirm_provision (UiFixture  *fixture,
                   gint64      incident_id,
                   const char *provision_id)
{
  g_autofree char *citation = gawah_catalogue_dup_citation (gawah_catalogue_get_default (), provision_id);
  g_autofree char *tooltip = g_strdup_printf (_("Confirm %s"), citation);
  GtkWidget *button = find_button_with_tooltip (GTK_WIDGET (fixture->window), tooltip);
  GawahCasebook *casebook = gawah_window_get_casebook (fixture->window);

  g_assert_nonnull (button);
  g_assert_cmpint (decision_on (casebook, incident_id, provision_id), ==, GAWAH_DECISION_PENDING);
  g_signal_emit_by_name (button, "clicked");
  test_ui_iterate (100);
  g_assert_cmpint (decision_on (casebook, incident_id, provision_id), ==, GAWAH_DECISION_CONFIRMED);
}

static gboolean
unlock_page_shown (gpointer user_data)
{
  return GAWAH_IS_UNLOCK_PAGE (visible_page (user_data));
}

static gboolean
wrong_passphrase_shown (gpointer user_data)
{
  return test_ui_find_by_label (user_data, _("Wrong passphrase, or the file is not a Gawah casebook")) != NULL;
}

static void
lock_and_unlock (UiFixture *fixture)
{
  GtkWidget *unlock, *entry;

  /* An open editor is a view of the casebook too: locking closes it. */
  g_assert_true (gtk_widget_activate_action (visible_page (fixture), "casebook.edit-incident", NULL));
  g_assert_true (test_ui_wait_until (editor_is_shown, NULL, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  test_ui_iterate (100);
  g_assert_null (find_editor ());
  g_assert_null (gawah_window_get_casebook (fixture->window));
  g_assert_true (test_ui_wait_until (unlock_page_shown, fixture, 2000));
  unlock = visible_page (fixture);
  entry = test_ui_find_by_type (unlock, GTK_TYPE_PASSWORD_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), "not the passphrase");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (test_ui_wait_until (wrong_passphrase_shown, unlock, 10000));
  g_assert_null (gawah_window_get_casebook (fixture->window));
  screenshot_window (fixture, "unlock-wrong-passphrase");

  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (test_ui_wait_until (casebook_is_open, fixture, 10000));
}

static void
show_timeline (UiFixture         *fixture,
               GawahCasebookPage *page)
{
  AdwViewStack *views = ADW_VIEW_STACK (test_ui_find_by_type (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));
  GtkWidget *timeline = test_ui_find_by_type (GTK_WIDGET (page), GAWAH_TYPE_TIMELINE_VIEW);

  adw_view_stack_set_visible_child_name (views, "timeline");
  while (gawah_timeline_view_is_loading (GAWAH_TIMELINE_VIEW (timeline)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "casebook.fit-all", NULL));
  test_ui_iterate (100);
  g_assert_true (gtk_widget_get_mapped (timeline));
  screenshot_window (fixture, "timeline-page");
  adw_view_stack_set_visible_child_name (views, "incidents");
}

/* A key widget in the interface language. */
static void
assert_search_placeholder (GtkWidget *page)
{
  GtkWidget *incidents = test_ui_find_by_type (page, GTK_TYPE_PANED);
  GtkWidget *entry = test_ui_find_by_type (incidents, GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *placeholder = NULL;

  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, _("Search in English or Urdu"));
  if (gawah_language_current () == GAWAH_LANGUAGE_URDU)
    g_assert_cmpstr (placeholder, !=, "Search in English or Urdu");
}

static GtkWidget *
show_view (GawahCasebookPage *page,
           const char        *name,
           GType              type)
{
  AdwViewStack *views = ADW_VIEW_STACK (test_ui_find_by_type (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));
  GtkWidget *view;

  adw_view_stack_set_visible_child_name (views, name);
  test_ui_iterate (100);
  view = test_ui_find_by_type (GTK_WIDGET (page), type);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  return view;
}

/* Kinds of act among the incidents @text finds, as the casebook counts them. */
static guint
count_act_types (GawahCasebook *casebook,
                 const char    *text)
{
  g_auto(GawahIncidentFilter) filter = { .text = g_strdup (text) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = gawah_casebook_count_incidents_by (casebook, GAWAH_STATISTICS_ACT_TYPE, &filter, &error);

  g_assert_no_error (error);
  return rows->len;
}

static guint
act_type_bars (GtkWidget *statistics)
{
  return gawah_bar_chart_get_n_bars (gawah_statistics_view_get_chart (GAWAH_STATISTICS_VIEW (statistics),
                                                                      GAWAH_STATISTICS_ACT_TYPE));
}

static void
add_follow_up (GawahCasebook *casebook,
               gint64         incident_id)
{
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) due = g_date_time_add_days (now, 3);
  g_autoptr(GError) error = NULL;

  follow_up->incident_id = incident_id;
  follow_up->body = g_strdup ("high-court");
  follow_up->action_type = g_strdup ("habeas-petition");
  follow_up->due = (GawahPartialDate) { g_date_time_get_year (due), g_date_time_get_month (due),
                                        g_date_time_get_day_of_month (due), GAWAH_PRECISION_DAY };
  g_assert_true (gawah_casebook_save_follow_up (casebook, follow_up, &error));
  g_assert_no_error (error);
}

/* A casebook opens with only the list built: the other views are built the
 * first time they are shown, with the casebook as it is then and the list's
 * filter, and count again when shown after a change. */
static void
check_views_built_when_shown (UiFixture         *fixture,
                              GawahCasebookPage *page)
{
  GawahCasebook *casebook = gawah_window_get_casebook (fixture->window);
  guint kinds = count_act_types (casebook, "");
  GtkWidget *statistics, *agenda;
  gint64 id;

  g_assert_null (test_ui_find_by_type (GTK_WIDGET (page), GAWAH_TYPE_STATISTICS_VIEW));
  g_assert_null (test_ui_find_by_type (GTK_WIDGET (page), GAWAH_TYPE_AGENDA_VIEW));
  g_assert_null (test_ui_find_by_type (GTK_WIDGET (page), GAWAH_TYPE_PROVISION_BROWSER));

  statistics = show_view (page, "statistics", GAWAH_TYPE_STATISTICS_VIEW);
  g_assert_cmpuint (kinds, >, 0);
  g_assert_cmpuint (act_type_bars (statistics), ==, kinds);

  /* A new kind of act while the list is shown (as after the editor saves). */
  show_view (page, "incidents", GTK_TYPE_PANED);
  id = test_add_incident (casebook, "Raid on the press club in Quetta");
  test_add_act (casebook, id, test_add_person (casebook, "Shahzada Zulfiqar", "شہزادہ ذوالفقار", "journalist"),
                "arbitrary-arrest", NULL);
  gawah_casebook_page_search (page, "");
  g_assert_cmpuint (count_act_types (casebook, ""), ==, kinds + 1);
  g_assert_cmpuint (act_type_bars (show_view (page, "statistics", GAWAH_TYPE_STATISTICS_VIEW)), ==, kinds + 1);

  /* The list's search narrows the figures too. */
  show_view (page, "incidents", GTK_TYPE_PANED);
  gawah_casebook_page_search (page, "Quetta");
  g_assert_cmpuint (act_type_bars (show_view (page, "statistics", GAWAH_TYPE_STATISTICS_VIEW)), ==,
                    count_act_types (casebook, "Quetta"));
  g_assert_cmpuint (count_act_types (casebook, "Quetta"), ==, 1);
  show_view (page, "incidents", GTK_TYPE_PANED);
  gawah_casebook_page_search (page, "");

  add_follow_up (casebook, id);
  agenda = show_view (page, "agenda", GAWAH_TYPE_AGENDA_VIEW);
  g_assert_cmpuint (gawah_agenda_view_get_n_items (GAWAH_AGENDA_VIEW (agenda)), ==, 1);
  show_view (page, "catalogue", GAWAH_TYPE_PROVISION_BROWSER);
  show_view (page, "incidents", GTK_TYPE_PANED);
}

static void
test_whole_flow (UiFixture    *fixture,
                 gconstpointer data)
{
  GawahCasebookPage *page;
  gint64 id;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->window)), ==,
                   gawah_language_current () == GAWAH_LANGUAGE_URDU ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  create_casebook (fixture);
  page = GAWAH_CASEBOOK_PAGE (visible_page (fixture));
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 0);
  assert_search_placeholder (GTK_WIDGET (page));

  id = add_incident_through_form (fixture, "Abduction of Zarina Baloch in Turbat");
  add_act (gawah_window_get_casebook (fixture->window), id);
  test_add_incident (gawah_window_get_casebook (fixture->window), "Threats against a lawyer in Multan");
  gawah_casebook_page_search (page, "");
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 2);

  gawah_casebook_page_search (page, "Zarina");
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 1);
  gawah_casebook_page_search (page, "زرینہ");
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 1);
  g_assert_true (gawah_casebook_page_select (page, id));
  test_ui_iterate (200);
  g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (page), "Abduction of Zarina Baloch in Turbat"));
  screenshot_window (fixture, "main-window");

  confirm_provision (fixture, id, "const-9");
  screenshot_window (fixture, "provision-confirmed");

  gawah_casebook_page_search (page, "");
  gawah_casebook_page_show_person (page, victim_of (gawah_window_get_casebook (fixture->window), id));
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 1);
  screenshot_window (fixture, "defender-page");
  gawah_casebook_page_show_person (page, 0);
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 2);

  show_timeline (fixture, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "casebook.catalogue", NULL));
  g_assert_nonnull (test_ui_find_by_type (GTK_WIDGET (page), GAWAH_TYPE_PROVISION_BROWSER));
  g_assert_true (gtk_widget_get_mapped (test_ui_find_by_type (GTK_WIDGET (page), GAWAH_TYPE_PROVISION_BROWSER)));
  screenshot_window (fixture, "legal-catalogue");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "casebook.catalogue", NULL));

  lock_and_unlock (fixture);
  page = GAWAH_CASEBOOK_PAGE (visible_page (fixture));
  g_assert_cmpuint (gawah_casebook_page_get_n_shown (page), ==, 2);
  check_views_built_when_shown (fixture, page);
}

/* The accelerators the shortcuts window lists, normalised. */
static GPtrArray *
listed_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/gawah/Gawah/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GPtrArray *listed = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_ptr_array_add (listed, test_ui_normalised_accelerator (accelerator));
    }
  return listed;
}

/* Every key of the casebook page is in the shortcuts window (Ctrl+?), and
 * the exchange dialogs each have one. */
static void
test_shortcuts_listed (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "keys.gawah", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, PASSPHRASE, &error);
  GawahCasebookPage *page;
  g_autoptr(GPtrArray) shortcuts = NULL;
  g_autoptr(GPtrArray) listed = listed_accelerators ();

  g_assert_no_error (error);
  page = gawah_casebook_page_new (casebook);
  g_object_ref_sink (page);
  shortcuts = test_ui_list_shortcuts (GTK_WIDGET (page));
  g_assert_true (test_ui_has_shortcut (GTK_WIDGET (page), "<Control><Shift>m", "casebook.import-xml"));
  g_assert_true (test_ui_has_shortcut (GTK_WIDGET (page), "<Control><Shift>x", "casebook.export-xml"));
  g_assert_true (test_ui_has_shortcut (GTK_WIDGET (page), "<Control><Shift>o", "casebook.import-esf"));
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_auto(GStrv) trigger_action = g_strsplit (shortcuts->pdata[i], " ", 2);

      if (!g_ptr_array_find_with_equal_func (listed, trigger_action[0], g_str_equal, NULL))
        g_error ("%s (%s) is not in the shortcuts window", trigger_action[0], trigger_action[1]);
    }
  g_assert_cmpuint (shortcuts->len, >=, 9);
  g_object_unref (page);
  g_clear_object (&casebook);
  test_remove_dir (dir);
}

/* Without a GPU (Xvfb has Mesa's llvmpipe) the window is drawn with cairo,
 * chosen before the first renderer is made; with GL disabled there is
 * nothing to choose. In a process of its own: GSK keeps the renderer it
 * chose first. */
static void
test_renderer_without_gpu (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (g_test_subprocess ())
    {
      GtkWidget *window;
      gboolean software;

      g_unsetenv ("GSK_RENDERER");
      software = gawah_renderer_gl_is_software (display);
      gawah_renderer_prefer_cairo_without_gpu (display);
      g_test_message ("software GL: %s", software ? "yes" : "no");
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, software ? "cairo" : NULL);
      window = gtk_window_new ();
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (test_ui_wait_until (window_is_drawn, window, 5000));
      if (software)
        g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The user's own choice is kept. */
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  gawah_renderer_prefer_cairo_without_gpu (display);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
}

int
main (int    argc,
      char **argv)
{
  test_ui_init (&argc, &argv);
  g_test_add ("/ui/whole-flow", UiFixture, NULL, ui_fixture_set_up, test_whole_flow, ui_fixture_tear_down);
  g_test_add_func ("/ui/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/ui/renderer-without-gpu", test_renderer_without_gpu);
  return g_test_run ();
}
