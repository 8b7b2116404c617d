/*
 * rlex.c — loading what covenant check knows: the standard
 * (data/standards/iccpr.txt), the rule catalogue (data/rules.txt) and the
 * lexicons of rights, holders, grounds and rule patterns per language
 * (data/rights/<lang>.txt).  Plain "key: value" files a lawyer can edit.
 */
#include "rights.h"

#include <dirent.h>
#include <errno.h>
#include <libstemmer.h>
#include <stdatomic.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool grow(void **arr, size_t n, size_t size)
{
	void *p = realloc(*arr, (n + 1) * size);
	if (!p)
		return false;
	*arr = p;
	return true;
}

int cov_rights_concept(const struct cov_rights_data *r, const char *name)
{
	for (size_t i = 0; i < r->n_concepts; i++)
		if (strcmp(r->concepts[i], name) == 0)
			return (int)i;
	return -1;
}

static int concept_id(struct cov_rights_data *r, const char *name)
{
	int id = cov_rights_concept(r, name);
	if (id >= 0)
		return id;
	if (!grow((void **)&r->concepts, r->n_concepts, sizeof *r->concepts))
		return -1;
	r->concepts[r->n_concepts] = strdup(name);
	if (!r->concepts[r->n_concepts])
		return -1;
	return (int)r->n_concepts++;
}

/* A phrase "может быть огранич*" as words: stems (by `st`, NULL for none),
 * or folded prefixes for '*'. */
static int add_phrase(cov_rlex *lex, struct sb_stemmer *st, int concept, char *text, const char *path, int lineno)
{
	cov_phrase ph = {concept, NULL, 0};
	int rc = COV_OK;
	for (char *save = NULL, *w = strtok_r(text, " ", &save); w && rc == COV_OK; w = strtok_r(NULL, " ", &save)) {
		size_t wl = strlen(w);
		if (strcmp(w, "~") == 0) {
			if (ph.n_words == 0 || !grow((void **)&ph.words, ph.n_words, sizeof *ph.words)) {
				rc = cov_error_set(COV_EDATA, "%s:%d: '~' must stand between words", path, lineno);
				break;
			}
			ph.words[ph.n_words].text = NULL;
			ph.words[ph.n_words++].prefix = false;
			continue;
		}
		bool prefix = wl > 1 && w[wl - 1] == '*';
		if (prefix)
			w[--wl] = '\0';
		/* tokenized without a stemmer: the one stemmer of the lexicon
		 * stems the folded words below (cov_tokenize would make one for
		 * every phrase) */
		cov_tokens t;
		if ((rc = cov_tokenize(w, wl, NULL, &t)))
			break;
		for (size_t k = 0; k < t.n; k++) {
			if (!grow((void **)&ph.words, ph.n_words, sizeof *ph.words)) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			bool last_prefix = prefix && k + 1 == t.n;
			const char *word = t.v[k].fold;
			size_t len = t.v[k].fold_len;
			char sbuf[512];
			if (!last_prefix && lex->n_suffixes) {
				len = cov_suffix_stem(lex, word, len, sbuf, sizeof sbuf);
				word = sbuf;
			} else if (!last_prefix && st) {
				const sb_symbol *stem = sb_stemmer_stem(st, (const sb_symbol *)word, (int)len);
				if (stem) {
					word = (const char *)stem;
					len = (size_t)sb_stemmer_length(st);
				}
			}
			cov_phrase_word *pw = &ph.words[ph.n_words++];
			pw->prefix = last_prefix;
			pw->text = strndup(word, len);
			pw->len = pw->text ? strlen(pw->text) : 0;
			if (!pw->text) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
		}
		cov_tokens_free(&t);
	}
	if (rc == COV_OK && (ph.n_words == 0 || !ph.words[ph.n_words - 1].text))
		rc = cov_error_set(COV_EDATA, "%s:%d: an empty phrase", path, lineno);
	if (rc == COV_OK && !grow((void **)&lex->phrases, lex->n_phrases, sizeof *lex->phrases))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc != COV_OK) {
		for (size_t k = 0; k < ph.n_words; k++)
			free(ph.words[k].text);
		free(ph.words);
		return rc;
	}
	lex->phrases[lex->n_phrases++] = ph;
	return COV_OK;
}

