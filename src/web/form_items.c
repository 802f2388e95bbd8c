/*
 * Drawing an instrument's questions as NHS design system form fields and
 * reading the posted answers back; see form_items.h.
 */
#include "web/form_items.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"

void
wm_items_attribution(struct wm_http *h, const struct wm_instrument *in)
{
	HTML(h, "<div class=\"nhsuk-inset-text\">\n<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, in->purpose);
	HTML(h, "</p>\n<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, in->copyright);
	HTML(h, "</p>\n</div>\n");
}

static void
radios(struct wm_http *h, const struct wm_item *it, const char *chosen,
    const char *err)
{
	size_t k;

	HTML(h, "<div class=\"nhsuk-form-group");
	if (err)
		HTML(h, " nhsuk-form-group--error");
	HTML(h, "\">\n<fieldset class=\"nhsuk-fieldset\"");
	if (err) {
		HTML(h, " aria-describedby=\"");
		wm_esc_attr_s(&h->out, it->link_id);
		HTML(h, "-error\"");
	}
	HTML(h, ">\n<legend class=\"nhsuk-fieldset__legend "
	    "nhsuk-fieldset__legend--s\">");
	wm_esc_html_s(&h->out, it->text);
	HTML(h, "</legend>\n");
	if (err) {
		HTML(h, "<span class=\"nhsuk-error-message\" id=\"");
		wm_esc_attr_s(&h->out, it->link_id);
		HTML(h, "-error\"><span class=\"nhsuk-u-visually-hidden\">Error:"
		    "</span> ");
		wm_esc_html_s(&h->out, err);
		HTML(h, "</span>\n");
	}
	HTML(h, "<div class=\"nhsuk-radios\">\n");
	for (k = 0; k < it->n_options; k++) {
		const struct wm_option *op = &it->options[k];
		char id[96];

		snprintf(id, sizeof(id), "%s-%zu", it->link_id, k + 1);
		HTML(h, "<div class=\"nhsuk-radios__item\">\n"
		    "<input class=\"nhsuk-radios__input\" id=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "\" name=\"");
		wm_esc_attr_s(&h->out, it->link_id);
		HTML(h, "\" type=\"radio\" value=\"");
		wm_esc_attr_s(&h->out, op->code);
		HTML(h, "\"");
		if (chosen && strcmp(chosen, op->code) == 0)
			HTML(h, " checked");
		HTML(h, ">\n<label class=\"nhsuk-label nhsuk-radios__label\" "
		    "for=\"");
		wm_esc_attr_s(&h->out, id);
		HTML(h, "\">");
		wm_esc_html_s(&h->out, op->display);
		HTML(h, "</label>\n</div>\n");
	}
	HTML(h, "</div>\n</fieldset>\n</div>\n");
}

static void
textarea(struct wm_http *h, const struct wm_item *it, const char *value)
{
	HTML(h, "<div class=\"nhsuk-form-group\">\n<label class=\"nhsuk-label\" "
	    "for=\"");
	wm_esc_attr_s(&h->out, it->link_id);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, it->text);
	HTML(h, "</label>\n<textarea class=\"nhsuk-textarea\" id=\"");
	wm_esc_attr_s(&h->out, it->link_id);
	HTML(h, "\" name=\"");
	wm_esc_attr_s(&h->out, it->link_id);
	HTML(h, "\" rows=\"3\">");
	wm_esc_html_s(&h->out, value ? value : "");
	HTML(h, "</textarea>\n</div>\n");
}

/* The message for an item, when the form was refused, or NULL. */
static const char *
problem_for(const struct wm_diags *d, const struct wm_item *it)
{
	size_t i;

	for (i = 0; d && i < d->n; i++)
		if (d->v[i].where && strncmp(d->v[i].where, "item ", 5) == 0 &&
		    strcmp(d->v[i].where + 5, it->link_id) == 0)
			return it->n_options ? "Choose an answer (or \"Prefer not "
			    "to say\")" : "Check this answer";
	return NULL;
}

/* What to show as item i's answer: the form just sent back, else the
 * draft saved earlier, else nothing. */
static const char *
given(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_response *draft, size_t i)
{
	const struct wm_item *it = &in->items[i];
	const struct wm_answer *ans;

	if (!draft)
		return wm_form_get(&h->form, it->link_id);
	ans = &draft->answers[i];
	if (!ans->given)
		return NULL;
	return it->type == WM_ITEM_CHOICE ? it->options[ans->option].code :
	    ans->text;
}

void
wm_items_error_summary(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d)
{
	size_t i;

	if (!d || !d->n)
		return;
	HTML(h, "<div class=\"nhsuk-error-summary\" "
	    "aria-labelledby=\"error-summary-title\" role=\"alert\" "
	    "tabindex=\"-1\">\n<h2 class=\"nhsuk-error-summary__title\" "
	    "id=\"error-summary-title\">There is a problem</h2>\n"
	    "<div class=\"nhsuk-error-summary__body\">\n<ul class=\""
	    "nhsuk-list nhsuk-error-summary__list\">\n");
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		if (!problem_for(d, it))
			continue;
		HTML(h, "<li><a href=\"#");
		wm_esc_attr_s(&h->out, it->link_id);
		if (it->n_options)
			HTML(h, "-1");
		HTML(h, "\">");
		HTML(h, "Answer: ");
		wm_esc_html_s(&h->out, it->text);
		HTML(h, "</a></li>\n");
	}
	HTML(h, "</ul>\n</div>\n</div>\n");
}

