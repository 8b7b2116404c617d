/*
 * test_report.c — covenant report (src/render/report.c): the HTML is
 * well-formed (libxml2's XML parser, and its HTML parser with no error but
 * its ignorance of HTML5 tags), carries no script, no event handler and no
 * outside reference, every in-page link lands on an id of the document,
 * the document's own text is escaped however hostile, the matrix links to
 * the provisions, findings keep their JSON ids, limitation clauses get a
 * suggested wording, and Markdown carries the same sections.
 */
#include "helpers.h"
#include "render/render.h"
#include "render/report.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int xml_errors, html_errors;
static char first_error[512];

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (!xml_errors++)
		snprintf(first_error, sizeof first_error, "XML line %d: %s", e->line, e->message);
}

static void on_html_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	/* libxml2 2.9's HTML parser knows HTML 4: <section>, <details>, <svg>
	 * and their like are "unknown tags", nothing else is forgiven */
	if (e->code == XML_HTML_UNKNOWN_TAG)
		return;
	if (!html_errors++)
		snprintf(first_error, sizeof first_error, "HTML line %d: %s", e->line, e->message);
}

typedef struct walk {
	char **ids, **hrefs;
	size_t n_ids, n_hrefs;
	int forbidden;
	char what[256];
} walk;

static void collect(xmlNodePtr n, walk *w)
{
	static const char *const bad_elements[] = {"script", "iframe", "img", "object", "embed", "link", "base",
						   "form", "frame", "foreignObject"};
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t k = 0; k < sizeof bad_elements / sizeof *bad_elements; k++)
			if (xmlStrcasecmp(n->name, (const xmlChar *)bad_elements[k]) == 0 && !w->forbidden++)
				snprintf(w->what, sizeof w->what, "element <%s>", n->name);
		for (xmlAttrPtr a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			const char *name = (const char *)a->name;
			if ((strncasecmp(name, "on", 2) == 0 || strcasecmp(name, "src") == 0) && !w->forbidden++)
				snprintf(w->what, sizeof w->what, "attribute %s", name);
			if (strcmp(name, "id") == 0)
				w->ids[w->n_ids++] = strdup((const char *)v);
			if (strcmp(name, "href") == 0)
				w->hrefs[w->n_hrefs++] = strdup((const char *)v);
			xmlFree(v);
		}
		collect(n->children, w);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Well-formed, valid for the HTML parser, nothing active or outside, every
 * in-page link resolved.  Returns how many links there are. */
static size_t check_html(const char *s, size_t len)
{
	xml_errors = html_errors = 0;
	first_error[0] = '\0';
	xmlSetStructuredErrorFunc(NULL, on_xml_error);
	xmlDocPtr x = xmlReadMemory(s, (int)len, "report.html", "UTF-8", XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, on_html_error);
	htmlDocPtr h = htmlReadMemory(s, (int)len, "report.html", "UTF-8", HTML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (xml_errors || html_errors || !x || !h)
		fail_msg("the report does not parse: %s", first_error);
	xmlFreeDoc(h);
	size_t cap = len / 4 + 16;
	walk w = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(char *)), 0, 0, 0, ""};
	assert_non_null(w.ids);
	collect(xmlDocGetRootElement(x), &w);
	xmlFreeDoc(x);
	if (w.forbidden)
		fail_msg("the report has %s", w.what);
	qsort(w.ids, w.n_ids, sizeof *w.ids, cmp_str);
	for (size_t i = 1; i < w.n_ids; i++)
		if (strcmp(w.ids[i - 1], w.ids[i]) == 0)
			fail_msg("id '%s' twice", w.ids[i]);
	for (size_t i = 0; i < w.n_hrefs; i++) {
		if (w.hrefs[i][0] != '#')
			fail_msg("a link leaves the document: %s", w.hrefs[i]);
		const char *key = w.hrefs[i] + 1;
		if (!bsearch(&key, w.ids, w.n_ids, sizeof *w.ids, cmp_str))
			fail_msg("link %s lands on no id", w.hrefs[i]);
	}
	size_t n = w.n_hrefs;
	for (size_t i = 0; i < w.n_ids; i++)
		free(w.ids[i]);
	for (size_t i = 0; i < w.n_hrefs; i++)
		free(w.hrefs[i]);
	free(w.ids);
	free(w.hrefs);
	return n;
}

