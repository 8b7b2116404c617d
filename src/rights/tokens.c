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

/* Words repeat (a constitution says "right" hundreds of times): a
 * direct-mapped cache from folded word to its interned fold and stem saves
 * most stemmer calls and copies.  A collision just overwrites a slot. */
#define STEM_CACHE 16384

typedef struct stem_slot {
	const char *fold, *stem;
	uint32_t fold_len, stem_len;
} stem_slot;

static uint32_t fnv1a(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
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

static int tokenize(const char *text, size_t len, const char *stemmer, const cov_rlex *sfx, cov_tokens *out);

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

static int tokenize(const char *text, size_t len, const char *stemmer, const cov_rlex *sfx, cov_tokens *out)
{
	memset(out, 0, sizeof *out);
	cov_arena_init(&out->arena);
	struct sb_stemmer *st = NULL;
	if (stemmer && *stemmer) {
		st = sb_stemmer_new(stemmer, "UTF_8");
		if (!st)
			return cov_error_set(COV_EDATA, "unknown stemmer '%s' (libstemmer)", stemmer);
	}
	size_t cap = 0;
	size_t i = 0;
	int rc = COV_OK;
	/* short texts (the lexicon's own phrases) go without the cache */
	stem_slot *cache = len > 4096 ? calloc(STEM_CACHE, sizeof *cache) : NULL;
	if (len > 4096 && !cache) {
		if (st)
			sb_stemmer_delete(st);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	while (i < len) {
		size_t j = i;
		int32_t c = cov_utf8_next(text, len, &j);
		if (!is_word_cp(c)) {
			i = j;
			continue;
		}
		size_t start = i;
		i = j;
		while (i < len) {
			j = i;
			c = cov_utf8_next(text, len, &j);
			if (!is_word_cp(c))
				break;
			i = j;
		}
		if (i - start > 200 || start > UINT32_MAX || i > UINT32_MAX)
			continue; /* not a word of a law: an encoded blob */
		if (out->n == cap) {
			cap = cap ? cap * 2 : 1024;
			cov_token *v = realloc(out->v, cap * sizeof *v);
			if (!v) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			out->v = v;
		}
		char folded[512];
		int fl = cov_utf8_fold(text + start, i - start, folded, sizeof folded);
		if (fl < 0)
			continue;
		yo_to_ye(folded);
		cov_token *t = &out->v[out->n];
		t->start = (uint32_t)start;
		t->end = (uint32_t)i;
		size_t flen = (size_t)fl;
		stem_slot dummy = {0}, *slot = cache ? &cache[fnv1a(folded, flen) % STEM_CACHE] : &dummy;
		if (slot->fold && slot->fold_len == flen && memcmp(slot->fold, folded, flen) == 0) {
			t->fold = slot->fold;
			t->stem = slot->stem;
			t->fold_len = slot->fold_len;
			t->stem_len = slot->stem_len;
			out->n++;
			continue;
		}
		t->fold = cov_arena_strndup(&out->arena, folded, flen);
		const char *stem = folded;
		size_t sl = flen;
		char stembuf[512];
		if (sfx) {
			sl = cov_suffix_stem(sfx, folded, flen, stembuf, sizeof stembuf);
			stem = stembuf;
		} else if (st) {
			const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)folded, (int)sl);
			if (s) {
				stem = (const char *)s;
				sl = (size_t)sb_stemmer_length(st);
			}
		}
		t->stem = cov_arena_strndup(&out->arena, stem, sl);
		t->fold_len = (uint32_t)flen;
		t->stem_len = (uint32_t)sl;
		*slot = (stem_slot){t->fold, t->stem, t->fold_len, t->stem_len};
		if (!t->fold || !t->stem) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		out->n++;
	}
	free(cache);
	if (st)
		sb_stemmer_delete(st);
	if (rc != COV_OK)
		cov_tokens_free(out);
	return rc;
}

void cov_tokens_free(cov_tokens *t)
{
	free(t->hits);
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
