/*
 * test_refs.c — citations (covenant refs) and conformity with a new
 * constitution (covenant conform): the grammar of data/refs/ on texts
 * written for one form each, the <ref> of Akoma Ntoso, and (with
 * ../shared/corpus) the Constitutional Law on the Constitutional Court of
 * Kazakhstan against the Constitution of 1995 (2023 edition) → 2026, each
 * case checked by reading both constitutions.
 */
#include "helpers.h"
#include "refs/conform.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cov_refs *refs_of(const cov_doc *doc)
{
	cov_refs *r;
	if (cov_refs_find(test_data, doc, &r) != COV_OK)
		fail_msg("refs failed: %s", cov_error_last());
	return r;
}

/* The i-th citation whose quoted phrase contains `words`. */
static const cov_citation *cite_with(const cov_doc *doc, const cov_refs *r, const char *words, size_t nth)
{
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	for (size_t i = 0; i < cov_refs_count(r); i++) {
		const cov_citation *c = cov_refs_get(r, i);
		char *q = strndup(t + c->start, c->end - c->start);
		bool hit = q && strstr(q, words);
		free(q);
		if (hit && nth-- == 0)
			return c;
	}
	fail_msg("no citation «%s»", words);
	return NULL;
}

static const char *target(const cov_citation *c)
{
	return c->target ? cov_node_eid(c->target) : "(none)";
}

static const char ru_law[] =
	"Закон о примерах\n"
	"\n"
	"Статья 1. Основные положения\n"
	"1. Первый пункт.\n"
	"2. Второй пункт, как указано в пункте 1 настоящей статьи.\n"
	"Статья 2. Полномочия\n"
	"1. Орган:\n"
	"1) принимает решения;\n"
	"2) рассматривает обращения;\n"
	"3) дает заключения.\n"
	"Вторая часть первого пункта.\n"
	"2. Порядок, предусмотренный подпунктами 1) и 3) пункта 1 настоящей статьи.\n"
	"Статья 3. Ссылки\n"
	"1. В соответствии со статьей 1, статье 2 и статьях 1 и 2 настоящего Закона.\n"
	"2. Согласно пунктах 1, 2 и 3 статьи 1, а также статьей 7 настоящего Закона.\n"
	"3. Частью второй пункта 1 статьи 2 установлено иное.\n"
	"4. Подпунктом 6) статьи 53 Конституции Республики Казахстан и пунктом 3 статьи 62 и пунктом 1 статьи 91 "
	"Конституции.\n"
	"5. Статьей 5 Закона Республики Казахстан «О правовых актах».\n"
	"6. Ведомости Парламента Республики Казахстан, 2001 г., № 20, ст. 258.\n";

static void ru_internal(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(ru_law);
	assert_string_equal(cov_doc_language(doc), "ru");
	cov_refs *r = refs_of(doc);
	const cov_citation *c = cite_with(doc, r, "пункте 1 настоящей статьи", 0);
	assert_int_equal(c->scope, COV_CITE_INTERNAL);
	assert_true(c->relative);
	assert_string_equal(target(c), "art_1__para_1");
	/* a list inside a self-reference: two citations, one phrase */
	c = cite_with(doc, r, "подпунктами 1) и 3)", 0);
	assert_string_equal(target(c), "art_2__para_1__point_1");
	c = cite_with(doc, r, "подпунктами 1) и 3)", 1);
	assert_string_equal(target(c), "art_2__para_1__point_3");
	/* case forms: статьей, статье, статьях */
	assert_string_equal(target(cite_with(doc, r, "статьей 1", 0)), "art_1");
	assert_string_equal(target(cite_with(doc, r, "статье 2", 0)), "art_2");
	assert_string_equal(target(cite_with(doc, r, "статьях 1 и 2", 1)), "art_2");
	/* «пунктах 1, 2 и 3 статьи 1»: article 1 has no paragraph 3 */
	assert_string_equal(target(cite_with(doc, r, "пунктах 1, 2 и 3", 1)), "art_1__para_2");
	c = cite_with(doc, r, "пунктах 1, 2 и 3", 2);
	assert_null(c->target);
	/* «статьей 7 настоящего Закона»: the law has no article 7 */
	c = cite_with(doc, r, "статьей 7", 0);
	assert_int_equal(c->scope, COV_CITE_INTERNAL);
	assert_null(c->target);
	/* «частью второй пункта 1 статьи 2»: a run of the paragraph's text */
	c = cite_with(doc, r, "Частью второй", 0);
	assert_int_equal(c->n_steps, 3);
	assert_true(c->steps[2].within);
	assert_string_equal(c->steps[2].num, "2");
	assert_string_equal(target(c), "art_2__para_1");
	/* the constitution, and two chains sharing their act */
	c = cite_with(doc, r, "Подпунктом 6) статьи 53", 0);
	assert_int_equal(c->scope, COV_CITE_CONSTITUTION);
	assert_int_equal(c->n_steps, 2);
	assert_int_equal(c->steps[0].kind, COV_NODE_ARTICLE);
	assert_string_equal(c->steps[0].num, "53");
	assert_int_equal(c->steps[1].kind, COV_NODE_POINT);
	assert_string_equal(c->steps[1].num, "6");
	assert_int_equal(cite_with(doc, r, "пунктом 3 статьи 62", 0)->scope, COV_CITE_CONSTITUTION);
	assert_int_equal(cite_with(doc, r, "пунктом 1 статьи 91", 0)->scope, COV_CITE_CONSTITUTION);
	/* another act, with its name */
	c = cite_with(doc, r, "Статьей 5 Закона", 0);
	assert_int_equal(c->scope, COV_CITE_OTHER_ACT);
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	assert_true(c->act_end > c->act_start);
	char *act = strndup(t + c->act_start, c->act_end - c->act_start);
	assert_non_null(strstr(act, "О правовых актах"));
	free(act);
	/* a page of a gazette is not a citation */
	for (size_t i = 0; i < cov_refs_count(r); i++) {
		const cov_citation *x = cov_refs_get(r, i);
		assert_false(x->n_steps && strcmp(x->steps[0].num, "258") == 0);
	}
	cov_refs_free(r);
	cov_doc_free(doc);
}

