"""Checks `waymark report network` against the API and against itself.

Given the command's CSV and JSON (under the network's rule and with
--disclosure none), its text, and the API's two documents for the same
window, as a commissioner of the whole network reads them:
- the CSV is RFC 4180 with the tidy header; the JSON parses;
- the command's JSON is the API's /api/v1/network document with
  /api/v1/network/outcomes as "outcomes" (and the quarterly means);
- the CSV holds exactly the JSON's figures, one row each, figure for
  figure (worked out here from the JSON, section by section);
- with --disclosure none the counts are exact, and under the rule each is
  withheld ("*") or rounded to the nearest 5, never a small count (the
  people with a goal reviewed: the sum of its two parts so rounded); means
  are the same or withheld; every share is withheld or worked out from
  the counts as published beside it (the exact counts would give them
  away), and one whose count is published only through it (the times done
  in time, the staff who have done a course) is the share of its exact
  count as the rule rounds it;
- what the demo was built to show: on the recovery markers answered
  alone, Beacon Recovery College above the 99.8% limits and Tavmouth
  Community Mental Health Team below them, with phi > 1; Honibury
  Recovery House's figures withheld;
- no person's name or identifier, and no member of staff's name, in any
  format.

Usage: network_report_check.py DIR DB
    DIR holds rep.csv, rep.json, rep.txt, none.csv, none.json, net.json
    and outc.json.
Prints "pass ..." and "FAIL ..." lines; exits 1 if any FAIL.
"""
import csv
import json
import os
import sqlite3
import sys

DIR, DB = sys.argv[1:3]
HEADER = ['section', 'provider', 'service', 'service_name', 'window',
          'measure', 'answered_by', 'figure', 'value', 'disclosure']
KINDS = {'selfRated': 'person', 'withPractitioner': 'person-with-practitioner'}
COUNTS = {'paired', 'reliably_improved', 'no_reliable_change',
          'reliably_deteriorated', 'answered_once_only', 'eligible', 'due',
          'staff', 'with_goals', 'reviewed', 'higher', 'people',
          'threshold_complete_first_answers', 'threshold_first_scores',
          'no_response', 'answered_by_others_only', 'answered', 'agree',
          'ratings'}
results = []


def check(ok, what):
    results.append(('pass ' if ok else 'FAIL ') + what)
    return ok


def path(name):
    return os.path.join(DIR, name)


def read_csv(name):
    with open(path(name), newline='') as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def key(r):
    return (r['section'], r['service'], r['window'], r['measure'],
            r['answered_by'], r['figure'])


# --- the formats parse ---------------------------------------------------

head, rows = read_csv('rep.csv')
check(head == HEADER, 'the CSV has the tidy header: %s' % ','.join(head))
check(all(len(r) == len(HEADER) for r in rows), 'every CSV row has %d '
      'cells (%d rows)' % (len(HEADER), len(rows)))
rep = json.load(open(path('rep.json')))
net = json.load(open(path('net.json')))
outc = json.load(open(path('outc.json')))
none = json.load(open(path('none.json')))
check(True, 'the JSON parses')
rule = rep['disclosure']
check(all(r['disclosure'] == rule for r in rows), 'every CSV row names '
      'the rule applied (%s)' % rule)
window = '%s..%s' % (rep['from'], rep['to'])

# --- the command line's JSON is the API's ---------------------------------

cli_net = {k: v for k, v in rep.items()
           if k not in ('outcomes', 'quarterlyMeans')}
check(cli_net == net, 'the JSON is /api/v1/network, figure for figure')
check(rep['outcomes'] == outc, "its outcomes are /api/v1/network/outcomes, "
      "figure for figure")

# --- the CSV's figures are the JSON's ---------------------------------------


def value(v):
    """A JSON figure as the CSV writes it."""
    if v is None:
        return ''
    if v is True or v is False:
        return 'true' if v else 'false'
    return v if isinstance(v, str) else float(v)


services = {s['service']: s for s in rep['services']}
want = {}


def put(section, service, measure, answered_by, figure, v, win=None):
    want[(section, service, win or window, measure, answered_by,
          figure)] = value(v) if not isinstance(v, set) else v


def outcome_figures(section, service, measure, who, o):
    put(section, service, measure, who, 'change',
        None if o['judged'] else 'not judged')
    for figure, k in (('paired', 'paired'), ('reliably_improved',
                      'improved'), ('reliably_improved_percent',
                      'improvedPercent'), ('no_reliable_change',
                      'noChange'), ('no_reliable_change_percent',
                      'noChangePercent'), ('reliably_deteriorated',
                      'deteriorated'), ('reliably_deteriorated_percent',
                      'deterioratedPercent'), ('answered_once_only',
                      'oneAnswerOnly')):
        put(section, service, measure, who, figure, o[k])


