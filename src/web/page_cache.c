/*
 * Parts of pages kept between requests (web/page_cache.h): a small array
 * searched by key, since it holds a few dozen parts at most, under one
 * lock held only to find or copy a part; and the parts being built, each
 * by the one request that found it missing first, which the others
 * asking for it wait for.
 */
#include "web/page_cache.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Parts built at once, at most: more are built without the others
 * waiting for them. */
#define BUILDS 16

struct part {
	char *key;		/* NULL: a free slot */
	int64_t version;
	char *data;
	size_t len;
	struct wm_gz_piece gz;	/* the same, compressed */
	char *note;		/* given back with it; may be NULL */
	uint64_t used;		/* when last given out or kept */
};

/* A part being built: its key and the version it is built at. */
struct build {
	char *key;		/* NULL: a free slot */
	int64_t version;
};

struct wm_page_cache {
	pthread_mutex_t mu;
	pthread_cond_t built;	/* a build ended: kept, or not */
	struct part *v;
	size_t n, max_bytes, bytes;
	uint64_t clock;
	struct build builds[BUILDS];
};

struct wm_page_cache *
wm_page_cache_new(size_t max_entries, size_t max_bytes)
{
	struct wm_page_cache *c = calloc(1, sizeof(*c));

	if (!c || max_entries == 0 ||
	    !(c->v = calloc(max_entries, sizeof(*c->v)))) {
		free(c);
		return NULL;
	}
	c->n = max_entries;
	c->max_bytes = max_bytes;
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->built, NULL);
	return c;
}

/* What a part counts for against the cache's bytes. */
static size_t
size_of(const struct part *p)
{
	return p->len + p->gz.deflated.cap + (p->note ? strlen(p->note) : 0);
}

/* What a part holds, freed; the part is a free slot again. */
static void
part_release(struct part *p)
{
	free(p->key);
	free(p->data);
	free(p->note);
	wm_gz_piece_release(&p->gz);
	memset(p, 0, sizeof(*p));
}

static void
drop(struct wm_page_cache *c, struct part *p)
{
	c->bytes -= size_of(p);
	part_release(p);
}

void
wm_page_cache_free(struct wm_page_cache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		drop(c, &c->v[i]);
	for (i = 0; i < BUILDS; i++)
		free(c->builds[i].key);
	pthread_cond_destroy(&c->built);
	pthread_mutex_destroy(&c->mu);
	free(c->v);
	free(c);
}

static struct part *
find(struct wm_page_cache *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].key && strcmp(c->v[i].key, key) == 0)
			return &c->v[i];
	return NULL;
}

/* The build of key under way, at `version`, or NULL. */
static struct build *
building(struct wm_page_cache *c, const char *key, int64_t version)
{
	size_t i;

	for (i = 0; i < BUILDS; i++)
		if (c->builds[i].key && c->builds[i].version == version &&
		    strcmp(c->builds[i].key, key) == 0)
			return &c->builds[i];
	return NULL;
}

/* The caller builds key at version; the others wait for it. Out of room
 * or memory, it builds unclaimed (they build it too). */
static void
claim(struct wm_page_cache *c, const char *key, int64_t version)
{
	size_t i;

	for (i = 0; i < BUILDS; i++)
		if (!c->builds[i].key) {
			if ((c->builds[i].key = strdup(key)))
				c->builds[i].version = version;
			return;
		}
}

/* No build of key is under way any longer, at any version. */
static void
unclaim(struct wm_page_cache *c, const char *key)
{
	size_t i;

	for (i = 0; i < BUILDS; i++)
		if (c->builds[i].key && strcmp(c->builds[i].key, key) == 0) {
			free(c->builds[i].key);
			c->builds[i].key = NULL;
		}
	pthread_cond_broadcast(&c->built);
}

