/*
 * The sections of /network about people: their recovery (reliable
 * change in the recovery markers, answered alone and with a practitioner
 * kept apart), the paired-outcome rate, and their own goals. Each is a
 * table whose rows and columns add up, so each goes through core's
 * disclosure rule as a whole (report/network_table.h): no withheld count
 * can be worked out from the others by subtraction.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/funnel_svg.h"
#include "report/network_compare.h"
#include "report/network_table.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"

/* A cell: the count and its share of the row's total, "10 (40%)". */
static void
count_share(struct wm_http *h, const struct wm_net_table *t, size_t row,
    size_t col, const char *heading)
{
	struct wm_shown n = wm_net_table_count(t, row, col);
	struct wm_shown total = wm_net_table_count(t, row, t->cols);

	wm_td_start(h, heading);
	wm_net_shown(h, n, 0);
	/* Whether there is a share to give is read from the total as
	 * published, never from the true one, which may be withheld. */
	if (!n.withheld && (total.withheld || total.value > 0)) {
		HTML(h, " (");
		wm_net_shown(h, wm_net_table_share(t, row, col), 1);
		HTML(h, ")");
	}
	HTML(h, "</span></td>");
}

static void
threshold_words(struct wm_http *h, const struct wm_net_threshold *t,
    int kind, enum wm_disclosure_rule rule)
{
	struct wm_buf why = WM_BUF_INIT;

	HTML(h, "<p class=\"nhsuk-body-s\">");
	wm_esc_html_s(&h->out, wm_net_kind_words(kind));
	HTML(h, ": ");
	if (!t->has) {
		wm_net_threshold_why(t, rule, &why);
		HTML(h, "change could not be judged, as there is no reliable "
		    "change threshold: ");
		wm_esc_html_s(&h->out, wm_buf_str(&why));
		HTML(h, ".</p>\n");
		wm_buf_release(&why);
		return;
	}
	wm_buf_printf(&h->out, "a change of more than %.2f points counts as "
	    "reliable", t->value);
	if (t->rel.estimated) {
		wm_buf_printf(&h->out, ", estimated from the network's own "
		    "first answers as the instrument declares none: "
		    "reliability %.2f (Cronbach's alpha) from ", t->rel.r);
		wm_net_shown(h, wm_disclose_count(rule, t->rel.n_complete), 0);
		wm_buf_printf(&h->out, " complete first answers, and spread "
		    "%.2f from ", t->rel.sd);
		wm_net_shown(h, wm_disclose_count(rule, t->rel.n_scores), 0);
		HTML(h, " first scores");
	} else {
		wm_buf_printf(&h->out, " (reliability %.2f, spread %.2f, from ",
		    t->rel.r, t->rel.sd);
		wm_esc_html_s(&h->out, t->rel.source ? t->rel.source :
		    "the instrument file");
		HTML(h, ")");
	}
	HTML(h, ".</p>\n");
}

/* The mean change and its 95% confidence interval, when the network's
 * table of means lets the view's be shown. */
static int
mean_change(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k, int kind)
{
	struct wm_net_table t;
	struct wm_moments m;
	double mean, lo, hi;

	if (wm_net_mean_table(&r->view, o, k, kind, r->rule, &t))
		return -1;
	HTML(h, "<p class=\"nhsuk-body-s\">Mean change, latest against "
	    "first, across these services: ");
	if (!wm_net_mean_of(&t, o, k, kind, &m) ||
	    wm_mean_ci95(&m, &mean, &lo, &hi))
		HTML(h, "withheld, as it would be of too few people, here or "
		    "by subtraction from another figure.");
	else
		wm_buf_printf(&h->out, "%+.2f points (95%% confidence interval "
		    "%+.2f to %+.2f).", mean, lo, hi);
	HTML(h, "</p>\n");
	wm_net_table_release(&t);
	return 0;
}

/* Reliable recovery across the view's services, where the scale has a
 * cut-off. */
