/*
 * test_pdf.c — page furniture in PDFs: what goes (running headers, page
 * numbers that count with the page, in the margin) and what stays (an
 * article heading that heads every page, a sentence or a line that ends
 * every page's text).  Fixtures made by tests/fixtures/make_pdfs.py; the
 * post-processing also called directly, as the fuzz target does.
 */
#include "helpers.h"
#include "ingest/ingest.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cov_doc *parse_fixture(const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/%s", getenv("COVENANT_SOURCE"), name);
	cov_doc *doc;
	if (cov_doc_parse_file(test_data, path, NULL, &doc) != COV_OK)
		fail_msg("%s", cov_error_last());
	assert_tree_sane(doc);
	assert_no_word_lost(doc);
	return doc;
}

static size_t occurrences(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* A line of the text that is exactly `line`. */
static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = text; (p = strstr(p, line)); p++)
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

/* «Article N» heads page N: it counts with the page like a page number,
 * but it is a heading; the bare page numbers in the bottom margin go. */
static void one_article_per_page(void **state)
{
	(void)state;
	cov_doc *doc = parse_fixture("articles.pdf");
	assert_int_equal(cov_doc_pages(doc), 12);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 12);
	for (int k = 1; k <= 12; k++) {
		char num[8];
		snprintf(num, sizeof num, "%d", k);
		const cov_node *a = find_node(doc, COV_NODE_ARTICLE, num);
		if (!a)
			fail_msg("article %d lost", k);
		char *own = node_text(doc, a);
		char want[128];
		snprintf(want, sizeof want, "Everyone has the right number %d,", k);
		if (!strstr(own, want))
			fail_msg("article %d: «%s»", k, own);
		free(own);
	}
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	/* repeated on every page, but in the body, not the margin */
	assert_int_equal(occurrences(t, "Signed by the President of Testland"), 12);
	for (int k = 1; k <= 12; k++) {
		char num[8];
		snprintf(num, sizeof num, "%d", k);
		if (has_line(t, num))
			fail_msg("page number %d left as a line", k);
	}
	cov_doc_free(doc);
}

/* Two lines of header (a gazette title, «Page N+4 of 40»: numbered from 5)
 * and «- N+4 -» at the bottom go; the sentence ending every page stays. */
static void closing_sentence_and_headers(void **state)
{
	(void)state;
	cov_doc *doc = parse_fixture("closing.pdf");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 6);
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	assert_int_equal(occurrences(t, "This article is in force from the day of its official publication."), 6);
	assert_null(strstr(t, "Official Gazette"));
	assert_null(strstr(t, "of 40"));
	for (int k = 5; k <= 10; k++) {
		char furniture[16];
		snprintf(furniture, sizeof furniture, "-%d-", k);
		assert_null(strstr(t, furniture));
	}
	cov_doc_free(doc);
}

static char *pages_to_text(char **texts, size_t n)
{
	cov_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.name = "pages.pdf";
	if (cov_pdf_pages_to_text(&doc, texts, n) != COV_OK)
		fail_msg("%s", cov_error_last());
	return doc.text;
}

/* Without coordinates (the fuzz target's way in): a heading that counts
 * with the page, and a sentence on every page, stay; a number that counts
 * with the page, and a running title, go. */
static void post_processing_without_layout(void **state)
{
	(void)state;
	enum { N = 16 };
	char *texts[N];
	for (int p = 0; p < N; p++) {
		char buf[512];
		snprintf(buf, sizeof buf,
			 "Law on Testing\nArticle %d\nThe right number %d is guaranteed.\n"
			 "These provisions apply to everyone.\n%d\n",
			 p + 1, p + 1, p + 3);
		texts[p] = strdup(buf);
	}
	char *out = pages_to_text(texts, N);
	assert_int_equal(occurrences(out, "Law on Testing"), 0);
	assert_int_equal(occurrences(out, "These provisions apply to everyone."), N);
	assert_true(has_line(out, "Article 1"));
	assert_true(has_line(out, "Article 16"));
	assert_false(has_line(out, "3"));
	assert_false(has_line(out, "18"));
	free(out);
	for (int p = 0; p < N; p++)
		free(texts[p]);
	/* «§ N» heading page N, «Seite N» at its foot */
	for (int p = 0; p < N; p++) {
		char buf[512];
		snprintf(buf, sizeof buf, "§ %d\nDas Recht Nummer %d wird gewährleistet.\nSeite %d\n", p + 1, p + 1, p + 1);
		texts[p] = strdup(buf);
	}
	out = pages_to_text(texts, N);
	assert_true(has_line(out, "§ 1"));
	assert_true(has_line(out, "§ 16"));
	assert_null(strstr(out, "Seite"));
	free(out);
	for (int p = 0; p < N; p++)
		free(texts[p]);
}

/* Numbers that do not count with the page are text, even at the edge. */
static void numbers_that_do_not_count(void **state)
{
	(void)state;
	char *texts[4];
	static const char *const pages[] = {"1. First.\n7\n", "2. Second.\n3\n", "3. Third.\n12\n", "4. Fourth.\n9\n"};
	for (int p = 0; p < 4; p++)
		texts[p] = strdup(pages[p]);
	char *out = pages_to_text(texts, 4);
	assert_true(has_line(out, "7"));
	assert_true(has_line(out, "12"));
	free(out);
	for (int p = 0; p < 4; p++)
		free(texts[p]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_article_per_page),
		cmocka_unit_test(closing_sentence_and_headers),
		cmocka_unit_test(post_processing_without_layout),
		cmocka_unit_test(numbers_that_do_not_count),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
