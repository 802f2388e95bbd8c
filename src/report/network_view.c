/*
 * The network at a glance (report/network_view.h). The tree of units is
 * small (a network, its providers, their services) and read whole; each
 * service's figures come from the totals the store keeps for the
 * service's own dashboard, and the cycles' completion for every service
 * in one pass.
 */
#include "report/network_view.h"

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "core/rating.h"
#include "report/dashboard.h"
#include "util/date.h"

void
wm_net_view_init(struct wm_net_view *v)
{
	memset(v, 0, sizeof(*v));
}

static void
service_release(struct wm_net_service *sv)
{
	size_t i;

	free(sv->code);
	free(sv->name);
	wm_standards_release(&sv->lights);
	for (i = 0; i < sv->n_cycles; i++)
		free(sv->cycles[i].title);
	free(sv->cycles);
	free(sv->coverage);
}

void
wm_net_view_release(struct wm_net_view *v)
{
	size_t i;

	for (i = 0; i < wm_net_view_all(v); i++)
		service_release(&v->services[i]);
	free(v->services);
	for (i = 0; i < wm_net_view_all_providers(v); i++) {
		free(v->providers[i].code);
		free(v->providers[i].name);
	}
	free(v->providers);
	free(v->network.code);
	free(v->network.name);
	wm_net_outcomes_release(&v->recovery);
	wm_net_experience_release(&v->experience);
	wm_net_view_init(v);
}

size_t
wm_net_view_all(const struct wm_net_view *v)
{
	return v->n_all_services > v->n_services ? v->n_all_services :
	    v->n_services;
}

size_t
wm_net_view_all_providers(const struct wm_net_view *v)
{
	return v->n_all_providers > v->n_providers ? v->n_all_providers :
	    v->n_providers;
}

static int
quarter_index(const struct wm_quarter *q)
{
	return q->year * 4 + q->quarter - 1;
}

/* What is wrong with a `from`, in wm_net_window's words and
 * wm_net_year_window's. */
static const char bad_from[] = "the first quarter is not written as a "
    "year and quarter, like 2026-Q1";
static const char from_after_to[] = "the first quarter is after the last";

const char *
wm_net_window(const char *from, const char *to, const struct wm_date *today,
    struct wm_quarter *out_from, struct wm_quarter *out_to)
{
	struct wm_quarter now;
	int i;

	wm_quarter_of(today, &now);
	*out_to = now;
	if (to && *to && wm_quarter_parse(to, out_to))
		return "the last quarter is not written as a year and quarter, "
		    "like 2026-Q3";
	if (quarter_index(out_to) > quarter_index(&now))
		return "the last quarter is after this one";
	*out_from = *out_to;
	for (i = 1; i < WM_NET_DEFAULT_QUARTERS; i++)
		wm_quarter_prev(out_from, out_from);
	if (from && *from && wm_quarter_parse(from, out_from))
		return bad_from;
	if (quarter_index(out_from) > quarter_index(out_to))
		return from_after_to;
	if (quarter_index(out_to) - quarter_index(out_from) >=
	    WM_NET_MAX_QUARTERS)
		return "the window is longer than ten years";
	return NULL;
}

void
wm_net_year(const struct wm_date *today, int back, struct wm_quarter *from,
    struct wm_quarter *to)
{
	wm_net_window(NULL, NULL, today, from, to);
	from->year -= back;
	to->year -= back;
}

const char *
wm_net_year_window(const char *from, const char *to,
    const struct wm_date *today, struct wm_quarter *out_from,
    struct wm_quarter *out_to, const char **field)
{
	struct wm_quarter now, first;
	const char *why;

	/* The year to `to` first, so that a `from` given alone, which
	 * would choose a window of its own, is refused as such. */
	*field = "to";
	if ((why = wm_net_window(NULL, to, today, &first, out_to)))
		return why;
	wm_quarter_of(today, &now);
	if (out_to->quarter != now.quarter ||
	    now.year - out_to->year >= WM_NET_YEARS)
		return "a window is a year of four quarters that ends with "
		    "this quarter, or with the same quarter of an earlier "
		    "year, ten years back at most";
	*field = "from";
	*out_from = first;
	if (!from || !*from)
		return NULL;
	if (wm_quarter_parse(from, out_from))
		return bad_from;
	if (quarter_index(out_from) > quarter_index(out_to))
		return from_after_to;
	if (quarter_index(out_from) != quarter_index(&first))
		return "a window is a year of four quarters: its first quarter "
		    "is the one three before its last";
	return NULL;
}

