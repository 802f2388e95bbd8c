/*
 * A person's own plans: the list of the plans they can make, starting
 * one, reading one (theirs, or one shared with the reader), and its
 * earlier versions. Who may read a plan is decided before any handler
 * runs (the route's rule, core/plan_access.c); a reader other than its
 * owner is logged, durably, before anything of the plan is sent.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/escape.h"
#include "web/caseload.h"
#include "web/layout.h"
#include "web/params.h"
#include "web/plan_form.h"
#include "web/plan_view.h"
#include "web/scope.h"

/* ------------------------------------------------------------------ */
/* The list                                                            */

struct listed {
	struct wm_http *h;
	int64_t person;
	int any;
};

struct found {
	int have;
	struct wm_plan_row row;
	char family[65], saved[32], draft[32], ident[65];
};

static int
found_row(void *ctx, const struct wm_plan_row *r)
{
	struct found *f = ctx;

	f->have = 1;
	f->row = *r;
	snprintf(f->family, sizeof(f->family), "%s", r->family);
	snprintf(f->saved, sizeof(f->saved), "%s", r->latest_saved ?
	    r->latest_saved : "");
	snprintf(f->draft, sizeof(f->draft), "%s", r->draft_saved ?
	    r->draft_saved : "");
	f->row.family = f->family;
	f->row.latest_saved = f->saved;
	f->row.draft_saved = f->draft;
	snprintf(f->ident, sizeof(f->ident), "%s", r->person_ident ?
	    r->person_ident : "");
	f->row.person_ident = f->ident;
	f->row.person_name = NULL;
	return 0;
}

struct mine {
	const char *family;
	struct found f;
};

static int
mine_row(void *ctx, const struct wm_plan_row *r)
{
	struct mine *m = ctx;

	return strcmp(r->family, m->family) == 0 ? found_row(&m->f, r) : 0;
}

static void
plan_link(struct wm_http *h, int64_t id, const char *tail, const char *words)
{
	HTML(h, "<a href=\"/plans/");
	wm_buf_printf(&h->out, "%lld", (long long)id);
	wm_esc_attr_s(&h->out, tail);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</a>");
}

static void
status(struct wm_http *h, const struct wm_plan_row *p)
{
	char when[64];

	HTML(h, "<p class=\"nhsuk-body\">");
	if (p->latest) {
		wm_datetime_words(p->latest_saved, when, sizeof(when));
		wm_buf_printf(&h->out, "Version %lld, finished on ",
		    (long long)p->latest);
		wm_esc_html_s(&h->out, when);
		HTML(h, ".");
	}
	if (p->has_draft) {
		wm_datetime_words(p->draft_saved, when, sizeof(when));
		if (p->latest)
			HTML(h, " You have changes saved part-way, on ");
		else
			HTML(h, "Saved part-way on ");
		wm_esc_html_s(&h->out, when);
		HTML(h, ".");
	}
	if (!p->latest && !p->has_draft)
		HTML(h, "Started, nothing written yet.");
	HTML(h, "</p>\n");
}

static int
template_item(void *ctx, int64_t id, const struct wm_instrument *in)
{
	struct listed *l = ctx;
	struct wm_http *h = l->h;
	struct wm_buf err = WM_BUF_INIT;
	struct mine m;

	(void)id;
	memset(&m, 0, sizeof(m));
	m.family = in->family;
	if (!wm_page_store_ok(h, wm_store_plans(h->store, l->person, mine_row,
	    &m, &err), &err)) {
		wm_buf_release(&err);
		return -1;
	}
	wm_buf_release(&err);
	l->any = 1;
	HTML(h, "<li class=\"wm-plan-item\" id=\"");
	wm_esc_attr_s(&h->out, in->family);
	HTML(h, "\">\n<h2 class=\"nhsuk-heading-m\">");
	wm_esc_html_s(&h->out, in->title);
	HTML(h, "</h2>\n");
	if (!m.f.have) {
		wm_post_form_start(h, "/plans");
		HTML(h, "<input type=\"hidden\" name=\"plan\" value=\"");
		wm_esc_attr_s(&h->out, in->family);
		HTML(h, "\">\n<button class=\"nhsuk-button "
		    "nhsuk-button--secondary\" type=\"submit\">Start<span "
		    "class=\"nhsuk-u-visually-hidden\"> ");
		wm_esc_html_s(&h->out, in->title);
		HTML(h, "</span></button>\n</form>\n</li>\n");
		return 0;
	}
	status(h, &m.f.row);
	HTML(h, "<ul class=\"nhsuk-list wm-plan-actions\">\n");
	if (m.f.row.latest) {
		HTML(h, "<li>");
		plan_link(h, m.f.row.id, "", "Read it");
		HTML(h, "</li>\n");
	}
	HTML(h, "<li>");
	plan_link(h, m.f.row.id, "/edit", m.f.row.has_draft ?
	    "Carry on writing it" : m.f.row.latest ? "Change it" :
	    "Write it");
	HTML(h, "</li>\n<li>");
	plan_link(h, m.f.row.id, "/sharing", "Who can see it");
	HTML(h, "</li>\n</ul>\n</li>\n");
	return 0;
}

