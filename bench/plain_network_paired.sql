-- The paired-outcome rate per service, computed the plain way from the
-- raw tables (caseload, response, score, instrument), with nothing kept
-- at write time. wm_store_network_paired_rate must give the same rows;
-- the unit tests (test_outcomes.c) check that it does.
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
  WHERE coalesce(family, url) = :measure OR url = :measure),
scored AS (
  SELECT r.subject_id AS person, count(*) AS n
  FROM response r
  WHERE r.subject_kind = 'person' AND r.status = 'completed'
    AND r.instrument_id IN m
    AND EXISTS (SELECT 1 FROM score s WHERE s.response_id = r.id
      AND s.value IS NOT NULL)
  GROUP BY r.subject_id),
k AS (
  SELECT unit_id, person_id, min(start_date) AS since FROM caseload
  WHERE end_date IS NULL GROUP BY unit_id, person_id)
SELECT k.unit_id,
  sum(k.since <= date(:today, '-' || :days || ' days')),
  sum(k.since <= date(:today, '-' || :days || ' days')
    AND coalesce(s.n, 0) >= 2)
FROM k LEFT JOIN scored s ON s.person = k.person_id
GROUP BY k.unit_id
ORDER BY 1;