static const char en_act[] =
	"Examples Act\n"
	"\n"
	"Section 1. Interpretation\n"
	"(1) In this Act words have their meaning.\n"
	"(2) Subsection (1) applies to sections 2 to 3.\n"
	"Section 2. Powers\n"
	"(1) The board may act.\n"
	"(a) first;\n"
	"(b) second.\n"
	"(2) Nothing in paragraph (b) of subsection (1) of section 2 limits section 12 of the Interpretation Act.\n"
	"Section 3. Rights\n"
	"Sections 1, 2 and 3 and section 2(1)(a) apply; section 9 does not exist.\n";

static void en_internal(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(en_act);
	cov_refs *r = refs_of(doc);
	/* «(1)» and «(a)» are the paragraphs and points of the tree */
	assert_string_equal(target(cite_with(doc, r, "sections 2 to 3", 0)), "sec_2");
	assert_string_equal(target(cite_with(doc, r, "sections 2 to 3", 1)), "sec_3");
	const cov_citation *c = cite_with(doc, r, "paragraph (b) of subsection (1) of section 2", 0);
	assert_int_equal(c->n_steps, 3);
	assert_string_equal(target(c), "sec_2__para_1__point_b");
	c = cite_with(doc, r, "section 12 of the Interpretation Act", 0);
	assert_int_equal(c->scope, COV_CITE_OTHER_ACT);
	assert_string_equal(target(cite_with(doc, r, "Sections 1, 2 and 3", 2)), "sec_3");
	assert_string_equal(target(cite_with(doc, r, "section 2(1)(a)", 0)), "sec_2__para_1__point_a");
	assert_null(cite_with(doc, r, "section 9", 0)->target);
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* Irish style: numbered sections inside articles, "of this Constitution" */
static void en_constitution(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Constitution of Examples\n\nArticle 1\n1. The state is free.\n2. The state is "
				 "sovereign.\n\nArticle 2\nAs section 2 of Article 1 of this Constitution says.\n");
	cov_refs *r = refs_of(doc);
	const cov_citation *c = cite_with(doc, r, "section 2 of Article 1 of this Constitution", 0);
	assert_int_equal(c->scope, COV_CITE_INTERNAL);
	assert_string_equal(target(c), "art_1__para_2");
	cov_refs_free(r);
	cov_doc_free(doc);
}

static void akn_refs(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(ru_law);
	cov_refs *r = refs_of(doc);
	char *s;
	size_t len;
	assert_int_equal(cov_render_akn_refs_string(doc, r, &s, &len), COV_OK);
	assert_non_null(strstr(s, "<ref href=\"#art_1__para_1\">пункте 1 настоящей статьи</ref>"));
	/* one of a list: its own number */
	assert_non_null(strstr(s, "<ref href=\"#art_2__para_1__point_3\">3)</ref>"));
	/* no ref for a unit the text does not have */
	assert_null(strstr(s, "статьей 7</ref>"));
	free(s);
	cov_refs_free(r);
	cov_doc_free(doc);
}

