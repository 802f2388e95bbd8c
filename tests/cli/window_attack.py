"""Tests the claim docs/statistics.md makes about choosing the window: no
two windows can be set against each other to work out a figure either
withholds.

Given `waymark report network --format json` under the rule for every
window within three consecutive quarters (six windows), and the FHIR
report of the network for some years:

- the figures that describe how things stand today (the paired-outcome
  rate, goals, training), the cycles (the last 12 complete months) and
  the ERFS ratings and means (the last four quarters to today's) are the
  same in every window;
- the recovery outcomes: a person counts in a window at their last
  answer in it, so each window's table is the sum, over the quarters q it
  covers, of the people who answered last in q among those whose next
  answer (if any) came after the window's end: one unknown table per
  such kind of person, (q, next), each with its rows and columns adding
  up. Every figure published in any of the six windows is an equation
  over those unknowns (shown counts taken as exact), and the system is
  solved exactly: no count withheld in one window may be determined by
  all of them together;
- the supportive service indicators: a person counts in a window at
  their latest answers in it, at the service they were about, so each
  indicator's people who agree and not are attacked the same way, over
  the same kinds of person;
- the people on the caseloads (the FHIR initial population) and those
  left out of the outcomes for want of an answer of their own (no
  response, answered only by someone else: people on a caseload at any
  time in the window) are given for a window of four quarters only;
- every share shown beside its count and total, in every window, is the
  one those published counts give;
- with --intervals, the interval attack (interval_attack.py) over the
  same unknowns: each
  count the rule withholds in any window (its true count, from
  none-A..B.json, in the rule's range) must keep the rule's whole range,
  or as much of it as withholding every other figure would leave,
  against every figure of all six windows as an interval (each shown
  count within its rounding, each share within half a percent, every
  kind of person's count at least 0, every count the rule withholds in
  its range).

  Run by make check with --blocks only: over all windows within three
  quarters it finds counts narrowed that no one window's disclosure can
  protect, which is why a commissioner chooses a year at a time
  (docs/statistics.md, "Choosing the window"), and takes minutes.

With --blocks, the windows a commissioner can choose: QUARTERS split
into years of four, and each quarter alone as a service's trend shows it
(the recovery markers' improved share of the paired at each service, and
nothing else); no one left out is checked for a quarter alone.

Usage: window_attack.py RULE QUARTERS DIR [--intervals] [--blocks]
    QUARTERS: the three quarters, "2026-Q1,2026-Q2,2026-Q3"; DIR holds
    A..B.json for every window A..B within them (and, for --intervals,
    none-A..B.json, the same with --disclosure none), year.json for a
    window of four quarters, and fhir-A..B.json for the FHIR reports
    (any windows).
Prints "pass ..." and "FAIL ..." lines; exits 1 if any FAIL.
"""
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from disclosure_attack import reduce  # noqa: E402
import interval_attack as ia  # noqa: E402

RULE, QUARTERS, DIR = sys.argv[1], sys.argv[2].split(','), sys.argv[3]
INTERVALS = '--intervals' in sys.argv[4:]
KINDS = ('selfRated', 'withPractitioner')
COLS = {'I': 'improved', 'N': 'noChange', 'D': 'deteriorated',
        'T': 'paired'}
results = []


def check(ok, what):
    results.append(('pass ' if ok else 'FAIL ') + what)


def load(name):
    return json.load(open(os.path.join(DIR, name)))


BLOCKS = '--blocks' in sys.argv[4:]
if BLOCKS:
    WINDOWS = [(q, q) for q in QUARTERS] + [
        (QUARTERS[i], QUARTERS[i + 3]) for i in range(0, len(QUARTERS), 4)]
else:
    WINDOWS = [(a, b) for i, a in enumerate(QUARTERS) for b in QUARTERS[i:]]
docs = {w: load('%s..%s.json' % w) for w in WINDOWS}
# The true counts, for the interval attack's targets (without it, the
# published ones stand in, and are not used).
truth = {w: load('none-%s..%s.json' % w) for w in WINDOWS} if INTERVALS \
    else docs

# --- the same in every window ----------------------------------------------


def today_figures(d):
    """What does not depend on the window: each service's paired-outcome
    rate, goals, training and cycles, and the network's."""
    out = [(s['service'], s['pairedOutcomeRate'], s['goals'], s['training'],
            s['cycles']) for s in d['services']]
    return out + [(d['network']['pairedOutcomeRate'],
                   d['network']['goals'])]


def erfs_figures(d):
    """The ERFS ratings and means, each service's and the network's."""
    return [(s.get('service'), s['experience']['erfs'])
            for s in d['services'] + [d['network']]]


