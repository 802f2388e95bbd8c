/*
 * Answering a form about yourself: a person their measures (DREEM
 * recovery markers, shared needs, supportive service indicators), a
 * practitioner their Ten Top Tips reflection or their own shared needs.
 * The form is drawn from the instrument file, checked by core, and shown
 * again with the answers kept and every problem listed when something is
 * missing.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/response.h"
#include "util/escape.h"
#include "web/layout.h"

/* Who is answering, about whom, and where their forms live. */
struct answerer {
	enum wm_subject kind;		/* person, or staff */
	enum wm_respondent respondent;
	int64_t id;			/* person id, or account id */
	int64_t unit;			/* staff: their service */
	char base[200];			/* "/measures", or the person's */
};

/* The signed-in person or member of staff; 0 (and a 404 page) for anyone
 * with nothing of their own to answer, such as a commissioner. */
static int
answerer_of(struct wm_http *h, struct answerer *a)
{
	const char *pid = wm_route_param(&h->match, "pid");
	struct wm_buf err = WM_BUF_INIT, base = WM_BUF_INIT;
	int ok = 1;

	memset(a, 0, sizeof(*a));
	snprintf(a->base, sizeof(a->base), "/measures");
	if (pid) {
		/* Alongside: a practitioner with a person on their caseload;
		 * the answers are the person's, given together. */
		if (wm_store_person_in_scope(h->store, h->who.account_id, pid,
		    &a->id, &err) == 0) {
			a->kind = WM_SUBJECT_PERSON;
			a->respondent = WM_RESPONDENT_WITH_PRACTITIONER;
			wm_buf_puts(&base, "/people/");
			wm_esc_url_s(&base, pid);
			wm_buf_puts(&base, "/measures");
			snprintf(a->base, sizeof(a->base), "%s", wm_buf_str(&base));
		} else {
			ok = 0;
		}
	} else if (wm_store_account_person(h->store, h->who.account_id, &a->id,
	    &err) == 0) {
		a->kind = WM_SUBJECT_PERSON;
		a->respondent = WM_RESPONDENT_PERSON;
	} else if (wm_store_account_service(h->store, h->who.account_id,
	    &a->unit, &err) == 0) {
		a->kind = WM_SUBJECT_STAFF;
		a->respondent = WM_RESPONDENT_STAFF;
		a->id = h->who.account_id;
	} else {
		ok = 0;
	}
	if (!ok)
		wm_page_error(h, 404, "Page not found",
		    "If you typed the web address, check it is correct.");
	wm_buf_release(&err);
	wm_buf_release(&base);
	return ok;
}

static int
answerable(const struct wm_instrument *in, const struct answerer *a)
{
	return (in->subjects & (unsigned)a->kind) &&
	    (in->respondents & (unsigned)a->respondent);
}

struct wm_instrument *
wm_page_instrument(struct wm_http *h, int64_t id)
{
	struct wm_buf text = WM_BUF_INIT, err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;

	if (wm_store_instrument_get_id(h->store, id, &text, &err) == 0)
		wm_instrument_parse(text.data, text.len, &in, &d);
	wm_diags_release(&d);
	wm_buf_release(&text);
	wm_buf_release(&err);
	return in;
}

/* The instrument named in the path, if a person may answer it; else NULL
 * and a 404 page, exactly as if it did not exist. */
static struct wm_instrument *
instrument_of(struct wm_http *h, const struct answerer *a, int64_t *id)
{
	const char *p = wm_route_param(&h->match, "id");
	struct wm_instrument *in = NULL;
	char *end;

	*id = p ? strtoll(p, &end, 10) : 0;
	if (*id > 0 && *end == '\0')
		in = wm_page_instrument(h, *id);
	if (in && !answerable(in, a)) {
		wm_instrument_free(in);
		in = NULL;
	}
	if (!in)
		wm_page_error(h, 404, "Page not found",
		    "If you typed the web address, check it is correct.");
	return in;
}

static void
attribution(struct wm_http *h, const struct wm_instrument *in)
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

