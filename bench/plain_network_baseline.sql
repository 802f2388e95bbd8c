-- The baseline sums of people's first answers, computed the plain way
-- from the raw tables (response, answer, score, instrument and its JSON
-- text, instrument_item, instrument_option, instrument_scale), with
-- nothing kept at write time. wm_store_network_baseline must give the
-- same figures; the unit tests (test_outcomes.c) check that it does.
--
-- :measure is an instrument's family (else its url). A person's first
-- answer on a scale (by themselves, or with a practitioner, apart) is
-- their earliest scored answer by date, then as recorded. Per scale and
-- respondent: the scale scores of every first answer (item NULL); of the
-- first answers that answered every item of the scale, the total of the
-- items (item '') and each item (by linkId), valued as the scale scores
-- it: a reversed item turned round (lowest + highest scored value, less
-- the value). The scale's items and reversed items are read from the
-- instrument's own text. Each row: n, sum and sum of squares.
WITH
scored AS (
  SELECT r.subject_id AS person, r.instrument_id, sc.code AS scale,
    r.respondent, r.authored, r.id, x.value
  FROM response r
  JOIN instrument i ON i.id = r.instrument_id
  JOIN score x ON x.response_id = r.id
  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id
    AND sc.idx = x.scale
  WHERE coalesce(i.family, i.url) = :measure
    AND r.subject_kind = 'person' AND r.status = 'completed'
    AND r.respondent IN ('person', 'person-with-practitioner')
    AND x.value IS NOT NULL),
firsts AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY person, scale, respondent
      ORDER BY authored, id) AS nth
    FROM scored)
  WHERE nth = 1),
def AS (
  SELECT i.id AS instrument_id,
    (SELECT c.value ->> 'valueCode' FROM json_each(x.value, '$.extension') c
     WHERE c.value ->> 'url' = 'code') AS code,
    y.value ->> 'valueString' AS link_id,
    EXISTS (SELECT 1 FROM json_each(x.value, '$.extension') z
      WHERE z.value ->> 'url' = 'reversed'
      AND z.value ->> 'valueString' = y.value ->> 'valueString') AS reversed
  FROM instrument i, json_each(i.content, '$.extension') x,
    json_each(x.value, '$.extension') y
  WHERE x.value ->> 'url' =
    'https://waymark.example/fhir/StructureDefinition/scale'
    AND y.value ->> 'url' = 'item'),
items AS (
  SELECT f.scale, f.respondent, f.id, d.link_id,
    CASE WHEN d.reversed THEN
      (SELECT min(m.value) + max(m.value) FROM instrument_option m
       WHERE m.instrument_id = f.instrument_id AND m.item_idx = it.idx
       AND m.value IS NOT NULL) - o.value
    ELSE o.value END AS v,
    (SELECT count(*) FROM def e WHERE e.instrument_id = f.instrument_id
     AND e.code = f.scale) AS k
  FROM firsts f
  JOIN def d ON d.instrument_id = f.instrument_id AND d.code = f.scale
  JOIN instrument_item it ON it.instrument_id = f.instrument_id
    AND it.link_id = d.link_id
  JOIN answer a ON a.response_id = f.id AND a.item = it.idx
  JOIN instrument_option o ON o.instrument_id = f.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  WHERE o.value IS NOT NULL),
complete AS (
  SELECT scale, respondent, id, sum(v) AS total FROM items
  GROUP BY scale, respondent, id HAVING count(*) = max(k))
SELECT scale, respondent, NULL AS item, count(*) AS n,
  printf('%!.17g', sum(value)), printf('%!.17g', sum(value * value))
FROM firsts GROUP BY scale, respondent
UNION ALL
SELECT scale, respondent, '', count(*), printf('%!.17g', sum(total)),
  printf('%!.17g', sum(total * total))
FROM complete GROUP BY scale, respondent
UNION ALL
SELECT i.scale, i.respondent, i.link_id, count(*), printf('%!.17g', sum(i.v)),
  printf('%!.17g', sum(i.v * i.v))
FROM items i JOIN complete c ON c.scale = i.scale
  AND c.respondent = i.respondent AND c.id = i.id
GROUP BY i.scale, i.respondent, i.link_id
ORDER BY 1, 2, 3;
