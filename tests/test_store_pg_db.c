/*
 * test_store_pg_db.c — a fresh database on the test's PostgreSQL server
 * (tests/test_store_pg.sh starts it and sets COVENANT_TEST_PG_HOST, the
 * socket's directory, and COVENANT_TEST_PG_PORT), so the library tests
 * (test_store.c) run on PostgreSQL as they do on SQLite files.
 */
#include "test_store_pg_db.h"
#include "store/pg_dl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

bool test_pg_enabled(void)
{
	const char *h = getenv("COVENANT_TEST_PG_HOST");
	return h && *h;
}

const char *test_pg_url(const char *db)
{
	static char url[1024];
	snprintf(url, sizeof url, "postgresql:///%s?host=%s&port=%s&user=postgres", db,
		 getenv("COVENANT_TEST_PG_HOST"), getenv("COVENANT_TEST_PG_PORT") ? getenv("COVENANT_TEST_PG_PORT") : "5432");
	return url;
}

static void quiet(void *arg, const char *message)
{
	(void)arg, (void)message;
}

int test_pg_sql(const char *db, const char *sql)
{
	if (cov_pg_load() != 0)
		return -1;
	PGconn *c = PQconnectdb(test_pg_url(db));
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "test: cannot connect to %s: %s", test_pg_url(db), PQerrorMessage(c));
		PQfinish(c);
		return -1;
	}
	PQsetNoticeProcessor(c, quiet, NULL);
	PGresult *r = PQexec(c, sql);
	ExecStatusType s = PQresultStatus(r);
	int rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? 0 : -1;
	if (rc)
		fprintf(stderr, "test: %s: %s", sql, PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
	return rc;
}

const char *test_pg_db(const char *name)
{
	char db[64], sql[200];
	size_t n = 0;
	for (const char *p = name; *p && n < 40; p++)
		db[n++] = isalnum((unsigned char)*p) ? (char)tolower((unsigned char)*p) : '_';
	snprintf(db + n, sizeof db - n, "_t");
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
	if (test_pg_sql("postgres", sql) == 0) {
		snprintf(sql, sizeof sql, "CREATE DATABASE %s", db);
		test_pg_sql("postgres", sql);
	}
	return test_pg_url(db);
}
