/*
 * The standards pages' shared parts: see standards.h.
 */
#include "web/standards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "util/escape.h"
#include "web/answerer.h"
#include "web/form_items.h"
#include "web/layout.h"
#include "web/network.h"

int
wm_standards_setup(struct wm_http *h, struct wm_standards_setup *out)
{
	struct wm_buf err = WM_BUF_INIT;
	int ok = wm_page_store_ok(h, wm_store_standards_months(h->store,
	    &out->months, &err), &err) && wm_page_store_ok(h,
	    wm_store_validation_rule(h->store, &out->rule, &err), &err);

	wm_buf_release(&err);
	return ok ? 0 : -1;
}

const struct wm_instrument *
wm_standards_instrument(struct wm_http *h, enum wm_respondent who,
    int64_t *id)
{
	struct wm_answerer a;

	memset(&a, 0, sizeof(a));
	a.kind = WM_SUBJECT_SERVICE;
	a.respondent = who;
	return wm_family_instrument(h, wm_family_standards(), &a, id);
}

void
wm_standards_current(struct wm_http *h, int months, struct wm_date *start,
    struct wm_date *end)
{
	struct wm_date today;

	wm_date_from_days((long)(h->now / 86400), &today);
	wm_period_of(&today, months, start, end);
}

const char *
wm_group_name(const char *code)
{
	enum wm_stakeholder g = WM_STAKEHOLDER_NONE;

	if (!code || wm_stakeholder_from_code(code, &g))
		return "a validator";
	return wm_stakeholder_name(g);
}

void
wm_light(struct wm_http *h, enum wm_rating r)
{
	HTML(h, "<strong class=\"");
	wm_esc_attr_s(&h->out, wm_rating_tag(r));
	HTML(h, "\">");
	wm_esc_html_s(&h->out, wm_rating_word(r));
	HTML(h, "</strong>");
}

void
wm_light_cell(struct wm_http *h, const char *heading, enum wm_rating r)
{
	wm_td_start(h, heading);
	wm_light(h, r);
	HTML(h, "</span></td>");
}

void
wm_validated_cell(struct wm_http *h, int validated)
{
	wm_td_start(h, "Validated");
	if (validated)
		HTML(h, "&#10003; Validated");
	else
		HTML(h, "Not yet");
	HTML(h, "</span></td>");
}

static void
votes_cell(struct wm_http *h, const struct wm_standard_view *v)
{
	size_t k;

	if (!v->n_votes) {
		HTML(h, "None yet");
		return;
	}
	HTML(h, "<ul class=\"nhsuk-list nhsuk-u-margin-bottom-0\">");
	for (k = 0; k < v->n_votes; k++) {
		HTML(h, "<li>");
		wm_light(h, v->votes[k].rating);
		HTML(h, " ");
		wm_esc_html_s(&h->out, wm_stakeholder_name(v->votes[k].group));
		HTML(h, "</li>");
	}
	HTML(h, "</ul>");
}

static void
header(struct wm_http *h, const char *text)
{
	HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\">");
	wm_esc_html_s(&h->out, text);
	HTML(h, "</th>");
}

void
wm_standards_table(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_standards *m, const struct wm_standards_setup *setup,
    int show_self)
{
	char rule[160];
	int n;

	snprintf(rule, sizeof(rule), "A standard is validated when at least "
	    "%d validators from at least %d different groups have rated it.",
	    setup->rule.min_validators, setup->rule.min_groups);
	HTML(h, "<table class=\"nhsuk-table-responsive\">\n<caption class=\""
	    "nhsuk-table__caption\">The 10 core standards: ");
	if (show_self)
		HTML(h, "the service's own lights and the validators'");
	else
		HTML(h, "the validators' lights");
	HTML(h, "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\">");
	header(h, "Standard");
	if (show_self)
		header(h, "Service's own");
	header(h, "Validators, by group");
	header(h, "Consensus");
	header(h, "Validated");
	if (show_self)
		header(h, "Disagreement");
	HTML(h, "</tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	for (n = 1; n <= WM_STANDARDS; n++) {
		const struct wm_standard_view *v = &m->s[n - 1];
		char label[16];

		snprintf(label, sizeof(label), "%d. ", n);
		HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\"nhsuk-table__"
		    "header\" scope=\"row\">");
		wm_esc_html_s(&h->out, label);
		wm_esc_html_s(&h->out, wm_standard_title(in, n));
		HTML(h, "</th>");
		if (show_self)
			wm_light_cell(h, "Service's own", v->self);
		wm_td_start(h, "Validators, by group");
		votes_cell(h, v);
		HTML(h, "</span></td>");
		wm_light_cell(h, "Consensus", v->result.consensus);
		wm_validated_cell(h, v->result.validated);
		if (show_self) {
			char words[96];

			wm_td_start(h, "Disagreement");
			if (v->result.disagreeing) {
				snprintf(words, sizeof(words), "%zu validator%s "
				    "differ%s, by up to %d step%s",
				    v->result.disagreeing,
				    v->result.disagreeing == 1 ? "" : "s",
				    v->result.disagreeing == 1 ? "s" : "",
				    v->result.widest,
				    v->result.widest == 1 ? "" : "s");
				HTML(h, "<strong class=\"nhsuk-tag nhsuk-tag--"
				    "yellow\">");
				wm_esc_html_s(&h->out, words);
				HTML(h, "</strong>");
			} else {
				HTML(h, "None");
			}
			HTML(h, "</td>");
		}
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, rule);
	HTML(h, " Validators are shown by their group, never by name.</p>\n");
}

