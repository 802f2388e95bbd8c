/*
 * A plan made together, and changes suggested. A practitioner of the
 * person's service writes a joint crisis plan or a safety plan with
 * them, sitting alongside (as a measure is answered together), or
 * suggests a change. Either waits for the person, who agrees it on their
 * own sign-in (it becomes their next version: made together, with who
 * was there and the day agreed, or as theirs) or declines it: their
 * words change only if they say so, and nothing they saved part-way of
 * their own is touched. The rules are core's
 * (WM_RULE_PLAN_TOGETHER, WM_RULE_PLAN_SUGGEST, WM_RULE_PLAN_OWNER);
 * reading the plan to do either is logged as any read is.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/caseload.h"
#include "web/date_input.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/params.h"
#include "web/plan_form.h"
#include "web/plan_view.h"
#include "web/scope.h"

#define MAX_NOTE 1000

enum mode { TOGETHER, SUGGEST };

/* The newsletter's joint crisis plans and negotiated safety plans are
 * the ones made together: a template says so by letting a person answer
 * with a practitioner. */
int
wm_plan_together_kind(const struct wm_instrument *in)
{
	return (in->respondents & WM_RESPONDENT_WITH_PRACTITIONER) != 0;
}

/* The person's plans page, for their care team: where these pages lead
 * back to, with `query` ("" or "?..."). */
static void
back_to(const char *ident, const char *query, char *out, size_t n)
{
	struct wm_buf b = WM_BUF_INIT;

	wm_buf_puts(&b, "/people/");
	wm_esc_url_s(&b, ident);
	wm_buf_puts(&b, "/plans");
	wm_buf_puts(&b, query);
	snprintf(out, n, "%s", wm_buf_str(&b));
	wm_buf_release(&b);
}

static void
form(struct wm_http *h, enum mode m, const struct wm_plan_row *p,
    const struct wm_plan_doc *t, const struct wm_diags *d,
    const struct wm_response *prefill, const char *empty,
    const char *date_problem, const char *note_problem)
{
	struct wm_buf title = WM_BUF_INIT;
	struct wm_date today;
	char action[64], back[200];

	back_to(p->person_ident, "", back, sizeof(back));
	wm_buf_puts(&title, t->in->title);
	wm_buf_puts(&title, m == TOGETHER ? ", together with " :
	    ": a change to suggest to ");
	if (wm_person_named(h, p->person_id, &title))
		goto out;
	wm_page_start_back(h, wm_buf_str(&title), back,
	    "Back to their plans");
	if (empty || date_problem || note_problem || (d && d->n)) {
		wm_error_summary_start(h);
		if (empty)
			wm_error_summary_item(h, wm_plan_form_first_field(t->in),
			    empty);
		if (date_problem)
			wm_error_summary_item(h, "agreed-day", date_problem);
		if (note_problem)
			wm_error_summary_item(h, "note", note_problem);
		wm_items_error_items(h, t->in, d);
		wm_error_summary_end(h);
	}
	if (m == TOGETHER)
		HTML(h, "<p class=\"nhsuk-body\">Sit alongside the person: "
		    "the words are theirs. When you finish, they agree it on "
		    "their own sign-in, and only then does it become their plan, "
		    "made together with you. Nothing they have saved part-way "
		    "on their own changes.</p>\n");
	else
		HTML(h, "<p class=\"nhsuk-body\">Change what you would suggest. "
		    "The person sees your suggestion and why, and decides: "
		    "their plan changes only if they accept it.</p>\n");
	snprintf(action, sizeof(action), "/plans/%lld/%s", (long long)p->id,
	    m == TOGETHER ? "together" : "suggest");
	wm_post_form_start(h, action);
	wm_plan_form_fields(h, t->in, d, prefill);
	if (m == TOGETHER) {
		wm_date_from_days((long)(h->now / 86400), &today);
		wm_date_field_or(h, "agreed", "When you agreed it", "For "
		    "example, 31 3 2027", d ? NULL : &today, date_problem);
		HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">"
		    "Finish this version, made together</button>\n</form>\n");
	} else {
		wm_form_group_start(h, "note", "Why you suggest it", "The "
		    "person reads this with your suggestion.", note_problem);
		HTML(h, "<textarea class=\"nhsuk-textarea\" id=\"note\" "
		    "name=\"note\" rows=\"3\">");
		wm_esc_html_s(&h->out, wm_form_get(&h->form, "note") ?
		    wm_form_get(&h->form, "note") : "");
		HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button\" "
		    "type=\"submit\">Suggest this change</button>\n</form>\n");
	}
	wm_items_attribution(h, t->in);
	wm_page_end(h);
