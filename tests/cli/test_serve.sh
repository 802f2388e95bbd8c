# The web server over real HTTP on loopback: security headers, sign-in
# and sign-out, CSRF, throttling, limits, the access log and shutdown.
. "$(dirname "$0")/lib.sh"

$WAYMARK init --db w.db >/dev/null
$WAYMARK unit add --db w.db --kind network --code net --name "Net" >/dev/null
printf 'correct horse battery\n' >pw
$WAYMARK account add --db w.db --email jo@example.org --name "Jo Bloggs" --grant admin@net --password-file pw >/dev/null

start w.db && pass "the server starts on loopback" || fail "the server did not start: $(cat server.log)"

same "$(code "$(U /)")" "303" "a signed-out visitor is sent to sign in"
has headers "Location: /sign-in" "... to /sign-in"
for h in "Content-Security-Policy: default-src 'none'" "frame-ancestors 'none'" "X-Content-Type-Options: nosniff" "Referrer-Policy: same-origin" "Cache-Control: no-store"; do
	has headers "$h" "every response has $h"
done

same "$(code -c jar -b jar "$(U /sign-in)")" "200" "the sign-in page"
has body '<label class="nhsuk-label" for="email">Email address</label>' "the form labels its fields"
has body '<link rel="stylesheet" href="/assets/nhsuk-frontend.min.css">' "pages use the NHS design system's stylesheet"
has body '<link rel="icon" href="/assets/waymark-icon.svg" type="image/svg+xml">' "... and name their icon, so no browser asks for /favicon.ico"
has headers "HttpOnly; SameSite=Lax" "its cookie is HttpOnly and SameSite=Lax"
cp body form.html
CS=$(csrf form.html)

same "$(code -b jar --data-urlencode "email=jo@example.org" --data-urlencode "password=correct horse battery" "$(U /sign-in)")" "403" "a sign-in without its form token is refused"
same "$(sqlite3 w.db 'SELECT count(*) FROM session')" "0" "... and starts no session"

same "$(code -c jar -b jar --data-urlencode "csrf=$CS" --data-urlencode "email=jo@example.org" --data-urlencode "password=wrong password" "$(U /sign-in)")" "200" "a wrong password shows the form again"
has body "Email or password not recognised" "... with one message for any refusal"
has body 'value="jo@example.org"' "... keeping what was typed"
hasnt body "wrong password" "... but never the password"
same "$(code -c jar -b jar --data-urlencode "csrf=$CS" --data-urlencode "email=nobody@example.org" --data-urlencode "password=correct horse battery" "$(U /sign-in)")" "200" "an unknown email"
has body "Email or password not recognised" "... gets the same message"

same "$(code -c jar -b jar --data-urlencode "csrf=$CS" --data-urlencode "email=jo@example.org" --data-urlencode "password=correct horse battery" "$(U /sign-in)")" "303" "the right password signs in"
has headers "Set-Cookie: wm_session=" "a session cookie is set"
hasnt headers "__Host-" "over plain http the cookie has plain names (browsers refuse __Host- without Secure)"
hasnt headers "Secure" "... and is not Secure"
has headers "Max-Age=43200" "it lasts at most 12 hours"
TOKEN=$(grep -o 'wm_session=[^;]*' headers | head -1 | cut -d= -f2)
hasnt w.db "$TOKEN" "only a hash of the session token is stored"
same "$(code -b jar "$(U /)")" "200" "home, signed in"
has body "You are signed in as Jo Bloggs" "home says who is signed in"
same "$(sqlite3 w.db "SELECT count(*) FROM audit WHERE action = 'signed in'")" "1" "signing in is audited"

cp body home.html
SCS=$(csrf home.html)
same "$(code -b jar -d "csrf=not-the-token" "$(U /sign-out)")" "403" "sign-out with a wrong token is refused"
same "$(code -b jar "$(U /)")" "200" "... and the session goes on"
same "$(code -c jar -b jar --data-urlencode "csrf=$SCS" "$(U /sign-out)")" "303" "sign-out with the session's token"
same "$(code -b "wm_session=$TOKEN" "$(U /)")" "303" "the old session token no longer works"


