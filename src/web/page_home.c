/*
 * Home: who is signed in, and the roles they hold where.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/cycle.h"
#include "core/network.h"
#include "core/rating.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/home_todo.h"
#include "web/layout.h"
#include "web/paging.h"
#include "web/plan_view.h"

struct due {
	struct wm_http *h;
	struct wm_date today;
	int any;
};

/* One line of "what is due", from the cycle's rule in core. */
static int
due_item(void *ctx, const struct wm_cycle_row *c)
{
	struct due *d = ctx;
	struct wm_http *h = d->h;
	struct wm_date since, last, on;
	char date[11], words[32], href[48];
	enum wm_due state;

	if (!c->instrument_id || !c->title || wm_date_parse(c->since, &since))
		return 0;
	state = wm_cycle_due(&d->today, c->every_months, &since,
	    c->last && wm_date_parse(c->last, &last) == 0 ? &last : NULL, &on);
	wm_date_format(&on, date);
	wm_date_words(date, words, sizeof(words));
	snprintf(href, sizeof(href), "/measures/%lld",
	    (long long)c->instrument_id);
	if (!d->any)
		HTML(h, "<h2 class=\"nhsuk-heading-m\">What is due</h2>\n"
		    "<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	d->any = 1;
	HTML(h, "<li>");
	if (state == WM_DUE_NOT_YET) {
		wm_esc_html_s(&h->out, c->title);
		HTML(h, ": next on ");
	} else {
		HTML(h, "<a href=\"");
		wm_esc_attr_s(&h->out, href);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, c->title);
		HTML(h, "</a>: ");
		if (state == WM_DUE_NOW)
			HTML(h, "due since ");
		else
			HTML(h, "overdue since ");
	}
	wm_esc_html_s(&h->out, words);
	HTML(h, "</li>\n");
	return 0;
}

static int
whats_due(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	struct due d = { h, { 0, 0, 0 }, 0 };
	int ok;

	wm_date_from_days((long)(h->now / 86400), &d.today);
	ok = wm_page_store_ok(h, wm_store_person_cycles(h->store, person,
	    due_item, &d, &err), &err);
	if (ok && d.any)
		HTML(h, "</ul>\n");
	wm_buf_release(&err);
	return ok ? 0 : -1;
}

/* A lead's way to their services' pages, a validator's to theirs. */
static void
services_link(struct wm_http *h)
{
	const struct wm_scope *sc = &h->scope;

	if (wm_grants_any(sc->grants, sc->n_grants, WM_ROLE_LEAD))
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/services\">Your "
		    "services</a>: the 10 core standards, measurement cycles "
		    "and how each service you lead is doing.</p>\n");
	if (wm_grants_any(sc->grants, sc->n_grants, WM_ROLE_VALIDATOR))
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/validations\">Your "
		    "validations</a>: rate the standards of the services you "
		    "were invited to validate.</p>\n");
	if (wm_grants_any(sc->grants, sc->n_grants, WM_ROLE_COMMISSIONER))
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/network\">Your "
		    "network</a>: whether the services you commission help "
		    "people recover, and where the standards stand.</p>\n");
}

/* A commissioner with no other role starts at their network. */
static int
only_commissioner(const struct wm_scope *sc)
{
	size_t i;

	if (sc->own_person || !sc->n_grants)
		return 0;
	for (i = 0; i < sc->n_grants; i++)
		if (sc->grants[i].role != WM_ROLE_COMMISSIONER)
			return 0;
	return 1;
}

static int
show_account(void *ctx, const struct wm_account_row *a)
{
	struct wm_http *h = ctx;

	/* An email address is one long word: let it break at 320 px. */
	HTML(h, "<p class=\"nhsuk-body nhsuk-u-text-break-word\">You are "
	    "signed in as ");
	wm_esc_html_s(&h->out, a->name);
	HTML(h, " (");
	wm_esc_html_s(&h->out, a->email);
	HTML(h, ").</p>\n");
	return 1;
}

/* The account's roles in words, a line for each role (and, for a
 * validator, each stakeholder group) with the units it is held at:
 * "Practitioner: Exbridge Recovery Team, Tavmouth CMHT". The rows come
 * ordered by role, group and unit name. */
