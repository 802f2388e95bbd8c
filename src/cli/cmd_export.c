/*
 * waymark export responses: every answer as one RFC 4180 CSV row, with
 * identifiers (never names), guarded against spreadsheet formulas.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"

int cmd_export_responses(const struct cli_cmd *cmd, int argc, char **argv);

static const char *const header[] = {
	"response_id", "instrument", "version", "subject_kind", "subject",
	"unit", "respondent", "stakeholder", "status", "authored", "item",
	"code", "display", "value", "text",
};

struct out {
	struct wm_buf line;
	long rows;
	int failed;
};

static void
cell(struct wm_buf *b, const char *s, int last)
{
	wm_esc_csv_s(b, s ? s : "");
	wm_buf_puts(b, last ? "\r\n" : ",");
}

static int
write_row(void *ctx, const struct wm_answer_row *a)
{
	struct out *o = ctx;
	struct wm_buf *b = &o->line;

	wm_buf_clear(b);
	wm_buf_printf(b, "%lld,", (long long)a->response_id);
	cell(b, a->url, 0);
	cell(b, a->version, 0);
	cell(b, a->subject_kind, 0);
	cell(b, a->subject, 0);
	cell(b, a->unit_code, 0);
	cell(b, a->respondent, 0);
	cell(b, a->stakeholder, 0);
	cell(b, a->status, 0);
	cell(b, a->authored, 0);
	cell(b, a->link_id, 0);
	cell(b, a->code, 0);
	cell(b, a->display, 0);
	if (a->has_value)
		wm_csv_number(b, a->value,
		    a->value == (double)(long)a->value ? 0 : 2);
	wm_buf_puts(b, ",");
	cell(b, a->text, 1);
	if (b->failed || fwrite(b->data, 1, b->len, stdout) != b->len) {
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
	size_t n, i;
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
	for (i = 0; i < sizeof(header) / sizeof(header[0]); i++)
		printf("%s%s", header[i], i + 1 < sizeof(header) /
		    sizeof(header[0]) ? "," : "\r\n");
	if (wm_store_answer_each(s, url, u.id, write_row, &o, &err))
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
