/*
 * conform.c — `covenant conform`: laws against a new version of the
 * constitution they cite.
 *
 * Once for OLD → NEW (conf_open): the pairs of articles of the comparison
 * (cov_diff_ex, computed once by the caller), and the names the two texts
 * give to bodies and offices — runs of capitalised words inside sentences
 * («Сенат», «Конституционный Совет», «Ассамблея народа Казахстана»), keyed
 * by their stems so every case form is one name.  A name of OLD that NEW
 * never uses outside its final and transitional provisions has vanished;
 * its likely replacement is the name NEW alone uses in the articles the
 * alignment pairs with the old articles that named it.
 *
 * Then for each law (conf_check_law), its cost depending on the law alone:
 * each citation of the constitution resolved in OLD, followed through the
 * pair of its article, and its paragraph or point matched inside the new
 * article by words; every mention of a vanished name.
 */
#include "conform.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAME_WORDS 4

const char *conf_status_name(conf_status s)
{
	static const char *const names[CONF_COUNT] = {"unchanged", "changed", "renumbered", "merged", "split",
						      "uncertain", "removed", "repealed", "unresolved"};
	return (unsigned)s < CONF_COUNT ? names[s] : "unknown";
}

/* ---- names ---- */

typedef struct name_ent {
	char *key;
	size_t n_words;
	size_t count[2];      /* anywhere: OLD, NEW outside its transitional provisions */
	size_t cand[2];       /* where a name starts: inside a sentence, opening a run of capitals */
	size_t trans;         /* NEW inside them */
	bool has_lower;       /* a small word inside («Ассамблея народа Казахстана») */
	bool roman;           /* "III" */
	char *run[4];         /* the whole runs it opens in OLD, with their counts */
	size_t run_n[4];
	char *surface[4];     /* the OLD spellings seen, with their counts */
	size_t surface_n[4];
	char *initial[4];     /* … opening a sentence (a subject: the nominative, mostly) */
	size_t initial_n[4];
	char *nsurface[4];    /* the NEW spellings */
	size_t nsurface_n[4];
	bool vanished, appeared;
} name_ent;

typedef struct occ {
	uint32_t ent;
	const cov_node *unit; /* its article */
} occ;

typedef struct wordset {
	uint64_t *h;   /* in order */
	size_t n, cap;
	uint64_t *set; /* sorted, unique */
	size_t n_set, cap_set;
} wordset;

/* a unit of NEW and its words: its own text, its subtree */
typedef struct unit_ws {
	const cov_node *node;
	bool leaf;                /* an article of one paragraph: its text is the article's own */
	wordset own, sub;
} unit_ws;

struct conf_ctx {
	const cov_comparison *cmp;
	const cov_doc *old, *new_doc;
	ref_grammar *grammar;     /* the old text's language */
	struct sb_stemmer *stem;
	bool drop_short_i;        /* Russian: «курулта» and «курулт» are one stem */
	name_ent *e;
	size_t n_e, cap_e;
	size_t *slots;            /* index + 1 into e, open addressing on key */
	size_t mask;
	occ *occ[2];
	size_t n_occ[2], cap_occ[2];
	conf_vanished *v;
	size_t n_v;
	/* vanished names by their first stem: key → index into v (+1) */
	ref_toks toks;
	cov_buf scratch;
	unit_ws *u;               /* every article, paragraph and point of NEW */
	size_t n_u;
	wordset w_own, w_sub, w_part, w_tmp;
	uint64_t *common;         /* words of a fifth of NEW's articles or more («и», «Республики»): not evidence */
	size_t n_common;
};

static void wordset_free(wordset *w);
static int cache_units(conf_ctx *c);

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int grow_slots(conf_ctx *c)
{
	size_t size = c->mask ? (c->mask + 1) * 2 : 1024;
	size_t *s = calloc(size, sizeof *s);
	if (!s)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; i < c->n_e; i++) {
		size_t h = hash_str(c->e[i].key) & (size - 1);
		while (s[h])
			h = (h + 1) & (size - 1);
		s[h] = i + 1;
	}
	free(c->slots);
	c->slots = s;
	c->mask = size - 1;
	return COV_OK;
}

static name_ent *find_ent(const conf_ctx *c, const char *key)
{
	if (!c->mask)
		return NULL;
	size_t h = hash_str(key) & c->mask;
	while (c->slots[h]) {
		name_ent *e = &c->e[c->slots[h] - 1];
		if (strcmp(e->key, key) == 0)
			return e;
		h = (h + 1) & c->mask;
	}
	return NULL;
}

static name_ent *get_ent(conf_ctx *c, const char *key, size_t n_words)
{
	name_ent *e = find_ent(c, key);
	if (e)
		return e;
	if ((c->n_e + 1) * 2 > c->mask + 1 && grow_slots(c))
		return NULL;
	if (!cov_grow(&c->e, &c->cap_e, c->n_e, sizeof *c->e, 512))
		return NULL;
	e = &c->e[c->n_e];
	memset(e, 0, sizeof *e);
	if (!(e->key = strdup(key)))
		return NULL;
	e->n_words = n_words;
	size_t h = hash_str(key) & c->mask;
	while (c->slots[h])
		h = (h + 1) & c->mask;
	c->slots[h] = ++c->n_e;
	return e;
}

/* The stem of token i (folded), into b. */
static void stem_tok(conf_ctx *c, const ref_toks *t, size_t i, cov_buf *b)
{
	const char *w = ref_tok_fold(t, i);
	size_t len = t->v[i].fold_len;
	if (c->stem) {
		const sb_symbol *s = sb_stemmer_stem(c->stem, (const sb_symbol *)w, (int)len);
		if (s) {
			size_t n = (size_t)sb_stemmer_length(c->stem);
			/* «Курултай» → «курулта», «Курултая» → «курулт»: the
			 * stemmer reads a borrowed noun's endings as an adjective's;
			 * a last vowel (or й) of a stem is dropped, one name either way */
			static const char *const tails[] = {"й", "а", "я", "о", "е", "и", "ы", "у", "ю"};
			for (size_t q = 0; c->drop_short_i && n > 8 && q < sizeof tails / sizeof *tails; q++)
				if (memcmp(s + n - 2, tails[q], 2) == 0) {
					n -= 2;
					break;
				}
			cov_buf_put(b, (const char *)s, n);
			return;
		}
	}
	cov_buf_put(b, w, len);
}

static bool sentence_start(const ref_toks *t, size_t i)
{
	if (i == 0)
		return true;
	const ref_tok *p = &t->v[i - 1];
	if (p->type != TOK_PUNCT)
		return false;
	const char *s = ref_tok_fold(t, i - 1);
	return strcmp(s, ".") == 0 || strcmp(s, "!") == 0 || strcmp(s, "?") == 0 || strcmp(s, "…") == 0;
}

static bool letters3(const ref_toks *t, size_t i)
{
	/* «См», «РК» and initials are not names: three characters at least */
	const char *s = ref_tok_fold(t, i);
	size_t chars = 0;
	for (; *s && chars < 3; s++)
		chars += ((unsigned char)*s & 0xC0) != 0x80;
	return chars >= 3;
}

/* The end (exclusive) of the run of name words from token i: capitals, and
 * a small word between two capitals («Ассамблея народа Казахстана»). */
