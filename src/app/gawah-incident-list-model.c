/* gawah-incident-list-model.c: the incidents of a casebook as a GListModel
 *
 * The query returns only ids (8 bytes an incident); an item, with its
 * summary, is read from the casebook when the list view asks for it and is
 * kept in a small cache, so 100,000 incidents scroll without loading them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-incident-list-model.h"

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
};

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
gawah_incident_list_model_finalize (GObject *object)
{
  GawahIncidentListModel *self = GAWAH_INCIDENT_LIST_MODEL (object);

  g_clear_object (&self->casebook);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  gawah_incident_filter_clear (&self->filter);
  G_OBJECT_CLASS (gawah_incident_list_model_parent_class)->finalize (object);
}

static void
gawah_incident_list_model_class_init (GawahIncidentListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gawah_incident_list_model_finalize;
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

/* Runs the query again: after an edit, or with a new filter. */
gboolean
gawah_incident_list_model_reload (GawahIncidentListModel  *self,
                                  GError                 **error)
{
  g_autoptr(GArray) ids = gawah_casebook_query_incidents (self->casebook, &self->filter, error);
  guint removed;

  g_return_val_if_fail (GAWAH_IS_INCIDENT_LIST_MODEL (self), FALSE);

  if (ids == NULL)
    return FALSE;
  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->cache);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  return TRUE;
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

/* The position of an incident, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint
gawah_incident_list_model_find (GawahIncidentListModel *self,
                                gint64                  incident_id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == incident_id)
      return i;
  return G_MAXUINT;
}
