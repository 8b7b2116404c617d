/*
 * words.c — the word-level diff inside an aligned pair, on interned word
 * ids (as git's xdiff hashes lines before diffing): patience anchors first
 * (words that occur once in each text, kept in their longest common order),
 * Myers' O(ND) greedy algorithm between them — so two much-rewritten
 * articles cost little — then the edit script grouped into readable changes:
 * runs of
 * deletions and insertions separated by one or two unchanged words become
 * one replacement, so a lawyer reads "X → Y" rather than interleaved
 * fragments.
 */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

/* Beyond this many differences a pair is reported as one replacement:
 * the texts have little in common and the trace would cost D² memory. */
#define MAX_D 4000

typedef struct edit {
	char op;       /* '=', '-', '+' */
	size_t i, j;   /* old and new token index (before the op) */
} edit;

/* Edit script of a[0..n) → b[0..m) by Myers' greedy algorithm with the V
 * array of every d kept for the way back.  Returns the number of edits in
 * *out (malloc'd), or -1 when D exceeds MAX_D (or memory runs out). */
static long myers(const uint32_t *a, size_t n, const uint32_t *b, size_t m, edit **out)
{
	size_t max = n + m;
	if (max == 0) {
		*out = NULL;
		return 0;
	}
	size_t dmax = max < MAX_D ? max : MAX_D;
	/* the V of every d, one after the other: step d writes only the
	 * diagonals k = -d, -d+2, …, d, so its d + 1 values start at
	 * d(d+1)/2, k at (k + d) / 2 */
	size_t tcap = 4096;
	long *trace = malloc(tcap * sizeof *trace);
	if (!trace)
		return -1;
	long *v = malloc((2 * dmax + 3) * sizeof *v), off = (long)dmax + 1;
	if (!v) {
		free(trace);
		return -1;
	}
	/* -1 on the diagonals not reached yet, so the edges need no test:
	 * k = -d takes V[k + 1], k = d takes V[k - 1] + 1 */
	for (size_t k = 0; k < 2 * dmax + 3; k++)
		v[k] = -1;
	v[off + 1] = 0;
	long found = -1;
	for (long d = 0; d <= (long)dmax && found < 0; d++) {
		size_t base = (size_t)d * (size_t)(d + 1) / 2;
		if (base + (size_t)d + 1 > tcap) {
			while (base + (size_t)d + 1 > tcap)
				tcap *= 2;
			long *p = realloc(trace, tcap * sizeof *trace);
			if (!p) {
				found = -2;
				break;
			}
			trace = p;
		}
		long *t = trace + base;
		for (long k = -d; k <= d; k += 2) {
			long lo = v[off + k - 1], hi = v[off + k + 1];
			long x = lo < hi ? hi : lo + 1;
			long y = x - k;
			while (x < (long)n && y < (long)m && a[x] == b[y])
				x++, y++;
			v[off + k] = x;
			*t++ = x;
			if (x >= (long)n && y >= (long)m) {
				found = d;
				break;
			}
		}
	}
	long count = -1;
	if (found >= 0) {
		/* walk back from (n, m) */
		edit *e = malloc((n + m + 1) * sizeof *e);
		if (e) {
			long x = (long)n, y = (long)m;
			size_t ne = 0;
			for (long d = found; d > 0; d--) {
				long k = x - y;
				/* V of step d - 1: diagonal k' at (k' + d - 1) / 2 */
				const long *pv = trace + (size_t)(d - 1) * (size_t)d / 2;
				long prev_k;
				if (k == -d || (k != d && pv[(k - 1 + (d - 1)) / 2] < pv[(k + 1 + (d - 1)) / 2]))
					prev_k = k + 1;
				else
					prev_k = k - 1;
				long px = pv[(prev_k + (d - 1)) / 2], py = px - prev_k;
				while (x > px && y > py) {
					x--, y--;
					e[ne++] = (edit){'=', (size_t)x, (size_t)y};
				}
				if (x == px) {
					y--;
					e[ne++] = (edit){'+', (size_t)x, (size_t)y};
				} else {
					x--;
					e[ne++] = (edit){'-', (size_t)x, (size_t)y};
				}
			}
			while (x > 0 && y > 0) {
				x--, y--;
				e[ne++] = (edit){'=', (size_t)x, (size_t)y};
			}
			/* reverse into document order */
			for (size_t i = 0; i < ne / 2; i++) {
				edit t = e[i];
				e[i] = e[ne - 1 - i];
				e[ne - 1 - i] = t;
			}
			*out = e;
			count = (long)ne;
		}
	}
	free(trace);
	free(v);
	return count;
}

