/* gawah-error.h: the one error domain of the casebook core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAWAH_ERROR (gawah_error_quark ())

/* Scripts rely on these through gawah-cli's exit codes: append only. */
typedef enum {
  GAWAH_ERROR_FAILED,
  GAWAH_ERROR_WRONG_PASSPHRASE,
  GAWAH_ERROR_NOT_SQLCIPHER,
  GAWAH_ERROR_NOT_A_CASEBOOK,
  GAWAH_ERROR_TOO_NEW,
  GAWAH_ERROR_EXISTS,
  GAWAH_ERROR_NOT_FOUND,
  GAWAH_ERROR_INVALID,
  GAWAH_ERROR_UNKNOWN_CODE,
  GAWAH_ERROR_PARSE,
  GAWAH_ERROR_DATABASE,
  GAWAH_ERROR_READ_ONLY,
  GAWAH_ERROR_DISK_FULL,
} GawahError;

GQuark gawah_error_quark          (void);
int    gawah_error_code_for_errno (int saved_errno,
                                   int otherwise);

G_END_DECLS
