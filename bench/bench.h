/*
 * What the measurements of waymark-bench share (bench/bench.c): the
 * command line's options, timing a run, the completion rates' plain side,
 * and figures as sorted lines of text that two sides compare.
 */
#ifndef WM_BENCH_H
#define WM_BENCH_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "core/catalogue.h"
#include "store/store.h"
#include "util/date.h"

/* --name VALUE from argv, else def; a whole number, else def. */
const char *arg(int argc, char **argv, const char *name, const char *def);
long num(int argc, char **argv, const char *name, long def);

int cmp_double(const void *a, const void *b);

/* Runs fn(ctx) `runs` times; the median time in *median_s. */
int time_median(int (*fn)(void *), void *ctx, long runs, double *median_s);

/* A whole file as a string (malloc'd), or NULL. */
char *read_text(const char *path);

/* The training courses' catalogue in a file, or NULL. */
struct wm_catalogue *load_courses(const char *path);

/* One figure: a cycle's month, as both sides give it. */
struct rate {
	int64_t cycle;
	int year, month;
	long due, done;
};

struct rates {
	struct rate *v;
	size_t n, cap;
};

int rates_add(struct rates *r, int64_t cycle, int year, int month, long due,
    long done);
int cmp_rate(const void *a, const void *b);

struct completion_run {
	struct wm_store *s;	/* Waymark's side */
	sqlite3 *db;		/* the plain side's own connection */
	const char *sql;
	const char *today;
	struct wm_date day;
	int64_t unit_id;	/* one service's, or 0 for all */
	struct rates got;
};

/* bench/plain_completion.sql on c->db, its months into c->got. */
int plain_completion(void *arg);

/* Each side's figures as lines of text ("kind\tkey\tfigures"), sorted,
 * so that they compare line by line. */
struct lines {
	char **v;
	size_t n, cap;
};

int lines_add(struct lines *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void lines_clear(struct lines *l);
int cmp_line(const void *a, const void *b);
/* 1 when both sides' sorted lines agree; else the first differences are
 * shown on stderr, and 0. */
int same_lines(const struct lines *a, const struct lines *b);

/* Times each part of something alone: fn(ctx, part) for part 0 to n - 1,
 * `runs` times each; prints head, then each name's median, on a line. */
int time_parts(const char *head, const char *const *names, int n,
    int (*fn)(void *ctx, int part), void *ctx, long runs);

/* Store callbacks that take a row and do nothing with it, for timing a
 * read alone. */
int skip_rating(void *ctx, const struct wm_assessment_rating_row *row);
int skip_cycle(void *ctx, const struct wm_completion_row *row);

/* A column's text, "" for NULL. */
const char *col(sqlite3_stmt *st, int i);

/* waymark-bench network (bench/network.c). */
int network(int argc, char **argv);

#endif
