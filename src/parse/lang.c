/*
 * lang.c — which language is this text in?  Counts the words of the first
 * 16 KB that are among each data/lang file's `common` words; the most hits
 * wins ("und" when no language reaches a handful).  16 KB (some 2,000
 * words) decide as 64 KB did on every file of ../shared/corpus; 4 KB still
 * do, 2 KB do not (two Xhosa and Zulu editions then read as English).
 */
#include "parse.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* u_isalpha without the call for ASCII and the Russian alphabet (А–я),
 * most of what is read here */
static inline bool is_alpha(int32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c >= 0x410 && c <= 0x44F)
		return true;
	return u_isalpha(c);
}

void cov_lang_detect(const cov_data *d, const char *s, size_t n, char out[8])
{
	enum { MAX_LANGS = 64 };
	size_t hits[MAX_LANGS] = {0};
	size_t langs = d->n_langs < MAX_LANGS ? d->n_langs : MAX_LANGS;
	if (n > 16384)
		n = 16384;
	size_t i = 0, words = 0;
	while (i < n) {
		size_t j = i;
		int32_t c = cov_utf8_next(s, n, &j);
		if (!is_alpha(c)) {
			i = j;
			continue;
		}
		size_t start = i;
		words++;
		while (i < n) {
			j = i;
			c = cov_utf8_next(s, n, &j);
			if (!is_alpha(c))
				break;
			i = j;
		}
		char folded[64];
		int fl;
		if (i - start > 40 || (fl = cov_utf8_fold(s + start, i - start, folded, sizeof folded)) <= 0)
			continue;
		uint64_t in = cov_lexicon_common(d, folded, (size_t)fl);
		for (size_t k = 0; in && k < langs; k++, in >>= 1)
			hits[k] += in & 1;
	}
	size_t best = 0, best_hits = 0, second = 0;
	for (size_t k = 0; k < langs; k++) {
		if (hits[k] > best_hits) {
			second = best_hits;
			best_hits = hits[k];
			best = k;
		} else if (hits[k] > second) {
			second = hits[k];
		}
	}
	/* five hits decide a real text; a short one needs a clear lead */
	/* common words are a tenth of any real text in their language: a
	 * language that explains under 3 % of the words is a coincidence */
	bool sure = (best_hits >= 5 && best_hits * 100 >= words * 3) ||
		    (best_hits >= 1 && best_hits > second && words < 200);
	snprintf(out, 8, "%s", sure ? d->langs[best].code : "und");
}
