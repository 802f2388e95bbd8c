"""Walks the whole route table (`waymark serve --routes`) as each demo role
and checks every answer against the access each route declares.

For every route and every role (nobody signed in, and each demo sign-in),
the path's parameters are filled with values in the role's own scope (their
person, their service, their invitation, their goal, a form they answer) and,
for routes about a person, a service or an invitation, again with values out
of it. Allowed means the handler ran: anything but a 404, a 401 or a redirect
to sign in. Refused means exactly what a missing record gets: 404 (JSON for
the API); nobody signed in is sent to sign in (401 for the API; a form sent
without a session is refused, 403, before anything is looked up).

Usage: access_walk.py BASE_URL DB ROUTES_FILE DEMO_SIGNINS_FILE
Prints "pass ..." and "FAIL ..." lines; exits 1 if any FAIL.
"""
import http.client
import json
import re
import sqlite3
import sys
import urllib.parse

BASE, DB, ROUTES, SIGNINS = sys.argv[1:5]
HOST = urllib.parse.urlparse(BASE)
ROLES = ['person', 'practitioner', 'lead', 'validator', 'commissioner',
         'admin', 'supporter']

# Who each declared rule lets in, by demo role, when the path names
# something in that role's scope. A rule this table does not know fails
# the walk: a new rule must be declared here, with who it lets in.
RULES = {
    'public': set(ROLES) | {'nobody'},
    'signed-in': set(ROLES),
    'own-record': {'person'},
    'own-forms': {'person', 'practitioner', 'lead'},
    'staff': {'practitioner', 'lead'},
    'care-team': {'practitioner', 'lead'},
    'leads': {'lead'},
    'service-lead': {'lead'},
    'validator': {'validator'},
    'invited': {'validator'},
    'commissioner': {'commissioner'},
    'service-commissioner': {'commissioner'},
    'admin': {'admin'},
    # The demo person's joint crisis plan, shared with their service's
    # care team (its practitioners: a lead reads no plan by that role),
    # which the person lets be opened in a crisis; no one reads someone
    # else's plan (a number that names none).
    'plan-owner': {'person'},
    'plan-reader': {'person', 'practitioner'},
    'plan-crisis': {'practitioner'},
    'plan-together': {'practitioner'},
    'plan-suggest': {'practitioner'},
}
# The parameter a rule's target is named by, checked out of scope too.
TARGET = {'care-team': 'person', 'service-lead': 'code',
          'invited': 'invitation', 'service-commissioner': 'code',
          'plan-owner': 'plan', 'plan-reader': 'plan', 'plan-crisis': 'plan',
          'plan-together': 'plan', 'plan-suggest': 'plan'}

results = []


def check(ok, what):
    results.append(('pass ' if ok else 'FAIL ') + what)


def request(method, path, cookie=None, headers=None, body=None):
    c = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=30)
    h = dict(headers or {})
    if cookie:
        h['Cookie'] = cookie
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    out = (r.status, dict((k.lower(), v) for k, v in r.getheaders()), data)
    c.close()
    return out


def cookies_of(headers_list):
    jar = {}
    for k, v in headers_list:
        if k.lower() == 'set-cookie':
            name, _, rest = v.partition('=')
            jar[name] = rest.split(';')[0]
    return jar


def csrf_of(html):
    m = re.search(rb'name="csrf" value="([^"]*)"', html)
    return m.group(1).decode() if m else ''


def sign_in(email, password):
    c = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=30)
    c.request('GET', '/sign-in')
    r = c.getresponse()
    jar = cookies_of(r.getheaders())
    token = csrf_of(r.read())
    body = urllib.parse.urlencode({'csrf': token, 'email': email,
                                   'password': password})
    cookie = '; '.join('%s=%s' % kv for kv in jar.items())
    c.request('POST', '/sign-in', body=body, headers={
        'Cookie': cookie,
        'Content-Type': 'application/x-www-form-urlencoded'})
    r = c.getresponse()
    r.read()
    jar.update(cookies_of(r.getheaders()))
    cookie = '; '.join('%s=%s' % kv for kv in jar.items())
    c.close()
    status, headers, html = request('GET', '/', cookie)
    if status == 303:	# a commissioner's home is their network
        status, _, html = request('GET', headers.get('location', ''), cookie)
    assert status == 200, 'could not sign in as %s' % email
    return cookie, csrf_of(html)