out:
	wm_buf_release(&title);
}

/* The form, filled in with the latest version, whose read is logged. */
static void
open_form(struct wm_http *h, enum mode m)
{
	struct wm_plan_doc t = WM_PLAN_DOC_INIT, latest = WM_PLAN_DOC_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_response *prefill = NULL;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int draft, rc;

	if (wm_plan_named(h, &p, &names) ||
	    wm_plan_form_template(h, p.family, &t))
		goto out;
	if (m == TOGETHER && !wm_plan_together_kind(t.in)) {
		wm_page_not_found(h);
		goto out;
	}
	rc = wm_plan_doc_load(h->store, p.id, -1, &latest, &err);
	if (rc == WM_STORE_NOT_FOUND && m == SUGGEST) {
		wm_page_not_found(h);	/* nothing finished to change */
		goto out;
	}
	if (rc && rc != WM_STORE_NOT_FOUND) {
		wm_page_store_ok(h, rc, &err);
		goto out;
	}
	if ((rc == 0 && wm_plan_seen(h, latest.n, NULL)) ||
	    wm_plan_form_prefill(h, p.id, &t, 1, &prefill, &draft))
		goto out;
	form(h, m, &p, &t, NULL, prefill, NULL, NULL, NULL);
out:
	wm_response_free(prefill);
	wm_plan_doc_release(&latest);
	wm_buf_release(&err);
}

void
wm_page_plan_together(struct wm_http *h)
{
	open_form(h, TOGETHER);
}

void
wm_page_plan_suggest(struct wm_http *h)
{
	open_form(h, SUGGEST);
}

static int
latest_n(struct wm_http *h, int64_t plan, int64_t *n)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc d = WM_PLAN_DOC_INIT;
	int rc = wm_plan_doc_load(h->store, plan, -1, &d, &err);

	*n = rc == 0 ? d.n : 0;
	if (rc == WM_STORE_NOT_FOUND)
		rc = 0;
	wm_page_store_ok(h, rc, &err);
	wm_plan_doc_release(&d);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

static void
save(struct wm_http *h, enum mode m)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc t = WM_PLAN_DOC_INIT;
	struct wm_response *r = NULL;
	struct wm_plan_row p;
	struct wm_plan_names names;
	const char *empty, *date_problem = NULL, *note_problem = NULL,
	    *note = wm_form_get(&h->form, "note");
	struct wm_date agreed, today;
	char agreed_s[11], next[240];
	int64_t id, base = 0;
	int rc;

	if (wm_plan_named(h, &p, &names) ||
	    wm_plan_form_template(h, p.family, &t))
		goto out;
	if (m == TOGETHER && !wm_plan_together_kind(t.in)) {
		wm_page_not_found(h);
		goto out;
	}
	r = wm_plan_form_read(h, &t, p.person_ident, m == TOGETHER ?
	    WM_RESPONDENT_WITH_PRACTITIONER : WM_RESPONDENT_PERSON,
	    WM_STATUS_COMPLETED, &d, &empty);
	wm_date_from_days((long)(h->now / 86400), &today);
	if (m == TOGETHER) {
		rc = wm_date_input_read(h, "agreed", &agreed);
		if (rc <= 0)
			date_problem = "Enter the day you agreed it, as day, "
			    "month and year: for example, 31 3 2027";
		else if (wm_date_cmp(&agreed, &today) > 0)
			date_problem = "The day you agreed it cannot be in the "
			    "future";
	} else if (note && strlen(note) > MAX_NOTE) {
		note_problem = "Say why in 1000 characters or fewer";
	}
	if (!r || wm_diags_count(&d) || empty || date_problem ||
	    note_problem) {
		h->status = 400;
		form(h, m, &p, &t, &d, NULL, empty, date_problem,
		    note_problem);
		goto out;
	}
	/* Either way it waits for the person: their plan changes only
	 * when they accept it, on their own sign-in. */
	if (m == TOGETHER)
		wm_date_format(&agreed, agreed_s);
	if (latest_n(h, p.id, &base))
		goto out;
	rc = wm_plan_suggest_save(h->store, p.id, base, t.instrument_id, r,
	    h->who.account_id, m == SUGGEST && note && note[0] ? note : NULL,
	    m == TOGETHER ? agreed_s : NULL, &id, &err);
	if (!wm_page_store_ok(h, rc, &err) || wm_plan_audit(h, p.person_id,
	    m == TOGETHER ? "made a plan together" : "suggested a change to a "
	    "plan", p.id))
		goto out;
	back_to(p.person_ident, m == TOGETHER ? "?together=1" :
	    "?suggested=1", next, sizeof(next));
	wm_http_redirect(h, next);
