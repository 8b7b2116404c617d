/*
 * parse.c — the library's entry points for reading a document: ingest the
 * bytes, detect the language, scan and classify lines, build the tree,
 * give every unit its eId.
 */
#include "parse.h"
#include "../ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

/* A tree read from Akoma Ntoso: close its spans, find its own texts, its
 * primary kind (articles or sections, whichever it has more of) and title. */
/* The first line of the preface that names the act (a title word), else its first line. */
static void title_from_preface(const cov_data *d, cov_doc *doc, const cov_node *pre)
{
	size_t a = pre->text_start, first_end = 0;
	while (a < pre->text_end) {
		size_t e = a;
		while (e < pre->text_end && doc->text[e] != '\n')
			e++;
		if (!first_end)
			first_end = e;
		char folded[1024];
		int fl = e - a < 300 ? cov_utf8_fold(doc->text + a, e - a, folded, sizeof folded) : -1;
		for (size_t i = 0; fl > 0 && i < d->n_langs; i++)
			for (size_t k = 0; k < d->langs[i].n_title_words; k++)
				if (strstr(folded, d->langs[i].title_words[k])) {
					doc->title = cov_arena_strndup(&doc->arena, doc->text + a, e - a);
					return;
				}
		a = e + 1;
	}
	if (first_end)
		doc->title = cov_arena_strndup(&doc->arena, doc->text + pre->text_start, first_end - pre->text_start);
}

static void prebuilt_tree(const cov_data *d, cov_doc *doc)
{
	doc->root->line = 1;
	cov_doc_close_spans(doc);
	cov_doc_finish_spans(doc);
	size_t articles = cov_doc_count(doc, COV_NODE_ARTICLE), sections = cov_doc_count(doc, COV_NODE_SECTION);
	doc->primary = sections > articles ? COV_NODE_SECTION : COV_NODE_ARTICLE;
	const cov_node *first = doc->root->first;
	if (first && first->kind == COV_NODE_PREFACE && first->text_end > first->text_start)
		title_from_preface(d, doc, first);
}

static int parse_owned(const cov_data *d, char *buf, size_t len, const char *name,
		       const cov_parse_options *opts, cov_doc **out)
{
	*out = NULL;
	cov_error_clear();
	cov_doc *doc = calloc(1, sizeof *doc);
	if (!doc || !(doc->name = strdup(name ? name : "<input>"))) {
		free(doc);
		free(buf);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	cov_arena_init(&doc->arena);
	int rc = cov_ingest(doc, buf, len, opts);
	if (rc) {
		cov_doc_free(doc);
		return rc;
	}
	const char *lang = opts && opts->language && strcmp(opts->language, "auto") != 0 ? opts->language : NULL;
	if (lang)
		snprintf(doc->language, sizeof doc->language, "%s", lang);
	else
		cov_lang_detect(d, doc->text + doc->body, doc->len - doc->body, doc->language);
	line_set lines = {0};
	if (doc->root) {
		/* the tree came with the input (Akoma Ntoso) */
		prebuilt_tree(d, doc);
	} else {
		doc->root = cov_doc_new_node(doc, COV_NODE_DOCUMENT, NULL);
		if (!doc->root) {
			cov_doc_free(doc);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
		doc->root->start = 0;
		doc->root->end = doc->len;
		doc->root->line = 1;
		rc = cov_lines_scan(d, doc, &lines);
		if (rc == COV_OK)
			rc = cov_structure_build(d, doc, &lines);
	}
	free(lines.v);
	if (rc == COV_OK)
		rc = cov_doc_assign_eids(doc);
	if (rc) {
		cov_doc_free(doc);
		return rc;
	}
	*out = doc;
	return COV_OK;
}

int cov_doc_parse_buffer(const cov_data *d, const char *buf, size_t len, const char *name,
			 const cov_parse_options *opts, cov_doc **out)
{
	*out = NULL;
	if (!d || (!buf && len))
		return cov_error_set(COV_EUSAGE, "cov_doc_parse_buffer: no data or no buffer");
	size_t max = opts && opts->max_bytes ? opts->max_bytes : COV_DEFAULT_MAX_BYTES;
	if (len > max)
		return cov_error_set(COV_EINPUT, "%s: input too large (%.1f MB; the limit is %.1f MB, see --max-size)",
				     name ? name : "<input>", len / 1048576.0, max / 1048576.0);
	char *copy = malloc(len + 1);
	if (!copy)
		return cov_error_set(COV_ENOMEM, "out of memory");
	if (len)
		memcpy(copy, buf, len);
	copy[len] = '\0';
	return parse_owned(d, copy, len, name, opts, out);
}

int cov_doc_parse_file(const cov_data *d, const char *path, const cov_parse_options *opts, cov_doc **out)
{
	*out = NULL;
	if (!d || !path)
		return cov_error_set(COV_EUSAGE, "cov_doc_parse_file: no data or no path");
	size_t max = opts && opts->max_bytes ? opts->max_bytes : COV_DEFAULT_MAX_BYTES;
	char *buf;
	size_t len;
	int rc = cov_read_file(path, max, &buf, &len);
	if (rc)
		return rc;
	return parse_owned(d, buf, len, strcmp(path, "-") == 0 ? "<stdin>" : path, opts, out);
}
