#!/usr/bin/env bash
# make bench: builds the benchmark network and prints each measurement
# beside a baseline measured in the same run on this machine; then the
# web server under wrk (bench/web.sh, which has its own settings), and a
# person's pages on this network against a 2,000-person one
# (bench/pages.sh).
#   BENCH_PEOPLE (default 100000), BENCH_DIR (default build/bench)
set -eu
BUILD=${1:-build/release}
cd "$(dirname "$0")/.."
PEOPLE=${BENCH_PEOPLE:-100000}
DIR=${BENCH_DIR:-build/bench}
W="$BUILD/waymark"
B="$BUILD/waymark-bench"
mkdir -p "$DIR"
rm -f "$DIR"/bench.db* "$DIR"/raw.db*
field() { tr '\t' '\n' | sed -n "s/^$1=//p"; }
now() { date +%s.%N; }
median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

echo "machine: $(nproc) cores, $(uname -m), sqlite $(sqlite3 --version | cut -d' ' -f1)"
echo "generating $PEOPLE people ..."
gen=$($B generate --db "$DIR/bench.db" --people "$PEOPLE" --instruments instruments)
echo "$gen"
raw=$($B raw --from "$DIR/bench.db" --to "$DIR/raw.db")
echo "$raw"
ours_rate=$(echo "$gen" | field store_answers_per_s)
raw_rate=$(echo "$raw" | field answers_per_s)

# Durable saves: 1 writer, then 16, in three alternating rounds (the disk's
# fsync time drifts, so each 16-writer run is compared with the 1-writer
# run beside it), and the median of the three ratios is kept.
ratios=()
for round in 1 2 3; do
	w1=$($B writes --db "$DIR/bench.db" --threads 1 --saves 1000 --mode group)
	w16=$($B writes --db "$DIR/bench.db" --threads 16 --saves 100 --mode group)
	printf '%s\n%s\n' "$w1" "$w16"
	ratios+=("$(echo "scale=2; $(echo "$w16" | field p99_ms) / $(echo "$w1" | field p99_ms)" | bc)")
done
d16=$($B writes --db "$DIR/bench.db" --threads 16 --saves 100 --mode direct)
echo "$d16"

# The summary: Waymark's report of the quarter-by-quarter means (its
# section quarterly-means, over every quarter with answers) against a
# plain GROUP BY in the sqlite3 shell that computes the same figures,
# three runs each, the median kept; and the figures must agree. The
# whole report (every section of the network view as well, over the
# same quarters) is timed beside them, for comparison: the network
# stage below sets its figures against plain SQL.
first=$(sqlite3 "$DIR/bench.db" "SELECT min(quarter) FROM response")
ours=(); plain=(); whole=()
for i in 1 2 3; do
	t0=$(now); $W report network --db "$DIR/bench.db" --format csv --disclosure none --from "$first" --section quarterly-means >"$DIR/ours.csv"; t1=$(now)
	ours+=("$(echo "$t1 - $t0" | bc)")
	t0=$(now); sqlite3 "$DIR/bench.db" <bench/plain_summary.sql >"$DIR/plain.csv"; t1=$(now)
	plain+=("$(echo "$t1 - $t0" | bc)")
	t0=$(now); $W report network --db "$DIR/bench.db" --format csv --disclosure none --from "$first" >"$DIR/whole.csv"; t1=$(now)
	whole+=("$(echo "$t1 - $t0" | bc)")
done
# The whole report's means are the section's.
[ "$(grep '^quarterly-means,' "$DIR/whole.csv")" = "$(grep '^quarterly-means,' "$DIR/ours.csv")" ] ||
	{ echo "bench: the whole report's quarter-by-quarter means differ from the section's" >&2; exit 1; }
[ "$(grep -vc '^quarterly-means,' "$DIR/ours.csv")" = 1 ] ||
	{ echo "bench: the section holds other sections' figures" >&2; exit 1; }
python3 - "$DIR/ours.csv" "$DIR/plain.csv" <<'PY'
import csv, sys
got = {}
for r in csv.DictReader(open(sys.argv[1], newline='')):
    if r['section'] == 'quarterly-means' and r['measure'] != 'dreem':
        key = (r['service'], r['window'].split('..')[0], r['answered_by'],
               r['measure'])
        got.setdefault(key, {})[r['figure']] = r['value']
ours = {k: (int(v['people']), float(v['mean'])) for k, v in got.items()}
plain = {(r[1], r[3], r[4], r[5]): (int(r[6]), float(r[7]))
         for r in csv.reader(open(sys.argv[2], newline=''))}
