/*
 * tokenizer.c — the FTS5 tokenizer "covenant", so that a search for
 * «мирные собрания» finds «мирных собраний» and "peaceful assembly" finds
 * "assemble peacefully": SQLite's porter knows English only.
 *
 * Words are runs of letters, digits and combining marks (ICU), case-folded,
 * «ё» read as «е», then stemmed by Snowball (libstemmer): Russian for a word
 * with Cyrillic letters, English for one with Latin letters, none for other
 * scripts.  The choice is per word, so documents and queries need no
 * language and a Russian text quoting an English name is stemmed right.
 * Prefix queries ("собран*") are folded but not stemmed.
 */
#include "store.h"
#include "../util/util.h"
#include "sqlite_dl.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define MAX_WORD 120  /* bytes of a folded word; longer ones are cut */
#define CACHE 32768   /* direct-mapped: folded word → stem (2 MB) */
#define SLOT_WORD 31  /* longer words are stemmed each time: a slot is 64 bytes */

typedef struct slot {
	unsigned char flen, slen;
	char fold[SLOT_WORD], stem[SLOT_WORD];
} slot;

typedef struct tokenizer {
	struct sb_stemmer *ru, *en;
	slot *cache;
} tokenizer;

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	tokenizer *t = calloc(1, sizeof *t);
	if (!t)
		return SQLITE_NOMEM;
	t->ru = sb_stemmer_new("russian", "UTF_8");
	t->en = sb_stemmer_new("english", "UTF_8");
	t->cache = calloc(CACHE, sizeof *t->cache);
	if (!t->ru || !t->en || !t->cache) {
		sb_stemmer_delete(t->ru);
		sb_stemmer_delete(t->en);
		free(t->cache);
		free(t);
		return SQLITE_NOMEM;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p)
{
	tokenizer *t = (tokenizer *)p;
	sb_stemmer_delete(t->ru);
	sb_stemmer_delete(t->en);
	free(t->cache);
	free(t);
}

/* inline: it is asked of every character */
static inline bool word_cp(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	if (c >= 0x400 && c <= 0x4FF)
		return c != 0x482;
	int8_t type = u_charType(c);
	return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The stem of folded word `w` (n bytes), through the cache. */
static const char *stem(tokenizer *t, const char *w, size_t n, int script, size_t *len)
{
	struct sb_stemmer *sb = script == 1 ? t->ru : script == 2 ? t->en : NULL;
	if (!sb) {
		*len = n;
		return w;
	}
	slot *s = n <= SLOT_WORD ? &t->cache[hash(w, n) & (CACHE - 1)] : NULL;
	if (s && s->flen == n && memcmp(s->fold, w, n) == 0) {
		*len = s->slen;
		return s->stem;
	}
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
	int rl = r ? sb_stemmer_length(sb) : 0;
	if (!r || rl <= 0 || (size_t)rl > MAX_WORD) {
		*len = n;
		return w;
	}
	if (!s || (size_t)rl > SLOT_WORD) {
		/* the stemmer's buffer lasts until its next call */
		*len = (size_t)rl;
		return (const char *)r;
	}
	s->flen = (unsigned char)n;
	memcpy(s->fold, w, n);
	s->slen = (unsigned char)rl;
	memcpy(s->stem, r, (size_t)rl);
	*len = (size_t)rl;
	return s->stem;
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n_text,
			int (*emit)(void *, int, const char *, int, int, int))
{
	tokenizer *t = (tokenizer *)p;
	size_t n = n_text > 0 ? (size_t)n_text : 0;
	char w[MAX_WORD + 4];
	for (size_t i = 0; i < n;) {
		size_t at = i;
		int32_t c = cov_utf8_next(text, n, &i);
		if (i == at)
			i++;
		if (!word_cp(c))
			continue;
		size_t start = at, wl = 0;
		int script = 0; /* 1 Cyrillic, 2 Latin */
		for (;;) {
			if (c < 0x80) {
				/* ASCII: a letter is Latin */
				if (c >= 'A' && c <= 'Z')
					c += 32;
				if (!script && c >= 'a' && c <= 'z')
					script = 2;
			} else if (c >= 0x400 && c <= 0x4FF)
				script = 1;
			else if (!script && c < 0x250 && u_isalpha(c))
				script = 2;
			if (c < 0x80)
				;
			else if (c >= 0x410 && c <= 0x42F)
				c += 0x20; /* А-Я */
			else if (c >= 0x430 && c <= 0x44F)
				;
			else
				c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
			if (c == 0x451 || c == 0x401)
				c = 0x435; /* ё, Ё → е */
			if (wl + 4 <= MAX_WORD) {
				U8_APPEND_UNSAFE(w, wl, c);
			}
			if (i >= n)
				break;
			size_t next = i;
			int32_t d = cov_utf8_next(text, n, &next);
			if (!word_cp(d))
				break;
			i = next;
			c = d;
		}
		size_t sl;
		const char *s = (flags & FTS5_TOKENIZE_PREFIX) ? (sl = wl, w) : stem(t, w, wl, script, &sl);
		int rc = emit(ctx, 0, s, (int)sl, (int)start, (int)i);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	return api;
}

int cov_store_register_tokenizer(sqlite3 *db)
{
	static fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
	fts5_api *api = fts5_of(db);
	if (!api || api->iVersion < 2)
		return cov_error_set(COV_EDATA, "this SQLite has no FTS5 (the library's search needs it)");
	if (api->xCreateTokenizer(api, "covenant", NULL, &tok, NULL) != SQLITE_OK)
		return cov_error_set(COV_ENOMEM, "cannot register the search tokenizer");
	return COV_OK;
}
