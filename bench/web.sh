#!/usr/bin/env bash
# The web part of make bench (called by bench/run.sh): wrk on loopback
# against `waymark serve` on the bench database, for a signed-in person's
# journey page, the commissioner's /network (the whole network at a
# glance, each view audited) and saving a completed measure (a durable
# save), each beside a static page from the same server, the ceiling, as
# a ratio.
#   bench/web.sh BUILD DIR      (the database is DIR/bench.db)
#   BENCH_WRK_SECONDS: each wrk run (default 5; there are 14 runs)
#   BENCH_WRK_CONNECTIONS: wrk's connections (default 16; the server
#   allows 32 from one address)
set -eu
BUILD=${1:-build/release}
DIR=${2:-build/bench}
cd "$(dirname "$0")/.."
W="$BUILD/waymark"
DB="$DIR/bench.db"
SECS=${BENCH_WRK_SECONDS:-5}
CONNS=${BENCH_WRK_CONNECTIONS:-16}
# The ceiling: the largest icon built into the server (nhsuk-frontend has
# no asset near 2 KB; the stylesheet is 270 KB), served from memory with
# the same routing, headers and access log as every page.
STATIC=/assets/images/nhsuk-icon-arrow-up-down.svg
LOG="$DIR/web-server.log"
JAR="$DIR/web-cookies"
# The demo network's commissioner (its password is public by design:
# `waymark demo` prints it), whose grant covers every service.
COMMISSIONER=commissioner@demo.waymark.example
COMMISSIONER_PASSWORD=demo-commissioning-pass
PID=""

. bench/web_lib.sh
die() { echo "bench web: $*" >&2; exit 1; }
U() { echo "http://127.0.0.1:$PORT$1"; }
code() { curl -s -o "$DIR/web-body" -w '%{http_code}' "$@"; }

command -v wrk >/dev/null || die "wrk is not installed (make deps installs it)"
[ -f "$DB" ] || die "no $DB: run bench/run.sh first"

# A person with the median number of completed responses, on a caseload
# today (so that a save is accepted), who has no sign-in yet: a new one
# each run, since the saves measured here add to the person's record.
person=$(sqlite3 "$DB" <<'SQL'
WITH n AS (SELECT subject_id AS id, count(*) AS c FROM response
    WHERE subject_kind = 'person' AND status = 'completed' GROUP BY subject_id),
m AS (SELECT c FROM n ORDER BY c LIMIT 1 OFFSET (SELECT count(*) / 2 FROM n))
SELECT p.ident FROM n JOIN person p ON p.id = n.id
WHERE n.c = (SELECT c FROM m)
  AND EXISTS (SELECT 1 FROM caseload c WHERE c.person_id = p.id
    AND c.end_date IS NULL AND c.start_date <= date('now'))
  AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id)
ORDER BY p.id LIMIT 1;
SQL
)
[ -n "$person" ] || die "no person on a caseload with a typical number of responses"
EMAIL="bench.$person@bench.waymark.example"
printf 'a bench password, not secret\n' >"$DIR/web-password"
"$W" account add --db "$DB" --email "$EMAIL" --name "Bench Person" \
    --person "$person" --password-file "$DIR/web-password" >/dev/null
