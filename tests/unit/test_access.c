/*
 * The access rules of the route table, for every kind of account against
 * every rule, with the record the path names in and out of their scope.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/access.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum { NET = 1, PROVIDER = 2, PROVIDER2 = 3, S1 = 10, S2 = 11 };

/* The kinds of account the demo network has, and one with nothing. */
static const struct profile {
	const char *name;
	int signed_in;
	int64_t own_person;
	struct wm_grant grants[2];
	size_t n;
} profiles[] = {
	{ "nobody signed in", 0, 0, { { WM_ROLE_PERSON, 0 } }, 0 },
	{ "person", 1, 7, { { WM_ROLE_PERSON, S1 } }, 1 },
	{ "practitioner", 1, 0, { { WM_ROLE_PRACTITIONER, S1 } }, 1 },
	{ "lead", 1, 0, { { WM_ROLE_LEAD, S1 } }, 1 },
	{ "validator", 1, 0, { { WM_ROLE_VALIDATOR, S1 } }, 1 },
	{ "commissioner", 1, 0, { { WM_ROLE_COMMISSIONER, NET } }, 1 },
	{ "admin", 1, 0, { { WM_ROLE_ADMIN, NET } }, 1 },
	{ "no grants", 1, 0, { { WM_ROLE_PERSON, 0 } }, 0 },
	{ "practitioner elsewhere", 1, 0,
	    { { WM_ROLE_PRACTITIONER, S2 }, { WM_ROLE_VALIDATOR, S2 } }, 2 },
	{ "commissioner of S2's provider", 1, 0,
	    { { WM_ROLE_COMMISSIONER, PROVIDER2 } }, 1 },
};

/* What the path names: in the profile's scope (at S1), or not (S2). */
enum place { NOWHERE, AT_S1, AT_S2 };

/* A for allow, S for sign in first, D for "not found"; one letter per
 * profile above, in order. */
static const struct {
	enum wm_rule rule;
	enum place at;
	const char *want;
} matrix[] = {
	{ WM_RULE_NONE, NOWHERE,		"SDDDDDDDDD" },
	{ WM_RULE_PUBLIC, NOWHERE,		"AAAAAAAAAA" },
	{ WM_RULE_SIGNED_IN, NOWHERE,		"SAAAAAAAAA" },
	{ WM_RULE_OWN_RECORD, NOWHERE,		"SADDDDDDDD" },
	{ WM_RULE_OWN_FORMS, NOWHERE,		"SAAADDDDAD" },
	{ WM_RULE_STAFF, NOWHERE,		"SDAADDDDAD" },
	{ WM_RULE_CARE_TEAM, AT_S1,		"SDAADDDDDD" },
	{ WM_RULE_CARE_TEAM, AT_S2,		"SDDDDDDDAD" },
	{ WM_RULE_CARE_TEAM, NOWHERE,		"SDDDDDDDDD" },
	{ WM_RULE_LEADS, NOWHERE,		"SDDADDDDDD" },
	{ WM_RULE_SERVICE_LEAD, AT_S1,		"SDDADDDDDD" },
	{ WM_RULE_SERVICE_LEAD, AT_S2,		"SDDDDDDDDD" },
	{ WM_RULE_SERVICE_LEAD, NOWHERE,	"SDDDDDDDDD" },
	{ WM_RULE_VALIDATOR, NOWHERE,		"SDDDADDDAD" },
	{ WM_RULE_INVITED, AT_S1,		"SDDDADDDDD" },
	{ WM_RULE_INVITED, NOWHERE,		"SDDDDDDDDD" },
	{ WM_RULE_COMMISSIONER, NOWHERE,	"SDDDDADDDA" },
	{ WM_RULE_SERVICE_COMMISSIONER, AT_S1,	"SDDDDADDDD" },
	{ WM_RULE_SERVICE_COMMISSIONER, AT_S2,	"SDDDDADDDA" },
	{ WM_RULE_SERVICE_COMMISSIONER, NOWHERE, "SDDDDDDDDD" },
	{ WM_RULE_ADMIN, NOWHERE,		"SDDDDDADDD" },
	/* No such plan: no one, its would-be owner neither. */
	{ WM_RULE_PLAN_OWNER, NOWHERE,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_READER, NOWHERE,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_CRISIS, NOWHERE,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, NOWHERE,	"SDDDDDDDDD" },
	{ WM_RULE_PLAN_SUGGEST, NOWHERE,	"SDDDDDDDDD" },
};

/* A plan of the person's (7, on S1's caseload now), shared as each row
 * says; one letter per profile, as above. */