static void
form(struct wm_http *h, const struct answerer *a,
    const struct wm_instrument *in, int64_t id, const struct wm_diags *d)
{
	char action[240];
	size_t i;

	wm_page_start(h, in->title);
	if (d && d->n) {
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
	snprintf(action, sizeof(action), "%s/%lld", a->base, (long long)id);
	HTML(h, "<form method=\"post\" action=\"");
	wm_esc_attr_s(&h->out, action);
	HTML(h, "\" novalidate>\n<input type=\"hidden\" name=\"csrf\" "
	    "value=\"");
	wm_esc_attr_s(&h->out, h->who.csrf);
	HTML(h, "\">\n");
	for (i = 0; i < in->n_items; i++) {
		const struct wm_item *it = &in->items[i];
		const char *given = wm_form_get(&h->form, it->link_id);

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
			radios(h, it, given, problem_for(d, it));
			break;
		default:
			textarea(h, it, given);
			break;
		}
	}
	HTML(h, "<button class=\"nhsuk-button\" type=\"submit\">Save my "
	    "answers</button>\n</form>\n");
	attribution(h, in);
	wm_page_end(h);
}

void
wm_page_measure_form(struct wm_http *h)
{
	struct wm_instrument *in;
	struct answerer a;
	int64_t id;

	if (!answerer_of(h, &a) || !(in = instrument_of(h, &a, &id)))
		return;
	form(h, &a, in, id, NULL);
	wm_instrument_free(in);
}

