/* test-date.c: partial dates, as documentalists write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-date.h"
#include "gawah-error.h"

#define FIELD "Start date"

/* Every error must tell the user which field to fix and what they typed:
 * the message starts with the field and quotes the offending value. */
static void
assert_date_error (const GError *error,
                   int           code,
                   const char   *value)
{
  g_assert_error (error, GAWAH_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, FIELD ": "));
  if (value != NULL)
    g_assert_nonnull (strstr (error->message, value));
}

static void
assert_date (const GawahPartialDate *date,
             guint                   year,
             guint                   month,
             guint                   day,
             GawahPrecision          precision)
{
  g_assert_cmpuint (date->year, ==, year);
  g_assert_cmpuint (date->month, ==, month);
  g_assert_cmpuint (date->day, ==, day);
  g_assert_cmpint (date->precision, ==, precision);
}

static void
assert_parse_ok (const char     *iso,
                 const char     *precision_code,
                 guint           year,
                 guint           month,
                 guint           day,
                 GawahPrecision  precision)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date = { 1, 1, 1, GAWAH_PRECISION_DAY };

  g_assert_true (gawah_partial_date_parse (iso, precision_code, FIELD, &date, &error));
  g_assert_no_error (error);
  assert_date (&date, year, month, day, precision);
}

static void
assert_parse_fails (const char *iso,
                    const char *precision_code,
                    int         code,
                    const char *value_in_message)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date = { 0 };

  g_assert_false (gawah_partial_date_parse (iso, precision_code, FIELD, &date, &error));
  assert_date_error (error, code, value_in_message);
}

static void
assert_text_ok (const char     *text,
                guint           year,
                guint           month,
                guint           day,
                GawahPrecision  precision)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date = { 1, 1, 1, GAWAH_PRECISION_DAY };

  g_assert_true (gawah_partial_date_parse_text (text, FIELD, &date, &error));
  g_assert_no_error (error);
  assert_date (&date, year, month, day, precision);
}

static void
assert_text_fails (const char *text,
                   const char *value_in_message)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date = { 0 };

  g_assert_false (gawah_partial_date_parse_text (text, FIELD, &date, &error));
  assert_date_error (error, GAWAH_ERROR_INVALID, value_in_message);
}

static GawahPartialDate
date_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date = { 0 };

  gawah_partial_date_parse_text (text, FIELD, &date, &error);
  g_assert_no_error (error);
  return date;
}

/* The codes are stored in casebooks: they must map both ways, exactly. */
static void
test_precision_codes (void)
{
  const char *codes[] = { "unknown", "day", "month", "year", "approximate" };
  GawahPrecision precision;

  for (GawahPrecision p = GAWAH_PRECISION_UNKNOWN; p <= GAWAH_PRECISION_APPROXIMATE; p++)
    {
      g_assert_cmpstr (gawah_precision_to_code (p), ==, codes[p]);
      g_assert_true (gawah_precision_from_code (codes[p], &precision));
      g_assert_cmpint (precision, ==, p);
    }
  g_assert_false (gawah_precision_from_code ("Day", &precision));
  g_assert_false (gawah_precision_from_code ("", &precision));
  g_assert_false (gawah_precision_from_code (NULL, &precision));
}

static void
test_parse_each_precision (void)
{
  assert_parse_ok ("2019-03-14", "day", 2019, 3, 14, GAWAH_PRECISION_DAY);
  assert_parse_ok ("2019-03", "month", 2019, 3, 0, GAWAH_PRECISION_MONTH);
  assert_parse_ok ("2019", "year", 2019, 0, 0, GAWAH_PRECISION_YEAR);
  /* "About" may come with any amount of detail. */
  assert_parse_ok ("2019-03-14", "approximate", 2019, 3, 14, GAWAH_PRECISION_APPROXIMATE);
  assert_parse_ok ("2019-03", "approximate", 2019, 3, 0, GAWAH_PRECISION_APPROXIMATE);
  assert_parse_ok ("2019", "approximate", 2019, 0, 0, GAWAH_PRECISION_APPROXIMATE);
  /* Unknown clears whatever the struct held before. */
  assert_parse_ok (NULL, "unknown", 0, 0, 0, GAWAH_PRECISION_UNKNOWN);
  assert_parse_ok ("", "unknown", 0, 0, 0, GAWAH_PRECISION_UNKNOWN);
}

