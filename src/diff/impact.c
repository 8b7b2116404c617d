/*
 * impact.c — what a new version changes for rights.  Both versions are
 * checked (covenant check); then, pair by pair and across the whole text:
 *
 *  - regression.right-removed: a right or a named guarantee (the right to
 *    strike) the old text stated and the new one states nowhere;
 *  - regression.holder-narrowed: "everyone" became "citizens";
 *  - regression.grounds-added: new grounds for restricting a right;
 *  - regression.treaty-primacy-removed: treaties no longer prevail over law;
 *  - improvement.death-penalty-abolished, improvement.protection-added:
 *    positives the old text did not have.
 */
#include "diff.h"
#include "../parse/lexicon.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

/* End of the first sentence of text[a, b): the holder of a right is named
 * in the sentence that grants it. */
static size_t first_sentence(const cov_doc *doc, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if ((doc->text[i] == '.' || doc->text[i] == ';') &&
		    (i + 1 == b || doc->text[i + 1] == ' ' || doc->text[i + 1] == '\n'))
			return i + 1;
	return b;
}

/* Which provisions lie inside which article: (article, provision) for
 * every article that is an ancestor of a provision's node, sorted, so the
 * provisions of one article are found by a binary search instead of a pass
 * over the whole text for every pair. */
typedef struct unit_prov {
	const cov_node *unit;
	size_t prov;
} unit_prov;

typedef struct prov_index {
	unit_prov *v;
	size_t n;
} prov_index;

static int cmp_unit_prov(const void *a, const void *b)
{
	const unit_prov *x = a, *y = b;
	if (x->unit != y->unit)
		return (uintptr_t)x->unit < (uintptr_t)y->unit ? -1 : 1;
	return x->prov < y->prov ? -1 : x->prov > y->prov;
}

static int index_provisions(const cov_review *rev, cov_node_kind primary, prov_index *ix)
{
	size_t cap = 0;
	ix->v = NULL;
	ix->n = 0;
	for (size_t i = 0; i < cov_review_provision_count(rev); i++)
		for (const cov_node *n = cov_review_provision(rev, i)->node; n; n = n->parent) {
			if (n->kind != primary)
				continue;
			if (ix->n == cap) {
				cap = cap ? cap * 2 : 256;
				unit_prov *p = realloc(ix->v, cap * sizeof *p);
				if (!p)
					return cov_error_set(COV_ENOMEM, "out of memory");
				ix->v = p;
			}
			ix->v[ix->n++] = (unit_prov){n, i};
		}
	if (ix->n)
		qsort(ix->v, ix->n, sizeof *ix->v, cmp_unit_prov);
	return COV_OK;
}


static const char *article_of(const cov_node *n, cov_node_kind primary)
{
	for (const cov_node *p = n; p; p = p->parent)
		if (p->kind == primary)
			return p->num;
	return "";
}

/* Does article `std` of the standard list `aim` among its permitted aims? */
static bool std_allows(const cov_std_article *std, const char *aim)
{
	for (size_t i = 0; i < std->n_aims; i++)
		if (strcmp(std->aims[i], aim) == 0)
			return true;
	return false;
}

static int add(const cov_data *data, cov_comparison *cmp, const char *rule, const cov_doc *doc, const cov_node *node,
	       int standard, size_t start, size_t end, size_t tstart, size_t tend, const char *message)
{
	const cov_rule_info *ri = cov_rights_rule(data->rights, rule);
	if (!ri)
		return COV_OK;
	if (cmp->n_findings == cmp->cap_findings) {
		size_t cap = cmp->cap_findings ? cmp->cap_findings * 2 : 16;
		cov_finding *p = realloc(cmp->findings, cap * sizeof *p);
		if (!p)
			return cov_error_set(COV_ENOMEM, "out of memory");
		cmp->findings = p;
		size_t(*q)[2] = realloc(cmp->before, cap * sizeof *q);
		if (!q)
			return cov_error_set(COV_ENOMEM, "out of memory");
		cmp->before = q;
		cmp->cap_findings = cap;
	}
	cmp->before[cmp->n_findings][0] = cmp->before[cmp->n_findings][1] = 0;
	cov_finding *f = &cmp->findings[cmp->n_findings++];
	f->doc = doc;
	f->rule = ri->id;
	f->severity = ri->severity;
	f->node = node;
	f->article = article_of(node, doc->primary);
	f->standard = standard;
	f->start = start;
	f->end = end;
	f->trigger_start = tstart;
	f->trigger_end = tend;
	f->message = message ? message : ri->message;
	f->grounds = NULL;
	f->n_grounds = 0;
	f->standard_id = NULL;
	f->citation = standard && *cov_standard_citation(data, standard) ? cov_standard_citation(data, standard) : NULL;
	return COV_OK;
}

