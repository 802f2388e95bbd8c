/*
 * Parts of pages kept between requests: a part that is the same for
 * everyone allowed to see it (a commissioner's figures, for their scope,
 * window and disclosure rule) and that rests only on what the store's
 * figures' version covers (store.h, wm_store_figures_version). A part is
 * kept with the version it was built at and given out only to a request
 * that read that same version, so no part older than the latest change
 * is ever given out; whatever changes the figures changes the version.
 * A part never holds anything about who is looking (their name, their
 * form token): those are written around it, per request. A part may
 * carry a short note about itself (what a view's audit entry says of
 * whose figures it holds), given back with it.
 *
 * Bounded: at most `max_entries` parts and `max_bytes` bytes of them
 * (with their compressed copies);
 * the least recently used part goes first, and parts built at an older
 * version than one kept since are dropped as soon as it is kept.
 * Thread-safe: the server's threads share one cache.
 *
 * Ownership: the cache owns copies of the keys and parts it keeps;
 * wm_page_cache_free releases them.
 */
#ifndef WM_WEB_PAGE_CACHE_H
#define WM_WEB_PAGE_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/gzip.h"

/* What the server keeps: /network at 14 services is about 210 KB, so
 * a few dozen commissioners' windows fit; a part larger than the whole is
 * simply not kept. */
#define WM_PAGE_CACHE_ENTRIES 32
#define WM_PAGE_CACHE_BYTES ((size_t)16 << 20)

struct wm_page_cache;

/* NULL when out of memory. */
struct wm_page_cache *wm_page_cache_new(size_t max_entries, size_t max_bytes);
void wm_page_cache_free(struct wm_page_cache *c);

/* How long a request waits for another to build the part it asks for
 * before it builds it itself. */
#define WM_PAGE_CACHE_WAIT_SECONDS 5

/* Appends the part kept under `key` to out (unless out is NULL), if it
 * was built at `version`, (gz not NULL) puts the same, compressed as a
 * piece of a gzip member (util/gzip.h), in *gz, and (note not NULL) puts
 * its note in *note: 1 when it was (out may then have failed for size, as any
 * write to it may). 0 when there is none: the caller is to build it and
 * hand it over with wm_page_cache_put, or say it could not with
 * wm_page_cache_unclaim. Meanwhile others asking for the same key and
 * version wait for it (at most WM_PAGE_CACHE_WAIT_SECONDS) rather than
 * build it too: after a change, the many views of one page build it
 * once. */
int wm_page_cache_get(struct wm_page_cache *c, const char *key,
    int64_t version, struct wm_buf *out, struct wm_gz_piece *gz,
    struct wm_buf *note);

/* Keeps a copy of the part (len bytes) under `key`, built at `version`,
 * and the same compressed, with a copy of `note` (NULL: none), unless a
 * part built at a later version is kept already, and ends the build of
 * key. Out of memory or too large, it is not kept: the next request
 * builds it again. */
void wm_page_cache_put(struct wm_page_cache *c, const char *key,
    int64_t version, const char *part, size_t len, const char *note);

/* The part of `key` could not be built: whoever waits for it builds it. */
void wm_page_cache_unclaim(struct wm_page_cache *c, const char *key);

/* How many parts are kept, and their bytes (for tests). */
void wm_page_cache_size(struct wm_page_cache *c, size_t *entries,
    size_t *bytes);

#endif