typedef struct first_word {
	const char *text;
	size_t phrase;
} first_word;

/* By the first word, then in file order (what a stable sort gives). */
static int cmp_first(const void *a, const void *b)
{
	const first_word *x = a, *y = b;
	int c = strcmp(x->text, y->text);
	return c ? c : (x->phrase > y->phrase) - (x->phrase < y->phrase);
}

static void sort_index(const cov_rlex *lex, size_t *idx, size_t n, first_word *tmp)
{
	for (size_t i = 0; i < n; i++)
		tmp[i] = (first_word){lex->phrases[idx[i]].words[0].text, idx[i]};
	if (n)
		qsort(tmp, n, sizeof *tmp, cmp_first);
	for (size_t i = 0; i < n; i++)
		idx[i] = tmp[i].phrase;
}

static int index_lex(cov_rlex *lex)
{
	lex->by_stem = malloc((lex->n_phrases + 1) * sizeof *lex->by_stem);
	lex->by_prefix = malloc((lex->n_phrases + 1) * sizeof *lex->by_prefix);
	first_word *tmp = malloc((lex->n_phrases + 1) * sizeof *tmp);
	if (!lex->by_stem || !lex->by_prefix || !tmp) {
		free(tmp);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < lex->n_phrases; i++) {
		if (lex->phrases[i].words[0].prefix)
			lex->by_prefix[lex->n_by_prefix++] = i;
		else
			lex->by_stem[lex->n_by_stem++] = i;
	}
	sort_index(lex, lex->by_stem, lex->n_by_stem, tmp);
	sort_index(lex, lex->by_prefix, lex->n_by_prefix, tmp);
	free(tmp);
	return COV_OK;
}

/* The next line of `*p` into `line` (cap bytes, like fgets: a longer line
 * comes in pieces); false at the end. */
static bool next_line(const char **p, char *line, size_t cap)
{
	const char *s = *p;
	if (!*s)
		return false;
	size_t n = 0;
	while (s[n] && s[n] != '\n' && n + 1 < cap)
		n++;
	if (s[n] == '\n' && n + 1 < cap)
		n++;
	memcpy(line, s, n);
	line[n] = '\0';
	*p = s + n;
	return true;
}

static int cmp_longer(const void *a, const void *b)
{
	size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
	return (x < y) - (x > y);
}

