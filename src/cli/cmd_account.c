/*
 * waymark account add | list | setup-code | grant | revoke | deactivate |
 * reactivate: staff (and people's) sign-ins, each with role grants
 * scoped to units: ROLE@UNIT, and for validators ROLE@UNIT/STAKEHOLDER-
 * GROUP. Every change goes through store/accounts.h, the same steps and
 * rules (core/account.h) as the administrator's pages, and is audited as
 * made by the command line.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/accounts.h"
#include "util/date.h"
#include "util/password.h"

#define MAX_GRANTS 32

int cmd_account_add(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_list(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_setup_code(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_grant(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_revoke(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_deactivate(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_account_reactivate(const struct cli_cmd *cmd, int argc, char **argv);

/* The command line as the one making a change: no account, no address. */
static struct wm_actor
command_line(void)
{
	return (struct wm_actor){ 0, NULL, (int64_t)time(NULL) };
}

/* The code, with where and until when it works. */
static void
print_code(const char *email, const char *code, int64_t now)
{
	char until[40];

	wm_epoch_words(now + WM_SETUP_CODE_SECONDS, until, sizeof(until));
	printf("setup code for %s: %s\n(give it to its holder: they choose "
	    "their password with it at /setup; it works once, until %s GMT)\n",
	    email, code, until);
}

/* The password from --password-file, checked and hashed into hash. */
static int
password_from(const char *pwfile, const char *email,
    char hash[WM_PASSWORD_HASH_MAX])
{
	char password[1100];
	struct wm_buf err = WM_BUF_INIT;
	int rc = CLI_OK;

	if (cli_new_password(pwfile, email, password, sizeof(password)))
		return CLI_FAIL;
	if (wm_password_check(password, email, &err) == 0 &&
	    wm_password_hash(password, hash))
		wm_buf_puts(&err, "the password could not be hashed (out of "
		    "memory)");
	wm_password_wipe(password, sizeof(password));
	if (err.len) {
		cli_error("password: %s", wm_buf_str(&err));
		rc = CLI_USAGE;
	}
	wm_buf_release(&err);
	return rc;
}

/* --email and --name, and each --grant, by core's rules. */
static int
check_new(const char *email, const char *name, const char *person,
    const char **grants, size_t n, struct wm_grant_spec *g)
{
	const char *problem;
	size_t i;

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
	if (person && (problem = wm_ident_problem(person))) {
		cli_error("--person: %s", problem);
		return CLI_USAGE;
	}
	for (i = 0; i < n; i++)
		if ((problem = wm_grant_parse(grants[i], &g[i]))) {
			cli_error("--grant %s: %s", grants[i], problem);
			return CLI_USAGE;
		}
	return CLI_OK;
}

int
cmd_account_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *email = NULL, *name = NULL, *person = NULL;
	const char *grants[MAX_GRANTS], *pwfile = NULL;
	size_t n_grants = 0, n;
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
		    "input); without it, a one-time setup code is printed, "
		    "with which the account's holder chooses their own",
		    .value = &pwfile },
		{ 0 },
	};
	char hash[WM_PASSWORD_HASH_MAX] = "", code[WM_SETUP_CODE_LEN + 1];
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *s = NULL;
	struct wm_grant_spec g[MAX_GRANTS];
	struct wm_account_new a;
	struct wm_actor by = command_line();
	char *pos[1];
	int64_t id;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if ((rc = check_new(email, name, person, grants, n_grants, g)))
		return rc;
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if (pwfile && (rc = password_from(pwfile, email, hash)))
		return rc;
	if ((rc = cli_open(db, 0, &s)))
		return rc;
	a = (struct wm_account_new){ email, name, person, hash[0] ? hash :
	    NULL, g, n_grants };
	if (wm_account_create(s, &by, &a, &id, code, &err)) {
		cli_error("could not add account %s: %s", email,
		    wm_buf_str(&err));
		rc = CLI_FAIL;
		goto out;
	}
	printf("added account %s with %zu role%s%s\n", email, n_grants,
	    n_grants == 1 ? "" : "s", code[0] ? " and no password yet (it "
	    "cannot sign in until its holder chooses one)" : "");
	if (code[0])
		print_code(email, code, by.now);
out:
	wm_store_close(s);
	wm_buf_release(&err);
	return rc;
}

/* The words a change's command shares: its store, the account its
 * --email names and its grant, if it takes one. */
struct change {
	const char *db, *email, *grant;
	struct wm_store *s;
	int64_t id;
	struct wm_grant_spec g;
	struct wm_buf err;
};

