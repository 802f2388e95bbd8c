# A person's goals over real HTTP: changing a goal's wording, marking it
# achieved, putting it aside and bringing it back, each kept as a row of
# its own with its date (the first wording and every review stay); the
# goals page showing current, achieved and put-aside goals apart, each
# with its history, and the practitioner's view the same, read-only.
# Each change needs the form's token, only the person changes their own
# goals, and the network's goal figures count every goal, whatever it
# stands at (docs/statistics.md).
. "$(dirname "$0")/lib.sh"

small_network g.db || fail "the network was not built"
printf 'correct horse battery\n' >pw
$WAYMARK account add --db g.db --email sam@example.org --name "Sam Testperson" --person P1 --grant person@svc --password-file pw >/dev/null
$WAYMARK person add --db g.db --id P2 --name "Pat Other" --unit svc --since 2025-01-01 >/dev/null
$WAYMARK account add --db g.db --email pat@example.org --name "Pat Other" --person P2 --grant person@svc --password-file pw >/dev/null
$WAYMARK account add --db g.db --email jo@example.org --name "Jo Practises" --grant practitioner@svc --password-file pw >/dev/null
q() { sqlite3 g.db "$1"; }
figures() { q "SELECT sum(with_goals) || ' ' || sum(reviewed) || ' ' || sum(higher) FROM people_count"; }

start g.db || fail "the server did not start: $(cat server.log)"
web_login sam.jar sam@example.org "correct horse battery"
SCS=$WCS
web_login pat.jar pat@example.org "correct horse battery"
PCS=$WCS
web_login jo.jar jo@example.org "correct horse battery"
JCS=$WCS

same "$(code -b sam.jar --data-urlencode "csrf=$SCS" --data-urlencode "goal=Walk to the park" "$(U /goals)")" "303" "a goal is set"
G=$(location | cut -d/ -f3)
code -b sam.jar --data-urlencode "csrf=$SCS" -d rating=3 "$(U /goals/$G/reviews)" >/dev/null
code -b sam.jar --data-urlencode "csrf=$SCS" -d rating=6 "$(U /goals/$G/reviews)" >/dev/null
same "$(figures)" "1 1 1" "reviewed twice, higher at the latest: counted in the figures"
same "$(code -b sam.jar "$(U /goals/$G)")" "200" "the goal's page"
has body 'action="/goals/'"$G"'/wording"' "offers to change the wording"
has body 'value="achieved"' "... to mark it achieved"
has body 'value="aside"' "... and to put it aside"
hasnt body 'value="back"' "... but not to bring back a current goal"

# A new wording: a row of its own; the first wording stays.
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" --data-urlencode "goal=   " "$(U /goals/$G/wording)")" "400" "an empty wording is refused"
has body "Write your goal, in your own words" "... saying what is needed"
same "$(q "SELECT count(*) FROM goal_change")" "0" "... keeping nothing"
same "$(code -b sam.jar --data-urlencode "goal=Walk to the sea" "$(U /goals/$G/wording)")" "403" "a new wording without the form's token is refused"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" --data-urlencode "goal=Walk to the <sea> & back" "$(U /goals/$G/wording)")" "303" "the person changes the wording"
same "$(q "SELECT changed || '|' || kind || '|' || text FROM goal_change WHERE goal_id = $G")" "$(date -u +%F)|worded|Walk to the <sea> & back" "... kept as a change, with its date"
same "$(q "SELECT text FROM goal WHERE id = $G")" "Walk to the park" "... the first wording kept as it was"
same "$(q "SELECT count(*) FROM goal_review WHERE goal_id = $G")" "2" "... and every review"
code -b sam.jar "$(U /goals)" >/dev/null
has body "Walk to the &lt;sea&gt; &amp; back" "the goals page shows the new wording"
has body "set as “Walk to the park”" "... and, in its history, the first"
has body "the wording changed to" "... and the change"
has body "reviewed, 6 out of 10" "... and each review"

# Marked achieved: apart from the current goals; not reviewed, not
# reworded, until it is brought back.
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=achieved "$(U /goals/$G/changes)")" "303" "the person marks it achieved"
same "$(q "SELECT state FROM goal WHERE id = $G")" "achieved" "... it stands achieved"
same "$(figures)" "1 1 1" "... and still counts in the figures"
code -b sam.jar "$(U /goals)" >/dev/null
same "$(sed -n '/<h2[^>]*>Achieved</,/<h2/p' body | grep -c "> of Walk to the &lt;sea&gt;")" "1" "the goals page lists it under Achieved"
same "$(sed -n '/<h2[^>]*>Current goals</,/<h2/p' body | grep -c "> of Walk to the &lt;sea&gt;")" "0" "... not among the current goals"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d rating=9 "$(U /goals/$G/reviews)")" "409" "an achieved goal is not reviewed"
has body "bring it back to review it again" "... saying how to"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" --data-urlencode "goal=Run" "$(U /goals/$G/wording)")" "409" "... nor reworded"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=aside "$(U /goals/$G/changes)")" "409" "... nor put aside"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=achieved "$(U /goals/$G/changes)")" "409" "... nor marked achieved twice"
same "$(q "SELECT count(*) FROM goal_change WHERE goal_id = $G")" "2" "... none of them kept"
same "$(q "SELECT count(*) FROM goal_review WHERE goal_id = $G")" "2" "... no review added"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=back "$(U /goals/$G/changes)")" "303" "the person brings it back"
same "$(q "SELECT state FROM goal WHERE id = $G")" "current" "... a current goal again"