struct roles {
	struct wm_http *h;
	char last[64];		/* the line being written: "role/group" */
};

static int
role_item(void *ctx, const struct wm_grant_row *g)
{
	struct roles *r = ctx;
	struct wm_http *h = r->h;
	enum wm_stakeholder group = WM_STAKEHOLDER_NONE;
	enum wm_role role;
	char key[64];

	if (wm_role_parse(g->role, &role))
		return 0;	/* a role this program does not know */
	if (g->stakeholder &&
	    wm_stakeholder_from_code(g->stakeholder, &group))
		group = WM_STAKEHOLDER_NONE;
	snprintf(key, sizeof(key), "%s/%s", g->role,
	    wm_stakeholder_code(group));
	if (strcmp(key, r->last) == 0) {
		HTML(h, ", ");
		wm_esc_html_s(&h->out, g->unit_name);
		return 0;
	}
	if (r->last[0])
		HTML(h, "</li>\n<li>");
	else
		HTML(h, "<h2 class=\"nhsuk-heading-s\">Your roles</h2>\n"
		    "<ul class=\"nhsuk-list\">\n<li>");
	snprintf(r->last, sizeof(r->last), "%s", key);
	wm_esc_html_s(&h->out, wm_role_words(role));
	if (group != WM_STAKEHOLDER_NONE) {
		HTML(h, ", as a ");
		wm_esc_html_s(&h->out, wm_stakeholder_name(group));
	}
	HTML(h, ": ");
	wm_esc_html_s(&h->out, g->unit_name);
	return 0;
}

static int
show_roles(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct roles r = { h, "" };
	int ok;

	ok = wm_page_store_ok(h, wm_store_account_grants(h->store,
	    h->who.account_id, role_item, &r, &err), &err);
	if (ok && r.last[0])
		HTML(h, "</li>\n</ul>\n");
	wm_buf_release(&err);
	return ok ? 0 : -1;
}

/* Each opening of the person's plans in a crisis they have not been
 * told of, said once at the top of their home page, then marked told. */
struct told {
	struct wm_http *h;
	int64_t last;
};

static int
crisis_item(void *ctx, const struct wm_plan_view_row *v)
{
	struct told *t = ctx;
	struct wm_http *h = t->h;
	struct wm_buf title = WM_BUF_INIT;
	char when[64];

	if (!t->last)
		HTML(h, "<div class=\"nhsuk-warning-callout\">\n<h2 class=\""
		    "nhsuk-warning-callout__label\">Your plans were opened in a "
		    "crisis</h2>\n");
	t->last = v->id;
	wm_plan_title(h, v->family, &title);
	wm_datetime_words(v->at, when, sizeof(when));
	HTML(h, "<p>");
	wm_esc_html_s(&h->out, wm_buf_str(&title));
	HTML(h, " was opened by ");
	wm_plan_viewer_words(h, v);
	HTML(h, " on ");
	wm_esc_html_s(&h->out, when);
	HTML(h, ", because: ");
	wm_esc_html_s(&h->out, v->reason ? v->reason : "");
	HTML(h, "</p>\n");
	wm_buf_release(&title);
	return 0;
}

static int
crisis_openings(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	struct told t = { h, 0 };
	int rc = wm_store_plan_crisis_untold(h->store, person, crisis_item, &t,
	    &err);

	if (rc == 0 && t.last) {
		HTML(h, "<p><a href=\"/plans/views\">Who has seen my plans"
		    "</a></p>\n</div>\n");
		rc = wm_store_plan_crisis_told(h->store, person, t.last, &err);
	}
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static int
count_row(void *ctx, const struct wm_plan_suggestion_row *s)
{
	(void)s;
	++*(int64_t *)ctx;
	return 0;
}

/* Versions written with the person, and changes suggested to their
 * plans, waiting for them to agree or decline. */
static int
waiting_row(void *ctx, const struct wm_plan_row *p)
{
	struct wm_http *h = ctx;
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT;
	int64_t n = 0;
	int rc;

	rc = wm_store_plan_suggestions(h->store, p->id, 1, count_row, &n,
	    &err);
	if (rc == 0 && n) {
		wm_plan_title(h, p->family, &title);
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\"><a href=\"/plans/");
		wm_buf_printf(&h->out, "%lld", (long long)p->id);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, wm_buf_str(&title));
		HTML(h, "</a>: a change is waiting for you to agree or "
		    "decline.</p>\n</div>\n");
	}
	wm_buf_release(&title);
	if (rc)
		wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static int
