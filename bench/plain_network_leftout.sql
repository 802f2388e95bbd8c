-- Who is left out of a measure's outcomes per service, computed the
-- plain way from the raw tables (caseload, response, score, instrument),
-- with nothing kept at write time. wm_store_network_leftout must give
-- the same rows; the unit tests (test_kept.c) check that it does.
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
  SELECT substr(:from, 1, 4) || '-' ||
      printf('%02d', (CAST(substr(:from, 7) AS INTEGER) - 1) * 3 + 1) ||
      '-01' AS first_day,
    date(substr(:to, 1, 4) || '-' ||
      printf('%02d', CAST(substr(:to, 7) AS INTEGER) * 3) || '-01',
      '+1 month', '-1 day') AS last_day),
c AS (
  SELECT DISTINCT k.unit_id, k.person_id FROM caseload k, w
  WHERE k.start_date <= w.last_day
    AND (k.end_date IS NULL OR (k.end_date > w.first_day
      AND k.end_date > k.start_date))),
a AS (
  SELECT r.subject_id AS person_id, sc.code AS scale,
    max(r.respondent IN ('person', 'person-with-practitioner')) AS own
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score s ON s.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = s.scale
  WHERE r.subject_kind = 'person' AND r.status = 'completed'
    AND s.value IS NOT NULL AND coalesce(i.family, i.url) = :measure
    AND r.authored <= (SELECT last_day FROM w)
  GROUP BY r.subject_id, sc.code)
SELECT c.unit_id, '', count(*), 0 FROM c GROUP BY c.unit_id
UNION ALL
SELECT c.unit_id, a.scale, count(*), sum(NOT a.own)
FROM c JOIN a ON a.person_id = c.person_id
GROUP BY c.unit_id, a.scale
ORDER BY 1, 2;
