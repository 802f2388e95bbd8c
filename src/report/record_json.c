/*
 * A person's record as JSON: each response with its answers, and each
 * goal review, for their download and the API.
 */
#include "report/record_json.h"

/* Answers, grouped into their responses as they arrive in order. */
int
wm_answers_json_row(void *ctx, const struct wm_answer_row *a)
{
	json_t *responses = ctx, *r = json_array_get(responses,
	    json_array_size(responses) - 1), *ans;

	if (!r || json_integer_value(json_object_get(r, "id")) !=
	    a->response_id) {
		r = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:[]}", "id",
		    (json_int_t)a->response_id, "instrument", a->url, "version",
		    a->version, "authored", a->authored, "answered_by",
		    a->respondent, "status", a->status, "answers");
		if (!r || json_array_append_new(responses, r))
			return -1;
	}
	ans = json_pack("{s:s}", "item", a->link_id);
	if (!ans)
		return -1;
	if (a->code)
		json_object_set_new(ans, "answer", json_string(a->display));
	if (a->code)
		json_object_set_new(ans, "code", json_string(a->code));
	if (a->has_value)
		json_object_set_new(ans, "value", json_real(a->value));
	if (a->text)
		json_object_set_new(ans, "text", json_string(a->text));
	return json_array_append_new(json_object_get(r, "answers"), ans) ?
	    -1 : 0;
}

int
wm_goal_review_json_row(void *ctx, const struct wm_goal_review_row *rv)
{
	json_t *o = json_pack("{s:s, s:i, s:s}", "reviewed", rv->reviewed,
	    "rating", rv->rating, "by", rv->author_kind);

	if (!o)
		return -1;
	json_object_set_new(o, "note", rv->note ? json_string(rv->note) :
	    json_null());
	return json_array_append_new(ctx, o) ? -1 : 0;
}
