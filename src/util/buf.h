/*
 * struct wm_buf: a growable byte string with a hard maximum size, always
 * NUL-terminated. The owner calls wm_buf_release(); wm_buf_clear() keeps
 * the memory for reuse. A failed append (out of memory, or past the
 * maximum) sets the sticky `failed` flag so writers can append many times
 * and check once.
 */
#ifndef WM_UTIL_BUF_H
#define WM_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct wm_buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
	int failed;
};

#define WM_BUF_DEFAULT_MAX ((size_t)64 << 20)
#define WM_BUF_INIT { NULL, 0, 0, WM_BUF_DEFAULT_MAX, 0 }

void wm_buf_init(struct wm_buf *b, size_t max);
void wm_buf_release(struct wm_buf *b);
void wm_buf_clear(struct wm_buf *b);

/* Each returns 0, or -1 (and sets b->failed) if the buffer could not grow. */
/* Room for n more bytes (and the NUL after them) without growing again,
 * for a writer that fills data + len itself and then moves len on. */
int wm_buf_reserve(struct wm_buf *b, size_t n);
int wm_buf_add(struct wm_buf *b, const void *p, size_t n);
int wm_buf_puts(struct wm_buf *b, const char *s);
/* A string literal, its length known when compiled: pages write
 * thousands of them. */
#define wm_buf_lit(b, literal) \
	wm_buf_add((b), "" literal, sizeof("" literal) - 1)
int wm_buf_putc(struct wm_buf *b, char c);
/* v in decimal, as "%lld" writes it, without printf's cost: for the
 * writers that append numbers by the million. */
int wm_buf_putll(struct wm_buf *b, long long v);
int wm_buf_printf(struct wm_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int wm_buf_vprintf(struct wm_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* The contents as a C string: "" when nothing was added. */
const char *wm_buf_str(const struct wm_buf *b);

/* Hands the contents to the caller (free() it) and resets the buffer. */
char *wm_buf_detach(struct wm_buf *b);

#endif
