/*
 * fuzz_common.h — what every libFuzzer target shares: the data directory
 * (COVENANT_DATA, opened once) and the invariants of a parsed document,
 * the library's promises: spans inside the text, children inside parents.
 */
#ifndef COVENANT_FUZZ_COMMON_H
#define COVENANT_FUZZ_COMMON_H

#include "covenant.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len);

static inline const cov_data *fuzz_data(void)
{
	static cov_data *data;
	if (!data && cov_data_open(NULL, &data) != COV_OK)
		abort();
	return data;
}

static inline void fuzz_check_tree(const cov_doc *doc)
{
	size_t n;
	cov_doc_text(doc, &n);
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	while (cov_iter_next(&it) != COV_EVENT_DONE) {
		const cov_node *nd = cov_iter_node(&it);
		if (cov_node_end(nd) > n || cov_node_start(nd) > cov_node_end(nd) ||
		    cov_node_text_start(nd) > cov_node_text_end(nd))
			abort();
		const cov_node *p = cov_node_parent(nd);
		if (p && (cov_node_start(nd) < cov_node_start(p) || cov_node_end(nd) > cov_node_end(p)))
			abort();
	}
}

/* true if `nd` is a node of `doc`: its ancestors end at the root */
static inline int fuzz_node_in(const cov_doc *doc, const cov_node *nd)
{
	if (!nd)
		return 0;
	while (cov_node_parent(nd))
		nd = cov_node_parent(nd);
	return nd == cov_doc_root(doc);
}

#endif
