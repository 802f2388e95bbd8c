/*
 * Schema migrations: numbered, forward-only, each applied with the
 * version bump inside one transaction, so a database is always at exactly
 * one version. Never edit a migration that has shipped; add the next one.
 *
 * This is the one file allowed to run SQL text with sqlite3_exec: the
 * scripts are fixed literals, with no input in them.
 */
#include "store/sql_internal.h"

#include <stdio.h>

/* 1: the foundation. */
static const char *const m1[] = {
	"CREATE TABLE unit ("
	" id INTEGER PRIMARY KEY,"
	" parent_id INTEGER REFERENCES unit(id),"
	" kind TEXT NOT NULL CHECK (kind IN ('network', 'provider', 'service')),"
	" code TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" created TEXT NOT NULL)",
	"CREATE INDEX unit_parent ON unit(parent_id)",
	"CREATE TABLE person ("
	" id INTEGER PRIMARY KEY,"
	" ident TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" created TEXT NOT NULL)",
	"CREATE TABLE caseload ("
	" person_id INTEGER NOT NULL REFERENCES person(id),"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" start_date TEXT NOT NULL,"
	" end_date TEXT,"
	" PRIMARY KEY (person_id, start_date, unit_id)) WITHOUT ROWID",
	"CREATE INDEX caseload_unit ON caseload(unit_id, person_id)",
	"CREATE TABLE account ("
	" id INTEGER PRIMARY KEY,"
	" email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	" name TEXT NOT NULL,"
	" person_id INTEGER REFERENCES person(id),"
	" password_hash TEXT,"
	" created TEXT NOT NULL)",
	"CREATE TABLE role_grant ("
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" role TEXT NOT NULL CHECK (role IN ('person', 'practitioner', 'lead',"
	"  'validator', 'commissioner', 'admin')),"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" stakeholder TEXT CHECK (stakeholder IN ('lived-experience',"
	"  'supporter', 'peer-worker', 'practitioner', 'commissioner')),"
	" PRIMARY KEY (account_id, role, unit_id)) WITHOUT ROWID",
	"CREATE INDEX role_grant_unit ON role_grant(unit_id, role)",
	"CREATE TABLE instrument ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL,"
	" version TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" family TEXT,"
	" content TEXT NOT NULL,"
	" loaded TEXT NOT NULL,"
	" UNIQUE (url, version))",
	"CREATE INDEX instrument_family ON instrument(family)",
	"CREATE TABLE instrument_item ("
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id),"
	" idx INTEGER NOT NULL,"
	" link_id TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" text TEXT,"
	" PRIMARY KEY (instrument_id, idx)) WITHOUT ROWID",
	"CREATE TABLE instrument_option ("
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id),"
	" item_idx INTEGER NOT NULL,"
	" idx INTEGER NOT NULL,"
	" code TEXT NOT NULL,"
	" display TEXT NOT NULL,"
	" value REAL,"
	" PRIMARY KEY (instrument_id, item_idx, idx)) WITHOUT ROWID",
	"CREATE TABLE instrument_scale ("
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id),"
	" idx INTEGER NOT NULL,"
	" code TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" PRIMARY KEY (instrument_id, idx)) WITHOUT ROWID",
	"CREATE TABLE response ("
	" id INTEGER PRIMARY KEY,"
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id),"
	" subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person',"
	"  'service', 'staff')),"
	" subject_id INTEGER NOT NULL,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" author_kind TEXT CHECK (author_kind IN ('person', 'staff')),"
	" author_id INTEGER,"
	" respondent TEXT NOT NULL CHECK (respondent IN ('person',"
	"  'person-with-practitioner', 'staff', 'lead', 'validator')),"
	" stakeholder TEXT,"
	" status TEXT NOT NULL CHECK (status IN ('completed', 'in-progress')),"
	" authored TEXT NOT NULL,"
	" quarter TEXT NOT NULL,"
	" created TEXT NOT NULL)",
	"CREATE INDEX response_subject ON response(subject_kind, subject_id,"
	" authored)",
	"CREATE INDEX response_summary ON response(instrument_id, status,"
	" unit_id, quarter, respondent, subject_id)",
	"CREATE TABLE answer ("
	" response_id INTEGER NOT NULL REFERENCES response(id),"
	" item INTEGER NOT NULL,"
	" option INTEGER,"
	" text TEXT,"
	" PRIMARY KEY (response_id, item)) WITHOUT ROWID",
	/* Scores are derived at write time and carry the columns reports
	 * group by, so summaries read one covering index. */
	"CREATE TABLE score ("
	" response_id INTEGER NOT NULL REFERENCES response(id),"
	" scale INTEGER NOT NULL,"
	" value REAL,"
	" answered INTEGER NOT NULL,"
	" instrument_id INTEGER NOT NULL,"
	" unit_id INTEGER NOT NULL,"
	" quarter TEXT NOT NULL,"
	" respondent TEXT NOT NULL,"
	" subject_id INTEGER NOT NULL,"
	" PRIMARY KEY (response_id, scale)) WITHOUT ROWID",
	"CREATE INDEX score_summary ON score(instrument_id, unit_id, quarter,"
	" respondent, scale, subject_id, value)",
	"CREATE TABLE cycle ("
	" id INTEGER PRIMARY KEY,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" instrument_url TEXT NOT NULL,"
	" subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person',"
	"  'service', 'staff')),"
	" every_months INTEGER NOT NULL CHECK (every_months BETWEEN 1 AND 60),"
	" start_date TEXT NOT NULL,"
	" created TEXT NOT NULL)",
	"CREATE TABLE training ("
	" id INTEGER PRIMARY KEY,"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" course TEXT NOT NULL,"
	" completed TEXT NOT NULL,"
	" recorded TEXT NOT NULL,"
	" UNIQUE (account_id, course, completed))",
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" actor_account_id INTEGER,"
	" action TEXT NOT NULL,"
	" subject_kind TEXT,"
	" subject_id INTEGER,"
	" detail TEXT,"
	" address TEXT)",
	"CREATE INDEX audit_subject ON audit(subject_kind, subject_id, at)",
	"CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	NULL,
};

/*
 * 2: running totals for the summaries, kept at write time so a network
 * report reads a few thousand rows however many answers there are. A cell
 * is one measure (the instrument's family, or its url), service, quarter,
 * respondent and scale code, so versions of one measure add up together;
 * scale '' counts responses. rollup_subject lists who is counted in each
 * cell, so "people" counts distinct people; its key is two integers so
 * that keeping it costs little on every save.
 */
