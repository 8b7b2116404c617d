/*
 * scan.c — finding citations in a document's own text and resolving them
 * to its units.
 *
 * A citation is a chain of groups, each a unit word and its numbers, the
 * innermost first as Russian and English write them («подпунктами 2) и 3)
 * пункта 1 статьи 72», "paragraph (b) of subsection (3) of section 12"),
 * ended by what the units belong to: the citing unit («настоящей статьи»),
 * the act itself, the constitution, another act — or nothing (this act;
 * the citing article when no article is named).  Chains joined by a list
 * word share the ending («пунктом 3 статьи 62 и пунктом 1 статьи 91
 * Конституции»).  Every word comes from data/refs/LANG.txt.
 *
 * Headings and numbers of units are never scanned (only own text), so
 * «Статья 5.» opening an article is not a citation of itself.
 */
#include "refs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_GROUPS 6
#define MAX_ITEMS 40
#define MAX_SUBS 3
#define MAX_CHAINS 8
#define MAX_PRODUCT 256

typedef struct item {
	char num[24];
	size_t ns, ne;
	bool word;                 /* written as a word («второй») */
	bool label;                /* written in brackets or quotes: "(b)", «"д1"» */
	struct { char num[16]; size_t ns, ne; cov_node_kind kind; } subs[MAX_SUBS];
	int n_subs;
} item;

typedef struct group {
	cov_node_kind kind;
	size_t ws, we;
	item items[MAX_ITEMS];
	int n;
} group;

typedef struct chain {
	group g[MAX_GROUPS];
	int n;
	size_t start, end;
	bool ended;                /* has its own ending */
	ref_gtype end_type;        /* G_SELF, G_CONSTITUTION, G_ACT (also act-lead … act-end) or G_COUNT: none */
	cov_node_kind self_kind;
	size_t act_s, act_e;
} chain;

typedef struct scanner {
	const ref_grammar *g;
	const cov_doc *doc;
	const ref_toks *t;
	bool is_constitution;
	chain *chains;             /* MAX_CHAINS, reused */
} scanner;

static bool punct_is(const ref_toks *t, size_t i, const char *s)
{
	return i < t->n && t->v[i].type == TOK_PUNCT && strcmp(ref_tok_fold(t, i), s) == 0;
}

static bool adjacent(const ref_toks *t, size_t i)
{
	return i > 0 && i < t->n && t->v[i].start == t->v[i - 1].end;
}

static bool roman(const ref_toks *t, size_t i)
{
	const ref_tok *k = &t->v[i];
	if (k->type != TOK_WORD || k->end - k->start > 7)
		return false;
	const char *raw = ref_tok_fold(t, i);
	for (; *raw; raw++)
		if (!strchr("ivxlc", *raw))
			return false;
	return k->upper;
}

