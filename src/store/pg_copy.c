/*
 * pg_copy.c — `covenant db copy SRC DST`: a library moved between an SQLite
 * file and a PostgreSQL database (or between two of a kind), row by row:
 * works, versions (their stored blobs as they are), events, articles (the
 * destination indexes them for its own full-text search) and article
 * rights, with their ids, in one transaction of the destination, read from
 * one snapshot of the source.  Then both are read again: the count and the
 * sha256 of each table's rows (in key order, every value in one canonical
 * form) must agree.
 *
 * Each library is opened through the store first (made, checked, migrated
 * to the same schema); the rows then go through the backend's own API with
 * parameters only.
 */
#include "pg_store.h"
#include "pg_dl.h"
#include "sqlite_dl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_TABLES 5

/* Columns and their kinds: i integer, r real, t text, b blob. */
static const struct table {
	const char *name, *cols, *kinds, *order;
	bool paged; /* by its integer id, the first column */
} tables[N_TABLES] = {
	{"works", "id, country, title, kind", "tttt", "id", false},
	{"versions",
	 "id, work, lang, date, status, source, sha256, title, imported, in_force_from, in_force_until, n_articles,"
	 " data_hash, text, text_size, tree, tree_size, analysis, analysis_size",
	 "ittttttttttitbibibi", "id", true},
	{"events", "id, version, kind, date, act, ref, result, turnout, votes_for, votes_against, source", "iitttttrrrt",
	 "id", true},
	{"articles", "id, version, eid, num, heading, text, line", "iitttti", "id", true},
	{"article_rights", "article, standard, \"right\"", "iti", "article, standard, \"right\"", false},
};

typedef struct val {
	const char *p; /* NULL: SQL NULL */
	size_t n;
} val;

typedef struct end {
	cov_store *st;
	PGconn *pc;
	sqlite3 *db;
} end;

typedef int (*row_cb)(void *ctx, const struct table *t, const val *v);

/* ---- the canonical form of rows, for the checksums ---- */

typedef struct sum {
	cov_sha256 *h;
	long rows;
} sum;

static int sum_row(void *ctx, const struct table *t, const val *v)
{
	sum *s = ctx;
	s->rows++;
	for (size_t i = 0; t->kinds[i]; i++) {
		char buf[64];
		const char *p = v[i].p;
		size_t n = v[i].n;
		if (p && t->kinds[i] == 'i') {
			n = (size_t)snprintf(buf, sizeof buf, "%lld", strtoll(p, NULL, 10));
			p = buf;
		} else if (p && t->kinds[i] == 'r') {
			n = (size_t)snprintf(buf, sizeof buf, "%.17g", strtod(p, NULL));
			p = buf;
		}
		char head[32];
		int hn = p ? snprintf(head, sizeof head, "%c%zu:", t->kinds[i], n) : snprintf(head, sizeof head, "N");
		cov_sha256_update(s->h, head, (size_t)hn);
		if (p)
			cov_sha256_update(s->h, p, n);
	}
	return COV_OK;
}

/* ---- reading ---- */

