/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gawah-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GawahApplication) app = NULL;

  /* The interface language is chosen before gettext and GTK read it. */
  gawah_application_apply_language_preference ();
  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build's translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAWAH_LOCALEDIR") != NULL ? g_getenv ("GAWAH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gawah_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