void
wm_page_plans(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct listed l = { h, wm_page_own_person(h), 0 };

	if (!l.person)
		return;
	wm_page_start(h, "Your plans");
	HTML(h, "<p class=\"nhsuk-body\">Your plans are yours, in your own "
	    "words. You choose who can see each one, you can stop sharing "
	    "at any time, and you can see everyone who has looked.</p>\n"
	    "<ul class=\"nhsuk-list wm-plans\">\n");
	if (!wm_page_store_ok(h, wm_plan_templates(h->store, NULL,
	    template_item, &l, &err), &err))
		goto out;
	HTML(h, "</ul>\n");
	if (!l.any)
		HTML(h, "<p class=\"nhsuk-body\">There are no plans to make "
		    "yet: ask your service.</p>\n");
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"/plans/views\">Who has "
	    "seen my plans</a></p>\n<p class=\"nhsuk-body\"><a href=\""
	    "/supporters\">My supporters</a></p>\n");
	wm_page_end(h);
out:
	wm_buf_release(&err);
}

void
wm_page_plan_start(struct wm_http *h)
{
	const char *family = wm_form_get(&h->form, "plan");
	struct wm_buf err = WM_BUF_INIT;
	int64_t person = wm_page_own_person(h), template = 0, id = 0;
	char next[64];
	int rc;

	if (!person)
		return;
	if (!family || wm_plan_template_id(h, family, &template) ||
	    !template) {
		wm_page_error(h, 400, "There is no such plan",
		    "Choose a plan from your plans.");
		goto out;
	}
	rc = wm_store_plan_add(h->store, person, family, &id, &err);
	if (rc == WM_STORE_EXISTS || (wm_page_store_ok(h, rc, &err) &&
	    wm_plan_audit(h, person, "started a plan", id) == 0)) {
		snprintf(next, sizeof(next), "/plans/%lld/edit", (long long)id);
		wm_http_redirect(h, next);
	}
out:
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* Reading a plan                                                      */

/* The plan the path names (checked by its rule) into *row, its strings
 * in *names; 0, else -1 with the answer written. */
int
wm_plan_named(struct wm_http *h, struct wm_plan_row *row,
    struct wm_plan_names *names)
{
	struct wm_buf err = WM_BUF_INIT;
	struct found f;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = h->scope.plan_id ? wm_store_plan(h->store, h->scope.plan_id,
	    found_row, &f, &err) : WM_STORE_NOT_FOUND;
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err)) {
		*row = f.row;
		memcpy(names->family, f.family, sizeof(names->family));
		memcpy(names->ident, f.ident, sizeof(names->ident));
		row->family = names->family;
		row->person_ident = names->ident;
		row->latest_saved = row->draft_saved = NULL;
	}
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

