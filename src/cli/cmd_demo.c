/*
 * waymark demo: a new database holding the demo network. It never
 * touches an existing file, nor a PostgreSQL database that holds any
 * table, so it cannot overwrite real records.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/demo.h"

int cmd_demo(const struct cli_cmd *cmd, int argc, char **argv);

int
cmd_demo(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *people = "2000", *seed = "2008", *dir = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "people", .arg = "N", .help = "how many people "
		    "(default 2000)", .value = &people },
		{ .name = "seed", .arg = "S", .help = "the random seed; the same "
		    "seed gives the same network (default 2008)", .value = &seed },
		{ .name = "instruments", .arg = "DIR", .help = "the instrument "
		    "files (default: $WAYMARK_INSTRUMENTS or ./instruments)",
		    .value = &dir },
		{ 0 },
	};
	struct demo_opts o = { .batch = 20000 };
	struct demo d = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	char *pos[1];
	size_t n;
	long sd;
	int rc, from, to;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (cli_parse_long("people", people, 1, 10000000, &o.people) ||
	    cli_parse_long("seed", seed, 0, 2147483647L, &sd))
		return CLI_USAGE;
	o.seed = (uint64_t)sd;
	o.instruments = dir ? dir : cli_instruments_dir();
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, WM_STORE_CREATE | WM_STORE_NEW, &s)))
		return rc;
	if (wm_store_migrate(s, &from, &to, &err) || demo_build(&d, s, &o)) {
		cli_error("the demo was not built: %s", err.len ?
		    wm_buf_str(&err) : wm_buf_str(&d.err));
		rc = CLI_FAIL;
	} else {
		printf("built the demo network in %s: %d services, %ld people, "
		    "%ld responses, %ld answers\n%s", db, DEMO_SERVICES, o.people,
		    d.responses, d.answers, wm_buf_str(&d.sign_ins));
	}
	demo_release(&d);
	wm_store_close(s);
	wm_buf_clear(&err);
	if (rc && wm_store_remove_new(db, &err))
		cli_error("%s", wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}
