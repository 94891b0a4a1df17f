/* gawah-passphrase.c
 *
 * An estimate, not a promise: bits of a random choice from the kinds of
 * characters used, with repeated characters counting little. Several words
 * (a passphrase) score well; "Password1" does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gawah-passphrase.h"

static double
alphabet_size (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE, non_ascii = FALSE;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 127)
        non_ascii = TRUE;
      else if (g_ascii_islower (c))
        lower = TRUE;
      else if (g_ascii_isupper (c))
        upper = TRUE;
      else if (g_ascii_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  return 26 * lower + 26 * upper + 10 * digit + 33 * other + 40 * non_ascii;
}

static guint
distinct_characters (const char *passphrase)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (p)));
  return g_hash_table_size (seen);
}

GawahStrength
gawah_passphrase_strength (const char *passphrase)
{
  double bits;

  if (passphrase == NULL || *passphrase == '\0')
    return GAWAH_STRENGTH_EMPTY;

  bits = distinct_characters (passphrase) * log2 (MAX (alphabet_size (passphrase), 2.0)) +
         (g_utf8_strlen (passphrase, -1) - distinct_characters (passphrase)) * 1.0;
  if (bits < 40)
    return GAWAH_STRENGTH_WEAK;
  if (bits < 60)
    return GAWAH_STRENGTH_FAIR;
  if (bits < 80)
    return GAWAH_STRENGTH_GOOD;
  return GAWAH_STRENGTH_STRONG;
}

const char *
gawah_passphrase_strength_label (GawahStrength strength)
{
  switch (strength)
    {
    case GAWAH_STRENGTH_WEAK:
      return _("Weak: easy to guess");
    case GAWAH_STRENGTH_FAIR:
      return _("Fair: add a word or two");
    case GAWAH_STRENGTH_GOOD:
      return _("Good");
    case GAWAH_STRENGTH_STRONG:
      return _("Strong");
    case GAWAH_STRENGTH_EMPTY:
    default:
      return _("Choose a passphrase of several words");
    }
}