static const char *const m2[] = {
	"CREATE TABLE rollup ("
	" id INTEGER PRIMARY KEY,"
	" measure TEXT NOT NULL,"
	" unit_id INTEGER NOT NULL,"
	" quarter TEXT NOT NULL,"
	" respondent TEXT NOT NULL,"
	" scale TEXT NOT NULL,"
	" responses INTEGER NOT NULL,"
	" people INTEGER NOT NULL,"
	" total REAL NOT NULL,"
	" UNIQUE (measure, unit_id, quarter, respondent, scale))",
	/* subject_kind: 1 person, 2 service, 4 staff (their ids come from
	 * different tables, so the kind is part of who someone is). */
	"CREATE TABLE rollup_subject ("
	" cell INTEGER NOT NULL REFERENCES rollup(id),"
	" subject_kind INTEGER NOT NULL,"
	" subject_id INTEGER NOT NULL,"
	" PRIMARY KEY (cell, subject_kind, subject_id)) WITHOUT ROWID",
	/* Databases made before version 2 get their totals from the scores. */
	"INSERT INTO rollup(measure, unit_id, quarter, respondent, scale,"
	" responses, people, total)"
	" SELECT coalesce(i.family, i.url), r.unit_id, r.quarter, r.respondent,"
	" '', count(*), count(DISTINCT r.subject_kind || r.subject_id), 0"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" WHERE r.status = 'completed' GROUP BY 1, 2, 3, 4",
	"INSERT INTO rollup(measure, unit_id, quarter, respondent, scale,"
	" responses, people, total)"
	" SELECT coalesce(i.family, i.url), s.unit_id, s.quarter, s.respondent,"
	" sc.code, count(*), count(DISTINCT r.subject_kind || s.subject_id),"
	" sum(s.value)"
	" FROM score s JOIN response r ON r.id = s.response_id"
	" JOIN instrument i ON i.id = s.instrument_id"
	" JOIN instrument_scale sc ON sc.instrument_id = s.instrument_id"
	"  AND sc.idx = s.scale WHERE s.value IS NOT NULL GROUP BY 1, 2, 3, 4, 5",
	"INSERT INTO rollup_subject SELECT DISTINCT c.id,"
	" CASE r.subject_kind WHEN 'person' THEN 1 WHEN 'service' THEN 2"
	"  ELSE 4 END, r.subject_id"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" JOIN rollup c ON c.measure = coalesce(i.family, i.url)"
	"  AND c.unit_id = r.unit_id AND c.quarter = r.quarter"
	"  AND c.respondent = r.respondent AND c.scale = ''"
	" WHERE r.status = 'completed'",
	"INSERT INTO rollup_subject SELECT DISTINCT c.id,"
	" CASE r.subject_kind WHEN 'person' THEN 1 WHEN 'service' THEN 2"
	"  ELSE 4 END, s.subject_id"
	" FROM score s JOIN response r ON r.id = s.response_id"
	" JOIN instrument i ON i.id = s.instrument_id"
	" JOIN instrument_scale sc ON sc.instrument_id = s.instrument_id"
	"  AND sc.idx = s.scale"
	" JOIN rollup c ON c.measure = coalesce(i.family, i.url)"
	"  AND c.unit_id = s.unit_id AND c.quarter = s.quarter"
	"  AND c.respondent = s.respondent AND c.scale = sc.code"
	" WHERE s.value IS NOT NULL",
	NULL,
};

/*
 * 3: signed-in sessions (only a hash of each token is kept) and failed
 * sign-ins, from which repeated guessing is slowed per account and per
 * address. Times are seconds since 1970.
 */
static const char *const m3[] = {
	"CREATE TABLE session ("
	" token_hash TEXT PRIMARY KEY,"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" csrf TEXT NOT NULL,"
	" created INTEGER NOT NULL,"
	" last_seen INTEGER NOT NULL,"
	" ended INTEGER NOT NULL DEFAULT 0,"
	" address TEXT) WITHOUT ROWID",
	"CREATE INDEX session_account ON session(account_id)",
	"CREATE TABLE signin_failure ("
	" key TEXT NOT NULL,"
	" at INTEGER NOT NULL)",
	"CREATE INDEX signin_failure_key ON signin_failure(key, at)",
	/* Facts about the database itself, such as that it is a demo whose
	 * passwords are public. */
	"CREATE TABLE setting ("
	" key TEXT PRIMARY KEY,"
	" value TEXT NOT NULL) WITHOUT ROWID",
	NULL,
};

/* 4: people's own goals and their reviews (0 to 10). */
static const char *const m4[] = {
	"CREATE TABLE goal ("
	" id INTEGER PRIMARY KEY,"
	" person_id INTEGER NOT NULL REFERENCES person(id),"
	" text TEXT NOT NULL,"
	" created TEXT NOT NULL)",
	"CREATE INDEX goal_person ON goal(person_id)",
	"CREATE TABLE goal_review ("
	" id INTEGER PRIMARY KEY,"
	" goal_id INTEGER NOT NULL REFERENCES goal(id),"
	" reviewed TEXT NOT NULL,"
	" rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),"
	" note TEXT,"
	" author_kind TEXT NOT NULL CHECK (author_kind IN ('person', 'staff')),"
	" author_id INTEGER NOT NULL,"
	" created TEXT NOT NULL)",
	"CREATE INDEX goal_review_goal ON goal_review(goal_id, reviewed)",
	NULL,
};

/*
 * 5: the services' standards work. A service's self-assessment for a
 * period keeps every submitted version (each a completed core-standards
 * response by its lead, the later ones with the reason for amending,
 * and the one standard reopened when only one was); the validators the
 * lead invited; each validator's submitted ratings; and the queries,
 * answers and reopenings of single standards, with who and when (a
 * version made for a reopening names it, so a reopening is open until
 * a version answers it). None of
 * these is ever changed or deleted: a change is a new row. Cycles can be
 * stopped from a date, so a stopped cycle's history still counts.
 */
