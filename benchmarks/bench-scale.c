/* bench-scale.c: the casebook at 100,000 incidents (issue 7)
 *
 *   bench-scale [--casebook PATH] [--incidents N] [--runs R]
 *
 * Without --casebook, a synthetic casebook of N incidents (100,000 by
 * default) is made by the store API under /var/tmp the first time and
 * reused after. Every figure is a median (and worst) over repeated runs,
 * against the targets of the issue; the exit status says whether all of
 * them were met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gawah-casebook-private.h"
#include "gawah-synthetic.h"

#define PASSPHRASE    "benchmark passphrase"
#define FIRST_PAGE    30       /* rows the list shows before any scrolling */
#define BULK_INCIDENTS 2000

static int runs = 20;
static gboolean all_met = TRUE;

typedef void (*Work) (gpointer user_data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* This thread's processor time in ms: what a run costs on a machine shared
 * with other work, where the clock also counts the others' turns. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Median and worst of @n runs, in milliseconds; @cpu_median and
 * @cpu_worst (may be NULL) are the same in processor time. */
static void
time_runs_cpu (Work      work,
               gpointer  user_data,
               int       n,
               double   *median,
               double   *worst,
               double   *cpu_median,
               double   *cpu_worst)
{
  g_autofree double *ms = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);

  for (int i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      work (user_data);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = cpu_ms () - cpu_start;
    }
  qsort (ms, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  *median = ms[n / 2];
  *worst = ms[n - 1];
  if (cpu_median != NULL)
    *cpu_median = cpu[n / 2];
  if (cpu_worst != NULL)
    *cpu_worst = cpu[n - 1];
}

static void
time_runs (Work      work,
           gpointer  user_data,
           int       n,
           double   *median,
           double   *worst)
{
  time_runs_cpu (work, user_data, n, median, worst, NULL, NULL);
}

/* printf pads bytes, not characters: Urdu needs padding by hand. */
static char *
pad (const char *text,
     glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  return g_strdup_printf ("%s%*s", text, (int) MAX (0, width - length), "");
}

static void
report (const char *what,
        const char *detail,
        double      median,
        double      worst,
        double      median_target,
        double      worst_target)
{
  gboolean measured_only = median_target <= 0;   /* a figure to report, with no target */
  gboolean met = median < median_target && (worst_target <= 0 || worst < worst_target);
  g_autofree char *target = measured_only ? g_strdup ("")
    : worst_target > 0 ? g_strdup_printf ("< %g / < %g", median_target, worst_target)
    : g_strdup_printf ("< %g", median_target);

  g_autofree char *what_padded = pad (what, 36);
  g_autofree char *detail_padded = pad (detail, 12);

  all_met &= met || measured_only;
  printf ("| %s | %s | %9.2f | %9.2f | %-13s | %-4s |\n",
          what_padded, detail_padded, median, worst, target, measured_only ? "" : met ? "met" : "MISS");
}

/* Unlock (key derivation included), the list's query, its first page,
 * as the list runs them: the rest of the ids come from idle steps. */
static void
open_first_page (gpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_open (path, PASSPHRASE, &error);
  g_auto(GawahIncidentFilter) filter = { 0 };
  g_autoptr(GawahIncidentPager) pager = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  pager = gawah_incident_pager_new (casebook, &filter);
  gawah_incident_pager_next (pager, GAWAH_INCIDENT_FIRST_PAGE, 0, ids, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < MIN (ids->len, FIRST_PAGE); i++)
    {
      g_autoptr(GawahIncidentSummary) summary =
        gawah_casebook_get_summary (casebook, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
    }
}

typedef struct {
  GawahCasebook       *casebook;
  GawahIncidentFilter *filter;
  guint                found;
  GArray              *longest_steps;       /* double ms, one a run */
  GArray              *longest_steps_cpu;   /* the same in processor time */
} Query;

/* Every matching id at once, as exports do. */
static void
run_query (gpointer user_data)
{
  Query *query = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gawah_casebook_query_incidents (query->casebook, query->filter, &error);

  g_assert_no_error (error);
  query->found = ids->len;
}

/* What the user waits for: the list's first page of ids. */
static void
run_first_page (gpointer user_data)
{
  Query *query = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncidentPager) pager = gawah_incident_pager_new (query->casebook, query->filter);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gawah_incident_pager_next (pager, GAWAH_INCIDENT_FIRST_PAGE, 0, ids, &error);
  g_assert_no_error (error);
}

/* As the list does it: the first page, then the rest in steps of
 * GAWAH_INCIDENT_STEP_USEC, each of which would be one idle callback;
 * the longest step is what could hold up a frame. */
static void
run_paged (gpointer user_data)
{
  Query *query = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncidentPager) pager = gawah_incident_pager_new (query->casebook, query->filter);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean first = TRUE;
  double longest = 0, longest_cpu = 0;

  while (!gawah_incident_pager_is_done (pager))
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      gawah_incident_pager_next (pager, first ? GAWAH_INCIDENT_FIRST_PAGE : G_MAXUINT,
                                 first ? 0 : start + GAWAH_INCIDENT_STEP_USEC, ids, &error);
      g_assert_no_error (error);
      if (!first)
        {
          longest = MAX (longest, (g_get_monotonic_time () - start) / 1000.0);
          longest_cpu = MAX (longest_cpu, cpu_ms () - cpu_start);
        }
      first = FALSE;
    }
  g_array_append_val (query->longest_steps, longest);
  g_array_append_val (query->longest_steps_cpu, longest_cpu);
  query->found = ids->len;
}

