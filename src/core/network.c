#include "core/network.h"

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
	return chars_problem(s, "-_.", 0, "an identifier is 1 to 64 letters, "
	    "digits, '-', '_' or '.'");
}

const char *
wm_name_problem(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return "a name cannot be empty";
	if (n > 200)
		return "a name is at most 200 characters";
	switch (wm_text_check(s, 0)) {
	case WM_TEXT_BAD_UTF8:
		return "a name must be valid UTF-8 text";
	case WM_TEXT_CONTROL:
		return "a name cannot contain control characters";
	case WM_TEXT_OK:
		break;
	}
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
wm_unit_close_problem(enum wm_unit_kind kind, long open_children)
{
	if (kind == WM_UNIT_NETWORK)
		return "the network itself cannot be closed";
	if (open_children > 0)
		return "close the provider's services first";
	return NULL;
}
