/*
 * structure.c — from classified lines to the document tree.
 *
 * A document says how it nests: Kazakhstan's constitution puts Sections
 * above Articles, the United States' puts Sections inside Articles, a
 * Commonwealth constitution numbers its sections "12." with no keyword at
 * all.  So the levels are read from the document itself:
 *
 *  1. heading lines are grouped (by keyword, or by unknown word, or as bare
 *     "12. Title" lines) and each group's numbering is measured: how many,
 *     how often it restarts, whether it runs 1, 2, 3 …;
 *  2. the *primary* group — the units the document is numbered by — is the
 *     largest group whose numbering runs through the document (restarts are
 *     allowed only right after a higher heading: articles numbered per
 *     chapter);
 *  3. groups that restart after each primary heading sit below it; the
 *     others are containers, ordered by where they first appear and how
 *     many there are (fewer and earlier is higher), else by the usual rank
 *     part > title > chapter > section;
 *  4. inside a primary unit, "1.", "1)", "(a)", "(i)" are paragraphs and
 *     points, nested by the order their styles first appear, and accepted
 *     only while their numbers run in sequence — a list that does not is
 *     text, not structure.
 * Every byte of the text belongs to exactly one node's own span, so no word
 * is ever lost.
 */
#include "parse.h"
#include "../util/chain.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#define GK_NUMHEAD (-2)
#define GK_GENERIC (-3)
#define MAX_GROUPS 128
#define MAX_DEPTH 48
#define MAX_LIST 8

typedef struct group {
	int kind;             /* cov_node_kind, or GK_NUMHEAD / GK_GENERIC */
	int keyword;          /* multi-word keyword ("Transitory Article"), else -1 */
	char key[64];         /* GK_GENERIC: the folded word */
	size_t count, chain, restarts, explained, after_primary;
	size_t first;         /* index of its first line */
	int restart_after;    /* the group whose headings its restarts follow, -1 */
	long last;
	int level;            /* 0: not a heading here */
	bool eligible;
} group;

typedef struct builder {
	const cov_data *d;
	cov_doc *doc;
	line_set *ls;
	group groups[MAX_GROUPS];
	int n_groups;
	int primary;          /* group index, -1 if none */
	int primary_level;
	/* open nodes */
	cov_node *stack[MAX_DEPTH];
	int levels[MAX_DEPTH];
	int depth;
	/* the primary (or sub-primary) unit whose paragraphs are being read */
	cov_node *owner;
	int owner_depth;
	struct {
		uint8_t style;
		long last;
	} list[MAX_LIST];
	int list_depth;
	bool body_started;
	long last_primary;
	size_t *next_primary; /* per line: value of the next primary heading, or -1 */
	cov_node_kind numhead_kind; /* what bare "12. Title" headings are (numhead_kind()) */
	long word_last;       /* value of the last unit numbered by a word alone («Second»), 0 if none */
} builder;

/* ---- grouping ---- */

static int group_for(builder *b, int kind, int keyword, const char *key, size_t line_index)
{
	for (int i = 0; i < b->n_groups; i++) {
		group *g = &b->groups[i];
		if (g->kind == kind && g->keyword == keyword && (!key || strcmp(g->key, key) == 0))
			return i;
	}
	if (b->n_groups == MAX_GROUPS)
		return -1;
	group *g = &b->groups[b->n_groups];
	memset(g, 0, sizeof *g);
	g->kind = kind;
	g->keyword = keyword;
	g->first = line_index;
	g->last = -1;
	g->restart_after = -1;
	if (key)
		snprintf(g->key, sizeof g->key, "%s", key);
	return b->n_groups++;
}

typedef struct gen_key {
	char key[64];
	size_t line;
} gen_key;

static int cmp_gen_key(const void *a, const void *b)
{
	const gen_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* «1. artikla.», «2. artikla.» …: numbered lines that repeat the same
 * word at least five times are a series of headings, not a list. */
static void assign_numbered_series(builder *b)
{
	size_t n = 0, heads = 0;
	for (size_t i = 0; i < b->ls->n; i++) {
		n += b->ls->v[i].gen;
		heads += b->ls->v[i].type == LT_NUMBERED && b->ls->v[i].numhead;
	}
	if (n < 5)
		return;
	gen_key *k = malloc(n * sizeof *k);
	if (!k)
		return;
	size_t m = 0;
	for (size_t i = 0; i < b->ls->n; i++) {
		line *l = &b->ls->v[i];
		if (l->gen) {
			line tmp = *l;
			tmp.type = LT_GENERIC;
			if (cov_generic_key(b->d, b->doc->text, &tmp, k[m].key, sizeof k[m].key) > 0) {
				k[m].line = i;
				m++;
			}
		}
	}
	qsort(k, m, sizeof *k, cmp_gen_key);
	for (size_t a = 0; a < m;) {
		size_t z = a;
		while (z < m && strcmp(k[z].key, k[a].key) == 0)
			z++;
		/* and they are most of the numbered headings: "12. Repealed." is
		 * one of a Commonwealth text's sections */
		if (z - a >= 5 && (z - a) * 2 >= heads) {
			int g = group_for(b, GK_GENERIC, -1, k[a].key, k[a].line);
			for (size_t j = a; g >= 0 && j < z; j++)
				b->ls->v[k[j].line].group = g;
		}
		a = z;
	}
	free(k);
}

/* «Dɔn ŋoo toloo 1», «Dɔn ŋoo veelɛ 2», «Artecló premieu 1», «Artecló dau 2»:
 * the number is said twice, in words and digits, so the words differ; generic
 * headings that share their first word far more often than their whole
 * words are one series. */
static void regroup_by_first_word(builder *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->ls->n; i++)
		n += b->ls->v[i].type == LT_GENERIC && b->ls->v[i].group >= 0;
	if (n < 5)
		return;
	gen_key *k = malloc(n * sizeof *k);
	if (!k)
		return;
	size_t count[MAX_GROUPS] = {0};
	for (size_t i = 0; i < b->ls->n; i++)
		if (b->ls->v[i].group >= 0)
			count[b->ls->v[i].group]++;
	size_t m = 0;
	for (size_t i = 0; i < b->ls->n; i++) {
		const line *l = &b->ls->v[i];
		if (l->type != LT_GENERIC || l->group < 0 || m == n)
			continue;
		const char *key = b->groups[l->group].key;
		const char *sp = strchr(key, ' ');
		if (!sp)
			continue;
		snprintf(k[m].key, sizeof k[m].key, "%.*s", (int)(sp - key), key);
		k[m++].line = i;
	}
	qsort(k, m, sizeof *k, cmp_gen_key);
	for (size_t a = 0; a < m;) {
		size_t z = a, biggest = 0;
		while (z < m && strcmp(k[z].key, k[a].key) == 0)
			z++;
		for (size_t j = a; j < z; j++) /* the largest whole-key group among them */
			if (count[b->ls->v[k[j].line].group] > biggest)
				biggest = count[b->ls->v[k[j].line].group];
		if (z - a >= 5 && (z - a) * 2 >= biggest * 3) {
			int g = group_for(b, GK_GENERIC, -1, k[a].key, k[a].line);
			for (size_t j = a; g >= 0 && j < z; j++)
				b->ls->v[k[j].line].group = g;
		}
		a = z;
	}
	free(k);
}

static void assign_groups(builder *b)
{
	const char *s = b->doc->text;
	for (size_t i = 0; i < b->ls->n; i++) {
		line *l = &b->ls->v[i];
		int g = -1;
		if (l->type == LT_KEYWORD) {
			const cov_keyword *k = &b->d->keywords[l->group];
			bool multi = strchr(k->word, ' ') != NULL;
			g = group_for(b, k->kind, multi ? l->group : -1, NULL, i);
		} else if (l->type == LT_NUMBERED && l->numhead) {
			/* «XII» alone is a series apart from "12." */
			g = group_for(b, GK_NUMHEAD, -1, l->style == MS_UPPER_DOT ? "roman" : "", i);
		} else if (l->type == LT_GENERIC) {
			char key[64];
			if (cov_generic_key(b->d, s, l, key, sizeof key) > 0)
				g = group_for(b, GK_GENERIC, -1, key, i);
		}
		l->group = g;
	}
	assign_numbered_series(b);
	regroup_by_first_word(b);
}

static bool is_container_kind(int kind)
{
	return kind >= 0 && kind != COV_NODE_PREAMBLE;
}

/* Does the line look like a title rather than a sentence (no final stop)? */
static bool title_like(const builder *b, const line *l)
{
	char c = b->doc->text[l->ce - 1];
	return !(c == '.' || c == ';' || c == ',' || c == ':');
}

/* The longest chain of lines of group g within lines [from, to) whose
 * numbers increase (or repeat with a suffix: "2", "2A"), found as a longest
 * increasing subsequence (cov_longest_chain, a Fenwick tree of maxima),
 * O(n log v).  A greedy scan would let a paragraph "6." steal the place of
 * the section "6." after it, and gaps of repealed sections ("20–29
 * repealed") must not break the chain.  Between chains of equal length the
 * one ending in a title-like line wins, then the later one (the heading,
 * not a paragraph of the unit before it).  Lines on the chain get in_seq;
 * returns the chain's length. */
