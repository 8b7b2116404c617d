/*
 * pg.c — the library on a PostgreSQL server (libpq, loaded when first
 * needed: pg_dl.h), for a team: several people import at once, many read,
 * `covenant serve` answers them all.  The same commands, the same JSON as
 * the SQLite file (sqlite.c); the schema has the same version numbers, kept
 * in the table covenant_meta, and is migrated forward on opening.
 *
 * Every statement is PQexecParams with its values as parameters: nothing
 * from the input ever reaches SQL text.  An import is one transaction; a
 * version is unique by work, date and sha256, so two processes importing
 * the same file at once store it once (the second waits for the first and
 * finds it there).  Readers never wait (MVCC).  Full-text search is
 * PostgreSQL's own: each article's heading (weight A) and text (B) in a
 * tsvector of the `russian` configuration when it has Cyrillic letters
 * (Latin words are stemmed in English there too), else `english`; ranked
 * by ts_rank divided by 1 + log(length) (as BM25 discounts long articles,
 * so the same articles come first), snippets by ts_headline.  The query keeps FTS5's syntax
 * (words, "phrases", AND, OR, NOT, prefix*, parentheses), translated into a
 * tsquery here.
 *
 * The connection string is a postgresql:// URL, handed to libpq as it is
 * (TLS: sslmode, sslrootcert… pass through); what messages show is the URL
 * without its password.
 */
#include "store.h"
#include "../util/util.h"
#include "pg_dl.h"
#include "pg_store.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define APPLICATION "covenant"

/* Migrations: migrations[i] takes schema i to i + 1, numbered as SQLite's
 * (sqlite.c).  Add, never edit. */
static const char *const migrations[] = {
	/* 0 → 1 */
	"CREATE TABLE works("
	"  id text PRIMARY KEY, country text NOT NULL DEFAULT '', title text NOT NULL DEFAULT '',"
	"  kind text NOT NULL DEFAULT 'constitution');"
	"CREATE TABLE versions("
	"  id bigserial PRIMARY KEY, work text NOT NULL REFERENCES works(id),"
	"  lang text NOT NULL, date text NOT NULL, status text NOT NULL, source text NOT NULL,"
	"  sha256 text NOT NULL, title text NOT NULL DEFAULT '', imported text NOT NULL,"
	"  in_force_from text, in_force_until text, n_articles integer NOT NULL DEFAULT 0,"
	"  data_hash text NOT NULL DEFAULT '',"
	/* zlib-compressed (compress2), with their sizes before compression, as in SQLite */
	"  text bytea NOT NULL, text_size bigint NOT NULL, tree bytea NOT NULL, tree_size bigint NOT NULL,"
	"  analysis bytea, analysis_size bigint,"
	"  UNIQUE(work, date, lang, source), UNIQUE(work, date, sha256));"
	"CREATE INDEX versions_sha ON versions(work, sha256);"
	"CREATE TABLE events("
	"  id bigserial PRIMARY KEY, version bigint NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
	"  kind text NOT NULL, date text NOT NULL, act text NOT NULL DEFAULT '', ref text NOT NULL DEFAULT '',"
	"  result text NOT NULL DEFAULT '', turnout double precision, votes_for double precision,"
	"  votes_against double precision, source text NOT NULL DEFAULT 'flag');"
	"CREATE INDEX events_version ON events(version);"
	"CREATE TABLE articles("
	"  id bigserial PRIMARY KEY, version bigint NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
	"  eid text NOT NULL, num text NOT NULL, heading text NOT NULL, text text NOT NULL, line bigint,"
	"  cfg regconfig NOT NULL,"
	"  tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector(cfg, heading), 'A') ||"
	"    setweight(to_tsvector(cfg, text), 'B')) STORED);"
	"CREATE INDEX articles_version ON articles(version, num);"
	"CREATE INDEX articles_tsv ON articles USING gin(tsv);"
	"CREATE TABLE article_rights("
	"  article bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE, standard text NOT NULL,"
	"  \"right\" integer NOT NULL, PRIMARY KEY(article, standard, \"right\"));"
	"CREATE INDEX article_rights_right ON article_rights(standard, \"right\");",
};
#define SCHEMA ((int)(sizeof migrations / sizeof *migrations))

/* parameter types (pg_type OIDs) */
#define T_BYTEA 17
#define T_INT8 20
#define T_TEXT 25
#define T_FLOAT8 701

/* A version's articles and their rights, kept as PostgreSQL arrays (in
 * their text form) until the walker has seen them all, then stored by one
 * statement (put_batch). */
enum { B_EID, B_NUM, B_HEADING, B_TEXT, B_LINE, B_CFG, B_ORD, B_RIGHT, B_ARRAYS };
typedef struct batch {
	cov_buf a[B_ARRAYS];
	long n;
} batch;

typedef struct lib {
	PGconn *c;
	bool readonly;
	char *url; /* as given: libpq's conninfo */
	batch b;
} lib;

/* ---- parameters ---- */

#define MAX_PARAMS 20
typedef struct params {
	int n;
	const char *v[MAX_PARAMS];
	int len[MAX_PARAMS], fmt[MAX_PARAMS];
	Oid type[MAX_PARAMS];
	char num[MAX_PARAMS][32];
} params;

static void p_text(params *p, const char *s)
{
	p->type[p->n] = T_TEXT;
	p->v[p->n++] = s;
}

static void p_int(params *p, long long x)
{
	snprintf(p->num[p->n], sizeof p->num[0], "%lld", x);
	p->type[p->n] = T_INT8;
	p->v[p->n] = p->num[p->n];
	p->n++;
}

static void p_real(params *p, double x) /* < 0: NULL (unknown) */
{
	if (x >= 0)
		snprintf(p->num[p->n], sizeof p->num[0], "%.17g", x);
	p->type[p->n] = T_FLOAT8;
	p->v[p->n] = x >= 0 ? p->num[p->n] : NULL;
	p->n++;
}

static void p_blob(params *p, const void *bytes, size_t len)
{
	p->type[p->n] = T_BYTEA;
	p->fmt[p->n] = 1;
	p->len[p->n] = (int)len;
	p->v[p->n++] = bytes ? bytes : "";
}

/* ---- running statements ---- */

static void quiet(void *arg, const char *message)
{
	(void)arg, (void)message; /* NOTICEs (a query of stop words only) are not the user's business */
}

/* What a failed statement says: its primary message, one line. */
static const char *message_of(PGconn *c, const PGresult *r, char *buf, size_t cap)
{
	const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!m || !*m)
		m = PQerrorMessage(c);
	snprintf(buf, cap, "%s", m && *m ? m : "unknown error");
	for (char *e = buf; *e; e++)
		if (*e == '\n') {
			*e = 0;
			break;
		}
	return buf;
}

