/* gawah-incident-list-model.c: the incidents of a casebook as a GListModel
 *
 * The query returns only ids (8 bytes an incident); an item, with its
 * summary, is read from the casebook when the list view asks for it and is
 * kept in a small cache, so 100,000 incidents scroll without loading them.
 *
 * A search that matches tens of thousands of incidents takes longer than a
 * frame to list in full, so the model reads a first page at once, and the
 * rest from idle callbacks, a few milliseconds at a time, appending as it
 * goes ("loading" is TRUE until the list is complete). Once complete it
 * holds the same ids in the same order as gawah_casebook_query_incidents().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-incident-list-model.h"
#include "gawah-task-progress.h"

#define CACHE_SIZE 512

struct _GawahIncidentItem
{
  GObject               parent_instance;
  GawahIncidentSummary *summary;
};

G_DEFINE_FINAL_TYPE (GawahIncidentItem, gawah_incident_item, G_TYPE_OBJECT)

static void
gawah_incident_item_finalize (GObject *object)
{
  GawahIncidentItem *self = GAWAH_INCIDENT_ITEM (object);

  g_clear_pointer (&self->summary, gawah_incident_summary_free);
  G_OBJECT_CLASS (gawah_incident_item_parent_class)->finalize (object);
}

static void
gawah_incident_item_class_init (GawahIncidentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gawah_incident_item_finalize;
}

static void
gawah_incident_item_init (GawahIncidentItem *self)
{
}

gint64
gawah_incident_item_get_id (GawahIncidentItem *self)
{
  g_return_val_if_fail (GAWAH_IS_INCIDENT_ITEM (self), 0);
  return self->summary->id;
}

const GawahIncidentSummary *
gawah_incident_item_get_summary (GawahIncidentItem *self)
{
  g_return_val_if_fail (GAWAH_IS_INCIDENT_ITEM (self), NULL);
  return self->summary;
}

struct _GawahIncidentListModel
{
  GObject              parent_instance;

  GawahCasebook       *casebook;
  GArray              *ids;       /* gint64, in list order */
  GHashTable          *cache;     /* position → GawahIncidentItem */
  GawahIncidentFilter  filter;

  GawahIncidentPager  *pager;     /* while loading */
  guint                load_source;
};

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_model_get_item_type (GListModel *model)
{
  return GAWAH_TYPE_INCIDENT_ITEM;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return GAWAH_INCIDENT_LIST_MODEL (model)->ids->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  GawahIncidentListModel *self = GAWAH_INCIDENT_LIST_MODEL (model);
  g_autoptr(GError) error = NULL;
  GawahIncidentItem *item;
  GawahIncidentSummary *summary;

  if (position >= self->ids->len)
    return NULL;
  item = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  summary = gawah_casebook_get_summary (self->casebook, g_array_index (self->ids, gint64, position), &error);
  if (summary == NULL)
    {
      g_warning ("Could not read incident at %u: %s", position, error->message);
      return NULL;
    }
  item = g_object_new (GAWAH_TYPE_INCIDENT_ITEM, NULL);
  item->summary = summary;

  /* A list view asks for the rows around what is visible: a small cache of
   * the latest rows is enough, and keeps memory flat while scrolling. */
  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (item));
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GawahIncidentListModel, gawah_incident_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
stop_loading (GawahIncidentListModel *self)
{
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_pointer (&self->pager, gawah_incident_pager_free);
}

static void
gawah_incident_list_model_finalize (GObject *object)
{
  GawahIncidentListModel *self = GAWAH_INCIDENT_LIST_MODEL (object);

  stop_loading (self);
  g_clear_object (&self->casebook);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  gawah_incident_filter_clear (&self->filter);
  G_OBJECT_CLASS (gawah_incident_list_model_parent_class)->finalize (object);
}

