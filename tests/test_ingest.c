/*
 * test_ingest.c — bad and unusual input: every refusal is an error that
 * names the input and the problem; odd but valid input parses.
 */
#include "helpers.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse_raw(const char *buf, size_t len, const cov_parse_options *o, cov_doc **doc)
{
	return cov_doc_parse_buffer(test_data, buf, len, "bad.txt", o, doc);
}

static void assert_error(int rc, int want, const char *fragment)
{
	assert_int_equal(rc, want);
	const char *msg = cov_error_last();
	if (!strstr(msg, fragment))
		fail_msg("error '%s' lacks '%s'", msg, fragment);
}

static void empty_input(void **state)
{
	(void)state;
	cov_doc *doc = (cov_doc *)1;
	assert_error(parse_raw("", 0, NULL, &doc), COV_EINPUT, "bad.txt: empty file");
	assert_null(doc);
}

static void binary_input(void **state)
{
	(void)state;
	cov_doc *doc;
	assert_error(parse_raw("Article\0 1", 10, NULL, &doc), COV_EINPUT, "NUL byte at offset 7");
	/* UTF-16 without a BOM is binary to a UTF-8 reader; the message says what to do */
	assert_error(parse_raw("A\0r\0t\0", 6, NULL, &doc), COV_EINPUT, "--encoding utf-16le");
}

static void invalid_utf8(void **state)
{
	(void)state;
	cov_doc *doc;
	/* overlong encodings and lone continuation bytes are invalid, and no
	 * legacy encoding explains them */
	assert_error(parse_raw("ab\xC0\xAF", 4, NULL, &doc), COV_EINPUT, "at byte 2");
	assert_error(parse_raw("\x80", 1, NULL, &doc), COV_EINPUT, "at byte 0");
}

static void legacy_encodings(void **state)
{
	(void)state;
	/* not UTF-8, no encoding named: the detector recognises Windows-1251
	 * and says how sure it is */
	const char guess[] = "\xD1\xF2\xE0\xF2\xFC\xFF 1.\n\xCA\xE0\xE6\xE4\xFB\xE9 \xF7\xE5\xEB\xEE\xE2\xE5\xEA "
			     "\xE8\xEC\xE5\xE5\xF2 \xEF\xF0\xE0\xE2\xEE \xED\xE0 \xE6\xE8\xE7\xED\xFC.\n";
	cov_doc *g = parse_str_opts(guess, strlen(guess), NULL);
	assert_string_equal(cov_doc_encoding(g), "windows-1251");
	assert_true(cov_doc_encoding_confidence(g) >= 30 && cov_doc_encoding_confidence(g) < 100);
	assert_non_null(find_node(g, COV_NODE_ARTICLE, "1"));
	assert_non_null(strstr(cov_doc_text(g, NULL), "Каждый человек имеет право на жизнь."));
	cov_doc_free(g);
	/* «Статья 1.\nТекст.\nСтатья 2.\nЕщё.\n» in Windows-1251 */
	const char cp1251[] = "\xD1\xF2\xE0\xF2\xFC\xFF 1.\n\xD2\xE5\xEA\xF1\xF2.\n\xD1\xF2\xE0\xF2\xFC\xFF 2.\n\xC5\xF9\xB8.\n";
	cov_parse_options o = {.encoding = "windows-1251"};
	cov_doc *doc = parse_str_opts(cp1251, strlen(cp1251), &o);
	assert_string_equal(cov_doc_encoding(doc), "windows-1251");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	const cov_node *a2 = find_node(doc, COV_NODE_ARTICLE, "2");
	char *t = node_text(doc, a2);
	assert_string_equal(t, "Ещё.");
	free(t);
	cov_doc_free(doc);
	cov_doc *bad;
	o.encoding = "no-such-charset";
	assert_error(parse_raw(cp1251, strlen(cp1251), &o, &bad), COV_EUSAGE, "unknown encoding 'no-such-charset'");
}

static void byte_order_marks(void **state)
{
	(void)state;
	const char bom8[] = "\xEF\xBB\xBF" "Article 1\nText.\nArticle 2\nMore.\n";
	cov_doc *doc = parse_str_opts(bom8, strlen(bom8), NULL);
	assert_string_equal(cov_doc_encoding(doc), "UTF-8 (BOM)");
	const cov_node *a1 = find_node(doc, COV_NODE_ARTICLE, "1");
	/* offsets are into the input itself: the BOM is 3 bytes */
	assert_int_equal(cov_node_start(a1), 3);
	assert_int_equal(cov_node_line(a1), 1);
	cov_doc_free(doc);
	/* UTF-16LE with BOM: "Article 1\nA.\n" */
	const char *ascii = "Article 1\nA.\nArticle 2\nB.\n";
	size_t n = strlen(ascii);
	char *u16 = malloc(2 + 2 * n);
	u16[0] = (char)0xFF;
	u16[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++) {
		u16[2 + 2 * i] = ascii[i];
		u16[3 + 2 * i] = 0;
	}
	doc = parse_str_opts(u16, 2 + 2 * n, NULL);
	assert_string_equal(cov_doc_encoding(doc), "UTF-16LE");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	cov_doc_free(doc);
	free(u16);
}