static _Thread_local int pg_rc = COV_EIO; /* the status of the last failure fail() reported */

static int fail_status(cov_store *st, const PGresult *r, const char *what);
static int fail(cov_store *st, const PGresult *r, const char *what)
{
	return pg_rc = fail_status(st, r, what);
}

static int fail_status(cov_store *st, const PGresult *r, const char *what)
{
	lib *l = st->impl;
	char m[512];
	message_of(l->c, r, m, sizeof m);
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (PQstatus(l->c) != CONNECTION_OK)
		return cov_error_set(COV_EIO, "%s: %s: the connection to the server was lost (%s)", st->path, what, m);
	if (state && strncmp(state, "53", 2) == 0)
		return cov_error_set(COV_EIO, "%s: %s: the server is out of resources (%s)", st->path, what, m);
	if (state && (strcmp(state, "40P01") == 0 || strcmp(state, "40001") == 0 || strcmp(state, "55P03") == 0))
		return cov_error_set(COV_EIO, "%s: %s: the library is busy (another import?): %s", st->path, what, m);
	if (state && (strcmp(state, "25006") == 0 || strncmp(state, "42501", 5) == 0))
		return cov_error_set(COV_EIO, "%s: cannot write the library (%s)", st->path, m);
	return cov_error_set(COV_EIO, "%s: %s: %s", st->path, what, m);
}

/* Run `sql` with parameters; NULL (and the error set) unless it succeeded.
 * Outside a transaction a connection found broken (the server restarted)
 * is opened again and the statement run once more. */
static PGresult *run_as(cov_store *st, const char *sql, const params *p, int binary, const char *what)
{
	lib *l = st->impl;
	for (int attempt = 0;; attempt++) {
		bool idle = PQtransactionStatus(l->c) == PQTRANS_IDLE;
		if (PQstatus(l->c) != CONNECTION_OK && attempt == 0)
			PQreset(l->c);
		PGresult *r = !p && !binary ? PQexec(l->c, sql) /* several statements: a migration */
			    : PQexecParams(l->c, sql, p ? p->n : 0, p ? p->type : NULL, p ? p->v : NULL,
					   p ? p->len : NULL, p ? p->fmt : NULL, binary);
		ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
		if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
			return r;
		if (attempt == 0 && idle && PQstatus(l->c) != CONNECTION_OK) {
			PQclear(r);
			PQreset(l->c);
			if (PQstatus(l->c) == CONNECTION_OK)
				continue;
			fail(st, NULL, what);
			return NULL;
		}
		fail(st, r, what);
		PQclear(r);
		return NULL;
	}
}

static PGresult *run(cov_store *st, const char *sql, const params *p, const char *what)
{
	return run_as(st, sql, p, 0, what);
}

static int exec(cov_store *st, const char *sql, const char *what)
{
	PGresult *r = run(st, sql, NULL, what);
	PQclear(r);
	return r ? COV_OK : pg_rc;
}

static char *val(const PGresult *r, int row, int col)
{
	return strdup(PQgetvalue(r, row, col));
}

/* ---- the URL shown: no password ---- */

/* "postgresql://user:secret@host/db?sslmode=require&password=x" →
 * "postgresql://user@host/db?sslmode=require" */
char *cov_store_pg_display(const char *url)
{
	cov_buf b;
	cov_buf_init(&b);
	const char *rest = strstr(url, "://");
	rest = rest ? rest + 3 : url;
	cov_buf_put(&b, url, (size_t)(rest - url));
	size_t auth = strcspn(rest, "/?");
	const char *at = memchr(rest, '@', auth);
	if (at) {
		size_t user = strcspn(rest, ":@");
		cov_buf_put(&b, rest, user);
		cov_buf_put(&b, at, auth - (size_t)(at - rest));
	} else {
		cov_buf_put(&b, rest, auth);
	}
	rest += auth;
	size_t path = strcspn(rest, "?");
	cov_buf_put(&b, rest, path);
	rest += path;
	if (*rest == '?') {
		rest++;
		bool first = true;
		while (*rest) {
			size_t n = strcspn(rest, "&");
			bool secret = (n >= 9 && strncmp(rest, "password=", 9) == 0) ||
				      (n >= 12 && strncmp(rest, "sslpassword=", 12) == 0);
			if (!secret && n) {
				cov_buf_putc(&b, first ? '?' : '&');
				cov_buf_put(&b, rest, n);
				first = false;
			}
			rest += n;
			if (*rest == '&')
				rest++;
		}
	}
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	return cov_buf_detach(&b, NULL);
}

/* ---- open, schema, migrations ---- */

static int meta(cov_store *st, int *version, bool *ours, int *tables)
{
	PGresult *r = run(st,
			  "SELECT to_regclass('covenant_meta') IS NOT NULL, (SELECT count(*) FROM pg_tables"
			  " WHERE schemaname = current_schema())",
			  NULL, "reading the schema");
	if (!r)
		return pg_rc;
	bool has_meta = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	*tables = atoi(PQgetvalue(r, 0, 1));
	PQclear(r);
	*version = 0;
	*ours = !has_meta && *tables == 0;
	if (!has_meta)
		return COV_OK;
	r = run(st, "SELECT (SELECT value FROM covenant_meta WHERE key = 'application'),"
		    " (SELECT value FROM covenant_meta WHERE key = 'schema')",
		NULL, "reading the schema");
	if (!r)
		return pg_rc;
	*ours = strcmp(PQgetvalue(r, 0, 0), APPLICATION) == 0;
	*version = atoi(PQgetvalue(r, 0, 1));
	PQclear(r);
	return COV_OK;
}

static int migrate(cov_store *st)
{
	int rc = exec(st, "BEGIN", "migrating the schema");
	if (rc)
		return rc;
	/* one process migrates; the others wait here, then find it done */
	if ((rc = exec(st, "SELECT pg_advisory_xact_lock(1129272908)", "migrating the schema")) == COV_OK)
		rc = exec(st,
			  "CREATE TABLE IF NOT EXISTS covenant_meta(key text PRIMARY KEY, value text NOT NULL);"
			  "INSERT INTO covenant_meta VALUES('application', 'covenant'), ('schema', '0')"
			  " ON CONFLICT (key) DO NOTHING",
			  "creating the schema");
	int now = 0;
	bool ours = false;
	int tables = 0;
	if (rc == COV_OK)
		rc = meta(st, &now, &ours, &tables);
	for (int v = now; rc == COV_OK && v < SCHEMA; v++) {
		rc = exec(st, migrations[v], "migrating the schema");
		params p = {0};
		p_int(&p, v + 1);
		PGresult *r = rc ? NULL : run(st, "UPDATE covenant_meta SET value = $1::text WHERE key = 'schema'", &p,
					      "migrating the schema");
		if (!rc && !r)
			rc = pg_rc;
		PQclear(r);
	}
	if (rc == COV_OK)
		rc = exec(st, "COMMIT", "migrating the schema");
	if (rc) {
		char keep[1024];
		snprintf(keep, sizeof keep, "%s", cov_error_last());
		PQclear(PQexec(((lib *)st->impl)->c, "ROLLBACK"));
		return cov_error_set(rc, "%s", keep);
	}
	return COV_OK;
}