static void no_citations(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Article 1\nEveryone is free.\n");
	cov_refs *r = refs_of(doc);
	assert_int_equal(cov_refs_count(r), 0);
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* ---- Kazakhstan: the law on the Constitutional Court, 1995 → 2026 ---- */

static const conf_cite *conf_find(const conf_law *l, const char *citation)
{
	for (size_t i = 0; i < l->n_c; i++)
		if (strcmp(l->c[i].old_text, citation) == 0)
			return &l->c[i];
	fail_msg("no citation «%s» in the law", citation);
	return NULL;
}

static const conf_vanished *vanished(const conf_ctx *ctx, const char *key)
{
	for (size_t i = 0; i < conf_vanished_count(ctx); i++)
		if (strcmp(conf_vanished_get(ctx, i)->key, key) == 0)
			return conf_vanished_get(ctx, i);
	return NULL;
}

/* ---- conform on small texts written for each verdict ---- */

static const char tl_old[] =
	"Constitution of Testland\n\n"
	"Article 1\n"
	"1. The Senate may pass laws which regulate the most important social relations and establish fundamental "
	"principles and norms concerning:\n"
	"1) the legal capacity of natural and legal persons;\n"
	"2) the regime of property.\n"
	"2. Amendments to the Constitution are adopted by three quarters of the votes of the Senate.\n"
	"3. The Court on constitutional legality sends its annual message to the Senate.\n\n"
	"Article 2\n"
	"1. Every farmer advises the Assembly on matters of grazing and harvest.\n"
	"2. Repealed by the Law of 10 March 2017.\n\n"
	"Article 3\n"
	"1. Judges are independent and subject only to the Constitution and the law.\n"
	"2. On the proposal of the President the Senate elects the judges.\n\n"
	"Article 4\n"
	"Each winter the shepherds report grazing and harvest figures to the Assembly.\n";

static const char tl_new[] =
	"Constitution of Testland\n\n"
	"Article 1\n"
	"1. Judges are independent and subject only to the Constitution and the law.\n"
	"2. On the proposal of the President the Kurultai elects the judges.\n\n"
	"Article 2\n"
	"1. The Kurultai may pass laws which regulate the most important social relations and establish fundamental "
	"principles and norms concerning:\n"
	"1) the legal capacity of natural and legal persons;\n"
	"2) the regime of property;\n"
	"3) taxation and the levying of duties;\n"
	"4) the republican budget and state loans;\n"
	"5) amnesty and pardon;\n"
	"6) education, science and culture.\n"
	"2. Constitutional laws are adopted by two thirds of the votes of the Kurultai.\n"
	"3. The Court on constitutional legality sends its annual message to the Kurultai.\n\n"
	"Article 3\n"
	"The state language of the Republic is the language of the people.\n\n"
	"Article 4\n"
	"The capital of the Republic is the city named by law.\n\n"
	"Article 5\n"
	"The symbols of the Republic are the flag, the emblem and the anthem.\n\n"
	"Article 6\n"
	"The currency of the Republic is issued by the National Bank.\n";

static const char tl_law[] =
	"Testland Laws Act\n\n"
	"Section 1. Laws\n"
	"Laws are passed under paragraph 1 of Article 1 of the Constitution; amendments under paragraph 2 of "
	"Article 1 of the Constitution.\n\n"
	"Section 2. Others\n"
	"The Senate acts under paragraph 2 of Article 2 of the Constitution and Article 4 of the Constitution.\n";

static void synthetic_conform(void **state)
{
	(void)state;
	cov_doc *old = parse_str(tl_old), *nw = parse_str(tl_new), *law = parse_str(tl_law);
	cov_comparison *cmp;
	conf_ctx *ctx;
	conf_law *l;
	assert_int_equal(cov_diff_ex(test_data, old, nw, COV_DIFF_NO_IMPACT, &cmp), COV_OK);
	assert_int_equal(conf_open(test_data, cmp, &ctx), COV_OK);
	assert_int_equal(conf_check_law(ctx, test_data, law, &l), COV_OK);
	assert_int_equal(l->n_c, 4);
	/* the lead keeps its words though the new list is three times longer:
	 * renumbered, not removed */
	const conf_cite *c = conf_find(l, "paragraph 1 of Article 1 of the Constitution");
	assert_int_equal(c->status, CONF_RENUMBERED);
	assert_string_equal(c->proposal, "paragraph 1 of Article 2 of the Constitution");
	/* three quarters to amend, two thirds for constitutional laws: alike
	 * in words, not the same provision: uncertain, no replacement */
	c = conf_find(l, "paragraph 2 of Article 1 of the Constitution");
	assert_int_equal(c->status, CONF_UNCERTAIN);
	assert_null(c->proposal);
	assert_true(c->n_cands >= 1);
	assert_string_equal(cov_node_eid(c->cands[0]), "art_2__para_2");
	/* repealed in the old text already */
	assert_int_equal(conf_find(l, "paragraph 2 of Article 2 of the Constitution")->status, CONF_REPEALED);
	/* an article whose words are nowhere in the new text: removed (high) */
	assert_int_equal(conf_find(l, "Article 4 of the Constitution")->status, CONF_REMOVED);
	/* the Senate: the diff puts «Kurultai» in its place, one for one */
	const conf_vanished *v = vanished(ctx, "senat");
	assert_non_null(v);
	assert_string_equal(v->name, "Senate");
	assert_non_null(v->replacement);
	assert_string_equal(v->replacement, "Kurultai");
	assert_true(v->evidence >= 2);
	/* the Assembly only goes: no replacement claimed */
	v = vanished(ctx, "assembl");
	assert_non_null(v);
	assert_null(v->replacement);
	conf_law_free(l);
	/* a constitution given as a law is not checked */
	assert_int_equal(conf_check_law(ctx, test_data, old, &l), COV_OK);
	assert_true(l->is_constitution);
	assert_int_equal(l->n_c, 0);
	conf_law_free(l);
	conf_free(ctx);
	cov_comparison_free(cmp);
	cov_doc_free(law);
	cov_doc_free(nw);
	cov_doc_free(old);
}

/* Units without words of their own (an article made of paragraphs, a
 * one-word preface) are compared too: found by fuzz_refs, where the empty
 * word set was copied from a NULL pointer. */
static void units_without_words(void **state)
{
	(void)state;
	cov_doc *old = parse_str("Constitution\n\nArticle 6\nThe Senate makes laws.\n\nArticle 7\nThe President signs laws.\n\n"
				 "Article 8\n(1) Everyone may assemble.\n(2) The law may restrict it.\n");
	cov_doc *nw = parse_str("Constitution\n\nArticle 1\nThe Kurultai makes laws.\n\nArticle 2\nThe President signs laws.\n\n"
				"Article 3\n(1) Everyone may assemble.\n(2) The law may restrict it only where necessary.\n");
	cov_doc *law = parse_str("Interpretation Act\n\nSection 1. Meaning\nSee Article 8(2) and Articles 7 and 9 of the Constitution.\n");
	cov_comparison *cmp;
	conf_ctx *ctx;
	conf_law *l;
	assert_int_equal(cov_diff_ex(test_data, old, nw, COV_DIFF_NO_IMPACT, &cmp), COV_OK);
	assert_int_equal(conf_open(test_data, cmp, &ctx), COV_OK);
	assert_int_equal(conf_check_law(ctx, test_data, law, &l), COV_OK);
	assert_int_equal(l->n_c, 3);
	const conf_cite *c = conf_find(l, "Article 8(2) of the Constitution");
	assert_int_equal(c->status, CONF_RENUMBERED);
	assert_string_equal(c->proposal, "Article 3(2) of the Constitution");
	assert_int_equal(conf_find(l, "Articles 7 of the Constitution")->status, CONF_RENUMBERED);
	assert_int_equal(conf_find(l, "Articles 9 of the Constitution")->status, CONF_UNRESOLVED);
	conf_law_free(l);
	conf_free(ctx);
	cov_comparison_free(cmp);
	cov_doc_free(law);
	cov_doc_free(nw);
	cov_doc_free(old);
}

/* «пункт 3» of an edition whose article has paragraphs 1 and 2 only is no
 * unit: never point 3 of its paragraph 1. */
static void paragraph_not_point(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Закон о примерах\n\nСтатья 1. Полномочия\n1. Орган:\n1) принимает решения;\n"
				 "2) рассматривает обращения;\n3) дает заключения.\n2. Иные полномочия.\n"
				 "Статья 2. Ссылки\nСогласно пункту 3 статьи 1 и подпункту 3) статьи 1 настоящего Закона.\n");
	cov_refs *r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "пункту 3 статьи 1", 0)), "(none)");
	assert_string_equal(target(cite_with(doc, r, "подпункту 3) статьи 1", 0)), "art_1__para_1__point_3");
	cov_refs_free(r);
	cov_doc_free(doc);
}

