/*
 * db_cmd.c — `covenant db init` (make the library, or migrate it to this
 * covenant's schema, and say which) and `covenant db copy SRC DST` (move a
 * library between an SQLite file and a PostgreSQL database, either way,
 * verified by counts and checksums: src/store/pg_copy.c).
 */
#include "cli.h"
#include "../store/pg_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char db_usage[] =
	"usage: covenant db init [--db LIBRARY]\n"
	"       covenant db copy SRC DST\n"
	"\n"
	"init   make the library (or bring an older one to this covenant's schema)\n"
	"       and say its schema version.  LIBRARY is an SQLite file, sqlite:PATH,\n"
	"       or a PostgreSQL database: postgresql://USER@HOST[:PORT]/DB[?sslmode=…]\n"
	"       (a password from ~/.pgpass or PGPASSWORD; or a file, readable by its\n"
	"       owner only, that holds the URL).  Default: $COVENANT_DB, then\n"
	"       $XDG_DATA_HOME/covenant/library.db.\n"
	"copy   copy every work, version, event, article and right of SRC into DST,\n"
	"       which must hold no version yet (it is made if absent), in one\n"
	"       transaction; then compare counts and checksums of both.\n"
	"\n"
	"options:\n"
	"      --db LIBRARY      the library for init\n"
	"  -h, --help            this help\n"
	"\n"
	"exit codes: 0 ok, 2 usage, 3 a library cannot be opened, read or written,\n"
	"            or the copy differs from its source\n";

static int db_init(cov_cli_common *c)
{
	cov_store *st;
	int ex = cov_cli_store_open(c, true, &st);
	if (ex >= 0)
		return ex;
	int version = 0, latest = 0;
	long n[4] = {0};
	int rc = cov_store_counts(st, n);
	if (rc == COV_OK && cov_store_is_pg(st))
		rc = cov_store_schema(st, &version, &latest);
	if (rc == COV_OK) {
		if (latest)
			printf("library %s: PostgreSQL, schema %d (latest %d); %ld works, %ld versions\n", cov_store_path(st),
			       version, latest, n[0], n[1]);
		else
			printf("library %s: SQLite, schema up to date; %ld works, %ld versions\n", cov_store_path(st), n[0],
			       n[1]);
	}
	cov_store_close(st);
	return rc ? cov_cli_fail(rc) : 0;
}

static int db_copy(const char *src, const char *dst)
{
	cov_store_copy_report rep;
	int rc = cov_store_copy(src, dst, &rep);
	if (rc == COV_OK || rc == COV_EINPUT) {
		static const char *const names[] = {"works", "versions", "events", "articles", "rights"};
		for (int i = 0; i < 5; i++)
			printf("%-9s %8ld → %8ld  sha256 %.16s… %s\n", names[i], rep.src[i], rep.dst[i], rep.sum_src[i],
			       strcmp(rep.sum_src[i], rep.sum_dst[i]) == 0 && rep.src[i] == rep.dst[i] ? "same" : "DIFFERENT");
	}
	if (rc)
		return cov_cli_fail(rc == COV_EINPUT ? COV_EIO : rc);
	printf("copied %s → %s: counts and checksums agree\n", rep.src_name, rep.dst_name);
	return 0;
}

int cov_cli_db(int argc, char **argv)
{
	cov_cli_common c = {.cmd = "db", .usage = db_usage, .format = COV_CLI_TEXT, .formats = 1u << COV_CLI_TEXT};
	int ex = cov_cli_options(&c, argc, argv, NULL, NULL, NULL);
	if (ex >= 0)
		return ex;
	if (optind >= argc)
		return cov_cli_usage_error(&c, "db wants init or copy");
	const char *sub = argv[optind];
	if (strcmp(sub, "init") == 0) {
		if (optind + 1 != argc)
			return cov_cli_usage_error(&c, "db init takes no operand (the library: --db)");
		return db_init(&c);
	}
	if (strcmp(sub, "copy") == 0) {
		if (optind + 3 != argc)
			return cov_cli_usage_error(&c, "db copy wants SRC and DST");
		return db_copy(argv[optind + 1], argv[optind + 2]);
	}
	return cov_cli_usage_error(&c, "unknown db command '%s' (init, copy)", sub);
}
