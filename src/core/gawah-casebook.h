/* gawah-casebook.h: one encrypted casebook file, and everything in it
 *
 * Every save validates first (a GError names the field and the value) and
 * writes in one transaction: a record is stored whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-records.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_CASEBOOK (gawah_casebook_get_type ())

G_DECLARE_FINAL_TYPE (GawahCasebook, gawah_casebook, GAWAH, CASEBOOK, GObject)

GawahCasebook *gawah_casebook_create              (const char            *path,
                                                   const char            *passphrase,
                                                   GError               **error);
GawahCasebook *gawah_casebook_open                (const char            *path,
                                                   const char            *passphrase,
                                                   GError               **error);
const char    *gawah_casebook_get_path            (GawahCasebook         *self);
typedef gboolean (*GawahCasebookWork) (GawahCasebook  *self,
                                       gpointer        user_data,
                                       GError        **error);

gboolean       gawah_casebook_run_in_transaction  (GawahCasebook         *self,
                                                   GawahCasebookWork      work,
                                                   gpointer               user_data,
                                                   GError               **error);
gboolean       gawah_casebook_check_integrity     (GawahCasebook         *self,
                                                   GPtrArray            **problems,
                                                   GError               **error);

/* Incidents */
gboolean       gawah_casebook_save_incident       (GawahCasebook         *self,
                                                   GawahIncident         *incident,
                                                   GError               **error);
GawahIncident *gawah_casebook_get_incident        (GawahCasebook         *self,
                                                   gint64                 id,
                                                   GError               **error);
gint64         gawah_casebook_find_incident       (GawahCasebook         *self,
                                                   const char            *id_or_uuid,
                                                   GError               **error);
gboolean       gawah_casebook_delete_incident     (GawahCasebook         *self,
                                                   gint64                 id,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_incidents      (GawahCasebook         *self,
                                                   guint                  offset,
                                                   guint                  limit,
                                                   GError               **error);
gint64         gawah_casebook_count_incidents     (GawahCasebook         *self,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_incidents_of_person (GawahCasebook    *self,
                                                   gint64                 person_id,
                                                   GError               **error);

/* People */
gboolean       gawah_casebook_save_person         (GawahCasebook         *self,
                                                   GawahPerson           *person,
                                                   GError               **error);
GawahPerson   *gawah_casebook_get_person          (GawahCasebook         *self,
                                                   gint64                 id,
                                                   GError               **error);
gint64         gawah_casebook_find_person_by_name (GawahCasebook         *self,
                                                   const char            *name,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_people         (GawahCasebook         *self,
                                                   GError               **error);

/* Acts: who did what to whom */
gboolean       gawah_casebook_save_act            (GawahCasebook         *self,
                                                   GawahAct              *act,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_acts           (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
gboolean       gawah_casebook_delete_act          (GawahCasebook         *self,
                                                   gint64                 act_id,
                                                   GError               **error);

/* Chronology, follow-up, sources, evidence, links */
gboolean       gawah_casebook_save_chronology_entry (GawahCasebook       *self,
                                                   GawahChronologyEntry  *entry,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_chronology     (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
gboolean       gawah_casebook_save_follow_up      (GawahCasebook         *self,
                                                   GawahFollowUp         *follow_up,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_follow_ups     (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
gboolean       gawah_casebook_save_source         (GawahCasebook         *self,
                                                   GawahSource           *source,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_sources        (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
GawahEvidence *gawah_casebook_attach_evidence     (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   gint64                 source_id,
                                                   const char            *file_name,
                                                   const char            *media_type,
                                                   GBytes                *content,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_evidence       (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
GBytes        *gawah_casebook_read_evidence       (GawahCasebook         *self,
                                                   gint64                 evidence_id,
                                                   GError               **error);
gboolean       gawah_casebook_save_link           (GawahCasebook         *self,
                                                   GawahIncidentLink     *link,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_links          (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);

/* Legal mapping */
gboolean       gawah_casebook_refresh_suggestions (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
gboolean       gawah_casebook_decide_provision    (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   const char            *provision_id,
                                                   GawahDecision          decision,
                                                   const char            *note,
                                                   GError               **error);
GPtrArray     *gawah_casebook_list_mappings       (GawahCasebook         *self,
                                                   gint64                 incident_id,
                                                   GError               **error);
GArray        *gawah_casebook_incidents_engaging  (GawahCasebook         *self,
                                                   const char            *provision_id,
                                                   gboolean               confirmed_only,
                                                   GError               **error);

/* Search */
GArray        *gawah_casebook_search_incidents    (GawahCasebook         *self,
                                                   const char            *text,
                                                   guint                  limit,
                                                   GError               **error);
GArray        *gawah_casebook_search_people       (GawahCasebook         *self,
                                                   const char            *text,
                                                   guint                  limit,
                                                   GError               **error);

G_END_DECLS
