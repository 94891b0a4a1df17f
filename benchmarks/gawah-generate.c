/* gawah-generate.c: write a synthetic casebook for the benchmarks
 *
 *   gawah-generate [--incidents N] [--seed S] [--passphrase P] OUTPUT
 *
 * 100,000 incidents by default, with 1.5 people, 2.5 acts and 4 chronology
 * entries each, in English and Urdu, saved through the store API. The same
 * seed gives the same records. Write it outside the source tree: it is
 * made-up data, never committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "gawah-synthetic.h"

static void
print_progress (guint     done,
                guint     total,
                gpointer  user_data)
{
  gint64 *start = user_data;

  fprintf (stderr, "%u / %u incidents (%.0f s)\n", done, total,
           (g_get_monotonic_time () - *start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  int incidents = 100000;
  int seed = 7;
  g_autofree char *passphrase = NULL;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "incidents", 'n', 0, G_OPTION_ARG_INT, &incidents, "How many incidents (people, acts and chronology scale with it)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "S" },
    { "passphrase", 'p', 0, G_OPTION_ARG_STRING, &passphrase, "Passphrase of the new casebook", "P" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "OUTPUT" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahCasebook) casebook = NULL;
  g_autoptr(GawahSynthetic) synthetic = NULL;
  gint64 start = g_get_monotonic_time ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      paths == NULL || g_strv_length (paths) != 1 || incidents <= 0)
    {
      fprintf (stderr, "%s\nUsage: gawah-generate [--incidents N] [--seed S] [--passphrase P] OUTPUT\n",
               error != NULL ? error->message : "");
      return 2;
    }
  casebook = gawah_casebook_create (paths[0], passphrase != NULL ? passphrase : "benchmark passphrase", &error);
  if (casebook == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  synthetic = gawah_synthetic_new ((guint32) seed);
  if (!gawah_synthetic_fill (synthetic, casebook, (guint) incidents, 10000, print_progress, &start, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  fprintf (stderr, "%s: %d incidents in %.0f s\n", paths[0], incidents, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
