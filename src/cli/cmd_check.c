/*
 * waymark check --db DB: whether a database can be trusted, and what is
 * wrong if not: what the database says of its own pages and foreign
 * keys; the summaries' running totals against the same worked out again
 * from the saved answers; and the network's figures as kept at write
 * time against the same read from the raw rows (everyone marked to be
 * worked out again, in a transaction then undone, so nothing changes).
 * Shows no figure, only whether they agree, and where they do not.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd_report.h"

int cmd_check(const struct cli_cmd *cmd, int argc, char **argv);

static int
found(void *ctx, const char *what)
{
	int *n = ctx;

	if (++*n <= 20)
		printf("  %s\n", what);
	return 0;
}

/* The network's report, its figures worked out afresh: everyone marked
 * inside a transaction that is then undone. */
static int
raw_report(struct wm_store *s, const struct cli_netrep_args *a,
    const struct wm_date *today, const struct wm_catalogue *courses,
    struct wm_buf *out, struct wm_buf *err)
{
	int rc = wm_store_begin(s, err);

	if (rc == 0 && (rc = wm_store_mark_everyone(s, err)) == 0)
		rc = cli_netrep_make(s, a, today, courses, WM_DISCLOSURE_NONE,
		    0, out, err);
	wm_store_rollback(s);
	return rc;
}

int
cmd_check(const struct cli_cmd *cmd, int argc, char **argv)
{
	struct cli_netrep_opts o = { NULL, "csv", NULL, NULL, "none", NULL,
	    NULL };
	const struct cli_opt opts[] = {
		CLI_OPT_DB(o.db),
		{ 0 },
	};
	struct wm_buf err = WM_BUF_INIT, kept = WM_BUF_INIT, raw = WM_BUF_INIT;
	struct cli_netrep_args a;
	struct wm_catalogue *courses = NULL;
	struct wm_store *s = NULL;
	struct wm_date today;
	int64_t cells, wrong;
	long lines, diff;
	char *pos[1];
	size_t n;
	int rc, problems = 0, pages = 0;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!(o.db = cli_db(o.db)))
		return CLI_USAGE;
	cli_today(&today);
	if ((rc = cli_netrep_check(&o, &today, &a)))
		return rc;
	/* The report's own courses, so every section is compared. */
	if ((rc = cli_load_courses(NULL, &courses)))
		return rc;
	if ((rc = cli_open(o.db, 0, &s))) {
		wm_catalogue_free(courses);
		return rc;
	}
	rc = CLI_FAIL;
	printf("checking %s\n", o.db);
	if (wm_store_check_pages(s, found, &pages, &err))
		goto failed;
	if (pages)
		printf("pages and foreign keys: %d problem%s (above)\n", pages,
		    pages == 1 ? "" : "s");
	else
		printf("pages and foreign keys: ok\n");
	problems += pages;
	if (wm_store_check_totals(s, &cells, &wrong, &err))
		goto failed;
	if (wrong)
		printf("the summaries' running totals: %lld of %lld cells "
		    "differ from the answers saved\n", (long long)wrong,
		    (long long)cells);
	else
		printf("the summaries' running totals: all %lld cells as "
		    "worked out again from the answers saved\n",
		    (long long)cells);
	problems += wrong > 0;
	if (cli_netrep_make(s, &a, &today, courses, WM_DISCLOSURE_NONE, 0,
	    &kept, &err) || raw_report(s, &a, &today, courses, &raw, &err))
		goto failed;
	if ((diff = cli_netrep_differing(&kept, &raw, &lines)))
		printf("the network's figures kept at write time: %ld of %ld "
		    "lines of the network report differ from the raw "
		    "answers\n", diff, lines);
	else
		printf("the network's figures kept at write time: as worked "
		    "out again from the raw answers (%ld lines of the network "
		    "report)\n", lines);
	problems += diff > 0;
	if (problems)
		printf("%d problem%s found\n", problems, problems == 1 ? "" :
		    "s");
	else
		printf("no problems found\n");
	rc = problems ? CLI_FAIL : CLI_OK;
	goto out;
failed:
	cli_error("the check could not finish: %s", wm_buf_str(&err));
out:
	wm_store_close(s);
	wm_catalogue_free(courses);
	wm_buf_release(&err);
	wm_buf_release(&kept);
	wm_buf_release(&raw);
	return rc;
}
