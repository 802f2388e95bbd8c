# The security defects found by attacking a real server on loopback, each
# reproduced here as it was found: a forged access-log line, paths decoded
# twice, a request body trickled in to hold a connection, a shutdown held
# up by idle connections, the sign-in throttle (which emails exist, locking
# the owner out, simultaneous guesses) and views of a person's draft
# answers that were not audited.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db demo.db --people 20 >demo.out || fail "the demo was not built"
signin() { grep "^sign-in: $1 " demo.out | cut -d' ' -f3-4; }
read -r PEMAIL PPASS <<<"$(signin practitioner)"
read -r MEMAIL MPASS <<<"$(signin person)"
# A person on the practitioner's service, whose identifier has a '-'.
# The first person of the practitioner's service without an account of
# their own (a person has one account at most; one is made for them below).
mine=$(sqlite3 demo.db "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE u.code = 'exbridge-recovery' AND p.id NOT IN (SELECT person_id FROM account WHERE person_id IS NOT NULL) ORDER BY p.ident LIMIT 1")

start demo.db --request-timeout 3 || fail "the server did not start: $(cat server.log)"
web_login prac.jar "$PEMAIL" "$PPASS"
web_login me.jar "$MEMAIL" "$MPASS"
same "$(code -b prac.jar "$(U "/people/$mine/journey")")" "200" "the practitioner sees their person's journey"
same "$(code -b me.jar "$(U /journey)")" "200" "the person sees their own journey"

# --- The access log cannot be forged, and names no one ----------------------
# "%0a" was decoded before logging, so this wrote a second, made-up line;
# and the path as sent put a person's identifier in the log, while the
# error lines leave identifiers out. A line now has the request's number
# and its route's pattern, never its path: a path that names no route is
# written as its length.
forged='/x%0aGET%20/people/DEMO-000001/journey%20200%201%201.0ms'
code "$(U "$forged")?secret=yes" >/dev/null
# The size logged is the page sent, whatever the page frame holds.
sent=$(wc -c <body)
code "$(U /sign-in)" >/dev/null
sleep 0.2
same "$(grep -c "(no route: ${#forged} bytes)" server.log)" "1" "a path with an encoded line break writes one line"
grep -qE "^request [0-9]+ GET \(no route: ${#forged} bytes\) 404 $sent [0-9.]+ms$" server.log && pass "... with its number, its length, its status and size" || fail "no line for the forged path: $(tail -3 server.log)"
same "$(grep -c 'DEMO-000001\|journey 200 1 1.0ms\|^GET ' server.log)" "0" "... and no made-up line, nor any part of the path"
hasnt server.log "secret" "... and never the query"
grep -qE '^request [0-9]+ GET /people/\{person\}/journey 200 [0-9]+ [0-9.]+ms$' server.log && pass "a view of a person's journey is logged by its route's pattern" || fail "no pattern for the journey: $(grep journey server.log | head -3)"
hasnt server.log "$mine" "... never by the person's identifier"
python3 - "$PORT" <<'PY'
import socket, sys
for line in (b"GET /a\x1b[2Kb\\c HTTP/1.1", b"G\x1b[2KT /sign-in HTTP/1.1"):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    s.sendall(line + b"\r\nHost: x\r\nConnection: close\r\n\r\n")
    s.recv(100)
PY
sleep 0.2
grep -qE '^request [0-9]+ GET \(no route: 9 bytes\) 404 ' server.log && pass "a path with control characters and backslashes is logged by its length" || fail "log: $(tail -2 server.log | cat -A)"
grep -qF 'G\x1b[2KT /sign-in 405 ' server.log && pass "... and a method's control characters are logged as \\xHH" || fail "log: $(tail -2 server.log | cat -A)"
same "$(grep -c $'\x1b' server.log)" "0" "... so no control character reaches the log"

# --- One decoder for paths ------------------------------------------------
# libmicrohttpd decoded the path, then the router decoded it again.
same "$(code -b prac.jar "$(U "/people/${mine/-/%252D}/journey")")" "404" "a doubly encoded '-' (%252D) is not decoded twice"
same "$(code -b prac.jar "$(U "/people/${mine/-/%2D}/journey")")" "200" "... while one encoding is decoded once"
same "$(code -b me.jar "$(U "/journey%00")")" "404" "/journey%00 is not /journey"
same "$(code -b prac.jar "$(U "/people/$mine%00/journey")")" "404" "a NUL in a path's parameter is refused"
same "$(code -b prac.jar "$(U "/people/$mine%0a/journey")")" "404" "... as is a line break"
same "$(code -b me.jar "$(U "/journ%65y")")" "404" "a fixed part of a path is matched as sent"
# A raw NUL (not "%00") in the request line: libmicrohttpd hands the path
# over as a C string and has no way to tell its real length, so the path
# ends at the NUL and the rest is never seen; the page named before it is
# answered, by its own access rules, as README says.
raw_nul() { # COOKIE: the status line and the log line of GET /journey\0/../evil
	python3 - "$PORT" "$1" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /journey\x00/../my-record HTTP/1.1\r\nHost: x\r\nCookie: " +
          sys.argv[2].encode() + b"\r\nConnection: close\r\n\r\n")
print(s.recv(100).split(b"\r\n")[0].decode())
PY
}
same "$(raw_nul "wm_session=$(awk '$6 == "wm_session" {print $7}' me.jar)")" "HTTP/1.1 200 OK" "a raw NUL ends the path: GET /journey\\0/../my-record is the person's own journey"
same "$(raw_nul "wm_session=none")" "HTTP/1.1 303 See Other" "... and asks anyone not signed in to sign in first"
sleep 0.2
same "$(tail -2 server.log | grep -cE '^request [0-9]+ GET /journey (200|303) ')" "2" "... logged as /journey, nothing after the NUL"

# --- A request has a deadline --------------------------------------------
# slowly MODE: a client on its own connection that sends its request a
# byte a second (its body, its request line or a header), or sits idle
# after an answer, printing "closed SECONDS" once the server closes it; or
# ("busy") asks once a second for 6 s, printing "served N".
slowly() {
	python3 - "$PORT" "$1" <<'PY'
import socket, sys, time
port, mode = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port))
s.settimeout(1)
def answer():
    got = b""
    while b"</html>" not in got:
        more = s.recv(65536)
        if not more:    # closed: the server went away
            break
        got += more
    return got
