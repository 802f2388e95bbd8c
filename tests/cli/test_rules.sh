# tools/check-rules.sh on small made-up trees: a tagged quotation must be
# in the newsletter (whitespace, line breaks, markup and curly quotes
# aside), tags belong above a function in src/core/*.c, docs/rules.md
# must be what --print writes, the instruments are named only by core's
# table; without the newsletter the quotations are held to docs/rules.md,
# which records the newsletter it was written against.
. "$(dirname "$0")/lib.sh"
CHECK="$ROOT/tools/check-rules.sh"

# A newsletter with the shapes the real one has: a sentence broken over
# lines, curly quotes, an en dash, markup.
cat >news.txt <<'TXT'
Recovery is about building a meaningful and satisfying life, as
defined by the person themselves. There are no ‘them’ and ‘us’ – just us.
- Can be self - monitored (through a **traffic light** system)
TXT
export WAYMARK_NEWSLETTER="$SCRATCH/news.txt"

tree() { # DIR: a tree with one tagged rule, its docs and one instrument
	mkdir -p "$1/src/core" "$1/src/web" "$1/docs" "$1/instruments"
	cat >"$1/src/core/rule.c" <<'C'
/*
 * Newsletter: "Recovery is about building a meaningful and satisfying
 * life, as defined by the person themselves."
 * Newsletter: "There are no 'them' and 'us' - just us."
 * Waymark: "the person's own words are kept"
 */
int
wm_rule(void)
{
	return 1;
}
C
	printf '{"resourceType": "Questionnaire", "url": "https://example.org/Questionnaire/tips", "code": [{"system": "https://example.org/CodeSystem/measure-family", "code": "tips-family"}]}\n' >"$1/instruments/tips.json"
	printf 'int\nwm_page(void)\n{\n\treturn 0;\n}\n' >"$1/src/web/page.c"
}

tree good
run 0 "--print writes the rules" -- bash "$CHECK" --print good
has out '| `wm_rule` | Newsletter | "Recovery is about building a meaningful and satisfying life, as defined by the person themselves." |' "... each tag with its function, quotes joined across lines"
has out '| `wm_rule` | Waymark | "the person'"'"'s own words are kept" |' "... Waymark's own rules beside them"
cp out good/docs/rules.md
run 0 "a tree whose quotations are in the newsletter passes" -- bash "$CHECK" good
has out "check-rules: ok (3 rules in 1 functions, 2 newsletter quotations" "... counting what it checked"

cp -r good moved
sed -i 's/meaningful and satisfying/meaningful, satisfying/' moved/src/core/rule.c
run 1 "a quotation not in the newsletter fails" -- bash "$CHECK" moved
has out "src/core/rule.c:1: Newsletter: \"Recovery is about building a meaningful, satisfying life" "... naming the file, the line and the words"
has out "docs/rules.md:1: out of date" "... and docs/rules.md is then out of date too"

cp -r good stale
echo "| \`wm_gone\` | Waymark | \"a rule that went\" |" >>stale/docs/rules.md
run 1 "docs/rules.md out of date fails" -- bash "$CHECK" stale
has out "regenerate it: tools/check-rules.sh --print >docs/rules.md" "... saying how to regenerate it"

cp -r good astray
printf '/*\n * Waymark: "a rule decided in a page"\n */\nint\nwm_other(void)\n{\n\treturn 0;\n}\n' >astray/src/web/page.c
run 1 "a tag outside src/core fails" -- bash "$CHECK" astray
has out "src/web/page.c:1: a rule's tag belongs above the function in src/core/*.c" "... saying where rules live"

cp -r good loose
printf '\n/* Waymark: "a tag that floats free" */\n\nstatic int x;\n' >>loose/src/core/rule.c
run 1 "a tag not above a function fails" -- bash "$CHECK" loose
has out "a tag belongs in the comment just above the function" "... saying where it goes"

cp -r good short
sed -i 's/Waymark: "the person.s own words are kept"/Waymark: "kept"/' short/src/core/rule.c
run 1 "a tag of fewer than three words fails" -- bash "$CHECK" short
has out "quote at least three words" "... saying why"

cp -r good named
printf 'static const char *u = "https://example.org/Questionnaire/tips";\n' >>named/src/web/page.c
printf 'static const char *f = "tips-family";\n' >>named/src/web/page.c
printf 'static const char *q = "SELECT 1 WHERE family = '"'"'tips-family'"'"'";\n' >>named/src/web/page.c
printf '/* "tips-family" in a comment is fine */\n' >>named/src/web/page.c
run 1 "an instrument named outside core's table fails" -- bash "$CHECK" named
has out "src/web/page.c:6: the instrument https://example.org/Questionnaire/tips is named by core's table" "... its URL"
has out "src/web/page.c:7: the measure family 'tips-family' is named by core's table" "... its family as a string"
has out "src/web/page.c:8: the measure family 'tips-family' written in SQL: bind" "... its family inside SQL"
hasnt out "src/web/page.c:9:" "... but not words in a comment"

run 2 "a WAYMARK_NEWSLETTER that cannot be read stops the check" -- env WAYMARK_NEWSLETTER="$SCRATCH/nowhere.txt" bash "$CHECK" good
has err "nowhere.txt, which cannot be read" "... saying so"
has good/docs/rules.md "Quotations checked against the newsletter with SHA-256 \`$(sha256sum news.txt | cut -d' ' -f1)\`" "docs/rules.md records which newsletter its quotations were checked against"
mkdir -p lone/repo lone/shared/seed
cp -r good/. lone/repo/
run 0 "a clone with no newsletter above it holds the quotations to docs/rules.md" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" lone/repo
has err "the newsletter was not found (looked for shared/seed/000_c93e02231e46d1fc.txt" "... naming where it looked"
has out "checked against docs/rules.md, written against the newsletter" "... and saying what it checked against"
cp -r lone/repo lone/changed
sed -i 's/meaningful and satisfying/meaningful, satisfying/' lone/changed/src/core/rule.c
run 1 "... where a quotation changed since fails (docs/rules.md is out of date)" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" lone/changed
has out "docs/rules.md:1: out of date" "... saying so"
run 2 "... and docs/rules.md cannot be rewritten there" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" --print lone/changed
has err "--print needs the newsletter" "... saying why"
cp -r lone/repo lone/undated
sed -i '/SHA-256/d' lone/undated/docs/rules.md
run 1 "... nor trusted when it records no newsletter" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" lone/undated
has out "records no newsletter SHA-256" "... saying so"
rm -rf lone/changed lone/undated
cp news.txt lone/shared/seed/000_c93e02231e46d1fc.txt
run 0 "... and finds the newsletter in ../shared/seed/ from the project root" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" lone/repo
echo "A sentence added later." >>lone/shared/seed/000_c93e02231e46d1fc.txt
run 1 "a docs/rules.md written against another newsletter fails" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" lone/repo
has out "was written against another newsletter" "... saying so"

# The real tree: every tag's quotation is in the real newsletter and
# docs/rules.md is up to date.
run 0 "this repository's rules check out" -- env -u WAYMARK_NEWSLETTER bash "$CHECK" "$ROOT"
for words in "traffic light" "consensus" "disagree" "period" "reopened" "completion window" "change" "small numbers" "Ten Top Tips" "agrees" "own goals" "All staff"; do
	grep -qiF -- "$words" "$ROOT/docs/rules.md" && pass "docs/rules.md finds the rule on '$words'" || fail "no rule in docs/rules.md on '$words'"
done