/* Rights granted (or, failing a grant, mentioned) with their holder, and
 * the grounds that restrict them, in the provisions under `unit`. */
typedef struct unit_rights {
	uint64_t rights;
	const char *holder[COV_MAX_ICCPR];          /* per right */
	const cov_provision *holder_at[COV_MAX_ICCPR];
	size_t n_grounds[COV_MAX_ICCPR];
	const cov_limitation *limit_at[COV_MAX_ICCPR];
	const cov_provision *limit_prov[COV_MAX_ICCPR];
	const char *grounds[COV_MAX_ICCPR][16];     /* per right, canonical: [r][0, n_grounds[r]) */
} unit_rights;

static void gather(const cov_review *rev, const prov_index *ix, const cov_node *unit, unit_rights *u)
{
	/* grounds[r] is read below n_grounds[r] only: 8 KB not cleared per unit */
	memset(u, 0, offsetof(unit_rights, grounds));
	uint64_t ctx = 0;
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)ix->v[mid].unit < (uintptr_t)unit)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ix->n && ix->v[lo].unit == unit; lo++) {
		const cov_provision *p = cov_review_provision(rev, ix->v[lo].prov);
		uint64_t own = 0;
		for (size_t k = 0; k < p->n_rights; k++)
			own |= (uint64_t)1 << p->rights[k];
		if (own)
			ctx = own;
		u->rights |= own;
		for (int r = 1; r < COV_MAX_ICCPR; r++) {
			if (!(ctx & ((uint64_t)1 << r)))
				continue;
			if ((own & ((uint64_t)1 << r)) && p->holder[0] && !u->holder[r]) {
				u->holder[r] = p->holder;
				u->holder_at[r] = p;
			}
			for (size_t l = 0; l < p->n_limitations; l++) {
				const cov_limitation *lim = &p->limitations[l];
				if (lim->general)
					continue;
				if (!u->limit_at[r]) {
					u->limit_at[r] = lim;
					u->limit_prov[r] = p;
				}
				for (size_t g = 0; g < lim->n_grounds && u->n_grounds[r] < 16; g++) {
					bool dup = false;
					for (size_t k = 0; k < u->n_grounds[r]; k++)
						dup |= strcmp(u->grounds[r][k], lim->grounds[g]) == 0;
					if (!dup)
						u->grounds[r][u->n_grounds[r]++] = lim->grounds[g];
				}
			}
		}
	}
}

static bool has_guarantee(const cov_review *rev, const char *name, const cov_provision **where)
{
	for (size_t i = 0; i < cov_review_provision_count(rev); i++) {
		const cov_provision *p = cov_review_provision(rev, i);
		for (size_t k = 0; k < p->n_guarantees; k++)
			if (strcmp(p->guarantees[k], name) == 0) {
				if (where)
					*where = p;
				return true;
			}
	}
	return false;
}

static uint64_t all_rights(const cov_review *rev)
{
	uint64_t set = 0;
	for (size_t i = 0; i < cov_review_provision_count(rev); i++) {
		const cov_provision *p = cov_review_provision(rev, i);
		for (size_t k = 0; k < p->n_rights; k++)
			set |= (uint64_t)1 << p->rights[k];
	}
	return set;
}

static const cov_finding *finding_of(const cov_review *rev, const char *rule)
{
	for (size_t i = 0; i < cov_review_count(rev); i++)
		if (strcmp(cov_review_finding(rev, i)->rule, rule) == 0)
			return cov_review_finding(rev, i);
	return NULL;
}

