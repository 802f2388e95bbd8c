#include "core/network.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

static const char *const kinds[] = {
	[WM_UNIT_NETWORK] = "network",
	[WM_UNIT_PROVIDER] = "provider",
	[WM_UNIT_SERVICE] = "service",
};

/* Each role's code, as grants spell it, and its name in words. */
static const struct {
	const char *code, *words;
} roles[] = {
	[WM_ROLE_PERSON] = { "person", "Person using services" },
	[WM_ROLE_PRACTITIONER] = { "practitioner", "Practitioner" },
	[WM_ROLE_LEAD] = { "lead", "Service lead" },
	[WM_ROLE_VALIDATOR] = { "validator", "Validator" },
	[WM_ROLE_COMMISSIONER] = { "commissioner", "Commissioner" },
	[WM_ROLE_ADMIN] = { "admin", "Administrator" },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

int
wm_unit_kind_parse(const char *s, enum wm_unit_kind *out)
{
	size_t i;

	for (i = 0; i < NELEM(kinds); i++)
		if (strcmp(kinds[i], s) == 0) {
			*out = (enum wm_unit_kind)i;
			return 0;
		}
	return -1;
}

const char *
wm_unit_kind_name(enum wm_unit_kind k)
{
	return (size_t)k < NELEM(kinds) ? kinds[k] : "unknown";
}

const char *
wm_unit_parent_problem(enum wm_unit_kind kind, int has_parent,
    enum wm_unit_kind parent)
{
	switch (kind) {
	case WM_UNIT_NETWORK:
		return has_parent ? "a network is the top of the tree and "
		    "has no parent" : NULL;
	case WM_UNIT_PROVIDER:
		if (!has_parent || parent != WM_UNIT_NETWORK)
			return "a provider must belong to a network";
		return NULL;
	case WM_UNIT_SERVICE:
		if (!has_parent || parent != WM_UNIT_PROVIDER)
			return "a service must belong to a provider";
		return NULL;
	}
	return "unknown kind of unit";
}

static const char *
chars_problem(const char *s, const char *allowed_extra, int lower_only,
    const char *why)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 64)
		return why;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (!lower_only && c >= 'A' && c <= 'Z') ||
		    strchr(allowed_extra, c))
			continue;
		return why;
	}
	return NULL;
}

const char *
wm_code_problem(const char *s)
{
	return chars_problem(s, "-", 1, "a code is 1 to 64 lower-case "
	    "letters, digits and '-'");
}

const char *
wm_ident_problem(const char *s)
{
	const char *why = chars_problem(s, "-_.", 0, "an identifier is 1 to "
	    "64 letters, digits, '-', '_' or '.'");

	/* Every other identifier is a path segment as it is. */
	if (!why && (strcmp(s, ".") == 0 || strcmp(s, "..") == 0))
		return "an identifier cannot be '.' or '..': a link to the "
		    "person's page could not name them";
	return why;
}

/* The code point of the valid UTF-8 sequence of `len` bytes at s. */
static unsigned long
code_point(const unsigned char *s, size_t len)
{
	static const unsigned char lead_bits[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	unsigned long c = s[0] & lead_bits[len];
	size_t i;

	for (i = 1; i < len; i++)
		c = c << 6 | (s[i] & 0x3fu);
	return c;
}

/* Whether a character shows as blank space: the space, the no-break
 * space and the other spaces of Unicode's Zs class. */
static int
is_space(unsigned long c)
{
	return c == 0x20 || c == 0xa0 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f ||
	    c == 0x3000;
}

/* Whether valid UTF-8 text is nothing but spaces, which would show as
 * an empty heading or a link with no words. */
static int
only_spaces(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len;

	for (; *u; u += len) {
		len = wm_utf8_len(u);
		if (!is_space(code_point(u, len)))
			return 0;
	}
	return 1;
}

const char *
wm_name_problem(const char *s)
{
	if (s[0] == '\0')
		return "a name cannot be empty";
	switch (wm_text_check(s, 0)) {
	case WM_TEXT_BAD_UTF8:
		return "a name must be valid UTF-8 text";
	case WM_TEXT_CONTROL:
		return "a name cannot contain control characters";
	case WM_TEXT_OK:
		break;
	}
	/* Characters, as people count them: "Zoë" is three. */
	if (wm_utf8_chars(s) > 200)
		return "a name is at most 200 characters";
	if (only_spaces(s))
		return "a name cannot be only spaces";
	return NULL;
}

const char *
wm_email_problem(const char *s)
{
	const char *at = strchr(s, '@');
	size_t n = strlen(s), i;

	if (n < 3 || n > 254 || !at || at == s || at[1] == '\0' ||
	    strchr(at + 1, '@'))
		return "an email address looks like name@example.org";
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f)
			return "an email address cannot contain spaces or "
			    "control characters";
	return NULL;
}

