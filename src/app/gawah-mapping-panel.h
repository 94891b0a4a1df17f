/* gawah-mapping-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_MAPPING_PANEL (gawah_mapping_panel_get_type ())

G_DECLARE_FINAL_TYPE (GawahMappingPanel, gawah_mapping_panel, GAWAH, MAPPING_PANEL, GtkWidget)

GtkWidget *gawah_mapping_panel_new          (void);
void       gawah_mapping_panel_set_incident (GawahMappingPanel *self,
                                             GawahCasebook     *casebook,
                                             gint64             incident_id);

G_END_DECLS
