/*
 * lexicon.c — loads the files in data/lang/.  The format is deliberately plain
 * ("key: value | value") so that a lawyer can add a language or a heading
 * word with a text editor; data/README.md documents it.
 */
#include "lexicon.h"
#include "../rights/rights.h"
#include "../util/util.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef COV_DATADIR
#define COV_DATADIR "/usr/local/share/covenant"
#endif

static const struct {
	const char *key;
	cov_node_kind kind;
} kind_keys[] = {
	{"preamble", COV_NODE_PREAMBLE}, {"part", COV_NODE_PART},
	{"title", COV_NODE_TITLE},       {"chapter", COV_NODE_CHAPTER},
	{"section", COV_NODE_SECTION},   {"subsection", COV_NODE_SUBSECTION},
	{"article", COV_NODE_ARTICLE},   {"attachment", COV_NODE_ATTACHMENT},
	{"paragraph", COV_NODE_PARAGRAPH},
};

static char *fold_dup(const char *s)
{
	char tmp[256];
	int n = cov_utf8_fold(s, strlen(s), tmp, sizeof tmp);
	return n < 0 ? NULL : strdup(tmp);
}

static bool push(void **arr, size_t *n, size_t size, const void *item)
{
	void *p = realloc(*arr, (*n + 1) * size);
	if (!p)
		return false;
	memcpy((char *)p + *n * size, item, size);
	*arr = p;
	(*n)++;
	return true;
}

