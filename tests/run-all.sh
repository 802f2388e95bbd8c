#!/usr/bin/env bash
# Runs every test against the binaries in BUILD (build/check: ASan+UBSan)
# and ends with one line: "N passed, N failed".
set -u
BUILD=${1:-build/check}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
passed=0
failed=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

RESULTS=$(mktemp)

# The unit tests that use a database, the API's tests and waymark
# check's again on PostgreSQL 15, on a server of this run's own in a
# temporary folder (tests/pg/server.sh), and the three servers behind a
# proxy. They wait on the database far more than they compute, so they
# run beside the SQLite tests, each to the same results file; their
# output follows the SQLite tests'. The rest run on SQLite alone:
# running every test twice would take longer than make check may, and
# they exercise pages and rules above the store, the same code on both.
pg_suite() {
	local t rc
	. tests/pg/server.sh
	if ! pg_start; then
		echo "FAIL PostgreSQL: the test server did not start" >>"$RESULTS"
		return
	fi
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		grep -q tu_db_path "tests/unit/$(basename "$t").c" || continue
		echo "== unit on PostgreSQL: $(basename "$t")"
		if WAYMARK_TEST_PG=1 "$t"; then
			echo "pass unit $(basename "$t") on PostgreSQL" >>"$RESULTS"
		else
			echo "FAIL unit $(basename "$t") on PostgreSQL" | tee -a "$RESULTS"
		fi
	done
	for t in tests/cli/test_api.sh tests/cli/test_api_plans.sh \
	    tests/cli/test_check.sh tests/cli/pg_*.sh; do
		echo "== cli on PostgreSQL: $(basename "$t")"
		WAYMARK_TEST_DB=postgres WAYMARK="$ROOT/$BUILD/waymark" RESULTS="$RESULTS" bash "$t"
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "FAIL $(basename "$t") on PostgreSQL: script exited $rc" | tee -a "$RESULTS"
		fi
	done
	pg_stop
}
PG_LOG=$(mktemp)
pg_suite >"$PG_LOG" 2>&1 &
PG_JOB=$!

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "== unit: $(basename "$t")"
	if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL unit $(basename "$t")"; fi
done

for t in tests/cli/test_*.sh; do
	echo "== cli: $(basename "$t")"
	WAYMARK="$ROOT/$BUILD/waymark" RESULTS="$RESULTS" bash "$t"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $(basename "$t"): script exited $rc" | tee -a "$RESULTS"
	fi
done
wait "$PG_JOB"
cat "$PG_LOG"
rm -f "$PG_LOG"
p=$(grep -c '^pass ' "$RESULTS")
f=$(grep -c '^FAIL ' "$RESULTS")
echo "cli checks: $p passed, $f failed"
passed=$((passed + p))
failed=$((failed + f))
rm -f "$RESULTS"

# node_suite NAME SCRIPT: runs a node test script that prints "pass NAME"
# and "FAIL NAME" lines, and counts them (none passing is a failure).
node_suite() {
	local out p f
	echo "== $1"
	out=$(node "$2" "$ROOT/$BUILD/waymark" 2>&1)
	echo "$out" | grep -v '^pass '
	p=$(echo "$out" | grep -c "^pass $1")
	f=$(echo "$out" | grep -c "^FAIL $1")
	[ "$p" -gt 0 ] || f=$((f + 1))
	passed=$((passed + p))
	failed=$((failed + f))
}

# A person and a practitioner in Debian's headless Chromium, axe-core on
# every page (playwright-core and axe from package-lock.json).
if [ "${SKIP_BROWSER:-0}" != 1 ]; then
	node_suite browser tests/browser/run.mjs
fi

# The network's FHIR MeasureReports against HL7's R4 JSON schema and
# MeasureReport's invariants (fhir-json-schema-validator and fhirpath from
# package-lock.json).
node_suite fhir tests/fhir/validate.mjs

if [ -x scripts/run-fuzz.sh ] && [ "${SKIP_FUZZ:-0}" != 1 ]; then
	echo "== fuzz"
	if scripts/build-fuzz.sh && scripts/run-fuzz.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL fuzz"; fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
