/*
 * html.c — HTML to text through libxml2's forgiving HTML parser.  Block
 * elements become lines, runs of white space collapse, scripts and styles
 * are dropped, and h1–h6 leave a hint on their line for the structure
 * parser.  The tree is walked without recursion, so nesting depth cannot
 * exhaust the stack.
 */
#include "ingest.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

typedef struct extract {
	cov_buf out;
	unsigned char *hints;
	size_t n_hints, cap_hints;
	size_t line;          /* current output line (0-based) */
	bool line_has_text;
	bool pending_space;
	int pre;              /* inside <pre> */
} extract;

static bool is_block(const char *name)
{
	static const char *const blocks[] = {
		"p", "div", "li", "ol", "ul", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "section",
		"article", "header", "footer", "main", "nav", "aside", "blockquote", "pre", "figure",
		"figcaption", "address", "hr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html",
		"center", "form", "fieldset", "caption", "hgroup", "details", "summary", "td", "th"};
	for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
		if (strcmp(name, blocks[i]) == 0)
			return true;
	return false;
}

static bool is_skipped(const char *name)
{
	return strcmp(name, "script") == 0 || strcmp(name, "style") == 0 || strcmp(name, "head") == 0 ||
	       strcmp(name, "noscript") == 0 || strcmp(name, "template") == 0 || strcmp(name, "svg") == 0;
}

static void newline(extract *x)
{
	if (!x->line_has_text)
		return;
	cov_buf_putc(&x->out, '\n');
	x->line++;
	x->line_has_text = false;
	x->pending_space = false;
}

static void set_hint(extract *x, unsigned char level)
{
	if (x->line >= x->cap_hints) {
		size_t cap = x->cap_hints ? x->cap_hints * 2 : 256;
		while (cap <= x->line)
			cap *= 2;
		unsigned char *p = realloc(x->hints, cap);
		if (!p) {
			x->out.oom = true;
			return;
		}
		memset(p + x->cap_hints, 0, cap - x->cap_hints);
		x->hints = p;
		x->cap_hints = cap;
	}
	x->hints[x->line] = level;
	if (x->line + 1 > x->n_hints)
		x->n_hints = x->line + 1;
}

static void text(extract *x, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (!x->pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
			if (x->line_has_text)
				x->pending_space = true;
			continue;
		}
		if (x->pre && c == '\n') {
			cov_buf_putc(&x->out, '\n');
			x->line++;
			x->line_has_text = false;
			continue;
		}
		if (x->pending_space) {
			cov_buf_putc(&x->out, ' ');
			x->pending_space = false;
		}
		cov_buf_putc(&x->out, (char)c);
		x->line_has_text = true;
	}
}

static int heading_level(const char *name)
{
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
		return name[1] - '0';
	return 0;
}

int cov_html_extract(cov_doc *doc, const char *buf, size_t len)
{
	if (len > INT32_MAX)
		return cov_error_set(COV_EINPUT, "%s: HTML too large", doc->name);
	htmlDocPtr html = htmlReadMemory(buf, (int)len, NULL, "UTF-8",
					 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
						 HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (!html)
		return cov_error_set(COV_EINPUT, "%s: not readable as HTML", doc->name);
	extract x;
	memset(&x, 0, sizeof x);
	cov_buf_init(&x.out);
	xmlNodePtr root = xmlDocGetRootElement(html);
	xmlNodePtr n = root;
	while (n) {
		bool descend = false;
		if (n->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)n->name;
			if (!is_skipped(name)) {
				if (is_block(name))
					newline(&x);
				int h = heading_level(name);
				if (h)
					set_hint(&x, (unsigned char)h);
				if (strcmp(name, "pre") == 0)
					x.pre++;
				descend = n->children != NULL;
				if (!descend && is_block(name))
					newline(&x);
				if (!descend && strcmp(name, "pre") == 0)
					x.pre--;
			}
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				text(&x, (const char *)n->content);
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* leave finished elements, closing blocks on the way up */
		while (n && n != root && !n->next) {
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE) {
				if (is_block((const char *)n->name))
					newline(&x);
				if (strcmp((const char *)n->name, "pre") == 0 && x.pre > 0)
					x.pre--;
			}
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
	newline(&x);
	xmlFreeDoc(html);
	if (x.out.oom) {
		cov_buf_free(&x.out);
		free(x.hints);
		return cov_error_set(COV_ENOMEM, "%s: out of memory", doc->name);
	}
	if (x.out.len == 0) {
		cov_buf_free(&x.out);
		free(x.hints);
		return cov_error_set(COV_EINPUT, "%s: the HTML contains no text", doc->name);
	}
	doc->text = cov_buf_detach(&x.out, &doc->len);
	doc->line_hints = x.hints;
	doc->n_line_hints = x.n_hints;
	doc->body = 0;
	return COV_OK;
}
