/*
 * One person, for the network's administrator: their identifier, name
 * and the services whose caseloads they are on, with the forms to put
 * them on another caseload, move them from one to another on a date, and
 * discharge them on a date (each of these two checked, then asked
 * first). Nothing recorded about them is read. Each change is
 * store/admin.h's, as `waymark person join | move | discharge` make it;
 * every page that shows them (the page, a refused form shown again, the
 * page that asks) is audited as a view.
 *
 *   GET  /admin/people/{person}
 *   POST /admin/people/{person}/caseload    join-unit, join-since-*
 *   POST /admin/people/{person}/move        move-from, move-to, move-date-*,
 *                                           confirm
 *   POST /admin/people/{person}/discharge   out-unit, out-date-*, confirm
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/admin.h"
#include "web/confirm.h"
#include "web/date_input.h"

/* The person the path names: who they are and where they are now. */
struct person {
	int64_t id;
	const char *ident;
	struct wm_buf name;
	struct {
		char code[65], since[11];
		struct wm_buf name;
	} spell[WM_CASELOADS_MAX];
	size_t n, more;
};

static int
person_got(void *ctx, const struct wm_person_row *r)
{
	struct person *p = ctx;

	wm_buf_clear(&p->name);
	wm_buf_puts(&p->name, r->name);
	return 0;
}

static int
spell_got(void *ctx, const struct wm_spell_row *u)
{
	struct person *p = ctx;

	/* Past the most one person is on (a hand edit): said, not hidden. */
	if (p->n == WM_CASELOADS_MAX) {
		p->more++;
		return 0;
	}
	snprintf(p->spell[p->n].code, sizeof(p->spell[0].code), "%s", u->code);
	snprintf(p->spell[p->n].since, sizeof(p->spell[0].since), "%s",
	    u->since ? u->since : "");
	wm_buf_init(&p->spell[p->n].name, WM_BUF_DEFAULT_MAX);
	wm_buf_puts(&p->spell[p->n].name, u->name);
	p->n++;
	return 0;
}

static void
person_release(struct person *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		wm_buf_release(&p->spell[i].name);
	wm_buf_release(&p->name);
}

/* 0 with the person, or -1 answered (404, or the store's failure). */
static int
person_named(struct wm_http *h, struct person *p)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	p->ident = wm_route_param(&h->match, "person");
	rc = p->ident ? wm_store_person_find(h->store, p->ident, &p->id, &err) :
	    WM_STORE_NOT_FOUND;
	if (rc == 0)
		rc = wm_store_person_get(h->store, p->id, person_got, p, &err);
	if (rc == 0)
		rc = wm_store_caseload_open(h->store, p->id, spell_got, p, &err);
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static void
person_href(struct wm_buf *out, const struct person *p, const char *tail)
{
	wm_buf_puts(out, "/admin/people/");
	wm_esc_url_s(out, p->ident);
	wm_buf_puts(out, tail);
}

/* The field ids of the page's three forms, each named for its form. */
enum { J_UNIT, J_SINCE, M_FROM, M_TO, M_DATE, O_UNIT, O_DATE, N_FIELDS };

#define FIELDS_INIT { { "join-unit", NULL }, { "join-since-day", NULL }, \
	{ "move-from", NULL }, { "move-to", NULL }, \
	{ "move-date-day", NULL }, { "out-unit", NULL }, \
	{ "out-date-day", NULL } }

/* Opens a labelled <select> named `id` in its form group. */
static void
select_start(struct wm_http *h, const char *id, const char *label,
    const char *problem)
{
	wm_form_group_start(h, id, label, NULL, problem);
	HTML(h, "<select class=\"nhsuk-select\" id=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\" name=\"");
	wm_esc_attr_s(&h->out, id);
	HTML(h, "\">\n");
}

