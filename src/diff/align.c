/*
 * align.c — covenant diff: which article of the old version became which
 * article of the new one, when everything may have been renumbered.
 *
 * Articles are compared by their words, not their numbers: every word is
 * stemmed and interned once, each article becomes a vector of word counts
 * weighted by how rare the word is across both versions (tf-idf), and the
 * similarity of two articles is the cosine of their vectors (only the
 * similarities above a floor are kept, so memory follows the pairs that
 * resemble each other rather than old × new).  Pairs are
 * taken mutual-best first, then greedily by similarity (numbers, headings
 * and position only break ties); the longest run of pairs in the same order
 * is "in order", the others have moved.  An unpaired article whose words lie
 * mostly inside an article already paired is part of a split or a merge.
 */
#define _GNU_SOURCE /* hsearch_r */
#include "diff.h"
#include "../parse/lexicon.h"

#include <math.h>
#include <stdio.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SIMILARITY 0.25   /* below this, two articles are not the same article */
#define MIN_CONTAINMENT 0.6   /* a split/merge part: this share of its weight lies in the other */

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
	s->first = malloc(cap * sizeof *s->first);
	s->last = malloc(cap * sizeof *s->last);
	if (!s->units || !s->first || !s->last)
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
			size_t *f = realloc(s->first, cap * sizeof *f), *l = realloc(s->last, cap * sizeof *l);
			if (u)
				s->units = u;
			if (f)
				s->first = f;
			if (l)
				s->last = l;
			if (!u || !f || !l)
				return cov_error_set(COV_ENOMEM, "out of memory");
		}
		/* the body: after the heading ("Статья 5. Title"), to the end */
		s->units[s->n_units] = n;
		s->first[s->n_units] = cov_tokens_at(&s->tok, n->text_start);
		s->last[s->n_units] = cov_tokens_at(&s->tok, n->end);
		s->n_units++;
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
		if (!is_number(&s->tok.v[i]) && !s->in_note[i])
			ids[k++] = s->ids[i];
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

#define SPARSE_FLOOR 0.1           /* similarities below this are not kept */
#define MAX_CELLS ((size_t)50000000) /* refuse inputs where everything resembles everything */

typedef struct cell {
	uint32_t j;
	float sim;
} cell;

