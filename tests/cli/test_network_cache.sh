# A commissioner's /network is kept by the server once built and shown
# again at the cost of a copy, for the same scope of grants, window and
# rule, until anything its figures rest on changes: a save acknowledged
# through the web, or a change by another process (the command line),
# shows in the next view. A provider's commissioner is never shown the
# network's page, nor the network's commissioner theirs. To a client
# that takes gzip the page goes compressed. Every view is
# still written to the audit log, durably before the page is sent: one
# survives the server being killed right after its 200.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db d.db --people 120 --seed 5 >demo.txt || fail "the demo was not built"
printf 'provider commissioner pass 1\n' >pw
$WAYMARK account add --db d.db --email pc@example.org --name "Pia Providercommissioner" \
    --grant commissioner@estuary-care --password-file pw >/dev/null ||
    fail "a provider's commissioner was not added"
start d.db --log-work && pass "the server starts" || fail "the server did not start"
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
login() { local who; who=$(signin "$2"); web_login "$1" "${who% *}" "${who#* }"; }
views() { sqlite3 d.db "SELECT count(*) FROM audit WHERE action = 'viewed the network''s figures'"; }
version() { sqlite3 d.db "SELECT n FROM figures_version"; }
# The database work of the last /network answered (--log-work). Its line
# is written once the answer is sent, so it may come just after curl is
# done: wait for the line of each page asked for so far.
net() { echo >>asked; code -b "$1" "${@:3}" "$(U "$2")"; }
work() {
	local i
	for i in $(seq 50); do
		[ "$(grep -c ' GET /network 200 ' server.log)" -ge "$(wc -l <asked)" ] && break
		sleep 0.1
	done
	grep ' GET /network 200 ' server.log | tail -1 | sed 's/.* work=//'
}
# The page without its form tokens, the one thing in it about who looks.
page() { sed 's/name="csrf" value="[^"]*"//' "$1"; }

login c.jar commissioner
before=$(views)
v0=$(version)
same "$(net c.jar /network)" "200" "the network at a glance"
built=$(work)
cp body first.html
same "$(net c.jar /network)" "200" "... again"
kept=$(work)
[ "$kept" -lt $((built / 100)) ] && pass "the second view is the page kept ($kept steps of database work against $built)" ||
    fail "the second view was built again ($kept steps against $built)"
same "$(page body)" "$(page first.html)" "... the same page"
same "$(views)" "$((before + 2))" "each view is written to the audit log"
same "$(version)" "$v0" "a view's audit entry is not a change to the figures"
same "$(net c.jar '/network?from=2026-Q1&to=2026-Q2')" "200" "another window"
[ "$(work)" -gt $((kept * 100)) ] && pass "... is built for itself" || fail "another window was given the kept page"
has body "January to March 2026" "... and shows that window"

# Sent compressed to a client that takes gzip (every browser does): the
# same page, a fraction of the bytes; plain to one that does not.
gunzip_body() { python3 -c "import gzip, sys; sys.stdout.buffer.write(gzip.decompress(open('body', 'rb').read()))"; }
for takes in "gzip, deflate" "GZIP" "deflate, gzip;q=0.5" "*" "gzip; q=1.0"; do
	same "$(net c.jar /network -H "Accept-Encoding: $takes")" "200" "the network, to a client that takes '$takes'"
	has headers "Content-Encoding: gzip" "... compressed"
	has headers "Vary: Accept-Encoding" "... saying it varies by what the client takes"
	gunzip_body >unzipped.html && pass "... as one gzip member" || fail "... not a gzip member"
	same "$(page unzipped.html)" "$(page first.html)" "... the same page"
done
[ $(($(wc -c <body) * 5)) -lt "$(wc -c <unzipped.html)" ] && pass "... in a fifth of the bytes or fewer" ||
    fail "compressed, the page is $(wc -c <body) bytes of $(wc -c <unzipped.html)"
