/*
 * grammar.c — the citation grammar of one language, read from
 * data/refs/LANG.txt (unit words with their case forms, the words of
 * self-reference, of the constitution and other acts, list and range
 * words), and the tokenizer that both the grammar and the texts go through,
 * so a phrase of the file matches the text token by token, case-folded.
 */
#include "refs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* ---- tokens ---- */

void ref_toks_init(ref_toks *t)
{
	memset(t, 0, sizeof *t);
	cov_buf_init(&t->fold);
}

void ref_toks_free(ref_toks *t)
{
	free(t->v);
	cov_buf_free(&t->fold);
	memset(t, 0, sizeof *t);
}

static bool push_tok(ref_toks *t, ref_tok_type type, bool upper, bool line_start, const char *s, size_t a,
		     size_t b)
{
	if (!cov_grow(&t->v, &t->cap, t->n, sizeof *t->v, 256))
		return false;
	if (b - a > 0xFFFF || b > UINT32_MAX)
		return true; /* a "word" of 64 KB is no citation */
	ref_tok *k = &t->v[t->n];
	k->type = type;
	k->upper = upper;
	k->line_start = line_start;
	k->start = (uint32_t)a;
	k->end = (uint32_t)b;
	k->fold = (uint32_t)t->fold.len;
	if (type == TOK_WORD) {
		char small[256];
		char *buf = small;
		size_t cap = (b - a) * 3 + 8;
		if (cap > sizeof small && !(buf = malloc(cap)))
			return false;
		int len = cov_utf8_fold(s + a, b - a, buf, cap);
		if (len < 0) { /* cannot fold: the word as it is */
			memcpy(buf, s + a, b - a);
			len = (int)(b - a);
		}
		cov_buf_put(&t->fold, buf, (size_t)len);
		k->fold_len = (uint32_t)len;
		if (buf != small)
			free(buf);
	} else {
		cov_buf_put(&t->fold, s + a, b - a);
		k->fold_len = (uint32_t)(b - a);
	}
	cov_buf_putc(&t->fold, '\0');
	if (t->fold.oom)
		return false;
	t->n++;
	return true;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

bool ref_tokenize(ref_toks *t, const char *s, size_t a, size_t b)
{
	size_t i = a;
	bool line_start = true;
	while (i < b) {
		size_t at = i;
		int32_t c = cov_utf8_next(s, b, &i);
		if (c == '\n') {
			line_start = true;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || u_isspace(c))
			continue;
		if (is_digit(c)) {
			while (i < b && is_digit((unsigned char)s[i]))
				i++;
			/* an inserted number: «10-1)», «26-1» */
			while (i + 1 < b && s[i] == '-' && is_digit((unsigned char)s[i + 1])) {
				i++;
				while (i < b && is_digit((unsigned char)s[i]))
					i++;
			}
			if (!push_tok(t, TOK_NUM, false, line_start, s, at, i))
				return false;
		} else if (u_isalpha(c)) {
			bool upper = u_isupper(c) || u_istitle(c);
			size_t end = i;
			for (;;) {
				size_t j = end;
				if (j >= b)
					break;
				int32_t d = cov_utf8_next(s, b, &j);
				if (u_isalpha(d)) {
					end = j;
					continue;
				}
				/* a hyphen between letters: «Нур-Султан» */
				if (d == '-' && j < b) {
					size_t k = j;
					int32_t e = cov_utf8_next(s, b, &k);
					if (u_isalpha(e)) {
						end = k;
						continue;
					}
				}
				break;
			}
			i = end;
			if (!push_tok(t, TOK_WORD, upper, line_start, s, at, i))
				return false;
		} else {
			if (!push_tok(t, TOK_PUNCT, false, line_start, s, at, i))
				return false;
		}
		line_start = false;
	}
	return true;
}

/* ---- the grammar file ---- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

void ref_grammar_free(ref_grammar *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++) {
		for (size_t k = 0; k < g->p[i].n; k++)
			free(g->p[i].words[k]);
		free(g->p[i].words);
		free(g->p[i].joined);
	}
	free(g->p);
	free(g->slots);
	free(g);
}

static int add_phrase(ref_grammar *g, ref_gtype type, cov_node_kind kind, int value, const char *text,
		      const char *path, int lineno)
{
	ref_toks t;
	ref_toks_init(&t);
	if (!ref_tokenize(&t, text, 0, strlen(text))) {
		ref_toks_free(&t);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (t.n == 0) {
		ref_toks_free(&t);
		return cov_error_set(COV_EDATA, "%s:%d: an empty phrase", path, lineno);
	}
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		ref_phrase *p = realloc(g->p, cap * sizeof *p);
		if (!p) {
			ref_toks_free(&t);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
		g->p = p;
		g->cap = cap;
	}
	ref_phrase *p = &g->p[g->n];
	memset(p, 0, sizeof *p);
	p->type = type;
	p->kind = kind;
	p->value = value;
	p->next = -1;
	p->words = calloc(t.n, sizeof *p->words);
	cov_buf j;
	cov_buf_init(&j);
	bool oom = !p->words;
	for (size_t k = 0; !oom && k < t.n; k++) {
		p->words[k] = strdup(ref_tok_fold(&t, k));
		oom = !p->words[k];
		if (k)
			cov_buf_putc(&j, ' ');
		cov_buf_puts(&j, ref_tok_fold(&t, k));
	}
	p->n = t.n;
	p->joined = cov_buf_detach(&j, NULL);
	g->n++; /* freed with the grammar even when incomplete */
	ref_toks_free(&t);
	if (oom || !p->joined)
		return cov_error_set(COV_ENOMEM, "out of memory");
	return COV_OK;
}

