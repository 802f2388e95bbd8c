/*
 * The Ten Top Tips reflection after an interaction, in one page: the day
 * it was (today, unless the practitioner says otherwise) and, when
 * reached from a person's page, with whom; then the tips, each answered
 * yes, partly or no on one line. The answers are the practitioner's own,
 * about their own practice: private to them, and counted for their team
 * only under the team rule, exactly as before they were tied to anyone.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/known_instruments.h"
#include "core/response.h"
#include "util/escape.h"
#include "web/answerer.h"
#include "web/caseload.h"
#include "web/date_input.h"
#include "web/form_items.h"
#include "web/layout.h"

/* The oldest interaction a reflection may be about, in days: a year. */
#define OLDEST_DAYS 366

struct reflect {
	struct wm_answerer a;
	const struct wm_instrument *in;
	int64_t inst;
	struct wm_buf who;	/* "Name (IDENT)" when about a person */
	char action[200];
};

/* The service a reflection counts for: the one where the person is on
 * the caseload, if the practitioner works there; else their own. */
static int64_t
counts_for(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_scope *sc = &h->scope;
	char today[11];
	struct wm_date d;
	int64_t unit = 0;
	int rc;

	wm_date_from_days((long)(h->now / 86400), &d);
	wm_date_format(&d, today);
	rc = wm_store_person_unit_at(h->store, person, today, &unit, &err);
	wm_buf_release(&err);
	if (rc == 0 && (wm_grants_hold(sc->grants, sc->n_grants,
	    WM_ROLE_PRACTITIONER, unit) || wm_grants_hold(sc->grants,
	    sc->n_grants, WM_ROLE_LEAD, unit)))
		return unit;
	return wm_page_own_service(h);
}

/* Who reflects, on what and with whom: 0, or -1 with the answer
 * written (a 404 for someone with no service or no such person). */
static int
reflect_open(struct wm_http *h, struct reflect *r)
{
	const char *ident = wm_route_param(&h->match, "person");
	struct wm_buf path = WM_BUF_INIT;
	int rc = -1;

	memset(&r->a, 0, sizeof(r->a));
	r->a.kind = WM_SUBJECT_STAFF;
	r->a.respondent = WM_RESPONDENT_STAFF;
	r->a.id = h->who.account_id;
	snprintf(r->a.base, sizeof(r->a.base), "/reflect");
	if (ident) {
		if (!(r->a.about = wm_scope_person(h)) ||
		    wm_person_named(h, r->a.about, &r->who))
			goto out;
		r->a.unit = counts_for(h, r->a.about);
		wm_buf_puts(&path, "/people/");
		wm_esc_url_s(&path, ident);
		wm_buf_puts(&path, "/reflect");
	} else {
		r->a.unit = wm_page_own_service(h);
		wm_buf_puts(&path, "/reflect");
	}
	if (!r->a.unit || path.failed)
		goto out;
	snprintf(r->action, sizeof(r->action), "%s", wm_buf_str(&path));
	r->in = wm_family_instrument(h, wm_known_family(WM_KNOWN_TEN_TOP_TIPS),
	    &r->a, &r->inst);
	if (!r->in) {
		if (!h->failed)
			wm_page_error(h, 404, "Reflection is not set up",
			    "The Ten Top Tips are not loaded in this network. "
			    "Ask your administrator.");
		goto out;
	}
	rc = 0;
out:
	wm_buf_release(&path);
	return rc;
}

static void
page_start(struct wm_http *h, const struct reflect *r)
{
	struct wm_buf title = WM_BUF_INIT;

	if (!r->a.about) {
		wm_page_start_back(h, "Reflect on an interaction",
		    "/reflections", "Back to your reflections");
		return;
	}
	wm_buf_puts(&title, "Reflect on your interaction with ");
	wm_buf_puts(&title, wm_buf_str(&r->who));
	wm_person_page_start(h, wm_buf_str(&title));
	wm_buf_release(&title);
}

static void
form(struct wm_http *h, const struct reflect *r, const struct wm_diags *d,
    const char *date_problem)
{
	struct wm_date t;

	page_start(h, r);
	if (date_problem || (d && d->n)) {
		wm_error_summary_start(h);
		if (date_problem)
			wm_error_summary_item(h, "when-day", date_problem);
		wm_items_error_items(h, r->in, d);
		wm_error_summary_end(h);
	}
	HTML(h, "<p class=\"nhsuk-body\">Only you see your answers. Your team "
	    "sees how often the team answered each way, never yours.</p>\n");
	wm_post_form_start(h, r->action);
	wm_date_from_days((long)(h->now / 86400), &t);
	wm_date_field_or(h, "when", "When was the interaction?", "For example, "
	    "27 3 2026. Today's date is filled in.", &t, date_problem);
	wm_items_fields(h, r->in, 0, r->in->n_items, d, NULL);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Save my "
	    "reflection</button>\n</form>\n");
	wm_items_attribution(h, r->in);
	wm_page_end(h);
}

void
wm_page_reflect(struct wm_http *h)
{
	struct reflect r;

	memset(&r, 0, sizeof(r));
	r.who = (struct wm_buf)WM_BUF_INIT;
	if (reflect_open(h, &r) == 0)
		form(h, &r, NULL, NULL);
	wm_buf_release(&r.who);
}

/* The interaction's day as posted: NULL with *out set, or the problem. */
static const char *
when_problem(struct wm_http *h, struct wm_date *out)
{
	struct wm_date today;
	long days;

	wm_date_from_days((long)(h->now / 86400), &today);
	switch (wm_date_input_read(h, "when", out)) {
	case 0:
		return "Enter the date of the interaction";
	case 1:
		break;
	default:
		return "Date of the interaction: " WM_DATE_NOT_REAL;
	}
	days = wm_date_days(&today) - wm_date_days(out);
	if (days < 0)
		return "The date of the interaction must be today or in the "
		    "past";
	if (days > OLDEST_DAYS)
		return "The date of the interaction must be within the last "
		    "year";
	return NULL;
}

void
wm_page_reflect_save(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *resp = NULL;
	struct reflect r;
	const char *problem;
	char next[64];
	int64_t id;
	int rc;

	memset(&r, 0, sizeof(r));
	r.who = (struct wm_buf)WM_BUF_INIT;
	if (reflect_open(h, &r))
		goto out;
	if (!(resp = wm_response_new(r.in))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your reflection could not be saved. Try again.");
		goto out;
	}
	resp->status = WM_STATUS_COMPLETED;
	resp->subject.kind = resp->author.kind = WM_SUBJECT_STAFF;
	resp->subject.id = resp->author.id = "me";
	resp->respondent = WM_RESPONDENT_STAFF;
	problem = when_problem(h, &resp->authored);
	if (problem)
		wm_date_from_days((long)(h->now / 86400), &resp->authored);
	wm_items_fill(h, resp, 0, r.in->n_items, &d);
	if (d.n == 0)
		wm_response_check(resp, &resp->authored, &d);
	if (problem || d.n || wm_diags_count(&d)) {
		h->status = 400;
		form(h, &r, &d, problem);
	} else if ((rc = wm_answerer_record(h, &r.a, resp, r.inst, 0, &id)) ==
	    0) {
		snprintf(next, sizeof(next), "/reflections?saved=%lld",
		    (long long)id);
		wm_http_redirect(h, next);
	} else if (rc == WM_STORE_NOT_FOUND) {
		wm_page_error(h, 409, "The reflection could not be saved",
		    "Your service could not be found for that day.");
	}
out:
	wm_response_free(resp);
	wm_diags_release(&d);
	wm_buf_release(&r.who);
}
