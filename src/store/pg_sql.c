/*
 * The closed catalogue of every SQL statement the PostgreSQL backend
 * runs: the same statements, under the same names, as SQLite's
 * (sqlite_sql.c), in PostgreSQL's SQL. Parameters are always bound
 * ($1...), each with the one type PostgreSQL works out when the
 * statement is prepared; text columns sort bytewise (COLLATE "C", in the
 * migrations), as SQLite's do, so both print the same reports.
 */
#include "store/sql_internal.h"

const char *const wm_pg_sql[ST__COUNT] = {
#include "store/pg_sql_a.inc"
#include "store/pg_sql_b.inc"
#include "store/copy_pg.inc"
	[ST_COPY_UNITS_CLOSED] =
	    "SELECT id, closed FROM unit WHERE closed IS NOT NULL ORDER BY id",
	[ST_COPY_UNIT_CLOSED] = "UPDATE unit SET closed = $2 WHERE id = $1",
};
