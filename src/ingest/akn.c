/*
 * akn.c — Akoma Ntoso import: AKN 3.0 XML, and the AKN-HTML that
 * Laws.Africa publishes (<section class="akn-section" data-eId=…>).  The
 * tree is read from the markup itself — kinds, numbers, headings and the
 * source's own eIds — and the text is written out as it goes, one line per
 * heading and per block, so spans and lines point into it as for any
 * other input.  XML is read without network access, entity expansion or a
 * DTD; nesting deeper than MAX_DEPTH is refused.
 */
#define _GNU_SOURCE /* memmem */
#include "ingest.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 200

typedef enum role { R_OTHER, R_STRUCT, R_NUM, R_HEADING, R_BLOCK, R_SKIP } role;

typedef struct akn_reader {
	cov_doc *doc;
	cov_buf text;
	bool html;
	int status;
} akn_reader;

static const struct {
	const char *name;
	cov_node_kind kind;
} kinds[] = {
	{"preface", COV_NODE_PREFACE},     {"preamble", COV_NODE_PREAMBLE},     {"part", COV_NODE_PART},
	{"book", COV_NODE_PART},           {"tome", COV_NODE_PART},             {"division", COV_NODE_PART},
	{"title", COV_NODE_TITLE},         {"chapter", COV_NODE_CHAPTER},       {"section", COV_NODE_SECTION},
	{"subsection", COV_NODE_SUBSECTION}, {"article", COV_NODE_ARTICLE},    {"paragraph", COV_NODE_PARAGRAPH},
	{"subparagraph", COV_NODE_POINT},  {"point", COV_NODE_POINT},           {"item", COV_NODE_POINT},
	{"list", COV_NODE_POINT},          {"attachment", COV_NODE_ATTACHMENT}, {"hcontainer", COV_NODE_HCONTAINER},
	{"subpart", COV_NODE_HCONTAINER},  {"subchapter", COV_NODE_HCONTAINER}, {"clause", COV_NODE_POINT},
};

/* The AKN name of an element: its local name in XML, its "akn-…" class in HTML. */
static const char *akn_name(const akn_reader *r, const xmlNode *n, char *buf, size_t cap)
{
	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	if (!r->html)
		return (const char *)n->name;
	xmlChar *cls = xmlGetProp(n, BAD_CAST "class");
	if (!cls)
		return NULL;
	const char *name = NULL;
	for (char *save = NULL, *t = strtok_r((char *)cls, " ", &save); t; t = strtok_r(NULL, " ", &save))
		if (strncmp(t, "akn-", 4) == 0) {
			snprintf(buf, cap, "%s", t + 4);
			name = buf;
			break;
		}
	xmlFree(cls);
	return name;
}

static role role_of(const char *name, cov_node_kind *kind)
{
	if (!name)
		return R_OTHER;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(name, kinds[i].name) == 0) {
			*kind = kinds[i].kind;
			return R_STRUCT;
		}
	if (strcmp(name, "num") == 0)
		return R_NUM;
	if (strcmp(name, "heading") == 0)
		return R_HEADING;
	if (strcmp(name, "meta") == 0 || strcmp(name, "references") == 0 || strcmp(name, "notes") == 0)
		return R_SKIP;
	if (strcmp(name, "p") == 0 || strcmp(name, "content") == 0 || strcmp(name, "intro") == 0 ||
	    strcmp(name, "wrapUp") == 0 || strcmp(name, "listIntroduction") == 0 || strcmp(name, "remark") == 0 ||
	    strcmp(name, "subheading") == 0 || strcmp(name, "longTitle") == 0 || strcmp(name, "docTitle") == 0 ||
	    strcmp(name, "crossHeading") == 0 || strcmp(name, "tr") == 0 || strcmp(name, "blockList") == 0)
		return R_BLOCK;
	return R_OTHER;
}

/* Elements inside a block that still separate words: table cells, list
 * items, line breaks, paragraphs (in AKN-HTML, any akn- class but the
 * inline ones).  "<td>5</td><td>NP</td>" is «5 NP», not «5NP». */
