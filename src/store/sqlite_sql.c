/*
 * The closed catalogue of every SQL statement the SQLite backend runs.
 * Parameters are always bound; variants are separate entries or NULL-able
 * parameters, never text spliced at run time.
 */
#include "store/sql_internal.h"

/* A cycle of a person's service, with c the caseload row and y the
 * cycle: the latest version of its instrument (id, title), how often it
 * asks, when it first applied to them (they joined, or it began), and
 * when they last completed it (any version). */
#define CYCLE_COLUMNS \
	" (SELECT i.id FROM instrument i WHERE i.url = y.instrument_url" \
	"  ORDER BY i.id DESC LIMIT 1)," \
	" (SELECT i.title FROM instrument i WHERE i.url = y.instrument_url" \
	"  ORDER BY i.id DESC LIMIT 1)," \
	" y.every_months, max(y.start_date, c.start_date)," \
	" (SELECT max(r.authored) FROM response r JOIN instrument i" \
	"  ON i.id = r.instrument_id WHERE i.url = y.instrument_url" \
	"  AND r.subject_kind = 'person' AND r.subject_id = c.person_id" \
	"  AND r.status = 'completed') "

/* What an administrator reads of an account besides its grants: its last
 * sign-in (its newest session's start, by the index on (account,
 * created)), when it was deactivated, and when its unused setup code
 * expires, in words' ISO form and, the last, in seconds. */
#define ACCOUNT_MORE \
	", (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', max(created), 'unixepoch')" \
	" FROM session WHERE account_id = a.id), a.deactivated," \
	" (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', max(expires), 'unixepoch')" \
	" FROM setup_code WHERE account_id = a.id AND used IS NULL)," \
	" (SELECT max(expires) FROM setup_code WHERE account_id = a.id" \
	" AND used IS NULL)"
#define ACCOUNT_GRANTS \
	"SELECT a.id, a.email, a.name, (SELECT group_concat(g.role || '@' ||" \
	" u.code || coalesce('/' || g.stakeholder, ''), ', ') FROM" \
	" (SELECT * FROM role_grant WHERE account_id = a.id" \
	" ORDER BY role, unit_id) g JOIN unit u ON u.id = g.unit_id)" \
	", (SELECT ident FROM person WHERE id = a.person_id)" ACCOUNT_MORE

/* What an audit search shows of each entry (ST_AUDIT_BY_*): when, what,
 * who (name and email), from where, and about what (a person's
 * identifier or a unit's code), with the count of all shown; of the
 * matching entries `found` (a statement's text), at most ?8 of them,
 * newest first, each read from the index or keys named in `found`, so
 * the plan never depends on what the planner guesses of ranges it
 * cannot see, and no search reads more than ?8 entries. */
#define AUDIT_FOUND(found) \
	"SELECT a.at, a.action, coalesce(x.name, 'Waymark'), x.email," \
	" a.address, a.subject_kind, CASE a.subject_kind WHEN 'person' THEN" \
	" (SELECT ident FROM person WHERE id = a.subject_id) ELSE" \
	" (SELECT code FROM unit WHERE id = a.subject_id AND" \
	" a.subject_kind IN ('network', 'provider', 'service')) END," \
	" a.detail, count(*) OVER () " \
	"FROM (" found ") a LEFT JOIN account x ON x.id = a.actor_account_id" \
	" ORDER BY a.at DESC, a.id DESC LIMIT ?6 OFFSET ?7"

/* The criteria a search's start does not already hold, on the log's
 * entry `a`. */
#define AUDIT_PERSON_IS " (?1 IS NULL OR (a.subject_kind = 'person' AND" \
	" a.subject_id = ?1))"
#define AUDIT_ACTOR_IS " (?4 IS NULL OR a.actor_account_id = ?4)"
#define AUDIT_ACTION_IS " (?5 IS NULL OR a.action = ?5)"

/* Entries from the keys kept beside the log (migration 17), `k`, which
 * holds their time and id. */
#define AUDIT_KEYED(keys) \
	"SELECT a.* FROM " keys " k CROSS JOIN audit a ON a.id = k.id" \
	" WHERE k.at >= ?2 AND k.at < ?3 AND "

#define AUDIT_KEYED_NEWEST " ORDER BY k.at DESC, k.id DESC LIMIT ?8"