out:
	wm_response_free(r);
	wm_diags_release(&d);
	wm_buf_release(&err);
}

void
wm_page_plan_together_save(struct wm_http *h)
{
	save(h, TOGETHER);
}

void
wm_page_plan_suggest_save(struct wm_http *h)
{
	save(h, SUGGEST);
}

struct practises {
	const struct wm_scope *sc;
	int yes;
};

static int
practises_row(void *ctx, const struct wm_spell_row *r)
{
	struct practises *p = ctx;

	p->yes |= wm_grants_hold(p->sc->grants, p->sc->n_grants,
	    WM_ROLE_PRACTITIONER, r->unit_id);
	return 0;
}

int
wm_practitioner_of(struct wm_http *h, int64_t person)
{
	struct wm_buf err = WM_BUF_INIT;
	struct practises p = { &h->scope, 0 };
	int rc = wm_store_caseload_open(h->store, person, practises_row, &p,
	    &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : p.yes;
}

/* POST /people/{person}/plans: a plan of the family the form names,
 * started for the person to write it together with them now. */
void
wm_page_person_plan_start(struct wm_http *h)
{
	const char *family = wm_form_get(&h->form, "plan");
	struct wm_buf err = WM_BUF_INIT;
	const struct wm_instrument *in = NULL;
	int64_t person = wm_scope_person(h), template = 0, id = 0;
	char next[64];
	int rc;

	if (!person)
		return;
	if (!family || wm_plan_template_id(h, family, &template) ||
	    !template || !(in = wm_page_instrument(h, template)) ||
	    !wm_plan_together_kind(in)) {
		wm_page_error(h, 400, "There is no such plan to make together",
		    "Choose a plan from the person's plans.");
		goto out;
	}
	if ((rc = wm_practitioner_of(h, person)) <= 0) {
		if (rc == 0)
			wm_page_not_found(h);
		goto out;
	}
	rc = wm_store_plan_add(h->store, person, family, &id, &err);
	if (rc == WM_STORE_EXISTS || (wm_page_store_ok(h, rc, &err) &&
	    wm_plan_audit(h, person, "started a plan together", id) == 0)) {
		snprintf(next, sizeof(next), "/plans/%lld/together",
		    (long long)id);
		wm_http_redirect(h, next);
	}
out:
	wm_buf_release(&err);
}

/* ------------------------------------------------------------------ */
/* The person decides                                                  */

/* The questions whose answers the suggestion would change, by name. */
static void
changes(struct wm_http *h, const struct wm_plan_doc *to,
    const struct wm_plan_doc *from)
{
	size_t i;
	int any = 0;

	for (i = 0; i < to->in->n_items; i++) {
		const struct wm_item *it = &to->in->items[i];
		const struct wm_answer *a = &to->r->answers[i];
		int k = from->in ? wm_instrument_find_item(from->in,
		    it->link_id) : -1;
		const struct wm_answer *b = k >= 0 ? &from->r->answers[k] :
		    NULL;
		int same;

		if (it->type == WM_ITEM_GROUP || it->type == WM_ITEM_DISPLAY)
			continue;
		same = b && a->given == b->given && (!a->given ||
		    (it->type == WM_ITEM_CHOICE ? a->option == b->option :
		    strcmp(a->text, b->text) == 0));
		if (same || (!a->given && !b))
			continue;
		if (!any++)
			HTML(h, "<h2 class=\"nhsuk-heading-m\">What it would "
			    "change</h2>\n<ul class=\"nhsuk-list "
			    "nhsuk-list--bullet\">\n");
		HTML(h, "<li>");
		wm_esc_html_s(&h->out, it->text);
		HTML(h, "</li>\n");
	}
	if (any)
		HTML(h, "</ul>\n");
	else
		HTML(h, "<p class=\"nhsuk-body\">It would change nothing in your "
		    "latest version.</p>\n");
}

void
wm_page_plan_suggestion(struct wm_http *h)
{
	struct wm_plan_suggestion sg = WM_PLAN_SUGGESTION_INIT;
	struct wm_plan_doc latest = WM_PLAN_DOC_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int64_t id = wm_route_number(&h->match, "id");
	char when[64], action[96];
	int rc;

	if (wm_plan_named(h, &p, &names))
		return;
	rc = id ? wm_plan_suggestion_load(h->store, p.id, id, &sg, &err) :
	    WM_STORE_NOT_FOUND;
	if (rc == 0)
		rc = wm_plan_doc_load(h->store, p.id, -1, &latest, &err);
	if (rc == WM_STORE_NOT_FOUND && sg.doc.r)
		rc = 0;	/* nothing finished yet: all of it is new */
	if (rc == WM_STORE_NOT_FOUND) {
		wm_page_not_found(h);
		goto out;
	}
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	wm_datetime_words(sg.made, when, sizeof(when));
	/* The same sentence for either kind, in its own words. */
	wm_page_start_back(h, sg.doc.together ? "A version of your plan made "
	    "with you" : "A change suggested to your plan", "/plans",
	    "Back to your plans");
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, wm_buf_str(&sg.by));
	wm_esc_html_s(&h->out, sg.doc.together ? " wrote this version of " :
	    " suggested this change to ");
	wm_esc_html_s(&h->out, sg.doc.in->title);
	wm_esc_html_s(&h->out, sg.doc.together ? " with you on " : " on ");
	wm_esc_html_s(&h->out, when);
	wm_esc_html_s(&h->out, sg.doc.together ? ". It becomes your plan only "
	    "if you agree it." : ".");
	HTML(h, "</p>\n");
	if (sg.note.len) {
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p>Why: ");
		wm_esc_html_s(&h->out, wm_buf_str(&sg.note));
		HTML(h, "</p>\n</div>\n");
	}
	changes(h, &sg.doc, &latest);
	if (sg.decided) {
		if (sg.accepted)
			HTML(h, "<p class=\"nhsuk-body\">You accepted it.</p>\n");
		else
			HTML(h, "<p class=\"nhsuk-body\">You declined it.</p>\n");
	} else {
		if (latest.r && latest.n != sg.doc.n)
			HTML(h, "<p class=\"nhsuk-body\">You have changed your "
			    "plan since this was suggested. Accepting it makes "
			    "this your plan in place of your latest version, "
			    "which is kept.</p>\n");
		snprintf(action, sizeof(action), "/plans/%lld/suggestions/%lld",
		    (long long)p.id, (long long)id);
		wm_post_form_start(h, action);
		/* Declining comes first, so that Enter never changes the
		 * plan. */
		HTML(h, "<div class=\"nhsuk-button-group\">\n<button class=\""
		    "nhsuk-button nhsuk-button--secondary\" type=\"submit\" "
		    "name=\"decision\" value=\"decline\">Decline it</button>\n"
		    "<button class=\"nhsuk-button\" type=\"submit\" name=\""
		    "decision\" value=\"accept\">Agree it: make it my plan"
		    "</button>\n</div>\n</form>\n");
	}
	HTML(h, "<h2 class=\"nhsuk-heading-m\">The plan, as it would be</h2>\n");
	wm_plan_body(h, &sg.doc, p.person_id, 1);
	wm_page_end(h);
out:
	wm_plan_suggestion_release(&sg);
	wm_plan_doc_release(&latest);
	wm_buf_release(&err);
}