/* One "key: a | b | c" line of file `path` at `lineno`. */
static int load_line(cov_data *d, cov_lang *lang, char *line, const char *path, int lineno)
{
	char *colon = strchr(line, ':');
	/* "§" and "Мы," contain no colon issue: the key never has spaces */
	if (!colon)
		return cov_error_set(COV_EDATA, "%s:%d: expected 'key: value | value'", path, lineno);
	*colon = '\0';
	char *key = cov_trim(line);
	char *rest = colon + 1;
	if (strcmp(key, "language") == 0) {
		snprintf(lang->code, sizeof lang->code, "%s", cov_trim(rest));
		return COV_OK;
	}
	bool after = false;
	size_t klen = strlen(key);
	if (klen > 6 && strcmp(key + klen - 6, "-after") == 0) {
		key[klen - 6] = '\0';
		after = true;
	}
	int kind = -1;
	for (size_t i = 0; i < sizeof kind_keys / sizeof *kind_keys; i++)
		if (strcmp(key, kind_keys[i].key) == 0)
			kind = (int)kind_keys[i].kind;
	bool is_common = strcmp(key, "common") == 0, is_number = strcmp(key, "number") == 0,
	     is_opening = strcmp(key, "preamble-opening") == 0, is_title = strcmp(key, "title-word") == 0,
	     is_note = strcmp(key, "note") == 0, is_repealed = strcmp(key, "repealed") == 0,
	     is_ordinal = strcmp(key, "ordinal") == 0, is_reference = strcmp(key, "reference") == 0,
	     is_effective = strcmp(key, "effective") == 0;
	if (kind < 0 && !is_common && !is_number && !is_opening && !is_title && !is_note && !is_repealed &&
	    !is_ordinal && !is_reference && !is_effective)
		return cov_error_set(COV_EDATA, "%s:%d: unknown key '%s'", path, lineno, key);

	for (char *save = NULL, *tok = strtok_r(rest, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		tok = cov_trim(tok);
		if (!*tok)
			continue;
		long value = 0;
		if (is_number) {
			char *eq = strchr(tok, '=');
			if (!eq || (value = strtol(eq + 1, NULL, 10)) <= 0)
				return cov_error_set(COV_EDATA, "%s:%d: number word '%s' needs '=value'", path, lineno, tok);
			*eq = '\0';
			tok = cov_trim(tok);
		}
		char *w = fold_dup(tok);
		if (!w)
			return cov_error_set(COV_EDATA, "%s:%d: word too long or out of memory: '%s'", path, lineno, tok);
		bool ok;
		if (kind >= 0) {
			cov_keyword k = {w, strlen(w), (cov_node_kind)kind, after};
			ok = push((void **)&d->keywords, &d->n_keywords, sizeof k, &k);
		} else if (is_number) {
			cov_numword nw = {w, strlen(w), value};
			ok = push((void **)&d->numwords, &d->n_numwords, sizeof nw, &nw);
		} else if (is_common) {
			ok = push((void **)&lang->common, &lang->n_common, sizeof w, &w);
		} else if (is_ordinal) {
			ok = push((void **)&d->ordinal_marks, &d->n_ordinal_marks, sizeof w, &w);
		} else if (is_note) {
			ok = push((void **)&d->note_words, &d->n_note_words, sizeof w, &w);
		} else if (is_repealed) {
			ok = push((void **)&d->repealed_words, &d->n_repealed_words, sizeof w, &w);
		} else if (is_reference) {
			ok = push((void **)&d->reference_words, &d->n_reference_words, sizeof w, &w);
		} else if (is_effective) {
			ok = push((void **)&d->effective_words, &d->n_effective_words, sizeof w, &w);
		} else if (is_title) {
			ok = push((void **)&lang->title_words, &lang->n_title_words, sizeof w, &w);
		} else {
			ok = push((void **)&lang->openings, &lang->n_openings, sizeof w, &w);
		}
		if (!ok) {
			free(w);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
	return COV_OK;
}

static int load_file(cov_data *d, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	cov_lang lang;
	memset(&lang, 0, sizeof lang);
	char line[4096];
	int lineno = 0, rc = COV_OK;
	while (rc == COV_OK && fgets(line, sizeof line, f)) {
		lineno++;
		char *s = cov_trim(line);
		if (*s == '#' || *s == '\0')
			continue;
		rc = load_line(d, &lang, s, path, lineno);
	}
	fclose(f);
	if (rc == COV_OK && !lang.code[0])
		rc = cov_error_set(COV_EDATA, "%s: no 'language:' line", path);
	if (rc == COV_OK && !push((void **)&d->langs, &d->n_langs, sizeof lang, &lang))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc != COV_OK) {
		for (size_t i = 0; i < lang.n_common; i++)
			free(lang.common[i]);
		for (size_t i = 0; i < lang.n_openings; i++)
			free(lang.openings[i]);
		for (size_t i = 0; i < lang.n_title_words; i++)
			free(lang.title_words[i]);
		free(lang.common);
		free(lang.openings);
		free(lang.title_words);
	}
	return rc;
}

static int cmp_keyword(const void *a, const void *b)
{
	const cov_keyword *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	return strcmp(x->word, y->word);
}

static int cmp_numword(const void *a, const void *b)
{
	const cov_numword *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	return strcmp(x->word, y->word);
}

static int cmp_longest(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
	return la != lb ? (la < lb ? 1 : -1) : strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* order[by_byte[b] .. by_byte[b + 1]) = the indexes of the words starting
 * with byte b, in their order (a counting sort on the first byte). */
static size_t *index_first_byte(const void *words, size_t n, size_t size, size_t by_byte[257])
{
	size_t *order = malloc((n ? n : 1) * sizeof *order);
	if (!order)
		return NULL;
	memset(by_byte, 0, 257 * sizeof *by_byte);
	for (size_t i = 0; i < n; i++)
		by_byte[(unsigned char)**(char *const *)((const char *)words + i * size) + 1]++;
	for (size_t b = 1; b < 257; b++)
		by_byte[b] += by_byte[b - 1];
	size_t fill[256];
	memcpy(fill, by_byte, sizeof fill);
	for (size_t i = 0; i < n; i++)
		order[fill[(unsigned char)**(char *const *)((const char *)words + i * size)]++] = i;
	return order;
}

static void set_bit(uint64_t bits[1024], unsigned k)
{
	bits[k >> 6] |= (uint64_t)1 << (k & 63);
}

/* The bit of a word's first four folded bytes in cov_starts.four. */
static unsigned start4_key(const char *w)
{
	uint32_t v;
	memcpy(&v, w, 4);
	return (v * 2654435761u) >> 16;
}

static void mark_start(cov_starts *st, const char *w, size_t len)
{
	if (len >= 4) {
		set_bit(st->two, (unsigned)(unsigned char)w[0] << 8 | (unsigned char)w[1]);
		set_bit(st->four, start4_key(w));
		return;
	}
	if (len >= 2) {
		set_bit(st->two, (unsigned)(unsigned char)w[0] << 8 | (unsigned char)w[1]);
		set_bit(st->short2, (unsigned)(unsigned char)w[0] << 8 | (unsigned char)w[1]);
		return;
	}
	/* a word of one byte: every second byte; of none: everything */
	for (unsigned k = 0; k < 65536; k++)
		if (len == 0 || k >> 8 == (unsigned char)w[0]) {
			set_bit(st->two, k);
			set_bit(st->short2, k);
		}
}

bool cov_lexicon_may_start(const cov_starts *st, const char *s, size_t n)
{
	/* the folding of the first four characters begins the folding of the
	 * whole (characters fold one by one) */
	char f[32];
	int fl = 0;
	size_t j = 0;
	/* ASCII and А–я fold here; anything else as cov_utf8_fold does */
	for (int k = 0; k < 4 && j < n; k++) {
		unsigned char c = (unsigned char)s[j];
		unsigned char t = j + 1 < n ? (unsigned char)s[j + 1] : 0;
		if (c < 0x80) {
			f[fl++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			j++;
		} else if (c == 0xD0 && t >= 0x90 && t <= 0xBF) { /* А–Я, а–п */
			f[fl++] = (char)(t < 0xA0 || t >= 0xB0 ? 0xD0 : 0xD1);
			f[fl++] = (char)(t < 0xA0 ? t + 0x20 : t < 0xB0 ? t - 0x20 : t);
			j += 2;
		} else if (c == 0xD1 && t >= 0x80 && t <= 0x8F) { /* р–я */
			f[fl++] = (char)c;
			f[fl++] = (char)t;
			j += 2;
		} else {
			fl = -1;
			break;
		}
	}
	if (fl < 0) {
		j = 0;
		for (int k = 0; k < 4 && j < n; k++)
			cov_utf8_next(s, n, &j);
		fl = cov_utf8_fold(s, j, f, sizeof f);
	}
	if (fl < 2)
		return true;
	unsigned k = (unsigned)(unsigned char)f[0] << 8 | (unsigned char)f[1];
	if (!(st->two[k >> 6] >> (k & 63) & 1))
		return false;
	if (fl < 4 || (st->short2[k >> 6] >> (k & 63) & 1))
		return true;
	unsigned h = start4_key(f);
	return st->four[h >> 6] >> (h & 63) & 1;
}

static uint64_t hash_word(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* The common words of every language (the first 64) in one hash table. */
static bool build_common_hash(cov_data *d)
{
	size_t total = 0;
	for (size_t k = 0; k < d->n_langs && k < 64; k++)
		total += d->langs[k].n_common;
	if (!total)
		return true;
	size_t size = 16;
	while (size < total * 2)
		size *= 2;
	d->common_hash = calloc(size, sizeof *d->common_hash);
	if (!d->common_hash)
		return false;
	d->common_mask = size - 1;
	for (size_t k = 0; k < d->n_langs && k < 64; k++)
		for (size_t i = 0; i < d->langs[k].n_common; i++) {
			const char *w = d->langs[k].common[i];
			size_t n = strlen(w);
			for (size_t h = (size_t)hash_word(w, n) & d->common_mask;; h = (h + 1) & d->common_mask) {
				struct cov_common_slot *e = &d->common_hash[h];
				if (!e->word || strcmp(e->word, w) == 0) {
					e->word = w;
					e->langs |= (uint64_t)1 << k;
					break;
				}
			}
		}
	return true;
}

uint64_t cov_lexicon_common(const cov_data *d, const char *folded, size_t len)
{
	if (!d->common_mask)
		return 0;
	for (size_t h = (size_t)hash_word(folded, len) & d->common_mask;; h = (h + 1) & d->common_mask) {
		const struct cov_common_slot *e = &d->common_hash[h];
		if (!e->word)
			return 0;
		if (strncmp(e->word, folded, len) == 0 && e->word[len] == '\0')
			return e->langs;
	}
}

static int load_dir(cov_data *d, const char *dir)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s/lang", dir) >= (int)sizeof path)
		return cov_error_set(COV_EDATA, "%s: path too long", dir);
	DIR *dh = opendir(path);
	if (!dh)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	int rc = COV_OK;
	while ((e = readdir(dh))) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0) {
			char *s = strdup(e->d_name);
			if (!s || !push((void **)&names, &n, sizeof s, &s)) {
				free(s);
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
		}
	}
	closedir(dh);
	if (rc == COV_OK && n == 0)
		rc = cov_error_set(COV_EDATA, "%s: no language files (*.txt)", path);
	if (n)
		qsort(names, n, sizeof *names, cmp_name); /* load order must not depend on the file system */
	for (size_t i = 0; i < n; i++) {
		if (rc == COV_OK) {
			char file[PATH_MAX + 256];
			snprintf(file, sizeof file, "%s/%s", path, names[i]);
			rc = load_file(d, file);
		}
		free(names[i]);
	}
	free(names);
	if (rc != COV_OK)
		return rc;
	qsort(d->keywords, d->n_keywords, sizeof *d->keywords, cmp_keyword);
	if (d->n_ordinal_marks)
		qsort(d->ordinal_marks, d->n_ordinal_marks, sizeof(char *), cmp_longest);
	if (d->n_numwords)
		qsort(d->numwords, d->n_numwords, sizeof *d->numwords, cmp_numword);
	for (size_t i = 0; i < d->n_langs; i++)
		if (d->langs[i].n_common)
			qsort(d->langs[i].common, d->langs[i].n_common, sizeof(char *), cmp_str);
	if (!build_common_hash(d))
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < d->n_keywords; i++)
		mark_start(&d->kw_start, d->keywords[i].word, d->keywords[i].len);
	for (size_t i = 0; i < d->n_numwords; i++)
		mark_start(&d->nw_start, d->numwords[i].word, d->numwords[i].len);
	for (size_t i = 0; i < d->n_note_words; i++)
		mark_start(&d->note_start, d->note_words[i], strlen(d->note_words[i]));
	/* the word is the first member of both structs */
	d->kw_order = index_first_byte(d->keywords, d->n_keywords, sizeof *d->keywords, d->kw_by_byte);
	d->nw_order = index_first_byte(d->numwords, d->n_numwords, sizeof *d->numwords, d->nw_by_byte);
	if (!d->kw_order || !d->nw_order)
		return cov_error_set(COV_ENOMEM, "out of memory");
	return COV_OK;
}

static bool is_dir_with_lang(const char *dir)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s/lang", dir) >= (int)sizeof path)
		return false;
	return access(path, R_OK | X_OK) == 0;
}

/* Data next to the running binary: build/covenant → ../data,
 * PREFIX/bin/covenant → ../share/covenant. */
static bool find_near_exe(char *out, size_t cap)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	const char *rel[] = {"/../data", "/../share/covenant", "/../../data"};
	for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
		snprintf(out, cap, "%s%s", exe, rel[i]);
		if (is_dir_with_lang(out))
			return true;
	}
	return false;
}

