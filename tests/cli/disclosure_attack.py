"""Attacks every table of people a commissioner can see, from the published
figures alone, and checks that no withheld count can be worked out: the
outcomes, the people left out of them (no response, answered only by
someone else), the paired-outcome rate, goals, the supportive service
indicators and the ERFS ratings.

The attacker reads what a commissioner is shown: the pages /network and
/network/outcomes (every table, and every funnel plot's table of figures)
and the API's /api/v1/network and /api/v1/network/outcomes, for one window
under the network's rule. For each table of counts that add up (services
as rows, the parts of a whole as columns, a total row and a total
column), every cell is an unknown; every row, column and total is a linear
equation (the parts add up to the total), and every published count is
an equation too (the cell equals the figure shown, taken as exact, as an
attacker would: the rounding is ignored, so the test is stricter than
the rule needs). A figure published more than once (the recovery markers
on both pages and in both documents, a funnel plot's denominators) adds
its equation wherever it appears. The system is solved exactly (Gaussian
elimination over fractions), and a withheld count is one the attacker can
work out when its unit vector lies in the span of the equations.

A count is withheld when it is shown as "*", or when it is never shown
at all (the people not paired, whose goal was not rated higher, not
reviewed) and the rule would withhold it (its true count, read from
`waymark report network --disclosure none`, is small). None of them may be
determined. A share may be shown only where its count and its total are
shown too (else the count could be worked out from the share).

Also checked: secondary suppression really acted somewhere (a count
withheld whose true value the rule alone would show), so the attack is
not passing on a table with nothing to find.

Usage: disclosure_attack.py BASE_URL COOKIE_JAR TRUTH_JSON RULE
    TRUTH_JSON: `waymark report network --format json --disclosure none`
    for the same window; RULE: mhsds or hes.
Prints "pass ..." and "FAIL ..." lines; exits 1 if any FAIL.
"""
import html.parser
import http.cookiejar
import json
import sys
import urllib.request
from fractions import Fraction

BASE, JAR, TRUTH, RULE = sys.argv[1:5]
TOTAL = 'All these services'

jar = http.cookiejar.MozillaCookieJar(JAR)
jar.load(ignore_discard=True, ignore_expires=True)
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
results = []


def check(ok, what):
    results.append(('pass ' if ok else 'FAIL ') + what)


def get(path):
    return opener.open(BASE + path, timeout=120).read().decode('utf-8')


def small(n):
    """1 when the rule alone withholds a true count n (None: a figure
    there is none of, such as answered only by someone else where no one
    else may answer)."""
    if n is None:
        return False
    return 0 <= n <= 4 if RULE == 'mhsds' else 1 <= n <= 7


# --- reading what is published -------------------------------------------

class Tables(html.parser.HTMLParser):
    """Every table of a page: its caption, column headings and rows (the
    row's heading, then each cell's text without its responsive
    heading)."""

    def __init__(self):
        super().__init__()
        self.tables, self.cur, self.row, self.text = [], None, None, None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.cur = {'caption': '', 'cols': [], 'rows': []}
        elif self.cur is None:
            return
        elif tag == 'span' and 'nhsuk-table-responsive__heading' in \
                a.get('class', ''):
            self.skip += 1
        elif self.skip:
            if tag == 'span':
                self.skip += 1
        elif tag == 'caption':
            self.text = ''
        elif tag == 'tr':
            self.row = []
        elif tag in ('th', 'td'):
            self.text = ''
            self.scope = a.get('scope', '')

    def handle_endtag(self, tag):
        if self.cur is None:
            return
        if tag == 'span' and self.skip:
            self.skip -= 1
        elif tag == 'caption':
            self.cur['caption'] = self.text.strip()
            self.text = None
        elif tag in ('th', 'td') and self.text is not None:
            t = ' '.join(self.text.split())
            if tag == 'th' and self.scope == 'col':
                self.cur['cols'].append(t)
            elif self.scope != 'rowgroup' and self.row is not None:
                self.row.append(t)
            self.text = None
        elif tag == 'tr':
            if self.row:
                self.cur['rows'].append(self.row)
            self.row = None
        elif tag == 'table':
            self.tables.append(self.cur)
            self.cur = None

    def handle_data(self, data):
        if self.text is not None and not self.skip:
            self.text += data


def tables_of(page):
    p = Tables()
    p.feed(get(page))
    return p.tables