if mode == "busy":
    served = 0
    for i in range(6):
        s.sendall(b"GET /sign-in HTTP/1.1\r\nHost: x\r\n\r\n")
        if answer().startswith(b"HTTP/1.1 200"):
            served += 1
        time.sleep(1)
    print("served %d" % served)
    sys.exit()
head = b"GET /sign-in HTTP/1.1\r\nHost: x\r\n"
post = (b"POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
        b"x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")
first, rest = {"body": (post, b"a" * 1000),
               "line": (b"", head + b"\r\n"),
               "header": (head, b"X-Slow: " + b"a" * 60 + b"\r\n\r\n"),
               "idle": (head + b"\r\n", b"")}[mode]
s.sendall(first)
if mode == "idle":
    answer()
t0 = time.monotonic()
try:
    while time.monotonic() - t0 < 20:
        if rest:
            s.sendall(rest[:1])
            rest = rest[1:]
        try:
            if s.recv(100) == b"":
                break
        except socket.timeout:
            pass
except OSError:
    pass
print("closed %.1f" % (time.monotonic() - t0))
PY
}
# A body sent a byte a second used to hold its connection for as long as
# the client liked: the idle timeout never fired. Here the deadline is 3 s.
slowly body >slow.out 2>&1 &
slow=$!
sleep 1
t0=$(date +%s%N)
same "$(code "$(U /sign-in)")" "200" "while a client trickles its body, another is served"
same "$(( ($(date +%s%N) - t0) / 1000000 < 1000 ))" "1" "... at once"
wait $slow
secs=$(sed -n 's/^closed //p' slow.out)
[ -n "$secs" ] && python3 -c "import sys; sys.exit(not 2.5 <= $secs <= 4.5)" && pass "the trickling client is cut off at the deadline ($secs s of 3)" || fail "the trickling client: $(cat slow.out)"
sleep 0.2
grep -qE '^request [0-9]+ POST /sign-in 408 0 ' server.log && pass "... logged as 408" || fail "no 408 in the log: $(tail -3 server.log)"

