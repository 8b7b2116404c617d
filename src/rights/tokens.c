/*
 * tokens.c — the words of a document, tokenized once: each word's bytes,
 * its case-folded form and its Snowball stem (libstemmer), so that
 * «ограничены», «ограничено» and "restricted", "restrictions" can be found
 * by one lexicon entry.  Words are runs of letters, digits and combining
 * marks (ICU's properties), so every script is cut the same way.
 */
#include "rights.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

static bool is_word_cp(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	if (c >= 0x400 && c <= 0x4FF) /* Cyrillic: letters and combining marks */
		return c != 0x482;
	return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
}

/* «ё» is written «е» in most Russian texts: fold them together. */
static void yo_to_ye(char *s)
{
	for (; *s; s++)
		if ((unsigned char)s[0] == 0xD1 && (unsigned char)s[1] == 0x91) {
			s[0] = (char)0xD0;
			s[1] = (char)0xB5;
		}
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

size_t cov_suffix_stem(const cov_rlex *lex, const char *word, size_t len, char *out, size_t cap)
{
	if (len >= cap)
		len = cap - 1;
	memcpy(out, word, len);
	size_t n = len, chars = utf8_chars(word, len);
	for (bool stripped = true; stripped;) {
		stripped = false;
		for (size_t i = 0; i < lex->n_suffixes; i++) {
			const char *sfx = lex->suffixes[i];
			size_t sl = strlen(sfx), sc = utf8_chars(sfx, sl);
			if (sl < n && sc + (size_t)lex->min_stem <= chars && memcmp(out + n - sl, sfx, sl) == 0) {
				n -= sl;
				chars -= sc;
				stripped = true;
				break;
			}
		}
	}
	for (size_t i = 0; i + 1 < lex->n_finals; i += 2) {
		const char *from = lex->finals[i], *to = lex->finals[i + 1];
		size_t fl = strlen(from), tl = strlen(to);
		if (fl <= n && memcmp(out + n - fl, from, fl) == 0 && n - fl + tl < cap) {
			memcpy(out + n - fl, to, tl);
			n = n - fl + tl;
			break;
		}
	}
	out[n] = '\0';
	return n;
}

/* Words repeat (a constitution says "right" hundreds of times, and two
 * versions of a law share most of their words): a table from a word's
 * bytes as written to its interned fold and stem answers most tokens with
 * one hash and one comparison, without folding or stemming.  Behind it, a
 * table by folded form (two spellings, one fold) and one by stem, so that
 * every distinct fold and every distinct stem has one pointer.  The tables
 * grow (open addressing, at most half full, of 4-byte indexes into their
 * entries, which lie side by side); nothing is ever evicted. */
typedef struct word_slot {
	const char *key;
	uint32_t len, hash;
	const char *fold, *stem;
	uint32_t fold_len, stem_len;
} word_slot;

typedef struct word_table {
	uint32_t *idx;  /* cap slots: 0 empty, else 1 + the entry's index */
	size_t cap;
	word_slot *e;   /* the entries, n of ecap */
	size_t n, ecap;
} word_table;

typedef struct word_cache {
	word_table raw, fold, stem;
	struct sb_stemmer *st;
	const cov_rlex *sfx;
} word_cache;

static uint32_t hash_word(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 29;
	}
	if (i < n) {
		uint64_t w = 0;
		memcpy(&w, s + i, n - i);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 29;
	}
	h *= 0xC4CEB9FE1A85EC53ull;
	return (uint32_t)(h ^ (h >> 32));
}

/* The slot of key: 0 in it when absent. */
static uint32_t *wfind(const word_table *t, const char *key, size_t len, uint32_t hash)
{
	size_t mask = t->cap - 1;
	for (size_t k = hash & mask;; k = (k + 1) & mask) {
		uint32_t *sl = &t->idx[k];
		if (!*sl)
			return sl;
		const word_slot *e = &t->e[*sl - 1];
		if (e->hash == hash && e->len == len && memcmp(e->key, key, len) == 0)
			return sl;
	}
}

/* Room for one more entry; false when memory runs out. */
static bool wroom(word_table *t)
{
	if (!cov_grow(&t->e, &t->ecap, t->n, sizeof *t->e, 128))
		return false;
	if (t->idx && 2 * (t->n + 1) <= t->cap)
		return true;
	size_t cap = t->cap ? t->cap * 2 : 256;
	uint32_t *v = calloc(cap, sizeof *v);
	if (!v)
		return false;
	for (size_t k = 0; k < t->n; k++) {
		size_t at = t->e[k].hash & (cap - 1);
		while (v[at])
			at = (at + 1) & (cap - 1);
		v[at] = (uint32_t)k + 1;
	}
	free(t->idx);
	t->idx = v;
	t->cap = cap;
	return true;
}

