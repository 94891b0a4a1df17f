/* gawah-report-pdf.c: a report document on A4 pages
 *
 * Two passes: the first lays every block out with Pango and places its
 * lines on pages (a paragraph breaks between lines, never inside one; a
 * heading moves to the next page rather than end one; a chart is kept
 * whole), which gives the page count for "Page 2 of 5"; the second draws
 * the pages. Urdu reports are set right to left in Noto Nastaliq Urdu,
 * whose letters reach far above the line box: pages keep room for that
 * below the header. The file is written in memory and saved only when
 * complete, so a cancelled or failed report leaves no partial file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gawah-chart.h"
#include "gawah-report-document-private.h"

#define T(text) gawah_translator_gettext (self->translator, (text))

/* A4 in points. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       56.0
#define HEADER_TOP   28.0
#define BODY_TOP     104.0
#define BODY_BOTTOM  (PAGE_HEIGHT - 64.0)
#define FOOTER_TOP   (PAGE_HEIGHT - 44.0)
#define ITEM_INDENT  18.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
/* A heading needs this much room below it on its page, or it moves on. */
#define KEEP_WITH_NEXT 60.0

static const GawahColor ink = { 0.12f, 0.12f, 0.14f, 1.0f };
static const GawahColor muted = { 0.40f, 0.40f, 0.44f, 1.0f };
static const GawahColor accent = { 0.21f, 0.52f, 0.89f, 1.0f };
static const GawahColor warning = { 0.75f, 0.11f, 0.16f, 1.0f };

typedef struct {
  guint         page;
  PangoLayout  *layout;    /* borrowed from Writer.layouts */
  int           line;      /* -1: the whole layout (a chart's title) */
  double        x;
  double        y;         /* the baseline of a line; the top of a chart */
  GArray       *bars;      /* a chart, drawn at (x, y) */
  const GawahColor *color;
} Placement;

typedef struct {
  GawahReportDocument *document;
  gboolean             rtl;
  PangoContext        *context;
  PangoContext        *chart_context;
  GPtrArray           *layouts;     /* PangoLayout, owned */
  GArray              *placements;  /* Placement */
  guint                page;
  double               y;
} Writer;

/* Noto Sans has no Arabic letters, so Urdu falls through to Nastaliq,
 * while Latin names, digits and checksums stay in a Latin face (the
 * Nastaliq font's own Latin glyphs would make every line that holds a
 * date as tall as a Nastaliq line). */
static const char *
body_family (Writer *writer)
{
  return writer->rtl ? "Noto Sans, Noto Nastaliq Urdu, DejaVu Sans" : "Noto Sans, DejaVu Sans";
}

static PangoFontDescription *
font_for (Writer              *writer,
          GawahReportBlockKind kind)
{
  PangoFontDescription *font = pango_font_description_from_string (body_family (writer));
  /* Nastaliq reads small at the Latin sizes: one step up. */
  double scale = writer->rtl ? 1.1 : 1.0;
  double size = 10;

  switch (kind)
    {
    case GAWAH_REPORT_TITLE: size = 18; break;
    case GAWAH_REPORT_HEADING: size = 13.5; break;
    case GAWAH_REPORT_SUBHEADING: size = 10.5; break;
    case GAWAH_REPORT_NOTE: size = 8.5; break;
    case GAWAH_REPORT_CHART: size = 10.5; break;
    case GAWAH_REPORT_PARAGRAPH:
    case GAWAH_REPORT_ITEM:
    default: break;
    }
  pango_font_description_set_size (font, (int) (size * scale * PANGO_SCALE));
  if (kind == GAWAH_REPORT_TITLE || kind == GAWAH_REPORT_HEADING || kind == GAWAH_REPORT_SUBHEADING ||
      kind == GAWAH_REPORT_CHART)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

/* Every paragraph takes the report's direction, even one that starts with
 * a Latin name in an Urdu report. */
static PangoLayout *
make_layout (Writer              *writer,
             GawahReportBlockKind kind,
             const char          *markup,
             double               width)
{
  PangoLayout *layout = pango_layout_new (writer->context);
  g_autoptr(PangoFontDescription) font = font_for (writer, kind);

  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, writer->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  g_ptr_array_add (writer->layouts, layout);
  return layout;
}

static double
space_before (GawahReportBlockKind kind)
{
  switch (kind)
    {
    case GAWAH_REPORT_TITLE: return 0;
    case GAWAH_REPORT_HEADING: return 16;
    case GAWAH_REPORT_SUBHEADING: return 8;
    case GAWAH_REPORT_CHART: return 14;
    case GAWAH_REPORT_NOTE: return 4;
    case GAWAH_REPORT_PARAGRAPH:
    case GAWAH_REPORT_ITEM:
    default: return 2;
    }
}

static void
new_page (Writer *writer)
{
  writer->page++;
  writer->y = BODY_TOP;
}

static void
place (Writer      *writer,
       PangoLayout *layout,
       int          line,
       double       x,
       double       y,
       GArray      *bars,
       const GawahColor *color)
{
  Placement placement = { writer->page, layout, line, x, y, bars, color };

  g_array_append_val (writer->placements, placement);
}

/* Line by line, so that a long paragraph continues on the next page. */
static void
place_lines (Writer           *writer,
             PangoLayout      *layout,
             double            x,
             const GawahColor *color)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  double origin = writer->y;   /* where the layout's top falls on this page */
  int index = 0;

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = logical.y / (double) PANGO_SCALE;
      bottom = (logical.y + logical.height) / (double) PANGO_SCALE;
      if (origin + bottom > BODY_BOTTOM && origin + top > BODY_TOP)
        {
          new_page (writer);
          origin = BODY_TOP - top;
        }
      place (writer, layout, index, x + logical.x / (double) PANGO_SCALE,
             origin + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE, NULL, color);
      writer->y = origin + bottom;
      index++;
    }
  while (pango_layout_iter_next_line (iter));
}