# The deadline used to start only once the headers were in, and the idle
# timeout began again with every byte: a request line or a header sent a
# byte a second held its connection for as long as the client liked. Now
# a connection has the deadline from the moment it opens to finish a
# request, and an idle keep-alive connection the deadline to bring its
# next one, while a connection that keeps asking is never cut off.
for m in line header idle busy; do
	slowly $m >"slow.$m" 2>&1 &
	eval "slow_$m=\$!"
done
sleep 1
t0=$(date +%s%N)
same "$(code "$(U /sign-in)")" "200" "while clients trickle a request line and a header, another is served"
same "$(( ($(date +%s%N) - t0) / 1000000 < 1000 ))" "1" "... at once"
wait "$slow_line" "$slow_header" "$slow_idle" "$slow_busy"
for m in "line:a client trickling its request line" \
    "header:a client trickling a header" \
    "idle:an idle keep-alive connection"; do
	secs=$(sed -n 's/^closed //p' "slow.${m%%:*}")
	[ -n "$secs" ] && python3 -c "import sys; sys.exit(not 2.5 <= $secs <= 4.5)" && pass "${m#*:} is cut off at the deadline ($secs s of 3)" || fail "${m#*:}: $(cat "slow.${m%%:*}")"
done
sleep 0.2
grep -qE '^request [0-9]+ - /sign-in 408 0 ' server.log && pass "... the request cut off mid-header logged as 408" || fail "no 408 for the header in the log: $(tail -5 server.log)"
has slow.busy "served 6" "a keep-alive connection asking every second for 6 s is never cut off"

# --- Views of a person's draft answers are audited --------------------------
# "Answer together" showed the person's saved answers, and the list of
# measures which forms they had started, with no audit entry.
printf 'walk to the harbour at dawn\n' >mine.pw
$WAYMARK account add --db demo.db --email mine@example.org --name "Mine Person" --person "$mine" --grant person@exbridge-recovery --password-file mine.pw >/dev/null || fail "no account for $mine"
MID=$(sqlite3 demo.db "SELECT id FROM instrument WHERE url LIKE '%dreem-recovery-markers'")
code -b prac.jar "$(U "/people/$mine/measures/$MID")" >/dev/null
TCS=$(csrf body)
same "$(code -b prac.jar --data-urlencode "csrf=$TCS" -d hopeful=agree -d save=later "$(U "/people/$mine/measures/$MID")")" "303" "answers given together are saved to finish later"
views() { sqlite3 demo.db "SELECT count(*) FROM audit a JOIN person p ON p.id = a.subject_id AND a.subject_kind = 'person' WHERE p.ident = '$mine' AND a.action = '$1' AND a.address = '127.0.0.1' AND a.actor_account_id = (SELECT id FROM account WHERE email = '$PEMAIL')"; }
LIST="viewed measures to answer together"
FORM="viewed a measure to answer together, with any answers saved"
before=$(views "$LIST")
same "$(code -b prac.jar "$(U "/people/$mine/measures")")" "200" "the measures to answer together"
has body "Started: your answers so far are saved" "... show which the person has started"
same "$(views "$LIST")" "$((before + 1))" "... and that view is audited: who, whose, from where"
before=$(views "$FORM")
same "$(code -b prac.jar "$(U "/people/$mine/measures/$MID")")" "200" "the form to answer together"
grep -A30 'I feel hopeful about my future' body | grep -q 'value="agree" checked' && pass "... shows the person's saved answers" || fail "the saved answer is not shown"
same "$(views "$FORM")" "$((before + 1))" "... and that view is audited"
same "$($WAYMARK serve --routes | awk -F'\t' -v f="$FORM" '$1 == "GET" && $2 == "/people/{person}/measures/{id}" && $3 == "care-team" && $4 == f' | wc -l)" "1" "... as the route table declares"
same "$(sqlite3 demo.db "SELECT detail FROM audit WHERE action = '$FORM' ORDER BY id DESC LIMIT 1")" "DREEM recovery markers" "... naming the measure"
before=$(views "$FORM")
for bad in 999999 abc 0; do
	same "$(code -b prac.jar "$(U "/people/$mine/measures/$bad")")" "404" "a measure that is not there ($bad) shows nothing"
