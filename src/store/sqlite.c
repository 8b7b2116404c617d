/*
 * sqlite.c — the library in one SQLite file (WAL, so readers are never
 * blocked by an import), schema versioned by PRAGMA user_version with
 * forward migrations, every statement prepared (no input ever reaches SQL
 * text), articles indexed by FTS5 with the covenant tokenizer.
 *
 * A version row keeps the text (UTF-8, what every span points into), the
 * parse JSON and the check JSON, so show, history and search never parse.
 */
#include "store.h"
#include "../util/util.h"
#include "sqlite_dl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define APPLICATION_ID 0x434F564C /* "COVL" */

/* Migrations: migrations[i] takes schema i to i + 1.  Add, never edit. */
static const char *const migrations[] = {
	/* 0 → 1 */
	"CREATE TABLE works("
	"  id TEXT PRIMARY KEY, country TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',"
	"  kind TEXT NOT NULL DEFAULT 'constitution');"
	"CREATE TABLE versions("
	"  id INTEGER PRIMARY KEY, work TEXT NOT NULL REFERENCES works(id),"
	"  lang TEXT NOT NULL, date TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', imported TEXT NOT NULL,"
	"  in_force_from TEXT, in_force_until TEXT, n_articles INTEGER NOT NULL DEFAULT 0,"
	"  data_hash TEXT NOT NULL DEFAULT '',"
	/* zlib-compressed (compress2), with their sizes before compression */
	"  text BLOB NOT NULL, text_size INTEGER NOT NULL, tree BLOB NOT NULL, tree_size INTEGER NOT NULL,"
	"  analysis BLOB, analysis_size INTEGER,"
	"  UNIQUE(work, date, lang, source));"
	"CREATE INDEX versions_sha ON versions(work, sha256);"
	"CREATE TABLE events("
	"  id INTEGER PRIMARY KEY, version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL, date TEXT NOT NULL, act TEXT NOT NULL DEFAULT '', ref TEXT NOT NULL DEFAULT '',"
	"  result TEXT NOT NULL DEFAULT '', turnout REAL, votes_for REAL, votes_against REAL,"
	"  source TEXT NOT NULL DEFAULT 'flag');"
	"CREATE INDEX events_version ON events(version);"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY, version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
	"  eid TEXT NOT NULL, num TEXT NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL, line INTEGER);"
	"CREATE INDEX articles_version ON articles(version, num);"
	"CREATE TABLE article_rights("
	"  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, standard TEXT NOT NULL,"
	"  right INTEGER NOT NULL, PRIMARY KEY(article, standard, right)) WITHOUT ROWID;"
	"CREATE INDEX article_rights_right ON article_rights(standard, right);"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(heading, text, content='articles', content_rowid='id',"
	"  tokenize='covenant');",
};
#define SCHEMA ((int)(sizeof migrations / sizeof *migrations))

enum {
	Q_SAME_SHA, Q_SAME_KEY, Q_WORK_UPSERT, Q_VERSION_INSERT, Q_ARTICLE_INSERT, Q_FTS_INSERT, Q_RIGHT_INSERT,
	Q_EVENT_INSERT, Q_VERSION_ARTICLES, Q_FTS_DELETE, Q_VERSION_DELETE, Q_REFRESH, Q_VERSION_BY_ID,
	Q_SEARCH, Q_SEARCH_BEST, Q_SNIPPET, Q_SET_ARTICLES,
	Q_COUNT
};

/* The matches of a search with its filters (lib_search). */
#define SEARCH_FILTERED \
		"SELECT a.id, bm25(articles_fts, 2.0, 1.0) AS score, v.work AS work, v.date AS date" \
		" FROM articles_fts f JOIN articles a ON a.id = f.rowid JOIN versions v ON v.id = a.version" \
		" JOIN works w ON w.id = v.work" \
		" WHERE articles_fts MATCH ?1" \
		" AND (?2 IS NULL OR w.country = ?2 COLLATE NOCASE) AND (?3 IS NULL OR v.lang = ?3)" \
		" AND (?4 IS NULL OR w.kind = ?4) AND (?5 IS NULL OR w.id = ?5)" \
		" AND (?6 IS NULL OR (v.in_force_from IS NOT NULL AND v.in_force_from <= ?6" \
		"      AND (v.in_force_until IS NULL OR v.in_force_until > ?6)))" \
		" AND (?7 = 0 OR EXISTS (SELECT 1 FROM article_rights r WHERE r.article = a.id" \
		"      AND r.standard = 'iccpr' AND r.right = ?7))"

static const char *const sql[Q_COUNT] = {
	[Q_SAME_SHA] = "SELECT id FROM versions WHERE work = ?1 AND sha256 = ?2 LIMIT 1",
	[Q_SAME_KEY] = "SELECT id FROM versions WHERE work = ?1 AND date = ?2 AND lang = ?3 AND source = ?4",
	[Q_WORK_UPSERT] =
		"INSERT INTO works(id, country, title, kind) VALUES(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET"
		" country = CASE WHEN excluded.country <> '' THEN excluded.country ELSE country END,"
		" title = CASE WHEN ?5 OR title = '' THEN excluded.title ELSE title END,"
		" kind = CASE WHEN ?6 THEN excluded.kind ELSE kind END",
	[Q_VERSION_INSERT] =
		"INSERT INTO versions(work, lang, date, status, source, sha256, title, imported, in_force_from,"
		" n_articles, data_hash, text, text_size, tree, tree_size, analysis, analysis_size)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?8, ?9, ?10, ?11, ?14,"
		" ?12, ?15, ?13, ?16)",
	[Q_ARTICLE_INSERT] = "INSERT INTO articles(version, eid, num, heading, text, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_FTS_INSERT] = "INSERT INTO articles_fts(rowid, heading, text) VALUES(?1, ?2, ?3)",
	[Q_RIGHT_INSERT] = "INSERT OR IGNORE INTO article_rights(article, standard, right) VALUES(?1, ?2, ?3)",
	[Q_EVENT_INSERT] =
		"INSERT INTO events(version, kind, date, act, ref, result, turnout, votes_for, votes_against, source)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[Q_VERSION_ARTICLES] = "SELECT id, heading, text FROM articles WHERE version = ?1",
	[Q_FTS_DELETE] = "INSERT INTO articles_fts(articles_fts, rowid, heading, text) VALUES('delete', ?1, ?2, ?3)",
	[Q_VERSION_DELETE] = "DELETE FROM versions WHERE id = ?1",
	/* A version is in force from its in_force_from until the first of: a
	 * repealed or replaced event, the in-force date of a later version of the
	 * same work in the same language. */
	[Q_REFRESH] =
		"UPDATE versions SET in_force_until = (SELECT min(d) FROM ("
		" SELECT e.date AS d FROM events e WHERE e.version = versions.id AND e.kind IN ('repealed', 'replaced')"
		" UNION ALL SELECT o.in_force_from FROM versions o WHERE o.work = versions.work AND o.lang = versions.lang"
		"  AND o.in_force_from > versions.in_force_from)) WHERE work = ?1",
	[Q_VERSION_BY_ID] =
		"SELECT v.id, v.work, w.country, CASE WHEN w.title <> '' THEN w.title ELSE v.title END, w.kind, v.lang,"
		" v.date, v.status, v.source, v.sha256, coalesce(v.in_force_from, ''), coalesce(v.in_force_until, ''),"
		" v.data_hash, v.n_articles, v.text_size FROM versions v JOIN works w ON w.id = v.work WHERE v.id = ?1",
	[Q_SEARCH] = SEARCH_FILTERED " ORDER BY score, v.date DESC LIMIT ?8",
	[Q_SEARCH_BEST] = "SELECT id, score FROM (SELECT id, score, row_number() OVER (PARTITION BY work"
			  " ORDER BY score, date DESC) AS rn FROM (" SEARCH_FILTERED ")) WHERE rn = 1 ORDER BY score LIMIT ?8",
	/* the hits shown (?2: a JSON array of their ids), in one pass over the
	 * matches: a snippet is made for them only (CASE is lazy, the unary +
	 * keeps the id test out of the full-text index), and the query is
	 * evaluated once, not once a hit */
	[Q_SNIPPET] =
		"SELECT f.rowid, v.work, w.country, w.kind, CASE WHEN w.title <> '' THEN w.title ELSE v.title END,"
		" v.lang, v.date, v.status, a.eid, a.num, a.heading,"
		" snippet(articles_fts, 1, ?3, ?4, '…', 24)"
		" FROM articles_fts f JOIN articles a ON a.id = f.rowid JOIN versions v ON v.id = a.version"
		" JOIN works w ON w.id = v.work WHERE articles_fts MATCH ?1"
		" AND +f.rowid IN (SELECT value FROM json_each(?2))",
	[Q_SET_ARTICLES] = "UPDATE versions SET n_articles = ?2 WHERE id = ?1",
};

typedef struct lib {
	sqlite3 *db;
	sqlite3_stmt *q[Q_COUNT];
	bool readonly;
} lib;

static int fail(cov_store *st, const char *what)
{
	lib *l = st->impl;
	int code = l && l->db ? sqlite3_errcode(l->db) : SQLITE_ERROR;
	const char *msg = l && l->db ? sqlite3_errmsg(l->db) : "cannot open";
	if (code == SQLITE_NOMEM)
		return cov_error_set(COV_ENOMEM, "out of memory");
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return cov_error_set(COV_EIO, "%s: the library is damaged or is not a covenant library (%s)", st->path,
				     msg);
	if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
		return cov_error_set(COV_EIO, "%s: cannot write the library here (%s); give another place with --db PATH",
				     st->path, msg);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return cov_error_set(COV_EIO, "%s: the library is busy (another import?): %s", st->path, msg);
	if (code == SQLITE_FULL)
		return cov_error_set(COV_EIO, "%s: the disk is full", st->path);
	return cov_error_set(COV_EIO, "%s: %s: %s", st->path, what, msg);
}

static sqlite3_stmt *q(cov_store *st, int i)
{
	lib *l = st->impl;
	if (!l->q[i] && sqlite3_prepare_v3(l->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &l->q[i], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(l->q[i]);
	sqlite3_clear_bindings(l->q[i]);
	return l->q[i];
}

static int exec(cov_store *st, const char *s)
{
	lib *l = st->impl;
	return sqlite3_exec(l->db, s, NULL, NULL, NULL) == SQLITE_OK ? COV_OK : fail(st, "query");
}

static void text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static char *col(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return strdup(v ? v : "");
}

/* ---- open, schema, migrations ---- */

static int mkdirs(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = 0;
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = 0;
			if (mkdir(dir, 0755) && errno != EEXIST) {
				free(dir);
				return -1;
			}
			*p = '/';
		}
	int rc = mkdir(dir, 0755) && errno != EEXIST ? -1 : 0;
	free(dir);
	return rc;
}

static int pragma_int(cov_store *st, const char *pragma, int *out)
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, pragma, -1, &s, NULL) != SQLITE_OK)
		return fail(st, "reading the schema");
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? COV_OK : fail(st, "reading the schema");
}

