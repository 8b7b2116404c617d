/* test_store_pg_db.h — databases on the tests' PostgreSQL server (test_store_pg_db.c). */
#ifndef COV_TEST_STORE_PG_DB_H
#define COV_TEST_STORE_PG_DB_H

#include <stdbool.h>

/* Whether the tests run on PostgreSQL ($COVENANT_TEST_PG_HOST is set). */
bool test_pg_enabled(void);
/* The URL of database `db` on the test server (a static buffer). */
const char *test_pg_url(const char *db);
/* Drop and create a database named after `name` ("put.db": put_db_t); its URL. */
const char *test_pg_db(const char *name);
/* Run SQL on database `db`: 0, or -1 with a message on stderr. */
int test_pg_sql(const char *db, const char *sql);

#endif