static size_t chain_in(builder *b, int gi, size_t from, size_t to)
{
	size_t n = 0;
	for (size_t i = from; i < to; i++)
		n += b->ls->v[i].group == gi && b->ls->v[i].value >= 0 && b->ls->v[i].value < 100000;
	if (!n)
		return 0;
	size_t *idx = malloc(n * sizeof *idx);
	cov_chain_item *items = malloc(n * sizeof *items);
	bool *on = calloc(n, sizeof *on);
	size_t k = 0, len = SIZE_MAX;
	if (idx && items && on) {
		for (size_t i = from; i < to; i++) {
			line *l = &b->ls->v[i];
			if (l->group != gi || l->value < 0 || l->value >= 100000)
				continue;
			/* "2A" after "2"; years are not unit numbers */
			items[k] = (cov_chain_item){(uint32_t)l->value, l->suffix, l->value >= 1000, title_like(b, l)};
			idx[k++] = i;
		}
		len = cov_longest_chain(items, n, COV_CHAIN_LATER, on);
	}
	for (k = 0; len != SIZE_MAX && k < n; k++)
		if (on[k])
			b->ls->v[idx[k]].in_seq = true;
	free(idx), free(items), free(on);
	return len == SIZE_MAX ? 0 : len; /* no memory, no chain: the group stays text */
}

/* Lines of group g in [from, to) that are on a chain: the first and the
 * last (SIZE_MAX if none); *members counts the group's lines there. */
static void chain_span(const builder *b, int gi, size_t from, size_t to, size_t *first, size_t *last,
		       size_t *members)
{
	*first = *last = SIZE_MAX;
	*members = 0;
	for (size_t i = from; i < to; i++) {
		const line *l = &b->ls->v[i];
		if (l->group != gi)
			continue;
		(*members)++;
		if (l->in_seq) {
			if (*first == SIZE_MAX)
				*first = i;
			*last = i;
		}
	}
}

#define RESTART_MIN 5

/* Do most headings of the chain in [from, to) head some text?  A list of
 * section titles in a schedule (Malawi's entrenched sections) heads none. */
static bool chain_has_text(const builder *b, int gi, size_t from, size_t to)
{
	size_t heads = 0, with_text = 0;
	for (size_t i = from; i < to; i++) {
		const line *l = &b->ls->v[i];
		if (l->group != gi || !l->in_seq)
			continue;
		heads++;
		size_t j = i + 1;
		while (j < to && b->ls->v[j].type == LT_BLANK)
			j++;
		if (j < to && (b->ls->v[j].type == LT_TEXT || b->ls->v[j].type == LT_NOTE))
			with_text++;
	}
	return with_text * 2 >= heads;
}

/* A series that starts again at 1 before or after the longest chain (the
 * Constitution Act 1982 after the Act of 1867, each Basic Law of Israel) is
 * a series of its own, not a run of paragraphs: its chain is taken when it
 * starts at 1 and has at least RESTART_MIN headings.  Returns the length of
 * the longest chain: the others make their lines headings but do not make
 * the group weigh more when the primary series is chosen (Bosnia's
 * «1. Composition» restart under each Article and stay below them). */
static size_t chains_in(builder *b, int gi, size_t from, size_t to, int depth)
{
	size_t len = chain_in(b, gi, from, to);
	if (len == 0 || depth > 8)
		return len;
	size_t first, last, members;
	chain_span(b, gi, from, to, &first, &last, &members);
	if (first == SIZE_MAX)
		return len;
	size_t sides[2][2] = {{from, first}, {last + 1, to}};
	for (int k = 0; k < 2; k++) {
		size_t a = sides[k][0], z = sides[k][1], f, e, m;
		chain_span(b, gi, a, z, &f, &e, &m);
		if (m < RESTART_MIN)
			continue;
		size_t sub = chains_in(b, gi, a, z, depth + 1);
		chain_span(b, gi, a, z, &f, &e, &m);
		/* from 1, with few numbers skipped («1. Railways.», «4. Electricity.»
		 * among the longer items of a legislative list are no series) */
		if (sub >= RESTART_MIN && f != SIZE_MAX && b->ls->v[f].value == 1 &&
		    (long)sub * 10 >= b->ls->v[e].value * 8 && chain_has_text(b, gi, a, z))
			continue;
		for (size_t i = a; i < z; i++) /* not a series: back to what it was */
			if (b->ls->v[i].group == gi)
				b->ls->v[i].in_seq = false;
	}
	return len;
}

/* Schedules and annexes number their paragraphs anew: one chain per stretch
 * between attachment headings. */
static void longest_chain(builder *b, int gi)
{
	size_t from = 0;
	group *g = &b->groups[gi];
	g->chain = 0;
	for (size_t i = 0; i <= b->ls->n; i++) {
		if (i == b->ls->n || (b->ls->v[i].type == LT_KEYWORD && b->ls->v[i].kind == COV_NODE_ATTACHMENT)) {
			g->chain += chains_in(b, gi, from, i, 0);
			from = i;
		}
	}
}

/* Count and restarts of every group; chains of the guessed ones. */
static void measure_groups(builder *b)
{
	int prev_group = -1; /* group of the previous keyword heading */
	for (size_t i = 0; i < b->ls->n; i++) {
		line *l = &b->ls->v[i];
		if (l->group < 0)
			continue;
		group *g = &b->groups[l->group];
		g->count++;
		if (l->type == LT_KEYWORD && l->num_len == 0)
			continue; /* unnumbered: no sequence to measure */
		if (g->last >= 0 && l->value <= g->last && !(l->value == g->last && l->suffix)) {
			g->restarts++;
			/* a restart right after another group's heading: numbered per container */
			if (prev_group >= 0 && prev_group != l->group) {
				g->explained++;
				g->restart_after = prev_group;
			}
		}
		g->last = l->value;
		if (g->kind >= 0) {
			l->in_seq = true;
			prev_group = l->group;
		}
	}
	for (int gi = 0; gi < b->n_groups; gi++)
		if (b->groups[gi].kind < 0)
			longest_chain(b, gi);
}

static size_t effective(const group *g)
{
	return g->kind >= 0 ? g->count : g->chain;
}

static void choose_primary(builder *b)
{
	b->primary = -1;
	size_t best = 0;
	for (int i = 0; i < b->n_groups; i++) {
		group *g = &b->groups[i];
		bool ok;
		if (g->kind >= 0) {
			ok = g->keyword < 0 &&
			     (g->kind == COV_NODE_ARTICLE || g->kind == COV_NODE_SECTION ||
			      g->kind == COV_NODE_SUBSECTION) &&
			     (g->restarts * 4 <= g->count || g->explained * 3 >= g->restarts * 2);
		} else if (g->kind == GK_NUMHEAD) {
			/* bare "12. Title" lines mix with short numbered paragraphs:
			 * the chain must be long, not pure */
			ok = g->chain >= 3 && (g->chain * 10 >= g->count * 6 || (g->chain >= 10 && g->chain * 10 >= g->count * 3));
		} else {
			ok = g->chain >= 3 && g->chain * 10 >= g->count * 8;
		}
		g->eligible = ok;
		/* a known keyword counts double against guesses */
		size_t score = effective(g) * (g->kind >= 0 ? 2 : 1);
		if (ok && score > best) {
			best = score;
			b->primary = i;
		}
	}
}

/* Does group k restart right after the primary's headings (sections inside
 * articles)? */
static bool restarts_after_primary(builder *b, int k)
{
	int prev = -1;
	long last = -1;
	size_t after = 0, restarts = 0;
	for (size_t i = 0; i < b->ls->n; i++) {
		line *l = &b->ls->v[i];
		if (l->group < 0 || b->groups[l->group].kind < 0)
			continue;
		if (l->group == k) {
			if (last >= 0 && l->value <= last) {
				restarts++;
				after += prev == b->primary;
			}
			last = l->value;
		}
		prev = l->group;
	}
	return restarts > 0 && after * 2 >= restarts;
}

static int kind_rank(int kind)
{
	switch (kind) {
	case COV_NODE_ATTACHMENT: return 0;
	case COV_NODE_PART: return 1;
	case COV_NODE_TITLE: return 2;
	case COV_NODE_CHAPTER: return 3;
	case COV_NODE_SECTION: return 4;
	case COV_NODE_SUBSECTION: return 5;
	case COV_NODE_ARTICLE: return 6;
	default: return 7;
	}
}

/* Is container a above container b?  Fewer and earlier wins (Kenya's
 * Chapters hold Parts); otherwise the usual rank. */
static bool above(const builder *bd, int ai, int bi)
{
	const group *a = &bd->groups[ai], *b = &bd->groups[bi];
	/* numbered anew under each of the other's headings: below it */
	if (b->restart_after == ai && a->restart_after != bi)
		return true;
	if (a->restart_after == bi && b->restart_after != ai)
		return false;
	if (a->first < b->first && a->count < b->count)
		return true;
	if (b->first < a->first && b->count < a->count)
		return false;
	return kind_rank(a->kind) < kind_rank(b->kind);
}

/* ---- gaps in the primary series ---- */

static size_t words_in(const char *s, size_t from, size_t to);
static size_t next_content(const builder *b, size_t i);

/* Folded first word of a line (up to a space, digit or punctuation). */
static size_t first_word(const builder *b, const line *l, char *out, size_t cap)
{
	const char *s = b->doc->text;
	size_t e = l->cs;
	while (e < l->ce && e - l->cs < 40) {
		size_t j = e;
		int32_t c = cov_utf8_next(s, l->ce, &j);
		if (!(u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
		      u_charType(c) == U_COMBINING_SPACING_MARK || c == '\'' || c == 0x2019))
			break;
		e = j;
	}
	if (e == l->cs)
		return 0;
	int fl = cov_utf8_fold(s + l->cs, e - l->cs, out, cap);
	return fl > 0 ? (size_t)fl : 0;
}

/* Does s[from..to) hold the number v in ASCII digits, not part of a longer
 * number? */
static bool has_number(const char *s, size_t from, size_t to, long v)
{
	for (size_t i = from; i < to; i++) {
		if (s[i] < '0' || s[i] > '9' || (i > from && s[i - 1] >= '0' && s[i - 1] <= '9'))
			continue;
		long x = 0;
		size_t j = i;
		while (j < to && s[j] >= '0' && s[j] <= '9' && j - i < 6)
			x = x * 10 + (s[j++] - '0');
		if (x == v && (j == to || s[j] < '0' || s[j] > '9'))
			return true;
	}
	return false;
}

