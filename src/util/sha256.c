/* sha256.c — SHA-256 through Nettle (a small library with nothing to
 * initialise: OpenSSL's libcrypto cost 5 M instructions of provider set-up
 * at every start), for the store's version identity and the data hash in
 * JSON output.  Nettle is loaded with dlopen when the first hash is made:
 * text output never needs it, and its ~470 symbol bindings are not paid at
 * every start. */
#include <nettle/sha2.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define COV_STR_(x) #x
#define COV_STR(x) COV_STR_(x)

/* the functions, typed from Nettle's header (its macros give the names) */
static struct {
	__typeof__(&sha256_init) init;
	__typeof__(&sha256_update) update;
	__typeof__(&sha256_digest) digest;
} N;
static bool loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_nettle(void)
{
	static const cov_dl_sym syms[] = {
		{COV_STR(sha256_init), offsetof(__typeof__(N), init)},
		{COV_STR(sha256_update), offsetof(__typeof__(N), update)},
		{COV_STR(sha256_digest), offsetof(__typeof__(N), digest)},
	};
	loaded = cov_dl_load("COVENANT_NETTLE", "libnettle.so.8", syms, sizeof syms / sizeof *syms, &N);
}

struct cov_sha256 {
	struct sha256_ctx ctx;
};

cov_sha256 *cov_sha256_new(void)
{
	pthread_once(&load_once, load_nettle);
	if (!loaded) {
		cov_error_set(COV_EDATA, "SHA-256 needs Nettle (apt-get install libnettle8)");
		return NULL;
	}
	cov_sha256 *h = malloc(sizeof *h);
	if (!h) {
		cov_error_set(COV_ENOMEM, "out of memory");
		return NULL;
	}
	N.init(&h->ctx);
	return h;
}

void cov_sha256_update(cov_sha256 *h, const void *bytes, size_t len)
{
	N.update(&h->ctx, len, bytes);
}

void cov_sha256_finish(cov_sha256 *h, char hex[65])
{
	uint8_t md[SHA256_DIGEST_SIZE];
	N.digest(&h->ctx, sizeof md, md);
	for (unsigned int i = 0; i < sizeof md; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	free(h);
}

void cov_sha256_hex(const void *bytes, size_t len, char hex[65])
{
	cov_sha256 *h = cov_sha256_new();
	hex[0] = 0;
	if (!h)
		return;
	cov_sha256_update(h, bytes, len);
	cov_sha256_finish(h, hex);
}
