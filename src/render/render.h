/*
 * render.h — what the renderers share.  Each output format is one small
 * file walking the same tree (cmark's html.c/xml.c/man.c model); adding a
 * format never touches the parser.
 */
#ifndef COV_RENDER_H
#define COV_RENDER_H

#include "../doc/doc.h"

int cov_render_json_buf(const cov_doc *doc, cov_buf *out);
int cov_render_tree_buf(const cov_doc *doc, cov_buf *out);
int cov_render_akn_buf(const cov_doc *doc, cov_buf *out);
int cov_render_md_buf(const cov_doc *doc, cov_buf *out);

/* End a render into a string: on success hand over the buffer, else free it. */
int cov_render_finish(cov_buf *b, int rc, char **out, size_t *len);

/* Write a Jansson tree (taking it over) as indented JSON and a newline. */
struct json_t;
int cov_render_json_dump(struct json_t *root, cov_buf *b);
/* A finding as JSON (docs/json.md); `side` is "old"/"new" in a comparison, NULL in a review. */
struct json_t *cov_finding_json(const cov_finding *f, const char *side);

/* Short printable name of a node: "article 26-1", "preamble". */
void cov_render_label(const cov_node *n, cov_buf *out);
/* ISO 639-2 code for AKN's FRBRlanguage ("ru" → "rus"). */
const char *cov_lang_iso639_2(const char *code);

#endif