static const cov_store_ops pg_ops;

bool cov_store_is_pg_url(const char *s)
{
	return strncmp(s, "postgresql://", 13) == 0 || strncmp(s, "postgres://", 11) == 0;
}

int cov_store_pg_open(const char *url, unsigned flags, cov_store **out)
{
	*out = NULL;
	int loaded = cov_pg_load();
	if (loaded)
		return loaded;
	bool ro = flags & COV_STORE_READONLY;
	cov_store *st = calloc(1, sizeof *st);
	lib *l = calloc(1, sizeof *l);
	char *shown = cov_store_pg_display(url), *u = strdup(url);
	if (!st || !l || !shown || !u) {
		free(st), free(l), free(shown), free(u);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	st->ops = &pg_ops;
	st->impl = l;
	st->path = shown;
	l->url = u;
	l->readonly = ro;
	int rc = COV_OK;
	l->c = PQconnectdb(url);
	if (!l->c || PQstatus(l->c) != CONNECTION_OK) {
		char m[512];
		if (l->c)
			message_of(l->c, NULL, m, sizeof m);
		rc = cov_error_set(COV_EIO, "%s: cannot connect to the PostgreSQL server: %s", shown,
				   l->c ? m : "out of memory");
		goto out;
	}
	PQsetNoticeProcessor(l->c, quiet, NULL);
	if ((rc = exec(st, "SET client_encoding = 'UTF8'", "connecting")))
		goto out;
	if (ro && (rc = exec(st, "SET default_transaction_read_only = on", "connecting")))
		goto out;
	int version, tables;
	bool ours;
	if ((rc = meta(st, &version, &ours, &tables)))
		goto out;
	if (!ours) {
		rc = cov_error_set(COV_EIO, "%s: a PostgreSQL database, but not a covenant library (it has %d other "
				   "tables; give an empty database)", shown, tables);
		goto out;
	}
	if (version > SCHEMA) {
		rc = cov_error_set(COV_EIO, "%s: written by a newer covenant (library schema %d; this one reads up to %d): "
				   "update covenant", shown, version, SCHEMA);
		goto out;
	}
	if (ro) {
		if (version == 0)
			rc = cov_error_set(COV_EIO, "%s: an empty library (covenant db init makes it; then import texts: "
					   "covenant import FILE --work ID)", shown);
		goto out;
	}
	if (version < SCHEMA)
		rc = migrate(st);
out:
	if (rc) {
		pg_ops.close(st);
		return rc;
	}
	*out = st;
	return COV_OK;
}

int cov_store_schema(cov_store *st, int *version, int *latest)
{
	*latest = st->ops == &pg_ops ? SCHEMA : 0;
	if (st->ops != &pg_ops)
		return cov_error_set(COV_EUSAGE, "not a PostgreSQL library");
	bool ours;
	int tables;
	return meta(st, version, &ours, &tables);
}

static void lib_close(cov_store *st)
{
	lib *l = st->impl;
	if (l) {
		if (l->c)
			PQfinish(l->c);
		free(l->url);
		for (int i = 0; i < B_ARRAYS; i++)
			cov_buf_free(&l->b.a[i]);
		free(l);
	}
	free(st->path);
	free(st);
}

static int lib_begin(cov_store *st)
{
	return exec(st, "BEGIN", "starting the import");
}

static int lib_commit(cov_store *st)
{
	lib *l = st->impl;
	if (PQtransactionStatus(l->c) == PQTRANS_INERROR) {
		PQclear(PQexec(l->c, "ROLLBACK"));
		return cov_error_set(COV_EIO, "%s: the import failed and was rolled back", st->path);
	}
	return exec(st, "COMMIT", "committing the import");
}

static void lib_rollback(cov_store *st)
{
	lib *l = st->impl;
	PGTransactionStatusType t = PQtransactionStatus(l->c);
	if (t == PQTRANS_INTRANS || t == PQTRANS_INERROR)
		PQclear(PQexec(l->c, "ROLLBACK"));
}

/* ---- reading a version ---- */

#define VERSION_COLUMNS \
	"v.id, v.work, w.country, CASE WHEN w.title <> '' THEN w.title ELSE v.title END, w.kind, v.lang," \
	" v.date, v.status, v.source, v.sha256, coalesce(v.in_force_from, ''), coalesce(v.in_force_until, '')," \
	" v.data_hash, v.n_articles, v.text_size"

static bool fill_version(const PGresult *r, int row, cov_store_version *v)
{
	cov_store_version_clear(v);
	v->id = strtoll(PQgetvalue(r, row, 0), NULL, 10);
	char **f[] = {&v->work, &v->country, &v->title, &v->kind, &v->lang, &v->date, &v->status,
		      &v->source, &v->sha256, &v->in_force_from, &v->in_force_until, &v->data_hash};
	bool ok = true;
	for (int i = 0; i < 12; i++)
		ok &= (*f[i] = val(r, row, i + 1)) != NULL;
	v->n_articles = atol(PQgetvalue(r, row, 13));
	v->text_bytes = (size_t)strtoull(PQgetvalue(r, row, 14), NULL, 10);
	return ok;
}

static int version_by_id(cov_store *st, int64_t id, cov_store_version *v)
{
	params p = {0};
	p_int(&p, id);
	PGresult *r = run(st, "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work WHERE v.id = $1",
			  &p, "reading");
	if (!r)
		return pg_rc;
	int rc = PQntuples(r) == 0 ? cov_error_set(COV_EINPUT, "no version %lld", (long long)id)
	       : fill_version(r, 0, v) ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	PQclear(r);
	return rc;
}

static int lib_same(cov_store *st, const char *work, const char *sha, cov_store_version *out)
{
	params p = {0};
	p_text(&p, work);
	p_text(&p, sha);
	PGresult *r = run(st, "SELECT id FROM versions WHERE work = $1 AND sha256 = $2 ORDER BY id LIMIT 1", &p,
			  "looking for the same file");
	if (!r)
		return pg_rc;
	int64_t id = PQntuples(r) ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : 0;
	PQclear(r);
	if (!id)
		return 0;
	int rc = out ? version_by_id(st, id, out) : COV_OK;
	return rc ? rc : 1;
}

/* ---- put ---- */

/* Cyrillic letters (U+0400–U+04FF: lead bytes 0xD0–0xD3): Russian stems. */
const char *cov_store_pg_config(const char *heading, const char *text, size_t len)
{
	for (const char *p = heading; *p; p++)
		if ((unsigned char)*p >= 0xD0 && (unsigned char)*p <= 0xD3)
			return "russian";
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0xD0 && (unsigned char)text[i] <= 0xD3)
			return "russian";
	return "english";
}

