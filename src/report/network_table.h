/*
 * A table of counts whose rows and columns add up (services as rows,
 * the parts of a whole as columns, a total column and a total row), put
 * through core's disclosure rule as one: small counts withheld, and
 * further counts withheld wherever a withheld one could be worked out by
 * subtraction from the row, the column or the totals
 * (wm_disclose_table). A share is withheld with its numerator or its
 * denominator, and otherwise worked out from the unrounded counts.
 *
 * Ownership: the table owns its cells; wm_net_table_release.
 */
#ifndef WM_REPORT_NETWORK_TABLE_H
#define WM_REPORT_NETWORK_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/disclosure.h"
#include "report/network_view.h"

struct wm_net_table {
	size_t rows, cols;	/* parts; row `rows` and column `cols` are
				 * the totals */
	struct wm_sdc_cell *cells;	/* (rows + 1) x (cols + 1) */
	enum wm_disclosure_rule rule;
	int disclosed;
};

/* 0, or -1 out of memory. Every cell starts at 0. */
int wm_net_table_init(struct wm_net_table *t, size_t rows, size_t cols,
    enum wm_disclosure_rule rule);
void wm_net_table_release(struct wm_net_table *t);

/* Sets a part; the totals are added up by wm_net_table_disclose. */
void wm_net_table_set(struct wm_net_table *t, size_t row, size_t col,
    int64_t n);

/* Adds the totals and decides what is withheld. 0, or -1 out of memory. */
int wm_net_table_disclose(struct wm_net_table *t);

/* A cell (row `rows` or column `cols` for the totals) as published. */
struct wm_shown wm_net_table_count(const struct wm_net_table *t, size_t row,
    size_t col);
/* The true count, for the shares worked out from it. */
int64_t wm_net_table_true(const struct wm_net_table *t, size_t row,
    size_t col);
/* Cell (row, col) as a whole percentage of its row's total. */
struct wm_shown wm_net_table_share(const struct wm_net_table *t, size_t row,
    size_t col);
/* 1 when the row's total is published as 0: its shares are of no one, so
 * there is nothing to show for them (rather than "*"). */
int wm_net_table_of_none(const struct wm_net_table *t, size_t row);

/*
 * The network's tables of people, one way for the pages, the API and
 * the command line alike. Each has a row per service of the view (the
 * total row is all of them); init'ed and disclosed here, released by the
 * caller. 0, or -1 out of memory.
 */
/* Scale k of o, for one kind of answer: reliably improved, no reliable
 * change, reliably deteriorated; the row total is the people paired.
 * Where the scale has no reliable change threshold for that kind, change
 * could not be judged: the table then has the people paired as its one
 * column (WM_NET_UNJUDGED), so that no count of an outcome nobody was
 * judged on is published as 0, nor a total made of such columns. */
enum { WM_NET_IMPROVED, WM_NET_NO_CHANGE, WM_NET_DETERIORATED,
	WM_NET_OUTCOME_COLS };
enum { WM_NET_UNJUDGED, WM_NET_UNJUDGED_COLS };
int wm_net_outcome_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* 1 when an outcome table judged change (has its three outcomes). */
int wm_net_outcome_judged(const struct wm_net_table *t);
/* Row `row`'s people paired, as published, judged or not. */
struct wm_shown wm_net_outcome_paired(const struct wm_net_table *t,
    size_t row);
/* Scale k of o, for one kind of answer: the people who answered once
 * only, up to the window's end. One column (its row total is itself), so
 * that the services' counts and the network's are disclosed together
 * like any other column: published one by one, a lone withheld service
 * could be worked out from the network's total. */
enum { WM_NET_ONCE, WM_NET_ONCE_COLS };
int wm_net_once_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* Scale k of o, whatever the kind of answer: the people on each
 * service's caseload in the window with no scored answer to it by anyone
 * by the window's end (no response); and those whose only answers by
 * then were given by someone else (a member of staff), never their own.
 * One column each, disclosed like the once-only table, so that the
 * services' counts and the network's are disclosed together. Someone on
 * two services' caseloads counts at each, and twice in the total. */
enum { WM_NET_NONE, WM_NET_NONE_COLS };
int wm_net_none_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, enum wm_disclosure_rule rule,
    struct wm_net_table *t);