# Behind https the cookies carry the __Host- prefix: Secure, Path=/, no
# Domain, so no other site can set or shadow them.
HTTP_PORT=$PORT HTTP_PID=$PID
start w.db --base-url https://waymark.example.org || fail "the https server did not start: $(cat server.log)"
same "$(code "$(U /sign-in)")" "200" "the sign-in page, behind https"
grep -q '^Set-Cookie: __Host-wm_pre=[A-Za-z0-9_-]*; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure' headers && pass "the sign-in form's cookie is __Host-wm_pre, Secure, Path=/" || fail "pre-session cookie: $(grep -i set-cookie headers)"
hasnt headers "Domain=" "... with no Domain"
PRE=$(grep -o '__Host-wm_pre=[^;]*' headers | cut -d= -f2)
HCS=$(csrf body)
same "$(code -b "__Host-wm_pre=$PRE" --data-urlencode "csrf=$HCS" --data-urlencode "email=jo@example.org" --data-urlencode "password=correct horse battery" "$(U /sign-in)")" "303" "signing in behind https"
grep -q '^Set-Cookie: __Host-wm_session=[A-Za-z0-9_-]*; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure' headers && pass "the session cookie is __Host-wm_session, Secure, Path=/" || fail "session cookie: $(grep -i set-cookie headers)"
hasnt headers "Domain=" "... with no Domain"
HTOKEN=$(grep -o '__Host-wm_session=[^;]*' headers | cut -d= -f2)
same "$(code -b "__Host-wm_session=$HTOKEN" "$(U /)")" "200" "a request with the __Host- cookie is recognised"
has body "You are signed in as Jo Bloggs" "... as the account that signed in"
same "$(code -b "wm_session=$HTOKEN" "$(U /)")" "303" "the plain name is not read behind https"
same "$(code -b "wm_pre=$PRE" --data-urlencode "csrf=$HCS" --data-urlencode "email=jo@example.org" --data-urlencode "password=correct horse battery" "$(U /sign-in)")" "403" "nor is the sign-in form's plain cookie"
same "$(code -b "__Host-wm_session=$HTOKEN" -H 'Content-Type: application/json' -X DELETE "$(U /api/v1/session)")" "403" "the API's sign-out still needs the session's token"
same "$(code -b "__Host-wm_session=$HTOKEN" "$(U /api/v1/session)")" "200" "the API reads the __Host- cookie too"
stop
PORT=$HTTP_PORT PID=$HTTP_PID

same "$(code "$(U /assets/nhsuk-frontend.min.css)")" "200" "the stylesheet is built into the server"
has headers "Content-Type: text/css" "... served as CSS"
has headers "Cache-Control: public, max-age=86400" "... and may be cached, being the same for everyone"
has headers "X-Content-Type-Options: nosniff" "... with the security headers too"
# The Content-Security-Policy lets a page load nothing from another
# host: a stylesheet asking for one (the design system's web fonts) only
# fills the browser's console with errors.
cp body served.css
python3 - served.css >py.out 2>&1 <<'PY'
import re, sys
css = open(sys.argv[1], encoding='utf-8').read()
urls = re.findall(r'url\(\s*[\'"]?([^)\'"]*)', css)
assert urls, 'no url() at all: not the design system stylesheet'
off = [u for u in urls if re.match(r'^([a-zA-Z][a-zA-Z0-9+.-]*:|//)', u.strip())]
assert not off, 'url() off this site: %s' % off[:3]
faces = re.findall(r'@font-face\{[^}]*\}', css)
assert not [f for f in faces if 'url(' in f and not re.search(r'url\(\s*[\'"]?/(?!/)', f)], faces[:1]
assert '@import' not in css, '@import'
print('ok', len(urls))
PY
[ $? -eq 0 ] && pass "the stylesheet asks for nothing from another host ($(cat py.out))" || fail "the stylesheet asks for another host: $(cat py.out)"
hasnt served.css "assets.nhs.uk" "... not the design system's web fonts, which the policy blocks"
has served.css "Frutiger W01" "... whose text falls back as the design system intends"
img=$(grep -o '/assets/images/[a-z0-9-]*\.svg' served.css | head -1)
same "$(code "$(U "$img")")" "200" "the icons the stylesheet uses are served ($img)"
has headers "Content-Type: image/svg+xml" "... as SVG"
same "$(code "$(U /assets/waymark-icon.svg)")" "200" "the icon every page names for the browser's tab is served"
has headers "Content-Type: image/svg+xml" "... as SVG"
same "$(code "$(U /assets/no-such-file.css)")" "404" "an unknown asset is 404"
same "$(code "$(U /no/such/page)")" "404" "an unknown page is 404"
has body "Page not found" "... saying so plainly"
same "$(code "$(U /sign-in/../etc)")" "404" "a path with .. is not followed"
same "$(code -X DELETE "$(U /sign-in)")" "405" "a wrong method is 405"
has headers "Allow: GET, HEAD, POST" "... saying which methods the page takes"
same "$(code -X PUT "$(U /api/v1/session)")" "405" "the API answers a wrong method with 405"
has headers "Allow: POST, GET, HEAD, DELETE" "... saying which methods it takes"
head -c 300000 /dev/zero | tr '\0' 'a' >big
same "$(code -b jar --data-binary @big -H 'Content-Type: application/x-www-form-urlencoded' "$(U /sign-in)")" "413" "an oversized form is 413"
same "$(code -b jar -H 'Content-Type: application/json' -d '{}' "$(U /sign-in)")" "415" "a form in another encoding is refused"
same "$(code -b jar -d 'a=%zz' "$(U /sign-in)")" "400" "a malformed form is 400"
# A request line too long to read is dropped by the HTTP library before
# any handler sees it; its record must go with the connection (the
# sanitizers report a leak when the server stops, at the end).
long=$(python3 -c "print('&'.join('a%d=1' % i for i in range(3000)))")
curl -s -o /dev/null "$(U "/sign-in?$long")"
# Whether the library reads enough of the line to begin a record depends
# on how the bytes arrive; either way nothing of its query is logged.
hasnt server.log "a2999=1" "a request too long to read is never logged with its query"
same "$(code "$(U /sign-in)")" "200" "and the server goes on answering"

