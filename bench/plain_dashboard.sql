-- One service's dashboard figures, computed the plain way: one query over
-- the raw tables (instrument and its JSON content, response, answer,
-- instrument_option, assessment, validation, invitation, caseload,
-- role_grant, training), with no derived scores. Waymark's
-- wm_dashboard_build must give the same figures, faster. The completion
-- part is bench/plain_completion.sql, run beside this.
--
-- :unit is the service's id; :today the day (YYYY-MM-DD); :min_validators and :min_groups the
-- network's validation rule (its settings). One row per figure:
--   light, N, own light, consensus, validated (0/1), validators, groups
--   course, code, staff who have done it, staff
--   change, scale, respondent, people with two or more answers,
--     improved, same, worse, with one answer, with none, mean change
--     (2 decimals)
--   profile, erfs or tips, quarter, column, '-', responses, subjects
--   profile, erfs or tips, quarter, column, question, answers, scored,
--     agreeing, total (2 decimals)
-- A light is 1 red, 2 amber, 3 green, 0 none.
WITH
-- Each scale's items, read from the instrument's own definition.
scale(instrument_id, code, pct, link_id) AS (
  SELECT i.id,
    (SELECT c.value ->> 'valueCode' FROM json_each(s.value, '$.extension') c
     WHERE c.value ->> 'url' = 'code'),
    coalesce((SELECT c.value ->> 'valueInteger'
     FROM json_each(s.value, '$.extension') c
     WHERE c.value ->> 'url' = 'minAnsweredPercent'), 100),
    x.value ->> 'valueString'
  FROM instrument i, json_each(i.content, '$.extension') s,
    json_each(s.value, '$.extension') x
  WHERE s.value ->> 'url' LIKE '%/StructureDefinition/scale'
    AND x.value ->> 'url' = 'item'),
scale_size(instrument_id, code, pct, items) AS (
  SELECT instrument_id, code, pct, count(*) FROM scale
  GROUP BY instrument_id, code),
-- The standards: the latest period's own lights (its latest version) and
-- validators' lights.
period AS (
  SELECT max(a.period) AS p FROM assessment a
  WHERE a.unit_id = :unit
    AND (EXISTS (SELECT 1 FROM assessment_version v
      WHERE v.assessment_id = a.id)
     OR EXISTS (SELECT 1 FROM validation x JOIN invitation i
      ON i.assessment_id = x.assessment_id AND i.account_id = x.account_id
      WHERE x.assessment_id = a.id))),
-- The responses the dashboard reads: the latest period's lights, and the
-- recovery markers of the people on the caseload now.
now_on AS (
  SELECT DISTINCT person_id AS id FROM caseload
  WHERE unit_id = :unit AND end_date IS NULL),
wanted(id) AS (
  SELECT v.response_id FROM assessment a JOIN period ON a.period = period.p
  JOIN assessment_version v ON v.assessment_id = a.id
  WHERE a.unit_id = :unit
  UNION
  SELECT x.response_id FROM assessment a JOIN period ON a.period = period.p
  JOIN validation x ON x.assessment_id = a.id
  WHERE a.unit_id = :unit
  UNION
  SELECT r.id FROM now_on p
  JOIN response r ON r.subject_kind = 'person' AND r.subject_id = p.id
    AND r.status = 'completed'
  JOIN instrument i ON i.id = r.instrument_id
    AND i.url = 'https://waymark.example/fhir/Questionnaire/dreem-recovery-markers'
  WHERE r.respondent IN ('person', 'person-with-practitioner')),
-- Their scores on each scale: the mean of the answered items, when
-- enough are answered. (CROSS JOIN keeps SQLite's join order: left to
-- itself it starts from every response to the instrument and searches
-- `wanted` for each, several times slower.)
scored(response_id, code, value) AS (
  SELECT r.id, z.code, avg(o.value)
  FROM wanted w
  CROSS JOIN response r ON r.id = w.id
  JOIN scale z ON z.instrument_id = r.instrument_id
  JOIN scale_size zs ON zs.instrument_id = z.instrument_id
    AND zs.code = z.code
  JOIN instrument_item it ON it.instrument_id = r.instrument_id
    AND it.link_id = z.link_id
  JOIN answer a ON a.response_id = r.id AND a.item = it.idx
  JOIN instrument_option o ON o.instrument_id = r.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  WHERE o.value IS NOT NULL
  GROUP BY r.id, z.code
  HAVING count(*) * 100 >= max(zs.pct) * max(zs.items)),
