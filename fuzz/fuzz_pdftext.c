/*
 * fuzz_pdftext.c — libFuzzer target for the PDF post-processing (pdf.c):
 * the input, cut into pages at form feeds, goes through running-header
 * removal and line joining as if poppler had returned it.  poppler's own
 * parser is poppler's to fuzz.
 */
#include "ingest/ingest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len);

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return 0;
	memcpy(copy, buf, len);
	copy[len] = '\0';
	/* pages at form feeds; NUL bytes end the text as they would poppler's */
	char *texts[64];
	size_t n = 0;
	for (char *p = copy; p && n < 64;) {
		texts[n++] = p;
		char *ff = strchr(p, '\f');
		if (ff)
			*ff++ = '\0';
		p = ff;
	}
	cov_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.name = "fuzz.pdf";
	if (cov_pdf_pages_to_text(&doc, texts, n) == COV_OK) {
		if (doc.len && doc.text[doc.len] != '\0')
			abort();
		free(doc.text);
	}
	free(copy);
	return 0;
}
