/* test-mapping-panel.c: the mapping panel and the provision browser on a real display
 *
 * Needs a display: run under Xvfb with dbus-run-session and
 * GSK_RENDERER=cairo. GAWAH_SCREENSHOT_DIR, if set, receives
 * mapping-panel.png and provision-browser.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gawah-catalogue.h"
#include "gawah-mapping-panel.h"
#include "gawah-provision-browser.h"
#include "gawah-test-utils.h"

#define WAIT_TIMEOUT_SECONDS 10

typedef struct {
  CasebookFixture  base;
  gint64           incident_id;
  GtkWidget       *window;
} PanelFixture;

static void
panel_fixture_set_up (PanelFixture  *fixture,
                      gconstpointer  data)
{
  gint64 victim;

  casebook_fixture_set_up (&fixture->base, data);
  victim = test_add_person (fixture->base.casebook, "A. Khan", "اے خان", "journalist");
  fixture->incident_id = test_add_incident (fixture->base.casebook, "Abduction of a journalist");
  test_add_act (fixture->base.casebook, fixture->incident_id, victim, "enforced-disappearance", NULL);
}

static void
panel_fixture_tear_down (PanelFixture  *fixture,
                         gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_autoptr(GtkWidget) window = g_object_ref (fixture->window);

      gtk_window_destroy (GTK_WINDOW (fixture->window));
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_assert_finalize_object (g_steal_pointer (&window));
    }
  casebook_fixture_tear_down (&fixture->base, data);
}

/* Main loop helpers */

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until (const gboolean *done)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timed_out_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

typedef struct {
  guint    frames;
  gboolean done;
} FrameCount;

static gboolean
count_frames_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  FrameCount *count = user_data;

  count->done = ++count->frames >= 3;
  return count->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Three frames: laid out, drawn, and settled after any relayout. */
static void
wait_until_drawn (GtkWidget *widget)
{
  FrameCount count = { 0, FALSE };

  gtk_widget_add_tick_callback (widget, count_frames_cb, &count, NULL);
  spin_until (&count.done);
}

static void
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
wait_for_signal (gpointer    instance,
                 const char *signal)
{
  gboolean emitted = FALSE;
  gulong handler = g_signal_connect_swapped (instance, signal, G_CALLBACK (flag_cb), &emitted);

  spin_until (&emitted);
  g_signal_handler_disconnect (instance, handler);
}

/* As a keyboard user would: the scrolled window follows the focus. A
 * popover needs its button on screen, or GDK finds no monitor for it. */
static void
focus_into_view (GtkWidget *widget)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  wait_until_drawn (widget);
}

static GtkWidget *
present_in_window (GtkWidget  *child,
                   const char *title,
                   int         width,
                   int         height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), child);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (window);
  return window;
}

/* The whole widget, even the part scrolled out of view, on the window's
 * background. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("GAWAH_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA background = { 0.98f, 0.98f, 0.98f, 1.0f };

  if (dir == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &background);
  G_GNUC_END_IGNORE_DEPRECATIONS
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Widget tree helpers */

typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  if (test (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_row_citing (GtkWidget     *widget,
               gconstpointer  citation)
{
  const char *title;
  gsize length = strlen (citation);

  if (!ADW_IS_PREFERENCES_ROW (widget))
    return FALSE;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return title != NULL && strncmp (title, citation, length) == 0 && title[length] == ' ';
}

/* The row whose title starts with the provision's citation: "… Art. 9 — …". */
static GtkWidget *
find_provision_row (GtkWidget  *root,
                    const char *provision_id)
{
  g_autofree char *citation = gawah_catalogue_dup_citation (gawah_catalogue_get_default (), provision_id);

  return find_widget (root, is_row_citing, citation);
}

static gboolean
is_button_with_icon (GtkWidget     *widget,
                     gconstpointer  icon_name)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

static GtkWidget *
find_decision_button (GtkWidget  *row,
                      const char *icon_name)
{
  GtkWidget *button = find_widget (row, is_button_with_icon, icon_name);

  g_assert_nonnull (button);
  return button;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_english (void)
{
  return gawah_language_current () == GAWAH_LANGUAGE_ENGLISH;
}

/* Casebook helpers */

static GawahProvisionMapping *
find_mapping (PanelFixture *fixture,
              const char   *provision_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mappings = gawah_casebook_list_mappings (fixture->base.casebook, fixture->incident_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < mappings->len; i++)
    {
      GawahProvisionMapping *mapping = g_ptr_array_index (mappings, i);

      if (g_str_equal (mapping->provision_id, provision_id))
        return g_ptr_array_steal_index (mappings, i);
    }
  return NULL;
}

static void
assert_decision (PanelFixture  *fixture,
                 const char    *provision_id,
                 GawahDecision  decision)
{
  g_autoptr(GawahProvisionMapping) mapping = find_mapping (fixture, provision_id);

  g_assert_nonnull (mapping);
  g_assert_cmpint (mapping->decision, ==, decision);
}

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Tests */

static void
check_rows (GtkWidget *panel)
{
  GtkWidget *row = find_provision_row (panel, "const-9");
  GtkWidget *group = find_of_type (panel, ADW_TYPE_PREFERENCES_GROUP);
  const GawahInstrument *constitution = gawah_catalogue_find_instrument (gawah_catalogue_get_default (), "const");

  g_assert_nonnull (row);
  g_assert_nonnull (find_provision_row (panel, "const-10"));
  g_assert_nonnull (find_provision_row (panel, "iccpr-9"));
  g_assert_nonnull (find_provision_row (panel, "const-184-3"));
  /* The Constitution comes first, as in the catalogue. */
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   gawah_text_get_current (&constitution->short_title));
  if (is_english ())
    {
      g_assert_cmpstr (gtk_widget_get_tooltip_text (find_decision_button (row, "emblem-ok-symbolic")), ==,
                       "Confirm Constitution of Pakistan Art. 9");
      g_assert_nonnull (find_widget (row, is_label_with_text, "Suggested"));
      g_assert_nonnull (find_widget (find_provision_row (panel, "const-184-3"), is_label_with_text, "Remedy"));
    }
}

static void
decide (PanelFixture *fixture,
        GtkWidget    *panel)
{
  GtkWidget *confirm = find_decision_button (find_provision_row (panel, "const-9"), "emblem-ok-symbolic");
  GtkWidget *reject = find_decision_button (find_provision_row (panel, "const-10"), "window-close-symbolic");
  guint changes = 0;

  g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_cb), &changes);

  g_signal_emit_by_name (confirm, "clicked");
  assert_decision (fixture, "const-9", GAWAH_DECISION_CONFIRMED);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (confirm)));
  if (is_english ())
    g_assert_nonnull (find_widget (find_provision_row (panel, "const-9"), is_label_with_text, "Confirmed"));

  /* Pressing the decision taken again takes it back. */
  g_signal_emit_by_name (confirm, "clicked");
  assert_decision (fixture, "const-9", GAWAH_DECISION_PENDING);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (confirm)));
  g_signal_emit_by_name (confirm, "clicked");
  assert_decision (fixture, "const-9", GAWAH_DECISION_CONFIRMED);

  g_signal_emit_by_name (reject, "clicked");
  assert_decision (fixture, "const-10", GAWAH_DECISION_REJECTED);
  g_assert_cmpuint (changes, ==, 4);
}

static void
write_note (PanelFixture *fixture,
            GtkWidget    *panel)
{
  GtkWidget *note_row = find_of_type (find_provision_row (panel, "const-10"), ADW_TYPE_ENTRY_ROW);
  g_autoptr(GawahProvisionMapping) mapping = NULL;

  g_assert_nonnull (note_row);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "  Released within hours  ");
  g_signal_emit_by_name (note_row, "apply");
  mapping = find_mapping (fixture, "const-10");
  g_assert_cmpstr (mapping->note, ==, "Released within hours");
  /* The note does not undo the decision. */
  g_assert_cmpint (mapping->decision, ==, GAWAH_DECISION_REJECTED);
}

/* The path a reviewer takes: open the popover, search, press Enter. */
static void
add_through_popover (PanelFixture *fixture,
                     GtkWidget    *panel)
{
  GtkWidget *add_button = find_of_type (panel, GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_button)));
  GtkWidget *search = find_of_type (popover, GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GawahProvisionMapping) mapping = NULL;

  g_assert_null (find_mapping (fixture, "const-19a"));
  g_assert_true (gtk_widget_get_sensitive (add_button));
  focus_into_view (add_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (add_button));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_editable_set_text (GTK_EDITABLE (search), "constitution 19a");
  wait_for_signal (search, "search-changed");
  g_signal_emit_by_name (search, "activate");

  mapping = find_mapping (fixture, "const-19a");
  g_assert_nonnull (mapping);
  g_assert_cmpint (mapping->decision, ==, GAWAH_DECISION_CONFIRMED);
  g_assert_true (mapping->added_by_reviewer);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (find_provision_row (panel, "const-19a"));
}