/* The same word, or one letter apart in a word of four or more
 * («Baabu» and «Báabu»): code points compared, folded UTF-8 in. */
static bool near_word(const char *a, size_t an, const char *b, size_t bn)
{
	if (an == bn && memcmp(a, b, an) == 0)
		return true;
	int32_t x[48], y[48];
	size_t nx = 0, ny = 0;
	for (size_t i = 0; i < an && nx < 48;)
		x[nx++] = cov_utf8_next(a, an, &i);
	for (size_t i = 0; i < bn && ny < 48;)
		y[ny++] = cov_utf8_next(b, bn, &i);
	if (nx < 4 || ny < 4 || (nx > ny ? nx - ny : ny - nx) > 1)
		return false;
	size_t p = 0;
	while (p < nx && p < ny && x[p] == y[p])
		p++;
	size_t qx = nx, qy = ny;
	while (qx > p && qy > p && x[qx - 1] == y[qy - 1])
		qx--, qy--;
	return qx - p <= 1 && qy - p <= 1; /* one substitution, insertion or deletion */
}

/* Could line l stand in the primary series at value v?  A short line, no
 * sentence, that opens with the series' word («Kibuku yantete» among
 * «Kibuku ya 2» …: the first number written as a word) or that has the
 * shape of a generic heading with exactly the number missing («Pasal 30»
 * after «Paos 29»). */
static bool fits_gap(const builder *b, const line *l, long v, const char *word, size_t wl)
{
	if ((l->type != LT_TEXT && l->type != LT_GENERIC) || l->ce - l->cs > 64)
		return false;
	const char *s = b->doc->text;
	char last = s[l->ce - 1];
	if (last == ',' || last == ';' || words_in(s, l->cs, l->ce) > 6)
		return false;
	if (l->type == LT_GENERIC && l->value == v)
		return true;
	/* the series' shape with a misprinted number: «01 ވަނަ މާއްދާ» for 10
	 * (its generic key is the series'), «Antsajiaqueca l0» (its first word) */
	const group *g = &b->groups[b->primary];
	char key[64];
	if (l->type == LT_GENERIC && g->kind == GK_GENERIC &&
	    cov_generic_key(b->d, s, l, key, sizeof key) > 0 && strcmp(key, g->key) == 0)
		return true;
	/* the number is there, the rest misprinted: «弟23条» among «第22条»,
	 * «17статья», «Articulo 22.» among «Artículo 21.», «8 Ngayilii» */
	if (has_number(s, l->cs, l->ce, v))
		return true;
	char w[64];
	size_t n = first_word(b, l, w, sizeof w);
	if (wl == 0 || !near_word(w, n, word, wl))
		return false;
	/* the rest is no sentence: it does not end in a full stop after many words */
	return !(last == '.' && words_in(s, l->cs, l->ce) > 3);
}

static void fill_line(line *l, int gi, long v)
{
	l->group = gi;
	l->in_seq = true;
	l->value = v;
	l->filled = true;
	l->suffix = false;
	l->num_at = l->cs;
	l->num_len = 0;
	l->after = l->ce;
}

/* Headings of the primary series whose number is written otherwise (a
 * word, a typo): a gap of k numbers between two headings of the series
 * with exactly k lines that fit is filled by them, in order; so is one
 * missing first heading and one missing last. */
static void fill_gaps(builder *b)
{
	if (b->primary < 0)
		return;
	const group *g = &b->groups[b->primary];
	size_t first = SIZE_MAX, members = 0;
	for (size_t i = 0; i < b->ls->n; i++)
		if (b->ls->v[i].group == b->primary && (g->kind >= 0 || b->ls->v[i].in_seq)) {
			if (first == SIZE_MAX)
				first = i;
			members++;
		}
	if (members < 5)
		return;
	char word[64];
	size_t wl = first_word(b, &b->ls->v[first], word, sizeof word);
	size_t prev = SIZE_MAX; /* index of the previous member */
	long prev_v = 0;
	size_t cand[4];
	for (size_t i = 0; i <= b->ls->n; i++) {
		bool end = i == b->ls->n;
		line *l = end ? NULL : &b->ls->v[i];
		if (!end && !(l->group == b->primary && (g->kind >= 0 || l->in_seq)))
			continue;
		if (!end && l->num_len == 0 && !l->filled)
			continue;
		long v = end ? prev_v + 2 : l->value;
		long missing = v - prev_v - 1;
		if (missing >= 1 && missing <= 3 && (prev != SIZE_MAX || prev_v == 0)) {
			size_t from = prev == SIZE_MAX ? 0 : prev + 1, k = 0;
			bool ok = true;
			for (size_t j = from; j < i && ok; j++) {
				line *c = &b->ls->v[j];
				if (c->type == LT_BLANK)
					continue;
				if (c->type == LT_KEYWORD || c->type == LT_PREAMBLE) {
					if (prev == SIZE_MAX) { /* before the first: only after the last other heading */
						k = 0;
						continue;
					}
					ok = false;
					break;
				}
				if (fits_gap(b, c, prev_v + 1 + (long)k, word, wl)) {
					if (k == 4) {
						ok = false;
						break;
					}
					cand[k++] = j;
				}
			}
			/* at the end only one more, and only if it is one */
			if (end && k > 1)
				ok = false;
			if (ok && k > 0 && (end || (long)k == missing))
				for (size_t m = 0; m < k; m++)
					fill_line(&b->ls->v[cand[m]], b->primary, prev_v + 1 + (long)m);
		}
		if (end)
			break;
		prev = i;
		prev_v = l->value;
	}
}

/* ---- a series of headings without numbers ---- */

/* Folded last word of a line (after the last space), without the final
 * punctuation. */
static size_t last_word(const builder *b, const line *l, char *out, size_t cap)
{
	const char *s = b->doc->text;
	size_t e = l->ce;
	while (e > l->cs && (s[e - 1] == '.' || s[e - 1] == ':'))
		e--;
	size_t w = e;
	while (w > l->cs && s[w - 1] != ' ')
		w--;
	if (w == l->cs || e - w > 40)
		return 0;
	int fl = cov_utf8_fold(s + w, e - w, out, cap);
	return fl > 0 ? (size_t)fl : 0;
}

