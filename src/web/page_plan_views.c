/*
 * Who has seen a person's plans (their own page: every read by anyone
 * else, with who, their role, when and, for a crisis opening, why), the
 * plans shared with whoever is signed in (a practitioner's, a
 * supporter's), and a practitioner opening a plan in a crisis, with a
 * reason, when its owner has allowed it.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/plan.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/caseload.h"
#include "web/layout.h"
#include "web/paging.h"
#include "web/plan_view.h"
#include "web/scope.h"

/* The most reads listed on the page; the record download has them all. */
#define MAX_VIEWS 500

struct views {
	struct wm_http *h;
	int any;
};

/* "Jo Smith (Practitioner, Exbridge Recovery Team)", "Sam Lee (your
 * supporter)". */
void
wm_plan_viewer_words(struct wm_http *h, const struct wm_plan_view_row *v)
{
	wm_esc_html_s(&h->out, v->account_name);
	if (v->supporter) {
		HTML(h, " (your supporter)");
	} else if (v->role && v->unit_name) {
		HTML(h, " (");
		if (strcmp(v->role, "practitioner") == 0)
			HTML(h, "Practitioner, ");
		else
			HTML(h, "Service lead, ");
		wm_esc_html_s(&h->out, v->unit_name);
		HTML(h, ")");
	}
}

static int
view_row(void *ctx, const struct wm_plan_view_row *v)
{
	struct views *vs = ctx;
	struct wm_http *h = vs->h;
	struct wm_buf title = WM_BUF_INIT;
	char when[64];

	if (!vs->any++) {
		static const char *const heads[] = { "When", "Who", "Which plan",
		    "How" };

		wm_table_start(h, "Who has seen your plans", 1, heads, 4);
	}
	wm_datetime_words(v->at, when, sizeof(when));
	wm_plan_title(h, v->family, &title);
	HTML(h, "<tr class=\"nhsuk-table__row\">\n");
	wm_td_start(h, "When");
	wm_esc_html_s(&h->out, when);
	HTML(h, "</span></td>\n");
	wm_td_start(h, "Who");
	wm_plan_viewer_words(h, v);
	HTML(h, "</span></td>\n");
	wm_td_start(h, "Which plan");
	wm_esc_html_s(&h->out, wm_buf_str(&title));
	wm_buf_printf(&h->out, ", version %lld", (long long)v->n);
	HTML(h, "</span></td>\n");
	wm_td_start(h, "How");
	if (strcmp(v->how, "crisis") == 0) {
		HTML(h, "Opened in a crisis, because: ");
		wm_esc_html_s(&h->out, v->reason ? v->reason : "");
	} else if (strcmp(v->how, "team") == 0) {
		HTML(h, "You shared it with their care team");
	} else {
		HTML(h, "You shared it with them");
	}
	HTML(h, "</span></td>\n</tr>\n");
	wm_buf_release(&title);
	return 0;
}

void
wm_page_plan_views(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct views vs = { h, 0 };
	int64_t person = wm_page_own_person(h);

	if (!person)
		return;
	wm_page_start_back(h, "Who has seen my plans", "/plans",
	    "Back to your plans");
	HTML(h, "<p class=\"nhsuk-body\">Every time someone else read one of "
	    "your plans, newest first. You see your own plans without it "
	    "being listed here.</p>\n");
	if (wm_page_store_ok(h, wm_store_plan_views(h->store, person, 0,
	    MAX_VIEWS, view_row, &vs, &err), &err)) {
		if (vs.any)
			HTML(h, "</tbody>\n</table>\n</div>\n");
		else
			HTML(h, "<p class=\"nhsuk-body\">No one else has seen "
			    "your plans.</p>\n");
		wm_page_end(h);
	}
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* Shared with me                                                      */

struct shared {
	struct wm_http *h;
	int any;
};

static int
shared_row(void *ctx, const struct wm_plan_row *p)
{
	struct shared *s = ctx;
	struct wm_http *h = s->h;
	struct wm_buf title = WM_BUF_INIT;

	if (!p->latest)
		return 0;	/* nothing finished to read yet */
	if (!s->any++)
		HTML(h, "<ul class=\"nhsuk-list\">\n");
	wm_plan_title(h, p->family, &title);
	HTML(h, "<li><a href=\"/plans/");
	wm_buf_printf(&h->out, "%lld", (long long)p->id);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, p->person_name ? p->person_name : "");
	HTML(h, ": ");
	wm_esc_html_s(&h->out, wm_buf_str(&title));
	HTML(h, "</a></li>\n");
	wm_buf_release(&title);
	return 0;
}

