/*
 * Whom a person may share a plan with (web/plan_targets.h).
 */
#include "web/plan_targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "web/pages.h"

#define MAX_UNITS 32

struct load {
	struct wm_share_targets *t;
	int64_t units[MAX_UNITS];
	char names[MAX_UNITS][256];
	size_t n_units;
	size_t unit;		/* the service whose staff are being read */
};

static void
add(struct wm_share_targets *t, enum wm_share_kind kind, int64_t id,
    const char *code, const char *words, const char *more)
{
	struct wm_share_target *x;
	char value[40];
	size_t i;

	snprintf(value, sizeof(value), "%s:%lld", kind == WM_SHARE_TEAM ?
	    "team" : "account", (long long)id);
	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].value, value) == 0)
			return;	/* a practitioner of two of their services */
	if (t->n == WM_SHARE_TARGETS_MAX)
		return;
	x = &t->v[t->n++];
	x->kind = kind;
	x->id = id;
	memcpy(x->value, value, sizeof(value));
	snprintf(x->code, sizeof(x->code), "%s", code ? code : "");
	snprintf(x->words, sizeof(x->words), "%s%s", words, more);
}

static int
unit_row(void *ctx, const struct wm_spell_row *r)
{
	struct load *l = ctx;
	char words[300];

	if (l->n_units < MAX_UNITS) {
		l->units[l->n_units] = r->unit_id;
		snprintf(l->names[l->n_units], sizeof(l->names[0]), "%s",
		    r->name);
		l->n_units++;
	}
	snprintf(words, sizeof(words), "The care team of %s", r->name);
	add(l->t, WM_SHARE_TEAM, r->unit_id, r->code, words, "");
	return 0;
}

static int
practitioner_row(void *ctx, const struct wm_staff *st)
{
	struct load *l = ctx;
	char more[280];

	snprintf(more, sizeof(more), ", %s", l->names[l->unit]);
	add(l->t, WM_SHARE_PRACTITIONER, st->account_id, NULL, st->name, more);
	return 0;
}

static int
supporter_row(void *ctx, const struct wm_supporter_row *r)
{
	struct load *l = ctx;
	char more[200];

	if (r->ended)
		return 0;
	if (r->relationship)
		snprintf(more, sizeof(more), ", your supporter (%s)",
		    r->relationship);
	else
		snprintf(more, sizeof(more), ", your supporter");
	add(l->t, WM_SHARE_SUPPORTER, r->account_id, NULL, r->name, more);
	return 0;
}

int
wm_share_targets_load(struct wm_http *h, int64_t person,
    struct wm_share_targets *t)
{
	struct wm_buf err = WM_BUF_INIT;
	struct load *l = calloc(1, sizeof(*l));
	int rc;

	t->n = 0;
	if (!l) {
		wm_page_store_error(h, WM_STORE_ERROR, "out of memory");
		return -1;
	}
	l->t = t;
	rc = wm_store_caseload_open(h->store, person, unit_row, l, &err);
	for (l->unit = 0; rc == 0 && l->unit < l->n_units; l->unit++)
		rc = wm_store_service_practitioners(h->store,
		    l->units[l->unit], practitioner_row, l, &err);
	if (rc == 0)
		rc = wm_store_supporters(h->store, person, supporter_row, l,
		    &err);
	wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	free(l);
	return rc ? -1 : 0;
}

const struct wm_share_target *
wm_share_target_value(const struct wm_share_targets *t, const char *value)
{
	size_t i;

	for (i = 0; value && i < t->n; i++)
		if (strcmp(t->v[i].value, value) == 0)
			return &t->v[i];
	return NULL;
}

const struct wm_share_target *
wm_share_target_team(const struct wm_share_targets *t, const char *code)
{
	size_t i;

	for (i = 0; code && i < t->n; i++)
		if (t->v[i].kind == WM_SHARE_TEAM &&
		    strcmp(t->v[i].code, code) == 0)
			return &t->v[i];
	return NULL;
}

const struct wm_share_target *
wm_share_target_account(const struct wm_share_targets *t, int64_t account_id)
{
	size_t i;

	for (i = 0; account_id && i < t->n; i++)
		if (t->v[i].kind != WM_SHARE_TEAM && t->v[i].id == account_id)
			return &t->v[i];
	return NULL;
}