static bool kind_by_name(const char *name, cov_node_kind *out)
{
	if (strcmp(name, "act") == 0) {
		*out = COV_NODE_DOCUMENT;
		return true;
	}
	for (int k = COV_NODE_PREFACE; k < COV_NODE_KIND_COUNT; k++)
		if (strcmp(cov_node_kind_name((cov_node_kind)k), name) == 0) {
			*out = (cov_node_kind)k;
			return true;
		}
	return false;
}

static int build_index(ref_grammar *g)
{
	size_t size = 16;
	while (size < g->n * 2)
		size *= 2;
	g->slots = calloc(size, sizeof *g->slots);
	if (!g->slots)
		return cov_error_set(COV_ENOMEM, "out of memory");
	g->mask = size - 1;
	/* insert longest first, so each chain runs from the longest phrase */
	size_t maxn = 0;
	for (size_t i = 0; i < g->n; i++)
		if (g->p[i].n > maxn)
			maxn = g->p[i].n;
	for (size_t len = maxn; len >= 1; len--) {
		for (size_t i = g->n; i-- > 0;) {
			ref_phrase *p = &g->p[i];
			if (p->n != len)
				continue;
			size_t h = hash_str(p->words[0]) & g->mask;
			while (g->slots[h].word && strcmp(g->slots[h].word, p->words[0]) != 0)
				h = (h + 1) & g->mask;
			if (!g->slots[h].word) {
				g->slots[h].word = p->words[0];
				g->slots[h].first = (int)i;
				continue;
			}
			/* append at the end of the chain (longer ones come first) */
			int k = g->slots[h].first;
			while (g->p[k].next >= 0)
				k = g->p[k].next;
			g->p[k].next = (int)i;
		}
	}
	return COV_OK;
}

