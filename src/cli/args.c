/*
 * Declared options: a command lists what it accepts, and anything else is
 * a usage error naming the option, so a typo never silently does the
 * wrong thing.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static const struct cli_opt *
find(const struct cli_opt *opts, const char *name, size_t n)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

static void
words(const struct cli_cmd *cmd, FILE *f)
{
	fprintf(f, "waymark %s%s%s", cmd->name, cmd->sub ? " " : "",
	    cmd->sub ? cmd->sub : "");
}

void
cli_usage(const struct cli_cmd *cmd, const struct cli_opt *opts,
    int to_stderr)
{
	FILE *f = to_stderr ? stderr : stdout;

	fputs("usage: ", f);
	words(cmd, f);
	fprintf(f, " %s\n\n%s\n", cmd->usage, cmd->summary);
	if (opts && opts->name)
		fputs("\noptions:\n", f);
	for (; opts && opts->name; opts++) {
		char left[48];

		snprintf(left, sizeof(left), "--%s%s%s", opts->name,
		    opts->arg ? " " : "", opts->arg ? opts->arg : "");
		fprintf(f, "  %-26s %s\n", left, opts->help);
	}
	fputs("  --help                     show this help\n", f);
}

static int
usage_error(const struct cli_cmd *cmd, const struct cli_opt *opts,
    const char *what, const char *name)
{
	fprintf(stderr, "waymark: %s%s\n", what, name);
	cli_usage(cmd, opts, 1);
	return CLI_USAGE;
}

static int
take(const struct cli_cmd *cmd, const struct cli_opt *opts,
    const struct cli_opt *o, const char *v)
{
	if (o->value) {
		*o->value = v;
		return -1;
	}
	if (*o->n_values >= o->max_values)
		return usage_error(cmd, opts, "too many --", o->name);
	o->values[(*o->n_values)++] = v;
	return -1;
}

int
cli_parse(const struct cli_cmd *cmd, const struct cli_opt *opts, int argc,
    char **argv, char **pos, size_t max_pos, size_t *n_pos)
{
	int i, only_pos = 0;

	*n_pos = 0;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *eq;
		const struct cli_opt *o;
		int rc;

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			if (*n_pos >= max_pos)
				return usage_error(cmd, opts,
				    "unexpected argument: ", a);
			pos[(*n_pos)++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_usage(cmd, opts, 0);
			return CLI_OK;
		}
		if (a[1] != '-')
			return usage_error(cmd, opts, "unknown option: ", a);
		eq = strchr(a + 2, '=');
		o = find(opts, a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
		if (!o)
			return usage_error(cmd, opts, "unknown option: ", a);
		if (o->flag) {
			if (eq)
				return usage_error(cmd, opts,
				    "this option takes no value: ", a);
			*o->flag = 1;
			continue;
		}
		if (eq)
			rc = take(cmd, opts, o, eq + 1);
		else if (i + 1 < argc)
			rc = take(cmd, opts, o, argv[++i]);
		else
			return usage_error(cmd, opts, "missing value for ", a);
		if (rc >= 0)
			return rc;
	}
	return -1;
}