static const char *const m5[] = {
	"CREATE TABLE assessment ("
	" id INTEGER PRIMARY KEY,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" period TEXT NOT NULL,"
	" period_end TEXT NOT NULL,"
	" created TEXT NOT NULL,"
	" UNIQUE (unit_id, period))",
	"CREATE TABLE assessment_version ("
	" assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
	" version INTEGER NOT NULL CHECK (version >= 1),"
	" response_id INTEGER NOT NULL UNIQUE REFERENCES response(id),"
	" reason TEXT,"
	" standard INTEGER CHECK (standard BETWEEN 1 AND 10),"
	" reopen_id INTEGER UNIQUE REFERENCES standard_query(id),"
	" account_id INTEGER REFERENCES account(id),"
	" submitted TEXT NOT NULL,"
	" CHECK (version = 1 OR reason IS NOT NULL),"
	" PRIMARY KEY (assessment_id, version)) WITHOUT ROWID",
	"CREATE TABLE invitation ("
	" assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" stakeholder TEXT NOT NULL CHECK (stakeholder IN ('lived-experience',"
	"  'supporter', 'peer-worker', 'practitioner', 'commissioner')),"
	" invited_by INTEGER REFERENCES account(id),"
	" invited TEXT NOT NULL,"
	" PRIMARY KEY (assessment_id, account_id)) WITHOUT ROWID",
	"CREATE INDEX invitation_account ON invitation(account_id)",
	"CREATE TABLE validation ("
	" assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" response_id INTEGER NOT NULL UNIQUE REFERENCES response(id),"
	" submitted TEXT NOT NULL,"
	" PRIMARY KEY (assessment_id, account_id)) WITHOUT ROWID",
	"CREATE TABLE standard_query ("
	" id INTEGER PRIMARY KEY,"
	" assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
	" standard INTEGER NOT NULL CHECK (standard BETWEEN 1 AND 10),"
	" kind TEXT NOT NULL CHECK (kind IN ('query', 'answer', 'reopen')),"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" text TEXT NOT NULL,"
	" at TEXT NOT NULL)",
	"CREATE INDEX standard_query_assessment ON standard_query("
	"assessment_id, standard, id)",
	"CREATE TRIGGER assessment_version_kept_u BEFORE UPDATE ON"
	" assessment_version BEGIN SELECT RAISE(ABORT, 'a submitted"
	" self-assessment is never changed; amend it'); END",
	"CREATE TRIGGER assessment_version_kept_d BEFORE DELETE ON"
	" assessment_version BEGIN SELECT RAISE(ABORT, 'a submitted"
	" self-assessment is never deleted'); END",
	"CREATE TRIGGER validation_kept_u BEFORE UPDATE ON validation"
	" BEGIN SELECT RAISE(ABORT, 'a submitted validation is never changed');"
	" END",
	"CREATE TRIGGER validation_kept_d BEFORE DELETE ON validation"
	" BEGIN SELECT RAISE(ABORT, 'a submitted validation is never deleted');"
	" END",
	"CREATE TRIGGER standard_query_kept_u BEFORE UPDATE ON standard_query"
	" BEGIN SELECT RAISE(ABORT, 'queries are never changed'); END",
	"CREATE TRIGGER standard_query_kept_d BEFORE DELETE ON standard_query"
	" BEGIN SELECT RAISE(ABORT, 'queries are never deleted'); END",
	"ALTER TABLE cycle ADD COLUMN stopped TEXT",
	/* Self-assessments made before versions were kept carry over, one
	 * assessment per service and quarter, each response a submitted
	 * version in the order they were made. */
	"INSERT INTO assessment(unit_id, period, period_end, created)"
	" SELECT r.unit_id, substr(r.quarter, 1, 4) || '-' ||"
	"  printf('%02d', (CAST(substr(r.quarter, 7, 1) AS INTEGER) - 1) * 3"
	"  + 1) || '-01', '', min(r.created)"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" WHERE coalesce(i.family, i.url) = 'core-standards'"
	"  AND r.subject_kind = 'service' AND r.status = 'completed'"
	"  AND r.respondent IN ('lead', 'validator')"
	" GROUP BY r.unit_id, r.quarter",
	"UPDATE assessment SET period_end = date(period, '+3 months', '-1 day')",
	"INSERT INTO assessment_version(assessment_id, version, response_id,"
	" reason, account_id, submitted)"
	" SELECT a.id, row_number() OVER (PARTITION BY a.id ORDER BY r.authored,"
	"  r.id), r.id, 'recorded before versions were kept', r.author_id,"
	"  r.created"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" JOIN assessment a ON a.unit_id = r.unit_id AND r.authored BETWEEN"
	"  a.period AND a.period_end"
	" WHERE coalesce(i.family, i.url) = 'core-standards'"
	"  AND r.subject_kind = 'service' AND r.status = 'completed'"
	"  AND r.respondent = 'lead' AND r.author_kind = 'staff'",
	"INSERT INTO invitation(assessment_id, account_id, stakeholder,"
	" invited)"
	" SELECT a.id, r.author_id, r.stakeholder, min(r.created)"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" JOIN assessment a ON a.unit_id = r.unit_id AND r.authored BETWEEN"
	"  a.period AND a.period_end"
	" WHERE coalesce(i.family, i.url) = 'core-standards'"
	"  AND r.subject_kind = 'service' AND r.status = 'completed'"
	"  AND r.respondent = 'validator' AND r.author_kind = 'staff'"
	"  AND r.stakeholder IS NOT NULL"
	" GROUP BY a.id, r.author_id",
	"INSERT INTO validation(assessment_id, account_id, response_id,"
	" submitted)"
	" SELECT a.id, r.author_id, max(r.id), max(r.created)"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" JOIN assessment a ON a.unit_id = r.unit_id AND r.authored BETWEEN"
	"  a.period AND a.period_end"
	" JOIN invitation v ON v.assessment_id = a.id"
	"  AND v.account_id = r.author_id"
	" WHERE coalesce(i.family, i.url) = 'core-standards'"
	"  AND r.subject_kind = 'service' AND r.status = 'completed'"
	"  AND r.respondent = 'validator'"
	"  AND r.author_kind = 'staff'"
	" GROUP BY a.id, r.author_id",
	NULL,
};

/*
 * 6: completion rates read every person's completed answers in order of
 * person and date, with the measure answered. This index holds all of
 * that, so the one pass over all services (wm_store_completion_each)
 * reads the index alone and never the table: about 3.5 times faster on
 * the demo network.
 */
static const char *const m6[] = {
	"CREATE INDEX response_due ON response(subject_kind, status,"
	" subject_id, authored, instrument_id)",
	NULL,
};

/*
 * 7: sign-in attempts are now keyed by the hash of the email tried and
 * the address it came from ("email:HASH@ADDRESS"), and by the address
 * alone ("ip:ADDRESS"); rows under the old keys (by account, by address)
 * mean nothing any more. Old rows are purged by time at each attempt,
 * which this index makes cheap.
 */
static const char *const m7[] = {
	"DELETE FROM signin_failure",
	"CREATE INDEX signin_failure_at ON signin_failure(at)",
	NULL,
};

/*
 * 8: a person's journey reads each of their responses from one row. For
 * every completed response about a person: the options chosen, as
 * "item:option" pairs separated by commas (indexes into the version
 * answered, as in the answer table), and its scores, as "scale:value"
 * pairs (scale indexes, each value with the 17 digits that give back the
 * same double, as in the score table). The answer and score tables stay
 * the record; this is written with them, so the journey reads one row per
 * response instead of one per answer and score. Responses already stored
 * get theirs here.
 */
static const char *const m8[] = {
	"CREATE TABLE response_choices ("
	" response_id INTEGER PRIMARY KEY REFERENCES response(id),"
	" choices TEXT NOT NULL,"
	" scores TEXT NOT NULL)",
	"INSERT INTO response_choices(response_id, choices, scores)"
	" SELECT r.id, coalesce((SELECT group_concat(a.item || ':' ||"
	"  a.option, ',') FROM answer a WHERE a.response_id = r.id"
	"  AND a.option IS NOT NULL), ''),"
	" coalesce((SELECT group_concat(s.scale || ':' ||"
	"  printf('%!.17g', s.value), ',') FROM score s"
	"  WHERE s.response_id = r.id AND s.value IS NOT NULL), '')"
	" FROM response r"
	" WHERE r.subject_kind = 'person' AND r.status = 'completed'",
	NULL,
};

/*
 * 9: the network's outcomes, kept at write time (sql_outcome_keep.c)
 * so that a commissioner's figures read one row per person and scale
 * however many answers there are.
 *
 * outcome_series: each measure (family, else url), scale code and
 * respondent (person, or person with a practitioner; staff-rated answers
 * are not outcomes) that anyone has answered, named once so that the
 * rows below carry a small number instead of three strings; its unique
 * index lists a measure's series by respondent, then scale.
 *
 * outcome: for each person and series, a row for each quarter they had
 * a scored answer in: the latest in the quarter (its service, value,
 * date and response), how many scored answers they had up to its end,
 * their first score ever (and its response), and the quarter of their
 * next answer (NULL when none). Quarters are numbers, year * 4 + (n - 1)
 * for "year-Qn", which order as the quarters do. A window of quarters
 * takes each person's row in it whose next quarter is NULL or after the
 * window: outcome_window holds everything it returns, and the rows of
 * the default window (the last four quarters up to today: next quarter
 * NULL) lie together in it, series by series and service by service, so
 * that it reads them in the order it gives them, seeking each service's
 * window of quarters.
 *
 * outcome_baseline: running sums of people's first answers, per measure,
 * scale and respondent: kind 0 the scale score over every first answer;
 * kind 1 the total of the scale's items over the first answers that
 * answered every item; kind 2 each item (by linkId) over those same
 * complete first answers.
 *
 * outcome_count: each person's completed responses with a score, by any
 * respondent, per instrument (version), for the paired-outcome rate.
 *
 * goal: its reviews' count, and its first and latest rating by date
 * (with those dates, so a review added out of order by date lands in
 * the right place).
 *
 * Responses already stored get theirs here, from the scores and answers.
 */
static const char *const m9[] = {
	"CREATE TABLE outcome_series ("
	" id INTEGER PRIMARY KEY,"
	" measure TEXT NOT NULL,"
	" scale TEXT NOT NULL,"
	" respondent TEXT NOT NULL,"
	" UNIQUE (measure, respondent, scale))",
	"CREATE TABLE outcome ("
	" person_id INTEGER NOT NULL,"
	" series INTEGER NOT NULL,"
	" quarter INTEGER NOT NULL,"
	" unit_id INTEGER NOT NULL,"
	" responses INTEGER NOT NULL,"
	" first REAL NOT NULL,"
	" latest REAL NOT NULL,"
	" next_quarter INTEGER,"
	" first_response INTEGER NOT NULL,"
	" latest_date TEXT NOT NULL,"
	" latest_response INTEGER NOT NULL,"
	" PRIMARY KEY (person_id, series, quarter)) WITHOUT ROWID",
	"CREATE INDEX outcome_window ON outcome(series, next_quarter, unit_id,"
	" quarter, person_id, responses, first, latest)",
	"CREATE TABLE outcome_baseline ("
	" measure TEXT NOT NULL,"
	" scale TEXT NOT NULL,"
	" respondent TEXT NOT NULL,"
	" kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),"
	" item TEXT NOT NULL,"
	" n INTEGER NOT NULL,"
	" sum REAL NOT NULL,"
	" sumsq REAL NOT NULL,"
	" PRIMARY KEY (measure, scale, respondent, kind, item)) WITHOUT ROWID",
	"CREATE TABLE outcome_count ("
	" person_id INTEGER NOT NULL,"
	" instrument_id INTEGER NOT NULL,"
	" responses INTEGER NOT NULL,"
	" PRIMARY KEY (person_id, instrument_id)) WITHOUT ROWID",
	"ALTER TABLE goal ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0",
	"ALTER TABLE goal ADD COLUMN first_rating INTEGER",
	"ALTER TABLE goal ADD COLUMN first_reviewed TEXT",
	"ALTER TABLE goal ADD COLUMN latest_rating INTEGER",
	"ALTER TABLE goal ADD COLUMN latest_reviewed TEXT",
	/* The network's goal figures read a person's goals from this index
	 * alone; it serves every lookup by person that goal_person did. */
	"CREATE INDEX goal_outcome ON goal(person_id, reviews, first_rating,"
	" latest_rating)",
	"DROP INDEX goal_person",
	"UPDATE goal SET"
	" reviews = (SELECT count(*) FROM goal_review WHERE goal_id = goal.id),"
	" first_rating = (SELECT rating FROM goal_review WHERE goal_id = goal.id"
	"  ORDER BY reviewed, id LIMIT 1),"
	" first_reviewed = (SELECT reviewed FROM goal_review"
	"  WHERE goal_id = goal.id ORDER BY reviewed, id LIMIT 1),"
	" latest_rating = (SELECT rating FROM goal_review WHERE goal_id = goal.id"
	"  ORDER BY reviewed DESC, id DESC LIMIT 1),"
	" latest_reviewed = (SELECT reviewed FROM goal_review"
	"  WHERE goal_id = goal.id ORDER BY reviewed DESC, id DESC LIMIT 1)",
	"INSERT INTO outcome_count(person_id, instrument_id, responses)"
	" SELECT r.subject_id, r.instrument_id, count(*) FROM response r"
	" WHERE r.subject_kind = 'person' AND r.status = 'completed'"
	"  AND EXISTS (SELECT 1 FROM score s WHERE s.response_id = r.id"
	"  AND s.value IS NOT NULL)"
	" GROUP BY r.subject_id, r.instrument_id",
	/* Every person's scored answers that are outcomes, with their
	 * series and quarter number, for the steps below. */
	"CREATE TEMP TABLE m9_scored AS"
	" SELECT r.subject_id AS person, coalesce(i.family, i.url) AS measure,"
	"  sc.code AS scale, r.respondent,"
	"  CAST(substr(r.quarter, 1, 4) AS INTEGER) * 4"
	"  + CAST(substr(r.quarter, 7) AS INTEGER) - 1 AS quarter,"
	"  r.unit_id, r.authored, r.id, r.instrument_id, x.value"
	" FROM response r JOIN instrument i ON i.id = r.instrument_id"
	" JOIN score x ON x.response_id = r.id"
	" JOIN instrument_scale sc ON sc.instrument_id = r.instrument_id"
	"  AND sc.idx = x.scale"
	" WHERE r.subject_kind = 'person' AND r.status = 'completed'"
	"  AND r.respondent IN ('person', 'person-with-practitioner')"
	"  AND x.value IS NOT NULL",
	"INSERT INTO outcome_series(measure, scale, respondent)"
	" SELECT DISTINCT measure, scale, respondent FROM m9_scored"
	" ORDER BY 1, 2, 3",
	/* Of each quarter's answers the latest, with the count so far, the
	 * first, and the next quarter. */
	"INSERT INTO outcome(person_id, series, quarter, unit_id, responses,"
	" first, latest, next_quarter, first_response, latest_date,"
	" latest_response)"
	" WITH k AS (SELECT m.*, s.id AS series, row_number() OVER w AS nth,"
	"  first_value(m.value) OVER w AS first,"
	"  first_value(m.id) OVER w AS first_id,"
	"  row_number() OVER (PARTITION BY m.person, s.id, m.quarter"
	"   ORDER BY m.authored DESC, m.id DESC) AS back"
	"  FROM m9_scored m JOIN outcome_series s ON s.measure = m.measure"
	"   AND s.scale = m.scale AND s.respondent = m.respondent"
	"  WINDOW w AS (PARTITION BY m.person, s.id ORDER BY m.authored, m.id))"
	" SELECT person, series, quarter, unit_id, nth, first, value,"
	"  lead(quarter) OVER (PARTITION BY person, series ORDER BY quarter),"
	"  first_id, authored, id"
	" FROM k WHERE back = 1",
	/* The first answers: their scale scores, and where every item of
	 * the scale was answered, its items, read from the scale's
	 * definition in the instrument's own text (items and reversed
	 * items), and their total. */
	"CREATE TEMP TABLE m9_first AS"
	" SELECT m.* FROM m9_scored m JOIN outcome_series s"
	"  ON s.measure = m.measure AND s.scale = m.scale"
	"  AND s.respondent = m.respondent"
	" JOIN outcome o ON o.person_id = m.person AND o.series = s.id"
	"  AND o.first_response = m.id"
	" WHERE NOT EXISTS (SELECT 1 FROM outcome e WHERE e.person_id = o.person_id"
	"  AND e.series = o.series AND e.quarter < o.quarter)",
	"INSERT INTO outcome_baseline(measure, scale, respondent, kind, item, n,"
	" sum, sumsq)"
	" SELECT measure, scale, respondent, 0, '', count(*), sum(value),"
	"  sum(value * value)"
	" FROM m9_first GROUP BY measure, scale, respondent",
	"INSERT INTO outcome_baseline(measure, scale, respondent, kind, item, n,"
	" sum, sumsq)"
	" WITH def AS (SELECT i.id AS instrument_id,"
	"  (SELECT json_extract(c.value, '$.valueCode')"
	"   FROM json_each(x.value, '$.extension') c"
	"   WHERE json_extract(c.value, '$.url') = 'code') AS code,"
	"  json_extract(y.value, '$.valueString') AS link_id,"
	"  EXISTS (SELECT 1 FROM json_each(x.value, '$.extension') z"
	"   WHERE json_extract(z.value, '$.url') = 'reversed'"
	"   AND json_extract(z.value, '$.valueString') ="
	"   json_extract(y.value, '$.valueString')) AS reversed"
	"  FROM instrument i, json_each(i.content, '$.extension') x,"
	"  json_each(x.value, '$.extension') y"
	"  WHERE json_extract(x.value, '$.url') ="
	"   'https://waymark.example/fhir/StructureDefinition/scale'"
	"  AND json_extract(y.value, '$.url') = 'item'),"
	" v AS (SELECT f.measure, f.scale, f.respondent, f.id, d.link_id,"
	"  CASE WHEN d.reversed THEN (SELECT min(m.value) + max(m.value)"
	"   FROM instrument_option m WHERE m.instrument_id = f.instrument_id"
	"   AND m.item_idx = it.idx AND m.value IS NOT NULL) - o.value"
	"   ELSE o.value END AS v,"
	"  (SELECT count(*) FROM def e WHERE e.instrument_id = f.instrument_id"
	"   AND e.code = f.scale) AS k"
	"  FROM m9_first f JOIN def d ON d.instrument_id = f.instrument_id"
	"   AND d.code = f.scale"
	"  JOIN instrument_item it ON it.instrument_id = f.instrument_id"
	"   AND it.link_id = d.link_id"
	"  JOIN answer a ON a.response_id = f.id AND a.item = it.idx"
	"  JOIN instrument_option o ON o.instrument_id = f.instrument_id"
	"   AND o.item_idx = a.item AND o.idx = a.option"
	"  WHERE o.value IS NOT NULL),"
	" c AS (SELECT measure, scale, respondent, id, sum(v) AS t FROM v"
	"  GROUP BY measure, scale, respondent, id HAVING count(*) = max(k))"
	" SELECT measure, scale, respondent, 1, '', count(*), sum(t), sum(t * t)"
	"  FROM c GROUP BY measure, scale, respondent"
	" UNION ALL"
	" SELECT v.measure, v.scale, v.respondent, 2, v.link_id, count(*),"
	"  sum(v.v), sum(v.v * v.v)"
	"  FROM v JOIN c ON c.measure = v.measure AND c.scale = v.scale"
	"   AND c.respondent = v.respondent AND c.id = v.id"
	"  GROUP BY v.measure, v.scale, v.respondent, v.link_id",
	"DROP TABLE temp.m9_first",
	"DROP TABLE temp.m9_scored",
	NULL,
};

/*
 * 10: completion rates, and the people on each caseload now, kept at
 * write time (sql_completion_keep.c, sql_people_keep.c), so that
 * a service's rates and the network's figures read a few rows per cycle
 * and month, or per service, however many people there are, instead of
 * every spell on the caseloads and every answer in the network.
 *
 * The times a measure falls due for a person, and whether each was met,
 * depend on their spells, their answers and the cycle; whether a time
 * counts yet depends only on the day it is read (core/cycle.h,
 * wm_cycle_steps: a time met counts from its due date or its answer,
 * whichever is later; one unmet from when its window closed). So each
 * time is kept with the day it counts from, and a read on a day counts
 * those from that day or before. After a person's last answer, the
 * times are unmet and come every so many months for as long as they
 * stay: that open tail is kept as its first due date and the day the
 * spell ends, and a read walks it to the day.
 *
 * completion_person: a person's times at every cycle, as text
 * (sql_kept.c), so that a change takes away exactly what was added.
 * completion_count: the times of every person added up per cycle, month
 * due (months since year 0), the day they count from (days as
 * util/date.h counts them; -1000000: any day) and met or not.
 * completion_tail: the open tails, per cycle, first due day and the day
 * the spell ends (1000000: none).
 * people_person, people_count: each person's spells open now, by
 * service and the day they joined it (-1000000: long enough ago to count
 * for any day), with whether they have the recovery markers twice or
 * more, goals of their own, a goal reviewed twice or more, and such a
 * goal rated higher at its latest review; and those added up.
 * kept_state: the latest day anyone answered. The times are as they
 * stand on any day from then on; a read for an earlier day (a report for
 * a day in the past) reads the raw tables instead.
 * kept_dirty: people whose kept figures are to be worked out again. A
 * save notes the completed responses it adds, and the triggers mark
 * everyone whose completed answers, spells, goals or cycles change any
 * other way (an edit by hand among them); the next save's transaction
 * works them out, and until then a read of the rates works out theirs
 * itself, and the other figures read the raw tables. A person with only
 * new answers (noted) or goals (marked whole 0) has their times carried
 * on from where they stood with the new answers alone (the last part
 * kept of each spell says where: sql_completion.h).
 *
 * Everyone already on a caseload, or with a completed answer, is worked
 * out here (wm_sq_completion_flush, after these steps).
 */
static const char *const m10[] = {
	"CREATE TABLE completion_person ("
	" person_id INTEGER PRIMARY KEY,"
	" times TEXT NOT NULL)",
	"CREATE TABLE completion_count ("
	" cycle_id INTEGER NOT NULL,"
	" month INTEGER NOT NULL,"
	" counts_from INTEGER NOT NULL,"
	" done INTEGER NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (cycle_id, month, counts_from, done)) WITHOUT ROWID",
	"CREATE TABLE completion_tail ("
	" cycle_id INTEGER NOT NULL,"
	" first_due INTEGER NOT NULL,"
	" gone INTEGER NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (cycle_id, first_due, gone)) WITHOUT ROWID",
	"CREATE TABLE people_person ("
	" person_id INTEGER PRIMARY KEY,"
	" parts TEXT NOT NULL)",
	"CREATE TABLE people_count ("
	" unit_id INTEGER NOT NULL,"
	" since INTEGER NOT NULL,"
	" people INTEGER NOT NULL,"
	" paired INTEGER NOT NULL,"
	" with_goals INTEGER NOT NULL,"
	" reviewed INTEGER NOT NULL,"
	" higher INTEGER NOT NULL,"
	" PRIMARY KEY (unit_id, since)) WITHOUT ROWID",
	"CREATE TABLE kept_state ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" latest TEXT NOT NULL)",
	"INSERT INTO kept_state(id, latest) VALUES (1, '')",
	"CREATE TABLE kept_dirty ("
	" person_id INTEGER PRIMARY KEY,"
	" whole INTEGER NOT NULL)",
	/* A change to a person's answers (a completed response is added
	 * only by a save, which notes it: sql_completion_keep.c), their
	 * spells or cycles: worked out whole (1). */
	"CREATE TRIGGER kept_response_u AFTER UPDATE OF subject_kind,"
	" subject_id, status, authored, instrument_id ON response"
	" WHEN (old.subject_kind = 'person' AND old.status = 'completed')"
	"  OR (new.subject_kind = 'person' AND new.status = 'completed')"
	" BEGIN INSERT INTO kept_dirty SELECT old.subject_id, 1"
	"  WHERE old.subject_kind = 'person'"
	"  ON CONFLICT DO UPDATE SET whole = 1;"
	" INSERT INTO kept_dirty SELECT new.subject_id, 1"
	"  WHERE new.subject_kind = 'person'"
	"  ON CONFLICT DO UPDATE SET whole = 1; END",
	"CREATE TRIGGER kept_response_d AFTER DELETE ON response"
	" WHEN old.subject_kind = 'person' AND old.status = 'completed'"
	" BEGIN INSERT INTO kept_dirty VALUES (old.subject_id, 1)"
	"  ON CONFLICT DO UPDATE SET whole = 1; END",
	"CREATE TRIGGER kept_caseload_i AFTER INSERT ON caseload"
	" BEGIN INSERT INTO kept_dirty VALUES (new.person_id, 1)"
	"  ON CONFLICT DO UPDATE SET whole = 1; END",
	"CREATE TRIGGER kept_caseload_u AFTER UPDATE ON caseload"
	" BEGIN INSERT INTO kept_dirty VALUES (old.person_id, 1)"
	"  ON CONFLICT DO UPDATE SET whole = 1;"
	" INSERT INTO kept_dirty VALUES (new.person_id, 1)"
	"  ON CONFLICT DO UPDATE SET whole = 1; END",
	"CREATE TRIGGER kept_caseload_d AFTER DELETE ON caseload"
	" BEGIN INSERT INTO kept_dirty VALUES (old.person_id, 1)"
	"  ON CONFLICT DO UPDATE SET whole = 1; END",
	"CREATE TRIGGER kept_cycle_i AFTER INSERT ON cycle"
	" BEGIN INSERT INTO kept_dirty SELECT person_id, 1 FROM caseload"
	"  WHERE unit_id = new.unit_id ON CONFLICT DO UPDATE SET whole = 1;"
	" END",
	"CREATE TRIGGER kept_cycle_u AFTER UPDATE ON cycle"
	" BEGIN INSERT INTO kept_dirty SELECT person_id, 1 FROM caseload"
	"  WHERE unit_id IN (old.unit_id, new.unit_id)"
	"  ON CONFLICT DO UPDATE SET whole = 1; END",
	"CREATE TRIGGER kept_cycle_d AFTER DELETE ON cycle"
	" BEGIN INSERT INTO kept_dirty SELECT person_id, 1 FROM caseload"
	"  WHERE unit_id = old.unit_id ON CONFLICT DO UPDATE SET whole = 1;"
	" END",
	/* A goal: only the people's figures change (whole 0 with no new
	 * answer). */
	"CREATE TRIGGER kept_goal_i AFTER INSERT ON goal"
	" BEGIN INSERT OR IGNORE INTO kept_dirty VALUES (new.person_id, 0);"
	" END",
	"CREATE TRIGGER kept_goal_u AFTER UPDATE ON goal"
	" BEGIN INSERT OR IGNORE INTO kept_dirty VALUES (old.person_id, 0);"
	" INSERT OR IGNORE INTO kept_dirty VALUES (new.person_id, 0); END",
	"CREATE TRIGGER kept_goal_d AFTER DELETE ON goal"
	" BEGIN INSERT OR IGNORE INTO kept_dirty VALUES (old.person_id, 0);"
	" END",
	"INSERT OR IGNORE INTO kept_dirty SELECT person_id, 1 FROM caseload",
	"INSERT OR IGNORE INTO kept_dirty SELECT subject_id, 1 FROM response"
	" WHERE subject_kind = 'person' AND status = 'completed'",
	NULL,
};

/*
 * 11: who is left out of the network's outcomes, and the supportive
 * service indicators, kept at write time (sql_leftout_keep.c,
 * sql_experience_keep.c), so that /network reads a few rows per
 * service and quarter for each instead of every caseload and answer.
 *
 * kept_key: a measure (an instrument's family, else its url) and a
 * scale's code, or an instrument's url and a question's linkId, named
 * once so that the rows below carry a small number.
 * leftout_person, leftout_count: each person's runs of quarters on each
 * service's caseload, with (key 0) nothing more, or with a scale they
 * have a scored answer to and the quarters of their first by anyone and
 * first of their own (1000000: none); a gap between two runs at one
 * service counts -1; and those added up.
 * experience_person, experience_count: each person's latest indicator
 * response of each quarter they answered in, per question answered on
 * its scale, at the service it was about, with the quarter of their
 * next (1000000: none) and whether they agree; and those added up.
 *
 * Everyone on a caseload, or with a completed answer, is worked out here
 * (wm_sq_completion_flush, after these steps).
 */
static const char *const m11[] = {
	"CREATE TABLE kept_key ("
	" id INTEGER PRIMARY KEY,"
	" measure TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" UNIQUE (measure, name))",
	"CREATE TABLE leftout_person ("
	" person_id INTEGER PRIMARY KEY,"
	" parts TEXT NOT NULL)",
	"CREATE TABLE leftout_count ("
	" unit_id INTEGER NOT NULL,"
	" key INTEGER NOT NULL,"
	" first_q INTEGER NOT NULL,"
	" last_q INTEGER NOT NULL,"
	" first_any INTEGER NOT NULL,"
	" first_own INTEGER NOT NULL,"
	" people INTEGER NOT NULL,"
	" PRIMARY KEY (key, unit_id, first_q, last_q, first_any, first_own))"
	" WITHOUT ROWID",
	"CREATE TABLE experience_person ("
	" person_id INTEGER PRIMARY KEY,"
	" parts TEXT NOT NULL)",
	"CREATE TABLE experience_count ("
	" unit_id INTEGER NOT NULL,"
	" key INTEGER NOT NULL,"
	" quarter INTEGER NOT NULL,"
	" next_q INTEGER NOT NULL,"
	" agrees INTEGER NOT NULL,"
	" people INTEGER NOT NULL,"
	" PRIMARY KEY (key, unit_id, quarter, next_q, agrees)) WITHOUT ROWID",
	"INSERT INTO kept_dirty SELECT DISTINCT person_id, 1 FROM caseload"
	" WHERE true ON CONFLICT DO UPDATE SET whole = 1",
	"INSERT INTO kept_dirty SELECT DISTINCT subject_id, 1 FROM response"
	" WHERE subject_kind = 'person' AND status = 'completed'"
	" ON CONFLICT DO UPDATE SET whole = 1",
	NULL,
};

