/* bench-xml-exchange.c: Gawah XML export and import of a large casebook
 *
 * Builds a casebook of N incidents (100,000 unless GAWAH_BENCH_INCIDENTS or
 * the first argument says otherwise), each with a victim, an act with a
 * perpetrator and a law, and a chronology entry; exports it; imports the
 * document into an empty casebook; and runs
 * `xmllint --stream --relaxng SCHEMA FILE` over the same document.
 *
 * Target: the import, which also writes every record through the audit
 * trail, within 3 times xmllint's streaming validation. Memory stays flat:
 * the peak RSS printed must not grow with N the way the document does.
 * The processor time of both is printed too: on a shared machine it is
 * less disturbed by the others' load than the wall clock the target uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "gawah-casebook-private.h"
#include "gawah-exchange.h"

#define PASSPHRASE "benchmark passphrase"

static const char * const act_types[] = { "threat", "arbitrary-arrest", "judicial-harassment", "surveillance" };
static const char * const provinces[] = { "pk-pb", "pk-sd", "pk-kp", "pk-ba", "pk-is" };

static void
check (int         status,
       sqlite3    *db,
       const char *what)
{
  if (status != SQLITE_OK && status != SQLITE_DONE)
    g_error ("%s: %s", what, sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), db, sql);
  return stmt;
}

static gint64
insert (sqlite3      *db,
        sqlite3_stmt *stmt)
{
  check (sqlite3_step (stmt), db, sqlite3_sql (stmt));
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
bind_uuid (sqlite3_stmt *stmt,
           int           index)
{
  sqlite3_bind_text (stmt, index, g_uuid_string_random (), -1, g_free);
}

/* Plain SQL in one transaction: building is not what is measured. The
 * audit triggers still run, as they do for every write. */
static void
build_casebook (GawahCasebook *casebook,
                guint          n)
{
  sqlite3 *db = gawah_db_get_handle (gawah_casebook_get_db (casebook));
  sqlite3_stmt *person = prepare (db, "INSERT INTO person (uuid, kind, name_latin, name_urdu, sex) VALUES (?1, 'individual', ?2, 'نام ' || ?3, 'female')");
  sqlite3_stmt *police = prepare (db, "INSERT INTO person (uuid, kind, name_latin, perpetrator_type) VALUES (?1, 'institution', 'Police station ' || ?2, 'police')");
  sqlite3_stmt *incident = prepare (db,
    "INSERT INTO incident (uuid, title, summary, start_date, start_precision, province, place, verification, confidentiality, status)"
    " VALUES (?1, 'Incident ' || ?2, 'صحافی کو دھمکیاں دی گئیں اور اس کا فون ضبط کر لیا گیا۔', '2020-03-14', 'day', ?3, 'Near the press club',"
    " 'confirmed', 'public', 'open')");
  sqlite3_stmt *act = prepare (db,
    "INSERT INTO act (uuid, incident_id, victim_id, act_type, start_date, start_precision) VALUES (?1, ?2, ?3, ?4, '2020-03-14', 'day')");
  sqlite3_stmt *involvement = prepare (db, "INSERT INTO involvement (act_id, perpetrator_id, degree) VALUES (?1, ?2, 'did-it')");
  sqlite3_stmt *law = prepare (db, "INSERT INTO act_law (act_id, law) VALUES (?1, 'ppc-124a')");
  sqlite3_stmt *chronology = prepare (db,
    "INSERT INTO chronology (uuid, incident_id, date, precision, step, description) VALUES (?1, ?2, '2020-03-14', 'day', 'threat', 'Threatened outside the press club')");
  gint64 police_id = 0;

  check (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), db, "BEGIN");
  for (guint i = 0; i < n; i++)
    {
      gint64 victim_id, incident_id, act_id;

      if (i % 100 == 0)
        {
          bind_uuid (police, 1);
          sqlite3_bind_int (police, 2, (int) i / 100);
          police_id = insert (db, police);
        }
      bind_uuid (person, 1);
      sqlite3_bind_text (person, 2, g_strdup_printf ("Defender %u", i), -1, g_free);
      sqlite3_bind_int (person, 3, (int) i);
      victim_id = insert (db, person);

      bind_uuid (incident, 1);
      sqlite3_bind_int (incident, 2, (int) i);
      sqlite3_bind_text (incident, 3, provinces[i % G_N_ELEMENTS (provinces)], -1, SQLITE_STATIC);
      incident_id = insert (db, incident);

      bind_uuid (act, 1);
      sqlite3_bind_int64 (act, 2, incident_id);
      sqlite3_bind_int64 (act, 3, victim_id);
      sqlite3_bind_text (act, 4, act_types[i % G_N_ELEMENTS (act_types)], -1, SQLITE_STATIC);
      act_id = insert (db, act);

      sqlite3_bind_int64 (involvement, 1, act_id);
      sqlite3_bind_int64 (involvement, 2, police_id);
      insert (db, involvement);
      sqlite3_bind_int64 (law, 1, act_id);
      insert (db, law);
      bind_uuid (chronology, 1);
      sqlite3_bind_int64 (chronology, 2, incident_id);
      insert (db, chronology);
    }
  /* The provisions each incident engages, as saving an act suggests them. */
  for (gint64 id = 1; id <= (gint64) n; id++)
    if (!gawah_casebook_refresh_suggestions_in_tx (casebook, id, NULL))
      g_error ("suggestions for incident %" G_GINT64_FORMAT, id);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), db, "COMMIT");
  sqlite3_finalize (person);
  sqlite3_finalize (police);
  sqlite3_finalize (incident);
  sqlite3_finalize (act);
  sqlite3_finalize (involvement);
  sqlite3_finalize (law);
  sqlite3_finalize (chronology);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Processor time (user and system) used so far by @who, in seconds: on a
 * shared machine it moves less than the wall clock with the others' load. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static long