/* --- the tree: providers and the services the grants cover ----------- */

struct unit {
	int64_t id;
	char kind;		/* n, p, s */
	char *code, *name, *parent;
};

struct tree {
	struct unit *v;
	size_t n, cap;
};

static int
unit_row(void *ctx, const struct wm_unit_row *r)
{
	struct tree *t = ctx;
	struct unit *u;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		struct unit *p = realloc(t->v, cap * sizeof(*p));

		if (!p)
			return -1;
		t->v = p;
		t->cap = cap;
	}
	u = &t->v[t->n++];
	memset(u, 0, sizeof(*u));
	u->id = r->id;
	u->kind = r->kind[0];
	if (!(u->code = strdup(r->code)) || !(u->name = strdup(r->name)) ||
	    (r->parent_code && !(u->parent = strdup(r->parent_code))))
		return -1;
	return 0;
}

static void
tree_release(struct tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].code);
		free(t->v[i].name);
		free(t->v[i].parent);
	}
	free(t->v);
}

static const struct unit *
tree_find(const struct tree *t, const char *code)
{
	size_t i;

	for (i = 0; code && i < t->n; i++)
		if (strcmp(t->v[i].code, code) == 0)
			return &t->v[i];
	return NULL;
}

/* The provider's index in the view, added when new (counted in
 * n_all_providers; the caller counts the view's own). */
static int
provider_of(struct wm_net_view *v, const struct unit *p, size_t *at)
{
	struct wm_net_provider *np;
	size_t i;

	for (i = 0; i < v->n_all_providers; i++)
		if (v->providers[i].id == p->id) {
			*at = i;
			return 0;
		}
	np = realloc(v->providers, (v->n_all_providers + 1) * sizeof(*np));
	if (!np)
		return -1;
	v->providers = np;
	np = &v->providers[v->n_all_providers];
	memset(np, 0, sizeof(*np));
	np->id = p->id;
	*at = v->n_all_providers++;
	if (!(np->code = strdup(p->code)) || !(np->name = strdup(p->name)))
		return -1;
	return 0;
}

static int
add_service(struct wm_net_view *v, const struct unit *u, size_t provider)
{
	struct wm_net_service *p, *sv;

	p = realloc(v->services, (v->n_all_services + 1) * sizeof(*p));
	if (!p)
		return -1;
	v->services = p;
	sv = &v->services[v->n_all_services++];
	memset(sv, 0, sizeof(*sv));
	wm_standards_init(&sv->lights);
	sv->id = u->id;
	sv->provider = provider;
	if (!(sv->code = strdup(u->code)) || !(sv->name = strdup(u->name)))
		return -1;
	return 0;
}

static int
network_of(struct wm_net_view *v, const struct unit *net)
{
	v->network.id = net->id;
	return (v->network.code = strdup(net->code)) &&
	    (v->network.name = strdup(net->name)) ? 0 : -1;
}

/* 1 when the grants cover service u (every service without grants). */
static int
covered(const struct tree *t, const struct unit *u,
    const struct wm_grant *grants, size_t n_grants)
{
	const struct unit *p = tree_find(t, u->parent);
	const struct unit *net = p ? tree_find(t, p->parent) : NULL;
	int64_t chain[2];

	chain[0] = p ? p->id : 0;
	chain[1] = net ? net->id : 0;
	return !grants || wm_grants_cover(grants, n_grants,
	    WM_ROLE_COMMISSIONER, u->id, chain, net ? 2 : 1);
}

/* The services in scope (in_scope 1) or the network's others (0), in
 * the tree's order (provider by provider). */
static int
services_pass(struct wm_net_view *v, const struct tree *t,
    const struct wm_grant *grants, size_t n_grants, int in_scope)
{
	size_t i, at;

	for (i = 0; i < t->n; i++) {
		const struct unit *u = &t->v[i], *p, *net;

		if (u->kind != 's' || !(p = tree_find(t, u->parent)))
			continue;
		net = tree_find(t, p->parent);
		if (net && !v->network.id && network_of(v, net))
			return -1;
		if (covered(t, u, grants, n_grants) != in_scope)
			continue;
		if (provider_of(v, p, &at) || add_service(v, u, at))
			return -1;
	}
	return 0;
}

