/* sha256.c — SHA-256 through OpenSSL's libcrypto, which libzip already loads:
 * the store's version identity and the data hash in JSON output. */
#include <openssl/evp.h>
#include <stdio.h>

#include <stdlib.h>

#include "util.h"

struct cov_sha256 {
	EVP_MD_CTX *ctx;
};

cov_sha256 *cov_sha256_new(void)
{
	cov_sha256 *h = malloc(sizeof *h);
	if (!h)
		return NULL;
	h->ctx = EVP_MD_CTX_new();
	if (!h->ctx || EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(h->ctx);
		free(h);
		return NULL;
	}
	return h;
}

void cov_sha256_update(cov_sha256 *h, const void *bytes, size_t len)
{
	EVP_DigestUpdate(h->ctx, bytes, len);
}

void cov_sha256_finish(cov_sha256 *h, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	hex[0] = 0;
	if (EVP_DigestFinal_ex(h->ctx, md, &n) == 1)
		for (unsigned int i = 0; i < n && i < 32; i++)
			snprintf(hex + 2 * i, 3, "%02x", md[i]);
	EVP_MD_CTX_free(h->ctx);
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
