/* bench-app-scroll.c: the real window, its first frame and its memory
 *
 *   bench-app-scroll [--casebook PATH] [--pages N] [--stride K]
 *                    [--breakdown]    (under a display: xvfb-run)
 *
 * 1. The 100,000-incident casebook made by bench-scale (or --casebook)
 *    shown in the window, its incident list scrolled a page at a time from
 *    top to bottom, every page painted; then the resident memory of the
 *    process (VmRSS, and its peak VmHWM) from /proc/self/status.
 *    Target: under 200 MB.
 *    For quicker runs, --stride K moves K pages at a time (still painting
 *    each stop, and still to the end) and --pages N stops after N stops;
 *    --pages 0 measures the open window alone. --breakdown prints where the
 *    resident memory is, by mapping, from /proc/self/smaps.
 * 2. The sample casebook (data/samples) opened in a new window: the time
 *    from creating the window to its first painted frame (GdkFrameClock
 *    after-paint), median of five windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include "gawah-casebook-import.h"
#include "gawah-window.h"

#define PASSPHRASE     "benchmark passphrase"
#define MEMORY_TARGET  (200 * 1024)     /* kB */
#define N_WINDOWS      5
#define N_LARGEST      14

static int      max_stops = -1;    /* -1: to the end */
static int      stride = 1;        /* pages per stop */
static gboolean breakdown;

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget's window has painted one more frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = NULL;
  gboolean painted = FALSE;
  gulong handler;

  while ((clock = gtk_widget_get_frame_clock (widget)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* The one on screen: other pages of the window have lists too. */
static GtkWidget *
find_mapped_by_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Milliseconds from a new window to its first frame with @casebook shown. */
static double
open_window (GawahApplication  *app,
             GawahCasebook     *casebook,
             GtkWidget        **window_out)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *window = GTK_WIDGET (gawah_window_new (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gawah_window_show_casebook (GAWAH_WINDOW (window), casebook);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  if (window_out != NULL)
    *window_out = window;
  else
    gtk_window_destroy (GTK_WINDOW (window));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure_first_frame (GawahApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gawah-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.gawah", NULL);
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, PASSPHRASE, &error);
  double ms[N_WINDOWS];

  g_assert_no_error (error);
  gawah_casebook_import_file (casebook, GAWAH_SAMPLE_CASEBOOK, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_WINDOWS; i++)
    ms[i] = open_window (app, casebook, NULL);
  qsort (ms, N_WINDOWS, sizeof (double), compare_doubles);
  printf ("window start to first frame, sample casebook: median %.1f ms, worst %.1f ms\n",
          ms[N_WINDOWS / 2], ms[N_WINDOWS - 1]);
  g_clear_object (&casebook);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

/* Resident kB of each mapping in /proc/self/smaps, summed by what is
 * mapped: a file's path, or [heap], [stack], "anonymous". */
static GHashTable *
read_smaps_by_mapping (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *by_mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *current = "anonymous";
  g_autofree char *current_owned = NULL;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return by_mapping;
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *space = strchr (line, ' ');

      /* Field lines start "Name:"; a mapping's line starts "start-end". */
      if (space != NULL && space > line && space[-1] != ':')
        {
          /* "start-end perms offset dev inode   [path]" */
          g_auto(GStrv) fields = g_strsplit_set (line, " ", 6);
          const char *path = g_strv_length (fields) >= 6 ? g_strstrip (fields[5]) : "";

          g_free (current_owned);
          current_owned = g_strdup (*path != '\0' ? path : "anonymous");
          current = current_owned;
        }
      else if (g_str_has_prefix (line, "Rss:"))
        {
          gint64 kb = g_ascii_strtoll (line + 4, NULL, 10);
          gpointer old = g_hash_table_lookup (by_mapping, current);

          g_hash_table_replace (by_mapping, g_strdup (current), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + kb));
        }
    }
  return by_mapping;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b,
                 gpointer      by_mapping)
{
  gsize x = GPOINTER_TO_SIZE (g_hash_table_lookup (by_mapping, *(const char **) a));
  gsize y = GPOINTER_TO_SIZE (g_hash_table_lookup (by_mapping, *(const char **) b));

  return (x < y) - (x > y);
}

/* Anonymous against file-backed (summary of /proc/self/smaps_rollup),
 * then the largest mappings. */
static void
print_breakdown (const char *when)
{
  g_autofree char *rollup = NULL;
  g_autoptr(GHashTable) by_mapping = read_smaps_by_mapping ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;
  const char *fields[] = { "Rss:", "Anonymous:", "Pss_Anon:", "Pss_File:", "Shared_Clean:", "Private_Clean:" };

  printf ("  where the memory is, %s:\n   ", when);
  if (g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL))
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        const char *line = strstr (rollup, fields[i]);

        if (line != NULL)
          printf (" %s %.1f MB", fields[i], g_ascii_strtoll (line + strlen (fields[i]), NULL, 10) / 1024.0);
      }
  printf ("\n");
  {
    struct mallinfo2 info = mallinfo2 ();

    /* Memory malloc holds but no one uses: freed blocks it has not given back. */
    printf ("    malloc: %.1f MB in use, %.1f MB freed but kept; arenas %.1f MB, large blocks mapped apart %.1f MB\n",
            info.uordblks / 1048576.0, info.fordblks / 1048576.0, info.arena / 1048576.0, info.hblkhd / 1048576.0);
  }
  g_hash_table_iter_init (&iter, by_mapping);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, name);
  g_ptr_array_sort_with_data (names, compare_by_size, by_mapping);
  for (guint i = 0; i < names->len && i < N_LARGEST; i++)
    printf ("    %8.1f MB  %s\n",
            GPOINTER_TO_SIZE (g_hash_table_lookup (by_mapping, g_ptr_array_index (names, i))) / 1024.0,
            (const char *) g_ptr_array_index (names, i));
}