static bool breaks_words(const akn_reader *r, const xmlNode *n)
{
	static const char *const blocks[] = {"td", "th", "tr", "br", "p", "li", "div", "table", "thead", "tbody",
					     "ul", "ol", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "item",
					     "blockList", "listIntroduction", "listWrapUp", "content", "intro", "wrapUp",
					     "num", "heading", "subheading", "eol", "eop", "img", "hr"};
	static const char *const inl[] = {"b", "i", "u", "sup", "sub", "span", "inline", "ref", "mref", "rref", "term",
					  "def", "abbr", "date", "docTitle", "docNumber", "docType", "docDate", "a",
					  "em", "strong", "remark", "noteRef", "authorialNote", "placeholder", "entity"};
	const char *name = (const char *)n->name;
	if (r->html) {
		char nb[64];
		const char *akn = akn_name(r, n, nb, sizeof nb);
		if (akn) {
			for (size_t i = 0; i < sizeof inl / sizeof *inl; i++)
				if (strcmp(akn, inl[i]) == 0)
					return false;
			return true;
		}
	}
	for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
		if (strcmp(name, blocks[i]) == 0)
			return true;
	return false;
}

static void put_text(const xmlChar *t, cov_buf *out, bool *space)
{
	for (const xmlChar *p = t; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			*space = out->len > 0 && out->ptr[out->len - 1] != '\n';
			continue;
		}
		if (*space && out->len > 0 && out->ptr[out->len - 1] != ' ' && out->ptr[out->len - 1] != '\n')
			cov_buf_putc(out, ' ');
		*space = false;
		cov_buf_putc(out, (char)*p);
	}
}

/* The text under n (depth is bounded by the parse's MAX_DEPTH). */
static void text_under(const akn_reader *r, const xmlNode *n, cov_buf *out, bool *space)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				put_text(c->content, out, space);
		} else if (c->type == XML_ELEMENT_NODE) {
			bool br = breaks_words(r, c);
			*space |= br;
			text_under(r, c, out, space);
			*space |= br;
		} else if (c->type == XML_ENTITY_REF_NODE) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t)
				put_text(t, out, space);
			xmlFree(t);
		}
	}
}

/* All text under n, white space collapsed, appended to out. */
static void text_of(const akn_reader *r, const xmlNode *n, cov_buf *out)
{
	bool space = out->len > 0 && out->ptr[out->len - 1] != ' ' && out->ptr[out->len - 1] != '\n';
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			put_text(n->content, out, &space);
		return;
	}
	text_under(r, n, out, &space);
}

static void end_line(cov_buf *b)
{
	while (b->len && b->ptr[b->len - 1] == ' ')
		b->len--;
	if (b->len && b->ptr[b->len - 1] != '\n')
		cov_buf_putc(b, '\n');
}

static const char *dup_str(akn_reader *r, const char *s, size_t n)
{
	const char *p = cov_arena_strndup(&r->doc->arena, s, n);
	return p ? p : "";
}

/* "16.", "(1)", "(a)" → "16", "1", "a" */
static const char *clean_num(akn_reader *r, const char *s)
{
	size_t a = 0, e = strlen(s);
	while (a < e && (s[a] == '(' || s[a] == ' ' || s[a] == '['))
		a++;
	while (e > a && (s[e - 1] == '.' || s[e - 1] == ')' || s[e - 1] == ' ' || s[e - 1] == ']'))
		e--;
	return dup_str(r, s + a, e - a);
}

static const char *eid_attr(akn_reader *r, const xmlNode *n)
{
	xmlChar *e = xmlGetProp(n, BAD_CAST(r->html ? "data-eId" : "eId"));
	if (!e)
		e = xmlGetProp(n, BAD_CAST(r->html ? "id" : "eid"));
	if (!e)
		return "";
	const char *p = dup_str(r, (const char *)e, strlen((const char *)e));
	xmlFree(e);
	return p;
}

static size_t line_at(const akn_reader *r)
{
	size_t line = 1;
	for (size_t i = 0; i < r->text.len; i++)
		line += r->text.ptr[i] == '\n';
	return line;
}

static void walk(akn_reader *r, const xmlNode *n, cov_node *parent, int depth, size_t *line);

static bool is_hn(const xmlNode *n)
{
	const char *nm = (const char *)n->name;
	return n->type == XML_ELEMENT_NODE && nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && !nm[2];
}

static bool heading_class(const xmlNode *n)
{
	xmlChar *cls = n->type == XML_ELEMENT_NODE ? xmlGetProp(n, BAD_CAST "class") : NULL;
	bool yes = cls && strcmp((const char *)cls, "heading") == 0;
	xmlFree(cls);
	return yes;
}

/* Laws.Africa writes number and heading into one HTML heading:
 * "Chapter 1<br>Founding provisions", "1. Republic of South Africa". */