static void
bench_search (GawahCasebook *casebook,
              const char    *term,
              const char    *kind)
{
  g_auto(GawahIncidentFilter) filter = { .text = g_strdup (term) };
  g_autoptr(GArray) longest_steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest_steps_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Query query = { casebook, &filter, 0, longest_steps, longest_steps_cpu };
  g_autofree char *what = g_strdup_printf ("search %s “%s”", kind, term);
  g_autofree char *cpu = g_strdup_printf ("  first page, processor time");
  g_autofree char *all = g_strdup_printf ("  all ids, first page + idle steps");
  g_autofree char *all_cpu = g_strdup_printf ("  all ids, processor time");
  g_autofree char *step = g_strdup_printf ("  longest idle step");
  g_autofree char *step_cpu = g_strdup_printf ("  longest idle step, processor time");
  g_autofree char *found = NULL;
  double median, worst, cpu_median, cpu_worst, median_all, worst_all, cpu_median_all, cpu_worst_all;

  time_runs_cpu (run_first_page, &query, runs, &median, &worst, &cpu_median, &cpu_worst);
  time_runs_cpu (run_paged, &query, runs, &median_all, &worst_all, &cpu_median_all, &cpu_worst_all);
  found = g_strdup_printf ("%u found", query.found);
  report (what, "first page", median, worst, 5, 50);
  report (cpu, "", cpu_median, cpu_worst, 0, 0);
  report (all, found, median_all, worst_all, 0, 0);
  report (all_cpu, "", cpu_median_all, cpu_worst_all, 0, 0);
  g_array_sort (longest_steps, compare_doubles);
  report (step, "of each run", g_array_index (longest_steps, double, longest_steps->len / 2),
          g_array_index (longest_steps, double, longest_steps->len - 1), 16, 0);
  g_array_sort (longest_steps_cpu, compare_doubles);
  report (step_cpu, "of each run", g_array_index (longest_steps_cpu, double, longest_steps_cpu->len / 2),
          g_array_index (longest_steps_cpu, double, longest_steps_cpu->len - 1), 0, 0);
}

static void
bench_filter (GawahCasebook *casebook)
{
  g_auto(GawahIncidentFilter) filter = {
    .province = g_strdup ("pk-ba"),
    .act_type = g_strdup ("enforced-disappearance"),
    .from = { 2015, 0, 0, GAWAH_PRECISION_YEAR },
    .to = { 2020, 0, 0, GAWAH_PRECISION_YEAR },
  };
  Query query = { casebook, &filter, 0 };
  g_autofree char *found = NULL;
  double median, worst;

  time_runs (run_query, &query, runs, &median, &worst);
  found = g_strdup_printf ("%u found", query.found);
  report ("filter province+act+2015–2020", found, median, worst, 20, 0);
}

typedef struct {
  GawahCasebook *casebook;
  GRand         *rand;
  gint64         n_incidents;
} Suggest;

static void
suggest_one (gpointer user_data)
{
  Suggest *suggest = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = g_rand_int_range (suggest->rand, 1, suggest->n_incidents + 1);

  gawah_casebook_refresh_suggestions (suggest->casebook, id, &error);
  g_assert_no_error (error);
}

static void
bench_suggest (GawahCasebook *casebook)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GError) error = NULL;
  Suggest suggest = { casebook, rand, gawah_casebook_count_incidents (casebook, &error) };
  double median, worst;

  g_assert_no_error (error);
  time_runs (suggest_one, &suggest, runs * 10, &median, &worst);
  report ("suggest provisions, one incident", "refresh", median, worst, 1, 0);
}

/* Bulk insert: the same incidents and chronology entries, through the
 * store API and through plain prepared INSERTs, each in one transaction,
 * both firing the search and audit triggers (and once more without the
 * audit triggers, to show what the trail costs). */
