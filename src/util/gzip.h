/*
 * A gzip member (RFC 1952) put together from pieces: a piece compressed
 * once and kept (a page's part the same for all who see it) goes into
 * many members without being compressed again, beside bytes stored as
 * they are (the page's head, with its form token, and its foot: small,
 * and different for each request, so not worth compressing each time).
 * No piece's compression ever refers to another's bytes, and what is
 * stored is not compressed at all, so the size of a member says nothing
 * of what a secret in it holds, whatever a request sent beside it.
 *
 * A piece is raw deflate (RFC 1951) ending byte-aligned with an empty
 * stored block and no final block, so pieces follow one another in one
 * deflate stream; the member ends with an empty final block and the
 * CRC-32 and length of everything, combined from the pieces'.
 *
 * Ownership: a struct wm_gz_piece owns its bytes
 * (wm_gz_piece_release); a member is written into a caller's wm_buf.
 */
#ifndef WM_UTIL_GZIP_H
#define WM_UTIL_GZIP_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct wm_gz_piece {
	struct wm_buf deflated;
	uint32_t crc;		/* CRC-32 of the bytes before compression */
	size_t len;		/* how many they were */
};

#define WM_GZ_PIECE_INIT { WM_BUF_INIT, 0, 0 }

/* Compresses len bytes as one piece into *p (cleared first): 0, or -1
 * out of memory or past the buffer's maximum. */
int wm_gz_piece(const void *data, size_t len, struct wm_gz_piece *p);
void wm_gz_piece_release(struct wm_gz_piece *p);

/* A member being put together: its header is written at start. */
struct wm_gz {
	struct wm_buf *out;
	uint32_t crc;
	size_t len;
	int failed;
};

void wm_gz_start(struct wm_gz *g, struct wm_buf *out);
/* The next piece: one compressed before, or bytes stored as they are. */
void wm_gz_add_piece(struct wm_gz *g, const struct wm_gz_piece *p);
void wm_gz_add(struct wm_gz *g, const void *data, size_t len);
/* The final block and the trailer: 0, or -1 if any step failed. */
int wm_gz_finish(struct wm_gz *g);

#endif
