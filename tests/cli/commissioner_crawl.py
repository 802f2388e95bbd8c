"""Crawls every page and API answer a commissioner can reach from /network
and checks that none names a person or a member of staff.

A commissioner sees aggregates only: never a person's name or identifier,
and never a practitioner's (or any staff member's, or validator's) name.
Starting at /network and the network's API answers, every link to a
/network page is followed (with and without its query), every answer
must be 200, and no answer may hold any person's name or identifier from
the database, or the name of any account but the commissioner's own.

Usage: commissioner_crawl.py BASE_URL DB COOKIE_JAR EMAIL
Prints "pass ..." and "FAIL ..." lines; exits 1 if any FAIL.
"""
import html
import http.cookiejar
import re
import sqlite3
import sys
import urllib.parse
import urllib.request

BASE, DB, JAR, EMAIL = sys.argv[1:5]
START = ['/network', '/network/about', '/api/v1/network',
         '/api/v1/network/measure-report',
         '/api/v1/network/outcomes']

jar = http.cookiejar.MozillaCookieJar(JAR)
jar.load(ignore_discard=True, ignore_expires=True)
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

db = sqlite3.connect('file:%s?mode=ro' % DB, uri=True)
secrets = set()
for name, ident in db.execute('SELECT name, ident FROM person'):
    secrets.add(name)
    secrets.add(ident)
for (name,) in db.execute('SELECT name FROM account WHERE email <> ?',
                          (EMAIL,)):
    secrets.add(name)
db.close()
secrets = sorted(s for s in secrets if s and len(s) >= 4)

results = []


def check(ok, what):
    results.append(('pass ' if ok else 'FAIL ') + what)


seen, queue, pages = set(), list(START), 0
while queue:
    path = queue.pop(0)
    if path in seen:
        continue
    seen.add(path)
    try:
        r = opener.open(BASE + path, timeout=60)
        status, body = r.status, r.read().decode('utf-8')
    except urllib.error.HTTPError as e:
        status, body = e.code, ''
    check(status == 200, '%s answers 200 to the commissioner (%d)' % (path,
                                                                     status))
    pages += 1
    text = html.unescape(body)
    leaked = [s for s in secrets if s in text]
    check(not leaked, '%s names no person or member of staff%s' % (
        path, (': ' + ', '.join(leaked[:3])) if leaked else ''))
    for href in re.findall(r'href="([^"#]*)', body):
        href = html.unescape(href)
        if href.startswith('/network') and len(seen) < 400:
            queue.append(href)
check(pages >= len(START), 'the crawl read %d answers' % pages)
print('\n'.join(results))
sys.exit(1 if any(r.startswith('FAIL') for r in results) else 0)
