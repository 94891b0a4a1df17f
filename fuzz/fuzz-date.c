/* fuzz-date.c: partial dates as a person types them and as files carry them
 *
 * Whatever parses must validate, print and parse back to the same date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gawah-date.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_round_trip (const GawahPartialDate *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = gawah_partial_date_to_iso (date);
  g_autofree char *display = gawah_partial_date_to_display (date);
  GawahPartialDate again = { 0 };

  g_assert (gawah_partial_date_validate (date, "fuzz", NULL));
  g_assert (display != NULL);
  if (iso == NULL)
    return;
  if (!gawah_partial_date_parse (iso, gawah_precision_to_code (date->precision), "fuzz", &again, &error))
    g_error ("fuzz: %s (%s) does not parse back: %s", iso,
             gawah_precision_to_code (date->precision), error->message);
  g_assert (gawah_partial_date_compare (date, &again) == 0);
  g_assert (again.precision == date->precision);

  /* What the command line shows, it accepts back. */
  memset (&again, 0, sizeof again);
  if (!gawah_partial_date_parse_text (display, "fuzz", &again, &error))
    g_error ("fuzz: %s does not parse back: %s", display, error->message);
  g_assert (gawah_partial_date_compare (date, &again) == 0);
  g_assert (again.precision == date->precision);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  /* The first line is the text or the ISO form, the second a precision code. */
  g_autofree char *input = g_strndup ((const char *) data, size);
  char *newline = strchr (input, '\n');
  const char *precision = newline != NULL ? newline + 1 : "day";
  GawahPartialDate date = { 0 };

  if (newline != NULL)
    *newline = '\0';
  if (gawah_partial_date_parse_text (input, "fuzz", &date, NULL))
    check_round_trip (&date);
  memset (&date, 0, sizeof date);
  if (gawah_partial_date_parse (input, precision, "fuzz", &date, NULL))
    check_round_trip (&date);
  return 0;
}