def parse_cell(t):
    """'80 (55%)' -> (80, 55); '*' -> ('*', None); '40 (*)' -> (40, '*');
    'None' -> (None, None)."""
    count, _, pct = t.partition(' (')
    pct = pct.rstrip(')').rstrip('%') if pct else None

    def val(v):
        if v in (None, '', 'None'):
            return None
        return '*' if v == '*' else int(v)
    return val(count), val(pct)


# --- the systems of equations --------------------------------------------

class System:
    """One table of counts: unknown cells, the lines that add up, and the
    figures published about them."""

    def __init__(self, name, rows, parts, total):
        self.name, self.rows, self.parts, self.total = name, rows, parts, \
            total
        self.eqs = []		# (coefficients {cell: c}, value)
        self.withheld = set()	# cells shown as "*"
        self.shown = set()	# cells shown as a number
        self.shares = []	# (numerator cell, denominator cell)
        for r in rows:
            self.eqs.append(({**{(r, p): 1 for p in parts},
                              (r, total): -1}, 0))
        services = [r for r in rows if r != TOTAL]
        for c in list(parts) + [total]:
            self.eqs.append(({**{(r, c): 1 for r in services},
                              (TOTAL, c): -1}, 0))

    def publish(self, cells, value):
        """A figure shown: the cell, or the sum of a list of cells, is
        `value` ("*": withheld)."""
        cells = cells if isinstance(cells, list) else [cells]
        if value is None:
            return
        if value == '*':
            if len(cells) == 1:
                self.withheld.add(cells[0])
            return
        self.eqs.append(({c: 1 for c in cells}, value))
        if len(cells) == 1:
            self.shown.add(cells[0])

    def share(self, num, den, value):
        if value not in (None, '*'):
            self.shares.append((num, den))

    def determined(self, cells):
        """The cells of `cells` whose value the equations fix."""
        var = sorted({c for eq, _ in self.eqs for c in eq} | set(cells))
        at = {c: i for i, c in enumerate(var)}
        basis = {}		# pivot column -> row (list of Fractions)
        for eq, _ in self.eqs:
            v = [Fraction(0)] * len(var)
            for c, k in eq.items():
                v[at[c]] = Fraction(k)
            reduce(v, basis)
        out = []
        for c in cells:
            v = [Fraction(0)] * len(var)
            v[at[c]] = Fraction(1)
            if not any(reduce(v, basis, add=False)):
                out.append(c)
        return out


def reduce(v, basis, add=True):
    """Reduces v by the echelon basis; with add, a non-zero remainder
    joins it. Returns the remainder."""
    for p, row in sorted(basis.items()):
        if v[p]:
            f = v[p] / row[p]
            for j in range(len(v)):
                if row[j]:
                    v[j] -= f * row[j]
    if add:
        for p, x in enumerate(v):
            if x:
                basis[p] = v
                break
    return v


def self_test():
    """The attacker finds what subtraction finds, through rows and columns
    together, and nothing where a table is suppressed as it should be."""
    r = ['a', 'b', TOTAL]
    t = System('test', r, ('x', 'y'), 't')
    for c, v in ((('a', 'x'), 3), (('a', 't'), 9), (('b', 'x'), '*'),
                 (('b', 'y'), 8), ((TOTAL, 'x'), 10), ((TOTAL, 't'), 20)):
        t.publish(c, v)
    # a.y = 9 - 3; b.x = 10 - 3: both fall out of one line each.
    assert t.determined([('a', 'y'), ('b', 'x')]) == [('a', 'y'),
                                                      ('b', 'x')]
    t = System('test', r, ('x', 'y'), 't')
    for c in ((TOTAL, 'x'), (TOTAL, 'y'), (TOTAL, 't'), ('a', 't'),
              ('b', 't')):
        t.publish(c, 10)
    # Every part withheld, every total shown: a.x is a free unknown.
    assert t.determined([('a', 'x'), ('b', 'y')]) == []
    t.publish(('a', 'y'), 4)
    # One part more and the whole table falls: a.x = a.t - a.y, and so on.
    assert t.determined([('a', 'x'), ('b', 'x'), ('b', 'y')]) == [
        ('a', 'x'), ('b', 'x'), ('b', 'y')]


self_test()
check(True, 'the attacker finds counts worked out by subtraction (self-test)')

# --- the truth, to know which never-shown counts the rule would withhold --

truth = json.load(open(TRUTH))
names = {s['service']: s['name'] for s in truth['services']}
names['network'] = TOTAL
rows = [s['name'] for s in truth['services']] + [TOTAL]


