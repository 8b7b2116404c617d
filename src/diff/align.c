/*
 * align.c — covenant diff: which article of the old version became which
 * article of the new one, when everything may have been renumbered.
 *
 * Articles are compared by their words, not their numbers: every word is
 * stemmed and interned once, each article becomes a vector of word counts
 * weighted by how rare the word is across both versions (tf-idf), and the
 * similarity of two articles is the cosine of their vectors (only the
 * similarities above a floor are kept, at most ROW_KEEP per article, and
 * beyond a budget of word comparisons decided up front, frequent words are
 * compared only near an article's expected place: time and memory grow
 * with the texts, not with old × new).  Pairs are
 * taken mutual-best first, then greedily by similarity (numbers, headings
 * and position only break ties); the longest run of pairs in the same order
 * is "in order", the others have moved.  An unpaired article whose words lie
 * mostly inside an article already paired is part of a split or a merge.
 */
#define _GNU_SOURCE /* qsort_r */
#include "diff.h"
#include "../parse/lexicon.h"
#include "../util/chain.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SIMILARITY 0.25   /* below this, two articles are not the same article */
#define MIN_CONTAINMENT 0.6   /* a split/merge part: this share of its weight lies in the other */
/* ... or this share, when the other lies in place: between the counterparts
 * of the nearest paired articles before and after it (a part split off or
 * merged in mostly stays beside its neighbours; far away, a small article
 * lies largely inside any long one, and only the higher share counts) */
#ifndef MIN_CONTAINMENT_IN_PLACE
#define MIN_CONTAINMENT_IN_PLACE 0.4
#endif
#ifndef IN_PLACE_BONUS
#define IN_PLACE_BONUS 0.35 /* a candidate in place counts as this much more contained */
#endif

/* ---- interning ---- */

/* Open addressing with linear probing, the capacity a power of two and
 * at least twice the entries. */
typedef struct islot {
	const char *key; /* NULL: empty */
	uint32_t len, hash, id;
} islot;

typedef struct itable {
	islot *v;
	size_t cap, n;
} itable;

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (uint32_t)x;
}

/* The slot of key (by pointer, or by its bytes when by_bytes), empty when
 * absent. */
static islot *ifind(const itable *t, const char *key, uint32_t len, uint32_t hash, bool by_bytes)
{
	size_t mask = t->cap - 1;
	for (size_t k = hash & mask;; k = (k + 1) & mask) {
		islot *sl = &t->v[k];
		if (!sl->key)
			return sl;
		if (sl->key == key ||
		    (by_bytes && sl->hash == hash && sl->len == len && memcmp(sl->key, key, len) == 0))
			return sl;
	}
}

/* Room for one more entry; false when memory runs out. */
static bool iroom(itable *t)
{
	if (t->v && 2 * (t->n + 1) <= t->cap)
		return true;
	size_t cap = t->cap ? t->cap * 2 : 1024;
	islot *v = calloc(cap, sizeof *v);
	if (!v)
		return false;
	for (size_t k = 0; k < t->cap; k++)
		if (t->v[k].key) {
			size_t at = t->v[k].hash & (cap - 1);
			while (v[at].key)
				at = (at + 1) & (cap - 1);
			v[at] = t->v[k];
		}
	free(t->v);
	t->v = v;
	t->cap = cap;
	return true;
}

/* Give equal stems of both sides the same id.  The tokenizer interns the
 * stems of a text (one pointer for every occurrence of a word), so a
 * table by pointer answers almost every token; only a pointer not seen
 * yet is looked up by its bytes. */
static int intern(diff_side *s[2], uint32_t *n_ids)
{
	itable bytes = {NULL, 0, 0}, ptrs = {NULL, 0, 0};
	uint32_t next = 0;
	int rc = COV_OK;
	for (size_t side = 0; side < 2 && rc == COV_OK; side++) {
		s[side]->ids = malloc((s[side]->tok.n + 1) * sizeof *s[side]->ids);
		free(ptrs.v);
		ptrs = (itable){NULL, 0, 0};
		if (!s[side]->ids || !iroom(&ptrs) || !iroom(&bytes)) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		for (size_t i = 0; i < s[side]->tok.n; i++) {
			const cov_token *t = &s[side]->tok.v[i];
			uint32_t ph = hash_ptr(t->stem);
			islot *p = ifind(&ptrs, t->stem, t->stem_len, ph, false);
			if (p->key) {
				s[side]->ids[i] = p->id;
				continue;
			}
			uint32_t bh = hash_bytes(t->stem, t->stem_len);
			islot *b = ifind(&bytes, t->stem, t->stem_len, bh, true);
			if (!b->key) {
				*b = (islot){t->stem, t->stem_len, bh, next++};
				bytes.n++;
			}
			*p = (islot){t->stem, t->stem_len, ph, b->id};
			ptrs.n++;
			s[side]->ids[i] = b->id;
			if (!iroom(&ptrs) || !iroom(&bytes)) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
		}
	}
	free(ptrs.v);
	free(bytes.v);
	*n_ids = next;
	return rc;
}

/* ---- units and vectors ---- */

/* Tokens inside editorial notes («Примечание. См. постановление …») say
 * nothing about an article's content: they are left out of its words. */
static int mask_notes(diff_side *s)
{
	s->in_note = calloc(s->tok.n + 1, sizeof *s->in_note);
	if (!s->in_note)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_iter it;
	cov_iter_init(&it, s->doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (ev != COV_EVENT_ENTER || n->kind != COV_NODE_NOTE)
			continue;
		for (size_t t = cov_tokens_at(&s->tok, n->start); t < s->tok.n && s->tok.v[t].start < n->end; t++)
			s->in_note[t] = true;
	}
	return COV_OK;
}

static int collect_units(diff_side *s)
{
	const cov_doc *doc = s->doc;
	size_t cap = 64;
	s->units = malloc(cap * sizeof *s->units);
	if (!s->units)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (ev != COV_EVENT_ENTER || n->kind != doc->primary)
			continue;
		if (s->n_units == cap) {
			cap *= 2;
			const cov_node **u = realloc(s->units, cap * sizeof *u);
			if (!u)
				return cov_error_set(COV_ENOMEM, "out of memory");
			s->units = u;
		}
		s->units[s->n_units++] = n;
	}
	return COV_OK;
}

/* Markup left in the text (Markdown editions carry HTML anchors such as
 * <a id="st21"></a>, entities and link targets): [start, end) ranges, in
 * order, ended by a range at SIZE_MAX. */
static size_t markup_end(const char *t, size_t len, size_t i)
{
	if (t[i] == '<' && i + 1 < len &&
	    ((t[i + 1] | 32) >= 'a' && (t[i + 1] | 32) <= 'z' ? true : t[i + 1] == '/' || t[i + 1] == '!')) {
		for (size_t k = i + 1; k < len && k < i + 400 && t[k] != '\n' && t[k] != '<'; k++)
			if (t[k] == '>')
				return k + 1;
	} else if (t[i] == '&') {
		size_t k = i + 1;
		if (k < len && t[k] == '#')
			k++;
		while (k < len && k < i + 12 && (((t[k] | 32) >= 'a' && (t[k] | 32) <= 'z') || (t[k] >= '0' && t[k] <= '9')))
			k++;
		if (k < len && k > i + 1 && t[k] == ';')
			return k + 1;
	} else if (t[i] == '(') {
		/* an amendment note of a consolidated edition closing its line:
		 * «(В редакции Закона … от 14.03.2020 № 1-ФКЗ)» */
		static const char *const openers[] = {"(В редакции", "(Часть введена", "(Статья введена", "(Статья в редакции",
						      "(Пункт введен", "(Абзац введен", "(Часть в редакции"};
		bool note = false;
		for (size_t k = 0; !note && k < sizeof openers / sizeof *openers; k++)
			note = strncmp(t + i, openers[k], strlen(openers[k])) == 0;
		int depth = 0;
		for (size_t k = i; note && k < len && t[k] != '\n'; k++) {
			depth += t[k] == '(' ? 1 : t[k] == ')' ? -1 : 0;
			if (depth == 0) {
				size_t e = k + 1;
				while (e < len && (t[e] == ' ' || t[e] == '\r'))
					e++;
				return e >= len || t[e] == '\n' ? k + 1 : 0;
			}
		}
	} else if (t[i] == ']' && i + 1 < len && t[i + 1] == '(') {
		for (size_t k = i + 2; k < len && k < i + 600 && t[k] != '\n' && t[k] != ' '; k++)
			if (t[k] == ')')
				return k + 1;
	}
	return 0;
}

