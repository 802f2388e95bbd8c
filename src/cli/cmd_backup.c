/*
 * waymark backup --db SOURCE FILE: a consistent copy of the database
 * while the server runs (the store's online backup), into a new file
 * that is a database of its own, ready to be opened or restored by
 * copying it into place. Taking a copy of everyone's records is itself
 * written to the audit log.
 */
#include "cli/cli.h"

#include <stdio.h>

int cmd_backup(const struct cli_cmd *cmd, int argc, char **argv);

int
cmd_backup(const struct cli_cmd *cmd, int argc, char **argv)
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
	long pages;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 1, &n_pos)) >= 0)
		return rc;
	if (n_pos != 1) {
		cli_error("say where to write the copy: waymark backup --db "
		    "FILE COPY");
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	rc = CLI_FAIL;
	if (wm_store_backup(s, pos[0], &pages, &err) ||
	    wm_store_audit(s, 0, "took a backup (command line)", NULL, 0,
	    NULL, NULL, &err))
		cli_error("%s", wm_buf_str(&err));
	else {
		printf("copied %s to %s (%ld pages), as it was at one moment\n",
		    db, pos[0], pages);
		rc = CLI_OK;
	}
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}
