/*
 * The sections of a service's own page for a commissioner that /network
 * has no column for: what people and staff say about the service (its
 * ERFS profile by group, people and staff side by side, and the share of
 * people who agree with each supportive service indicator), and its
 * trends quarter by quarter as small multiples. Every count, share and
 * mean goes through the network's disclosure rule, not the service's
 * own: a mean is shown only when the rule lets a mean of that many people
 * be shown.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/erfs.h"
#include "report/network_trends.h"
#include "report/profile.h"
#include "report/trend_svg.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"

/* --- the latest quarter of the window with answers --------------------- */

struct in_window {
	const char *from, *to;
	char q[8];
};

/* Quarters come newest first: the first inside the window. */
static int
quarter_row(void *ctx, const struct wm_profile_period_row *r)
{
	struct in_window *w = ctx;

	if (!r->quarter || strlen(r->quarter) != 7 ||
	    strcmp(r->quarter, w->to) > 0 || strcmp(r->quarter, w->from) < 0)
		return 0;
	memcpy(w->q, r->quarter, 8);
	return 1;
}

/* The view of `kind` of the service for the latest quarter of the window
 * in which it has answers, into *p (p->in NULL and *none 1 when it has
 * none there). 0, or -1 with the store's failure answered. */
static int
latest(struct wm_http *h, const struct wm_net_request *r,
    enum wm_profile_kind kind, struct wm_profile *p, int *none)
{
	const struct wm_net_view *v = &r->view;
	int64_t unit = v->services[r->only].id;
	struct in_window w = { v->from_s, v->to_s, "" };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_quarter q;
	int rc;