static int
recovered(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k, int kind)
{
	struct wm_net_table t;

	if (wm_net_recovery_table(&r->view, o, k, kind, r->rule, &t))
		return -1;
	HTML(h, "<p class=\"nhsuk-body-s\">Reliable recovery (crossed the "
	    "cut-off with a reliable improvement), of the people who started "
	    "on the clinical side of it: ");
	if (wm_net_table_of_none(&t, t.rows))
		HTML(h, "None");
	else
		wm_net_shown(h, wm_net_table_share(&t, t.rows,
		    WM_NET_RECOVERED), 1);
	HTML(h, "</p>\n");
	wm_net_table_release(&t);
	return 0;
}

/* The funnel plot of the share reliably improved, each service's point
 * left off when the table withholds either of its figures; titled by its
 * scale and who answered, since a page has one for each. */
static int
improved_funnel(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_table *t, const char *id, const char *scale,
    int kind)
{
	const struct wm_net_view *v = &r->view;
	struct wm_funnel_point *pts = calloc(v->n_services + 1, sizeof(*pts));
	struct wm_buf what = WM_BUF_INIT;
	struct wm_funnel fit;
	int rc = -1;

	if (!pts)
		return -1;
	wm_buf_printf(&what, "reliably improved, %s, %s", scale,
	    wm_net_kind_words(kind));
	if (!what.failed) {
		wm_net_improved_points(v, t, pts);
		rc = wm_funnel_html(&h->out, id, wm_buf_str(&what), "people "
		    "with two answers or more", pts, v->n_services, &fit);
	}
	free(pts);
	wm_buf_release(&what);
	return rc;
}

/* The cells of row i that say how people changed: each outcome with
 * its share, or that change could not be judged. */
static void
change_cells(struct wm_http *h, const struct wm_net_table *t, size_t i)
{
	if (!wm_net_outcome_judged(t)) {
		wm_td_start(h, "Change");
		HTML(h, "Could not be judged</span></td>");
		return;
	}
	count_share(h, t, i, WM_NET_IMPROVED, "Reliably improved");
	count_share(h, t, i, WM_NET_NO_CHANGE, "No reliable change");
	count_share(h, t, i, WM_NET_DETERIORATED, "Reliably deteriorated");
}

/* The view's mean change, reliable recovery where the scale has a
 * cut-off, and the funnel plot of the share reliably improved: the last
 * two need change to have been judged. */
static int
below_table(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k, int kind,
    const struct wm_net_table *t, const char *funnel_id)
{
	const struct wm_scale *sc = &o->in->scales[k];

	if (mean_change(h, r, o, k, kind))
		return -1;
	if (!wm_net_outcome_judged(t)) {
		HTML(h, "<p class=\"nhsuk-body-s\">No funnel plot: with no "
		    "reliable change threshold, no one's change could be "
		    "judged.</p>\n");
		return 0;
	}
	if (sc->has_cutoff && recovered(h, r, o, k, kind))
		return -1;
	return improved_funnel(h, r, t, funnel_id, sc->title, kind);
}

