/*
 * The figures /network shows one by one for each service, about the
 * services' work rather than people's recovery: the measurement cycles'
 * times due and the share done in time, the staff, and the share of
 * them who have done each recovery course; with their totals for each
 * provider and the network (a service's page shows its view's beside
 * its own), and the cycles' quarters (a service's trend). Each is a
 * table of the whole network (report/network_table.h), disclosed once
 * whoever looks.
 *
 * A service's figure is withheld as the rule withholds it on its own
 * (a share with its count or its denominator), and further only where
 * no total can give way instead; a total wherever it would let a
 * withheld figure be worked out. A count published only through its
 * share (the times done, the staff who have done a course) is withheld
 * with the share.
 *
 * The cycles are counted over the last WM_NET_CYCLE_MONTHS complete
 * months, whatever the window: the months of the quarters within them
 * add up to that figure, and a quarter cut off at either end is never
 * shown, so a trend's withheld quarter cannot be worked out from the
 * figure and the other quarters (docs/statistics.md).
 *
 * Ownership: a struct wm_net_work owns its tables and borrows the
 * cycles' titles from the view; release it with wm_net_work_release()
 * before the view.
 */
#ifndef WM_REPORT_NETWORK_WORK_H
#define WM_REPORT_NETWORK_WORK_H

#include <stddef.h>

#include "core/disclosure.h"
#include "report/network_table.h"
#include "report/network_view.h"

/* At most this many measures' cycles (the network runs a handful). */
#define WM_NET_MAX_CYCLES 16
#define WM_NET_NO_CYCLE ((size_t)-1)

/* The quarters the cycles' months fall in, oldest first: each a part of
 * the cycle tables. At most this many. */
#define WM_NET_CYCLE_PARTS 6
struct wm_net_cycle_part {
	struct wm_quarter q;
	int first, months;	/* its months: m[first .. first + months) */
};

struct wm_net_work {
	struct wm_net_table staff;	/* one column */
	struct wm_net_table *course;	/* [n_courses]: one column each */
	size_t n_courses;
	const char *titles[WM_NET_MAX_CYCLES];	/* borrowed from the view */
	struct wm_net_table due[WM_NET_MAX_CYCLES];	/* the parts, then */
	struct wm_net_table done[WM_NET_MAX_CYCLES];	/* the figure */
	size_t n_cycles;
	struct wm_net_cycle_part parts[WM_NET_CYCLE_PARTS];
	size_t n_parts;
};

/* The tables of every course of the view's catalogue and every measure
 * run in cycles anywhere in the network. 0, or -1 out of memory (release
 * *w either way). */
int wm_net_work_build(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_work *w);
void wm_net_work_release(struct wm_net_work *w);

/* v's cycles' months, by quarter; how many parts. */
size_t wm_net_cycle_parts(const struct wm_net_view *v,
    struct wm_net_cycle_part parts[WM_NET_CYCLE_PARTS]);

/* The cycles of the measure titled `title`: its index, or
 * WM_NET_NO_CYCLE. */
size_t wm_net_work_cycle(const struct wm_net_work *w, const char *title);

/* As published, for row `row` of the view (a service, or row
 * v->n_services for the view's total): the staff; the share of them who
 * have done course k; measure c's times due and share done in time, over
 * its months (part WM_NET_ALL_PARTS) or over part p alone. */
#define WM_NET_ALL_PARTS ((size_t)-1)
struct wm_shown wm_net_work_staff(const struct wm_net_work *w, size_t row);
struct wm_shown wm_net_work_course(const struct wm_net_work *w, size_t k,
    size_t row);
struct wm_shown wm_net_work_due(const struct wm_net_work *w, size_t c,
    size_t row, size_t part);
struct wm_shown wm_net_work_done(const struct wm_net_work *w, size_t c,
    size_t row, size_t part);

#endif
