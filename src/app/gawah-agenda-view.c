/* gawah-agenda-view.c: follow-up actions due or overdue
 *
 * Hearings and replies expected from UN bodies, soonest first, counted in
 * days from today. An action whose due date is a month or a year is due
 * until the end of it, as the casebook's agenda query has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gawah-agenda-view.h"
#include "gawah-statistics.h"
#include "gawah-vocabulary.h"
#include "gawah-widget-util.h"

struct _GawahAgendaView
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkStack      *stack;
  GtkListBox    *list_box;

  /* owned */
  GawahCasebook *casebook;
  guint          n_items;
};

G_DEFINE_FINAL_TYPE (GawahAgendaView, gawah_agenda_view, GTK_TYPE_WIDGET)

enum {
  SHOW_INCIDENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDate *
last_due_day (const GawahPartialDate *due)
{
  GDateMonth month = due->month != 0 ? due->month : G_DATE_DECEMBER;
  GDateDay day = due->day != 0 ? due->day : g_date_get_days_in_month (month, due->year);

  return g_date_new_dmy (day, month, due->year);
}

/* Negative when overdue. */
static int
days_until (const GawahPartialDate *due,
            const GDate            *today)
{
  g_autoptr(GDate) last = last_due_day (due);

  return g_date_days_between (today, last);
}

static GtkWidget *
make_when_label (int days)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (days < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
  else if (days == 0)
    text = g_strdup (_("Due today"));
  else
    /* Translators: how long until a follow-up action is due. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, days < 0 ? "error" : "dim-label");
  if (days < 0)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static char *
describe (const GawahAgendaItem *item)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  g_autofree char *date = gawah_partial_date_to_display (&item->due);
  /* Isolated left to right: after Urdu text, "2026-03-01" would otherwise
   * be reordered into "01-03-2026". */
  g_autofree char *due = g_strdup_printf ("\u2066%s\u2069", date);

  /* Translators: a follow-up action: the body, the kind of action, and its due date. */
  return g_strdup_printf (_("%s · %s · due %s"),
                          gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_FOLLOW_UP_BODY, item->body),
                          gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_FOLLOW_UP_TYPE, item->action_type),
                          due);
}

static GtkWidget *
make_row (const GawahAgendaItem *item,
          const GDate           *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (item->incident_title, -1);
  g_autofree char *subtitle_text = describe (item);
  g_autofree char *subtitle = g_markup_escape_text (subtitle_text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_when_label (days_until (&item->due, today)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "incident-id", g_memdup2 (&item->incident_id, sizeof (gint64)), g_free);
  return row;
}

static void
clear_rows (GawahAgendaView *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, row);
  self->n_items = 0;
}

static void
refresh (GawahAgendaView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  if (self->casebook != NULL)
    agenda = gawah_casebook_list_agenda (self->casebook, today_iso, &error);
  if (error != NULL)
    g_warning ("Could not read the agenda: %s", error->message);
  for (guint i = 0; agenda != NULL && i < agenda->len; i++)
    gtk_list_box_append (self->list_box, make_row (g_ptr_array_index (agenda, i), today));
  self->n_items = agenda != NULL ? agenda->len : 0;
  gtk_stack_set_visible_child_name (self->stack, self->n_items > 0 ? "agenda" : "empty");
}

void
gawah_agenda_view_set_casebook (GawahAgendaView *self,
                                GawahCasebook   *casebook)
{
  g_return_if_fail (GAWAH_IS_AGENDA_VIEW (self));
  g_return_if_fail (casebook == NULL || GAWAH_IS_CASEBOOK (casebook));

  g_set_object (&self->casebook, casebook);
  /* A hidden agenda is read when it is shown (see map); one forgetting its
   * casebook is emptied at once. */
  if (casebook == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

guint
gawah_agenda_view_get_n_items (GawahAgendaView *self)
{
  g_return_val_if_fail (GAWAH_IS_AGENDA_VIEW (self), 0);
  return self->n_items;
}

static void
on_row_activated_cb (GawahAgendaView *self,
                     GtkListBoxRow   *row)
{
  const gint64 *incident_id = g_object_get_data (G_OBJECT (row), "incident-id");

  if (incident_id != NULL)
    g_signal_emit (self, signals[SHOW_INCIDENT], 0, *incident_id);
}

/* Follow-ups change and days pass: the agenda is read whenever it is shown. */
static void
gawah_agenda_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gawah_agenda_view_parent_class)->map (widget);
  refresh (GAWAH_AGENDA_VIEW (widget));
}

GtkWidget *
gawah_agenda_view_new (void)
{
  return g_object_new (GAWAH_TYPE_AGENDA_VIEW, NULL);
}

static void
gawah_agenda_view_dispose (GObject *object)
{
  GawahAgendaView *self = GAWAH_AGENDA_VIEW (object);

  gawah_widget_dispose_children (GTK_WIDGET (self), GAWAH_TYPE_AGENDA_VIEW);
  g_clear_object (&self->casebook);
  G_OBJECT_CLASS (gawah_agenda_view_parent_class)->dispose (object);
}

static void
gawah_agenda_view_class_init (GawahAgendaViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_agenda_view_dispose;
  widget_class->map = gawah_agenda_view_map;

  /* The incident a follow-up action belongs to, to open it. */
  signals[SHOW_INCIDENT] = g_signal_new ("show-incident", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, GawahAgendaView, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
gawah_agenda_view_init (GawahAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
