/* gawah-backup-schedule.h: automatic backups as the preferences say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-casebook.h"

G_BEGIN_DECLS

char     *gawah_backup_schedule_folder     (GSettings      *settings);
char     *gawah_backup_schedule_actor      (GSettings      *settings);
gboolean  gawah_backup_schedule_run        (GawahCasebook  *casebook,
                                            GSettings      *settings,
                                            gboolean        closing,
                                            char          **made,
                                            GError        **error);

G_END_DECLS
