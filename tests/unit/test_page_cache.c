/*
 * The server's cache of page parts (web/page_cache.h): a part is given
 * out only at the version it was built at, never one built at an older
 * version after a newer one is kept, and the cache stays within its
 * bounds (parts and bytes), the least recently used going first; a part
 * missing is built by the first to ask, the others waiting for it; a
 * part's note comes back with it, and only with it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"
#include "web/page_cache.h"

/* The part kept under key at version, or "" when none is given out. */
static const char *
got(struct wm_page_cache *c, const char *key, int64_t version,
    struct wm_buf *b)
{
	wm_buf_clear(b);
	if (!wm_page_cache_get(c, key, version, b, NULL, NULL))
		return "";
	return wm_buf_str(b);
}

static void
put(struct wm_page_cache *c, const char *key, int64_t version,
    const char *part)
{
	wm_page_cache_put(c, key, version, part, strlen(part), NULL);
}

/* What one part of len bytes counts for, compressed copy and all. */
static size_t
size_of(size_t len)
{
	struct wm_page_cache *c = wm_page_cache_new(1, 1 << 20);
	char part[64];
	size_t n, bytes;

	assert_true(len <= sizeof(part));
	memset(part, 'x', len);
	wm_page_cache_put(c, "probe", 1, part, len, NULL);
	wm_page_cache_size(c, &n, &bytes);
	assert_int_equal(n, 1);
	assert_true(bytes >= len);
	wm_page_cache_free(c);
	return bytes;
}

static void
given_out_only_at_its_version(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(4, 1000);
	struct wm_buf b = WM_BUF_INIT;

	(void)state;
	assert_non_null(c);
	assert_string_equal(got(c, "a", 1, &b), "");
	put(c, "a", 1, "figures of 1");
	assert_string_equal(got(c, "a", 1, &b), "figures of 1");
	/* The figures changed: the part is not given out. */
	assert_string_equal(got(c, "a", 2, &b), "");
	assert_string_equal(got(c, "b", 1, &b), "");
	/* Appended, after what the page holds already. */
	wm_buf_clear(&b);
	wm_buf_puts(&b, "<h1>");
	assert_int_equal(wm_page_cache_get(c, "a", 1, &b, NULL, NULL), 1);
	assert_string_equal(wm_buf_str(&b), "<h1>figures of 1");
	put(c, "a", 2, "figures of 2");
	assert_string_equal(got(c, "a", 2, &b), "figures of 2");
	assert_string_equal(got(c, "a", 1, &b), "");
	wm_page_cache_free(c);
	wm_buf_release(&b);
}

static void
older_figures_are_never_kept_after_newer(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(4, 1000);
	struct wm_buf b = WM_BUF_INIT;
	size_t n, bytes;

	(void)state;
	put(c, "a", 5, "a at 5");
	put(c, "b", 5, "b at 5");
	/* A request that read version 4 finished building after them. */
	put(c, "a", 4, "a at 4");
	put(c, "c", 4, "c at 4");
	assert_string_equal(got(c, "a", 5, &b), "a at 5");
	assert_string_equal(got(c, "a", 4, &b), "");
	assert_string_equal(got(c, "c", 4, &b), "");
	/* A newer part drops every older one. */
	put(c, "c", 6, "c at 6");
	wm_page_cache_size(c, &n, &bytes);
	assert_int_equal(n, 1);
	assert_int_equal(bytes, size_of(strlen("c at 6")));
	assert_string_equal(got(c, "b", 5, &b), "");
	wm_page_cache_free(c);
	wm_buf_release(&b);
}

