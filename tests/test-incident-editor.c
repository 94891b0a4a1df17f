/* test-incident-editor.c: the incident editor, driven through its widgets
 *
 * Real GTK under a display (xvfb-run in CI). Every test types into the real
 * rows, lets the 600 ms debounce run, and then checks the casebook through
 * the core API only: what the window shows is not taken as proof.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gawah-act-editor.h"
#include "gawah-date-row.h"
#include "gawah-error.h"
#include "gawah-incident-editor.h"
#include "gawah-person-chooser.h"
#include "gawah-test-ui.h"
#include "gawah-test-utils.h"
#include "gawah-vocabulary.h"
#include "gawah-vocabulary-row.h"

#define WAIT_MS 5000

typedef struct {
  CasebookFixture  casebook;
  GtkWidget       *editor;
  guint            n_saved;
  gint64           saved_id;
} EditorFixture;

static void
on_saved_cb (GtkWidget     *editor,
             gint64         incident_id,
             EditorFixture *fixture)
{
  fixture->n_saved++;
  fixture->saved_id = incident_id;
}

static gboolean
is_allocated (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static void
open_editor (EditorFixture *fixture,
             gint64         incident_id)
{
  fixture->editor = gawah_incident_editor_new (fixture->casebook.casebook, incident_id);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  g_assert_true (test_ui_wait_until (is_allocated, fixture->editor, WAIT_MS));
}

static void
editor_fixture_set_up (EditorFixture *fixture,
                       gconstpointer  data)
{
  casebook_fixture_set_up (&fixture->casebook, data);
  open_editor (fixture, 0);
}

static void
editor_fixture_tear_down (EditorFixture *fixture,
                          gconstpointer  data)
{
  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_ui_iterate (50);
  casebook_fixture_tear_down (&fixture->casebook, data);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

#define EDITOR_CHILD(fixture, name) child ((fixture)->editor, GAWAH_TYPE_INCIDENT_EDITOR, (name))

static guint saved_target;

static gboolean
saved_enough (gpointer fixture)
{
  return ((EditorFixture *) fixture)->n_saved >= saved_target;
}

/* Waits for the debounced save that the last edit scheduled. */
static void
wait_for_save (EditorFixture *fixture)
{
  saved_target = fixture->n_saved + 1;
  g_assert_true (test_ui_wait_until (saved_enough, fixture, WAIT_MS));
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static GtkEditable *
date_entry (gpointer date_row)
{
  return child (date_row, GAWAH_TYPE_DATE_ROW, "entry");
}

/* Chooses the term with this code by its label in the interface language,
 * as a user reading the list would. */
static void
choose (gpointer    vocabulary_row,
        const char *code)
{
  const char *vocabulary = gawah_vocabulary_row_get_vocabulary (vocabulary_row);
  const char *label = gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary, code);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (vocabulary_row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (vocabulary_row), i);
          g_assert_cmpstr (gawah_vocabulary_row_get_code (vocabulary_row), ==, code);
          return;
        }
    }
  g_error ("no term “%s” in %s", code, adw_preferences_row_get_title (vocabulary_row));
}

static const char *
label_of (const char *vocabulary,
          const char *code)
{
  return gawah_vocabularies_label (gawah_vocabularies_get_default (), vocabulary, code);
}

/* Is a field's message, worded as the core or the editor words it in the
 * interface language, shown? */
static gboolean shows_message (GtkWidget  *window,
                               const char *format,
                               ...) G_GNUC_PRINTF (2, 3);

static gboolean
shows_message (GtkWidget  *window,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return test_ui_find_by_label (window, message) != NULL;
}

static GtkWidget *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
act_editor_shown (gpointer user_data)
{
  return find_window (GAWAH_TYPE_ACT_EDITOR) != NULL;
}

static void
on_act_saved_cb (GtkWidget *act_editor,
                 gint64     act_id,
                 gint64    *saved_act_id)
{
  *saved_act_id = act_id;
}

static gboolean
is_nonzero (gpointer value)
{
  return *(gint64 *) value != 0;
}

