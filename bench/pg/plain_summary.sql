-- PostgreSQL's twin of bench/plain_summary.sql: the same lines, byte for
-- byte, from a Waymark database on PostgreSQL (psql -X -d DB
-- <bench/pg/plain_summary.sql). The sqlite3 shell's CSV (.mode csv) is
-- written out here as one column: a field in double quotes (its own
-- doubled) when it is empty or holds a character the shell quotes for
-- (a control character, space, '"', "'", ',' or any byte outside
-- ASCII), each line ended by CR LF, as the shell ends them. The mean is
-- written as SQLite's printf('%.2f') writes it (below). The shell's
-- .timeout (waiting on a writer's lock) has no twin: PostgreSQL's
-- readers do not wait on writers.
\set QUIET on
\pset format unaligned
\pset tuples_only on
WITH RECURSIVE
per_response AS (
  SELECT a.response_id AS rid, avg(o.value) AS v, count(o.value) AS n
  FROM answer a
  JOIN response r ON r.id = a.response_id
  JOIN instrument i ON i.id = r.instrument_id
  JOIN instrument_option o ON o.instrument_id = r.instrument_id
   AND o.item_idx = a.item AND o.idx = a.option
  WHERE i.family = 'dreem' AND r.status = 'completed'
  GROUP BY a.response_id),
items AS (
  SELECT instrument_id, count(*) AS k FROM instrument_item
  WHERE type = 'choice' GROUP BY instrument_id),
-- The means added up in the order SQLite adds them (its responses in
-- order), as a sum of doubles depends on its order.
result AS (
  SELECT u.code, u.name, r.quarter, r.respondent, sc.code AS scale,
    count(DISTINCT r.subject_id) AS people, avg(p.v ORDER BY p.rid) AS mean
  FROM per_response p
  JOIN response r ON r.id = p.rid
  JOIN items ON items.instrument_id = r.instrument_id
  JOIN unit u ON u.id = r.unit_id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
  WHERE p.n * 100 >= 80 * items.k
  GROUP BY u.code, u.name, r.quarter, r.respondent, sc.code),
-- The figures written with printf('%.<n>f'): fix_in (value, n), and
-- each n with SQLite's rounder for it (arRound[n] in its printf.c).
fix_round(n, r) AS (VALUES (2, 5.0e-03::float8)),
fix_in(v, n) AS (SELECT mean, 2 FROM result),
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
SELECT (SELECT string_agg(CASE WHEN f = ''
      OR f ~ '[^\x21\x23-\x26\x28-\x2b\x2d-\x7e]'
    THEN '"' || replace(f, '"', '""') || '"' ELSE f END, ',' ORDER BY i)
  FROM unnest(ARRAY['outcome', r.code, r.name, r.quarter, r.respondent,
    r.scale, r.people::text, x.t]) WITH ORDINALITY AS c(f, i))
  || chr(13)
FROM result r JOIN fixed x ON x.v = r.mean AND x.n = 2
ORDER BY r.code, r.quarter, r.respondent, r.scale;
