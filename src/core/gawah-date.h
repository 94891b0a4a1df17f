/* gawah-date.h: partial dates, as documentalists know them
 *
 * "March 2019", "2015", "around 12 May 2020", "unknown": a date is kept with
 * the precision the source gives, never padded into false exactness.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GAWAH_PRECISION_UNKNOWN,
  GAWAH_PRECISION_DAY,
  GAWAH_PRECISION_MONTH,
  GAWAH_PRECISION_YEAR,
  GAWAH_PRECISION_APPROXIMATE,
} GawahPrecision;

typedef struct {
  guint16        year;    /* 0 when unknown */
  guint8         month;   /* 0 when not given */
  guint8         day;     /* 0 when not given */
  GawahPrecision precision;
} GawahPartialDate;

const char *gawah_precision_to_code        (GawahPrecision          precision);
gboolean    gawah_precision_from_code      (const char             *code,
                                            GawahPrecision         *precision);

gboolean    gawah_partial_date_parse       (const char             *iso,
                                            const char             *precision_code,
                                            const char             *field,
                                            GawahPartialDate       *date,
                                            GError                **error);
gboolean    gawah_partial_date_parse_text  (const char             *text,
                                            const char             *field,
                                            GawahPartialDate       *date,
                                            GError                **error);
gboolean    gawah_partial_date_validate    (const GawahPartialDate *date,
                                            const char             *field,
                                            GError                **error);
char       *gawah_partial_date_to_iso      (const GawahPartialDate *date);
char       *gawah_partial_date_to_display  (const GawahPartialDate *date);
gboolean    gawah_partial_date_is_known    (const GawahPartialDate *date);
int         gawah_partial_date_compare     (const GawahPartialDate *a,
                                            const GawahPartialDate *b);

G_END_DECLS