/* The form's answers into a response; unknown codes become problems. */
static void
fill(struct wm_http *h, struct wm_response *r, struct wm_diags *d)
{
	size_t i;

	for (i = 0; i < r->in->n_items; i++) {
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

/* Saved against the person's service that day, or the staff member's. */
static int
save(struct wm_http *h, struct wm_response *r, int64_t inst,
    const struct answerer *a)
{
	struct wm_response_ids ids = { inst, a->id, a->unit, a->id };
	struct wm_buf err = WM_BUF_INIT;
	char date[11];
	int64_t id;
	int rc = 0;

	wm_date_format(&r->authored, date);
	if (a->kind == WM_SUBJECT_PERSON)
		rc = wm_store_person_unit_at(h->store, a->id, date, &ids.unit_id,
		    &err);
	if (rc == 0)
		rc = wm_store_response_save(h->store, r, &ids, &id, &err);
	wm_buf_release(&err);
	return rc;
}

void
wm_page_measure_save(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in;
	struct wm_response *r;
	struct answerer a;
	int64_t id;
	char next[240];

	if (!answerer_of(h, &a) || !(in = instrument_of(h, &a, &id)))
		return;
	r = wm_response_new(in);
	if (!r) {
		wm_page_error(h, 500, "Sorry, there is a problem",
		    "Your answers could not be saved. Try again.");
		wm_instrument_free(in);
		return;
	}
	r->status = WM_STATUS_COMPLETED;
	r->subject.kind = a.kind;
	r->subject.id = "me";
	/* The person answers (together with the practitioner, if alongside):
	 * their answers are always theirs. */
	r->author.kind = a.kind;
	r->author.id = "me";
	r->respondent = a.respondent;
	wm_date_from_days((long)(h->now / 86400), &r->authored);
	fill(h, r, &d);
	if (d.n == 0)
		wm_response_check(r, &r->authored, &d);
	if (d.n || wm_diags_count(&d)) {
		h->status = 400;
		form(h, &a, in, id, &d);
	} else if (save(h, r, id, &a)) {
		wm_page_error(h, 409, "Your answers could not be saved",
		    "You are not on a service's caseload today. Ask your "
		    "practitioner.");
	} else {
		snprintf(next, sizeof(next), "%s/%lld/saved", a.base,
		    (long long)id);
		wm_http_redirect(h, next);
	}
	wm_response_free(r);
	wm_instrument_free(in);
	wm_diags_release(&d);
}

void
wm_page_measure_saved(struct wm_http *h)
{
	struct wm_instrument *in;
	struct answerer a;
	int64_t id;

	if (!answerer_of(h, &a) || !(in = instrument_of(h, &a, &id)))
		return;
	wm_page_start(h, "Your answers have been saved");
	HTML(h, "<p class=\"nhsuk-body\">Thank you. Your answers to ");
	wm_esc_html_s(&h->out, in->title);
	if (a.respondent == WM_RESPONDENT_WITH_PRACTITIONER)
		HTML(h, " are saved on the person's record, marked as answered "
		    "together with a practitioner.</p>\n");
	else if (a.kind == WM_SUBJECT_PERSON)
		HTML(h, " are saved on your record, and only you and the "
		    "people supporting you can see them.</p>\n");
	else
		HTML(h, " are saved. No one else sees your own answers; your "
		    "team sees only totals.</p>\n");
	HTML(h, "<p class=\"nhsuk-body\"><a href=\"");
	wm_esc_attr_s(&h->out, a.base);
	HTML(h, "\">Answer another</a></p>\n");
	wm_page_end(h);
	wm_instrument_free(in);
}

struct list {
	struct wm_http *h;
	struct answerer a;
	char last_url[512];
	int64_t last_id;
	char last_title[256];
	int any;
};

static void
flush(struct list *l)
{
	char href[240];

	if (!l->last_id)
		return;
	snprintf(href, sizeof(href), "%s/%lld", l->a.base,
	    (long long)l->last_id);
	HTML(l->h, "<li><a href=\"");
	wm_esc_attr_s(&l->h->out, href);
	HTML(l->h, "\">");
	wm_esc_html_s(&l->h->out, l->last_title);
	HTML(l->h, "</a></li>\n");
	l->any = 1;
}

/* Rows come ordered by url and version: the last of each url is shown. */
static int
list_row(void *ctx, const struct wm_instrument_row *row)
{
	struct list *l = ctx;
	struct wm_instrument *in;

	if (strcmp(row->url, l->last_url) != 0)
		flush(l);
	snprintf(l->last_url, sizeof(l->last_url), "%s", row->url);
	l->last_id = 0;
	if ((in = wm_page_instrument(l->h, row->id)) && answerable(in, &l->a)) {
		l->last_id = row->id;
		snprintf(l->last_title, sizeof(l->last_title), "%s", in->title);
	}
	wm_instrument_free(in);
	return 0;
}

void
wm_page_measures(struct wm_http *h)
{
	struct wm_buf err = WM_BUF_INIT;
	struct list l;

	memset(&l, 0, sizeof(l));
	if (!answerer_of(h, &l.a))
		return;
	l.h = h;
	if (l.a.respondent == WM_RESPONDENT_WITH_PRACTITIONER) {
		wm_page_start(h, "Answer a measure together");
		HTML(h, "<p class=\"nhsuk-body\">Sit alongside the person: they "
		    "choose the answers, in their own words where there are "
		    "any. The answers are saved as theirs, given together with "
		    "a practitioner.</p>\n");
	} else if (l.a.kind == WM_SUBJECT_PERSON) {
		wm_page_start(h, "Your measures");
		HTML(h, "<p class=\"nhsuk-body\">These questions are about "
		    "your own recovery and the help you get. Answer them "
		    "yourself, in your own time; you can say \"Prefer not to "
		    "say\" to any of them.</p>\n");
	} else {
		wm_page_start(h, "Your reflections");
		HTML(h, "<p class=\"nhsuk-body\">After each interaction, ask "
		    "yourself the Ten Top Tips. Your own answers are yours: no "
		    "one else sees them, and teams see only totals.</p>\n");
	}
	HTML(h, "<ul class=\"nhsuk-list\">\n");
	if (wm_store_instrument_list(h->store, list_row, &l, &err) == 0)
		flush(&l);
	HTML(h, "</ul>\n");
	if (!l.any)
		HTML(h, "<p class=\"nhsuk-body\">There is nothing to answer "
		    "yet.</p>\n");
	wm_page_end(h);
	wm_buf_release(&err);
}