/* A choice among the services the person is on now. */
static void
spell_select(struct wm_http *h, const struct person *p, const char *id,
    const char *label, const char *problem)
{
	const char *chosen = wm_form_get(&h->form, id);
	size_t i;

	select_start(h, id, label, problem);
	for (i = 0; i < p->n; i++) {
		HTML(h, "<option value=\"");
		wm_esc_attr_s(&h->out, p->spell[i].code);
		HTML(h, "\"");
		if (chosen && strcmp(chosen, p->spell[i].code) == 0)
			HTML(h, " selected");
		HTML(h, ">");
		wm_esc_html_s(&h->out, wm_buf_str(&p->spell[i].name));
		HTML(h, "</option>\n");
	}
	HTML(h, "</select>\n</div>\n");
}

static void
service_select(struct wm_http *h, const char *id, const char *label,
    const char *problem)
{
	select_start(h, id, label, problem);
	wm_admin_service_options(h, wm_form_get(&h->form, id),
	    "Choose a service");
	HTML(h, "</select>\n</div>\n");
}

static void
form_start(struct wm_http *h, const struct person *p, const char *title,
    const char *tail)
{
	struct wm_buf action = WM_BUF_INIT;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">");
	wm_esc_html_s(&h->out, title);
	HTML(h, "</h2>\n");
	person_href(&action, p, tail);
	wm_post_form_start(h, wm_buf_str(&action));
	wm_buf_release(&action);
}

static void
form_end(struct wm_http *h, const char *button)
{
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">");
	wm_esc_html_s(&h->out, button);
	HTML(h, "</button>\n</form>\n");
}

static void
spells_list(struct wm_http *h, const struct person *p)
{
	char when[40];
	size_t i;

	if (!p->n) {
		HTML(h, "<p class=\"nhsuk-body\">They are on no service's "
		    "caseload now.</p>\n");
		return;
	}
	HTML(h, "<p class=\"nhsuk-body\">On the caseload of:</p>\n<ul class=\""
	    "nhsuk-list nhsuk-list--bullet\">\n");
	for (i = 0; i < p->n; i++) {
		wm_admin_date_words(p->spell[i].since, when, sizeof(when));
		HTML(h, "<li>");
		wm_esc_html_s(&h->out, wm_buf_str(&p->spell[i].name));
		HTML(h, ", since ");
		wm_esc_html_s(&h->out, when);
		HTML(h, "</li>\n");
	}
	if (p->more) {
		HTML(h, "<li>");
		wm_buf_printf(&h->out, "and %zu more, past the %d one person "
		    "can be on at once: the database was changed by hand",
		    p->more, WM_CASELOADS_MAX);
		HTML(h, "</li>\n");
	}
	HTML(h, "</ul>\n");
}

static void
person_page(struct wm_http *h, const struct person *p,
    const struct wm_field_error *e)
{
	const char *hint = "For example, 6 12 2026. Leave it empty for today.";

	wm_page_start_back(h, wm_buf_str(&p->name), "/admin/people",
	    "Back to people");
	wm_admin_errors(h, e, N_FIELDS);
	HTML(h, "<p class=\"nhsuk-body\">Identifier ");
	wm_esc_html_s(&h->out, p->ident);
	HTML(h, ".</p>\n");
	spells_list(h, p);
	form_start(h, p, "Put them on a service's caseload", "/caseload");
	service_select(h, "join-unit", "Service", e[J_UNIT].message);
	wm_date_field(h, "join-since", "The day they join it", hint,
	    e[J_SINCE].message);
	form_end(h, "Put on the caseload");
	if (!p->n) {
		wm_page_end(h);
		return;
	}
	form_start(h, p, "Move them to another service", "/move");
	spell_select(h, p, "move-from", "From", e[M_FROM].message);
	service_select(h, "move-to", "To", e[M_TO].message);
	wm_date_field(h, "move-date", "The day they move", hint,
	    e[M_DATE].message);
	form_end(h, "Move");
	form_start(h, p, "Discharge them", "/discharge");
	spell_select(h, p, "out-unit", "From the caseload of",
	    e[O_UNIT].message);
	wm_date_field(h, "out-date", "The day they were discharged", hint,
	    e[O_DATE].message);
	form_end(h, "Discharge");
	wm_page_end(h);
}

/* A person's name and caseloads are their record: every page that
 * shows them notes who looked, before it is written. 0, or -1 with the
 * store's failure answered. */
