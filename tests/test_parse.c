/*
 * test_parse.c — the structure parser on small texts written to show one
 * behaviour each.  Every fixture is also checked for lost words and a sane
 * tree (spans nested and ordered, eIds unique).
 */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

static cov_doc *check(const char *text)
{
	cov_doc *doc = parse_str(text);
	assert_tree_sane(doc);
	assert_no_word_lost(doc);
	return doc;
}

static void assert_text(const cov_doc *doc, const cov_node *n, const char *want)
{
	assert_non_null(n);
	char *got = node_text(doc, n);
	assert_string_equal(got, want);
	free(got);
}

static void russian_sections_articles_paragraphs(void **state)
{
	(void)state;
	const char *text = "Конституция Республики Примерии\n"
			   "\n"
			   "Раздел I. Основы конституционного строя\n"
			   "Статья 1.\n"
			   "Примерия – демократическое государство.\n"
			   "Статья 2.\n"
			   "1. Суверенитет распространяется на всю территорию.\n"
			   "2. Столица – город Тест.\n"
			   "Раздел II. Права человека\n"
			   "Статья 26-1.\n"
			   "Каждый имеет право на жизнь.\n";
	cov_doc *doc = check(text);
	assert_string_equal(cov_doc_language(doc), "ru");
	assert_string_equal(cov_doc_title(doc), "Конституция Республики Примерии");
	assert_int_equal(cov_doc_count(doc, COV_NODE_SECTION), 2);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 3);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 2);
	const cov_node *s1 = find_node(doc, COV_NODE_SECTION, "I");
	assert_non_null(s1);
	assert_string_equal(cov_node_heading(s1), "Основы конституционного строя");
	assert_int_equal(cov_node_line(s1), 3);
	assert_int_equal(cov_node_ordinal(s1), 1);
	const cov_node *p = find_node(doc, COV_NODE_PARAGRAPH, "2");
	assert_string_equal(cov_node_eid(p), "sec_I__art_2__para_2");
	assert_int_equal(cov_node_line(p), 8);
	assert_text(doc, p, "Столица – город Тест.");
	const cov_node *a = find_node(doc, COV_NODE_ARTICLE, "26-1");
	assert_non_null(a);
	assert_string_equal(cov_node_eid(a), "sec_II__art_26-1");
	assert_string_equal(cov_node_num_printed(a), "26-1");
	assert_int_equal(cov_node_ordinal(a), 26);
	/* the byte span starts at the heading */
	size_t len;
	const char *t = cov_doc_text(doc, &len);
	assert_memory_equal(t + cov_node_start(a), "Статья 26-1.", strlen("Статья 26-1."));
	assert_int_equal(cov_node_end(a), len);
	assert_int_equal(cov_doc_primary_kind(doc), COV_NODE_ARTICLE);
	cov_doc_free(doc);
}

static void heading_and_text_on_one_line(void **state)
{
	(void)state;
	const char *text = "Статья 1. Республика Беларусь – унитарное демократическое социальное правовое государство.\n"
			   "Статья 2. Право на жизнь\n"
			   "Каждый имеет право на жизнь.\n"
			   "Статья 3. Брак как союз.\n"
			   "Брак основан на добровольном согласии.\n";
	cov_doc *doc = check(text);
	const cov_node *a1 = find_node(doc, COV_NODE_ARTICLE, "1");
	assert_string_equal(cov_node_heading(a1), "");
	assert_text(doc, a1, "Республика Беларусь – унитарное демократическое социальное правовое государство.");
	const cov_node *a2 = find_node(doc, COV_NODE_ARTICLE, "2");
	assert_string_equal(cov_node_heading(a2), "Право на жизнь");
	assert_text(doc, a2, "Каждый имеет право на жизнь.");
	assert_string_equal(cov_node_heading(find_node(doc, COV_NODE_ARTICLE, "3")), "Брак как союз");
	cov_doc_free(doc);
}

