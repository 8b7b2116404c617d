/*
 * comparison.c — renderers of covenant diff: text for people (a summary,
 * the rights impact with quotes, then each pair with its changes marked),
 * JSON (docs/json.md) and Markdown.
 */
#include "render.h"
#include "../diff/diff.h" /* cmp->best: counterparts across works */

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

static void sev_upper(cov_buf *b, cov_severity s)
{
	for (const char *p = cov_severity_name(s); *p; p++)
		cov_buf_putc(b, (char)(*p - 32));
}

static void quote(cov_buf *b, const cov_finding *f, bool color)
{
	const char *t = f->doc->text;
	for (size_t i = f->start; i < f->end; i++) {
		if (color && i == f->trigger_start && f->trigger_end > f->trigger_start)
			cov_buf_puts(b, "\033[1;31m");
		cov_buf_putc(b, t[i] == '\n' ? ' ' : t[i]);
		if (color && i + 1 == f->trigger_end && f->trigger_end > f->trigger_start)
			cov_buf_puts(b, "\033[0m");
	}
}

static void finding_text(cov_buf *b, const cov_comparison *c, size_t idx, bool md, bool color)
{
	const cov_finding *f = cov_comparison_finding(c, idx);
	const cov_doc *old = cov_comparison_old(c);
	const char *side = f->doc == old ? "old" : "new";
	size_t bs = 0, be = 0;
	bool before = cov_comparison_finding_before(c, idx, &bs, &be) && f->doc != old;
	if (md) {
		cov_buf_printf(b, "- **%s** `%s` — %s article %s (`%s`)", cov_severity_name(f->severity), f->rule, side,
			       f->article, f->node->eid);
		if (f->citation)
			cov_buf_printf(b, ", %s", f->citation);
		if (before) {
			cov_buf_puts(b, "\n  > before: ");
			flat(b, old->text, bs, be);
			cov_buf_puts(b, "\n  >\n  > after: ");
		} else {
			cov_buf_puts(b, "\n  > ");
		}
		flat(b, f->doc->text, f->start, f->end);
		cov_buf_printf(b, "\n\n  %s\n", f->message);
		return;
	}
	cov_buf_puts(b, "  ");
	sev_upper(b, f->severity);
	cov_buf_printf(b, "  %s  %s article %s (%s)", f->rule, side, f->article, f->node->eid);
	if (f->citation)
		cov_buf_printf(b, ", %s", f->citation);
	if (before) {
		cov_buf_puts(b, "\n    before «");
		flat(b, old->text, bs, be);
		cov_buf_puts(b, "»\n    after  «");
	} else {
		cov_buf_puts(b, "\n    «");
	}
	quote(b, f, color);
	cov_buf_printf(b, "»\n    %s\n", f->message);
}

/* Findings of both checks, matched: counts by severity, then each new and
 * gone finding, and the kept ones in one line each. */
static void findings_before_after(cov_buf *b, const cov_comparison *c, bool md, bool color)
{
	size_t nm = cov_comparison_match_count(c);
	if (!nm)
		return;
	size_t before[4] = {0}, after[4] = {0}, fresh[4] = {0}, gone[4] = {0};
	for (size_t i = 0; i < nm; i++) {
		const cov_finding_match *x = cov_comparison_match(c, i);
		if (x->before)
			before[x->before->severity]++;
		if (x->after)
			after[x->after->severity]++;
		if (!x->before)
			fresh[x->after->severity]++;
		if (!x->after)
			gone[x->before->severity]++;
	}
	cov_buf_puts(b, md ? "\n## Findings before and after\n\n" : "\nFindings before and after\n");
	for (int s = COV_SEVERITY_HIGH; s >= COV_SEVERITY_POSITIVE; s--)
		cov_buf_printf(b, "%s%s: %zu → %zu (%zu new, %zu gone, %zu kept)\n", md ? "- " : "  ",
			       cov_severity_name((cov_severity)s), before[s], after[s], fresh[s], gone[s],
			       after[s] - fresh[s]);
	if (md)
		cov_buf_putc(b, '\n');
	for (int pass = 0; pass < 3; pass++) {
		static const char *const what[] = {"NEW", "GONE", "KEPT"};
		for (int s = COV_SEVERITY_HIGH; s >= COV_SEVERITY_POSITIVE; s--)
			for (size_t i = 0; i < nm; i++) {
				const cov_finding_match *x = cov_comparison_match(c, i);
				if ((pass == 0 && x->before) || (pass == 1 && x->after) || (pass == 2 && (!x->before || !x->after)))
					continue;
				const cov_finding *f = x->after ? x->after : x->before;
				if ((int)f->severity != s)
					continue;
				cov_buf_printf(b, md ? "- **%s** %s `%s` " : "  %-4s  ", what[pass], md ? cov_severity_name(f->severity) : "",
					       f->rule);
				if (!md) {
					sev_upper(b, f->severity);
					cov_buf_printf(b, "  %s  ", f->rule);
				}
				if (pass == 2)
					cov_buf_printf(b, "article %s → %s", x->before->article, x->after->article);
				else
					cov_buf_printf(b, "%s article %s (%s)", pass ? "old" : "new", f->article, f->node->eid);
				if (f->citation)
					cov_buf_printf(b, ", %s", f->citation);
				cov_buf_putc(b, '\n');
				if (pass == 2)
					continue;
				cov_buf_puts(b, md ? "  > " : "    «");
				if (md)
					flat(b, f->doc->text, f->start, f->end);
				else
					quote(b, f, color);
				cov_buf_puts(b, md ? "\n\n" : "»\n");
			}
	}
}

