/* test-timeline-view.c: the casebook timeline and an incident's chronology on a real display
 *
 * Lays out the sample casebook, clicks a mark, zooms with the keyboard's
 * action, walks the marks with Tab, shows lanes by province, and reads an
 * incident's chronology with a follow-up action due ahead. Runs under Xvfb,
 * in English and with LANGUAGE=ur in Urdu; leaves timeline.png and
 * chronology.png in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-chronology-view.h"
#include "gawah-date-text.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-timeline-view.h"
#include "gawah-vocabulary.h"

#define WAIT_MS 5000
#define IDRIS_KHATTAK "339a8e41-a8c6-4a78-8737-4cf8709d6aba"

typedef struct {
  CasebookFixture  base;
  GtkWidget       *window;
} ViewFixture;

/* What the sample lacks: exact days, an estimate, and a defender still
 * missing, whose bar runs to today. */
static void
add_dated_incident (GawahCasebook          *casebook,
                    const char             *title,
                    const char             *province,
                    const GawahPartialDate *start,
                    const GawahPartialDate *end,
                    gboolean                ongoing)
{
  g_autoptr(GawahIncident) incident = gawah_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->title = g_strdup (title);
  incident->province = g_strdup (province);
  incident->start = *start;
  if (end != NULL)
    incident->end = *end;
  incident->ongoing = ongoing;
  g_assert_true (gawah_casebook_save_incident (casebook, incident, &error));
  g_assert_no_error (error);
}

static void
view_fixture_set_up (ViewFixture   *fixture,
                     gconstpointer  data)
{
  GawahCasebook *casebook;

  casebook_fixture_set_up (&fixture->base, data);
  casebook_fixture_import_sample (&fixture->base);
  casebook = fixture->base.casebook;
  add_dated_incident (casebook, "Abduction of a blogger", "pk-kp",
                      &(GawahPartialDate) { 2022, 8, 14, GAWAH_PRECISION_DAY }, NULL, TRUE);
  add_dated_incident (casebook, "Raid on a press club", "pk-pb",
                      &(GawahPartialDate) { 2023, 3, 2, GAWAH_PRECISION_DAY }, NULL, FALSE);
  add_dated_incident (casebook, "Sit-in dispersed", "pk-sd",
                      &(GawahPartialDate) { 2018, 5, 0, GAWAH_PRECISION_APPROXIMATE }, NULL, FALSE);
  add_dated_incident (casebook, "Lawyer detained without charge", "pk-is",
                      &(GawahPartialDate) { 2017, 1, 9, GAWAH_PRECISION_DAY },
                      &(GawahPartialDate) { 2017, 6, 20, GAWAH_PRECISION_DAY }, FALSE);
}

/* Incidents with a known start: the others cannot be placed in time. */
static guint
count_dated (GawahCasebook *casebook)
{
  g_autoptr(GPtrArray) entries = gawah_casebook_timeline_entries (casebook, NULL, GAWAH_TIMELINE_LANES_NONE, GAWAH_TIMELINE_INCIDENTS_ONLY, NULL, NULL);
  guint count = 0;

  for (guint i = 0; i < entries->len; i++)
    count += gawah_partial_date_is_known (&((GawahTimelineEntry *) g_ptr_array_index (entries, i))->start);
  return count;
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

static GtkWidget *
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
  return window;
}

/* The view reads the casebook in a worker thread. */
static void
wait_until_loaded (GawahTimelineView *view)
{
  while (gawah_timeline_view_is_loading (view))
    g_main_context_iteration (NULL, TRUE);
}

static GawahTimelineView *
present_timeline (ViewFixture *fixture)
{
  GtkWidget *view = gawah_timeline_view_new ();

  gawah_timeline_view_set_casebook (GAWAH_TIMELINE_VIEW (view), fixture->base.casebook);
  /* A timeline that is not shown reads the casebook when it is mapped. */
  g_assert_false (gawah_timeline_view_is_loading (GAWAH_TIMELINE_VIEW (view)));
  present_in_window (fixture, view, 1200, 500);
  wait_until_loaded (GAWAH_TIMELINE_VIEW (view));
  gawah_timeline_view_fit_all (GAWAH_TIMELINE_VIEW (view));
  return GAWAH_TIMELINE_VIEW (view);
}

/* The first single incident (not a bin) of the layout, and its lane. */
static const GawahTimelineItem *
find_mark (GawahTimelineLayout *layout)
{
  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_items;
      const GawahTimelineItem *items = gawah_timeline_layout_get_items (layout, lane, &n_items);

      for (guint i = 0; i < n_items; i++)
        if (items[i].count == 1)
          return &items[i];
    }
  return NULL;
}

/* Everything laid out, bins counted by what they hold; or only the
 * follow-ups shown as marks of their own. */