first = today_figures(docs[WINDOWS[0]])
check(all(today_figures(d) == first for d in docs.values()),
      'the paired-outcome rate, goals, training and the cycles are the same '
      'in all %d windows (%s)' % (len(docs), RULE))
first = erfs_figures(docs[WINDOWS[0]])
check(any(g[w]['ratings'] not in (None, 0) for _, e in first for g in e
          for w in ('people', 'staff')) and
      all(erfs_figures(d) == first for d in docs.values()),
      'the ERFS ratings and means are given, and the same in all %d windows '
      '(%s): ratings add up quarter by quarter, so windows of their own '
      'could be set against each other' % (len(docs), RULE))

# --- the outcomes: one system over the kinds of person ---------------------

NEXT = 'later'		# a next answer after the last quarter, or none


def atoms():
    """The kinds of person: (quarter last answered in a window, quarter
    of the next answer)."""
    out = []
    for i, q in enumerate(QUARTERS):
        out += [(q, n) for n in QUARTERS[i + 1:] + [NEXT]]
    return out


def after(n, b):
    return n == NEXT or QUARTERS.index(n) > QUARTERS.index(b)


def in_window(atom, w):
    q, n = atom
    a, b = w
    return QUARTERS.index(a) <= QUARTERS.index(q) <= QUARTERS.index(b) and \
        after(n, b)


class Attack:
    """One scale and kind of one measure, across the six windows."""

    def __init__(self, rows, cols, total):
        self.rows, self.cols, self.total = rows, cols, total
        self.var = {}
        self.basis = {}
        self.withheld = []	# (window, cell)
        self.lines = []
        self.figures = []	# (window, row, column, value)
        self.shares = []	# (window, row, num column, den column, %)
        self.small = []		# (window, row, column): the rule's own
        for at in atoms():
            for r in rows:	# each row's parts add up
                self.line({**{(at, r, c): 1 for c in cols},
                           (at, r, total): -1})
            for c in list(cols) + [total]:	# the services, the network
                self.line({**{(at, r, c): 1 for r in rows
                              if r != 'network'}, (at, 'network', c): -1})

    def line(self, eq):
        self.lines.append(eq)
        self.add(eq)

    def vec(self, eq):
        v = {}
        for k, x in eq.items():
            i = self.var.setdefault(k, len(self.var))
            v[i] = v.get(i, 0) + Fraction(x)
        return {i: x for i, x in v.items() if x}

    def add(self, eq):
        v = reduce(self.vec(eq), self.basis)
        if v:
            self.basis[min(v)] = v

    def cell(self, w, r, c):
        """A window's cell: the sum of the kinds of person in it."""
        return {(at, r, c): 1 for at in atoms() if in_window(at, w)}

    def publish(self, w, r, c, value, true=None):
        """A figure of window w; true: its true count, when known."""
        if value == '*':
            self.withheld.append((w, r, c))
        elif value is not None:
            self.add(self.cell(w, r, c))
            self.figures.append((w, r, c, value))
        if INTERVALS and value in ('*', None) and true is not None and \
                ia.RULE_RANGE[RULE][0] <= true <= ia.RULE_RANGE[RULE][1]:
            self.small.append((w, r, c))

    def share(self, w, r, num, den, value):
        """A share shown: value% of num over den, row r of window w."""
        if value not in (None, '*'):
            self.add(self.cell(w, r, num))
            self.shares.append((w, r, num, den, value))

    def programme(self, model, published=True, exact=True):
        lp = ia.LP(exact)
        for v in self.var:
            lp.var(v)
        for eq in self.lines:
            lp.equal(eq)
        for w, r, c in self.small:	# each a variable of its own
            lp.equal({**self.cell(w, r, c), ('target', w, r, c): -1})
            lp.bound(('target', w, r, c), *ia.RULE_RANGE[RULE])
        for w, r, c, v in self.figures if published else ():
            lp.between(self.cell(w, r, c), *ia.shown_interval(RULE, v))
        shown = {(w, r, c): v for w, r, c, v in self.figures}
        for w, r, num, den, v in self.shares if published else ():
            if model == 'published' and (w, r, num) in shown and \
                    (w, r, den) in shown:
                continue	# what the row shows says it all
            ia.share_rows(lp, self.cell(w, r, num), self.cell(w, r, den), v,
                          model, shown.get((w, r, den)) if model ==
                          'published' else None)
        return lp

    def narrowed(self, model):
        """The rule's own withheld counts whose range the figures narrow
        beyond what withholding everything else would."""
        if not self.small:
            return []
        # Screened in floating point, each count it finds narrowed
        # worked out again exactly: the programme over six windows is
        # too large to solve exactly for every count within a minute.
        fast, lp, alone, out = self.programme(model, exact=False), None, \
            None, []
        if not fast.start():
            return ['the figures do not fit the true counts']
        for w, r, c in self.small:
            key = ('target', w, r, c)
            if not ia.narrow(RULE, ia.feasible_range(fast, key, RULE)):
                continue
            if lp is None:
                lp = self.programme(model)
                lp.start()
            rng = ia.feasible_range(lp, key, RULE)
            if not ia.narrow(RULE, rng):
                continue
            if alone is None:
                alone = self.programme(model, published=False)
                alone.start()
            most = ia.feasible_range(alone, key, RULE)
            if ia.narrower(rng, most):
                out.append('%s %s %s: %s..%s, not %s..%s' % (
                    w, r, c, *rng, *most))
        return out

    def determined(self):
        return [x for x in self.withheld
                if not reduce(self.vec(self.cell(*x)), self.basis)]