int
wm_plan_audit(struct wm_http *h, int64_t person, const char *action,
    int64_t plan)
{
	struct wm_buf err = WM_BUF_INIT;
	char detail[40];
	int rc;

	snprintf(detail, sizeof(detail), "plan %lld", (long long)plan);
	rc = wm_http_audit(h, action, "person", person, plan ? detail : NULL,
	    &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static const char *
how_seen(const struct wm_scope *sc)
{
	if (sc->rule == WM_RULE_PLAN_CRISIS)
		return "crisis";
	return sc->plan_reader == WM_PLAN_TEAM ? "team" : "shared";
}

int
wm_plan_seen(struct wm_http *h, int64_t n, const char *reason)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	if (h->scope.plan_reader == WM_PLAN_OWNER)
		return 0;
	rc = wm_store_plan_viewed(h->store, h->scope.plan_id, n,
	    h->who.account_id, how_seen(&h->scope), h->scope.plan_unit,
	    reason, h->address, &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

/* Someone else's plan, headed with whose it is and how it reached them. */
static void
reader_start(struct wm_http *h, const struct wm_plan_doc *d,
    const struct wm_plan_row *p)
{
	struct wm_buf title = WM_BUF_INIT, back = WM_BUF_INIT;
	int crisis = h->scope.rule == WM_RULE_PLAN_CRISIS;

	/* Staff know people by name and identifier; a supporter, by the
	 * name alone. */
	if ((h->scope.n_grants ? wm_person_named(h, p->person_id, &title) :
	    wm_person_name(h, p->person_id, &title)) == 0) {
		wm_buf_puts(&title, ": ");
		wm_buf_puts(&title, d->in->title);
		if (crisis) {
			wm_buf_puts(&back, "/people/");
			wm_esc_url_s(&back, p->person_ident);
			wm_buf_puts(&back, "/plans");
		}
		wm_page_start_back(h, wm_buf_str(&title), crisis ?
		    wm_buf_str(&back) : "/plans/shared", crisis ?
		    "Back to their plans" : "Back to plans shared with you");
		if (h->scope.rule == WM_RULE_PLAN_CRISIS)
			HTML(h, "<div class=\"nhsuk-warning-callout\">\n<h2 "
			    "class=\"nhsuk-warning-callout__label\">Opened in "
			    "a crisis</h2>\n<p>The person will be told that "
			    "you opened it, and why.</p>\n</div>\n");
		else
			HTML(h, "<p class=\"nhsuk-body\">Shared with you by "
			    "the person. They can stop sharing at any time, "
			    "and they can see that you looked.</p>\n");
	}
	wm_buf_release(&title);
	wm_buf_release(&back);
}

struct suggestions {
	struct wm_http *h;
	int any;
};

static int
suggestion_item(void *ctx, const struct wm_plan_suggestion_row *sg)
{
	struct suggestions *s = ctx;
	struct wm_http *h = s->h;
	char when[64];

	if (!s->any++)
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<h2 class=\""
		    "nhsuk-heading-s\">Waiting for you to agree</h2>\n<ul "
		    "class=\"nhsuk-list\">\n");
	wm_datetime_words(sg->made, when, sizeof(when));
	HTML(h, "<li>");
	wm_esc_html_s(&h->out, sg->by_name);
	if (sg->together)
		HTML(h, " wrote a version with you");
	else
		HTML(h, " suggested a change");
	HTML(h, ", on ");
	wm_esc_html_s(&h->out, when);
	HTML(h, ": <a href=\"/plans/");
	wm_buf_printf(&h->out, "%lld/suggestions/%lld", (long long)sg->plan_id,
	    (long long)sg->id);
	HTML(h, "\">look at it and decide</a></li>\n");
	return 0;
}

/* The owner's open suggestions, to accept or decline: 0, else -1. */
static int
suggestions(struct wm_http *h, int64_t plan)
{
	struct wm_buf err = WM_BUF_INIT;
	struct suggestions s = { h, 0 };
	int ok = wm_page_store_ok(h, wm_store_plan_suggestions(h->store, plan,
	    1, suggestion_item, &s, &err), &err);

	if (ok && s.any)
		HTML(h, "</ul>\n</div>\n");
	wm_buf_release(&err);
	return ok ? 0 : -1;
}

static void
owner_actions(struct wm_http *h, const struct wm_plan_row *p,
    const struct wm_instrument *in)
{
	HTML(h, "<ul class=\"nhsuk-list wm-plan-actions\">\n<li>");
	plan_link(h, p->id, "/edit", p->has_draft ? "Carry on writing it" :
	    "Change it");
	HTML(h, "</li>\n<li>");
	plan_link(h, p->id, "/sharing", "Who can see it");
	HTML(h, "</li>\n<li>");
	plan_link(h, p->id, "/versions", "Earlier versions");
	if (wm_plan_has_card(in)) {
		HTML(h, "</li>\n<li>");
		plan_link(h, p->id, "/card", "A card for your wallet");
	}
	HTML(h, "</li>\n<li><a href=\"/plans/views\">Who has seen my "
	    "plans</a></li>\n</ul>\n<p class=\"nhsuk-body wm-no-print\">To "
	    "print your plan, or save it as a PDF, use your browser's print "
	    "command: only the plan is printed.</p>\n");
}

void
wm_plan_show(struct wm_http *h, int64_t n, const char *reason)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc d = WM_PLAN_DOC_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int owner = h->scope.plan_reader == WM_PLAN_OWNER &&
	    h->scope.rule != WM_RULE_PLAN_CRISIS;
	int rc;

	if (wm_plan_named(h, &p, &names))
		return;
	rc = wm_plan_doc_load(h->store, p.id, n, &d, &err);
	/* The owner of a plan not yet finished reads what they saved. */
	if (rc == WM_STORE_NOT_FOUND && owner && n < 0)
		rc = wm_plan_doc_load(h->store, p.id, 0, &d, &err);
	if (rc == WM_STORE_NOT_FOUND) {
		wm_page_not_found(h);
		goto out;
	}
	if (!wm_page_store_ok(h, rc, &err) || wm_plan_seen(h, d.n, reason))
		goto out;
	if (owner)
		wm_page_start_back(h, d.in->title, "/plans",
		    "Back to your plans");
	else
		reader_start(h, &d, &p);
	if (owner && n < 0 && wm_http_query(h, "declined"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">You declined the suggestion. Your plan is as "
		    "it was.</p>\n</div>\n");
	if (owner && n < 0 && wm_http_query(h, "saved"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Your plan is saved. This version is kept as "
		    "it is; change your plan at any time to make a new "
		    "one.</p>\n</div>\n");
	wm_plan_made(h, &d);
	if (owner && n < 0 && suggestions(h, p.id))
		goto out;
	if (owner && n < 0)
		owner_actions(h, &p, d.in);
	else if (owner) {
		HTML(h, "<p class=\"nhsuk-body\">This is an earlier version, "
		    "kept as it was. <a href=\"/plans/");
		wm_buf_printf(&h->out, "%lld", (long long)p.id);
		HTML(h, "\">Read the latest</a>.</p>\n");
	}
	wm_plan_body(h, &d, p.person_id, owner);
	wm_page_end(h);
out:
	wm_plan_doc_release(&d);
	wm_buf_release(&err);
}

void
wm_page_plan(struct wm_http *h)
{
	wm_plan_show(h, -1, NULL);
}

void
wm_page_plan_version(struct wm_http *h)
{
	int64_t n = wm_route_number(&h->match, "version");

	if (n)
		wm_plan_show(h, n, NULL);
	else
		wm_page_not_found(h);
}

struct versions {
	struct wm_http *h;
	int any;
};

static int
version_item(void *ctx, const struct wm_plan_version_row *v)
{
	struct versions *vs = ctx;
	struct wm_http *h = vs->h;
	char when[64], words[96];

	vs->any = 1;
	wm_datetime_words(v->saved, when, sizeof(when));
	snprintf(words, sizeof(words), "Version %lld", (long long)v->n);
	HTML(h, "<li>");
	HTML(h, "<a href=\"/plans/");
	wm_buf_printf(&h->out, "%lld/versions/%lld", (long long)v->plan_id,
	    (long long)v->n);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</a>, finished on ");
	wm_esc_html_s(&h->out, when);
	if (strcmp(v->respondent, "person-with-practitioner") == 0) {
		HTML(h, ", made together with ");
		wm_esc_html_s(&h->out, v->author_name ? v->author_name :
		    "a practitioner");
	}
	HTML(h, "</li>\n");
	return 0;
}

void
wm_page_plan_versions(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT;
	struct versions vs = { h, 0 };
	struct wm_plan_row p;
	struct wm_plan_names names;

	if (wm_plan_named(h, &p, &names))
		return;
	wm_plan_title(h, p.family, &title);
	wm_buf_puts(&title, ": every version");
	wm_page_start_back(h, wm_buf_str(&title), "/plans",
	    "Back to your plans");
	HTML(h, "<p class=\"nhsuk-body\">Each time you finish your plan, that "
	    "version is kept as it was. No one else can change it.</p>\n"
	    "<ul class=\"nhsuk-list\">\n");
	if (wm_page_store_ok(h, wm_store_plan_versions(h->store, p.id,
	    version_item, &vs, &err), &err)) {
		HTML(h, "</ul>\n");
		if (!vs.any)
			HTML(h, "<p class=\"nhsuk-body\">You have not finished "
			    "a version yet.</p>\n");
		wm_page_end(h);
	}
	wm_buf_release(&err);
	wm_buf_release(&title);
}

/* GET /plans/{plan}/card: the plan's wallet-size card, for its owner to
 * print and cut out. */
void
wm_page_plan_card(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc d = WM_PLAN_DOC_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int rc;

	if (wm_plan_named(h, &p, &names))
		return;
	rc = wm_plan_doc_load(h->store, p.id, -1, &d, &err);
	if (rc == WM_STORE_NOT_FOUND || (rc == 0 && !wm_plan_has_card(d.in)))
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err)) {
		wm_page_start_back(h, "A card for your wallet", "/plans",
		    "Back to your plans");
		HTML(h, "<p class=\"nhsuk-body wm-no-print\">Print this page, "
		    "cut out the card and fold it in half. It has the people "
		    "and services you can contact, from the latest version of "
		    "your plan.</p>\n");
		wm_plan_card(h, &d);
		wm_page_end(h);
	}
	wm_plan_doc_release(&d);
	wm_buf_release(&err);
}
