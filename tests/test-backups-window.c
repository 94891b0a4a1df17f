/* test-backups-window.c: integrity, backups and a new passphrase on a real display
 *
 * Checks the sample casebook, backs it up from the window, and tries the
 * passphrase window with a wrong current passphrase, two different new
 * ones, then the right ones. Runs in English and Urdu; leaves backups.png
 * in $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-backups-window.h"
#include "gawah-passphrase-window.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"

#define WAIT_MS 5000
#define NEW_PASSPHRASE "monsoon rain over the margalla hills"

typedef struct {
  CasebookFixture  base;
  GtkWidget       *parent;
} WindowFixture;

static void
window_fixture_set_up (WindowFixture *fixture,
                       gconstpointer  data)
{
  casebook_fixture_set_up (&fixture->base, data);
  casebook_fixture_import_sample (&fixture->base);
  fixture->parent = adw_window_new ();
  gtk_window_present (GTK_WINDOW (fixture->parent));
}

static void
window_fixture_tear_down (WindowFixture *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->parent));
  test_ui_iterate (50);
  casebook_fixture_tear_down (&fixture->base, data);
}

static gboolean
is_laid_out (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

/* The button whose mnemonic label reads text. */
static void
click_labelled (GtkWidget  *window,
                const char *text)
{
  g_autoptr(GString) shown = g_string_new (text);
  GtkWidget *label;

  g_string_replace (shown, "_", "", 1);
  label = test_ui_find_by_label (window, shown->str);
  g_assert_nonnull (label);
  g_assert_true (GTK_IS_BUTTON (gtk_widget_get_parent (label)));
  g_signal_emit_by_name (gtk_widget_get_parent (label), "clicked");
}

static void
test_check_and_back_up (WindowFixture *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = gawah_backups_window_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  GawahBackupsWindow *backups = GAWAH_BACKUPS_WINDOW (window);
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_wait_until (is_laid_out, window, WAIT_MS));
  gawah_backups_window_check (backups);
  g_assert_nonnull (strstr (gawah_backups_window_get_result (backups), "(")); /* the head hash */
  g_assert_cmpstr (gawah_backups_window_get_result (backups), !=, _("Not checked yet"));

  before = gawah_backups_window_get_n_backups (backups);
  click_labelled (window, _("_Back Up Now"));
  g_assert_cmpuint (gawah_backups_window_get_n_backups (backups), ==, before + 1);
  test_ui_screenshot (window, "backups");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
type_into (GtkWidget  *window,
           const char *title,
           const char *text)
{
  GtkWidget *row = test_ui_find_by_label (window, title);

  while (row != NULL && !ADW_IS_PASSWORD_ENTRY_ROW (row))
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_change_passphrase (WindowFixture *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = gawah_passphrase_window_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  g_autoptr(GtkWidget) kept = g_object_ref (window);
  g_autoptr(GawahCasebook) reopened = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_wait_until (is_laid_out, window, WAIT_MS));

  type_into (window, _("Current passphrase"), "a guess");
  type_into (window, _("New passphrase"), NEW_PASSPHRASE);
  type_into (window, _("New passphrase again"), NEW_PASSPHRASE);
  g_assert_false (gawah_passphrase_window_change (GAWAH_PASSPHRASE_WINDOW (window)));
  g_assert_nonnull (test_ui_find_by_type (window, GTK_TYPE_LABEL));
  /* Every entry is emptied once read. */
  g_assert_null (test_ui_find_by_label (window, NEW_PASSPHRASE));

  type_into (window, _("Current passphrase"), TEST_PASSPHRASE);
  type_into (window, _("New passphrase"), NEW_PASSPHRASE);
  type_into (window, _("New passphrase again"), "something else");
  g_assert_false (gawah_passphrase_window_change (GAWAH_PASSPHRASE_WINDOW (window)));
  g_assert_nonnull (test_ui_find_by_label (window, _("The two new passphrases differ")));

  type_into (window, _("Current passphrase"), TEST_PASSPHRASE);
  type_into (window, _("New passphrase"), NEW_PASSPHRASE);
  type_into (window, _("New passphrase again"), NEW_PASSPHRASE);
  g_assert_true (gawah_passphrase_window_change (GAWAH_PASSPHRASE_WINDOW (window)));

  reopened = gawah_casebook_open (fixture->base.path, NEW_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);
  g_test_add ("/backups-window/check-and-back-up", WindowFixture, NULL, window_fixture_set_up,
              test_check_and_back_up, window_fixture_tear_down);
  g_test_add ("/passphrase-window/change", WindowFixture, NULL, window_fixture_set_up,
              test_change_passphrase, window_fixture_tear_down);
  return g_test_run ();
}
