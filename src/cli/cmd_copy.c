/*
 * waymark copy --from SOURCE --to TARGET: a whole network moved between
 * SQLite and PostgreSQL (either way, or between two of one kind) into a
 * new database, in one transaction on it, read from one moment of the
 * source while its servers go on. Before that transaction is committed,
 * every table's count and the network's report (every figure, none
 * withheld) are compared on both: a copy that differs is never kept.
 * The audit log travels with the rest, and the source's records the
 * copy.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd_report.h"

int cmd_copy(const struct cli_cmd *cmd, int argc, char **argv);

struct counts {
	const char *name[128];
	int64_t n[128];
	size_t len;
};

static int
keep_count(void *ctx, const char *table, int64_t n)
{
	struct counts *c = ctx;

	if (c->len == sizeof(c->n) / sizeof(c->n[0]))
		return -1;
	c->name[c->len] = table;
	c->n[c->len++] = n;
	return 0;
}

/* The tables whose counts differ, each printed; 0 when none do. */
static int
counts_differ(struct wm_store *from, struct wm_store *to, size_t *tables,
    int64_t *rows, struct wm_buf *err)
{
	struct counts a = { 0 }, b = { 0 };
	size_t i;
	int n = 0;

	if (wm_store_table_counts(from, keep_count, &a, err) ||
	    wm_store_table_counts(to, keep_count, &b, err))
		return -1;
	*rows = 0;
	for (i = 0; i < a.len; i++) {
		*rows += a.n[i];
		if (i >= b.len || a.n[i] != b.n[i]) {
			printf("  %s: %lld rows in the source, %lld in the "
			    "copy\n", a.name[i], (long long)a.n[i],
			    i < b.len ? (long long)b.n[i] : 0LL);
			n++;
		}
	}
	*tables = a.len;
	return n;
}

/* The network's report, all of it, on both: 0 when the same. */
static int
reports_differ(struct wm_store *from, struct wm_store *to, long *lines,
    struct wm_buf *err)
{
	struct cli_netrep_opts o = { NULL, "csv", NULL, NULL, "none", NULL,
	    NULL };
	struct wm_buf a = WM_BUF_INIT, b = WM_BUF_INIT;
	struct cli_netrep_args args;
	struct wm_catalogue *courses = NULL;
	struct wm_date today;
	long n = -1;

	cli_today(&today);
	if (cli_netrep_check(&o, &today, &args) == 0 &&
	    cli_load_courses(NULL, &courses) == 0 &&
	    cli_netrep_make(from, &args, &today, courses, WM_DISCLOSURE_NONE,
	    0, &a, err) == 0 &&
	    cli_netrep_make(to, &args, &today, courses, WM_DISCLOSURE_NONE,
	    0, &b, err) == 0)
		n = cli_netrep_differing(&a, &b, lines);
	wm_catalogue_free(courses);
	wm_buf_release(&a);
	wm_buf_release(&b);
	return (int)(n > 0 ? 1 : n);
}

/* Copies, compares and commits; on any failure nothing is committed. */
static int
copy(struct wm_store *from, struct wm_store *to, const char *source,
    const char *target, struct wm_buf *err)
{
	int64_t counted;
	size_t tables;
	long lines = 0;
	int differ;

	if (wm_store_read_begin(from, err) || wm_store_begin(to, err) ||
	    wm_store_copy(from, to, err))
		return CLI_FAIL;
	if ((differ = counts_differ(from, to, &tables, &counted, err)) < 0)
		return CLI_FAIL;
	if (differ) {
		cli_error("the copy was not kept: %d table%s of the copy hold "
		    "other counts of rows than the source's (above)", differ,
		    differ == 1 ? "" : "s");
		return CLI_FAIL;
	}
	if ((differ = reports_differ(from, to, &lines, err)) < 0)
		return CLI_FAIL;
	if (differ) {
		cli_error("the copy was not kept: its network report differs "
		    "from the source's (above)");
		return CLI_FAIL;
	}
	if (wm_store_commit(to, err))
		return CLI_FAIL;
	wm_store_read_end(from);
	printf("copied %s to %s: %lld rows in %zu tables, in one "
	    "transaction\nthe same count of rows in every table, and the "
	    "same network report (%ld lines, nothing withheld), on both\n",
	    source, target, (long long)counted, tables, lines);
	return CLI_OK;
}

int
cmd_copy(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *source = NULL, *target = NULL;
	const struct cli_opt opts[] = {
		{ .name = "from", .arg = "DB", .help = "the database to copy: a "
		    "SQLite file or a postgresql:// URI", .value = &source },
		{ .name = "to", .arg = "DB", .help = "a new database to copy it "
		    "into: a file that does not exist yet, or a PostgreSQL "
		    "database that holds no tables", .value = &target },
		{ 0 },
	};
	struct wm_buf err = WM_BUF_INIT;
	struct wm_store *from = NULL, *to = NULL;
	char *pos[1];
	size_t n;
	int rc, v0, v1;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!source || !target) {
		cli_error("say which database to copy and where: waymark copy "
		    "--from DB --to DB");
		return CLI_USAGE;
	}
	if (strcmp(source, target) == 0) {
		cli_error("--from and --to name the same database");
		return CLI_USAGE;
	}
	if ((rc = cli_open(source, 0, &from)))
		return rc;
	if ((rc = cli_open(target, WM_STORE_CREATE | WM_STORE_NEW, &to))) {
		wm_store_close(from);
		return rc;
	}
	if (wm_store_migrate(to, &v0, &v1, &err) ||
	    (rc = copy(from, to, source, target, &err)) != CLI_OK) {
		if (err.len)
			cli_error("the copy was not kept: %s", wm_buf_str(&err));
		rc = CLI_FAIL;
		wm_store_rollback(to);
	} else if (wm_store_audit(from, 0, "copied the network to another "
	    "database (command line)", NULL, 0, NULL, NULL, &err)) {
		cli_error("the copy was kept, but it could not be written to "
		    "the source's audit log: %s", wm_buf_str(&err));
		rc = CLI_FAIL;
	}
	wm_store_close(from);
	wm_store_close(to);
	wm_buf_clear(&err);
	if (rc && wm_store_remove_new(target, &err))
		cli_error("%s", wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}
