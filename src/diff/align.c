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
#define _GNU_SOURCE /* hsearch_r, qsort_r */
#include "diff.h"
#include "../parse/lexicon.h"

#include <math.h>
#include <stdio.h>
#include <search.h>
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

/* Give equal stems of both sides the same id, with the C library's hash
 * table (hsearch_r): one look-up per token. */
static int intern(diff_side *s[2], uint32_t *n_ids)
{
	size_t total = s[0]->tok.n + s[1]->tok.n;
	struct hsearch_data table;
	memset(&table, 0, sizeof table);
	if (!hcreate_r(total * 2 + 64, &table))
		return cov_error_set(COV_ENOMEM, "out of memory");
	uint32_t next = 0;
	int rc = COV_OK;
	for (size_t side = 0; side < 2 && rc == COV_OK; side++) {
		s[side]->ids = malloc((s[side]->tok.n + 1) * sizeof *s[side]->ids);
		if (!s[side]->ids) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		const char *prev = NULL;
		uint32_t prev_id = 0;
		for (size_t i = 0; i < s[side]->tok.n; i++) {
			const char *stem = s[side]->tok.v[i].stem;
			if (stem == prev) { /* the tokenizer interns repeated words */
				s[side]->ids[i] = prev_id;
				continue;
			}
			ENTRY want = {(char *)stem, (void *)(uintptr_t)next}, *found;
			if (!hsearch_r(want, ENTER, &found, &table)) {
				rc = cov_error_set(COV_ENOMEM, "out of memory");
				break;
			}
			if ((uintptr_t)found->data == next)
				next++;
			s[side]->ids[i] = (uint32_t)(uintptr_t)found->data;
			prev = stem;
			prev_id = s[side]->ids[i];
		}
	}
	hdestroy_r(&table);
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
	for (size_t t = 0; t < n; t++) {
		size_t at = s->tok.v[t].start;
		/* the next piece of markup that ends after this token starts */
		while (mark_to <= at && scan < at) {
			size_t e = 0;
			for (; scan < at && !e; scan++)
				if (text[scan] == '<' || text[scan] == '&' || text[scan] == ']' || text[scan] == '(')
					e = markup_end(text, doc->len, scan);
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

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static bool is_number(const cov_token *t)
{
	return t->fold[0] >= '0' && t->fold[0] <= '9';
}

/* Sorted distinct ids of a unit, with counts in w (numbers left out: they
 * are what renumbering changes). */
static int unit_terms(const diff_side *s, size_t u, vec *v)
{
	size_t a = s->first[u], b = s->last[u];
	uint32_t *ids = malloc((b - a + 1) * sizeof *ids);
	v->t = malloc((b - a + 1) * sizeof *v->t);
	v->n = 0;
	if (!ids || !v->t) {
		free(ids);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	size_t k = 0;
	for (size_t i = a; i < b; i++)
		if (!is_number(&s->tok.v[s->law[i]]))
			ids[k++] = s->lids[i];
	qsort(ids, k, sizeof *ids, cmp_u32);
	for (size_t i = 0; i < k; i++) {
		if (v->n && v->t[v->n - 1].id == ids[i])
			v->t[v->n - 1].w += 1;
		else
			v->t[v->n++] = (term){ids[i], 1};
	}
	free(ids);
	return COV_OK;
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

/* Index of a unit among a side's units (they are in document order). */
static size_t unit_index(const diff_side *s, const cov_node *n)
{
	size_t lo = 0, hi = s->n_units;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->units[mid]->start < n->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo < s->n_units && s->units[lo] != n) /* units starting at the same byte */
		lo++;
	if (lo == s->n_units) /* not in order after all */
		for (lo = 0; lo < s->n_units && s->units[lo] != n; lo++)
			;
	return lo;
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

int cov_diff(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, cov_comparison **out)
{
	return cov_diff_ex(data, old, new_doc, 0, out);
}

int cov_diff_ex(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, unsigned flags,
		cov_comparison **out)
{
	*out = NULL;
	cov_comparison *cmp = calloc(1, sizeof *cmp);
	diff_side sides[2];
	memset(sides, 0, sizeof sides);
	diff_side *s[2] = {&sides[0], &sides[1]};
	vec *vo = NULL, *vn = NULL;
	similarities m;
	memset(&m, 0, sizeof m);
	cand *cands = NULL;
	size_t *match_o = NULL, *match_n = NULL, *pair_o = NULL, *pair_n = NULL;
	int rc = COV_OK;
	if (!cmp)
		return cov_error_set(COV_ENOMEM, "out of memory");
	const char *la = old->language, *lb = new_doc->language;
	if (!(flags & COV_DIFF_ANY_LANGUAGE) && *la && *lb && strcmp(la, "und") != 0 && strcmp(lb, "und") != 0 &&
	    strcmp(la, lb) != 0) {
		free(cmp);
		return cov_error_set(COV_EINPUT,
				     "%s is in %s and %s in %s: a comparison of their words would find everything added "
				     "and removed (--any-language to compare them anyway)",
				     old->name, la, new_doc->name, lb);
	}
	cov_arena_init(&cmp->arena);
	cmp->old = old;
	cmp->new_doc = new_doc;
	sides[0].doc = old;
	sides[1].doc = new_doc;
	for (int k = 0; k < 2 && rc == COV_OK; k++) {
		const cov_rlex *lex = cov_rights_lexicon(data->rights, sides[k].doc->language);
		rc = cov_tokenize_lex(sides[k].doc->text, sides[k].doc->len, lex, &sides[k].tok);
		if (rc == COV_OK)
			rc = collect_units(&sides[k]);
		if (rc == COV_OK)
			rc = mask_notes(&sides[k]);
	}
	uint32_t n_ids = 0;
	if (rc == COV_OK)
		rc = intern(s, &n_ids);
	for (int k = 0; k < 2 && rc == COV_OK; k++)
		rc = law_words(&sides[k]);
	cmp->n_ids = n_ids;
	size_t no = sides[0].n_units, nn = sides[1].n_units;
	if (rc == COV_OK) {
		vo = calloc(no + 1, sizeof *vo);
		vn = calloc(nn + 1, sizeof *vn);
		match_o = malloc((no + 1) * sizeof *match_o);
		match_n = malloc((nn + 1) * sizeof *match_n);
		pair_o = malloc((no + 1) * sizeof *pair_o);
		pair_n = malloc((nn + 1) * sizeof *pair_n);
		if (!vo || !vn || !match_o || !match_n || !pair_o || !pair_n)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	for (size_t i = 0; rc == COV_OK && i < no; i++)
		rc = unit_terms(&sides[0], i, &vo[i]);
	for (size_t j = 0; rc == COV_OK && j < nn; j++)
		rc = unit_terms(&sides[1], j, &vn[j]);
	if (rc == COV_OK) {
		/* idf over the articles of both versions */
		uint32_t *df = calloc((size_t)n_ids + 1, sizeof *df);
		if (!df)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		for (size_t i = 0; df && i < no; i++)
			for (size_t k = 0; k < vo[i].n; k++)
				df[vo[i].t[k].id]++;
		for (size_t j = 0; df && j < nn; j++)
			for (size_t k = 0; k < vn[j].n; k++)
				df[vn[j].t[k].id]++;
		double units = (double)(no + nn);
		for (int side = 0; df && side < 2; side++) {
			vec *v = side ? vn : vo;
			size_t count = side ? nn : no;
			for (size_t i = 0; i < count; i++) {
				double norm = 0;
				for (size_t k = 0; k < v[i].n; k++) {
					double idf = log(1.0 + units / df[v[i].t[k].id]);
					v[i].t[k].w = (float)(v[i].t[k].w * idf);
					norm += (double)v[i].t[k].w * v[i].t[k].w;
				}
				v[i].norm = sqrt(norm);
			}
		}
		free(df);
	}
	if (rc == COV_OK)
		rc = similarities_compute(vo, no, vn, nn, n_ids, old->name, new_doc->name, &m);
	if (rc == COV_OK) {
		cmp->comparisons = m.comparisons;
		cmp->banded = m.banded;
		cmp->kept = m.row_start[no];
	}
	if (rc == COV_OK) {
		const cell *cells = m.cells;
		const size_t *row_start = m.row_start;
		size_t n_cells = row_start[no];
		/* candidates, ranked by similarity; mutual best pairs first; the
		 * same number, the same heading and a near position break ties */
		size_t nc = 0, cap_c = 0;
		double *best_for_new = calloc(nn + 1, sizeof *best_for_new);
		if (!best_for_new)
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		for (size_t k = 0; best_for_new && k < n_cells; k++)
			if (cells[k].sim > best_for_new[cells[k].j])
				best_for_new[cells[k].j] = cells[k].sim;
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
				bool mutual = j == best_j && v >= best_for_new[j];
				if (nc == cap_c) {
					cap_c = cap_c ? cap_c * 2 : 256;
					cand *p = realloc(cands, cap_c * sizeof *p);
					if (!p) {
						rc = cov_error_set(COV_ENOMEM, "out of memory");
						break;
					}
					cands = p;
				}
				const cov_node *a = sides[0].units[i], *b = sides[1].units[j];
				double pos = fabs((double)i / (no ? no : 1) - (double)j / (nn ? nn : 1));
				double rank = v + (mutual ? 1.0 : 0) + (strcmp(a->num, b->num) == 0 ? 0.002 : 0) +
					      (a->heading[0] && strcmp(a->heading, b->heading) == 0 ? 0.002 : 0) +
					      0.001 * (1 - pos);
				cands[nc++] = (cand){i, j, v, rank};
			}
		}
		free(best_for_new);
		if (cands)
			qsort(cands, nc, sizeof *cands, cmp_cand);
		for (size_t i = 0; i < no; i++)
			match_o[i] = SIZE_MAX;
		for (size_t j = 0; j < nn; j++)
			match_n[j] = SIZE_MAX;
		size_t pairs = 0;
		for (size_t k = 0; cands && k < nc; k++)
			if (match_o[cands[k].i] == SIZE_MAX && match_n[cands[k].j] == SIZE_MAX) {
				match_o[cands[k].i] = cands[k].j;
				match_n[cands[k].j] = cands[k].i;
				pairs++;
			}
		/* splits and merges: an unpaired article mostly contained in a paired one */
		size_t extra_cap = no + nn + 1;
		cov_pair *pv = calloc(pairs + extra_cap, sizeof *pv);
		cmp->added = calloc(nn + 1, sizeof *cmp->added);
		cmp->removed = calloc(no + 1, sizeof *cmp->removed);
		if (!pv || !cmp->added || !cmp->removed) {
			free(pv);
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		} else {
			cmp->pairs = pv;
			/* pair_o[i], pair_n[j]: the index in pv of the pair of a matched article */
			for (size_t i = 0; i < no; i++)
				if (match_o[i] != SIZE_MAX) {
					pair_o[i] = pair_n[match_o[i]] = cmp->n_pairs;
					pv[cmp->n_pairs++] = (cov_pair){sides[0].units[i], sides[1].units[match_o[i]],
									COV_PAIR_MODIFIED, sim_at(cells, row_start, i, match_o[i]), NULL, 0, NULL, 0};
				}
			/* the candidates of an unmatched article: the kept similarities
			 * of its column (new) or row (old), in order */
			for (size_t j = 0; j < nn; j++) {
				if (match_n[j] != SIZE_MAX)
					continue;
				size_t lo, hi;
				in_place(match_n, nn, j, no, &lo, &hi);
				size_t best = SIZE_MAX;
				double bc = 0, bs = 0;
				bool best_near = false;
				for (size_t c = m.col_start[j]; c < m.col_start[j + 1]; c++) {
					size_t i = m.cols[c].i;
					if (match_o[i] == SIZE_MAX)
						continue;
					double cc = containment(&vn[j], &vo[i]);
					bool near = i >= lo && i <= hi;
					if (part_better(cc, near, bc, best_near, best != SIZE_MAX)) {
						bc = cc;
						best = i;
						bs = m.cols[c].sim;
						best_near = near;
					}
				}
				if (best != SIZE_MAX && bc >= (best_near ? MIN_CONTAINMENT_IN_PLACE : MIN_CONTAINMENT)) {
					pv[cmp->n_pairs++] = (cov_pair){sides[0].units[best], sides[1].units[j], COV_PAIR_SPLIT, bs, NULL, 0, NULL, 0};
					/* the other pairs of that old article are already split */
					pv[pair_o[best]].status = COV_PAIR_SPLIT;
				} else {
					cmp->added[cmp->n_added++] = sides[1].units[j];
				}
			}
			for (size_t i = 0; i < no; i++) {
				if (match_o[i] != SIZE_MAX)
					continue;
				size_t lo, hi;
				in_place(match_o, no, i, nn, &lo, &hi);
				size_t best = SIZE_MAX;
				double bc = 0, bs = 0;
				bool best_near = false;
				for (size_t c = row_start[i]; c < row_start[i + 1]; c++) {
					size_t j = cells[c].j;
					if (match_n[j] == SIZE_MAX)
						continue;
					double cc = containment(&vo[i], &vn[j]);
					bool near = j >= lo && j <= hi;
					if (part_better(cc, near, bc, best_near, best != SIZE_MAX)) {
						bc = cc;
						best = j;
						bs = cells[c].sim;
						best_near = near;
					}
				}
				if (best != SIZE_MAX && bc >= (best_near ? MIN_CONTAINMENT_IN_PLACE : MIN_CONTAINMENT)) {
					pv[cmp->n_pairs++] = (cov_pair){sides[0].units[i], sides[1].units[best], COV_PAIR_MERGED, bs, NULL, 0, NULL, 0};
					/* the pairs of that new article: its own (unless split), earlier merges */
					if (pv[pair_n[best]].status != COV_PAIR_SPLIT)
						pv[pair_n[best]].status = COV_PAIR_MERGED;
				} else {
					cmp->removed[cmp->n_removed++] = sides[0].units[i];
				}
			}
		}
	}
	if (rc == COV_OK && cmp->n_pairs) {
		/* sorted along the new text, each pair with its articles' indexes */
		size_t n = cmp->n_pairs;
		pair_at *pa = malloc(n * sizeof *pa);
		size_t *len = malloc(n * sizeof *len), *prev = malloc(n * sizeof *prev);
		bool *keep = calloc(n, sizeof *keep);
		if (pa) {
			for (size_t k = 0; k < n; k++)
				pa[k] = (pair_at){cmp->pairs[k], unit_index(&sides[0], cmp->pairs[k].old_node),
						  unit_index(&sides[1], cmp->pairs[k].new_node)};
			qsort(pa, n, sizeof *pa, cmp_pair_at);
			for (size_t k = 0; k < n; k++)
				cmp->pairs[k] = pa[k].pair;
		}
		/* in order: the longest increasing run of old positions along the new order */
		if (!pa || !len || !prev || !keep) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
		} else {
			/* O(n²) is fine for a few hundred articles; bounded for hostile input */
			size_t best = 0;
			for (size_t k = 0; k < n; k++) {
				len[k] = 1;
				prev[k] = SIZE_MAX;
				size_t lo = k > 2000 ? k - 2000 : 0;
				for (size_t p = lo; p < k; p++)
					if (cmp->pairs[p].old_node->start <= cmp->pairs[k].old_node->start && len[p] + 1 > len[k]) {
						len[k] = len[p] + 1;
						prev[k] = p;
					}
				if (len[k] > len[best])
					best = k;
			}
			for (size_t k = best; k != SIZE_MAX; k = prev[k])
				keep[k] = true;
			for (size_t k = 0; rc == COV_OK && k < n; k++) {
				cov_pair *p = &cmp->pairs[k];
				size_t oi = pa[k].oi, nj = pa[k].nj;
				cov_change *ch = NULL;
				size_t nch = 0;
				rc = cov_word_diff(cmp, &sides[0], sides[0].first[oi], sides[0].last[oi], &sides[1],
						   sides[1].first[nj], sides[1].last[nj], &ch, &nch, &p->segments, &p->n_segments);
				if (rc)
					break;
				/* the changes live as long as the comparison */
				cov_change *stored = nch ? cov_arena_alloc(&cmp->arena, nch * sizeof *stored) : NULL;
				if (nch && !stored) {
					free(ch);
					rc = cov_error_set(COV_ENOMEM, "out of memory");
					break;
				}
				if (nch)
					memcpy(stored, ch, nch * sizeof *stored);
				free(ch);
				p->changes = stored;
				p->n_changes = nch;
				if (p->status == COV_PAIR_SPLIT || p->status == COV_PAIR_MERGED)
					continue;
				bool same_num = strcmp(p->old_node->num, p->new_node->num) == 0;
				if (!keep[k])
					p->status = COV_PAIR_MOVED;
				else if (!same_num)
					p->status = COV_PAIR_RENUMBERED;
				else
					p->status = nch ? COV_PAIR_MODIFIED : COV_PAIR_UNCHANGED;
			}
		}
		free(pa);
		free(len);
		free(prev);
		free(keep);
	}
	for (size_t i = 0; vo && i < no; i++)
		free(vo[i].t);
	for (size_t j = 0; vn && j < nn; j++)
		free(vn[j].t);
	free(vo);
	free(vn);
	similarities_free(&m);
	free(cands);
	free(match_o);
	free(match_n);
	free(pair_o);
	free(pair_n);
	if (rc == COV_OK && !(flags & COV_DIFF_NO_IMPACT))
		rc = cov_diff_impact(data, cmp, &sides[0], &sides[1]);
	else if (rc == COV_OK)
		snprintf(cmp->impact_note, sizeof cmp->impact_note, "rights impact not computed (asked not to)");
	side_free(&sides[0]);
	side_free(&sides[1]);
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
	free(cmp->count_a);
	free(cmp->count_b);
	free(cmp->pos_a);
	free(cmp->pos_b);
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