/* "suffixes: ы | ның | тар" (any number of lines) or "stem-final: ғ=қ | г=к". */
static int load_stemmer_list(cov_rlex *lex, const char *key, char *val, const char *path, int lineno)
{
	bool finals = strcmp(key, "stem-final") == 0;
	for (char *save = NULL, *w = strtok_r(val, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
		w = cov_trim(w);
		if (!*w)
			continue;
		char *eq = finals ? strchr(w, '=') : NULL;
		if (finals && (!eq || eq == w || !eq[1]))
			return cov_error_set(COV_EDATA, "%s:%d: expected 'stem-final: from=to | …'", path, lineno);
		if (eq)
			*eq = '\0';
		char ***list = finals ? &lex->finals : &lex->suffixes;
		size_t *n = finals ? &lex->n_finals : &lex->n_suffixes;
		for (int k = 0; k < (finals ? 2 : 1); k++) {
			if (!grow((void **)list, *n, sizeof **list) || !((*list)[*n] = strdup(k ? eq + 1 : w)))
				return cov_error_set(COV_ENOMEM, "out of memory");
			(*n)++;
		}
	}
	if (!finals && lex->n_suffixes)
		qsort(lex->suffixes, lex->n_suffixes, sizeof *lex->suffixes, cmp_longer);
	return COV_OK;
}

/* Reading a lexicon at open: its language, its stemmer and its concepts
 * (so that concept ids are fixed before any lexicon is built).  The text
 * is kept for build_lexicon. */
static int load_lexicon(struct cov_rights_data *r, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	char *text = NULL;
	size_t len = 0;
	int rc = COV_OK;
	if (fseek(f, 0, SEEK_END) != 0 || (len = (size_t)ftell(f), fseek(f, 0, SEEK_SET)) != 0 ||
	    !(text = malloc(len + 1)) || fread(text, 1, len, f) != len) {
		rc = text ? cov_error_set(COV_EDATA, "%s: cannot read: %s", path, strerror(errno))
			  : cov_error_set(COV_ENOMEM, "out of memory");
	}
	fclose(f);
	if (rc != COV_OK || !grow((void **)&r->langs, r->n_langs, sizeof *r->langs)) {
		free(text);
		return rc ? rc : cov_error_set(COV_ENOMEM, "out of memory");
	}
	text[len] = '\0';
	cov_rlex *lex = &r->langs[r->n_langs++];
	memset(lex, 0, sizeof *lex);
	lex->src = text;
	if (!(lex->path = strdup(path)))
		return cov_error_set(COV_ENOMEM, "out of memory");
	char line[8192];
	int lineno = 0;
	for (const char *p = text; rc == COV_OK && next_line(&p, line, sizeof line);) {
		lineno++;
		char *s = cov_trim(line);
		if (*s == '#' || !*s)
			continue;
		char *colon = strchr(s, ':');
		if (!colon) {
			rc = cov_error_set(COV_EDATA, "%s:%d: expected 'concept: phrase | phrase'", path, lineno);
			break;
		}
		*colon = '\0';
		char *key = cov_trim(s), *val = cov_trim(colon + 1);
		if (strcmp(key, "language") == 0)
			snprintf(lex->code, sizeof lex->code, "%s", val);
		else if (strcmp(key, "stemmer") == 0)
			snprintf(lex->stemmer, sizeof lex->stemmer, "%s", val);
		else if (strcmp(key, "min-stem") == 0)
			lex->min_stem = atoi(val);
		else if (strcmp(key, "word-order") == 0)
			lex->verb_final = strcmp(val, "verb-final") == 0;
		else if (strcmp(key, "suffixes") == 0 || strcmp(key, "stem-final") == 0)
			rc = load_stemmer_list(lex, key, val, path, lineno);
		else if (concept_id(r, key) < 0)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (rc == COV_OK && !lex->code[0])
		rc = cov_error_set(COV_EDATA, "%s: no 'language:' line", path);
	if (rc == COV_OK && lex->n_suffixes && lex->min_stem < 1)
		rc = cov_error_set(COV_EDATA, "%s: 'suffixes:' needs a 'min-stem:' of 1 or more", path);
	return rc;
}

/* The phrases of a lexicon and their indexes, on first use. */
static int build_lexicon(const struct cov_rights_data *r, cov_rlex *lex)
{
	struct sb_stemmer *st = NULL;
	if (lex->stemmer[0] && !(st = sb_stemmer_new(lex->stemmer, "UTF_8")))
		return cov_error_set(COV_EDATA, "unknown stemmer '%s' (libstemmer)", lex->stemmer);
	char line[8192];
	int lineno = 0, rc = COV_OK;
	for (const char *p = lex->src; rc == COV_OK && next_line(&p, line, sizeof line);) {
		lineno++;
		char *s = cov_trim(line);
		if (*s == '#' || !*s)
			continue;
		char *colon = strchr(s, ':'); /* load_lexicon checked there is one */
		*colon = '\0';
		char *key = cov_trim(s), *val = cov_trim(colon + 1);
		if (strcmp(key, "language") == 0 || strcmp(key, "stemmer") == 0 || strcmp(key, "min-stem") == 0 ||
		    strcmp(key, "word-order") == 0 || strcmp(key, "suffixes") == 0 || strcmp(key, "stem-final") == 0)
			continue;
		int concept = cov_rights_concept(r, key);
		for (char *save = NULL, *ph = strtok_r(val, "|", &save); ph && rc == COV_OK; ph = strtok_r(NULL, "|", &save)) {
			ph = cov_trim(ph);
			if (*ph)
				rc = add_phrase(lex, st, concept, ph, lex->path, lineno);
		}
	}
	if (st)
		sb_stemmer_delete(st);
	if (rc == COV_OK)
		rc = index_lex(lex);
	if (rc == COV_OK) {
		free(lex->src);
		lex->src = NULL;
	}
	return rc;
}

int cov_rights_lexicon_get(const struct cov_rights_data *r, const char *lang, const cov_rlex **out)
{
	*out = NULL;
	cov_rlex *lex = NULL;
	for (size_t i = 0; i < r->n_langs && !lex; i++)
		if (strcmp(r->langs[i].code, lang) == 0)
			lex = &r->langs[i];
	if (!lex)
		return COV_OK;
	/* the data is shared and read-only to its users: building is the one
	 * write, once, under the lock; readers see state 1 only after it */
	int state = atomic_load_explicit(&lex->state, memory_order_acquire);
	if (state == 0) {
		pthread_mutex_t *lock = (pthread_mutex_t *)&r->lock;
		pthread_mutex_lock(lock);
		state = atomic_load_explicit(&lex->state, memory_order_relaxed);
		if (state == 0) {
			int rc = build_lexicon(r, lex);
			if (rc)
				snprintf(lex->error, sizeof lex->error, "%s", cov_error_last());
			state = rc ? rc : 1;
			atomic_store_explicit(&lex->state, state, memory_order_release);
		}
		pthread_mutex_unlock(lock);
	}
	if (state < 0)
		return cov_error_set(state, "%s", lex->error);
	*out = lex;
	return COV_OK;
}

const cov_rlex *cov_rights_lexicon(const struct cov_rights_data *r, const char *lang)
{
	const cov_rlex *lex;
	return cov_rights_lexicon_get(r, lang, &lex) == COV_OK ? lex : NULL;
}

/* "guarantee: strike | 8(1)(d) | the right to strike" in article `num` of standard `id`. */
static int add_guarantee(struct cov_rights_data *r, const char *id, const char *abbrev, int num, char *val,
			 const char *path, int lineno)
{
	char *bar1 = strchr(val, '|'), *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
	if (!bar2 || !*id || !*abbrev)
		return cov_error_set(COV_EDATA, "%s:%d: expected 'guarantee: NAME | paragraph | right' after 'standard:' and 'abbrev:'",
				     path, lineno);
	*bar1 = *bar2 = '\0';
	if (!grow((void **)&r->guarantees, r->n_guarantees, sizeof *r->guarantees))
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_std_guarantee *g = &r->guarantees[r->n_guarantees++];
	char buf[256];
	g->name = strdup(cov_trim(val));
	snprintf(buf, sizeof buf, "%s:%d", id, num);
	g->standard = strdup(buf);
	snprintf(buf, sizeof buf, "%s art. %s", abbrev, cov_trim(bar1 + 1));
	g->citation = strdup(buf);
	g->right = strdup(cov_trim(bar2 + 1));
	if (!g->name || !g->standard || !g->citation || !g->right)
		return cov_error_set(COV_ENOMEM, "out of memory");
	return COV_OK;
}

/* One file of data/standards/: iccpr.txt fills r->iccpr (what check judges
 * against), the others r->other; both may name guarantees. */
static int load_standard(struct cov_rights_data *r, const char *path, bool iccpr)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	char line[4096], id[32] = "", abbrev[32] = "";
	int lineno = 0, rc = COV_OK;
	cov_std_article *a = NULL;
	cov_std_article **arr = iccpr ? &r->iccpr : &r->other;
	size_t *n_arr = iccpr ? &r->n_iccpr : &r->n_other;
	size_t first_article = *n_arr;
	char title[512] = "";
	bool by_default = true;
	if (!grow((void **)&r->standards, r->n_standards, sizeof *r->standards)) {
		fclose(f);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	size_t std = r->n_standards++;
	memset(&r->standards[std], 0, sizeof r->standards[std]);
	while (rc == COV_OK && fgets(line, sizeof line, f)) {
		lineno++;
		char *s = cov_trim(line);
		if (*s == '#' || !*s)
			continue;
		if (!a && strncmp(s, "standard:", 9) == 0) {
			snprintf(id, sizeof id, "%s", cov_trim(s + 9));
			continue;
		}
		if (!a && strncmp(s, "abbrev:", 7) == 0) {
			snprintf(abbrev, sizeof abbrev, "%s", cov_trim(s + 7));
			continue;
		}
		if (!a && strncmp(s, "title:", 6) == 0) {
			snprintf(title, sizeof title, "%s", cov_trim(s + 6));
			continue;
		}
		if (!a && strncmp(s, "default:", 8) == 0) {
			const char *v = cov_trim(s + 8);
			if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
				rc = cov_error_set(COV_EDATA, "%s:%d: default must be yes or no", path, lineno);
				break;
			}
			by_default = strcmp(v, "yes") == 0;
			continue;
		}
		if (*s == '[') {
			if (!grow((void **)arr, *n_arr, sizeof **arr)) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			a = &(*arr)[(*n_arr)++];
			memset(a, 0, sizeof *a);
			a->num = atoi(s + 1);
			a->everyone = true;
			snprintf(a->holder, sizeof a->holder, "everyone");
			a->std = std;
			if (a->num <= 0 || a->num >= COV_MAX_ICCPR)
				rc = cov_error_set(COV_EDATA, "%s:%d: bad article '%s'", path, lineno, s);
			continue;
		}
		char *colon = strchr(s, ':');
		if (!a || !colon) {
			rc = cov_error_set(COV_EDATA, "%s:%d: expected '[N]' then 'key: value'", path, lineno);
			break;
		}
		*colon = '\0';
		char *key = cov_trim(s), *val = cov_trim(colon + 1);
		if (strcmp(key, "right") == 0) {
			a->right = strdup(val);
		} else if (strcmp(key, "cite") == 0) {
			a->cite = strdup(val);
		} else if (strcmp(key, "guarantee") == 0) {
			rc = add_guarantee(r, id, abbrev, a->num, val, path, lineno);
		} else if (strcmp(key, "traits") == 0) {
			for (char *save = NULL, *w = strtok_r(val, " ", &save); w && rc == COV_OK; w = strtok_r(NULL, " ", &save)) {
				if (strcmp(w, "equality") == 0)
					a->equality = true;
				else if (strcmp(w, "by-prohibition") == 0)
					a->by_prohibition = true;
				else if (strcmp(w, "accessory") == 0)
					a->accessory = true;
				else if (strcmp(w, "cite-first") == 0)
					a->cite_first = true;
				else
					rc = cov_error_set(COV_EDATA, "%s:%d: unknown trait '%s' (equality, by-prohibition, accessory, "
							   "cite-first)", path, lineno, w);
			}
		} else if (strcmp(key, "covers") == 0) {
			for (char *save = NULL, *w = strtok_r(val, " ", &save); w && rc == COV_OK; w = strtok_r(NULL, " ", &save)) {
				char *end;
				long v = strtol(w, &end, 10);
				if (*end || v <= 0 || v >= COV_MAX_ICCPR)
					rc = cov_error_set(COV_EDATA, "%s:%d: covers: '%s' is no right of the lexicons (1-%d)", path,
							   lineno, w, COV_MAX_ICCPR - 1);
				else
					a->covers |= (uint64_t)1 << v;
			}
		} else if (strcmp(key, "limits-paragraph") == 0) {
			a->limits_paragraph = atoi(val);
			if (a->limits_paragraph <= 0 || a->limits_paragraph > 99)
				rc = cov_error_set(COV_EDATA, "%s:%d: limits-paragraph must be a number", path, lineno);
		} else if (strcmp(key, "not-near") == 0) {
			free(a->not_near);
			a->not_near = strdup(val);
		} else if (strcmp(key, "holder-note") == 0) {
			free(a->holder_note);
			a->holder_note = strdup(val);
		} else if (strcmp(key, "holder-note-short") == 0) {
			free(a->holder_note_short);
			a->holder_note_short = strdup(val);
		} else if (strcmp(key, "holder") == 0) {
			if (strcmp(val, "everyone") != 0 && strcmp(val, "citizens") != 0 && strcmp(val, "aliens") != 0)
				rc = cov_error_set(COV_EDATA, "%s:%d: holder must be everyone, citizens or aliens", path, lineno);
			a->everyone = strcmp(val, "everyone") == 0;
			snprintf(a->holder, sizeof a->holder, "%s", val);
		} else if (strcmp(key, "derogable") == 0) {
			a->non_derogable = strcmp(val, "no") == 0;
		} else if (strcmp(key, "limits") == 0) {
			if (strcmp(val, "absolute") == 0)
				a->limits = COV_LIMITS_ABSOLUTE;
			else if (strcmp(val, "closed") == 0)
				a->limits = COV_LIMITS_CLOSED;
			else if (strcmp(val, "arbitrary") == 0)
				a->limits = COV_LIMITS_ARBITRARY;
			else if (strcmp(val, "reasonable") == 0)
				a->limits = COV_LIMITS_REASONABLE;
			else
				rc = cov_error_set(COV_EDATA, "%s:%d: limits must be absolute, closed, arbitrary or reasonable",
						   path, lineno);
		} else if (strcmp(key, "aims") == 0) {
			for (char *save = NULL, *w = strtok_r(val, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
				if (!grow((void **)&a->aims, a->n_aims, sizeof *a->aims) || !(a->aims[a->n_aims] = strdup(w))) {
					rc = cov_error_set(COV_ENOMEM, "out of memory");
					break;
				}
				a->n_aims++;
			}
		} else {
			rc = cov_error_set(COV_EDATA, "%s:%d: unknown key '%s'", path, lineno, key);
		}
	}
	fclose(f);
	if (rc == COV_OK && !*id)
		rc = cov_error_set(COV_EDATA, "%s: no 'standard: ID' line before the articles", path);
	cov_standard_info *si = &r->standards[std];
	si->id = strdup(id);
	si->abbrev = strdup(*abbrev ? abbrev : id);
	si->title = strdup(title);
	si->path = strdup(path);
	si->n_articles = *n_arr - first_article;
	si->by_default = by_default;
	if (rc == COV_OK && (!si->id || !si->abbrev || !si->title || !si->path))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; rc == COV_OK && i < std; i++)
		if (strcmp(r->standards[i].id, id) == 0)
			rc = cov_error_set(COV_EDATA, "%s: standard '%s' is defined twice (also in %s)", path, id, r->standards[i].path);
	/* each article's short citation, "ICCPR art. 19" */
	for (size_t i = first_article; rc == COV_OK && i < *n_arr; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "%s art. %d", *abbrev ? abbrev : id, (*arr)[i].num);
		if (!((*arr)[i].citation = strdup(buf)))
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		/* "echr:10" and the paragraph of its limits, "ECHR art. 10(2)" */
		cov_std_article *x = &(*arr)[i];
		if (x->limits_paragraph)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "(%d)", x->limits_paragraph);
		char sid[64];
		snprintf(sid, sizeof sid, "%s:%d", id, x->num);
		if (rc == COV_OK && (!(x->limit_citation = strdup(buf)) || !(x->std_id = strdup(sid))))
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	return rc;
}

