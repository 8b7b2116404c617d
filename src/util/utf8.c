/*
 * utf8.c — UTF-8 decoding, validation and case folding.  Decoding uses
 * ICU's U8_NEXT macro and folding ICU's ucasemap, so every script is handled
 * the way Unicode says; only the ASCII fast paths are ours.
 */
#include "util.h"

#include <unicode/ucasemap.h>
#include <unicode/utf8.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

int32_t cov_utf8_next_slow(const char *s, size_t n, size_t *i)
{
	int32_t c;
	int32_t pos = 0;
	/* U8_NEXT works on int32 offsets: decode from a window at *i. */
	int32_t len = n - *i > 8 ? 8 : (int32_t)(n - *i);
	U8_NEXT((const uint8_t *)s + *i, pos, len, c);
	*i += (size_t)pos;
	return c < 0 ? 0xFFFD : c;
}

#define BYTES(b) (0x0101010101010101ULL * (uint64_t)(b))

/* Eight bytes made of ASCII and whole two-byte sequences (a lead C2–DF and
 * its continuation byte): how many of them are checked (8, or 7 when the
 * last is a lead whose sequence goes on), 0 if they are not all such. */
static size_t two_byte_run(uint64_t w)
{
	uint64_t hi = w & BYTES(0x80);        /* not ASCII */
	uint64_t b6 = (w << 1) & BYTES(0x80); /* bit 6 of each byte, at bit 7 */
	uint64_t b5 = (w << 2) & BYTES(0x80); /* bit 5 */
	uint64_t cont = hi & ~b6;             /* 10xxxxxx */
	uint64_t lead = hi & b6 & ~b5;        /* 110xxxxx */
	if ((cont | lead) != hi)
		return 0; /* a lead of three or four bytes, or F8–FF */
	/* C0 and C1 (110 0000x) lead nothing */
	uint64_t some = ((w & BYTES(0x1E)) + BYTES(0x7F)) & BYTES(0x80);
	if (lead & ~some)
		return 0;
	/* every continuation byte right after a lead, every lead (but the
	 * last byte) right before one; little-endian: byte k is bits 8k.. */
	if (cont != lead << 8)
		return 0;
	return lead >> 56 ? 7 : 8;
}

size_t cov_utf8_invalid_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* ASCII, Cyrillic, Latin-1: 8 bytes at a time while they are
		 * ASCII or whole two-byte sequences */
		if (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			size_t k = !(w & BYTES(0x80)) ? 8 : two_byte_run(w);
			if (k) {
				i += k;
				continue;
			}
		}
		unsigned char c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* two-byte sequences (Cyrillic, Latin-1), as U8_NEXT reads them */
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
				i += 2;
				continue;
			}
			return i;
		}
		int32_t cp;
		int32_t pos = 0;
		int32_t len = n - i > 8 ? 8 : (int32_t)(n - i);
		U8_NEXT(p + i, pos, len, cp);
		if (cp < 0)
			return i;
		i += (size_t)pos;
	}
	return n;
}

static _Thread_local UCaseMap *fold_map;
/* ICU keeps the map; it is created once per thread and lives with it. */

static bool open_fold_map(void)
{
	UErrorCode err = U_ZERO_ERROR;
	if (!fold_map) {
		fold_map = ucasemap_open(NULL, 0, &err);
		if (U_FAILURE(err))
			return false;
	}
	return true;
}

/* Case folding is the same for a code point wherever it stands (covenant
 * folds without the Turkic option), so the folding of a string is the
 * folding of its characters put end to end.  The folding of each character
 * met in the two-byte range (U+0080–U+07FF: Latin-1, Latin Extended,
 * Greek, Cyrillic, Armenian, Hebrew, Arabic) and in U+2000–U+21FF
 * (punctuation, «№») is asked of ICU the first time and kept: bytes 0–6
 * hold the folded UTF-8, byte 7 its length; 0 = not asked yet; 0xFF in
 * byte 7 = longer than 6 bytes (ICU folds the whole string then). */
enum { FOLD2_FIRST = 0x80, FOLD2_LAST = 0x7FF, FOLD3_FIRST = 0x2000, FOLD3_LAST = 0x21FF };
static _Atomic uint64_t fold2[FOLD2_LAST - FOLD2_FIRST + 1];
static _Atomic uint64_t fold3[FOLD3_LAST - FOLD3_FIRST + 1];

