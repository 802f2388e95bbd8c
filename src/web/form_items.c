#include "web/form_items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enable.h"
#include "util/escape.h"
#include "web/date_input.h"
#include "web/layout.h"

/* Problems core reports in its own terms, which the form says in its. */
#define CORE_MISSING "needs an answer"
#define NOT_AN_ANSWER "not one of the answers"

static const struct wm_diag *
diag_for(const struct wm_diags *d, const struct wm_item *it)
{
	size_t i;

	for (i = 0; d && i < d->n; i++)
		if (d->v[i].where && strncmp(d->v[i].where, "item ", 5) == 0 &&
		    strcmp(d->v[i].where + 5, it->link_id) == 0)
			return &d->v[i];
	return NULL;
}

/* The item's name for a message: with its group's short name when the
 * group has one ("Standard 3, Action owner"), else its own text. */
static void
item_name(const struct wm_instrument *in, size_t i, struct wm_buf *out)
{
	const struct wm_item *it = &in->items[i];

	if (it->parent >= 0 && in->items[it->parent].prefix)
		wm_item_label(in, i, out);
	else
		wm_buf_puts(out, it->text ? it->text : it->link_id);
}

/* What to say beside item i about problem g. A message core or this file
 * wrote for people (a question needed because of another answer, a date
 * that is not real) is shown as it is; core's general ones are put in the
 * form's words. */
static void
problem_text(const struct wm_instrument *in, size_t i, const struct wm_diag *g,
    struct wm_buf *out)
{
	const struct wm_item *it = &in->items[i];
	size_t k;

	if (strncmp(g->message, CORE_MISSING, strlen(CORE_MISSING)) != 0 &&
	    strcmp(g->message, NOT_AN_ANSWER) != 0) {
		wm_buf_puts(out, g->message);
		return;
	}
	if (it->type == WM_ITEM_DATE) {
		wm_buf_puts(out, "Enter a date");
		return;
	}
	if (it->type != WM_ITEM_CHOICE && it->type != WM_ITEM_BOOLEAN) {
		wm_buf_puts(out, "Check this answer");
		return;
	}
	wm_buf_puts(out, "Choose an answer");
	for (k = 0; k < it->n_options; k++)
		if (!it->options[k].scored && it->n_scored > 0) {
			wm_buf_printf(out, " (or \"%s\")", it->options[k].display);
			break;
		}
}

/* The id a link to item i's field goes to: its first control. */
static void
field_anchor(const struct wm_item *it, char *out, size_t n)
{
	if (it->type == WM_ITEM_CHOICE || it->type == WM_ITEM_BOOLEAN)
		snprintf(out, n, "%s-1", it->link_id);
	else if (it->type == WM_ITEM_DATE)
		snprintf(out, n, "%s-day", it->link_id);
	else
		snprintf(out, n, "%s", it->link_id);
}

void
wm_items_error_summary(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d)
{
	if (!d || d->n == 0)
		return;
	wm_error_summary_start(h);
	wm_items_error_items(h, in, d);
	wm_error_summary_end(h);
}

void
wm_items_error_items(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d)
{
	struct wm_buf text = WM_BUF_INIT;
	char anchor[96];
	size_t i;

	for (i = 0; d && i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		const struct wm_diag *g = diag_for(d, it);

		if (!g)
			continue;
		wm_buf_clear(&text);
		problem_text(in, i, g, &text);
		/* A message that names its item stands alone; a general one
		 * says which question it is about. */
		if (strcmp(wm_buf_str(&text), g->message) != 0) {
			wm_buf_clear(&text);
			wm_buf_puts(&text, "Answer: ");
			item_name(in, i, &text);
		}
		field_anchor(it, anchor, sizeof(anchor));
		wm_error_summary_item(h, anchor, wm_buf_str(&text));
	}
	wm_buf_release(&text);
}

/* ------------------------------------------------------------------ */
/* One question                                                        */

struct field {
	struct wm_http *h;
	const struct wm_instrument *in;
	size_t i;
	const struct wm_item *it;
	const char *value;	/* the answer to show, or NULL */
	const struct wm_response *draft;
	struct wm_buf hint;	/* empty: no hint */
	struct wm_buf error;	/* empty: no problem */
};

static void
id_attr(struct field *f, const char *suffix)
{
	wm_esc_attr_s(&f->h->out, f->it->link_id);
	wm_esc_attr_s(&f->h->out, suffix);
}