/* Similarity of old unit i and new unit j (0 if below the floor). */
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
	double *sim = NULL;
	/* the similarities worth keeping, row by row: memory grows with the
	 * pairs that resemble each other, not with old × new */
	cell *cells = NULL;
	size_t n_cells = 0, cap_cells = 0, *row_start = NULL;
	cand *cands = NULL;
	size_t *match_o = NULL, *match_n = NULL;
	int rc = COV_OK;
	if (!cmp)
		return cov_error_set(COV_ENOMEM, "out of memory");
	cov_arena_init(&cmp->arena);
	cmp->old = old;
	cmp->new_doc = new_doc;
	sides[0].doc = old;
	sides[1].doc = new_doc;
	for (int k = 0; k < 2 && rc == COV_OK; k++) {
		const cov_rlex *lex = cov_rights_lexicon(data->rights, sides[k].doc->language);
		rc = cov_tokenize(sides[k].doc->text, sides[k].doc->len, lex ? lex->stemmer : NULL, &sides[k].tok);
		if (rc == COV_OK)
			rc = collect_units(&sides[k]);
		if (rc == COV_OK)
			rc = mask_notes(&sides[k]);
	}
	uint32_t n_ids = 0;
	if (rc == COV_OK)
		rc = intern(s, &n_ids);
	cmp->n_ids = n_ids;
	size_t no = sides[0].n_units, nn = sides[1].n_units;
	if (rc == COV_OK) {
		vo = calloc(no + 1, sizeof *vo);
		vn = calloc(nn + 1, sizeof *vn);
		sim = calloc(nn + 1, sizeof *sim); /* one row at a time */
		row_start = calloc(no + 1, sizeof *row_start);
		match_o = malloc((no + 1) * sizeof *match_o);
		match_n = malloc((nn + 1) * sizeof *match_n);
		if (!vo || !vn || !sim || !row_start || !match_o || !match_n)
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
	if (rc == COV_OK) {
		/* dot products through an inverted index of the new articles: each
		 * old word visits only the new articles that have it */
		size_t *start = calloc((size_t)n_ids + 2, sizeof *start);
		size_t total = 0;
		for (size_t j = 0; j < nn; j++)
			total += vn[j].n;
		struct posting { uint32_t unit; float w; } *post = malloc((total + 1) * sizeof *post);
		if (!start || !post) {
			free(start);
			free(post);
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			goto fail;
		}
		for (size_t j = 0; j < nn; j++)
			for (size_t k = 0; k < vn[j].n; k++)
				start[vn[j].t[k].id + 1]++;
		for (uint32_t id = 0; id < n_ids; id++)
			start[id + 1] += start[id];
		for (size_t j = 0; j < nn; j++)
			for (size_t k = 0; k < vn[j].n; k++) {
				size_t at = start[vn[j].t[k].id]++;
				post[at] = (struct posting){(uint32_t)j, vn[j].t[k].w};
			}
		/* start[id] now marks the end of id's postings; rebuild the starts */
		for (uint32_t id = n_ids; id > 0; id--)
			start[id] = start[id - 1];
		start[0] = 0;
		for (size_t i = 0; i < no && rc == COV_OK; i++) {
			double *row = sim;
			memset(row, 0, nn * sizeof *row);
			for (size_t k = 0; k < vo[i].n; k++) {
				uint32_t id = vo[i].t[k].id;
				for (size_t p = start[id]; p < start[id + 1]; p++)
					row[post[p].unit] += (double)vo[i].t[k].w * post[p].w;
			}
			row_start[i] = n_cells;
			for (size_t j = 0; j < nn; j++) {
				double v = vo[i].norm > 0 && vn[j].norm > 0 ? row[j] / (vo[i].norm * vn[j].norm) : 0;
				if (v < SPARSE_FLOOR)
					continue;
				if (n_cells == cap_cells) {
					if (cap_cells >= MAX_CELLS) {
						rc = cov_error_set(COV_EINPUT, "%s, %s: too many similar articles to compare",
								   old->name, new_doc->name);
						break;
					}
					cap_cells = cap_cells ? cap_cells * 2 : 1024;
					cell *p = realloc(cells, cap_cells * sizeof *p);
					if (!p) {
						rc = cov_error_set(COV_ENOMEM, "out of memory");
						break;
					}
					cells = p;
				}
				cells[n_cells++] = (cell){(uint32_t)j, (float)v};
			}
		}
		row_start[no] = n_cells;
		free(start);
		free(post);
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
			for (size_t i = 0; i < no; i++)
				if (match_o[i] != SIZE_MAX)
					pv[cmp->n_pairs++] = (cov_pair){sides[0].units[i], sides[1].units[match_o[i]],
									COV_PAIR_MODIFIED, sim_at(cells, row_start, i, match_o[i]), NULL, 0};
			for (size_t j = 0; j < nn; j++) {
				if (match_n[j] != SIZE_MAX)
					continue;
				size_t best = SIZE_MAX;
				double bc = 0;
				for (size_t i = 0; i < no; i++) {
					if (match_o[i] == SIZE_MAX || sim_at(cells, row_start, i, j) < SPARSE_FLOOR)
						continue;
					double c = containment(&vn[j], &vo[i]);
					if (c > bc) {
						bc = c;
						best = i;
					}
				}
				if (best != SIZE_MAX && bc >= MIN_CONTAINMENT) {
					pv[cmp->n_pairs++] = (cov_pair){sides[0].units[best], sides[1].units[j], COV_PAIR_SPLIT,
									sim_at(cells, row_start, best, j), NULL, 0};
					for (size_t k = 0; k < cmp->n_pairs; k++)
						if (pv[k].old_node == sides[0].units[best])
							pv[k].status = COV_PAIR_SPLIT;
				} else {
					cmp->added[cmp->n_added++] = sides[1].units[j];
				}
			}
			for (size_t i = 0; i < no; i++) {
				if (match_o[i] != SIZE_MAX)
					continue;
				size_t best = SIZE_MAX;
				double bc = 0;
				for (size_t j = 0; j < nn; j++) {
					if (match_n[j] == SIZE_MAX || sim_at(cells, row_start, i, j) < SPARSE_FLOOR)
						continue;
					double c = containment(&vo[i], &vn[j]);
					if (c > bc) {
						bc = c;
						best = j;
					}
				}
				if (best != SIZE_MAX && bc >= MIN_CONTAINMENT) {
					pv[cmp->n_pairs++] = (cov_pair){sides[0].units[i], sides[1].units[best], COV_PAIR_MERGED,
									sim_at(cells, row_start, i, best), NULL, 0};
					for (size_t k = 0; k < cmp->n_pairs; k++)
						if (pv[k].new_node == sides[1].units[best] && pv[k].status != COV_PAIR_SPLIT)
							pv[k].status = COV_PAIR_MERGED;
				} else {
					cmp->removed[cmp->n_removed++] = sides[0].units[i];
				}
			}
		}
	}
	if (rc == COV_OK && cmp->n_pairs) {
		qsort(cmp->pairs, cmp->n_pairs, sizeof *cmp->pairs, cmp_pair_new);
		/* in order: the longest increasing run of old positions along the new order */
		size_t n = cmp->n_pairs;
		size_t *len = malloc(n * sizeof *len), *prev = malloc(n * sizeof *prev);
		bool *keep = calloc(n, sizeof *keep);
		if (!len || !prev || !keep) {
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
				size_t oi = 0, nj = 0;
				while (sides[0].units[oi] != p->old_node)
					oi++;
				while (sides[1].units[nj] != p->new_node)
					nj++;
				cov_change *ch = NULL;
				size_t nch = 0;
				rc = cov_word_diff(cmp, &sides[0], sides[0].first[oi], sides[0].last[oi], &sides[1],
						   sides[1].first[nj], sides[1].last[nj], &ch, &nch);
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
		free(len);
		free(prev);
		free(keep);
	}
fail:
	for (size_t i = 0; vo && i < no; i++)
		free(vo[i].t);
	for (size_t j = 0; vn && j < nn; j++)
		free(vn[j].t);
	free(vo);
	free(vn);
	free(sim);
	free(cells);
	free(row_start);
	free(cands);
	free(match_o);
	free(match_n);
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
