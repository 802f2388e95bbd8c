/*
 * The network's settings changed (admin.h): `waymark network set` and
 * the settings page check and write them here, so both give the same
 * messages and keep the same rules.
 */
#include "store/admin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/disclosure.h"
#include "core/plan.h"
#include "core/standards.h"
#include "core/validation.h"

/* A change's values, read. */
struct values {
	long months, validators, groups;
	enum wm_disclosure_rule rule;
	struct wm_buf contacts;	/* as kept (core/plan.h) */
};

/* The settings kept before the change, for what it changes: `months`
 * only when a period is given; the disclosure rule unknown
 * (disclosure_known 0) when one that cannot be read is replaced. */
struct kept {
	int months;
	struct wm_validation_rule rule;
	enum wm_disclosure_rule disclosure;
	int disclosure_known;
};

/* A whole number from lo to hi, written in digits alone (no sign, no
 * spaces: " 5" and "+4" are not how a number is typed into a box); -1
 * if s is not one. The one reading of a setting's number, for the page
 * and `network set` alike. */
static int
whole(const char *s, long lo, long hi, long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno || end == s || *end || *out < lo || *out > hi ? -1 : 0;
}

/* The values given, each checked on its own. */
static int
read_values(const struct wm_settings_change *c, struct values *v,
    struct wm_field_problem *p)
{
	const char *why;

	if (c->months && whole(c->months, 1, 12, &v->months))
		return wm_field_problem_set(p, "period-months", "the period "
		    "is a whole number of months from 1 to 12");
	if (c->months && (why = wm_period_months_problem(v->months)))
		return wm_field_problem_set(p, "period-months", why);
	if (c->validators && whole(c->validators, 1,
	    WM_VALIDATION_MAX_THRESHOLD, &v->validators))
		return wm_field_problem_set(p, "validators", "the "
		    "validators needed are a whole number from 1 to 20");
	if (c->groups && whole(c->groups, 1, WM_VALIDATION_MAX_THRESHOLD,
	    &v->groups))
		return wm_field_problem_set(p, "groups", "the stakeholder "
		    "groups needed are a whole number from 1 to 20");
	if (c->crisis_contacts && (why = wm_crisis_contacts_problem(
	    c->crisis_contacts, &v->contacts)))
		return wm_field_problem_set(p, "crisis-contacts", why);
	if (c->disclosure && wm_disclosure_parse(c->disclosure, &v->rule))
		return wm_field_problem_set(p, "disclosure", "that is not "
		    "a disclosure rule: use mhsds (NHS England's MHSDS rule, the default), hes (the "
		    "stricter HES rule) or none (for the network's own "
		    "analysts)");
	return 0;
}

/* What the values ask of what is kept: a new period length not while
 * this year's periods are under way; a validation rule that holds
 * whole; a disclosure rule kept that can be read, unless replaced. */
static int
check_kept(struct wm_store *s, const struct wm_admin_by *by,
    const struct wm_settings_change *c, const struct values *v,
    struct kept *was, struct wm_validation_rule *rule,
    struct wm_field_problem *p, struct wm_buf *err)
{
	struct wm_date first;
	const char *why;
	char jan1[11];
	int64_t kept = 0;
	int rc;

	if (c->months) {
		wm_period_year_start(by->today, &first);
		wm_date_format(&first, jan1);
		if ((rc = wm_store_assessments_since(s, jan1, &kept, err)) ||
		    (rc = wm_store_standards_months(s, &was->months, err)))
			return rc;
		if ((why = wm_period_change_problem(was->months,
		    (int)v->months, kept)))
			return wm_field_problem_set(p, "period-months", why);
	}
	/* A setting not given keeps its value: one that cannot be read
	 * stops the change rather than the default being written. */
	if ((rc = wm_store_validation_rule(s, &was->rule, err)))
		return rc;
	*rule = was->rule;
	if (c->validators)
		rule->min_validators = (int)v->validators;
	if (c->groups)
		rule->min_groups = (int)v->groups;
	if ((why = wm_validation_rule_problem(rule)))
		return wm_field_problem_set(p, c->groups ? "groups" :
		    "validators", why);
	rc = wm_store_disclosure_rule(s, &was->disclosure, err);
	was->disclosure_known = rc == 0;
	return c->disclosure ? 0 : rc;
}