static int table_count(cov_store *st, int *out)
{
	return pragma_int(st, "SELECT count(*) FROM sqlite_schema", out);
}

static int migrate(cov_store *st, int from)
{
	int rc = exec(st, "BEGIN IMMEDIATE");
	if (rc)
		return rc;
	int now;
	rc = pragma_int(st, "PRAGMA user_version", &now); /* another process may have done it */
	for (int v = now; rc == COV_OK && v < SCHEMA; v++) {
		rc = exec(st, migrations[v]);
		char set[64];
		snprintf(set, sizeof set, "PRAGMA user_version = %d", v + 1);
		if (rc == COV_OK)
			rc = exec(st, set);
	}
	if (rc == COV_OK && from == 0)
		rc = exec(st, "PRAGMA application_id = 1129272908"); /* APPLICATION_ID */
	if (rc == COV_OK)
		rc = exec(st, "COMMIT");
	if (rc)
		sqlite3_exec(((lib *)st->impl)->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static const cov_store_ops sqlite_ops;

int cov_store_sqlite_open(const char *path, unsigned flags, cov_store **out)
{
	*out = NULL;
	int loaded = cov_sqlite_load();
	if (loaded)
		return loaded;
	bool ro = flags & COV_STORE_READONLY;
	struct stat sb;
	if (ro && stat(path, &sb) != 0)
		return cov_error_set(COV_EIO, "%s: no library here (import texts first: covenant import FILE --work ID)",
				     path);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return cov_error_set(COV_EIO, "%s: is a directory, not a library file", path);
	if (!ro && mkdirs(path) != 0)
		return cov_error_set(COV_EIO, "%s: cannot make the library's directory: %s", path, strerror(errno));
	cov_store *st = calloc(1, sizeof *st);
	lib *l = calloc(1, sizeof *l);
	char *p = strdup(path);
	if (!st || !l || !p) {
		free(st);
		free(l);
		free(p);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	st->ops = &sqlite_ops;
	st->impl = l;
	st->path = p;
	l->readonly = ro;
	int rc = COV_OK;
	int of = ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &l->db, of | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = fail(st, "opening");
		goto out;
	}
	sqlite3_extended_result_codes(l->db, 0);
	/* A reader waits 10 s at most (WAL: only a checkpoint blocks it); an
	 * import waits for the others to finish, as long as they take: each
	 * holds the library for its whole run (one transaction), and four of
	 * them importing directories at once wait minutes, not fail. */
	sqlite3_busy_timeout(l->db, ro ? 10000 : 30 * 60 * 1000);
	if (!ro && sqlite3_db_readonly(l->db, "main") == 1) {
		rc = cov_error_set(COV_EIO, "%s: the library is read-only (cannot import into it); give another place "
				   "with --db PATH", path);
		goto out;
	}
	int version, app, tables;
	if ((rc = pragma_int(st, "PRAGMA user_version", &version)) || (rc = pragma_int(st, "PRAGMA application_id", &app)) ||
	    (rc = table_count(st, &tables)))
		goto out;
	if (version > SCHEMA) {
		rc = cov_error_set(COV_EIO, "%s: written by a newer covenant (library schema %d; this one reads up to %d): "
				   "update covenant", path, version, SCHEMA);
		goto out;
	}
	if ((tables > 0 || version > 0) && app != APPLICATION_ID) {
		rc = cov_error_set(COV_EIO, "%s: an SQLite database, but not a covenant library", path);
		goto out;
	}
	if ((rc = cov_store_register_tokenizer(l->db)))
		goto out;
	if (ro) {
		if (version == 0)
			rc = cov_error_set(COV_EIO, "%s: an empty library (import texts first: covenant import FILE --work ID)",
					   path);
		goto out;
	}
	if ((rc = exec(st, "PRAGMA journal_mode = WAL")) || (rc = exec(st, "PRAGMA synchronous = NORMAL")) ||
	    (rc = exec(st, "PRAGMA foreign_keys = ON")))
		goto out;
	if (version < SCHEMA)
		rc = migrate(st, version);
out:
	if (rc) {
		sqlite_ops.close(st);
		return rc;
	}
	*out = st;
	return COV_OK;
}

static void lib_close(cov_store *st)
{
	lib *l = st->impl;
	if (l) {
		for (int i = 0; i < Q_COUNT; i++)
			sqlite3_finalize(l->q[i]);
		sqlite3_close(l->db);
		free(l);
	}
	free(st->path);
	free(st);
}

static int lib_begin(cov_store *st) { return exec(st, "BEGIN IMMEDIATE"); }
static int lib_commit(cov_store *st) { return exec(st, "COMMIT"); }
static void lib_rollback(cov_store *st)
{
	lib *l = st->impl;
	if (!sqlite3_get_autocommit(l->db))
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- put ---- */

static int version_by_id(cov_store *st, int64_t id, cov_store_version *v);

static int insert_event(cov_store *st, int64_t version, const cov_store_event *ev)
{
	sqlite3_stmt *s = q(st, Q_EVENT_INSERT);
	if (!s)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, version);
	text(s, 2, ev->kind);
	text(s, 3, ev->date);
	text(s, 4, ev->act ? ev->act : "");
	text(s, 5, ev->ref ? ev->ref : "");
	text(s, 6, ev->result ? ev->result : "");
	double nums[] = {ev->turnout, ev->votes_for, ev->votes_against};
	for (int i = 0; i < 3; i++)
		if (nums[i] >= 0)
			sqlite3_bind_double(s, 7 + i, nums[i]);
	text(s, 10, ev->source ? ev->source : "flag");
	return sqlite3_step(s) == SQLITE_DONE ? COV_OK : fail(st, "storing an event");
}

static int lib_same(cov_store *st, const char *work, const char *sha, cov_store_version *out)
{
	sqlite3_stmt *s = q(st, Q_SAME_SHA);
	if (!s)
		return fail(st, "preparing");
	text(s, 1, work);
	text(s, 2, sha);
	int step = sqlite3_step(s);
	int64_t id = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (step == SQLITE_ROW) {
		int rc = out ? version_by_id(st, id, out) : COV_OK;
		return rc ? rc : 1;
	}
	return step == SQLITE_DONE ? 0 : fail(st, "looking for the same file");
}

static int put_article(cov_store *st, int64_t version, const cov_node *node, const char *txt, size_t len,
		       int64_t *row)
{
	sqlite3_stmt *s = q(st, Q_ARTICLE_INSERT);
	if (!s)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, version);
	text(s, 2, cov_node_eid(node));
	text(s, 3, cov_node_num(node));
	text(s, 4, cov_node_heading(node));
	sqlite3_bind_text(s, 5, txt, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)cov_node_line(node));
	if (sqlite3_step(s) != SQLITE_DONE)
		return fail(st, "storing an article");
	*row = sqlite3_last_insert_rowid(((lib *)st->impl)->db);
	s = q(st, Q_FTS_INSERT);
	if (!s)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, *row);
	text(s, 2, cov_node_heading(node));
	sqlite3_bind_text(s, 3, txt, (int)len, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		return fail(st, "indexing an article");
	return COV_OK;
}

