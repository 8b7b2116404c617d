/*
 * json.c — `covenant parse --format json`: the public contract of
 * docs/json.md ({format, title, language, nodes:[…]}).
 *
 * Written as it walks the tree, not built as a Jansson tree first: a tree
 * of json_t for a whole code (a million units) costs over a hundred times
 * the input.  Jansson still encodes every string (its escaping, its UTF-8
 * check); the framing is Jansson's own layout for JSON_INDENT(1) |
 * JSON_PRESERVE_ORDER — "{", members one per line indented by depth, ": "
 * after a key, "[]" and "{}" when empty — so the bytes are those json_dumps
 * printed.  As with json_object_set_new, a member whose string is not
 * valid UTF-8 is left out.
 */
#include "render.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int put_dump(const char *s, size_t n, void *data)
{
	cov_out_put((cov_out *)data, s, n);
	return 0;
}

/* A newline and `depth` spaces (JSON_INDENT(1)). */
static void indent(cov_out *o, int depth)
{
	static const char spaces[] = "\n                                ";
	cov_out_put(o, spaces, 1);
	while (depth > 0) {
		int k = depth < 32 ? depth : 32;
		cov_out_put(o, spaces + 1, (size_t)k);
		depth -= k;
	}
}

/* The start of a member of an object whose members are at `depth`. */
static void key(cov_out *o, bool *first, int depth, const char *k)
{
	if (!*first)
		cov_out_put(o, ",", 1);
	*first = false;
	indent(o, depth);
	cov_out_putc(o, '"');
	cov_out_puts(o, k);
	cov_out_put(o, "\": ", 3);
}

/* Whether Jansson would print s[0..n) as it is between the quotes: valid
 * UTF-8 (as it checks) without '"', '\\' or a control character (the only
 * characters it escapes without JSON_ENSURE_ASCII or JSON_ESCAPE_SLASH).
 * Most strings are such, and are then copied without making a json_t. */
static bool plain_string(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char high = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\')
			return false;
		high |= p[i];
	}
	return high < 0x80 || cov_utf8_invalid_at(s, n) == n;
}

/* "k": "s" (s[0..n), or NUL-terminated when n is SIZE_MAX); nothing if
 * Jansson refuses the string (invalid UTF-8). */
static void member_str(cov_out *o, bool *first, int depth, const char *k, const char *s, size_t n)
{
	size_t len = s ? (n == SIZE_MAX ? strlen(s) : n) : 0;
	if (s && plain_string(s, len)) {
		key(o, first, depth, k);
		cov_out_putc(o, '"');
		cov_out_put(o, s, len);
		cov_out_putc(o, '"');
		return;
	}
	json_t *v = !s ? NULL : n == SIZE_MAX ? json_string(s) : json_stringn(s, n);
	if (!v)
		return;
	key(o, first, depth, k);
	if (json_dump_callback(v, put_dump, o, JSON_ENCODE_ANY) != 0)
		o->b->oom = true;
	json_decref(v);
}

static void member_int(cov_out *o, bool *first, int depth, const char *k, long long v)
{
	char num[32];
	int len = snprintf(num, sizeof num, "%lld", v);
	key(o, first, depth, k);
	cov_out_put(o, num, (size_t)len);
}

static void member_raw(cov_out *o, bool *first, int depth, const char *k, const char *raw)
{
	key(o, first, depth, k);
	cov_out_puts(o, raw);
}

/* A node's members up to and including the opening of "children"; `depth`
 * is the depth of its members. */
