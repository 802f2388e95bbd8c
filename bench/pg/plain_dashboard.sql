-- PostgreSQL's twin of bench/plain_dashboard.sql: the same rows, as the
-- same text, from a Waymark database on PostgreSQL (psql, unaligned
-- output, '|' between columns; :unit, :today, :min_validators and
-- :min_groups are psql variables, set as the sqlite3 shell's parameters
-- are: -v "today='2026-10-01'"). Every column is text here (PostgreSQL
-- will not put numbers and text in one column), written as SQLite
-- writes its values: a comparison made 0/1, a figure with printf's
-- '%.2f' written as SQLite's printf writes it (below), the change's
-- total added up in the order SQLite adds it (by person). The
-- instruments' text is read with PostgreSQL's jsonb functions; a
-- GROUP BY's other columns (one value in each group) are taken with
-- max(), which PostgreSQL asks for. The completion part is
-- bench/pg/plain_completion.sql, run beside this.
--
-- :unit is the service's id; :today the day (YYYY-MM-DD);
-- :min_validators and :min_groups the network's validation rule (its
-- settings). One row per figure:
--   light, N, own light, consensus, validated (0/1), validators, groups
--   course, code, staff who have done it, staff
--   change, scale, respondent, people with two or more answers,
--     improved, same, worse, with one answer, with none, mean change
--     (2 decimals)
--   profile, erfs or tips, quarter, column, '-', responses, subjects
--   profile, erfs or tips, quarter, column, question, answers, scored,
--     agreeing, total (2 decimals)
-- A light is 1 red, 2 amber, 3 green, 0 none.
WITH RECURSIVE
-- Each scale's items, read from the instrument's own definition.
scale(instrument_id, code, pct, link_id) AS (
  SELECT i.id,
    (SELECT c.value ->> 'valueCode'
     FROM jsonb_array_elements(s.value -> 'extension') c
     WHERE c.value ->> 'url' = 'code'),
    coalesce((SELECT CAST(c.value ->> 'valueInteger' AS bigint)
     FROM jsonb_array_elements(s.value -> 'extension') c
     WHERE c.value ->> 'url' = 'minAnsweredPercent'), 100),
    x.value ->> 'valueString'
  FROM instrument i,
    jsonb_array_elements(CAST(i.content AS jsonb) -> 'extension') s,
    jsonb_array_elements(s.value -> 'extension') x
  WHERE s.value ->> 'url' ILIKE '%/StructureDefinition/scale'
    AND x.value ->> 'url' = 'item'),
scale_size(instrument_id, code, pct, items) AS (
  SELECT instrument_id, code, max(pct), count(*) FROM scale
  GROUP BY instrument_id, code),
-- The standards: the latest period's own lights (its latest version) and
-- validators' lights.
period AS (
  SELECT max(a.period) AS p FROM assessment a
  WHERE a.unit_id = CAST(:unit AS bigint)
    AND (EXISTS (SELECT 1 FROM assessment_version v
      WHERE v.assessment_id = a.id)
     OR EXISTS (SELECT 1 FROM validation x JOIN invitation i
      ON i.assessment_id = x.assessment_id AND i.account_id = x.account_id
      WHERE x.assessment_id = a.id))),
-- The responses the dashboard reads: the latest period's lights, and the
-- recovery markers of the people on the caseload now.
now_on AS (
  SELECT DISTINCT person_id AS id FROM caseload
  WHERE unit_id = CAST(:unit AS bigint) AND end_date IS NULL),
wanted(id) AS (
  SELECT v.response_id FROM assessment a JOIN period ON a.period = period.p
  JOIN assessment_version v ON v.assessment_id = a.id
  WHERE a.unit_id = CAST(:unit AS bigint)
  UNION
  SELECT x.response_id FROM assessment a JOIN period ON a.period = period.p
  JOIN validation x ON x.assessment_id = a.id
  WHERE a.unit_id = CAST(:unit AS bigint)
  UNION
  SELECT r.id FROM now_on p
  JOIN response r ON r.subject_kind = 'person' AND r.subject_id = p.id
    AND r.status = 'completed'
  JOIN instrument i ON i.id = r.instrument_id
    AND i.url = 'https://waymark.example/fhir/Questionnaire/'
      'dreem-recovery-markers'
  WHERE r.respondent IN ('person', 'person-with-practitioner')),
-- Their scores on each scale: the mean of the answered items, when
-- enough are answered.
scored(response_id, code, value) AS (
  SELECT r.id, z.code, avg(o.value)
  FROM wanted w
  JOIN response r ON r.id = w.id
  JOIN scale z ON z.instrument_id = r.instrument_id
  JOIN scale_size zs ON zs.instrument_id = z.instrument_id
    AND zs.code = z.code
  JOIN instrument_item it ON it.instrument_id = r.instrument_id
    AND it.link_id = z.link_id
  JOIN answer a ON a.response_id = r.id AND a.item = it.idx
  JOIN instrument_option o ON o.instrument_id = r.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  WHERE o.value IS NOT NULL
  GROUP BY r.id, z.code
  HAVING count(*) * 100 >= max(zs.pct) * max(zs.items)),
