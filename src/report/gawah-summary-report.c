/* gawah-summary-report.c: counts of incidents by act, province, year,
 * category of defender and type of perpetrator, filtered like the list
 *
 * The counts are read from the casebook here, on the caller's thread (five
 * grouped queries); the document that comes back holds only text and bars,
 * for the PDF writer to use on any thread. It names no person: it can go
 * where a case report cannot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gawah-case-file-private.h"
#include "gawah-chart.h"
#include "gawah-date-text.h"
#include "gawah-statistics.h"
#include "gawah-summary-report.h"
#include "gawah-vocabulary.h"

#define T(text) gawah_translator_gettext (translator, (text))

static const struct {
  GawahStatisticsDimension  dimension;
  const char               *title;
} charts[] = {
  { GAWAH_STATISTICS_ACT_TYPE, N_("Incidents by Act") },
  { GAWAH_STATISTICS_PROVINCE, N_("Incidents by Province") },
  { GAWAH_STATISTICS_YEAR, N_("Incidents by Year") },
  { GAWAH_STATISTICS_HRD_CATEGORY, N_("Incidents by Defender Category") },
  { GAWAH_STATISTICS_PERPETRATOR_TYPE, N_("Incidents by Perpetrator Type") },
};

static void
add_filter_field (GawahReportDocument   *document,
                  const GawahTranslator *translator,
                  const char            *label,
                  const char            *vocabulary_id,
                  const char            *code)
{
  if (code != NULL && *code != '\0')
    gawah_report_document_add_field (document, GAWAH_REPORT_ITEM, label,
                                     vocabulary_id != NULL ? gawah_translator_label (translator, vocabulary_id, code)
                                                           : code);
}

static void
add_filter_dates (GawahReportDocument   *document,
                  const GawahTranslator *translator,
                  const GawahIncidentFilter *filter)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (gawah_partial_date_is_known (&filter->from))
    {
      from = gawah_describe_date_in (translator, &filter->from);
      gawah_report_document_add_field (document, GAWAH_REPORT_ITEM, T (N_("From")), from);
    }
  if (gawah_partial_date_is_known (&filter->to))
    {
      to = gawah_describe_date_in (translator, &filter->to);
      gawah_report_document_add_field (document, GAWAH_REPORT_ITEM, T (N_("To")), to);
    }
}

static void
add_filter (GawahReportDocument       *document,
            const GawahTranslator     *translator,
            const GawahIncidentFilter *filter)
{
  if (filter == NULL || gawah_incident_filter_is_empty (filter))
    {
      gawah_report_document_add (document, GAWAH_REPORT_PARAGRAPH, T (N_("Every incident in the casebook.")));
      return;
    }
  gawah_report_document_add (document, GAWAH_REPORT_PARAGRAPH, T (N_("Only the incidents that match:")));
  add_filter_field (document, translator, T (N_("Words")), NULL, filter->text);
  add_filter_field (document, translator, T (N_("Province")), GAWAH_VOCAB_PROVINCE, filter->province);
  add_filter_field (document, translator, T (N_("Type of act")), GAWAH_VOCAB_ACT_TYPE, filter->act_type);
  add_filter_field (document, translator, T (N_("Category of defender")), GAWAH_VOCAB_HRD_CATEGORY, filter->hrd_category);
  add_filter_field (document, translator, T (N_("Perpetrator type")), GAWAH_VOCAB_PERPETRATOR_TYPE,
                    filter->perpetrator_type);
  add_filter_field (document, translator, T (N_("Status")), GAWAH_VOCAB_CASE_STATUS, filter->status);
  add_filter_dates (document, translator, filter);
}

/* Every incident has one province (or none): its bars add up to the total. */
static guint
total_of (GArray *rows)
{
  guint total = 0;

  for (guint i = 0; i < rows->len; i++)
    total += g_array_index (rows, GawahStatisticsRow, i).count;
  return total;
}

static void
add_totals (GawahReportDocument   *document,
            const GawahTranslator *translator,
            GArray                *by_province)
{
  g_autofree char *total = g_strdup_printf ("%u", total_of (by_province));

  gawah_report_document_add (document, GAWAH_REPORT_HEADING, T (N_("Totals")));
  gawah_report_document_add_field (document, GAWAH_REPORT_PARAGRAPH, T (N_("Incidents")), total);
  gawah_report_document_add (document, GAWAH_REPORT_NOTE,
                             T (N_("An incident with several acts, victims or perpetrators counts once in each of "
                                   "their bars, so a chart's bars can add up to more than the total.")));
}

GawahReportDocument *
gawah_summary_report_new (GawahCasebook              *casebook,
                          const GawahIncidentFilter  *filter,
                          GawahLanguage               language,
                          GError                    **error)
{
  const GawahTranslator *translator = gawah_translator_get (language);
  g_autofree char *name = NULL;
  g_autoptr(GawahReportDocument) document = NULL;
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_return_val_if_fail (GAWAH_IS_CASEBOOK (casebook), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      GArray *rows = gawah_casebook_count_incidents_by (casebook, charts[i].dimension, filter, error);

      if (rows == NULL)
        return NULL;
      g_ptr_array_add (counts, rows);
    }
  name = gawah_casebook_display_name (casebook);
  document = gawah_report_document_new (translator, name,
                                        gawah_translator_label (translator, GAWAH_VOCAB_CONFIDENTIALITY, "restricted"));
  gawah_report_document_add (document, GAWAH_REPORT_TITLE, T (N_("Casebook Summary")));
  gawah_report_document_add (document, GAWAH_REPORT_NOTE, name);
  add_filter (document, translator, filter);
  add_totals (document, translator, g_ptr_array_index (counts, 1));
  gawah_report_document_add (document, GAWAH_REPORT_HEADING, T (N_("Statistics")));
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    gawah_report_document_add_chart (document, T (charts[i].title),
                                     gawah_chart_bars_from_rows (g_ptr_array_index (counts, i),
                                                                 gawah_statistics_dimension_vocabulary (charts[i].dimension),
                                                                 translator));
  return g_steal_pointer (&document);
}
