# A commissioner's /network is kept by the server once built and shown
# again at the cost of a copy, for the same scope of grants, window and
# rule, until anything its figures rest on changes: a save acknowledged
# through the web, or a change by another process (the command line),
# shows in the next view. A provider's commissioner is never shown the
# network's page, nor the network's commissioner theirs. Every other
# kind of input the figures rest on (a response, an ERFS rating, an
# indicator answer, a training record, a provider and service, a grant)
# shows in the next view too. To a client that takes gzip the page goes
# compressed. Every view is still written to the audit log, durably
# before the page is sent, with whose services it showed, kept or built:
# one survives the server being killed right after its 200.
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
YEAR_BEFORE=$(quarter_back 4)
same "$(net c.jar "/network?to=$YEAR_BEFORE")" "200" "another window: the year before"
[ "$(work)" -gt $((kept * 100)) ] && pass "... is built for itself" || fail "another window was given the kept page"
has body "<option value=\"$YEAR_BEFORE\" selected>" "... and shows that window"

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
# ... as the page names it: "October to December 2026".
PW=$(python3 -c "import datetime, sys
d = datetime.date.fromisoformat(sys.argv[1])
names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
print('%s to %s %d' % (names[d.month - 1], names[d.month + 1], d.year))" "$P")
net c.jar /network >/dev/null
hasnt body ">$PW<" "no service has assessed this period yet"
login l.jar lead
ALL=(-d "csrf=$WCS" -d "save=done" -d "built_on=0")
for n in 1 2 3 4 5 6 7 8 9 10; do ALL+=(-d "standard-$n-rating=green"); done
same "$(code -b l.jar "${ALL[@]}" "$(U "/services/exbridge-recovery/standards/$P/edit")")" "303" "the lead submits this period's self-assessment"
same "$(net c.jar /network)" "200" "the network after the save"
has body ">$PW<" "... shows the period just assessed, in words"
has body "10 of 10" "... with its greens"
[ "$(work)" -gt $((kept * 100)) ] && pass "... built again, not the page kept" || fail "the page kept before the save was shown"

# A change from another process: a new service under the provider.
$WAYMARK unit add --db d.db --kind service --code newport-recovery \
    --name "Newport Recovery Service" --parent estuary-care >/dev/null || fail "the service was not added"
same "$(net c.jar /network)" "200" "the network after the command line's change"
has body "Newport Recovery Service" "... shows the new service"
same "$(net p.jar /network)" "200" "the provider's commissioner's network after it"
has body "Newport Recovery Service" "... shows it too"
# Every other kind of input the figures rest on, changed while the page
# is kept, shows in the next view: built again, not the kept copy, and
# Newport's rows show the change. Each is made by another process (the
# command line, or the sqlite3 shell by hand) while the server holds the
# page.
NEWPORT="Newport Recovery Service"
read -r TODAY EARLIER <<<"$(python3 -c "
import datetime
d = datetime.date.today()
print(d, d - datetime.timedelta(days=40))")"
printf 'staff pass for newport 1\n' >spw
for i in 1 2 3 4 5 6; do
	$WAYMARK person add --db d.db --id "NP$i" --name "Newport Person $i" \
	    --unit newport-recovery --since "$EARLIER" >/dev/null || fail "a person was not added"
	$WAYMARK account add --db d.db --email "np$i@example.org" --name "Newport Staff $i" \
	    --grant practitioner@newport-recovery --password-file spw >/dev/null ||
	    fail "a member of staff was not added"
done
# row SECTION: the text of Newport's rows in the page's section (its id),
# tags gone, on one line.
row() {
	python3 - "$1" "$NEWPORT" <<'PY'
import re, sys
page = open('body').read()
sec = re.search(r'<section[^>]*id="%s".*?</section>' % re.escape(sys.argv[1]), page, re.S)
rows = re.findall(r'<tr[^>]*>(?:(?!</tr>).)*</tr>', sec.group(0) if sec else '', re.S)
texts = [re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', r)).strip() for r in rows]
print(' | '.join(t for t in texts if sys.argv[2] in t))
PY
}
# kept JAR WHAT: viewed, then the next view is the kept copy.
kept() {
	net "$1" /network >/dev/null
	same "$(net "$1" /network)" "200" "the network before $2"
	[ "$(work)" -lt $((built / 100)) ] && pass "... the page kept" ||
	    fail "the page was not kept before $2 ($(work) steps against $built)"
}
# rebuilt JAR WHAT: the next view is built again.
rebuilt() {
	same "$(net "$1" /network)" "200" "the network after $2"
	[ "$(work)" -gt $((built / 10)) ] && pass "... built again" ||
	    fail "after $2 the page kept before was shown ($(work) steps against $built)"
}
# shows WHAT SECTION: `change` made with the page kept shows in the next
# view, in Newport's rows of SECTION.
shows() {
	local before after
	kept c.jar "$1"
	before=$(row "$2")
	change && pass "$1" || fail "$1: the change was not made"
	rebuilt c.jar "$1"
	after=$(row "$2")
	[ -n "$after" ] && [ "$after" != "$before" ] && pass "... shows in $2: ${after:0:160}" ||
	    fail "$1 did not show in $2: $after"
}
respond() { # INSTRUMENT SUBJECT DATE UNIT CODE N
	qr_json "$1" "$2" person "" "$3" "$4" $(rep "$6" "$5") >r.json &&
	$WAYMARK respond --db d.db r.json >/dev/null
}
change() {
	for i in 1 2 3 4 5 6; do
		respond dreem-recovery-markers "Patient/NP$i" "$EARLIER" "" disagree 11 &&
		respond dreem-recovery-markers "Patient/NP$i" "$TODAY" "" strongly-agree 11 || return 1
	done
}
shows "six people at Newport answer the recovery markers twice" recovery
change() {
	for i in 1 2 3 4 5 6; do
		respond erfs Organization/newport-recovery "$TODAY" newport-recovery very-well 16 || return 1
	done
}
shows "six people rate Newport on ERFS" experience
change() {
	for i in 1 2 3 4 5 6; do
		respond dreem-supportive-service-indicators "Patient/NP$i" "$TODAY" "" agree 9 || return 1
	done
}
shows "the six answer the supportive service indicators" experience
change() {
	for i in 1 2 3 4 5 6; do
		$WAYMARK training add --db d.db --service newport-recovery --email "np$i@example.org" \
		    --course wrap --completed "$TODAY" >/dev/null || return 1
	done
}
shows "Newport's staff complete WRAP training" training
# A provider and its service, and then a grant on it, by hand, to the
# provider's commissioner: their next view is of both providers, never
# the page kept for one, nor the network's.
kept c.jar "a new provider"
$WAYMARK unit add --db d.db --kind provider --code westward-care --name "Westward Care" \
    --parent "$(sqlite3 d.db "SELECT code FROM unit WHERE kind = 'network'")" >/dev/null &&
$WAYMARK unit add --db d.db --kind service --code westward-house --name "Westward House" \
    --parent westward-care >/dev/null || fail "the provider and its service were not added"
rebuilt c.jar "a new provider and service"
has body "Westward House" "... shows the new service"
kept p.jar "a new grant"
hasnt body "Westward House" "a provider's commissioner sees their one provider"
sqlite3 d.db "INSERT INTO role_grant(account_id, role, unit_id) SELECT a.id, 'commissioner', u.id FROM account a, unit u WHERE a.email = 'pc@example.org' AND u.code = 'westward-care'" ||
    fail "the grant was not added"
rebuilt p.jar "the grant"
has body "Westward House" "... shows the provider just granted"
has body "$NEWPORT" "... beside their first provider's services"
hasnt body "Exbridge Recovery Team" "... and no other provider's"

# Each view, built or kept, is audited with whose services it showed.
detail() { sqlite3 d.db "SELECT detail FROM audit WHERE action = 'viewed the network''s figures' ORDER BY id DESC LIMIT 1"; }
win=$(sed -n 's/.*; quarters \([^;]*\);.*/\1/p' <<<"$(detail)")
same "$(detail)" "page GET /network; quarters $win; disclosure mhsds; 5 services of estuary-care, westward-care" \
    "the view built is audited with the commissioner's new scope"
same "$(net p.jar /network)" "200" "their page again"
[ "$(work)" -lt $((built / 100)) ] && pass "... is their page kept" || fail "their page was not kept"
same "$(detail)" "page GET /network; quarters $win; disclosure mhsds; 5 services of estuary-care, westward-care" \
    "... and the view kept with the same scope"
same "$(net c.jar /network)" "200" "the network's commissioner's page"
has body "Exbridge Recovery Team" "... of the whole network"
same "$(detail)" "page GET /network; quarters $win; disclosure mhsds; the whole network (16 services)" \
    "... audited as the whole network"
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