const char *const wm_sqlite_sql[ST__COUNT] = {
	[ST_UNIT_ADD] =
	    "INSERT INTO unit(kind, code, name, parent_id, created) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_UNIT_FIND] =
	    "SELECT id, kind FROM unit WHERE code = ?1",
	[ST_UNIT_LIST] =
	    "WITH RECURSIVE tree(id, path) AS ("
	    " SELECT id, printf('%08d', id) FROM unit WHERE parent_id IS NULL"
	    " UNION ALL SELECT u.id, t.path || '/' || printf('%08d', u.id)"
	    " FROM unit u JOIN tree t ON u.parent_id = t.id) "
	    "SELECT u.id, u.kind, u.code, u.name, p.code, u.closed FROM tree t"
	    " JOIN unit u ON u.id = t.id LEFT JOIN unit p ON p.id = u.parent_id"
	    " ORDER BY t.path",
	[ST_PERSON_ADD] =
	    "INSERT INTO person(ident, name, created) VALUES (?1, ?2, ?3)",
	[ST_CASELOAD_ADD] =
	    "INSERT INTO caseload(person_id, unit_id, start_date) "
	    "VALUES (?1, ?2, ?3)",
	[ST_PERSON_FIND] =
	    "SELECT id FROM person WHERE ident = ?1",
	[ST_PERSON_UNIT_AT] =
	    "SELECT unit_id FROM caseload WHERE person_id = ?1"
	    " AND start_date <= ?2 AND (end_date IS NULL OR end_date > ?2)"
	    " ORDER BY start_date DESC LIMIT 1",
	[ST_PERSON_LIST] =
	    "SELECT p.id, p.ident, p.name, u.code, c.start_date FROM person p"
	    " LEFT JOIN caseload c ON c.person_id = p.id AND c.end_date IS NULL"
	    " LEFT JOIN unit u ON u.id = c.unit_id"
	    " WHERE ?1 IS NULL OR c.unit_id = ?1 ORDER BY p.ident",
	[ST_PERSON_GET] =
	    "SELECT p.id, p.ident, p.name, u.code, c.start_date FROM person p"
	    " LEFT JOIN caseload c ON c.person_id = p.id AND c.end_date IS NULL"
	    " LEFT JOIN unit u ON u.id = c.unit_id"
	    " WHERE p.id = ?1 ORDER BY c.start_date DESC LIMIT 1",
	[ST_ACCOUNT_ADD] =
	    "INSERT INTO account(email, name, person_id, password_hash, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ACCOUNT_FIND] =
	    "SELECT id FROM account WHERE email = ?1",
	[ST_GRANT_ADD] =
	    "INSERT INTO role_grant(account_id, role, unit_id, stakeholder)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[ST_GRANT_FIND] =
	    "SELECT 1 FROM role_grant WHERE account_id = ?1 AND role = ?2"
	    " AND unit_id = ?3 AND (?4 IS NULL OR stakeholder = ?4)",
	[ST_ACCOUNT_LIST] =
	    ACCOUNT_GRANTS
	    " FROM account a ORDER BY a.email",
	[ST_TRAINING_ADD] =
	    "INSERT INTO training(account_id, course, completed, recorded)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/* The same person, course and date again is skipped, not refused. */
	[ST_TRAINING_RECORD] =
	    "INSERT INTO training(account_id, course, completed, recorded)"
	    " VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (account_id, course, completed) DO NOTHING",
	/* A service's current staff: its practitioners and leads. */
	[ST_SERVICE_STAFF] =
	    "SELECT a.id, a.email, a.name FROM account a"
	    " WHERE a.id IN (SELECT account_id FROM role_grant"
	    " WHERE unit_id = ?1 AND role IN ('practitioner', 'lead'))"
	    " ORDER BY a.name, a.email",
	[ST_SERVICE_STAFF_IS] =
	    "SELECT 1 FROM role_grant WHERE account_id = ?1 AND unit_id = ?2"
	    " AND role IN ('practitioner', 'lead') LIMIT 1",
	[ST_TRAINING_LIST] =
	    "SELECT a.email, a.name, t.course, t.completed, t.recorded"
	    " FROM training t JOIN account a ON a.id = t.account_id"
	    " WHERE t.account_id IN (SELECT account_id FROM role_grant"
	    " WHERE unit_id = ?1 AND role IN ('practitioner', 'lead'))"
	    " ORDER BY t.completed DESC, a.name, a.email, t.course LIMIT ?2",
	/* One statement, so the staff and the counts are one snapshot. With
	 * no training at all there is one row: the staff, a NULL course. */
	[ST_TRAINING_COVERAGE] =
	    "WITH staff AS (SELECT DISTINCT account_id FROM role_grant"
	    " WHERE unit_id = ?1 AND role IN ('practitioner', 'lead'))"
	    " SELECT (SELECT count(*) FROM staff), t.course,"
	    " count(DISTINCT t.account_id)"
	    " FROM (SELECT 1) LEFT JOIN training t"
	    " ON t.account_id IN (SELECT account_id FROM staff)"
	    " GROUP BY t.course ORDER BY t.course",
	[ST_CYCLE_ADD] =
	    "INSERT INTO cycle(unit_id, instrument_url, subject_kind,"
	    " every_months, start_date, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/* A service's cycles, running ones first; titles from the latest
	 * version of each measure. */
	[ST_CYCLE_LIST] =
	    "SELECT y.id, y.instrument_url, coalesce((SELECT i.title FROM"
	    "  instrument i WHERE i.url = y.instrument_url ORDER BY i.id DESC"
	    "  LIMIT 1), y.instrument_url), y.subject_kind, y.every_months,"
	    " y.start_date, y.stopped "
	    "FROM cycle y WHERE y.unit_id = ?1 "
	    "ORDER BY y.stopped IS NOT NULL, y.start_date, y.id",
	[ST_CYCLE_STOP] =
	    "UPDATE cycle SET stopped = ?3 WHERE id = ?1 AND unit_id = ?2"
	    " AND stopped IS NULL",
	/* Completion rates (sql_cycles.c): every cycle (?1 NULL) or one
	 * service's, in order of service. */
	[ST_COMPLETION_CYCLES] =
	    "SELECT y.id, y.unit_id, u.code, y.instrument_url,"
	    " coalesce((SELECT i.title FROM instrument i"
	    "  WHERE i.url = y.instrument_url ORDER BY i.id DESC LIMIT 1),"
	    "  y.instrument_url), y.subject_kind, y.every_months, y.start_date,"
	    " y.stopped "
	    "FROM cycle y JOIN unit u ON u.id = y.unit_id "
	    "WHERE (?1 IS NULL OR y.unit_id = ?1)"
	    " AND y.subject_kind IN ('person', 'service') "
	    "ORDER BY y.unit_id, y.stopped IS NOT NULL, y.start_date, y.id",
	[ST_COMPLETION_INSTRUMENTS] =
	    "SELECT id, url FROM instrument ORDER BY id",
	/* Spells on the caseloads of services with person cycles, in the
	 * caseload's own order (person, then start). */
	[ST_COMPLETION_SPELLS] =
	    "SELECT person_id, unit_id, start_date, end_date FROM caseload"
	    " WHERE unit_id IN (SELECT unit_id FROM cycle"
	    "  WHERE subject_kind = 'person') "
	    "ORDER BY person_id, start_date",
	[ST_COMPLETION_SPELLS_UNIT] =
	    "SELECT person_id, unit_id, start_date, end_date FROM caseload"
	    " WHERE unit_id = ?1 ORDER BY person_id, start_date",
	/* Every person's completed answers, in order of person (the
	 * response_subject index's order). */
	[ST_COMPLETION_ANSWERS] =
	    "SELECT subject_id, authored, instrument_id FROM response"
	    " WHERE subject_kind = 'person' AND status = 'completed' "
	    "ORDER BY subject_id, authored",
	[ST_COMPLETION_PERSON_ANSWERS] =
	    "SELECT subject_id, authored, instrument_id FROM response"
	    " WHERE subject_kind = 'person' AND subject_id = ?1"
	    " AND status = 'completed' ORDER BY authored",
	[ST_COMPLETION_SERVICE_ANSWERS] =
	    "SELECT subject_id, authored, instrument_id FROM response"
	    " WHERE subject_kind = 'service' AND subject_id = ?1"
	    " AND status = 'completed' AND respondent <> 'validator' "
	    "ORDER BY authored",
	/*
	 * Completion rates kept at write time (migration 10,
	 * sql_completion_keep.c; read in sql_cycles.c). The people
	 * whose times are to be worked out again, as triggers marked them.
	 */
	[ST_KEPT_DIRTY] =
	    "SELECT person_id, whole FROM kept_dirty ORDER BY person_id",
	[ST_KEPT_DIRTY_CLEAR] =
	    "DELETE FROM kept_dirty",
	/* Every cycle about people, in order of service. */
	[ST_KEPT_CYCLES] =
	    "SELECT id, unit_id, instrument_url, every_months, start_date,"
	    " stopped FROM cycle WHERE subject_kind = 'person' "
	    "ORDER BY unit_id, id",
	/* One person's spells (the caseload's own order). */
	[ST_KEPT_SPELLS] =
	    "SELECT person_id, unit_id, start_date, end_date FROM caseload"
	    " WHERE person_id = ?1 ORDER BY start_date, unit_id",
	/* One person's kept times. */
	[ST_KEPT_PERSON] =
	    "SELECT times FROM completion_person WHERE person_id = ?1",
	[ST_KEPT_PERSON_PUT] =
	    "INSERT INTO completion_person(person_id, times) VALUES (?1, ?2)"
	    " ON CONFLICT (person_id) DO UPDATE SET times = excluded.times",
	[ST_KEPT_PERSON_DROP] =
	    "DELETE FROM completion_person WHERE person_id = ?1",
	[ST_KEPT_COUNT_ADD] =
	    "INSERT INTO completion_count(cycle_id, month, counts_from, done, n)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (cycle_id, month, counts_from, done)"
	    " DO UPDATE SET n = n + excluded.n",
	[ST_KEPT_TAIL_ADD] =
	    "INSERT INTO completion_tail(cycle_id, first_due, gone, n)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (cycle_id, first_due, gone)"
	    " DO UPDATE SET n = n + excluded.n",
	[ST_KEPT_LATEST] =
	    "SELECT latest FROM kept_state WHERE id = 1",
	[ST_KEPT_LATEST_SET] =
	    "UPDATE kept_state SET latest = ?1 WHERE id = 1"
	    " AND latest < ?1",
	/* A cycle's times due in months ?2 to ?3 that count by day ?4. */
	[ST_KEPT_COUNTS] =
	    "SELECT month, done, n FROM completion_count WHERE cycle_id = ?1"
	    " AND month BETWEEN ?2 AND ?3 AND counts_from <= ?4 AND n <> 0",
	/* A cycle's open tails that began by day ?2. */
	[ST_KEPT_TAILS] =
	    "SELECT first_due, gone, n FROM completion_tail WHERE cycle_id = ?1"
	    " AND first_due <= ?2 AND n <> 0",
	/* A person's latest completed answer (response_due: one seek). */
	[ST_KEPT_PERSON_LATEST] =
	    "SELECT max(authored) FROM response WHERE subject_kind = 'person'"
	    " AND status = 'completed' AND subject_id = ?1",
	[ST_KEPT_ANY_MARKED] =
	    "SELECT 1 FROM kept_dirty LIMIT 1",
	/* The people on the caseloads now, kept (sql_people_keep.c). */
	[ST_PEOPLE_PERSON] =
	    "SELECT parts FROM people_person WHERE person_id = ?1",
	[ST_PEOPLE_PERSON_PUT] =
	    "INSERT INTO people_person(person_id, parts) VALUES (?1, ?2)"
	    " ON CONFLICT (person_id) DO UPDATE SET parts = excluded.parts",
	[ST_PEOPLE_PERSON_DROP] =
	    "DELETE FROM people_person WHERE person_id = ?1",
	[ST_PEOPLE_COUNT_ADD] =
	    "INSERT INTO people_count(unit_id, since, people, paired,"
	    " with_goals, reviewed, higher) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT (unit_id, since) DO UPDATE SET"
	    " people = people + excluded.people,"
	    " paired = paired + excluded.paired,"
	    " with_goals = with_goals + excluded.with_goals,"
	    " reviewed = reviewed + excluded.reviewed,"
	    " higher = higher + excluded.higher",
	/* Whether a person has two or more completed responses with a score
	 * to the measure ?2 (a family or a url), as ST_NETWORK_PAIRED counts
	 * them: the first two found, however many there are. */
	[ST_PEOPLE_MARKERS] =
	    "SELECT count(*) FROM (SELECT 1 FROM response r"
	    " WHERE r.subject_kind = 'person'"
	    " AND r.status = 'completed' AND r.subject_id = ?1"
	    " AND r.instrument_id IN (SELECT id FROM instrument"
	    "  WHERE coalesce(family, url) = ?2 OR url = ?2)"
	    " AND EXISTS (SELECT 1 FROM score s WHERE s.response_id = r.id"
	    "  AND s.value IS NOT NULL) LIMIT 2)",
	/* A person's goals (goal_outcome: the person's own rows): every
	 * one, whatever it stands at, as core's rule says
	 * (wm_goal_counts_in_figures). Neither this nor ST_NETWORK_GOALS
	 * reads goal.state: migrations 9 and 10 work the figures out
	 * before migration 13 adds it. */
	[ST_PEOPLE_GOALS] =
	    "SELECT count(*), coalesce(max(reviews >= 2), 0),"
	    " coalesce(max(reviews >= 2 AND latest_rating > first_rating), 0)"
	    " FROM goal WHERE person_id = ?1",
	/* Per service with anyone on its caseload now: those joined by day
	 * ?1, and of them those with the recovery markers twice or more. */
	[ST_PEOPLE_PAIRED] =
	    "SELECT unit_id, coalesce(sum(CASE WHEN since <= ?1 THEN people"
	    " END), 0), coalesce(sum(CASE WHEN since <= ?1 THEN paired END), 0)"
	    " FROM people_count GROUP BY unit_id HAVING sum(people) > 0"
	    " ORDER BY unit_id",
	/* Per service with anyone with goals on its caseload now. */
	[ST_PEOPLE_GOALS_READ] =
	    "SELECT unit_id, sum(with_goals), sum(reviewed), sum(higher)"
	    " FROM people_count GROUP BY unit_id HAVING sum(with_goals) > 0"
	    " ORDER BY unit_id",
	[ST_INSTRUMENT_ADD] =
	    "INSERT INTO instrument(url, version, name, title, family, content,"
	    " loaded) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_INSTRUMENT_ITEM_ADD] =
	    "INSERT INTO instrument_item(instrument_id, idx, link_id, type, text)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_INSTRUMENT_OPTION_ADD] =
	    "INSERT INTO instrument_option(instrument_id, item_idx, idx, code,"
	    " display, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_INSTRUMENT_SCALE_ADD] =
	    "INSERT INTO instrument_scale(instrument_id, idx, code, title)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[ST_INSTRUMENT_GET] =
	    "SELECT id, content FROM instrument WHERE url = ?1 AND version = ?2",
	[ST_INSTRUMENT_GET_ID] =
	    "SELECT content FROM instrument WHERE id = ?1",
	/* Every version, for the pages: no counts, which would read every
	 * response in the network, and no `loaded`, which is stored after
	 * the instrument's text and so would read all of it. */
	[ST_INSTRUMENT_LIST] =
	    "SELECT i.id, i.url, i.version, i.title, i.family, i.loaded, 0"
	    " FROM instrument i ORDER BY i.url, i.version",
	/* The same with how often each was answered, for `instrument list`. */
	[ST_INSTRUMENT_USAGE] =
	    "SELECT i.id, i.url, i.version, i.title, i.family, i.loaded,"
	    " (SELECT count(*) FROM response r WHERE r.instrument_id = i.id"
	    "  AND r.status = 'completed')"
	    " FROM instrument i ORDER BY i.url, i.version",
	/* The latest version of every url, from the (url, version) index
	 * alone. */
	[ST_INSTRUMENT_URL_LATEST] =
	    "SELECT url, max(id) FROM instrument GROUP BY url",
	[ST_INSTRUMENT_LATEST] =
	    "SELECT i.id, i.url, i.version, i.title, i.family, NULL, 0"
	    " FROM instrument i"
	    " WHERE i.id = (SELECT max(id) FROM instrument WHERE url = i.url)"
	    " ORDER BY i.title, i.url",
	[ST_RESPONSE_ADD] =
	    "INSERT INTO response(instrument_id, subject_kind, subject_id,"
	    " unit_id, author_kind, author_id, respondent, stakeholder, status,"
	    " authored, quarter, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[ST_ANSWER_ADD] =
	    "INSERT INTO answer(response_id, item, option, text)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/* Eight answers of one response in one statement: a response has
	 * ten or so, and one statement a row cost more than the rows.
	 * Row k (0 to 7) takes ?(3k+2) to ?(3k+4). */
	[ST_ANSWER_ADD8] =
	    "INSERT INTO answer(response_id, item, option, text) VALUES"
	    " (?1, ?2, ?3, ?4), (?1, ?5, ?6, ?7), (?1, ?8, ?9, ?10),"
	    " (?1, ?11, ?12, ?13), (?1, ?14, ?15, ?16), (?1, ?17, ?18, ?19),"
	    " (?1, ?20, ?21, ?22), (?1, ?23, ?24, ?25)",
	[ST_CHOICES_ADD] =
	    "INSERT INTO response_choices(response_id, choices, scores)"
	    " VALUES (?1, ?2, ?3)",
	[ST_SCORE_ADD] =
	    "INSERT INTO score(response_id, scale, value, answered,"
	    " instrument_id, unit_id, quarter, respondent, subject_id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[ST_ROLLUP_CELL] =
	    "INSERT INTO rollup(measure, unit_id, quarter, respondent, scale,"
	    " responses, people, total) VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0)"
	    " ON CONFLICT (measure, unit_id, quarter, respondent, scale)"
	    " DO UPDATE SET responses = responses RETURNING id",
	[ST_ROLLUP_SUBJECT_ADD] =
	    "INSERT OR IGNORE INTO rollup_subject(cell, subject_kind, subject_id)"
	    " VALUES (?1, ?2, ?3)",
	[ST_ROLLUP_APPLY] =
	    "UPDATE rollup SET responses = responses + ?2,"
	    " people = people + ?3, total = total + ?4 WHERE id = ?1",
	[ST_ANSWER_EACH] =
	    "WITH RECURSIVE below(id) AS (SELECT ?2 UNION ALL"
	    " SELECT u.id FROM unit u JOIN below b ON u.parent_id = b.id) "
	    "SELECT r.id, i.url, i.version, r.subject_kind,"
	    " CASE r.subject_kind WHEN 'person' THEN"
	    "  (SELECT ident FROM person WHERE id = r.subject_id)"
	    " WHEN 'service' THEN (SELECT code FROM unit WHERE id = r.subject_id)"
	    " ELSE (SELECT email FROM account WHERE id = r.subject_id) END,"
	    " u.code, r.respondent, coalesce(r.stakeholder, ''), r.status,"
	    " r.authored, it.link_id, o.code, o.display, o.value, a.text,"
	    " it.text "
	    "FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " JOIN unit u ON u.id = r.unit_id"
	    " JOIN answer a ON a.response_id = r.id"
	    " JOIN instrument_item it ON it.instrument_id = r.instrument_id"
	    "  AND it.idx = a.item"
	    " LEFT JOIN instrument_option o ON o.instrument_id = r.instrument_id"
	    "  AND o.item_idx = a.item AND o.idx = a.option "
	    /* A staff member's own reflections and self-assessments are
	     * theirs alone: never exported. */
	    "WHERE r.subject_kind <> 'staff' AND (?1 IS NULL OR i.url = ?1)"
	    " AND (?2 IS NULL OR r.unit_id IN (SELECT id FROM below))"
	    " AND (?3 IS NULL OR (r.subject_kind = 'person'"
	    "  AND r.subject_id = ?3))"
	    " AND (?4 OR r.status = 'completed') "
	    "ORDER BY r.authored, r.id, a.item",
	/* One person's answers (wm_store_answer_each with a person and no
	 * unit), found through the person's own responses: ?1 the person,
	 * ?2 an instrument's url or NULL, ?3 1 to include drafts. */
	[ST_PERSON_ANSWER_EACH] =
	    "SELECT r.id, i.url, i.version, r.subject_kind, p.ident, u.code,"
	    " r.respondent, coalesce(r.stakeholder, ''), r.status, r.authored,"
	    " it.link_id, o.code, o.display, o.value, a.text, it.text "
	    "FROM response r JOIN person p ON p.id = r.subject_id"
	    " JOIN instrument i ON i.id = r.instrument_id"
	    " JOIN unit u ON u.id = r.unit_id"
	    " JOIN answer a ON a.response_id = r.id"
	    " JOIN instrument_item it ON it.instrument_id = r.instrument_id"
	    "  AND it.idx = a.item"
	    " LEFT JOIN instrument_option o ON o.instrument_id = r.instrument_id"
	    "  AND o.item_idx = a.item AND o.idx = a.option "
	    "WHERE r.subject_kind = 'person' AND r.subject_id = ?1"
	    " AND (?2 IS NULL OR i.url = ?2) AND (?3 OR r.status = 'completed') "
	    "ORDER BY r.authored, r.id, a.item",
	[ST_DRAFT_FIND] =
	    "SELECT id FROM response WHERE subject_kind = ?2"
	    " AND subject_id = ?3 AND instrument_id = ?1 AND respondent = ?4"
	    " AND author_id IS ?5 AND status = 'in-progress' "
	    "ORDER BY id DESC LIMIT 1",
	/* Whether response ?6 is the one the draft key ?1-?5 names, and
	 * whether it is a draft. */
	[ST_RESPONSE_OF] =
	    "SELECT status = 'in-progress' FROM response WHERE id = ?6"
	    " AND instrument_id = ?1 AND subject_kind = ?2 AND subject_id = ?3"
	    " AND respondent = ?4 AND author_id IS ?5",
	[ST_RESPONSE_DATE] =
	    "SELECT authored FROM response WHERE id = ?1",
	[ST_RESPONSE_ANSWERS] =
	    "SELECT a.item, a.option, a.text FROM answer a "
	    "WHERE a.response_id = ?1 ORDER BY a.item",
	/* Drafts of every version of the instrument's url. */
	[ST_DRAFT_DISCARD_ANSWERS] =
	    "DELETE FROM answer WHERE response_id IN (SELECT id FROM response"
	    " WHERE subject_kind = ?2 AND subject_id = ?3"
	    " AND instrument_id IN (SELECT id FROM instrument WHERE url ="
	    "  (SELECT url FROM instrument WHERE id = ?1))"
	    " AND respondent = ?4 AND author_id IS ?5"
	    " AND status = 'in-progress' AND id <> ?6)",
	[ST_DRAFT_DISCARD] =
	    "DELETE FROM response WHERE subject_kind = ?2 AND subject_id = ?3"
	    " AND instrument_id IN (SELECT id FROM instrument WHERE url ="
	    "  (SELECT url FROM instrument WHERE id = ?1))"
	    " AND respondent = ?4 AND author_id IS ?5"
	    " AND status = 'in-progress' AND id <> ?6",
	[ST_SCALE_SUMMARY] =
	    "SELECT u.code, u.name, r.quarter, r.respondent, r.scale,"
	    " coalesce((SELECT sc.title FROM instrument_scale sc"
	    "  JOIN instrument i ON i.id = sc.instrument_id"
	    "  WHERE coalesce(i.family, i.url) = ?1 AND sc.code = r.scale"
	    "  ORDER BY i.id DESC LIMIT 1), r.scale),"
	    " r.people, r.responses, r.total / r.responses "
	    "FROM rollup r JOIN unit u ON u.id = r.unit_id "
	    "WHERE r.measure = ?1 AND r.scale <> '' "
	    "ORDER BY u.code, r.quarter, r.respondent, r.scale",
	[ST_PEOPLE_SUMMARY] =
	    "SELECT u.code, r.quarter, r.respondent, r.people "
	    "FROM rollup r JOIN unit u ON u.id = r.unit_id "
	    "WHERE r.measure = ?1 AND r.scale = '' "
	    "ORDER BY u.code, r.quarter, r.respondent",
	[ST_AUDIT_ADD] =
	    "INSERT INTO audit(at, actor_account_id, action, subject_kind,"
	    " subject_id, detail, address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	/* A deactivated account has no password that works. */
	[ST_ACCOUNT_AUTH] =
	    "SELECT id, CASE WHEN deactivated IS NULL THEN password_hash END"
	    " FROM account WHERE email = ?1",
	[ST_ACCOUNT_GET] =
	    ACCOUNT_GRANTS
	    " FROM account a WHERE a.id = ?1",
	[ST_ACCOUNT_SET_PASSWORD] =
	    "UPDATE account SET password_hash = ?2 WHERE id = ?1",
	[ST_ACCOUNT_PERSON] =
	    "SELECT person_id FROM account WHERE id = ?1"
	    " AND person_id IS NOT NULL",
	[ST_PERSON_ACCOUNT] =
	    "SELECT id FROM account WHERE person_id = ?1 ORDER BY id LIMIT 1",
	[ST_ACCOUNT_UNITS] =
	    "SELECT u.id, u.kind, u.code, u.name, p.code, u.closed"
	    " FROM role_grant g"
	    " JOIN unit u ON u.id = g.unit_id LEFT JOIN unit p ON p.id = u.parent_id"
	    " WHERE g.account_id = ?1 AND g.role = ?2 AND u.kind = 'service'"
	    " ORDER BY u.name, u.code",
	/* Staff roles count at services only, as the caseloads are there. */
	[ST_ACCOUNT_GRANTS] =
	    "SELECT g.role, g.unit_id, u.name, g.stakeholder FROM role_grant g"
	    " JOIN unit u ON u.id = g.unit_id WHERE g.account_id = ?1 AND"
	    " (u.kind = 'service' OR g.role IN ('commissioner', 'admin'))"
	    " ORDER BY g.role, coalesce(g.stakeholder, ''), u.name, g.unit_id",
	[ST_SERVICE_FIND] =
	    "SELECT id, name FROM unit WHERE code = ?1 AND kind = 'service'",
	/* The person, and each service whose caseload they are on now (the
	 * person's row alone, unit NULL, when they are on none). */
	[ST_UNIT_CHAIN] =
	    "WITH RECURSIVE up(id, depth) AS ("
	    " SELECT parent_id, 1 FROM unit WHERE id = ?1 AND parent_id IS NOT NULL"
	    " UNION ALL SELECT u.parent_id, up.depth + 1 FROM unit u"
	    " JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL"
	    " AND up.depth < 16) "
	    "SELECT id FROM up ORDER BY depth",
	[ST_PERSON_UNITS_NOW] =
	    "SELECT p.id, c.unit_id FROM person p LEFT JOIN caseload c ON"
	    " c.person_id = p.id AND c.end_date IS NULL WHERE p.ident = ?1"
	    " ORDER BY c.unit_id",
	/* A person's completed responses in the order given (the
	 * response_subject index's order), each with its choices and scores
	 * (migration 8): sql_journey.c finds their words in the version
	 * answered. */
	[ST_PERSON_CHOICES] =
	    "SELECT r.id, r.instrument_id, r.authored, r.respondent, c.choices,"
	    " c.scores "
	    "FROM response r JOIN response_choices c ON c.response_id = r.id "
	    "WHERE r.subject_kind = 'person' AND r.status = 'completed'"
	    " AND r.subject_id = ?1 "
	    "ORDER BY r.authored, r.id",
	/*
	 * One page (?3 rows from ?4) of the people now on the caseloads of
	 * the services where the account ?1 is a practitioner or lead, their
	 * own (a practitioner's services) first, then by name; ?2 searches
	 * names and identifiers as plain text (instr, not LIKE, so no
	 * character is a wildcard). Every row carries the count of all.
	 * The page is chosen first and materialised, so each person's
	 * latest answer is read only for the rows on it. At 20,000 people
	 * (2,392 on the service) the plan is: role_grant by its key, the
	 * caseload by caseload_unit, person and unit by rowid, a sort of
	 * that one service's people, then response_due for the page's 50
	 * (about 3 ms; docs/api.md).
	 */
	[ST_CASELOAD] =
	    "WITH page AS MATERIALIZED ("
	    " SELECT p.id, p.ident, p.name, u.code, u.name AS unit_name,"
	    "  c.start_date, max(g.role = 'practitioner') AS own,"
	    "  count(*) OVER () AS total"
	    " FROM role_grant g JOIN caseload c ON c.unit_id = g.unit_id"
	    "  AND c.end_date IS NULL"
	    " JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = c.unit_id"
	    " WHERE g.account_id = ?1 AND g.role IN ('practitioner', 'lead')"
	    "  AND (?2 IS NULL OR instr(lower(p.name), lower(?2)) > 0"
	    "  OR instr(lower(p.ident), lower(?2)) > 0)"
	    " GROUP BY p.id"
	    " ORDER BY own DESC, p.name COLLATE NOCASE, p.ident"
	    " LIMIT ?3 OFFSET ?4) "
	    "SELECT id, ident, name, code, unit_name, start_date,"
	    " (SELECT max(r.authored) FROM response r"
	    "  WHERE r.subject_kind = 'person' AND r.subject_id = page.id"
	    "  AND r.status = 'completed'), own, total "
	    "FROM page ORDER BY own DESC, name COLLATE NOCASE, ident",
	/* A staff member's latest reflections (completed responses of a
	 * measure family about themselves), with whom, if anyone. */
	[ST_OWN_REFLECTIONS] =
	    "SELECT r.id, r.authored, p.ident, p.name FROM response r"
	    " JOIN instrument i ON i.id = r.instrument_id"
	    " LEFT JOIN reflection x ON x.response_id = r.id"
	    " LEFT JOIN person p ON p.id = x.person_id "
	    "WHERE r.subject_kind = 'staff' AND r.subject_id = ?1"
	    " AND i.family = ?2 AND r.status = 'completed' "
	    "ORDER BY r.authored DESC, r.id DESC LIMIT ?3",
	/* One of them, by its number, if it is the staff member's own. */
	[ST_OWN_REFLECTION] =
	    "SELECT r.id, r.authored, p.ident, p.name FROM response r"
	    " JOIN instrument i ON i.id = r.instrument_id"
	    " LEFT JOIN reflection x ON x.response_id = r.id"
	    " LEFT JOIN person p ON p.id = x.person_id "
	    "WHERE r.id = ?3 AND r.subject_kind = 'staff' AND r.subject_id = ?1"
	    " AND i.family = ?2 AND r.status = 'completed'",
	[ST_REFLECTION_ADD] =
	    "INSERT INTO reflection(response_id, person_id) VALUES (?1, ?2)",
	[ST_OWN_ANSWER_COUNTS] =
	    "SELECT it.link_id, it.text, o.code, o.display, count(*),"
	    " min(r.authored), max(r.authored), count(DISTINCT r.id) "
	    "FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " JOIN answer a ON a.response_id = r.id"
	    " JOIN instrument_item it ON it.instrument_id = r.instrument_id"
	    "  AND it.idx = a.item"
	    " JOIN instrument_option o ON o.instrument_id = r.instrument_id"
	    "  AND o.item_idx = a.item AND o.idx = a.option "
	    "WHERE r.subject_kind = 'staff' AND r.subject_id = ?1"
	    " AND i.family = ?2 AND r.status = 'completed' "
	    "GROUP BY it.link_id, o.code ORDER BY it.link_id, o.idx",
	/* For each cycle of the person's current service: the latest version
	 * of its instrument, when they joined (or the cycle began), and when
	 * they last completed it (any version). */
	[ST_PERSON_CYCLES] =
	    "SELECT" CYCLE_COLUMNS
	    "FROM caseload c JOIN cycle y ON y.unit_id = c.unit_id"
	    " AND y.subject_kind = 'person'"
	    " AND (y.stopped IS NULL OR y.stopped > ?2) "
	    "WHERE c.person_id = ?1 AND c.end_date IS NULL "
	    "ORDER BY y.id",
	/* The same for everyone now on the caseload of a service where the
	 * account works as a practitioner, a person's rows together; a
	 * person on two of their services comes once for each. The cycles
	 * and their instruments are looked up once, not for each person:
	 * half the work on a caseload of 12,000. */
	[ST_PRACTITIONER_CYCLES] =
	    "WITH y AS MATERIALIZED (SELECT y.id, y.unit_id, y.instrument_url,"
	    "  y.every_months, y.start_date,"
	    "  (SELECT i.id FROM instrument i WHERE i.url = y.instrument_url"
	    "   ORDER BY i.id DESC LIMIT 1) AS instrument_id,"
	    "  (SELECT i.title FROM instrument i WHERE i.url = y.instrument_url"
	    "   ORDER BY i.id DESC LIMIT 1) AS title"
	    " FROM role_grant g JOIN cycle y ON y.unit_id = g.unit_id"
	    "  AND y.subject_kind = 'person'"
	    "  AND (y.stopped IS NULL OR y.stopped > ?2)"
	    " WHERE g.account_id = ?1 AND g.role = 'practitioner') "
	    "SELECT c.person_id, p.ident, p.name, u.name, y.instrument_id,"
	    " y.title, y.every_months, max(y.start_date, c.start_date),"
	    " (SELECT max(r.authored) FROM response r JOIN instrument i"
	    "  ON i.id = r.instrument_id WHERE i.url = y.instrument_url"
	    "  AND r.subject_kind = 'person' AND r.subject_id = c.person_id"
	    "  AND r.status = 'completed') "
	    "FROM y JOIN caseload c ON c.unit_id = y.unit_id"
	    " AND c.end_date IS NULL"
	    " JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = c.unit_id "
	    "ORDER BY c.person_id, y.id",
	/* A service's profile: per respondent kind, a totals row (responses
	 * and distinct subjects), then how often each option of each question
	 * was chosen, per version (so each row carries that version's range
	 * of scored values). ?5 = 1 keeps only each subject's latest response
	 * in the quarter (a person counts once). */
	[ST_PROFILE_COUNTS] =
	    "WITH q AS (SELECT r.id, r.instrument_id, r.respondent,"
	    "  r.subject_id, row_number() OVER (PARTITION BY r.subject_id"
	    "  ORDER BY r.authored DESC, r.id DESC) AS k"
	    " FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " WHERE i.url = ?1 AND r.unit_id = ?2 AND r.quarter = ?3"
	    "  AND r.subject_kind = ?4 AND r.status = 'completed'),"
	    " p AS (SELECT id, instrument_id, respondent, subject_id FROM q"
	    "  WHERE k = 1 OR ?5 = 0) "
	    "SELECT respondent, NULL, NULL, NULL, NULL, NULL, count(*),"
	    " count(DISTINCT subject_id), 0 FROM p GROUP BY respondent "
	    "UNION ALL "
	    "SELECT p.respondent, it.link_id, o.code, o.value,"
	    " (SELECT min(x.value) FROM instrument_option x"
	    "  WHERE x.instrument_id = p.instrument_id AND x.item_idx = a.item),"
	    " (SELECT max(x.value) FROM instrument_option x"
	    "  WHERE x.instrument_id = p.instrument_id AND x.item_idx = a.item),"
	    " count(*), count(DISTINCT p.subject_id), 1"
	    " FROM p JOIN answer a ON a.response_id = p.id"
	    " JOIN instrument_item it ON it.instrument_id = p.instrument_id"
	    "  AND it.idx = a.item"
	    " JOIN instrument_option o ON o.instrument_id = p.instrument_id"
	    "  AND o.item_idx = a.item AND o.idx = a.option"
	    " GROUP BY p.respondent, p.instrument_id, a.item, a.option "
	    "ORDER BY 9, 1, 2, 3",
	/* The quarters in which a service has completed responses to an
	 * instrument about subjects of one kind, newest first, each with how
	 * many and about how many distinct subjects. */
	[ST_PROFILE_PERIODS] =
	    "SELECT r.quarter, count(*), count(DISTINCT r.subject_id)"
	    " FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " WHERE i.url = ?1 AND r.unit_id = ?2 AND r.subject_kind = ?3"
	    "  AND r.status = 'completed' GROUP BY r.quarter"
	    " ORDER BY 1 DESC LIMIT 40",
	/*
	 * The change in a service's people's scores (the dashboard): each
	 * person now on the caseload once (caseload_unit, in order of person;
	 * a second open spell there is skipped), each of their completed
	 * responses to a version of ?2 (response_due holds the date and the
	 * version, so the response itself is never read) and its scores
	 * with a value (the score table's key; it holds who answered). A
	 * person without any comes once, the rest NULL. Ordered by person
	 * alone, which caseload_unit gives as it is read: no sort of the
	 * caseload's rows (sql_change.c orders each person's few). At
	 * 100,000 people the old statement's sort of them all by person,
	 * respondent, scale and date was 40% of the dashboard's time.
	 */
	[ST_CASELOAD_SCORES] =
	    "SELECT c.person_id, s.respondent, r.instrument_id, s.scale,"
	    " s.value, r.authored, r.id "
	    "FROM caseload c LEFT JOIN response r ON r.subject_kind = 'person'"
	    " AND r.status = 'completed' AND r.subject_id = c.person_id"
	    " AND r.instrument_id IN (SELECT id FROM instrument WHERE url = ?2)"
	    " LEFT JOIN score s ON s.response_id = r.id AND s.value IS NOT NULL "
	    "WHERE c.unit_id = ?1 AND c.end_date IS NULL AND NOT EXISTS ("
	    " SELECT 1 FROM caseload e WHERE e.unit_id = c.unit_id"
	    "  AND e.person_id = c.person_id AND e.end_date IS NULL"
	    "  AND e.start_date < c.start_date) "
	    "ORDER BY c.person_id",
	[ST_GOAL_ADD] =
	    "INSERT INTO goal(person_id, text, created) VALUES (?1, ?2, ?3)",
	/* A goal's wording is its latest new wording (goal_change), or the
	 * first (goal.text, never changed). */
	[ST_GOAL_LIST] =
	    "SELECT g.id, coalesce((SELECT text FROM goal_change"
	    "  WHERE goal_id = g.id AND kind = 'worded' ORDER BY id DESC"
	    "  LIMIT 1), g.text), g.created, (SELECT rating FROM goal_review"
	    " WHERE goal_id = g.id ORDER BY reviewed DESC, id DESC LIMIT 1),"
	    " (SELECT max(reviewed) FROM goal_review WHERE goal_id = g.id),"
	    " g.state, g.text "
	    "FROM goal g WHERE g.person_id = ?1 ORDER BY g.id",
	[ST_GOAL_OWNER] =
	    "SELECT person_id, coalesce((SELECT text FROM goal_change"
	    "  WHERE goal_id = goal.id AND kind = 'worded' ORDER BY id DESC"
	    "  LIMIT 1), text), state FROM goal WHERE id = ?1",
	/* A change, only if the goal is still in the state it was read in
	 * (?6), so two tabs cannot both bring it back or put it aside. */
	[ST_GOAL_CHANGE_ADD] =
	    "INSERT INTO goal_change(goal_id, changed, kind, text, created)"
	    " SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM goal"
	    "  WHERE id = ?1 AND state = ?6)",
	[ST_GOAL_STATE_SET] =
	    "UPDATE goal SET state = ?2 WHERE id = ?1",
	[ST_GOAL_CHANGES] =
	    "SELECT changed, kind, text FROM goal_change WHERE goal_id = ?1"
	    " ORDER BY id",
	[ST_GOAL_REVIEW_ADD] =
	    "INSERT INTO goal_review(goal_id, reviewed, rating, note,"
	    " author_kind, author_id, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7)",
	[ST_GOAL_REVIEWS] =
	    "SELECT reviewed, rating, note, author_kind FROM goal_review"
	    " WHERE goal_id = ?1 ORDER BY reviewed, id",
	[ST_AUDIT_FOR_PERSON] =
	    "SELECT a.at, a.action, coalesce(x.name, 'Waymark'), a.address "
	    "FROM audit a LEFT JOIN account x ON x.id = a.actor_account_id "
	    "WHERE a.subject_kind = 'person' AND a.subject_id = ?1 ORDER BY a.id",
	[ST_RECORD_VIEWS_COUNT] =
	    "SELECT count(*) FROM audit"
	    " WHERE subject_kind = 'person' AND subject_id = ?1",
	/* A page of them, newest first, from the subject's index. Who each
	 * was to the person: themselves, or the role their account holds
	 * now on a service whose caseload the person is or was on (a
	 * practitioner before a lead, the latest service first), with that
	 * service's name; looked up by the account, so it costs the same
	 * however many staff a service has. ?2 rows from row ?3. */
	[ST_RECORD_VIEWS] =
	    "SELECT a.at, a.action, coalesce(x.name, 'Waymark'), a.address,"
	    " coalesce(x.person_id = ?1, 0),"
	    " (SELECT rg.role FROM caseload c JOIN role_grant rg"
	    "  ON rg.account_id = a.actor_account_id AND rg.unit_id = c.unit_id"
	    "  AND rg.role IN ('practitioner', 'lead') WHERE c.person_id = ?1"
	    "  ORDER BY rg.role = 'practitioner' DESC, c.start_date DESC,"
	    "  c.unit_id LIMIT 1),"
	    " (SELECT u.name FROM caseload c JOIN role_grant rg"
	    "  ON rg.account_id = a.actor_account_id AND rg.unit_id = c.unit_id"
	    "  AND rg.role IN ('practitioner', 'lead')"
	    "  JOIN unit u ON u.id = c.unit_id WHERE c.person_id = ?1"
	    "  ORDER BY rg.role = 'practitioner' DESC, c.start_date DESC,"
	    "  c.unit_id LIMIT 1), a.detail "
	    "FROM audit a LEFT JOIN account x ON x.id = a.actor_account_id "
	    "WHERE a.subject_kind = 'person' AND a.subject_id = ?1 "
	    "ORDER BY a.at DESC, a.id DESC LIMIT ?2 OFFSET ?3",
	[ST_SETTING_SET] =
	    "INSERT INTO setting(key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[ST_SETTING_GET] =
	    "SELECT value FROM setting WHERE key = ?1",
	[ST_SESSION_ADD] =
	    "INSERT INTO session(token_hash, account_id, csrf, created,"
	    " last_seen, address) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
	/* A deactivated account's sessions are ended when it is; read as
	 * ended here too, so that none outlives it whatever happened. */
	[ST_SESSION_GET] =
	    "SELECT s.account_id, s.csrf, s.created, s.last_seen,"
	    " s.ended OR a.deactivated IS NOT NULL FROM session s"
	    " JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?1",
	[ST_SESSION_TOUCH] =
	    "UPDATE session SET last_seen = ?2 WHERE token_hash = ?1"
	    " AND ended = 0",
	[ST_SESSION_END] =
	    "UPDATE session SET ended = 1 WHERE token_hash = ?1",
	/*
	 * One page (?2 rows from ?3) of the accounts by name, then email;
	 * ?1 searches names and emails as plain text (instr, so no
	 * character is a wildcard). Every row carries the count of all.
	 */
	[ST_ACCOUNT_PAGE] =
	    "WITH page AS MATERIALIZED ("
	    " SELECT a.*, count(*) OVER () AS total FROM account a"
	    " WHERE ?1 IS NULL OR instr(lower(a.name), lower(?1)) > 0"
	    "  OR instr(lower(a.email), lower(?1)) > 0"
	    " ORDER BY a.name COLLATE NOCASE, a.email LIMIT ?2 OFFSET ?3) "
	    ACCOUNT_GRANTS ", a.total FROM page a"
	    " ORDER BY a.name COLLATE NOCASE, a.email",
	/* The active accounts that have never signed in, newest first. */
	[ST_ACCOUNTS_WAITING] =
	    "WITH page AS MATERIALIZED ("
	    " SELECT a.*, count(*) OVER () AS total FROM account a"
	    " WHERE a.deactivated IS NULL AND NOT EXISTS (SELECT 1 FROM"
	    " session WHERE account_id = a.id) ORDER BY a.id DESC LIMIT ?1) "
	    ACCOUNT_GRANTS ", a.total FROM page a ORDER BY a.id DESC",
	[ST_ACCOUNT_DEACTIVATE] =
	    "UPDATE account SET deactivated = ?2 WHERE id = ?1"
	    " AND deactivated IS NULL",
	[ST_ACCOUNT_REACTIVATE] =
	    "UPDATE account SET deactivated = NULL WHERE id = ?1"
	    " AND deactivated IS NOT NULL",
	[ST_ACCOUNT_SESSIONS_END] =
	    "UPDATE session SET ended = 1 WHERE account_id = ?1 AND ended = 0",
	[ST_GRANT_REMOVE] =
	    "DELETE FROM role_grant WHERE account_id = ?1 AND role = ?2"
	    " AND unit_id = ?3 AND (?4 IS NULL OR stakeholder IS ?4)",
	[ST_SETUP_CODE_DROP] =
	    "DELETE FROM setup_code WHERE account_id = ?1 AND used IS NULL",
	[ST_SETUP_CODE_ADD] =
	    "INSERT INTO setup_code(account_id, code_hash, created, expires)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/* The live code of the active account with email ?1 at time ?2. */
	[ST_SETUP_CODE_FIND] =
	    "SELECT c.id, c.account_id, c.code_hash FROM account a"
	    " JOIN setup_code c ON c.account_id = a.id AND c.used IS NULL"
	    " AND c.expires > ?2 WHERE a.email = ?1 AND a.deactivated IS NULL"
	    " ORDER BY c.id DESC LIMIT 1",
	[ST_SETUP_CODE_USE] =
	    "UPDATE setup_code SET used = ?2 WHERE id = ?1 AND used IS NULL",
	[ST_FAILURE_ADD] =
	    "INSERT INTO signin_failure(key, at) VALUES (?1, ?2)",
	[ST_FAILURE_COUNT] =
	    "SELECT count(*), coalesce(max(at), 0) FROM signin_failure"
	    " WHERE key = ?1 AND at > ?2",
	[ST_FAILURE_CLEAR] =
	    "DELETE FROM signin_failure WHERE key = ?1",
	[ST_FAILURE_FORGET] =
	    "DELETE FROM signin_failure WHERE rowid = ?1",
	[ST_FAILURE_PURGE] =
	    "DELETE FROM signin_failure WHERE at <= ?1",
	[ST_ASSESSMENT_ADD] =
	    "INSERT INTO assessment(unit_id, period, period_end, created)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (unit_id, period) DO NOTHING",
	[ST_ASSESSMENTS_SINCE] =
	    "SELECT count(*) FROM assessment WHERE period_end >= ?1",
	[ST_ASSESSMENT_FIND] =
	    "SELECT id FROM assessment WHERE unit_id = ?1 AND period = ?2",
	/* ?1 an assessment, or NULL and ?2 a service for all of its. */
	[ST_ASSESSMENT_GET] =
	    "SELECT a.id, a.unit_id, u.code, u.name, a.period, a.period_end,"
	    " (SELECT coalesce(max(version), 0) FROM assessment_version"
	    "  WHERE assessment_id = a.id),"
	    " (SELECT count(*) FROM invitation WHERE assessment_id = a.id),"
	    " (SELECT count(*) FROM validation WHERE assessment_id = a.id)"
	    " FROM assessment a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?1",
	[ST_ASSESSMENTS] =
	    "SELECT a.id, a.unit_id, u.code, u.name, a.period, a.period_end,"
	    " (SELECT coalesce(max(version), 0) FROM assessment_version"
	    "  WHERE assessment_id = a.id),"
	    " (SELECT count(*) FROM invitation WHERE assessment_id = a.id),"
	    " (SELECT count(*) FROM validation WHERE assessment_id = a.id)"
	    " FROM assessment a JOIN unit u ON u.id = a.unit_id"
	    " WHERE a.unit_id = ?1 ORDER BY a.period DESC",
	[ST_ASSESSMENT_VERSION_ADD] =
	    "INSERT INTO assessment_version(assessment_id, version, response_id,"
	    " reason, standard, reopen_id, account_id, submitted)"
	    " SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7"
	    " FROM assessment_version WHERE assessment_id = ?1 RETURNING version",
	[ST_ASSESSMENT_VERSIONS] =
	    "SELECT v.version, v.response_id, v.reason, v.standard, v.reopen_id,"
	    " coalesce(a.name, 'Waymark'), v.submitted, r.instrument_id"
	    " FROM assessment_version v JOIN response r ON r.id = v.response_id"
	    " LEFT JOIN account a ON a.id = v.account_id"
	    " WHERE v.assessment_id = ?1 ORDER BY v.version",
	[ST_SERVICE_VALIDATORS] =
	    "SELECT g.account_id, a.name, g.stakeholder, NULL, 0, NULL"
	    " FROM role_grant g JOIN account a ON a.id = g.account_id"
	    " WHERE g.unit_id = ?1 AND g.role = 'validator'"
	    " ORDER BY g.stakeholder, a.name, a.id",
	[ST_INVITATIONS] =
	    "SELECT i.account_id, a.name, i.stakeholder, i.invited,"
	    " coalesce(v.response_id, 0), v.submitted FROM invitation i"
	    " JOIN account a ON a.id = i.account_id LEFT JOIN validation v"
	    "  ON v.assessment_id = i.assessment_id AND v.account_id = i.account_id"
	    " WHERE i.assessment_id = ?1 ORDER BY i.stakeholder, a.name, a.id",
	/* Only someone holding the validator role at the service. */
	[ST_INVITATION_ADD] =
	    "INSERT INTO invitation(assessment_id, account_id, stakeholder,"
	    " invited_by, invited) SELECT a.id, g.account_id, g.stakeholder,"
	    " ?3, ?4 FROM assessment a JOIN role_grant g ON g.unit_id = a.unit_id"
	    " WHERE a.id = ?1 AND g.account_id = ?2 AND g.role = 'validator'"
	    " AND g.stakeholder IS NOT NULL",
	[ST_ACCOUNT_INVITATIONS] =
	    "SELECT i.assessment_id, u.code, u.name, a.period, a.period_end,"
	    " i.stakeholder, coalesce(v.response_id, 0), u.id FROM invitation i"
	    " JOIN assessment a ON a.id = i.assessment_id"
	    " JOIN unit u ON u.id = a.unit_id LEFT JOIN validation v"
	    "  ON v.assessment_id = i.assessment_id AND v.account_id = i.account_id"
	    " WHERE i.account_id = ?1 AND (?2 IS NULL OR i.assessment_id = ?2)"
	    " ORDER BY a.period DESC, u.name",
	[ST_VALIDATION_ADD] =
	    "INSERT INTO validation(assessment_id, account_id, response_id,"
	    " submitted) SELECT assessment_id, account_id, ?3, ?4 FROM invitation"
	    " WHERE assessment_id = ?1 AND account_id = ?2",
	/* ?1 a service; ?2 one of its assessments, or NULL for all. */
	[ST_ASSESSMENT_RATINGS] =
	    "SELECT a.period, 1, v.account_id, NULL, sc.code, s.value, a.period_end"
	    " FROM assessment a JOIN assessment_version v ON v.assessment_id = a.id"
	    "  AND v.version = (SELECT max(version) FROM assessment_version"
	    "  WHERE assessment_id = a.id)"
	    " JOIN response r ON r.id = v.response_id"
	    " JOIN score s ON s.response_id = r.id"
	    " JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id"
	    "  AND sc.idx = s.scale"
	    " WHERE a.unit_id = ?1 AND (?2 IS NULL OR a.id = ?2) "
	    "UNION ALL "
	    "SELECT a.period, 0, x.account_id, i.stakeholder, sc.code, s.value,"
	    " a.period_end"
	    " FROM assessment a JOIN validation x ON x.assessment_id = a.id"
	    " JOIN invitation i ON i.assessment_id = a.id"
	    "  AND i.account_id = x.account_id"
	    " JOIN response r ON r.id = x.response_id"
	    " JOIN score s ON s.response_id = r.id"
	    " JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id"
	    "  AND sc.idx = s.scale"
	    " WHERE a.unit_id = ?1 AND (?2 IS NULL OR a.id = ?2)"
	    " ORDER BY 1, 2 DESC, 3",
	[ST_STANDARD_QUERY_ADD] =
	    "INSERT INTO standard_query(assessment_id, standard, kind,"
	    " account_id, text, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/* The written answers of an assessment's validations, by group. */
	[ST_VALIDATION_COMMENTS] =
	    "SELECT i.stakeholder, it.link_id, a.text, r.instrument_id"
	    " FROM validation x JOIN invitation i"
	    "  ON i.assessment_id = x.assessment_id AND i.account_id = x.account_id"
	    " JOIN response r ON r.id = x.response_id"
	    " JOIN answer a ON a.response_id = r.id"
	    " JOIN instrument_item it ON it.instrument_id = r.instrument_id"
	    "  AND it.idx = a.item"
	    " WHERE x.assessment_id = ?1 AND a.text IS NOT NULL"
	    " ORDER BY it.idx, i.stakeholder, a.text",
	[ST_STANDARD_QUERIES] =
	    "SELECT q.id, q.standard, q.kind, q.account_id, a.name,"
	    " (SELECT stakeholder FROM invitation i WHERE i.assessment_id ="
	    "  q.assessment_id AND i.account_id = q.account_id), q.text, q.at,"
	    " (SELECT v.version FROM assessment_version v WHERE v.reopen_id = q.id)"
	    " FROM standard_query q JOIN account a ON a.id = q.account_id"
	    " WHERE q.assessment_id = ?1 ORDER BY q.standard, q.id",
	/* The network's outcomes (migration 9, sql_outcome_keep.c and
	 * sql_outcomes.c). */
	[ST_SERIES_FIND] =
	    "SELECT id FROM outcome_series WHERE measure = ?1 AND scale = ?2"
	    " AND respondent = ?3",
	[ST_SERIES_ADD] =
	    "INSERT INTO outcome_series(measure, scale, respondent)"
	    " VALUES (?1, ?2, ?3)",
	/* One person's rows, in the primary key's order. */
	[ST_OUTCOME_ROWS] =
	    "SELECT series, quarter, unit_id, responses, first, latest,"
	    " next_quarter, first_response, latest_date, latest_response"
	    " FROM outcome WHERE person_id = ?1 ORDER BY series, quarter",
	/* One person's scored answers that are outcomes (by themselves or
	 * with a practitioner, to a series already named), through their
	 * own responses (response_due), in the order their rows are worked
	 * out in. */
	[ST_OUTCOME_SCORES] =
	    "SELECT os.id, r.authored, r.id, s.unit_id, s.value "
	    "FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " JOIN score s ON s.response_id = r.id"
	    " JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id"
	    "  AND sc.idx = s.scale"
	    " JOIN outcome_series os ON os.measure = coalesce(i.family, i.url)"
	    "  AND os.scale = sc.code AND os.respondent = s.respondent "
	    "WHERE r.subject_kind = 'person' AND r.status = 'completed'"
	    " AND r.subject_id = ?1"
	    " AND s.respondent IN ('person', 'person-with-practitioner')"
	    " AND s.value IS NOT NULL "
	    "ORDER BY os.id, r.authored, r.id",
	[ST_OUTCOME_ADD] =
	    "INSERT INTO outcome(person_id, series, quarter, unit_id, responses,"
	    " first, latest, next_quarter, first_response, latest_date,"
	    " latest_response)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[ST_OUTCOME_SET] =
	    "UPDATE outcome SET unit_id = ?4, responses = ?5, first = ?6,"
	    " latest = ?7, next_quarter = ?8, first_response = ?9,"
	    " latest_date = ?10, latest_response = ?11"
	    " WHERE person_id = ?1 AND series = ?2 AND quarter = ?3",
	[ST_OUTCOME_DROP] =
	    "DELETE FROM outcome WHERE person_id = ?1 AND series = ?2"
	    " AND quarter = ?3",
	[ST_OUTCOME_ANSWERS] =
	    "SELECT r.instrument_id, a.item, a.option FROM response r"
	    " JOIN answer a ON a.response_id = r.id WHERE r.id = ?1"
	    " ORDER BY a.item",
	[ST_BASELINE_ADD] =
	    "INSERT INTO outcome_baseline(measure, scale, respondent, kind,"
	    " item, n, sum, sumsq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (measure, scale, respondent, kind, item)"
	    " DO UPDATE SET n = n + excluded.n, sum = sum + excluded.sum,"
	    " sumsq = sumsq + excluded.sumsq",
	[ST_OUTCOME_COUNT_ADD] =
	    "INSERT INTO outcome_count(person_id, instrument_id, responses)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (person_id, instrument_id)"
	    " DO UPDATE SET responses = responses + excluded.responses",
	/*
	 * A window's rows (wm_store_network_outcomes): each person's row in
	 * quarters ?2..?3 (numbered as the rows number them) whose next
	 * answer is after the window, for each series of the measure ?1, by
	 * unit, respondent and scale. When no row of the measure has its
	 * next answer after ?3 (ST_NETWORK_LATER finds none: a window up to
	 * today), those are the rows with no next answer, and
	 * ST_NETWORK_OPEN reads them in that order with no sort: for each
	 * unit and series (by respondent, then scale), one seek of
	 * outcome_window to the unit's window of quarters, reading only the
	 * rows it returns. Otherwise (earlier windows) ST_NETWORK_OUTCOMES
	 * adds the rows whose next answer is after ?3, and sorts.
	 */
	[ST_NETWORK_LATER] =
	    "SELECT 1 FROM outcome_series s JOIN outcome o ON o.series = s.id"
	    " AND o.next_quarter > ?2 WHERE s.measure = ?1 LIMIT 1",
	[ST_NETWORK_OPEN] =
	    "SELECT o.unit_id, s.respondent, s.scale, o.responses, o.first,"
	    " o.latest FROM unit u CROSS JOIN outcome_series s"
	    " CROSS JOIN outcome o "
	    "WHERE s.measure = ?1 AND o.series = s.id"
	    " AND o.next_quarter IS NULL AND o.unit_id = u.id"
	    " AND o.quarter BETWEEN ?2 AND ?3 "
	    "ORDER BY u.id, s.respondent, s.scale",
	[ST_NETWORK_OUTCOMES] =
	    "SELECT o.unit_id, s.respondent, s.scale, o.responses, o.first,"
	    " o.latest FROM outcome_series s JOIN outcome o ON o.series = s.id"
	    " AND o.next_quarter IS NULL AND o.quarter BETWEEN ?2 AND ?3"
	    " WHERE s.measure = ?1 "
	    "UNION ALL "
	    "SELECT o.unit_id, s.respondent, s.scale, o.responses, o.first,"
	    " o.latest FROM outcome_series s JOIN outcome o ON o.series = s.id"
	    " AND o.next_quarter > ?3 AND o.quarter BETWEEN ?2 AND ?3"
	    " WHERE s.measure = ?1 "
	    "ORDER BY 1, 2, 3",
	[ST_NETWORK_BASELINE] =
	    "SELECT scale, respondent, CASE kind WHEN 0 THEN NULL"
	    " WHEN 1 THEN '' ELSE item END, n, sum, sumsq"
	    " FROM outcome_baseline WHERE measure = ?1 AND n > 0"
	    " ORDER BY scale, respondent, kind, item",
	/* Everyone on a caseload now, spell by spell in the caseload's own
	 * order (person, then start: no sort), each with, when they joined
	 * on or before ?2, their scored responses to the measure ?1 (a
	 * family or a url) from outcome_count; sql_outcomes.c adds them
	 * up per service. */
	[ST_NETWORK_PAIRED] =
	    "WITH m AS (SELECT id FROM instrument"
	    "  WHERE coalesce(family, url) = ?1 OR url = ?1) "
	    "SELECT c.person_id, c.unit_id, c.start_date <= ?2,"
	    " CASE WHEN c.start_date <= ?2 THEN coalesce((SELECT"
	    "  sum(n.responses) FROM outcome_count n"
	    "  WHERE n.person_id = c.person_id AND n.instrument_id IN m), 0)"
	    " END "
	    "FROM caseload c WHERE c.end_date IS NULL "
	    "ORDER BY c.person_id, c.start_date",
	/* Every goal of someone on a caseload now, at each service whose
	 * caseload they are on: whether it was reviewed twice or more, and
	 * then rated higher at its latest review than its first. In order
	 * of person, from goal_outcome alone (CROSS JOIN keeps the goals
	 * first, so the cost is the goals', not every caseload's), then
	 * the owner's spells; sql_outcomes.c counts them per service. */
	[ST_NETWORK_GOALS] =
	    "SELECT g.person_id, c.unit_id, g.reviews >= 2,"
	    " g.reviews >= 2 AND g.latest_rating > g.first_rating "
	    "FROM goal g CROSS JOIN caseload c ON c.person_id = g.person_id"
	    " AND c.end_date IS NULL "
	    "ORDER BY g.person_id",
	/* Per service: the people on its caseload on any day from ?1 to ?2
	 * (a spell that ends on a day does not include it), each once. */
	[ST_NETWORK_CASELOADS] =
	    "SELECT unit_id, count(DISTINCT person_id) FROM caseload"
	    " WHERE start_date <= ?2 AND (end_date IS NULL OR end_date > ?1)"
	    " GROUP BY unit_id ORDER BY unit_id",
	/* A review keeps its goal's count, and its first and latest rating
	 * by date (on the same date, the later recorded is the later). */
	[ST_GOAL_KEEP] =
	    "UPDATE goal SET reviews = reviews + 1,"
	    " first_rating = CASE WHEN first_reviewed IS NULL"
	    "  OR ?2 < first_reviewed THEN ?3 ELSE first_rating END,"
	    " first_reviewed = CASE WHEN first_reviewed IS NULL"
	    "  OR ?2 < first_reviewed THEN ?2 ELSE first_reviewed END,"
	    " latest_rating = CASE WHEN latest_reviewed IS NULL"
	    "  OR ?2 >= latest_reviewed THEN ?3 ELSE latest_rating END,"
	    " latest_reviewed = CASE WHEN latest_reviewed IS NULL"
	    "  OR ?2 >= latest_reviewed THEN ?2 ELSE latest_reviewed END"
	    " WHERE id = ?1",
	/* Names kept as small numbers (sql_leftout_keep.c). */
	[ST_KEY_FIND] =
	    "SELECT id FROM kept_key WHERE measure = ?1 AND name = ?2",
	[ST_KEY_ADD] =
	    "INSERT INTO kept_key(measure, name) VALUES (?1, ?2)",
	/* Who is left out, kept (sql_leftout_keep.c). */
	[ST_LEFTOUT_PERSON] =
	    "SELECT parts FROM leftout_person WHERE person_id = ?1",
	[ST_LEFTOUT_PERSON_PUT] =
	    "INSERT INTO leftout_person(person_id, parts) VALUES (?1, ?2)"
	    " ON CONFLICT (person_id) DO UPDATE SET parts = excluded.parts",
	[ST_LEFTOUT_PERSON_DROP] =
	    "DELETE FROM leftout_person WHERE person_id = ?1",
	[ST_LEFTOUT_COUNT_ADD] =
	    "INSERT INTO leftout_count(unit_id, key, first_q, last_q,"
	    " first_any, first_own, people) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT (key, unit_id, first_q, last_q, first_any, first_own)"
	    " DO UPDATE SET people = people + excluded.people",
	/* The day of a person's first scored answer to each measure's
	 * scale, by anyone and by themselves (response_subject: their own
	 * rows). */
	[ST_LEFTOUT_FIRSTS] =
	    "SELECT coalesce(i.family, i.url), sc.code, min(r.authored),"
	    " min(CASE WHEN r.respondent IN ('person',"
	    "  'person-with-practitioner') THEN r.authored END) "
	    "FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " JOIN score s ON s.response_id = r.id"
	    " JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id"
	    "  AND sc.idx = s.scale "
	    "WHERE r.subject_kind = 'person' AND r.status = 'completed'"
	    " AND r.subject_id = ?1 AND s.value IS NOT NULL "
	    "GROUP BY 1, 2",
	/* The indicators, kept (sql_experience_keep.c). */
	[ST_EXPERIENCE_PERSON] =
	    "SELECT parts FROM experience_person WHERE person_id = ?1",
	[ST_EXPERIENCE_PERSON_PUT] =
	    "INSERT INTO experience_person(person_id, parts) VALUES (?1, ?2)"
	    " ON CONFLICT (person_id) DO UPDATE SET parts = excluded.parts",
	[ST_EXPERIENCE_PERSON_DROP] =
	    "DELETE FROM experience_person WHERE person_id = ?1",
	[ST_EXPERIENCE_COUNT_ADD] =
	    "INSERT INTO experience_count(unit_id, key, quarter, next_q,"
	    " agrees, people) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " ON CONFLICT (key, unit_id, quarter, next_q, agrees)"
	    " DO UPDATE SET people = people + excluded.people",
	/* A person's completed responses to the instrument ?2 (any
	 * version), oldest first (response_subject: their own rows), each
	 * with its instrument and its choices (response_choices: one row). */
	[ST_EXPERIENCE_ANSWERS] =
	    "SELECT r.id, r.authored, r.unit_id, r.instrument_id, c.choices "
	    "FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " LEFT JOIN response_choices c ON c.response_id = r.id "
	    "WHERE r.subject_kind = 'person' AND r.subject_id = ?1"
	    " AND r.status = 'completed' AND i.url = ?2 "
	    "ORDER BY r.authored, r.id",
	[ST_EXPERIENCE_INSTRUMENTS] =
	    "SELECT id FROM instrument WHERE url = ?1 ORDER BY id",
	/*
	 * Who is left out of a measure ?1's outcomes in quarters ?2..?3
	 * (numbered as the kept rows number them), per service: on its
	 * caseload in them (no name), and per scale, of those, the people
	 * with an answer by the window's end, and of them those with none of
	 * their own by then. A few rows per service and quarter.
	 */
	[ST_NETWORK_LEFTOUT] =
	    "SELECT c.unit_id, k.name, sum(c.people),"
	    " sum(CASE WHEN c.first_own > ?3 THEN c.people ELSE 0 END) "
	    "FROM leftout_count c LEFT JOIN kept_key k ON k.id = c.key "
	    "WHERE c.key IN (SELECT 0 UNION ALL"
	    "  SELECT id FROM kept_key WHERE measure = ?1)"
	    " AND c.first_q <= ?3 AND c.last_q >= ?2 AND c.first_any <= ?3 "
	    "GROUP BY c.unit_id, c.key HAVING sum(c.people) <> 0 "
	    "ORDER BY c.unit_id",
	/* The same from the raw rows, while the kept ones are not true: the
	 * caseloads on any day from ?2 to ?3 (a spell that ends on a day
	 * does not include it), and the people's scored answers up to ?3. */
	[ST_NETWORK_LEFTOUT_RAW] =
	    "WITH c AS (SELECT DISTINCT unit_id, person_id FROM caseload"
	    "  WHERE start_date <= ?3 AND (end_date IS NULL OR"
	    "  (end_date > ?2 AND end_date > start_date))),"
	    " a AS (SELECT r.subject_id AS person_id, sc.code AS scale,"
	    "  max(r.respondent IN ('person', 'person-with-practitioner'))"
	    "  AS own FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    "  JOIN score s ON s.response_id = r.id"
	    "  JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id"
	    "   AND sc.idx = s.scale"
	    "  WHERE r.subject_kind = 'person' AND r.status = 'completed'"
	    "  AND s.value IS NOT NULL AND coalesce(i.family, i.url) = ?1"
	    "  AND r.authored <= ?3 GROUP BY r.subject_id, sc.code) "
	    "SELECT c.unit_id, NULL, count(*), 0 FROM c GROUP BY c.unit_id "
	    "UNION ALL "
	    "SELECT c.unit_id, a.scale, count(*), sum(NOT a.own)"
	    " FROM c JOIN a ON a.person_id = c.person_id"
	    " GROUP BY c.unit_id, a.scale "
	    "ORDER BY 1",
	/* Each indicator of the instrument ?1 in quarters ?2..?3 (numbered
	 * as kept), per service: people whose latest answers in them
	 * answered it on its scale, and of them those who agree. */
	[ST_NETWORK_EXPERIENCE] =
	    "SELECT c.unit_id, k.name, sum(c.people), sum(c.people * c.agrees) "
	    "FROM kept_key k JOIN experience_count c ON c.key = k.id "
	    "WHERE k.measure = ?1 AND c.quarter BETWEEN ?2 AND ?3"
	    " AND c.next_q > ?3 "
	    "GROUP BY c.unit_id, k.id HAVING sum(c.people) <> 0 "
	    "ORDER BY c.unit_id",
	/* The same from the raw rows: each person's latest response to ?1
	 * given from day ?2 to day ?3, its answers on a scored option
	 * counted per service, question and option, with the question's
	 * lowest and highest scored values (whether an answer agrees is
	 * core's rule, applied to them). */
	[ST_NETWORK_EXPERIENCE_RAW] =
	    "WITH p AS (SELECT r.id, r.unit_id, r.instrument_id,"
	    "  row_number() OVER (PARTITION BY r.subject_id"
	    "  ORDER BY r.authored DESC, r.id DESC) AS k"
	    "  FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    "  WHERE i.url = ?1 AND r.subject_kind = 'person'"
	    "  AND r.status = 'completed' AND r.authored BETWEEN ?2 AND ?3) "
	    "SELECT p.unit_id, it.link_id, o.value,"
	    " (SELECT min(m.value) FROM instrument_option m"
	    "  WHERE m.instrument_id = p.instrument_id AND m.item_idx = a.item),"
	    " (SELECT max(m.value) FROM instrument_option m"
	    "  WHERE m.instrument_id = p.instrument_id AND m.item_idx = a.item),"
	    " count(*) "
	    "FROM p JOIN answer a ON a.response_id = p.id"
	    " JOIN instrument_item it ON it.instrument_id = p.instrument_id"
	    "  AND it.idx = a.item"
	    " JOIN instrument_option o ON o.instrument_id = p.instrument_id"
	    "  AND o.item_idx = a.item AND o.idx = a.option "
	    "WHERE p.k = 1 AND o.value IS NOT NULL "
	    "GROUP BY p.unit_id, p.instrument_id, a.item, a.option "
	    "ORDER BY 1",
	/* The running totals of a measure ?1's scales in quarters ?2..?3
	 * ("2026-Q1"), per service, respondent and scale. */
	[ST_NETWORK_ROLLUP] =
	    "SELECT unit_id, respondent, scale, sum(responses), sum(total)"
	    " FROM rollup WHERE measure = ?1 AND quarter BETWEEN ?2 AND ?3"
	    " AND scale <> '' GROUP BY unit_id, respondent, scale"
	    " ORDER BY unit_id, respondent, scale",
	/* The most responses in any one quarter of the window: a row per
	 * unit, respondent, scale and quarter, so the largest row. */
	[ST_NETWORK_ROLLUP_PEAK] =
	    "SELECT unit_id, respondent, scale, max(responses), 0"
	    " FROM rollup WHERE measure = ?1 AND quarter BETWEEN ?2 AND ?3"
	    " AND scale <> '' GROUP BY unit_id, respondent, scale"
	    " ORDER BY unit_id, respondent, scale",
	[ST_FIGURES_VERSION] =
	    "SELECT n FROM figures_version WHERE id = 1",
	[ST_FIGURES_BUMP] =
	    "UPDATE figures_version SET n = n + 1 WHERE id = 1",
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_BEGIN_READ] = "BEGIN",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_SAVEPOINT] = "SAVEPOINT wm_write",
	[ST_RELEASE] = "RELEASE wm_write",
	[ST_ROLLBACK_TO] = "ROLLBACK TO wm_write",
	[ST_PART] = "SAVEPOINT wm_part",
	[ST_PART_KEEP] = "RELEASE wm_part",
	[ST_PART_UNDO] = "ROLLBACK TO wm_part",
	/* The network tree's administration (store/admin.c). */
	[ST_UNIT_GET] =
	    "SELECT u.id, u.kind, u.code, u.name, p.code, u.closed FROM unit u"
	    " LEFT JOIN unit p ON p.id = u.parent_id WHERE u.code = ?1",
	[ST_UNIT_RENAME] =
	    "UPDATE unit SET name = ?2 WHERE id = ?1",
	[ST_UNIT_CLOSE] =
	    "UPDATE unit SET closed = ?2 WHERE id = ?1 AND closed IS NULL",
	[ST_UNIT_OPEN_CHILDREN] =
	    "SELECT count(*) FROM unit WHERE parent_id = ?1 AND closed IS NULL",
	[ST_CASELOAD_END] =
	    "UPDATE caseload SET end_date = ?3 WHERE person_id = ?1"
	    " AND unit_id = ?2 AND end_date IS NULL",
	[ST_CASELOAD_OPEN] =
	    "SELECT u.id, u.kind, u.code, u.name, u.closed, c.start_date,"
	    " c.end_date FROM caseload c JOIN unit u ON u.id = c.unit_id"
	    " WHERE c.person_id = ?1 AND c.end_date IS NULL"
	    " ORDER BY c.start_date, u.code",
	[ST_CASELOAD_SPELLS] =
	    "SELECT u.id, u.kind, u.code, u.name, u.closed, c.start_date,"
	    " c.end_date FROM caseload c JOIN unit u ON u.id = c.unit_id"
	    " WHERE c.person_id = ?1 AND c.unit_id = ?2"
	    " ORDER BY c.start_date",
	[ST_CASELOAD_DROP] =
	    "DELETE FROM caseload WHERE person_id = ?1 AND unit_id = ?2"
	    " AND start_date = ?3 AND end_date IS NULL",
	/* A page of people by identifier, each with the services whose
	 * caseloads they are on now; ?1 a part of an identifier or a name
	 * (any case), or NULL for everyone. The page is chosen first, so
	 * the services are read only for its rows. */
	[ST_PEOPLE_SEARCH] =
	    "WITH page AS MATERIALIZED ("
	    " SELECT id, ident, name, count(*) OVER () AS total FROM person"
	    " WHERE ?1 IS NULL OR instr(lower(name), lower(?1)) > 0"
	    "  OR instr(lower(ident), lower(?1)) > 0"
	    " ORDER BY ident LIMIT ?2 OFFSET ?3) "
	    "SELECT id, ident, name, (SELECT group_concat(n, ', ') FROM"
	    " (SELECT u.name AS n FROM caseload c JOIN unit u ON u.id = c.unit_id"
	    "  WHERE c.person_id = page.id AND c.end_date IS NULL"
	    "  ORDER BY u.name)), total FROM page ORDER BY ident",
	/* The audit log searched, newest first: ?1 a person's id, ?2 and ?3
	 * the times from and before, ?4 the acting account's id, ?5 an
	 * action, ?6 rows from row ?7, of at most ?8 found. One
	 * statement for each start: the person's index on the log, else the
	 * account's, the action's or the time's keys beside it; the other
	 * criteria filter its entries. */
	[ST_AUDIT_BY_PERSON] =
	    AUDIT_FOUND("SELECT a.* FROM audit a INDEXED BY audit_subject"
	    " WHERE a.subject_kind = 'person' AND a.subject_id = ?1"
	    " AND a.at >= ?2 AND a.at < ?3 AND" AUDIT_ACTOR_IS " AND"
	    AUDIT_ACTION_IS " ORDER BY a.at DESC, a.id DESC LIMIT ?8"),
	[ST_AUDIT_BY_ACTOR] =
	    AUDIT_FOUND(AUDIT_KEYED("audit_by_actor")
	    "k.actor_account_id = ?4 AND" AUDIT_PERSON_IS " AND"
	    AUDIT_ACTION_IS AUDIT_KEYED_NEWEST),
	[ST_AUDIT_BY_ACTION] =
	    AUDIT_FOUND(AUDIT_KEYED("audit_by_action")
	    "k.action = ?5 AND" AUDIT_PERSON_IS " AND" AUDIT_ACTOR_IS AUDIT_KEYED_NEWEST),
	[ST_AUDIT_BY_DATE] =
	    AUDIT_FOUND(AUDIT_KEYED("audit_by_at") AUDIT_PERSON_IS " AND"
	    AUDIT_ACTOR_IS " AND" AUDIT_ACTION_IS AUDIT_KEYED_NEWEST),
	/* The search keys brought up to date (migration 17), ?1 entries at
	 * a time: each statement takes the entries after the last kept. */
	[ST_AUDIT_KEY_ACTOR] =
	    "INSERT OR IGNORE INTO audit_by_actor"
	    " SELECT actor_account_id, at, id FROM audit"
	    " WHERE id > (SELECT upto FROM audit_keyed)"
	    " AND id <= (SELECT upto FROM audit_keyed) + ?1"
	    " AND actor_account_id IS NOT NULL",
	[ST_AUDIT_KEY_ACTION] =
	    "INSERT OR IGNORE INTO audit_by_action SELECT action, at, id"
	    " FROM audit WHERE id > (SELECT upto FROM audit_keyed)"
	    " AND id <= (SELECT upto FROM audit_keyed) + ?1",
	[ST_AUDIT_KEY_AT] =
	    "INSERT OR IGNORE INTO audit_by_at SELECT at, id"
	    " FROM audit WHERE id > (SELECT upto FROM audit_keyed)"
	    " AND id <= (SELECT upto FROM audit_keyed) + ?1",
	/* The actions the log holds, each once, found by leaping from one
	 * to the next in their keys: it costs how many there are, never
	 * the entries. */
	[ST_AUDIT_ACTIONS] =
	    "WITH RECURSIVE act(a) AS ("
	    " SELECT (SELECT min(action) FROM audit_by_action)"
	    " UNION ALL SELECT (SELECT min(action) FROM audit_by_action"
	    "  WHERE action > act.a) FROM act WHERE act.a IS NOT NULL) "
	    "SELECT a FROM act WHERE a IS NOT NULL",
	/* 1 when the log's last entry is keyed. */
	[ST_AUDIT_KEYED_ALL] =
	    "SELECT upto >= (SELECT coalesce(max(id), 0) FROM audit)"
	    " FROM audit_keyed",
	/* The last entry now keyed, and 1 when that is the log's last. */
	[ST_AUDIT_KEYED] =
	    "UPDATE audit_keyed SET upto = min(upto + ?1,"
	    " (SELECT coalesce(max(id), 0) FROM audit))"
	    " RETURNING upto = (SELECT coalesce(max(id), 0) FROM audit)",
	/* A file kept while its loading is confirmed (migration 14). */
	[ST_UPLOAD_ADD] =
	    "INSERT INTO upload(token_hash, account_id, name, content, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_UPLOAD_GET] =
	    "SELECT name, content FROM upload WHERE token_hash = ?1"
	    " AND account_id = ?2 AND created >= ?3",
	[ST_UPLOAD_DROP] =
	    "DELETE FROM upload WHERE token_hash = ?1",
	[ST_UPLOAD_EXPIRE] =
	    "DELETE FROM upload WHERE created < ?1",
	/* People's plans (migration 18, store.h). A plan's row with its
	 * latest finished version and its draft, and its owner. */