/* Is `s` among v[0..n)?  (The rules and guarantees are a few dozen names.) */
static bool among(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

/* Add `s` to the set v[0..*n) (grown as needed); false if out of memory. */
static bool set_add(const char ***v, size_t *n, size_t *cap, const char *s)
{
	if (among(*v, *n, s))
		return true;
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		const char **p = realloc(*v, c * sizeof *p);
		if (!p)
			return false;
		*v = p;
		*cap = c;
	}
	(*v)[(*n)++] = s;
	return true;
}

/* The old text an impact finding is judged against. */
static void judged_against(cov_comparison *cmp, size_t n_before, size_t start, size_t end)
{
	if (cmp->n_findings > n_before) {
		cmp->before[cmp->n_findings - 1][0] = start;
		cmp->before[cmp->n_findings - 1][1] = end;
	}
}

typedef struct ordered {
	cov_finding f;
	size_t before[2];
} ordered;

static int cmp_finding(const void *a, const void *b)
{
	const cov_finding *x = &((const ordered *)a)->f, *y = &((const ordered *)b)->f;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

/* Old-side findings (what was removed) first, then the new side's, each in
 * document order. */
static int order_findings(cov_comparison *cmp)
{
	size_t n = cmp->n_findings, k = 0;
	ordered *tmp = malloc(n * sizeof *tmp);
	if (!tmp)
		return cov_error_set(COV_ENOMEM, "out of memory");
	for (int side = 0; side < 2; side++) {
		size_t from = k;
		for (size_t i = 0; i < n; i++)
			if ((cmp->findings[i].doc == cmp->old) == (side == 0)) {
				tmp[k].f = cmp->findings[i];
				tmp[k].before[0] = cmp->before[i][0];
				tmp[k].before[1] = cmp->before[i][1];
				k++;
			}
		qsort(tmp + from, k - from, sizeof *tmp, cmp_finding);
	}
	for (size_t i = 0; i < n; i++) {
		cmp->findings[i] = tmp[i].f;
		cmp->before[i][0] = tmp[i].before[0];
		cmp->before[i][1] = tmp[i].before[1];
	}
	free(tmp);
	return COV_OK;
}

/* The article (primary unit) holding a node, NULL if none. */
static const cov_node *article_node(const cov_node *n, cov_node_kind primary)
{
	for (; n; n = n->parent)
		if (n->kind == primary)
			return n;
	return NULL;
}

/* Findings before and after: an old finding is kept when the new check
 * has one of the same rule and ICCPR article in an article paired with
 * its own (or, outside articles, anywhere outside articles); the rest are
 * gone, and the new check's unmatched findings are new. */
static int match_findings(cov_comparison *cmp, const cov_review *ro, const cov_review *rn)
{
	size_t no = cov_review_count(ro), nn = cov_review_count(rn);
	bool *used = calloc(nn + 1, sizeof *used);
	cmp->matches = malloc((no + nn + 1) * sizeof *cmp->matches);
	if (!used || !cmp->matches) {
		free(used);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	cov_node_kind po = cmp->old->primary, pn = cmp->new_doc->primary;
	for (size_t i = 0; i < no; i++) {
		const cov_finding *f = cov_review_finding(ro, i);
		const cov_node *ua = article_node(f->node, po);
		size_t found = SIZE_MAX;
		for (int pass = 0; pass < 2 && found == SIZE_MAX; pass++)
			for (size_t j = 0; j < nn && found == SIZE_MAX; j++) {
				const cov_finding *g = cov_review_finding(rn, j);
				if (used[j] || g->standard != f->standard || strcmp(g->rule, f->rule) != 0)
					continue;
				const cov_node *ub = article_node(g->node, pn);
				bool paired = false;
				if (!ua || !ub) {
					paired = !ua && !ub;
				} else {
					for (size_t k = 0; k < cmp->n_pairs && !paired; k++)
						paired = cmp->pairs[k].old_node == ua && cmp->pairs[k].new_node == ub;
				}
				/* the second pass: the same rule and right anywhere, when
				 * the quote is the same sentence word for word */
				if (!paired && pass == 1)
					paired = f->end - f->start == g->end - g->start &&
						 memcmp(cmp->old->text + f->start, cmp->new_doc->text + g->start, f->end - f->start) == 0;
				if (paired)
					found = j;
			}
		if (found != SIZE_MAX)
			used[found] = true;
		cmp->matches[cmp->n_matches++] = (cov_finding_match){f, found != SIZE_MAX ? cov_review_finding(rn, found) : NULL};
	}
	for (size_t j = 0; j < nn; j++)
		if (!used[j])
			cmp->matches[cmp->n_matches++] = (cov_finding_match){NULL, cov_review_finding(rn, j)};
	free(used);
	return COV_OK;
}

/* The old text's general clause sharing most grounds with `grounds`, NULL
 * if none shares any. */
static const cov_limitation *best_general(const cov_review *ro, const char *const *grounds, size_t n)
{
	const cov_limitation *best = NULL;
	size_t best_n = 0;
	for (size_t i = 0; i < cov_review_provision_count(ro); i++) {
		const cov_provision *p = cov_review_provision(ro, i);
		for (size_t l = 0; l < p->n_limitations; l++) {
			const cov_limitation *lim = &p->limitations[l];
			size_t k = 0;
			for (size_t g = 0; lim->general && g < lim->n_grounds; g++)
				k += among(grounds, n, lim->grounds[g]);
			if (k > best_n) {
				best_n = k;
				best = lim;
			}
		}
	}
	return best;
}

int cov_diff_impact(const cov_data *data, cov_comparison *cmp, diff_side *old, diff_side *new_side)
{
	cov_review *ro = NULL, *rn = NULL;
	int rc = cov_check_tokens(data, cmp->old, NULL, &old->tok, &ro);
	/* the words both versions share were looked up in the lexicon once */
	cov_match_share(&old->tok, &new_side->tok);
	if (rc == COV_OK)
		rc = cov_check_tokens(data, cmp->new_doc, NULL, &new_side->tok, &rn);
	if (rc == COV_EINPUT) {
		/* a language without a rights lexicon: the alignment still stands */
		snprintf(cmp->impact_note, sizeof cmp->impact_note, "rights impact not computed: %s", cov_error_last());
		cov_review_free(ro);
		return COV_OK;
	}
	if (rc)
		return rc;
	cmp->reviews[0] = ro;
	cmp->reviews[1] = rn;
	rc = match_findings(cmp, ro, rn);
	/* the old text's general clauses: grounds that allowed restricting
	 * every right, whichever article states it */
	const char *general[32];
	size_t n_general = 0;
	for (size_t i = 0; i < cov_review_provision_count(ro); i++) {
		const cov_provision *p = cov_review_provision(ro, i);
		for (size_t l = 0; l < p->n_limitations; l++) {
			const cov_limitation *lim = &p->limitations[l];
			if (!lim->general)
				continue;
			for (size_t g = 0; g < lim->n_grounds && n_general < 32; g++)
				if (!among(general, n_general, lim->grounds[g]))
					general[n_general++] = lim->grounds[g];
		}
	}
	prov_index ix_old = {NULL, 0}, ix_new = {NULL, 0};
	if (rc == COV_OK)
		rc = index_provisions(ro, cmp->old->primary, &ix_old);
	if (rc == COV_OK)
		rc = index_provisions(rn, cmp->new_doc->primary, &ix_new);
	/* pair by pair: holders narrowed, grounds added */
	for (size_t i = 0; rc == COV_OK && i < cmp->n_pairs; i++) {
		const cov_pair *p = &cmp->pairs[i];
		unit_rights *a = malloc(sizeof *a), *b = malloc(sizeof *b);
		if (!a || !b) {
			free(a);
			free(b);
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		gather(ro, &ix_old, p->old_node, a);
		gather(rn, &ix_new, p->new_node, b);
		for (int r = 1; rc == COV_OK && r < COV_MAX_ICCPR; r++) {
			uint64_t bit = (uint64_t)1 << r;
			if (!(a->rights & bit) || !(b->rights & bit))
				continue;
			const char *right = cov_standard_right(data, r);
			if (a->holder[r] && b->holder[r] && strcmp(a->holder[r], "everyone") == 0 &&
			    strcmp(b->holder[r], "citizens") == 0) {
				const cov_provision *q = b->holder_at[r], *was = a->holder_at[r];
				size_t end = first_sentence(cmp->new_doc, q->node->text_start, q->node->text_end);
				size_t n_before = cmp->n_findings;
				rc = add(data, cmp, "regression.holder-narrowed", cmp->new_doc, q->node, r, q->node->text_start,
					 end, q->node->text_start, q->node->text_start,
					 cov_arena_printf(&cmp->arena, "Article %s granted %s to everyone; article %s grants it to citizens only.",
					     p->old_node->num, right, p->new_node->num));
				judged_against(cmp, n_before, was->node->text_start,
					       first_sentence(cmp->old, was->node->text_start, was->node->text_end));
			}
			const cov_std_article *std = cov_rights_article(data->rights, r);
			if (!std || std->limits != COV_LIMITS_CLOSED || !b->limit_at[r])
				continue;
			char added[512] = "", permitted[512] = "";
			for (size_t g = 0; g < b->n_grounds[r]; g++) {
				/* new only if neither the article nor a general clause of
				 * the old text allowed it */
				bool old_has = among(general, n_general, b->grounds[r][g]);
				for (size_t k = 0; k < a->n_grounds[r]; k++)
					old_has |= strcmp(a->grounds[r][k], b->grounds[r][g]) == 0;
				if (!old_has) {
					/* an aim the ICCPR allows for this right is new, not a regression */
					char *into = std_allows(std, b->grounds[r][g]) ? permitted : added;
					size_t l = strlen(into);
					snprintf(into + l, 512 - l, "%s%s", l ? ", " : "", b->grounds[r][g]);
				}
			}
			if (added[0] || permitted[0]) {
				const cov_limitation *lim = b->limit_at[r], *was;
				size_t n_before = cmp->n_findings;
				const char *msg =
				    added[0] ? cov_arena_printf(&cmp->arena, "New grounds for restricting %s (article %s, was %s), allowed neither by that article nor by a general clause of the old text: %s%s%s%s.", right,
					     p->new_node->num, p->old_node->num, added, permitted[0] ? "; also new, but among the aims " : "",
					     permitted[0] ? cov_arena_printf(&cmp->arena, "%s allows: %s", cov_standard_citation(data, r), permitted) : "", "")
					     : cov_arena_printf(&cmp->arena, "New grounds for restricting %s (article %s, was %s): %s — among the aims %s allows, so no regression in itself; for review: the law must keep such restrictions necessary and proportionate.", right,
					     p->new_node->num, p->old_node->num, permitted, cov_standard_citation(data, r));
				rc = add(data, cmp, "regression.grounds-added", cmp->new_doc, b->limit_prov[r]->node, r, lim->start,
					 lim->end, lim->start, lim->end, msg);
				if (rc == COV_OK && !added[0])
					cmp->findings[cmp->n_findings - 1].severity = COV_SEVERITY_LOW;
				/* the old side: the article's own restriction, else the
				 * general clause that allowed most of the new grounds,
				 * else the article's grant */
				if (a->limit_at[r])
					judged_against(cmp, n_before, a->limit_at[r]->start, a->limit_at[r]->end);
				else if ((was = best_general(ro, b->grounds[r], b->n_grounds[r])) != NULL)
					judged_against(cmp, n_before, was->start, was->end);
				else if (a->holder_at[r])
					judged_against(cmp, n_before, a->holder_at[r]->node->text_start,
						       first_sentence(cmp->old, a->holder_at[r]->node->text_start,
								      a->holder_at[r]->node->text_end));
			}
		}
		free(a);
		free(b);
	}
	free(ix_old.v);
	free(ix_new.v);
	/* the whole text: rights and guarantees dropped */
	uint64_t old_rights = all_rights(ro), new_rights = all_rights(rn);
	const char **seen = NULL; /* guarantees of the provisions before: each is reported once */
	size_t n_seen = 0, cap_seen = 0;
	for (size_t i = 0; rc == COV_OK && i < cov_review_provision_count(ro); i++) {
		const cov_provision *p = cov_review_provision(ro, i);
		for (size_t k = 0; rc == COV_OK && k < p->n_guarantees; k++) {
			const char *g = p->guarantees[k];
			if (among(seen, n_seen, g) || has_guarantee(rn, g, NULL))
				continue;
			bool treaty = strcmp(g, "treaty-primacy") == 0;
			/* the standard that holds the guarantee (data/standards/: the strike is ICESCR art. 8(1)(d)) */
			const cov_std_guarantee *sg = treaty ? NULL : cov_rights_guarantee(data->rights, g);
			rc = add(data, cmp, treaty ? "regression.treaty-primacy-removed" : "regression.right-removed", cmp->old,
				 p->node, 0, p->node->text_start, p->node->text_end, p->node->text_start, p->node->text_start,
				 treaty ? NULL
				 : sg	? cov_arena_printf(&cmp->arena, "The %s guarantee of article %s appears nowhere in the new text. It is %s, %s.",
							   g, p->article, sg->right, sg->citation)
					: cov_arena_printf(&cmp->arena, "The %s guarantee of article %s appears nowhere in the new text.", g,
					      p->article));
			if (rc == COV_OK && sg) {
				cmp->findings[cmp->n_findings - 1].standard_id = sg->standard;
				cmp->findings[cmp->n_findings - 1].citation = sg->citation;
			}
		}
		for (size_t k = 0; rc == COV_OK && k < p->n_guarantees; k++)
			if (!set_add(&seen, &n_seen, &cap_seen, p->guarantees[k]))
				rc = cov_error_set(COV_ENOMEM, "out of memory");
	}
	free(seen);
	for (int r = 1; rc == COV_OK && r < COV_MAX_ICCPR; r++) {
		uint64_t bit = (uint64_t)1 << r;
		if (!(old_rights & bit) || (new_rights & bit))
			continue;
		for (size_t i = 0; i < cov_review_provision_count(ro); i++) {
			const cov_provision *p = cov_review_provision(ro, i);
			bool here = false;
			for (size_t k = 0; k < p->n_rights; k++)
				here |= p->rights[k] == r;
			if (!here)
				continue;
			rc = add(data, cmp, "regression.right-removed", cmp->old, p->node, r, p->node->text_start,
				 p->node->text_end, p->node->text_start, p->node->text_start,
				 cov_arena_printf(&cmp->arena, "Article %s concerned %s; no provision of the new text does.", p->article,
				     cov_standard_right(data, r)));
			break;
		}
	}
	/* improvements */
	const cov_finding *dp_old = finding_of(ro, "death-penalty.permitted"), *dp_new = finding_of(rn, "death-penalty.abolished");
	if (rc == COV_OK && dp_old && dp_new)
		rc = add(data, cmp, "improvement.death-penalty-abolished", cmp->new_doc, dp_new->node, 6, dp_new->start,
			 dp_new->end, dp_new->trigger_start, dp_new->trigger_end, NULL);
	const char **old_rules = NULL; /* the rules the old text triggered */
	size_t n_old_rules = 0, cap_old_rules = 0;
	for (size_t i = 0; rc == COV_OK && i < cov_review_count(ro); i++)
		if (!set_add(&old_rules, &n_old_rules, &cap_old_rules, cov_review_finding(ro, i)->rule))
			rc = cov_error_set(COV_ENOMEM, "out of memory");
	for (size_t i = 0; rc == COV_OK && i < cov_review_count(rn); i++) {
		const cov_finding *f = cov_review_finding(rn, i);
		if (f->severity != COV_SEVERITY_POSITIVE || strncmp(f->rule, "death-penalty", 13) == 0 ||
		    among(old_rules, n_old_rules, f->rule))
			continue;
		rc = add(data, cmp, "improvement.protection-added", cmp->new_doc, f->node, f->standard, f->start, f->end,
			 f->trigger_start, f->trigger_end, cov_arena_printf(&cmp->arena, "New in this version: %s", f->message));
	}
	free(old_rules);
	if (rc == COV_OK && cmp->n_findings)
		rc = order_findings(cmp);
	return rc;
}