done
same "$(views "$FORM")" "$before" "... and writes no view to the audit log"
web_login mine.jar mine@example.org "walk to the harbour at dawn"
all=$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action LIKE 'viewed%answer together%'")
same "$(code -b mine.jar "$(U /measures)")" "200" "the person's own list of measures"
same "$(code -b mine.jar "$(U /measures/$MID)")" "200" "... and their own form"
same "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action LIKE 'viewed%answer together%'")" "$all" "... are not logged as views by someone else"
same "$(code -b mine.jar "$(U /my-record/record.json)")" "200" "the person downloads their record"
python3 - body "$LIST" "$FORM" >py.out 2>&1 <<'PY'
import json, sys
views = json.load(open(sys.argv[1]))["record_views"]
for what in sys.argv[2:]:
    assert any(v["what"] == what and v["who"] != "Waymark" and v["from"] == "127.0.0.1" for v in views), what
print("ok")
PY
has py.out "ok" "... and sees both views in who has viewed it"
# A view that cannot be audited is not shown.
sqlite3 demo.db "CREATE TRIGGER no_views BEFORE INSERT ON audit WHEN NEW.action LIKE 'viewed%answer together%' BEGIN SELECT RAISE(ABORT, 'the audit log is full'); END"
same "$(code -b prac.jar "$(U "/people/$mine/measures/$MID")")" "500" "when the audit log cannot be written, the form is not shown"
has body "nothing was shown or changed" "... with a plain error page"
hasnt body 'checked' "... and none of the person's answers"
n=$(grep "failed: " server.log | tail -1 | sed -n 's/^waymark: request \([0-9]*\) GET .*/\1/p')
grep -qE "^request $n GET /people/\{person\}/measures/\{id\} 500 " server.log && pass "... and its access-log line has the error line's number and route" || fail "no access line for request '$n': $(tail -3 server.log)"
same "$(code -b prac.jar "$(U "/people/$mine/measures")")" "500" "nor is the list of measures"
hasnt body "Started:" "... nor which the person has started"
sqlite3 demo.db "DROP TRIGGER no_views"

# --- SIGTERM does not wait for idle connections ---------------------------
# It waited up to 10 s while any connection was open, idle or not.
python3 - "$PORT" "$PID" >term.out 2>&1 <<'PY'
import os, signal, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
idle = socket.create_connection(("127.0.0.1", port))
idle.sendall(b"GET /sign-in HTTP/1.1\r\nHost: x\r\n\r\n")
idle.settimeout(5)
got = b""
while b"</html>" not in got:
    got += idle.recv(65536)
print("idle keep-alive:", got.split(b"\r\n")[0].decode())
slow = socket.create_connection(("127.0.0.1", port))
slow.sendall(b"POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
             b"x-www-form-urlencoded\r\nContent-Length: 19\r\n\r\nemail=a%40b.")
time.sleep(0.3)
os.kill(pid, signal.SIGTERM)
t0 = time.monotonic()
time.sleep(1)
try:
    socket.create_connection(("127.0.0.1", port), timeout=1)
    print("accepted after SIGTERM")
except OSError:
    print("refused after SIGTERM")
slow.sendall(b"example")
slow.settimeout(5)
print("in flight:", slow.recv(4096).split(b"\r\n")[0].decode())
t1 = time.monotonic()
while time.monotonic() - t1 < 10:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
    time.sleep(0.02)
print("gone %.2f" % (time.monotonic() - t1))
PY
wait $PID 2>/dev/null
PID=""
has term.out "idle keep-alive: HTTP/1.1 200 OK" "a client holds an idle keep-alive connection"
has term.out "refused after SIGTERM" "after SIGTERM no new connection is taken"
has term.out "in flight: HTTP/1.1 403 Forbidden" "a slow request in flight still gets its answer"
secs=$(sed -n 's/^gone //p' term.out)
[ -n "$secs" ] && python3 -c "import sys; sys.exit(not $secs < 2)" && pass "the server exits within 2 s of its last answer, the idle connection open ($secs s)" || fail "shutdown: $(cat term.out)"

