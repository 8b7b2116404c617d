/*
 * fuzz_parse.c — libFuzzer target for ingest and the structure parser,
 * built three times: fuzz_text (FUZZ_FORMAT=COV_FORMAT_TEXT: encodings,
 * validation, line classification, structure, eIds, every renderer, and
 * covenant check and covenant diff with their renderers) and
 * fuzz_html (COV_FORMAT_HTML: libxml2 and the walk to lines first) and
 * fuzz_akn (COV_FORMAT_AKN: the Akoma Ntoso reader).
 * The invariants checked are the library's promises: spans inside the
 * text, children inside parents.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	const cov_data *data = fuzz_data();
	/* the first byte picks the language, so that the rights analysis runs
	 * on texts whose language detection would say "und" */
	static const char *const langs[] = {"auto", "en", "ru", "kk"};
	cov_parse_options o = {.format = FUZZ_FORMAT, .language = len ? langs[buf[0] % 4] : "auto"};
	cov_doc *doc;
	if (cov_doc_parse_buffer(data, (const char *)buf, len, "fuzz", &o, &doc) != COV_OK)
		return 0;
	fuzz_check_tree(doc);
	/* the rights analysis reads every provision's words */
	cov_review *rev;
	if (cov_check(data, doc, NULL, &rev) == COV_OK) {
		for (int f = COV_REVIEW_TEXT; f <= COV_REVIEW_MARKDOWN; f++) {
			char *s;
			size_t n;
			if (cov_render_review_string(data, rev, (cov_review_format)f, NULL, &s, &n) == COV_OK)
				free(s);
		}
		cov_review_free(rev);
	}
	/* the document against itself: alignment, word diff and impact */
	cov_comparison *cmp;
	if (cov_diff(data, doc, doc, &cmp) == COV_OK) {
		char *s;
		size_t n;
		if (cov_render_comparison_string(data, cmp, COV_REVIEW_JSON, NULL, &s, &n) == COV_OK)
			free(s);
		cov_comparison_free(cmp);
	}
	for (int f = COV_RENDER_JSON; f <= COV_RENDER_MARKDOWN; f++) {
		char *s;
		size_t n;
		if (cov_render_string(doc, (cov_render_format)f, &s, &n) == COV_OK)
			free(s);
	}
	cov_doc_free(doc);
	return 0;
}