# Five failures for one email from one address make it wait there; the
# four after them are told to wait without a password check, in
# milliseconds, so the right password comes well within the wait.
for i in 1 2 3 4 5 6 7 8 9; do
	code -c jar -b jar --data-urlencode "csrf=$CS" --data-urlencode "email=jo@example.org" --data-urlencode "password=guess $i" "$(U /sign-in)" >/dev/null
done
same "$(code -c jar -b jar --data-urlencode "csrf=$CS" --data-urlencode "email=jo@example.org" --data-urlencode "password=correct horse battery" "$(U /sign-in)")" "429" "repeated failures slow sign-in down, even with the right password"
has body "Too many attempts to sign in" "... and say so"

grep -qE '^request [0-9]+ POST /sign-in 303 [0-9]+ [0-9.]+ms$' server.log && pass "one access-log line per request" || fail "access log: $(head -3 server.log)"
hasnt server.log "correct horse" "the log never holds a password"
hasnt server.log "$TOKEN" "... or a token"
hasnt server.log "jo@example.org" "... or an email"

stop && pass "the server exits 0: nothing leaked" || fail "the server did not exit cleanly: $(tail -5 server.log)"
PID=""
has server.log "stopping (signal 15)" "SIGTERM stops the server cleanly"

# A demo database has public passwords: loopback only, unless told.
$WAYMARK demo --db demo.db --people 5 >/dev/null
run 1 "a demo database is refused on a public address" -- $WAYMARK serve --db demo.db --listen 0.0.0.0:$((20000 + RANDOM % 20000))
has err "--allow-demo" "says how to allow it"

# The demo, served on loopback: its printed sign-ins work.
start demo.db || fail "the demo did not start: $(cat server.log)"
line=$(sqlite3 demo.db "SELECT value FROM setting WHERE key = 'demo-sign-ins'" | grep '^sign-in: practitioner ')
email=$(echo "$line" | cut -d' ' -f3)
password=$(echo "$line" | cut -d' ' -f4)
code -c jar2 -b jar2 "$(U /sign-in)" >/dev/null
cp body form2.html
same "$(code -c jar2 -b jar2 --data-urlencode "csrf=$(csrf form2.html)" --data-urlencode "email=$email" --data-urlencode "password=$password" "$(U /sign-in)")" "303" "the demo practitioner signs in with the printed password"
same "$(code -b jar2 "$(U /)")" "200" "... and sees their home page"
has body "Practitioner: Exbridge Recovery Team" "... with their role, in words"
hasnt body "practitioner@exbridge-recovery" "... never as a code"
same "$(code -b jar2 "$(U /measures)")" "200" "a practitioner's own reflections"
has body "Ten Top Tips" "they can reflect with the Ten Top Tips"
has body "Our shared needs" "and complete their own shared needs (no them and us)"
hasnt body "DREEM recovery markers" "but not a person's recovery markers"
TID=$(sqlite3 demo.db "SELECT id FROM instrument WHERE url LIKE '%ten-top-tips'")
same "$(code -b jar2 "$(U /measures/$TID)")" "200" "the Ten Top Tips form"
cp body tips.html
has tips.html "Did I actively listen to help the person to make sense of their mental health problems?" "the newsletter's questions"
has tips.html "Sainsbury Centre for Mental Health" "with its source"
targs=()
for q in $(grep -o 'name="tip-[0-9]*" type="radio"' tips.html | cut -d'"' -f2 | sort -u); do targs+=(-d "$q=yes"); done
before=$(sqlite3 demo.db "SELECT count(*) FROM response")
same "$(code -b jar2 --data-urlencode "csrf=$(csrf tips.html)" "${targs[@]}" --data-urlencode "note=We planned the allotment visit" "$(U /measures/$TID)")" "303" "a reflection is saved"
same "$(sqlite3 demo.db "SELECT r.respondent || ' ' || r.subject_kind || ' ' || (r.subject_id = a.id) FROM response r JOIN account a ON a.email = '$email' ORDER BY r.id DESC LIMIT 1")" "staff staff 1" "as the practitioner's own, about themselves"
same "$(sqlite3 demo.db "SELECT count(*) FROM response")" "$((before + 1))" "one reflection stored"
TIPS_SAVED=$(location)
same "$TIPS_SAVED" "/measures/$TID/saved?response=$(sqlite3 demo.db "SELECT max(id) FROM response")" "... and goes to a confirmation naming the reflection saved"
same "$(code -b jar2 "$(U "$TIPS_SAVED")")" "200" "it says so"
has body "No one else sees your own answers" "and who can see it"
# The confirmation used to say "saved" whatever had happened: now it
# needs the response it names to be the answerer's own, of that form.
same "$(code -b jar2 "$(U /measures/$TID/saved)")" "404" "a confirmation naming no response is not found"
for bad in 0 abc -1 "$((2 ** 62))" "$(sqlite3 demo.db "SELECT min(id) FROM response WHERE instrument_id = $TID AND respondent = 'staff' AND subject_id <> (SELECT id FROM account WHERE email = '$email')")"; do
	same "$(code -b jar2 "$(U "/measures/$TID/saved?response=$bad")")" "404" "... nor one naming response '$bad' (none, or another practitioner's)"