# --- The sign-in throttle ---------------------------------------------------
start demo.db || fail "the server did not start again: $(cat server.log)"
read -r LEMAIL LPASS <<<"$(signin lead)"
read -r VEMAIL VPASS <<<"$(signin validator)"
read -r CEMAIL CPASS <<<"$(signin commissioner)"
J=(-H 'Content-Type: application/json')
api_try() { # EMAIL PASSWORD [CURL-ARGS...]: the status; the body in ./body
	local e=$1 p=$2
	shift 2
	code "${J[@]}" "$@" -d "{\"email\": \"$e\", \"password\": \"$p\"}" "$(U /api/v1/session)"
}
# The throttle's key for EMAIL from ADDRESS: the hash of the email,
# trimmed and lower-cased, and the address.
key() { python3 -c "import hashlib, sys; print('email:' + hashlib.blake2b(sys.argv[1].strip().lower().encode(), digest_size=32).hexdigest() + '@' + sys.argv[2])" "$1" "$2"; }
# seed EMAIL N: N failures just now for EMAIL from 127.0.0.1, a wait of
# many seconds, longer than the steps below take however slow the machine.
seed() {
	local k i
	k=$(key "$1" 127.0.0.1)
	for i in $(seq "$2"); do echo "INSERT INTO signin_failure(key, at) VALUES ('$k', strftime('%s', 'now'));"; done | sqlite3 demo.db
}
# It used to answer 429 for an email with an account and 401 for one
# without, after the same failures: now the two are byte for byte alike.
k=$(api_try "$LEMAIL" "a guess"); cp body known.json
u=$(api_try "nobody@demo.waymark.example" "a guess"); cp body unknown.json
same "$k $u" "401 401" "a wrong guess for an email with an account and one without are refused alike"
cmp -s known.json unknown.json && pass "... byte for byte" || fail "refusals differ: $(cat known.json) / $(cat unknown.json)"
seed "$LEMAIL" 8
seed "nobody@demo.waymark.example" 8
k=$(api_try "$LEMAIL" "$LPASS"); cp body known.json
u=$(api_try "nobody@demo.waymark.example" "$LPASS"); cp body unknown.json
same "$k $u" "429 429" "after repeated failures both wait (even the right password)"
cmp -s known.json unknown.json && pass "... and the answers are byte for byte alike" || fail "waits differ: $(cat known.json) / $(cat unknown.json)"
has known.json "wait 1 minute" "... telling the wait in whole minutes"
k=$(api_try " ${LEMAIL^^} " "$LPASS")
same "$k" "429" "... however the email is typed (spaces, capitals)"
# The form: the same, but for the email it shows again.
code -c form.jar -b form.jar "$(U /sign-in)" >/dev/null
FCS=$(csrf body)
form_try() { code -b form.jar --data-urlencode "csrf=$FCS" --data-urlencode "email=$1" --data-urlencode "password=$2" "$(U /sign-in)"; }
k=$(form_try "$LEMAIL" "$LPASS"); sed "s/$LEMAIL/EMAIL/g" body >known.html
u=$(form_try "nobody@demo.waymark.example" "$LPASS"); sed "s/nobody@demo.waymark.example/EMAIL/g" body >unknown.html
same "$k $u" "429 429" "the form makes both wait"
cmp -s known.html unknown.html && pass "... with the same page but for the email typed" || fail "form waits differ"
has known.html "Wait 1 minute, then try again." "... in whole minutes"
k=$(form_try "$CEMAIL" "a guess"); sed "s/$CEMAIL/EMAIL/g" body >known.html
u=$(form_try "nobody2@demo.waymark.example" "a guess"); sed "s/nobody2@demo.waymark.example/EMAIL/g" body >unknown.html
same "$k $u" "200 200" "the form refuses both alike"
cmp -s known.html unknown.html && pass "... with the same page but for the email typed" || fail "form refusals differ"
# No email is kept in clear, known or not.
for f in demo.db demo.db-wal; do
	[ -f $f ] && hasnt $f "nobody@demo" "$f holds no email tried"
done
same "$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key LIKE '%demo.waymark%' OR key LIKE '%nobody%'")" "0" "the throttle keys emails by their hash"

# Failures from other addresses (here 127.0.0.2 to 127.0.0.4) used to make
# the owner wait: now the owner's own address is not slowed by them.
for i in 2 3 4; do
	for j in 1 2 3 4 5 6; do
		api_try "$VEMAIL" "guess $i $j" --interface 127.0.0.$i >/dev/null
	done
done
same "$(api_try "$VEMAIL" "guess again" --interface 127.0.0.4)" "429" "an address that guessed waits"
same "$(api_try "$VEMAIL" "$VPASS")" "200" "the owner signs in from their own address at once"
same "$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key = '$(key "$VEMAIL" 127.0.0.1)'")/$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key = '$(key "$VEMAIL" 127.0.0.4)'")" "0/5" "the owner's success clears their own address's record, not the guesser's"

