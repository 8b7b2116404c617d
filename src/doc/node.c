/*
 * node.c — the document tree: node creation, accessors, eIds and the
 * enter/exit iterator every renderer and analysis walks (cmark's model).
 */
#include "doc.h"

#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

static const char *const kind_names[COV_NODE_KIND_COUNT] = {
	"act", "preface", "preamble", "part", "title", "chapter", "section",
	"subsection", "article", "paragraph", "point", "attachment", "hcontainer", "note",
};

/* Akoma Ntoso eId short names (AKN naming convention, section 5). */
static const char *const kind_short[COV_NODE_KIND_COUNT] = {
	"", "preface", "preamble", "part", "title", "chp", "sec",
	"subsec", "art", "para", "point", "att", "hcontainer", "note",
};

const char *cov_node_kind_name(cov_node_kind kind)
{
	return (unsigned)kind < COV_NODE_KIND_COUNT ? kind_names[kind] : "unknown";
}

const char *cov_node_kind_short(cov_node_kind kind)
{
	return (unsigned)kind < COV_NODE_KIND_COUNT ? kind_short[kind] : "x";
}

cov_node *cov_doc_new_node(cov_doc *doc, cov_node_kind kind, cov_node *parent)
{
	cov_node *n = cov_arena_alloc(&doc->arena, sizeof *n);
	if (!n)
		return NULL;
	n->kind = kind;
	n->num = n->num_printed = n->heading = n->eid = "";
	if (parent) {
		n->parent = parent;
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	return n;
}

/* Characters allowed in an eId number: letters, digits, '-' and '.';
 * anything else becomes '-' (so "(ii)" → "ii", "26-1" stays). */
static void clean_num(const char *num, cov_buf *b)
{
	size_t n = strlen(num);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)num[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c == '-' || c == '.')
			cov_buf_putc(b, (char)c);
		else if (b->len && b->ptr[b->len - 1] != '-')
			cov_buf_putc(b, '-');
	}
}

static const char *base_eid(cov_doc *doc, const cov_node *n, cov_buf *b)
{
	b->len = 0;
	if (n->parent && n->parent->kind != COV_NODE_DOCUMENT) {
		cov_buf_puts(b, n->parent->eid);
		cov_buf_puts(b, "__");
	}
	cov_buf_puts(b, cov_node_kind_short(n->kind));
	if (n->num[0]) {
		cov_buf_putc(b, '_');
		clean_num(n->num, b);
	}
	return b->oom ? NULL : cov_arena_strndup(&doc->arena, b->ptr, b->len);
}

/* 16 bytes a child (the sort copies them once more): the eId is the
 * node's, `kept` the top bit of the index. */
struct sibling { cov_node *node; size_t index; };
#define KEPT ((size_t)1 << (sizeof(size_t) * 8 - 1))

static int cmp_sibling(const void *a, const void *b)
{
	const struct sibling *x = a, *y = b;
	int c = strcmp(x->node->eid, y->node->eid);
	if (c)
		return c;
	size_t i = x->index & ~KEPT, j = y->index & ~KEPT;
	return i < j ? -1 : i > j;
}

/* Give the children of `parent` their ids; siblings with the same id (two
 * "Article 5", unnumbered points) get "_v2", "_v3" … in document order.
 * Sorting keeps this O(n log n) even for hostile inputs. */
static int eids_of_children(cov_doc *doc, cov_node *parent, cov_buf *b)
{
	size_t count = 0;
	for (cov_node *c = parent->first; c; c = c->next)
		count++;
	if (!count)
		return COV_OK;
	struct sibling *s = malloc(count * sizeof *s);
	if (!s)
		return cov_error_set(COV_ENOMEM, "out of memory");
	size_t i = 0;
	for (cov_node *c = parent->first; c; c = c->next, i++) {
		if (c->eid[0]) { /* from the source (Akoma Ntoso): kept as it is */
			s[i] = (struct sibling){c, i | KEPT};
			continue;
		}
		c->eid = base_eid(doc, c, b);
		if (!c->eid) {
			free(s);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
		s[i] = (struct sibling){c, i};
	}
	qsort(s, count, sizeof *s, cmp_sibling);
	for (i = 1; i < count; i++) {
		size_t first = i - 1, dup = 1;
		/* s[first] keeps its id: the ones renamed below come after it */
		while (i < count && strcmp(s[i].node->eid, s[first].node->eid) == 0) {
			if (s[i].index & KEPT) {
				i++;
				continue;
			}
			b->len = 0;
			cov_buf_printf(b, "%s_v%zu", s[first].node->eid, ++dup);
			s[i].node->eid = b->oom ? NULL : cov_arena_strndup(&doc->arena, b->ptr, b->len);
			if (!s[i].node->eid) {
				free(s);
				return cov_error_set(COV_ENOMEM, "out of memory");
			}
			i++;
		}
	}
	free(s);
	return COV_OK;
}

void cov_doc_close_spans(cov_doc *doc)
{
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	doc->root->start = 0;
	doc->root->end = doc->len;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		cov_node *n = (cov_node *)it.node;
		if (ev != COV_EVENT_ENTER || n == doc->root)
			continue;
		n->end = n->next ? n->next->start : n->parent->end;
		if (n->end < n->start)
			n->end = n->start;
	}
}