static bool push_edit(edit **v, size_t *n, size_t *cap, edit e)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 256;
		edit *p = realloc(*v, nc * sizeof *p);
		if (!p)
			return false;
		*v = p;
		*cap = nc;
	}
	(*v)[(*n)++] = e;
	return true;
}

/* Myers on a[i0..i1) × b[j0..j1), appended to the script with absolute
 * indexes; a segment too different for MAX_D becomes deletions then
 * insertions. */
static int segment(const uint32_t *a, size_t i0, size_t i1, const uint32_t *b, size_t j0, size_t j1, edit **v,
		   size_t *n, size_t *cap)
{
	/* common prefix and suffix cost nothing */
	while (i0 < i1 && j0 < j1 && a[i0] == b[j0]) {
		if (!push_edit(v, n, cap, (edit){'=', i0, j0}))
			return -1;
		i0++, j0++;
	}
	size_t si = i1, sj = j1;
	while (si > i0 && sj > j0 && a[si - 1] == b[sj - 1])
		si--, sj--;
	edit *e = NULL;
	long ne = myers(a + i0, si - i0, b + j0, sj - j0, &e);
	if (ne < 0) {
		for (size_t i = i0; i < si; i++)
			if (!push_edit(v, n, cap, (edit){'-', i, j0}))
				return -1;
		for (size_t j = j0; j < sj; j++)
			if (!push_edit(v, n, cap, (edit){'+', si, j}))
				return -1;
	}
	for (long k = 0; k < ne; k++)
		if (!push_edit(v, n, cap, (edit){e[k].op, e[k].i + i0, e[k].j + j0})) {
			free(e);
			return -1;
		}
	free(e);
	for (; si < i1; si++, sj++)
		if (!push_edit(v, n, cap, (edit){'=', si, sj}))
			return -1;
	return 0;
}

/* The edit script of a → b: anchors are words found exactly once in each;
 * the longest chain of anchors in the same order in both (patience
 * sorting) splits the texts into small segments for Myers. */
