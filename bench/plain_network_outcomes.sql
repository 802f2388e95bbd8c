-- The network's outcomes for one window of quarters, computed the plain
-- way from the raw tables (response, score, instrument, instrument_scale),
-- with nothing kept at write time. wm_store_network_outcomes must give
-- the same rows, faster; the unit tests (test_outcomes.c) and the
-- benchmark check that it does.
--
-- :measure is an instrument's family (else its url); :from and :to the
-- window's first and last quarters ("2026-Q1"). One row per person, scale
-- and respondent (by themselves, or with a practitioner; staff-rated
-- answers are not outcomes) with a scored answer in the window: the
-- service of their latest answer in it, how many scored answers they had
-- up to its end, their first score ever and their latest in the window.
-- A person's answers are ordered by date, then as recorded (response id).
-- Values are written with 17 digits, so they compare exactly.
WITH
scored AS (
  SELECT r.subject_id AS person, sc.code AS scale, r.respondent,
    r.quarter, r.unit_id, r.authored, r.id, x.value
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score x ON x.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = x.scale
  WHERE coalesce(i.family, i.url) = :measure
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
  FROM ranked WHERE quarter <= :to)
SELECT unit_id, respondent, scale, nth AS responses,
  printf('%!.17g', first) AS first, printf('%!.17g', value) AS latest
FROM upto
WHERE back = 1 AND quarter >= :from
ORDER BY 1, 2, 3, 4, 5, 6;
