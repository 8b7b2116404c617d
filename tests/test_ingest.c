/*
 * test_ingest.c — bad and unusual input: every refusal is an error that
 * names the input and the problem; odd but valid input parses.
 */
#include "helpers.h"

#include <jansson.h>

#include "util/util.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

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

static void stray_byte_in_utf8(void **state)
{
	(void)state;
	cov_doc *doc = NULL;
	/* UTF-8 with one stray byte was read as ISO-8859-1: «Prosecutor’s»
	 * became «Prosecutorâ€™s», silently */
	const char en[] = "Article 1\nThe Prosecutor\u2019s office is independent \u2014 of everyone.\n"
			  "Article 2\nNo one shall be held in slavery.\xff\n";
	char want[64];
	snprintf(want, sizeof want, "bad.txt: invalid UTF-8 at byte %zu ", (size_t)(strchr(en, '\xff') - en));
	assert_error(parse_raw(en, strlen(en), NULL, &doc), COV_EINPUT, want);
	assert_error(parse_raw(en, strlen(en), NULL, &doc), COV_EINPUT, "--encoding");
	assert_null(doc);
	const char ru[] = "\u0421\u0442\u0430\u0442\u044c\u044f 1.\n\u0422\u0435\xd0\u043a\u0441\u0442.\n";
	assert_error(parse_raw(ru, strlen(ru), NULL, &doc), COV_EINPUT, "invalid UTF-8 at byte 20 ");
	/* UTF-8 named: a legacy text is refused, not guessed at */
	const char cp1251[] = "\xD1\xF2\xE0\xF2\xFC\xFF 1.\n\xCA\xE0\xE6\xE4\xFB\xE9 \xF7\xE5\xEB\xEE\xE2\xE5\xEA "
			      "\xE8\xEC\xE5\xE5\xF2 \xEF\xF0\xE0\xE2\xEE \xED\xE0 \xE6\xE8\xE7\xED\xFC.\n";
	cov_parse_options u = {.encoding = "UTF-8"};
	assert_error(parse_raw(cp1251, strlen(cp1251), &u, &doc), COV_EINPUT, "invalid UTF-8 at byte 0, though --encoding named UTF-8");
	/* named, the encoding is used as it is */
	cov_parse_options o = {.encoding = "windows-1252"};
	doc = parse_str_opts(en, strlen(en), &o);
	assert_null(cov_doc_warning(doc, 0));
	cov_doc_free(doc);
}

static void detected_encoding_is_reported(void **state)
{
	(void)state;
	/* Windows-1251 guessed: the guess and its confidence are a warning */
	const char cp1251[] = "\xD1\xF2\xE0\xF2\xFC\xFF 1.\n\xCA\xE0\xE6\xE4\xFB\xE9 \xF7\xE5\xEB\xEE\xE2\xE5\xEA "
			      "\xE8\xEC\xE5\xE5\xF2 \xEF\xF0\xE0\xE2\xEE \xED\xE0 \xE6\xE8\xE7\xED\xFC.\n";
	cov_doc *doc = parse_str_opts(cp1251, strlen(cp1251), NULL);
	const char *w = cov_doc_warning(doc, 0);
	assert_non_null(w);
	char want[64];
	snprintf(want, sizeof want, "read as windows-1251 (the detector is %d%% sure)", cov_doc_encoding_confidence(doc));
	if (!strstr(w, want) || !strstr(w, "<test>") || !strstr(w, "--encoding"))
		fail_msg("warning '%s' lacks '%s'", w, want);
	assert_null(cov_doc_warning(doc, 1));
	cov_doc_free(doc);
	/* named: nothing to warn about; UTF-8: nothing either */
	cov_parse_options o = {.encoding = "windows-1251"};
	doc = parse_str_opts(cp1251, strlen(cp1251), &o);
	assert_null(cov_doc_warning(doc, 0));
	cov_doc_free(doc);
	doc = parse_str("Article 1\nText.\n");
	assert_null(cov_doc_warning(doc, 0));
	cov_doc_free(doc);
	/* ISO-8859-1 with bytes 0x80-0x9F is Windows-1252: curly quotes, not C1 controls */
	const char q[] = "Article 1\nThe citizens\x92 rights \x96 all of them \x96 and \x93" "freedoms\x94 of "
			 "working people are protected by the state and by the law of the land.\n";
	doc = parse_str_opts(q, strlen(q), NULL);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "citizens\u2019 rights \u2013 all"));
	cov_doc_free(doc);
}

