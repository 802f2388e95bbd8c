/*
 * The walk over every figure of the network view (report/
 * network_figures.h). A walk keeps the place it has reached (section,
 * row, measure) in one figure it fills in as it goes, and hands each
 * figure to the caller; the first failure sticks and stops the rest.
 * The tables of people are disclosed as wholes, exactly as
 * report/network_json.c discloses them, and every figure of them is
 * read from the table.
 */
#include "report/network_figures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "core/rating.h"
#include "core/standards.h"
#include "report/network_compare.h"
#include "report/network_table.h"
#include "report/network_work.h"

struct walk {
	const struct wm_net_view *v;
	enum wm_disclosure_rule rule;
	wm_net_figure_fn fn;
	void *ctx;
	char window[24];
	char group[320];
	struct wm_buf why;	/* a threshold's reason, while it is handed on */
	struct wm_net_figure f;
	int rc;
};

/* --- where the walk is ------------------------------------------------- */

static void
section(struct walk *w, const char *name)
{
	w->f.section = name;
	w->f.answered_by = "";
}

/* The measure, and the text's heading for it. */
static void
measure(struct walk *w, const char *code, const char *group)
{
	w->f.measure = code;
	if (group) {
		snprintf(w->group, sizeof(w->group), "%s", group);
		w->f.group = w->group;
	}
}

/* Row i: a service of the view, or the network when i is n_services. */
static void
row(struct walk *w, size_t i, const char *label)
{
	const struct wm_net_view *v = w->v;

	w->f.label = label;
	if (i >= v->n_services) {
		w->f.provider = w->f.provider_name = "";
		w->f.service = "network";
		w->f.service_name = "All these services";
		return;
	}
	w->f.provider = v->providers[v->services[i].provider].code;
	w->f.provider_name = v->providers[v->services[i].provider].name;
	w->f.service = v->services[i].code;
	w->f.service_name = v->services[i].name;
}

/* --- one figure -------------------------------------------------------- */

static void
emit(struct walk *w, const char *figure, const char *words, int aside,
    enum wm_net_value kind)
{
	if (w->rc)
		return;
	w->f.figure = figure;
	w->f.words = words;
	w->f.aside = aside;
	w->f.kind = kind;
	w->rc = w->fn(w->ctx, &w->f);
}

static void
shown(struct walk *w, const char *figure, const char *words, int aside,
    enum wm_net_value kind, struct wm_shown s)
{
	w->f.shown = s;
	emit(w, figure, words, aside, kind);
}

static void
count(struct walk *w, const char *figure, const char *words, int64_t n)
{
	shown(w, figure, words, 0, WM_NET_COUNT, wm_disclose_count(w->rule,
	    n));
}

static void
number(struct walk *w, const char *figure, const char *words, int aside,
    double x, int places, int withheld)
{
	double f = pow(10, places);

	/* Rounded half away from zero, as the JSON rounds it, so that
	 * printing it to `places` cannot round it another way. */
	w->f.number = round(x * f) / f;
	w->f.places = places;
	w->f.shown.withheld = withheld;
	w->f.shown.value = 0;
	emit(w, figure, words, aside, WM_NET_NUMBER);
}

/* Text; nothing to show when it is NULL. */
static void
text(struct walk *w, const char *figure, const char *words, int aside,
    const char *s)
{
	w->f.text = s;
	emit(w, figure, words, aside, s ? WM_NET_TEXT : WM_NET_NOTHING);
}

static void
flag(struct walk *w, const char *figure, const char *words, int aside,
    int yes)
{
	w->f.flag = yes != 0;
	emit(w, figure, words, aside, WM_NET_FLAG);
}

/* --- the standards ----------------------------------------------------- */

