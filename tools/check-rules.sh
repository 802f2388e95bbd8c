#!/usr/bin/env bash
# check-rules: the newsletter's rules, each in one place, with evidence.
# Run by `make check`. Exits 0 with "check-rules: ok (...)", 1 with each
# problem as FILE:LINE: message, or 2 when it cannot run at all (the
# newsletter missing, python3 missing), so a broken check is never read
# as a clean tree.
#
# Usage: tools/check-rules.sh [--print] [ROOT]	(ROOT: this repository)
#   --print   writes the list of rules (docs/rules.md) to standard output;
#             regenerate it with: tools/check-rules.sh --print >docs/rules.md
#
# A function in src/core/ that carries out a rule says so in the comment
# just above it (between the comment and the name, only its return type):
#
#     Newsletter: "exact words of the newsletter"
#     Waymark: "the rule in Waymark's own words"
#
# the first for a sentence of the newsletter it carries out, the second
# for Waymark's own way of keeping the newsletter's intent (its words are
# not the newsletter's, and are not checked against it). The checks:
#  a) every Newsletter quotation is in the newsletter, comparing with
#     whitespace and line breaks made single spaces, markup (<i>, **)
#     dropped, and curly quotes, dashes and the ellipsis character read
#     as their plain forms;
#  b) tags are only in src/core/*.c, each just above a function, with at
#     least three words;
#  c) docs/rules.md is exactly what --print writes;
#  d) the newsletter's instruments are named only by core's table
#     (src/core/known_instruments.c): no instrument URL anywhere else in
#     src/, and no measure family as a C string or inside SQL, except in
#     the shipped migrations (never edited) and the demo generator's data.
#
# The newsletter is found from ROOT: $WAYMARK_NEWSLETTER if set, else
# shared/seed/000_c93e02231e46d1fc.txt beside ROOT (../shared/seed/) or
# beside any folder above it.

set -u
export LC_ALL=C.UTF-8

print=0
if [ "${1:-}" = "--print" ]; then
	print=1
	shift
fi
root=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"}
cd "$root" || exit 2
root=$(pwd)

seed=shared/seed/000_c93e02231e46d1fc.txt
news=${WAYMARK_NEWSLETTER:-}
looked=""
if [ -z "$news" ]; then
	dir=$(dirname "$root")
	while :; do
		looked="$looked $dir/$seed"
		if [ -f "$dir/$seed" ]; then
			news="$dir/$seed"
			break
		fi
		[ "$dir" = / ] && break
		dir=$(dirname "$dir")
	done
fi
if [ -n "$news" ] && [ ! -r "$news" ]; then
	echo "check-rules: WAYMARK_NEWSLETTER names $news, which cannot be" \
	    "read" >&2
	exit 2
fi
# Without the newsletter (a clone with no shared/seed above it), the
# quotations are held to docs/rules.md, which records the newsletter's
# SHA-256 and can only be written (--print) where the newsletter is: a
# quotation added or changed since makes docs/rules.md out of date.
if [ -z "$news" ]; then
	if [ "$print" = 1 ]; then
		echo "check-rules: --print needs the newsletter, to check the" \
		    "quotations it lists; looked for $seed in:$looked." \
		    "Set WAYMARK_NEWSLETTER to its path." >&2
		exit 2
	fi
	echo "check-rules: the newsletter was not found (looked for $seed" \
	    "in:$looked); checking the quotations against docs/rules.md," \
	    "which was written against it" >&2
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "check-rules: python3 is needed (make deps installs it)" >&2
	exit 2
fi

exec python3 - "$root" "$news" "$print" <<'PY'
import glob, hashlib, json, os, re, sys

root, news_path, print_only = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
problems = []

def problem(where, line, msg):
    problems.append("%s:%d: %s" % (where, line, msg))

PLAIN = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
         "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " "}

def normal(text):
    text = re.sub(r"<[^>]*>", "", text)
    for k, v in PLAIN.items():
        text = text.replace(k, v)
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()

