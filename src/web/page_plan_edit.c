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
#include "web/plan_form.h"
#include "web/plan_view.h"
#include "web/scope.h"

static void
form(struct wm_http *h, int64_t plan_id, const struct wm_plan_doc *t,
    const struct wm_diags *d, const struct wm_response *prefill, int draft,
    int stale, const char *empty)
{
	char action[64];

	wm_page_start_back(h, t->in->title, "/plans", "Back to your plans");
	if (draft && stale)
		HTML(h, "<div class=\"nhsuk-warning-callout\">\n<h2 class=\""
		    "nhsuk-warning-callout__label\">Your plan changed after you "
		    "saved this</h2>\n<p>What you saved part-way is filled in, "
		    "but your plan has a newer version. Finishing this makes it "
		    "your plan in place of the newer one, which is kept. <a "
		    "href=\"/plans\">Read your plans</a> first if you are not "
		    "sure.</p>\n</div>\n");
	else if (draft && wm_http_query(h, "saved"))
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
		wm_error_summary(h, wm_plan_form_first_field(t->in), empty);
	wm_items_error_summary(h, t->in, d);
	HTML(h, "<p class=\"nhsuk-body\">Write as much or as little as you "
	    "like, in your own words. Nothing here has to be answered.</p>\n");
	snprintf(action, sizeof(action), "/plans/%lld/edit",
	    (long long)plan_id);
	wm_post_form_start(h, action);
	wm_plan_form_fields(h, t->in, d, prefill);
	/* Saving part-way comes first, so that Enter in a box never
	 * finishes a version, which is kept for good. */
	HTML(h, "<div class=\"nhsuk-button-group\">\n<button class=\""
	    "nhsuk-button nhsuk-button--secondary\" type=\"submit\" "
	    "name=\"save\" value=\"later\">Save and come back later"
	    "</button>\n<button class=\"nhsuk-button\" type=\"submit\" "
	    "name=\"save\" value=\"done\">Finish this version</button>\n"
	    "</div>\n</form>\n");
	wm_items_attribution(h, t->in);
	wm_page_end(h);
}

/* 1 if the plan has a finished version newer than the draft (one made
 * together, or a suggestion accepted, since the person saved it). */
static int
stale_draft(struct wm_http *h, int64_t plan)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc draft = WM_PLAN_DOC_INIT, latest = WM_PLAN_DOC_INIT;
	int stale = wm_plan_doc_load(h->store, plan, 0, &draft, &err) == 0 &&
	    wm_plan_doc_load(h->store, plan, -1, &latest, &err) == 0 &&
	    strcmp(latest.saved, draft.saved) > 0;

	wm_plan_doc_release(&draft);
	wm_plan_doc_release(&latest);
	wm_buf_release(&err);
	return stale;
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
	    wm_plan_form_template(h, p.family, &t) ||
	    wm_plan_form_prefill(h, p.id, &t, 0, &prefill, &draft))
		goto out;
	form(h, p.id, &t, NULL, prefill, draft, draft && stale_draft(h, p.id),
	    NULL);
out:
	wm_response_free(prefill);
}

void
wm_page_plan_save(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc t = WM_PLAN_DOC_INIT;
	const char *how = wm_form_get(&h->form, "save"), *empty;
	struct wm_response *r = NULL;
	struct wm_plan_row p;
	struct wm_plan_names names;
	char next[96];
	int64_t n;

	if (wm_plan_named(h, &p, &names) ||
	    wm_plan_form_template(h, p.family, &t))
		goto out;
	r = wm_plan_form_read(h, &t, p.person_ident, WM_RESPONDENT_PERSON,
	    how && strcmp(how, "done") == 0 ? WM_STATUS_COMPLETED :
	    WM_STATUS_IN_PROGRESS, &d, &empty);
	if (!r || wm_diags_count(&d) || empty) {
		h->status = 400;
		form(h, p.id, &t, &d, NULL, 0, 0, empty);
		goto out;
	}
	if (!wm_page_store_ok(h, wm_plan_doc_save(h->store, p.id,
	    t.instrument_id, r, h->who.account_id, NULL, &n, &err), &err) ||
	    wm_plan_audit(h, p.person_id, n ? "finished a version of a plan" :
	    "saved a plan part-way", p.id))
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