done
same "$(code -b jar2 "$(U /reflections)")" "200" "the practitioner's own Ten Top Tips summary"
has body "Did I actively listen to help the person to make sense of their mental health problems?" "per question"
has body "Yes: " "with how often they answered yes"

# A commissioner has nothing of their own to answer here.
cline=$(sqlite3 demo.db "SELECT value FROM setting WHERE key = 'demo-sign-ins'" | grep '^sign-in: commissioner ')
code -c jar4 -b jar4 "$(U /sign-in)" >/dev/null
cp body form4.html
code -c jar4 -b jar4 --data-urlencode "csrf=$(csrf form4.html)" --data-urlencode "email=$(echo "$cline" | cut -d' ' -f3)" --data-urlencode "password=$(echo "$cline" | cut -d' ' -f4)" "$(U /sign-in)" >/dev/null
same "$(code -b jar4 "$(U /measures)")" "404" "a commissioner's /measures is not found"
same "$(code -b jar4 "$(U /caseload)")" "404" "a commissioner has no caseload"
same "$(code -b jar4 "$(U /reflections)")" "404" "nor any practitioner's reflections"

# A person answers their recovery markers.
line=$(sqlite3 demo.db "SELECT value FROM setting WHERE key = 'demo-sign-ins'" | grep '^sign-in: person ')
code -c jar3 -b jar3 "$(U /sign-in)" >/dev/null
cp body form3.html
same "$(code -c jar3 -b jar3 --data-urlencode "csrf=$(csrf form3.html)" --data-urlencode "email=$(echo "$line" | cut -d' ' -f3)" --data-urlencode "password=$(echo "$line" | cut -d' ' -f4)" "$(U /sign-in)")" "303" "the demo person signs in"
same "$(code -b jar3 "$(U /)")" "200" "the person's home"
has body 'href="/measures"' "home leads to their measures"
same "$(code -b jar3 "$(U /measures)")" "200" "the list of measures"
has body "DREEM recovery markers" "it offers the recovery markers"
hasnt body "10 core standards" "but not the services' standards"
MID=$(sqlite3 demo.db "SELECT id FROM instrument WHERE url LIKE '%dreem-recovery-markers'")
SID=$(sqlite3 demo.db "SELECT id FROM instrument WHERE url LIKE '%core-standards'")
same "$(code -b jar3 "$(U /measures/$SID)")" "404" "an instrument a person does not answer is not found"
same "$(code -b jar3 "$(U /measures/99999)")" "404" "nor is one that does not exist"
same "$(code -b jar3 "$(U /measures/$MID)")" "200" "the recovery markers form"
cp body markers.html
has markers.html '<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">I feel hopeful about my future</legend>' "a fieldset per question, with the newsletter's words"
has markers.html 'type="radio" value="prefer-not-to-say"' "prefer not to say is always there"
has markers.html "Priscilla Ridgway" "the instrument's source is shown with it"
hasnt markers.html "wm-choice-row" "... and its questions, whose answers are stacked, are not laid out as rows"
TOK=$(csrf markers.html)
before=$(sqlite3 demo.db "SELECT count(*) FROM response")
same "$(code -b jar3 --data-urlencode "csrf=$TOK" -d hopeful=agree -d activities=agree "$(U /measures/$MID)")" "400" "an incomplete form is shown again"
has body "There is a problem" "with the error summary"
has body 'href="#safe-home-1"' "linking to each unanswered question"
grep -A30 'I feel hopeful about my future' body | grep -q 'value="agree" checked' && pass "answers given are kept" || fail "the answer given was not kept"
same "$(code -b jar3 --data-urlencode "csrf=$TOK" -d hopeful=maybe "$(U /measures/$MID)")" "400" "an unknown answer code is refused"
same "$(sqlite3 demo.db "SELECT count(*) FROM response")" "$before" "refused forms store nothing"
# Save and come back later: a draft, never scored, filled in again, and
# replaced by the finished answers.
same "$(code -b jar3 --data-urlencode "csrf=$TOK" -d hopeful=maybe -d save=later "$(U /measures/$MID)")" "400" "a draft with an unknown answer is refused too"
same "$(code -b jar3 --data-urlencode "csrf=$TOK" -d hopeful=agree -d activities=disagree -d save=later "$(U /measures/$MID)")" "303" "half the form is saved to finish later"
DRAFT=$(sqlite3 demo.db "SELECT max(id) FROM response")
has headers "Location: /measures/$MID/saved?response=$DRAFT" "... and goes to a confirmation naming the draft"
same "$(sqlite3 demo.db "SELECT status || ' ' || (SELECT count(*) FROM answer WHERE response_id = r.id) || ' ' || (SELECT count(*) FROM score WHERE response_id = r.id) FROM response r ORDER BY id DESC LIMIT 1")" "in-progress 2 0" "kept as in progress, with its 2 answers and no score"
same "$(code -b jar3 "$(U "/measures/$MID/saved?response=$DRAFT")")" "200" "the page after saving for later"
has body "Your answers so far are saved" "tells the person their answers are kept"
same "$(code -b jar3 "$(U "/measures/$MID/saved?later=1&response=$DRAFT")")" "200" "the draft's confirmation, whatever else the address says"
has body "Your answers so far are saved" "... is the draft's, from the response itself"
same "$(code -b jar3 "$(U "/measures/$MID/saved?later=1")")" "404" "\"saved for later\" naming no response is not found"
same "$(code -b jar2 "$(U "/measures/$MID/saved?response=$DRAFT")")" "404" "someone else's draft is not confirmed to a practitioner"
OTHERS=$(sqlite3 demo.db "SELECT min(id) FROM response WHERE instrument_id = $MID AND respondent = 'person' AND subject_id <> (SELECT subject_id FROM response WHERE id = $DRAFT)")
same "$(code -b jar3 "$(U "/measures/$MID/saved?response=$OTHERS")")" "404" "another person's answers are not confirmed as theirs"
SHARED=$(sqlite3 demo.db "SELECT id FROM instrument WHERE url LIKE '%shared-needs' ORDER BY id DESC LIMIT 1")
same "$(code -b jar3 "$(U "/measures/$SHARED/saved?response=$DRAFT")")" "404" "nor are answers to another measure"
same "$(code -b jar3 "$(U /measures)")" "200" "the list of measures again"
has body "Started: your answers so far are saved" "shows the form as started"
same "$(code -b jar3 "$(U /measures/$MID)")" "200" "the form, opened again"
has body "The answers saved earlier are filled in" "says the answers are filled in"
grep -A30 'I feel hopeful about my future' body | grep -q 'value="agree" checked' && pass "a saved answer is filled in" || fail "the saved answer was not filled in"
grep -A30 'activities' body | grep -q 'value="disagree" checked' && pass "another saved answer is filled in" || fail "the other saved answer was not filled in"
same "$(code -b jar3 --data-urlencode "csrf=$TOK" -d hopeful=agree -d save=later "$(U /measures/$MID)")" "303" "saving for later again"
same "$(sqlite3 demo.db "SELECT count(*) FROM response WHERE status = 'in-progress' AND subject_id = (SELECT subject_id FROM response ORDER BY id DESC LIMIT 1)")" "1" "replaces the earlier draft"
same "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action = 'answers saved to finish later'")" "2" "each save is in the audit log"
before=$(sqlite3 demo.db "SELECT count(*) FROM response WHERE status = 'completed'")
args=()
for q in $(grep -o 'name="[a-z-]*" type="radio"' markers.html | cut -d'"' -f2 | sort -u | grep -v '^hopeful$'); do args+=(-d "$q=agree"); done
args+=(-d "hopeful=strongly-agree")
same "$(code -b jar3 --data-urlencode "csrf=$TOK" "${args[@]}" "$(U /measures/$MID)")" "303" "a complete form is saved"
DONE=$(location)
same "$(code -b jar3 "$(U "$DONE")")" "200" "and says so"
has body "Your answers have been saved" "... as finished"
same "$(code -b jar3 "$(U "/measures/$MID/saved?response=$DRAFT")")" "404" "the draft it replaced is no longer confirmed"
same "$(code -b jar3 "$(U /)")" "200" "home after answering"
has body '<h2 class="nhsuk-heading-m">What is due</h2>' "home says what is due, from the service's cycles"
has body "DREEM recovery markers: next on" "the markers just answered are next due in 6 months"
same "$(sqlite3 demo.db "SELECT count(*) FROM response WHERE status = 'completed'")" "$((before + 1))" "one response was stored"
same "$(sqlite3 demo.db "SELECT count(*) FROM response r WHERE status = 'in-progress' AND subject_id = (SELECT subject_id FROM response ORDER BY id DESC LIMIT 1)")" "0" "and the draft it finished is gone"
same "$(code -b jar3 "$(U /measures)")" "200" "the list of measures after finishing"
hasnt body "Started:" "no longer shows the form as started"
same "$(sqlite3 demo.db "SELECT r.respondent || ' ' || r.subject_kind || ' ' || (r.author_id = r.subject_id) FROM response r ORDER BY r.id DESC LIMIT 1")" "person person 1" "recorded as the person's own answers"
same "$(sqlite3 demo.db "SELECT round(value, 2) FROM score ORDER BY response_id DESC LIMIT 1")" "4.09" "and scored (10 agree, 1 strongly agree: 4.09)"
same "$(code -b jar3 -d "hopeful=agree" "$(U /measures/$MID)")" "403" "a form without its token changes nothing"
same "$(code -b jar3 "$(U /caseload)")" "404" "a person has no caseload"

