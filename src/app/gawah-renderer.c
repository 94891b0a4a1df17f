/* gawah-renderer.c
 *
 * Without a GPU, GTK 4.8 still draws with GL, on Mesa's software rasteriser
 * (llvmpipe), which compiles GTK's shaders with LLVM on the processor and
 * keeps them: measured on Gawah's window, about 75 MB more than GTK's cairo
 * renderer, and more processor time for every frame. Office computers and
 * virtual machines without a GPU driver are where Gawah is likely to run,
 * so there it asks for cairo. GSK_RENDERER, when set, is left alone: the
 * user's choice wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "gawah-renderer.h"

/* Mesa names its software rasterisers so; other drivers name a GPU. */
static gboolean
names_software_rasteriser (const char *renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "Software Rasterizer", "SWR" };

  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (software); i++)
    if (strstr (renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Asks a throwaway GL context what draws it. No GL at all is not software
 * GL: GTK then chooses cairo by itself. */
gboolean
gawah_renderer_gl_is_software (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  gboolean software;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;
  gdk_gl_context_make_current (context);
  software = names_software_rasteriser ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return software;
}

/* Before the first window is drawn: GSK reads GSK_RENDERER when it makes
 * its first renderer. */
void
gawah_renderer_prefer_cairo_without_gpu (GdkDisplay *display)
{
  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (gawah_renderer_gl_is_software (display))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
}