/* "NAME WAS to NOW" of a setting that changes, after any before it. */
static void
said(struct wm_buf *detail, const char *name, long was, long now)
{
	if (was == now)
		return;
	wm_buf_printf(detail, "%s%s %ld to %ld", detail->len ? "; " : "",
	    name, was, now);
}

static int
write_number(struct wm_store *s, const char *key, long v, struct wm_buf *err)
{
	char text[24];

	snprintf(text, sizeof(text), "%ld", v);
	return wm_store_setting_set(s, key, text, err);
}

/* Writes the settings that change, and the audit entry saying each
 * from and to what; nothing at all when none changes (a form saved as
 * it was, a command repeated). */
static int
write_values(struct wm_store *s, const struct wm_admin_by *by,
    const struct wm_settings_change *c, const struct values *v,
    const struct kept *was, const struct wm_validation_rule *rule,
    struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	int rc = 0;

	if (c->months && was->months != v->months) {
		said(&detail, "standards period (months)", was->months,
		    v->months);
		rc = write_number(s, WM_SETTING_PERIOD_MONTHS, v->months, err);
	}
	if (rc == 0 && (rule->min_validators != was->rule.min_validators ||
	    rule->min_groups != was->rule.min_groups)) {
		said(&detail, "validators needed", was->rule.min_validators,
		    rule->min_validators);
		said(&detail, "stakeholder groups needed",
		    was->rule.min_groups, rule->min_groups);
		if ((rc = write_number(s, WM_SETTING_MIN_VALIDATORS,
		    rule->min_validators, err)) == 0)
			rc = write_number(s, WM_SETTING_MIN_GROUPS,
			    rule->min_groups, err);
	}
	if (rc == 0 && c->disclosure && (!was->disclosure_known ||
	    was->disclosure != v->rule)) {
		wm_buf_printf(&detail, "%sdisclosure %s to %s", detail.len ?
		    "; " : "", was->disclosure_known ?
		    wm_disclosure_name(was->disclosure) : "(unreadable)",
		    wm_disclosure_name(v->rule));
		rc = wm_store_setting_set(s, WM_SETTING_DISCLOSURE,
		    wm_disclosure_name(v->rule), err);
	}
	if (rc == 0 && c->crisis_contacts) {
		char was_list[2048];
		int got = wm_store_setting_get(s, WM_CRISIS_CONTACTS_SETTING,
		    was_list, sizeof(was_list), err);

		if (got && got != WM_STORE_NOT_FOUND)
			rc = got;
		else if (strcmp(got ? WM_CRISIS_CONTACTS_DEFAULT : was_list,
		    wm_buf_str(&v->contacts)) != 0) {
			wm_buf_printf(&detail, "%sthe services anyone can "
			    "contact day or night", detail.len ? "; " : "");
			rc = wm_store_setting_set(s, WM_CRISIS_CONTACTS_SETTING,
			    wm_buf_str(&v->contacts), err);
		}
	}
	if (rc == 0 && detail.len)
		rc = wm_store_audit(s, by->account_id, by->account_id ?
		    "network settings changed" : "network settings changed "
		    "(command line)", NULL, 0, wm_buf_str(&detail),
		    by->address, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_settings_set(struct wm_store *s, const struct wm_admin_by *by,
    const struct wm_settings_change *c, struct wm_field_problem *p,
    struct wm_buf *err)
{
	struct wm_validation_rule rule;
	struct values v = { 0, 0, 0, WM_DISCLOSURE_DEFAULT, WM_BUF_INIT };
	struct kept was = { 0 };
	int rc;

	if ((rc = read_values(c, &v, p)) || (!c->months && !c->validators &&
	    !c->groups && !c->disclosure && !c->crisis_contacts))
		goto out;
	if ((rc = wm_store_begin(s, err)))
		goto out;
	if ((rc = check_kept(s, by, c, &v, &was, &rule, p, err)) == 0)
		rc = write_values(s, by, c, &v, &was, &rule, err);
	if (rc == 0)
		rc = wm_store_commit(s, err);
	if (rc)
		wm_store_rollback(s);
out:
	wm_buf_release(&v.contacts);
	return rc;
}