static void
standards(struct walk *w)
{
	const struct wm_net_view *v = w->v;
	char code[24], words[24];
	size_t i;
	int n;

	section(w, "standards");
	for (i = 0; i < v->n_services; i++) {
		const struct wm_net_service *sv = &v->services[i];

		row(w, i, NULL);
		measure(w, "standards", "The latest lights");
		text(w, "period", "latest period", 0, sv->lights.period[0] ?
		    sv->lights.period : NULL);
		if (!sv->lights.period[0])
			continue;
		number(w, "greens", "greens", 0, sv->greens, 0, 0);
		if (sv->has_before)
			number(w, "greens_before", "the period before", 1,
			    sv->greens_before, 0, 0);
		else
			emit(w, "greens_before", "the period before", 1,
			    WM_NET_NOTHING);
		for (n = 1; n <= WM_STANDARDS; n++) {
			const struct wm_standard_view *s = &sv->lights.s[n - 1];

			snprintf(code, sizeof(code), "standard-%d", n);
			snprintf(words, sizeof(words), "standard %d", n);
			measure(w, code, NULL);
			text(w, "self", words, 0, s->self == WM_RATING_NONE ?
			    NULL : wm_rating_name(s->self));
			text(w, "consensus", "validators", 1,
			    s->result.consensus == WM_RATING_NONE ? NULL :
			    wm_rating_name(s->result.consensus));
			flag(w, "validated", "validated", 1,
			    s->result.validated);
		}
	}
}

/* --- the tables of people ---------------------------------------------- */

/* Where one scale and kind's reliable change threshold comes from, on
 * the network's row: an estimate with the complete first answers its
 * reliability rests on and the first scores its SD does, apart; or why
 * there is none. */
static void
threshold(struct walk *w, const struct wm_net_threshold *t)
{
	row(w, w->v->n_services, "Reliable change");
	if (!t->has) {
		emit(w, "threshold", "reliable change threshold", 0,
		    WM_NET_NOTHING);
		wm_buf_clear(&w->why);
		wm_net_threshold_why(t, w->rule, &w->why);
		text(w, "threshold_why", "why none", 0, w->why.failed ? NULL :
		    wm_buf_str(&w->why));
		if (w->why.failed && !w->rc)
			w->rc = -1;
	} else {
		number(w, "threshold", "threshold in points", 0, t->value, 4,
		    0);
		number(w, "threshold_sd", "spread (SD)", 0, t->rel.sd, 4, 0);
		number(w, "threshold_reliability", "reliability", 0, t->rel.r,
		    4, 0);
		flag(w, "threshold_estimated", "estimated from the network's "
		    "first answers", 0, t->rel.estimated);
		if (!t->rel.estimated) {
			text(w, "threshold_source", "source", 0,
			    t->rel.source);
			return;
		}
	}
	count(w, "threshold_complete_first_answers", "complete first "
	    "answers the reliability rests on", t->rel.n_complete);
	count(w, "threshold_first_scores", "first scores the spread rests on",
	    t->rel.n_scores);
}

/* A table's cell and, in brackets, its share of the row's total. */
static void
count_share(struct walk *w, const char *figure, const char *percent,
    const char *words, const struct wm_net_table *t, size_t i, size_t col)
{
	shown(w, figure, words, 0, WM_NET_COUNT, wm_net_table_count(t, i,
	    col));
	if (wm_net_table_of_none(t, i))
		emit(w, percent, "", 1, WM_NET_NOTHING);
	else
		shown(w, percent, "", 1, WM_NET_PERCENT, wm_net_table_share(t,
		    i, col));
}

/* Row i of one scale and kind's tables. Where change was not judged,
 * its three outcomes have nothing to show, and the row says so. */
static void
outcome_row(struct walk *w, const struct wm_net_table *t,
    const struct wm_net_table *once, size_t i)
{
	static const char *const names[][3] = {
		{ "reliably_improved", "reliably_improved_percent",
		    "reliably improved" },
		{ "no_reliable_change", "no_reliable_change_percent",
		    "no reliable change" },
		{ "reliably_deteriorated", "reliably_deteriorated_percent",
		    "reliably deteriorated" },
	};
	size_t c;
	int judged = wm_net_outcome_judged(t);

	shown(w, "paired", "people with two answers or more", 0,
	    WM_NET_COUNT, wm_net_outcome_paired(t, i));
	if (judged)
		emit(w, "change", "", 0, WM_NET_NOTHING);
	else
		text(w, "change", "change", 0, "not judged");
	for (c = 0; c < 3; c++) {
		if (judged) {
			count_share(w, names[c][0], names[c][1], names[c][2],
			    t, i, c);
			continue;
		}
		emit(w, names[c][0], "", 0, WM_NET_NOTHING);
		emit(w, names[c][1], "", 1, WM_NET_NOTHING);
	}
	shown(w, "answered_once_only", "answered once only", 0, WM_NET_COUNT,
	    wm_net_table_count(once, i, WM_NET_ONCE));
}