/* A care team may be shared many plans: 50 to a page, as a caseload. */
#define SHARED_PER_PAGE 50

int
wm_plans_shared_list(struct wm_http *h, const struct wm_paging *p)
{
	struct wm_buf err = WM_BUF_INIT;
	struct shared s = { h, 0 };
	char today[11];
	int rc;

	wm_scope_today(h, today);
	rc = wm_store_plans_shared_with(h->store, h->who.account_id, today,
	    wm_paging_offset(p), p->per_page, shared_row, &s, &err);
	if (wm_page_store_ok(h, rc, &err) && s.any)
		HTML(h, "</ul>\n");
	wm_buf_release(&err);
	return rc ? -1 : s.any;
}

void
wm_page_plans_shared(struct wm_http *h)
{
	struct wm_paging p = { 1, SHARED_PER_PAGE, 0 };
	struct wm_buf err = WM_BUF_INIT;
	char today[11];
	int any;

	if (wm_paging_parse(h, &p.page)) {
		wm_page_not_found(h);
		return;
	}
	wm_scope_today(h, today);
	if (!wm_page_store_ok(h, wm_store_plans_shared_count(h->store,
	    h->who.account_id, today, &p.total, &err), &err))
		goto out;
	if (p.page > wm_paging_pages(&p)) {
		wm_page_not_found(h);
		goto out;
	}
	wm_page_start(h, "Plans shared with you");
	HTML(h, "<p class=\"nhsuk-body\">People can share their own plans "
	    "with you. You can read them, not change them; they can stop "
	    "sharing at any time, and they see each time you look.</p>\n");
	wm_paging_summary(h, &p, "plan", "plans");
	if ((any = wm_plans_shared_list(h, &p)) < 0)
		goto out;
	if (!any)
		HTML(h, "<p class=\"nhsuk-body\">No one is sharing a plan with "
		    "you now.</p>\n");
	wm_paging_nav(h, &p, "/plans/shared?");
	wm_page_end(h);
out:
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* In a crisis                                                         */

static void
crisis_form(struct wm_http *h, const char *problem)
{
	static const char hint[] = "At least 10 characters. The person will "
	    "read this.";
	char action[64];

	struct wm_buf title = WM_BUF_INIT, back = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;

	if (wm_plan_named(h, &p, &names))
		return;
	wm_buf_puts(&title, "Open in a crisis: ");
	wm_plan_title(h, p.family, &title);
	wm_buf_puts(&title, " of ");
	if (wm_person_named(h, p.person_id, &title))
		goto out;
	wm_buf_puts(&back, "/people/");
	wm_esc_url_s(&back, p.person_ident);
	wm_buf_puts(&back, "/plans");
	wm_page_start_back(h, wm_buf_str(&title), wm_buf_str(&back),
	    "Back to their plans");
	if (problem)
		wm_error_summary(h, "reason", problem);
	HTML(h, "<p class=\"nhsuk-body\">The person has allowed a practitioner "
	    "of their service to open this plan if they are in crisis. They "
	    "will be told that you opened it, when, and your reason, in your "
	    "words.</p>\n");
	snprintf(action, sizeof(action), "/plans/%lld/crisis-open",
	    (long long)h->scope.plan_id);
	wm_post_form_start(h, action);
	wm_form_group_start(h, "reason", "Why you need to open it now",
	    hint, problem);
	HTML(h, "<textarea class=\"nhsuk-textarea");
	if (problem)
		HTML(h, " nhsuk-textarea--error");
	HTML(h, "\" id=\"reason\" name=\"reason\" rows=\"3\"");
	wm_described_by(h, "reason", hint, problem);
	HTML(h, ">");
	wm_esc_html_s(&h->out, wm_form_get(&h->form, "reason") ?
	    wm_form_get(&h->form, "reason") : "");
	HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button\" "
	    "type=\"submit\">Open the plan</button>\n</form>\n");
	wm_page_end(h);
out:
	wm_buf_release(&title);
	wm_buf_release(&back);
}