static int load_rules(struct cov_rights_data *r, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	char line[4096];
	int lineno = 0, rc = COV_OK;
	while (rc == COV_OK && fgets(line, sizeof line, f)) {
		lineno++;
		char *s = cov_trim(line);
		if (*s == '#' || !*s)
			continue;
		if (strncmp(s, "template ", 9) == 0) {
			/* "template KEY | text": a message check fills in ({name}) */
			char *bar = strchr(s, '|');
			if (!bar) {
				rc = cov_error_set(COV_EDATA, "%s:%d: expected 'template KEY | text'", path, lineno);
				break;
			}
			*bar = '\0';
			if (!grow((void **)&r->templates, r->n_templates, sizeof *r->templates)) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			cov_rule_template *t = &r->templates[r->n_templates++];
			t->key = strdup(cov_trim(s + 9));
			t->text = strdup(cov_trim(bar + 1));
			if (!t->key || !t->text)
				rc = cov_error_set(COV_ENOMEM, "out of memory");
			continue;
		}
		char *bar1 = strchr(s, '|'), *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
		if (!bar2) {
			rc = cov_error_set(COV_EDATA, "%s:%d: expected 'id | severity | message'", path, lineno);
			break;
		}
		*bar1 = *bar2 = '\0';
		cov_severity sev;
		if (cov_severity_parse(cov_trim(bar1 + 1), &sev) != COV_OK) {
			rc = cov_error_set(COV_EDATA, "%s:%d: severity must be high, medium, low or positive", path, lineno);
			break;
		}
		if (!grow((void **)&r->rules, r->n_rules, sizeof *r->rules)) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		cov_rule_info *ri = &r->rules[r->n_rules++];
		memset(ri, 0, sizeof *ri);
		ri->id = strdup(cov_trim(s));
		ri->severity = sev;
		ri->standard = 0;
		ri->cites = NULL;
		ri->cites_id = NULL;
		/* an optional standard before the message: "iccpr:22 | …", "icescr:8 | …" */
		char *msg = cov_trim(bar2 + 1), *bar3 = strchr(msg, '|');
		char sid[32];
		int art = 0, used = 0;
		if (bar3 && sscanf(msg, "%31[a-z0-9-]:%d%n", sid, &art, &used) == 2 && msg + used <= bar3) {
			*bar3 = '\0';
			msg = cov_trim(msg);
			const cov_std_article *a = cov_rights_std_article(r, sid, art);
			if (*cov_trim(msg + used) || !a) {
				rc = cov_error_set(COV_EDATA, "%s:%d: bad standard '%s' (ID:N, an article of data/standards/ID.txt)",
						   path, lineno, msg);
				break;
			}
			ri->cites = a;
			ri->standard = a->std == 0 ? art : 0;
			char cid[48];
			snprintf(cid, sizeof cid, "%s:%d", sid, art);
			if (!(ri->cites_id = strdup(cid))) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			msg = cov_trim(bar3 + 1);
		}
		ri->message = strdup(msg);
		if (!ri->id || !ri->message)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	fclose(f);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cov_rights_load(struct cov_rights_data *r, const char *dir)
{
	char path[PATH_MAX];
	int rc;
	if (!r->lock_ready) {
		if (pthread_mutex_init(&r->lock, NULL) != 0)
			return cov_error_set(COV_ENOMEM, "cannot create a lock");
		r->lock_ready = true;
	}
	if (snprintf(path, sizeof path, "%s/standards/iccpr.txt", dir) >= (int)sizeof path)
		return cov_error_set(COV_EDATA, "%s: path too long", dir);
	if ((rc = load_standard(r, path, true)))
		return rc;
	/* the other standards: every other file of data/standards/, by name */
	snprintf(path, sizeof path, "%s/standards", dir);
	DIR *sd = opendir(path);
	if (!sd)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	char *std_names[32];
	size_t n_std = 0;
	for (struct dirent *e; (e = readdir(sd)) && n_std < 32;) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0 && strcmp(e->d_name, "iccpr.txt") != 0 &&
		    (std_names[n_std] = strdup(e->d_name)))
			n_std++;
	}
	closedir(sd);
	qsort(std_names, n_std, sizeof *std_names, cmp_name);
	for (size_t i = 0; i < n_std; i++) {
		char file[PATH_MAX + 256];
		snprintf(file, sizeof file, "%s/%s", path, std_names[i]);
		if (rc == COV_OK)
			rc = load_standard(r, file, false);
		free(std_names[i]);
	}
	if (rc)
		return rc;
	snprintf(path, sizeof path, "%s/rules.txt", dir);
	if ((rc = load_rules(r, path)))
		return rc;
	snprintf(path, sizeof path, "%s/rights", dir);
	DIR *dh = opendir(path);
	if (!dh)
		return cov_error_set(COV_EDATA, "%s: %s", path, strerror(errno));
	char *names[64];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dh)) && n < 64) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0 && (names[n] = strdup(e->d_name)))
			n++;
	}
	closedir(dh);
	qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		char file[PATH_MAX + 256];
		snprintf(file, sizeof file, "%s/%s", path, names[i]);
		if (rc == COV_OK)
			rc = load_lexicon(r, file);
		free(names[i]);
	}
	return rc;
}

