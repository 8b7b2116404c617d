/*
 * mhd_dl.c — libmicrohttpd's functions from dlopen (see mhd_dl.h).
 */
#include "mhd_dl.h"
#include "covenant.h"
#include "../util/util.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define COV_MHD_SONAME "libmicrohttpd.so.12"

cov_mhd_api cov_mhd;
static bool loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	const char *name = getenv("COVENANT_MICROHTTPD");
	void *h = dlopen(name && *name ? name : COV_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	static const struct {
		const char *name;
		size_t at;
	} syms[] = {
#define COV_MHD_SYM(fn) {"MHD_" #fn, offsetof(cov_mhd_api, fn)},
		COV_MHD_FUNCTIONS(COV_MHD_SYM)
#undef COV_MHD_SYM
	};
	cov_mhd_api api;
	for (size_t i = 0; i < sizeof syms / sizeof *syms; i++) {
		void *f = dlsym(h, syms[i].name);
		if (!f) {
			dlclose(h);
			return;
		}
		memcpy((char *)&api + syms[i].at, &f, sizeof f);
	}
	cov_mhd = api;
	loaded = true; /* never unloaded */
}

int cov_mhd_load(void)
{
	pthread_once(&load_once, load);
	return loaded ? COV_OK
		      : cov_error_set(COV_EIO, "covenant serve needs libmicrohttpd (apt-get install libmicrohttpd12)");
}
