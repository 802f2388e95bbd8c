/*
 * The 10 core standards' rules: see standards.h. Each function that
 * carries out a sentence of the newsletter quotes it, and the rules that
 * are Waymark's own way of keeping it say so in their own words;
 * tools/check-rules.sh checks the quotations and lists both in
 * docs/rules.md.
 */
#include "core/standards.h"

#include <stdio.h>
#include <string.h>

#include "core/known_instruments.h"
#include "util/date.h"
#include "util/text.h"

/* --- periods ------------------------------------------------------------ */

/*
 * Waymark: "a standards period is 1, 2, 3, 4, 6 or 12 months, so that
 * periods tile the year"
 */
const char *
wm_period_months_problem(long long months)
{
	if (months == 1 || months == 2 || months == 3 || months == 4 ||
	    months == 6 || months == 12)
		return NULL;
	return "a period is 1, 2, 3, 4, 6 or 12 months, so that periods "
	    "fit the year";
}

/*
 * Waymark: "the standards period is quarterly unless the network chooses
 * another length"
 */
int
wm_period_months(long long chosen)
{
	return wm_period_months_problem(chosen) ? WM_PERIOD_MONTHS_DEFAULT :
	    (int)chosen;
}

/*
 * Waymark: "the standards periods are counted from each January, so
 * every day falls in exactly one period of the network's length"
 */
void
wm_period_of(const struct wm_date *d, int months, struct wm_date *start,
    struct wm_date *end)
{
	start->year = d->year;
	start->month = (d->month - 1) / months * months + 1;
	start->day = 1;
	*end = *start;
	wm_date_add_months(end, months);
	wm_date_from_days(wm_date_days(end) - 1, end);
}

int
wm_period_parse(const char *s, int months, struct wm_date *start)
{
	struct wm_date d, end;

	if (wm_date_parse(s, &d))
		return -1;
	wm_period_of(&d, months, start, &end);
	return wm_date_cmp(&d, start) == 0 ? 0 : -1;
}

void
wm_period_name(const struct wm_date *start, const struct wm_date *end,
    char *out, size_t n)
{
	const char *first = wm_month_name(start->month);
	const char *last = wm_month_name(end->month);

	if (start->year == end->year && start->month == 1 && end->month == 12)
		snprintf(out, n, "%d", start->year);
	else if (start->year == end->year && start->month == end->month)
		snprintf(out, n, "%s %d", first, start->year);
	else if (start->year == end->year)
		snprintf(out, n, "%s to %s %d", first, last, start->year);
	else
		snprintf(out, n, "%s %d to %s %d", first, start->year, last,
		    end->year);
}

void
wm_period_year_start(const struct wm_date *today, struct wm_date *out)
{
	out->year = today->year;
	out->month = 1;
	out->day = 1;
}

/*
 * Waymark: "the period's length changes only at a year's turn, so this
 * year's self-assessments keep the periods they were made in"
 */
const char *
wm_period_change_problem(int from, int to, int64_t this_years)
{
	if (from == to || this_years <= 0)
		return NULL;
	return "this year's self-assessments already use the present "
	    "periods; change the length at the turn of the year";
}

/* --- standards and their questions ---------------------------------------- */

int
wm_standard_parse(const char *s)
{
	int n = 0;

	if (!s || !*s || strlen(s) > 2 || s[0] == '0')
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		n = n * 10 + (*s - '0');
	}
	return n >= 1 && n <= WM_STANDARDS ? n : 0;
}

/*
 * Waymark: "a standards instrument rates standard N, from 1 to 10, on
 * its scale standard-N"
 */
int
wm_standard_of_scale(const char *scale)
{
	if (!scale || strncmp(scale, "standard-", 9) != 0)
		return 0;
	return wm_standard_parse(scale + 9);
}

static const struct wm_scale *
scale_of(const struct wm_instrument *in, int n)
{
	size_t i;

	for (i = 0; i < in->n_scales; i++)
		if (wm_standard_of_scale(in->scales[i].code) == n)
			return &in->scales[i];
	return NULL;
}

/*
 * Waymark: "a standard's questions are the group that holds its light:
 * the light, the evidence and any action"
 */
int
wm_standard_items(const struct wm_instrument *in, int n, size_t *from,
    size_t *to)
{
	const struct wm_scale *sc = scale_of(in, n);
	int g;
	size_t i;

	if (!sc || !sc->n_items || (g = in->items[sc->items[0]].parent) < 0)
		return -1;
	*from = (size_t)g;
	for (i = *from + 1; i < in->n_items &&
	    in->items[i].depth > in->items[g].depth; i++)
		;
	*to = i;
	return 0;
}

int
wm_standard_of_item(const struct wm_instrument *in, size_t i)
{
	size_t from, to;
	int n;

	for (n = 1; n <= WM_STANDARDS; n++)
		if (wm_standard_items(in, n, &from, &to) == 0 && i >= from &&
		    i < to)
			return n;
	return 0;
}

const char *
wm_standard_title(const struct wm_instrument *in, int n)
{
	const struct wm_scale *sc = scale_of(in, n);

	return sc && sc->title ? sc->title : "";
}

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcmp(s + n - t, tail) == 0;
}

/*
 * Waymark: "the service's evidence a validator is shown is its written
 * evidence alone, never its lights nor its actions, which would give
 * its lights away"
 */
int
wm_standard_is_evidence(const struct wm_item *it)
{
	return it->type != WM_ITEM_CHOICE && it->link_id &&
	    ends_with(it->link_id, "-evidence");
}

