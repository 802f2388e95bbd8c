/*
 * Who is answering a form, about whom, and where their forms live: the
 * signed-in person, a member of staff about themselves, or a practitioner
 * alongside a person on their caseload (a {person} in the path). Shared by
 * the measure pages and the JSON API, so both apply the same scope.
 */
#ifndef WM_WEB_ANSWERER_H
#define WM_WEB_ANSWERER_H

#include <stdint.h>

#include "web/http.h"

struct wm_answerer {
	enum wm_subject kind;		/* person, or staff */
	enum wm_respondent respondent;
	int64_t id;			/* person id, or account id */
	int64_t unit;			/* staff: their service */
	char base[200];			/* "/measures", or the person's */
	int64_t about;			/* staff reflecting on an
					 * interaction: with this person,
					 * or 0 */
};

/* Fills *a for the signed-in account and the path; 0 (and a 404) for
 * anyone with nothing of their own to answer, such as a commissioner, or
 * a person not on the practitioner's caseloads. */
int wm_answerer_of(struct wm_http *h, struct wm_answerer *a);


/* 1 if `a` may answer `in`. */
int wm_answerable(const struct wm_instrument *in, const struct wm_answerer *a);

/* The instrument whose id is the path's {id}, if `a` may answer it; else
 * NULL and a 404, exactly as if it did not exist. The store keeps it
 * (wm_store_instrument_parsed): never freed by the caller. */
const struct wm_instrument *wm_answerer_instrument(struct wm_http *h,
    const struct wm_answerer *a, int64_t *id);

/* The latest loaded instrument of measure family `family` that `a` may
 * answer (as wm_page_instrument: not freed by the caller), with its id;
 * NULL when none is loaded, or with the store's failure answered. */
const struct wm_instrument *wm_family_instrument(struct wm_http *h,
    const char *family, const struct wm_answerer *a, int64_t *id);

/* Records a checked response to instrument `inst` as a's own answers,
 * given now (replacing a's draft of it), with the signed-in account in the
 * audit log; `api` when it came through the JSON API, through the
 * server's group-commit writer. Returns wm_store_record's result
 * (WM_STORE_NOT_FOUND: the person was not on a service's caseload that
 * day); any other failure is answered and logged here. */
int wm_answerer_record(struct wm_http *h, const struct wm_answerer *a,
    const struct wm_response *r, int64_t inst, int api, int64_t *id);

/* The key of a's draft of instrument `inst`. */
struct wm_draft_key wm_answerer_draft(const struct wm_answerer *a,
    int64_t inst);

#endif
