/*
 * lines.c — cuts a text into lines and says what each line looks like: a
 * heading with a known word («Статья 5», «1-бап»), a numbered paragraph or
 * point ("1.", "(a)"), a heading with an unknown word followed by a number
 * (kept as a candidate until structure.c sees whether its numbers run in
 * sequence), or plain text.  It decides nothing about nesting.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

bool cov_is_space_cp(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF;
}

static size_t skip_spaces(const char *s, size_t i, size_t end)
{
	while (i < end) {
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		if ((unsigned char)s[i] < 0x80)
			break;
		size_t j = i;
		int32_t c = cov_utf8_next(s, end, &j);
		if (!cov_is_space_cp(c) && c != 0x1361) /* ፡ Ethiopic wordspace */
			break;
		i = j;
	}
	return i;
}

static size_t trim_end(const char *s, size_t start, size_t end)
{
	while (end > start) {
		unsigned char c = (unsigned char)s[end - 1];
		if (c == ' ' || c == '\t' || c == '\r') {
			end--;
			continue;
		}
		/* U+00A0 (C2 A0) and U+3000/U+200x (E2/E3 …) at the end */
		if (end - start >= 2 && c == 0xA0 && (unsigned char)s[end - 2] == 0xC2) {
			end -= 2;
			continue;
		}
		if (end - start >= 3 && (unsigned char)s[end - 3] == 0xE2 && (unsigned char)s[end - 2] == 0x80 &&
		    c >= 0x80 && c <= 0x8B) {
			end -= 3;
			continue;
		}
		break;
	}
	return end;
}

/* Markdown and e-mail markers around a heading: "### ", "> ", "**", "*". */
static void strip_markup(const char *s, size_t *cs, size_t *ce)
{
	size_t i = *cs, e = *ce;
	for (int guard = 0; guard < 8 && i < e; guard++) {
		size_t before = i;
		if (s[i] == '#') {
			size_t j = i;
			while (j < e && s[j] == '#')
				j++;
			if (j - i <= 6) /* "## Title", and "##Title" as sloppy Markdown has it */
				i = skip_spaces(s, j, e);
		} else if (s[i] == '>' ) {
			i = skip_spaces(s, i + 1, e);
		} else if ((s[i] == '*' || s[i] == '_') && i + 1 < e && s[i + 1] == s[i]) {
			i = skip_spaces(s, i + 2, e);
		} else if (s[i] == '*' && i + 1 < e && s[i + 1] != ' ') {
			i++;
		}
		if (i == before)
			break;
	}
	while (e > i + 1 && (s[e - 1] == '*' || s[e - 1] == '#' || (s[e - 1] == '_' && s[e - 2] == '_')))
		e = trim_end(s, i, e - 1);
	*cs = i;
	*ce = e;
}

/* Map a byte offset in a case-folded copy back to the original by counting
 * code points (folding keeps the count for the letters of headings). */
static size_t unfold_offset(const char *s, size_t from, size_t end, const char *folded, size_t flen)
{
	size_t cps = 0;
	for (size_t i = 0; i < flen;) {
		cov_utf8_next(folded, flen, &i);
		cps++;
	}
	size_t i = from;
	while (cps-- && i < end)
		cov_utf8_next(s, end, &i);
	return i;
}

static bool starts_upper(const char *s, size_t i, size_t end)
{
	int32_t c = cov_utf8_next(s, end, &i);
	return u_isupper(c);
}