assert ours.keys() == plain.keys(), 'different rows'
bad = [k for k in ours if ours[k][0] != plain[k][0] or abs(ours[k][1] - plain[k][1]) > 0.011]
assert not bad, bad[:5]
print('summary figures agree: %d rows' % len(ours))
PY
o=$(median3 "${ours[@]}")
p=$(median3 "${plain[@]}")
wo=$(median3 "${whole[@]}")

# Completion rates: every service's cycles, month by month, through the
# store's one pass (median of 9), against bench/plain_completion.sql, a
# recursive query over the raw tables (median of 3); then one service's
# alone (the one with the most people on its caseload). waymark-bench
# fails unless both give the same figures for every cycle and month.
comp=$($B completion --db "$DIR/bench.db")
echo "$comp"
one=$(sqlite3 "$DIR/bench.db" "SELECT u.code FROM unit u JOIN caseload k ON k.unit_id = u.id GROUP BY u.id ORDER BY count(*) DESC, u.code LIMIT 1")
comp1=$($B completion --db "$DIR/bench.db" --service "$one")
echo "$comp1"

# One service's dashboard (the same service): wm_dashboard_build (median
# of 9) against bench/plain_completion.sql and bench/plain_dashboard.sql
# over the raw tables (median of 3); waymark-bench fails unless every
# figure compared agrees. Its second line times the dashboard's parts.
dash=$($B dashboard --db "$DIR/bench.db" --service "$one")
echo "$dash"
dash1=$(echo "$dash" | head -1)

# The network overview, every figure of /network: wm_net_view_build for
# every service and the disclosed tables (median of 21 on one warm
# connection, as a server thread has) against bench/plain_network.sql and
# bench/plain_completion.sql over the raw tables (median of 3);
# waymark-bench fails unless every figure agrees. Its second line times
# the view's parts.
net=$($B network --db "$DIR/bench.db")
echo "$net"
net1=$(echo "$net" | head -1)

ratio() { echo "scale=2; $1 / $2" | bc; }
p99_1=$(echo "$w1" | field p99_ms)
p99_16=$(echo "$w16" | field p99_ms)
echo
echo "| measurement | Waymark | baseline (same run) | ratio | aim |"
echo "|---|---|---|---|---|"
echo "| bulk import, answers/s | $ours_rate (store write path) | $raw_rate (raw SQLite inserts, same rows) | $(ratio "$ours_rate" "$raw_rate") | >= 0.50 |"
echo "| durable save p99, 16 writers vs 1 (last round, ms) | $p99_16 | $p99_1 | $(median3 "${ratios[@]}") (median of rounds: ${ratios[*]}) | <= 3 |"
echo "| durable save, 16 writers without the writer thread: median / p99 / max (ms) | $(echo "$d16" | field median_ms) / $(echo "$d16" | field p99_ms) / $(echo "$d16" | field max_ms) | | | (for comparison) |"
echo "| network summary (the quarter-by-quarter means, every quarter), seconds (median of 3) | $o | $p (plain GROUP BY, sqlite3 shell) | $(ratio "$p" "$o")x faster | >= 20x |"
echo "| the whole network report (every section, every quarter), seconds (median of 3) | $wo | | | (for comparison) |"
echo "| completion rates, all services, ms (median) | $(echo "$comp" | field waymark_ms) | $(echo "$comp" | field plain_ms) (plain recursive SQL, same process) | $(echo "$comp" | field ratio)x faster | >= 20x |"
echo "| completion rates, one service ($one), ms (median) | $(echo "$comp1" | field waymark_ms) | $(echo "$comp1" | field plain_ms) (the same SQL for one service) | $(echo "$comp1" | field ratio)x faster | (for comparison) |"
echo "| one service's dashboard ($one), ms (median) | $(echo "$dash1" | field waymark_ms) | $(echo "$dash1" | field plain_ms) (plain SQL over the raw tables, same process) | $(echo "$dash1" | field ratio)x faster | >= 20x |"
echo "| network overview (every figure of /network, $(echo "$net1" | field figures) compared), ms (median) | $(echo "$net1" | field waymark_ms) | $(echo "$net1" | field plain_ms) (plain SQL over the raw tables, same process) | $(echo "$net1" | field ratio)x faster | >= 50x, and under 100 ms |"
echo "| single saves with 1 writer: median / p99 / max (ms) | $(echo "$w1" | field median_ms) / $p99_1 / $(echo "$w1" | field max_ms) | | | |"
echo "| single saves with 16 writers: median / p99 / max (ms) | $(echo "$w16" | field median_ms) / $p99_16 / $(echo "$w16" | field max_ms) | | | |"

# The web server under load (wrk), on the same database; then each of a
# person's pages on this network against a 2,000-person one.
echo
bench/web.sh "$BUILD" "$DIR"
echo
bench/pages.sh "$BUILD" "$DIR"
