/* test-backups-window.c: integrity, backups and a new passphrase on a real display
 *
 * Checks the sample casebook, backs it up and restores it from the window,
 * tries the passphrase window with a wrong current passphrase, two
 * different new ones, then the right ones, and the unlock page's wait after
 * wrong passphrases. Runs in English and Urdu; leaves backups.png in
 * $GAWAH_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-backups-window.h"
#include "gawah-passphrase-window.h"
#include "gawah-security.h"
#include "gawah-unlock-page.h"
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
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = NULL;

  casebook_fixture_set_up (&fixture->base, data);
  casebook_fixture_import_sample (&fixture->base);
  /* Each test its own backups (the settings live in memory). */
  folder = g_build_filename (fixture->base.dir, "backups", NULL);
  g_settings_set_string (settings, "backup-folder", folder);
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

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_wait_until (is_laid_out, window, WAIT_MS));
  gawah_backups_window_check (backups);
  g_assert_nonnull (strstr (gawah_backups_window_get_result (backups), "(")); /* the head hash */
  g_assert_cmpstr (gawah_backups_window_get_result (backups), !=, _("Not checked yet"));

  g_assert_cmpuint (gawah_backups_window_get_n_backups (backups), ==, 0);
  click_labelled (window, _("_Back Up Now"));
  g_assert_cmpuint (gawah_backups_window_get_n_backups (backups), ==, 1);
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

static gboolean
window_is_gone (gpointer user_data)
{
  return *(GtkWidget **) user_data == NULL;
}

/* Restoring from the window: refused while the casebook is still open
 * elsewhere (here: by the test), done once it is closed. */
static void
test_restore (WindowFixture *fixture,
              gconstpointer  data)
{
  GtkWidget *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_message = g_strdup_printf (_("“%s” is open in another program; close it there first"),
                                                    fixture->base.path);
  gint64 incidents = gawah_casebook_count_incidents (fixture->base.casebook, NULL);

  window = gawah_backups_window_new (GTK_WINDOW (fixture->parent), fixture->base.casebook);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_ui_wait_until (is_laid_out, window, WAIT_MS));
  click_labelled (window, _("_Back Up Now"));
  test_add_incident (fixture->base.casebook, "Written after the backup");

  /* The newest backup's Restore… button, then the passphrase. */
  click_labelled (window, _("_Restore…"));
  type_into (window, _("Passphrase"), TEST_PASSPHRASE);
  click_labelled (window, _("_Restore"));
  g_assert_nonnull (test_ui_find_by_label (window, other_message));
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->base.casebook, NULL), ==, incidents + 1);

  /* Closed, as locking does in the app: now it restores, and closes. */
  g_assert_finalize_object (g_steal_pointer (&fixture->base.casebook));
  type_into (window, _("Passphrase"), TEST_PASSPHRASE);
  click_labelled (window, _("_Restore"));
  g_assert_true (test_ui_wait_until (window_is_gone, &window, WAIT_MS));
  fixture->base.casebook = gawah_casebook_open (fixture->base.path, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->base.casebook, NULL), ==, incidents);
}

static gboolean
label_shown (gpointer user_data)
{
  GtkWidget *page = user_data;
  const char *text = g_object_get_data (G_OBJECT (page), "wanted");

  return test_ui_find_by_label (page, text) != NULL;
}

/* After a wrong passphrase the next try waits, and says so. */
static void
test_unlock_delay (WindowFixture *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = g_object_new (GAWAH_TYPE_UNLOCK_PAGE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->base.path);
  GawahUnlockDelay *delay = gawah_unlock_delay_get_default ();
  GtkWidget *entry;
  g_autofree char *waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
    "After a wrong passphrase Gawah waits %u second before trying again.",
    "After wrong passphrases Gawah waits %u seconds before trying again.", 1), 1);

  adw_window_set_content (ADW_WINDOW (fixture->parent), page);
  gawah_unlock_page_set_file (GAWAH_UNLOCK_PAGE (page), file);
  g_assert_true (test_ui_wait_until (is_laid_out, page, WAIT_MS));
  entry = test_ui_find_by_type (page, GTK_TYPE_PASSWORD_ENTRY);

  g_assert_cmpuint (gawah_unlock_delay_get_failures (delay), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "a guess");
  g_signal_emit_by_name (entry, "activate");
  g_object_set_data (G_OBJECT (page), "wanted", (gpointer) _("Wrong passphrase, or the file is not a Gawah casebook"));
  g_assert_true (test_ui_wait_until (label_shown, page, 15000));
  g_assert_cmpuint (gawah_unlock_delay_get_failures (delay), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "another guess");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (test_ui_find_by_label (page, waiting));
  g_object_set_data (G_OBJECT (page), "wanted", (gpointer) _("Wrong passphrase, or the file is not a Gawah casebook"));
  g_assert_true (test_ui_wait_until (label_shown, page, 15000));
  g_assert_cmpuint (gawah_unlock_delay_get_failures (delay), ==, 2);
  gawah_unlock_delay_record_success (delay);
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
  g_test_add ("/backups-window/restore", WindowFixture, NULL, window_fixture_set_up,
              test_restore, window_fixture_tear_down);
  g_test_add ("/unlock-page/delay", WindowFixture, NULL, window_fixture_set_up,
              test_unlock_delay, window_fixture_tear_down);
  return g_test_run ();
}
