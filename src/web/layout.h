/*
 * The page frame every HTML page shares: the document head, a skip link,
 * the header (with sign-out when signed in), main and footer; and the
 * error-summary pattern. Writes into the request's response buffer.
 */
#ifndef WM_WEB_LAYOUT_H
#define WM_WEB_LAYOUT_H

#include "web/http.h"

void wm_page_start(struct wm_http *h, const char *title);
/* The same with the design system's back link above the heading (a path
 * on this site, and its words, e.g. "Back to the caseload"). */
void wm_page_start_back(struct wm_http *h, const char *title,
    const char *back_href, const char *back_text);
void wm_page_end(struct wm_http *h);

/* A cell of a responsive table (class nhsuk-table-responsive: at narrow
 * widths each row becomes a stack, each value under its column's
 * heading), with that heading; the value that follows is closed with
 * "</span></td>". */
void wm_td_start(struct wm_http *h, const char *heading);

/* "There is a problem" with one linked message per field (may be NULL). */
void wm_error_summary(struct wm_http *h, const char *field_id,
    const char *message);

/* The same with many messages: start, one item per message, end. */
void wm_error_summary_start(struct wm_http *h);
void wm_error_summary_item(struct wm_http *h, const char *field_id,
    const char *message);
void wm_error_summary_end(struct wm_http *h);

/* Opens a design-system form group for the field `id`: its label, a
 * hint (may be NULL; id "ID-hint") and, when `problem` is set, the group
 * marked in error with the message read out first. The caller writes
 * the input and closes the group's </div>. */
void wm_form_group_start(struct wm_http *h, const char *id,
    const char *label, const char *hint, const char *problem);
/* The hint (id "ID-hint") and the problem (id "ID-error") of the field
 * `id`, each when it is not NULL: for a group the caller opens itself (a
 * fieldset). */
void wm_field_notes(struct wm_http *h, const char *id, const char *hint,
    const char *problem);
/* The aria-describedby attribute (with its leading space) naming those
 * of them there are; nothing when neither is. */
void wm_described_by(struct wm_http *h, const char *id, const char *hint,
    const char *problem);

/* A problem with one field of a form: the field's id and the message. */
struct wm_field_error {
	const char *field_id;	/* NULL: the form as a whole */
	const char *message;	/* NULL: the field is fine */
};

/* The same summary for several fields; those without a message are
 * skipped. */
void wm_error_summary_list(struct wm_http *h,
    const struct wm_field_error *e, size_t n);

/* A table that stacks into labelled rows on a phone (the design
 * system's responsive table): its caption (hidden but for screen
 * readers when `caption_hidden`, where a heading already says it), its
 * column headings, and the opening of its body; the rows and
 * "</tbody></table>" are the caller's. */
void wm_table_start(struct wm_http *h, const char *caption,
    int caption_hidden, const char *const heads[], size_t n);

/* A form's opening tag, posting to `action` (as multipart `enctype`
 * when not NULL) without the browser's own checks, whose messages would
 * not be the design system's, and the hidden token `csrf` every post
 * carries (web/csrf). */
void wm_form_open(struct wm_http *h, const char *action, const char *enctype,
    const char *csrf);
/* The same for someone signed in, with their session's token. */
void wm_post_form_start(struct wm_http *h, const char *action);

/* An <option> of a select, selected when `chosen` is its value. */
void wm_option(struct wm_http *h, const char *value, const char *words,
    const char *chosen);

/* A whole page that only says what went wrong, with its status, and a
 * way on from it: to the start. */
void wm_page_error(struct wm_http *h, int status, const char *title,
    const char *message);
/* The same with another way on: the link `way_href`, in words
 * `way_words`. An API request gets `message`, naming `field` if given. */
void wm_page_error_on(struct wm_http *h, int status, const char *title,
    const char *message, const char *field, const char *way_href,
    const char *way_words);

/* The 404 every refusal reads as, exactly as if nothing were there. */
void wm_page_not_found(struct wm_http *h);
/* Not signed in: the sign-in page, or the API's 401. */
void wm_page_sign_in_first(struct wm_http *h);

#endif
