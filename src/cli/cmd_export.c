/*
 * waymark export responses: every answer as one RFC 4180 CSV row, with
 * identifiers (never names), guarded against spreadsheet formulas.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "report/answers_csv.h"

int cmd_export_responses(const struct cli_cmd *cmd, int argc, char **argv);

struct out {
	struct wm_buf line;
	long rows;
	int failed;
};

static int
write_row(void *ctx, const struct wm_answer_row *a)
{
	struct out *o = ctx;

	wm_buf_clear(&o->line);
	if (wm_answers_csv_row(&o->line, a) ||
	    fwrite(o->line.data, 1, o->line.len, stdout) != o->line.len) {
		o->failed = 1;
		return 1;
	}
	o->rows++;
	return 0;
}

int
cmd_export_responses(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *format = "csv", *url = NULL, *unit = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "format", .arg = "csv", .help = "the output format "
		    "(csv)", .value = &format },
		{ .name = "instrument", .arg = "URL", .help = "only answers to "
		    "this instrument (any version)", .value = &url },
		{ .name = "unit", .arg = "CODE", .help = "only responses of this "
		    "unit and the units within it", .value = &unit },
		{ 0 },
	};
	struct out o = { WM_BUF_INIT, 0, 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_unit_row u = { 0 };
	char *pos[1];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (strcmp(format, "csv") != 0) {
		cli_error("--format: only csv is supported");
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	if (unit && wm_store_unit_find(s, unit, &u, &err))
		goto fail;
	/* Exports hold people's answers: record who took them, and what. */
	wm_buf_printf(&o.line, "instrument %s; unit %s", url ? url : "all",
	    unit ? unit : "all");
	if (wm_store_audit(s, 0, "responses exported (command line)", NULL, 0,
	    wm_buf_str(&o.line), NULL, &err))
		goto fail;
	wm_buf_clear(&o.line);
	if (wm_answers_csv_header(&o.line) ||
	    fwrite(o.line.data, 1, o.line.len, stdout) != o.line.len) {
		cli_error("could not write the export");
		rc = CLI_FAIL;
		goto out;
	}
	if (wm_store_answer_each(s, url, u.id, 0, 0, write_row, &o, &err))
		goto fail;
	if (o.failed || fflush(stdout)) {
		cli_error("could not write the export");
		rc = CLI_FAIL;
	}
	goto out;
fail:
	cli_error("%s", wm_buf_str(&err));
	rc = CLI_FAIL;
out:
	wm_store_close(s);
	wm_buf_release(&o.line);
	wm_buf_release(&err);
	return rc;
}
