-- PostgreSQL's twin of bench/plain_network_baseline.sql: the same rows,
-- as the same text, from a Waymark database on PostgreSQL (psql,
-- unaligned output, '|' between columns; :measure is a psql variable,
-- set as the sqlite3 shell's parameter is: -v "measure='dreem'"). The
-- sums are written as SQLite's printf('%!.17g') writes them, digit for
-- digit (below), and are added up in the order SQLite adds them (each
-- scale's first answers by person: the order its window gives them in),
-- as a sum of doubles depends on its order. The instrument's text is
-- read with PostgreSQL's jsonb functions.
--
-- :measure is an instrument's family (else its url). A person's first
-- answer on a scale (by themselves, or with a practitioner, apart) is
-- their earliest scored answer by date, then as recorded. Per scale and
-- respondent: the scale scores of every first answer (item NULL); of the
-- first answers that answered every item of the scale, the total of the
-- items (item '') and each item (by linkId), valued as the scale scores
-- it: a reversed item turned round (lowest + highest scored value, less
-- the value). The scale's items and reversed items are read from the
-- instrument's own text. Each row: n, sum and sum of squares.
WITH RECURSIVE
scored AS (
  SELECT r.subject_id AS person, r.instrument_id, sc.code AS scale,
    r.respondent, r.authored, r.id, x.value
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score x ON x.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = x.scale
  WHERE coalesce(i.family, i.url) = CAST(:measure AS text)
    AND r.subject_kind = 'person' AND r.status = 'completed'
    AND r.respondent IN ('person', 'person-with-practitioner')
    AND x.value IS NOT NULL),
firsts AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY person, scale, respondent
      ORDER BY authored, id) AS nth
    FROM scored) f
  WHERE nth = 1),
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
  WHERE x.value ->> 'url' =
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
result(scale, respondent, item, n, s, q) AS (
  SELECT scale, respondent, NULL, count(*), sum(value ORDER BY person),
    sum(value * value ORDER BY person)
  FROM firsts GROUP BY scale, respondent
  UNION ALL
  SELECT scale, respondent, '', count(*), sum(total), sum(total * total)
  FROM complete GROUP BY scale, respondent
  UNION ALL
  SELECT scale, respondent, link_id, count(*), sum(v), sum(v * v)
  FROM items_c GROUP BY scale, respondent, link_id),
num(v) AS (SELECT s FROM result UNION SELECT q FROM result),
-- SQLite's printf('%!.17g', v), digit for digit, for each v of num.
-- SQLite 3.40 (sqlite3_str_vappendf) works in long double (64 bits of
-- mantissa): it scales |v| to [1, 10) by a power of ten, adds a rounder
-- of 5e-17, scales back by 0.1 if that made 10 or more, then takes 17
-- digits one by one, each time multiplying what is left by 10; every
-- step rounds to 64 bits (to even). Its 17th digit is therefore not
-- always the correctly rounded one, so each step is done here in exact
-- numeric arithmetic and rounded as the long double is. v is first
-- written out exactly (its mantissa times a power of two); 2^k is 2^k,
-- or 5^-k * 10^k, both exact. The scaling by a power of ten is exact
-- as SQLite's is for values from 1e-4 to 1e27, which these are.
num_bits(v, a, e) AS (
  SELECT v, abs(v), floor(ln(abs(v)) / ln(2.0::float8))::int
  FROM num WHERE v <> 0
  UNION SELECT v, v, floor(ln(v) / ln(2.0::float8))::int
  FROM (VALUES (5.0e-07::float8 * 1.0e-10), (0.1::float8)) AS k(v)),
num_exact(v, x) AS (
  SELECT v, (a / 2.0::float8 ^ (e - 52))::bigint *
    CASE WHEN e >= 52 THEN 2::numeric ^ (e - 52)
    ELSE 5::numeric ^ (52 - e) * ('1e' || (e - 52))::numeric END
  FROM (SELECT v, a, e + (a >= 2.0::float8 ^ (e + 1))::int
    - (a < 2.0::float8 ^ e)::int AS e FROM num_bits) b),
-- The rounder (5e-07 * 1e-10, as SQLite makes it) and 0.1, exactly.
g17_k(rounder, tenth) AS MATERIALIZED (
  SELECT (SELECT x FROM num_exact WHERE v = 5.0e-07::float8 * 1.0e-10),
    (SELECT x FROM num_exact WHERE v = 0.1::float8)),
