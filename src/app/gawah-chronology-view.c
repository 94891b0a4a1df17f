/* gawah-chronology-view.c: one incident's steps and follow-up actions, in order
 *
 * A vertical line with a dot for each dated step and each follow-up action,
 * the oldest first; what is still awaited says how many days are left (or
 * how late it is). The rows are plain labels, so that they wrap, select and
 * read aloud like any text; only the line and the dots are drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-chronology-view.h"
#include "gawah-date-text.h"
#include "gawah-incident-row.h"
#include "gawah-vocabulary.h"
#include "gawah-widget-util.h"

#define GUTTER     32   /* room for the line and the dots, at the start edge */
#define DOT_RADIUS 6.f
#define LINE_WIDTH 2.f

typedef enum {
  MARK_STEP,
  MARK_FOLLOW_UP,
  MARK_AWAITED,       /* a follow-up still waiting for its due date */
  MARK_LATE,          /* … and past it */
  MARK_TODAY,
} MarkKind;

typedef struct {
  GtkWidget *row;     /* owned by the box */
  MarkKind   kind;
} Mark;

/* A row waiting for its place in the order. */
typedef struct {
  GawahPartialDate  date;
  guint             order;
  GtkWidget        *row;
  MarkKind          kind;
} PendingRow;

struct _GawahChronologyView
{
  GtkWidget  parent_instance;

  /* owned */
  GtkWidget *box;
  GArray    *marks;       /* Mark, in the order shown */
  GDate      today;       /* invalid: the real today */
};

G_DEFINE_FINAL_TYPE (GawahChronologyView, gawah_chronology_view, GTK_TYPE_WIDGET)

static const char *
label_of (const char *vocabulary_id,
          const char *code)
{
  return gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary_id, code);
}

static void
get_today (GawahChronologyView *self,
           GDate               *today)
{
  if (g_date_valid (&self->today))
    *today = self->today;
  else
    g_date_set_time_t (today, time (NULL));
}

/* A deadline given as "March 2027" runs to the end of March. */
static gboolean
last_day_of (const GawahPartialDate *date,
             GDate                  *day)
{
  guint8 month = date->month != 0 ? date->month : 12;

  if (!gawah_partial_date_is_known (date) || !g_date_valid_year (date->year))
    return FALSE;
  g_date_clear (day, 1);
  g_date_set_dmy (day, date->day != 0 ? date->day : g_date_get_days_in_month (month, date->year), month, date->year);
  return TRUE;
}

static gboolean
is_awaited (const GawahFollowUp *follow_up)
{
  return g_strcmp0 (follow_up->status, "responded") != 0 && g_strcmp0 (follow_up->status, "closed") != 0;
}

