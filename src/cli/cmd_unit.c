/*
 * waymark unit add | rename | close | list: the network tree (network ->
 * provider -> service). Changes are store/admin.h's, as the
 * administrator's pages make them: the same checks, messages and audit.
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/network.h"

int cmd_unit_add(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_unit_rename(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_unit_close(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_unit_list(const struct cli_cmd *cmd, int argc, char **argv);

/* What a unit command was given. */
struct unit_args {
	const char *db, *kind, *code, *name, *parent;
};

static int
add(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct unit_args *a = ctx;
	int rc = wm_admin_unit_add(s, by, a->kind, a->code, a->name, a->parent,
	    p, err);

	if (rc == 0)
		printf("added %s %s (%s)\n", a->kind, a->code, a->name);
	return rc;
}

int
cmd_unit_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct unit_args a = { NULL, NULL, NULL, NULL, NULL };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "kind", .arg = "KIND", .help = "network, provider or "
		    "service", .value = &a.kind },
		{ .name = "code", .arg = "CODE", .help = "a short unique code, "
		    "e.g. exbridge-recovery", .value = &a.code },
		{ .name = "name", .arg = "NAME", .help = "the name people know "
		    "it by", .value = &a.name },
		{ .name = "parent", .arg = "CODE", .help = "the unit it belongs "
		    "to (not for a network)", .value = &a.parent },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.kind, &a.code, &a.name, NULL },
	    "--kind, --code and --name are all needed", NULL,
	    NULL, NULL };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, add,
	    &a);
}

static int
rename_unit(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct unit_args *a = ctx;
	int rc = wm_admin_unit_rename(s, by, a->code, a->name, p, err);

	if (rc == 0)
		printf("renamed %s: %s\n", a->code, a->name);
	return rc;
}

int
cmd_unit_rename(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct unit_args a = { NULL, NULL, NULL, NULL, NULL };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "code", .arg = "CODE", .help = "the unit's code",
		    .value = &a.code },
		{ .name = "name", .arg = "NAME", .help = "its new name",
		    .value = &a.name },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.code, &a.name, NULL },
	    "--code and --name are both needed", NULL,
	    NULL, NULL };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, rename_unit,
	    &a);
}

static int
close_unit(struct wm_store *s, const struct wm_admin_by *by, void *ctx,
    struct wm_field_problem *p, struct wm_buf *err)
{
	const struct unit_args *a = ctx;
	int rc = wm_admin_unit_close(s, by, a->code, p, err);

	if (rc == 0)
		printf("closed %s from today: it keeps its history and takes "
		    "no one new\n", a->code);
	return rc;
}

int
cmd_unit_close(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct unit_args a = { NULL, NULL, NULL, NULL, NULL };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(a.db),
		{ .name = "code", .arg = "CODE", .help = "the provider or "
		    "service to close (it cannot be opened again)",
		    .value = &a.code },
		{ 0 },
	};
	const struct cli_admin_cmd c = { { &a.code, NULL },
	    "--code is needed", NULL,
	    NULL, NULL };

	return cli_admin_command(cmd, argc, argv, opts, &a.db, &c, close_unit,
	    &a);
}

static int
print_unit(void *ctx, const struct wm_unit_row *u)
{
	(void)ctx;
	printf("%s\t%s\t%s\t%s%s%s\n", u->code, u->kind, u->name,
	    u->parent_code ? u->parent_code : "-", u->closed ? "\tclosed " :
	    "", u->closed ? u->closed : "");
	return 0;
}

static int
list_units(struct wm_store *s, void *ctx, struct wm_buf *err)
{
	return wm_store_unit_list(s, print_unit, ctx, err);
}

int
cmd_unit_list(const struct cli_cmd *cmd, int argc, char **argv)
{
	return cli_read_command(cmd, argc, argv, list_units);
}