#define PLAN_ROW \
	"SELECT p.id, p.person_id, p.family, p.created, p.crisis_access," \
	" (SELECT max(n) FROM plan_version WHERE plan_id = p.id)," \
	" (SELECT saved FROM plan_version WHERE plan_id = p.id AND n > 0" \
	"  ORDER BY n DESC LIMIT 1)," \
	" (SELECT saved FROM plan_version WHERE plan_id = p.id AND n = 0)," \
	" per.ident, per.name" \
	" FROM plan p JOIN person per ON per.id = p.person_id"
	[ST_PLAN_ADD] =
	    "INSERT INTO plan(person_id, family, created) VALUES (?1, ?2, ?3)",
	[ST_PLAN_FIND] =
	    "SELECT id FROM plan WHERE person_id = ?1 AND family = ?2",
	[ST_PLAN_LIST] = PLAN_ROW " WHERE p.person_id = ?1 ORDER BY p.family",
	[ST_PLAN_GET] = PLAN_ROW " WHERE p.id = ?1",
	/* Shared with the account, or with a care team it is a practitioner of
	 * where the owner is on that caseload now: each from its own index
	 * (plan_share_account; role_grant, then plan_share_unit), so it
	 * costs the account's shares and its services' team shares, never
	 * every share in the network. */
