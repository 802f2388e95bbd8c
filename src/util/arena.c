#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct wm_arena_chunk {
	struct wm_arena_chunk *next;
	size_t size;
	size_t off;
	alignas(max_align_t) unsigned char mem[];
};

#define CHUNK_MIN ((size_t)16 * 1024)
#define ALIGN ((size_t)alignof(max_align_t))

/*
 * Under AddressSanitizer a chunk's free space is poisoned and each
 * allocation unpoisoned to its exact size, so that running off the end
 * of one object into its neighbour is caught as it would be between two
 * mallocs (tests and fuzzing rely on this).
 */
#if defined(__SANITIZE_ADDRESS__)
#define WM_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WM_ARENA_ASAN 1
#endif
#endif
#ifdef WM_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

void
wm_arena_release(struct wm_arena *a)
{
	struct wm_arena_chunk *c, *next;

	for (c = a->head; c; c = next) {
		next = c->next;
		UNPOISON(c->mem, c->size);
		free(c);
	}
	a->head = NULL;
	a->used = 0;
}

void *
wm_arena_alloc(struct wm_arena *a, size_t size)
{
	struct wm_arena_chunk *c = a->head;
	size_t need;
	void *p;

	if (size > SIZE_MAX / 2)
		return NULL;
	need = (size + ALIGN - 1) & ~(ALIGN - 1);
	if (need == 0)
		need = ALIGN;
	if (a->max && (need > a->max || a->used > a->max - need))
		return NULL;
	if (!c || c->size - c->off < need) {
		size_t sz = need > CHUNK_MIN ? need : CHUNK_MIN;

		c = malloc(sizeof(*c) + sz);
		if (!c)
			return NULL;
		c->next = a->head;
		c->size = sz;
		c->off = 0;
		a->head = c;
		POISON(c->mem, sz);
	}
	p = c->mem + c->off;
	UNPOISON(p, size);
	c->off += need;
	a->used += need;
	memset(p, 0, size);
	return p;
}

void *
wm_arena_calloc(struct wm_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return wm_arena_alloc(a, n * size);
}

char *
wm_arena_strndup(struct wm_arena *a, const char *s, size_t n)
{
	char *p = wm_arena_alloc(a, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *
wm_arena_strdup(struct wm_arena *a, const char *s)
{
	return wm_arena_strndup(a, s, strlen(s));
}
