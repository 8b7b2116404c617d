/*
 * test_diff.c — covenant diff: alignment robust to renumbering, word-level
 * changes, and the rights impact; on the Veridia examples, on texts written
 * for one behaviour each, and (with ../shared/corpus) on Kazakhstan
 * 1995 → 2026, Russia's editions, Belarus and two English translations.
 */
#include "helpers.h"
#include "diff/diff.h"
#include "parse/lexicon.h"
#include "util/chain.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cov_comparison *compare(cov_doc *a, cov_doc *b)
{
	cov_comparison *c;
	if (cov_diff(test_data, a, b, &c) != COV_OK)
		fail_msg("diff failed: %s", cov_error_last());
	return c;
}

/* The pair whose old article has number `old_num`, NULL if none. */
static const cov_pair *pair_of(const cov_comparison *c, const char *old_num)
{
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++)
		if (strcmp(cov_node_num(cov_comparison_pair(c, i)->old_node), old_num) == 0)
			return cov_comparison_pair(c, i);
	return NULL;
}

static void expect_pair(const cov_comparison *c, const char *old_num, const char *new_num)
{
	const cov_pair *p = pair_of(c, old_num);
	if (!p)
		fail_msg("old article %s has no pair", old_num);
	if (strcmp(cov_node_num(p->new_node), new_num) != 0)
		fail_msg("old article %s paired with %s, expected %s", old_num, cov_node_num(p->new_node), new_num);
}

static size_t rule_count(const cov_comparison *c, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < cov_comparison_finding_count(c); i++)
		n += strcmp(cov_comparison_finding(c, i)->rule, rule) == 0;
	return n;
}

static bool removed(const cov_comparison *c, const char *num)
{
	for (size_t i = 0; i < cov_comparison_removed_count(c); i++)
		if (strcmp(cov_node_num(cov_comparison_removed(c, i)), num) == 0)
			return true;
	return false;
}

static bool added(const cov_comparison *c, const char *num)
{
	for (size_t i = 0; i < cov_comparison_added_count(c); i++)
		if (strcmp(cov_node_num(cov_comparison_added(c, i)), num) == 0)
			return true;
	return false;
}

static void veridia(void **state)
{
	(void)state;
	cov_doc *a = example_doc("veridia-2015.txt"), *b = example_doc("veridia-2024.txt");
	cov_comparison *c = compare(a, b);
	/* a new article 4 moves every right by one */
	expect_pair(c, "1", "1");
	expect_pair(c, "4", "5");
	expect_pair(c, "10", "11");
	expect_pair(c, "15", "16");
	expect_pair(c, "16", "17");
	assert_int_equal(pair_of(c, "1")->status, COV_PAIR_UNCHANGED);
	assert_int_equal(pair_of(c, "3")->status, COV_PAIR_MODIFIED);
	assert_int_equal(pair_of(c, "10")->status, COV_PAIR_RENUMBERED);
	assert_true(pair_of(c, "6")->similarity > 0.99); /* torture: same words, new number */
	assert_int_equal(pair_of(c, "6")->n_changes, 0);
	assert_true(removed(c, "12"));                     /* the right to strike */
	assert_true(added(c, "4") && added(c, "13"));      /* associations; marriage */
	/* inside a pair: "Everyone has" → "Citizens of Veridia have" */
	const cov_pair *p = pair_of(c, "10");
	size_t la, lb;
	const char *ta = cov_doc_text(a, &la), *tb = cov_doc_text(b, &lb);
	bool found = false;
	for (size_t k = 0; k < p->n_changes; k++) {
		const cov_change *ch = &p->changes[k];
		if (ch->op == COV_CHANGE_REPLACE && ch->old_end - ch->old_start == strlen("Everyone has") &&
		    strncmp(ta + ch->old_start, "Everyone has", ch->old_end - ch->old_start) == 0 &&
		    strncmp(tb + ch->new_start, "Citizens of Veridia have", ch->new_end - ch->new_start) == 0)
			found = true;
	}
	assert_true(found);
	/* the rights impact */
	assert_int_equal(rule_count(c, "regression.right-removed"), 1);            /* strike */
	assert_int_equal(rule_count(c, "regression.treaty-primacy-removed"), 1);
	assert_int_equal(rule_count(c, "regression.holder-narrowed"), 2);          /* assembly, association */
	assert_true(rule_count(c, "regression.grounds-added") >= 2);                /* religion, assembly */
	assert_int_equal(rule_count(c, "improvement.death-penalty-abolished"), 1);
	assert_true(rule_count(c, "improvement.protection-added") >= 1);            /* personal data */
	for (size_t i = 0; i < cov_comparison_finding_count(c); i++) {
		const cov_finding *f = cov_comparison_finding(c, i);
		assert_true(f->doc == a || f->doc == b);
		assert_true(f->start < f->end && f->end <= cov_node_end(f->node));
	}
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

static void moved_split_merged(void **state)
{
	(void)state;
	cov_doc *a = parse_str(
		"Article 1\nThe flag of the republic is red, white and green, with a golden eagle in the centre.\n"
		"Article 2\nThe capital of the republic is the city of Alba, seat of the parliament and the government.\n"
		"Article 3\nEveryone has the right to education. Primary education is free and compulsory for all children.\n"
		"Article 4\nThe courts are independent and subject only to the constitution and the law of the land.\n"
		"Article 5\nThe state language is Albish. Minorities may use their languages before local authorities.\n"
		"Article 6\nThe president is elected for five years. The same person may not be elected more than twice.\n"
		"Article 7\nTaxes are established only by law. No one shall pay a tax that the parliament has not voted.\n");
	cov_doc *b = parse_str(
		"Article 1\nThe capital of the republic is the city of Alba, seat of the parliament and the government.\n"
		"Article 2\nThe courts are independent and subject only to the constitution and the law of the land.\n"
		"Article 3\nEveryone has the right to education.\n"
		"Article 4\nPrimary education is free and compulsory for all children.\n"
		"Article 5\nThe state language is Albish. Minorities may use their languages before local authorities. "
		"The president is elected for five years. The same person may not be elected more than twice.\n"
		"Article 6\nTaxes are established only by law. No one shall pay a tax that the parliament has not voted.\n"
		"Article 7\nThe flag of the republic is red, white and green, with a golden eagle in the centre.\n"
		"Article 8\nThe national anthem is the Hymn of the Mountains, adopted in the year of independence.\n");
	cov_comparison *c = compare(a, b);
	expect_pair(c, "1", "7");
	assert_int_equal(pair_of(c, "1")->status, COV_PAIR_MOVED);
	expect_pair(c, "2", "1");
	assert_int_equal(pair_of(c, "2")->status, COV_PAIR_RENUMBERED);
	/* article 3 split into 3 and 4 */
	size_t split = 0;
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		if (strcmp(cov_node_num(p->old_node), "3") == 0) {
			assert_int_equal(p->status, COV_PAIR_SPLIT);
			split++;
		}
	}
	assert_int_equal(split, 2);
	/* articles 5 and 6 merged into 5 */
	assert_int_equal(pair_of(c, "5")->status, COV_PAIR_MERGED);
	assert_int_equal(pair_of(c, "6")->status, COV_PAIR_MERGED);
	assert_string_equal(cov_node_num(pair_of(c, "6")->new_node), "5");
	assert_true(added(c, "8"));
	assert_int_equal(cov_comparison_removed_count(c), 0);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

static void json_contract(void **state)
{
	(void)state;
	cov_doc *a = example_doc("veridia-2015.txt"), *b = example_doc("veridia-2024.txt");
	cov_comparison *c = compare(a, b);
	char *s;
	size_t len;
	cov_diff_options o = {.old_label = "2015", .new_label = "2024"};
	assert_int_equal(cov_render_comparison_string(test_data, c, COV_REVIEW_JSON, &o, &s, &len), COV_OK);
	json_error_t err;
	json_t *root = json_loads(s, 0, &err);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(root, "format")), 1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "old"), "label")), "2015");
	json_t *pairs = json_object_get(root, "pairs");
	assert_int_equal(json_array_size(pairs), cov_comparison_pair_count(c));
	size_t i;
	json_t *p;
	json_array_foreach(pairs, i, p) {
		static const char *const keys[] = {"old", "new", "old_num", "new_num", "status", "similarity", "changes"};
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
			if (!json_object_get(p, keys[k]))
				fail_msg("pair lacks %s", keys[k]);
	}
	assert_true(json_array_size(json_object_get(root, "added")) == 2);
	assert_true(json_array_size(json_object_get(root, "removed")) == 1);
	assert_true(json_array_size(json_object_get(root, "findings")) == cov_comparison_finding_count(c));
	json_decref(root);
	free(s);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* Similarities print with three significant digits ("0.548"), not the
 * seventeen of a double ("0.54800000000000004"). */