/* A person is added through the chooser's "new person" form, as typed into
 * its search entry first. */
static void
add_new_person (GawahPersonChooser *chooser,
                const char         *name,
                const char         *urdu_name,
                const char         *kind)
{
  GtkWidget *new_person_box = child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "new_person_box");

  set_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry"), name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.new-person", NULL));
  g_assert_true (gtk_widget_get_visible (new_person_box));
  /* What was searched for became the Latin name. */
  g_assert_cmpstr (gtk_editable_get_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "name_row")), ==, name);
  if (urdu_name != NULL)
    set_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "urdu_name_row"), urdu_name);
  choose (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "kind_row"), kind);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.add-person", NULL));
  g_assert_cmpint (gawah_person_chooser_get_person_id (chooser), !=, 0);
  g_assert_false (gtk_widget_get_visible (new_person_box));
}

static GtkWidget *nth_of_type (GtkWidget *root,
                               GType      type,
                               guint      n);

static gint64
add_act (EditorFixture *fixture)
{
  GtkWidget *act_editor;
  GawahPersonChooser *victim;
  GawahPersonChooser *perpetrator;
  GtkWidget *perpetrator_rows;
  gint64 act_id = 0;

  g_assert_true (gtk_widget_activate_action (fixture->editor, "editor.add-act", NULL));
  g_assert_true (test_ui_wait_until (act_editor_shown, NULL, WAIT_MS));
  act_editor = find_window (GAWAH_TYPE_ACT_EDITOR);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (act_editor)) == GTK_WINDOW (fixture->editor));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (act_editor)));
  g_signal_connect (act_editor, "saved", G_CALLBACK (on_act_saved_cb), &act_id);

  choose (child (act_editor, GAWAH_TYPE_ACT_EDITOR, "act_type_row"), "enforced-disappearance");
  set_text (date_entry (child (act_editor, GAWAH_TYPE_ACT_EDITOR, "start_date_row")), "2019-11-13");
  victim = child (act_editor, GAWAH_TYPE_ACT_EDITOR, "victim_chooser");
  add_new_person (victim, "Idris Khattak", "ادریس خٹک", "individual");

  /* The perpetrator's type is saved on the person, with the act. */
  g_assert_true (gtk_widget_activate_action (act_editor, "act.add-perpetrator", NULL));
  perpetrator = GAWAH_PERSON_CHOOSER (nth_of_type (act_editor, GAWAH_TYPE_PERSON_CHOOSER, 1));
  add_new_person (perpetrator, "Unknown men in plain clothes", NULL, "group");
  perpetrator_rows = gtk_widget_get_next_sibling (GTK_WIDGET (perpetrator));
  choose (gtk_widget_get_first_child (perpetrator_rows), "intelligence-agency");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_of_type (child (act_editor, GAWAH_TYPE_ACT_EDITOR, "laws_row"),
                                                              GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  /* The last edits are saved once typing stops. */
  act_id = 0;
  g_assert_true (test_ui_wait_until (is_nonzero, &act_id, WAIT_MS));

  g_assert_true (test_ui_wait_until (is_allocated, act_editor, WAIT_MS));
  test_ui_screenshot (act_editor, "act-editor");
  gtk_window_close (GTK_WINDOW (act_editor));
  test_ui_iterate (50);
  g_assert_null (find_window (GAWAH_TYPE_ACT_EDITOR));
  g_assert_cmpint (act_id, !=, 0);
  return act_id;
}

static void
assert_incident_unchanged (EditorFixture       *fixture,
                           const GawahIncident *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GawahIncident) after = gawah_casebook_get_incident (fixture->casebook.casebook, before->id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpint (gawah_partial_date_compare (&after->start, &before->start), ==, 0);
  g_assert_cmpint (after->start.precision, ==, before->start.precision);
  g_assert_cmpstr (after->updated_at, ==, before->updated_at);
}