bool cov_marker_scan(const cov_data *d, const char *s, size_t from, size_t to, mark_style *style,
		     cov_num *num, size_t *after)
{
	size_t i = from;
	bool bracket = i < to && s[i] == '(';
	if (bracket)
		i++;
	size_t len = cov_num_scan(d, s + i, to - i,
				  COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_ROMAN_LOWER | COV_NUM_ALLOW_LETTER |
					  COV_NUM_ALLOW_SUFFIX,
				  num);
	if (!len)
		return false;
	i += len;
	if (i >= to)
		return false;
	char close = s[i];
	if (bracket ? close != ')' : !(close == '.' || close == ')'))
		return false;
	i++;
	/* the marker is followed by a space or ends the line ("1." alone);
	 * a letter or a roman numeral may touch its text ("a.life, liberty",
	 * "ii.affecting", "III.human dignity"), as scraped texts do — «c.»,
	 * «d.», «i.» read as roman numerals alone; the list they continue
	 * decides which (resolve_roman) */
	size_t j = skip_spaces(s, i, to);
	if (j == i && i < to &&
	    !(((num->type == COV_NUM_LETTER && num->len == 1) || (num->type == COV_NUM_ROMAN && num->len <= 6)) &&
	      !bracket && close == '.' &&
	      ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))))
		return false;
	bool upper = (unsigned char)s[from + bracket] >= 'A' && (unsigned char)s[from + bracket] <= 'Z';
	switch (num->type) {
	case COV_NUM_ARABIC:
		*style = bracket ? MS_BRACKET : close == '.' ? MS_DOT : MS_PAREN;
		break;
	case COV_NUM_ROMAN:
		if (upper) {
			if (bracket || close != '.')
				return false;
			*style = MS_UPPER_DOT;
		} else {
			*style = bracket ? MS_ROMAN_BRACKET : close == '.' ? MS_ROMAN_DOT : MS_ROMAN_PAREN;
		}
		break;
	case COV_NUM_LETTER:
		if (upper || ((unsigned char)s[from + bracket] >= 0x80 && starts_upper(s, from + bracket, to))) {
			if (bracket || close != '.')
				return false;
			*style = MS_UPPER_DOT;
		} else {
			*style = bracket ? MS_LETTER_BRACKET : close == '.' ? MS_LETTER_DOT : MS_LETTER_PAREN;
		}
		break;
	default:
		return false;
	}
	*after = j;
	return true;
}

/* Words of s[from..to), counted up to 32 (the caller asks about 30). */
static size_t count_words(const char *s, size_t from, size_t to)
{
	size_t words = 0;
	bool in = false;
	for (size_t i = from; i < to && words < 32; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';
		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

static bool starts_lower(const char *s, size_t i, size_t end)
{
	if (i >= end)
		return false;
	size_t j = i;
	int32_t c = cov_utf8_next(s, end, &j);
	return u_islower(c);
}

static bool starts_upper_or_open(const char *s, size_t i, size_t end)
{
	if (i >= end)
		return false;
	size_t j = i;
	int32_t c = cov_utf8_next(s, end, &j);
	return u_isupper(c) || u_istitle(c) || c == '(' || c == '[' || c == 0xAB || c == '"' ||
	       c == 0x201C || (u_isalpha(c) && !u_islower(c));
}

/* "12. Protection of right to life", "12. (1) Every person …": a line that
 * may head a section in texts numbered without keywords. */
static bool looks_like_numhead(const char *s, const line *l)
{
	size_t r = l->after, e = l->ce;
	if (r >= e)
		return true; /* "12." alone */
	if (s[r] == '(')
		return true;
	mark_style st;
	cov_num num;
	size_t after;
	if (cov_marker_scan(NULL, s, r, e, &st, &num, &after) && st == MS_DOT && num.value == 1)
		return true; /* "2. 1. Nigeria is one …" */
	if (!starts_upper_or_open(s, r, e) || e - r > 160)
		return false;
	size_t words = count_words(s, r, e);
	char last = s[e - 1];
	if (last == ';' || last == ',' || last == ':')
		return false;
	if (last == '.')
		return words <= 12;
	/* long titles exist ("62. Time of holding election to fill vacancy in
	 * the office of President and …"): no final stop is the better sign */
	return last != '-' && words <= 30;
}

/* Text after a heading's number: skip ". ", ": ", " – ". */
static size_t skip_heading_punct(const char *s, size_t i, size_t end)
{
	for (int guard = 0; guard < 6; guard++) {
		i = skip_spaces(s, i, end);
		if (i >= end)
			break;
		if (s[i] == '.' || s[i] == ':' || s[i] == '-' || s[i] == ')' || s[i] == ',') {
			i++;
			continue;
		}
		size_t j = i;
		int32_t c = cov_utf8_next(s, end, &j);
		if (c >= 0x2010 && c <= 0x2015) { /* ‐ – — */
			i = j;
			continue;
		}
		break;
	}
	return i;
}

/* Whether folding s[0..n) could make it longer: not when it is ASCII and
 * Cyrillic (U+0400–U+047F, two bytes that fold to two), or bytes that are
 * not UTF-8 (copied as they are). */
static bool fold_may_grow(const char *s, size_t n)
{
	size_t i = 0;
	/* eight bytes at a time: a lead byte (C0–FF, the top two bits set)
	 * other than D0 and D1 */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		const uint64_t hi = 0x8080808080808080ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
		uint64_t lead = w & (w << 1) & hi;
		uint64_t x = (w & 0xFEFEFEFEFEFEFEFEULL) ^ 0xD0D0D0D0D0D0D0D0ULL; /* 0 at D0, D1 */
		uint64_t nonzero = (((x & low7) + low7) | x) & hi;
		if (lead & nonzero)
			break;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 && c != 0xD0 && c != 0xD1 && c > 0xBF)
			return true;
	}
	return false;
}

