"""The interval attack, shared by disclosure_attack.py and window_attack.py.

The attacks there ask whether a withheld count lies in the span of the
published equations, taking every shown figure as exact. That misses what
an attacker gets from inequalities: counts are never negative, a count
withheld by the rule itself lies in the rule's range (mhsds 0..4, hes
1..7), a count rounded to the nearest 5 lies within 2 of what is shown,
and a share shown as a whole percentage puts its numerator within half a
percent of its denominator. Put together, these can pin a withheld count
that no equation determines: "Reliably improved 5 (100%)" beside two
withheld cells says both are 0; "93% of 15" says the rest is exactly 1.

So for each count the rule withholds, the attacker works out its feasible
range: the smallest and largest value it can take under every published
figure at once, as a linear programme (the relaxation of the integer one:
its bounds are rounded inwards to whole people, which no integer solution
can beat). The solver is an exact bounded-variable simplex over
fractions.Fraction, with Bland's rule so that it always ends.

The criterion (docs/statistics.md says the same): the rule promises that a
count it withholds could be any value of its range, 0 to 4 under mhsds and
1 to 7 under hes. A withheld count whose true value is in that range is
disclosed when its feasible range, even granting the attacker that it and
every other such count is one, is narrower than the rule's whole range
(pinned to one value, or to fewer values than the rule hides it among),
and narrower than withholding could make it: than the range it would
keep were every other figure of the table withheld. (Under hes a
provider's total of 5, withheld, bounds its services' withheld counts
to 5 at most whatever else is shown; that is the rule's own limit, not a
figure's.)

What a published figure tells the attacker:
- a count shown as v (rounded to the nearest 5): the true count is in
  [v - 2, v + 2], and not in the range the rule withholds (shown 5 under
  mhsds is 5 to 7); shown as 0 under hes, exactly 0 (1 to 7 would be
  withheld, 8 or more rounds to 10);
- a figure that is the sum of k cells as published (a view's total over
  several providers, the goals reviewed): within 2k of the sum of their
  true counts, however it was worked out;
- a share s% of the unrounded counts ("unrounded"): the numerator is
  between (s - 0.5)% and (s + 0.5)% of the denominator;
- a share s% of the published counts ("published"): it says only what the
  published numerator and denominator say, so where both are shown it says
  nothing more; where the numerator is not shown, its published value is
  within (s +- 0.5)% of the published denominator, so the true one within
  that and 2 either way.
"""
from fractions import Fraction
import math

# The range of counts each rule withholds itself, and the half-width of
# its rounding.
RULE_RANGE = {'mhsds': (0, 4), 'hes': (1, 7)}
HALF = 2
INF = None


def shown_interval(rule, v, parts=1):
    """The true count behind a figure shown as v: a cell's, or the sum of
    `parts` cells each published on its own."""
    if v == 0:		# 1 and 2 are withheld, or shown as they are
        return 0, 0
    if parts > 1:
        return max(0, v - HALF * parts), v + HALF * parts
    lo, hi = max(0, v - HALF), v + HALF
    wlo, whi = RULE_RANGE[rule]
    if lo <= whi and hi >= wlo:	# what the rule would withhold is not it
        if v <= whi:
            hi = min(hi, wlo - 1)
        else:
            lo = max(lo, whi + 1)
    return lo, hi


def round_half_up(num, den):
    return (200 * num + den) // (2 * den)


