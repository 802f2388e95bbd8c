/*
 * waymark network set | show: the network's settings: how long a
 * standards self-assessment period is, when a standard counts as
 * validated, and the disclosure rule for its figures for commissioners.
 * Each is checked by core's rule before it is kept, and only the
 * settings given are written.
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/disclosure.h"
#include "core/standards.h"
#include "core/validation.h"

int cmd_network_set(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_network_show(const struct cli_cmd *cmd, int argc, char **argv);

/* What `network set` was asked to change; NULL for a setting not given. */
struct change {
	const char *months, *validators, *groups, *disclosure;
	long m, v, g;
	enum wm_disclosure_rule rule;
};

/* The settings in force, as both commands print them. */
static int
print_settings(struct wm_store *s, struct wm_buf *err)
{
	struct wm_validation_rule rule;
	enum wm_disclosure_rule d;
	int months, rc;

	if ((rc = wm_store_validation_rule(s, &rule, err)) ||
	    (rc = wm_store_standards_months(s, &months, err)) ||
	    (rc = wm_store_disclosure_rule(s, &d, err)))
		return rc;
	printf("standards period: %d months; validated with %d validators "
	    "from %d groups\n", months, rule.min_validators, rule.min_groups);
	printf("disclosure for commissioners: %s\n", wm_disclosure_name(d));
	return 0;
}

/* The options' values, checked on their own (no database yet). */
static int
parse_change(struct change *c)
{
	const char *problem;

	if (!c->months && !c->validators && !c->groups && !c->disclosure) {
		cli_error("say what to set: --period-months, --validators, "
		    "--groups or --disclosure");
		return -1;
	}
	if ((c->months && cli_parse_long("period-months", c->months, 1, 12,
	    &c->m)) || (c->validators && cli_parse_long("validators",
	    c->validators, 1, WM_VALIDATION_MAX_THRESHOLD, &c->v)) ||
	    (c->groups && cli_parse_long("groups", c->groups, 1,
	    WM_VALIDATION_MAX_THRESHOLD, &c->g)) ||
	    (c->disclosure && cli_disclosure("disclosure", c->disclosure,
	    &c->rule)))
		return -1;
	if (c->months && (problem = wm_period_months_problem(c->m))) {
		cli_error("--period-months: %s", problem);
		return -1;
	}
	return 0;
}

/* A new period length is refused while this year's periods are under
 * way. CLI_OK, CLI_USAGE (refused, reported) or CLI_FAIL (err set). */
static int
check_months(struct wm_store *s, long m, struct wm_buf *err)
{
	struct wm_date today, first;
	const char *problem;
	char jan1[11];
	int64_t kept = 0;
	int now_months = 0;

	cli_today(&today);
	wm_period_year_start(&today, &first);
	wm_date_format(&first, jan1);
	if (wm_store_assessments_since(s, jan1, &kept, err) ||
	    wm_store_standards_months(s, &now_months, err))
		return CLI_FAIL;
	if ((problem = wm_period_change_problem(now_months, (int)m, kept))) {
		cli_error("--period-months: %s (periods are %d months now)",
		    problem, now_months);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* The validation rule with the change applied, checked whole. A setting
 * not given keeps its value: one that cannot be read stops the change
 * rather than writing the default over it. */
static int
check_rule(struct wm_store *s, const struct change *c,
    struct wm_validation_rule *rule, struct wm_buf *err)
{
	const char *problem;

	if (wm_store_validation_rule(s, rule, err))
		return CLI_FAIL;
	if (c->validators)
		rule->min_validators = (int)c->v;
	if (c->groups)
		rule->min_groups = (int)c->g;
	if ((problem = wm_validation_rule_problem(rule))) {
		cli_error("%s", problem);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* The disclosure rule kept now must be readable, unless it is being
 * replaced: a change is never written beside a setting that would stop
 * every later read. */
static int
check_disclosure(struct wm_store *s, struct wm_buf *err)
{
	enum wm_disclosure_rule d;

	return wm_store_disclosure_rule(s, &d, err) ? CLI_FAIL : CLI_OK;
}

static int
write_change(struct wm_store *s, const struct change *c,
    const struct wm_validation_rule *rule, struct wm_buf *err)
{
	char text[24];

	if (c->months) {
		snprintf(text, sizeof(text), "%ld", c->m);
		if (wm_store_setting_set(s, WM_SETTING_PERIOD_MONTHS, text,
		    err))
			return -1;
	}
	if (c->validators || c->groups) {
		snprintf(text, sizeof(text), "%d", rule->min_validators);
		if (wm_store_setting_set(s, WM_SETTING_MIN_VALIDATORS, text,
		    err))
			return -1;
		snprintf(text, sizeof(text), "%d", rule->min_groups);
		if (wm_store_setting_set(s, WM_SETTING_MIN_GROUPS, text, err))
			return -1;
	}
	if (c->disclosure && wm_store_setting_set(s, WM_SETTING_DISCLOSURE,
	    wm_disclosure_name(c->rule), err))
		return -1;
	return wm_store_audit(s, 0, "network settings changed (command line)",
	    NULL, 0, NULL, NULL, err);
}

int
cmd_network_set(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL;
	struct change c = { 0 };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "period-months", .arg = "N", .help = "the standards "
		    "period: 1, 2, 3 (quarterly, the default), 4, 6 or 12 "
		    "months", .value = &c.months },
		{ .name = "validators", .arg = "N", .help = "validators needed "
		    "for a standard to count as validated (default 2)",
		    .value = &c.validators },
		{ .name = "groups", .arg = "N", .help = "different stakeholder "
		    "groups among them (default 2)", .value = &c.groups },
		{ .name = "disclosure", .arg = "mhsds|hes|none", .help = "the "
		    "small-number rule for figures for commissioners: mhsds "
		    "(NHS England's MHSDS rule, the default), hes (the "
		    "stricter HES rule) or none (only for the network's own "
		    "analysts on the command line; the web pages and the API "
		    "refuse to publish under it)", .value = &c.disclosure },
		{ 0 },
	};
	struct wm_validation_rule rule;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, NULL, 0, &n)) >= 0)
		return rc;
	if (parse_change(&c))
		return CLI_USAGE;
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	if ((c.months && (rc = check_months(s, c.m, &err))) ||
	    (rc = check_rule(s, &c, &rule, &err)) ||
	    (!c.disclosure && (rc = check_disclosure(s, &err)))) {
		if (rc == CLI_FAIL)
			cli_error("%s", wm_buf_str(&err));
		goto out;
	}
	if (wm_store_begin(s, &err) || write_change(s, &c, &rule, &err) ||
	    wm_store_commit(s, &err) || print_settings(s, &err)) {
		wm_store_rollback(s);
		cli_error("%s", wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	if (c.disclosure && c.rule == WM_DISCLOSURE_NONE)
		cli_error("note: with none, figures are for the network's "
		    "own analysts on the command line; the web pages and the "
		    "API publish no figures for commissioners until mhsds or "
		    "hes is set");
	rc = CLI_OK;
out:
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

static int
show(struct wm_store *s, void *ctx, struct wm_buf *err)
{
	(void)ctx;
	return print_settings(s, err);
}

int
cmd_network_show(const struct cli_cmd *cmd, int argc, char **argv)
{
	return cli_read_command(cmd, argc, argv, show);
}