/*
 * 12: the figures' version, so that a server may keep a commissioner's
 * page of figures and show it again until anything it rests on changes
 * (web/page_cache.h). One row, bumped in the same transaction as every
 * change to what the network's figures are worked out from, so a page
 * built at one version is the figures of that version exactly; a row
 * rather than anything held per connection, so that a change made by
 * another process (the command line, another server) is seen as well.
 * Changes row by row to the tables below (the network tree, accounts and
 * their grants, instruments, settings, the standards, training, cycles,
 * caseloads, goals and their reviews, and the people marked for their
 * kept figures to be worked out again, which is how an answer changed
 * by hand shows) bump it by trigger. A completed response, whose answers
 * every kept figure comes from, bumps it when its transaction's kept
 * figures are written (kept_flush, sqlite_db.c): once a transaction,
 * where a trigger would cost every response of an import. Sessions,
 * sign-in attempts, drafts and the audit log are not figures, so a
 * view's own audit entry leaves the version as it was.
 */
#define BUMP " BEGIN UPDATE figures_version SET n = n + 1; END"
#define BUMPED(table) \
	"CREATE TRIGGER figures_" table "_i AFTER INSERT ON " table BUMP, \
	"CREATE TRIGGER figures_" table "_u AFTER UPDATE ON " table BUMP, \
	"CREATE TRIGGER figures_" table "_d AFTER DELETE ON " table BUMP
