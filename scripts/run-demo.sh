#!/usr/bin/env bash
# `make run`: creates the demo database if there is none, then shows what
# it holds. (The web server arrives with the web issue; until then this
# prints the network summary a commissioner would see.)
set -eu
WAYMARK=$1
DB=$2
cd "$(dirname "$0")/.."
export WAYMARK_INSTRUMENTS="$PWD/instruments"
if [ ! -e "$DB" ]; then
	echo "Building the demo network in $DB (about 2,000 people; a few seconds)..."
	"$WAYMARK" demo --db "$DB"
else
	echo "Using the existing $DB (delete it to build a fresh demo)."
fi
echo
"$WAYMARK" unit list --db "$DB"
echo
"$WAYMARK" instrument list --db "$DB" | grep -v '^  '
echo
"$WAYMARK" report network --db "$DB"
echo
echo "Try: $WAYMARK --help    (the database is $DB; export WAYMARK_DB=$DB to skip --db)"