static void html_heading(akn_reader *r, const xmlNode *h, cov_node *node)
{
	cov_buf parts[2];
	cov_buf_init(&parts[0]);
	cov_buf_init(&parts[1]);
	int k = 0;
	for (const xmlNode *c = h->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "br") == 0) {
			k = 1;
			continue;
		}
		text_of(r, c, &parts[k]);
	}
	const char *a = parts[0].ptr ? parts[0].ptr : "", *b = parts[1].ptr ? parts[1].ptr : "";
	while (*a == ' ')
		a++;
	const char *num = a, *num_end = a, *title = b;
	if (*b) {
		/* "Chapter 1" / "Founding provisions": the number is the last word */
		const char *sp = strrchr(a, ' ');
		num = sp ? sp + 1 : a;
		num_end = num + strlen(num);
	} else {
		/* "1. Republic of South Africa": the number is the first word, if it has a digit */
		num_end = a;
		while (*num_end && *num_end != ' ')
			num_end++;
		bool digit = false;
		for (const char *p = a; p < num_end; p++)
			digit |= *p >= '0' && *p <= '9';
		if (!digit)
			num_end = num = a;
		title = *num_end ? num_end + 1 : num_end;
		if (num_end == a)
			title = a;
	}
	if (num_end > num) {
		node->num_printed = dup_str(r, num, (size_t)(num_end - num));
		node->num = clean_num(r, node->num_printed);
	}
	while (*title == ' ')
		title++;
	if (*title)
		node->heading = dup_str(r, title, strlen(title));
	/* the line as printed */
	cov_buf_put(&r->text, a, strlen(a));
	if (*b) {
		cov_buf_putc(&r->text, ' ');
		cov_buf_put(&r->text, b, strlen(b));
	}
	cov_buf_free(&parts[0]);
	cov_buf_free(&parts[1]);
}

/* A structural element: its heading line, its blocks and its children. */
static void element(akn_reader *r, const xmlNode *e, cov_node_kind kind, cov_node *parent, int depth, size_t *line)
{
	cov_node *node = cov_doc_new_node(r->doc, kind, parent);
	if (!node) {
		r->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	end_line(&r->text);
	node->start = r->text.len;
	node->line = *line;
	node->eid = eid_attr(r, e);
	char nb[64];
	const char *name;
	if (kind == COV_NODE_HCONTAINER) {
		xmlChar *nm = xmlGetProp(e, BAD_CAST "name");
		if (nm && strcmp((const char *)nm, "note") == 0)
			node->kind = COV_NODE_NOTE;
		xmlFree(nm);
	}
	/* heading line: num and heading; in AKN-HTML the first <hN> that is
	 * no cross-heading (a later <h3 class="akn-crossHeading"> is text of
	 * the unit, in its place) */
	const xmlNode *hn = NULL;
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (r->html && is_hn(c)) {
			cov_node_kind ck;
			if (hn || role_of(akn_name(r, c, nb, sizeof nb), &ck) == R_BLOCK)
				continue;
			hn = c;
			html_heading(r, c, node);
			cov_buf_putc(&r->text, ' ');
			continue;
		}
		role rl = heading_class(c) ? R_HEADING : role_of(akn_name(r, c, nb, sizeof nb), &kind);
		if (rl != R_NUM && rl != R_HEADING)
			continue;
		size_t from = r->text.len;
		text_of(r, c, &r->text);
		if (rl == R_NUM) {
			node->num_printed = dup_str(r, r->text.ptr + from, r->text.len - from);
			node->num = clean_num(r, node->num_printed);
		} else {
			size_t a = from;
			while (a < r->text.len && r->text.ptr[a] == ' ')
				a++;
			node->heading = dup_str(r, r->text.ptr + a, r->text.len - a);
		}
		cov_buf_putc(&r->text, ' ');
	}
	end_line(&r->text);
	*line = line_at(r);
	node->text_start = r->text.len;
	for (const xmlNode *c = e->children; c && r->status == COV_OK; c = c->next) {
		name = akn_name(r, c, nb, sizeof nb);
		cov_node_kind ck;
		role rl = heading_class(c) ? R_HEADING : role_of(name, &ck);
		if (rl == R_NUM || rl == R_HEADING || rl == R_SKIP || c == hn)
			continue;
		walk(r, c, node, depth + 1, line);
	}
	end_line(&r->text);
	*line = line_at(r);
}

