"""Attacks every figure of people a commissioner can see, from the published
figures alone, across every view of them at once, and checks that no
withheld count can be worked out.

The attacker holds several views of the same network for one window under
the network's rule: a commissioner of the whole network, a commissioner of
one provider, one of two providers (or two commissioners comparing notes),
and the network's own command line. From each view they read everything
published: the pages /network, /network/outcomes and every service's page
(/network/services/CODE: its rows, the figures for "all these services"
beside them, its trends), the API's /api/v1/network and
/api/v1/network/outcomes, the FHIR MeasureReport, and `waymark report
network --format json`.

Every figure is a cell of one network-wide table per figure: each service
of the network a row, each provider's subtotal a row, the network's total
a row; the parts of each row add up to its total, and each column adds up
from services to providers and from providers to the network. A view's
"All these services" is the sum of the cells of its scope (its provider's
subtotal, the network's total, or for two providers the sum of theirs).
Every published count is an equation (the cell, or the sum of cells,
equals the figure shown, taken as exact, as an attacker would: the
rounding is ignored, so the test is stricter than the rule needs), and a
share shown is taken to give its numerator exactly too. The system is
solved exactly (Gaussian elimination over fractions), and a withheld count
is one the attacker can work out when its unit vector lies in the span of
the equations.

The tables: every outcome measure's people by reliable change and those
who answered once only (each scale and kind of answer), or the people
paired alone where change was not judged, the mean change (its sum of
changes: a mean shown with its people gives it), each scale's people
left out (no response; answered only by someone else), the
paired-outcome rate, goals, the people on the caseloads (FHIR), the
cycles' times due and done in time (a service's figure over its months,
and its trend's quarters within them: the months add up), the staff and
each course's staff who have done it, each supportive service
indicator's people who agree and not, each ERFS group's ratings by
people using the service and by staff, and their sums of group scores
(a mean shown with its ratings gives it, as with the mean change), and
the trends' quarters, each a table of its own window.

A count is withheld when it is shown as "*" in any view, or when it is
never shown at all and the rule would withhold it (its true count, read
from `waymark report network --disclosure none`, is small). None of them
may be determined; no count may be shown in one view and withheld in
another; a share may be shown only where its count and its total are;
and every share shown beside its count and its total must be the one
those published counts give (worked out from the unrounded counts, a
share gives them away beside the rounded ones).

Also checked: secondary suppression really acted somewhere, so the attack
is not passing on tables with nothing to find.

Usage: disclosure_attack.py BASE_URL TRUTH_JSON RULE DB [--cli FILE]
    [--truth WINDOW=FILE...] VIEW...
    TRUTH_JSON: `waymark report network --format json --disclosure none`
    for the window; RULE: mhsds or hes; DB: the database (the services'
    caseloads, for the true counts of the FHIR report); --cli: the
    command line's JSON under the rule; --truth: the true counts of
    another window (2026-Q2..2026-Q2) for the trends' quarters; VIEW:
    JAR=SCOPE, where SCOPE is "network" or provider codes joined by "+".
Prints "pass ..." and "FAIL ..." lines; exits 1 if any FAIL.
"""
import datetime
import heapq
import html.parser
import http.cookiejar
import json
import re
import sqlite3
import sys
import urllib.request
from fractions import Fraction

TOTAL = 'All these services'
NET = 'NET'
KINDS = {'selfRated': 'answered alone',
         'withPractitioner': 'answered with a practitioner'}
RESPONDENTS = {'person': 'answered alone',
               'person-with-practitioner': 'answered with a practitioner'}


# --- the systems of equations --------------------------------------------

def reduce(v, basis):
    """Reduces the sparse row v ({column: Fraction}) by the echelon
    basis ({pivot: row whose smallest column is the pivot}), smallest
    column first. Returns the remainder."""
    heap = [c for c in v if c in basis]
    heapq.heapify(heap)
    while heap:
        p = heapq.heappop(heap)
        if not v.get(p):
            continue
        row = basis[p]
        f = v[p] / row[p]
        for c, x in row.items():
            y = v.get(c, 0) - f * x
            if y:
                if c not in v and c in basis:
                    heapq.heappush(heap, c)
                v[c] = y
            else:
                v.pop(c, None)
    return v