void
wm_page_plan_crisis(struct wm_http *h)
{
	crisis_form(h, NULL);
}

void
wm_page_plan_crisis_open(struct wm_http *h)
{
	const char *reason = wm_form_get(&h->form, "reason"), *problem;

	if ((problem = wm_plan_crisis_reason_problem(reason))) {
		h->status = 400;
		crisis_form(h, problem);
		return;
	}
	wm_plan_show(h, -1, reason);
}

/* ------------------------------------------------------------------ */
/* Which plans a person has, for their care team                       */

struct theirs {
	struct wm_http *h;
	int64_t person;
	const char *ident;
	char today[11];
	int practitioner;	/* of one of the person's services */
};

/* How the account may read plan p and work on it with its owner: the
 * same decisions as the plan's own pages make, from the same facts. */
struct may {
	enum wm_plan_reader read;
	int64_t crisis, together, suggest;
};

static int
may_of(struct wm_http *h, int64_t plan, const char *today, struct may *m)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_access_facts af;
	int64_t teams[32], units[32], unit;
	int rc;

	memset(&af, 0, sizeof(af));
	af.signed_in = 1;
	af.own_person = h->scope.own_person;
	af.grants = h->scope.grants;
	af.n_grants = h->scope.n_grants;
	rc = wm_store_plan_facts(h->store, plan, h->who.account_id, today,
	    &af.plan, teams, units, 32, &err);
	if (wm_page_store_ok(h, rc, &err)) {
		m->read = wm_plan_reader(&af, &unit);
		m->crisis = wm_plan_crisis_unit(&af);
		m->together = wm_plan_staff_unit(&af, 0);
		m->suggest = wm_plan_staff_unit(&af, 1);
	}
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

struct mine {
	const char *family;
	int64_t id, latest;
	int found;
};

static int
mine_row(void *ctx, const struct wm_plan_row *p)
{
	struct mine *m = ctx;

	if (strcmp(p->family, m->family) == 0) {
		m->found = 1;
		m->id = p->id;
		m->latest = p->latest;
	}
	return 0;
}

static void
plan_href(struct wm_http *h, int64_t plan, const char *tail,
    const char *words)
{
	HTML(h, "<a href=\"/plans/");
	wm_buf_printf(&h->out, "%lld", (long long)plan);
	wm_esc_attr_s(&h->out, tail);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</a>");
}

