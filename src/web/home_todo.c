/*
 * What needs doing, on home (home_todo.h): each part reads only the
 * account's own work (its caseloads, the services it leads, its
 * invitations), never the network's.
 */
#include "web/home_todo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cycle.h"
#include "core/standards.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/caseload.h"
#include "web/layout.h"
#include "web/standards.h"

/* --- a practitioner: whose measures are due -------------------------------- */

/* How pressing, most first. */
enum urgency { OVERDUE, DUE_NOW, DUE_SOON, NOT_PRESSING };

/* One person owing a measure: the most pressing of their measures, the
 * earliest due of those, and how many others are pressing too. */
struct owing {
	int64_t person_id;
	const char *ident, *name, *unit_name, *title;
	enum urgency urgency;
	struct wm_date due_on;
	int others;
};

struct owed {
	struct wm_date today;
	struct owing *v;
	size_t n, cap;
	struct wm_arena strings;
	size_t counts[NOT_PRESSING];	/* people, by their most pressing */
	int failed;
};

static enum urgency
urgency_of(const struct wm_date *today, const struct wm_cycle_row *c,
    struct wm_date *due_on)
{
	struct wm_date since, last;

	if (!c->instrument_id || !c->title || wm_date_parse(c->since, &since))
		return NOT_PRESSING;
	switch (wm_cycle_due(today, c->every_months, &since, c->last &&
	    wm_date_parse(c->last, &last) == 0 ? &last : NULL, due_on)) {
	case WM_DUE_OVERDUE:
		return OVERDUE;
	case WM_DUE_NOW:
		return DUE_NOW;
	case WM_DUE_NOT_YET:
		break;
	}
	return wm_cycle_due_soon(today, due_on) ? DUE_SOON : NOT_PRESSING;
}

static struct owing *
owing_new(struct owed *o, const struct wm_person_cycle_row *r)
{
	struct owing *p;

	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		struct owing *v = realloc(o->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		o->v = v;
		o->cap = cap;
	}
	p = &o->v[o->n];
	memset(p, 0, sizeof(*p));
	p->person_id = r->person_id;
	p->urgency = NOT_PRESSING;
	p->ident = wm_arena_strdup(&o->strings, r->ident);
	p->name = wm_arena_strdup(&o->strings, r->name);
	p->unit_name = wm_arena_strdup(&o->strings, r->unit_name);
	if (!p->ident || !p->name || !p->unit_name)
		return NULL;
	o->n++;
	return p;
}

/* Rows come a person at a time; the last entry is the person's. */
static int
owed_row(void *ctx, const struct wm_person_cycle_row *r)
{
	struct owed *o = ctx;
	struct owing *p = o->n ? &o->v[o->n - 1] : NULL;
	struct wm_date due_on;
	enum urgency u = urgency_of(&o->today, &r->cycle, &due_on);

	if (u == NOT_PRESSING)
		return 0;
	if (!p || p->person_id != r->person_id) {
		if (!(p = owing_new(o, r)))
			goto oom;
	} else {
		p->others++;
	}
	if (u < p->urgency || (u == p->urgency &&
	    wm_date_cmp(&due_on, &p->due_on) < 0)) {
		p->urgency = u;
		p->due_on = due_on;
		if (!(p->title = wm_arena_strdup(&o->strings, r->cycle.title)))
			goto oom;
	}
	return 0;
oom:
	o->failed = 1;
	return -1;
}

