/* gawah-vocabulary.h: the coded vocabularies under data/vocabularies
 *
 * The casebook stores codes; people read labels in their own language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-language.h"

G_BEGIN_DECLS

typedef struct {
  char      *code;
  char      *parent_code;   /* the province of a district; NULL at the top */
  GawahText  label;
  GawahText  note;
  gboolean   verified;
} GawahTerm;

typedef struct _GawahVocabulary GawahVocabulary;
typedef struct _GawahVocabularies GawahVocabularies;

/* Every vocabulary a field can name. */
#define GAWAH_VOCAB_ACT_TYPE           "act-type"
#define GAWAH_VOCAB_HRD_CATEGORY       "hrd-category"
#define GAWAH_VOCAB_PERPETRATOR_TYPE   "perpetrator-type"
#define GAWAH_VOCAB_INVOLVEMENT        "involvement"
#define GAWAH_VOCAB_LAW                "law"
#define GAWAH_VOCAB_PROVINCE           "province"
#define GAWAH_VOCAB_VERIFICATION       "verification"
#define GAWAH_VOCAB_CONFIDENTIALITY    "confidentiality"
#define GAWAH_VOCAB_CASE_STATUS        "case-status"
#define GAWAH_VOCAB_SEX                "sex"
#define GAWAH_VOCAB_PERSON_KIND        "person-kind"
#define GAWAH_VOCAB_FOLLOW_UP_BODY     "follow-up-body"
#define GAWAH_VOCAB_FOLLOW_UP_TYPE     "follow-up-type"
#define GAWAH_VOCAB_FOLLOW_UP_STATUS   "follow-up-status"
#define GAWAH_VOCAB_CHRONOLOGY_STEP    "chronology-step"
#define GAWAH_VOCAB_SOURCE_TYPE        "source-type"
#define GAWAH_VOCAB_SOURCE_RELIABILITY "source-reliability"
#define GAWAH_VOCAB_CREDIBILITY        "information-credibility"
#define GAWAH_VOCAB_LINK_TYPE          "link-type"

GawahVocabularies     *gawah_vocabularies_load        (GError                 **error);
GawahVocabularies     *gawah_vocabularies_get_default (void);
GawahVocabularies     *gawah_vocabularies_ref         (GawahVocabularies       *self);
void                   gawah_vocabularies_unref       (GawahVocabularies       *self);
GPtrArray             *gawah_vocabularies_list_ids    (GawahVocabularies       *self);
const GawahVocabulary *gawah_vocabularies_find        (GawahVocabularies       *self,
                                                       const char              *vocabulary_id);
const GawahTerm       *gawah_vocabularies_lookup      (GawahVocabularies       *self,
                                                       const char              *vocabulary_id,
                                                       const char              *code);
gboolean               gawah_vocabularies_check       (GawahVocabularies       *self,
                                                       const char              *vocabulary_id,
                                                       const char              *code,
                                                       const char              *field,
                                                       GError                 **error);
const char            *gawah_vocabularies_label       (GawahVocabularies       *self,
                                                       const char              *vocabulary_id,
                                                       const char              *code);

const char            *gawah_vocabulary_get_id        (const GawahVocabulary   *vocabulary);
const GawahText       *gawah_vocabulary_get_title     (const GawahVocabulary   *vocabulary);
const GPtrArray       *gawah_vocabulary_get_terms     (const GawahVocabulary   *vocabulary);
const GawahTerm       *gawah_vocabulary_lookup        (const GawahVocabulary   *vocabulary,
                                                       const char              *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahVocabularies, gawah_vocabularies_unref)

G_END_DECLS