static void walk(akn_reader *r, const xmlNode *n, cov_node *parent, int depth, size_t *line)
{
	if (r->status != COV_OK)
		return;
	if (depth > MAX_DEPTH) {
		r->status = cov_error_set(COV_EINPUT, "%s: Akoma Ntoso nested more than %d deep", r->doc->name, MAX_DEPTH);
		return;
	}
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		/* text between blocks belongs to the current unit */
		const char *t = (const char *)n->content;
		bool visible = false;
		for (; t && *t && !visible; t++)
			visible = !(*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r');
		if (visible) {
			text_of(r, n, &r->text);
			end_line(&r->text);
			*line = line_at(r);
		}
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	char nb[64];
	const char *name = akn_name(r, n, nb, sizeof nb);
	cov_node_kind kind = COV_NODE_DOCUMENT;
	role rl = role_of(name, &kind);
	if (rl == R_SKIP)
		return;
	if (rl == R_STRUCT) {
		element(r, n, kind, parent, depth, line);
		return;
	}
	/* a block with no structure inside is one line */
	if (rl == R_BLOCK) {
		bool nested = false;
		for (const xmlNode *c = n->children; c && !nested; c = c->next) {
			char cb[64];
			cov_node_kind ck;
			role cr = role_of(akn_name(r, c, cb, sizeof cb), &ck);
			nested = cr == R_STRUCT || cr == R_BLOCK;
		}
		if (!nested) {
			end_line(&r->text);
			text_of(r, n, &r->text);
			end_line(&r->text);
			*line = line_at(r);
			return;
		}
	}
	/* wrappers (body, mainBody, div, span …): their children, in order */
	for (const xmlNode *c = n->children; c && r->status == COV_OK; c = c->next)
		walk(r, c, parent, depth + 1, line);
}

static bool has_akn_class(const char *buf, size_t len)
{
	size_t window = len < (1u << 20) ? len : (1u << 20);
	return memmem(buf, window, "class=\"akn-", 11) != NULL;
}

bool cov_akn_sniff(const char *buf, size_t len, bool *html)
{
	size_t window = len < 4096 ? len : 4096;
	if (memmem(buf, window, "<akomaNtoso", 11)) {
		*html = false;
		return true;
	}
	if (has_akn_class(buf, len)) {
		*html = true;
		return true;
	}
	return false;
}

int cov_akn_read(cov_doc *doc, const char *buf, size_t len, bool html)
{
	int rc;
	xmlDocPtr x = cov_markup_read(doc, NULL, buf, len, html, "UTF-8", MAX_DEPTH, &rc);
	if (!x)
		return rc;
	if (!html && (x->intSubset || x->extSubset)) {
		xmlFreeDoc(x);
		return cov_error_set(COV_EINPUT, "%s: the XML declares a DTD; refused (entities are not expanded)", doc->name);
	}
	akn_reader r = {doc, {0}, html, COV_OK};
	cov_buf_init(&r.text);
	doc->root = cov_doc_new_node(doc, COV_NODE_DOCUMENT, NULL);
	if (!doc->root) {
		xmlFreeDoc(x);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	size_t line = 1;
	const xmlNode *root = xmlDocGetRootElement(x);
	if (root)
		walk(&r, root, doc->root, 0, &line);
	xmlFreeDoc(x);
	end_line(&r.text);
	if (r.status == COV_OK && r.text.oom)
		r.status = cov_error_set(COV_ENOMEM, "out of memory");
	if (r.status == COV_OK && !doc->root->first)
		r.status = cov_error_set(COV_EINPUT, "%s: Akoma Ntoso markup without any unit", doc->name);
	if (r.status) {
		cov_buf_free(&r.text);
		return r.status;
	}
	doc->text = cov_buf_detach(&r.text, &doc->len);
	doc->body = 0;
	doc->format = COV_FORMAT_AKN;
	/* text before the first unit (a cover page) belongs to the preface */
	cov_node *first = doc->root->first;
	if (first->start > 0) {
		if (first->kind == COV_NODE_PREFACE) {
			first->start = first->text_start = 0;
			first->line = 1;
		} else {
			cov_node *pre = cov_arena_alloc(&doc->arena, sizeof *pre);
			if (!pre)
				return cov_error_set(COV_ENOMEM, "out of memory");
			pre->kind = COV_NODE_PREFACE;
			pre->num = pre->num_printed = pre->heading = pre->eid = "";
			pre->parent = doc->root;
			pre->next = first;
			pre->line = 1;
			doc->root->first = pre;
		}
	}
	return COV_OK;
}
