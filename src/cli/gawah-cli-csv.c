/* gawah-cli-csv.c: export-csv and import-csv, spreadsheets in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gawah-cli.h"
#include "gawah-csv-export.h"
#include "gawah-csv-import.h"
#include "gawah-error.h"

#define PREVIEW_ROWS 5

typedef struct {
  char             *what;
  char             *language;
  char             *output;
  CliFilterOptions  filter;
} ExportOptions;

static void
export_options_clear (ExportOptions *export)
{
  g_free (export->what);
  g_free (export->language);
  g_free (export->output);
  cli_filter_options_clear (&export->filter);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* Written to a temporary file that replaces FILE only when complete. */
static gboolean
export_to_file (GawahCasebook              *casebook,
                GawahCsvTable               table,
                const GawahIncidentFilter  *filter,
                GawahLanguage               language,
                const char                 *path,
                GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  g_autoptr(GCancellable) abandon = g_cancellable_new ();

  if (stream == NULL)
    return FALSE;
  if (!gawah_casebook_export_csv (casebook, table, filter, language, G_OUTPUT_STREAM (stream), NULL, NULL, NULL, error))
    {
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

int
cli_export_csv (CliOptions *options,
                int         argc,
                char      **argv)
{
  g_auto(ExportOptions) export = { NULL };
  const GOptionEntry entries[] = {
    { "what", 0, 0, G_OPTION_ARG_STRING, &export.what,
      N_("What to export: incidents, acts, people or provisions"), N_("TABLE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &export.language, N_("Language of the labels: en or ur"), N_("LANGUAGE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &export.output, N_("Write the spreadsheet to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK"),
    _("Export incidents, acts, people or the provisions incidents engage as a spreadsheet (CSV, UTF-8), "
      "with codes and their labels. The filters select incidents as the app's list does."), options);
  g_auto(GawahIncidentFilter) filter = { NULL };
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GError) error = NULL;
  GawahLanguage language = GAWAH_LANGUAGE_ENGLISH;
  GawahCsvTable table;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  cli_add_filter_entries (context, &export.filter);
  if (!cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (export.what == NULL || !gawah_csv_table_from_code (export.what, &table))
    return cli_usage_error (context, _("--what must be incidents, acts, people or provisions"));
  if (export.language != NULL && !gawah_language_from_code (export.language, &language))
    return cli_usage_error (context, _("--language must be en or ur"));
  if (export.output == NULL)
    return cli_usage_error (context, _("--output is required"));
  if (!cli_filter_options_build (&export.filter, &filter, &error))
    return cli_report_error (error);
  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if (!export_to_file (casebook, table, &filter, language, export.output, &error))
    return cli_report_error (error);
  return EXIT_OK;
}

static GawahCsvMapping *
mapping_from_options (char              **pairs,
                      const char * const *header,
                      GError            **error)
{
  g_autoptr(GawahCsvMapping) mapping = NULL;

  if (pairs == NULL)
    return gawah_csv_mapping_guess (header);
  mapping = gawah_csv_mapping_new ();
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strrchr (pairs[i], '=');
      g_autofree char *column = NULL;

      if (equals == NULL)
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                       _("--map “%s”: write COLUMN=FIELD"), pairs[i]);
          return NULL;
        }
      column = g_strndup (pairs[i], equals - pairs[i]);
      if (!gawah_csv_mapping_set (mapping, column, equals + 1, error))
        return NULL;
    }
  return g_steal_pointer (&mapping);
}

/* The header with where each column goes, then the first rows. */
static void
print_preview (const GawahCsvPreview *preview,
               GawahCsvMapping       *mapping)
{
  g_print ("%s\n", _("Columns:"));
  for (guint i = 0; preview->header[i] != NULL; i++)
    {
      const char *key = gawah_csv_mapping_get (mapping, preview->header[i]);
      const GawahCsvField *field = key != NULL ? gawah_csv_incident_field_find (key) : NULL;

      g_print ("  %u\t%s\t→ %s\n", i + 1, preview->header[i], field != NULL ? _(field->label) : _("(not imported)"));
    }
  g_print ("%s\n", _("First rows:"));
  for (guint i = 0; i < preview->rows->len; i++)
    {
      g_autofree char *joined = g_strjoinv ("\t", g_ptr_array_index (preview->rows, i));
      g_auto(GStrv) lines = g_strsplit_set (joined, "\r\n", -1);
      g_autofree char *one_line = g_strjoinv (" ", lines);

      /* A cell's line breaks would read as new rows. */
      g_print ("  %u\t%s\n", i + 2, one_line);
    }
}

int
cli_import_csv (CliOptions *options,
                int         argc,
                char      **argv)
{
  g_auto(GStrv) pairs = NULL;
  gboolean preview_only = FALSE;
  int max_errors = 20;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &pairs,
      N_("Import the column COLUMN into the incident field FIELD (repeat for each column)"), N_("COLUMN=FIELD") },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview_only, N_("Show the columns and the first rows; import nothing"), NULL },
    { "max-errors", 0, 0, G_OPTION_ARG_INT, &max_errors, N_("List at most N bad rows"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_option_context (_("CASEBOOK FILE"),
    _("Add incidents from a spreadsheet (CSV, UTF-8). Fields: title, summary, start_date, end_date, ongoing, "
      "province, district, place, verification, confidentiality, status, act_type, victim, victim_category; "
      "coded fields take a code or a label, in English or Urdu. Without --map, columns named like a field go "
      "to it. If any row is bad, nothing is imported and the bad rows are listed."), options);
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahCsvPreview) preview = NULL;
  g_autoptr(GawahCsvMapping) mapping = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_imported = 0;
  int status = EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (max_errors < 1)
    return cli_usage_error (context, _("--max-errors must be at least 1"));

  file = g_file_new_for_commandline_arg (argv[2]);
  name = g_path_get_basename (argv[2]);
  if ((data = g_file_load_bytes (file, NULL, NULL, &error)) == NULL ||
      (preview = gawah_csv_preview_read (data, name, PREVIEW_ROWS, &error)) == NULL ||
      (mapping = mapping_from_options (pairs, (const char * const *) preview->header, &error)) == NULL)
    return cli_report_error (error);
  if (preview_only)
    {
      print_preview (preview, mapping);
      return EXIT_OK;
    }

  if ((casebook = cli_open_casebook (options, argv[1], &status)) == NULL)
    return status;
  if (!gawah_casebook_import_csv_incidents (casebook, data, name, mapping, (guint) max_errors, &n_imported,
                                            NULL, NULL, NULL, &error))
    return cli_report_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u incident\n", "Imported %u incidents\n", n_imported), n_imported);
  return EXIT_OK;
}
