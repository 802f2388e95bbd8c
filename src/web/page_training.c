/*
 * Recovery training, for a service lead: coverage of each of the
 * newsletter's courses among the service's current staff (its
 * practitioners and leads), the training recorded, and two ways to record
 * more: one completion at a time, or a CSV file (email,course,completed)
 * uploaded without JavaScript as multipart/form-data. A file with any bad
 * row records nothing and every bad row is listed by line; an exact
 * repeat (same member of staff, course and date) is skipped, so a file
 * can be imported again safely. Every change is audited.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/dashboard.h"
#include "report/table_region.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/date_input.h"
#include "web/layout.h"

#define MAX_RECORDS 1000

/* What a refused form is shown again with. */
struct problems {
	struct wm_diags one;	/* one completion: by field */
	struct wm_diags file;	/* an import: by line */
};

int
wm_service_coverage(struct wm_http *h, int64_t unit, struct wm_coverage *out,
    int64_t *staff)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_dashboard_coverage(h->store, unit, h->site->courses, out,
	    staff, &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static const char *
course_name(const struct wm_http *h, const char *code)
{
	const struct wm_concept *c = wm_catalogue_find(h->site->courses, code);

	return c ? c->display : code;
}

static void
coverage_table(struct wm_http *h, const struct wm_led_service *s)
{
	const struct wm_catalogue *courses = h->site->courses;
	struct wm_coverage *cv = calloc(courses->n_concepts, sizeof(*cv));
	int64_t staff = 0;
	size_t i;

	if (!cv || wm_service_coverage(h, s->id, cv, &staff)) {
		HTML(h, "<p class=\"nhsuk-body\">The coverage could not be read."
		    "</p>\n");
		free(cv);
		return;
	}
	wm_table_region_start(&h->out, "Coverage", "");
	HTML(h, "<table class=\"nhsuk-table\">\n<caption class=\"nhsuk-table__"
	    "caption\">Coverage: the share of the service's current staff "
	    "(practitioners and leads) who have completed each course</caption>"
	    "\n<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Course</th>"
	    "<th class=\"nhsuk-table__header\" scope=\"col\">Staff who "
	    "completed it</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Current staff</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Share</th></tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	for (i = 0; i < courses->n_concepts; i++) {
		HTML(h, "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__"
		    "cell\">");
		wm_esc_html_s(&h->out, cv[i].course->display);
		wm_buf_printf(&h->out, "</td><td class=\"nhsuk-table__cell\">"
		    "%lld</td><td class=\"nhsuk-table__cell\">%lld</td><td "
		    "class=\"nhsuk-table__cell\">", (long long)cv[i].done,
		    (long long)cv[i].staff);
		if (cv[i].has_percent)
			wm_buf_printf(&h->out, "%d%%", cv[i].percent);
		else
			HTML(h, "No current staff");
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n");
	wm_table_region_end(&h->out);
	HTML(h, "<p class=\"nhsuk-body\">Standard 1 asks "
	    "that all staff have recovery training. Shares are rounded down, "
	    "so 100% means every member of staff.</p>\n");
	free(cv);
}

static int
record_row(void *ctx, const struct wm_training_record_row *r)
{
	struct wm_http *h = ctx;
	char day[32];

	HTML(h, "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">");
	wm_esc_html_s(&h->out, r->name);
	HTML(h, "<br><span class=\"nhsuk-u-font-size-16\">");
	wm_esc_html_s(&h->out, r->email);
	HTML(h, "</span></td><td class=\"nhsuk-table__cell\">");
	wm_esc_html_s(&h->out, course_name(h, r->course));
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	wm_date_words(r->completed, day, sizeof(day));
	wm_esc_html_s(&h->out, day);
	HTML(h, "</td></tr>\n");
	return 0;
}

static void
records_table(struct wm_http *h, const struct wm_led_service *s)
{
	struct wm_buf err = WM_BUF_INIT;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Training recorded</h2>\n");
	wm_table_region_start(&h->out, "Courses completed by the service's "
	    "current staff", "");
	HTML(h, "<table class=\"nhsuk-table\">\n<caption class=\"nhsuk-table__"
	    "caption\">Courses completed by the service's current staff, latest "
	    "first</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Member of staff</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Course</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Completed</th></tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	wm_page_store_ok(h, wm_store_training_list(h->store, s->id, MAX_RECORDS,
	    record_row, h, &err), &err);
	HTML(h, "</tbody>\n</table>\n");
	wm_table_region_end(&h->out);
	wm_buf_release(&err);
}

/* The first problem about `field` of a refused completion, or NULL. */
static const char *
field_problem(const struct problems *p, const char *field)
{
	size_t i;

	for (i = 0; p && i < p->one.n; i++)
		if (p->one.v[i].where && strcmp(p->one.v[i].where, field) == 0)
			return p->one.v[i].message;
	return NULL;
}

struct staff_options {
	struct wm_http *h;
	const char *chosen;
};

static int
staff_option(void *ctx, const struct wm_staff *s)
{
	struct staff_options *o = ctx;
	struct wm_buf text = WM_BUF_INIT;

	wm_buf_printf(&text, "%s (%s)", s->name, s->email);
	wm_option(o->h, s->email, wm_buf_str(&text), o->chosen);
	wm_buf_release(&text);
	return 0;
}

/* A form posting to the service's page `path` (multipart as `enctype`
 * when not NULL). */
static void
form_open(struct wm_http *h, const struct wm_led_service *s,
    const char *path, const char *enctype)
{
	struct wm_buf href = WM_BUF_INIT;

	wm_service_href(&href, s, path);
	wm_form_open(h, wm_buf_str(&href), enctype, h->who.csrf);
	wm_buf_release(&href);
}

static void
one_form(struct wm_http *h, const struct wm_led_service *s,
    const struct problems *p)
{
	const struct wm_catalogue *courses = h->site->courses;
	const char *staff = p ? wm_form_get(&h->form, "staff") : NULL;
	const char *course = p ? wm_form_get(&h->form, "course") : NULL;
	struct staff_options o = { h, staff };
	struct wm_buf err = WM_BUF_INIT;
	size_t i;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Record one completion</h2>\n");
	form_open(h, s, "/training", NULL);
	wm_form_group_start(h, "staff", "Member of staff", NULL,
	    field_problem(p, "email"));
	HTML(h, "<select class=\"nhsuk-select\" id=\"staff\" name=\"staff\">\n");
	wm_option(h, "", "Choose a member of staff", staff);
	wm_page_store_ok(h, wm_store_service_staff(h->store, s->id,
	    staff_option, &o, &err), &err);
	HTML(h, "</select>\n</div>\n");
	wm_form_group_start(h, "course", "Course", NULL,
	    field_problem(p, "course"));
	HTML(h, "<select class=\"nhsuk-select\" id=\"course\" name=\"course\">\n");
	wm_option(h, "", "Choose a course", course);
	for (i = 0; i < courses->n_concepts; i++)
		wm_option(h, courses->concepts[i].code,
		    courses->concepts[i].display, course);
	HTML(h, "</select>\n</div>\n");
	wm_date_field(h, "completed", "Date completed", "For example, 31 3 "
	    "2025", field_problem(p, "completed"));
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">"
	    "Record completion</button>\n</form>\n");
	wm_buf_release(&err);
}

static void
import_form(struct wm_http *h, const struct wm_led_service *s,
    const struct problems *p)
{
	int bad = p && p->file.n > 0;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Import a CSV file</h2>\n");
	form_open(h, s, "/training/import", "multipart/form-data");
	wm_form_group_start(h, "file", "CSV file", "The first line must be "
	    "exactly email,course,completed. Then one completion a line: "
	    "the member of staff's email, the course's code (such as wrap or "
	    "recovery-awareness) and the date, such as 2025-03-31. If any line "
	    "has a problem, nothing is imported. Lines already recorded are "
	    "skipped.", bad ? "The file was not imported: see the problems "
	    "listed above" : NULL);
	HTML(h, "<input class=\"nhsuk-file-upload\" id=\"file\" name=\"file\" "
	    "type=\"file\" accept=\".csv,text/csv\" aria-describedby=\""
	    "file-hint\">\n</div>\n<button class=\"nhsuk-button nhsuk-button--"
	    "secondary\" type=\"submit\">Import file</button>\n</form>\n");
}

static void
summary(struct wm_http *h, const struct problems *p)
{
	struct wm_buf text = WM_BUF_INIT;
	size_t i;

	if (!p || (p->one.n == 0 && p->file.n == 0))
		return;
	wm_error_summary_start(h);
	for (i = 0; i < p->one.n; i++) {
		const char *where = p->one.v[i].where;

		wm_buf_clear(&text);
		wm_training_problem_text(&p->one.v[i], &text);
		wm_error_summary_item(h, where && strcmp(where, "email") == 0 ?
		    "staff" : where && strcmp(where, "course") == 0 ? "course" :
		    "completed-day", wm_buf_str(&text));
	}
	for (i = 0; i < p->file.n; i++) {
		wm_buf_clear(&text);
		wm_training_problem_text(&p->file.v[i], &text);
		wm_error_summary_item(h, "file", wm_buf_str(&text));
	}
	if (p->file.dropped) {
		wm_buf_clear(&text);
		wm_buf_printf(&text, "... and %zu more problems",
		    p->file.dropped);
		wm_error_summary_item(h, "file", wm_buf_str(&text));
	}
	wm_error_summary_end(h);
	wm_buf_release(&text);
}

/* "?recorded=N&skipped=M" after a change: what it did. */
static void
done_panel(struct wm_http *h)
{
	const char *rec = wm_http_query(h, "recorded");
	const char *skip = wm_http_query(h, "skipped");
	char *end;
	long r, k;

	if (!rec || !skip || strlen(rec) > 6 || strlen(skip) > 6)
		return;
	r = strtol(rec, &end, 10);
	if (*end || r < 0 || !rec[0])
		return;
	k = strtol(skip, &end, 10);
	if (*end || k < 0 || !skip[0])
		return;
	HTML(h, "<div class=\"nhsuk-inset-text\">\n<span class=\""
	    "nhsuk-u-visually-hidden\">Information: </span>\n<p>");
	wm_buf_printf(&h->out, "%ld completion%s recorded.", r, r == 1 ? "" :
	    "s");
	if (k)
		wm_buf_printf(&h->out, " %ld already recorded, so skipped.", k);
	HTML(h, "</p>\n</div>\n");
}

static void
training_page(struct wm_http *h, const struct wm_led_service *s,
    const struct problems *p)
{
	struct wm_buf title = WM_BUF_INIT;

	wm_buf_printf(&title, "Recovery training: %s", wm_buf_str(&s->name));
	wm_service_page_start(h, s, wm_buf_str(&title));
	summary(h, p);
	if (!p)
		done_panel(h);
	coverage_table(h, s);
	one_form(h, s, p);
	import_form(h, s, p);
	records_table(h, s);
	wm_page_end(h);
	wm_buf_release(&title);
}

/* The led service, with the course catalogue at hand; else the page
 * already written. */
static int
led(struct wm_http *h, struct wm_led_service *s)
{
	if (wm_service_led(h, s))
		return -1;
	if (!h->site->courses) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "The training courses are not loaded.");
		return -1;
	}
	return 0;
}

