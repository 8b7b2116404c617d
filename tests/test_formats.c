/*
 * test_formats.c — the formats a draft arrives in: PDF (text layer), DOCX,
 * legacy encodings, amendment notes; and hostile files (encrypted or
 * truncated PDFs, a PDF of images, a zip bomb, a DTD with entities, a zip
 * that is no DOCX).  Fixtures are in tests/fixtures (made by the scripts
 * there); the Adilet PDFs of ../shared/corpus when present.
 */
#include "helpers.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fixture(const char *name)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/%s", getenv("COVENANT_SOURCE"), name);
	return path;
}

static cov_doc *parse_fixture(const char *name)
{
	cov_doc *doc;
	if (cov_doc_parse_file(test_data, fixture(name), NULL, &doc) != COV_OK)
		fail_msg("%s", cov_error_last());
	assert_tree_sane(doc);
	assert_no_word_lost(doc);
	return doc;
}

static void refused(const char *name, const char *fragment)
{
	cov_doc *doc = NULL;
	int rc = cov_doc_parse_file(test_data, fixture(name), NULL, &doc);
	assert_int_equal(rc, COV_EINPUT);
	assert_null(doc);
	if (!strstr(cov_error_last(), fragment))
		fail_msg("error '%s' lacks '%s'", cov_error_last(), fragment);
}

static void pdf_text_layer(void **state)
{
	(void)state;
	cov_doc *doc = parse_fixture("text.pdf");
	assert_int_equal(cov_doc_format(doc), COV_FORMAT_PDF);
	assert_int_equal(cov_doc_pages(doc), 2);
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	/* the running header and the page numbers are gone */
	assert_null(strstr(t, "official text"));
	assert_string_equal(cov_doc_title(doc), "Constitution of Testland");
	/* a wrapped line joined again, a hyphenated word rejoined */
	assert_non_null(strstr(t, "deprived of his life arbitrarily."));
	assert_non_null(strstr(t, "including the freedom to seek"));
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 4);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 2);
	/* the footnote is kept apart from article 3's text, with its amendment */
	const cov_node *a3 = find_node(doc, COV_NODE_ARTICLE, "3");
	char *own = node_text(doc, a3);
	assert_string_equal(own, "Everyone has the right of peaceful assembly.");
	free(own);
	const cov_node *note = cov_node_first_child(a3);
	assert_non_null(note);
	assert_int_equal(cov_node_kind_of(note), COV_NODE_NOTE);
	size_t n;
	const cov_amendment *am = cov_node_amendments(note, &n);
	assert_int_equal(n, 1);
	assert_string_equal(am[0].date, "2017-03-10");
	assert_string_equal(am[0].law, "51-VI");
	cov_doc_free(doc);
}

static void hostile_pdfs(void **state)
{
	(void)state;
	refused("encrypted.pdf", "encrypted PDF");
	refused("image.pdf", "no text layer");
	/* the first 700 bytes of a PDF */
	size_t len;
	char *buf = read_whole(fixture("text.pdf"), &len);
	assert_non_null(buf);
	cov_doc *doc = NULL;
	assert_int_equal(cov_doc_parse_buffer(test_data, buf, 700, "truncated.pdf", NULL, &doc), COV_EINPUT);
	assert_non_null(strstr(cov_error_last(), "truncated.pdf: not a readable PDF"));
	/* a PDF called .txt is still a PDF: content decides */
	cov_parse_options o = {0};
	assert_int_equal(cov_doc_parse_buffer(test_data, buf, len, "mislabelled.txt", &o, &doc), COV_OK);
	assert_int_equal(cov_doc_format(doc), COV_FORMAT_PDF);
	cov_doc_free(doc);
	free(buf);
}