int
wm_role_parse(const char *s, enum wm_role *out)
{
	size_t i;

	for (i = 0; i < NELEM(roles); i++)
		if (strcmp(roles[i].code, s) == 0) {
			*out = (enum wm_role)i;
			return 0;
		}
	return -1;
}

const char *
wm_role_name(enum wm_role r)
{
	return (size_t)r < NELEM(roles) ? roles[r].code : "unknown";
}

const char *
wm_role_words(enum wm_role r)
{
	return (size_t)r < NELEM(roles) ? roles[r].words : "Someone";
}

int
wm_field_problem_set(struct wm_field_problem *p, const char *field,
    const char *message)
{
	if (!message)
		return 0;
	p->field = field;
	p->message = message;
	return -1;
}

int
wm_field_problem_say(struct wm_field_problem *p, const char *field,
    const char *words)
{
	size_t n = strlen(words);

	if (n >= sizeof(p->text))
		n = sizeof(p->text) - 1;
	memcpy(p->text, words, n);
	p->text[n] = '\0';
	return wm_field_problem_set(p, field, p->text);
}

int
wm_unit_add_problem(const char *kind, const char *code, const char *name,
    struct wm_field_problem *p)
{
	enum wm_unit_kind k;

	return wm_field_problem_set(p, "kind", wm_unit_kind_parse(kind,
	    &k) ? "a unit is a network, a provider or a service" : NULL) ||
	    wm_field_problem_set(p, "code", wm_code_problem(code)) ||
	    wm_field_problem_set(p, "name", wm_name_problem(name)) ? -1 : 0;
}

int
wm_person_add_problem(const char *ident, const char *name,
    struct wm_field_problem *p)
{
	return wm_field_problem_set(p, "id", wm_ident_problem(ident)) ||
	    wm_field_problem_set(p, "name", wm_name_problem(name)) ? -1 : 0;
}

const char *
wm_join_date_problem(const struct wm_date *d, const struct wm_date *today)
{
	return wm_date_cmp(d, today) > 0 ? "the date is in the future" : NULL;
}

const char *
wm_leave_date_problem(const struct wm_date *d, const struct wm_date *since,
    const struct wm_date *today)
{
	if (wm_date_cmp(d, today) > 0)
		return "the date is in the future";
	if (wm_date_cmp(d, since) < 0)
		return "the date is before they joined that service";
	return NULL;
}

const char *
wm_caseload_unit_problem(enum wm_unit_kind kind, const char *closed)
{
	if (kind != WM_UNIT_SERVICE)
		return "people join a service's caseload, not a provider's "
		    "or a network's";
	if (closed)
		return "the service is closed and takes no one new";
	return NULL;
}

const char *
wm_caseload_count_problem(size_t open)
{
	return open >= WM_CASELOADS_MAX ? "the person is on 16 services' "
	    "caseloads already, the most one person can be on at once: "
	    "discharge them from one first" : NULL;
}

/* The day in words, "6 December 2026". */
static void
day_words(const struct wm_date *d, char out[40])
{
	char iso[11];

	wm_date_format(d, iso);
	wm_date_words(iso, out, 40);
}

/*
 * A spell runs from its first day up to, not including, the day it
 * ended (the day someone moves is their first on the new service), so
 * two spells share a day when each starts before the other ends. Two
 * that start on the same day always clash, even one that ended the day
 * it began: the store keeps one spell a service a day.
 */
const char *
wm_spell_overlap_problem(const struct wm_spell *next,
    const struct wm_spell *had, char *out, size_t n)
{
	char since[40], until[40], from[40];
	int starts_before_end = had->open ||
	    wm_date_cmp(&next->since, &had->until) < 0;
	int ends_after_start = next->open ||
	    wm_date_cmp(&next->until, &had->since) > 0;

	if (wm_date_cmp(&next->since, &had->since) != 0 &&
	    !(starts_before_end && ends_after_start))
		return NULL;
	day_words(&had->since, since);
	day_words(&next->since, from);
	if (had->open)
		snprintf(out, n, "they have been on that service's caseload "
		    "since %s: a time on it from %s would count them twice",
		    since, from);
	else {
		day_words(&had->until, until);
		snprintf(out, n, "they were on that service's caseload from "
		    "%s to %s: a time on it from %s would overlap that and "
		    "count them twice; choose a day from %s on", since, until,
		    from, until);
	}
	return out;
}

const char *
wm_unit_close_problem(enum wm_unit_kind kind, long open_children)
{
	if (kind == WM_UNIT_NETWORK)
		return "the network itself cannot be closed";
	if (open_children > 0)
		return "close the provider's services first";
	return NULL;
}