/* "Recovery markers, answered alone", with the measure's title before it
 * when it is given. */
static void
kind_group(struct walk *w, const struct wm_net_outcomes *o, size_t k,
    int kind, int with_title)
{
	const struct wm_instrument *in = o->in;
	const struct wm_scale *sc = &in->scales[k];

	snprintf(w->group, sizeof(w->group), "%s%s%s, %s", with_title ?
	    (in->title ? in->title : in->url) : "", with_title ? ": " : "",
	    sc->title ? sc->title : sc->code, wm_net_kind_words(kind));
	w->f.group = w->group;
	w->f.measure = sc->code;
	w->f.answered_by = wm_net_kind_respondent(kind);
}

/* Scale k's people left out, whatever the kind: no response, and
 * answered only by someone else (nothing to show where no one else may
 * answer the measure, or for a window other than a year's), a row per
 * service and the network's. */
static void
leftout(struct walk *w, const struct wm_net_outcomes *o,
    const struct wm_net_measure_tables *mt, size_t k, int with_title)
{
	const struct wm_instrument *in = o->in;
	const struct wm_scale *sc = &in->scales[k];
	size_t i;

	snprintf(w->group, sizeof(w->group), "%s%s%s, left out", with_title ?
	    (in->title ? in->title : in->url) : "", with_title ? ": " : "",
	    sc->title ? sc->title : sc->code);
	w->f.group = w->group;
	w->f.measure = sc->code;
	w->f.answered_by = "";
	for (i = 0; i <= w->v->n_services; i++) {
		row(w, i, NULL);
		if (!wm_net_leftout_shown(w->v, o, w->rule)) {
			/* Counted for a window of a year only. */
			emit(w, "no_response", "no response", 0,
			    WM_NET_NOTHING);
			emit(w, "answered_by_others_only", "", 0,
			    WM_NET_NOTHING);
			continue;
		}
		shown(w, "no_response", "no response", 0, WM_NET_COUNT,
		    wm_net_table_count(&mt->none[k], i, WM_NET_NONE));
		if (o->others_may_answer)
			shown(w, "answered_by_others_only", "answered only by "
			    "someone else", 0, WM_NET_COUNT, wm_net_table_count(
			    &mt->others[k], i, WM_NET_OTHERS));
		else
			emit(w, "answered_by_others_only", "", 0,
			    WM_NET_NOTHING);
	}
}

/* The recovery markers on the network at a glance. */
static void
recovery(struct walk *w)
{
	const struct wm_net_view *v = w->v;
	struct wm_net_measure_tables mt;
	size_t i, k;

	section(w, "recovery");
	if (!v->recovery.in)
		return;
	if (wm_net_measure_tables_build(v, &v->recovery, w->rule, &mt)) {
		w->rc = -1;
		goto out;
	}
	for (k = 0; k < mt.n; k++) {
		kind_group(w, &v->recovery, k / WM_NET_KINDS,
		    (int)(k % WM_NET_KINDS), 0);
		threshold(w, wm_net_threshold_of(&v->recovery, k /
		    WM_NET_KINDS, (int)(k % WM_NET_KINDS)));
		for (i = 0; i <= v->n_services; i++) {
			row(w, i, NULL);
			outcome_row(w, &mt.outcome[k], &mt.once[k], i);
		}
		if (k % WM_NET_KINDS == WM_NET_KINDS - 1)
			leftout(w, &v->recovery, &mt, k / WM_NET_KINDS, 0);
	}
out:
	wm_net_measure_tables_release(&mt);
}