static int hex_value(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int pg_fail(end *e, PGresult *r, const char *what)
{
	const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char msg[300];
	snprintf(msg, sizeof msg, "%s", m ? m : PQerrorMessage(e->pc));
	msg[strcspn(msg, "\n")] = 0;
	PQclear(r);
	return cov_error_set(COV_EIO, "%s: %s: %s", cov_store_path(e->st), what, msg);
}

static int pg_read(end *e, const struct table *t, row_cb cb, void *ctx)
{
	char sql[1024];
	size_t nc = strlen(t->kinds);
	char last[32] = "0";
	int rc = COV_OK;
	unsigned char *blob[N_TABLES * 4] = {0};
	for (;;) {
		if (t->paged)
			snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE id > $1::bigint ORDER BY id LIMIT 200", t->cols,
				 t->name);
		else
			snprintf(sql, sizeof sql, "SELECT %s FROM %s ORDER BY %s", t->cols, t->name,
				 strcmp(t->name, "works") == 0 ? "id COLLATE \"C\"" : "article, standard COLLATE \"C\", \"right\"");
		const char *pv[1] = {last};
		PGresult *r = PQexecParams(e->pc, sql, t->paged ? 1 : 0, NULL, t->paged ? pv : NULL, NULL, NULL, 0);
		if (PQresultStatus(r) != PGRES_TUPLES_OK)
			return pg_fail(e, r, "reading");
		int rows = PQntuples(r);
		for (int i = 0; rc == COV_OK && i < rows; i++) {
			val v[24];
			size_t nb = 0;
			for (size_t k = 0; k < nc; k++) {
				if (PQgetisnull(r, i, (int)k)) {
					v[k] = (val){NULL, 0};
					continue;
				}
				const char *s = PQgetvalue(r, i, (int)k);
				size_t n = (size_t)PQgetlength(r, i, (int)k);
				if (t->kinds[k] == 'b') { /* bytea in text: \x and hex digits */
					size_t m = n >= 2 ? (n - 2) / 2 : 0;
					unsigned char *b = malloc(m + 1);
					if (!b) {
						rc = cov_error_set(COV_ENOMEM, "out of memory");
						break;
					}
					for (size_t j = 0; j < m; j++)
						b[j] = (unsigned char)(hex_value(s[2 + 2 * j]) << 4 | hex_value(s[3 + 2 * j]));
					blob[nb++] = b;
					v[k] = (val){(const char *)b, m};
				} else {
					v[k] = (val){s, n};
				}
			}
			if (rc == COV_OK)
				rc = cb(ctx, t, v);
			for (size_t j = 0; j < nb; j++)
				free(blob[j]);
		}
		if (t->paged && rows)
			snprintf(last, sizeof last, "%s", PQgetvalue(r, rows - 1, 0));
		PQclear(r);
		if (rc || !t->paged || rows == 0)
			return rc;
	}
}

static int sqlite_fail(end *e, const char *what)
{
	return cov_error_set(COV_EIO, "%s: %s: %s", cov_store_path(e->st), what, sqlite3_errmsg(e->db));
}

static int sqlite_read(end *e, const struct table *t, row_cb cb, void *ctx)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT %s FROM %s ORDER BY %s", t->cols, t->name, t->order);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(e->db, sql, -1, &s, NULL) != SQLITE_OK)
		return sqlite_fail(e, "reading");
	size_t nc = strlen(t->kinds);
	int rc = COV_OK, step;
	while (rc == COV_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		val v[24];
		char num[24][40];
		for (size_t k = 0; k < nc; k++) {
			int type = sqlite3_column_type(s, (int)k);
			if (type == SQLITE_NULL) {
				v[k] = (val){NULL, 0};
			} else if (t->kinds[k] == 'r') {
				int n = snprintf(num[k], sizeof num[k], "%.17g", sqlite3_column_double(s, (int)k));
				v[k] = (val){num[k], (size_t)n};
			} else if (t->kinds[k] == 'b') {
				const void *p = sqlite3_column_blob(s, (int)k);
				v[k] = (val){p ? p : "", (size_t)sqlite3_column_bytes(s, (int)k)};
			} else {
				const char *p = (const char *)sqlite3_column_text(s, (int)k);
				v[k] = (val){p ? p : "", (size_t)sqlite3_column_bytes(s, (int)k)};
			}
		}
		rc = cb(ctx, t, v);
	}
	if (rc == COV_OK && step != SQLITE_DONE)
		rc = sqlite_fail(e, "reading");
	sqlite3_finalize(s);
	return rc;
}

static int read_table(end *e, const struct table *t, row_cb cb, void *ctx)
{
	return e->pc ? pg_read(e, t, cb, ctx) : sqlite_read(e, t, cb, ctx);
}

/* ---- writing ---- */

typedef struct writer {
	end *e;
	sum src;
	sqlite3_stmt *ins, *fts;
} writer;

static int pg_write(writer *w, const struct table *t, const val *v)
{
	size_t nc = strlen(t->kinds);
	const char *pv[24];
	int len[24], fmt[24];
	Oid type[24];
	char sql[1024], ph[400] = "";
	for (size_t k = 0; k < nc; k++) {
		pv[k] = v[k].p;
		len[k] = (int)v[k].n;
		fmt[k] = t->kinds[k] == 'b';
		type[k] = t->kinds[k] == 'i' ? 20 : t->kinds[k] == 'r' ? 701 : t->kinds[k] == 'b' ? 17 : 25;
		size_t at = strlen(ph);
		snprintf(ph + at, sizeof ph - at, "%s$%zu", k ? ", " : "", k + 1);
	}
	bool art = strcmp(t->name, "articles") == 0;
	/* articles: the text search configuration, as an import chooses it */
	const char *cfg = art ? cov_store_pg_config(v[4].p ? v[4].p : "", v[5].p ? v[5].p : "", v[5].n) : NULL;
	if (art) {
		pv[nc] = cfg;
		len[nc] = 0;
		fmt[nc] = 0;
		type[nc] = 25;
	}
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s%s) VALUES(%s%s)", t->name, t->cols, art ? ", cfg" : "", ph,
		 art ? ", $8::regconfig" : "");
	PGresult *r = PQexecParams(w->e->pc, sql, (int)nc + art, type, pv, len, fmt, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return pg_fail(w->e, r, "writing");
	PQclear(r);
	return COV_OK;
}