static void kazakhstan_conform(void **state)
{
	(void)state;
	REQUIRE_CORPUS(oldp, "kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf");
	REQUIRE_CORPUS(newp, "kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt");
	REQUIRE_CORPUS(lawp, "kz-adilet-ru-pdf/z2200000153.01-01-2024.rus.pdf");
	cov_doc *old, *nw, *law;
	assert_int_equal(cov_doc_parse_file(test_data, oldp, NULL, &old), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, newp, NULL, &nw), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, lawp, NULL, &law), COV_OK);
	cov_comparison *cmp;
	conf_ctx *ctx;
	conf_law *l;
	assert_int_equal(cov_diff_ex(test_data, old, nw, COV_DIFF_NO_IMPACT, &cmp), COV_OK);
	assert_int_equal(conf_open(test_data, cmp, &ctx), COV_OK);
	assert_int_equal(conf_check_law(ctx, test_data, law, &l), COV_OK);
	/* 34 citations of the Constitution (listed ones counted one by one) */
	assert_int_equal(l->n_c, 34);
	/* art. 53(6) of 1995 («заслушивает ежегодные послания Конституционного
	 * Суда…», the joint session of the Chambers) is art. 56(14) of 2026,
	 * the Kurultai's powers, which took in arts. 53–57 */
	const conf_cite *c = conf_find(l, "подпунктом 6) статьи 53 Конституции Республики Казахстан");
	assert_int_equal(c->status, CONF_MERGED);
	assert_string_equal(cov_node_eid(c->new_node), "sec_IV__art_56__para_14");
	assert_string_equal(c->proposal, "подпунктом 14) статьи 56 Конституции Республики Казахстан");
	/* art. 72 → 73; point 2-1) (resolutions of Parliament) is point 3) */
	c = conf_find(l, "подпунктами 2-1) пункта 1 статьи 72 Конституции Республики Казахстан");
	assert_int_equal(c->status, CONF_RENUMBERED);
	assert_string_equal(c->proposal, "подпунктами 3) пункта 1 статьи 73 Конституции Республики Казахстан");
	assert_true(c->wording_changed); /* «Парламентом и его Палатами» → «Курултаем» */
	char *red = conf_unit_redline(ctx, c);
	assert_non_null(strstr(red, "{+принятые Курултаем+}"));
	free(red);
	/* 2026 art. 73(2) itself cites «подпунктом 11) статьи 46» and «статьей
	 * 79» where 1995 art. 72(2) cited 44(10-1) and 78 */
	assert_string_equal(conf_find(l, "подпунктом 10-1) статьи 44 Конституции Республики Казахстан")->proposal,
			    "подпунктом 11) статьи 46 Конституции Республики Казахстан");
	assert_string_equal(conf_find(l, "статьей 78 Конституции Республики Казахстан")->proposal,
			    "статьей 79 Конституции Республики Казахстан");
	/* and art. 73(1)(7) «пунктами 2 и 3 статьи 50» where 72(1)(5) had 47(1), 47(2) */
	assert_string_equal(conf_find(l, "пунктом 1 статьи 47 Конституции Республики Казахстан")->proposal,
			    "пунктом 2 статьи 50 Конституции Республики Казахстан");
	/* art. 91 (amending the Constitution) became arts. 92 and 93 */
	c = conf_find(l, "пунктом 3 статьи 91 Конституции Республики Казахстан");
	assert_int_equal(c->status, CONF_SPLIT);
	assert_int_equal(c->n_cands, 2);
	/* the bodies 2026 no longer has, found in the two texts */
	assert_non_null(vanished(ctx, "сенат"));
	assert_non_null(vanished(ctx, "мажилис"));
	assert_non_null(vanished(ctx, "конституцион совет"));
	const conf_vanished *v = vanished(ctx, "ассамбл");
	assert_non_null(v);
	assert_string_equal(v->long_name, "Ассамблею народа Казахстана");
	v = vanished(ctx, "сенат");
	assert_non_null(v->replacement);
	assert_non_null(strstr(v->replacement, "Курулта"));
	/* the institutions the two texts share are not among them */
	assert_null(vanished(ctx, "президент"));
	assert_null(vanished(ctx, "конституцион суд"));
	/* the law names the Senate: «Сенатом» among its mentions */
	bool senate = false;
	const char *lt = cov_doc_text(law, NULL);
	for (size_t i = 0; i < l->n_m; i++)
		senate |= strncmp(lt + l->m[i].start, "Сенатом", strlen("Сенатом")) == 0;
	assert_true(senate);
	conf_law_free(l);
	conf_free(ctx);
	cov_comparison_free(cmp);
	cov_doc_free(law);
	cov_doc_free(nw);
	cov_doc_free(old);
}

/* The laws on legal acts (2016, 2026 editions) against 1995 (2023) → 2026,
 * each verdict read in both constitutions; and the 2007–2009 edition. */