def leftout_figures(section, service, measure, lo):
    put(section, service, measure, '', 'no_response', lo['noResponse'])
    put(section, service, measure, '', 'answered_by_others_only',
        lo['answeredByOthersOnly'])


def experience_figures(service, e):
    for i in e['indicators']:
        put('experience', service, i['indicator'], '', 'answered',
            i['answered'])
        put('experience', service, i['indicator'], '', 'agree', i['agree'])
        put('experience', service, i['indicator'], '', 'agree_percent',
            i['agreePercent'])
    for g in e['erfs']:
        for who, k in (('person', 'people'), ('staff', 'staff')):
            put('experience', service, g['group'], who, 'ratings',
                g[k]['ratings'])
            put('experience', service, g['group'], who, 'mean',
                g[k]['mean'])


def threshold_figures(section, measure, who, t):
    put(section, 'network', measure, who, 'threshold', t['threshold'])
    if t['threshold'] is None:
        put(section, 'network', measure, who, 'threshold_why', t['why'])
    else:
        put(section, 'network', measure, who, 'threshold_sd', t['sd'])
        put(section, 'network', measure, who, 'threshold_reliability',
            t['reliability'])
        put(section, 'network', measure, who, 'threshold_estimated',
            t['estimated'])
        if not t['estimated']:
            put(section, 'network', measure, who, 'threshold_source',
                t['source'])
            return
    put(section, 'network', measure, who,
        'threshold_complete_first_answers', t['completeFirstAnswers'])
    put(section, 'network', measure, who, 'threshold_first_scores',
        t['firstScores'])


def funnel_figures(section, measure, who, f, places=None):
    for s in rep['services']:
        code = s['service']
        side = [o['side'] for o in f['outside'] if o['service'] == code]
        if places:
            place = places[code]
        elif side:
            place = side[0]
        elif code in f['leftOff']:
            place = 'left off'
        else:
            place = {'within', 'not compared'}
        put(section, code, measure, who, 'funnel_place', place)
    put(section, 'network', measure, who, 'funnel_fitted', f['fitted'])
    for figure in ('theta', 'phi', 'tau2', 'overdispersed', 'services'):
        put(section, 'network', measure, who, 'funnel_' + figure, f[figure])
    outside = ', '.join('%s (%s)' % (services[o['service']]['name'],
                                    o['side']) for o in f['outside'])
    put(section, 'network', measure, who, 'funnel_outside',
        (outside or 'none') if f['fitted'] else None)
    put(section, 'network', measure, who, 'funnel_left_off',
        len(f['leftOff']))


for s in rep['services']:
    c, st = s['service'], s['standards']
    put('standards', c, 'standards', '', 'period', st['period'])
    if st['period']:
        put('standards', c, 'standards', '', 'greens', st['greens'])
        put('standards', c, 'standards', '', 'greens_before',
            st['greensBefore'])
    for n in st['standards']:
        m = 'standard-%d' % n['number']
        put('standards', c, m, '', 'self', n['self'])
        put('standards', c, m, '', 'consensus', n['consensus'])
        put('standards', c, m, '', 'validated', n['validated'])
    for y in s['cycles']:
        put('cycles', c, y['measure'], '', 'due', y['due'])
        put('cycles', c, y['measure'], '', 'done_in_time_percent',
            y['doneInTimePercent'])
        put('cycles', c, y['measure'], '', 'months', y['months'])
    put('training', c, 'staff', '', 'staff', s['training']['staff'])
    for k in s['training']['coverage']:
        put('training', c, k['course'], '', 'completed_percent',
            k['percent'])
for t in rep['reliableChange']:
    threshold_figures('recovery', t['scale'], t['respondent'], t)
for c, p in [(s['service'], s) for s in rep['services']] + \
        [('network', rep['network'])]:
    for rec in p['recovery']:
        for k, who in KINDS.items():
            outcome_figures('recovery', c, rec['scale'], who, rec[k])
        leftout_figures('recovery', c, rec['scale'], rec['leftOut'])
    experience_figures(c, p['experience'])
    q = p['pairedOutcomeRate']
    put('paired-outcome-rate', c, 'paired-outcome-rate', '', 'eligible',
        q['eligible'])
    put('paired-outcome-rate', c, 'paired-outcome-rate', '', 'paired',
        q['paired'])
    put('paired-outcome-rate', c, 'paired-outcome-rate', '',
        'paired_percent', q['percent'])
    g = p['goals']
    for figure, k in (('with_goals', 'withGoals'), ('reviewed', 'reviewed'),
                      ('higher', 'higher'), ('higher_percent',
                                             'higherPercent')):
        put('goals', c, 'goals', '', figure, g[k])