def true_rows(doc_people):
    """{row name: people figures} from a network document."""
    out = {names[s['service']]: s for s in doc_people['services']}
    out[TOTAL] = doc_people['network']
    return out


truth_rows = true_rows(truth)
scale_titles = {}
for m in truth['outcomes']['measures']:
    for s in m['scales']:
        scale_titles[s['scale']] = s['title']
KINDS = {'selfRated': 'answered alone',
         'withPractitioner': 'answered with a practitioner'}

systems = {}


def outcome_system(title, kind):
    key = ('outcome', title, kind)
    if key not in systems:
        systems[key] = System('%s, %s' % (title, kind), rows,
                              ('I', 'N', 'D'), 'T')
        systems[('once', title, kind)] = System(
            '%s, %s: answered once only' % (title, kind), rows, ('O',), 'OT')
    return systems[key], systems[('once', title, kind)]


def paired_system():
    if 'paired' not in systems:
        systems['paired'] = System('paired-outcome rate', rows, ('P', 'NP'),
                                   'E')
    return systems['paired']


def goals_system():
    if 'goals' not in systems:
        systems['goals'] = System('goals', rows, ('H', 'NH', 'NR'), 'G')
    return systems['goals']


def leftout_systems(title):
    for what in ('none', 'others'):
        if (what, title) not in systems:
            systems[(what, title)] = System(
                '%s: %s' % (title, 'no response' if what == 'none' else
                            'answered only by someone else'), rows, ('C',),
                'CT')
    return systems[('none', title)], systems[('others', title)]


def publish_leftout(title, r, none, others):
    s_none, s_others = leftout_systems(title)
    for s, v in ((s_none, none), (s_others, others)):
        s.publish((r, 'C'), v)
        s.publish((r, 'CT'), v)


def indicator_system(link):
    key = ('indicator', link)
    if key not in systems:
        systems[key] = System('indicator %s: who agree' % link, rows,
                              ('A', 'NA'), 'T')
    return systems[key]


def erfs_system(group, who):
    key = ('erfs', group, who)
    if key not in systems:
        systems[key] = System('ERFS %s rated by %s' % (group, who), rows,
                              ('R',), 'RT')
    return systems[key]


def publish_outcome(s, once, r, counts, shares):
    """counts: {col: value}; shares: {col: value}."""
    for col, v in counts.items():
        (once if col == 'O' else s).publish((r, col), v)
        if col == 'O':
            once.publish((r, 'OT'), v)
    for col, v in shares.items():
        s.share((r, col), (r, 'T'), v)


# --- the pages -------------------------------------------------------------

OUTCOME_COLS = ['Service', 'People with two answers or more',
                'Reliably improved', 'No reliable change',
                'Reliably deteriorated', 'Answered once only']
PAIRED_COLS = ['Service', 'On the caseload 180 days or more',
               'Recorded twice or more']
GOALS_COLS = ['Service', 'People with goals',
              'A goal reviewed twice or more',
              'Latest review higher than the first']
LEFTOUT_COLS = ['Service', 'No response']
LEFTOUT_OTHERS_COLS = LEFTOUT_COLS + ['Answered only by someone else']
INDICATORS = [i['indicator'] for i in truth['network']['experience']
              ['indicators']]


def parse_agree(t):
    """'47% of 90' -> (47, 90); '* of *' -> ('*', '*'); 'None' ->
    (None, 0)."""
    if t == 'None':
        return None, 0
    share, _, of = t.partition(' of ')

    def val(v):
        return '*' if v == '*' else int(v)
    return val(share.rstrip('%')), val(of)


