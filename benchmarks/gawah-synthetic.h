/* gawah-synthetic.h: a made-up casebook, big and reproducible, for benchmarks
 *
 * Nothing here is real: names, places and stories are drawn from small
 * word lists by a seeded generator, so that the same seed always gives the
 * same records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"

G_BEGIN_DECLS

/* For every incident, on average: 1.5 people, 2.5 acts, 4 chronology entries. */
#define GAWAH_SYNTHETIC_PEOPLE_PER_INCIDENT      1.5
#define GAWAH_SYNTHETIC_ACTS_PER_INCIDENT        2.5
#define GAWAH_SYNTHETIC_CHRONOLOGY_PER_INCIDENT  4

typedef struct _GawahSynthetic GawahSynthetic;

GawahSynthetic       *gawah_synthetic_new              (guint32          seed);
void                  gawah_synthetic_free             (GawahSynthetic  *self);

/* Records as the store API takes them, not saved yet. */
GawahIncident        *gawah_synthetic_make_incident    (GawahSynthetic  *self);
GawahPerson          *gawah_synthetic_make_victim      (GawahSynthetic  *self);
GawahPerson          *gawah_synthetic_make_perpetrator (GawahSynthetic  *self);
GawahChronologyEntry *gawah_synthetic_make_chronology  (GawahSynthetic  *self,
                                                        gint64           incident_id);

/* @n_incidents incidents with their people, acts and chronology, saved
 * through the store API in transactions of @batch incidents each;
 * @progress (may be NULL) hears how many incidents are done. */
typedef void (*GawahSyntheticProgress) (guint done, guint total, gpointer user_data);

gboolean              gawah_synthetic_fill             (GawahSynthetic          *self,
                                                        GawahCasebook           *casebook,
                                                        guint                    n_incidents,
                                                        guint                    batch,
                                                        GawahSyntheticProgress   progress,
                                                        gpointer                 user_data,
                                                        GError                 **error);

/* Words to search for: in nearly every incident, and in about one in a thousand. */
extern const char *const gawah_synthetic_common_terms[];
extern const char *const gawah_synthetic_rare_terms[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahSynthetic, gawah_synthetic_free)

G_END_DECLS
