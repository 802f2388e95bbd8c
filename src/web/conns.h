/*
 * Every open connection of the server, each held to the request deadline:
 * a connection must finish a request within the deadline of being opened,
 * or of its last answer, however steadily its bytes trickle in, whether
 * they are its request line, its headers or its body. libmicrohttpd's own
 * timeout fires only when nothing arrives at all, and its callbacks begin
 * only once the request line is whole, so neither can see a client that
 * sends a header byte every two seconds; 512 of those shut everyone out.
 *
 * A sweeper thread looks once a second and shuts down the socket of each
 * connection past its deadline that no handler is answering. It never
 * closes one: the descriptor is libmicrohttpd's, which sees the shutdown
 * as the client going away and closes the connection itself. The clock
 * stops while a handler answers, and starts again when the answer is
 * queued (the answer then has the deadline to be sent) and when it is
 * sent (an idle keep-alive connection has the deadline to bring its next
 * request).
 *
 * Each connection also keeps its peer's address, so that the server can
 * limit how many connections one address holds (wm_conns_from).
 *
 * The set owns its entries; the server owns the set. Every function may
 * be called from any thread.
 */
#ifndef WM_WEB_CONNS_H
#define WM_WEB_CONNS_H

#include <stddef.h>

struct sockaddr;

struct wm_conns;
struct wm_conn;

/* A set whose connections must finish a request within `deadline`
 * seconds, and its sweeper thread, started. 0, or -1 when the thread or
 * memory could not be had. */
int wm_conns_start(unsigned deadline, struct wm_conns **out);

/* Stops the sweeper and frees the set. Only once nothing can add to it
 * (libmicrohttpd stopped): any entries left are freed. */
void wm_conns_stop(struct wm_conns *cs);

/* A connection just opened on socket `fd` from `peer` (IPv4 or IPv6; NULL
 * or another family counts as no address), its clock started. NULL when
 * out of memory: the socket is then shut down at once, since a connection
 * without a deadline could be held for ever. */
struct wm_conn *wm_conns_add(struct wm_conns *cs, int fd,
    const struct sockaddr *peer);

/* How many of the open connections come from the address of `peer` (an
 * IPv4 address and its IPv4-mapped IPv6 form are the same address). */
size_t wm_conns_from(struct wm_conns *cs, const struct sockaddr *peer);

/* The connection is closing: forgotten before its socket is closed, so
 * that the sweeper can never shut down a descriptor that has been reused.
 * Returns the request it still held (wm_conn_hold), for the caller to
 * free, or NULL. NULL is ignored. */
void *wm_conns_remove(struct wm_conns *cs, struct wm_conn *c);

/* The server's record of the request being read on the connection, held
 * until a handler takes it (then NULL is held): libmicrohttpd drops a
 * request whose line or headers are too big without a word to the
 * server, and the record would otherwise be lost with the connection.
 * Returns what was held before (a request dropped without a close), for
 * the caller to free, or NULL. NULL c holds nothing and returns NULL. */
void *wm_conn_hold(struct wm_conns *cs, struct wm_conn *c, void *request);

/* A handler is about to answer the connection's request: 0 and its clock
 * stops, or -1 when the request came too late (past the deadline, or
 * already cut off), to be refused. NULL is 0. */
int wm_conn_answering(struct wm_conns *cs, struct wm_conn *c);

/* The answer is queued, or sent: the clock starts again from now. */
void wm_conn_restart(struct wm_conns *cs, struct wm_conn *c);

/* 1 if the sweeper cut the connection off for being too slow. */
int wm_conn_was_cut(struct wm_conns *cs, const struct wm_conn *c);

#endif
