/* gawah-vocabulary-dropdown.h: a GtkDropDown over a vocabulary, for filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        gawah_vocabulary_dropdown_setup    (GtkDropDown *dropdown,
                                                const char  *vocabulary_id,
                                                const char  *any_label);
const char *gawah_vocabulary_dropdown_get_code (GtkDropDown *dropdown);

G_END_DECLS