enum plan_case {
	NOT_SHARED,
	SHARED_WITH_ASKER,	/* with the account asking, whoever it is */
	SHARED_WITH_SUPPORTER,	/* ... who is the owner's supporter */
	TEAM_S1,		/* with S1's care team */
	TEAM_S2,		/* with S2's, where the owner is not */
	CRISIS_ON,		/* crisis access allowed, no share */
	SOMEONE_ELSES,		/* person 8's plan, crisis on, S1's team */
	EMPTY,			/* nothing written yet, not shared */
};

static const struct {
	enum wm_rule rule;
	enum plan_case c;
	const char *want;
} plan_matrix[] = {
	{ WM_RULE_PLAN_OWNER, NOT_SHARED,		"SADDDDDDDD" },
	{ WM_RULE_PLAN_OWNER, SHARED_WITH_ASKER,	"SADDDDDDDD" },
	{ WM_RULE_PLAN_OWNER, SOMEONE_ELSES,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_READER, NOT_SHARED,		"SADDDDDDDD" },
	{ WM_RULE_PLAN_READER, SHARED_WITH_ASKER,	"SAADDDDDDD" },
	{ WM_RULE_PLAN_READER, SHARED_WITH_SUPPORTER,	"SAAAAAAAAA" },
	{ WM_RULE_PLAN_READER, TEAM_S1,		"SAADDDDDDD" },
	{ WM_RULE_PLAN_READER, TEAM_S2,		"SADDDDDDDD" },
	{ WM_RULE_PLAN_READER, CRISIS_ON,		"SADDDDDDDD" },
	{ WM_RULE_PLAN_READER, SOMEONE_ELSES,		"SDADDDDDDD" },
	{ WM_RULE_PLAN_CRISIS, NOT_SHARED,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_CRISIS, TEAM_S1,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_CRISIS, CRISIS_ON,		"SDADDDDDDD" },
	{ WM_RULE_PLAN_CRISIS, SOMEONE_ELSES,		"SDADDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, NOT_SHARED,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, SHARED_WITH_ASKER,	"SDADDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, TEAM_S1,		"SDADDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, TEAM_S2,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, CRISIS_ON,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_TOGETHER, EMPTY,		"SDADDDDDDD" },
	{ WM_RULE_PLAN_SUGGEST, NOT_SHARED,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_SUGGEST, TEAM_S1,		"SDADDDDDDD" },
	{ WM_RULE_PLAN_SUGGEST, CRISIS_ON,		"SDDDDDDDDD" },
	{ WM_RULE_PLAN_SUGGEST, EMPTY,			"SDDDDDDDDD" },
	{ WM_RULE_PLAN_SUGGEST, SOMEONE_ELSES,		"SDADDDDDDD" },
};

static char letter(enum wm_access_answer a);

/* Who reads a person's plan: its owner, whom they share it with now, and
 * in a crisis (if they allow it) a practitioner of their service; no one
 * by their role alone, and a lead never through a team share. */
static void
test_plans(void **state)
{
	static const int64_t s1[] = { S1 }, s2[] = { S2 };
	size_t i, p;

	(void)state;
	for (i = 0; i < NELEM(plan_matrix); i++)
		for (p = 0; p < NELEM(profiles); p++) {
			const struct profile *pr = &profiles[p];
			enum plan_case c = plan_matrix[i].c;
			struct wm_access_facts f;
			int64_t unit;
			char got;

			memset(&f, 0, sizeof(f));
			f.signed_in = pr->signed_in;
			f.own_person = pr->own_person;
			f.grants = pr->grants;
			f.n_grants = pr->n;
			f.plan.owner = c == SOMEONE_ELSES ? 8 : 7;
			f.plan.owner_units = s1;
			f.plan.n_owner_units = 1;
			f.plan.shared_with_account = c == SHARED_WITH_ASKER ||
			    c == SHARED_WITH_SUPPORTER;
			f.plan.account_supports = c == SHARED_WITH_SUPPORTER;
			f.plan.has_content = c != EMPTY;
			f.plan.crisis_access = c == CRISIS_ON ||
			    c == SOMEONE_ELSES;
			if (c == TEAM_S1 || c == TEAM_S2 || c == SOMEONE_ELSES) {
				f.plan.team_units = c == TEAM_S2 ? s2 : s1;
				f.plan.n_team_units = 1;
			}
			got = letter(wm_access_decide(plan_matrix[i].rule, &f));
			if (got != plan_matrix[i].want[p])
				fail_msg("rule %s, case %d, %s: got %c, want %c",
				    wm_rule_name(plan_matrix[i].rule), c,
				    pr->name, got, plan_matrix[i].want[p]);
			/* What the view is logged as agrees with the rule. */
			if (plan_matrix[i].rule == WM_RULE_PLAN_READER &&
			    got == 'A')
				assert_int_not_equal(wm_plan_reader(&f, &unit),
				    WM_PLAN_NOT_SHARED);
		}
}

static char
letter(enum wm_access_answer a)
{
	return a == WM_ACCESS_ALLOW ? 'A' : a == WM_ACCESS_SIGN_IN_FIRST ?
	    'S' : 'D';
}

static void
test_matrix(void **state)
{
	size_t i, p;

	(void)state;
	assert_int_equal(strlen(matrix[0].want), NELEM(profiles));
	for (i = 0; i < NELEM(matrix); i++) {
		for (p = 0; p < NELEM(profiles); p++) {
			const struct profile *pr = &profiles[p];
			int64_t units[1] = { matrix[i].at == AT_S1 ? S1 : S2 };
			static const int64_t chain1[] = { PROVIDER, NET };
			static const int64_t chain2[] = { PROVIDER2, NET };
			struct wm_access_facts f;
			char got;

			memset(&f, 0, sizeof(f));
			f.signed_in = pr->signed_in;
			f.own_person = pr->own_person;
			f.grants = pr->grants;
			f.n_grants = pr->n;
			if (matrix[i].at != NOWHERE &&
			    wm_rule_target(matrix[i].rule) == WM_TARGET_PERSON) {
				f.person_units = units;
				f.n_person_units = 1;
			}
			if (matrix[i].at != NOWHERE) {
				f.service_id = units[0];
				f.service_chain = matrix[i].at == AT_S1 ?
				    chain1 : chain2;
				f.n_service_chain = 2;
			}
			/* An invitation is the profile's own only when it
			 * is a validator at S1 (the demo's one). */
			f.invited = matrix[i].at == AT_S1 && pr->n &&
			    pr->grants[0].role == WM_ROLE_VALIDATOR &&
			    pr->grants[0].unit_id == S1;
			f.invited_unit = S1;
			got = letter(wm_access_decide(matrix[i].rule, &f));
			if (got != matrix[i].want[p])
				fail_msg("rule %s (%d), %s: got %c, want %c",
				    wm_rule_name(matrix[i].rule), matrix[i].at,
				    pr->name, got, matrix[i].want[p]);
		}
	}
}

/* Every rule is named and covered by the matrix. */
static void
test_every_rule(void **state)
{
	int r;
	size_t i;

	(void)state;
	for (r = 0; r < WM_RULE_COUNT; r++) {
		int covered = 0;

		assert_string_not_equal(wm_rule_name((enum wm_rule)r),
		    "unknown");
		for (i = 0; i < NELEM(matrix); i++)
			covered |= matrix[i].rule == (enum wm_rule)r;
		if (!covered)
			fail_msg("rule %s has no row in the matrix",
			    wm_rule_name((enum wm_rule)r));
	}
	assert_string_equal(wm_rule_name(WM_RULE_COUNT), "unknown");
	assert_int_equal(wm_access_decide(WM_RULE_COUNT, &(struct
	    wm_access_facts){ .signed_in = 1 }), WM_ACCESS_DENY);
	assert_int_equal(wm_access_decide((enum wm_rule)99, &(struct
	    wm_access_facts){ .signed_in = 0 }), WM_ACCESS_SIGN_IN_FIRST);
}

/* An invitation lapses when the validator no longer holds the role at
 * the service: invited to S1's self-assessment, now a validator only at
 * S2, they are refused. */
static void
test_invitation_lapses(void **state)
{
	static const struct wm_grant now[] = { { WM_ROLE_VALIDATOR, S2 } };
	struct wm_access_facts f;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.signed_in = 1;
	f.grants = now;
	f.n_grants = 1;
	f.invited = 1;
	f.invited_unit = S1;
	assert_int_equal(wm_access_decide(WM_RULE_INVITED, &f), WM_ACCESS_DENY);
	f.invited_unit = S2;
	assert_int_equal(wm_access_decide(WM_RULE_INVITED, &f),
	    WM_ACCESS_ALLOW);
}

/* A grant counts at its own unit only, and never at unit 0. */
static void
test_grants(void **state)
{
	static const struct wm_grant g[] = {
		{ WM_ROLE_LEAD, S1 }, { WM_ROLE_PRACTITIONER, S2 },
	};

	(void)state;
	assert_true(wm_grants_hold(g, 2, WM_ROLE_LEAD, S1));
	assert_false(wm_grants_hold(g, 2, WM_ROLE_LEAD, S2));
	assert_false(wm_grants_hold(g, 2, WM_ROLE_LEAD, 0));
	assert_false(wm_grants_hold(g, 0, WM_ROLE_LEAD, S1));
	assert_true(wm_grants_any(g, 2, WM_ROLE_PRACTITIONER));
	assert_false(wm_grants_any(g, 2, WM_ROLE_ADMIN));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_every_rule),
		cmocka_unit_test(test_grants),
		cmocka_unit_test(test_invitation_lapses),
		cmocka_unit_test(test_plans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