/* As core reads them (core/plan_access.c): a share by name while the
 * account is the owner's supporter or a practitioner of a service the
 * owner uses now; a team share while the owner is on its caseload; and
 * only plans with a finished version, the ones there are to read. */
#define PLANS_SHARED_WITH \
	"SELECT s.plan_id FROM plan_share s JOIN plan o ON o.id = s.plan_id" \
	"  WHERE s.account_id = ?1 AND s.stopped IS NULL" \
	"  AND (s.until IS NULL OR s.until >= ?2)" \
	"  AND (EXISTS (SELECT 1 FROM supporter su WHERE su.account_id = ?1" \
	"   AND su.person_id = o.person_id AND su.ended IS NULL)" \
	"   OR EXISTS (SELECT 1 FROM caseload c JOIN role_grant g" \
	"   ON g.unit_id = c.unit_id AND g.account_id = ?1" \
	"   AND g.role = 'practitioner' WHERE c.person_id = o.person_id" \
	"   AND c.end_date IS NULL))" \
	" UNION SELECT s.plan_id FROM role_grant g" \
	"  JOIN plan_share s ON s.unit_id = g.unit_id AND s.stopped IS NULL" \
	"   AND (s.until IS NULL OR s.until >= ?2)" \
	"  JOIN plan o ON o.id = s.plan_id" \
	"  JOIN caseload c ON c.person_id = o.person_id" \
	"   AND c.unit_id = g.unit_id AND c.end_date IS NULL" \
	"  WHERE g.account_id = ?1 AND g.role = 'practitioner'"
	[ST_PLAN_SHARED_WITH] = PLAN_ROW
	    " WHERE p.id IN (" PLANS_SHARED_WITH ")"
	    " AND EXISTS (SELECT 1 FROM plan_version v WHERE v.plan_id = p.id"
	    "  AND v.n > 0)"
	    " ORDER BY per.name, per.ident, p.family LIMIT ?3 OFFSET ?4",
	[ST_PLAN_SHARED_WITH_COUNT] =
	    "SELECT count(*) FROM (" PLANS_SHARED_WITH ") x"
	    " WHERE EXISTS (SELECT 1 FROM plan_version v"
	    "  WHERE v.plan_id = x.plan_id AND v.n > 0)",