newsletter = None
digest = None
if news_path:
    try:
        with open(news_path, "rb") as f:
            raw = f.read()
        newsletter = normal(raw.decode("utf-8"))
        digest = hashlib.sha256(raw).hexdigest()
    except (OSError, UnicodeDecodeError) as e:
        print("check-rules: the newsletter could not be read: %s" % e,
              file=sys.stderr)
        sys.exit(2)

TAG = re.compile(r'\b(Newsletter|Waymark):(\s*)("?)')
FUNC = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(")

def comments(lines):
    """Each /* ... */ block: (first line, last line, text joined)."""
    i = 0
    while i < len(lines):
        start = lines[i].find("/*")
        if start < 0:
            i += 1
            continue
        first, parts, j = i, [], i
        rest = lines[i][start + 2:]
        while True:
            end = rest.find("*/")
            piece = rest if end < 0 else rest[:end]
            parts.append(re.sub(r"^\s*\*(?!/)", "", piece))
            if end >= 0:
                break
            j += 1
            if j >= len(lines):
                break
            rest = lines[j]
        yield first, j, " ".join(p.strip() for p in parts)
        i = j + 1

def owner(lines, last):
    """The function defined just below a comment ending on `last`."""
    for k in range(last + 1, min(last + 4, len(lines))):
        m = FUNC.match(lines[k])
        if m:
            return m.group(1)
        if not lines[k].strip() or ";" in lines[k] or "{" in lines[k]:
            return None
    return None

rules = []	# (file, function, kind, words)
quoted = 0
sources = sorted(glob.glob("src/**/*.[ch]", recursive=True))
for path in sources:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for first, last, text in comments(lines):
        tags = []
        for m in TAG.finditer(text):
            kind = m.group(1)
            if not m.group(3):
                problem(path, first + 1, "%s: the words go in double "
                        "quotes: %s: \"...\"" % (kind, kind))
                continue
            close = text.find('"', m.end())
            if close < 0:
                problem(path, first + 1, "%s: the quotation has no "
                        "closing \"" % kind)
                continue
            tags.append((kind, text[m.end():close].strip()))
        if not tags:
            continue
        fn = owner(lines, last)
        if not path.startswith("src/core/") or not path.endswith(".c"):
            problem(path, first + 1, "a rule's tag belongs above the "
                    "function in src/core/*.c that carries it out")
            continue
        if not fn:
            problem(path, first + 1, "a tag belongs in the comment just "
                    "above the function that carries out the rule")
            continue
        for kind, words in tags:
            if len(words.split()) < 3:
                problem(path, first + 1, "%s: quote at least three words, "
                        "so the rule can be found by them" % kind)
                continue
            if kind == "Newsletter":
                quoted += 1
                if newsletter is not None and \
                        normal(words) not in newsletter:
                    problem(path, first + 1, "Newsletter: \"%s\" is not "
                            "in the newsletter (%s)" % (words, news_path))
            rules.append((path, fn, kind, words))

def markdown():
    out = ["# The rules, and where they live", "",
           "Every rule of the newsletter (Recovery Devon, 2008: the "
           "specification) that Waymark carries out has one home: a "
           "function in `src/core/`, tagged in the comment above it. "
           "*Newsletter* quotes the sentence the function carries out, "
           "checked word for word against the newsletter by "
           "`tools/check-rules.sh` in `make check`; *Waymark* states, in "
           "Waymark's own words, how it keeps that sentence's intent "
           "(not the newsletter's words). Search this page for a rule's "
           "own words to find its function.", "",
           "This page is generated: `tools/check-rules.sh --print "
           ">docs/rules.md`. `make check` fails when it is out of date.",
           "",
           "Quotations checked against the newsletter with SHA-256 `%s`."
           % (digest or RECORDED), ""]
    groups = []
    for path, fn, kind, words in rules:
        if not groups or groups[-1][0] != path:
            groups.append((path, []))
        groups[-1][1].append((fn, kind, words))
    for path, rows in groups:
        out += ["## `%s`" % path, "", "| function | | the rule |",
                "|---|---|---|"]
        for fn, kind, words in rows:
            out.append("| `%s` | %s | \"%s\" |" % (fn, kind,
                       words.replace("|", "\\|")))
        out.append("")
    return "\n".join(out)

# The newsletter's digest that docs/rules.md records, for a run without
# the newsletter.
RECORDED = "unknown"
try:
    with open("docs/rules.md", encoding="utf-8") as f:
        have = f.read()
except OSError:
    have = None
m = re.search(r"SHA-256 `([0-9a-f]{64})`", have or "")
if m:
    RECORDED = m.group(1)
elif newsletter is None:
    problem("docs/rules.md", 1, "records no newsletter SHA-256, so its "
            "quotations cannot be trusted without the newsletter")
if digest and m and digest != RECORDED:
    problem("docs/rules.md", 1, "was written against another newsletter "
            "(SHA-256 %s); regenerate it: tools/check-rules.sh --print "
            ">docs/rules.md" % RECORDED)

doc = markdown()
if print_only:
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(doc)
    sys.exit(0)

if have != doc:
    problem("docs/rules.md", 1, "out of date with the tags in src/core/; "
            "regenerate it: tools/check-rules.sh --print >docs/rules.md")

# d) The instruments' identities, read from the files themselves.
urls, families = set(), set()
for path in sorted(glob.glob("instruments/*.json")):
    try:
        with open(path, encoding="utf-8") as f:
            res = json.load(f)
    except (OSError, ValueError) as e:
        problem(path, 1, "could not be read: %s" % e)
        continue
    if res.get("resourceType") != "Questionnaire" or "url" not in res:
        continue
    urls.add(res["url"])
    for c in res.get("code", []):
        if c.get("system", "").endswith("/measure-family") and c.get("code"):
            families.add(c["code"])
def code_only(text):
    """The text with its comments blanked, line for line."""
    out, i, n, state = [], 0, len(text), None
    while i < n:
        c, two = text[i], text[i:i + 2]
        if state is None:
            if two == "/*":
                state, i = "block", i + 2
                out.append("  ")
                continue
            if two == "//":
                state = "line"
            elif c in "\"'":
                state = c
        elif state == "block":
            if two == "*/":
                state, i = None, i + 2
                out.append("  ")
                continue
            out.append("\n" if c == "\n" else " ")
            i += 1
            continue
        elif state == "line":
            if c == "\n":
                state = None
            else:
                out.append(" ")
                i += 1
                continue
        elif c == "\\":
            out.append(two)
            i += 2
            continue
        elif c == state or c == "\n":
            state = None
        out.append(c)
        i += 1
    return "".join(out)

# PostgreSQL's migrations mirror SQLite's step for step, literals and all.
exempt = ("src/core/known_instruments.c", "src/store/sqlite_migrate.c",
          "src/store/pg_migrations.c")
for path in sources:
    if path in exempt or re.match(r"src/cli/demo[^/]*\.c$", path):
        continue
    with open(path, encoding="utf-8") as f:
        lines = code_only(f.read()).split("\n")
    for n, line in enumerate(lines, 1):
        # JSON field names ("erfs": ...) are the API's words, not an
        # instrument's identity.
        api = "json" in line
        for url in urls:
            name = url.rsplit("/", 1)[-1]
            tail = url.rsplit("/", 2)[-2] + "/" + name
            if url in line or re.search(re.escape(tail) + r"\b(?!-)",
                                        line) or \
                    (not api and name not in families and
                     '"%s"' % name in line):
                problem(path, n, "the instrument %s is named by core's "
                        "table (wm_known_url in core/known_instruments.h)"
                        % url)
        for fam in families:
            if re.search(r"'%s'" % re.escape(fam), line):
                problem(path, n, "the measure family '%s' written in SQL: "
                        "bind core's wm_known_family() as a parameter" % fam)
            elif not api and '"%s"' % fam in line:
                problem(path, n, "the measure family '%s' is named by "
                        "core's table (wm_known_family)" % fam)

if problems:
    print("\n".join(sorted(set(problems))))
    sys.exit(1)
print("check-rules: ok (%d rules in %d functions, %d newsletter "
      "quotations checked against %s)" % (len(rules),
      len({(p, f) for p, f, _, _ in rules}), quoted,
      os.path.basename(news_path) if news_path else
      "docs/rules.md, written against the newsletter"))
PY
