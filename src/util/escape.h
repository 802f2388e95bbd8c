/*
 * These functions only append to the caller's struct wm_buf: they keep no
 * state, allocate nothing of their own and never return a static buffer.
 *
 * One writer per output context, because text that is safe in one context
 * is not safe in another: HTML text escaping does not protect an unquoted
 * attribute, a URL or a script, and nothing protects a spreadsheet from a
 * cell starting with "=". Pick the writer for the place the text lands.
 *
 * Each writer takes a byte string `s` of length `n` (it need not be
 * NUL-terminated and may contain NUL bytes; `s` may be NULL when n is 0)
 * and returns 0, or -1 when the buffer has failed, now or earlier (the
 * `failed` flag of struct wm_buf is sticky, so a caller may write a whole
 * page and check once).
 *
 * No writer ever appends a raw NUL byte, because readers of a wm_buf take
 * it as a C string and would silently lose the rest: each context says
 * below what an input NUL becomes.
 *
 * The _s variants take a C string, which must not be NULL.
 */
#ifndef WM_UTIL_ESCAPE_H
#define WM_UTIL_ESCAPE_H

#include <stddef.h>

#include "util/buf.h"

/*
 * HTML text, between tags: & < > " ' become entities. Quotes are escaped
 * too so that text pasted into a quoted attribute by mistake stays inside
 * it. NUL becomes &#65533; (U+FFFD). Other bytes, including UTF-8, pass
 * through unchanged.
 */
int wm_esc_html(struct wm_buf *b, const char *s, size_t n);
int wm_esc_html_s(struct wm_buf *b, const char *s);

/*
 * An HTML attribute value; the caller writes the surrounding double
 * quotes. As wm_esc_html, and also ` and = and every control character
 * (0x01-0x1f, 0x7f) become numeric references, so the value cannot end
 * the attribute even if the quotes are lost, and tabs and newlines
 * survive attribute-value normalisation in XML parsers.
 */
int wm_esc_attr(struct wm_buf *b, const char *s, size_t n);
int wm_esc_attr_s(struct wm_buf *b, const char *s);

/*
 * One URL component (a path segment, a query name or value): every byte
 * except the RFC 3986 unreserved set ALPHA DIGIT - . _ ~ becomes %XX with
 * upper-case hex, so "/", "?", "&", "=", "#" and space (%20, never "+")
 * cannot change the URL's structure. A whole URL, built from literals
 * and escaped components, still goes into an href through wm_esc_attr.
 */
int wm_esc_url(struct wm_buf *b, const char *s, size_t n);
int wm_esc_url_s(struct wm_buf *b, const char *s);

/*
 * The contents of a JSON string, without the surrounding quotes. Escapes
 * \" \\ \b \f \n \r \t, other controls below 0x20 as \u00XX (so NUL is
 * \u0000), and < > & / as \u003c \u003e \u0026 \/ so that JSON embedded
 * in an HTML <script> cannot close the element or start a comment.
 * U+2028 and U+2029 become \u2028 \u2029 because older JavaScript engines
 * treat them as line ends inside string literals. The output is always
 * valid UTF-8: each invalid sequence (stray continuation byte, truncated
 * or overlong sequence, surrogate, beyond U+10FFFF) becomes one \ufffd per
 * maximal invalid subpart, as the WHATWG decoder does.
 */
int wm_esc_json(struct wm_buf *b, const char *s, size_t n);
int wm_esc_json_s(struct wm_buf *b, const char *s);

/*
 * SVG (XML 1.0) character data, or a double-quoted attribute value
 * (where an XML parser turns tab and newline into spaces):
 * & < > " ' become entities. Control characters other than tab, LF and
 * CR, NUL among them, are dropped: XML 1.0 has no way to write them and a
 * parser rejects the whole document. For the same reason invalid UTF-8
 * and the non-characters U+FFFE and U+FFFF become U+FFFD, so one bad
 * label cannot blank a whole chart.
 */
int wm_esc_svg(struct wm_buf *b, const char *s, size_t n);
int wm_esc_svg_s(struct wm_buf *b, const char *s);

/*
 * One RFC 4180 CSV cell of text; the caller writes the separators and
 * the CRLF line ends. The cell is double-quoted, with " doubled, when it
 * contains , " CR or LF, or starts or ends with a space or tab.
 *
 * Formula-injection guard: a cell starting with = + - @ TAB or CR would
 * be run as a formula by a spreadsheet, so it is prefixed with a single
 * quote ' and the whole cell is quoted: "=1+2" is written "'=1+2".
 * Leading spaces are skipped before looking, since some importers trim
 * them (" =1" is written "' =1"). The guard applies to all text,
 * including text that looks like a negative number ("-3" is written
 * "'-3"), because text is not trusted.
 *
 * Numbers the program itself computes must be written with
 * wm_csv_number(), which is never guarded, so that negative numbers stay
 * numbers in the spreadsheet. Never format a number into a string and
 * pass it here.
 *
 * NUL becomes U+FFFD. An empty string is an empty cell.
 */
int wm_esc_csv(struct wm_buf *b, const char *s, size_t n);
int wm_esc_csv_s(struct wm_buf *b, const char *s);

/*
 * One CSV cell holding a number computed by the program, as "%.*f" with
 * `decimals` clamped to 0..17. Never quoted or guarded. A value that
 * rounds to zero is written without a minus sign ("-0.0" would read as a
 * different answer), and a NaN or infinity is written as an empty cell,
 * the same as a missing value, since no spreadsheet reads "nan".
 */
int wm_csv_number(struct wm_buf *b, double v, int decimals);

/*
 * One field of a log line (a request's path, as sent): printable ASCII
 * passes through; a backslash, a control character (CR and LF among
 * them), a space, DEL and every byte of 0x80 and up become \xHH, so that
 * nothing sent can start a line of its own, hide in the log or split a
 * field. NUL becomes \x00.
 */
int wm_esc_log(struct wm_buf *b, const char *s, size_t n);
int wm_esc_log_s(struct wm_buf *b, const char *s);

/*
 * Appends `s` unchanged. This is the one raw-output function, kept apart
 * so that `git grep wm_esc_raw` lists every place where text reaches
 * output unescaped. Every call needs a comment saying why the bytes are
 * safe (a literal, or the output of another writer); anything that came
 * from a person, a file or the database never goes through it.
 */
int wm_esc_raw(struct wm_buf *b, const char *s, size_t n);

#endif
