/*
 * pg_store.h — the PostgreSQL backend's entry points beyond cov_store_ops
 * (pg.c): opening a postgresql:// URL, the URL as shown (no password), the
 * schema version for `covenant db init`, what the web app's cache keys on,
 * copying a library between backends (pg_copy.c).
 */
#ifndef COV_PG_STORE_H
#define COV_PG_STORE_H

#include "store.h"
#include "../util/util.h"

#include <stdbool.h>
#include <stdint.h>

/* postgresql://… or postgres://… */
bool cov_store_is_pg_url(const char *s);
int cov_store_pg_open(const char *url, unsigned flags, cov_store **out);
bool cov_store_is_pg(const cov_store *st);
/* The URL without its password (user:secret@, password=, sslpassword=); malloc'd. */
char *cov_store_pg_display(const char *url);
/* The schema version of a PostgreSQL library and the latest this covenant writes. */
int cov_store_schema(cov_store *st, int *version, int *latest);
/* A number that changes whenever an import commits. */
int cov_store_pg_generation(cov_store *st, uint64_t *gen);
/* FTS5's query syntax as a tsquery (COV_EUSAGE with a message when it cannot be read). */
int cov_store_pg_tsquery(const char *query, cov_buf *out);

#endif

/* ---- copying a library (pg_copy.c) ---- */

/* The connection of a PostgreSQL library (for the copy). */
struct pg_conn;
struct pg_conn *cov_store_pg_conn(cov_store *st);
/* The text search configuration an article is indexed with: "russian" when
 * it has Cyrillic letters, else "english". */
const char *cov_store_pg_config(const char *heading, const char *text, size_t len);

/* What `covenant db copy` did: rows of works, versions, events, articles and
 * article rights in each library, and the sha256 of each table's rows. */
typedef struct cov_store_copy_report {
	long src[5], dst[5];
	char sum_src[5][65], sum_dst[5][65];
	char src_name[512], dst_name[512];
} cov_store_copy_report;
/* Copy the library `src` into `dst` (SQLite or PostgreSQL, either way; dst
 * made if absent, holding no version), in one transaction, then compare.
 * COV_EINPUT (and `rep` filled) when the copy differs from its source. */
int cov_store_copy(const char *src, const char *dst, cov_store_copy_report *rep);
