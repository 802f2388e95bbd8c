/*
 * The connections' deadlines (see conns.h). One mutex guards the list and
 * every entry's fields; the sweeper holds it while it shuts sockets down,
 * and wm_conns_remove takes it before libmicrohttpd closes a socket
 * (libmicrohttpd 0.9.75 calls MHD_CONNECTION_NOTIFY_CLOSED, and so
 * wm_conns_remove, before it closes the descriptor), so a descriptor is
 * shut down only while it is still the connection's own.
 */
#include "web/conns.h"

#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "util/clock.h"

/* How often the sweeper looks: a connection is cut at most this late. */
#define SWEEP_SECONDS 1

struct wm_conn {
	int fd;
	unsigned char peer[16];	/* its address as IPv6, IPv4 mapped */
	double since;		/* opened, or last answered (wm_clock) */
	int answering;		/* a handler is answering it now */
	int cut;		/* shut down for being too slow */
	void *held;		/* a request no handler has taken yet */
	struct wm_conn *prev, *next;
};

struct wm_conns {
	pthread_mutex_t mu;
	pthread_cond_t wake;	/* signalled to stop the sweeper */
	pthread_t sweeper;
	unsigned deadline;
	int stopping;
	struct wm_conn *head;
};

/* The address of `sa` as 16 bytes: IPv6 as it is, IPv4 mapped into
 * IPv6 (::ffff:a.b.c.d); all zero for anything else. */
static void
peer_of(const struct sockaddr *sa, unsigned char out[16])
{
	const struct sockaddr_in *in4 = (const void *)sa;
	const struct sockaddr_in6 *in6 = (const void *)sa;

	memset(out, 0, 16);
	if (sa && sa->sa_family == AF_INET6) {
		memcpy(out, &in6->sin6_addr, 16);
	} else if (sa && sa->sa_family == AF_INET) {
		out[10] = out[11] = 0xff;
		memcpy(out + 12, &in4->sin_addr, 4);
	}
}

static int
late(const struct wm_conns *cs, const struct wm_conn *c)
{
	return wm_clock_seconds() - c->since >= (double)cs->deadline;
}

/* Under mu: shuts down each connection past its deadline that no handler
 * is answering. */
static void
sweep(struct wm_conns *cs)
{
	struct wm_conn *c;

	for (c = cs->head; c; c = c->next) {
		if (c->answering || c->cut || !late(cs, c))
			continue;
		shutdown(c->fd, SHUT_RDWR);
		c->cut = 1;
	}
}

static void *
sweeper(void *arg)
{
	struct wm_conns *cs = arg;
	struct timespec at;

	pthread_mutex_lock(&cs->mu);
	while (!cs->stopping) {
		clock_gettime(CLOCK_MONOTONIC, &at);
		at.tv_sec += SWEEP_SECONDS;
		pthread_cond_timedwait(&cs->wake, &cs->mu, &at);
		if (!cs->stopping)
			sweep(cs);
	}
	pthread_mutex_unlock(&cs->mu);
	return NULL;
}

int
wm_conns_start(unsigned deadline, struct wm_conns **out)
{
	struct wm_conns *cs = calloc(1, sizeof(*cs));
	pthread_condattr_t ca;
	int ok;

	*out = NULL;
	if (!cs)
		return -1;
	cs->deadline = deadline;
	pthread_mutex_init(&cs->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cs->wake, &ca);
	pthread_condattr_destroy(&ca);
	ok = pthread_create(&cs->sweeper, NULL, sweeper, cs) == 0;
	if (!ok) {
		pthread_cond_destroy(&cs->wake);
		pthread_mutex_destroy(&cs->mu);
		free(cs);
		return -1;
	}
	*out = cs;
	return 0;
}

void
wm_conns_stop(struct wm_conns *cs)
{
	struct wm_conn *c;

	if (!cs)
		return;
	pthread_mutex_lock(&cs->mu);
	cs->stopping = 1;
	pthread_cond_signal(&cs->wake);
	pthread_mutex_unlock(&cs->mu);
	pthread_join(cs->sweeper, NULL);
	while ((c = cs->head)) {
		cs->head = c->next;
		free(c);
	}
	pthread_cond_destroy(&cs->wake);
	pthread_mutex_destroy(&cs->mu);
	free(cs);
}

struct wm_conn *
wm_conns_add(struct wm_conns *cs, int fd, const struct sockaddr *peer)
{
	struct wm_conn *c = calloc(1, sizeof(*c));

	if (!c) {
		shutdown(fd, SHUT_RDWR);
		return NULL;
	}
	c->fd = fd;
	peer_of(peer, c->peer);
	c->since = wm_clock_seconds();
	pthread_mutex_lock(&cs->mu);
	c->next = cs->head;
	if (cs->head)
		cs->head->prev = c;
	cs->head = c;
	pthread_mutex_unlock(&cs->mu);
	return c;
}

size_t
wm_conns_from(struct wm_conns *cs, const struct sockaddr *peer)
{
	unsigned char key[16];
	const struct wm_conn *c;
	size_t n = 0;

	peer_of(peer, key);
	pthread_mutex_lock(&cs->mu);
	for (c = cs->head; c; c = c->next)
		n += memcmp(c->peer, key, sizeof(key)) == 0;
	pthread_mutex_unlock(&cs->mu);
	return n;
}

void *
wm_conns_remove(struct wm_conns *cs, struct wm_conn *c)
{
	void *held;

	if (!c)
		return NULL;
	pthread_mutex_lock(&cs->mu);
	if (c->prev)
		c->prev->next = c->next;
	else
		cs->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	held = c->held;
	pthread_mutex_unlock(&cs->mu);
	free(c);
	return held;
}

void *
wm_conn_hold(struct wm_conns *cs, struct wm_conn *c, void *request)
{
	void *before;

	if (!c)
		return NULL;
	pthread_mutex_lock(&cs->mu);
	before = c->held;
	c->held = request;
	pthread_mutex_unlock(&cs->mu);
	return before;
}

int
wm_conn_answering(struct wm_conns *cs, struct wm_conn *c)
{
	int too_late;

	if (!c)
		return 0;
	pthread_mutex_lock(&cs->mu);
	too_late = c->cut || late(cs, c);
	c->answering = !too_late;
	pthread_mutex_unlock(&cs->mu);
	return too_late ? -1 : 0;
}

void
wm_conn_restart(struct wm_conns *cs, struct wm_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&cs->mu);
	c->answering = 0;
	c->since = wm_clock_seconds();
	pthread_mutex_unlock(&cs->mu);
}

int
wm_conn_was_cut(struct wm_conns *cs, const struct wm_conn *c)
{
	int cut;

	if (!c)
		return 0;
	pthread_mutex_lock(&cs->mu);
	cut = c->cut;
	pthread_mutex_unlock(&cs->mu);
	return cut;
}
