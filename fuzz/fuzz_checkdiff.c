/*
 * fuzz_checkdiff.c — libFuzzer target for covenant check and covenant diff
 * on two different texts.  The first byte picks the language and options;
 * the rest is cut at the first 0x1E byte into the old and the new version
 * (without one, at the line break nearest the middle).  Both are parsed as
 * text (or, when the low bits of the first byte are 3, in the format their
 * content shows); the old one is checked, the two are diffed, and every review and
 * comparison is rendered in every format.  Checked: the findings quote
 * their own document, pairs hold nodes of the right documents, changes lie
 * inside the texts, similarities in 0..1.
 */
#include "fuzz_common.h"

#include <string.h>

static void check_finding(const cov_finding *f)
{
	size_t n;
	cov_doc_text(f->doc, &n);
	if (f->start > f->end || f->end > n || !fuzz_node_in(f->doc, f->node) || !f->rule || !f->message ||
	    f->severity > COV_SEVERITY_HIGH)
		abort();
	/* the trigger lies inside the quote (or is empty) */
	if (f->trigger_start > f->trigger_end ||
	    (f->trigger_end > f->trigger_start && (f->trigger_start < f->start || f->trigger_end > f->end)))
		abort();
}

static void review(const cov_data *data, const cov_doc *doc, unsigned flags)
{
	cov_review *rev;
	if (cov_check(data, doc, NULL, &rev) != COV_OK)
		return;
	if (cov_review_doc(rev) != doc)
		abort();
	for (size_t i = 0; i < cov_review_count(rev); i++) {
		const cov_finding *f = cov_review_finding(rev, i);
		if (f->doc != doc)
			abort();
		check_finding(f);
	}
	for (size_t i = 0; i < cov_review_provision_count(rev); i++) {
		const cov_provision *p = cov_review_provision(rev, i);
		if (!fuzz_node_in(doc, p->node))
			abort();
	}
	cov_review_options ro = {
	    .min_severity = (cov_severity)((flags >> 2) & 3), .show_positive = flags & 16, .color = flags & 32};
	for (int f = COV_REVIEW_TEXT; f <= COV_REVIEW_MARKDOWN; f++) {
		char *s;
		size_t n;
		if (cov_render_review_string(data, rev, (cov_review_format)f, flags & 64 ? &ro : NULL, &s, &n) ==
		    COV_OK) {
			if (strlen(s) != n)
				abort();
			free(s);
		}
	}
	cov_review_free(rev);
}

static void compare(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, unsigned flags)
{
	cov_comparison *cmp;
	if (cov_diff_ex(data, old, new_doc, flags & 128 ? COV_DIFF_NO_IMPACT : 0, &cmp) != COV_OK)
		return;
	size_t on, nn;
	cov_doc_text(old, &on);
	cov_doc_text(new_doc, &nn);
	for (size_t i = 0; i < cov_comparison_pair_count(cmp); i++) {
		const cov_pair *p = cov_comparison_pair(cmp, i);
		if (!fuzz_node_in(old, p->old_node) || !fuzz_node_in(new_doc, p->new_node) || !(p->similarity >= 0) ||
		    !(p->similarity <= 1.0 + 1e-9))
			abort();
		for (size_t c = 0; c < p->n_changes; c++) {
			const cov_change *ch = &p->changes[c];
			if (ch->old_start > ch->old_end || ch->old_end > on || ch->new_start > ch->new_end ||
			    ch->new_end > nn)
				abort();
		}
	}
	for (size_t i = 0; i < cov_comparison_added_count(cmp); i++)
		if (!fuzz_node_in(new_doc, cov_comparison_added(cmp, i)))
			abort();
	for (size_t i = 0; i < cov_comparison_removed_count(cmp); i++)
		if (!fuzz_node_in(old, cov_comparison_removed(cmp, i)))
			abort();
	for (size_t i = 0; i < cov_comparison_finding_count(cmp); i++) {
		const cov_finding *f = cov_comparison_finding(cmp, i);
		if (f->doc != old && f->doc != new_doc)
			abort();
		check_finding(f);
	}
	cov_diff_options dopt = {
	    .old_label = "old", .new_label = "new", .color = flags & 32, .show_unchanged = flags & 16};
	for (int f = COV_REVIEW_TEXT; f <= COV_REVIEW_MARKDOWN; f++) {
		char *s;
		size_t n;
		if (cov_render_comparison_string(data, cmp, (cov_review_format)f, flags & 64 ? &dopt : NULL, &s, &n) ==
		    COV_OK) {
			if (strlen(s) != n)
				abort();
			free(s);
		}
	}
	cov_comparison_free(cmp);
}

int LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	const cov_data *data = fuzz_data();
	if (len < 1)
		return 0;
	unsigned flags = buf[0];
	const char *in = (const char *)buf + 1;
	len--;
	size_t cut, rest;
	const char *sep = memchr(in, 0x1e, len);
	if (sep) {
		cut = (size_t)(sep - in);
		rest = cut + 1;
	} else {
		cut = len / 2;
		while (cut < len && in[cut] != '\n')
			cut++;
		rest = cut;
	}
	static const char *const langs[] = {"auto", "en", "ru", "auto"};
	/* 3: the format sniffed from the content (HTML, AKN, DOCX, PDF…) */
	cov_parse_options o = {.format = (flags & 3) == 3 ? COV_FORMAT_AUTO : COV_FORMAT_TEXT,
			       .language = langs[flags & 3]};
	cov_doc *old, *new_doc;
	if (cov_doc_parse_buffer(data, in, cut, "old", &o, &old) != COV_OK)
		return 0;
	if (cov_doc_parse_buffer(data, in + rest, len - rest, "new", &o, &new_doc) != COV_OK) {
		cov_doc_free(old);
		return 0;
	}
	fuzz_check_tree(old);
	fuzz_check_tree(new_doc);
	review(data, old, flags);
	compare(data, old, new_doc, flags);
	cov_doc_free(new_doc);
	cov_doc_free(old);
	return 0;
}
