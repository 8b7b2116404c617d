/*
 * util.h — small helpers shared by every layer: the last-error setter, an
 * arena that frees a document's nodes and strings at once, a growable byte
 * buffer, and UTF-8 helpers built on ICU's macros.
 */
#ifndef COV_UTIL_H
#define COV_UTIL_H

#include "covenant.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int cov_error_set(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cov_error_clear(void);

/* ---- growable arrays ---- */

/* Room for element `n` of the array *vp (void ** in disguise, so any T **
 * passes) of `*cap` elements of `size` bytes: doubled, from `first`, when
 * full.  False (the array untouched) when out of memory. */
bool cov_grow(void *vp, size_t *cap, size_t n, size_t size, size_t first);

/* ---- arena: one per document, freed at once ---- */
/* A library loaded with dlopen when first needed (src/util/dl.c): open $env
 * if set, else `soname`, and fill `table` with its functions (each symbol's
 * name and its field's offset); false, touching nothing, if the library or a
 * function is missing.  Callers run it once (pthread_once). */
typedef struct cov_dl_sym {
	const char *name;
	size_t at;
} cov_dl_sym;
bool cov_dl_load(const char *env, const char *soname, const cov_dl_sym *syms, size_t n, void *table);

/* SHA-256 (src/util/sha256.c, Nettle): incremental, or at once; 64 hex digits. */
typedef struct cov_sha256 cov_sha256;
cov_sha256 *cov_sha256_new(void); /* NULL when out of memory */
void cov_sha256_update(cov_sha256 *h, const void *bytes, size_t len);
void cov_sha256_finish(cov_sha256 *h, char hex[65]); /* frees h */
void cov_sha256_hex(const void *bytes, size_t len, char hex[65]);

typedef struct cov_arena_chunk cov_arena_chunk;
typedef struct cov_arena {
	cov_arena_chunk *head;
	size_t used, cap;
} cov_arena;

void cov_arena_init(cov_arena *a);
void *cov_arena_alloc(cov_arena *a, size_t size); /* zeroed; NULL on ENOMEM */
char *cov_arena_strndup(cov_arena *a, const char *s, size_t n);
/* A formatted string (up to 1 KB) in the arena; "" when memory runs out. */
const char *cov_arena_printf(cov_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cov_arena_free(cov_arena *a);

/* ---- growable buffer ---- */
typedef struct cov_buf {
	char *ptr;
	size_t len, cap;
	bool oom;  /* sticky: an append failed */
} cov_buf;

void cov_buf_init(cov_buf *b);
bool cov_buf_grow(cov_buf *b, size_t extra);
void cov_buf_put_slow(cov_buf *b, const char *s, size_t n);
void cov_buf_puts(cov_buf *b, const char *s);
/* Renderers append a few bytes at a time: the common case (room left) is
 * inline, growing is not. */
static inline void cov_buf_put(cov_buf *b, const char *s, size_t n)
{
	if (!b->oom && b->ptr && n < b->cap - b->len) {
		memcpy(b->ptr + b->len, s, n);
		b->len += n;
		b->ptr[b->len] = '\0';
	} else {
		cov_buf_put_slow(b, s, n);
	}
}
static inline void cov_buf_putc(cov_buf *b, char c)
{
	cov_buf_put(b, &c, 1);
}
void cov_buf_printf(cov_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Transfers ownership of the (NUL-terminated) bytes to the caller. */
char *cov_buf_detach(cov_buf *b, size_t *len);
void cov_buf_free(cov_buf *b);

/* Strip spaces, tabs and line ends from both ends of s, in place. */
char *cov_trim(char *s);

/* ---- UTF-8 ---- */
/* Decode the code point at s[*i] (i < n) and advance *i; invalid bytes
 * yield U+FFFD and advance one byte.  ASCII and two-byte sequences (Latin,
 * Cyrillic) are decoded inline; the rest by ICU's U8_NEXT. */
int32_t cov_utf8_next_slow(const char *s, size_t n, size_t *i);
static inline int32_t cov_utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF && *i + 1 < n && (p[1] & 0xC0) == 0x80) {
		*i += 2;
		return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	return cov_utf8_next_slow(s, n, i);
}
/* Offset of the first invalid UTF-8 sequence, or n if the text is valid. */
size_t cov_utf8_invalid_at(const char *s, size_t n);
/* Case-fold UTF-8 `s` into `out` (NUL-terminated); returns its length or
 * -1 when it does not fit. */
int cov_utf8_fold(const char *s, size_t n, char *out, size_t cap);

#endif
