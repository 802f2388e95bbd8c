/*
 * People's recovery outcomes across a commissioner's services, honestly:
 * for each scale of one measure people answer about themselves, and for
 * each kind of answer (by the person alone, or together with a
 * practitioner, never mixed), the people with two or more answers, first
 * against their latest in the window, as reliably improved, no reliable
 * change or reliably deteriorated (Jacobson and Truax, core/
 * reliable_change.h), and those left out, with the reason: they answered
 * once only; they were on the caseload in the window and never answered
 * (no response); or the only answers about them were someone else's.
 *
 * The reliable change threshold needs the scale's SD and reliability.
 * When the instrument file declares them (with their published source)
 * those are used; when it does not, they are estimated from the
 * network's own first answers (Cronbach's alpha and the SD of first
 * scores, with the number of first answers each rests on), and the
 * model says so, for every page and export to say so too; an estimate
 * resting on fewer complete first answers than core's minimum
 * (WM_ALPHA_MIN_ANSWERS) is not made, and change is then not judged.
 *
 * Everything is read from totals the store keeps at write time: one row
 * per person and scale who answered in the window, and running sums of
 * first answers; never a person's answers. No row names a person.
 *
 * Ownership: a struct wm_net_outcomes owns its arrays; release it with
 * wm_net_outcomes_release(). It borrows the instrument (kept by the
 * store for the connection).
 */
#ifndef WM_REPORT_NETWORK_OUTCOMES_H
#define WM_REPORT_NETWORK_OUTCOMES_H

#include <stdint.h>

#include "core/instrument.h"
#include "core/reliable_change.h"
#include "store/store.h"
#include "util/buf.h"

/* Who answered: kept apart. */
enum wm_net_kind { WM_NET_SELF, WM_NET_TOGETHER, WM_NET_KINDS };

/* The respondent code of a kind ("person", "person-with-practitioner"),
 * and its words ("answered alone", "answered with a practitioner"). */
const char *wm_net_kind_respondent(int kind);
const char *wm_net_kind_words(int kind);

/* One scale and kind across the network: its reliable change threshold. */
struct wm_net_threshold {
	int has;		/* 0: no threshold (see why) */
	double value;
	struct wm_reliability rel;	/* rel.estimated: from first answers,
					 * with how many */
	enum wm_estimate why;	/* when has is 0: why not */
};

/* Why a scale has no threshold, in plain words for a commissioner, with
 * the complete first answers it rests on as `rule` publishes them ("too
 * few complete first answers to estimate how much change is more than
 * chance: 10 of 30"), into out. Nothing when it has one. */
void wm_net_threshold_why(const struct wm_net_threshold *t,
    enum wm_disclosure_rule rule, struct wm_buf *out);
/* The same as a stable code for programs: "too-few-first-answers",
 * "no-spread", "no-usable-reliability"; "" when it has one. */
const char *wm_net_threshold_why_code(const struct wm_net_threshold *t);

/* One service, scale and kind. Without a threshold, t.paired and
 * t.change are counted and nothing is judged reliable. */
struct wm_net_outcome {
	struct wm_outcome_tally t;
	int64_t one_only;	/* answered once only, up to the window's end */
};

/* Who is left out of one scale at one service, whatever the kind of
 * answer: of the people on its caseload on any day of the window, those
 * with a scored answer to the scale by anyone by the window's end, and
 * of them those with none of their own (only someone else's). */
struct wm_net_leftout {
	int64_t caseload, answered, others_only;
};

struct wm_net_outcomes {
	const struct wm_instrument *in;	/* borrowed */
	char measure[256];	/* the family, or the url */
	size_t n_services;
	int64_t *service_ids;	/* the services asked for, in order */
	size_t n_scales;	/* in->n_scales */
	struct wm_net_threshold *thresholds;	/* [scale][kind] */
	struct wm_net_outcome *cells;	/* [service][scale][kind] */
	struct wm_net_leftout *leftout;	/* [service][scale] */
	/* Who is left out for want of an answer of their own was read
	 * (it is published as wm_net_leftout_shown says). */
	int leftout_counted;
	/* Someone else (a member of staff) may answer the measure about a
	 * person: then "answered only by someone else" is a reason. */
	int others_may_answer;
};

void wm_net_outcomes_init(struct wm_net_outcomes *o);
void wm_net_outcomes_release(struct wm_net_outcomes *o);

/* 1 when `in` is a measure people answer about themselves, whose
 * change over time is an outcome: about a person, answered by the person
 * (alone or with a practitioner), with at least one scale, and not the
 * supportive service indicators (which are about the service). */
int wm_net_outcome_measure(const struct wm_instrument *in);

/* Builds the outcomes of `in` (its measure: family, else url) at each of
 * the n services, for answers in quarters from..to ("2026-Q1"), and,
 * when `leftout`, who is left out for want of an answer of their own
 * (the trends, quarter by quarter, need none). 0, or the store's error
 * with err filled (release *out either way). */
int wm_net_outcomes_build(struct wm_store *s, const struct wm_instrument *in,
    const int64_t *services, size_t n, const char *from, const char *to,
    int leftout, struct wm_net_outcomes *out, struct wm_buf *err);

/* The cell of service i (an index into the services given), scale k. */
const struct wm_net_outcome *wm_net_outcome_at(const struct wm_net_outcomes *o,
    size_t i, size_t k, int kind);
const struct wm_net_threshold *wm_net_threshold_of(
    const struct wm_net_outcomes *o, size_t k, int kind);
/* Who is left out of scale k at service i. */
const struct wm_net_leftout *wm_net_leftout_at(
    const struct wm_net_outcomes *o, size_t i, size_t k);
/* The people on its caseload with no answer to it at all by the
 * window's end: the reason "no response". */
int64_t wm_net_leftout_none(const struct wm_net_leftout *l);

#endif