def self_test():
    """The attack finds a count worked out within one window, and one
    shown in one window is no secret in another that holds it alone."""
    w, ww = (QUARTERS[0], QUARTERS[0]), (QUARTERS[0], QUARTERS[1])
    a = Attack(['a', 'b', 'network'], ('x', 'y'), 't')
    a.publish(w, 'a', 'x', '*')
    a.publish(w, 'a', 'y', 5)
    a.publish(w, 'a', 't', 9)
    a.publish(ww, 'b', 'x', '*')
    assert a.determined() == [(w, 'a', 'x')]
    # The kinds of person a window of two quarters holds are not those
    # of its first quarter alone.
    a.publish(w, 'b', 'x', 12)
    assert a.determined() == [(w, 'a', 'x')]


self_test()
check(True, 'the attack works out a count by subtraction within a window '
      '(self-test)')
ia.self_test()


def rows_of(k):
    return [dict(s) for s in k['services']] + [dict(k['network'],
                                                    service='network')]


def share_model():
    """"published" when every share shown beside its count and total in
    any window is the one those published counts give, else
    "unrounded"."""
    off = n = 0
    for d in docs.values():
        pairs = []
        for measure in d['outcomes']['measures']:
            for scale in measure['scales']:
                for kind in KINDS:
                    for r in rows_of(scale[kind]):
                        pairs += [(r[COLS[c]], r['paired'], r[f])
                                  for c, f in PERCENTS.items()]
        for r in d['services'] + [d['network']]:
            pairs += [(i['agree'], i['answered'], i['agreePercent'])
                      for i in r['experience']['indicators']]
        for num, den, v in pairs:
            if isinstance(num, int) and isinstance(den, int) and den > 0 \
                    and isinstance(v, int):
                n += 1
                off += ia.round_half_up(num, den) != v
    check(n > 0 and not off, 'every one of the %d shares shown in the %d '
          'windows is worked out from the published counts beside it '
          '(%s)%s' % (n, len(docs), RULE, ': %d are not' % off if off
                      else ''))
    return 'unrounded' if off else 'published'


PERCENTS = {'I': 'improvedPercent', 'N': 'noChangePercent',
            'D': 'deterioratedPercent'}
MODEL = share_model()
narrowed = tried = 0


def intervals(a, what):
    """The interval attack on a, reported."""
    global narrowed, tried
    if not INTERVALS:
        return
    got = a.narrowed(MODEL)
    narrowed += len(got)
    tried += len(a.small)
    check(not got, '%s: each of its %d counts the rule withholds in one of '
          'the %d windows keeps the whole range the rule hides it in '
          'against every figure of all of them as an interval (%s, shares '
          'of %s counts)%s' % (what, len(a.small), len(docs), RULE, MODEL,
                               ': %s' % got[:3] if got else ''))


found = checked = 0
d0 = docs[WINDOWS[0]]
for m, measure in enumerate(d0['outcomes']['measures']):
    for s, scale in enumerate(measure['scales']):
        for kind in KINDS:
            rows = [r['service'] for r in rows_of(scale[kind])]
            counts = Attack(rows, ('I', 'N', 'D'), 'T')
            once = Attack(rows, ('O',), 'OT')
            for w, d in docs.items():
                k = d['outcomes']['measures'][m]['scales'][s][kind]
                tk = truth[w]['outcomes']['measures'][m]['scales'][s][kind]
                for r, t in zip(rows_of(k), rows_of(tk)):
                    assert r['service'] == t['service']
                    if BLOCKS and w[0] == w[1]:
                        # A quarter alone is a trend's point only: the
                        # recovery markers' improved share of the paired,
                        # at each service.
                        if m or r['service'] == 'network':
                            continue
                        counts.publish(w, r['service'], 'T', r['paired'],
                                       t['paired'])
                        counts.publish(w, r['service'], 'I',
                                       '*' if r['improved'] == '*' else None,
                                       t['improved'])
                        counts.share(w, r['service'], 'I', 'T',
                                     r['improvedPercent'])
                        continue
                    for c, f in COLS.items():
                        counts.publish(w, r['service'], c, r[f], t[f])
                    for c, f in PERCENTS.items():
                        counts.share(w, r['service'], c, 'T', r[f])
                    once.publish(w, r['service'], 'O', r['oneAnswerOnly'],
                                 t['oneAnswerOnly'])
                    once.publish(w, r['service'], 'OT', r['oneAnswerOnly'])
            for a, what in ((counts, 'reliable change'),
                            (once, 'answered once only')):
                got = a.determined()
                found += len(got)
                checked += len(a.withheld)
                check(not got, '%s, %s, %s: none of its %d counts withheld '
                      'in one of the %d windows can be worked out from all '
                      'of them (%s)%s' % (
                          scale['title'], kind, what, len(a.withheld),
                          len(docs), RULE, ': %s' % got[:3] if got else ''))
                intervals(a, '%s, %s, %s' % (scale['title'], kind, what))