#define PLAN_VERSION_ROW \
	"SELECT v.plan_id, v.n, v.instrument_id, v.content, v.respondent," \
	" v.author_account_id, a.name, v.agreed, v.saved" \
	" FROM plan_version v LEFT JOIN account a ON a.id = v.author_account_id"
	[ST_PLAN_VERSION] = PLAN_VERSION_ROW " WHERE v.plan_id = ?1 AND v.n = ?2",
	[ST_PLAN_VERSION_LATEST] = PLAN_VERSION_ROW
	    " WHERE v.plan_id = ?1 AND v.n > 0 ORDER BY v.n DESC LIMIT 1",
	[ST_PLAN_VERSIONS] = PLAN_VERSION_ROW
	    " WHERE v.plan_id = ?1 AND v.n > 0 ORDER BY v.n DESC",
	[ST_PLAN_VERSION_NEXT] =
	    "SELECT coalesce(max(n), 0) + 1 FROM plan_version WHERE plan_id = ?1",
	[ST_PLAN_VERSION_ADD] =
	    "INSERT INTO plan_version(plan_id, n, instrument_id, content,"
	    " respondent, author_account_id, agreed, saved)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_PLAN_DRAFT_DROP] =
	    "DELETE FROM plan_version WHERE plan_id = ?1 AND n = 0",
	[ST_PLAN_CRISIS_SET] =
	    "UPDATE plan SET crisis_access = ?2 WHERE id = ?1",
	[ST_PLAN_FACTS] =
	    "SELECT person_id, crisis_access, EXISTS (SELECT 1 FROM"
	    " plan_version v WHERE v.plan_id = plan.id) FROM plan WHERE id = ?1",
	[ST_PLAN_FACTS_ACCOUNT] =
	    "SELECT 1 FROM plan_share WHERE plan_id = ?1 AND account_id = ?2"
	    " AND stopped IS NULL AND (until IS NULL OR until >= ?3) LIMIT 1",
	[ST_PLAN_FACTS_TEAMS] =
	    "SELECT DISTINCT unit_id FROM plan_share WHERE plan_id = ?1"
	    " AND unit_id IS NOT NULL AND stopped IS NULL"
	    " AND (until IS NULL OR until >= ?2) ORDER BY unit_id",
	[ST_PLAN_FACTS_UNITS] =
	    "SELECT c.unit_id FROM plan p JOIN caseload c"
	    " ON c.person_id = p.person_id AND c.end_date IS NULL"
	    " WHERE p.id = ?1 ORDER BY c.unit_id",
	[ST_PLAN_SHARE_ADD] =
	    "INSERT INTO plan_share(plan_id, account_id, unit_id, created, until)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
