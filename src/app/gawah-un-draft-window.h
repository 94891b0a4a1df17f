/* gawah-un-draft-window.h: the draft of a communication to the UN Special
 * Procedures, to copy or save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gawah-casebook.h"
#include "gawah-language.h"

G_BEGIN_DECLS

#define GAWAH_TYPE_UN_DRAFT_WINDOW (gawah_un_draft_window_get_type ())

G_DECLARE_FINAL_TYPE (GawahUnDraftWindow, gawah_un_draft_window, GAWAH, UN_DRAFT_WINDOW, GtkWindow)

GtkWidget   *gawah_un_draft_window_new          (GtkWidget          *parent,
                                                 GawahCasebook      *casebook,
                                                 gint64              incident_id,
                                                 GError            **error);
void         gawah_un_draft_window_set_language (GawahUnDraftWindow *self,
                                                 GawahLanguage       language);
GtkTextView *gawah_un_draft_window_get_text_view (GawahUnDraftWindow *self);
char        *gawah_un_draft_window_dup_text     (GawahUnDraftWindow *self);
/* Writes the text to @file as the file chooser would after "Save". */
gboolean     gawah_un_draft_window_save_to      (GawahUnDraftWindow *self,
                                                 GFile              *file,
                                                 GError            **error);

G_END_DECLS