static void english_headings_on_their_own_line(void **state)
{
	(void)state;
	const char *text = "Constitution of Testland\n\n"
			   "Part II\n\nFundamental Rights\n\n"
			   "Article 8. [Freedom of assembly]\n"
			   "Everyone has the right of peaceful assembly.\n\n"
			   "Article 9\n\n"
			   "1. Everyone has the right to freedom of association.\n"
			   "2. No one may be compelled to belong to an association.\n";
	cov_doc *doc = check(text);
	assert_string_equal(cov_doc_language(doc), "en");
	const cov_node *part = find_node(doc, COV_NODE_PART, "II");
	assert_string_equal(cov_node_heading(part), "Fundamental Rights");
	const cov_node *a8 = find_node(doc, COV_NODE_ARTICLE, "8");
	assert_string_equal(cov_node_heading(a8), "Freedom of assembly");
	assert_ptr_equal(cov_node_parent(a8), part);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 2);
	assert_string_equal(cov_node_eid(find_node(doc, COV_NODE_PARAGRAPH, "2")), "part_II__art_9__para_2");
	cov_doc_free(doc);
}

static void kazakh_number_first(void **state)
{
	(void)state;
	const char *text = "Қазақстан Республикасының Конституциясы\n"
			   "1-бап\n"
			   "Қазақстан Республикасы өзін демократиялық, зайырлы, құқықтық және әлеуметтік мемлекет ретінде орнықтырады.\n"
			   "2-бап\n"
			   "1. Қазақстан Республикасы – унитарлық мемлекет.\n"
			   "2. Республиканың егемендігі оның бүкіл аумағын қамтиды және бұл үшін заңмен қорғалады.\n"
			   "3-бап\n"
			   "Мемлекеттік биліктің бірден-бір бастауы – халық және оның құқықтары мен бостандықтары.\n";
	cov_doc *doc = check(text);
	assert_string_equal(cov_doc_language(doc), "kk");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 3);
	const cov_node *a2 = find_node(doc, COV_NODE_ARTICLE, "2");
	assert_non_null(a2);
	assert_string_equal(cov_node_num_printed(a2), "2");
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 2);
	cov_doc_free(doc);
}

/* A number word before the keyword ("THIRD PART"): the line starts with
 * no keyword, and must still be read as a heading (a shortcut that folds
 * only lines whose first letters can begin a keyword once missed these). */
static void number_word_before_keyword(void **state)
{
	(void)state;
	const char *text = "THIRD PART GENERAL PROVISIONS\n"
			   "Article 1 Sovereignty\n"
			   "The people are sovereign.\n"
			   "TWELFTH PART RIGHTS\n"
			   "Article 2 Life\n"
			   "Everyone has the right to life.\n";
	cov_doc *doc = check(text);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PART), 2);
	const cov_node *p2 = find_node(doc, COV_NODE_PART, "12");
	assert_non_null(p2);
	assert_string_equal(cov_node_heading(p2), "RIGHTS");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	cov_doc_free(doc);
}

static void commonwealth_sections_without_keywords(void **state)
{
	(void)state;
	const char *text = "Chapter III — Fundamental Rights\n"
			   "10. Fundamental rights and freedoms\n"
			   "Every person is entitled to the rights set out in this Chapter.\n"
			   "11. Protection of right to life\n"
			   "(1) No person shall be deprived of life intentionally.\n"
			   "(2) A person shall not be regarded as deprived of life if death results-\n"
			   "(a) from force used in defence of any person; or\n"
			   "(b) in order to effect a lawful arrest.\n"
			   "12. (1) Every person has the right to freedom of expression.\n"
			   "(2) Nothing in this section prevents a law on defamation.\n"
			   "13. Protection of freedom of assembly\n"
			   "Every person has the right to assemble peacefully.\n"
			   "14. Protection from discrimination\n"
			   "No law shall make any provision that is discriminatory.\n";
	cov_doc *doc = check(text);
	assert_int_equal(cov_doc_primary_kind(doc), COV_NODE_SECTION);
	assert_int_equal(cov_doc_count(doc, COV_NODE_SECTION), 5);
	const cov_node *s11 = find_node(doc, COV_NODE_SECTION, "11");
	assert_string_equal(cov_node_heading(s11), "Protection of right to life");
	assert_string_equal(cov_node_eid(s11), "chp_III__sec_11");
	assert_string_equal(cov_node_heading(find_node(doc, COV_NODE_CHAPTER, "III")), "Fundamental Rights");
	const cov_node *b = find_node(doc, COV_NODE_POINT, "b");
	assert_string_equal(cov_node_eid(b), "chp_III__sec_11__para_2__point_b");
	/* "12. (1) …": the section's first paragraph starts on its heading line */
	const cov_node *s12 = find_node(doc, COV_NODE_SECTION, "12");
	const cov_node *p1 = cov_node_first_child(s12);
	assert_non_null(p1);
	assert_string_equal(cov_node_num(p1), "1");
	assert_int_equal(cov_node_line(p1), cov_node_line(s12));
	assert_text(doc, p1, "Every person has the right to freedom of expression.");
	cov_doc_free(doc);
}