static void node_label(cov_buf *b, const cov_node *n)
{
	cov_render_label(n, b);
	if (n->heading[0])
		cov_buf_printf(b, " [%s]", n->heading);
}

/* ---- the law's words, cleaned of markup, for people ---- */

/* Length of a piece of markup at text[i] (an HTML tag, an entity, a link
 * target), 0 if none. */
static size_t markup_at(const char *t, size_t len, size_t i)
{
	if (t[i] == '<' && i + 1 < len &&
	    (((t[i + 1] | 32) >= 'a' && (t[i + 1] | 32) <= 'z') || t[i + 1] == '/' || t[i + 1] == '!')) {
		for (size_t k = i + 1; k < len && k < i + 400 && t[k] != '\n' && t[k] != '<'; k++)
			if (t[k] == '>')
				return k + 1 - i;
	} else if (t[i] == '&') {
		size_t k = i + 1 + (i + 1 < len && t[i + 1] == '#');
		while (k < len && k < i + 12 && (((t[k] | 32) >= 'a' && (t[k] | 32) <= 'z') || (t[k] >= '0' && t[k] <= '9')))
			k++;
		if (k < len && k > i + 1 && t[k] == ';')
			return k + 1 - i;
	}
	return 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Punctuation that belongs to the word before it (closing) or after it
 * (opening): its byte length at t+i, 0 if none. */
static size_t closing_at(const char *t, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	if (strchr(".,;:!?)]\"'%", t[i]) && t[i])
		return 1;
	if (i + 1 < len && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xBB) /* » */
		return 2;
	if (i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0xA6 || (unsigned char)t[i + 2] == 0x99))
		return 3; /* ” … ’ */
	return 0;
}

static size_t opening_before(const char *t, size_t i)
{
	if (i >= 1 && strchr("([\"'", t[i - 1]) && t[i - 1])
		return 1;
	if (i >= 2 && (unsigned char)t[i - 2] == 0xC2 && (unsigned char)t[i - 1] == 0xAB) /* « */
		return 2;
	if (i >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
	    ((unsigned char)t[i - 1] == 0x9E || (unsigned char)t[i - 1] == 0x9C))
		return 3; /* „ “ */
	return 0;
}

/* A segment's bytes with the punctuation that clings to its words. */
static void widen(const cov_doc *d, size_t *a, size_t *e)
{
	size_t k;
	while ((k = opening_before(d->text, *a)) != 0)
		*a -= k;
	while ((k = closing_at(d->text, d->len, *e)) != 0)
		*e += k;
}

/* A byte put_words copies as it is: no markup, space, emphasis, quote or
 * heading mark, nothing Markdown would read. */
static bool plain_byte(char c, bool md)
{
	switch (c) {
	case '<': case '&': case ' ': case '\n': case '\r': case '\t': case '*': case '\\': case '_': case '>': case '#':
		return false;
	case '~': case '[': case ']': case '`': case '|': case '+': case '-':
		return !md;
	default:
		return c != 0;
	}
}

/* Write text[a, e) on one line: markup and Markdown emphasis dropped,
 * white space collapsed; for Markdown, what Markdown would read escaped. */