# 24 simultaneous guesses used to get 6 to 8 passwords checked against 5
# allowed: each attempt is now counted and recorded before it is checked.
tries=()
for i in $(seq 24); do
	api_try "$PEMAIL" "simultaneous $i" --interface 127.0.0.9 -o /dev/null >"try.$i" &
	tries+=($!)
done
wait "${tries[@]}"
checked=$(grep -lx 401 try.* | wc -l)
waited=$(grep -lx 429 try.* | wc -l)
[ "$checked" -ge 1 ] && [ "$checked" -le 5 ] && pass "of 24 simultaneous guesses at most 5 are checked ($checked)" || fail "$checked of 24 simultaneous guesses were checked"
same "$((checked + waited))" "24" "... and the rest are told to wait"

# Attempts older than the window are purged.
sqlite3 demo.db "INSERT INTO signin_failure(key, at) VALUES ('ip:192.0.2.1', strftime('%s', 'now') - 3600)"
api_try "$VEMAIL" "one more guess" >/dev/null
same "$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE at < strftime('%s', 'now') - 901")" "0" "attempts older than 15 minutes are purged"
stop && pass "after slow, cut-off and refused clients, the server exits 0: nothing freed twice or leaked" || fail "the server did not exit cleanly: $(tail -5 server.log)"
PID=""

# --- Behind a trusted proxy, the client is the address it forwards ---------
# Behind a proxy every client had the proxy's address: 30 failures from
# anyone made everyone wait, and anyone who knew an email could keep its
# owner out. Now the last X-Forwarded-For entry from a trusted proxy (the
# one nginx's proxy_add_x_forwarded_for appends) is the client, and the
# header is ignored from anyone else.
run 2 "--trusted-proxy takes only IPv4 addresses" -- $WAYMARK serve --db demo.db --trusted-proxy "127.0.0.1,proxy.example.org"
has err "'proxy.example.org' is not an IPv4 address" "... naming the one at fault"
start demo.db --trusted-proxy 192.0.2.1,127.0.0.1 || fail "the server did not start behind a proxy: $(cat server.log)"
XFF="X-Forwarded-For"
for i in 1 2 3 4 5 6; do
	api_try "$LEMAIL" "proxied guess $i" -H "$XFF: 203.0.113.7, 10.0.0.1" >/dev/null
done
same "$(api_try "$LEMAIL" "$LPASS" -H "$XFF: 10.0.0.1")" "429" "behind a trusted proxy, failures from one client make that client wait"
same "$(api_try "$LEMAIL" "$LPASS" -H "$XFF: 10.0.0.1" -H "$XFF: 10.0.0.2")" "200" "... while the owner, another client behind it, signs in at once"
same "$(sqlite3 demo.db "SELECT address FROM audit WHERE action = 'signed in' ORDER BY id DESC LIMIT 1")" "10.0.0.2" "... and the audit log says the sign-in came from the owner's address"
grep -qE '^request [0-9]+ POST /api/v1/session 200 ' server.log && pass "the access log has the sign-in" || fail "no sign-in in the log: $(tail -3 server.log)"
hasnt server.log "10.0.0.2" "... but no one's address: that is kept in the audit log alone"
same "$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key IN ('$(key "$LEMAIL" 10.0.0.1)', 'ip:10.0.0.1')")" "10" "... the failures counted against the client that made them"
for i in $(seq 30); do echo "INSERT INTO signin_failure(key, at) VALUES ('ip:10.0.0.3', strftime('%s', 'now'));"; done | sqlite3 demo.db
same "$(api_try "$CEMAIL" "$CPASS" -H "$XFF: 10.0.0.3")" "429" "30 failures from one client behind the proxy make it wait"
same "$(api_try "$CEMAIL" "$CPASS" -H "$XFF: 10.0.0.4")" "200" "... and no one else behind it"
# An IPv6 client holds a whole /64: a new address in it for each guess
# used to get 5 guesses an address. Now the /64 is the one client.
for i in 1 2 3 4 5 6; do
	api_try "$VEMAIL" "IPv6 guess $i" -H "$XFF: 2001:db8:7:7::$i" >/dev/null