/* Padding "2019-03" into a day, or cutting a day down to a year, would
 * misreport what the source said. */
static void
test_parse_precision_mismatch (void)
{
  assert_parse_fails ("2019-03", "day", GAWAH_ERROR_INVALID, "2019-03");
  assert_parse_fails ("2019", "day", GAWAH_ERROR_INVALID, "2019");
  assert_parse_fails ("2019-03-14", "month", GAWAH_ERROR_INVALID, "2019-03-14");
  assert_parse_fails ("2019-03-14", "year", GAWAH_ERROR_INVALID, "2019-03-14");
  assert_parse_fails ("2019", "month", GAWAH_ERROR_INVALID, "2019");
  assert_parse_fails ("2019-03", "unknown", GAWAH_ERROR_INVALID, NULL);
  assert_parse_fails (NULL, "day", GAWAH_ERROR_INVALID, NULL);
  assert_parse_fails ("", "year", GAWAH_ERROR_INVALID, NULL);
}

static void
test_parse_unknown_precision_code (void)
{
  assert_parse_fails ("2019-03", "weekly", GAWAH_ERROR_UNKNOWN_CODE, "weekly");
  assert_parse_fails ("2019-03", "Month", GAWAH_ERROR_UNKNOWN_CODE, "Month");
  assert_parse_fails ("2019-03", NULL, GAWAH_ERROR_UNKNOWN_CODE, NULL);
}

static void
test_parse_impossible_dates (void)
{
  assert_parse_fails ("2019-02-30", "day", GAWAH_ERROR_INVALID, "2019-02-30");
  assert_parse_fails ("2019-04-31", "day", GAWAH_ERROR_INVALID, "2019-04-31");
  assert_parse_fails ("2019-01-00", "day", GAWAH_ERROR_INVALID, "2019-01-00");
  assert_parse_fails ("2019-01-32", "day", GAWAH_ERROR_INVALID, "2019-01-32");
  assert_parse_fails ("2021-13", "month", GAWAH_ERROR_INVALID, "2021-13");
  assert_parse_fails ("2021-13-01", "day", GAWAH_ERROR_INVALID, "2021-13");
  assert_parse_fails ("2019-00", "month", GAWAH_ERROR_INVALID, "2019-00");
  assert_parse_fails ("2019-02-30", "approximate", GAWAH_ERROR_INVALID, "2019-02-30");
  assert_parse_fails ("2019/03", "month", GAWAH_ERROR_INVALID, "2019/03");
  assert_parse_fails ("2019-3", "month", GAWAH_ERROR_INVALID, "2019-3");
}

static void
test_leap_days (void)
{
  assert_parse_ok ("2020-02-29", "day", 2020, 2, 29, GAWAH_PRECISION_DAY);
  assert_parse_ok ("2000-02-29", "day", 2000, 2, 29, GAWAH_PRECISION_DAY);
  assert_parse_fails ("2019-02-29", "day", GAWAH_ERROR_INVALID, "2019-02-29");
  /* A century is a leap year only every 400 years. */
  assert_parse_fails ("2100-02-29", "day", GAWAH_ERROR_INVALID, "2100-02-29");
}

static void
test_year_bounds (void)
{
  assert_parse_ok ("1900", "year", 1900, 0, 0, GAWAH_PRECISION_YEAR);
  assert_parse_ok ("2200-12-31", "day", 2200, 12, 31, GAWAH_PRECISION_DAY);
  assert_parse_fails ("1899-12-31", "day", GAWAH_ERROR_INVALID, "1899");
  assert_parse_fails ("2201", "year", GAWAH_ERROR_INVALID, "2201");
  assert_parse_fails ("0000", "approximate", GAWAH_ERROR_INVALID, NULL);
  assert_text_fails ("1066", "1066");
}