# --- the indicators: the same kinds of person -------------------------------

for j, ind in enumerate(d0['network']['experience']['indicators']):
    rows = [s['service'] for s in d0['services']] + ['network']
    a = Attack(rows, ('A', 'NA'), 'T')
    for w, d in docs.items():
        if BLOCKS and w[0] == w[1]:
            continue	# indicators have no trend
        td = truth[w]
        for r, t in zip(d['services'] + [dict(d['network'],
                                              service='network')],
                        td['services'] + [td['network']]):
            i = r['experience']['indicators'][j]
            ti = t['experience']['indicators'][j]
            assert i['indicator'] == ind['indicator'] == ti['indicator']
            a.publish(w, r['service'], 'T', i['answered'], ti['answered'])
            a.publish(w, r['service'], 'A', i['agree'], ti['agree'])
            if INTERVALS:
                a.publish(w, r['service'], 'NA', None, ti['answered'] -
                          ti['agree'])
            a.share(w, r['service'], 'A', 'T', i['agreePercent'])
    got = a.determined()
    found += len(got)
    checked += len(a.withheld)
    check(not got, 'the indicator %s: none of its %d counts withheld in one '
          'of the %d windows can be worked out from all of them (%s)%s' % (
              ind['indicator'], len(a.withheld), len(docs), RULE,
              ': %s' % got[:3] if got else ''))
    intervals(a, 'the indicator %s' % ind['indicator'])
check(checked > 0, '%d withheld counts attacked across the windows (%s)' % (
    checked, RULE))
if INTERVALS:
    check(tried > 0, 'the interval attack tried %d counts the rule withholds '
          'across the windows (%s); %d narrowed' % (tried, RULE, narrowed))

# --- who is left out for want of an answer of their own ---------------------


def leftout_given(d):
    """Every service's and the network's people left out, as given."""
    return [(lo['noResponse'], lo['answeredByOthersOnly'])
            for r in d['services'] + [d['network']]
            for rec in r['recovery'] for lo in [rec['leftOut']]] + [
        (o['noResponse'], o['answeredByOthersOnly'])
        for m in d['outcomes']['measures'] for sc in m['scales']
        for o in sc['leftOut']['services'] + [sc['leftOut']['network']]]


if not BLOCKS:	# a year's quarters alone are trends, with no one left out
    check(all(v == (None, None) for d in docs.values()
              for v in leftout_given(d)),
          'no one left out for want of an answer is given for a window of '
          'one, two or three quarters (%s)' % RULE)
year = load('year.json')
check(all(v[0] is not None for v in leftout_given(year)),
      'those left out are given for a window of four quarters (%s..%s, %s)' %
      (year['from'], year['to'], RULE))

# --- the people on the caseloads --------------------------------------------

for name in sorted(os.listdir(DIR)):
    if not name.startswith('fhir-'):
        continue
    a, b = name[len('fhir-'):-len('.json')].split('..')
    length = (int(b[:4]) * 4 + int(b[-1])) - (int(a[:4]) * 4 + int(a[-1])) + 1
    mr = load(name)['entry'][0]['resource']
    given = [p for g in mr.get('group', [])
             for row in [g] + g['stratifier'][0]['stratum']
             for p in row['population']
             if p['code']['coding'][0]['code'] == 'initial-population' and
             'count' in p]
    check(bool(given) == (length == 4), 'the people on the caseloads are '
          '%s for a window of %d quarter%s (%s..%s)' % (
              'given' if given else 'not given', length,
              '' if length == 1 else 's', a, b))

print('\n'.join(results))
sys.exit(1 if any(r.startswith('FAIL') for r in results) else 0)
