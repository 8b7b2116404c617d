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
	size_t *first, *last;      /* per unit: range [first, last) of law[] */
	/* the law's words: tokens of some unit's own text, outside notes and
	 * markup (HTML tags, anchors); numbers and headings of units are not
	 * among them */
	uint32_t *law;             /* token indexes, in order */
	uint32_t *lids;            /* their interned ids */
	const cov_node **owner;    /* the unit whose own text each is */
	size_t n_law;
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
	size_t (*before)[2];       /* per finding: the old text it is judged against, or {0, 0} */
	cov_review *reviews[2];    /* the checks of both texts (NULL without impact) */
	cov_finding_match *matches;
	size_t n_matches;
	char impact_note[256];
	/* the cost of the alignment, decided before it starts: word comparisons
	 * (postings visited), whether far pairs were compared by rare words
	 * only, and the similarities kept (at most ROW_KEEP per old article) */
	size_t comparisons, kept;
	bool banded;
	/* two different works (cov_diff_best): each pair is an old provision's
	 * best counterpart; `removed` are those without one, nothing is added */
	bool best;
	double best_floor;
};

/* Scratch of the word diff, per interned id: a word's occurrences in the
 * two texts of the pair being diffed (all zero between pairs). */
typedef struct diff_scratch {
	uint32_t n_ids;
	uint32_t *count_a, *count_b, *pos_a, *pos_b;
} diff_scratch;
void diff_scratch_free(diff_scratch *ws);

/* Myers' diff of the law's words a->law[a0, a1) and b->law[b0, b1),
 * grouped into readable changes (byte spans, malloc'd in *out) and into the
 * redline of the pair (segments in the comparison's arena). */
int cov_word_diff(cov_comparison *cmp, diff_scratch *ws, const diff_side *a, size_t a0, size_t a1, const diff_side *b,
		  size_t b0, size_t b1, cov_change **out, size_t *n, const cov_segment **seg, size_t *n_seg);

/* Why the alignment paired article `num` (an old or a new number) as it
 * did: its candidates with their similarities, and the rule that decided
 * (mutual best, taken by another, split or merge share, in order or moved),
 * as text for people, appended to *out.  COV_EINPUT when neither text has
 * an article `num`. */
int cov_diff_explain(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, unsigned flags,
		     const char *num, cov_buf *out);

/* Two different works: each provision of `a` with its most similar
 * provision of `b` at or above `floor` (one provision of b may be the
 * counterpart of several; order does not matter), with the word diff of
 * each pair; no rights impact.  Texts in two languages are refused unless
 * COV_DIFF_ANY_LANGUAGE. */
#define COV_DIFF_BEST_FLOOR 0.15
int cov_diff_best(const cov_data *data, const cov_doc *a, const cov_doc *b, unsigned flags, double floor,
		  cov_comparison **out);

/* Rights impact: regressions and improvements, as findings; the sides'
 * tokens are reused by the rights analysis. */
int cov_diff_impact(const cov_data *data, cov_comparison *cmp, diff_side *old, diff_side *new_side);

#endif
