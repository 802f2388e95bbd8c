/*
 * The kinds of the route table's path parameters (web/params.h).
 */
#include "web/params.h"

#include <stdlib.h>
#include <string.h>

#include "core/network.h"
#include "util/date.h"

enum kind {
	KIND_IDENT,		/* a person's identifier */
	KIND_CODE,		/* a unit's code */
	KIND_NUMBER,		/* a record's number: 1 to 10^18 - 1 */
	KIND_DATE,		/* YYYY-MM-DD, a real day */
	KIND_FILE,		/* a built-in asset: letters, digits, . - _ */
};

static const struct {
	const char *name;
	enum kind kind;
} kinds[] = {
	{ "person", KIND_IDENT },
	{ "code", KIND_CODE },
	{ "id", KIND_NUMBER },
	{ "invitation", KIND_NUMBER },
	{ "plan", KIND_NUMBER },
	{ "share", KIND_NUMBER },
	{ "version", KIND_NUMBER },
	{ "period", KIND_DATE },
	{ "file", KIND_FILE },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
kind_of(const char *name, size_t n, enum kind *out)
{
	size_t i;

	for (i = 0; i < NELEM(kinds); i++)
		if (strlen(kinds[i].name) == n &&
		    memcmp(kinds[i].name, name, n) == 0) {
			*out = kinds[i].kind;
			return 0;
		}
	return -1;
}

static int
number_ok(const char *v)
{
	size_t i, n = strlen(v);

	if (n == 0 || n > 18 || v[0] == '0')
		return 0;
	for (i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

static int
file_ok(const char *v)
{
	size_t i, n = strlen(v);

	if (n == 0 || n > 100 || v[0] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", v[i]))
			return 0;
	return 1;
}

static int
value_ok(enum kind k, const char *v)
{
	struct wm_date d;

	switch (k) {
	case KIND_IDENT:
		return wm_ident_problem(v) == NULL;
	case KIND_CODE:
		return wm_code_problem(v) == NULL;
	case KIND_NUMBER:
		return number_ok(v);
	case KIND_DATE:
		return strlen(v) == 10 && wm_date_parse(v, &d) == 0;
	case KIND_FILE:
		return file_ok(v);
	}
	return 0;
}

int
wm_params_check(const struct wm_route_match *m)
{
	enum kind k;
	size_t i;

	for (i = 0; i < m->n_params; i++)
		if (kind_of(m->params[i].name, strlen(m->params[i].name), &k) ||
		    !value_ok(k, m->params[i].value))
			return -1;
	return 0;
}

int
wm_params_declared(const char *pattern)
{
	const char *p = pattern, *open, *close;
	enum kind k;

	while ((open = strchr(p, '{'))) {
		if (!(close = strchr(open, '}')) ||
		    kind_of(open + 1, (size_t)(close - open - 1), &k))
			return 0;
		p = close + 1;
	}
	return 1;
}

int64_t
wm_route_number(const struct wm_route_match *m, const char *name)
{
	return wm_query_number(wm_route_param(m, name));
}

int64_t
wm_query_number(const char *v)
{
	return v && number_ok(v) ? (int64_t)strtoll(v, NULL, 10) : 0;
}

int
wm_query_declared(const char *declared, const char *name)
{
	size_t n = strlen(name);
	const char *p = declared;

	if (!p || n == 0)
		return 0;
	while ((p = strstr(p, name))) {
		if ((p == declared || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}