static void similarity_precision(void **state)
{
	(void)state;
	cov_doc *a = example_doc("veridia-2015.txt"), *b = example_doc("veridia-2024.txt");
	cov_comparison *c = compare(a, b);
	char *s;
	size_t len;
	cov_diff_options o = {.old_label = "2015", .new_label = "2024"};
	assert_int_equal(cov_render_comparison_string(test_data, c, COV_REVIEW_JSON, &o, &s, &len), COV_OK);
	size_t seen = 0;
	for (const char *at = strstr(s, "\"similarity\": "); at; at = strstr(at + 1, "\"similarity\": ")) {
		const char *v = at + strlen("\"similarity\": ");
		size_t digits = strspn(v, "0123456789.");
		if (digits > 5)
			fail_msg("similarity printed as %.*s", (int)digits, v);
		seen++;
	}
	assert_int_equal(seen, cov_comparison_pair_count(c));
	free(s);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* A made-up word of its own for article k ("zobace…"), which no stemmer
 * shortens into another's. */
static void unique_word(char *out, const char *prefix, size_t k)
{
	static const char *const syl[] = {"ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu"};
	strcpy(out, prefix);
	do {
		strcat(out, syl[k % 10]);
		k /= 10;
	} while (k);
	strcat(out, "t");
}

/* A text of n articles sharing common words, each with two words of its
 * own; article `moved` (1-based, 0 for none) is taken out and put last,
 * the others renumbered. */
static cov_doc *many_articles(size_t n, size_t moved)
{
	size_t cap = n * 160 + 64, len = 0;
	char *t = malloc(cap);
	assert_non_null(t);
	size_t num = 1;
	for (size_t step = 1; step <= n; step++) {
		size_t k = step;
		if (moved && step >= moved)
			k = step == n ? moved : step + 1;
		char w1[64], w2[64];
		unique_word(w1, "zo", k);
		unique_word(w2, "xa", k);
		len += (size_t)snprintf(t + len, cap - len,
					"Article %zu.\nEvery person under the law of the republic has the %s and the %s.\n\n",
					num++, w1, w2);
	}
	cov_doc *d = parse_str_opts(t, len, NULL);
	free(t);
	return d;
}

/* The alignment's cost is decided up front and grows with the texts, not
 * with old × new articles; an article moved across the whole text is still
 * found (by its own words) when far pairs are not compared word by word. */
static void cost_grows_linearly(void **state)
{
	(void)state;
	size_t comparisons[2], kept[2];
	for (int k = 0; k < 2; k++) {
		size_t n = k ? 8000 : 4000;
		cov_doc *a = many_articles(n, 0), *b = many_articles(n, 10);
		cov_comparison *c;
		if (cov_diff_ex(test_data, a, b, COV_DIFF_NO_IMPACT, &c) != COV_OK)
			fail_msg("diff failed: %s", cov_error_last());
		assert_true(c->banded);
		comparisons[k] = c->comparisons;
		kept[k] = c->kept;
		assert_true(c->kept <= 128 * n);
		/* every article found: the moved one at the end, the others one up */
		assert_int_equal(cov_comparison_pair_count(c), n);
		char last[32];
		snprintf(last, sizeof last, "%zu", n);
		expect_pair(c, "10", last);
		assert_int_equal(pair_of(c, "10")->status, COV_PAIR_MOVED);
		expect_pair(c, "11", "10");
		expect_pair(c, "9", "9");
		snprintf(last, sizeof last, "%zu", n - 1);
		char prev[32];
		snprintf(prev, sizeof prev, "%zu", n);
		expect_pair(c, prev, last);
		cov_comparison_free(c);
		cov_doc_free(a);
		cov_doc_free(b);
	}
	/* twice the articles: about twice the work (comparing all pairs: 4×) */
	if (comparisons[1] > comparisons[0] * 5 / 2)
		fail_msg("word comparisons grew from %zu to %zu for twice the articles", comparisons[0], comparisons[1]);
	if (kept[1] > kept[0] * 5 / 2)
		fail_msg("similarities kept grew from %zu to %zu for twice the articles", kept[0], kept[1]);
}

static void identical_and_empty(void **state)
{
	(void)state;
	cov_doc *a = example_doc("veridia-2024.txt"), *b = example_doc("veridia-2024.txt");
	cov_comparison *c = compare(a, b);
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++)
		assert_int_equal(cov_comparison_pair(c, i)->status, COV_PAIR_UNCHANGED);
	assert_int_equal(cov_comparison_pair_count(c), 17);
	assert_int_equal(cov_comparison_finding_count(c), 0);
	cov_comparison_free(c);
	/* a text without articles: everything is added */
	cov_doc *e = parse_str("A letter with no articles at all.\n");
	c = compare(e, b);
	assert_int_equal(cov_comparison_pair_count(c), 0);
	assert_int_equal(cov_comparison_added_count(c), 17);
	cov_comparison_free(c);
	cov_doc_free(e);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* ---- real texts ---- */

static cov_doc *corpus_doc(const char *rel, bool *skipped)
{
	char buf[4096];
	const char *path = corpus_path(rel, buf, sizeof buf);
	*skipped = !path;
	if (!path)
		return NULL;
	cov_doc *d;
	if (cov_doc_parse_file(test_data, path, NULL, &d) != COV_OK)
		fail_msg("%s", cov_error_last());
	return d;
}

static void kazakhstan_1995_2026(void **state)
{
	(void)state;
	bool s1, s2;
	cov_doc *a = corpus_doc("kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md", &s1);
	cov_doc *b = corpus_doc("kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", &s2);
	if (s1 || s2) {
		cov_doc_free(a);
		cov_doc_free(b);
		skip();
	}
	cov_comparison *c = compare(a, b);
	/* publicly reported correspondences */
	expect_pair(c, "5", "6");
	expect_pair(c, "20", "23");
	expect_pair(c, "32", "34");
	expect_pair(c, "39", "41");
	/* HRW: the right to strike dropped, treaty primacy removed, assembly
	 * restricted on new grounds; the death penalty abolished */
	size_t strike = 0;
	for (size_t i = 0; i < cov_comparison_finding_count(c); i++) {
		const cov_finding *f = cov_comparison_finding(c, i);
		if (strcmp(f->rule, "regression.right-removed") == 0 && strcmp(f->article, "24") == 0) {
			strike++;
			/* cited from data/standards/icescr.txt, not from C */
			assert_non_null(f->citation);
			assert_string_equal(f->citation, "ICESCR art. 8(1)(d)");
			assert_string_equal(f->standard_id, "icescr:8");
			assert_non_null(strstr(f->message, "ICESCR art. 8(1)(d)"));
		}
		if (strcmp(f->rule, "regression.grounds-added") == 0 && f->standard == 21)
			assert_string_equal(f->article, "34");
	}
	assert_int_equal(strike, 1);
	assert_int_equal(rule_count(c, "regression.treaty-primacy-removed"), 1);
	assert_true(rule_count(c, "regression.grounds-added") >= 1);
	assert_int_equal(rule_count(c, "improvement.death-penalty-abolished"), 1);
	cov_comparison *pdf_cmp = NULL;
	cov_doc *pdf = corpus_doc("kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf", &s1);
	if (pdf) {
		/* the official PDF as of 2023 (the text the 2026 Constitution replaced) */
		pdf_cmp = compare(pdf, b);
		expect_pair(pdf_cmp, "5", "6");
		expect_pair(pdf_cmp, "20", "23");
		expect_pair(pdf_cmp, "32", "34");
		expect_pair(pdf_cmp, "39", "41");
		assert_int_equal(rule_count(pdf_cmp, "regression.treaty-primacy-removed"), 1);
		assert_true(rule_count(pdf_cmp, "regression.right-removed") >= 1);
		cov_comparison_free(pdf_cmp);
		cov_doc_free(pdf);
	}
	fprintf(stderr, "kz 1995→2026: %zu pairs, %zu added, %zu removed, %zu findings\n", cov_comparison_pair_count(c),
		cov_comparison_added_count(c), cov_comparison_removed_count(c), cov_comparison_finding_count(c));
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

static void russia_editions(void **state)
{
	(void)state;
	bool s1, s2;
	cov_doc *a = corpus_doc("ru-constitution-history-akamaus/versions/constitution_ru_2014-02-05.txt", &s1);
	cov_doc *b = corpus_doc("ru-constitution-history-akamaus/versions/constitution_ru_2014-03-21.txt", &s2);
	if (s1 || s2) {
		cov_doc_free(a);
		cov_doc_free(b);
		skip();
	}
	/* consecutive editions change few articles: March 2014 changed only art. 65 */
	cov_comparison *c = compare(a, b);
	size_t changed = 0;
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		assert_string_equal(cov_node_num(p->old_node), cov_node_num(p->new_node));
		if (p->status != COV_PAIR_UNCHANGED) {
			changed++;
			assert_string_equal(cov_node_num(p->old_node), "65");
		}
	}
	assert_int_equal(changed, 1);
	assert_int_equal(cov_comparison_pair_count(c), 137);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
	/* 2020 inserts articles 67¹, 75¹, 79¹ (printed 671 …) */
	a = corpus_doc("ru-constitution-history-akamaus/versions/constitution_ru_2019-03-27.txt", &s1);
	b = corpus_doc("ru-constitution-history-akamaus/versions/constitution_ru_2020-03-14.txt", &s2);
	c = compare(a, b);
	assert_true(added(c, "67-1") && added(c, "75-1") && added(c, "79-1"));
	assert_int_equal(cov_comparison_removed_count(c), 0);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

static void two_translations(void **state)
{
	(void)state;
	bool s1, s2;
	cov_doc *a = corpus_doc("constitute-192-marcomorucci/constitutions/Kazakhstan_1998.txt", &s1);
	cov_doc *b = corpus_doc("kz-constitution-en-adilet-2022/constitution_kz_en_2022.txt", &s2);
	if (s1 || s2) {
		cov_doc_free(a);
		cov_doc_free(b);
		skip();
	}
	/* the same articles in two English translations still pair up */
	cov_comparison *c = compare(a, b);
	size_t same = 0;
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		same += strcmp(cov_node_num(p->old_node), cov_node_num(p->new_node)) == 0;
	}
	fprintf(stderr, "kz en 1998 vs 2022: %zu of 98 articles paired with the same number\n", same);
	assert_true(same >= 93);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* No segment of any pair holds a note, markup or an inline amendment note. */
static void expect_law_words_only(const cov_comparison *c)
{
	static const char *const leaks[] = {"Сноска", "Примечание", "<a", "id=", "</a", "(В редакции", "(Часть введена",
					    "(Статья введена", "&nbsp;"};
	size_t n_seg = 0;
	for (size_t i = 0; i < cov_comparison_pair_count(c); i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		for (size_t k = 0; k < p->n_segments; k++) {
			const cov_segment *g = &p->segments[k];
			const cov_doc *d = g->op == COV_SEG_DELETE ? cov_comparison_old(c) : cov_comparison_new(c);
			const char *t = cov_doc_text(d, NULL);
			char *piece = strndup(t + g->start, g->end - g->start);
			for (size_t l = 0; l < sizeof leaks / sizeof *leaks; l++)
				if (strstr(piece, leaks[l]))
					fail_msg("segment of %s → %s holds '%s': %s", cov_node_eid(p->old_node),
						 cov_node_eid(p->new_node), leaks[l], piece);
			free(piece);
			n_seg++;
		}
	}
	assert_true(n_seg > 0);
}

static void law_words_only(void **state)
{
	(void)state;
	cov_doc *a = parse_str("### Статья 1\n\n1. Каждый имеет право на жизнь.\n\n"
			       "   > *Сноска. Статья 1 с изменениями, внесенными Законом РК от 21.05.2007 № 254-III.*\n\n"
			       "<a id=\"st2\"></a>\n\n### Статья 2\n\n1. Граждане имеют право собираться мирно.\n\n"
			       "2. Никто не может быть подвергнут пыткам.\n\n<a id=\"st3\"></a>\n");
	cov_doc *b = parse_str("Статья 1\n1. Каждый человек имеет право на жизнь. (В редакции Закона Российской Федерации о "
			       "поправке к Конституции Российской Федерации от 14.03.2020 № 1-ФКЗ)\nСтатья 2\n1. Граждане имеют "
			       "право собираться мирно и без оружия.\n2. Никто не может быть подвергнут пыткам.\n");
	cov_comparison *c = compare(a, b);
	expect_law_words_only(c);
	const cov_pair *p = pair_of(c, "1");
	assert_non_null(p);
	/* one insertion, «человек»; the numbers «1.» are not words of the law */
	size_t ins = 0, del = 0;
	for (size_t k = 0; k < p->n_segments; k++) {
		ins += p->segments[k].op == COV_SEG_INSERT;
		del += p->segments[k].op == COV_SEG_DELETE;
		if (p->segments[k].op == COV_SEG_INSERT)
			assert_memory_equal(cov_doc_text(b, NULL) + p->segments[k].start, "человек", strlen("человек"));
	}
	assert_int_equal(ins, 1);
	assert_int_equal(del, 0);
	/* the inline note is a note of the paragraph, with its amendment */
	const cov_node *para = cov_node_first_child(p->new_node);
	while (para && cov_node_kind_of(para) != COV_NODE_PARAGRAPH)
		para = cov_node_next(para);
	assert_non_null(para);
	const cov_node *note = cov_node_first_child(para);
	assert_non_null(note);
	assert_int_equal(cov_node_kind_of(note), COV_NODE_NOTE);
	size_t na = 0;
	const cov_amendment *am = cov_node_amendments(note, &na);
	assert_int_equal(na, 1);
	assert_string_equal(am[0].date, "2020-03-14");
	assert_string_equal(am[0].law, "1-ФКЗ");
	/* the unchanged paragraph 2 of article 2 is whole in one equal segment */
	p = pair_of(c, "2");
	bool para2 = false;
	for (size_t k = 0; k < p->n_segments; k++)
		para2 |= p->segments[k].op == COV_SEG_EQUAL && p->segments[k].para_start &&
			 strncmp(cov_doc_text(b, NULL) + p->segments[k].start, "Никто", strlen("Никто")) == 0;
	assert_true(para2);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* Findings before and after, matched through the alignment; a ground the
 * old text's general clause allowed is not new. */
static void before_after_and_general_clause(void **state)
{
	(void)state;
	cov_doc *a = parse_str("Статья 1.\nКаждый имеет право на свободу мирных собраний.\n"
			       "Статья 2.\nПрава и свободы человека и гражданина могут быть ограничены законом в целях защиты "
			       "конституционного строя, охраны общественного порядка, здоровья и нравственности населения.\n");
	cov_doc *b = parse_str("Статья 1.\nПрава и свободы человека и гражданина могут быть ограничены законом в целях защиты "
			       "конституционного строя, охраны общественного порядка, здоровья и нравственности населения.\n"
			       "Статья 2.\nГраждане имеют право на свободу мирных собраний. Это право может ограничиваться "
			       "законом в целях охраны нравственности общества и национальной безопасности.\n");
	cov_comparison *c = compare(a, b);
	expect_pair(c, "1", "2");
	expect_pair(c, "2", "1");
	size_t kept = 0, fresh = 0;
	for (size_t i = 0; i < cov_comparison_match_count(c); i++) {
		const cov_finding_match *x = cov_comparison_match(c, i);
		kept += x->before && x->after;
		if (!x->before && strcmp(x->after->rule, "holder.citizens-only") == 0)
			fresh++;
	}
	assert_int_equal(fresh, 1);
	assert_true(cov_comparison_match_count(c) > 0);
	(void)kept;
	/* national security is new; public morals was allowed by the general clause */
	bool grounds = false;
	for (size_t i = 0; i < cov_comparison_finding_count(c); i++) {
		const cov_finding *f = cov_comparison_finding(c, i);
		if (strcmp(f->rule, "regression.grounds-added") != 0)
			continue;
		grounds = true;
		assert_non_null(strstr(f->message, "national-security"));
		assert_null(strstr(f->message, "public-morals"));
		size_t bs, be;
		assert_true(cov_comparison_finding_before(c, i, &bs, &be));
		assert_true(be > bs);
	}
	assert_true(grounds);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* Two languages are refused, naming both; allowed on request. */
static void two_languages(void **state)
{
	(void)state;
	cov_doc *a = parse_str("Article 1.\nEveryone has the right to life.\nArticle 2.\nNo one shall be tortured.\n");
	cov_doc *b = parse_str("Статья 1.\nКаждый имеет право на жизнь.\nСтатья 2.\nНикто не должен подвергаться пыткам.\n");
	cov_comparison *c = NULL;
	assert_int_equal(cov_diff(test_data, a, b, &c), COV_EINPUT);
	assert_null(c);
	assert_non_null(strstr(cov_error_last(), "in en"));
	assert_non_null(strstr(cov_error_last(), "in ru"));
	assert_int_equal(cov_diff_ex(test_data, a, b, COV_DIFF_ANY_LANGUAGE | COV_DIFF_NO_IMPACT, &c), COV_OK);
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* The Markdown edition, the PDF and Russia's consolidated editions: no
 * note or markup enters the comparison. */
static void corpus_law_words_only(void **state)
{
	(void)state;
	static const char *const files[][2] = {
		{"kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md",
		 "kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt"},
		{"kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf", "kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt"},
		{"ru-constitution-history-akamaus/versions/constitution_ru_2019-03-27.txt",
		 "ru-constitution-history-akamaus/versions/constitution_ru_2020-03-14.txt"},
	};
	size_t done = 0;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		bool s1, s2;
		cov_doc *a = corpus_doc(files[i][0], &s1), *b = corpus_doc(files[i][1], &s2);
		if (!s1 && !s2) {
			cov_comparison *c = compare(a, b);
			expect_law_words_only(c);
			cov_comparison_free(c);
			done++;
		}
		cov_doc_free(a);
		cov_doc_free(b);
	}
	if (!done)
		skip();
}

/* ---- alignment against a lawyer's map (tests/fixtures/kz-1995-2026.map) ---- */

/* Precision, recall and F1 of a comparison's pairs (old number, new number)
 * against the map's `OLD -> NEW` lines; lines naming an old article the old
 * text lacks, and `none` lines, are not counted. */
static void map_score(const cov_comparison *c, const char *map_path, double *p, double *r, double *f1)
{
	FILE *fp = fopen(map_path, "r");
	if (!fp)
		fail_msg("%s: cannot open the map", map_path);
	const cov_doc *old = cov_comparison_old(c);
	size_t n_map = 0, agree = 0, n_pairs = cov_comparison_pair_count(c);
	char line[512];
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "#\n")] = 0;
		char a[64], b[64];
		if (sscanf(line, " %63s -> %63s", a, b) != 2)
			continue;
		if (strcmp(a, "none") == 0 || strcmp(b, "none") == 0)
			continue;
		bool present = false;
		for (size_t k = 0; !present && k < n_pairs; k++)
			present = strcmp(cov_comparison_pair(c, k)->old_node->num, a) == 0;
		for (size_t k = 0; !present && k < cov_comparison_removed_count(c); k++)
			present = strcmp(cov_comparison_removed(c, k)->num, a) == 0;
		if (!present && !find_node(old, COV_NODE_ARTICLE, a))
			continue;
		n_map++;
		for (size_t k = 0; k < n_pairs; k++) {
			const cov_pair *pr = cov_comparison_pair(c, k);
			if (strcmp(pr->old_node->num, a) == 0 && strcmp(pr->new_node->num, b) == 0) {
				agree++;
				break;
			}
		}
	}
	fclose(fp);
	*p = n_pairs ? (double)agree / n_pairs : 0;
	*r = n_map ? (double)agree / n_map : 0;
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void kazakhstan_map(void **state)
{
	(void)state;
	const char *src = getenv("COVENANT_SOURCE");
	char map[4096];
	snprintf(map, sizeof map, "%s/tests/fixtures/kz-1995-2026.map", src ? src : ".");
	static const char *const olds[] = {"kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md",
					   "kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf"};
	int done = 0;
	for (size_t i = 0; i < 2; i++) {
		bool s1, s2;
		cov_doc *a = corpus_doc(olds[i], &s1);
		cov_doc *b = corpus_doc("kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", &s2);
		if (!s1 && !s2) {
			cov_comparison *c;
			assert_int_equal(cov_diff_ex(test_data, a, b, COV_DIFF_NO_IMPACT, &c), COV_OK);
			double p, r, f1;
			map_score(c, map, &p, &r, &f1);
			fprintf(stderr, "%s → 2026 against the map: precision %.3f recall %.3f F1 %.3f\n", olds[i], p, r, f1);
			/* 0.948 and 0.939 before splits and merges were looked for in place;
			 * the Markdown edition's 0.974 is kept through the stages of issue 13 */
			assert_true(f1 >= (i == 0 ? 0.974 : 0.965));
			assert_true(p >= 0.97);
			cov_comparison_free(c);
			done++;
		}
		cov_doc_free(a);
		cov_doc_free(b);
	}
	if (!done)
		skip();
}

/* ---- the stages: the shared chain, order beyond 2000 pairs, --explain, --best ---- */

/* The longest chain by the O(n²) definition: each item follows the
 * earliest item of the longest chain it may follow; the first of the
 * longest wins. */
static size_t chain_quadratic(const cov_chain_item *it, size_t n, bool *on)
{
	size_t *len = calloc(n + 1, sizeof *len), *prev = calloc(n + 1, sizeof *prev), best = SIZE_MAX;
	assert_non_null(len);
	assert_non_null(prev);
	for (size_t k = 0; k < n; k++) {
		len[k] = 0;
		prev[k] = SIZE_MAX;
		for (size_t p = 0; p < k; p++)
			if (len[p] && (it[p].value < it[k].value || (it[k].same && it[p].value == it[k].value)) &&
			    len[p] + 1 > len[k]) {
				len[k] = len[p] + 1;
				prev[k] = p;
			}
		if (!len[k] && !it[k].follow_only)
			len[k] = 1;
		if (len[k] && (best == SIZE_MAX || len[k] > len[best]))
			best = k;
	}
	size_t r = best == SIZE_MAX ? 0 : len[best];
	for (size_t k = best; k != SIZE_MAX; k = prev[k])
		on[k] = true;
	free(len);
	free(prev);
	return r;
}

static void chain_as_defined(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int round = 0; round < 300; round++) {
		size_t n = 1 + (size_t)(round % 60);
		cov_chain_item it[64];
		bool on1[64] = {0}, on2[64] = {0};
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			it[k] = (cov_chain_item){(seed >> 16) % (round % 3 ? 20 : 200), round % 2 == 0 || (seed & 8),
						 round % 5 == 0 && (seed & 16), false};
		}
		size_t want = chain_quadratic(it, n, on1);
		assert_int_equal(cov_longest_chain(it, n, COV_CHAIN_EARLIER, on2), want);
		assert_memory_equal(on1, on2, n * sizeof *on1);
		/* LATER: the same length, and a chain */
		memset(on2, 0, sizeof on2);
		assert_int_equal(cov_longest_chain(it, n, COV_CHAIN_LATER, on2), want);
		size_t got = 0, last = SIZE_MAX;
		for (size_t k = 0; k < n; k++)
			if (on2[k]) {
				if (last != SIZE_MAX)
					assert_true(it[last].value < it[k].value || (it[k].same && it[last].value == it[k].value));
				else
					assert_false(it[k].follow_only);
				last = k;
				got++;
			}
		assert_int_equal(got, want);
	}
}

