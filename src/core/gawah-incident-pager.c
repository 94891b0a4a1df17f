/* gawah-incident-pager.c: the incident list's query, a page at a time
 *
 * Incidents come newest first: by start date, then by id, undated ones
 * last. A pager hands them out in pages that continue where the last one
 * stopped (by the date and id of the last incident read, never by an
 * offset), so that the list can show its first rows at once and read the
 * rest while the user is already looking.
 *
 * A search runs in one of two ways, chosen by how many incidents match:
 *
 * - Rare words: the matches are looked up and sorted by date, all at once;
 *   there are few of them.
 * - Common words: sorting tens of thousands of matches is what made a
 *   search slow. Instead the matching ids are read once from the search
 *   index into a bitmap (a few milliseconds even for a word in nearly
 *   every incident), and the pager walks the incidents newest first on the
 *   (start_date, id) index, keeping those whose bit is set. A page of 50
 *   needs only the first few hundred incidents of the walk.
 *
 * - The first page of a common word comes faster still: reading the
 *   bitmap costs 5–10 ms for a word in 90,000 incidents, while the first
 *   page needs only ~60 of them. The walk tests each incident with a
 *   search for its id alone, in exact terms (see
 *   gawah_search_exact_expression()), about 20 µs each; after a trial of
 *   a few incidents, if fewer than half match, probing costs more than the
 *   bitmap, which is read then, and the walk goes on from where it is.
 *
 * The other filters stay in SQL, named only when in use, so that SQLite
 * can use their indexes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-casebook-private.h"
#include "gawah-incident-query.h"

/* A word is rare when fewer than one incident in this many matches it:
 * then even the last of a page is found faster by sorting the matches
 * than by walking to it (at 100,000 incidents: fewer than 5,000 matches). */
#define RARE_MATCH_SHARE 20

/* Probing: a trial of this many incidents, half of which must match;
 * and no more than this many matches found by probing. */
#define PROBE_TRIAL 24
#define PROBE_MATCHES GAWAH_INCIDENT_FIRST_PAGE
/* A word standing for more terms than this is not worth probing. */
#define PROBE_MAX_TERMS 8

/* How often a walk looks at the clock, in rows. */
#define ROWS_BETWEEN_CLOCK_CHECKS 64

typedef enum {
  PHASE_START,
  PHASE_DATED,      /* incidents with a start date, newest first */
  PHASE_UNDATED,    /* then those without, highest id first */
  PHASE_DONE,
} PagerPhase;

struct _GawahIncidentPager
{
  GawahCasebook       *casebook;
  GawahIncidentFilter  filter;
  char                *match;        /* the search expression, or NULL */

  guint8              *matches;      /* a bit for each incident id that matches @match */
  gint64               max_id;

  char                *exact;        /* @match in exact terms, or NULL */
  gboolean             probing;      /* testing each incident with @exact */
  guint                probed;
  guint                probe_matches;

  PagerPhase           phase;
  gboolean             has_last;     /* whether the walk has read a row in this phase */
  char                *last_date;
  gint64               last_id;
};

GawahIncidentPager *
gawah_incident_pager_new (GawahCasebook             *casebook,
                          const GawahIncidentFilter *filter)
{
  GawahIncidentPager *self = g_new0 (GawahIncidentPager, 1);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), NULL);

  self->casebook = g_object_ref (casebook);
  gawah_incident_filter_copy (&self->filter, filter);
  self->match = gawah_search_expression (self->filter.text);
  self->phase = PHASE_START;
  return self;
}

void
gawah_incident_pager_free (GawahIncidentPager *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->casebook);
  gawah_incident_filter_clear (&self->filter);
  g_free (self->match);
  g_free (self->matches);
  g_free (self->exact);
  g_free (self->last_date);
  g_free (self);
}

gboolean
gawah_incident_pager_is_done (GawahIncidentPager *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->phase == PHASE_DONE;
}