static void utf16_without_bom(void **state)
{
	(void)state;
	/* Russian UTF-16 without a byte-order mark has no zero byte at the
	 * start (С is 21 04): it is told by the zero high bytes of spaces,
	 * digits and newlines, and read */
	const char *ru = "\u0421\u0442\u0430\u0442\u044c\u044f 1.\n\u041a\u0430\u0436\u0434\u044b\u0439 "
			 "\u0438\u043c\u0435\u0435\u0442 \u043f\u0440\u0430\u0432\u043e.\n";
	for (int be = 0; be < 2; be++) {
		char u16[256];
		size_t n = 0;
		for (size_t i = 0; ru[i];) {
			size_t k = i;
			unsigned c = (unsigned char)ru[k];
			unsigned cp = c < 0x80 ? c : ((c & 0x1F) << 6) | ((unsigned char)ru[k + 1] & 0x3F);
			i += c < 0x80 ? 1 : 2;
			u16[n++] = (char)(be ? cp >> 8 : cp & 0xFF);
			u16[n++] = (char)(be ? cp & 0xFF : cp >> 8);
		}
		cov_doc *doc = parse_str_opts(u16, n, NULL);
		assert_string_equal(cov_doc_encoding(doc), be ? "UTF-16BE" : "UTF-16LE");
		assert_non_null(strstr(cov_doc_text(doc, NULL), "\u041a\u0430\u0436\u0434\u044b\u0439"));
		assert_non_null(cov_doc_warning(doc, 0));
		assert_non_null(strstr(cov_doc_warning(doc, 0), "without a byte-order mark"));
		assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 1);
		cov_doc_free(doc);
		/* a lone surrogate: not UTF-16 after all, and the message says what to try */
		u16[4] = be ? (char)0xD8 : 0;
		u16[5] = be ? 0 : (char)0xD8;
		cov_doc *bad = NULL;
		assert_error(parse_raw(u16, n, NULL, &bad), COV_EINPUT, "--encoding utf-16le");
	}
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
	/* the page's <h1> names the act, not a line above it naming the work
	 * it belongs to (a parliament's rules under its constitution) */
	doc = parse_str("<html><body><div>Constitution of Testland, 1996</div><h1>Rules of the National Assembly</h1>"
			"<h2>Rule 1</h2><p>The Assembly meets.</p><h2>Rule 2</h2><p>The Speaker presides.</p></body></html>");
	assert_string_equal(cov_doc_title(doc), "Rules of the National Assembly");
	cov_doc_free(doc);
}

static void html_hostile(void **state)
{
	(void)state;
	/* 100,000 nested elements: refused, saying how deep and where (not
	 * "contains no text") */
	size_t depth = 100000;
	size_t n = depth * 5 + 64;
	char *buf = malloc(n);
	size_t k = (size_t)sprintf(buf, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		k += (size_t)sprintf(buf + k, "<div>");
	k += (size_t)sprintf(buf + k, "Article 1 deep");
	cov_doc *doc = NULL;
	assert_error(parse_raw(buf, k, NULL, &doc), COV_EINPUT, "bad.txt: nesting deeper than 4096 at byte 2048");
	assert_null(doc);
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

/* A growing string, for building markup. */
static char *cat(char *s, size_t *len, const char *add)
{
	size_t n = strlen(add);
	s = realloc(s, *len + n + 1);
	assert_non_null(s);
	memcpy(s + *len, add, n + 1);
	*len += n;
	return s;
}

static void html_deep_nesting(void **state)
{
	(void)state;
	/* libxml2 silently stops at depth 256: an article, 300 nested <div>s,
	 * then more articles — every later article was lost */
	char *s = NULL;
	size_t n = 0;
	s = cat(s, &n, "<html><body><h2>Article 1</h2><p>First text.</p>");
	for (int i = 0; i < 300; i++)
		s = cat(s, &n, "<div>");
	s = cat(s, &n, "Deep words");
	for (int i = 0; i < 300; i++)
		s = cat(s, &n, "</div>");
	s = cat(s, &n, "<h2>Article 2</h2><p>Second text.</p><h2>Article 3</h2><p>Third text.</p></body></html>");
	cov_doc *doc = parse_str_opts(s, n, NULL);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 3);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "Deep words"));
	char *t = node_text(doc, find_node(doc, COV_NODE_ARTICLE, "3"));
	assert_string_equal(t, "Third text.");
	free(t);
	cov_doc_free(doc);
	free(s);
	/* 400 articles that each leave a <div> open (254 came out) */
	s = NULL;
	n = 0;
	s = cat(s, &n, "<html><body>");
	for (int i = 1; i <= 400; i++) {
		char a[96];
		snprintf(a, sizeof a, "<h2>Article %d</h2><div><p>Text of article %d.</p>\n", i, i);
		s = cat(s, &n, a);
	}
	s = cat(s, &n, "</body></html>");
	doc = parse_str_opts(s, n, NULL);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 400);
	t = node_text(doc, find_node(doc, COV_NODE_ARTICLE, "400"));
	assert_string_equal(t, "Text of article 400.");
	free(t);
	assert_no_word_lost(doc);
	cov_doc_free(doc);
	free(s);
}

