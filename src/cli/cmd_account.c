/*
 * waymark account add | list: staff (and people's) sign-ins, each with
 * role grants scoped to units: ROLE@UNIT, and for validators
 * ROLE@UNIT/STAKEHOLDER-GROUP.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "core/network.h"
#include "core/rating.h"
#include "util/password.h"

#define MAX_GRANTS 32

int cmd_account_add(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_list(const struct cli_cmd *cmd, int argc, char **argv);

struct grant {
	char role[32];
	char unit[72];
	char stakeholder[32];
};

/* "validator@exbridge-recovery/lived-experience" into its parts. */
static const char *
parse_grant(const char *s, struct grant *g)
{
	const char *at = strchr(s, '@'), *slash;
	enum wm_role role;
	enum wm_stakeholder st;
	size_t n;

	memset(g, 0, sizeof(*g));
	if (!at || (size_t)(at - s) >= sizeof(g->role))
		return "a grant looks like ROLE@UNIT, e.g. practitioner@"
		    "exbridge-recovery";
	memcpy(g->role, s, (size_t)(at - s));
	slash = strchr(at + 1, '/');
	n = slash ? (size_t)(slash - at - 1) : strlen(at + 1);
	if (n == 0 || n >= sizeof(g->unit))
		return "a grant needs a unit code after '@'";
	memcpy(g->unit, at + 1, n);
	if (slash) {
		if (strlen(slash + 1) >= sizeof(g->stakeholder))
			return "unknown stakeholder group";
		memcpy(g->stakeholder, slash + 1, strlen(slash + 1));
	}
	if (wm_role_parse(g->role, &role))
		return "the role must be person, practitioner, lead, validator, "
		    "commissioner or admin";
	if (role == WM_ROLE_VALIDATOR &&
	    wm_stakeholder_from_code(g->stakeholder, &st))
		return "a validator grant names the stakeholder group they "
		    "speak for: validator@UNIT/GROUP, GROUP one of "
		    "lived-experience, supporter, peer-worker, practitioner, "
		    "commissioner";
	if (role != WM_ROLE_VALIDATOR && slash)
		return "only validator grants name a stakeholder group";
	return wm_code_problem(g->unit);
}

int
cmd_account_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *email = NULL, *name = NULL, *person = NULL;
	const char *grants[MAX_GRANTS], *problem, *pwfile = NULL;
	size_t n_grants = 0, n, i;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "email", .arg = "EMAIL", .help = "the sign-in email",
		    .value = &email },
		{ .name = "name", .arg = "NAME", .help = "the name shown to "
		    "others", .value = &name },
		{ .name = "grant", .arg = "ROLE@UNIT[/GROUP]", .help = "a role "
		    "at a unit (repeat for more)", .values = grants,
		    .max_values = MAX_GRANTS, .n_values = &n_grants },
		{ .name = "person", .arg = "ID", .help = "the person this "
		    "account belongs to, for people using services",
		    .value = &person },
		{ .name = "password-file", .arg = "FILE", .help = "read the "
		    "password from the first line of FILE (- for standard "
		    "input); without it, it is asked for at the terminal",
		    .value = &pwfile },
		{ 0 },
	};
	char password[1100], hash[WM_PASSWORD_HASH_MAX] = "";
	int have;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct grant g[MAX_GRANTS];
	int64_t unit_ids[MAX_GRANTS], person_id = 0, id;
	char *pos[1];
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!email || !name) {
		cli_error("--email and --name are both needed");
		return CLI_USAGE;
	}
	if ((problem = wm_email_problem(email)) ||
	    (problem = wm_name_problem(name))) {
		cli_error("%s: %s", wm_email_problem(email) ? "--email" :
		    "--name", problem);
		return CLI_USAGE;
	}
	for (i = 0; i < n_grants; i++)
		if ((problem = parse_grant(grants[i], &g[i]))) {
			cli_error("--grant %s: %s", grants[i], problem);
			return CLI_USAGE;
		}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	have = cli_new_password(pwfile, email, password, sizeof(password));
	if (have < 0)
		return CLI_FAIL;
	if (have == 0) {
		if (wm_password_check(password, email, &err) == 0 &&
		    wm_password_hash(password, hash))
			wm_buf_puts(&err, "the password could not be hashed (out "
			    "of memory)");
		wm_password_wipe(password, sizeof(password));
		if (err.len) {
			cli_error("password: %s", wm_buf_str(&err));
			wm_buf_release(&err);
			return CLI_USAGE;
		}
	}
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	for (i = 0; i < n_grants; i++) {
		struct wm_unit_row u;

		if (wm_store_unit_find(s, g[i].unit, &u, &err))
			goto fail;
		unit_ids[i] = u.id;
	}
	if (person && wm_store_person_find(s, person, &person_id, &err))
		goto fail;
	if (wm_store_begin(s, &err))
		goto fail;
	if (wm_store_account_add(s, email, name, person_id, hash[0] ? hash :
	    NULL, &id, &err))
		goto fail;
	for (i = 0; i < n_grants; i++)
		if (wm_store_grant_add(s, id, g[i].role, unit_ids[i],
		    g[i].stakeholder[0] ? g[i].stakeholder : NULL, &err))
			goto fail;
	if (wm_store_commit(s, &err))
		goto fail;
	printf("added account %s with %zu role%s%s\n", email, n_grants,
	    n_grants == 1 ? "" : "s", hash[0] ? "" : " and no password yet (it "
	    "cannot sign in until one is set)");
	goto out;
fail:
	wm_store_rollback(s);
	cli_error("could not add account %s: %s", email, wm_buf_str(&err));
	rc = CLI_FAIL;
out:
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

static int
print_account(void *ctx, const struct wm_account_row *a)
{
	(void)ctx;
	printf("%s\t%s\t%s\n", a->email, a->name, a->grants ? a->grants : "-");
	return 0;
}

static int
list_accounts(struct wm_store *s, void *ctx, struct wm_buf *err)
{
	return wm_store_account_list(s, print_account, ctx, err);
}

int
cmd_account_list(const struct cli_cmd *cmd, int argc, char **argv)
{
	return cli_read_command(cmd, argc, argv, list_accounts);
}