static void kazakhstan_conform_more(void **state)
{
	(void)state;
	REQUIRE_CORPUS(oldp, "kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf");
	REQUIRE_CORPUS(newp, "kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt");
	REQUIRE_CORPUS(old07p, "kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md");
	REQUIRE_CORPUS(law1p, "kz-adilet-ru-pdf/z1600000480.09-01-2026.rus.pdf");
	REQUIRE_CORPUS(law2p, "kz-adilet-ru-pdf/z980000213_.06-04-2016.rus.pdf");
	REQUIRE_CORPUS(law3p, "kz-adilet-ru-pdf/z2200000153.01-01-2024.rus.pdf");
	cov_doc *old, *old07, *nw, *law1, *law2, *law3;
	assert_int_equal(cov_doc_parse_file(test_data, oldp, NULL, &old), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, old07p, NULL, &old07), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, newp, NULL, &nw), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, law1p, NULL, &law1), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, law2p, NULL, &law2), COV_OK);
	assert_int_equal(cov_doc_parse_file(test_data, law3p, NULL, &law3), COV_OK);
	cov_comparison *cmp;
	conf_ctx *ctx;
	conf_law *l;
	assert_int_equal(cov_diff_ex(test_data, old, nw, COV_DIFF_NO_IMPACT, &cmp), COV_OK);
	assert_int_equal(conf_open(test_data, cmp, &ctx), COV_OK);
	assert_int_equal(conf_check_law(ctx, test_data, law1, &l), COV_OK);
	/* 61(3) «Парламент вправе издавать законы…» is 60(3) «Курултай вправе
	 * издавать законы…» (sixteen points under it where 1995 had its points
	 * in an editorial note): renumbered, not removed */
	const conf_cite *c = conf_find(l, "пунктом 3 статьи 61 Конституции Республики Казахстан");
	assert_int_equal(c->status, CONF_RENUMBERED);
	assert_string_equal(c->proposal, "пунктом 3 статьи 60 Конституции Республики Казахстан");
	/* 62(3): amending the Constitution by three quarters of each Chamber;
	 * 2026 amends it by referendum only, and 61(3) (constitutional laws,
	 * two thirds) is not the same provision: uncertain, no replacement */
	c = conf_find(l, "пунктом 3 статьи 62 Конституции Республики Казахстан");
	assert_int_equal(c->status, CONF_UNCERTAIN);
	assert_null(c->proposal);
	/* 62(4) constitutional laws → 61(3) */
	assert_string_equal(conf_find(l, "пунктом 4 статьи 62 Конституции Республики Казахстан")->proposal,
			    "пунктом 3 статьи 61 Конституции Республики Казахстан");
	/* «частью второй пункта 2 статьи 61» (the Government's urgent bills) is
	 * the first part of 60(4) now, not the second part of 60(2) */
	c = conf_find(l, "частью второй пункта 2 статьи 61 Конституции Республики Казахстан");
	assert_int_equal(c->status, CONF_UNCERTAIN);
	assert_null(c->proposal);
	assert_string_equal(cov_node_eid(c->cands[0]), "sec_IV__art_60__para_4");
	assert_int_equal(c->cand_part[0], 1);
	assert_int_equal(l->counts[CONF_REMOVED], 0);
	conf_law_free(l);
	/* 53(3) was repealed in 2017: the 2016 law cites a unit not in force */
	assert_int_equal(conf_check_law(ctx, test_data, law2, &l), COV_OK);
	assert_int_equal(conf_find(l, "подпунктом 3) статьи 53 Конституции Республики Казахстан")->status,
			 CONF_REPEALED);
	assert_int_equal(l->counts[CONF_REMOVED], 0);
	conf_law_free(l);
	/* the bodies: named as OLD opens sentences with them, the replacement
	 * the one the word diff puts in their place, in the mention's case */
	const conf_vanished *v = vanished(ctx, "сенат");
	assert_string_equal(v->name, "Сенат");
	assert_string_equal(v->replacement, "Курултай");
	assert_string_equal(conf_replacement_for(v, "Сената"), "Курултая");
	v = vanished(ctx, "мажилис");
	assert_string_equal(v->name, "Мажилис");
	assert_string_equal(conf_replacement_for(v, "Мажилисе"), "Курултае");
	/* the Assembly of the People is dropped, nothing takes its place in the
	 * diff (Қазақстан Халық Кеңесі is a new body of its own section) */
	assert_null(vanished(ctx, "ассамбл")->replacement);
	/* the constitution given as a law */
	assert_int_equal(conf_check_law(ctx, test_data, old, &l), COV_OK);
	assert_true(l->is_constitution);
	conf_law_free(l);
	conf_free(ctx);
	cov_comparison_free(cmp);
	/* 2007–2009: art. 72 had paragraphs 1 and 2 only (3–5 came with the
	 * Constitutional Court in 2022): «пунктом 3 статьи 72» is not in it,
	 * not point 3 of its paragraph 1 */
	assert_int_equal(cov_diff_ex(test_data, old07, nw, COV_DIFF_NO_IMPACT, &cmp), COV_OK);
	assert_int_equal(conf_open(test_data, cmp, &ctx), COV_OK);
	assert_int_equal(conf_check_law(ctx, test_data, law3, &l), COV_OK);
	assert_int_equal(conf_find(l, "пунктом 3 статьи 72 Конституции Республики Казахстан")->status, CONF_UNRESOLVED);
	v = vanished(ctx, "конституцион совет");
	assert_string_equal(v->name, "Конституционный Совет");
	assert_string_equal(v->replacement, "Конституционный Суд");
	conf_law_free(l);
	conf_free(ctx);
	cov_comparison_free(cmp);
	cov_doc_free(law3);
	cov_doc_free(law2);
	cov_doc_free(law1);
	cov_doc_free(nw);
	cov_doc_free(old07);
	cov_doc_free(old);
}

/* In the law itself: «пунктов 1, 2 и 3, подпунктов … пункта 4, пункта 5
 * статьи 44» are units of article 44, not of the citing article. */
static void kazakhstan_refs(void **state)
{
	(void)state;
	REQUIRE_CORPUS(lawp, "kz-adilet-ru-pdf/z2200000153.01-01-2024.rus.pdf");
	cov_doc *law;
	assert_int_equal(cov_doc_parse_file(test_data, lawp, NULL, &law), COV_OK);
	cov_refs *r = refs_of(law);
	const cov_citation *c = cite_with(law, r, "подпунктов 1), 2), 3), 4), 5) и 7) пункта 4", 0);
	assert_non_null(c->target);
	assert_non_null(strstr(cov_node_eid(c->target), "art_44__para_4__point_1"));
	c = cite_with(law, r, "пунктов 1, 2 и 3", 2);
	assert_non_null(strstr(target(c), "art_44__para_3"));
	cov_refs_free(r);
	cov_doc_free(law);
}

/* Forms of the Russian Federation's constitution: «статьями 20, 23 (часть
 * 1), 83», letters in quotes «пункте "д1"», «пунктах «а» и «б»». */