-- Step 0 scales, 1 adds the rounder, 2 scales back, 3 to 19 take the
-- digits: r is the long double after each step, e10 the power of ten.
g17(v, k, e10, r, ds) AS (
  SELECT v, 0, e10 + (x >= ('1e' || (e10 + 1))::numeric)::int
    - (x < ('1e' || e10)::numeric)::int, x, ''
  FROM (SELECT v, x, floor(log(x))::int AS e10 FROM num_exact
    WHERE v IN (SELECT v FROM num)) z
  UNION ALL
  SELECT g.v, g.k + 1, g.e10 + (g.k = 2 AND g.r >= 10)::int, f.r,
    g.ds || CASE WHEN g.k >= 3 THEN trunc(g.r)::text ELSE '' END
  FROM g17 g CROSS JOIN g17_k,
  LATERAL (SELECT CASE g.k WHEN 0 THEN g.r * ('1e' || -g.e10)::numeric
    WHEN 1 THEN g.r + g17_k.rounder
    WHEN 2 THEN CASE WHEN g.r >= 10 THEN g.r * g17_k.tenth ELSE g.r END
    ELSE (g.r - trunc(g.r)) * 10 END AS y) a,
  -- y rounded to 64 significant bits: e is its power of two.
  LATERAL (SELECT CASE WHEN a.y > 0
    THEN floor(ln(a.y::float8) / ln(2.0::float8))::int END AS e0) b,
  LATERAL (SELECT b.e0 + (a.y >= CASE WHEN b.e0 + 1 >= 0
      THEN 2::numeric ^ (b.e0 + 1)
      ELSE 5::numeric ^ (-b.e0 - 1) * ('1e' || (b.e0 + 1))::numeric END)::int
    - (a.y < CASE WHEN b.e0 >= 0 THEN 2::numeric ^ b.e0
      ELSE 5::numeric ^ (-b.e0) * ('1e' || b.e0)::numeric END)::int AS e) c,
  LATERAL (SELECT a.y * CASE WHEN c.e <= 63 THEN 2::numeric ^ (63 - c.e)
      ELSE 5::numeric ^ (c.e - 63) * ('1e' || (63 - c.e))::numeric END
      AS t) d,
  LATERAL (SELECT CASE WHEN a.y = 0 THEN 0 ELSE
    CASE WHEN d.t - floor(d.t) = 0.5 AND mod(floor(d.t), 2) = 0
      THEN floor(d.t) ELSE round(d.t) END *
    CASE WHEN c.e >= 63 THEN 2::numeric ^ (c.e - 63)
      ELSE 5::numeric ^ (63 - c.e) * ('1e' || (c.e - 63))::numeric END
    END AS r) f
  WHERE g.k < 20),
-- The digits written out: as %f when the power of ten is from -4 to 16,
-- else as %e; trailing zeros dropped, but one kept after the point.
g17txt(v, t) AS (
  SELECT v, CAST(CASE WHEN v < 0 THEN '-' ELSE '' END ||
    CASE WHEN e10 BETWEEN -4 AND 16 THEN
      regexp_replace(rtrim(CASE WHEN e10 >= 0
        THEN left(ds, e10 + 1) || '.' || substr(ds, e10 + 2)
        ELSE '0.' || repeat('0', -e10 - 1) || ds END, '0'), '\.$', '.0')
    ELSE regexp_replace(rtrim(left(ds, 1) || '.' || substr(ds, 2), '0'),
        '\.$', '.0') || 'e' || CASE WHEN e10 < 0 THEN '-' ELSE '+' END ||
      CASE WHEN abs(e10) < 10 THEN '0' ELSE '' END || abs(e10) END
    AS text) COLLATE "C"
  FROM g17 WHERE k = 20
  UNION ALL SELECT v, CAST('0.0' AS text) COLLATE "C" FROM num WHERE v = 0)
SELECT r.scale, r.respondent, r.item, r.n, s.t, q.t
FROM result r JOIN g17txt s ON s.v = r.s JOIN g17txt q ON q.v = r.q
ORDER BY 1, 2, 3 NULLS FIRST;