static void html_damage_that_loses_text(void **state)
{
	(void)state;
	cov_doc *doc = NULL;
	/* libxml2 recovers from these by dropping all that follows */
	const char *comment = "<html><body><p>Article 1</p>\n<p>One.</p><!-- a note\n<p>Article 2</p><p>Two.</p>";
	assert_error(parse_raw(comment, strlen(comment), NULL, &doc), COV_EINPUT, "bad.txt: damaged HTML at line 3");
	assert_error(parse_raw(comment, strlen(comment), NULL, &doc), COV_EINPUT, "Comment not terminated <!-- a note");
	const char *tag = "<html><body><p class='x>Article 1 One.</p><p>Article 2 Two.</p></body></html>";
	assert_error(parse_raw(tag, strlen(tag), NULL, &doc), COV_EINPUT, "damaged HTML at line 1");
	const char *doctype = "<!DOCTYPE html PUBLIC \"x><html><body><p>Article 1 One.</p></body></html>";
	assert_error(parse_raw(doctype, strlen(doctype), NULL, &doc), COV_EINPUT, "damaged HTML at line 1");
	assert_null(doc);
	const char *script = "<html><body><p>Article 1 One.</p><script>var x = 1;\n<p>Article 2 Two.</p></body></html>";
	assert_error(parse_raw(script, strlen(script), NULL, &doc), COV_EINPUT, "a <script> is never closed");
	/* a closed script that writes markup loses nothing */
	const char *written = "<html><body><p>Article 1 One.</p><script>document.write('</p>');</script>"
			      "<p>Article 2 Two.</p></body></html>";
	assert_int_equal(parse_raw(written, strlen(written), NULL, &doc), COV_OK);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "Article 2 Two."));
	cov_doc_free(doc);
	/* damage that loses no text is still recovered */
	const char *ok = "<html><body><p>Article 1 <a href=\"x\" <b>One</b></p><p>Two &bogus; </x></p>";
	assert_int_equal(parse_raw(ok, strlen(ok), NULL, &doc), COV_OK);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "Two &bogus;"));
	cov_doc_free(doc);
}

static void akn_xml_depth_and_damage(void **state)
{
	(void)state;
	cov_doc *doc = NULL;
	/* well-formed but nested too deep: said so, not "not well-formed" */
	char *s = NULL;
	size_t n = 0;
	s = cat(s, &n, "<akomaNtoso><act><body><article eId=\"art_1\"><num>1</num><content><p>");
	for (int i = 0; i < 300; i++)
		s = cat(s, &n, "<span>");
	s = cat(s, &n, "Text.");
	for (int i = 0; i < 300; i++)
		s = cat(s, &n, "</span>");
	s = cat(s, &n, "</p></content></article></body></act></akomaNtoso>");
	assert_error(parse_raw(s, n, NULL, &doc), COV_EINPUT, "bad.txt: nesting deeper than 200 at byte");
	free(s);
	/* not well-formed: where and why */
	const char *bad = "<akomaNtoso><act><body>\n<article><num>1</num><p>Text.</article></body></act></akomaNtoso>";
	assert_error(parse_raw(bad, strlen(bad), NULL, &doc), COV_EINPUT, "bad.txt: not well-formed XML at line 2");
	assert_error(parse_raw(bad, strlen(bad), NULL, &doc), COV_EINPUT, "mismatch");
	assert_null(doc);
}