pages = {p: tables_of(p) for p in ('/network', '/network/outcomes')}
read = 0
for page, tables in pages.items():
    last_outcome = None
    for t in tables:
        cols, cap = t['cols'], t['caption']
        if cols in (LEFTOUT_COLS, LEFTOUT_OTHERS_COLS) and \
                cap.endswith(': left out, and why'):
            title = cap[:-len(': left out, and why')]
            for row in t['rows']:
                none, _ = parse_cell(row[1])
                others = parse_cell(row[2])[0] if len(row) > 2 else None
                publish_leftout(title, row[0], none, others)
            read += 1
        elif cap == 'People who agree, by indicator' and \
                len(cols) == 1 + len(INDICATORS):
            for row in t['rows']:
                for j, link in enumerate(INDICATORS):
                    share, of = parse_agree(row[1 + j])
                    s = indicator_system(link)
                    s.publish((row[0], 'T'), of)
                    s.share((row[0], 'A'), (row[0], 'T'), share)
            read += 1
        elif cols == OUTCOME_COLS:
            title, _, kind = cap.rpartition(', ')
            s, once = outcome_system(title, kind)
            last_outcome = s
            for row in t['rows']:
                r = row[0]
                (tot, _), (i, ip), (n, np), (d, dp), (o, _) = map(
                    parse_cell, row[1:])
                publish_outcome(s, once, r, {'T': tot, 'I': i, 'N': n,
                                             'D': d, 'O': o},
                                {'I': ip, 'N': np, 'D': dp})
            read += 1
        elif cols == PAIRED_COLS:
            s = paired_system()
            for row in t['rows']:
                (e, _), (p, pp) = map(parse_cell, row[1:])
                s.publish((row[0], 'E'), e)
                s.publish((row[0], 'P'), p)
                s.share((row[0], 'P'), (row[0], 'E'), pp)
            read += 1
        elif cols == GOALS_COLS:
            s = goals_system()
            for row in t['rows']:
                (g, _), (rv, _), (h, hp) = map(parse_cell, row[1:])
                s.publish((row[0], 'G'), g)
                s.publish([(row[0], 'H'), (row[0], 'NH')], rv)
                s.publish((row[0], 'H'), h)
                if hp not in (None, '*'):
                    s.shares.append(((row[0], 'H'), ((row[0], 'H'),
                                                     (row[0], 'NH'))))
            read += 1
        elif cap.startswith("The chart's figures: ") and len(cols) == 4:
            # A funnel plot's figures: the denominator of each service,
            # published again. Outcome funnels follow their table.
            what = cap[len("The chart's figures: "):]
            if what == 'reliably improved' and last_outcome:
                s, num, den = last_outcome, 'I', 'T'
            elif what == 'paired-outcome rate':
                s, num, den = paired_system(), 'P', 'E'
            else:
                # Cycles and courses: no table adds up; a denominator or
                # share shown here must not be one withheld on /network.
                continue
            for row in t['rows']:
                n, _ = parse_cell(row[1])
                share, _ = parse_cell(row[2].rstrip('%'))
                # A service left off is "*" here whatever its table
                # shows: only the numbers are more to go on.
                if n != '*':
                    s.publish((row[0], den), 0 if row[1] == 'None' else n)
                s.share((row[0], num), (row[0], den), share)
            read += 1
check(read >= 12, 'read %d tables of people from the pages (%s)' % (read, RULE))

# --- the API ---------------------------------------------------------------

net = json.loads(get('/api/v1/network'))
outc = json.loads(get('/api/v1/network/outcomes'))
check(net['disclosure'] == RULE and outc['disclosure'] == RULE,
      'the API applies %s' % RULE)
api_rows = true_rows(net)
for r, p in api_rows.items():
    for rec in p['recovery']:
        for key, kind in KINDS.items():
            o = rec[key]
            s, once = outcome_system(scale_titles[rec['scale']], kind)
            publish_outcome(s, once, r, {
                'T': o['paired'], 'I': o['improved'], 'N': o['noChange'],
                'D': o['deteriorated'], 'O': o['oneAnswerOnly']}, {
                'I': o['improvedPercent'], 'N': o['noChangePercent'],
                'D': o['deterioratedPercent']})
    s = paired_system()
    q = p['pairedOutcomeRate']
    s.publish((r, 'E'), q['eligible'])
    s.publish((r, 'P'), q['paired'])
    s.share((r, 'P'), (r, 'E'), q['percent'])
    s = goals_system()
    g = p['goals']
    s.publish((r, 'G'), g['withGoals'])
    s.publish([(r, 'H'), (r, 'NH')], g['reviewed'])
    s.publish((r, 'H'), g['higher'])
    if g['higherPercent'] not in (None, '*'):
        s.shares.append(((r, 'H'), ((r, 'H'), (r, 'NH'))))
for r, p in api_rows.items():
    for rec in p['recovery']:
        lo = rec['leftOut']
        publish_leftout(scale_titles[rec['scale']], r, lo['noResponse'],
                        lo['answeredByOthersOnly'])
    for i in p['experience']['indicators']:
        s = indicator_system(i['indicator'])
        s.publish((r, 'T'), i['answered'])
        s.publish((r, 'A'), i['agree'])
        s.share((r, 'A'), (r, 'T'), i['agreePercent'])
    for g in p['experience']['erfs']:
        for who in ('people', 'staff'):
            s = erfs_system(g['group'], who)
            s.publish((r, 'R'), g[who]['ratings'])
            s.publish((r, 'RT'), g[who]['ratings'])
