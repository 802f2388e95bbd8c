# Instrument files: checking, loading (all or none, versioned), listing.
. "$(dirname "$0")/lib.sh"
I="$FIX/instruments"

run 0 "every shipped instrument and catalogue checks out" -- $WAYMARK instrument check "$ROOT"/instruments/*.json
has out "copyright:" "check shows each instrument's copyright"
has out "source:" "check shows each instrument's source"

run 1 "a JSON syntax error is refused" -- $WAYMARK instrument check "$I/bad-syntax.json"
has err "bad-syntax.json:3:" "syntax errors give FILE:LINE:COLUMN"
run 1 "a duplicate JSON key is refused" -- $WAYMARK instrument check "$I/bad-duplicate-key.json"
has err "bad-duplicate-key.json:" "duplicate keys are reported with their place"
run 1 "a duplicate linkId is refused" -- $WAYMARK instrument check "$I/bad-duplicate-linkid.json"
has err "bad-duplicate-linkid.json: item activities: linkId is used more than once" "names the duplicated item"
run 1 "a choice without options is refused" -- $WAYMARK instrument check "$I/bad-no-options.json"
has err "item activities: a choice item needs at least 2 answerOption entries" "names the item without options"
run 1 "an unknown respondent is refused" -- $WAYMARK instrument check "$I/bad-respondent.json"
has err "extension respondent" "names the respondent extension"
run 1 "every problem in a file is listed" -- $WAYMARK instrument check "$I/bad-scale-and-copyright.json"
has err "names item 'no-such-item', which does not exist" "a scale naming a missing item is reported"
has err "field copyright" "a missing copyright is reported in the same run"
run 1 "one bad file fails the whole check" -- $WAYMARK instrument check "$ROOT/instruments/erfs.json" "$I/bad-syntax.json"
has out "erfs.json: ok" "good files are still reported ok"

$WAYMARK init --db i.db >/dev/null
before=$(counts i.db)
run 1 "load with any bad file loads nothing" -- $WAYMARK instrument load --db i.db "$ROOT/instruments/erfs.json" "$I/bad-no-options.json"
has err "nothing was loaded" "says nothing was loaded"
same "$(counts i.db)" "$before" "the database is unchanged"
run 1 "a catalogue is not loaded as an instrument" -- $WAYMARK instrument load --db i.db "$ROOT/instruments/training-courses.json"
run 0 "load the DREEM markers" -- $WAYMARK instrument load --db i.db "$ROOT/instruments/dreem-recovery-markers.json"
has out "loaded https://waymark.example/fhir/Questionnaire/dreem-recovery-markers version 1.0.1" "load reports what it stored"
same "$(sqlite3 i.db 'SELECT count(*) FROM instrument_item WHERE instrument_id = 1')" "13" "items stored for SQL readers"
run 0 "loading the same file again is harmless" -- $WAYMARK instrument load --db i.db "$ROOT/instruments/dreem-recovery-markers.json"
has out "already loaded" "says it was already loaded"
before=$(counts i.db)
run 1 "same version with different content is refused" -- $WAYMARK instrument load --db i.db "$I/dreem-edited-same-version.json" "$ROOT/instruments/erfs.json"
has err "already loaded with different content" "explains the version rule"
same "$(counts i.db)" "$before" "nothing from that load was stored"
run 0 "a new version loads beside the old" -- $WAYMARK instrument load --db i.db "$I/dreem-v1-1.json"
run 0 "instrument list" -- $WAYMARK instrument list --db i.db
has out "dreem-recovery-markers|1.0.1" "lists version 1.0.1"
has out "dreem-recovery-markers|1.1.0" "lists version 1.1.0"
has out "copyright: Marker wording (c) Priscilla Ridgway" "list shows the attribution"

# The shipped recovery markers changed (they now say higher is better),
# so they are version 1.0.1: a network that loaded 1.0.0 loads them beside
# it, where the changed content under the old number would be refused.
$WAYMARK init --db old.db >/dev/null
run 0 "a network loaded the recovery markers 1.0.0" -- $WAYMARK instrument load --db old.db "$I/dreem-recovery-markers-1.0.0.json"
sed 's/"version": "1.0.1"/"version": "1.0.0"/' "$ROOT/instruments/dreem-recovery-markers.json" >same-number.json
run 1 "the changed markers under the old number would be refused" -- $WAYMARK instrument load --db old.db same-number.json
has err "already loaded with different content" "... by the version rule"
run 0 "the shipped 1.0.1 loads beside 1.0.0" -- $WAYMARK instrument load --db old.db "$ROOT/instruments/dreem-recovery-markers.json"
has out "dreem-recovery-markers version 1.0.1" "... as a new version"
same "$(sqlite3 old.db "SELECT group_concat(version, ' ') FROM (SELECT version FROM instrument ORDER BY id)")" "1.0.0 1.0.1" "both versions are kept"

# Text that could rewrite a terminal is refused, not printed.
python3 - "$ROOT/instruments/erfs.json" >esc.json <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))
q['title'] = 'ERFS\u001b]0;owned\u0007\u001b[2J'
json.dump(q, sys.stdout)
PY
run 1 "a title with control characters is refused" -- $WAYMARK instrument check esc.json
has err "field title: 'title' contains control characters" "names the field"
if grep -q "$(printf '\033')" out err; then fail "an escape character reached the terminal"; else pass "no escape character reaches the terminal"; fi

# A Questionnaire that contains a CodeSystem is still an instrument.
python3 - "$ROOT/instruments/erfs.json" >contained.json <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))
out = {'contained': [{'resourceType': 'CodeSystem', 'id': 'x', 'status': 'active', 'content': 'complete'}]}
out.update(q)
json.dump(out, sys.stdout)
PY
run 0 "an instrument with a contained CodeSystem checks as an instrument" -- $WAYMARK instrument check contained.json
has out "ERFS" "it is read as the ERFS instrument"
run 1 "a conflicting load names the file" -- $WAYMARK instrument load --db i.db "$I/dreem-edited-same-version.json"
has err "waymark: $I/dreem-edited-same-version.json: https://waymark.example/fhir/Questionnaire/dreem-recovery-markers version 1.0.1 is already loaded" "the message starts with the file"

# A light is read from its score, so an instrument must value its traffic
# lights as every other does (red 1, amber 2, green 3, not rated none).
python3 - "$ROOT/instruments/core-standards.json" >green4.json <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))
opt = q['item'][4]['item'][1]['answerOption'][2]
assert opt['valueCoding']['code'] == 'green'
opt['extension'][0]['valueDecimal'] = 4
json.dump(q, sys.stdout)
PY
run 1 "a green light valued 4 is refused" -- $WAYMARK instrument check green4.json
has err "item standard-5-rating: option 'green' must have the light's ordinalValue: red 1, amber 2, green 3" "names the item, the light and the values"