typedef struct {
  GPtrArray *incidents;   /* GawahIncident */
  GPtrArray *entries;     /* GawahChronologyEntry, incident_id = index into incidents */
  gboolean   plain;
} Bulk;

static gboolean
insert_plain_incident (GawahDb        *db,
                       GawahIncident  *incident,
                       GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "INSERT INTO incident (uuid, title, summary, start_date, start_precision, ongoing, province, district,"
    " place, verification, confidentiality, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    error);
  g_autofree char *date = gawah_partial_date_to_iso (&incident->start);

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, incident->uuid);
  gawah_stmt_bind_text (stmt, 2, incident->title);
  gawah_stmt_bind_text (stmt, 3, incident->summary);
  gawah_stmt_bind_text_or_null (stmt, 4, date);
  gawah_stmt_bind_text (stmt, 5, gawah_precision_to_code (incident->start.precision));
  gawah_stmt_bind_int64 (stmt, 6, incident->ongoing);
  gawah_stmt_bind_text_or_null (stmt, 7, incident->province);
  gawah_stmt_bind_text_or_null (stmt, 8, incident->district);
  gawah_stmt_bind_text (stmt, 9, incident->place);
  gawah_stmt_bind_text (stmt, 10, incident->verification);
  gawah_stmt_bind_text (stmt, 11, incident->confidentiality);
  gawah_stmt_bind_text (stmt, 12, incident->status);
  if (!gawah_db_step_done (db, stmt, error))
    return FALSE;
  incident->id = gawah_db_last_insert_id (db);
  return TRUE;
}

static gboolean
insert_plain_entry (GawahDb               *db,
                    GawahChronologyEntry  *entry,
                    gint64                 incident_id,
                    GError               **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "INSERT INTO chronology (uuid, incident_id, date, precision, step, description)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree char *date = gawah_partial_date_to_iso (&entry->date);

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, entry->uuid);
  gawah_stmt_bind_int64 (stmt, 2, incident_id);
  gawah_stmt_bind_text_or_null (stmt, 3, date);
  gawah_stmt_bind_text (stmt, 4, gawah_precision_to_code (entry->date.precision));
  gawah_stmt_bind_text (stmt, 5, entry->step);
  gawah_stmt_bind_text (stmt, 6, entry->description);
  return gawah_db_step_done (db, stmt, error);
}

static gboolean
insert_bulk (GawahCasebook  *casebook,
             gpointer        user_data,
             GError        **error)
{
  Bulk *bulk = user_data;
  GawahDb *db = gawah_casebook_get_db (casebook);

  for (guint i = 0; i < bulk->incidents->len; i++)
    {
      GawahIncident *incident = g_ptr_array_index (bulk->incidents, i);

      incident->id = 0;
      if (!(bulk->plain ? insert_plain_incident (db, incident, error)
                        : gawah_casebook_save_incident (casebook, incident, error)))
        return FALSE;
    }
  for (guint i = 0; i < bulk->entries->len; i++)
    {
      GawahChronologyEntry *entry = g_ptr_array_index (bulk->entries, i);
      GawahIncident *incident = g_ptr_array_index (bulk->incidents, entry->incident_id);
      g_autoptr(GawahChronologyEntry) copy = gawah_chronology_entry_new ();

      if (bulk->plain)
        {
          if (!insert_plain_entry (db, entry, incident->id, error))
            return FALSE;
          continue;
        }
      *copy = (GawahChronologyEntry) { 0, g_strdup (entry->uuid), incident->id, entry->date,
                                       g_strdup (entry->step), g_strdup (entry->description), NULL, NULL };
      if (!gawah_casebook_save_chronology_entry (casebook, copy, error))
        return FALSE;
    }
  return TRUE;
}

static double
rows_per_second (const char *dir,
                 Bulk       *bulk,
                 gboolean    plain,
                 gboolean    with_trail)
{
  g_autofree char *path = g_strdup_printf ("%s/bulk-%d-%d.gawah", dir, plain, with_trail);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, PASSPHRASE, &error);
  guint rows = bulk->incidents->len + bulk->entries->len;
  gint64 start;

  g_assert_no_error (error);
  if (!with_trail)
    gawah_db_exec (gawah_casebook_get_db (casebook),
                   "DROP TRIGGER audit_incident_insert; DROP TRIGGER audit_chronology_insert", &error);
  g_assert_no_error (error);
  bulk->plain = plain;
  start = g_get_monotonic_time ();
  gawah_casebook_run_in_transaction (casebook, insert_bulk, bulk, &error);
  g_assert_no_error (error);
  return rows / ((g_get_monotonic_time () - start) / 1e6);
}

