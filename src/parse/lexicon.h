/*
 * lexicon.h — the heading words, number words and language hints read from
 * the files in data/lang/ (see data/README.md).  All words are stored case-folded.
 */
#ifndef COV_LEXICON_H
#define COV_LEXICON_H

#include "covenant.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cov_keyword {
	char *word;          /* folded */
	size_t len;
	cov_node_kind kind;
	bool after;          /* the number comes first: «1-бап» */
} cov_keyword;

typedef struct cov_numword {
	char *word;          /* folded */
	size_t len;
	long value;
} cov_numword;

typedef struct cov_lang {
	char code[8];
	char **common;       /* folded, sorted */
	size_t n_common;
	char **openings;     /* folded */
	size_t n_openings;
	char **title_words;  /* folded: words that name the act ("constitution") */
	size_t n_title_words;
} cov_lang;

struct cov_rights_data;

/* The beginnings of a set of folded words: their first two bytes, and a
 * hash of their first four (the words of four bytes or more); words shorter
 * than four bytes mark their first two in `short2`. */
typedef struct cov_starts {
	uint64_t two[1024], four[1024], short2[1024];
} cov_starts;

struct cov_data {
	char *dir;
	char **note_words;      /* folded: «сноска», "footnote" */
	size_t n_note_words;
	char **repealed_words;  /* folded: «исключена», "repealed" */
	size_t n_repealed_words;
	char **reference_words; /* folded: «см. нормативное постановление»: a note that cites, not amends */
	size_t n_reference_words;
	char **effective_words; /* folded: «вводится в действие с»: the date after it is when an amendment takes effect */
	size_t n_effective_words;
	struct cov_rights_data *rights; /* data/standards, data/rights, data/rules.txt */
	cov_keyword *keywords;  /* longest first, so "transitory article" wins over "art" */
	size_t n_keywords;
	cov_numword *numwords;
	size_t n_numwords;
	char **ordinal_marks;   /* folded, longest first: "º", "er", "aad" */
	size_t n_ordinal_marks;
	cov_lang *langs;
	size_t n_langs;
	/* keywords and number words by their first byte, each list in the
	 * order above: [by_byte[b], by_byte[b + 1]) of the order array */
	size_t kw_by_byte[257], *kw_order;
	size_t nw_by_byte[257], *nw_order;
	/* every language's common words in one open-addressing table: the
	 * word and the bit set of the languages (≤ 64) that list it */
	struct cov_common_slot { const char *word; uint64_t langs; } *common_hash;
	size_t common_mask;     /* table size - 1 (a power of two), 0 if none */
	/* how every keyword, number word and note word (folded) begins, as
	 * bits: most lines start with none, and four characters cost less to
	 * fold than a line's first 96 bytes */
	cov_starts kw_start, nw_start, note_start;
};

/* Whether s[0..n) can start with one of the words marked in `st` (false:
 * it cannot; true: it may, fold more and look). */
bool cov_lexicon_may_start(const cov_starts *st, const char *s, size_t n);

/* The languages (bit k: d->langs[k]) whose common words include `folded`. */
uint64_t cov_lexicon_common(const cov_data *d, const char *folded, size_t len);

/* Longest keyword that `folded` (a folded line prefix) starts with, followed
 * by a word boundary; NULL if none. */
const cov_keyword *cov_lexicon_keyword(const cov_data *d, const char *folded, size_t len, bool after);
/* Value of a number word that `folded` starts with (0 if none); *len gets its length. */
long cov_lexicon_numword(const cov_data *d, const char *folded, size_t n, size_t *len);

#endif
