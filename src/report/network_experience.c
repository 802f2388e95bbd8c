/*
 * What people and staff say about each service over a window
 * (report/network_experience.h). The store hands on a few rows per
 * service: the indicators from what it keeps per person and quarter,
 * ERFS from its running totals of the scales that score each group.
 */
#include "report/network_experience.h"

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"
#include "report/profile.h"

static const char *const rater_words[WM_NET_RATERS] = {
	[WM_NET_PEOPLE] = "People using the service",
	[WM_NET_STAFF] = "Staff",
};

static const char *const rater_code[WM_NET_RATERS] = {
	[WM_NET_PEOPLE] = "person",
	[WM_NET_STAFF] = "staff",
};

const char *
wm_net_rater_words(int rater)
{
	return rater >= 0 && rater < WM_NET_RATERS ? rater_words[rater] : "";
}

const char *
wm_net_rater_respondent(int rater)
{
	return rater >= 0 && rater < WM_NET_RATERS ? rater_code[rater] : "";
}

void
wm_net_experience_init(struct wm_net_experience *e)
{
	memset(e, 0, sizeof(*e));
}

void
wm_net_experience_release(struct wm_net_experience *e)
{
	free(e->items);
	free(e->answered);
	free(e->agree);
	free(e->groups);
	free(e->ratings);
	free(e->total);
	free(e->peak);
	wm_net_experience_init(e);
}

const struct wm_item *
wm_net_indicator_item(const struct wm_net_experience *e, size_t j)
{
	return &e->indicators->items[e->items[j]];
}

const struct wm_scale *
wm_net_erfs_group(const struct wm_net_experience *e, size_t g)
{
	return &e->erfs->scales[e->groups[g]];
}

int64_t
wm_net_erfs_ratings(const struct wm_net_experience *e, size_t i, size_t g,
    int rater)
{
	return e->ratings[(i * e->n_groups + g) * WM_NET_RATERS +
	    (size_t)rater];
}

int64_t
wm_net_erfs_peak(const struct wm_net_experience *e, size_t i, size_t g,
    int rater)
{
	return e->peak[(i * e->n_groups + g) * WM_NET_RATERS + (size_t)rater];
}

double
wm_net_erfs_total(const struct wm_net_experience *e, size_t i, size_t g,
    int rater)
{
	return e->total[(i * e->n_groups + g) * WM_NET_RATERS + (size_t)rater];
}

/* --- the indicators ---------------------------------------------------- */

struct reading {
	struct wm_net_experience *e;
	const int64_t *ids;
	size_t last;		/* the last row's service: rows come by unit */
};

/* The service's index among those asked for, or -1. */
static int
service_of(struct reading *x, int64_t unit, size_t *at)
{
	size_t i, n = x->e->n_services;

	if (x->last < n && x->ids[x->last] == unit) {
		*at = x->last;
		return 0;
	}
	for (i = 0; i < n; i++)
		if (x->ids[i] == unit) {
			*at = x->last = i;
			return 0;
		}
	return -1;
}

static int
indicator_row(void *ctx, const struct wm_indicator_row *r)
{
	struct reading *x = ctx;
	struct wm_net_experience *e = x->e;
	size_t i, j;

	if (service_of(x, r->unit_id, &i))
		return 0;	/* outside the network */
	for (j = 0; j < e->n_items; j++)
		if (strcmp(wm_net_indicator_item(e, j)->link_id,
		    r->link_id) == 0) {
			e->answered[i * e->n_items + j] += r->answered;
			e->agree[i * e->n_items + j] += r->agree;
		}
	return 0;
}

static int
indicators(struct wm_store *s, struct reading *x, const char *from,
    const char *to, struct wm_buf *err)
{
	struct wm_net_experience *e = x->e;
	const char *url = wm_known_url(WM_KNOWN_SUPPORTIVE_INDICATORS);
	const struct wm_instrument *in;
	size_t i, n = e->n_services;
	int rc;

	if ((rc = wm_store_instrument_current(s, url, &in, err)) || !in)
		return rc;
	if (!(e->items = calloc(in->n_items + 1, sizeof(*e->items))))
		return wm_store_out_of_memory(err);
	for (i = 0; i < in->n_items; i++)
		if (in->items[i].type == WM_ITEM_CHOICE)
			e->items[e->n_items++] = i;
	if (!(e->answered = calloc(n * e->n_items + 1, sizeof(*e->answered))) ||
	    !(e->agree = calloc(n * e->n_items + 1, sizeof(*e->agree))))
		return wm_store_out_of_memory(err);
	e->indicators = in;
	return wm_store_network_indicators(s, url, from, to, indicator_row, x,
	    err);
}

