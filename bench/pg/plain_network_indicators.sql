-- PostgreSQL's twin of bench/plain_network_indicators.sql: the same rows,
-- as the same text, from a Waymark database on PostgreSQL (psql,
-- unaligned output, '|' between columns; :url, :from and :to are psql
-- variables, set as the sqlite3 shell's parameters are: -v
-- "from='2026-Q1'"). SQLite's date() is written with PostgreSQL's
-- dates, and given back as its text (YYYY-MM-DD); a comparison is made
-- 0/1 before it is added up, as SQLite's is.
--
-- :url is the indicators' url (every version); :from and :to the
-- window's first and last quarter ('2026-Q1'). Each person's latest
-- completed response dated in the window (by date, then as recorded) counts
-- once, at the service it was about: per service and question, the
-- people who answered it on its scale ("prefer not to say" is not on
-- it), and of them those who agree: a value above the middle of the
-- question's scored values (core/indicators.c).
WITH
p AS (
  SELECT r.id, r.unit_id, r.instrument_id,
    row_number() OVER (PARTITION BY r.subject_id
      ORDER BY r.authored DESC, r.id DESC) AS k
  FROM response r JOIN instrument i ON i.id = r.instrument_id
  WHERE i.url = CAST(:url AS text) AND r.subject_kind = 'person'
    AND r.status = 'completed'
    AND r.authored >= substr(CAST(:from AS text), 1, 4) || '-' ||
      lpad(((CAST(substr(CAST(:from AS text), 7) AS integer) - 1) * 3 + 1)
        ::text, 2, '0') || '-01'
    AND r.authored < to_char(CAST(substr(CAST(:to AS text), 1, 4) || '-' ||
      lpad((CAST(substr(CAST(:to AS text), 7) AS integer) * 3)::text, 2,
        '0') || '-01' AS date) + interval '1 month', 'YYYY-MM-DD')),
v AS (
  SELECT p.unit_id, it.link_id, o.value,
    (SELECT min(m.value) FROM instrument_option m
     WHERE m.instrument_id = p.instrument_id AND m.item_idx = a.item)
      AS lo,
    (SELECT max(m.value) FROM instrument_option m
     WHERE m.instrument_id = p.instrument_id AND m.item_idx = a.item)
      AS hi
  FROM p JOIN answer a ON a.response_id = p.id
  JOIN instrument_item it ON it.instrument_id = p.instrument_id
    AND it.idx = a.item
  JOIN instrument_option o ON o.instrument_id = p.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  WHERE p.k = 1 AND o.value IS NOT NULL)
SELECT unit_id, link_id, count(*),
  sum((hi > lo AND 2 * value > lo + hi)::int)
FROM v GROUP BY unit_id, link_id
ORDER BY 1, 2;