own AS (
  SELECT CAST(substr(sc.code, 10) AS INTEGER) AS n, sc.value AS v
  FROM assessment a JOIN period ON a.period = period.p
  JOIN assessment_version v ON v.assessment_id = a.id
    AND v.version = (SELECT max(version) FROM assessment_version
      WHERE assessment_id = a.id)
  JOIN scored sc ON sc.response_id = v.response_id
  WHERE a.unit_id = :unit AND sc.code LIKE 'standard-%'),
vote AS (
  SELECT CAST(substr(sc.code, 10) AS INTEGER) AS n, i.stakeholder AS g,
    CAST(sc.value AS INTEGER) AS v
  FROM assessment a JOIN period ON a.period = period.p
  JOIN validation x ON x.assessment_id = a.id
  JOIN invitation i ON i.assessment_id = a.id AND i.account_id = x.account_id
  JOIN scored sc ON sc.response_id = x.response_id
  WHERE a.unit_id = :unit AND sc.code LIKE 'standard-%'
    AND sc.value IN (1, 2, 3)),
votes AS (
  SELECT n, count(*) AS k, count(DISTINCT g) AS groups,
    sum(v = 1) AS r1, sum(v = 2) AS r2
  FROM vote GROUP BY n),
standard(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM standard WHERE n < 10),
-- The recovery markers' scores of the people on the caseload now.
marker AS (
  SELECT p.id AS person, r.respondent, sc.code, sc.value, r.authored, r.id
  FROM now_on p
  CROSS JOIN response r ON r.subject_kind = 'person' AND r.subject_id = p.id
    AND r.status = 'completed'
  JOIN instrument i ON i.id = r.instrument_id
    AND i.url = 'https://waymark.example/fhir/Questionnaire/dreem-recovery-markers'
  JOIN scored sc ON sc.response_id = r.id
  WHERE r.respondent IN ('person', 'person-with-practitioner')),
ranked AS (
  SELECT person, respondent, code, value,
    row_number() OVER (PARTITION BY person, respondent, code
      ORDER BY authored, id) AS nth,
    count(*) OVER (PARTITION BY person, respondent, code) AS k
  FROM marker),
ends AS (
  SELECT person, respondent, code, max(k) AS k,
    max(CASE WHEN nth = 1 THEN value END) AS first,
    max(CASE WHEN nth = k THEN value END) AS latest
  FROM ranked GROUP BY person, respondent, code),
change AS (
  SELECT code, respondent,
    sum(k >= 2) AS people,
    sum(k >= 2 AND latest - first >= 0.25) AS improved,
    sum(k >= 2 AND latest - first > -0.25 AND latest - first < 0.25) AS same,
    sum(k >= 2 AND latest - first <= -0.25) AS worse,
    sum(k = 1) AS one,
    sum(CASE WHEN k >= 2 THEN latest - first END) AS total
  FROM ends GROUP BY code, respondent),
staff AS (
  SELECT DISTINCT account_id FROM role_grant
  WHERE unit_id = :unit AND role IN ('practitioner', 'lead')),
-- The ERFS profile (the service's answers; people using it in column 0,
-- staff in 1) for the latest quarter up to today's with answers, and the
-- team's Ten Top Tips (staff's answers, column 0) for the latest with at
-- least 5 reflections from at least 2 practitioners; else today's.
view(name, url, about) AS (VALUES
  ('erfs', 'https://waymark.example/fhir/Questionnaire/erfs', 'service'),
  ('tips', 'https://waymark.example/fhir/Questionnaire/ten-top-tips',
    'staff')),
today_q(q) AS (
  SELECT strftime('%Y', :today) || '-Q'
    || ((CAST(strftime('%m', :today) AS INTEGER) + 2) / 3)),