/* Parses the options (--db, --email and, when with_grant, --grant),
 * opens the store and finds the account. -1 to go on, else the exit
 * code to return. */
static int
change_start(const struct cli_cmd *cmd, int argc, char **argv,
    int with_grant, struct change *c)
{
	struct cli_opt opts[] = {
		CLI_OPT_DB(c->db),
		{ .name = "email", .arg = "EMAIL", .help = "the account's "
		    "sign-in email", .value = &c->email },
		{ .name = "grant", .arg = "ROLE@UNIT[/GROUP]", .help = "the "
		    "role at a unit", .value = &c->grant },
		{ 0 },
	};
	const char *problem;
	char *pos[1];
	size_t n;
	int rc;

	if (!with_grant)
		opts[2] = (struct cli_opt){ 0 };
	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!c->email || (with_grant && !c->grant)) {
		cli_error(with_grant ? "--email and --grant are both needed" :
		    "--email is needed");
		return CLI_USAGE;
	}
	if (with_grant && (problem = wm_grant_parse(c->grant, &c->g))) {
		cli_error("--grant %s: %s", c->grant, problem);
		return CLI_USAGE;
	}
	if (!(c->db = cli_db(c->db)))
		return CLI_USAGE;
	if ((rc = cli_open(c->db, 0, &c->s)))
		return rc;
	if (wm_store_account_find(c->s, c->email, &c->id, &c->err)) {
		cli_error("%s: %s", c->email, wm_buf_str(&c->err));
		return CLI_FAIL;
	}
	return -1;
}

/* Reports the change's outcome and closes its store. */
static int
change_end(struct change *c, int rc, const char *done)
{
	if (rc == -1 && done)
		printf("%s: %s\n", c->email, done);
	else if (rc == -1) {
		cli_error("%s: %s", c->email, wm_buf_str(&c->err));
		rc = CLI_FAIL;
	}
	wm_store_close(c->s);
	wm_buf_release(&c->err);
	return rc == -1 ? CLI_OK : rc;
}

#define CHANGE_INIT { NULL, NULL, NULL, NULL, 0, { 0 }, WM_BUF_INIT }

int
cmd_account_setup_code(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct change c = CHANGE_INIT;
	struct wm_actor by = command_line();
	char code[WM_SETUP_CODE_LEN + 1];
	int rc = change_start(cmd, argc, argv, 0, &c);

	if (rc == -1 && wm_account_setup_code(c.s, &by, c.id, code, &c.err) ==
	    0) {
		print_code(c.email, code, by.now);
		rc = CLI_OK;
	}
	return change_end(&c, rc, NULL);
}

int
cmd_account_grant(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct change c = CHANGE_INIT;
	struct wm_actor by = command_line();
	int rc = change_start(cmd, argc, argv, 1, &c);

	return change_end(&c, rc, rc == -1 && wm_account_grant(c.s, &by, c.id,
	    &c.g, &c.err) == 0 ? "role granted" : NULL);
}

int
cmd_account_revoke(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct change c = CHANGE_INIT;
	struct wm_actor by = command_line();
	int rc = change_start(cmd, argc, argv, 1, &c);

	return change_end(&c, rc, rc == -1 && wm_account_revoke(c.s, &by,
	    c.id, &c.g, &c.err) == 0 ? "role removed" : NULL);
}

int
cmd_account_deactivate(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct change c = CHANGE_INIT;
	struct wm_actor by = command_line();
	int rc = change_start(cmd, argc, argv, 0, &c);

	return change_end(&c, rc, rc == -1 && wm_account_deactivate(c.s, &by,
	    c.id, &c.err) == 0 ? "deactivated, its sessions ended" : NULL);
}

int
cmd_account_reactivate(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct change c = CHANGE_INIT;
	struct wm_actor by = command_line();
	int rc = change_start(cmd, argc, argv, 0, &c);

	return change_end(&c, rc, rc == -1 && wm_account_reactivate(c.s, &by,
	    c.id, &c.err) == 0 ? "reactivated" : NULL);
}

static int
print_account(void *ctx, const struct wm_account_row *a)
{
	char when[40];

	(void)ctx;
	if (a->last_signin)
		wm_datetime_words(a->last_signin, when, sizeof(when));
	printf("%s\t%s\t%s\t%s\t%s\n", a->email, a->name, a->grants ?
	    a->grants : "-", a->last_signin ? when : "not signed in yet",
	    a->deactivated ? "deactivated" : "active");
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
