/* gawah-test-utils.h: what every core test needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"

G_BEGIN_DECLS

#define TEST_PASSPHRASE "correct horse battery staple"

typedef struct {
  char          *dir;        /* a fresh temporary folder, removed afterwards */
  char          *path;       /* dir/test.gawah */
  GawahCasebook *casebook;   /* created, empty, open */
} CasebookFixture;

void            casebook_fixture_set_up    (CasebookFixture *fixture,
                                            gconstpointer    data);
void            casebook_fixture_tear_down (CasebookFixture *fixture,
                                            gconstpointer    data);
void            casebook_fixture_import_sample (CasebookFixture *fixture);

char           *test_make_temp_dir         (void);
void            test_remove_dir            (const char      *dir);
gint64          test_count_rows            (GawahCasebook   *casebook,
                                            const char      *table);
char           *test_source_path           (const char      *relative);
gint64          test_add_person            (GawahCasebook   *casebook,
                                            const char      *name_latin,
                                            const char      *name_urdu,
                                            const char      *category);
gint64          test_add_incident          (GawahCasebook   *casebook,
                                            const char      *title);
gint64          test_add_act               (GawahCasebook   *casebook,
                                            gint64           incident_id,
                                            gint64           victim_id,
                                            const char      *act_type,
                                            const char      *law);
/* RLIMIT_FSIZE stands in for a full disk: writes past @bytes fail (and
 * SIGXFSZ is ignored, so that the store sees the failed write instead of
 * the process being killed); a negative @bytes lifts the limit. */
void            test_limit_file_size       (gint64           bytes);

G_END_DECLS