-- A standard's number, as SQLite's CAST(substr(code, 10) AS INTEGER)
-- reads it: its leading digits, else 0.
own AS (
  SELECT coalesce(CAST(substring(substr(sc.code, 10) FROM '^[0-9]+')
      AS integer), 0) AS n, sc.value AS v
  FROM assessment a JOIN period ON a.period = period.p
  JOIN assessment_version v ON v.assessment_id = a.id
    AND v.version = (SELECT max(version) FROM assessment_version
      WHERE assessment_id = a.id)
  JOIN scored sc ON sc.response_id = v.response_id
  WHERE a.unit_id = CAST(:unit AS bigint) AND sc.code ILIKE 'standard-%'),
vote AS (
  SELECT coalesce(CAST(substring(substr(sc.code, 10) FROM '^[0-9]+')
      AS integer), 0) AS n, i.stakeholder AS g,
    CAST(sc.value AS integer) AS v
  FROM assessment a JOIN period ON a.period = period.p
  JOIN validation x ON x.assessment_id = a.id
  JOIN invitation i ON i.assessment_id = a.id AND i.account_id = x.account_id
  JOIN scored sc ON sc.response_id = x.response_id
  WHERE a.unit_id = CAST(:unit AS bigint) AND sc.code ILIKE 'standard-%'
    AND sc.value IN (1, 2, 3)),
votes AS (
  SELECT n, count(*) AS k, count(DISTINCT g) AS groups,
    sum((v = 1)::int) AS r1, sum((v = 2)::int) AS r2
  FROM vote GROUP BY n),
standard(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM standard WHERE n < 10),
-- The recovery markers' scores of the people on the caseload now.
marker AS (
  SELECT p.id AS person, r.respondent, sc.code, sc.value, r.authored, r.id
  FROM now_on p
  JOIN response r ON r.subject_kind = 'person' AND r.subject_id = p.id
    AND r.status = 'completed'
  JOIN instrument i ON i.id = r.instrument_id
    AND i.url = 'https://waymark.example/fhir/Questionnaire/'
      'dreem-recovery-markers'
  JOIN scored sc ON sc.response_id = r.id
  WHERE r.respondent IN ('person', 'person-with-practitioner')),
ranked AS (
  SELECT person, respondent, code, value,
    row_number() OVER (PARTITION BY person, respondent, code
      ORDER BY authored, id) AS nth,
    count(*) OVER (PARTITION BY person, respondent, code) AS k
  FROM marker),
ends AS (
  SELECT person, respondent, code, max(k) AS k,
    max(CASE WHEN nth = 1 THEN value END) AS first,
    max(CASE WHEN nth = k THEN value END) AS latest
  FROM ranked GROUP BY person, respondent, code),
change AS (
  SELECT code, respondent,
    sum((k >= 2)::int) AS people,
    sum((k >= 2 AND latest - first >= 0.25)::int) AS improved,
    sum((k >= 2 AND latest - first > -0.25 AND latest - first < 0.25)::int)
      AS same,
    sum((k >= 2 AND latest - first <= -0.25)::int) AS worse,
    sum((k = 1)::int) AS one,
    sum(CASE WHEN k >= 2 THEN latest - first END ORDER BY person) AS total
  FROM ends GROUP BY code, respondent),
staff AS (
  SELECT DISTINCT account_id FROM role_grant
  WHERE unit_id = CAST(:unit AS bigint) AND role IN ('practitioner', 'lead')),
-- The ERFS profile (the service's answers; people using it in column 0,
-- staff in 1) for the latest quarter up to today's with answers, and the
-- team's Ten Top Tips (staff's answers, column 0) for the latest with at
-- least 5 reflections from at least 2 practitioners; else today's.
view(name, url, about) AS (VALUES
  ('erfs', 'https://waymark.example/fhir/Questionnaire/erfs', 'service'),
  ('tips', 'https://waymark.example/fhir/Questionnaire/ten-top-tips',
    'staff')),
today_q(q) AS (
  SELECT substr(CAST(:today AS text), 1, 4) || '-Q'
    || ((CAST(substr(CAST(:today AS text), 6, 2) AS integer) + 2) / 3)),
view_q AS (
  SELECT v.name, v.url, v.about, coalesce((SELECT max(quarter) FROM
    (SELECT r.quarter FROM response r
      JOIN instrument i ON i.id = r.instrument_id
      WHERE i.url = v.url AND r.unit_id = CAST(:unit AS bigint)
        AND r.subject_kind = v.about
        AND r.status = 'completed' AND r.quarter <= today_q.q
      GROUP BY r.quarter
      HAVING v.name <> 'tips' OR (count(*) >= 5
        AND count(DISTINCT r.subject_id) >= 2)) h), today_q.q) AS q,
    (SELECT max(id) FROM instrument WHERE url = v.url) AS latest
  FROM view v, today_q),
