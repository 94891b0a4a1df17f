/* gawah-person-chooser.c: find a person already in the casebook, or add one
 *
 * Names are searched in both scripts. A new person is only added when asked
 * ("Add Person"), never as a side effect of typing; before that, every word
 * of the new names is looked up so that the same defender is not entered
 * twice under a different spelling: similar names are shown and can be
 * picked instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gawah-error.h"
#include "gawah-person-chooser.h"
#include "gawah-vocabulary.h"
#include "gawah-vocabulary-row.h"

#define MAX_RESULTS 20
#define DIRECTION_MARK "\u200e"      /* U+200E and U+200F are as long in UTF-8 */
#define MAX_SIMILAR 8

struct _GawahPersonChooser
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkListBox         *chosen_list;
  AdwActionRow       *chosen_row;
  GtkWidget          *search_box;
  GtkLabel           *search_label;
  GtkSearchEntry     *search_entry;
  GtkListBox         *results_list;
  GtkWidget          *new_person_box;
  AdwEntryRow        *name_row;
  AdwEntryRow        *urdu_name_row;
  GawahVocabularyRow *kind_row;
  GawahVocabularyRow *sex_row;
  AdwExpanderRow     *categories_row;
  AdwEntryRow        *organisation_row;
  GtkWidget          *similar_box;
  GtkLabel           *similar_label;
  GtkListBox         *similar_list;
  GtkLabel           *error_label;
  GtkLabel           *message_label;

  /* owned */
  GawahCasebook      *casebook;
  gint64              person_id;
  GPtrArray          *category_codes;

  /* borrowed: the check buttons in categories_row, indexed like category_codes */
  GPtrArray          *category_checks;
};

enum {
  PROP_0,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GQuark person_id_quark;

G_DEFINE_FINAL_TYPE (GawahPersonChooser, gawah_person_chooser, GTK_TYPE_WIDGET)

GtkWidget *
gawah_person_chooser_new (GawahCasebook *casebook,
                          const char    *search_label)
{
  GawahPersonChooser *self = g_object_new (GAWAH_TYPE_PERSON_CHOOSER, NULL);

  gawah_person_chooser_set_casebook (self, casebook);
  gawah_person_chooser_set_search_label (self, search_label);
  return GTK_WIDGET (self);
}

static void
set_row_person_id (GtkWidget *row,
                   gint64     person_id)
{
  g_object_set_qdata_full (G_OBJECT (row), person_id_quark, g_memdup2 (&person_id, sizeof person_id), g_free);
}

static gint64
get_row_person_id (GtkWidget *row)
{
  gint64 *person_id = g_object_get_qdata (G_OBJECT (row), person_id_quark);

  return person_id != NULL ? *person_id : 0;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Each part is isolated (U+2068 … U+2069): an Urdu name must not reorder
 * the Latin parts around it, nor the other way round. */
static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > strlen (DIRECTION_MARK))
    g_string_append (text, " · ");
  g_string_append_printf (text, "\u2068%s\u2069", part);
}

/* What tells two people with similar names apart. The line starts with a
 * mark of the interface's direction, so that it reads in that direction
 * whichever script the first part is in. */
static char *
describe_person (const GawahPerson *person)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  GString *text = g_string_new (rtl ? "\u200f" : "\u200e");

  if (person->name_latin != NULL && *person->name_latin != '\0')
    append_part (text, person->name_urdu);
  append_part (text, person->organisation);
  for (guint i = 0; person->categories[i] != NULL; i++)
    append_part (text, gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_HRD_CATEGORY, person->categories[i]));
  if (text->len == strlen (DIRECTION_MARK))
    g_string_truncate (text, 0);
  return g_string_free (text, FALSE);
}

static GtkWidget *
make_person_row (const GawahPerson *person)
{
  g_autofree char *subtitle = describe_person (person);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gawah_person_get_display_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  set_row_person_id (row, person->id);
  return row;
}

