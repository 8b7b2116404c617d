/*
 * number.c — numbers of legal units.  Digits of every script are read
 * through ICU (u_charDigitValue), so «٣», «३» and «3» are the same number.
 */
#include "number.h"
#include "../util/util.h"

#include <string.h>
#include <unicode/uchar.h>

static int roman_digit(char c)
{
	switch (c | 0x20) {
	case 'i': return 1;
	case 'v': return 5;
	case 'x': return 10;
	case 'l': return 50;
	case 'c': return 100;
	case 'd': return 500;
	case 'm': return 1000;
	default: return 0;
	}
}

/* Strict roman numerals (canonical form only), so "MIX" is 1009 but "IIX"
 * and words like "mild" are rejected. */
long cov_roman_value(const char *s, size_t n)
{
	if (n == 0 || n > 15)
		return 0;
	bool upper = s[0] >= 'A' && s[0] <= 'Z';
	long total = 0;
	for (size_t i = 0; i < n; i++) {
		int v = roman_digit(s[i]);
		if (!v || (upper != (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
		int next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
		total += next > v ? -v : v;
	}
	if (total <= 0 || total >= 4000)
		return 0;
	/* re-encode and compare: rejects non-canonical spellings */
	static const struct { int v; const char *s; } t[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
		{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
	char buf[24];
	size_t k = 0;
	long v = total;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		while (v >= t[i].v && k + 2 < sizeof buf) {
			for (const char *p = t[i].s; *p; p++)
				buf[k++] = *p;
			v -= t[i].v;
		}
	if (k != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((s[i] | 0x20) != buf[i])
			return 0;
	return total;
}

static bool is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A number ends where a word would not continue: not a letter or digit. */
static bool at_boundary(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return true;
	size_t j = i;
	int32_t c = cov_utf8_next(s, n, &j);
	return !u_isalnum(c);
}

/* Position in the Russian alphabet as used for points («а)», «б)»); the
 * letters drafters skip (ё й ъ ы ь) are not counted. */
static long cyrillic_letter_value(int32_t c)
{
	static const int32_t abc[] = {0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x436, 0x437, 0x438,
				      0x43A, 0x43B, 0x43C, 0x43D, 0x43E, 0x43F, 0x440, 0x441, 0x442,
				      0x443, 0x444, 0x445, 0x446, 0x447, 0x448, 0x449, 0x44D, 0x44E, 0x44F};
	int32_t lower = u_tolower(c);
	for (size_t i = 0; i < sizeof abc / sizeof *abc; i++)
		if (abc[i] == lower)
			return (long)i + 1;
	return 0;
}

static void set_norm(cov_num *out, const char *s, size_t n)
{
	size_t k = n < sizeof out->norm - 1 ? n : sizeof out->norm - 1;
	memcpy(out->norm, s, k);
	out->norm[k] = '\0';
}

static void norm_append(cov_num *out, const char *s, size_t n)
{
	size_t k = strlen(out->norm);
	if (k + n >= sizeof out->norm)
		return;
	memcpy(out->norm + k, s, n);
	out->norm[k + n] = '\0';
}

/* Digits of any script; returns bytes consumed, the value in *value. */
static size_t scan_digits(const char *s, size_t n, long *value, char *ascii, size_t cap)
{
	size_t i = 0, k = 0;
	long v = 0;
	while (i < n) {
		size_t j = i;
		int32_t c = (unsigned char)s[i] < 0x80 ? (unsigned char)s[j++] : cov_utf8_next(s, n, &j);
		if (c >= 0x80 && c < 0x660)
			break; /* no decimal digit (Nd) between ASCII and U+0660 ٠: Latin, Greek, Cyrillic */
		int dv = (c >= '0' && c <= '9') ? c - '0' : (c >= 0x80 ? u_charDigitValue(c) : -1);
		if (dv < 0 || (c >= 0x80 && u_charType(c) != U_DECIMAL_DIGIT_NUMBER))
			break;
		if (v > 100000000L)
			return 0; /* not a unit number: a year, a phone number, a hostile run */
		v = v * 10 + dv;
		if (k + 1 < cap)
			ascii[k++] = (char)('0' + dv);
		i = j;
	}
	ascii[k] = '\0';
	*value = v;
	return i;
}

static const char *const latin_suffixes[] = {"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"};

/* Suffixes of inserted units: "-1", ".1", "bis", "A", "¹". */
static size_t scan_suffix(const char *s, size_t n, size_t i, cov_num *out)
{
	for (;;) {
		size_t start = i;
		/* -N, ‐N, .N */
		if (i < n) {
			size_t j = i;
			int32_t c = cov_utf8_next(s, n, &j);
			if (c == '-' || c == '.' || (c >= 0x2010 && c <= 0x2013) || c == '_') {
				long v;
				char digits[24];
				size_t d = scan_digits(s + j, n - j, &v, digits, sizeof digits);
				if (d > 0 && at_boundary(s, n, j + d) && d <= 6) {
					norm_append(out, c == '.' ? "." : "-", 1);
					norm_append(out, digits, strlen(digits));
					out->has_suffix = true;
					i = j + d;
					continue;
				}
			}
			/* superscript digits: «67¹» */
			if (c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079)) {
				int dv = c == 0xB9 ? 1 : c == 0xB2 ? 2 : c == 0xB3 ? 3 : c - 0x2070;
				char tmp[3] = {'-', (char)('0' + dv), '\0'};
				norm_append(out, tmp, 2);
				out->has_suffix = true;
				i = j;
				continue;
			}
		}
		/* bis, ter, …; or one letter: 12A, 5a (the suffixes are tried
		 * only after a letter one of them can begin with) */
		size_t sp = (i < n && s[i] == ' ') ? 1 : 0; /* "5 bis" */
		unsigned char first = i + sp < n ? (unsigned char)(s[i + sp] | 0x20) : 0;
		bool may = first == 'b' || first == 't' || first == 'q' || first == 's' || first == 'o';
		for (size_t k = 0; may && k < sizeof latin_suffixes / sizeof *latin_suffixes; k++) {
			size_t len = strlen(latin_suffixes[k]);
			if (i + sp + len <= n && strncasecmp(s + i + sp, latin_suffixes[k], len) == 0 &&
			    at_boundary(s, n, i + sp + len)) {
				norm_append(out, latin_suffixes[k], len);
				out->has_suffix = true;
				i += sp + len;
				break;
			}
		}
		/* "12A", "16a" — not "1990s" */
		if (i == start && i < n && out->value < 1000 && is_ascii_letter((unsigned char)s[i]) &&
		    at_boundary(s, n, i + 1)) {
			norm_append(out, s + i, 1);
			out->has_suffix = true;
			i++;
		}
		/* "239AA", "203CC": two capitals after digits, as India and Pakistan
		 * insert (not after a roman numeral: «LYA» is a word) */
		if (i == start && i + 1 < n && out->type == COV_NUM_ARABIC && out->value < 1000 && s[i] >= 'A' &&
		    s[i] <= 'Z' && s[i + 1] >= 'A' &&
		    s[i + 1] <= 'Z' && at_boundary(s, n, i + 2)) {
			norm_append(out, s + i, 2);
			out->has_suffix = true;
			i += 2;
		}
		if (i == start)
			return i;
	}
}

/* An ordinal mark from data/ right after the digits (or after a dot:
 * «1.º», «1.o»): its length, 0 if none. */
static size_t scan_ordinal(const cov_data *d, const char *s, size_t n, size_t i)
{
	if (!d || !d->n_ordinal_marks || i >= n)
		return 0;
	size_t dot = s[i] == '.' ? 1 : 0;
	char folded[32];
	size_t take = n - i - dot < 16 ? n - i - dot : 16;
	int fl = cov_utf8_fold(s + i + dot, take, folded, sizeof folded);
	if (fl <= 0)
		return 0;
	for (size_t k = 0; k < d->n_ordinal_marks; k++) {
		const char *m = d->ordinal_marks[k];
		size_t ml = strlen(m);
		/* a one-letter mark only after a dot («1.o»): «12a» is an inserted unit */
		if (ml == 1 && (unsigned char)m[0] < 0x80 && !dot)
			continue;
		if ((size_t)fl >= ml && memcmp(folded, m, ml) == 0) {
			/* folding keeps the length of these marks; check the boundary in s */
			size_t end = i + dot + ml;
			if (end <= n && at_boundary(s, n, end))
				return dot + ml;
		}
	}
	return 0;
}

static bool is_han(int32_t c)
{
	return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

static bool is_ethiopic_numeral(int32_t c)
{
	return c >= 0x1369 && c <= 0x137C;
}

/* Chinese numerals: 一 … 九, 十, 百, 千 (and 〇, 两): «二十一» = 21; with
 * `ethiopic`, Ethiopic numerals instead, whose tens are one sign: «፳፩» = 21.
 * The values are ICU's. */
static size_t scan_han(const char *s, size_t n, long *value, bool ethiopic)
{
	size_t i = 0;
	long total = 0, cur = -1;
	while (i < n) {
		size_t j = i;
		int32_t c = cov_utf8_next(s, n, &j);
		if (c == 0x4E24) /* 两 */
			c = 0x4E8C;
		double nv = c >= 0x1000 ? u_getNumericValue(c) : U_NO_NUMERIC_VALUE;
		if (ethiopic ? !is_ethiopic_numeral(c) : (!is_han(c) && c != 0x3007))
			break;
		if (nv == U_NO_NUMERIC_VALUE || nv < 0 || nv > 1000 || nv != (double)(long)nv)
			break;
		long v = (long)nv;
		if (v < 10) {
			cur = cur > 0 ? cur * 10 + v : v;
		} else if (v == 10 || v == 100 || v == 1000) {
			total += (cur > 0 ? cur : 1) * v;
			cur = -1;
		} else if (v % 10 == 0 && v < 100 && cur < 0) { /* ፳ = 20 */
			total += v;
		} else {
			break;
		}
		i = j;
	}
	if (cur > 0)
		total += cur;
	*value = total;
	return total > 0 ? i : 0;
}

size_t cov_num_scan(const cov_data *d, const char *s, size_t n, unsigned allow, cov_num *out)
{
	memset(out, 0, sizeof *out);
	if (n == 0)
		return 0;
	long v;
	char digits[24];
	size_t i = scan_digits(s, n, &v, digits, sizeof digits);
	if (i == 0 && (allow & COV_NUM_ALLOW_ETHIOPIC) && (i = scan_han(s, n, &v, true)) > 0) {
		snprintf(digits, sizeof digits, "%ld", v);
		if (!at_boundary(s, n, i))
			return 0;
		out->type = COV_NUM_WORD;
		out->value = v;
		set_norm(out, digits, strlen(digits));
		out->len = i;
		return i;
	}
	if (i == 0 && (allow & COV_NUM_ALLOW_HAN) && (i = scan_han(s, n, &v, false)) > 0) {
		snprintf(digits, sizeof digits, "%ld", v);
		if (at_boundary(s, n, i) || is_han(cov_utf8_next(s, n, &(size_t){i}))) {
			out->type = COV_NUM_WORD;
			out->value = v;
			set_norm(out, digits, strlen(digits));
			out->len = i;
			return i;
		}
		return 0;
	}
	if (i > 0) {
		if (i > 9)
			return 0;
		out->type = COV_NUM_ARABIC;
		out->value = v;
		set_norm(out, digits, strlen(digits));
		if (allow & COV_NUM_ALLOW_ORDINAL)
			i += scan_ordinal(d, s, n, i);
		if (allow & COV_NUM_ALLOW_SUFFIX)
			i = scan_suffix(s, n, i, out);
		if ((allow & COV_NUM_ALLOW_HAN) && i < n && is_han(cov_utf8_next(s, n, &(size_t){i}))) {
			out->len = i; /* «第１条»: no space in CJK */
			return i;
		}
		if (!at_boundary(s, n, i))
			return 0;
		out->len = i;
		return i;
	}
	/* roman numerals */
	if (allow & (COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_ROMAN_LOWER)) {
		size_t k = 0;
		while (k < n && k < 16 && roman_digit(s[k]))
			k++;
		bool upper = s[0] >= 'A' && s[0] <= 'Z';
		if (k > 0 && ((upper && (allow & COV_NUM_ALLOW_ROMAN)) ||
			      (!upper && (allow & COV_NUM_ALLOW_ROMAN_LOWER)))) {
			long rv = cov_roman_value(s, k);
			if (rv > 0) {
				size_t end = k;
				out->type = COV_NUM_ROMAN;
				out->value = rv;
				set_norm(out, s, k);
				if (allow & COV_NUM_ALLOW_SUFFIX)
					end = scan_suffix(s, n, end, out);
				if (at_boundary(s, n, end)) {
					out->len = end;
					return end;
				}
				memset(out, 0, sizeof *out);
			}
		}
	}
	/* number words from data/ ("First", «Первый») */
	if ((allow & COV_NUM_ALLOW_WORD) && d && cov_lexicon_may_start(&d->nw_start, s, n)) {
		char folded[64];
		size_t take = n < 40 ? n : 40;
		int fl = cov_utf8_fold(s, take, folded, sizeof folded);
		size_t wl;
		long wv = fl > 0 ? cov_lexicon_numword(d, folded, (size_t)fl, &wl) : 0;
		if (wv > 0 && wl <= take && at_boundary(s, n, wl)) {
			out->type = COV_NUM_WORD;
			out->value = wv;
			snprintf(out->norm, sizeof out->norm, "%ld", wv);
			out->len = wl;
			return wl;
		}
	}
	/* a single letter: a), б), A. */
	if (allow & COV_NUM_ALLOW_LETTER) {
		size_t j = 0;
		int32_t c = cov_utf8_next(s, n, &j);
		long lv = 0;
		if (c < 0x80 && is_ascii_letter((unsigned char)c))
			lv = (c | 0x20) - 'a' + 1;
		else if (c >= 0x400 && c < 0x500)
			lv = cyrillic_letter_value(c);
		/* «д1)», "a1)": a point inserted after «д» (Russia 2020, art. 83) */
		size_t e = j;
		while (lv > 0 && (allow & COV_NUM_ALLOW_SUFFIX) && e < n && e - j < 2 && s[e] >= '0' && s[e] <= '9' &&
		       (e > j || s[e] != '0'))
			e++;
		if (e > j && at_boundary(s, n, e)) {
			out->type = COV_NUM_LETTER;
			out->value = lv;
			set_norm(out, s, e);
			out->has_suffix = true;
			out->len = e;
			return e;
		}
		if (lv > 0 && at_boundary(s, n, j)) {
			out->type = COV_NUM_LETTER;
			out->value = lv;
			set_norm(out, s, j);
			out->len = j;
			return j;
		}
	}
	return 0;
}
