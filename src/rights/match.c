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
		return strncmp(t->fold, w->text, strlen(w->text)) == 0;
	return strcmp(t->stem, w->text) == 0;
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
		size_t wl = strlen(w);
		int c = memcmp(w, key, wl < klen ? wl : klen);
		if (c < 0 || (c == 0 && wl < klen))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int cov_match_range(const cov_rlex *lex, const cov_tokens *t, size_t from, size_t to, cov_match **out, size_t *n,
		    size_t *cap)
{
	for (size_t i = from; i < to; i++) {
		const cov_token *tok = &t->v[i];
		size_t sl = strlen(tok->stem);
		for (size_t k = lower_bound(lex, lex->by_stem, lex->n_by_stem, tok->stem, sl); k < lex->n_by_stem; k++) {
			if (strcmp(lex->phrases[lex->by_stem[k]].words[0].text, tok->stem) != 0)
				break;
			int rc = try_phrase(lex, lex->by_stem[k], t, i, to, out, n, cap);
			if (rc)
				return rc;
		}
		/* prefixes: every leading part of the folded word that ends on a
		 * character boundary */
		size_t fl = strlen(tok->fold);
		for (size_t len = 1; len <= fl; len++) {
			if (len < fl && ((unsigned char)tok->fold[len] & 0xC0) == 0x80)
				continue;
			for (size_t k = lower_bound(lex, lex->by_prefix, lex->n_by_prefix, tok->fold, len);
			     k < lex->n_by_prefix; k++) {
				const char *w = lex->phrases[lex->by_prefix[k]].words[0].text;
				if (strlen(w) != len || memcmp(w, tok->fold, len) != 0)
					break;
				int rc = try_phrase(lex, lex->by_prefix[k], t, i, to, out, n, cap);
				if (rc)
					return rc;
			}
		}
	}
	return COV_OK;
}
