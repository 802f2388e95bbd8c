/*
 * Who can see a plan, as its owner decides: the shares going now, each
 * with a button that stops it at once; a form to share it with whom they
 * may (web/plan_targets.h), until a day or until they stop it; crisis access, for a
 * plan whose template allows it; and the shares that have ended. Only
 * the plan's owner reaches these pages (WM_RULE_PLAN_OWNER).
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan.h"
#include "util/date.h"
#include "util/escape.h"
#include "web/date_input.h"
#include "web/layout.h"
#include "web/params.h"
#include "web/plan_targets.h"
#include "web/plan_view.h"
#include "web/scope.h"

/* ------------------------------------------------------------------ */
/* The page                                                            */

struct shares {
	struct wm_http *h;
	int64_t plan;
	int any;
	char today[11];
	const struct wm_share_targets *now;	/* whom they may share with */
};

static void
share_who(struct wm_http *h, const struct wm_plan_share_row *r)
{
	if (r->unit_id) {
		HTML(h, "The care team of ");
		wm_esc_html_s(&h->out, r->unit_name);
		return;
	}
	wm_esc_html_s(&h->out, r->account_name);
	if (r->supporter)
		HTML(h, " (your supporter)");
}

static int
team_now(const struct wm_share_targets *t, int64_t unit)
{
	char value[40];

	snprintf(value, sizeof(value), "team:%lld", (long long)unit);
	return wm_share_target_value(t, value) != NULL;
}

static int
current_row(void *ctx, const struct wm_plan_share_row *r)
{
	struct shares *s = ctx;
	struct wm_http *h = s->h;
	char until[40], action[96];

	if (!s->any++) {
		static const char *const heads[] = { "Who", "Until",
		    "Stop" };

		wm_table_start(h, "Shared now", 1, heads, 3);
	}
	HTML(h, "<tr class=\"nhsuk-table__row\">\n");
	wm_td_start(h, "Who");
	share_who(h, r);
	/* A share reaches its reader only while they are whom the person
	 * may share with: a practitioner or team of a service they use
	 * now, or their supporter. */
	if (!(r->unit_id ? team_now(s->now, r->unit_id) :
	    wm_share_target_account(s->now, r->account_id) != NULL))
		HTML(h, ". Paused: they cannot see it while you are not on "
		    "that service's caseload");
	HTML(h, "</span></td>\n");
	wm_td_start(h, "Until");
	if (r->until) {
		wm_date_words(r->until, until, sizeof(until));
		HTML(h, "the end of ");
		wm_esc_html_s(&h->out, until);
	} else {
		HTML(h, "you stop it");
	}
	HTML(h, "</span></td>\n");
	wm_td_start(h, "Stop");
	snprintf(action, sizeof(action), "/plans/%lld/shares/%lld/stop",
	    (long long)s->plan, (long long)r->id);
	wm_post_form_start(h, action);
	HTML(h, "<button class=\"nhsuk-button nhsuk-button--secondary "
	    "nhsuk-u-margin-bottom-0\" type=\"submit\">Stop sharing<span "
	    "class=\"nhsuk-u-visually-hidden\"> with ");
	share_who(h, r);
	HTML(h, "</span></button>\n</form>\n</span></td>\n</tr>\n");
	return 0;
}

static int
ended_row(void *ctx, const struct wm_plan_share_row *r)
{
	struct shares *s = ctx;
	struct wm_http *h = s->h;
	char when[64];
	int lapsed = r->until && strcmp(r->until, s->today) < 0;

	if (!r->stopped && !lapsed)
		return 0;
	if (!s->any++)
		HTML(h, "<h2 class=\"nhsuk-heading-m\">Sharing that has "
		    "ended</h2>\n<ul class=\"nhsuk-list\">\n");
	HTML(h, "<li>");
	share_who(h, r);
	if (r->stopped) {
		wm_datetime_words(r->stopped, when, sizeof(when));
		HTML(h, ": you stopped it on ");
	} else {
		wm_date_words(r->until, when, sizeof(when));
		HTML(h, ": it ran until the end of ");
	}
	wm_esc_html_s(&h->out, when);
	HTML(h, "</li>\n");
	return 0;
}

