/*
 * Training for recovery: the rules for a completion, the import file and
 * coverage. See training.h.
 */
#include "core/training.h"

#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

/* "the codes are a, b, c" into a diag: a lead sees what to write. */
static void
bad_course(const struct wm_catalogue *courses, int line, struct wm_diags *d,
    const char *course)
{
	struct wm_buf codes = WM_BUF_INIT;
	size_t i;

	wm_buf_init(&codes, 1024);
	for (i = 0; i < courses->n_concepts; i++) {
		if (i)
			wm_buf_puts(&codes, ", ");
		wm_buf_puts(&codes, courses->concepts[i].code);
	}
	if (course[0] == '\0')
		wm_diags_add(d, line, 0, "course", "is empty; give a course "
		    "code: %s", wm_buf_str(&codes));
	else
		wm_diags_add(d, line, 0, "course", "is not a course code of "
		    "the catalogue; the codes are: %s", wm_buf_str(&codes));
	wm_buf_release(&codes);
}

/*
 * Waymark: "a training record gives a member of staff's email, a course
 * of the newsletter's catalogue and a date not after today"
 */
int
wm_training_check(const struct wm_catalogue *courses,
    const struct wm_date *today, int line, const char *email,
    const char *course, const char *completed, struct wm_training_row *out,
    struct wm_diags *d)
{
	size_t before = wm_diags_count(d);
	struct wm_date when;

	memset(out, 0, sizeof(*out));
	if (!email || email[0] == '\0')
		wm_diags_add(d, line, 0, "email", "is empty; give the email "
		    "address of a member of staff of this service");
	else if (strlen(email) > WM_TRAINING_MAX_EMAIL)
		wm_diags_add(d, line, 0, "email", "is longer than %d "
		    "characters", WM_TRAINING_MAX_EMAIL);
	if (!course || !wm_catalogue_find(courses, course))
		bad_course(courses, line, d, course ? course : "");
	if (!completed || wm_date_parse(completed, &when))
		wm_diags_add(d, line, 0, "completed", "is not a date written "
		    "YYYY-MM-DD, such as 2025-03-31");
	else if (wm_date_cmp(&when, today) > 0)
		wm_diags_add(d, line, 0, "completed", "is after today: a "
		    "completion cannot be in the future");
	if (wm_diags_count(d) != before)
		return -1;
	out->line = line;
	out->email = email;
	out->course = course;
	wm_date_format(&when, out->completed);
	return 0;
}

static void
header_problem(struct wm_diags *d, int line)
{
	wm_diags_add(d, line, 0, "header", "the first line must be exactly "
	    "%s (lower case, in that order, nothing else)",
	    WM_TRAINING_HEADER);
}

/* One data row: checked, and kept (copied into the file's arena). */
static void
data_row(struct wm_training_file *f, const struct wm_csv_record *r,
    const struct wm_catalogue *courses, const struct wm_date *today,
    struct wm_diags *d)
{
	struct wm_training_row row;

	if (r->problem) {
		wm_diags_add(d, r->line, 0, "row", "%s", r->problem);
		return;
	}
	if (r->n != 3) {
		wm_diags_add(d, r->line, 0, "row", "has %zu field%s; each row "
		    "has 3: %s", r->n, r->n == 1 ? "" : "s", WM_TRAINING_HEADER);
		return;
	}
	if (wm_training_check(courses, today, r->line, r->cell[0], r->cell[1],
	    r->cell[2], &row, d))
		return;
	row.email = wm_arena_strdup(&f->arena, row.email);
	row.course = wm_arena_strdup(&f->arena, row.course);
	if (!row.email || !row.course) {
		wm_diags_add(d, r->line, 0, "file", "out of memory");
		return;
	}
	f->v[f->n++] = row;
}

int
wm_training_csv_read(const char *text, size_t len,
    const struct wm_catalogue *courses, const struct wm_date *today,
    struct wm_training_file *f, struct wm_diags *d)
{
	size_t before = wm_diags_count(d);
	struct wm_csv_record r;
	struct wm_csv *c = NULL;

