/*
 * docx.c — Word (DOCX) to text: the zip is read with libzip, its
 * word/document.xml with libxml2; each paragraph (w:p) becomes a line, and
 * automatic numbering (w:numPr) is written out as "1.", "2." … per list and
 * level, as Word displays it.  The archive is checked before anything is
 * inflated: an entry larger than the input limit, or compressed more than
 * 200 to 1, is refused (a zip bomb).
 */
#include "ingest.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MAX_RATIO 200

static bool is_w(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlChar *w_attr(const xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

/* Numbering state: counters per list id and level (Word's numId/ilvl). */
typedef struct numbering {
	int num_id[64];
	int count[64][9];
	size_t n;
} numbering;

static void number_prefix(numbering *nb, int num_id, int level, cov_buf *out)
{
	if (level < 0 || level > 8)
		level = 0;
	size_t i = 0;
	while (i < nb->n && nb->num_id[i] != num_id)
		i++;
	if (i == nb->n) {
		if (nb->n == 64)
			return;
		nb->num_id[nb->n] = num_id;
		memset(nb->count[nb->n], 0, sizeof nb->count[nb->n]);
		nb->n++;
	}
	nb->count[i][level]++;
	for (int l = level + 1; l < 9; l++)
		nb->count[i][l] = 0;
	int v = nb->count[i][level];
	if (level == 0)
		cov_buf_printf(out, "%d. ", v);
	else if (level == 1)
		cov_buf_printf(out, "%d) ", v);
	else
		cov_buf_printf(out, "(%c) ", v <= 26 ? 'a' + v - 1 : 'z');
}

/* The text of one paragraph, numbering first. */
static void paragraph(xmlNode *p, numbering *nb, cov_buf *out)
{
	/* w:pPr/w:numPr/{w:ilvl, w:numId} */
	for (xmlNode *c = p->children; c; c = c->next) {
		if (!is_w(c, "pPr"))
			continue;
		for (xmlNode *np = c->children; np; np = np->next) {
			if (!is_w(np, "numPr"))
				continue;
			int level = 0, id = -1;
			for (xmlNode *x = np->children; x; x = x->next) {
				xmlChar *v = w_attr(x, "val");
				if (v && is_w(x, "ilvl"))
					level = atoi((const char *)v);
				if (v && is_w(x, "numId"))
					id = atoi((const char *)v);
				xmlFree(v);
			}
			if (id > 0)
				number_prefix(nb, id, level, out);
		}
	}
	/* runs in order, without recursion: w:r/w:t, w:tab, w:br */
	xmlNode *n = p->children;
	while (n && n != p) {
		if (is_w(n, "t")) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t)
				cov_buf_puts(out, (const char *)t);
			xmlFree(t);
		} else if (is_w(n, "tab")) {
			cov_buf_putc(out, ' ');
		} else if (is_w(n, "br")) {
			cov_buf_putc(out, '\n');
		}
		if (n->children && !is_w(n, "t") && !is_w(n, "pPr")) {
			n = n->children;
			continue;
		}
		while (n && n != p && !n->next)
			n = n->parent;
		if (n && n != p)
			n = n->next;
	}
	cov_buf_putc(out, '\n');
}

int cov_docx_extract(cov_doc *doc, const char *buf, size_t len, size_t max)
{
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &zerr);
	zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
	if (!zip) {
		int rc = cov_error_set(COV_EINPUT, "%s: not a readable DOCX (zip: %s)", doc->name, zip_error_strerror(&zerr));
		zip_error_fini(&zerr);
		if (src)
			zip_source_free(src);
		return rc;
	}
	zip_error_fini(&zerr);
	zip_stat_t st;
	zip_stat_init(&st);
	int rc = COV_OK;
	if (zip_stat(zip, "word/document.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		rc = cov_error_set(COV_EINPUT, "%s: a zip archive without word/document.xml (not a DOCX)", doc->name);
	} else if (st.size > max || ((st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size && st.size / st.comp_size > MAX_RATIO)) {
		rc = cov_error_set(COV_EINPUT,
				   "%s: word/document.xml would inflate to %llu bytes from %llu (a zip bomb?); refused",
				   doc->name, (unsigned long long)st.size, (unsigned long long)st.comp_size);
	}
	char *xml = NULL;
	if (rc == COV_OK) {
		xml = malloc(st.size + 1);
		zip_file_t *f = xml ? zip_fopen(zip, "word/document.xml", 0) : NULL;
		zip_int64_t got = f ? zip_fread(f, xml, st.size) : -1;
		if (f)
			zip_fclose(f);
		if (got < 0 || (zip_uint64_t)got != st.size)
			rc = cov_error_set(COV_EINPUT, "%s: cannot read word/document.xml from the archive", doc->name);
	}
	zip_close(zip);
	if (rc) {
		free(xml);
		return rc;
	}
	/* no network, no entity expansion: a hostile document cannot reach out */
	xmlDocPtr x = xmlReadMemory(xml, (int)st.size, "document.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
										    XML_PARSE_NOWARNING);
	free(xml);
	if (!x)
		return cov_error_set(COV_EINPUT, "%s: word/document.xml is not well-formed XML", doc->name);
	/* Word never writes a DTD; one can only be there to expand entities
	 * (billion laughs) or reach files (external entities) */
	if (x->intSubset || x->extSubset) {
		xmlFreeDoc(x);
		return cov_error_set(COV_EINPUT, "%s: word/document.xml declares a DTD; refused (entities are not expanded)",
				     doc->name);
	}
	cov_buf out;
	cov_buf_init(&out);
	numbering nb;
	memset(&nb, 0, sizeof nb);
	/* every w:p in document order, without recursion */
	xmlNode *root = xmlDocGetRootElement(x), *n = root;
	while (n) {
		if (is_w(n, "p")) {
			paragraph(n, &nb, &out);
		} else if (n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
	xmlFreeDoc(x);
	if (out.oom) {
		cov_buf_free(&out);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (!out.len || cov_utf8_invalid_at(out.ptr, out.len) < out.len || memchr(out.ptr, 0, out.len)) {
		cov_buf_free(&out);
		return cov_error_set(COV_EINPUT, "%s: the DOCX contains no readable text", doc->name);
	}
	doc->text = cov_buf_detach(&out, &doc->len);
	doc->body = 0;
	return COV_OK;
}