static void
test_new_incident (EditorFixture *fixture,
                   gconstpointer  data)
{
  GawahCasebook *casebook = fixture->casebook.casebook;
  GtkWidget *start_row = EDITOR_CHILD (fixture, "start_date_row");
  g_autofree char *not_saved = g_strdup_printf (_("Not saved: %s"), _("Start date"));
  g_autoptr(GawahIncident) incident = NULL;
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GawahPerson) victim = NULL;
  g_autoptr(GawahPerson) perpetrator = NULL;
  g_autoptr(GError) error = NULL;
  GawahInvolvement *involvement;
  GawahAct *act;
  gint64 act_id;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, _("New Incident"));
  g_assert_false (gtk_widget_is_sensitive (test_ui_find_action_button (fixture->editor, "editor.add-act")));

  set_text (EDITOR_CHILD (fixture, "title_row"), "Abduction of Idris Khattak");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (EDITOR_CHILD (fixture, "summary_view")),
                            "The researcher and rights defender was taken from a car near the Swabi "
                            "interchange; the Ministry of Defence acknowledged his detention seven months later.",
                            -1);
  set_text (date_entry (start_row), "2019-11");
  choose (EDITOR_CHILD (fixture, "province_row"), "pk-kp");
  choose (EDITOR_CHILD (fixture, "district_row"), "swabi");
  gtk_switch_set_active (EDITOR_CHILD (fixture, "ongoing_switch"), TRUE);
  g_assert_false (gtk_widget_is_sensitive (EDITOR_CHILD (fixture, "end_date_row")));
  wait_for_save (fixture);
  g_assert_cmpint (fixture->saved_id, !=, 0);
  g_assert_true (gtk_widget_is_sensitive (test_ui_find_action_button (fixture->editor, "editor.add-act")));

  act_id = add_act (fixture);

  incident = gawah_casebook_get_incident (casebook, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (incident->title, ==, "Abduction of Idris Khattak");
  g_assert_true (g_str_has_prefix (incident->summary, "The researcher and rights defender"));
  g_assert_cmpint (incident->start.precision, ==, GAWAH_PRECISION_MONTH);
  g_assert_cmpint (incident->start.year, ==, 2019);
  g_assert_cmpint (incident->start.month, ==, 11);
  g_assert_true (incident->ongoing);
  g_assert_cmpstr (incident->province, ==, "pk-kp");
  g_assert_cmpstr (incident->district, ==, "swabi");
  g_assert_cmpstr (incident->verification, ==, "unconfirmed");
  g_assert_cmpstr (incident->confidentiality, ==, "restricted");

  acts = gawah_casebook_list_acts (casebook, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 1);
  act = g_ptr_array_index (acts, 0);
  g_assert_cmpint (act->id, ==, act_id);
  g_assert_cmpstr (act->act_type, ==, "enforced-disappearance");
  g_assert_cmpint (act->start.precision, ==, GAWAH_PRECISION_DAY);
  g_assert_cmpstrv (act->laws, ((const char *[]) { "peca-9", NULL }));
  victim = gawah_casebook_get_person (casebook, act->victim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (victim->name_latin, ==, "Idris Khattak");
  g_assert_cmpstr (victim->name_urdu, ==, "ادریس خٹک");
  g_assert_cmpstr (victim->kind, ==, "individual");
  g_assert_cmpuint (act->involvements->len, ==, 1);
  involvement = g_ptr_array_index (act->involvements, 0);
  g_assert_cmpstr (involvement->degree, ==, "did-it");
  perpetrator = gawah_casebook_get_person (casebook, involvement->perpetrator_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (perpetrator->name_latin, ==, "Unknown men in plain clothes");
  g_assert_cmpstr (perpetrator->kind, ==, "group");
  g_assert_cmpstr (perpetrator->perpetrator_type, ==, "intelligence-agency");
  /* The act is listed in the editor. */
  g_assert_nonnull (test_ui_find_by_label (fixture->editor, label_of (GAWAH_VOCAB_ACT_TYPE, "enforced-disappearance")));

  /* An impossible date is marked as typed, and nothing is stored. */
  fixture->n_saved = 0;
  set_text (date_entry (start_row), "2019-13");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_entry (start_row)), "error"));
  g_assert_true (gtk_widget_get_visible (child (start_row, GAWAH_TYPE_DATE_ROW, "message_label")));
  set_text (EDITOR_CHILD (fixture, "title_row"), "Enforced disappearance of Idris Khattak");
  test_ui_iterate (1000);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  assert_incident_unchanged (fixture, incident);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (EDITOR_CHILD (fixture, "status_label")), not_saved));
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (fixture, "discard_button")));
  test_ui_screenshot (fixture->editor, "incident-editor-invalid");

  /* Closing does not lose the edit: the window stays, with the field focused. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  test_ui_iterate (50);
  g_assert_true (gtk_widget_get_visible (fixture->editor));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->editor)), start_row));
  assert_incident_unchanged (fixture, incident);

  /* Fixed, the pending edits are saved together. */
  set_text (date_entry (start_row), "2019-11-13");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_entry (start_row)), "error"));
  wait_for_save (fixture);
  g_assert_cmpstr (gtk_label_get_text (EDITOR_CHILD (fixture, "status_label")), ==, _("Saved"));
  test_ui_screenshot (fixture->editor, "incident-editor");

  /* An edit is saved when the window closes, without waiting. */
  set_text (EDITOR_CHILD (fixture, "place_row"), "Swabi Interchange");
  gtk_window_close (GTK_WINDOW (fixture->editor));
  fixture->editor = NULL;
  test_ui_iterate (50);
  g_clear_pointer (&incident, gawah_incident_free);
  incident = gawah_casebook_get_incident (casebook, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (incident->title, ==, "Enforced disappearance of Idris Khattak");
  g_assert_cmpint (incident->start.precision, ==, GAWAH_PRECISION_DAY);
  g_assert_cmpstr (incident->place, ==, "Swabi Interchange");

  /* Opened again, it shows what was stored, and opening changes nothing. */
  open_editor (fixture, incident->id);
  fixture->n_saved = 0;
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, _("Edit Incident"));
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (fixture, "title_row")), ==, incident->title);
  g_assert_cmpstr (gtk_editable_get_text (date_entry (EDITOR_CHILD (fixture, "start_date_row"))), ==, "2019-11-13");
  g_assert_cmpstr (gawah_vocabulary_row_get_code (EDITOR_CHILD (fixture, "district_row")), ==, "swabi");
  g_assert_true (gtk_switch_get_active (EDITOR_CHILD (fixture, "ongoing_switch")));
  g_assert_nonnull (test_ui_find_by_label (fixture->editor, label_of (GAWAH_VOCAB_ACT_TYPE, "enforced-disappearance")));
  test_ui_iterate (1000);
  gtk_window_close (GTK_WINDOW (fixture->editor));
  fixture->editor = NULL;
  test_ui_iterate (50);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_clear_pointer (&incident, gawah_incident_free);
  incident = gawah_casebook_get_incident (casebook, fixture->saved_id, &error);
  g_assert_cmpstr (incident->place, ==, "Swabi Interchange");
}