static void
test_parse_text_accepted (void)
{
  assert_text_ok ("2019", 2019, 0, 0, GAWAH_PRECISION_YEAR);
  assert_text_ok ("2019-03", 2019, 3, 0, GAWAH_PRECISION_MONTH);
  assert_text_ok ("2019-03-14", 2019, 3, 14, GAWAH_PRECISION_DAY);
  assert_text_ok ("~2019-03-14", 2019, 3, 14, GAWAH_PRECISION_APPROXIMATE);
  assert_text_ok ("~2019", 2019, 0, 0, GAWAH_PRECISION_APPROXIMATE);
  assert_text_ok (" 2019-03 ", 2019, 3, 0, GAWAH_PRECISION_MONTH);
  assert_text_ok ("\t~2019-03\n", 2019, 3, 0, GAWAH_PRECISION_APPROXIMATE);
  /* Nothing typed, or "unknown", is an honest unknown date. */
  assert_text_ok ("", 0, 0, 0, GAWAH_PRECISION_UNKNOWN);
  assert_text_ok ("   ", 0, 0, 0, GAWAH_PRECISION_UNKNOWN);
  assert_text_ok ("unknown", 0, 0, 0, GAWAH_PRECISION_UNKNOWN);
  assert_text_ok (NULL, 0, 0, 0, GAWAH_PRECISION_UNKNOWN);
}

static void
test_parse_text_rejected (void)
{
  assert_text_fails ("2019/03", "2019/03");
  assert_text_fails ("20190", "20190");
  assert_text_fails ("-2019", "-2019");
  assert_text_fails ("2019-3", "2019-3");
  assert_text_fails ("2019-03-1", "2019-03-1");
  assert_text_fails ("2019-03-14T10:00", "2019-03-14T10:00");
  assert_text_fails ("+2019", "+2019");
  assert_text_fails ("~", "~");
  assert_text_fails ("~ 2019", "~ 2019");
  assert_text_fails ("March 2019", "March 2019");
  assert_text_fails ("٢٠١٩", "٢٠١٩");
  assert_text_fails ("2019-02-30", "2019-02-30");
  assert_text_fails ("~2019-13", "2019-13");
}