static char *report(const cov_review *r, const cov_comparison *c, const cov_report_meta *m, cov_report_format f,
		    size_t *len)
{
	char *s;
	int rc = cov_render_report_string(test_data, r, c, m, f, &s, len);
	if (rc != COV_OK)
		fail_msg("cov_render_report: %s", cov_error_last());
	assert_int_equal(strlen(s), *len);
	return s;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

static const char hostile[] =
	"Constitution of <script>alert('title')</script> Hostilia\n"
	"Article 1\n"
	"Citizens of <script>alert(1)</script> Hostilia have the right to assemble peacefully. This right may be "
	"restricted by law in the interests of national security, \"><img src=x onerror=alert(1)> and the "
	"foundations of the constitutional order.\n"
	"Article 2\n"
	"Everyone has the right to freedom of expression: javascript:alert(1) <a href=\"javascript:alert(2)\">x</a> "
	"& &amp; ]]> <!-- --> <style>body{display:none}</style> \x01 `code` *bold* [link](javascript:alert(3))\n"
	"Article 3\n"
	"The death penalty is abolished.\n";

static void hostile_text_is_text(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(hostile);
	cov_review *r;
	assert_int_equal(cov_check(test_data, doc, NULL, &r), COV_OK);
	assert_true(cov_review_count(r) > 0); /* the hostile words are inside findings' quotes */
	cov_report_meta m = {.title = "<b onmouseover=alert(4)>T</b>", .source = "\"><img src=y>",
			     .status = "<i>draft</i>"};
	cov_report_event ev = {"2026-01-01", "<script>", "\"><svg onload=alert(5)>"};
	m.events = &ev;
	m.n_events = 1;
	size_t len;
	char *s = report(r, NULL, &m, COV_REPORT_HTML, &len);
	check_html(s, len);
	assert_int_equal(count(s, "<script"), 0);
	assert_int_equal(count(s, "<img"), 0);
	assert_int_equal(count(s, "<style>"), 1); /* the report's own */
	assert_int_equal(count(s, "<a href=\"javascript"), 0);
	assert_int_equal(count(s, "<b onmouseover"), 0);
	assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(s, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
	assert_non_null(strstr(s, "javascript:alert(1)")); /* as text */
	assert_non_null(strstr(s, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
				  "style-src 'unsafe-inline'"));
	free(s);
	s = report(r, NULL, &m, COV_REPORT_MD, &len);
	assert_int_equal(count(s, "<script"), 0);
	assert_int_equal(count(s, "<img"), 0);
	assert_int_equal(count(s, "<a href"), 0);
	assert_int_equal(count(s, "<b "), 0);
	/* no Markdown link, code or emphasis made of the text */
	assert_int_equal(count(s, "](javascript"), count(s, "\\](javascript"));
	assert_non_null(strstr(s, "\\[link\\](javascript:alert(3))"));
	assert_non_null(strstr(s, "\\`code\\` \\*bold\\*"));
	assert_non_null(strstr(s, "&lt;script&gt;"));
	free(s);
	cov_review_free(r);
	cov_doc_free(doc);
}

static void veridia(void **state)
{
	(void)state;
	cov_doc *doc = example_doc("veridia-2024.txt");
	cov_review *r;
	assert_int_equal(cov_check(test_data, doc, NULL, &r), COV_OK);
	size_t len;
	char *s = report(r, NULL, NULL, COV_REPORT_HTML, &len);
	size_t links = check_html(s, len);
	assert_true(links > 50);
	/* the provision of the assembly finding, and the matrix cell linking to it */
	assert_non_null(strstr(s, "<div class=\"u k-article\" id=\"sec_II__art_11\">"));
	assert_non_null(strstr(s, "<td class=\"lv-5\"><a href=\"#sec_II__art_11\" title=\"article 11 × ICCPR art. 21: high"));
	assert_non_null(strstr(s, "<section id=\"iccpr-21\">"));
	/* every finding under the id of the JSON contract, marked in the margin */
	for (size_t i = 0; i < cov_review_count(r); i++) {
		json_t *j = cov_finding_json(cov_review_finding(r, i), NULL);
		char want[64];
		snprintf(want, sizeof want, "id=\"f-%s\"", json_string_value(json_object_get(j, "id")));
		assert_non_null(strstr(s, want));
		snprintf(want, sizeof want, "href=\"#f-%s\"", json_string_value(json_object_get(j, "id")));
		assert_true(count(s, want) >= 1);
		json_decref(j);
	}
	/* the treaty's words on expand, a recommendation, the suggested wording */
	char cite[256];
	snprintf(cite, sizeof cite, "%.40s", cov_standard_cite(test_data, 21));
	assert_non_null(strstr(s, "<details class=\"std\"><summary>ICCPR art. 21 — peaceful assembly</summary>"));
	assert_non_null(strstr(s, "<b>Recommendation.</b> Grant peaceful assembly to everyone"));
	assert_non_null(strstr(s, "<ins>only as prescribed by law and necessary in a democratic society for</ins>"));
	assert_non_null(strstr(s, "<del>by law in the interests of</del>"));
	assert_non_null(strstr(s, "restricted only as prescribed by law and necessary in a democratic society for "
				  "national security, public order.</p>"));
	assert_non_null(strstr(s, "@media print"));
	assert_int_equal(count(s, "http://"), 0); /* no address at all (the SVG namespace comes with --against) */
	free(s);
	/* the same content in Markdown */
	s = report(r, NULL, NULL, COV_REPORT_MD, &len);
	const char *sections[] = {"## Summary", "## Rights matrix", "## Findings by right", "### ICCPR art. 21 — peaceful assembly",
				  "## Recommendations", "### Suggested wording", "## Full text",
				  "~~by law in the interests of~~ **only as prescribed by law"};
	for (size_t k = 0; k < sizeof sections / sizeof *sections; k++)
		if (!strstr(s, sections[k]))
			fail_msg("Markdown lacks %s", sections[k]);
	free(s);
	cov_review_free(r);
	cov_doc_free(doc);
}

static void russian_wording(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Статья 1.\nГраждане имеют право на мирные собрания. Пользование этим правом может "
				 "ограничиваться законом в целях защиты основ конституционного строя, охраны "
				 "общественного порядка, здоровья граждан.\n");
	cov_review *r;
	assert_int_equal(cov_check(test_data, doc, NULL, &r), COV_OK);
	size_t len;
	char *s = report(r, NULL, NULL, COV_REPORT_HTML, &len);
	check_html(s, len);
	assert_non_null(strstr(s, "<del>законом в целях</del><ins>только законом и лишь в той мере, в какой это "
				  "необходимо в демократическом обществе для</ins> <del>защиты основ конституционного строя, "
				  "</del>охраны"));
	assert_non_null(strstr(s, "в демократическом обществе для охраны общественного порядка, здоровья граждан.</p>"));
	free(s);
	cov_review_free(r);
	cov_doc_free(doc);
}

static void comparison(void **state)
{
	(void)state;
	cov_doc *old = example_doc("veridia-2015.txt"), *nw = example_doc("veridia-2024.txt");
	cov_review *r, *r_old;
	cov_comparison *c;
	assert_int_equal(cov_check(test_data, nw, NULL, &r), COV_OK);
	assert_int_equal(cov_check(test_data, old, NULL, &r_old), COV_OK);
	assert_int_equal(cov_diff(test_data, old, nw, &c), COV_OK);
	cov_report_meta m = {.old_label = "2015", .new_label = "2024"};
	size_t len;
	char *s = report(r, c, &m, COV_REPORT_HTML, &len);
	check_html(s, len);
	assert_non_null(strstr(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"align\""));
	/* a line and a row per pair, a box per article */
	assert_int_equal(count(s, "<line "), cov_comparison_pair_count(c));
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		char id[64];
		snprintf(id, sizeof id, "<tr id=\"pair-%zu\"", i + 1);
		assert_non_null(strstr(s, id));
	}
	assert_int_equal(count(s, "<rect "), cov_doc_count(old, cov_doc_primary_kind(old)) +
						     cov_doc_count(nw, cov_doc_primary_kind(nw)));
	assert_non_null(strstr(s, "<h3 id=\"impact\">Rights impact</h3>"));
	if (cov_comparison_finding_count(c))
		assert_true(strstr(s, "What was dropped") || strstr(s, "What was added or narrowed"));
	free(s);
	s = report(r, c, &m, COV_REPORT_MD, &len);
	assert_non_null(strstr(s, "## Comparison: 2015 → 2024"));
	assert_non_null(strstr(s, "### Rights impact"));
	free(s);
	/* a comparison of another document is refused */
	char *bad;
	assert_int_equal(cov_render_report_string(test_data, r_old, c, NULL, COV_REPORT_HTML, &bad, &len), COV_EUSAGE);
	assert_null(bad);
	cov_comparison_free(c);
	cov_review_free(r);
	cov_review_free(r_old);
	cov_doc_free(old);
	cov_doc_free(nw);
}

