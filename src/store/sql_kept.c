/*
 * A person's parts of the totals kept at write time (sql_internal.h,
 * struct wm_sq_parts): kept as text beside the totals, so that when the
 * person is worked out again, exactly what was added is taken away and
 * what is true now is added, and only where the two differ.
 */
#include "store/sql_internal.h"

#include <stdlib.h>
#include <string.h>

int
wm_sq_parts_add(struct wm_sq_parts *p, const struct wm_sq_part *x)
{
	struct wm_sq_part *v;
	size_t cap;

	if (p->n == p->cap) {
		cap = p->cap ? p->cap * 2 : 16;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    !(v = realloc(p->v, cap * sizeof(*v))))
			return -1;
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n++] = *x;
	return 0;
}

void
wm_sq_parts_release(struct wm_sq_parts *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

int
wm_sq_part_cmp(const struct wm_sq_part *a, const struct wm_sq_part *b)
{
	int i;

	for (i = 0; i < WM_SQ_PART; i++)
		if (a->v[i] != b->v[i])
			return a->v[i] < b->v[i] ? -1 : 1;
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return wm_sq_part_cmp(a, b);
}

void
wm_sq_parts_sort(struct wm_sq_parts *p)
{
	if (p->n)
		qsort(p->v, p->n, sizeof(*p->v), cmp);
}

int
wm_sq_parts_parse(struct wm_sq_parts *p, const char *text, int width)
{
	struct wm_sq_part x;
	char *end;
	int i;

	if (width < 1 || width > WM_SQ_PART)
		return -1;
	while (text && *text) {
		memset(&x, 0, sizeof(x));
		for (i = 0; i < width; i++) {
			x.v[i] = strtol(text, &end, 10);
			if (end == text)
				return -1;
			text = end;
			if (*text != ',')
				break;
			text++;
		}
		if ((*text && *text++ != ';') || wm_sq_parts_add(p, &x))
			return -1;
	}
	return 0;
}

void
wm_sq_parts_text(struct wm_buf *b, const struct wm_sq_part *v, size_t n,
    int width)
{
	size_t k;
	int i, last;

	wm_buf_clear(b);
	for (k = 0; k < n; k++) {
		for (last = width - 1; last > 0 && v[k].v[last] == 0; last--)
			;
		for (i = 0; i <= last; i++) {
			if (i || k)
				wm_buf_putc(b, i ? ',' : ';');
			wm_buf_putll(b, v[k].v[i]);
		}
	}
}

int
wm_sq_parts_bind(struct wm_q *st, int i, struct wm_buf *b,
    const struct wm_sq_part *v, size_t n, int width, struct wm_buf *err)
{
	wm_sq_parts_text(b, v, n, width);
	if (b->failed) {
		wm_buf_clear(err);
		wm_buf_puts(err, "a person's figures are too many to keep");
		return -1;
	}
	wm_q_text_static(st, i, b->data, b->len);
	return 0;
}

int
wm_sq_parts_same(const struct wm_sq_part *a, size_t na,
    const struct wm_sq_part *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (wm_sq_part_cmp(&a[i], &b[i]))
			return 0;
	return 1;
}

int
wm_sq_parts_diff(const struct wm_sq_part *was, size_t nw,
    const struct wm_sq_part *now, size_t nn,
    int (*fn)(void *, const struct wm_sq_part *, int), void *ctx)
{
	size_t i = 0, j = 0;
	int c, rc;

	while (i < nw || j < nn) {
		c = i == nw ? 1 : j == nn ? -1 : wm_sq_part_cmp(&was[i],
		    &now[j]);
		if (c == 0) {
			i++;
			j++;
		} else if (c < 0) {
			if ((rc = fn(ctx, &was[i++], -1)))
				return rc;
		} else if ((rc = fn(ctx, &now[j++], 1)))
			return rc;
	}
	return 0;
}

/* --- a person's parts, read and written -------------------------------- */

int
wm_sq_kept_read(struct wm_store *s, const struct wm_sq_kept_kind *kind,
    int64_t person, struct wm_sq_parts *was, struct wm_buf *err)
{
	struct wm_q *st = wm_sq_stmt(s, kind->read, err);
	int rc;

	if (!st)
		return -1;
	wm_q_int64(st, 1, person);
	if ((rc = wm_sq_step(s, st, "reading a person's kept figures",
	    err)) == 1 && wm_sq_parts_parse(was, wm_sq_col(st, 0),
	    kind->width)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "a person's kept figures could not be read");
		rc = -1;
	}
	wm_q_reset(st);
	wm_sq_parts_sort(was);
	return rc < 0 ? -1 : 0;
}

struct change {
	struct wm_sq_totals *totals;
	int kind;
};

static int
add_total(void *ctx, const struct wm_sq_part *x, int n)
{
	struct change *c = ctx;

	return wm_sq_totals_add(c->totals, c->kind, x, n);
}

int
wm_sq_kept_write(struct wm_store *s, const struct wm_sq_kept_kind *kind,
    int64_t person, const struct wm_sq_parts *was,
    const struct wm_sq_parts *now, struct wm_sq_totals *totals,
    struct wm_buf *text, struct wm_buf *err)
{
	struct change c = { totals, kind->total };
	struct wm_q *st;

	if (wm_sq_parts_same(was->v, was->n, now->v, now->n))
		return 0;
	if (wm_sq_parts_diff(was->v, was->n, now->v, now->n, add_total, &c) ||
	    !(st = wm_sq_stmt(s, now->n ? kind->put : kind->drop, err)))
		return -1;
	wm_q_int64(st, 1, person);
	if (now->n && wm_sq_parts_bind(st, 2, text, now->v, now->n,
	    kind->width, err))
		return -1;
	return wm_sq_exec(s, st, "keeping a person's figures", err) ? -1 : 0;
}

/* --- changes to the totals, added up before they are written --------- */

int
wm_sq_totals_add(struct wm_sq_totals *t, int kind, const struct wm_sq_part *x,
    long n)
{
	struct wm_sq_total *v;
	size_t cap;

	if (t->n == t->cap) {
		cap = t->cap ? t->cap * 2 : 256;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    !(v = realloc(t->v, cap * sizeof(*v))))
			return -1;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n].kind = kind;
	t->v[t->n].p = *x;
	t->v[t->n++].n = n;
	return 0;
}

static int
cmp_total(const void *a, const void *b)
{
	const struct wm_sq_total *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	return wm_sq_part_cmp(&x->p, &y->p);
}

int
wm_sq_totals_each(struct wm_sq_totals *t,
    int (*fn)(void *, int, const struct wm_sq_part *, long), void *ctx)
{
	size_t i, j;
	long n;
	int rc;

	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), cmp_total);
	for (i = 0; i < t->n; i = j) {
		for (n = 0, j = i; j < t->n && cmp_total(&t->v[i], &t->v[j]) ==
		    0; j++)
			n += t->v[j].n;
		if (n && (rc = fn(ctx, t->v[i].kind, &t->v[i].p, n)))
			return rc;
	}
	t->n = 0;
	return 0;
}

void
wm_sq_totals_release(struct wm_sq_totals *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}
