/*
 * The network's administration (admin.h): every check is made inside
 * the change's own transaction, so what was read is what is changed, and
 * a refusal rolls back having written nothing.
 */
#include "store/admin.h"

#include <stdio.h>
#include <string.h>

#include "core/catalogue.h"
#include "core/fhir_json.h"

/* A unit as the checks need it, copied out of the store's row. */
struct unit {
	int64_t id;
	enum wm_unit_kind kind;
	char code[65];
	char closed[11];	/* "" when open */
};

/* A person's open spells on caseloads; `more` counts any past the most
 * a person is on (only a hand edit makes them), to report, never drop. */
struct spells {
	struct unit v[WM_CASELOADS_MAX];
	struct wm_date since[WM_CASELOADS_MAX];
	size_t n, more;
};

/* The same, for a change that does not fit what is there. */
static int
conflict(struct wm_field_problem *p, const char *field, const char *message)
{
	wm_field_problem_set(p, field, message);
	return WM_ADMIN_CONFLICT;
}

static void
unit_copy(struct unit *u, int64_t id, const char *kind, const char *code,
    const char *closed)
{
	u->id = id;
	if (wm_unit_kind_parse(kind, &u->kind))
		u->kind = WM_UNIT_SERVICE;
	snprintf(u->code, sizeof(u->code), "%s", code);
	snprintf(u->closed, sizeof(u->closed), "%s", closed ? closed : "");
}

static int
unit_got(void *ctx, const struct wm_unit_row *r)
{
	unit_copy(ctx, r->id, r->kind, r->code, r->closed);
	return 0;
}

/* The unit with this code into *u; refused naming `field` if none. */
static int
unit_find(struct wm_store *s, const char *code, const char *field,
    struct unit *u, struct wm_field_problem *p, struct wm_buf *err)
{
	int rc;

	if (!code || !code[0])
		return wm_field_problem_set(p, field, "choose a unit");
	if (wm_code_problem(code))
		return wm_field_problem_set(p, field, wm_code_problem(code));
	rc = wm_store_unit_get(s, code, unit_got, u, err);
	if (rc == WM_STORE_NOT_FOUND)
		return conflict(p, field, "there is no unit with that code");
	return rc;
}

static int
spell_got(void *ctx, const struct wm_spell_row *r)
{
	struct spells *sp = ctx;

	if (sp->n == WM_CASELOADS_MAX) {
		sp->more++;
		return 0;
	}
	unit_copy(&sp->v[sp->n], r->unit_id, r->kind, r->code, r->closed);
	/* A start the store kept is a date; one that is not stops the
	 * change rather than being passed over. */
	if (!r->since || wm_date_parse(r->since, &sp->since[sp->n]))
		return -1;
	sp->n++;
	return 0;
}

/* The person with this identifier and their open spells. */
static int
person_find(struct wm_store *s, const char *ident, int64_t *id,
    struct spells *sp, struct wm_field_problem *p, struct wm_buf *err)
{
	int rc;

	if (!ident || !ident[0] || wm_ident_problem(ident))
		return wm_field_problem_set(p, "id", ident && ident[0] ?
		    wm_ident_problem(ident) : "enter the person's identifier");
	rc = wm_store_person_find(s, ident, id, err);
	if (rc == WM_STORE_NOT_FOUND)
		return conflict(p, "id", "there is no person with that "
		    "identifier");
	if (rc)
		return rc;
	sp->n = sp->more = 0;
	if ((rc = wm_store_caseload_open(s, *id, spell_got, sp, err)))
		return rc;
	if (sp->more) {
		wm_buf_clear(err);
		wm_buf_printf(err, "the person is on %zu services' caseloads, "
		    "more than the %d one person can be on at once: the "
		    "database was changed by hand", sp->n + sp->more,
		    WM_CASELOADS_MAX);
		return WM_STORE_ERROR;
	}
	return 0;
}

/* Which of the person's spells is `code`'s: the only one when code is
 * NULL or "". -1 (refused, naming `field`) when none is. */