static void
share_form(struct wm_http *h, int64_t plan, const struct wm_share_targets *c,
    const char *with, const char *with_problem, const char *until_problem)
{
	static const char *const groups[] = { "Care teams of your services",
	    "Practitioners of your services", "Your supporters" };
	/* In the order of enum wm_share_kind. */
	static const char hint[] = "They will be able to read this plan, not "
	    "change it, and you will see each time they look.";
	char action[64];
	size_t g, i;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Share it</h2>\n");
	if (c->n == 0) {
		HTML(h, "<p class=\"nhsuk-body\">There is no one to share it "
		    "with yet. You can share it with the care team of a "
		    "service you use, one of its practitioners, or a "
		    "supporter you invite. <a href=\"/supporters\">Invite a "
		    "supporter</a>.</p>\n");
		return;
	}
	snprintf(action, sizeof(action), "/plans/%lld/shares",
	    (long long)plan);
	wm_post_form_start(h, action);
	wm_form_group_start(h, "with", "Who to share it with", hint,
	    with_problem);
	HTML(h, "<select class=\"nhsuk-select");
	if (with_problem)
		HTML(h, " nhsuk-select--error");
	HTML(h, "\" id=\"with\" name=\"with\"");
	wm_described_by(h, "with", hint, with_problem);
	HTML(h, ">\n");
	wm_option(h, "", "Choose who", with ? with : "");
	for (g = 0; g < 3; g++) {
		int open = 0;

		for (i = 0; i < c->n; i++) {
			if (c->v[i].kind != (enum wm_share_kind)g)
				continue;
			if (!open++) {
				HTML(h, "<optgroup label=\"");
				wm_esc_attr_s(&h->out, groups[g]);
				HTML(h, "\">\n");
			}
			wm_option(h, c->v[i].value, c->v[i].words, with);
		}
		if (open)
			HTML(h, "</optgroup>\n");
	}
	HTML(h, "</select>\n</div>\n");
	wm_date_field(h, "until", "Share it until (optional)", "The last day "
	    "they can read it. Leave it empty to share it until you stop it. "
	    "For example, 31 3 2027", until_problem);
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Share it"
	    "</button>\n</form>\n<p class=\"nhsuk-body\"><a href=\""
	    "/supporters\">Invite a supporter</a></p>\n");
}

static void
crisis_part(struct wm_http *h, const struct wm_plan_row *p)
{
	char action[64];

	HTML(h, "<h2 class=\"nhsuk-heading-m\">In a crisis</h2>\n");
	if (p->crisis_access)
		HTML(h, "<p class=\"nhsuk-body\">On: a practitioner of a "
		    "service you use can open this plan if you are in crisis, "
		    "by giving a reason. You will be told each time, with "
		    "their reason.</p>\n");
	else
		HTML(h, "<p class=\"nhsuk-body\">Off: no one can open this "
		    "plan unless you share it. You can let a practitioner of a "
		    "service you use open it if you are in crisis, by giving "
		    "a reason. You would be told each time, with their "
		    "reason.</p>\n");
	snprintf(action, sizeof(action), "/plans/%lld/crisis-access",
	    (long long)p->id);
	wm_post_form_start(h, action);
	if (p->crisis_access)
		HTML(h, "<input type=\"hidden\" name=\"crisis\" value=\"off\">"
		    "\n<button class=\"nhsuk-button nhsuk-button--secondary\" "
		    "type=\"submit\">Turn crisis access off</button>\n</form>\n");
	else
		HTML(h, "<input type=\"hidden\" name=\"crisis\" value=\"on\">"
		    "\n<button class=\"nhsuk-button nhsuk-button--secondary\" "
		    "type=\"submit\">Turn crisis access on</button>\n</form>\n");
}

static int
crisis_allowed(void *ctx, int64_t id, const struct wm_instrument *in)
{
	(void)id;
	*(int *)ctx = in->crisis_access;
	return 1;
}

