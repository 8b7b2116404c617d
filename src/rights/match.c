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

/* Where a word's phrases start in the two indexes: computed once per
 * distinct word (words are interned by the tokenizer, so the fold pointer
 * identifies them) in a direct-mapped cache kept with the tokens. */
#define HIT_CACHE 4096

struct first_hit {
	const char *fold;
	uint32_t s_lo, s_hi; /* by_stem[s_lo, s_hi): first word == stem */
	uint32_t p_lo, p_hi; /* by_prefix[p_lo, p_hi): first word shares the first two bytes */
	uint32_t o_lo, o_hi; /* by_prefix[o_lo, o_hi): one-byte first words equal to the first byte */
};

static void look_up(const cov_rlex *lex, const cov_token *tok, struct first_hit *h)
{
	h->fold = tok->fold;
	size_t k = lower_bound(lex, lex->by_stem, lex->n_by_stem, tok->stem, tok->stem_len);
	h->s_lo = (uint32_t)k;
	while (k < lex->n_by_stem) {
		const cov_phrase_word *w = &lex->phrases[lex->by_stem[k]].words[0];
		if (w->len != tok->stem_len || memcmp(w->text, tok->stem, w->len) != 0)
			break;
		k++;
	}
	h->s_hi = (uint32_t)k;
	size_t key = tok->fold_len < 2 ? tok->fold_len : 2;
	k = lower_bound(lex, lex->by_prefix, lex->n_by_prefix, tok->fold, key);
	h->p_lo = (uint32_t)k;
	while (k < lex->n_by_prefix) {
		const cov_phrase_word *w = &lex->phrases[lex->by_prefix[k]].words[0];
		if (w->len < key || memcmp(w->text, tok->fold, key) != 0)
			break;
		k++;
	}
	h->p_hi = (uint32_t)k;
	h->o_lo = h->o_hi = 0;
	if (key == 2) {
		k = lower_bound(lex, lex->by_prefix, lex->n_by_prefix, tok->fold, 1);
		h->o_lo = (uint32_t)k;
		while (k < lex->n_by_prefix && lex->phrases[lex->by_prefix[k]].words[0].len == 1 &&
		       lex->phrases[lex->by_prefix[k]].words[0].text[0] == tok->fold[0])
			k++;
		h->o_hi = (uint32_t)k;
	}
}

int cov_match_range(const cov_rlex *lex, cov_tokens *t, size_t from, size_t to, cov_match **out, size_t *n,
		    size_t *cap)
{
	if (!t->hits || t->hits_lex != lex) {
		free(t->hits);
		t->hits = calloc(HIT_CACHE, sizeof *t->hits);
		t->hits_lex = lex;
		if (!t->hits)
			return cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t i = from; i < to; i++) {
		const cov_token *tok = &t->v[i];
		struct first_hit *h = &t->hits[((uintptr_t)tok->fold >> 3) % HIT_CACHE];
		if (h->fold != tok->fold)
			look_up(lex, tok, h);
		for (uint32_t k = h->s_lo; k < h->s_hi; k++) {
			int rc = try_phrase(lex, lex->by_stem[k], t, i, to, out, n, cap);
			if (rc)
				return rc;
		}
		for (uint32_t k = h->p_lo; k < h->p_hi; k++) {
			const cov_phrase_word *w = &lex->phrases[lex->by_prefix[k]].words[0];
			if (w->len <= tok->fold_len && memcmp(w->text, tok->fold, w->len) == 0) {
				int rc = try_phrase(lex, lex->by_prefix[k], t, i, to, out, n, cap);
				if (rc)
					return rc;
			}
		}
		for (uint32_t k = h->o_lo; k < h->o_hi; k++) {
			int rc = try_phrase(lex, lex->by_prefix[k], t, i, to, out, n, cap);
			if (rc)
				return rc;
		}
	}
	return COV_OK;
}