static const char ru_labels_text[] =
	"Конституция Примерной Федерации\n\n"
	"Статья 23\n\n"
	"1. Каждый имеет право на неприкосновенность частной жизни.\n\n"
	"2. Каждый имеет право на тайну переписки.\n\n"
	"Статья 83\n\n"
	"Президент Примерной Федерации:\n\n"
	"а) назначает Председателя Правительства;\n\n"
	"б) назначает федеральных министров;\n\n"
	"Статья 56\n\n"
	"1. В условиях чрезвычайного положения могут устанавливаться ограничения.\n\n"
	"2. Не подлежат ограничению права и свободы, предусмотренные статьями 20, 23 (часть 1), 83 Конституции "
	"Примерной Федерации.\n\n"
	"3. За исключением федеральных министров, указанных в пункте \"д1\" статьи 83, и лиц, указанных в "
	"пунктах «а» и «б» статьи 83.\n";

static void ru_labels(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(ru_labels_text);
	cov_refs *r = refs_of(doc);
	/* «23 (часть 1)»: part 1 of article 23, and the list goes on to 83 */
	const cov_citation *c = cite_with(doc, r, "статьями 20, 23 (часть 1), 83", 1);
	assert_int_equal(c->n_steps, 2);
	assert_int_equal(c->steps[1].kind, COV_NODE_PART);
	assert_string_equal(target(c), "art_23__para_1");
	assert_string_equal(target(cite_with(doc, r, "статьями 20, 23 (часть 1), 83", 2)), "art_83");
	/* «пункте "д1"»: the label whole */
	c = cite_with(doc, r, "пункте \"д1\" статьи 83", 0);
	assert_string_equal(c->steps[1].num, "д1");
	c = cite_with(doc, r, "пунктах «а» и «б» статьи 83", 1);
	assert_string_equal(c->steps[1].num, "б");
	assert_non_null(c->target);
	assert_string_equal(cov_node_num(c->target), "б");
	cov_refs_free(r);
	cov_doc_free(doc);
	/* «частями первой и второй настоящей статьи»: the article's numbered parts */
	doc = parse_str("Конституция Примерной Федерации\n\nСтатья 76\n\n1. По предметам ведения Федерации "
			"принимаются законы.\n\n2. По предметам совместного ведения издаются законы.\n\n3. Законы "
			"не могут противоречить законам, принятым в соответствии с частями первой и второй "
			"настоящей статьи.\n");
	r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "частями первой и второй", 1)), "art_76__para_2");
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* South African forms: siblings of a label in a list, letter ranges,
 * another act whose name opens with "Constitution", items of a schedule. */
static const char en_labels_text[] =
	"Examples Act\n\n"
	"Section 47. Membership\n"
	"(1) Every citizen is eligible, except—\n"
	"(a) a person in the service of the state;\n"
	"(b) a permanent delegate;\n"
	"(c) a person declared to be of unsound mind;\n"
	"(d) a person convicted of an offence;\n"
	"(e) an unrehabilitated insolvent.\n"
	"(2) The rules mentioned in paragraphs (a) to (c) of subsection (1) apply.\n"
	"Section 158. Councils\n"
	"A person disqualified in terms of section 47(1)(c), (d) or (e) from being a member of the Assembly, "
	"and subsections (1)(d) and (e) of section 47, or section 2(a) of the Constitution Eleventh Amendment "
	"Act, 2003, or section 47 of the Constitution, or section 12A.\n\n"
	"Schedule 2\n"
	"Oaths\n"
	"1. Oath of the President.\n"
	"2. Oath of the Deputy President, as in item 1 of this Schedule.\n";

static void en_labels(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(en_labels_text);
	cov_refs *r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "section 47(1)(c), (d) or (e)", 0)), "sec_47__para_1__point_c");
	assert_string_equal(target(cite_with(doc, r, "section 47(1)(c), (d) or (e)", 1)), "sec_47__para_1__point_d");
	assert_string_equal(target(cite_with(doc, r, "section 47(1)(c), (d) or (e)", 2)), "sec_47__para_1__point_e");
	assert_string_equal(target(cite_with(doc, r, "subsections (1)(d) and (e) of section 47", 1)),
			    "sec_47__para_1__point_e");
	assert_string_equal(target(cite_with(doc, r, "paragraphs (a) to (c)", 1)), "sec_47__para_1__point_b");
	assert_string_equal(target(cite_with(doc, r, "paragraphs (a) to (c)", 2)), "sec_47__para_1__point_c");
	const cov_citation *c = cite_with(doc, r, "section 2(a) of the Constitution Eleventh", 0);
	assert_int_equal(c->scope, COV_CITE_OTHER_ACT);
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	assert_memory_equal(t + c->act_end - 3, "Act", 3);
	assert_int_equal(cite_with(doc, r, "section 47 of the Constitution", 0)->scope, COV_CITE_CONSTITUTION);
	assert_string_equal(cite_with(doc, r, "section 12A", 0)->steps[0].num, "12A");
	c = cite_with(doc, r, "item 1 of this Schedule", 0);
	assert_non_null(c->target);
	assert_int_equal(c->target->kind, COV_NODE_PARAGRAPH);
	assert_int_equal(c->target->parent->kind, COV_NODE_ATTACHMENT);
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* Kenya: "paragraph (a)" in a clause's paragraph (b) is its sibling. */
static void en_sibling_paragraph(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Constitution of Examples\n\nArticle 75\n(1) A State officer shall behave.\n(2) A "
				 "person who contravenes clause (1)—\n(a) shall be subject to discipline; and\n(b) "
				 "if dismissed in consequence of paragraph (a), shall not hold office.\n");
	cov_refs *r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "paragraph (a)", 0)), "art_75__para_2__point_a");
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* India: "paragraph 20 of the Sixth Schedule", "the First Schedule"; not
 * "the first part of the year". */
