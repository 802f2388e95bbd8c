/*
 * The JSON API for a service lead (docs/api.md): a service's measurement
 * cycles with their completion month by month. Scope as on the pages:
 * wm_service_led answers 404, as JSON, for a service the account does
 * not lead.
 */
#include "web/pages.h"

#include <stdio.h>

#include "web/api.h"

static json_t *
months_json(const struct wm_completion *c)
{
	const struct wm_completion_month *m;
	json_t *a = json_array(), *o;
	char month[16];
	int i, pct;

	for (i = 0; a && i < WM_COMPLETION_MONTHS; i++) {
		m = &c->m[i];
		snprintf(month, sizeof(month), "%04d-%02d", m->year % 10000,
		    m->month % 100);
		pct = wm_completion_percent(m->done, m->due);
		o = json_pack("{s:s, s:I, s:I, s:o, s:b}", "month", month,
		    "due", (json_int_t)m->due, "done", (json_int_t)m->done,
		    "percent", pct < 0 ? json_null() : json_integer(pct),
		    "final", m->final);
		if (!o || json_array_append_new(a, o)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static int
cycle_json(void *ctx, const struct wm_completion_row *r)
{
	json_t *cycles = ctx, *months = months_json(r->months), *o;
	const struct wm_cycle_info_row *c = r->cycle;

	if (!months)
		return -1;
	o = json_pack("{s:I, s:s, s:s, s:s, s:i, s:s, s:o, s:o}", "id",
	    (json_int_t)c->id, "measure", c->url, "title", c->title, "for",
	    c->subject_kind, "every_months", c->every_months, "start", c->start,
	    "stopped", c->stopped ? json_string(c->stopped) : json_null(),
	    "months", months);
	return !o || json_array_append_new(cycles, o) ? -1 : 0;
}

void
wm_api_cycles(struct wm_http *h)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_buf err = WM_BUF_INIT;
	json_t *cycles = json_array();
	struct wm_date today;
	char date[11];

	if (wm_service_led(h, &s))
		goto out;
	wm_date_from_days((long)(h->now / 86400), &today);
	wm_date_format(&today, date);
	if (!cycles || !wm_page_store_ok(h, wm_store_completion_each(h->store,
	    s.id, &today, cycle_json, cycles, &err), &err))
		wm_api_error(h, 500, "the cycles could not be read", NULL);
	else
		wm_api_reply(h, 200, json_pack("{s:s, s:s, s:s, s:O}",
		    "service", s.code, "name", wm_buf_str(&s.name), "today", date,
		    "cycles", cycles));
out:
	json_decref(cycles);
	wm_buf_release(&err);
	wm_led_service_release(&s);
}
