/*
 * A gzip member from pieces (util/gzip.h): pieces compressed once with
 * zlib, and bytes stored as they are.
 */
#include "util/gzip.h"

#include <zlib.h>

/* The fastest level: a page is mostly markup, which compresses twenty to
 * one at any level. */
#define LEVEL 1

int
wm_gz_piece(const void *data, size_t len, struct wm_gz_piece *p)
{
	z_stream z = { 0 };
	uLong room;
	int rc;

	wm_buf_clear(&p->deflated);
	p->crc = (uint32_t)crc32(0L, data, (uInt)len);
	p->len = len;
	/* Raw deflate (negative window bits): no zlib header or trailer,
	 * since the gzip member carries its own. */
	if (len > (size_t)UINT32_MAX || deflateInit2(&z, LEVEL, Z_DEFLATED,
	    -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	/* The most a sync flush can add: an empty stored block. */
	room = deflateBound(&z, (uLong)len) + 16;
	if (room > (uLong)UINT32_MAX || wm_buf_reserve(&p->deflated, room)) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)p->deflated.data;
	z.avail_out = (uInt)room;
	/* A sync flush ends the piece on a byte with no final block, so
	 * that more may follow it in the same stream. */
	rc = deflate(&z, Z_SYNC_FLUSH);
	p->deflated.len = room - z.avail_out;
	p->deflated.data[p->deflated.len] = '\0';
	deflateEnd(&z);
	return rc == Z_OK && z.avail_in == 0 && z.avail_out > 0 ? 0 : -1;
}

void
wm_gz_piece_release(struct wm_gz_piece *p)
{
	wm_buf_release(&p->deflated);
	p->crc = 0;
	p->len = 0;
}

void
wm_gz_start(struct wm_gz *g, struct wm_buf *out)
{
	/* ID1 ID2, deflate, no flags, no time, no extra flags, OS unknown. */
	static const unsigned char head[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0,
	    0, 255 };

	g->out = out;
	g->crc = 0;
	g->len = 0;
	g->failed = wm_buf_add(out, head, sizeof(head)) != 0;
}

void
wm_gz_add_piece(struct wm_gz *g, const struct wm_gz_piece *p)
{
	if (g->failed || p->deflated.failed ||
	    wm_buf_add(g->out, p->deflated.data, p->deflated.len)) {
		g->failed = 1;
		return;
	}
	g->crc = (uint32_t)crc32_combine(g->crc, p->crc, (z_off_t)p->len);
	g->len += p->len;
}

void
wm_gz_add(struct wm_gz *g, const void *data, size_t len)
{
	const unsigned char *b = data;
	size_t n;

	g->crc = (uint32_t)crc32(g->crc, b, (uInt)len);
	g->len += len;
	/* Stored blocks (RFC 1951 3.2.4), each at most 65,535 bytes: the
	 * stream is on a byte here, so each starts with a byte of its
	 * type (not final, stored), then its length and that length's
	 * complement, then the bytes as they are. */
	do {
		unsigned char head[5];

		n = len < 65535 ? len : 65535;
		head[0] = 0;
		head[1] = (unsigned char)n;
		head[2] = (unsigned char)(n >> 8);
		head[3] = (unsigned char)~n;
		head[4] = (unsigned char)(~n >> 8);
		if (g->failed || wm_buf_add(g->out, head, sizeof(head)) ||
		    wm_buf_add(g->out, b, n)) {
			g->failed = 1;
			return;
		}
		b += n;
		len -= n;
	} while (len > 0);
}

int
wm_gz_finish(struct wm_gz *g)
{
	/* An empty final block of fixed codes: BFINAL 1, BTYPE 01, then
	 * the end-of-block code, seven zero bits. */
	static const unsigned char last[2] = { 0x03, 0x00 };
	unsigned char tail[8];
	int i;

	for (i = 0; i < 4; i++) {
		tail[i] = (unsigned char)(g->crc >> (8 * i));
		tail[4 + i] = (unsigned char)((uint32_t)g->len >> (8 * i));
	}
	if (g->failed || wm_buf_add(g->out, last, sizeof(last)) ||
	    wm_buf_add(g->out, tail, sizeof(tail)))
		return -1;
	return 0;
}