static int put_right(cov_store *st, int64_t row, int right)
{
	sqlite3_stmt *s = q(st, Q_RIGHT_INSERT);
	if (!s)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, row);
	text(s, 2, "iccpr");
	sqlite3_bind_int(s, 3, right);
	return sqlite3_step(s) == SQLITE_DONE ? COV_OK : fail(st, "storing rights");
}

static const cov_store_article_sink article_sink = {put_article, put_right, NULL};

/* Remove a version and its index entries (external-content FTS wants the
 * old values to delete them). */
static int delete_version(cov_store *st, int64_t id)
{
	sqlite3_stmt *s = q(st, Q_VERSION_ARTICLES);
	if (!s)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, id);
	/* Collect first: the delete statement must not run while this one steps on the same table. */
	typedef struct { int64_t id; char *h, *t; } old;
	old *list = NULL;
	size_t n = 0, cap = 0;
	int rc = COV_OK, step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			old *p = realloc(list, cap * sizeof *p);
			if (!p) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			list = p;
		}
		list[n++] = (old){sqlite3_column_int64(s, 0), col(s, 1), col(s, 2)};
	}
	if (rc == COV_OK && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = fail(st, "reading articles");
	sqlite3_reset(s);
	for (size_t i = 0; i < n; i++) {
		if (rc == COV_OK) {
			sqlite3_stmt *d = q(st, Q_FTS_DELETE);
			if (!d) {
				rc = fail(st, "preparing");
			} else {
				sqlite3_bind_int64(d, 1, list[i].id);
				text(d, 2, list[i].h);
				text(d, 3, list[i].t);
				if (sqlite3_step(d) != SQLITE_DONE)
					rc = fail(st, "removing from the index");
			}
		}
		free(list[i].h);
		free(list[i].t);
	}
	free(list);
	if (rc == COV_OK) {
		sqlite3_stmt *d = q(st, Q_VERSION_DELETE);
		if (!d)
			return fail(st, "preparing");
		sqlite3_bind_int64(d, 1, id);
		if (sqlite3_step(d) != SQLITE_DONE)
			rc = fail(st, "removing the old version");
	}
	return rc;
}

