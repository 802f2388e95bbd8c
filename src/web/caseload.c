/*
 * A practitioner's caseload, a page at a time (caseload.h). The model is
 * built here once; page_caseload.c draws it and api_person.c sends it.
 */
#include "web/caseload.h"

#include <string.h>

#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"

int
wm_caseload_ask(struct wm_http *h, const char *search_param,
    struct wm_caseload *c, struct wm_caseload_problem *p)
{
	p->field = search_param;
	p->message = NULL;
	switch (wm_http_query_text(h, search_param, WM_CASELOAD_MAX_SEARCH,
	    &c->search)) {
	case WM_QUERY_OK:
	case WM_QUERY_ABSENT:
		break;
	case WM_QUERY_TOO_LONG:
		p->message = "Search must be 100 characters or fewer";
		return -1;
	case WM_QUERY_BAD_TEXT:
		p->message = "Search must be plain text, without control "
		    "characters";
		return -1;
	}
	if (wm_paging_parse(h, &c->paging.page)) {
		p->field = "page";
		p->message = "Page must be a whole number from 1 to 1000000";
		return -1;
	}
	return 0;
}

/* Copies the store's rows, whose words live only during the callback. */
static int
keep(void *ctx, const struct wm_caseload_row *row)
{
	struct wm_caseload *c = ctx;
	struct wm_caseload_row *p;
	struct wm_arena *a = &c->arena;

	if (c->n == WM_CASELOAD_PER_PAGE)
		return 1;
	p = &c->people[c->n].row;
	*p = *row;
	p->ident = wm_arena_strdup(a, row->ident);
	p->name = wm_arena_strdup(a, row->name);
	p->unit_code = wm_arena_strdup(a, row->unit_code);
	p->unit_name = wm_arena_strdup(a, row->unit_name);
	p->since = wm_arena_strdup(a, row->since);
	p->last_answered = row->last_answered ?
	    wm_arena_strdup(a, row->last_answered) : NULL;
	if (!p->ident || !p->name || !p->unit_code || !p->unit_name ||
	    !p->since || (row->last_answered && !p->last_answered))
		return -1;
	c->n++;
	return 0;
}

int
wm_caseload_read(struct wm_http *h, struct wm_caseload *c)
{
	struct wm_caseload_query q = { h->who.account_id, c->search,
	    wm_paging_offset(&c->paging), WM_CASELOAD_PER_PAGE };
	struct wm_buf err = WM_BUF_INIT;
	int rc = -1;
	size_t i;

	c->paging.per_page = WM_CASELOAD_PER_PAGE;
	c->n = 0;
	c->people = wm_arena_calloc(&c->arena, WM_CASELOAD_PER_PAGE,
	    sizeof(*c->people));
	if (!c->people || !wm_page_store_ok(h, wm_store_caseload(h->store, &q,
	    &c->paging.total, keep, c, &err), &err))
		goto out;
	/* Only the page's people: their cycles, never everyone's. */
	for (i = 0; i < c->n; i++)
		if (wm_person_due(h, c->people[i].row.person_id,
		    &c->people[i].due))
			goto out;
	rc = 0;
out:
	if (rc)
		c->n = 0;
	wm_buf_release(&err);
	return rc;
}

void
wm_caseload_release(struct wm_caseload *c)
{
	wm_arena_release(&c->arena);
	c->people = NULL;
	c->n = 0;
}

/* The most pressing state across a person's cycles. */
struct worst {
	struct wm_date today;
	enum wm_due state;
};

static int
worst_due(void *ctx, const struct wm_cycle_row *c)
{
	struct worst *w = ctx;
	struct wm_date since, last, on;
	enum wm_due st;

	if (!c->instrument_id || wm_date_parse(c->since, &since))
		return 0;
	st = wm_cycle_due(&w->today, c->every_months, &since, c->last &&
	    wm_date_parse(c->last, &last) == 0 ? &last : NULL, &on);
	if (st > w->state)
		w->state = st;
	return 0;
}

int
wm_person_due(struct wm_http *h, int64_t person, enum wm_due *out)
{
	struct wm_buf err = WM_BUF_INIT;
	struct worst w;
	int rc;

	wm_date_from_days((long)(h->now / 86400), &w.today);
	w.state = WM_DUE_NOT_YET;
	rc = wm_store_person_cycles(h->store, person, worst_due, &w, &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	/* A failed read is never "not yet due". */
	*out = w.state;
	return rc ? -1 : 0;
}

void
wm_person_name_cell(struct wm_http *h, const char *ident, const char *name)
{
	wm_td_start(h, "Name");
	HTML(h, "<a href=\"/people/");
	wm_esc_url_s(&h->out, ident);
	HTML(h, "/journey\">");
	wm_esc_html_s(&h->out, name);
	HTML(h, "</a></span></td>");
}

void
wm_person_page_start(struct wm_http *h, const char *title)
{
	wm_page_start_back(h, title, "/caseload", "Back to the caseload");
}

static int
named(void *ctx, const struct wm_person_row *p)
{
	struct wm_buf *out = ctx;

	wm_buf_puts(out, p->name);
	wm_buf_puts(out, " (");
	wm_buf_puts(out, p->ident);
	wm_buf_puts(out, ")");
	return out->failed ? -1 : 0;
}

/* The person's row through `cb`, into out. */
static int
person_words(struct wm_http *h, int64_t person,
    int (*cb)(void *, const struct wm_person_row *), struct wm_buf *out)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_person_get(h->store, person, cb, out, &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

int
wm_person_named(struct wm_http *h, int64_t person, struct wm_buf *out)
{
	return person_words(h, person, named, out);
}

static int
name_only(void *ctx, const struct wm_person_row *p)
{
	struct wm_buf *out = ctx;

	wm_buf_puts(out, p->name);
	return out->failed ? -1 : 0;
}

int
wm_person_name(struct wm_http *h, int64_t person, struct wm_buf *out)
{
	return person_words(h, person, name_only, out);
}