static PangoContext *
chart_context (Writer *writer)
{
  PangoContext *context = pango_font_map_create_context (pango_context_get_font_map (writer->context));
  g_autoptr(PangoFontDescription) font = font_for (writer, GAWAH_REPORT_PARAGRAPH);

  pango_context_set_font_description (context, font);
  pango_context_set_base_dir (context, writer->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  return context;
}

static GawahChartStyle
chart_style (Writer       *writer,
             PangoContext *context)
{
  GawahChartStyle style = {
    .foreground = ink,
    .bar = accent,
    .focus = accent,
    .context = context,
    .rtl = writer->rtl,
    .empty_text = gawah_translator_gettext (writer->document->translator, N_("No incidents")),
  };

  return style;
}

/* A chart and its title stay together on one page. */
static void
place_chart (Writer                 *writer,
             const GawahReportBlock *block)
{
  PangoLayout *title = make_layout (writer, GAWAH_REPORT_CHART, block->markup, CONTENT_WIDTH);
  GawahChartStyle style = chart_style (writer, writer->chart_context);
  int title_height;
  double height;

  pango_layout_get_pixel_size (title, NULL, &title_height);
  height = title_height + gawah_chart_height (&style, block->bars->len);
  if (writer->y + height > BODY_BOTTOM && writer->y > BODY_TOP)
    new_page (writer);
  place (writer, title, -1, MARGIN, writer->y, NULL, &ink);
  place (writer, NULL, -1, MARGIN, writer->y + title_height, block->bars, &ink);
  writer->y += height;
}

static void
place_block (Writer                 *writer,
             const GawahReportBlock *block)
{
  gboolean indented = block->kind == GAWAH_REPORT_ITEM;
  double width = CONTENT_WIDTH - (indented ? ITEM_INDENT : 0);
  double x = MARGIN + (indented && !writer->rtl ? ITEM_INDENT : 0);
  PangoLayout *layout;

  if (writer->y > BODY_TOP)
    writer->y += space_before (block->kind);
  if (block->kind == GAWAH_REPORT_CHART)
    {
      place_chart (writer, block);
      return;
    }
  if ((block->kind == GAWAH_REPORT_HEADING || block->kind == GAWAH_REPORT_SUBHEADING) &&
      writer->y + KEEP_WITH_NEXT > BODY_BOTTOM)
    new_page (writer);
  layout = make_layout (writer, block->kind, block->markup, width);
  place_lines (writer, layout, x, block->kind == GAWAH_REPORT_NOTE ? &muted : &ink);
}

static void
set_source (cairo_t          *cr,
            const GawahColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_placement (Writer          *writer,
                cairo_t         *cr,
                const Placement *placement)
{
  if (placement->bars != NULL)
    {
      GawahChartStyle style = chart_style (writer, writer->chart_context);

      cairo_save (cr);
      cairo_translate (cr, placement->x, placement->y);
      gawah_chart_draw (cr, &style, placement->bars, -1, CONTENT_WIDTH);
      cairo_restore (cr);
      return;
    }
  set_source (cr, placement->color);
  cairo_move_to (cr, placement->x, placement->y);
  if (placement->line < 0)
    pango_cairo_show_layout (cr, placement->layout);
  else
    pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (placement->layout, placement->line));
}

/* A short line of text at y, at the start, the centre or the end of the
 * line (start and end follow the report's direction). */
static void
draw_text_at (Writer           *writer,
              cairo_t          *cr,
              const char       *text,
              GawahReportBlockKind kind,
              const GawahColor *color,
              PangoAlignment    alignment,
              double            width,
              double            y)
{
  PangoLayout *layout = make_layout (writer, kind, "", width);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_source (cr, color);
  cairo_move_to (cr, writer->rtl && alignment != PANGO_ALIGN_CENTER ? PAGE_WIDTH - MARGIN - width : MARGIN, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page_frame (Writer  *writer,
                 cairo_t *cr,
                 guint    page,
                 guint    n_pages)
{
  GawahReportDocument *self = writer->document;
  PangoAlignment start = writer->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = writer->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  g_autofree char *generated = gawah_report_document_describe_generated (self);
  /* Translators: the footer of a report's page. */
  g_autofree char *page_text = g_strdup_printf (T (N_("Page %1$u of %2$u")), page + 1, n_pages);

  draw_text_at (writer, cr, self->running_title, GAWAH_REPORT_NOTE, &muted, start, CONTENT_WIDTH * 0.62, HEADER_TOP);
  if (self->marking != NULL)
    draw_text_at (writer, cr, self->marking, GAWAH_REPORT_SUBHEADING, &warning, end, CONTENT_WIDTH, HEADER_TOP);
  draw_text_at (writer, cr, generated, GAWAH_REPORT_NOTE, &muted, start, CONTENT_WIDTH, HEADER_TOP + 24);
  set_source (cr, &muted);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, BODY_TOP - 22);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, BODY_TOP - 22);
  cairo_stroke (cr);
  draw_text_at (writer, cr, page_text, GAWAH_REPORT_NOTE, &muted, PANGO_ALIGN_CENTER, CONTENT_WIDTH, FOOTER_TOP);
}

static gboolean
draw_pages (Writer        *writer,
            cairo_t       *cr,
            GCancellable  *cancellable,
            GawahProgressFunc progress,
            gpointer       progress_data,
            GError       **error)
{
  guint n_pages = writer->page + 1;
  guint next = 0;

  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      draw_page_frame (writer, cr, page, n_pages);
      for (; next < writer->placements->len; next++)
        {
          const Placement *placement = &g_array_index (writer->placements, Placement, next);

          if (placement->page != page)
            break;
          draw_placement (writer, cr, placement);
        }
      cairo_show_page (cr);
      if (progress != NULL)
        progress (page + 1, n_pages, progress_data);
    }
  return TRUE;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
lay_out (Writer        *writer,
         GCancellable  *cancellable,
         GError       **error)
{
  writer->y = BODY_TOP;
  for (guint i = 0; i < writer->document->blocks->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      place_block (writer, g_ptr_array_index (writer->document->blocks, i));
    }
  return TRUE;
}

static gboolean
render (Writer            *writer,
        cairo_surface_t   *surface,
        GCancellable      *cancellable,
        GawahProgressFunc  progress,
        gpointer           progress_data,
        GError           **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  writer->context = pango_cairo_create_context (cr);
  pango_context_set_base_dir (writer->context, writer->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_context_set_round_glyph_positions (writer->context, FALSE);
  writer->chart_context = chart_context (writer);
  ok = lay_out (writer, cancellable, error) &&
       draw_pages (writer, cr, cancellable, progress, progress_data, error);
  cairo_destroy (cr);
  g_clear_object (&writer->chart_context);
  g_clear_object (&writer->context);
  return ok;
}

static void
set_metadata (GawahReportDocument *self,
              cairo_surface_t     *surface)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->running_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gawah " PACKAGE_VERSION);
}

/* progress counts pages as they are drawn. */
gboolean
gawah_report_document_write_pdf (GawahReportDocument  *self,
                                 GFile                *file,
                                 GCancellable         *cancellable,
                                 GawahProgressFunc     progress,
                                 gpointer              progress_data,
                                 GError              **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  Writer writer = {
    .document = self,
    .rtl = gawah_translator_get_language (self->translator) == GAWAH_LANGUAGE_URDU,
    .layouts = layouts,
    .placements = placements,
  };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  set_metadata (self, surface);
  ok = render (&writer, surface, cancellable, progress, progress_data, error);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, T (N_("Could not draw the report: %s")),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_replace_contents (file, (const char *) pdf->data, pdf->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