/* A data directory without recommendations: COV_EDATA naming the file. */
static void missing_recommendations(void **state)
{
	(void)state;
	char dir[] = "/tmp/covenant-report-XXXXXX";
	assert_non_null(mkdtemp(dir));
	const char *src = cov_data_dir(test_data);
	const char *entries[] = {"lang", "rights", "standards", "rules.txt"};
	char a[4096], b[4096];
	for (size_t k = 0; k < 4; k++) {
		snprintf(a, sizeof a, "%s/%s", src, entries[k]);
		snprintf(b, sizeof b, "%s/%s", dir, entries[k]);
		assert_int_equal(symlink(a, b), 0);
	}
	cov_data *data;
	assert_int_equal(cov_data_open(dir, &data), COV_OK);
	cov_doc *doc = parse_str("Article 1\nEveryone has the right to life.\n");
	cov_review *r;
	assert_int_equal(cov_check(data, doc, NULL, &r), COV_OK);
	char *s;
	size_t len;
	assert_int_equal(cov_render_report_string(data, r, NULL, NULL, COV_REPORT_HTML, &s, &len), COV_EDATA);
	assert_non_null(strstr(cov_error_last(), "recommendations/rules.txt"));
	/* a malformed line is named too */
	snprintf(b, sizeof b, "%s/recommendations", dir);
	assert_int_equal(mkdir(b, 0700), 0);
	snprintf(b, sizeof b, "%s/recommendations/rules.txt", dir);
	FILE *f = fopen(b, "w");
	assert_non_null(f);
	fputs("holder.citizens-only without a bar\n", f);
	fclose(f);
	assert_int_equal(cov_render_report_string(data, r, NULL, NULL, COV_REPORT_HTML, &s, &len), COV_EDATA);
	assert_non_null(strstr(cov_error_last(), "expected 'rule | recommendation'"));
	unlink(b);
	snprintf(b, sizeof b, "%s/recommendations", dir);
	rmdir(b);
	for (size_t k = 0; k < 4; k++) {
		snprintf(b, sizeof b, "%s/%s", dir, entries[k]);
		unlink(b);
	}
	rmdir(dir);
	cov_review_free(r);
	cov_doc_free(doc);
	cov_data_free(data);
}