static void
paired(struct walk *w)
{
	const struct wm_net_view *v = w->v;
	struct wm_net_table t;
	size_t i;

	section(w, "paired-outcome-rate");
	measure(w, "paired-outcome-rate", "People with paired recovery "
	    "markers");
	if (wm_net_paired_table(v, w->rule, &t)) {
		w->rc = -1;
		return;
	}
	for (i = 0; i <= v->n_services; i++) {
		row(w, i, NULL);
		shown(w, "eligible", "on the caseload 180 days or more", 0,
		    WM_NET_COUNT, wm_net_table_count(&t, i,
		    WM_NET_PAIRED_COLS));
		count_share(w, "paired", "paired_percent", "recorded twice or "
		    "more", &t, i, WM_NET_PAIRED);
	}
	wm_net_table_release(&t);
}

static void
goals(struct walk *w)
{
	const struct wm_net_view *v = w->v;
	struct wm_net_table t;
	struct wm_shown reviewed;
	size_t i;

	section(w, "goals");
	measure(w, "goals", "Goals and their reviews");
	if (wm_net_goals_table(v, w->rule, &t)) {
		w->rc = -1;
		return;
	}
	for (i = 0; i <= v->n_services; i++) {
		row(w, i, NULL);
		shown(w, "with_goals", "people with goals", 0, WM_NET_COUNT,
		    wm_net_table_count(&t, i, WM_NET_GOAL_COLS));
		shown(w, "reviewed", "a goal reviewed twice or more", 0,
		    WM_NET_COUNT, wm_net_goals_reviewed(&t, i));
		shown(w, "higher", "latest review higher than the first", 0,
		    WM_NET_COUNT, wm_net_table_count(&t, i, WM_NET_HIGHER));
		reviewed = wm_net_goals_reviewed(&t, i);
		if (!reviewed.withheld && reviewed.value == 0)
			emit(w, "higher_percent", "", 1, WM_NET_NOTHING);
		else
			shown(w, "higher_percent", "", 1, WM_NET_PERCENT,
			    wm_net_goals_higher_share(&t, i));
	}
	wm_net_table_release(&t);
}

/* --- services' own figures: cycles and training ----------------------- */

/* A share of the denominator `den` as published: nothing to show when it
 * is published as 0. */
static void
work_share(struct walk *w, const char *figure, const char *words,
    struct wm_shown den, struct wm_shown s)
{
	if (!den.withheld && den.value == 0)
		emit(w, figure, words, 0, WM_NET_NOTHING);
	else
		shown(w, figure, words, 0, WM_NET_PERCENT, s);
}

static void
cycles(struct walk *w, const struct wm_net_work *work)
{
	const struct wm_net_view *v = w->v;
	const char *titles[16];
	char group[200];
	size_t n, k, i, c;

	section(w, "cycles");
	n = wm_net_cycle_titles(v, titles, sizeof(titles) /
	    sizeof(titles[0]));
	for (k = 0; k < n; k++) {
		size_t t = wm_net_work_cycle(work, titles[k]);

		snprintf(group, sizeof(group), "%s, done in time", titles[k]);
		measure(w, titles[k], group);
		for (i = 0; i < v->n_services; i++)
			for (c = 0; c < v->services[i].n_cycles; c++) {
				const struct wm_net_cycle *y =
				    &v->services[i].cycles[c];
				struct wm_shown due = wm_net_work_due(work, t,
				    i, WM_NET_ALL_PARTS);

				if (strcmp(y->title, titles[k]) != 0)
					continue;
				row(w, i, NULL);
				shown(w, "due", "due", 0, WM_NET_COUNT, due);
				work_share(w, "done_in_time_percent",
				    "done in time", due, wm_net_work_done(work,
				    t, i, WM_NET_ALL_PARTS));
				number(w, "months", "complete months counted",
				    0, y->months, 0, 0);
			}
	}
}