def one(db, sql, *args):
    row = db.execute(sql, args).fetchone()
    assert row, 'the demo has no row for: ' + sql
    return str(row[0])


signins = {}
for line in open(SIGNINS):
    if line.startswith('sign-in: '):
        _, role, email, password = line.split()
        signins[role] = (email, password)

db = sqlite3.connect('file:%s?mode=ro' % DB, uri=True)
acct = {r: one(db, 'SELECT id FROM account WHERE email = ?', signins[r][0])
        for r in ROLES}
person = one(db, 'SELECT p.ident FROM person p JOIN account a ON '
             'a.person_id = p.id WHERE a.id = ?', acct['person'])
service = one(db, "SELECT u.code FROM role_grant g JOIN unit u ON "
              "u.id = g.unit_id WHERE g.account_id = ? AND g.role = 'lead'",
              acct['lead'])
# The demo's practitioner works at the lead's service; the person is on
# its caseload.
their_person = one(db, "SELECT p.ident FROM person p JOIN caseload c ON "
                   "c.person_id = p.id AND c.end_date IS NULL JOIN unit u ON "
                   "u.id = c.unit_id WHERE u.code = ? ORDER BY p.ident",
                   service)
other_person = one(db, "SELECT p.ident FROM person p WHERE NOT EXISTS ("
                   "SELECT 1 FROM caseload c JOIN unit u ON u.id = c.unit_id "
                   "WHERE c.person_id = p.id AND c.end_date IS NULL AND "
                   "u.code = ?) ORDER BY p.ident", service)
other_service = one(db, "SELECT code FROM unit WHERE kind = 'service' AND "
                    "code <> ? ORDER BY code", service)
# Out of the commissioner's scope: a service no grant of theirs covers
# (not it, its provider or its network). The demo's commissioner covers
# the whole demo network, so the caller adds a service elsewhere.
uncommissioned = one(db, "SELECT s.code FROM unit s JOIN unit p ON p.id = "
                     "s.parent_id WHERE s.kind = 'service' AND NOT EXISTS ("
                     "SELECT 1 FROM role_grant g WHERE g.account_id = ? AND "
                     "g.role = 'commissioner' AND g.unit_id IN (s.id, p.id, "
                     "p.parent_id)) ORDER BY s.code", acct['commissioner'])
invitation = one(db, 'SELECT assessment_id FROM invitation WHERE '
                 'account_id = ? ORDER BY assessment_id', acct['validator'])
other_invitation = one(db, 'SELECT id FROM assessment WHERE id NOT IN ('
                       'SELECT assessment_id FROM invitation WHERE '
                       'account_id = ?) ORDER BY id', acct['validator'])
period = one(db, 'SELECT a.period FROM assessment a JOIN unit u ON '
             'u.id = a.unit_id WHERE u.code = ? ORDER BY a.period DESC',
             service)
cycle = one(db, 'SELECT c.id FROM cycle c JOIN unit u ON u.id = c.unit_id '
            'WHERE u.code = ? AND c.stopped IS NULL ORDER BY c.id', service)
markers = one(db, "SELECT id FROM instrument WHERE url LIKE "
              "'%dreem-recovery-markers' ORDER BY id DESC")
tips = one(db, "SELECT id FROM instrument WHERE url LIKE '%ten-top-tips' "
           "ORDER BY id DESC")
crisis_plan = one(db, "SELECT p.id FROM plan p JOIN person per ON per.id = "
                  "p.person_id WHERE per.ident = ? AND p.family = "
                  "'joint-crisis-plan'", person)
# Only a plan whose template marks items for a card has one.
safety_plan = one(db, "SELECT p.id FROM plan p JOIN person per ON per.id = "
                  "p.person_id WHERE per.ident = ? AND p.family = "
                  "'safety-plan'", person)
supporter = one(db, 'SELECT account_id FROM supporter s JOIN person p ON '
                'p.id = s.person_id WHERE p.ident = ?', person)
suggestion = one(db, 'SELECT id FROM plan_suggestion WHERE plan_id = ?',
                 crisis_plan)