static int
person_viewed(struct wm_http *h, const struct person *p, const char *detail)
{
	struct wm_buf err = WM_BUF_INIT;
	int ok = wm_page_store_ok(h, wm_http_audit(h, "viewed a person's "
	    "caseloads (administration)", "person", p->id, detail, &err), &err);

	wm_buf_release(&err);
	return ok ? 0 : -1;
}

/* The person's page, its view audited. */
static void
person_shown(struct wm_http *h, const struct person *p,
    const struct wm_field_error *e)
{
	if (person_viewed(h, p, NULL) == 0)
		person_page(h, p, e);
}

void
wm_page_admin_person(struct wm_http *h)
{
	struct person p = { .name = WM_BUF_INIT };
	struct wm_field_error e[N_FIELDS] = FIELDS_INIT;

	if (person_named(h, &p) == 0)
		person_shown(h, &p, e);
	person_release(&p);
}

/* After a change: back to the person's page, or the refusal at its
 * field (of the form whose fields start `prefix`), or the failure. */
static void
changed(struct wm_http *h, struct person *p, int rc, const char *prefix,
    struct wm_field_problem *fp, struct wm_field_error *e,
    const struct wm_buf *err)
{
	struct wm_buf next = WM_BUF_INIT;
	char msg[256];

	if (rc == WM_ADMIN_REFUSED || rc == WM_ADMIN_CONFLICT) {
		if (fp->field)
			wm_admin_place(fp, prefix, e, N_FIELDS, msg,
			    sizeof(msg));
		h->status = 400;
		person_shown(h, p, e);
	} else if (rc)
		wm_page_store_error(h, rc, wm_buf_str(err));
	else {
		person_href(&next, p, "");
		wm_http_redirect(h, wm_buf_str(&next));
	}
	wm_buf_release(&next);
}

/* One of the page's changes, made by store/admin.h with what its form
 * posted and the date it gives. */
typedef int person_change(struct wm_http *h, const struct wm_admin_by *by,
    const struct person *p, const struct wm_date *date,
    struct wm_field_problem *fp, struct wm_buf *err);

static int
join(struct wm_http *h, const struct wm_admin_by *by, const struct person *p,
    const struct wm_date *date, struct wm_field_problem *fp,
    struct wm_buf *err)
{
	return wm_admin_person_join(h->store, by, p->ident,
	    wm_form_get(&h->form, "join-unit"), date, fp, err);
}

static int
move(struct wm_http *h, const struct wm_admin_by *by, const struct person *p,
    const struct wm_date *date, struct wm_field_problem *fp,
    struct wm_buf *err)
{
	return wm_admin_person_move(h->store, by, p->ident,
	    wm_form_get(&h->form, "move-from"),
	    wm_form_get(&h->form, "move-to"), date, fp, err);
}

static int
discharge(struct wm_http *h, const struct wm_admin_by *by,
    const struct person *p, const struct wm_date *date,
    struct wm_field_problem *fp, struct wm_buf *err)
{
	return wm_admin_person_discharge(h->store, by, p->ident,
	    wm_form_get(&h->form, "out-unit"), date, fp, err);
}

/* The person's time on their service `code` (the first when code is
 * not given), or -1. */
static int
spell_of(const struct person *p, const char *code)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!code || !code[0] || strcmp(code, p->spell[i].code) == 0)
			return (int)i;
	return -1;
}

/* What asking first says of one change: its heading's verb, the button,
 * and what happens, each with the person's name, the services and the
 * day filled in. */
struct asking {
	const char *verb;	/* "Discharge", "Move" */
	const char *yes;
	const char *from_field, *to_field;	/* to_field NULL: none */
	const char *detail;	/* the view's audit detail */
};

static const struct asking asking_discharge = { "Discharge",
	"Yes, discharge them", "out-unit", NULL, "asked to confirm a "
	"discharge" };
static const struct asking asking_move = { "Move", "Yes, move them",
	"move-from", "move-to", "asked to confirm a move" };

/* What happens, in words, into out. A time on a caseload that would
 * end the day it started covers no days and is removed, as the store
 * does (store/admin.c): asking first says so. */
