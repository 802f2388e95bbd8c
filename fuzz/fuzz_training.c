/*
 * Fuzz target: a training file as a service lead imports it
 * (wm_training_csv_read over the CSV reader, wm_csv_next). What it
 * accepts must keep its promises: at most the row limit, each row's
 * course in the catalogue, its date real and not after "today", lines
 * rising; what it refuses leaves no rows and says why. The CSV reader
 * alone must give at most 16 cells a record, each valid text, on lines
 * that never go back.
 */
#include <string.h>

#include "core/training.h"
#include "util/csv.h"
#include "util/text.h"

#include "fuzz.h"

/* A small catalogue with some of the shipped codes: the target needs no
 * file. */
static const char catalogue[] =
    "{\"resourceType\": \"CodeSystem\", \"url\": \"https://waymark.example/"
    "fhir/CodeSystem/recovery-training\", \"version\": \"1.0.0\", "
    "\"name\": \"T\", \"title\": \"Courses\", \"status\": \"active\", "
    "\"purpose\": \"fuzzing\", \"copyright\": \"CC0\", \"content\": "
    "\"complete\", \"concept\": ["
    "{\"code\": \"wrap\", \"display\": \"WRAP Training\"}, "
    "{\"code\": \"recovery-awareness\", \"display\": \"Awareness\"}, "
    "{\"code\": \"intentional-peer-support\", \"display\": \"IPS\"}]}";

static struct wm_catalogue *courses;
static const struct wm_date today = { 2025, 6, 30 };

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct wm_diags d = WM_DIAGS_INIT;

	(void)argc;
	(void)argv;
	FUZZ_CHECK(wm_catalogue_parse(catalogue, sizeof(catalogue) - 1,
	    &courses, &d) == 0);
	wm_diags_release(&d);
	return 0;
}

static void
records(const char *text, size_t len)
{
	struct wm_csv *c = malloc(sizeof(*c));
	struct wm_csv_record r;
	int last = 0;
	size_t k;

	FUZZ_CHECK(c != NULL);
	wm_csv_init(c, text, len);
	while (wm_csv_next(c, &r)) {
		FUZZ_CHECK(r.line > last);
		last = r.line;
		FUZZ_CHECK(r.n >= 1 && r.n <= WM_CSV_MAX_CELLS);
		if (r.problem)
			continue;
		for (k = 0; k < r.n; k++)
			FUZZ_CHECK(wm_text_check(r.cell[k], 1) == WM_TEXT_OK);
	}
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_diags d = WM_DIAGS_INIT;
	struct wm_training_file f = WM_TRAINING_FILE_INIT;
	const char *text = (const char *)data;
	size_t i;

	records(text, size);
	if (wm_training_csv_read(text, size, courses, &today, &f, &d) == 0) {
		FUZZ_CHECK(wm_diags_count(&d) == 0);
		FUZZ_CHECK(f.n >= 1 && f.n <= WM_TRAINING_MAX_ROWS);
		for (i = 0; i < f.n; i++) {
			struct wm_date when;

			FUZZ_CHECK(wm_catalogue_find(courses, f.v[i].course));
			FUZZ_CHECK(wm_date_parse(f.v[i].completed, &when) == 0);
			FUZZ_CHECK(wm_date_cmp(&when, &today) <= 0);
			FUZZ_CHECK(f.v[i].email[0] != '\0');
			FUZZ_CHECK(f.v[i].line >= 2);
			FUZZ_CHECK(i == 0 || f.v[i].line > f.v[i - 1].line);
		}
		wm_training_file_release(&f);
	} else {
		FUZZ_CHECK(wm_diags_count(&d) > 0 && f.v == NULL && f.n == 0);
	}
	wm_diags_release(&d);
	return 0;
}
