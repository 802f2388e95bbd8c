/*
 * Every outcome measure of a view (report/network_measures.h): the
 * store lists the latest version of each instrument; those people answer
 * about themselves are built for the view's services, the recovery
 * markers taken from the view, where they already are.
 */
#include "report/network_measures.h"

#include <stdlib.h>
#include <string.h>

#include "core/known_instruments.h"

struct latest {
	int64_t ids[WM_NET_MAX_MEASURES];
	size_t n;
};

static int
latest_row(void *ctx, const struct wm_instrument_row *r)
{
	struct latest *l = ctx;

	if (l->n < WM_NET_MAX_MEASURES)
		l->ids[l->n++] = r->id;
	return 0;
}

void
wm_net_measures_init(struct wm_net_measures *m)
{
	memset(m, 0, sizeof(*m));
}

void
wm_net_measures_release(struct wm_net_measures *m)
{
	size_t i;

	for (i = 0; i < m->n_own; i++)
		wm_net_outcomes_release(&m->own[i]);
	wm_net_measures_init(m);
}

/* One more measure, built for every service of the view's network
 * (its tables are disclosed across all of them). */
static int
add(struct wm_store *s, const struct wm_net_view *v,
    const struct wm_instrument *in, struct wm_net_measures *m,
    struct wm_buf *err)
{
	struct wm_net_outcomes *o = &m->own[m->n_own];
	int64_t *ids = wm_net_view_ids(v);
	int rc;

	if (!ids)
		return wm_store_out_of_memory(err);
	wm_net_outcomes_init(o);
	m->n_own++;
	rc = wm_net_outcomes_build(s, in, ids, wm_net_view_all(v), v->from_s,
	    v->to_s, 1, o, err);
	free(ids);
	if (rc == 0)
		m->list[m->n++] = o;
	return rc;
}

int
wm_net_measures_build(struct wm_store *s, const struct wm_net_view *v,
    struct wm_net_measures *out, struct wm_buf *err)
{
	const char *markers = wm_known_url(WM_KNOWN_RECOVERY_MARKERS);
	struct latest l = { { 0 }, 0 };
	size_t i;
	int rc;

	if (v->recovery.in)
		out->list[out->n++] = &v->recovery;
	if ((rc = wm_store_instrument_latest(s, latest_row, &l, err)))
		return rc;
	for (i = 0; i < l.n && out->n < WM_NET_MAX_MEASURES; i++) {
		const struct wm_instrument *in;

		if ((rc = wm_store_instrument_parsed(s, l.ids[i], &in, err)))
			return rc;
		if (!wm_net_outcome_measure(in) ||
		    strcmp(in->url, markers) == 0)
			continue;
		if ((rc = add(s, v, in, out, err)))
			return rc;
	}
	return 0;
}
