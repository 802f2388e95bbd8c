-- PostgreSQL's twin of bench/plain_network_leftout.sql: the same rows, as
-- the same text, from a Waymark database on PostgreSQL (psql, unaligned
-- output, '|' between columns; :measure, :from and :to are psql
-- variables, set as the sqlite3 shell's parameters are: -v
-- "from='2026-Q1'"). SQLite's date() is written with PostgreSQL's
-- dates, and given back as its text (YYYY-MM-DD).
--
-- :measure is an instrument's family, else its url; :from and :to the
-- window's first and last quarter ('2026-Q1'). Per service: a row with
-- no scale, the people on its caseload on any day of the window (a spell
-- does not include its end date; each person once); and per scale of
-- the measure, of those, the people with a scored answer to it by
-- anyone by the window's end, and of them those with none by
-- themselves, alone or with a practitioner.
WITH
w AS (
  SELECT substr(CAST(:from AS text), 1, 4) || '-' ||
      lpad(((CAST(substr(CAST(:from AS text), 7) AS integer) - 1) * 3 + 1)
        ::text, 2, '0') || '-01' AS first_day,
    to_char(CAST(substr(CAST(:to AS text), 1, 4) || '-' ||
      lpad((CAST(substr(CAST(:to AS text), 7) AS integer) * 3)::text, 2,
        '0') || '-01' AS date) + interval '1 month' - interval '1 day',
      'YYYY-MM-DD') AS last_day),
c AS (
  SELECT DISTINCT k.unit_id, k.person_id FROM caseload k, w
  WHERE k.start_date <= w.last_day
    AND (k.end_date IS NULL OR (k.end_date > w.first_day
      AND k.end_date > k.start_date))),
a AS (
  SELECT r.subject_id AS person_id, sc.code AS scale,
    max((r.respondent IN ('person', 'person-with-practitioner'))::int)
      AS own
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score s ON s.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = s.scale
  WHERE r.subject_kind = 'person' AND r.status = 'completed'
    AND s.value IS NOT NULL
    AND coalesce(i.family, i.url) = CAST(:measure AS text)
    AND r.authored <= (SELECT last_day FROM w)
  GROUP BY r.subject_id, sc.code)
SELECT c.unit_id, '', count(*), 0 FROM c GROUP BY c.unit_id
UNION ALL
SELECT c.unit_id, a.scale, count(*), sum(1 - a.own)
FROM c JOIN a ON a.person_id = c.person_id
GROUP BY c.unit_id, a.scale
ORDER BY 1, 2;
