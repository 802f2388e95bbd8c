/*
 * Every figure of the network view, one at a time, for the command
 * line's text and CSV (`waymark report network`): the standards, the
 * recovery markers' outcomes and who is left out of them, the
 * paired-outcome rate, the cycles, training, experience (the supportive
 * service indicators and ERFS by group), goals, every outcome measure
 * with its thresholds, funnel findings and people left out, the funnels
 * comparing the other proportions, and the quarter-by-quarter means. Each figure is taken from the same disclosed
 * tables and through the same rule as the pages and the API
 * (report/network_json.h), so a figure withheld there is withheld here.
 * docs/statistics.md explains each.
 *
 * Ownership: a figure's strings are borrowed for the call only.
 */
#ifndef WM_REPORT_NETWORK_FIGURES_H
#define WM_REPORT_NETWORK_FIGURES_H

#include <stdint.h>

#include "core/disclosure.h"
#include "report/network_measures.h"
#include "report/network_report.h"
#include "report/network_view.h"
#include "util/buf.h"

enum wm_net_value {
	WM_NET_COUNT,		/* a count of people or staff: shown */
	WM_NET_PERCENT,		/* a whole percentage: shown */
	WM_NET_NUMBER,		/* number, to `places`; shown.withheld */
	WM_NET_TEXT,		/* text */
	WM_NET_FLAG,		/* yes or no: flag */
	WM_NET_NOTHING,		/* nothing to show (a share of no one, no
				 * light yet) */
};

struct wm_net_figure {
	const char *section;	/* "standards", "recovery", ... */
	const char *provider;	/* its code; "" for the network */
	const char *provider_name;
	const char *service;	/* the service's code, or "network" */
	const char *service_name;	/* or "All these services" */
	const char *label;	/* what the text calls the row, when not
				 * the service: NULL for its name */
	const char *window;	/* "2026-Q1..2026-Q4" */
	const char *measure;	/* what it is about: a scale, a course... */
	const char *group;	/* the text's heading for the measure */
	const char *answered_by;	/* respondent code, or "" */
	const char *figure;	/* a stable name: reliably_improved... */
	const char *words;	/* the text's words for it */
	int aside;		/* the text shows it in brackets after the
				 * figure before: "80 (55%)" */
	enum wm_net_value kind;
	struct wm_shown shown;
	double number;
	int places;
	const char *text;
	int flag;
};

/* Called with each figure in turn; a non-zero return stops the walk and
 * is returned. */
typedef int (*wm_net_figure_fn)(void *ctx, const struct wm_net_figure *f);

/* Every figure of the view (every service it holds) and its measures,
 * then the quarter-by-quarter means of q, under `rule`. 0, -1 out of
 * memory, or what fn returned. */
int wm_net_figures(const struct wm_net_view *v,
    const struct wm_net_measures *m, const struct wm_netrep *q,
    enum wm_disclosure_rule rule, wm_net_figure_fn fn, void *ctx);

/* The figures as tidy CSV (RFC 4180, CRLF): a header, then one row per
 * figure: section, provider, service, service_name, window, measure,
 * answered_by, figure, value ("*" when withheld, empty when there is
 * nothing to show), disclosure. Every text cell through the CSV
 * writer's formula guard. Only the figures of `section` (a name
 * wm_net_section_known knows) when it is not NULL. 0, or -1. */
int wm_net_csv(const struct wm_net_view *v, const struct wm_net_measures *m,
    const struct wm_netrep *q, enum wm_disclosure_rule rule,
    const char *section, struct wm_buf *out);

/* The figures as plain text, section by section, for a person to read;
 * only `section`'s when it is not NULL. */
int wm_net_text(const struct wm_net_view *v, const struct wm_net_measures *m,
    const struct wm_netrep *q, enum wm_disclosure_rule rule,
    const char *section, struct wm_buf *out);

/* 1 when `name` is a section's name ("standards", "quarterly-means"...),
 * as the figures' section says it. */
int wm_net_section_known(const char *name);

#endif
