/*
 * The table of the newsletter's instruments (core/known_instruments.h)
 * against the files they are: each shipped file's url and measure family
 * must be the ones the table gives, so the two can never drift apart.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/known_instruments.h"
#include "testutil.h"

static const struct {
	enum wm_known k;
	const char *file;
} files[] = {
	{ WM_KNOWN_RECOVERY_MARKERS, "dreem-recovery-markers.json" },
	{ WM_KNOWN_SUPPORTIVE_INDICATORS,
	    "dreem-supportive-service-indicators.json" },
	{ WM_KNOWN_ERFS, "erfs.json" },
	{ WM_KNOWN_SHARED_NEEDS, "shared-needs.json" },
	{ WM_KNOWN_TEN_TOP_TIPS, "ten-top-tips.json" },
	{ WM_KNOWN_CORE_STANDARDS, "core-standards.json" },
	{ WM_KNOWN_STANDARDS_VALIDATION, "core-standards-validation.json" },
};

static void
test_every_file_matches(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(TU_NELEM(files), WM_KNOWN__COUNT);
	for (i = 0; i < TU_NELEM(files); i++) {
		struct wm_instrument *in = tu_load_instrument(files[i].file);
		enum wm_known k = files[i].k;
		size_t j;

		assert_non_null(in);
		assert_string_equal(in->url, wm_known_url(files[i].k));
		assert_non_null(in->family);
		assert_string_equal(in->family, wm_known_family(files[i].k));
		/* Each file's URL is its own: no other entry names it. */
		for (j = 0; j < TU_NELEM(files); j++)
			if (j != i)
				assert_string_not_equal(in->url,
				    wm_known_url(files[j].k));
		assert_int_equal(wm_is_standards_instrument(in),
		    k == WM_KNOWN_CORE_STANDARDS ||
		    k == WM_KNOWN_STANDARDS_VALIDATION);
		wm_instrument_free(in);
	}
}

static void
test_families(void **state)
{
	(void)state;
	assert_string_equal(wm_family_dreem(),
	    wm_known_family(WM_KNOWN_SUPPORTIVE_INDICATORS));
	assert_string_equal(wm_family_standards(),
	    wm_known_family(WM_KNOWN_STANDARDS_VALIDATION));
	assert_string_equal(wm_known_url(WM_KNOWN__COUNT), "");
	assert_string_equal(wm_known_family(WM_KNOWN__COUNT), "");
	assert_int_equal(wm_is_standards_instrument(NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_file_matches),
		cmocka_unit_test(test_families),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
