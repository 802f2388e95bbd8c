/*
 * waymark: the command line. Finds the command in the table and runs it.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void
overview(FILE *f)
{
	size_t i;

	fputs("usage: waymark COMMAND [ARGS]\n\n"
	    "Waymark: recovery-orientated improvement for a mental-health "
	    "network.\n\ncommands:\n", f);
	for (i = 0; i < cli_n_commands; i++) {
		char words[40];

		snprintf(words, sizeof(words), "%s%s%s", cli_commands[i].name,
		    cli_commands[i].sub ? " " : "",
		    cli_commands[i].sub ? cli_commands[i].sub : "");
		fprintf(f, "  %-22s %s\n", words, cli_commands[i].summary);
	}
	fputs("\n'waymark COMMAND --help' tells more. The database comes from "
	    "--db FILE or WAYMARK_DB.\n", f);
}

int
main(int argc, char **argv)
{
	const char *name, *sub;
	size_t i;
	int known = 0, help;
	FILE *f;

	if (argc < 2) {
		overview(stderr);
		return CLI_USAGE;
	}
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
	    strcmp(name, "help") == 0) {
		overview(stdout);
		return CLI_OK;
	}
	sub = argc > 2 ? argv[2] : NULL;
	for (i = 0; i < cli_n_commands; i++) {
		const struct cli_cmd *c = &cli_commands[i];

		if (strcmp(c->name, name) != 0)
			continue;
		known = 1;
		if (!c->sub)
			return c->run(c, argc - 2, argv + 2);
		if (sub && strcmp(c->sub, sub) == 0)
			return c->run(c, argc - 3, argv + 3);
	}
	if (!known) {
		fprintf(stderr, "waymark: unknown command '%s'\n\n", name);
		overview(stderr);
		return CLI_USAGE;
	}
	help = sub && (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0);
	f = help ? stdout : stderr;
	if (!help)
		fprintf(f, "waymark: '%s' needs one of these:\n", name);
	for (i = 0; i < cli_n_commands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			fprintf(f, "  waymark %s %s %s\n      %s\n", name,
			    cli_commands[i].sub, cli_commands[i].usage,
			    cli_commands[i].summary);
	return help ? CLI_OK : CLI_USAGE;
}
