/*
 * md.c — `--format md`: the document rewritten as clean Markdown, headings
 * as '#' by depth, paragraphs and points as numbered lines.
 */
#include "render.h"

#include <string.h>

static void own_text(const cov_doc *doc, const cov_node *n, cov_buf *out)
{
	const char *s = doc->text + n->text_start;
	size_t len = n->text_end - n->text_start;
	/* keep line breaks as Markdown hard breaks between paragraphs */
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n') {
			while (i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == ' ' || s[i + 1] == '\r'))
				i++;
			cov_buf_puts(out, "\n\n");
		} else if (s[i] != '\r') {
			cov_buf_putc(out, s[i]);
		}
	}
}

/* The heading as printed: the unit's first line without Markdown markers,
 * and its title when that stands on the next line. */
static void heading_line(const cov_doc *doc, const cov_node *n, cov_buf *out)
{
	const char *s = doc->text;
	size_t a = n->start, e = n->start;
	while (e < n->end && s[e] != '\n')
		e++;
	if (n->text_start > a && n->text_start < e)
		e = n->text_start;
	while (a < e && (s[a] == '#' || s[a] == ' ' || s[a] == '*' || s[a] == '>'))
		a++;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '*' || s[e - 1] == '\r'))
		e--;
	size_t start = out->len;
	cov_buf_put(out, s + a, e - a);
	if (n->heading[0] && !strstr(out->ptr + start, n->heading))
		cov_buf_printf(out, ". %s", n->heading);
}

int cov_render_md_buf(const cov_doc *doc, cov_buf *out)
{
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	int depth = -1;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (ev == COV_EVENT_EXIT) {
			depth--;
			continue;
		}
		depth++;
		if (n->kind == COV_NODE_DOCUMENT)
			continue;
		if (n->kind == COV_NODE_NOTE) {
			cov_buf_puts(out, "> ");
			own_text(doc, n, out);
			cov_buf_puts(out, "\n\n");
			continue;
		}
		bool list = n->kind == COV_NODE_PARAGRAPH || n->kind == COV_NODE_POINT;
		if (n->kind == COV_NODE_PREFACE) {
			/* its first line is the title */
			cov_buf_puts(out, "# ");
			own_text(doc, n, out);
			cov_buf_puts(out, "\n\n");
			continue;
		}
		if (list) {
			for (const cov_node *p = n->parent; p && p->kind == COV_NODE_POINT; p = p->parent)
				cov_buf_puts(out, "    ");
			cov_buf_puts(out, n->num_printed);
			cov_buf_putc(out, ' ');
		} else {
			int level = depth + 1 > 6 ? 6 : depth + 1;
			for (int k = 0; k < level; k++)
				cov_buf_putc(out, '#');
			cov_buf_putc(out, ' ');
			heading_line(doc, n, out);
			cov_buf_puts(out, "\n\n");
		}
		if (n->text_end > n->text_start) {
			own_text(doc, n, out);
			cov_buf_puts(out, "\n\n");
		} else if (list) {
			cov_buf_puts(out, "\n\n");
		}
	}
	return COV_OK;
}
