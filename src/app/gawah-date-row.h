/* gawah-date-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-date.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_DATE_ROW (gawah_date_row_get_type ())

G_DECLARE_FINAL_TYPE (GawahDateRow, gawah_date_row, GAWAH, DATE_ROW, AdwPreferencesRow)

GtkWidget *gawah_date_row_new            (const char             *title,
                                          const char             *field_name);
gboolean   gawah_date_row_get_date       (GawahDateRow           *self,
                                          GawahPartialDate       *date,
                                          GError                **error);
void       gawah_date_row_set_date       (GawahDateRow           *self,
                                          const GawahPartialDate *date);
char      *gawah_date_row_dup_field_name (GawahDateRow           *self);
void       gawah_date_row_set_field_name (GawahDateRow           *self,
                                          const char             *field_name);
void       gawah_date_row_show_error     (GawahDateRow           *self,
                                          const char             *message);

G_END_DECLS
