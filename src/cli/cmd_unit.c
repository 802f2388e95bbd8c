/*
 * waymark unit add | list: the network tree (network -> provider ->
 * service).
 */
#include "cli/cli.h"

#include <stdio.h>

#include "core/network.h"

int cmd_unit_add(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_unit_list(const struct cli_cmd *cmd, int argc, char **argv);

int
cmd_unit_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *kind = NULL, *code = NULL, *name = NULL;
	const char *parent = NULL, *problem;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "kind", .arg = "KIND", .help = "network, provider or "
		    "service", .value = &kind },
		{ .name = "code", .arg = "CODE", .help = "a short unique code, "
		    "e.g. exbridge-recovery", .value = &code },
		{ .name = "name", .arg = "NAME", .help = "the name people know "
		    "it by", .value = &name },
		{ .name = "parent", .arg = "CODE", .help = "the unit it belongs "
		    "to (not for a network)", .value = &parent },
		{ 0 },
	};
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_unit_row p = { 0 };
	enum wm_unit_kind k, pk = WM_UNIT_NETWORK;
	char *pos[1];
	size_t n;
	int64_t id;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!kind || !code || !name) {
		cli_error("--kind, --code and --name are all needed");
		return CLI_USAGE;
	}
	if (wm_unit_kind_parse(kind, &k)) {
		cli_error("--kind: '%s' is not network, provider or service",
		    kind);
		return CLI_USAGE;
	}
	if ((problem = wm_code_problem(code)) ||
	    (problem = wm_name_problem(name))) {
		cli_error("%s: %s", wm_code_problem(code) ? "--code" : "--name",
		    problem);
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	if (parent) {
		if (wm_store_unit_find(s, parent, &p, &err))
			goto fail;
		wm_unit_kind_parse(p.kind, &pk);
	}
	if ((problem = wm_unit_parent_problem(k, parent != NULL, pk))) {
		cli_error("%s", problem);
		rc = CLI_USAGE;
		goto out;
	}
	if (wm_store_unit_add(s, kind, code, name, p.id, &id, &err)) {
		cli_error("could not add %s '%s': %s", kind, code,
		    wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	printf("added %s %s (%s)\n", kind, code, name);
	goto out;
fail:
	cli_error("%s", wm_buf_str(&err));
	rc = CLI_FAIL;
out:
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

static int
print_unit(void *ctx, const struct wm_unit_row *u)
{
	(void)ctx;
	printf("%s\t%s\t%s\t%s\n", u->code, u->kind, u->name,
	    u->parent_code ? u->parent_code : "-");
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