static void
start_incident (EditorFixture *fixture,
                const char    *title)
{
  set_text (EDITOR_CHILD (fixture, "title_row"), title);
  wait_for_save (fixture);
  g_assert_cmpint (fixture->saved_id, !=, 0);
}

/* The fields of the detail record just added: its expander is the last one. */
static GtkWidget *
last_expander (EditorFixture *fixture,
               const char    *group_name)
{
  GtkWidget *group = EDITOR_CHILD (fixture, group_name);
  GtkWidget *found = NULL;
  GtkWidget *expander;

  for (expander = test_ui_find_by_type (group, ADW_TYPE_EXPANDER_ROW); expander != NULL;
       expander = gtk_widget_get_next_sibling (expander))
    if (ADW_IS_EXPANDER_ROW (expander))
      found = expander;
  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *stack[256];
  guint depth = 0;

  stack[depth++] = root;
  while (depth > 0)
    {
      GtkWidget *widget = stack[--depth];

      if (g_type_is_a (G_OBJECT_TYPE (widget), type))
        g_ptr_array_add (found, widget);
      /* Depth first, in order: push the children last to first. */
      for (GtkWidget *c = gtk_widget_get_last_child (widget); c != NULL; c = gtk_widget_get_prev_sibling (c))
        {
          g_assert_cmpuint (depth, <, G_N_ELEMENTS (stack));
          stack[depth++] = c;
        }
    }
  g_assert_cmpuint (n, <, found->len);
  return g_ptr_array_index (found, n);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static GPtrArray *
list_evidence (EditorFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence = gawah_casebook_list_evidence (fixture->casebook.casebook, fixture->saved_id, &error);

  g_assert_no_error (error);
  return evidence;
}

static gboolean
has_evidence (gpointer fixture)
{
  g_autoptr(GPtrArray) evidence = list_evidence (fixture);

  return evidence->len > 0;
}

static void
drop_file (EditorFixture *fixture,
           const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkDropTarget *target = find_drop_target (EDITOR_CHILD (fixture, "scrolled_window"));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
}

static void
scroll_to_end (EditorFixture *fixture)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (EDITOR_CHILD (fixture, "scrolled_window"));

  test_ui_iterate (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
test_details (EditorFixture *fixture,
              gconstpointer  data)
{
  GawahCasebook *casebook = fixture->casebook.casebook;
  g_autofree char *path = g_build_filename (fixture->casebook.dir, "statement.txt", NULL);
  const char *statement = "Statement of a witness, recorded 14 November 2019.";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, statement, -1);
  g_autofree char *sha_label = g_strdup_printf (_("SHA-256: %s"), sha256);
  g_autoptr(GPtrArray) chronology = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry;
  GtkWidget *field;

  start_incident (fixture, "Abduction of a journalist");

  /* A chronology entry without a description is not stored; the core's
   * message is shown under the description. */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "editor.add-chronology-entry", NULL));
  entry = last_expander (fixture, "chronology_group");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (entry)));
  field = nth_of_type (entry, ADW_TYPE_ENTRY_ROW, 0);
  set_text (date_entry (nth_of_type (entry, GAWAH_TYPE_DATE_ROW, 0)), "2019-11-13");
  choose (nth_of_type (entry, GAWAH_TYPE_VOCABULARY_ROW, 0), "abduction");
  test_ui_iterate (1000);
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (shows_message (fixture->editor, _("%s: must not be empty"), _("Description")));
  chronology = gawah_casebook_list_chronology (casebook, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronology->len, ==, 0);
  g_clear_pointer (&chronology, g_ptr_array_unref);

  set_text (field, "Taken from a car at the Swabi interchange");
  wait_for_save (fixture);
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  chronology = gawah_casebook_list_chronology (casebook, fixture->saved_id, &error);
  g_assert_cmpuint (chronology->len, ==, 1);
  g_assert_cmpstr (((GawahChronologyEntry *) g_ptr_array_index (chronology, 0))->step, ==, "abduction");

  /* A follow-up action must say what it is and to whom; until then it is
   * not stored, and the first choice missing says so. */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "editor.add-follow-up", NULL));
  entry = last_expander (fixture, "follow_ups_group");
  field = nth_of_type (entry, GAWAH_TYPE_VOCABULARY_ROW, 0);
  set_text (date_entry (nth_of_type (entry, GAWAH_TYPE_DATE_ROW, 0)), "2019-12");
  test_ui_iterate (1000);
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (shows_message (fixture->editor, _("%s: choose one"), _("Type of action")));
  follow_ups = gawah_casebook_list_follow_ups (casebook, fixture->saved_id, &error);
  g_assert_cmpuint (follow_ups->len, ==, 0);
  g_clear_pointer (&follow_ups, g_ptr_array_unref);

  choose (field, "habeas-petition");
  choose (nth_of_type (entry, GAWAH_TYPE_VOCABULARY_ROW, 1), "high-court");
  wait_for_save (fixture);
  follow_ups = gawah_casebook_list_follow_ups (casebook, fixture->saved_id, &error);
  g_assert_cmpuint (follow_ups->len, ==, 1);
  g_assert_cmpstr (((GawahFollowUp *) g_ptr_array_index (follow_ups, 0))->body, ==, "high-court");
  g_assert_cmpstr (((GawahFollowUp *) g_ptr_array_index (follow_ups, 0))->status, ==, "planned");
  g_assert_cmpint (((GawahFollowUp *) g_ptr_array_index (follow_ups, 0))->date.precision, ==, GAWAH_PRECISION_MONTH);

  g_assert_true (gtk_widget_activate_action (fixture->editor, "editor.add-source", NULL));
  entry = last_expander (fixture, "sources_group");
  choose (nth_of_type (entry, GAWAH_TYPE_VOCABULARY_ROW, 0), "relative");
  set_text (nth_of_type (entry, ADW_TYPE_ENTRY_ROW, 0), "His daughter, by telephone");
  wait_for_save (fixture);
  sources = gawah_casebook_list_sources (casebook, fixture->saved_id, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (((GawahSource *) g_ptr_array_index (sources, 0))->source_type, ==, "relative");
  g_assert_cmpstr (((GawahSource *) g_ptr_array_index (sources, 0))->reliability, ==, "unknown");

  /* A dropped file is stored whole, with its SHA-256 shown. */
  g_assert_true (g_file_set_contents (path, statement, -1, NULL));
  drop_file (fixture, path);
  g_assert_true (test_ui_wait_until (has_evidence, fixture, WAIT_MS));
  evidence = list_evidence (fixture);
  g_assert_cmpstr (((GawahEvidence *) g_ptr_array_index (evidence, 0))->file_name, ==, "statement.txt");
  g_assert_cmpstr (((GawahEvidence *) g_ptr_array_index (evidence, 0))->media_type, ==, "text/plain");
  g_assert_cmpstr (((GawahEvidence *) g_ptr_array_index (evidence, 0))->sha256, ==, sha256);
  test_ui_iterate (50);
  g_assert_nonnull (test_ui_find_by_label (fixture->editor, sha_label));

  scroll_to_end (fixture);
  test_ui_screenshot (fixture->editor, "incident-editor-sections");
}

