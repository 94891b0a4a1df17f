/* gawah-date.c: partial dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gawah-date.h"
#include "gawah-error.h"
#include "gawah-language.h"

/* Indexed by GawahPrecision; these codes are stored in casebooks. */
static const char * const precision_codes[] = {
  "unknown", "day", "month", "year", "approximate",
};

const char *
gawah_precision_to_code (GawahPrecision precision)
{
  g_return_val_if_fail (precision <= GAWAH_PRECISION_APPROXIMATE, "unknown");
  return precision_codes[precision];
}

gboolean
gawah_precision_from_code (const char     *code,
                           GawahPrecision *precision)
{
  guint index;

  if (!gawah_code_index (precision_codes, G_N_ELEMENTS (precision_codes), code, &index))
    return FALSE;
  *precision = index;
  return TRUE;
}

static gboolean
set_invalid_date_error (GError     **error,
                        const char  *field,
                        const char  *value)
{
  g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
               /* Translators: %1$s is a field name such as “Start date”, %2$s the date as read (missing parts shown as 00). */
               _("%1$s: “%2$s” is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
               field, value);
  return FALSE;
}

/* Reads exactly n ASCII digits; strtol would accept signs and spaces. */
static gboolean
read_digits (const char **cursor,
             guint        n,
             guint       *value)
{
  guint result = 0;

  for (guint i = 0; i < n; i++)
    {
      char c = (*cursor)[i];

      if (c < '0' || c > '9')
        return FALSE;
      result = result * 10 + (guint) (c - '0');
    }
  *cursor += n;
  *value = result;
  return TRUE;
}

/* Splits "YYYY", "YYYY-MM" or "YYYY-MM-DD"; says how much was given. */
static gboolean
split_iso (const char     *iso,
           guint          *year,
           guint          *month,
           guint          *day,
           GawahPrecision *given)
{
  const char *cursor = iso;

  *month = *day = 0;
  if (!read_digits (&cursor, 4, year))
    return FALSE;
  *given = GAWAH_PRECISION_YEAR;
  if (*cursor == '\0')
    return TRUE;
  if (*cursor++ != '-' || !read_digits (&cursor, 2, month))
    return FALSE;
  *given = GAWAH_PRECISION_MONTH;
  if (*cursor == '\0')
    return TRUE;
  if (*cursor++ != '-' || !read_digits (&cursor, 2, day))
    return FALSE;
  *given = GAWAH_PRECISION_DAY;
  return *cursor == '\0';
}

/* Shown as given: a month-precise "2019-13" is not "2019-13-00", but a
 * day-precise "2019-01-00" is. */
static char *
describe_as_given (const GawahPartialDate *date)
{
  guint parts = date->precision == GAWAH_PRECISION_DAY ? 3 : date->precision == GAWAH_PRECISION_MONTH ? 2 : 1;

  if (date->day != 0)
    parts = 3;
  else if (date->month != 0)
    parts = MAX (parts, 2);
  if (parts == 3)
    return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
  if (parts == 2)
    return g_strdup_printf ("%04u-%02u", date->year, date->month);
  return g_strdup_printf ("%04u", date->year);
}

gboolean
gawah_partial_date_validate (const GawahPartialDate  *date,
                             const char              *field,
                             GError                 **error)
{
  g_autofree char *shown = NULL;

  if (date->precision == GAWAH_PRECISION_UNKNOWN)
    return TRUE;

  shown = describe_as_given (date);
  if (date->year < 1900 || date->year > 2200)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("%s: the year %u is outside 1900–2200"), field, date->year);
      return FALSE;
    }
  if (date->month > 12 || (date->precision == GAWAH_PRECISION_MONTH && date->month == 0))
    return set_invalid_date_error (error, field, shown);
  if (date->day != 0 &&
      (date->month == 0 || !g_date_valid_dmy (date->day, date->month, date->year)))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   /* Translators: %1$s is a field name, %2$s a date such as 2019-02-30. */
                   _("%1$s: %2$s does not exist in the calendar"), field, shown);
      return FALSE;
    }
  if (date->precision == GAWAH_PRECISION_DAY && date->day == 0)
    return set_invalid_date_error (error, field, shown);
  /* A month-precise date with a day, or a year with a month, would be
   * stored as more exact than the source said. */
  if ((date->precision == GAWAH_PRECISION_MONTH && date->day != 0) ||
      (date->precision == GAWAH_PRECISION_YEAR && (date->month != 0 || date->day != 0)))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   _("%1$s: “%2$s” does not have the precision “%3$s”"),
                   field, shown, gawah_precision_to_code (date->precision));
      return FALSE;
    }
  return TRUE;
}

