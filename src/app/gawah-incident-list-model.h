/* gawah-incident-list-model.h: the incidents of a casebook as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-casebook.h"
#include "gawah-incident-query.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_INCIDENT_ITEM (gawah_incident_item_get_type ())
G_DECLARE_FINAL_TYPE (GawahIncidentItem, gawah_incident_item, GAWAH, INCIDENT_ITEM, GObject)

gint64                      gawah_incident_item_get_id      (GawahIncidentItem *self);
const GawahIncidentSummary *gawah_incident_item_get_summary (GawahIncidentItem *self);

#define GAWAH_TYPE_INCIDENT_LIST_MODEL (gawah_incident_list_model_get_type ())
G_DECLARE_FINAL_TYPE (GawahIncidentListModel, gawah_incident_list_model, GAWAH, INCIDENT_LIST_MODEL, GObject)

GawahIncidentListModel *gawah_incident_list_model_new        (GawahCasebook              *casebook);
gboolean                gawah_incident_list_model_set_filter (GawahIncidentListModel     *self,
                                                              const GawahIncidentFilter  *filter,
                                                              GError                    **error);
gboolean                gawah_incident_list_model_reload     (GawahIncidentListModel     *self,
                                                              GError                    **error);
gboolean                gawah_incident_list_model_is_loading (GawahIncidentListModel    *self);
guint                   gawah_incident_list_model_find       (GawahIncidentListModel     *self,
                                                              gint64                      incident_id);

G_END_DECLS