/* A person already in the casebook is found in either script, and a new
 * name like theirs is pointed out before a duplicate is made. */
static void
test_similar_names (EditorFixture *fixture,
                    gconstpointer  data)
{
  gint64 existing = test_add_person (fixture->casebook.casebook, "Idris Khattak", "ادریس خٹک", "activist");
  GtkWidget *act_editor;
  GawahPersonChooser *chooser;
  GtkWidget *results;
  GtkWidget *similar_box;

  start_incident (fixture, "Abduction of a rights defender");
  g_assert_true (gtk_widget_activate_action (fixture->editor, "editor.add-act", NULL));
  g_assert_true (test_ui_wait_until (act_editor_shown, NULL, WAIT_MS));
  act_editor = find_window (GAWAH_TYPE_ACT_EDITOR);
  chooser = child (act_editor, GAWAH_TYPE_ACT_EDITOR, "victim_chooser");
  results = child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "results_list");

  set_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry"), "ادریس");
  test_ui_iterate (400);
  g_assert_nonnull (test_ui_find_by_label (results, "Idris Khattak"));

  set_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry"), "Idrees Khattak");
  test_ui_iterate (400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.new-person", NULL));
  similar_box = child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "similar_box");
  g_assert_true (gtk_widget_get_visible (similar_box));
  g_assert_true (strstr (gtk_label_get_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "similar_label")),
                         "Idris Khattak") != NULL);

  /* Picking the similar name uses the person already there. */
  g_signal_emit_by_name (gtk_widget_get_first_child (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "similar_list")),
                         "activate");
  g_assert_cmpint (gawah_person_chooser_get_person_id (chooser), ==, existing);
  g_assert_false (gtk_widget_get_visible (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "new_person_box")));

  test_ui_screenshot (act_editor, "act-editor-victim");

  /* Changing is searching again; Escape empties the search, then goes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.change", NULL));
  set_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry"), "Khan");
  g_signal_emit_by_name (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry"), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry")), ==, "");
  g_signal_emit_by_name (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "search_entry"), "stop-search");
  g_assert_true (gtk_widget_get_visible (child (chooser, GAWAH_TYPE_PERSON_CHOOSER, "chosen_list")));
  g_assert_cmpint (gawah_person_chooser_get_person_id (chooser), ==, existing);
  gtk_window_destroy (GTK_WINDOW (act_editor));
}

static void
collect_mnemonic_targets (GtkWidget *widget,
                          GPtrArray *targets)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol &&
      gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL)
    g_ptr_array_add (targets, gtk_label_get_mnemonic_widget (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_mnemonic_targets (c, targets);
}

/* Some label with a mnemonic (Alt+letter) leads to the field. */
static gboolean
has_mnemonic (GtkWidget *window,
              GtkWidget *field)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();

  collect_mnemonic_targets (window, targets);
  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *target = g_ptr_array_index (targets, i);

      if (target == field || gtk_widget_is_ancestor (target, field) || gtk_widget_is_ancestor (field, target))
        return TRUE;
    }
  return FALSE;
}

