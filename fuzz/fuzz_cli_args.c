/*
 * Fuzz target: the declared-options parser (cli_parse). The input is
 * split on NUL bytes into at most MAX_ARGS arguments and parsed against
 * a table with a single-value option, a repeatable one and a flag, as a
 * command's would be; then against `waymark report network`'s own table,
 * and what it accepts through that command's checks (cli_netrep_check,
 * today = 2026-12-07): a window it accepts is one anyone may ask for.
 * Usage text goes to stdout, sent to /dev/null here, and to stderr, which
 * scripts/run-fuzz.sh closes (-close_fd_mask=3); so rerun a failing input
 * by hand to see an invariant's message.
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_report.h"

#include "fuzz.h"

#define MAX_ARGS 32
#define MAX_POS 3
#define MAX_TAGS 4

static const struct cli_cmd cmd = {
	.name = "fuzz",
	.sub = "args",
	.summary = "Parses fuzzed arguments.",
	.usage = "[--db FILE] [--tag TAG]... [--dry-run] [ARG...]",
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* --help prints to stdout, which nobody reads here. */
	if (!freopen("/dev/null", "w", stdout))
		perror("fuzz_cli_args: /dev/null");
	return 0;
}

/* p points into buf, at the start of one of the n arguments. */
static int
is_arg(char **argv, int n, const char *p)
{
	int i;

	for (i = 0; i < n; i++)
		if (p == argv[i] || (p > argv[i] && p <= argv[i] +
		    strlen(argv[i])))
			return 1;
	return 0;
}

static const struct cli_cmd report = {
	.name = "report",
	.sub = "network",
	.summary = "Checks fuzzed report arguments.",
	.usage = "[--format F] [--from Q] [--to Q] [--disclosure R]",
};

static int
quarter_index(const struct wm_quarter *q)
{
	return q->year * 4 + q->quarter - 1;
}

/* The report's table and checks on the same arguments. */
static void
report_args(int argc, char **argv)
{
	struct cli_netrep_opts o = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	struct cli_opt opts[CLI_NETREP_N_OPTS];
	struct wm_date today = { 2026, 12, 7 };
	struct cli_netrep_args a;
	struct wm_quarter now;
	char *pos[1];
	size_t n_pos;
	int rc;

	cli_netrep_options(&o, opts);
	rc = cli_parse(&report, opts, argc, argv, pos, 0, &n_pos);
	FUZZ_CHECK(rc == -1 || rc == CLI_OK || rc == CLI_USAGE);
	if (rc != -1)
		return;
	FUZZ_CHECK(n_pos == 0);
	rc = cli_netrep_check(&o, &today, &a);
	FUZZ_CHECK(rc == 0 || rc == CLI_USAGE);
	if (rc)
		return;
	wm_quarter_of(&today, &now);
	FUZZ_CHECK(a.format <= CLI_NETREP_JSON);
	FUZZ_CHECK(a.rule <= WM_DISCLOSURE_NONE);
	FUZZ_CHECK(a.has_rule == (o.disclosure != NULL));
	FUZZ_CHECK(quarter_index(&a.from) <= quarter_index(&a.to));
	FUZZ_CHECK(quarter_index(&a.to) <= quarter_index(&now));
	FUZZ_CHECK(quarter_index(&a.to) - quarter_index(&a.from) < 40);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *db = NULL, *tags[MAX_TAGS];
	size_t n_tags = 0, n_pos = 0, i;
	int dry_run = 0, argc = 0, rc;
	char *buf, *argv[MAX_ARGS + 1], *pos[MAX_POS];
	const struct cli_opt opts[] = {
		{ .name = "db", .arg = "FILE", .help = "a value",
		    .value = &db },
		{ .name = "tag", .arg = "TAG", .help = "a repeatable value",
		    .values = tags, .max_values = MAX_TAGS,
		    .n_values = &n_tags },
		{ .name = "dry-run", .help = "a flag", .flag = &dry_run },
		{ 0 },
	};

	/* A copy with a NUL after the last argument too. */
	if (!(buf = malloc(size + 1)))
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (i = 0; i <= size && argc < MAX_ARGS; i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;
	argv[argc] = NULL;

	rc = cli_parse(&cmd, opts, argc, argv, pos, MAX_POS, &n_pos);
	FUZZ_CHECK(rc == -1 || rc == CLI_OK || rc == CLI_USAGE);
	FUZZ_CHECK(n_pos <= MAX_POS && n_tags <= MAX_TAGS);
	FUZZ_CHECK(dry_run == 0 || dry_run == 1);
	for (i = 0; i < n_pos; i++)
		FUZZ_CHECK(is_arg(argv, argc, pos[i]));
	for (i = 0; i < n_tags; i++)
		FUZZ_CHECK(is_arg(argv, argc, tags[i]));
	FUZZ_CHECK(!db || is_arg(argv, argc, db));
	report_args(argc, argv);
	free(buf);
	return 0;
}