gboolean
gawah_partial_date_parse (const char        *iso,
                          const char        *precision_code,
                          const char        *field,
                          GawahPartialDate  *date,
                          GError           **error)
{
  GawahPrecision precision, given;
  guint year, month, day;

  g_return_val_if_fail (field != NULL, FALSE);

  if (!gawah_precision_from_code (precision_code, &precision))
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a date precision (day, month, year, approximate, unknown)"),
                   field, precision_code != NULL ? precision_code : "");
      return FALSE;
    }

  *date = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  if (precision == GAWAH_PRECISION_UNKNOWN)
    {
      if (iso != NULL && *iso != '\0')
        {
          g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                       /* Translators: a date marked “unknown” was given a value all the same. */
                       _("%s: a date of unknown precision cannot have a value"), field);
          return FALSE;
        }
      return TRUE;
    }

  if (iso == NULL || !split_iso (iso, &year, &month, &day, &given))
    return set_invalid_date_error (error, field, iso != NULL ? iso : "");
  if (precision != GAWAH_PRECISION_APPROXIMATE && precision != given)
    {
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_INVALID,
                   /* Translators: %1$s is a field name, %2$s a date, %3$s a precision code. */
                   _("%1$s: “%2$s” does not have the precision “%3$s”"),
                   field, iso, precision_code);
      return FALSE;
    }

  *date = (GawahPartialDate) { year, month, day, precision };
  return gawah_partial_date_validate (date, field, error);
}

/* What people type: "2019-03-14", "2019-03", "2019", "~2019-03" (about),
 * or nothing at all (unknown). */
gboolean
gawah_partial_date_parse_text (const char        *text,
                               const char        *field,
                               GawahPartialDate  *date,
                               GError           **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  GawahPrecision given;
  guint year, month, day;
  gboolean approximate = trimmed[0] == '~';
  const char *iso = approximate ? trimmed + 1 : trimmed;

  *date = (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  if (*trimmed == '\0' || g_strcmp0 (trimmed, "unknown") == 0)
    return TRUE;
  if (!split_iso (iso, &year, &month, &day, &given))
    return set_invalid_date_error (error, field, trimmed);

  *date = (GawahPartialDate) { year, month, day,
                               approximate ? GAWAH_PRECISION_APPROXIMATE : given };
  return gawah_partial_date_validate (date, field, error);
}

char *
gawah_partial_date_to_iso (const GawahPartialDate *date)
{
  if (date->precision == GAWAH_PRECISION_UNKNOWN)
    return NULL;
  if (date->day != 0)
    return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
  if (date->month != 0)
    return g_strdup_printf ("%04u-%02u", date->year, date->month);
  return g_strdup_printf ("%04u", date->year);
}

/* The form the command line shows and accepts back: "~" marks an estimate. */
char *
gawah_partial_date_to_display (const GawahPartialDate *date)
{
  g_autofree char *iso = gawah_partial_date_to_iso (date);

  if (iso == NULL)
    return g_strdup (_("unknown date"));
  if (date->precision == GAWAH_PRECISION_APPROXIMATE)
    return g_strconcat ("~", iso, NULL);
  return g_steal_pointer (&iso);
}

gboolean
gawah_partial_date_is_known (const GawahPartialDate *date)
{
  return date->precision != GAWAH_PRECISION_UNKNOWN;
}

/* Unknown dates sort last; a coarser date sorts before the finer dates it contains. */
int
gawah_partial_date_compare (const GawahPartialDate *a,
                            const GawahPartialDate *b)
{
  gint64 ka, kb;

  if (!gawah_partial_date_is_known (a) || !gawah_partial_date_is_known (b))
    return (int) gawah_partial_date_is_known (b) - (int) gawah_partial_date_is_known (a);

  ka = (gint64) a->year * 10000 + a->month * 100 + a->day;
  kb = (gint64) b->year * 10000 + b->month * 100 + b->day;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
