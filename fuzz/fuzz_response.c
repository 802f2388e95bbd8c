/*
 * Fuzz target: the QuestionnaireResponse reader, both steps. Every input
 * goes through wm_response_parse(); one that parses is bound, with a fixed
 * "today", to the instrument its questionnaire names when that is one of
 * ours (so answers are checked and scored), or else to the DREEM recovery
 * markers (so the mismatch path runs too).
 *
 * The instruments are read once, at start: instruments/dreem-recovery-
 * markers.json, and fuzz/all-item-types.json, which has one item of every
 * type the loader supports (the real instruments only use choice and
 * text). They are never freed: they live as long as the process.
 */
#include <string.h>

#include "core/instrument.h"
#include "core/response.h"
#include "util/date.h"
#include "util/diag.h"

#include "fuzz.h"

#define MAX_FILE ((size_t)1 << 20)

static const char *const files[] = {
	"instruments/dreem-recovery-markers.json",
	"fuzz/all-item-types.json",
};

#define N_FILES (sizeof(files) / sizeof(files[0]))

/* Set once by LLVMFuzzerInitialize, before any input runs. */
static struct wm_instrument *instruments[N_FILES];

/* Reads and parses one instrument; NULL (and a message) if that fails. */
static struct wm_instrument *
load_path(const char *path)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_instrument *in = NULL;
	char *text = NULL;
	size_t len;
	FILE *f;

	if (!(f = fopen(path, "rb")))
		return NULL;
	if (!(text = malloc(MAX_FILE)))
		goto out;
	len = fread(text, 1, MAX_FILE, f);
	if (ferror(f) || len == MAX_FILE)
		goto out;
	if (wm_instrument_parse(text, len, &in, &d))
		fprintf(stderr, "fuzz_response: %s: %zu problems, the first: "
		    "%s\n", path, wm_diags_count(&d),
		    d.n ? d.v[0].message : "?");
out:
	fclose(f);
	free(text);
	wm_diags_release(&d);
	return in;
}

/* The binary is build/fuzz/fuzz_response, so the repository root is two
 * directories above it; failing that, the current directory. */
static struct wm_instrument *
load(const char *argv0, const char *name)
{
	struct wm_instrument *in;
	const char *slash = strrchr(argv0, '/');
	char path[4096];

	if (slash) {
		snprintf(path, sizeof(path), "%.*s/../../%s",
		    (int)(slash - argv0), argv0, name);
		if ((in = load_path(path)) != NULL)
			return in;
	}
	if ((in = load_path(name)) == NULL)
		fprintf(stderr, "fuzz_response: cannot load %s (run from the "
		    "repository root)\n", name);
	return in;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	for (i = 0; i < N_FILES; i++)
		if (!(instruments[i] = load((*argv)[0], files[i])))
			exit(1);
	return 0;
}

static const struct wm_instrument *
pick(const struct wm_response *r)
{
	size_t i;

	for (i = 0; i < N_FILES; i++)
		if (strcmp(r->url, instruments[i]->url) == 0 &&
		    strcmp(r->version, instruments[i]->version) == 0)
			return instruments[i];
	return instruments[0];
}

/* What an accepted response promises about the answer to item i. */
static void
check_answer(const struct wm_response *r, size_t i)
{
	const struct wm_item *it = &r->in->items[i];
	const struct wm_answer *a = &r->answers[i];

	if (it->required && r->status == WM_STATUS_COMPLETED)
		FUZZ_CHECK(a->given);
	if (!a->given)
		return;
	FUZZ_CHECK(it->type != WM_ITEM_GROUP && it->type != WM_ITEM_DISPLAY);
	if (it->type == WM_ITEM_CHOICE)
		FUZZ_CHECK(a->option >= 0 && (size_t)a->option < it->n_options);
	else
		FUZZ_CHECK(a->text && a->text[0] != '\0');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct wm_date today = { 2025, 6, 30 };
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_response *r = NULL;
	const struct wm_instrument *in;
	size_t i;
	int rc;

	rc = wm_response_parse((const char *)data, size, &r, &d);
	FUZZ_CHECK((rc == 0) == (r != NULL));
	FUZZ_CHECK((rc == 0) == (wm_diags_count(&d) == 0));
	if (!r)
		goto out;
	FUZZ_CHECK(r->url && r->version && r->subject.id);
	in = pick(r);
	rc = wm_response_bind(r, in, &today, &d);
	FUZZ_CHECK((rc == 0) == (wm_diags_count(&d) == 0));
	if (rc == 0) {
		FUZZ_CHECK(wm_date_cmp(&r->authored, &today) <= 0);
		for (i = 0; i < in->n_items; i++)
			check_answer(r, i);
		for (i = 0; i < in->n_scales; i++)
			FUZZ_CHECK(r->scores[i].answered <= r->scores[i].items);
	}
out:
	wm_response_free(r);
	wm_diags_release(&d);
	return 0;
}
