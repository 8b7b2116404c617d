/*
 * chain.h — the longest chain of items whose values increase (a longest
 * increasing subsequence), with a Fenwick tree of maxima over the values:
 * O(n log v) time, O(n + v) memory.  Used by the parser (the chain of
 * numbered headings) and by diff (the pairs that stayed in order).
 */
#ifndef COV_CHAIN_H
#define COV_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cov_chain_item {
	uint32_t value;    /* values increase along the chain */
	bool same;         /* may also follow an item of the same value ("2A" after "2") */
	bool follow_only;  /* may not begin a chain (a year is no heading's first number) */
	bool ranked;       /* between chains of equal length, one ending here wins */
} cov_chain_item;

/* Between chains of equal length (and equally ranked ends), the one whose
 * items lie later, or earlier, in the input. */
typedef enum cov_chain_tie { COV_CHAIN_LATER = 0, COV_CHAIN_EARLIER } cov_chain_tie;

/* The longest chain through items[0..n) taken in order: on[k] is set for
 * the items on it (on has n entries, cleared by the caller).  Returns the
 * chain's length, or SIZE_MAX when memory runs out (on untouched).
 * n must be below 2^40. */
size_t cov_longest_chain(const cov_chain_item *items, size_t n, cov_chain_tie tie, bool *on);

#endif