/* A short line of two to five words, no sentence: «Shaka chechay». */
static bool series_candidate(const builder *b, const line *l)
{
	if (l->type != LT_TEXT || l->ce - l->cs > 60)
		return false;
	const char *s = b->doc->text;
	char last = s[l->ce - 1];
	size_t w = words_in(s, l->cs, l->ce);
	if (w < 2 || w > 5 || last == ',' || last == ';' || (last == '.' && w > 3))
		return false;
	for (size_t i = l->cs; i < l->ce; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return false;
	return true;
}

/* «Shaka chechay», «Shaka tusha» …, «مادهٔ اول», «مادهٔ دوم» …: when no
 * numbered series was found, a run of at least ten short lines that share
 * their first (or last) word and differ in the other words, each followed
 * by text, is the series of units, numbered by their place. */
static void word_series(builder *b)
{
	if (b->primary >= 0 && effective(&b->groups[b->primary]) >= 10)
		return;
	size_t n = 0;
	for (size_t i = 0; i < b->ls->n; i++)
		n += series_candidate(b, &b->ls->v[i]);
	if (n < 10)
		return;
	gen_key *k = malloc(2 * n * sizeof *k);
	if (!k)
		return;
	size_t m = 0;
	for (size_t i = 0; i < b->ls->n; i++) {
		const line *l = &b->ls->v[i];
		if (!series_candidate(b, l))
			continue;
		char w[48];
		size_t wl = first_word(b, l, w, sizeof w);
		if (wl) {
			snprintf(k[m].key, sizeof k[m].key, "<%s", w);
			k[m++].line = i;
		}
		wl = last_word(b, l, w, sizeof w);
		if (wl) {
			snprintf(k[m].key, sizeof k[m].key, ">%s", w);
			k[m++].line = i;
		}
	}
	qsort(k, m, sizeof *k, cmp_gen_key);
	size_t best_a = 0, best_n = 0;
	for (size_t a = 0; a < m;) {
		size_t z = a;
		while (z < m && strcmp(k[z].key, k[a].key) == 0)
			z++;
		if (z - a > best_n) {
			best_n = z - a;
			best_a = a;
		}
		a = z;
	}
	if (best_n < 10 || (b->primary >= 0 && effective(&b->groups[b->primary]) * 2 > best_n)) {
		free(k);
		return;
	}
	/* each is followed by text, and they differ */
	const char *s = b->doc->text;
	size_t followed = 0, same = 0;
	for (size_t j = best_a; j < best_a + best_n; j++) {
		const line *l = &b->ls->v[k[j].line];
		size_t nx = next_content(b, k[j].line);
		followed += nx < b->ls->n && b->ls->v[nx].type != LT_BLANK &&
			    !(j + 1 < best_a + best_n && nx == k[j + 1].line);
		if (j > best_a) {
			const line *p = &b->ls->v[k[j - 1].line];
			same += p->ce - p->cs == l->ce - l->cs && memcmp(s + p->cs, s + l->cs, l->ce - l->cs) == 0;
		}
	}
	if (followed * 10 < best_n * 9 || same * 10 > best_n) {
		free(k);
		return;
	}
	int g = group_for(b, GK_GENERIC, -1, k[best_a].key, k[best_a].line);
	if (g >= 0) {
		for (size_t j = best_a; j < best_a + best_n; j++)
			fill_line(&b->ls->v[k[j].line], g, (long)(j - best_a) + 1);
		b->groups[g].count = b->groups[g].chain = best_n;
		b->groups[g].eligible = true;
		b->primary = g;
	}
	free(k);
}

static void assign_levels(builder *b)
{
	int order[MAX_GROUPS], n = 0, below[MAX_GROUPS], nb = 0;
	const group *p = b->primary >= 0 ? &b->groups[b->primary] : NULL;
	for (int i = 0; i < b->n_groups; i++) {
		group *g = &b->groups[i];
		if (i == b->primary || !is_container_kind(g->kind))
			continue;
		if (g->keyword >= 0 && p && (g->kind == COV_NODE_ARTICLE || g->kind == p->kind))
			continue; /* "Transitory Article 3": a primary unit */
		if (p && (g->kind == COV_NODE_PARAGRAPH ||
			  ((g->kind == COV_NODE_ARTICLE || g->kind == COV_NODE_SECTION ||
			    g->kind == COV_NODE_SUBSECTION) && restarts_after_primary(b, i))))
			below[nb++] = i;
		else
			order[n++] = i;
	}
	/* insertion sort: at most a handful of containers */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && above(b, order[j], order[j - 1]); j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (int i = 0; i < n; i++)
		b->groups[order[i]].level = 2 * (i + 1);
	/* levels step by two: the odd level under the primary is for unnamed
	 * divisions ("I. Form of the State") that head a run of articles */
	n = 2 * n + 1;
	b->primary_level = n + 1;
	if (p) {
		b->groups[b->primary].level = n + 1;
		for (int i = 0; i < b->n_groups; i++) {
			group *g = &b->groups[i];
			if (g->keyword >= 0 && is_container_kind(g->kind) && !g->level &&
			    (g->kind == COV_NODE_ARTICLE || g->kind == p->kind))
				g->level = n + 1;
		}
	}
	/* below the primary: sections of US-style articles, then paragraphs;
	 * without such sections a paragraph heading («Sole Paragraph», «§ 1»)
	 * is at the level of the article's numbered items (Brazil's incisos
	 * I, II …), so it follows them, not inside the last one */
	bool sections_below = false;
	for (int i = 0; i < nb; i++)
		sections_below |= b->groups[below[i]].kind != COV_NODE_PARAGRAPH;
	for (int i = 0; i < nb; i++)
		b->groups[below[i]].level = n + 2 + (sections_below && b->groups[below[i]].kind == COV_NODE_PARAGRAPH);
}

/* ---- building ---- */

static cov_node_kind kind_of_group(const builder *b, const group *g)
{
	if (g->kind >= 0)
		return (cov_node_kind)g->kind;
	return g->kind == GK_NUMHEAD ? b->numhead_kind : COV_NODE_ARTICLE;
}

/* Bare "12. Title" headings are what the text calls its units when it
 * cites them: a Commonwealth constitution says "section 12", "this
 * section", a declaration says nothing (or "article 12") and numbers
 * articles.  Counts the heading words of data/lang of kinds section and
 * article inside the lines that are not headings. */
static void numhead_kind(builder *b)
{
	b->numhead_kind = COV_NODE_ARTICLE;
	if (b->primary < 0 || b->groups[b->primary].kind != GK_NUMHEAD)
		return;
	const char *s = b->doc->text;
	size_t sections = 0, articles = 0;
	char folded[1024];
	/* forty mentions decide */
	for (size_t i = 0; i < b->ls->n && sections + articles < 40; i++) {
		const line *l = &b->ls->v[i];
		if (l->type != LT_TEXT && l->type != LT_NUMBERED)
			continue;
		size_t from = l->type == LT_NUMBERED ? l->after : l->cs;
		size_t take = l->ce - from < 800 ? l->ce - from : 800;
		int fl = take ? cov_utf8_fold(s + from, take, folded, sizeof folded) : 0;
		for (int k = 0; k < fl; k++) {
			if (k == 0 || (folded[k - 1] != ' ' && folded[k - 1] != '('))
				continue;
			if (!cov_lexicon_may_start(&b->d->kw_start, folded + k, (size_t)(fl - k)))
				continue;
			const cov_keyword *kw = cov_lexicon_keyword(b->d, folded + k, (size_t)(fl - k), false);
			if (!kw || (kw->kind != COV_NODE_SECTION && kw->kind != COV_NODE_ARTICLE))
				continue;
			if (kw->kind == COV_NODE_SECTION)
				sections++;
			else
				articles++;
		}
	}
	if (sections > articles)
		b->numhead_kind = COV_NODE_SECTION;
}

static size_t trim_back(const char *s, size_t from, size_t to)
{
	while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t' || s[to - 1] == '\n' ||
			     s[to - 1] == '\r'))
		to--;
	return to;
}

static void close_to(builder *b, int level, size_t at)
{
	while (b->depth > 0 && b->levels[b->depth - 1] >= level) {
		cov_node *n = b->stack[--b->depth];
		n->end = at;
		if (n == b->owner) {
			b->owner = NULL;
			b->list_depth = 0;
		}
	}
}

static cov_node *open_node(builder *b, cov_node_kind kind, int level, size_t start, size_t line_no)
{
	close_to(b, level, start);
	if (b->depth == MAX_DEPTH)
		close_to(b, b->levels[b->depth - 1], start);
	cov_node *parent = b->depth ? b->stack[b->depth - 1] : b->doc->root;
	cov_node *n = cov_doc_new_node(b->doc, kind, parent);
	if (!n)
		return NULL;
	n->start = n->text_start = start;
	n->line = line_no;
	b->stack[b->depth] = n;
	b->levels[b->depth] = level;
	b->depth++;
	return n;
}

static const char *dup_span(builder *b, size_t from, size_t to)
{
	const char *p = cov_arena_strndup(&b->doc->arena, b->doc->text + from, to - from);
	return p ? p : "";
}

/* The number as printed: the normalised one itself when they are the
 * same ("5" and "5"), so most units keep one string, not two. */
static const char *dup_printed(builder *b, const char *num, size_t from, size_t to)
{
	size_t len = to - from;
	if (len && strlen(num) == len && memcmp(num, b->doc->text + from, len) == 0)
		return num;
	return dup_span(b, from, to);
}

/* A heading's title without the brackets and dashes around it. */
static const char *clean_title(builder *b, size_t from, size_t to)
{
	const char *s = b->doc->text;
	while (from < to && (s[from] == '[' || s[from] == '*' || s[from] == ' '))
		from++;
	while (to > from && (s[to - 1] == ']' || s[to - 1] == '*' || s[to - 1] == ' '))
		to--;
	return dup_span(b, from, to);
}

static void set_number(builder *b, cov_node *n, const line *l, bool generic)
{
	cov_num num;
	unsigned allow = generic ? 0 : COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_ROMAN_LOWER |
		COV_NUM_ALLOW_WORD | COV_NUM_ALLOW_LETTER | COV_NUM_ALLOW_SUFFIX | COV_NUM_ALLOW_ORDINAL;
	if (generic)
		allow |= COV_NUM_ALLOW_SUFFIX | COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_ORDINAL | COV_NUM_ALLOW_HAN |
			 COV_NUM_ALLOW_ETHIOPIC;
	const char *s = b->doc->text;
	size_t len = l->filled ? 0 : cov_num_scan(b->d, s + l->num_at, l->end - l->num_at, allow, &num);
	if (l->filled) {
		char v[24];
		snprintf(v, sizeof v, "%ld", l->value);
		n->num = cov_arena_strndup(&b->doc->arena, v, strlen(v));
		if (!n->num)
			n->num = "";
	} else if (len) {
		n->num = cov_arena_strndup(&b->doc->arena, num.norm, strlen(num.norm));
		if (!n->num)
			n->num = "";
	}
	n->num_printed = dup_printed(b, n->num, l->num_at, l->num_at + l->num_len);
	n->ordinal = (int32_t)l->value;
}

static bool ends_sentence(char c)
{
	return c == '.' || c == ';' || c == ',' || c == ':' || c == '!' || c == '?';
}

/* The words of s[from..to), counted up to 32 (every caller asks about
 * fewer: a long paragraph is not read to its end). */
static size_t words_in(const char *s, size_t from, size_t to)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = from; i < to && w < 32; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';
		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* Index of the next non-blank line after i, or ls->n. */
static size_t next_content(const builder *b, size_t i)
{
	for (i++; i < b->ls->n && b->ls->v[i].type == LT_BLANK; i++)
		;
	return i;
}

/* A note between the points of a paragraph («…касающиеся: / Примечание. См.
 * постановление … / 1) правосубъектности …»): the next line goes on with
 * the list below the paragraph level (a point of an open list, or the first
 * of a new one).  Such a note hangs from the deepest unit, so the points
 * after it stay the paragraph's, not the note's. */
static int list_find(const builder *b, mark_style st);

static bool note_inside_list(const builder *b, size_t i)
{
	size_t j = next_content(b, i);
	if (j >= b->ls->n)
		return false;
	const line *l = &b->ls->v[j];
	if (l->type != LT_NUMBERED || l->bare)
		return false;
	int k = list_find(b, (mark_style)l->style);
	return k >= 1 || (k < 0 && l->value == 1 && b->list_depth >= 1);
}

static int heading_level(builder *b, size_t i);

/* Give heading node n its title: the rest of its line, or the next line
 * when that is short and no sentence ("Section I" / "General Provisions").
 * Returns the index of the last line the heading occupies. */