static void
test_mapping_panel (PanelFixture  *fixture,
                    gconstpointer  data)
{
  GtkWidget *panel = gawah_mapping_panel_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (panel, 24);
  gtk_widget_set_margin_bottom (panel, 24);
  gtk_widget_set_margin_start (panel, 12);
  gtk_widget_set_margin_end (panel, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), panel);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  gawah_mapping_panel_set_incident (GAWAH_MAPPING_PANEL (panel), fixture->base.casebook, fixture->incident_id);
  /* Windows stay inside the 1280×800 Xvfb screen: popovers need a monitor. */
  fixture->window = present_in_window (scroller, "Legal Mapping", 900, 760);

  check_rows (panel);
  decide (fixture, panel);
  write_note (fixture, panel);
  add_through_popover (fixture, panel);

  wait_until_drawn (fixture->window);
  save_screenshot (panel, "mapping-panel.png");

  /* Locking: the panel lets go of the casebook and shows nothing. */
  gawah_mapping_panel_set_incident (GAWAH_MAPPING_PANEL (panel), NULL, 0);
  g_assert_null (find_of_type (panel, ADW_TYPE_EXPANDER_ROW));
  g_assert_false (gtk_widget_get_sensitive (find_of_type (panel, GTK_TYPE_MENU_BUTTON)));
}

static void
record_incident_cb (GtkWidget *browser,
                    gint64     incident_id,
                    gpointer   user_data)
{
  *(gint64 *) user_data = incident_id;
}

static GtkListBoxRow *
select_instrument (GtkWidget  *browser,
                   const char *instrument_id)
{
  GtkListBox *list = GTK_LIST_BOX (find_of_type (browser, GTK_TYPE_LIST_BOX));
  const GPtrArray *instruments = gawah_catalogue_get_instruments (gawah_catalogue_get_default ());

  for (guint i = 0; i < instruments->len; i++)
    {
      const GawahInstrument *instrument = g_ptr_array_index (instruments, i);

      if (g_str_equal (instrument->id, instrument_id))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

          gtk_list_box_select_row (list, row);
          return row;
        }
    }
  g_assert_not_reached ();
}

static void
show_incidents_of_iccpr_9 (PanelFixture *fixture,
                           GtkWidget    *browser)
{
  GtkWidget *row = find_provision_row (browser, "iccpr-9");
  GtkWidget *button;
  GtkWidget *list;
  gint64 shown = 0;

  g_assert_nonnull (row);
  button = find_of_type (row, GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_get_sensitive (button));
  if (is_english ())
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Incidents: 1");
  g_signal_connect (browser, "show-incident", G_CALLBACK (record_incident_cb), &shown);
  focus_into_view (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  list = find_of_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpint (shown, ==, fixture->incident_id);
}

static void
search_provisions (GtkWidget *browser)
{
  GtkWidget *search = find_of_type (browser, GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (search), "liberty");
  wait_for_signal (search, "search-changed");
  if (is_english ())
    {
      g_assert_true (gtk_widget_get_visible (find_provision_row (browser, "iccpr-9")));
      g_assert_false (gtk_widget_get_visible (find_provision_row (browser, "iccpr-7")));
    }
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_for_signal (search, "search-changed");
  g_assert_true (gtk_widget_get_visible (find_provision_row (browser, "iccpr-7")));
}

static void
test_provision_browser (PanelFixture  *fixture,
                        gconstpointer  data)
{
  GtkWidget *browser = gawah_provision_browser_new ();
  GtkListBoxRow *iccpr;

  gtk_widget_set_vexpand (browser, TRUE);
  gawah_provision_browser_set_casebook (GAWAH_PROVISION_BROWSER (browser), fixture->base.casebook);
  fixture->window = present_in_window (browser, "Legal Catalogue", 1100, 760);

  iccpr = select_instrument (browser, "iccpr");
  if (is_english ())
    g_assert_nonnull (find_widget (GTK_WIDGET (iccpr), is_label_with_text, "Ratified 23 June 2010"));
  show_incidents_of_iccpr_9 (fixture, browser);
  search_provisions (browser);

  wait_until_drawn (fixture->window);
  save_screenshot (fixture->window, "provision-browser.png");

  gawah_provision_browser_set_casebook (GAWAH_PROVISION_BROWSER (browser), NULL);
  g_assert_false (gtk_widget_get_visible (find_of_type (find_provision_row (browser, "iccpr-9"),
                                                        GTK_TYPE_MENU_BUTTON)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Not gtk_test_init (): it forces the C locale, and Urdu must be testable. */
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  if (gawah_language_current () == GAWAH_LANGUAGE_URDU)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_test_add ("/mapping-panel/decide", PanelFixture, NULL,
              panel_fixture_set_up, test_mapping_panel, panel_fixture_tear_down);
  g_test_add ("/provision-browser/browse", PanelFixture, NULL,
              panel_fixture_set_up, test_provision_browser, panel_fixture_tear_down);
  return g_test_run ();
}