for refuses in "gzip;q=0" "identity" "gzip;q=0.0, *;q=0" "br" "gzipped"; do
	same "$(net c.jar /network -H "Accept-Encoding: $refuses")" "200" "the network, to a client that takes '$refuses'"
	hasnt headers "Content-Encoding" "... plain"
	same "$(page body)" "$(page first.html)" "... the same page"
done
# The form token is in the page's head, compressed for each request on
# its own: two views compressed differ there and nowhere else.
net c.jar /network -H "Accept-Encoding: gzip" >/dev/null
gunzip_body >one.html
web_login c2.jar "$(signin commissioner | cut -d' ' -f1)" "$(signin commissioner | cut -d' ' -f2)"
net c2.jar /network -H "Accept-Encoding: gzip" >/dev/null
gunzip_body >two.html
[ "$(grep -o 'name="csrf" value="[^"]*"' one.html)" != "$(grep -o 'name="csrf" value="[^"]*"' two.html)" ] &&
    pass "each session's page has its own form token" || fail "two sessions' pages had the same form token"
same "$(page one.html)" "$(page two.html)" "... and is otherwise the same"

# Scope: a provider's commissioner, right after the network's page was
# kept, gets their own, and the network's commissioner theirs after.
web_login p.jar pc@example.org "provider commissioner pass 1"
for i in 1 2; do
	same "$(net p.jar /network)" "200" "a provider's commissioner's network ($i)"
	has body "Dartleigh Supported Living" "... shows their provider's services ($i)"
	hasnt body "Exbridge Recovery Team" "... and no other provider's ($i)"
done
[ "$(work)" -lt $((built / 100)) ] && pass "... their page is kept too" || fail "the provider's page was not kept"
same "$(net c.jar /network)" "200" "the network's commissioner again"
has body "Exbridge Recovery Team" "... sees every provider's services"
same "$(page body)" "$(page first.html)" "... on the network's page"

# A save through the web (the group-commit writer): the lead of Exbridge
# submits this period's self-assessment, every standard green; the next
# view shows it.
P=$(python3 -c "import datetime; d=datetime.date.today(); print('%d-%02d-01' % (d.year, (d.month-1)//3*3+1))")
net c.jar /network >/dev/null
hasnt body ">$P<" "no service has assessed this period yet"
login l.jar lead
ALL=(-d "csrf=$WCS" -d "save=done" -d "built_on=0")
for n in 1 2 3 4 5 6 7 8 9 10; do ALL+=(-d "standard-$n-rating=green"); done
same "$(code -b l.jar "${ALL[@]}" "$(U "/services/exbridge-recovery/standards/$P/edit")")" "303" "the lead submits this period's self-assessment"
same "$(net c.jar /network)" "200" "the network after the save"
has body ">$P<" "... shows the period just assessed"
has body "10 of 10" "... with its greens"
[ "$(work)" -gt $((kept * 100)) ] && pass "... built again, not the page kept" || fail "the page kept before the save was shown"

# A change from another process: a new service under the provider.
$WAYMARK unit add --db d.db --kind service --code newport-recovery \
    --name "Newport Recovery Service" --parent estuary-care >/dev/null || fail "the service was not added"
same "$(net c.jar /network)" "200" "the network after the command line's change"
has body "Newport Recovery Service" "... shows the new service"
same "$(net p.jar /network)" "200" "the provider's commissioner's network after it"
has body "Newport Recovery Service" "... shows it too"
stop

# A view is answered only once its audit entry is durable: killed at once
# after the 200, the server has written it.
for i in 1 2 3; do
	start d.db || fail "the server did not start again"
	before=$(views)
	same "$(code -b c.jar "$(U /network)")" "200" "a view before a crash ($i)"
	kill -9 "$PID"
	wait "$PID" 2>/dev/null
	PID=""
	same "$(views)" "$((before + 1))" "... is in the audit log after the server is killed ($i)"
done
