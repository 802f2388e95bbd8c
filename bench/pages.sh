#!/usr/bin/env bash
# The pages stage of make bench (called by bench/run.sh): each of a
# person's pages (their plans too), and a practitioner's views of one
# person, timed under
# wrk on a 2,000-person network and on the bench network (100,000 people
# unless BENCH_PEOPLE says otherwise), for people with the same record
# (the same number of responses and answers, on the same service), in
# alternating rounds. Prints, per page, the time on the large network
# over the time on the small one; each must stay <= 1.5, since a person's
# page must cost what their own record costs.
#   bench/pages.sh BUILD DIR     (the large network is DIR/bench.db)
#   BENCH_PAGES_SECONDS: each wrk run (default 2; 100 runs)
#   BENCH_PAGES_ROUNDS: rounds (default 5; the median ratio is kept)
set -eu
BUILD=${1:-build/release}
DIR=${2:-build/bench}
cd "$(dirname "$0")/.."
W="$BUILD/waymark"
B="$BUILD/waymark-bench"
LARGE="$DIR/bench.db"
SMALL="$DIR/small.db"
SECS=${BENCH_PAGES_SECONDS:-2}
ROUNDS=${BENCH_PAGES_ROUNDS:-5}
CONNS=8
PASSWORD="a bench password, not secret"
PRACTITIONER=practitioner1.exbridge-recovery@demo.waymark.example
PIDS=()
. bench/web_lib.sh
die() { echo "bench pages: $*" >&2; exit 1; }
stop() { local p; for p in "${PIDS[@]}"; do unserve "$p"; done; PIDS=(); }
trap stop EXIT

command -v wrk >/dev/null || die "wrk is not installed (make deps installs it)"
[ -f "$LARGE" ] || die "no $LARGE: run bench/run.sh first"
rm -f "$SMALL" "$SMALL"-*
"$B" generate --db "$SMALL" --people 2000 --instruments instruments >/dev/null ||
    die "the 2,000-person network was not built"

# Two people with the same record in both networks (9 completed
# responses, the median at 100,000 people, and as many answers), on the
# demo practitioner's service today, with no sign-in yet: the first for
# their own pages, the second for the practitioner's views (each of
# which is audited, so it would grow the first one's record download).
RECORD="SELECT count(DISTINCT r.id) || '/' || count(*) FROM response r
  JOIN answer a ON a.response_id = r.id
  WHERE r.subject_kind = 'person' AND r.subject_id = p.id"