static size_t take_title(builder *b, cov_node *n, size_t i, bool container)
{
	const char *s = b->doc->text;
	line *l = &b->ls->v[i];
	size_t r = l->after, e = l->ce;
	if (r < e) {
		bool bracketed = s[r] == '[' && s[e - 1] == ']';
		size_t words = words_in(s, r, e);
		if (container || bracketed || (!ends_sentence(s[e - 1]) && words <= 14) ||
		    (s[e - 1] == '.' && words <= 3)) {
			n->heading = clean_title(b, r, s[e - 1] == '.' && !container ? e - 1 : e);
			n->text_start = l->end;
		} else {
			n->text_start = r;
		}
		return i;
	}
	n->text_start = l->end;
	size_t j = next_content(b, i);
	if (j >= b->ls->n)
		return i;
	line *t = &b->ls->v[j];
	if (t->type != LT_TEXT || t->ce - t->cs > 160 || ends_sentence(s[t->ce - 1]))
		return i;
	size_t k = next_content(b, j);
	if (k >= b->ls->n || (!container && heading_level(b, k) > 0))
		return i; /* the line is the whole text of the unit, not its title */
	if (!container && t->ce - t->cs > 100)
		return i;
	n->heading = clean_title(b, t->cs, t->ce);
	n->text_start = t->end;
	return j;
}

/* Level of line i as a heading, 0 if it is not one (ignoring unnamed
 * divisions). */
static int named_heading_level(builder *b, size_t i)
{
	line *l = &b->ls->v[i];
	if (l->type == LT_PREAMBLE)
		return 1;
	if (l->group >= 0) {
		group *g = &b->groups[l->group];
		if (g->level && (g->kind >= 0 || l->in_seq))
			return g->level;
	}
	/* a gap in the primary sequence filled by a line of the same shape
	 * with a misspelt word (UDHR Ukrainian: «таття 3») */
	if (b->primary >= 0 && l->type == LT_GENERIC && b->last_primary >= 0 &&
	    l->value == b->last_primary + 1 && (long)b->next_primary[i] == l->value + 1)
		return b->primary_level;
	return 0;
}

/* "I. Form of the State", "A. Composition of the Assembly": a numbered
 * title line of its own, no sentence. */
static bool unnamed_division(const builder *b, const line *l)
{
	/* also a number word: «ONE. Civil and Political Rights» (Iraq, Mongolia) */
	if (l->type != LT_NUMBERED || (l->style != MS_UPPER_DOT && l->style != MS_WORD) || l->after >= l->ce)
		return false;
	const char *s = b->doc->text;
	char last = s[l->ce - 1];
	if (last == ';' || last == ',' || last == ':' || last == '.' || last == '-')
		return false;
	return words_in(s, l->after, l->ce) <= 20 && !(l->after < l->ce && u_islower((unsigned char)s[l->after]));
}

/* «THE NATION», "Money Bills", «President of the Republic»: a short line
 * with no number, no sentence, opening with a capital, between the text of
 * one unit and the heading of the next (Ireland, Chile, Poland). */
static bool unnumbered_title(const builder *b, size_t i)
{
	const line *l = &b->ls->v[i];
	/* not in the title block (after a preamble it may be) */
	if (l->type != LT_TEXT || l->ce - l->cs > 100 ||
	    !(b->body_started || (b->depth && b->stack[0]->kind == COV_NODE_PREAMBLE)))
		return false;
	const char *s = b->doc->text;
	if (ends_sentence(s[l->ce - 1]) || s[l->ce - 1] == '-' || words_in(s, l->cs, l->ce) > 12)
		return false;
	size_t j = l->cs;
	int32_t c = cov_utf8_next(s, l->ce, &j);
	if (!(u_isupper(c) || u_istitle(c)))
		return false;
	for (size_t k = l->cs; k < l->ce; k++)
		if (s[k] >= '0' && s[k] <= '9')
			return false;
	/* after text, not right after a heading (its title, or «Repealed») */
	size_t p = i;
	while (p > 0 && b->ls->v[p - 1].type == LT_BLANK)
		p--;
	if (p == 0)
		return false;
	const line *q = &b->ls->v[p - 1];
	int ql = named_heading_level((builder *)b, p - 1);
	/* a container with its title on its own line («Title IV. Of the
	 * Legislative Power» / «Of the Organization of the Parliament») */
	if (ql > 0)
		return ql < b->primary_level && q->type == LT_KEYWORD && q->after < q->ce;
	return !(q->type == LT_TEXT && !ends_sentence(s[q->ce - 1]) && q->ce - q->cs <= 100);
}

/* «2. Oath-Taking» between two Articles (Turkey, Macedonia, Thailand): a
 * numbered title of its own, no sentence, not the next item of a list,
 * where the units are numbered by a word. */
static bool numbered_division(const builder *b, size_t i)
{
	const line *l = &b->ls->v[i];
	if (l->type != LT_NUMBERED || l->style != MS_DOT || l->bare || l->after >= l->ce || b->primary < 0 ||
	    b->groups[b->primary].kind == GK_NUMHEAD)
		return false;
	const char *s = b->doc->text;
	if (ends_sentence(s[l->ce - 1]) || s[l->ce - 1] == '-' || words_in(s, l->after, l->ce) > 20)
		return false;
	size_t j = l->after;
	int32_t c = cov_utf8_next(s, l->ce, &j);
	if (!(u_isupper(c) || u_istitle(c)))
		return false;
	size_t p = i;
	while (p > 0 && b->ls->v[p - 1].type == LT_BLANK)
		p--;
	return p > 0 && !(b->ls->v[p - 1].type == LT_NUMBERED && b->ls->v[p - 1].style == MS_DOT);
}

/* The second of two unnumbered titles in a row: the shape alone. */
static bool unnumbered_title_next(const builder *b, size_t i)
{
	const line *l = &b->ls->v[i];
	const char *s = b->doc->text;
	if (l->ce - l->cs > 100 || ends_sentence(s[l->ce - 1]) || words_in(s, l->cs, l->ce) > 12)
		return false;
	size_t j = l->cs;
	int32_t c = cov_utf8_next(s, l->ce, &j);
	return u_isupper(c) || u_istitle(c);
}

/* Level of line i as a heading, 0 if it is not one.  An unnamed division
 * counts only when the next line that is not one itself is a heading: it
 * then titles a run of articles, and is not item "A." of a list.  So does
 * an unnumbered title, when the next is a heading of the primary series. */
static int heading_level(builder *b, size_t i)
{
	int level = named_heading_level(b, i);
	if (level || b->primary < 0)
		return level;
	if (b->ls->v[i].division)
		return b->primary_level - 1;
	if (unnamed_division(b, &b->ls->v[i])) {
		size_t j = next_content(b, i);
		while (j < b->ls->n && (unnamed_division(b, &b->ls->v[j]) || numbered_division(b, j)))
			j = next_content(b, j);
		if (j < b->ls->n && named_heading_level(b, j) > 0)
			return b->primary_level - 1;
		return 0;
	}
	if (numbered_division(b, i)) {
		size_t j = next_content(b, i);
		if (j < b->ls->n && named_heading_level(b, j) == b->primary_level)
			return b->primary_level - 1;
		return 0;
	}
	if (unnumbered_title(b, i)) {
		size_t j = next_content(b, i);
		if (j < b->ls->n && b->ls->v[j].type == LT_TEXT && unnumbered_title_next(b, j))
			j = next_content(b, j); /* «THE NATIONAL PARLIAMENT» / «CONSTITUTION AND POWERS» */
		if (j < b->ls->n && named_heading_level(b, j) == b->primary_level)
			return b->primary_level - 1;
		/* «TRANSITORY PROVISIONS» before «First» alone on its line */
		const line *n = j < b->ls->n ? &b->ls->v[j] : NULL;
		if (n && n->type == LT_NUMBERED && n->style == MS_WORD && n->value == 1 && n->after >= n->ce)
			return b->primary_level - 1;
	} else if (b->ls->v[i].type == LT_TEXT && unnumbered_title_next(b, i)) {
		size_t p = i, j = next_content(b, i);
		while (p > 0 && b->ls->v[p - 1].type == LT_BLANK)
			p--;
		if (p > 0 && unnumbered_title(b, p - 1) && j < b->ls->n &&
		    named_heading_level(b, j) == b->primary_level)
			return b->primary_level - 1;
	}
	return 0;
}

#define DIVISION_RUN 3

/* «I. Implementation of objectives», «II. Democratic principles» … with
 * text under each (Uganda's National Objectives): titled lines numbered
 * I., II., III. (or A., B., C.) in order, at least DIVISION_RUN of them with
 * nothing but text between them, are divisions even where no article
 * follows. */
static void division_runs(builder *b)
{
	if (b->primary < 0)
		return;
	const char *s = b->doc->text;
	size_t start = SIZE_MAX, len = 0;
	long last = 0;
	bool letters = false;
	for (size_t i = 0; i <= b->ls->n; i++) {
		line *l = i < b->ls->n ? &b->ls->v[i] : NULL;
		bool div = l && unnamed_division(b, l) && !(l->group >= 0 && l->in_seq);
		/* text, lists, units and blank lines between them; a container's
		 * heading ends the run (Nigeria's «A.» … «E.» of each Part) */
		bool container = l && l->group >= 0 && b->groups[l->group].level > 0 &&
				 b->groups[l->group].level < b->primary_level &&
				 (b->groups[l->group].kind >= 0 || l->in_seq);
		if (l && !div && !container && l->type != LT_PREAMBLE &&
		    !(l->type == LT_NUMBERED && l->style == MS_UPPER_DOT))
			continue;
		/* in a run of letters «C.» after «B.» is a letter, not a hundred,
		 * and «III.» no letter; in a run of romans «III.» is three */
		long v = l ? l->value : 0;
		bool letter = div && l->num_len == 1 && s[l->num_at] >= 'A' && s[l->num_at] <= 'Z';
		if (div && len && letters)
			v = letter ? s[l->num_at] - 'A' + 1 : -1;
		if (div && len && v == last + 1) {
			len++;
			last = v;
			continue;
		}
		if (len >= DIVISION_RUN)
			for (size_t j = start; j < i; j++)
				if (unnamed_division(b, &b->ls->v[j]))
					b->ls->v[j].division = true;
		len = 0;
		if (div && (v == 1 || (letter && s[l->num_at] == 'A'))) {
			letters = letter && s[l->num_at] == 'A';
			v = 1;
			start = i;
			len = 1;
			last = 1;
		}
		if (!l)
			break;
	}
}

