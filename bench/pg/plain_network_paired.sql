-- PostgreSQL's twin of bench/plain_network_paired.sql: the same rows, as
-- the same text, from a Waymark database on PostgreSQL (psql, unaligned
-- output, '|' between columns; :measure, :today and :days are psql
-- variables, set as the sqlite3 shell's parameters are: -v
-- "today='2026-07-01'"). A comparison is a boolean here: it is made 0/1
-- before it is added up, as SQLite's is.
--
-- :measure is an instrument's family, or one instrument's url; :today a
-- date (YYYY-MM-DD) and :days a whole number. Per service with anyone on
-- its caseload now (no end date; a second open spell there counts once,
-- from the earlier start): the people who joined at least :days days
-- before :today, and of them those with two or more completed responses
-- with a score to the measure, by anyone, at any service.
WITH
m AS (
  SELECT id FROM instrument
  WHERE coalesce(family, url) = CAST(:measure AS text)
    OR url = CAST(:measure AS text)),
scored AS (
  SELECT r.subject_id AS person, count(*) AS n
  FROM response r
  WHERE r.subject_kind = 'person' AND r.status = 'completed'
    AND r.instrument_id IN (SELECT id FROM m)
    AND EXISTS (SELECT 1 FROM score s WHERE s.response_id = r.id
      AND s.value IS NOT NULL)
  GROUP BY r.subject_id),
k AS (
  SELECT unit_id, person_id, min(start_date) AS since FROM caseload
  WHERE end_date IS NULL GROUP BY unit_id, person_id),
-- SQLite's date(:today, '-N days'), as text.
d AS (
  SELECT to_char(CAST(:today AS date) - CAST(:days AS integer),
    'YYYY-MM-DD') AS day)
SELECT k.unit_id,
  sum((k.since <= d.day)::int),
  sum((k.since <= d.day AND coalesce(s.n, 0) >= 2)::int)
FROM k CROSS JOIN d LEFT JOIN scored s ON s.person = k.person_id
GROUP BY k.unit_id
ORDER BY 1;