# My goals, in the person's own words.
same "$(code -b jar3 "$(U /goals)")" "200" "the person's goals"
cp body goals.html
GTOK=$(csrf goals.html)
same "$(code -b jar3 --data-urlencode "csrf=$GTOK" --data-urlencode "goal=   " "$(U /goals)")" "400" "an empty goal is refused"
has body "Write your goal, in your own words" "saying what is needed"
same "$(code -b jar3 --data-urlencode "csrf=$GTOK" --data-urlencode "goal=<b>Walk</b> to the allotment & back" "$(U /goals)")" "303" "a goal is saved"
GOAL=$(grep -o 'Location: /goals/[0-9]*' headers | cut -d/ -f3 | tr -d '\r')
same "$(code -b jar3 "$(U /goals/$GOAL)")" "200" "the goal's page"
has body "&lt;b&gt;Walk&lt;/b&gt; to the allotment &amp; back" "the person's words, escaped"
has body "No reviews yet." "no chart before a review"
same "$(code -b jar3 --data-urlencode "csrf=$GTOK" -d rating=11 "$(U /goals/$GOAL/reviews)")" "400" "a rating outside 0 to 10 is refused"
has body "from 0 to 10" "saying what is allowed"
same "$(code -b jar3 --data-urlencode "csrf=$GTOK" -d rating=4 --data-urlencode "note=Went halfway" "$(U /goals/$GOAL/reviews)")" "303" "a review is saved"
same "$(code -b jar3 --data-urlencode "csrf=$GTOK" -d rating=7 "$(U /goals/$GOAL/reviews)")" "303" "another review"
same "$(code -b jar3 "$(U /goals/$GOAL)")" "200" "the goal over time"
has body "From 4 out of 10 to 7 out of 10" "in plain English"
has body 'aria-labelledby="goal-t goal-d"' "with an accessible chart"
same "$(sqlite3 demo.db "SELECT group_concat(rating) FROM goal_review WHERE goal_id = $GOAL")" "4,7" "both reviews stored"
same "$(code -b jar3 -d rating=9 "$(U /goals/$GOAL/reviews)")" "403" "a review without the form's token changes nothing"
same "$(code -b jar2 "$(U /goals/$GOAL)")" "404" "no one else opens the person's goal"
same "$(code -b jar2 "$(U /goals)")" "404" "a practitioner has no goals page of their own"

