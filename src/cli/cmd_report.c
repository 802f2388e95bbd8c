/*
 * waymark report network: the commissioners' summary across all sites,
 * with small numbers withheld.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "core/known_instruments.h"
#include "report/network_report.h"

int cmd_report_network(const struct cli_cmd *cmd, int argc, char **argv);

static int
on_people(void *ctx, const struct wm_people_row *p)
{
	return wm_netrep_add_people(ctx, p->unit_code, p->quarter,
	    p->respondent, p->people);
}

static int
on_scale(void *ctx, const struct wm_scale_summary_row *s)
{
	return wm_netrep_add_scale(ctx, s->unit_code, s->unit_name, s->quarter,
	    s->respondent, s->scale, s->scale_title, s->people, s->mean);
}

static int
on_rating(void *ctx, const struct wm_rating_row *g)
{
	return wm_netrep_add_rating(ctx, g->unit_code, g->unit_name,
	    g->quarter, g->scale, g->scale_title, g->respondent,
	    g->stakeholder, g->has_value, g->value);
}

int
cmd_report_network(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *format = "text", *disclosure = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "format", .arg = "text|csv", .help = "the output "
		    "format (default text)", .value = &format },
		{ .name = "disclosure", .arg = "mhsds|hes|none", .help =
		    "small-number control: mhsds (NHS England's MHSDS rule), "
		    "hes (the stricter HES rule) or none (for analysts inside "
		    "the network only); default: the network's own "
		    "(waymark network set --disclosure), mhsds unless set",
		    .value = &disclosure },
		{ 0 },
	};
	enum wm_disclosure_rule rule = WM_DISCLOSURE_DEFAULT;
	struct wm_buf err = WM_BUF_INIT, out = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_netrep *r = NULL;
	char *pos[1];
	size_t n;
	int rc, csv;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0) {
		cli_error("--format: '%s' is not text or csv", format);
		return CLI_USAGE;
	}
	if (disclosure && cli_disclosure("disclosure", disclosure, &rule))
		return CLI_USAGE;
	csv = strcmp(format, "csv") == 0;
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, WM_STORE_READONLY, &s)))
		return rc;
	/* Without --disclosure, the network's own rule, as on its pages. */
	if (!disclosure && wm_store_disclosure_rule(s, &rule, &err)) {
		cli_error("%s", wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	r = wm_netrep_new(rule);
	if (!r || wm_store_people_summary(s, wm_family_dreem(), on_people, r,
	    &err) || wm_store_scale_summary(s, wm_family_dreem(), on_scale, r,
	    &err) || wm_store_latest_ratings(s, wm_family_standards(),
	    on_rating, r, &err)) {
		cli_error("the report was not made: %s", !r ? "out of memory" :
		    wm_netrep_error(r)[0] ? wm_netrep_error(r) :
		    wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	if ((csv ? wm_netrep_csv(r, &out) : wm_netrep_text(r, &out)) ||
	    fwrite(out.data, 1, out.len, stdout) != out.len) {
		cli_error("could not write the report");
		rc = CLI_FAIL;
	}
out:
	wm_netrep_free(r);
	wm_store_close(s);
	wm_buf_release(&out);
	wm_buf_release(&err);
	return rc;
}
