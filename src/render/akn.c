/*
 * akn.c — `--format akn`: the tree as Akoma Ntoso 3.0 XML (OASIS
 * LegalDocML): an act with FRBR work/expression/manifestation metadata, a
 * preface and preamble, and the body's hierarchy with eIds.  libxml2's text
 * writer does the escaping, so the output is well-formed whatever the input.
 */
#include "render.h"
#include "../refs/refs.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

/* Date of generation; SOURCE_DATE_EPOCH makes the output reproducible. */
static void today(char out[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void frbr(xmlTextWriterPtr w, const char *level, const char *this_uri, const char *date,
		 const char *lang)
{
	xmlTextWriterStartElement(w, BAD_CAST level);
	xmlTextWriterStartElement(w, BAD_CAST "FRBRthis");
	xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST this_uri);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "FRBRuri");
	xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST this_uri);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "FRBRdate");
	xmlTextWriterWriteAttribute(w, BAD_CAST "date", BAD_CAST date);
	xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "Generation");
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "FRBRauthor");
	xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST "#covenant");
	xmlTextWriterEndElement(w);
	if (strcmp(level, "FRBRWork") == 0) {
		xmlTextWriterStartElement(w, BAD_CAST "FRBRcountry");
		xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST "xx");
		xmlTextWriterEndElement(w);
	}
	if (lang) {
		xmlTextWriterStartElement(w, BAD_CAST "FRBRlanguage");
		xmlTextWriterWriteAttribute(w, BAD_CAST "language", BAD_CAST lang);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
}

/* Citations written as <ref href="#eId"> (cov_render_akn_refs_string):
 * spans in text order, none overlapping. */
typedef struct akn_ref { size_t start, end; const char *eid; } akn_ref;
typedef struct akn_refs { const char *base; const akn_ref *v; size_t n, next; } akn_refs;

static void raw_escaped(xmlTextWriterPtr w, const char *s, size_t n)
{
	char *t = strndup(s, n);
	xmlChar *e = t ? xmlEncodeSpecialChars(NULL, BAD_CAST t) : NULL;
	if (e)
		xmlTextWriterWriteRaw(w, e);
	xmlFree(e);
	free(t);
}

/* s[a, b) with the citations inside it as <ref>.  A line with one is
 * written raw (escaped here): the writer's indentation would otherwise put
 * spaces into the mixed content. */
static void text_with_refs(xmlTextWriterPtr w, const char *s, size_t a, size_t b, akn_refs *r)
{
	size_t off = r ? (size_t)(s - r->base) : 0, pos = a;
	while (r && r->next < r->n && r->v[r->next].end <= off + a)
		r->next++;
	bool any = false;
	for (size_t k = r ? r->next : 0; r && k < r->n && r->v[k].start < off + b && !any; k++)
		any = r->v[k].start >= off + a && r->v[k].end <= off + b;
	if (!any) {
		xmlTextWriterWriteFormatString(w, "%.*s", (int)(b - a), s + a);
		return;
	}
	while (r->next < r->n && r->v[r->next].start < off + b) {
		const akn_ref *x = &r->v[r->next];
		if (x->start >= off + pos && x->end <= off + b) {
			size_t xs = x->start - off, xe = x->end - off;
			raw_escaped(w, s + pos, xs - pos);
			xmlTextWriterWriteRaw(w, BAD_CAST "<ref href=\"#");
			raw_escaped(w, x->eid, strlen(x->eid));
			xmlTextWriterWriteRaw(w, BAD_CAST "\">");
			raw_escaped(w, s + xs, xe - xs);
			xmlTextWriterWriteRaw(w, BAD_CAST "</ref>");
			pos = xe;
		}
		r->next++;
	}
	raw_escaped(w, s + pos, b - pos);
}

