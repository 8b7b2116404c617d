/*
 * tree.c — `--format tree`: an indented outline a person checks by eye:
 * one line per unit with its number, heading, source line and the start of
 * its own text.
 */
#include "render.h"

#include <string.h>

/* Append at most `max` code points of s[0..n), newlines as spaces. */
static void excerpt(cov_buf *out, const char *s, size_t n, size_t max)
{
	size_t i = 0, cps = 0;
	while (i < n && cps < max) {
		size_t j = i;
		cov_utf8_next(s, n, &j);
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
			cov_buf_putc(out, ' ');
		else
			cov_buf_put(out, s + i, j - i);
		i = j;
		cps++;
	}
	if (i < n)
		cov_buf_puts(out, "…");
}

int cov_render_tree_buf(const cov_doc *doc, cov_buf *out)
{
	cov_out o = {out, NULL, false};
	return cov_render_tree_out(doc, &o);
}

int cov_render_tree_out(const cov_doc *doc, cov_out *o)
{
	cov_buf *out = o->b;
	size_t units = cov_doc_count(doc, doc->primary);
	cov_buf_printf(out, "%s  [%s, %zu %s%s]\n", doc->title && *doc->title ? doc->title : doc->name,
		       doc->language, units, cov_node_kind_name(doc->primary), units == 1 ? "" : "s");
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
		for (int k = 0; k < depth - 1; k++)
			cov_buf_puts(out, "  ");
		cov_render_label(n, out);
		if (n->heading[0]) {
			cov_buf_puts(out, " — ");
			cov_buf_puts(out, n->heading);
		}
		cov_buf_printf(out, "  (line %zu)", n->line);
		if (n->text_end > n->text_start) {
			cov_buf_puts(out, "  ");
			excerpt(out, doc->text + n->text_start, n->text_end - n->text_start, 60);
		}
		cov_buf_putc(out, '\n');
		cov_out_drain(o);
	}
	return cov_out_end(o);
}
