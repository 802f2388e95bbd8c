-- PostgreSQL's twin of bench/plain_network.sql: the same rows, as the
-- same text, in the same order, from a Waymark database on PostgreSQL
-- (psql, unaligned output, '|' between columns; :today, :from, :to,
-- :measure, :days, :min_validators and :min_groups are psql variables,
-- set as the sqlite3 shell's parameters are: -v "today='2026-10-01'").
-- Every column is text here (PostgreSQL will not put numbers and text in
-- one column), written as SQLite writes its values: a comparison made
-- 0/1, a figure with printf's '%.6f' or '%.4f' written as SQLite's
-- printf writes it (below), sums of doubles added up in the order SQLite
-- adds them (by person), as such a sum depends on its order. The
-- instruments' text is read with PostgreSQL's jsonb functions, and
-- SQLite's date() is written with PostgreSQL's dates, given back as
-- text (YYYY-MM-DD). The cycles' completion is
-- bench/pg/plain_completion.sql, run beside this.
--
-- :today is the day (YYYY-MM-DD); :from and :to the window's quarters
-- ("2026-Q1"); :measure the recovery markers' url; :days how long on a
-- caseload counts for the paired-outcome rate (180); :min_validators and
-- :min_groups the network's validation rule. One row per figure; the
-- columns up to the first NULL, joined by tabs, are the figure's line:
--   standards, service, latest period ('-' none), greens, a period
--     before (0/1), greens then
--   light, service, NN, own light, consensus, validated (0/1),
--     validators, groups (a light: 1 red, 2 amber, 3 green, 0 none)
--   staff, service, practitioners and leads
--   course, service, course code, of them who did it
--   cycle-of, cycle id, service, measure's title
--   threshold, scale, respondent, value, r, SD, people (6 decimals), or
--     none (an estimate needs 30 complete first answers)
--   outcome, service or network, scale, respondent, paired, reliably
--     improved, no reliable change, reliably deteriorated (0 each with
--     no threshold: no one is judged), answered once only
--   change, service or network, scale, respondent, people paired, mean
--     change (4 decimals)
--   paired, service or network, on the caseload :days or more, of them
--     with the measure twice or more
--   goals, service or network, people with goals, with a goal reviewed
--     twice or more, with such a goal rated higher at its latest review
WITH RECURSIVE
svc AS (
  SELECT s.id, s.code FROM unit s JOIN unit p ON p.id = s.parent_id
  WHERE s.kind = 'service'),
-- The standards: each assessment's own lights (its latest version) and
-- its validators' lights, from the scores of their responses.
lit(unit_id, period, self, stakeholder, response_id) AS (
  SELECT a.unit_id, a.period, 1, NULL, v.response_id
  FROM assessment a JOIN assessment_version v ON v.assessment_id = a.id
    AND v.version = (SELECT max(version) FROM assessment_version
      WHERE assessment_id = a.id)
  UNION ALL
  SELECT a.unit_id, a.period, 0, i.stakeholder, x.response_id
  FROM assessment a JOIN validation x ON x.assessment_id = a.id
  JOIN invitation i ON i.assessment_id = a.id
    AND i.account_id = x.account_id),
-- A scale's standard, as SQLite's CAST(substr(code, 10) AS INTEGER)
-- reads it: its leading digits, else 0 (PostgreSQL's cast would fail).
light AS (
  SELECT l.unit_id, l.period, l.self, l.stakeholder, n.n,
    CASE WHEN s.value IN (1, 2, 3) THEN CAST(s.value AS integer)
      ELSE 0 END AS v
  FROM lit l JOIN response r ON r.id = l.response_id
  JOIN score s ON s.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = s.scale
  CROSS JOIN LATERAL (SELECT coalesce(CAST(substring(substr(sc.code, 10)
    FROM '^[0-9]+') AS integer), 0) AS n) n
  WHERE sc.code = 'standard-' || n.n AND n.n BETWEEN 1 AND 10),
period AS (
  SELECT unit_id, period,
    row_number() OVER (PARTITION BY unit_id ORDER BY period DESC) AS back
  FROM (SELECT DISTINCT unit_id, period FROM light) d),
greens AS (
  SELECT p.unit_id, p.period, p.back,
    (SELECT count(*) FROM light l WHERE l.unit_id = p.unit_id
      AND l.period = p.period AND l.self = 1 AND l.v = 3) AS g
  FROM period p WHERE p.back <= 2),
standard(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM standard WHERE n < 10),
votes AS (
  SELECT l.unit_id, l.n, count(*) AS k,
    count(DISTINCT l.stakeholder) AS groups,
    sum((l.v = 1)::int) AS r1, sum((l.v = 2)::int) AS r2
  FROM light l JOIN period p ON p.unit_id = l.unit_id
    AND p.period = l.period AND p.back = 1
  WHERE l.self = 0 AND l.v IN (1, 2, 3)
  GROUP BY l.unit_id, l.n),
own AS (
  SELECT l.unit_id, l.n, l.v
  FROM light l JOIN period p ON p.unit_id = l.unit_id
    AND p.period = l.period AND p.back = 1
  WHERE l.self = 1),
-- Training: each service's practitioners and leads, and their courses.
staff AS (
  SELECT DISTINCT unit_id, account_id FROM role_grant
  WHERE role IN ('practitioner', 'lead')),
-- The recovery markers: the latest version loaded, its measure (family,
-- else url), and each scale's definition in its own text (ord: its
-- place there, the order SQLite gives the thresholds in).
rm AS (
  SELECT id, coalesce(family, url) AS measure, content FROM instrument
  WHERE url = CAST(:measure AS text) ORDER BY id DESC LIMIT 1),
rm_scale AS (
  SELECT
    (SELECT c.value ->> 'valueCode'
     FROM jsonb_array_elements(x.value -> 'extension') c
     WHERE c.value ->> 'url' = 'code') AS code,
    coalesce((SELECT c.value ->> 'valueCode'
     FROM jsonb_array_elements(x.value -> 'extension') c
     WHERE c.value ->> 'url' = 'better'), 'higher') AS better,
    (SELECT CAST(c.value ->> 'valueDecimal' AS double precision)
     FROM jsonb_array_elements(x.value -> 'extension') c
     WHERE c.value ->> 'url' = 'reliability') AS r,
    (SELECT CAST(c.value ->> 'valueDecimal' AS double precision)
     FROM jsonb_array_elements(x.value -> 'extension') c
     WHERE c.value ->> 'url' = 'sd') AS sd,
    x.value AS def, x.ord
  FROM rm, jsonb_array_elements(CAST(rm.content AS jsonb) -> 'extension')
    WITH ORDINALITY x(value, ord)
  WHERE x.value ->> 'url' =
    'https://waymark.example/fhir/StructureDefinition/scale'),
rm_item AS (
  SELECT s.code, y.value ->> 'valueString' AS link_id
  FROM rm_scale s, jsonb_array_elements(s.def -> 'extension') y
  WHERE y.value ->> 'url' = 'item'),
-- Every scored answer about a person to the measure, by the person alone
-- or with a practitioner.
scored AS (
  SELECT r.subject_id AS person, r.instrument_id, sc.code AS scale,
    r.respondent, r.quarter, r.unit_id, r.authored, r.id, x.value
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score x ON x.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = x.scale
  WHERE coalesce(i.family, i.url) = (SELECT measure FROM rm)
    AND r.subject_kind = 'person' AND r.status = 'completed'
    AND r.respondent IN ('person', 'person-with-practitioner')
    AND x.value IS NOT NULL),
ranked AS (
  SELECT *,
    row_number() OVER w AS nth,
    first_value(value) OVER w AS first
  FROM scored
  WINDOW w AS (PARTITION BY person, scale, respondent
    ORDER BY authored, id)),
-- The reliable change threshold of each scale and kind: declared, else
-- from the first answers (bench/pg/plain_network_baseline.sql): the SD
-- of their scores, and Cronbach's alpha of the complete ones' items.
firsts AS (SELECT * FROM ranked WHERE nth = 1),
def AS (
  SELECT i.id AS instrument_id,
    (SELECT c.value ->> 'valueCode'
     FROM jsonb_array_elements(x.value -> 'extension') c
     WHERE c.value ->> 'url' = 'code') AS code,
    y.value ->> 'valueString' AS link_id,
    EXISTS (SELECT 1 FROM jsonb_array_elements(x.value -> 'extension') z
      WHERE z.value ->> 'url' = 'reversed'
      AND z.value ->> 'valueString' = y.value ->> 'valueString') AS reversed
  FROM instrument i,
    jsonb_array_elements(CAST(i.content AS jsonb) -> 'extension') x,
    jsonb_array_elements(x.value -> 'extension') y
  WHERE coalesce(i.family, i.url) = (SELECT measure FROM rm)
    AND x.value ->> 'url' =
    'https://waymark.example/fhir/StructureDefinition/scale'
    AND y.value ->> 'url' = 'item'),
items AS (
  SELECT f.scale, f.respondent, f.id, d.link_id,
    CASE WHEN d.reversed THEN
      (SELECT min(m.value) + max(m.value) FROM instrument_option m
       WHERE m.instrument_id = f.instrument_id AND m.item_idx = it.idx
       AND m.value IS NOT NULL) - o.value
    ELSE o.value END AS v,
    (SELECT count(*) FROM def e WHERE e.instrument_id = f.instrument_id
     AND e.code = f.scale) AS k
  FROM firsts f
  JOIN def d ON d.instrument_id = f.instrument_id AND d.code = f.scale
  JOIN instrument_item it ON it.instrument_id = f.instrument_id
    AND it.link_id = d.link_id
  JOIN answer a ON a.response_id = f.id AND a.item = it.idx
  JOIN instrument_option o ON o.instrument_id = f.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  WHERE o.value IS NOT NULL),
complete AS (
  SELECT scale, respondent, id, sum(v) AS total FROM items
  GROUP BY scale, respondent, id HAVING count(*) = max(k)),
-- The items of those complete answers: each answer's count of items is
-- set beside them, where SQLite joins items back to complete; PostgreSQL,
-- with no estimate of these rows, would make that join a loop over both.
items_c AS (
  SELECT * FROM (
    SELECT *, count(*) OVER (PARTITION BY scale, respondent, id) AS got
    FROM items) i
  WHERE got = k),
kind(respondent, ord) AS (VALUES ('person', 1),
  ('person-with-practitioner', 2)),
-- Sample variances (none below two people; rounding's remainder of
-- nothing is 0, as core's).
m_score AS (
  SELECT scale, respondent, count(*) AS n, sum(value ORDER BY person) AS s,
    sum(value * value ORDER BY person) AS q
  FROM firsts GROUP BY scale, respondent),
m_total AS (
  SELECT scale, respondent, count(*) AS n, sum(total) AS s,
    sum(total * total) AS q
  FROM complete GROUP BY scale, respondent),
m_item AS (
  SELECT scale, respondent, link_id, count(*) AS n, sum(v) AS s,
    sum(v * v) AS q
  FROM items_c GROUP BY scale, respondent, link_id),
var AS (
  SELECT 'score' AS what, scale, respondent, NULL AS link_id, n, s, q
  FROM m_score
  UNION ALL SELECT 'total', scale, respondent, NULL, n, s, q FROM m_total
  UNION ALL SELECT 'item', scale, respondent, link_id, n, s, q FROM m_item),
variance AS (
  SELECT what, scale, respondent, link_id, n,
    CASE WHEN n < 2 THEN NULL
      WHEN (q - s * s / n) / (n - 1) <= 1e-12 * (q / n) THEN 0.0
      ELSE (q - s * s / n) / (n - 1) END AS v
  FROM var),
estimate AS (
  SELECT s.code AS scale, k.respondent, s.ord, k.ord AS kind_ord,
    (SELECT n FROM variance WHERE what = 'score' AND scale = s.code
     AND respondent = k.respondent) AS n,
    (SELECT n FROM variance WHERE what = 'total' AND scale = s.code
     AND respondent = k.respondent) AS n_complete,
    sqrt((SELECT v FROM variance WHERE what = 'score' AND scale = s.code
     AND respondent = k.respondent)) AS sd,
    (SELECT v FROM variance WHERE what = 'total' AND scale = s.code
     AND respondent = k.respondent) AS total_var,
    (SELECT count(*) FROM rm_item i WHERE i.code = s.code) AS items,
    (SELECT count(v.v) FROM rm_item i LEFT JOIN variance v
     ON v.what = 'item' AND v.scale = s.code AND v.respondent = k.respondent
     AND v.link_id = i.link_id WHERE i.code = s.code) AS items_with_var,
    (SELECT sum(v.v) FROM rm_item i JOIN variance v
     ON v.what = 'item' AND v.scale = s.code AND v.respondent = k.respondent
     AND v.link_id = i.link_id WHERE i.code = s.code) AS items_var,
    s.r AS declared_r, s.sd AS declared_sd
  FROM rm_scale s, kind k),
alpha AS (
  SELECT *,
    CASE WHEN items >= 2 AND items_with_var = items AND total_var > 0
      THEN CAST(items AS double precision) / (items - 1)
        * (1 - items_var / total_var)
    END AS a
  FROM estimate),
-- sqrt(2.0) as a double: PostgreSQL's 2.0 alone is numeric, whose
-- square root is not the double's.
threshold AS (
  SELECT scale, respondent, ord, kind_ord,
    CASE WHEN declared_r IS NOT NULL AND declared_sd IS NOT NULL
      THEN 1.96 * declared_sd * sqrt(2.0::float8) * sqrt(1 - declared_r)
      WHEN coalesce(n_complete, 0) >= 30 AND sd > 0 AND a > 0 AND a < 1
      THEN 1.96 * sd * sqrt(2.0::float8) * sqrt(1 - a) END AS t,
    CASE WHEN declared_r IS NOT NULL AND declared_sd IS NOT NULL
      THEN declared_r ELSE a END AS r,
    CASE WHEN declared_r IS NOT NULL AND declared_sd IS NOT NULL
      THEN declared_sd ELSE sd END AS sd,
    CASE WHEN declared_r IS NOT NULL AND declared_sd IS NOT NULL
      THEN 0 ELSE coalesce(n, 0) END AS n
  FROM alpha),
-- The window's people (bench/pg/plain_network_outcomes.sql): each
-- person's latest answer in it, first against it, at the service of that
-- answer.
upto AS (
  SELECT *,
    row_number() OVER (PARTITION BY person, scale, respondent
      ORDER BY authored DESC, id DESC) AS back
  FROM ranked WHERE quarter <= CAST(:to AS text)),
person_row AS (
  SELECT u.person, u.unit_id, u.respondent, u.scale, u.nth AS responses,
    u.value - u.first AS d, t.t, s.better
  FROM upto u JOIN rm_scale s ON s.code = u.scale
  JOIN threshold t ON t.scale = u.scale AND t.respondent = u.respondent
  WHERE u.back = 1 AND u.quarter >= CAST(:from AS text)),
classed AS (
  SELECT p.person, p.unit_id, p.respondent, p.scale, p.responses, p.d,
    (p.responses >= 2 AND p.t IS NOT NULL AND abs(p.d) > p.t
      AND (p.d > 0) = (p.better = 'higher'))::int AS improved,
    (p.responses >= 2 AND p.t IS NOT NULL AND abs(p.d) > p.t
      AND (p.d > 0) <> (p.better = 'higher'))::int AS deteriorated,
    (p.responses >= 2 AND p.t IS NOT NULL AND NOT abs(p.d) > p.t)::int
      AS same
  FROM person_row p),
by_who AS (
  SELECT svc.code AS who, c.* FROM classed c JOIN svc ON svc.id = c.unit_id
  UNION ALL
  SELECT 'network', c.* FROM classed c JOIN svc ON svc.id = c.unit_id),
change AS (
  SELECT who, scale, respondent, count(*) AS n,
    avg(d ORDER BY person) AS m
  FROM by_who WHERE responses >= 2 GROUP BY who, scale, respondent),
-- The paired-outcome rate (bench/pg/plain_network_paired.sql).
m AS (SELECT id FROM instrument WHERE url = CAST(:measure AS text)),
twice AS (
  SELECT r.subject_id AS person, count(*) AS n
  FROM response r
  WHERE r.subject_kind = 'person' AND r.status = 'completed'
    AND r.instrument_id IN (SELECT id FROM m)
    AND EXISTS (SELECT 1 FROM score s WHERE s.response_id = r.id
      AND s.value IS NOT NULL)
  GROUP BY r.subject_id),
on_now AS (
  SELECT unit_id, person_id, min(start_date) AS since FROM caseload
  WHERE end_date IS NULL GROUP BY unit_id, person_id),
joined AS (
  SELECT to_char(CAST(:today AS date) - CAST(:days AS integer),
    'YYYY-MM-DD') AS day),
paired AS (
  SELECT k.unit_id,
    sum((k.since <= j.day)::int) AS eligible,
    sum((k.since <= j.day AND coalesce(t.n, 0) >= 2)::int) AS paired
  FROM on_now k CROSS JOIN joined j
  LEFT JOIN twice t ON t.person = k.person_id
  GROUP BY k.unit_id),
-- Goals (bench/pg/plain_network_goals.sql).
g AS (
  SELECT goal.id, goal.person_id, count(r.id) AS reviews,
    (SELECT rating FROM goal_review WHERE goal_id = goal.id
     ORDER BY reviewed, id LIMIT 1) AS first,
    (SELECT rating FROM goal_review WHERE goal_id = goal.id
     ORDER BY reviewed DESC, id DESC LIMIT 1) AS latest
  FROM goal LEFT JOIN goal_review r ON r.goal_id = goal.id
  GROUP BY goal.id),
goal_person AS (
  SELECT k.unit_id, count(g.id) AS goals,
    max((g.reviews >= 2)::int) AS reviewed,
    max((g.reviews >= 2 AND g.latest > g.first)::int) AS higher
  FROM (SELECT DISTINCT unit_id, person_id FROM caseload
    WHERE end_date IS NULL) k
  LEFT JOIN g ON g.person_id = k.person_id
  GROUP BY k.unit_id, k.person_id),
goals AS (
  SELECT unit_id, sum((goals > 0)::int) AS with_goals,
    coalesce(sum(reviewed), 0) AS reviewed,
    coalesce(sum(higher), 0) AS higher
  FROM goal_person GROUP BY unit_id),
-- The figures written with printf('%.<n>f'): fix_in (value, n), and
-- each n with SQLite's rounder for it (arRound[n] in its printf.c).
fix_round(n, r) AS (VALUES (4, 5.0e-05::float8), (6, 5.0e-07::float8)),
fix_in(v, n) AS (
  SELECT t, 6 FROM threshold WHERE t IS NOT NULL
  UNION SELECT r, 6 FROM threshold WHERE t IS NOT NULL
  UNION SELECT sd, 6 FROM threshold WHERE t IS NOT NULL
  UNION SELECT m, 4 FROM change),
-- SQLite's printf('%.<n>f', v), digit for digit, for each (v, n) of
-- fix_in. SQLite 3.40 (sqlite3_str_vappendf) adds a rounder to |v|: half
-- a unit of the last place (the double 5.0e-0<n+1>), and 3e-16 of |v|
-- when n + (|v|'s power of two) / 3 < 15; then it writes at most 16
-- significant digits, cut (not rounded) at n places. It works in long
-- double, which for values below 1e13, as these are, gives the digits
-- of the exact sum: that sum is made here in numeric, from each double
-- written out exactly (its mantissa times a power of two; 2^k is 2^k,
-- or 5^-k * 10^k, both exact).
fix_bits(v, a, e) AS (
  SELECT v, abs(v), floor(ln(abs(v)) / ln(2.0::float8))::int
  FROM (SELECT v FROM fix_in UNION SELECT 3.0e-16::float8
    UNION SELECT r FROM fix_round) z
  WHERE v <> 0),
fix_exact(v, x, e) AS (
  SELECT v, (a / 2.0::float8 ^ (e - 52))::bigint *
    CASE WHEN e >= 52 THEN 2::numeric ^ (e - 52)
    ELSE 5::numeric ^ (52 - e) * ('1e' || (e - 52))::numeric END, e
  FROM (SELECT v, a, e + (a >= 2.0::float8 ^ (e + 1))::int
    - (a < 2.0::float8 ^ e)::int AS e FROM fix_bits) b
  UNION ALL SELECT 0, 0, -1023),
fixed(v, n, t) AS (
  SELECT v, n, CAST(CASE WHEN v < 0 THEN '-' ELSE '' END
    || trunc(trunc(y, 15 - floor(log(y))::int), n) AS text) COLLATE "C"
  FROM (SELECT i.v, i.n, d.x + r.x
      + CASE WHEN i.n + d.e / 3 < 15 THEN d.x * c.x ELSE 0 END AS y
    FROM (SELECT DISTINCT v, n FROM fix_in) i
    JOIN fix_exact d ON d.v = i.v
    JOIN fix_round k ON k.n = i.n JOIN fix_exact r ON r.v = k.r
    JOIN fix_exact c ON c.v = 3.0e-16::float8) z)
-- The rows in the order SQLite gives them (each part in the order of its
-- services, cycles or GROUP BY), for a diff line by line.
SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 FROM (
SELECT 1 AS part, svc.id AS k1, NULL COLLATE "C" AS k2, 0 AS k3,
  'standards' AS c1, svc.code AS c2, coalesce(g1.period, '-') AS c3,
  coalesce(g1.g, 0)::text AS c4, (g2.unit_id IS NOT NULL)::int::text AS c5,
  coalesce(g2.g, 0)::text AS c6, NULL AS c7, NULL AS c8, NULL AS c9,
  NULL AS c10
FROM svc LEFT JOIN greens g1 ON g1.unit_id = svc.id AND g1.back = 1
LEFT JOIN greens g2 ON g2.unit_id = svc.id AND g2.back = 2
UNION ALL
SELECT 2, svc.id, NULL, standard.n,
  'light', svc.code, lpad(standard.n::text, 2, '0'),
  coalesce(own.v, 0)::text,
  CASE WHEN coalesce(k, 0) = 0 THEN 0
    WHEN r1 >= (k + 1) / 2 THEN 1
    WHEN r1 + r2 >= (k + 1) / 2 THEN 2 ELSE 3 END::text,
  (coalesce(k, 0) >= CAST(:min_validators AS integer)
    AND coalesce(groups, 0) >= CAST(:min_groups AS integer))::int::text,
  coalesce(k, 0)::text, coalesce(groups, 0)::text, NULL, NULL
FROM svc JOIN period p ON p.unit_id = svc.id AND p.back = 1
CROSS JOIN standard
LEFT JOIN own ON own.unit_id = svc.id AND own.n = standard.n
LEFT JOIN votes ON votes.unit_id = svc.id AND votes.n = standard.n
UNION ALL
SELECT 3, svc.id, NULL, 0,
  'staff', svc.code,
  (SELECT count(*) FROM staff WHERE unit_id = svc.id)::text,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM svc
UNION ALL
SELECT 4, 0, svc.code || ' ' || t.course, 0,
  'course', svc.code, t.course, count(DISTINCT t.account_id)::text, NULL,
  NULL, NULL, NULL, NULL, NULL
FROM svc JOIN staff f ON f.unit_id = svc.id
JOIN training t ON t.account_id = f.account_id
GROUP BY svc.code, t.course
UNION ALL
SELECT 5, y.id, NULL, 0,
  'cycle-of', y.id::text, svc.code,
  coalesce((SELECT i.title FROM instrument i WHERE i.url = y.instrument_url
    ORDER BY i.id DESC LIMIT 1), y.instrument_url),
  NULL, NULL, NULL, NULL, NULL, NULL
FROM cycle y JOIN svc ON svc.id = y.unit_id
WHERE y.subject_kind IN ('person', 'service')
UNION ALL
SELECT 6, ord, NULL, kind_ord,
  'threshold', scale, respondent,
  CASE WHEN t IS NULL THEN 'none' ELSE
    (SELECT f.t FROM fixed f WHERE f.v = threshold.t AND f.n = 6) END,
  CASE WHEN t IS NULL THEN NULL ELSE
    (SELECT f.t FROM fixed f WHERE f.v = threshold.r AND f.n = 6) END,
  CASE WHEN t IS NULL THEN NULL ELSE
    (SELECT f.t FROM fixed f WHERE f.v = threshold.sd AND f.n = 6) END,
  CASE WHEN t IS NULL THEN NULL ELSE n::text END, NULL, NULL, NULL
FROM threshold
UNION ALL
SELECT 7, 0, who || ' ' || scale || ' ' || respondent, 0,
  'outcome', who, scale, respondent,
  sum((responses >= 2)::int)::text, sum(improved)::text, sum(same)::text,
  sum(deteriorated)::text, sum((responses < 2)::int)::text, NULL
FROM by_who GROUP BY who, scale, respondent
HAVING count(*) > 0
UNION ALL
SELECT 8, 0, who || ' ' || scale || ' ' || respondent, 0,
  'change', who, scale, respondent, n::text,
  (SELECT f.t FROM fixed f WHERE f.v = change.m AND f.n = 4),
  NULL, NULL, NULL, NULL
FROM change
UNION ALL
SELECT 9, svc.id, NULL, 0,
  'paired', svc.code, eligible::text, paired::text, NULL, NULL, NULL,
  NULL, NULL, NULL
FROM paired JOIN svc ON svc.id = paired.unit_id WHERE eligible > 0
UNION ALL
SELECT 9, NULL, NULL, 0,
  'paired', 'network', sum(eligible)::text, sum(paired)::text, NULL, NULL,
  NULL, NULL, NULL, NULL
FROM paired JOIN svc ON svc.id = paired.unit_id HAVING sum(eligible) > 0
UNION ALL
SELECT 10, svc.id, NULL, 0,
  'goals', svc.code, with_goals::text, reviewed::text, higher::text, NULL,
  NULL, NULL, NULL, NULL
FROM goals JOIN svc ON svc.id = goals.unit_id WHERE with_goals > 0
UNION ALL
SELECT 10, NULL, NULL, 0,
  'goals', 'network', sum(with_goals)::text, sum(reviewed)::text,
  sum(higher)::text, NULL, NULL, NULL, NULL, NULL
FROM goals JOIN svc ON svc.id = goals.unit_id HAVING sum(with_goals) > 0
) x
ORDER BY part, k1 NULLS LAST, k2, k3;