static const char *const m12[] = {
	"CREATE TABLE figures_version ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" n INTEGER NOT NULL)",
	"INSERT INTO figures_version(id, n) VALUES (1, 1)",
	BUMPED("unit"),
	BUMPED("account"),
	BUMPED("role_grant"),
	BUMPED("instrument"),
	BUMPED("setting"),
	BUMPED("assessment"),
	BUMPED("assessment_version"),
	BUMPED("invitation"),
	BUMPED("validation"),
	BUMPED("standard_query"),
	BUMPED("training"),
	BUMPED("cycle"),
	BUMPED("caseload"),
	BUMPED("goal"),
	BUMPED("goal_review"),
	BUMPED("kept_dirty"),
	NULL,
};
#undef BUMPED
#undef BUMP

/*
 * 13: a goal's changes: a new wording, marked achieved, put aside, brought
 * back, each a row of its own with its date, so the first wording
 * (goal.text, never changed) and every change stay. The goal keeps where
 * it stands (current, achieved or aside) at write time, in the same
 * transaction as the change, as it keeps its reviews.
 */
static const char *const m13[] = {
	"ALTER TABLE goal ADD COLUMN state TEXT NOT NULL DEFAULT 'current'"
	" CHECK (state IN ('current', 'achieved', 'aside'))",
	"CREATE TABLE goal_change ("
	" id INTEGER PRIMARY KEY,"
	" goal_id INTEGER NOT NULL REFERENCES goal(id),"
	" changed TEXT NOT NULL,"
	" kind TEXT NOT NULL"
	"  CHECK (kind IN ('worded', 'achieved', 'aside', 'back')),"
	" text TEXT CHECK ((kind = 'worded') = (text IS NOT NULL)),"
	" created TEXT NOT NULL)",
	"CREATE INDEX goal_change_goal ON goal_change(goal_id, id)",
	NULL,
};