static void docx(void **state)
{
	(void)state;
	cov_doc *doc = parse_fixture("text.docx");
	assert_int_equal(cov_doc_format(doc), COV_FORMAT_DOCX);
	assert_string_equal(cov_doc_language(doc), "ru");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	/* Word's automatic numbering, written out: 1. 2. per list, 1) 2) one level down */
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 3);
	assert_int_equal(cov_doc_count(doc, COV_NODE_POINT), 2);
	assert_string_equal(cov_node_eid(find_node(doc, COV_NODE_POINT, "2")), "art_2__para_1__point_2");
	cov_doc_free(doc);
	/* articles numbered by Word itself: lvlText «Статья %1.», "%2.", "%3)" in numbering.xml */
	doc = parse_fixture("numbered.docx");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 3);
	assert_non_null(find_node(doc, COV_NODE_POINT, "b"));
	assert_non_null(strstr(cov_doc_text(doc, NULL), "Статья 2."));
	cov_doc_free(doc);
	refused("bomb.docx", "zip bomb");
	refused("dtd.docx", "declares a DTD");
	refused("nodoc.docx", "without word/document.xml");
}

static void koi8r(void **state)
{
	(void)state;
	/* «Статья 1. Каждый имеет право на жизнь.» in KOI8-R, named */
	const char koi[] = "\xf3\xd4\xc1\xd4\xd8\xd1 1.\n\xeb\xc1\xd6\xc4\xd9\xca \xc9\xcd\xc5\xc5\xd4 \xd0\xd2\xc1\xd7\xcf "
			   "\xce\xc1 \xd6\xc9\xda\xce\xd8.\n";
	cov_parse_options o = {.encoding = "koi8-r"};
	cov_doc *doc = parse_str_opts(koi, strlen(koi), &o);
	assert_string_equal(cov_doc_encoding(doc), "koi8-r");
	assert_int_equal(cov_doc_encoding_confidence(doc), 100);
	assert_non_null(strstr(cov_doc_text(doc, NULL), "Каждый имеет право на жизнь."));
	cov_doc_free(doc);
	/* UTF-16BE with a byte-order mark */
	const char be[] = "\xfe\xff\x00" "A\x00r\x00t\x00i\x00" "c\x00l\x00" "e\x00 \x00" "1\x00\n\x00" "X\x00.\x00\n";
	doc = parse_str_opts(be, sizeof be - 1, NULL);
	assert_string_equal(cov_doc_encoding(doc), "UTF-16BE");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 1);
	cov_doc_free(doc);
}

static void notes_in_text(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Статья 83\nТекст.\nСтатья 84\nСноска. Статья 84 исключена Законом РК от 21.05.2007 № 254-III "
				 "(вводится в действие со дня его официального опубликования).\nСтатья 85\n1. Первый.\n"
				 "Примечание. См. постановление от 18.05.2023 № 14-НП.\n2. Второй.\n");
	const cov_node *a84 = find_node(doc, COV_NODE_ARTICLE, "84");
	assert_true(cov_node_repealed(a84));
	assert_false(cov_node_repealed(find_node(doc, COV_NODE_ARTICLE, "83")));
	size_t n;
	const cov_amendment *am = cov_node_amendments(cov_node_first_child(a84), &n);
	assert_int_equal(n, 1);
	assert_string_equal(am[0].date, "2007-05-21");
	assert_string_equal(am[0].law, "254-III");
	/* a note between paragraphs: the numbering goes on after it */
	const cov_node *a85 = find_node(doc, COV_NODE_ARTICLE, "85");
	const cov_node *c = cov_node_first_child(a85);
	assert_int_equal(cov_node_kind_of(c), COV_NODE_PARAGRAPH);
	c = cov_node_next(c);
	assert_int_equal(cov_node_kind_of(c), COV_NODE_NOTE);
	c = cov_node_next(c);
	assert_int_equal(cov_node_kind_of(c), COV_NODE_PARAGRAPH);
	assert_string_equal(cov_node_num(c), "2");
	assert_true(cov_doc_in_force(doc));
	assert_no_word_lost(doc);
	cov_doc_free(doc);
}

/* What a note's dates are: a note that only cites a ruling amends nothing;
 * «вводится в действие с …» dates an amendment, it is not another one; a
 * number cut at a line-end hyphen is one number. */