/* Tab reaches every field in reading order and never gets stuck (a text
 * view that took Tab would trap keyboard users). */
static void
test_keyboard (EditorFixture *fixture,
               gconstpointer  data)
{
  GtkWidget *expected[] = {
    EDITOR_CHILD (fixture, "title_row"), EDITOR_CHILD (fixture, "summary_view"),
    EDITOR_CHILD (fixture, "start_date_row"), EDITOR_CHILD (fixture, "end_date_row"),
    EDITOR_CHILD (fixture, "ongoing_switch"), EDITOR_CHILD (fixture, "province_row"),
    EDITOR_CHILD (fixture, "district_row"), EDITOR_CHILD (fixture, "place_row"),
    EDITOR_CHILD (fixture, "verification_row"), EDITOR_CHILD (fixture, "confidentiality_row"),
    EDITOR_CHILD (fixture, "status_row"),
  };
  guint next = 0;

  g_assert_true (test_ui_has_shortcut (fixture->editor, "Escape", "window.close"));
  g_assert_true (test_ui_has_shortcut (fixture->editor, "<Control>w", "window.close"));

  /* Districts are offered once a province is chosen. */
  choose (EDITOR_CHILD (fixture, "province_row"), "pk-sd");
  gtk_widget_grab_focus (EDITOR_CHILD (fixture, "title_row"));
  for (guint i = 0; i < 60 && next < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->editor));

      g_assert_nonnull (focus);
      if (focus == expected[next] || gtk_widget_is_ancestor (focus, expected[next]))
        next++;
      gtk_widget_child_focus (fixture->editor, GTK_DIR_TAB_FORWARD);
    }
  if (next < G_N_ELEMENTS (expected))
    g_test_message ("Tab never reached the %s after the %s", G_OBJECT_TYPE_NAME (expected[next]),
                    next > 0 ? G_OBJECT_TYPE_NAME (expected[next - 1]) : "start");
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (has_mnemonic (fixture->editor, expected[i]));

  /* Escape closes, but not over an edit that cannot be saved: the province
   * alone is not an incident (it has no title). */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "window.close", NULL));
  test_ui_iterate (50);
  g_assert_true (gtk_widget_get_visible (fixture->editor));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->editor)),
                                         EDITOR_CHILD (fixture, "title_row")));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (fixture, "title_row"), "error"));
  g_assert_true (shows_message (fixture->editor, _("%s: must not be empty"), _("Title")));

  /* Discarding closes without storing anything. */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "editor.discard", NULL));
  fixture->editor = NULL;
  test_ui_iterate (50);
  g_assert_cmpint (gawah_casebook_count_incidents (fixture->casebook.casebook, NULL), ==, 0);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* On a full disk the header says so once, in the store's own words (which
 * already say that the change was not saved), and the next save works. */