static void us_style_sections_inside_articles(void **state)
{
	(void)state;
	const char *text = "Article I\n"
			   "Section 1.\nAll legislative Powers herein granted shall be vested in a Congress.\n"
			   "Section 2.\nThe House shall be composed of Members chosen every second Year.\n"
			   "Section 3.\nThe Senate shall be composed of two Senators from each State.\n"
			   "Article II\n"
			   "Section 1.\nThe executive Power shall be vested in a President.\n"
			   "Section 2.\nThe President shall be Commander in Chief.\n"
			   "Article III\n"
			   "Section 1.\nThe judicial Power shall be vested in one supreme Court.\n";
	cov_doc *doc = check(text);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 3);
	assert_int_equal(cov_doc_count(doc, COV_NODE_SECTION), 6);
	const cov_node *s = nth_node(doc, COV_NODE_SECTION, 3);
	assert_string_equal(cov_node_eid(s), "art_II__sec_1");
	assert_int_equal(cov_node_kind_of(cov_node_parent(s)), COV_NODE_ARTICLE);
	cov_doc_free(doc);
}

static void unknown_heading_word_in_sequence(void **state)
{
	(void)state;
	/* Turkish: no data file knows «Madde»; its numbers run 1, 2, 3, 4 */
	const char *text = "Türkiye Cumhuriyeti Anayasası\n"
			   "Madde 1\nTürkiye Devleti bir Cumhuriyettir.\n"
			   "Madde 2\nTürkiye Cumhuriyeti demokratik, laik ve sosyal bir hukuk Devletidir.\n"
			   "Madde 3\nTürkiye Devleti, ülkesi ve milletiyle bölünmez bir bütündür.\n"
			   "Madde 4\nAnayasanın 1 inci maddesindeki hüküm değiştirilemez.\n"
			   "Sayfa 12\n";
	cov_doc *doc = check(text);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 4);
	assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_ARTICLE, 3)), "4");
	cov_doc_free(doc);
	/* the same shape without a sequence is text */
	doc = check("Madde 7\nBir.\nMadde 3\nİki.\n");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 0);
	cov_doc_free(doc);
}

static void numbered_list_is_not_an_article(void **state)
{
	(void)state;
	const char *text = "Article 1\n"
			   "The state guarantees:\n"
			   "1. education;\n2. health care;\n3. social security.\n"
			   "Article 2\n"
			   "1. Everyone has the right to life.\n2. The death penalty is abolished.\n"
			   "Article 3\n"
			   "Article 5 of this Constitution applies to residents.\n"
			   "Article 4\nText.\n";
	cov_doc *doc = check(text);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 4);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 5);
	/* a reference at the start of a line is not a heading */
	assert_text(doc, find_node(doc, COV_NODE_ARTICLE, "3"), "Article 5 of this Constitution applies to residents.");
	cov_doc_free(doc);
}

static void points_and_roman_letters(void **state)
{
	(void)state;
	const char *text = "Статья 1.\n"
			   "1. Гражданин имеет право:\n"
			   "а) избирать;\n"
			   "б) быть избранным;\n"
			   "2. Иное.\n"
			   "Article 2\n"
			   "(1) The list:\n"
			   "(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n(f) six;\n(g) seven;\n(h) eight;\n"
			   "(i) nine, being a letter after (h);\n"
			   "(j) ten, which has\n"
			   "(i) a first part and\n"
			   "(ii) a second part.\n";
	cov_doc *doc = check(text);
	const cov_node *b = find_node(doc, COV_NODE_POINT, "б");
	assert_non_null(b);
	assert_string_equal(cov_node_eid(b), "art_1__para_1__point_б");
	const cov_node *i_letter = nth_node(doc, COV_NODE_POINT, 10);
	assert_string_equal(cov_node_num(i_letter), "i");
	assert_int_equal(cov_node_ordinal(i_letter), 9);
	const cov_node *ii = find_node(doc, COV_NODE_POINT, "ii");
	assert_non_null(ii);
	assert_int_equal(cov_node_ordinal(ii), 2);
	assert_string_equal(cov_node_eid(ii), "art_2__para_1__point_j__point_ii");
	cov_doc_free(doc);
}