size_t
wm_standard_evidence(const struct wm_response *lead, int n,
    void (*each)(void *, const char *), void *ctx)
{
	size_t from, to, i, any = 0;

	if (!lead || wm_standard_items(lead->in, n, &from, &to))
		return 0;
	for (i = from; i < to; i++) {
		if (!wm_standard_is_evidence(&lead->in->items[i]) ||
		    !lead->answers[i].given)
			continue;
		each(ctx, lead->answers[i].text);
		any++;
	}
	return any;
}

/* --- the life of a self-assessment ---------------------------------------- */

/*
 * Waymark: "a self-assessment is started while its period lasts, and
 * amended at any time once submitted"
 */
int
wm_assessment_editable(int current, int versions)
{
	return current || versions > 0;
}

/*
 * Waymark: "the self-assessment can be saved part-way until it is first
 * submitted; every submission after that is a new version"
 */
enum wm_response_status
wm_assessment_status(int versions, int later)
{
	return later && versions == 0 ? WM_STATUS_IN_PROGRESS :
	    WM_STATUS_COMPLETED;
}

/*
 * Waymark: "an amendment, any version after the first, gives its
 * reason; the first version needs none"
 */
const char *
wm_amendment_problem(int versions, const char *reason)
{
	if (versions <= 0)
		return NULL;
	return wm_reason_problem(reason ? reason : "");
}

/*
 * Waymark: "reasons travel with decisions: an amendment, a query, its
 * answer and a reopening each carry one"
 */
const char *
wm_reason_problem(const char *text)
{
	size_t n = strlen(text);

	if (n == 0 || strspn(text, " \t\n") == n)
		return "Give a reason";
	if (wm_text_check(text, 1) != WM_TEXT_OK)
		return "The reason contains characters that cannot be saved";
	/* Characters as people count them, not bytes: 2000 letters of any
	 * alphabet fit. */
	if (wm_utf8_chars(text) > WM_REASON_MAX)
		return "A reason is at most 2000 characters";
	return NULL;
}

/*
 * Waymark: "a submission built on an earlier version is refused when
 * another version was filed meanwhile, so no one's version is silently
 * undone"
 */
int
wm_assessment_changed_meanwhile(int built_on, int versions)
{
	return built_on != WM_BUILT_ON_ANY && built_on != versions;
}

/* --- reopening one standard ------------------------------------------------ */

/*
 * Waymark: "a reopened standard waits for its amendment until one
 * version answers the reopening; then it is closed, so each reopening
 * is amended once"
 */
int
wm_reopening_pending(const char *kind, int64_t answered_by)
{
	return kind && strcmp(kind, "reopen") == 0 && answered_by == 0;
}

/*
 * Waymark: "a validator's query of a standard awaits the lead's answer
 * until an answer to that standard follows it"
 */
void
wm_query_count_step(struct wm_query_count *c, int standard, const char *kind)
{
	if (standard != c->standard) {
		c->awaiting += c->open;
		c->open = 0;
		c->standard = standard;
	}
	if (!kind)
		return;
	if (strcmp(kind, "query") == 0)
		c->open++;
	else if (strcmp(kind, "answer") == 0)
		c->open = 0;
}

int
wm_query_count_awaiting(const struct wm_query_count *c)
{
	return c->awaiting + c->open;
}

int
wm_reopen_range(const struct wm_instrument *in, int64_t inst,
    int64_t latest_inst, int n, size_t *from, size_t *to)
{
	return n >= 1 && n <= WM_STANDARDS && inst == latest_inst &&
	    wm_standard_items(in, n, from, to) == 0;
}

/*
 * Waymark: "amending a reopened standard changes only that standard; the
 * others are carried over from the latest version"
 */
void
wm_reopen_carry_over(struct wm_response *latest, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to && i < latest->in->n_items; i++)
		latest->answers[i].given = 0;
}

/* --- who may rate, and what a rating is filed as ------------------------- */

/*
 * Waymark: "a lead's rating counts only from an account with the lead
 * role at the service; a validator's only from one with the validator
 * role there, for the stakeholder group they speak for"
 */
int
wm_rater_grant(enum wm_respondent who, enum wm_stakeholder group,
    struct wm_rater_grant *out)
{
	out->role = NULL;
	out->group = NULL;
	if (who == WM_RESPONDENT_LEAD) {
		out->role = "lead";
		return 1;
	}
	if (who == WM_RESPONDENT_VALIDATOR) {
		out->role = "validator";
		out->group = wm_stakeholder_code(group);
		return 1;
	}
	return 0;
}

enum wm_filing
wm_standards_filing(const struct wm_response *r)
{
	if (!wm_is_standards_instrument(r->in) ||
	    r->subject.kind != WM_SUBJECT_SERVICE ||
	    r->author.kind != WM_SUBJECT_STAFF ||
	    r->status != WM_STATUS_COMPLETED)
		return WM_FILED_NOT;
	if (r->respondent == WM_RESPONDENT_LEAD)
		return WM_FILED_AS_VERSION;
	if (r->respondent == WM_RESPONDENT_VALIDATOR)
		return WM_FILED_AS_VALIDATION;
	return WM_FILED_NOT;
}

/*
 * Waymark: "validators are invited only to a period whose
 * self-assessment was submitted: there is nothing to validate before"
 */
const char *
wm_invitation_problem(int versions)
{
	if (versions > 0)
		return NULL;
	return "Validators are invited once the self-assessment for the "
	    "period is submitted: there is nothing to validate before";
}

/*
 * Waymark: "a validator sees the service's lights, the other validators'
 * lights and the queries only once they have submitted their own"
 */
int
wm_validator_sees_lights(int64_t own_response)
{
	return own_response > 0;
}
