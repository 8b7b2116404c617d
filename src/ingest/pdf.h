/*
 * pdf.h — between the poppler side (pdf.c, poppler loaded at run time) and
 * the post-processing (pdftext.c, which needs neither poppler nor GLib).
 */
#ifndef COV_PDF_H
#define COV_PDF_H

#include "../doc/doc.h"

/* Where a line of a page sits: its top and bottom, in points from the top
 * of the page.  top > bottom: not known (a line of spaces, no layout). */
typedef struct cov_pdf_box {
	float top, bottom;
} cov_pdf_box;

typedef struct cov_pdf_page {
	char *text;         /* the page's text, lines ended by '\n' (modified); NULL: none */
	double height;      /* the page's height in points; 0: no layout known */
	cov_pdf_box *boxes; /* one per '\n'-separated line of text, or NULL */
	size_t n_boxes;
} cov_pdf_page;

/* The post-processing on n pages with their layout: page furniture dropped
 * (a line repeated verbatim, or apart from a page number that counts with
 * the page, in the margin, that is neither a heading nor a sentence),
 * wrapped lines joined; fills doc->text and doc->pages. */
int cov_pdf_layout_to_text(cov_doc *doc, cov_pdf_page *pages, size_t n);

/* The name of the poppler-glib library loaded when a PDF is first read
 * (COVENANT_POPPLER in the environment overrides it). */
#define COV_POPPLER_SONAME "libpoppler-glib.so.8"

#endif
