"""The demo network's figures for commissioners, worked out from the raw
tables with nothing of Waymark's own code, so the demo can be shown to give
the network view something true to find.

Recovery (issue 10, sections 2 and 3), for the DREEM recovery markers
answered by the person alone (respondent `person`):
- a response's score is the mean of the scale's scored answers when at
  least the scale's minAnsweredPercent of its items are answered (read from
  the instrument file stored in the database); checked against the score
  table, which the store keeps at write time;
- per person, their first score ever against their latest in the window,
  for people with two or more scores up to the window's end; the service is
  that of the latest answer;
- reliable change (Jacobson and Truax): |latest - first| > 1.96 * SD *
  sqrt(2) * sqrt(1 - r), SD the sample SD of people's first scores across
  the network, r Cronbach's alpha of the scale's items over people's first
  answers that answered every item;
- a funnel plot of the share reliably improved (Spiegelhalter, 2005): exact
  binomial 99.8% limits with interpolation around the network's share; the
  z-scores Winsorised at 10% and 90% give phi = mean z^2, and when phi > 1
  the limits are widened by an additive random effect tau2 and are
  theta +- 3.090232 sqrt(theta (1 - theta) / n + tau2).
The funnel is fitted twice: over every service with a paired person, at
its exact counts, and as Waymark draws it for commissioners: over only the
services whose share NHS England's MHSDS rule lets be shown (numerator and
denominator 5 or more), at their counts as published, rounded to the
nearest 5 (Waymark fits the plot to the published figures, so that it
tells no more than they do); each must place the services alike.

Also per service: the paired-outcome rate (people on the caseload now who
joined 180 or more days before TODAY, with two or more scored answers to the
recovery markers by anyone), the recovery markers' cycle completion over the
last 12 months (bench/plain_completion.sql, the plain recursive query over
the raw tables) and goals (people on the caseload with goals of their own,
those with a goal reviewed twice or more, and those with such a goal whose
latest review is higher than its first).

Who is left out, for the last four quarters of the demo: per service,
the people on its caseload on any day of them with no scored answer to
the recovery markers by their end, by anyone (no response); and what
people say: each person's latest response to the supportive service
indicators in those quarters, at the service it was about, per
indicator the people who answered it on its scale and those who agree
(a value above the middle of the question's scored values). With
--report (`waymark report network --format json --disclosure none` for
the same quarters) each must be the report's, service by service.

The estimate of reliability must rest on at least 30 complete first
answers, as Waymark requires before it publishes a threshold.

Usage: demo_outcomes.py DB [--above CODE] [--below CODE] [--small CODE]
           [--spread F] [--today YYYY-MM-DD] [--report FILE] [--show]
With --above, --below or --small it checks that exactly that service is
above (below) the limits in every window and fit, that the small one has
fewer than 5 people paired, and that the paired-outcome rate, cycle
completion and goals differ between services by at least --spread (default
0.15). Prints the figures with --show. Exits 1 with the reason if a check
fails.
"""
import argparse
import json
import math
import os
import sqlite3
import sys

SCALE = 'recovery-markers'
Z95, Z998 = 1.959964, 3.090232
# The windows the network view may be asked for: every answer, the demo's
# last four quarters, and the four quarters to the end of the year after.
WINDOWS = [(None, None), ('2025-Q4', '2026-Q3'), ('2026-Q1', '2026-Q4')]
HERE = os.path.dirname(os.path.abspath(__file__))
COMPLETION_SQL = os.path.join(HERE, '..', '..', 'bench',
                              'plain_completion.sql')


class CheckFailed(Exception):
    pass


def check(ok, why):
    if not ok:
        raise CheckFailed(why)


# --- statistics ------------------------------------------------------------

def binomial_cdf(n, k, p):
    """P(X <= k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    if p <= 0:
        return 1.0
    if p >= 1:
        return 0.0
    lp, lq = math.log(p), math.log1p(-p)
    base = math.lgamma(n + 1)
    return min(1.0, sum(math.exp(base - math.lgamma(i + 1) -
                                 math.lgamma(n - i + 1) + i * lp +
                                 (n - i) * lq) for i in range(k + 1)))


def exact_limit(theta, n, prob):
    """Spiegelhalter's exact binomial limit with interpolation."""
    prev = 0.0
    for r in range(n + 1):
        f = binomial_cdf(n, r, theta)
        if f >= prob:
            alpha = (f - prob) / (f - prev) if f > prev else 0.0
            return (r - alpha) / n
        prev = f
    return 1.0


