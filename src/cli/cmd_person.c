/*
 * waymark person add | join | move | discharge | list: people using
 * services, on services' caseloads. Changes are store/admin.h's, as the
 * administrator's pages make them. Identifiers, never names, go into
 * other records and exports.
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/network.h"

int cmd_person_add(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_person_join(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_person_move(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_person_discharge(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_person_list(const struct cli_cmd *cmd, int argc, char **argv);

/* What a person command was given; `date` checked into `day`. */
struct person_args {
	const char *db, *ident, *name, *unit, *from, *to, *date;
	struct wm_date day;
};

static int
add(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct person_args *a = ctx;
	int rc = wm_admin_person_add(s, by, a->ident, a->name, a->unit, &a->day,
	    p, err);

	if (rc == 0)
		printf("added person %s%s%s\n", a->ident, a->unit ? " to " : "",
		    a->unit ? a->unit : "");
	return rc;
}

int
cmd_person_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct person_args a = { 0 };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "id", .arg = "ID", .help = "the person's identifier "
		    "in the network", .value = &a.ident },
		{ .name = "name", .arg = "NAME", .help = "the name they use",
		    .value = &a.name },
		{ .name = "unit", .arg = "CODE", .help = "the service whose "
		    "caseload they join", .value = &a.unit },
		{ .name = "since", .arg = "YYYY-MM-DD", .help = "when they "
		    "joined it (default: today)", .value = &a.date },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.ident, &a.name, NULL },
	    "--id and --name are both needed", "since",
	    &a.date, &a.day };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, add,
	    &a);
}

static int
join(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct person_args *a = ctx;
	int rc = wm_admin_person_join(s, by, a->ident, a->unit, &a->day, p,
	    err);

	if (rc == 0)
		printf("%s joined %s\n", a->ident, a->unit);
	return rc;
}

int
cmd_person_join(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct person_args a = { 0 };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "id", .arg = "ID", .help = "the person's identifier",
		    .value = &a.ident },
		{ .name = "unit", .arg = "CODE", .help = "the service whose "
		    "caseload they join", .value = &a.unit },
		{ .name = "since", .arg = "YYYY-MM-DD", .help = "when they "
		    "joined it (default: today)", .value = &a.date },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.ident, &a.unit, NULL },
	    "--id and --unit are both needed", "since",
	    &a.date, &a.day };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, join,
	    &a);
}

static int
move(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct person_args *a = ctx;
	int rc = wm_admin_person_move(s, by, a->ident, a->from, a->to, &a->day,
	    p, err);

	if (rc == 0)
		printf("moved %s to %s\n", a->ident, a->to);
	return rc;
}

int
cmd_person_move(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct person_args a = { 0 };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "id", .arg = "ID", .help = "the person's identifier",
		    .value = &a.ident },
		{ .name = "from", .arg = "CODE", .help = "the service they leave "
		    "(needed only when they are on more than one)",
		    .value = &a.from },
		{ .name = "to", .arg = "CODE", .help = "the service they join",
		    .value = &a.to },
		{ .name = "date", .arg = "YYYY-MM-DD", .help = "the day they "
		    "move (default: today)", .value = &a.date },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.ident, &a.to, NULL },
	    "--id and --to are both needed", "date",
	    &a.date, &a.day };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, move,
	    &a);
}

static int
discharge(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct person_args *a = ctx;
	int rc = wm_admin_person_discharge(s, by, a->ident, a->unit, &a->day,
	    p, err);

	if (rc == 0)
		printf("discharged %s\n", a->ident);
	return rc;
}

int
cmd_person_discharge(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct person_args a = { 0 };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "id", .arg = "ID", .help = "the person's identifier",
		    .value = &a.ident },
		{ .name = "unit", .arg = "CODE", .help = "the service's caseload "
		    "they leave (needed only when they are on more than one)",
		    .value = &a.unit },
		{ .name = "date", .arg = "YYYY-MM-DD", .help = "the day they "
		    "are discharged (default: today)", .value = &a.date },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.ident, NULL },
	    "--id is needed", "date",
	    &a.date, &a.day };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, discharge,
	    &a);
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
