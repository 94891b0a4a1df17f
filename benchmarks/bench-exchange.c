/* bench-exchange.c: importing an OpenEvSys export, exporting spreadsheets,
 * importing a spreadsheet, on a casebook of a few thousand incidents
 *
 * Targets: an ESF document of 2,000 events (4,000 persons, 2,000 acts and
 * involvements, 2,000 information records) imports in under 10 s; each
 * spreadsheet of those incidents exports in under 2 s; the incidents
 * spreadsheet imports back in under 10 s. Times are wall clock, on an
 * encrypted casebook in a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "gawah-csv-export.h"
#include "gawah-csv-import.h"
#include "gawah-esf.h"

#define N_EVENTS 2000

static const char * const act_types[] = { "030103000000", "030101000000", "010101040000", "020103020100", "100101000000" };

static GBytes *
make_esf_document (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<events xmlns=\"http://www.huridocs.org/\">\n");

  for (int i = 0; i < N_EVENTS; i++)
    g_string_append_printf (xml,
      "<event><event_record_number>E%d</event_record_number><event_title>Synthetic event %d, واقعہ</event_title>"
      "<confidentiality>y</confidentiality><initial_date>%d-%02d-00</initial_date>"
      "<initial_date_type>020000000000</initial_date_type><event_description>A description, with a comma.</event_description>"
      "<violation_status>040000000000</violation_status><rights_affected>030000000000</rights_affected>"
      "<act><act_record_number>A%d</act_record_number><victim>V%d</victim><type_of_act>%s</type_of_act>"
      "<involvement><involvement_record_number>I%d</involvement_record_number><perpetrator>P%d</perpetrator>"
      "<degree_of_involvement>010100000000</degree_of_involvement><type_of_perpetrator>010104000000</type_of_perpetrator>"
      "</involvement></act></event>\n",
      i, i, 1995 + i % 30, 1 + i % 12, i, i, act_types[i % G_N_ELEMENTS (act_types)], i, i);
  for (int i = 0; i < N_EVENTS; i++)
    g_string_append_printf (xml,
      "<person><person_record_number>V%d</person_record_number><person_name>Victim %d</person_name>"
      "<other_names>متاثرہ %d</other_names><sex>020000000000</sex></person>\n"
      "<person><person_record_number>P%d</person_record_number><counting_unit>030000000000</counting_unit>"
      "<person_name>Perpetrator unit %d</person_name></person>\n", i, i, i, i, i);
  for (int i = 0; i < N_EVENTS; i++)
    g_string_append_printf (xml,
      "<information><information_record_number>F%d</information_record_number><event>E%d</event>"
      "<source>V%d</source><type_of_source_material>220903200901</type_of_source_material>"
      "<reliability_of_information>010000000000</reliability_of_information></information>\n", i, i, i);
  g_string_append (xml, "</events>\n");
  return g_string_free_to_bytes (xml);
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static gboolean
check (gboolean     ok,
       GError      *error,
       const char  *what,
       double       seconds,
       double       target)
{
  if (!ok)
    {
      fprintf (stderr, "%s failed: %s\n", what, error != NULL ? error->message : "wrong number of records");
      return FALSE;
    }
  printf ("%-40s %7.2f s (target %.0f s)%s\n", what, seconds, target, seconds <= target ? "" : "  TOO SLOW");
  return seconds <= target;
}

static gboolean
export_all (GawahCasebook *casebook,
            const char    *dir,
            GBytes       **incidents_csv)
{
  gboolean all_ok = TRUE;

  for (GawahCsvTable table = GAWAH_CSV_TABLE_INCIDENTS; table <= GAWAH_CSV_TABLE_PROVISIONS; table++)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", gawah_csv_table_to_code (table));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      g_autofree char *what = g_strdup_printf ("CSV export of %s (Urdu labels)", gawah_csv_table_to_code (table));
      gint64 start = g_get_monotonic_time ();
      double seconds;
      gboolean ok = stream != NULL &&
                    gawah_casebook_export_csv (casebook, table, NULL, GAWAH_LANGUAGE_URDU, G_OUTPUT_STREAM (stream),
                                               NULL, NULL, NULL, &error) &&
                    g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);

      seconds = seconds_since (start);
      all_ok = check (ok, error, what, seconds, 2) && all_ok;
      if (ok && table == GAWAH_CSV_TABLE_INCIDENTS)
        *incidents_csv = g_file_load_bytes (file, NULL, NULL, NULL);
      g_unlink (path);
    }
  return all_ok;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("gawah-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.gawah", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = gawah_casebook_create (path, "benchmark passphrase", &error);
  g_autoptr(GawahEsfReport) report = gawah_esf_report_new ();
  g_autoptr(GBytes) document = make_esf_document ();
  g_autoptr(GBytes) incidents_csv = NULL;
  g_autoptr(GawahCsvPreview) preview = NULL;
  g_autoptr(GawahCsvMapping) mapping = NULL;
  gboolean ok, imported;
  gint64 start;
  guint n_imported = 0;

  if (casebook == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("ESF document: %d events, %.1f MB\n", N_EVENTS, g_bytes_get_size (document) / 1e6);
  /* Each call is made before its time is read: C does not order a call's arguments. */
  start = g_get_monotonic_time ();
  ok = gawah_casebook_import_esf (casebook, document, "bench.xml", report, NULL, NULL, NULL, &error);
  ok = check (ok, error, "ESF import", seconds_since (start), 10);
  ok = export_all (casebook, dir, &incidents_csv) && ok;

  preview = gawah_csv_preview_read (incidents_csv, "incidents.csv", 1, &error);
  mapping = gawah_csv_mapping_guess ((const char * const *) preview->header);
  start = g_get_monotonic_time ();
  imported = gawah_casebook_import_csv_incidents (casebook, incidents_csv, "incidents.csv", mapping, 10, &n_imported,
                                                  NULL, NULL, NULL, &error);
  ok = check (imported && n_imported == N_EVENTS, error, "CSV import of the incidents", seconds_since (start), 10) && ok;

  g_clear_object (&casebook);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  return ok ? 0 : 1;
}
