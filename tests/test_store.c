/*
 * test_store.c — the library: schema and migrations, put (imported,
 * updated, unchanged by sha256), versions in time (WORK, WORK@DATE,
 * WORK:DATE), events, stemmed search with filters, and hostile input:
 * SQL in titles, FTS syntax errors, damaged files, a newer schema, a
 * location that cannot be written.
 */
#include "helpers.h"
#include "store/store.h"
#include "test_store_pg_db.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static int make_dir(void **state)
{
	snprintf(dir, sizeof dir, "/tmp/covenant-test-store-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return test_setup_data(state);
}

static int remove_dir(void **state)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	return test_teardown_data(state);
}

/* A library: a file here, or a fresh database on PostgreSQL (tests/test_store_pg.sh). */
static const char *db_path(const char *name)
{
	if (test_pg_enabled())
		return test_pg_db(name);
	static char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

static const char kz1995[] =
	"Конституция Республики Казахстан\n\n"
	"Статья 32.\n"
	"Граждане Республики Казахстан вправе мирно и без оружия собираться, проводить собрания, митинги.\n"
	"Сноска. Статья 32 с изменениями, внесенными Законом РК от 10.03.2017 № 51-VI.\n\n"
	"Статья 33.\nКаждый имеет право на жизнь.\n";
static const char kz2026[] =
	"Конституция Республики Казахстан\n\n"
	"Статья 34.\n"
	"Граждане Республики Казахстан имеют право на мирные собрания.\n\n"
	"Статья 35.\nКаждый имеет право на жизнь.\n";
static const char en_text[] =
	"Constitution of Veridia\n\nArticle 1\nEveryone has the right to assemble peacefully.\n\n"
	"Article 2\nEveryone has the right to life.\n";

/* Parse, check and put `text` as a version; returns the put status. */
static int put(cov_store *st, const char *text, const cov_store_version_in *in, cov_store_put_result *res)
{
	cov_doc *doc = parse_str(text);
	cov_review *review = NULL;
	assert_int_equal(cov_check(test_data, doc, NULL, &review), COV_OK);
	cov_store_version v = {0};
	int rc = cov_store_put(st, test_data, doc, review, (const unsigned char *)text, strlen(text), in, res, &v);
	cov_store_version_clear(&v);
	cov_review_free(review);
	cov_doc_free(doc);
	return rc;
}

static cov_store *kz_library(const char *name)
{
	cov_store *st;
	assert_int_equal(cov_store_open(db_path(name), 0, &st), COV_OK);
	char e1[] = "adopted:1995-08-30";
	cov_store_event ev1[1];
	assert_int_equal(cov_store_event_parse(e1, &ev1[0]), COV_OK);
	cov_store_version_in a = {.work = "kz-constitution", .country = "KZ", .date = "1995-08-30", .source = "kz1995.txt",
				  .events = ev1, .n_events = 1};
	cov_store_put_result r;
	assert_int_equal(cov_store_begin(st), COV_OK);
	assert_int_equal(put(st, kz1995, &a, &r), COV_OK);
	assert_int_equal(r, COV_STORE_IMPORTED);
	char e2[] = "referendum:2026-03-15:turnout=73.12:for=87.15", e3[] = "in-force:2026-07-01";
	cov_store_event ev2[2];
	assert_int_equal(cov_store_event_parse(e2, &ev2[0]), COV_OK);
	assert_int_equal(cov_store_event_parse(e3, &ev2[1]), COV_OK);
	cov_store_version_in b = {.work = "kz-constitution", .date = "2026-02-12", .status = "draft",
				  .source = "kz2026.txt", .events = ev2, .n_events = 2,
				  .replaces = "kz-constitution@1995-08-30"};
	assert_int_equal(put(st, kz2026, &b, &r), COV_OK);
	cov_store_version_in c = {.work = "veridia", .country = "VE", .date = "2024-01-01", .source = "v.txt"};
	assert_int_equal(put(st, en_text, &c, &r), COV_OK);
	assert_int_equal(cov_store_commit(st), COV_OK);
	return st;
}

static void test_put_and_reimport(void **state)
{
	cov_store *st = kz_library("put.db");
	long n[4];
	assert_int_equal(cov_store_counts(st, n), COV_OK);
	assert_int_equal(n[0], 2); /* works */
	assert_int_equal(n[1], 3); /* versions */
	long articles = n[2], events = n[3];
	assert_true(articles >= 6);
	/* adopted, amended (from the note), referendum, in-force, replaced */
	assert_int_equal(events, 5);
	/* the same bytes again: nothing changes */
	cov_store_version_in a = {.work = "kz-constitution", .date = "1995-08-30", .source = "kz1995.txt"};
	cov_store_put_result r;
	assert_int_equal(put(st, kz1995, &a, &r), COV_OK);
	assert_int_equal(r, COV_STORE_UNCHANGED);
	assert_int_equal(cov_store_counts(st, n), COV_OK);
	assert_int_equal(n[1], 3);
	assert_int_equal(n[2], articles);
	/* another text under the same work, date, language and file: replaced */
	cov_store_version_in c = {.work = "veridia", .date = "2024-01-01", .source = "v.txt"};
	char changed[sizeof en_text + 64];
	snprintf(changed, sizeof changed, "%s\nArticle 3\nEveryone has the right to vote.\n", en_text);
	assert_int_equal(put(st, changed, &c, &r), COV_OK);
	assert_int_equal(r, COV_STORE_UPDATED);
	assert_int_equal(cov_store_counts(st, n), COV_OK);
	assert_int_equal(n[1], 3);
	assert_int_equal(n[2], articles + 1);
	cov_store_close(st);
	(void)state;
}

static void expect_version(cov_store *st, const char *ref, const char *date)
{
	cov_store_version v = {0};
	int rc = cov_store_find(st, ref, NULL, &v);
	if (rc)
		fail_msg("%s: %s", ref, cov_error_last());
	assert_string_equal(v.date, date);
	cov_store_version_clear(&v);
}

static void test_versions_in_time(void **state)
{
	cov_store *st = kz_library("time.db");
	expect_version(st, "kz-constitution", "2026-02-12");
	expect_version(st, "kz-constitution@1995-08-30", "1995-08-30");
	expect_version(st, "kz-constitution:2026-05-01", "1995-08-30");
	expect_version(st, "kz-constitution:2026-06-30", "1995-08-30");
	expect_version(st, "kz-constitution:2026-07-01", "2026-02-12");
	cov_store_version v = {0};
	assert_int_equal(cov_store_find(st, "kz-constitution:1990-01-01", NULL, &v), COV_EINPUT);
	assert_non_null(strstr(cov_error_last(), "in force: 1995-08-30 → 2026-07-01"));
	assert_int_equal(cov_store_find(st, "kz-constitution@2000-01-01", NULL, &v), COV_EINPUT);
	assert_non_null(strstr(cov_error_last(), "its versions: 1995-08-30"));
	assert_int_equal(cov_store_find(st, "nope", NULL, &v), COV_EINPUT);
	assert_int_equal(cov_store_find(st, "kz@2026-02-30", NULL, &v), COV_EUSAGE);
	/* the stored tree and text come back without parsing */
	assert_int_equal(cov_store_find(st, "kz-constitution@2026-02-12", NULL, &v), COV_OK);
	char *s;
	size_t len;
	assert_int_equal(cov_store_get(st, v.id, "tree", &s, &len), COV_OK);
	assert_non_null(strstr(s, "\"eid\": \"art_34\""));
	free(s);
	assert_int_equal(cov_store_get(st, v.id, "text", &s, &len), COV_OK);
	assert_int_equal(len, strlen(kz2026));
	free(s);
	assert_int_equal(cov_store_get(st, v.id, "analysis", &s, &len), COV_OK);
	assert_non_null(strstr(s, "holder.citizens-only"));
	free(s);
	char *eid, *heading, *text;
	assert_int_equal(cov_store_article(st, v.id, "34", &eid, &heading, &text), COV_OK);
	assert_string_equal(text, "Граждане Республики Казахстан имеют право на мирные собрания.");
	free(eid), free(heading), free(text);
	cov_store_version_clear(&v);
	cov_store_close(st);
	(void)state;
}

typedef struct events { char log[2048]; } events;
static int on_event(void *ctx, const cov_store_event *e)
{
	events *l = ctx;
	size_t n = strlen(l->log);
	snprintf(l->log + n, sizeof l->log - n, "%s %s %s %.2f %.2f;", e->date, e->kind, e->act, e->turnout,
		 e->votes_for);
	return COV_OK;
}

static void test_events(void **state)
{
	cov_store *st = kz_library("events.db");
	events l = {""};
	assert_int_equal(cov_store_events(st, "kz-constitution", on_event, &l), COV_OK);
	assert_string_equal(l.log, "1995-08-30 adopted  -1.00 -1.00;"
				   "2017-03-10 amended 51-VI -1.00 -1.00;"
				   "2026-03-15 referendum  73.12 87.15;"
				   "2026-07-01 replaced  -1.00 -1.00;"
				   "2026-07-01 in-force  -1.00 -1.00;");
	cov_store_close(st);
	(void)state;
}

typedef struct hits { size_t n; char first[256]; char snippet[512]; } hits;
static int on_hit(void *ctx, const cov_store_hit *h)
{
	hits *x = ctx;
	if (getenv("DEBUG_HITS"))
		fprintf(stderr, "hit %s@%s %s %s\n", h->work, h->date, h->num, h->snippet);
	if (x->n++ == 0) {
		snprintf(x->first, sizeof x->first, "%s@%s %s", h->work, h->date, h->num);
		snprintf(x->snippet, sizeof x->snippet, "%s", h->snippet);
	}
	return COV_OK;
}

static hits search(cov_store *st, cov_store_search_opts o)
{
	hits x = {0};
	o.mark_open = "[";
	o.mark_close = "]";
	int rc = cov_store_search(st, &o, on_hit, &x);
	if (rc)
		fail_msg("%s: %s", o.query, cov_error_last());
	return x;
}

static void test_search(void **state)
{
	cov_store *st = kz_library("search.db");
	/* Russian stems: «мирные собрания» finds «мирных собраний» and «собрания» */
	hits x = search(st, (cov_store_search_opts){.query = "мирных собраний"});
	assert_int_equal(x.n, 2); /* «мирно … собрания» of 1995 too */
	assert_string_equal(x.first, "kz-constitution@2026-02-12 34");
	assert_non_null(strstr(x.snippet, "[мирные] [собрания]"));
	x = search(st, (cov_store_search_opts){.query = "собрания"});
	assert_int_equal(x.n, 2);
	/* English stems: "peaceful assembly" finds "assemble peacefully" */
	x = search(st, (cov_store_search_opts){.query = "peaceful assembly"});
	assert_int_equal(x.n, 1);
	assert_string_equal(x.first, "veridia@2024-01-01 1");
	/* filters */
	x = search(st, (cov_store_search_opts){.query = "собрания", .in_force_at = "2026-05-01"});
	assert_int_equal(x.n, 1);
	assert_string_equal(x.first, "kz-constitution@1995-08-30 32");
	x = search(st, (cov_store_search_opts){.query = "право", .right = 6});
	assert_int_equal(x.n, 2);
	x = search(st, (cov_store_search_opts){.query = "право", .best = true});
	assert_int_equal(x.n, 1);
	x = search(st, (cov_store_search_opts){.query = "right", .country = "ve"});
	assert_int_equal(x.n, 2);
	x = search(st, (cov_store_search_opts){.query = "right", .country = "KZ"});
	assert_int_equal(x.n, 0);
	/* a query FTS5 cannot read is the user's error, not a crash */
	hits y = {0};
	cov_store_search_opts bad = {.query = "'); DROP TABLE works; --"};
	assert_int_equal(cov_store_search(st, &bad, on_hit, &y), COV_EUSAGE);
	assert_non_null(strstr(cov_error_last(), "cannot read the query"));
	bad.query = "\"unterminated";
	assert_int_equal(cov_store_search(st, &bad, on_hit, &y), COV_EUSAGE);
	long n[4];
	assert_int_equal(cov_store_counts(st, n), COV_OK);
	assert_int_equal(n[0], 2);
	cov_store_close(st);
	(void)state;
}

static int on_work(void *ctx, const cov_store_work *w)
{
	snprintf(ctx, 256, "%s|%s", w->title, w->country);
	return COV_OK;
}

static void test_sql_in_titles(void **state)
{
	cov_store *st;
	assert_int_equal(cov_store_open(db_path("inject.db"), 0, &st), COV_OK);
	const char *title = "'); DROP TABLE works; --", *country = "\"; DELETE FROM versions; --";
	cov_store_version_in in = {.work = "x", .title = title, .country = country, .date = "2020-01-01",
				   .source = "'); DROP TABLE versions; --.txt"};
	cov_store_put_result r;
	assert_int_equal(put(st, en_text, &in, &r), COV_OK);
	char got[256] = "";
	assert_int_equal(cov_store_works(st, "x", on_work, got), COV_OK);
	char want[256];
	snprintf(want, sizeof want, "%s|%s", title, country);
	assert_string_equal(got, want);
	long n[4];
	assert_int_equal(cov_store_counts(st, n), COV_OK);
	assert_int_equal(n[1], 1);
	cov_store_close(st);
	(void)state;
}

static void write_file(const char *path, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

static void test_bad_libraries(void **state)
{
	if (test_pg_enabled())
		skip(); /* SQLite files; PostgreSQL's own in test_store_pg.c */
	cov_store *st = NULL;
	/* not a database */
	write_file(db_path("junk.db"), "this is not a database at all, just some text that is long enough", 66);
	assert_int_equal(cov_store_open(db_path("junk.db"), 0, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "damaged or is not a covenant library"));
	assert_int_equal(cov_store_open(db_path("junk.db"), COV_STORE_READONLY, &st), COV_EIO);
	/* a database, but not ours */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(db_path("other.db"), &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(cov_store_open(db_path("other.db"), 0, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "not a covenant library"));
	/* written by a newer covenant */
	st = kz_library("newer.db");
	cov_store_close(st);
	assert_int_equal(sqlite3_open(db_path("newer.db"), &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(cov_store_open(db_path("newer.db"), COV_STORE_READONLY, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "newer covenant (library schema 99"));
	/* damaged: a page overwritten in the middle of a real library */
	st = kz_library("damaged.db");
	cov_store_close(st);
	FILE *f = fopen(db_path("damaged.db"), "r+b");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	char junk[4096];
	memset(junk, 0xA5, sizeof junk);
	for (long at = 4096; at + 4096 <= size; at += 8192) {
		fseek(f, at, SEEK_SET);
		fwrite(junk, 1, sizeof junk, f);
	}
	fclose(f);
	int rc = cov_store_open(db_path("damaged.db"), COV_STORE_READONLY, &st);
	if (rc == COV_OK) { /* the header survived: reading must fail cleanly */
		hits x = {0};
		cov_store_search_opts o = {.query = "право"};
		rc = cov_store_search(st, &o, on_hit, &x);
		cov_store_version v = {0};
		if (rc == COV_OK)
			rc = cov_store_find(st, "kz-constitution", NULL, &v);
		cov_store_version_clear(&v);
		cov_store_close(st);
	}
	assert_int_equal(rc, COV_EIO);
	/* a location that cannot be written (even by root) */
	assert_int_equal(cov_store_open("/proc/covenant-test/library.db", 0, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "/proc/covenant-test/library.db"));
	/* no library: read-only opening does not create one */
	assert_int_equal(cov_store_open(db_path("absent.db"), COV_STORE_READONLY, &st), COV_EIO);
	assert_non_null(strstr(cov_error_last(), "no library here"));
	struct stat sb;
	assert_int_not_equal(stat(db_path("absent.db"), &sb), 0);
	/* a read-only file, for users other than root */
	if (geteuid() != 0) {
		st = kz_library("ro.db");
		cov_store_close(st);
		assert_int_equal(chmod(db_path("ro.db"), 0444), 0);
		assert_int_equal(cov_store_open(db_path("ro.db"), 0, &st), COV_EIO);
		assert_non_null(strstr(cov_error_last(), "read-only"));
	}
	(void)state;
}

static void test_infer(void **state)
{
	cov_store_inferred inf;
	cov_store_infer("../x/k950001000_.01-01-2023.rus.pdf", &inf);
	assert_string_equal(inf.work, "kz-adilet-k950001000");
	assert_string_equal(inf.date, "2023-01-01");
	assert_string_equal(inf.consolidated, "2023-01-01");
	assert_string_equal(inf.lang, "ru");
	assert_string_equal(inf.country, "KZ");
	cov_store_infer("z1600000480.09-01-2026.rus.pdf", &inf);
	assert_string_equal(inf.kind, "law");
	cov_store_infer("versions/constitution_ru_2014-03-21.txt", &inf);
	assert_string_equal(inf.work, "ru-constitution");
	assert_string_equal(inf.date, "2014-03-21");
	assert_string_equal(inf.country, "RU");
	cov_store_infer("constitution_kz_1995_ru_ed2007-2009.md", &inf);
	assert_string_equal(inf.work, "kz-constitution");
	assert_string_equal(inf.date, "1995-01-01");
	assert_string_equal(inf.lang, "ru");
	cov_store_infer("constitutions/Bosnia_Herzegovina_2009.txt", &inf);
	assert_string_equal(inf.work, "bosnia-herzegovina-constitution");
	assert_string_equal(inf.country, "Bosnia Herzegovina");
	assert_string_equal(inf.date, "2009-01-01");
	cov_store_infer("by/1994/constitution.txt", &inf);
	assert_string_equal(inf.date, "1994-01-01");
	assert_string_equal(inf.work, "");
	cov_store_infer("notes.txt", &inf);
	assert_string_equal(inf.date, "");
	assert_string_equal(inf.work, "");
	(void)state;
}

static void test_event_syntax(void **state)
{
	cov_store_event e;
	char a[] = "referendum:2026-03-15:turnout=73.12:for=87.15";
	assert_int_equal(cov_store_event_parse(a, &e), COV_OK);
	assert_string_equal(e.result, "approved");
	assert_true(e.turnout > 73.11 && e.turnout < 73.13);
	char b[] = "referendum:2026-03-15:turnout=173";
	assert_int_equal(cov_store_event_parse(b, &e), COV_EUSAGE);
	char c[] = "elected:2026-03-15";
	assert_int_equal(cov_store_event_parse(c, &e), COV_EUSAGE);
	char d[] = "in-force:2026-02-30";
	assert_int_equal(cov_store_event_parse(d, &e), COV_EUSAGE);
	char f[] = "amended:2017-03-10:act=51-VI";
	assert_int_equal(cov_store_event_parse(f, &e), COV_OK);
	assert_string_equal(e.act, "51-VI");
	char g[] = "in-force";
	assert_int_equal(cov_store_event_parse(g, &e), COV_EUSAGE);
	assert_true(cov_store_date_valid("2024-02-29"));
	assert_false(cov_store_date_valid("2023-02-29"));
	assert_true(cov_store_is_ref("kz-constitution:2026-05-01"));
	assert_false(cov_store_is_ref("examples/veridia-2024.txt"));
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_and_reimport), cmocka_unit_test(test_versions_in_time),
		cmocka_unit_test(test_events),           cmocka_unit_test(test_search),
		cmocka_unit_test(test_sql_in_titles),    cmocka_unit_test(test_bad_libraries),
		cmocka_unit_test(test_infer),            cmocka_unit_test(test_event_syntax),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