/* A struct built by hand (as the GUI's date picker will) is checked too. */
static void
test_validate_struct (void)
{
  const GawahPartialDate good[] = {
    { 0, 0, 0, GAWAH_PRECISION_UNKNOWN },
    { 2019, 3, 14, GAWAH_PRECISION_DAY },
    { 2019, 3, 0, GAWAH_PRECISION_MONTH },
    { 2019, 0, 0, GAWAH_PRECISION_YEAR },
    { 2019, 3, 14, GAWAH_PRECISION_APPROXIMATE },
  };
  const GawahPartialDate bad[] = {
    { 2019, 2, 30, GAWAH_PRECISION_DAY },
    { 2019, 3, 0, GAWAH_PRECISION_DAY },
    { 2019, 0, 0, GAWAH_PRECISION_MONTH },
    { 2019, 13, 0, GAWAH_PRECISION_MONTH },
    { 2019, 0, 14, GAWAH_PRECISION_APPROXIMATE },
    { 1800, 0, 0, GAWAH_PRECISION_YEAR },
    { 0, 0, 0, GAWAH_PRECISION_APPROXIMATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (gawah_partial_date_validate (&good[i], FIELD, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (gawah_partial_date_validate (&bad[i], FIELD, &error));
      assert_date_error (error, GAWAH_ERROR_INVALID, NULL);
    }
}

/* A date that says more than its precision cannot be stored: "2019-03-14"
 * with precision "month" is read back as no date at all. */
static void
test_validate_detail_beyond_precision (void)
{
  const GawahPartialDate contradictory[] = {
    { 2019, 3, 14, GAWAH_PRECISION_MONTH },
    { 2019, 3, 0, GAWAH_PRECISION_YEAR },
    { 2019, 3, 14, GAWAH_PRECISION_YEAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (contradictory); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (gawah_partial_date_validate (&contradictory[i], FIELD, &error));
      assert_date_error (error, GAWAH_ERROR_INVALID, NULL);
    }
}

/* What is shown can be typed back, and what is stored can be read back. */
static void
test_round_trips (void)
{
  const char *texts[] = { "2019-03-14", "2019-03", "2019", "~2019-03-14", "~2019-03", "~2019", "2020-02-29" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      GawahPartialDate date = date_from_text (texts[i]);
      GawahPartialDate stored = { 0 };
      g_autofree char *display = gawah_partial_date_to_display (&date);
      g_autofree char *iso = gawah_partial_date_to_iso (&date);

      g_assert_cmpstr (display, ==, texts[i]);
      g_assert_cmpstr (iso, ==, texts[i][0] == '~' ? texts[i] + 1 : texts[i]);
      gawah_partial_date_parse (iso, gawah_precision_to_code (date.precision), FIELD, &stored, &error);
      g_assert_no_error (error);
      assert_date (&stored, date.year, date.month, date.day, date.precision);
    }
}

static void
test_unknown_date (void)
{
  GawahPartialDate unknown = date_from_text ("");
  g_autofree char *iso = gawah_partial_date_to_iso (&unknown);
  g_autofree char *display = gawah_partial_date_to_display (&unknown);
  GawahPartialDate known = date_from_text ("~2019");

  g_assert_null (iso);
  g_assert_cmpstr (display, ==, "unknown date");
  g_assert_false (gawah_partial_date_is_known (&unknown));
  g_assert_true (gawah_partial_date_is_known (&known));
}

static int
sign (int value)
{
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

static void
assert_compare (const char *a,
                const char *b,
                int         expected)
{
  GawahPartialDate da = date_from_text (a);
  GawahPartialDate db = date_from_text (b);

  g_assert_cmpint (sign (gawah_partial_date_compare (&da, &db)), ==, expected);
  g_assert_cmpint (sign (gawah_partial_date_compare (&db, &da)), ==, -expected);
}

static void
test_compare (void)
{
  assert_compare ("2019", "2019-03-14", -1);
  assert_compare ("2019-03", "2019-03-14", -1);
  assert_compare ("2019", "2019-03", -1);
  assert_compare ("2018-12-31", "2019", -1);
  assert_compare ("2019-03-14", "2019-03-15", -1);
  assert_compare ("2019-03-14", "2019-03-14", 0);
  assert_compare ("~2019-03", "2019-03", 0);
  assert_compare ("", "", 0);
  /* Unknown sorts after every known date, even far future ones. */
  assert_compare ("2200-12-31", "", -1);
  assert_compare ("unknown", "1900", 1);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return gawah_partial_date_compare (a, b);
}

static void
test_compare_sorts (void)
{
  const char *shuffled[] = { "", "2019-03-14", "2018", "~2019-03", "2019", "unknown", "2019-03-02" };
  const char *sorted[] = { "2018", "2019", "~2019-03", "2019-03-02", "2019-03-14", "unknown date", "unknown date" };
  GawahPartialDate dates[G_N_ELEMENTS (shuffled)];

  for (guint i = 0; i < G_N_ELEMENTS (shuffled); i++)
    dates[i] = date_from_text (shuffled[i]);
  qsort (dates, G_N_ELEMENTS (dates), sizeof dates[0], compare_dates);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *display = gawah_partial_date_to_display (&dates[i]);

      g_assert_cmpstr (display, ==, sorted[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/precision-codes", test_precision_codes);
  g_test_add_func ("/date/parse/each-precision", test_parse_each_precision);
  g_test_add_func ("/date/parse/precision-mismatch", test_parse_precision_mismatch);
  g_test_add_func ("/date/parse/unknown-precision-code", test_parse_unknown_precision_code);
  g_test_add_func ("/date/parse/impossible", test_parse_impossible_dates);
  g_test_add_func ("/date/parse/leap-days", test_leap_days);
  g_test_add_func ("/date/parse/year-bounds", test_year_bounds);
  g_test_add_func ("/date/parse-text/accepted", test_parse_text_accepted);
  g_test_add_func ("/date/parse-text/rejected", test_parse_text_rejected);
  g_test_add_func ("/date/validate/struct", test_validate_struct);
  g_test_add_func ("/date/validate/detail-beyond-precision", test_validate_detail_beyond_precision);
  g_test_add_func ("/date/round-trips", test_round_trips);
  g_test_add_func ("/date/unknown", test_unknown_date);
  g_test_add_func ("/date/compare/pairs", test_compare);
  g_test_add_func ("/date/compare/sorts", test_compare_sorts);

  return g_test_run ();
}