static void size_limit(void **state)
{
	(void)state;
	cov_parse_options o = {.max_bytes = 10};
	cov_doc *doc;
	assert_error(parse_raw("Article 1\nText that is long.\n", 29, &o, &doc), COV_EINPUT, "too large");
}

static void files(void **state)
{
	(void)state;
	cov_doc *doc;
	assert_error(cov_doc_parse_file(test_data, "/no/such/file.txt", NULL, &doc), COV_EIO,
		     "/no/such/file.txt: No such file or directory");
	assert_error(cov_doc_parse_file(test_data, "/", NULL, &doc), COV_EIO, "is a directory");
	/* a 200 MB file is refused before it is read */
	char path[] = "/tmp/covenant-huge-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)200 << 20), 0);
	close(fd);
	assert_error(cov_doc_parse_file(test_data, path, NULL, &doc), COV_EINPUT, "file too large (200.0 MB");
	unlink(path);
}

static void one_huge_line(void **state)
{
	(void)state;
	size_t n = (size_t)16 << 20;
	char *buf = malloc(n);
	for (size_t i = 0; i < n; i++)
		buf[i] = (i % 7 == 6) ? ' ' : 'a';
	cov_doc *doc = parse_str_opts(buf, n, NULL);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PREFACE), 1);
	assert_no_word_lost(doc);
	cov_doc_free(doc);
	free(buf);
}

static void html_blocks_and_headings(void **state)
{
	(void)state;
	const char *html = "<!doctype html><html><head><title>T</title><style>p{}</style>"
			   "<script>var Article = 9;</script></head><body>"
			   "<h1>Constitution of Testland</h1>"
			   "<article><h2>Article 1</h2><p>Everyone &amp; all <b>people</b> are\n free.</p></article>"
			   "<article><h2>Article 2</h2><ol><li><p>First.</p></li><li><p>Second.</p></li></ol></article>"
			   "</body></html>";
	cov_doc *doc = parse_str(html);
	assert_int_equal(cov_doc_format(doc), COV_FORMAT_HTML);
	assert_string_equal(cov_doc_title(doc), "Constitution of Testland");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	char *t = node_text(doc, find_node(doc, COV_NODE_ARTICLE, "1"));
	assert_string_equal(t, "Everyone & all people are free.");
	free(t);
	size_t len;
	const char *text = cov_doc_text(doc, &len);
	assert_null(strstr(text, "var Article"));
	assert_no_word_lost(doc);
	assert_tree_sane(doc);
	cov_doc_free(doc);
}

static void html_hostile(void **state)
{
	(void)state;
	/* 100,000 nested elements: an error or a result, never a crash */
	size_t depth = 100000;
	size_t n = depth * 5 + 64;
	char *buf = malloc(n);
	size_t k = (size_t)sprintf(buf, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		k += (size_t)sprintf(buf + k, "<div>");
	k += (size_t)sprintf(buf + k, "Article 1 deep");
	cov_doc *doc = NULL;
	int rc = parse_raw(buf, k, NULL, &doc);
	assert_true(rc == COV_OK || rc == COV_EINPUT);
	cov_doc_free(doc);
	free(buf);
	/* markup without text */
	assert_error(parse_raw("<html><body><div></div></body></html>", 37, NULL, &doc), COV_EINPUT,
		     "contains no text");
	/* broken markup is recovered */
	const char *broken = "<html><body><h2>Article 1<p>Text <b>bold<h2>Article 2</h2><p>More";
	assert_int_equal(parse_raw(broken, strlen(broken), NULL, &doc), COV_OK);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	cov_doc_free(doc);
}

static void pathological_structure(void **state)
{
	(void)state;
	/* 200,000 "Article 1" lines and 200,000 nested-looking points: linear, bounded */
	size_t lines = 200000;
	char *buf = malloc(lines * 16 + 1);
	size_t k = 0;
	for (size_t i = 0; i < lines; i++)
		k += (size_t)sprintf(buf + k, i % 2 ? "(a) x\n" : "Article 1\n");
	cov_doc *doc = parse_str_opts(buf, k, NULL);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), lines / 2);
	assert_tree_sane(doc);
	cov_doc_free(doc);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_input),
		cmocka_unit_test(binary_input),
		cmocka_unit_test(invalid_utf8),
		cmocka_unit_test(legacy_encodings),
		cmocka_unit_test(byte_order_marks),
		cmocka_unit_test(size_limit),
		cmocka_unit_test(files),
		cmocka_unit_test(one_huge_line),
		cmocka_unit_test(html_blocks_and_headings),
		cmocka_unit_test(html_hostile),
		cmocka_unit_test(pathological_structure),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