static size_t run_end(const ref_toks *t, size_t i)
{
	size_t k = i + 1, words = 1;
	while (k < t->n && words < MAX_NAME_WORDS + 2) {
		if (t->v[k].type == TOK_WORD && t->v[k].upper && letters3(t, k)) {
			k++;
			words++;
		} else if (t->v[k].type == TOK_WORD && !t->v[k].upper && letters3(t, k) && k + 1 < t->n &&
			   t->v[k + 1].type == TOK_WORD &&
			   t->v[k + 1].upper && letters3(t, k + 1)) {
			k += 2;
			words += 2;
		} else {
			break;
		}
	}
	return k;
}

static int add_occ(conf_ctx *c, int side, size_t ent, const cov_node *unit)
{
	if (!cov_grow(&c->occ[side], &c->cap_occ[side], c->n_occ[side], sizeof *c->occ[side], 1024))
		return cov_error_set(COV_ENOMEM, "out of memory");
	c->occ[side][c->n_occ[side]++] = (occ){(uint32_t)ent, unit};
	return COV_OK;
}

static const cov_node *unit_of(const cov_node *n, cov_node_kind primary)
{
	for (; n; n = n->parent)
		if (n->kind == primary)
			return n;
	return NULL;
}

static bool is_transitional(const conf_ctx *c, const cov_node *n)
{
	return n->heading[0] && ref_grammar_has_text(c->grammar, G_TRANSITIONAL, n->heading);
}

/* "III", "IV": a number, not a name. */
static bool roman_word(const ref_toks *t, size_t i)
{
	for (const char *s = ref_tok_fold(t, i); *s; s++)
		if (!strchr("ivxlc", *s))
			return false;
	return true;
}

/* Remember how OLD spells a name (whitespace collapsed), up to four ways. */
static void add_surface(char **surface, size_t *surface_n, const char *text, size_t a, size_t b)
{
	char buf[256];
	size_t n = 0;
	bool space = false;
	for (size_t i = a; i < b && n + 2 < sizeof buf; i++) {
		char ch = text[i];
		if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
			space = true;
			continue;
		}
		if (space && n)
			buf[n++] = ' ';
		space = false;
		buf[n++] = ch;
	}
	buf[n] = '\0';
	int empty = -1;
	for (int q = 0; q < 4; q++) {
		if (surface[q] && strcmp(surface[q], buf) == 0) {
			surface_n[q]++;
			return;
		}
		if (!surface[q] && empty < 0)
			empty = q;
	}
	if (empty >= 0 && (surface[empty] = strdup(buf)))
		surface_n[empty] = 1;
}

/* Count every name of `doc` (side 0: OLD, 1: NEW). */
static int collect_names(conf_ctx *c, const cov_doc *doc, int side)
{
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	int notes = 0, trans = 0, rc = COV_OK;
	ref_toks *t = &c->toks;
	cov_buf key;
	cov_buf_init(&key);
	while (rc == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (n->kind == COV_NODE_NOTE)
			notes += ev == COV_EVENT_ENTER ? 1 : -1;
		if (n->kind != COV_NODE_DOCUMENT && is_transitional(c, n))
			trans += ev == COV_EVENT_ENTER ? 1 : -1;
		if (ev != COV_EVENT_ENTER || notes || n->text_end <= n->text_start)
			continue;
		t->n = 0;
		t->fold.len = 0;
		if (!ref_tokenize(t, doc->text, n->text_start, n->text_end)) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		const cov_node *unit = unit_of(n, doc->primary);
		for (size_t i = 0; i < t->n && rc == COV_OK;) {
			if (t->v[i].type != TOK_WORD || !t->v[i].upper || !letters3(t, i)) {
				i++;
				continue;
			}
			/* «Законом Республики», «Статьей»: words of citations, not names */
			size_t gl = ref_grammar_match(c->grammar, t, i,
						      1u << G_ACT | 1u << G_UNIT | 1u << G_CONSTITUTION | 1u << G_SELF, NULL);
			if (gl) {
				i += gl;
				continue;
			}
			bool initial = sentence_start(t, i);
			size_t end = run_end(t, i);
			if (initial && !trans) {
				/* the name opening a sentence, up to its first capital after it */
				key.len = 0;
				for (size_t k = i; k < end && k < i + MAX_NAME_WORDS; k++) {
					if (k > i)
						cov_buf_putc(&key, ' ');
					stem_tok(c, t, k, &key);
					name_ent *e = t->v[k].upper && !key.oom ? find_ent(c, key.ptr) : NULL;
					if (!e)
						e = t->v[k].upper && !key.oom ? get_ent(c, key.ptr, k - i + 1) : NULL;
					if (e)
						add_surface(e->initial, e->initial_n, doc->text, t->v[i].start, t->v[k].end);
				}
			}
			for (size_t s = i; s < end && rc == COV_OK; s++) {
				if (!t->v[s].upper)
					continue;
				/* a candidate: the start of a run inside a sentence; the
				 * other starts only count as presence */
				bool cand = s == i && !initial;
				key.len = 0;
				size_t words = 0;
				for (size_t k = s; k < end && words < MAX_NAME_WORDS; k++) {
					if (words)
						cov_buf_putc(&key, ' ');
					stem_tok(c, t, k, &key);
					words++;
					if (!t->v[k].upper || key.oom)
						continue; /* a name ends on a capital */
					name_ent *e = get_ent(c, key.ptr, words);
					if (!e) {
						rc = cov_error_set(COV_ENOMEM, "out of memory");
						break;
					}
					if (k > s && !t->v[k - 1].upper)
						e->has_lower = true;
					if (words == 1 && roman_word(t, k))
						e->roman = true;
					if (side == 1 && trans) {
						e->trans++;
						continue;
					}
					e->count[side]++;
					if (!cand)
						continue;
					e->cand[side]++;
					if (side == 1)
						add_surface(e->nsurface, e->nsurface_n, doc->text, t->v[s].start, t->v[k].end);
					if (side == 0) {
						add_surface(e->surface, e->surface_n, doc->text, t->v[s].start, t->v[k].end);
						add_surface(e->run, e->run_n, doc->text, t->v[s].start, t->v[end - 1].end);
					}
					rc = add_occ(c, side, (size_t)(e - c->e), unit);
				}
			}
			i = end;
		}
	}
	cov_buf_free(&key);
	return rc;
}

static const char *best_of(char *const *surface, const size_t *surface_n, const char *none)
{
	int best = -1;
	for (int q = 0; q < 4; q++)
		if (surface[q] && (best < 0 || surface_n[q] > surface_n[best]))
			best = q;
	return best >= 0 ? surface[best] : none;
}

/* Whether a shorter run of words inside key (whole words) is a name with
 * flag `vanished` (side 0) or `appeared` (side 1). */
static bool has_shorter(const conf_ctx *c, const name_ent *e, int side)
{
	if (e->n_words < 2)
		return false;
	const char *w[MAX_NAME_WORDS];
	size_t len[MAX_NAME_WORDS], n = 0;
	for (const char *p = e->key; *p && n < MAX_NAME_WORDS;) {
		const char *sp = strchr(p, ' ');
		w[n] = p;
		len[n] = sp ? (size_t)(sp - p) : strlen(p);
		n++;
		p = sp ? sp + 1 : p + strlen(p);
	}
	char buf[512];
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b <= n; b++) {
			if (b - a == n)
				continue;
			size_t o = 0;
			for (size_t k = a; k < b && o + len[k] + 2 < sizeof buf; k++) {
				if (k > a)
					buf[o++] = ' ';
				memcpy(buf + o, w[k], len[k]);
				o += len[k];
			}
			buf[o] = '\0';
			const name_ent *s = find_ent(c, buf);
			if (s && (side ? s->appeared : s->vanished))
				return true;
		}
	return false;
}