static void put_words(cov_buf *b, const cov_doc *d, size_t a, size_t e, bool md)
{
	const char *t = d->text;
	bool space = false, started = false;
	for (size_t i = a; i < e; i++) {
		/* a run of bytes none of the rules below touches, at once */
		size_t r = i;
		while (r < e && plain_byte(t[r], md))
			r++;
		if (r > i) {
			if (space)
				cov_buf_putc(b, ' ');
			space = false;
			cov_buf_put(b, t + i, r - i);
			started = true;
			i = r - 1;
			continue;
		}
		size_t m = markup_at(t, d->len, i);
		if (m) {
			i += m - 1;
			continue;
		}
		char c = t[i];
		if (is_space(c)) {
			space = started;
			continue;
		}
		if (c == '*' || c == '\\' || (c == '_' && (i + 1 >= e || t[i + 1] == '_' || i == a || t[i - 1] == '_' ||
							   is_space(t[i - 1]) || is_space(t[i + 1]))))
			continue;
		if ((c == '>' || c == '#') && (i == 0 || t[i - 1] == '\n' || !started))
			continue;
		if (space)
			cov_buf_putc(b, ' ');
		space = false;
		if (md && strchr("_~<>[]`#|+-", c) && c)
			cov_buf_putc(b, '\\');
		cov_buf_putc(b, c);
		started = true;
	}
}

/* A unit's label for a line: "1.", "2)", "а)" — its number as printed. */
static void para_label(cov_buf *b, const cov_node *n, cov_node_kind primary, bool md)
{
	if (!n || n->kind == primary || !n->num_printed[0])
		return;
	for (const char *p = n->num_printed; *p; p++) {
		if (md && strchr(".)-+#", *p) && *p)
			cov_buf_putc(b, '\\');
		cov_buf_putc(b, *p);
	}
	cov_buf_putc(b, ' ');
}

typedef struct marks {
	const char *del_on, *del_off, *ins_on, *ins_off;
} marks;

static marks marks_for(bool md, bool color)
{
	if (md)
		return (marks){"~~", "~~", "**", "**"};
	if (color)
		return (marks){"\033[31m", "\033[0m", "\033[32m", "\033[0m"};
	return (marks){"[-", "-]", "{+", "+}"};
}

/* Lines of a redline: [first, end) segments each; a line is changed if any
 * of its segments is. */
typedef struct rline {
	size_t first, end;
	bool changed;
} rline;

static size_t redline_lines(const cov_comparison *c, const cov_pair *p, rline *v)
{
	size_t n = 0;
	const cov_node *del_only = NULL; /* the line so far: deleted words of this old paragraph only */
	for (size_t k = 0; k < p->n_segments; k++) {
		const cov_segment *g = &p->segments[k];
		/* a new paragraph begins, unless the new words of a paragraph
		 * follow the old words they replace, or the old paragraph goes
		 * on after its first words were deleted */
		bool brk = k == 0 || (g->para_start && !(g->op == COV_SEG_INSERT && p->segments[k - 1].op == COV_SEG_DELETE));
		if (brk && k && g->op != COV_SEG_DELETE && del_only) {
			size_t a = p->segments[k - 1].start, e = p->segments[k - 1].end;
			widen(cov_comparison_old(c), &a, &e);
			brk = e >= del_only->text_end;
		}
		if (g->op != COV_SEG_DELETE)
			del_only = NULL;
		else if (brk)
			del_only = g->node;
		else if (del_only != g->node)
			del_only = NULL;
		if (brk) {
			if (n)
				v[n - 1].end = k;
			v[n++] = (rline){k, k, false};
		}
		if (g->op != COV_SEG_EQUAL)
			v[n - 1].changed = true;
	}
	if (n)
		v[n - 1].end = p->n_segments;
	return n;
}

