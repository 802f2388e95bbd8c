/*
 * waymark network set | show: the network's settings for its standards
 * work: how long a self-assessment period is, and when a standard counts
 * as validated. Each is checked by core's rule before it is kept.
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/standards.h"
#include "core/validation.h"

int cmd_network_set(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_network_show(const struct cli_cmd *cmd, int argc, char **argv);

int
cmd_network_set(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *months = NULL, *validators = NULL;
	const char *groups = NULL, *problem = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "period-months", .arg = "N", .help = "the standards "
		    "period: 1, 2, 3 (quarterly, the default), 4, 6 or 12 "
		    "months", .value = &months },
		{ .name = "validators", .arg = "N", .help = "validators needed "
		    "for a standard to count as validated (default 2)",
		    .value = &validators },
		{ .name = "groups", .arg = "N", .help = "different stakeholder "
		    "groups among them (default 2)", .value = &groups },
		{ 0 },
	};
	struct wm_validation_rule rule;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	long m = 0, v = 0, g = 0;
	int now_months = 0;
	char text[24];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, NULL, 0, &n)) >= 0)
		return rc;
	if (!months && !validators && !groups) {
		cli_error("say what to set: --period-months, --validators or "
		    "--groups");
		return CLI_USAGE;
	}
	if ((months && cli_parse_long("period-months", months, 1, 12, &m)) ||
	    (validators && cli_parse_long("validators", validators, 1,
	    WM_VALIDATION_MAX_THRESHOLD, &v)) ||
	    (groups && cli_parse_long("groups", groups, 1,
	    WM_VALIDATION_MAX_THRESHOLD, &g)))
		return CLI_USAGE;
	if (months && (problem = wm_period_months_problem(m))) {
		cli_error("--period-months: %s", problem);
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	if (months) {
		struct wm_date today, first;
		char jan1[11];
		int64_t kept = 0;

		cli_today(&today);
		wm_period_year_start(&today, &first);
		wm_date_format(&first, jan1);
		if (wm_store_assessments_since(s, jan1, &kept, &err) ||
		    wm_store_standards_months(s, &now_months, &err))
			goto fail;
		if ((problem = wm_period_change_problem(now_months, (int)m,
		    kept))) {
			cli_error("--period-months: %s (periods are %d months "
			    "now)", problem, now_months);
			rc = CLI_USAGE;
			goto out;
		}
	}
	/* A setting not given keeps its value: one that cannot be read
	 * stops the change rather than writing the default over it. */
	if (wm_store_validation_rule(s, &rule, &err))
		goto fail;
	if (validators)
		rule.min_validators = (int)v;
	if (groups)
		rule.min_groups = (int)g;
	if ((problem = wm_validation_rule_problem(&rule))) {
		cli_error("%s", problem);
		rc = CLI_USAGE;
		goto out;
	}
	rc = CLI_FAIL;
	if (wm_store_begin(s, &err))
		goto fail;
	if (months) {
		snprintf(text, sizeof(text), "%ld", m);
		if (wm_store_setting_set(s, WM_SETTING_PERIOD_MONTHS, text,
		    &err))
			goto fail;
	}
	snprintf(text, sizeof(text), "%d", rule.min_validators);
	if (wm_store_setting_set(s, WM_SETTING_MIN_VALIDATORS, text, &err))
		goto fail;
	snprintf(text, sizeof(text), "%d", rule.min_groups);
	if (wm_store_setting_set(s, WM_SETTING_MIN_GROUPS, text, &err) ||
	    wm_store_audit(s, 0, "network settings changed (command line)",
	    NULL, 0, NULL, NULL, &err) || wm_store_commit(s, &err))
		goto fail;
	if (wm_store_standards_months(s, &now_months, &err))
		goto fail;
	printf("standards period: %d months; validated with %d validators "
	    "from %d groups\n", now_months, rule.min_validators,
	    rule.min_groups);
	rc = CLI_OK;
	goto out;
fail:
	wm_store_rollback(s);
	cli_error("%s", wm_buf_str(&err));
	rc = CLI_FAIL;
out:
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

static int
show(struct wm_store *s, void *ctx, struct wm_buf *err)
{
	struct wm_validation_rule rule;

	int months, rc;

	(void)ctx;
	if ((rc = wm_store_validation_rule(s, &rule, err)) ||
	    (rc = wm_store_standards_months(s, &months, err)))
		return rc;
	printf("standards period: %d months; validated with %d validators "
	    "from %d groups\n", months, rule.min_validators, rule.min_groups);
	return 0;
}

int
cmd_network_show(const struct cli_cmd *cmd, int argc, char **argv)
{
	return cli_read_command(cmd, argc, argv, show);
}