static guint
count_laid_out (GawahTimelineLayout *layout,
                gboolean             follow_ups_only)
{
  guint count = 0;

  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_items;
      const GawahTimelineItem *items = gawah_timeline_layout_get_items (layout, lane, &n_items);

      for (guint i = 0; i < n_items; i++)
        if (!follow_ups_only)
          count += items[i].count;
        else
          count += items[i].count == 1 && items[i].entry->kind == GAWAH_TIMELINE_ENTRY_FOLLOW_UP;
    }
  return count;
}

static void
record_id_cb (GawahTimelineView *view,
              gint64             incident_id,
              gint64            *activated)
{
  *activated = incident_id;
}

/* Fit all shows every dated incident; a click on a mark names its incident. */
static void
test_click_mark (ViewFixture   *fixture,
                 gconstpointer  data)
{
  GawahTimelineView *view = present_timeline (fixture);
  GawahTimelineLayout *layout = gawah_timeline_view_get_layout (view);
  const GawahTimelineItem *mark;
  graphene_point_t point;
  gint64 activated = 0;

  g_assert_nonnull (layout);
  g_assert_cmpuint (count_dated (fixture->base.casebook), ==, 10);
  g_assert_cmpuint (count_laid_out (layout, FALSE), ==, 10);
  mark = find_mark (layout);
  g_assert_nonnull (mark);
  g_assert_true (gawah_timeline_view_get_item_point (view, mark, &point));
  g_assert_cmpfloat (point.x, >, 0);
  g_assert_cmpfloat (point.x, <, gtk_widget_get_width (GTK_WIDGET (view)));
  g_signal_connect (view, "incident-activated", G_CALLBACK (record_id_cb), &activated);
  g_assert_true (gawah_timeline_view_activate_at (view, point.x, point.y));
  g_assert_cmpint (activated, ==, mark->id);

  /* Nothing there: nothing happens. */
  activated = 0;
  g_assert_false (gawah_timeline_view_activate_at (view, 2, gtk_widget_get_height (GTK_WIDGET (view)) - 2));
  g_assert_cmpint (activated, ==, 0);
}

/* "+" zooms in around the middle; Home fits everything again. */
static void
test_zoom_keys (ViewFixture   *fixture,
                gconstpointer  data)
{
  GawahTimelineView *view = present_timeline (fixture);
  double first, fitted, zoomed, again;

  gawah_timeline_view_get_viewport (view, &first, &fitted);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL));
  gawah_timeline_view_get_viewport (view, NULL, &zoomed);
  g_assert_cmpfloat (zoomed, <, fitted * 0.8);
  g_assert_nonnull (gawah_timeline_view_get_layout (view));

  for (guint i = 0; i < 40; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom-in", NULL);
  gawah_timeline_view_get_viewport (view, NULL, &zoomed);
  /* Down to days, no further. */
  g_assert_cmpfloat (zoomed, >=, 5);
  g_assert_cmpfloat (zoomed, <, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.fit-all", NULL));
  gawah_timeline_view_get_viewport (view, NULL, &again);
  g_assert_cmpfloat_with_epsilon (again, fitted, 0.001);
}

/* Tab enters the timeline on its earliest mark; Enter opens it. */
static void
test_keyboard (ViewFixture   *fixture,
               gconstpointer  data)
{
  GawahTimelineView *view = present_timeline (fixture);
  gint64 activated = 0;

  g_signal_connect (view, "incident-activated", G_CALLBACK (record_id_cb), &activated);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.activate", NULL));
  g_assert_cmpint (activated, !=, 0);
}

static gboolean
has_lane (GawahTimelineLayout *layout,
          const char          *code)
{
  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (layout); lane++)
    if (g_strcmp0 (gawah_timeline_layout_get_lane (layout, lane), code) == 0)
      return TRUE;
  return FALSE;
}

static void
test_lanes_by_province (ViewFixture   *fixture,
                        gconstpointer  data)
{
  GawahTimelineView *view = present_timeline (fixture);
  GawahTimelineLayout *layout;

  gawah_timeline_view_set_lanes (view, GAWAH_TIMELINE_LANES_PROVINCE);

  wait_until_loaded (view);
  gawah_timeline_view_fit_all (view);
  layout = gawah_timeline_view_get_layout (view);
  g_assert_nonnull (layout);
  g_assert_true (has_lane (layout, "pk-pb"));
  g_assert_true (has_lane (layout, "pk-sd"));
  g_assert_true (has_lane (layout, "pk-is"));
  /* Incidents without a province keep a lane of their own, last. */
  g_assert_null (gawah_timeline_layout_get_lane (layout, gawah_timeline_layout_get_n_lanes (layout) - 1));
  g_assert_cmpuint (count_laid_out (layout, FALSE), ==, 10);
  test_ui_screenshot (GTK_WIDGET (view), "timeline");
}

