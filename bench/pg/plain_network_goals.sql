-- PostgreSQL's twin of bench/plain_network_goals.sql: the same rows, as
-- the same text, from a Waymark database on PostgreSQL (psql, unaligned
-- output, '|' between columns). A comparison is a boolean here: it is
-- made 0/1 before it is added up or compared, as SQLite's are.
--
-- Per service with anyone on its caseload now (no end date) who has
-- goals of their own: those people; of them, those with a goal reviewed
-- at least twice; of those, the people with such a goal whose latest
-- review (by date, then as recorded) is rated higher than its first.
WITH
g AS (
  SELECT goal.id, goal.person_id, count(r.id) AS reviews,
    (SELECT rating FROM goal_review WHERE goal_id = goal.id
     ORDER BY reviewed, id LIMIT 1) AS first,
    (SELECT rating FROM goal_review WHERE goal_id = goal.id
     ORDER BY reviewed DESC, id DESC LIMIT 1) AS latest
  FROM goal LEFT JOIN goal_review r ON r.goal_id = goal.id
  GROUP BY goal.id),
k AS (
  SELECT DISTINCT unit_id, person_id FROM caseload WHERE end_date IS NULL),
p AS (
  SELECT k.unit_id, count(g.id) AS goals,
    max((g.reviews >= 2)::int) AS reviewed,
    max((g.reviews >= 2 AND g.latest > g.first)::int) AS higher
  FROM k LEFT JOIN g ON g.person_id = k.person_id
  GROUP BY k.unit_id, k.person_id)
SELECT unit_id, sum((goals > 0)::int), coalesce(sum(reviewed), 0),
  coalesce(sum(higher), 0)
FROM p GROUP BY unit_id HAVING sum((goals > 0)::int) > 0 ORDER BY 1;
