/*
 * test_startup.c — what makes a process start fast must not change what it
 * says: case folding without ICU where ICU's answer is known (every code
 * point, and ill-formed bytes, against ICU itself), rights lexicons built
 * on first use (a parse does not need them; a malformed phrase is still
 * reported, by check, with its file and line), and built once when threads
 * ask for them together.
 */
#define _GNU_SOURCE
#include "helpers.h"
#include "util/util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

/* ICU's full case folding of the whole string: what cov_utf8_fold must give. */
static int icu_fold(UCaseMap *m, const char *s, size_t n, char *out, size_t cap)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t len = ucasemap_utf8FoldCase(m, out, (int32_t)cap, s, (int32_t)n, &err);
	if (U_FAILURE(err) || (size_t)len >= cap)
		return -1;
	out[len] = '\0';
	return len;
}

static void assert_fold_as_icu(UCaseMap *m, const char *s, size_t n, size_t cap)
{
	char want[64], got[64];
	int wl = icu_fold(m, s, n, want, cap);
	int gl = cov_utf8_fold(s, n, got, cap);
	if (wl != gl || (wl >= 0 && memcmp(want, got, (size_t)wl) != 0)) {
		char hex[3 * 32 + 1] = "";
		for (size_t k = 0; k < n && k < 32; k++)
			snprintf(hex + 3 * k, 4, "%02x ", (unsigned char)s[k]);
		fail_msg("fold of [%s] (cap %zu): ICU %d, covenant %d", hex, cap, wl, gl);
	}
}

static void fold_every_code_point_as_icu(void **state)
{
	(void)state;
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *m = ucasemap_open(NULL, 0, &err);
	assert_false(U_FAILURE(err));
	for (UChar32 cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		/* alone, between Cyrillic and ASCII letters, twice (the second
		 * time from the kept answer) */
		char s[32];
		int32_t n = 0;
		U8_APPEND_UNSAFE(s, n, cp);
		assert_fold_as_icu(m, s, (size_t)n, 64);
		int32_t k = 0;
		memcpy(s, "\xd0\x96Q", 3);
		k = 3;
		U8_APPEND_UNSAFE(s, k, cp);
		memcpy(s + k, "Z\xd0\xaf", 3);
		k += 3;
		assert_fold_as_icu(m, s, (size_t)k, 64);
		assert_fold_as_icu(m, s, (size_t)k, 64);
	}
	ucasemap_close(m);
}

/* Random bytes, most of them the start or the middle of a sequence: cut
 * characters (callers fold the first 96 bytes of a line), stray trail
 * bytes, overlong forms, and outputs that do not fit. */
static void fold_ill_formed_and_short_buffers_as_icu(void **state)
{
	(void)state;
	static const unsigned char pool[] = {'a', 'Z', ' ', '.', 0x80, 0x96, 0xAF, 0xBF, 0xC0, 0xC3, 0x9F,
					     0xCE, 0x90, 0xD0, 0xD1, 0x91, 0xD3, 0x98, 0xE2, 0x84, 0x96, 0x80,
					     0xED, 0xA0, 0xF0, 0x9F, 0xF4, 0x90, 0xFF, 0xE1, 0xBA, 0x9E};
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *m = ucasemap_open(NULL, 0, &err);
	assert_false(U_FAILURE(err));
	unsigned seed = 12345;
	for (int t = 0; t < 200000; t++) {
		char s[16];
		size_t n = (size_t)(rand_r(&seed) % 13);
		for (size_t k = 0; k < n; k++)
			s[k] = (char)pool[rand_r(&seed) % sizeof pool];
		size_t cap = 1 + (size_t)(rand_r(&seed) % 40);
		assert_fold_as_icu(m, s, n, cap);
	}
	ucasemap_close(m);
}

/* The first ill-formed sequence as ICU's U8_NEXT finds it, one character at a time. */
static size_t reference_invalid_at(const char *s, size_t n)
{
	int32_t i = 0;
	while ((size_t)i < n) {
		int32_t start = i;
		UChar32 c;
		U8_NEXT((const uint8_t *)s, i, (int32_t)n, c);
		if (c < 0)
			return (size_t)start;
	}
	return n;
}

static void validation_as_u8_next(void **state)
{
	(void)state;
	static const unsigned char pool[] = {'a', ' ', 0x80, 0x8F, 0xBF, 0xC0, 0xC1, 0xC2, 0xD0, 0xD1, 0xDF,
					     0xE0, 0xA0, 0xE2, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0xF5, 0xFF};
	unsigned seed = 777;
	for (int t = 0; t < 300000; t++) {
		char s[24];
		size_t n = (size_t)(rand_r(&seed) % 24);
		/* mostly valid text with a few odd bytes: long ASCII runs too */
		for (size_t k = 0; k < n; k++)
			s[k] = rand_r(&seed) % 3 ? (char)"Lorem ipsum \xd0\x96\xd0\xb8"[rand_r(&seed) % 16]
						: (char)pool[rand_r(&seed) % sizeof pool];
		size_t want = reference_invalid_at(s, n), got = cov_utf8_invalid_at(s, n);
		if (want != got)
			fail_msg("invalid_at of %zu bytes: U8_NEXT says %zu, covenant %zu", n, want, got);
	}
}