static int refresh(cov_store *st, const char *work)
{
	sqlite3_stmt *s = q(st, Q_REFRESH);
	if (!s)
		return fail(st, "preparing");
	text(s, 1, work);
	return sqlite3_step(s) == SQLITE_DONE ? COV_OK : fail(st, "dating the versions");
}

static int find_version(cov_store *st, const char *work, char sep, const char *date, const char *lang,
			cov_store_version *out);

static int lib_put(cov_store *st, const cov_data *data, const cov_doc *doc, const cov_review *review,
		   const unsigned char *bytes, size_t len, const cov_store_version_in *in,
		   cov_store_put_result *result, cov_store_version *out)
{
	lib *l = st->impl;
	char sha[65];
	cov_store_sha256(bytes, len, sha);
	if (!sha[0])
		return COV_EDATA; /* no SHA-256: cov_sha256_new said why */
	cov_store_version tmp = {0};
	int rc = lib_same(st, in->work, sha, out ? out : &tmp);
	cov_store_version_clear(&tmp);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		*result = COV_STORE_UNCHANGED;
		return COV_OK;
	}
	sqlite3_stmt *s;
	int step;
	rc = exec(st, "SAVEPOINT put");
	if (rc)
		return rc;
	*result = COV_STORE_IMPORTED;
	const char *lang = in->lang && *in->lang ? in->lang : cov_doc_language(doc);
	const char *status = in->status && *in->status ? in->status : "in-force";
	/* the previous import of the same file name for this work, date and language */
	if ((s = q(st, Q_SAME_KEY)) == NULL) {
		rc = fail(st, "preparing");
		goto out;
	}
	text(s, 1, in->work);
	text(s, 2, in->date);
	text(s, 3, lang);
	text(s, 4, in->source);
	if ((step = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t old = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		*result = COV_STORE_UPDATED;
		if ((rc = delete_version(st, old)))
			goto out;
	} else if (step != SQLITE_DONE) {
		rc = fail(st, "looking for the previous import");
		goto out;
	}
	sqlite3_reset(s);

	if ((s = q(st, Q_WORK_UPSERT)) == NULL) {
		rc = fail(st, "preparing");
		goto out;
	}
	bool title_given = in->title && *in->title;
	bool kind_given = in->kind && *in->kind;
	text(s, 1, in->work);
	text(s, 2, in->country ? in->country : "");
	text(s, 3, title_given ? in->title : cov_doc_title(doc));
	text(s, 4, kind_given ? in->kind : "constitution");
	sqlite3_bind_int(s, 5, title_given);
	sqlite3_bind_int(s, 6, kind_given);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = fail(st, "storing the work");
		goto out;
	}

	/* in force from: the in-force event, else the date of a text that is law */
	const char *from = NULL;
	for (size_t i = 0; i < in->n_events; i++)
		if (strcmp(in->events[i].kind, "in-force") == 0)
			from = in->events[i].date;
	if (!from && strcmp(status, "draft") != 0)
		from = in->date;

	char *tree = NULL, *analysis = NULL;
	size_t tree_len = 0, analysis_len = 0;
	Bytef *z[3] = {NULL, NULL, NULL};
	rc = cov_render_string(doc, COV_RENDER_JSON, &tree, &tree_len);
	if (rc == COV_OK && review) {
		cov_review_options ro = {COV_SEVERITY_LOW, 1, 0};
		rc = cov_render_review_string(data, review, COV_REVIEW_JSON, &ro, &analysis, &analysis_len);
	}
	if (rc == COV_OK && (s = q(st, Q_VERSION_INSERT)) == NULL)
		rc = fail(st, "preparing");
	if (rc == COV_OK) {
		size_t tl;
		const char *t = cov_doc_text(doc, &tl);
		text(s, 1, in->work);
		text(s, 2, lang);
		text(s, 3, in->date);
		text(s, 4, status);
		text(s, 5, in->source);
		text(s, 6, sha);
		text(s, 7, cov_doc_title(doc));
		text(s, 8, from);
		sqlite3_bind_int64(s, 9, 0);
		text(s, 10, in->data_hash ? in->data_hash : "");
		const char *raw[3] = {t, tree, analysis};
		size_t raw_len[3] = {tl, tree_len, analysis_len};
		for (int i = 0; i < 3 && rc == COV_OK; i++) {
			if (!raw[i])
				continue;
			uLongf zl = compressBound(raw_len[i]);
			z[i] = malloc(zl);
			if (!z[i] || compress2(z[i], &zl, (const Bytef *)raw[i], raw_len[i], 1) != Z_OK) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			sqlite3_bind_blob(s, 11 + i, z[i], (int)zl, SQLITE_STATIC);
			sqlite3_bind_int64(s, 14 + i, (sqlite3_int64)raw_len[i]);
		}
		if (rc == COV_OK && sqlite3_step(s) != SQLITE_DONE)
			rc = fail(st, "storing the version");
		sqlite3_reset(s);
	}
	for (int i = 0; i < 3; i++)
		free(z[i]);
	free(tree);
	free(analysis);
	if (rc)
		goto out;
	int64_t id = sqlite3_last_insert_rowid(l->db);
	long n_articles = 0;
	if ((rc = cov_store_put_articles(st, doc, review, id, &n_articles, &article_sink)))
		goto out;
	if (!(s = q(st, Q_SET_ARTICLES))) {
		rc = fail(st, "preparing");
		goto out;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, n_articles);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = fail(st, "storing the version");
		goto out;
	}
	for (size_t i = 0; i < in->n_events && rc == COV_OK; i++)
		rc = insert_event(st, id, &in->events[i]);
	if (rc == COV_OK)
		rc = cov_store_put_amendments(st, doc, id, insert_event);
	if (rc == COV_OK && in->replaces && *in->replaces)
		rc = cov_store_put_replaces(st, in, from ? from : in->date, insert_event, refresh);
	if (rc == COV_OK)
		rc = refresh(st, in->work);
	if (rc == COV_OK && out)
		rc = version_by_id(st, id, out);
