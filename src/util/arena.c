/*
 * arena.c — a bump allocator: a document's nodes and small strings live in a
 * list of chunks that cov_arena_free releases together (cmark's and SQLite's
 * habit of one lifetime per parse).
 */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cov_arena_chunk {
	cov_arena_chunk *next;
	size_t cap;
	_Alignas(max_align_t) unsigned char data[];
};

#define CHUNK_MIN ((size_t)32 << 10)

void cov_arena_init(cov_arena *a)
{
	a->head = NULL;
	a->used = a->cap = 0;
}

/* Blocks are aligned to 8 bytes, enough for every type the arena holds
 * (pointers, size_t, long, double): a node takes 136 bytes, not 144, and
 * a short string 8 or 16, not 16. */
void *cov_arena_alloc(cov_arena *a, size_t size)
{
	size = (size + 7) & ~(size_t)7;
	if (!a->head || a->cap - a->used < size) {
		size_t cap = size > CHUNK_MIN ? size : CHUNK_MIN;
		cov_arena_chunk *c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->next = a->head;
		c->cap = cap;
		a->head = c;
		a->used = 0;
		a->cap = cap;
	}
	void *p = a->head->data + a->used;
	a->used += size;
	memset(p, 0, size);
	return p;
}

char *cov_arena_strndup(cov_arena *a, const char *s, size_t n)
{
	char *p = cov_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

void cov_arena_free(cov_arena *a)
{
	cov_arena_chunk *c = a->head;
	while (c) {
		cov_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	cov_arena_init(a);
}

const char *cov_arena_printf(cov_arena *a, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	const char *p = cov_arena_strndup(a, buf, strlen(buf));
	return p ? p : "";
}
