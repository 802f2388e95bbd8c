/*
 * A person's plan as it is drawn, exported and saved: one version read
 * back from the QuestionnaireResponse it was kept as, against the
 * template it was written on; and a new version written the same way.
 * The templates themselves are the loaded instruments of the plan kind,
 * the latest version of each family. Ownership: a wm_plan_doc owns its
 * response and strings (wm_plan_doc_release); its instrument is the
 * store's parsed copy, valid while the store is open.
 */
#ifndef WM_REPORT_PLAN_H
#define WM_REPORT_PLAN_H

#include <stdint.h>

#include "core/response.h"
#include "store/store.h"
#include "util/buf.h"

struct wm_plan_doc {
	int64_t plan_id;
	int64_t n;		/* 0: the draft */
	int64_t instrument_id;
	const struct wm_instrument *in;
	struct wm_response *r;
	int together;		/* written with a practitioner */
	int64_t author_account_id;
	struct wm_buf author_name;	/* who was signed in */
	char agreed[11];	/* YYYY-MM-DD, or "" */
	char saved[32];		/* ISO time */
};

#define WM_PLAN_DOC_INIT { 0, 0, 0, NULL, NULL, 0, 0, WM_BUF_INIT, "", "" }

/* Version n of the plan (0 the draft, -1 the latest finished) into *d;
 * WM_STORE_NOT_FOUND when there is none. */
WM_MUST_USE int wm_plan_doc_load(struct wm_store *s, int64_t plan_id,
    int64_t n, struct wm_plan_doc *d, struct wm_buf *err);
void wm_plan_doc_release(struct wm_plan_doc *d);

/* Keeps `r` (checked by core already) as the plan's draft, or as its
 * next finished version when r->status is completed; written by the
 * account signed in, together with a practitioner when r->respondent
 * says so (which leaves the person's own draft as it is), agreed on
 * `agreed` (or NULL). The version's number into *n. */
WM_MUST_USE int wm_plan_doc_save(struct wm_store *s, int64_t plan_id,
    int64_t instrument_id, const struct wm_response *r,
    int64_t author_account_id, const char *agreed, int64_t *n,
    struct wm_buf *err);

/* A practitioner's suggested change, `r` (checked by core), made on
 * version `base`, with their note (or NULL); or, when r->respondent is
 * person-with-practitioner, a version they wrote together with the
 * person, agreed on `agreed`. Either waits for the person to accept it.
 * Its id into *id. */
WM_MUST_USE int wm_plan_suggest_save(struct wm_store *s, int64_t plan_id,
    int64_t base, int64_t instrument_id, const struct wm_response *r,
    int64_t account_id, const char *note, const char *agreed, int64_t *id,
    struct wm_buf *err);

/* A suggestion read back as a plan (d->n is the version it was made
 * on), with who made it, when, why and whether it is decided. */
struct wm_plan_suggestion {
	struct wm_plan_doc doc;	/* doc.together, doc.agreed and
				 * doc.author_account_id for a version
				 * written together */
	struct wm_buf by, note;
	char made[32];
	int decided, accepted;
};

#define WM_PLAN_SUGGESTION_INIT { WM_PLAN_DOC_INIT, WM_BUF_INIT, \
	WM_BUF_INIT, "", 0, 0 }

WM_MUST_USE int wm_plan_suggestion_load(struct wm_store *s, int64_t plan_id,
    int64_t id, struct wm_plan_suggestion *sg, struct wm_buf *err);
void wm_plan_suggestion_release(struct wm_plan_suggestion *sg);

/* The person's decision on an open suggestion: declined, it is only
 * marked so; accepted, its plan becomes their next finished version, as
 * theirs (written by the person, `author_account_id`; or, for a version
 * written together, as made together with its practitioner on the day
 * agreed), in the same
 * transaction, leaving what they saved part-way of their own as it is.
 * The version's number (0 when declined) into *n;
 * WM_STORE_NOT_FOUND when the suggestion is not open. */
WM_MUST_USE int wm_plan_suggestion_decide(struct wm_store *s,
    int64_t plan_id, int64_t id, int accept, int64_t author_account_id,
    const struct wm_date *today, int64_t *n, struct wm_buf *err);

/* The latest version of every plan template loaded, in title order,
 * through cb with its id; or (family not NULL) only that family's. */
WM_MUST_USE int wm_plan_templates(struct wm_store *s, const char *family,
    int (*cb)(void *, int64_t id, const struct wm_instrument *in),
    void *ctx, struct wm_buf *err);

/* Everything held about the person's plans, for their record download:
 * each plan with every version (the draft too) as the FHIR
 * QuestionnaireResponse it is kept as, whom it has been shared with
 * (ended shares too), and every read by someone else. Into *out (a new
 * reference); the store's return. */
struct json_t;
WM_MUST_USE int wm_plan_record_json(struct wm_store *s, int64_t person_id,
    struct json_t **out, struct wm_buf *err);

/* The latest template of the family into *id and *in, or *in NULL
 * when none is loaded. */
WM_MUST_USE int wm_plan_template_latest(struct wm_store *s,
    const char *family, int64_t *id, const struct wm_instrument **in,
    struct wm_buf *err);

#endif
