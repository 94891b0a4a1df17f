/* gawah-statistics.h: counts of incidents, and follow-up actions that are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-incident-query.h"

G_BEGIN_DECLS

typedef enum {
  GAWAH_STATISTICS_ACT_TYPE,
  GAWAH_STATISTICS_PROVINCE,
  GAWAH_STATISTICS_YEAR,
  GAWAH_STATISTICS_HRD_CATEGORY,
  GAWAH_STATISTICS_PERPETRATOR_TYPE,
} GawahStatisticsDimension;

/* One bar: a code (or a year as text), NULL for "not recorded". */
typedef struct {
  char  *key;
  guint  count;
} GawahStatisticsRow;

/* A follow-up action on the agenda, with the incident it belongs to. */
typedef struct {
  gint64            follow_up_id;
  gint64            incident_id;
  char             *incident_title;
  char             *body;
  char             *action_type;
  char             *status;
  GawahPartialDate  due;
  char             *description;
} GawahAgendaItem;

const char *gawah_statistics_dimension_vocabulary (GawahStatisticsDimension dimension);

GArray     *gawah_casebook_count_incidents_by    (GawahCasebook             *self,
                                                  GawahStatisticsDimension   dimension,
                                                  const GawahIncidentFilter *filter,
                                                  GError                   **error);
GPtrArray  *gawah_casebook_list_agenda           (GawahCasebook             *self,
                                                  const char                *today_iso,
                                                  GError                   **error);
void        gawah_agenda_item_free               (GawahAgendaItem           *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahAgendaItem, gawah_agenda_item_free)

G_END_DECLS
