/*
 * Building the demo: the instruments from their files, then the network,
 * the services' own cycle, and the people, in batches of transactions.
 */
#include "cli/demo.h"

#include <stdio.h>

#include "cli/cli.h"

int
demo_load(struct demo *d, const char *file, struct demo_inst *di)
{
	struct wm_buf path = WM_BUF_INIT, text = WM_BUF_INIT;
	struct wm_diags dg = WM_DIAGS_INIT;
	int existed, rc = -1;

	wm_buf_printf(&path, "%s/%s", d->opts->instruments, file);
	if (cli_read_file(wm_buf_str(&path), WM_INSTRUMENT_MAX_BYTES, &text))
		goto out;
	if (wm_instrument_parse(text.data, text.len, &di->in, &dg)) {
		cli_print_diags(wm_buf_str(&path), &dg);
		goto out;
	}
	rc = wm_store_instrument_put(d->s, di->in, text.data, text.len,
	    &di->id, &existed, &d->err);
out:
	if (rc && !d->err.len)
		wm_buf_printf(&d->err, "could not load %s", wm_buf_str(&path));
	wm_diags_release(&dg);
	wm_buf_release(&path);
	wm_buf_release(&text);
	return rc;
}

static int
load_courses(struct demo *d)
{
	struct wm_buf path = WM_BUF_INIT, text = WM_BUF_INIT;
	struct wm_diags dg = WM_DIAGS_INIT;
	int rc = -1;

	wm_buf_printf(&path, "%s/training-courses.json", d->opts->instruments);
	if (cli_read_file(wm_buf_str(&path), (size_t)1 << 20, &text) == 0) {
		rc = wm_catalogue_parse(text.data, text.len, &d->courses, &dg);
		if (rc)
			cli_print_diags(wm_buf_str(&path), &dg);
	}
	if (rc)
		wm_buf_printf(&d->err, "could not read the training catalogue");
	wm_diags_release(&dg);
	wm_buf_release(&path);
	wm_buf_release(&text);
	return rc;
}

int
demo_build(struct demo *d, struct wm_store *s, const struct demo_opts *opts)
{
	int rc;

	d->opts = opts;
	d->s = s;
	wm_buf_init(&d->err, WM_BUF_DEFAULT_MAX);
	wm_buf_init(&d->sign_ins, WM_BUF_DEFAULT_MAX);
	wm_rng_seed(&d->rng, opts->seed);
	wm_date_parse("2024-10-01", &d->start);
	wm_date_parse("2026-09-30", &d->end);
	if (wm_store_set_clock(s, DEMO_CLOCK)) {
		wm_buf_puts(&d->err, "the demo's clock could not be set");
		return WM_STORE_ERROR;
	}
	if ((rc = wm_store_begin(s, &d->err)))
		return rc;
	if ((rc = wm_store_setting_set(s, "demo", "1", &d->err)) ||
	    (rc = demo_load(d, "dreem-recovery-markers.json", &d->markers)) ||
	    (rc = demo_load(d, "dreem-supportive-service-indicators.json", &d->ssi)) ||
	    (rc = demo_load(d, "erfs.json", &d->erfs)) ||
	    (rc = demo_load(d, "shared-needs.json", &d->needs)) ||
	    (rc = demo_load(d, "ten-top-tips.json", &d->tips)) ||
	    (rc = demo_load(d, "core-standards.json", &d->standards)) ||
	    (rc = demo_load(d, "core-standards-validation.json", &d->validation)) ||
	    (rc = load_courses(d)) ||
	    (rc = demo_network(d)) ||
	    (rc = demo_services(d)) ||
	    (rc = demo_people(d)) ||
	    (rc = demo_plans(d)) ||
	    (rc = demo_sign_ins(d, &d->sign_ins)) ||
	    (rc = wm_store_commit(s, &d->err))) {
		wm_store_rollback(s);
		return rc ? rc : -1;
	}
	return 0;
}

void
demo_release(struct demo *d)
{
	size_t i;

	wm_instrument_free(d->markers.in);
	wm_instrument_free(d->ssi.in);
	wm_instrument_free(d->erfs.in);
	wm_instrument_free(d->needs.in);
	wm_instrument_free(d->tips.in);
	wm_instrument_free(d->standards.in);
	wm_instrument_free(d->validation.in);
	for (i = 0; i < DEMO_PLANS; i++)
		wm_instrument_free(d->plans[i].in);
	wm_catalogue_free(d->courses);
	wm_buf_release(&d->err);
	wm_buf_release(&d->sign_ins);
}