/* The services the grants cover, then every other service of the
 * network: what is withheld is decided over all of them. */
static int
services(struct wm_net_view *v, const struct tree *t,
    const struct wm_grant *grants, size_t n_grants)
{
	if (services_pass(v, t, grants, n_grants, 1))
		return -1;
	v->n_services = v->n_all_services;
	v->n_providers = v->n_all_providers;
	return services_pass(v, t, grants, n_grants, 0);
}

/* --- the standards: the latest period, and the greens of the one before */

struct lights {
	struct wm_net_service *sv;
	const struct wm_validation_rule *rule;
};

static int
greens_of(const struct wm_standards *m)
{
	int i, n = 0;

	for (i = 0; i < WM_STANDARDS; i++)
		n += m->s[i].self == WM_RATING_GREEN;
	return n;
}

/* Rows come oldest period first: a new period moves the last one back. */
static int
light_row(void *ctx, const struct wm_assessment_rating_row *row)
{
	struct lights *l = ctx;
	struct wm_standards *m = &l->sv->lights;

	if (m->period[0] && row->period && strcmp(m->period, row->period)) {
		l->sv->has_before = 1;
		l->sv->greens_before = greens_of(m);
		wm_standards_release(m);
		wm_standards_init(m);
	}
	return wm_standards_add(m, row) ? -1 : 0;
}

static int
lights(struct wm_store *s, struct wm_net_service *sv,
    const struct wm_validation_rule *rule, struct wm_buf *err)
{
	struct lights l = { sv, rule };
	int rc;

	if ((rc = wm_store_assessment_ratings(s, sv->id, 0, light_row, &l,
	    err)))
		return rc;
	wm_standards_finish(&sv->lights, rule);
	sv->greens = greens_of(&sv->lights);
	return 0;
}

/* --- cycles: completion over the last complete months ---------------- */

static struct wm_net_service *
service_by_id(struct wm_net_view *v, int64_t id)
{
	size_t i;

	for (i = 0; i < wm_net_view_all(v); i++)
		if (v->services[i].id == id)
			return &v->services[i];
	return NULL;
}

/* One measure's line at a service: cycles of the same measure together. */
static struct wm_net_cycle *
cycle_line(struct wm_net_service *sv, const char *title)
{
	struct wm_net_cycle *c;
	size_t i;

	for (i = 0; i < sv->n_cycles; i++)
		if (strcmp(sv->cycles[i].title, title) == 0)
			return &sv->cycles[i];
	if (sv->n_cycles == sv->cap_cycles) {
		size_t cap = sv->cap_cycles ? sv->cap_cycles * 2 : 4;

		if (!(c = realloc(sv->cycles, cap * sizeof(*c))))
			return NULL;
		sv->cycles = c;
		sv->cap_cycles = cap;
	}
	c = &sv->cycles[sv->n_cycles];
	memset(c, 0, sizeof(*c));
	if (!(c->title = strdup(title)))
		return NULL;
	sv->n_cycles++;
	return c;
}

/*
 * Every complete month the store keeps, whatever the window: the
 * window's own months would let two windows be differenced (the months
 * of one less those of another) into a quarter a trend withholds.
 */
static int
cycle_row(void *ctx, const struct wm_completion_row *r)
{
	struct wm_net_service *sv = service_by_id(ctx, r->unit_id);
	struct wm_net_cycle *c;
	int i;

	if (!sv)
		return 0;	/* a service outside the network's tree */
	if (!(c = cycle_line(sv, r->cycle->title)))
		return -1;
	c->recovery_markers |= strcmp(r->cycle->url,
	    wm_known_url(WM_KNOWN_RECOVERY_MARKERS)) == 0;
	/* The last month is today's, not yet complete. */
	for (i = 0; i < WM_NET_CYCLE_MONTHS; i++) {
		const struct wm_completion_month *m = &r->months->m[i];

		if (!c->months) {
			c->m[i].year = m->year;
			c->m[i].month = m->month;
			c->m[i].final = 1;
		}
		c->m[i].due += m->due;
		c->m[i].done += m->done;
		c->m[i].final &= m->final;
		c->due += m->due;
		c->done += m->done;
	}
	c->months = WM_NET_CYCLE_MONTHS;
	return 0;
}

