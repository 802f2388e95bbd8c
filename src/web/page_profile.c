/*
 * A service lead's profile views of their own service: the ERFS profile,
 * the supportive service indicators and the team's Ten Top Tips, each
 * for a period (?period=2026-Q3; when not given, the current quarter, or
 * for the team's tips the latest quarter with enough reflections to
 * show), with a chooser of the periods that have answers. The figures and their
 * suppression come from report/profile.h; the JSON API (api_profile.c)
 * serves the same views.
 */
#include "web/pages.h"

#include <string.h>

#include "report/profile.h"
#include "util/escape.h"
#include "web/api.h"
#include "web/layout.h"

int
wm_profile_period(struct wm_http *h, enum wm_profile_kind kind, int64_t unit,
    struct wm_quarter *out, int *latest)
{
	const char *q = wm_http_query(h, "period");
	struct wm_buf err = WM_BUF_INIT;
	struct wm_date today;
	int rc = 0;

	*latest = 0;
	if (!q) {
		wm_date_from_days((long)(h->now / 86400), &today);
		wm_quarter_of(&today, out);
		if (kind == WM_PROFILE_TIPS)
			rc = wm_profile_tips_latest(h->store, unit, &today, out,
			    latest, &err);
		wm_page_store_ok(h, rc, &err);
		wm_buf_release(&err);
		return rc ? -1 : 0;
	}
	if (wm_quarter_parse(q, out) == 0)
		return 0;
	if (wm_api_request(h))
		wm_api_error(h, 400, "period: write it as a year and a quarter, "
		    "for example 2026-Q3", "period");
	else
		wm_page_error(h, 400, "Period not recognised", "Write the "
		    "period as a year and a quarter, for example 2026-Q3 for "
		    "July to September 2026.");
	return -1;
}

/* The periods offered: the one shown, the current one and those with
 * answers, newest first, each once. */
struct periods {
	char q[44][8];
	size_t n;
};

static void
period_add(struct periods *ps, const char *q)
{
	size_t i, j;

	if (!q || strlen(q) != 7 || ps->n >= sizeof(ps->q) / sizeof(ps->q[0]))
		return;
	for (i = 0; i < ps->n && strcmp(ps->q[i], q) > 0; i++)
		;
	if (i < ps->n && strcmp(ps->q[i], q) == 0)
		return;
	for (j = ps->n; j > i; j--)
		memcpy(ps->q[j], ps->q[j - 1], sizeof(ps->q[j]));
	memcpy(ps->q[i], q, 8);
	ps->n++;
}

static int
period_row(void *ctx, const struct wm_profile_period_row *row)
{
	period_add(ctx, row->quarter);
	return 0;
}

static void
chooser(struct wm_http *h, const struct wm_led_service *s,
    enum wm_profile_kind kind, const char *path, const char *shown)
{
	struct periods ps = { .n = 0 };
	struct wm_buf href = WM_BUF_INIT, err = WM_BUF_INIT;
	struct wm_quarter now, p;
	struct wm_date today;
	char q[8], words[40];
	size_t i;

	wm_date_from_days((long)(h->now / 86400), &today);
	wm_quarter_of(&today, &now);
	wm_quarter_format(&now, q);
	period_add(&ps, shown);
	period_add(&ps, q);
	wm_page_store_ok(h, wm_store_profile_periods(h->store,
	    wm_profile_url(kind), s->id, wm_profile_subject_kind(kind),
	    period_row, &ps, &err), &err);
	wm_service_href(&href, s, path);
	HTML(h, "<form method=\"get\" action=\"");
	wm_esc_attr_s(&h->out, wm_buf_str(&href));
	HTML(h, "\">\n<div class=\"nhsuk-form-group\">\n<label class=\""
	    "nhsuk-label\" for=\"period\">Period</label>\n<select class=\""
	    "nhsuk-select\" id=\"period\" name=\"period\">\n");
	for (i = 0; i < ps.n; i++) {
		if (wm_quarter_parse(ps.q[i], &p))
			continue;
		wm_quarter_words(&p, words, sizeof(words));
		HTML(h, "<option value=\"");
		wm_esc_attr_s(&h->out, ps.q[i]);
		HTML(h, "\"");
		if (strcmp(ps.q[i], shown) == 0)
			HTML(h, " selected");
		HTML(h, ">");
		wm_esc_html_s(&h->out, words);
		HTML(h, "</option>\n");
	}
	HTML(h, "</select>\n</div>\n<button class=\"nhsuk-button nhsuk-button"
	    "--secondary\" type=\"submit\">Show this period</button>\n"
	    "</form>\n");
	wm_buf_release(&href);
	wm_buf_release(&err);
}

/* Which quarter is shown when none was asked for, in words. */
static void
latest_note(struct wm_http *h, const struct wm_profile *p)
{
	char words[40];

	wm_quarter_words(&p->period, words, sizeof(words));
	HTML(h, "<p class=\"nhsuk-body\">Showing <strong>");
	wm_esc_html_s(&h->out, words);
	HTML(h, "</strong>: the latest quarter with enough reflections to "
	    "show the team's answers.</p>\n");
}

static void
profile_page(struct wm_http *h, enum wm_profile_kind kind, const char *path,
    const char *title)
{
	struct wm_led_service s = WM_LED_SERVICE_INIT;
	struct wm_profile p = WM_PROFILE_INIT;
	struct wm_buf err = WM_BUF_INIT;
	struct wm_quarter period;
	int latest;

	if (wm_service_led(h, &s) || wm_profile_period(h, kind, s.id, &period,
	    &latest))
		goto out;
	if (!wm_page_store_ok(h, wm_profile_load(h->store, kind, s.id,
	    &period, &p, &err), &err))
		goto out;
	wm_service_page_start(h, &s, title);
	if (latest)
		latest_note(h, &p);
	chooser(h, &s, kind, path, p.quarter[0]);
	if (!p.in)
		HTML(h, "<div class=\"nhsuk-inset-text\"><p>This measure is not "
		    "loaded in this network yet, so there is nothing to show."
		    "</p></div>\n");
	else if (kind == WM_PROFILE_ERFS)
		wm_profile_erfs_html(&h->out, &p);
	else if (kind == WM_PROFILE_INDICATORS)
		wm_profile_indicators_html(&h->out, &p);
	else
		wm_profile_tips_html(&h->out, &p);
	wm_page_end(h);
out:
	wm_profile_release(&p);
	wm_led_service_release(&s);
	wm_buf_release(&err);
}

void
wm_page_service_erfs(struct wm_http *h)
{
	profile_page(h, WM_PROFILE_ERFS, "/erfs", "ERFS profile");
}

void
wm_page_service_indicators(struct wm_http *h)
{
	profile_page(h, WM_PROFILE_INDICATORS, "/indicators",
	    "Supportive service indicators");
}

void
wm_page_service_tips(struct wm_http *h)
{
	profile_page(h, WM_PROFILE_TIPS, "/ten-top-tips",
	    "Ten Top Tips, as a team");
}
