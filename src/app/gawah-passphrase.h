/* gawah-passphrase.h: how hard a passphrase would be to guess
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GAWAH_STRENGTH_EMPTY,
  GAWAH_STRENGTH_WEAK,
  GAWAH_STRENGTH_FAIR,
  GAWAH_STRENGTH_GOOD,
  GAWAH_STRENGTH_STRONG,
} GawahStrength;

GawahStrength  gawah_passphrase_strength       (const char    *passphrase);
const char    *gawah_passphrase_strength_label (GawahStrength  strength);

G_END_DECLS