static void kazakhstan_2026(void **state)
{
	(void)state;
	REQUIRE_CORPUS(path, "kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt");
	REQUIRE_CORPUS(old_path, "kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md");
	cov_doc *doc, *old;
	assert_int_equal(cov_doc_parse_file(test_data, path, NULL, &doc), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, old_path, NULL, &old), COV_OK);
	cov_review *r;
	cov_comparison *c;
	assert_int_equal(cov_check(test_data, doc, NULL, &r), COV_OK);
	assert_int_equal(cov_diff(test_data, old, doc, &c), COV_OK);
	size_t len;
	char *s = report(r, c, NULL, COV_REPORT_HTML, &len);
	check_html(s, len);
	/* peaceful assembly: the matrix cell lands on article 34 */
	assert_non_null(strstr(s, "<td class=\"lv-5\"><a href=\"#sec_II__art_34\" title=\"article 34 × ICCPR art. 21: high"));
	assert_non_null(strstr(s, "id=\"sec_II__art_34\""));
	/* its limitation clause without the constitutional order, with the test */
	assert_non_null(strstr(s, "в демократическом обществе для защиты прав и свобод человека и гражданина, "
				  "обеспечения национальной безопасности"));
	/* article 32 of 1995 is article 34 of 2026 */
	assert_non_null(strstr(s, "<title>article 32 → article 34: renumbered"));
	free(s);
	cov_comparison_free(c);
	cov_review_free(r);
	cov_doc_free(old);
	cov_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hostile_text_is_text),
		cmocka_unit_test(veridia),
		cmocka_unit_test(russian_wording),
		cmocka_unit_test(comparison),
		cmocka_unit_test(missing_recommendations),
		cmocka_unit_test(kazakhstan_2026),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
