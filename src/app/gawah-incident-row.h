/* gawah-incident-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-incident-query.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_INCIDENT_ROW (gawah_incident_row_get_type ())

G_DECLARE_FINAL_TYPE (GawahIncidentRow, gawah_incident_row, GAWAH, INCIDENT_ROW, GtkWidget)

GtkWidget *gawah_incident_row_new         (void);
void       gawah_incident_row_set_summary (GawahIncidentRow           *self,
                                           const GawahIncidentSummary *summary);

G_END_DECLS
