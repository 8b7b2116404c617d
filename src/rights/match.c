/*
 * match.c — finding a lexicon's phrases in a run of tokens.  Phrases are
 * indexed by their first word (a stem, or a prefix such as «огранич*»), so
 * each token costs a few binary searches, not a scan of the lexicon.
 */
#include "rights.h"

#include <stdlib.h>
#include <string.h>

static bool word_matches(const cov_phrase_word *w, const cov_token *t)
{
	if (w->prefix)
		return w->len <= t->fold_len && memcmp(t->fold, w->text, w->len) == 0;
	return w->len == t->stem_len && memcmp(t->stem, w->text, w->len) == 0;
}

static bool push(cov_match **out, size_t *n, size_t *cap, cov_match m)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		cov_match *v = realloc(*out, c * sizeof *v);
		if (!v)
			return false;
		*out = v;
		*cap = c;
	}
	(*out)[(*n)++] = m;
	return true;
}

/* Do words[k..] of phrase ph match from token i?  Returns the last token
 * matched, or SIZE_MAX.  A gap "~" tries 0 to COV_PHRASE_GAP tokens, the
 * shortest first. */
static size_t match_from(const cov_phrase *ph, size_t k, const cov_tokens *t, size_t i, size_t to)
{
	for (; k < ph->n_words; k++, i++) {
		if (!ph->words[k].text) {
			for (size_t skip = 0; skip <= COV_PHRASE_GAP && i + skip < to; skip++) {
				size_t end = match_from(ph, k + 1, t, i + skip, to);
				if (end != SIZE_MAX)
					return end;
			}
			return SIZE_MAX;
		}
		if (i >= to || !word_matches(&ph->words[k], &t->v[i]))
			return SIZE_MAX;
	}
	return i - 1;
}

/* Verify phrase p at token i; on success record it. */
static int try_phrase(const cov_rlex *lex, size_t p, const cov_tokens *t, size_t i, size_t to, cov_match **out,
		      size_t *n, size_t *cap)
{
	const cov_phrase *ph = &lex->phrases[p];
	size_t last = match_from(ph, 1, t, i + 1, to);
	if (last == SIZE_MAX)
		return COV_OK;
	cov_match m = {ph->concept, i, last};
	return push(out, n, cap, m) ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
}

/* First index in `idx` whose phrase's first word is >= key (by byte order). */
static size_t lower_bound(const cov_rlex *lex, const size_t *idx, size_t n, const char *key, size_t klen)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *w = lex->phrases[idx[mid]].words[0].text;
		size_t wl = lex->phrases[idx[mid]].words[0].len;
		int c = memcmp(w, key, wl < klen ? wl : klen);
		if (c < 0 || (c == 0 && wl < klen))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The phrases a word may start, computed once per distinct word (the
 * tokenizer interns words, so the fold pointer identifies them) and kept
 * with the tokens: a hash table by fold pointer whose entries list, in the
 * order they are tried, the phrases whose first word is the word's stem,
 * then those whose first word is a prefix of it.  Most words start none. */
struct first_hit {
	struct hit_slot *slots; /* cap, a power of two; at most half full */
	size_t cap, n;
	uint32_t *pool;         /* phrase indexes of all entries */
	size_t n_pool, cap_pool;
	size_t refs;            /* the cov_tokens sharing it (cov_match_share) */
};

struct hit_slot {
	const char *fold; /* NULL: empty */
	uint32_t from, n; /* pool[from, from + n) */
};

void cov_match_cache_free(struct first_hit *h)
{
	if (!h || h->refs-- > 1)
		return;
	free(h->slots);
	free(h->pool);
	free(h);
}

