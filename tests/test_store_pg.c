/*
 * test_store_pg.c — what is PostgreSQL's own in the library (pg.c): the URL
 * shown without its password, FTS5's query syntax as a tsquery (and what
 * cannot be read), a URL kept in a file that others may not read, and, on
 * the server tests/test_store_pg.sh starts, bad libraries: no server, a
 * database that is not a library, a newer schema, an empty library opened
 * to read, a parallel first opening that migrates once.
 */
#include "helpers.h"
#include "store/pg_store.h"
#include "test_store_pg_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_display(void **state)
{
	struct { const char *in, *out; } cases[] = {
		{"postgresql://reviewer:s3cret@db.example.org:5432/library?sslmode=verify-full",
		 "postgresql://reviewer@db.example.org:5432/library?sslmode=verify-full"},
		{"postgresql:///library?host=/run/pg&password=s3cret&sslpassword=k3y&port=5433",
		 "postgresql:///library?host=/run/pg&port=5433"},
		{"postgres://u@h/d", "postgres://u@h/d"},
		{"postgresql://h", "postgresql://h"},
		{"postgresql://:pw@h/d", "postgresql://@h/d"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *d = cov_store_pg_display(cases[i].in);
		assert_non_null(d);
		assert_string_equal(d, cases[i].out);
		assert_null(strstr(d, "s3cret"));
		free(d);
	}
	assert_true(cov_store_is_pg_url("postgresql://x"));
	assert_true(cov_store_is_pg_url("postgres://x"));
	assert_false(cov_store_is_pg_url("sqlite:library.db"));
	assert_false(cov_store_is_pg_url("/tmp/postgresql://x"));
	(void)state;
}

static void expect_tsquery(const char *q, const char *want)
{
	cov_buf b;
	cov_buf_init(&b);
	int rc = cov_store_pg_tsquery(q, &b);
	if (rc)
		fail_msg("%s: %s", q, cov_error_last());
	cov_buf_putc(&b, 0);
	if (strcmp(b.ptr, want) != 0)
		fail_msg("%s: got «%s», wanted «%s»", q, b.ptr, want);
	cov_buf_free(&b);
}

static void test_tsquery(void **state)
{
	expect_tsquery("peaceful assembly", "'peaceful' & 'assembly'");
	expect_tsquery("мирных собраний", "'мирных' & 'собраний'");
	expect_tsquery("\"freedom of expression\"", "'freedom of expression'");
	expect_tsquery("assem*", "'assem':*");
	expect_tsquery("strike OR union NOT trade", "'strike' | 'union' & !'trade'");
	expect_tsquery("(life OR death) AND penalty", "('life' | 'death') & 'penalty'");
	expect_tsquery("\"it's \"\"x\"\"\"", "'it''s \"x\"'");
	expect_tsquery("a_b 26x", "'a_b' & '26x'");
	/* what FTS5 cannot read either: the user's error */
	const char *bad[] = {"'); DROP TABLE works; --", "\"unterminated", "(open", "a OR", "NOT a", "a )", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cov_buf b;
		cov_buf_init(&b);
		if (cov_store_pg_tsquery(bad[i], &b) != COV_EUSAGE)
			fail_msg("«%s» was read", bad[i]);
		assert_non_null(strstr(cov_error_last(), "cannot read the query"));
		cov_buf_free(&b);
	}
	(void)state;
}

static void test_url_file(void **state)
{
	char dir[] = "/tmp/covenant-test-pgurl-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[300];
	snprintf(path, sizeof path, "%s/db.url", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("postgresql://covenant:s3cret@127.0.0.1:1/none?connect_timeout=2\n", f);
	fclose(f);
	cov_store *st = NULL;
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(cov_store_open(path, COV_STORE_READONLY, &st), COV_EUSAGE);
	assert_non_null(strstr(cov_error_last(), "chmod 600"));
	assert_null(strstr(cov_error_last(), "s3cret"));
	/* 0600: read, and the server (none on port 1) tried; the password never shown */
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(cov_store_open(path, COV_STORE_READONLY, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "cannot connect to the PostgreSQL server"));
	assert_non_null(strstr(cov_error_last(), "postgresql://covenant@127.0.0.1:1/none"));
	assert_null(strstr(cov_error_last(), "s3cret"));
	unlink(path);
	rmdir(dir);
	(void)state;
}

static void test_bad_servers(void **state)
{
	if (!test_pg_enabled())
		skip();
	cov_store *st = NULL;
	/* a database that is not a library */
	const char *url = test_pg_db("other");
	char *u = strdup(url);
	assert_int_equal(test_pg_sql("other_t", "CREATE TABLE t(x int)"), 0);
	assert_int_equal(cov_store_open(u, 0, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "not a covenant library"));
	free(u);
	/* an empty database: created on import, but not when only read */
	u = strdup(test_pg_db("empty"));
	assert_int_equal(cov_store_open(u, COV_STORE_READONLY, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "an empty library"));
	assert_int_equal(cov_store_open(u, 0, &st), COV_OK);
	int version, latest;
	assert_int_equal(cov_store_schema(st, &version, &latest), COV_OK);
	assert_int_equal(version, latest);
	assert_true(latest >= 1);
	cov_store_close(st);
	/* written by a newer covenant */
	assert_int_equal(test_pg_sql("empty_t", "UPDATE covenant_meta SET value = '99' WHERE key = 'schema'"), 0);
	assert_int_equal(cov_store_open(u, COV_STORE_READONLY, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "newer covenant (library schema 99"));
	free(u);
	/* no such database */
	assert_int_equal(cov_store_open(test_pg_url("nonesuch"), COV_STORE_READONLY, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "cannot connect"));
	/* read-only: refuses to write even where the user may */
	u = strdup(test_pg_db("ro"));
	assert_int_equal(cov_store_open(u, 0, &st), COV_OK);
	cov_store_close(st);
	assert_int_equal(cov_store_open(u, COV_STORE_READONLY, &st), COV_OK);
	assert_int_equal(cov_store_begin(st), COV_OK);
	cov_store_version_in in = {.work = "x", .date = "2020-01-01", .source = "x.txt"};
	cov_doc *doc = parse_str("Article 1\nEveryone has the right to life.\n");
	cov_store_put_result res;
	const char *t = "Article 1\nEveryone has the right to life.\n";
	assert_int_equal(cov_store_put(st, test_data, doc, NULL, (const unsigned char *)t, strlen(t), &in, &res, NULL),
			 COV_EIO);
	assert_non_null(strstr(cov_error_last(), "cannot write"));
	cov_store_rollback(st);
	cov_doc_free(doc);
	cov_store_close(st);
	free(u);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_tsquery),
		cmocka_unit_test(test_url_file),
		cmocka_unit_test(test_bad_servers),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
