/*
 * GET /api/v1/services/{code}/training: a led service's training
 * coverage per course and its training records, as JSON (docs/api.md).
 * Anyone but the service's lead gets 404, as if it did not exist.
 */
#include "web/pages.h"

#include <stdlib.h>

#include "web/api.h"

#define MAX_RECORDS 1000

static int
record_json(void *ctx, const struct wm_training_record_row *r)
{
	json_t *records = ctx, *o = json_pack("{s:s, s:s, s:s, s:s, s:s}",
	    "email", r->email, "name", r->name, "course", r->course,
	    "completed", r->completed, "recorded", r->recorded);

	return !o || json_array_append_new(records, o) ? -1 : 0;
}

json_t *
wm_api_coverage_json(const struct wm_coverage *cv, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++) {
		json_t *o = json_pack("{s:s, s:s, s:I, s:I}", "course",
		    cv[i].course->code, "title", cv[i].course->display,
		    "completed", (json_int_t)cv[i].done, "staff",
		    (json_int_t)cv[i].staff);

		if (!o || json_array_append_new(a, o))
			break;
		json_object_set_new(o, "percent", cv[i].has_percent ?
		    json_integer(cv[i].percent) : json_null());
	}
	return a;
}

void
wm_api_service_training(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_coverage *cv = NULL;
	struct wm_buf err = WM_BUF_INIT;
	json_t *records = json_array();
	int64_t staff = 0;
	size_t n;

	if (wm_service_led(h, &s))
		goto out;
	if (!h->site->courses) {
		wm_api_error(h, 500, "the training courses are not loaded", NULL);
		goto out;
	}
	n = h->site->courses->n_concepts;
	if (!records || !(cv = calloc(n, sizeof(*cv))) ||
	    wm_service_coverage(h, s.id, cv, &staff) ||
	    !wm_page_store_ok(h, wm_store_training_list(h->store, s.id,
	    MAX_RECORDS, record_json, records, &err), &err)) {
		wm_api_error(h, 500, "the training could not be read", NULL);
		goto out;
	}
	wm_api_reply(h, 200, json_pack("{s:s, s:s, s:I, s:o, s:O}", "service",
	    s.code, "service_name", wm_buf_str(&s.name), "staff",
	    (json_int_t)staff, "coverage", wm_api_coverage_json(cv, n), "records",
	    records));
out:
	json_decref(records);
	free(cv);
	wm_buf_release(&err);
	wm_led_service_release(&s);
}