/* The law's words of a side: tokens in some unit's own text, outside
 * notes and markup; then each article's range of them. */
static int law_words(diff_side *s)
{
	const cov_doc *doc = s->doc;
	size_t n = s->tok.n;
	const cov_node **own = calloc(n + 1, sizeof *own);
	s->law = malloc((n + 1) * sizeof *s->law);
	s->lids = malloc((n + 1) * sizeof *s->lids);
	s->first = malloc((s->n_units + 1) * sizeof *s->first);
	s->last = malloc((s->n_units + 1) * sizeof *s->last);
	if (!own || !s->law || !s->lids || !s->first || !s->last) {
		free(own);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *nd = it.node;
		if (ev != COV_EVENT_ENTER || nd->kind == COV_NODE_DOCUMENT || nd->kind == COV_NODE_NOTE ||
		    nd->text_end <= nd->text_start)
			continue;
		for (size_t t = cov_tokens_at(&s->tok, nd->text_start); t < n && s->tok.v[t].start < nd->text_end; t++)
			own[t] = nd;
	}
	const char *text = doc->text;
	size_t mark_from = 0, mark_to = 0, scan = 0;
	/* where each byte that may open markup next occurs (memchr, once
	 * per occurrence, not a test of every byte) */
	static const char openers[4] = {'<', '&', ']', '('};
	size_t next_at[4] = {0, 0, 0, 0};
	for (int c = 0; c < 4; c++) {
		const char *q = doc->len ? memchr(text, openers[c], doc->len) : NULL;
		next_at[c] = q ? (size_t)(q - text) : SIZE_MAX;
	}
	for (size_t t = 0; t < n; t++) {
		size_t at = s->tok.v[t].start;
		/* the next piece of markup that ends after this token starts */
		while (mark_to <= at && scan < at) {
			size_t e = 0;
			for (; scan < at && !e; scan++) {
				size_t next = SIZE_MAX;
				for (int c = 0; c < 4; c++) {
					if (next_at[c] < scan) {
						const char *q = memchr(text + scan, openers[c], doc->len - scan);
						next_at[c] = q ? (size_t)(q - text) : SIZE_MAX;
					}
					if (next_at[c] < next)
						next = next_at[c];
				}
				scan = next < at ? next : at;
				if (scan == at)
					break;
				e = markup_end(text, doc->len, scan);
			}
			if (e) {
				mark_from = scan - 1;
				mark_to = e;
				scan = e;
			}
		}
		bool markup = at >= mark_from && at < mark_to;
		if (own[t] && !s->in_note[t] && !markup)
			s->law[s->n_law++] = (uint32_t)t;
	}
	s->owner = malloc((s->n_law + 1) * sizeof *s->owner);
	if (!s->owner) {
		free(own);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t k = 0; k < s->n_law; k++) {
		s->owner[k] = own[s->law[k]];
		s->lids[k] = s->ids[s->law[k]];
	}
	free(own);
	/* each article's words: from its own text to its end */
	size_t k = 0;
	for (size_t u = 0; u < s->n_units; u++) {
		const cov_node *nd = s->units[u];
		size_t lo = 0, hi = s->n_law;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (s->tok.v[s->law[mid]].start < nd->text_start)
				lo = mid + 1;
			else
				hi = mid;
		}
		s->first[u] = lo;
		for (k = lo; k < s->n_law && s->tok.v[s->law[k]].start < nd->end; k++)
			;
		s->last[u] = k;
	}
	return COV_OK;
}

typedef struct term {
	uint32_t id;
	float w;
} term;

typedef struct vec {
	term *t;
	size_t n;
	double norm;
} vec;

static bool is_number(const cov_token *t)
{
	return t->fold[0] >= '0' && t->fold[0] <= '9';
}

/* Every article's distinct ids, sorted, with their counts in w (numbers
 * left out: they are what renumbering changes): the distinct ids of each
 * article gathered with a counter per id, then bucketed by id for all
 * articles at once, so each vector comes out sorted without a sort. */
static int side_vectors(const diff_side *s, uint32_t n_ids, vec *v)
{
	size_t total = 0;
	for (size_t u = 0; u < s->n_units; u++)
		total += s->last[u] - s->first[u];
	uint32_t *cnt = calloc((size_t)n_ids + 1, sizeof *cnt);
	size_t *start = calloc((size_t)n_ids + 2, sizeof *start);
	uint32_t *eu = malloc((total + 1) * sizeof *eu), *eid = malloc((total + 1) * sizeof *eid);
	float *ew = malloc((total + 1) * sizeof *ew);
	uint32_t *order = malloc((total + 1) * sizeof *order);
	int rc = COV_OK;
	if (!cnt || !start || !eu || !eid || !ew || !order) {
		rc = cov_error_set(COV_ENOMEM, "out of memory");
		goto done;
	}
	size_t ne = 0;
	for (size_t u = 0; u < s->n_units; u++) {
		size_t from = ne;
		for (size_t i = s->first[u]; i < s->last[u]; i++) {
			if (is_number(&s->tok.v[s->law[i]]))
				continue;
			uint32_t id = s->lids[i];
			if (cnt[id]++ == 0) {
				eu[ne] = (uint32_t)u;
				eid[ne++] = id;
			}
		}
		for (size_t k = from; k < ne; k++) {
			ew[k] = (float)cnt[eid[k]];
			cnt[eid[k]] = 0;
			start[eid[k] + 1]++;
		}
		v[u].n = ne - from;
		v[u].t = malloc((v[u].n + 1) * sizeof *v[u].t);
		if (!v[u].t) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			goto done;
		}
	}
	for (uint32_t id = 0; id < n_ids; id++)
		start[id + 1] += start[id];
	for (size_t k = 0; k < ne; k++)
		order[start[eid[k]]++] = (uint32_t)k;
	for (size_t u = 0; u < s->n_units; u++)
		v[u].n = 0;
	for (size_t r = 0; r < ne; r++) {
		uint32_t k = order[r];
		vec *x = &v[eu[k]];
		x->t[x->n++] = (term){eid[k], ew[k]};
	}
done:
	free(cnt);
	free(start);
	free(eu);
	free(eid);
	free(ew);
	free(order);
	return rc;
}

/* The share of a's weight whose words b also has (a split part lies
 * inside its source). */
static double containment(const vec *a, const vec *b)
{
	double in = 0, all = 0;
	size_t i = 0, j = 0;
	for (; i < a->n; i++) {
		double w = (double)a->t[i].w * a->t[i].w;
		all += w;
		while (j < b->n && b->t[j].id < a->t[i].id)
			j++;
		if (j < b->n && b->t[j].id == a->t[i].id)
			in += w;
	}
	return all > 0 ? in / all : 0;
}

/* ---- alignment ---- */

#define SPARSE_FLOOR 0.1    /* similarities below this are not kept */
#define ROW_KEEP 128        /* nor more than this many per old article, the closest first */
/* Up to this many word comparisons (Σ over words of old × new articles
 * having it), every pair of articles is compared.  Beyond it, a word found
 * in more than RARE_DF new articles is compared only with the new articles
 * within a band of places around where the old article would be — as wide
 * as that budget allows, and at least MIN_BAND; rarer words are followed
 * everywhere, so an article moved far is still found by its own words.
 * This keeps time linear when the texts grow (a code of thousands of
 * articles, a text repeated). */
#define EXACT_WORK ((size_t)1 << 25)
#define RARE_DF 16
#define MIN_BAND 64
#define PARTIAL_FLOOR 0.05  /* far pairs: rare words must give this much before the full comparison */
#define MAX_WORK ((size_t)1 << 32) /* refuse before starting beyond this */