static long patience(diff_scratch *ws, const uint32_t *a, size_t n, const uint32_t *b, size_t m, edit **out)
{
	*out = NULL;
	if (!ws->count_a) {
		size_t ids = ws->n_ids + 1;
		ws->count_a = calloc(ids, sizeof *ws->count_a);
		ws->count_b = calloc(ids, sizeof *ws->count_b);
		ws->pos_a = calloc(ids, sizeof *ws->pos_a);
		ws->pos_b = calloc(ids, sizeof *ws->pos_b);
		if (!ws->count_a || !ws->count_b || !ws->pos_a || !ws->pos_b)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		ws->count_a[a[i]]++;
		ws->pos_a[a[i]] = (uint32_t)i;
	}
	for (size_t j = 0; j < m; j++) {
		ws->count_b[b[j]]++;
		ws->pos_b[b[j]] = (uint32_t)j;
	}
	/* anchors in the order of a; their positions in b */
	size_t na = 0;
	size_t *ai = malloc((n + 1) * sizeof *ai), *bj = malloc((n + 1) * sizeof *bj);
	size_t *tail = malloc((n + 1) * sizeof *tail), *prev = malloc((n + 1) * sizeof *prev);
	long result = -1;
	edit *v = NULL;
	size_t nv = 0, cap = 0;
	if (!ai || !bj || !tail || !prev)
		goto done;
	for (size_t i = 0; i < n; i++)
		if (ws->count_a[a[i]] == 1 && ws->count_b[a[i]] == 1) {
			ai[na] = i;
			bj[na] = ws->pos_b[a[i]];
			na++;
		}
	/* longest increasing subsequence of bj (patience sorting) */
	size_t len = 0;
	for (size_t k = 0; k < na; k++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (bj[tail[mid]] < bj[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[k] = lo ? tail[lo - 1] : SIZE_MAX;
		tail[lo] = k;
		if (lo == len)
			len++;
	}
	/* walk the chain back into `prev` order, reusing `tail` as the chain */
	size_t chain = 0;
	for (size_t k = len ? tail[len - 1] : SIZE_MAX; k != SIZE_MAX; k = prev[k])
		tail[chain++] = k;
	size_t i0 = 0, j0 = 0;
	for (size_t c = chain; c-- > 0;) {
		size_t k = tail[c];
		if (segment(a, i0, ai[k], b, j0, bj[k], &v, &nv, &cap) < 0 ||
		    !push_edit(&v, &nv, &cap, (edit){'=', ai[k], bj[k]}))
			goto done;
		i0 = ai[k] + 1;
		j0 = bj[k] + 1;
	}
	if (segment(a, i0, n, b, j0, m, &v, &nv, &cap) < 0)
		goto done;
	*out = v;
	v = NULL;
	result = (long)nv;
done:
	for (size_t i = 0; i < n; i++)
		ws->count_a[a[i]] = 0;
	for (size_t j = 0; j < m; j++)
		ws->count_b[b[j]] = 0;
	free(v);
	free(ai);
	free(bj);
	free(tail);
	free(prev);
	return result;
}

static bool push_change(cov_change **v, size_t *n, size_t *cap, cov_change c)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		cov_change *p = realloc(*v, nc * sizeof *p);
		if (!p)
			return false;
		*v = p;
		*cap = nc;
	}
	(*v)[(*n)++] = c;
	return true;
}

/* Bytes of the law's words [t0, t1) of a side; an empty range sits at
 * the next word. */
static void span_of(const diff_side *s, size_t t0, size_t t1, size_t fallback, size_t *start, size_t *end)
{
	if (t1 > t0) {
		*start = s->tok.v[s->law[t0]].start;
		*end = s->tok.v[s->law[t1 - 1]].end;
	} else {
		*start = *end = t0 < s->n_law ? s->tok.v[s->law[t0]].start : fallback;
	}
}

/* Do the words at law index ka of a and kb of b read the same (case
 * aside)?  Equal ids are equal stems. */
static bool same_word(const diff_side *a, size_t ka, const diff_side *b, size_t kb)
{
	const cov_token *x = &a->tok.v[a->law[ka]], *y = &b->tok.v[b->law[kb]];
	return x->fold == y->fold || (x->fold_len == y->fold_len && memcmp(x->fold, y->fold, x->fold_len) == 0);
}

/* Is the law's word k the first of its unit's own text? */
static bool starts_unit(const diff_side *s, size_t k)
{
	return k < s->n_law && (k == 0 || s->owner[k] != s->owner[k - 1]);
}

/* A run of one op in the redline. */
typedef struct grouped {
	size_t oi0, oi1, nj0, nj1;
} grouped;

typedef struct seg_buf {
	cov_segment *v;
	size_t n, cap;
} seg_buf;

static bool push_seg(seg_buf *b, cov_segment s)
{
	if (!cov_grow(&b->v, &b->cap, b->n, sizeof *b->v, 16))
		return false;
	b->v[b->n++] = s;
	return true;
}

/* The law's words [k0, k1) of a side as segments of `op`: one segment per
 * run of words that follow each other in the text inside one unit. */