waiting_for_you(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_plans(h->store, person, waiting_row, h, &err);

	if (rc && !h->failed)
		wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

/* Plans shared with the account: a supporter's whole reason to sign in,
 * listed; staff, whose teams may be shared many, are led to the list. */
static int
shared_plans(struct wm_http *h)
{
	const struct wm_scope *sc = &h->scope;
	/* A supporter is shared a person's few plans: the first page. */
	const struct wm_paging first = { 1, 50, 0 };
	int any;

	if (wm_grants_any(sc->grants, sc->n_grants, WM_ROLE_PRACTITIONER)) {
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/plans/shared\">"
		    "Plans shared with you</a>: people's own plans that they "
		    "share with you or your team.</p>\n");
		return 0;
	}
	if (sc->n_grants)
		return 0;	/* no one shares a plan with other roles */
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Plans shared with you</h2>\n");
	if ((any = wm_plans_shared_list(h, &first)) < 0)
		return -1;
	if (!any)
		HTML(h, "<p class=\"nhsuk-body\">No one is sharing a plan with "
		    "you now. When someone does, it is listed here.</p>\n");
	return 0;
}

void
wm_page_home(struct wm_http *h)
{
	const struct wm_scope *sc = &h->scope;
	struct wm_buf err = WM_BUF_INIT;

	if (only_commissioner(sc)) {
		wm_http_redirect(h, "/network");
		return;
	}
	wm_page_start(h, "Home");
	if (sc->own_person && (crisis_openings(h, sc->own_person) ||
	    waiting_for_you(h, sc->own_person)))
		goto out;
	if (!wm_page_store_ok(h, wm_store_account_get(h->store,
	    h->who.account_id, show_account, h, &err), &err) || show_roles(h))
		goto out;
	if (!sc->own_person && shared_plans(h))
		goto out;
	if (sc->own_person) {
		if (whats_due(h, sc->own_person))
			goto out;
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/measures\">"
		    "Answer your measures</a>: your recovery markers, your "
		    "shared needs and how the service supports you.</p>\n"
		    "<p class=\"nhsuk-body\"><a href=\"/journey\">My journey"
		    "</a>: how your answers have changed over time.</p>\n"
		    "<p class=\"nhsuk-body\"><a href=\"/goals\">My goals</a>: "
		    "what you want for yourself, and how far along you are."
		    "</p>\n<p class=\"nhsuk-body\"><a href=\"/plans\">My plans"
		    "</a>: your own plans for staying well and for a crisis, "
		    "and who can see them.</p>\n<p class=\"nhsuk-body\"><a "
		    "href=\"/my-record\">Download my record</a>: everything "
		    "held about you.</p>\n");
	}
	if (wm_home_practitioner(h) || wm_home_lead(h) ||
	    wm_home_validator(h))
		goto out;
	if (!sc->own_person && (wm_grants_any(sc->grants, sc->n_grants,
	    WM_ROLE_PRACTITIONER) || wm_grants_any(sc->grants, sc->n_grants,
	    WM_ROLE_LEAD))) {
		HTML(h, "<p class=\"nhsuk-body\"><a href=\"/caseload\">"
		    "Caseload</a>: the people your services support.</p>\n"
		    "<p class=\"nhsuk-body\"><a class=\"nhsuk-button\" href=\""
		    "/reflect\">Reflect on an interaction</a></p>\n"
		    "<p class=\"nhsuk-body\"><a href=\"/reflections\">Your "
		    "Ten Top Tips over time</a>: only you see it. <a href=\""
		    "/measures\">Your own forms</a>: your own shared needs, "
		    "and the Ten Top Tips with a draft kept.</p>\n");
	}
	services_link(h);
	if (wm_grants_any(sc->grants, sc->n_grants, WM_ROLE_ADMIN) &&
	    wm_admin_home(h))
		goto out;
	wm_page_end(h);
out:
	wm_buf_release(&err);
}