#define PLAN_SHARE_ROW \
	"SELECT s.id, s.account_id, a.name, a.email," \
	" EXISTS (SELECT 1 FROM supporter su JOIN plan p ON p.id = s.plan_id" \
	"  WHERE su.account_id = s.account_id AND su.person_id = p.person_id)," \
	" s.unit_id, u.code, u.name, s.created, s.until, s.stopped" \
	" FROM plan_share s LEFT JOIN account a ON a.id = s.account_id" \
	" LEFT JOIN unit u ON u.id = s.unit_id"
	[ST_PLAN_SHARES_NOW] = PLAN_SHARE_ROW
	    " WHERE s.plan_id = ?1 AND s.stopped IS NULL"
	    " AND (s.until IS NULL OR s.until >= ?2) ORDER BY s.id DESC",
	[ST_PLAN_SHARES_ALL] = PLAN_SHARE_ROW
	    " WHERE s.plan_id = ?1 ORDER BY s.id DESC",
	/* One share going at a time with each account or team: sharing
	 * again replaces it (with its new last day), so stopping it stops
	 * it. */
	[ST_PLAN_SHARE_REPLACE] =
	    "UPDATE plan_share SET stopped = ?4 WHERE plan_id = ?1"
	    " AND account_id IS ?2 AND unit_id IS ?3 AND stopped IS NULL",
	[ST_PLAN_SHARE_STOP] =
	    "UPDATE plan_share SET stopped = ?3 WHERE id = ?2 AND plan_id = ?1"
	    " AND stopped IS NULL",
	[ST_PLAN_VIEW_ADD] =
	    "INSERT INTO plan_view(plan_id, n, account_id, how, unit_id, at,"
	    " reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