static void preamble_labelled_and_not(void **state)
{
	(void)state;
	cov_doc *doc = check("Constitution of Testland\n\nPreamble\n\nWe the people adopt it.\n\nArticle 1\nText.\n");
	const cov_node *pre = nth_node(doc, COV_NODE_PREAMBLE, 0);
	assert_non_null(pre);
	assert_text(doc, pre, "We the people adopt it.");
	assert_string_equal(cov_node_eid(pre), "preamble");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_PREFACE, 0)), "preface");
	cov_doc_free(doc);
	doc = check("Constitution of Testland\nAdopted on 1 May.\n\nWe, the people of Testland,\nadopt this Constitution.\n\n"
		    "Article 1\nText.\n");
	pre = nth_node(doc, COV_NODE_PREAMBLE, 0);
	assert_non_null(pre);
	assert_text(doc, pre, "We, the people of Testland,\nadopt this Constitution.");
	assert_text(doc, nth_node(doc, COV_NODE_PREFACE, 0), "Constitution of Testland\nAdopted on 1 May.");
	cov_doc_free(doc);
}

static void markdown_and_crlf(void **state)
{
	(void)state;
	cov_doc *doc = check("---\ntitle: x\n---\n\n# Конституция\r\n\r\n## Раздел I. Общие положения\r\n\r\n### Статья 1\r\n\r\n"
			     "Текст первой статьи.\r\n\r\n### Статья 2\r\n\r\n1. Пункт.\r\n2. Второй пункт.\r\n");
	assert_string_equal(cov_doc_title(doc), "Конституция");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PARAGRAPH), 2);
	assert_string_equal(cov_node_heading(find_node(doc, COV_NODE_SECTION, "I")), "Общие положения");
	assert_text(doc, find_node(doc, COV_NODE_ARTICLE, "1"), "Текст первой статьи.");
	cov_doc_free(doc);
}

static void articles_numbered_per_chapter(void **state)
{
	(void)state;
	cov_doc *doc = check("Chapter 1\nArticle 1\nA.\nArticle 2\nB.\nChapter 2\nArticle 1\nC.\nArticle 2\nD.\nArticle 3\nE.\n");
	assert_int_equal(cov_doc_count(doc, COV_NODE_CHAPTER), 2);
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 5);
	assert_non_null(find_node(doc, COV_NODE_ARTICLE, "3"));
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_ARTICLE, 4)), "chp_2__art_3");
	cov_doc_free(doc);
}

static void lost_superscript(void **state)
{
	(void)state;
	/* Russia 2020 as published without superscripts: 67¹ printed "671" */
	cov_doc *doc = check("Статья 66\nА.\nСтатья 67\nБ.\nСтатья 671\nВ.\nСтатья 68\nГ.\n");
	const cov_node *a = nth_node(doc, COV_NODE_ARTICLE, 2);
	assert_string_equal(cov_node_num(a), "67-1");
	assert_string_equal(cov_node_num_printed(a), "671");
	assert_int_equal(cov_node_ordinal(a), 67);
	cov_doc_free(doc);
	/* with no article 3 after it, «Article 22» is article 22 (found by fuzz_refs) */
	doc = check("Article 1\nA.\nArticle 2\nB.\nArticle 22\nC.\n");
	assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_ARTICLE, 2)), "22");
	cov_doc_free(doc);
}

/* A note between a paragraph's points (Adilet: «Примечание. См. нормативное
 * постановление …») hangs from the unit before it; the points after it stay
 * the paragraph's, law's words, not the note's (KZ 1995 art. 61(3) lost
 * its eleven points into two notes). */
static void note_between_points(void **state)
{
	(void)state;
	cov_doc *doc = check("Статья 1\n1. Парламент издает законы, касающиеся:\n"
			     "Примечание. См. нормативное постановление Конституционного Совета.\n"
			     "1) прав граждан;\n2) собственности;\n"
			     "Примечание. См. другое постановление.\n3) бюджета.\n2. Иные вопросы.\n");
	const cov_node *para = nth_node(doc, COV_NODE_PARAGRAPH, 0);
	for (int k = 0; k < 3; k++)
		assert_ptr_equal(cov_node_parent(nth_node(doc, COV_NODE_POINT, k)), para);
	assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_POINT, 2)), "3");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_PARAGRAPH, 1)), "art_1__para_2");
	cov_doc_free(doc);
}