void
wm_sa_release(struct wm_sa *a)
{
	wm_led_service_release(&a->svc);
	wm_buf_release(&a->base);
}

static int
kept_period(void *ctx, const struct wm_assessment_row *row)
{
	struct wm_sa *a = ctx;

	a->versions = row->versions;
	if (wm_date_parse(row->period_end, &a->end))
		a->id = 0;
	return 1;
}

int
wm_sa_open(struct wm_http *h, struct wm_sa *a)
{
	const char *p = wm_route_param(&h->match, "period");
	struct wm_date cs, ce, today;
	struct wm_buf err = WM_BUF_INIT;
	int rc;

	if (wm_service_led(h, &a->svc) || wm_standards_setup(h, &a->setup))
		return -1;
	wm_standards_current(h, a->setup.months, &cs, &ce);
	a->start = cs;
	if (p && wm_date_parse(p, &a->start))
		goto not_found;
	wm_date_format(&a->start, a->period);
	/* A period kept from before the network changed its length keeps
	 * its own days; only a new one takes the present length. */
	a->id = 0;
	rc = wm_store_assessment_find(h->store, a->svc.id, a->period, &a->id,
	    &err);
	if (rc == 0)
		rc = wm_store_assessment_get(h->store, a->id, kept_period, a,
		    &err);
	if (rc == WM_STORE_NOT_FOUND)
		a->id = 0;
	else if (!wm_page_store_ok(h, rc, &err)) {
		wm_buf_release(&err);
		return -1;
	}
	wm_buf_release(&err);
	if (!a->id) {
		a->versions = 0;
		if (wm_period_parse(a->period, a->setup.months, &a->start) ||
		    wm_date_cmp(&a->start, &cs) > 0)
			goto not_found;
		wm_period_of(&a->start, a->setup.months, &a->start, &a->end);
	}
	wm_date_from_days((long)(h->now / 86400), &today);
	a->current = wm_date_cmp(&a->start, &today) <= 0 &&
	    wm_date_cmp(&today, &a->end) <= 0;
	wm_date_format(&a->end, a->period_end);
	wm_period_name(&a->start, &a->end, a->name, sizeof(a->name));
	wm_service_href(&a->base, &a->svc, "/standards/");
	wm_buf_puts(&a->base, a->period);
	return 0;
not_found:
	wm_page_not_found(h);
	return -1;
}

struct comments {
	struct wm_http *h;
	const struct wm_instrument *in;	/* the form the comments answer */
	int64_t inst;
	void (*each)(void *, int, const char *, const char *);
	void *ctx;
};

static int
comment(void *ctx, const struct wm_validation_comment_row *row)
{
	struct comments *c = ctx;
	int k, n;

	if (row->instrument_id != c->inst) {
		c->in = wm_page_instrument(c->h, row->instrument_id);
		c->inst = row->instrument_id;
	}
	if (c->in && (k = wm_instrument_find_item(c->in, row->link_id)) >= 0 &&
	    (n = wm_standard_of_item(c->in, (size_t)k)))
		c->each(c->ctx, n, row->stakeholder, row->text);
	return 0;
}