/* A word made of letters for n: articles with words of their own. */
static void word_of(char *w, size_t n, char first)
{
	size_t k = 0;
	w[k++] = first;
	do {
		w[k++] = (char)('a' + n % 26);
		n /= 26;
	} while (n);
	w[k] = 0;
}

/* Old articles 1..5100; the new text has 1–100, then 3001–5100 (moved
 * up), then 101–3000, each with its number.  The pairs in order are
 * 1–3000: the old scan looked back only 2000 pairs, so it lost 1–100 and
 * called them moved. */
static void order_beyond_2000_pairs(void **state)
{
	(void)state;
	const size_t n = 5100;
	cov_buf a, b;
	cov_buf_init(&a);
	cov_buf_init(&b);
	char w1[16], w2[16], w3[16];
	for (size_t k = 1; k <= n; k++) {
		word_of(w1, k, 'q'), word_of(w2, k, 'x'), word_of(w3, k, 'z');
		cov_buf_printf(&a, "Article %zu\nThe %s %s of the %s are as the law says.\n", k, w1, w2, w3);
	}
	for (size_t r = 0; r < 3; r++) {
		size_t from = r == 0 ? 1 : r == 1 ? 3001 : 101, to = r == 0 ? 100 : r == 1 ? 5100 : 3000;
		for (size_t k = from; k <= to; k++) {
			word_of(w1, k, 'q'), word_of(w2, k, 'x'), word_of(w3, k, 'z');
			cov_buf_printf(&b, "Article %zu\nThe %s %s of the %s are as the law says.\n", k, w1, w2, w3);
		}
	}
	cov_buf_putc(&a, 0);
	cov_buf_putc(&b, 0);
	cov_doc *da = parse_str(a.ptr), *db = parse_str(b.ptr);
	cov_buf_free(&a);
	cov_buf_free(&b);
	cov_comparison *c;
	assert_int_equal(cov_diff_ex(test_data, da, db, COV_DIFF_NO_IMPACT, &c), COV_OK);
	assert_int_equal(cov_comparison_pair_count(c), n);
	size_t moved = 0;
	for (size_t i = 0; i < n; i++) {
		const cov_pair *p = cov_comparison_pair(c, i);
		assert_string_equal(p->old_node->num, p->new_node->num);
		int num = atoi(p->old_node->num);
		assert_int_equal(p->status, num > 3000 ? COV_PAIR_MOVED : COV_PAIR_UNCHANGED);
		moved += p->status == COV_PAIR_MOVED;
	}
	assert_int_equal(moved, 2100);
	cov_comparison_free(c);
	cov_doc_free(da);
	cov_doc_free(db);
}

