/* gawah-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gawah-error.h"

G_DEFINE_QUARK (gawah-error-quark, gawah_error)
