/* gawah-date-row.c: a partial date, typed as YYYY-MM-DD, YYYY-MM or YYYY
 *
 * The precision follows what is typed (2019-03 is a month) unless the user
 * chose "approximate", which is kept; a leading "~" also means approximate.
 * Every edit is checked at once with the core's own parser, and what to fix
 * is written under the field. "changed" is emitted for edits by the user
 * only, never for gawah_date_row_set_date().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-date-row.h"

/* Indexed like the precision dropdown's items. */
static const GawahPrecision precisions[] = {
  GAWAH_PRECISION_DAY,
  GAWAH_PRECISION_MONTH,
  GAWAH_PRECISION_YEAR,
  GAWAH_PRECISION_APPROXIMATE,
  GAWAH_PRECISION_UNKNOWN,
};

struct _GawahDateRow
{
  AdwPreferencesRow  parent_instance;

  /* template widgets */
  GtkLabel          *title_label;
  GtkEntry          *entry;
  GtkDropDown       *precision_dropdown;
  GtkLabel          *message_label;

  /* owned */
  char              *field_name;
  gboolean           updating;
};

enum {
  PROP_0,
  PROP_FIELD_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GawahDateRow, gawah_date_row, ADW_TYPE_PREFERENCES_ROW)

GtkWidget *
gawah_date_row_new (const char *title,
                    const char *field_name)
{
  return g_object_new (GAWAH_TYPE_DATE_ROW, "title", title, "use-underline", TRUE, "field-name", field_name, NULL);
}

/* The field as messages name it: "field-name", which should be worded as
 * the core words it ("Start date"), or else the title without its mnemonic. */
char *
gawah_date_row_dup_field_name (GawahDateRow *self)
{
  const char *title;
  GString *name;

  g_return_val_if_fail (GAWAH_IS_DATE_ROW (self), NULL);

  if (self->field_name != NULL)
    return g_strdup (self->field_name);

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  name = g_string_new (NULL);
  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    {
      if (*p == '_' && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (self)))
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

static void update_accessible_labels (GawahDateRow *self);

void
gawah_date_row_set_field_name (GawahDateRow *self,
                               const char   *field_name)
{
  g_return_if_fail (GAWAH_IS_DATE_ROW (self));

  if (g_strcmp0 (self->field_name, field_name) == 0)
    return;
  g_free (self->field_name);
  self->field_name = g_strdup (field_name);
  update_accessible_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_NAME]);
}

static GawahPrecision
get_precision (GawahDateRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->precision_dropdown);

  return selected < G_N_ELEMENTS (precisions) ? precisions[selected] : GAWAH_PRECISION_UNKNOWN;
}

static void
set_precision (GawahDateRow   *self,
               GawahPrecision  precision)
{
  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    if (precisions[i] == precision)
      gtk_drop_down_set_selected (self->precision_dropdown, i);
}

/* The text without blanks and without the "~" that marks an estimate. */
static char *
dup_iso_text (GawahDateRow *self,
              gboolean     *approximate)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  *approximate = text[0] == '~';
  if (*approximate)
    return g_strstrip (g_strdup (text + 1));
  return g_steal_pointer (&text);
}

gboolean
gawah_date_row_get_date (GawahDateRow      *self,
                         GawahPartialDate  *date,
                         GError           **error)
{
  g_autofree char *field = NULL;
  g_autofree char *iso = NULL;
  gboolean approximate;

  g_return_val_if_fail (GAWAH_IS_DATE_ROW (self), FALSE);

  field = gawah_date_row_dup_field_name (self);
  iso = dup_iso_text (self, &approximate);
  return gawah_partial_date_parse (*iso != '\0' ? iso : NULL, gawah_precision_to_code (get_precision (self)),
                                   field, date, error);
}

void
gawah_date_row_show_error (GawahDateRow *self,
                           const char   *message)
{
  gboolean invalid = message != NULL;

  g_return_if_fail (GAWAH_IS_DATE_ROW (self));

  gtk_label_set_text (self->message_label, invalid ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), invalid);
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
validate (GawahDateRow *self)
{
  g_autoptr(GError) error = NULL;
  GawahPartialDate date;

  gawah_date_row_get_date (self, &date, &error);
  gawah_date_row_show_error (self, error != NULL ? error->message : NULL);
}

