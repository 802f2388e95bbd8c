#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

void
wm_diags_init(struct wm_diags *d)
{
	struct wm_diags z = WM_DIAGS_INIT;

	*d = z;
}

void
wm_diags_release(struct wm_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].where);
		free(d->v[i].message);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = d->dropped = 0;
}

void
wm_diags_add(struct wm_diags *d, int line, int column, const char *where,
    const char *fmt, ...)
{
	struct wm_buf msg = WM_BUF_INIT;
	struct wm_diag *v;
	va_list ap;

	if (d->n >= d->max) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;

		v = realloc(d->v, cap * sizeof(*v));
		if (!v) {
			d->dropped++;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	va_start(ap, fmt);
	wm_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	v = &d->v[d->n];
	v->line = line;
	v->column = column;
	v->where = where ? strdup(where) : NULL;
	v->message = wm_buf_detach(&msg);
	if (!v->message || (where && !v->where)) {
		free(v->where);
		free(v->message);
		d->dropped++;
		return;
	}
	d->n++;
}

size_t
wm_diags_count(const struct wm_diags *d)
{
	return d->n + d->dropped;
}

void
wm_diag_say(struct wm_buf *out, const char *file, const struct wm_diags *d,
    size_t i)
{
	const struct wm_diag *g;

	if (i >= d->n) {
		if (d->dropped)
			wm_buf_printf(out, "%s: ... and %zu more problems", file,
			    d->dropped);
		return;
	}
	g = &d->v[i];
	if (g->line > 0)
		wm_buf_printf(out, "%s:%d:%d: %s", file, g->line, g->column,
		    g->message);
	else if (g->where)
		wm_buf_printf(out, "%s: %s: %s", file, g->where, g->message);
	else
		wm_buf_printf(out, "%s: %s", file, g->message);
}
