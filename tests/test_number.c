/*
 * test_number.c — numbers of legal units: roman numerals, digits of other
 * scripts, suffixes of inserted units, number words.
 */
#include "helpers.h"
#include "parse/number.h"

#include <string.h>

static void roman(void **state)
{
	(void)state;
	assert_int_equal(cov_roman_value("I", 1), 1);
	assert_int_equal(cov_roman_value("IV", 2), 4);
	assert_int_equal(cov_roman_value("XIV", 3), 14);
	assert_int_equal(cov_roman_value("xiv", 3), 14);
	assert_int_equal(cov_roman_value("MCMXCV", 6), 1995);
	assert_int_equal(cov_roman_value("IIX", 3), 0);  /* not canonical */
	assert_int_equal(cov_roman_value("IIII", 4), 0);
	assert_int_equal(cov_roman_value("Iv", 2), 0);   /* mixed case */
	assert_int_equal(cov_roman_value("mild", 4), 0);
}

static size_t scan(const char *s, unsigned allow, cov_num *n)
{
	return cov_num_scan(test_data, s, strlen(s), allow, n);
}

static void arabic_and_suffixes(void **state)
{
	(void)state;
	cov_num n;
	const unsigned all = COV_NUM_ALLOW_SUFFIX | COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_WORD;
	assert_int_equal(scan("26-1. Text", all, &n), 4);
	assert_string_equal(n.norm, "26-1");
	assert_int_equal(n.value, 26);
	assert_true(n.has_suffix);
	assert_int_equal(scan("94‐1", all, &n), strlen("94‐1")); /* U+2010 hyphen */
	assert_string_equal(n.norm, "94-1");
	assert_int_equal(scan("5bis", all, &n), 4);
	assert_string_equal(n.norm, "5bis");
	assert_int_equal(scan("67.1 ", all, &n), 4);
	assert_string_equal(n.norm, "67.1");
	assert_int_equal(scan("12A. Title", all, &n), 3);
	assert_string_equal(n.norm, "12A");
	/* two capitals: India's «239AA», Pakistan's «203CC»; not "12abc" */
	assert_int_equal(scan("239AA. Special provisions", all, &n), 5);
	assert_string_equal(n.norm, "239AA");
	assert_int_equal(n.value, 239);
	assert_true(n.has_suffix);
	assert_int_equal(scan("12Ab", all, &n), 0);
	assert_int_equal(scan("LYA 1", all, &n), 0); /* a word, not L with a suffix */
	assert_int_equal(scan("67¹", all, &n), strlen("67¹"));
	assert_string_equal(n.norm, "67-1");
	/* "5. Text": the dot ends the number */
	assert_int_equal(scan("5. Text", all, &n), 1);
	assert_string_equal(n.norm, "5");
	assert_false(n.has_suffix);
	/* a number glued to a word is no number */
	assert_int_equal(scan("1990s", all, &n), 0);
	/* a run of digits too long to be a unit */
	assert_int_equal(scan("12345678901234", all, &n), 0);
}

static void other_scripts(void **state)
{
	(void)state;
	cov_num n;
	/* Arabic-Indic 23, Devanagari 7, fullwidth 4 */
	assert_true(scan("٢٣", 0, &n) > 0);
	assert_int_equal(n.value, 23);
	assert_string_equal(n.norm, "23");
	assert_true(scan("७", 0, &n) > 0);
	assert_int_equal(n.value, 7);
	assert_true(scan("４", 0, &n) > 0);
	assert_int_equal(n.value, 4);
	/* Ethiopic numerals are additive: ፳፩ 21, ፲፩ 11, ፴ 30; only when asked */
	assert_int_equal(scan("፳፩፤", COV_NUM_ALLOW_ETHIOPIC, &n), strlen("፳፩"));
	assert_int_equal(n.value, 21);
	assert_string_equal(n.norm, "21");
	assert_true(scan("፲፩", COV_NUM_ALLOW_ETHIOPIC, &n) > 0);
	assert_int_equal(n.value, 11);
	assert_true(scan("፴", COV_NUM_ALLOW_ETHIOPIC, &n) > 0);
	assert_int_equal(n.value, 30);
	assert_int_equal(scan("፳፩", 0, &n), 0);
}

static void roman_letters_words(void **state)
{
	(void)state;
	cov_num n;
	assert_int_equal(scan("XIV.", COV_NUM_ALLOW_ROMAN, &n), 3);
	assert_int_equal(n.type, COV_NUM_ROMAN);
	assert_int_equal(n.value, 14);
	assert_string_equal(n.norm, "XIV");
	/* roman only when allowed */
	assert_int_equal(scan("XIV.", 0, &n), 0);
	assert_int_equal(scan("b)", COV_NUM_ALLOW_LETTER, &n), 1);
	assert_int_equal(n.value, 2);
	assert_int_equal(scan("в)", COV_NUM_ALLOW_LETTER, &n), strlen("в"));
	assert_int_equal(n.value, 3);
	assert_int_equal(scan("к)", COV_NUM_ALLOW_LETTER, &n), strlen("к"));
	assert_int_equal(n.value, 10); /* й is skipped in Russian lists */
	assert_int_equal(scan("FIRST", COV_NUM_ALLOW_WORD, &n), 5);
	assert_int_equal(n.value, 1);
	assert_int_equal(scan("третья", COV_NUM_ALLOW_WORD, &n), strlen("третья"));
	assert_int_equal(n.value, 3);
	assert_string_equal(n.norm, "3");
	/* a word that merely starts like a number word */
	assert_int_equal(scan("firstly", COV_NUM_ALLOW_WORD, &n), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roman),
		cmocka_unit_test(arabic_and_suffixes),
		cmocka_unit_test(other_scripts),
		cmocka_unit_test(roman_letters_words),
	};
	return cmocka_run_group_tests(tests, test_setup_data, test_teardown_data);
}
