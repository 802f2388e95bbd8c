/*
 * struct wm_arena: a bump allocator for objects that live and die together
 * (a parsed instrument, a parsed response, one request). Everything
 * allocated from it is freed by one wm_arena_release().
 */
#ifndef WM_UTIL_ARENA_H
#define WM_UTIL_ARENA_H

#include <stddef.h>

struct wm_arena_chunk;

struct wm_arena {
	struct wm_arena_chunk *head;
	size_t used;	/* bytes handed out, for limits */
	size_t max;	/* 0 = no limit */
};

#define WM_ARENA_INIT { NULL, 0, 0 }

void wm_arena_release(struct wm_arena *a);

/* Zeroed memory aligned for any object, or NULL (out of memory or past max). */
void *wm_arena_alloc(struct wm_arena *a, size_t size);
void *wm_arena_calloc(struct wm_arena *a, size_t n, size_t size);
char *wm_arena_strdup(struct wm_arena *a, const char *s);
char *wm_arena_strndup(struct wm_arena *a, const char *s, size_t n);

#endif