static void
gawah_incident_list_model_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GawahIncidentListModel *self = GAWAH_INCIDENT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, gawah_incident_list_model_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_incident_list_model_class_init (GawahIncidentListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gawah_incident_list_model_finalize;
  object_class->get_property = gawah_incident_list_model_get_property;

  /* TRUE while ids are still being read after the first page. */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gawah_incident_list_model_init (GawahIncidentListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

GawahIncidentListModel *
gawah_incident_list_model_new (GawahCasebook *casebook)
{
  GawahIncidentListModel *self = g_object_new (GAWAH_TYPE_INCIDENT_LIST_MODEL, NULL);

  self->casebook = g_object_ref (casebook);
  gawah_incident_list_model_reload (self, NULL);
  return self;
}

/* Loading ends: the list is complete, or could not be read further. */
static void
finish_loading (GawahIncidentListModel *self)
{
  self->load_source = 0;
  g_clear_pointer (&self->pager, gawah_incident_pager_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean load_more_cb (gpointer user_data);

/* While an import or export runs in a worker thread, the casebook's
 * connection is the worker's: the list waits, looking again now and then
 * rather than spinning in the idle loop the worker needs a processor for. */
#define BUSY_RETRY_MS 100

static void
schedule_load (GawahIncidentListModel *self)
{
  if (gawah_task_progress_is_busy (G_OBJECT (self->casebook)))
    self->load_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, BUSY_RETRY_MS, load_more_cb, self, NULL);
  else
    self->load_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->load_source),
                            "[gawah] incident list");
}

/* One idle step: as many ids as GAWAH_INCIDENT_STEP_USEC allows, appended. */
static gboolean
load_more_cb (gpointer user_data)
{
  GawahIncidentListModel *self = user_data;
  g_autoptr(GError) error = NULL;
  guint before = self->ids->len;
  guint this_step = self->load_source;

  if (gawah_task_progress_is_busy (G_OBJECT (self->casebook)))
    {
      schedule_load (self);
      return G_SOURCE_REMOVE;
    }

  if (!gawah_incident_pager_next (self->pager, G_MAXUINT, g_get_monotonic_time () + GAWAH_INCIDENT_STEP_USEC,
                                  self->ids, &error))
    g_warning ("Could not list every incident: %s", error->message);
  if (self->ids->len > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->ids->len - before);
  /* A handler of items-changed reloaded the list: its own loading goes on. */
  if (self->load_source != this_step)
    return G_SOURCE_REMOVE;
  if (error != NULL || gawah_incident_pager_is_done (self->pager))
    {
      finish_loading (self);
      return G_SOURCE_REMOVE;
    }
  schedule_load (self);
  return G_SOURCE_REMOVE;
}

/* Runs the query again: after an edit, or with a new filter. The first
 * page is there on return; the rest follows from idle callbacks, below
 * the priority of drawing, so that the window stays responsive. */
gboolean
gawah_incident_list_model_reload (GawahIncidentListModel  *self,
                                  GError                 **error)
{
  g_autoptr(GawahIncidentPager) pager = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean was_loading;
  guint removed;

  g_return_val_if_fail (GAWAH_IS_INCIDENT_LIST_MODEL (self), FALSE);

  pager = gawah_incident_pager_new (self->casebook, &self->filter);
  was_loading = gawah_incident_list_model_is_loading (self);
  if (!gawah_incident_pager_next (pager, GAWAH_INCIDENT_FIRST_PAGE, 0, ids, error))
    {
      /* The rest of the previous list would not match the filter now. */
      stop_loading (self);
      if (was_loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return FALSE;
    }

  was_loading = gawah_incident_list_model_is_loading (self);
  stop_loading (self);
  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->cache);
  if (!gawah_incident_pager_is_done (pager))
    {
      self->pager = g_steal_pointer (&pager);
      schedule_load (self);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  if (was_loading != gawah_incident_list_model_is_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return TRUE;
}

gboolean
gawah_incident_list_model_is_loading (GawahIncidentListModel *self)
{
  g_return_val_if_fail (GAWAH_IS_INCIDENT_LIST_MODEL (self), FALSE);
  return self->pager != NULL;
}

static void
copy_filter (GawahIncidentFilter       *to,
             const GawahIncidentFilter *from)
{
  gawah_incident_filter_clear (to);
  to->text = g_strdup (from->text);
  to->province = g_strdup (from->province);
  to->act_type = g_strdup (from->act_type);
  to->hrd_category = g_strdup (from->hrd_category);
  to->perpetrator_type = g_strdup (from->perpetrator_type);
  to->status = g_strdup (from->status);
  to->from = from->from;
  to->to = from->to;
  to->person_id = from->person_id;
}

gboolean
gawah_incident_list_model_set_filter (GawahIncidentListModel     *self,
                                      const GawahIncidentFilter  *filter,
                                      GError                    **error)
{
  g_return_val_if_fail (GAWAH_IS_INCIDENT_LIST_MODEL (self), FALSE);

  copy_filter (&self->filter, filter);
  return gawah_incident_list_model_reload (self, error);
}

/* The position of an incident, or GTK_INVALID_LIST_POSITION (G_MAXUINT):
 * while loading, only among the incidents listed so far. */
guint
gawah_incident_list_model_find (GawahIncidentListModel *self,
                                gint64                  incident_id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == incident_id)
      return i;
  return G_MAXUINT;
}
