/*
 * A service lead's standards page for one period: where the
 * self-assessment stands, the lights (own, each validator's by group,
 * consensus, validated, disagreements), the validators invited, the
 * queries with their answers and reopenings, every version kept, and the
 * history of lights by period. Changes here: inviting a validator, and
 * answering a query or reopening one standard, each with a reason.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/standards.h"

static void
link(struct wm_http *h, const struct wm_buf *base, const char *tail,
    const char *words)
{
	HTML(h, "<a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(base));
	wm_esc_attr_s(&h->out, tail);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</a>");
}

static int
has_draft(struct wm_http *h, const struct wm_sa *a,
    const struct wm_instrument *in, int64_t inst)
{
	struct wm_response *draft = NULL;
	int any = wm_sa_draft(h, a, in, inst, &draft) == 0 && draft;

	wm_response_free(draft);
	return any;
}

struct versions {
	struct wm_http *h;
	int named;
};

static int
version_row(void *ctx, const struct wm_assessment_version_row *v)
{
	struct versions *l = ctx;
	struct wm_http *h = l->h;
	char when[32], line[128], day[11];

	snprintf(day, sizeof(day), "%.10s", v->submitted);
	wm_date_words(day, when, sizeof(when));
	snprintf(line, sizeof(line), "Version %d, submitted on %s%s",
	    v->version, when, l->named ? " by " : "");
	HTML(h, "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell"
	    "\">");
	wm_esc_html_s(&h->out, line);
	if (l->named)
		wm_esc_html_s(&h->out, v->by);
	HTML(h, "</td><td class=\"nhsuk-table__cell\">");
	if (v->standard) {
		snprintf(line, sizeof(line), "Standard %d reopened: ",
		    v->standard);
		wm_esc_html_s(&h->out, line);
	}
	wm_esc_html_s(&h->out, v->reason ? v->reason : "First submission");
	HTML(h, "</td></tr>\n");
	return 0;
}

void
wm_sa_versions(struct wm_http *h, int64_t assessment, int named)
{
	struct wm_buf err = WM_BUF_INIT;
	struct versions l = { h, named };

	HTML(h, "<table class=\"nhsuk-table\">\n<caption class=\""
	    "nhsuk-table__caption\">Every version is kept</caption>\n"
	    "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__"
	    "row\"><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Version</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	    "Reason</th></tr></thead>\n<tbody class=\"nhsuk-table__body\">"
	    "\n");
	wm_page_store_ok(h, wm_store_assessment_versions(h->store,
	    assessment, version_row, &l, &err), &err);
	HTML(h, "</tbody>\n</table>\n");
	wm_buf_release(&err);
}

static void
status(struct wm_http *h, const struct wm_sa *a,
    const struct wm_instrument *in, int64_t inst)
{
	HTML(h, "<h2 class=\"nhsuk-heading-m\">Self-assessment</h2>\n");
	if (a->versions) {
		wm_sa_versions(h, a->id, 1);
		HTML(h, "<p class=\"nhsuk-body\">");
		link(h, &a->base, "/edit", "Amend the self-assessment");
		HTML(h, ": a new version, with your reason. The submitted "
		    "versions are never changed.</p>\n");
	} else if (!a->current) {
		HTML(h, "<p class=\"nhsuk-body\">No self-assessment was "
		    "submitted for this period.</p>\n");
	} else if (has_draft(h, a, in, inst)) {
		HTML(h, "<p class=\"nhsuk-body\"><strong class=\"nhsuk-tag "
		    "nhsuk-tag--yellow\">Started</strong> Your answers so far "
		    "are saved. ");
		link(h, &a->base, "/edit", "Continue the self-assessment");
		HTML(h, "</p>\n");
	} else {
		HTML(h, "<p class=\"nhsuk-body\">Not submitted yet. ");
		link(h, &a->base, "/edit", "Start the self-assessment");
		HTML(h, ": for each standard, a traffic light, the evidence, "
		    "and for anything not green an action with an owner and a "
		    "due date.</p>\n");
	}
}

static void
lights(struct wm_http *h, const struct wm_sa *a,
    const struct wm_instrument *in)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_standards m;

	wm_standards_init(&m);
	if (a->id && wm_page_store_ok(h, wm_store_assessment_ratings(h->store,
	    a->svc.id, a->id, wm_standards_add_row, &m, &err), &err) &&
	    (m.has_self || m.period[0])) {
		wm_standards_finish(&m, &a->setup.rule);
		wm_standards_table(h, in, &m, &a->setup, 1);
	}
	wm_standards_release(&m);
	wm_buf_release(&err);
}

#define MAX_LISTED_INVITES 64

struct invite_list {
	struct wm_http *h;
	int n;
	int submitted;
	int64_t invited[MAX_LISTED_INVITES];	/* not offered again */
	struct wm_buf options;	/* the validators who may be invited */
	int offered;
};

