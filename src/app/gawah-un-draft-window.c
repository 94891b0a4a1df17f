/* gawah-un-draft-window.c: the draft of a communication to the UN Special
 * Procedures, to copy or save
 *
 * The case file is read once, when the window opens; switching the
 * draft's language rebuilds the text from it without the casebook. The
 * text is read-only here (it is edited where it is sent), but selectable,
 * and set right to left when it is in Urdu, whatever the interface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gawah-case-report.h"
#include "gawah-report-window.h"
#include "gawah-un-draft-window.h"
#include "gawah-widget-util.h"

struct _GawahUnDraftWindow
{
  GtkWindow        parent_instance;

  /* template widgets */
  AdwWindowTitle  *window_title;
  GtkDropDown     *language_dropdown;
  GtkTextView     *text_view;
  AdwToastOverlay *toast_overlay;

  /* owned */
  GawahCaseFile   *case_file;
  char            *suggested_name;
};

G_DEFINE_FINAL_TYPE (GawahUnDraftWindow, gawah_un_draft_window, GTK_TYPE_WINDOW)

static GawahLanguage
selected_language (GawahUnDraftWindow *self)
{
  return gtk_drop_down_get_selected (self->language_dropdown) == GAWAH_LANGUAGE_URDU ? GAWAH_LANGUAGE_URDU
                                                                                     : GAWAH_LANGUAGE_ENGLISH;
}

static void
show_draft (GawahUnDraftWindow *self)
{
  GawahLanguage language = selected_language (self);
  g_autofree char *text = NULL;

  if (self->case_file == NULL)
    return;
  text = gawah_un_draft_build (self->case_file, language);
  gtk_widget_set_direction (GTK_WIDGET (self->text_view),
                            language == GAWAH_LANGUAGE_URDU ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

static void
on_language_selected_cb (GawahUnDraftWindow *self)
{
  show_draft (self);
}

void
gawah_un_draft_window_set_language (GawahUnDraftWindow *self,
                                    GawahLanguage       language)
{
  g_return_if_fail (GAWAH_IS_UN_DRAFT_WINDOW (self));
  gtk_drop_down_set_selected (self->language_dropdown, language);
}

GtkTextView *
gawah_un_draft_window_get_text_view (GawahUnDraftWindow *self)
{
  g_return_val_if_fail (GAWAH_IS_UN_DRAFT_WINDOW (self), NULL);
  return self->text_view;
}

char *
gawah_un_draft_window_dup_text (GawahUnDraftWindow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GAWAH_IS_UN_DRAFT_WINDOW (self), NULL);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_toast (GawahUnDraftWindow *self,
            const char         *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GawahUnDraftWindow *self = GAWAH_UN_DRAFT_WINDOW (widget);
  g_autofree char *text = gawah_un_draft_window_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Draft copied"));
}

gboolean
gawah_un_draft_window_save_to (GawahUnDraftWindow  *self,
                               GFile               *file,
                               GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GAWAH_IS_UN_DRAFT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = gawah_un_draft_window_dup_text (self);
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  NULL, error);
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     GawahUnDraftWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (gawah_un_draft_window_save_to (self, file, &error))
        /* Translators: %s is the name of the file the draft was saved as. */
        message = g_strdup_printf (_("Saved “%s”"), basename);
      else
        /* Translators: %s says why, e.g. "Permission denied". */
        message = g_strdup_printf (_("Could not save the draft: %s"), error->message);
      show_toast (self, message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GawahUnDraftWindow *self = GAWAH_UN_DRAFT_WINDOW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Draft"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();

  gtk_file_filter_set_name (text, _("Plain Text"));
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
gawah_un_draft_window_new (GtkWidget      *parent,
                           GawahCasebook  *casebook,
                           gint64          incident_id,
                           GError        **error)
{
  g_autoptr(GawahCaseFile) case_file = gawah_case_file_load (casebook, incident_id, error);
  GtkRoot *root = gtk_widget_get_root (parent);
  GawahUnDraftWindow *self;
  g_autofree char *name = NULL;
  const char *title;

  if (case_file == NULL)
    return NULL;
  self = g_object_new (GAWAH_TYPE_UN_DRAFT_WINDOW,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
  self->case_file = g_steal_pointer (&case_file);
  title = gawah_case_file_get_incident (self->case_file)->title;
  adw_window_title_set_subtitle (self->window_title, title);
  /* Translators: the file name of a UN communication draft; %s is the incident's title. */
  name = g_strdup_printf (_("UN draft – %s"), title);
  self->suggested_name = gawah_report_suggest_file_name (name, "txt");
  g_object_set_data (G_OBJECT (self), GAWAH_SHOWS_CASEBOOK, GINT_TO_POINTER (TRUE));
  gawah_un_draft_window_set_language (self, gawah_language_current ());
  show_draft (self);
  return GTK_WIDGET (self);
}

static void
gawah_un_draft_window_dispose (GObject *object)
{
  GawahUnDraftWindow *self = GAWAH_UN_DRAFT_WINDOW (object);

  /* The window unparents its own child (the toast overlay, a template
   * child): gtk_widget_dispose_template() would unparent it first. */
  g_clear_pointer (&self->case_file, gawah_case_file_free);
  G_OBJECT_CLASS (gawah_un_draft_window_parent_class)->dispose (object);
}

static void
gawah_un_draft_window_finalize (GObject *object)
{
  g_free (GAWAH_UN_DRAFT_WINDOW (object)->suggested_name);
  G_OBJECT_CLASS (gawah_un_draft_window_parent_class)->finalize (object);
}

static void
gawah_un_draft_window_class_init (GawahUnDraftWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gawah_un_draft_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = gawah_un_draft_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gawah-un-draft-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GawahUnDraftWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GawahUnDraftWindow, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GawahUnDraftWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, GawahUnDraftWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_install_action (widget_class, "draft.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "draft.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "draft.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gawah_un_draft_window_init (GawahUnDraftWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