# Download my record: everything held about the person, for them alone.
same "$(code -b jar3 "$(U /my-record)")" "200" "the download page"
same "$(code -b jar3 "$(U /my-record/record.json)")" "200" "the whole record as JSON"
has headers 'Content-Disposition: attachment; filename="my-waymark-record.json"' "as a file to keep"
has headers "Cache-Control: no-store" "never cached"
cp body record.json
python3 - record.json >py.out 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert set(r) >= {'responses', 'goals', 'record_views'}, list(r)
mine = [x for x in r['responses'] if x['instrument'].endswith('dreem-recovery-markers')]
assert any(x['answered_by'] == 'person' and len(x['answers']) == 11 for x in mine)
g = [x for x in r['goals'] if x['goal'].startswith('<b>Walk</b>')][0]
assert [v['rating'] for v in g['reviews']] == [4, 7] and g['reviews'][0]['note'] == 'Went halfway'
print('ok', len(r['responses']))
PY
[ $? -eq 0 ] && pass "the JSON holds their answers and goals ($(cat py.out))" || fail "record JSON: $(cat py.out)"
same "$(code -b jar3 "$(U /my-record/answers.csv)")" "200" "their answers as CSV"
has headers "Content-Type: text/csv" "as CSV"
python3 - body >py.out 2>&1 <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert rows and all(r['subject_kind'] == 'person' for r in rows)
assert len({r['subject'] for r in rows}) == 1, 'only one person'
print('ok', len(rows))
PY
[ $? -eq 0 ] && pass "the CSV holds only their own answers ($(cat py.out))" || fail "record CSV: $(cat py.out)"
same "$(code -b jar2 "$(U /my-record/record.json)")" "404" "no one else downloads it"
same "$(code -b jar3 "$(U /journey)")" "200" "the person's journey"
has body '<h2 class="nhsuk-heading-m">Recovery markers</h2>' "a section per scale"
has body 'role="img" aria-labelledby="recovery-markers-t recovery-markers-d"' "the chart has a text alternative"
has body "Show the figures" "and its figures as a table"
has body "your score has gone from" "in plain English"
has body '<h2 class="nhsuk-heading-m">Question by question</h2>' "then question by question"
has body '<caption class="nhsuk-table__caption">DREEM recovery markers: the first and latest answer to each question</caption>' "the first and latest answers side by side, in a captioned table"
has body '<th class="nhsuk-table__header" scope="col">First answer (date)</th><th class="nhsuk-table__header" scope="col">Latest answer (date)</th>' "with headed columns"
grep -qE '<li>Since [A-Z][a-z]+ [0-9]{4} you have answered (more|less) hopefully about “' body && pass "a sentence for each question whose answer moved" || fail "no sentence about a question's answers"
same "$(code -b jar2 "$(U /journey)")" "404" "a practitioner has no journey of their own here"

