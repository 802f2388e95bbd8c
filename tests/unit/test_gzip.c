/*
 * A gzip member from pieces (util/gzip.h): zlib's own reader takes it
 * back to exactly the bytes put in, in order, whether stored as they are
 * (more than one stored block's worth among them) or compressed once
 * before and used in several members; an empty piece and an empty
 * member are members too, and a member with a byte changed is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "util/buf.h"
#include "util/gzip.h"

/* What a gzip reader makes of the member: 0 with out filled, or -1. */
static int
gunzip(const struct wm_buf *member, struct wm_buf *out)
{
	z_stream z = { 0 };
	unsigned char chunk[4096];
	int rc;

	/* 15 + 16: a gzip wrapper, checked (CRC-32 and length). */
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return -1;
	z.next_in = (Bytef *)member->data;
	z.avail_in = (uInt)member->len;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		rc = inflate(&z, Z_NO_FLUSH);
		wm_buf_add(out, chunk, sizeof(chunk) - z.avail_out);
	} while (rc == Z_OK);
	inflateEnd(&z);
	/* The whole member read, and nothing after it. */
	return rc == Z_STREAM_END && z.avail_in == 0 ? 0 : -1;
}

/* A page's worth of markup, the same for every caller. */
static void
markup(struct wm_buf *b, int rows)
{
	int i;

	for (i = 0; i < rows; i++)
		wm_buf_printf(b, "<tr class=\"nhsuk-table__row\"><td>Service %d"
		    "</td><td>%d%%</td></tr>\n", i, i * 37 % 101);
}

static void
pieces_make_one_member(void **state)
{
	struct wm_buf part = WM_BUF_INIT, member = WM_BUF_INIT,
	    back = WM_BUF_INIT, want = WM_BUF_INIT;
	struct wm_gz_piece kept = WM_GZ_PIECE_INIT;
	static const char *const heads[] = { "<!DOCTYPE html><p>token A</p>",
	    "<!DOCTYPE html><p>token B, longer</p>", "" };
	struct wm_gz g;
	size_t i;

	(void)state;
	markup(&part, 3000);
	assert_int_equal(wm_gz_piece(part.data, part.len, &kept), 0);
	assert_true(kept.deflated.len * 5 < part.len);
	/* The kept piece in three members, each with its own head. */
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		wm_buf_clear(&member);
		wm_buf_clear(&back);
		wm_buf_clear(&want);
		wm_gz_start(&g, &member);
		wm_gz_add(&g, heads[i], strlen(heads[i]));
		wm_gz_add_piece(&g, &kept);
		wm_gz_add(&g, "</html>\n", 8);
		assert_int_equal(wm_gz_finish(&g), 0);
		assert_int_equal(gunzip(&member, &back), 0);
		wm_buf_puts(&want, heads[i]);
		wm_buf_add(&want, part.data, part.len);
		wm_buf_puts(&want, "</html>\n");
		assert_int_equal(back.len, want.len);
		assert_memory_equal(back.data, want.data, want.len);
	}
	/* Bytes stored as they are, more than one stored block holds, and
	 * none at all. */
	wm_buf_clear(&member);
	wm_buf_clear(&back);
	wm_buf_clear(&want);
	wm_gz_start(&g, &member);
	wm_gz_add(&g, part.data, 70000);
	wm_gz_add(&g, "", 0);
	wm_gz_add_piece(&g, &kept);
	assert_int_equal(wm_gz_finish(&g), 0);
	assert_true(member.len > 70000);
	assert_int_equal(gunzip(&member, &back), 0);
	wm_buf_add(&want, part.data, 70000);
	wm_buf_add(&want, part.data, part.len);
	assert_int_equal(back.len, want.len);
	assert_memory_equal(back.data, want.data, want.len);
	/* A member of nothing. */
	wm_buf_clear(&member);
	wm_buf_clear(&back);
	wm_gz_start(&g, &member);
	assert_int_equal(wm_gz_finish(&g), 0);
	assert_int_equal(gunzip(&member, &back), 0);
	assert_int_equal(back.len, 0);
	/* A broken member is not taken for one. */
	wm_buf_clear(&member);
	wm_gz_start(&g, &member);
	wm_gz_add_piece(&g, &kept);
	assert_int_equal(wm_gz_finish(&g), 0);
	member.data[member.len - 5] ^= 1;
	wm_buf_clear(&back);
	assert_int_equal(gunzip(&member, &back), -1);
	wm_gz_piece_release(&kept);
	wm_buf_release(&part);
	wm_buf_release(&member);
	wm_buf_release(&back);
	wm_buf_release(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pieces_make_one_member),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
