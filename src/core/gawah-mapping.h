/* gawah-mapping.h: from "who did what to whom" to the provisions engaged
 *
 * The rules are data (data/catalogue/mapping-rules.xml): an act type, the
 * victim's category or a law invoked engages provisions, for a stated reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-language.h"

G_BEGIN_DECLS

typedef struct {
  char      *id;
  char     **act_types;          /* empty: any */
  char     **victim_categories;  /* empty: any */
  char     **laws;               /* empty: any */
  GawahText  reason;
  GPtrArray *engages;            /* GawahEngagement */
} GawahRule;

typedef struct {
  char *provision_id;
  char *role;                    /* violation or remedy */
} GawahEngagement;

/* What the engine looks at for one act. */
typedef struct {
  const char         *act_type;
  const char * const *victim_categories;
  const char * const *laws;
} GawahMappingInput;

typedef struct {
  char      *provision_id;
  char      *role;
  GPtrArray *rule_ids;           /* char*, each rule once */
} GawahSuggestion;

typedef struct _GawahMappingRules GawahMappingRules;

GawahMappingRules *gawah_mapping_rules_load        (GError                 **error);
GawahMappingRules *gawah_mapping_rules_get_default (void);
void               gawah_mapping_rules_unref       (GawahMappingRules       *self);
const GPtrArray   *gawah_mapping_rules_get_rules   (GawahMappingRules       *self);
const GawahRule   *gawah_mapping_rules_find        (GawahMappingRules       *self,
                                                    const char              *rule_id);
gboolean           gawah_rule_matches              (const GawahRule         *rule,
                                                    const GawahMappingInput *input);
GPtrArray         *gawah_mapping_rules_suggest     (GawahMappingRules       *self,
                                                    const GawahMappingInput *inputs,
                                                    guint                    n_inputs);
void               gawah_suggestion_free           (GawahSuggestion         *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahMappingRules, gawah_mapping_rules_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GawahSuggestion, gawah_suggestion_free)

G_END_DECLS