static int insert_event(cov_store *st, int64_t version, const cov_store_event *ev)
{
	params p = {0};
	p_int(&p, version);
	p_text(&p, ev->kind);
	p_text(&p, ev->date);
	p_text(&p, ev->act ? ev->act : "");
	p_text(&p, ev->ref ? ev->ref : "");
	p_text(&p, ev->result ? ev->result : "");
	p_real(&p, ev->turnout);
	p_real(&p, ev->votes_for);
	p_real(&p, ev->votes_against);
	p_text(&p, ev->source ? ev->source : "flag");
	PGresult *r = run(st,
			  "INSERT INTO events(version, kind, date, act, ref, result, turnout, votes_for, votes_against,"
			  " source) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
			  &p, "storing an event");
	PQclear(r);
	return r ? COV_OK : pg_rc;
}

/* ---- a version's articles and rights: one statement ---- */

static void batch_reset(batch *b)
{
	for (int i = 0; i < B_ARRAYS; i++) {
		b->a[i].len = 0;
		cov_buf_putc(&b->a[i], '{');
	}
	b->n = 0;
}

/* One element more of an array: a quoted string ("…", with \ before " and \). */
static void batch_text(cov_buf *b, const char *s, size_t n)
{
	if (b->len > 1)
		cov_buf_putc(b, ',');
	cov_buf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && s[k] != '"' && s[k] != '\\')
			k++;
		cov_buf_put(b, s + i, k - i);
		if (k == n)
			break;
		cov_buf_putc(b, '\\');
		cov_buf_putc(b, s[k]);
		i = k + 1;
	}
	cov_buf_putc(b, '"');
}

static void batch_int(cov_buf *b, long long x)
{
	cov_buf_printf(b, b->len > 1 ? ",%lld" : "%lld", x);
}

/* Kept for put_batch; the row is the article's place in the version (1, 2…). */
static int put_article(cov_store *st, int64_t version, const cov_node *node, const char *text, size_t len,
		       int64_t *row)
{
	(void)version;
	batch *b = &((lib *)st->impl)->b;
	const char *eid = cov_node_eid(node), *num = cov_node_num(node), *heading = cov_node_heading(node);
	batch_text(&b->a[B_EID], eid, strlen(eid));
	batch_text(&b->a[B_NUM], num, strlen(num));
	batch_text(&b->a[B_HEADING], heading, strlen(heading));
	batch_text(&b->a[B_TEXT], text, len);
	batch_int(&b->a[B_LINE], (long long)cov_node_line(node));
	const char *cfg = cov_store_pg_config(heading, text, len);
	batch_text(&b->a[B_CFG], cfg, strlen(cfg));
	*row = ++b->n;
	return COV_OK;
}

static int put_right(cov_store *st, int64_t row, int right)
{
	batch *b = &((lib *)st->impl)->b;
	batch_int(&b->a[B_ORD], row);
	batch_int(&b->a[B_RIGHT], right);
	return COV_OK;
}

/* The articles with ids taken from their sequence in their order (as one
 * INSERT each would), then the rights, joined to them by place. */
static int put_batch(cov_store *st, int64_t version)
{
	batch *b = &((lib *)st->impl)->b;
	if (!b->n)
		return COV_OK;
	params p = {0};
	p_int(&p, version);
	for (int i = 0; i < B_ARRAYS; i++) {
		cov_buf_putc(&b->a[i], '}');
		cov_buf_putc(&b->a[i], '\0');
		if (b->a[i].oom)
			return cov_error_set(COV_ENOMEM, "out of memory");
		p_text(&p, b->a[i].ptr);
		p.type[p.n - 1] = 0; /* the statement's casts say which array */
	}
	PGresult *r = run(st,
			  "WITH a AS MATERIALIZED (SELECT nextval('articles_id_seq') AS id, u.* FROM"
			  "  unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::regconfig[])"
			  "  WITH ORDINALITY AS u(eid, num, heading, text, line, cfg, ord)),"
			  " ins AS (INSERT INTO articles(id, version, eid, num, heading, text, line, cfg)"
			  "  SELECT id, $1, eid, num, heading, text, line, cfg FROM a ORDER BY ord)"
			  " INSERT INTO article_rights(article, standard, \"right\")"
			  "  SELECT DISTINCT a.id, 'iccpr', r.r FROM unnest($8::bigint[], $9::integer[]) AS r(ord, r)"
			  "  JOIN a ON a.ord = r.ord ON CONFLICT DO NOTHING",
			  &p, "storing the articles");
	PQclear(r);
	return r ? COV_OK : pg_rc;
}

static const cov_store_article_sink article_sink = {put_article, put_right, put_batch};

/* A version is in force from its in_force_from until the first of: a
 * repealed or replaced event, the in-force date of a later version of the
 * same work in the same language. */
static int refresh(cov_store *st, const char *work)
{
	params p = {0};
	p_text(&p, work);
	PGresult *r = run(st,
			  "UPDATE versions SET in_force_until = (SELECT min(d) FROM ("
			  " SELECT e.date AS d FROM events e WHERE e.version = versions.id"
			  "  AND e.kind IN ('repealed', 'replaced')"
			  " UNION ALL SELECT o.in_force_from FROM versions o WHERE o.work = versions.work"
			  "  AND o.lang = versions.lang AND o.in_force_from > versions.in_force_from) AS x)"
			  " WHERE work = $1",
			  &p, "dating the versions");
	PQclear(r);
	return r ? COV_OK : pg_rc;
}

/* Compress for storage (zlib level 1, as sqlite.c). */
static int deflate_blob(const char *raw, size_t len, Bytef **z, uLongf *zl)
{
	*zl = compressBound(len);
	*z = malloc(*zl);
	if (!*z || compress2(*z, zl, (const Bytef *)raw, len, 1) != Z_OK)
		return cov_error_set(COV_ENOMEM, "out of memory");
	return COV_OK;
}

