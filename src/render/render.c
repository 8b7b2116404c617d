/*
 * render.c — the dispatcher over renderers and the helpers they share.
 */
#include "render.h"

#include <jansson.h>

#include <stdlib.h>
#include <string.h>

int cov_render_string(const cov_doc *doc, cov_render_format fmt, char **out, size_t *len)
{
	*out = NULL;
	cov_buf b;
	cov_buf_init(&b);
	int rc;
	switch (fmt) {
	case COV_RENDER_JSON: rc = cov_render_json_buf(doc, &b); break;
	case COV_RENDER_TREE: rc = cov_render_tree_buf(doc, &b); break;
	case COV_RENDER_AKN: rc = cov_render_akn_buf(doc, &b); break;
	case COV_RENDER_MARKDOWN: rc = cov_render_md_buf(doc, &b); break;
	default: rc = cov_error_set(COV_EUSAGE, "unknown output format %d", (int)fmt);
	}
	return cov_render_finish(&b, rc, out, len);
}

int cov_render_finish(cov_buf *b, int rc, char **out, size_t *len)
{
	if (rc == COV_OK && b->oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc) {
		cov_buf_free(b);
		return rc;
	}
	*out = cov_buf_detach(b, len);
	return COV_OK;
}

int cov_render(const cov_doc *doc, cov_render_format fmt, FILE *out)
{
	if (fmt == COV_RENDER_JSON || fmt == COV_RENDER_TREE) {
		/* streamed: memory does not grow with the output */
		cov_buf b;
		cov_buf_init(&b);
		cov_out o = {&b, out, false};
		int rc = fmt == COV_RENDER_JSON ? cov_render_json_out(doc, &o) : cov_render_tree_out(doc, &o);
		cov_buf_free(&b);
		if (rc == COV_OK && fflush(out) != 0)
			rc = cov_error_set(COV_EIO, "cannot write the output");
		return rc;
	}
	char *s;
	size_t len;
	int rc = cov_render_string(doc, fmt, &s, &len);
	if (rc)
		return rc;
	size_t w = fwrite(s, 1, len, out);
	free(s);
	if (w != len || fflush(out) != 0)
		return cov_error_set(COV_EIO, "cannot write the output");
	return COV_OK;
}

static void out_write(cov_out *o)
{
	if (o->b->len && !o->err && fwrite(o->b->ptr, 1, o->b->len, o->f) != o->b->len)
		o->err = true;
	o->b->len = 0;
}

void cov_out_put(cov_out *o, const char *s, size_t n)
{
	cov_buf_put(o->b, s, n);
	if (o->f && o->b->len >= COV_OUT_CHUNK)
		out_write(o);
}

void cov_out_puts(cov_out *o, const char *s) { cov_out_put(o, s, strlen(s)); }

void cov_out_putc(cov_out *o, char c) { cov_out_put(o, &c, 1); }

void cov_out_drain(cov_out *o)
{
	if (o->f && o->b->len >= COV_OUT_CHUNK)
		out_write(o);
}

int cov_out_end(cov_out *o)
{
	if (o->b->oom)
		return cov_error_set(COV_ENOMEM, "out of memory");
	if (o->f)
		out_write(o);
	if (o->err)
		return cov_error_set(COV_EIO, "cannot write the output");
	return COV_OK;
}

void cov_render_label(const cov_node *n, cov_buf *out)
{
	cov_buf_puts(out, cov_node_kind_name(n->kind));
	if (n->num[0]) {
		cov_buf_putc(out, ' ');
		cov_buf_puts(out, n->num);
	}
}

const char *cov_lang_iso639_2(const char *code)
{
	static const char *const map[][2] = {
		{"en", "eng"}, {"ru", "rus"}, {"kk", "kaz"}, {"uk", "ukr"}, {"be", "bel"},
		{"ky", "kir"}, {"uz", "uzb"}, {"tg", "tgk"}, {"tk", "tuk"}, {"fr", "fra"},
		{"de", "deu"}, {"es", "spa"}, {"nl", "nld"}};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(code, map[i][0]) == 0)
			return map[i][1];
	return "und";
}

int cov_render_json_dump(json_t *root, cov_buf *b)
{
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
	json_decref(root);
	if (!s)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_buf_puts(b, s);
	cov_buf_putc(b, '\n');
	free(s);
	return COV_OK;
}