responses=$(sqlite3 "$DB" "SELECT count(*) FROM response r JOIN person p ON
    p.id = r.subject_id WHERE r.subject_kind = 'person' AND
    r.status = 'completed' AND p.ident = '$person'")
scores=$(sqlite3 "$DB" "SELECT count(*) FROM score s JOIN response r ON
    r.id = s.response_id JOIN person p ON p.id = r.subject_id WHERE
    r.subject_kind = 'person' AND r.status = 'completed' AND
    s.value IS NOT NULL AND p.ident = '$person'")
MID=$(sqlite3 "$DB" "SELECT max(id) FROM instrument WHERE url LIKE
    '%/dreem-recovery-markers'")

stop() { unserve "$PID"; PID=""; }
trap stop EXIT
serve "$DB" "$LOG"
PID=$SPID
PORT=$SPORT
[ -n "$PID" ] || die "the server did not start: $(cat "$LOG")"

# Sign in as the person, as a browser would.
session=$(signin "$PORT" "$EMAIL" "a bench password, not secret" "$JAR")
[ -n "$session" ] || die "no session cookie after signing in"
COOKIE="Cookie: wm_session=$session"
session=$(signin "$PORT" "$COMMISSIONER" "$COMMISSIONER_PASSWORD" "$JAR.c")
[ -n "$session" ] || die "no session cookie after signing in as the commissioner"
NCOOKIE="Cookie: wm_session=$session"

# The recovery markers form, every question answered with its first
# option, and the session's form token.
[ "$(code -H "$COOKIE" "$(U "/measures/$MID")")" = 200 ] || die "GET /measures/$MID"
body="csrf=$(csrf "$DIR/web-body")"
body+=$(grep -o 'name="[a-z0-9-]*" type="radio" value="[a-z0-9-]*"' "$DIR/web-body" |
    awk -F'"' '!seen[$2]++ { printf "&%s=%s", $2, $6 }')
items=$(echo "$body" | tr '&' '\n' | grep -vc '^csrf=')

# Each request once before measuring, with the bytes its response carries.
[ "$(code "$(U "$STATIC")")" = 200 ] || die "GET $STATIC"
static_bytes=$(wc -c <"$DIR/web-body")
[ "$(code "$(U /sign-in)")" = 200 ] || die "GET /sign-in"
signin_bytes=$(wc -c <"$DIR/web-body")
[ "$(code -H "$COOKIE" "$(U /journey)")" = 200 ] || die "GET /journey"
grep -q 'role="img"' "$DIR/web-body" || die "the journey has no chart"
journey_bytes=$(wc -c <"$DIR/web-body")
[ "$(code -H "$NCOOKIE" "$(U /network)")" = 200 ] || die "GET /network"
grep -q 'id="recovery"' "$DIR/web-body" || die "/network has no recovery section"
network_bytes=$(wc -c <"$DIR/web-body")
# What a browser is sent: the same page, compressed.
[ "$(code -H "$NCOOKIE" -H "Accept-Encoding: gzip, deflate" "$(U /network)")" = 200 ] || die "GET /network (gzip)"
network_gz=$(wc -c <"$DIR/web-body")
python3 -c "import gzip, sys; gzip.decompress(open(sys.argv[1], 'rb').read())" "$DIR/web-body" ||
    die "/network sent compressed does not decompress"
before=$(sqlite3 "$DB" "SELECT count(*) FROM response")
[ "$(code -H "$COOKIE" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "$body" "$(U "/measures/$MID")")" = 303 ] ||
    die "POST /measures/$MID did not save: $(grep -o 'nhsuk-error-summary__title[^<]*' "$DIR/web-body")"
before=$((before + 1))

f() { echo "$1" | field "$2"; }

echo "web: wrk -t2 -c$CONNS -d${SECS}s on loopback, every request taking gzip as a browser's does; server log in $LOG"
echo "web: person $person: $responses completed responses, $scores scores on the journey ($journey_bytes bytes)"
echo "web: the ceiling: GET $STATIC ($static_bytes bytes, built in)"
# The journey and /network beside the ceiling in three rounds, since the
# machine's speed drifts; the median of the rounds' ratios is kept.
s_rps=(); s_p99=(); j_rps=(); j_p99=(); jr=(); n_rps=(); n_p99=(); nr=()
for round in 1 2 3; do
	run static 200 "" "$(U "$STATIC")"
	s_rps+=("$(f "$last" rps)"); s_p99+=("$(f "$last" p99_ms)")
	run journey 200 "" -H "$COOKIE" "$(U /journey)"
	j_rps+=("$(f "$last" rps)"); j_p99+=("$(f "$last" p99_ms)")
	jr+=("$(ratio "${j_rps[-1]}" "${s_rps[-1]}")")
	run network 200 "" -H "$NCOOKIE" "$(U /network)"
	n_rps+=("$(f "$last" rps)"); n_p99+=("$(f "$last" p99_ms)")
	nr+=("$(echo "scale=4; ${n_rps[-1]} / ${s_rps[-1]}" | bc)")
done
# The public sign-in form, for comparison: a page made per request with
# no database work. Then the saves, last, since each adds to the
# person's record (and so to their journey).
run sign-in 200 "" "$(U /sign-in)"
signin=$last
# The stylesheet, built in: what sending a large page costs with no
# database work and no audit entry, beside /network's.
[ "$(code "$(U /assets/nhsuk-frontend.min.css)")" = 200 ] || die "GET the stylesheet"
css_bytes=$(wc -c <"$DIR/web-body")
run stylesheet 200 "" "$(U /assets/nhsuk-frontend.min.css)"
css=$last
run static 200 "" "$(U "$STATIC")"
s_last=$last
# Saves one at a time, then 16 at once: through the group-commit writer
# a burst of savers should wait for a shared commit, not for each other.
C=1 run submit1 303 "$body" -H "$COOKIE" "$(U "/measures/$MID")"
submit1=$last
run submit 303 "$body" -H "$COOKIE" "$(U "/measures/$MID")"
submit=$last
stop
saved=$(($(sqlite3 "$DB" "SELECT count(*) FROM response") - before))
posted=$(($(f "$submit1" requests) + $(f "$submit" requests)))
# wrk counts the requests answered before it stops; a save sent but not
# yet answered then may still be committed.
[ "$saved" -ge "$posted" ] && [ "$saved" -le $((posted + CONNS + 1)) ] ||
    die "wrk counted $posted saves answered, but $saved responses were stored"
echo "web: $saved responses stored by the submit run, as wrk counted ($items answers each)"

jm=$(median "${jr[@]}")
met=$(echo "$jm >= 0.30" | bc)
nm=$(median "${nr[@]}")
nmet=$(echo "$nm >= 0.10" | bc)
sr=$(ratio "$(f "$submit" p99_ms)" "$(f "$submit1" p99_ms)")
smet=$(echo "$sr <= 3" | bc)
echo
echo "| request (wrk -t2 -c$CONNS, ${SECS} s a run) | requests/s | p99 ms | ratio to the ceiling | aim |"
echo "|---|---|---|---|---|"
echo "| ceiling: GET $STATIC, $static_bytes bytes built in (median of 3 rounds) | $(median "${s_rps[@]}") | $(median "${s_p99[@]}") | 1 | |"
echo "| journey: GET /journey signed in, $journey_bytes bytes (median of 3 rounds) | $(median "${j_rps[@]}") | $(median "${j_p99[@]}") | $jm (rounds: ${jr[*]}) | >= 0.30: $([ "$met" = 1 ] && echo met || echo NOT MET) |"
echo "| network: GET /network signed in as the commissioner, every service, $network_bytes bytes ($network_gz gzip'd), each view audited (median of 3 rounds) | $(median "${n_rps[@]}") | $(median "${n_p99[@]}") | $nm (rounds: ${nr[*]}) | >= 0.10: $([ "$nmet" = 1 ] && echo met || echo NOT MET) |"
echo "| submit, 1 connection: POST /measures/$MID, a durable save, 303 | $(f "$submit1" rps) | $(f "$submit1" p99_ms) | | |"
echo "| submit, $CONNS connections: the same | $(f "$submit" rps) | $(f "$submit" p99_ms) | p99 $sr times the 1-connection p99 | <= 3: $([ "$smet" = 1 ] && echo met || echo NOT MET) |"
echo "| sign-in form: GET /sign-in, $signin_bytes bytes, no database work | $(f "$signin" rps) | $(f "$signin" p99_ms) | $(ratio "$(f "$signin" rps)" "$(median "${s_rps[@]}")") | (for comparison) |"
echo "| stylesheet: GET /assets/nhsuk-frontend.min.css, $css_bytes bytes built in, no database work | $(f "$css" rps) | $(f "$css" p99_ms) | $(ratio "$(f "$css" rps)" "$(median "${s_rps[@]}")") | (for comparison) |"