static int sqlite_write(writer *w, const struct table *t, const val *v)
{
	size_t nc = strlen(t->kinds);
	sqlite3_stmt *s = w->ins;
	for (size_t k = 0; k < nc; k++) {
		int i = (int)k + 1;
		if (!v[k].p)
			sqlite3_bind_null(s, i);
		else if (t->kinds[k] == 'i')
			sqlite3_bind_int64(s, i, strtoll(v[k].p, NULL, 10));
		else if (t->kinds[k] == 'r')
			sqlite3_bind_double(s, i, strtod(v[k].p, NULL));
		else if (t->kinds[k] == 'b')
			sqlite3_bind_blob(s, i, v[k].p, (int)v[k].n, SQLITE_STATIC);
		else
			sqlite3_bind_text(s, i, v[k].p, (int)v[k].n, SQLITE_STATIC);
	}
	int step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return sqlite_fail(w->e, "writing");
	if (w->fts) { /* the article in the full-text index */
		sqlite3_bind_int64(w->fts, 1, strtoll(v[0].p, NULL, 10));
		sqlite3_bind_text(w->fts, 2, v[4].p, (int)v[4].n, SQLITE_STATIC);
		sqlite3_bind_text(w->fts, 3, v[5].p, (int)v[5].n, SQLITE_STATIC);
		step = sqlite3_step(w->fts);
		sqlite3_reset(w->fts);
		if (step != SQLITE_DONE)
			return sqlite_fail(w->e, "indexing");
	}
	return COV_OK;
}

static int write_row(void *ctx, const struct table *t, const val *v)
{
	writer *w = ctx;
	sum_row(&w->src, t, v);
	return w->e->pc ? pg_write(w, t, v) : sqlite_write(w, t, v);
}

/* ---- both ends ---- */