static void
described_by(struct field *f)
{
	if (!f->hint.len && !f->error.len)
		return;
	HTML(f->h, " aria-describedby=\"");
	if (f->hint.len)
		id_attr(f, "-hint");
	if (f->hint.len && f->error.len)
		HTML(f->h, " ");
	if (f->error.len)
		id_attr(f, "-error");
	HTML(f->h, "\"");
}

/* The form group, then the question's words as a label (for one
 * control) or a legend (for a set), its hint and its problem. A
 * question whose few short options go side by side is a row of its
 * form (wm-choice-row in assets/waymark.css): such questions are asked
 * many at a time and often, so on a wide screen each takes one line. */
static void
field_start(struct field *f, int set)
{
	HTML(f->h, "<div class=\"nhsuk-form-group");
	if (f->it->horizontal)
		HTML(f->h, " wm-choice-row");
	if (f->error.len)
		HTML(f->h, " nhsuk-form-group--error");
	HTML(f->h, "\">\n");
	if (set) {
		HTML(f->h, "<fieldset class=\"nhsuk-fieldset\"");
		if (f->it->type == WM_ITEM_DATE)
			HTML(f->h, " role=\"group\"");
		described_by(f);
		HTML(f->h, ">\n<legend class=\"nhsuk-fieldset__legend "
		    "nhsuk-fieldset__legend--s\">");
	} else {
		HTML(f->h, "<label class=\"nhsuk-label\" for=\"");
		id_attr(f, "");
		HTML(f->h, "\">");
	}
	/* Questions repeated in every group ("Traffic light rating") are
	 * told apart by their group's short name, for those who move from
	 * field to field with a screen reader. */
	if (f->it->parent >= 0 && f->in->items[f->it->parent].prefix) {
		HTML(f->h, "<span class=\"nhsuk-u-visually-hidden\">");
		wm_esc_html_s(&f->h->out, f->in->items[f->it->parent].prefix);
		HTML(f->h, ": </span>");
	}
	wm_esc_html_s(&f->h->out, f->it->text);
	if (set)
		HTML(f->h, "</legend>\n");
	else
		HTML(f->h, "</label>\n");
	if (f->hint.len) {
		HTML(f->h, "<div class=\"nhsuk-hint\" id=\"");
		id_attr(f, "-hint");
		HTML(f->h, "\">");
		wm_esc_html_s(&f->h->out, wm_buf_str(&f->hint));
		HTML(f->h, "</div>\n");
	}
	if (f->error.len) {
		HTML(f->h, "<span class=\"nhsuk-error-message\" id=\"");
		id_attr(f, "-error");
		HTML(f->h, "\"><span class=\"nhsuk-u-visually-hidden\">Error:"
		    "</span> ");
		wm_esc_html_s(&f->h->out, wm_buf_str(&f->error));
		HTML(f->h, "</span>\n");
	}
}

static void
field_end(struct field *f, int set)
{
	if (set)
		HTML(f->h, "</fieldset>\n");
	HTML(f->h, "</div>\n");
}

static void
radio(struct field *f, size_t k, const char *code, const char *display)
{
	char id[96];

	snprintf(id, sizeof(id), "%s-%zu", f->it->link_id, k + 1);
	HTML(f->h, "<div class=\"nhsuk-radios__item\">\n"
	    "<input class=\"nhsuk-radios__input\" id=\"");
	wm_esc_attr_s(&f->h->out, id);
	HTML(f->h, "\" name=\"");
	wm_esc_attr_s(&f->h->out, f->it->link_id);
	HTML(f->h, "\" type=\"radio\" value=\"");
	wm_esc_attr_s(&f->h->out, code);
	HTML(f->h, "\"");
	if (f->value && strcmp(f->value, code) == 0)
		HTML(f->h, " checked");
	HTML(f->h, ">\n<label class=\"nhsuk-label nhsuk-radios__label\" "
	    "for=\"");
	wm_esc_attr_s(&f->h->out, id);
	HTML(f->h, "\">");
	wm_esc_html_s(&f->h->out, display);
	HTML(f->h, "</label>\n</div>\n");
}