static void
page(struct wm_http *h, const char *with, const char *with_problem,
    const char *until_problem)
{
	struct wm_buf err = WM_BUF_INIT, title = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	struct wm_share_targets *c = NULL;
	struct shares s = { h, 0, 0, "", NULL };
	int crisis = 0;

	if (wm_plan_named(h, &p, &names))
		return;
	if (!(c = calloc(1, sizeof(*c)))) {
		wm_page_error(h, 500, "Sorry, there is a problem", "Try again.");
		return;
	}
	if (wm_share_targets_load(h, p.person_id, c) ||
	    !wm_page_store_ok(h, wm_plan_templates(h->store, p.family,
	    crisis_allowed, &crisis, &err), &err))
		goto out;
	wm_plan_title(h, p.family, &title);
	wm_buf_puts(&title, ": who can see it");
	wm_page_start_back(h, wm_buf_str(&title), "/plans",
	    "Back to your plans");
	if (with_problem || until_problem) {
		const struct wm_field_error e[] = { { "with", with_problem },
		    { "until-day", until_problem } };

		wm_error_summary_list(h, e, 2);
	}
	if (wm_http_query(h, "stopped"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Sharing with them stopped, from now. The list "
		    "below shows who can still see this plan.</p>\n</div>\n");
	else if (wm_http_query(h, "shared"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Shared. You can stop sharing at any "
		    "time.</p>\n</div>\n");
	wm_scope_today(h, s.today);
	s.plan = p.id;
	s.now = c;
	if (!wm_page_store_ok(h, wm_store_plan_shares(h->store, p.id, s.today,
	    current_row, &s, &err), &err))
		goto out;
	if (s.any)
		HTML(h, "</tbody>\n</table>\n");
	else
		HTML(h, "<p class=\"nhsuk-body\">No one else can see this plan "
		    "now. It is yours alone.</p>\n");
	share_form(h, p.id, c, with, with_problem, until_problem);
	if (crisis)
		crisis_part(h, &p);
	s.any = 0;
	if (!wm_page_store_ok(h, wm_store_plan_shares(h->store, p.id, NULL,
	    ended_row, &s, &err), &err))
		goto out;
	if (s.any)
		HTML(h, "</ul>\n");
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"/plans/views\">Who has "
	    "seen my plans</a></p>\n");
	wm_page_end(h);
out:
	free(c);
	wm_buf_release(&err);
	wm_buf_release(&title);
}

void
wm_page_plan_sharing(struct wm_http *h)
{
	page(h, NULL, NULL, NULL);
}

void
wm_page_plan_share(struct wm_http *h)
{
	const char *with = wm_form_get(&h->form, "with");
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	struct wm_share_targets *c = NULL;
	const struct wm_share_target *t = NULL;
	struct wm_date today, until;
	const char *until_problem = NULL, *with_problem = NULL;
	char until_s[11], next[96];
	int64_t account, unit, id;
	int has_until;

	if (wm_plan_named(h, &p, &names))
		return;
	if (!(c = calloc(1, sizeof(*c)))) {
		wm_page_error(h, 500, "Sorry, there is a problem", "Try again.");
		return;
	}
	if (wm_share_targets_load(h, p.person_id, c))
		goto out;
	wm_date_from_days((long)(h->now / 86400), &today);
	has_until = wm_date_input_read(h, "until", &until);
	if (has_until < 0)
		until_problem = "The last day must be a real date, as day, "
		    "month and year: for example, 31 3 2027";
	else if (has_until > 0)
		until_problem = wm_plan_share_until_problem(&until, &today);
	/* Only someone the form offered: a hand-made value is no one. */
	if (!(t = wm_share_target_value(c, with)))
		with_problem = "Choose who to share it with";
	if (with_problem || until_problem) {
		h->status = 400;
		free(c);
		c = NULL;
		page(h, with, with_problem, until_problem);
		goto out;
	}
	account = t->kind == WM_SHARE_TEAM ? 0 : t->id;
	unit = t->kind == WM_SHARE_TEAM ? t->id : 0;
	if (has_until > 0)
		wm_date_format(&until, until_s);
	if (wm_page_store_ok(h, wm_store_plan_share_add(h->store, p.id,
	    account, unit, has_until > 0 ? until_s : NULL, &id, &err), &err) &&
	    wm_plan_audit(h, p.person_id, "shared a plan", p.id) == 0) {
		snprintf(next, sizeof(next), "/plans/%lld/sharing?shared=1",
		    (long long)p.id);
		wm_http_redirect(h, next);
	}
out:
	free(c);
	wm_buf_release(&err);
}

struct one_share {
	int64_t id;
	int found;
};

static int
one_share_row(void *ctx, const struct wm_plan_share_row *r)
{
	struct one_share *o = ctx;

	o->found |= r->id == o->id;
	return 0;
}

/* 0 if the plan has, or had, the share `id`; WM_STORE_NOT_FOUND if it
 * never did. */
static int
share_of(struct wm_http *h, int64_t plan, int64_t id, struct wm_buf *err)
{
	struct one_share o = { id, 0 };
	int rc = wm_store_plan_shares(h->store, plan, NULL, one_share_row, &o,
	    err);

	return rc ? rc : o.found ? 0 : WM_STORE_NOT_FOUND;
}

void
wm_page_plan_share_stop(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int64_t share = wm_route_number(&h->match, "share");
	char next[96];
	int rc;

	if (wm_plan_named(h, &p, &names))
		return;
	rc = share ? wm_store_plan_share_stop(h->store, p.id, share, &err) :
	    WM_STORE_NOT_FOUND;
	/* Stopped already (a second press) is what was asked for; a share
	 * this plan never had is not found. */
	if (rc == WM_STORE_NOT_FOUND && share && share_of(h, p.id, share,
	    &err) == 0)
		rc = -1;
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (rc == -1 || (wm_page_store_ok(h, rc, &err) &&
	    wm_plan_audit(h, p.person_id, "stopped sharing a plan",
	    p.id) == 0)) {
		snprintf(next, sizeof(next), "/plans/%lld/sharing?stopped=1",
		    (long long)p.id);
		wm_http_redirect(h, next);
	}
	wm_buf_release(&err);
}

void
wm_page_plan_crisis_set(struct wm_http *h)
{
	const char *v = wm_form_get(&h->form, "crisis");
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int crisis = 0;
	char next[96];

	if (wm_plan_named(h, &p, &names))
		return;
	if (!wm_page_store_ok(h, wm_plan_templates(h->store, p.family,
	    crisis_allowed, &crisis, &err), &err))
		goto out;
	if (!crisis || !v || (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)) {
		wm_page_error(h, 400, "Crisis access cannot be changed",
		    "This plan cannot be opened in a crisis.");
		goto out;
	}
	if (wm_page_store_ok(h, wm_store_plan_crisis_set(h->store, p.id,
	    strcmp(v, "on") == 0, &err), &err) && wm_plan_audit(h,
	    p.person_id, strcmp(v, "on") == 0 ? "turned crisis access on" :
	    "turned crisis access off", p.id) == 0) {
		snprintf(next, sizeof(next), "/plans/%lld/sharing",
		    (long long)p.id);
		wm_http_redirect(h, next);
	}
out:
	wm_buf_release(&err);
}