typedef struct cell {
	uint32_t j;
	float sim;
} cell;

typedef struct col_cell {
	uint32_t i;
	float sim;
} col_cell;

/* Similarity of old unit i and new unit j (0 if not kept). */
static double sim_at(const cell *cells, const size_t *row_start, size_t i, size_t j)
{
	size_t lo = row_start[i], hi = row_start[i + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cells[mid].j < j)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < row_start[i + 1] && cells[lo].j == j ? cells[lo].sim : 0;
}

/* Dot product of two vectors (sorted by id). */
static double dot(const vec *a, const vec *b)
{
	double sum = 0;
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		if (a->t[i].id < b->t[j].id)
			i++;
		else if (a->t[i].id > b->t[j].id)
			j++;
		else
			sum += (double)a->t[i++].w * b->t[j++].w;
	}
	return sum;
}

static int cmp_cell_j(const void *a, const void *b)
{
	const cell *x = a, *y = b;
	return x->j < y->j ? -1 : x->j > y->j;
}

/* For choosing the ROW_KEEP kept similarities of a row: higher first, then
 * nearer the old article's place (qsort_r's argument: that place). */
static int cmp_cell_keep(const void *a, const void *b, void *arg)
{
	const cell *x = a, *y = b;
	if (x->sim != y->sim)
		return x->sim > y->sim ? -1 : 1;
	double at = *(const double *)arg;
	double dx = fabs(x->j - at), dy = fabs(y->j - at);
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return x->j < y->j ? -1 : x->j > y->j;
}

/* An inverted index of the new articles: for every word id, the new
 * articles having it (in order) with its weight there. */
typedef struct posting {
	uint32_t unit;
	float w;
} posting;

typedef struct similarities {
	size_t comparisons; /* word comparisons planned */
	bool banded;        /* far pairs compared by their rare words only */
	cell *cells;        /* row by row, each row sorted by j */
	size_t *row_start;  /* no + 1 */
	col_cell *cols;     /* the same cells column by column, each sorted by i */
	size_t *col_start;  /* nn + 1 */
} similarities;

static void similarities_free(similarities *m)
{
	free(m->cells);
	free(m->row_start);
	free(m->cols);
	free(m->col_start);
}

/* The similarities worth keeping between old and new articles.  The cost
 * is decided up front from the number of word comparisons, and memory is
 * at most ROW_KEEP cells per old article. */
static int similarities_compute(const vec *vo, size_t no, const vec *vn, size_t nn, uint32_t n_ids, const char *old_name,
				const char *new_name, similarities *m)
{
	memset(m, 0, sizeof *m);
	size_t *start = calloc((size_t)n_ids + 2, sizeof *start);
	size_t total = 0;
	for (size_t j = 0; j < nn; j++)
		total += vn[j].n;
	posting *post = malloc((total + 1) * sizeof *post);
	int rc = COV_OK;
	if (!start || !post) {
		rc = cov_error_set(COV_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t j = 0; j < nn; j++)
		for (size_t k = 0; k < vn[j].n; k++)
			start[vn[j].t[k].id + 1]++;
	for (uint32_t id = 0; id < n_ids; id++)
		start[id + 1] += start[id];
	for (size_t j = 0; j < nn; j++)
		for (size_t k = 0; k < vn[j].n; k++) {
			size_t at = start[vn[j].t[k].id]++;
			post[at] = (posting){(uint32_t)j, vn[j].t[k].w};
		}
	/* start[id] now marks the end of id's postings; rebuild the starts */
	for (uint32_t id = n_ids; id > 0; id--)
		start[id] = start[id - 1];
	start[0] = 0;
	/* the cost, before anything is compared */
	size_t work = 0, terms = 0;
	for (size_t i = 0; i < no; i++) {
		terms += vo[i].n;
		for (size_t k = 0; k < vo[i].n; k++)
			work += start[vo[i].t[k].id + 1] - start[vo[i].t[k].id];
	}
	bool banded = work > EXACT_WORK;
	size_t band = EXACT_WORK / (2 * terms + 1), band_work = 0;
	if (band < MIN_BAND)
		band = MIN_BAND;
	for (size_t i = 0; banded && i < no; i++)
		for (size_t k = 0; k < vo[i].n; k++) {
			size_t df = start[vo[i].t[k].id + 1] - start[vo[i].t[k].id];
			band_work += df <= RARE_DF || df < 2 * band + 1 ? df : 2 * band + 1;
		}
	m->banded = banded;
	m->comparisons = banded ? band_work : work;
	if ((banded ? band_work : work) > MAX_WORK) {
		rc = cov_error_set(COV_EINPUT, "%s, %s: too many similar articles to compare (%zu × %zu articles)", old_name,
				   new_name, no, nn);
		goto done;
	}
	size_t keep = nn < ROW_KEEP ? nn : ROW_KEEP;
	double *row = calloc(nn + 1, sizeof *row);
	uint32_t *touched = malloc((nn + 1) * sizeof *touched);
	cell *found = malloc((nn + 1) * sizeof *found);
	m->cells = malloc((no * keep + 1) * sizeof *m->cells);
	m->row_start = calloc(no + 1, sizeof *m->row_start);
	m->col_start = calloc(nn + 2, sizeof *m->col_start);
	if (!row || !touched || !found || !m->cells || !m->row_start || !m->col_start) {
		free(row);
		free(touched);
		free(found);
		rc = cov_error_set(COV_ENOMEM, "out of memory");
		goto done;
	}
	size_t n_cells = 0;
	for (size_t i = 0; i < no; i++) {
		/* the band: where article i would be in the new text */
		double at = no ? ((double)i + 0.5) * (double)nn / (double)no : 0;
		size_t lo_j = 0, hi_j = SIZE_MAX;
		if (banded) {
			size_t c = (size_t)at;
			lo_j = c > band ? c - band : 0;
			hi_j = c + band;
		}
		size_t n_touched = 0;
		for (size_t k = 0; k < vo[i].n; k++) {
			uint32_t id = vo[i].t[k].id;
			size_t p = start[id], end = start[id + 1];
			bool near_only = banded && end - p > RARE_DF;
			if (near_only) { /* the first posting at lo_j or after */
				size_t lo = p, hi = end;
				while (lo < hi) {
					size_t mid = lo + (hi - lo) / 2;
					if (post[mid].unit < lo_j)
						lo = mid + 1;
					else
						hi = mid;
				}
				p = lo;
			}
			for (; p < end; p++) {
				uint32_t j = post[p].unit;
				if (near_only && j > hi_j)
					break;
				if (row[j] == 0) /* weights are positive: 0 means not seen yet */
					touched[n_touched++] = j;
				row[j] += (double)vo[i].t[k].w * post[p].w;
			}
		}
		size_t n_found = 0;
		for (size_t t = 0; t < n_touched; t++) {
			uint32_t j = touched[t];
			double d = row[j];
			row[j] = 0;
			if (!(vo[i].norm > 0 && vn[j].norm > 0))
				continue;
			if (banded && (j < lo_j || j > hi_j)) {
				/* far away: only rare words were compared */
				if (d / (vo[i].norm * vn[j].norm) < PARTIAL_FLOOR)
					continue;
				d = dot(&vo[i], &vn[j]);
			}
			double v = d / (vo[i].norm * vn[j].norm);
			if (v >= SPARSE_FLOOR)
				found[n_found++] = (cell){j, (float)v};
		}
		if (n_found > keep) {
			qsort_r(found, n_found, sizeof *found, cmp_cell_keep, &at);
			n_found = keep;
		}
		qsort(found, n_found, sizeof *found, cmp_cell_j);
		m->row_start[i] = n_cells;
		memcpy(m->cells + n_cells, found, n_found * sizeof *found);
		n_cells += n_found;
		for (size_t c = 0; c < n_found; c++)
			m->col_start[found[c].j + 1]++;
	}
	m->row_start[no] = n_cells;
	free(row);
	free(touched);
	free(found);
	/* the same, column by column */
	for (size_t j = 0; j < nn; j++)
		m->col_start[j + 1] += m->col_start[j];
	m->cols = malloc((n_cells + 1) * sizeof *m->cols);
	size_t *fill = malloc((nn + 1) * sizeof *fill);
	if (!m->cols || !fill) {
		free(fill);
		rc = cov_error_set(COV_ENOMEM, "out of memory");
		goto done;
	}
	memcpy(fill, m->col_start, nn * sizeof *fill);
	for (size_t i = 0; i < no; i++)
		for (size_t c = m->row_start[i]; c < m->row_start[i + 1]; c++)
			m->cols[fill[m->cells[c].j]++] = (col_cell){(uint32_t)i, m->cells[c].sim};
	free(fill);
done:
	free(start);
	free(post);
	return rc;
}

/* Where an unpaired article u (of n on its side) would lie on the other
 * side: between the counterparts of the nearest paired articles before and
 * after it (match[], SIZE_MAX when unpaired), [*lo, *hi] of the other
 * side's m articles. */
static void in_place(const size_t *match, size_t n, size_t u, size_t m, size_t *lo, size_t *hi)
{
	size_t before = SIZE_MAX, after = SIZE_MAX;
	for (size_t k = u; k-- > 0;)
		if (match[k] != SIZE_MAX) {
			before = match[k];
			break;
		}
	for (size_t k = u + 1; k < n; k++)
		if (match[k] != SIZE_MAX) {
			after = match[k];
			break;
		}
	*lo = before == SIZE_MAX ? 0 : before;
	*hi = after == SIZE_MAX ? (m ? m - 1 : 0) : after;
	if (*lo > *hi) { /* the neighbours crossed (a move): both ends count */
		size_t t = *lo;
		*lo = *hi;
		*hi = t;
	}
}

/* Is a part's candidate (containment cc, in place or not) better than the
 * best so far?  In place and above its floor wins over far away; else the
 * higher share, in place counting IN_PLACE_BONUS more. */
static bool part_better(double cc, bool near, double bc, bool best_near, bool have)
{
	if (!have)
		return true;
	bool ok = near ? cc >= MIN_CONTAINMENT_IN_PLACE : cc >= MIN_CONTAINMENT;
	bool best_ok = best_near ? bc >= MIN_CONTAINMENT_IN_PLACE : bc >= MIN_CONTAINMENT;
	if (ok != best_ok)
		return ok;
	return cc + (near ? IN_PLACE_BONUS : 0) > bc + (best_near ? IN_PLACE_BONUS : 0);
}

typedef struct cand {
	size_t i, j;
	double sim, rank;
} cand;

static int cmp_cand(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return x->j < y->j ? -1 : x->j > y->j;
}

static int cmp_pair_new(const void *a, const void *b)
{
	const cov_pair *x = a, *y = b;
	if (x->new_node->start != y->new_node->start)
		return x->new_node->start < y->new_node->start ? -1 : 1;
	return x->old_node->start < y->old_node->start ? -1 : x->old_node->start > y->old_node->start;
}

typedef struct pair_at {
	cov_pair pair;
	size_t oi, nj; /* indexes of its old and new articles */
} pair_at;

static int cmp_pair_at(const void *a, const void *b)
{
	return cmp_pair_new(&((const pair_at *)a)->pair, &((const pair_at *)b)->pair);
}

const char *cov_pair_status_name(cov_pair_status s)
{
	static const char *const names[] = {"unchanged", "modified", "renumbered", "moved", "split", "merged"};
	return (unsigned)s < 6 ? names[s] : "unknown";
}

static void side_free(diff_side *s)
{
	cov_tokens_free(&s->tok);
	free(s->ids);
	free(s->in_note);
	free(s->law);
	free(s->lids);
	free(s->owner);
	free(s->units);
	free(s->first);
	free(s->last);
}

/* ==== stage 1: prepare — tokens, interning, tf-idf ==== */

typedef struct diff_prep {
	diff_side side[2]; /* old, new */
	vec *v[2];         /* per article: its words (numbers left out), weighted by tf-idf, sorted by id */
	size_t n[2];       /* articles of each side */
	uint32_t n_ids;    /* distinct stems of both texts */
} diff_prep;

static void prep_free_vectors(diff_prep *p)
{
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; p->v[k] && i < p->n[k]; i++)
			free(p->v[k][i].t);
		free(p->v[k]);
		p->v[k] = NULL;
	}
}