int
wm_sa_comments_each(struct wm_http *h, int64_t assessment,
    void (*each)(void *, int, const char *, const char *), void *ctx)
{
	struct wm_buf err = WM_BUF_INIT;
	struct comments c = { h, NULL, 0, each, ctx };
	int rc = wm_store_validation_comments(h->store, assessment, comment,
	    &c, &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc;
}

struct comment_list {
	struct wm_http *h;
	int any;
};

static void
comment_item(void *ctx, int standard, const char *group, const char *text)
{
	struct comment_list *l = ctx;
	struct wm_http *h = l->h;
	char label[48];

	if (!l->any)
		HTML(h, "<h2 class=\"nhsuk-heading-m\">Validators' comments</h2>"
		    "\n<ul class=\"nhsuk-list\">\n");
	l->any = 1;
	snprintf(label, sizeof(label), "Standard %d, ", standard);
	HTML(h, "<li><strong>");
	wm_esc_html_s(&h->out, label);
	wm_esc_html_s(&h->out, wm_group_name(group));
	HTML(h, ":</strong> ");
	wm_esc_html_s(&h->out, text);
	HTML(h, "</li>\n");
}

void
wm_sa_comments(struct wm_http *h, int64_t assessment)
{
	struct comment_list l = { h, 0 };

	wm_sa_comments_each(h, assessment, comment_item, &l);
	if (l.any)
		HTML(h, "</ul>\n");
}

static int
latest_version(void *ctx, const struct wm_assessment_version_row *row)
{
	int64_t *v = ctx;

	v[0] = row->response_id;
	v[1] = row->instrument_id;
	return 0;
}

int
wm_sa_latest(struct wm_http *h, int64_t assessment,
    const struct wm_instrument **in, struct wm_response **out)
{
	struct wm_buf err = WM_BUF_INIT;
	int64_t latest[2] = { 0, 0 };
	int rc = 0;

	*in = NULL;
	*out = NULL;
	if (!wm_page_store_ok(h, wm_store_assessment_versions(h->store,
	    assessment, latest_version, latest, &err), &err))
		rc = -1;
	else if (latest[0] && (!(*in = wm_page_instrument(h, latest[1])) ||
	    wm_items_load(h, *in, latest[0], out)))
		rc = -1;
	wm_buf_release(&err);
	return rc;
}

int
wm_sa_draft(struct wm_http *h, const struct wm_sa *a,
    const struct wm_instrument *in, int64_t inst, struct wm_response **out)
{
	struct wm_draft_key k = { inst, WM_SUBJECT_SERVICE, a->svc.id,
	    WM_RESPONDENT_LEAD, h->who.account_id };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date on;
	char day[11];
	int64_t rid;
	int rc;

	*out = NULL;
	rc = wm_store_draft_find(h->store, &k, &rid, &err);
	if (rc == 0)
		rc = wm_store_response_date(h->store, rid, day, &err);
	if (rc != WM_STORE_NOT_FOUND)
		wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	if (rc == WM_STORE_NOT_FOUND)
		return 0;
	if (rc || wm_date_parse(day, &on))
		return -1;
	if (wm_date_cmp(&on, &a->start) < 0 || wm_date_cmp(&on, &a->end) > 0)
		return 0;
	return wm_items_load(h, in, rid, out);
}

void
wm_sa_authored(struct wm_http *h, const struct wm_sa *a, struct wm_date *out)
{
	wm_date_from_days((long)(h->now / 86400), out);
	if (wm_date_cmp(out, &a->end) > 0)
		*out = a->end;
}

void
wm_invite_release(struct wm_invite *v)
{
	wm_buf_release(&v->unit_name);
}

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static int
invite_row(void *ctx, const struct wm_invited_row *row)
{
	struct wm_invite *v = ctx;

	copy(v->unit_code, sizeof(v->unit_code), row->unit_code);
	wm_buf_puts(&v->unit_name, row->unit_name);
	copy(v->period, sizeof(v->period), row->period);
	copy(v->period_end, sizeof(v->period_end), row->period_end);
	wm_stakeholder_from_code(row->stakeholder, &v->group);
	v->response_id = row->response_id;
	return 1;
}

static int
unit_of(void *ctx, const struct wm_assessment_row *row)
{
	struct wm_invite *v = ctx;

	v->unit_id = row->unit_id;
	v->versions = row->versions;
	return 1;
}

int
wm_invite_open(struct wm_http *h, struct wm_invite *v)
{
	/* The route's rule found the invitation and checked it is theirs. */
	long long id = (long long)h->scope.assessment_id;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date start, last;
	int rc = -1;

	if (id > 0 && wm_page_store_ok(h, wm_store_account_invitations(h->store,
	    h->who.account_id, id, invite_row, v, &err), &err) &&
	    wm_page_store_ok(h, wm_store_assessment_get(h->store, id, unit_of,
	    v, &err), &err) && wm_date_parse(v->period, &start) == 0 &&
	    wm_date_parse(v->period_end, &last) == 0) {
		v->assessment = id;
		if (wm_standards_setup(h, &v->setup)) {
			wm_buf_release(&err);
			return -1;
		}
		wm_period_name(&start, &last, v->name, sizeof(v->name));
		snprintf(v->base, sizeof(v->base), "/validations/%lld", id);
		rc = 0;
	} else {
		wm_page_not_found(h);
	}
	wm_buf_release(&err);
	return rc;
}

/* --- the history of lights, period by period ---------------------------- */

struct grid {
	struct wm_standards m[WM_STANDARDS_HISTORY];
	int n;
};

/* Rows come oldest period first; the last WM_STANDARDS_HISTORY are kept. */
static int
grid_row(void *ctx, const struct wm_assessment_rating_row *row)
{
	struct grid *g = ctx;

	if (!g->n || strcmp(g->m[g->n - 1].period, row->period) != 0) {
		if (g->n == WM_STANDARDS_HISTORY) {
			wm_standards_release(&g->m[0]);
			memmove(&g->m[0], &g->m[1], sizeof(g->m[0]) *
			    (WM_STANDARDS_HISTORY - 1));
			g->n--;
		}
		wm_standards_init(&g->m[g->n++]);
	}
	return wm_standards_add(&g->m[g->n - 1], row) ? -1 : 0;
}

void
wm_period_words(const char *start, const char *end, char *out, size_t n)
{
	struct wm_date d, e;

	if (wm_date_parse(start, &d) || wm_date_parse(end, &e))
		snprintf(out, n, "%s", start);
	else
		wm_period_name(&d, &e, out, n);
}

/* A period's column heading, linking to its own page. */
static void
period_head(struct wm_http *h, const struct wm_standards *m,
    const char *href_base)
{
	char name[64];

	wm_period_words(m->period, m->period_end, name, sizeof(name));
	HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\"><a href=\"");
	wm_esc_attr_s(&h->out, href_base);
	wm_esc_attr_s(&h->out, m->period);
	HTML(h, "\">");
	wm_esc_html_s(&h->out, name);
	HTML(h, "</a></th>");
}