static void compute_next_primary(builder *b)
{
	long next = -1;
	for (size_t i = b->ls->n; i-- > 0;) {
		b->next_primary[i] = (size_t)next;
		line *l = &b->ls->v[i];
		if (l->group == b->primary && b->primary >= 0 && (b->groups[b->primary].kind >= 0 || l->in_seq))
			next = l->value;
	}
}

/* Inserted articles whose superscript was lost: «Статья 671» between 67
 * and 68 is Article 67¹, numbered "67-1".  Only between the two: the last
 * article of a text jumping from 2 to 22 is Article 22, not 2¹. */
static void superscript_insert(builder *b, cov_node *n, const line *l, size_t i)
{
	long last = b->last_primary, next = (long)b->next_primary[i], v = l->value;
	if (last < 1 || l->suffix || v <= last + 1 || next != last + 1)
		return;
	long base = v / 10, sub = v % 10;
	if (base != last && v / 100 == last) {
		base = v / 100;
		sub = v % 100;
	}
	if (base != last || sub == 0)
		return;
	char num[32];
	snprintf(num, sizeof num, "%ld-%ld", base, sub);
	const char *p = cov_arena_strndup(&b->doc->arena, num, strlen(num));
	if (p) {
		n->num = p;
		n->ordinal = (int32_t)base;
	}
}

/* ---- lists: paragraphs and points ---- */

static mark_style letter_of_roman(mark_style st)
{
	switch (st) {
	case MS_ROMAN_DOT: return MS_LETTER_DOT;
	case MS_ROMAN_PAREN: return MS_LETTER_PAREN;
	case MS_ROMAN_BRACKET: return MS_LETTER_BRACKET;
	default: return MS_NONE;
	}
}

static int list_find(const builder *b, mark_style st)
{
	for (int k = b->list_depth; k-- > 0;)
		if (b->list[k].style == st)
			return k;
	return -1;
}

/* Resolve "i", "v", "x", "c" …: a letter after "h)", a roman numeral
 * after "(iii)" or to open a list at "(i)". */
static void resolve_roman(const builder *b, const char *s, size_t num_at, size_t num_len,
			  mark_style *st, long *value)
{
	mark_style letter = letter_of_roman(*st);
	if (letter == MS_NONE && *st != MS_UPPER_DOT)
		return;
	if (num_len != 1)
		return;
	long lv = (s[num_at] | 0x20) - 'a' + 1;
	if (*st == MS_UPPER_DOT) {
		int k = list_find(b, MS_UPPER_DOT);
		if (k >= 0 && b->list[k].last + 1 == lv)
			*value = lv;
		else if (k < 0 && *value != 1)
			*value = lv; /* "C." opens nothing as 100 */
		return;
	}
	int kl = list_find(b, letter), kr = list_find(b, *st);
	if ((kl >= 0 && b->list[kl].last + 1 == lv) || (kr < 0 && *value != 1)) {
		*st = letter;
		*value = lv;
	}
}

/* Try to read a numbered line (or the numbered rest of a heading line) as
 * a paragraph or point of the current owner.  Returns true if it opened a
 * node. */
static bool list_item(builder *b, size_t at, size_t num_at, size_t num_len, mark_style st, long value,
		      bool suffix, size_t after, size_t line_no, const line *l)
{
	if (!b->owner)
		return false;
	const char *s = b->doc->text;
	resolve_roman(b, s, num_at, num_len, &st, &value);
	int k = list_find(b, st);
	int depth;
	if (k >= 0) {
		long last = b->list[k].last;
		if (!(value == last + 1 || (suffix && value == last) || (value > last && value <= last + 2)))
			return false;
		depth = k;
	} else {
		if (b->list_depth == MAX_LIST || value != 1)
			return false;
		depth = b->list_depth;
	}
	int level = b->levels[b->owner_depth] + 1 + depth;
	cov_node *n = open_node(b, depth == 0 ? COV_NODE_PARAGRAPH : COV_NODE_POINT, level, at, line_no);
	if (!n)
		return false;
	b->list[depth].style = (uint8_t)st;
	b->list[depth].last = value;
	b->list_depth = depth + 1;
	cov_num num;
	size_t len = cov_num_scan(b->d, s + num_at, num_len + 8 < l->end - num_at ? num_len + 8 : l->end - num_at,
				  COV_NUM_ALLOW_ROMAN | COV_NUM_ALLOW_ROMAN_LOWER | COV_NUM_ALLOW_LETTER |
					  COV_NUM_ALLOW_SUFFIX,
				  &num);
	bool letter = st == MS_LETTER_DOT || st == MS_LETTER_PAREN || st == MS_LETTER_BRACKET;
	if (len && num.type == COV_NUM_ROMAN && letter)
		n->num = dup_span(b, num_at, num_at + num_len); /* "i" after "h" is a letter */
	else if (len)
		n->num = cov_arena_strndup(&b->doc->arena, num.norm, strlen(num.norm));
	if (!n->num)
		n->num = "";
	size_t pstart = at, pend = after;
	pend = trim_back(s, pstart, pend);
	n->num_printed = dup_printed(b, n->num, pstart, pend);
	n->ordinal = (int32_t)value;
	n->text_start = after;
	return true;
}

/* ---- preface and preamble ---- */

static bool opens_preamble(builder *b, const line *l)
{
	char folded[96];
	size_t take = l->ce - l->cs < 80 ? l->ce - l->cs : 80;
	int fl = cov_utf8_fold(b->doc->text + l->cs, take, folded, sizeof folded);
	if (fl <= 0)
		return false;
	for (size_t i = 0; i < b->d->n_langs; i++) {
		const cov_lang *lang = &b->d->langs[i];
		for (size_t j = 0; j < lang->n_openings; j++) {
			size_t len = strlen(lang->openings[j]);
			if ((size_t)fl >= len && memcmp(folded, lang->openings[j], len) == 0 &&
			    ((size_t)fl == len || folded[len] == ' ' || folded[len] == ',' ||
			     lang->openings[j][len - 1] == ',' || lang->openings[j][len - 1] == ' '))
				return true;
		}
	}
	return false;
}

/* «First» alone on its line, then text, at the start of a run (after a
 * heading or a title such as «TRANSITORY PROVISIONS»), or «Second» right
 * after the unit «First»: a unit numbered by a word. */
static bool word_unit(builder *b, size_t i)
{
	const line *l = &b->ls->v[i];
	if (l->type != LT_NUMBERED || l->style != MS_WORD || l->after < l->ce || b->primary < 0 || !b->body_started)
		return false;
	const char *s = b->doc->text;
	size_t j = next_content(b, i);
	if (j >= b->ls->n || (b->ls->v[j].type != LT_TEXT && b->ls->v[j].type != LT_NUMBERED) ||
	    (b->ls->v[j].type == LT_NUMBERED && b->ls->v[j].style == MS_WORD))
		return false;
	if (b->word_last > 0 && l->value == b->word_last + 1)
		return true;
	if (l->value != 1)
		return false;
	size_t p = i;
	while (p > 0 && b->ls->v[p - 1].type == LT_BLANK)
		p--;
	if (p == 0)
		return false;
	const line *q = &b->ls->v[p - 1];
	return heading_level(b, p - 1) > 0 ||
	       (q->type == LT_TEXT && !ends_sentence(s[q->ce - 1]) && q->ce - q->cs <= 100);
}

/* ---- the pass ---- */