static void node_open(const cov_doc *doc, const cov_node *n, cov_out *o, int depth)
{
	bool first = true;
	cov_out_putc(o, '{');
	member_str(o, &first, depth, "kind", cov_node_kind_name(n->kind), SIZE_MAX);
	member_str(o, &first, depth, "num", n->num, SIZE_MAX);
	member_str(o, &first, depth, "num_printed", n->num_printed, SIZE_MAX);
	member_str(o, &first, depth, "heading", n->heading, SIZE_MAX);
	member_str(o, &first, depth, "eid", n->eid, SIZE_MAX);
	member_int(o, &first, depth, "line", (long long)n->line);
	member_int(o, &first, depth, "start", (long long)n->start);
	member_int(o, &first, depth, "end", (long long)n->end);
	member_str(o, &first, depth, "text", doc->text + n->text_start, n->text_end - n->text_start);
	if (n->kind == COV_NODE_NOTE) {
		key(o, &first, depth, "amendments");
		cov_out_putc(o, '[');
		for (size_t i = 0; i < n->n_amendments; i++) {
			if (i)
				cov_out_putc(o, ',');
			indent(o, depth + 1);
			cov_out_putc(o, '{');
			bool efirst = true;
			member_str(o, &efirst, depth + 2, "date", n->amendments[i].date, SIZE_MAX);
			member_str(o, &efirst, depth + 2, "law", n->amendments[i].law, SIZE_MAX);
			if (!efirst)
				indent(o, depth + 1);
			cov_out_putc(o, '}');
		}
		if (n->n_amendments)
			indent(o, depth);
		cov_out_putc(o, ']');
	}
	if (n->repealed)
		member_raw(o, &first, depth, "repealed", "true");
	key(o, &first, depth, "children");
	cov_out_putc(o, '[');
}

int cov_render_json_out(const cov_doc *doc, cov_out *o)
{
	static const char *const formats[] = {"text", "text", "html", "pdf", "docx", "akn"};
	bool first = true;
	cov_out_putc(o, '{');
	member_int(o, &first, 1, "format", COV_JSON_FORMAT);
	member_str(o, &first, 1, "title", cov_doc_title(doc), SIZE_MAX);
	member_str(o, &first, 1, "language", doc->language, SIZE_MAX);
	key(o, &first, 1, "input");
	cov_out_putc(o, '{');
	bool ifirst = true;
	member_str(o, &ifirst, 2, "name", doc->name, SIZE_MAX);
	member_str(o, &ifirst, 2, "format", formats[doc->format <= COV_FORMAT_AKN ? doc->format : 0], SIZE_MAX);
	member_str(o, &ifirst, 2, "encoding", doc->encoding, SIZE_MAX);
	member_int(o, &ifirst, 2, "encoding_confidence", doc->encoding_confidence);
	if (doc->pages)
		member_int(o, &ifirst, 2, "pages", (long long)doc->pages);
	member_int(o, &ifirst, 2, "bytes", (long long)doc->len);
	indent(o, 1);
	cov_out_putc(o, '}');
	member_str(o, &first, 1, "primary", cov_node_kind_name(doc->primary), SIZE_MAX);
	member_raw(o, &first, 1, "in_force", doc->repealed ? "false" : "true");
	key(o, &first, 1, "nodes");
	cov_out_putc(o, '[');
	/* a unit at tree level L (top level 0) is an array item at depth
	 * 2 + 2L; its members are at 3 + 2L, its children at 4 + 2L */
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	int level = -2; /* the document itself is level -1 */
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE && !o->err) {
		const cov_node *n = it.node;
		if (ev == COV_EVENT_EXIT) {
			if (n != doc->root) {
				if (n->first)
					indent(o, 3 + 2 * level);
				cov_out_putc(o, ']');
				indent(o, 2 + 2 * level);
				cov_out_putc(o, '}');
			}
			level--;
			continue;
		}
		level++;
		if (n == doc->root)
			continue;
		if (n != n->parent->first)
			cov_out_putc(o, ',');
		indent(o, 2 + 2 * level);
		node_open(doc, n, o, 3 + 2 * level);
	}
	if (doc->root->first)
		indent(o, 1);
	cov_out_putc(o, ']');
	indent(o, 0);
	cov_out_put(o, "}\n", 2);
	return cov_out_end(o);
}

int cov_render_json_buf(const cov_doc *doc, cov_buf *out)
{
	cov_out o = {out, NULL, false};
	return cov_render_json_out(doc, &o);
}
