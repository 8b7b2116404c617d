/*
 * mhd_dl.c — libmicrohttpd's functions from dlopen (see mhd_dl.h).
 */
#include "mhd_dl.h"
#include "covenant.h"
#include "../util/util.h"

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
	static const cov_dl_sym syms[] = {
#define COV_MHD_SYM(fn) {"MHD_" #fn, offsetof(cov_mhd_api, fn)},
		COV_MHD_FUNCTIONS(COV_MHD_SYM)
#undef COV_MHD_SYM
	};
	loaded = cov_dl_load("COVENANT_MICROHTTPD", COV_MHD_SONAME, syms, sizeof syms / sizeof *syms, &cov_mhd);
}

int cov_mhd_load(void)
{
	pthread_once(&load_once, load);
	return loaded ? COV_OK
		      : cov_error_set(COV_EIO, "covenant serve needs libmicrohttpd (apt-get install libmicrohttpd12)");
}
