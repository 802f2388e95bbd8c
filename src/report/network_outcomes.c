/*
 * People's recovery outcomes across services (report/network_outcomes.h).
 * The store hands on one row per person, scale and kind who answered in
 * the window; each goes into its service's tally. Totals over services
 * are the disclosed tables' (report/network_table.h), never added here,
 * so that no total escapes the network-wide disclosure.
 * The thresholds are worked out first, from the instrument's declared
 * statistics or from the network's running sums of first answers.
 */
#include "report/network_outcomes.h"

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"

static const char *const respondent[WM_NET_KINDS] = {
	[WM_NET_SELF] = "person",
	[WM_NET_TOGETHER] = "person-with-practitioner",
};

static const char *const words[WM_NET_KINDS] = {
	[WM_NET_SELF] = "answered alone",
	[WM_NET_TOGETHER] = "answered with a practitioner",
};

const char *
wm_net_kind_respondent(int kind)
{
	return kind >= 0 && kind < WM_NET_KINDS ? respondent[kind] : "";
}

const char *
wm_net_kind_words(int kind)
{
	return kind >= 0 && kind < WM_NET_KINDS ? words[kind] : "";
}

static int
kind_of(const char *r)
{
	int k;

	for (k = 0; k < WM_NET_KINDS; k++)
		if (strcmp(r, respondent[k]) == 0)
			return k;
	return -1;
}

static int
scale_of(const struct wm_instrument *in, const char *code)
{
	size_t k;

	for (k = 0; k < in->n_scales; k++)
		if (strcmp(in->scales[k].code, code) == 0)
			return (int)k;
	return -1;
}

void
wm_net_outcomes_init(struct wm_net_outcomes *o)
{
	memset(o, 0, sizeof(*o));
}

void
wm_net_outcomes_release(struct wm_net_outcomes *o)
{
	free(o->service_ids);
	free(o->thresholds);
	free(o->cells);
	free(o->leftout);
	wm_net_outcomes_init(o);
}

int
wm_net_outcome_measure(const struct wm_instrument *in)
{
	const char *indicators = wm_known_url(WM_KNOWN_SUPPORTIVE_INDICATORS);

	return in && in->n_scales > 0 && (in->subjects & WM_SUBJECT_PERSON) &&
	    (in->respondents & (WM_RESPONDENT_PERSON |
	    WM_RESPONDENT_WITH_PRACTITIONER)) &&
	    strcmp(in->url, indicators) != 0;
}

const struct wm_net_outcome *
wm_net_outcome_at(const struct wm_net_outcomes *o, size_t i, size_t k,
    int kind)
{
	return &o->cells[(i * o->n_scales + k) * WM_NET_KINDS + (size_t)kind];
}

const struct wm_net_threshold *
wm_net_threshold_of(const struct wm_net_outcomes *o, size_t k, int kind)
{
	return &o->thresholds[k * WM_NET_KINDS + (size_t)kind];
}

const struct wm_net_leftout *
wm_net_leftout_at(const struct wm_net_outcomes *o, size_t i, size_t k)
{
	return &o->leftout[i * o->n_scales + k];
}

int64_t
wm_net_leftout_none(const struct wm_net_leftout *l)
{
	return l->caseload > l->answered ? l->caseload - l->answered : 0;
}

/* --- the thresholds ---------------------------------------------------- */

/* The running sums of one scale and kind's first answers. */
struct baseline {
	struct wm_moments score;	/* every first answer's score */
	struct wm_moments total;	/* complete first answers' item total */
	struct wm_moments *items;	/* [item of the scale] */
};

struct baselines {
	const struct wm_instrument *in;
	struct baseline *b;	/* [scale][kind] */
};

/* The place of item linkId among scale k's items, or -1. */
static int
item_of(const struct wm_instrument *in, size_t k, const char *link)
{
	const struct wm_scale *sc = &in->scales[k];
	size_t i;

	for (i = 0; i < sc->n_items; i++)
		if (strcmp(in->items[sc->items[i]].link_id, link) == 0)
			return (int)i;
	return -1;
}