class System:
    """One network-wide table: unknown cells (node, column), the lines
    that add up, and the figures published about them.

    nodes: {node: parent or None}; row_lines: [(parts, total)] over the
    columns, each holding in every row; every column adds up the tree.
    """

    def __init__(self, name, nodes, row_lines, cols):
        self.name, self.nodes, self.cols = name, nodes, list(cols)
        self.eqs = []		# (coefficients {cell: c}, value)
        self.withheld = set()	# cells shown as "*"
        self.shown = set()	# cells shown as a number
        self.shares = []	# (numerator cell, denominator cell(s))
        # For the interval attack: the lines alone, each count shown
        # (cells, value), and each share shown (numerator cells, the
        # denominator's system and cells, the share, the numerator's and
        # the denominator's published values where the row shows them).
        self.lines, self.figures, self.ratios = [], [], []
        for n in nodes:
            for parts, total in row_lines:
                eq = {}
                for p in parts:
                    eq[(n, p)] = eq.get((n, p), 0) + 1
                eq[(n, total)] = eq.get((n, total), 0) - 1
                self.eqs.append((eq, 0))
        for c in self.cols:
            for n in nodes:
                kids = [k for k, p in nodes.items() if p == n]
                if kids:
                    eq = {(k, c): 1 for k in kids}
                    eq[(n, c)] = -1
                    self.eqs.append((eq, 0))
        self.lines = [eq for eq, _ in self.eqs]

    def publish(self, cells, value, count=True):
        """A figure shown: the cell, or the sum of a list of cells, is
        `value` ("*": withheld; None: nothing to show). Not a count (a
        mean's sum, known from the mean and its people): its value is
        known, but is not the one given."""
        cells = cells if isinstance(cells, list) else [cells]
        if value is None:
            return
        if value == '*':
            if len(cells) == 1:
                self.withheld.add(cells[0])
            return
        self.eqs.append(({c: 1 for c in cells}, value))
        if count:
            self.figures.append((tuple(cells), value))
        if len(cells) == 1:
            self.shown.add(cells[0])

    def share(self, num, den, value, num_value=None, den_value=None,
              den_system=None):
        """A share shown gives its numerator (num: a list of cells for a
        sum) to whoever also knows the denominator (in den_system, when
        it is another table's: a course's staff, a cycle's times due);
        num_value and den_value are their published counts where the row
        shows them."""
        if value in (None, '*'):
            return
        num = num if isinstance(num, list) else [num]
        den = den if isinstance(den, list) else [den]
        self.shares.append((num, den if den_system is None else []))
        self.ratios.append((num, den_system or self, den, value, num_value,
                            den_value))
        self.eqs.append(({c: 1 for c in num}, 0))

    def determined(self, cells):
        """The cells of `cells` whose value the equations fix."""
        var = sorted({c for eq, _ in self.eqs for c in eq} | set(cells),
                     key=str)
        at = {c: i for i, c in enumerate(var)}
        basis = {}		# pivot column -> sparse row
        seen = set()
        for eq, _ in self.eqs:
            key = tuple(sorted((at[c], k) for c, k in eq.items()))
            if key in seen:
                continue
            seen.add(key)
            v = {}
            for c, k in eq.items():
                v[at[c]] = v.get(at[c], 0) + Fraction(k)
            v = reduce({c: x for c, x in v.items() if x}, basis)
            if v:
                basis[min(v)] = v
        return [c for c in cells if not reduce({at[c]: Fraction(1)}, basis)]


def self_test():
    """The attacker finds what subtraction finds, through rows, columns
    and the levels of the tree together, and nothing where a table is
    suppressed as it should be."""
    nodes = {'a': 'P', 'b': 'P', 'c': 'Q', 'P': NET, 'Q': NET, NET: None}
    t = System('test', nodes, [(('x', 'y'), 't')], ('x', 'y', 't'))
    for c, v in ((('a', 'x'), 3), (('a', 't'), 9), (('b', 'x'), '*'),
                 (('b', 'y'), 8), (('P', 'x'), 10)):
        t.publish(c, v)
    # a.y = 9 - 3; b.x = P.x - a.x.
    assert t.determined([('a', 'y'), ('b', 'x')]) == [('a', 'y'),
                                                      ('b', 'x')]
    # The bridge: c.x is withheld in Q's view, but the network's total
    # less P's subtotal gives it.
    t = System('test', nodes, [(('x', 'y'), 't')], ('x', 'y', 't'))
    for c, v in (((NET, 'x'), 12), (('P', 'x'), 10), (('c', 'x'), '*')):
        t.publish(c, v)
    assert t.determined([('c', 'x')]) == [('c', 'x')]
    t = System('test', nodes, [(('x', 'y'), 't')], ('x', 'y', 't'))
    for c in ((NET, 'x'), (NET, 'y'), (NET, 't'), ('a', 't'), ('b', 't'),
              ('c', 't')):
        t.publish(c, 10)
    # Every part withheld, every total shown: a.x is a free unknown.
    assert t.determined([('a', 'x'), ('b', 'y')]) == []
    t.publish(('a', 'y'), 4)
    t.publish(('c', 'y'), 4)
    # Two parts more and the table falls: a.x = a.t - a.y, and so on.
    assert t.determined([('a', 'x'), ('c', 'x'), ('b', 'y')]) == [
        ('a', 'x'), ('c', 'x'), ('b', 'y')]
    # A share shown gives its numerator.
    t = System('test', nodes, [(('x', 'y'), 't')], ('x', 'y', 't'))
    t.publish(('a', 't'), 9)
    t.share(('a', 'x'), ('a', 't'), 33)
    assert t.determined([('a', 'x'), ('a', 'y')]) == [('a', 'x'), ('a', 'y')]


# --- reading what is published -------------------------------------------

class Page(html.parser.HTMLParser):
    """A page's tables (caption, column headings, rows of cell texts
    without their responsive headings) and paragraphs, in order."""

    def __init__(self):
        super().__init__()
        self.items, self.cur, self.row, self.text = [], None, None, None
        self.skip, self.para = 0, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'p' and self.cur is None:
            self.para = ''
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
        if tag == 'p' and self.para is not None:
            self.items.append(('p', ' '.join(self.para.split())))
            self.para = None
        if self.cur is None:
            return
        if tag == 'span' and self.skip:
            self.skip -= 1
        elif tag == 'caption':
            self.cur['caption'] = ' '.join(self.text.split())
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
            self.items.append(('table', self.cur))
            self.cur = None

    def handle_data(self, data):
        if self.para is not None:
            self.para += data
        if self.text is not None and not self.skip:
            self.text += data


