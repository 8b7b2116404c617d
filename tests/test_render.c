/*
 * test_render.c — the renderers: the JSON contract (docs/json.md),
 * well-formed Akoma Ntoso, and golden outline/Markdown/JSON/AKN files for
 * the example constitution, reviewed like code.  Set
 * COVENANT_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
 * change, then read the diff.
 */
#define _GNU_SOURCE /* fopencookie */
#include "helpers.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cov_doc *example(const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/examples/%s", getenv("COVENANT_SOURCE"), name);
	size_t len;
	char *buf = read_whole(path, &len);
	assert_non_null(buf);
	cov_doc *doc;
	/* the name, not the path, so golden files do not depend on the checkout */
	assert_int_equal(cov_doc_parse_buffer(test_data, buf, len, name, NULL, &doc), COV_OK);
	free(buf);
	return doc;
}

static char *render(const cov_doc *doc, cov_render_format fmt, size_t *len)
{
	char *s;
	assert_int_equal(cov_render_string(doc, fmt, &s, len), COV_OK);
	return s;
}

static void check_node(const cov_doc *doc, json_t *n)
{
	static const char *const keys[] = {"kind", "num", "heading", "eid", "line", "start", "end", "text", "children"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!json_object_get(n, keys[i]))
			fail_msg("node lacks '%s'", keys[i]);
	size_t len;
	const char *text = cov_doc_text(doc, &len);
	json_int_t start = json_integer_value(json_object_get(n, "start"));
	json_int_t end = json_integer_value(json_object_get(n, "end"));
	assert_true(start >= 0 && start <= end && (size_t)end <= len);
	/* the unit's own text is a slice of its span */
	const char *t = json_string_value(json_object_get(n, "text"));
	assert_non_null(t);
	if (*t) {
		const char *at = strstr(text + start, t);
		assert_non_null(at);
		assert_true(at + strlen(t) <= text + end);
	}
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(n, "children"), i, c) check_node(doc, c);
}

static void json_contract(void **state)
{
	(void)state;
	cov_doc *doc = example("veridia-2015.txt");
	size_t len;
	char *s = render(doc, COV_RENDER_JSON, &len);
	json_error_t err;
	json_t *root = json_loads(s, 0, &err);
	if (!root)
		fail_msg("invalid JSON: %s (line %d)", err.text, err.line);
	assert_int_equal(json_integer_value(json_object_get(root, "format")), 1);
	assert_string_equal(json_string_value(json_object_get(root, "title")), "Constitution of the Republic of Veridia");
	assert_string_equal(json_string_value(json_object_get(root, "language")), "en");
	json_t *nodes = json_object_get(root, "nodes");
	assert_true(json_is_array(nodes));
	size_t i;
	json_t *n;
	json_array_foreach(nodes, i, n) check_node(doc, n);
	/* Part II > Article 10, as a lawyer cites it */
	json_t *part2 = json_array_get(nodes, 3);
	assert_string_equal(json_string_value(json_object_get(part2, "kind")), "part");
	assert_string_equal(json_string_value(json_object_get(part2, "eid")), "part_II");
	json_t *a10 = NULL;
	json_array_foreach(json_object_get(part2, "children"), i, n) if (strcmp(json_string_value(json_object_get(n, "num")), "10") == 0) a10 = n;
	assert_non_null(a10);
	assert_string_equal(json_string_value(json_object_get(a10, "heading")), "Assembly");
	assert_string_equal(json_string_value(json_object_get(a10, "eid")), "part_II__art_10");
	assert_int_equal(json_integer_value(json_object_get(a10, "line")), 43);
	json_decref(root);
	free(s);
	cov_doc_free(doc);
}

static void akn_well_formed(void **state)
{
	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	cov_doc *doc = example("veridia-2024.txt");
	size_t len;
	char *s = render(doc, COV_RENDER_AKN, &len);
	xmlDocPtr x = xmlReadMemory(s, (int)len, "akn.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(x);
	xmlNodePtr root = xmlDocGetRootElement(x);
	assert_string_equal((const char *)root->name, "akomaNtoso");
	assert_string_equal((const char *)root->ns->href, "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
	/* every article of the tree is an <article> with the same eId */
	size_t articles = 0;
	for (xmlNodePtr n = root; n;) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "article") == 0) {
			xmlChar *eid = xmlGetProp(n, BAD_CAST "eId");
			const cov_node *a = nth_node(doc, COV_NODE_ARTICLE, articles);
			assert_non_null(a);
			assert_string_equal((const char *)eid, cov_node_eid(a));
			xmlFree(eid);
			articles++;
		}
		if (n->children) {
			n = n->children;
			continue;
		}
		while (n && !n->next)
			n = n->parent;
		if (n)
			n = n->next;
	}
	assert_int_equal(articles, 17);
	xmlFreeDoc(x);
	free(s);
	cov_doc_free(doc);
}

