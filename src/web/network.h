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
};

/* 0 with *r built, or -1 with the answer written (400 for a window no
 * one may ask for, or the store's failure); release r either way. */
int wm_net_open(struct wm_http *h, struct wm_net_request *r);
void wm_net_close(struct wm_net_request *r);

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
/* A service's row, headed by its name. */
void wm_net_service_head(struct wm_http *h, const struct wm_net_service *sv);
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

/* A figure already through the rule: its value, or "*". */
void wm_net_shown(struct wm_http *h, struct wm_shown s, int percent);

#endif
