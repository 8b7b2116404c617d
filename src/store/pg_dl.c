/*
 * pg_dl.c — libpq's functions from dlopen (see pg_dl.h).
 */
#include "pg_dl.h"
#include "../util/util.h"

#include <pthread.h>
#include <stdbool.h>

#define COV_PG_SONAME "libpq.so.5"

cov_pg_api cov_pg;
static bool loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	static const cov_dl_sym syms[] = {
#define COV_PG_SYM(ret, fn, args) {"PQ" #fn, offsetof(cov_pg_api, fn)},
		COV_PG_FUNCTIONS(COV_PG_SYM)
#undef COV_PG_SYM
	};
	loaded = cov_dl_load("COVENANT_LIBPQ", COV_PG_SONAME, syms, sizeof syms / sizeof *syms, &cov_pg);
}

int cov_pg_load(void)
{
	pthread_once(&load_once, load);
	return loaded ? COV_OK
		      : cov_error_set(COV_EIO, "a postgresql:// library needs libpq, PostgreSQL's client library "
					       "(apt-get install libpq5)");
}
