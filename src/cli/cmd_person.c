/*
 * waymark person add | list: people using services, on a service's
 * caseload. Identifiers, never names, go into other records and exports.
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/network.h"

int cmd_person_add(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_person_list(const struct cli_cmd *cmd, int argc, char **argv);

int
cmd_person_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *ident = NULL, *name = NULL, *unit = NULL;
	const char *since = NULL, *problem;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "id", .arg = "ID", .help = "the person's identifier "
		    "in the network", .value = &ident },
		{ .name = "name", .arg = "NAME", .help = "the name they use",
		    .value = &name },
		{ .name = "unit", .arg = "CODE", .help = "the service whose "
		    "caseload they join", .value = &unit },
		{ .name = "since", .arg = "YYYY-MM-DD", .help = "when they "
		    "joined it (default: today)", .value = &since },
		{ 0 },
	};
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_unit_row u = { 0 };
	struct wm_date d, t;
	char today[11], *pos[1];
	size_t n;
	int64_t id;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!ident || !name) {
		cli_error("--id and --name are both needed");
		return CLI_USAGE;
	}
	if ((problem = wm_ident_problem(ident))) {
		cli_error("--id: %s", problem);
		return CLI_USAGE;
	}
	if ((problem = wm_name_problem(name))) {
		cli_error("--name: %s", problem);
		return CLI_USAGE;
	}
	cli_today(&t);
	wm_date_format(&t, today);
	if (since && wm_date_parse(since, &d)) {
		cli_error("--since: '%s' is not a date (YYYY-MM-DD)", since);
		return CLI_USAGE;
	}
	if (since && wm_date_cmp(&d, &t) > 0) {
		cli_error("--since: %s is in the future", since);
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	if (unit && wm_store_unit_find(s, unit, &u, &err) == 0 &&
	    u.kind[0] != 's') {
		cli_error("--unit: '%s' is a %s; people join a service's "
		    "caseload", unit, u.kind);
		rc = CLI_USAGE;
		goto out;
	}
	if ((unit && !u.id) ||
	    wm_store_person_add(s, ident, name, u.id, since ? since : today,
	    &id, &err)) {
		cli_error("could not add person '%s': %s", ident,
		    wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	printf("added person %s%s%s\n", ident, unit ? " to " : "",
	    unit ? unit : "");
out:
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

static int
print_person(void *ctx, const struct wm_person_row *p)
{
	(void)ctx;
	printf("%s\t%s\t%s\t%s\n", p->ident, p->name,
	    p->unit_code ? p->unit_code : "-", p->since ? p->since : "-");
	return 0;
}

static int
list_people(struct wm_store *s, void *ctx, struct wm_buf *err)
{
	const char *unit = *(const char **)ctx;
	struct wm_unit_row u = { 0 };
	int rc;

	if (unit && (rc = wm_store_unit_find(s, unit, &u, err)))
		return rc;
	/* Names and caseloads are people's records: note who looked. */
	if ((rc = wm_store_audit(s, 0, "people listed (command line)", NULL, 0,
	    unit ? unit : "all services", NULL, err)))
		return rc;
	return wm_store_person_list(s, u.id, print_person, NULL, err);
}

int
cmd_person_list(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *unit = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "unit", .arg = "CODE", .help = "only this service's "
		    "caseload", .value = &unit },
		{ 0 },
	};
	char *pos[1];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	return cli_read_db(db, 0, list_people, &unit);
}
