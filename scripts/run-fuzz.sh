#!/usr/bin/env bash
# run-fuzz: runs every fuzz target that scripts/build-fuzz.sh built, each
# for FUZZ_SECONDS (default 5) on its seed corpus, and prints one line per
# target. Exits 1 if any target crashed, leaked, hit undefined behaviour,
# timed out or was not built; 0 otherwise.
#
# Usage: scripts/run-fuzz.sh [TARGET...]	(default: every fuzz/fuzz_*.c)
#	 FUZZ_SECONDS=600 scripts/run-fuzz.sh fuzz_response
#
# For target fuzz_NAME the seeds are fuzz/corpus/NAME/ and the dictionary
# fuzz/dict/NAME.dict. libFuzzer reads the seeds but writes what it finds
# into a scratch directory (the first corpus directory it is given), so
# the committed corpus changes only by hand. A failing input is kept as
# build/fuzz/artifacts/fuzz_NAME/crash-* (or leak-*, timeout-*), and each
# run's output as build/fuzz/logs/fuzz_NAME.log.
set -u
cd "$(dirname "$0")/.."

secs=${FUZZ_SECONDS:-5}
case $secs in
'' | *[!0-9]*)
	echo "run-fuzz: FUZZ_SECONDS must be a whole number of seconds" >&2
	exit 2
	;;
esac

if [ $# -gt 0 ]; then
	targets=("$@")
else
	targets=()
	for src in fuzz/fuzz_*.c; do
		[ -e "$src" ] || continue
		name=${src#fuzz/}
		targets+=("${name%.c}")
	done
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/run-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
mkdir -p build/fuzz/logs

# The last value of "name: N" in a libFuzzer log, or "?".
fuzz_stat() {
	local v
	v=$(sed -n "s/^stat::$1: *\([0-9]*\).*/\1/p" "$2" | tail -n 1)
	echo "${v:-?}"
}

failed=0
for t in "${targets[@]}"; do
	bin=build/fuzz/$t
	short=${t#fuzz_}
	corpus=fuzz/corpus/$short
	log=build/fuzz/logs/$t.log
	art=build/fuzz/artifacts/$t
	if [ ! -x "$bin" ]; then
		printf '%-16s FAIL  not built (run make fuzz)\n' "$t"
		failed=1
		continue
	fi
	mkdir -p "$scratch/$t" "$art"
	dirs=("$scratch/$t")
	[ -d "$corpus" ] && dirs+=("$corpus")
	args=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048
	    -print_final_stats=1 -artifact_prefix="$art/")
	[ -f "fuzz/dict/$short.dict" ] && args+=(-dict="fuzz/dict/$short.dict")
	# cli_parse prints usage for most inputs: drop the target's own
	# output (libFuzzer's and the sanitizers' reports still show).
	[ "$t" = fuzz_cli_args ] && args+=(-close_fd_mask=3)
	# (Braces, so that the shell's own "Aborted" goes to the log too.)
	{ "$bin" "${args[@]}" "${dirs[@]}"; } >"$log" 2>&1
	rc=$?
	runs=$(fuzz_stat number_of_executed_units "$log")
	cov=$(sed -n 's/.* cov: \([0-9]*\) .*/\1/p' "$log" | tail -n 1)
	found=$(find "$scratch/$t" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		printf '%-16s ok    %s s, %s runs, coverage %s, %s new inputs\n' \
		    "$t" "$secs" "$runs" "${cov:-?}" "$found"
		continue
	fi
	failed=1
	what=$(grep -m 1 -E '^==[0-9]+==ERROR|runtime error:|invariant failed|deadly signal|ALARM|out-of-memory|cannot load' "$log" |
	    sed 's/^==[0-9]*== *//')
	input=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -n 1)
	printf '%-16s FAIL  exit %s: %s; input %s; log %s\n' "$t" "$rc" \
	    "${what:-see the log}" "${input:-none}" "$log"
done
exit "$failed"