static GtkWidget *
make_new_person_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_New Person…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* Rows for the people with these ids, in the order given. */
static void
fill_with_people (GawahPersonChooser *self,
                  GtkListBox         *list,
                  GArray             *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(GawahPerson) person = gawah_casebook_get_person (self->casebook, g_array_index (ids, gint64, i), NULL);

      if (person != NULL)
        gtk_list_box_append (list, make_person_row (person));
    }
}

static void show_chosen (GawahPersonChooser *self);

/* Escape empties the search, then goes back to the chosen person, then (as
 * everywhere else in the window) closes the window. */
static void
on_stop_search_cb (GawahPersonChooser *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else if (self->person_id != 0)
    {
      show_chosen (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->chosen_row));
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);
}

static void
on_search_changed_cb (GawahPersonChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) ids = NULL;

  remove_all_rows (self->results_list);
  if (self->casebook != NULL && *text != '\0')
    ids = gawah_casebook_search_people (self->casebook, text, MAX_RESULTS, NULL);
  fill_with_people (self, self->results_list, ids);
  gtk_list_box_append (self->results_list, make_new_person_row ());
}

static void
show_chosen (GawahPersonChooser *self)
{
  g_autoptr(GawahPerson) person = NULL;
  g_autofree char *subtitle = NULL;

  if (self->person_id != 0 && self->casebook != NULL)
    person = gawah_casebook_get_person (self->casebook, self->person_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_list), person != NULL);
  gtk_widget_set_visible (self->search_box, person == NULL);
  gtk_widget_set_visible (self->new_person_box, FALSE);
  if (person == NULL)
    return;
  subtitle = describe_person (person);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), gawah_person_get_display_name (person));
  adw_action_row_set_subtitle (self->chosen_row, subtitle);
}

gint64
gawah_person_chooser_get_person_id (GawahPersonChooser *self)
{
  g_return_val_if_fail (GAWAH_IS_PERSON_CHOOSER (self), 0);
  return self->person_id;
}

void
gawah_person_chooser_set_person_id (GawahPersonChooser *self,
                                    gint64              person_id)
{
  g_return_if_fail (GAWAH_IS_PERSON_CHOOSER (self));

  gawah_person_chooser_show_error (self, NULL);
  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  show_chosen (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

void
gawah_person_chooser_set_casebook (GawahPersonChooser *self,
                                   GawahCasebook      *casebook)
{
  g_return_if_fail (GAWAH_IS_PERSON_CHOOSER (self));

  g_set_object (&self->casebook, casebook);
  show_chosen (self);
  on_search_changed_cb (self);
}

void
gawah_person_chooser_set_search_label (GawahPersonChooser *self,
                                       const char         *search_label)
{
  g_return_if_fail (GAWAH_IS_PERSON_CHOOSER (self));
  gtk_label_set_text_with_mnemonic (self->search_label, search_label != NULL ? search_label : _("_Find a person"));
}

/* A message from whoever saves the chosen person with a record, e.g.
 * "Victim: choose a person or add a new one"; NULL clears it. */
void
gawah_person_chooser_show_error (GawahPersonChooser *self,
                                 const char         *message)
{
  g_return_if_fail (GAWAH_IS_PERSON_CHOOSER (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* The new person's names, word by word, in either script. */
static GArray *
find_similar_people (GawahPersonChooser *self)
{
  g_autofree char *names = g_strjoin (" ", gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->urdu_name_row)), NULL);
  g_auto(GStrv) words = g_strsplit_set (names, " \t.,;:-'\"()", -1);
  g_autoptr(GArray) similar = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; words[i] != NULL && similar->len < MAX_SIMILAR; i++)
    {
      g_autoptr(GArray) ids = NULL;

      /* One letter finds everyone whose name has a word starting with it. */
      if (g_utf8_strlen (words[i], -1) < 2)
        continue;
      ids = gawah_casebook_search_people (self->casebook, words[i], MAX_SIMILAR, NULL);
      for (guint j = 0; ids != NULL && j < ids->len && similar->len < MAX_SIMILAR; j++)
        {
          gint64 id = g_array_index (ids, gint64, j);
          gboolean seen = FALSE;

          for (guint k = 0; k < similar->len && !seen; k++)
            seen = g_array_index (similar, gint64, k) == id;
          if (!seen)
            g_array_append_val (similar, id);
        }
    }
  return g_steal_pointer (&similar);
}

static void
on_name_changed_cb (GawahPersonChooser *self)
{
  g_autoptr(GArray) similar = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->urdu_name_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  remove_all_rows (self->similar_list);
  if (self->casebook == NULL)
    return;

  similar = find_similar_people (self);
  fill_with_people (self, self->similar_list, similar);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->similar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (names->len > 0)
        /* Translators: separates names in a list. */
        g_string_append (names, _(", "));
      g_string_append (names, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  if (names->len > 0)
    {
      /* Translators: %s is a list of names; the user can pick one of them instead. */
      g_autofree char *text = g_strdup_printf (_("Similar names already in this casebook: %s. "
                                                 "If one of them is this person, choose it below."),
                                               names->str);

      gtk_label_set_text (self->similar_label, text);
    }
  gtk_widget_set_visible (self->similar_box, names->len > 0);
}

static void
clear_new_person_form (GawahPersonChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->urdu_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), "");
  gawah_vocabulary_row_set_code (self->kind_row, "individual");
  gawah_vocabulary_row_set_code (self->sex_row, NULL);
  for (guint i = 0; i < self->category_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->category_checks, i), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->similar_box, FALSE);
}

