/*
 * Writing a plan: the person's own form, drawn from its template, filled
 * in with what they saved part-way, or else their latest version. They
 * save part-way as often as they like (the draft is replaced) and finish
 * a version when they are ready (it is kept as it was, for good). Only
 * the plan's owner reaches these pages (WM_RULE_PLAN_OWNER); nothing
 * anyone else does changes what they wrote.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/plan_view.h"
#include "web/scope.h"

/* The template a new version is written on: the latest of the plan's
 * family, so a person's plan moves to a new template's wording when
 * they next change it. */
static int
latest_template(void *ctx, int64_t id, const struct wm_instrument *in)
{
	struct wm_plan_doc *d = ctx;

	d->instrument_id = id;
	d->in = in;
	return 1;
}

/* Items [from, to) of the form, with the parts Waymark fills in said so
 * in place (the form itself asks nothing of them). */
static void
fields(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d, const struct wm_response *prefill)
{
	size_t i, from = 0;

	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		if (it->type != WM_ITEM_DISPLAY ||
		    (it->shows == WM_SHOWS_NOTHING && !it->linked_plan))
			continue;
		wm_items_fields(h, in, from, i, d, prefill);
		from = i + 1;
		HTML(h, "<h3 class=\"nhsuk-heading-s\">");
		wm_esc_html_s(&h->out, it->text);
		HTML(h, "</h3>\n<p class=\"nhsuk-body\">");
		if (it->shows == WM_SHOWS_GOALS)
			HTML(h, "Your goals are shown here when you read your "
			    "plan. <a href=\"/goals\">Change your goals</a> "
			    "on their own page.");
		else if (it->shows == WM_SHOWS_CRISIS_CONTACTS)
			HTML(h, "The services anyone can contact, day or "
			    "night, are shown here when you read or print "
			    "your plan.");
		else
			HTML(h, "This is a plan of its own, so that you can "
			    "share it on its own. <a href=\"/plans\">Go to "
			    "your plans</a>.");
		HTML(h, "</p>\n");
	}
	wm_items_fields(h, in, from, in->n_items, d, prefill);
}

/* The id of the form's first box of text, for a problem with the whole
 * form to lead to; NULL when it has none. */
static const char *
first_field(const struct wm_instrument *in)
{
	size_t i;

	for (i = 0; i < in->n_items; i++)
		if ((in->items[i].type == WM_ITEM_TEXT ||
		    in->items[i].type == WM_ITEM_STRING) &&
		    !in->items[i].repeats)
			return in->items[i].link_id;
	return NULL;
}

static void
form(struct wm_http *h, int64_t plan_id, const struct wm_plan_doc *t,
    const struct wm_diags *d, const struct wm_response *prefill, int draft,
    const char *empty)
{
	char action[64];

	wm_page_start_back(h, t->in->title, "/plans", "Back to your plans");
	if (draft && wm_http_query(h, "saved"))
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Saved. Come back to it whenever you like: "
		    "it is filled in below. Finish it when you are "
		    "ready.</p>\n</div>\n");
	else if (draft)
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">What you saved part-way is filled in. Change "
		    "anything, then save.</p>\n</div>\n");
	else if (prefill)
		HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\""
		    "nhsuk-body\">Your latest version is filled in. Your "
		    "earlier versions are kept as they were.</p>\n</div>\n");
	if (empty)
		wm_error_summary(h, first_field(t->in), empty);
	wm_items_error_summary(h, t->in, d);
	HTML(h, "<p class=\"nhsuk-body\">Write as much or as little as you "
	    "like, in your own words. Nothing here has to be answered.</p>\n");
	snprintf(action, sizeof(action), "/plans/%lld/edit",
	    (long long)plan_id);
	wm_post_form_start(h, action);
	fields(h, t->in, d, prefill);
	HTML(h, "<div class=\"nhsuk-button-group\">\n<button class=\""
	    "nhsuk-button\" type=\"submit\" name=\"save\" value=\"done\">"
	    "Finish this version</button>\n<button class=\"nhsuk-button "
	    "nhsuk-button--secondary\" type=\"submit\" name=\"save\" "
	    "value=\"later\">Save and come back later</button>\n</div>\n"
	    "</form>\n");
	wm_items_attribution(h, t->in);
	wm_page_end(h);
}

/* The latest template of the plan's family into *t; 0, else -1 with
 * the answer written. */