def self_test():
    """The values issue 10 gives for theta = 0.5."""
    want = {20: (0.136736, 0.255824, 0.694176, 0.813264),
            100: (0.341216, 0.396824, 0.593176, 0.648784)}
    for n, limits in want.items():
        for prob, w in zip((0.001, 0.025, 0.975, 0.999), limits):
            got = exact_limit(0.5, n, prob)
            check(abs(got - w) < 5e-7,
                  'exact limit n=%d p=%g: %.6f, not %.6f' % (n, prob, got, w))


def sample_var(xs):
    n = len(xs)
    m = sum(xs) / n
    return sum((x - m) ** 2 for x in xs) / (n - 1)


def cronbach_alpha(rows):
    k = len(rows[0])
    items = sum(sample_var([r[i] for r in rows]) for i in range(k))
    total = sample_var([sum(r) for r in rows])
    return k / (k - 1) * (1 - items / total)


def funnel_fit(units):
    """units: [(n, x)] with n > 0. Returns theta, phi, tau2."""
    k = len(units)
    theta = sum(x for n, x in units) / sum(n for n, x in units)
    check(0 < theta < 1, 'the network share is %g: no funnel' % theta)
    z = sorted((x / n - theta) / math.sqrt(theta * (1 - theta) / n)
               for n, x in units)
    g = int(0.1 * k)
    for i in range(g):
        z[i] = z[g]
        z[k - 1 - i] = z[k - 1 - g]
    phi = sum(v * v for v in z) / k
    tau2 = 0.0
    if phi > 1:
        w = [n / (theta * (1 - theta)) for n, x in units]
        sw = sum(w)
        tau2 = max(0.0, (k * phi - (k - 1)) / (sw - sum(v * v for v in w) /
                                               sw))
    return theta, phi, tau2


def limits998(theta, phi, tau2, n):
    if phi > 1:
        half = Z998 * math.sqrt(theta * (1 - theta) / n + tau2)
        return max(0.0, theta - half), min(1.0, theta + half)
    return exact_limit(theta, n, 0.001), exact_limit(theta, n, 0.999)


# --- reading the demo --------------------------------------------------------

def marker_scoring(db):
    """{instrument_id: (item indices, min answered percent)} for every
    instrument with the recovery markers scale, read from its file."""
    out = {}
    for iid, content in db.execute(
            "SELECT i.id, i.content FROM instrument i JOIN instrument_scale s"
            " ON s.instrument_id = i.id WHERE s.code = ?", (SCALE,)):
        link = {l: x for x, l in db.execute(
            'SELECT idx, link_id FROM instrument_item'
            ' WHERE instrument_id = ?', (iid,))}
        for ext in json.loads(content).get('extension', []):
            if not ext['url'].endswith('/scale'):
                continue
            sub = ext['extension']
            if not any(e['url'] == 'code' and e['valueCode'] == SCALE
                       for e in sub):
                continue
            items = [link[e['valueString']] for e in sub
                     if e['url'] == 'item']
            method = [e['valueCode'] for e in sub if e['url'] == 'method']
            check(method == ['mean'], 'the markers are not scored by mean')
            pct = [e['valueInteger'] for e in sub
                   if e['url'] == 'minAnsweredPercent']
            out[iid] = (items, pct[0] if pct else 100)
    check(out, 'no instrument has the %s scale' % SCALE)
    return out


def scored_responses(db):
    """Completed recovery-marker responses about people with a score, in
    order: (id, person, unit, respondent, authored, quarter, score,
    answers by item, or None if not every item was answered)."""
    scoring = marker_scoring(db)
    values = {}
    for rid, item, value in db.execute(
            "SELECT a.response_id, a.item, o.value FROM answer a"
            " JOIN response r ON r.id = a.response_id"
            " JOIN instrument_option o ON o.instrument_id = r.instrument_id"
            "  AND o.item_idx = a.item AND o.idx = a.option"
            " WHERE o.value IS NOT NULL AND r.instrument_id IN (%s)" %
            ','.join('?' * len(scoring)), tuple(scoring)):
        values.setdefault(rid, {})[item] = value
    stored = dict(db.execute(
        "SELECT s.response_id, s.value FROM score s"
        " JOIN instrument_scale c ON c.instrument_id = s.instrument_id"
        "  AND c.idx = s.scale WHERE c.code = ?", (SCALE,)))
    out = []
    for row in db.execute(
            "SELECT id, instrument_id, subject_id, unit_id, respondent,"
            " authored, quarter FROM response WHERE status = 'completed'"
            " AND subject_kind = 'person' AND instrument_id IN (%s)"
            " ORDER BY authored, id" % ','.join('?' * len(scoring)),
            tuple(scoring)):
        rid, iid, person, unit, who, authored, quarter = row
        items, pct = scoring[iid]
        got = [values.get(rid, {}).get(i) for i in items]
        given = [v for v in got if v is not None]
        score = None
        if given and len(given) * 100 >= pct * len(items):
            score = sum(given) / len(given)
        s = stored.get(rid)
        check(score is None and s is None or
              score is not None and s is not None and abs(s - score) < 1e-9,
              'response %d: score %r, the store has %r' % (rid, score, s))
        if score is not None:
            out.append((rid, person, unit, who, authored, quarter, score,
                        got if len(given) == len(items) else None))
    return out


