/*
 * The parts of a plan's form shared by the pages that write one
 * (web/plan_form.c). Each answer is written into the request's
 * response; responses returned are the caller's to free.
 */
#ifndef WM_WEB_PLAN_FORM_H
#define WM_WEB_PLAN_FORM_H

#include "report/plan.h"
#include "web/http.h"

/* The latest template of the plan's family into t (its instrument and
 * id); 0, else -1 with the answer written. */
int wm_plan_form_template(struct wm_http *h, const char *family,
    struct wm_plan_doc *t);

/* The id of the latest template of the family into *id (0 when none is
 * loaded); -1 when the store failed. */
int wm_plan_template_id(struct wm_http *h, const char *family, int64_t *id);

/* What to fill the form in with: the draft (unless latest_only), else
 * the latest finished version, carried onto the template `t` by linkId
 * (a new template keeps what its questions still ask); *out NULL when
 * there is neither. *draft says it is the draft. 0, else -1 with the
 * answer written. */
int wm_plan_form_prefill(struct wm_http *h, int64_t plan_id,
    const struct wm_plan_doc *t, int latest_only, struct wm_response **out,
    int *draft);

/* The template's fields, with the parts Waymark fills in said so in
 * place, each question's problem from d beside it. */
void wm_plan_form_fields(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_diags *d, const struct wm_response *prefill);

/* The id of the form's first box of text, for a problem with the whole
 * form to lead to; NULL when it has none. */
const char *wm_plan_form_first_field(const struct wm_instrument *in);

/* The posted answers as a response about the person `ident`, written as
 * `respondent`, `status`, checked by core: problems into d, and *empty
 * set (to the message) when nothing was written. NULL when out of
 * memory (the problem in d). */
struct wm_response *wm_plan_form_read(struct wm_http *h,
    const struct wm_plan_doc *t, const char *ident,
    enum wm_respondent respondent, enum wm_response_status status,
    struct wm_diags *d, const char **empty);

#endif
