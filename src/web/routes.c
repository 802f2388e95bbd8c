/*
 * The route table: every page, the method and path it answers, and what
 * access it needs. The server reads only this.
 */
#include "web/pages.h"

const struct wm_page wm_pages[] = {
	{ { "GET", "/" }, WM_ACCESS_SIGNED_IN, wm_page_home },
	{ { "GET", "/sign-in" }, WM_ACCESS_PUBLIC, wm_page_sign_in_form },
	{ { "POST", "/sign-in" }, WM_ACCESS_SIGN_IN, wm_page_sign_in },
	{ { "POST", "/sign-out" }, WM_ACCESS_SIGNED_IN, wm_page_sign_out },
	{ { "GET", "/measures" }, WM_ACCESS_SIGNED_IN, wm_page_measures },
	{ { "GET", "/journey" }, WM_ACCESS_SIGNED_IN, wm_page_journey },
	{ { "GET", "/caseload" }, WM_ACCESS_SIGNED_IN, wm_page_caseload },
	{ { "GET", "/reflections" }, WM_ACCESS_SIGNED_IN,
	    wm_page_reflections },
	{ { "GET", "/goals" }, WM_ACCESS_SIGNED_IN, wm_page_goals },
	{ { "GET", "/my-record" }, WM_ACCESS_SIGNED_IN, wm_page_record },
	{ { "GET", "/my-record/answers.csv" }, WM_ACCESS_SIGNED_IN,
	    wm_page_record_csv },
	{ { "GET", "/my-record/record.json" }, WM_ACCESS_SIGNED_IN,
	    wm_page_record_json },
	{ { "POST", "/goals" }, WM_ACCESS_SIGNED_IN, wm_page_goal_add },
	{ { "GET", "/goals/{id}" }, WM_ACCESS_SIGNED_IN, wm_page_goal },
	{ { "POST", "/goals/{id}/reviews" }, WM_ACCESS_SIGNED_IN,
	    wm_page_goal_review },
	{ { "GET", "/people/{id}/journey" }, WM_ACCESS_SIGNED_IN,
	    wm_page_person_journey },
	{ { "GET", "/people/{id}/goals" }, WM_ACCESS_SIGNED_IN,
	    wm_page_person_goals },
	{ { "GET", "/people/{pid}/measures" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measures },
	{ { "GET", "/people/{pid}/measures/{id}" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measure_form },
	{ { "POST", "/people/{pid}/measures/{id}" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measure_save },
	{ { "GET", "/people/{pid}/measures/{id}/saved" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measure_saved },
	{ { "GET", "/measures/{id}" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measure_form },
	{ { "POST", "/measures/{id}" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measure_save },
	{ { "GET", "/measures/{id}/saved" }, WM_ACCESS_SIGNED_IN,
	    wm_page_measure_saved },
	{ { "GET", "/assets/{file}" }, WM_ACCESS_PUBLIC, wm_page_asset },
	{ { "GET", "/assets/images/{file}" }, WM_ACCESS_PUBLIC, wm_page_asset },
};

const size_t wm_n_pages = sizeof(wm_pages) / sizeof(wm_pages[0]);