static int parse_line(ref_grammar *g, char *line, const char *path, int lineno)
{
	char *colon = strchr(line, ':');
	if (!colon)
		return cov_error_set(COV_EDATA, "%s:%d: expected 'key: value | value'", path, lineno);
	*colon = '\0';
	char *key = cov_trim(line), *val = cov_trim(colon + 1);
	if (strcmp(key, "language") == 0) {
		snprintf(g->lang, sizeof g->lang, "%s", val);
		return COV_OK;
	}
	ref_gtype type;
	cov_node_kind kind = COV_NODE_DOCUMENT;
	if (strcmp(key, "within") == 0) {
		char *save = NULL;
		for (char *w = strtok_r(val, " |", &save); w; w = strtok_r(NULL, " |", &save)) {
			if (!kind_by_name(w, &kind))
				return cov_error_set(COV_EDATA, "%s:%d: unknown unit kind '%s'", path, lineno, w);
			g->within[kind] = true;
		}
		return COV_OK;
	}
	if (strncmp(key, "self-", 5) == 0) {
		type = G_SELF;
		if (!kind_by_name(key + 5, &kind))
			return cov_error_set(COV_EDATA, "%s:%d: unknown unit kind '%s'", path, lineno, key + 5);
	} else if (strcmp(key, "constitution") == 0) {
		type = G_CONSTITUTION;
	} else if (strcmp(key, "act") == 0) {
		type = G_ACT;
	} else if (strcmp(key, "act-lead") == 0) {
		type = G_ACT_LEAD;
	} else if (strcmp(key, "act-end") == 0) {
		type = G_ACT_END;
	} else if (strcmp(key, "of") == 0) {
		type = G_OF;
	} else if (strcmp(key, "list") == 0) {
		type = G_LIST;
	} else if (strcmp(key, "range") == 0) {
		type = G_RANGE;
	} else if (strcmp(key, "number") == 0) {
		type = G_NUMBER;
	} else if (strcmp(key, "transitional") == 0) {
		type = G_TRANSITIONAL;
	} else if (strcmp(key, "not-after") == 0) {
		type = G_NOT_AFTER;
	} else if (strcmp(key, "repealed") == 0) {
		type = G_REPEALED;
	} else if (strcmp(key, "constitution-title") == 0) {
		type = G_CONST_TITLE;
	} else if (kind_by_name(key, &kind) && kind != COV_NODE_DOCUMENT) {
		type = G_UNIT;
	} else {
		return cov_error_set(COV_EDATA, "%s:%d: unknown key '%s'", path, lineno, key);
	}
	/* values split at '|' (',' and '-' are values themselves) */
	char *v = val;
	for (;;) {
		char *bar = strchr(v, '|');
		if (bar)
			*bar = '\0';
		char *w = cov_trim(v);
		if (*w) {
			int value = 0;
			if (type == G_NUMBER) {
				char *eq = strrchr(w, '=');
				char *end = NULL;
				if (!eq || (value = (int)strtol(eq + 1, &end, 10)) <= 0 || *end)
					return cov_error_set(COV_EDATA, "%s:%d: expected word=number, not '%s'", path,
							     lineno, w);
				*eq = '\0';
				w = cov_trim(w);
			}
			int rc = add_phrase(g, type, kind, value, w, path, lineno);
			if (rc)
				return rc;
		}
		if (!bar)
			break;
		v = bar + 1;
	}
	return COV_OK;
}

int ref_grammar_load(const cov_data *data, const char *lang, ref_grammar **out)
{
	*out = NULL;
	char path[4096];
	if (!lang || !lang[0] || strchr(lang, '/') || strchr(lang, '.'))
		return COV_OK;
	snprintf(path, sizeof path, "%s/refs/%s.txt", cov_data_dir(data), lang);
	FILE *f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? COV_OK : cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	ref_grammar *g = calloc(1, sizeof *g);
	if (!g) {
		fclose(f);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, rc = COV_OK;
	while (rc == COV_OK && getline(&line, &cap, f) >= 0) {
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *l = cov_trim(line);
		if (*l)
			rc = parse_line(g, l, path, lineno);
	}
	free(line);
	fclose(f);
	if (rc == COV_OK)
		rc = build_index(g);
	if (rc) {
		ref_grammar_free(g);
		return rc;
	}
	*out = g;
	return COV_OK;
}

size_t ref_grammar_match(const ref_grammar *g, const ref_toks *t, size_t i, unsigned mask, int *phrase)
{
	if (!g || i >= t->n || t->v[i].type == TOK_NUM)
		return 0;
	const char *w = ref_tok_fold(t, i);
	size_t h = hash_str(w) & g->mask;
	while (g->slots[h].word && strcmp(g->slots[h].word, w) != 0)
		h = (h + 1) & g->mask;
	if (!g->slots[h].word)
		return 0;
	for (int k = g->slots[h].first; k >= 0; k = g->p[k].next) {
		const ref_phrase *p = &g->p[k];
		if (!(mask & (1u << p->type)) || i + p->n > t->n)
			continue;
		size_t m = 1;
		while (m < p->n && t->v[i + m].type != TOK_NUM && strcmp(ref_tok_fold(t, i + m), p->words[m]) == 0)
			m++;
		if (m == p->n) {
			if (phrase)
				*phrase = k;
			return p->n;
		}
	}
	return 0;
}

bool ref_grammar_has_text(const ref_grammar *g, ref_gtype type, const char *s)
{
	if (!g || !s)
		return false;
	ref_toks t;
	ref_toks_init(&t);
	bool found = false;
	if (ref_tokenize(&t, s, 0, strlen(s)))
		for (size_t i = 0; i < t.n && !found; i++)
			found = ref_grammar_match(g, &t, i, 1u << type, NULL) > 0;
	ref_toks_free(&t);
	return found;
}