/* The list's filters apply: only Sindh's incidents remain. */
static void
test_filter (ViewFixture   *fixture,
             gconstpointer  data)
{
  GawahTimelineView *view = present_timeline (fixture);
  g_auto(GawahIncidentFilter) filter = { NULL };
  GawahTimelineLayout *layout;

  filter.province = g_strdup ("pk-sd");
  gawah_timeline_view_set_filter (view, &filter);
  wait_until_loaded (view);
  layout = gawah_timeline_view_get_layout (view);
  g_assert_cmpuint (count_laid_out (layout, FALSE), ==, 2);
  gawah_timeline_view_set_filter (view, NULL);
  wait_until_loaded (view);
  layout = gawah_timeline_view_get_layout (view);
  g_assert_cmpuint (count_laid_out (layout, FALSE), ==, 10);
}

static gboolean
add_many_cb (GawahCasebook  *casebook,
             gpointer        user_data,
             GError        **error)
{
  static const char * const provinces[] = { "pk-pb", "pk-sd", "pk-kp", "pk-ba", "pk-is" };
  GRand *rand = user_data;

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GawahIncident) incident = gawah_incident_new ();

      incident->title = g_strdup_printf ("Incident %u", i);
      incident->province = g_strdup (provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))]);
      incident->start = (GawahPartialDate) { g_rand_int_range (rand, 2012, 2026), g_rand_int_range (rand, 1, 13),
                                             g_rand_int_range (rand, 1, 29), GAWAH_PRECISION_DAY };
      if (!gawah_casebook_save_incident (casebook, incident, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_bin (GawahTimelineLayout *layout)
{
  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_items;
      const GawahTimelineItem *items = gawah_timeline_layout_get_items (layout, lane, &n_items);

      for (guint i = 0; i < n_items; i++)
        if (items[i].is_bin)
          return TRUE;
    }
  return FALSE;
}

/* Zoomed out, close marks are counted in bins; a click on one zooms in. */
static void
test_bins (ViewFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  GawahTimelineView *view;
  GawahTimelineLayout *layout;
  double before, after;

  g_assert_true (gawah_casebook_run_in_transaction (fixture->base.casebook, add_many_cb, rand, &error));
  g_assert_no_error (error);
  view = present_timeline (fixture);
  gawah_timeline_view_set_lanes (view, GAWAH_TIMELINE_LANES_PROVINCE);
  wait_until_loaded (view);
  gawah_timeline_view_fit_all (view);
  layout = gawah_timeline_view_get_layout (view);
  g_assert_true (has_bin (layout));
  g_assert_cmpuint (count_laid_out (layout, FALSE), ==, 410);
  test_ui_screenshot (GTK_WIDGET (view), "timeline-bins");

  /* Drawing may have laid the view out again. */
  layout = gawah_timeline_view_get_layout (view);
  gawah_timeline_view_get_viewport (view, NULL, &before);
  for (guint lane = 0; lane < gawah_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_items;
      const GawahTimelineItem *items = gawah_timeline_layout_get_items (layout, lane, &n_items);
      graphene_point_t point;

      for (guint i = 0; i < n_items; i++)
        if (items[i].is_bin)
          {
            g_assert_true (gawah_timeline_view_get_item_point (view, &items[i], &point));
            g_assert_true (gawah_timeline_view_activate_at (view, point.x, point.y));
            gawah_timeline_view_get_viewport (view, NULL, &after);
            g_assert_cmpfloat (after, <, before);
            return;
          }
    }
  g_assert_not_reached ();
}

/* A defender's timeline: Idris Khattak's disappearance, Amnesty's press
 * release, and a habeas petition whose hearing is due next month. A screen
 * reader hears each as the keyboard reaches it. */
static void
test_defender_timeline (ViewFixture   *fixture,
                        gconstpointer  data)
{
  GawahCasebook *casebook = fixture->base.casebook;
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GawahIncident) incident = NULL;
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  GawahTimelineView *view;
  int year, month, day;

  follow_up->incident_id = gawah_casebook_find_incident (casebook, IDRIS_KHATTAK, &error);
  g_assert_no_error (error);
  gawah_timeline_day_to_date (gawah_timeline_today () + 30, &year, &month, &day);
  follow_up->body = g_strdup ("high-court");
  follow_up->action_type = g_strdup ("habeas-petition");
  g_free (follow_up->status);
  follow_up->status = g_strdup ("pending");
  follow_up->due = (GawahPartialDate) { year, month, day, GAWAH_PRECISION_DAY };
  follow_up->description = g_strdup ("Hearing of the habeas petition.");
  g_assert_true (gawah_casebook_save_follow_up (casebook, follow_up, &error));
  g_assert_no_error (error);
  incident = gawah_casebook_get_incident (casebook, follow_up->incident_id, &error);
  g_assert_no_error (error);

  view = present_timeline (fixture);
  filter.person_id = gawah_casebook_find_person_by_name (casebook, "Idris Khattak", &error);
  g_assert_no_error (error);
  gawah_timeline_view_set_filter (view, &filter);
  wait_until_loaded (view);
  gawah_timeline_view_fit_all (view);
  g_assert_cmpuint (count_laid_out (gawah_timeline_view_get_layout (view), TRUE), ==, 2);
  test_ui_screenshot (GTK_WIDGET (view), "timeline-defender");

  /* The keyboard walks them in time order: incident, press release, hearing. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move-focus", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move-focus", "i", 1));
  when = gawah_describe_dates (&follow_up->due, &(GawahPartialDate) { 0 }, FALSE);
  expected = g_strdup_printf (_("%1$s, about: %2$s\ndue %3$s"),
                              gawah_vocabularies_label (gawah_vocabularies_get_default (),
                                                        GAWAH_VOCAB_FOLLOW_UP_TYPE, "habeas-petition"),
                              incident->title, when);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return test_ui_find_by_label (root, text) != NULL;
}

/* A pending reply due in ten days, among the steps of Idris Khattak's case. */
static void
test_chronology (ViewFixture   *fixture,
                 gconstpointer  data)
{
  GawahCasebook *casebook = fixture->base.casebook;
  g_autoptr(GawahFollowUp) follow_up = gawah_follow_up_new ();
  g_autoptr(GError) error = NULL;
  gint64 incident_id = gawah_casebook_find_incident (casebook, IDRIS_KHATTAK, &error);
  GtkWidget *view = gawah_chronology_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_MARCH, 2026);
  g_autofree char *due = NULL;

  g_assert_no_error (error);
  follow_up->incident_id = incident_id;
  follow_up->body = g_strdup ("un-special-procedures");
  follow_up->action_type = g_strdup ("urgent-appeal");
  g_free (follow_up->status);
  follow_up->status = g_strdup ("pending");
  follow_up->date = (GawahPartialDate) { 2026, 2, 20, GAWAH_PRECISION_DAY };
  follow_up->due = (GawahPartialDate) { 2026, 3, 25, GAWAH_PRECISION_DAY };
  follow_up->description = g_strdup ("Urgent appeal on the secret military trial; a reply from the government is awaited.");
  g_assert_true (gawah_casebook_save_follow_up (casebook, follow_up, &error));
  g_assert_no_error (error);

  gawah_chronology_view_set_today (GAWAH_CHRONOLOGY_VIEW (view), today);
  gawah_chronology_view_set_incident (GAWAH_CHRONOLOGY_VIEW (view), casebook, incident_id);
  /* Three steps, two follow-up actions, and today between them. */
  g_assert_cmpuint (gawah_chronology_view_get_n_steps (GAWAH_CHRONOLOGY_VIEW (view)), ==, 6);
  g_object_set (view, "margin-top", 24, "margin-bottom", 24, "margin-start", 24, "margin-end", 24, NULL);
  adw_clamp_set_child (ADW_CLAMP (clamp), view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  present_in_window (fixture, scroller, 700, 760);
  due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", 10), 10);
  g_assert_true (shows_text (view, due));
  g_assert_true (shows_text (view, _("Today")));
  test_ui_screenshot (scroller, "chronology");

  gawah_chronology_view_set_incident (GAWAH_CHRONOLOGY_VIEW (view), NULL, 0);
  g_assert_cmpuint (gawah_chronology_view_get_n_steps (GAWAH_CHRONOLOGY_VIEW (view)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  g_test_add ("/timeline/click-mark", ViewFixture, NULL, view_fixture_set_up, test_click_mark,
              view_fixture_tear_down);
  g_test_add ("/timeline/zoom-keys", ViewFixture, NULL, view_fixture_set_up, test_zoom_keys,
              view_fixture_tear_down);
  g_test_add ("/timeline/keyboard", ViewFixture, NULL, view_fixture_set_up, test_keyboard,
              view_fixture_tear_down);
  g_test_add ("/timeline/lanes-by-province", ViewFixture, NULL, view_fixture_set_up, test_lanes_by_province,
              view_fixture_tear_down);
  g_test_add ("/timeline/filter", ViewFixture, NULL, view_fixture_set_up, test_filter,
              view_fixture_tear_down);
  g_test_add ("/timeline/bins", ViewFixture, NULL, view_fixture_set_up, test_bins,
              view_fixture_tear_down);
  g_test_add ("/timeline/defender", ViewFixture, NULL, view_fixture_set_up, test_defender_timeline,
              view_fixture_tear_down);
  g_test_add ("/chronology/due-ahead", ViewFixture, NULL, view_fixture_set_up, test_chronology,
              view_fixture_tear_down);
  return g_test_run ();
}
