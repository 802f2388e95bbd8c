/*
 * Fuzz target: what an administrator types into the admin pages and the
 * command line's `unit` and `person` commands. The input is split on
 * new lines into fields. The first three are read as the NHS date
 * input's day, month and year boxes (wm_date_from_parts): nothing is a
 * date only when every box is blank; a date it accepts is a real one
 * whose day and year are the boxes' digits (spaces around them aside)
 * and whose month is the box's number or begins its name.
 * The same fields are a new unit's kind, code and name
 * (wm_unit_add_problem) and a new person's identifier and name
 * (wm_person_add_problem): what either accepts passes each rule on its
 * own, and what it refuses is refused with a field and a message.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/network.h"
#include "util/date.h"

#include "fuzz.h"

#define FIELDS 3

/* The box's text without the spaces and tabs around it. */
static void
trim(const char *in, char out[256])
{
	size_t n;

	in += strspn(in, " \t");
	n = strlen(in);
	while (n && (in[n - 1] == ' ' || in[n - 1] == '\t'))
		n--;
	memcpy(out, in, n);
	out[n] = '\0';
}

static void
check_date(char f[FIELDS][256])
{
	char t[FIELDS][256];
	struct wm_date d;
	int rc = wm_date_from_parts(f[0], f[1], f[2], &d);
	size_t k;

	for (k = 0; k < FIELDS; k++)
		trim(f[k], t[k]);
	if (rc == 0)
		FUZZ_CHECK(!t[0][0] && !t[1][0] && !t[2][0]);
	if (rc <= 0)
		return;
	for (k = 0; k < 3; k += 2)
		FUZZ_CHECK(t[k][0] && strspn(t[k], "0123456789") ==
		    strlen(t[k]));
	FUZZ_CHECK(strtol(t[0], NULL, 10) == d.day);
	FUZZ_CHECK(strtol(t[2], NULL, 10) == d.year);
	if (strspn(t[1], "0123456789") == strlen(t[1]))
		FUZZ_CHECK(strtol(t[1], NULL, 10) == d.month);
	else
		FUZZ_CHECK(strlen(t[1]) >= 3 && strncasecmp(t[1],
		    wm_month_name(d.month), strlen(t[1])) == 0);
}

static void
check_rules(char f[FIELDS][256])
{
	struct wm_field_problem p = { 0 };
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
