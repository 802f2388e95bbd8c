/*
 * What the commissioner's pages and API share: the view of their part
 * of the network for the year the request asks for (?to=2025-Q4: the
 * four quarters ending with this quarter by default, or with the same
 * quarter of an earlier year; report/network_view.h,
 * wm_net_year_window), and the disclosure
 * rule every figure is written under. The web never uses the rule
 * "none": that is for the network's own analysts on the command line.
 */
#ifndef WM_WEB_NETWORK_H
#define WM_WEB_NETWORK_H

#include "core/disclosure.h"
#include "report/network_view.h"
#include "report/network_work.h"
#include "web/http.h"

struct wm_net_request {
	struct wm_net_view view;
	/* The figures about services' work (cycles, training), disclosed
	 * across the network. */
	struct wm_net_work work;
	enum wm_disclosure_rule rule;
	/* The one service whose rows the tables write (an index into the
	 * view's services), on that service's own page; WM_NET_ALL on
	 * /network. The tables are worked out across every service either
	 * way, so what is withheld is the same on both pages. */
	size_t only;
};

#define WM_NET_ALL ((size_t)-1)

/* An empty request, safe to close. */
void wm_net_request_init(struct wm_net_request *r);
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
 * the server's cache (web/page_cache.h), with no view built; then the
 * view is audited as wm_net_viewed audits it, whose services it showed
 * kept with the part. `fill` writes nothing about who is looking. 0, or
 * -1 answered (fill's -1, or the audit's failure, too). r is from
 * wm_net_begin.
 */
int wm_net_cached(struct wm_http *h, struct wm_net_request *r,
    const char *page, int (*fill)(struct wm_http *, struct wm_net_request *));
/* The key a part is kept under (into key, cleared first): the page, the
 * window and today in v (from wm_net_begin), the rule, and the units of
 * the commissioner's grants, in order and once each, whatever their
 * order and the account's other grants. 0, or -1 out of memory. */
int wm_net_cache_key(struct wm_buf *key, const char *page,
    const struct wm_net_view *v, enum wm_disclosure_rule rule,
    const struct wm_grant *grants, size_t n_grants);

/* Writes the commissioner's view of r to the audit log (wm_scope_viewed)
 * with what was seen: the page or the API and its endpoint (the method
 * and path), the whole window and the disclosure rule. 0, or -1 with the
 * failure answered; call it before anything of the view is sent. */
int wm_net_viewed(struct wm_http *h, const struct wm_net_request *r);
/* The same, with whose services were seen given (wm_net_audit_scope's
 * words, kept with a page's figures) when r's view was not built; NULL:
 * from r's view. */
int wm_net_viewed_scope(struct wm_http *h, const struct wm_net_request *r,
    const char *scope);
/* "page GET /network/..." or "API GET /api/v1/...", for a view's audit
 * detail, into out. */
void wm_net_where(struct wm_http *h, struct wm_buf *out);

/* "January to March 2026 to April to June 2026": quarters from..to in
 * words. */
void wm_net_quarters(struct wm_http *h, const struct wm_quarter *from,
    const struct wm_quarter *to);
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
#define WM_NET_PARTS 7

/* A section with its heading, what it shows, and the link to how its
 * figures are worked out (/network/about#id). */
void wm_net_section_start(struct wm_http *h, const char *id,
    const char *title, const char *about);
/* A table's start, to its first column heading, `first` ("Service" for
 * wm_net_table_start). */
void wm_net_table_headed(struct wm_http *h, const char *caption,
    const char *first);
void wm_net_table_start(struct wm_http *h, const char *caption);
void wm_net_thead_end(struct wm_http *h);
/* The provider's heading row, when service i starts a new provider. */
void wm_net_provider_start(struct wm_http *h, const struct wm_net_view *v,
    size_t i, int columns);
/* A service's row, headed by its name, which links to the service's own
 * page for v's year (wm_net_service_link). */
void wm_net_service_head(struct wm_http *h, const struct wm_net_view *v,
    const struct wm_net_service *sv);
/* The same service's next row in a table: its name, not linked again. */
void wm_net_service_again(struct wm_http *h, const struct wm_net_view *v,
    const struct wm_net_service *sv);
/* The start of service i's row in a table of r's services: under its
 * provider's heading when every service is shown; alone, in a body of
 * its own and headed by its name without a link, when only r->only's
 * row is. 0 when row i is not to be written at all. */
int wm_net_row_start(struct wm_http *h, const struct wm_net_request *r,
    size_t i, int columns);
/* "/network/services/CODE", the service's own page, into out. */
void wm_net_service_href(struct wm_buf *out, const char *code);
/* A commissioner's page at `path` for v's year, into out: "?to=2025-Q4"
 * after it when that is not the year to today's quarter, so that the
 * page linked to shows the year the commissioner was looking at. */
void wm_net_year_href(struct wm_buf *out, const struct wm_net_view *v,
    const char *path);
/* The service's own page for v's year. */
void wm_net_service_link(struct wm_buf *out, const struct wm_net_view *v,
    const char *code);
/* Closes the services' rows and starts the row of them all. */
void wm_net_total_head(struct wm_http *h);
/* Ends the table and the section. */
void wm_net_table_end(struct wm_http *h, const struct wm_net_view *v);
/* Ends a table begun with wm_net_table_headed or wm_net_table_start,
 * and the region it scrolls in when wider than the screen. */
void wm_net_table_close(struct wm_http *h);
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

/* Scale k's people left out, whatever the kind of answer, and why: no
 * response, and (where someone else may answer the measure) answered
 * only by someone else; as a table. */
int wm_net_leftout_html(struct wm_http *h, const struct wm_net_request *r,
    const struct wm_net_outcomes *o, size_t k);

/* The experience section (web/network_experience.c): the share who
 * agree with each supportive service indicator over the window and ERFS
 * by group over the last four quarters, per service and for all of
 * them; on a service's own page (r->only), its row. 0, or -1 with
 * nothing useful written. */
int wm_net_experience_section_html(struct wm_http *h,
    const struct wm_net_request *r);

/* A service's own page (web/network_service.c, for r->only): its trends
 * quarter by quarter. 0, or -1 with nothing useful written. */
int wm_net_trends_html(struct wm_http *h, const struct wm_net_request *r);

/* A measure's cycles at service i of the view (or its total, row
 * n_services): the cells of its times due and the share done in time,
 * as /network writes them. */
void wm_net_cycle_cells(struct wm_http *h, const struct wm_net_request *r,
    size_t i, const char *title);
/* A share of a denominator `den` as published: "None" when it is shown
 * as 0, else the share ("40%" or "*"). */
void wm_net_share_of(struct wm_http *h, struct wm_shown den,
    struct wm_shown share);

/* A figure already through the rule: its value, or "*". */
void wm_net_shown(struct wm_http *h, struct wm_shown s, int percent);

#endif
