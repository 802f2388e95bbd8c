/*
 * `waymark report network`'s options, declared and checked apart from
 * the command so that the argument fuzz target (fuzz/fuzz_cli_args.c)
 * runs exactly the command's table and checks.
 */
#ifndef WM_CLI_CMD_REPORT_H
#define WM_CLI_CMD_REPORT_H

#include "cli/cli.h"
#include "core/disclosure.h"
#include "core/profile.h"
#include "util/date.h"

enum cli_netrep_format { CLI_NETREP_TEXT, CLI_NETREP_CSV, CLI_NETREP_JSON };

/* What the options say, as given (NULL when not given). */
struct cli_netrep_opts {
	const char *db, *format, *from, *to, *disclosure, *courses, *section;
};

/* The options, checked. */
struct cli_netrep_args {
	enum cli_netrep_format format;
	struct wm_quarter from, to;
	int has_rule;		/* 0: the network's own rule */
	enum wm_disclosure_rule rule;
	const char *section;	/* the one section, or NULL: all */
};

#define CLI_NETREP_N_OPTS 8

/* The command's option table, pointing into *o (its last entry zero). */
void cli_netrep_options(struct cli_netrep_opts *o,
    struct cli_opt opts[CLI_NETREP_N_OPTS]);

/* Checks the options against today's date: 0, or CLI_USAGE with the
 * problem printed on stderr naming its option (a format or rule that is
 * none of those known, a quarter not written like 2026-Q1, a window
 * that ends after this quarter, starts after it ends or is longer than
 * ten years, a section that is none of the report's, or a section asked
 * of JSON, whose reader takes the member it wants). Nothing is printed
 * on stdout. */
int cli_netrep_check(const struct cli_netrep_opts *o,
    const struct wm_date *today, struct cli_netrep_args *out);

struct wm_catalogue;
struct wm_store;

/* The whole report the args ask for, written into `out`: read from the
 * store, then written in the format asked for. With `audited`, the view
 * is recorded in the audit log first, as every report shown is; without,
 * for waymark check, which shows no figure, only whether two agree. */
int cli_netrep_make(struct wm_store *s, const struct cli_netrep_args *a,
    const struct wm_date *today, const struct wm_catalogue *courses,
    enum wm_disclosure_rule rule, int audited, struct wm_buf *out,
    struct wm_buf *err);

/* How many lines of the reports a and b differ (by number), printing
 * the first few by their section (the first field); all of a's lines
 * into *lines. */
long cli_netrep_differing(const struct wm_buf *a, const struct wm_buf *b,
    long *lines);

#endif
