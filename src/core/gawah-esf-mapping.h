/* gawah-esf-mapping.h: data/exchange/esf-mapping.xml, and the ESF document as read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gawah-esf.h"
#include "gawah-vocabulary.h"

G_BEGIN_DECLS

typedef struct _GawahEsfMapping GawahEsfMapping;

typedef struct _GawahEsfField GawahEsfField;
struct _GawahEsfField {
  char      *element;
  char      *use;
  char      *map;          /* a map id, or NULL */
  char      *list;         /* the micro-thesaurus of its codes, or NULL */
  char      *precision;    /* the sibling element giving a date's type */
  gboolean   required;
  GPtrArray *children;     /* GawahEsfField of an extension */
};

typedef struct {
  char      *element;
  char      *kind;
  GPtrArray *fields;       /* GawahEsfField */
} GawahEsfRecordSpec;

GawahEsfMapping          *gawah_esf_mapping_load          (GError                   **error);
void                      gawah_esf_mapping_free          (GawahEsfMapping           *mapping);
const GawahEsfRecordSpec *gawah_esf_mapping_find_record   (GawahEsfMapping           *mapping,
                                                           const char                *element);
const GawahEsfField      *gawah_esf_fields_find           (GPtrArray                 *fields,
                                                           const char                *element);
const char               *gawah_esf_mapping_label         (GawahEsfMapping           *mapping,
                                                           const char                *list,
                                                           const char                *code);
gboolean                  gawah_esf_mapping_translate     (GawahEsfMapping           *mapping,
                                                           const char                *map_id,
                                                           const char                *code,
                                                           const char               **to,
                                                           gboolean                  *reverse,
                                                           gboolean                  *exact);
gboolean                  gawah_esf_mapping_check         (GawahEsfMapping           *mapping,
                                                           GawahVocabularies         *vocabularies,
                                                           GError                   **error);

/* One value of an ESF record: a field, or a field of one of its extensions. */
typedef struct {
  const GawahEsfField *field;
  char                *path;     /* "arrest/type_of_detention" inside an extension */
  char                *text;
  guint                line;
} GawahEsfValue;

typedef struct _GawahEsfRecord GawahEsfRecord;
struct _GawahEsfRecord {
  const GawahEsfRecordSpec *spec;
  GawahEsfRecord           *parent;
  char                     *number;
  guint                     line;
  GPtrArray                *values;    /* GawahEsfValue */
  GPtrArray                *children;  /* GawahEsfRecord */
  gint64                    saved_id;  /* the Gawah record it became, once written */
};

void       gawah_esf_record_free        (GawahEsfRecord    *record);
char      *gawah_esf_record_describe    (const GawahEsfRecord *record);
GPtrArray *gawah_esf_read_document      (GawahEsfMapping   *mapping,
                                         GBytes            *document,
                                         const char        *name,
                                         GawahEsfReport    *report,
                                         GCancellable      *cancellable,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahEsfMapping, gawah_esf_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahEsfRecord, gawah_esf_record_free)

G_END_DECLS