class LP:
    """Minimise or maximise one variable over {A x = 0 rows, l <= x <= u}.

    Variables are keys; each is bounded [0, inf) unless told otherwise.
    Rows are sparse dicts {key: coefficient}. A range row lo <= a.x <= hi
    becomes a.x - s = 0 with a slack s bounded [lo, hi]."""

    def __init__(self, exact=True):
        """exact: in fractions; else in floating point, to screen many
        cells fast (with a tolerance), confirming what it finds exactly."""
        self.index = {}
        self.lo, self.hi = [], []
        self.rows = []
        self.num = Fraction if exact else float
        self.eps = 0 if exact else 1e-9

    def var(self, key, lo=0, hi=INF):
        if key not in self.index:
            self.index[key] = len(self.lo)
            self.lo.append(None if lo is None else self.num(lo))
            self.hi.append(None if hi is None else self.num(hi))
        return self.index[key]

    def bound(self, key, lo=None, hi=None):
        """Narrows a variable's bounds."""
        j = self.var(key)
        if lo is not None and (self.lo[j] is None or lo > self.lo[j]):
            self.lo[j] = self.num(lo)
        if hi is not None and (self.hi[j] is None or hi < self.hi[j]):
            self.hi[j] = self.num(hi)

    def equal(self, coeffs, value=0):
        """sum coeffs . x = value."""
        self.between(coeffs, value, value)

    def between(self, coeffs, lo=None, hi=None):
        row = {}
        for k, c in coeffs.items():
            if c:
                j = self.var(k)
                row[j] = row.get(j, 0) + self.num(c)
        row = {j: c for j, c in row.items() if c}
        if len(row) == 1:		# a bound on one variable
            (j, c), = row.items()
            lo2, hi2 = lo, hi
            if c < 0:
                lo2, hi2 = (None if hi is None else -self.num(hi)), \
                    (None if lo is None else -self.num(lo))
            c = abs(c)
            self.bound_index(j, None if lo2 is None else self.num(lo2) / c,
                             None if hi2 is None else self.num(hi2) / c)
            return
        s = len(self.lo)
        self.lo.append(None if lo is None else self.num(lo))
        self.hi.append(None if hi is None else self.num(hi))
        row[s] = self.num(-1)
        self.rows.append(row)

    def bound_index(self, j, lo, hi):
        if lo is not None and (self.lo[j] is None or lo > self.lo[j]):
            self.lo[j] = lo
        if hi is not None and (self.hi[j] is None or hi < self.hi[j]):
            self.hi[j] = hi

    # --- the simplex ------------------------------------------------------

    def start(self):
        """Phase 1: a feasible basis, kept for every objective after.
        False when the figures contradict each other (a bug in the model
        of what is published, never in the figures)."""
        n = len(self.lo)
        if any(l is not None and h is not None and l > h
               for l, h in zip(self.lo, self.hi)):
            return False
        x = []
        for l, h in zip(self.lo, self.hi):
            x.append(l if l is not None else h if h is not None else
                     self.num(0))
        lo, hi = list(self.lo), list(self.hi)
        rows, basis = [], []
        art = []
        for row in self.rows:
            r = -sum(c * x[j] for j, c in row.items())
            a = len(lo)
            lo.append(self.num(0))
            hi.append(None)
            sign = 1 if r >= 0 else -1
            x.append(abs(r))
            row = dict(row)
            row[a] = self.num(sign)
            # The artificial is basic: its row divided by its coefficient.
            if sign < 0:
                row = {j: -c for j, c in row.items()}
            rows.append(row)
            basis.append(a)
            art.append(a)
        self.n_real = n
        self.t = Tableau(rows, basis, x, lo, hi, self.eps)
        cost = {a: self.num(1) for a in art}
        self.t.optimise(cost, stop=lambda v: v <= self.eps * len(art))
        if sum(self.t.x[a] for a in art) > 1e-6 if self.eps else \
                sum(self.t.x[a] for a in art) != 0:
            return False
        for a in art:		# fixed at 0 from now on
            self.t.hi[a] = self.num(0)
        return True

    def extreme(self, key, maximise, stop=None):
        """The least (or greatest) value of the variable, or None when it
        is unbounded; stops early once `stop` (a value) is reached."""
        j = self.index[key]
        t = self.t.copy()
        sign = -1 if maximise else 1
        cost = {j: self.num(sign)}

        def done(v):		# v is the cost: -x when maximising
            return stop is not None and v <= sign * stop + 1e3 * self.eps
        if not t.optimise(cost, stop=done):
            return None
        return t.x[j]


