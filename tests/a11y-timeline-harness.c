/* a11y-timeline-harness.c: the sample casebook's timeline, for a screen reader to explore
 *
 * tests/test-a11y-timeline.py starts this program and reads the timeline
 * through the accessibility bus (AT-SPI) as Orca would. The harness only
 * shows the widget, tabs into it and says on stdout which
 * accessible name to look for; every key press comes from outside, through
 * the X server. When the timeline opens an incident, the harness says so on
 * stdout. It quits when its stdin closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>

#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-timeline-view.h"

static gboolean
is_ready (gpointer user_data)
{
  GawahTimelineView *view = user_data;

  /* Mapped is not enough: a widget is mapped before it has a size. */
  return gtk_widget_get_mapped (GTK_WIDGET (view)) && gtk_widget_get_width (GTK_WIDGET (view)) > 0 &&
         !gawah_timeline_view_is_loading (view);
}

static void
on_incident_activated_cb (GawahTimelineView *view,
                          gint64             incident_id,
                          gpointer           user_data)
{
  g_autoptr(GawahIncident) incident = gawah_casebook_get_incident (user_data, incident_id, NULL);

  g_print ("ACTIVATED\t%s\n", incident != NULL ? incident->title : "");
  fflush (stdout);
}

static gboolean
on_stdin_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  char buffer[64];

  if ((condition & G_IO_IN) != 0 && read (fd, buffer, sizeof buffer) > 0)
    return G_SOURCE_CONTINUE;
  *(gboolean *) user_data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  CasebookFixture fixture = { NULL };
  GtkWidget *window, *view;
  gboolean done = FALSE;

  test_ui_init (&argc, &argv);
  casebook_fixture_set_up (&fixture, NULL);
  casebook_fixture_import_sample (&fixture);

  view = gawah_timeline_view_new ();
  gawah_timeline_view_set_casebook (GAWAH_TIMELINE_VIEW (view), fixture.casebook);
  g_signal_connect (view, "incident-activated", G_CALLBACK (on_incident_activated_cb), fixture.casebook);
  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 500);
  gtk_window_present (GTK_WINDOW (window));
  if (!test_ui_wait_until (is_ready, view, 20000))
    g_error ("The timeline was not shown");
  gawah_timeline_view_fit_all (GAWAH_TIMELINE_VIEW (view));
  test_ui_iterate (100);
  /* As Tab would: the keyboard enters on the earliest mark. */
  if (!gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD))
    g_error ("Tab did not enter the timeline");
  test_ui_iterate (200);
  test_ui_screenshot (view, "a11y-timeline");

  g_print ("READY\t%s\n", _("Timeline of incidents"));
  fflush (stdout);
  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  casebook_fixture_tear_down (&fixture, NULL);
  return 0;
}
