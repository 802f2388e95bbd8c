/*
 * Parts of pages kept between requests (web/page_cache.h): a small array
 * searched by key, since it holds a few dozen parts at most, under one
 * lock held only to find or copy a part.
 */
#include "web/page_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct part {
	char *key;		/* NULL: a free slot */
	int64_t version;
	char *data;
	size_t len;
	uint64_t used;		/* when last given out or kept */
};

struct wm_page_cache {
	pthread_mutex_t mu;
	struct part *v;
	size_t n, max_bytes, bytes;
	uint64_t clock;
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
	return c;
}

static void
drop(struct wm_page_cache *c, struct part *p)
{
	c->bytes -= p->len;
	free(p->key);
	free(p->data);
	memset(p, 0, sizeof(*p));
}

void
wm_page_cache_free(struct wm_page_cache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		drop(c, &c->v[i]);
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

int
wm_page_cache_get(struct wm_page_cache *c, const char *key, int64_t version,
    struct wm_buf *out)
{
	struct part *p;
	int found = 0;

	pthread_mutex_lock(&c->mu);
	if ((p = find(c, key)) && p->version == version) {
		p->used = ++c->clock;
		wm_buf_add(out, p->data, p->len);
		found = 1;
	}
	pthread_mutex_unlock(&c->mu);
	return found;
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
    const char *part, size_t len)
{
	char *k = NULL, *d = NULL;
	struct part *p;
	size_t i;

	if (len > c->max_bytes || !(k = strdup(key)) || !(d = malloc(len))) {
		free(k);
		return;
	}
	memcpy(d, part, len);
	pthread_mutex_lock(&c->mu);
	for (i = 0; i < c->n; i++)
		if (c->v[i].key && c->v[i].version > version) {
			/* A part was kept meanwhile from later figures:
			 * no request that reads the version from now on
			 * could be given this one. */
			pthread_mutex_unlock(&c->mu);
			free(k);
			free(d);
			return;
		}
	/* Nor any part of older figures, for the same reason. */
	for (i = 0; i < c->n; i++)
		if (c->v[i].key && c->v[i].version < version)
			drop(c, &c->v[i]);
	if ((p = find(c, key)))
		drop(c, p);
	make_room(c, len);
	p = slot(c);
	p->key = k;
	p->version = version;
	p->data = d;
	p->len = len;
	p->used = ++c->clock;
	c->bytes += len;
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
