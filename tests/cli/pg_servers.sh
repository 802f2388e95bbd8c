# Three `waymark serve` processes on one PostgreSQL database, behind
# nginx on loopback with the configuration in docs/deploy/: a sign-in
# made through the proxy is valid on each of the three; 16 savers spread
# over the three keep saving while one is killed with SIGKILL, and every
# save any of them acknowledged is stored, once; and waymark check
# passes: the figures kept at write time are those worked out again.
# PostgreSQL only (run-all.sh runs it with WAYMARK_TEST_DB=postgres).
. "$(dirname "$0")/lib.sh"
[ "${WAYMARK_TEST_DB:-sqlite}" = postgres ] || { fail "runs on PostgreSQL only"; exit 1; }

D=$(newdb d)
$WAYMARK demo --db "$D" --people 40 >demo.txt || fail "the demo was not built"
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }

PORTS=()
PIDS=()
for i in 1 2 3; do
	start "$D" --trusted-proxy 127.0.0.1 || fail "server $i did not start"
	PORTS+=("$PORT")
	PIDS+=("$PID")
	cp server.log "server.$i.log"
done
same "${#PORTS[@]}" "3" "three servers serve one database"
PID=""
stop_all() {
	local p
	for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
	[ -f nginx.pid ] && kill -QUIT "$(cat nginx.pid)" 2>/dev/null
}
trap 'stop_all; pg_stop; rm -rf "$SCRATCH"' EXIT

# nginx with the deployment's own configuration, only its address and
# certificates made a test's.
NPORT=$((20000 + RANDOM % 20000))
sed -e "s/listen 443 ssl http2;/listen 127.0.0.1:$NPORT;/" \
    -e '/ssl_certificate/d' -e '/Strict-Transport-Security/d' \
    -e "s/127.0.0.1:8081/127.0.0.1:${PORTS[0]}/" \
    -e "s/127.0.0.1:8082/127.0.0.1:${PORTS[1]}/" \
    -e "s/127.0.0.1:8083/127.0.0.1:${PORTS[2]}/" \
    "$ROOT/docs/deploy/nginx-waymark.conf" >waymark.conf
mkdir -p ngx
{
	[ "$(id -u)" -eq 0 ] && echo "user root;"
	echo "pid $SCRATCH/nginx.pid; error_log $SCRATCH/nginx.err;"
	echo "events { worker_connections 512; }"
	echo "http { access_log off; client_body_temp_path $SCRATCH/ngx/body;"
	echo "  proxy_temp_path $SCRATCH/ngx/proxy; include $SCRATCH/waymark.conf; }"
} >nginx.conf
/usr/sbin/nginx -e "$SCRATCH/nginx.err" -p "$SCRATCH" -c "$SCRATCH/nginx.conf" 2>nginx.start &&
    pass "nginx starts with docs/deploy/nginx-waymark.conf" ||
    fail "nginx did not start: $(cat nginx.start nginx.err 2>/dev/null)"
for _ in $(seq 50); do [ -f nginx.pid ] && break; sleep 0.1; done

# A sign-in through the proxy holds on every server.
PORT=$NPORT
who=$(signin practitioner)
web_login w.jar "${who% *}" "${who#* }"
same "$(code -b w.jar "$(U /)")" "200" "signed in through the proxy"
has body "Sign out" "... signed in"
for i in 0 1 2; do
	same "$(code -b w.jar "http://127.0.0.1:${PORTS[$i]}/caseload")" "200" \
	    "... and the same session serves the caseload from server $((i + 1))"
done
# Signed in on one server through the API; its token good on the next.
who=$(signin person)
curl -s -c a.jar -H 'Content-Type: application/json' -d "{\"email\": \"${who% *}\", \"password\": \"${who#* }\"}" \
    -o session.json "http://127.0.0.1:${PORTS[0]}/api/v1/session"
TOKEN=$(python3 -c "import json; print(json.load(open('session.json'))['csrf'])")
IDENT=$(python3 -c "import json; print(json.load(open('session.json'))['account']['person'])")
qr_json dreem-recovery-markers "Patient/$IDENT" person "" "$(date -u +%F)" "" $(rep 11 agree) >api.json
same "$(code -b a.jar -H 'Content-Type: application/json' -H "X-CSRF-Token: $TOKEN" \
    --data @api.json "http://127.0.0.1:${PORTS[1]}/api/v1/responses")" "201" \
    "an API session made on server 1 saves through server 2"
same "$(code -b a.jar -X DELETE -H "X-CSRF-Token: $TOKEN" \
    "http://127.0.0.1:${PORTS[2]}/api/v1/session")" "200" "... and signs out on server 3"
same "$(code -b a.jar "http://127.0.0.1:${PORTS[0]}/api/v1/session")" "401" \
    "... which ends it on server 1 too"

# Sixteen savers over the three servers, saving again and again; server
# 2 is killed with SIGKILL part way. A saver keeps the id of every save
# acknowledged (201); a save cut off gets no acknowledgement.
curl -s -c a.jar -H 'Content-Type: application/json' -d "{\"email\": \"${who% *}\", \"password\": \"${who#* }\"}" \
    -o session.json "http://127.0.0.1:${PORTS[0]}/api/v1/session"
TOKEN=$(python3 -c "import json; print(json.load(open('session.json'))['csrf'])")
before=$(sql "$D" "SELECT count(*) FROM response")
audits=$(sql "$D" "SELECT count(*) FROM audit WHERE action = 'response recorded (API)'")
saver() { # N PORT
	local k
	for k in $(seq 12); do
		c=$(curl -s -m 20 -b a.jar -H 'Content-Type: application/json' -H "X-CSRF-Token: $TOKEN" \
		    -o "saved.$1.$k" -w '%{http_code}' --data @api.json "http://127.0.0.1:$2/api/v1/responses")
		[ "$c" = 201 ] && python3 -c "import json; print(json.load(open('saved.$1.$k'))['id'])" >>"acked.$1"
	done
}
savers=()
for n in $(seq 16); do
	saver "$n" "${PORTS[$((n % 3))]}" &
	savers+=($!)
done
sleep 1
kill -KILL "${PIDS[1]}"
wait "${PIDS[1]}" 2>/dev/null
wait "${savers[@]}"
cat acked.* 2>/dev/null | sort -n >acked
acked=$(wc -l <acked)
[ "$acked" -gt 16 ] && pass "saves were acknowledged during the burst ($acked)" ||
    fail "too few saves acknowledged ($acked)"
sql "$D" "SELECT id FROM response WHERE id IN ($(paste -sd, acked)) ORDER BY id" >stored
same "$(wc -l <stored)" "$acked" "every acknowledged save is stored"
same "$(sort -u acked | wc -l)" "$acked" "... each under its own id"
got=$(sql "$D" "SELECT count(*) FROM response")
[ "$got" -ge $((before + acked)) ] && pass "nothing acknowledged was lost to the killed server" ||
    fail "$got responses, wanted at least $((before + acked))"
same "$(( $(sql "$D" "SELECT count(*) FROM audit WHERE action = 'response recorded (API)'") - audits ))" \
    "$((got - before))" "... each stored save with its audit entry, in the same commit"

# Afterwards the database passes waymark check: the summaries' running
# totals and the network's kept figures, written by three servers at
# once, equal those worked out again from the raw answers.
run 0 "the database passes waymark check after the burst" -- $WAYMARK check --db "$D"
has out "running totals: all" "... the summaries' totals exact"
has out "as worked out again from the raw answers" "... and the network's kept figures"
