/*
 * helpers.c — shared test helpers (see helpers.h).
 */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

cov_data *test_data;

int test_setup_data(void **state)
{
	(void)state;
	if (cov_data_open(getenv("COVENANT_DATA"), &test_data) != COV_OK) {
		fprintf(stderr, "cannot open data: %s\n", cov_error_last());
		return -1;
	}
	return 0;
}

int test_teardown_data(void **state)
{
	(void)state;
	cov_data_free(test_data);
	test_data = NULL;
	return 0;
}

cov_doc *parse_str_opts(const char *text, size_t len, const cov_parse_options *opts)
{
	cov_doc *doc = NULL;
	int rc = cov_doc_parse_buffer(test_data, text, len, "<test>", opts, &doc);
	if (rc != COV_OK)
		fail_msg("parse failed: %s", cov_error_last());
	return doc;
}

cov_doc *parse_str(const char *text)
{
	return parse_str_opts(text, strlen(text), NULL);
}

const cov_node *nth_node(const cov_doc *doc, cov_node_kind kind, size_t n)
{
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE)
		if (ev == COV_EVENT_ENTER && cov_node_kind_of(cov_iter_node(&it)) == kind && n-- == 0)
			return cov_iter_node(&it);
	return NULL;
}

const cov_node *find_node(const cov_doc *doc, cov_node_kind kind, const char *num)
{
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = cov_iter_node(&it);
		if (ev == COV_EVENT_ENTER && cov_node_kind_of(n) == kind && strcmp(cov_node_num(n), num) == 0)
			return n;
	}
	return NULL;
}

char *node_text(const cov_doc *doc, const cov_node *n)
{
	const char *text = cov_doc_text(doc, NULL);
	size_t a = cov_node_text_start(n), b = cov_node_text_end(n);
	char *s = malloc(b - a + 1);
	assert_non_null(s);
	memcpy(s, text + a, b - a);
	s[b - a] = '\0';
	return s;
}

const char *corpus_path(const char *rel, char *buf, size_t cap)
{
	const char *root = getenv("COVENANT_CORPUS");
	if (!root)
		root = "../shared/corpus";
	snprintf(buf, cap, "%s/%s", root, rel);
	struct stat st;
	if (stat(buf, &st) != 0) {
		fprintf(stderr, "SKIP: %s is absent (the shared corpus is not on this machine)\n", buf);
		return NULL;
	}
	return buf;
}

/* Words are maximal runs of bytes that are not ASCII white space; each is
 * appended followed by one space.  A unit boundary may fall inside a run
 * that has no space ("a.life" is point a, "life"), so callers compare the
 * streams with the spaces removed. */
static void append_words(const char *s, size_t a, size_t b, char **out, size_t *len, size_t *cap)
{
	size_t i = a;
	while (i < b) {
		while (i < b && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
			i++;
		size_t st = i;
		while (i < b && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i > st) {
			while (*len + (i - st) + 2 > *cap) {
				*cap = *cap ? *cap * 2 : 4096;
				*out = realloc(*out, *cap);
				assert_non_null(*out);
			}
			memcpy(*out + *len, s + st, i - st);
			*len += i - st;
			(*out)[(*len)++] = ' ';
		}
	}
}

void assert_no_word_lost(const cov_doc *doc)
{
	size_t n;
	const char *text = cov_doc_text(doc, &n);
	char *all = NULL, *nodes = NULL;
	size_t al = 0, ac = 0, nl = 0, nc = 0;
	append_words(text, 0, n, &all, &al, &ac);
	/* A node's bytes up to its first child are its heading [start,
	 * text_start) and its own text [text_start, text_end); what lies
	 * between two nodes, or after a node's text, must be blank. */
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	size_t pos = 0;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *nd = cov_iter_node(&it);
		if (ev != COV_EVENT_ENTER || cov_node_kind_of(nd) == COV_NODE_DOCUMENT)
			continue;
		size_t before = nl;
		append_words(text, pos, cov_node_start(nd), &nodes, &nl, &nc);
		if (nl != before)
			fail_msg("words at %zu..%zu belong to no node", pos, cov_node_start(nd));
		const cov_node *c = cov_node_first_child(nd);
		size_t own_end = c ? cov_node_start(c) : cov_node_end(nd);
		append_words(text, cov_node_start(nd), cov_node_text_start(nd), &nodes, &nl, &nc);
		append_words(text, cov_node_text_start(nd), cov_node_text_end(nd), &nodes, &nl, &nc);
		before = nl;
		append_words(text, cov_node_text_end(nd), own_end, &nodes, &nl, &nc);
		if (nl != before)
			fail_msg("%s: words after its text end (%zu..%zu) are in no text", cov_node_eid(nd),
				 cov_node_text_end(nd), own_end);
		pos = own_end;
	}
	size_t tail = nl;
	append_words(text, pos, n, &nodes, &nl, &nc);
	if (nl != tail)
		fail_msg("words at %zu..%zu after the last node belong to no node", pos, n);
	size_t ka = 0, kn = 0;
	for (size_t i = 0; i < al; i++)
		if (all[i] != ' ')
			all[ka++] = all[i];
	for (size_t i = 0; i < nl; i++)
		if (nodes[i] != ' ')
			nodes[kn++] = nodes[i];
	assert_int_equal(ka, kn);
	if (ka)
		assert_memory_equal(all, nodes, ka);
	free(all);
	free(nodes);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void assert_tree_sane(const cov_doc *doc)
{
	size_t len;
	cov_doc_text(doc, &len);
	size_t count = 0, cap = 256;
	const char **eids = malloc(cap * sizeof *eids);
	assert_non_null(eids);
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = cov_iter_node(&it);
		if (ev != COV_EVENT_ENTER)
			continue;
		assert_true(cov_node_start(n) <= cov_node_end(n));
		assert_true(cov_node_end(n) <= len);
		assert_true(cov_node_text_start(n) <= cov_node_text_end(n));
		assert_true(cov_node_start(n) <= cov_node_text_start(n));
		assert_true(cov_node_text_end(n) <= cov_node_end(n));
		const cov_node *p = cov_node_parent(n);
		if (p) {
			assert_true(cov_node_start(n) >= cov_node_start(p));
			assert_true(cov_node_end(n) <= cov_node_end(p));
		}
		const cov_node *next = cov_node_next(n);
		if (next)
			assert_true(cov_node_end(n) <= cov_node_start(next));
		if (cov_node_kind_of(n) != COV_NODE_DOCUMENT) {
			assert_true(cov_node_line(n) >= 1);
			assert_true(cov_node_eid(n)[0] != '\0');
			if (count == cap) {
				cap *= 2;
				eids = realloc(eids, cap * sizeof *eids);
				assert_non_null(eids);
			}
			eids[count++] = cov_node_eid(n);
		}
	}
	qsort(eids, count, sizeof *eids, cmp_str);
	for (size_t i = 1; i < count; i++)
		if (strcmp(eids[i - 1], eids[i]) == 0)
			fail_msg("duplicate eId %s", eids[i]);
	free(eids);
}

char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

cov_doc *example_doc(const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/examples/%s", getenv("COVENANT_SOURCE"), name);
	cov_doc *doc;
	if (cov_doc_parse_file(test_data, path, NULL, &doc) != COV_OK)
		fail_msg("%s", cov_error_last());
	return doc;
}