#define PLAN_VIEW_ROW \
	"SELECT v.id, v.plan_id, p.family, v.n, a.name, v.how, u.name," \
	" (SELECT g.role FROM role_grant g WHERE g.account_id = v.account_id" \
	"  AND g.unit_id = v.unit_id AND g.role IN ('practitioner', 'lead')" \
	"  ORDER BY g.role = 'practitioner' DESC LIMIT 1)," \
	" EXISTS (SELECT 1 FROM supporter su WHERE su.account_id =" \
	"  v.account_id AND su.person_id = p.person_id)," \
	" v.at, v.reason, v.told" \
	" FROM plan_view v JOIN plan p ON p.id = v.plan_id" \
	" JOIN account a ON a.id = v.account_id" \
	" LEFT JOIN unit u ON u.id = v.unit_id"
	[ST_PLAN_VIEWS] = PLAN_VIEW_ROW
	    " WHERE p.person_id = ?1 AND (?2 = 0 OR v.plan_id = ?2)"
	    " ORDER BY v.id DESC LIMIT ?3",
	[ST_PLAN_CRISIS_UNTOLD] = PLAN_VIEW_ROW
	    " WHERE p.person_id = ?1 AND v.how = 'crisis' AND v.told = 0"
	    " ORDER BY v.id",
	[ST_PLAN_CRISIS_TOLD] =
	    "UPDATE plan_view SET told = 1 WHERE how = 'crisis' AND told = 0"
	    " AND id <= ?2 AND plan_id IN (SELECT id FROM plan"
	    " WHERE person_id = ?1)",
	/* Suggested changes to a plan (migration 18). */
	[ST_PLAN_SUGGEST_ADD] =
	    "INSERT INTO plan_suggestion(plan_id, base_n, instrument_id,"
	    " account_id, content, note, made, together, agreed)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