int cov_data_open(const char *dir, cov_data **out)
{
	*out = NULL;
	char found[PATH_MAX];
	if (!dir) {
		const char *env = getenv("COVENANT_DATA");
		if (env && *env)
			dir = env;
		else if (find_near_exe(found, sizeof found))
			dir = found;
		else if (is_dir_with_lang(COV_DATADIR))
			dir = COV_DATADIR;
		else
			return cov_error_set(COV_EDATA,
					     "cannot find covenant's data directory (tried $COVENANT_DATA, "
					     "next to the binary, and " COV_DATADIR "); use --data DIR");
	}
	cov_data *d = calloc(1, sizeof *d);
	if (!d || !(d->dir = strdup(dir))) {
		free(d);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	int rc = load_dir(d, dir);
	if (rc == COV_OK) {
		d->rights = calloc(1, sizeof *d->rights);
		rc = d->rights ? cov_rights_load(d->rights, dir) : cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (rc != COV_OK) {
		cov_data_free(d);
		return rc;
	}
	*out = d;
	return COV_OK;
}

const char *cov_data_dir(const cov_data *d)
{
	return d->dir;
}

void cov_data_free(cov_data *d)
{
	if (!d)
		return;
	if (d->rights) {
		cov_rights_free(d->rights);
		free(d->rights);
	}
	for (size_t i = 0; i < d->n_keywords; i++)
		free(d->keywords[i].word);
	for (size_t i = 0; i < d->n_numwords; i++)
		free(d->numwords[i].word);
	for (size_t i = 0; i < d->n_note_words; i++)
		free(d->note_words[i]);
	for (size_t i = 0; i < d->n_repealed_words; i++)
		free(d->repealed_words[i]);
	for (size_t i = 0; i < d->n_reference_words; i++)
		free(d->reference_words[i]);
	free(d->reference_words);
	for (size_t i = 0; i < d->n_effective_words; i++)
		free(d->effective_words[i]);
	free(d->effective_words);
	for (size_t i = 0; i < d->n_ordinal_marks; i++)
		free(d->ordinal_marks[i]);
	free(d->ordinal_marks);
	free(d->note_words);
	free(d->repealed_words);
	for (size_t i = 0; i < d->n_langs; i++) {
		for (size_t j = 0; j < d->langs[i].n_common; j++)
			free(d->langs[i].common[j]);
		for (size_t j = 0; j < d->langs[i].n_openings; j++)
			free(d->langs[i].openings[j]);
		for (size_t j = 0; j < d->langs[i].n_title_words; j++)
			free(d->langs[i].title_words[j]);
		free(d->langs[i].common);
		free(d->langs[i].openings);
		free(d->langs[i].title_words);
	}
	free(d->keywords);
	free(d->numwords);
	free(d->kw_order);
	free(d->nw_order);
	free(d->common_hash);
	free(d->langs);
	free(d->dir);
	free(d);
}

/* A keyword must end at a word boundary: "art" must not match "article"
 * (the longer keyword is tried first) nor "artistic". A keyword ending in
 * '.' ("Art.") is its own boundary. */
static bool boundary_at(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return true;
	unsigned char c = (unsigned char)s[i];
	if (i > 0 && (s[i - 1] == '.' || s[i - 1] == ','))
		return true;
	if (c < 0x80)
		return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
	/* a non-ASCII letter continues the word; dashes and spaces do not */
	size_t j = i;
	int32_t cp = cov_utf8_next(s, n, &j);
	return cp == 0x00A0 || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
	       (cp >= 0x2000 && cp <= 0x200B);
}

const cov_keyword *cov_lexicon_keyword(const cov_data *d, const char *folded, size_t len, bool after)
{
	if (!len)
		return NULL;
	unsigned char b = (unsigned char)folded[0];
	for (size_t o = d->kw_by_byte[b]; o < d->kw_by_byte[b + 1]; o++) {
		const cov_keyword *k = &d->keywords[d->kw_order[o]];
		if (k->after == after && k->len <= len && (k->len < 2 || k->word[1] == folded[1]) &&
		    memcmp(folded, k->word, k->len) == 0 && boundary_at(folded, len, k->len))
			return k;
	}
	return NULL;
}

long cov_lexicon_numword(const cov_data *d, const char *folded, size_t n, size_t *len)
{
	if (!n)
		return 0;
	unsigned char b = (unsigned char)folded[0];
	for (size_t o = d->nw_by_byte[b]; o < d->nw_by_byte[b + 1]; o++) {
		const cov_numword *w = &d->numwords[d->nw_order[o]];
		if (w->len <= n && (w->len < 2 || w->word[1] == folded[1]) && memcmp(folded, w->word, w->len) == 0 && boundary_at(folded, n, w->len)) {
			*len = w->len;
			return w->value;
		}
	}
	return 0;
}