/* What was searched for becomes the new name, in the script it was typed in. */
static void
start_new_person (GawahPersonChooser *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean urdu = FALSE;

  clear_new_person_form (self);
  for (const char *p = typed; *p != '\0' && !urdu; p = g_utf8_next_char (p))
    urdu = g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC;
  gtk_editable_set_text (GTK_EDITABLE (urdu ? self->urdu_name_row : self->name_row), typed);
  gtk_widget_set_visible (self->search_box, FALSE);
  gtk_widget_set_visible (self->new_person_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (urdu ? self->urdu_name_row : self->name_row));
}

static void
on_row_activated_cb (GawahPersonChooser *self,
                     GtkListBoxRow      *row)
{
  gint64 person_id = get_row_person_id (GTK_WIDGET (row));

  if (person_id == 0)
    {
      start_new_person (self);
      return;
    }
  gawah_person_chooser_set_person_id (self, person_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->chosen_row));
}

static char *
dup_trimmed (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GawahPerson *
collect_new_person (GawahPersonChooser *self)
{
  g_autoptr(GawahPerson) person = gawah_person_new ();
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();

  person->name_latin = dup_trimmed (GTK_EDITABLE (self->name_row));
  person->name_urdu = dup_trimmed (GTK_EDITABLE (self->urdu_name_row));
  person->organisation = dup_trimmed (GTK_EDITABLE (self->organisation_row));
  g_free (person->kind);
  person->kind = g_strdup (gawah_vocabulary_row_get_code (self->kind_row));
  person->sex = g_strdup (gawah_vocabulary_row_get_code (self->sex_row));
  for (guint i = 0; i < self->category_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->category_checks, i)))
      g_strv_builder_add (categories, g_ptr_array_index (self->category_codes, i));
  g_strfreev (person->categories);
  person->categories = g_strv_builder_end (categories);
  return g_steal_pointer (&person);
}