/* One standard in one period: the service's own light, the validators'
 * consensus, and whether it is validated, each in words as well. The
 * labels are visible: a hidden one, positioned outside the scrolling
 * grid, would widen the page on a narrow screen. */
static void
history_cell(struct wm_http *h, const struct wm_standard_view *v)
{
	HTML(h, "<td class=\"nhsuk-table__cell\"><span class=\"nhsuk-body-s\">"
	    "Own </span>");
	wm_light(h, v->self);
	HTML(h, "<br><span class=\"nhsuk-body-s\">Validators </span>");
	wm_light(h, v->result.consensus);
	if (v->result.validated)
		HTML(h, "<br><span class=\"nhsuk-body-s\">&#10003; "
		    "Validated</span>");
	HTML(h, "</td>");
}

int
wm_standards_history(struct wm_http *h, int64_t unit_id,
    const struct wm_instrument *in, const struct wm_standards_setup *setup,
    const char *heading, const char *href_base)
{
	struct wm_buf err = WM_BUF_INIT;
	struct grid g;
	int i, n, rc = -1;

	memset(&g, 0, sizeof(g));
	if (!wm_page_store_ok(h, wm_store_assessment_ratings(h->store,
	    unit_id, 0, grid_row, &g, &err), &err))
		goto out;
	rc = g.n;
	if (!g.n)
		goto out;
	if (heading) {
		HTML(h, "<h2 class=\"nhsuk-heading-m\">");
		wm_esc_html_s(&h->out, heading);
		HTML(h, "</h2>\n");
	}
	HTML(h, "<div class=\"nhsuk-table-container\"><table class=\""
	    "nhsuk-table\">\n<caption class=\"nhsuk-table__caption\">Lights by "
	    "period: the service's own, then the validators' consensus, and "
	    "&#10003; Validated where enough validators have rated it"
	    "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\"><th class=\"nhsuk-table__header\" "
	    "scope=\"col\">Standard</th>");
	for (i = 0; i < g.n; i++) {
		wm_standards_finish(&g.m[i], &setup->rule);
		period_head(h, &g.m[i], href_base);
	}
	HTML(h, "</tr></thead>\n<tbody class=\"nhsuk-table__body\">\n");
	for (n = 1; n <= WM_STANDARDS; n++) {
		char label[16];

		snprintf(label, sizeof(label), "%d", n);
		HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\""
		    "nhsuk-table__header\" scope=\"row\">");
		wm_esc_html_s(&h->out, label);
		HTML(h, "<span class=\"nhsuk-u-visually-hidden\">. ");
		wm_esc_html_s(&h->out, wm_standard_title(in, n));
		HTML(h, "</span></th>");
		for (i = 0; i < g.n; i++)
			history_cell(h, &g.m[i].s[n - 1]);
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n</table></div>\n");
out:
	for (i = 0; i < g.n; i++)
		wm_standards_release(&g.m[i]);
	wm_buf_release(&err);
	return rc;
}