# The practitioner's caseload, and the scope of what they may see.
same "$(code -b jar2 "$(U /caseload)")" "200" "the practitioner's caseload"
mine=$(sqlite3 demo.db "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE u.code = 'exbridge-recovery' ORDER BY p.ident LIMIT 1")
other=$(sqlite3 demo.db "SELECT p.ident FROM person p JOIN caseload c ON c.person_id = p.id JOIN unit u ON u.id = c.unit_id WHERE u.code <> 'exbridge-recovery' ORDER BY p.ident LIMIT 1")
has body "$mine" "lists people on their own service's caseload"
has body '<th class="nhsuk-table__header" scope="col">Measures</th>' "with whether their measures are due"
grep -qE 'nhsuk-tag--(red|yellow)">(Overdue|Due)|Up to date' body && pass "each person is due, overdue or up to date" || fail "no due state on the caseload"
hasnt body "$other" "and no one else"
mine_name=$(sqlite3 demo.db "SELECT name FROM person WHERE ident = '$mine'")
same "$(code -b jar2 -G --data-urlencode "q=${mine_name% *}" "$(U /caseload)")" "200" "searching by name"
has body "$mine" "finds the person"
same "$(code -b jar2 -G --data-urlencode "q=%_" "$(U /caseload)")" "200" "a search with wildcard characters"
has body "No one matches." "treats them as plain text"
audits=$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action = 'viewed journey'")
same "$(code -b jar2 "$(U /people/$mine/journey)")" "200" "a person's journey, seen by their practitioner"
same "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action = 'viewed journey' AND subject_id = (SELECT id FROM person WHERE ident = '$mine') AND address = '127.0.0.1'")" "1" "the view is audited: who, whose, when, from where"
same "$(code -b jar2 "$(U /people/$other/journey)")" "404" "a person of another service is not found"
same "$(code -b jar2 "$(U /people/NOBODY/journey)")" "404" "exactly as someone who does not exist"
same "$(code -b jar4 "$(U /people/$mine/journey)")" "404" "a commissioner does not see a person's journey"

same "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action = 'viewed journey'")" "$((audits + 1))" "refused views show nothing and audit nothing"
# The person's goals, read-only, for their practitioner; audited.
same "$(code -b jar2 "$(U /people/$mine/goals)")" "200" "a practitioner sees a person's goals"
same "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE action = 'viewed goals' AND subject_id = (SELECT id FROM person WHERE ident = '$mine')")" "1" "that view is audited"
hasnt body 'action="/goals' "read-only: no form to change them"
same "$(code -b jar2 "$(U /people/$other/goals)")" "404" "not for someone else's person"

