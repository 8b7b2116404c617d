/*
 * json.c — `covenant parse --format json`: the public contract of
 * docs/json.md ({format, title, language, nodes:[…]}), written with Jansson.
 */
#include "render.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *node_json(const cov_doc *doc, const cov_node *n)
{
	json_t *o = json_object();
	json_t *children = json_array();
	if (!o || !children) {
		json_decref(o);
		json_decref(children);
		return NULL;
	}
	json_object_set_new(o, "kind", json_string(cov_node_kind_name(n->kind)));
	json_object_set_new(o, "num", json_string(n->num));
	json_object_set_new(o, "num_printed", json_string(n->num_printed));
	json_object_set_new(o, "heading", json_string(n->heading));
	json_object_set_new(o, "eid", json_string(n->eid));
	json_object_set_new(o, "line", json_integer((json_int_t)n->line));
	json_object_set_new(o, "start", json_integer((json_int_t)n->start));
	json_object_set_new(o, "end", json_integer((json_int_t)n->end));
	json_object_set_new(o, "text", json_stringn(doc->text + n->text_start, n->text_end - n->text_start));
	if (n->kind == COV_NODE_NOTE) {
		json_t *ev = json_array();
		for (size_t i = 0; i < n->n_amendments; i++) {
			json_t *e = json_object();
			json_object_set_new(e, "date", json_string(n->amendments[i].date));
			json_object_set_new(e, "law", json_string(n->amendments[i].law));
			json_array_append_new(ev, e);
		}
		json_object_set_new(o, "amendments", ev);
	}
	if (n->repealed)
		json_object_set_new(o, "repealed", json_true());
	for (const cov_node *c = n->first; c; c = c->next) {
		json_t *cj = node_json(doc, c);
		if (!cj) {
			json_decref(o);
			json_decref(children);
			return NULL;
		}
		json_array_append_new(children, cj);
	}
	json_object_set_new(o, "children", children);
	return o;
}

int cov_render_json_buf(const cov_doc *doc, cov_buf *out)
{
	json_t *root = json_object();
	json_t *nodes = json_array();
	json_t *input = json_object();
	if (!root || !nodes || !input) {
		json_decref(root);
		json_decref(nodes);
		json_decref(input);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	json_object_set_new(root, "format", json_integer(COV_JSON_FORMAT));
	json_object_set_new(root, "title", json_string(cov_doc_title(doc)));
	json_object_set_new(root, "language", json_string(doc->language));
	json_object_set_new(input, "name", json_string(doc->name));
	static const char *const formats[] = {"text", "text", "html", "pdf", "docx", "akn"};
	json_object_set_new(input, "format", json_string(formats[doc->format <= COV_FORMAT_AKN ? doc->format : 0]));
	json_object_set_new(input, "encoding", json_string(doc->encoding));
	json_object_set_new(input, "encoding_confidence", json_integer(doc->encoding_confidence));
	if (doc->pages)
		json_object_set_new(input, "pages", json_integer((json_int_t)doc->pages));
	json_object_set_new(input, "bytes", json_integer((json_int_t)doc->len));
	json_object_set_new(root, "input", input);
	json_object_set_new(root, "primary", json_string(cov_node_kind_name(doc->primary)));
	json_object_set_new(root, "in_force", json_boolean(!doc->repealed));
	for (const cov_node *c = doc->root->first; c; c = c->next) {
		json_t *cj = node_json(doc, c);
		if (!cj) {
			json_decref(root);
			json_decref(nodes);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
		json_array_append_new(nodes, cj);
	}
	json_object_set_new(root, "nodes", nodes);
	return cov_render_json_dump(root, out);
}