/*
 * 14: a practitioner's reflection tied to the person the interaction was
 * with. The reflection is still a response about the practitioner (its
 * subject), counted for the team as before; this only says with whom.
 */
static const char *const m14[] = {
	"CREATE TABLE reflection ("
	" response_id INTEGER PRIMARY KEY REFERENCES response(id),"
	" person_id INTEGER NOT NULL REFERENCES person(id))",
	"CREATE INDEX reflection_person ON reflection(person_id)",
	NULL,
};

/*
 * 15: what administering accounts needs. An account can be deactivated
 * (when, or NULL while it is active): it then cannot sign in, and its
 * sessions end. A new account gets a one-time setup code instead of a
 * password: only the code's hash is kept, with when it was made, when it
 * expires and when it was used (seconds since 1970, as sessions keep
 * time). Last sign-in is the newest session's start, found by an index
 * on (account, created) that also serves every look-up by account, so
 * it replaces the one on the account alone.
 */
static const char *const m15[] = {
	"ALTER TABLE account ADD COLUMN deactivated TEXT",
	"CREATE TABLE setup_code ("
	" id INTEGER PRIMARY KEY,"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" code_hash TEXT NOT NULL,"
	" created INTEGER NOT NULL,"
	" expires INTEGER NOT NULL,"
	" used INTEGER)",
	"CREATE INDEX setup_code_account ON setup_code(account_id, used)",
	"CREATE INDEX session_account_created ON session(account_id, created)",
	"DROP INDEX session_account",
	NULL,
};

