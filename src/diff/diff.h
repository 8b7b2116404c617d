/*
 * diff.h — covenant diff inside libcovenant: aligning the articles of two
 * versions (align.c), a word-level diff inside each pair (words.c), and the
 * rights impact of the change (impact.c).
 */
#ifndef COV_DIFF_H
#define COV_DIFF_H

#include "../doc/doc.h"
#include "../rights/rights.h"

/* A document's words as interned ids, and its article-level units. */
typedef struct diff_side {
	const cov_doc *doc;
	cov_tokens tok;
	uint32_t *ids;             /* per token: interned stem id */
	bool *in_note;             /* per token: inside an editorial note */
	const cov_node **units;    /* articles (the primary kind), in order */
	size_t n_units;
	size_t *first, *last;      /* per unit: token range [first, last) of its body */
} diff_side;

struct cov_comparison {
	const cov_doc *old, *new_doc;
	cov_arena arena;
	cov_pair *pairs;
	size_t n_pairs;
	const cov_node **added, **removed;
	size_t n_added, n_removed;
	cov_finding *findings;
	size_t n_findings, cap_findings;
	char impact_note[256];
	/* the cost of the alignment, decided before it starts: word comparisons
	 * (postings visited), whether far pairs were compared by rare words
	 * only, and the similarities kept (at most ROW_KEEP per old article) */
	size_t comparisons, kept;
	bool banded;
	/* word diff scratch, per interned id: occurrences in a pair's two texts */
	uint32_t n_ids;
	uint32_t *count_a, *count_b, *pos_a, *pos_b;
};

/* Myers' diff of two id sequences, grouped into readable changes; byte
 * spans from the tokens.  Appends to the comparison's arena. */
int cov_word_diff(cov_comparison *cmp, const diff_side *a, size_t a0, size_t a1, const diff_side *b, size_t b0,
		  size_t b1, cov_change **out, size_t *n);

/* Rights impact: regressions and improvements, as findings; the sides'
 * tokens are reused by the rights analysis. */
int cov_diff_impact(const cov_data *data, cov_comparison *cmp, diff_side *old, diff_side *new_side);

#endif