static int open_end(const char *name, bool write, end *e)
{
	memset(e, 0, sizeof *e);
	int rc = cov_store_open(name, write ? 0 : COV_STORE_READONLY, &e->st);
	if (rc)
		return rc;
	if (cov_store_is_pg(e->st)) {
		e->pc = cov_store_pg_conn(e->st);
		return COV_OK;
	}
	/* SQLite: a connection of our own to the file the store opened (and made) */
	int flags = write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
	if (sqlite3_open_v2(cov_store_path(e->st), &e->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return sqlite_fail(e, "opening");
	sqlite3_busy_timeout(e->db, 10000);
	if (write && ((rc = cov_store_register_tokenizer(e->db)) ||
		      sqlite3_exec(e->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK))
		return rc ? rc : sqlite_fail(e, "opening");
	return COV_OK;
}

static void close_end(end *e)
{
	if (e->db)
		sqlite3_close(e->db);
	cov_store_close(e->st);
}

static int exec_end(end *e, const char *sql)
{
	if (e->pc) {
		PGresult *r = PQexec(e->pc, sql);
		ExecStatusType s = PQresultStatus(r);
		if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
			return pg_fail(e, r, "copying");
		PQclear(r);
		return COV_OK;
	}
	return sqlite3_exec(e->db, sql, NULL, NULL, NULL) == SQLITE_OK ? COV_OK : sqlite_fail(e, "copying");
}

static int checksums(end *e, long rows[N_TABLES], char sums[N_TABLES][65])
{
	int rc = COV_OK;
	for (int i = 0; i < N_TABLES && rc == COV_OK; i++) {
		sum s = {cov_sha256_new(), 0};
		if (!s.h)
			return COV_EDATA;
		rc = read_table(e, &tables[i], sum_row, &s);
		cov_sha256_finish(s.h, sums[i]);
		rows[i] = s.rows;
	}
	return rc;
}

int cov_store_copy(const char *src_name, const char *dst_name, cov_store_copy_report *rep)
{
	memset(rep, 0, sizeof *rep);
	end src, dst;
	int rc = open_end(src_name, false, &src);
	if (rc) {
		close_end(&src);
		return rc;
	}
	snprintf(rep->src_name, sizeof rep->src_name, "%s", cov_store_path(src.st));
	if ((rc = open_end(dst_name, true, &dst))) {
		close_end(&dst);
		close_end(&src);
		return rc;
	}
	snprintf(rep->dst_name, sizeof rep->dst_name, "%s", cov_store_path(dst.st));
	long n[4];
	if ((rc = cov_store_counts(dst.st, n)) == COV_OK && (n[0] || n[1]))
		rc = cov_error_set(COV_EUSAGE, "%s already holds %ld works and %ld versions: copy into an empty library",
				   rep->dst_name, n[0], n[1]);
	if (rc == COV_OK && strcmp(rep->src_name, rep->dst_name) == 0)
		rc = cov_error_set(COV_EUSAGE, "%s: source and destination are the same library", rep->src_name);
	/* one snapshot of the source; one transaction of the destination */
	bool src_begun = false, dst_begun = false;
	if (rc == COV_OK)
		src_begun = (rc = exec_end(&src, src.pc ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")) == COV_OK;
	if (rc == COV_OK)
		dst_begun = (rc = exec_end(&dst, dst.pc ? "BEGIN" : "BEGIN IMMEDIATE")) == COV_OK;
	for (int i = 0; rc == COV_OK && i < N_TABLES; i++) {
		const struct table *t = &tables[i];
		writer w = {&dst, {cov_sha256_new(), 0}, NULL, NULL};
		if (!w.src.h) {
			rc = COV_EDATA;
			break;
		}
		if (dst.db) {
			char sql[1024], ph[200] = "";
			for (size_t k = 0; t->kinds[k]; k++) {
				size_t at = strlen(ph);
				snprintf(ph + at, sizeof ph - at, "%s?%zu", k ? ", " : "", k + 1);
			}
			snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES(%s)", t->name, t->cols, ph);
			if (sqlite3_prepare_v2(dst.db, sql, -1, &w.ins, NULL) != SQLITE_OK ||
			    (strcmp(t->name, "articles") == 0 &&
			     sqlite3_prepare_v2(dst.db, "INSERT INTO articles_fts(rowid, heading, text) VALUES(?1, ?2, ?3)", -1,
						&w.fts, NULL) != SQLITE_OK))
				rc = sqlite_fail(&dst, "preparing");
		}
		if (rc == COV_OK)
			rc = read_table(&src, t, write_row, &w);
		cov_sha256_finish(w.src.h, rep->sum_src[i]);
		rep->src[i] = w.src.rows;
		if (dst.db) {
			sqlite3_finalize(w.ins);
			sqlite3_finalize(w.fts);
		}
	}
	/* PostgreSQL: the ids go on after the copied ones */
	if (rc == COV_OK && dst.pc)
		rc = exec_end(&dst, "SELECT setval(pg_get_serial_sequence('versions', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM versions), false);"
				    "SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM events), false);"
				    "SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM articles), false)");
	if (rc == COV_OK) {
		rc = exec_end(&dst, "COMMIT");
	} else if (dst_begun) {
		char keep[1024];
		snprintf(keep, sizeof keep, "%s", cov_error_last());
		exec_end(&dst, "ROLLBACK");
		cov_error_set(rc, "%s", keep);
	}
	if (src_begun && exec_end(&src, "COMMIT") != COV_OK && rc == COV_OK)
		rc = COV_EIO;
	/* read both again: counts and checksums */
	if (rc == COV_OK) {
		long again[N_TABLES];
		char sums[N_TABLES][65];
		rc = checksums(&src, again, sums);
		for (int i = 0; rc == COV_OK && i < N_TABLES; i++)
			if (again[i] != rep->src[i] || strcmp(sums[i], rep->sum_src[i]) != 0)
				rc = cov_error_set(COV_EIO, "%s changed while it was copied (%s): copy again", rep->src_name,
						   tables[i].name);
	}
	if (rc == COV_OK)
		rc = checksums(&dst, rep->dst, rep->sum_dst);
	for (int i = 0; rc == COV_OK && i < N_TABLES; i++)
		if (rep->dst[i] != rep->src[i] || strcmp(rep->sum_dst[i], rep->sum_src[i]) != 0)
			rc = cov_error_set(COV_EINPUT, "the copy differs from its source: %s (%ld rows, %ld copied)",
					   tables[i].name, rep->src[i], rep->dst[i]);
	close_end(&dst);
	close_end(&src);
	return rc;
}