/* A copy of data/ whose Russian rights lexicon has a malformed phrase. */
static char *broken_data_copy(void)
{
	const char *src = getenv("COVENANT_DATA");
	assert_non_null(src);
	char tmpl[] = "/tmp/covenant-data.XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "cp -R '%s'/. '%s' && printf 'right 19: ~ свобода\\n' >> '%s/rights/ru.txt'", src,
		 dir, dir);
	assert_int_equal(system(cmd), 0);
	return strdup(dir);
}

static void remove_dir(char *dir)
{
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static const char ru_text[] = "Конституция\n\nСтатья 1.\nКаждый имеет право на жизнь.\n\n"
			      "Статья 2.\nГраждане имеют право на мирные собрания.\n";
static const char en_text[] = "Constitution\n\nArticle 1.\nEveryone has the right to life.\n\n"
			      "Article 2.\nCitizens have the right to peaceful assembly.\n";

static void parse_does_not_need_rights_lexicons(void **state)
{
	(void)state;
	char *dir = broken_data_copy();
	cov_data *d = NULL;
	/* the malformed phrase is in a lexicon that parsing never reads */
	assert_int_equal(cov_data_open(dir, &d), COV_OK);
	cov_doc *doc = NULL;
	assert_int_equal(cov_doc_parse_buffer(d, ru_text, strlen(ru_text), "ru", NULL, &doc), COV_OK);
	assert_string_equal(cov_doc_language(doc), "ru");
	assert_int_equal(cov_doc_count(doc, COV_NODE_ARTICLE), 2);
	/* check needs it: the error names the file and the line, every time */
	for (int k = 0; k < 2; k++) {
		cov_review *r = NULL;
		assert_int_equal(cov_check(d, doc, NULL, &r), COV_EDATA);
		assert_null(r);
		assert_non_null(strstr(cov_error_last(), "rights/ru.txt:"));
		assert_non_null(strstr(cov_error_last(), "'~' must stand between words"));
	}
	/* the other language's lexicon is sound and works */
	cov_doc *en = NULL;
	assert_int_equal(cov_doc_parse_buffer(d, en_text, strlen(en_text), "en", NULL, &en), COV_OK);
	cov_review *r = NULL;
	assert_int_equal(cov_check(d, en, NULL, &r), COV_OK);
	assert_true(cov_review_provision_count(r) > 0);
	cov_review_free(r);
	cov_doc_free(en);
	cov_doc_free(doc);
	cov_data_free(d);
	remove_dir(dir);
}

typedef struct job {
	cov_data *data;
	cov_doc *doc;
	size_t findings, provisions;
	int rc;
} job;

static void *run_check(void *arg)
{
	job *j = arg;
	cov_review *r = NULL;
	j->rc = cov_check(j->data, j->doc, NULL, &r);
	if (r) {
		j->findings = cov_review_count(r);
		j->provisions = cov_review_provision_count(r);
	}
	cov_review_free(r);
	return NULL;
}

static void lexicon_built_once_for_threads(void **state)
{
	(void)state;
	cov_data *d = NULL;
	assert_int_equal(cov_data_open(getenv("COVENANT_DATA"), &d), COV_OK);
	cov_doc *doc = NULL;
	assert_int_equal(cov_doc_parse_buffer(d, ru_text, strlen(ru_text), "ru", NULL, &doc), COV_OK);
	enum { N = 4 };
	job jobs[N];
	pthread_t th[N];
	for (int k = 0; k < N; k++) {
		jobs[k] = (job){d, doc, 0, 0, -1};
		assert_int_equal(pthread_create(&th[k], NULL, run_check, &jobs[k]), 0);
	}
	for (int k = 0; k < N; k++)
		pthread_join(th[k], NULL);
	/* the same answers as one thread on a fresh data set */
	cov_data *d1 = NULL;
	assert_int_equal(cov_data_open(getenv("COVENANT_DATA"), &d1), COV_OK);
	job one = {d1, doc, 0, 0, -1};
	run_check(&one);
	assert_int_equal(one.rc, COV_OK);
	assert_true(one.findings > 0);
	for (int k = 0; k < N; k++) {
		assert_int_equal(jobs[k].rc, COV_OK);
		assert_int_equal(jobs[k].findings, one.findings);
		assert_int_equal(jobs[k].provisions, one.provisions);
	}
	cov_doc_free(doc);
	cov_data_free(d1);
	cov_data_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_every_code_point_as_icu),
		cmocka_unit_test(fold_ill_formed_and_short_buffers_as_icu),
		cmocka_unit_test(validation_as_u8_next),
		cmocka_unit_test(parse_does_not_need_rights_lexicons),
		cmocka_unit_test(lexicon_built_once_for_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