static char *explain(cov_doc *a, cov_doc *b, const char *num, int want_rc)
{
	cov_buf out;
	cov_buf_init(&out);
	int rc = cov_diff_explain(test_data, a, b, COV_DIFF_NO_IMPACT, num, &out);
	assert_int_equal(rc, want_rc);
	cov_buf_putc(&out, 0);
	return cov_buf_detach(&out, NULL);
}

static void explain_split_merge(void **state)
{
	(void)state;
	cov_doc *a = parse_str(
		"Article 1\nThe flag of the republic is red, white and green, with a golden eagle in the centre.\n"
		"Article 2\nEveryone has the right to education. Primary education is free and compulsory for all children.\n"
		"Article 3\nThe state language is Albish. Minorities may use their languages before local authorities.\n"
		"Article 4\nThe president is elected for five years. The same person may not be elected more than twice.\n"
		"Article 5\nTaxes are established only by law. No one shall pay a tax that the parliament has not voted.\n");
	cov_doc *b = parse_str(
		"Article 1\nThe flag of the republic is red, white and green, with a golden eagle in the centre.\n"
		"Article 2\nEveryone has the right to education.\n"
		"Article 3\nPrimary education is free and compulsory for all children.\n"
		"Article 4\nThe state language is Albish. Minorities may use their languages before local authorities. "
		"The president is elected for five years. The same person may not be elected more than twice.\n"
		"Article 5\nTaxes are established only by law. No one shall pay a tax that the parliament has not voted.\n"
		"Article 6\nThe national anthem is the Hymn of the Mountains, adopted in the year of independence.\n");
	char *s = explain(a, b, "2", COV_OK);
	/* old 2 paired with one new article, the other is split off from it */
	assert_non_null(strstr(s, "old article 2"));
	assert_non_null(strstr(s, "← paired"));
	assert_non_null(strstr(s, "paired with new article 3, split"));
	assert_non_null(strstr(s, "split: new article 2 comes from it"));
	/* new 2: the split part, with the share of its words in old 2 */
	assert_non_null(strstr(s, "new article 2"));
	assert_non_null(strstr(s, "part of a split"));
	free(s);
	s = explain(a, b, "3", COV_OK);
	assert_non_null(strstr(s, "old article 3"));
	assert_non_null(strstr(s, "part of a merge"));
	assert_non_null(strstr(s, "in new article 4 (paired with old article 4)"));
	free(s);
	s = explain(a, b, "4", COV_OK);
	assert_non_null(strstr(s, "merged: old article 3 went into it too"));
	free(s);
	s = explain(a, b, "6", COV_OK);
	assert_non_null(strstr(s, "added: no free candidate"));
	free(s);
	s = explain(a, b, "9", COV_EINPUT);
	assert_non_null(strstr(cov_error_last(), "article 9"));
	free(s);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* Parliament → Kurultai: old 53–57 went into new 56 (the lawyer's map). */
static void explain_kazakhstan(void **state)
{
	(void)state;
	bool s1, s2;
	cov_doc *a = corpus_doc("kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md", &s1);
	cov_doc *b = corpus_doc("kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt", &s2);
	if (s1 || s2) {
		cov_doc_free(a);
		cov_doc_free(b);
		skip();
	}
	char *s = explain(a, b, "55", COV_OK);
	assert_non_null(strstr(s, "old article 55"));
	assert_non_null(strstr(s, "part of a merge"));
	assert_non_null(strstr(s, "lie in new article 56"));
	assert_non_null(strstr(s, "new article 55"));
	assert_non_null(strstr(s, "paired with old article 52"));
	free(s);
	s = explain(a, b, "56", COV_OK);
	assert_non_null(strstr(s, "merged: old article 55 went into it too"));
	free(s);
	cov_doc_free(a);
	cov_doc_free(b);
}

static void best_across_works(void **state)
{
	(void)state;
	cov_doc *a = parse_str("Article 1\nEveryone has the right to life. The death penalty is abolished.\n"
			       "Article 2\nCitizens have the right to assemble peacefully and without weapons.\n"
			       "Article 3\nThe national anthem is the Hymn of the Mountains.\n"
			       "Article 4\nNo one shall be subjected to torture or to cruel treatment.\n");
	cov_doc *b = parse_str("Section 1\nNo one may be tortured or subjected to cruel, inhuman or degrading treatment.\n"
			       "Section 2\nEvery person has the right to life.\n"
			       "Section 3\nEveryone has the right, peacefully and unarmed, to assemble and to demonstrate.\n");
	cov_comparison *c;
	assert_int_equal(cov_diff_best(test_data, a, b, 0, COV_DIFF_BEST_FLOOR, &c), COV_OK);
	/* out of order, and the anthem has no counterpart */
	expect_pair(c, "1", "2");
	expect_pair(c, "2", "3");
	expect_pair(c, "4", "1");
	assert_int_equal(cov_comparison_pair_count(c), 3);
	assert_int_equal(cov_comparison_removed_count(c), 1);
	assert_string_equal(cov_comparison_removed(c, 0)->num, "3");
	assert_int_equal(cov_comparison_added_count(c), 0);
	assert_true(pair_of(c, "2")->n_segments > 0);
	char *s;
	size_t len;
	assert_int_equal(cov_render_comparison_string(test_data, c, COV_REVIEW_TEXT, NULL, &s, &len), COV_OK);
	assert_non_null(strstr(s, "3 of 4 provisions have a counterpart among 3"));
	assert_non_null(strstr(s, "Without a counterpart"));
	assert_null(strstr(s, "Removed"));
	free(s);
	assert_int_equal(cov_render_comparison_string(test_data, c, COV_REVIEW_JSON, NULL, &s, &len), COV_OK);
	assert_non_null(strstr(s, "\"mode\": \"best\""));
	free(s);
	cov_comparison_free(c);
	/* a higher floor leaves more without one */
	assert_int_equal(cov_diff_best(test_data, a, b, 0, 0.9, &c), COV_OK);
	assert_int_equal(cov_comparison_pair_count(c), 0);
	cov_comparison_free(c);
	cov_doc_free(b);
	b = parse_str("Статья 1.\nКаждый имеет право на жизнь.\n");
	assert_int_equal(cov_diff_best(test_data, a, b, 0, COV_DIFF_BEST_FLOOR, &c), COV_EINPUT);
	assert_null(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* Kazakhstan's assembly article against South Africa's. */
static void best_kazakhstan_south_africa(void **state)
{
	(void)state;
	bool s1, s2;
	cov_doc *a = corpus_doc("kz-constitution-en-adilet-2022/constitution_kz_en_2022.txt", &s1);
	cov_doc *b = corpus_doc("za-constitution-lawsafrica-akn/extracted/za_constitution_en.html", &s2);
	if (s1 || s2) {
		cov_doc_free(a);
		cov_doc_free(b);
		skip();
	}
	cov_comparison *c;
	assert_int_equal(cov_diff_best(test_data, a, b, 0, COV_DIFF_BEST_FLOOR, &c), COV_OK);
	expect_pair(c, "32", "17"); /* assembly */
	expect_pair(c, "15", "11"); /* life */
	cov_comparison_free(c);
	cov_doc_free(a);
	cov_doc_free(b);
}

/* Two versions tokenized with one cache of words give the tokens each
 * would alone, and a word (or a stem) has one pointer in both. */
static void tokens_shared_pair(void **state)
{
	(void)state;
	const cov_rlex *lex = cov_rights_lexicon(test_data->rights, "ru");
	assert_non_null(lex);
	const char *a = "Статья 1. Каждый имеет право на жизнь. КАЖДЫЙ гражданин имеет права и свободы.";
	const char *b = "Статья 2. Граждане имеют право на свободу. Каждый имеет права; Ёлка и елка.";
	cov_tokens pa, pb, sa, sb;
	assert_int_equal(cov_tokenize_lex_pair(a, strlen(a), b, strlen(b), lex, &pa, &pb), COV_OK);
	assert_int_equal(cov_tokenize_lex(a, strlen(a), lex, &sa), COV_OK);
	assert_int_equal(cov_tokenize_lex(b, strlen(b), lex, &sb), COV_OK);
	const cov_tokens *pair[2] = {&pa, &pb}, *alone[2] = {&sa, &sb};
	for (int k = 0; k < 2; k++) {
		assert_int_equal(pair[k]->n, alone[k]->n);
		for (size_t i = 0; i < pair[k]->n; i++) {
			const cov_token *x = &pair[k]->v[i], *y = &alone[k]->v[i];
			assert_int_equal(x->start, y->start);
			assert_int_equal(x->end, y->end);
			assert_int_equal(x->fold_len, y->fold_len);
			assert_int_equal(x->stem_len, y->stem_len);
			assert_memory_equal(x->fold, y->fold, x->fold_len);
			assert_memory_equal(x->stem, y->stem, x->stem_len);
		}
	}
	/* «Каждый» (a 2), «КАЖДЫЙ» (a 7) and «Каждый» (b 7): one fold */
	assert_string_equal(pa.v[2].fold, "каждый");
	assert_ptr_equal(pa.v[2].fold, pa.v[7].fold);
	assert_ptr_equal(pa.v[2].fold, pb.v[7].fold);
	/* «право» and «права» differ, their stem does not: one pointer */
	assert_string_equal(pa.v[4].fold, "право");
	assert_string_equal(pa.v[10].fold, "права");
	assert_ptr_equal(pa.v[4].stem, pa.v[10].stem);
	assert_ptr_equal(pa.v[4].stem, pb.v[4].stem);
	/* ё is е */
	assert_string_equal(pb.v[12].fold, "елка");
	assert_ptr_equal(pb.v[10].fold, pb.v[12].fold);
	cov_tokens_free(&pb);
	cov_tokens_free(&pa);
	cov_tokens_free(&sa);
	cov_tokens_free(&sb);
}

/* The second version looks its words up in the lexicon where the first
 * did, and finds what it finds alone. */
static void tokens_shared_lookups(void **state)
{
	(void)state;
	const cov_rlex *lex = cov_rights_lexicon(test_data->rights, "ru");
	assert_non_null(lex);
	const char *a = "Каждый имеет право на свободу мирных собраний. Это право может быть ограничено законом.";
	const char *b = "Граждане имеют право собираться мирно. Право на собрания может быть ограничено законом в интересах "
			"национальной безопасности.";
	cov_tokens pa, pb, sb;
	assert_int_equal(cov_tokenize_lex_pair(a, strlen(a), b, strlen(b), lex, &pa, &pb), COV_OK);
	assert_int_equal(cov_tokenize_lex(b, strlen(b), lex, &sb), COV_OK);
	cov_match *m = NULL, *ms = NULL;
	size_t n = 0, cap = 0, ns = 0, caps = 0;
	assert_int_equal(cov_match_range(lex, &pa, 0, pa.n, &m, &n, &cap), COV_OK);
	assert_true(n > 0);
	cov_match_share(&pa, &pb);
	assert_ptr_equal(pb.hits, pa.hits);
	n = 0;
	assert_int_equal(cov_match_range(lex, &pb, 0, pb.n, &m, &n, &cap), COV_OK);
	assert_int_equal(cov_match_range(lex, &sb, 0, sb.n, &ms, &ns, &caps), COV_OK);
	assert_true(n > 0);
	assert_int_equal(n, ns);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(m[i].concept, ms[i].concept);
		assert_int_equal(m[i].first, ms[i].first);
		assert_int_equal(m[i].last, ms[i].last);
	}
	free(m);
	free(ms);
	cov_tokens_free(&pb);
	cov_tokens_free(&pa);
	cov_tokens_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(veridia),
		cmocka_unit_test(tokens_shared_pair),
		cmocka_unit_test(tokens_shared_lookups),
		cmocka_unit_test(moved_split_merged),
		cmocka_unit_test(json_contract),
		cmocka_unit_test(similarity_precision),
		cmocka_unit_test(cost_grows_linearly),
		cmocka_unit_test(identical_and_empty),
		cmocka_unit_test(kazakhstan_1995_2026),
		cmocka_unit_test(kazakhstan_map),
		cmocka_unit_test(russia_editions),
		cmocka_unit_test(two_translations),
		cmocka_unit_test(law_words_only),
		cmocka_unit_test(before_after_and_general_clause),
		cmocka_unit_test(two_languages),
		cmocka_unit_test(corpus_law_words_only),
		cmocka_unit_test(chain_as_defined),
		cmocka_unit_test(order_beyond_2000_pairs),
		cmocka_unit_test(explain_split_merge),
		cmocka_unit_test(explain_kazakhstan),
		cmocka_unit_test(best_across_works),
		cmocka_unit_test(best_kazakhstan_south_africa),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