static int
cycles(struct wm_store *s, struct wm_net_view *v, struct wm_buf *err)
{
	return wm_store_completion_each(s, 0, &v->today, cycle_row, v, err);
}

/* --- recovery: outcomes, the paired-outcome rate, goals ------------- */

static int
paired_row(void *ctx, const struct wm_paired_rate_row *r)
{
	struct wm_net_service *sv = service_by_id(ctx, r->unit_id);

	if (sv) {
		sv->eligible = r->eligible;
		sv->paired = r->paired;
	}
	return 0;
}

static int
goal_row(void *ctx, const struct wm_goal_rate_row *r)
{
	struct wm_net_service *sv = service_by_id(ctx, r->unit_id);

	if (sv) {
		sv->with_goals = r->with_goals;
		sv->reviewed = r->reviewed;
		sv->higher = r->higher;
	}
	return 0;
}

static int
recovery(struct wm_store *s, struct wm_net_view *v, const int64_t *ids,
    struct wm_buf *err)
{
	const struct wm_instrument *in;
	char today[11];
	int rc;

	/* People's goals are theirs whatever measures are loaded. */
	if ((rc = wm_store_network_goals(s, goal_row, v, err)) ||
	    (rc = wm_store_instrument_current(s,
	    wm_known_url(WM_KNOWN_RECOVERY_MARKERS), &in, err)) || !in)
		return rc;
	rc = wm_net_outcomes_build(s, in, ids, wm_net_view_all(v), v->from_s,
	    v->to_s, 1, &v->recovery, err);
	wm_date_format(&v->today, today);
	/* The recovery markers' own url: their family holds the other part
	 * of DREEM too. */
	if (rc)
		return rc;
	return wm_store_network_paired_rate(s, in->url, today,
	    WM_NET_PAIRED_DAYS, paired_row, v, err);
}

/* --- experience ------------------------------------------------------- */

/* The indicators over the window; ERFS over the default window's
 * quarters whatever the window (report/network_experience.h). */
static int
experience(struct wm_store *s, struct wm_net_view *v, const int64_t *ids,
    struct wm_buf *err)
{
	struct wm_quarter erfs[2];

	wm_net_window(NULL, NULL, &v->today, &erfs[0], &erfs[1]);
	return wm_net_experience_build(s, ids, wm_net_view_all(v), v->from_s,
	    v->to_s, erfs, &v->experience, err);
}

/* --- building it ------------------------------------------------------- */

/* A service's lights (the view's own only: they are about the
 * service, and need no network-wide table) and its training. */
static int
service_figures(struct wm_store *s, struct wm_net_view *v,
    struct wm_net_service *sv, int own, struct wm_buf *err)
{
	int rc;

	if (own && (rc = lights(s, sv, &v->rule, err)))
		return rc;
	if (!v->courses)
		return 0;
	if (!(sv->coverage = calloc(v->courses->n_concepts ?
	    v->courses->n_concepts : 1, sizeof(*sv->coverage))))
		return wm_store_out_of_memory(err);
	return wm_dashboard_coverage(s, sv->id, v->courses, sv->coverage,
	    &sv->staff, err);
}

int
wm_net_view_services(struct wm_store *s, const struct wm_grant *grants,
    size_t n_grants, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to,
    struct wm_net_view *out, struct wm_buf *err)
{
	struct tree t = { NULL, 0, 0 };
	int rc;

	out->today = *today;
	out->from = *from;
	out->to = *to;
	wm_quarter_format(from, out->from_s);
	wm_quarter_format(to, out->to_s);
	if ((rc = wm_store_validation_rule(s, &out->rule, err)))
		return rc;
	if ((rc = wm_store_unit_list(s, unit_row, &t, err)) == 0 &&
	    services(out, &t, grants, n_grants))
		rc = wm_store_out_of_memory(err);
	tree_release(&t);
	return rc;
}

int
wm_net_view_build(struct wm_store *s, const struct wm_grant *grants,
    size_t n_grants, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to,
    const struct wm_catalogue *courses, struct wm_net_view *out,
    struct wm_buf *err)
{
	int64_t *ids = NULL;
	size_t i;
	int rc;