static int lib_put(cov_store *st, const cov_data *data, const cov_doc *doc, const cov_review *review,
		   const unsigned char *bytes, size_t len, const cov_store_version_in *in,
		   cov_store_put_result *result, cov_store_version *out)
{
	lib *l = st->impl;
	char sha[65];
	cov_store_sha256(bytes, len, sha);
	if (!sha[0])
		return COV_EDATA;
	cov_store_version tmp = {0};
	int rc = lib_same(st, in->work, sha, out ? out : &tmp);
	cov_store_version_clear(&tmp);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		*result = COV_STORE_UNCHANGED;
		return COV_OK;
	}
	/* a transaction of its own, or a savepoint in the caller's */
	bool own = PQtransactionStatus(l->c) == PQTRANS_IDLE;
	if ((rc = exec(st, own ? "BEGIN" : "SAVEPOINT put", "storing the version")))
		return rc;
	*result = COV_STORE_IMPORTED;
	bool raced = false;
	const char *lang = in->lang && *in->lang ? in->lang : cov_doc_language(doc);
	const char *status = in->status && *in->status ? in->status : "in-force";
	char *tree = NULL, *analysis = NULL;
	size_t tree_len = 0, analysis_len = 0;
	Bytef *z[3] = {NULL, NULL, NULL};
	int64_t id = 0;
	PGresult *r;
	/* the previous import of the same file name for this work, date and language */
	params p = {0};
	p_text(&p, in->work);
	p_text(&p, in->date);
	p_text(&p, lang);
	p_text(&p, in->source);
	if (!(r = run(st, "SELECT id FROM versions WHERE work = $1 AND date = $2 AND lang = $3 AND source = $4", &p,
		      "looking for the previous import"))) {
		rc = pg_rc;
		goto out;
	}
	if (PQntuples(r)) {
		params d = {0};
		p_text(&d, PQgetvalue(r, 0, 0));
		PGresult *dr = run(st, "DELETE FROM versions WHERE id = $1::bigint", &d, "removing the old version");
		*result = COV_STORE_UPDATED;
		if (!dr)
			rc = pg_rc;
		PQclear(dr);
	}
	PQclear(r);
	if (rc)
		goto out;

	bool title_given = in->title && *in->title;
	bool kind_given = in->kind && *in->kind;
	p = (params){0};
	p_text(&p, in->work);
	p_text(&p, in->country ? in->country : "");
	p_text(&p, title_given ? in->title : cov_doc_title(doc));
	p_text(&p, kind_given ? in->kind : "constitution");
	p_text(&p, title_given ? "t" : "f");
	p_text(&p, kind_given ? "t" : "f");
	p.type[4] = p.type[5] = 16; /* bool */
	if (!(r = run(st,
		      "INSERT INTO works(id, country, title, kind) VALUES($1, $2, $3, $4) ON CONFLICT(id) DO UPDATE SET"
		      " country = CASE WHEN excluded.country <> '' THEN excluded.country ELSE works.country END,"
		      " title = CASE WHEN $5 OR works.title = '' THEN excluded.title ELSE works.title END,"
		      " kind = CASE WHEN $6 THEN excluded.kind ELSE works.kind END",
		      &p, "storing the work"))) {
		rc = pg_rc;
		goto out;
	}
	PQclear(r);

	/* in force from: the in-force event, else the date of a text that is law */
	const char *from = NULL;
	for (size_t i = 0; i < in->n_events; i++)
		if (strcmp(in->events[i].kind, "in-force") == 0)
			from = in->events[i].date;
	if (!from && strcmp(status, "draft") != 0)
		from = in->date;

	rc = cov_render_string(doc, COV_RENDER_JSON, &tree, &tree_len);
	if (rc == COV_OK && review) {
		cov_review_options ro = {COV_SEVERITY_LOW, 1, 0};
		rc = cov_render_review_string(data, review, COV_REVIEW_JSON, &ro, &analysis, &analysis_len);
	}
	size_t tl;
	const char *t = cov_doc_text(doc, &tl);
	const char *raw[3] = {t, tree, analysis};
	size_t raw_len[3] = {tl, tree_len, analysis_len};
	uLongf zl[3] = {0, 0, 0};
	for (int i = 0; i < 3 && rc == COV_OK; i++)
		if (raw[i])
			rc = deflate_blob(raw[i], raw_len[i], &z[i], &zl[i]);
	if (rc)
		goto out;
	p = (params){0};
	p_text(&p, in->work);
	p_text(&p, lang);
	p_text(&p, in->date);
	p_text(&p, status);
	p_text(&p, in->source);
	p_text(&p, sha);
	p_text(&p, cov_doc_title(doc));
	p_text(&p, from);
	p_text(&p, in->data_hash ? in->data_hash : "");
	for (int i = 0; i < 3; i++) {
		if (z[i]) {
			p_blob(&p, z[i], zl[i]);
			p_int(&p, (long long)raw_len[i]);
		} else {
			p_blob(&p, NULL, 0);
			p.v[p.n - 1] = NULL;
			p_int(&p, 0);
			p.v[p.n - 1] = NULL;
		}
	}
	/* the same work, date and bytes stored meanwhile by another import: nothing to do */
	if (!(r = run(st,
		      "INSERT INTO versions(work, lang, date, status, source, sha256, title, imported, in_force_from,"
		      " data_hash, text, text_size, tree, tree_size, analysis, analysis_size)"
		      " VALUES($1, $2, $3, $4, $5, $6, $7, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
		      " $8, $9, $10, $11, $12, $13, $14, $15)"
		      " ON CONFLICT (work, date, sha256) DO NOTHING RETURNING id",
		      &p, "storing the version"))) {
		rc = pg_rc;
		goto out;
	}
	raced = PQntuples(r) == 0;
	id = raced ? 0 : strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	if (raced)
		goto out;
	long n_articles = 0;
	batch_reset(&l->b);
	if ((rc = cov_store_put_articles(st, doc, review, id, &n_articles, &article_sink)))
		goto out;
	p = (params){0};
	p_int(&p, id);
	p_int(&p, n_articles);
	if (!(r = run(st, "UPDATE versions SET n_articles = $2 WHERE id = $1", &p, "storing the version"))) {
		rc = pg_rc;
		goto out;
	}
	PQclear(r);
	for (size_t i = 0; i < in->n_events && rc == COV_OK; i++)
		rc = insert_event(st, id, &in->events[i]);
	if (rc == COV_OK)
		rc = cov_store_put_amendments(st, doc, id, insert_event);
	if (rc == COV_OK && in->replaces && *in->replaces)
		rc = cov_store_put_replaces(st, in, from ? from : in->date, insert_event, refresh);
	if (rc == COV_OK)
		rc = refresh(st, in->work);