out:
	if (rc) {
		char keep[1024];
		snprintf(keep, sizeof keep, "%s", cov_error_last());
		sqlite3_exec(l->db, "ROLLBACK TO put; RELEASE put", NULL, NULL, NULL);
		return cov_error_set(rc, "%s", keep);
	}
	return exec(st, "RELEASE put");
}

/* ---- reading ---- */

static void fill_version(sqlite3_stmt *s, cov_store_version *v)
{
	cov_store_version_clear(v);
	v->id = sqlite3_column_int64(s, 0);
	char **f[] = {&v->work, &v->country, &v->title, &v->kind, &v->lang, &v->date, &v->status,
		      &v->source, &v->sha256, &v->in_force_from, &v->in_force_until, &v->data_hash};
	for (int i = 0; i < 12; i++)
		*f[i] = col(s, i + 1);
	v->n_articles = sqlite3_column_int(s, 13);
	v->text_bytes = (size_t)sqlite3_column_int64(s, 14);
}

static int version_by_id(cov_store *st, int64_t id, cov_store_version *v)
{
	sqlite3_stmt *s = q(st, Q_VERSION_BY_ID);
	if (!s)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		fill_version(s, v);
	sqlite3_reset(s);
	if (step == SQLITE_ROW)
		return v->work ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	return step == SQLITE_DONE ? cov_error_set(COV_EINPUT, "no version %lld", (long long)id) : fail(st, "reading");
}