static void
happens(struct wm_http *h, const struct person *p, const struct asking *a,
    const char *iso, const char *when, struct wm_buf *out)
{
	int i = spell_of(p, wm_form_get(&h->form, a->from_field));
	const char *from = i < 0 ? "the service" :
	    wm_buf_str(&p->spell[i].name);
	struct wm_buf to = WM_BUF_INIT, err = WM_BUF_INIT;
	int64_t id;
	int removed = i >= 0 && strcmp(p->spell[i].since, iso) == 0;

	if (removed)
		wm_buf_printf(out, "They joined the caseload of %s on %s, the "
		    "same day, so that time on it is removed: it covers no "
		    "days. The audit log keeps both.", from, when);
	else
		wm_buf_printf(out, "Their time on the caseload of %s ends on "
		    "%s.", from, when);
	if (a->to_field && wm_store_service_find(h->store, wm_form_get(
	    &h->form, a->to_field), &id, &to, &err) == 0)
		wm_buf_printf(out, " Their time on the caseload of %s starts "
		    "that day.", wm_buf_str(&to));
	if (!removed)
		wm_buf_puts(out, " What they recorded stays theirs, and counts "
		    "in the service's history.");
	wm_buf_puts(out, " This cannot be undone: ");
	wm_buf_puts(out, a->to_field ? "to bring them back, move them again." :
	    "to bring them back, put them on the caseload again.");
	wm_buf_release(&to);
	wm_buf_release(&err);
}

/* Moving and discharging cannot be undone (a new time on a caseload
 * can be started, but the one ended stays ended), so each is asked
 * first, once the change has been checked; the page that asks shows
 * who they are, so it is audited as a view. */
static void
ask_first(struct wm_http *h, const struct person *p,
    const struct wm_date *date, const struct asking *a)
{
	struct wm_buf title = WM_BUF_INIT, said = WM_BUF_INIT,
	    back = WM_BUF_INIT;
	struct wm_confirm c;
	char iso[11], when[40];

	if (person_viewed(h, p, a->detail))
		return;
	wm_date_format(date, iso);
	wm_admin_date_words(iso, when, sizeof(when));
	wm_buf_printf(&title, "%s %s?", a->verb, wm_buf_str(&p->name));
	happens(h, p, a, iso, when, &said);
	person_href(&back, p, "");
	c = (struct wm_confirm){ wm_buf_str(&title), wm_buf_str(&said), a->yes,
	    wm_buf_str(&back) };
	(void)wm_confirmed(h, &c);
	wm_buf_release(&title);
	wm_buf_release(&said);
	wm_buf_release(&back);
}

/* A form of the person's page posted: its date (field e[date_field],
 * posted as `date_id`) read; when `ask`, the change is checked, then
 * asked first, and made only once confirmed. */
static void
person_post(struct wm_http *h, const char *prefix, size_t date_field,
    const char *date_id, const struct asking *ask, person_change *fn)
{
	struct person p = { .name = WM_BUF_INIT };
	struct wm_field_error e[N_FIELDS] = FIELDS_INIT;
	struct wm_field_problem fp = { 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date today, date;
	struct wm_admin_by by;
	int rc = WM_ADMIN_REFUSED;

	if (person_named(h, &p))
		goto out;
	wm_admin_by(h, &today, &by);
	if (!(e[date_field].message = wm_admin_date(h, date_id, &today,
	    &date))) {
		by.check_only = ask && !wm_confirm_given(h);
		rc = fn(h, &by, &p, &date, &fp, &err);
		if (rc == 0 && by.check_only) {
			ask_first(h, &p, &date, ask);
			goto out;
		}
	}
	changed(h, &p, rc, prefix, &fp, e, &err);
out:
	person_release(&p);
	wm_buf_release(&err);
}

void
wm_page_admin_person_join(struct wm_http *h)
{
	person_post(h, "join-", J_SINCE, "join-since", NULL, join);
}

void
wm_page_admin_person_move(struct wm_http *h)
{
	person_post(h, "move-", M_DATE, "move-date", &asking_move, move);
}

void
wm_page_admin_person_discharge(struct wm_http *h)
{
	person_post(h, "out-", O_DATE, "out-date", &asking_discharge,
	    discharge);
}