static void
training(struct walk *w, const struct wm_net_work *work)
{
	const struct wm_net_view *v = w->v;
	const struct wm_catalogue *cat = v->courses;
	size_t i, k;

	section(w, "training");
	for (i = 0; i < v->n_services; i++) {
		struct wm_shown staff = wm_net_work_staff(work, i);

		row(w, i, NULL);
		measure(w, "staff", "Staff who have done each course");
		shown(w, "staff", "staff", 0, WM_NET_COUNT, staff);
		for (k = 0; cat && k < cat->n_concepts; k++) {
			measure(w, cat->concepts[k].code, NULL);
			work_share(w, "completed_percent",
			    cat->concepts[k].display, staff,
			    wm_net_work_course(work, k, i));
		}
	}
}

/* --- experience -------------------------------------------------------- */

static void
indicator_rows(struct walk *w, const struct wm_net_experience_tables *t)
{
	const struct wm_net_view *v = w->v;
	const struct wm_net_experience *e = &v->experience;
	size_t i, j;

	for (j = 0; j < t->n_indicators; j++) {
		const struct wm_item *it = wm_net_indicator_item(e, j);
		const struct wm_net_table *tb = &t->indicators[j];

		snprintf(w->group, sizeof(w->group), "Supportive service "
		    "indicators: %s", it->text ? it->text : it->link_id);
		w->f.group = w->group;
		w->f.measure = it->link_id;
		for (i = 0; i <= v->n_services; i++) {
			row(w, i, NULL);
			shown(w, "answered", "answered", 0, WM_NET_COUNT,
			    wm_net_table_count(tb, i, tb->cols));
			count_share(w, "agree", "agree_percent", "agree", tb, i,
			    WM_NET_AGREE);
		}
	}
}

/* ERFS is counted over the last four quarters whatever the window
 * (report/network_experience.h): its rows name those quarters. */
static void
erfs_rows(struct walk *w, const struct wm_net_experience_tables *t)
{
	const struct wm_net_view *v = w->v;
	const struct wm_net_experience *e = &v->experience;
	char window[24], from[8], to[8];
	size_t i, g;
	int rater;

	wm_quarter_format(&e->erfs_quarters[0], from);
	wm_quarter_format(&e->erfs_quarters[1], to);
	snprintf(window, sizeof(window), "%s..%s", from, to);
	w->f.window = window;

	for (g = 0; g < e->n_groups; g++)
		for (rater = 0; rater < WM_NET_RATERS; rater++) {
			const struct wm_scale *sc = wm_net_erfs_group(e, g);
			const struct wm_net_table *tb = &t->erfs[g *
			    WM_NET_RATERS + (size_t)rater];

			snprintf(w->group, sizeof(w->group), "ERFS, %s, rated "
			    "by %s", sc->title ? sc->title : sc->code, rater ==
			    WM_NET_PEOPLE ? "people using the service" :
			    "staff");
			w->f.group = w->group;
			w->f.measure = sc->code;
			w->f.answered_by = wm_net_rater_respondent(rater);
			for (i = 0; i <= v->n_services; i++) {
				struct wm_net_mean m = wm_net_erfs_mean(v, tb,
				    g, rater, i);

				row(w, i, NULL);
				shown(w, "ratings", "ratings", 0, WM_NET_COUNT,
				    wm_net_table_count(tb, i, tb->cols));
				if (m.has)
					number(w, "mean", "mean", 0, m.value,
					    2, m.withheld);
				else
					emit(w, "mean", "mean", 0,
					    WM_NET_NOTHING);
			}
		}
	w->f.window = w->window;
}

static void
experience(struct walk *w)
{
	struct wm_net_experience_tables t;

	section(w, "experience");
	if (wm_net_experience_tables_build(w->v, w->rule, &t))
		w->rc = -1;
	else {
		indicator_rows(w, &t);
		erfs_rows(w, &t);
	}
	wm_net_experience_tables_release(&t);
}

/* --- funnel plots ------------------------------------------------------ */

/* A funnel plot's fit over the points shown. */
struct fitted {
	struct wm_funnel fit;
	int fitted;
};

