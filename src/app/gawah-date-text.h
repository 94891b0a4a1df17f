/* gawah-date-text.h: partial dates as people read them, in English or Urdu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-date.h"

G_BEGIN_DECLS

const char *gawah_month_name     (guint                   month);
char       *gawah_describe_date  (const GawahPartialDate *date);
char       *gawah_describe_dates (const GawahPartialDate *start,
                                  const GawahPartialDate *end,
                                  gboolean                ongoing);

G_END_DECLS