	if ((rc = wm_net_view_services(s, grants, n_grants, today, from, to,
	    out, err)))
		return rc;
	out->courses = courses;
	for (i = 0; i < wm_net_view_all(out); i++)
		if ((rc = service_figures(s, out, &out->services[i],
		    i < out->n_services, err)))
			return rc;
	if ((rc = cycles(s, out, err)))
		return rc;
	if (!(ids = wm_net_view_ids(out)))
		return wm_store_out_of_memory(err);
	if ((rc = recovery(s, out, ids, err)) == 0)
		rc = experience(s, out, ids, err);
	free(ids);
	return rc;
}

int
wm_net_view_quarters(const struct wm_net_view *v)
{
	return quarter_index(&v->to) - quarter_index(&v->from) + 1;
}

int
wm_net_view_is_year(const struct wm_net_view *v)
{
	return wm_net_view_quarters(v) == WM_NET_DEFAULT_QUARTERS;
}

int
wm_net_window_running(const struct wm_net_view *v)
{
	struct wm_quarter now;

	wm_quarter_of(&v->today, &now);
	return quarter_index(&now) == quarter_index(&v->to);
}

void
wm_net_window_words(struct wm_buf *out, const struct wm_net_view *v)
{
	static const char *const counts[] = { "", "", "two", "three", "four",
	    "five", "six", "seven", "eight", "nine", "ten", "eleven",
	    "twelve" };
	int n = wm_net_view_quarters(v);

	if (n == 1)
		wm_buf_puts(out, "quarter");
	else if (n < (int)(sizeof(counts) / sizeof(counts[0])))
		wm_buf_printf(out, "%s quarters", counts[n]);
	else
		wm_buf_printf(out, "%d quarters", n);
	wm_buf_puts(out, " from ");
	wm_net_span_words(out, &v->today, &v->from, &v->to);
}

void
wm_net_span_words(struct wm_buf *out, const struct wm_date *today,
    const struct wm_quarter *from, const struct wm_quarter *to)
{
	struct wm_quarter now;

	wm_quarter_of(today, &now);
	wm_buf_printf(out, "%s %d to ", wm_month_name(from->quarter * 3 - 2),
	    from->year);
	if (quarter_index(&now) == quarter_index(to))
		wm_buf_printf(out, "today, %d %s %d", today->day,
		    wm_month_name(today->month), today->year);
	else
		wm_buf_printf(out, "%s %d", wm_month_name(to->quarter * 3),
		    to->year);
}

int
wm_net_leftout_shown(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, enum wm_disclosure_rule rule)
{
	return o->leftout_counted && (rule == WM_DISCLOSURE_NONE ||
	    wm_net_view_is_year(v));
}

int64_t *
wm_net_view_ids(const struct wm_net_view *v)
{
	int64_t *ids = calloc(wm_net_view_all(v) + 1, sizeof(*ids));
	size_t i;

	for (i = 0; ids && i < wm_net_view_all(v); i++)
		ids[i] = v->services[i].id;
	return ids;
}

const struct wm_net_service *
wm_net_view_service(const struct wm_net_view *v, const char *code)
{
	size_t i;

	for (i = 0; i < v->n_services; i++)
		if (strcmp(v->services[i].code, code) == 0)
			return &v->services[i];
	return NULL;
}

void
wm_net_audit_detail(struct wm_buf *out, const char *where,
    const struct wm_net_view *v, enum wm_disclosure_rule rule)
{
	wm_net_audit_head(out, where, v, rule);
	wm_net_audit_scope(out, v);
}

void
wm_net_audit_head(struct wm_buf *out, const char *where,
    const struct wm_net_view *v, enum wm_disclosure_rule rule)
{
	wm_buf_clear(out);
	wm_buf_printf(out, "%s; quarters %s to %s; disclosure %s; ", where,
	    v->from_s, v->to_s, wm_disclosure_name(rule));
}

void
wm_net_audit_scope(struct wm_buf *out, const struct wm_net_view *v)
{
	size_t i;

	/* The scope too: a grant on two providers is audited against one
	 * unit only, and a grant on one service sees less than its
	 * provider. */
	if (v->n_services == wm_net_view_all(v)) {
		wm_buf_printf(out, "the whole network (%zu services)",
		    v->n_services);
		return;
	}
	wm_buf_printf(out, "%zu service%s of ", v->n_services,
	    v->n_services == 1 ? "" : "s");
	for (i = 0; i < v->n_providers; i++)
		wm_buf_printf(out, "%s%s", i ? ", " : "", v->providers[i].code);
}
