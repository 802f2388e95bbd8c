# Recording responses: every answer checked; refusals change nothing.
. "$(dirname "$0")/lib.sh"
R="$FIX/responses"
small_network r.db || fail "could not build the small network"

run 0 "a valid DREEM response is saved" -- $WAYMARK respond --db r.db "$R/good-dreem.json"
has out "saved response 1 (DREEM recovery markers, completed)" "prints the stored id"
# 9 agree (4) + 1 strongly agree (5) + 1 prefer not to say (unscored) = 41/10
has out "recovery-markers: 4.10 (10 of 11 answered)" "prints the score, leaving out 'prefer not to say'"
same "$(sqlite3 r.db "SELECT subject_kind, respondent, authored, quarter FROM response WHERE id = 1")" "person|person|2025-06-01|2025-Q2" "who answered and when are stored"
same "$(sqlite3 r.db "SELECT count(*) FROM answer WHERE response_id = 1")" "11" "every answer stored"
same "$(sqlite3 r.db "SELECT round(value, 2) FROM score WHERE response_id = 1")" "4.1" "the score stored at write time"
same "$(sqlite3 r.db "SELECT count(*) FROM audit WHERE action LIKE 'response recorded%'")" "1" "an audit entry was written"

run 0 "a response from standard input" -- $WAYMARK respond --db r.db - <"$R/good-dreem.json"
run 0 "too few answers: saved, but no score" -- $WAYMARK respond --db r.db "$R/good-few-answers.json"
has out "recovery-markers: no score (5 of 11 answered; needs 80%)" "explains why there is no score"
run 0 "an unfinished response can be saved to finish later" -- $WAYMARK respond --db r.db "$R/good-in-progress.json"
has out "in-progress" "says it is in progress"
same "$(sqlite3 r.db "SELECT count(*) FROM score s JOIN response r ON r.id = s.response_id WHERE r.status = 'in-progress'")" "0" "unfinished responses are not scored"
# An import records what happened; it never removes a draft (only a
# person's own next save of the form, on the web or the API, does).
run 0 "importing another unfinished response" -- $WAYMARK respond --db r.db "$R/good-in-progress.json"
run 0 "and a finished one" -- $WAYMARK respond --db r.db "$R/good-dreem.json"
same "$(sqlite3 r.db "SELECT count(*) FROM response WHERE status = 'in-progress'")" "2" "imports leave drafts alone"
run 0 "a practitioner's Ten Top Tips reflection" -- $WAYMARK respond --db r.db "$R/good-tips-formula-note.json"
has out "recovery-practice:" "the reflection is scored"

before=$(counts r.db)
refuse() { # FILE MESSAGE DESCRIPTION
	run 1 "$3" -- $WAYMARK respond --db r.db "$R/$1"
	has err "$2" "$3: says why"
	has err "not saved" "$3: says it was not saved"
}
refuse bad-unknown-linkid.json "item no-such-question: is not a question of DREEM recovery markers version 1.0.1" "an unknown linkId is refused"
refuse bad-value-type.json "item activities: needs a valueCoding with a code" "the wrong value type is refused"
refuse bad-code.json "item activities: code 'maybe' is not one of this question's options" "a code not among the options is refused"
refuse bad-subject-kind.json "field subject" "the wrong subject kind is refused"
refuse bad-version.json "dreem-recovery-markers version 9.9.9 is not loaded" "an unknown instrument version is refused"
refuse bad-missing-required.json "needs an answer" "a completed response missing an answer is refused"
refuse bad-unknown-person.json "no person 'NOBODY'" "an unknown person is refused"
refuse bad-syntax.json "bad-syntax.json:3:" "malformed JSON is refused with its place"
same "$(counts r.db)" "$before" "refused responses changed nothing"
printf '{"resourceType":"QuestionnaireResponse"' >cut.json
run 1 "a truncated file is refused" -- $WAYMARK respond --db r.db cut.json
head -c 2000000 /dev/zero | tr '\0' ' ' >big.json
run 1 "an oversized file is refused" -- $WAYMARK respond --db r.db big.json
has err "larger than the limit" "says the file is too large"
run 1 "a missing file is refused" -- $WAYMARK respond --db r.db nothere.json
same "$(counts r.db)" "$before" "still nothing changed"

