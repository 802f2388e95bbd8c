/*
 * The network's tables of figures, disclosed once for the whole network
 * whoever looks.
 *
 * A table of counts whose rows and columns add up: every service of the
 * network a row, each provider's subtotal a row (the sum of its
 * services), and the network's total a row (the sum of the providers);
 * the parts of a whole as columns, and a total column. It goes through
 * core's disclosure rule as one (wm_disclose_table), with a line for
 * each row (its parts add up to its total) and for each column at both
 * levels (the services add up to their provider, the providers to the
 * network): small counts withheld, and further counts withheld wherever
 * a withheld one could be worked out by subtraction anywhere in it.
 *
 * A view then publishes a subset of that one table's cells: the rows of
 * its own services, and its own total (row `rows`): the cell of its
 * scope when that is the network or one whole provider, else the sum of
 * shown cells that make up its scope exactly (which tells no more than
 * those cells do: it is the sum of their published, rounded counts), else
 * withheld. So a commissioner of one provider and a commissioner of the
 * network are shown the same cells withheld, and nothing one view shows
 * can be put with another's to work out a figure either withholds. A
 * share is withheld with its numerator or its denominator, and otherwise
 * worked out from them as published (wm_disclose_share), never from the
 * unrounded counts, which it would give away.
 *
 * Every table of the network view is built the same way (the tables of
 * people here, the figures about services' work in report/
 * network_work.h), so that a new one built with wm_net_table_init,
 * wm_net_table_set and wm_net_table_disclose gets the hierarchy, and the
 * views' subset of it, for nothing.
 *
 * Ownership: the table owns its cells and its tree; wm_net_table_release.
 */
#ifndef WM_REPORT_NETWORK_TABLE_H
#define WM_REPORT_NETWORK_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/disclosure.h"
#include "report/network_view.h"

#define WM_NET_NO_NODE ((size_t)-1)

struct wm_net_table {
	size_t rows, cols;	/* the view's own services, and the parts;
				 * row `rows` (the view's total) and column
				 * `cols` (each row's total) are totals */
	/* The rows of the one table disclosed: every service of the
	 * network, then each provider, then the network, each level in
	 * order of the units' ids, whoever's view it is built from. */
	size_t nodes, services;	/* the services are nodes 0..services-1 */
	size_t *parent;		/* [nodes]; WM_NET_NO_NODE for the network */
	size_t *first_child, *next_sibling;	/* [nodes] */
	unsigned char *scope;	/* [nodes]: WM_NET_SCOPE_* */
	size_t *node_of;	/* [services]: service i of the view's node */
	size_t *service_of;	/* [services]: node's service in the view */
	size_t *provider_node;	/* [providers]: provider p's node */
	struct wm_sdc_cell *cells;	/* nodes x (cols + 1) */
	enum wm_disclosure_rule rule;
	int disclosed;
};

/* How much of a node the view covers. */
enum { WM_NET_SCOPE_NONE, WM_NET_SCOPE_PART, WM_NET_SCOPE_WHOLE };

/* The table of every service of v's network, `cols` parts wide, every
 * cell 0. 0, or -1 out of memory (release it either way). */
int wm_net_table_init(struct wm_net_table *t, const struct wm_net_view *v,
    size_t cols, enum wm_disclosure_rule rule);
void wm_net_table_release(struct wm_net_table *t);
/* As wm_net_table_init, releasing it on failure. */
int wm_net_table_prepare(struct wm_net_table *t, const struct wm_net_view *v,
    size_t cols, enum wm_disclosure_rule rule);
/* wm_net_table_disclose (or _marked), releasing it on failure. */
int wm_net_table_finish(struct wm_net_table *t, int marked);
/* 1 when the node is a service's (a leaf of the tree). */
int wm_net_table_is_service(const struct wm_net_table *t, size_t node);

/* Sets a part of service i (in wm_net_view_all's order); the totals are
 * added up by wm_net_table_disclose. */
void wm_net_table_set(struct wm_net_table *t, size_t i, size_t col,
    int64_t n);
/* Cell (node, col) of the one table, for marking it hidden or to keep
 * before disclosing (core/disclosure.h). */
struct wm_sdc_cell *wm_net_table_cell(struct wm_net_table *t, size_t node,
    size_t col);
/* The network's node, provider p's (an index into the view's
 * providers), service i's (of wm_net_view_all's), and the service (its
 * index in the view) whose node this is. */
size_t wm_net_table_root(const struct wm_net_table *t);
size_t wm_net_table_provider(const struct wm_net_table *t, size_t p);
size_t wm_net_table_node(const struct wm_net_table *t, size_t i);
size_t wm_net_table_service_at(const struct wm_net_table *t, size_t node);
/* Marks every service's cells hidden: a table whose figures are
 * published for providers and the network only. */
void wm_net_table_hide_services(struct wm_net_table *t);

/* Adds the totals up the tree and along each row. */
void wm_net_table_add_up(struct wm_net_table *t);
/* Adds the totals and marks primary every cell that is the count of a
 * mean the rule would not publish (and, when `counted`, that the count
 * rule itself would withhold), for wm_net_table_disclose_marked: a mean
 * is a sum over its count, and sums add up the tree as their counts do,
 * so protecting the counts from subtraction protects the means too. */