peak_rss_kib (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss;
}

static GawahCasebook *
create (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GawahCasebook *casebook = gawah_casebook_create (path, PASSPHRASE, &error);

  g_assert_no_error (error);
  return casebook;
}

static double
run_xmllint (const char *schema,
             const char *document)
{
  const char *argv[] = { "xmllint", "--stream", "--noout", "--relaxng", schema, document, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    g_error ("xmllint: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL) || strstr (err, "validates") == NULL)
    g_error ("xmllint does not validate the export: %s", err);
  return seconds_since (start);
}

static void
remove_dir (const char *dir)
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

int
main (int   argc,
      char *argv[])
{
  const char *from_env = g_getenv ("GAWAH_BENCH_INCIDENTS");
  guint n = (guint) g_ascii_strtoull (argc > 2 ? argv[2] : from_env != NULL ? from_env : "100000", NULL, 10);
  const char *schema = argc > 1 ? argv[1] : "data/schemas/casebook.rng";
  g_autofree char *dir = g_dir_make_tmp ("gawah-bench-xml-XXXXXX", NULL);
  g_autofree char *document = g_build_filename (dir, "exchange.xml", NULL);
  g_autoptr(GawahCasebook) source = create (dir, "source.gawah");
  g_autoptr(GawahCasebook) target = create (dir, "target.gawah");
  g_autoptr(GawahExchangeReport) report = gawah_exchange_report_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf stat_buf = { 0 };
  double export_s, import_s, xmllint_s, import_cpu_s, xmllint_cpu_s;
  long rss_after_build, rss_after_export;
  gint64 start;

  start = g_get_monotonic_time ();
  build_casebook (source, n);
  rss_after_build = peak_rss_kib (RUSAGE_SELF);
  printf ("built %u incidents in %.1f s\n", n, seconds_since (start));

  start = g_get_monotonic_time ();
  if (!gawah_casebook_export_xml_file (source, NULL, GAWAH_EXPORT_DEFAULT, document, NULL, NULL, NULL, &error))
    g_error ("export: %s", error->message);
  export_s = seconds_since (start);
  rss_after_export = peak_rss_kib (RUSAGE_SELF);
  g_stat (document, &stat_buf);
  g_clear_object (&source);

  start = g_get_monotonic_time ();
  import_cpu_s = cpu_seconds (RUSAGE_SELF);
  if (!gawah_casebook_import_xml_file (target, document, report, NULL, NULL, NULL, &error))
    g_error ("import: %s", error->message);
  import_s = seconds_since (start);
  import_cpu_s = cpu_seconds (RUSAGE_SELF) - import_cpu_s;
  if (report->incidents_added != n)
    g_error ("import added %u incidents of %u", report->incidents_added, n);

  xmllint_cpu_s = cpu_seconds (RUSAGE_CHILDREN);
  xmllint_s = run_xmllint (schema, document);
  xmllint_cpu_s = cpu_seconds (RUSAGE_CHILDREN) - xmllint_cpu_s;

  printf ("document: %.1f MB, %u records\n", stat_buf.st_size / 1e6, report->added);
  printf ("export: %.2f s (%.0f incidents/s)\n", export_s, n / export_s);
  printf ("import: %.2f s (%.0f incidents/s)\n", import_s, n / import_s);
  printf ("xmllint --stream --relaxng: %.2f s\n", xmllint_s);
  printf ("import / xmllint: %.2f (target: at most 3)\n", import_s / xmllint_s);
  printf ("processor time: import %.2f s, xmllint %.2f s, import / xmllint %.2f\n",
          import_cpu_s, xmllint_cpu_s, import_cpu_s / xmllint_cpu_s);
  printf ("peak RSS: %.1f MB after building, %.1f MB after export, %.1f MB after import; xmllint %.1f MB\n",
          rss_after_build / 1024.0, rss_after_export / 1024.0, peak_rss_kib (RUSAGE_SELF) / 1024.0,
          peak_rss_kib (RUSAGE_CHILDREN) / 1024.0);

  g_clear_object (&target);
  remove_dir (dir);
  return import_s / xmllint_s <= 3.0 ? 0 : 1;
}