static void golden(const char *example_name, cov_render_format fmt, const char *golden_name)
{
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	cov_doc *doc = example(example_name);
	size_t len;
	char *s = render(doc, fmt, &len);
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/golden/%s", getenv("COVENANT_SOURCE"), golden_name);
	if (getenv("COVENANT_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(s, 1, len, f);
		fclose(f);
	}
	size_t glen;
	char *want = read_whole(path, &glen);
	if (!want)
		fail_msg("missing golden file %s (COVENANT_UPDATE_GOLDEN=1 writes it)", path);
	if (glen != len || memcmp(want, s, len) != 0)
		fail_msg("%s differs from the renderer's output; if the change is deliberate, "
			 "run with COVENANT_UPDATE_GOLDEN=1 and review the diff", path);
	free(want);
	free(s);
	cov_doc_free(doc);
}

static void golden_tree(void **state) { (void)state; golden("veridia-2015.txt", COV_RENDER_TREE, "veridia-2015.tree"); }
static void golden_md(void **state) { (void)state; golden("veridia-2024.txt", COV_RENDER_MARKDOWN, "veridia-2024.md"); }
static void golden_json(void **state) { (void)state; golden("veridia-2024.txt", COV_RENDER_JSON, "veridia-2024.json"); }
static void golden_akn(void **state) { (void)state; golden("veridia-2015.txt", COV_RENDER_AKN, "veridia-2015.akn.xml"); }

/* ---- streamed JSON ---- */

/* The JSON the renderer printed before it streamed: a Jansson tree of the
 * whole document, dumped at once.  The streamed bytes must be these. */
static json_t *oracle_node(const cov_doc *doc, const cov_node *n)
{
	size_t tlen;
	const char *text = cov_doc_text(doc, &tlen);
	(void)tlen;
	size_t ts = cov_node_text_start(n), te = cov_node_text_end(n);
	json_t *o = json_object(), *children = json_array();
	json_object_set_new(o, "kind", json_string(cov_node_kind_name(cov_node_kind_of(n))));
	json_object_set_new(o, "num", json_string(cov_node_num(n)));
	json_object_set_new(o, "num_printed", json_string(cov_node_num_printed(n)));
	json_object_set_new(o, "heading", json_string(cov_node_heading(n)));
	json_object_set_new(o, "eid", json_string(cov_node_eid(n)));
	json_object_set_new(o, "line", json_integer((json_int_t)cov_node_line(n)));
	json_object_set_new(o, "start", json_integer((json_int_t)cov_node_start(n)));
	json_object_set_new(o, "end", json_integer((json_int_t)cov_node_end(n)));
	json_object_set_new(o, "text", json_stringn(text + ts, te - ts));
	if (cov_node_kind_of(n) == COV_NODE_NOTE) {
		json_t *ev = json_array();
		size_t na;
		const cov_amendment *am = cov_node_amendments(n, &na);
		for (size_t i = 0; i < na; i++) {
			const cov_amendment *a = &am[i];
			json_t *e = json_object();
			json_object_set_new(e, "date", json_string(a->date));
			json_object_set_new(e, "law", json_string(a->law));
			json_array_append_new(ev, e);
		}
		json_object_set_new(o, "amendments", ev);
	}
	if (cov_node_repealed(n))
		json_object_set_new(o, "repealed", json_true());
	for (const cov_node *c = cov_node_first_child(n); c; c = cov_node_next(c))
		json_array_append_new(children, oracle_node(doc, c));
	json_object_set_new(o, "children", children);
	return o;
}

static char *oracle_json(const cov_doc *doc, const char *input_format, size_t pages)
{
	json_t *root = json_object(), *input = json_object(), *nodes = json_array();
	json_object_set_new(root, "format", json_integer(COV_JSON_FORMAT));
	json_object_set_new(root, "title", json_string(cov_doc_title(doc)));
	json_object_set_new(root, "language", json_string(cov_doc_language(doc)));
	json_object_set_new(input, "name", json_string(cov_doc_name(doc)));
	json_object_set_new(input, "format", json_string(input_format));
	json_object_set_new(input, "encoding", json_string(cov_doc_encoding(doc)));
	json_object_set_new(input, "encoding_confidence", json_integer(cov_doc_encoding_confidence(doc)));
	if (pages)
		json_object_set_new(input, "pages", json_integer((json_int_t)pages));
	size_t len;
	cov_doc_text(doc, &len);
	json_object_set_new(input, "bytes", json_integer((json_int_t)len));
	json_object_set_new(root, "input", input);
	json_object_set_new(root, "primary", json_string(cov_node_kind_name(cov_doc_primary_kind(doc))));
	json_object_set_new(root, "in_force", json_boolean(cov_doc_in_force(doc)));
	for (const cov_node *c = cov_node_first_child(cov_doc_root(doc)); c; c = cov_node_next(c))
		json_array_append_new(nodes, oracle_node(doc, c));
	json_object_set_new(root, "nodes", nodes);
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	size_t n = strlen(s);
	char *out = malloc(n + 2);
	memcpy(out, s, n);
	memcpy(out + n, "\n", 2);
	free(s);
	return out;
}

static void expect_oracle_bytes(const cov_doc *doc, const char *what)
{
	size_t len;
	char *s = render(doc, COV_RENDER_JSON, &len);
	char *want = oracle_json(doc, "text", 0);
	if (strlen(want) != len || memcmp(want, s, len) != 0) {
		size_t i = 0;
		while (i < len && want[i] == s[i])
			i++;
		fail_msg("%s: the streamed JSON differs from Jansson's at byte %zu: «%.40s» vs «%.40s»", what, i, s + i,
			 want + i);
	}
	free(want);
	free(s);
}

static void json_bytes_as_jansson_printed(void **state)
{
	(void)state;
	static const char *const names[] = {"veridia-2015.txt", "veridia-2024.txt"};
	for (size_t i = 0; i < 2; i++) {
		cov_doc *doc = example(names[i]);
		expect_oracle_bytes(doc, names[i]);
		cov_doc_free(doc);
	}
	/* escapes (quotes, backslash, tab, a control character), notes with
	 * and without amendments, a nested note, an article without text */
	static const char *const texts[] = {
		"Статья 1.\nТекст с \"кавычками\", обратной \\ чертой и\tтабуляцией \001.\n"
		"Сноска. Статья 1 с изменениями, внесенными Законом РК от 10.03.2017 № 51-VI и от 02.02.2011 № 403-IV.\n"
		"Статья 2.\n1. Пункт.\nПримечание. См. постановление.\nСтатья 3.\nИсключена Законом РК от 02.02.2011 № 403-IV.\n",
		"Article 1.\n",
		"Just a line with no structure.\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		cov_doc *doc = parse_str(texts[i]);
		expect_oracle_bytes(doc, texts[i]);
		cov_doc_free(doc);
	}
}

/* A FILE whose writes note the heap in use: what the streaming renderer
 * holds while it writes. */
typedef struct heap_probe {
	size_t before, peak, bytes;
} heap_probe;

static size_t heap_in_use(void)
{
	struct mallinfo2 mi = mallinfo2();
	return mi.uordblks + mi.hblkhd;
}

static ssize_t probe_write(void *cookie, const char *buf, size_t n)
{
	(void)buf;
	heap_probe *p = cookie;
	size_t h = heap_in_use();
	if (h > p->peak)
		p->peak = h;
	p->bytes += n;
	return (ssize_t)n;
}

static void json_streams_in_bounded_memory(void **state)
{
	(void)state;
	/* 20 000 articles: about 5 MB of JSON */
	size_t cap = 20000 * 48, len = 0;
	char *t = malloc(cap);
	assert_non_null(t);
	for (size_t k = 1; k <= 20000; k++)
		len += (size_t)snprintf(t + len, cap - len, "Article %zu.\nThe text of article %zu.\n", k, k);
	cov_doc *doc = parse_str_opts(t, len, NULL);
	free(t);
	size_t want_len;
	char *want = render(doc, COV_RENDER_JSON, &want_len);
	free(want);
	assert_true(want_len > 4000000);
	heap_probe p = {heap_in_use(), 0, 0};
	p.peak = p.before;
	cookie_io_functions_t io = {NULL, probe_write, NULL, NULL};
	FILE *f = fopencookie(&p, "w", io);
	assert_non_null(f);
	setvbuf(f, NULL, _IONBF, 0);
	assert_int_equal(cov_render(doc, COV_RENDER_JSON, f), COV_OK);
	fclose(f);
	assert_int_equal(p.bytes, want_len);
	if (p.peak - p.before > 1 << 20)
		fail_msg("rendering %zu bytes of JSON held %zu bytes of memory", want_len, p.peak - p.before);
	cov_doc_free(doc);
}

static void markdown_reparses_to_the_same_tree(void **state)
{
	(void)state;
	cov_doc *doc = example("veridia-2024.txt");
	size_t len;
	char *md = render(doc, COV_RENDER_MARKDOWN, &len);
	cov_doc *again = parse_str_opts(md, len, NULL);
	cov_iter a, b;
	cov_iter_init(&a, cov_doc_root(doc));
	cov_iter_init(&b, cov_doc_root(again));
	cov_event ea, eb;
	do {
		ea = cov_iter_next(&a);
		eb = cov_iter_next(&b);
		assert_int_equal(ea, eb);
		if (ea == COV_EVENT_ENTER) {
			assert_int_equal(cov_node_kind_of(cov_iter_node(&a)), cov_node_kind_of(cov_iter_node(&b)));
			assert_string_equal(cov_node_eid(cov_iter_node(&a)), cov_node_eid(cov_iter_node(&b)));
		}
	} while (ea != COV_EVENT_DONE);
	cov_doc_free(again);
	free(md);
	cov_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_contract),
		cmocka_unit_test(akn_well_formed),
		cmocka_unit_test(golden_tree),
		cmocka_unit_test(golden_md),
		cmocka_unit_test(golden_json),
		cmocka_unit_test(golden_akn),
		cmocka_unit_test(markdown_reparses_to_the_same_tree),
		cmocka_unit_test(json_bytes_as_jansson_printed),
		cmocka_unit_test(json_streams_in_bounded_memory),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