static void en_ordinal_schedule(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Constitution of Examples\n\nArticle 1\nThe territories are specified in the "
				 "First Schedule, as in paragraph 2 of the Second Schedule, during the first part of the "
				 "year.\n\nFirst Schedule\n1. The states.\n\nSecond Schedule\n1. The salaries.\n2. "
				 "The allowances.\n");
	cov_refs *r = refs_of(doc);
	const cov_citation *c = cite_with(doc, r, "First Schedule", 0);
	assert_int_equal(c->steps[0].kind, COV_NODE_ATTACHMENT);
	assert_string_equal(c->steps[0].num, "1");
	assert_non_null(c->target);
	c = cite_with(doc, r, "paragraph 2 of the Second Schedule", 0);
	assert_int_equal(c->n_steps, 2);
	assert_string_equal(c->steps[0].num, "2");
	assert_non_null(c->target);
	/* the parser reads the schedule's items as articles: its item 2 still */
	assert_int_equal(c->target->parent->kind, COV_NODE_ATTACHMENT);
	assert_string_equal(cov_node_num(c->target->parent), "2");
	assert_string_equal(cov_node_num(c->target), "2");
	for (size_t i = 0; i < cov_refs_count(r); i++)
		assert_int_not_equal(cov_refs_get(r, i)->steps[0].kind, COV_NODE_PART);
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* Schedule 6 of South Africa's constitution: "the new Constitution" is the
 * text itself; "that Constitution" and "Schedule 2 to the … Act" are not. */
static void en_acts_named(void **state)
{
	(void)state;
	cov_doc *doc = parse_str("Examples Act\n\nSection 1\nThe rules in section 2 of the new Constitution, "
				 "section 73 of that Constitution, Schedule 2 to that Constitution, and Schedule 2 to the "
				 "Interpretation Act apply.\n\n"
				 "Section 2\nNothing.\n");
	cov_refs *r = refs_of(doc);
	const cov_citation *c = cite_with(doc, r, "section 2 of the new Constitution", 0);
	assert_int_equal(c->scope, COV_CITE_INTERNAL);
	assert_string_equal(target(c), "sec_2");
	assert_int_equal(cite_with(doc, r, "section 73 of that Constitution", 0)->scope, COV_CITE_OTHER_ACT);
	assert_int_equal(cite_with(doc, r, "Schedule 2 to the Interpretation Act", 0)->scope, COV_CITE_OTHER_ACT);
	assert_int_equal(cite_with(doc, r, "Schedule 2 to that Constitution", 0)->scope, COV_CITE_OTHER_ACT);
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* Kenya: "Article 98 (1) (b), (c) or (d)" with spaces, "Article 10 (2) (a) to
 * (c)", a list that changes its unit word before "of the former
 * Constitution", and the Sixth Schedule's own "section 2". */
static void en_kenya_forms(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(
		"Constitution of Examples\n\nArticle 10\n(1) The values bind.\n(2) The values are—\n(a) patriotism;\n"
		"(b) human dignity;\n(c) good governance.\n\nArticle 11\n(1) A person is disqualified under Article 10 (2) "
		"(b) or (c), and Article 10 (2) (a) to (c) applies.\n(2) Until Parliament passes the Act anticipated in "
		"Articles 10 and 11, section 93 of the former Constitution applies.\n\nSixth Schedule\nTransitional "
		"provisions\n1. Interpretation.\n2. The laws contemplated in section 1 are saved; Article 11 applies.\n");
	cov_refs *r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "Article 10 (2) (b) or (c)", 0)), "art_10__para_2__point_b");
	assert_string_equal(target(cite_with(doc, r, "Article 10 (2) (b) or (c)", 1)), "art_10__para_2__point_c");
	assert_string_equal(target(cite_with(doc, r, "Article 10 (2) (a) to (c)", 1)), "art_10__para_2__point_b");
	assert_string_equal(target(cite_with(doc, r, "Article 10 (2) (a) to (c)", 2)), "art_10__para_2__point_c");
	const cov_citation *c = cite_with(doc, r, "Articles 10 and 11", 1);
	assert_int_equal(c->scope, COV_CITE_INTERNAL);
	assert_string_equal(target(c), "art_11");
	assert_int_equal(cite_with(doc, r, "section 93 of the former Constitution", 0)->scope, COV_CITE_OTHER_ACT);
	/* the schedule's section 1, not the body's (its article 1 would not exist anyway) */
	c = cite_with(doc, r, "section 1", 0);
	assert_non_null(c->target);
	assert_int_equal(c->target->parent->kind, COV_NODE_ATTACHMENT);
	/* "Article 11" in the schedule: the body's */
	assert_string_equal(target(cite_with(doc, r, "Article 11", 0)), "art_11");
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* India: "sub-clauses (a) to (c) of clause (1) of article 1", "paragraph (2)
 * of this Schedule" (the schedule's own item 2, not point 2 of its item 1). */
static const char en_india_text[] =
	"Constitution of Examples\n\nArticle 1\n(1) The Union has—\n(a) states;\n(b) territories;\n(c) other "
	"areas.\n(2) The states are listed.\n\nArticle 2\nThe provisions of sub-clauses (a) to (c) of clause (1) of "
	"article 1 and clause (2) of article 1 apply.\n\nSixth Schedule\n1. Autonomous districts.\n(1) The "
	"districts.\n(2) The regions.\n2. Constitution of District Councils.\n(1) There shall be a Council.\n"
	"3. Powers, subject to paragraph (2) of this Schedule and sub-paragraph (1) of paragraph 1 of this "
	"Schedule.\n";

static void en_india_forms(void **state)
{
	(void)state;
	cov_doc *doc = parse_str(en_india_text);
	cov_refs *r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "sub-clauses (a) to (c) of clause (1) of article 1", 1)),
			    "art_1__para_1__point_b");
	assert_string_equal(target(cite_with(doc, r, "clause (2) of article 1", 0)), "art_1__para_2");
	const cov_citation *c = cite_with(doc, r, "paragraph (2) of this Schedule", 0);
	assert_non_null(c->target);
	assert_int_equal(c->target->parent->kind, COV_NODE_ATTACHMENT);
	assert_string_equal(cov_node_num(c->target), "2");
	c = cite_with(doc, r, "sub-paragraph (1) of paragraph 1 of this Schedule", 0);
	assert_non_null(c->target);
	assert_string_equal(cov_node_num(c->target), "1");
	assert_int_equal(c->target->parent->parent->kind, COV_NODE_ATTACHMENT);
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* India's Ninth Schedule lists acts as numbered items: "article 65" in the
 * body is still the body's article 65. */