class Tableau:
    """The simplex's dictionary: each row is one equation over every
    variable, with its basic variable's coefficient 1; x holds every
    variable's value (nonbasic ones at a bound, or 0 when free)."""

    def __init__(self, rows, basis, x, lo, hi, eps=0):
        self.rows, self.basis, self.x, self.lo, self.hi = rows, basis, x, \
            lo, hi
        self.eps = eps

    def copy(self):
        return Tableau([dict(r) for r in self.rows], list(self.basis),
                       list(self.x), self.lo, list(self.hi), self.eps)

    def eliminate(self, row, prow, e):
        """Takes e out of a row (or the costs) with the pivot row."""
        f = row.get(e)
        if not f:
            return
        for k, v in prow.items():
            y = row.get(k, 0) - f * v
            if abs(y) > self.eps:
                row[k] = y
            else:
                row.pop(k, None)

    def optimise(self, cost, stop):
        """Minimises cost . x; False when unbounded. `stop(value)` ends it
        early."""
        where = {b: i for i, b in enumerate(self.basis)}
        # Reduced costs: cost less the basic rows it holds.
        d = dict(cost)
        for j, c in cost.items():
            if j in where:
                for k, a in self.rows[where[j]].items():
                    d[k] = d.get(k, 0) - c * a
        eps = self.eps
        d = {k: v for k, v in d.items() if abs(v) > eps and k not in where}
        while True:
            value = sum(c * self.x[j] for j, c in cost.items())
            if stop(value):
                return True
            e = None
            for j in sorted(d):
                if d[j] < -eps and (self.hi[j] is None or
                                    self.x[j] < self.hi[j] - eps):
                    e, sigma = j, 1
                    break
                if d[j] > eps and (self.lo[j] is None or
                                   self.x[j] > self.lo[j] + eps):
                    e, sigma = j, -1
                    break
            if e is None:
                return True
            # The ratio test, Bland's rule on ties (smallest variable).
            step, leave = None, None
            if self.lo[e] is not None and self.hi[e] is not None:
                step = self.hi[e] - self.lo[e]
            for i, row in enumerate(self.rows):
                a = row.get(e)
                if not a or abs(a) <= eps:
                    continue
                b = self.basis[i]
                rate = -a * sigma
                if rate > 0 and self.hi[b] is not None:
                    lim = max(0, (self.hi[b] - self.x[b]) / rate)
                elif rate < 0 and self.lo[b] is not None:
                    lim = max(0, (self.x[b] - self.lo[b]) / -rate)
                else:
                    continue
                if step is None or lim < step or (
                        lim == step and leave is not None and
                        b < self.basis[leave]):
                    step, leave = lim, i
            if step is None:
                return False
            self.x[e] += sigma * step
            for i, row in enumerate(self.rows):
                a = row.get(e)
                if a:
                    self.x[self.basis[i]] -= a * sigma * step
            if leave is None:		# the entering variable's bounds
                continue
            # Pivot: e enters in row `leave`.
            prow = self.rows[leave]
            a = prow[e]
            prow = {k: v / a for k, v in prow.items()}
            self.rows[leave] = prow
            for i, row in enumerate(self.rows):
                if i != leave:
                    self.eliminate(row, prow, e)
            self.eliminate(d, prow, e)
            old = self.basis[leave]
            del where[old]
            self.basis[leave] = e
            where[e] = leave
            d.pop(e, None)
            # The variable that left is nonbasic at the bound it reached.


def feasible_range(lp, key, rule, stop=True):
    """The whole numbers a cell can take: (lowest, highest), highest None
    when unbounded. With stop, the search ends once the rule's range is
    reached on either side (all the criterion needs)."""
    a, b = RULE_RANGE[rule]
    hi = lp.extreme(key, True, b if stop else None)
    lo = lp.extreme(key, False, a if stop else None)
    tol = 1e3 * lp.eps
    return (math.ceil(lo - tol) if lo is not None else 0,
            math.floor(hi + tol) if hi is not None else None)


def narrow(rule, rng):
    """1 when a feasible range is narrower than the range the rule hides
    a count among."""
    a, b = RULE_RANGE[rule]
    lo, hi = rng
    return lo > a or (hi is not None and hi < b)