def reliability(responses):
    """SD of first scores and Cronbach's alpha over complete first answers,
    for people answering alone."""
    first = {}
    for r in responses:
        if r[3] == 'person' and r[1] not in first:
            first[r[1]] = r
    firsts = list(first.values())
    sd = math.sqrt(sample_var([r[6] for r in firsts]))
    complete = [r[7] for r in firsts if r[7] is not None]
    alpha = cronbach_alpha(complete)
    return sd, alpha, len(firsts), len(complete)


def outcomes(responses, window, threshold):
    """{unit: [paired, improved, no change, deteriorated]} for people
    answering alone, in the window (from, to) of quarters."""
    lo, hi = window
    per = {}
    for r in responses:
        if r[3] == 'person':
            per.setdefault(r[1], []).append(r)
    out = {}
    for rows in per.values():
        upto = [r for r in rows if hi is None or r[5] <= hi]
        inside = [r for r in upto if lo is None or r[5] >= lo]
        if not inside or len(upto) < 2:
            continue
        first, latest = rows[0], inside[-1]
        t = out.setdefault(latest[2], [0, 0, 0, 0])
        change = latest[6] - first[6]
        t[0] += 1
        t[1 if change > threshold else 3 if -change > threshold else 2] += 1
    return out


def days_of(window):
    """The first and last day of a window of quarters."""
    lo, hi = window
    y, q = int(lo[:4]), int(lo[6:])
    first = '%04d-%02d-01' % (y, (q - 1) * 3 + 1)
    y, q = int(hi[:4]), int(hi[6:])
    last = '%04d-%s' % (y, ('03-31', '06-30', '09-30', '12-31')[q - 1])
    return first, last


def no_response(db, responses, window):
    """{unit: people on its caseload in the window with no scored answer
    to the recovery markers by its end}: a spell does not include the day
    it ends."""
    first, last = days_of(window)
    answered = {r[1] for r in responses if r[4] <= last}
    out = {}
    for unit, person in db.execute(
            "SELECT DISTINCT unit_id, person_id FROM caseload"
            " WHERE start_date <= ? AND (end_date IS NULL OR"
            " (end_date > ? AND end_date > start_date))", (last, first)):
        out[unit] = out.get(unit, 0) + (person not in answered)
    return out


def indicators(db, window):
    """{(unit, linkId): [answered, agree]}: each person's latest
    supportive service indicators response in the window."""
    first, last = days_of(window)
    latest = {}
    for rid, person, unit in db.execute(
            "SELECT r.id, r.subject_id, r.unit_id FROM response r"
            " JOIN instrument i ON i.id = r.instrument_id"
            " WHERE i.url LIKE '%/dreem-supportive-service-indicators'"
            " AND r.status = 'completed' AND r.subject_kind = 'person'"
            " AND r.authored BETWEEN ? AND ? ORDER BY r.authored, r.id",
            (first, last)):
        latest[person] = (rid, unit)
    ends = {}
    for iid, item, value in db.execute(
            "SELECT instrument_id, item_idx, value FROM instrument_option"
            " WHERE value IS NOT NULL"):
        lo, hi = ends.get((iid, item), (value, value))
        ends[(iid, item)] = (min(lo, value), max(hi, value))
    out = {}
    for rid, unit in latest.values():
        for iid, item, link, value in db.execute(
                "SELECT r.instrument_id, a.item, it.link_id, o.value"
                " FROM response r JOIN answer a ON a.response_id = r.id"
                " JOIN instrument_item it ON it.instrument_id ="
                "  r.instrument_id AND it.idx = a.item"
                " JOIN instrument_option o ON o.instrument_id ="
                "  r.instrument_id AND o.item_idx = a.item"
                "  AND o.idx = a.option"
                " WHERE r.id = ? AND o.value IS NOT NULL", (rid,)):
            lo, hi = ends[(iid, item)]
            t = out.setdefault((unit, link), [0, 0])
            t[0] += 1
            t[1] += hi > lo and value > (lo + hi) / 2
    return out