static int
spell_of(const struct spells *sp, const char *code, const char *field,
    size_t *i, struct wm_field_problem *p)
{
	if (sp->n == 0)
		return conflict(p, "id", "the person is not on any service's "
		    "caseload");
	if (!code || !code[0]) {
		if (sp->n > 1)
			return wm_field_problem_set(p, field, "the person "
			    "is on more than one service's caseload: say "
			    "which");
		*i = 0;
		return 0;
	}
	for (*i = 0; *i < sp->n; (*i)++)
		if (strcmp(sp->v[*i].code, code) == 0)
			return 0;
	return conflict(p, field, "the person is not on that service's "
	    "caseload");
}

static int
on_service(const struct spells *sp, int64_t unit_id)
{
	size_t i;

	for (i = 0; i < sp->n; i++)
		if (sp->v[i].id == unit_id)
			return 1;
	return 0;
}

/* The overlap check of a new spell on one service against each earlier
 * one there. */
struct overlap {
	struct wm_spell next;
	struct wm_field_problem *p;
	const char *field;
	int clash;
};

static int
overlap_got(void *ctx, const struct wm_spell_row *r)
{
	struct overlap *o = ctx;
	struct wm_spell had = { .open = r->until == NULL };
	char why[sizeof(o->p->text)];

	if (!r->since || wm_date_parse(r->since, &had.since) ||
	    (r->until && wm_date_parse(r->until, &had.until)))
		return -1;
	if (wm_spell_overlap_problem(&o->next, &had, why, sizeof(why))) {
		wm_field_problem_say(o->p, o->field, why);
		o->clash = 1;
		return 1;
	}
	return 0;
}

/* Whether the person's new spell on `u` from `since` would overlap one
 * they had there before: refused naming `field` (the date's) if so. */
static int
overlap_check(struct wm_store *s, int64_t person, const struct unit *u,
    const struct wm_date *since, const char *field,
    struct wm_field_problem *p, struct wm_buf *err)
{
	struct overlap o = { { *since, *since, 1 }, p, field, 0 };
	int rc;

	if ((rc = wm_store_caseload_spells(s, person, u->id, overlap_got, &o,
	    err)))
		return rc;
	return o.clash ? WM_ADMIN_CONFLICT : 0;
}

/* The service that is to take someone on; refused naming `field`. */
static int
taker_find(struct wm_store *s, const char *code, const char *field,
    struct unit *u, struct wm_field_problem *p, struct wm_buf *err)
{
	const char *why;
	int rc;

	if ((rc = unit_find(s, code, field, u, p, err)))
		return rc;
	if ((why = wm_caseload_unit_problem(u->kind, NULL)))
		return wm_field_problem_set(p, field, why);
	if ((why = wm_caseload_unit_problem(u->kind, u->closed[0] ?
	    u->closed : NULL)))
		return conflict(p, field, why);
	return 0;
}

/* The change's audit entry: on the command line (no account) its action
 * says so, as every command's does. */
static int
audit(struct wm_store *s, const struct wm_admin_by *by, const char *action,
    const char *kind, int64_t id, const struct wm_buf *detail,
    struct wm_buf *err)
{
	struct wm_buf what = WM_BUF_INIT;
	int rc;

	wm_buf_puts(&what, action);
	if (!by->account_id)
		wm_buf_puts(&what, " (command line)");
	rc = wm_store_audit(s, by->account_id, wm_buf_str(&what), kind, id,
	    detail ? wm_buf_str(detail) : NULL, by->address, err);
	wm_buf_release(&what);
	return rc;
}

/* Ends the change: committed when rc is 0, else rolled back; rolled
 * back too when the change was only to be checked (by->check_only). */
static int
finish(struct wm_store *s, const struct wm_admin_by *by, int rc,
    struct wm_buf *err)
{
	if (rc == 0 && by->check_only) {
		wm_store_rollback(s);
		return 0;
	}
	if (rc == 0)
		rc = wm_store_commit(s, err);
	if (rc)
		wm_store_rollback(s);
	return rc;
}