static void put_line(cov_buf *b, const cov_comparison *c, const cov_pair *p, const rline *l, bool md, marks m,
		     const char *indent)
{
	const cov_doc *old = cov_comparison_old(c), *nw = cov_comparison_new(c);
	cov_buf_puts(b, indent);
	const cov_segment *g0 = &p->segments[l->first];
	/* the paragraph's number: old and new when they differ */
	const cov_segment *g1 = NULL;
	for (size_t k = l->first + 1; g0->op == COV_SEG_DELETE && k < l->end && !g1; k++)
		if (p->segments[k].op == COV_SEG_INSERT && p->segments[k].para_start)
			g1 = &p->segments[k];
	if (g0->para_start && g1 && strcmp(g0->node->num_printed, g1->node->num_printed) != 0 &&
	    g0->node->kind != old->primary && g1->node->kind != nw->primary) {
		cov_buf_puts(b, m.del_on);
		para_label(b, g0->node, old->primary, md);
		b->len -= b->len && b->ptr[b->len - 1] == ' ';
		cov_buf_printf(b, "%s%s", m.del_off, m.ins_on);
		para_label(b, g1->node, nw->primary, md);
		b->len -= b->len && b->ptr[b->len - 1] == ' ';
		cov_buf_printf(b, "%s ", m.ins_off);
	} else if (g0->para_start) {
		para_label(b, g0->node, g0->op == COV_SEG_DELETE ? old->primary : nw->primary, md);
	}
	int open = -1; /* the op whose mark is open */
	for (size_t k = l->first; k < l->end; k++) {
		const cov_segment *g = &p->segments[k];
		const cov_doc *d = g->op == COV_SEG_DELETE ? old : nw;
		size_t a = g->start, e = g->end;
		widen(d, &a, &e);
		if ((int)g->op != open && open > 0)
			cov_buf_puts(b, open == COV_SEG_DELETE ? m.del_off : m.ins_off);
		bool glued = a > 0 && !is_space(d->text[a - 1]) && k > l->first && !markup_at(d->text, d->len, a - 1);
		if (k > l->first && !glued)
			cov_buf_putc(b, ' ');
		if ((int)g->op != open) {
			if (g->op == COV_SEG_DELETE)
				cov_buf_puts(b, m.del_on);
			else if (g->op == COV_SEG_INSERT)
				cov_buf_puts(b, m.ins_on);
			open = (int)g->op;
		}
		put_words(b, d, a, e, md);
	}
	if (open > 0)
		cov_buf_puts(b, open == COV_SEG_DELETE ? m.del_off : m.ins_off);
	cov_buf_puts(b, md ? "\n\n" : "\n");
}

static void put_folded(cov_buf *b, size_t n, bool md, const char *indent)
{
	cov_buf_printf(b, md ? "%s*… %zu paragraph%s unchanged …*\n\n" : "%s… %zu paragraph%s unchanged …\n", indent, n,
		       n == 1 ? "" : "s");
}

/* The redline of a pair, unchanged paragraphs folded beyond `context`. */
static void redline(cov_buf *b, const cov_comparison *c, const cov_pair *p, int context, bool md, marks m)
{
	rline *v = malloc((p->n_segments + 1) * sizeof *v);
	if (!v) {
		b->oom = true;
		return;
	}
	size_t n = redline_lines(c, p, v);
	const char *indent = md ? "" : "    ";
	size_t folded = 0;
	for (size_t i = 0; i < n; i++) {
		bool show = v[i].changed || context < 0;
		for (size_t k = 1; !show && k <= (size_t)context; k++)
			show = (i >= k && v[i - k].changed) || (i + k < n && v[i + k].changed);
		if (!show) {
			folded++;
			continue;
		}
		if (folded)
			put_folded(b, folded, md, indent);
		folded = 0;
		put_line(b, c, p, &v[i], md, m, indent);
	}
	if (folded)
		put_folded(b, folded, md, indent);
	free(v);
}

/* A unit added or removed, whole: its own text and its children's, notes
 * left out. */
static void whole_unit(cov_buf *b, const cov_doc *d, const cov_node *u, bool md, const char *on, const char *off)
{
	const char *indent = md ? "" : "    ";
	cov_iter it;
	cov_iter_init(&it, u);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (ev != COV_EVENT_ENTER)
			continue;
		if (n->kind == COV_NODE_NOTE) {
			/* skip the note and what it holds */
			cov_iter_next(&it);
			while (it.node != n || it.ev != COV_EVENT_EXIT)
				if (cov_iter_next(&it) == COV_EVENT_DONE)
					return;
			continue;
		}
		if (n->text_end <= n->text_start)
			continue;
		cov_buf_puts(b, indent);
		para_label(b, n, d->primary, md);
		cov_buf_puts(b, on);
		put_words(b, d, n->text_start, n->text_end, md);
		cov_buf_puts(b, off);
		cov_buf_puts(b, md ? "\n\n" : "\n");
	}
}

