/* fuzz-casebook.h: one casebook per fuzzer process
 *
 * Creating a casebook derives a key (PBKDF2), which takes far longer than an
 * import of a small document: a fuzzer that made one per input would run a
 * few inputs a second. The casebook is made once, in a folder on a tmpfs when
 * there is one, and every input runs inside a transaction that is rolled back
 * afterwards, so that each input meets the same empty casebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"

G_BEGIN_DECLS

typedef gboolean (*FuzzImport) (GawahCasebook  *casebook,
                                GBytes         *input,
                                GError        **error);

void fuzz_casebook_init     (void);
void fuzz_casebook_run      (FuzzImport      import,
                             const guint8   *data,
                             gsize           size);

G_END_DECLS
