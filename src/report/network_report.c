/*
 * The quarter-by-quarter means (report/network_report.h): rows kept in
 * order by service, quarter and kind of answer, found by binary search as
 * the scales of each arrive.
 */
#include "report/network_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define MAX_SCALES 16

struct outcome {
	const char *site, *site_name, *quarter, *respondent;
	int64_t people;
	int64_t n[MAX_SCALES];
	double mean[MAX_SCALES];
};

struct wm_netrep {
	struct wm_arena arena;
	char from[8], to[8];	/* the window, "2026-Q1" */
	struct outcome *o;
	size_t n_o, cap_o;
	const char *scale[MAX_SCALES];
	const char *scale_title[MAX_SCALES];
	size_t n_scales;
	const char *error;	/* static text, or NULL */
};

const char *
wm_netrep_error(const struct wm_netrep *r)
{
	return r->error ? r->error : "";
}

static int
fail(struct wm_netrep *r, const char *why)
{
	r->error = why;
	return -1;
}

struct wm_netrep *
wm_netrep_new(const char *from, const char *to)
{
	struct wm_netrep *r = calloc(1, sizeof(*r));

	if (r) {
		snprintf(r->from, sizeof(r->from), "%s", from);
		snprintf(r->to, sizeof(r->to), "%s", to);
	}
	return r;
}

/* Quarters are written alike ("2026-Q1"), so they order as text. */
static int
in_window(const struct wm_netrep *r, const char *quarter)
{
	return strcmp(quarter, r->from) >= 0 && strcmp(quarter, r->to) <= 0;
}

void
wm_netrep_free(struct wm_netrep *r)
{
	if (!r)
		return;
	wm_arena_release(&r->arena);
	free(r->o);
	free(r);
}

static const char *
keep(struct wm_netrep *r, const char *s)
{
	return wm_arena_strdup(&r->arena, s ? s : "");
}

static int
grow(void **v, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 64;
	p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

static int
cmp_key(const struct outcome *o, const char *site, const char *quarter,
    const char *respondent)
{
	int c = strcmp(o->site, site);

	if (c == 0)
		c = strcmp(o->quarter, quarter);
	if (c == 0)
		c = strcmp(o->respondent, respondent);
	return c;
}

/* The row for this key, inserted in order if new. */
static struct outcome *
outcome_row(struct wm_netrep *r, const char *site, const char *quarter,
    const char *respondent)
{
	size_t lo = 0, hi = r->n_o;
	struct outcome *o;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_key(&r->o[mid], site, quarter, respondent);

		if (c == 0)
			return &r->o[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (grow((void **)&r->o, &r->cap_o, r->n_o, sizeof(*r->o)))
		return NULL;
	memmove(&r->o[lo + 1], &r->o[lo], (r->n_o - lo) * sizeof(*r->o));
	r->n_o++;
	o = &r->o[lo];
	memset(o, 0, sizeof(*o));
	o->site = keep(r, site);
	o->site_name = o->site;
	o->quarter = keep(r, quarter);
	o->respondent = keep(r, respondent);
	return o->site && o->quarter && o->respondent ? o : NULL;
}

int
wm_netrep_add_people(struct wm_netrep *r, const char *site,
    const char *quarter, const char *respondent, int64_t people)
{
	struct outcome *o;

	if (!in_window(r, quarter))
		return 0;
	if (!(o = outcome_row(r, site, quarter, respondent)))
		return fail(r, "out of memory");
	o->people = people;
	return 0;
}

static int
scale_index(struct wm_netrep *r, const char *scale, const char *title)
{
	size_t i;

	for (i = 0; i < r->n_scales; i++)
		if (strcmp(r->scale[i], scale) == 0)
			return (int)i;
	if (r->n_scales == MAX_SCALES)
		return -1;
	r->scale[r->n_scales] = keep(r, scale);
	r->scale_title[r->n_scales] = keep(r, title);
	return (int)r->n_scales++;
}

int
wm_netrep_add_scale(struct wm_netrep *r, const char *site,
    const char *site_name, const char *quarter, const char *respondent,
    const char *scale, const char *title, int64_t people, double mean)
{
	struct outcome *o;
	int k;

	if (!in_window(r, quarter))
		return 0;
	o = outcome_row(r, site, quarter, respondent);
	k = scale_index(r, scale, title);
	if (!o)
		return fail(r, "out of memory");
	if (k < 0)
		return fail(r, "a measure in the report has more than 16 scales, "
		    "more than the report can show");
	o->site_name = keep(r, site_name);
	o->n[k] = people;
	o->mean[k] = mean;
	return 0;
}

size_t
wm_netrep_scales(const struct wm_netrep *r)
{
	return r->n_scales;
}

const char *
wm_netrep_scale(const struct wm_netrep *r, size_t k)
{
	return k < r->n_scales ? r->scale[k] : "";
}

const char *
wm_netrep_scale_title(const struct wm_netrep *r, size_t k)
{
	return k < r->n_scales ? r->scale_title[k] : "";
}

size_t
wm_netrep_rows(const struct wm_netrep *r)
{
	return r->n_o;
}

void
wm_netrep_row(const struct wm_netrep *r, size_t i, struct wm_netrep_row *out)
{
	const struct outcome *o = &r->o[i];

	out->site = o->site;
	out->site_name = o->site_name;
	out->quarter = o->quarter;
	out->respondent = o->respondent;
	out->people = o->people;
	out->n = o->n;
	out->mean = o->mean;
}
