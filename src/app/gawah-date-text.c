/* gawah-date-text.c
 *
 * Month names are translated here rather than taken from LC_TIME, which
 * stays C when only LANGUAGE asks for Urdu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-date-text.h"

static const char * const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
  NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
  NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

const char *
gawah_month_name (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
}

/* "March 2019" and "about 2019" read as what they are: a month, an estimate. */
char *
gawah_describe_date (const GawahPartialDate *date)
{
  switch (date->precision)
    {
    case GAWAH_PRECISION_DAY:
      /* Translators: a day: %1$u the day, %2$s the month's name, %3$u the year. */
      return g_strdup_printf (_("%1$u %2$s %3$u"), date->day, gawah_month_name (date->month), date->year);
    case GAWAH_PRECISION_MONTH:
      /* Translators: a month: %1$s the month's name, %2$u the year. */
      return g_strdup_printf (_("%1$s %2$u"), gawah_month_name (date->month), date->year);
    case GAWAH_PRECISION_YEAR:
      return g_strdup_printf ("%u", date->year);
    case GAWAH_PRECISION_APPROXIMATE:
      {
        g_autofree char *iso = gawah_partial_date_to_iso (date);
        /* Translators: an estimated date, e.g. “about 2019-03”. */
        return g_strdup_printf (_("about %s"), iso);
      }
    case GAWAH_PRECISION_UNKNOWN:
    default:
      return g_strdup (_("Date unknown"));
    }
}

char *
gawah_describe_dates (const GawahPartialDate *start,
                      const GawahPartialDate *end,
                      gboolean                ongoing)
{
  g_autofree char *from = gawah_describe_date (start);
  g_autofree char *to = NULL;

  if (ongoing)
    /* Translators: %s is a date; the situation (a disappearance) continues. */
    return g_strdup_printf (_("%s – ongoing"), from);
  if (!gawah_partial_date_is_known (end))
    return g_steal_pointer (&from);
  to = gawah_describe_date (end);
  /* Translators: a date range. */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}
