# The ERFS profile on the network's pages, on a small network whose every
# rating is known: counted over the last four quarters to today's whatever
# window is shown (ratings add up quarter by quarter, so windows of their
# own could be set against each other to give one a table withholds), and
# staff's mean marked where it is a step or more from people's.
. "$(dirname "$0")/lib.sh"

W=$WAYMARK
printf 'moss lantern quietly\n' >pw
{
	$W init --db e.db &&
	$W instrument load --db e.db "$ROOT"/instruments/dreem-*.json "$ROOT"/instruments/erfs.json &&
	$W unit add --db e.db --kind network --code net --name "Test Network" &&
	$W unit add --db e.db --kind provider --code prov --name "Test Provider" --parent net &&
	$W unit add --db e.db --kind service --code svc --name "Service One" --parent prov &&
	$W unit add --db e.db --kind service --code svc2 --name "Service Two" --parent prov &&
	$W account add --db e.db --email prac@example.org --name "Jo Practitioner" --grant practitioner@svc --grant practitioner@svc2 --password-file pw &&
	$W account add --db e.db --email c@example.org --name "Cy Commissioner" --grant commissioner@net --password-file pw
} >/dev/null && pass "a network of two services" || fail "the network was not made"

# Quarters counted back from today's, and a day in each.
read -r NOW BACK3 BACK5 <<<"$(python3 - <<'PY'
import datetime
d = datetime.date.today()
q = d.year * 4 + (d.month - 1) // 3
print(' '.join('%d-Q%d' % ((q - b) // 4, (q - b) % 4 + 1) for b in (0, 3, 5)))
PY
)"
day() { # QUARTER: its first day, or today for today's quarter
	python3 -c "
import datetime, sys
y, q = int(sys.argv[1][:4]), int(sys.argv[1][-1])
d = datetime.date(y, 3 * q - 2, 1)
print(min(d, datetime.date.today()))" "$1"
}
rate() { # UNIT RESPONDENT DATE CODE
	local author=""
	[ "$2" = staff ] && author=Practitioner/prac@example.org
	qr_json erfs "Organization/$1" "$2" "$author" "$3" "$1" $(rep 16 "$4") >r.json &&
	$W respond --db e.db r.json >/dev/null
}
ok=0
for i in 1 2 3 4 5 6 7 8; do
	rate svc person "$(day "$NOW")" very-well &&
	rate svc staff "$(day "$NOW")" a-little &&
	rate svc2 person "$(day "$BACK3")" partly &&
	rate svc2 staff "$(day "$BACK3")" partly &&
	rate svc person "$(day "$BACK5")" not-at-all || ok=1
done
same "$ok" "0" "the ratings are saved: eight of each, and eight more at Service One five quarters ago"

# erfs FILE: per service and the network, the first group's people's and
# staff's ratings and means, and the quarters ERFS was counted over.
erfs() {
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rows = d['services'] + [dict(d['network'], service='network')]
print(d['erfsQuarters']['from'], d['erfsQuarters']['to'], ' '.join(
    '%s:%s/%s,%s/%s' % (s['service'], g['people']['ratings'], g['people']['mean'],
                        g['staff']['ratings'], g['staff']['mean'])
    for s in rows for g in s['experience']['erfs'][:1]))
PY
}
want="$BACK3 $NOW svc:8/5.0,8/2.0 svc2:8/3.0,8/3.0 network:16/4.0,16/2.5"
$W report network --db e.db --format json --disclosure none >all.json
same "$(erfs all.json)" "$want" \
    "ERFS over the last four quarters: each service's, and the network's, with nothing from five quarters ago"
$W report network --db e.db --format json --disclosure none --from "$BACK5" --to "$BACK5" >old.json
same "$(erfs old.json)" "$want" "... the same for a window of that one quarter long ago"
$W report network --db e.db --format csv --disclosure none --from "$BACK5" --to "$BACK5" >old.csv
same "$(grep -c "^experience,.*,$BACK3..$NOW,person-centred,.*,mean," old.csv)" "6" \
    "... and the CSV's rows name the quarters it was counted over"

start e.db && pass "the server starts" || fail "the server did not start"
web_login c.jar c@example.org "moss lantern quietly"
same "$(code -b c.jar "$(U '/network')")" "200" "the network page"
has body "whichever quarters are shown (ratings add up quarter by quarter" "... says which quarters ERFS is counted over, and why"
same "$(grep -o "(a step or more from people's)" body | wc -l)" "6" \
    "... marks staff's mean a step or more from people's in each group, at Service One and for all the services (4.0 against 2.5), not at Service Two"
same "$(code -b c.jar "$(U "/network?to=$(quarter_back 4)")")" "200" "the network page for the year before"
same "$(grep -o "(a step or more from people's)" body | wc -l)" "6" "... shows the same ERFS"

# Ratings of a service carry no name (as every staff rating in the demo),
# so who gave them is unknown: three members of staff rating Service A
# in each of four quarters give twelve ratings, a mean of three people.
# ERFS is rated in rounds, each rater once a round, so a mean is shown
# only where one quarter alone had enough raters: here Service A's
# people's eight in one quarter, never its staff's three a quarter.
stop
{
	$W init --db r.db &&
	$W instrument load --db r.db "$ROOT"/instruments/erfs.json &&
	$W unit add --db r.db --kind network --code rnet --name "Rounds Network" &&
	$W unit add --db r.db --kind provider --code rprov --name "Rounds Provider" --parent rnet &&
	$W unit add --db r.db --kind service --code sa --name "Service A" --parent rprov &&
	$W unit add --db r.db --kind service --code sb --name "Service B" --parent rprov &&
	$W account add --db r.db --email rc@example.org --name "Ro Commissioner" --grant commissioner@rnet --password-file pw
} >/dev/null && pass "a second network of two services" || fail "the second network was not made"
read -r BACK1 BACK2 <<<"$(python3 - <<'PY'
import datetime
d = datetime.date.today()
q = d.year * 4 + (d.month - 1) // 3
print(' '.join('%d-Q%d' % ((q - b) // 4, (q - b) % 4 + 1) for b in (1, 2)))
PY
)"
unnamed() { # UNIT RESPONDENT DATE CODE: a rating by no one named
	qr_json erfs "Organization/$1" "$2" "" "$3" "$1" $(rep 16 "$4") >r.json &&
	$W respond --db r.db r.json >/dev/null
}
ok=0
for q in "$NOW" "$BACK1" "$BACK2" "$BACK3"; do
	for i in 1 2 3; do
		unnamed sa staff "$(day "$q")" partly || ok=1
	done
done
for i in 1 2 3 4 5 6 7 8; do
	unnamed sa person "$(day "$NOW")" very-well &&
	unnamed sb person "$(day "$NOW")" partly &&
	unnamed sb staff "$(day "$NOW")" a-little || ok=1
done
same "$ok" "0" "the unnamed ratings are saved: Service A's staff three a quarter for four quarters"
$W report network --db r.db --format json --disclosure none >rall.json
same "$(erfs rall.json | cut -d' ' -f3-)" "sa:8/5.0,12/3.0 sb:8/3.0,8/2.0 network:16/4.0,20/2.6" \
    "... twelve staff ratings of Service A, a mean of 3.0, for the network's own analysts"
sa_staff() { # FILE: Service A's staff's ratings and mean, and its people's mean
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = next(s for s in d['services'] if s['service'] == 'sa')
g = s['experience']['erfs'][0]
print(g['staff']['ratings'], g['staff']['mean'], g['people']['mean'])
PY
}
$W report network --db r.db --format json --disclosure mhsds >rmh.json
same "$(sa_staff rmh.json)" "* * 5.0" \
    "under mhsds Service A's staff's mean of three people is withheld with its count, though twelve ratings; its people's eight in a quarter shown"
$W report network --db r.db --format json --disclosure hes >rhes.json
same "$(sa_staff rhes.json)" "* * 5.0" "... and under hes"
start r.db && pass "the server starts on the second network" || fail "the server did not start"
web_login rc.jar rc@example.org "moss lantern quietly"
same "$(code -b rc.jar "$(U '/api/v1/network')")" "200" "the network's API"
same "$(sa_staff body)" "* * 5.0" "... withholds Service A's staff's mean too"
same "$(code -b rc.jar "$(U '/network/about')")" "200" "the page about the figures"
has body "ratings carry no name" "... says a mean is shown only where one round alone had enough people rating"
