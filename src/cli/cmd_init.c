#include "cli/cli.h"

#include <stdio.h>

int cmd_init(const struct cli_cmd *cmd, int argc, char **argv);

int
cmd_init(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ 0 },
	};
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	char *pos[1];
	size_t n_pos;
	int rc, from = 0, to = 0;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n_pos)) >= 0)
		return rc;
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, WM_STORE_CREATE, &s)))
		return rc;
	if (wm_store_migrate(s, &from, &to, &err)) {
		cli_error("%s; the database is unchanged", wm_buf_str(&err));
		rc = CLI_FAIL;
	} else if (from == to)
		printf("%s is up to date (schema version %d)\n", db, to);
	else if (from == 0)
		printf("created %s (schema version %d)\n", db, to);
	else
		printf("upgraded %s from schema version %d to %d\n", db, from,
		    to);
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}
