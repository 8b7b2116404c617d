/*
 * helpers.h — what the tests share: the data directory, parsing a string,
 * finding nodes, the corpus (skipped with a message when absent), and the
 * "no word lost" check.
 */
#ifndef COV_TEST_HELPERS_H
#define COV_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "covenant.h"

extern cov_data *test_data;
int test_setup_data(void **state);
int test_teardown_data(void **state);

/* Parse a NUL-terminated string; fails the test on error. */
cov_doc *parse_str(const char *text);
cov_doc *parse_str_opts(const char *text, size_t len, const cov_parse_options *opts);

/* The n-th (0-based) node of `kind` in document order, NULL if none. */
const cov_node *nth_node(const cov_doc *doc, cov_node_kind kind, size_t n);
/* First node of `kind` with normalised number `num`, NULL if none. */
const cov_node *find_node(const cov_doc *doc, cov_node_kind kind, const char *num);
/* A malloc'd copy of a node's own text. */
char *node_text(const cov_doc *doc, const cov_node *n);

/* Path of a corpus file, or NULL (and a message) when the corpus is absent. */
const char *corpus_path(const char *rel, char *buf, size_t cap);
/* Skip the current test with a message when the corpus is absent. */
#define REQUIRE_CORPUS(var, rel)                                                   \
	char var##_buf[4096];                                                      \
	const char *var = corpus_path(rel, var##_buf, sizeof var##_buf);           \
	if (!var) {                                                                \
		skip();                                                            \
	}

/* Assert that the words of all nodes' headings and own texts, in document
 * order, are exactly the words of the document's text. */
void assert_no_word_lost(const cov_doc *doc);
/* Assert every span is inside its parent, children are in order and do not
 * overlap, and every eId is unique. */
void assert_tree_sane(const cov_doc *doc);

char *read_whole(const char *path, size_t *len);
/* Parse examples/<name> of the source tree; fails the test on error. */
cov_doc *example_doc(const char *name);

#endif
