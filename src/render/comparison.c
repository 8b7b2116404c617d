/*
 * comparison.c — renderers of covenant diff: text for people (a summary,
 * the rights impact with quotes, then each pair with its changes marked),
 * JSON (docs/json.md) and Markdown.
 */
#include "render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *label_of(const cov_doc *doc, const char *label)
{
	return label && *label ? label : doc->name;
}

static void counts(const cov_comparison *c, size_t n[6])
{
	memset(n, 0, 6 * sizeof *n);
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++)
		n[cov_comparison_pair(c, i)->status]++;
}

static void flat(cov_buf *b, const char *s, size_t a, size_t e)
{
	for (size_t i = a; i < e; i++)
		cov_buf_putc(b, s[i] == '\n' ? ' ' : s[i]);
}

static void finding_text(cov_buf *b, const cov_finding *f, bool md, bool color, const cov_doc *old)
{
	const char *side = f->doc == old ? "old" : "new";
	if (md) {
		cov_buf_printf(b, "- **%s** `%s` — %s article %s (`%s`)", cov_severity_name(f->severity), f->rule, side,
			       f->article, f->node->eid);
		if (f->standard)
			cov_buf_printf(b, ", ICCPR art. %d", f->standard);
		cov_buf_puts(b, "\n  > ");
		flat(b, f->doc->text, f->start, f->end);
		cov_buf_printf(b, "\n\n  %s\n", f->message);
		return;
	}
	cov_buf_puts(b, "  ");
	for (const char *s = cov_severity_name(f->severity); *s; s++)
		cov_buf_putc(b, (char)(*s - 32));
	cov_buf_printf(b, "  %s  %s article %s (%s)", f->rule, side, f->article, f->node->eid);
	if (f->standard)
		cov_buf_printf(b, ", ICCPR art. %d", f->standard);
	cov_buf_puts(b, "\n    «");
	const char *t = f->doc->text;
	for (size_t i = f->start; i < f->end; i++) {
		if (color && i == f->trigger_start && f->trigger_end > f->trigger_start)
			cov_buf_puts(b, "\033[1;31m");
		cov_buf_putc(b, t[i] == '\n' ? ' ' : t[i]);
		if (color && i + 1 == f->trigger_end && f->trigger_end > f->trigger_start)
			cov_buf_puts(b, "\033[0m");
	}
	cov_buf_printf(b, "»\n    %s\n", f->message);
}

static void node_label(cov_buf *b, const cov_node *n)
{
	cov_render_label(n, b);
	if (n->heading[0])
		cov_buf_printf(b, " [%s]", n->heading);
}