static void akn_html_words_in_place(void **state)
{
	(void)state;
	/* Laws.Africa: a table's cells are words apart («5 NP», not «5NP»); a
	 * cross-heading after the subsections stays there, and is not the
	 * section's heading */
	const char *html =
		"<div><section class=\"akn-section\" data-eId=\"sec_37\"><h3>37. States of emergency</h3>"
		"<section class=\"akn-subsection\" data-eId=\"sec_37__subsec_1\"><span class=\"akn-num\">(1)</span>"
		"<span class=\"akn-content\"><span class=\"akn-p\">A state of emergency may be declared.</span></span></section>"
		"<h3 class=\"akn-crossHeading\">Table of Non-Derogable Rights</h3>"
		"<span class=\"akn-hcontainer\"><span class=\"akn-content\"><table class=\"akn-table\"><tr><td><span class=\"akn-p\">5</span></td>"
		"<td><span class=\"akn-p\">NP</span></td></tr></table></span></span></section></div>";
	cov_doc *doc = parse_str(html);
	assert_int_equal(cov_doc_format(doc), COV_FORMAT_AKN);
	const cov_node *sec = find_node(doc, COV_NODE_SECTION, "37");
	assert_non_null(sec);
	assert_string_equal(cov_node_heading(sec), "States of emergency");
	const char *text = cov_doc_text(doc, NULL);
	assert_non_null(strstr(text, "5 NP"));
	const char *sub = strstr(text, "A state of emergency"), *cross = strstr(text, "Table of Non-Derogable Rights");
	assert_true(sub && cross && sub < cross);
	assert_no_word_lost(doc);
	cov_doc_free(doc);
}

static void akn_xml_encodings(void **state)
{
	(void)state;
	/* the text is UTF-8 by the time libxml2 reads it: a declaration of
	 * windows-1251 made it convert a second time (garbled, exit 0) */
	const char *body = "<akomaNtoso><act><body><article eId=\"art_1\"><num>1</num><content><p>"
			   "\u041a\u0430\u0436\u0434\u044b\u0439 \u0438\u043c\u0435\u0435\u0442 "
			   "\u043f\u0440\u0430\u0432\u043e.</p></content></article></body></act></akomaNtoso>\n";
	char utf8[512];
	snprintf(utf8, sizeof utf8, "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n%s", body);
	cov_doc *doc = parse_str(utf8);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "\u041a\u0430\u0436\u0434\u044b\u0439 \u0438\u043c\u0435\u0435\u0442"));
	cov_doc_free(doc);
	/* the same in Windows-1251, as declared: read as declared, not guessed */
	const char cp1251[] = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<akomaNtoso><act><body><article "
			      "eId=\"art_1\"><num>1</num><content><p>\xCA\xE0\xE6\xE4\xFB\xE9 \xE8\xEC\xE5\xE5\xF2 "
			      "\xEF\xF0\xE0\xE2\xEE.</p></content></article></body></act></akomaNtoso>\n";
	doc = parse_str_opts(cp1251, strlen(cp1251), NULL);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "\u041a\u0430\u0436\u0434\u044b\u0439 \u0438\u043c\u0435\u0435\u0442"));
	assert_string_equal(cov_doc_encoding(doc), "windows-1251");
	cov_doc_free(doc);
}

/* A DOCX in memory: word/document.xml as given (compressed), read back. */
static char *make_docx(const char *xml, size_t *len)
{
	char path[] = "/tmp/covenant-docx-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	zip_source_t *src = zip_source_buffer(z, xml, strlen(xml), 0);
	assert_non_null(src);
	assert_true(zip_file_add(z, "word/document.xml", src, ZIP_FL_OVERWRITE) >= 0);
	assert_int_equal(zip_close(z), 0);
	char *buf = read_whole(path, len);
	unlink(path);
	assert_non_null(buf);
	return buf;
}