/* One <p> per non-empty line of s[0..n). */
static void paragraphs(xmlTextWriterPtr w, const char *s, size_t n, akn_refs *r)
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		size_t a = i, b = e;
		while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
			b--;
		if (b > a) {
			xmlTextWriterStartElement(w, BAD_CAST "p");
			text_with_refs(w, s, a, b, r);
			xmlTextWriterEndElement(w);
		}
		i = e + 1;
	}
}

static const char *element(cov_node_kind k)
{
	switch (k) {
	case COV_NODE_PREFACE: return "preface";
	case COV_NODE_PREAMBLE: return "preamble";
	case COV_NODE_ATTACHMENT:
	case COV_NODE_NOTE: return "hcontainer";
	default: return cov_node_kind_name(k);
	}
}

static void write_node(xmlTextWriterPtr w, const cov_doc *doc, const cov_node *n, akn_refs *r)
{
	const char *text = doc->text + n->text_start;
	size_t len = n->text_end - n->text_start;
	if (n->kind == COV_NODE_PREFACE || n->kind == COV_NODE_PREAMBLE) {
		/* preface and preamble are containers of blocks, not hierarchy */
		xmlTextWriterStartElement(w, BAD_CAST element(n->kind));
		xmlTextWriterWriteAttribute(w, BAD_CAST "eId", BAD_CAST n->eid);
		if (n->heading[0] && n->kind == COV_NODE_PREAMBLE) {
			xmlTextWriterStartElement(w, BAD_CAST "p");
			xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST "heading");
			xmlTextWriterWriteString(w, BAD_CAST n->heading);
			xmlTextWriterEndElement(w);
		}
		paragraphs(w, text, len, r);
		for (const cov_node *c = n->first; c; c = c->next)
			paragraphs(w, doc->text + c->start, c->end - c->start, r);
		xmlTextWriterEndElement(w);
		return;
	}
	xmlTextWriterStartElement(w, BAD_CAST element(n->kind));
	if (n->kind == COV_NODE_ATTACHMENT || n->kind == COV_NODE_NOTE)
		xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST(n->kind == COV_NODE_NOTE ? "note" : "attachment"));
	xmlTextWriterWriteAttribute(w, BAD_CAST "eId", BAD_CAST n->eid);
	if (n->num_printed[0] || n->num[0]) {
		xmlTextWriterStartElement(w, BAD_CAST "num");
		xmlTextWriterWriteString(w, BAD_CAST(n->num_printed[0] ? n->num_printed : n->num));
		xmlTextWriterEndElement(w);
	}
	if (n->heading[0]) {
		xmlTextWriterStartElement(w, BAD_CAST "heading");
		xmlTextWriterWriteString(w, BAD_CAST n->heading);
		xmlTextWriterEndElement(w);
	}
	if (!n->first) {
		xmlTextWriterStartElement(w, BAD_CAST "content");
		if (len)
			paragraphs(w, text, len, r);
		else
			xmlTextWriterWriteElement(w, BAD_CAST "p", BAD_CAST "");
		xmlTextWriterEndElement(w);
	} else {
		if (len) {
			xmlTextWriterStartElement(w, BAD_CAST "intro");
			paragraphs(w, text, len, r);
			xmlTextWriterEndElement(w);
		}
		for (const cov_node *c = n->first; c; c = c->next)
			write_node(w, doc, c, r);
	}
	xmlTextWriterEndElement(w);
}