void cov_rights_free(struct cov_rights_data *r)
{
	for (size_t i = 0; i < r->n_concepts; i++)
		free(r->concepts[i]);
	free(r->concepts);
	for (size_t i = 0; i < r->n_langs; i++) {
		cov_rlex *lex = &r->langs[i];
		for (size_t p = 0; p < lex->n_phrases; p++) {
			for (size_t w = 0; w < lex->phrases[p].n_words; w++)
				free(lex->phrases[p].words[w].text);
			free(lex->phrases[p].words);
		}
		free(lex->phrases);
		free(lex->by_stem);
		free(lex->by_prefix);
		free(lex->path);
		free(lex->src);
		for (size_t k = 0; k < lex->n_suffixes; k++)
			free(lex->suffixes[k]);
		free(lex->suffixes);
		for (size_t k = 0; k < lex->n_finals; k++)
			free(lex->finals[k]);
		free(lex->finals);
	}
	free(r->langs);
	for (size_t i = 0; i < r->n_iccpr; i++) {
		for (size_t k = 0; k < r->iccpr[i].n_aims; k++)
			free(r->iccpr[i].aims[k]);
		free(r->iccpr[i].aims);
		free(r->iccpr[i].right);
		free(r->iccpr[i].cite);
		free(r->iccpr[i].citation);
		free(r->iccpr[i].limit_citation);
		free(r->iccpr[i].std_id);
		free(r->iccpr[i].not_near);
		free(r->iccpr[i].holder_note);
		free(r->iccpr[i].holder_note_short);
	}
	free(r->iccpr);
	for (size_t i = 0; i < r->n_other; i++) {
		for (size_t k = 0; k < r->other[i].n_aims; k++)
			free(r->other[i].aims[k]);
		free(r->other[i].aims);
		free(r->other[i].right);
		free(r->other[i].cite);
		free(r->other[i].citation);
		free(r->other[i].limit_citation);
		free(r->other[i].std_id);
		free(r->other[i].not_near);
		free(r->other[i].holder_note);
		free(r->other[i].holder_note_short);
	}
	free(r->other);
	for (size_t i = 0; i < r->n_guarantees; i++) {
		free(r->guarantees[i].name);
		free(r->guarantees[i].standard);
		free(r->guarantees[i].citation);
		free(r->guarantees[i].right);
	}
	free(r->guarantees);
	for (size_t i = 0; i < r->n_rules; i++) {
		free(r->rules[i].id);
		free(r->rules[i].message);
		free(r->rules[i].cites_id);
	}
	free(r->rules);
	for (size_t i = 0; i < r->n_standards; i++) {
		free(r->standards[i].id);
		free(r->standards[i].abbrev);
		free(r->standards[i].title);
		free(r->standards[i].path);
	}
	free(r->standards);
	for (size_t i = 0; i < r->n_templates; i++) {
		free(r->templates[i].key);
		free(r->templates[i].text);
	}
	free(r->templates);
	if (r->lock_ready)
		pthread_mutex_destroy(&r->lock);
	memset(r, 0, sizeof *r);
}

