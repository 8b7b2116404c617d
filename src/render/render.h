/*
 * render.h — what the renderers share.  Each output format is one small
 * file walking the same tree (cmark's html.c/xml.c/man.c model); adding a
 * format never touches the parser.
 */
#ifndef COV_RENDER_H
#define COV_RENDER_H

#include "../doc/doc.h"

#include <stdio.h>

int cov_render_json_buf(const cov_doc *doc, cov_buf *out);
int cov_render_tree_buf(const cov_doc *doc, cov_buf *out);

/* Where a streaming renderer writes: into `b`, which — when `f` is set —
 * is written out to `f` and emptied each time it holds COV_OUT_CHUNK
 * bytes, so the output never sits whole in memory. */
typedef struct cov_out {
	cov_buf *b;
	FILE *f;
	bool err;  /* writing to f failed */
} cov_out;
#define COV_OUT_CHUNK ((size_t)1 << 16)
void cov_out_put(cov_out *o, const char *s, size_t n);
void cov_out_puts(cov_out *o, const char *s);
void cov_out_putc(cov_out *o, char c);
/* Write out what `b` holds if it is COV_OUT_CHUNK or more. */
void cov_out_drain(cov_out *o);
/* The end: the rest written out; COV_OK, or the error (memory, writing). */
int cov_out_end(cov_out *o);
int cov_render_json_out(const cov_doc *doc, cov_out *o);
int cov_render_tree_out(const cov_doc *doc, cov_out *o);
int cov_render_akn_buf(const cov_doc *doc, cov_buf *out);
int cov_render_md_buf(const cov_doc *doc, cov_buf *out);

/* End a render into a string: on success hand over the buffer, else free it. */
int cov_render_finish(cov_buf *b, int rc, char **out, size_t *len);

/* Write a Jansson tree (taking it over) as indented JSON and a newline;
 * reals (similarities) with 3 significant digits. */
struct json_t;
int cov_render_json_dump(struct json_t *root, cov_buf *b);
/* A finding as JSON (docs/json.md); `side` is "old"/"new" in a comparison, NULL in a review. */
struct json_t *cov_finding_json(const cov_finding *f, const char *side);

/* Short printable name of a node: "article 26-1", "preamble". */
void cov_render_label(const cov_node *n, cov_buf *out);
/* ISO 639-2 code for AKN's FRBRlanguage ("ru" → "rus"). */
const char *cov_lang_iso639_2(const char *code);

#endif
