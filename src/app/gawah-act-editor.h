/* gawah-act-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_ACT_EDITOR (gawah_act_editor_get_type ())

G_DECLARE_FINAL_TYPE (GawahActEditor, gawah_act_editor, GAWAH, ACT_EDITOR, AdwWindow)

GtkWidget *gawah_act_editor_new        (GawahCasebook  *casebook,
                                        gint64          incident_id,
                                        gint64          act_id);
gint64     gawah_act_editor_get_act_id (GawahActEditor *self);
gboolean   gawah_act_editor_flush      (GawahActEditor *self);

G_END_DECLS
