# Saves of web forms and of the JSON API go through the server's one
# group-commit writer: a burst of them from several people at once is
# each acknowledged only once stored, each with its audit entry and its
# draft replaced, and one that is refused (no service to count it for)
# is answered with its own reason while the rest of its batch is kept.
. "$(dirname "$0")/lib.sh"

$WAYMARK demo --db d.db --people 40 >demo.txt || fail "the demo was not built"
signin() { grep "^sign-in: $1 " demo.txt | cut -d' ' -f3,4; }
printf 'a test password, not secret\n' >pw
# Someone with a sign-in who is on no service's caseload: their answers
# cannot be counted for any service.
$WAYMARK person add --db d.db --id NOWHERE-1 --name "Sam Elsewhere" >/dev/null
$WAYMARK account add --db d.db --email sam@example.org --name "Sam Elsewhere" \
    --person NOWHERE-1 --password-file pw >/dev/null
start d.db || fail "the server did not start: $(cat server.log)"
MID=$(sqlite3 d.db "SELECT max(id) FROM instrument WHERE url LIKE '%/dreem-recovery-markers'")
PERSON=$(sqlite3 d.db "SELECT p.id FROM person p JOIN account a ON a.person_id = p.id WHERE a.email = '$(signin person | cut -d' ' -f1)'")

# The form, every question answered, as a browser sends it.
who=$(signin person)
web_login p.jar "${who% *}" "${who#* }"
curl -s -b p.jar -o form.html "$(U "/measures/$MID")"
body="csrf=$(csrf form.html)"
body+=$(grep -o 'name="[a-z0-9-]*" type="radio" value="[a-z0-9-]*"' form.html |
    awk -F'"' '!seen[$2]++ { printf "&%s=%s", $2, $6 }')
web_login s.jar sam@example.org "a test password, not secret"
curl -s -b s.jar -o sform.html "$(U "/measures/$MID")"
sbody="csrf=$(csrf sform.html)&${body#*&}"
# The same answers through the API.
curl -s -c a.jar -H 'Content-Type: application/json' -d "{\"email\": \"${who% *}\", \"password\": \"${who#* }\"}" \
    -o session.json "$(U /api/v1/session)"
TOKEN=$(python3 -c "import json; print(json.load(open('session.json'))['csrf'])")
qr_json dreem-recovery-markers "Patient/$(sqlite3 d.db "SELECT ident FROM person WHERE id = $PERSON")" \
    person "" "$(date -u +%F)" "" $(rep 11 agree) >api.json

# A draft first: the burst's finished saves replace it.
same "$(code -b p.jar --data "$body&save=later" "$(U "/measures/$MID")")" "303" "a draft is saved"
responses=$(sqlite3 d.db "SELECT count(*) FROM response")
audits=$(sqlite3 d.db "SELECT count(*) FROM audit")
burst=()
for i in $(seq 12); do
	curl -s -b p.jar -o /dev/null -w '%{http_code}\n' --data "$body" "$(U "/measures/$MID")" >code.web.$i &
	burst+=($!)
done
for i in $(seq 4); do
	curl -s -b a.jar -H 'Content-Type: application/json' -H "X-CSRF-Token: $TOKEN" \
	    -o api.$i.body -w '%{http_code}\n' --data @api.json "$(U /api/v1/responses)" >code.api.$i &
	burst+=($!)
done
for i in 1 2; do
	curl -s -b s.jar -o refused.$i.body -w '%{http_code}\n' --data "$sbody" "$(U "/measures/$MID")" >code.refused.$i &
	burst+=($!)
done
wait "${burst[@]}"
same "$(cat code.web.* | sort | uniq -c | tr -s ' ')" " 12 303" "12 form saves at once are each acknowledged"
same "$(cat code.api.* | sort | uniq -c | tr -s ' ')" " 4 201" "4 API saves among them are each acknowledged"
same "$(cat code.refused.* | sort | uniq -c | tr -s ' ')" " 2 409" "a save that cannot be counted for a service is refused"
has refused.1.body "You are not on a service&#39;s caseload today" "... with its own reason"
same "$(sqlite3 d.db "SELECT count(*) FROM response")" "$((responses - 1 + 16))" "every acknowledged save is stored, the draft replaced, the refused ones not"
same "$(sqlite3 d.db "SELECT count(*) FROM response WHERE subject_kind = 'person' AND subject_id = $PERSON AND status = 'in-progress'")" "0" "no draft is left"
same "$(sqlite3 d.db "SELECT count(*) FROM audit")" "$((audits + 16))" "each stored save has its audit entry"
same "$(sqlite3 d.db "SELECT count(*) FROM audit WHERE action = 'response recorded (API)' AND subject_id = $PERSON")" "4" "... saying which came through the API"
same "$(sqlite3 d.db "SELECT count(*) FROM response WHERE subject_kind = 'person' AND subject_id = (SELECT id FROM person WHERE ident = 'NOWHERE-1')")" "0" "nothing of the refused saves is kept"
stop

# A save that ends the whole batch's transaction (here a trigger's
# RAISE(ROLLBACK); in life a full disk or an I/O error) fails alone: the
# others in its batch are stored exactly once each, never twice.
start d.db || fail "the server did not start again: $(cat server.log)"
sqlite3 d.db "CREATE TRIGGER boom BEFORE INSERT ON response WHEN NEW.subject_kind = 'staff' BEGIN SELECT RAISE(ROLLBACK, 'boom'); END"
# The practitioner's own reflection (a staff response) always fails; the
# person's saves must all be kept.
prac=$(signin practitioner)
web_login r.jar "${prac% *}" "${prac#* }"
TIPS=$(sqlite3 d.db "SELECT max(id) FROM instrument WHERE url LIKE '%/ten-top-tips'")
curl -s -b r.jar -o tform.html "$(U "/measures/$TIPS")"
tbody="csrf=$(csrf tform.html)"
tbody+=$(grep -o 'name="[a-z0-9-]*" type="radio" value="[a-z0-9-]*"' tform.html |
    awk -F'"' '!seen[$2]++ { printf "&%s=%s", $2, $6 }')
responses=$(sqlite3 d.db "SELECT count(*) FROM response WHERE subject_id = $PERSON AND subject_kind = 'person'")
burst=()
for i in $(seq 10); do
	curl -s -b r.jar -o /dev/null -w '%{http_code}\n' --data "$tbody" "$(U "/measures/$TIPS")" >code.boom.$i &
	burst+=($!)
	curl -s -b p.jar -o /dev/null -w '%{http_code}\n' --data "$body" "$(U "/measures/$MID")" >code.kept.$i &
	burst+=($!)
done
wait "${burst[@]}"
same "$(cat code.boom.* | sort | uniq -c | tr -s ' ')" " 10 500" "saves that end their batch's transaction fail"
same "$(cat code.kept.* | sort | uniq -c | tr -s ' ')" " 10 303" "the saves beside them are acknowledged"
same "$(sqlite3 d.db "SELECT count(*) FROM response WHERE subject_id = $PERSON AND subject_kind = 'person'")" "$((responses + 10))" "... and stored exactly once each"
sqlite3 d.db "DROP TRIGGER boom"
stop
