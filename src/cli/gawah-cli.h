/* gawah-cli.h: what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gawah-casebook.h"
#include "gawah-incident-query.h"

G_BEGIN_DECLS

/* Exit codes scripts can rely on (documented in --help). */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  EXIT_LOCKED = 3,      /* wrong passphrase, or not a casebook */
  EXIT_NOT_FOUND = 4,
  EXIT_INVALID = 5,     /* bad input: nothing was written */
  EXIT_DAMAGED = 6,     /* check found problems */
  EXIT_CONFLICTS = 7,   /* import: the rest merged, some records differ on both sides */
};

typedef struct {
  char *passphrase_file;
  char *actor;          /* the name the audit trail gives this run's changes */
} CliOptions;

typedef int (*CliCommand) (CliOptions *options,
                           int         argc,
                           char      **argv);

int            cli_report_error      (const GError  *error);
int            cli_usage_error       (GOptionContext *context,
                                      const char    *message);
GOptionContext *cli_option_context   (const char    *parameters,
                                      const char    *summary,
                                      CliOptions    *options);
GOptionContext *cli_option_context_with_group (const char *parameters,
                                      const char    *summary,
                                      CliOptions    *options,
                                      GOptionGroup  *main_group);
gboolean       cli_parse             (GOptionContext *context,
                                      int           *argc,
                                      char        ***argv,
                                      int            n_required,
                                      int           *status);
GawahCasebook *cli_open_casebook     (CliOptions    *options,
                                      const char    *path,
                                      int           *status);
char          *cli_read_passphrase   (CliOptions    *options,
                                      gboolean       confirm,
                                      GError       **error);
void           cli_wipe_passphrase   (char          *passphrase);
gint64         cli_find_incident     (GawahCasebook *casebook,
                                      const char    *id_or_uuid,
                                      int           *status);
const char    *cli_label             (const char    *vocabulary_id,
                                      const char    *code);
void           cli_print_incident_row (const GawahIncident *incident);

int cli_create      (CliOptions *options, int argc, char **argv);
int cli_import      (CliOptions *options, int argc, char **argv);
int cli_export      (CliOptions *options, int argc, char **argv);
int cli_add_incident (CliOptions *options, int argc, char **argv);
int cli_decide      (CliOptions *options, int argc, char **argv);
int cli_suggest     (CliOptions *options, int argc, char **argv);
int cli_list        (CliOptions *options, int argc, char **argv);
int cli_show        (CliOptions *options, int argc, char **argv);
int cli_search      (CliOptions *options, int argc, char **argv);
int cli_people      (CliOptions *options, int argc, char **argv);
int cli_person      (CliOptions *options, int argc, char **argv);
int cli_engaging    (CliOptions *options, int argc, char **argv);
int cli_provisions  (CliOptions *options, int argc, char **argv);
int cli_vocabulary  (CliOptions *options, int argc, char **argv);
int cli_check       (CliOptions *options, int argc, char **argv);
int cli_import_esf  (CliOptions *options, int argc, char **argv);
int cli_export_csv  (CliOptions *options, int argc, char **argv);
int cli_import_csv  (CliOptions *options, int argc, char **argv);
int cli_report      (CliOptions *options, int argc, char **argv);
int cli_summary_report (CliOptions *options, int argc, char **argv);
int cli_un_draft    (CliOptions *options, int argc, char **argv);
int cli_history     (CliOptions *options, int argc, char **argv);
int cli_verify      (CliOptions *options, int argc, char **argv);
int cli_backup      (CliOptions *options, int argc, char **argv);
int cli_restore     (CliOptions *options, int argc, char **argv);
int cli_rekey       (CliOptions *options, int argc, char **argv);

/* A passphrase is wiped from memory, not just freed. */
typedef char Passphrase;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Passphrase, cli_wipe_passphrase)

/* The incident list's filters, shared by the commands that export. */
typedef struct {
  char *search;
  char *province;
  char *act_type;
  char *category;
  char *perpetrator_type;
  char *status;
  char *from;
  char *to;
} CliFilterOptions;

void     cli_filter_options_clear (CliFilterOptions        *options);
void     cli_add_filter_entries   (GOptionContext          *context,
                                   CliFilterOptions        *options);
gboolean cli_filter_options_build (const CliFilterOptions  *options,
                                   GawahIncidentFilter     *filter,
                                   GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliFilterOptions, cli_filter_options_clear)

G_END_DECLS
