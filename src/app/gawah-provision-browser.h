/* gawah-provision-browser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gawah-casebook.h"
#include "gawah-catalogue.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_PROVISION_BROWSER (gawah_provision_browser_get_type ())

G_DECLARE_FINAL_TYPE (GawahProvisionBrowser, gawah_provision_browser, GAWAH, PROVISION_BROWSER, GtkWidget)

GtkWidget *gawah_provision_browser_new          (void);
void       gawah_provision_browser_set_casebook (GawahProvisionBrowser *self,
                                                 GawahCasebook         *casebook);

/* Shared with the mapping panel: how a provision is searched and labelled. */
char      *gawah_provision_dup_search_key       (const GawahProvision  *provision,
                                                 gboolean               with_summary);
gboolean   gawah_search_key_matches             (const char            *key,
                                                 const char            *query);
gboolean   gawah_provision_is_unverified        (const GawahProvision  *provision);
GtkWidget *gawah_tag_new                        (const char            *text,
                                                 const char            *css_class,
                                                 const char            *tooltip);

G_END_DECLS