def against_report(db, code, responses, path):
    """No response and the indicators, service by service, as the
    report has them."""
    rep = json.load(open(path))
    window = (rep['from'], rep['to'])
    none = no_response(db, responses, window)
    ind = indicators(db, window)
    unit = {c: u for u, c in code.items()}
    checked = 0
    for s in rep['services']:
        u = unit[s['service']]
        got = s['recovery'][0]['leftOut']['noResponse']
        check(got == none.get(u, 0), '%s: no response %r, worked out %r' %
              (s['service'], got, none.get(u, 0)))
        for i in s['experience']['indicators']:
            want = ind.get((u, i['indicator']), [0, 0])
            check([i['answered'], i['agree']] == want, '%s, %s: %r, worked '
                  'out %r' % (s['service'], i['indicator'],
                              [i['answered'], i['agree']], want))
            checked += 1
    print('left out and indicators %s..%s: no response %d, indicators '
          'answered %d, agree %d, as the report has them (%d figures)' % (
              window[0], window[1], sum(none.values()),
              sum(v[0] for v in ind.values()),
              sum(v[1] for v in ind.values()), checked))


def services(db):
    return dict(db.execute(
        "SELECT id, code FROM unit WHERE kind = 'service' ORDER BY id"))


def paired_rate(db, responses, today):
    scored = {}
    for r in responses:
        scored[r[1]] = scored.get(r[1], 0) + 1
    out = {}
    for unit, person in db.execute(
            "SELECT unit_id, person_id FROM caseload WHERE end_date IS NULL"
            " AND start_date <= date(?, '-180 days')", (today,)):
        t = out.setdefault(unit, [0, 0])
        t[0] += 1
        t[1] += scored.get(person, 0) >= 2
    return out


def completion(db, today):
    with open(COMPLETION_SQL) as f:
        sql = f.read()
    cycles = dict(db.execute(
        "SELECT id, unit_id FROM cycle WHERE instrument_url LIKE"
        " '%/dreem-recovery-markers'"))
    out = {}
    for cycle, month, due, done in db.execute(sql, {'today': today,
                                                    'unit': None}):
        if cycle in cycles:
            t = out.setdefault(cycles[cycle], [0, 0])
            t[0] += due
            t[1] += done
    return out


def goals(db):
    out = {}
    reviews = {}
    for goal, person, unit, rating in db.execute(
            "SELECT g.id, g.person_id, k.unit_id, v.rating FROM goal g"
            " JOIN caseload k ON k.person_id = g.person_id"
            "  AND k.end_date IS NULL"
            " LEFT JOIN goal_review v ON v.goal_id = g.id"
            " ORDER BY g.id, v.reviewed, v.id"):
        reviews.setdefault((unit, person, goal), []).append(rating)
    people = {}
    for (unit, person, goal), ratings in reviews.items():
        ratings = [x for x in ratings if x is not None]
        p = people.setdefault((unit, person), [0, 0])
        if len(ratings) >= 2:
            p[0] = 1
            p[1] |= ratings[-1] > ratings[0]
    for (unit, person), (reviewed, higher) in people.items():
        t = out.setdefault(unit, [0, 0, 0])
        t[0] += 1
        t[1] += reviewed
        t[2] += higher
    return out


# --- the checks ----------------------------------------------------------------

def rounded(n):
    """A count as MHSDS publishes it: to the nearest 5, half up."""
    return (n + 2) // 5 * 5


def places(tally, shown_only):
    units = [(u, t[0], t[1]) for u, t in sorted(tally.items())
             if t[0] > 0 and (not shown_only or (t[0] >= 5 and t[1] >= 5))]
    if shown_only:
        units = [(u, rounded(n), rounded(x)) for u, n, x in units]
    theta, phi, tau2 = funnel_fit([(n, x) for u, n, x in units])
    placed = {}
    for u, n, x in units:
        lo, hi = limits998(theta, phi, tau2, n)
        placed[u] = (n, x, lo, hi)
    return theta, phi, tau2, placed


def share(t, num=1, den=0):
    return t[num] / t[den] if t and t[den] else None


def spread(name, figures, want):
    shares = [s for s in figures if s is not None]
    got = max(shares) - min(shares) if len(shares) > 1 else 0
    check(got >= want, '%s is too even across services: from %.2f to %.2f'
          % (name, min(shares or [0]), max(shares or [0])))


