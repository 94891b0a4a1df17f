/* gawah-date-text.h: partial dates and places as people read them, in
 * English or Urdu
 *
 * The _in() variants take the report's translator; the others speak the
 * interface language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gawah-date.h"
#include "gawah-translator.h"

G_BEGIN_DECLS

const char *gawah_month_name        (guint                   month);
char       *gawah_describe_date     (const GawahPartialDate *date);
char       *gawah_describe_dates    (const GawahPartialDate *start,
                                     const GawahPartialDate *end,
                                     gboolean                ongoing);
char       *gawah_describe_place    (const char             *place,
                                     const char             *district,
                                     const char             *province);

const char *gawah_month_name_in     (const GawahTranslator  *translator,
                                     guint                   month);
char       *gawah_describe_date_in  (const GawahTranslator  *translator,
                                     const GawahPartialDate *date);
char       *gawah_describe_dates_in (const GawahTranslator  *translator,
                                     const GawahPartialDate *start,
                                     const GawahPartialDate *end,
                                     gboolean                ongoing);
char       *gawah_describe_place_in (const GawahTranslator  *translator,
                                     const char             *place,
                                     const char             *district,
                                     const char             *province);

G_END_DECLS