/* Adds entry `e` in the empty slot `sl` (wroom made room); returns it. */
static const word_slot *wadd(word_table *t, uint32_t *sl, word_slot e)
{
	t->e[t->n++] = e;
	*sl = (uint32_t)t->n;
	return &t->e[t->n - 1];
}

static void cache_free(word_cache *c)
{
	word_table *t[3] = {&c->raw, &c->fold, &c->stem};
	for (int k = 0; k < 3; k++) {
		free(t[k]->idx);
		free(t[k]->e);
	}
	if (c->st)
		sb_stemmer_delete(c->st);
	memset(c, 0, sizeof *c);
}

static int cache_init(word_cache *c, const char *stemmer, const cov_rlex *sfx)
{
	memset(c, 0, sizeof *c);
	c->sfx = sfx;
	if (!sfx && stemmer && *stemmer) {
		c->st = sb_stemmer_new(stemmer, "UTF_8");
		if (!c->st)
			return cov_error_set(COV_EDATA, "unknown stemmer '%s' (libstemmer)", stemmer);
	}
	return COV_OK;
}

/* The fold and stem of the word text[0, n) as written: *slot filled; new
 * strings go to `arena`.  COV_EINPUT (no error set) when its fold does not
 * fit (the word is skipped, as it always was). */
static int word_of(word_cache *c, cov_arena *arena, const char *text, size_t n, word_slot *out)
{
	bool cached = c->raw.idx != NULL; /* short texts go without the tables */
	uint32_t rh = cached ? hash_word(text, n) : 0;
	uint32_t *r = cached ? wfind(&c->raw, text, n, rh) : NULL;
	if (r && *r) {
		*out = c->raw.e[*r - 1];
		return COV_OK;
	}
	char folded[512];
	int fl = cov_utf8_fold(text, n, folded, sizeof folded);
	if (fl < 0)
		return COV_EINPUT;
	yo_to_ye(folded);
	size_t flen = (size_t)fl;
	uint32_t fh = cached ? hash_word(folded, flen) : 0;
	uint32_t *fs = cached ? wfind(&c->fold, folded, flen, fh) : NULL;
	const word_slot *f = fs && *fs ? &c->fold.e[*fs - 1] : NULL;
	if (!f) {
		const char *fold = cov_arena_strndup(arena, folded, flen);
		if (!fold)
			return cov_error_set(COV_ENOMEM, "out of memory");
		const char *stem = folded;
		size_t sl = flen;
		char stembuf[512];
		if (c->sfx) {
			sl = cov_suffix_stem(c->sfx, folded, flen, stembuf, sizeof stembuf);
			stem = stembuf;
		} else if (c->st) {
			const sb_symbol *s = sb_stemmer_stem(c->st, (const sb_symbol *)folded, (int)sl);
			if (s) {
				stem = (const char *)s;
				sl = (size_t)sb_stemmer_length(c->st);
			}
		}
		if (!cached) {
			const char *copy = sl == flen && memcmp(stem, fold, sl) == 0 ? fold : cov_arena_strndup(arena, stem, sl);
			if (!copy)
				return cov_error_set(COV_ENOMEM, "out of memory");
			*out = (word_slot){text, (uint32_t)n, 0, fold, copy, (uint32_t)flen, (uint32_t)sl};
			return COV_OK;
		}
		uint32_t sh = hash_word(stem, sl);
		uint32_t *ss = wfind(&c->stem, stem, sl, sh);
		const word_slot *st = *ss ? &c->stem.e[*ss - 1] : NULL;
		if (!st) {
			const char *copy = sl == flen && memcmp(stem, fold, sl) == 0 ? fold : cov_arena_strndup(arena, stem, sl);
			if (!copy)
				return cov_error_set(COV_ENOMEM, "out of memory");
			st = wadd(&c->stem, ss, (word_slot){copy, (uint32_t)sl, sh, NULL, copy, 0, (uint32_t)sl});
		}
		f = wadd(&c->fold, fs, (word_slot){fold, (uint32_t)flen, fh, fold, st->stem, (uint32_t)flen, (uint32_t)sl});
		if (!wroom(&c->stem))
			return cov_error_set(COV_ENOMEM, "out of memory");
	}
	*out = *wadd(&c->raw, r, (word_slot){text, (uint32_t)n, rh, f->fold, f->stem, f->fold_len, f->stem_len});
	if (!wroom(&c->fold) || !wroom(&c->raw))
		return cov_error_set(COV_ENOMEM, "out of memory");
	return COV_OK;
}

