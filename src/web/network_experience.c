/*
 * The experience section of /network (and of a service's own page, for
 * its row): what people and staff say about each service. The
 * supportive service indicators over the window, the share of people
 * who agree with each, and the ERFS profile by its three groups over
 * the last four quarters, people using the service and staff apart,
 * marked where the two are a step or more apart. Each indicator's
 * counts and each group's ratings are one table of the whole network,
 * disclosed once (report/network_table.h), so no withheld count can be
 * worked out by subtraction, from this view or another; a mean is shown
 * only where the count of ratings it rests on is.
 */
#include "web/pages.h"

#include <stdio.h>

#include "core/erfs.h"
#include "report/network_table.h"
#include "util/escape.h"
#include "web/layout.h"
#include "web/network.h"

/* A question's words for a column heading, or its linkId. */
static const char *
item_words(const struct wm_item *it)
{
	return it->text ? it->text : it->link_id;
}

/* "75% of 40": the share who agree, of the people who answered. */
static void
agree_cell(struct wm_http *h, const struct wm_net_table *t, size_t row,
    const char *heading)
{
	struct wm_shown of = wm_net_table_count(t, row, t->cols);

	wm_td_start(h, heading);
	if (wm_net_table_of_none(t, row))
		HTML(h, "None");
	else {
		wm_net_shown(h, wm_net_table_share(t, row, WM_NET_AGREE), 1);
		HTML(h, " of ");
		wm_net_shown(h, of, 0);
	}
	HTML(h, "</span></td>");
}

static void
indicators(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_experience_tables *t)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_experience *e = &v->experience;
	size_t i, j;

	HTML(h, "<h3 class=\"nhsuk-heading-s\">The supportive service "
	    "indicators</h3>\n");
	if (!e->indicators || !e->n_items) {
		HTML(h, "<p class=\"nhsuk-body\">The supportive service "
		    "indicators are not loaded, so there is nothing to show."
		    "</p>\n");
		return;
	}
	HTML(h, "<p class=\"nhsuk-body-s\">Of the people whose latest answers "
	    "in these quarters were about the service, the share who agree or "
	    "strongly agree with each, of how many answered it.</p>\n");
	wm_net_table_start(h, "People who agree, by indicator");
	for (j = 0; j < e->n_items; j++) {
		HTML(h, "<th class=\"nhsuk-table__header\" scope=\"col\">");
		wm_esc_html_s(&h->out, item_words(wm_net_indicator_item(e,
		    j)));
		HTML(h, "</th>");
	}
	wm_net_thead_end(h);
	for (i = 0; i <= v->n_services; i++) {
		if (i < v->n_services) {
			if (!wm_net_row_start(h, r, i, 1 + (int)e->n_items))
				continue;
		} else
			wm_net_total_head(h);
		for (j = 0; j < e->n_items; j++)
			agree_cell(h, &t->indicators[j], i, item_words(
			    wm_net_indicator_item(e, j)));
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
}

/* A group's mean in a cell: its value, "*" when withheld, "None" when no
 * one rated it; staff's says when people's (`other`) is a step or more
 * away: disagreement is the finding. */
static void
mean_cell(struct wm_http *h, struct wm_net_mean m,
    const struct wm_net_mean *other, const char *heading)
{
	wm_td_start(h, heading);
	if (!m.has)
		HTML(h, "None");
	else if (m.withheld)
		HTML(h, "*");
	else
		wm_buf_printf(&h->out, "%.1f", m.value);
	if (other && m.has && !m.withheld && other->has && !other->withheld &&
	    wm_ratings_differ(m.value, other->value))
		HTML(h, " <strong>(a step or more from people's)</strong>");
	HTML(h, "</span></td>");
}

/* Row i's cells of ERFS group g: people's mean, then staff's. */
static void
group_cells(struct wm_http *h, const struct wm_net_view *v,
    const struct wm_net_experience_tables *t, size_t g, size_t i)
{
	const struct wm_scale *sc = wm_net_erfs_group(&v->experience, g);
	struct wm_net_mean m[WM_NET_RATERS];
	char heading[320];
	int rater;

	for (rater = 0; rater < WM_NET_RATERS; rater++)
		m[rater] = wm_net_erfs_mean(v, &t->erfs[g * WM_NET_RATERS +
		    (size_t)rater], g, rater, i);
	for (rater = 0; rater < WM_NET_RATERS; rater++) {
		snprintf(heading, sizeof(heading), "%s: %s", sc->title ?
		    sc->title : sc->code, wm_net_rater_words(rater));
		mean_cell(h, m[rater], rater == WM_NET_STAFF ?
		    &m[WM_NET_PEOPLE] : NULL, heading);
	}
}

static void
erfs(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_experience_tables *t)
{
	const struct wm_net_view *v = &r->view;
	const struct wm_net_experience *e = &v->experience;
	char heading[320];
	size_t i, g;
	int rater;

	HTML(h, "<h3 class=\"nhsuk-heading-s\">The ERFS profile, by "
	    "group</h3>\n");
	if (!e->erfs || !e->n_groups) {
		HTML(h, "<p class=\"nhsuk-body\">ERFS is not loaded, so there "
		    "is nothing to show.</p>\n");
		return;
	}
	HTML(h, "<p class=\"nhsuk-body-s\">The mean rating of each group of "
	    "domains, from 1 (not at all) to 5 (very well), over the ratings "
	    "of the service given in the last four quarters (from ");
	wm_net_quarters(h, &e->erfs_quarters[0], &e->erfs_quarters[1]);
	HTML(h, ") whichever quarters are shown (ratings add up quarter by "
	    "quarter, so other quarters' would give these away), by people "
	    "using it and by staff apart; where staff's mean is a step or "
	    "more from people's, it says so. A mean is withheld where it "
	    "would rest on too few ratings, or where its count of ratings is "
	    "withheld.</p>\n");
	wm_net_table_start(h, "ERFS, by group");
	for (g = 0; g < e->n_groups; g++)
		for (rater = 0; rater < WM_NET_RATERS; rater++) {
			const struct wm_scale *sc = wm_net_erfs_group(e, g);

			snprintf(heading, sizeof(heading), "%s: %s", sc->title ?
			    sc->title : sc->code, wm_net_rater_words(rater));
			HTML(h, "<th class=\"nhsuk-table__header\" "
			    "scope=\"col\">");
			wm_esc_html_s(&h->out, heading);
			HTML(h, "</th>");
		}
	wm_net_thead_end(h);
	for (i = 0; i <= v->n_services; i++) {
		if (i < v->n_services) {
			if (!wm_net_row_start(h, r, i, 1 + (int)e->n_groups *
			    WM_NET_RATERS))
				continue;
		} else
			wm_net_total_head(h);
		for (g = 0; g < e->n_groups; g++)
			group_cells(h, v, t, g, i);
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n");
	wm_net_table_close(h);
}

int
wm_net_experience_section_html(struct wm_http *h,
    const struct wm_net_request *r)
{
	struct wm_net_experience_tables t;
	int rc = -1;

	if (wm_net_experience_tables_build(&r->view, r->rule, &t))
		goto out;
	wm_net_section_start(h, "experience", "Experience", "What people "
	    "and staff say about each service: the share of people who agree "
	    "with each supportive service indicator in these quarters, and "
	    "the ERFS profile by its three groups over the last four.");
	indicators(h, r, &t);
	erfs(h, r, &t);
	HTML(h, "</section>\n");
	rc = 0;
out:
	wm_net_experience_tables_release(&t);
	return rc;
}
