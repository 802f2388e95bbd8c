-- The completion rates of every service's cycles, computed the plain way:
-- one recursive query over the raw tables (cycle, caseload, response,
-- instrument), with no derived tables. Waymark's own pass
-- (wm_store_completion_each) must give the same figures, faster.
--
-- :today is the day the rates are counted to (YYYY-MM-DD); :unit is one
-- service's id, or NULL for every service. From the sqlite3 shell (the
-- inner quotes make the date text, not a sum):
--   sqlite3 -cmd ".parameter set :today \"'2026-10-01'\"" \
--     -cmd ".parameter set :unit NULL" DB <bench/plain_completion.sql
--
-- One walk per cycle and caseload spell (a cycle about the service walks
-- once, from the cycle's start), month by month as core/cycle.c walks:
--   W (a window due on `due`): the first unused completed answer on or
--     after 30 days before `due` meets it if it falls on or before 30 days
--     after (and by :today); the window counts if met, or if it has
--     closed by :today and before the spell ended. A window that does
--     not count ends the walk.
--   N (what is due next): `every` months after the answer that met the
--     window (else after the due date), moved on by each later answer
--     given before the next window opens (30 days before it).
-- An answer is "unused" when it comes after (la, lid), the last answer
-- used or passed over, in order of date then id. Months add as core adds
-- them: the 31st plus a month is the last day of a shorter month.
WITH RECURSIVE
-- The completed answers a cycle counts: a person's (by anyone), or a
-- service's own (not a validator's). Not materialized: each step searches
-- the response_subject index itself, as a query written out in full would.
answer_to(kind, subject, url, authored, id) AS NOT MATERIALIZED (
  SELECT r.subject_kind, r.subject_id, i.url, r.authored, r.id
  FROM response r JOIN instrument i ON i.id = r.instrument_id
  WHERE r.status = 'completed'
    AND (r.subject_kind = 'person' OR r.respondent <> 'validator')),
walk(cycle_id, url, every, kind, subject, since, gone) AS (
  SELECT y.id, y.instrument_url, y.every_months, 'person', k.person_id,
    max(k.start_date, y.start_date),
    CASE WHEN y.stopped IS NOT NULL
      AND (k.end_date IS NULL OR y.stopped < k.end_date)
      THEN y.stopped ELSE k.end_date END
  FROM cycle y JOIN caseload k ON k.unit_id = y.unit_id
  WHERE y.subject_kind = 'person' AND (:unit IS NULL OR y.unit_id = :unit)
  UNION ALL
  SELECT y.id, y.instrument_url, y.every_months, 'service', y.unit_id,
    y.start_date, y.stopped
  FROM cycle y
  WHERE y.subject_kind = 'service' AND (:unit IS NULL OR y.unit_id = :unit)),
step(cycle_id, url, every, kind, subject, gone, phase, due, nxt, la, lid,
    win_due, win_done) AS (
  SELECT cycle_id, url, every, kind, subject, gone, 'W', since, NULL, '', 0,
    NULL, NULL
  FROM walk
  UNION ALL
  -- W: the window due on s.due, met by answer a or not.
  SELECT s.cycle_id, s.url, s.every, s.kind, s.subject, s.gone, 'N', s.due,
    min(date(CASE WHEN a.authored <= date(s.due, '+30 days')
        AND a.authored <= :today THEN a.authored ELSE s.due END,
        '+' || s.every || ' months'),
      date(CASE WHEN a.authored <= date(s.due, '+30 days')
        AND a.authored <= :today THEN a.authored ELSE s.due END,
        'start of month', '+' || (s.every + 1) || ' months', '-1 day')),
    CASE WHEN a.authored <= date(s.due, '+30 days') AND a.authored <= :today
      THEN a.authored
      WHEN (s.la, s.lid) < (date(s.due, '-30 days'), 0)
      THEN date(s.due, '-30 days') ELSE s.la END,
    CASE WHEN a.authored <= date(s.due, '+30 days') AND a.authored <= :today
      THEN a.id
      WHEN (s.la, s.lid) < (date(s.due, '-30 days'), 0)
      THEN 0 ELSE s.lid END,
    s.due,
    coalesce(a.authored <= date(s.due, '+30 days') AND a.authored <= :today,
      0)
  FROM step s
  LEFT JOIN response a ON a.id = (
    SELECT id FROM answer_to
    WHERE kind = s.kind AND subject = s.subject AND url = s.url
      AND authored >= date(s.due, '-30 days') AND (authored, id) > (s.la, s.lid)
    ORDER BY authored, id LIMIT 1)
  WHERE s.phase = 'W' AND s.due <= :today
    AND (s.gone IS NULL OR s.due <= s.gone)
    AND ((a.authored <= date(s.due, '+30 days') AND a.authored <= :today)
      OR (date(s.due, '+30 days') <= :today
        AND (s.gone IS NULL OR date(s.due, '+30 days') <= s.gone)))
  UNION ALL
  -- N: the next unused answer b, if given (by :today) before the next
  -- window opens, moves the next due date on; else that window is next
  -- (never on or before the last, as in core).
  SELECT s.cycle_id, s.url, s.every, s.kind, s.subject, s.gone,
    CASE WHEN b.authored <= :today AND b.authored < date(s.nxt, '-30 days')
      THEN 'N' ELSE 'W' END,
    CASE WHEN b.authored <= :today AND b.authored < date(s.nxt, '-30 days')
      THEN s.due
      WHEN s.nxt <= s.due
      THEN min(date(s.due, '+' || s.every || ' months'),
        date(s.due, 'start of month', '+' || (s.every + 1) || ' months',
          '-1 day'))
      ELSE s.nxt END,
    CASE WHEN b.authored <= :today AND b.authored < date(s.nxt, '-30 days')
      THEN min(date(b.authored, '+' || s.every || ' months'),
        date(b.authored, 'start of month', '+' || (s.every + 1) || ' months',
          '-1 day')) END,
    CASE WHEN b.authored <= :today AND b.authored < date(s.nxt, '-30 days')
      THEN b.authored ELSE s.la END,
    CASE WHEN b.authored <= :today AND b.authored < date(s.nxt, '-30 days')
      THEN b.id ELSE s.lid END,
    NULL, NULL
  FROM step s
  LEFT JOIN response b ON b.id = (
    SELECT id FROM answer_to
    WHERE kind = s.kind AND subject = s.subject AND url = s.url
      AND (authored, id) > (s.la, s.lid)
    ORDER BY authored, id LIMIT 1)
  WHERE s.phase = 'N')
SELECT cycle_id, substr(win_due, 1, 7) AS month, count(*) AS due,
  sum(win_done) AS done
FROM step
WHERE win_due IS NOT NULL
  AND win_due >= date(:today, 'start of month', '-12 months')
GROUP BY cycle_id, month
ORDER BY cycle_id, month;
