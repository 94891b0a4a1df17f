/* gawah-records.h: the records of a casebook ("who did what to whom")
 *
 * Plain structures, filled by GawahCasebook and given back to it to save.
 * An id of 0 means "not saved yet"; uuid is what leaves the machine.
 * Vocabulary fields hold codes (see docs/DATA-CONVENTIONS.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-date.h"

G_BEGIN_DECLS

typedef struct {
  gint64            id;
  char             *uuid;
  char             *title;
  char             *summary;
  GawahPartialDate  start;
  GawahPartialDate  end;
  gboolean          ongoing;
  char             *province;
  char             *district;
  char             *place;
  char             *verification;
  char             *confidentiality;
  char             *status;
  char             *created_at;
  char             *updated_at;
} GawahIncident;

/* Victims, perpetrators, sources and intervening parties are all persons:
 * an institution (the FIA, "unknown gunmen") is a person of kind institution. */
typedef struct {
  gint64  id;
  char   *uuid;
  char   *kind;
  char   *name_latin;
  char   *name_urdu;
  char   *other_names;
  char   *sex;
  char  **categories;         /* hrd-category codes */
  char   *perpetrator_type;
  char   *organisation;
  char   *ethnicity;          /* sensitive */
  char   *religion;           /* sensitive */
  char   *contact;            /* sensitive */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} GawahPerson;

typedef struct {
  gint64  perpetrator_id;
  char   *degree;             /* involvement code */
} GawahInvolvement;

typedef struct {
  gint64            id;
  char             *uuid;
  gint64            incident_id;
  gint64            victim_id;
  char             *act_type;
  GawahPartialDate  start;
  GawahPartialDate  end;
  char             *outcome;
  GPtrArray        *involvements;   /* GawahInvolvement */
  char            **laws;           /* law codes */
  char             *created_at;
  char             *updated_at;
} GawahAct;

typedef struct {
  gint64            id;
  char             *uuid;
  gint64            incident_id;
  GawahPartialDate  date;
  char             *step;
  char             *description;
  char             *created_at;
  char             *updated_at;
} GawahChronologyEntry;

typedef struct {
  gint64            id;
  char             *uuid;
  gint64            incident_id;
  char             *body;
  char             *action_type;
  char             *status;
  GawahPartialDate  date;
  GawahPartialDate  due;
  char             *description;
  char             *response;
  char             *created_at;
  char             *updated_at;
} GawahFollowUp;

typedef struct {
  gint64            id;
  char             *uuid;
  gint64            incident_id;
  gint64            person_id;      /* 0 unless the source is a person in the casebook */
  char             *source_type;
  char             *reliability;
  char             *credibility;
  GawahPartialDate  obtained;
  char             *description;
  char             *created_at;
  char             *updated_at;
} GawahSource;

typedef struct {
  gint64  id;
  char   *uuid;
  gint64  incident_id;
  gint64  source_id;                /* 0 when not tied to a source */
  char   *file_name;
  char   *media_type;
  gint64  size;
  char   *sha256;
  char   *created_at;
} GawahEvidence;

typedef struct {
  gint64  id;
  char   *uuid;
  gint64  from_incident_id;
  gint64  to_incident_id;
  char   *link_type;
  char   *note;
  char   *created_at;
  char   *updated_at;
} GawahIncidentLink;

/* A provision engaged by an incident: suggested by rules, decided by a reviewer. */
typedef enum {
  GAWAH_DECISION_PENDING,
  GAWAH_DECISION_CONFIRMED,
  GAWAH_DECISION_REJECTED,
} GawahDecision;

typedef struct {
  gint64         id;
  char          *uuid;
  gint64         incident_id;
  char          *provision_id;
  char          *role;              /* violation or remedy */
  char         **rule_ids;          /* empty when no rule suggests it (any more) */
  gboolean       added_by_reviewer;
  GawahDecision  decision;
  char          *note;
  char          *decided_at;
} GawahProvisionMapping;

GawahIncident         *gawah_incident_new            (void);
void                   gawah_incident_free           (GawahIncident         *incident);
GawahPerson           *gawah_person_new              (void);
void                   gawah_person_free             (GawahPerson           *person);
const char            *gawah_person_get_display_name (const GawahPerson     *person);
char                  *gawah_person_dup_both_names   (const GawahPerson     *person);
GawahAct              *gawah_act_new                 (void);
void                   gawah_act_free                (GawahAct              *act);
void                   gawah_act_add_involvement     (GawahAct              *act,
                                                      gint64                 perpetrator_id,
                                                      const char            *degree);
GawahChronologyEntry  *gawah_chronology_entry_new    (void);
void                   gawah_chronology_entry_free   (GawahChronologyEntry  *entry);
GawahFollowUp         *gawah_follow_up_new           (void);
void                   gawah_follow_up_free          (GawahFollowUp         *follow_up);
GawahSource           *gawah_source_new              (void);
void                   gawah_source_free             (GawahSource           *source);
void                   gawah_evidence_free           (GawahEvidence         *evidence);
GawahIncidentLink     *gawah_incident_link_new       (void);
void                   gawah_incident_link_free      (GawahIncidentLink     *link);
void                   gawah_provision_mapping_free  (GawahProvisionMapping *mapping);
const char            *gawah_decision_to_code        (GawahDecision          decision);
gboolean               gawah_decision_from_code      (const char            *code,
                                                      GawahDecision         *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahIncident, gawah_incident_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahPerson, gawah_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahAct, gawah_act_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahChronologyEntry, gawah_chronology_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahFollowUp, gawah_follow_up_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahSource, gawah_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahEvidence, gawah_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahIncidentLink, gawah_incident_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahProvisionMapping, gawah_provision_mapping_free)

G_END_DECLS
