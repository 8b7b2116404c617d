/*
 * number.h — recognising and normalising the numbers of legal units:
 * arabic digits of any script (ICU's digit values), roman numerals, letters,
 * number words from data/, and the suffixes of inserted units («26-1»,
 * «94-1», «5bis», «67.1», «12A», «67¹»).
 */
#ifndef COV_NUMBER_H
#define COV_NUMBER_H

#include "lexicon.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum cov_num_type {
	COV_NUM_NONE = 0,
	COV_NUM_ARABIC,
	COV_NUM_ROMAN,
	COV_NUM_LETTER,
	COV_NUM_WORD
} cov_num_type;

enum {
	COV_NUM_ALLOW_ROMAN = 1,        /* I, II, XIV */
	COV_NUM_ALLOW_ROMAN_LOWER = 2,  /* i, ii, xiv */
	COV_NUM_ALLOW_LETTER = 4,       /* a, b, A, а, б */
	COV_NUM_ALLOW_WORD = 8,         /* first, первый */
	COV_NUM_ALLOW_SUFFIX = 16,      /* 26-1, 5bis, 67.1, 12A */
	COV_NUM_ALLOW_ORDINAL = 32,     /* 1º, 1.º, 1er, 2aad: a mark from data/ after the digits */
	COV_NUM_ALLOW_HAN = 64,         /* 二十一, and digits touching a Han character: «第１条» */
	COV_NUM_ALLOW_ETHIOPIC = 128    /* ፳፩: Ethiopic numerals, additive (ICU's numeric values) */
};

typedef struct cov_num {
	cov_num_type type;
	long value;      /* 26 for "26-1", 2 for "II" and "b" */
	bool has_suffix; /* "26-1", "5bis": an inserted unit */
	size_t len;      /* bytes of the number as printed */
	char norm[32];   /* normalised: ASCII digits, '-' for dashes */
} cov_num;

/* Recognise a number at the start of s[0..n); returns its length in bytes
 * (0 if none).  The number must end at a boundary (space, punctuation, end). */
size_t cov_num_scan(const cov_data *d, const char *s, size_t n, unsigned allow, cov_num *out);

/* Value of a roman numeral (upper or lower case), 0 if not a valid one. */
long cov_roman_value(const char *s, size_t n);

#endif