static void
remove_directory (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
bench_bulk_insert (void)
{
  g_autoptr(GawahSynthetic) synthetic = gawah_synthetic_new (11);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gawah-bench-XXXXXX", &error);
  Bulk bulk = {
    g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_incident_free),
    g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_chronology_entry_free),
  };
  double plain, api, plain_untracked, api_untracked;

  g_assert_no_error (error);
  for (guint i = 0; i < BULK_INCIDENTS; i++)
    {
      g_ptr_array_add (bulk.incidents, gawah_synthetic_make_incident (synthetic));
      for (guint j = 0; j < GAWAH_SYNTHETIC_CHRONOLOGY_PER_INCIDENT; j++)
        g_ptr_array_add (bulk.entries, gawah_synthetic_make_chronology (synthetic, i));
    }
  plain = rows_per_second (dir, &bulk, TRUE, TRUE);
  api = rows_per_second (dir, &bulk, FALSE, TRUE);
  plain_untracked = rows_per_second (dir, &bulk, TRUE, FALSE);
  api_untracked = rows_per_second (dir, &bulk, FALSE, FALSE);
  remove_directory (dir);

  printf ("\nBulk insert, %u incidents and %u chronology entries in one transaction (rows/s):\n",
          bulk.incidents->len, bulk.entries->len);
  printf ("  with the audit trail:    store API %.0f, plain statements %.0f: ratio %.2f (target ≥ 0.5) %s\n",
          api, plain, api / plain, api / plain >= 0.5 ? "met" : "MISS");
  printf ("  without the audit trail: store API %.0f, plain statements %.0f: ratio %.2f\n",
          api_untracked, plain_untracked, api_untracked / plain_untracked);
  all_met &= api / plain >= 0.5;
  g_ptr_array_unref (bulk.incidents);
  g_ptr_array_unref (bulk.entries);
}

static void
print_progress (guint     done,
                guint     total,
                gpointer  user_data)
{
  fprintf (stderr, "generating: %u / %u incidents\n", done, total);
}

/* The synthetic casebook of @n incidents, made once and kept under
 * /var/tmp (it is big, and should outlive a reboot's /tmp). */
static char *
ensure_casebook (int n)
{
  char *path = g_strdup_printf ("/var/tmp/gawah-scale-%d.gawah", n);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahSynthetic) synthetic = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_unlink (partial);
  casebook = gawah_casebook_create (partial, PASSPHRASE, &error);
  g_assert_no_error (error);
  synthetic = gawah_synthetic_new (7);
  gawah_synthetic_fill (synthetic, casebook, n, 10000, print_progress, NULL, &error);
  g_assert_no_error (error);
  gawah_db_exec (gawah_casebook_get_db (casebook), "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_assert_no_error (error);
  g_clear_object (&casebook);
  g_rename (partial, path);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  int incidents = 100000;
  g_autofree char *path = NULL;
  const GOptionEntry entries[] = {
    { "casebook", 'c', 0, G_OPTION_ARG_FILENAME, &path, "A casebook made by gawah-generate (default passphrase)", "PATH" },
    { "incidents", 'n', 0, G_OPTION_ARG_INT, &incidents, "Size of the synthetic casebook to make", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs of each measure", "R" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  double median, worst;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || incidents < 1)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "bad --runs or --incidents");
      return 2;
    }
  if (path == NULL)
    path = ensure_casebook (incidents);

  printf ("Casebook: %s\n\n", path);
  printf ("| %-36s | %-12s | %9s | %9s | %-13s | %-4s |\n", "measure", "", "median ms", "worst ms", "target ms", "");
  printf ("|--------------------------------------|--------------|-----------|-----------|---------------|------|\n");
  time_runs (open_first_page, path, MAX (3, runs / 4), &median, &worst);
  report ("unlock, open, first page of list", "incl. KDF", median, worst, 500, 0);

  casebook = gawah_casebook_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  for (guint i = 0; gawah_synthetic_common_terms[i] != NULL; i++)
    bench_search (casebook, gawah_synthetic_common_terms[i], "common");
  for (guint i = 0; gawah_synthetic_rare_terms[i] != NULL; i++)
    bench_search (casebook, gawah_synthetic_rare_terms[i], "rare");
  bench_search (casebook, "Khan", "name");
  bench_search (casebook, "بلوچ", "name");
  bench_search (casebook, "habeas petition", "two words");
  bench_filter (casebook);
  bench_suggest (casebook);
  g_clear_object (&casebook);

  bench_bulk_insert ();
  printf ("\n%s\n", all_met ? "All targets met." : "Some targets missed.");
  return all_met ? 0 : 1;
}