/* «Верховного Суда Республики»: two words or more of it are a name NEW
 * uses («Верховного Суда»), the rest a word NEW uses elsewhere. */
static bool named_by_new(const conf_ctx *c, const name_ent *e)
{
	if (e->n_words < 3)
		return false;
	const char *first_space = strchr(e->key, ' '), *last_space = strrchr(e->key, ' ');
	char buf[512];
	size_t n = (size_t)(last_space - e->key);
	if (n < sizeof buf) {
		memcpy(buf, e->key, n);
		buf[n] = '\0';
		const name_ent *p = find_ent(c, buf);
		if (p && p->count[1])
			return true;
	}
	const name_ent *q = find_ent(c, first_space + 1);
	return q && q->count[1];
}

static int cmp_vanished(const void *a, const void *b)
{
	const conf_vanished *x = a, *y = b;
	if (x->old_count != y->old_count)
		return x->old_count < y->old_count ? 1 : -1;
	return strcmp(x->key, y->key);
}

/* ---- what replaces a vanished name: the word diff of the aligned articles ---- */

typedef struct name_hit {
	size_t ent;
	size_t a, b;
} name_hit;

/* The names (vanished ones: side 0, appeared: side 1) in text[a, b). */
static size_t names_in(conf_ctx *c, const char *text, size_t a, size_t b, int side, name_hit *out, size_t max)
{
	ref_toks *t = &c->toks;
	t->n = 0;
	t->fold.len = 0;
	if (!ref_tokenize(t, text, a, b))
		return 0;
	size_t n = 0;
	cov_buf key;
	cov_buf_init(&key);
	for (size_t i = 0; i < t->n && n < max; i++) {
		if (t->v[i].type != TOK_WORD || !t->v[i].upper)
			continue;
		key.len = 0;
		for (size_t k = i; k < t->n && k < i + MAX_NAME_WORDS && t->v[k].type == TOK_WORD; k++) {
			if (k > i)
				cov_buf_putc(&key, ' ');
			stem_tok(c, t, k, &key);
			const name_ent *e = !key.oom && t->v[k].upper ? find_ent(c, key.ptr) : NULL;
			if (e && (side ? e->appeared : e->vanished)) {
				out[n++] = (name_hit){(size_t)(e - c->e), t->v[i].start, t->v[k].end};
				i = k;
				break;
			}
		}
	}
	cov_buf_free(&key);
	return n;
}

static char *collapse(const char *text, size_t a, size_t b)
{
	char *sf[4] = {0};
	size_t sn[4] = {0};
	add_surface(sf, sn, text, a, b);
	return sf[0];
}

typedef struct subst {
	size_t ent[8], n[8];
	const cov_pair *first[8];
} subst;

/* Where a run of the diff deletes a vanished name and inserts a name of NEW
 * alone («[-Председателя Сената-] {+Председателя Курултая+}»), count the
 * pair; where one name goes and one comes, keep their forms too. */
static void find_substitutions(conf_ctx *c, const size_t *v_of_ent, subst *sb)
{
	size_t n_pairs = cov_comparison_pair_count(c->cmp);
	name_hit del[32], ins[32];
	for (size_t p = 0; p < n_pairs; p++) {
		const cov_pair *pr = cov_comparison_pair(c->cmp, p);
		for (size_t i = 0; i < pr->n_segments;) {
			if (pr->segments[i].op == COV_SEG_EQUAL) {
				i++;
				continue;
			}
			size_t nd = 0, ni = 0, j = i;
			for (; j < pr->n_segments && pr->segments[j].op != COV_SEG_EQUAL; j++) {
				const cov_segment *sg = &pr->segments[j];
				if (sg->op == COV_SEG_DELETE)
					nd += names_in(c, c->old->text, sg->start, sg->end, 0, del + nd, 32 - nd);
				else
					ni += names_in(c, c->new_doc->text, sg->start, sg->end, 1, ins + ni, 32 - ni);
			}
			i = j;
			/* only one name going and one coming: a run that drops the
			 * Senate and the Assembly and adds the Kurultai says nothing
			 * of which became which */
			if (nd != 1 || ni != 1)
				continue;
			size_t vi = v_of_ent[del[0].ent];
			if (!vi--)
				continue;
			subst *s = &sb[vi];
			int q = 0;
			while (q < 8 && s->n[q] && s->ent[q] != ins[0].ent)
				q++;
			if (q == 8)
				continue;
			if (!s->n[q]) {
				s->ent[q] = ins[0].ent;
				s->first[q] = pr;
			}
			s->n[q]++;
			conf_vanished *v = &c->v[vi];
			char *fo = collapse(c->old->text, del[0].a, del[0].b);
			char *fn = collapse(c->new_doc->text, ins[0].a, ins[0].b);
			int f = 0;
			while (f < 16 && v->form_old[f] && fo && fn &&
			       (strcmp(v->form_old[f], fo) != 0 || strcmp(v->form_new[f], fn) != 0))
				f++;
			if (f < 16 && fo && fn && !v->form_old[f]) {
				v->form_old[f] = fo;
				v->form_new[f] = fn;
				fo = fn = NULL;
			}
			if (f < 16 && v->form_old[f])
				v->form_n[f]++;
			free(fo);
			free(fn);
		}
	}
}

const char *conf_replacement_for(const conf_vanished *v, const char *surface)
{
	if (!v->replacement)
		return NULL;
	int best = -1;
	for (int q = 0; q < 16 && v->form_old[q]; q++)
		if (surface && strcmp(v->form_old[q], surface) == 0 && (best < 0 || v->form_n[q] > v->form_n[best]))
			best = q;
	return best >= 0 ? v->form_new[best] : v->replacement;
}

void conf_free(conf_ctx *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_e; i++) {
		free(c->e[i].key);
		for (int q = 0; q < 4; q++) {
			free(c->e[i].surface[q]);
			free(c->e[i].run[q]);
			free(c->e[i].initial[q]);
			free(c->e[i].nsurface[q]);
		}
	}
	for (size_t i = 0; i < c->n_v; i++) {
		free(c->v[i].key);
		free(c->v[i].name);
		free(c->v[i].long_name);
		free(c->v[i].replacement);
		for (int q = 0; q < 16; q++) {
			free(c->v[i].form_old[q]);
			free(c->v[i].form_new[q]);
		}
	}
	free(c->v);
	free(c->e);
	free(c->slots);
	free(c->occ[0]);
	free(c->occ[1]);
	ref_toks_free(&c->toks);
	cov_buf_free(&c->scratch);
	for (size_t i = 0; i < c->n_u; i++) {
		wordset_free(&c->u[i].own);
		wordset_free(&c->u[i].sub);
	}
	free(c->u);
	wordset_free(&c->w_own);
	wordset_free(&c->w_sub);
	wordset_free(&c->w_part);
	wordset_free(&c->w_tmp);
	free(c->common);
	if (c->stem)
		sb_stemmer_delete(c->stem);
	ref_grammar_free(c->grammar);
	free(c);
}