static int render_akn(const cov_doc *doc, cov_buf *out, akn_refs *r)
{
	xmlBufferPtr xb = xmlBufferCreate();
	if (!xb)
		return cov_error_set(COV_ENOMEM, "out of memory");
	xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
	if (!w) {
		xmlBufferFree(xb);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST " ");
	char date[11];
	today(date);
	const char *lang = cov_lang_iso639_2(doc->language);
	char work[256], expr[300], manif[320];
	snprintf(work, sizeof work, "/akn/xx/act/%s/covenant", date);
	snprintf(expr, sizeof expr, "%s/%s@", work, lang);
	snprintf(manif, sizeof manif, "%s/main.xml", expr);

	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "akomaNtoso");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST AKN_NS);
	xmlTextWriterStartElement(w, BAD_CAST "act");
	xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "act");
	xmlTextWriterStartElement(w, BAD_CAST "meta");
	xmlTextWriterStartElement(w, BAD_CAST "identification");
	xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST "#covenant");
	frbr(w, "FRBRWork", work, date, NULL);
	frbr(w, "FRBRExpression", expr, date, lang);
	frbr(w, "FRBRManifestation", manif, date, NULL);
	xmlTextWriterEndElement(w); /* identification */
	xmlTextWriterStartElement(w, BAD_CAST "references");
	xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST "#covenant");
	xmlTextWriterStartElement(w, BAD_CAST "TLCOrganization");
	xmlTextWriterWriteAttribute(w, BAD_CAST "eId", BAD_CAST "covenant");
	xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST "/ontology/organization/covenant");
	xmlTextWriterWriteAttribute(w, BAD_CAST "showAs", BAD_CAST "covenant");
	xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w); /* references */
	xmlTextWriterEndElement(w); /* meta */

	const cov_node *c = doc->root->first;
	for (; c && (c->kind == COV_NODE_PREFACE || c->kind == COV_NODE_PREAMBLE); c = c->next)
		write_node(w, doc, c, r);
	xmlTextWriterStartElement(w, BAD_CAST "body");
	if (!c) {
		xmlTextWriterStartElement(w, BAD_CAST "hcontainer");
		xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "empty");
		xmlTextWriterWriteAttribute(w, BAD_CAST "eId", BAD_CAST "hcontainer_1");
		xmlTextWriterStartElement(w, BAD_CAST "content");
		xmlTextWriterWriteElement(w, BAD_CAST "p", BAD_CAST "");
		xmlTextWriterEndElement(w);
		xmlTextWriterEndElement(w);
	}
	for (; c; c = c->next)
		write_node(w, doc, c, r);
	xmlTextWriterEndElement(w); /* body */
	xmlTextWriterEndElement(w); /* act */
	int rc = xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	if (rc < 0) {
		xmlBufferFree(xb);
		return cov_error_set(COV_ENOMEM, "cannot write Akoma Ntoso");
	}
	cov_buf_put(out, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return COV_OK;
}

int cov_render_akn_buf(const cov_doc *doc, cov_buf *out)
{
	return render_akn(doc, out, NULL);
}

/* The citations that resolved to a unit of the text: a lone citation is
 * its whole phrase, one of a list the number that is its own. */
int cov_render_akn_refs_string(const cov_doc *doc, const cov_refs *refs, char **out, size_t *len)
{
	size_t n = cov_refs_count(refs), k = 0;
	akn_ref *v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const cov_citation *c = cov_refs_get(refs, i);
		if (c->scope != COV_CITE_INTERNAL || !c->target || !c->target->eid[0])
			continue;
		bool shared = (i > 0 && cov_refs_get(refs, i - 1)->start == c->start) ||
			      (i + 1 < n && cov_refs_get(refs, i + 1)->start == c->start);
		akn_ref x = {c->start, c->end, c->target->eid};
		if (shared) {
			const cov_cite_step *s = &c->steps[c->n_steps - 1];
			if (s->num_end <= s->num_start)
				continue;
			x.start = s->num_start;
			x.end = s->num_end;
		}
		if (k && x.start < v[k - 1].end)
			continue; /* overlapping: the first one stays */
		v[k++] = x;
	}
	akn_refs r = {doc->text, v, k, 0};
	cov_buf b;
	cov_buf_init(&b);
	int rc = render_akn(doc, &b, &r);
	free(v);
	if (rc == COV_OK && b.oom)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc) {
		cov_buf_free(&b);
		return rc;
	}
	*len = 0;
	*out = b.ptr ? cov_buf_detach(&b, len) : calloc(1, 1);
	return *out ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
}