int cov_doc_assign_eids(cov_doc *doc)
{
	cov_buf b;
	cov_buf_init(&b);
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	int rc = COV_OK;
	while (rc == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE)
		if (ev == COV_EVENT_ENTER)
			rc = eids_of_children(doc, (cov_node *)it.node, &b);
	cov_buf_free(&b);
	return rc;
}

/* ---- iterator ---- */

void cov_iter_init(cov_iter *it, const cov_node *root)
{
	it->root = root;
	it->node = NULL;
	it->ev = COV_EVENT_DONE;
}

cov_event cov_iter_next(cov_iter *it)
{
	const cov_node *n = it->node;
	if (!n) {
		if (it->ev != COV_EVENT_DONE || !it->root)
			return it->ev = COV_EVENT_DONE;
		it->node = it->root;
		return it->ev = COV_EVENT_ENTER;
	}
	if (it->ev == COV_EVENT_ENTER && n->first) {
		it->node = n->first;
		return it->ev = COV_EVENT_ENTER;
	}
	if (it->ev == COV_EVENT_ENTER) /* a leaf: exit it */
		return it->ev = COV_EVENT_EXIT;
	if (n == it->root) {
		it->node = NULL;
		return it->ev = COV_EVENT_DONE;
	}
	if (n->next) {
		it->node = n->next;
		return it->ev = COV_EVENT_ENTER;
	}
	it->node = n->parent;
	return it->ev = COV_EVENT_EXIT;
}

/* ---- accessors ---- */

cov_node_kind cov_node_kind_of(const cov_node *n) { return n->kind; }
const char *cov_node_num(const cov_node *n) { return n->num; }
const char *cov_node_num_printed(const cov_node *n) { return n->num_printed; }
const char *cov_node_heading(const cov_node *n) { return n->heading; }
const char *cov_node_eid(const cov_node *n) { return n->eid; }
long cov_node_ordinal(const cov_node *n) { return n->ordinal; }
size_t cov_node_line(const cov_node *n) { return n->line; }
size_t cov_node_start(const cov_node *n) { return n->start; }
size_t cov_node_end(const cov_node *n) { return n->end; }
size_t cov_node_text_start(const cov_node *n) { return n->text_start; }
size_t cov_node_text_end(const cov_node *n) { return n->text_end; }
const cov_node *cov_node_parent(const cov_node *n) { return n->parent; }
const cov_node *cov_node_first_child(const cov_node *n) { return n->first; }
const cov_node *cov_node_next(const cov_node *n) { return n->next; }

const cov_node *cov_doc_root(const cov_doc *doc) { return doc->root; }
const char *cov_doc_name(const cov_doc *doc) { return doc->name; }
const char *cov_doc_title(const cov_doc *doc) { return doc->title ? doc->title : ""; }
const char *cov_doc_language(const cov_doc *doc) { return doc->language; }
const char *cov_doc_encoding(const cov_doc *doc) { return doc->encoding; }
int cov_doc_encoding_confidence(const cov_doc *doc) { return doc->encoding_confidence; }
size_t cov_doc_pages(const cov_doc *doc) { return doc->pages; }
int cov_doc_in_force(const cov_doc *doc) { return !doc->repealed; }
int cov_node_repealed(const cov_node *n) { return n->repealed; }

const cov_amendment *cov_node_amendments(const cov_node *n, size_t *count)
{
	*count = n->n_amendments;
	return n->amendments;
}
cov_format cov_doc_format(const cov_doc *doc) { return doc->format; }
cov_node_kind cov_doc_primary_kind(const cov_doc *doc) { return doc->primary; }

const char *cov_doc_text(const cov_doc *doc, size_t *len)
{
	if (len)
		*len = doc->len;
	return doc->text;
}

size_t cov_doc_count(const cov_doc *doc, cov_node_kind kind)
{
	size_t count = 0;
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE)
		if (ev == COV_EVENT_ENTER && it.node->kind == kind)
			count++;
	return count;
}

void cov_doc_free(cov_doc *doc)
{
	if (!doc)
		return;
	cov_arena_free(&doc->arena);
	free(doc->text);
	free(doc->name);
	free(doc->line_hints);
	free(doc);
}
