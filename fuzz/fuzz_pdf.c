/*
 * fuzz_pdf.c — libFuzzer target for a whole PDF through the public API
 * (cov_doc_parse_buffer with COV_FORMAT_PDF): poppler's text layer, then
 * the page post-processing and the structure parser.  poppler is not
 * instrumented (its own fuzzing is poppler's); what this reaches is how
 * covenant calls it — loading, errors, encrypted and empty documents — and
 * everything after.  fuzz_pdftext reaches the post-processing faster.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	const cov_data *data = fuzz_data();
	cov_parse_options o = {.format = COV_FORMAT_PDF, .max_bytes = 1 << 20};
	cov_doc *doc;
	if (cov_doc_parse_buffer(data, (const char *)buf, len, "fuzz.pdf", &o, &doc) != COV_OK)
		return 0;
	fuzz_check_tree(doc);
	if (cov_doc_pages(doc) == 0)
		abort();
	char *s;
	size_t n;
	if (cov_render_string(doc, COV_RENDER_TREE, &s, &n) == COV_OK)
		free(s);
	cov_doc_free(doc);
	return 0;
}