/* "due in 3 days", "overdue by 12 days": only for what is still awaited. */
static char *
describe_due (GawahChronologyView *self,
              const GawahFollowUp *follow_up,
              MarkKind            *kind)
{
  GDate today, due;
  int days;

  if (!is_awaited (follow_up) || !last_day_of (&follow_up->due, &due))
    return NULL;
  get_today (self, &today);
  days = g_date_days_between (&today, &due);
  *kind = days < 0 ? MARK_LATE : MARK_AWAITED;
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    /* Translators: a follow-up action (a reply from a UN body, a hearing) is expected within this many days. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", days), days);
  /* Translators: the follow-up action's due date passed this many days ago. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days", -days), -days);
}

static GtkWidget *
add_label (GtkWidget  *row,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (row), label);
  return label;
}

/* The date comes first in each row: the dot is drawn beside it. */
static GtkWidget *
new_row (const GawahPartialDate *date,
         const char             *title,
         const char             *description)
{
  static const GawahPartialDate no_end = { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
  g_autofree char *when = gawah_describe_dates (date, &no_end, FALSE);
  GtkWidget *row = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 2,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM, NULL);

  gtk_widget_set_margin_start (row, GUTTER);
  add_label (row, when, "caption-heading");
  add_label (row, title, "heading");
  if (description != NULL && *description != '\0')
    add_label (row, description, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, when, -1);
  return row;
}

static void
add_pending (GArray                 *pending,
             const GawahPartialDate *date,
             GtkWidget              *row,
             MarkKind                kind)
{
  PendingRow item = { *date, pending->len, g_object_ref_sink (row), kind };

  g_array_append_val (pending, item);
}

static void
add_steps (GArray        *pending,
           GawahCasebook *casebook,
           gint64         incident_id)
{
  g_autoptr(GPtrArray) entries = gawah_casebook_list_chronology (casebook, incident_id, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const GawahChronologyEntry *entry = g_ptr_array_index (entries, i);

      add_pending (pending, &entry->date,
                   new_row (&entry->date, label_of (GAWAH_VOCAB_CHRONOLOGY_STEP, entry->step), entry->description),
                   MARK_STEP);
    }
}

static GtkWidget *
new_follow_up_row (GawahChronologyView *self,
                   const GawahFollowUp *follow_up,
                   MarkKind            *kind)
{
  /* Translators: a follow-up action: its type, to whom, and its status. */
  g_autofree char *title = g_strdup_printf (_("%1$s to %2$s (%3$s)"),
                                            label_of (GAWAH_VOCAB_FOLLOW_UP_TYPE, follow_up->action_type),
                                            label_of (GAWAH_VOCAB_FOLLOW_UP_BODY, follow_up->body),
                                            label_of (GAWAH_VOCAB_FOLLOW_UP_STATUS, follow_up->status));
  const GawahPartialDate *date = gawah_partial_date_is_known (&follow_up->date) ? &follow_up->date : &follow_up->due;
  GtkWidget *row = new_row (date, title, follow_up->description);
  g_autofree char *due = describe_due (self, follow_up, kind);

  if (follow_up->response != NULL && *follow_up->response != '\0')
    add_label (row, follow_up->response, "dim-label");
  if (due != NULL)
    add_label (row, due, *kind == MARK_LATE ? "error" : "warning");
  return row;
}

static void
add_follow_ups (GawahChronologyView *self,
                GArray              *pending,
                GawahCasebook       *casebook,
                gint64               incident_id)
{
  g_autoptr(GPtrArray) follow_ups = gawah_casebook_list_follow_ups (casebook, incident_id, NULL);

  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      const GawahFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      const GawahPartialDate *date = gawah_partial_date_is_known (&follow_up->date) ? &follow_up->date : &follow_up->due;
      MarkKind kind = MARK_FOLLOW_UP;
      GtkWidget *row = new_follow_up_row (self, follow_up, &kind);

      add_pending (pending, date, row, kind);
    }
}

/* "Today" is shown only where something lies ahead of it: a closed case's
 * chronology is history, and needs no marker. */
static void
add_today (GawahChronologyView *self,
           GArray              *pending)
{
  GawahPartialDate today = { 0, 0, 0, GAWAH_PRECISION_DAY };
  gboolean ahead = FALSE;
  GDate date;

  get_today (self, &date);
  today.year = g_date_get_year (&date);
  today.month = g_date_get_month (&date);
  today.day = g_date_get_day (&date);
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingRow *item = &g_array_index (pending, PendingRow, i);

      ahead |= item->kind == MARK_AWAITED || gawah_partial_date_compare (&item->date, &today) > 0;
    }
  if (ahead)
    add_pending (pending, &today, new_row (&today, _("Today"), NULL), MARK_TODAY);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingRow *pa = a, *pb = b;
  int by_date = gawah_partial_date_compare (&pa->date, &pb->date);

  /* Equal dates keep the casebook's order: steps, then follow-ups. */
  return by_date != 0 ? by_date : (int) pa->order - (int) pb->order;
}

static void
clear (GawahChronologyView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_array_set_size (self->marks, 0);
}

void
gawah_chronology_view_set_incident (GawahChronologyView *self,
                                    GawahCasebook       *casebook,
                                    gint64               incident_id)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingRow));

  g_return_if_fail (GAWAH_IS_CHRONOLOGY_VIEW (self));
  g_return_if_fail (casebook == NULL || GAWAH_IS_CASEBOOK (casebook));

  clear (self);
  if (casebook == NULL)
    return;
  add_steps (pending, casebook, incident_id);
  add_follow_ups (self, pending, casebook, incident_id);
  add_today (self, pending);
  g_array_sort (pending, compare_pending);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingRow *item = &g_array_index (pending, PendingRow, i);
      Mark mark = { item->row, item->kind };

      gtk_box_append (GTK_BOX (self->box), item->row);
      g_object_unref (item->row);
      g_array_append_val (self->marks, mark);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For tests, and for an agenda that looks at another day. */