void
wm_items_fields(struct wm_http *h, const struct wm_instrument *in,
    size_t from, size_t to, const struct wm_diags *d,
    const struct wm_response *prefill)
{
	size_t i;

	for (i = from; i < to && i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		const char *v = given(h, in, prefill, i);

		switch (it->type) {
		case WM_ITEM_GROUP:
			if (it->text) {
				HTML(h, "<h2 class=\"nhsuk-heading-m\">");
				wm_esc_html_s(&h->out, it->text);
				HTML(h, "</h2>\n");
			}
			break;
		case WM_ITEM_DISPLAY:
			HTML(h, "<p class=\"nhsuk-body\">");
			wm_esc_html_s(&h->out, it->text);
			HTML(h, "</p>\n");
			break;
		case WM_ITEM_CHOICE:
			radios(h, it, v, problem_for(d, it));
			break;
		default:
			textarea(h, it, v);
			break;
		}
	}
}

void
wm_items_fill(struct wm_http *h, struct wm_response *r, size_t from,
    size_t to, struct wm_diags *d)
{
	size_t i;

	for (i = from; i < to && i < r->in->n_items; i++) {
		const struct wm_item *it = &r->in->items[i];
		const char *v = wm_form_get(&h->form, it->link_id);
		char where[80];

		if (!v || !v[0] || it->type == WM_ITEM_GROUP ||
		    it->type == WM_ITEM_DISPLAY)
			continue;
		if ((it->type == WM_ITEM_CHOICE ?
		    wm_response_set_choice(r, it->link_id, v) :
		    wm_response_set_text(r, it->link_id, v)) != 0) {
			snprintf(where, sizeof(where), "item %.64s", it->link_id);
			wm_diags_add(d, 0, 0, where, "not one of the answers");
		}
	}
}

/* An answer the form can show is filled in; one it cannot (a kind of
 * question the web form does not draw, saved through the API) is left
 * for the person to give again rather than locking them out. */
static int
draft_answer(void *ctx, const struct wm_stored_answer_row *row)
{
	struct wm_response *r = ctx;
	const struct wm_item *it;

	if (row->item >= r->in->n_items)
		return 0;
	it = &r->in->items[row->item];
	if (it->type == WM_ITEM_CHOICE && row->has_option && row->option >= 0 &&
	    (size_t)row->option < it->n_options)
		wm_response_set_choice(r, it->link_id,
		    it->options[row->option].code);
	else if (it->type != WM_ITEM_CHOICE && row->text)
		wm_response_set_text(r, it->link_id, row->text);
	return 0;
}

int
wm_items_load(struct wm_http *h, const struct wm_instrument *in,
    int64_t response_id, struct wm_response **out)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = 0;

	if (!(*out = wm_response_new(in)) || wm_store_response_answers(h->store,
	    response_id, draft_answer, *out, &err)) {
		wm_response_free(*out);
		*out = NULL;
		rc = -1;
	}
	wm_buf_release(&err);
	return rc;
}

int
wm_items_draft(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_draft_key *k, struct wm_response **out)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t rid;
	int rc;

	*out = NULL;
	rc = wm_store_draft_find(h->store, k, &rid, &err);
	if (rc == 0)
		rc = wm_items_load(h, in, rid, out);
	else if (rc == WM_STORE_NOT_FOUND)
		rc = 0;
	if (rc) {
		wm_response_free(*out);
		*out = NULL;
		rc = -1;
	}
	wm_buf_release(&err);
	return rc;
}