def narrower(rng, most):
    """1 when a feasible range is narrower than `most`, the range the
    count would keep were every other figure withheld too."""
    return rng[0] > most[0] or (rng[1] is not None and (
        most[1] is None or rng[1] < most[1]))


def share_rows(lp, num, den, s, model, den_value=None):
    """The rows a share s% of num over den (each {key: 1}, a sum of cells
    each published on its own) puts on the attacker's programme. Model
    "unrounded": of the true counts. Model "published": of the published
    counts, each true one within HALF of its published part's; with the
    denominator's published value den_value where the row shows it."""
    lo = max(Fraction(0), Fraction(2 * s - 1, 200))
    hi = Fraction(2 * s + 1, 200)

    def less(f):		# num - f den, a denominator's cells may be
        row = dict(num)		# the numerator's too (higher of reviewed)
        for k, c in den.items():
            row[k] = row.get(k, 0) - f * c
        return row
    if model == 'unrounded':
        lp.between(less(lo), 0, None)
        lp.between(less(hi), None, 0)
        return
    wn, wd = HALF * len(num), HALF * len(den)
    if den_value is not None:
        lp.between(num, lo * den_value - wn, hi * den_value + wn)
        return
    # N <= hi (D + wd) + wn, N >= lo (D - wd) - wn.
    lp.between(less(lo), -lo * wd - wn, None)
    lp.between(less(hi), None, hi * wd + wn)


def row(rule, shown, small, share=None):
    """A row I + N + D = T: shown {cell: value}, the cells the rule
    withholds `small`, and a share (num, den, %, model, den_value)."""
    lp = LP()
    lp.equal({'I': 1, 'N': 1, 'D': 1, 'T': -1})
    for k, v in shown.items():
        lp.between({k: 1}, *shown_interval(rule, v))
    if share:
        num, den, v, model, dv = share
        share_rows(lp, {num: 1}, {den: 1}, v, model, den_value=dv)
    for k in small:
        lp.bound(k, *RULE_RANGE[rule])
    assert lp.start()
    return lp


def self_test():
    """The review's two leaks, found; and a table whose withheld cells
    keep their whole range, passed."""
    # "93% of 15": agree (I) 14 of 15, the share of the unrounded counts;
    # the rest (N), 1, is pinned though neither is shown.
    lp = row('mhsds', {'T': 15, 'D': 0}, ['N'],
             ('I', 'T', 93, 'unrounded', None))
    assert feasible_range(lp, 'N', 'mhsds') == (1, 1)
    # The same page with the share of the published counts: agree is
    # shown only through it, so the attacker knows it within 2 of 93% of
    # 15 (14), and the rest keeps 0 to 4.
    lp = row('mhsds', {'T': 15, 'D': 0}, ['N'],
             ('I', 'T', 93, 'published', 15))
    assert not narrow('mhsds', feasible_range(lp, 'N', 'mhsds'))
    # "Reliably improved 5 (100%)" beside two withheld: both 0.
    lp = row('mhsds', {'I': 5, 'T': 5}, ['N', 'D'],
             ('I', 'T', 100, 'unrounded', None))
    assert feasible_range(lp, 'N', 'mhsds') == (0, 0)
    # Two withheld in a row whose other cells are shown, the pair's sum
    # known within 4: under hes, 1..7 each, a sum of at most 4 pins
    # each below 4.
    lp = row('hes', {'T': 10, 'N': 10}, ['I', 'D'])
    assert feasible_range(lp, 'I', 'hes') == (1, 3)
    # A wide partner keeps the whole range.
    lp = row('hes', {'T': 40, 'N': 10}, ['I'])
    assert feasible_range(lp, 'I', 'hes') == (1, 7)
    assert not narrow('hes', (1, 7))
    assert narrower((1, 3), (1, 7)) and not narrower((1, 5), (1, 5))


if __name__ == '__main__':
    self_test()
    print('pass the interval attack pins what the review found (self-test)')