void wm_net_table_mark_means(struct wm_net_table *t, int counted);
/* Adds the totals and decides what is withheld, by the count rule, or
 * (marked) by the primary marks the caller has set on every cell after
 * wm_net_table_add_up. 0, or -1 out of memory (then every cell reads as
 * withheld). */
int wm_net_table_disclose(struct wm_net_table *t);
int wm_net_table_disclose_marked(struct wm_net_table *t);

/* A row's cell (row `rows` the view's total, column `cols` the row's
 * total) as published. */
struct wm_shown wm_net_table_count(const struct wm_net_table *t, size_t row,
    size_t col);
/* 1 when the view's cell is withheld, whatever the count rule would
 * round it to (a mean's people, say). */
int wm_net_table_withheld(const struct wm_net_table *t, size_t row,
    size_t col);
/* The true count (for the view's total, of its services), for a mean's
 * people; never for a share (wm_net_table_share). */
int64_t wm_net_table_true(const struct wm_net_table *t, size_t row,
    size_t col);
/* Cell (row, col) as a whole percentage of its row's total, both as
 * published. */
struct wm_shown wm_net_table_share(const struct wm_net_table *t, size_t row,
    size_t col);
/* Cell (row, col) as a whole percentage of cell (row, of) of table `den`
 * (a count published only through its share, of another table's). */
struct wm_shown wm_net_table_share_of(const struct wm_net_table *t,
    const struct wm_net_table *den, size_t row, size_t col, size_t of);
/* 1 when the row's total is published as 0: its shares are of no one, so
 * there is nothing to show for them (rather than "*"). */
int wm_net_table_of_none(const struct wm_net_table *t, size_t row);

/*
 * The network's tables of people, one way for the pages, the API and
 * the command line alike. Each has a row per service of the view (row
 * `rows` is the view's total); init'ed and disclosed here, released by
 * the caller. 0, or -1 out of memory.
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
/* Scale k of o, one kind: the people whose change makes the mean change,
 * one column, published for providers and the network only (a service's
 * own cells hidden), each withheld by the rule for means (wm_disclose_mean)
 * and further wherever a withheld sum of changes could be worked out:
 * the network's mean less a provider's would otherwise give the mean of
 * a few people elsewhere. */
int wm_net_mean_table(const struct wm_net_view *v,
    const struct wm_net_outcomes *o, size_t k, int kind,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* The mean change of the view's total as it may be published: 1 with
 * *out the moments of its people, 0 when withheld. */
int wm_net_mean_of(const struct wm_net_table *t,
    const struct wm_net_outcomes *o, size_t k, int kind,
    struct wm_moments *out);
/* Scale k of o, one kind, when the scale has a cut-off: of the people who
 * started on the clinical side (the row total), those who crossed it
 * with a reliable improvement and those who did not; for providers and
 * the network only, as the mean. */
enum { WM_NET_RECOVERED, WM_NET_NOT_RECOVERED, WM_NET_RECOVERY_COLS };
int wm_net_recovery_table(const struct wm_net_view *v,
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
 * and once-only tables, the mean change and reliable recovery, and each
 * scale's tables of those left out, as every publication of them takes
 * them. */
struct wm_net_measure_tables {
	struct wm_net_table *outcome;	/* [scale][kind] */
	struct wm_net_table *once;	/* [scale][kind] */
	struct wm_net_table *mean;	/* [scale][kind] */
	struct wm_net_table *recovery;	/* [scale][kind] */
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
 * ratings given in the window, one column, so that the services' counts,
 * the providers' and the network's are disclosed together, as the means
 * rest on them (wm_net_erfs_mean): a count is withheld where the count
 * rule or the rule for means would withhold it, or the rule for means
 * would withhold a mean of its largest quarter's ratings (ratings carry
 * no name; each rater rates once a quarter, so that is all that is
 * known of its people; a provider's or the network's, of its largest
 * single service's), and further wherever a withheld one (so a
 * withheld sum of ratings) could be worked out. */
enum { WM_NET_RATINGS, WM_NET_RATINGS_COLS };
int wm_net_erfs_table(const struct wm_net_view *v, size_t g, int rater,
    enum wm_disclosure_rule rule, struct wm_net_table *t);
/* A mean as it may be published. */
struct wm_net_mean {
	int has;		/* 0: no ratings (published as 0), nothing
				 * to show */
	int withheld;
	double value;		/* when has and not withheld */
};
/* The mean group score of row `row` of t (wm_net_erfs_table of g and
 * rater; row `rows` the view's total: its provider's, the network's, or
 * of the shown cells that make up its scope): withheld with its count of
 * ratings, and when the rule would withhold a mean of so few, or of its
 * largest quarter's. */
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
 * the other could be worked out; the sum of the two as published. */
struct wm_shown wm_net_goals_reviewed(const struct wm_net_table *t,
    size_t row);
/* Of those, the share whose latest review is higher: published only when
 * both parts are; of no one when the people reviewed are published as 0
 * (then nothing is shown). */
struct wm_shown wm_net_goals_higher_share(const struct wm_net_table *t,
    size_t row);
/* One column: people[i] for service i of the network (wm_net_view_all's
 * order), such as the people on each caseload. */
int wm_net_count_table(const struct wm_net_view *v, const int64_t *people,
    enum wm_disclosure_rule rule, struct wm_net_table *t);

#endif