out:
	for (int i = 0; i < 3; i++)
		free(z[i]);
	free(tree);
	free(analysis);
	if (rc || raced) {
		char keep[1024];
		snprintf(keep, sizeof keep, "%s", rc ? cov_error_last() : "");
		if (PQstatus(l->c) == CONNECTION_OK)
			PQclear(PQexec(l->c, own ? "ROLLBACK" : "ROLLBACK TO put; RELEASE put"));
		if (rc)
			return cov_error_set(rc, "%s", keep);
		*result = COV_STORE_UNCHANGED;
		rc = lib_same(st, in->work, sha, out ? out : &tmp);
		cov_store_version_clear(&tmp);
		return rc < 0 ? rc : COV_OK;
	}
	if ((rc = exec(st, own ? "COMMIT" : "RELEASE put", "storing the version")))
		return rc;
	return out ? version_by_id(st, id, out) : COV_OK;
}

/* ---- reading ---- */

/* The dates a work has, for messages: "1995-08-30, 2026-02-12". */
static void work_dates(cov_store *st, const char *work, bool in_force, cov_buf *b)
{
	params p = {0};
	p_text(&p, work);
	PGresult *r = run(st,
			  in_force ? "SELECT in_force_from, coalesce(in_force_until, '') FROM versions WHERE work = $1"
				     " AND in_force_from IS NOT NULL ORDER BY in_force_from"
				   : "SELECT date, lang FROM versions WHERE work = $1 ORDER BY date",
			  &p, "reading");
	if (!r)
		return;
	for (int i = 0; i < PQntuples(r) && i < 40; i++) {
		const char *a = PQgetvalue(r, i, 0), *c = PQgetvalue(r, i, 1);
		if (in_force)
			cov_buf_printf(b, "%s%s → %s", i ? ", " : "", a, *c ? c : "now");
		else
			cov_buf_printf(b, "%s%s (%s)", i ? ", " : "", a, c);
	}
	PQclear(r);
}

static int lib_find(cov_store *st, const char *work, char sep, const char *date, const char *lang,
		    cov_store_version *out)
{
	const char *qs;
	if (sep == '@')
		qs = "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
		     " WHERE v.work = $1 AND v.date = $2 ORDER BY v.lang = $3 DESC, v.id DESC LIMIT 1";
	else if (sep == ':')
		qs = "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
		     " WHERE v.work = $1 AND v.in_force_from IS NOT NULL AND v.in_force_from <= $2"
		     " AND (v.in_force_until IS NULL OR v.in_force_until > $2)"
		     " ORDER BY v.lang = $3 DESC, v.in_force_from DESC, v.date DESC, v.id DESC LIMIT 1";
	else
		qs = "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
		     " WHERE v.work = $1 ORDER BY v.lang = $3 DESC, v.date DESC, v.id DESC LIMIT 1";
	params p = {0};
	p_text(&p, work);
	p_text(&p, date);
	p_text(&p, lang ? lang : "");
	PGresult *r = run(st, qs, &p, "finding the version");
	if (!r)
		return pg_rc;
	if (PQntuples(r)) {
		bool ok = fill_version(r, 0, out);
		PQclear(r);
		return ok ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	}
	PQclear(r);
	return cov_store_not_found(st, work, sep, date, work_dates);
}

static uint64_t be64(const unsigned char *p)
{
	uint64_t x = 0;
	for (int i = 0; i < 8; i++)
		x = x << 8 | p[i];
	return x;
}

static int lib_get(cov_store *st, int64_t version, const char *what, char **out, size_t *len)
{
	const char *qs = strcmp(what, "text") == 0 ? "SELECT text, text_size FROM versions WHERE id = $1"
			 : strcmp(what, "tree") == 0 ? "SELECT tree, tree_size FROM versions WHERE id = $1"
			 : strcmp(what, "analysis") == 0 ? "SELECT analysis, analysis_size FROM versions WHERE id = $1"
							 : NULL;
	if (!qs)
		return cov_error_set(COV_EUSAGE, "no stored '%s'", what);
	params p = {0};
	p_int(&p, version);
	PGresult *r = run_as(st, qs, &p, 1, "reading"); /* binary: the blob as it is */
	if (!r)
		return pg_rc;
	int rc = COV_OK;
	if (PQntuples(r) && !PQgetisnull(r, 0, 0) && PQgetlength(r, 0, 1) == 8) {
		const void *zp = PQgetvalue(r, 0, 0);
		size_t zn = (size_t)PQgetlength(r, 0, 0);
		int64_t size = (int64_t)be64((const unsigned char *)PQgetvalue(r, 0, 1));
		uLongf n = size > 0 ? (uLongf)size : 0;
		*out = size >= 0 && size < ((int64_t)1 << 32) ? malloc(n + 1) : NULL;
		if (!*out) {
			rc = size < 0 || size >= ((int64_t)1 << 32)
				     ? cov_error_set(COV_EIO, "%s: the library is damaged (a %s of %lld bytes)", st->path,
						     what, (long long)size)
				     : cov_error_set(COV_ENOMEM, "out of memory");
		} else if (uncompress((Bytef *)*out, &n, zp, zn) != Z_OK || n != (uLongf)size) {
			free(*out);
			*out = NULL;
			rc = cov_error_set(COV_EIO, "%s: the library is damaged (the stored %s cannot be read)", st->path,
					   what);
		} else {
			(*out)[n] = 0;
			*len = n;
		}
	} else {
		rc = cov_error_set(COV_EINPUT, "%s: no %s stored for this version", st->path, what);
	}
	PQclear(r);
	return rc;
}

static int lib_article(cov_store *st, int64_t version, const char *num, char **eid, char **heading, char **txt)
{
	params p = {0};
	p_int(&p, version);
	p_text(&p, num);
	PGresult *r = run(st, "SELECT eid, heading, text FROM articles WHERE version = $1 AND num = $2 ORDER BY id LIMIT 1",
			  &p, "reading");
	if (!r)
		return pg_rc;
	int rc = COV_OK;
	if (PQntuples(r)) {
		*eid = val(r, 0, 0);
		*heading = val(r, 0, 1);
		*txt = val(r, 0, 2);
		if (!*eid || !*heading || !*txt)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	} else {
		rc = cov_error_set(COV_EINPUT, "no article %s in this version", num);
	}
	PQclear(r);
	return rc;
}

static int lib_works(cov_store *st, const char *work, cov_store_work_cb cb, void *ctx)
{
	params p = {0};
	p_text(&p, work);
	PGresult *r = run(st, "SELECT id, country, title, kind FROM works WHERE $1::text IS NULL OR id = $1 ORDER BY id",
			  &p, "listing works");
	if (!r)
		return pg_rc;
	int rc = COV_OK;
	for (int i = 0; rc == COV_OK && i < PQntuples(r); i++) {
		cov_store_work w = {PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), PQgetvalue(r, i, 3)};
		rc = cb(ctx, &w);
	}
	PQclear(r);
	return rc;
}