static void india_refs(void **state)
{
	(void)state;
	REQUIRE_CORPUS(p, "constitute-192-marcomorucci/constitutions/India_2012.txt");
	cov_doc *doc;
	assert_int_equal(cov_doc_parse_file(test_data, p, NULL, &doc), COV_OK);
	cov_refs *r = refs_of(doc);
	for (size_t i = 0; i < cov_refs_count(r); i++) {
		const cov_citation *c = cov_refs_get(r, i);
		if (c->scope == COV_CITE_INTERNAL && c->target && c->n_steps == 1 &&
		    c->steps[0].kind == COV_NODE_ARTICLE && c->source && strncmp(cov_node_eid(c->source), "part_", 5) == 0)
			assert_null(strstr(cov_node_eid(c->target), "att_"));
	}
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* South Africa's rules of the National Assembly: "Rule 155(2)", "Rules
 * 123(1)(b) and 127", "Subrule (3)", "sub-section (1)"; "in the Gazette in
 * accordance with Section 74(5)" is a citation, "Gazette No. 20, s. 258" not. */
static void en_rules(void **state)
{
	(void)state;
	/* the rules as the parser reads the AKN of the National Assembly: sections */
	cov_doc *doc = parse_str("Rules of Examples\n\nSection 1. Speaker\n(1) The Speaker presides.\n(2) Subject to "
				 "Rule 2, the Speaker may rule.\n\nSection 2. House\n(1) Notwithstanding Rules 1(2) and 2, the House decides.\n"
				 "(2) Subrule (1) and sub-section (1) apply after publication in the Gazette in "
				 "accordance with Rule 1(1), see Gazette No. 20, s. 258.\n");
	cov_refs *r = refs_of(doc);
	assert_string_equal(target(cite_with(doc, r, "Rule 2", 0)), "sec_2");
	assert_string_equal(target(cite_with(doc, r, "Rules 1(2) and 2", 0)), "sec_1__para_2");
	assert_string_equal(target(cite_with(doc, r, "Subrule (1)", 0)), "sec_2__para_1");
	assert_string_equal(target(cite_with(doc, r, "sub-section (1)", 0)), "sec_2__para_1");
	assert_string_equal(target(cite_with(doc, r, "Rule 1(1)", 0)), "sec_1__para_1");
	for (size_t i = 0; i < cov_refs_count(r); i++)
		assert_string_not_equal(cov_refs_get(r, i)->steps[0].num, "258");
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* South Africa's constitution: schedules are numbered by their heading
 * only; "item 9" inside one is its item; lists of labels. */
static void south_africa_refs(void **state)
{
	(void)state;
	REQUIRE_CORPUS(p, "za-constitution-lawsafrica-akn/extracted/za_constitution_en.html");
	cov_doc *doc;
	assert_int_equal(cov_doc_parse_file(test_data, p, NULL, &doc), COV_OK);
	cov_refs *r = refs_of(doc);
	size_t unresolved = 0, schedules = 0;
	for (size_t i = 0; i < cov_refs_count(r); i++) {
		const cov_citation *c = cov_refs_get(r, i);
		if (c->scope != COV_CITE_INTERNAL || c->in_note)
			continue;
		if (!c->target)
			unresolved++;
		else if (c->steps[0].kind == COV_NODE_ATTACHMENT)
			schedules++;
	}
	/* before: 257 unresolved, no schedule resolved (the rest: tables, the
	 * interim constitution's items, the commencement table) */
	assert_true(unresolved < 60);
	assert_true(schedules > 40);
	const cov_citation *c = cite_with(doc, r, "section 47(1)(c), (d) or (e)", 2);
	assert_non_null(strstr(target(c), "sec_47__subsec_1__para_e"));
	cov_refs_free(r);
	cov_doc_free(doc);
}

/* The Russian constitution of 2020: «статьи 23 (часть 1)». */
static void russia_refs(void **state)
{
	(void)state;
	REQUIRE_CORPUS(p, "ru-constitution-history-akamaus/versions/constitution_ru_2020-03-14.txt");
	cov_doc *doc;
	assert_int_equal(cov_doc_parse_file(test_data, p, NULL, &doc), COV_OK);
	cov_refs *r = refs_of(doc);
	const cov_citation *c = cite_with(doc, r, "23 (часть 1), 24, 28, 34", 3);
	assert_string_equal(c->steps[0].num, "24");
	assert_int_equal(c->steps[0].kind, COV_NODE_ARTICLE);
	assert_non_null(strstr(target(c), "art_24"));
	cov_refs_free(r);
	cov_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ru_internal),
		cmocka_unit_test(en_internal),
		cmocka_unit_test(en_constitution),
		cmocka_unit_test(akn_refs),
		cmocka_unit_test(no_citations),
		cmocka_unit_test(synthetic_conform),
		cmocka_unit_test(units_without_words),
		cmocka_unit_test(paragraph_not_point),
		cmocka_unit_test(kazakhstan_conform),
		cmocka_unit_test(kazakhstan_conform_more),
		cmocka_unit_test(kazakhstan_refs),
		cmocka_unit_test(ru_labels),
		cmocka_unit_test(en_labels),
		cmocka_unit_test(en_sibling_paragraph),
		cmocka_unit_test(en_ordinal_schedule),
		cmocka_unit_test(en_acts_named),
		cmocka_unit_test(en_kenya_forms),
		cmocka_unit_test(en_india_forms),
		cmocka_unit_test(india_refs),
		cmocka_unit_test(en_rules),
		cmocka_unit_test(south_africa_refs),
		cmocka_unit_test(russia_refs),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