# The core standards: a lead's self-rating and validators' ratings, each
# only from someone holding that role for the service.
# A validator's ratings are filed as a validation of the period's
# self-assessment, so they are refused while there is none to validate.
before=$(counts r.db)
refuse good-standards-validator-red.json "Validators are invited once the self-assessment for the period is submitted" "a validator's rating before the lead's self-assessment is refused"
same "$(counts r.db)" "$before" "... storing nothing"
same "$(sqlite3 r.db "SELECT count(*) FROM assessment")/$(sqlite3 r.db "SELECT count(*) FROM invitation")" "0/0" "... not even an assessment or an invitation"
run 0 "a lead's self-assessment is saved" -- $WAYMARK respond --db r.db "$R/good-standards-lead.json"
has out "standard-1: 2.00" "traffic lights are stored as scores (amber = 2)"
same "$(sqlite3 r.db "SELECT a.period || '/' || a.period_end || '/' || v.version FROM assessment a JOIN assessment_version v ON v.assessment_id = a.id")" "2025-04-01/2025-06-30/1" "... filed as version 1 of its quarter's self-assessment"
run 0 "a validator's rating is saved" -- $WAYMARK respond --db r.db "$R/good-standards-validator-red.json"
same "$(sqlite3 r.db "SELECT i.stakeholder || '/' || (x.response_id IS NOT NULL) FROM invitation i LEFT JOIN validation x ON x.assessment_id = i.assessment_id AND x.account_id = i.account_id")" "lived-experience/1" "... filed as their validation of it, in their group"
before=$(counts r.db)
refuse good-standards-validator-red.json "already submitted" "a validator's second rating of the same period is refused"
same "$(counts r.db)" "$before" "... and the first is kept"
sed 's/"authored": "2025-06-10"/"authored": "2025-09-10"/' "$R/good-standards-validator2-green.json" >val-next.json
run 1 "a validator's rating of a later period with no self-assessment is refused" -- $WAYMARK respond --db r.db val-next.json
has err "once the self-assessment for the period is submitted" "... saying why"
same "$(counts r.db)" "$before" "... storing nothing"
before=$(counts r.db)
refuse bad-validator-no-author.json "a lead's or a validator's rating must say who gave it" "a validation without an author is refused"
refuse bad-validator-wrong-group.json "does not hold the validator role as commissioner" "a validator speaking for another group is refused"
refuse bad-lead-not-lead.json "does not hold the lead role" "a self-assessment by someone who is not the lead is refused"
# Anything not green needs an action with an owner and a due date: each
# one missing is named, by standard, in words (core-standards 1.1.0).
refuse bad-lead-action-no-owner.json "item standard-3-action-owner: Standard 3, Action owner: needed because the traffic light rating is not Green" "an action without its owner is refused"
has err "item standard-5-action-due: Standard 5, Action due date: needed because the traffic light rating is not Green" "and one without its due date, in the same pass"
sed 's/core-standards-validation|1.0.0/core-standards|1.1.0/' "$R/good-standards-validator-red.json" >val-on-lead.json
run 1 "a validator cannot answer the lead's self-assessment" -- $WAYMARK respond --db r.db val-on-lead.json
has err "is not answered by 'validator'" "says who answers it"
refuse bad-author-other-person.json "a person answers only for themselves" "answers given as someone else are refused"
same "$(counts r.db)" "$before" "refused ratings changed nothing"

# Version 1.0.0 of the core standards (answered by leads and validators
# alike, with "not rated") stays readable beside 1.1.0: databases hold it.
run 0 "core standards 1.0.0 loads beside 1.1.0" -- $WAYMARK instrument load --db r.db "$FIX/instruments/core-standards-1.0.0.json"
run 0 "a 1.0.0 self-assessment is still recorded" -- $WAYMARK respond --db r.db "$R/good-standards-lead-1.0.0.json"
has out "standard-1: 2.00" "and scored as before"
same "$(sqlite3 r.db "SELECT group_concat(version || ':' || reason, '/') FROM (SELECT * FROM assessment_version ORDER BY version)")" "1:recorded outside the form (waymark respond)/2:recorded outside the form (waymark respond)" "a lead's second import is the period's next version, saying where it came from"
run 0 "the network report reads both versions" -- $WAYMARK report network --db r.db --format csv --disclosure none --from 2025-Q1 --to 2025-Q4
has out "standards,prov,svc,Test Service,2025-Q1..2025-Q4,standard-1,,self,amber,none" "one family: the latest self-rating, whichever version"