static uint64_t fold_char(const char *s, size_t n, _Atomic uint64_t *slot)
{
	uint64_t e = atomic_load_explicit(slot, memory_order_relaxed);
	if (e)
		return e;
	char out[16];
	UErrorCode err = U_ZERO_ERROR;
	if (!open_fold_map())
		return 0;
	int32_t len = ucasemap_utf8FoldCase(fold_map, out, (int32_t)sizeof out, s, (int32_t)n, &err);
	if (U_FAILURE(err) || len <= 0 || len > 6) {
		e = (uint64_t)0xFF << 56;
	} else {
		e = (uint64_t)len << 56;
		for (int32_t k = 0; k < len; k++)
			e |= (uint64_t)(unsigned char)out[k] << (8 * k);
	}
	/* every thread computes the same value: a race only repeats the work */
	atomic_store_explicit(slot, e, memory_order_relaxed);
	return e;
}

int cov_utf8_fold(const char *s, size_t n, char *out, size_t cap)
{
	/* fast path: ASCII, and the characters whose folding is kept above */
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;
	while (i < n) {
		unsigned char c = p[i];
		/* eight ASCII bytes at once: A–Z (0x41–0x5A) gain 0x20 */
		if (c < 0x80 && i + 8 <= n && o + 8 < cap) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (!(w & BYTES(0x80))) {
				uint64_t upper = (w + BYTES(0x80 - 'A')) & ~(w + BYTES(0x80 - 'Z' - 1)) & BYTES(0x80);
				w |= upper >> 2;
				memcpy(out + o, &w, 8);
				i += 8;
				o += 8;
				continue;
			}
		}
		if (c < 0x80) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
			i++;
			continue;
		}
		/* А–Я (D0 90–AF) and а–я (D0 B0–BF, D1 80–8F), the most
		 * frequent, without the table */
		if (c == 0xD0 && i + 1 < n && p[i + 1] >= 0x90 && p[i + 1] <= 0xBF) {
			if (o + 2 >= cap)
				return -1;
			unsigned char t = p[i + 1];
			if (t < 0xB0) {
				out[o++] = t < 0xA0 ? (char)0xD0 : (char)0xD1;
				out[o++] = t < 0xA0 ? (char)(t + 0x20) : (char)(t - 0x20);
			} else {
				out[o++] = (char)0xD0;
				out[o++] = (char)t;
			}
			i += 2;
			continue;
		}
		if (c == 0xD1 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x8F) {
			if (o + 2 >= cap)
				return -1;
			out[o++] = (char)0xD1;
			out[o++] = (char)p[i + 1];
			i += 2;
			continue;
		}
		/* one character by U8_NEXT, as ICU reads it */
		int32_t cp, in = 0, avail = n - i > 8 ? 8 : (int32_t)(n - i);
		U8_NEXT(p + i, in, avail, cp);
		uint64_t e;
		if (cp < 0) {
			/* ill-formed bytes: ICU copies them as they are */
			e = (uint64_t)in << 56;
			for (int32_t k = 0; k < in; k++)
				e |= (uint64_t)p[i + (size_t)k] << (8 * k);
		} else if (cp >= FOLD2_FIRST && cp <= FOLD2_LAST) {
			e = fold_char(s + i, (size_t)in, &fold2[cp - FOLD2_FIRST]);
		} else if (cp >= FOLD3_FIRST && cp <= FOLD3_LAST) {
			e = fold_char(s + i, (size_t)in, &fold3[cp - FOLD3_FIRST]);
		} else {
			break;
		}
		size_t len = (size_t)(e >> 56);
		if (len == 0 || len > 6)
			break;
		if (o + len >= cap)
			return -1;
		for (size_t k = 0; k < len; k++)
			out[o++] = (char)(e >> (8 * k));
		i += (size_t)in;
	}
	if (i == n) {
		out[o] = '\0';
		return (int)o;
	}
	UErrorCode err = U_ZERO_ERROR;
	if (!open_fold_map())
		return -1;
	if (n > INT32_MAX || cap > INT32_MAX)
		return -1;
	int32_t len = ucasemap_utf8FoldCase(fold_map, out, (int32_t)cap, s, (int32_t)n, &err);
	if (U_FAILURE(err) || (size_t)len >= cap)
		return -1;
	out[len] = '\0';
	return len;
}
