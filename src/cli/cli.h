/*
 * The command-line front end: a table of commands (commands.c), one file
 * per command, a declared-options parser, and the few helpers every
 * command shares. Commands print; nothing below src/cli does.
 *
 * Exit codes: 0 done, 1 failed (nothing half-done), 2 usage error.
 */
#ifndef WM_CLI_CLI_H
#define WM_CLI_CLI_H

#include <stddef.h>

#include "core/catalogue.h"
#include "store/admin.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* One option a command accepts. Exactly one of value, values or flag. */
struct cli_opt {
	const char *name;	/* without the leading "--" */
	const char *arg;	/* shown in help, e.g. "FILE"; NULL for a flag */
	const char *help;
	const char **value;	/* a single value (the last one given wins) */
	const char **values;	/* or a repeatable value ... */
	size_t max_values;	/* ... at most this many */
	size_t *n_values;
	int *flag;		/* or a flag */
};

#define CLI_OPT_DB(var) { .name = "db", .arg = "FILE", \
	.help = "the database file (default: $WAYMARK_DB)", .value = &(var) }

struct cli_cmd {
	const char *name;
	const char *sub;	/* NULL for single-word commands */
	int (*run)(const struct cli_cmd *cmd, int argc, char **argv);
	const char *summary;
	const char *usage;	/* the arguments after the command words */
};

extern const struct cli_cmd cli_commands[];
extern const size_t cli_n_commands;

/*
 * Parses argv against opts (terminated by a zero entry). Positional
 * arguments are gathered into pos[0..*n_pos), at most max_pos. Handles
 * --help. Returns -1 to go on, or the exit code to return now.
 */
int cli_parse(const struct cli_cmd *cmd, const struct cli_opt *opts,
    int argc, char **argv, char **pos, size_t max_pos, size_t *n_pos);

void cli_usage(const struct cli_cmd *cmd, const struct cli_opt *opts,
    int to_stderr);

/* "waymark: " + message on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The --db value, or $WAYMARK_DB; reports and returns NULL if neither. */
const char *cli_db(const char *opt);

/* Opens an existing, current database (or creates when `create`). */
int cli_open(const char *db, unsigned flags, struct wm_store **out);

/* Opens db (flags as wm_store_open), runs `fn` on it and reports its
 * error: the body of the commands that read and print. Returns the exit
 * code. */
int cli_read_db(const char *db, unsigned flags,
    int (*fn)(struct wm_store *s, void *ctx, struct wm_buf *err), void *ctx);

/* For commands whose only option is --db: parses argv and runs `fn`. */
int cli_read_command(const struct cli_cmd *cmd, int argc, char **argv,
    int (*fn)(struct wm_store *s, void *ctx, struct wm_buf *err));

/* Reads a whole file ("-" is standard input), at most `max` bytes. */
int cli_read_file(const char *path, size_t max, struct wm_buf *out);

/* Prints each problem as FILE:LINE:COLUMN: message, or FILE: where:
 * message, to stderr. */
void cli_print_diags(const char *file, const struct wm_diags *d);

void cli_today(struct wm_date *out);

/* A date an option gives (YYYY-MM-DD) into *out, or today when s is
 * NULL; -1, reported naming the option, when it is not a date. */
int cli_date(const char *opt, const char *s, struct wm_date *out);

/* One change of the network's administration (store/admin.h) on db: fn
 * makes it as the command line (today's date, no account). A refusal is
 * reported as "--FIELD: why" (CLI_USAGE; CLI_FAIL when it does not fit
 * what is there), a failure as the store's
 * message (CLI_FAIL). */
typedef int cli_admin_fn(struct wm_store *s, const struct wm_admin_by *by,
    void *ctx, struct wm_field_problem *p, struct wm_buf *err);
int cli_admin(const char *db, cli_admin_fn *fn, void *ctx);

/* What an administration command needs of its options. */
struct cli_admin_cmd {
	const char **need[4];	/* options that must be given, NULL-ended */
	const char *needed;	/* what to say when one is not */
	const char *date_opt;	/* a date option (default today), or NULL */
	const char **date;	/* its value */
	struct wm_date *day;	/* where it is checked into */
};

/* The whole of such a command: parses argv against opts (whose --db
 * fills *db), checks what c needs, then cli_admin. The exit code. */
int cli_admin_command(const struct cli_cmd *cmd, int argc, char **argv,
    const struct cli_opt *opts, const char **db,
    const struct cli_admin_cmd *c, cli_admin_fn *fn, void *ctx);

/* The whole number an option gives, from lo to hi; -1, reported naming
 * the option, when it is not one. */
int cli_parse_long(const char *opt, const char *s, long lo, long hi,
    long *out);

/* A disclosure rule an option gives (mhsds, hes or none); -1, reported
 * naming the option and the three rules, when it is none of them. */
int cli_disclosure(const char *opt, const char *s,
    enum wm_disclosure_rule *out);

/* A new password into out: from the first line of `file` ("-" is standard
 * input) or, with no file, typed twice at the terminal without echo.
 * Returns 0, 1 when there is no file and no terminal to ask at, or -1. */
int cli_new_password(const char *file, const char *who, char *out, size_t n);

/* Where the instrument files are: $WAYMARK_INSTRUMENTS, else
 * ./instruments. */
const char *cli_instruments_dir(void);

/* The training-course catalogue from `path`, or with NULL from
 * training-courses.json in cli_instruments_dir(); reports and returns
 * CLI_FAIL if it cannot be read or checked. Free with wm_catalogue_free. */
int cli_load_courses(const char *path, struct wm_catalogue **out);

/* A loaded instrument, parsed from the text the store holds. */
int cli_load_instrument(struct wm_store *s, const char *url,
    const char *version, int64_t *id, struct wm_instrument **out);

#endif
