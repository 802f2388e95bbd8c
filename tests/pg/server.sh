# Sourced: a PostgreSQL 15 server of the test run's own, started in a
# temporary folder and listening only on a Unix socket there, so a test
# needs nothing running beforehand and touches no other server.
#
#   pg_start            starts it (once; a second call does nothing) and
#                       exports WAYMARK_PG_BASE, the URI without a
#                       database name's end: "postgresql:///"
#   pg_new_db NAME      creates an empty database NAME; prints its URI
#   pg_stop             stops it and removes the folder, if this shell
#                       started it
#
# PostgreSQL refuses to run as root: as root the server runs as the
# `postgres` account Debian's package makes. fsync is off for the test
# server alone: tests stop Waymark's processes, never the machine, and
# the benchmarks' server (bench/) keeps it on.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=${PG_DIR:-}
PG_PORT=${PG_PORT:-}
PG_OURS=0

pg_as() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
	[ -n "$PG_DIR" ] && [ -S "$PG_DIR/.s.PGSQL.$PG_PORT" ] && return 0
	PG_DIR=$(mktemp -d /tmp/waymark-pg.XXXXXX) || return 1
	PG_PORT=$((50000 + RANDOM % 10000))
	[ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
	pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U waymark --auth=trust \
	    -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log" >&2
		return 1
	}
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" \
	    -o "-k $PG_DIR -c listen_addresses='' -p $PG_PORT \
	    -c max_connections=300 -c fsync=off -c full_page_writes=off" \
	    start >/dev/null || {
		cat "$PG_DIR/log" >&2
		return 1
	}
	PG_OURS=1
	export PG_DIR PG_PORT
	export WAYMARK_PG_BASE="postgresql://waymark@/"
	export PGHOST="$PG_DIR" PGPORT="$PG_PORT" PGUSER=waymark
}

pg_new_db() {
	psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$1\"" >/dev/null &&
	psql -q -d postgres -c "CREATE DATABASE \"$1\"" >/dev/null &&
	echo "postgresql://waymark@/$1?host=$PG_DIR&port=$PG_PORT"
}

pg_stop() {
	[ "$PG_OURS" = 1 ] || return 0
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop \
	    >/dev/null 2>&1
	rm -rf "$PG_DIR"
	PG_OURS=0
}