static bool runs(seg_buf *b, const diff_side *s, size_t k0, size_t k1, cov_segment_op op)
{
	for (size_t k = k0; k < k1;) {
		size_t e = k + 1;
		while (e < k1 && s->law[e] == s->law[e - 1] + 1 && s->owner[e] == s->owner[k])
			e++;
		cov_segment g = {op, s->tok.v[s->law[k]].start, s->tok.v[s->law[e - 1]].end, s->owner[k],
				 k == 0 || s->owner[k - 1] != s->owner[k]};
		if (!push_seg(b, g))
			return false;
		k = e;
	}
	return true;
}

/* End of the unit chunk of law words starting at k (before k1). */
static size_t chunk_end(const diff_side *s, size_t k, size_t k1)
{
	size_t e = k + 1;
	while (e < k1 && s->owner[e] == s->owner[k])
		e++;
	return e;
}

/* A change across paragraphs: what continues the current paragraph on
 * either side first, then the deleted and inserted words paragraph by
 * paragraph, each old one beside the new one in its place. */
static bool interleave(seg_buf *sb, const diff_side *a, size_t i0, size_t i1, const diff_side *b, size_t j0, size_t j1)
{
	if (i0 < i1 && !starts_unit(a, i0)) {
		size_t e = chunk_end(a, i0, i1);
		if (!runs(sb, a, i0, e, COV_SEG_DELETE))
			return false;
		i0 = e;
	}
	if (j0 < j1 && !starts_unit(b, j0)) {
		size_t e = chunk_end(b, j0, j1);
		if (!runs(sb, b, j0, e, COV_SEG_INSERT))
			return false;
		j0 = e;
	}
	while (i0 < i1 || j0 < j1) {
		if (i0 < i1) {
			size_t e = chunk_end(a, i0, i1);
			if (!runs(sb, a, i0, e, COV_SEG_DELETE))
				return false;
			i0 = e;
		}
		if (j0 < j1) {
			size_t e = chunk_end(b, j0, j1);
			if (!runs(sb, b, j0, e, COV_SEG_INSERT))
				return false;
			j0 = e;
		}
	}
	return true;
}

void diff_scratch_free(diff_scratch *ws)
{
	free(ws->count_a);
	free(ws->count_b);
	free(ws->pos_a);
	free(ws->pos_b);
	memset(ws, 0, sizeof *ws);
}

