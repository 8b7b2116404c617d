/*
 * parse.c — the library's entry points for reading a document: ingest the
 * bytes, detect the language, scan and classify lines, build the tree,
 * give every unit its eId.
 */
#include "parse.h"
#include "../ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

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
	doc->root = cov_doc_new_node(doc, COV_NODE_DOCUMENT, NULL);
	if (!doc->root) {
		cov_doc_free(doc);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	doc->root->start = 0;
	doc->root->end = doc->len;
	doc->root->line = 1;
	line_set lines = {0};
	rc = cov_lines_scan(d, doc, &lines);
	if (rc == COV_OK)
		rc = cov_structure_build(d, doc, &lines);
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