static int
invited_row(void *ctx, const struct wm_validator_row *v)
{
	struct invite_list *l = ctx;
	struct wm_http *h = l->h;

	/* Who has submitted is not shown beside names: with the lights
	 * shown by group, it would tie a light to a person. */
	HTML(h, "<li>");
	wm_esc_html_s(&h->out, v->name);
	HTML(h, "</li>\n");
	if (l->n < MAX_LISTED_INVITES)
		l->invited[l->n] = v->account_id;
	l->n++;
	l->submitted += v->response_id != 0;
	return 0;
}

static int
candidate(void *ctx, const struct wm_validator_row *v)
{
	struct invite_list *l = ctx;
	char id[24];
	int k;

	for (k = 0; k < l->n && k < MAX_LISTED_INVITES; k++)
		if (l->invited[k] == v->account_id)
			return 0;
	snprintf(id, sizeof(id), "%lld", (long long)v->account_id);
	wm_buf_puts(&l->options, "<option value=\"");
	wm_esc_attr_s(&l->options, id);
	wm_buf_puts(&l->options, "\">");
	wm_esc_html_s(&l->options, v->name);
	wm_buf_puts(&l->options, " (");
	wm_esc_html_s(&l->options, wm_group_name(v->stakeholder));
	wm_buf_puts(&l->options, ")</option>\n");
	l->offered++;
	return 0;
}

static void
invitations(struct wm_http *h, const struct wm_sa *a, const char *problem)
{
	struct wm_buf err = WM_BUF_INIT, to = WM_BUF_INIT;
	struct invite_list l;

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Validators</h2>\n<p class=\""
	    "nhsuk-body\">Invite people from a range of stakeholder groups to "
	    "rate the standards independently. They see the service's "
	    "evidence, but not its own lights until they have given "
	    "theirs.</p>\n<ul class=\"nhsuk-list nhsuk-list--bullet\">\n");
	memset(&l, 0, sizeof(l));
	l.h = h;
	wm_buf_init(&l.options, WM_BUF_DEFAULT_MAX);
	if (a->id)
		wm_page_store_ok(h, wm_store_invitations(h->store, a->id,
		    invited_row, &l, &err), &err);
	HTML(h, "</ul>\n");
	if (!l.n) {
		HTML(h, "<p class=\"nhsuk-body\">No one is invited yet.</p>\n");
	} else {
		char words[96];

		snprintf(words, sizeof(words), "%d of the %d invited ha%s "
		    "submitted their ratings.", l.submitted, l.n,
		    l.submitted == 1 ? "s" : "ve");
		HTML(h, "<p class=\"nhsuk-body\">");
		wm_esc_html_s(&h->out, words);
		HTML(h, "</p>\n");
	}
	if (wm_invitation_problem(a->versions)) {
		HTML(h, "<p class=\"nhsuk-body\">");
		wm_esc_html_s(&h->out, wm_invitation_problem(a->versions));
		HTML(h, ".</p>\n");
		goto out;
	}
	if (!wm_page_store_ok(h, wm_store_service_validators(h->store,
	    a->svc.id, candidate, &l, &err), &err))
		goto out;
	if (!l.offered) {
		HTML(h, "<p class=\"nhsuk-body\">There is no one else to invite: "
		    "validators hold the validator role at this service, given "
		    "by the network's administrator.</p>\n");
		goto out;
	}
	wm_buf_puts(&to, wm_buf_str(&a->base));
	wm_buf_puts(&to, "/invitations");
	wm_post_form_start(h, wm_buf_str(&to));
	wm_form_group_start(h, "account", "Validator to invite", NULL, problem);
	HTML(h, "<select class=\"nhsuk-select\" id=\"account\" name=\"account\">"
	    "\n");
	wm_buf_puts(&h->out, wm_buf_str(&l.options));
	HTML(h, "</select>\n</div>\n<button class=\"nhsuk-button nhsuk-button--"
	    "secondary\" type=\"submit\">Invite</button>\n</form>\n");
