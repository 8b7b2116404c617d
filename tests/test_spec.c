/*
 * test_spec.c — the structure parser against the examples of the files of tests/spec,
 * one file per language or numbering shape, as cmark's spec.txt: each
 * example is the input text, a line ".", then the expected outline, between
 * lines "~~~ example" and "~~~".  The outline has one line per node below
 * the document, two spaces of indent per level: its kind and its number
 * ("article 1", "  paragraph 2").  Adding a language is data/lang/<code>.txt
 * and a spec file; this driver needs no change.
 */
#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *p;
	size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void puts_b(buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static char *outline(const cov_doc *doc)
{
	buf o = {0};
	puts_b(&o, "");
	cov_iter it;
	cov_iter_init(&it, cov_doc_root(doc));
	cov_event ev;
	int depth = -1;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = cov_iter_node(&it);
		if (ev != COV_EVENT_ENTER) {
			depth--;
			continue;
		}
		depth++;
		if (cov_node_kind_of(n) == COV_NODE_DOCUMENT)
			continue;
		for (int i = 1; i < depth; i++)
			puts_b(&o, "  ");
		puts_b(&o, cov_node_kind_name(cov_node_kind_of(n)));
		if (*cov_node_num(n)) {
			puts_b(&o, " ");
			puts_b(&o, cov_node_num(n));
		}
		puts_b(&o, "\n");
	}
	return o.p;
}

/* Run the examples of one file; returns the number that failed. */
static size_t run_file(const char *path, size_t *examples)
{
	size_t len;
	char *text = read_whole(path, &len);
	assert_non_null(text);
	size_t failed = 0, lineno = 0, start_line = 0;
	int state = 0; /* 0 outside, 1 input, 2 expected */
	buf in = {0}, want = {0};
	for (char *p = text; p && *p;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (state == 0 && n >= 11 && strncmp(p, "~~~ example", 11) == 0) {
			state = 1;
			start_line = lineno;
			in.n = want.n = 0;
			puts_b(&in, "");
			puts_b(&want, "");
		} else if (state == 1 && n == 1 && *p == '.') {
			state = 2;
		} else if (state == 2 && n == 3 && strncmp(p, "~~~", 3) == 0) {
			state = 0;
			(*examples)++;
			cov_parse_options o = {.format = COV_FORMAT_TEXT};
			cov_doc *doc = parse_str_opts(in.p, in.n, &o);
			assert_no_word_lost(doc);
			char *got = outline(doc);
			if (strcmp(got, want.p) != 0) {
				failed++;
				fprintf(stderr, "%s:%zu: example differs\n--- input\n%s--- expected\n%s--- got\n%s\n", path,
					start_line, in.p, want.p, got);
			}
			free(got);
			cov_doc_free(doc);
		} else if (state == 1) {
			put(&in, p, n);
			put(&in, "\n", 1);
		} else if (state == 2) {
			put(&want, p, n);
			put(&want, "\n", 1);
		}
		p = nl ? nl + 1 : NULL;
	}
	if (state != 0)
		fail_msg("%s:%zu: example not closed by ~~~", path, start_line);
	free(in.p);
	free(want.p);
	free(text);
	return failed;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void spec_files(void **state)
{
	(void)state;
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/spec", getenv("COVENANT_SOURCE"));
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *names[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 256) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	size_t failed = 0, examples = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4400];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		failed += run_file(path, &examples);
		free(names[i]);
	}
	fprintf(stderr, "spec: %zu examples in %zu files, %zu failed\n", examples, n, failed);
	assert_true(examples > 0);
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spec_files),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