void
wm_page_training(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;

	if (led(h, &s) == 0)
		training_page(h, &s, NULL);
	wm_led_service_release(&s);
}

static void
today(const struct wm_http *h, struct wm_date *out)
{
	wm_date_from_days((long)(h->now / 86400), out);
}

/* Finds the rows' staff and records them all; 0 and a redirect to the
 * page saying what was done, or -1 with problems for the page. */
static int
save(struct wm_http *h, const struct wm_led_service *s,
    struct wm_training_row *rows, size_t n, const char *what,
    struct wm_diags *d)
{
	struct wm_staff_list staff = WM_STAFF_LIST_INIT;
	struct wm_recorder by = { h->who.account_id, h->address, what, 1 };
	struct wm_buf err = WM_BUF_INIT, next = WM_BUF_INIT;
	size_t added = 0;
	int rc = -1;

	if (!wm_page_store_ok(h, wm_store_service_staff(h->store, s->id,
	    wm_staff_list_add, &staff, &err), &err)) {
		rc = 1;
	} else if (wm_training_resolve(rows, n, staff.v, staff.n, d) == 0) {
		if (!wm_page_store_ok(h, wm_store_training_record(h->store,
		    s->id, rows, n, &by, &added, &err), &err)) {
			rc = 1;
		} else {
			wm_service_href(&next, s, "/training");
			wm_buf_printf(&next, "?recorded=%zu&skipped=%zu", added,
			    n - added);
			wm_http_redirect(h, wm_buf_str(&next));
			rc = 0;
		}
	}
	wm_staff_list_release(&staff);
	wm_buf_release(&err);
	wm_buf_release(&next);
	return rc;
}