static int build(builder *b)
{
	const char *s = b->doc->text;
	bool prev_blank = true;
	for (size_t i = 0; i < b->ls->n; i++) {
		line *l = &b->ls->v[i];
		int level = heading_level(b, i);
		if (level > 0) {
			b->body_started = true;
			cov_node_kind kind;
			bool primary_like = false;
			if (l->type == LT_PREAMBLE) {
				kind = COV_NODE_PREAMBLE;
			} else if ((l->type == LT_NUMBERED || l->type == LT_TEXT) && level == b->primary_level - 1) {
				kind = COV_NODE_HCONTAINER;
			} else if (l->group >= 0 && b->groups[l->group].level == level) {
				kind = kind_of_group(b, &b->groups[l->group]);
				primary_like = level >= b->primary_level && b->primary >= 0;
			} else {
				kind = kind_of_group(b, &b->groups[b->primary]);
				primary_like = true;
			}
			/* any heading ends the preface and the preamble */
			if (b->depth && (b->stack[0]->kind == COV_NODE_PREFACE || b->stack[0]->kind == COV_NODE_PREAMBLE))
				close_to(b, 0, l->start);
			cov_node *n = open_node(b, kind, level, l->start, i + 1);
			if (!n)
				return cov_error_set(COV_ENOMEM, "out of memory");
			if (kind == COV_NODE_HCONTAINER && l->type == LT_TEXT) {
				n->num = n->num_printed = "";
				n->heading = clean_title(b, l->cs, l->ce);
				n->text_start = l->end;
				prev_blank = false;
				continue;
			}
			if (kind != COV_NODE_PREAMBLE)
				set_number(b, n, l, l->type == LT_GENERIC);
			if (kind == COV_NODE_HCONTAINER) {
				n->num_printed = dup_span(b, l->cs, l->after > l->cs ? trim_back(s, l->cs, l->after) : l->cs);
				n->heading = clean_title(b, l->after, l->ce);
				n->text_start = l->end;
				prev_blank = false;
				continue;
			}
			if (level == b->primary_level && b->primary >= 0)
				superscript_insert(b, n, l, i);
			if (level == b->primary_level && b->primary >= 0)
				b->last_primary = n->ordinal;
			b->list_depth = 0;
			if (primary_like) {
				b->owner = n;
				b->owner_depth = b->depth - 1;
			} else {
				b->owner = NULL;
			}
			/* "12. (1) Every person …": the heading line opens a paragraph */
			mark_style st;
			cov_num num;
			size_t after;
			if (primary_like && l->after < l->ce &&
			    cov_marker_scan(b->d, s, l->after, l->ce, &st, &num, &after)) {
				n->text_start = l->after;
				size_t num_at = l->after + (s[l->after] == '(');
				list_item(b, l->after, num_at, num.len, st, num.value, num.has_suffix, after, i + 1, l);
				prev_blank = false;
				continue;
			}
			if (kind == COV_NODE_PREAMBLE) {
				n->heading = clean_title(b, l->cs, l->ce);
				n->text_start = l->end;
			} else {
				i = take_title(b, n, i, !primary_like);
			}
			prev_blank = false;
			continue;
		}
		if (l->type == LT_BLANK) {
			prev_blank = true;
			continue;
		}
		if (l->type == LT_NOTE && b->body_started && b->depth) {
			/* a note hangs from the unit (the article when there is one),
			 * beside its paragraphs: the next paragraph or heading ends it */
			int note_level = b->owner ? b->levels[b->owner_depth] + 1 : b->levels[b->depth - 1] + 1;
			if (!b->owner && note_level < b->primary_level)
				note_level = b->primary_level; /* the next article must close it */
			if (b->owner && note_inside_list(b, i))
				note_level = b->levels[b->depth - 1] + 1; /* the deepest unit's: the list goes on after it */
			cov_node *n = open_node(b, COV_NODE_NOTE, note_level, l->start, i + 1);
			if (!n)
				return cov_error_set(COV_ENOMEM, "out of memory");
			prev_blank = false;
			continue;
		}
		if (word_unit(b, i)) {
			/* «First», «Second» … alone on their lines: transitory
			 * provisions numbered by words, units of the primary level */
			cov_node *n = open_node(b, kind_of_group(b, &b->groups[b->primary]), b->primary_level, l->start,
						i + 1);
			if (!n)
				return cov_error_set(COV_ENOMEM, "out of memory");
			char v[24];
			snprintf(v, sizeof v, "%ld", l->value);
			n->num = cov_arena_strndup(&b->doc->arena, v, strlen(v));
			if (!n->num)
				n->num = "";
			n->num_printed = dup_span(b, l->num_at, l->num_at + l->num_len);
			n->ordinal = (int32_t)l->value;
			n->text_start = l->end;
			b->word_last = l->value;
			b->owner = n;
			b->owner_depth = b->depth - 1;
			b->list_depth = 0;
			prev_blank = false;
			continue;
		}
		if (l->type == LT_NUMBERED && b->owner && !l->bare &&
		    list_item(b, l->start, l->num_at, l->num_len, (mark_style)l->style, l->value, l->suffix, l->after,
			      i + 1, l)) {
			prev_blank = false;
			continue;
		}
		if (!b->body_started) {
			cov_node *top = b->depth ? b->stack[0] : NULL;
			if (!top) {
				bool pre = opens_preamble(b, l);
				cov_node *n = open_node(b, pre ? COV_NODE_PREAMBLE : COV_NODE_PREFACE, 1, l->start, i + 1);
				if (!n)
					return cov_error_set(COV_ENOMEM, "out of memory");
			} else if (top->kind == COV_NODE_PREFACE && prev_blank && opens_preamble(b, l)) {
				if (!open_node(b, COV_NODE_PREAMBLE, 1, l->start, i + 1))
					return cov_error_set(COV_ENOMEM, "out of memory");
			}
		} else if ((b->primary < 0 || (b->depth && b->stack[b->depth - 1]->kind == COV_NODE_ATTACHMENT)) &&
			   !b->owner && l->type == LT_NUMBERED && !l->bare) {
			/* no article-like units at all, or none in this annex:
			 * paragraphs hang from the innermost container (or the
			 * document) */
			b->owner = b->depth ? b->stack[b->depth - 1] : b->doc->root;
			b->owner_depth = b->depth - 1;
			if (b->depth == 0) {
				/* the root is not on the stack: paragraphs at level 1 */
				b->owner = NULL;
			}
			if (b->owner && !list_item(b, l->start, l->num_at, l->num_len, (mark_style)l->style, l->value,
						    l->suffix, l->after, i + 1, l))
				b->owner = NULL;
		}
		prev_blank = false;
	}
	close_to(b, 0, b->doc->len);
	return COV_OK;
}

static bool has_title_word(const builder *b, const line *l)
{
	char folded[1024];
	size_t take = l->ce - l->cs < 600 ? l->ce - l->cs : 600;
	int fl = cov_utf8_fold(b->doc->text + l->cs, take, folded, sizeof folded);
	if (fl <= 0)
		return false;
	for (size_t i = 0; i < b->d->n_langs; i++)
		for (size_t j = 0; j < b->d->langs[i].n_title_words; j++)
			for (const char *p = folded; (p = strstr(p, b->d->langs[i].title_words[j])); p++) {
				/* at the start of a word; inflected endings may follow */
				unsigned char before = p > folded ? (unsigned char)p[-1] : ' ';
				if (before == ' ' || before == '(' || before == '"' || before == '\'' || before == '-')
					return true;
			}
	return false;
}

/* The document's title: in the preface, the first line that names the act
 * («КОНСТИТУЦИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ» rather than the adoption note above
 * it), else its first line.  YAML front matter is skipped. */