for m in rep['outcomes']['measures']:
    for sc in m['scales']:
        for k, who in KINDS.items():
            o = sc[k]
            threshold_figures('outcomes', sc['scale'], who,
                              o['reliableChange'])
            for s in o['services']:
                outcome_figures('outcomes', s['service'], sc['scale'], who, s)
            outcome_figures('outcomes', 'network', sc['scale'], who,
                            o['network'])
            mc = o['network']['meanChange']
            for figure, k2 in (('mean_change', 'mean'),
                               ('mean_change_low', 'low'),
                               ('mean_change_high', 'high')):
                put('outcomes', 'network', sc['scale'], who, figure,
                    mc if mc in ('*', None) else mc[k2])
            if sc['cutoff'] is not None:
                put('outcomes', 'network', sc['scale'], who,
                    'reliable_recovery_percent',
                    o['network']['reliableRecoveryPercent'])
            funnel_figures('outcomes', sc['scale'], who, o['funnel'], {
                s['service']: s['againstNetwork'] for s in o['services']})
        for s in sc['leftOut']['services']:
            leftout_figures('outcomes', s['service'], sc['scale'], s)
        leftout_figures('outcomes', 'network', sc['scale'],
                        sc['leftOut']['network'])
for f in rep['outcomes']['comparisons']:
    measure = f.get('measure') or f.get('course') or 'paired-outcome-rate'
    funnel_figures('comparisons', measure, '', f)
for q in rep['quarterlyMeans']:
    win = '%s..%s' % (q['quarter'], q['quarter'])
    put('quarterly-means', q['service'], 'dreem', q['respondent'], 'people',
        q['people'], win)
    for sc in q['scales']:
        put('quarterly-means', q['service'], sc['scale'], q['respondent'],
            'people', sc['people'], win)
        put('quarterly-means', q['service'], sc['scale'], q['respondent'],
            'mean', sc['mean'], win)


def same(csv_value, json_value):
    if isinstance(json_value, set):
        return csv_value in json_value
    if isinstance(json_value, float):
        try:
            return abs(float(csv_value) - json_value) < 1e-9
        except ValueError:
            return False
    return csv_value == json_value


got = {key(r): r['value'] for r in rows}
check(len(got) == len(rows), 'each CSV row is one figure: no key twice')
missing = sorted(set(want) - set(got))
extra = sorted(set(got) - set(want))
check(not missing, 'every figure of the JSON is in the CSV (%d)%s' % (
    len(want), ': %s' % missing[:3] if missing else ''))
check(not extra, 'the CSV holds no figure the JSON does not%s' % (
    ': %s' % extra[:3] if extra else ''))
differ = [(k, got[k], want[k]) for k in want if k in got and
          not same(got[k], want[k])]
check(not differ, 'the CSV and the JSON agree figure for figure%s' % (
    ': %s' % differ[:3] if differ else ''))
check(len({r['section'] for r in rows}) == 10, 'the CSV has every section: '
      '%s' % ', '.join(sorted({r['section'] for r in rows})))

# --- no rule against the rule -------------------------------------------------

_, exact = read_csv('none.csv')
exact = {key(r): r for r in exact}
check(set(exact) == set(got), 'the same rows with --disclosure none')
check(all(r['disclosure'] == 'none' for r in exact.values()),
      '... each naming the rule none')
low, high = (0, 4) if rule == 'mhsds' else (1, 7)
bad, rounded, withheld = [], 0, 0
for k, r in exact.items():
    shown = got[k]
    figure = k[5]
    if figure == 'reviewed' and r['value'] not in ('', '*'):
        # The people reviewed are higher and not higher as published,
        # added up: rounded after adding, they would say more.
        h = int(exact[k[:5] + ('higher',)]['value'])
        n = int(r['value'])
        parts = [(x + 2) // 5 * 5 for x in (h, n - h)
                 if not low <= x <= high]
        if shown == '*':
            withheld += 1
        elif len(parts) < 2 or int(shown) != sum(parts):
            bad.append((k, n, shown))
    elif figure in COUNTS and r['value'] not in ('', '*'):
        n = int(r['value'])
        if shown == '*':
            withheld += 1
        elif low <= n <= high or int(shown) != (n + 2) // 5 * 5:
            bad.append((k, n, shown))
        else:
            rounded += n % 5 != 0
    elif figure == 'mean' or figure.startswith('mean_change'):
        if shown not in ('*', r['value']):
            bad.append((k, r['value'], shown))
check(not bad, 'under %s every count is withheld or its exact count '
      'rounded to 5, never a small one; means are the exact ones or '
      "withheld (%d rounded, %d withheld)%s" % (
          rule, rounded, withheld, ': %s' % bad[:3] if bad else ''))
check(rounded > 0 and withheld > 0, '... and the rule had work to do')

