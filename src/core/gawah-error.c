/* gawah-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gawah-error.h"

#include <errno.h>

G_DEFINE_QUARK (gawah-error-quark, gawah_error)

/* A file-size limit (EFBIG) or a quota (EDQUOT) stops a write the way a
 * full disk does, and the remedy is the same: room for the file. */
int
gawah_error_code_for_errno (int saved_errno,
                            int otherwise)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return GAWAH_ERROR_DISK_FULL;
    case EROFS:
    case EACCES:
    case EPERM:
      return GAWAH_ERROR_READ_ONLY;
    default:
      return otherwise;
    }
}
