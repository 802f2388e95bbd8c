/*
 * Who is answering: the one place the measure pages and the API decide
 * whose form it is and whether it may be answered.
 */
#include "web/answerer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "web/layout.h"
#include "web/pages.h"

/* The person the path names, for their supporter (the route's rule
 * checked it and wrote the audit entry); else the signed-in person; else a
 * member of staff answering about themselves. 0 (and a 404 page) for
 * anyone with nothing of their own to answer, such as a commissioner. */
int
wm_answerer_of(struct wm_http *h, struct wm_answerer *a)
{
	const char *pid = wm_route_param(&h->match, "person");
	struct wm_buf base = WM_BUF_INIT;

	memset(a, 0, sizeof(*a));
	snprintf(a->base, sizeof(a->base), "/measures");
	if (pid) {
		/* Alongside: the answers are the person's, given together. */
		if (!(a->id = wm_scope_person(h)))
			goto out;
		a->kind = WM_SUBJECT_PERSON;
		a->respondent = WM_RESPONDENT_WITH_PRACTITIONER;
		wm_buf_puts(&base, "/people/");
		wm_esc_url_s(&base, pid);
		wm_buf_puts(&base, "/measures");
		snprintf(a->base, sizeof(a->base), "%s", wm_buf_str(&base));
	} else if ((a->id = h->scope.own_person)) {
		a->kind = WM_SUBJECT_PERSON;
		a->respondent = WM_RESPONDENT_PERSON;
	} else if ((a->unit = wm_page_own_service(h))) {
		a->kind = WM_SUBJECT_STAFF;
		a->respondent = WM_RESPONDENT_STAFF;
		a->id = h->who.account_id;
	}
out:
	wm_buf_release(&base);
	return a->id != 0;
}

int
wm_answerable(const struct wm_instrument *in, const struct wm_answerer *a)
{
	/* A plan template is written as the person's own plan, never
	 * answered as a measure. */
	return in->kind == WM_KIND_MEASURE &&
	    (in->subjects & (unsigned)a->kind) &&
	    (in->respondents & (unsigned)a->respondent);
}

/* Parsed once per connection, not on every page and save. */
const struct wm_instrument *
wm_page_instrument(struct wm_http *h, int64_t id)
{
	const struct wm_instrument *in = NULL;
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_instrument_parsed(h->store, id, &in, &err);

	if (rc && rc != WM_STORE_NOT_FOUND)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	wm_buf_release(&err);
	return rc ? NULL : in;
}

struct pick {
	struct wm_http *h;
	const char *family;
	const struct wm_answerer *a;
	const struct wm_instrument *in;
	int64_t id;
};

/* Rows come ordered by url and version: the last that fits wins. */
static int
pick_row(void *ctx, const struct wm_instrument_row *row)
{
	struct pick *p = ctx;
	const struct wm_instrument *in;

	if (!row->family || strcmp(row->family, p->family) != 0)
		return 0;
	in = wm_page_instrument(p->h, row->id);
	if (in && wm_answerable(in, p->a)) {
		p->in = in;
		p->id = row->id;
	}
	return 0;
}

const struct wm_instrument *
wm_family_instrument(struct wm_http *h, const char *family,
    const struct wm_answerer *a, int64_t *id)
{
	struct wm_buf err = WM_BUF_INIT;
	struct pick p = { h, family, a, NULL, 0 };

	if (!wm_page_store_ok(h, wm_store_instrument_list(h->store, pick_row,
	    &p, &err), &err))
		p.in = NULL;
	wm_buf_release(&err);
	*id = p.id;
	return p.in;
}

const struct wm_instrument *
wm_answerer_instrument(struct wm_http *h, const struct wm_answerer *a,
    int64_t *id)
{
	const struct wm_instrument *in = NULL;

	if ((*id = wm_route_number(&h->match, "id")))
		in = wm_page_instrument(h, *id);
	if (in && !wm_answerable(in, a))
		in = NULL;
	if (!in)
		wm_page_not_found(h);
	return in;
}

struct wm_draft_key
wm_answerer_draft(const struct wm_answerer *a, int64_t inst)
{
	struct wm_draft_key k = { inst, a->kind, a->id, a->respondent, a->id };

	return k;
}

/* The audit log's words: what was saved, whether together, and through
 * which door. */
static const char *const actions[2][2][2] = {
	{ { "response recorded", "response recorded (API)" },
	  { "response recorded together with a practitioner",
	    "response recorded together with a practitioner (API)" } },
	{ { "answers saved to finish later",
	    "answers saved to finish later (API)" },
	  { "answers saved together to finish later",
	    "answers saved together to finish later (API)" } },
};

int
wm_answerer_record(struct wm_http *h, const struct wm_answerer *a,
    const struct wm_response *r, int64_t inst, int api, int64_t *id)
{
	struct wm_response_ids ids = { .instrument_id = inst,
	    .subject_id = a->id, .unit_id = a->unit, .author_id = a->id,
	    .about_person_id = a->about };
	const struct wm_recorder by = { h->who.account_id, h->address,
	    actions[r->status == WM_STATUS_IN_PROGRESS]
	    [a->respondent == WM_RESPONDENT_WITH_PRACTITIONER][api != 0], 1 };
	const struct wm_record job = { r, &ids, &by, NULL, NULL };
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_http_record(h, &job, id, &err);

	/* Not attributable to a service is the caller's to explain; any
	 * other failure is answered (and logged) here. */
	if (rc && rc != WM_STORE_NOT_FOUND)
		wm_page_store_error(h, rc, wm_buf_str(&err));
	wm_buf_release(&err);
	return rc;
}
