/*
 * The section of a service's own page for a commissioner that /network
 * has no column for: its trends quarter by quarter as small multiples,
 * each quarter the figure of the network's one table for that quarter,
 * through the network's disclosure rule, not the service's own.
 *
 * What people and staff say about the service is its row of /network's
 * experience tables, nothing more: a quarter's figures of the service
 * alone, published beside them under the rule for single figures, would
 * show counts the network's tables withhold so that others cannot be
 * worked out (and ERFS ratings, which add up quarter by quarter, would
 * give away the year's).
 */
#include "web/pages.h"

#include <stdio.h>

#include "report/network_trends.h"
#include "report/trend_svg.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"

/* --- trends, as small multiples ---------------------------------------- */

static const struct {
	enum wm_net_trend_kind kind;
	const char *title;
} families[] = {
	{ WM_NET_TREND_RECOVERY, "Recovery: reliably improved" },
	{ WM_NET_TREND_CYCLE, "Measurement cycles: done in time" },
};

/* The charts of one family, two to a row on a wide screen. */
static int
family(struct wm_http *h, const struct wm_net_trends *t, size_t f,
    int *id)
{
	size_t i, shown = 0;
	char name[24];

	for (i = 0; i < t->n; i++) {
		if (t->v[i].kind != families[f].kind)
			continue;
		if (!shown) {
			HTML(h, "<h3 class=\"nhsuk-heading-s\">");
			wm_esc_html_s(&h->out, families[f].title);
			HTML(h, "</h3>\n<p class=\"nhsuk-body-s\">");
			wm_esc_html_s(&h->out, wm_net_trend_about(
			    families[f].kind));
			HTML(h, "</p>\n");
		}
		if (shown % 2 == 0)
			HTML(h, "<div class=\"nhsuk-grid-row\">\n");
		HTML(h, "<div class=\"nhsuk-grid-column-one-half "
		    "nhsuk-u-margin-bottom-5\">\n");
		snprintf(name, sizeof(name), "trend-%d", ++*id);
		if (wm_trend_html(&h->out, name, t, &t->v[i]))
			return -1;
		HTML(h, "</div>\n");
		if (++shown % 2 == 0)
			HTML(h, "</div>\n");
	}
	if (shown % 2)
		HTML(h, "</div>\n");
	return 0;
}

int
wm_net_trends_html(struct wm_http *h, const struct wm_net_request *r)
{
	struct wm_buf err = WM_BUF_INIT, about = WM_BUF_INIT;
	struct wm_net_trends t;
	char a[40], b[40];
	size_t f;
	int id = 0, rc;

	wm_net_trends_init(&t);
	rc = wm_net_trends_build(h->store, &r->view, r->only, r->rule, &t,
	    &err);
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	wm_quarter_words(&t.from, a, sizeof(a));
	wm_quarter_words(&t.to, b, sizeof(b));
	wm_buf_printf(&about, "The service's key proportions, each quarter "
	    "from %s to %s (the last %d quarters of the year shown), each "
	    "through the same rule as every other figure.", a, b,
	    WM_NET_TREND_QUARTERS);
	wm_net_section_start(h, "trends", "Trends, quarter by quarter",
	    wm_buf_str(&about));
	for (f = 0; rc == 0 && f < sizeof(families) / sizeof(families[0]); f++)
		rc = family(h, &t, f, &id);
	HTML(h, "<p class=\"nhsuk-body-s\">The paired-outcome rate, people's "
	    "goals and training have no trend: what is kept of them as "
	    "answers are saved is how each stands now (each person's answers "
	    "so far, each goal's first and latest review, the staff now), not "
	    "how it stood at the end of a past quarter. The supportive "
	    "service indicators have none: a quarter's own would show counts "
	    "the year's withhold. The ERFS profile is a mean rating, "
	    "not a share of people, counted over the last four quarters "
	    "whichever are shown: its quarters would add up to it, and give "
	    "each other away.</p>\n</section>\n");
out:
	wm_net_trends_release(&t);
	wm_buf_release(&about);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}