static void
bounded_in_parts_and_bytes(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(3, 1 << 20);
	struct wm_buf b = WM_BUF_INIT;
	size_t n, bytes, four = size_of(4);

	(void)state;
	put(c, "a", 1, "aaaa");
	put(c, "b", 1, "bbbb");
	put(c, "c", 1, "cccc");
	/* "a" used since: "b" is the least recently used. */
	assert_string_equal(got(c, "a", 1, &b), "aaaa");
	put(c, "d", 1, "dddd");
	wm_page_cache_size(c, &n, &bytes);
	assert_int_equal(n, 3);
	assert_int_equal(bytes, 3 * four);
	assert_string_equal(got(c, "b", 1, &b), "");
	wm_page_cache_unclaim(c, "b");
	assert_string_equal(got(c, "a", 1, &b), "aaaa");
	wm_page_cache_free(c);

	/* Bytes: room for two and a half parts; a third goes in by
	 * dropping the least recently used. */
	c = wm_page_cache_new(8, 2 * four + four / 2);
	put(c, "a", 1, "aaaa");
	put(c, "b", 1, "bbbb");
	assert_string_equal(got(c, "a", 1, &b), "aaaa");
	put(c, "c", 1, "cccc");
	wm_page_cache_size(c, &n, &bytes);
	assert_int_equal(n, 2);
	assert_true(bytes <= 2 * four + four / 2);
	assert_string_equal(got(c, "a", 1, &b), "aaaa");
	assert_string_equal(got(c, "c", 1, &b), "cccc");
	assert_string_equal(got(c, "b", 1, &b), "");
	wm_page_cache_unclaim(c, "b");
	/* Larger than the whole cache: not kept, and nothing dropped. */
	put(c, "f", 1, "ffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
	assert_string_equal(got(c, "f", 1, &b), "");
	wm_page_cache_unclaim(c, "f");
	assert_string_equal(got(c, "c", 1, &b), "cccc");
	assert_string_equal(got(c, "a", 1, &b), "aaaa");
	/* The same key again replaces its part. */
	put(c, "c", 1, "CCCC");
	assert_string_equal(got(c, "c", 1, &b), "CCCC");
	wm_page_cache_size(c, &n, &bytes);
	assert_int_equal(n, 2);
	assert_int_equal(bytes, 2 * four);
	wm_page_cache_free(c);
	wm_buf_release(&b);
}

/* The compressed copy is the same part: a gzip member made of it reads
 * back as the part. */
static void
compressed_the_same(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(2, 1 << 20);
	struct wm_gz_piece gz = WM_GZ_PIECE_INIT;
	struct wm_buf b = WM_BUF_INIT, member = WM_BUF_INIT;
	struct wm_gz g;

	(void)state;
	put(c, "k", 1, "<table><tr><td>the same part</td></tr></table>");
	assert_int_equal(wm_page_cache_get(c, "k", 1, &b, &gz, NULL), 1);
	assert_int_equal(gz.len, b.len);
	wm_gz_start(&g, &member);
	wm_gz_add_piece(&g, &gz);
	assert_int_equal(wm_gz_finish(&g), 0);
	/* The gzip header, and a trailer holding the part's length. */
	assert_true(member.len > 18);
	assert_int_equal((unsigned char)member.data[0], 0x1f);
	assert_int_equal((unsigned char)member.data[member.len - 4],
	    (unsigned char)b.len);
	wm_gz_piece_release(&gz);
	wm_buf_release(&member);
	wm_buf_release(&b);
	wm_page_cache_free(c);
}

/* Many threads at once, as the server's: every part given out is whole
 * and is the one kept for its key and version. */
struct racer {
	struct wm_page_cache *c;
	int thread;
	int wrong;
};

static void *
race(void *arg)
{
	struct racer *r = arg;
	struct wm_buf b = WM_BUF_INIT;
	char key[16], part[64];
	int i;

	for (i = 0; i < 2000; i++) {
		int64_t v = i / 100;

		snprintf(key, sizeof(key), "k%d", (i + r->thread) % 7);
		snprintf(part, sizeof(part), "%s at %lld", key, (long long)v);
		wm_buf_clear(&b);
		if (wm_page_cache_get(r->c, key, v, &b, NULL, NULL))
			r->wrong += strcmp(wm_buf_str(&b), part) != 0;
		else
			put(r->c, key, v, part);
	}
	wm_buf_release(&b);
	return NULL;
}

static void
shared_by_threads(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(5, 4096);
	struct racer r[4];
	pthread_t t[4];
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		r[i].c = c;
		r[i].thread = i;
		r[i].wrong = 0;
		assert_int_equal(pthread_create(&t[i], NULL, race, &r[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(r[i].wrong, 0);
	}
	wm_page_cache_free(c);
}

/* After a change, the first request to find a part missing builds it
 * and the others asking for it wait for that, and are given it; if the
 * build fails, the next of them builds it. */
struct waiter {
	struct wm_page_cache *c;
	int64_t version;
	volatile int done;
	int found;
	char got[32];
};

static void *
wait_for(void *arg)
{
	struct waiter *w = arg;
	struct wm_buf b = WM_BUF_INIT;

	w->found = wm_page_cache_get(w->c, "k", w->version, &b, NULL, NULL);
	snprintf(w->got, sizeof(w->got), "%s", wm_buf_str(&b));
	w->done = 1;
	wm_buf_release(&b);
	return NULL;
}

/* Starts a request for k at version that must still be waiting after a
 * tenth of a second. */
static void
start_waiter(struct waiter *w, pthread_t *t, int64_t version)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };

	w->version = version;
	w->done = 0;
	assert_int_equal(pthread_create(t, NULL, wait_for, w), 0);
	nanosleep(&pause, NULL);
	assert_int_equal(w->done, 0);
}

static void
built_once_for_all_who_ask(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(4, 1000);
	struct wm_buf b = WM_BUF_INIT;
	struct waiter w;
	pthread_t t;

	(void)state;
	memset(&w, 0, sizeof(w));
	w.c = c;
	/* This request builds it, another waits until it is kept, and is
	 * given it. */
	assert_int_equal(wm_page_cache_get(c, "k", 7, &b, NULL, NULL), 0);
	start_waiter(&w, &t, 7);
	put(c, "k", 7, "built once");
	pthread_join(t, NULL);
	assert_int_equal(w.found, 1);
	assert_string_equal(w.got, "built once");
	/* A build that fails: the one waiting builds it itself. */
	assert_int_equal(wm_page_cache_get(c, "k", 8, &b, NULL, NULL), 0);
	start_waiter(&w, &t, 8);
	wm_page_cache_unclaim(c, "k");
	pthread_join(t, NULL);
	assert_int_equal(w.found, 0);
	/* ... and a third waits for it in turn. */
	start_waiter(&w, &t, 8);
	put(c, "k", 8, "of version 8");
	pthread_join(t, NULL);
	assert_int_equal(w.found, 1);
	assert_string_equal(w.got, "of version 8");
	/* Another key is not waited for. */
	wm_buf_clear(&b);
	assert_int_equal(wm_page_cache_get(c, "other", 8, &b, NULL, NULL), 0);
	wm_page_cache_free(c);
	wm_buf_release(&b);
}

static void
noted_with_its_part(void **state)
{
	struct wm_page_cache *c = wm_page_cache_new(4, 1000);
	struct wm_buf b = WM_BUF_INIT, note = WM_BUF_INIT;

	(void)state;
	wm_page_cache_put(c, "a", 1, "part a", 6, "2 services of p1, p2");
	wm_page_cache_put(c, "b", 1, "part b", 6, NULL);
	wm_buf_puts(&note, "left from before");
	assert_int_equal(wm_page_cache_get(c, "a", 1, &b, NULL, &note), 1);
	assert_string_equal(wm_buf_str(&b), "part a");
	assert_string_equal(wm_buf_str(&note), "2 services of p1, p2");
	/* A part kept without one gives back none. */
	assert_int_equal(wm_page_cache_get(c, "b", 1, &b, NULL, &note), 1);
	assert_string_equal(wm_buf_str(&note), "");
	/* Not given out, nothing is said. */
	wm_buf_puts(&note, "as it was");
	assert_int_equal(wm_page_cache_get(c, "a", 2, &b, NULL, &note), 0);
	assert_string_equal(wm_buf_str(&note), "as it was");
	wm_page_cache_unclaim(c, "a");
	wm_page_cache_free(c);
	wm_buf_release(&b);
	wm_buf_release(&note);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(given_out_only_at_its_version),
		cmocka_unit_test(older_figures_are_never_kept_after_newer),
		cmocka_unit_test(bounded_in_parts_and_bytes),
		cmocka_unit_test(shared_by_threads),
		cmocka_unit_test(built_once_for_all_who_ask),
		cmocka_unit_test(compressed_the_same),
		cmocka_unit_test(noted_with_its_part),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