static void note_dates(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Статья 1\nТекст.\nПримечание. См. нормативное постановление Конституционного Суда РК от\n"
				 "16.05.2023 № 13-НП.\nСтатья 2\nТекст.\nСноска. Статья 2 с изменениями, внесенными законами РК "
				 "от 10.03.2017 № 51-VI (\nвводится в действие со дня его первого официального опубликования); "
				 "от 08.06.2022 (\nвводится в действие с 01.01.2023)\nСтатья 3\nТекст.\nСноска. Статья 3 с "
				 "изменениями, внесенными Законом РК от 17.09.2022 № 142-\nVII.\n");
	size_t n;
	const cov_node *note1 = cov_node_first_child(find_node(doc, COV_NODE_ARTICLE, "1"));
	while (note1 && cov_node_kind_of(note1) != COV_NODE_NOTE)
		note1 = cov_node_next(note1);
	assert_non_null(note1);
	cov_node_amendments(note1, &n);
	assert_int_equal(n, 0);
	const cov_node *note2 = cov_node_first_child(find_node(doc, COV_NODE_ARTICLE, "2"));
	while (note2 && cov_node_kind_of(note2) != COV_NODE_NOTE)
		note2 = cov_node_next(note2);
	assert_non_null(note2);
	const cov_amendment *am = cov_node_amendments(note2, &n);
	assert_int_equal(n, 2);
	assert_string_equal(am[0].date, "2017-03-10");
	assert_string_equal(am[0].law, "51-VI");
	assert_string_equal(am[1].date, "2022-06-08");
	const cov_node *note3 = cov_node_first_child(find_node(doc, COV_NODE_ARTICLE, "3"));
	while (note3 && cov_node_kind_of(note3) != COV_NODE_NOTE)
		note3 = cov_node_next(note3);
	assert_non_null(note3);
	am = cov_node_amendments(note3, &n);
	assert_int_equal(n, 1);
	assert_string_equal(am[0].law, "142-VII");
	assert_no_word_lost(doc);
	cov_doc_free(doc);
}

static cov_doc *adilet(const char *file, bool *skipped)
{
	char buf[4096], rel[512];
	snprintf(rel, sizeof rel, "kz-adilet-ru-pdf/%s", file);
	const char *path = corpus_path(rel, buf, sizeof buf);
	*skipped = !path;
	if (!path)
		return NULL;
	cov_doc *doc;
	if (cov_doc_parse_file(test_data, path, NULL, &doc) != COV_OK)
		fail_msg("%s", cov_error_last());
	assert_tree_sane(doc);
	assert_no_word_lost(doc);
	return doc;
}

static void adilet_pdfs(void **state)
{
	(void)state;
	bool skipped;
	cov_doc *doc = adilet("k950001000_.01-01-2023.rus.pdf", &skipped);
	if (skipped)
		skip();
	/* the 1995 Constitution as of 2023: Разделы I–IX, articles 1–99 and the inserted ones */
	assert_int_equal(cov_doc_count(doc, COV_NODE_SECTION), 9);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 102);
	for (long k = 1; k <= 99; k++) {
		char num[8];
		snprintf(num, sizeof num, "%ld", k);
		if (!find_node(doc, COV_NODE_ARTICLE, num))
			fail_msg("article %s missing", num);
	}
	assert_non_null(find_node(doc, COV_NODE_ARTICLE, "83-1"));
	assert_true(cov_node_repealed(find_node(doc, COV_NODE_ARTICLE, "84")));
	assert_true(cov_doc_in_force(doc));
	fprintf(stderr, "adilet 1995/2023: %zu pages, %zu articles, %zu notes\n", cov_doc_pages(doc),
		cov_doc_count(doc, COV_NODE_ARTICLE), cov_doc_count(doc, COV_NODE_NOTE));
	cov_doc_free(doc);
	/* four laws with Раздел/Глава/Статья; the 1998 law repealed in 2016 */
	static const struct { const char *file; size_t chapters_min, articles_min; bool in_force; } laws[] = {
		{"z1600000480.09-01-2026.rus.pdf", 10, 70, true},
		{"z2200000153.01-01-2024.rus.pdf", 8, 60, true},
		{"z2200000155.12-09-2023.rus.pdf", 6, 45, true},
		{"z980000213_.06-04-2016.rus.pdf", 8, 50, false},
	};
	for (size_t i = 0; i < sizeof laws / sizeof *laws; i++) {
		doc = adilet(laws[i].file, &skipped);
		size_t ch = cov_doc_count(doc, COV_NODE_CHAPTER), ar = cov_doc_count(doc, COV_NODE_ARTICLE);
		fprintf(stderr, "adilet %s: %zu chapters, %zu articles, in force %d\n", laws[i].file, ch, ar,
			cov_doc_in_force(doc));
		assert_true(ch >= laws[i].chapters_min);
		assert_true(ar >= laws[i].articles_min);
		assert_int_equal(cov_doc_in_force(doc), laws[i].in_force);
		cov_doc_free(doc);
	}
}

