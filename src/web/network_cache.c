/*
 * The figures of a commissioner's page, kept between requests
 * (web/network.h, wm_net_cached). What a page's figures are depends on
 * the services the commissioner's grants cover, the window, the
 * disclosure rule and the day (the figures "as they stand today": ERFS
 * over the last four quarters and the cycles over the last twelve
 * complete months whatever the window), and on what the store holds
 * across the whole network (what is withheld is decided over every
 * service), which the figures' version stands for; so the key is those
 * four, and the part is given out only at the version it was built at.
 * A part is built from one snapshot with the version read in it, so it
 * is exactly the figures of that version; and a save acknowledged before
 * a request began has changed the version that request reads, so it
 * builds the figures again. The audit entry is each request's own,
 * written after the part is in: whose services the part showed (which
 * the key and the version decide) is kept with it for that.
 */
#include "web/network.h"

#include <stdlib.h>

#include "web/layout.h"
#include "web/page_cache.h"

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The units the account commissions, in order: the scope of its view
 * (a grant on the network or a provider covers every service under it,
 * and the tree itself is under the figures' version). Grants of other
 * roles show nothing here, so they are not part of it. */
static int
scope_key(const struct wm_grant *grants, size_t n_grants, struct wm_buf *key)
{
	int64_t *ids = calloc(n_grants + 1, sizeof(*ids));
	size_t i, n = 0;

	if (!ids)
		return -1;
	for (i = 0; i < n_grants; i++)
		if (grants[i].role == WM_ROLE_COMMISSIONER)
			ids[n++] = grants[i].unit_id;
	qsort(ids, n, sizeof(*ids), cmp_id);
	for (i = 0; i < n; i++)
		if (i == 0 || ids[i] != ids[i - 1]) {
			wm_buf_putc(key, ' ');
			wm_buf_putll(key, ids[i]);
		}
	free(ids);
	return 0;
}

int
wm_net_cache_key(struct wm_buf *key, const char *page,
    const struct wm_net_view *v, enum wm_disclosure_rule rule,
    const struct wm_grant *grants, size_t n_grants)
{
	char day[11];

	wm_buf_clear(key);
	wm_date_format(&v->today, day);
	wm_buf_printf(key, "%s %s..%s %s %s:", page, v->from_s, v->to_s,
	    wm_disclosure_name(rule), day);
	return scope_key(grants, n_grants, key) || key->failed ? -1 : 0;
}

/* The figures' version now: 0, or -1 answered. */
static int
version_now(struct wm_http *h, int64_t *version)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_figures_version(h->store, version, &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

/* The view, and the version it is the figures of, from one snapshot. */
static int
build_at(struct wm_http *h, struct wm_net_request *r, int64_t *version)
{
	struct wm_buf err = WM_BUF_INIT;
	int rc = wm_store_read_begin(h->store, &err);

	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	if (rc)
		return -1;
	rc = version_now(h, version) || wm_net_build(h, r) ? -1 : 0;
	wm_store_read_end(h->store);
	return rc;
}

/* The part, from the cache or built and kept; whose services it shows
 * in *scope. 0, or -1 answered. */
static int
part(struct wm_http *h, struct wm_net_request *r, const char *page,
    int (*fill)(struct wm_http *, struct wm_net_request *),
    struct wm_buf *scope)
{
	struct wm_page_cache *cache = h->site->pages;
	struct wm_buf key = WM_BUF_INIT;
	size_t start = h->out.len;
	int64_t version;
	int rc = -1;

	if (wm_net_cache_key(&key, page, &r->view, r->rule, h->scope.grants,
	    h->scope.n_grants)) {
		wm_page_store_error(h, WM_STORE_ERROR, "out of memory");
		goto out;
	}
	if (version_now(h, &version))
		goto out;
	/* To a client that takes gzip the part goes compressed, so it is
	 * not copied as it is too (a tenth of such a view's time). */
	if (wm_page_cache_get(cache, wm_buf_str(&key), version,
	    h->takes_gzip ? NULL : &h->out, &h->kept.gz, scope)) {
		h->kept.set = 1;
		h->kept.gz_only = h->takes_gzip;
		h->kept.start = start;
		h->kept.end = h->out.len;
		rc = 0;
		goto out;
	}
	/* Ours to build: kept, or given up, so that no one waits on. */
	if (build_at(h, r, &version) == 0 && (rc = fill(h, r)) == 0) {
		wm_net_audit_scope(scope, &r->view);
		if (scope->failed) {
			wm_page_store_error(h, WM_STORE_ERROR, "out of memory");
			rc = -1;
		}
	}
	if (rc == 0 && !h->failed && !h->out.failed)
		wm_page_cache_put(cache, wm_buf_str(&key), version,
		    h->out.data + start, h->out.len - start,
		    wm_buf_str(scope));
	else
		wm_page_cache_unclaim(cache, wm_buf_str(&key));
out:
	wm_buf_release(&key);
	return rc;
}

int
wm_net_cached(struct wm_http *h, struct wm_net_request *r, const char *page,
    int (*fill)(struct wm_http *, struct wm_net_request *))
{
	struct wm_buf scope = WM_BUF_INIT;
	int rc;

	if (!h->site->pages)
		return wm_net_build(h, r) || fill(h, r) ||
		    wm_net_viewed(h, r) ? -1 : 0;
	rc = part(h, r, page, fill, &scope) ||
	    wm_net_viewed_scope(h, r, wm_buf_str(&scope)) ? -1 : 0;
	wm_buf_release(&scope);
	return rc;
}