/*
 * 16: closing a service or provider, and searching the audit log.
 * unit.closed is the day from which a unit takes no one new: a closed
 * service keeps its history in every report, but no person joins its
 * caseload and no one is granted a role there from that day. The
 * command line and the pages refuse both in words before writing
 * (store/admin.c, store/accounts.c); the triggers are the last guard,
 * for every path that writes (a hand edit too). The caseload's trigger
 * lets through, on purpose, a time on the caseload that starts before
 * the day the service closed: history may be recorded after the event
 * (an import of earlier caseloads), and those days were open. It guards
 * inserts only, since nothing updates a start date (a time on a
 * caseload is ended, or removed the day it began, never moved); a path
 * that did would need an UPDATE guard of its own. The grant trigger's
 * message says "the service" even of a provider: the pages and the
 * command line never show it, having said it first. The audit log is searched by the account that
 * acted, by action and by date, newest first, each from an index of its
 * own (by person it is the subject's index of migration 1), so a search
 * costs what its matching entries cost, never the whole log. An
 * instrument file uploaded is kept, checked, while its administrator is
 * asked to confirm loading it, so that what is loaded is exactly what
 * was shown (upload; kept an hour at most).
 */
static const char *const m16[] = {
	"ALTER TABLE unit ADD COLUMN closed TEXT",
	"CREATE TRIGGER unit_closed_caseload BEFORE INSERT ON caseload"
	" WHEN (SELECT closed FROM unit WHERE id = new.unit_id) <="
	"  new.start_date"
	" BEGIN SELECT RAISE(ABORT, 'the service is closed and takes no one"
	" new'); END",
	"CREATE TRIGGER unit_closed_grant BEFORE INSERT ON role_grant"
	" WHEN (SELECT closed FROM unit WHERE id = new.unit_id) IS NOT NULL"
	" BEGIN SELECT RAISE(ABORT, 'the service is closed and takes no new"
	" role grants'); END",
	"CREATE INDEX audit_actor ON audit(actor_account_id, at)",
	"CREATE INDEX audit_action ON audit(action, at)",
	"CREATE INDEX audit_at ON audit(at)",
	"CREATE TABLE upload ("
	" token_hash TEXT PRIMARY KEY,"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" name TEXT NOT NULL,"
	" content TEXT NOT NULL,"
	" created TEXT NOT NULL)",
	NULL,
};

/*
 * The audit log's search keys (by the account that acted, by action, by
 * time) are kept beside the log, not as indexes on it. Every view of a
 * record writes its audit entry before its page is sent, and three more
 * indexes on the log (migration 16's) made every such view about an
 * eighth dearer (docs/benchmarks.md), for a search an administrator runs
 * now and then. The keys are derived from the log: a search first brings
 * them up to date from the entries written since the last one
 * (audit_keyed.upto), so it costs its matches and what is new, never the
 * whole log. By person a search starts from the subject's index of
 * migration 1, which "who has looked at my record" keeps current anyway.
 */
static const char *const m17[] = {
	"DROP INDEX audit_actor",
	"DROP INDEX audit_action",
	"DROP INDEX audit_at",
	"CREATE TABLE audit_by_actor ("
	" actor_account_id INTEGER NOT NULL,"
	" at TEXT NOT NULL,"
	" id INTEGER NOT NULL,"
	" PRIMARY KEY (actor_account_id, at, id)) WITHOUT ROWID",
	"CREATE TABLE audit_by_action ("
	" action TEXT NOT NULL,"
	" at TEXT NOT NULL,"
	" id INTEGER NOT NULL,"
	" PRIMARY KEY (action, at, id)) WITHOUT ROWID",
	"CREATE TABLE audit_by_at ("
	" at TEXT NOT NULL,"
	" id INTEGER NOT NULL,"
	" PRIMARY KEY (at, id)) WITHOUT ROWID",
	"CREATE TABLE audit_keyed (upto INTEGER NOT NULL)",
	/* The log as it stands is keyed here, by `waymark init`, not by
	 * the first search after the upgrade, inside someone's request. */
	"INSERT INTO audit_by_actor SELECT actor_account_id, at, id FROM audit"
	" WHERE actor_account_id IS NOT NULL",
	"INSERT INTO audit_by_action SELECT action, at, id FROM audit",
	"INSERT INTO audit_by_at SELECT at, id FROM audit",
	"INSERT INTO audit_keyed(upto) SELECT coalesce(max(id), 0) FROM audit",
	/* The keys are the log's, and as append-only: a key is never changed
	 * or taken away, and the mark only moves on, never past the log. */
	"CREATE TRIGGER audit_by_actor_d BEFORE DELETE ON audit_by_actor"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_by_actor_u BEFORE UPDATE ON audit_by_actor"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_by_action_d BEFORE DELETE ON audit_by_action"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_by_action_u BEFORE UPDATE ON audit_by_action"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_by_at_d BEFORE DELETE ON audit_by_at"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_by_at_u BEFORE UPDATE ON audit_by_at"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_keyed_d BEFORE DELETE ON audit_keyed"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	"CREATE TRIGGER audit_keyed_u BEFORE UPDATE ON audit_keyed"
	" WHEN new.upto < old.upto OR new.upto >"
	"  (SELECT coalesce(max(id), 0) FROM audit)"
	" BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
	NULL,
};

