/*
 * waymark report network: the network's figures for its own analysts,
 * every service of the network (no grants: the command line sees the
 * whole network), section by section as the commissioners' pages show
 * them: the standards, recovery, the paired-outcome rate, cycles,
 * training, goals, every outcome measure with its thresholds and funnel
 * findings, and the quarter-by-quarter means. The figures come from the
 * same view, tables and writers as the pages and the API
 * (report/network_view.h, report/network_json.h,
 * report/network_figures.h), so every format says what the web says
 * under the same rule; only here may the rule be "none". Each report is
 * written to the audit log, as a commissioner's view is, with its
 * format, window and rule.
 */
#include "cli/cmd_report.h"

#include <stdio.h>
#include <string.h>

#include "core/known_instruments.h"
#include "report/network_figures.h"
#include "report/network_json.h"
#include "report/network_measures.h"
#include "report/network_report.h"
#include "report/network_view.h"

int cmd_report_network(const struct cli_cmd *cmd, int argc, char **argv);

static const char *const formats[] = {
	[CLI_NETREP_TEXT] = "text",
	[CLI_NETREP_CSV] = "csv",
	[CLI_NETREP_JSON] = "json",
};

void
cli_netrep_options(struct cli_netrep_opts *o,
    struct cli_opt opts[CLI_NETREP_N_OPTS])
{
	const struct cli_opt table[CLI_NETREP_N_OPTS] = {
		CLI_OPT_DB(o->db),
		{ .name = "format", .arg = "text|csv|json", .help = "the "
		    "output format (default text)", .value = &o->format },
		{ .name = "from", .arg = "QUARTER", .help = "the first "
		    "quarter, like 2026-Q1 (default: three before --to)",
		    .value = &o->from },
		{ .name = "to", .arg = "QUARTER", .help = "the last quarter "
		    "(default: this one)", .value = &o->to },
		{ .name = "disclosure", .arg = "mhsds|hes|none", .help =
		    "small-number control: mhsds (NHS England's MHSDS rule), "
		    "hes (the stricter HES rule) or none (for analysts inside "
		    "the network only); default: the network's own "
		    "(waymark network set --disclosure)",
		    .value = &o->disclosure },
		{ .name = "courses", .arg = "FILE", .help = "the training "
		    "courses (default: training-courses.json in "
		    "$WAYMARK_INSTRUMENTS)", .value = &o->courses },
		{ .name = "section", .arg = "NAME", .help = "only this "
		    "section (csv and text): standards, recovery, "
		    "paired-outcome-rate, cycles, training, experience, "
		    "goals, outcomes, comparisons or quarterly-means",
		    .value = &o->section },
		{ 0 },
	};

	memcpy(opts, table, sizeof(table));
}

static int
format_of(const char *s, enum cli_netrep_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(s, formats[i]) == 0) {
			*out = (enum cli_netrep_format)i;
			return 0;
		}
	cli_error("--format: '%s' is not text, csv or json", s);
	return -1;
}

static int
quarter_of(const char *opt, const char *s)
{
	struct wm_quarter q;

	if (!s || wm_quarter_parse(s, &q) == 0)
		return 0;
	cli_error("--%s: '%s' is not a quarter: write it as a year and "
	    "quarter, like 2026-Q1", opt, s);
	return -1;
}

int
cli_netrep_check(const struct cli_netrep_opts *o,
    const struct wm_date *today, struct cli_netrep_args *out)
{
	struct wm_quarter now;
	char now_s[8], to_s[8];
	const char *why;

	memset(out, 0, sizeof(*out));
	out->rule = WM_DISCLOSURE_DEFAULT;
	if (o->format && format_of(o->format, &out->format))
		return CLI_USAGE;
	if (o->disclosure) {
		if (cli_disclosure("disclosure", o->disclosure, &out->rule))
			return CLI_USAGE;
		out->has_rule = 1;
	}
	if (quarter_of("from", o->from) || quarter_of("to", o->to))
		return CLI_USAGE;
	if (o->section && !wm_net_section_known(o->section)) {
		cli_error("--section: '%s' is not a section of the report",
		    o->section);
		return CLI_USAGE;
	}
	if (o->section && out->format == CLI_NETREP_JSON) {
		cli_error("--section: JSON holds every section, each its own "
		    "member; take the one you want");
		return CLI_USAGE;
	}
	out->section = o->section;
	if (!(why = wm_net_window(o->from, o->to, today, &out->from,
	    &out->to)))
		return 0;
	/* The window's own words; the option at fault is --to when it
	 * ends after this quarter, else --from. */
	wm_quarter_of(today, &now);
	wm_quarter_format(&now, now_s);
	wm_quarter_format(&out->to, to_s);
	cli_error("--%s: %s", strcmp(to_s, now_s) > 0 ? "to" : "from", why);
	return CLI_USAGE;
}

/* --- the report -------------------------------------------------------- */

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

struct report {
	struct wm_net_view view;
	struct wm_net_measures measures;
	struct wm_netrep *quarterly;
};

/* Everything the report shows, read from the store. */
static int
gather(struct wm_store *s, const struct cli_netrep_args *a,
    const struct wm_date *today, const struct wm_catalogue *courses,
    struct report *r, struct wm_buf *err)
{
	int rc;

