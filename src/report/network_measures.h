/*
 * Every outcome measure across the services of a view: the recovery
 * markers first (the view's own), then each other measure people answer
 * about themselves (wm_net_outcome_measure), in the order the store
 * lists their latest versions. /network/outcomes, its API and the
 * command line all take their measures from here, so each lists the
 * same ones in the same order.
 *
 * Ownership: a struct wm_net_measures owns the outcomes it built and
 * borrows the view's recovery markers; release it with
 * wm_net_measures_release() before the view.
 */
#ifndef WM_REPORT_NETWORK_MEASURES_H
#define WM_REPORT_NETWORK_MEASURES_H

#include <stddef.h>

#include "report/network_outcomes.h"
#include "report/network_view.h"
#include "store/store.h"
#include "util/buf.h"

/* At most this many measures are read (the network loads a handful). */
#define WM_NET_MAX_MEASURES 32

struct wm_net_measures {
	const struct wm_net_outcomes *list[WM_NET_MAX_MEASURES];
	size_t n;
	struct wm_net_outcomes own[WM_NET_MAX_MEASURES];
	size_t n_own;
};

void wm_net_measures_init(struct wm_net_measures *m);
void wm_net_measures_release(struct wm_net_measures *m);

/* Builds every measure's outcomes for the view's services and window.
 * 0, or the store's error with err filled (release *out either way). */
int wm_net_measures_build(struct wm_store *s, const struct wm_net_view *v,
    struct wm_net_measures *out, struct wm_buf *err);

#endif
