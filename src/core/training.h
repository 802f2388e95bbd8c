/*
 * Training for recovery: which member of staff completed which of the
 * newsletter's courses, and when; and, for a service, the share of its
 * current staff (its practitioners and leads) who have done each course,
 * the evidence for standard 1. The rules for one completion, the CSV
 * file a service lead imports, and coverage. Pure: no I/O.
 *
 * Ownership: a read file owns its rows (wm_training_file_release); rows
 * point into it or into the text they came from as each function says.
 */
#ifndef WM_CORE_TRAINING_H
#define WM_CORE_TRAINING_H

#include <stddef.h>
#include <stdint.h>

#include "core/catalogue.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/diag.h"

/* The only header a training file may have. */
#define WM_TRAINING_HEADER "email,course,completed"
#define WM_TRAINING_MAX_BYTES ((size_t)128 * 1024)
#define WM_TRAINING_MAX_ROWS 2000
#define WM_TRAINING_MAX_EMAIL 254

struct wm_training_row {
	int line;		/* in the file; 0 for one from a form */
	const char *email;
	const char *course;	/* a code of the catalogue */
	char completed[11];	/* YYYY-MM-DD, not after today */
	int64_t account_id;	/* 0 until wm_training_resolve finds it */
};

/* A member of a service's current staff, as the caller found them. */
struct wm_staff {
	int64_t account_id;
	const char *email;
	const char *name;
};

struct wm_training_file {
	struct wm_arena arena;
	struct wm_training_row *v;
	size_t n;
};

#define WM_TRAINING_FILE_INIT { WM_ARENA_INIT, NULL, 0 }

/*
 * The rules for one completion: an email given, a course in the
 * catalogue (by its code), a real date written YYYY-MM-DD and not after
 * `today`. Each problem goes into d at `line`, naming its field (email,
 * course, completed). Returns 0 with *out filled (pointing at email and
 * course, account_id 0), or -1.
 */
int wm_training_check(const struct wm_catalogue *courses,
    const struct wm_date *today, int line, const char *email,
    const char *course, const char *completed, struct wm_training_row *out,
    struct wm_diags *d);

/*
 * Reads a training file: UTF-8 CSV (RFC 4180, CRLF or LF), at most
 * WM_TRAINING_MAX_BYTES and WM_TRAINING_MAX_ROWS rows, whose first line
 * is exactly WM_TRAINING_HEADER; every row checked by wm_training_check.
 * Returns 0 with every row in *out, or -1 with every problem in d (by
 * line, naming the field, or "header", "row" or "file") and *out empty:
 * a file with any bad row gives nothing.
 */
int wm_training_csv_read(const char *text, size_t len,
    const struct wm_catalogue *courses, const struct wm_date *today,
    struct wm_training_file *out, struct wm_diags *d);

void wm_training_file_release(struct wm_training_file *f);

/* A service's current staff, collected from the store's rows: the list
 * owns copies of the emails and names (wm_staff_list_release). */
struct wm_staff_list {
	struct wm_arena arena;
	struct wm_staff *v;
	size_t n, cap;
};

#define WM_STAFF_LIST_INIT { WM_ARENA_INIT, NULL, 0, 0 }
#define WM_STAFF_MAX 10000

/* A row callback for the store: adds a copy of *s to the list (`list`);
 * -1 when out of memory or past WM_STAFF_MAX. */
int wm_staff_list_add(void *list, const struct wm_staff *s);
void wm_staff_list_release(struct wm_staff_list *l);

/* The member of staff with this email (compared ignoring the case of
 * ASCII letters, as accounts are), or NULL. */
const struct wm_staff *wm_training_staff_find(const struct wm_staff *staff,
    size_t n, const char *email);

/* Sets each row's account_id from the service's current staff; a row
 * whose email is not one of them is a problem at its line (field
 * email). Returns 0 if every row was found, else -1. */
int wm_training_resolve(struct wm_training_row *rows, size_t n,
    const struct wm_staff *staff, size_t n_staff, struct wm_diags *d);

/* "line N: field: reason" (or "field: reason" without a line). */
void wm_training_problem_text(const struct wm_diag *g, struct wm_buf *out);

/* How many of a service's current staff completed one course, as the
 * store counts them. */
struct wm_training_count {
	const char *course;
	int64_t done;
};

/* One course's coverage at a service. */
struct wm_coverage {
	const struct wm_concept *course;
	int64_t done;		/* current staff who completed it */
	int64_t staff;		/* current staff */
	int has_percent;	/* 0 when the service has no current staff */
	int percent;		/* done / staff, rounded down: 100 only when
				 * every member of staff has done it */
};

/* Coverage of every course of the catalogue, in its order, into
 * out[0 .. courses->n_concepts): courses nobody has done count 0; counts
 * for codes not in the catalogue are left out. */
void wm_training_coverage(const struct wm_catalogue *courses,
    const struct wm_training_count *counts, size_t n_counts, int64_t staff,
    struct wm_coverage *out);

#endif
