/* crash-common.h: what the crash worker writes and the crash test expects
 *
 * Every record the worker makes carries a name or UUID derived from the
 * number of the change in the side log, so that the test can find each
 * change's rows in the casebook and say whether it is there whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The change types, as the side log names them. */
#define CRASH_OP_IMPORT "IMPORT"   /* IMPORT: the sample document, its ids renumbered */
#define CRASH_OP_ADD    "ADD"      /* ADD: a person, an incident and two acts */
#define CRASH_OP_EDIT   "EDIT"     /* EDIT m: incident m's title, plus a chronology entry */
#define CRASH_OP_DELETE "DELETE"   /* DELETE m: incident m, its acts with it */
#define CRASH_OP_DECIDE "DECIDE"   /* DECIDE m provision: a reviewer's decision */

#define CRASH_ADDED_INCIDENT_PREFIX "a00d0000-"

char   *crash_added_incident_uuid  (guint64 n);
char   *crash_added_person_uuid    (guint64 n);
char   *crash_added_title          (guint64 n);
char   *crash_person_name          (guint64 n);
char   *crash_edited_title         (guint64 added,
                                    guint64 n);
char   *crash_chronology_text      (guint64 n);
char   *crash_decision_note        (guint64 n);
char   *crash_import_uuid_prefix   (guint64 n);
GBytes *crash_renumber_document    (GBytes  *document,
                                    guint64  n);
guint   crash_count_document_ids   (GBytes  *document);

G_END_DECLS
