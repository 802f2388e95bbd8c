-- PostgreSQL's twin of bench/plain_completion.sql: the same rows, as the
-- same text, from a Waymark database on PostgreSQL (psql, unaligned
-- output, '|' between columns; :today and :unit are psql variables, set
-- as the sqlite3 shell's parameters are, the date in quotes:
--   psql -v "today='2026-10-01'" -v unit=NULL -d DB \
--     -f bench/pg/plain_completion.sql
-- The dates are text, as the tables keep them; SQLite's date() is
-- written with PostgreSQL's dates and given back as text (YYYY-MM-DD).
-- SQLite adds months by overflowing into the next month and the query
-- takes the lesser of that and the month's last day: PostgreSQL's
-- date + interval stops at the last day itself, which is that date.
-- PostgreSQL lets a recursive query name itself once: the two kinds of
-- step (W and N) are one step here, whose lateral part is the one or
-- the other by the phase.
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
-- used or passed over, in order of date then id.
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
    greatest(k.start_date, y.start_date),
    CASE WHEN y.stopped IS NOT NULL
      AND (k.end_date IS NULL OR y.stopped < k.end_date)
      THEN y.stopped ELSE k.end_date END
  FROM cycle y JOIN caseload k ON k.unit_id = y.unit_id
  WHERE y.subject_kind = 'person'
    AND (CAST(:unit AS bigint) IS NULL OR y.unit_id = CAST(:unit AS bigint))
  UNION ALL
  SELECT y.id, y.instrument_url, y.every_months, 'service', y.unit_id,
    y.start_date, y.stopped
  FROM cycle y
  WHERE y.subject_kind = 'service'
    AND (CAST(:unit AS bigint) IS NULL OR y.unit_id = CAST(:unit AS bigint))),
-- The day, as text: dates are compared as text, as SQLite compares them.
today(day) AS (SELECT CAST(:today AS text)),
step(cycle_id, url, every, kind, subject, gone, phase, due, nxt, la, lid,
    win_due, win_done) AS (
  SELECT cycle_id, url, every, kind, subject, gone, 'W' COLLATE "C",
    since, NULL COLLATE "C", '' COLLATE "C", CAST(0 AS bigint),
    NULL COLLATE "C", CAST(NULL AS integer)
  FROM walk
  UNION ALL
  SELECT x.* FROM step s CROSS JOIN today t
  -- Days 30 before and after s.due, and the next window's opening.
  CROSS JOIN LATERAL (SELECT
    to_char(CAST(s.due AS date) - 30, 'YYYY-MM-DD') AS opens,
    to_char(CAST(s.due AS date) + 30, 'YYYY-MM-DD') AS closes,
    to_char(CAST(s.nxt AS date) - 30, 'YYYY-MM-DD') AS next_opens) w
  CROSS JOIN LATERAL (
    -- W: the window due on s.due, met by answer a or not.
    SELECT s.cycle_id, s.url, s.every, s.kind, s.subject, s.gone,
      CAST('N' AS text), s.due,
      to_char(CAST(CASE WHEN a.authored <= w.closes
          AND a.authored <= t.day THEN a.authored ELSE s.due END AS date)
        + s.every * interval '1 month', 'YYYY-MM-DD'),
      CASE WHEN a.authored <= w.closes AND a.authored <= t.day
        THEN a.authored
        WHEN (s.la, s.lid) < (w.opens, 0)
        THEN w.opens ELSE s.la END,
      CASE WHEN a.authored <= w.closes AND a.authored <= t.day
        THEN a.id
        WHEN (s.la, s.lid) < (w.opens, 0)
        THEN 0 ELSE s.lid END,
      s.due,
      coalesce((a.authored <= w.closes AND a.authored <= t.day)::int, 0)
    FROM (SELECT) one
    LEFT JOIN LATERAL (
      SELECT authored, id FROM answer_to
      WHERE kind = s.kind AND subject = s.subject AND url = s.url
        AND authored >= w.opens AND (authored, id) > (s.la, s.lid)
      ORDER BY authored, id LIMIT 1) a ON true
    WHERE s.phase = 'W' AND s.due <= t.day
      AND (s.gone IS NULL OR s.due <= s.gone)
      AND ((a.authored <= w.closes AND a.authored <= t.day)
        OR (w.closes <= t.day
          AND (s.gone IS NULL OR w.closes <= s.gone)))
    UNION ALL
    -- N: the next unused answer b, if given (by :today) before the next
    -- window opens, moves the next due date on; else that window is
    -- next (never on or before the last, as in core).
    SELECT s.cycle_id, s.url, s.every, s.kind, s.subject, s.gone,
      CASE WHEN b.authored <= t.day AND b.authored < w.next_opens
        THEN 'N' ELSE 'W' END,
      CASE WHEN b.authored <= t.day AND b.authored < w.next_opens
        THEN s.due
        WHEN s.nxt <= s.due
        THEN to_char(CAST(s.due AS date) + s.every * interval '1 month',
          'YYYY-MM-DD')
        ELSE s.nxt END,
      CASE WHEN b.authored <= t.day AND b.authored < w.next_opens
        THEN to_char(CAST(b.authored AS date)
          + s.every * interval '1 month', 'YYYY-MM-DD') END,
      CASE WHEN b.authored <= t.day AND b.authored < w.next_opens
        THEN b.authored ELSE s.la END,
      CASE WHEN b.authored <= t.day AND b.authored < w.next_opens
        THEN b.id ELSE s.lid END,
      NULL, NULL
    FROM (SELECT) one
    LEFT JOIN LATERAL (
      SELECT authored, id FROM answer_to
      WHERE kind = s.kind AND subject = s.subject AND url = s.url
        AND (authored, id) > (s.la, s.lid)
      ORDER BY authored, id LIMIT 1) b ON true
    WHERE s.phase = 'N') x)
SELECT cycle_id, substr(win_due, 1, 7) AS month, count(*) AS due,
  sum(win_done) AS done
FROM step
WHERE win_due IS NOT NULL
  AND win_due >= to_char(date_trunc('month', CAST(:today AS date))
    - interval '12 months', 'YYYY-MM-DD')
GROUP BY cycle_id, month
ORDER BY cycle_id, month;