#define VERSION_COLUMNS \
	"v.id, v.work, w.country, CASE WHEN w.title <> '' THEN w.title ELSE v.title END, w.kind, v.lang," \
	" v.date, v.status, v.source, v.sha256, coalesce(v.in_force_from, ''), coalesce(v.in_force_until, '')," \
	" v.data_hash, v.n_articles, v.text_size"

/* The dates a work has, for messages: "1995-08-30, 2026-02-12". */
static void work_dates(cov_store *st, const char *work, bool in_force, cov_buf *b)
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	const char *qs = in_force ? "SELECT in_force_from, coalesce(in_force_until, '') FROM versions WHERE work = ?1"
				    " AND in_force_from IS NOT NULL ORDER BY in_force_from"
				  : "SELECT date, lang FROM versions WHERE work = ?1 ORDER BY date";
	if (sqlite3_prepare_v2(l->db, qs, -1, &s, NULL) != SQLITE_OK)
		return;
	text(s, 1, work);
	size_t n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < 40) {
		const char *a = (const char *)sqlite3_column_text(s, 0), *c = (const char *)sqlite3_column_text(s, 1);
		if (in_force)
			cov_buf_printf(b, "%s%s → %s", n++ ? ", " : "", a, *c ? c : "now");
		else
			cov_buf_printf(b, "%s%s (%s)", n++ ? ", " : "", a, c);
	}
	sqlite3_finalize(s);
}

static int find_version(cov_store *st, const char *work, char sep, const char *date, const char *lang,
			cov_store_version *out)
{
	lib *l = st->impl;
	const char *qs;
	if (sep == '@')
		qs = "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
		     " WHERE v.work = ?1 AND v.date = ?2 ORDER BY v.lang = ?3 DESC, v.id DESC LIMIT 1";
	else if (sep == ':')
		qs = "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
		     " WHERE v.work = ?1 AND v.in_force_from IS NOT NULL AND v.in_force_from <= ?2"
		     " AND (v.in_force_until IS NULL OR v.in_force_until > ?2)"
		     " ORDER BY v.lang = ?3 DESC, v.in_force_from DESC, v.date DESC, v.id DESC LIMIT 1";
	else
		qs = "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
		     " WHERE v.work = ?1 ORDER BY v.lang = ?3 DESC, v.date DESC, v.id DESC LIMIT 1";
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, qs, -1, &s, NULL) != SQLITE_OK)
		return fail(st, "preparing");
	text(s, 1, work);
	text(s, 2, date);
	text(s, 3, lang ? lang : "");
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		fill_version(s, out);
	sqlite3_finalize(s);
	if (step == SQLITE_ROW)
		return out->work ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	if (step != SQLITE_DONE)
		return fail(st, "finding the version");
	return cov_store_not_found(st, work, sep, date, work_dates);
}

static int lib_find(cov_store *st, const char *work, char sep, const char *date, const char *lang,
		    cov_store_version *out)
{
	return find_version(st, work, sep, date, lang, out);
}

