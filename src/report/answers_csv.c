#include "report/answers_csv.h"

#include "util/escape.h"

static const char *const header[] = {
	"response_id", "instrument", "version", "subject_kind", "subject",
	"unit", "respondent", "stakeholder", "status", "authored", "item",
	"code", "display", "value", "text", "question",
};

int
wm_answers_csv_header(struct wm_buf *b)
{
	size_t i, n = sizeof(header) / sizeof(header[0]);

	for (i = 0; i < n; i++) {
		wm_esc_csv_s(b, header[i]);
		wm_buf_puts(b, i + 1 < n ? "," : "\r\n");
	}
	return b->failed ? -1 : 0;
}

static void
cell(struct wm_buf *b, const char *s, int last)
{
	wm_esc_csv_s(b, s ? s : "");
	wm_buf_puts(b, last ? "\r\n" : ",");
}

int
wm_answers_csv_row(struct wm_buf *b, const struct wm_answer_row *a)
{
	wm_buf_printf(b, "%lld,", (long long)a->response_id);
	cell(b, a->url, 0);
	cell(b, a->version, 0);
	cell(b, a->subject_kind, 0);
	cell(b, a->subject, 0);
	cell(b, a->unit_code, 0);
	cell(b, a->respondent, 0);
	cell(b, a->stakeholder, 0);
	cell(b, a->status, 0);
	cell(b, a->authored, 0);
	cell(b, a->link_id, 0);
	cell(b, a->code, 0);
	cell(b, a->display, 0);
	if (a->has_value)
		wm_csv_number(b, a->value,
		    a->value == (double)(long)a->value ? 0 : 2);
	wm_buf_puts(b, ",");
	cell(b, a->text, 0);
	/* Last, so that every column before it stays where it was. */
	cell(b, a->question, 1);
	return b->failed ? -1 : 0;
}