/* The section, chapter… holding a unit: "section II", "" at the top. */
static void container(cov_buf *b, const cov_node *n)
{
	for (const cov_node *p = n->parent; p; p = p->parent)
		if (p->kind != COV_NODE_DOCUMENT && p->kind != COV_NODE_PREFACE) {
			cov_render_label(p, b);
			return;
		}
}

static bool touches_right(const cov_review *r, const cov_node *unit, int right)
{
	if (!r)
		return false;
	for (size_t i = 0; i < cov_review_provision_count(r); i++) {
		const cov_provision *p = cov_review_provision(r, i);
		bool has = false;
		for (size_t k = 0; k < p->n_rights; k++)
			has |= p->rights[k] == right;
		if (!has)
			continue;
		for (const cov_node *n = p->node; n; n = n->parent)
			if (n == unit)
				return true;
	}
	return false;
}

static bool pair_shown(const cov_comparison *c, const cov_pair *p, const cov_diff_options *o)
{
	if (o->statuses && !(o->statuses & (1u << p->status)))
		return false;
	if (!o->statuses && p->status == COV_PAIR_UNCHANGED && !o->show_unchanged)
		return false;
	if (o->article && *o->article && strcmp(p->old_node->num, o->article) != 0 &&
	    strcmp(p->new_node->num, o->article) != 0)
		return false;
	if (o->right && !touches_right(cov_comparison_review(c, 0), p->old_node, o->right) &&
	    !touches_right(cov_comparison_review(c, 1), p->new_node, o->right))
		return false;
	return true;
}

static bool unit_shown(const cov_comparison *c, const cov_node *u, int side, const cov_diff_options *o)
{
	if (o->statuses && !(o->statuses & (side ? COV_DIFF_SHOW_ADDED : COV_DIFF_SHOW_REMOVED)))
		return false;
	if (o->article && *o->article && strcmp(u->num, o->article) != 0)
		return false;
	if (o->right && !touches_right(cov_comparison_review(c, side), u, o->right))
		return false;
	return true;
}

static void pair_head(cov_buf *b, const cov_pair *p, bool md, bool best)
{
	cov_buf_puts(b, md ? "### " : "  ");
	cov_render_label(p->old_node, b);
	cov_buf_puts(b, " → ");
	cov_render_label(p->new_node, b);
	/* renumbered, moved, split or merged says where; whether the words
	 * changed too is said beside it, so a rewritten article is never
	 * presented as merely renumbered */
	if (best) { /* counterparts in another work: no status, no place */
		cov_buf_printf(b, "  best counterpart (similarity %.2f)%s", p->similarity, md ? "\n\n" : "\n");
		return;
	}
	bool reworded = p->n_changes > 0 && p->status != COV_PAIR_MODIFIED && p->status != COV_PAIR_UNCHANGED;
	cov_buf_printf(b, "  %s%s (similarity %.2f)", cov_pair_status_name(p->status), reworded ? ", wording changed" : "",
		       p->similarity);
	cov_buf cfrom, cto;
	cov_buf_init(&cfrom);
	cov_buf_init(&cto);
	container(&cfrom, p->old_node);
	container(&cto, p->new_node);
	const char *f = cfrom.len ? cfrom.ptr : "", *t = cto.len ? cto.ptr : "";
	if (p->status != COV_PAIR_UNCHANGED && p->status != COV_PAIR_MODIFIED && strcmp(f, t) != 0 && (*f || *t))
		cov_buf_printf(b, " — %s from %s to %s", p->status == COV_PAIR_MOVED ? "moved" : "now", *f ? f : "the top",
			       *t ? t : "the top");
	cov_buf_free(&cfrom);
	cov_buf_free(&cto);
	cov_buf_puts(b, md ? "\n\n" : "\n");
}

static void heading_change(cov_buf *b, const cov_pair *p, bool md, marks m)
{
	const char *h0 = p->old_node->heading, *h1 = p->new_node->heading;
	if (strcmp(h0, h1) == 0)
		return;
	cov_buf_puts(b, md ? "Heading: " : "    heading: ");
	if (*h0)
		cov_buf_printf(b, "%s%s%s", m.del_on, h0, m.del_off);
	if (*h0 && *h1)
		cov_buf_putc(b, ' ');
	if (*h1)
		cov_buf_printf(b, "%s%s%s", m.ins_on, h1, m.ins_off);
	cov_buf_puts(b, md ? "\n\n" : "\n");
}