/* A keyword heading: «Статья 5.», "ARTICLE 26-1", "Part IV — Rights". */
static bool scan_keyword(const cov_data *d, const char *s, line *l)
{
	/* the line's start is folded only when a keyword can begin there
	 * (its first two characters tell), or a number does (below) */
	bool may = cov_lexicon_may_start(&d->kw_start, s + l->cs, l->ce - l->cs);
	char folded[128];
	size_t take = l->ce - l->cs < 96 ? l->ce - l->cs : 96;
	int fl = may ? cov_utf8_fold(s + l->cs, take, folded, sizeof folded) : 0;
	if (may && fl <= 0)
		return false;
	const cov_keyword *k = may ? cov_lexicon_keyword(d, folded, (size_t)fl, false) : NULL;
	if (k) {
		size_t p = unfold_offset(s, l->cs, l->ce, k->word, k->len);
		size_t q = skip_spaces(s, p, l->ce);
		if (k->kind == COV_NODE_PREAMBLE) {
			size_t r = skip_heading_punct(s, p, l->ce);
			if (r >= l->ce) {
				l->type = LT_PREAMBLE;
				l->kind = COV_NODE_PREAMBLE;
				l->after = l->ce;
				return true;
			}
			return false;
		}
		bool titled = q < l->ce && (s[q] == '.' || s[q] == ':') && k->kind == COV_NODE_ATTACHMENT;
		if ((q >= l->ce && (k->kind == COV_NODE_PARAGRAPH ||
				    (k->kind == COV_NODE_ARTICLE && strchr(k->word, ' ')))) || titled) {
			/* "Paragraph", "Transitory Paragraph" alone: an unnumbered
			 * paragraph; "Final Provision", "Provisional Article" alone:
			 * an unnumbered article; "Basic Law. The Knesset": an
			 * unnumbered act */
			l->type = LT_KEYWORD;
			l->kind = (uint8_t)k->kind;
			l->num_at = q;
			l->num_len = 0;
			l->after = titled ? skip_heading_punct(s, q, l->ce) : l->ce;
			l->group = (int)(k - d->keywords);
			return true;
		}
		if (q == p && q < l->ce && s[p - 1] != '.')
			return false; /* "Article5" is not a heading */
		bool paren = q < l->ce && s[q] == '(' ; /* "Article (1)" */
		if (paren)
			q++;
		cov_num num;
		unsigned allow = COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_WORD | COV_NUM_ALLOW_SUFFIX | COV_NUM_ALLOW_ORDINAL;
		/* "Part A", "Schedule B"; an article only when the letter ends the line ("Article A") */
		/* or «Section A. General Provisions»: a capital, a dot, a capitalised title */
		if ((k->kind != COV_NODE_ARTICLE && k->kind != COV_NODE_SECTION) ||
		    skip_heading_punct(s, q + 1, l->ce) >= l->ce ||
		    (q + 3 < l->ce && s[q + 1] == '.' && s[q + 2] == ' ' && starts_upper(s, q + 3, l->ce)))
			allow |= COV_NUM_ALLOW_LETTER;
		size_t len = cov_num_scan(d, s + q, l->ce - q, allow, &num);
		if (!len || (paren && q + len < l->ce && s[q + len] != ')'))
			return false;
		if (num.type == COV_NUM_LETTER && !u_isupper((UChar32)(unsigned char)s[q]))
			return false;
		size_t r = skip_heading_punct(s, q + len, l->ce);
		/* "Article 5 of the Constitution …" is a reference, not a heading */
		bool lower = starts_lower(s, r, l->ce);
		if (lower && r > q + len && !(s[q + len] == '.' || s[q + len] == ':'))
			lower = true;
		if (lower && (r == skip_spaces(s, q + len, l->ce)))
			return false;
		l->type = LT_KEYWORD;
		l->kind = (uint8_t)k->kind;
		l->num_at = q;
		l->num_len = (uint8_t)(len < 255 ? len : 255);
		l->value = num.value;
		l->suffix = num.has_suffix;
		l->after = r;
		l->rest_lower = lower;
		l->group = (int)(k - d->keywords);
		return true;
	}
	/* number first: «1-бап», «2 тарау», «I бөлім», "Second Schedule" */
	cov_num num;
	size_t len = cov_num_scan(d, s + l->cs, l->ce - l->cs,
				  COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_SUFFIX | COV_NUM_ALLOW_WORD, &num);
	if (!len || num.has_suffix)
		return false;
	/* a line whose start cannot be folded is no heading, as above (only
	 * characters whose folding is longer can make it not fit) */
	if (!may && fold_may_grow(s + l->cs, take) && cov_utf8_fold(s + l->cs, take, folded, sizeof folded) <= 0)
		return false;
	size_t p = l->cs + len;
	if (p < l->ce && s[p] == '-')
		p++;
	else if (p < l->ce && (unsigned char)s[p] >= 0x80) {
		size_t j = p;
		int32_t c = cov_utf8_next(s, l->ce, &j);
		if (c >= 0x2010 && c <= 0x2013)
			p = j;
	}
	p = skip_spaces(s, p, l->ce);
	if (p >= l->ce)
		return false;
	/* a keyword after the number can begin here only if its first
	 * characters say so (then the fold below is the original's) */
	if (!cov_lexicon_may_start(&d->kw_start, s + p, l->ce - p))
		return false;
	take = l->ce - p < 96 ? l->ce - p : 96;
	fl = cov_utf8_fold(s + p, take, folded, sizeof folded);
	if (fl <= 0)
		return false;
	k = cov_lexicon_keyword(d, folded, (size_t)fl, true);
	if (!k)
		return false;
	size_t e = unfold_offset(s, p, l->ce, k->word, k->len);
	l->type = LT_KEYWORD;
	l->kind = (uint8_t)k->kind;
	l->num_at = l->cs;
	l->num_len = (uint8_t)len;
	l->value = num.value;
	l->suffix = false;
	l->after = skip_heading_punct(s, e, l->ce);
	l->group = (int)(k - d->keywords);
	return true;
}

