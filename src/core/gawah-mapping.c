/* gawah-mapping.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "gawah-catalogue.h"
#include "gawah-error.h"
#include "gawah-mapping.h"
#include "gawah-xml.h"

#define MAPPING_NS "urn:gawah:mapping:1"
#define MAPPING_RESOURCE RESOURCE_PREFIX "/catalogue/mapping-rules.xml"

struct _GawahMappingRules
{
  GPtrArray *rules;   /* GawahRule, file order */
};

static void
engagement_free (GawahEngagement *engagement)
{
  g_free (engagement->provision_id);
  g_free (engagement->role);
  g_free (engagement);
}

static void
rule_free (GawahRule *rule)
{
  g_free (rule->id);
  g_strfreev (rule->act_types);
  g_strfreev (rule->victim_categories);
  g_strfreev (rule->laws);
  gawah_text_clear (&rule->reason);
  g_ptr_array_unref (rule->engages);
  g_free (rule);
}

void
gawah_suggestion_free (GawahSuggestion *suggestion)
{
  g_free (suggestion->provision_id);
  g_free (suggestion->role);
  g_ptr_array_unref (suggestion->rule_ids);
  g_free (suggestion);
}

static GawahEngagement *
parse_engagement (xmlNode *node)
{
  GawahEngagement *engagement = g_new0 (GawahEngagement, 1);

  engagement->provision_id = gawah_xml_get_attr (node, "provision");
  engagement->role = gawah_xml_get_attr (node, "role");
  if (engagement->role == NULL)
    engagement->role = g_strdup ("violation");
  return engagement;
}

static GawahRule *
parse_rule (xmlNode *node)
{
  GawahRule *rule = g_new0 (GawahRule, 1);

  rule->id = gawah_xml_get_attr (node, "id");
  rule->engages = g_ptr_array_new_with_free_func ((GDestroyNotify) engagement_free);
  gawah_xml_foreach_element (child, node)
    {
      if (gawah_xml_is (child, MAPPING_NS, "when"))
        {
          rule->act_types = gawah_xml_get_attr_list (child, "act-type");
          rule->victim_categories = gawah_xml_get_attr_list (child, "victim-category");
          rule->laws = gawah_xml_get_attr_list (child, "law");
        }
      else if (gawah_xml_is (child, MAPPING_NS, "reason"))
        gawah_xml_read_text (child, &rule->reason);
      else if (gawah_xml_is (child, MAPPING_NS, "engages"))
        g_ptr_array_add (rule->engages, parse_engagement (child));
    }
  return rule;
}

/* A rule without conditions would engage its provisions for every act. */
static gboolean
rule_is_sound (const GawahRule  *rule,
               GError          **error)
{
  gboolean has_condition = rule->act_types != NULL &&
    (rule->act_types[0] != NULL || rule->victim_categories[0] != NULL || rule->laws[0] != NULL);

  if (rule->id == NULL || !has_condition)
    {
      /* not translated: only broken built-in data, a developer's error, can cause this */
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
                   "mapping-rules.xml: rule “%s” has no id or no condition", rule->id);
      return FALSE;
    }
  return TRUE;
}