static void text_or_md(const cov_comparison *c, const cov_diff_options *o, cov_buf *b, bool md)
{
	const cov_doc *old = cov_comparison_old(c), *nw = cov_comparison_new(c);
	const char *ol = label_of(old, o->old_label), *nl = label_of(nw, o->new_label);
	size_t n[6];
	counts(c, n);
	bool color = o->color && !md;
	const char *red = color ? "\033[31m" : "", *green = color ? "\033[32m" : "", *off = color ? "\033[0m" : "";
	cov_buf_printf(b, md ? "# Comparison: %s → %s\n\n" : "covenant diff: %s → %s\n", ol, nl);
	size_t n_old = cov_doc_count(old, old->primary), n_new = cov_doc_count(nw, nw->primary);
	cov_buf_printf(b, "%zu article%s → %zu article%s: %zu unchanged, %zu modified, %zu renumbered, %zu moved, %zu split, "
			  "%zu merged, %zu added, %zu removed\n",
		       n_old, n_old == 1 ? "" : "s", n_new, n_new == 1 ? "" : "s", n[COV_PAIR_UNCHANGED],
		       n[COV_PAIR_MODIFIED], n[COV_PAIR_RENUMBERED], n[COV_PAIR_MOVED], n[COV_PAIR_SPLIT], n[COV_PAIR_MERGED],
		       cov_comparison_added_count(c), cov_comparison_removed_count(c));
	const char *note = cov_comparison_impact_note(c);
	if (*note)
		cov_buf_printf(b, "%s%s\n", md ? "\n" : "", note);
	if (cov_comparison_finding_count(c)) {
		cov_buf_puts(b, md ? "\n## Rights impact\n\n" : "\nRights impact\n");
		for (size_t i = 0; i < cov_comparison_finding_count(c); i++)
			finding_text(b, cov_comparison_finding(c, i), md, color, old);
	}
	cov_buf_puts(b, md ? "\n## Articles\n\n" : "\nArticles\n");
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		if (p->status == COV_PAIR_UNCHANGED && !o->show_unchanged)
			continue;
		cov_buf_puts(b, md ? "### " : "  ");
		node_label(b, p->old_node);
		cov_buf_puts(b, " → ");
		node_label(b, p->new_node);
		cov_buf_printf(b, "  %s (similarity %.2f)\n%s", cov_pair_status_name(p->status), p->similarity, md ? "\n" : "");
		for (size_t k = 0; k < p->n_changes; k++) {
			const cov_change *ch = &p->changes[k];
			if (ch->old_end > ch->old_start) {
				cov_buf_puts(b, md ? "- ~~" : "    ");
				cov_buf_printf(b, "%s%s", md ? "" : "- ", red);
				flat(b, old->text, ch->old_start, ch->old_end);
				cov_buf_printf(b, "%s%s\n", off, md ? "~~" : "");
			}
			if (ch->new_end > ch->new_start) {
				cov_buf_puts(b, md ? "+ **" : "    ");
				cov_buf_printf(b, "%s%s", md ? "" : "+ ", green);
				flat(b, nw->text, ch->new_start, ch->new_end);
				cov_buf_printf(b, "%s%s\n", off, md ? "**" : "");
			}
		}
		if (md)
			cov_buf_putc(b, '\n');
	}
	if (cov_comparison_added_count(c)) {
		cov_buf_puts(b, md ? "\n## Added\n\n" : "\nAdded\n");
		for (size_t i = 0; i < cov_comparison_added_count(c); i++) {
			cov_buf_puts(b, md ? "- " : "  ");
			node_label(b, cov_comparison_added(c, i));
			cov_buf_putc(b, '\n');
		}
	}
	if (cov_comparison_removed_count(c)) {
		cov_buf_puts(b, md ? "\n## Removed\n\n" : "\nRemoved\n");
		for (size_t i = 0; i < cov_comparison_removed_count(c); i++) {
			cov_buf_puts(b, md ? "- " : "  ");
			node_label(b, cov_comparison_removed(c, i));
			cov_buf_putc(b, '\n');
		}
	}
}

static json_t *span_json(const cov_doc *doc, size_t a, size_t e)
{
	json_t *o = json_object();
	json_object_set_new(o, "start", json_integer((json_int_t)a));
	json_object_set_new(o, "end", json_integer((json_int_t)e));
	json_object_set_new(o, "text", json_stringn(doc->text + a, e - a));
	return o;
}

static json_t *node_ref(const cov_node *n)
{
	json_t *o = json_object();
	json_object_set_new(o, "eid", json_string(n->eid));
	json_object_set_new(o, "num", json_string(n->num));
	json_object_set_new(o, "heading", json_string(n->heading));
	return o;
}

static json_t *doc_json(const cov_doc *d, const char *label)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(d->name));
	json_object_set_new(o, "label", json_string(label));
	json_object_set_new(o, "title", json_string(cov_doc_title(d)));
	json_object_set_new(o, "language", json_string(d->language));
	return o;
}

