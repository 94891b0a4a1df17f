/* gawah-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAWAH_TYPE_APPLICATION (gawah_application_get_type ())

G_DECLARE_FINAL_TYPE (GawahApplication, gawah_application, GAWAH, APPLICATION, AdwApplication)

GawahApplication *gawah_application_new                       (void);
void              gawah_application_apply_language_preference (void);
GSettings        *gawah_application_get_settings              (GawahApplication *self);

G_END_DECLS