/* The nodes of two trees, in order: same kinds, numbers, headings, eIds. */
static void assert_same_tree(const cov_doc *a, const cov_doc *b)
{
	cov_iter x, y;
	cov_iter_init(&x, cov_doc_root(a));
	cov_iter_init(&y, cov_doc_root(b));
	cov_event ex, ey;
	do {
		ex = cov_iter_next(&x);
		ey = cov_iter_next(&y);
		assert_int_equal(ex, ey);
		if (ex != COV_EVENT_ENTER)
			continue;
		const cov_node *p = cov_iter_node(&x), *q = cov_iter_node(&y);
		if (cov_node_kind_of(p) != cov_node_kind_of(q) || strcmp(cov_node_eid(p), cov_node_eid(q)) != 0 ||
		    strcmp(cov_node_num(p), cov_node_num(q)) != 0 || strcmp(cov_node_heading(p), cov_node_heading(q)) != 0)
			fail_msg("%s %s «%s» became %s %s «%s»", cov_node_kind_name(cov_node_kind_of(p)), cov_node_eid(p),
				 cov_node_heading(p), cov_node_kind_name(cov_node_kind_of(q)), cov_node_eid(q), cov_node_heading(q));
	} while (ex != COV_EVENT_DONE);
}

static void akn_round_trip(const char *what, cov_doc *doc)
{
	char *xml;
	size_t len;
	assert_int_equal(cov_render_string(doc, COV_RENDER_AKN, &xml, &len), COV_OK);
	cov_doc *again;
	if (cov_doc_parse_buffer(test_data, xml, len, what, NULL, &again) != COV_OK)
		fail_msg("%s: %s", what, cov_error_last());
	assert_int_equal(cov_doc_format(again), COV_FORMAT_AKN);
	assert_no_word_lost(again);
	assert_same_tree(doc, again);
	cov_doc_free(again);
	free(xml);
}