#define PLAN_SUGGESTION_ROW \
	"SELECT s.id, s.plan_id, s.base_n, s.instrument_id, s.content, s.note," \
	" a.name, s.made, s.decided, coalesce(s.accepted, 0), s.account_id," \
	" s.together, s.agreed" \
	" FROM plan_suggestion s JOIN account a ON a.id = s.account_id"
	[ST_PLAN_SUGGESTIONS_OPEN] = PLAN_SUGGESTION_ROW
	    " WHERE s.plan_id = ?1 AND s.decided IS NULL ORDER BY s.id DESC",
	[ST_PLAN_SUGGESTIONS_ALL] = PLAN_SUGGESTION_ROW
	    " WHERE s.plan_id = ?1 ORDER BY s.id DESC",
	[ST_PLAN_SUGGESTION_GET] = PLAN_SUGGESTION_ROW
	    " WHERE s.plan_id = ?1 AND s.id = ?2",
	[ST_PLAN_SUGGESTION_DECIDE] =
	    "UPDATE plan_suggestion SET decided = ?3, accepted = ?4"
	    " WHERE plan_id = ?1 AND id = ?2 AND decided IS NULL",
	/* Those a person may share a plan with by name: the practitioners
	 * of a service (never its lead by that role alone). */
	[ST_SERVICE_PRACTITIONERS] =
	    "SELECT a.id, a.email, a.name FROM account a"
	    " WHERE a.id IN (SELECT account_id FROM role_grant"
	    " WHERE unit_id = ?1 AND role = 'practitioner')"
	    " AND a.deactivated IS NULL ORDER BY a.name, a.email",
	/* Supporters (migration 18). */
	[ST_SUPPORTER_ADD] =
	    "INSERT INTO supporter(person_id, account_id, relationship, created)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[ST_SUPPORTER_LIST] =
	    "SELECT su.account_id, a.name, a.email, su.relationship, su.created,"
	    " su.ended, a.password_hash IS NOT NULL,"
	    " (SELECT max(c.expires) FROM setup_code c WHERE c.account_id ="
	    "  a.id AND c.used IS NULL AND c.expires > ?2)"
	    " FROM supporter su JOIN account a ON a.id = su.account_id"
	    " WHERE su.person_id = ?1 ORDER BY su.id DESC",
	[ST_SUPPORTER_IS] =
	    "SELECT 1 FROM supporter WHERE person_id = ?1 AND account_id = ?2"
	    " AND ended IS NULL",
	[ST_SUPPORTER_ACCOUNT] =
	    "SELECT 1 FROM supporter WHERE account_id = ?1 LIMIT 1",
	[ST_SUPPORTER_END] =
	    "UPDATE supporter SET ended = ?3 WHERE person_id = ?1"
	    " AND account_id = ?2 AND ended IS NULL",
	/* The shares going now; one that ran out ran out, and is kept so. */
	[ST_SUPPORTER_SHARES_STOP] =
	    "UPDATE plan_share SET stopped = ?3 WHERE account_id = ?2"
	    " AND stopped IS NULL AND (until IS NULL OR until >= substr(?3, 1,"
	    " 10)) AND plan_id IN (SELECT id FROM plan WHERE person_id = ?1)",
	/* waymark check: the summaries' running totals (rollup, migration
	 * 2) against the same worked out again from the saved answers, as
	 * migration 2 first worked them out (a row for each completed
	 * response, scale '', and one for each of its scores with a value):
	 * the cells kept, and how many disagree either way (missing, extra,
	 * a count that differs, or a total, added in another order, off by
	 * more than a billionth). */
	[ST_CHECK_TOTALS] =
	    "WITH want(measure, unit_id, quarter, respondent, scale, responses,"
	    " people, total) AS ("
	    " SELECT coalesce(i.family, i.url), r.unit_id, r.quarter,"
	    " r.respondent, '', count(*),"
	    " count(DISTINCT r.subject_kind || r.subject_id), 0.0"
	    " FROM response r JOIN instrument i ON i.id = r.instrument_id"
	    " WHERE r.status = 'completed' GROUP BY 1, 2, 3, 4"
	    " UNION ALL"
	    " SELECT coalesce(i.family, i.url), s.unit_id, s.quarter,"
	    " s.respondent, sc.code, count(*),"
	    " count(DISTINCT r.subject_kind || s.subject_id), sum(s.value)"
	    " FROM score s JOIN response r ON r.id = s.response_id"
	    " JOIN instrument i ON i.id = s.instrument_id"
	    " JOIN instrument_scale sc ON sc.instrument_id = s.instrument_id"
	    " AND sc.idx = s.scale WHERE s.value IS NOT NULL"
	    " GROUP BY 1, 2, 3, 4, 5) "
	    "SELECT (SELECT count(*) FROM rollup),"
	    " (SELECT count(*) FROM want w LEFT JOIN rollup k"
	    " ON k.measure = w.measure AND k.unit_id = w.unit_id"
	    " AND k.quarter = w.quarter AND k.respondent = w.respondent"
	    " AND k.scale = w.scale WHERE k.id IS NULL"
	    " OR k.responses <> w.responses OR k.people <> w.people"
	    " OR abs(k.total - w.total) > 1e-9 * (1 + abs(w.total)))"
	    " + (SELECT count(*) FROM rollup k WHERE NOT EXISTS (SELECT 1"
	    " FROM want w WHERE k.measure = w.measure AND k.unit_id = w.unit_id"
	    " AND k.quarter = w.quarter AND k.respondent = w.respondent"
	    " AND k.scale = w.scale))",
	/* Everyone's kept figures to be worked out again: until the
	 * transaction ends, the network's figures read the raw rows. */
	[ST_MARK_EVERYONE] =
	    "INSERT INTO kept_dirty(person_id, whole) SELECT id, 1 FROM person"
	    " WHERE true ON CONFLICT (person_id) DO UPDATE SET whole = 1",
#include "store/copy_sqlite.inc"
	[ST_COPY_UNITS_CLOSED] =
	    "SELECT id, closed FROM unit WHERE closed IS NOT NULL ORDER BY id",
	[ST_COPY_UNIT_CLOSED] = "UPDATE unit SET closed = ?2 WHERE id = ?1",
};