static void prep_free(diff_prep *p)
{
	prep_free_vectors(p);
	side_free(&p->side[0]);
	side_free(&p->side[1]);
}

/* Weigh every count by the word's rarity across the articles of both
 * versions (idf = log(1 + articles / articles having it)); each vector's
 * norm. */
static int weigh(diff_prep *p)
{
	uint32_t *df = calloc((size_t)p->n_ids + 1, sizeof *df);
	if (!df)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < p->n[k]; i++)
			for (size_t t = 0; t < p->v[k][i].n; t++)
				df[p->v[k][i].t[t].id]++;
	double units = (double)(p->n[0] + p->n[1]);
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < p->n[k]; i++) {
			vec *v = &p->v[k][i];
			double norm = 0;
			for (size_t t = 0; t < v->n; t++) {
				double idf = log(1.0 + units / df[v->t[t].id]);
				v->t[t].w = (float)(v->t[t].w * idf);
				norm += (double)v->t[t].w * v->t[t].w;
			}
			v->norm = sqrt(norm);
		}
	free(df);
	return COV_OK;
}

/* Contract: on COV_OK both sides are tokenized with their language's
 * lexicon, their articles listed, notes masked, every stem interned to an
 * id shared by both sides (ids < n_ids), the law's words of every article
 * ranged (diff_side), and p->v[k][i] is article i's tf-idf vector with its
 * norm.  On error, what was made is left for prep_free. */
