/*
 * chain.c — the longest increasing chain (see chain.h).
 *
 * Each item's best chain ends at it: its length, whether its end is ranked,
 * and its place, packed into one key (length << 41 | ranked << 40 | place)
 * so that the larger key is the better chain.  A Fenwick tree over values
 * gives the best key among the items seen so far with a smaller value; an
 * item that may follow its own value also looks at the best key of that
 * value alone.
 */
#include "chain.h"

#include <stdlib.h>

size_t cov_longest_chain(const cov_chain_item *items, size_t n, cov_chain_tie tie, bool *on)
{
	if (!n)
		return 0;
	uint32_t maxv = 0;
	for (size_t k = 0; k < n; k++)
		if (items[k].value > maxv)
			maxv = items[k].value;
	size_t nv = (size_t)maxv + 1;
	size_t *prev = malloc(n * sizeof *prev);
	uint64_t *fen = calloc(nv + 1, sizeof *fen), *at = calloc(nv, sizeof *at);
	if (!prev || !fen || !at) {
		free(prev), free(fen), free(at);
		return SIZE_MAX;
	}
	const uint64_t place_mask = ((uint64_t)1 << 40) - 1;
	/* the place as a key: larger is preferred */
#define PLACE(k) (tie == COV_CHAIN_LATER ? (uint64_t)(k) + 1 : (uint64_t)(n - (k)))
#define INDEX(key) (tie == COV_CHAIN_LATER ? (size_t)((key) & place_mask) - 1 : n - (size_t)((key) & place_mask))
	uint64_t top = 0;
	for (size_t k = 0; k < n; k++) {
		size_t v = (size_t)items[k].value + 1; /* 1-based for the tree */
		uint64_t best = 0;
		for (size_t p = v - 1; p > 0; p -= p & -p) /* max over values < v */
			if (fen[p] > best)
				best = fen[p];
		if (items[k].same && at[v - 1] > best)
			best = at[v - 1];
		prev[k] = best ? INDEX(best) : SIZE_MAX;
		if (!best && items[k].follow_only)
			continue;
		uint64_t len = best ? (best >> 41) + 1 : 1;
		uint64_t key = len << 41 | (uint64_t)items[k].ranked << 40 | PLACE(k);
		for (size_t p = v; p <= nv; p += p & -p)
			if (key > fen[p])
				fen[p] = key;
		if (key > at[v - 1])
			at[v - 1] = key;
		if (key > top)
			top = key;
	}
	for (size_t k = top ? INDEX(top) : SIZE_MAX; k != SIZE_MAX; k = prev[k])
		on[k] = true;
#undef PLACE
#undef INDEX
	free(prev), free(fen), free(at);
	return (size_t)(top >> 41);
}
