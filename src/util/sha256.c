/* sha256.c — SHA-256 through Nettle (a small library with no dependencies
 * and nothing to initialise: OpenSSL's libcrypto cost 5 M instructions of
 * provider set-up and 0.7 ms of loading at every start): the store's
 * version identity and the data hash in JSON output. */
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

struct cov_sha256 {
	struct sha256_ctx ctx;
};

cov_sha256 *cov_sha256_new(void)
{
	cov_sha256 *h = malloc(sizeof *h);
	if (h)
		sha256_init(&h->ctx);
	return h;
}

void cov_sha256_update(cov_sha256 *h, const void *bytes, size_t len)
{
	sha256_update(&h->ctx, len, bytes);
}

void cov_sha256_finish(cov_sha256 *h, char hex[65])
{
	uint8_t md[SHA256_DIGEST_SIZE];
	sha256_digest(&h->ctx, sizeof md, md);
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