static int
their_plan(void *ctx, int64_t template, const struct wm_instrument *in)
{
	struct theirs *t = ctx;
	struct wm_http *h = t->h;
	struct wm_buf err = WM_BUF_INIT, action = WM_BUF_INIT;
	struct mine m = { in->family, 0, 0, 0 };
	struct may may = { WM_PLAN_NOT_SHARED, 0, 0, 0 };

	(void)template;
	if (!wm_page_store_ok(h, wm_store_plans(h->store, t->person, mine_row,
	    &m, &err), &err) || (m.found && may_of(h, m.id, t->today, &may))) {
		wm_buf_release(&err);
		return -1;
	}
	wm_buf_release(&err);
	HTML(h, "<li class=\"wm-plan-item\">\n<h2 class=\"nhsuk-heading-s\">");
	wm_esc_html_s(&h->out, in->title);
	HTML(h, "</h2>\n<p class=\"nhsuk-body\">");
	if (!m.found && !(t->practitioner && wm_plan_together_kind(in))) {
		HTML(h, "Not started.</p>\n</li>\n");
		return 0;
	}
	if (!m.found) {
		HTML(h, "Not started.</p>\n");
		wm_buf_puts(&action, "/people/");
		wm_esc_url_s(&action, t->ident);
		wm_buf_puts(&action, "/plans");
		wm_post_form_start(h, wm_buf_str(&action));
		HTML(h, "<input type=\"hidden\" name=\"plan\" value=\"");
		wm_esc_attr_s(&h->out, in->family);
		HTML(h, "\">\n<button class=\"nhsuk-button "
		    "nhsuk-button--secondary\" type=\"submit\">Make it "
		    "together<span class=\"nhsuk-u-visually-hidden\">: ");
		wm_esc_html_s(&h->out, in->title);
		HTML(h, "</span></button>\n</form>\n</li>\n");
		wm_buf_release(&action);
		return 0;
	}
	if (may.read != WM_PLAN_NOT_SHARED) {
		if (may.read == WM_PLAN_TEAM)
			HTML(h, "Shared with your team. ");
		else
			HTML(h, "Shared with you. ");
		if (m.latest)
			plan_href(h, m.id, "", "Read it");
		if (may.together && wm_plan_together_kind(in)) {
			if (m.latest)
				HTML(h, " | ");
			plan_href(h, m.id, "/together", "Change it together");
		}
		if (m.latest && may.suggest) {
			HTML(h, " | ");
			plan_href(h, m.id, "/suggest", "Suggest a change");
		}
	} else if (may.together && wm_plan_together_kind(in)) {
		HTML(h, "Started, nothing written yet. ");
		plan_href(h, m.id, "/together", "Write it together");
	} else {
		HTML(h, "Not shared with you.");
		if (may.crisis && m.latest) {
			HTML(h, " They allow it to be opened in a crisis: ");
			plan_href(h, m.id, "/crisis", "open it in a crisis");
			HTML(h, ", giving your reason.");
		}
	}
	HTML(h, "</p>\n</li>\n");
	return 0;
}

void
wm_page_person_plans(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT;
	struct theirs t = { h, wm_scope_person(h), NULL, "", 0 };

	if (!t.person || wm_scope_viewed(h, NULL) ||
	    wm_person_named(h, t.person, &title))
		goto out;
	t.ident = h->scope.person_ident;
	wm_scope_today(h, t.today);
	if ((t.practitioner = wm_practitioner_of(h, t.person)) < 0)
		goto out;
	wm_buf_puts(&title, ": their plans");
	wm_person_page_start(h, wm_buf_str(&title));
	if (wm_http_query(h, "together"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Saved. It becomes their plan, made together "
		    "with you, when they agree it on their own sign-in.</p>\n"
		    "</div>\n");
	else if (wm_http_query(h, "suggested"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Your suggestion is with them. They decide "
		    "whether their plan changes.</p>\n</div>\n");
	HTML(h, "<p class=\"nhsuk-body\">The person's own plans. You can read "
	    "one only if they share it with you or your team; they decide, "
	    "and they see each time it is read.</p>\n");
	if (t.practitioner)
		HTML(h, "<p class=\"nhsuk-body\">You can write a joint crisis "
		    "plan or a safety plan with them, or suggest a change to a "
		    "plan they share with you: they agree it, or not, on their "
		    "own sign-in, and only then does their plan change.</p>\n");
	HTML(h, "<ul class=\"nhsuk-list\">\n");
	if (!wm_page_store_ok(h, wm_plan_templates(h->store, NULL,
	    their_plan, &t, &err), &err))
		goto out;
	HTML(h, "</ul>\n");
	wm_page_end(h);
out:
	wm_buf_release(&err);
	wm_buf_release(&title);
}