	rc = wm_store_profile_periods(h->store, wm_profile_url(kind), unit,
	    wm_profile_subject_kind(kind), quarter_row, &w, &err);
	*none = rc == 0 && (!w.q[0] || wm_quarter_parse(w.q, &q));
	if (rc == 0 && !*none)
		rc = wm_profile_load(h->store, kind, unit, &q, p, &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

/* "From 12 people using the service ... in July to September 2026." */
static void
when(struct wm_http *h, const struct wm_profile *p)
{
	char words[40];

	wm_quarter_words(&p->period, words, sizeof(words));
	HTML(h, "<p class=\"nhsuk-body\">");
	wm_esc_html_s(&h->out, words);
	HTML(h, ", the latest quarter of these with answers: ");
}

/* --- the ERFS profile by group ----------------------------------------- */

/* A group's mean in a column, when the rule lets a mean of that many
 * people be shown: 1 and *mean. */
static int
group_mean(const struct wm_net_request *r, const struct wm_profile *p,
    size_t g, int column, double *mean)
{
	struct wm_erfs_group_tally t;

	wm_profile_erfs_group(p, g, column, &t);
	*mean = t.ratings > 0 ? t.total / (double)t.ratings : 0;
	return t.ratings > 0 && wm_disclose_mean(r->rule, t.raters);
}

static void
group_cell(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_profile *p, size_t g, int column, const char *heading)
{
	struct wm_erfs_group_tally t;
	double mean;

	wm_profile_erfs_group(p, g, column, &t);
	wm_net_td_start(h, heading);
	if (group_mean(r, p, g, column, &mean))
		wm_buf_printf(&h->out, "%.1f", mean);
	else if (t.ratings)
		HTML(h, "*");
	else
		HTML(h, "None");
	HTML(h, "</span></td>");
}

static void
erfs_groups(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_profile *p)
{
	size_t g;

	when(h, p);
	wm_net_count(h, r->rule, p->responses[0]);
	HTML(h, " ratings of the service by people using it, and ");
	wm_net_count(h, r->rule, p->responses[1]);
	HTML(h, " by staff. Each group's mean is of every "
	    "rating of its domains, from 1 (not at all) to 5 (very well); a "
	    "mean is withheld where fewer rated than the rule allows.</p>\n"
	    "<table class=\"nhsuk-table-responsive\">\n<caption class=\""
	    "nhsuk-table__caption nhsuk-u-font-size-19\">ERFS, by group"
	    "</caption>\n<thead class=\"nhsuk-table__head\"><tr class=\""
	    "nhsuk-table__row\">");
	WM_NET_TH(h, "Group");
	WM_NET_TH(h, "People using the service");
	WM_NET_TH(h, "Staff");
	WM_NET_TH(h, "A step or more apart");
	wm_net_thead_end(h);
	HTML(h, "<tbody class=\"nhsuk-table__body\">\n");
	for (g = 0; g < p->in->n_items; g++) {
		const struct wm_item *it = &p->in->items[g];
		double a, b;

		if (!wm_profile_is_group(p->in, g))
			continue;
		HTML(h, "<tr class=\"nhsuk-table__row\"><th class=\""
		    "nhsuk-table__header\" scope=\"row\">");
		wm_esc_html_s(&h->out, it->text ? it->text : it->link_id);
		HTML(h, "</th>");
		group_cell(h, r, p, g, 0, "People using the service");
		group_cell(h, r, p, g, 1, "Staff");
		wm_net_td_start(h, "A step or more apart");
		if (!group_mean(r, p, g, 0, &a) || !group_mean(r, p, g, 1, &b))
			HTML(h, "Cannot say");
		else if (wm_ratings_differ(a, b))
			HTML(h, "<strong>Yes: they differ</strong>");
		else
			HTML(h, "No");
		HTML(h, "</span></td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n");
}

/* --- the supportive service indicators ---------------------------------- */

static void
indicators(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_profile *p)
{
	size_t i;

	when(h, p);
	wm_net_count(h, r->rule, p->subjects[0]);
	HTML(h, " people answered. Agree means agree or strongly agree; "
	    "\"prefer not to say\" is left out, and each person's latest "
	    "answers in the quarter count once.</p>\n<table class=\""
	    "nhsuk-table-responsive\">\n<caption class=\"nhsuk-table__caption "
	    "nhsuk-u-font-size-19\">People who agree, by indicator</caption>\n"
	    "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row"
	    "\">");
	WM_NET_TH(h, "Indicator");
	WM_NET_TH(h, "Agree");
	WM_NET_TH(h, "People who answered it");
	wm_net_thead_end(h);
	HTML(h, "<tbody class=\"nhsuk-table__body\">\n");
	for (i = 0; i < p->in->n_items; i++) {
		const struct wm_tally *t = wm_profile_tally(p, i, 0);

		if (p->in->items[i].type != WM_ITEM_CHOICE)
			continue;
		wm_profile_row_head(&h->out, &p->in->items[i]);
		wm_net_td_start(h, "Agree");
		wm_net_share(h, r->rule, t->agree, t->scored);
		HTML(h, "</span></td>");
		wm_net_td_start(h, "People who answered it");
		wm_net_count(h, r->rule, t->scored);
		HTML(h, "</span></td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n");
}

static int
view(struct wm_http *h, const struct wm_net_request *r,
    enum wm_profile_kind kind, const char *title, const char *nothing)
{
	struct wm_profile p = WM_PROFILE_INIT;
	int none;

	HTML(h, "<h4 class=\"nhsuk-heading-xs\">");
	wm_esc_html_s(&h->out, title);
	HTML(h, "</h4>\n");
	if (latest(h, r, kind, &p, &none)) {
		wm_profile_release(&p);
		return -1;
	}
	if (none || !p.in) {
		HTML(h, "<p class=\"nhsuk-body\">");
		wm_esc_html_s(&h->out, nothing);
		HTML(h, "</p>\n");
	} else if (kind == WM_PROFILE_ERFS)
		erfs_groups(h, r, &p);
	else
		indicators(h, r, &p);
	wm_profile_release(&p);
	return 0;
}

int
wm_net_experience_latest_html(struct wm_http *h,
    const struct wm_net_request *r)
{
	HTML(h, "<h3 class=\"nhsuk-heading-s\">The latest quarter in "
	    "detail</h3>\n<p class=\"nhsuk-body-s\">The service's ERFS "
	    "profile by its three groups, people using the service and staff "
	    "side by side, and the share of people who agree with each "
	    "supportive service indicator, for the latest quarter of these "
	    "with answers.</p>\n");
	if (view(h, r, WM_PROFILE_ERFS, "The ERFS profile, by group, in the "
	    "latest quarter", "No one rated the service on ERFS in these "
	    "quarters.") || view(h, r, WM_PROFILE_INDICATORS, "The supportive "
	    "service indicators in the latest quarter", "No one answered the "
	    "supportive service indicators about the service in these "
	    "quarters."))
		return -1;
	return 0;
}

/* --- trends, as small multiples ---------------------------------------- */

static const struct {
	enum wm_net_trend_kind kind;
	const char *title;
} families[] = {
	{ WM_NET_TREND_RECOVERY, "Recovery: reliably improved" },
	{ WM_NET_TREND_CYCLE, "Measurement cycles: done in time" },
};

/* The charts of one family, two to a row on a wide screen. */
static int
family(struct wm_http *h, const struct wm_net_trends *t, size_t f,
    int *id)
{
	size_t i, shown = 0;
	char name[24];

	for (i = 0; i < t->n; i++) {
		if (t->v[i].kind != families[f].kind)
			continue;
		if (!shown) {
			HTML(h, "<h3 class=\"nhsuk-heading-s\">");
			wm_esc_html_s(&h->out, families[f].title);
			HTML(h, "</h3>\n<p class=\"nhsuk-body-s\">");
			wm_esc_html_s(&h->out, wm_net_trend_about(
			    families[f].kind));
			HTML(h, "</p>\n");
		}
		if (shown % 2 == 0)
			HTML(h, "<div class=\"nhsuk-grid-row\">\n");
		HTML(h, "<div class=\"nhsuk-grid-column-one-half "
		    "nhsuk-u-margin-bottom-5\">\n");
		snprintf(name, sizeof(name), "trend-%d", ++*id);
		if (wm_trend_html(&h->out, name, t, &t->v[i]))
			return -1;
		HTML(h, "</div>\n");
		if (++shown % 2 == 0)
			HTML(h, "</div>\n");
	}
	if (shown % 2)
		HTML(h, "</div>\n");
	return 0;
}

int
wm_net_trends_html(struct wm_http *h, const struct wm_net_request *r)
{
	struct wm_buf err = WM_BUF_INIT, about = WM_BUF_INIT;
	struct wm_net_trends t;
	char a[40], b[40];
	size_t f;
	int id = 0, rc;

	wm_net_trends_init(&t);
	rc = wm_net_trends_build(h->store, &r->view, r->only, r->rule, &t,
	    &err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	wm_quarter_words(&t.from, a, sizeof(a));
	wm_quarter_words(&t.to, b, sizeof(b));
	wm_buf_printf(&about, "The service's key proportions, each quarter "
	    "from %s to %s (at least the last %d quarters, or your window "
	    "when it is longer), each through the same rule as every other "
	    "figure.", a, b, WM_NET_TREND_QUARTERS);
	wm_net_section_start(h, "trends", "Trends, quarter by quarter",
	    wm_buf_str(&about));
	for (f = 0; rc == 0 && f < sizeof(families) / sizeof(families[0]); f++)
		rc = family(h, &t, f, &id);
	HTML(h, "<p class=\"nhsuk-body-s\">The paired-outcome rate, people's "
	    "goals and training have no trend: what is kept of them as "
	    "answers are saved is how each stands now (each person's answers "
	    "so far, each goal's first and latest review, the staff now), not "
	    "how it stood at the end of a past quarter. Nothing is kept of "
	    "the supportive service indicators as answers are saved: each "
	    "quarter would be counted again from all its answers, so only the "
	    "latest is shown, above. The ERFS profile is a mean rating, not a "
	    "share of people, and is shown above for its latest quarter."
	    "</p>\n</section>\n");
out:
	wm_net_trends_release(&t);
	wm_buf_release(&about);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}
