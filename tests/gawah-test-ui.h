/* gawah-test-ui.h: driving real widgets under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*TestUiCondition) (gpointer user_data);

void       test_ui_init            (int            *argc,
                                    char         ***argv);
void       test_ui_iterate         (guint           milliseconds);
gboolean   test_ui_wait_until      (TestUiCondition condition,
                                    gpointer        user_data,
                                    guint           timeout_ms);
void       test_ui_screenshot      (GtkWidget      *widget,
                                    const char     *name);
GtkWidget *test_ui_find_by_type    (GtkWidget      *root,
                                    GType           type);
GtkWidget *test_ui_find_by_label   (GtkWidget      *root,
                                    const char     *text);
GtkWidget *test_ui_find_action_button (GtkWidget   *root,
                                    const char     *action_name);
/* "<Control><Shift>e" and "<Shift><Control>E" both become the same name. */
char      *test_ui_normalised_accelerator (const char *accelerator);
/* The "accelerator action" of each shortcut of @widget's controllers, as
 * "<Control>i casebook.import-csv", the accelerator normalised. */
GPtrArray *test_ui_list_shortcuts  (GtkWidget      *widget);
gboolean   test_ui_has_shortcut    (GtkWidget      *widget,
                                    const char     *trigger,
                                    const char     *action);

/* A job in a worker thread (through gawah_task_progress_run()) that keeps
 * @busy (a casebook) marked busy, touching nothing, until released. */
typedef struct _TestUiJob TestUiJob;

TestUiJob *test_ui_hold_busy       (GObject        *busy);
void       test_ui_release_busy    (TestUiJob      *job);

G_END_DECLS
