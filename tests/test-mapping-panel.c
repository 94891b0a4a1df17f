/* test-mapping-panel.c: the mapping panel and the provision browser on a real display
 *
 * Decides on suggested provisions, writes a note, adds a provision through
 * the search popover, and follows a provision to the incidents engaging
 * it. Runs under Xvfb, in English and with LANGUAGE=ur in Urdu; leaves
 * mapping-panel.png and provision-browser.png in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gawah-catalogue.h"
#include "gawah-mapping-panel.h"
#include "gawah-provision-browser.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"

#define WAIT_MS 5000

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

/* The widgets must let go of the casebook: the base fixture checks that it
 * is finalized. */
static void
panel_fixture_tear_down (PanelFixture  *fixture,
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

/* Waiting */

static gboolean
is_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static void
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_laid_out (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

/* A popover needs its button on screen, or GDK finds no monitor for it.
 * Called until the widget is shown: new rows may take a few frames to
 * settle, and the allocation follows the adjustment a frame later. */
static gboolean
is_scrolled_into_view (gpointer user_data)
{
  GtkWidget *widget = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t shown, placed;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &shown));
  if (shown.origin.y >= 0 && shown.origin.y + shown.size.height <= gtk_widget_get_height (scroller))
    return TRUE;
  /* Where the widget sits in the content does not depend on the scrolling. */
  g_assert_true (gtk_widget_compute_bounds (widget, gtk_viewport_get_child (GTK_VIEWPORT (viewport)), &placed));
  gtk_adjustment_set_value (adjustment, placed.origin.y - gtk_adjustment_get_page_size (adjustment) / 2);
  return FALSE;
}

static void
scroll_into_view (GtkWidget *widget)
{
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (test_ui_wait_until (is_scrolled_into_view, widget, WAIT_MS));
}

/* Setting the text to "" emits "search-changed" at once, so the handler
 * comes first. */
static void
search_for (GtkWidget  *entry,
            const char *text)
{
  gboolean emitted = FALSE;
  gulong handler = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (set_flag_cb), &emitted);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (test_ui_wait_until (is_set, &emitted, WAIT_MS));
  g_signal_handler_disconnect (entry, handler);
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
  /* Inside the 1280×800 Xvfb screen: popovers need a monitor. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_wait_until (is_laid_out, window, WAIT_MS));
  return window;
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
is_row_of (GtkWidget     *widget,
           gconstpointer  provision_id)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "provision-id"), provision_id) == 0;
}

/* The browser cites "Art. 9" under the instrument's title; its rows carry
 * their provision's id. */
static GtkWidget *
find_browser_row (GtkWidget  *browser,
                  const char *provision_id)
{
  return find_widget (browser, is_row_of, provision_id);
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
  GtkWidget *group = test_ui_find_by_type (panel, ADW_TYPE_PREFERENCES_GROUP);
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
      g_assert_nonnull (test_ui_find_by_label (row, "Suggested"));
      g_assert_nonnull (test_ui_find_by_label (find_provision_row (panel, "const-184-3"), "Remedy"));
    }
}

static void
decide (PanelFixture *fixture,
        GtkWidget    *panel)
{
  GtkWidget *confirm = find_decision_button (find_provision_row (panel, "const-9"), "emblem-ok-symbolic");
  GtkWidget *reject = find_decision_button (find_provision_row (panel, "const-10"), "window-close-symbolic");
  guint changes = 0;
  gulong handler = g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_cb), &changes);

  g_signal_emit_by_name (confirm, "clicked");
  assert_decision (fixture, "const-9", GAWAH_DECISION_CONFIRMED);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (confirm)));
  if (is_english ())
    g_assert_nonnull (test_ui_find_by_label (find_provision_row (panel, "const-9"), "Confirmed"));

  /* Pressing the decision taken again takes it back. */
  g_signal_emit_by_name (confirm, "clicked");
  assert_decision (fixture, "const-9", GAWAH_DECISION_PENDING);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (confirm)));
  g_signal_emit_by_name (confirm, "clicked");
  assert_decision (fixture, "const-9", GAWAH_DECISION_CONFIRMED);

  g_signal_emit_by_name (reject, "clicked");
  assert_decision (fixture, "const-10", GAWAH_DECISION_REJECTED);
  g_assert_cmpuint (changes, ==, 4);
  /* The counter lives on this stack: later changes must not reach it
   * (AddressSanitizer found the panel writing to it after this returned). */
  g_signal_handler_disconnect (panel, handler);
}

static void
write_note (PanelFixture *fixture,
            GtkWidget    *panel)
{
  GtkWidget *note_row = test_ui_find_by_type (find_provision_row (panel, "const-10"), ADW_TYPE_ENTRY_ROW);
  g_autoptr(GawahProvisionMapping) mapping = NULL;

  g_assert_nonnull (note_row);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "  Released within 5 hours & unharmed  ");
  g_signal_emit_by_name (note_row, "apply");
  mapping = find_mapping (fixture, "const-10");
  g_assert_cmpstr (mapping->note, ==, "Released within 5 hours & unharmed");
  /* Shown as typed: the row's text is not markup. */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_provision_row (panel, "const-10"))),
                            "Released within 5 hours & unharmed"));
  /* The note does not undo the decision. */
  g_assert_cmpint (mapping->decision, ==, GAWAH_DECISION_REJECTED);
}