static size_t hash_fold(const char *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static bool pool_push(struct first_hit *h, size_t phrase)
{
	if (!cov_grow(&h->pool, &h->cap_pool, h->n_pool, sizeof *h->pool, 256))
		return false;
	h->pool[h->n_pool++] = (uint32_t)phrase;
	return true;
}

/* The phrases token `tok` may start, in the order they are tried: first
 * word == its stem; first word a prefix of its fold sharing its first two
 * bytes; a one-byte first word equal to its first byte. */
static bool look_up(const cov_rlex *lex, const cov_token *tok, struct first_hit *h, struct hit_slot *sl)
{
	*sl = (struct hit_slot){tok->fold, (uint32_t)h->n_pool, 0};
	size_t k = lower_bound(lex, lex->by_stem, lex->n_by_stem, tok->stem, tok->stem_len);
	for (; k < lex->n_by_stem; k++) {
		const cov_phrase_word *w = &lex->phrases[lex->by_stem[k]].words[0];
		if (w->len != tok->stem_len || memcmp(w->text, tok->stem, w->len) != 0)
			break;
		if (!pool_push(h, lex->by_stem[k]))
			return false;
	}
	size_t key = tok->fold_len < 2 ? tok->fold_len : 2;
	k = lower_bound(lex, lex->by_prefix, lex->n_by_prefix, tok->fold, key);
	for (; k < lex->n_by_prefix; k++) {
		const cov_phrase_word *w = &lex->phrases[lex->by_prefix[k]].words[0];
		if (w->len < key || memcmp(w->text, tok->fold, key) != 0)
			break;
		if (w->len <= tok->fold_len && memcmp(w->text, tok->fold, w->len) == 0 && !pool_push(h, lex->by_prefix[k]))
			return false;
	}
	if (key == 2) {
		k = lower_bound(lex, lex->by_prefix, lex->n_by_prefix, tok->fold, 1);
		for (; k < lex->n_by_prefix && lex->phrases[lex->by_prefix[k]].words[0].len == 1 &&
		       lex->phrases[lex->by_prefix[k]].words[0].text[0] == tok->fold[0];
		     k++)
			if (!pool_push(h, lex->by_prefix[k]))
				return false;
	}
	sl->n = (uint32_t)(h->n_pool - sl->from);
	return true;
}

/* Room for one more entry; false when memory runs out. */
static bool hit_room(struct first_hit *h)
{
	if (2 * (h->n + 1) <= h->cap)
		return true;
	size_t cap = h->cap ? h->cap * 2 : 1024;
	struct hit_slot *v = calloc(cap, sizeof *v);
	if (!v)
		return false;
	for (size_t k = 0; k < h->cap; k++)
		if (h->slots[k].fold) {
			size_t at = hash_fold(h->slots[k].fold) & (cap - 1);
			while (v[at].fold)
				at = (at + 1) & (cap - 1);
			v[at] = h->slots[k];
		}
	free(h->slots);
	h->slots = v;
	h->cap = cap;
	return true;
}

int cov_match_range(const cov_rlex *lex, cov_tokens *t, size_t from, size_t to, cov_match **out, size_t *n,
		    size_t *cap)
{
	if (!t->hits || t->hits_lex != lex) {
		cov_match_cache_free(t->hits);
		t->hits = calloc(1, sizeof *t->hits);
		t->hits_lex = lex;
		if (!t->hits || !hit_room(t->hits))
			return cov_error_set(COV_ENOMEM, "out of memory");
		t->hits->refs = 1;
	}
	struct first_hit *h = t->hits;
	for (size_t i = from; i < to; i++) {
		const cov_token *tok = &t->v[i];
		size_t mask = h->cap - 1, at = hash_fold(tok->fold) & mask;
		while (h->slots[at].fold && h->slots[at].fold != tok->fold)
			at = (at + 1) & mask;
		struct hit_slot *sl = &h->slots[at];
		if (!sl->fold) {
			if (!look_up(lex, tok, h, sl))
				return cov_error_set(COV_ENOMEM, "out of memory");
			h->n++;
			if (!hit_room(h))
				return cov_error_set(COV_ENOMEM, "out of memory");
			/* the table may have moved: find the entry again */
			for (at = hash_fold(tok->fold) & (h->cap - 1); h->slots[at].fold != tok->fold;
			     at = (at + 1) & (h->cap - 1))
				;
			sl = &h->slots[at];
		}
		for (uint32_t k = 0; k < sl->n; k++) {
			int rc = try_phrase(lex, h->pool[sl->from + k], t, i, to, out, n, cap);
			if (rc)
				return rc;
		}
	}
	return COV_OK;
}

void cov_match_share(const cov_tokens *from, cov_tokens *to)
{
	if (!from->hits || to->hits == from->hits)
		return;
	cov_match_cache_free(to->hits);
	to->hits = from->hits;
	to->hits_lex = from->hits_lex;
	to->hits->refs++;
}