/*
 * 18: people's own plans (issue 12). A plan is one person's, of one kind
 * (its template's family), and kept in versions: version 0 is the draft,
 * replaced by each save part-way; each finished version is numbered from
 * 1 and never changed or taken away, so "every finished version kept" is
 * the database's promise, not only the code's. A version holds the plan
 * as a FHIR QuestionnaireResponse, exactly as the person wrote it, with
 * who was signed in, whether it was written together with a
 * practitioner, and the day it was agreed. A share lets one account (a
 * practitioner, a supporter) or one service's care team read the plan
 * until a day or until the person stops it; stopping keeps the row, so
 * the person's history of whom they shared with stays whole. Each read
 * by anyone but the person is a plan_view, written before the plan is
 * shown, with the crisis reason when it was a crisis opening
 * (plan_view.told: the person has seen it on their home page). A
 * suggestion is a practitioner's proposed version, or one they wrote
 * together with the person (together, agreed), which the person accepts
 * on their own sign-in (it becomes the next version, as theirs, or as
 * made together) or declines: no one else's save changes a plan. A
 * supporter is an account a person invited to see what they share.
 */
static const char *const m18[] = {
	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" person_id INTEGER NOT NULL REFERENCES person(id),"
	" family TEXT NOT NULL,"
	" created TEXT NOT NULL,"
	" crisis_access INTEGER NOT NULL DEFAULT 0"
	"  CHECK (crisis_access IN (0, 1)),"
	" UNIQUE (person_id, family))",
	"CREATE TABLE plan_version ("
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" n INTEGER NOT NULL CHECK (n >= 0),"
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id),"
	" content TEXT NOT NULL,"
	" respondent TEXT NOT NULL CHECK (respondent IN ('person',"
	"  'person-with-practitioner')),"
	" author_account_id INTEGER REFERENCES account(id),"
	" agreed TEXT,"
	" saved TEXT NOT NULL,"
	" PRIMARY KEY (plan_id, n)) WITHOUT ROWID",
	"CREATE TRIGGER plan_version_kept_u BEFORE UPDATE ON plan_version"
	" WHEN old.n > 0"
	" BEGIN SELECT RAISE(ABORT, 'a finished version of a plan is kept as"
	" it was'); END",
	"CREATE TRIGGER plan_version_kept_d BEFORE DELETE ON plan_version"
	" WHEN old.n > 0"
	" BEGIN SELECT RAISE(ABORT, 'a finished version of a plan is kept as"
	" it was'); END",
	"CREATE TABLE plan_share ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" account_id INTEGER REFERENCES account(id),"
	" unit_id INTEGER REFERENCES unit(id),"
	" created TEXT NOT NULL,"
	" until TEXT,"
	" stopped TEXT,"
	" CHECK ((account_id IS NULL) <> (unit_id IS NULL)))",
	"CREATE INDEX plan_share_plan ON plan_share(plan_id, stopped)",
	"CREATE INDEX plan_share_account ON plan_share(account_id, stopped)",
	"CREATE INDEX plan_share_unit ON plan_share(unit_id, stopped)",
	"CREATE TABLE plan_view ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" n INTEGER NOT NULL,"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" how TEXT NOT NULL CHECK (how IN ('shared', 'team', 'supporter',"
	"  'together', 'crisis')),"
	" unit_id INTEGER REFERENCES unit(id),"
	" at TEXT NOT NULL,"
	" reason TEXT,"
	" told INTEGER NOT NULL DEFAULT 0)",
	"CREATE INDEX plan_view_plan ON plan_view(plan_id, at)",
	"CREATE TABLE plan_suggestion ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" base_n INTEGER NOT NULL,"
	" instrument_id INTEGER NOT NULL REFERENCES instrument(id),"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" content TEXT NOT NULL,"
	" note TEXT,"
	" together INTEGER NOT NULL DEFAULT 0 CHECK (together IN (0, 1)),"
	" agreed TEXT,"
	" made TEXT NOT NULL,"
	" decided TEXT,"
	" accepted INTEGER CHECK (accepted IN (0, 1)))",
	"CREATE INDEX plan_suggestion_plan ON plan_suggestion(plan_id, decided)",
	"CREATE TABLE supporter ("
	" id INTEGER PRIMARY KEY,"
	" person_id INTEGER NOT NULL REFERENCES person(id),"
	" account_id INTEGER NOT NULL REFERENCES account(id),"
	" relationship TEXT,"
	" created TEXT NOT NULL,"
	" ended TEXT)",
	"CREATE UNIQUE INDEX supporter_person ON supporter(person_id, account_id)",
	"CREATE INDEX supporter_account ON supporter(account_id)",
	NULL,
};

static const char *const *const migrations[] = { m1, m2, m3, m4, m5, m6,
	m7, m8, m9, m10, m11, m12, m13, m14, m15,
	m16, m17, m18 };

#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

/* Fixed literals, one per schema version. */
static const char *const set_version[] = {
	"PRAGMA user_version = 1",
	"PRAGMA user_version = 2",
	"PRAGMA user_version = 3",
	"PRAGMA user_version = 4",
	"PRAGMA user_version = 5",
	"PRAGMA user_version = 6",
	"PRAGMA user_version = 7",
	"PRAGMA user_version = 8",
	"PRAGMA user_version = 9",
	"PRAGMA user_version = 10",
	"PRAGMA user_version = 11",
	"PRAGMA user_version = 12",
	"PRAGMA user_version = 13",
	"PRAGMA user_version = 14",
	"PRAGMA user_version = 15",
	"PRAGMA user_version = 16",
	"PRAGMA user_version = 17",
	"PRAGMA user_version = 18",
};

int
wm_store_schema_version(void)
{
	return N_MIGRATIONS;
}

int
wm_sq_user_version(struct wm_store *s, int *v, struct wm_buf *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL))
		return wm_sq_fail(s, "reading the schema version", err);
	*v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (*v < 0)
		return wm_sq_fail(s, "reading the schema version", err);
	return 0;
}

static int
exec_literal(struct wm_store *s, const char *sql, const char *doing,
    struct wm_buf *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return wm_sq_fail(s, doing, err);
	return 0;
}

static int
exec_steps(struct wm_store *s, const char *const *steps, const char *doing,
    struct wm_buf *err)
{
	int rc = 0;

	for (; *steps && rc == 0; steps++)
		rc = exec_literal(s, *steps, doing, err);
	return rc;
}

int
wm_lite_migrate(struct wm_store *s, int *from, int *to, struct wm_buf *err)
{
	int v, rc;

	_Static_assert(sizeof(set_version) / sizeof(set_version[0]) ==
	    sizeof(migrations) / sizeof(migrations[0]),
	    "every migration sets its version");
	rc = exec_literal(s, "BEGIN IMMEDIATE", "starting the migration", err);
	if (rc)
		return rc;
	rc = wm_sq_user_version(s, &v, err);
	if (rc)
		goto out;
	*from = v;
	if (v == 0 && wm_sq_has_tables(s)) {
		wm_buf_clear(err);
		wm_buf_puts(err, "this file holds other data and is not a Waymark "
		    "database; Waymark will not change it");
		rc = WM_STORE_ERROR;
		goto out;
	}
	if (v > N_MIGRATIONS) {
		wm_buf_clear(err);
		wm_buf_printf(err, "the database has schema version %d, newer "
		    "than this Waymark (%d)", v, N_MIGRATIONS);
		rc = WM_STORE_TOO_NEW;
		goto out;
	}
	for (; v < N_MIGRATIONS; v++) {
		char doing[64];

		snprintf(doing, sizeof(doing), "applying migration %d", v + 1);
		rc = exec_steps(s, migrations[v], doing, err);
		if (rc == 0)
			rc = wm_sq_migrated(s, v + 1, err);
		if (rc == 0)
			rc = exec_literal(s, set_version[v], doing, err);
		if (rc)
			goto out;
	}
	rc = exec_literal(s, "COMMIT", "saving the migration", err);
out:
	if (rc)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	else {
		*to = v;
		s->schema_ok = 1;
	}
	return rc;
}
