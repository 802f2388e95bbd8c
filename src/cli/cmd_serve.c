/*
 * waymark serve: the web application for people and practitioners.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/server.h"

int cmd_serve(const struct cli_cmd *cmd, int argc, char **argv);

/* "HOST:PORT" into its parts. */
static int
parse_listen(const char *s, char *host, size_t n, uint16_t *port)
{
	const char *colon = strrchr(s, ':');
	char *end;
	long p;

	if (!colon || colon == s || (size_t)(colon - s) >= n)
		return -1;
	errno = 0;
	p = strtol(colon + 1, &end, 10);
	if (errno || *end || p < 1 || p > 65535)
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	*port = (uint16_t)p;
	return 0;
}

int
cmd_serve(const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *db = NULL, *listen = "127.0.0.1:8080", *base = NULL;
	const char *courses = NULL, *request_timeout = NULL;
	const char *proxies[WM_PROXIES_MAX];
	size_t n_proxies = 0, i;
	int allow_demo = 0, routes = 0, log_work = 0;
	long seconds = WM_SERVER_REQUEST_SECONDS;
	const struct cli_opt opts[] = {
		CLI_OPT_DB(db),
		{ .name = "listen", .arg = "HOST:PORT", .help = "where to listen "
		    "(default 127.0.0.1:8080)", .value = &listen },
		{ .name = "base-url", .arg = "URL", .help = "how people reach "
		    "it, e.g. https://waymark.example.org (default: the listen "
		    "address over http)", .value = &base },
		{ .name = "allow-demo", .help = "serve a demo database (public "
		    "passwords) on an address other than loopback",
		    .flag = &allow_demo },
		{ .name = "log-work", .help = "add the database work each "
		    "request cost (steps, the same on every run) to its "
		    "access-log line, to see which pages read more than they "
		    "should", .flag = &log_work },
		{ .name = "courses", .arg = "FILE", .help = "the training "
		    "course catalogue (default: training-courses.json in "
		    "$WAYMARK_INSTRUMENTS or ./instruments)", .value = &courses },
		{ .name = "request-timeout", .arg = "SECONDS", .help = "the "
		    "longest a connection may take to send a whole request, "
		    "from opening or from its last answer, however steadily "
		    "it trickles in (default 30)", .value = &request_timeout },
		{ .name = "trusted-proxy", .arg = "ADDR", .help = "a reverse "
		    "proxy's IPv4 address (repeat it, or separate several with "
		    "commas): from it alone, the client is the last address of "
		    "X-Forwarded-For, for the sign-in throttle and the audit "
		    "log, and its connections are not held to the 32 one "
		    "address may have (the proxy should limit each client's)",
		    .values = proxies,
		    .max_values = WM_PROXIES_MAX, .n_values = &n_proxies },
		{ .name = "routes", .help = "print each route (method, path, "
		    "who may use it, what a view of it writes to the audit "
		    "log, the query parameters it reads), tab-separated, and "
		    "stop", .flag = &routes },
		{ 0 },
	};
	struct wm_server_opts o = { 0 };
	struct wm_catalogue *cat = NULL;
	struct wm_buf err = WM_BUF_INIT, url = WM_BUF_INIT;
	char host[64], *pos[1];
	size_t n;
	int rc;

	if ((rc = cli_parse(cmd, opts, argc, argv, pos, 0, &n)) >= 0)
		return rc;
	if (routes) {
		wm_server_routes(&url);
		fputs(wm_buf_str(&url), stdout);
		wm_buf_release(&url);
		return CLI_OK;
	}
	if (parse_listen(listen, host, sizeof(host), &o.port)) {
		cli_error("--listen: '%s' is not HOST:PORT, e.g. 127.0.0.1:8080",
		    listen);
		return CLI_USAGE;
	}
	if (base && strncmp(base, "http://", 7) != 0 &&
	    strncmp(base, "https://", 8) != 0) {
		cli_error("--base-url: '%s' must start with http:// or https://",
		    base);
		return CLI_USAGE;
	}
	if (request_timeout && cli_parse_long("request-timeout",
	    request_timeout, 1, 600, &seconds))
		return CLI_USAGE;
	o.request_seconds = (unsigned)seconds;
	for (i = 0; i < n_proxies; i++)
		if (wm_proxies_add(&o.proxies, proxies[i], &err)) {
			cli_error("--trusted-proxy: %s", wm_buf_str(&err));
			wm_buf_release(&err);
			return CLI_USAGE;
		}
	if (!(o.db = cli_db(db)))
		return CLI_USAGE;
	o.host = host;
	o.allow_demo = allow_demo;
	o.log_work = log_work;
	wm_buf_printf(&url, "http://%s", listen);
	o.base_url = base ? base : wm_buf_str(&url);
	if ((rc = cli_load_courses(courses, &cat)))
		goto out;
	o.courses = cat;
	rc = CLI_FAIL;
	if (wm_server_check(&o, &err) == 0 && wm_server_run(&o, &err) == 0)
		rc = CLI_OK;
	else
		cli_error("%s", wm_buf_str(&err));
out:
	wm_catalogue_free(cat);
	wm_buf_release(&err);
	wm_buf_release(&url);
	return rc;
}