	/* The means are read apart from the view, which then names their
	 * services only. */
	if (a->section && strcmp(a->section, "quarterly-means") == 0)
		rc = wm_net_view_services(s, NULL, 0, today, &a->from, &a->to,
		    &r->view, err);
	else if ((rc = wm_net_view_build(s, NULL, 0, today, &a->from, &a->to,
	    courses, &r->view, err)) == 0)
		rc = wm_net_measures_build(s, &r->view, &r->measures, err);
	if (rc)
		return rc;
	if (!(r->quarterly = wm_netrep_new(r->view.from_s, r->view.to_s))) {
		wm_buf_puts(err, "out of memory");
		return -1;
	}
	if (wm_store_people_summary(s, wm_family_dreem(), on_people,
	    r->quarterly, err) || wm_store_scale_summary(s, wm_family_dreem(),
	    on_scale, r->quarterly, err)) {
		if (wm_netrep_error(r->quarterly)[0]) {
			wm_buf_clear(err);
			wm_buf_puts(err, wm_netrep_error(r->quarterly));
		}
		return -1;
	}
	return 0;
}

/* The report is a view of the network's figures like a commissioner's:
 * record it, with what it showed (the format, the window and the rule),
 * before any of it is written. */
static int
audit(struct wm_store *s, const struct report *r,
    const struct cli_netrep_args *a, enum wm_disclosure_rule rule,
    struct wm_buf *err)
{
	const struct wm_net_view *v = &r->view;
	struct wm_buf where = WM_BUF_INIT, detail = WM_BUF_INIT;
	int rc;

	wm_buf_printf(&where, "command line waymark report network "
	    "--format %s", formats[a->format]);
	/* One section is less than the whole report: the entry says so. */
	if (a->section)
		wm_buf_printf(&where, " --section %s", a->section);
	wm_net_audit_detail(&detail, wm_buf_str(&where), v, rule);
	rc = where.failed || detail.failed ? wm_store_out_of_memory(err) :
	    wm_store_audit(s, 0, "reported the network's figures (command "
	    "line)", v->network.id ? "unit" : NULL, v->network.id,
	    wm_buf_str(&detail), NULL, err);
	wm_buf_release(&where);
	wm_buf_release(&detail);
	return rc;
}

static int
write_report(const struct report *r, const struct cli_netrep_args *a,
    enum wm_disclosure_rule rule, struct wm_buf *out)
{
	switch (a->format) {
	case CLI_NETREP_CSV:
		return wm_net_csv(&r->view, &r->measures, r->quarterly, rule,
		    a->section, out);
	case CLI_NETREP_JSON:
		return wm_net_json_write(&r->view, &r->measures, r->quarterly,
		    rule, out);
	default:
		return wm_net_text(&r->view, &r->measures, r->quarterly, rule,
		    a->section, out);
	}
}

int
cli_netrep_make(struct wm_store *s, const struct cli_netrep_args *a,
    const struct wm_date *today, const struct wm_catalogue *courses,
    enum wm_disclosure_rule rule, int audited, struct wm_buf *out,
    struct wm_buf *err)
{
	struct report r;
	int rc;

	memset(&r, 0, sizeof(r));
	wm_net_view_init(&r.view);
	wm_net_measures_init(&r.measures);
	rc = gather(s, a, today, courses, &r, err);
	if (rc == 0 && audited)
		rc = audit(s, &r, a, rule, err);
	if (rc == 0 && write_report(&r, a, rule, out)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "could not write the report");
		rc = -1;
	}
	wm_netrep_free(r.quarterly);
	wm_net_measures_release(&r.measures);
	wm_net_view_release(&r.view);
	return rc;
}

int
cmd_report_network(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct cli_netrep_opts o = { NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL };
	struct cli_opt opts[CLI_NETREP_N_OPTS];
	struct wm_buf err = WM_BUF_INIT, out = WM_BUF_INIT;
	struct wm_catalogue *courses = NULL;
	enum wm_disclosure_rule rule;
	struct cli_netrep_args a;
	struct wm_store *s = NULL;
	struct wm_date today;
	char *pos[1];
	size_t n;
	int rc;

	cli_netrep_options(&o, opts);
	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	cli_today(&today);
	if ((rc = cli_netrep_check(&o, &today, &a)))
		return rc;
	if (!(o.db = cli_db(o.db)))
		return CLI_USAGE;
	if ((rc = cli_load_courses(o.courses, &courses)))
		return rc;
	if ((rc = cli_open(o.db, 0, &s)))
		goto out;
	rule = a.rule;
	/* Without --disclosure, the network's own rule, as on its pages. */
	if (!a.has_rule && wm_store_disclosure_rule(s, &rule, &err)) {
		cli_error("%s", wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	if (cli_netrep_make(s, &a, &today, courses, rule, 1, &out, &err)) {
		cli_error("the report was not made: %s", wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	if (fwrite(out.data, 1, out.len, stdout) != out.len) {
		cli_error("could not write the report");
		rc = CLI_FAIL;
	}
out:
	wm_store_close(s);
	wm_catalogue_free(courses);
	wm_buf_release(&out);
	wm_buf_release(&err);
	return rc;
}

long
cli_netrep_differing(const struct wm_buf *a, const struct wm_buf *b,
    long *lines)
{
	const char *p = a->data ? a->data : "", *q = b->data ? b->data : "";
	long n = 0, line = 0;

	while (*p || *q) {
		size_t lp = strcspn(p, "\n"), lq = strcspn(q, "\n");

		line++;
		if (lp != lq || memcmp(p, q, lp) != 0) {
			if (++n <= 3)
				printf("  line %ld: %.*s\n", line,
				    (int)strcspn(p, ",\n"), p);
		}
		p += lp + (p[lp] == '\n');
		q += lq + (q[lq] == '\n');
	}
	*lines = line;
	return n;
}