stopped_share = one(db, 'SELECT id FROM plan_share WHERE plan_id = ? AND '
                    'stopped IS NOT NULL', crisis_plan)
db.close()

sessions = {r: sign_in(*signins[r]) for r in ROLES}

# The person's own goal, made through the form as they would.
cookie, token = sessions['person']
request('POST', '/goals', cookie, {
    'Content-Type': 'application/x-www-form-urlencoded'},
    urllib.parse.urlencode({'csrf': token, 'goal': 'Walk to the sea'}))
db = sqlite3.connect('file:%s?mode=ro' % DB, uri=True)
goal = one(db, 'SELECT g.id FROM goal g JOIN person p ON p.id = g.person_id '
           'WHERE p.ident = ? ORDER BY g.id DESC', person)
db.close()


def share_of(role, pattern, inside):
    """A share to stop through the API: for the plan's owner, one made
    just now (with their service's care team, which has one already), as
    stopping one that is not running is 404; for anyone else, a number
    that names none."""
    if role != 'person' or not inside:
        return '999999'
    if not pattern.startswith('/api/'):
        return stopped_share	# stopping it again is what was asked
    cookie, token = sessions['person']
    status, _, body = request('POST', '/api/v1/plans/%s/shares' %
                              crisis_plan, cookie,
                              {'Content-Type': 'application/json',
                               'X-CSRF-Token': token},
                              json.dumps({'service': service}))
    assert status == 201, 'the person could not share their plan: %d' % \
        status
    return str(json.loads(body)['id'])


def values(role, pattern, inside, rule=None):
    """The path's parameters for this role: in its scope, or not (for a
    commissioner's rule, out of the commissioner's scope)."""
    outside = uncommissioned if rule == 'service-commissioner' else \
        other_service
    v = {'code': service if inside else outside,
         'period': period, 'file': 'nhsuk-icon-arrow-up-down.svg',
         'invitation': invitation if inside else other_invitation,
         'person': their_person if inside else other_person,
         'plan': crisis_plan if inside else '999999',
         'version': '1'}
    if pattern.endswith('/card') and inside:
        v['plan'] = safety_plan
    if '{share}' in pattern:
        v['share'] = share_of(role, pattern, inside)
    if pattern.startswith('/assets/images/'):
        v['file'] = 'nhsuk-icon-arrow-up-down.svg'
    elif pattern.startswith('/assets/'):
        v['file'] = 'nhsuk-frontend.min.css'
    if '/goals/' in pattern:
        v['id'] = goal
    elif pattern.startswith('/supporters/'):
        v['id'] = supporter
    elif '/suggestions/' in pattern:
        v['id'] = suggestion
    elif '/cycles/' in pattern:
        v['id'] = cycle
    else:
        # A form the role itself answers, or answers with the person.
        staff_own = role in ('practitioner', 'lead') and \
            pattern.startswith(('/measures', '/api/v1/instruments'))
        v['id'] = tips if staff_own else markers
    return v


def fill(pattern, v):
    return re.sub(r'\{(\w+)\}', lambda m: urllib.parse.quote(v[m.group(1)],
                                                             safe=''), pattern)


drafts = {}


def own_response(role, form):
    """The number of a response of the role's own to `form`, for its
    confirmation page (/saved?response=N), which confirms only the
    answerer's own: a draft saved through the form as the role would, with
    its first choice chosen. '1' where the role cannot save one (the page
    is then refused before any response is looked at)."""
    if (role, form) not in drafts:
        cookie, token = sessions.get(role, (None, ''))
        rid = ''
        status, _, html = request('GET', form, cookie)
        m = re.search(rb'name="([^"]+)" type="radio" value="([^"]+)"', html)
        if status == 200 and m:
            status, headers, _ = request('POST', form, cookie, {
                'Content-Type': 'application/x-www-form-urlencoded'},
                urllib.parse.urlencode({'csrf': token,
                                        m.group(1).decode(): m.group(2).decode(),
                                        'save': 'later'}))
            rid = headers.get('location', '').partition('?response=')[2]
        drafts[(role, form)] = rid or '1'
    return drafts[(role, form)]