static int
template_for(struct wm_http *h, const char *family, struct wm_plan_doc *t)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_plan_templates(h->store, family, latest_template, t, &err);

	if (wm_page_store_ok(h, rc, &err) && !t->in)
		wm_page_error(h, 500, "Sorry, there is a problem", "The form "
		    "for this plan is not loaded. Tell your service.");
	wm_buf_release(&err);
	return rc || !t->in ? -1 : 0;
}

/* What to fill the form in with: the draft, else the latest version,
 * carried onto the template `t` by linkId (a new template keeps what
 * its questions still ask). NULL with *draft 0 when there is neither. */
static int
prefill_of(struct wm_http *h, int64_t plan_id, const struct wm_plan_doc *t,
    struct wm_response **out, int *draft)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc d = WM_PLAN_DOC_INIT;
	size_t i;
	int rc;

	*out = NULL;
	*draft = 1;
	rc = wm_plan_doc_load(h->store, plan_id, 0, &d, &err);
	if (rc == WM_STORE_NOT_FOUND) {
		*draft = 0;
		rc = wm_plan_doc_load(h->store, plan_id, -1, &d, &err);
	}
	if (rc == WM_STORE_NOT_FOUND) {
		*draft = 0;
		rc = 0;
	} else if (rc == 0 && (*out = wm_response_new(t->in)) != NULL) {
		for (i = 0; i < d.in->n_items; i++) {
			const struct wm_item *it = &d.in->items[i];
			const struct wm_answer *a = &d.r->answers[i];

			if (a->given)
				(void)wm_response_set_answer(*out, it->link_id,
				    it->type == WM_ITEM_CHOICE ?
				    it->options[a->option].code : a->text);
		}
	}
	wm_page_store_ok(h, rc, &err);
	wm_plan_doc_release(&d);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

void
wm_page_plan_edit(struct wm_http *h)
{
	struct wm_plan_doc t = WM_PLAN_DOC_INIT;
	struct wm_response *prefill = NULL;
	struct wm_plan_row p;
	struct wm_plan_names names;
	int draft;

	if (wm_plan_named(h, &p, &names) ||
	    template_for(h, p.family, &t) ||
	    prefill_of(h, p.id, &t, &prefill, &draft))
		goto out;
	form(h, p.id, &t, NULL, prefill, draft, NULL);
out:
	wm_response_free(prefill);
}

void
wm_page_plan_save(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc t = WM_PLAN_DOC_INIT;
	const char *how = wm_form_get(&h->form, "save");
	struct wm_response *r = NULL;
	struct wm_plan_row p;
	struct wm_plan_names names;
	char next[96];
	int64_t n;
	size_t i, given = 0;

	if (wm_plan_named(h, &p, &names) ||
	    template_for(h, p.family, &t))
		goto out;
	if (!(r = wm_response_new(t.in))) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your plan could not be saved. Try again.");
		goto out;
	}
	r->status = how && strcmp(how, "later") == 0 ? WM_STATUS_IN_PROGRESS :
	    WM_STATUS_COMPLETED;
	r->subject.kind = r->author.kind = WM_SUBJECT_PERSON;
	r->subject.id = r->author.id = p.person_ident;
	r->respondent = WM_RESPONDENT_PERSON;
	wm_date_from_days((long)(h->now / 86400), &r->authored);
	wm_items_fill(h, r, 0, t.in->n_items, &d);
	for (i = 0; i < t.in->n_items; i++)
		given += r->answers[i].given != 0;
	if (wm_diags_count(&d) == 0 && given)
		wm_response_check(r, &r->authored, &d);
	if (wm_diags_count(&d) || !given) {
		h->status = 400;
		form(h, p.id, &t, &d, NULL, 0, given ? NULL : "Write something "
		    "in your plan before you save it");
		goto out;
	}
	if (!wm_page_store_ok(h, wm_plan_doc_save(h->store, p.id,
	    t.instrument_id, r, h->who.account_id, NULL, &n, &err), &err))
		goto out;
	if (n)
		snprintf(next, sizeof(next), "/plans/%lld?saved=%lld",
		    (long long)p.id, (long long)n);
	else
		snprintf(next, sizeof(next), "/plans/%lld/edit?saved=draft",
		    (long long)p.id);
	wm_http_redirect(h, next);
out:
	wm_response_free(r);
	wm_diags_release(&d);
	wm_buf_release(&err);
}