static void docx_messages(void **state)
{
	(void)state;
	cov_doc *doc = NULL;
	const char *head = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
	/* over the input limit, but no bomb: say which limit and how to raise it */
	char *xml = NULL;
	size_t n = 0;
	xml = cat(xml, &n, head);
	unsigned seed = 7;
	while (n < 200000) {
		char p[96];
		seed = seed * 1103515245u + 12345u;
		snprintf(p, sizeof p, "<w:p><w:r><w:t>Article %u text %u</w:t></w:r></w:p>", seed >> 20, seed % 9973);
		xml = cat(xml, &n, p);
	}
	xml = cat(xml, &n, "</w:body></w:document>");
	size_t zlen;
	char *z = make_docx(xml, &zlen);
	cov_parse_options o = {.max_bytes = 150000};
	assert_true(zlen < o.max_bytes);
	assert_error(parse_raw(z, zlen, &o, &doc), COV_EINPUT, "over the input limit of 0.1 MB; raise the limit with --max-size");
	assert_null(strstr(cov_error_last(), "bomb"));
	free(z);
	free(xml);
	/* nested too deep: said so, with the member and the byte */
	xml = NULL;
	n = 0;
	xml = cat(xml, &n, head);
	xml = cat(xml, &n, "<w:p><w:r><w:t>Article 1</w:t></w:r></w:p>");
	for (int i = 0; i < 5000; i++) {
		char t[48];
		snprintf(t, sizeof t, "<w:sdt w:id=\"%u\">", (unsigned)i * 2654435761u);
		xml = cat(xml, &n, t);
	}
	for (int i = 0; i < 5000; i++)
		xml = cat(xml, &n, "</w:sdt>");
	xml = cat(xml, &n, "</w:body></w:document>");
	z = make_docx(xml, &zlen);
	assert_error(parse_raw(z, zlen, NULL, &doc), COV_EINPUT, "bad.txt: word/document.xml: nesting deeper than 4096 at byte");
	free(z);
	free(xml);
	/* 300 deep is no problem (libxml2 stopped at 256 and called it not well-formed) */
	xml = NULL;
	n = 0;
	xml = cat(xml, &n, head);
	for (int i = 0; i < 300; i++)
		xml = cat(xml, &n, "<w:sdt>");
	xml = cat(xml, &n, "<w:p><w:r><w:t>Article 1</w:t></w:r></w:p><w:p><w:r><w:t>Deep words.</w:t></w:r></w:p>");
	for (int i = 0; i < 300; i++)
		xml = cat(xml, &n, "</w:sdt>");
	xml = cat(xml, &n, "</w:body></w:document>");
	z = make_docx(xml, &zlen);
	doc = parse_str_opts(z, zlen, NULL);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "Deep words."));
	cov_doc_free(doc);
	free(z);
	free(xml);
}

static void long_title_cut_on_a_character(void **state)
{
	(void)state;
	/* a 401-byte Cyrillic first line: the title was cut at byte 300, in the
	 * middle of «ж», and the JSON had no title at all */
	char *s = NULL;
	size_t n = 0;
	s = cat(s, &n, "x");
	for (int i = 0; i < 200; i++)
		s = cat(s, &n, "\u0436");
	s = cat(s, &n, "\n\n\u0421\u0442\u0430\u0442\u044c\u044f 1.\n\u0422\u0435\u043a\u0441\u0442.\n");
	cov_doc *doc = parse_str_opts(s, n, NULL);
	const char *title = cov_doc_title(doc);
	assert_int_equal(cov_utf8_invalid_at(title, strlen(title)), strlen(title));
	assert_int_equal(strlen(title), 299);
	char *out;
	size_t len;
	assert_int_equal(cov_render_string(doc, COV_RENDER_JSON, &out, &len), COV_OK);
	json_error_t err;
	json_t *root = json_loadb(out, len, 0, &err);
	assert_non_null(root);
	const char *jt = json_string_value(json_object_get(root, "title"));
	assert_non_null(jt);
	assert_string_equal(jt, title);
	json_decref(root);
	free(out);
	assert_int_equal(cov_render_string(doc, COV_RENDER_TREE, &out, &len), COV_OK);
	assert_int_equal(cov_utf8_invalid_at(out, len), len);
	free(out);
	cov_doc_free(doc);
	free(s);
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

/* The eight-byte paths of UTF-8 validation and case folding (ASCII, runs of
 * two-byte sequences) answer as ICU does one character at a time, at every
 * length and alignment: stray continuation bytes, C0/C1 leads, a lead cut
 * off at the end, three- and four-byte characters among Cyrillic. */
static size_t ref_invalid_at(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp, pos = 0, len = n - i > 8 ? 8 : (int32_t)(n - i);
		U8_NEXT((const uint8_t *)s + i, pos, len, cp);
		if (cp < 0)
			return i;
		i += (size_t)pos;
	}
	return n;
}