def with_query(role, method, pattern, path):
    """The path, with the query a page needs to show anything."""
    if method == 'GET' and pattern.endswith('/saved'):
        return path + '?response=' + own_response(role, path[:-len('/saved')])
    return path


def send(role, method, path):
    cookie, token = sessions.get(role, (None, ''))
    api = path.startswith('/api/')
    headers, body = {}, None
    if method in ('POST', 'PUT', 'DELETE'):
        if api:
            headers = {'Content-Type': 'application/json',
                       'X-CSRF-Token': token}
            body = None if method == 'DELETE' else '{}'
        else:
            headers = {'Content-Type': 'application/x-www-form-urlencoded'}
            body = urllib.parse.urlencode({'csrf': token})
    return request(method, path, cookie, headers, body)


def admitted(status, headers):
    return status not in (401, 404) and not (
        status == 303 and headers.get('location', '') == '/sign-in')


routes = []
audits = {}
for line in open(ROUTES):
    method, pattern, rule, audit, query = line.rstrip('\n').split('\t')
    routes.append((method, pattern, rule))
    if audit != '-':
        audits[(method, pattern)] = audit


def audited(action, ident):
    """How many audit entries say `action` about the person `ident`, or
    about a unit (a commissioner's view of the network or a service)."""
    db = sqlite3.connect('file:%s?mode=ro' % DB, uri=True)
    n = db.execute('SELECT count(*) FROM audit a LEFT JOIN person p ON '
                   "a.subject_kind = 'person' AND p.id = a.subject_id "
                   'WHERE a.action = ? AND (p.ident = ? OR '
                   "a.subject_kind = 'unit')", (action, ident)).fetchone()
    db.close()
    return n[0]


check(len(routes) > 50, 'the route table lists %d routes' % len(routes))
for method, pattern, rule in routes:
    known = rule in RULES
    check(known, '%s %s declares a known rule (%s)' % (method, pattern,
                                                      rule))
# Signing out comes last, so every other request has a session.
routes.sort(key=lambda r: r[1] in ('/sign-out', '/api/v1/session') and
            r[0] in ('POST', 'DELETE'))

for method, pattern, rule in routes:
    if rule not in RULES:
        continue
    # Nobody signed in.
    status, headers, _ = send('nobody', method, with_query(
        'nobody', method, pattern, fill(pattern, values('nobody', pattern,
                                                        True))))
    if 'nobody' in RULES[rule]:
        ok = admitted(status, headers)
    elif pattern.startswith('/api/'):
        ok = status in (401, 403)
    elif method == 'POST':
        ok = status == 403
    else:
        ok = status == 303 and headers.get('location') == '/sign-in'
    check(ok, '%s %s, nobody signed in: %d' % (method, pattern, status))
    for role in ROLES:
        if (method, pattern) in (('POST', '/sign-out'),
                                 ('DELETE', '/api/v1/session')):
            continue
        if method == 'POST' and pattern == '/sign-in':
            continue
        for inside in ((True, False) if rule in TARGET else (True,)):
            v = values(role, pattern, inside, rule)
            path = with_query(role, method, pattern, fill(pattern, v))
            action = audits.get((method, pattern))
            before = audited(action, v['person']) if action else 0
            status, headers, _ = send(role, method, path)
            if action:
                after = audited(action, v['person'])
                logged = after == before + (1 if admitted(status, headers)
                                            else 0)
                check(logged, '%s %s as %s%s: audited as "%s" only when '
                      'shown (%d entries before, %d after)' % (
                          method, pattern, role, '' if inside else
                          ', out of scope', action, before, after))
            want = role in RULES[rule] and inside
            got = admitted(status, headers)
            refused_as_missing = status == 404
            check(got == want and (want or refused_as_missing),
                  '%s %s as %s%s: %d (%s)' % (
                      method, pattern, role, '' if inside else
                      ', out of scope', status,
                      'allowed' if want else 'refused'))

# Last: each role signs out, which its rule allows.
for role in ROLES:
    status, headers, _ = send(role, 'POST', '/sign-out')
    check(status == 303, 'POST /sign-out as %s: %d' % (role, status))

print('\n'.join(results))
sys.exit(1 if any(r.startswith('FAIL') for r in results) else 0)
