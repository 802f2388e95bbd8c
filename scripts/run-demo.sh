#!/usr/bin/env bash
# `make run`: creates the demo database if there is none (or brings an
# existing one up to date), prints the demo sign-ins and serves it on
# http://127.0.0.1:8080 until Ctrl-C.
set -eu
WAYMARK=$1
DB=$2
LISTEN=${WAYMARK_LISTEN:-127.0.0.1:8080}
cd "$(dirname "$0")/.."
export WAYMARK_INSTRUMENTS="$PWD/instruments"
if [ ! -e "$DB" ]; then
	echo "Building the demo network in $DB (about 2,000 people; a few seconds)..."
	"$WAYMARK" demo --db "$DB" | grep -v '^sign-in:'
else
	echo "Using the existing $DB (delete it to build a fresh demo)."
	"$WAYMARK" init --db "$DB"
fi
signins=$(sqlite3 "$DB" "SELECT value FROM setting WHERE key = 'demo-sign-ins'" 2>/dev/null || true)
echo
if [ -n "$signins" ]; then
	echo "Demo sign-ins (the passwords are public; this is fictional data):"
	printf '%s\n' "$signins"
else
	echo "$DB has no demo sign-ins (it was made by an older Waymark): delete it and run 'make run' again."
fi
echo
echo "Open http://$LISTEN/ in a browser. Ctrl-C stops the server."
exec "$WAYMARK" serve --db "$DB" --listen "$LISTEN"
