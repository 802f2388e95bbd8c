-- PostgreSQL's twin of bench/plain_network_outcomes.sql: the same rows,
-- as the same text, from a Waymark database on PostgreSQL (psql,
-- unaligned output, '|' between columns; :measure, :from and :to are
-- psql variables, set as the sqlite3 shell's parameters are: -v
-- "from='2026-Q1'"). The values are written as SQLite's
-- printf('%!.17g') writes them, digit for digit (below).
--
-- :measure is an instrument's family (else its url); :from and :to the
-- window's first and last quarters ("2026-Q1"). One row per person, scale
-- and respondent (by themselves, or with a practitioner; staff-rated
-- answers are not outcomes) with a scored answer in the window: the
-- service of their latest answer in it, how many scored answers they had
-- up to its end, their first score ever and their latest in the window.
-- A person's answers are ordered by date, then as recorded (response id).
-- Values are written with 17 digits, so they compare exactly.
WITH RECURSIVE
scored AS (
  SELECT r.subject_id AS person, sc.code AS scale, r.respondent,
    r.quarter, r.unit_id, r.authored, r.id, x.value
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score x ON x.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = x.scale
  WHERE coalesce(i.family, i.url) = CAST(:measure AS text)
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
upto AS (
  SELECT *,
    row_number() OVER (PARTITION BY person, scale, respondent
      ORDER BY authored DESC, id DESC) AS back
  FROM ranked WHERE quarter <= CAST(:to AS text)),
result AS (
  SELECT unit_id, respondent, scale, nth AS responses, first, value
  FROM upto
  WHERE back = 1 AND quarter >= CAST(:from AS text)),
num(v) AS (SELECT first FROM result UNION SELECT value FROM result),
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
SELECT r.unit_id, r.respondent, r.scale, r.responses, f.t AS first,
  l.t AS latest
FROM result r JOIN g17txt f ON f.v = r.first JOIN g17txt l ON l.v = r.value
ORDER BY 1, 2, 3, 4, 5, 6;
