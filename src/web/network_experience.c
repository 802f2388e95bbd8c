/*
 * The experience section of /network (and of a service's own page, for
 * its row): what people and staff say about each service over the
 * window. The supportive service indicators, the share of people who
 * agree with each, and the ERFS profile by its three groups, people
 * using the service and staff apart. Each indicator's counts are a
 * table whose rows and columns add up, and each group's ratings a table
 * of one column, all disclosed as wholes (report/network_table.h), so
 * no withheld count can be worked out by subtraction; a mean is shown
 * only where the count of ratings it rests on is.
 */
#include "web/pages.h"

#include <stdio.h>

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

	wm_net_td_start(h, heading);
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
	HTML(h, "</tbody>\n</table>\n");
}

/* A group's mean in a cell: its value, "*" when withheld, "None" when no
 * one rated it. */
static void
mean_cell(struct wm_http *h, struct wm_net_mean m, const char *heading)
{
	wm_net_td_start(h, heading);
	if (!m.has)
		HTML(h, "None");
	else if (m.withheld)
		HTML(h, "*");
	else
		wm_buf_printf(&h->out, "%.1f", m.value);
	HTML(h, "</span></td>");
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
	    "of the service given in these quarters, by people using it and "
	    "by staff apart. A mean is withheld where it would rest on too "
	    "few ratings.</p>\n");
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
			for (rater = 0; rater < WM_NET_RATERS; rater++) {
				const struct wm_scale *sc =
				    wm_net_erfs_group(e, g);
				const struct wm_net_table *tb =
				    &t->erfs[g * WM_NET_RATERS + (size_t)rater];

				snprintf(heading, sizeof(heading), "%s: %s",
				    sc->title ? sc->title : sc->code,
				    wm_net_rater_words(rater));
				mean_cell(h, wm_net_erfs_mean(v, tb, g, rater, i),
				    heading);
			}
		HTML(h, "</tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n");
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
	    "and staff say about each service in these quarters: the share of "
	    "people who agree with each supportive service indicator, and "
	    "the ERFS profile by its three groups.");
	indicators(h, r, &t);
	erfs(h, r, &t);
	/* A service's own page adds its latest quarter in detail. */
	if (r->only != WM_NET_ALL && wm_net_experience_latest_html(h, r))
		goto out;
	HTML(h, "</section>\n");
	rc = 0;
out:
	wm_net_experience_tables_release(&t);
	return rc;
}
