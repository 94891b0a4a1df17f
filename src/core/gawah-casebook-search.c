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

/* Exact terms for probing one incident at a time.
 *
 * FTS5 answers "does incident N match "police"*?" by first merging the
 * lists of every term that starts with "police", the whole index's worth
 * (3 ms for a word in 90,000 incidents), whereas an exact term is a seek
 * (15 µs). So for the first page of a common word, each word's prefix is
 * replaced by the terms it stands for, read from the index's vocabulary
 * (lazily, a term at a time), tokenized as incident_fts tokenizes. */

#define INCIDENT_FTS_TOKENIZER "unicode61"   /* with remove_diacritics 2: as in gawah-schema.c */

static fts5_api *
find_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

static int
collect_token_cb (void       *user_data,
                  int         flags,
                  const char *token,
                  int         n_token,
                  int         start,
                  int         end)
{
  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    g_ptr_array_add (user_data, g_strndup (token, n_token));
  return SQLITE_OK;
}

/* A word's tokens, as FTS5 reads the word in a query; NULL on failure. */
static GPtrArray *
tokenize_word (sqlite3    *db,
               const char *word)
{
  static const char *options[] = { "remove_diacritics", "2" };
  fts5_api *api = find_fts5_api (db);
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance = NULL;
  void *tokenizer_data = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (api == NULL || api->xFindTokenizer (api, INCIDENT_FTS_TOKENIZER, &tokenizer_data, &tokenizer) != SQLITE_OK ||
      tokenizer.xCreate (tokenizer_data, options, G_N_ELEMENTS (options), &instance) != SQLITE_OK)
    return NULL;
  rc = tokenizer.xTokenize (instance, tokens, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                            word, (int) strlen (word), collect_token_cb);
  tokenizer.xDelete (instance);
  return rc == SQLITE_OK ? g_steal_pointer (&tokens) : NULL;
}

/* Every term of the index that starts with @prefix; FALSE when there are
 * more than @max_terms. Each query stops at its first row: the vocabulary
 * table of type "instance" reads no further. */
static gboolean
expand_prefix (GawahCasebook  *self,
               const char     *prefix,
               guint           max_terms,
               GPtrArray      *terms,
               GError        **error)
{
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (self->db,
    "SELECT term FROM temp.gawah_incident_terms WHERE term >= ?1 AND term < ?2 LIMIT 1", error);
  g_autofree char *after = g_strdup (prefix);
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);   /* U+10FFFF: above any next character */
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return FALSE;
  while (has_row)
    {
      gawah_stmt_bind_text (stmt, 1, after);
      gawah_stmt_bind_text (stmt, 2, end);
      if (!gawah_db_step_row (self->db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (terms->len >= max_terms)
        return FALSE;
      g_ptr_array_add (terms, gawah_stmt_dup_text (stmt, 0));
      g_free (after);
      after = g_strconcat (g_ptr_array_index (terms, terms->len - 1), "\x01", NULL);   /* just past it */
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static void
append_phrase (GString    *expression,
               GPtrArray  *tokens,
               const char *last)
{
  g_string_append_c (expression, '"');
  for (guint i = 0; i + 1 < tokens->len; i++)
    g_string_append_printf (expression, "%s ", (const char *) g_ptr_array_index (tokens, i));
  g_string_append_printf (expression, "%s\"", last);
}

/* The same search as gawah_search_expression (@text), in exact terms, or
 * NULL (without an error) when a word stands for more than @max_terms
 * terms or does not tokenize plainly. */
char *
gawah_search_exact_expression (GawahCasebook  *self,
                               const char     *text,
                               guint           max_terms,
                               GError        **error)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);
  g_autoptr(GString) expression = g_string_new (NULL);

  if (!gawah_db_exec (self->db,
                      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.gawah_incident_terms"
                      " USING fts5vocab (main, 'incident_fts', 'instance')", error))
    return NULL;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) tokens = NULL;
      g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
      const char *last;

      if (*words[i] == '\0')
        continue;
      tokens = tokenize_word (gawah_db_get_handle (self->db), words[i]);
      if (tokens == NULL || tokens->len == 0)
        return NULL;
      last = g_ptr_array_index (tokens, tokens->len - 1);
      for (guint j = 0; j < tokens->len; j++)
        if (strchr (g_ptr_array_index (tokens, j), '"') != NULL)
          return NULL;
      if (!expand_prefix (self, last, max_terms, terms, error))
        return NULL;
      if (terms->len == 0)
        g_ptr_array_add (terms, g_strdup (last));   /* matches nothing, as the prefix does */
      g_string_append (expression, expression->len > 0 ? " AND (" : "(");
      for (guint j = 0; j < terms->len; j++)
        {
          if (j > 0)
            g_string_append (expression, " OR ");
          append_phrase (expression, tokens, g_ptr_array_index (terms, j));
        }
      g_string_append_c (expression, ')');
    }
  return expression->len > 0 ? g_string_free (g_steal_pointer (&expression), FALSE) : NULL;
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