static void copy_num(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* The text of tokens [a, b) glued together (they touch): «д1», "6A", "1A". */
static size_t glue(const scanner *sc, size_t a, size_t b, char *dst, size_t cap, bool raw)
{
	const ref_toks *t = sc->t;
	size_t n = 0;
	for (size_t i = a; i < b; i++) {
		const ref_tok *k = &t->v[i];
		bool fold = k->type == TOK_WORD && !raw;
		const char *src = fold ? ref_tok_fold(t, i) : sc->doc->text + k->start;
		size_t len = fold ? k->fold_len : k->end - k->start;
		if (n + len >= cap)
			len = cap - 1 - n;
		memcpy(dst + n, src, len);
		n += len;
	}
	dst[n] = '\0';
	return n;
}

/* A short label between `open` and `close` at token i: "(b)", "(1A)",
 * «"д1"»: the index of the closing token, or 0. */
static size_t label_at(const ref_toks *t, size_t i, const char *open, const char *close)
{
	if (!punct_is(t, i, open))
		return 0;
	/* characters: "(viii)", "(1A)"; in quotes only letters of a list «а», "д1" (not "State") */
	size_t k = i + 1, chars = 0, max = strcmp(open, "(") == 0 ? 4 : 2;
	while (k < t->n && k < i + 4 && t->v[k].type != TOK_PUNCT && (k == i + 1 || adjacent(t, k))) {
		for (const char *c = ref_tok_fold(t, k); *c; c++)
			chars += ((unsigned char)*c & 0xC0) != 0x80;
		k++;
	}
	if (k == i + 1 || chars > max + (max == 2 && t->v[k - 1].type == TOK_NUM) || !punct_is(t, k, close) ||
	    !adjacent(t, k) || !adjacent(t, i + 1))
		return 0;
	return k;
}

/* A capital letter suffix glued to a number: "6A", "243R", «5А»; not "1st". */
static bool letter_suffix(const ref_toks *t, size_t i)
{
	return i < t->n && t->v[i].type == TOK_WORD && adjacent(t, i) && t->v[i].upper &&
	       t->v[i].end - t->v[i].start <= 4 && (i + 1 >= t->n || !adjacent(t, i + 1) || t->v[i + 1].type == TOK_PUNCT);
}

static int parse_group_at(const scanner *sc, size_t *j, cov_node_kind *kind, char *num, size_t cap);

/* A number at token *j: «72», «2-1)», "(b)", «"д1"», "IV", «второй», "21(2)(b)",
 * «23 (часть 1)». */
static bool parse_item(const scanner *sc, size_t *j, item *it)
{
	const ref_toks *t = sc->t;
	size_t i = *j;
	if (i >= t->n)
		return false;
	memset(it, 0, sizeof *it);
	const ref_tok *k = &t->v[i];
	size_t close;
	bool ok = false;
	if (k->type == TOK_NUM) {
		size_t e = i + 1;
		if (letter_suffix(t, e))
			e++;
		glue(sc, i, e, it->num, sizeof it->num, true);
		it->ns = k->start;
		it->ne = t->v[e - 1].end;
		i = e;
		if (punct_is(t, i, ")") && adjacent(t, i)) {
			it->ne = t->v[i].end;
			i++;
		}
		ok = true;
	} else if ((close = label_at(t, i, "(", ")")) || (close = label_at(t, i, "\"", "\"")) ||
		   (close = label_at(t, i, "«", "»"))) {
		glue(sc, i + 1, close, it->num, sizeof it->num, false);
		it->ns = k->start;
		it->ne = t->v[close].end;
		it->label = true;
		i = close + 1;
		ok = true;
	}
	if (ok) {
		/* "21(2)(b)", and Kenya's "97 (1) (c)": units below, kind not said */
		while (it->n_subs < MAX_SUBS && i < t->n && !t->v[i].line_start && (close = label_at(t, i, "(", ")"))) {
			it->subs[it->n_subs].kind = COV_NODE_KIND_COUNT;
			glue(sc, i + 1, close, it->subs[it->n_subs].num, sizeof it->subs[0].num, false);
			it->subs[it->n_subs].ns = t->v[i].start;
			it->subs[it->n_subs].ne = t->v[close].end;
			it->n_subs++;
			it->ne = t->v[close].end;
			i = close + 1;
		}
		/* «статьи 23 (часть 1)»: a unit of this one, its kind said */
		if (it->n_subs < MAX_SUBS && punct_is(t, i, "(")) {
			size_t m = i + 1;
			cov_node_kind kind;
			char num[16];
			if (parse_group_at(sc, &m, &kind, num, sizeof num) && punct_is(t, m, ")")) {
				it->subs[it->n_subs].kind = kind;
				snprintf(it->subs[it->n_subs].num, sizeof it->subs[0].num, "%s", num);
				it->subs[it->n_subs].ns = t->v[i].start;
				it->subs[it->n_subs].ne = t->v[m].end;
				it->n_subs++;
				it->ne = t->v[m].end;
				i = m + 1;
			}
		}
		*j = i;
		return true;
	}
	if (k->type != TOK_WORD)
		return false;
	int ph;
	if (ref_grammar_match(sc->g, t, i, 1u << G_NUMBER, &ph) == 1) {
		snprintf(it->num, sizeof it->num, "%d", sc->g->p[ph].value);
		it->ns = k->start;
		it->ne = k->end;
		it->word = true;
		*j = i + 1;
		return true;
	}
	if (roman(t, i)) {
		copy_num(it->num, sizeof it->num, sc->doc->text + k->start, k->end - k->start);
		it->ns = k->start;
		it->ne = k->end;
		*j = i + 1;
		return true;
	}
	return false;
}

/* «часть 1» inside brackets: one unit word and one plain number. */
static int parse_group_at(const scanner *sc, size_t *j, cov_node_kind *kind, char *num, size_t cap)
{
	int ph;
	size_t len = ref_grammar_match(sc->g, sc->t, *j, 1u << G_UNIT, &ph);
	if (!len)
		return 0;
	size_t i = *j + len;
	if (i >= sc->t->n || sc->t->v[i].type != TOK_NUM)
		return 0;
	glue(sc, i, i + 1, num, cap, true);
	*kind = sc->g->p[ph].kind;
	*j = i + 1;
	return 1;
}

static bool roman_label(const char *s)
{
	return *s && strspn(s, "ivxl") == strlen(s);
}

/* Whether labels a and b are of one series: numbers, letters "(c)" "(d)",
 * roman numerals "(ii)" "(iii)" (a lone "i" or "v" is either). */
static bool same_series(const char *a, const char *b)
{
	bool da = *a >= '0' && *a <= '9', db = *b >= '0' && *b <= '9';
	if (da || db)
		return da && db;
	bool ra = roman_label(a), rb = roman_label(b);
	bool la = strlen(a) == 1, lb = strlen(b) == 1;
	return (ra && rb) || (la && lb);
}

/* "section 47(1)(c), (d) or (e)", «subsections (1)(d) and (e)»: a label
 * after an item with units below is a sibling of the deepest one of its
 * series, not a new unit of the group. */
static void sibling_of(const item *prev, item *it)
{
	if (!it->label || !prev->n_subs)
		return;
	/* "subsections (1)(d) and (2)(c)": a label of the group's own series */
	if (prev->label && same_series(prev->num, it->num))
		return;
	for (int q = prev->n_subs - 1; q >= 0; q--) {
		if (!same_series(prev->subs[q].num, it->num))
			continue;
		item x = *prev;
		x.n_subs = q + 1;
		copy_num(x.subs[q].num, sizeof x.subs[q].num, it->num, strlen(it->num));
		x.subs[q].kind = COV_NODE_KIND_COUNT;
		x.subs[q].ns = it->ns;
		x.subs[q].ne = it->ne;
		for (int r = 0; r < it->n_subs && x.n_subs < MAX_SUBS; r++)
			x.subs[x.n_subs++] = it->subs[r];
		x.ne = it->ne;
		*it = x;
		return;
	}
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* «пунктами 12-15»: a range when the second number is above the first
 * and not small (an inserted unit is «10-1», «1-2»). */
static void expand_hyphen(group *gr)
{
	item *it = &gr->items[gr->n - 1];
	char *dash = strchr(it->num, '-');
	if (!dash || it->n_subs || strchr(dash + 1, '-'))
		return;
	char *end;
	long a = strtol(it->num, &end, 10);
	if (end != dash)
		return;
	long b = strtol(dash + 1, &end, 10);
	if (*end || b <= a || b < 10 || b - a >= MAX_ITEMS)
		return;
	item base = *it;
	gr->n--;
	for (long v = a; v <= b && gr->n < MAX_ITEMS; v++) {
		item *x = &gr->items[gr->n++];
		*x = base;
		snprintf(x->num, sizeof x->num, "%ld", v);
	}
}

/* A unit word and its numbers at token *j. */
/* "the Sixth Schedule", "the Second Part": an ordinal before a unit word
 * that names a division (one item). */
static bool ordinal_group(const scanner *sc, size_t j, group *gr, size_t *end)
{
	const ref_toks *t = sc->t;
	int num, ph;
	if (j >= t->n || t->v[j].type != TOK_WORD || !t->v[j].upper ||
	    ref_grammar_match(sc->g, t, j, 1u << G_NUMBER, &num) != 1)
		return false;
	size_t len = ref_grammar_match(sc->g, t, j + 1, 1u << G_UNIT, &ph);
	if (!len)
		return false;
	cov_node_kind k = sc->g->p[ph].kind;
	if (k != COV_NODE_ATTACHMENT && k != COV_NODE_CHAPTER && k != COV_NODE_PART && k != COV_NODE_TITLE)
		return false;
	gr->kind = k;
	gr->ws = t->v[j + 1].start;
	gr->we = t->v[j + len].end;
	memset(&gr->items[0], 0, sizeof gr->items[0]);
	snprintf(gr->items[0].num, sizeof gr->items[0].num, "%d", sc->g->p[num].value);
	gr->items[0].ns = t->v[j].start;
	gr->items[0].ne = t->v[j].end;
	gr->n = 1;
	*end = j + 1 + len;
	return true;
}

static bool parse_group(const scanner *sc, size_t *j, group *gr)
{
	const ref_toks *t = sc->t;
	int ph;
	size_t len = ref_grammar_match(sc->g, t, *j, 1u << G_UNIT, &ph);
	size_t oend;
	if (!len && ordinal_group(sc, *j, gr, &oend)) {
		*j = oend;
		return true;
	}
	if (!len)
		return false;
	size_t i = *j + len;
	/* «ст.»: the dot is part of the word */
	gr->kind = sc->g->p[ph].kind;
	gr->ws = t->v[*j].start;
	gr->we = t->v[i - 1].end;
	gr->n = 0;
	if (!parse_item(sc, &i, &gr->items[0]))
		return false;
	gr->n = 1;
	expand_hyphen(gr);
	while (gr->n < MAX_ITEMS) {
		size_t k = i;
		size_t l = ref_grammar_match(sc->g, t, k, 1u << G_LIST, NULL);
		if (l) {
			k += l;
			size_t l2 = ref_grammar_match(sc->g, t, k, 1u << G_LIST, NULL); /* ", and" */
			k += l2;
			if (parse_item(sc, &k, &gr->items[gr->n])) {
				sibling_of(&gr->items[gr->n - 1], &gr->items[gr->n]);
				gr->n++;
				expand_hyphen(gr);
				i = k;
				continue;
			}
			break;
		}
		l = ref_grammar_match(sc->g, t, k, 1u << G_RANGE, NULL);
		item last;
		if (l && (k += l, parse_item(sc, &k, &last))) {
			const item *first = &gr->items[gr->n - 1];
			/* "Article 10 (2) (a) to (d)": a range of the last label */
			sibling_of(first, &last);
			int q = first->n_subs - 1;
			if (q >= 0 && last.n_subs == first->n_subs && strcmp(first->num, last.num) == 0 &&
			    strlen(first->subs[q].num) == 1 && strlen(last.subs[q].num) == 1 &&
			    first->subs[q].num[0] >= 'a' && last.subs[q].num[0] <= 'z' &&
			    last.subs[q].num[0] > first->subs[q].num[0]) {
				item base = *first;
				for (char v = (char)(first->subs[q].num[0] + 1); v <= last.subs[q].num[0] && gr->n < MAX_ITEMS;
				     v++) {
					item *it = &gr->items[gr->n++];
					*it = base;
					it->subs[q].num[0] = v;
					it->ne = last.ne;
				}
				i = k;
				continue;
			}
			if (all_digits(first->num) && all_digits(last.num)) {
				long a = strtol(first->num, NULL, 10), b = strtol(last.num, NULL, 10);
				if (b > a && b - a < MAX_ITEMS) {
					for (long v = a + 1; v <= b && gr->n < MAX_ITEMS; v++) {
						item *it = &gr->items[gr->n++];
						memset(it, 0, sizeof *it);
						snprintf(it->num, sizeof it->num, "%ld", v);
						/* the numbers between are not written: the range's span */
						it->ns = first->ns;
						it->ne = last.ne;
					}
					gr->items[gr->n - 1] = last;
					i = k;
					continue;
				}
			}
			/* "paragraphs (a) to (o)" */
			if (first->label && last.label && !first->n_subs && !last.n_subs && strlen(first->num) == 1 &&
			    strlen(last.num) == 1 && first->num[0] >= 'a' && last.num[0] <= 'z' &&
			    last.num[0] > first->num[0]) {
				item base = *first;
				for (char v = (char)(first->num[0] + 1); v < last.num[0] && gr->n < MAX_ITEMS; v++) {
					item *it = &gr->items[gr->n++];
					*it = base;
					it->num[0] = v;
					it->ne = last.ne;
				}
			}
			gr->items[gr->n++] = last;
			i = k;
			continue;
		}
		break;
	}
	*j = i;
	return true;
}

/* The end of a chain at token *j: what its units belong to. */
static void parse_ending(const scanner *sc, size_t *j, chain *c)
{
	const ref_toks *t = sc->t;
	const ref_grammar *g = sc->g;
	size_t i = *j;
	int ph;
	size_t len = ref_grammar_match(g, t, i, 1u << G_SELF | 1u << G_CONSTITUTION | 1u << G_ACT, &ph);
	/* "of the Constitution Eleventh Amendment Act": another act whose name
	 * opens with the constitution's; its next word is capitalised */
	if (len && g->p[ph].type == G_CONSTITUTION && i + len < t->n && t->v[i + len].type == TOK_WORD &&
	    t->v[i + len].upper && ref_grammar_match(g, t, i, 1u << G_ACT_LEAD, NULL))
		len = 0;
	if (len) {
		c->ended = true;
		c->end_type = g->p[ph].type;
		c->self_kind = g->p[ph].kind;
		c->act_s = t->v[i].start;
		c->act_e = t->v[i + len - 1].end;
		i += len;
		if (c->end_type == G_ACT) {
			/* the act's name: «Республики Казахстан «О правовых актах»» */
			size_t k = i, limit = i + 6;
			while (k < t->n && k < limit && !punct_is(t, k, "«") && !punct_is(t, k, "\""))
				k++;
			if (k < t->n && k < limit) {
				const char *close = punct_is(t, k, "«") ? "»" : "\"";
				size_t m = k + 1;
				while (m < t->n && m < k + 40 && !punct_is(t, m, close))
					m++;
				if (m < t->n && m < k + 40) {
					c->act_e = t->v[m].end;
					i = m + 1;
				}
			}
		}
		*j = i;
		return;
	}
	/* "of the Interpretation Act" */
	len = ref_grammar_match(g, t, i, 1u << G_ACT_LEAD, NULL);
	if (len) {
		for (size_t k = i + len; k < t->n && k < i + len + 8; k++) {
			if (t->v[k].type != TOK_WORD)
				break;
			if (ref_grammar_match(g, t, k, 1u << G_ACT_END, NULL)) {
				/* "of the Constitution Eleventh Amendment Act": the name goes on */
				bool more = false;
				for (size_t m = k + 1; m < t->n && m < i + len + 8 && t->v[m].type == TOK_WORD && t->v[k + 1].upper; m++)
					if (ref_grammar_match(g, t, m, 1u << G_ACT_END, NULL)) {
						more = true;
						break;
					}
				if (more)
					continue;
				c->ended = true;
				c->end_type = G_ACT;
				c->act_s = t->v[i].start;
				c->act_e = t->v[k].end;
				*j = k + 1;
				return;
			}
		}
	}
}

/* A chain of groups at token *j, with its ending. */
static bool parse_chain(const scanner *sc, size_t *j, chain *c)
{
	const ref_toks *t = sc->t;
	size_t i = *j;
	memset(c, 0, sizeof *c);
	c->end_type = G_COUNT;
	if (!parse_group(sc, &i, &c->g[0]))
		return false;
	c->n = 1;
	c->start = t->v[*j].start;
	while (c->n < MAX_GROUPS) {
		size_t k = i;
		size_t of = ref_grammar_match(sc->g, t, k, 1u << G_OF, NULL);
		k += of;
		/* the "of" of "of the Constitution" is the ending's, not a container's */
		if (!parse_group(sc, &k, &c->g[c->n]))
			break;
		c->n++;
		i = k;
	}
	parse_ending(sc, &i, c);
	c->end = t->v[i - 1].end;
	*j = i;
	return true;
}

/* ---- resolving ---- */

static bool lower_kind(cov_node_kind k)
{
	return k == COV_NODE_PARAGRAPH || k == COV_NODE_POINT || k == COV_NODE_SUBSECTION || k == COV_NODE_PART ||
	       k == COV_NODE_KIND_COUNT;
}

static bool division_kind(cov_node_kind k)
{
	return k == COV_NODE_ARTICLE || k == COV_NODE_SECTION;
}

/* Whether unit c has number num ("6A" and «6а» alike); a schedule the
 * parser left unnumbered is numbered by its heading ("Schedule 1A"). */
static bool num_is(const cov_node *c, const char *num)
{
	const char *have = c->num;
	if (!have[0] && c->kind == COV_NODE_ATTACHMENT && c->heading) {
		const char *sp = strchr(c->heading, ' ');
		if (!sp)
			return false;
		have = sp + 1;
		size_t n = strcspn(have, " \t\n.:;,—–-");
		return n == strlen(num) && strncasecmp(have, num, n) == 0;
	}
	return strcasecmp(have, num) == 0;
}

/* The shallowest descendant of `top` (notes excluded) with number `num`
 * whose kind `ok` accepts. */
static void find_in(const cov_node *top, const char *num, cov_node_kind kind, int pass, cov_node_kind primary,
		    int depth, const cov_node **best, int *best_depth)
{
	for (const cov_node *c = top->first; c; c = c->next) {
		/* the body before the schedules: India's "article 65" is not item 65
		 * of the Ninth Schedule (a list of acts) */
		if (c->kind == COV_NODE_NOTE || (pass >= 2 && c->kind == COV_NODE_ATTACHMENT && kind != COV_NODE_ATTACHMENT))
			continue;
		if (*best && depth >= *best_depth)
			return;
		bool ok;
		if (pass % 2 == 0)
			ok = c->kind == kind;
		else if (kind == COV_NODE_KIND_COUNT || (lower_kind(kind) && kind != COV_NODE_PART))
			ok = lower_kind(c->kind) && c->kind != COV_NODE_PART;
		else if (kind == COV_NODE_PART)
			ok = lower_kind(c->kind);
		else if (division_kind(kind))
			ok = c->kind == primary;
		else
			ok = false;
		/* a unit of another kind stands in only as a direct child: «пункт 3»
		 * of an article whose paragraphs the parser read as points, never
		 * point 3 of its paragraph 1 (an edition without paragraph 3) */
		if (ok && pass % 2 == 1 && depth > 0 && lower_kind(kind) && kind != COV_NODE_PART &&
		    kind != COV_NODE_KIND_COUNT)
			ok = false;
		if (ok && num_is(c, num)) {
			*best = c;
			*best_depth = depth;
			return;
		}
		if (c->first)
			find_in(c, num, kind, pass, primary, depth + 1, best, best_depth);
	}
}

static const cov_node *find_unit(const cov_node *top, cov_node_kind kind, const char *num, cov_node_kind primary)
{
	/* "paragraph (5) of this Schedule": its own item 5 first, whatever kind
	 * the parser gave it, not paragraph 5 of its item 2 */
	if (top->kind == COV_NODE_ATTACHMENT && kind != COV_NODE_ATTACHMENT && kind != COV_NODE_KIND_COUNT)
		for (const cov_node *c = top->first; c; c = c->next)
			if (c->kind != COV_NODE_NOTE && num_is(c, num))
				return c;
	/* from the whole text, passes 2 and 3: 0 and 1 outside the schedules
	 * (a unit of a schedule is cited with its schedule, "item 3 of Schedule
	 * 6", or from inside it) */
	bool root = top->kind == COV_NODE_DOCUMENT;
	for (int pass = root ? 2 : 0; pass < (root ? 4 : 2); pass++) {
		const cov_node *best = NULL;
		int depth = 0;
		find_in(top, num, kind, pass, primary, 0, &best, &depth);
		if (best)
			return best;
	}
	/* "item 9" (or Kenya's "section 2") of a schedule whose items the parser
	 * read as sections, articles or paragraphs: a direct child of that
	 * number, whatever its kind */
	if (kind == COV_NODE_POINT || kind == COV_NODE_PARAGRAPH || (division_kind(kind) && kind != primary)) {
		const cov_node *a = top;
		while (a && a->kind != COV_NODE_ATTACHMENT)
			a = a->parent;
		if (a)
			for (const cov_node *c = top->first; c; c = c->next)
				if (c->kind != COV_NODE_NOTE && num_is(c, num))
					return c;
	}
	return NULL;
}

static int kind_rank(cov_node_kind k);

const cov_node *ref_resolve_steps(const cov_node *top, const cov_cite_step *steps, size_t n, cov_node_kind primary)
{
	const cov_node *cur = top;
	for (size_t i = 0; i < n && cur; i++) {
		if (steps[i].within) {
			/* «частями первой и второй настоящей статьи» of an article
			 * whose parts are numbered (the Russian Federation's "1."): the
			 * numbered part; else a run of the unit's text */
			if (cur->kind == primary && i + 1 == n)
				for (const cov_node *c = cur->first; c; c = c->next)
					if (lower_kind(c->kind) && strcmp(c->num, steps[i].num) == 0) {
						cur = c;
						break;
					}
			continue;
		}
		cov_node_kind k = steps[i].kind;
		/* "section 10 of Article 12": inside an article, a section is
		 * whatever numbered unit it has */
		if (cur->kind == primary && division_kind(k) && k != primary)
			k = COV_NODE_KIND_COUNT;
		cur = find_unit(cur, k, steps[i].num, primary);
	}
	return cur;
}

const cov_node *cov_cite_resolve(const cov_doc *doc, const cov_citation *c)
{
	if (!doc || !c || !c->n_steps)
		return NULL;
	return ref_resolve_steps(doc->root, c->steps, c->n_steps, doc->primary);
}

static const cov_node *ancestor_of_kind(const cov_node *n, cov_node_kind kind)
{
	for (; n; n = n->parent)
		if (n->kind == kind)
			return n;
	return NULL;
}

static int kind_rank(cov_node_kind k)
{
	switch (k) {
	case COV_NODE_PART: return 1;
	case COV_NODE_TITLE: return 2;
	case COV_NODE_CHAPTER: return 3;
	case COV_NODE_SECTION: return 4;
	case COV_NODE_ARTICLE: return 5;
	case COV_NODE_SUBSECTION: return 6;
	case COV_NODE_PARAGRAPH: return 7;
	case COV_NODE_POINT: return 8;
	default: return 9;
	}
}

/* ---- building the list ---- */

static int push_cite(cov_refs *r, const cov_citation *c)
{
	if (!cov_grow(&r->v, &r->cap, r->n, sizeof *r->v, 64))
		return cov_error_set(COV_ENOMEM, "out of memory");
	r->v[r->n++] = *c;
	return COV_OK;
}

typedef struct line_cursor {
	size_t pos, line;
} line_cursor;

static size_t line_at(const cov_doc *doc, line_cursor *lc, size_t at)
{
	if (at < lc->pos) {
		lc->pos = 0;
		lc->line = 1;
	}
	const char *s = doc->text;
	for (size_t p = lc->pos; p < at;) {
		const char *nl = memchr(s + p, '\n', at - p);
		if (!nl)
			break;
		lc->line++;
		p = (size_t)(nl - s) + 1;
	}
	lc->pos = at;
	return lc->line;
}

/* Every citation of chain c (the product of its lists), ended by `e`. */
static int emit_chain(const scanner *sc, cov_refs *r, const chain *c, const chain *e, const cov_node *src,
		      bool in_note, size_t phrase_start, size_t phrase_end, line_cursor *lc)
{
	size_t total = 1;
	for (int k = 0; k < c->n; k++)
		total *= (size_t)c->g[k].n;
	if (total > MAX_PRODUCT)
		total = MAX_PRODUCT;
	const cov_doc *doc = sc->doc;
	for (size_t idx = 0; idx < total; idx++) {
		cov_citation ct;
		memset(&ct, 0, sizeof ct);
		ct.start = phrase_start;
		ct.end = phrase_end;
		ct.line = line_at(doc, lc, phrase_start);
		ct.source = src;
		ct.in_note = in_note;
		size_t n_steps = 0;
		for (int k = 0; k < c->n; k++) {
			size_t which = idx;
			for (int m = 0; m < k; m++)
				which /= (size_t)c->g[m].n;
			which %= (size_t)c->g[k].n;
			n_steps += 1 + (size_t)c->g[k].items[which].n_subs;
		}
		cov_cite_step *steps = cov_arena_alloc(&r->arena, n_steps * sizeof *steps);
		if (!steps)
			return cov_error_set(COV_ENOMEM, "out of memory");
		size_t s = 0;
		/* outermost first: the last group first */
		for (int k = c->n - 1; k >= 0; k--) {
			size_t which = idx;
			for (int m = 0; m < k; m++)
				which /= (size_t)c->g[m].n;
			which %= (size_t)c->g[k].n;
			const item *it = &c->g[k].items[which];
			steps[s].kind = c->g[k].kind;
			steps[s].num = cov_arena_strndup(&r->arena, it->num, strlen(it->num));
			steps[s].word_start = c->g[k].ws;
			steps[s].word_end = c->g[k].we;
			steps[s].num_start = it->ns;
			steps[s].num_end = it->n_subs ? it->subs[0].ns : it->ne;
			steps[s].within = sc->g->within[c->g[k].kind] && it->word;
			if (!steps[s].num)
				return cov_error_set(COV_ENOMEM, "out of memory");
			s++;
			for (int q = 0; q < it->n_subs; q++, s++) {
				steps[s].kind = it->subs[q].kind;
				steps[s].num = cov_arena_strndup(&r->arena, it->subs[q].num, strlen(it->subs[q].num));
				steps[s].word_start = steps[s].word_end = it->subs[q].ns;
				steps[s].num_start = it->subs[q].ns;
				steps[s].num_end = it->subs[q].ne;
				if (!steps[s].num)
					return cov_error_set(COV_ENOMEM, "out of memory");
			}
		}
		ct.steps = steps;
		ct.n_steps = n_steps;
		ref_gtype et = e ? e->end_type : G_COUNT;
		if (e) {
			ct.act_start = e->act_s;
			ct.act_end = e->act_e;
		}
		if (et == G_ACT) {
			ct.scope = COV_CITE_OTHER_ACT;
		} else if (et == G_CONSTITUTION && !sc->is_constitution) {
			ct.scope = COV_CITE_CONSTITUTION;
		} else {
			ct.scope = COV_CITE_INTERNAL;
			const cov_node *top = doc->root;
			if (et == G_SELF && e->self_kind != COV_NODE_DOCUMENT) {
				top = ancestor_of_kind(src, e->self_kind);
				if (!top && division_kind(e->self_kind))
					top = ancestor_of_kind(src, doc->primary);
				ct.relative = 1;
			} else if (et == G_COUNT && division_kind(steps[0].kind) && steps[0].kind != doc->primary &&
				   ancestor_of_kind(src, COV_NODE_ATTACHMENT)) {
				/* Kenya's Sixth Schedule has sections, the body articles:
				 * "section 15" there is the schedule's */
				top = ancestor_of_kind(src, COV_NODE_ATTACHMENT);
				if (!ref_resolve_steps(top, steps, n_steps, doc->primary))
					top = doc->root;
			} else if (et == G_COUNT && kind_rank(steps[0].kind) > kind_rank(doc->primary) &&
				   steps[0].kind != COV_NODE_ATTACHMENT) {
				/* «пункта 2» with no article: the citing article's */
				top = ancestor_of_kind(src, doc->primary);
				ct.relative = 1;
			}
			ct.target = top ? ref_resolve_steps(top, steps, n_steps, doc->primary) : NULL;
			/* "paragraph (a)" in an article whose paragraphs the parser read
			 * as points of a clause: the nearest unit around the citation
			 * that has it (a sibling, mostly) */
			const cov_node *stop = ct.relative ? ancestor_of_kind(src, COV_NODE_ATTACHMENT) : NULL;
			if (!ct.target && et == G_COUNT && ct.relative && (top || stop)) {
				/* in a schedule, up to the schedule: "item 9" cites its item 9 */
				for (const cov_node *a = src; a && !ct.target; a = a->parent) {
					if (a != top)
						ct.target = ref_resolve_steps(a, steps, n_steps, doc->primary);
					if (a == (stop ? stop : top))
						break;
				}
			}
		}
		int rc = push_cite(r, &ct);
		if (rc)
			return rc;
	}
	return COV_OK;
}

/* «настоящей статьи» standing alone: the citing unit itself. */
static int emit_self(const scanner *sc, cov_refs *r, cov_node_kind kind, size_t a, size_t b, const cov_node *src,
		     bool in_note, line_cursor *lc)
{
	const cov_node *top = ancestor_of_kind(src, kind);
	if (!top && division_kind(kind))
		top = ancestor_of_kind(src, sc->doc->primary);
	cov_cite_step *st = cov_arena_alloc(&r->arena, sizeof *st);
	if (!st)
		return cov_error_set(COV_ENOMEM, "out of memory");
	st->kind = kind;
	st->num = top ? top->num : "";
	st->word_start = a;
	st->word_end = b;
	st->num_start = st->num_end = b;
	cov_citation ct;
	memset(&ct, 0, sizeof ct);
	ct.start = a;
	ct.end = b;
	ct.line = line_at(sc->doc, lc, a);
	ct.scope = COV_CITE_INTERNAL;
	ct.steps = st;
	ct.n_steps = 1;
	ct.source = src;
	ct.in_note = in_note;
	ct.relative = 1;
	ct.target = top;
	return push_cite(r, &ct);
}

static int scan_tokens(const scanner *sc, cov_refs *r, const cov_node *src, bool in_note, line_cursor *lc)
{
	const ref_toks *t = sc->t;
	const ref_grammar *g = sc->g;
	chain *chains = sc->chains;
	int rc = COV_OK;
	for (size_t i = 0; i < t->n && rc == COV_OK;) {
		if (t->v[i].type != TOK_WORD) {
			i++;
			continue;
		}
		int ph;
		size_t sl = ref_grammar_match(g, t, i, 1u << G_SELF | 1u << G_UNIT, &ph);
		group og;
		size_t oend;
		if (!sl && ordinal_group(sc, i, &og, &oend)) {
			sl = oend - i;
			ph = -1;
		}
		if (!sl) {
			i++;
			continue;
		}
		if (ph >= 0 && g->p[ph].type == G_SELF) {
			if (g->p[ph].kind != COV_NODE_DOCUMENT)
				rc = emit_self(sc, r, g->p[ph].kind, t->v[i].start, t->v[i + sl - 1].end, src, in_note, lc);
			i += sl;
			continue;
		}
		/* «№ 13, ст. 74»: a page of a gazette, not a unit */
		bool gazette = false;
		for (size_t b = i; b-- > 0 && b + 8 >= i && !gazette;) {
			/* the dot of "No." ends no clause */
			if (punct_is(t, b, ".") && b > 0 && ref_grammar_match(g, t, b - 1, 1u << G_NOT_AFTER, NULL) == 2) {
				gazette = true;
				break;
			}
			if (punct_is(t, b, ";") || punct_is(t, b, "."))
				break;
			gazette = ref_grammar_match(g, t, b, 1u << G_NOT_AFTER, NULL) > 0;
		}
		if (gazette) {
			i += sl;
			continue;
		}
		size_t j = i;
		int nc = 0;
		if (!parse_chain(sc, &j, &chains[0])) {
			i++;
			continue;
		}
		nc = 1;
		/* «пунктом 3 статьи 62 и пунктом 1 статьи 91 Конституции» */
		while (!chains[nc - 1].ended && nc < MAX_CHAINS) {
			size_t k = j;
			size_t l = ref_grammar_match(g, t, k, 1u << G_LIST, NULL);
			if (!l)
				break;
			k += l;
			if (!parse_chain(sc, &k, &chains[nc]))
				break;
			nc++;
			j = k;
		}
		/* a chain of a list with no ending of its own takes the next one's
		 * («пунктом 3 статьи 62 и пунктом 1 статьи 91 Конституции»); one
		 * that names no article takes the article of the next that does
		 * («пунктов 1 и 2, подпункта 3) пункта 4, пункта 5 статьи 44») */
		int primary = kind_rank(sc->doc->primary);
		for (int c = 0; c + 1 < nc; c++) {
			chain *ch = &chains[c];
			int outer = kind_rank(ch->g[ch->n - 1].kind);
			/* a schedule is no unit of an article */
			if (!lower_kind(ch->g[ch->n - 1].kind))
				continue;
			for (int d = c + 1; outer > primary && d < nc; d++) {
				const chain *nx = &chains[d];
				if (kind_rank(nx->g[nx->n - 1].kind) > primary)
					continue;
				for (int k = 0; k < nx->n && ch->n < MAX_GROUPS; k++)
					if (kind_rank(nx->g[k].kind) < outer)
						ch->g[ch->n++] = nx->g[k];
				break;
			}
		}
		for (int c = 0; c < nc && rc == COV_OK; c++) {
			const chain *e = NULL;
			/* not across units of another kind: "Articles 15 and 18, section 93
			 * of the former Constitution" */
			cov_node_kind outer = chains[c].g[chains[c].n - 1].kind;
			for (int d = c; d < nc && !e && chains[d].g[chains[d].n - 1].kind == outer; d++)
				if (chains[d].ended)
					e = &chains[d];
			rc = emit_chain(sc, r, &chains[c], e, src, in_note, chains[c].start, chains[c].end, lc);
		}
		i = j > i ? j : i + 1;
	}
	return rc;
}

int cov_refs_find(const cov_data *data, const cov_doc *doc, cov_refs **out)
{
	*out = NULL;
	if (!data || !doc)
		return cov_error_set(COV_EUSAGE, "cov_refs_find: no data or document");
	ref_grammar *g;
	int rc = ref_grammar_load(data, doc->language, &g);
	if (rc)
		return rc;
	cov_refs *r = calloc(1, sizeof *r);
	if (!r) {
		ref_grammar_free(g);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	r->doc = doc;
	cov_arena_init(&r->arena);
	if (!g) {
		*out = r;
		return COV_OK;
	}
	ref_toks t;
	ref_toks_init(&t);
	scanner sc = {g, doc, &t, ref_grammar_has_text(g, G_CONST_TITLE, cov_doc_title(doc)),
		      malloc(MAX_CHAINS * sizeof(chain))};
	if (!sc.chains)
		rc = cov_error_set(COV_ENOMEM, "out of memory");
	line_cursor lc = {0, 1};
	cov_iter it;
	cov_iter_init(&it, doc->root);
	cov_event ev;
	int notes = 0;
	while (rc == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
		const cov_node *n = it.node;
		if (n->kind == COV_NODE_NOTE)
			notes += ev == COV_EVENT_ENTER ? 1 : -1;
		if (ev != COV_EVENT_ENTER || n->text_end <= n->text_start)
			continue;
		t.n = 0;
		t.fold.len = 0;
		if (!ref_tokenize(&t, doc->text, n->text_start, n->text_end)) {
			rc = cov_error_set(COV_ENOMEM, "out of memory");
			break;
		}
		if (lc.pos > n->start) {
			lc.pos = n->start;
			lc.line = n->line ? n->line : 1;
		}
		rc = scan_tokens(&sc, r, n, notes > 0, &lc);
	}
	ref_toks_free(&t);
	ref_grammar_free(g);
	free(sc.chains);
	if (rc) {
		cov_refs_free(r);
		return rc;
	}
	*out = r;
	return COV_OK;
}

void cov_refs_free(cov_refs *r)
{
	if (!r)
		return;
	free(r->v);
	cov_arena_free(&r->arena);
	free(r);
}

size_t cov_refs_count(const cov_refs *r) { return r ? r->n : 0; }
const cov_citation *cov_refs_get(const cov_refs *r, size_t i) { return r && i < r->n ? &r->v[i] : NULL; }

char *cov_cite_label(const cov_citation *c)
{
	cov_buf b;
	cov_buf_init(&b);
	for (size_t i = 0; i < c->n_steps; i++) {
		const cov_cite_step *s = &c->steps[i];
		if (i)
			cov_buf_puts(&b, s->kind == COV_NODE_KIND_COUNT ? "" : ", ");
		if (s->kind == COV_NODE_KIND_COUNT)
			cov_buf_printf(&b, "(%s)", s->num);
		else
			cov_buf_printf(&b, "%s%s%s", cov_node_kind_name(s->kind), s->num[0] ? " " : "", s->num);
	}
	if (b.oom) {
		cov_buf_free(&b);
		return NULL;
	}
	if (!b.ptr)
		return calloc(1, 1);
	return cov_buf_detach(&b, NULL);
}