static void
test_disk_full (EditorFixture *fixture,
                gconstpointer  data)
{
  GtkLabel *status = EDITOR_CHILD (fixture, "status_label");
  GtkTextBuffer *summary = gtk_text_view_get_buffer (EDITOR_CHILD (fixture, "summary_view"));
  g_autofree char *long_summary = g_strnfill (200000, 'x');
  g_autofree char *not_saved = g_strdup_printf (_("Not saved: %s"), "");
  const char *text;

  set_text (EDITOR_CHILD (fixture, "title_row"), "Saved before the disk filled up");
  g_assert_true (gawah_incident_editor_flush (GAWAH_INCIDENT_EDITOR (fixture->editor)));

  test_limit_file_size (8192);
  gtk_text_buffer_set_text (summary, long_summary, -1);
  g_assert_false (gawah_incident_editor_flush (GAWAH_INCIDENT_EDITOR (fixture->editor)));
  test_limit_file_size (-1);

  text = gtk_label_get_text (status);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_true (strstr (text, fixture->casebook.path) != NULL);
  g_assert_false (g_str_has_prefix (text, not_saved));
  /* In English the words can be counted too. */
  if (g_str_has_prefix (text, "The disk is full"))
    g_assert_cmpuint (count_occurrences (text, "not saved"), ==, 1);

  g_assert_true (gawah_incident_editor_flush (GAWAH_INCIDENT_EDITOR (fixture->editor)));
  g_assert_cmpstr (gtk_label_get_text (status), ==, _("Saved"));
}

