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
mine=$(sqlite3 demo.db "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE u.code = 'exbridge-recovery' ORDER BY p.ident LIMIT 1")

start demo.db --request-timeout 3 || fail "the server did not start: $(cat server.log)"
web_login prac.jar "$PEMAIL" "$PPASS"
web_login me.jar "$MEMAIL" "$MPASS"
same "$(code -b prac.jar "$(U "/people/$mine/journey")")" "200" "the practitioner sees their person's journey"
same "$(code -b me.jar "$(U /journey)")" "200" "the person sees their own journey"

# --- The access log cannot be forged --------------------------------------
# "%0a" was decoded before logging, so this wrote a second, made-up line.
lines=$(wc -l <server.log)
code "$(U '/x%0aGET%20/people/DEMO-000001/journey%20200%201%201.0ms')?secret=yes" >/dev/null
same "$(($(wc -l <server.log) - lines))" "1" "a path with an encoded line break writes one log line"
same "$(tail -1 server.log | sed 's/ [0-9.]*ms$//')" "GET /x%0aGET%20/people/DEMO-000001/journey%20200%201%201.0ms 404 1180" "... the path as sent, with its status and size"
hasnt server.log "secret" "... and never the query"
python3 - "$PORT" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /a\x1b[2Kb\\c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
s.recv(100)
PY
grep -qF 'GET /a\x1b[2Kb\x5cc 404 ' server.log && pass "control characters and backslashes in a path are logged as \\xHH" || fail "log: $(tail -2 server.log | cat -A)"

# --- One decoder for paths ------------------------------------------------
# libmicrohttpd decoded the path, then the router decoded it again.
same "$(code -b prac.jar "$(U "/people/${mine/-/%252D}/journey")")" "404" "a doubly encoded '-' (%252D) is not decoded twice"
same "$(code -b prac.jar "$(U "/people/${mine/-/%2D}/journey")")" "200" "... while one encoding is decoded once"
same "$(code -b me.jar "$(U "/journey%00")")" "404" "/journey%00 is not /journey"
same "$(code -b prac.jar "$(U "/people/$mine%00/journey")")" "404" "a NUL in a path's parameter is refused"
same "$(code -b prac.jar "$(U "/people/$mine%0a/journey")")" "404" "... as is a line break"
same "$(code -b me.jar "$(U "/journ%65y")")" "404" "a fixed part of a path is matched as sent"

# --- A request has a deadline --------------------------------------------
# A body sent a byte a second used to hold its connection for as long as
# the client liked: the idle timeout never fired. Here the deadline is 3 s.
python3 - "$PORT" >slow.out 2>&1 <<'PY' &
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
          b"x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")
t0 = time.monotonic()
s.settimeout(1)
try:
    while time.monotonic() - t0 < 20:
        s.sendall(b"a")
        try:
            if s.recv(100) == b"":
                break
        except socket.timeout:
            pass
except OSError:
    pass
print("closed %.1f" % (time.monotonic() - t0))
PY
slow=$!
sleep 1
t0=$(date +%s%N)
same "$(code "$(U /sign-in)")" "200" "while a client trickles its body, another is served"
same "$(( ($(date +%s%N) - t0) / 1000000 < 1000 ))" "1" "... at once"
wait $slow
secs=$(sed -n 's/^closed //p' slow.out)
[ -n "$secs" ] && python3 -c "import sys; sys.exit(not 2.5 <= $secs <= 4.5)" && pass "the trickling client is cut off at the deadline ($secs s of 3)" || fail "the trickling client: $(cat slow.out)"
grep -qE '^POST /sign-in 408 0 ' server.log && pass "... logged as 408" || fail "no 408 in the log: $(tail -3 server.log)"

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
