"""Walks every page one signed-in account can reach from its home by
following links (GET only), and reports, for each page, what a person
using it should never meet: a link that leads nowhere, an error, not
exactly one h1, a date or quarter in a code's form (2026-12-06, 2026-Q4)
in the page's words instead of "6 December 2026", an internal role or
group code, or the word "patient".

  walk.py BASE COOKIE_JAR START [MAX_PAGES]

Prints one line per problem and a last line "walked N pages"; exits 1 on
any problem. Pages under /people/ are visited for the first few people
only: each person's pages are the same pages.
"""
import html
import re
import subprocess
import sys
from urllib.parse import urlsplit

base, jar, start = sys.argv[1:4]
limit = int(sys.argv[4]) if len(sys.argv) > 4 else 300
SKIP = re.compile(r'^/(sign-out|api/|assets/)|\.(csv|json)(\?|$)|[?&]page=(?![1-3]\b)')
ISO = re.compile(r'\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-Q[1-4]\b')
CODES = re.compile(r'\b(person|practitioner|lead|validator|commissioner|admin)@[a-z0-9-]+\b(?![.@])|'
                   r'\blived-experience\b|\bpeer-worker\b')
# What a page may show in a code's form: a file's format, described for
# those who make the file, and what is marked as code (a page's address
# in the audit log, as it was asked for).
ALLOWED = re.compile(r'<div class="nhsuk-hint" id="file-hint">.*?</div>|'
                     r'<code>[^<]*</code>', re.S)

def fetch(path):
    out = subprocess.run(['curl', '-s', '-L', '-b', jar, '-o', '-', '-w', '\n%{http_code}',
                          base + path], capture_output=True, text=True, errors='replace')
    body, _, code = out.stdout.rpartition('\n')
    return code, body

def words(body):
    m = re.search(r'<main.*?</main>', body, re.S)
    text = ALLOWED.sub(' ', m.group(0) if m else '')
    text = re.sub(r'<(script|style|svg)[^>]*>.*?</\1>', ' ', text, flags=re.S)
    return html.unescape(re.sub(r'<[^>]+>', ' ', text))

problems, seen, queue, people = [], set(), [start], set()
while queue and len(seen) < limit:
    path = queue.pop(0)
    if path in seen:
        continue
    seen.add(path)
    code, body = fetch(path)
    if code != '200':
        problems.append('%s: answered %s' % (path, code))
        continue
    if body.count('<h1') != 1:
        problems.append('%s: %d h1 headings' % (path, body.count('<h1')))
    text = words(body)
    for bad, what in ((ISO, 'a date in a code\'s form'), (CODES, 'a role code')):
        m = bad.search(text)
        if m:
            problems.append('%s: %s: "%s"' % (path, what, m.group(0)))
    if re.search(r'\bpatients?\b', text, re.I):
        problems.append('%s: says patient' % path)
    for href in re.findall(r'<a [^>]*href="([^"#]+)', body):
        href = html.unescape(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith('/') or SKIP.search(href):
            continue
        m = re.match(r'^/people/([^/]+)', href)
        if m:
            if m.group(1) not in people and len(people) >= 3:
                continue
            people.add(m.group(1))
        if href not in seen:
            queue.append(href)
for p in problems:
    print(p)
print('walked %d pages' % len(seen))
sys.exit(1 if problems else 0)