static int ref_fold(const char *s, size_t n, char *out, size_t cap)
{
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *m = ucasemap_open(NULL, 0, &err);
	int32_t len = ucasemap_utf8FoldCase(m, out, (int32_t)cap, s, (int32_t)n, &err);
	ucasemap_close(m);
	if (U_FAILURE(err) || (size_t)len >= cap)
		return -1;
	out[len] = '\0';
	return len;
}

static void utf8_fast_paths(void **state)
{
	(void)state;
	static const char *const valid[] = {"a", "Z", "A", "@", "[", "`", "{", " ", "Article ", "\u042F", "\u044F",
					    "\u0401", "\u0463", "\u00E9", "\u00C9", "\u20AC", "\U0001D538", "\u0130",
					    "\u00DF", "\u0390", "\u0421\u0442\u0430\u0442\u044C\u044F "};
	static const char *const invalid[] = {"\xC0\x80", "\xC1\xBF", "\x80", "\xBF", "\xD0", "\xE2\x82", "\xF8"};
	uint32_t seed = 12345;
	char s[512], a[1024], b[1024];
	for (int round = 0; round < 2000; round++) {
		size_t n = 0;
		int pieces = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
		bool bad = round % 2;
		for (int k = 0; k < pieces; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = bad && (seed >> 8) % 9 == 0 ? invalid[(seed >> 16) % 7] : valid[(seed >> 16) % 21];
			size_t l = strlen(p);
			if (n + l >= sizeof s)
				break;
			memcpy(s + n, p, l);
			n += l;
		}
		for (size_t len = 0; len <= n; len++) {
			size_t want = ref_invalid_at(s, len), got = cov_utf8_invalid_at(s, len);
			if (want != got)
				fail_msg("round %d, %zu bytes: invalid at %zu, ICU says %zu", round, len, got, want);
			if (want != len)
				continue; /* folding is asked of valid text */
			static const size_t caps[] = {4, 9, 17, 64, 1024};
			for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
				int fr = ref_fold(s, len, a, caps[c]), fg = cov_utf8_fold(s, len, b, caps[c]);
				if (fr != fg || (fr > 0 && memcmp(a, b, (size_t)fr) != 0))
					fail_msg("round %d, %zu bytes, cap %zu: folded to %d bytes, ICU to %d", round, len,
						 caps[c], fg, fr);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_input),
		cmocka_unit_test(utf8_fast_paths),
		cmocka_unit_test(binary_input),
		cmocka_unit_test(invalid_utf8),
		cmocka_unit_test(legacy_encodings),
		cmocka_unit_test(byte_order_marks),
		cmocka_unit_test(stray_byte_in_utf8),
		cmocka_unit_test(detected_encoding_is_reported),
		cmocka_unit_test(utf16_without_bom),
		cmocka_unit_test(size_limit),
		cmocka_unit_test(files),
		cmocka_unit_test(one_huge_line),
		cmocka_unit_test(html_blocks_and_headings),
		cmocka_unit_test(html_hostile),
		cmocka_unit_test(pathological_structure),
		cmocka_unit_test(html_deep_nesting),
		cmocka_unit_test(long_title_cut_on_a_character),
		cmocka_unit_test(html_damage_that_loses_text),
		cmocka_unit_test(akn_xml_depth_and_damage),
		cmocka_unit_test(docx_messages),
		cmocka_unit_test(akn_html_words_in_place),
		cmocka_unit_test(akn_xml_encodings),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