/* Scraped lists whose markers touch their text: «c.», «d.», «i.» read as
 * roman numerals alone, and «ii.», «III.» are roman; the list decides
 * (Malaysia 10: point c was read into point b; Brazil 1: I.–V. were text).
 * A «Sole Paragraph» after such items is the article's, not the last item's. */
static void touching_markers(void **state)
{
	(void)state;
	cov_doc *doc = check("Article 10\n1. Subject to Clause (2)—\n\na.every citizen has the right to speech;\n\n"
			     "b.all citizens have the right to assemble;\n\nc.all citizens may form associations.\n\n"
			     "2. Parliament may impose—\n\ni.on speech;\n\nii.on assembly;\n\niii.on associations.\n");
	assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_POINT, 2)), "c");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_POINT, 2)), "art_10__para_1__point_c");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_POINT, 4)), "art_10__para_2__point_ii");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_POINT, 5)), "art_10__para_2__point_iii");
	cov_doc_free(doc);
	doc = check("Article 1\nThe Republic is founded on:\n\nI.sovereignty;\n\nII.citizenship;\n\nIII.human dignity.\n\n"
		    "Sole Paragraph\nAll power emanates from the people.\n\nArticle 2\nThe branches are independent.\n");
	const cov_node *art = nth_node(doc, COV_NODE_ARTICLE, 0);
	assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_PARAGRAPH, 2)), "III");
	assert_ptr_equal(cov_node_parent(nth_node(doc, COV_NODE_PARAGRAPH, 3)), art);
	cov_doc_free(doc);
}

/* A point inserted after «д» is «д1)» (Russia 2020, arts. 71, 83): its own
 * point, not a line of «д»; citations of «пункте "д1"» resolve to it. */
static void inserted_letter_points(void **state)
{
	(void)state;
	cov_doc *doc = check("Статья 83\nПрезидент Российской Федерации:\nа) назначает;\nб) председательствует;\n"
			     "в) утверждает;\nг) представляет;\nд) назначает министров;\n"
			     "д1) назначает руководителей федеральных органов;\nе) представляет Совету.\n");
	const cov_node *p = nth_node(doc, COV_NODE_PARAGRAPH, 5);
	assert_string_equal(cov_node_num(p), "д1");
	assert_string_equal(cov_node_num(nth_node(doc, COV_NODE_PARAGRAPH, 6)), "е");
	cov_doc_free(doc);
}

static void duplicate_numbers_get_unique_eids(void **state)
{
	(void)state;
	cov_doc *doc = check("Article 1\nA.\nArticle 1\nB.\nArticle 2\nC.\n");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_ARTICLE, 0)), "art_1");
	assert_string_equal(cov_node_eid(nth_node(doc, COV_NODE_ARTICLE, 1)), "art_1_v2");
	cov_doc_free(doc);
}

static void plain_prose_has_no_structure(void **state)
{
	(void)state;
	cov_doc *doc = check("This is a letter.\nIt has two lines and no articles.\n");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 0);
	assert_int_equal(cov_doc_count(doc, COV_NODE_PREFACE), 1);
	cov_doc_free(doc);
}

static void language_forced(void **state)
{
	(void)state;
	cov_parse_options o = {.language = "kk"};
	const char *t = "Article 1\nEveryone has the right to life.\n";
	cov_doc *doc = parse_str_opts(t, strlen(t), &o);
	assert_string_equal(cov_doc_language(doc), "kk");
	cov_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(russian_sections_articles_paragraphs),
		cmocka_unit_test(heading_and_text_on_one_line),
		cmocka_unit_test(english_headings_on_their_own_line),
		cmocka_unit_test(kazakh_number_first),
		cmocka_unit_test(number_word_before_keyword),
		cmocka_unit_test(commonwealth_sections_without_keywords),
		cmocka_unit_test(us_style_sections_inside_articles),
		cmocka_unit_test(unknown_heading_word_in_sequence),
		cmocka_unit_test(numbered_list_is_not_an_article),
		cmocka_unit_test(points_and_roman_letters),
		cmocka_unit_test(preamble_labelled_and_not),
		cmocka_unit_test(markdown_and_crlf),
		cmocka_unit_test(articles_numbered_per_chapter),
		cmocka_unit_test(lost_superscript),
		cmocka_unit_test(note_between_points),
		cmocka_unit_test(touching_markers),
		cmocka_unit_test(inserted_letter_points),
		cmocka_unit_test(duplicate_numbers_get_unique_eids),
		cmocka_unit_test(plain_prose_has_no_structure),
		cmocka_unit_test(language_forced),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
