/* gawah-field-message.h: an invalid field says what to fix, under itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     gawah_field_show_message   (GtkWidget  *field,
                                     const char *message);
gboolean gawah_message_names_field  (const char *message,
                                     const char *field_name);

char    *gawah_save_status_text     (const GError *error);

G_END_DECLS