static void
radios(struct field *f)
{
	size_t k;

	field_start(f, 1);
	/* The design system's small radios keep their 44 px touch target
	 * but take less room beside the question. */
	if (f->it->horizontal)
		HTML(f->h, "<div class=\"nhsuk-radios nhsuk-radios--inline "
		    "nhsuk-radios--small\">\n");
	else
		HTML(f->h, "<div class=\"nhsuk-radios\">\n");
	if (f->it->type == WM_ITEM_BOOLEAN) {
		radio(f, 0, "true", "Yes");
		radio(f, 1, "false", "No");
	}
	for (k = 0; k < f->it->n_options; k++)
		radio(f, k, f->it->options[k].code, f->it->options[k].display);
	HTML(f->h, "</div>\n");
	field_end(f, 1);
}

static void
error_class(struct field *f, const char *cls)
{
	if (f->error.len)
		wm_esc_attr_s(&f->h->out, cls);
}

/* Closes a class attribute, then the control's id and name. */
static void
id_and_name(struct field *f)
{
	HTML(f->h, "\" id=\"");
	id_attr(f, "");
	HTML(f->h, "\" name=\"");
	id_attr(f, "");
}

static void
textarea(struct field *f)
{
	field_start(f, 0);
	HTML(f->h, "<textarea class=\"nhsuk-textarea");
	error_class(f, " nhsuk-textarea--error");
	id_and_name(f);
	/* 6,000 characters are at most 18,000 bytes, within what an
	 * answer and a form's field may hold, so nothing typed is lost to
	 * a form refused whole. */
	HTML(f->h, "\" rows=\"3\" maxlength=\"6000\"");
	described_by(f);
	HTML(f->h, ">");
	wm_esc_html_s(&f->h->out, f->value ? f->value : "");
	HTML(f->h, "</textarea>\n");
	field_end(f, 0);
}

/* A one-line answer: text, or a whole number. */
static void
input(struct field *f)
{
	int number = f->it->type == WM_ITEM_INTEGER;

	field_start(f, 0);
	HTML(f->h, "<input class=\"nhsuk-input");
	if (number)
		HTML(f->h, " nhsuk-input--width-5");
	error_class(f, " nhsuk-input--error");
	id_and_name(f);
	HTML(f->h, "\" type=\"text\"");
	if (number)
		HTML(f->h, " inputmode=\"numeric\"");
	described_by(f);
	HTML(f->h, " value=\"");
	wm_esc_attr_s(&f->h->out, f->value ? f->value : "");
	HTML(f->h, "\">\n");
	field_end(f, 0);
}

/* A list's entries to show: the draft's lines, or those just posted. */
static size_t
list_values(struct field *f, const char **v, size_t max, struct wm_buf *lines)
{
	struct wm_form *form = &f->h->form;
	size_t i, n = 0;
	char *p;

	if (f->draft) {
		if (!f->value)
			return 0;
		wm_buf_puts(lines, f->value);
		if (lines->failed)
			return 0;
		for (p = lines->data; n < max; p++) {
			v[n++] = p;
			if (!(p = strchr(p, '\n')))
				break;
			*p = '\0';
		}
		return n;
	}
	for (i = 0; i < form->n && n < max; i++)
		if (strcmp(form->v[i].name, f->it->link_id) == 0 &&
		    form->v[i].value[0])
			v[n++] = form->v[i].value;
	return n;
}

/* Empty boxes below a list's entries, for more to be added without
 * JavaScript: a save part-way brings more. */
#define LIST_BLANKS 3

/* A plan's list: a box for each entry and empty ones to add more, as a
 * set whose legend is the question; each box is named as the question,
 * so the entries come back in order. */
static void
list_input(struct field *f)
{
	const char *v[WM_REPEATS_MAX];
	struct wm_buf lines = WM_BUF_INIT;
	size_t n = list_values(f, v, WM_REPEATS_MAX, &lines), k, boxes;
	char id[96], label[32];

	boxes = n + LIST_BLANKS > WM_REPEATS_MAX ? WM_REPEATS_MAX :
	    n + LIST_BLANKS;
	field_start(f, 1);
	for (k = 0; k < boxes; k++) {
		snprintf(id, sizeof(id), "%s-%zu", f->it->link_id, k + 1);
		snprintf(label, sizeof(label), "Line %zu", k + 1);
		HTML(f->h, "<div class=\"wm-list-line\">\n<label class=\""
		    "nhsuk-label nhsuk-u-visually-hidden\" for=\"");
		wm_esc_attr_s(&f->h->out, id);
		HTML(f->h, "\">");
		wm_esc_html_s(&f->h->out, label);
		HTML(f->h, "</label>\n<input class=\"nhsuk-input");
		error_class(f, " nhsuk-input--error");
		HTML(f->h, "\" id=\"");
		wm_esc_attr_s(&f->h->out, id);
		HTML(f->h, "\" name=\"");
		wm_esc_attr_s(&f->h->out, f->it->link_id);
		HTML(f->h, "\" type=\"text\" maxlength=\"500\" value=\"");
		wm_esc_attr_s(&f->h->out, k < n ? v[k] : "");
		HTML(f->h, "\">\n</div>\n");
	}
	field_end(f, 1);
	wm_buf_release(&lines);
}

