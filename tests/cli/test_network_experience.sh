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
same "$(code -b c.jar "$(U "/network?from=$BACK5&to=$BACK5")")" "200" "the network page for a quarter long ago"
same "$(grep -o "(a step or more from people's)" body | wc -l)" "6" "... shows the same ERFS"
