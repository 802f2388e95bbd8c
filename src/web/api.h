/*
 * The JSON API's side of a request: replies and errors as JSON, and the
 * body read strictly. Errors always have the shape
 *   {"error": {"status": 400, "message": "...", "field": "..."}}
 * where "field" names what was at fault, when something was.
 */
#ifndef WM_WEB_API_H
#define WM_WEB_API_H

#include <jansson.h>

#include "core/rating.h"
#include "util/diag.h"
#include "web/http.h"

#define WM_API_MAX_BODY ((size_t)64 * 1024)

/* 1 for a request under /api/. */
int wm_api_request(const struct wm_http *h);

/* Sends `body` (the reference is taken) with `status`. */
void wm_api_reply(struct wm_http *h, int status, json_t *body);

/* Sends `text` (JSON the program itself wrote and kept, such as a
 * stored FHIR resource) as it is, so that a reader gets exactly what
 * was kept; the one way the API answers with text it did not just
 * build. */
void wm_api_reply_stored(struct wm_http *h, int status, const char *text,
    size_t len, const char *content_type);

/* 204 No Content: a change made, with nothing to say. */
void wm_api_no_content(struct wm_http *h);

/* An error; field may be NULL. */
void wm_api_error(struct wm_http *h, int status, const char *message,
    const char *field);

/* The first problem of `d` as a 400 error naming its field (or its line
 * and column in the body). */
void wm_api_refuse(struct wm_http *h, const struct wm_diags *d);

/* The body as a JSON object, or NULL with a 400 error sent. The caller
 * owns the object (json_decref). */
json_t *wm_api_body(struct wm_http *h);

/* Members of a body object. Each returns 0, or -1 with a 400 error sent
 * that names the member. A missing optional string is NULL. */
int wm_api_string(struct wm_http *h, json_t *o, const char *name,
    int required, const char **out);
int wm_api_integer(struct wm_http *h, json_t *o, const char *name,
    long long *out);

/* Figures the service pages' API replies share: a count about people as
 * the service may see it (the number, or the string "<5"); a light's
 * name or null; training coverage per course; the ERFS profile and the team's
 * Ten Top Tips of a loaded profile (api_profile.c, api_standards.c,
 * api_training.c). NULL when out of memory. */
struct wm_profile;
struct wm_coverage;
json_t *wm_api_count_json(int64_t n);
json_t *wm_api_coverage_json(const struct wm_coverage *cv, size_t n);
json_t *wm_api_light(enum wm_rating r);
json_t *wm_api_erfs_json(const struct wm_profile *p);
json_t *wm_api_tips_json(const struct wm_profile *p);

#endif