# Alongside the person: the practitioner starts a measure with them.
same "$(code -b jar2 "$(U /people/$mine/journey)")" "200" "the journey offers to answer together"
has body "href=\"/people/$mine/measures\"" "with a link"
same "$(code -b jar2 "$(U /people/$mine/measures)")" "200" "the measures to answer together"
has body "DREEM recovery markers" "include the recovery markers"
hasnt body "Ten Top Tips" "but not the practitioner's own reflection"
same "$(code -b jar2 "$(U /people/$other/measures)")" "404" "not for someone else's person"
same "$(code -b jar2 "$(U /people/$mine/measures/$MID)")" "200" "the form, together"
cp body together.html
has together.html "action=\"/people/$mine/measures/$MID\"" "posting back to the person's own record"
targs2=()
for q in $(grep -o 'name="[a-z-]*" type="radio"' together.html | cut -d'"' -f2 | sort -u); do targs2+=(-d "$q=neutral"); done
same "$(code -b jar2 --data-urlencode "csrf=$(csrf together.html)" "${targs2[@]}" "$(U /people/$mine/measures/$MID)")" "303" "saved"
same "$(sqlite3 demo.db "SELECT r.respondent || ' ' || r.subject_kind || ' ' || (r.subject_id = p.id) || ' ' || (r.author_id = p.id) FROM response r JOIN person p ON p.ident = '$mine' ORDER BY r.id DESC LIMIT 1")" "person-with-practitioner person 1 1" "as the person's answers, given with a practitioner"
TOGETHER=$(location)
same "$TOGETHER" "/people/$mine/measures/$MID/saved?response=$(sqlite3 demo.db "SELECT max(id) FROM response")" "... going to a confirmation naming them"
same "$(code -b jar2 "$(U "$TOGETHER")")" "200" "which says they are saved"
has body "are saved on the person's record, marked as answered together with a practitioner" "... together"
ALONE=$(sqlite3 demo.db "SELECT r.id FROM response r JOIN person p ON p.id = r.subject_id AND p.ident = '$mine' WHERE r.instrument_id = $MID AND r.respondent = 'person' LIMIT 1")
[ -n "$ALONE" ] && same "$(code -b jar2 "$(U "/people/$mine/measures/$MID/saved?response=$ALONE")")" "404" "answers the person gave alone are not confirmed as given together" ||
    fail "no answers the person gave alone to test with"
same "$(code -b jar2 --data-urlencode "csrf=$(csrf together.html)" "${targs2[@]}" "$(U /people/$other/measures/$MID)")" "404" "and never onto someone else's person"

# Someone new, answering with their practitioner: once, then again.
$WAYMARK person add --db demo.db --id NEW-1 --name "Alex Newcomer" --unit exbridge-recovery --since 2025-01-01 >/dev/null
same "$(code -b jar2 "$(U /people/NEW-1/journey)")" "200" "a new person's journey"
has body "No measures have been answered yet." "says nothing has been answered"
hasnt body "Question by question" "and shows no answers"
same "$(code -b jar2 --data-urlencode "csrf=$(csrf together.html)" "${targs2[@]}" "$(U /people/NEW-1/measures/$MID)")" "303" "their first answers, given together"
same "$(code -b jar2 "$(U "$(location)")")" "200" "... confirmed as saved"
same "$(code -b jar2 "$(U "/people/NEW-1/measures/$MID/saved?response=${TOGETHER##*=}")")" "404" "but no one else's answers are confirmed as saved on their record"
same "$(code -b jar2 "$(U /people/NEW-1/journey)")" "200" "the journey after one response"
has body "They have answered this once, on " "says it has been answered once"
has body "so there is no change to show yet." "and that there is no change to show yet"
hasnt body "the first and latest answer to each question" "with no first-and-latest comparison"
hasnt body "hopefully about" "and no sentence about change"
has body '<th class="nhsuk-table__header" scope="col">Answer (date)</th>' "just the answers given"
grep -qF 'I feel hopeful about my future</td><td class="nhsuk-table__cell">Neither agree nor disagree (' body && pass "each question with its answer" || fail "no answer to the hopeful question"
has body ", with a practitioner)</td>" "marked in words as given with a practitioner"
targs3=()
for a in "${targs2[@]}"; do [ "$a" = "hopeful=neutral" ] && a="hopeful=agree"; targs3+=("$a"); done
same "$(code -b jar2 --data-urlencode "csrf=$(csrf together.html)" "${targs3[@]}" "$(U /people/NEW-1/measures/$MID)")" "303" "their second answers, more hopeful"
same "$(code -b jar2 "$(U /people/NEW-1/journey)")" "200" "the journey after two responses"
has body '<caption class="nhsuk-table__caption">DREEM recovery markers: the first and latest answer to each question</caption>' "sets the first and latest answers side by side"
has body "they have answered more hopefully about “I feel hopeful about my future”: from Neither agree nor disagree (with a practitioner) to Agree (with a practitioner)." "says in plain English what changed, and how it was answered"
has body "Their answers to 10 other questions are about the same as at first." "and that the rest are about the same"
hasnt body "you have answered" "speaking of the person, not to the practitioner"
hasnt body "no change to show yet" "no longer saying there is nothing to compare"
stop && pass "the demo server exits 0: nothing leaked" || fail "the demo server did not exit cleanly: $(tail -5 server.log)"
PID=""