static bool is_word_cp(int32_t c)
{
	/* ZWNJ, ZWJ: «വകുപ്പ്‌»; the Tibetan tsheg ends a syllable, not a word: «རྩ་ཚན་» */
	if (c == '\'' || c == 0x2019 || c == 0x200C || c == 0x200D || c == 0x0F0B)
		return true;
	int8_t t = u_charType(c);
	/* vowel signs of Indic scripts are spacing marks: «ধারা», «មាត្រា» */
	return u_isalpha(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/* A hyphen inside a word or before a number: '-', U+2010, U+2011. */
static size_t hyphen_at(const char *s, size_t i, size_t end)
{
	if (i >= end)
		return 0;
	if (s[i] == '-')
		return 1;
	size_t j = i;
	int32_t c = cov_utf8_next(s, end, &j);
	return (c == 0x2010 || c == 0x2011) ? j - i : 0;
}

/* Span of a run of letters starting at i; returns its end (i if none).
 * Letters joined by a hyphen are one word («L-Artiklu»). */
static size_t word_end(const char *s, size_t i, size_t end)
{
	size_t start = i;
	while (i < end) {
		size_t j = i;
		if (!is_word_cp(cov_utf8_next(s, end, &j))) {
			size_t h = i > start ? hyphen_at(s, i, end) : 0;
			size_t k = i + h;
			if (h && k < end && is_word_cp(cov_utf8_next(s, end, &k))) {
				i += h;
				continue;
			}
			break;
		}
		i = j;
	}
	return i;
}

/* After a heading's number: ".", ":", "-", ")", spaces, and at most one
 * short word («Báabu 2 nan», «제 2 조») or a short bracket («(Artécli 1)»);
 * true if that reaches the end of the line. */
static bool generic_tail(const char *s, size_t r, size_t end)
{
	bool word = false;
	for (int guard = 0; guard < 12 && r < end; guard++) {
		if (s[r] == '.' || s[r] == ':' || s[r] == '-' || s[r] == ' ' || s[r] == '\t' || s[r] == ')') {
			r++;
			continue;
		}
		if (s[r] == '(') {
			const char *close = memchr(s + r, ')', end - r);
			if (!close || (size_t)(close - s) - r > 32)
				return false;
			r = (size_t)(close - s) + 1;
			continue;
		}
		size_t e = word_end(s, r, end);
		if (e == r) { /* «፤», «།»: a script's own full stop */
			size_t j = r;
			if ((unsigned char)s[r] >= 0x80 && u_ispunct(cov_utf8_next(s, end, &j))) {
				r = j;
				continue;
			}
		}
		if (e == r || word || e - r > 12)
			return false;
		word = true;
		r = e;
	}
	return r >= end;
}

/* "<word> 5", "<word> <word> 5.", "5-<suffix> <word>", "5‐modda": short
 * lines that are headings in a language covenant has no file for, if their
 * numbers turn out to run in sequence.  Returns the span of the word(s):
 * what the headings of one series share. */
static bool scan_generic(const cov_data *d, const char *s, line *l, size_t *ws, size_t *we)
{
	if (l->ce - l->cs > 64)
		return false;
	cov_num num;
	const unsigned allow = COV_NUM_ALLOW_SUFFIX | COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_ORDINAL | COV_NUM_ALLOW_ETHIOPIC;
	/* «第１条», «第二十一条», «第十條 …»: 第, a number (digits of any width
	 * or Chinese numerals), the unit's name; the series shares the name */
	if (l->ce - l->cs > 3 && memcmp(s + l->cs, "\xE7\xAC\xAC", 3) == 0) {
		size_t q = l->cs + 3;
		size_t len = cov_num_scan(d, s + q, l->ce - q, COV_NUM_ALLOW_HAN, &num);
		if (!len)
			return false;
		size_t u = skip_spaces(s, q + len, l->ce), ue = u; /* «第10 条» */
		for (int k = 0; k < 2 && ue < l->ce; k++) {
			size_t j = ue;
			int32_t c = cov_utf8_next(s, l->ce, &j);
			if (!u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))
				break;
			ue = j;
			if (k == 0)
				break; /* one character names the unit: 条, 條, 章 */
		}
		if (ue == u)
			return false;
		*ws = u;
		*we = ue;
		l->num_at = q;
		l->num_len = (uint8_t)len;
		l->value = num.value;
		l->suffix = false;
		l->after = skip_heading_punct(s, ue, l->ce);
		return true;
	}
	/* "Mellad daou (2)", "ISKAY KAQ (2).": words, then the number in
	 * brackets; the series shares only its shape */
	{
		size_t e = l->ce;
		while (e > l->cs && (s[e - 1] == '.' || s[e - 1] == ':'))
			e--;
		if (e - l->cs > 4 && s[e - 1] == ')') {
			size_t o = e - 1;
			while (o > l->cs && s[o - 1] != '(' && e - o < 12)
				o--;
			if (o > l->cs + 1 && s[o - 1] == '(') {
				size_t len = cov_num_scan(d, s + o, e - 1 - o, COV_NUM_ALLOW_ORDINAL, &num);
				if (len && o + len == e - 1 && word_end(s, l->cs, e) > l->cs) {
					*ws = o - 1;
					*we = o;
					l->num_at = o;
					l->num_len = (uint8_t)len;
					l->value = num.value;
					l->suffix = false;
					l->after = l->ce;
					return true;
				}
			}
		}
	}
	/* word(s) first */
	size_t i = l->cs, words = 0, prev_e = 0;
	size_t e = word_end(s, i, l->ce);
	while (e > i && words < 5) {
		words++;
		/* «Статья № 1», «Inqaku lesi‐1», «Artículo28» */
		size_t h = hyphen_at(s, e, l->ce);
		size_t sp = h ? e + h : skip_spaces(s, e, l->ce);
		/* «BAB : 1», «ਆਰਟੀਕਲ: 1», «Ayojeitaqueri, 1.» */
		if (!h && sp < l->ce && (s[sp] == ':' || s[sp] == ',') && sp + 1 < l->ce && s[sp + 1] == ' ')
			sp = skip_spaces(s, sp + 1, l->ce);
		if (!h && sp < l->ce && (unsigned char)s[sp] == 0xE2 && sp + 2 < l->ce &&
		    (unsigned char)s[sp + 1] == 0x84 && (unsigned char)s[sp + 2] == 0x96) /* № */
			sp = skip_spaces(s, sp + 3, l->ce);
		size_t len = cov_num_scan(d, s + sp, l->ce - sp, allow, &num);
		if (len && num.type == COV_NUM_ROMAN && (s[sp] < 'A' || s[sp] > 'Z'))
			len = 0;
		if (!len && sp < l->ce && (unsigned char)s[sp] >= 0x80) {
			/* «ꦧꦧ꧀꧇꧑꧇»: the number between a script's number signs */
			size_t k = sp;
			if (u_ispunct(cov_utf8_next(s, l->ce, &k)) &&
			    (len = cov_num_scan(d, s + k, l->ce - k, allow, &num)) > 0 && num.type == COV_NUM_ARABIC)
				sp = k;
			else
				len = 0;
		}
		if (len) {
			if (!generic_tail(s, sp + len, l->ce))
				return false;
			*ws = l->cs;
			/* «Inqaku loku‐1», «Inqaku lesi‐2»: the word joined to the
			 * number is its case ending, not the series' word */
			*we = h && words > 1 ? prev_e : e;
			l->num_at = sp;
			l->num_len = (uint8_t)len;
			l->value = num.value;
			l->suffix = num.has_suffix;
			l->after = l->ce;
			return true;
		}
		if (sp == e)
			break;
		prev_e = e;
		i = sp;
		e = word_end(s, i, l->ce);
	}
	/* number first: "1‐modda", "2‐nji madda:", "3 бап", "1. artikla.", "1-nci madde" */
	size_t len = cov_num_scan(d, s + l->cs, l->ce - l->cs, COV_NUM_ALLOW_ORDINAL, &num);
	if (!len)
		return false;
	i = l->cs + len;
	if (i < l->ce && s[i] == '.')
		i++;
	i = skip_spaces(s, i, l->ce);
	size_t j = i;
	if (i < l->ce) {
		int32_t c = cov_utf8_next(s, l->ce, &j);
		if (c == '-' || (c >= 0x2010 && c <= 0x2013)) {
			i = j;
			size_t suf = word_end(s, i, l->ce);
			if (suf - i <= 8 && suf < l->ce && (s[suf] == ' ')) /* "‐nji madda" */
				i = suf;
		}
	}
	i = skip_spaces(s, i, l->ce);
	e = word_end(s, i, l->ce);
	if (e == i)
		return false;
	/* «2 වන වගන්තිය», «2 ވަނަ މާއްދާ»: a second word */
	size_t e2 = skip_spaces(s, e, l->ce);
	size_t e3 = e2 < l->ce ? word_end(s, e2, l->ce) : e2;
	if (e3 > e2)
		e = e3;
	size_t r = e;
	while (r < l->ce && (s[r] == '.' || s[r] == ':'))
		r++;
	if (skip_spaces(s, r, l->ce) != l->ce)
		return false;
	*ws = i;
	*we = e;
	l->num_at = l->cs;
	l->num_len = (uint8_t)len;
	l->value = num.value;
	l->after = l->ce;
	return true;
}

int cov_generic_key(const cov_data *d, const char *s, const line *l, char *out, size_t cap)
{
	/* recompute the word span: the part of the content that is not the number */
	size_t ws, we;
	line tmp = *l;
	if (!scan_generic(d, s, &tmp, &ws, &we))
		return -1;
	return cov_utf8_fold(s + ws, we - ws, out, cap);
}

static void classify(const cov_data *d, const char *s, line *l)
{
	l->group = -1;
	l->cs = skip_spaces(s, l->start, l->end);
	l->ce = trim_end(s, l->cs, l->end);
	size_t cs = l->cs, ce = l->ce;
	strip_markup(s, &cs, &ce);
	l->cs = (uint32_t)cs;
	l->ce = (uint32_t)ce;
	if (l->cs >= l->ce) {
		l->type = LT_BLANK;
		return;
	}
	l->type = LT_TEXT;
	if (d && d->n_note_words && cov_lexicon_may_start(&d->note_start, s + l->cs, l->ce - l->cs)) {
		char folded[96];
		size_t take = l->ce - l->cs < 64 ? l->ce - l->cs : 64;
		int fl = cov_utf8_fold(s + l->cs, take, folded, sizeof folded);
		for (size_t k = 0; fl > 0 && k < d->n_note_words; k++) {
			size_t wl = strlen(d->note_words[k]);
			if ((size_t)fl > wl && memcmp(folded, d->note_words[k], wl) == 0 &&
			    (folded[wl] == '.' || folded[wl] == ':')) {
				l->type = LT_NOTE;
				l->after = l->cs;
				return;
			}
		}
	}
	if (scan_keyword(d, s, l))
		return;
	mark_style style;
	cov_num num;
	size_t after;
	if (cov_marker_scan(d, s, l->cs, l->ce, &style, &num, &after)) {
		l->type = LT_NUMBERED;
		l->style = (uint8_t)style;
		l->value = num.value;
		l->suffix = num.has_suffix;
		l->num_at = l->cs + (s[l->cs] == '(');
		l->num_len = (uint8_t)num.len;
		l->after = after;
		l->numhead = style == MS_DOT && num.type == COV_NUM_ARABIC && looks_like_numhead(s, l);
		if (style == MS_DOT && num.type == COV_NUM_ARABIC && l->ce - l->cs <= 40) {
			line tmp = *l;
			size_t ws, we;
			l->gen = scan_generic(d, s, &tmp, &ws, &we) && tmp.num_at == l->cs;
		}
		return;
	}
	/* «12», «XII» alone on a line: a heading if a series of them runs
	 * through the text (UDHR Latin, Romani), else text */
	size_t bl = cov_num_scan(d, s + l->cs, l->ce - l->cs, COV_NUM_ALLOW_ROMAN, &num);
	if (bl && bl == l->ce - l->cs && num.value > 0 && !num.has_suffix) {
		l->type = LT_NUMBERED;
		l->style = num.type == COV_NUM_ROMAN ? MS_UPPER_DOT : MS_DOT;
		l->value = num.value;
		l->num_at = l->cs;
		l->num_len = (uint8_t)bl;
		l->after = l->ce;
		l->numhead = l->bare = true;
		return;
	}
	/* "First", "Second:" — number words as list markers */
	size_t wl = cov_num_scan(d, s + l->cs, l->ce - l->cs, COV_NUM_ALLOW_WORD, &num);
	if (wl && num.type == COV_NUM_WORD) {
		size_t r = l->cs + wl;
		bool colon = r < l->ce && (s[r] == ':' || s[r] == '.' || s[r] == ')');
		if (colon)
			r++;
		r = skip_spaces(s, r, l->ce);
		if (r == l->ce || colon) {
			l->type = LT_NUMBERED;
			l->style = MS_WORD;
			l->value = num.value;
			l->num_at = l->cs;
			l->num_len = (uint8_t)wl;
			l->after = r;
			return;
		}
	}
	size_t ws, we;
	if (scan_generic(d, s, l, &ws, &we))
		l->type = LT_GENERIC;
}

int cov_lines_scan(const cov_data *d, const cov_doc *doc, line_set *out)
{
	const char *s = doc->text;
	size_t n = doc->len;
	if (n >= UINT32_MAX)
		return cov_error_set(COV_EINPUT, "%s: too large to parse (%zu bytes; at most 4 GB)", doc->name, n);
	size_t count = 1;
	for (const char *p = s + doc->body, *e = s + n; p < e && (p = memchr(p, '\n', (size_t)(e - p))); p++)
		count++;
	out->v = malloc(count * sizeof *out->v);
	if (!out->v)
		return cov_error_set(COV_ENOMEM, "out of memory (%zu lines)", count);
	out->n = 0;
	size_t i = doc->body;
	while (i <= n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		if (!nl && i == n && out->n > 0)
			break; /* the text ends with a newline: no empty last line */
		line *l = &out->v[out->n++];
		memset(l, 0, sizeof *l);
		l->start = i;
		l->end = end;
		if (doc->line_hints && out->n - 1 < doc->n_line_hints)
			l->hint = doc->line_hints[out->n - 1];
		classify(d, s, l);
		if (!nl)
			break;
		i = end + 1;
	}
	return COV_OK;
}
