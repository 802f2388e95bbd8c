-- The network summary's outcome rows, computed the plain way: a GROUP BY
-- over the raw answers, with no derived scores. Waymark's own report must
-- give the same figures, faster.
.timeout 10000
.mode csv
.headers off
WITH per_response AS (
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
  WHERE type = 'choice' GROUP BY instrument_id)
SELECT 'outcome', u.code, u.name, r.quarter, r.respondent, sc.code,
  count(DISTINCT r.subject_id), printf('%.2f', avg(p.v))
FROM per_response p
JOIN response r ON r.id = p.rid
JOIN items ON items.instrument_id = r.instrument_id
JOIN unit u ON u.id = r.unit_id
JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
WHERE p.n * 100 >= 80 * items.k
GROUP BY u.code, r.quarter, r.respondent, sc.code
ORDER BY u.code, r.quarter, r.respondent, sc.code;
