/* dl.c — a library loaded with dlopen when first needed (poppler, libzip,
 * ICU's charset detector, Nettle, SQLite, libmicrohttpd): the libraries
 * only some inputs or commands need are not paid for at every start. */
#include "util.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

bool cov_dl_load(const char *env, const char *soname, const cov_dl_sym *syms, size_t n, void *table)
{
	const char *name = env ? getenv(env) : NULL;
	void *h = dlopen(name && *name ? name : soname, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return false;
	/* resolve every function before touching the table: all or nothing */
	void **found = malloc(n * sizeof *found);
	if (!found) {
		dlclose(h);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (!(found[i] = dlsym(h, syms[i].name))) {
			free(found);
			dlclose(h);
			return false;
		}
	for (size_t i = 0; i < n; i++)
		memcpy((char *)table + syms[i].at, &found[i], sizeof found[i]);
	free(found);
	return true; /* never unloaded: what it returns (names, objects) may outlive any caller */
}