def parse_cell(t):
    """'80 (55%)' -> (80, 55); '*' -> ('*', None); '40 (*)' -> (40, '*');
    'None' -> (None, None)."""
    count, _, pct = t.partition(' (')
    pct = pct.rstrip(')').rstrip('%') if pct else None

    def val(v):
        if v in (None, '', 'None', 'Not counted'):
            return None
        return '*' if v == '*' else int(v)
    return val(count), val(pct.rstrip('%') if pct else pct)


def parse_agree(t):
    """'47% of 90' -> (47, 90); '* of *' -> ('*', '*'); 'None' -> (None,
    0): a share of no one."""
    if t == 'None':
        return None, 0
    share, _, of = t.partition(' of ')
    return parse_cell(share.rstrip('%'))[0], parse_cell(of)[0]


def mean_cell(t):
    """A mean as a page shows it: '3.4' -> 0 (a figure, its value no
    matter), '*' -> '*', 'None' (no ratings) -> None."""
    t = t.split()[0] if t else t
    if t in (None, '', 'None'):
        return None
    return '*' if t == '*' else 0


def count(v):
    """A published count, or None for "*" and nothing to show."""
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def pct(t):
    """'62%' -> 62, '*' -> '*', 'None' -> None."""
    return parse_cell(t.rstrip('%'))[0]


QUARTER_WORDS = {'January': 1, 'April': 2, 'July': 3, 'October': 4}


def quarter_of(words):
    """'April to June 2026' -> '2026-Q2'."""
    return '%s-Q%d' % (words.split()[-1], QUARTER_WORDS[words.split()[0]])