/* While an import owns the casebook's connection, an edit waits: written
 * then, it would join the import's transaction (and go if that were
 * cancelled). It is saved once the import has ended. */
static void
test_waits_for_import (EditorFixture *fixture,
                       gconstpointer  data)
{
  GawahCasebook *casebook = fixture->casebook.casebook;
  g_autoptr(GawahIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  TestUiJob *job;
  guint n_saved;

  set_text (EDITOR_CHILD (fixture, "title_row"), "Before the import");
  g_assert_true (gawah_incident_editor_flush (GAWAH_INCIDENT_EDITOR (fixture->editor)));
  n_saved = fixture->n_saved;

  /* GTK 4.8 warns when a focused entry's window turns insensitive; in the
   * app the focus is in the import dialog by then. */
  gtk_window_set_focus (GTK_WINDOW (fixture->editor), NULL);
  job = test_ui_hold_busy (G_OBJECT (casebook));
  set_text (EDITOR_CHILD (fixture, "title_row"), "Edited during the import");
  test_ui_iterate (3 * 600);
  g_assert_false (gawah_incident_editor_flush (GAWAH_INCIDENT_EDITOR (fixture->editor)));
  g_assert_cmpuint (fixture->n_saved, ==, n_saved);

  test_ui_release_busy (job);
  wait_for_save (fixture);
  incident = gawah_casebook_get_incident (casebook, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (incident->title, ==, "Edited during the import");
}

int
main (int    argc,
      char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add ("/incident-editor/new-incident", EditorFixture, NULL,
              editor_fixture_set_up, test_new_incident, editor_fixture_tear_down);
  g_test_add ("/incident-editor/details", EditorFixture, NULL,
              editor_fixture_set_up, test_details, editor_fixture_tear_down);
  g_test_add ("/incident-editor/similar-names", EditorFixture, NULL,
              editor_fixture_set_up, test_similar_names, editor_fixture_tear_down);
  g_test_add ("/incident-editor/keyboard", EditorFixture, NULL,
              editor_fixture_set_up, test_keyboard, editor_fixture_tear_down);
  g_test_add ("/incident-editor/disk-full", EditorFixture, NULL,
              editor_fixture_set_up, test_disk_full, editor_fixture_tear_down);
  g_test_add ("/incident-editor/waits-for-import", EditorFixture, NULL,
              editor_fixture_set_up, test_waits_for_import, editor_fixture_tear_down);
  return g_test_run ();
}
