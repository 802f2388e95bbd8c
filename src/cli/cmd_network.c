/*
 * waymark network set | show: the network's settings: how long a
 * standards self-assessment period is, when a standard counts as
 * validated, and the disclosure rule for its figures for commissioners.
 * Each is checked by core's rule before it is kept, and only the
 * settings given are written (store/admin.h, as the settings page does).
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/disclosure.h"
#include "core/plan.h"
#include "core/validation.h"

int cmd_network_set(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_network_show(const struct cli_cmd *cmd, int argc, char **argv);

/* The services anyone can contact day or night, as plans show them. */
static int
print_contacts(struct wm_store *s, struct wm_buf *err)
{
	char v[2048];
	int rc = wm_store_setting_get(s, WM_CRISIS_CONTACTS_SETTING, v,
	    sizeof(v), err);

	if (rc && rc != WM_STORE_NOT_FOUND)
		return rc;
	printf("services anyone can contact day or night%s:\n%s\n",
	    rc ? " (the default)" : "", rc ? WM_CRISIS_CONTACTS_DEFAULT : v);
	return 0;
}

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
	return print_contacts(s, err);
}

/* What `network set` was asked to change, and where. */
struct change {
	const char *db;
	struct wm_settings_change c;
	const char *contacts_file;
};

static int
set(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct change *ch = ctx;
	enum wm_disclosure_rule d;
	int rc = wm_admin_settings_set(s, by, &ch->c, p, err);

	if (rc || (rc = print_settings(s, err)))
		return rc;
	if (ch->c.disclosure && wm_disclosure_parse(ch->c.disclosure, &d) == 0 &&
	    d == WM_DISCLOSURE_NONE)
		cli_error("note: with none, figures are for the network's "
		    "own analysts on the command line; the web pages and the "
		    "API publish no figures for commissioners until mhsds or "
		    "hes is set");
	return 0;
}

int
cmd_network_set(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct change ch = { NULL, { NULL, NULL, NULL, NULL, NULL }, NULL };
	struct wm_buf contacts = WM_BUF_INIT;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(ch.db),
		{ .name = "period-months", .arg = "N", .help = "the standards "
		    "period: 1, 2, 3 (quarterly, the default), 4, 6 or 12 "
		    "months", .value = &ch.c.months },
		{ .name = "validators", .arg = "N", .help = "validators needed "
		    "for a standard to count as validated (default 2)",
		    .value = &ch.c.validators },
		{ .name = "groups", .arg = "N", .help = "different stakeholder "
		    "groups among them (default 2)", .value = &ch.c.groups },
		{ .name = "disclosure", .arg = "mhsds|hes|none", .help = "the "
		    "small-number rule for figures for commissioners: mhsds "
		    "(NHS England's MHSDS rule, the default), hes (the "
		    "stricter HES rule) or none (only for the network's own "
		    "analysts on the command line; the web pages and the API "
		    "refuse to publish under it)", .value = &ch.c.disclosure },
		{ .name = "crisis-contacts", .arg = "FILE", .help = "the "
		    "services anyone can contact day or night, one a line with "
		    "how to reach it (at most 10), shown in people's safety "
		    "plans", .value = &ch.contacts_file },
		{ 0 },
	};
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, NULL, 0, &n)) >= 0)
		return rc;
	if (!ch.c.months && !ch.c.validators && !ch.c.groups &&
	    !ch.c.disclosure && !ch.contacts_file) {
		cli_error("say what to set: --period-months, --validators, "
		    "--groups, --disclosure or --crisis-contacts");
		return CLI_USAGE;
	}
	if (ch.contacts_file) {
		wm_buf_init(&contacts, 4097);
		if (cli_read_file(ch.contacts_file, 4096, &contacts)) {
			wm_buf_release(&contacts);
			return CLI_FAIL;
		}
		ch.c.crisis_contacts = wm_buf_str(&contacts);
	}
	rc = cli_admin(ch.db, set, &ch);
	wm_buf_release(&contacts);
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