static int lib_versions(cov_store *st, const char *work, cov_store_version_cb cb, void *ctx)
{
	params p = {0};
	p_text(&p, work);
	PGresult *r = run(st, "SELECT " VERSION_COLUMNS " FROM versions v JOIN works w ON w.id = v.work"
			      " WHERE v.work = $1 ORDER BY v.date, v.id",
			  &p, "listing versions");
	if (!r)
		return pg_rc;
	cov_store_version v = {0};
	int rc = COV_OK;
	for (int i = 0; rc == COV_OK && i < PQntuples(r); i++)
		rc = fill_version(r, i, &v) ? cb(ctx, &v) : cov_error_set(COV_ENOMEM, "out of memory");
	cov_store_version_clear(&v);
	PQclear(r);
	return rc;
}

static int lib_events(cov_store *st, const char *work, cov_store_event_cb cb, void *ctx)
{
	params p = {0};
	p_text(&p, work);
	PGresult *r = run(st,
			  "SELECT e.kind, e.date, e.act, e.ref, e.result, coalesce(e.turnout, -1),"
			  " coalesce(e.votes_for, -1), coalesce(e.votes_against, -1), e.source, v.date, v.lang"
			  " FROM events e JOIN versions v ON v.id = e.version WHERE v.work = $1"
			  " ORDER BY e.date, e.kind = 'replaced' DESC, v.date, e.id",
			  &p, "reading events");
	if (!r)
		return pg_rc;
	int rc = COV_OK;
	for (int i = 0; rc == COV_OK && i < PQntuples(r); i++) {
		cov_store_event e = {
			.kind = PQgetvalue(r, i, 0), .date = PQgetvalue(r, i, 1), .act = PQgetvalue(r, i, 2),
			.ref = PQgetvalue(r, i, 3), .result = PQgetvalue(r, i, 4), .turnout = atof(PQgetvalue(r, i, 5)),
			.votes_for = atof(PQgetvalue(r, i, 6)), .votes_against = atof(PQgetvalue(r, i, 7)),
			.source = PQgetvalue(r, i, 8), .version_date = PQgetvalue(r, i, 9),
			.version_lang = PQgetvalue(r, i, 10)};
		rc = cb(ctx, &e);
	}
	PQclear(r);
	return rc;
}

/* ---- search ---- */

/* FTS5's query syntax as a tsquery: barewords (letters, digits, _ and any
 * non-ASCII), "strings" (a phrase; "" is a quote), prefix*, AND, OR, NOT
 * (binary, binding tightest), parentheses; anything else is an error, as
 * FTS5 says.  Each word or phrase becomes a quoted tsquery token, which
 * to_tsquery stems with the configuration (a phrase: <->). */
typedef struct tsq {
	const char *s, *at;
	cov_buf *out;
	const char *err;
} tsq;

static int q_or(tsq *q);

static void q_space(tsq *q)
{
	while (*q->at == ' ' || *q->at == '\t' || *q->at == '\n' || *q->at == '\r')
		q->at++;
}

static bool bare(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80;
}

static bool q_keyword(tsq *q, const char *kw)
{
	size_t n = strlen(kw);
	return strncmp(q->at, kw, n) == 0 && !bare((unsigned char)q->at[n]);
}

static void q_token(cov_buf *out, const char *s, size_t n, bool string)
{
	cov_buf_putc(out, '\'');
	for (size_t i = 0; i < n; i++) {
		if (string && s[i] == '"' && i + 1 < n && s[i + 1] == '"')
			i++;
		if (s[i] == '\'' || s[i] == '\\')
			cov_buf_putc(out, s[i]);
		cov_buf_putc(out, s[i]);
	}
	cov_buf_putc(out, '\'');
}

static int q_primary(tsq *q)
{
	q_space(q);
	const char *p = q->at;
	if (*p == '(') {
		q->at++;
		cov_buf_putc(q->out, '(');
		int rc = q_or(q);
		if (rc)
			return rc;
		q_space(q);
		if (*q->at != ')') {
			q->err = *q->at ? "expected )" : "unclosed (";
			return -1;
		}
		q->at++;
		cov_buf_putc(q->out, ')');
		return 0;
	}
	if (*p == '"') {
		const char *s = ++p;
		for (;; p++) {
			if (!*p) {
				q->err = "unterminated string";
				return -1;
			}
			if (*p == '"' && p[1] == '"') {
				p++;
				continue;
			}
			if (*p == '"')
				break;
		}
		q_token(q->out, s, (size_t)(p - s), true);
		q->at = p + 1;
	} else if (bare((unsigned char)*p) && !q_keyword(q, "AND") && !q_keyword(q, "OR") && !q_keyword(q, "NOT")) {
		while (bare((unsigned char)*p))
			p++;
		q_token(q->out, q->at, (size_t)(p - q->at), false);
		q->at = p;
	} else {
		q->err = *p ? "syntax error" : "a word is missing at the end";
		return -1;
	}
	q_space(q);
	if (*q->at == '*') {
		cov_buf_puts(q->out, ":*");
		q->at++;
	}
	return 0;
}

static int q_not(tsq *q)
{
	int rc = q_primary(q);
	for (q_space(q); rc == 0 && q_keyword(q, "NOT"); q_space(q)) {
		q->at += 3;
		cov_buf_puts(q->out, " & !");
		rc = q_primary(q);
	}
	return rc;
}

static int q_and(tsq *q)
{
	int rc = q_not(q);
	for (q_space(q); rc == 0 && *q->at && *q->at != ')' && !q_keyword(q, "OR"); q_space(q)) {
		if (q_keyword(q, "AND"))
			q->at += 3;
		cov_buf_puts(q->out, " & ");
		rc = q_not(q);
	}
	return rc;
}

static int q_or(tsq *q)
{
	int rc = q_and(q);
	for (q_space(q); rc == 0 && q_keyword(q, "OR"); q_space(q)) {
		q->at += 2;
		cov_buf_puts(q->out, " | ");
		rc = q_and(q);
	}
	return rc;
}

int cov_store_pg_tsquery(const char *query, cov_buf *out)
{
	tsq q = {query, query, out, NULL};
	int rc = q_or(&q);
	q_space(&q);
	if (rc == 0 && *q.at) {
		q.err = "syntax error";
		rc = -1;
	}
	if (rc == 0)
		return out->oom ? cov_error_set(COV_ENOMEM, "out of memory") : COV_OK;
	char near[24];
	snprintf(near, sizeof near, "%.20s", q.at);
	return cov_error_set(COV_EUSAGE, "cannot read the query «%s»: %s%s%s%s (put words with punctuation in "
			     "double quotes: '\"right-to-life\"')", query, q.err, *near ? " near «" : "", near,
			     *near ? "»" : "");
}

