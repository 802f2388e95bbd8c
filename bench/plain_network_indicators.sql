-- The supportive service indicators per service over a window, computed
-- the plain way from the raw tables (response, answer, instrument),
-- with nothing kept at write time. wm_store_network_indicators must give
-- the same figures; the unit tests (test_kept.c) check that it does.
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
  WHERE i.url = :url AND r.subject_kind = 'person'
    AND r.status = 'completed'
    AND r.authored >= substr(:from, 1, 4) || '-' ||
      printf('%02d', (CAST(substr(:from, 7) AS INTEGER) - 1) * 3 + 1) ||
      '-01'
    AND r.authored < date(substr(:to, 1, 4) || '-' ||
      printf('%02d', CAST(substr(:to, 7) AS INTEGER) * 3) || '-01',
      '+1 month')),
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
SELECT unit_id, link_id, count(*), sum(hi > lo AND 2 * value > lo + hi)
FROM v GROUP BY unit_id, link_id
ORDER BY 1, 2;