static int lib_get(cov_store *st, int64_t version, const char *what, char **out, size_t *len)
{
	lib *l = st->impl;
	const char *qs = strcmp(what, "text") == 0 ? "SELECT text, text_size FROM versions WHERE id = ?1"
			 : strcmp(what, "tree") == 0 ? "SELECT tree, tree_size FROM versions WHERE id = ?1"
			 : strcmp(what, "analysis") == 0 ? "SELECT analysis, analysis_size FROM versions WHERE id = ?1" : NULL;
	if (!qs)
		return cov_error_set(COV_EUSAGE, "no stored '%s'", what);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, qs, -1, &s, NULL) != SQLITE_OK)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, version);
	int step = sqlite3_step(s), rc = COV_OK;
	if (step == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		const void *p = sqlite3_column_blob(s, 0);
		size_t zn = (size_t)sqlite3_column_bytes(s, 0);
		sqlite3_int64 size = sqlite3_column_int64(s, 1);
		uLongf n = size > 0 ? (uLongf)size : 0;
		*out = size >= 0 && size < ((sqlite3_int64)1 << 32) ? malloc(n + 1) : NULL;
		if (!*out) {
			rc = size < 0 || size >= ((sqlite3_int64)1 << 32)
				     ? cov_error_set(COV_EIO, "%s: the library is damaged (a %s of %lld bytes)", st->path,
						     what, (long long)size)
				     : cov_error_set(COV_ENOMEM, "out of memory");
		} else if (uncompress((Bytef *)*out, &n, p ? p : (const void *)"", zn) != Z_OK ||
			   n != (uLongf)size) {
			free(*out);
			*out = NULL;
			rc = cov_error_set(COV_EIO, "%s: the library is damaged (the stored %s cannot be read)", st->path,
					   what);
		} else {
			(*out)[n] = 0;
			*len = n;
		}
	} else {
		rc = step == SQLITE_ROW || step == SQLITE_DONE
			     ? cov_error_set(COV_EINPUT, "%s: no %s stored for this version", st->path, what)
			     : fail(st, "reading");
	}
	sqlite3_finalize(s);
	return rc;
}

static int lib_article(cov_store *st, int64_t version, const char *num, char **eid, char **heading, char **txt)
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, "SELECT eid, heading, text FROM articles WHERE version = ?1 AND num = ?2"
				      " ORDER BY id LIMIT 1", -1, &s, NULL) != SQLITE_OK)
		return fail(st, "preparing");
	sqlite3_bind_int64(s, 1, version);
	text(s, 2, num);
	int step = sqlite3_step(s), rc = COV_OK;
	if (step == SQLITE_ROW) {
		*eid = col(s, 0);
		*heading = col(s, 1);
		*txt = col(s, 2);
		if (!*eid || !*heading || !*txt)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	} else {
		rc = step == SQLITE_DONE ? cov_error_set(COV_EINPUT, "no article %s in this version", num)
					 : fail(st, "reading");
	}
	sqlite3_finalize(s);
	return rc;
}

static int lib_works(cov_store *st, const char *work, cov_store_work_cb cb, void *ctx)
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, "SELECT id, country, title, kind FROM works WHERE ?1 IS NULL OR id = ?1"
				      " ORDER BY id", -1, &s, NULL) != SQLITE_OK)
		return fail(st, "preparing");
	text(s, 1, work);
	int step, rc = COV_OK;
	while (rc == COV_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		cov_store_work w = {(const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
				    (const char *)sqlite3_column_text(s, 2), (const char *)sqlite3_column_text(s, 3)};
		rc = cb(ctx, &w);
	}
	if (rc == COV_OK && step != SQLITE_DONE)
		rc = fail(st, "listing works");
	sqlite3_finalize(s);
	return rc;
}

static int lib_versions(cov_store *st, const char *work, cov_store_version_cb cb, void *ctx)
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
				      " WHERE v.work = ?1 ORDER BY v.date, v.id", -1, &s, NULL) != SQLITE_OK)
		return fail(st, "preparing");
	text(s, 1, work);
	cov_store_version v = {0};
	int step, rc = COV_OK;
	while (rc == COV_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		fill_version(s, &v);
		rc = v.work ? cb(ctx, &v) : cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (rc == COV_OK && step != SQLITE_DONE)
		rc = fail(st, "listing versions");
	cov_store_version_clear(&v);
	sqlite3_finalize(s);
	return rc;
}

static int lib_events(cov_store *st, const char *work, cov_store_event_cb cb, void *ctx)
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db,
			       "SELECT e.kind, e.date, e.act, e.ref, e.result, coalesce(e.turnout, -1),"
			       " coalesce(e.votes_for, -1), coalesce(e.votes_against, -1), e.source, v.date, v.lang"
			       " FROM events e JOIN versions v ON v.id = e.version WHERE v.work = ?1"
			       " ORDER BY e.date, e.kind = 'replaced' DESC, v.date, e.id", -1, &s, NULL) != SQLITE_OK)
		return fail(st, "preparing");
	text(s, 1, work);
	int step, rc = COV_OK;
	while (rc == COV_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		cov_store_event e = {
			.kind = (const char *)sqlite3_column_text(s, 0), .date = (const char *)sqlite3_column_text(s, 1),
			.act = (const char *)sqlite3_column_text(s, 2), .ref = (const char *)sqlite3_column_text(s, 3),
			.result = (const char *)sqlite3_column_text(s, 4), .turnout = sqlite3_column_double(s, 5),
			.votes_for = sqlite3_column_double(s, 6), .votes_against = sqlite3_column_double(s, 7),
			.source = (const char *)sqlite3_column_text(s, 8),
			.version_date = (const char *)sqlite3_column_text(s, 9),
			.version_lang = (const char *)sqlite3_column_text(s, 10)};
		rc = cb(ctx, &e);
	}
	if (rc == COV_OK && step != SQLITE_DONE)
		rc = fail(st, "reading events");
	sqlite3_finalize(s);
	return rc;
}

