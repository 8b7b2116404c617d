/*
 * utf8.c — UTF-8 decoding, validation and case folding.  Decoding uses
 * ICU's U8_NEXT macro and folding ICU's ucasemap, so every script is handled
 * the way Unicode says; only the ASCII fast paths are ours.
 */
#include "util.h"

#include <unicode/ucasemap.h>
#include <unicode/utf8.h>
#include <stdbool.h>
#include <string.h>

int32_t cov_utf8_next(const char *s, size_t n, size_t *i)
{
	int32_t c;
	int32_t pos = 0;
	/* U8_NEXT works on int32 offsets: decode from a window at *i. */
	int32_t len = n - *i > 8 ? 8 : (int32_t)(n - *i);
	U8_NEXT((const uint8_t *)s + *i, pos, len, c);
	*i += (size_t)pos;
	return c < 0 ? 0xFFFD : c;
}

size_t cov_utf8_invalid_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* ASCII fast path, 8 bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t start = i;
		int32_t cp;
		int32_t pos = 0;
		int32_t len = n - i > 8 ? 8 : (int32_t)(n - i);
		U8_NEXT(p + i, pos, len, cp);
		if (cp < 0)
			return start;
		i += (size_t)pos;
	}
	return n;
}

static _Thread_local UCaseMap *fold_map;

/* ICU keeps the map; it is created once per thread and lives with it. */
/* Fold basic Cyrillic in place of ICU: А–Я (U+0410–042F) → а–я, Ѐ–Џ
 * (U+0400–040F) → ѐ–џ; returns false for anything else. */
static bool fold_cyrillic2(unsigned char a, unsigned char b, char *out)
{
	int cp = ((a & 0x1F) << 6) | (b & 0x3F);
	if (cp >= 0x410 && cp <= 0x42F)
		cp += 0x20;
	else if (cp >= 0x400 && cp <= 0x40F)
		cp += 0x50;
	else if (!(cp >= 0x430 && cp <= 0x45F))
		return false;
	out[0] = (char)(0xC0 | (cp >> 6));
	out[1] = (char)(0x80 | (cp & 0x3F));
	return true;
}

int cov_utf8_fold(const char *s, size_t n, char *out, size_t cap)
{
	/* fast path: ASCII and basic Cyrillic, which fold one to one */
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (i + 1 >= cap)
				return -1;
			out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
			i++;
		} else if ((c == 0xD0 || c == 0xD1) && i + 1 < n && i + 2 < cap &&
			   fold_cyrillic2(c, (unsigned char)s[i + 1], out + i)) {
			i += 2;
		} else {
			break;
		}
	}
	if (i == n) {
		out[n] = '\0';
		return (int)n;
	}
	UErrorCode err = U_ZERO_ERROR;
	if (!fold_map) {
		fold_map = ucasemap_open(NULL, 0, &err);
		if (U_FAILURE(err))
			return -1;
	}
	if (n > INT32_MAX || cap > INT32_MAX)
		return -1;
	int32_t len = ucasemap_utf8FoldCase(fold_map, out, (int32_t)cap, s, (int32_t)n, &err);
	if (U_FAILURE(err) || (size_t)len >= cap)
		return -1;
	out[len] = '\0';
	return len;
}