int cov_word_diff(cov_comparison *cmp, diff_scratch *ws, const diff_side *a, size_t a0, size_t a1, const diff_side *b,
		  size_t b0, size_t b1, cov_change **out, size_t *n, const cov_segment **seg, size_t *n_seg)
{
	*out = NULL;
	*n = 0;
	*seg = NULL;
	*n_seg = 0;
	edit *e = NULL;
	long ne = patience(ws, a->lids + a0, a1 - a0, b->lids + b0, b1 - b0, &e);
	grouped *g = NULL;
	size_t ng = 0;
	if (ne < 0) {
		/* too different to diff word by word: one replacement */
		g = malloc(sizeof *g);
		if (!g)
			return cov_error_set(COV_ENOMEM, "out of memory");
		g[ng++] = (grouped){0, a1 - a0, 0, b1 - b0};
	} else {
		g = malloc(((size_t)ne + 1) * sizeof *g);
		if (!g) {
			free(e);
			return cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
	/* words of one stem written differently («гражданин» → «гражданина»)
	 * are a change a lawyer reads: '=' becomes '-' and '+' */
	if (ne > 0) {
		long extra = 0;
		for (long k = 0; k < ne; k++)
			extra += e[k].op == '=' && !same_word(a, a0 + e[k].i, b, b0 + e[k].j);
		if (extra) {
			edit *w = malloc((size_t)(ne + extra) * sizeof *w);
			if (!w) {
				free(e);
				free(g);
				return cov_error_set(COV_ENOMEM, "out of memory");
			}
			long n2 = 0;
			for (long k = 0; k < ne; k++)
				if (e[k].op == '=' && !same_word(a, a0 + e[k].i, b, b0 + e[k].j)) {
					w[n2++] = (edit){'-', e[k].i, e[k].j};
					w[n2++] = (edit){'+', e[k].i + 1, e[k].j};
				} else {
					w[n2++] = e[k];
				}
			free(e);
			e = w;
			ne = n2;
			grouped *g2 = realloc(g, ((size_t)ne + 1) * sizeof *g2);
			if (!g2) {
				free(e);
				free(g);
				return cov_error_set(COV_ENOMEM, "out of memory");
			}
			g = g2;
		}
	}
	/* group: a change runs from the first '-'/'+' to the last one, absorbing
	 * runs of up to two '=' that separate edits inside one paragraph */
	long i = 0;
	while (i < ne) {
		if (e[i].op == '=') {
			i++;
			continue;
		}
		long j = i, last = i;
		while (j < ne) {
			if (e[j].op != '=') {
				last = j;
				j++;
				continue;
			}
			long eq = j;
			bool para = false;
			while (eq < ne && e[eq].op == '=') {
				para |= starts_unit(a, a0 + e[eq].i) || starts_unit(b, b0 + e[eq].j);
				eq++;
			}
			if (eq < ne && eq - j <= 2 && !para) {
				j = eq;
				continue;
			}
			break;
		}
		size_t oi0 = SIZE_MAX, oi1 = 0, nj0 = SIZE_MAX, nj1 = 0;
		for (long k = i; k <= last; k++) {
			if (e[k].op != '+') { /* '=' and '-' consume old */
				if (oi0 == SIZE_MAX)
					oi0 = e[k].i;
				oi1 = e[k].i + 1;
			}
			if (e[k].op != '-') {
				if (nj0 == SIZE_MAX)
					nj0 = e[k].j;
				nj1 = e[k].j + 1;
			}
		}
		if (oi0 == SIZE_MAX)
			oi0 = oi1 = e[i].i;
		if (nj0 == SIZE_MAX)
			nj0 = nj1 = e[i].j;
		g[ng++] = (grouped){oi0, oi1, nj0, nj1};
		i = last + 1;
	}
	free(e);
	cov_change *v = NULL;
	size_t nv = 0, cap = 0;
	seg_buf sb = {NULL, 0, 0};
	size_t oi = 0, nj = 0; /* the redline so far: old and new words written */
	bool ok = true;
	for (size_t k = 0; ok && k <= ng; k++) {
		grouped x = k < ng ? g[k] : (grouped){a1 - a0, a1 - a0, b1 - b0, b1 - b0};
		/* equal words before the change: the new text's */
		ok = runs(&sb, b, b0 + nj, b0 + x.nj0, COV_SEG_EQUAL);
		if (!ok || k == ng)
			break;
		ok = interleave(&sb, a, a0 + x.oi0, a0 + x.oi1, b, b0 + x.nj0, b0 + x.nj1);
		oi = x.oi1;
		nj = x.nj1;
		cov_change c;
		c.op = x.oi1 > x.oi0 && x.nj1 > x.nj0 ? COV_CHANGE_REPLACE : x.oi1 > x.oi0 ? COV_CHANGE_DELETE : COV_CHANGE_INSERT;
		span_of(a, a0 + x.oi0, a0 + x.oi1, a->doc->len, &c.old_start, &c.old_end);
		span_of(b, b0 + x.nj0, b0 + x.nj1, b->doc->len, &c.new_start, &c.new_end);
		ok = ok && push_change(&v, &nv, &cap, c);
	}
	(void)oi;
	free(g);
	cov_segment *stored = ok && sb.n ? cov_arena_alloc(&cmp->arena, sb.n * sizeof *stored) : NULL;
	if (!ok || (sb.n && !stored)) {
		free(v);
		free(sb.v);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	if (sb.n)
		memcpy(stored, sb.v, sb.n * sizeof *stored);
	free(sb.v);
	*seg = stored;
	*n_seg = sb.n;
	*out = v;
	*n = nv;
	return COV_OK;
}