/* --- ERFS by group ------------------------------------------------------ */

static int
rater_of(const char *respondent)
{
	int r;

	for (r = 0; r < WM_NET_RATERS; r++)
		if (strcmp(respondent, rater_code[r]) == 0)
			return r;
	return -1;
}

/* The cell of a row of the running totals: its service, group and
 * rater, or -1 for one outside the network or not a group's. */
static int
erfs_cell(struct reading *x, const struct wm_rollup_row *r, size_t *at)
{
	struct wm_net_experience *e = x->e;
	size_t i, g;
	int rater = rater_of(r->respondent);

	if (rater < 0 || service_of(x, r->unit_id, &i))
		return -1;
	for (g = 0; g < e->n_groups; g++)
		if (strcmp(wm_net_erfs_group(e, g)->code, r->scale) == 0) {
			*at = (i * e->n_groups + g) * WM_NET_RATERS +
			    (size_t)rater;
			return 0;
		}
	return -1;
}

static int
erfs_row(void *ctx, const struct wm_rollup_row *r)
{
	struct reading *x = ctx;
	size_t at;

	if (erfs_cell(x, r, &at) == 0) {
		x->e->ratings[at] += r->responses;
		x->e->total[at] += r->total;
	}
	return 0;
}

/* The most ratings of a group in one quarter: the largest round. */
static int
peak_row(void *ctx, const struct wm_rollup_row *r)
{
	struct reading *x = ctx;
	size_t at;

	if (erfs_cell(x, r, &at) == 0 && r->responses > x->e->peak[at])
		x->e->peak[at] = r->responses;
	return 0;
}

/* ERFS's groups: its scales that score a group of its domains (the
 * scale whose code is the group's linkId), not the overall one. */
static int
erfs_of(struct wm_store *s, struct reading *x, const char *from,
    const char *to, struct wm_buf *err)
{
	struct wm_net_experience *e = x->e;
	const struct wm_instrument *in;
	const char *measure;
	size_t i, k, cells;
	int rc;

	if ((rc = wm_store_instrument_current(s,
	    wm_known_url(WM_KNOWN_ERFS), &in, err)) || !in)
		return rc;
	if (!(e->groups = calloc(in->n_scales + 1, sizeof(*e->groups))))
		return wm_store_out_of_memory(err);
	for (k = 0; k < in->n_scales; k++)
		for (i = 0; i < in->n_items; i++)
			if (wm_profile_is_group(in, i) && strcmp(
			    in->items[i].link_id, in->scales[k].code) == 0) {
				e->groups[e->n_groups++] = k;
				break;
			}
	cells = e->n_services * e->n_groups * WM_NET_RATERS + 1;
	if (!(e->ratings = calloc(cells, sizeof(*e->ratings))) ||
	    !(e->total = calloc(cells, sizeof(*e->total))) ||
	    !(e->peak = calloc(cells, sizeof(*e->peak))))
		return wm_store_out_of_memory(err);
	e->erfs = in;
	measure = in->family ? in->family : in->url;
	if ((rc = wm_store_network_rollup(s, measure, from, to, erfs_row, x,
	    err)))
		return rc;
	return wm_store_network_rollup_peak(s, measure, from, to, peak_row, x,
	    err);
}

int
wm_net_experience_build(struct wm_store *s, const int64_t *services,
    size_t n, const char *from, const char *to,
    const struct wm_quarter erfs[2], struct wm_net_experience *out,
    struct wm_buf *err)
{
	struct reading x = { out, services, 0 };
	char f[8], t[8];
	int rc;

	out->n_services = n;
	out->erfs_quarters[0] = erfs[0];
	out->erfs_quarters[1] = erfs[1];
	wm_quarter_format(&erfs[0], f);
	wm_quarter_format(&erfs[1], t);
	if ((rc = indicators(s, &x, from, to, err)))
		return rc;
	return erfs_of(s, &x, f, t, err);
}