def run(args):
    self_test()
    db = sqlite3.connect(args.db)
    code = services(db)
    unit = {c: u for u, c in code.items()}
    for c in (args.above, args.below, args.small):
        check(c is None or c in unit, 'no service %s' % c)
    responses = scored_responses(db)
    sd, alpha, n_first, n_complete = reliability(responses)
    threshold = 1.96 * sd * math.sqrt(2) * math.sqrt(1 - alpha)
    print('reliable change: SD %.3f of %d first scores, alpha %.3f of %d '
          'complete first answers, threshold %.3f'
          % (sd, n_first, alpha, n_complete, threshold))
    check(n_complete >= 30, 'the estimate rests on %d complete first '
          'answers, fewer than the 30 a threshold needs' % n_complete)
    if args.report:
        against_report(db, code, responses, args.report)
    for window in WINDOWS:
        tally = outcomes(responses, window, threshold)
        for shown_only in (False, True):
            theta, phi, tau2, placed = places(tally, shown_only)
            name = '%s..%s%s' % (window[0] or 'start', window[1] or 'end',
                                 ', as published' if shown_only else '')
            print('window %s: %d services, theta %.3f, phi %.2f, tau2 %.4f'
                  % (name, len(placed), theta, phi, tau2))
            above = {code[u] for u, (n, x, lo, hi) in placed.items()
                     if x / n > hi}
            below = {code[u] for u, (n, x, lo, hi) in placed.items()
                     if x / n < lo}
            if args.show:
                for u, (n, x, lo, hi) in sorted(placed.items()):
                    print('  %-20s paired %4d improved %4d = %.3f  '
                          'limits %.3f..%.3f%s' % (
                              code[u], n, x, x / n, lo, hi,
                              '  ABOVE' if x / n > hi else
                              '  BELOW' if x / n < lo else ''))
            if args.above or args.below:
                check(phi > 1, '%s: phi %.3f is not above 1' % (name, phi))
            if args.above:
                check(above == {args.above}, '%s: above the limits: %s, '
                      'wanted %s' % (name, sorted(above), args.above))
                n, x, lo, hi = placed[unit[args.above]]
                check(x - hi * n >= 2, '%s: %s is not clearly above (%d of '
                      '%d, limit %.3f)' % (name, args.above, x, n, hi))
            if args.below:
                check(below == {args.below}, '%s: below the limits: %s, '
                      'wanted %s' % (name, sorted(below), args.below))
                n, x, lo, hi = placed[unit[args.below]]
                check(lo * n - x >= 2, '%s: %s is not clearly below (%d of '
                      '%d, limit %.3f)' % (name, args.below, x, n, lo))
        if args.small:
            t = tally.get(unit[args.small], [0])
            check(t[0] < 5, 'window %s: %s has %d people paired, not fewer '
                  'than 5' % (window, args.small, t[0]))
    if args.small:
        any_who = {}
        for r in responses:
            if r[2] == unit[args.small]:
                any_who[r[1]] = any_who.get(r[1], 0) + 1
        paired = sum(1 for v in any_who.values() if v >= 2)
        check(paired < 5, '%s: %d people paired with anyone, not fewer than 5'
              % (args.small, paired))
        print('%s: %d people paired (alone or with a practitioner)'
              % (args.small, paired))
    rate = paired_rate(db, responses, args.today)
    done = completion(db, args.today)
    goal = goals(db)
    print('%-20s %13s %13s %21s' % ('service', 'paired rate', 'completion',
                                    'goals (rev./higher)'))
    for u in sorted(code):
        r, c, g = rate.get(u), done.get(u), goal.get(u)
        print('%-20s %4d/%4d %3s %4d/%4d %3s %4d %4d %4d' % (
            code[u], r[1] if r else 0, r[0] if r else 0,
            '%d%%' % round(100 * share(r)) if share(r) is not None else '-',
            c[1] if c else 0, c[0] if c else 0,
            '%d%%' % round(100 * share(c)) if share(c) is not None else '-',
            g[0] if g else 0, g[1] if g else 0, g[2] if g else 0))
    if args.above or args.below or args.small:
        big = [u for u in code if args.small is None or u != unit[args.small]]
        spread('the paired-outcome rate', [share(rate.get(u)) for u in big],
               args.spread)
        spread('cycle completion', [share(done.get(u)) for u in big],
               args.spread)
        spread('goals reviewed', [share(goal.get(u)) for u in big],
               args.spread)
        spread('goals rated higher', [share(goal.get(u), 2, 1) for u in big],
               args.spread)


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('db')
    p.add_argument('--above')
    p.add_argument('--below')
    p.add_argument('--small')
    p.add_argument('--spread', type=float, default=0.15)
    p.add_argument('--today', default='2026-10-01')
    p.add_argument('--report')
    p.add_argument('--show', action='store_true')
    args = p.parse_args()
    try:
        run(args)
    except CheckFailed as e:
        print('FAIL: %s' % e)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