int
wm_net_outcome_html(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k, int kind,
    const char *funnel_id)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_scale *sc = &o->in->scales[k];
	struct wm_net_table t, once;
	struct wm_buf caption = WM_BUF_INIT;
	size_t i;
	int rc = -1, judged;

	if (wm_net_outcome_table(v, o, k, kind, r->rule, &t))
		return -1;
	if (wm_net_once_table(v, o, k, kind, r->rule, &once)) {
		wm_net_table_release(&t);
		return -1;
	}
	judged = wm_net_outcome_judged(&t);
	wm_buf_puts(&caption, sc->title ? sc->title : sc->code);
	wm_buf_puts(&caption, ", ");
	wm_buf_puts(&caption, wm_net_kind_words(kind));
	threshold_words(h, wm_net_threshold_of(o, k, kind), kind, r->rule);
	wm_net_table_start(h, wm_buf_str(&caption));
	WM_NET_TH(h, "People with two answers or more");
	if (judged) {
		WM_NET_TH(h, "Reliably improved");
		WM_NET_TH(h, "No reliable change");
		WM_NET_TH(h, "Reliably deteriorated");
	} else
		WM_NET_TH(h, "Change");
	WM_NET_TH(h, "Answered once only");
	wm_net_thead_end(h);
	for (i = 0; i <= v->n_services; i++) {
		if (i < v->n_services) {
			if (!wm_net_row_start(h, r, i, judged ? 6 : 4))
				continue;
		} else
			wm_net_total_head(h);
		wm_td_start(h, "People with two answers or more");
		wm_net_shown(h, wm_net_outcome_paired(&t, i), 0);
		HTML(h, "</span></td>");
		change_cells(h, &t, i);
		wm_td_start(h, "Answered once only");
		wm_net_shown(h, wm_net_table_count(&once, i, WM_NET_ONCE), 0);
		HTML(h, "</span></td></tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	if (funnel_id && below_table(h, r, o, k, kind, &t, funnel_id))
		goto out;
	rc = 0;
out:
	wm_buf_release(&caption);
	wm_net_table_release(&t);
	wm_net_table_release(&once);
	return rc;
}

int
wm_net_leftout_html(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_scale *sc = &o->in->scales[k];
	const char *title = sc->title ? sc->title : sc->code;
	struct wm_net_table none, others;
	struct wm_buf caption = WM_BUF_INIT;
	size_t i;
	int more = o->others_may_answer;

	if (!wm_net_leftout_shown(v, o, r->rule)) {
		HTML(h, "<p class=\"nhsuk-body-s\">Who is left out for want of "
		    "an answer of their own (no response");
		if (more)
			HTML(h, ", or answered only by someone else");
		HTML(h, ") is counted for a window of four quarters only: "
		    "counts of the people on a caseload at any time in windows "
		    "of other lengths could be set against each other to give "
		    "one that is withheld. Choose four quarters to see them."
		    "</p>\n");
		return 0;
	}
	if (wm_net_none_table(v, o, k, r->rule, &none))
		return -1;
	if (wm_net_others_table(v, o, k, r->rule, &others)) {
		wm_net_table_release(&none);
		return -1;
	}
	HTML(h, "<p class=\"nhsuk-body-s\">Left out, however they answer: "
	    "people on a service's caseload at any time in these quarters with "
	    "no answer to the ");
	wm_esc_html_s(&h->out, title);
	HTML(h, " by the last of them (no response)");
	if (more)
		HTML(h, ", and those whose only answers were given by someone "
		    "else, a member of staff, never by themselves");
	else
		HTML(h, "; only the person answers it, alone or with a "
		    "practitioner, so no one is left out for having been "
		    "answered for by someone else");
	HTML(h, ". Someone on two services' caseloads counts at each.</p>\n");
	wm_buf_puts(&caption, title);
	wm_buf_puts(&caption, ": left out, and why");
	wm_net_table_start(h, wm_buf_str(&caption));
	WM_NET_TH(h, "No response");
	if (more)
		WM_NET_TH(h, "Answered only by someone else");
	wm_net_thead_end(h);
	for (i = 0; i <= v->n_services; i++) {
		if (i < v->n_services) {
			if (!wm_net_row_start(h, r, i, more ? 3 : 2))
				continue;
		} else
			wm_net_total_head(h);
		wm_td_start(h, "No response");
		wm_net_shown(h, wm_net_table_count(&none, i, WM_NET_NONE), 0);
		HTML(h, "</span></td>");
		if (more) {
			wm_td_start(h, "Answered only by someone else");
			wm_net_shown(h, wm_net_table_count(&others, i,
			    WM_NET_OTHERS), 0);
			HTML(h, "</span></td>");
		}
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	wm_buf_release(&caption);
	wm_net_table_release(&none);
	wm_net_table_release(&others);
	return 0;
}

int
wm_net_recovery_html(struct wm_http *h, const struct wm_net_request *r)
{
	struct wm_buf href = WM_BUF_INIT;
	int kind;

	wm_net_section_start(h, "recovery", "Recovery", "People's own "
	    "recovery markers, their first answer against their latest in "
	    "these quarters, for people who have answered at least twice. "
	    "Answers given alone and together with a practitioner are kept "
	    "apart.");
	if (!r->view.recovery.in || !r->view.recovery.n_scales) {
		HTML(h, "<p class=\"nhsuk-body\">The recovery markers are not "
		    "loaded, so there is nothing to show.</p>\n</section>\n");
		return 0;
	}
	wm_net_year_href(&href, &r->view, "/network/outcomes");
	HTML(h, "<p class=\"nhsuk-body-s\"><a href=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&href));
	HTML(h, "\">Every outcome measure, with funnel plots</a></p>\n");
	wm_buf_release(&href);
	for (kind = 0; kind < WM_NET_KINDS; kind++)
		if (wm_net_outcome_html(h, r, &r->view.recovery, 0, kind,
		    NULL))
			return -1;
	if (wm_net_leftout_html(h, r, &r->view.recovery, 0))
		return -1;
	HTML(h, "</section>\n");
	return 0;
}

/* --- the paired-outcome rate ------------------------------------------ */

int
wm_net_paired_html(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	struct wm_net_table t;
	size_t i;

	if (wm_net_paired_table(v, r->rule, &t))
		return -1;
	wm_net_section_start(h, "paired", "Paired-outcome rate", "As it "
	    "stands today, whichever quarters are shown: of the people on "
	    "each service's caseload for at least 180 days, the share with "
	    "their recovery markers recorded at least twice.");
	wm_net_table_start(h, "People with paired recovery markers");
	WM_NET_TH(h, "On the caseload 180 days or more");
	WM_NET_TH(h, "Recorded twice or more");
	wm_net_thead_end(h);
	for (i = 0; i <= v->n_services; i++) {
		if (i < v->n_services) {
			if (!wm_net_row_start(h, r, i, 3))
				continue;
		} else
			wm_net_total_head(h);
		wm_td_start(h, "On the caseload 180 days or more");
		wm_net_shown(h, wm_net_table_count(&t, i, WM_NET_PAIRED_COLS),
		    0);
		HTML(h, "</span></td>");
		count_share(h, &t, i, WM_NET_PAIRED, "Recorded twice or more");
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	HTML(h, "</section>\n");
	wm_net_table_release(&t);
	return 0;
}

/* --- goals ------------------------------------------------------------- */

static void
reviewed(struct wm_http *h, const struct wm_net_table *t, size_t i)
{
	wm_td_start(h, "A goal reviewed twice or more");
	wm_net_shown(h, wm_net_goals_reviewed(t, i), 0);
	HTML(h, "</span></td>");
}

int
wm_net_goals_html(struct wm_http *h, const struct wm_net_request *r)
{
	const struct wm_net_view *v = &r->view;
	struct wm_net_table t;
	size_t i;

	if (wm_net_goals_table(v, r->rule, &t))
		return -1;
	wm_net_section_start(h, "goals", "People's own goals", "As it "
	    "stands today, whichever quarters are shown: people on each "
	    "service's caseload with goals of their own, and of those "
	    "who have reviewed a goal at least twice, the people whose latest "
	    "review is higher than their first: is the service helping?");
	wm_net_table_start(h, "Goals and their reviews");
	WM_NET_TH(h, "People with goals");
	WM_NET_TH(h, "A goal reviewed twice or more");
	WM_NET_TH(h, "Latest review higher than the first");
	wm_net_thead_end(h);
	for (i = 0; i <= v->n_services; i++) {
		struct wm_shown hi, rv;

		if (i < v->n_services) {
			if (!wm_net_row_start(h, r, i, 4))
				continue;
		} else
			wm_net_total_head(h);
		wm_td_start(h, "People with goals");
		wm_net_shown(h, wm_net_table_count(&t, i, WM_NET_GOAL_COLS), 0);
		HTML(h, "</span></td>");
		reviewed(h, &t, i);
		hi = wm_net_table_count(&t, i, WM_NET_HIGHER);
		wm_td_start(h, "Latest review higher than the first");
		wm_net_shown(h, hi, 0);
		rv = wm_net_goals_reviewed(&t, i);
		/* No share of no one, as the API's null. */
		if (!hi.withheld && !rv.withheld && rv.value > 0) {
			HTML(h, " (");
			wm_net_shown(h, wm_net_goals_higher_share(&t, i), 1);
			HTML(h, ")");
		}
		HTML(h, "</span></td></tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
	HTML(h, "</section>\n");
	wm_net_table_release(&t);
	return 0;
}

/* --- comparing services: the other proportions' funnel plots ---------- */

static int
paired_funnel(struct wm_http *h, const struct wm_net_request *r,
    struct wm_funnel_point *pts)
{
	const struct wm_net_view *v = &r->view;
	struct wm_net_table t;
	struct wm_funnel fit;

	if (wm_net_paired_table(v, r->rule, &t))
		return -1;
	wm_net_paired_points(v, &t, pts);
	wm_net_table_release(&t);
	HTML(h, "<h3 class=\"nhsuk-heading-s\">Paired-outcome rate</h3>\n");
	return wm_funnel_html(&h->out, "funnel-paired", "paired-outcome rate",
	    "people on the caseload 180 days or more", pts, v->n_services,
	    &fit);
}

/* One proportion's funnel, headed by what it is. */
static int
funnel(struct wm_http *h, const struct wm_net_request *r, const char *id,
    const char *what, const char *of, const struct wm_funnel_point *pts)
{
	struct wm_funnel fit;

	HTML(h, "<h3 class=\"nhsuk-heading-s\">");
	wm_esc_html_s(&h->out, what);
	HTML(h, "</h3>\n");
	return wm_funnel_html(&h->out, id, what, of, pts, r->view.n_services,
	    &fit);
}

/* A funnel per measure run in cycles anywhere, each measure once. */
static int
cycle_funnels(struct wm_http *h, const struct wm_net_request *r,
    struct wm_funnel_point *pts)
{
	const char *titles[16];
	size_t n, k;
	char id[48], what[160];

	n = wm_net_cycle_titles(&r->view, titles, sizeof(titles) /
	    sizeof(titles[0]));
	for (k = 0; k < n; k++) {
		wm_net_cycle_points(&r->view, &r->work, titles[k], pts);
		snprintf(id, sizeof(id), "funnel-cycle-%zu", k + 1);
		snprintf(what, sizeof(what), "%s done in time", titles[k]);
		if (funnel(h, r, id, what, "times due", pts))
			return -1;
	}
	return 0;
}

static int
training_funnels(struct wm_http *h, const struct wm_net_request *r,
    struct wm_funnel_point *pts)
{
	const struct wm_catalogue *cat = r->view.courses;
	size_t k;
	char id[48], what[160];

	for (k = 0; cat && k < cat->n_concepts; k++) {
		wm_net_course_points(&r->view, &r->work, k, pts);
		snprintf(id, sizeof(id), "funnel-course-%zu", k + 1);
		snprintf(what, sizeof(what), "Staff who have done %s",
		    cat->concepts[k].display);
		if (funnel(h, r, id, what, "staff", pts))
			return -1;
	}
	return 0;
}

int
wm_net_compare_html(struct wm_http *h, const struct wm_net_request *r)
{
	struct wm_funnel_point *pts = calloc(r->view.n_services + 1,
	    sizeof(*pts));
	int rc;

	if (!pts)
		return -1;
	wm_net_section_start(h, "compare", "Comparing services", "Funnel plots "
	    "of the paired-outcome rate, the cycles done in time and the "
	    "training each service's staff have done. A service outside the "
	    "limits differs from the network by more than chance would "
	    "explain: a question to ask, not a verdict.");
	rc = paired_funnel(h, r, pts) || cycle_funnels(h, r, pts) ||
	    training_funnels(h, r, pts) ? -1 : 0;
	HTML(h, "</section>\n");
	free(pts);
	return rc;
}