static int diff_prepare(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, diff_prep *p)
{
	memset(p, 0, sizeof *p);
	p->side[0].doc = old;
	p->side[1].doc = new_doc;
	int rc = COV_OK;
	/* one language (or the lexicon of neither): one cache of words for both */
	const cov_rlex *lex[2] = {cov_rights_lexicon(data->rights, old->language),
				  cov_rights_lexicon(data->rights, new_doc->language)};
	if (lex[0] == lex[1])
		rc = cov_tokenize_lex_pair(old->text, old->len, new_doc->text, new_doc->len, lex[0], &p->side[0].tok,
					   &p->side[1].tok);
	for (int k = 0; k < 2 && rc == COV_OK; k++) {
		diff_side *s = &p->side[k];
		if (lex[0] != lex[1])
			rc = cov_tokenize_lex(s->doc->text, s->doc->len, lex[k], &s->tok);
		if (rc == COV_OK)
			rc = collect_units(s);
		if (rc == COV_OK)
			rc = mask_notes(s);
	}
	diff_side *s[2] = {&p->side[0], &p->side[1]};
	if (rc == COV_OK)
		rc = intern(s, &p->n_ids);
	for (int k = 0; k < 2 && rc == COV_OK; k++)
		rc = law_words(&p->side[k]);
	for (int k = 0; k < 2 && rc == COV_OK; k++) {
		p->n[k] = p->side[k].n_units;
		p->v[k] = calloc(p->n[k] + 1, sizeof *p->v[k]);
		rc = p->v[k] ? side_vectors(&p->side[k], p->n_ids, p->v[k]) : cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (rc == COV_OK)
		rc = weigh(p);
	return rc;
}

/* ==== stage 2: similar — the inverted index and the cosine ==== */

/* Contract: m holds, for every old article, the similarities at or above
 * SPARSE_FLOOR to new articles (at most ROW_KEEP, the closest), by row and
 * by column; the cost was decided before comparing (COV_EINPUT beyond
 * MAX_WORK).  m is freed by similarities_free, on error too. */
static int diff_similar(const diff_prep *p, similarities *m)
{
	return similarities_compute(p->v[0], p->n[0], p->v[1], p->n[1], p->n_ids, p->side[0].doc->name,
				    p->side[1].doc->name, m);
}

/* ==== stage 3: align — pairing, split and merge, order ==== */

typedef struct alignment {
	cand *cands;               /* the candidate pairs (similarity ≥ MIN_SIMILARITY), best rank first */
	size_t n_cands;
	size_t *match_o, *match_n; /* the one-to-one pairs: the other side's article, or SIZE_MAX */
	size_t *part_o, *part_n;   /* an unpaired article that is part of a merge (old) or a split
				    * (new): the paired article of the other side it joins, or SIZE_MAX */
	pair_at *pairs;            /* every pair along the new text, with its articles' indexes; status
				    * SPLIT, MERGED or (not decided yet) MODIFIED */
	size_t n_pairs;
	bool *in_order;            /* per pair: on the longest chain in the same order in both texts */
	size_t *added, *removed;   /* articles in no pair, in order */
	size_t n_added, n_removed;
} alignment;

static void alignment_free(alignment *al)
{
	free(al->cands);
	free(al->match_o);
	free(al->match_n);
	free(al->part_o);
	free(al->part_n);
	free(al->pairs);
	free(al->in_order);
	free(al->added);
	free(al->removed);
	memset(al, 0, sizeof *al);
}

/* The rank of a candidate: its similarity, +1 when each is the other's
 * best (mutual), and tiny bonuses for the same number, the same heading
 * and a near position, which only break ties. */
static double cand_rank(const diff_prep *p, size_t i, size_t j, double v, bool mutual)
{
	size_t no = p->n[0], nn = p->n[1];
	const cov_node *a = p->side[0].units[i], *b = p->side[1].units[j];
	double pos = fabs((double)i / (no ? no : 1) - (double)j / (nn ? nn : 1));
	return v + (mutual ? 1.0 : 0) + (strcmp(a->num, b->num) == 0 ? 0.002 : 0) +
	       (a->heading[0] && strcmp(a->heading, b->heading) == 0 ? 0.002 : 0) + 0.001 * (1 - pos);
}

/* The candidates, ranked. */
static int rank_candidates(const diff_prep *p, const similarities *m, alignment *al)
{
	size_t no = p->n[0], nn = p->n[1];
	const cell *cells = m->cells;
	const size_t *row_start = m->row_start;
	size_t n_cells = row_start[no], cap = 0;
	double *best_for_new = calloc(nn + 1, sizeof *best_for_new);
	if (!best_for_new)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t k = 0; k < n_cells; k++)
		if (cells[k].sim > best_for_new[cells[k].j])
			best_for_new[cells[k].j] = cells[k].sim;
	int rc = COV_OK;
	for (size_t i = 0; rc == COV_OK && i < no; i++) {
		size_t best_j = SIZE_MAX;
		double best_v = -1;
		for (size_t k = row_start[i]; k < row_start[i + 1]; k++)
			if (cells[k].sim > best_v) {
				best_v = cells[k].sim;
				best_j = cells[k].j;
			}
		for (size_t k = row_start[i]; k < row_start[i + 1]; k++) {
			size_t j = cells[k].j;
			double v = cells[k].sim;
			if (v < MIN_SIMILARITY)
				continue;
			if (al->n_cands == cap) {
				cap = cap ? cap * 2 : 256;
				cand *c = realloc(al->cands, cap * sizeof *c);
				if (!c) {
					rc = cov_error_set(COV_ENOMEM, "out of memory");
					break;
				}
				al->cands = c;
			}
			bool mutual = j == best_j && v >= best_for_new[j];
			al->cands[al->n_cands++] = (cand){i, j, v, cand_rank(p, i, j, v, mutual)};
		}
	}
	free(best_for_new);
	if (rc == COV_OK && al->n_cands)
		qsort(al->cands, al->n_cands, sizeof *al->cands, cmp_cand);
	return rc;
}

/* One-to-one: candidates taken in rank order while both are free. */
static void pair_greedy(const diff_prep *p, alignment *al)
{
	for (size_t i = 0; i < p->n[0]; i++)
		al->match_o[i] = SIZE_MAX;
	for (size_t j = 0; j < p->n[1]; j++)
		al->match_n[j] = SIZE_MAX;
	for (size_t k = 0; k < al->n_cands; k++) {
		const cand *c = &al->cands[k];
		if (al->match_o[c->i] == SIZE_MAX && al->match_n[c->j] == SIZE_MAX) {
			al->match_o[c->i] = c->j;
			al->match_n[c->j] = c->i;
		}
	}
}

/* An unpaired article's best candidate to be part of a split or a merge:
 * a paired article of the other side (at), the share of the unpaired
 * one's weight lying in it, their similarity, and whether it lies in
 * place; at is SIZE_MAX when there is none. */
typedef struct part {
	size_t at;
	double share, sim;
	bool near;
} part;

static bool part_ok(const part *x)
{
	return x->at != SIZE_MAX && x->share >= (x->near ? MIN_CONTAINMENT_IN_PLACE : MIN_CONTAINMENT);
}

/* side 1: new article u (a split part?), side 0: old article u (merged?) */
static part best_part(const diff_prep *p, const similarities *m, const alignment *al, int side, size_t u)
{
	size_t no = p->n[0], nn = p->n[1];
	part best = {SIZE_MAX, 0, 0, false};
	size_t lo, hi;
	if (side)
		in_place(al->match_n, nn, u, no, &lo, &hi);
	else
		in_place(al->match_o, no, u, nn, &lo, &hi);
	size_t c0 = side ? m->col_start[u] : m->row_start[u], c1 = side ? m->col_start[u + 1] : m->row_start[u + 1];
	for (size_t c = c0; c < c1; c++) {
		size_t o = side ? m->cols[c].i : m->cells[c].j; /* the other side's article */
		if ((side ? al->match_o[o] : al->match_n[o]) == SIZE_MAX)
			continue;
		double cc = side ? containment(&p->v[1][u], &p->v[0][o]) : containment(&p->v[0][u], &p->v[1][o]);
		bool near = o >= lo && o <= hi;
		if (part_better(cc, near, best.share, best.near, best.at != SIZE_MAX))
			best = (part){o, cc, side ? m->cols[c].sim : m->cells[c].sim, near};
	}
	return best;
}

/* The pairs: one-to-one, then the parts of splits (new articles lying in a
 * paired old one), then of merges (old articles lying in a paired new
 * one); the others are added or removed. */
