/* gawah-xml.h: reading XML safely, and walking it
 *
 * Every document Gawah reads may come from elsewhere, so every parse here
 * refuses the network, DTD loading, entity substitution and "huge" mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "gawah-language.h"

G_BEGIN_DECLS

#define GAWAH_XML_SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

xmlDoc     *gawah_xml_read_bytes        (GBytes      *bytes,
                                         const char  *name,
                                         GError     **error);
xmlDoc     *gawah_xml_read_resource     (const char  *path,
                                         GError     **error);
gboolean    gawah_xml_validate          (xmlDoc      *doc,
                                         const char  *schema_resource,
                                         const char  *name,
                                         GError     **error);

gboolean    gawah_xml_is                (xmlNode     *node,
                                         const char  *ns,
                                         const char  *name);
char       *gawah_xml_get_attr          (xmlNode     *node,
                                         const char  *name);
gboolean    gawah_xml_attr_is_false     (xmlNode     *node,
                                         const char  *name);
char       *gawah_xml_get_content       (xmlNode     *node);
gboolean    gawah_xml_read_text         (xmlNode     *node,
                                         GawahText   *text);
char      **gawah_xml_get_attr_list     (xmlNode     *node,
                                         const char  *name);
int         gawah_xml_doctype_line      (const char  *data,
                                         gsize        size);

#define gawah_xml_foreach_element(child, parent) \
  for (xmlNode *child = (parent)->children; child != NULL; child = child->next) \
    if (child->type == XML_ELEMENT_NODE)

G_END_DECLS