view_q AS (
  SELECT v.name, v.url, v.about, coalesce((SELECT max(quarter) FROM
    (SELECT r.quarter FROM response r
      JOIN instrument i ON i.id = r.instrument_id
      WHERE i.url = v.url AND r.unit_id = :unit AND r.subject_kind = v.about
        AND r.status = 'completed' AND r.quarter <= today_q.q
      GROUP BY r.quarter
      HAVING v.name <> 'tips' OR (count(*) >= 5
        AND count(DISTINCT r.subject_id) >= 2))), today_q.q) AS q,
    (SELECT max(id) FROM instrument WHERE url = v.url) AS latest
  FROM view v, today_q),
view_r AS (
  SELECT v.name, v.q, v.latest, r.id, r.instrument_id, r.subject_id,
    r.respondent,
    CASE WHEN v.name = 'tips' THEN 0 WHEN r.respondent = 'person' THEN 0
      WHEN r.respondent = 'staff' THEN 1 END AS col
  FROM view_q v JOIN instrument i ON i.url = v.url
  JOIN response r ON r.instrument_id = i.id AND r.unit_id = :unit
    AND r.quarter = v.q AND r.subject_kind = v.about
    AND r.status = 'completed'),
view_head AS (
  SELECT name, q, col, respondent, count(*) AS n,
    count(DISTINCT subject_id) AS who
  FROM view_r WHERE col IS NOT NULL GROUP BY name, respondent),
view_item AS (
  SELECT v.name, v.q, v.col, it.link_id, count(*) AS n,
    count(o.value) AS scored,
    sum(o.value > (b.lo + b.hi) / 2 AND b.hi > b.lo) AS agree,
    coalesce(sum(o.value), 0) AS total
  FROM view_r v JOIN answer a ON a.response_id = v.id
  JOIN instrument_item it ON it.instrument_id = v.instrument_id
    AND it.idx = a.item
  JOIN instrument_option o ON o.instrument_id = v.instrument_id
    AND o.item_idx = a.item AND o.idx = a.option
  JOIN (SELECT instrument_id, item_idx, min(value) AS lo, max(value) AS hi
    FROM instrument_option GROUP BY instrument_id, item_idx) b
    ON b.instrument_id = v.instrument_id AND b.item_idx = a.item
  WHERE v.col IS NOT NULL AND it.link_id IN (SELECT link_id
    FROM instrument_item WHERE instrument_id = v.latest AND type = 'choice')
  GROUP BY v.name, v.col, it.link_id)
SELECT 'light', standard.n,
  CASE WHEN own.v IN (1, 2, 3) THEN CAST(own.v AS INTEGER) ELSE 0 END,
  CASE WHEN coalesce(k, 0) = 0 THEN 0
    WHEN r1 >= (k + 1) / 2 THEN 1
    WHEN r1 + r2 >= (k + 1) / 2 THEN 2 ELSE 3 END,
  coalesce(k, 0) >= :min_validators AND coalesce(groups, 0) >= :min_groups,
  coalesce(k, 0), coalesce(groups, 0), NULL, NULL, NULL
FROM standard LEFT JOIN own ON own.n = standard.n
LEFT JOIN votes ON votes.n = standard.n
UNION ALL
SELECT 'course', t.course, count(DISTINCT t.account_id),
  (SELECT count(*) FROM staff), NULL, NULL, NULL, NULL, NULL, NULL
FROM training t WHERE t.account_id IN (SELECT account_id FROM staff)
GROUP BY t.course
UNION ALL
SELECT 'change', code, respondent, people, improved, same, worse, one,
  (SELECT count(*) FROM now_on) - people - one,
  CASE WHEN people > 0 THEN printf('%.2f', total / people) END
FROM change
UNION ALL
SELECT 'profile', name, q, col, '-', sum(n), sum(who), NULL, NULL, NULL
FROM view_head GROUP BY name, col
UNION ALL
SELECT 'profile', name, q, col, link_id, n, scored, agree,
  printf('%.2f', total), NULL
FROM view_item;
