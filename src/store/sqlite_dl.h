/*
 * sqlite_dl.h — SQLite, loaded with dlopen when a library is first opened:
 * only the library commands need it, and its ~1600 symbol bindings cost
 * every other command a start-up.  Include it instead of <sqlite3.h>: the
 * API's names then go through the table (typed from SQLite's own header).
 */
#ifndef COV_SQLITE_DL_H
#define COV_SQLITE_DL_H

#include <sqlite3.h>

#define COV_SQLITE_FUNCTIONS(X) \
	X(bind_blob) \
	X(bind_double) \
	X(bind_int) \
	X(bind_int64) \
	X(bind_null) \
	X(bind_pointer) \
	X(bind_text) \
	X(busy_timeout) \
	X(clear_bindings) \
	X(close) \
	X(column_blob) \
	X(column_bytes) \
	X(column_double) \
	X(column_int) \
	X(column_int64) \
	X(column_text) \
	X(column_type) \
	X(db_readonly) \
	X(errcode) \
	X(errmsg) \
	X(exec) \
	X(extended_result_codes) \
	X(finalize) \
	X(get_autocommit) \
	X(last_insert_rowid) \
	X(open_v2) \
	X(prepare_v2) \
	X(prepare_v3) \
	X(reset) \
	X(step)

typedef struct cov_sqlite_api {
#define COV_SQLITE_FIELD(fn) __typeof__(&sqlite3_##fn) fn;
	COV_SQLITE_FUNCTIONS(COV_SQLITE_FIELD)
#undef COV_SQLITE_FIELD
} cov_sqlite_api;
extern cov_sqlite_api cov_sqlite;

/* Load SQLite (once; $COVENANT_SQLITE names another file, for tests):
 * COV_OK, or COV_EIO saying it is missing. */
int cov_sqlite_load(void);

#define sqlite3_bind_blob cov_sqlite.bind_blob
#define sqlite3_bind_double cov_sqlite.bind_double
#define sqlite3_bind_int cov_sqlite.bind_int
#define sqlite3_bind_int64 cov_sqlite.bind_int64
#define sqlite3_bind_null cov_sqlite.bind_null
#define sqlite3_bind_pointer cov_sqlite.bind_pointer
#define sqlite3_bind_text cov_sqlite.bind_text
#define sqlite3_busy_timeout cov_sqlite.busy_timeout
#define sqlite3_clear_bindings cov_sqlite.clear_bindings
#define sqlite3_close cov_sqlite.close
#define sqlite3_column_blob cov_sqlite.column_blob
#define sqlite3_column_bytes cov_sqlite.column_bytes
#define sqlite3_column_double cov_sqlite.column_double
#define sqlite3_column_int cov_sqlite.column_int
#define sqlite3_column_int64 cov_sqlite.column_int64
#define sqlite3_column_text cov_sqlite.column_text
#define sqlite3_column_type cov_sqlite.column_type
#define sqlite3_db_readonly cov_sqlite.db_readonly
#define sqlite3_errcode cov_sqlite.errcode
#define sqlite3_errmsg cov_sqlite.errmsg
#define sqlite3_exec cov_sqlite.exec
#define sqlite3_extended_result_codes cov_sqlite.extended_result_codes
#define sqlite3_finalize cov_sqlite.finalize
#define sqlite3_get_autocommit cov_sqlite.get_autocommit
#define sqlite3_last_insert_rowid cov_sqlite.last_insert_rowid
#define sqlite3_open_v2 cov_sqlite.open_v2
#define sqlite3_prepare_v2 cov_sqlite.prepare_v2
#define sqlite3_prepare_v3 cov_sqlite.prepare_v3
#define sqlite3_reset cov_sqlite.reset
#define sqlite3_step cov_sqlite.step

#endif