const cov_std_article *cov_rights_article(const struct cov_rights_data *r, int num)
{
	for (size_t i = 0; i < r->n_iccpr; i++)
		if (r->iccpr[i].num == num)
			return &r->iccpr[i];
	return NULL;
}

const cov_std_article *cov_rights_std_article(const struct cov_rights_data *r, const char *id, int num)
{
	size_t std = r->n_standards;
	for (size_t i = 0; i < r->n_standards && std == r->n_standards; i++)
		if (r->standards[i].id && strcmp(r->standards[i].id, id) == 0)
			std = i;
	if (std == r->n_standards)
		return NULL;
	const cov_std_article *v = std == 0 ? r->iccpr : r->other;
	size_t n = std == 0 ? r->n_iccpr : r->n_other;
	for (size_t i = 0; i < n; i++)
		if (v[i].std == std && v[i].num == num)
			return &v[i];
	return NULL;
}

const char *cov_rights_template(const struct cov_rights_data *r, const char *key)
{
	for (size_t i = 0; i < r->n_templates; i++)
		if (strcmp(r->templates[i].key, key) == 0)
			return r->templates[i].text;
	return NULL;
}

const cov_std_guarantee *cov_rights_guarantee(const struct cov_rights_data *r, const char *name)
{
	for (size_t i = 0; i < r->n_guarantees; i++)
		if (strcmp(r->guarantees[i].name, name) == 0)
			return &r->guarantees[i];
	return NULL;
}

const cov_rule_info *cov_rights_rule(const struct cov_rights_data *r, const char *id)
{
	for (size_t i = 0; i < r->n_rules; i++)
		if (strcmp(r->rules[i].id, id) == 0)
			return &r->rules[i];
	return NULL;
}

static const char *const severity_names[] = {"positive", "low", "medium", "high"};

const char *cov_severity_name(cov_severity s)
{
	return (unsigned)s < 4 ? severity_names[s] : "unknown";
}

int cov_severity_parse(const char *name, cov_severity *out)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(name, severity_names[i]) == 0) {
			*out = (cov_severity)i;
			return COV_OK;
		}
	return cov_error_set(COV_EUSAGE, "unknown severity '%s' (high, medium, low, positive)", name);
}