view_r AS (
  SELECT v.name, v.q, v.latest, r.id, r.instrument_id, r.subject_id,
    r.respondent,
    CASE WHEN v.name = 'tips' THEN 0 WHEN r.respondent = 'person' THEN 0
      WHEN r.respondent = 'staff' THEN 1 END AS col
  FROM view_q v JOIN instrument i ON i.url = v.url
  JOIN response r ON r.instrument_id = i.id
    AND r.unit_id = CAST(:unit AS bigint)
    AND r.quarter = v.q AND r.subject_kind = v.about
    AND r.status = 'completed'),
view_head AS (
  SELECT name, max(q) AS q, max(col) AS col, respondent, count(*) AS n,
    count(DISTINCT subject_id) AS who
  FROM view_r WHERE col IS NOT NULL GROUP BY name, respondent),
view_item AS (
  SELECT v.name, max(v.q) AS q, v.col, it.link_id, count(*) AS n,
    count(o.value) AS scored,
    sum((o.value > (b.lo + b.hi) / 2 AND b.hi > b.lo)::int) AS agree,
    coalesce(sum(o.value), 0) AS total
  FROM view_r v JOIN answer a ON a.response_id = v.id
  JOIN instrument_item it ON it.instrument_id = v.instrument_id
    AND it.idx = a.item
  JOIN instrument_option o ON o.instrument_id = v.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  JOIN (SELECT instrument_id, item_idx, min(value) AS lo, max(value) AS hi
    FROM instrument_option GROUP BY instrument_id, item_idx) b
    ON b.instrument_id = v.instrument_id AND b.item_idx = a.item
  WHERE v.col IS NOT NULL AND it.link_id IN (SELECT link_id
    FROM instrument_item WHERE instrument_id = v.latest AND type = 'choice')
  GROUP BY v.name, v.col, it.link_id),
-- The figures written with printf('%.<n>f'): fix_in (value, n), and
-- each n with SQLite's rounder for it (arRound[n] in its printf.c).
fix_round(n, r) AS (VALUES (2, 5.0e-03::float8)),
fix_in(v, n) AS (
  SELECT total / people, 2 FROM change WHERE people > 0
  UNION SELECT total, 2 FROM view_item),
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
-- The rows in the order SQLite gives them (each part in the order of
-- its GROUP BY), for a diff line by line.
SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 FROM (
SELECT 1 AS part, NULL COLLATE "C" AS k1, standard.n AS k2,
  NULL COLLATE "C" AS k3,
  'light' AS c1, standard.n::text AS c2,
  CASE WHEN own.v IN (1, 2, 3) THEN CAST(own.v AS integer) ELSE 0 END::text
    AS c3,
  CASE WHEN coalesce(k, 0) = 0 THEN 0
    WHEN r1 >= (k + 1) / 2 THEN 1
    WHEN r1 + r2 >= (k + 1) / 2 THEN 2 ELSE 3 END::text AS c4,
  (coalesce(k, 0) >= CAST(:min_validators AS integer)
    AND coalesce(groups, 0) >= CAST(:min_groups AS integer))::int::text
    AS c5,
  coalesce(k, 0)::text AS c6, coalesce(groups, 0)::text AS c7,
  NULL AS c8, NULL AS c9, NULL AS c10
FROM standard LEFT JOIN own ON own.n = standard.n
LEFT JOIN votes ON votes.n = standard.n
UNION ALL
SELECT 2, t.course, NULL, NULL,
  'course', t.course, count(DISTINCT t.account_id)::text,
  (SELECT count(*) FROM staff)::text, NULL, NULL, NULL, NULL, NULL, NULL
FROM training t WHERE t.account_id IN (SELECT account_id FROM staff)
GROUP BY t.course
UNION ALL
SELECT 3, code, NULL, respondent,
  'change', code, respondent, people::text, improved::text,
  same::text, worse::text, one::text,
  ((SELECT count(*) FROM now_on) - people - one)::text,
  CASE WHEN people > 0 THEN (SELECT t FROM fixed
    WHERE v = total / people AND n = 2) END
FROM change
UNION ALL
SELECT 4, name, col, NULL,
  'profile', name, max(q), col::text, '-', sum(n)::text, sum(who)::text,
  NULL, NULL, NULL
FROM view_head GROUP BY name, col
UNION ALL
SELECT 5, name, col, link_id,
  'profile', name, q, col::text, link_id, n::text, scored::text,
  agree::text, (SELECT t FROM fixed f WHERE f.v = total AND f.n = 2), NULL
FROM view_item) x
ORDER BY part, k1, k2, k3;