static int
by_urgency(const void *a, const void *b)
{
	const struct owing *x = a, *y = b;
	int c;

	if (x->urgency != y->urgency)
		return x->urgency < y->urgency ? -1 : 1;
	if ((c = wm_date_cmp(&x->due_on, &y->due_on)))
		return c;
	if ((c = strcmp(x->name, y->name)))
		return c;
	return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

static void
owing_row(struct wm_http *h, const struct owing *p)
{
	char date[11], words[32];

	wm_date_format(&p->due_on, date);
	wm_date_words(date, words, sizeof(words));
	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_person_name_cell(h, p->ident, p->name);
	wm_td_start(h, "Service");
	wm_esc_html_s(&h->out, p->unit_name);
	HTML(h, "</span></td>");
	wm_td_start(h, "What is due");
	if (p->urgency == OVERDUE)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--red\">Overdue"
		    "</strong> ");
	else if (p->urgency == DUE_NOW)
		HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--yellow\">Due"
		    "</strong> ");
	wm_esc_html_s(&h->out, p->title);
	if (p->urgency == DUE_NOW)
		HTML(h, ", due since ");
	else
		HTML(h, ", due on ");
	wm_esc_html_s(&h->out, words);
	if (p->others == 1)
		HTML(h, ", and 1 more measure");
	else if (p->others > 1)
		wm_buf_printf(&h->out, ", and %d more measures", p->others);
	HTML(h, "</span></td>");
	wm_td_start(h, "Together");
	HTML(h, "<a href=\"/people/");
	wm_esc_url_s(&h->out, p->ident);
	HTML(h, "/measures\">Answer with ");
	wm_esc_html_s(&h->out, p->name);
	HTML(h, "</a></span></td></tr>\n");
}

static void
owed_show(struct wm_http *h, const struct owed *o)
{
	static const char *const heads[] = { "Name", "Service",
	    "What is due", "Together" };
	size_t i, shown = o->n < WM_HOME_DUE_SHOWN ? o->n : WM_HOME_DUE_SHOWN;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Whose measures are due</h2>\n");
	if (!o->n) {
		HTML(h, "<p class=\"nhsuk-body\">No one on your caseloads has a "
		    "measure overdue, due now or due in the next 7 days.</p>\n");
		return;
	}
	wm_buf_printf(&h->out, "<p class=\"nhsuk-body\">Of the people on your "
	    "caseloads, %zu %s a measure overdue, %zu %s one due now, and %zu "
	    "%s one due in the next 7 days.", o->counts[OVERDUE],
	    o->counts[OVERDUE] == 1 ? "has" : "have", o->counts[DUE_NOW],
	    o->counts[DUE_NOW] == 1 ? "has" : "have", o->counts[DUE_SOON],
	    o->counts[DUE_SOON] == 1 ? "has" : "have");
	if (o->n > shown)
		wm_buf_printf(&h->out, " The %zu most pressing are below; the "
		    "<a href=\"/caseload\">caseload</a> has everyone.", shown);
	HTML(h, "</p>\n");
	wm_table_start(h, "Whose measures are due, most pressing first", 1,
	    heads, sizeof(heads) / sizeof(heads[0]));
	for (i = 0; i < shown; i++)
		owing_row(h, &o->v[i]);
	HTML(h, "</tbody>\n</table>\n");
}

int
wm_home_practitioner(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct owed o;
	size_t i;
	int rc;

	if (!wm_grants_any(h->scope.grants, h->scope.n_grants,
	    WM_ROLE_PRACTITIONER))
		return 0;
	memset(&o, 0, sizeof(o));
	wm_date_from_days((long)(h->now / 86400), &o.today);
	rc = wm_store_practitioner_cycles(h->store, h->who.account_id,
	    owed_row, &o, &err);
	if (o.failed)
		rc = wm_store_out_of_memory(&err);
	if (wm_page_store_ok(h, rc, &err)) {
		for (i = 0; i < o.n; i++)
			o.counts[o.v[i].urgency]++;
		if (o.n)
			qsort(o.v, o.n, sizeof(*o.v), by_urgency);
		owed_show(h, &o);
	}
	free(o.v);
	wm_arena_release(&o.strings);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

/* --- a lead: this period's self-assessments --------------------------------- */

struct led {
	int64_t *id;
	char **code, **name;
	size_t n, cap;
	struct wm_arena strings;
};

static int
led_row(void *ctx, const struct wm_unit_row *u)
{
	struct led *l = ctx;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		int64_t *id = realloc(l->id, cap * sizeof(*id));
		char **code, **name;

		if (!id)
			return -1;
		l->id = id;
		if (!(code = realloc(l->code, cap * sizeof(*code))))
			return -1;
		l->code = code;
		if (!(name = realloc(l->name, cap * sizeof(*name))))
			return -1;
		l->name = name;
		l->cap = cap;
	}
	l->id[l->n] = u->id;
	l->code[l->n] = wm_arena_strdup(&l->strings, u->code);
	l->name[l->n] = wm_arena_strdup(&l->strings, u->name);
	if (!l->code[l->n] || !l->name[l->n])
		return -1;
	l->n++;
	return 0;
}