enum { WM_NET_OTHERS, WM_NET_OTHERS_COLS };
int wm_net_others_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, enum wm_disclosure_rule rule,
    struct wm_net_table *t);
/* Every scale and kind of one measure's outcomes, disclosed: its outcome
 * and once-only tables, and each scale's tables of those left out, as
 * every publication of them takes them. */
struct wm_net_measure_tables {
	struct wm_net_table *outcome;	/* [scale][kind] */
	struct wm_net_table *once;	/* [scale][kind] */
	size_t n;			/* scales x kinds */
	struct wm_net_table *none;	/* [scale] */
	struct wm_net_table *others;	/* [scale] */
	size_t n_scales;
};
/* 0, or -1 out of memory (release *t either way). */
int wm_net_measure_tables_build(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, enum wm_disclosure_rule rule,
    struct wm_net_measure_tables *t);
void wm_net_measure_tables_release(struct wm_net_measure_tables *t);
/* Question j of the view's supportive service indicators: of the people
 * whose latest answers in the window were about the service and answered
 * it on its scale (the row total), those who agree and those who do
 * not. */
enum { WM_NET_AGREE, WM_NET_NOT_AGREE, WM_NET_AGREE_COLS };
int wm_net_indicator_table(const struct wm_net_view *v, size_t j,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* ERFS group g of the view, rated by `rater` (enum wm_net_rater): the
 * ratings given in the window, one column, so that the services' counts
 * and the network's are disclosed together, as the means rest on them
 * (wm_net_erfs_mean). */
enum { WM_NET_RATINGS, WM_NET_RATINGS_COLS };
int wm_net_erfs_table(const struct wm_net_view *v, size_t g, int rater,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* A mean as it may be published. */
struct wm_net_mean {
	int has;		/* 0: no ratings, nothing to show */
	int withheld;
	double value;		/* when has and not withheld */
};
/* The mean group score of row `row` of t (wm_net_erfs_table of g and
 * rater): withheld with its count of ratings, and when the rule would
 * withhold a mean of so few. */
struct wm_net_mean wm_net_erfs_mean(const struct wm_net_view *v,
    const struct wm_net_table *t, size_t g, int rater, size_t row);
/* Every table of the view's experience figures, disclosed. */
struct wm_net_experience_tables {
	struct wm_net_table *indicators;	/* [question] */
	size_t n_indicators;
	struct wm_net_table *erfs;		/* [group][rater] */
	size_t n_erfs;
};
/* 0, or -1 out of memory (release *t either way). */
int wm_net_experience_tables_build(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_experience_tables *t);
void wm_net_experience_tables_release(struct wm_net_experience_tables *t);

/* Recorded twice or more, and not; the row total is the people on the
 * caseload WM_NET_PAIRED_DAYS or more. */
enum { WM_NET_PAIRED, WM_NET_NOT_PAIRED, WM_NET_PAIRED_COLS };
int wm_net_paired_table(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* Of the people with goals (the row total): a goal reviewed twice or more
 * whose latest review is higher than its first; reviewed twice or more
 * but none higher; not reviewed twice. */
enum { WM_NET_HIGHER, WM_NET_NOT_HIGHER, WM_NET_NOT_REVIEWED,
	WM_NET_GOAL_COLS };
int wm_net_goals_table(const struct wm_net_view *v,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* The people with a goal reviewed twice or more (higher + not higher):
 * published only when both its parts are, since from it and one part
 * the other could be worked out. */
struct wm_shown wm_net_goals_reviewed(const struct wm_net_table *t,
    size_t row);
/* Of those, the share whose latest review is higher: published only when
 * both parts are; of no one when the people reviewed are published as 0
 * (then nothing is shown). */
struct wm_shown wm_net_goals_higher_share(const struct wm_net_table *t,
    size_t row);

/*
 * The total of figures /network shows one by one, each through the rule
 * on its own (the cycles' times due, the staff), as it may be published
 * beside them on a service's page: withheld whenever, with the figures
 * shown, it would let one that is withheld be worked out by subtraction
 * (core's wm_disclose_determined), and otherwise as the rule shows it.
 * A share's numerator counts as withheld where its share is.
 */
struct wm_shown wm_net_total_count(enum wm_disclosure_rule rule,
    const int64_t *n, size_t count);
struct wm_shown wm_net_total_share(enum wm_disclosure_rule rule,
    const int64_t *num, const int64_t *den, size_t count);

#endif
