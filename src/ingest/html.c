/*
 * html.c — HTML to text through libxml2's forgiving HTML parser.  Block
 * elements become lines, runs of white space collapse, scripts and styles
 * are dropped (nothing else: the head's <title> is text too), and h1–h6
 * leave a hint on their line for the structure parser.  The tree is walked
 * without recursion, so nesting depth cannot exhaust the stack; libxml2
 * runs without its depth cap (XML_PARSE_HUGE) under a limit of our own.
 */
#include "ingest.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- libxml2 with our own limits and its text-losing errors surfaced ---- */

typedef struct markup_guard {
	int depth, max_depth;
	unsigned long deep_at;     /* byte where max_depth was passed, +1 */
	bool html;
	bool oom;
	int err_code, err_line;    /* the first error that loses text */
	int raw_line;              /* "Element script embeds close tag": maybe never closed */
	char raw_name[8];
	char err_msg[160];
	startElementSAXFunc start;
	endElementSAXFunc end;
	startElementNsSAX2Func start_ns;
	endElementNsSAX2Func end_ns;
} markup_guard;

static void guard_depth(xmlParserCtxtPtr ctxt, markup_guard *g)
{
	if (++g->depth > g->max_depth && !g->deep_at) {
		/* the input is UTF-8 already: positions in it are bytes of ours */
		xmlParserInputPtr in = ctxt->input;
		size_t at = in && in->cur && in->base ? in->consumed + (size_t)(in->cur - in->base) : 0;
		g->deep_at = at + 1;
		xmlStopParser(ctxt);
	}
}

static void guard_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	markup_guard *g = ctxt->_private;
	guard_depth(ctxt, g);
	if (!g->deep_at && g->start)
		g->start(ctx, name, atts);
}

static void guard_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	markup_guard *g = ctxt->_private;
	if (g->depth > 0)
		g->depth--;
	if (g->end)
		g->end(ctx, name);
}

static void guard_start_ns(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
			   const xmlChar **ns, int nb_atts, int nb_def, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	markup_guard *g = ctxt->_private;
	guard_depth(ctxt, g);
	if (!g->deep_at && g->start_ns)
		g->start_ns(ctx, name, prefix, uri, nb_ns, ns, nb_atts, nb_def, atts);
}

static void guard_end_ns(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	markup_guard *g = ctxt->_private;
	if (g->depth > 0)
		g->depth--;
	if (g->end_ns)
		g->end_ns(ctx, name, prefix, uri);
}

/* The errors after which libxml2's recovering HTML parser drops text it
 * has not read (found by feeding it damaged markup): an unterminated
 * comment or start tag swallows the rest, a broken DOCTYPE the whole
 * document, a fatal error (depth, memory) stops the parse. */
static bool loses_text(const xmlError *e, bool html)
{
	if (!html)
		return e->level == XML_ERR_FATAL;
	return e->level == XML_ERR_FATAL || e->code == XML_ERR_COMMENT_NOT_FINISHED ||
	       e->code == XML_ERR_GT_REQUIRED || e->code == XML_ERR_DOCTYPE_NOT_FINISHED ||
	       e->code == XML_ERR_NO_MEMORY;
}

static void guard_error(void *data, xmlErrorPtr e)
{
	markup_guard *g = data;
	if (e && g->html && !g->raw_line && e->code == XML_ERR_TAG_NAME_MISMATCH && e->str1 &&
	    (strcmp(e->str1, "script") == 0 || strcmp(e->str1, "style") == 0) && e->message &&
	    strstr(e->message, "embeds close tag")) {
		g->raw_line = e->line;
		snprintf(g->raw_name, sizeof g->raw_name, "%s", e->str1);
	}
	if (!e || g->err_code || !loses_text(e, g->html))
		return;
	if (e->code == XML_ERR_USER_STOP)
		return; /* our own stop at max_depth */
	g->err_code = e->code ? e->code : -1;
	g->err_line = e->line;
	g->oom |= e->code == XML_ERR_NO_MEMORY;
	/* the message on one line, libxml2's excerpt of the place included
	 * ("Comment not terminated <!-- a note") */
	const char *m = e->message ? e->message : "error";
	size_t k = 0;
	for (; *m && k + 1 < sizeof g->err_msg; m++) {
		char c = *m == '\n' || *m == '\r' || *m == '\t' ? ' ' : *m;
		if (c == ' ' && (k == 0 || g->err_msg[k - 1] == ' '))
			continue;
		g->err_msg[k++] = c;
	}
	while (k > 0 && g->err_msg[k - 1] == ' ')
		k--;
	g->err_msg[k] = '\0';
}

/* How many times "<name" (open) or "</name" (close) starts a tag in buf. */
static size_t count_tags(const char *buf, size_t len, const char *name, bool close)
{
	size_t n = strlen(name), count = 0;
	for (size_t i = 0; i + n + 2 < len; i++) {
		if (buf[i] != '<')
			continue;
		size_t k = i + 1;
		if (close && buf[k++] != '/')
			continue;
		char after = buf[k + n];
		if (strncasecmp(buf + k, name, n) == 0 &&
		    (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '/'))
			count++;
	}
	return count;
}

