/*
 * Fuzz target: what an administrator or the command line types about an
 * account. The input, NUL-terminated, is read as a grant
 * ("ROLE@UNIT[/GROUP]", wm_grant_parse) and as a setup code someone
 * typed (wm_setup_code_normalise). A grant accepted names a known role
 * and a unit code by the network's rule, a validator with a group and
 * no one else with one, and reads the same through the web's three
 * fields (wm_grant_check). A code accepted is 16 characters of the
 * code alphabet that any grouping or case of it reads back to, and the
 * input's first 10 bytes, made into a code, are always accepted.
 */
#include <string.h>

#include "core/account.h"

#include "fuzz.h"

static void
check_grant(const char *s)
{
	struct wm_grant_spec g, again;
	char role[16], group[32];
	const char *slash;

	if (wm_grant_parse(s, &g) != NULL)
		return;
	FUZZ_CHECK(g.role >= WM_ROLE_PERSON && g.role <= WM_ROLE_ADMIN);
	FUZZ_CHECK(wm_code_problem(g.unit) == NULL);
	FUZZ_CHECK((g.role == WM_ROLE_VALIDATOR) ==
	    (g.group != WM_STAKEHOLDER_NONE));
	snprintf(role, sizeof(role), "%s", wm_role_name(g.role));
	slash = strchr(s, '/');
	snprintf(group, sizeof(group), "%s", slash ? slash + 1 : "");
	FUZZ_CHECK(wm_grant_check(role, g.unit, group, &again) == NULL);
	FUZZ_CHECK(again.role == g.role && again.group == g.group &&
	    strcmp(again.unit, g.unit) == 0);
}

static void
check_code(const char *s, const uint8_t *data, size_t size)
{
	unsigned char raw[WM_SETUP_CODE_BYTES] = { 0 };
	char plain[WM_SETUP_CODE_CHARS + 1], again[WM_SETUP_CODE_CHARS + 1];
	char code[WM_SETUP_CODE_LEN + 1];

	if (wm_setup_code_normalise(s, plain) == 0) {
		FUZZ_CHECK(strlen(plain) == WM_SETUP_CODE_CHARS);
		FUZZ_CHECK(strspn(plain, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ") ==
		    WM_SETUP_CODE_CHARS);
		FUZZ_CHECK(wm_setup_code_normalise(plain, again) == 0 &&
		    strcmp(plain, again) == 0);
	}
	memcpy(raw, data, size < sizeof(raw) ? size : sizeof(raw));
	wm_setup_code_format(raw, code);
	FUZZ_CHECK(strlen(code) == WM_SETUP_CODE_LEN);
	FUZZ_CHECK(wm_setup_code_normalise(code, plain) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (!(s = malloc(size + 1)))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_grant(s);
	check_code(s, data, size);
	free(s);
	return 0;
}