for m in outc['measures']:
    for sc in m['scales']:
        for o in sc['leftOut']['services'] + [
                dict(sc['leftOut']['network'], service='network')]:
            publish_leftout(sc['title'], names[o['service']],
                            o['noResponse'], o['answeredByOthersOnly'])
        for key, kind in KINDS.items():
            k = sc[key]
            s, once = outcome_system(sc['title'], kind)
            for o in k['services'] + [dict(k['network'], service='network')]:
                publish_outcome(s, once, names[o['service']], {
                    'T': o['paired'], 'I': o['improved'],
                    'N': o['noChange'], 'D': o['deteriorated'],
                    'O': o['oneAnswerOnly']}, {
                    'I': o['improvedPercent'], 'N': o['noChangePercent'],
                    'D': o['deterioratedPercent']})

# --- the attack --------------------------------------------------------------


def true_leftout(key, r):
    for m in truth['outcomes']['measures']:
        for sc in m['scales']:
            if sc['title'] != key[1]:
                continue
            lo = sc['leftOut']
            o = lo['network'] if r == TOTAL else \
                [x for x in lo['services'] if names[x['service']] == r][0]
            return o['noResponse' if key[0] == 'none' else
                     'answeredByOthersOnly']
    raise KeyError(key)


def true_value(key, cell):
    """The true count of a cell, from the unsuppressed document."""
    r, col = cell
    p = truth_rows[r]
    if key[0] in ('none', 'others'):
        return true_leftout(key, r)
    if key[0] == 'indicator':
        i = [x for x in p['experience']['indicators']
             if x['indicator'] == key[1]][0]
        return {'T': i['answered'], 'A': i['agree'],
                'NA': i['answered'] - i['agree']}[col]
    if key[0] == 'erfs':
        g = [x for x in p['experience']['erfs'] if x['group'] == key[1]][0]
        return g[key[2]]['ratings']
    if key == 'paired':
        q = p['pairedOutcomeRate']
        return {'E': q['eligible'], 'P': q['paired'],
                'NP': q['eligible'] - q['paired']}[col]
    if key == 'goals':
        g = p['goals']
        return {'G': g['withGoals'], 'H': g['higher'],
                'NH': g['reviewed'] - g['higher'],
                'NR': g['withGoals'] - g['reviewed']}[col]
    kind_key = [k for k, w in KINDS.items() if w == key[2]][0]
    for m in truth['outcomes']['measures']:
        for sc in m['scales']:
            if sc['title'] != key[1]:
                continue
            k = sc[kind_key]
            o = k['network'] if r == TOTAL else \
                [x for x in k['services'] if names[x['service']] == r][0]
            return {'T': o['paired'], 'I': o['improved'],
                    'N': o['noChange'], 'D': o['deteriorated'],
                    'O': o['oneAnswerOnly'],
                    'OT': o['oneAnswerOnly']}[col]
    raise KeyError(key)


secondary = 0
for key, s in sorted(systems.items(), key=lambda kv: str(kv[0])):
    cells = [(r, c) for r in s.rows for c in list(s.parts) + [s.total]]
    hidden = set(s.withheld)
    for c in cells:
        if c not in s.shown and c not in s.withheld and \
                small(true_value(key, c)):
            hidden.add(c)		# never shown, and small
    clash = s.withheld & s.shown
    check(not clash, '%s (%s): no count is both shown and withheld%s' % (
        s.name, RULE, ': %s' % sorted(clash)[:3] if clash else ''))
    found = s.determined(sorted(hidden))
    check(not found, '%s (%s): none of its %d withheld counts can be worked '
          'out from the published figures%s' % (
              s.name, RULE, len(hidden),
              ': %s' % found[:4] if found else ''))
    bad = [(n, d) for n, d in s.shares
           if n in s.withheld or (not isinstance(d, tuple) and
                                  d in s.withheld)]
    check(not bad, '%s (%s): every share shown has its count and total '
          'shown%s' % (s.name, RULE, ': %s' % bad[:3] if bad else ''))
    secondary += sum(1 for c in s.withheld if not small(true_value(key, c)))
check(secondary > 0, 'secondary suppression had to act under %s: %d counts '
      'the rule alone would show are withheld, and none of those can be '
      'worked out either' % (RULE, secondary))
print('\n'.join(results))
sys.exit(1 if any(r.startswith('FAIL') for r in results) else 0)
