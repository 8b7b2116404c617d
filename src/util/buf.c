/*
 * buf.c — a growable byte buffer for renderers and ingest.  Appends never
 * fail loudly: an allocation failure sets the sticky `oom` flag, which the
 * caller checks once at the end (as SQLite's StrAccum does).
 */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cov_buf_init(cov_buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}

bool cov_buf_grow(cov_buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (b->len + extra + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1) {
		if (cap > SIZE_MAX / 2) {
			b->oom = true;
			return false;
		}
		cap *= 2;
	}
	char *p = realloc(b->ptr, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->ptr = p;
	b->cap = cap;
	return true;
}

void cov_buf_put_slow(cov_buf *b, const char *s, size_t n)
{
	if (!cov_buf_grow(b, n))
		return;
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void cov_buf_puts(cov_buf *b, const char *s)
{
	cov_buf_put(b, s, strlen(s));
}

void cov_buf_printf(cov_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if ((size_t)n < sizeof small) {
		cov_buf_put(b, small, (size_t)n);
		return;
	}
	if (!cov_buf_grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *cov_buf_detach(cov_buf *b, size_t *len)
{
	if (!b->ptr)
		cov_buf_put(b, "", 0);
	char *p = b->ptr;
	if (len)
		*len = b->len;
	cov_buf_init(b);
	return p;
}

void cov_buf_free(cov_buf *b)
{
	free(b->ptr);
	cov_buf_init(b);
}

char *cov_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

bool cov_grow(void *vp, size_t *cap, size_t n, size_t size, size_t first)
{
	if (n < *cap)
		return true;
	void **v = vp;
	size_t c = *cap ? *cap * 2 : first;
	if (c <= n)
		c = n + 1;
	if (c > SIZE_MAX / size)
		return false;
	void *p = realloc(*v, c * size);
	if (!p)
		return false;
	*v = p;
	*cap = c;
	return true;
}