	f->v = NULL;
	f->n = 0;
	if (len > WM_TRAINING_MAX_BYTES) {
		wm_diags_add(d, 0, 0, "file", "is larger than %zu KiB; split "
		    "it into smaller files", WM_TRAINING_MAX_BYTES / 1024);
		return -1;
	}
	if (!(c = wm_arena_alloc(&f->arena, sizeof(*c))) ||
	    !(f->v = wm_arena_calloc(&f->arena, WM_TRAINING_MAX_ROWS,
	    sizeof(*f->v)))) {
		wm_diags_add(d, 0, 0, "file", "out of memory");
		goto fail;
	}
	wm_csv_init(c, text, len);
	if (!wm_csv_next(c, &r)) {
		wm_diags_add(d, 0, 0, "file", "is empty; its first line must be "
		    "%s", WM_TRAINING_HEADER);
		goto fail;
	}
	if (r.problem || r.n != 3 || strcmp(r.cell[0], "email") != 0 ||
	    strcmp(r.cell[1], "course") != 0 ||
	    strcmp(r.cell[2], "completed") != 0 || r.line != 1) {
		header_problem(d, r.line);
		goto fail;
	}
	while (wm_csv_next(c, &r)) {
		if (f->n == WM_TRAINING_MAX_ROWS) {
			wm_diags_add(d, r.line, 0, "file", "has more than %d "
			    "rows; split it into smaller files",
			    WM_TRAINING_MAX_ROWS);
			goto fail;
		}
		data_row(f, &r, courses, today, d);
	}
	if (wm_diags_count(d) == before && f->n == 0)
		wm_diags_add(d, 0, 0, "file", "has no rows after the header");
	if (wm_diags_count(d) == before)
		return 0;
fail:
	wm_training_file_release(f);
	return -1;
}

void
wm_training_file_release(struct wm_training_file *f)
{
	wm_arena_release(&f->arena);
	f->v = NULL;
	f->n = 0;
}

int
wm_staff_list_add(void *list, const struct wm_staff *s)
{
	struct wm_staff_list *l = list;
	struct wm_staff c = { s->account_id, NULL, NULL };

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		struct wm_staff *v;

		if (cap > WM_STAFF_MAX ||
		    !(v = realloc(l->v, cap * sizeof(*v))))
			return -1;
		l->v = v;
		l->cap = cap;
	}
	c.email = wm_arena_strdup(&l->arena, s->email ? s->email : "");
	c.name = wm_arena_strdup(&l->arena, s->name ? s->name : "");
	if (!c.email || !c.name)
		return -1;
	l->v[l->n++] = c;
	return 0;
}

void
wm_staff_list_release(struct wm_staff_list *l)
{
	free(l->v);
	wm_arena_release(&l->arena);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
same_email(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return *a == *b;
}

const struct wm_staff *
wm_training_staff_find(const struct wm_staff *staff, size_t n,
    const char *email)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same_email(staff[i].email, email))
			return &staff[i];
	return NULL;
}

int
wm_training_resolve(struct wm_training_row *rows, size_t n,
    const struct wm_staff *staff, size_t n_staff, struct wm_diags *d)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < n; i++) {
		const struct wm_staff *s = wm_training_staff_find(staff, n_staff,
		    rows[i].email);

		rows[i].account_id = s ? s->account_id : 0;
		if (!s) {
			wm_diags_add(d, rows[i].line, 0, "email", "is not a "
			    "current member of staff of this service (a "
			    "practitioner or lead here)");
			rc = -1;
		}
	}
	return rc;
}

void
wm_training_problem_text(const struct wm_diag *g, struct wm_buf *out)
{
	if (g->line > 0)
		wm_buf_printf(out, "line %d: ", g->line);
	if (g->where)
		wm_buf_printf(out, "%s: ", g->where);
	wm_buf_puts(out, g->message);
}

/*
 * Newsletter: "All staff have a knowledge of the recovery approach and
 * the significance of social inclusion"
 * Waymark: "training coverage is the share of the service's current
 * staff, its practitioners and leads, who completed each course, rounded
 * down so that 100% means all staff"
 */
void
wm_training_coverage(const struct wm_catalogue *courses,
    const struct wm_training_count *counts, size_t n_counts, int64_t staff,
    struct wm_coverage *out)
{
	size_t i, j;

	for (i = 0; i < courses->n_concepts; i++) {
		struct wm_coverage *c = &out[i];

		c->course = &courses->concepts[i];
		c->done = 0;
		c->staff = staff > 0 ? staff : 0;
		for (j = 0; j < n_counts; j++)
			if (strcmp(counts[j].course, c->course->code) == 0 &&
			    counts[j].done > 0)
				c->done += counts[j].done;
		if (c->done > c->staff)
			c->done = c->staff;
		c->has_percent = c->staff > 0;
		c->percent = c->has_percent ? (int)(c->done * 100 / c->staff) :
		    0;
	}
}