/* A page (or --stride pages) at a time, every stop painted, until the last
 * row is in view (the list view estimates its height as it goes, so "the
 * end" moves), or after --pages stops. */
static guint
scroll_to_end (GtkWidget *list_view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  guint pages = 0;

  while (gtk_adjustment_get_page_size (adjustment) <= 0)
    wait_for_frame (list_view);
  while ((max_stops < 0 || pages < (guint) max_stops) &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_value (adjustment) +
                                stride * gtk_adjustment_get_page_size (adjustment));
      wait_for_frame (list_view);
      pages++;
      if (!gtk_widget_get_mapped (list_view))
        g_error ("The incident list left the screen after %u pages", pages);
    }
  return pages;
}

static int
measure_scroll (GawahApplication *app,
                const char       *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GawahCasebook) casebook = gawah_casebook_open (path, PASSPHRASE, &error);
  GtkWidget *window = NULL;
  GtkWidget *list_view;
  double opened, shown;
  gint64 before, rss, hwm;
  guint pages;

  g_assert_no_error (error);
  opened = (g_get_monotonic_time () - start) / 1000.0;
  shown = open_window (app, casebook, &window);
  before = read_status_kb ("VmRSS:");
  if (breakdown)
    print_breakdown ("window open");
  list_view = find_mapped_by_type (window, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  start = g_get_monotonic_time ();
  pages = scroll_to_end (list_view);
  rss = read_status_kb ("VmRSS:");
  hwm = read_status_kb ("VmHWM:");
  printf ("casebook %s: unlocked in %.0f ms, window's first frame %.0f ms later\n", path, opened, shown);
  /* GSK_RENDERER chooses another; without a GPU, GL runs on Mesa's llvmpipe. */
  printf ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  if (max_stops < 0 && stride == 1)
    printf ("incident list scrolled end to end: %u pages in %.1f s\n", pages, (g_get_monotonic_time () - start) / 1e6);
  else
    printf ("incident list scrolled %u stops of %d page(s) in %.1f s (not the full run)\n", pages, stride,
            (g_get_monotonic_time () - start) / 1e6);
  if (breakdown)
    print_breakdown ("after scrolling");
  printf ("resident memory: %.1f MB before scrolling, %.1f MB after, peak %.1f MB (target < %d MB) %s\n",
          before / 1024.0, rss / 1024.0, hwm / 1024.0, MEMORY_TARGET / 1024, hwm < MEMORY_TARGET ? "met" : "MISS");
  gtk_window_destroy (GTK_WINDOW (window));
  return hwm < MEMORY_TARGET ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "casebook", 'c', 0, G_OPTION_ARG_FILENAME, &path, "The casebook to scroll (default: bench-scale's)", "PATH" },
    { "pages", 'p', 0, G_OPTION_ARG_INT, &max_stops, "Stop after N stops (0: the open window only)", "N" },
    { "stride", 's', 0, G_OPTION_ARG_INT, &stride, "Pages to move at each stop (default 1)", "K" },
    { "breakdown", 'b', 0, G_OPTION_ARG_NONE, &breakdown, "Print resident memory by mapping", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;

  setlocale (LC_ALL, "");
  setvbuf (stdout, NULL, _IOLBF, 0);   /* each figure as soon as it is known */
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (stride < 1)
    {
      fprintf (stderr, "--stride must be at least 1\n");
      return 2;
    }
  if (path == NULL)
    path = g_strdup ("/var/tmp/gawah-scale-100000.gawah");
  gtk_init ();
  adw_init ();

  /* A backup of the big casebook on opening would be measured too, and
   * locking after minutes without input would close the list mid-scroll. */
  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "auto-lock-minutes", 0);
  g_settings_set_uint (settings, "backup-interval-hours", 0);
  g_settings_set_boolean (settings, "backup-on-close", FALSE);

  app = gawah_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* Memory first, so that the peak is the big casebook's alone. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      printf ("%s does not exist: run bench-scale (or gawah-generate) first\n", path);
      return 1;
    }
  if (breakdown)
    print_breakdown ("GTK started, no window yet");
  status = measure_scroll (app, path);
  measure_first_frame (app);
  return status;
}