static const char *stemmer_of(const char *lang)
{
	static const char *const map[][2] = {{"ru", "russian"}, {"en", "english"}, {"uk", "russian"},
					     {"fr", "french"},  {"es", "spanish"}, {"pt", "portuguese"}};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(lang, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

int conf_open(const cov_data *data, const cov_comparison *cmp, conf_ctx **out)
{
	*out = NULL;
	conf_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return cov_error_set(COV_ENOMEM, "out of memory");
	c->cmp = cmp;
	c->old = cov_comparison_old(cmp);
	c->new_doc = cov_comparison_new(cmp);
	ref_toks_init(&c->toks);
	cov_buf_init(&c->scratch);
	int rc = ref_grammar_load(data, c->old->language, &c->grammar);
	const char *st = stemmer_of(c->old->language);
	c->drop_short_i = st && strcmp(st, "russian") == 0;
	if (rc == COV_OK && st && !(c->stem = sb_stemmer_new(st, "UTF_8")))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	if (rc == COV_OK)
		rc = grow_slots(c);
	if (rc == COV_OK)
		rc = collect_names(c, c->old, 0);
	if (rc == COV_OK)
		rc = collect_names(c, c->new_doc, 1);
	if (rc == COV_OK)
		rc = cache_units(c);
	if (rc) {
		conf_free(c);
		return rc;
	}
	/* vanished: named at least twice by OLD, never by NEW outside its
	 * transitional provisions; appeared: the reverse.  Then only the
	 * shortest: «Сенат», not also «Председатель Сената». */
	for (size_t i = 0; i < c->n_e; i++) {
		name_ent *e = &c->e[i];
		e->vanished = e->cand[0] >= 2 && e->count[1] == 0 && !e->has_lower && !e->roman &&
			      !named_by_new(c, e);
		e->appeared = e->cand[1] >= 1 && e->count[0] == 0 && !e->has_lower && !e->roman;
	}
	bool *drop = calloc(c->n_e ? c->n_e : 1, 2 * sizeof *drop);
	size_t *score = calloc(c->n_e ? c->n_e : 1, sizeof *score);
	if (!drop || !score) {
		free(drop);
		free(score);
		conf_free(c);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < c->n_e; i++) {
		drop[2 * i] = c->e[i].vanished && has_shorter(c, &c->e[i], 0);
		drop[2 * i + 1] = c->e[i].appeared && has_shorter(c, &c->e[i], 1);
	}
	size_t nv = 0;
	for (size_t i = 0; i < c->n_e; i++) {
		c->e[i].vanished &= !drop[2 * i];
		c->e[i].appeared &= !drop[2 * i + 1];
		nv += c->e[i].vanished;
	}
	free(drop);
	c->v = calloc(nv ? nv : 1, sizeof *c->v);
	if (!c->v) {
		free(score);
		conf_free(c);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < c->n_e; i++) {
		const name_ent *e = &c->e[i];
		if (!e->vanished)
			continue;
		score[i] = c->n_v + 1;
		conf_vanished *v = &c->v[c->n_v++];
		v->key = strdup(e->key);
		/* its name as a sentence of OLD opens with it (a subject), else as
		 * OLD writes it most often */
		v->name = strdup(best_of(e->initial, e->initial_n, best_of(e->surface, e->surface_n, e->key)));
		const char *run = best_of(e->run, e->run_n, NULL);
		if (run && strcmp(run, v->name) != 0 && !(v->long_name = strdup(run))) {
			free(score);
			conf_free(c);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
		v->n_words = e->n_words;
		v->old_count = e->cand[0];
		if (!v->key || !v->name) {
			free(score);
			conf_free(c);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
	subst *sb = calloc(c->n_v ? c->n_v : 1, sizeof *sb);
	if (!sb) {
		free(score);
		conf_free(c);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	find_substitutions(c, score, sb);
	for (size_t i = 0; i < c->n_v; i++) {
		conf_vanished *v = &c->v[i];
		int best = -1;
		for (int q = 0; q < 8 && sb[i].n[q]; q++)
			if (best < 0 || sb[i].n[q] > sb[i].n[best])
				best = q;
		if (best < 0 || sb[i].n[best] < 2)
			continue; /* once is chance: a likely replacement is shown twice at least */
		const name_ent *r = &c->e[sb[i].ent[best]];
		v->replacement = strdup(best_of(r->initial, r->initial_n, best_of(r->nsurface, r->nsurface_n, r->key)));
		v->evidence = sb[i].n[best];
		v->old_unit = sb[i].first[best]->old_node;
		v->new_unit = sb[i].first[best]->new_node;
	}
	free(sb);
	free(score);
	qsort(c->v, c->n_v, sizeof *c->v, cmp_vanished);
	*out = c;
	return COV_OK;
}

size_t conf_vanished_count(const conf_ctx *c) { return c->n_v; }
const conf_vanished *conf_vanished_get(const conf_ctx *c, size_t i) { return i < c->n_v ? &c->v[i] : NULL; }

/* ---- the words of a unit ---- */


static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Add the words of text[a, b): folded, cut to their first six letters so
 * that case endings match. */
static bool words_add(ref_toks *t, const char *text, size_t a, size_t b, wordset *w)
{
	t->n = 0;
	t->fold.len = 0;
	if (!ref_tokenize(t, text, a, b))
		return false;
	for (size_t i = 0; i < t->n; i++) {
		if (t->v[i].type == TOK_PUNCT)
			continue;
		const char *s = ref_tok_fold(t, i);
		/* six characters of UTF-8 */
		size_t len = 0, chars = 0;
		while (s[len] && chars < 6) {
			len++;
			while (((unsigned char)s[len] & 0xC0) == 0x80)
				len++;
			chars++;
		}
		uint64_t h = 1469598103934665603ull;
		for (size_t k = 0; k < len; k++)
			h = (h ^ (unsigned char)s[k]) * 1099511628211ull;
		if (!cov_grow(&w->h, &w->cap, w->n, sizeof *w->h, 256))
			return false;
		w->h[w->n++] = h;
	}
	return true;
}

static bool words_finish(wordset *w)
{
	if (w->n > w->cap_set || !w->set) {
		size_t cap = w->n ? w->n : 1;
		uint64_t *v = realloc(w->set, cap * sizeof *v);
		if (!v)
			return false;
		w->set = v;
		w->cap_set = cap;
	}
	if (w->n) /* w->h is NULL for a unit without words */
		memcpy(w->set, w->h, w->n * sizeof *w->set);
	qsort(w->set, w->n, sizeof *w->set, cmp_u64);
	size_t u = 0;
	for (size_t i = 0; i < w->n; i++)
		if (!u || w->set[u - 1] != w->set[i])
			w->set[u++] = w->set[i];
	w->n_set = u;
	return true;
}

/* The words of n: its own text alone (own), or its subtree, notes left out. */
static bool unit_words_ex(ref_toks *t, const cov_doc *doc, const cov_node *n, bool own, wordset *w)
{
	w->n = 0;
	if (own) {
		if (n->text_end > n->text_start && !words_add(t, doc->text, n->text_start, n->text_end, w))
			return false;
		return words_finish(w);
	}
	cov_iter it;
	cov_iter_init(&it, n);
	cov_event ev;
	int notes = 0;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *x = it.node;
		if (x->kind == COV_NODE_NOTE)
			notes += ev == COV_EVENT_ENTER ? 1 : -1;
		if (ev != COV_EVENT_ENTER || notes || x->text_end <= x->text_start)
			continue;
		if (!words_add(t, doc->text, x->text_start, x->text_end, w))
			return false;
	}
	return words_finish(w);
}

static bool unit_words(ref_toks *t, const cov_doc *doc, const cov_node *n, wordset *w)
{
	return unit_words_ex(t, doc, n, false, w);
}

static void wordset_free(wordset *w)
{
	free(w->h);
	free(w->set);
}

static bool is_common(const conf_ctx *c, uint64_t h)
{
	const uint64_t *common_words = c->common;
	size_t lo = 0, hi = c->n_common;
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		if (common_words[m] == h)
			return true;
		if (common_words[m] < h)
			lo = m + 1;
		else
			hi = m;
	}
	return false;
}

/* Dice of the two sets, the common words of NEW left out. */
static double dice(const conf_ctx *c, const wordset *a, const wordset *b)
{
	size_t i = 0, j = 0, both = 0, na = 0, nb = 0;
	while (i < a->n_set || j < b->n_set) {
		if (j >= b->n_set || (i < a->n_set && a->set[i] < b->set[j])) {
			na += !is_common(c, a->set[i]);
			i++;
		} else if (i >= a->n_set || b->set[j] < a->set[i]) {
			nb += !is_common(c, b->set[j]);
			j++;
		} else {
			bool cm = is_common(c, a->set[i]);
			both += !cm;
			na += !cm;
			nb += !cm;
			i++;
			j++;
		}
	}
	if (!na && !nb)
		return a->n_set || b->n_set ? 0 : 1;
	return 2.0 * (double)both / (double)(na + nb);
}

static bool same_words(const wordset *a, const wordset *b)
{
	return a->n == b->n && memcmp(a->h, b->h, a->n * sizeof *a->h) == 0;
}

/* Two units are alike by their whole text or, when both have a lead of
 * their own long enough to judge by, by that lead: «Парламент вправе
 * издавать законы … касающиеся:» keeps its words in «Курултай вправе …»
 * though the new text lists sixteen points under it and the old one four. */
#define OWN_MIN 6
static double unit_sim(const conf_ctx *c, const wordset *ao, const wordset *as, const wordset *bo, const wordset *bs)
{
	double s = dice(c, as, bs);
	if (ao->n_set >= OWN_MIN && bo->n_set >= OWN_MIN) {
		double o = dice(c, ao, bo);
		if (o > s)
			s = o;
	}
	return s;
}

/* The thresholds of a verdict: a unit is the same provision when it shares
 * SIM_SURE of its words with its best counterpart and the next one is
 * SIM_MARGIN behind; it is removed only when nothing in the new text shares
 * SIM_GONE of them; in between the verdict is uncertain, with candidates. */
#define SIM_SURE 0.6
#define SIM_MARGIN 0.1
#define SIM_GONE 0.3

static bool compatible(cov_node_kind a, cov_node_kind b)
{
	bool la = a == COV_NODE_PARAGRAPH || a == COV_NODE_POINT || a == COV_NODE_SUBSECTION;
	bool lb = b == COV_NODE_PARAGRAPH || b == COV_NODE_POINT || b == COV_NODE_SUBSECTION;
	return a == b || (la && lb);
}

static bool in_subtree(const cov_node *n, const cov_node *anc)
{
	for (; n; n = n->parent)
		if (n == anc)
			return true;
	return false;
}

typedef struct cand {
	const cov_node *node;
	unsigned part;  /* a line of its own text, or 0: the unit */
	double sim;
} cand;

#define MAX_CANDS 6

/* Keep the MAX_CANDS best, best first. */
static void cand_add(cand *cs, size_t *n, const cov_node *node, unsigned part, double sim)
{
	for (size_t i = 0; i < *n; i++)
		if (cs[i].node == node && cs[i].part == part) {
			if (sim <= cs[i].sim)
				return;
			memmove(cs + i, cs + i + 1, (*n - i - 1) * sizeof *cs);
			(*n)--;
			break;
		}
	size_t at = *n;
	while (at > 0 && cs[at - 1].sim < sim)
		at--;
	if (at >= MAX_CANDS)
		return;
	if (*n == MAX_CANDS)
		(*n)--;
	memmove(cs + at + 1, cs + at, (*n - at) * sizeof *cs);
	cs[at] = (cand){node, part, sim};
	(*n)++;
}

/* The units of NEW (kind compatible with `kind`, any with
 * COV_NODE_KIND_COUNT) under `top`, or with top NULL anywhere but under
 * `skip`, ranked by their likeness to the old unit (words own, sub). */
static void rank_units(const conf_ctx *c, cov_node_kind kind, const wordset *oo, const wordset *os,
		       const cov_node *top, const cov_node *skip, const char *num, cand *cs, size_t *n);

/* The line `num` (from 1) of n's own text: a part («часть вторая»). */
static bool part_range(const cov_doc *doc, const cov_node *n, unsigned num, size_t *a, size_t *b)
{
	size_t s = n->text_start;
	unsigned k = 1;
	for (size_t i = n->text_start; i <= n->text_end; i++) {
		if (i == n->text_end || doc->text[i] == '\n') {
			if (k == num) {
				*a = s;
				*b = i;
				return i > s;
			}
			k++;
			s = i + 1;
		}
	}
	return false;
}

static unsigned part_count(const cov_doc *doc, const cov_node *n)
{
	unsigned k = n->text_end > n->text_start;
	for (size_t i = n->text_start; i < n->text_end; i++)
		k += doc->text[i] == '\n';
	return k;
}

/* ---- one law ---- */

void conf_law_free(conf_law *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n_c; i++) {
		free(l->c[i].old_text);
		free(l->c[i].proposal);
	}
	free(l->c);
	free(l->m);
	cov_refs_free(l->refs);
	free(l);
}

void conf_put_flat(cov_buf *b, const char *s, size_t a, size_t e)
{
	for (size_t i = a; i < e; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r' || ch == '\t')
			ch = ' ';
		if (ch == ' ' && b->len && b->ptr[b->len - 1] == ' ')
			continue;
		cov_buf_putc(b, ch);
	}
}

/* The citation of one unit as written, with `nums` for its numbers (NULL:
 * as written): «подпунктом 6) статьи 53 Конституции Республики Казахстан». */
static char *cite_text(const cov_doc *law, const cov_citation *ct, const char *const *nums)
{
	cov_buf b;
	cov_buf_init(&b);
	const char *s = law->text;
	for (size_t k = ct->n_steps; k-- > 0;) {
		const cov_cite_step *st = &ct->steps[k];
		if (st->kind == COV_NODE_KIND_COUNT)
			continue; /* printed with the step above */
		if (b.len) {
			/* the words between two steps as the law writes them ("of"),
			 * unless they are the rest of a list («1, 3 и 5») */
			const cov_cite_step *in = &ct->steps[k + 1];
			while (in > ct->steps + k + 1 && in->kind == COV_NODE_KIND_COUNT)
				in--;
			size_t a = in->num_end, e = st->word_start;
			bool words = a < e && e - a < 16;
			for (size_t i = a; words && i < e; i++)
				words = !strchr("0123456789,;()-–—", s[i]);
			if (words)
				conf_put_flat(&b, s, a, e);
			else
				cov_buf_putc(&b, ' ');
		}
		cov_buf_put(&b, s + st->word_start, st->word_end - st->word_start);
		cov_buf_putc(&b, ' ');
		/* the number as written, its digits replaced: «6)» → «14)» */
		const char *num = nums && nums[k] ? nums[k] : st->num;
		size_t a = st->num_start, e = st->num_end;
		size_t lead = 0, tail = 0;
		while (a + lead < e && (s[a + lead] == '(' || s[a + lead] == ' '))
			lead++;
		while (e - tail > a + lead && (s[e - tail - 1] == ')' || s[e - tail - 1] == '.'))
			tail++;
		if (st->within || !nums) {
			cov_buf_put(&b, s + a, e - a);
		} else {
			cov_buf_put(&b, s + a, lead);
			cov_buf_puts(&b, num);
			cov_buf_put(&b, s + e - tail, tail);
		}
		for (size_t q = k + 1; q < ct->n_steps && ct->steps[q].kind == COV_NODE_KIND_COUNT; q++) {
			const char *sub = nums && nums[q] ? nums[q] : ct->steps[q].num;
			cov_buf_printf(&b, "(%s)", sub);
		}
	}
	if (ct->act_end > ct->act_start) {
		cov_buf_putc(&b, ' ');
		for (size_t i = ct->act_start; i < ct->act_end; i++) {
			char ch = s[i];
			if (ch == '\n' || ch == '\r' || ch == '\t')
				ch = ' ';
			if (ch == ' ' && b.len && b.ptr[b.len - 1] == ' ')
				continue;
			cov_buf_putc(&b, ch);
		}
	}
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	return b.ptr ? cov_buf_detach(&b, NULL) : calloc(1, 1);
}

static void rank_units(const conf_ctx *c, cov_node_kind kind, const wordset *oo, const wordset *os,
		       const cov_node *top, const cov_node *skip, const char *num, cand *cs, size_t *n)
{
	for (size_t i = 0; i < c->n_u; i++) {
		const unit_ws *u = &c->u[i];
		if (u->node == top)
			continue;
		if (kind != COV_NODE_KIND_COUNT && !compatible(u->node->kind, kind) && !(u->leaf && compatible(kind, COV_NODE_PARAGRAPH)))
			continue;
		if (top ? !in_subtree(u->node, top) : (skip && in_subtree(u->node, skip)))
			continue;
		double s = unit_sim(c, oo, os, &u->own, &u->sub);
		if (num && strcmp(u->node->num, num) == 0)
			s += 0.01; /* the same number wins a tie */
		cand_add(cs, n, u->node, 0, s);
	}
}

/* The words of every unit of NEW, once. */
static int cache_units(conf_ctx *c)
{
	cov_iter it;
	cov_iter_init(&it, c->new_doc->root);
	cov_event ev;
	int notes = 0;
	size_t cap = 0;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *x = it.node;
		if (x->kind == COV_NODE_NOTE)
			notes += ev == COV_EVENT_ENTER ? 1 : -1;
		if (ev != COV_EVENT_ENTER || notes)
			continue;
		if (x->kind != c->new_doc->primary && !compatible(x->kind, COV_NODE_PARAGRAPH))
			continue;
		if (c->n_u == cap) {
			cap = cap ? cap * 2 : 256;
			unit_ws *v = realloc(c->u, cap * sizeof *v);
			if (!v)
				return cov_error_set(COV_ENOMEM, "out of memory");
			c->u = v;
		}
		unit_ws *u = &c->u[c->n_u++];
		memset(u, 0, sizeof *u);
		u->node = x;
		u->leaf = x->kind == c->new_doc->primary;
		for (const cov_node *k = x->first; k && u->leaf; k = k->next)
			u->leaf = k->kind == COV_NODE_NOTE;
		if (!unit_words_ex(&c->toks, c->new_doc, x, true, &u->own) ||
		    !unit_words_ex(&c->toks, c->new_doc, x, false, &u->sub))
			return cov_error_set(COV_ENOMEM, "out of memory");
	}
	/* the words of a fifth of the articles or more (three at least) */
	size_t total = 0, arts = 0;
	for (size_t i = 0; i < c->n_u; i++)
		if (c->u[i].node->kind == c->new_doc->primary) {
			total += c->u[i].sub.n_set;
			arts++;
		}
	uint64_t *all = malloc((total ? total : 1) * sizeof *all);
	if (!all)
		return cov_error_set(COV_ENOMEM, "out of memory");
	size_t k = 0;
	for (size_t i = 0; i < c->n_u; i++)
		if (c->u[i].node->kind == c->new_doc->primary) {
			memcpy(all + k, c->u[i].sub.set, c->u[i].sub.n_set * sizeof *all);
			k += c->u[i].sub.n_set;
		}
	qsort(all, total, sizeof *all, cmp_u64);
	size_t limit = arts / 5 > 3 ? arts / 5 : 3, nc = 0;
	for (size_t i = 0; i < total;) {
		size_t j = i;
		while (j < total && all[j] == all[i])
			j++;
		if (j - i >= limit && arts >= 6)
			all[nc++] = all[i];
		i = j;
	}
	c->common = all;
	c->n_common = nc;
	return COV_OK;
}

/* A unit whose text says it was repealed («исключен Законом РК от …»). */
static bool repealed(conf_ctx *c, const cov_doc *doc, const cov_node *n)
{
	if (n->text_end <= n->text_start) {
		/* an article of points: repealed when all of them are */
		size_t kids = 0, gone = 0;
		for (const cov_node *k = n->first; k; k = k->next) {
			if (k->kind == COV_NODE_NOTE)
				continue;
			kids++;
			gone += repealed(c, doc, k);
		}
		return kids && gone == kids;
	}
	ref_toks *t = &c->toks;
	t->n = 0;
	t->fold.len = 0;
	size_t end = n->text_end < n->text_start + 200 ? n->text_end : n->text_start + 200;
	if (!ref_tokenize(t, doc->text, n->text_start, end))
		return false;
	size_t i = 0;
	while (i < t->n && t->v[i].type != TOK_WORD)
		i++;
	return i < t->n && ref_grammar_match(c->grammar, t, i, 1u << G_REPEALED, NULL) > 0;
}

/* The likeliest counterparts, no clear one: uncertain, or removed when
 * none shares SIM_GONE of the words. */
static void no_clear_match(conf_cite *out, const cand *cs, size_t n)
{
	out->n_cands = 0;
	out->new_node = NULL;
	out->similarity = n ? (cs[0].sim > 1 ? 1 : cs[0].sim) : 0;
	for (size_t i = 0; i < n && out->n_cands < 4; i++) {
		if (cs[i].sim < SIM_GONE)
			break;
		out->cands[out->n_cands] = cs[i].node;
		out->cand_sim[out->n_cands] = cs[i].sim > 1 ? 1 : cs[i].sim;
		out->cand_part[out->n_cands] = cs[i].part;
		out->n_cands++;
	}
	out->status = out->n_cands ? CONF_UNCERTAIN : CONF_REMOVED;
}

/* Whether a is b's ancestor or descendant. */
static bool related(const cov_node *a, const cov_node *b) { return in_subtree(a, b) || in_subtree(b, a); }

/* The best of cs is clearly the one: SIM_SURE, and the next unrelated
 * unit SIM_MARGIN behind. */
static bool clear_best(const cand *cs, size_t n)
{
	if (!n || cs[0].sim < SIM_SURE)
		return false;
	for (size_t i = 1; i < n; i++)
		if (!related(cs[i].node, cs[0].node) || cs[i].part != cs[0].part)
			return cs[0].sim - cs[i].sim >= SIM_MARGIN;
	return true;
}

/* «частью второй пункта 2»: where the part now is, among the parts of
 * the units of `art` (NEW); false when the same part of `nw` keeps it. */
static bool follow_part(conf_ctx *c, const cov_node *old_unit, unsigned part, const cov_node *nw,
			const cov_node *art, conf_cite *out)
{
	size_t a, b;
	if (!part_range(c->old, old_unit, part, &a, &b))
		return false;
	wordset *po = &c->w_part, *pn = &c->w_tmp;
	po->n = 0;
	if (!words_add(&c->toks, c->old->text, a, b, po) || !words_finish(po))
		return false;
	cand cs[MAX_CANDS];
	size_t n = 0;
	for (size_t i = 0; i < c->n_u; i++) {
		const cov_node *x = c->u[i].node;
		if (!in_subtree(x, art))
			continue;
		unsigned parts = part_count(c->new_doc, x);
		for (unsigned p = 1; p <= parts; p++) {
			size_t pa, pb;
			if (!part_range(c->new_doc, x, p, &pa, &pb))
				continue;
			pn->n = 0;
			if (!words_add(&c->toks, c->new_doc->text, pa, pb, pn) || !words_finish(pn))
				return false;
			double s = dice(c, po, pn);
			if (x == nw && p == part)
				s += 0.01;
			cand_add(cs, &n, x, parts > 1 ? p : 0, s);
		}
	}
	if (n && nw && cs[0].node == nw && cs[0].part == (part_count(c->new_doc, nw) > 1 ? part : 0) && clear_best(cs, n))
		return false;
	no_clear_match(out, cs, n);
	return true;
}

static int map_cite(conf_ctx *c, const cov_doc *law, const cov_citation *ct, conf_cite *out)
{
	memset(out, 0, sizeof *out);
	out->cite = ct;
	const cov_doc *old = c->old;
	wordset *oo = &c->w_own, *os = &c->w_sub;
	const cov_node *path[16];
	size_t n = ct->n_steps < 16 ? ct->n_steps : 16;
	const cov_node *cur = old->root;
	for (size_t k = 0; k < n && cur; k++) {
		cur = ref_resolve_steps(cur, &ct->steps[k], 1, old->primary);
		path[k] = cur;
	}
	out->old_text = cite_text(law, ct, NULL);
	if (!out->old_text)
		return cov_error_set(COV_ENOMEM, "out of memory");
	if (!cur || !n) {
		out->status = CONF_UNRESOLVED;
		return COV_OK;
	}
	out->old_node = cur;
	unsigned part = 0;
	for (size_t k = 0; k < n; k++)
		if (ct->steps[k].within && ct->steps[k].kind == COV_NODE_PART)
			part = (unsigned)strtoul(ct->steps[k].num, NULL, 10);
	out->old_part = part;
	if (repealed(c, old, cur)) {
		out->status = CONF_REPEALED;
		return COV_OK;
	}
	const cov_node *art = unit_of(cur, old->primary);
	if (!art) {
		out->status = CONF_UNRESOLVED; /* a section or chapter: not followed */
		return COV_OK;
	}
	size_t n_pairs = cov_comparison_pair_count(c->cmp);
	const cov_pair *pairs[8];
	size_t np = 0;
	for (size_t p = 0; p < n_pairs && np < 8; p++) {
		const cov_pair *pr = cov_comparison_pair(c->cmp, p);
		if (pr->old_node == art)
			pairs[np++] = pr;
	}
	if (!np) {
		/* the article has no pair: removed only when nothing in NEW is like the unit */
		if (!unit_words_ex(&c->toks, old, cur, true, oo) || !unit_words_ex(&c->toks, old, cur, false, os))
			return cov_error_set(COV_ENOMEM, "out of memory");
		cand cs[MAX_CANDS];
		size_t nc = 0;
		rank_units(c, cur == art ? COV_NODE_KIND_COUNT : cur->kind, oo, os, NULL, NULL, NULL, cs, &nc);
		no_clear_match(out, cs, nc);
		return COV_OK;
	}
	if (np > 1) {
		out->status = CONF_SPLIT;
		for (size_t p = 0; p < np; p++)
			out->cands[out->n_cands++] = pairs[p]->new_node;
		/* the part of the old article the cited unit went to: the likeliest
		 * unit of the new articles, else of the whole new text */
		if (cur != art) {
			if (!unit_words_ex(&c->toks, old, cur, true, oo) || !unit_words_ex(&c->toks, old, cur, false, os))
				return cov_error_set(COV_ENOMEM, "out of memory");
			cand cs[MAX_CANDS];
			size_t nc = 0;
			for (size_t p = 0; p < np; p++)
				rank_units(c, cur->kind, oo, os, pairs[p]->new_node, NULL, cur->num, cs, &nc);
			if (!clear_best(cs, nc))
				rank_units(c, cur->kind, oo, os, NULL, NULL, NULL, cs, &nc);
			if (nc && cs[0].sim >= SIM_GONE) {
				out->new_node = cs[0].node;
				out->similarity = cs[0].sim > 1 ? 1 : cs[0].sim;
				for (size_t p = 0; p < np; p++)
					if (in_subtree(cs[0].node, pairs[p]->new_node))
						out->pair = pairs[p];
			}
		}
		return COV_OK;
	}
	out->pair = pairs[0];
	/* follow each level down: the article by the pair, the paragraph and
	 * point by their words inside the new article */
	const char *nums[16] = {0};
	const cov_node *nw = pairs[0]->new_node;
	bool renumbered = false;
	size_t first = 0;
	while (first < n && path[first] != art && !(path[first] && unit_of(path[first], old->primary) == art &&
						    path[first]->kind == old->primary))
		first++;
	const cov_node *old_unit = art;
	for (size_t k = 0; k < n; k++) {
		if (ct->steps[k].within || !path[k])
			continue;
		if (path[k] == art || (k < first)) {
			if (path[k] == art) {
				nums[k] = nw->num;
				renumbered |= strcmp(nw->num, art->num) != 0;
			}
			continue;
		}
		if (!unit_words_ex(&c->toks, old, path[k], true, oo) ||
		    !unit_words_ex(&c->toks, old, path[k], false, os))
			return cov_error_set(COV_ENOMEM, "out of memory");
		cand cs[MAX_CANDS];
		size_t nc = 0;
		rank_units(c, path[k]->kind, oo, os, nw, NULL, path[k]->num, cs, &nc);
		if (!clear_best(cs, nc) && part && path[k] == cur &&
		    follow_part(c, cur, part, NULL, pairs[0]->new_node, out))
			return COV_OK; /* the paragraph split: where its cited part went */
		if (!clear_best(cs, nc)) {
			/* not clearly in the paired article: anywhere else? */
			rank_units(c, path[k]->kind, oo, os, NULL, pairs[0]->new_node, NULL, cs, &nc);
			no_clear_match(out, cs, nc);
			return COV_OK;
		}
		nw = cs[0].node;
		old_unit = path[k];
		nums[k] = nw->num;
		renumbered |= strcmp(nw->num, path[k]->num) != 0;
	}
	if (part && old_unit == cur && follow_part(c, cur, part, nw, pairs[0]->new_node, out))
		return COV_OK;
	out->new_node = nw;
	wordset *wn = &c->w_tmp, *wno = &c->w_part;
	if (!unit_words_ex(&c->toks, old, cur, true, oo) || !unit_words(&c->toks, old, cur, os) ||
	    !unit_words_ex(&c->toks, c->new_doc, nw, true, wno) || !unit_words(&c->toks, c->new_doc, nw, wn))
		return cov_error_set(COV_ENOMEM, "out of memory");
	out->similarity = unit_sim(c, oo, os, wno, wn);
	out->wording_changed = !same_words(os, wn);
	if (pairs[0]->status == COV_PAIR_MERGED)
		out->status = CONF_MERGED;
	else if (renumbered)
		out->status = CONF_RENUMBERED;
	else if (out->wording_changed)
		out->status = CONF_CHANGED;
	else
		out->status = CONF_UNCHANGED;
	if (renumbered) {
		out->proposal = cite_text(law, ct, nums);
		if (!out->proposal)
			return cov_error_set(COV_ENOMEM, "out of memory");
	}
	return COV_OK;
}

static int add_mention(conf_law *l, size_t *cap, const conf_mention *m)
{
	if (l->n_m == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		conf_mention *v = realloc(l->m, nc * sizeof *v);
		if (!v)
			return cov_error_set(COV_ENOMEM, "out of memory");
		l->m = v;
		*cap = nc;
	}
	l->m[l->n_m++] = *m;
	return COV_OK;
}

/* Every mention of a vanished name: capitalised words whose stems are its key. */
static int find_mentions(conf_ctx *c, const cov_doc *law, conf_law *l)
{
	if (!c->n_v)
		return COV_OK;
	size_t cap = 0;
	cov_iter it;
	cov_iter_init(&it, law->root);
	cov_event ev;
	int notes = 0, rc = COV_OK;
	ref_toks *t = &c->toks;
	cov_buf key;
	cov_buf_init(&key);
	size_t line = 1, pos = 0;
	while (rc == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (n->kind == COV_NODE_NOTE)
			notes += ev == COV_EVENT_ENTER ? 1 : -1;
		if (ev != COV_EVENT_ENTER || notes || n->text_end <= n->text_start)
			continue;
		t->n = 0;
		t->fold.len = 0;
		if (!ref_tokenize(t, law->text, n->text_start, n->text_end)) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		for (size_t i = 0; i < t->n && rc == COV_OK; i++) {
			if (t->v[i].type != TOK_WORD || !t->v[i].upper)
				continue;
			key.len = 0;
			size_t matched = 0, which = 0, end = i;
			for (size_t k = i; k < t->n && k < i + MAX_NAME_WORDS && t->v[k].type == TOK_WORD; k++) {
				if (k > i)
					cov_buf_putc(&key, ' ');
				stem_tok(c, t, k, &key);
				if (key.oom)
					break;
				name_ent *e = t->v[k].upper ? find_ent(c, key.ptr) : NULL;
				if (!e || !e->vanished)
					continue;
				for (size_t q = 0; q < c->n_v; q++)
					if (strcmp(c->v[q].key, key.ptr) == 0) {
						matched = k - i + 1;
						which = q;
						end = k;
					}
			}
			if (!matched)
				continue;
			size_t at = t->v[i].start;
			if (at < pos) {
				pos = 0;
				line = 1;
			}
			for (size_t p = pos; p < at; p++)
				line += law->text[p] == '\n';
			pos = at;
			conf_mention m = {which, at, t->v[end].end, line, n};
			rc = add_mention(l, &cap, &m);
			i = end;
		}
	}
	cov_buf_free(&key);
	return rc;
}

int conf_check_law(conf_ctx *c, const cov_data *data, const cov_doc *law, conf_law **out)
{
	*out = NULL;
	conf_law *l = calloc(1, sizeof *l);
	if (!l)
		return cov_error_set(COV_ENOMEM, "out of memory");
	l->law = law;
	/* the constitution itself (OLD, NEW or another edition) given as a
	 * law: its citations are of itself */
	if (ref_grammar_has_text(c->grammar, G_CONST_TITLE, cov_doc_title(law))) {
		l->is_constitution = true;
		*out = l;
		return COV_OK;
	}
	int rc = cov_refs_find(data, law, &l->refs);
	size_t n = cov_refs_count(l->refs);
	if (rc == COV_OK && n && !(l->c = calloc(n, sizeof *l->c)))
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; rc == COV_OK && i < n; i++) {
		const cov_citation *ct = cov_refs_get(l->refs, i);
		if (ct->scope != COV_CITE_CONSTITUTION || ct->in_note)
			continue;
		rc = map_cite(c, law, ct, &l->c[l->n_c]);
		if (rc == COV_OK)
			l->counts[l->c[l->n_c].status]++;
		l->n_c++;
	}
	if (rc == COV_OK)
		rc = find_mentions(c, law, l);
	if (rc) {
		conf_law_free(l);
		return rc;
	}
	*out = l;
	return COV_OK;
}

static bool within(const cov_node *n, const cov_node *anc)
{
	for (; n; n = n->parent)
		if (n == anc)
			return true;
	return false;
}

/* s[a, e) on one line, a long run cut in its middle (at a character). */
static void put_run(cov_buf *b, const char *s, size_t a, size_t e, bool cut)
{
	if (cut && e - a > 160) {
		size_t m1 = a + 60, m2 = e - 60;
		while (m1 < e && ((unsigned char)s[m1] & 0xC0) == 0x80)
			m1++;
		while (m2 > m1 && ((unsigned char)s[m2] & 0xC0) == 0x80)
			m2--;
		put_run(b, s, a, m1, false);
		cov_buf_puts(b, " … ");
		put_run(b, s, m2, e, false);
		return;
	}
	for (size_t i = a; i < e; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r' || ch == '\t')
			ch = ' ';
		if (ch == ' ' && b->len && b->ptr[b->len - 1] == ' ')
			continue;
		cov_buf_putc(b, ch);
	}
}

char *conf_unit_redline(const conf_ctx *ctx, const conf_cite *c)
{
	cov_buf b;
	cov_buf_init(&b);
	bool any = false;
	const cov_pair *p = c->pair;
	if (p && c->old_node && c->new_node) {
		for (size_t i = 0; i < p->n_segments; i++) {
			const cov_segment *sg = &p->segments[i];
			bool del = sg->op == COV_SEG_DELETE;
			if (!within(sg->node, del ? c->old_node : c->new_node))
				continue;
			const char *text = del ? ctx->old->text : ctx->new_doc->text;
			if (sg->para_start && b.len)
				cov_buf_puts(&b, " ¶ ");
			else if (b.len && b.ptr[b.len - 1] != ' ')
				cov_buf_putc(&b, ' ');
			if (sg->op == COV_SEG_EQUAL) {
				put_run(&b, text, sg->start, sg->end, true);
				continue;
			}
			any = true;
			cov_buf_puts(&b, del ? "[-" : "{+");
			put_run(&b, text, sg->start, sg->end, false);
			cov_buf_puts(&b, del ? "-]" : "+}");
		}
	}
	if (!any)
		b.len = 0;
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	if (!b.ptr)
		return calloc(1, 1);
	b.ptr[b.len] = '\0';
	return cov_buf_detach(&b, NULL);
}