/* Matches ranked by BM25 (headings weigh double), filtered; with `best`
 * only the best article of each work (ties: the newest version).  Snippets
 * are made afterwards for the hits shown only. */
static int lib_search(cov_store *st, const cov_store_search_opts *o, cov_store_hit_cb cb, void *ctx)
{
	lib *l = st->impl;
	/* prepared once per connection: a query is then only run */
	sqlite3_stmt *s = q(st, o->best ? Q_SEARCH_BEST : Q_SEARCH), *h = NULL;
	if (!s)
		return fail(st, "preparing the search");
	text(s, 1, o->query);
	text(s, 2, o->country);
	text(s, 3, o->lang);
	text(s, 4, o->kind);
	text(s, 5, o->work);
	text(s, 6, o->in_force_at);
	sqlite3_bind_int(s, 7, o->right);
	sqlite3_bind_int64(s, 8, o->limit ? (sqlite3_int64)o->limit : 20);
	int64_t ids[1000];
	double scores[1000];
	size_t n = 0;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW && n < 1000) {
		ids[n] = sqlite3_column_int64(s, 0);
		scores[n++] = -sqlite3_column_double(s, 1);
	}
	int rc = COV_OK;
	if (step != SQLITE_DONE && step != SQLITE_ROW) {
		const char *msg = sqlite3_errmsg(l->db);
		/* SQLITE_ERROR from a prepared statement that ran before: the query */
		if (sqlite3_errcode(l->db) == SQLITE_ERROR)
			rc = cov_error_set(COV_EUSAGE, "cannot read the query «%s»: %s (put words with punctuation in "
					   "double quotes: '\"right-to-life\"')", o->query, msg);
		else
			rc = fail(st, "searching");
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc)
		return rc;
	if (n == 0)
		return COV_OK;
	if (!(h = q(st, Q_SNIPPET)))
		return fail(st, "preparing the snippets");
	cov_buf list, cols;
	cov_buf_init(&list);
	cov_buf_init(&cols);
	cov_buf_putc(&list, '[');
	for (size_t i = 0; i < n; i++)
		cov_buf_printf(&list, i ? ",%lld" : "%lld", (long long)ids[i]);
	cov_buf_putc(&list, ']');
	size_t(*at)[11] = calloc(n, sizeof *at); /* where each hit's columns start in cols */
	bool *got = calloc(n, sizeof *got);
	if (list.oom || !at || !got) {
		rc = cov_error_set(COV_ENOMEM, "out of memory");
		goto snippets_done;
	}
	text(h, 1, o->query);
	sqlite3_bind_text(h, 2, list.ptr, (int)list.len, SQLITE_STATIC);
	text(h, 3, o->mark_open ? o->mark_open : "");
	text(h, 4, o->mark_close ? o->mark_close : "");
	while ((step = sqlite3_step(h)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(h, 0);
		size_t i = 0;
		while (i < n && (ids[i] != id || got[i]))
			i++;
		if (i == n)
			continue;
		got[i] = true;
		for (int k = 0; k < 11; k++) {
			const char *c = (const char *)sqlite3_column_text(h, k + 1);
			at[i][k] = cols.len;
			cov_buf_puts(&cols, c ? c : "");
			cov_buf_putc(&cols, '\0');
		}
	}
	if (step != SQLITE_DONE)
		rc = fail(st, "making a snippet");
	else if (cols.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == COV_OK; i++) {
		if (!got[i]) {
			rc = cov_error_set(COV_EIO, "%s: making a snippet: article %lld is gone", st->path, (long long)ids[i]);
			break;
		}
		const char *c[11];
		for (int k = 0; k < 11; k++)
			c[k] = cols.ptr + at[i][k];
		cov_store_hit hit = {c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], scores[i]};
		rc = cb(ctx, &hit);
	}
snippets_done:
	cov_buf_free(&list);
	cov_buf_free(&cols);
	free(at);
	free(got);
	sqlite3_reset(h);
	sqlite3_clear_bindings(h);
	return rc;
}

static int lib_counts(cov_store *st, long counts[4])
{
	lib *l = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(l->db, "SELECT (SELECT count(*) FROM works), (SELECT count(*) FROM versions),"
				      " (SELECT count(*) FROM articles), (SELECT count(*) FROM events)", -1, &s, NULL) !=
	    SQLITE_OK)
		return fail(st, "preparing");
	int step = sqlite3_step(s);
	for (int i = 0; i < 4; i++)
		counts[i] = step == SQLITE_ROW ? sqlite3_column_int(s, i) : -1;
	sqlite3_finalize(s);
	return step == SQLITE_ROW ? COV_OK : fail(st, "counting");
}

static const cov_store_ops sqlite_ops = {
	"sqlite", lib_close, lib_begin, lib_commit, lib_rollback, lib_put, lib_same, lib_find, lib_get, lib_article,
	lib_works, lib_versions, lib_events, lib_search, lib_counts,
};
