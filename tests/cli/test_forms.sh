# The web form for questions asked only sometimes (enableWhen), and for
# dates, whole numbers and yes-or-no questions, without any JavaScript:
# every question is shown, with a hint saying when it is needed; a needed
# answer left out, or a date that is not real, is refused beside the field
# and in the error summary, naming it; nothing is stored until it is right.
. "$(dirname "$0")/lib.sh"

small_network f.db || fail "the network was not built"
$WAYMARK instrument load --db f.db "$FIX/instruments/test-conditional.json" >/dev/null || fail "the test form did not load"
printf 'person password 1\n' >pw
$WAYMARK account add --db f.db --email p1@example.org --name "Sam Testperson" --person P1 --grant person@svc --password-file pw >/dev/null
ID=$(sqlite3 f.db "SELECT id FROM instrument WHERE url LIKE '%test-conditional'")
start f.db && pass "the server starts" || fail "the server did not start"
web_login j p1@example.org "person password 1"

same "$(code -b j "$(U /measures/$ID)")" "200" "the form"
cp body form.html
has form.html '<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s"><span class="nhsuk-u-visually-hidden">Plan: </span>Start date</legend>' "a date is a set of fields with a legend, named with its group for screen readers"
has form.html 'id="start-hint">Needed if the decision is Start now. For example, 31 3 2027</div>' "a conditional question is shown, with a hint saying when it is needed"
has form.html '<fieldset class="nhsuk-fieldset" role="group" aria-describedby="start-hint">' "the hint is tied to the date's fields"
for p in day month year; do
	has form.html "<label class=\"nhsuk-label nhsuk-date-input__label\" for=\"start-$p\">" "the date's $p has its own label"
	has form.html "name=\"start-$p\" type=\"text\" inputmode=\"numeric\"" "... and a text box for digits (no date picker needed)"
done
has form.html 'id="helper-hint">Asked if the decision is Start now.</div>' "an optional conditional question says when it is asked"
has form.html '<input class="nhsuk-input" id="helper" name="helper" type="text" aria-describedby="helper-hint" value="">' "a one-line answer is a text box"
has form.html 'id="steps" name="steps" type="text" inputmode="numeric"' "a whole number asks for digits"
has form.html 'name="shared" type="radio" value="true"' "yes or no is a pair of radios"
hasnt form.html '<script' "no JavaScript"

before=$(sqlite3 f.db "SELECT count(*) FROM response")
post() { code -b j --data-urlencode "csrf=$(csrf form.html)" "$@" "$(U /measures/$ID)"; }
same "$(post -d decision=now --data-urlencode "helper=Jo <b>" -d save=done)" "400" "a needed date left out is refused"
has body '<a href="#start-day">Plan, Start date: needed because the decision is Start now</a>' "the error summary names it and says why, linking to its first field"
has body '<span class="nhsuk-error-message" id="start-error"><span class="nhsuk-u-visually-hidden">Error:</span> Plan, Start date: needed because the decision is Start now</span>' "so does the message beside it"
has body 'aria-describedby="start-hint start-error"' "tied to the fields"
has body 'value="Jo &lt;b&gt;"' "what was typed is kept, escaped"
has body 'value="now" checked' "and the choice"
same "$(sqlite3 f.db "SELECT count(*) FROM response")" "$before" "nothing is stored"

same "$(post -d decision=now -d start-day=31 -d start-month=2 -d start-year=2027 -d save=done)" "400" "a date that is not real is refused"
has body 'Plan, Start date: enter a real date, for example 31 3 2027' "saying so, by name"
has body 'name="start-day" type="text" inputmode="numeric" value="31"' "keeping what was typed"
has body 'nhsuk-input--error" id="start-month"' "its fields are marked"
same "$(post -d decision=now -d start-day=x -d start-month=2 -d start-year=2027 -d save=done)" "400" "letters in a date are refused"
same "$(post -d decision=now -d start-day=1 -d start-month=2 -d save=done)" "400" "so is a date without its year"
same "$(post -d decision=now -d steps=many -d start-day=1 -d start-month=2 -d start-year=2027 -d save=done)" "400" "a number that is not a whole number is refused"
has body '<a href="#steps">Answer: Plan, Number of steps</a>' "named in the summary"
same "$(sqlite3 f.db "SELECT count(*) FROM response")" "$before" "still nothing stored"

same "$(post -d decision=now -d start-day=28 -d start-month=2 -d start-year=2027 -d steps=3 -d shared=true -d save=done)" "303" "with a real date it is saved"
ANS="SELECT group_concat(coalesce(a.text, a.option), ' ') FROM answer a WHERE a.response_id = (SELECT max(id) FROM response)"
same "$(sqlite3 f.db "$ANS")" "0 2027-02-28 3 true" "the date is stored as YYYY-MM-DD, with the number and the yes"
same "$(post -d decision=later -d save=done)" "303" "when it is not needed, no date is asked for"
same "$(post -d decision=later --data-urlencode "helper=Jo" -d save=done)" "303" "an answer to a question not asked is accepted"
same "$(sqlite3 f.db "$ANS")" "1 Jo" "and kept"

# Saved to finish later, the date comes back into its three fields.
same "$(post -d start-day=5 -d start-month=11 -d start-year=2027 -d save=later)" "303" "a date saved to finish later"
same "$(code -b j "$(U /measures/$ID)")" "200" "the form again"
has body 'name="start-day" type="text" inputmode="numeric" value="5"' "the day is filled in"
has body 'name="start-month" type="text" inputmode="numeric" value="11"' "the month"
has body 'name="start-year" type="text" inputmode="numeric" value="2027"' "the year"
