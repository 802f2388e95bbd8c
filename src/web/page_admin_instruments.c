/*
 * The instruments, for the network's administrator: every version
 * loaded, with its source, copyright and licence as its file states
 * them, and loading a new file uploaded without JavaScript. A file is
 * checked exactly as `waymark instrument load` checks it
 * (wm_admin_instrument_check, with the same messages, wm_diag_say's)
 * and against what is loaded already (a trial load, undone); loading
 * cannot be undone, so the file is kept, and what it would load shown,
 * until the administrator confirms. What is loaded is then the file kept,
 * checked again, never a second upload.
 *
 *   GET  /admin/instruments
 *   POST /admin/instruments   file (multipart/form-data); or token and
 *                             confirm=yes, to load the file kept
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "web/admin.h"

static int
instrument_row(void *ctx, const struct wm_instrument_row *r)
{
	struct wm_http *h = ctx;
	const struct wm_instrument *in = wm_page_instrument(h, r->id);
	char when[64];

	HTML(h, "<tr class=\"nhsuk-table__row\">");
	wm_admin_td(h, "Title");
	wm_esc_html_s(&h->out, r->title);
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "Version");
	wm_esc_html_s(&h->out, r->version);
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "Address (URL)");
	wm_esc_html_s(&h->out, r->url);
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "Source, copyright and licence");
	/* The attribution travels with the instrument wherever it is shown. */
	if (in) {
		wm_esc_html_s(&h->out, in->purpose);
		HTML(h, " ");
		wm_esc_html_s(&h->out, in->copyright);
	}
	HTML(h, WM_ADMIN_TD_END);
	wm_admin_td(h, "Loaded");
	wm_datetime_words(r->loaded ? r->loaded : "", when, sizeof(when));
	wm_esc_html_s(&h->out, when);
	HTML(h, WM_ADMIN_TD_END "</tr>\n");
	return 0;
}

/* The upload form, with the problems of the file just sent. */
static void
upload_form(struct wm_http *h, const char *problem)
{
	HTML(h, "<h2 class=\"nhsuk-heading-m\" id=\"load\">Load an instrument"
	    "</h2>\n<p class=\"nhsuk-body\">An instrument is a FHIR "
	    "Questionnaire file (docs/instruments.md says how to write one). "
	    "It is checked as <code>waymark instrument load</code> checks it, "
	    "and you are shown what it would load before anything is "
	    "loaded.</p>\n");
	wm_form_open(h, "/admin/instruments", "multipart/form-data",
	    h->who.csrf);
	wm_form_group_start(h, "file", "Instrument file (JSON)", "At most "
	    "256 KB.", problem);
	HTML(h, "<input class=\"nhsuk-input\" type=\"file\" id=\"file\" "
	    "name=\"file\" accept=\".json,application/json\"");
	wm_described_by(h, "file", "At most 256 KB.", problem);
	HTML(h, ">\n</div>\n<button class=\"nhsuk-button\" type=\"submit\">"
	    "Check the file</button>\n</form>\n");
}

/* The list and the form; `d`, when given, the file's problems. */
static void
instruments_page(struct wm_http *h, const char *name,
    const struct wm_diags *d, const char *failed)
{
	static const char *const heads[] = { "Title", "Version",
	    "Address (URL)", "Source, copyright and licence", "Loaded" };
	struct wm_buf err = WM_BUF_INIT, one = WM_BUF_INIT;
	char msg[256];
	size_t i;

	wm_admin_page_start(h, "Instruments");
	if ((d && d->n) || failed) {
		wm_error_summary_start(h);
		/* Each in exactly the command line's words. */
		for (i = 0; d && i <= d->n; i++) {
			wm_buf_clear(&one);
			wm_diag_say(&one, name, d, i);
			if (one.len)
				wm_error_summary_item(h, "file",
				    wm_buf_str(&one));
		}
		if (failed)
			wm_error_summary_item(h, "file", failed);
		wm_error_summary_end(h);
	}
	HTML(h, "<p class=\"nhsuk-body\">Every measure, self-assessment and "
	    "reflection is an instrument file. Each version loaded stays, so "
	    "that answers to it keep their meaning.</p>\n");
	wm_table_start(h, "Instruments loaded", 0, heads, sizeof(heads) /
	    sizeof(heads[0]));
	if (wm_page_store_ok(h, wm_store_instrument_list(h->store,
	    instrument_row, h, &err), &err)) {
		HTML(h, "</tbody>\n</table>\n");
		upload_form(h, (d && d->n) || failed ? wm_admin_say("The file "
		    "cannot be loaded: see the problems above", msg,
		    sizeof(msg)) : NULL);
	}
	wm_page_end(h);
	wm_buf_release(&one);
	wm_buf_release(&err);
}

void
wm_page_admin_instruments(struct wm_http *h)
{
	instruments_page(h, NULL, NULL, NULL);
}