/* The core names the field first: "Name in Urdu: …" marks that row. */
static void
show_new_person_error (GawahPersonChooser *self,
                       const char         *message)
{
  g_autofree char *urdu_prefix = g_strconcat (_("Name in Urdu"), ":", NULL);
  g_autofree char *name_prefix = g_strconcat (_("Name"), ":", NULL);
  GtkWidget *field = NULL;

  if (g_str_has_prefix (message, urdu_prefix))
    field = GTK_WIDGET (self->urdu_name_row);
  else if (g_str_has_prefix (message, name_prefix))
    field = GTK_WIDGET (self->name_row);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (widget);
  g_autoptr(GawahPerson) person = collect_new_person (self);
  g_autoptr(GError) error = NULL;

  if (self->casebook == NULL)
    return;
  if (!gawah_casebook_save_person (self->casebook, person, &error))
    {
      show_new_person_error (self, error->message);
      return;
    }
  clear_new_person_form (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gawah_person_chooser_set_person_id (self, person->id);
  gtk_widget_grab_focus (GTK_WIDGET (self->chosen_row));
}

static void
cancel_new_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (widget);

  clear_new_person_form (self);
  show_chosen (self);
  if (gtk_widget_get_visible (self->search_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  start_new_person (GAWAH_PERSON_CHOOSER (widget));
}

/* The chosen person stays until another is chosen: changing is searching. */
static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->chosen_list), FALSE);
  gtk_widget_set_visible (self->search_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_categories_subtitle (GawahPersonChooser *self)
{
  GawahVocabularies *vocabularies = gawah_vocabularies_get_default ();
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      if (!gtk_check_button_get_active (g_ptr_array_index (self->category_checks, i)))
        continue;
      if (chosen->len > 0)
        g_string_append (chosen, _(", "));
      g_string_append (chosen, gawah_vocabularies_label (vocabularies, GAWAH_VOCAB_HRD_CATEGORY,
                                                        g_ptr_array_index (self->category_codes, i)));
    }
  adw_expander_row_set_subtitle (self->categories_row, chosen->len > 0 ? chosen->str : _("None chosen"));
}

static void
add_category_checks (GawahPersonChooser *self)
{
  const GawahVocabulary *vocabulary = gawah_vocabularies_find (gawah_vocabularies_get_default (),
                                                               GAWAH_VOCAB_HRD_CATEGORY);
  const GPtrArray *terms = gawah_vocabulary_get_terms (vocabulary);

  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gawah_text_get_current (&term->label));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gawah_text_get_current (&term->label), -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_categories_subtitle), self);
      adw_expander_row_add_row (self->categories_row, row);
      g_ptr_array_add (self->category_codes, g_strdup (term->code));
      g_ptr_array_add (self->category_checks, check);
    }
  update_categories_subtitle (self);
}

static void
gawah_person_chooser_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_person_chooser_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      gawah_person_chooser_set_person_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gawah_person_chooser_dispose (GObject *object)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (object);

  GtkWidget *child;

  g_clear_object (&self->casebook);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAWAH_TYPE_PERSON_CHOOSER);
  /* The template's outer box has no id, so nothing above unparented it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (gawah_person_chooser_parent_class)->dispose (object);
}

static void
gawah_person_chooser_finalize (GObject *object)
{
  GawahPersonChooser *self = GAWAH_PERSON_CHOOSER (object);

  g_ptr_array_unref (self->category_codes);
  g_ptr_array_unref (self->category_checks);
  G_OBJECT_CLASS (gawah_person_chooser_parent_class)->finalize (object);
}

static void
gawah_person_chooser_class_init (GawahPersonChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gawah_person_chooser_get_property;
  object_class->set_property = gawah_person_chooser_set_property;
  object_class->dispose = gawah_person_chooser_dispose;
  object_class->finalize = gawah_person_chooser_finalize;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  person_id_quark = g_quark_from_static_string ("gawah-person-id");

  g_type_ensure (GAWAH_TYPE_VOCABULARY_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, chosen_list);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, search_box);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, search_label);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, results_list);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, new_person_box);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, name_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, urdu_name_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, sex_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, categories_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, similar_box);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, similar_label);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, similar_list);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, error_label);
  gtk_widget_class_bind_template_child (widget_class, GawahPersonChooser, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "chooser.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "chooser.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "chooser.cancel-new", NULL, cancel_new_action);
  gtk_widget_class_install_action (widget_class, "chooser.change", NULL, change_action);
}

static void
gawah_person_chooser_init (GawahPersonChooser *self)
{
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->category_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gawah_vocabulary_row_set_code (self->kind_row, "individual");
  add_category_checks (self);
  gawah_person_chooser_set_search_label (self, NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->message_label, NULL, -1);
}