# Put aside, then brought back.
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=aside "$(U /goals/$G/changes)")" "303" "the person puts it aside"
same "$(q "SELECT state FROM goal WHERE id = $G")" "aside" "... it stands put aside"
same "$(figures)" "1 1 1" "... and still counts in the figures"
code -b sam.jar "$(U /goals)" >/dev/null
same "$(sed -n '/<h2[^>]*>Put aside</,$p' body | grep -c "> of Walk to the &lt;sea&gt;")" "1" "the goals page lists it under Put aside"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d rating=9 "$(U /goals/$G/reviews)")" "409" "a put-aside goal is not reviewed"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=nonsense "$(U /goals/$G/changes)")" "400" "a change that is none of them is refused"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=worded "$(U /goals/$G/changes)")" "400" "... as is a wording without words"
same "$(code -b sam.jar -d change=back "$(U /goals/$G/changes)")" "403" "bringing it back without the form's token is refused"
same "$(q "SELECT state FROM goal WHERE id = $G")" "aside" "... it stays put aside"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=back "$(U /goals/$G/changes)")" "303" "the person brings it back"
same "$(q "SELECT group_concat(kind, ',') FROM (SELECT kind FROM goal_change WHERE goal_id = $G ORDER BY id)")" "worded,achieved,back,aside,back" "every change kept, in order"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d rating=8 "$(U /goals/$G/reviews)")" "303" "brought back, it is reviewed again"

# Only the person changes their own goals.
before=$(q "SELECT count(*) FROM goal_change")
same "$(code -b pat.jar --data-urlencode "csrf=$PCS" -d change=aside "$(U /goals/$G/changes)")" "404" "someone else cannot put the goal aside"
same "$(code -b pat.jar --data-urlencode "csrf=$PCS" --data-urlencode "goal=Mine now" "$(U /goals/$G/wording)")" "404" "... nor change its wording"
same "$(code -b jo.jar --data-urlencode "csrf=$JCS" -d change=achieved "$(U /goals/$G/changes)")" "404" "their practitioner cannot mark it achieved"
same "$(code -b jo.jar --data-urlencode "csrf=$JCS" --data-urlencode "goal=Theirs" "$(U /goals/$G/wording)")" "404" "... nor change its wording"
same "$(code -d change=aside "$(U /goals/$G/changes)")" "403" "signed out, a change is refused"
same "$(q "SELECT count(*) FROM goal_change")" "$before" "... nothing kept"
same "$(code -b sam.jar --data-urlencode "csrf=$SCS" -d change=aside "$(U /goals/99999/changes)")" "404" "a goal that does not exist"

# The practitioner sees the same, read-only.
code -b sam.jar --data-urlencode "csrf=$SCS" --data-urlencode "goal=Cook a meal for friends" "$(U /goals)" >/dev/null
G2=$(location | cut -d/ -f3)
code -b sam.jar --data-urlencode "csrf=$SCS" -d change=aside "$(U /goals/$G2/changes)" >/dev/null
same "$(code -b jo.jar "$(U /people/P1/goals)")" "200" "the practitioner's view of the person's goals"
same "$(sed -n '/<h2[^>]*>Current goals</,/<h2/p' body | grep -c "> of Walk to the &lt;sea&gt;")" "1" "... the current goal"
same "$(sed -n '/<h2[^>]*>Put aside</,$p' body | grep -c "> of Cook a meal for friends")" "1" "... and the one put aside, apart"
has body "set as “Walk to the park”" "... each with its history"
hasnt body 'action="/goals' "... read-only: no form to change them"
same "$(figures)" "1 1 1" "a goal put aside without reviews adds no one to the figures"

# The API says where each goal stands, and refuses a review of one put aside.
code -c api.jar -H 'Content-Type: application/json' -d '{"email": "sam@example.org", "password": "correct horse battery"}' "$(U /api/v1/session)" >/dev/null
ATOK=$(jq -r .csrf body)
code -b api.jar "$(U /api/v1/goals)" >/dev/null
same "$(jq -r '[.goals[] | .state] | join(",")' body)" "current,aside" "the API lists each goal's state"
same "$(code -b api.jar -H 'Content-Type: application/json' -H "X-CSRF-Token: $ATOK" -d '{"rating": 5}' "$(U /api/v1/goals/$G2/reviews)")" "409" "the API refuses a review of a put-aside goal"

# The record download holds every goal's state, first wording and changes.
same "$(code -b sam.jar "$(U /my-record/record.json)")" "200" "the record download"
same "$(jq -r --arg f "Walk to the park" '.goals[] | select(.first_wording == $f) | [.goal, .state, ([.changes[].change] | join(",")), (.reviews | length)] | join("|")' body)" "Walk to the <sea> & back|current|worded,achieved,back,aside,back|3" "... with each goal's wording, state, changes and reviews"
same "$(jq -r --arg f "Walk to the park" '.goals[] | select(.first_wording == $f) | .changes[0] | .date + "|" + .wording' body)" "$(date -u +%F)|Walk to the <sea> & back" "... each change with its date and any new words"
