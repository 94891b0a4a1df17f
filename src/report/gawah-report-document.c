/* gawah-report-document.c
 *
 * Blocks hold Pango markup: the builders hand in plain text (names and
 * descriptions typed by users), which is escaped here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-date-text.h"
#include "gawah-report-document-private.h"

#define T(text) gawah_translator_gettext (self->translator, (text))

static void
block_free (GawahReportBlock *block)
{
  g_free (block->markup);
  g_clear_pointer (&block->bars, g_array_unref);
  g_free (block);
}

/* running_title heads every page; marking (the confidentiality) too. */
GawahReportDocument *
gawah_report_document_new (const GawahTranslator *translator,
                           const char            *running_title,
                           const char            *marking)
{
  GawahReportDocument *self = g_new0 (GawahReportDocument, 1);

  self->translator = translator;
  self->running_title = g_strdup (running_title);
  self->marking = g_strdup (marking);
  self->generated = g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return self;
}

void
gawah_report_document_free (GawahReportDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->running_title);
  g_free (self->marking);
  g_date_time_unref (self->generated);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

const GawahTranslator *
gawah_report_document_get_translator (GawahReportDocument *self)
{
  return self->translator;
}

static void
append_block (GawahReportDocument  *self,
              GawahReportBlockKind  kind,
              char                 *markup,
              GArray               *bars)
{
  GawahReportBlock *block = g_new0 (GawahReportBlock, 1);

  block->kind = kind;
  block->markup = markup;
  block->bars = bars;
  g_ptr_array_add (self->blocks, block);
}

void
gawah_report_document_add (GawahReportDocument  *self,
                           GawahReportBlockKind  kind,
                           const char           *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != GAWAH_REPORT_CHART);

  if (text == NULL || *text == '\0')
    return;
  append_block (self, kind, g_markup_escape_text (text, -1), NULL);
}

/* "Label: value" with the label in bold; nothing when the value is empty. */
void
gawah_report_document_add_field (GawahReportDocument  *self,
                                 GawahReportBlockKind  kind,
                                 const char           *label,
                                 const char           *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL || *value == '\0')
    return;
  append_block (self, kind, g_markup_printf_escaped ("<b>%s</b>  %s", label, value), NULL);
}

/* A checksum or identifier: in a fixed-width font, left to right. */
void
gawah_report_document_add_code (GawahReportDocument *self,
                                const char          *label,
                                const char          *code)
{
  g_return_if_fail (self != NULL);

  append_block (self, GAWAH_REPORT_ITEM,
                g_markup_printf_escaped ("%s <span font_family=\"monospace\" size=\"smaller\">\u2066%s\u2069</span>",
                                         label, code), NULL);
}

/* Takes bars (GawahChartBar, see gawah-chart.h). */
void
gawah_report_document_add_chart (GawahReportDocument *self,
                                 const char          *title,
                                 GArray              *bars)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bars != NULL);

  append_block (self, GAWAH_REPORT_CHART, g_markup_escape_text (title, -1), bars);
}

guint
gawah_report_document_get_n_blocks (GawahReportDocument *self)
{
  return self->blocks->len;
}

/* "Generated 28 November 2026, 15:20", in the report's language. */
char *
gawah_report_document_describe_generated (GawahReportDocument *self)
{
  GawahPartialDate today = {
    .precision = GAWAH_PRECISION_DAY,
    .year = g_date_time_get_year (self->generated),
    .month = g_date_time_get_month (self->generated),
    .day = g_date_time_get_day_of_month (self->generated),
  };
  g_autofree char *date = gawah_describe_date_in (self->translator, &today);
  g_autofree char *time = g_date_time_format (self->generated, "%H:%M");

  /* Translators: when a report was made: %1$s a date, %2$s the time of day. */
  return g_strdup_printf (T (N_("Generated %1$s, %2$s")), date, time);
}