people() { # DB: "IDENT RECORD" lines of candidates, in order
	sqlite3 -separator ' ' "$1" "SELECT p.ident, ($RECORD) FROM person p
	  JOIN caseload c ON c.person_id = p.id AND c.end_date IS NULL
	  AND c.start_date <= date('now')
	  JOIN unit u ON u.id = c.unit_id AND u.code = 'exbridge-recovery'
	  WHERE NOT EXISTS (SELECT 1 FROM account x WHERE x.person_id = p.id)
	  AND (SELECT count(*) FROM response r WHERE r.subject_kind = 'person'
	   AND r.subject_id = p.id AND r.status = 'completed') = 9
	  ORDER BY p.id LIMIT 400"
}
people "$SMALL" >"$DIR/pages-small.txt"
people "$LARGE" >"$DIR/pages-large.txt"
# People with the same record in each network, paired in order: the
# first two pairs.
pairs=$(awk 'NR == FNR { q[$2, n[$2]++] = $1; next }
    used[$2] < n[$2] { print q[$2, used[$2]++], $1, $2 }' \
    "$DIR/pages-small.txt" "$DIR/pages-large.txt" | head -2)
[ "$(echo "$pairs" | wc -l)" = 2 ] || die "no two people with the same record in both networks"
read -r own_s own_l own_rec <<<"$(echo "$pairs" | sed -n 1p)"
read -r seen_s seen_l seen_rec <<<"$(echo "$pairs" | sed -n 2p)"
printf '%s\n' "$PASSWORD" >"$DIR/pages-password"

# setup NAME DB OWN SEEN: a server on DB, the person's and the
# practitioner's sessions, and the same two goals with a review each.
setup() {
	local name=$1 db=$2 own=$3 email="bench.pages.$3@bench.waymark.example"
	local port s p g
	"$W" account add --db "$db" --email "$email" --name "Bench Person" \
	    --person "$own" --password-file "$DIR/pages-password" >/dev/null
	serve "$db" "$DIR/pages-$name.log"
	[ -n "$SPID" ] || die "the server did not start on $db"
	PIDS+=("$SPID")
	port=$SPORT
	s=$(signin "$port" "$email" "$PASSWORD" "$DIR/pages-$name-own")
	p=$(signin "$port" "$PRACTITIONER" demo-practitioner-pass "$DIR/pages-$name-prac")
	[ -n "$s" ] && [ -n "$p" ] || die "signing in on $db failed"
	curl -s -b "wm_session=$s" -o "$DIR/pages-home.html" "http://127.0.0.1:$port/"
	for g in "Walk to the allotment" "Cook for friends"; do
		curl -s -b "wm_session=$s" -D "$DIR/pages-headers" -o /dev/null \
		    --data-urlencode "csrf=$(csrf "$DIR/pages-home.html")" \
		    --data-urlencode "goal=$g" "http://127.0.0.1:$port/goals"
		g=$(grep -o 'Location: /goals/[0-9]*' "$DIR/pages-headers" | cut -d/ -f3 | tr -d '\r')
		curl -s -b "wm_session=$s" -o /dev/null -d rating=5 \
		    --data-urlencode "csrf=$(csrf "$DIR/pages-home.html")" \
		    "http://127.0.0.1:$port/goals/$g/reviews"
	done
	# Their safety plan, finished and shared with their care team, as
	# they would make it; then as many others as a network would hold:
	# one in three people has one, shared with their team and read (the
	# same version's words), so a page that read every plan would show.
	curl -s -b "wm_session=$s" -D "$DIR/pages-headers" -o /dev/null \
	    --data-urlencode "csrf=$(csrf "$DIR/pages-home.html")" -d plan=safety-plan \
	    "http://127.0.0.1:$port/plans"
	g=$(grep -o 'Location: /plans/[0-9]*' "$DIR/pages-headers" | cut -d/ -f3 | tr -d '\r')
	[ -n "$g" ] || die "the bench person's plan was not started on $db"
	curl -s -b "wm_session=$s" -o /dev/null -d save=done \
	    --data-urlencode "csrf=$(csrf "$DIR/pages-home.html")" \
	    --data-urlencode "help-people=My sister, 07700 900123" \
	    --data-urlencode "reasons-list=My cat" "http://127.0.0.1:$port/plans/$g/edit"
	curl -s -b "wm_session=$s" -o /dev/null \
	    --data-urlencode "csrf=$(csrf "$DIR/pages-home.html")" \
	    -d "with=team:$(sqlite3 "$db" "SELECT id FROM unit WHERE code = 'exbridge-recovery'")" \
	    "http://127.0.0.1:$port/plans/$g/shares"
	sqlite3 "$db" "BEGIN;
	  INSERT INTO plan(person_id, family, created)
	    SELECT p.id, 'safety-plan', '2026-10-01T09:00:00Z' FROM person p
	    WHERE p.id % 3 = 0 AND NOT EXISTS (SELECT 1 FROM plan x
	      WHERE x.person_id = p.id AND x.family = 'safety-plan');
	  INSERT INTO plan_version(plan_id, n, instrument_id, content,
	      respondent, saved)
	    SELECT x.id, 1, v.instrument_id, v.content, 'person', x.created
	    FROM plan x, plan_version v WHERE v.plan_id = $g AND v.n = 1
	    AND x.id <> $g AND NOT EXISTS (SELECT 1 FROM plan_version y
	      WHERE y.plan_id = x.id);
	  INSERT INTO plan_share(plan_id, unit_id, created)
	    SELECT x.id, c.unit_id, x.created FROM plan x JOIN caseload c
	    ON c.person_id = x.person_id AND c.end_date IS NULL
	    WHERE x.id <> $g AND NOT EXISTS (SELECT 1 FROM plan_share s
	      WHERE s.plan_id = x.id);
	  INSERT INTO plan_view(plan_id, n, account_id, how, unit_id, at)
	    SELECT s.plan_id, 1, g.account_id, 'team', s.unit_id, s.created
	    FROM plan_share s JOIN role_grant g ON g.unit_id = s.unit_id
	    AND g.role = 'practitioner' WHERE s.plan_id <> $g;
	  COMMIT;" || die "the network's plans were not added to $db"
	PORT[$name]=$port
	OWN[$name]=$s
	PRAC[$name]=$p
	SEEN[$name]=$4
	PLAN[$name]=$g
	MID[$name]=$(sqlite3 "$db" "SELECT max(id) FROM instrument WHERE url LIKE '%/dreem-recovery-markers'")
}
declare -A PORT OWN PRAC SEEN MID PLAN
setup small "$SMALL" "$own_s" "$seen_s"
setup large "$LARGE" "$own_l" "$seen_l"

PAGES="/ /measures /measures/MID /journey /goals /my-record/record.json
/my-record/answers.csv /plans /plans/PID /plans/PID/edit /plans/PID/sharing
/plans/views /people/ID/journey /people/ID/goals /people/ID/measures
/people/ID/plans"
# url NAME PAGE: the page's address on that server; cookie: its cookie
url() {
	local p=${2/MID/${MID[$1]}}

	p=${p/PID/${PLAN[$1]}}
	echo "http://127.0.0.1:${PORT[$1]}${p/ID/${SEEN[$1]}}"
}
cookie() {
	case $2 in
	/people/*) echo "wm_session=${PRAC[$1]}" ;;
	*) echo "wm_session=${OWN[$1]}" ;;
	esac
}
for p in $PAGES; do
	for n in small large; do
		[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$(cookie "$n" "$p")" "$(url "$n" "$p")")" = 200 ] ||
		    die "GET $p on the $n network did not answer 200"
	done
done

echo "pages: wrk -t2 -c$CONNS -d${SECS}s, $ROUNDS rounds; person $own_s and $own_l ($own_rec responses/answers), viewed by the practitioner: $seen_s and $seen_l ($seen_rec)"
LOG="$DIR/pages-small.log"
declare -A ratios rps_s rps_l
for round in $(seq "$ROUNDS"); do
	for p in $PAGES; do
		LOG="$DIR/pages-small.log"
		run "small $p" 200 "" -H "Cookie: $(cookie small "$p")" "$(url small "$p")" >>"$DIR/pages-wrk.txt"
		a=$(echo "$last" | field rps)
		LOG="$DIR/pages-large.log"
		run "large $p" 200 "" -H "Cookie: $(cookie large "$p")" "$(url large "$p")" >>"$DIR/pages-wrk.txt"
		b=$(echo "$last" | field rps)
		ratios[$p]="${ratios[$p]:-} $(ratio "$a" "$b")"
		rps_s[$p]="${rps_s[$p]:-} $a"
		rps_l[$p]="${rps_l[$p]:-} $b"
	done
done
stop

people_l=$(sqlite3 "$LARGE" "SELECT count(*) FROM person")
echo
echo "| page (wrk -t2 -c$CONNS, ${SECS} s a run, median of $ROUNDS rounds) | requests/s, 2,000 people | requests/s, $people_l people | time ratio, large / small | aim |"
echo "|---|---|---|---|---|"
missed=0
for p in $PAGES; do
	# shellcheck disable=SC2086
	m=$(median ${ratios[$p]})
	ok=$(echo "$m <= 1.5" | bc)
	[ "$ok" = 1 ] || missed=$((missed + 1))
	# shellcheck disable=SC2086
	echo "| GET $p | $(median ${rps_s[$p]}) | $(median ${rps_l[$p]}) | $m (rounds:${ratios[$p]}) | <= 1.5: $([ "$ok" = 1 ] && echo met || echo NOT MET) |"
done
[ "$missed" = 0 ] || echo "pages: $missed pages NOT MET"