struct _xmlDoc *cov_markup_read(cov_doc *doc, const char *part, const char *buf, size_t len, bool html,
				const char *xml_encoding, int max_depth, int *status)
{
	const char *sep = part ? ": " : "";
	part = part ? part : "";
	const char *kind = html ? "HTML" : "XML";
	*status = COV_OK;
	if (len > INT32_MAX) {
		*status = cov_error_set(COV_EINPUT, "%s%s%s: %s too large (more than 2 GB)", doc->name, sep, part, kind);
		return NULL;
	}
	xmlParserCtxtPtr ctxt = html ? htmlNewParserCtxt() : xmlNewParserCtxt();
	if (!ctxt || !ctxt->sax) {
		if (ctxt)
			html ? htmlFreeParserCtxt(ctxt) : xmlFreeParserCtxt(ctxt);
		*status = cov_error_set(COV_ENOMEM, "%s: out of memory", doc->name);
		return NULL;
	}
	markup_guard g;
	memset(&g, 0, sizeof g);
	g.max_depth = max_depth;
	g.html = html;
	g.start = ctxt->sax->startElement;
	g.end = ctxt->sax->endElement;
	g.start_ns = ctxt->sax->startElementNs;
	g.end_ns = ctxt->sax->endElementNs;
	ctxt->sax->startElement = guard_start;
	ctxt->sax->endElement = guard_end;
	if (!html) {
		ctxt->sax->startElementNs = guard_start_ns;
		ctxt->sax->endElementNs = guard_end_ns;
	}
	ctxt->_private = &g;
	/* the structured handler is per thread in libxml2: set it around this
	 * parse only, and give the caller's back */
	xmlStructuredErrorFunc prev = xmlStructuredError;
	void *prev_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&g, guard_error);
	xmlDocPtr x;
	if (html)
		x = htmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8",
				       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					       HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	else
		x = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, xml_encoding,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT |
					      XML_PARSE_HUGE);
	xmlSetStructuredErrorFunc(prev_ctx, prev);
	html ? htmlFreeParserCtxt(ctxt) : xmlFreeParserCtxt(ctxt);
	if (g.deep_at) {
		*status = cov_error_set(COV_EINPUT,
					"%s%s%s: nesting deeper than %d at byte %lu; refused, as its text could not all be "
					"read — close the elements left open (or flatten the markup) and try again",
					doc->name, sep, part, max_depth, g.deep_at - 1);
	} else if (g.oom) {
		*status = cov_error_set(COV_ENOMEM, "%s: out of memory", doc->name);
	} else if (html && g.raw_line && count_tags(buf, len, g.raw_name, true) < count_tags(buf, len, g.raw_name, false)) {
		/* a <script> or <style> never closed runs to the end: all the
		 * markup and text after it were taken for code */
		*status = cov_error_set(COV_EINPUT,
					"%s%s%s: damaged HTML at line %d: a <%s> is never closed, so the text after it "
					"would be lost; close it (</%s>) and try again",
					doc->name, sep, part, g.raw_line, g.raw_name, g.raw_name);
	} else if (html && g.err_code) {
		*status = cov_error_set(COV_EINPUT,
					"%s%s%s: damaged HTML at line %d (%s): the text after it would be lost; "
					"repair the markup there and try again",
					doc->name, sep, part, g.err_line, g.err_msg);
	} else if (!x) {
		if (g.err_code)
			*status = cov_error_set(COV_EINPUT, "%s%s%s: not well-formed %s at line %d (%s)", doc->name, sep,
						part, kind, g.err_line, g.err_msg);
		else
			*status = cov_error_set(COV_EINPUT, "%s%s%s: not readable as %s", doc->name, sep, part, kind);
	}
	if (*status) {
		xmlFreeDoc(x);
		return NULL;
	}
	return x;
}

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
		"center", "form", "fieldset", "caption", "hgroup", "details", "summary", "td", "th", "head", "title",
		"noscript", "template", "svg"};
	for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
		if (strcmp(name, blocks[i]) == 0)
			return true;
	return false;
}

static bool is_skipped(const char *name)
{
	/* only code: the head's <title>, <noscript> and the like are text of
	 * the page, and nothing of the text is dropped */
	return strcmp(name, "script") == 0 || strcmp(name, "style") == 0;
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
	int rc;
	htmlDocPtr html = cov_markup_read(doc, NULL, buf, len, true, NULL, COV_MAX_NESTING, &rc);
	if (!html)
		return rc;
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
		return cov_error_set(COV_EINPUT,
				     "%s: the HTML contains no text outside scripts and styles; if a script draws "
				     "the page, save it from the browser as displayed (or its text) and read that",
				     doc->name);
	}
	doc->text = cov_buf_detach(&x.out, &doc->len);
	doc->line_hints = x.hints;
	doc->n_line_hints = x.n_hints;
	doc->body = 0;
	return COV_OK;
}