static int
baseline_row(void *ctx, const struct wm_baseline_row *r)
{
	struct baselines *bs = ctx;
	int k = scale_of(bs->in, r->scale), kind = kind_of(r->respondent), i;
	struct baseline *b;
	struct wm_moments m;

	if (k < 0 || kind < 0)
		return 0;	/* another instrument of the family, or staff */
	b = &bs->b[(size_t)k * WM_NET_KINDS + (size_t)kind];
	m.n = r->n;
	m.sum = r->sum;
	m.sumsq = r->sumsq;
	if (!r->item)
		b->score = m;
	else if (!r->item[0])
		b->total = m;
	else if ((i = item_of(bs->in, (size_t)k, r->item)) >= 0)
		b->items[i] = m;
	return 0;
}

/* The threshold of one scale and kind: declared, else estimated. */
static void
threshold(const struct wm_scale *sc, const struct baseline *b,
    struct wm_net_threshold *t)
{
	memset(t, 0, sizeof(*t));
	if (sc->has_reliability) {
		t->rel.sd = sc->sd;
		t->rel.r = sc->reliability;
		t->rel.source = sc->statistics_source;
		t->has = 1;
		t->value = wm_reliable_threshold(sc->sd, sc->reliability);
		return;
	}
	t->why = wm_reliability_estimate(sc->n_items, &b->score, b->items,
	    &b->total, &t->rel);
	if (t->why != WM_ESTIMATE_MADE)
		return;
	t->has = 1;
	t->value = wm_reliable_threshold(t->rel.sd, t->rel.r);
}

const char *
wm_net_threshold_why_code(const struct wm_net_threshold *t)
{
	if (t->has)
		return "";
	switch (t->why) {
	case WM_ESTIMATE_TOO_FEW:
		return "too-few-first-answers";
	case WM_ESTIMATE_NO_SPREAD:
		return "no-spread";
	default:
		return "no-usable-reliability";
	}
}

void
wm_net_threshold_why(const struct wm_net_threshold *t,
    enum wm_disclosure_rule rule, struct wm_buf *out)
{
	struct wm_shown n = wm_disclose_count(rule, t->rel.n_complete);

	if (t->has)
		return;
	switch (t->why) {
	case WM_ESTIMATE_TOO_FEW:
		wm_buf_puts(out, "too few complete first answers to estimate "
		    "how much change is more than chance: ");
		/* A count the rule rounds up to the minimum is still below
		 * it: say so rather than "30 of 30". */
		if (n.withheld)
			wm_buf_puts(out, "*");
		else if (n.value >= WM_ALPHA_MIN_ANSWERS)
			wm_buf_puts(out, "fewer than");
		else
			wm_buf_printf(out, "%lld", (long long)n.value);
		wm_buf_printf(out, " of %d", WM_ALPHA_MIN_ANSWERS);
		break;
	case WM_ESTIMATE_NO_SPREAD:
		wm_buf_puts(out, "the first answers do not vary, so how much "
		    "change is more than chance cannot be estimated");
		break;
	default:
		wm_buf_puts(out, "the first answers give no usable estimate of "
		    "the scale's reliability (Cronbach's alpha is not between "
		    "0 and 1)");
		break;
	}
}

static int
thresholds(struct wm_store *s, struct wm_net_outcomes *o, struct wm_buf *err)
{
	const struct wm_instrument *in = o->in;
	size_t n = in->n_scales * WM_NET_KINDS, i, k;
	struct baselines bs = { in, calloc(n, sizeof(*bs.b)) };
	int rc = WM_STORE_ERROR;

	if (!bs.b)
		goto oom;
	for (i = 0; i < n; i++) {
		size_t items = in->scales[i / WM_NET_KINDS].n_items;

		if (!(bs.b[i].items = calloc(items + 1,
		    sizeof(*bs.b[i].items))))
			goto oom;
	}
	if ((rc = wm_store_network_baseline(s, o->measure, baseline_row, &bs,
	    err)))
		goto out;
	for (k = 0; k < in->n_scales; k++)
		for (i = 0; i < WM_NET_KINDS; i++)
			threshold(&in->scales[k], &bs.b[k * WM_NET_KINDS + i],
			    &o->thresholds[k * WM_NET_KINDS + i]);
	rc = 0;
	goto out;
oom:
	wm_buf_clear(err);
	wm_buf_puts(err, "out of memory");
out:
	for (i = 0; bs.b && i < n; i++)
		free(bs.b[i].items);
	free(bs.b);
	return rc;
}

/* --- the people -------------------------------------------------------- */

