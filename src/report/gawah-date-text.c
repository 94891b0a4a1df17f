/* gawah-date-text.c
 *
 * Month names are translated here rather than taken from LC_TIME, which
 * stays C when only LANGUAGE asks for Urdu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-date-text.h"
#include "gawah-vocabulary.h"

#define T(text) gawah_translator_gettext (translator, (text))

static const char * const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
  NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
  NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

const char *
gawah_month_name_in (const GawahTranslator *translator,
                     guint                  month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return gawah_translator_pgettext (translator, "month", month_names[month - 1]);
}

/* "March 2019" and "about 2019" read as what they are: a month, an estimate. */
char *
gawah_describe_date_in (const GawahTranslator  *translator,
                        const GawahPartialDate *date)
{
  switch (date->precision)
    {
    case GAWAH_PRECISION_DAY:
      /* Translators: a day: %1$u the day, %2$s the month's name, %3$u the year. */
      return g_strdup_printf (T (N_("%1$u %2$s %3$u")), date->day, gawah_month_name_in (translator, date->month),
                              date->year);
    case GAWAH_PRECISION_MONTH:
      /* Translators: a month: %1$s the month's name, %2$u the year. */
      return g_strdup_printf (T (N_("%1$s %2$u")), gawah_month_name_in (translator, date->month), date->year);
    case GAWAH_PRECISION_YEAR:
      return g_strdup_printf ("%u", date->year);
    case GAWAH_PRECISION_APPROXIMATE:
      {
        g_autofree char *iso = gawah_partial_date_to_iso (date);
        /* Translators: an estimated date, e.g. “about 2019-03”. */
        return g_strdup_printf (T (N_("about %s")), iso);
      }
    case GAWAH_PRECISION_UNKNOWN:
    default:
      return g_strdup (T (N_("Date unknown")));
    }
}

char *
gawah_describe_dates_in (const GawahTranslator  *translator,
                         const GawahPartialDate *start,
                         const GawahPartialDate *end,
                         gboolean                ongoing)
{
  g_autofree char *from = gawah_describe_date_in (translator, start);
  g_autofree char *to = NULL;

  if (ongoing)
    /* Translators: %s is a date; the situation (a disappearance) continues. */
    return g_strdup_printf (T (N_("%s – ongoing")), from);
  if (!gawah_partial_date_is_known (end))
    return g_steal_pointer (&from);
  to = gawah_describe_date_in (translator, end);
  if (g_str_equal (from, to))
    return g_steal_pointer (&from);
  /* Translators: a date range. */
  return g_strdup_printf (T (N_("%1$s – %2$s")), from, to);
}

/* Districts are codes of the province vocabulary (their parent). */
char *
gawah_describe_place_in (const GawahTranslator *translator,
                         const char            *place,
                         const char            *district,
                         const char            *province)
{
  const char *parts[] = {
    place,
    gawah_translator_label (translator, GAWAH_VOCAB_PROVINCE, district),
    gawah_translator_label (translator, GAWAH_VOCAB_PROVINCE, province),
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      /* Translators: separates the parts of a place: “Swabi, Khyber Pakhtunkhwa”. */
      g_string_append_printf (text, "%s%s", text->len > 0 ? T (N_(", ")) : "", parts[i]);
  return g_string_free (text, FALSE);
}

const char *
gawah_month_name (guint month)
{
  return gawah_month_name_in (NULL, month);
}

char *
gawah_describe_date (const GawahPartialDate *date)
{
  return gawah_describe_date_in (NULL, date);
}

char *
gawah_describe_dates (const GawahPartialDate *start,
                      const GawahPartialDate *end,
                      gboolean                ongoing)
{
  return gawah_describe_dates_in (NULL, start, end, ongoing);
}

char *
gawah_describe_place (const char *place,
                      const char *district,
                      const char *province)
{
  return gawah_describe_place_in (NULL, place, district, province);
}