static int collect_pairs(const diff_prep *p, const similarities *m, alignment *al)
{
	size_t no = p->n[0], nn = p->n[1];
	size_t *pair_o = malloc((no + 1) * sizeof *pair_o), *pair_n = malloc((nn + 1) * sizeof *pair_n);
	al->pairs = calloc(no + nn + 1, sizeof *al->pairs); /* each pair has an article no other pair has */
	al->added = malloc((nn + 1) * sizeof *al->added);
	al->removed = malloc((no + 1) * sizeof *al->removed);
	if (!pair_o || !pair_n || !al->pairs || !al->added || !al->removed) {
		free(pair_o);
		free(pair_n);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	const diff_side *so = &p->side[0], *sn = &p->side[1];
	/* pair_o[i], pair_n[j]: the index of the pair of a matched article */
	for (size_t i = 0; i < no; i++)
		if (al->match_o[i] != SIZE_MAX) {
			size_t j = al->match_o[i];
			pair_o[i] = pair_n[j] = al->n_pairs;
			al->pairs[al->n_pairs++] = (pair_at){{so->units[i], sn->units[j], COV_PAIR_MODIFIED,
							      sim_at(m->cells, m->row_start, i, j), NULL, 0, NULL, 0},
							     i, j};
		}
	for (size_t j = 0; j < nn; j++) {
		al->part_n[j] = SIZE_MAX;
		if (al->match_n[j] != SIZE_MAX)
			continue;
		part x = best_part(p, m, al, 1, j);
		if (part_ok(&x)) {
			al->part_n[j] = x.at;
			al->pairs[al->n_pairs++] =
				(pair_at){{so->units[x.at], sn->units[j], COV_PAIR_SPLIT, x.sim, NULL, 0, NULL, 0}, x.at, j};
			/* the other pairs of that old article are already split */
			al->pairs[pair_o[x.at]].pair.status = COV_PAIR_SPLIT;
		} else {
			al->added[al->n_added++] = j;
		}
	}
	for (size_t i = 0; i < no; i++) {
		al->part_o[i] = SIZE_MAX;
		if (al->match_o[i] != SIZE_MAX)
			continue;
		part x = best_part(p, m, al, 0, i);
		if (part_ok(&x)) {
			al->part_o[i] = x.at;
			al->pairs[al->n_pairs++] =
				(pair_at){{so->units[i], sn->units[x.at], COV_PAIR_MERGED, x.sim, NULL, 0, NULL, 0}, i, x.at};
			/* the pairs of that new article: its own (unless split), earlier merges */
			if (al->pairs[pair_n[x.at]].pair.status != COV_PAIR_SPLIT)
				al->pairs[pair_n[x.at]].pair.status = COV_PAIR_MERGED;
		} else {
			al->removed[al->n_removed++] = i;
		}
	}
	free(pair_o);
	free(pair_n);
	return COV_OK;
}

/* Along the new text; in order: the longest chain of pairs whose old
 * articles do not go back (cov_longest_chain; between chains of equal
 * length, the earlier pairs). */
static int order_pairs(const diff_prep *p, alignment *al)
{
	size_t n = al->n_pairs;
	if (!n)
		return COV_OK;
	qsort(al->pairs, n, sizeof *al->pairs, cmp_pair_at);
	al->in_order = calloc(n, sizeof *al->in_order);
	cov_chain_item *items = malloc(n * sizeof *items);
	if (!al->in_order || !items) {
		free(items);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	const diff_side *so = &p->side[0];
	for (size_t k = 0; k < n; k++) {
		/* the old article's place: its index, the same for articles that
		 * start at the same byte */
		size_t v = al->pairs[k].oi;
		while (v > 0 && so->units[v - 1]->start == so->units[v]->start)
			v--;
		items[k] = (cov_chain_item){(uint32_t)v, true, false, false};
	}
	size_t len = cov_longest_chain(items, n, COV_CHAIN_EARLIER, al->in_order);
	free(items);
	return len == SIZE_MAX ? cov_error_set(COV_ENOMEM, "out of memory") : COV_OK;
}

/* Contract: from the similarities, the pairs (one-to-one, then split and
 * merge parts), the unpaired articles, and which pairs are in order; the
 * statuses SPLIT and MERGED are final, the others wait for the word diff.
 * al is freed by alignment_free, on error too. */
static int diff_align(const diff_prep *p, const similarities *m, alignment *al)
{
	memset(al, 0, sizeof *al);
	size_t no = p->n[0], nn = p->n[1];
	al->match_o = malloc((no + 1) * sizeof *al->match_o);
	al->match_n = malloc((nn + 1) * sizeof *al->match_n);
	al->part_o = malloc((no + 1) * sizeof *al->part_o);
	al->part_n = malloc((nn + 1) * sizeof *al->part_n);
	if (!al->match_o || !al->match_n || !al->part_o || !al->part_n)
		return cov_error_set(COV_ENOMEM, "out of memory");
	int rc = rank_candidates(p, m, al);
	if (rc == COV_OK) {
		pair_greedy(p, al);
		rc = collect_pairs(p, m, al);
	}
	if (rc == COV_OK)
		rc = order_pairs(p, al);
	return rc;
}

/* ==== stage 4: words — the word diff of every pair, the last statuses ==== */

/* The word diff of article oi of the old side and nj of the new one, kept
 * in the comparison's arena. */
static int pair_words(cov_comparison *cmp, diff_scratch *ws, const diff_prep *p, size_t oi, size_t nj, cov_pair *out)
{
	const diff_side *so = &p->side[0], *sn = &p->side[1];
	cov_change *ch = NULL;
	size_t nch = 0;
	int rc = cov_word_diff(cmp, ws, so, so->first[oi], so->last[oi], sn, sn->first[nj], sn->last[nj], &ch, &nch,
			       &out->segments, &out->n_segments);
	if (rc)
		return rc;
	/* the changes live as long as the comparison */
	cov_change *stored = nch ? cov_arena_alloc(&cmp->arena, nch * sizeof *stored) : NULL;
	if (nch && !stored) {
		free(ch);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (nch)
		memcpy(stored, ch, nch * sizeof *stored);
	free(ch);
	out->changes = stored;
	out->n_changes = nch;
	return COV_OK;
}

/* Contract: cmp gets the pairs of the alignment, each with its changes and
 * redline and its final status (moved when out of order, renumbered,
 * modified or unchanged), and the added and removed articles. */
static int diff_words(const diff_prep *p, const alignment *al, cov_comparison *cmp)
{
	cmp->pairs = calloc(al->n_pairs + 1, sizeof *cmp->pairs);
	cmp->added = calloc(al->n_added + 1, sizeof *cmp->added);
	cmp->removed = calloc(al->n_removed + 1, sizeof *cmp->removed);
	if (!cmp->pairs || !cmp->added || !cmp->removed)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t k = 0; k < al->n_added; k++)
		cmp->added[cmp->n_added++] = p->side[1].units[al->added[k]];
	for (size_t k = 0; k < al->n_removed; k++)
		cmp->removed[cmp->n_removed++] = p->side[0].units[al->removed[k]];
	diff_scratch ws = {.n_ids = p->n_ids};
	int rc = COV_OK;
	for (size_t k = 0; rc == COV_OK && k < al->n_pairs; k++) {
		cov_pair *pr = &cmp->pairs[cmp->n_pairs++];
		*pr = al->pairs[k].pair;
		rc = pair_words(cmp, &ws, p, al->pairs[k].oi, al->pairs[k].nj, pr);
		if (rc || pr->status == COV_PAIR_SPLIT || pr->status == COV_PAIR_MERGED)
			continue;
		if (!al->in_order[k])
			pr->status = COV_PAIR_MOVED;
		else if (strcmp(pr->old_node->num, pr->new_node->num) != 0)
			pr->status = COV_PAIR_RENUMBERED;
		else
			pr->status = pr->n_changes ? COV_PAIR_MODIFIED : COV_PAIR_UNCHANGED;
	}
	diff_scratch_free(&ws);
	return rc;
}

/* ==== the comparison ==== */

static int check_languages(const cov_doc *old, const cov_doc *new_doc, unsigned flags)
{
	const char *la = old->language, *lb = new_doc->language;
	if (!(flags & COV_DIFF_ANY_LANGUAGE) && *la && *lb && strcmp(la, "und") != 0 && strcmp(lb, "und") != 0 &&
	    strcmp(la, lb) != 0)
		return cov_error_set(COV_EINPUT,
				     "%s is in %s and %s in %s: a comparison of their words would find everything added "
				     "and removed (--any-language to compare them anyway)",
				     old->name, la, new_doc->name, lb);
	return COV_OK;
}

static cov_comparison *comparison_new(const cov_doc *old, const cov_doc *new_doc)
{
	cov_comparison *cmp = calloc(1, sizeof *cmp);
	if (!cmp) {
		cov_error_set(COV_ENOMEM, "out of memory");
		return NULL;
	}
	cov_arena_init(&cmp->arena);
	cmp->old = old;
	cmp->new_doc = new_doc;
	return cmp;
}

int cov_diff(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, cov_comparison **out)
{
	return cov_diff_ex(data, old, new_doc, 0, out);
}

int cov_diff_ex(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, unsigned flags,
		cov_comparison **out)
{
	*out = NULL;
	int rc = check_languages(old, new_doc, flags);
	if (rc)
		return rc;
	cov_comparison *cmp = comparison_new(old, new_doc);
	if (!cmp)
		return COV_ENOMEM;
	diff_prep p;
	similarities m;
	alignment al;
	memset(&m, 0, sizeof m);
	memset(&al, 0, sizeof al);
	rc = diff_prepare(data, old, new_doc, &p);
	if (rc == COV_OK)
		rc = diff_similar(&p, &m);
	if (rc == COV_OK) {
		cmp->comparisons = m.comparisons;
		cmp->banded = m.banded;
		cmp->kept = m.row_start[p.n[0]];
		rc = diff_align(&p, &m, &al);
	}
	if (rc == COV_OK)
		rc = diff_words(&p, &al, cmp);
	alignment_free(&al);
	similarities_free(&m);
	prep_free_vectors(&p);
	if (rc == COV_OK && !(flags & COV_DIFF_NO_IMPACT))
		rc = cov_diff_impact(data, cmp, &p.side[0], &p.side[1]);
	else if (rc == COV_OK)
		snprintf(cmp->impact_note, sizeof cmp->impact_note, "rights impact not computed (asked not to)");
	prep_free(&p);
	if (rc) {
		cov_comparison_free(cmp);
		return rc;
	}
	*out = cmp;
	return COV_OK;
}

/* ==== why: the decisions of the alignment, for one article ==== */

static void unit_name(cov_buf *b, const diff_side *s, size_t u)
{
	const cov_node *n = s->units[u];
	cov_buf_puts(b, cov_node_kind_name(n->kind));
	if (n->num[0])
		cov_buf_printf(b, " %s", n->num);
}

/* The candidate (i, j) as ranked, or NULL when below MIN_SIMILARITY. */
static const cand *cand_of(const alignment *al, size_t i, size_t j)
{
	for (size_t k = 0; k < al->n_cands; k++)
		if (al->cands[k].i == i && al->cands[k].j == j)
			return &al->cands[k];
	return NULL;
}

typedef struct sim_ref {
	size_t o;
	double sim;
} sim_ref;

static int cmp_sim_ref(const void *a, const void *b)
{
	const sim_ref *x = a, *y = b;
	if (x->sim != y->sim)
		return x->sim > y->sim ? -1 : 1;
	return x->o < y->o ? -1 : x->o > y->o;
}

#define EXPLAIN_SHOWN 8 /* candidates listed, the most similar first */

/* Article u of side `side` (0 old, 1 new): its candidates, then what
 * became of it and why. */
static void explain_unit(cov_buf *b, const diff_prep *p, const similarities *m, const alignment *al, int side, size_t u)
{
	const diff_side *me = &p->side[side], *other = &p->side[!side];
	const char *my = side ? "new" : "old", *their = side ? "old" : "new";
	const cov_node *n = me->units[u];
	cov_buf_printf(b, "\n%s ", my);
	unit_name(b, me, u);
	if (n->heading[0])
		cov_buf_printf(b, " — %s", n->heading);
	cov_buf_printf(b, "  (line %zu, %zu words)\n", n->line, me->last[u] - me->first[u]);
	size_t c0 = side ? m->col_start[u] : m->row_start[u], c1 = side ? m->col_start[u + 1] : m->row_start[u + 1];
	sim_ref *v = malloc((c1 - c0 + 1) * sizeof *v);
	if (!v) {
		b->oom = true;
		return;
	}
	size_t nv = 0;
	for (size_t c = c0; c < c1; c++)
		v[nv++] = side ? (sim_ref){m->cols[c].i, m->cols[c].sim} : (sim_ref){m->cells[c].j, m->cells[c].sim};
	qsort(v, nv, sizeof *v, cmp_sim_ref);
	const size_t *match = side ? al->match_n : al->match_o, *their_match = side ? al->match_o : al->match_n;
	size_t mine = match[u];
	part x = mine == SIZE_MAX ? best_part(p, m, al, side, u) : (part){SIZE_MAX, 0, 0, false};
	size_t lo = 0, hi = 0; /* where it would lie in the other text */
	if (side)
		in_place(al->match_n, p->n[1], u, p->n[0], &lo, &hi);
	else
		in_place(al->match_o, p->n[0], u, p->n[1], &lo, &hi);
	if (!nv)
		cov_buf_printf(b, "  no %s article shares words with it (similarity ≥ %.2f)\n", their, SPARSE_FLOOR);
	else
		cov_buf_printf(b, "  candidates (%s articles, similarity; a pair needs ≥ %.2f):\n", their, MIN_SIMILARITY);
	for (size_t k = 0; k < nv && k < EXPLAIN_SHOWN; k++) {
		size_t o = v[k].o, oi = side ? o : u, nj = side ? u : o;
		cov_buf_puts(b, "    ");
		size_t at = b->len;
		unit_name(b, other, o);
		for (size_t w = b->len - at; w < 14; w++)
			cov_buf_putc(b, ' ');
		cov_buf_printf(b, " %.3f  ", v[k].sim);
		const cand *c = cand_of(al, oi, nj);
		bool mutual = c && c->rank >= 1.0;
		if (o == mine) {
			cov_buf_printf(b, "← paired: %s", mutual ? "mutual best (each is the other's most similar)"
							    : "the most similar still free when its turn came");
		} else if (!c) {
			cov_buf_printf(b, "below %.2f", MIN_SIMILARITY);
		} else if (their_match[o] != SIZE_MAX && their_match[o] != u) {
			size_t t = their_match[o];
			const cand *tc = side ? cand_of(al, o, t) : cand_of(al, t, o);
			cov_buf_printf(b, "taken by %s ", my);
			unit_name(b, me, t);
			if (tc)
				cov_buf_printf(b, " (%.3f%s, ranked before)", tc->sim, tc->rank >= 1.0 ? ", mutual best" : "");
		} else if (mine != SIZE_MAX) {
			cov_buf_puts(b, "ranked after the pair chosen");
		}
		if (mine == SIZE_MAX && their_match[o] != SIZE_MAX) {
			double share = side ? containment(&p->v[1][u], &p->v[0][o]) : containment(&p->v[0][u], &p->v[1][o]);
			cov_buf_printf(b, "; holds %.0f%% of its words%s%s", 100 * share, o >= lo && o <= hi ? ", in place" : "",
				       o == x.at && part_ok(&x) ? " ← joined" : "");
		}
		cov_buf_putc(b, '\n');
	}
	if (nv > EXPLAIN_SHOWN)
		cov_buf_printf(b, "    … %zu more, less similar\n", nv - EXPLAIN_SHOWN);
	/* the outcome */
	cov_buf_puts(b, "  result: ");
	if (mine != SIZE_MAX) {
		size_t oi = side ? mine : u, nj = side ? u : mine;
		bool in_order = true;
		cov_pair_status st = COV_PAIR_MODIFIED;
		for (size_t k = 0; k < al->n_pairs; k++)
			if (al->pairs[k].oi == oi && al->pairs[k].nj == nj) {
				in_order = al->in_order[k];
				st = al->pairs[k].pair.status;
			}
		cov_buf_printf(b, "paired with %s ", their);
		unit_name(b, other, mine);
		const cov_node *a = p->side[0].units[oi], *z = p->side[1].units[nj];
		if (st == COV_PAIR_SPLIT || st == COV_PAIR_MERGED)
			cov_buf_printf(b, ", %s", st == COV_PAIR_SPLIT ? "split" : "merged");
		else if (!in_order)
			cov_buf_puts(b, ", moved: out of the longest run of pairs in the same order in both texts");
		else
			cov_buf_printf(b, ", in order%s", strcmp(a->num, z->num) == 0 ? "" : ", renumbered");
		cov_buf_putc(b, '\n');
		/* the parts joined to it */
		const size_t *parts = side ? al->part_o : al->part_n;
		size_t n_other = p->n[!side];
		for (size_t o = 0; o < n_other; o++) {
			if (parts[o] != u)
				continue;
			double share = side ? containment(&p->v[0][o], &p->v[1][u]) : containment(&p->v[1][o], &p->v[0][u]);
			cov_buf_printf(b, "  %s: %s ", side ? "merged" : "split", their);
			unit_name(b, other, o);
			cov_buf_printf(b, " %s it too (%.0f%% of that article's words lie here)\n",
				       side ? "went into" : "comes from", 100 * share);
		}
	} else if (part_ok(&x)) {
		cov_buf_printf(b, "part of a %s: %.0f%% of its words lie in %s ", side ? "split" : "merge", 100 * x.share,
			       their);
		unit_name(b, other, x.at);
		cov_buf_printf(b, " (paired with %s ", my);
		unit_name(b, me, their_match[x.at]);
		cov_buf_printf(b, "), %s (needs ≥ %.0f%%)\n",
			       x.near ? "which lies in place, between the counterparts of its neighbours" : "not in place",
			       100 * (x.near ? MIN_CONTAINMENT_IN_PLACE : MIN_CONTAINMENT));
		cov_buf_printf(b, "  (among the paired articles holding enough of it, the largest share wins, one in place "
				  "counting %.0f points more)\n",
			       100 * IN_PLACE_BONUS);
	} else {
		cov_buf_printf(b, "%s: no free candidate ≥ %.2f, and no paired %s article holds ≥ %.0f%% of its words "
				  "(≥ %.0f%% in place)",
			       side ? "added" : "removed", MIN_SIMILARITY, their, 100 * MIN_CONTAINMENT,
			       100 * MIN_CONTAINMENT_IN_PLACE);
		if (x.at != SIZE_MAX) {
			cov_buf_printf(b, "; the most: %s ", their);
			unit_name(b, other, x.at);
			cov_buf_printf(b, ", %.0f%%%s", 100 * x.share, x.near ? " in place" : "");
		}
		cov_buf_putc(b, '\n');
	}
	free(v);
}

int cov_diff_explain(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, unsigned flags,
		     const char *num, cov_buf *out)
{
	int rc = check_languages(old, new_doc, flags);
	if (rc)
		return rc;
	diff_prep p;
	similarities m;
	alignment al;
	memset(&m, 0, sizeof m);
	memset(&al, 0, sizeof al);
	rc = diff_prepare(data, old, new_doc, &p);
	if (rc == COV_OK)
		rc = diff_similar(&p, &m);
	if (rc == COV_OK)
		rc = diff_align(&p, &m, &al);
	size_t found = 0;
	for (int side = 0; rc == COV_OK && side < 2; side++)
		for (size_t u = 0; u < p.n[side]; u++)
			found += strcmp(p.side[side].units[u]->num, num) == 0;
	if (rc == COV_OK && !found)
		rc = cov_error_set(COV_EINPUT, "--explain %s: neither %s nor %s has an article %s", num, old->name,
				   new_doc->name, num);
	if (rc == COV_OK) {
		cov_buf_printf(out, "covenant diff --explain %s: %s → %s\n", num, old->name, new_doc->name);
		cov_buf_printf(out,
			       "Similarity: the cosine of the articles' stemmed words weighted by rarity (numbers left "
			       "out).\nPairs are taken mutual best first, then by similarity, while both articles are "
			       "free.\nAn unpaired article is part of a split or a merge when a paired article of the "
			       "other text\nholds ≥ %.0f%% of its words (≥ %.0f%% when it lies in place, between the "
			       "counterparts of its neighbours).\n",
			       100 * MIN_CONTAINMENT, 100 * MIN_CONTAINMENT_IN_PLACE);
		for (int side = 0; side < 2; side++)
			for (size_t u = 0; u < p.n[side]; u++)
				if (strcmp(p.side[side].units[u]->num, num) == 0)
					explain_unit(out, &p, &m, &al, side, u);
		if (out->oom)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	alignment_free(&al);
	similarities_free(&m);
	prep_free(&p);
	return rc;
}

/* ==== across works: each provision's best counterpart ==== */

int cov_diff_best(const cov_data *data, const cov_doc *a, const cov_doc *b, unsigned flags, double floor,
		  cov_comparison **out)
{
	*out = NULL;
	int rc = check_languages(a, b, flags);
	if (rc)
		return rc;
	cov_comparison *cmp = comparison_new(a, b);
	if (!cmp)
		return COV_ENOMEM;
	cmp->best = true;
	cmp->best_floor = floor;
	diff_prep p;
	similarities m;
	memset(&m, 0, sizeof m);
	rc = diff_prepare(data, a, b, &p);
	if (rc == COV_OK)
		rc = diff_similar(&p, &m);
	size_t no = p.n[0];
	if (rc == COV_OK) {
		cmp->comparisons = m.comparisons;
		cmp->banded = m.banded;
		cmp->kept = m.row_start[no];
		cmp->pairs = calloc(no + 1, sizeof *cmp->pairs);
		cmp->added = calloc(1, sizeof *cmp->added);
		cmp->removed = calloc(no + 1, sizeof *cmp->removed);
		if (!cmp->pairs || !cmp->added || !cmp->removed)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	diff_scratch ws = {.n_ids = p.n_ids};
	for (size_t i = 0; rc == COV_OK && i < no; i++) {
		/* the most similar; between equals, the first */
		size_t best = SIZE_MAX;
		double bv = 0;
		for (size_t c = m.row_start[i]; c < m.row_start[i + 1]; c++)
			if (m.cells[c].sim >= floor && m.cells[c].sim > bv) {
				bv = m.cells[c].sim;
				best = m.cells[c].j;
			}
		if (best == SIZE_MAX) {
			cmp->removed[cmp->n_removed++] = p.side[0].units[i];
			continue;
		}
		cov_pair *pr = &cmp->pairs[cmp->n_pairs++];
		*pr = (cov_pair){p.side[0].units[i], p.side[1].units[best], COV_PAIR_MODIFIED, bv, NULL, 0, NULL, 0};
		rc = pair_words(cmp, &ws, &p, i, best, pr);
		if (rc == COV_OK && !pr->n_changes)
			pr->status = COV_PAIR_UNCHANGED;
	}
	diff_scratch_free(&ws);
	similarities_free(&m);
	prep_free(&p);
	if (rc) {
		cov_comparison_free(cmp);
		return rc;
	}
	*out = cmp;
	return COV_OK;
}

void cov_comparison_free(cov_comparison *cmp)
{
	if (!cmp)
		return;
	free(cmp->pairs);
	free(cmp->added);
	free(cmp->removed);
	free(cmp->findings);
	free(cmp->before);
	free(cmp->matches);
	cov_review_free(cmp->reviews[0]);
	cov_review_free(cmp->reviews[1]);
	cov_arena_free(&cmp->arena);
	free(cmp);
}

const cov_doc *cov_comparison_old(const cov_comparison *c) { return c->old; }
const cov_doc *cov_comparison_new(const cov_comparison *c) { return c->new_doc; }
size_t cov_comparison_pair_count(const cov_comparison *c) { return c->n_pairs; }
const cov_pair *cov_comparison_pair(const cov_comparison *c, size_t i) { return i < c->n_pairs ? &c->pairs[i] : NULL; }
size_t cov_comparison_added_count(const cov_comparison *c) { return c->n_added; }
const cov_node *cov_comparison_added(const cov_comparison *c, size_t i) { return i < c->n_added ? c->added[i] : NULL; }
size_t cov_comparison_removed_count(const cov_comparison *c) { return c->n_removed; }
const cov_node *cov_comparison_removed(const cov_comparison *c, size_t i) { return i < c->n_removed ? c->removed[i] : NULL; }
size_t cov_comparison_finding_count(const cov_comparison *c) { return c->n_findings; }
const cov_finding *cov_comparison_finding(const cov_comparison *c, size_t i)
{
	return i < c->n_findings ? &c->findings[i] : NULL;
}
const char *cov_comparison_impact_note(const cov_comparison *c) { return c->impact_note; }
const cov_review *cov_comparison_review(const cov_comparison *c, int side)
{
	return side == 0 || side == 1 ? c->reviews[side] : NULL;
}
size_t cov_comparison_match_count(const cov_comparison *c) { return c->n_matches; }
const cov_finding_match *cov_comparison_match(const cov_comparison *c, size_t i)
{
	return i < c->n_matches ? &c->matches[i] : NULL;
}
int cov_comparison_finding_before(const cov_comparison *c, size_t i, size_t *start, size_t *end)
{
	if (i >= c->n_findings || !c->before || c->before[i][1] <= c->before[i][0])
		return 0;
	*start = c->before[i][0];
	*end = c->before[i][1];
	return 1;
}