/* The conditions of the filters in use other than the words, which the
 * walk tests against its bitmap and the rare-word query looks up. */
static void
append_filter_conditions (GString                   *sql,
                          const GawahIncidentFilter *filter,
                          gboolean                   with_text)
{
  const struct {
    gboolean    in_use;
    const char *condition;
  } clauses[] = {
    { with_text, GAWAH_FILTER_TEXT },
    { filter->province != NULL, GAWAH_FILTER_PROVINCE },
    { filter->act_type != NULL, GAWAH_FILTER_ACT_TYPE },
    { filter->hrd_category != NULL, GAWAH_FILTER_HRD_CATEGORY },
    { filter->perpetrator_type != NULL, GAWAH_FILTER_PERPETRATOR_TYPE },
    { filter->status != NULL, GAWAH_FILTER_STATUS },
    { gawah_partial_date_is_known (&filter->from), GAWAH_FILTER_FROM },
    { gawah_partial_date_is_known (&filter->to), GAWAH_FILTER_TO },
    { filter->person_id > 0, GAWAH_FILTER_PERSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    if (clauses[i].in_use)
      g_string_append_printf (sql, " AND %s", clauses[i].condition);
}

/* NULLs sort last in descending order, and the index on (start_date, id)
 * gives the order without a sort. */
#define NEWEST_FIRST " ORDER BY i.start_date DESC, i.id DESC"

/* A rare word: the matches, looked up by id and sorted, all at once,
 * but for the first @already_listed, which the caller has. */
static gboolean
read_rare_matches (GawahIncidentPager  *self,
                   guint                already_listed,
                   GArray              *ids,
                   GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT i.id FROM incident i WHERE 1");
  g_autoptr(GawahStmt) stmt = NULL;
  g_autoptr(GArray) found = NULL;

  append_filter_conditions (sql, &self->filter, TRUE);
  g_string_append (sql, NEWEST_FIRST);
  stmt = gawah_db_prepare (gawah_casebook_get_db (self->casebook), sql->str, error);
  if (stmt == NULL)
    return FALSE;
  gawah_incident_filter_bind (stmt, &self->filter);
  found = gawah_collect_ids (self->casebook, stmt, error);
  if (found == NULL)
    return FALSE;
  if (found->len > already_listed)
    g_array_append_vals (ids, &g_array_index (found, gint64, already_listed), found->len - already_listed);
  self->phase = PHASE_DONE;
  return TRUE;
}

static gboolean
read_max_id (GawahIncidentPager  *self,
             GError             **error)
{
  GawahDb *db = gawah_casebook_get_db (self->casebook);
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, "SELECT coalesce(max(id), 0) FROM incident", error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !gawah_db_step_row (db, stmt, &has_row, error))
    return FALSE;
  self->max_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Every incident that matches the words, as a bit; @n_matches counts them. */
static gboolean
read_match_bitmap (GawahIncidentPager  *self,
                   gint64              *n_matches,
                   GError             **error)
{
  GawahDb *db = gawah_casebook_get_db (self->casebook);
  g_autoptr(GawahStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  if (!read_max_id (self, error))
    return FALSE;
  stmt = gawah_db_prepare (db, "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1", error);
  if (stmt == NULL)
    return FALSE;
  /* Exact terms save merging the prefixes' lists first: 3 ms for "police". */
  gawah_stmt_bind_text (stmt, 1, self->exact != NULL ? self->exact : self->match);
  self->matches = g_malloc0 (self->max_id / 8 + 1);
  *n_matches = 0;
  while (gawah_db_step_row (db, stmt, &has_row, &local_error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* The index follows the incidents by trigger: nothing lies beyond
       * the last incident, but a bitmap must never be written past. */
      if (id < 0 || id > self->max_id)
        continue;
      self->matches[id / 8] |= 1 << (id % 8);
      (*n_matches)++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
probe (GawahIncidentPager  *self,
       gint64               id,
       gboolean            *matches,
       GError             **error)
{
  GawahDb *db = gawah_casebook_get_db (self->casebook);
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db,
    "SELECT 1 FROM incident_fts WHERE incident_fts MATCH ?1 AND rowid = ?2", error);

  if (stmt == NULL)
    return FALSE;
  gawah_stmt_bind_text (stmt, 1, self->exact);
  gawah_stmt_bind_int64 (stmt, 2, id);
  if (!gawah_db_step_row (db, stmt, matches, error))
    return FALSE;
  self->probed++;
  self->probe_matches += *matches;
  return TRUE;
}

/* Whether to stop probing and read the bitmap: the trial says the word is
 * not common enough (as soon as more than half of it has missed), or
 * probing has given a first page. */
static gboolean
probing_is_over (GawahIncidentPager *self)
{
  guint misses = self->probed - self->probe_matches;
  gboolean too_rare = self->probed <= PROBE_TRIAL ? misses * 2 > PROBE_TRIAL
                                                  : self->probe_matches * 2 < self->probed;

  return too_rare || self->probe_matches >= PROBE_MATCHES;
}

static gboolean
is_match (GawahIncidentPager  *self,
          gint64               id,
          gboolean            *matches,
          GError             **error)
{
  if (self->probing)
    return probe (self, id, matches, error);
  *matches = self->matches == NULL ||
             (id >= 0 && id <= self->max_id && (self->matches[id / 8] & (1 << (id % 8))) != 0);
  return TRUE;
}

/* The bitmap, once probing is over. A word the trial found rare after
 * all is listed the rare way, from where probing got to: the walk lists
 * matches in the same order, so what it listed is the start of the list. */
static gboolean
stop_probing (GawahIncidentPager  *self,
              GArray              *ids,
              GError             **error)
{
  gint64 n_matches = 0;

  self->probing = FALSE;
  if (!read_match_bitmap (self, &n_matches, error))
    return FALSE;
  if (n_matches * RARE_MATCH_SHARE >= self->max_id)
    return TRUE;
  g_clear_pointer (&self->matches, g_free);
  return read_rare_matches (self, self->probe_matches, ids, error);
}

/* The first call decides how to search; only a common word, or no words
 * at all, leaves anything for the walk. A first page without a deadline
 * starts by probing, when the words allow it. */
static gboolean
start (GawahIncidentPager  *self,
       gint64               deadline,
       GArray              *ids,
       GError             **error)
{
  gint64 n_matches = 0;
  g_autoptr(GError) local_error = NULL;

  self->phase = PHASE_DATED;
  if (self->match == NULL)
    return TRUE;
  self->exact = gawah_search_exact_expression (self->casebook, self->filter.text, PROBE_MAX_TERMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->probing = self->exact != NULL && deadline == 0;
  if (self->probing)
    return TRUE;
  if (!read_match_bitmap (self, &n_matches, error))
    return FALSE;
  if (n_matches * RARE_MATCH_SHARE < self->max_id)
    {
      g_clear_pointer (&self->matches, g_free);
      return read_rare_matches (self, 0, ids, error);
    }
  return TRUE;
}

static char *
build_walk_sql (GawahIncidentPager *self)
{
  GString *sql = g_string_new ("SELECT i.id, i.start_date FROM incident i WHERE 1");

  append_filter_conditions (sql, &self->filter, FALSE);
  if (self->phase == PHASE_DATED)
    g_string_append (sql, self->has_last ? " AND i.start_date IS NOT NULL AND (i.start_date, i.id) < (?10, ?11)"
                                         : " AND i.start_date IS NOT NULL");
  else
    g_string_append (sql, self->has_last ? " AND i.start_date IS NULL AND i.id < ?11"
                                         : " AND i.start_date IS NULL");
  g_string_append (sql, NEWEST_FIRST);
  return g_string_free (sql, FALSE);
}

static gboolean
past (gint64 deadline)
{
  return deadline > 0 && g_get_monotonic_time () >= deadline;
}

/* One phase of the walk, from where it stopped, until @ids holds
 * @max_ids more, the clock passes @deadline, or the phase ends. */
static gboolean
walk (GawahIncidentPager  *self,
      guint                max_ids,
      gint64               deadline,
      GArray              *ids,
      GError             **error)
{
  GawahDb *db = gawah_casebook_get_db (self->casebook);
  g_autofree char *sql = build_walk_sql (self);
  g_autoptr(GawahStmt) stmt = gawah_db_prepare (db, sql, error);
  g_autoptr(GError) local_error = NULL;
  guint wanted = ids->len + MIN (max_ids, G_MAXUINT - ids->len);
  gboolean has_row = FALSE;
  gboolean matches = FALSE;
  guint rows = 0;

  if (stmt == NULL)
    return FALSE;
  gawah_incident_filter_bind (stmt, &self->filter);
  if (self->has_last)
    {
      gawah_stmt_bind_text_or_null (stmt, 10, self->last_date);
      gawah_stmt_bind_int64 (stmt, 11, self->last_id);
    }
  while (ids->len < wanted && !(++rows % ROWS_BETWEEN_CLOCK_CHECKS == 0 && past (deadline)))
    {
      gint64 id;

      if (!gawah_db_step_row (db, stmt, &has_row, &local_error))
        break;
      if (!has_row)
        {
          self->phase = self->phase == PHASE_DATED ? PHASE_UNDATED : PHASE_DONE;
          self->has_last = FALSE;
          return TRUE;
        }
      id = sqlite3_column_int64 (stmt, 0);
      /* Probing over: the row is read again, from the bitmap. */
      if (self->probing && probing_is_over (self))
        break;
      if (!is_match (self, id, &matches, &local_error))
        break;
      if (self->phase == PHASE_DATED)
        {
          g_free (self->last_date);
          self->last_date = gawah_stmt_dup_text (stmt, 1);
        }
      self->last_id = id;
      self->has_last = TRUE;
      if (matches)
        g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Appends to @ids the next incidents, newest first: up to @max_ids of
 * them, stopping early once the monotonic clock passes @deadline (0: no
 * deadline). A rare word's matches come all at once, whatever @max_ids.
 * FALSE with @error set on failure; gawah_incident_pager_is_done() says
 * when there is nothing more. */
gboolean
gawah_incident_pager_next (GawahIncidentPager  *self,
                           guint                max_ids,
                           gint64               deadline,
                           GArray              *ids,
                           GError             **error)
{
  guint wanted;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (self->phase == PHASE_START && !start (self, deadline, ids, error))
    return FALSE;
  wanted = ids->len + MIN (max_ids, G_MAXUINT - ids->len);
  /* At least one walk, which reads a few rows before it looks at the
   * clock: a call always makes progress, however late it comes. */
  if (self->phase != PHASE_DONE && ids->len < wanted)
    do
      {
        if (self->probing && (probing_is_over (self) || deadline != 0) &&
            !stop_probing (self, ids, error))
          return FALSE;
        if (self->phase != PHASE_DONE && !walk (self, wanted - ids->len, deadline, ids, error))
          return FALSE;
      }
    while (self->phase != PHASE_DONE && ids->len < wanted && !past (deadline));
  return TRUE;
}

/* Incident ids, newest first: every page at once. */
GArray *
gawah_casebook_query_incidents (GawahCasebook              *self,
                                const GawahIncidentFilter  *filter,
                                GError                    **error)
{
  g_autoptr(GawahIncidentPager) pager = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (self), NULL);

  pager = gawah_incident_pager_new (self, filter);
  while (!gawah_incident_pager_is_done (pager))
    if (!gawah_incident_pager_next (pager, G_MAXUINT, 0, ids, error))
      return NULL;
  return g_steal_pointer (&ids);
}
