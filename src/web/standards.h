/*
 * What the standards pages share: the network's period length and
 * validation rule, the instruments leads and validators answer, the
 * period named in a path, and the table of one period's lights.
 */
#ifndef WM_WEB_STANDARDS_H
#define WM_WEB_STANDARDS_H

#include "core/standards.h"
#include "core/validation.h"
#include "report/standards.h"
#include "web/http.h"
#include "web/pages.h"

/* The network's settings, with the defaults where none are set. */
struct wm_standards_setup {
	int months;	/* the period's length */
	struct wm_validation_rule rule;
};

/* 0, or -1 with the store's failure answered. */
int wm_standards_setup(struct wm_http *h, struct wm_standards_setup *out);

/* A lead's page's service, period and assessment (if one was started),
 * from the path's {code} and {period} (today's period when absent). */
struct wm_sa {
	struct wm_led_service svc;
	struct wm_standards_setup setup;
	struct wm_date start, end;
	char period[11], period_end[11], name[64];
	int current;		/* the period containing today */
	int64_t id;		/* 0 when nothing was started */
	int versions;		/* submitted versions */
	struct wm_buf base;	/* /services/CODE/standards/PERIOD */
};

#define WM_SA_INIT { WM_LED_SERVICE_INIT, { 0, { 0, 0 } }, { 0, 0, 0 }, \
	{ 0, 0, 0 }, "", "", "", 0, 0, 0, WM_BUF_INIT }

/* 0, or -1 with a 404 written: not the lead's service, or not a period
 * (one that has not begun is not one either). */
int wm_sa_open(struct wm_http *h, struct wm_sa *a);
void wm_sa_release(struct wm_sa *a);

/* The date a response for the period is given as: today while the
 * period lasts, else its last day, so that it counts for that period. */
void wm_sa_authored(struct wm_http *h, const struct wm_sa *a,
    struct wm_date *out);

/* The lead's draft of the self-assessment (instrument `in`, id `inst`)
 * for a's period into *out, or NULL: a draft saved in another period is
 * not this period's. -1 if it could not be read. */
int wm_sa_draft(struct wm_http *h, const struct wm_sa *a,
    const struct wm_instrument *in, int64_t inst, struct wm_response **out);

/* The latest loaded core standards instrument that `who` (a lead or a
 * validator) answers, parsed (as wm_page_instrument: not freed by the
 * caller); NULL if none is loaded. */
const struct wm_instrument *wm_standards_instrument(struct wm_http *h,
    enum wm_respondent who, int64_t *id);

/* The period containing today. */
void wm_standards_current(struct wm_http *h, int months,
    struct wm_date *start, struct wm_date *end);

/* A stakeholder group's name from its code ("a person with lived
 * experience"); "a validator" for none. */
const char *wm_group_name(const char *code);

/* A period's name ("July to September 2026") from its first and last
 * days ("2026-07-01"); the first day itself if either is not a date. */
void wm_period_words(const char *start, const char *end, char *out, size_t n);

/* A tag showing a light. */
void wm_light(struct wm_http *h, enum wm_rating r);
/* A responsive table's cell, with its column's heading for a narrow
 * screen: a light, or whether a standard is validated, in words. */
void wm_light_cell(struct wm_http *h, const char *heading, enum wm_rating r);
void wm_validated_cell(struct wm_http *h, int validated);

/* The lights of one period as a captioned table: the service's own
 * (when show_self), each validator's by group, the consensus, whether it
 * is validated, and the disagreements of a step or more. */
void wm_standards_table(struct wm_http *h, const struct wm_instrument *in,
    const struct wm_standards *m, const struct wm_standards_setup *setup,
    int show_self);

/* The periods the history grid shows: the latest, oldest first. */
#define WM_STANDARDS_HISTORY 8

/* The history of the service's lights as a grid (the standards as rows,
 * its last WM_STANDARDS_HISTORY periods with lights as columns, each
 * heading linking to href_base + the period's first day), under
 * `heading` (an h2; NULL for none): in each cell the service's own
 * light, the validators' consensus and whether it is validated, each in
 * words as well as colour. Writes nothing when the service has no lights
 * yet. The number of periods shown, or -1 with the store's failure
 * answered. */
int wm_standards_history(struct wm_http *h, int64_t unit_id,
    const struct wm_instrument *in, const struct wm_standards_setup *setup,
    const char *heading, const char *href_base);

/* The versions of an assessment as a table: when each was submitted and
 * the reason given for it; with `named`, who submitted it (for the
 * service's lead; never on a commissioner's page). */
void wm_sa_versions(struct wm_http *h, int64_t assessment, int named);

/* An assessment's queries, answers and reopenings as a list; for the
 * lead (lead), a pending reopening links to base + "/edit?reopen=ID". */
struct wm_sa_queries {
	struct wm_http *h;
	const char *base;
	int lead;
	int n;
};

void wm_sa_queries(struct wm_http *h, int64_t assessment, const char *base,
    int lead);

/* The form to query a standard (a validator) or to answer a query or
 * reopen a standard (the lead), posting to `action`; what was posted is
 * kept, and `problem` (may be NULL) shown at the reason. */
void wm_sa_query_form(struct wm_http *h, const struct wm_instrument *in,
    const char *action, int lead, const char *problem);

/* The lead's standards page for a's period; with `problem` (about the
 * form field `field`: "account" or "text"), the page again after a
 * refused change, what was typed kept. */
void wm_standards_render(struct wm_http *h, struct wm_sa *a,
    const char *field, const char *problem);

/* What validators wrote about each standard, by group ("Standard 3,
 * supporter or carer: ..."), as a list under a heading; nothing when
 * none wrote anything. */
void wm_sa_comments(struct wm_http *h, int64_t assessment);
/* The same comments one by one: the standard, the group's code and the
 * words. */
int wm_sa_comments_each(struct wm_http *h, int64_t assessment,
    void (*each)(void *, int, const char *, const char *), void *ctx);

/* The latest submitted version of an assessment, with its answers, into
 * *out (NULL when none is submitted yet; the caller frees it) and its
 * instrument into *in (as wm_page_instrument). -1 if it could not be
 * read. */
int wm_sa_latest(struct wm_http *h, int64_t assessment,
    const struct wm_instrument **in, struct wm_response **out);

/* The invitation to validate that the path's {id} names, for the
 * signed-in validator, copied out of the store's rows. Owns unit_name
 * (wm_invite_release). */
struct wm_invite {
	int64_t assessment;
	int64_t unit_id;
	char unit_code[65];
	struct wm_buf unit_name;
	char period[11], period_end[11], name[64];
	enum wm_stakeholder group;
	int64_t response_id;	/* their submitted ratings, or 0 */
	int versions;		/* the service's submitted versions */
	struct wm_standards_setup setup;
	char base[48];		/* /validations/ID */
};

#define WM_INVITE_INIT { .unit_name = WM_BUF_INIT }

/* 0, or -1 with a 404 written (JSON under /api/) when the account was
 * not invited to it, exactly as if it did not exist. */
int wm_invite_open(struct wm_http *h, struct wm_invite *v);
void wm_invite_release(struct wm_invite *v);

/* Reads a query form's standard and reason: NULL, or what is wrong. */
const char *wm_sa_query_problem(struct wm_http *h, int *standard,
    const char **text);

#endif