static int
assessment_row(void *ctx, const struct wm_assessment_row *a)
{
	*(struct wm_assessment_row *)ctx = (struct wm_assessment_row){
	    a->id, a->unit_id, NULL, NULL, NULL, NULL, a->versions,
	    a->invited, a->validated };
	return 0;
}

struct queries {
	struct wm_query_count count;
	int reopened;	/* reopenings awaiting the lead's amendment */
};

static int
query_row(void *ctx, const struct wm_standard_query_row *q)
{
	struct queries *c = ctx;

	wm_query_count_step(&c->count, q->standard, q->kind);
	if (wm_reopening_pending(q->kind, q->answered_by))
		c->reopened++;
	return 0;
}

static void
plural(struct wm_http *h, long long n, const char *one, const char *many)
{
	wm_buf_printf(&h->out, "%lld ", n);
	wm_esc_html_s(&h->out, n == 1 ? one : many);
}

/* An assessment's figures and its queries; nothing when id is 0. */
static int
assessment_state(struct wm_http *h, int64_t id, struct wm_assessment_row *a,
    struct queries *q, struct wm_buf *err)
{
	int rc;

	memset(a, 0, sizeof(*a));
	memset(q, 0, sizeof(*q));
	if (!id)
		return 0;
	rc = wm_store_assessment_get(h->store, id, assessment_row, a, err);
	if (rc == 0)
		rc = wm_store_standard_queries(h->store, id, query_row, q, err);
	return rc;
}

/* Where one period's self-assessment stands, as a clause. */
static void
state_words(struct wm_http *h, const struct wm_assessment_row *a,
    const struct queries *q)
{
	if (!a->versions) {
		HTML(h, "self-assessment not yet submitted");
	} else {
		HTML(h, "self-assessment submitted; ");
		plural(h, a->invited, "validator", "validators");
		HTML(h, " invited, ");
		plural(h, a->validated, "has", "have");
		HTML(h, " rated");
	}
	if (wm_query_count_awaiting(&q->count)) {
		HTML(h, "; ");
		plural(h, wm_query_count_awaiting(&q->count), "query awaits",
		    "queries await");
		HTML(h, " your answer");
	}
	if (q->reopened) {
		HTML(h, "; ");
		plural(h, q->reopened, "reopened standard awaits",
		    "reopened standards await");
		HTML(h, " your amendment");
	}
}

/* The latest period before this one with a submitted self-assessment:
 * its validation and queries mostly come after it ends. */
struct earlier {
	const char *current;
	int64_t id;
	char period[11], period_end[11];
};

static int
earlier_row(void *ctx, const struct wm_assessment_row *a)
{
	struct earlier *e = ctx;

	if (e->id || !a->versions || strcmp(a->period, e->current) == 0)
		return 0;
	e->id = a->id;
	snprintf(e->period, sizeof(e->period), "%s", a->period);
	snprintf(e->period_end, sizeof(e->period_end), "%s",
	    a->period_end ? a->period_end : "");
	return 0;
}

/* One service's line: where its self-assessment for this period stands,
 * and the latest earlier one that was submitted, with its validators
 * and queries. */
