/*
 * The parts of a plan's form that the person's own page, writing it
 * together with a practitioner and suggesting a change share: the
 * template a new version is written on, what it is filled in with, its
 * fields, and the posted answers read back into a response that core
 * has checked.
 */
#include "web/plan_form.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/pages.h"

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
void
wm_plan_form_fields(struct wm_http *h, const struct wm_instrument *in,
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
const char *
wm_plan_form_first_field(const struct wm_instrument *in)
{
	size_t i;

	for (i = 0; i < in->n_items; i++)
		if ((in->items[i].type == WM_ITEM_TEXT ||
		    in->items[i].type == WM_ITEM_STRING) &&
		    !in->items[i].repeats)
			return in->items[i].link_id;
	return NULL;
}

/* The latest template of the plan's family into *t; 0, else -1 with
 * the answer written. */
int
wm_plan_form_template(struct wm_http *h, const char *family, struct wm_plan_doc *t)
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
int
wm_plan_form_prefill(struct wm_http *h, int64_t plan_id,
    const struct wm_plan_doc *t, int latest_only, struct wm_response **out,
    int *draft)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_plan_doc d = WM_PLAN_DOC_INIT;
	size_t i;
	int rc;

	*out = NULL;
	*draft = !latest_only;
	rc = latest_only ? WM_STORE_NOT_FOUND :
	    wm_plan_doc_load(h->store, plan_id, 0, &d, &err);
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


struct wm_response *
wm_plan_form_read(struct wm_http *h, const struct wm_plan_doc *t,
    const char *ident, enum wm_respondent respondent,
    enum wm_response_status status, struct wm_diags *d, const char **empty)
{
	struct wm_response *r = wm_response_new(t->in);
	size_t i, given = 0;

	*empty = NULL;
	if (!r) {
		wm_diags_add(d, 0, 0, "form", "out of memory");
		return NULL;
	}
	r->status = status;
	r->subject.kind = r->author.kind = WM_SUBJECT_PERSON;
	r->subject.id = r->author.id = ident;
	r->respondent = respondent;
	wm_date_from_days((long)(h->now / 86400), &r->authored);
	wm_items_fill(h, r, 0, t->in->n_items, d);
	for (i = 0; i < t->in->n_items; i++)
		given += r->answers[i].given != 0;
	if (wm_diags_count(d) == 0 && given)
		wm_response_check(r, &r->authored, d);
	else if (!given)
		*empty = "Write something in the plan before you save it";
	return r;
}

static int
template_of(void *ctx, int64_t id, const struct wm_instrument *in)
{
	(void)in;
	*(int64_t *)ctx = id;
	return 1;
}

int
wm_plan_template_id(struct wm_http *h, const char *family, int64_t *id)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_plan_templates(h->store, family, template_of, id, &err);

	*id = rc ? 0 : *id;
	wm_buf_release(&err);
	return rc ? -1 : 0;
}