void
wm_page_training_add(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct problems p = { WM_DIAGS_INIT, WM_DIAGS_INIT };
	struct wm_training_row row;
	struct wm_date now, done;
	const char *bad = NULL;
	char completed[11];

	if (led(h, &s))
		goto out;
	today(h, &now);
	/* Typed in the date boxes; checked by core as the file's dates are,
	 * once it is a date at all (today stands in while the rest is
	 * checked). */
	switch (wm_date_input_read(h, "completed", &done)) {
	case 1:
		wm_date_format(&done, completed);
		break;
	case 0:
		bad = "enter the date the course was completed";
		break;
	default:
		bad = WM_DATE_NOT_REAL;
	}
	if (bad) {
		wm_date_format(&now, completed);
		wm_diags_add(&p.one, 0, 0, "completed", "%s", bad);
	}
	if (wm_training_check(h->site->courses, &now, 0,
	    wm_form_get(&h->form, "staff"), wm_form_get(&h->form, "course"),
	    completed, &row, &p.one) == 0 && !bad &&
	    save(h, &s, &row, 1, "training recorded", &p.one) >= 0)
		goto out;
	h->status = 400;
	training_page(h, &s, &p);
out:
	wm_diags_release(&p.one);
	wm_diags_release(&p.file);
	wm_led_service_release(&s);
}

void
wm_page_training_import(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct problems p = { WM_DIAGS_INIT, WM_DIAGS_INIT };
	struct wm_training_file f = WM_TRAINING_FILE_INIT;
	const char *text;
	struct wm_date now;
	size_t len = 0;

	if (led(h, &s))
		goto out;
	today(h, &now);
	text = wm_form_file(&h->form, "file", &len, NULL);
	if (!text || len == 0)
		wm_diags_add(&p.file, 0, 0, "file", "choose a CSV file to "
		    "import; its first line must be %s", WM_TRAINING_HEADER);
	else if (wm_training_csv_read(text, len, h->site->courses, &now, &f,
	    &p.file) == 0 && save(h, &s, f.v, f.n, "training imported",
	    &p.file) >= 0)
		goto out;
	h->status = 400;
	training_page(h, &s, &p);
out:
	wm_training_file_release(&f);
	wm_diags_release(&p.one);
	wm_diags_release(&p.file);
	wm_led_service_release(&s);
}