#define SEARCH_MATCHES \
	"SELECT a.id, v.work, v.date, ts_rank('{0.1, 0.2, 0.5, 1.0}', a.tsv, CASE WHEN a.cfg = 'russian'::regconfig" \
	"  THEN to_tsquery('russian', $1) ELSE to_tsquery('english', $1) END, 1) AS score" \
	" FROM articles a JOIN versions v ON v.id = a.version JOIN works w ON w.id = v.work" \
	" WHERE (a.tsv @@ to_tsquery('english', $1) AND a.cfg = 'english'::regconfig" \
	"  OR a.tsv @@ to_tsquery('russian', $1) AND a.cfg = 'russian'::regconfig)" \
	" AND ($2::text IS NULL OR lower(w.country) = lower($2)) AND ($3::text IS NULL OR v.lang = $3)" \
	" AND ($4::text IS NULL OR w.kind = $4) AND ($5::text IS NULL OR w.id = $5)" \
	" AND ($6::text IS NULL OR (v.in_force_from IS NOT NULL AND v.in_force_from <= $6" \
	"      AND (v.in_force_until IS NULL OR v.in_force_until > $6)))" \
	" AND ($7 = 0 OR EXISTS (SELECT 1 FROM article_rights r WHERE r.article = a.id" \
	"      AND r.standard = 'iccpr' AND r.\"right\" = $7))"

/* the hits shown, with a snippet made for them only */
#define SEARCH_SHOWN \
	" SELECT t.id, v.work, w.country, w.kind, CASE WHEN w.title <> '' THEN w.title ELSE v.title END," \
	" v.lang, v.date, v.status, a.eid, a.num, a.heading," \
	" ts_headline(a.cfg, a.text, CASE WHEN a.cfg = 'russian'::regconfig THEN to_tsquery('russian', $1)" \
	"  ELSE to_tsquery('english', $1) END, $9), t.score" \
	" FROM top t JOIN articles a ON a.id = t.id JOIN versions v ON v.id = a.version JOIN works w ON w.id = v.work" \
	" ORDER BY t.score DESC, t.date DESC, t.id"

static const char search_sql[] =
	"WITH m AS (" SEARCH_MATCHES "),"
	" top AS (SELECT id, score, date FROM m ORDER BY score DESC, date DESC, id LIMIT $8)" SEARCH_SHOWN;
static const char search_best_sql[] =
	"WITH m AS (" SEARCH_MATCHES "),"
	" top AS (SELECT id, score, date FROM (SELECT DISTINCT ON (work) id, score, date FROM m"
	"  ORDER BY work, score DESC, date DESC, id) b ORDER BY score DESC, date DESC, id LIMIT $8)" SEARCH_SHOWN;

static void headline_mark(cov_buf *b, const char *key, const char *mark)
{
	cov_buf_printf(b, "%s=\"", key);
	for (const char *p = mark ? mark : ""; *p; p++) {
		if (*p == '"')
			cov_buf_putc(b, '"');
		cov_buf_putc(b, *p);
	}
	cov_buf_puts(b, "\", ");
}

static int lib_search(cov_store *st, const cov_store_search_opts *o, cov_store_hit_cb cb, void *ctx)
{
	cov_buf tq, opts;
	cov_buf_init(&tq);
	cov_buf_init(&opts);
	int rc = cov_store_pg_tsquery(o->query, &tq);
	if (rc) {
		cov_buf_free(&tq);
		return rc;
	}
	cov_buf_putc(&tq, '\0');
	headline_mark(&opts, "StartSel", o->mark_open);
	headline_mark(&opts, "StopSel", o->mark_close);
	cov_buf_puts(&opts, "MaxWords=24, MinWords=12, ShortWord=2, HighlightAll=false, MaxFragments=1, "
			    "FragmentDelimiter=\" … \"");
	cov_buf_putc(&opts, '\0');
	if (opts.oom || tq.oom) {
		cov_buf_free(&tq);
		cov_buf_free(&opts);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	params p = {0};
	p_text(&p, tq.ptr);
	p_text(&p, o->country);
	p_text(&p, o->lang);
	p_text(&p, o->kind);
	p_text(&p, o->work);
	p_text(&p, o->in_force_at);
	p_int(&p, o->right);
	p_int(&p, o->limit ? (long long)(o->limit > 1000 ? 1000 : o->limit) : 20);
	p_text(&p, opts.ptr);
	PGresult *r = run(st, o->best ? search_best_sql : search_sql, &p, "searching");
	if (!r) {
		rc = pg_rc;
		if (strstr(cov_error_last(), "tsquery") || strstr(cov_error_last(), "syntax error"))
			rc = cov_error_set(COV_EUSAGE, "cannot read the query «%s»: %s", o->query, cov_error_last());
	}
	for (int i = 0; r && rc == COV_OK && i < PQntuples(r); i++) {
		const char *c[11];
		for (int k = 0; k < 11; k++)
			c[k] = PQgetvalue(r, i, k + 1);
		cov_store_hit hit = {c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
				     10 * atof(PQgetvalue(r, i, 12))};
		rc = cb(ctx, &hit);
	}
	PQclear(r);
	cov_buf_free(&tq);
	cov_buf_free(&opts);
	return rc;
}

static int lib_counts(cov_store *st, long counts[4])
{
	PGresult *r = run(st, "SELECT (SELECT count(*) FROM works), (SELECT count(*) FROM versions),"
			      " (SELECT count(*) FROM articles), (SELECT count(*) FROM events)",
			  NULL, "counting");
	if (!r) {
		for (int i = 0; i < 4; i++)
			counts[i] = -1;
		return pg_rc;
	}
	for (int i = 0; i < 4; i++)
		counts[i] = atol(PQgetvalue(r, 0, i));
	PQclear(r);
	return COV_OK;
}

/* What changes when an import commits: the number of versions and the
 * largest id (a re-import replaces a version by one with a new id). */
int cov_store_pg_generation(cov_store *st, uint64_t *gen)
{
	PGresult *r = run(st, "SELECT count(*), coalesce(max(id), 0) FROM versions", NULL, "reading");
	if (!r)
		return pg_rc;
	*gen = (uint64_t)strtoull(PQgetvalue(r, 0, 0), NULL, 10) << 40 ^ strtoull(PQgetvalue(r, 0, 1), NULL, 10);
	PQclear(r);
	return COV_OK;
}

struct pg_conn *cov_store_pg_conn(cov_store *st)
{
	return st->ops == &pg_ops ? ((lib *)st->impl)->c : NULL;
}

bool cov_store_is_pg(const cov_store *st)
{
	return st->ops == &pg_ops;
}

static const cov_store_ops pg_ops = {
	"postgresql", lib_close, lib_begin, lib_commit, lib_rollback, lib_put, lib_same, lib_find, lib_get, lib_article,
	lib_works, lib_versions, lib_events, lib_search, lib_counts,
};
