#include "util/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
wm_buf_init(struct wm_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->failed = 0;
}

void
wm_buf_release(struct wm_buf *b)
{
	free(b->data);
	wm_buf_init(b, b->max);
}

void
wm_buf_clear(struct wm_buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->data)
		b->data[0] = '\0';
}

static int
grow(struct wm_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return -1;
	if (extra > b->max || b->len > b->max - extra) {
		b->failed = 1;
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int
wm_buf_reserve(struct wm_buf *b, size_t n)
{
	return grow(b, n);
}

int
wm_buf_add(struct wm_buf *b, const void *p, size_t n)
{
	if (grow(b, n))
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
wm_buf_puts(struct wm_buf *b, const char *s)
{
	return wm_buf_add(b, s, strlen(s));
}

int
wm_buf_putc(struct wm_buf *b, char c)
{
	return wm_buf_add(b, &c, 1);
}

int
wm_buf_putll(struct wm_buf *b, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v :
	    (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	return wm_buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

int
wm_buf_vprintf(struct wm_buf *b, const char *fmt, va_list ap)
{
	size_t room = b->data && !b->failed ? b->cap - b->len : 0;
	va_list cp;
	int n;

	/* Straight into the room there is, which is nearly always enough:
	 * only what does not fit is formatted a second time. */
	va_copy(cp, ap);
	n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, cp);
	va_end(cp);
	if (n >= 0 && (size_t)n < room && (size_t)n <= b->max - b->len) {
		b->len += (size_t)n;
		return 0;
	}
	if (room)
		b->data[b->len] = '\0';
	if (n < 0 || grow(b, (size_t)n)) {
		b->failed = 1;
		return -1;
	}
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
wm_buf_printf(struct wm_buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = wm_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return r;
}

const char *
wm_buf_str(const struct wm_buf *b)
{
	return b->data ? b->data : "";
}

char *
wm_buf_detach(struct wm_buf *b)
{
	char *p = b->data;

	if (!p)
		p = calloc(1, 1);
	wm_buf_init(b, b->max);
	return p;
}