int
wm_page_cache_get(struct wm_page_cache *c, const char *key, int64_t version,
    struct wm_buf *out, struct wm_gz_piece *gz, struct wm_buf *note)
{
	struct timespec until;
	struct part *p;
	int found = 0;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += WM_PAGE_CACHE_WAIT_SECONDS;
	pthread_mutex_lock(&c->mu);
	for (;;) {
		if ((p = find(c, key)) && p->version == version) {
			p->used = ++c->clock;
			if (out)
				wm_buf_add(out, p->data, p->len);
			if (gz) {
				wm_buf_clear(&gz->deflated);
				wm_buf_add(&gz->deflated, p->gz.deflated.data,
				    p->gz.deflated.len);
				gz->crc = p->gz.crc;
				gz->len = p->gz.len;
			}
			if (note) {
				wm_buf_clear(note);
				if (p->note)
					wm_buf_puts(note, p->note);
			}
			found = 1;
			break;
		}
		if (!building(c, key, version)) {
			claim(c, key, version);
			break;
		}
		/* Another request is building it: wait for that, unless
		 * it takes too long, and then build it too. */
		if (pthread_cond_timedwait(&c->built, &c->mu, &until) ==
		    ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&c->mu);
	return found;
}

void
wm_page_cache_unclaim(struct wm_page_cache *c, const char *key)
{
	pthread_mutex_lock(&c->mu);
	unclaim(c, key);
	pthread_mutex_unlock(&c->mu);
}

/* The slot for a new part: a free one, else the least recently used. */
static struct part *
slot(struct wm_page_cache *c)
{
	struct part *lru = NULL;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (!c->v[i].key)
			return &c->v[i];
		if (!lru || c->v[i].used < lru->used)
			lru = &c->v[i];
	}
	drop(c, lru);
	return lru;
}

/* Room for `len` more bytes, by dropping the least recently used. */
static void
make_room(struct wm_page_cache *c, size_t len)
{
	while (c->bytes + len > c->max_bytes) {
		struct part *lru = NULL;
		size_t i;

		for (i = 0; i < c->n; i++)
			if (c->v[i].key && (!lru || c->v[i].used < lru->used))
				lru = &c->v[i];
		if (!lru)
			return;
		drop(c, lru);
	}
}

void
wm_page_cache_put(struct wm_page_cache *c, const char *key, int64_t version,
    const char *part, size_t len, const char *note)
{
	struct part kept = { NULL, version, NULL, len, WM_GZ_PIECE_INIT, NULL,
	    0 };
	struct part *p;
	size_t i;

	/* Compressed once here, outside the lock, for every client that
	 * takes the page compressed. */
	if (len > c->max_bytes || !(kept.key = strdup(key)) ||
	    !(kept.data = malloc(len ? len : 1)) ||
	    (note && !(kept.note = strdup(note))) ||
	    wm_gz_piece(part, len, &kept.gz) || size_of(&kept) > c->max_bytes) {
		part_release(&kept);
		wm_page_cache_unclaim(c, key);
		return;
	}
	memcpy(kept.data, part, len);
	pthread_mutex_lock(&c->mu);
	unclaim(c, key);
	for (i = 0; i < c->n; i++)
		if (c->v[i].key && c->v[i].version > version) {
			/* A part was kept meanwhile from later figures:
			 * no request that reads the version from now on
			 * could be given this one. */
			pthread_mutex_unlock(&c->mu);
			part_release(&kept);
			return;
		}
	/* Nor any part of older figures, for the same reason. */
	for (i = 0; i < c->n; i++)
		if (c->v[i].key && c->v[i].version < version)
			drop(c, &c->v[i]);
	if ((p = find(c, key)))
		drop(c, p);
	make_room(c, size_of(&kept));
	p = slot(c);
	*p = kept;
	p->used = ++c->clock;
	c->bytes += size_of(p);
	pthread_mutex_unlock(&c->mu);
}

void
wm_page_cache_size(struct wm_page_cache *c, size_t *entries, size_t *bytes)
{
	size_t i, n = 0;

	pthread_mutex_lock(&c->mu);
	for (i = 0; i < c->n; i++)
		n += c->v[i].key != NULL;
	*entries = n;
	*bytes = c->bytes;
	pthread_mutex_unlock(&c->mu);
}
