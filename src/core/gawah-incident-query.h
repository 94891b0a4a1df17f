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

/* The same ids, a page at a time (gawah-incident-pager.c). The list asks
 * for a first page it can show at once, then for the rest in steps short
 * enough that the window never misses a frame (16 ms). */
#define GAWAH_INCIDENT_FIRST_PAGE   50
#define GAWAH_INCIDENT_STEP_USEC    5000

typedef struct _GawahIncidentPager GawahIncidentPager;

GawahIncidentPager   *gawah_incident_pager_new       (GawahCasebook              *casebook,
                                                      const GawahIncidentFilter  *filter);
gboolean              gawah_incident_pager_next      (GawahIncidentPager         *self,
                                                      guint                       max_ids,
                                                      gint64                      deadline,
                                                      GArray                     *ids,
                                                      GError                    **error);
gboolean              gawah_incident_pager_is_done   (GawahIncidentPager         *self);
void                  gawah_incident_pager_free      (GawahIncidentPager         *self);
GawahIncidentSummary *gawah_casebook_get_summary     (GawahCasebook              *self,
                                                      gint64                      id,
                                                      GError                    **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GawahIncidentFilter, gawah_incident_filter_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahIncidentSummary, gawah_incident_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahIncidentPager, gawah_incident_pager_free)

G_END_DECLS
