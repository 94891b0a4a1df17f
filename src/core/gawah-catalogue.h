/* gawah-catalogue.h: the legal catalogue under data/catalogue/provisions.xml
 *
 * Instruments (the Constitution of Pakistan, treaties, declarations) with
 * Pakistan's status, and their provisions down to the clause.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-language.h"

G_BEGIN_DECLS

typedef struct {
  char     *type;       /* signed, ratified, acceded, in-force, adopted, enacted */
  char     *date;       /* YYYY-MM-DD */
  gboolean  verified;
} GawahStatusEvent;

typedef struct {
  char     **provision_ids;   /* the reservation's articles; may be empty */
  GawahText  text;
  gboolean   verified;
  gboolean   is_reservation;  /* FALSE: a note on status */
} GawahStatusNote;

typedef struct {
  char      *id;
  char      *instrument_id;
  char      *parent_id;       /* the article of a clause; NULL for an article */
  char      *number;          /* as printed: "10A", "14(2)" */
  GawahText  heading;
  GawahText  summary;
  gboolean   verified;
} GawahProvision;

typedef struct {
  char      *id;
  char      *kind;            /* constitution, treaty, declaration */
  GawahText  title;
  GawahText  short_title;
  GPtrArray *events;          /* GawahStatusEvent */
  GPtrArray *notes;           /* GawahStatusNote: reservations and notes */
  GPtrArray *provisions;      /* borrowed GawahProvision, document order */
} GawahInstrument;

typedef struct _GawahCatalogue GawahCatalogue;

GawahCatalogue        *gawah_catalogue_load               (GError         **error);
GawahCatalogue        *gawah_catalogue_get_default        (void);
GawahCatalogue        *gawah_catalogue_ref                (GawahCatalogue  *self);
void                   gawah_catalogue_unref              (GawahCatalogue  *self);
const GPtrArray       *gawah_catalogue_get_instruments    (GawahCatalogue  *self);
const GawahInstrument *gawah_catalogue_find_instrument    (GawahCatalogue  *self,
                                                           const char      *instrument_id);
const GawahProvision  *gawah_catalogue_find_provision     (GawahCatalogue  *self,
                                                           const char      *provision_id);
guint                  gawah_catalogue_get_order          (GawahCatalogue  *self,
                                                           const char      *provision_id);
int                    gawah_catalogue_compare            (GawahCatalogue  *self,
                                                           const char      *provision_a,
                                                           const char      *provision_b);
char                  *gawah_catalogue_dup_citation       (GawahCatalogue  *self,
                                                           const char      *provision_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahCatalogue, gawah_catalogue_unref)

G_END_DECLS
