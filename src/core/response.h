/*
 * Responses: a FHIR R4 QuestionnaireResponse read from outside, checked
 * answer by answer against its instrument, and scored. A response owns its
 * memory through its arena (wm_response_free releases it); it points at,
 * but does not own, the instrument it was bound to.
 *
 * Reading is two steps because the instrument lives in the store:
 * wm_response_parse() reads the envelope (which instrument, about whom, by
 * whom), the caller finds that instrument, and wm_response_bind() checks
 * the answers against it and computes the scores.
 */
#ifndef WM_CORE_RESPONSE_H
#define WM_CORE_RESPONSE_H

#include "core/instrument.h"
#include "core/rating.h"
#include "core/scoring.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/diag.h"

#define WM_RESPONSE_MAX_BYTES ((size_t)1 << 20)

enum wm_response_status {
	WM_STATUS_COMPLETED,
	WM_STATUS_IN_PROGRESS,	/* saved to come back to later */
};

struct wm_ref {
	enum wm_subject kind;
	const char *id;		/* person identifier, unit code or email */
};

struct wm_response {
	struct wm_arena arena;
	const char *url;	/* the instrument's canonical url ... */
	const char *version;	/* ... and version */
	enum wm_response_status status;
	struct wm_ref subject;
	struct wm_ref author;	/* author.id NULL when not given */
	const char *unit;	/* the service it is attributed to, or NULL */
	enum wm_respondent respondent;
	enum wm_stakeholder stakeholder;	/* validators only */
	struct wm_date authored;

	/* Set by wm_response_bind() or wm_response_init(). */
	const struct wm_instrument *in;
	struct wm_answer *answers;	/* in->n_items */
	struct wm_score *scores;	/* in->n_scales */

	struct json_t *items_json;	/* held between parse and bind (jansson's
				 * type, kept opaque here) */
};

int wm_response_parse(const char *text, size_t len, struct wm_response **out,
    struct wm_diags *diags);

/* Checks every answer against `in` and scores the response. `today` is
 * the latest acceptable authored date. Returns 0 when nothing was wrong. */
int wm_response_bind(struct wm_response *r, const struct wm_instrument *in,
    const struct wm_date *today, struct wm_diags *diags);

/* A new, empty response to `in`, for programs that build responses
 * themselves (the demo); fill it, then wm_response_check() it. */
struct wm_response *wm_response_new(const struct wm_instrument *in);
int wm_response_set_choice(struct wm_response *r, const char *link_id,
    const char *code);
int wm_response_set_text(struct wm_response *r, const char *link_id,
    const char *text);
/* Any question from its answer as text, as a web form sends it: a
 * choice's code, a date as YYYY-MM-DD, a whole number, true or false, or
 * text. -1 (nothing set) when it is not an answer the question takes. */
int wm_response_set_answer(struct wm_response *r, const char *link_id,
    const char *text);

/* The rules that do not depend on the JSON: who may answer, about whom,
 * when, and required answers (a required question only when it is
 * enabled: see core/enable.h); then scores the response, counting no
 * answer to a question that is not enabled. Such answers are kept. */
int wm_response_check(struct wm_response *r, const struct wm_date *today,
    struct wm_diags *diags);

/* The response as a FHIR R4 QuestionnaireResponse that
 * wm_response_parse reads back to the same response: its instrument,
 * status, subject, author, the day it was written, who answered, and
 * each answer inside its groups (a list as one answer per entry). A new
 * reference (json_decref), or NULL when out of memory. */
struct json_t *wm_response_to_fhir(const struct wm_response *r);

void wm_response_free(struct wm_response *r);

const char *wm_response_status_name(enum wm_response_status s);

#endif
