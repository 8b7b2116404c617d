/*
 * pdf.c — PDF to text with poppler-glib: the text layer in reading order,
 * page by page, with where each line sits (for pdftext.c, which drops the
 * page furniture and joins wrapped lines).  No OCR: a PDF without a text
 * layer is an error that says so.
 *
 * poppler-glib (and with it GLib, cairo, NSS, X11…: some forty libraries)
 * is loaded with dlopen when the first PDF is read, not when covenant
 * starts: the headers give the types, the library the functions.
 */
#include "ingest.h"
#include "pdf.h"

#include <poppler.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The functions used, typed from poppler's and GLib's own headers. */
static struct {
	__typeof__(&poppler_document_new_from_bytes) document_new_from_bytes;
	__typeof__(&poppler_document_get_n_pages) document_get_n_pages;
	__typeof__(&poppler_document_get_page) document_get_page;
	__typeof__(&poppler_page_get_text) page_get_text;
	__typeof__(&poppler_page_get_text_layout) page_get_text_layout;
	__typeof__(&poppler_page_get_size) page_get_size;
	__typeof__(&poppler_error_quark) error_quark;
	__typeof__(&g_bytes_new_static) bytes_new_static;
	__typeof__(&g_bytes_unref) bytes_unref;
	__typeof__(&g_object_unref) object_unref;
	__typeof__(&g_error_free) error_free;
	__typeof__(&g_free) free;
} P;
static bool loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_poppler(void)
{
	static const cov_dl_sym syms[] = {
#define SYM(field, fn) {#fn, offsetof(__typeof__(P), field)}
		SYM(document_new_from_bytes, poppler_document_new_from_bytes),
		SYM(document_get_n_pages, poppler_document_get_n_pages),
		SYM(document_get_page, poppler_document_get_page),
		SYM(page_get_text, poppler_page_get_text),
		SYM(page_get_text_layout, poppler_page_get_text_layout),
		SYM(page_get_size, poppler_page_get_size),
		SYM(error_quark, poppler_error_quark),
		SYM(bytes_new_static, g_bytes_new_static),
		SYM(bytes_unref, g_bytes_unref),
		SYM(object_unref, g_object_unref),
		SYM(error_free, g_error_free),
		SYM(free, g_free),
#undef SYM
	};
	loaded = cov_dl_load("COVENANT_POPPLER", COV_POPPLER_SONAME, syms, sizeof syms / sizeof *syms, &P);
}

/* Split the page's text at '\n' and give every line the box around its
 * visible characters; poppler gives one rectangle per character of the
 * text (or the page gets no layout, if the counts disagree). */
static void page_layout(PopplerPage *page, cov_pdf_page *out)
{
	PopplerRectangle *r = NULL;
	guint nr = 0;
	double w = 0, h = 0;
	P.page_get_size(page, &w, &h);
	if (!P.page_get_text_layout(page, &r, &nr)) {
		P.free(r);
		return;
	}
	const char *t = out->text;
	size_t len = strlen(t), lines = 1, chars = 0;
	for (size_t i = 0; i < len;) {
		lines += t[i] == '\n';
		cov_utf8_next(t, len, &i);
		chars++;
	}
	cov_pdf_box *b = chars == nr ? malloc(lines * sizeof *b) : NULL;
	if (b) {
		size_t line = 0, k = 0;
		b[0] = (cov_pdf_box){1, 0};
		for (size_t i = 0; i < len; k++) {
			int32_t c = cov_utf8_next(t, len, &i);
			if (c == '\n') {
				b[++line] = (cov_pdf_box){1, 0};
			} else if (c != ' ' && c != '\t' && c != '\r') {
				float y1 = (float)r[k].y1, y2 = (float)r[k].y2;
				if (y1 > y2) {
					float s = y1;
					y1 = y2;
					y2 = s;
				}
				cov_pdf_box *x = &b[line];
				bool first = x->top > x->bottom;
				x->top = first || y1 < x->top ? y1 : x->top;
				x->bottom = first || y2 > x->bottom ? y2 : x->bottom;
			}
		}
		out->boxes = b;
		out->n_boxes = lines;
		out->height = h;
	}
	P.free(r);
}

int cov_pdf_extract(cov_doc *doc, const char *buf, size_t len)
{
	pthread_once(&load_once, load_poppler);
	if (!loaded)
		return cov_error_set(COV_EINPUT, "%s: PDF support needs libpoppler-glib8 (apt-get install libpoppler-glib8)",
				     doc->name);
	GError *err = NULL;
	GBytes *bytes = P.bytes_new_static(buf, len);
	PopplerDocument *pdf = P.document_new_from_bytes(bytes, NULL, &err);
	if (!pdf) {
		int rc;
		if (err && err->domain == P.error_quark() && err->code == POPPLER_ERROR_ENCRYPTED)
			rc = cov_error_set(COV_EINPUT, "%s: encrypted PDF (it needs a password; covenant cannot read it)",
					   doc->name);
		else
			rc = cov_error_set(COV_EINPUT, "%s: not a readable PDF (%s)", doc->name,
					   err ? err->message : "unknown error");
		if (err)
			P.error_free(err);
		P.bytes_unref(bytes);
		return rc;
	}
	int n = P.document_get_n_pages(pdf);
	size_t pages = (size_t)(n > 0 ? n : 0);
	cov_pdf_page *pg = calloc(pages + 1, sizeof *pg);
	int rc = pg ? COV_OK : cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; rc == COV_OK && i < pages; i++) {
		PopplerPage *page = P.document_get_page(pdf, (int)i);
		if (!page)
			continue;
		pg[i].text = P.page_get_text(page);
		if (pg[i].text)
			page_layout(page, &pg[i]);
		P.object_unref(page);
	}
	if (rc == COV_OK)
		rc = cov_pdf_layout_to_text(doc, pg, pages);
	for (size_t i = 0; pg && i < pages; i++) {
		P.free(pg[i].text);
		free(pg[i].boxes);
	}
	free(pg);
	P.object_unref(pdf);
	P.bytes_unref(bytes);
	return rc;
}