class Attack:
    def __init__(self, base, truth, rule, db):
        self.base, self.rule, self.db = base, rule, db
        self.truth = {}
        self.systems = {}
        self.results = []
        self.read = {}
        doc = json.load(open(truth))
        self.window = (doc['from'], doc['to'])
        self.services = {s['service']: s for s in doc['services']}
        self.name_of = {s['name']: s['service'] for s in doc['services']}
        self.provider_of = {s['service']: s['provider']['code']
                            for s in doc['services']}
        self.nodes = {s: 'P:' + p for s, p in self.provider_of.items()}
        for p in set(self.provider_of.values()):
            self.nodes['P:' + p] = NET
        self.nodes[NET] = None
        self.add_truth(self.window, doc)

    def check(self, ok, what):
        self.results.append(('pass ' if ok else 'FAIL ') + what)

    # --- scopes and cells ---------------------------------------------

    def scope_cells(self, scope, col):
        """A view's "All these services": the cells of its scope."""
        if scope == 'network':
            return [(NET, col)]
        return [('P:' + p, col) for p in scope]

    def row_cells(self, scope, label, col):
        """A row of a view's table: a service's cell by its name or code,
        or the view's total."""
        if label in (TOTAL, 'network', None):
            return self.scope_cells(scope, col)
        code = self.name_of.get(label, label)
        return [(code, col)]

    def in_scope(self, scope):
        return [s for s in self.services if scope == 'network' or
                self.provider_of[s] in scope]

    # --- the systems --------------------------------------------------

    def system(self, key):
        if key in self.systems:
            return self.systems[key]
        kind = key[0]
        if kind == 'outcome':
            s = System('%s, %s (%s..%s)' % (key[2], key[3], *key[1]),
                       self.nodes, [(('I', 'N', 'D'), 'T')],
                       ('I', 'N', 'D', 'T'))
        elif kind in ('once', 'mean', 'caseload', 'staff', 'course',
                      'none', 'others', 'erfs', 'erfs-sum'):
            s = System('%s %s' % (kind, ' '.join(str(k) for k in key[1:])),
                       self.nodes, [], ('V',))
        elif kind == 'paired':
            s = System('paired-outcome rate', self.nodes,
                       [(('P', 'NP'), 'E')], ('P', 'NP', 'E'))
        elif kind == 'goals':
            s = System('goals', self.nodes, [(('H', 'NH', 'NR'), 'G')],
                       ('H', 'NH', 'NR', 'G'))
        elif kind == 'indicator':
            s = System('indicator %s: who agree' % key[1], self.nodes,
                       [(('A', 'NA'), 'T')], ('A', 'NA', 'T'))
        elif kind == 'unjudged':
            s = System('%s, %s (%s..%s): paired, not judged' % (
                key[2], key[3], *key[1]), self.nodes, [], ('T',))
        elif kind == 'cycle':
            # The months a service's figure counts: the last 12 complete
            # ones. The trends' quarters within them add up to it with
            # the months of the quarters cut off at either end, which no
            # one is shown (unknowns).
            quarters, partial = self.kept_quarters()
            s = System('cycles: %s, %s' % (key[1], key[2]), self.nodes,
                       [(tuple(quarters + partial), 'F')],
                       ['F'] + quarters + partial)
        else:
            raise KeyError(key)
        s.key = key
        self.systems[key] = s
        return s

    def kept_quarters(self):
        """The quarters wholly within the last 12 complete months, and
        the names of the parts of quarters cut off at either end."""
        today = datetime.date.today()
        first = today.year * 12 + today.month - 1 - 12
        months = range(first, first + 12)
        quarters, partial = [], []
        for m in months:
            q = '%d-Q%d' % (m // 12, m % 12 // 3 + 1)
            whole = all(x in months for x in range(m - m % 3, m - m % 3 + 3))
            name = q if whole else 'part of ' + q
            bucket = quarters if whole else partial
            if name not in bucket:
                bucket.append(name)
        return quarters, partial

    def outcome(self, window, title, kind, row_cells, cells, shares,
                judged=True):
        """One row of an outcome table: cells {col: value}; shares {col:
        value}, of the row's total. Where change was not judged the
        table is the people paired alone."""
        s = self.system(('outcome' if judged else 'unjudged', window, title,
                         kind))
        once = self.system(('once', window, title, kind))
        if not judged:
            s.publish(row_cells('T'), cells['T'])
            once.publish(row_cells('V'), cells['O'])
            return
        for col, v in cells.items():
            if col == 'O':
                once.publish(row_cells('V'), v)
            else:
                s.publish(row_cells(col), v)
        for col, v in shares.items():
            s.share(row_cells(col), row_cells('T'), v, count(cells.get(col)),
                    count(cells.get('T')))

    # --- the pages ----------------------------------------------------

    def get(self, jar, path):
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar))
        return opener.open(self.base + path, timeout=300).read().decode()

    def page(self, jar, path):
        p = Page()
        p.feed(self.get(jar, path))
        return p.items

    OUTCOME_COLS = ['Service', 'People with two answers or more',
                    'Reliably improved', 'No reliable change',
                    'Reliably deteriorated', 'Answered once only']
    PAIRED_COLS = ['Service', 'On the caseload 180 days or more',
                   'Recorded twice or more']
    GOALS_COLS = ['Service', 'People with goals',
                  'A goal reviewed twice or more',
                  'Latest review higher than the first']
    UNJUDGED_COLS = ['Service', 'People with two answers or more', 'Change',
                     'Answered once only']
    LEFTOUT_COLS = ['Service', 'No response']
    LEFTOUT = ': left out, and why'
    RATERS = {'People using the service': 'people', 'Staff': 'staff'}

    def read_page(self, jar, scope, path, service=None):
        """Every table of a page; on a service's page, `service` is its
        code (its trends and its figures beside all of the view's)."""
        last = None		# the outcome table a funnel or a mean follows
        n = 0
        for what, item in self.page(jar, path):
            if what == 'p':
                n += self.read_para(scope, item, last)
                continue
            t = item
            cols, cap = t['cols'], t['caption']

            def rc(label):
                return lambda col: self.row_cells(scope, label, col)
            if cols == self.OUTCOME_COLS:
                title, _, kind = cap.rpartition(', ')
                last = (title, kind)
                for row in t['rows']:
                    (tot, _), (i, ip), (nc, np), (d, dp), (o, _) = map(
                        parse_cell, row[1:])
                    self.outcome(self.window, title, kind, rc(row[0]),
                                 {'T': tot, 'I': i, 'N': nc, 'D': d,
                                  'O': o}, {'I': ip, 'N': np, 'D': dp})
            elif cols == self.UNJUDGED_COLS:
                title, _, kind = cap.rpartition(', ')
                last = (title, kind)
                for row in t['rows']:
                    (tot, _), (o, _) = parse_cell(row[1]), parse_cell(row[3])
                    self.outcome(self.window, title, kind, rc(row[0]),
                                 {'T': tot, 'O': o}, {}, judged=False)
            elif cols[:2] == self.LEFTOUT_COLS and \
                    cap.endswith(self.LEFTOUT):
                title = cap[:-len(self.LEFTOUT)]
                for row in t['rows']:
                    others = parse_cell(row[2])[0] if len(row) > 2 else None
                    self.leftout(scope, title, row[0],
                                 parse_cell(row[1])[0], others)
            elif cols[:1] == ['Service'] and \
                    cap == 'People who agree, by indicator':
                # The indicators' columns are in the documents' order.
                for row in t['rows']:
                    for j, link in enumerate(self.indicators):
                        share, of = parse_agree(row[1 + j])
                        self.indicator(scope, row[0], link, of, None, share)
            elif cols[:1] == ['Service'] and cap == 'ERFS, by group':
                for row in t['rows']:
                    for j, heading in enumerate(cols[1:]):
                        title, _, who = heading.rpartition(': ')
                        self.erfs(scope, row[0], self.group_of[title],
                                  self.RATERS[who], None,
                                  mean_cell(row[1 + j]))
            elif cols == self.PAIRED_COLS:
                s = self.system(('paired',))
                for row in t['rows']:
                    (e, _), (p, pp) = map(parse_cell, row[1:])
                    s.publish(self.row_cells(scope, row[0], 'E'), e)
                    s.publish(self.row_cells(scope, row[0], 'P'), p)
                    s.share(self.row_cells(scope, row[0], 'P'),
                            self.row_cells(scope, row[0], 'E'), pp,
                            count(p), count(e))
            elif cols == self.GOALS_COLS:
                s = self.system(('goals',))
                for row in t['rows']:
                    (g, _), (rv, _), (h, hp) = map(parse_cell, row[1:])
                    self.goals_row(s, scope, row[0], g, rv, h, hp)
            elif cols == ['Service', 'Measure', 'Due', 'Done in time']:
                for row in t['rows']:
                    if row[1] != 'No cycles':
                        self.cycle(scope, row[0], row[1], row[2], row[3])
            elif cols == ['Measure', 'Due', 'Done in time',
                          'Done in time, all these services']:
                for row in t['rows']:
                    self.cycle(scope, service, row[0], row[1], row[2])
                    self.cycle(scope, TOTAL, row[0], None, row[3])
            elif cols[:2] == ['Service', 'Staff'] and \
                    cap == 'Staff who have done each course':
                for row in t['rows']:
                    staff = parse_cell(row[1])[0]
                    self.staff(scope, row[0], staff)
                    for k, v in enumerate(row[2:]):
                        self.course(scope, row[0], cols[2 + k], pct(v),
                                    staff)
            elif cols == ['Course', 'Staff who have done it',
                          'All these services']:
                for row in t['rows']:
                    self.course(scope, service, row[0], pct(row[1]))
                    self.course(scope, TOTAL, row[0], pct(row[2]))
            elif cap.startswith("The chart's figures: ") and len(cols) == 4:
                self.funnel(scope, cap[len("The chart's figures: "):],
                            t['rows'], last)
            elif cols == ['Quarter', 'Share', 'Out of', 'Note'] and service:
                self.trend(scope, service, cap, t['rows'])
            else:
                continue
            n += 1
        return n

    def read_para(self, scope, text, last):
        """The mean change after an outcome table, and a service's staff
        beside all of the view's."""
        m = re.match(r'Staff now: (\S+); across all these services: '
                     r'(\S+)\.', text)
        if m:
            self.staff_pair = (m.group(1), m.group(2))
            return 0
        if not text.startswith('Mean change') or not last:
            return 0
        s = self.system(('mean', self.window) + last)
        if 'withheld' in text:
            s.publish(self.scope_cells(scope, 'V'), '*')
        else:
            s.publish(self.scope_cells(scope, 'V'), 0, count=False)
        return 1

    def goals_row(self, s, scope, label, g, rv, h, hp):
        def cells(col):
            return self.row_cells(scope, label, col)
        s.publish(cells('G'), g)
        s.publish(cells('H') + cells('NH'), rv)
        s.publish(cells('H'), h)
        s.share(cells('H'), cells('H') + cells('NH'), hp, count(h),
                count(rv))

    def leftout(self, scope, title, label, none, others):
        """A scale's people left out: no response, and answered only by
        someone else (None where no one else may answer)."""
        cells = self.row_cells(scope, label, 'V')
        self.system(('none', self.window, title)).publish(cells, none)
        self.system(('others', self.window, title)).publish(cells, others)

    def indicator(self, scope, label, link, answered, agree, share):
        s = self.system(('indicator', link))

        def cells(col):
            return self.row_cells(scope, label, col)
        s.publish(cells('T'), answered)
        s.publish(cells('A'), agree)
        s.share(cells('A'), cells('T'), share, count(agree),
                count(answered))

    def erfs(self, scope, label, group, who, ratings, mean):
        """An ERFS group's ratings by people or staff, and its mean,
        which with its ratings gives their sum: '*' withheld, None
        nothing to show."""
        cells = self.row_cells(scope, label, 'V')
        self.system(('erfs', group, who)).publish(cells, ratings)
        s = self.system(('erfs-sum', group, who))
        if mean == '*':
            s.publish(cells, '*')
        elif mean is not None:
            s.publish(cells, 0, count=False)

    def cycle(self, scope, label, title, due, share, column='F'):
        """A measure's cycles: the times due and the share done in
        time, which gives the times done."""
        d = self.system(('cycle', title, 'due'))
        done = self.system(('cycle', title, 'done'))
        cells = self.row_cells(scope, label, column)
        due = parse_cell(due)[0] if due is not None else None
        d.publish(cells, due)
        v = pct(share)
        if v == '*':
            done.publish(cells, '*')
        elif v is not None:
            done.share(cells, cells, v, den_value=count(due), den_system=d)

    def staff(self, scope, label, v):
        self.system(('staff',)).publish(
            self.row_cells(scope, label, 'V'), v)

    def course(self, scope, label, course, v, staff=None):
        """The share of the staff who have done a course, which gives
        how many have (staff: the staff, where the row shows them)."""
        s = self.system(('course', course))
        cells = self.row_cells(scope, label, 'V')
        if v == '*':
            s.publish(cells, '*')
        elif v is not None:
            s.share(cells, cells, v, den_value=count(staff),
                    den_system=self.system(('staff',)))

    def funnel(self, scope, what, rows, last):
        """A funnel plot's figures: each service's denominator and share,
        published again."""
        for row in rows:
            n, share = parse_cell(row[1])[0], pct(row[2])
            if row[1] == 'None':
                n = 0

            def cells(col):
                return self.row_cells(scope, row[0], col)
            if what == 'reliably improved' and last:
                s = self.system(('outcome', self.window) + last)
                if n != '*':
                    s.publish(cells('T'), n)
                s.share(cells('I'), cells('T'), share, den_value=count(n))
            elif what == 'paired-outcome rate':
                s = self.system(('paired',))
                if n != '*':
                    s.publish(cells('E'), n)
                s.share(cells('P'), cells('E'), share, den_value=count(n))
            elif what.endswith(' done in time'):
                self.cycle(scope, row[0], what[:-len(' done in time')],
                           None if n == '*' else str(n), row[2])
            elif what.startswith('Staff who have done '):
                if n != '*':
                    self.staff(scope, row[0], n)
                self.course(scope, row[0], what[len('Staff who have done '):],
                            share, n)

    def trend(self, scope, service, cap, rows):
        """A service's trend: each quarter a cell of that quarter's
        table (reliable improvement), or of the months the cycles count."""
        for row in rows:
            q = quarter_of(row[0])
            if cap.startswith('Reliably improved, '):
                kind = cap[len('Reliably improved, '):]
                s = self.system(('outcome', (q, q), self.recovery_title,
                                 kind))
                of = parse_cell(row[2])[0]
                s.publish([(service, 'T')], of)
                s.share([(service, 'I')], [(service, 'T')], pct(row[1]),
                        den_value=count(of))
                if pct(row[1]) == '*' and of not in ('*', None, 0):
                    s.publish([(service, 'I')], '*')
            elif cap.endswith(' done in time') and row[1] != 'Not counted':
                self.cycle(scope, service, cap[:-len(' done in time')],
                           row[2], row[1], column=q)

    # --- the documents --------------------------------------------------

    def outcome_json(self, scope, title, kind, label, o):
        """A row of an outcome table as the documents write it."""
        self.outcome(self.window, title, kind,
                     lambda col: self.row_cells(scope, label, col), {
                         'T': o['paired'], 'I': o['improved'],
                         'N': o['noChange'], 'D': o['deteriorated'],
                         'O': o['oneAnswerOnly']}, {
                         'I': o['improvedPercent'],
                         'N': o['noChangePercent'],
                         'D': o['deterioratedPercent']}, o['judged'])

    def read_network_doc(self, scope, d):
        for p in d['services'] + [dict(d['network'], service='network')]:
            label = p['service']
            for rec in p['recovery']:
                title = self.scale_title[rec['scale']]
                for key, kind in KINDS.items():
                    self.outcome_json(scope, title, kind, label, rec[key])
                lo = rec['leftOut']
                self.leftout(scope, title, label, lo['noResponse'],
                             lo['answeredByOthersOnly'])
            for i in p['experience']['indicators']:
                self.indicator(scope, label, i['indicator'], i['answered'],
                               i['agree'], i['agreePercent'])
            for g in p['experience']['erfs']:
                for who in ('people', 'staff'):
                    self.erfs(scope, label, g['group'], who,
                              g[who]['ratings'], g[who]['mean'])
            s = self.system(('paired',))
            q = p['pairedOutcomeRate']
            s.publish(self.row_cells(scope, label, 'E'), q['eligible'])
            s.publish(self.row_cells(scope, label, 'P'), q['paired'])
            s.share(self.row_cells(scope, label, 'P'),
                    self.row_cells(scope, label, 'E'), q['percent'],
                    count(q['paired']), count(q['eligible']))
            g = p['goals']
            self.goals_row(self.system(('goals',)), scope, label,
                           g['withGoals'], g['reviewed'], g['higher'],
                           g['higherPercent'])
            for c in p.get('cycles', []):
                self.cycle(scope, label, c['measure'], str(c['due']),
                           str(c['doneInTimePercent']))
            if 'training' in p:
                self.staff(scope, label, p['training']['staff'])
                for c in p['training']['coverage']:
                    self.course(scope, label, c['title'], c['percent'],
                                p['training']['staff'])

    def read_outcomes_doc(self, scope, d):
        for m in d['measures']:
            for sc in m['scales']:
                lo = sc['leftOut']
                for o in lo['services'] + [dict(lo['network'],
                                                service='network')]:
                    self.leftout(scope, sc['title'], o['service'],
                                 o['noResponse'], o['answeredByOthersOnly'])
                for key, kind in KINDS.items():
                    k = sc[key]
                    for o in k['services'] + [dict(k['network'],
                                                   service='network')]:
                        self.outcome_json(scope, sc['title'], kind,
                                          o['service'], o)
                    mean = k['network'].get('meanChange')
                    s = self.system(('mean', self.window, sc['title'], kind))
                    if mean == '*':
                        s.publish(self.scope_cells(scope, 'V'), '*')
                    elif mean is not None:
                        s.publish(self.scope_cells(scope, 'V'), 0,
                                  count=False)

    def read_fhir(self, scope, b):
        mr = b['entry'][0]['resource']
        for g in mr.get('group', []):
            resp = [e for e in g['extension']
                    if e['url'].endswith('/respondent')][0]['valueCode']
            title = self.scale_title[g['code']['coding'][0]['code']]
            rows = [('network', g)] + [
                (st['value']['coding'][0]['code'], st)
                for st in g.get('stratifier', [{}])[0].get('stratum', [])]
            for label, f in rows:
                pop = {p['code']['coding'][0]['code']:
                       p.get('count', '*' if self.masked(p) else None)
                       for p in f['population']}
                # Where change was not judged the numerator was not
                # worked out (not-performed): no count, not masked.
                judged = pop['numerator'] is not None
                s = self.system(('outcome' if judged else 'unjudged',
                                 self.window, title, RESPONDENTS[resp]))

                def cells(col, l=label):
                    return self.row_cells(scope, l, col)
                s.publish(cells('T'), pop['denominator'])
                s.publish(cells('I'), pop['numerator'])
                score = f['measureScore'].get('value',
                                              '*' if self.masked(
                                                  f['measureScore'])
                                              else None)
                s.share(cells('I'), cells('T'), score,
                        count(pop['numerator']), count(pop['denominator']))
                self.system(('caseload', self.window)).publish(
                    cells('V'), pop['initial-population'])

    @staticmethod
    def masked(element):
        ext = element.get('_count', element).get('extension', [])
        return any(e.get('valueCode') == 'masked' for e in ext)

    # --- a view ---------------------------------------------------------

    def read_view(self, jar_path, scope):
        jar = http.cookiejar.MozillaCookieJar(jar_path)
        jar.load(ignore_discard=True, ignore_expires=True)
        self.staff_pair = None
        where = scope if scope == 'network' else '+'.join(scope)
        n = self.read_page(jar, scope, '/network')
        n += self.read_page(jar, scope, '/network/outcomes')
        for code in self.in_scope(scope):
            n += self.read_page(jar, scope, '/network/services/' + code,
                                service=code)
            if self.staff_pair:
                self.staff(scope, code, parse_cell(self.staff_pair[0])[0])
                self.staff(scope, TOTAL, parse_cell(self.staff_pair[1])[0])
                self.staff_pair = None
        self.read[where] = n
        net = json.loads(self.get(jar, '/api/v1/network'))
        outc = json.loads(self.get(jar, '/api/v1/network/outcomes'))
        fhir = json.loads(self.get(jar, '/api/v1/network/measure-report'))
        self.check(net['disclosure'] == self.rule and
                   outc['disclosure'] == self.rule,
                   'the API applies %s to the view of %s' % (self.rule,
                                                             where))
        self.read_network_doc(scope, net)
        self.read_outcomes_doc(scope, outc)
        self.read_fhir(scope, fhir)

    def read_cli(self, path):
        d = json.load(open(path))
        self.read_network_doc('network', d)
        self.read_outcomes_doc('network', d['outcomes'])

    # --- the truth ------------------------------------------------------

    def add_truth(self, window, doc):
        """The true counts of a window's tables: services, providers (the
        sum of theirs), the network."""
        t = {}

        def put(key, node, col, v):
            t.setdefault(key, {})[(node, col)] = v
            if node in self.services:
                p = self.nodes[node]
                t[key][(p, col)] = t[key].get((p, col), 0) + v
        self.scale_title = {}
        self.recovery_title = None
        for m in doc['outcomes']['measures']:
            for sc in m['scales']:
                self.scale_title[sc['scale']] = sc['title']
                if self.recovery_title is None:
                    self.recovery_title = sc['title']
                for key, kind in KINDS.items():
                    k = sc[key]
                    for o in k['services'] + [dict(k['network'],
                                                   service=NET)]:
                        ok = ('outcome' if o['judged'] else 'unjudged',
                              window, sc['title'], kind)
                        for col, f in (('T', 'paired'), ('I', 'improved'),
                                       ('N', 'noChange'),
                                       ('D', 'deteriorated')):
                            if o[f] is not None:
                                put(ok, o['service'], col, o[f])
                        put(('once', window, sc['title'], kind),
                            o['service'], 'V', o['oneAnswerOnly'])
                        put(('mean', window, sc['title'], kind),
                            o['service'], 'n', o['paired'])
        for m in doc['outcomes']['measures']:
            for sc in m['scales']:
                lo = sc['leftOut']
                for o in lo['services'] + [dict(lo['network'], service=NET)]:
                    put(('none', window, sc['title']), o['service'], 'V',
                        o['noResponse'])
                    if o['answeredByOthersOnly'] is not None:
                        put(('others', window, sc['title']), o['service'],
                            'V', o['answeredByOthersOnly'])
        self.group_of = {}
        self.indicators = [i['indicator'] for i in
                           doc['network']['experience']['indicators']]
        for p in doc['services'] + [dict(doc['network'], service=NET)]:
            for i in p['experience']['indicators']:
                n, a = i['answered'], i['agree']
                for col, v in (('T', n), ('A', a), ('NA', n - a)):
                    put(('indicator', i['indicator']), p['service'], col, v)
            for g in p['experience']['erfs']:
                self.group_of[g['title']] = g['group']
                for who in ('people', 'staff'):
                    n = g[who]['ratings']
                    put(('erfs', g['group'], who), p['service'], 'V', n)
                    put(('erfs-sum', g['group'], who), p['service'], 'n', n)
            q = p['pairedOutcomeRate']
            for col, v in (('E', q['eligible']), ('P', q['paired']),
                           ('NP', q['eligible'] - q['paired'])):
                put(('paired',), p['service'], col, v)
            g = p['goals']
            for col, v in (('G', g['withGoals']), ('H', g['higher']),
                           ('NH', g['reviewed'] - g['higher']),
                           ('NR', g['withGoals'] - g['reviewed'])):
                put(('goals',), p['service'], col, v)
            for c in p.get('cycles', []):
                put(('cycle', c['measure'], 'due'), p['service'], 'F',
                    c['due'])
                done = 0 if c['doneInTimePercent'] is None else \
                    round(c['due'] * c['doneInTimePercent'] / 100)
                put(('cycle', c['measure'], 'done'), p['service'], 'F',
                    done)
            if 'training' in p:
                staff = p['training']['staff']
                put(('staff',), p['service'], 'V', staff)
                for c in p['training']['coverage']:
                    done = 0 if c['percent'] is None else \
                        round(staff * c['percent'] / 100)
                    put(('course', c['title']), p['service'], 'V', done)
        for key, cells in t.items():
            # The network's own row is true as the document gives it;
            # every other total is the sum of its services'.
            self.truth.setdefault(key, {}).update(cells)

    def caseload_truth(self):
        """The people on each service's caseload over the four quarters
        to the window's end, as the FHIR report counts them."""
        y, q = int(self.window[1][:4]), int(self.window[1][-1])
        end = datetime.date(y + (q == 4), q % 4 * 3 + 1, 1)
        start = datetime.date(y - 1 + (q == 4), q % 4 * 3 + 1, 1)
        db = sqlite3.connect(self.db)
        key = ('caseload', self.window)
        t = self.truth.setdefault(key, {})
        for code, n in db.execute(
                'SELECT u.code, count(DISTINCT c.person_id) FROM caseload c '
                'JOIN unit u ON u.id = c.unit_id WHERE c.start_date < ? AND '
                '(c.end_date IS NULL OR c.end_date > ?) GROUP BY u.code',
                (end.isoformat(), start.isoformat())):
            if code in self.services:
                for node in (code, self.nodes[code], NET):
                    t[(node, 'V')] = t.get((node, 'V'), 0) + n

    def small(self, n, mean=False):
        """1 when the rule alone withholds a true count n (for a mean, of
        n people)."""
        if mean:
            return n < (5 if self.rule == 'mhsds' else 8)
        return 0 <= n <= 4 if self.rule == 'mhsds' else 1 <= n <= 7

    def true_value(self, key, cell):
        return self.truth.get(key, {}).get(cell)

    # --- the attack -----------------------------------------------------

    def attack(self):
        secondary = 0
        for key, s in sorted(self.systems.items(), key=lambda kv: str(kv)):
            cells = [(n, c) for n in s.nodes for c in s.cols]
            hidden = set(s.withheld)
            for c in cells:
                if c in s.shown or c in s.withheld:
                    continue
                if key[0] in ('mean', 'erfs-sum'):
                    n = self.true_value(key, (c[0], 'n'))
                    if n is not None and n > 0 and self.small(n, True):
                        hidden.add(c)
                    continue
                v = self.true_value(key, c)
                if v is not None and self.small(v):
                    hidden.add(c)	# never shown, and small
            clash = s.withheld & s.shown
            self.check(not clash, '%s (%s): no count is both shown and '
                       'withheld%s' % (s.name, self.rule, ': %s' %
                                       sorted(clash)[:3] if clash else ''))
            found = s.determined(sorted(hidden, key=str))
            self.check(not found, '%s (%s): none of its %d withheld counts '
                       'can be worked out from the published figures%s' % (
                           s.name, self.rule, len(hidden),
                           ': %s' % found[:4] if found else ''))
            bad = [(n, d) for n, d in s.shares
                   if set(n if isinstance(n, list) else [n]) & s.withheld or
                   set(d if isinstance(d, list) else [d]) & s.withheld]
            self.check(not bad, '%s (%s): every share shown has its count '
                       'and total shown%s' % (s.name, self.rule, ': %s' %
                                              bad[:3] if bad else ''))
            for c in s.withheld:
                v = self.true_value(key, c)
                secondary += v is not None and \
                    key[0] not in ('mean', 'erfs-sum') and \
                    not self.small(v)
        self.check(secondary > 0, 'secondary suppression had to act under '
                   '%s: %d counts the rule alone would show are withheld, '
                   'and none of those can be worked out either' % (
                       self.rule, secondary))
        self.share_model()

    # --- the interval attack (interval_attack.py) -----------------------

    def share_model(self):
        """Which counts the shares are of: "published" when every share
        whose row shows its numerator and denominator is the one those
        give, else "unrounded"; and a check that they all are."""
        checked, off = 0, []
        for s in self.systems.values():
            for num, _, den, v, nv, dv in s.ratios:
                if nv is None or not dv:
                    continue
                checked += 1
                if (200 * nv + dv) // (2 * dv) != v:
                    off.append('%s of %s shown as %s%%' % (nv, dv, v))
        self.check(checked > 0 and not off, 'every one of the %d shares shown '
                   'beside its count and total is worked out from those '
                   'published counts (%s)%s' % (checked, self.rule, ': %s' %
                                                off[:3] if off else ''))
        return 'unrounded' if off else 'published'


def main(argv):
    base, truth, rule, db = argv[1:5]
    rest = argv[5:]
    a = Attack(base, truth, rule, db)
    self_test()
    a.check(True, 'the attacker finds counts worked out by subtraction, '
            'across the levels of the network (self-test)')
    a.caseload_truth()
    views = []
    while rest:
        arg = rest.pop(0)
        if arg == '--cli':
            a.read_cli(rest.pop(0))
        elif arg == '--truth':
            w, _, path = rest.pop(0).partition('=')
            a.add_truth(tuple(w.split('..')), json.load(open(path)))
        else:
            jar, _, scope = arg.partition('=')
            views.append((jar, 'network' if scope == 'network' else
                          scope.split('+')))
    for jar, scope in views:
        a.read_view(jar, scope)
    for where, n in a.read.items():
        a.check(n >= 8, 'read %d tables of figures from the pages of %s (%s)'
                % (n, where, rule))
    a.attack()
    print('\n'.join(a.results))
    return 1 if any(r.startswith('FAIL') for r in a.results) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