static void
fit_of(struct walk *w, const struct wm_funnel_point *pts, struct fitted *f)
{
	if (wm_funnel_points_fit(pts, w->v->n_services, &f->fit, &f->fitted))
		w->rc = w->rc ? w->rc : -1;
}

/* Where service i stands on the plot, on its row. */
static void
place(struct walk *w, const struct fitted *f,
    const struct wm_funnel_point *pts, size_t i)
{
	text(w, "funnel_place", "against the network", 0,
	    wm_net_funnel_place(&f->fit, f->fitted, &pts[i]));
}

/* The same figures as a fit's, each with nothing to show, so that a
 * table has the same rows whatever the rule leaves to plot. */
static void
unfitted(struct walk *w)
{
	static const char *const names[] = { "funnel_theta", "funnel_phi",
	    "funnel_tau2", "funnel_overdispersed", "funnel_services",
	    "funnel_outside" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		emit(w, names[i], "", 0, WM_NET_NOTHING);
}

/* The fit on a row of its own, and the services outside the limits. */
static void
funnel_row(struct walk *w, const struct fitted *f,
    const struct wm_funnel_point *pts)
{
	const struct wm_net_view *v = w->v;
	struct wm_buf outside = WM_BUF_INIT;
	size_t i;

	for (i = 0; i < v->n_services; i++) {
		const char *p = wm_net_funnel_place(&f->fit, f->fitted,
		    &pts[i]);

		if (strcmp(p, "above") == 0 || strcmp(p, "below") == 0)
			wm_buf_printf(&outside, "%s%s (%s)", outside.len ?
			    ", " : "", v->services[i].name, p);
	}
	row(w, v->n_services, "Funnel plot");
	flag(w, "funnel_fitted", "drawn", 0, f->fitted);
	if (f->fitted) {
		number(w, "funnel_theta", "the network's share", 0,
		    f->fit.theta, 2, 0);
		number(w, "funnel_phi", "over-dispersion (phi)", 0, f->fit.phi,
		    2, 0);
		number(w, "funnel_tau2", "added variance (tau2)", 0,
		    f->fit.tau2, 4, 0);
		flag(w, "funnel_overdispersed", "limits widened for it", 0,
		    f->fit.overdispersed);
		number(w, "funnel_services", "services on the plot", 0,
		    (double)f->fit.units, 0, 0);
		text(w, "funnel_outside", "outside the 99.8% limits", 0,
		    outside.failed ? NULL : outside.len ?
		    wm_buf_str(&outside) : "none");
	} else
		unfitted(w);
	number(w, "funnel_left_off", "services left off (figures withheld)",
	    0, (double)wm_funnel_left_off(pts, v->n_services), 0, 0);
	if (outside.failed && !w->rc)
		w->rc = -1;
	wm_buf_release(&outside);
}

/* A proportion with no table of its own here: each service's place on
 * a row of its own, then the fit. */
static void
funnel(struct walk *w, const struct wm_funnel_point *pts)
{
	struct fitted f;
	size_t i;

	fit_of(w, pts, &f);
	for (i = 0; i < w->v->n_services; i++) {
		row(w, i, NULL);
		place(w, &f, pts, i);
	}
	funnel_row(w, &f, pts);
}

/* The view's mean change, and reliable recovery where there is a
 * cut-off, from table i of mt. */
static void
network_change(struct walk *w, const struct wm_net_outcomes *o,
    const struct wm_net_measure_tables *mt, size_t i)
{
	const struct wm_scale *sc = &o->in->scales[i / WM_NET_KINDS];
	const struct wm_net_table *rec = &mt->recovery[i];
	struct wm_moments m;
	double mean = 0, lo = 0, hi = 0;
	int withheld = !wm_net_mean_of(&mt->mean[i], o, i / WM_NET_KINDS,
	    (int)(i % WM_NET_KINDS), &m);

	/* The same three figures whatever the rule: withheld, or nothing
	 * to show with fewer than two people. */
	if (!withheld && wm_mean_ci95(&m, &mean, &lo, &hi)) {
		emit(w, "mean_change", "mean change", 0, WM_NET_NOTHING);
		emit(w, "mean_change_low", "lower 95% limit", 1,
		    WM_NET_NOTHING);
		emit(w, "mean_change_high", "upper 95% limit", 1,
		    WM_NET_NOTHING);
	} else {
		number(w, "mean_change", "mean change", 0, mean, 2, withheld);
		number(w, "mean_change_low", "lower 95% limit", 1, lo, 2,
		    withheld);
		number(w, "mean_change_high", "upper 95% limit", 1, hi, 2,
		    withheld);
	}
	if (!sc->has_cutoff)
		return;
	/* Reliable recovery needs a reliable improvement: where change was
	 * not judged there is nothing to show. */
	if (!wm_net_outcome_judged(&mt->outcome[i]) ||
	    wm_net_table_of_none(rec, rec->rows))
		emit(w, "reliable_recovery_percent", "reliable recovery", 0,
		    WM_NET_NOTHING);
	else
		shown(w, "reliable_recovery_percent", "reliable recovery", 0,
		    WM_NET_PERCENT, wm_net_table_share(rec, rec->rows,
		    WM_NET_RECOVERED));
}

/* One measure, each scale and kind. */
static void
outcome_measure(struct walk *w, const struct wm_net_outcomes *o,
    struct wm_funnel_point *pts)
{
	const struct wm_net_view *v = w->v;
	struct wm_net_measure_tables mt;
	struct fitted f;
	size_t i, k;

	if (wm_net_measure_tables_build(v, o, w->rule, &mt)) {
		w->rc = -1;
		goto out;
	}
	for (k = 0; k < mt.n && !w->rc; k++) {
		size_t scale = k / WM_NET_KINDS;
		int kind = (int)(k % WM_NET_KINDS);

		kind_group(w, o, scale, kind, 1);
		threshold(w, wm_net_threshold_of(o, scale, kind));
		wm_net_improved_points(v, &mt.outcome[k], pts);
		fit_of(w, pts, &f);
		for (i = 0; i <= v->n_services; i++) {
			row(w, i, NULL);
			outcome_row(w, &mt.outcome[k], &mt.once[k], i);
			if (i < v->n_services)
				place(w, &f, pts, i);
		}
		network_change(w, o, &mt, k);
		funnel_row(w, &f, pts);
		if (kind == WM_NET_KINDS - 1)
			leftout(w, o, &mt, scale, 1);
	}
out:
	wm_net_measure_tables_release(&mt);
}

static void
outcomes(struct walk *w, const struct wm_net_measures *m,
    struct wm_funnel_point *pts)
{
	size_t i;

	section(w, "outcomes");
	for (i = 0; i < m->n; i++)
		outcome_measure(w, m->list[i], pts);
}

static void
comparisons(struct walk *w, const struct wm_net_work *work,
    struct wm_funnel_point *pts)
{
	const struct wm_net_view *v = w->v;
	const struct wm_catalogue *cat = v->courses;
	const char *titles[16];
	char group[200];
	struct wm_net_table t;
	size_t n, k;

	section(w, "comparisons");
	measure(w, "paired-outcome-rate", "Paired-outcome rate");
	if (wm_net_paired_table(v, w->rule, &t)) {
		w->rc = -1;
		return;
	}
	wm_net_paired_points(v, &t, pts);
	wm_net_table_release(&t);
	funnel(w, pts);
	n = wm_net_cycle_titles(v, titles, sizeof(titles) /
	    sizeof(titles[0]));
	for (k = 0; k < n; k++) {
		snprintf(group, sizeof(group), "%s done in time", titles[k]);
		measure(w, titles[k], group);
		wm_net_cycle_points(v, work, titles[k], pts);
		funnel(w, pts);
	}
	for (k = 0; cat && k < cat->n_concepts; k++) {
		snprintf(group, sizeof(group), "Staff who have done %s",
		    cat->concepts[k].display);
		measure(w, cat->concepts[k].code, group);
		wm_net_course_points(v, work, k, pts);
		funnel(w, pts);
	}
}

/* --- the quarter-by-quarter means -------------------------------------- */

static const char *
respondent_words(const char *code)
{
	int kind;

	for (kind = 0; kind < WM_NET_KINDS; kind++)
		if (strcmp(code, wm_net_kind_respondent(kind)) == 0)
			return wm_net_kind_words(kind);
	return code;
}

/*
 * A quarter's count of people behind its means, published only to the
 * network's own analysts (rule none). A quarter's people with a score are
 * nearly the people paired and answered once only in that quarter's
 * window of the disclosed tables (differing only for someone who
 * answered at two services), so beside those tables, shown on its own
 * rule, it could let a withheld count be worked out; the mean is still
 * shown where the rule allows a mean of that many people.
 */
static void
quarter_count(struct walk *w, const char *words, int64_t n)
{
	struct wm_shown withheld = { 1, 0 };

	shown(w, "people", words, 0, WM_NET_COUNT,
	    w->rule == WM_DISCLOSURE_NONE ? wm_disclose_count(w->rule, n) :
	    withheld);
}

static void
quarterly(struct walk *w, const struct wm_netrep *q)
{
	char label[320], words[200], window[24];
	const struct wm_net_service *sv;
	size_t i, k;

	section(w, "quarterly-means");
	w->f.window = window;
	for (i = 0; i < wm_netrep_rows(q); i++) {
		struct wm_netrep_row r;

		wm_netrep_row(q, i, &r);
		snprintf(window, sizeof(window), "%s..%s", r.quarter,
		    r.quarter);
		snprintf(label, sizeof(label), "%s, %s, %s", r.site_name,
		    r.quarter, respondent_words(r.respondent));
		w->f.group = "Mean scores by quarter";
		w->f.answered_by = r.respondent;
		sv = wm_net_view_service(w->v, r.site);
		w->f.provider = sv ? w->v->providers[sv->provider].code : "";
		w->f.provider_name = "";	/* the text's row names it */
		w->f.service = r.site;
		w->f.service_name = r.site_name;
		w->f.label = label;
		w->f.measure = wm_family_dreem();
		quarter_count(w, "people who answered", r.people);
		for (k = 0; k < wm_netrep_scales(q); k++) {
			if (r.n[k] <= 0)
				continue;
			w->f.measure = wm_netrep_scale(q, k);
			snprintf(words, sizeof(words), "%s: people with a "
			    "score", wm_netrep_scale_title(q, k));
			quarter_count(w, words, r.n[k]);
			number(w, "mean", "mean", 1, r.mean[k], 2,
			    !wm_disclose_mean(w->rule, r.n[k]));
		}
	}
	w->f.window = w->window;
}

int
wm_net_figures(const struct wm_net_view *v,
    const struct wm_net_measures *m, const struct wm_netrep *q,
    enum wm_disclosure_rule rule, wm_net_figure_fn fn, void *ctx)
{
	struct wm_funnel_point *pts = calloc(v->n_services + 1, sizeof(*pts));
	struct wm_net_work work;
	struct walk w;

	memset(&work, 0, sizeof(work));
	if (!pts || wm_net_work_build(v, rule, &work)) {
		free(pts);
		wm_net_work_release(&work);
		return -1;
	}
	memset(&w, 0, sizeof(w));
	w.v = v;
	w.rule = rule;
	w.fn = fn;
	w.ctx = ctx;
	snprintf(w.window, sizeof(w.window), "%s..%s", v->from_s, v->to_s);
	w.f.window = w.window;
	wm_buf_init(&w.why, WM_BUF_DEFAULT_MAX);
	standards(&w);
	recovery(&w);
	paired(&w);
	cycles(&w, &work);
	training(&w, &work);
	experience(&w);
	goals(&w);
	outcomes(&w, m, pts);
	comparisons(&w, &work, pts);
	quarterly(&w, q);
	wm_buf_release(&w.why);
	free(pts);
	wm_net_work_release(&work);
	return w.rc;
}