void
gawah_date_row_set_date (GawahDateRow           *self,
                         const GawahPartialDate *date)
{
  g_autofree char *iso = NULL;

  g_return_if_fail (GAWAH_IS_DATE_ROW (self));
  g_return_if_fail (date != NULL);

  iso = gawah_partial_date_to_iso (date);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), iso != NULL ? iso : "");
  set_precision (self, date->precision);
  self->updating = FALSE;
  validate (self);
}

/* "2019" is a year, "2019-03" a month, "2019-03-14" a day; a chosen
 * "approximate" stays until the field is emptied. */
static void
follow_what_is_typed (GawahDateRow *self)
{
  g_autofree char *iso = NULL;
  g_auto(GStrv) parts = NULL;
  gboolean approximate;
  guint n_parts;

  iso = dup_iso_text (self, &approximate);
  if (*iso == '\0')
    {
      set_precision (self, GAWAH_PRECISION_UNKNOWN);
      return;
    }
  if (approximate)
    {
      set_precision (self, GAWAH_PRECISION_APPROXIMATE);
      return;
    }
  if (get_precision (self) == GAWAH_PRECISION_APPROXIMATE)
    return;
  parts = g_strsplit (iso, "-", -1);
  n_parts = g_strv_length (parts);
  if (n_parts >= 1 && n_parts <= 3)
    set_precision (self, (GawahPrecision[]) { GAWAH_PRECISION_YEAR, GAWAH_PRECISION_MONTH,
                                              GAWAH_PRECISION_DAY }[n_parts - 1]);
}

static void
on_text_changed_cb (GawahDateRow *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  follow_what_is_typed (self);
  self->updating = FALSE;
  validate (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_precision_changed_cb (GawahDateRow *self)
{
  if (self->updating)
    return;
  validate (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
update_accessible_labels (GawahDateRow *self)
{
  g_autofree char *field = gawah_date_row_dup_field_name (self);
  /* Translators: the accessible name of a date's precision dropdown, e.g. “Start date, precision”. */
  g_autofree char *precision = g_strdup_printf (_("%s, precision"), field);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, field, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->precision_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, precision, -1);
}

/* The row itself never takes the focus: its entry does, as in AdwEntryRow. */
static gboolean
gawah_date_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (GAWAH_DATE_ROW (widget)->entry));
}

static gboolean
gawah_date_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL && gtk_widget_child_focus (child, direction);
}

static void
gawah_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GawahDateRow *self = GAWAH_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_NAME:
      g_value_set_string (value, self->field_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_date_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GawahDateRow *self = GAWAH_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_NAME:
      gawah_date_row_set_field_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GAWAH_TYPE_DATE_ROW);
  G_OBJECT_CLASS (gawah_date_row_parent_class)->dispose (object);
}

static void
gawah_date_row_finalize (GObject *object)
{
  g_free (GAWAH_DATE_ROW (object)->field_name);
  G_OBJECT_CLASS (gawah_date_row_parent_class)->finalize (object);
}

static void
gawah_date_row_class_init (GawahDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gawah_date_row_get_property;
  object_class->set_property = gawah_date_row_set_property;
  object_class->dispose = gawah_date_row_dispose;
  object_class->finalize = gawah_date_row_finalize;
  widget_class->grab_focus = gawah_date_row_grab_focus;
  widget_class->focus = gawah_date_row_focus;

  properties[PROP_FIELD_NAME] =
    g_param_spec_string ("field-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahDateRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GawahDateRow, entry);
  gtk_widget_class_bind_template_child (widget_class, GawahDateRow, precision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahDateRow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_precision_changed_cb);
}

static void
gawah_date_row_init (GawahDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->message_label, NULL, -1);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_accessible_labels), NULL);
  update_accessible_labels (self);
}
