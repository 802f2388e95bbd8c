/*
 * waymark respond: records one FHIR QuestionnaireResponse. Every answer is
 * checked against the instrument version it names; the response, its
 * answers, its scores and an audit entry are saved together or not at all.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int cmd_respond(const struct cli_cmd *cmd, int argc, char **argv);

static int
resolve_ref(struct wm_store *s, const struct wm_ref *ref, int64_t *id,
    struct wm_buf *err)
{
	struct wm_unit_row u;
	int rc;

	switch (ref->kind) {
	case WM_SUBJECT_PERSON:
		return wm_store_person_find(s, ref->id, id, err);
	case WM_SUBJECT_STAFF:
		return wm_store_account_find(s, ref->id, id, err);
	case WM_SUBJECT_SERVICE:
		if ((rc = wm_store_unit_find(s, ref->id, &u, err)))
			return rc;
		if (strcmp(u.kind, "service") != 0) {
			wm_buf_clear(err);
			wm_buf_printf(err, "'%s' is a %s, not a service",
			    ref->id, u.kind);
			return WM_STORE_NOT_FOUND;
		}
		*id = u.id;
		return 0;
	}
	return WM_STORE_NOT_FOUND;
}

static void
print_scores(const struct wm_response *r)
{
	size_t i;

	for (i = 0; i < r->in->n_scales; i++) {
		const struct wm_scale *sc = &r->in->scales[i];
		const struct wm_score *v = &r->scores[i];

		if (r->status != WM_STATUS_COMPLETED)
			printf("  %s: not scored until the response is "
			    "completed\n", sc->code);
		else if (v->has_value)
			printf("  %s: %.2f (%u of %u answered)\n", sc->code,
			    v->value, v->answered, v->items);
		else
			printf("  %s: no score (%u of %u answered; needs %d%%)\n",
			    sc->code, v->answered, v->items,
			    sc->min_answered_percent);
	}
}

/* Records the response; a lead's or a validator's standards ratings are
 * filed into the self-assessment of the period they were given in, as
 * core decides: a lead's as its next version, a validator's as their
 * validation, which needs a submitted self-assessment to validate. */
static int
record(struct wm_store *s, const struct wm_response *r,
    struct wm_response_ids *ids, int64_t *id, struct wm_buf *err)
{
	const struct wm_recorder by = { 0, NULL,
	    "response recorded (command line)", 0 };
	struct wm_import imp;
	struct wm_record job;

	int rc = wm_store_import_job(s, r, ids, &by, &imp, &job, err);

	return rc ? rc : wm_store_record(s, &job, id, err);
}

static int
save(struct wm_store *s, struct wm_response *r, const char *file,
    int64_t instrument_id)
{
	struct wm_response_ids ids = { .instrument_id = instrument_id };
	struct wm_buf err = WM_BUF_INIT;
	int64_t id;
	int rc = CLI_FAIL;

	if (resolve_ref(s, &r->subject, &ids.subject_id, &err)) {
		cli_error("%s: subject: %s", file, wm_buf_str(&err));
		goto out;
	}
	if (r->author.id && resolve_ref(s, &r->author, &ids.author_id, &err)) {
		cli_error("%s: author: %s", file, wm_buf_str(&err));
		goto out;
	}
	if (r->unit) {
		struct wm_ref u = { WM_SUBJECT_SERVICE, r->unit };

		if (resolve_ref(s, &u, &ids.unit_id, &err)) {
			cli_error("%s: unit: %s", file, wm_buf_str(&err));
			goto out;
		}
	}
	if (record(s, r, &ids, &id, &err)) {
		cli_error("%s: %s", file, wm_buf_str(&err));
		goto out;
	}
	printf("saved response %lld (%s, %s)\n", (long long)id, r->in->title,
	    wm_response_status_name(r->status));
	print_scores(r);
	rc = CLI_OK;
out:
	wm_buf_release(&err);
	return rc;
}

int
cmd_respond(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL;
	const struct cli_opt opts[] = { CLI_OPT_DB(db), { 0 } };
	struct wm_buf text = WM_BUF_INIT;
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_store *s = NULL;
	struct wm_response *r = NULL;
	struct wm_instrument *in = NULL;
	struct wm_date today;
	char *pos[1];
	size_t n;
	int64_t inst_id;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 1, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_usage(cmd, opts, 1);
		return CLI_USAGE;
	}
	if (!(db = cli_db(db)))
		return CLI_USAGE;
	rc = CLI_FAIL;
	if (cli_read_file(pos[0], WM_RESPONSE_MAX_BYTES, &text))
		goto out;
	if (wm_response_parse(text.data, text.len, &r, &d))
		goto bad;
	if (cli_open(db, 0, &s) ||
	    cli_load_instrument(s, r->url, r->version, &inst_id, &in))
		goto not_saved;
	cli_today(&today);
	if (in->kind != WM_KIND_MEASURE) {
		wm_diags_add(&d, 0, 0, "field questionnaire", "%s is a plan "
		    "template: a plan is the person's own, written in Waymark "
		    "by them, not loaded as a response", in->title);
		goto bad;
	}
	if (wm_response_bind(r, in, &today, &d))
		goto bad;
	rc = save(s, r, pos[0], inst_id);
	if (rc == CLI_OK)
		goto out;
	goto not_saved;
bad:
	cli_print_diags(pos[0], &d);
not_saved:
	cli_error("the response was not saved");
out:
	wm_response_free(r);
	wm_instrument_free(in);
	wm_store_close(s);
	wm_diags_release(&d);
	wm_buf_release(&text);
	return rc;
}