static int comparison_json(const cov_comparison *c, const cov_diff_options *o, cov_buf *b)
{
	const cov_doc *old = cov_comparison_old(c), *nw = cov_comparison_new(c);
	json_t *root = json_object(), *pairs = json_array(), *added = json_array(), *removed = json_array(),
	       *finds = json_array(), *sum = json_object();
	if (!root || !pairs || !added || !removed || !finds || !sum) {
		json_decref(root), json_decref(pairs), json_decref(added), json_decref(removed), json_decref(finds),
			json_decref(sum);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	json_object_set_new(root, "format", json_integer(COV_JSON_FORMAT));
	json_object_set_new(root, "old", doc_json(old, label_of(old, o->old_label)));
	json_object_set_new(root, "new", doc_json(nw, label_of(nw, o->new_label)));
	size_t n[6];
	counts(c, n);
	for (int s = 0; s < 6; s++)
		json_object_set_new(sum, cov_pair_status_name((cov_pair_status)s), json_integer((json_int_t)n[s]));
	json_object_set_new(sum, "added", json_integer((json_int_t)cov_comparison_added_count(c)));
	json_object_set_new(sum, "removed", json_integer((json_int_t)cov_comparison_removed_count(c)));
	json_object_set_new(root, "summary", sum);
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		json_t *pj = json_object(), *ch = json_array();
		json_object_set_new(pj, "old", json_string(p->old_node->eid));
		json_object_set_new(pj, "new", json_string(p->new_node->eid));
		json_object_set_new(pj, "old_num", json_string(p->old_node->num));
		json_object_set_new(pj, "new_num", json_string(p->new_node->num));
		json_object_set_new(pj, "status", json_string(cov_pair_status_name(p->status)));
		json_object_set_new(pj, "similarity", json_real((double)(long)(p->similarity * 1000 + 0.5) / 1000));
		for (size_t k = 0; k < p->n_changes; k++) {
			const cov_change *x = &p->changes[k];
			json_t *cj = json_object();
			static const char *const ops[] = {"replace", "delete", "insert"};
			json_object_set_new(cj, "op", json_string(ops[x->op]));
			json_object_set_new(cj, "old", span_json(old, x->old_start, x->old_end));
			json_object_set_new(cj, "new", span_json(nw, x->new_start, x->new_end));
			json_array_append_new(ch, cj);
		}
		json_object_set_new(pj, "changes", ch);
		json_array_append_new(pairs, pj);
	}
	json_object_set_new(root, "pairs", pairs);
	for (size_t i = 0; i < cov_comparison_added_count(c); i++)
		json_array_append_new(added, node_ref(cov_comparison_added(c, i)));
	for (size_t i = 0; i < cov_comparison_removed_count(c); i++)
		json_array_append_new(removed, node_ref(cov_comparison_removed(c, i)));
	json_object_set_new(root, "added", added);
	json_object_set_new(root, "removed", removed);
	for (size_t i = 0; i < cov_comparison_finding_count(c); i++) {
		const cov_finding *f = cov_comparison_finding(c, i);
		json_array_append_new(finds, cov_finding_json(f, f->doc == old ? "old" : "new"));
	}
	json_object_set_new(root, "findings", finds);
	json_object_set_new(root, "impact_note", json_string(cov_comparison_impact_note(c)));
	return cov_render_json_dump(root, b);
}

int cov_render_comparison_string(const cov_data *data, const cov_comparison *c, cov_review_format fmt,
				 const cov_diff_options *opts, char **out, size_t *len)
{
	(void)data;
	*out = NULL;
	cov_diff_options def = {NULL, NULL, 0, 0};
	const cov_diff_options *o = opts ? opts : &def;
	cov_buf b;
	cov_buf_init(&b);
	int rc = COV_OK;
	switch (fmt) {
	case COV_REVIEW_TEXT: text_or_md(c, o, &b, false); break;
	case COV_REVIEW_MARKDOWN: text_or_md(c, o, &b, true); break;
	case COV_REVIEW_JSON: rc = comparison_json(c, o, &b); break;
	default: rc = cov_error_set(COV_EUSAGE, "unknown format");
	}
	return cov_render_finish(&b, rc, out, len);
}
