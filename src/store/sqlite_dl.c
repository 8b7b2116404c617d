/*
 * sqlite_dl.c — SQLite's functions from dlopen (see sqlite_dl.h).
 */
#include "sqlite_dl.h"
#include "../util/util.h"

#include <dlfcn.h>
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
	const char *name = getenv("COVENANT_SQLITE");
	void *h = dlopen(name && *name ? name : COV_SQLITE_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	static const struct {
		const char *name;
		size_t at;
	} syms[] = {
#define COV_SQLITE_SYM(fn) {"sqlite3_" #fn, offsetof(cov_sqlite_api, fn)},
		COV_SQLITE_FUNCTIONS(COV_SQLITE_SYM)
#undef COV_SQLITE_SYM
	};
	cov_sqlite_api api;
	for (size_t i = 0; i < sizeof syms / sizeof *syms; i++) {
		void *f = dlsym(h, syms[i].name);
		if (!f) {
			dlclose(h);
			return;
		}
		memcpy((char *)&api + syms[i].at, &f, sizeof f);
	}
	cov_sqlite = api;
	loaded = true; /* never unloaded */
}

int cov_sqlite_load(void)
{
	pthread_once(&load_once, load);
	return loaded ? COV_OK : cov_error_set(COV_EIO, "the library needs SQLite (apt-get install libsqlite3-0)");
}