# Each share's numerator and denominator, by figure; a count published
# only through its share has no numerator figure of its own.
SHARES = {'reliably_improved_percent': ('reliably_improved', 'paired'),
          'no_reliable_change_percent': ('no_reliable_change', 'paired'),
          'reliably_deteriorated_percent': ('reliably_deteriorated',
                                            'paired'),
          'paired_percent': ('paired', 'eligible'),
          'agree_percent': ('agree', 'answered'),
          'higher_percent': ('higher', 'reviewed'),
          'done_in_time_percent': (None, 'due'),
          'completed_percent': (None, 'staff')}


def half_up(num, den):
    return (200 * num + den) // (2 * den)


def published(n):
    """A count as the rule rounds it, or None where it withholds it."""
    if n < 0 or low <= n <= high:
        return None
    return (n + 2) // 5 * 5


def den_key(k, den):
    # Training's staff are a figure of their own measure.
    return k[:3] + ('staff' if den == 'staff' else k[3], k[4], den)


bad, shares = [], 0
for k, shown in got.items():
    if k[5] not in SHARES or shown in ('*', ''):
        continue
    num, den = SHARES[k[5]]
    d = got.get(den_key(k, den), '*')
    if num is not None:
        n = got.get(k[:5] + (num,), '*')
        want = {half_up(int(n), int(d))} if '*' not in (n, d) and \
            int(d) > 0 else set()
    else:
        # The exact counts the exact share and denominator allow, each
        # rounded by the rule, then its share of the denominator shown.
        s_exact = exact[k]['value']
        d_exact = int(exact[den_key(k, den)]['value'])
        want = {half_up(published(x), int(d)) for x in range(d_exact + 1)
                if half_up(x, d_exact) == int(s_exact) and
                published(x) is not None and d != '*' and int(d) > 0}
    shares += 1
    if int(shown) not in want:
        bad.append((k, shown, sorted(want)[:3]))
check(shares > 0 and not bad, 'under %s every one of the %d shares shown is '
      'worked out from the counts as published, never the exact ones%s' % (
          rule, shares, ': %s' % bad[:3] if bad else ''))
check(all(r['value'] != '*' for r in exact.values()),
      'with --disclosure none nothing is withheld')

# --- what the demo was built to show --------------------------------------

def places(section, figure='funnel_place'):
    return {k[1]: v for k, v in got.items() if k[0] == section and
            k[3] == 'recovery-markers' and k[4] == 'person' and
            k[5] == figure}


place = places('outcomes')
outside = {c: p for c, p in place.items() if p in ('above', 'below')}
check(outside == {'beacon-college': 'above', 'tavmouth-cmht': 'below'},
      'the recovery markers answered alone: Beacon Recovery College above '
      'the 99.8%% limits and Tavmouth CMHT below them (%s)' % outside)
phi = float(places('outcomes', 'funnel_phi')['network'])
check(phi > 1, '... where the services vary more than chance allows '
      '(phi %.2f > 1)' % phi)
f = rep['outcomes']['measures'][0]['scales'][0]['selfRated']['funnel']
check(sorted((o['service'], o['side']) for o in f['outside']) ==
      [('beacon-college', 'above'), ('tavmouth-cmht', 'below')] and
      f['phi'] > 1, '... and the JSON says so')
text = open(path('rep.txt')).read()
check('outside the 99.8% limits Tavmouth Community Mental Health Team '
      '(below), Beacon Recovery College (above)' in ' '.join(text.split()),
      '... and the text names them')
hon = {k[5]: v for k, v in got.items() if k[1] == 'honibury-house' and
       k[0] in ('recovery', 'outcomes') and k[3] == 'recovery-markers'}
# Its people left out are counted from its caseload, not from the people
# paired: those are the recovery figures meant here.
counts = {f: v for f, v in hon.items() if f in COUNTS and
          f not in ('no_response', 'answered_by_others_only')}
check(counts and all(v == '*' for v in counts.values()) and
      hon['funnel_place'] == 'left off', "Honibury Recovery House's "
      "recovery figures are withheld, and it is left off the funnel plot")

# --- nobody named -----------------------------------------------------------

db = sqlite3.connect('file:%s?mode=ro' % DB, uri=True)
secrets = set()
for name, ident in db.execute('SELECT name, ident FROM person'):
    secrets.update((name, ident))
for (name,) in db.execute('SELECT name FROM account'):
    secrets.add(name)
secrets = sorted(s for s in secrets if s and len(s) >= 4)
for name in ('rep.txt', 'rep.csv', 'rep.json', 'none.csv', 'none.json'):
    body = open(path(name)).read()
    leaked = [s for s in secrets if s in body]
    check(not leaked, '%s names no person and no member of staff%s' % (
        name, ': %s' % leaked[:3] if leaked else ''))
check(len(secrets) > 2000, 'looked for %d names and identifiers' %
      len(secrets))
print('\n'.join(results))
sys.exit(1 if any(r.startswith('FAIL') for r in results) else 0)
