/* gawah-case-file-private.h: what the case report and the UN draft read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-case-report.h"
#include "gawah-translator.h"

G_BEGIN_DECLS

struct _GawahCaseFile
{
  char          *casebook_name;
  GawahIncident *incident;
  GHashTable    *people;        /* gint64 id → GawahPerson */
  GPtrArray     *acts;          /* GawahAct, in the order they happened */
  GPtrArray     *chronology;    /* GawahChronologyEntry */
  GPtrArray     *follow_ups;    /* GawahFollowUp */
  GPtrArray     *sources;       /* GawahSource */
  GPtrArray     *evidence;      /* GawahEvidence */
  GPtrArray     *mappings;      /* GawahProvisionMapping: confirmed, then suggested, then rejected */
};

const GawahPerson *gawah_case_file_person      (const GawahCaseFile   *file,
                                                gint64                 person_id);
char              *gawah_case_file_person_name (const GawahCaseFile   *file,
                                                gint64                 person_id);
char              *gawah_case_file_citation    (const GawahTranslator *translator,
                                                const char            *provision_id);
char              *gawah_casebook_display_name (GawahCasebook       *casebook);
char              *gawah_join_labels           (const GawahTranslator *translator,
                                                const char            *vocabulary_id,
                                                char                 **codes);

G_END_DECLS
