/* gawah-incident-query.h: which incidents to show, and what a list shows of each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"

G_BEGIN_DECLS

/* Every field is optional: NULL (or an unknown date) does not filter. */
typedef struct {
  char             *text;              /* words, as for search */
  char             *province;
  char             *act_type;
  char             *hrd_category;      /* of a victim */
  char             *perpetrator_type;
  char             *status;
  GawahPartialDate  from;
  GawahPartialDate  to;
  gint64            person_id;         /* a defender's page: 0 for everyone */
} GawahIncidentFilter;

/* One line of the incident list. */
typedef struct {
  gint64            id;
  char             *uuid;
  char             *title;
  GawahPartialDate  start;
  GawahPartialDate  end;
  gboolean          ongoing;
  char             *province;
  char             *district;
  char             *place;
  char             *status;
  char             *verification;
  char            **act_types;
  char             *victims;           /* names, comma-separated */
} GawahIncidentSummary;

void                  gawah_incident_filter_clear    (GawahIncidentFilter  *filter);
/* A deep copy into @dest (cleared first); @src NULL leaves @dest empty. */
void                  gawah_incident_filter_copy     (GawahIncidentFilter       *dest,
                                                      const GawahIncidentFilter *src);
gboolean              gawah_incident_filter_is_empty (const GawahIncidentFilter *filter);
void                  gawah_incident_summary_free    (GawahIncidentSummary *summary);

GArray               *gawah_casebook_query_incidents (GawahCasebook              *self,
                                                      const GawahIncidentFilter  *filter,
                                                      GError                    **error);
GawahIncidentSummary *gawah_casebook_get_summary     (GawahCasebook              *self,
                                                      gint64                      id,
                                                      GError                    **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GawahIncidentFilter, gawah_incident_filter_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahIncidentSummary, gawah_incident_summary_free)

G_END_DECLS
