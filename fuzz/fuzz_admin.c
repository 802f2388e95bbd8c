/*
 * Fuzz target: what an administrator types into the admin pages and the
 * command line's `unit` and `person` commands. The input is split on
 * new lines into fields. The first three are read as the NHS date
 * input's day, month and year boxes (wm_date_from_parts): a date it
 * accepts is a real one, typed in digits, whose numbers are the boxes'.
 * The same fields are a new unit's kind, code and name
 * (wm_unit_add_problem) and a new person's identifier and name
 * (wm_person_add_problem): what either accepts passes each rule on its
 * own, and what it refuses is refused with a field and a message.
 */
#include <string.h>

#include "core/network.h"
#include "util/date.h"

#include "fuzz.h"

#define FIELDS 3

static void
check_date(char f[FIELDS][256])
{
	struct wm_date d;
	int rc = wm_date_from_parts(f[0], f[1], f[2], &d);
	size_t k;

	if (rc == 0)
		FUZZ_CHECK(!f[0][0] && !f[1][0] && !f[2][0]);
	if (rc <= 0)
		return;
	for (k = 0; k < 3; k++)
		FUZZ_CHECK(f[k][0] && strspn(f[k], "0123456789") ==
		    strlen(f[k]));
	FUZZ_CHECK(strtol(f[0], NULL, 10) == d.day);
	FUZZ_CHECK(strtol(f[1], NULL, 10) == d.month);
	FUZZ_CHECK(strtol(f[2], NULL, 10) == d.year);
}

static void
check_rules(char f[FIELDS][256])
{
	struct wm_field_problem p = { NULL, NULL };
	enum wm_unit_kind k;

	if (wm_unit_add_problem(f[0], f[1], f[2], &p) == 0) {
		FUZZ_CHECK(wm_unit_kind_parse(f[0], &k) == 0);
		FUZZ_CHECK(!wm_code_problem(f[1]) && !wm_name_problem(f[2]));
	} else
		FUZZ_CHECK(p.field && p.message);
	p.field = p.message = NULL;
	if (wm_person_add_problem(f[0], f[1], &p) == 0)
		FUZZ_CHECK(!wm_ident_problem(f[0]) && !wm_name_problem(f[1]));
	else
		FUZZ_CHECK(p.field && p.message);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char f[FIELDS][256];
	size_t i = 0, k, n;

	for (k = 0; k < FIELDS; k++) {
		for (n = 0; i < size && data[i] != '\n'; i++)
			if (n < sizeof(f[k]) - 1 && data[i])
				f[k][n++] = (char)data[i];
		f[k][n] = '\0';
		if (i < size)
			i++;
	}
	check_date(f);
	check_rules(f);
	return 0;
}
