/*
 * waymark training import | add: record which staff of a service
 * completed which recovery course, from a CSV file (all rows or none) or
 * one at a time, with the same rules and messages as the web pages.
 * An exact repeat (the same member of staff, course and date) is skipped,
 * so a file can be imported again safely.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "core/training.h"

int cmd_training_import(const struct cli_cmd *cmd, int argc, char **argv);
int cmd_training_add(const struct cli_cmd *cmd, int argc, char **argv);

/* FILE:LINE: field: reason, one problem a line. */
static void
print_problems(const char *file, const struct wm_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct wm_diag *g = &d->v[i];

		if (g->line > 0)
			fprintf(stderr, "%s:%d: %s: %s\n", file, g->line,
			    g->where ? g->where : "row", g->message);
		else
			fprintf(stderr, "%s: %s: %s\n", file,
			    g->where ? g->where : "file", g->message);
	}
	if (d->dropped)
		fprintf(stderr, "%s: ... and %zu more problems\n", file,
		    d->dropped);
}

/* The service's id and current staff. */
static int
service_staff(struct wm_store *s, const char *code, int64_t *unit,
    struct wm_staff_list *staff)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_unit_row u;
	int rc = CLI_FAIL;

	if (wm_store_unit_find(s, code, &u, &err))
		cli_error("--service: %s", wm_buf_str(&err));
	else if (strcmp(u.kind, "service") != 0)
		cli_error("--service: '%s' is a %s, not a service", code, u.kind);
	else if (wm_store_service_staff(s, u.id, wm_staff_list_add, staff,
	    &err))
		cli_error("%s", wm_buf_str(&err));
	else
		rc = CLI_OK;
	*unit = u.id;
	wm_buf_release(&err);
	return rc;
}

/* Resolves the rows to staff and records them all, or nothing. */
static int
record(const char *db, const char *service, const char *label,
    struct wm_training_row *rows, size_t n, const char *action)
{
	struct wm_staff_list staff = WM_STAFF_LIST_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_recorder by = { 0, NULL, action, 0 };
	struct wm_store *s = NULL;
	int64_t unit = 0;
	size_t added = 0;
	int rc;

	if ((rc = cli_open(db, 0, &s)) ||
	    (rc = service_staff(s, service, &unit, &staff)))
		goto out;
	if (wm_training_resolve(rows, n, staff.v, staff.n, &d)) {
		print_problems(label, &d);
		cli_error("nothing was recorded");
		rc = CLI_FAIL;
	} else if (wm_store_training_record(s, unit, rows, n, &by, &added,
	    &err)) {
		cli_error("%s: %s; nothing was recorded", label,
		    wm_buf_str(&err));
		rc = CLI_FAIL;
	} else {
		printf("%zu recorded, %zu already recorded (skipped)\n", added,
		    n - added);
	}
out:
	wm_store_close(s);
	wm_staff_list_release(&staff);
	wm_diags_release(&d);
	wm_buf_release(&err);
	return rc;
}

int
cmd_training_import(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *service = NULL, *courses_file = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "service", .arg = "CODE", .help = "the service whose "
		    "staff the file names", .value = &service },
		{ .name = "courses", .arg = "FILE", .help = "the course "
		    "catalogue (default: training-courses.json in "
		    "$WAYMARK_INSTRUMENTS or ./instruments)",
		    .value = &courses_file },
		{ 0 },
	};
	struct wm_training_file f = WM_TRAINING_FILE_INIT;
	struct wm_catalogue *courses = NULL;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf text = WM_BUF_INIT;
	struct wm_date today;
	char *pos[1];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 1, &n)) >= 0)
		return rc;
	if (n != 1 || !service) {
		cli_error("give --service CODE and one FILE");
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_load_courses(courses_file, &courses)) ||
	    (rc = cli_read_file(pos[0], WM_TRAINING_MAX_BYTES, &text)))
		goto out;
	cli_today(&today);
	if (wm_training_csv_read(text.data, text.len, courses, &today, &f,
	    &d)) {
		print_problems(pos[0], &d);
		cli_error("nothing was imported (the first line must be %s)",
		    WM_TRAINING_HEADER);
		rc = CLI_FAIL;
		goto out;
	}
	rc = record(db, service, pos[0], f.v, f.n,
	    "training imported (command line)");
out:
	wm_training_file_release(&f);
	wm_catalogue_free(courses);
	wm_diags_release(&d);
	wm_buf_release(&text);
	return rc;
}

int
cmd_training_add(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *service = NULL, *courses_file = NULL;
	const char *email = NULL, *course = NULL, *completed = NULL;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "service", .arg = "CODE", .help = "the service the "
		    "member of staff works in", .value = &service },
		{ .name = "email", .arg = "EMAIL", .help = "the member of "
		    "staff's account", .value = &email },
		{ .name = "course", .arg = "CODE", .help = "the course's code "
		    "in the catalogue, e.g. wrap", .value = &course },
		{ .name = "completed", .arg = "DATE", .help = "when it was "
		    "completed, YYYY-MM-DD, not after today",
		    .value = &completed },
		{ .name = "courses", .arg = "FILE", .help = "the course "
		    "catalogue (default: training-courses.json in "
		    "$WAYMARK_INSTRUMENTS or ./instruments)",
		    .value = &courses_file },
		{ 0 },
	};
	struct wm_catalogue *courses = NULL;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_training_row row;
	struct wm_date today;
	char *pos[1];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (!service || !email || !course || !completed) {
		cli_error("--service, --email, --course and --completed are "
		    "all needed");
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	if ((rc = cli_load_courses(courses_file, &courses)))
		return rc;
	cli_today(&today);
	if (wm_training_check(courses, &today, 0, email, course, completed,
	    &row, &d)) {
		print_problems("training add", &d);
		cli_error("nothing was recorded");
		rc = CLI_FAIL;
	} else {
		rc = record(db, service, "training add", &row, 1,
		    "training recorded (command line)");
	}
	wm_catalogue_free(courses);
	wm_diags_release(&d);
	return rc;
}
