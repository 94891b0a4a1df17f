/* gawah-backup.h: encrypted copies of a casebook, and restoring one
 *
 * A backup is a casebook file encrypted with the same key, named
 * STEM.backup-YYYYMMDD-HHMMSS-UUUUUU.gawah (UTC) in a folder of backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-audit.h"
#include "gawah-casebook.h"

G_BEGIN_DECLS

typedef struct {
  char      *path;
  GDateTime *made_at;      /* UTC, from the file's name */
} GawahBackupInfo;

typedef struct {
  GPtrArray         *problems;   /* of char *: integrity and search index problems */
  GawahAuditVerdict *audit;
  int                version;    /* the backup's format (user_version) */
} GawahBackupReport;

void        gawah_backup_info_free      (GawahBackupInfo   *info);
void        gawah_backup_report_free    (GawahBackupReport *report);

char       *gawah_backup_default_dir    (void);
char       *gawah_casebook_backup       (GawahCasebook     *self,
                                         const char        *dir,
                                         GError           **error);
GPtrArray  *gawah_backup_list           (const char        *dir,
                                         const char        *casebook_path,
                                         GError           **error);
gboolean    gawah_backup_prune          (const char        *dir,
                                         const char        *casebook_path,
                                         guint              keep,
                                         GError           **error);
gboolean    gawah_backup_is_due         (const char        *dir,
                                         const char        *casebook_path,
                                         guint              every_hours,
                                         GDateTime         *now);
GawahBackupReport *gawah_backup_verify  (const char        *backup_path,
                                         const char        *passphrase,
                                         GError           **error);
gboolean    gawah_backup_restore        (const char        *backup_path,
                                         const char        *casebook_path,
                                         const char        *passphrase,
                                         const char        *safety_dir,
                                         char             **safety_backup,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahBackupInfo, gawah_backup_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahBackupReport, gawah_backup_report_free)

G_END_DECLS
