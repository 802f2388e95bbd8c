/*
 * JSON replies and strict reading of JSON bodies for the API. Every
 * refusal names the member at fault; nothing here writes HTML.
 */
#include "web/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fhir_json.h"
#include "util/text.h"

int
wm_api_request(const struct wm_http *h)
{
	return h->path && strncmp(h->path, "/api/", 5) == 0;
}

void
wm_api_reply(struct wm_http *h, int status, json_t *body)
{
	char *text;

	if (h->failed) {
		/* The store's failure is the answer. */
		json_decref(body);
		return;
	}
	text = body ? json_dumps(body, JSON_INDENT(1) |
	    JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER) : NULL;
	wm_http_clear_body(h);
	h->content_type = "application/json; charset=utf-8";
	if (!text) {
		h->status = 500;
		wm_buf_puts(&h->out, "{\"error\": {\"status\": 500, "
		    "\"message\": \"the reply could not be written\"}}\n");
	} else {
		h->status = status;
		wm_buf_puts(&h->out, text);
		wm_buf_putc(&h->out, '\n');
	}
	free(text);
	json_decref(body);
}

void
wm_api_reply_stored(struct wm_http *h, int status, const char *text,
    size_t len, const char *content_type)
{
	if (h->failed)
		return;
	wm_http_clear_body(h);
	h->status = status;
	h->content_type = content_type;
	wm_buf_add(&h->out, text, len);
	wm_buf_putc(&h->out, '\n');
}

void
wm_api_no_content(struct wm_http *h)
{
	if (h->failed)
		return;
	wm_http_clear_body(h);
	h->status = 204;
	h->content_type = NULL;
}

/* A copy of s up to its first byte that is not valid UTF-8: messages
 * quote outside text, cut to a length that may split a character. */
static json_t *
utf8_string(const char *s)
{
	char buf[512];
	size_t n = 0, k;

	while (s[n] && n < sizeof(buf) - 4 &&
	    (k = wm_utf8_len((const unsigned char *)s + n)) > 0)
		n += k;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return json_string(buf);
}

void
wm_api_error(struct wm_http *h, int status, const char *message,
    const char *field)
{
	json_t *e = json_pack("{s:i, s:o}", "status", status, "message",
	    utf8_string(message));

	if (e && field)
		json_object_set_new(e, "field", utf8_string(field));
	h->location[0] = '\0';
	wm_api_reply(h, status, e ? json_pack("{s:o}", "error", e) : NULL);
}

void
wm_api_refuse(struct wm_http *h, const struct wm_diags *d)
{
	const struct wm_diag *g = d->n ? &d->v[0] : NULL;
	char msg[400];
	const char *field = NULL;

	if (!g) {
		wm_api_error(h, 400, "the request could not be read", NULL);
		return;
	}
	/* "field subject" names the member "subject"; "item hopeful" and
	 * "extension respondent" are named as they are. */
	if (g->where)
		field = strncmp(g->where, "field ", 6) == 0 ? g->where + 6 :
		    g->where;
	if (g->line)
		snprintf(msg, sizeof(msg), "line %d, column %d: %s", g->line,
		    g->column, g->message);
	else if (g->where)
		snprintf(msg, sizeof(msg), "%s: %s", g->where, g->message);
	else
		snprintf(msg, sizeof(msg), "%s", g->message);
	wm_api_error(h, 400, msg, field);
}

json_t *
wm_api_body(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	json_t *o = wm_fhir_json_load(h->body ? h->body : "", h->body_len,
	    WM_API_MAX_BODY, &d);

	if (!o)
		wm_api_refuse(h, &d);
	wm_diags_release(&d);
	return o;
}

int
wm_api_string(struct wm_http *h, json_t *o, const char *name, int required,
    const char **out)
{
	json_t *v = json_object_get(o, name);
	char msg[120];

	*out = NULL;
	if (!v && !required)
		return 0;
	if (!json_is_string(v)) {
		snprintf(msg, sizeof(msg), "%s must be %s", name, v ?
		    "a string" : "given");
		wm_api_error(h, 400, msg, name);
		return -1;
	}
	/* Text goes into a health record: valid UTF-8 without control
	 * characters (new lines and tabs allowed), no NUL inside. */
	if (strlen(json_string_value(v)) != json_string_length(v) ||
	    wm_text_check(json_string_value(v), 1) != WM_TEXT_OK) {
		snprintf(msg, sizeof(msg), "%s contains control characters",
		    name);
		wm_api_error(h, 400, msg, name);
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

int
wm_api_integer(struct wm_http *h, json_t *o, const char *name,
    long long *out)
{
	json_t *v = json_object_get(o, name);
	char msg[120];

	if (!json_is_integer(v)) {
		snprintf(msg, sizeof(msg), "%s must be a whole number", name);
		wm_api_error(h, 400, msg, name);
		return -1;
	}
	*out = (long long)json_integer_value(v);
	return 0;
}