void
wm_page_plan_suggestion_decide(struct wm_http *h)
{
	const char *v = wm_form_get(&h->form, "decision");
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_row p;
	struct wm_plan_names names;
	struct wm_date today;
	int64_t id = wm_route_number(&h->match, "id"), n;
	char next[96];
	int rc;

	if (wm_plan_named(h, &p, &names))
		return;
	if (!v || (strcmp(v, "accept") != 0 && strcmp(v, "decline") != 0)) {
		wm_page_error(h, 400, "Choose accept or decline",
		    "Go back to the suggestion and choose.");
		return;
	}
	wm_date_from_days((long)(h->now / 86400), &today);
	rc = wm_plan_suggestion_decide(h->store, p.id, id,
	    strcmp(v, "accept") == 0, h->who.account_id, &today, &n, &err);
	if (rc == WM_STORE_NOT_FOUND)
		wm_page_not_found(h);
	else if (wm_page_store_ok(h, rc, &err) && wm_plan_audit(h,
	    p.person_id, n ? "accepted a suggested change" :
	    "declined a suggested change", p.id) == 0) {
		if (n)
			snprintf(next, sizeof(next), "/plans/%lld?saved=1",
			    (long long)p.id);
		else
			snprintf(next, sizeof(next), "/plans/%lld?declined=1",
			    (long long)p.id);
		wm_http_redirect(h, next);
	}
	wm_buf_release(&err);
}
