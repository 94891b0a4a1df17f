/* crash-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crash-common.h"

#include <string.h>

#define UUID_PATTERN "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

char *
crash_added_incident_uuid (guint64 n)
{
  return g_strdup_printf (CRASH_ADDED_INCIDENT_PREFIX "0000-4000-8000-%012" G_GINT64_MODIFIER "u", n);
}

char *
crash_added_person_uuid (guint64 n)
{
  return g_strdup_printf ("a00d0001-0000-4000-8000-%012" G_GINT64_MODIFIER "u", n);
}

/* The tokens end in a letter, so that a prefix search for one number never
 * finds another ("crashadd1x" is no prefix of "crashadd12x"). */
char *
crash_added_title (guint64 n)
{
  return g_strdup_printf ("Crash incident crashadd%" G_GUINT64_FORMAT "x", n);
}

char *
crash_person_name (guint64 n)
{
  return g_strdup_printf ("Crashperson%" G_GUINT64_FORMAT "x", n);
}

char *
crash_edited_title (guint64 added,
                    guint64 n)
{
  return g_strdup_printf ("Crash incident crashadd%" G_GUINT64_FORMAT "x edited crashedit%" G_GUINT64_FORMAT "x",
                          added, n);
}

char *
crash_chronology_text (guint64 n)
{
  return g_strdup_printf ("Step recorded by change crashchron%" G_GUINT64_FORMAT "x", n);
}

char *
crash_decision_note (guint64 n)
{
  return g_strdup_printf ("crash decision %" G_GUINT64_FORMAT, n);
}

/* Import n's records: every UUID of the sample with its first group
 * replaced by n, so that each import adds fresh records, and the test
 * finds them with one LIKE. */
char *
crash_import_uuid_prefix (guint64 n)
{
  return g_strdup_printf ("%08" G_GINT64_MODIFIER "x-", n);
}

static gboolean
renumber_uuid_cb (const GMatchInfo *match,
                  GString          *result,
                  gpointer          user_data)
{
  g_autofree char *uuid = g_match_info_fetch (match, 0);

  g_string_append (result, user_data);
  g_string_append (result, uuid + 9);
  return FALSE;
}

GBytes *
crash_renumber_document (GBytes  *document,
                         guint64  n)
{
  g_autoptr(GRegex) regex = g_regex_new (UUID_PATTERN, 0, 0, NULL);
  g_autofree char *prefix = crash_import_uuid_prefix (n);
  g_autofree char *text = g_strndup (g_bytes_get_data (document, NULL), g_bytes_get_size (document));
  char *renumbered = g_regex_replace_eval (regex, text, -1, 0, 0, renumber_uuid_cb, prefix, NULL);

  g_assert_nonnull (renumbered);
  return g_bytes_new_take (renumbered, strlen (renumbered));
}

/* The records a document holds: its distinct id="…" attributes. */
guint
crash_count_document_ids (GBytes *document)
{
  g_autoptr(GRegex) regex = g_regex_new (" id=\"(" UUID_PATTERN ")\"", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (document, NULL), g_bytes_get_size (document));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (ids, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return g_hash_table_size (ids);
}
