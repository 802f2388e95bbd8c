#include "core/account.h"

#include <string.h>

/* 32 symbols, 5 bits each: the digits 2 to 9 and the letters but I and
 * O, so that no character reads as another (0 and O, 1 and I). */
static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const char *
wm_grant_check(const char *role, const char *unit, const char *group,
    struct wm_grant_spec *out)
{
	const char *problem;
	int has_group = group && group[0];

	memset(out, 0, sizeof(*out));
	if (!role || wm_role_parse(role, &out->role))
		return "the role must be person, practitioner, lead, "
		    "validator, commissioner or admin";
	if (!unit || !unit[0])
		return "a role is held at a unit: name the unit";
	if ((problem = wm_code_problem(unit)))
		return problem;
	memcpy(out->unit, unit, strlen(unit) + 1);
	if (out->role == WM_ROLE_VALIDATOR && (!has_group ||
	    wm_stakeholder_from_code(group, &out->group) ||
	    out->group == WM_STAKEHOLDER_NONE))
		return "a validator speaks for a stakeholder group: one of "
		    "lived-experience, supporter, peer-worker, practitioner, "
		    "commissioner";
	if (out->role != WM_ROLE_VALIDATOR && has_group)
		return "only a validator speaks for a stakeholder group";
	return NULL;
}

const char *
wm_grant_parse(const char *s, struct wm_grant_spec *out)
{
	char role[16], unit[WM_GRANT_UNIT_MAX + 1];
	const char *at = strchr(s, '@'), *slash;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (!at || (size_t)(at - s) >= sizeof(role))
		return "a grant looks like ROLE@UNIT, e.g. practitioner@"
		    "exbridge-recovery";
	memcpy(role, s, (size_t)(at - s));
	role[at - s] = '\0';
	slash = strchr(at + 1, '/');
	n = slash ? (size_t)(slash - at - 1) : strlen(at + 1);
	if (n == 0)
		return "a role is held at a unit: name the unit";
	if (n >= sizeof(unit))
		return wm_code_problem(at + 1);
	memcpy(unit, at + 1, n);
	unit[n] = '\0';
	return wm_grant_check(role, unit, slash ? slash + 1 : NULL, out);
}

/*
 * Waymark: "a person's, practitioner's, lead's and validator's role is
 * held at a service, where the caseloads and the standards are kept; a
 * commissioner's at any part of the network; an administrator's at the
 * network, since administration reaches every account in it"
 */
const char *
wm_grant_unit_problem(enum wm_role role, enum wm_unit_kind kind)
{
	if (role == WM_ROLE_ADMIN)
		return kind == WM_UNIT_NETWORK ? NULL : "an administrator's "
		    "role is held at the network: administration reaches every "
		    "account in it";
	if (role == WM_ROLE_COMMISSIONER || kind == WM_UNIT_SERVICE)
		return NULL;
	return "this role is held at a service: people's caseloads and the "
	    "standards are kept by service";
}

const char *
wm_grant_closed_problem(enum wm_unit_kind kind, const char *closed)
{
	if (!closed)
		return NULL;
	return kind == WM_UNIT_PROVIDER ? "the provider is closed and takes "
	    "no new role grants: choose one that is open" : "the service is "
	    "closed and takes no new role grants: choose one that is open";
}

void
wm_setup_code_format(const unsigned char raw[WM_SETUP_CODE_BYTES],
    char out[WM_SETUP_CODE_LEN + 1])
{
	unsigned bits = 0, have = 0;
	size_t i = 0, n = 0, k = 0;

	while (n < WM_SETUP_CODE_CHARS) {
		if (have < 5) {
			bits = (bits << 8) | raw[i++];
			have += 8;
		}
		have -= 5;
		if (n > 0 && n % 4 == 0)
			out[k++] = '-';
		out[k++] = alphabet[(bits >> have) & 31];
		n++;
	}
	out[k] = '\0';
}

/*
 * Waymark: "a new account's holder chooses their own password with a
 * one-time code of 80 random bits, in an alphabet with nothing that
 * reads as something else, typed in any case with or without dashes"
 */
int
wm_setup_code_normalise(const char *typed, char out[WM_SETUP_CODE_CHARS + 1])
{
	size_t n = 0;
	char c;

	for (; *typed; typed++) {
		c = *typed;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == '\0' || !strchr(alphabet, c) ||
		    n == WM_SETUP_CODE_CHARS)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == WM_SETUP_CODE_CHARS ? 0 : -1;
}

/*
 * Waymark: "an administrator cannot deactivate their own account or
 * remove their own administrator role, so that no one is shut out with
 * no one left to let them back in; nor give themselves a role, so that
 * no one opens people's records on their own say-so"
 */
const char *
wm_account_change_problem(int64_t actor, int64_t account,
    enum wm_account_change change, enum wm_role role)
{
	if (actor == 0 || actor != account)
		return NULL;
	if (change == WM_CHANGE_DEACTIVATE)
		return "You cannot deactivate your own account: you would be "
		    "signed out with no way back in. Another administrator "
		    "can do it.";
	if (change == WM_CHANGE_GRANT)
		return "You cannot give yourself a role: another administrator "
		    "can, so that no one opens people's records on their own "
		    "say-so.";
	if (role == WM_ROLE_ADMIN)
		return "You cannot remove your own administrator role: no one "
		    "might be left to manage accounts. Another administrator "
		    "can do it.";
	return NULL;
}