out:
	wm_buf_release(&l.options);
	wm_buf_release(&to);
	wm_buf_release(&err);
}

/* A query, answer or reopening, as the lead sees it: validators by their
 * group, never by name. */
static int
query_row(void *ctx, const struct wm_standard_query_row *q)
{
	struct wm_sa_queries *l = ctx;
	struct wm_http *h = l->h;
	char when[32], head[160], day[11];

	snprintf(day, sizeof(day), "%.10s", q->at);
	wm_date_words(day, when, sizeof(when));
	if (strcmp(q->kind, "query") == 0)
		snprintf(head, sizeof(head), "Standard %d: query from %s, %s",
		    q->standard, wm_group_name(q->stakeholder), when);
	else if (strcmp(q->kind, "answer") == 0)
		snprintf(head, sizeof(head), "Standard %d: answered by the "
		    "service lead, %s", q->standard, when);
	else
		snprintf(head, sizeof(head), "Standard %d: reopened by the "
		    "service lead, %s", q->standard, when);
	HTML(h, "<li><p class=\"nhsuk-body nhsuk-u-margin-bottom-1\"><strong>");
	wm_esc_html_s(&h->out, head);
	HTML(h, "</strong></p>\n<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, q->text);
	if (l->lead && wm_reopening_pending(q->kind, q->answered_by)) {
		snprintf(head, sizeof(head), "/edit?reopen=%lld",
		    (long long)q->id);
		HTML(h, " ");
		HTML(h, "<a href=\"");
		wm_esc_attr_s(&h->out, l->base);
		wm_esc_attr_s(&h->out, head);
		HTML(h, "\">Amend this standard</a>");
	} else if (l->lead && strcmp(q->kind, "reopen") == 0) {
		snprintf(head, sizeof(head), " (answered by version %lld)",
		    (long long)q->answered_by);
		wm_esc_html_s(&h->out, head);
	}
	HTML(h, "</p></li>\n");
	l->n++;
	return 0;
}

void
wm_sa_queries(struct wm_http *h, int64_t assessment, const char *base,
    int lead)
{
	struct wm_buf err = WM_BUF_INIT;
	struct wm_sa_queries l = { h, base, lead, 0 };

	HTML(h, "<h2 class=\"nhsuk-heading-m\">Queries</h2>\n<ul class=\""
	    "nhsuk-list\">\n");
	wm_page_store_ok(h, wm_store_standard_queries(h->store, assessment,
	    query_row, &l, &err), &err);
	HTML(h, "</ul>\n");
	if (!l.n)
		HTML(h, "<p class=\"nhsuk-body\">No queries.</p>\n");
	wm_buf_release(&err);
}

static void
standard_select(struct wm_http *h, const struct wm_instrument *in)
{
	int chosen = wm_standard_parse(wm_form_get(&h->form, "standard"));
	int n;

	HTML(h, "<div class=\"nhsuk-form-group\">\n<label class=\"nhsuk-label\" "
	    "for=\"standard\">Standard</label>\n<select class=\"nhsuk-select\" "
	    "id=\"standard\" name=\"standard\">\n");
	for (n = 1; n <= WM_STANDARDS; n++) {
		char v[16], label[16];

		snprintf(v, sizeof(v), "%d", n);
		snprintf(label, sizeof(label), "%d. ", n);
		HTML(h, "<option value=\"");
		wm_esc_attr_s(&h->out, v);
		HTML(h, "\"");
		if (n == chosen)
			HTML(h, " selected");
		HTML(h, ">");
		wm_esc_html_s(&h->out, label);
		wm_esc_html_s(&h->out, wm_standard_title(in, n));
		HTML(h, "</option>\n");
	}
	HTML(h, "</select>\n</div>\n");
}

void
wm_sa_query_form(struct wm_http *h, const struct wm_instrument *in,
    const char *action, int lead, const char *problem)
{
	const char *kind = wm_form_get(&h->form, "kind");
	const char *text = wm_form_get(&h->form, "text");
	int reopen = kind && strcmp(kind, "reopen") == 0;

	wm_post_form_start(h, action);
	if (lead)
		HTML(h, "<h3 class=\"nhsuk-heading-s\">Answer a query, or reopen "
		    "one standard</h3>\n");
	else
		HTML(h, "<h3 class=\"nhsuk-heading-s\">Query a rating</h3>\n");
	standard_select(h, in);
	if (lead)
		HTML(h, "<div class=\"nhsuk-form-group\">\n<fieldset class=\""
		    "nhsuk-fieldset\">\n<legend class=\"nhsuk-fieldset__legend "
		    "nhsuk-fieldset__legend--s\">What are you doing?</legend>\n"
		    "<div class=\"nhsuk-radios\">\n<div class=\"nhsuk-radios__item"
		    "\">\n<input class=\"nhsuk-radios__input\" id=\"kind-1\" "
		    "name=\"kind\" type=\"radio\" value=\"answer\"");
	if (lead && !reopen)
		HTML(h, " checked");
	if (lead)
		HTML(h, ">\n<label class=\"nhsuk-label nhsuk-radios__label\" "
		    "for=\"kind-1\">Answering a query</label>\n</div>\n<div "
		    "class=\"nhsuk-radios__item\">\n<input class=\"nhsuk-radios__"
		    "input\" id=\"kind-2\" name=\"kind\" type=\"radio\" value=\""
		    "reopen\"");
	if (lead && reopen)
		HTML(h, " checked");
	if (lead)
		HTML(h, ">\n<label class=\"nhsuk-label nhsuk-radios__label\" "
		    "for=\"kind-2\">Reopening this standard, to amend it alone"
		    "</label>\n</div>\n</div>\n</fieldset>\n</div>\n");
	wm_form_group_start(h, "text", "Reason", NULL, problem);
	HTML(h, "<textarea class=\"nhsuk-textarea\" id=\"text\" name=\"text\" "
	    "rows=\"3\">");
	wm_esc_html_s(&h->out, text ? text : "");
	HTML(h, "</textarea>\n</div>\n<button class=\"nhsuk-button "
	    "nhsuk-button--secondary\" type=\"submit\">Send</button>\n"
	    "</form>\n");
}

void
wm_standards_render(struct wm_http *h, struct wm_sa *a, const char *field,
    const char *problem)
{
	const struct wm_instrument *in = NULL;
	struct wm_buf base = WM_BUF_INIT;
	char title[96];
	int64_t inst;

	if (!(in = wm_standards_instrument(h, WM_RESPONDENT_LEAD, &inst))) {
		wm_page_error(h, 409, "The standards are not loaded",
		    "Ask your network's administrator to load the core "
		    "standards instrument.");
		return;
	}
	snprintf(title, sizeof(title), "Standards: %s", a->name);
	wm_service_page_start(h, &a->svc, title);
	if (problem)
		wm_error_summary(h, field, problem);
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, wm_buf_str(&a->svc.name));
	HTML(h, ": the 10 core standards, self-monitored with traffic lights "
	    "and validated by a range of stakeholders.</p>\n");
	status(h, a, in, inst);
	lights(h, a, in);
	if (a->id)
		wm_sa_comments(h, a->id);
	invitations(h, a, field && strcmp(field, "account") == 0 ? problem :
	    NULL);
	if (a->versions) {
		struct wm_buf action = WM_BUF_INIT;

		wm_sa_queries(h, a->id, wm_buf_str(&a->base), 1);
		wm_buf_puts(&action, wm_buf_str(&a->base));
		wm_buf_puts(&action, "/queries");
		wm_sa_query_form(h, in, wm_buf_str(&action), 1,
		    field && strcmp(field, "text") == 0 ? problem : NULL);
		wm_buf_release(&action);
	}
	wm_buf_clear(&base);
	wm_service_href(&base, &a->svc, "/standards/");
	(void)wm_standards_history(h, a->svc.id, in, &a->setup, "History",
	    wm_buf_str(&base));
	wm_buf_release(&base);
	wm_page_end(h);
}

void
wm_page_standards(struct wm_http *h)
{
	struct wm_sa a = WM_SA_INIT;

	if (wm_sa_open(h, &a) == 0)
		wm_standards_render(h, &a, NULL, NULL);
	wm_sa_release(&a);
}