static int
unit_add(struct wm_store *s, const struct wm_admin_by *by, const char *kind,
    const char *code, const char *name, const char *parent,
    struct wm_field_problem *p, struct wm_buf *err)
{
	struct unit up = { 0 };
	struct wm_buf detail = WM_BUF_INIT;
	enum wm_unit_kind k;
	const char *why;
	int64_t id;
	int rc, has_parent = parent && parent[0];

	if (wm_unit_add_problem(kind, code, name, p))
		return WM_ADMIN_REFUSED;
	wm_unit_kind_parse(kind, &k);
	if (has_parent && (rc = unit_find(s, parent, "parent", &up, p, err)))
		return rc;
	if ((why = wm_unit_parent_problem(k, has_parent, up.kind)))
		return wm_field_problem_set(p, "parent", why);
	if (up.closed[0])
		return conflict(p, "parent", "it is closed and takes no new "
		    "units");
	rc = wm_store_unit_add(s, kind, code, name, up.id, &id, err);
	if (rc == WM_STORE_EXISTS)
		return conflict(p, "code", "that code is taken: choose "
		    "another");
	if (rc)
		return rc;
	wm_buf_puts(&detail, code);
	rc = audit(s, by, "unit added", kind, id, &detail, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_unit_add(struct wm_store *s, const struct wm_admin_by *by,
    const char *kind, const char *code, const char *name, const char *parent,
    struct wm_field_problem *p, struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, unit_add(s, by, kind, code, name, parent, p,
	    err), err);
}

static int
unit_rename(struct wm_store *s, const struct wm_admin_by *by,
    const char *code, const char *name, struct wm_field_problem *p,
    struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	struct unit u;
	int rc;

	if ((rc = unit_find(s, code, "code", &u, p, err)))
		return rc;
	if (wm_name_problem(name))
		return wm_field_problem_set(p, "name", wm_name_problem(name));
	if ((rc = wm_store_unit_rename(s, u.id, name, err)))
		return rc;
	wm_buf_puts(&detail, u.code);
	rc = audit(s, by, "unit renamed", wm_unit_kind_name(u.kind), u.id,
	    &detail, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_unit_rename(struct wm_store *s, const struct wm_admin_by *by,
    const char *code, const char *name, struct wm_field_problem *p,
    struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, unit_rename(s, by, code, name, p, err), err);
}

static int
unit_close(struct wm_store *s, const struct wm_admin_by *by,
    const char *code, struct wm_field_problem *p, struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	char today[11];
	const char *why;
	struct unit u;
	int64_t open = 0;
	int rc;

	if ((rc = unit_find(s, code, "code", &u, p, err)))
		return rc;
	if (u.closed[0])
		return conflict(p, "code", "it is closed already");
	if (u.kind == WM_UNIT_PROVIDER &&
	    (rc = wm_store_unit_open_children(s, u.id, &open, err)))
		return rc;
	if ((why = wm_unit_close_problem(u.kind, 0)))
		return wm_field_problem_set(p, "code", why);
	if ((why = wm_unit_close_problem(u.kind, (long)open)))
		return conflict(p, "code", why);
	wm_date_format(by->today, today);
	if ((rc = wm_store_unit_close(s, u.id, today, err)))
		return rc;
	wm_buf_printf(&detail, "%s from %s", u.code, today);
	rc = audit(s, by, "unit closed", wm_unit_kind_name(u.kind), u.id,
	    &detail, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_unit_close(struct wm_store *s, const struct wm_admin_by *by,
    const char *code, struct wm_field_problem *p, struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, unit_close(s, by, code, p, err), err);
}

/* "CODE from YYYY-MM-DD", the detail of a caseload's change. */
static void
spell_detail(struct wm_buf *out, const char *code, const struct wm_date *d)
{
	char date[11];

	wm_date_format(d, date);
	wm_buf_printf(out, "%s from %s", code, date);
}

static int
person_add(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *name, const char *unit,
    const struct wm_date *since, struct wm_field_problem *p,
    struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	struct unit u = { 0 };
	const char *why;
	char date[11];
	int64_t id;
	int rc;

	if (wm_person_add_problem(ident, name, p))
		return WM_ADMIN_REFUSED;
	if (unit && unit[0] && (rc = taker_find(s, unit, "unit", &u, p, err)))
		return rc;
	if ((why = wm_join_date_problem(since, by->today)))
		return wm_field_problem_set(p, "since", why);
	wm_date_format(since, date);
	rc = wm_store_person_add(s, ident, name, u.id, date, &id, err);
	if (rc == WM_STORE_EXISTS)
		return conflict(p, "id", "there is a person with that "
		    "identifier already");
	if (rc)
		return rc;
	if (u.id)
		spell_detail(&detail, u.code, since);
	rc = audit(s, by, "person added", "person", id, u.id ? &detail : NULL,
	    err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_person_add(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *name, const char *unit,
    const struct wm_date *since, struct wm_field_problem *p,
    struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, person_add(s, by, ident, name, unit, since, p,
	    err), err);
}

/* Starts a spell on `u`'s caseload, audited as `action`. */
static int
spell_start(struct wm_store *s, const struct wm_admin_by *by, int64_t person,
    const struct unit *u, const struct wm_date *since, const char *action,
    struct wm_buf *detail, struct wm_buf *err)
{
	char date[11];
	int rc;

	wm_date_format(since, date);
	if ((rc = wm_store_caseload_start(s, person, u->id, date, err)))
		return rc;
	if (detail->len)
		wm_buf_puts(detail, " to ");
	spell_detail(detail, u->code, since);
	return audit(s, by, action, "person", person, detail, err);
}

static int
person_join(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *unit, const struct wm_date *since,
    struct wm_field_problem *p, struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	struct spells sp;
	struct unit u;
	const char *why;
	int64_t id;
	int rc;

	if ((rc = person_find(s, ident, &id, &sp, p, err)) ||
	    (rc = taker_find(s, unit, "unit", &u, p, err)))
		return rc;
	if (on_service(&sp, u.id))
		return conflict(p, "unit", "the person is on that service's "
		    "caseload already");
	if ((why = wm_caseload_count_problem(sp.n)))
		return conflict(p, "unit", why);
	if ((why = wm_join_date_problem(since, by->today)))
		return wm_field_problem_set(p, "since", why);
	if ((rc = overlap_check(s, id, &u, since, "since", p, err)))
		return rc;
	rc = spell_start(s, by, id, &u, since, "person put on a caseload",
	    &detail, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_person_join(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *unit, const struct wm_date *since,
    struct wm_field_problem *p, struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, person_join(s, by, ident, unit, since, p, err),
	    err);
}

/*
 * Ends spell i of the person's on `date`, checked against its start.
 * A spell ended the day it began would hold no day at all (its last day
 * is the one before it ended), so moving or discharging someone on the
 * day they joined is taken as what an administrator means by it: the
 * joining was a mistake, corrected the same day. The spell is removed,
 * as if it had never been (*dropped set), and the audit log keeps both
 * the joining and its correction. Moving them back the same day then
 * starts afresh rather than clashing with a spell of no days.
 */
static int
spell_end(struct wm_store *s, int64_t person, const struct spells *sp,
    size_t i, const struct wm_date *date, const struct wm_admin_by *by,
    int *dropped, struct wm_field_problem *p, struct wm_buf *err)
{
	const char *why;
	char day[11];

	if ((why = wm_leave_date_problem(date, &sp->since[i], by->today)))
		return wm_field_problem_set(p, "date", why);
	wm_date_format(date, day);
	*dropped = wm_date_cmp(date, &sp->since[i]) == 0;
	if (*dropped)
		return wm_store_caseload_drop(s, person, sp->v[i].id, day, err);
	return wm_store_caseload_end(s, person, sp->v[i].id, day, err);
}

static int
person_move(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *from, const char *to,
    const struct wm_date *date, struct wm_field_problem *p,
    struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	struct spells sp;
	struct unit u;
	size_t i;
	int64_t id;
	int rc, dropped;

	if ((rc = person_find(s, ident, &id, &sp, p, err)) ||
	    (rc = spell_of(&sp, from, "from", &i, p)) ||
	    (rc = taker_find(s, to, "to", &u, p, err)))
		return rc;
	if (on_service(&sp, u.id))
		return conflict(p, "to", "the person is on that service's "
		    "caseload already");
	if ((rc = spell_end(s, id, &sp, i, date, by, &dropped, p, err)) ||
	    (rc = overlap_check(s, id, &u, date, "date", p, err)))
		return rc;
	wm_buf_puts(&detail, sp.v[i].code);
	if (dropped)
		wm_buf_puts(&detail, " (joined that day: that time removed)");
	rc = spell_start(s, by, id, &u, date, "person moved", &detail, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_person_move(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *from, const char *to,
    const struct wm_date *date, struct wm_field_problem *p,
    struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, person_move(s, by, ident, from, to, date, p,
	    err), err);
}

static int
person_discharge(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *unit, const struct wm_date *date,
    struct wm_field_problem *p, struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	struct spells sp;
	char day[11];
	size_t i;
	int64_t id;
	int rc, dropped;

	if ((rc = person_find(s, ident, &id, &sp, p, err)) ||
	    (rc = spell_of(&sp, unit, "unit", &i, p)) ||
	    (rc = spell_end(s, id, &sp, i, date, by, &dropped, p, err)))
		return rc;
	wm_date_format(date, day);
	wm_buf_printf(&detail, "%s on %s%s", sp.v[i].code, day, dropped ?
	    " (joined that day: that time removed)" : "");
	rc = audit(s, by, "person discharged", "person", id, &detail, err);
	wm_buf_release(&detail);
	return rc;
}

int
wm_admin_person_discharge(struct wm_store *s, const struct wm_admin_by *by,
    const char *ident, const char *unit, const struct wm_date *date,
    struct wm_field_problem *p, struct wm_buf *err)
{
	if (wm_store_begin(s, err))
		return WM_STORE_ERROR;
	return finish(s, by, person_discharge(s, by, ident, unit, date, p,
	    err), err);
}

int
wm_admin_instrument_check(const char *text, size_t len,
    struct wm_instrument **out, struct wm_diags *d)
{
	struct wm_catalogue *cat = NULL;

	*out = NULL;
	if (!wm_fhir_is_resource(text, len, "CodeSystem"))
		return wm_instrument_parse(text, len, out, d) ? -1 : 0;
	/* Checked as `instrument check` would, then refused. */
	wm_catalogue_parse(text, len, &cat, d);
	wm_catalogue_free(cat);
	wm_diags_add(d, 0, 0, NULL, "this is a catalogue (a CodeSystem), not "
	    "an instrument");
	return -1;
}

int
wm_admin_instruments_load(struct wm_store *s, const struct wm_admin_by *by,
    struct wm_admin_file *f, size_t n, struct wm_buf *err)
{
	struct wm_buf detail = WM_BUF_INIT;
	size_t i;
	int64_t id;
	int rc;

	if ((rc = wm_store_begin(s, err)))
		return rc;
	for (i = 0; i < n && rc == 0; i++) {
		rc = wm_store_instrument_put(s, f[i].in, f[i].text, f[i].len,
		    &id, &f[i].existed, err);
		if (rc) {
			wm_buf_clear(&detail);
			wm_buf_printf(&detail, "%s: %s", f[i].name,
			    wm_buf_str(err));
			wm_buf_clear(err);
			wm_buf_puts(err, wm_buf_str(&detail));
			break;
		}
		wm_buf_clear(&detail);
		wm_buf_printf(&detail, "%s|%s", f[i].in->url, f[i].in->version);
		if (!f[i].existed)
			rc = audit(s, by, "instrument loaded", NULL, 0, &detail,
			    err);
	}
	wm_buf_release(&detail);
	return finish(s, by, rc, err);
}
