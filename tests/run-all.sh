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
# How long each test took, "SECONDS NAME" a line: the slowest are
# printed at the end, so a run that nears make check's time limit says
# where its time went.
TIMES=$(mktemp)
took() { echo "$(($(date +%s) - $1)) $2" >>"$TIMES"; }

# The unit tests that use a database, the API's tests, waymark check's
# and waymark copy's again on PostgreSQL 15, on a server of this run's
# own in a temporary folder (tests/pg/server.sh), and the three servers
# behind a proxy. They wait on the database far more than they compute, so they
# run beside the SQLite tests, each to the same results file; their
# output follows the SQLite tests'. The rest run on SQLite alone:
# running every test twice would take longer than make check may, and
# they exercise pages and rules above the store, the same code on both.
pg_suite() {
	local t rc start
	. tests/pg/server.sh
	if ! pg_start; then
		echo "FAIL PostgreSQL: the test server did not start" >>"$RESULTS"
		return
	fi
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		grep -q tu_db_path "tests/unit/$(basename "$t").c" || continue
		echo "== unit on PostgreSQL: $(basename "$t")"
		start=$(date +%s)
		if WAYMARK_TEST_PG=1 "$t"; then
			echo "pass unit $(basename "$t") on PostgreSQL" >>"$RESULTS"
		else
			echo "FAIL unit $(basename "$t") on PostgreSQL" | tee -a "$RESULTS"
		fi
		took "$start" "unit $(basename "$t") on PostgreSQL"
	done
	for t in tests/cli/test_api.sh tests/cli/test_api_plans.sh \
	    tests/cli/test_check.sh tests/cli/test_copy.sh tests/cli/pg_*.sh; do
		echo "== cli on PostgreSQL: $(basename "$t")"
		start=$(date +%s)
		WAYMARK_TEST_DB=postgres WAYMARK="$ROOT/$BUILD/waymark" RESULTS="$RESULTS" bash "$t"
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "FAIL $(basename "$t") on PostgreSQL: script exited $rc" | tee -a "$RESULTS"
		fi
		took "$start" "cli $(basename "$t") on PostgreSQL"
	done
	pg_stop
}
# After PostgreSQL's, in the same turn: each fuzz target, built, for a
# few seconds, its verdict a line of its own.
fuzz_suite() {
	local start
	[ -x scripts/run-fuzz.sh ] && [ "${SKIP_FUZZ:-0}" != 1 ] || return 0
	start=$(date +%s)
	echo "== fuzz"
	if scripts/build-fuzz.sh && scripts/run-fuzz.sh; then
		echo "pass fuzz"
	else
		echo "FAIL fuzz"
	fi
	took "$start" "fuzz (build and run)"
}
PG_LOG=$(mktemp)
FUZZ_LOG=$(mktemp)
{ pg_suite >"$PG_LOG" 2>&1; fuzz_suite >"$FUZZ_LOG" 2>&1; } &
PG_JOB=$!

# node_run NAME SCRIPT LOG: runs a node test script against the binary,
# its output (with "pass NAME" and "FAIL NAME" lines) into LOG.
# node_count NAME LOG: shows all but its passes and counts them (none
# passing is a failure).
node_run() {
	local start
	start=$(date +%s)
	node "$2" "$ROOT/$BUILD/waymark" >"$3" 2>&1
	took "$start" "$1"
}
node_count() {
	local p f
	echo "== $1"
	grep -v '^pass ' "$2"
	p=$(grep -c "^pass $1" "$2")
	f=$(grep -c "^FAIL $1" "$2")
	[ "$p" -gt 0 ] || f=$((f + 1))
	passed=$((passed + p))
	failed=$((failed + f))
}

# Beside the rest too, its output shown at the end: a person and a
# practitioner in Debian's headless Chromium, axe-core on every page
# (playwright-core and axe from package-lock.json), on a server and
# database of their own.
BROWSER_LOG=$(mktemp)
FHIR_LOG=$(mktemp)
beside() {
	if [ "${SKIP_BROWSER:-0}" != 1 ]; then
		node_run browser tests/browser/run.mjs "$BROWSER_LOG"
	fi
}
beside &
BESIDE_JOB=$!

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "== unit: $(basename "$t")"
	start=$(date +%s)
	if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL unit $(basename "$t")"; fi
	took "$start" "unit $(basename "$t")"
done

# The command-line tests, two at a time (each in a scratch folder of
# its own, on ports it picks itself), so that both cores stay busy once
# the runs beside them end; each one's output is shown when it ends.
cli_one() {
	local t=$1 rc start
	start=$(date +%s)
	echo "== cli: $(basename "$t")"
	WAYMARK="$ROOT/$BUILD/waymark" RESULTS="$RESULTS" bash "$t"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $(basename "$t"): script exited $rc" | tee -a "$RESULTS"
	fi
	took "$start" "cli $(basename "$t")"
}
CLI_OUT=$(mktemp -d)
cli_jobs=()
for t in tests/cli/test_*.sh; do
	if [ ${#cli_jobs[@]} -ge 2 ]; then
		wait -n "${cli_jobs[@]}"
		alive=()
		for j in "${cli_jobs[@]}"; do
			kill -0 "$j" 2>/dev/null && alive+=("$j")
		done
		cli_jobs=("${alive[@]}")
	fi
	cli_one "$t" >"$CLI_OUT/$(basename "$t").log" 2>&1 &
	cli_jobs+=($!)
done
[ ${#cli_jobs[@]} -gt 0 ] && wait "${cli_jobs[@]}"
cat "$CLI_OUT"/*.log
rm -rf "$CLI_OUT"
wait "$PG_JOB"
cat "$PG_LOG"
rm -f "$PG_LOG"
p=$(grep -c '^pass ' "$RESULTS")
f=$(grep -c '^FAIL ' "$RESULTS")
echo "cli checks: $p passed, $f failed"
passed=$((passed + p))
failed=$((failed + f))
rm -f "$RESULTS"

# The network's FHIR MeasureReports against HL7's R4 JSON schema and
# MeasureReport's invariants (fhir-json-schema-validator and fhirpath from
# package-lock.json).
node_run fhir tests/fhir/validate.mjs "$FHIR_LOG"
node_count fhir "$FHIR_LOG"

wait "$BESIDE_JOB"
[ "${SKIP_BROWSER:-0}" != 1 ] && node_count browser "$BROWSER_LOG"
if [ -s "$FUZZ_LOG" ]; then
	grep -v '^pass fuzz$' "$FUZZ_LOG"
	if grep -q '^pass fuzz$' "$FUZZ_LOG"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi
rm -f "$BROWSER_LOG" "$FHIR_LOG" "$FUZZ_LOG"

echo "== the slowest, in seconds, of a run of $SECONDS s (PostgreSQL's then fuzzing's, and the browser's, run beside the rest)"
sort -rn "$TIMES" | head -12
rm -f "$TIMES"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