/* The three parts of the date to show: from the draft's YYYY-MM-DD, or
 * as they were typed. */
static void
date_values(struct field *f, struct wm_date_parts *p)
{
	struct wm_date d;

	if (!f->draft) {
		wm_date_parts_posted(f->h, f->it->link_id, p);
		return;
	}
	memset(p, 0, sizeof(*p));
	if (f->value && wm_date_parse(f->value, &d) == 0)
		wm_date_parts_of(&d, p);
}

static void
date_input(struct field *f)
{
	struct wm_date_parts p;

	date_values(f, &p);
	field_start(f, 1);
	wm_date_input(f->h, f->it->link_id, &p, f->error.len > 0);
	field_end(f, 1);
}

/* What to show as item i's answer: the draft's, else what was posted. */
static const char *
shown(struct wm_http *h, const struct wm_instrument *in,
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

/* When an item is asked only sometimes, say when, in the file's words;
 * and how to write a date. */
static void
hint_text(const struct wm_instrument *in, size_t i, struct wm_buf *out)
{
	if (wm_item_conditional(in, i)) {
		wm_buf_puts(out, in->items[i].required ? "Needed if " :
		    "Asked if ");
		wm_item_condition_text(in, i, out);
		wm_buf_puts(out, ".");
	}
	if (in->items[i].type == WM_ITEM_DATE)
		wm_buf_puts(out, out->len ? " For example, 31 3 2027" :
		    "For example, 31 3 2027");
	if (in->items[i].repeats)
		wm_buf_puts(out, out->len ? " One on each line; leave the "
		    "rest empty. Save to get more lines." : "One on each "
		    "line; leave the rest empty. Save to get more lines.");
}

static void
question(struct wm_http *h, const struct wm_instrument *in, size_t i,
    const struct wm_response *draft, const struct wm_diags *d)
{
	const struct wm_diag *g = diag_for(d, &in->items[i]);
	struct field f;

	f.h = h;
	f.in = in;
	f.i = i;
	f.it = &in->items[i];
	f.draft = draft;
	f.value = shown(h, in, draft, i);
	wm_buf_init(&f.hint, WM_BUF_DEFAULT_MAX);
	wm_buf_init(&f.error, WM_BUF_DEFAULT_MAX);
	hint_text(in, i, &f.hint);
	if (g)
		problem_text(in, i, g, &f.error);
	switch (f.it->type) {
	case WM_ITEM_CHOICE:
	case WM_ITEM_BOOLEAN:
		radios(&f);
		break;
	case WM_ITEM_DATE:
		date_input(&f);
		break;
	case WM_ITEM_STRING:
		if (f.it->repeats)
			list_input(&f);
		else
			input(&f);
		break;
	case WM_ITEM_INTEGER:
		input(&f);
		break;
	case WM_ITEM_TEXT:
		textarea(&f);
		break;
	case WM_ITEM_GROUP:
	case WM_ITEM_DISPLAY:
		break;
	}
	wm_buf_release(&f.hint);
	wm_buf_release(&f.error);
}

void
wm_items_fields(struct wm_http *h, const struct wm_instrument *in,
    size_t from, size_t to, const struct wm_diags *d,
    const struct wm_response *draft)
{
	size_t i;

	for (i = from; i < to && i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];

		if (it->type == WM_ITEM_GROUP) {
			/* A group named as the whole instrument is already
			 * the page's heading: said twice, it is noise. */
			if (it->text && !(in->title &&
			    strcmp(it->text, in->title) == 0)) {
				HTML(h, "<h2 class=\"nhsuk-heading-m\">");
				wm_esc_html_s(&h->out, it->text);
				HTML(h, "</h2>\n");
			}
		} else if (it->type == WM_ITEM_DISPLAY) {
			HTML(h, "<p class=\"nhsuk-body\">");
			wm_esc_html_s(&h->out, it->text);
			HTML(h, "</p>\n");
		} else {
			question(h, in, i, draft, d);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Reading the form back                                               */

/* A date's three parts into "YYYY-MM-DD" in out; 0 when none was given,
 * 1 when out holds a real date, -1 when what was typed is not one. */
static int
posted_date(struct wm_http *h, const struct wm_item *it, char out[16])
{
	struct wm_date d;
	int rc = wm_date_input_read(h, it->link_id, &d);

	if (rc > 0)
		wm_date_format(&d, out);
	return rc;
}

/* A list's posted lines, the empty ones left out, as one answer. */
static void
fill_list(struct wm_http *h, struct wm_response *r, size_t i,
    const char *where, struct wm_diags *d)
{
	const struct wm_item *it = &r->in->items[i];
	struct wm_buf all = WM_BUF_INIT, name = WM_BUF_INIT;
	size_t k, n = 0;

	for (k = 0; k < h->form.n; k++) {
		const char *v = h->form.v[k].value;

		if (strcmp(h->form.v[k].name, it->link_id) != 0 || !v[0])
			continue;
		if (n++)
			wm_buf_putc(&all, '\n');
		wm_buf_puts(&all, v);
	}
	if (n && wm_response_set_answer(r, it->link_id, wm_buf_str(&all))) {
		item_name(r->in, i, &name);
		wm_diags_add(d, 0, 0, where, "%s: write at most %d lines, "
		    "each one line of at most 500 characters",
		    wm_buf_str(&name), WM_REPEATS_MAX);
	}
	wm_buf_release(&all);
	wm_buf_release(&name);
}

void
wm_items_fill(struct wm_http *h, struct wm_response *r, size_t from,
    size_t to, struct wm_diags *d)
{
	struct wm_buf name = WM_BUF_INIT;
	size_t i;

	for (i = from; i < to && i < r->in->n_items; i++) {
		const struct wm_item *it = &r->in->items[i];
		const char *v = wm_form_get(&h->form, it->link_id);
		char where[80], date[16];
		int rc;

		snprintf(where, sizeof(where), "item %.64s", it->link_id);
		if (it->type == WM_ITEM_DATE) {
			rc = posted_date(h, it, date);
			if (rc > 0)
				rc = wm_response_set_answer(r, it->link_id,
				    date);
			if (rc < 0) {
				wm_buf_clear(&name);
				item_name(r->in, i, &name);
				wm_diags_add(d, 0, 0, where, "%s: enter a real "
				    "date, for example 31 3 2027",
				    wm_buf_str(&name));
			}
			continue;
		}
		if (it->repeats) {
			fill_list(h, r, i, where, d);
			continue;
		}
		if (!v || !v[0] || it->type == WM_ITEM_GROUP ||
		    it->type == WM_ITEM_DISPLAY)
			continue;
		if (wm_response_set_answer(r, it->link_id, v) != 0)
			wm_diags_add(d, 0, 0, where, NOT_AN_ANSWER);
	}
	wm_buf_release(&name);
}

void
wm_items_attribution(struct wm_http *h, const struct wm_instrument *in)
{
	HTML(h, "<details class=\"nhsuk-details\">\n<summary class=\""
	    "nhsuk-details__summary\"><span class=\"nhsuk-details__summary-"
	    "text\">Where these questions come from</span></summary>\n"
	    "<div class=\"nhsuk-details__text\">\n<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, in->purpose);
	HTML(h, "</p>\n<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, in->copyright);
	HTML(h, "</p>\n</div>\n</details>\n");
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
		wm_response_set_answer(r, it->link_id, row->text);
	return 0;
}

int
wm_items_load(struct wm_http *h, const struct wm_instrument *in,
    int64_t response_id, struct wm_response **out)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = 0;

	if (!(*out = wm_response_new(in)) || !wm_page_store_ok(h,
	    wm_store_response_answers(h->store, response_id, draft_answer, *out,
	    &err), &err)) {
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
	else
		wm_page_store_error(h, rc, wm_buf_str(&err));
	if (rc) {
		wm_response_free(*out);
		*out = NULL;
		rc = -1;
	}
	wm_buf_release(&err);
	return rc;
}
