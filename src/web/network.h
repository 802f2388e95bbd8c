/*
 * What the commissioner's pages and API share: the view of their part
 * of the network for the window the request asks for (?from=2026-Q1&
 * to=2026-Q4, the last four quarters by default), and the disclosure
 * rule every figure is written under. The web never uses the rule
 * "none": that is for the network's own analysts on the command line.
 */
#ifndef WM_WEB_NETWORK_H
#define WM_WEB_NETWORK_H

#include "core/disclosure.h"
#include "report/network_view.h"
#include "web/http.h"

struct wm_net_request {
	struct wm_net_view view;
	enum wm_disclosure_rule rule;
	/* The one service whose rows the tables write (an index into the
	 * view's services), on that service's own page; WM_NET_ALL on
	 * /network. The tables are worked out across every service either
	 * way, so what is withheld is the same on both pages. */
	size_t only;
};

#define WM_NET_ALL ((size_t)-1)

/* 0 with *r built, or -1 with the answer written (400 for a window no
 * one may ask for, or the store's failure); release r either way. */
int wm_net_open(struct wm_http *h, struct wm_net_request *r);
void wm_net_close(struct wm_net_request *r);
/* wm_net_open in two steps: what the request asks for (the window, in
 * r->view's today, from, to, from_s and to_s, and the rule), then the
 * view of it built from the store. Each 0, or -1 answered. */
int wm_net_begin(struct wm_http *h, struct wm_net_request *r);
int wm_net_build(struct wm_http *h, struct wm_net_request *r);

/*
 * The figures part of a commissioner's page (web/network_cache.c): what
 * `fill` writes of r once its view is built, or, when the same part of
 * the same page (`page`) for the same scope of grants, window, rule and
 * day was written at the figures' version read now, a copy of it from
 * the server's cache (web/page_cache.h), with no view built. `fill`
 * writes nothing about who is looking. 0, or -1 answered (fill's -1
 * too). r is from wm_net_begin.
 */
int wm_net_cached(struct wm_http *h, struct wm_net_request *r,
    const char *page, int (*fill)(struct wm_http *, struct wm_net_request *));

/* Which quarters are shown, and the form to choose others (a GET to
 * `action`, a path on this site). */
void wm_net_window_form(struct wm_http *h, const struct wm_net_view *v,
    const char *action);

/*
 * The pages' tables: services as rows grouped by provider (a body per
 * provider, headed by its name), as the design system's responsive
 * table, every cell carrying its column's heading for a narrow screen.
 */
#define WM_NET_TH(h, words) HTML(h, "<th class=\"nhsuk-table__header\" " \
	"scope=\"col\">" words "</th>")

/* A page's sections, for its list of contents: each section's id and
 * its heading. */
struct wm_net_part {
	const char *id, *title;
};

/* The list of contents, linking to the first n of parts. */
void wm_net_contents(struct wm_http *h, const struct wm_net_part *parts,
    size_t n);
/* The sections /network and a service's own page share, in order. */
extern const struct wm_net_part wm_net_parts[];
#define WM_NET_PARTS 6

/* A section with its heading, what it shows, and the link to how its
 * figures are worked out (/network/about#id). */
void wm_net_section_start(struct wm_http *h, const char *id,
    const char *title, const char *about);
/* A table's start, to its first column heading ("Service"). */
void wm_net_table_start(struct wm_http *h, const char *caption);
void wm_net_thead_end(struct wm_http *h);
/* The provider's heading row, when service i starts a new provider. */
void wm_net_provider_start(struct wm_http *h, const struct wm_net_view *v,
    size_t i, int columns);
/* A service's row, headed by its name, which links to the service's own
 * page (/network/services/CODE). */
void wm_net_service_head(struct wm_http *h, const struct wm_net_service *sv);
/* The start of service i's row in a table of r's services: under its
 * provider's heading when every service is shown; alone, in a body of
 * its own and headed by its name without a link, when only r->only's
 * row is. 0 when row i is not to be written at all. */
int wm_net_row_start(struct wm_http *h, const struct wm_net_request *r,
    size_t i, int columns);
/* "/network/services/CODE", the service's own page, into out. */
void wm_net_service_href(struct wm_buf *out, const char *code);
/* Closes the services' rows and starts the row of them all. */
void wm_net_total_head(struct wm_http *h);
/* Ends the table and the section. */
void wm_net_table_end(struct wm_http *h, const struct wm_net_view *v);
/* A cell, with its column's heading for the responsive table; the
 * value that follows is closed with "</span></td>". */
void wm_net_td_start(struct wm_http *h, const char *heading);
/* A count of people or staff as the rule publishes it, or "*". */
void wm_net_count(struct wm_http *h, enum wm_disclosure_rule rule, int64_t n);
/* A share ("40%"), "*" when withheld, "None" when nothing to share. */
void wm_net_share(struct wm_http *h, enum wm_disclosure_rule rule,
    int64_t num, int64_t den);
/* The sections about people (web/network_people.c): 0, or -1 out of
 * memory with nothing useful written. */
int wm_net_recovery_html(struct wm_http *h, const struct wm_net_request *r);
int wm_net_paired_html(struct wm_http *h, const struct wm_net_request *r);
int wm_net_goals_html(struct wm_http *h, const struct wm_net_request *r);
/* The funnel plots of the proportions other than recovery. */
int wm_net_compare_html(struct wm_http *h, const struct wm_net_request *r);
/* One scale's outcomes for one kind of answer, as a table; with a
 * funnel_id (letters, digits, '-'), also the mean change with its
 * confidence interval, reliable recovery where the scale has a cut-off,
 * and the funnel plot of the share reliably improved. */
int wm_net_outcome_html(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k, int kind,
    const char *funnel_id);

/* A service's own page (web/network_service.c, for r->only): what
 * people and staff say about it (ERFS by group, the indicators), and its
 * trends quarter by quarter. 0, or -1 with nothing useful written. */
int wm_net_experience_html(struct wm_http *h, const struct wm_net_request *r);
int wm_net_trends_html(struct wm_http *h, const struct wm_net_request *r);

/* A measure's cycles at a service: the cells of its times due and the
 * share done in time, as /network writes them. */
void wm_net_cycle_cells(struct wm_http *h, enum wm_disclosure_rule rule,
    const struct wm_net_cycle *c);

/* A figure already through the rule: its value, or "*". */
void wm_net_shown(struct wm_http *h, struct wm_shown s, int percent);

#endif