GawahMappingRules *
gawah_mapping_rules_load (GError **error)
{
  g_autoptr(GawahMappingRules) self = g_new0 (GawahMappingRules, 1);
  g_autoptr(xmlDoc) doc = gawah_xml_read_resource (MAPPING_RESOURCE, error);

  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  if (doc == NULL)
    return NULL;

  gawah_xml_foreach_element (child, xmlDocGetRootElement (doc))
    {
      if (!gawah_xml_is (child, MAPPING_NS, "rule"))
        continue;
      g_ptr_array_add (self->rules, parse_rule (child));
      if (!rule_is_sound (g_ptr_array_index (self->rules, self->rules->len - 1), error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

GawahMappingRules *
gawah_mapping_rules_get_default (void)
{
  static GawahMappingRules *shared;

  if (g_once_init_enter (&shared))
    {
      g_autoptr(GError) error = NULL;
      GawahMappingRules *loaded = gawah_mapping_rules_load (&error);

      if (loaded == NULL)
        g_error ("Built-in mapping rules are broken: %s", error->message);
      g_once_init_leave (&shared, loaded);
    }
  return shared;
}

void
gawah_mapping_rules_unref (GawahMappingRules *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rules);
  g_free (self);
}

const GPtrArray *
gawah_mapping_rules_get_rules (GawahMappingRules *self)
{
  return self->rules;
}

const GawahRule *
gawah_mapping_rules_find (GawahMappingRules *self,
                          const char        *rule_id)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      const GawahRule *rule = g_ptr_array_index (self->rules, i);

      if (g_strcmp0 (rule->id, rule_id) == 0)
        return rule;
    }
  return NULL;
}

/* An empty condition accepts anything; a list accepts any one of its codes. */
static gboolean
condition_accepts (char * const       *accepted,
                   const char * const *given)
{
  if (accepted[0] == NULL)
    return TRUE;
  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) accepted, given[i]))
      return TRUE;
  return FALSE;
}

gboolean
gawah_rule_matches (const GawahRule         *rule,
                    const GawahMappingInput *input)
{
  const char *act_type[] = { input->act_type, NULL };

  return condition_accepts (rule->act_types, act_type) &&
         condition_accepts (rule->victim_categories, input->victim_categories) &&
         condition_accepts (rule->laws, input->laws);
}

static void
add_suggestion (GHashTable            *by_provision,
                GPtrArray             *suggestions,
                const GawahEngagement *engagement,
                const char            *rule_id)
{
  GawahSuggestion *suggestion = g_hash_table_lookup (by_provision, engagement->provision_id);

  if (suggestion == NULL)
    {
      suggestion = g_new0 (GawahSuggestion, 1);
      suggestion->provision_id = g_strdup (engagement->provision_id);
      suggestion->role = g_strdup (engagement->role);
      suggestion->rule_ids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (by_provision, suggestion->provision_id, suggestion);
      g_ptr_array_add (suggestions, suggestion);
    }
  /* A provision engaged as a violation by any rule is a violation. */
  if (g_str_equal (engagement->role, "violation") && !g_str_equal (suggestion->role, "violation"))
    {
      g_free (suggestion->role);
      suggestion->role = g_strdup ("violation");
    }
  if (!g_ptr_array_find_with_equal_func (suggestion->rule_ids, rule_id, g_str_equal, NULL))
    g_ptr_array_add (suggestion->rule_ids, g_strdup (rule_id));
}

static int
compare_by_catalogue_order (gconstpointer a,
                            gconstpointer b)
{
  const GawahSuggestion *sa = *(GawahSuggestion * const *) a;
  const GawahSuggestion *sb = *(GawahSuggestion * const *) b;

  return gawah_catalogue_compare (gawah_catalogue_get_default (), sa->provision_id, sb->provision_id);
}

/* The suggestions for all the acts of an incident, each provision once with
 * every rule that engaged it, in catalogue order. */
GPtrArray *
gawah_mapping_rules_suggest (GawahMappingRules       *self,
                             const GawahMappingInput *inputs,
                             guint                    n_inputs)
{
  g_autoptr(GHashTable) by_provision = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) gawah_suggestion_free);

  for (guint i = 0; i < n_inputs; i++)
    for (guint r = 0; r < self->rules->len; r++)
      {
        const GawahRule *rule = g_ptr_array_index (self->rules, r);

        if (!gawah_rule_matches (rule, &inputs[i]))
          continue;
        for (guint e = 0; e < rule->engages->len; e++)
          add_suggestion (by_provision, suggestions, g_ptr_array_index (rule->engages, e), rule->id);
      }

  g_ptr_array_sort (suggestions, compare_by_catalogue_order);
  return suggestions;
}