/* What the file would load, and the question. */
static void
confirm_page(struct wm_http *h, const struct wm_instrument *in,
    const char *token)
{
	struct wm_buf title = WM_BUF_INIT;

	wm_buf_printf(&title, "Load %s, version %s?", in->title, in->version);
	wm_page_start_back(h, wm_buf_str(&title), "/admin/instruments",
	    "Back to instruments");
	HTML(h, "<dl class=\"nhsuk-summary-list\">\n");
	wm_buf_clear(&title);
	wm_buf_printf(&title, "%zu items, %zu scales", in->n_items,
	    in->n_scales);
	{
		const char *rows[][2] = { { "Title", in->title },
		    { "Version", in->version }, { "Address (URL)", in->url },
		    { "Items", wm_buf_str(&title) },
		    { "Source", in->purpose },
		    { "Copyright and licence", in->copyright } };
		size_t i;

		for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			HTML(h, "<div class=\"nhsuk-summary-list__row\">\n<dt "
			    "class=\"nhsuk-summary-list__key\">");
			wm_esc_html_s(&h->out, rows[i][0]);
			HTML(h, "</dt>\n<dd class=\"nhsuk-summary-list__value\">");
			wm_esc_html_s(&h->out, rows[i][1] ? rows[i][1] : "");
			HTML(h, "</dd>\n</div>\n");
		}
	}
	HTML(h, "</dl>\n<p class=\"nhsuk-body\">Loading cannot be undone: an "
	    "instrument once loaded stays, so that answers to it keep their "
	    "meaning.</p>\n");
	wm_post_form_start(h, "/admin/instruments");
	HTML(h, "<input type=\"hidden\" name=\"token\" value=\"");
	wm_esc_attr_s(&h->out, token);
	HTML(h, "\">\n<input type=\"hidden\" name=\"confirm\" value=\"yes\">\n"
	    "<div class=\"nhsuk-button-group\">\n<button class=\"nhsuk-button "
	    "nhsuk-button--warning\" type=\"submit\">Yes, load it</button>\n"
	    "<a class=\"nhsuk-link\" href=\"/admin/instruments\">No, go back"
	    "</a>\n</div>\n</form>\n");
	wm_page_end(h);
	wm_buf_release(&title);
}

/* Loads the checked file `in`, or (check_only) only finds whether it
 * would load: 0, or -1 with the refusal or failure answered. The store's
 * checks of what is loaded already (the same version with different
 * content) are made both times, so the question is asked only of a file
 * that will load. */
static int
load_or_refuse(struct wm_http *h, const char *name, const char *text,
    size_t len, const struct wm_instrument *in, int check_only)
{
	struct wm_admin_file f = { name, text, len, in, 0 };
	struct wm_buf err = WM_BUF_INIT;
	struct wm_admin_by by;
	struct wm_date today;
	int rc;

	wm_admin_by(h, &today, &by);
	by.check_only = check_only;
	rc = wm_admin_instruments_load(h->store, &by, &f, 1, &err);
	if (rc == WM_STORE_CONFLICT) {
		/* As `waymark instrument load` says it. */
		wm_buf_puts(&err, "; nothing was loaded");
		h->status = 400;
		instruments_page(h, name, NULL, wm_buf_str(&err));
	} else
		(void)wm_page_store_ok(h, rc, &err);
	wm_buf_release(&err);
	return rc ? -1 : 0;
}

/* A file sent: checked, then kept while the administrator confirms. */
static void
checked(struct wm_http *h)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	struct wm_buf err = WM_BUF_INIT;
	char token[WM_TOKEN_LEN + 1];
	const char *text, *name = NULL;
	size_t len = 0;

	text = wm_form_file(&h->form, "file", &len, &name);
	if (!name || !name[0])
		name = "the file";
	if (!text || len == 0) {
		h->status = 400;
		instruments_page(h, name, NULL, "Choose an instrument file to "
		    "load");
	} else if (wm_admin_instrument_check(text, len, &in, &d)) {
		h->status = 400;
		instruments_page(h, name, &d, NULL);
	} else if (load_or_refuse(h, name, text, len, in, 1) == 0 &&
	    wm_page_store_ok(h, wm_store_upload_keep(h->store,
	    h->who.account_id, name, text, len, token, &err), &err))
		confirm_page(h, in, token);
	wm_instrument_free(in);
	wm_diags_release(&d);
	wm_buf_release(&err);
}

/* The file kept under the form's token, checked again and loaded. */
static void
load(struct wm_http *h, const char *token)
{
	struct wm_buf name = WM_BUF_INIT, text = WM_BUF_INIT,
	    err = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	int rc;

	wm_buf_init(&text, WM_FORM_MAX_FILE + 1);
	rc = wm_store_upload_get(h->store, h->who.account_id, token, &name,
	    &text, &err);
	if (rc == WM_STORE_NOT_FOUND) {
		wm_page_error_on(h, 400, "That file is no longer kept", "A file "
		    "is kept for an hour while you decide. Choose it again to "
		    "load it.", NULL, "/admin/instruments",
		    "Back to instruments");
		goto out;
	}
	if (!wm_page_store_ok(h, rc, &err))
		goto out;
	if (wm_admin_instrument_check(text.data, text.len, &in, &d)) {
		h->status = 400;
		instruments_page(h, wm_buf_str(&name), &d, NULL);
		goto out;
	}
	if (load_or_refuse(h, wm_buf_str(&name), text.data, text.len, in,
	    0) == 0 && wm_page_store_ok(h, wm_store_upload_drop(h->store,
	    token, &err), &err))
		wm_http_redirect(h, "/admin/instruments");
out:
	wm_instrument_free(in);
	wm_diags_release(&d);
	wm_buf_release(&name);
	wm_buf_release(&text);
	wm_buf_release(&err);
}

void
wm_page_admin_instrument_load(struct wm_http *h)
{
	const char *token = wm_form_get(&h->form, "token");
	const char *confirm = wm_form_get(&h->form, "confirm");

	if (token && confirm && strcmp(confirm, "yes") == 0)
		load(h, token);
	else
		checked(h);
}
