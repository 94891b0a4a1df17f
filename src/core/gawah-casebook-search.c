/* gawah-casebook-search.c: full-text search, in English and Urdu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-casebook-private.h"
#include "gawah-error.h"

/* What people type is words, not FTS5 syntax: each word becomes a quoted
 * prefix term ("khat"* finds Khattak), and all of them must match. */
char *
gawah_search_expression (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);
  GString *expression = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) quote_parts = NULL;

      if (*words[i] == '\0')
        continue;
      quote_parts = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quote_parts);
      g_string_append_printf (expression, "%s\"%s\"*", expression->len > 0 ? " " : "", escaped);
    }
  return g_string_free (expression, expression->len == 0);
}

static GArray *
search (GawahCasebook  *self,
        const char     *sql,
        const char     *text,
        guint           limit,
        GError        **error)
{
  g_autofree char *expression = NULL;
  g_autoptr(GawahStmt) stmt = NULL;

  if (!gawah_check_optional_text (text, _("Search"), error))
    return NULL;
  expression = gawah_search_expression (text);
  if (expression == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = gawah_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  gawah_stmt_bind_text (stmt, 1, expression);
  gawah_stmt_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  return gawah_collect_ids (self, stmt, error);
}

/* Incident ids, best match first. */
GArray *
gawah_casebook_search_incidents (GawahCasebook  *self,
                                 const char     *text,
                                 guint           limit,
                                 GError        **error)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  return search (self, "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1 ORDER BY rank LIMIT ?2",
                 text, limit, error);
}

/* Person ids, best match first: for "is this person already here?" */
GArray *
gawah_casebook_search_people (GawahCasebook  *self,
                              const char     *text,
                              guint           limit,
                              GError        **error)
{
  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  return search (self, "SELECT rowid FROM person_fts WHERE person_fts MATCH ?1 ORDER BY rank LIMIT ?2",
                 text, limit, error);
}