static void text_or_md(const cov_comparison *c, const cov_diff_options *o, cov_buf *b, bool md)
{
	const cov_doc *old = cov_comparison_old(c), *nw = cov_comparison_new(c);
	const char *ol = label_of(old, o->old_label), *nl = label_of(nw, o->new_label);
	size_t n[6];
	counts(c, n);
	bool color = o->color && !md;
	marks m = marks_for(md, color);
	size_t n_old = cov_doc_count(old, old->primary), n_new = cov_doc_count(nw, nw->primary);
	if (c->best)
		cov_buf_printf(b,
			       md ? "# Counterparts: %s and %s\n\n%zu of %zu provisions have a counterpart among %zu "
				    "(similarity ≥ %.2f), %zu without one\n"
				  : "covenant diff --best: %s and %s\n%zu of %zu provisions have a counterpart among %zu "
				    "(similarity ≥ %.2f), %zu without one\n",
			       ol, nl, cov_comparison_pair_count(c), n_old, n_new, c->best_floor,
			       cov_comparison_removed_count(c));
	else
		cov_buf_printf(b, md ? "# Comparison: %s → %s\n\n" : "covenant diff: %s → %s\n", ol, nl);
	if (!c->best)
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
			finding_text(b, c, i, md, color);
	}
	findings_before_after(b, c, md, color);
	if (c->best)
		cov_buf_puts(b, md ? "\n## Counterparts\n\n" : "\nCounterparts\n");
	else
		cov_buf_puts(b, md ? "\n## Articles\n\n" : "\nArticles\n");
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		if (!pair_shown(c, p, o))
			continue;
		pair_head(b, p, md, c->best);
		heading_change(b, p, md, m);
		if (p->n_changes)
			redline(b, c, p, o->context, md, m);
		else if (!md)
			cov_buf_puts(b, "    (same words)\n");
		else
			cov_buf_puts(b, "*(same words)*\n\n");
	}
	for (int side = 1; side >= 0; side--) {
		size_t count = side ? cov_comparison_added_count(c) : cov_comparison_removed_count(c);
		bool any = false;
		for (size_t i = 0; i < count; i++) {
			const cov_node *u = side ? cov_comparison_added(c, i) : cov_comparison_removed(c, i);
			if (!unit_shown(c, u, side, o))
				continue;
			if (!any)
				cov_buf_puts(b, c->best ? (md ? "\n## Without a counterpart\n\n" : "\nWithout a counterpart\n")
						: side ? (md ? "\n## Added\n\n" : "\nAdded\n")
						       : (md ? "\n## Removed\n\n" : "\nRemoved\n"));
			any = true;
			cov_buf_puts(b, md ? "### " : "  ");
			node_label(b, u);
			cov_buf_putc(b, '\n');
			if (md)
				cov_buf_putc(b, '\n');
			whole_unit(b, side ? nw : old, u, md, color ? (side ? m.ins_on : m.del_on) : "",
				   color ? m.ins_off : "");
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

/* The law's words of text[a, e) as one line (markup dropped). */
static json_t *clean_json(const cov_doc *d, size_t a, size_t e)
{
	cov_buf b;
	cov_buf_init(&b);
	put_words(&b, d, a, e, false);
	json_t *s = json_stringn(b.len ? b.ptr : "", b.len);
	cov_buf_free(&b);
	return s;
}

/* An added or removed unit: its reference and its whole text, line by
 * line (notes left out). */
static json_t *unit_json(const cov_doc *d, const cov_node *u)
{
	json_t *o = node_ref(u);
	cov_buf b;
	cov_buf_init(&b);
	whole_unit(&b, d, u, false, "", "");
	/* whole_unit indents for people: drop the indent */
	cov_buf t;
	cov_buf_init(&t);
	for (size_t i = 0; i < b.len; i++) {
		if ((i == 0 || b.ptr[i - 1] == '\n') && b.len - i >= 4 && memcmp(b.ptr + i, "    ", 4) == 0)
			i += 4;
		if (i < b.len)
			cov_buf_putc(&t, b.ptr[i]);
	}
	json_object_set_new(o, "text", json_stringn(t.len ? t.ptr : "", t.len));
	cov_buf_free(&b);
	cov_buf_free(&t);
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
	if (c->best) { /* counterparts across works: "removed" are the provisions without one */
		json_object_set_new(root, "mode", json_string("best"));
		json_object_set_new(root, "floor", json_real(c->best_floor));
	}
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
		json_t *sg = json_array();
		for (size_t k = 0; k < p->n_segments; k++) {
			static const char *const ops[] = {"equal", "delete", "insert"};
			const cov_segment *g = &p->segments[k];
			const cov_doc *d = g->op == COV_SEG_DELETE ? old : nw;
			json_t *gj = json_object();
			json_object_set_new(gj, "op", json_string(ops[g->op]));
			json_object_set_new(gj, "start", json_integer((json_int_t)g->start));
			json_object_set_new(gj, "end", json_integer((json_int_t)g->end));
			json_object_set_new(gj, "text", clean_json(d, g->start, g->end));
			json_object_set_new(gj, "eid", json_string(g->node->eid));
			json_object_set_new(gj, "para_start", json_boolean(g->para_start));
			json_array_append_new(sg, gj);
		}
		json_object_set_new(pj, "segments", sg);
		json_array_append_new(pairs, pj);
	}
	json_object_set_new(root, "pairs", pairs);
	for (size_t i = 0; i < cov_comparison_added_count(c); i++)
		json_array_append_new(added, unit_json(nw, cov_comparison_added(c, i)));
	for (size_t i = 0; i < cov_comparison_removed_count(c); i++)
		json_array_append_new(removed, unit_json(old, cov_comparison_removed(c, i)));
	json_object_set_new(root, "added", added);
	json_object_set_new(root, "removed", removed);
	for (size_t i = 0; i < cov_comparison_finding_count(c); i++) {
		const cov_finding *f = cov_comparison_finding(c, i);
		json_t *fj = cov_finding_json(f, f->doc == old ? "old" : "new");
		size_t bs, be;
		if (fj && f->doc != old && cov_comparison_finding_before(c, i, &bs, &be))
			json_object_set_new(fj, "before", span_json(old, bs, be));
		json_array_append_new(finds, fj);
	}
	json_object_set_new(root, "findings", finds);
	if (cov_comparison_review(c, 0)) {
		json_t *ba = json_object(), *list = json_array(), *sev = json_object();
		for (int s = COV_SEVERITY_POSITIVE; s <= COV_SEVERITY_HIGH; s++) {
			size_t v[4] = {0};
			for (size_t i = 0; i < cov_comparison_match_count(c); i++) {
				const cov_finding_match *x = cov_comparison_match(c, i);
				const cov_finding *f = x->after ? x->after : x->before;
				if ((int)f->severity != s)
					continue;
				v[0] += x->before != NULL;
				v[1] += x->after != NULL;
				v[2] += !x->before;
				v[3] += !x->after;
			}
			json_t *sj = json_object();
			json_object_set_new(sj, "before", json_integer((json_int_t)v[0]));
			json_object_set_new(sj, "after", json_integer((json_int_t)v[1]));
			json_object_set_new(sj, "new", json_integer((json_int_t)v[2]));
			json_object_set_new(sj, "gone", json_integer((json_int_t)v[3]));
			json_object_set_new(sj, "kept", json_integer((json_int_t)(v[1] - v[2])));
			json_object_set_new(sev, cov_severity_name((cov_severity)s), sj);
		}
		for (size_t i = 0; i < cov_comparison_match_count(c); i++) {
			const cov_finding_match *x = cov_comparison_match(c, i);
			json_t *mj = json_object();
			json_object_set_new(mj, "status", json_string(!x->before ? "new" : !x->after ? "gone" : "kept"));
			json_object_set_new(mj, "before", x->before ? cov_finding_json(x->before, "old") : json_null());
			json_object_set_new(mj, "after", x->after ? cov_finding_json(x->after, "new") : json_null());
			json_array_append_new(list, mj);
		}
		json_object_set_new(ba, "counts", sev);
		json_object_set_new(ba, "findings", list);
		json_object_set_new(root, "before_after", ba);
	}
	json_object_set_new(root, "impact_note", json_string(cov_comparison_impact_note(c)));
	return cov_render_json_dump(root, b);
}

int cov_render_comparison_string(const cov_data *data, const cov_comparison *c, cov_review_format fmt,
				 const cov_diff_options *opts, char **out, size_t *len)
{
	(void)data;
	*out = NULL;
	cov_diff_options def = {NULL, NULL, 0, 0, 0, NULL, 0, 0};
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