void
gawah_chronology_view_set_today (GawahChronologyView *self,
                                 const GDate         *today)
{
  g_return_if_fail (GAWAH_IS_CHRONOLOGY_VIEW (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

guint
gawah_chronology_view_get_n_steps (GawahChronologyView *self)
{
  g_return_val_if_fail (GAWAH_IS_CHRONOLOGY_VIEW (self), 0);
  return self->marks->len;
}

GtkWidget *
gawah_chronology_view_new (void)
{
  return g_object_new (GAWAH_TYPE_CHRONOLOGY_VIEW, NULL);
}

/* Drawing */

static GdkRGBA
mark_color (GtkWidget *widget,
            MarkKind   kind)
{
  switch (kind)
    {
    case MARK_AWAITED:
      return gawah_widget_theme_color (widget, "warning_color", "#9c6e03");
    case MARK_LATE:
      return gawah_widget_theme_color (widget, "error_color", "#c01c28");
    case MARK_STEP:
    case MARK_FOLLOW_UP:
    case MARK_TODAY:
    default:
      return gawah_widget_theme_color (widget, "accent_color", "#1c71d8");
    }
}

static void
append_dot (GtkSnapshot   *snapshot,
            float          x,
            float          y,
            float          radius,
            const GdkRGBA *color)
{
  GskRoundedRect circle;

  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

/* Steps are solid; follow-up actions are rings, hollow like a pending reply. */
static void
draw_mark (GawahChronologyView *self,
           GtkSnapshot         *snapshot,
           const Mark          *mark,
           float                x,
           float                y)
{
  GdkRGBA color = mark_color (GTK_WIDGET (self), mark->kind);
  GdkRGBA background = gawah_widget_theme_color (GTK_WIDGET (self), "view_bg_color", "#ffffff");
  float radius = mark->kind == MARK_TODAY ? DOT_RADIUS + 1 : DOT_RADIUS;

  append_dot (snapshot, x, y, radius + 2, &background);
  append_dot (snapshot, x, y, radius, &color);
  if (mark->kind != MARK_STEP && mark->kind != MARK_TODAY)
    append_dot (snapshot, x, y, radius - 2.5f, &background);
}

static gboolean
mark_position (GawahChronologyView *self,
               const Mark          *mark,
               float               *y)
{
  GtkWidget *date_label = gtk_widget_get_first_child (mark->row);
  graphene_point_t point;

  if (!gtk_widget_compute_point (date_label, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (date_label) / 2.f), &point))
    return FALSE;
  *y = point.y;
  return TRUE;
}

static void
gawah_chronology_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GawahChronologyView *self = GAWAH_CHRONOLOGY_VIEW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  float x = rtl ? gtk_widget_get_width (widget) - GUTTER / 2.f : GUTTER / 2.f;
  float first = 0, last = 0, y;
  GdkRGBA line = gawah_widget_theme_color (widget, "borders", "rgba(0,0,0,0.15)");

  for (guint i = 0; i < self->marks->len; i++)
    if (mark_position (self, &g_array_index (self->marks, Mark, i), &y))
      {
        first = i == 0 ? y : first;
        last = y;
      }
  if (self->marks->len > 1)
    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x - LINE_WIDTH / 2, first, LINE_WIDTH, last - first));
  for (guint i = 0; i < self->marks->len; i++)
    if (mark_position (self, &g_array_index (self->marks, Mark, i), &y))
      draw_mark (self, snapshot, &g_array_index (self->marks, Mark, i), x, y);
  GTK_WIDGET_CLASS (gawah_chronology_view_parent_class)->snapshot (widget, snapshot);
}

static void
gawah_chronology_view_dispose (GObject *object)
{
  GawahChronologyView *self = GAWAH_CHRONOLOGY_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (gawah_chronology_view_parent_class)->dispose (object);
}

static void
gawah_chronology_view_finalize (GObject *object)
{
  GawahChronologyView *self = GAWAH_CHRONOLOGY_VIEW (object);

  g_clear_pointer (&self->marks, g_array_unref);
  G_OBJECT_CLASS (gawah_chronology_view_parent_class)->finalize (object);
}

static void
gawah_chronology_view_class_init (GawahChronologyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gawah_chronology_view_dispose;
  object_class->finalize = gawah_chronology_view_finalize;
  widget_class->snapshot = gawah_chronology_view_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chronology");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
gawah_chronology_view_init (GawahChronologyView *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_date_clear (&self->today, 1);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