struct walk {
	struct wm_net_outcomes *o;
	size_t service;		/* the last row's, as rows come by service */
};

static int
service_index(struct walk *w, int64_t unit, size_t *at)
{
	size_t i;

	if (w->service < w->o->n_services &&
	    w->o->service_ids[w->service] == unit) {
		*at = w->service;
		return 0;
	}
	for (i = 0; i < w->o->n_services; i++)
		if (w->o->service_ids[i] == unit) {
			*at = w->service = i;
			return 0;
		}
	return -1;
}

static void
count(const struct wm_scale *sc, const struct wm_net_threshold *t,
    struct wm_net_outcome *c, const struct wm_outcome_row *r)
{
	if (r->responses < 2) {
		c->one_only++;
		return;
	}
	if (!t->has) {
		/* Paired, but with no threshold nothing is reliable: the
		 * mean change is still the people's. */
		c->t.paired++;
		wm_moments_add(&c->t.change, r->latest - r->first);
		return;
	}
	wm_outcome_tally_add(&c->t, r->first, r->latest, t->value,
	    sc->has_cutoff, sc->cutoff, sc->higher_is_better);
}

static int
person_row(void *ctx, const struct wm_outcome_row *r)
{
	struct walk *w = ctx;
	struct wm_net_outcomes *o = w->o;
	int k = scale_of(o->in, r->scale), kind = kind_of(r->respondent);
	size_t i, at;

	if (k < 0 || kind < 0 || service_index(w, r->unit_id, &i))
		return 0;	/* another instrument, or outside the view */
	at = (size_t)k * WM_NET_KINDS + (size_t)kind;
	count(&o->in->scales[k], &o->thresholds[at],
	    &o->cells[i * o->n_scales * WM_NET_KINDS + at], r);
	return 0;
}

/* --- who is left out ---------------------------------------------------- */

static int
leftout_row(void *ctx, const struct wm_leftout_row *r)
{
	struct walk *w = ctx;
	struct wm_net_outcomes *o = w->o;
	size_t i, k;
	int sc;

	if (service_index(w, r->unit_id, &i))
		return 0;	/* outside the view */
	if (!r->scale) {
		for (k = 0; k < o->n_scales; k++)
			o->leftout[i * o->n_scales + k].caseload = r->people;
		return 0;
	}
	if ((sc = scale_of(o->in, r->scale)) < 0)
		return 0;	/* another instrument of the family */
	o->leftout[i * o->n_scales + (size_t)sc].answered = r->people;
	o->leftout[i * o->n_scales + (size_t)sc].others_only = r->others_only;
	return 0;
}

int
wm_net_outcomes_build(struct wm_store *s, const struct wm_instrument *in,
    const int64_t *services, size_t n, const char *from, const char *to,
    int leftout, struct wm_net_outcomes *out, struct wm_buf *err)
{
	size_t per = in->n_scales * WM_NET_KINDS;
	struct walk w = { out, 0 };
	const char *m = in->family ? in->family : in->url;
	int rc;

	out->in = in;
	out->n_scales = in->n_scales;
	out->n_services = n;
	if (strlen(m) >= sizeof(out->measure)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "the measure's name is too long");
		return WM_STORE_ERROR;
	}
	memcpy(out->measure, m, strlen(m) + 1);
	if (!(out->service_ids = calloc(n + 1, sizeof(*services))) ||
	    !(out->thresholds = calloc(per + 1, sizeof(*out->thresholds))) ||
	    !(out->cells = calloc(n * per + 1, sizeof(*out->cells))) ||
	    !(out->leftout = calloc(n * in->n_scales + 1,
	    sizeof(*out->leftout)))) {
		wm_buf_clear(err);
		wm_buf_puts(err, "out of memory");
		return WM_STORE_ERROR;
	}
	if (n)
		memcpy(out->service_ids, services, n * sizeof(*services));
	out->others_may_answer = (in->respondents & WM_RESPONDENT_STAFF) &&
	    (in->subjects & WM_SUBJECT_PERSON);
	if ((rc = thresholds(s, out, err)) ||
	    (rc = wm_store_network_outcomes(s, out->measure, from, to,
	    person_row, &w, err)) || !leftout)
		return rc;
	out->leftout_counted = 1;
	w.service = 0;
	return wm_store_network_leftout(s, out->measure, from, to, leftout_row,
	    &w, err);
}