static void akoma_ntoso(void **state)
{
	(void)state;
	/* parse(export_akn(doc)) yields the same tree */
	cov_doc *doc = example_doc("veridia-2024.txt");
	akn_round_trip("veridia-2024.xml", doc);
	cov_doc_free(doc);
	doc = example_doc("veridia-2015.txt");
	akn_round_trip("veridia-2015.xml", doc);
	cov_doc_free(doc);
	doc = parse_fixture("text.pdf"); /* with a note */
	akn_round_trip("text.xml", doc);
	cov_doc_free(doc);
	/* hostile XML: entities and DTDs are refused, broken XML is an error */
	const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE akomaNtoso [<!ENTITY a \"aaaaaaaaaa\">"
			     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			     "<akomaNtoso><act><body><article eId=\"art_1\"><num>1</num><content><p>&b;&x;</p></content>"
			     "</article></body></act></akomaNtoso>";
	cov_doc *bad = NULL;
	assert_int_equal(cov_doc_parse_buffer(test_data, laughs, strlen(laughs), "laughs.xml", NULL, &bad), COV_EINPUT);
	assert_non_null(strstr(cov_error_last(), "declares a DTD"));
	const char *broken = "<akomaNtoso><act><body><article eId=\"art_1\"><num>1</num>";
	assert_int_equal(cov_doc_parse_buffer(test_data, broken, strlen(broken), "broken.xml", NULL, &bad), COV_EINPUT);
	/* found by fuzz_akn: markup whose HTML parse has no root element */
	size_t flen;
	char *noroot = read_whole(fixture("akn-no-root.html"), &flen);
	assert_non_null(noroot);
	cov_parse_options akn = {.format = COV_FORMAT_AKN};
	assert_int_equal(cov_doc_parse_buffer(test_data, noroot, flen, "noroot.html", &akn, &bad), COV_EINPUT);
	free(noroot);
	const char *empty = "<akomaNtoso><act><body></body></act></akomaNtoso>";
	assert_int_equal(cov_doc_parse_buffer(test_data, empty, strlen(empty), "empty.xml", NULL, &bad), COV_EINPUT);
	assert_non_null(strstr(cov_error_last(), "without any unit"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_toc(json_t *nodes, const char ***ids, size_t *n, size_t *cap)
{
	size_t i;
	json_t *t;
	json_array_foreach(nodes, i, t) {
		const char *id = json_string_value(json_object_get(t, "id"));
		if (id) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 512;
				*ids = realloc(*ids, *cap * sizeof **ids);
			}
			(*ids)[(*n)++] = id;
		}
		collect_toc(json_object_get(t, "children"), ids, n, cap);
	}
}

static void south_africa_akn_html(void **state)
{
	(void)state;
	static const char *const langs[] = {"en", "xh", "zu"};
	for (size_t l = 0; l < 3; l++) {
		char rel[256], buf[4096], tbuf[4096];
		snprintf(rel, sizeof rel, "za-constitution-lawsafrica-akn/extracted/za_constitution_%s.html", langs[l]);
		const char *path = corpus_path(rel, buf, sizeof buf);
		if (!path)
			skip();
		snprintf(rel, sizeof rel, "za-constitution-lawsafrica-akn/extracted/za_constitution_%s_toc.json", langs[l]);
		const char *toc_path = corpus_path(rel, tbuf, sizeof tbuf);
		cov_doc *doc;
		if (cov_doc_parse_file(test_data, path, NULL, &doc) != COV_OK)
			fail_msg("%s", cov_error_last());
		assert_int_equal(cov_doc_format(doc), COV_FORMAT_AKN);
		assert_no_word_lost(doc);
		assert_tree_sane(doc);
		assert_int_equal(cov_doc_primary_kind(doc), COV_NODE_SECTION);
		/* every eId of the source's table of contents is an eId of the tree */
		size_t n = 0, cap = 0, tn = 0, tcap = 0;
		const char **mine = NULL, **toc = NULL;
		cov_iter it;
		cov_iter_init(&it, cov_doc_root(doc));
		cov_event ev;
		while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
			if (ev != COV_EVENT_ENTER || !cov_node_eid(cov_iter_node(&it))[0])
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 1024;
				mine = realloc(mine, cap * sizeof *mine);
			}
			mine[n++] = cov_node_eid(cov_iter_node(&it));
		}
		qsort(mine, n, sizeof *mine, cmp_str);
		json_error_t err;
		json_t *t = json_load_file(toc_path, 0, &err);
		assert_non_null(t);
		collect_toc(t, &toc, &tn, &tcap);
		size_t found = 0;
		for (size_t i = 0; i < tn; i++)
			found += bsearch(&toc[i], mine, n, sizeof *mine, cmp_str) != NULL;
		fprintf(stderr, "south africa %s: %zu of %zu table-of-contents eIds in the tree\n", langs[l], found, tn);
		assert_int_equal(found, tn);
		const cov_node *s16 = NULL;
		cov_iter_init(&it, cov_doc_root(doc));
		while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE)
			if (ev == COV_EVENT_ENTER && strcmp(cov_node_eid(cov_iter_node(&it)), "chp_2__sec_16") == 0)
				s16 = cov_iter_node(&it);
		assert_non_null(s16);
		assert_string_equal(cov_node_num(s16), "16");
		json_decref(t);
		free(mine);
		free(toc);
		cov_doc_free(doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pdf_text_layer),
		cmocka_unit_test(hostile_pdfs),
		cmocka_unit_test(docx),
		cmocka_unit_test(koi8r),
		cmocka_unit_test(notes_in_text),
		cmocka_unit_test(note_dates),
		cmocka_unit_test(adilet_pdfs),
		cmocka_unit_test(akoma_ntoso),
		cmocka_unit_test(south_africa_akn_html),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