done
same "$(api_try "$VEMAIL" "$VPASS" -H "$XFF: 2001:db8:7:7:ffff::99")" "429" "guesses from new addresses in one IPv6 /64 make that /64 wait"
same "$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key IN ('$(key "$VEMAIL" 2001:db8:7:7::/64)', 'ip:2001:db8:7:7::/64')")" "10" "... counted against the /64, 5 guesses in all"
same "$(sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key LIKE '%2001:db8:7:7::_' OR key LIKE '%2001:db8:7:7::_@%'")" "0" "... not against each address"
same "$(api_try "$VEMAIL" "$VPASS" -H "$XFF: 2001:db8:7:8::1")" "200" "the next /64 is someone else, who signs in at once"
same "$(sqlite3 demo.db "SELECT address FROM audit WHERE action = 'signed in' ORDER BY id DESC LIMIT 1")" "2001:db8:7:8::1" "... and the audit log keeps their whole address"
# From anyone but the proxy, the header is anyone's to write.
failures() { sqlite3 demo.db "SELECT count(*) FROM signin_failure WHERE key = '$(key "$1" "$2")'"; }
before=$(failures "$VEMAIL" 127.0.0.2)
api_try "$VEMAIL" "forged guess" -H "$XFF: 10.0.0.5" --interface 127.0.0.2 >/dev/null
same "$(failures "$VEMAIL" 127.0.0.2)/$(failures "$VEMAIL" 10.0.0.5)" "$((before + 1))/0" "X-Forwarded-For from a peer that is not a trusted proxy is ignored"
before=$(failures "$VEMAIL" 127.0.0.1)
api_try "$VEMAIL" "badly forwarded guess" -H "$XFF: 10.0.0.6:443" >/dev/null
same "$(failures "$VEMAIL" 127.0.0.1)" "$((before + 1))" "an entry that is not an address alone leaves the proxy as the client"
stop
PID=""
start demo.db || fail "the server did not start: $(cat server.log)"
before=$(failures "$PEMAIL" 127.0.0.1)
api_try "$PEMAIL" "forged guess" -H "$XFF: 10.0.0.7" >/dev/null
same "$(failures "$PEMAIL" 127.0.0.1)/$(failures "$PEMAIL" 10.0.0.7)" "$((before + 1))/0" "without --trusted-proxy, X-Forwarded-For is never believed"
grep -qE '^request [0-9]+ POST /api/v1/session 401 ' server.log && pass "... the access log has the request" || fail "log: $(tail -2 server.log)"
hasnt server.log "10.0.0.7" "... and never the forged address"
stop
PID=""

# --- Connections per address, and behind a trusted proxy -------------------
# Behind a proxy every client shares the proxy's address, and the limit of
# 32 connections an address counted the proxy's: 32 slow clients shut out
# everyone. A trusted proxy's connections are no longer limited (the proxy
# limits each client: README); anyone else's still are.
# hold PORT SOURCE:N...: opens N connections from each SOURCE address and
# holds them all open, then asks for a page on each, keeping every
# connection open to the end; prints how many from each were served.
hold() {
	python3 - "$@" <<'PY'
import socket, sys
port, groups = int(sys.argv[1]), [g.split(':') for g in sys.argv[2:]]
held = []
for src, n in groups:
    for _ in range(int(n)):
        s = socket.socket()
        s.settimeout(20)
        s.bind((src, 0))
        s.connect(('127.0.0.1', port))
        held.append((src, s))
served = {src: 0 for src, _ in groups}
for src, s in held:
    try:
        s.sendall(b'GET /sign-in HTTP/1.1\r\nHost: waymark\r\n\r\n')
        if s.recv(64).startswith(b'HTTP/1.1 200'):
            served[src] += 1
    except OSError:
        pass
print(' '.join('%s:%d' % (src, served[src]) for src, _ in groups))
for _, s in held:
    s.close()
PY
}
start demo.db || fail "the server did not start: $(cat server.log)"
same "$(hold "$PORT" 127.0.0.1:33)" "127.0.0.1:32" "one address is served 32 connections at once, and its 33rd is refused"
stop
PID=""
start demo.db --trusted-proxy 127.0.0.1 || fail "the server did not start behind a proxy: $(cat server.log)"
same "$(hold "$PORT" 127.0.0.1:40 127.0.0.2:33)" "127.0.0.1:40 127.0.0.2:32" "behind a trusted proxy all 40 of its held connections are served, while anyone else is still held to 32"
stop
PID=""
