/* gawah-history-view.h: who changed an incident, when, and what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-audit.h"
#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_HISTORY_VIEW (gawah_history_view_get_type ())

G_DECLARE_FINAL_TYPE (GawahHistoryView, gawah_history_view, GAWAH, HISTORY_VIEW, GtkWidget)

GtkWidget  *gawah_history_view_new                (void);
void        gawah_history_view_set_incident       (GawahHistoryView *self,
                                                   GawahCasebook    *casebook,
                                                   gint64            incident_id);
guint       gawah_history_view_get_n_entries      (GawahHistoryView *self);
gboolean    gawah_history_view_get_intact         (GawahHistoryView *self);
const char *gawah_history_view_get_integrity_text (GawahHistoryView *self);
char       *gawah_history_describe_problem (const GawahAuditVerdict *verdict);
GtkWindow  *gawah_history_view_present            (GtkWidget        *parent,
                                                   GawahCasebook    *casebook,
                                                   gint64            incident_id);

G_END_DECLS