static int
led_service(struct wm_http *h, int64_t unit, const char *code,
    const char *name, const char *period)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_assessment_row a;
	struct queries q;
	struct earlier e;
	char words[64];
	int64_t id = 0;
	int rc;

	memset(&e, 0, sizeof(e));
	e.current = period;
	rc = wm_store_assessment_find(h->store, unit, period, &id, &err);
	if (rc == WM_STORE_NOT_FOUND)
		rc = 0;
	if (rc == 0)
		rc = assessment_state(h, id, &a, &q, &err);
	if (rc == 0)
		rc = wm_store_assessments(h->store, unit, earlier_row, &e, &err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	HTML(h, "<li><a href=\"/services/");
	wm_esc_url_s(&h->out, code);
	HTML(h, "/standards\">");
	wm_esc_html_s(&h->out, name);
	HTML(h, "</a>: ");
	state_words(h, &a, &q);
	HTML(h, ".");
	if (e.id) {
		if (!wm_page_store_ok(h, rc = assessment_state(h, e.id, &a, &q,
		    &err), &err))
			goto out;
		wm_period_words(e.period, e.period_end, words, sizeof(words));
		HTML(h, " ");
		wm_esc_html_s(&h->out, words);
		HTML(h, ": ");
		state_words(h, &a, &q);
		HTML(h, ".");
	}
	HTML(h, "</li>\n");
out:
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

int
wm_home_lead(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_standards_setup setup;
	struct wm_date start, end;
	struct led l;
	char period[11], period_end[11], words[64];
	size_t i;
	int rc = -1;

	if (!wm_grants_any(h->scope.grants, h->scope.n_grants, WM_ROLE_LEAD))
		return 0;
	memset(&l, 0, sizeof(l));
	if (wm_standards_setup(h, &setup))
		goto out;
	if (!wm_page_store_ok(h, wm_store_account_units(h->store,
	    h->who.account_id, "lead", led_row, &l, &err), &err))
		goto out;
	wm_standards_current(h, setup.months, &start, &end);
	wm_date_format(&start, period);
	wm_date_format(&end, period_end);
	wm_period_words(period, period_end, words, sizeof(words));
	HTML(h, "<h2 class=\"nhsuk-heading-m\">The 10 core standards, ");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</h2>\n<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	for (i = 0; i < l.n; i++)
		if (led_service(h, l.id[i], l.code[i], l.name[i], period))
			goto out;
	HTML(h, "</ul>\n");
	rc = 0;
out:
	free(l.id);
	free(l.code);
	free(l.name);
	wm_arena_release(&l.strings);
	wm_buf_release(&err);
	return rc;
}

/* --- a validator: invitations waiting ---------------------------------------- */

struct waiting {
	struct wm_http *h;
	int n;
};

static int
waiting_row(void *ctx, const struct wm_invited_row *v)
{
	struct waiting *w = ctx;
	struct wm_http *h = w->h;
	char words[64];

	if (v->response_id)
		return 0;	/* rated already */
	if (!w->n++)
		HTML(h, "<h2 class=\"nhsuk-heading-m\">Invitations waiting"
		    "</h2>\n<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	wm_period_words(v->period, v->period_end, words, sizeof(words));
	wm_buf_printf(&h->out, "<li><a href=\"/validations/%lld\">Rate ",
	    (long long)v->assessment_id);
	wm_esc_html_s(&h->out, v->unit_name);
	HTML(h, "'s standards for ");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</a></li>\n");
	return 0;
}

int
wm_home_validator(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct waiting w = { h, 0 };
	int ok;

	if (!wm_grants_any(h->scope.grants, h->scope.n_grants,
	    WM_ROLE_VALIDATOR))
		return 0;
	ok = wm_page_store_ok(h, wm_store_account_invitations(h->store,
	    h->who.account_id, 0, waiting_row, &w, &err), &err);
	if (ok && w.n)
		HTML(h, "</ul>\n");
	else if (ok)
		HTML(h, "<h2 class=\"nhsuk-heading-m\">Invitations waiting</h2>\n"
		    "<p class=\"nhsuk-body\">None: you have rated every service "
		    "you were invited to validate.</p>\n");
	wm_buf_release(&err);
	return ok ? 0 : -1;
}
