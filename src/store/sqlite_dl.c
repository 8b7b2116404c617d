/*
 * sqlite_dl.c — SQLite's functions from dlopen (see sqlite_dl.h).
 */
#include "sqlite_dl.h"
#include "../util/util.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define COV_SQLITE_SONAME "libsqlite3.so.0"

cov_sqlite_api cov_sqlite;
static bool loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	static const cov_dl_sym syms[] = {
#define COV_SQLITE_SYM(fn) {"sqlite3_" #fn, offsetof(cov_sqlite_api, fn)},
		COV_SQLITE_FUNCTIONS(COV_SQLITE_SYM)
#undef COV_SQLITE_SYM
	};
	loaded = cov_dl_load("COVENANT_SQLITE", COV_SQLITE_SONAME, syms, sizeof syms / sizeof *syms, &cov_sqlite);
}

int cov_sqlite_load(void)
{
	pthread_once(&load_once, load);
	return loaded ? COV_OK : cov_error_set(COV_EIO, "the library needs SQLite (apt-get install libsqlite3-0)");
}