static void choose_title(builder *b)
{
	const cov_node *pre = b->doc->root->first;
	if (!pre || pre->kind != COV_NODE_PREFACE)
		return;
	const char *s = b->doc->text;
	const line *first = NULL;
	bool front = false;
	/* HTML: the page's own <h1> in the preface names the act, not a line
	 * above it naming the work it belongs to (a parliament's rules under
	 * «Constitution of …, 1996») */
	for (size_t i = 0; i < b->ls->n && !first; i++) {
		const line *l = &b->ls->v[i];
		if (l->start >= pre->end)
			break;
		if (l->start >= pre->start && l->hint == 1 && l->type != LT_BLANK && l->ce - l->cs <= 300)
			first = l;
	}
	for (size_t i = 0; i < b->ls->n && !(first && first->hint == 1); i++) {
		const line *l = &b->ls->v[i];
		if (l->start < pre->start || l->type == LT_BLANK)
			continue;
		if (l->start >= pre->end)
			break;
		if (l->ce - l->cs == 3 && memcmp(s + l->cs, "---", 3) == 0 && (!first || front)) {
			front = !front; /* YAML front matter opens and closes with --- */
			continue;
		}
		if (front)
			continue;
		if (!first)
			first = l;
		if (l->ce - l->cs <= 300 && has_title_word(b, l)) {
			first = l;
			break;
		}
	}
	if (first) {
		/* a long first line is cut at 300 bytes, on a character boundary
		 * (a cut inside one is invalid UTF-8, which JSON cannot carry) */
		size_t end = first->ce < first->cs + 300 ? first->ce : first->cs + 300;
		while (end > first->cs && end < first->ce && ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
		b->doc->title = clean_title(b, first->cs, end);
	}
}

/* ---- notes: amendments and repeals ---- */

static bool contains_word(const builder *b, size_t from, size_t to, char **words, size_t n)
{
	char folded[2048];
	size_t take = to - from < 1500 ? to - from : 1500;
	int fl = cov_utf8_fold(b->doc->text + from, take, folded, sizeof folded);
	for (size_t k = 0; fl > 0 && k < n; k++)
		if (strstr(folded, words[k]))
			return true;
	return false;
}

/* «… от 10.03.2017 № 51-VI …», "No. 51-VI of 10 March 2017": every date
 * DD.MM.YYYY in a note, with the law number that follows it (№ or N). */
static void read_amendments(builder *b, cov_node *n)
{
	const char *s = b->doc->text;
	size_t a = n->text_start, e = n->text_end, count = 0;
	cov_amendment tmp[64];
	for (size_t i = a; i + 10 <= e && count < 64; i++) {
		const char *p = s + i;
		bool date = p[2] == '.' && p[5] == '.';
		for (int k = 0; date && k < 10; k++)
			if (k != 2 && k != 5 && !(p[k] >= '0' && p[k] <= '9'))
				date = false;
		if (!date || (i > a && s[i - 1] >= '0' && s[i - 1] <= '9'))
			continue;
		/* «(вводится в действие с 01.01.2023)»: when an amendment takes
		 * effect, not another amendment */
		if (b->d->n_effective_words &&
		    contains_word(b, i > a + 48 ? i - 48 : a, i, b->d->effective_words, b->d->n_effective_words)) {
			i += 9;
			continue;
		}
		char iso[11] = {p[6], p[7], p[8], p[9], '-', p[3], p[4], '-', p[0], p[1], '\0'};
		/* the law number: after "№" or "N", before a space, "(" or ";" */
		const char *law = "";
		size_t j = i + 10, limit = j + 24 < e ? j + 24 : e;
		for (; j < limit; j++) {
			bool mark = (unsigned char)s[j] == 0xE2 && j + 2 < e && (unsigned char)s[j + 1] == 0x84 &&
				    (unsigned char)s[j + 2] == 0x96; /* № */
			if (mark || (s[j] == 'N' && j + 1 < e && s[j + 1] == ' ')) {
				j += mark ? 3 : 1;
				while (j < e && s[j] == ' ')
					j++;
				size_t k = j;
				while (k < e && s[k] != ' ' && s[k] != '(' && s[k] != ';' && s[k] != ',' && s[k] != ')' &&
				       s[k] != '\n')
					k++;
				if (k > j && s[k - 1] == '-' && k < e && s[k] == '\n') {
					/* "13-" at the end of a line, "НП" on the next: one number */
					char joined[64];
					size_t l1 = k - j, k2 = k + 1;
					while (k2 < e && s[k2] != ' ' && s[k2] != ';' && s[k2] != ',' && s[k2] != ')' && s[k2] != '.' &&
					       s[k2] != '\n')
						k2++;
					if (l1 + (k2 - k - 1) < sizeof joined) {
						memcpy(joined, s + j, l1);
						memcpy(joined + l1, s + k + 1, k2 - k - 1);
						law = cov_arena_strndup(&b->doc->arena, joined, l1 + (k2 - k - 1));
						if (!law)
							law = "";
						break;
					}
				}
				law = dup_span(b, j, k);
				break;
			}
		}
		if (!*law) {
			/* "Law No. 51-VI of 10.03.2017": the number before the date */
			size_t from = i > a + 40 ? i - 40 : a;
			for (size_t k = i; k-- > from;)
				if (s[k] == 'N' && k + 3 < i && s[k + 1] == 'o' && s[k + 2] == '.') {
					size_t j2 = k + 3;
					while (j2 < i && s[j2] == ' ')
						j2++;
					size_t k2 = j2;
					while (k2 < i && s[k2] != ' ' && s[k2] != ',' && s[k2] != ';')
						k2++;
					law = dup_span(b, j2, k2);
					break;
				}
		}
		tmp[count].date = cov_arena_strndup(&b->doc->arena, iso, 10);
		tmp[count].law = law;
		if (!tmp[count].date)
			tmp[count].date = "";
		count++;
		i += 9;
	}
	if (!count)
		return;
	cov_amendment *v = cov_arena_alloc(&b->doc->arena, count * sizeof *v);
	if (!v)
		return;
	memcpy(v, tmp, count * sizeof *v);
	n->amendments = v;
	n->n_amendments = (uint32_t)count;
}

/* Notes inside a unit's own text, at its end: the amendment notes of
 * consolidated editions («… территории. (В редакции Закона Российской
 * Федерации о поправке … от 14.03.2020 № 1-ФКЗ)», «(Часть введена – …)»)
 * and a note word opening a sentence («… запрещается. Сноска. Статья 15 с
 * изменениями …», as PDF text runs them on).  They become note children,
 * so the unit's own text is the law's words alone. */
static const char *const inline_openers[] = {"в редакции", "часть введена", "статья введена", "статья в редакции",
					     "пункт введен", "пункт в редакции", "абзац введен", "часть в редакции"};

static bool inline_note_at(const builder *b, size_t p, size_t end)
{
	const char *s = b->doc->text;
	char folded[96];
	size_t take = end - p < 64 ? end - p : 64;
	if (s[p] == '(') {
		/* the parenthesis must close the unit's text */
		size_t e = end;
		while (e > p && (s[e - 1] == ' ' || s[e - 1] == '.' || s[e - 1] == ';'))
			e--;
		if (e <= p || s[e - 1] != ')' || take < 2)
			return false;
		int depth = 0; /* the parenthesis opened at p closes at e - 1 */
		for (size_t k = p; k < e; k++) {
			depth += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
			if (depth == 0 && k + 1 < e)
				return false;
		}
		int fl = cov_utf8_fold(s + p + 1, take - 1, folded, sizeof folded);
		for (size_t k = 0; fl > 0 && k < sizeof inline_openers / sizeof *inline_openers; k++)
			if (strncmp(folded, inline_openers[k], strlen(inline_openers[k])) == 0)
				return true;
		return false;
	}
	if (p < 2 || s[p - 1] != ' ' || s[p - 2] != '.' || !b->d->n_note_words)
		return false;
	/* the first two characters tell whether a note word can begin here */
	if (!cov_lexicon_may_start(&b->d->note_start, s + p, take))
		return false;
	int fl = cov_utf8_fold(s + p, take, folded, sizeof folded);
	for (size_t k = 0; fl > 0 && k < b->d->n_note_words; k++) {
		size_t wl = strlen(b->d->note_words[k]);
		if ((size_t)fl > wl && memcmp(folded, b->d->note_words[k], wl) == 0 && folded[wl] == '.')
			return true;
	}
	return false;
}

/* Whether the 8 bytes of w hold a zero byte. */
static inline bool has_zero_byte(uint64_t w)
{
	return ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
}

/* The first p' >= p (below end) where an inline note may open: a '(' or
 * the byte after ". ".  Eight bytes at a time while they hold neither. */
static size_t next_opening(const char *s, size_t p, size_t end)
{
	size_t q = p >= 2 ? p - 2 : 0;
	while (q < end) {
		uint64_t w;
		if (q + 8 <= end && (memcpy(&w, s + q, 8), !has_zero_byte(w ^ 0x2828282828282828ULL)) &&
		    !has_zero_byte(w ^ 0x2E2E2E2E2E2E2E2EULL)) {
			q += 8;
			continue;
		}
		if (s[q] == '(' && q >= p)
			return q;
		if (s[q] == '.' && q + 2 >= p && q + 2 < end && s[q + 1] == ' ')
			return q + 2;
		q++;
	}
	return end;
}

static void inline_notes(builder *b)
{
	const char *s = b->doc->text;
	cov_iter it;
	cov_iter_init(&it, b->doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		cov_node *n = (cov_node *)it.node;
		if (ev != COV_EVENT_ENTER || n->kind == COV_NODE_DOCUMENT || n->kind == COV_NODE_NOTE ||
		    n->text_end <= n->text_start)
			continue;
		size_t at = SIZE_MAX;
		for (size_t p = n->text_start; (p = next_opening(s, p, n->text_end)) < n->text_end; p++)
			if (inline_note_at(b, p, n->text_end)) {
				at = p;
				break;
			}
		if (at == SIZE_MAX)
			continue;
		cov_node *note = cov_doc_new_node(b->doc, COV_NODE_NOTE, NULL);
		if (!note)
			return;
		note->parent = n;
		note->next = n->first;
		n->first = note;
		if (!n->last)
			n->last = note;
		note->start = note->text_start = at;
		note->end = note->text_end = n->text_end;
		note->line = n->line;
		size_t e = at;
		while (e > n->text_start && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == '\t'))
			e--;
		n->text_end = e;
	}
}

/* Notes become amendments; a unit with no text and no children but notes
 * saying it was excluded is repealed; a title block saying the act lost its
 * force marks the document. */
static void read_notes(builder *b)
{
	cov_iter it;
	cov_iter_init(&it, b->doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		cov_node *n = (cov_node *)it.node;
		if (ev != COV_EVENT_ENTER)
			continue;
		if (n->kind == COV_NODE_NOTE) {
			/* a note that only points to rulings («Примечание. См. нормативное
			 * постановление Конституционного Суда …») amends nothing: its
			 * dates are not amendments */
			size_t head = n->text_end - n->text_start < 120 ? n->text_end : n->text_start + 120;
			if (!b->d->n_reference_words ||
			    !contains_word(b, n->text_start, head, b->d->reference_words, b->d->n_reference_words))
				read_amendments(b, n);
			continue;
		}
		if (n->kind == COV_NODE_PREFACE && b->d->n_repealed_words &&
		    contains_word(b, n->text_start, n->text_end, b->d->repealed_words, b->d->n_repealed_words))
			b->doc->repealed = true;
		if (!n->first || n->text_end > n->text_start)
			continue;
		bool only_notes = true, says_repealed = false;
		for (cov_node *c = n->first; c; c = c->next) {
			if (c->kind != COV_NODE_NOTE) {
				only_notes = false;
				break;
			}
			says_repealed |= contains_word(b, c->text_start, c->text_end, b->d->repealed_words, b->d->n_repealed_words);
		}
		n->repealed = only_notes && says_repealed;
	}
}

/* Own text: from after the heading to the first child, trimmed. */
void cov_doc_finish_spans(cov_doc *doc)
{
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	while ((ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		if (ev != COV_EVENT_ENTER)
			continue;
		cov_node *n = (cov_node *)it.node;
		if (n->kind == COV_NODE_DOCUMENT)
			continue;
		if (n->end < n->start)
			n->end = n->start;
		size_t stop = n->first ? n->first->start : n->end;
		if (n->text_start > stop)
			n->text_start = stop;
		while (n->text_start < stop &&
		       (doc->text[n->text_start] == ' ' || doc->text[n->text_start] == '\n' ||
			doc->text[n->text_start] == '\t' || doc->text[n->text_start] == '\r'))
			n->text_start++;
		n->text_end = trim_back(doc->text, n->text_start, stop);
	}
}

int cov_structure_build(const cov_data *d, cov_doc *doc, line_set *ls)
{
	builder *b = calloc(1, sizeof *b);
	if (!b)
		return cov_error_set(COV_ENOMEM, "out of memory");
	b->d = d;
	b->doc = doc;
	b->ls = ls;
	b->last_primary = -1;
	b->next_primary = malloc((ls->n + 1) * sizeof *b->next_primary);
	if (!b->next_primary) {
		free(b);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	assign_groups(b);
	measure_groups(b);
	choose_primary(b);
	fill_gaps(b);
	word_series(b);
	numhead_kind(b);
	assign_levels(b);
	compute_next_primary(b);
	division_runs(b);
	doc->primary = b->primary >= 0 ? kind_of_group(b, &b->groups[b->primary]) : COV_NODE_ARTICLE;
	int rc = build(b);
	if (rc == COV_OK) {
		cov_doc_finish_spans(doc);
		choose_title(b);
		inline_notes(b);
		read_notes(b);
	}
	free(b->next_primary);
	free(b);
	return rc;
}