/* Is the character at text[i] part of a word?  Its length in *n. */
static inline bool word_char_at(const char *text, size_t len, size_t i, size_t *next)
{
	const unsigned char *p = (const unsigned char *)text + i;
	if (p[0] < 0x80) {
		*next = i + 1;
		unsigned char c = p[0] | 32;
		return (c >= 'a' && c <= 'z') || (p[0] >= '0' && p[0] <= '9');
	}
	/* Cyrillic (U+0400–U+04FF): D0–D3 and a continuation byte */
	if (p[0] >= 0xD0 && p[0] <= 0xD3 && i + 1 < len && (p[1] & 0xC0) == 0x80) {
		*next = i + 2;
		return !(p[0] == 0xD2 && p[1] == 0x82); /* U+0482 ҂, a sign */
	}
	size_t j = i;
	int32_t c = cov_utf8_next(text, len, &j);
	*next = j;
	return is_word_cp(c);
}

static int tokenize_with(word_cache *c, const char *text, size_t len, cov_tokens *out)
{
	memset(out, 0, sizeof *out);
	cov_arena_init(&out->arena);
	size_t cap = 0;
	size_t i = 0;
	int rc = COV_OK;
	while (i < len) {
		size_t j;
		if (!word_char_at(text, len, i, &j)) {
			i = j;
			continue;
		}
		size_t start = i;
		i = j;
		while (i < len && word_char_at(text, len, i, &j))
			i = j;
		if (i - start > 200 || start > UINT32_MAX || i > UINT32_MAX)
			continue; /* not a word of a law: an encoded blob */
		if (out->n == cap) {
			cap = cap ? cap * 2 : len < 4096 ? len / 4 + 4 : 1024; /* a phrase's word: a few */
			cov_token *v = realloc(out->v, cap * sizeof *v);
			if (!v) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			out->v = v;
		}
		word_slot w;
		int wr = word_of(c, &out->arena, text + start, i - start, &w);
		if (wr == COV_EINPUT)
			continue; /* its fold does not fit: skipped */
		if (wr != COV_OK) {
			rc = wr;
			break;
		}
		out->v[out->n++] = (cov_token){(uint32_t)start, (uint32_t)i, w.fold, w.stem, w.fold_len, w.stem_len};
	}
	if (rc != COV_OK)
		cov_tokens_free(out);
	return rc;
}

static int cache_open(word_cache *c, const char *stemmer, const cov_rlex *sfx)
{
	int rc = cache_init(c, stemmer, sfx);
	if (rc == COV_OK && (!wroom(&c->raw) || !wroom(&c->fold) || !wroom(&c->stem)))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc != COV_OK)
		cache_free(c);
	return rc;
}

static int tokenize(const char *text, size_t len, const char *stemmer, const cov_rlex *sfx, cov_tokens *out)
{
	word_cache c;
	/* short texts (the lexicon's own phrases) go without the tables */
	int rc = len > 4096 ? cache_open(&c, stemmer, sfx) : cache_init(&c, stemmer, sfx);
	if (rc != COV_OK) {
		memset(out, 0, sizeof *out);
		return rc;
	}
	rc = tokenize_with(&c, text, len, out);
	cache_free(&c);
	return rc;
}

int cov_tokenize(const char *text, size_t len, const char *stemmer, cov_tokens *out)
{
	return tokenize(text, len, stemmer, NULL, out);
}

int cov_tokenize_lex(const char *text, size_t len, const cov_rlex *lex, cov_tokens *out)
{
	if (lex && lex->n_suffixes)
		return tokenize(text, len, NULL, lex, out);
	return tokenize(text, len, lex ? lex->stemmer : NULL, NULL, out);
}

int cov_tokenize_lex_pair(const char *a, size_t alen, const char *b, size_t blen, const cov_rlex *lex, cov_tokens *out_a,
			  cov_tokens *out_b)
{
	memset(out_b, 0, sizeof *out_b);
	word_cache c;
	int rc = lex && lex->n_suffixes ? cache_open(&c, NULL, lex) : cache_open(&c, lex ? lex->stemmer : NULL, NULL);
	if (rc != COV_OK) {
		memset(out_a, 0, sizeof *out_a);
		return rc;
	}
	rc = tokenize_with(&c, a, alen, out_a);
	if (rc == COV_OK && (rc = tokenize_with(&c, b, blen, out_b)) != COV_OK)
		cov_tokens_free(out_a);
	cache_free(&c);
	return rc;
}

void cov_tokens_free(cov_tokens *t)
{
	cov_match_cache_free(t->hits);
	t->hits = NULL;
	free(t->v);
	cov_arena_free(&t->arena);
	t->v = NULL;
	t->n = 0;
}

size_t cov_tokens_at(const cov_tokens *t, size_t at)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->v[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