/* The path a reviewer takes: open the popover, search, press Enter. */
static void
add_through_popover (PanelFixture *fixture,
                     GtkWidget    *panel)
{
  GtkWidget *add_button = test_ui_find_by_type (panel, GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_button)));
  GtkWidget *search = test_ui_find_by_type (popover, GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GawahProvisionMapping) mapping = NULL;
  GtkWidget *row;
  GtkWidget *focus;

  g_assert_null (find_mapping (fixture, "const-19a"));
  g_assert_true (gtk_widget_get_sensitive (add_button));
  scroll_into_view (add_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (add_button));
  g_assert_true (gtk_widget_get_visible (popover));
  search_for (search, "constitution 19a");
  g_signal_emit_by_name (search, "activate");

  mapping = find_mapping (fixture, "const-19a");
  g_assert_nonnull (mapping);
  g_assert_cmpint (mapping->decision, ==, GAWAH_DECISION_CONFIRMED);
  g_assert_true (mapping->added_by_reviewer);
  g_assert_false (gtk_widget_get_visible (popover));
  row = find_provision_row (panel, "const-19a");
  g_assert_nonnull (row);
  /* The keyboard user goes on from the row just added. */
  focus = gtk_root_get_focus (gtk_widget_get_root (panel));
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
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
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), panel);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  /* The screenshot is of the whole panel, not just the part in view: it
   * needs a background of its own. */
  gtk_widget_add_css_class (clamp, "background");

  gawah_mapping_panel_set_incident (GAWAH_MAPPING_PANEL (panel), fixture->base.casebook, fixture->incident_id);
  fixture->window = present_in_window (scroller, "Legal Mapping", 900, 760);

  check_rows (panel);
  decide (fixture, panel);
  write_note (fixture, panel);
  add_through_popover (fixture, panel);

  test_ui_screenshot (clamp, "mapping-panel");

  /* Locking: the panel lets go of the casebook and shows nothing. */
  gawah_mapping_panel_set_incident (GAWAH_MAPPING_PANEL (panel), NULL, 0);
  g_assert_null (test_ui_find_by_type (panel, ADW_TYPE_EXPANDER_ROW));
  g_assert_false (gtk_widget_get_sensitive (test_ui_find_by_type (panel, GTK_TYPE_MENU_BUTTON)));
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
  GtkListBox *list = GTK_LIST_BOX (test_ui_find_by_type (browser, GTK_TYPE_LIST_BOX));
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
  GtkWidget *row = find_browser_row (browser, "iccpr-9");
  GtkWidget *button;
  GtkWidget *list;
  gint64 shown = 0;

  g_assert_nonnull (row);
  button = test_ui_find_by_type (row, GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_get_sensitive (button));
  if (is_english ())
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Incidents: 1");
  g_signal_connect (browser, "show-incident", G_CALLBACK (record_incident_cb), &shown);
  scroll_into_view (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  list = test_ui_find_by_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpint (shown, ==, fixture->incident_id);
}

static void
search_provisions (GtkWidget *browser)
{
  GtkWidget *search = test_ui_find_by_type (browser, GTK_TYPE_SEARCH_ENTRY);

  /* Typing moves the focus out of the list, which no longer scrolls to it. */
  gtk_widget_grab_focus (search);

  search_for (search, "liberty");
  if (is_english ())
    {
      g_assert_true (gtk_widget_get_visible (find_browser_row (browser, "iccpr-9")));
      g_assert_false (gtk_widget_get_visible (find_browser_row (browser, "iccpr-7")));
    }
  search_for (search, "");
  g_assert_true (gtk_widget_get_visible (find_browser_row (browser, "iccpr-7")));
}

static void
test_provision_browser (PanelFixture  *fixture,
                        gconstpointer  data)
{
  GtkWidget *browser = gawah_provision_browser_new ();
  GtkWidget *count_button;
  GtkListBoxRow *iccpr;

  gtk_widget_set_vexpand (browser, TRUE);
  gawah_provision_browser_set_casebook (GAWAH_PROVISION_BROWSER (browser), fixture->base.casebook);
  fixture->window = present_in_window (browser, "Legal Catalogue", 1100, 760);

  iccpr = select_instrument (browser, "iccpr");
  if (is_english ())
    g_assert_nonnull (test_ui_find_by_label (GTK_WIDGET (iccpr), "Ratified 23 June 2010"));
  show_incidents_of_iccpr_9 (fixture, browser);
  search_provisions (browser);

  /* From the top: the status and the reservations first. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (find_browser_row (browser, "iccpr-9"), GTK_TYPE_SCROLLED_WINDOW))), 0);
  test_ui_screenshot (fixture->window, "provision-browser");

  gawah_provision_browser_set_casebook (GAWAH_PROVISION_BROWSER (browser), NULL);
  count_button = test_ui_find_by_type (find_browser_row (browser, "iccpr-9"), GTK_TYPE_MENU_BUTTON);
  g_assert_false (gtk_widget_get_visible (count_button));
}

int
main (int    argc,
      char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add ("/mapping-panel/decide", PanelFixture, NULL,
              panel_fixture_set_up, test_mapping_panel, panel_fixture_tear_down);
  g_test_add ("/provision-browser/browse", PanelFixture, NULL,
              panel_fixture_set_up, test_provision_browser, panel_fixture_tear_down);
  return g_test_run ();
}
