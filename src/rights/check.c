/*
 * check.c — covenant check: every provision's rights, holder and
 * limitation clauses, and the findings of the rule catalogue
 * (data/rules.txt) against the ICCPR (data/standards/iccpr.txt).
 *
 * The document is tokenized and stemmed once; each provision (an article,
 * paragraph or point with text of its own) is matched against the
 * language's lexicon, cut into sentences, and each sentence is read for
 * the patterns of the catalogue.  Rules that need the whole document — a
 * general limitation clause applied to every right, the list of rights
 * that may never be restricted, treaty primacy — run after the walk.
 * Every finding quotes the sentence that triggered it, by byte span.
 */
#include "rights.h"
#include "../parse/lexicon.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sentence {
	size_t first, last;   /* tokens */
	size_t start, end;    /* bytes */
} sentence;

/* Concept ids the rules use; -1 when no lexicon defines them. */
enum {
	C_GRANT, C_RESTRICT, C_CONDITION, C_BY_LAW, C_DELEGATION, C_NECESSITY, C_GENERAL,
	C_VAGUE, C_AUTHORIZATION, C_NEGATION, C_PROHIBITION, C_FUNDING, C_FOREIGN, C_PARTY_UNION, C_NGO,
	C_DISCLOSURE, C_MEMBERSHIP, C_GROUP_ALLOWED, C_GROUP_OTHER, C_MARRIAGE, C_MAN_WOMAN,
	C_NONDISCRIMINATION, C_GROUNDS_LIST, C_SEX, C_OTHER_STATUS, C_DEATH, C_DEATH_PERMITTED,
	C_CENSORSHIP, C_PERSONAL_DATA, C_PROTECTED, C_TREATY, C_TREATY_PRIMACY, C_DETERMINED_BY_LAW,
	C_OMBUDS, C_APPOINTED_EXEC, C_WITH_CONSENT, C_NON_RESTRICTABLE, C_EMERGENCY,
	C_HOLDER_EVERYONE, C_HOLDER_CITIZENS, C_GROUNDS_EXCLUSIVE, C_GROUND_WORD, C_REFERS_ELSEWHERE,
	C_POLITICAL, C_TRADE_UNION, C_EMERGENCY_POWER, C_DE_FACTO, C_TREATY_EFFECT, C_GROUP_PUBLIC,
	C_EQUALITY_CLAUSE, C_GROUND_CORE, C_SOME_OF, C_EXCEPT, C_RIGHT_WORD,
	C_PROPAGANDA, C_BROAD_OBJECT, C_CITIZENSHIP_LOSS, C_ALLOWED, C_PRISON, C_DENIED, C_UNLAWFUL_CONDUCT,
	C_EVEN_IN_EMERGENCY, C_EXPEDIENT, C_VIOLENT, C_ASSOCIATION_BAN, C_ETHNIC_OBJECT,
	C_ALIENS, C_SAME_RIGHTS, C_CITIZENS_LIKE, C_ALIEN_EXCEPT, C_ALIEN_CONDITION, C_OWN_RESERVATION,
	C_INFORMATION, C_DEATH_CONFINED, C_COUNT
};

static const char *const concept_names[C_COUNT] = {
	"grant", "restrict", "condition", "by-law", "delegation", "necessity", "rights-in-general",
	"vague", "authorization", "negation", "prohibition", "funding", "foreign", "party-or-union", "ngo",
	"disclosure", "membership", "group-allowed", "group-other", "marriage", "man-woman",
	"non-discrimination", "grounds-list", "sex", "other-status", "death-penalty", "death-permitted",
	"censorship", "personal-data", "protected", "treaty", "treaty-primacy", "determined-by-law",
	"ombudsperson", "appointed-by-executive", "with-consent", "non-restrictable", "emergency",
	"holder everyone", "holder citizens", "grounds-exclusive", "ground-word", "refers-elsewhere",
	"political", "trade-union", "emergency-power", "de-facto", "treaty-effect", "group-public",
	"equality-clause", "ground-core", "some-of", "except", "right-word",
	"propaganda", "broad-object", "citizenship-loss", "allowed", "prison", "denied", "unlawful-conduct",
	"even-in-emergency", "expedient", "violent", "association-ban", "ethnic-object",
	"aliens", "same-rights", "citizens-like", "alien-except", "alien-condition", "own-reservation",
	"information", "death-confined",
};

typedef uint64_t rightset; /* bit N: ICCPR article N */

/* A sentence that restricts rights, judged after the walk, when the
 * whole document is known (a general clause may supply the necessity test,
 * a general clause applies to the rights it governs): one finding per
 * sentence, naming every right and aspect (aims, vagueness, necessity). */
typedef struct limit_cand {
	const cov_node *node;
	const char *article;
	sentence s;
	rightset rights;              /* the closed rights it restricts (a general clause: set after the walk) */
	bool general;                 /* a clause on rights and freedoms in general */
	bool necessity;               /* necessity in the sentence, its parent or its article */
	bool provision_necessity;     /* necessity anywhere in its provision (a general clause's test) */
	bool blanket;                 /* the right itself conditioned on broad values */
	bool necessity_only;          /* "The limitation must never go beyond what is necessary": supplies the test, finds nothing */
	bool from_context;            /* the rights are its provision's or article's, not named in it: an aim is
				       * illegitimate only if it is for every one of them */
	size_t marker, deleg, cond;   /* token of the restriction / delegation / condition, SIZE_MAX if none */
	size_t marker_last, deleg_last, cond_last;
	int ground[32];               /* concept ids of the grounds */
	const char *aim[32];          /* their aims: "violent threat to the constitutional order" is national security */
	size_t gfirst[32], glast[32]; /* their tokens */
	size_t n_grounds;
	size_t vfirst[8], vlast[8];   /* vague words */
	size_t n_vague;
} limit_cand;

/* A sentence granting rights to citizens only, judged after the walk
 * against the rights other sentences give to everyone. */
typedef struct holder_cand {
	const cov_node *node;
	const char *article;
	sentence s;
	rightset rights;
	size_t first, last;           /* the holder's words */
	bool information;             /* art. 19 only as the right to receive information ("Every citizen shall
				       * have the right to demand or receive information", Nepal 27) */
} holder_cand;

/* An article of the document: the rights its provisions concern. */
typedef struct article_rights {
	const char *num;
	rightset rights;   /* mentioned anywhere in the article */
	rightset granted;  /* granted by one of its sentences ("Everyone has the right to …") */
	rightset open;     /* granted or guaranteed with no holder or to everyone ("The State guarantees the
			    * secrecy of correspondence"): no citizens-only finding in this article */
} article_rights;

struct cov_review {
	const cov_doc *doc;
	cov_arena arena;
	cov_finding *findings;
	size_t n_findings, cap_findings;
	cov_provision *provisions;
	size_t n_provisions, cap_provisions;
	uint64_t standards; /* the standards chosen (--standard): a bit per index of data->rights->standards */
};

typedef struct ctx {
	const cov_data *data;
	const struct cov_rights_data *r;
	const cov_rlex *lex;
	const cov_doc *doc;
	cov_review *rev;
	cov_tokens *tokp;            /* the document's words */
	int concept[C_COUNT];
	int right_of_concept[512];   /* concept id → ICCPR article, 0 if none */
	const char *aim_of_concept[512]; /* concept id → canonical ground, NULL if none */
	cov_match *m;                /* matches of the current provision */
	size_t n_m, cap_m;
	rightset doc_rights;
	limit_cand *lims;
	size_t n_lims, cap_lims;
	holder_cand *holders;
	size_t n_holders, cap_holders;
	rightset granted_everyone;   /* rights some sentence grants to everyone (or to no one in particular) */
	const cov_node *nec_article; /* cache: the article whose necessity was looked up */
	bool nec_article_val;
	article_rights *arts;
	size_t n_arts, cap_arts;
	size_t *art_slots;           /* article number → 1 + index in arts (open addressing), 0 empty */
	size_t n_art_slots;          /* a power of two, at least twice n_arts */
	/* sentences naming the rights that may never be restricted */
	struct { const char *article; sentence s; size_t match; rightset named; } *nonrestr;
	size_t n_nonrestr, cap_nonrestr;
	struct { const cov_node *node; const char *article; sentence s; size_t match; } *emergency;
	size_t n_emergency, cap_emergency;
	bool treaty_primacy;
	/* a clause giving foreigners the rights of citizens ("Foreigners … shall
	 * enjoy the same rights … as Portuguese citizens"): its article, and
	 * whether its exceptions leave a law free to withhold them (conditional)
	 * or let the Constitution's own grants to citizens stand (reserved) */
	struct { const char *article; bool conditional, reserved; } alien;
	bool complete_equality;  /* a non-discrimination clause with sex and "other status" */
	size_t eq_best_words, eq_best_start; /* the document's main equality clause: the longest list of grounds */
	struct { const cov_node *node; const char *article; sentence s; size_t match; } treaty_by_law;
	bool have_treaty_by_law;
	/* the articles' traits (data/standards/iccpr.txt "traits:", "not-near:") */
	rightset equality;           /* the non-discrimination right */
	rightset by_prohibition;     /* rights a ban guarantees */
	rightset accessory;          /* no right of their own */
	rightset cite_first;         /* cited first by a finding on several rights */
	rightset non_derogable;      /* "derogable: no" */
	int not_near[COV_MAX_ICCPR]; /* concept id near which a grant's object is not the right, -1 if none */
	int status;
} ctx;

#define GROW(arr, n, cap)                                                                   \
	((n) < (cap) || ((cap) = (cap) ? (cap) * 2 : 16,                                   \
			 ((arr) = realloc_or_free((arr), (cap) * sizeof *(arr))) != NULL))

static void *realloc_or_free(void *p, size_t size)
{
	void *q = realloc(p, size);
	if (!q)
		free(p);
	return q;
}

/* ---- findings ---- */

/* The standard of a rule that always concerns one article: read from
 * data/rules.txt ("iccpr:22"), not written here. */
#define RULE_STD 0

/* The rights of that article, as a set; 0 when rules.txt names none. */
static rightset rule_rights(const ctx *c, const char *rule)
{
	const cov_rule_info *ri = cov_rights_rule(c->r, rule);
	return ri && ri->standard ? (rightset)1 << ri->standard : 0;
}


static void add_finding(ctx *c, const char *rule, const cov_node *node, const char *article, int standard,
			const sentence *s, size_t trig_first, size_t trig_last, const char *message)
{
	const cov_rule_info *ri = cov_rights_rule(c->r, rule);
	if (!ri)
		return; /* a rule the catalogue no longer lists is switched off */
	cov_review *rev = c->rev;
	/* a positive once per article */
	if (ri->severity == COV_SEVERITY_POSITIVE)
		for (size_t i = 0; i < rev->n_findings; i++)
			if (rev->findings[i].rule == ri->id && strcmp(rev->findings[i].article, article) == 0)
				return;
	/* one finding per rule and sentence: it lists every right it affects */
	for (size_t i = 0; i < rev->n_findings; i++) {
		const cov_finding *f = &rev->findings[i];
		if (f->start == s->start && f->end == s->end && strcmp(f->rule, rule) == 0)
			return;
	}
	if (ri->standard)
		standard = ri->standard; /* data/rules.txt: "id | severity | iccpr:N | message" */
	if (!GROW(rev->findings, rev->n_findings, rev->cap_findings)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		rev->n_findings = rev->cap_findings = 0;
		return;
	}
	cov_finding *f = &rev->findings[rev->n_findings++];
	f->doc = c->doc;
	f->rule = ri->id;
	f->severity = ri->severity;
	f->node = node;
	f->article = article;
	f->standard = standard;
	f->start = s->start;
	f->end = s->end;
	f->trigger_start = c->tokp->v[trig_first].start;
	f->trigger_end = c->tokp->v[trig_last].end;
	f->message = message ? message : ri->message;
	f->grounds = NULL;
	f->n_grounds = 0;
	f->standard_id = NULL;
	f->citation = standard && *cov_standard_citation(c->data, standard) ? cov_standard_citation(c->data, standard) : NULL;
	if (ri->cites && ri->cites->std != 0) { /* "icescr:8": an article of another standard */
		f->standard = 0;
		f->standard_id = ri->cites_id;
		f->citation = ri->cites->citation;
	}
}

/* Every ground of a limit.illegitimate-aim finding, as byte spans (the
 * first is its trigger): a report strikes them all from the clause. */
static void set_grounds(ctx *c, cov_finding *f, size_t (*spans)[2], size_t n)
{
	size_t *v = cov_arena_alloc(&c->rev->arena, 2 * n * sizeof *v);
	if (!v)
		return;
	for (size_t i = 0; i < n; i++) {
		v[2 * i] = c->tokp->v[spans[i][0]].start;
		v[2 * i + 1] = c->tokp->v[spans[i][1]].end;
	}
	f->grounds = v;
	f->n_grounds = n;
}

/* The template `key` of data/rules.txt ("template KEY | text") with each
 * {name} replaced by its value: pairs of name, value, then NULL.  {abbrev}
 * is the standard's abbreviation ("ICCPR").  NULL when rules.txt has no
 * such template (the finding then says its rule's message). */
static const char *fill(ctx *c, const char *key, ...)
{
	const char *t = cov_rights_template(c->r, key);
	if (!t)
		return NULL;
	const char *names[16], *vals[16];
	size_t n = 0;
	va_list ap;
	va_start(ap, key);
	for (const char *nm; n < 15 && (nm = va_arg(ap, const char *)) != NULL; n++) {
		names[n] = nm;
		vals[n] = va_arg(ap, const char *);
	}
	va_end(ap);
	names[n] = "abbrev";
	vals[n++] = c->r->n_standards ? c->r->standards[0].abbrev : "";
	cov_buf b;
	cov_buf_init(&b);
	for (const char *p = t; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		size_t k = n;
		for (size_t i = 0; close && i < n && k == n; i++)
			if (strlen(names[i]) == (size_t)(close - p - 1) && strncmp(p + 1, names[i], (size_t)(close - p - 1)) == 0)
				k = i;
		if (k < n) {
			cov_buf_puts(&b, vals[k] ? vals[k] : "");
			p = close + 1;
		} else {
			cov_buf_putc(&b, *p++);
		}
	}
	const char *out = b.oom ? NULL : cov_arena_strndup(&c->rev->arena, b.ptr ? b.ptr : "", b.len);
	cov_buf_free(&b);
	return out;
}

/* ---- helpers over matches ---- */

static bool in_sentence(const cov_match *m, const sentence *s)
{
	return m->first >= s->first && m->last <= s->last;
}

/* First match of concept k in s at or after token `from`; SIZE_MAX if none. */
static size_t find(const ctx *c, int k, const sentence *s, size_t from)
{
	int id = c->concept[k];
	if (id < 0)
		return SIZE_MAX;
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < c->n_m; i++)
		if (c->m[i].concept == id && in_sentence(&c->m[i], s) && c->m[i].first >= from &&
		    (best == SIZE_MAX || c->m[i].first < c->m[best].first))
			best = i;
	return best;
}

static bool has(const ctx *c, int k, const sentence *s)
{
	return find(c, k, s, 0) != SIZE_MAX;
}

/* A necessity test among matches m[0..n) within tokens [first, last]: a
 * necessity word that is part of "necessary or expedient" (a discretion,
 * Malaysia 10(2)) is none. */
static bool necessity_among(const ctx *c, const cov_match *m, size_t n, size_t first, size_t last)
{
	int nec = c->concept[C_NECESSITY], exp = c->concept[C_EXPEDIENT];
	if (nec < 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (m[i].concept != nec || m[i].first < first || m[i].last > last)
			continue;
		bool discretion = false;
		for (size_t k = 0; k < n && exp >= 0 && !discretion; k++)
			discretion = m[k].concept == exp && !(m[k].last < m[i].first || m[i].last < m[k].first);
		if (!discretion)
			return true;
	}
	return false;
}

static const char *span(ctx *c, size_t first, size_t last)
{
	const char *t = c->doc->text;
	size_t a = c->tokp->v[first].start, b = c->tokp->v[last].end;
	const char *p = cov_arena_strndup(&c->rev->arena, t + a, b - a);
	return p ? p : "";
}

static rightset rights_in(const ctx *c, const sentence *s)
{
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		int art = c->m[i].concept < 512 ? c->right_of_concept[c->m[i].concept] : 0;
		if (art && in_sentence(&c->m[i], s))
			set |= (rightset)1 << art;
	}
	return set;
}

static int first_right(rightset set)
{
	for (int k = 1; k < COV_MAX_ICCPR; k++)
		if (set & ((rightset)1 << k))
			return k;
	return 0;
}

static bool aim_allowed(const cov_std_article *a, const char *aim)
{
	for (size_t i = 0; i < a->n_aims; i++)
		if (strcmp(a->aims[i], aim) == 0)
			return true;
	return false;
}

/* Is `aim` a legitimate aim of any ICCPR article? */
static bool aim_of_any(const ctx *c, const char *aim)
{
	for (size_t i = 0; i < c->r->n_iccpr; i++)
		if (aim_allowed(&c->r->iccpr[i], aim))
			return true;
	return false;
}

/* ---- sentences ---- */

static size_t split_sentences(const ctx *c, size_t first, size_t last_excl, sentence *out, size_t cap)
{
	const char *t = c->doc->text;
	size_t n = 0;
	if (first >= last_excl)
		return 0;
	size_t start_tok = first;
	for (size_t k = first; k < last_excl; k++) {
		bool end = k + 1 == last_excl;
		if (!end) {
			const cov_token *a = &c->tokp->v[k], *b = &c->tokp->v[k + 1];
			for (size_t i = a->end; i < b->start && !end; i++) {
				char ch = t[i];
				if (ch == ';' || ch == '\n' || ch == '!' || ch == '?')
					end = true;
				else if (ch == '.' && i + 1 < b->start && (t[i + 1] == ' ' || t[i + 1] == '\n'))
					end = true;
			}
		}
		if (end) {
			if (n == cap)
				break;
			sentence *s = &out[n++];
			s->first = start_tok;
			s->last = k;
			s->start = c->tokp->v[start_tok].start;
			/* "[The] State …": an opening bracket belongs to the quote */
			while (s->start > 0 && (t[s->start - 1] == '[' || t[s->start - 1] == '(') &&
			       (start_tok == first || s->start - 1 >= c->tokp->v[start_tok - 1].end))
				s->start--;
			/* include the closing punctuation */
			size_t e = c->tokp->v[k].end;
			size_t limit = k + 1 < last_excl ? c->tokp->v[k + 1].start : c->doc->len;
			/* "… beliefs [credos]." (an editor's insertion): the bracket closes the quote */
			while (e < limit && (t[e] == '.' || t[e] == ';' || t[e] == ')' || t[e] == ']' || t[e] == '"' ||
					     (unsigned char)t[e] == 0xC2 /* » */))
				e += (unsigned char)t[e] == 0xC2 ? 2 : 1;
			s->end = e;
			start_tok = k + 1;
		}
	}
	return n;
}

/* ---- the rules on one sentence ---- */

static const char *right_name(const ctx *c, int art)
{
	const cov_std_article *a = cov_rights_article(c->r, art);
	return a && a->right ? a->right : "this right";
}

/* "…to the extent that the law makes reasonable provision— (a) for the
 * imposition of restrictions …": the necessity test of a point may stand in
 * the text that introduces it. */
static bool parent_necessity(ctx *c, const cov_node *node)
{
	const cov_node *p = node->parent;
	if (!p || p->kind == COV_NODE_DOCUMENT || c->concept[C_NECESSITY] < 0)
		return false;
	size_t first = cov_tokens_at(c->tokp, p->text_start), last = cov_tokens_at(c->tokp, p->text_end);
	cov_match *m = NULL;
	size_t n = 0, cap = 0;
	bool found = false;
	if (first < last && cov_match_range(c->lex, c->tokp, first, last, &m, &n, &cap) == COV_OK)
		found = necessity_among(c, m, n, first, last);
	free(m);
	return found;
}

/* Is there a necessity phrase anywhere in tokens of node `n`?  A
 * Commonwealth section puts its test ("reasonably justifiable in a
 * democratic society") once, after the subsections it governs. */
static bool node_necessity(ctx *c, const cov_node *n)
{
	if (!n || c->concept[C_NECESSITY] < 0)
		return false;
	size_t first = cov_tokens_at(c->tokp, n->text_start), last = cov_tokens_at(c->tokp, n->text_end);
	cov_match *m = NULL;
	size_t nm = 0, cap = 0;
	bool found = false;
	if (first < last && cov_match_range(c->lex, c->tokp, first, last, &m, &nm, &cap) == COV_OK)
		found = necessity_among(c, m, nm, first, last);
	free(m);
	return found;
}

/* The whole article (the primary unit, with every provision in it). */
static bool article_necessity(ctx *c, const cov_node *node)
{
	const cov_node *art = node;
	while (art && art->kind != c->doc->primary)
		art = art->parent;
	if (!art)
		return false;
	if (c->nec_article != art) {
		/* an article's span covers its children's text */
		cov_node whole = *art;
		whole.text_start = cov_node_start(art);
		whole.text_end = cov_node_end(art);
		c->nec_article = art;
		c->nec_article_val = node_necessity(c, &whole);
	}
	return c->nec_article_val;
}

static rightset closed_of(const ctx *c, rightset set)
{
	rightset closed = 0;
	for (int k = 1; k < COV_MAX_ICCPR; k++) {
		const cov_std_article *a = cov_rights_article(c->r, k);
		if ((set & ((rightset)1 << k)) && a && a->limits == COV_LIMITS_CLOSED)
			closed |= (rightset)1 << k;
	}
	return closed;
}

/* The rights a sentence names itself, without the words of a list of
 * grounds of discrimination ("religion" there is no right of art. 18). */
static rightset sentence_rights(const ctx *c, const sentence *s, size_t from)
{
	/* a right named by a phrase ("freedom of assembly"), or by a lone word
	 * before the restriction ("of conscience and of religion … may only be
	 * limited"), not a word among the grounds after it ("religions" among
	 * communities whose harmony a law may protect) */
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		int art = c->m[i].concept < 512 ? c->right_of_concept[c->m[i].concept] : 0;
		if (art && in_sentence(&c->m[i], s) && (c->m[i].last > c->m[i].first || c->m[i].last < from))
			set |= (rightset)1 << art;
	}
	if (has(c, C_NONDISCRIMINATION, s) || has(c, C_GROUNDS_LIST, s))
		set &= c->equality;
	return set;
}

static bool is_number(const char *f);

static const cov_node *find_num(const cov_node *n, const char *num)
{
	for (const cov_node *k = n->first; k; k = k->next) {
		if (k->num && strcmp(k->num, num) == 0)
			return k;
		const cov_node *d = find_num(k, num);
		if (d)
			return d;
	}
	return NULL;
}

/* The closed rights of the point a sentence names ("Nothing in sub-clause
 * (a) of clause (1) …", "… referred to in Sub-Article (1)"): the first
 * "clause (x)", "article (x)" or "paragraph (x)" whose point is in the
 * same article.  0 when it names none. */
static rightset referenced_rights(ctx *c, const cov_node *node, const sentence *s)
{
	const cov_node *art = node;
	while (art && art->kind != c->doc->primary)
		art = art->parent;
	if (!art)
		return 0;
	const char *t = c->doc->text;
	for (size_t k = s->first; k < s->last; k++) {
		const cov_token *a = &c->tokp->v[k], *b = &c->tokp->v[k + 1];
		static const char *const words[] = {"clause", "clauses", "article", "paragraph"};
		bool named = false;
		for (size_t w = 0; w < sizeof words / sizeof *words && !named; w++) {
			size_t l = strlen(words[w]);
			named = a->fold_len >= l && strncmp(a->fold + a->fold_len - l, words[w], l) == 0;
		}
		if (!named)
			continue;
		if (b->fold_len > 3 || memchr(t + a->end, '(', b->start - a->end) == NULL)
			continue;
		char num[8];
		snprintf(num, sizeof num, "%.*s", (int)b->fold_len, b->fold);
		/* "paragraph (c) of Clause (1)": the point within the clause */
		const cov_node *within = art;
		if (k + 4 <= s->last && strcmp(c->tokp->v[k + 2].fold, "of") == 0 && c->tokp->v[k + 4].fold_len <= 3 &&
		    memchr(t + c->tokp->v[k + 3].end, '(', c->tokp->v[k + 4].start - c->tokp->v[k + 3].end)) {
			char outer[8];
			snprintf(outer, sizeof outer, "%.*s", (int)c->tokp->v[k + 4].fold_len, c->tokp->v[k + 4].fold);
			within = find_num(art, outer);
			if (!within)
				return 0;
		}
		const cov_node *p = find_num(within, num);
		if (!p)
			return 0;
		/* "clause (1) (c)", "Clause (2) (a)": the point of the clause */
		if (k + 2 <= s->last && c->tokp->v[k + 2].fold_len <= 3 &&
		    memchr(t + b->end, '(', c->tokp->v[k + 2].start - b->end)) {
			char inner[8];
			snprintf(inner, sizeof inner, "%.*s", (int)c->tokp->v[k + 2].fold_len, c->tokp->v[k + 2].fold);
			p = find_num(p, inner);
			if (!p)
				return 0;
		}
		size_t first = cov_tokens_at(c->tokp, cov_node_start(p)), last = cov_tokens_at(c->tokp, cov_node_end(p));
		cov_match *m = NULL;
		size_t nm = 0, cap = 0;
		rightset set = 0;
		if (first < last && cov_match_range(c->lex, c->tokp, first, last, &m, &nm, &cap) == COV_OK)
			for (size_t i = 0; i < nm; i++)
				if (m[i].concept < 512 && c->right_of_concept[m[i].concept] && m[i].last > m[i].first)
					set |= (rightset)1 << c->right_of_concept[m[i].concept];
		free(m);
		return closed_of(c, set);
	}
	return 0;
}

/* "except", "unless" outside the words that put rights out of reach
 * ("… shall be impermissible unless …" is the phrase itself) */
static bool has_exception(const ctx *c, const sentence *s)
{
	for (size_t k = find(c, C_EXCEPT, s, 0); k != SIZE_MAX; k = find(c, C_EXCEPT, s, c->m[k].first + 1)) {
		bool inside = false;
		for (size_t i = 0; i < c->n_m && !inside; i++)
			inside = c->m[i].concept == c->concept[C_NON_RESTRICTABLE] && in_sentence(&c->m[i], s) &&
				 c->m[i].first <= c->m[k].first && c->m[k].last <= c->m[i].last;
		if (!inside)
			return true;
	}
	return false;
}

static void limitation_rules(ctx *c, const cov_node *node, const char *article, const sentence *s,
			     rightset ctx_rights, cov_limitation *lim)
{
	size_t marker = find(c, C_RESTRICT, s, 0);
	/* "must not restrict the rights and freedoms of other people" is a duty, no restriction */
	for (size_t k = find(c, C_NEGATION, s, 0); marker != SIZE_MAX && k != SIZE_MAX; k = find(c, C_NEGATION, s, c->m[k].first + 1))
		if (c->m[k].last < c->m[marker].first && c->m[marker].first - c->m[k].last <= 2 &&
		    (strcmp(c->tokp->v[c->m[k].last].fold, "not") == 0 || strcmp(c->tokp->v[c->m[k].last].fold, "не") == 0) &&
		    !has(c, C_NON_RESTRICTABLE, s))
			marker = find(c, C_RESTRICT, s, c->m[marker].first + 1);
	size_t cond = find(c, C_CONDITION, s, 0);
	size_t deleg = find(c, C_DELEGATION, s, 0);
	if ((has(c, C_NON_RESTRICTABLE, s) && !has_exception(c, s)) || has(c, C_REFERS_ELSEWHERE, s))
		return; /* the rights that may never be restricted (a positive), or a pointer to the limits;
			 * "may not be restricted except …" is a limitation clause */
	if (marker == SIZE_MAX && cond == SIZE_MAX && deleg == SIZE_MAX)
		return;
	size_t m0 = marker != SIZE_MAX ? marker : cond != SIZE_MAX ? cond : deleg;
	if (cond != SIZE_MAX && c->m[cond].first < c->m[m0].first)
		m0 = cond;
	size_t from = c->m[m0].first;
	size_t gen = find(c, C_GENERAL, s, 0);
	/* "rights and freedoms may be restricted", or their object: "The law may
	 * only restrict rights, freedoms and guarantees" (Angola 57(1)) */
	bool object_form = marker != SIZE_MAX && gen != SIZE_MAX && c->m[gen].first >= from &&
			   c->m[gen].first <= c->m[marker].last + 2;
	/* "… shall not be used by anyone to restrict the rights and freedoms": no clause that allows it */
	for (size_t k = find(c, C_NEGATION, s, 0); object_form && k != SIZE_MAX; k = find(c, C_NEGATION, s, c->m[k].first + 1))
		if (c->m[k].first < c->m[marker].first)
			object_form = false;
	for (size_t k = find(c, C_PROHIBITION, s, 0); object_form && k != SIZE_MAX; k = find(c, C_PROHIBITION, s, c->m[k].first + 1))
		if (c->m[k].first < c->m[marker].first)
			object_form = false;
	bool general = gen != SIZE_MAX && (c->m[gen].first < from || object_form) && !(ctx_rights & ~c->equality);
	/* a restriction belongs to the rights its own sentence names ("freedom
	 * of speech may be restricted …"), else to those of its provision */
	rightset own = closed_of(c, sentence_rights(c, s, from));
	rightset closed = own ? own : closed_of(c, ctx_rights);
	/* a sentence that names no right nor speaks of rights ("France shall
	 * consent to the limitations upon its sovereignty") restricts none; a
	 * lead-in ("Subject to any reasonable restrictions …") restricts the
	 * rights of its points, not those of the paragraph before it */
	if (!own && !has(c, C_RIGHT_WORD, s) && !general) {
		rightset kids = 0;
		size_t kf = cov_tokens_at(c->tokp, node->text_end), kl = cov_tokens_at(c->tokp, cov_node_end(node));
		cov_match *km = NULL;
		size_t nkm = 0, kcap = 0;
		if (kf < kl && cov_match_range(c->lex, c->tokp, kf, kl, &km, &nkm, &kcap) == COV_OK)
			for (size_t i = 0; i < nkm; i++)
				if (km[i].concept < 512 && c->right_of_concept[km[i].concept] && km[i].last > km[i].first)
					kids |= (rightset)1 << c->right_of_concept[km[i].concept];
		free(km);
		closed = closed_of(c, kids);
	}
	/* "Every person has the right to receive … instruction … subject to such
	 * restrictions as …": the sentence restricts what it grants itself */
	bool from_context = !own;
	if (!own && !sentence_rights(c, s, 0) && has(c, C_GRANT, s))
		closed = 0;

	/* grounds after the marker, in order; in a verb-final language (kk:
	 * «… қоғамдық тәртіп пен игіліктің … заңмен белгіленген шектеуге
	 * ұшырауы тиіс») the grounds come before it */
	size_t grounds[32], n_grounds = 0;
	size_t gfrom = c->lex->verb_final ? s->first : from;
	for (size_t i = 0; i < c->n_m && n_grounds < 32; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept < 512 && c->aim_of_concept[m->concept] && in_sentence(m, s) && m->first >= gfrom &&
		    (m->first > from || c->lex->verb_final)) {
			/* a longer ground that covers this one wins ("нравственности общества") */
			bool dup = false;
			for (size_t k = 0; k < n_grounds; k++) {
				const cov_match *o = &c->m[grounds[k]];
				if (!(o->last < m->first || m->last < o->first)) {
					if (m->last - m->first > o->last - o->first)
						grounds[k] = i;
					dup = true;
				}
			}
			if (!dup)
				grounds[n_grounds++] = i;
		}
	}
	bool by_law = has(c, C_BY_LAW, s), necessity = necessity_among(c, c->m, c->n_m, s->first, s->last) || parent_necessity(c, node);
	if (lim) {
		const char **g = cov_arena_alloc(&c->rev->arena, (n_grounds + 1) * sizeof *g);
		for (size_t k = 0; g && k < n_grounds; k++)
			g[k] = c->aim_of_concept[c->m[grounds[k]].concept];
		lim->grounds = g;
		lim->n_grounds = g ? n_grounds : 0;
		lim->by_law = by_law;
		lim->necessity = necessity;
		lim->general = general;
		lim->start = s->start;
		lim->end = s->end;
	}
	/* a sentence on limitations in general that requires necessity, in an
	 * article about no right ("The limitations referred to in Article 20 may
	 * be imposed only … what is necessary"), supplies the test */
	bool about_limits = (marker != SIZE_MAX && c->m[marker].first <= s->first + 2) || gen != SIZE_MAX;
	bool cites = false; /* "The limitations referred to in Article 20" */
	for (size_t k = s->first; k <= s->last && !cites; k++)
		cites = is_number(c->tokp->v[k].fold) && k > s->first && !is_number(c->tokp->v[k - 1].fold);
	/* "Nothing in sub-clause (b) …": the rights of the point it names */
	rightset point = referenced_rights(c, node, s);
	if (point && !general) {
		closed = point;
		from_context = false;
	}
	bool necessity_only = !general && !point && necessity && about_limits && !sentence_rights(c, s, from) &&
			      (cites || (!closed && !ctx_rights)) && !has(c, C_EMERGENCY, s);
	if (!closed && !general && !necessity_only)
		return;
	if (necessity_only)
		closed = 0;
	if (!GROW(c->lims, c->n_lims, c->cap_lims)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	limit_cand *l = &c->lims[c->n_lims++];
	memset(l, 0, sizeof *l);
	l->node = node;
	l->article = article;
	l->s = *s;
	l->rights = general || necessity_only ? 0 : closed;
	l->general = general || necessity_only;
	l->necessity_only = necessity_only;
	l->from_context = from_context && !general;
	l->necessity = necessity || article_necessity(c, node);
	l->provision_necessity = l->general && l->necessity; /* "Every restriction … shall be proportional" beside it */
	l->marker = marker != SIZE_MAX ? c->m[marker].first : SIZE_MAX;
	l->marker_last = marker != SIZE_MAX ? c->m[marker].last : 0;
	l->deleg = deleg != SIZE_MAX ? c->m[deleg].first : SIZE_MAX;
	l->deleg_last = deleg != SIZE_MAX ? c->m[deleg].last : 0;
	l->cond = cond != SIZE_MAX ? c->m[cond].first : SIZE_MAX;
	l->cond_last = cond != SIZE_MAX ? c->m[cond].last : 0;
	l->n_grounds = n_grounds;
	for (size_t k = 0; k < n_grounds; k++) {
		l->ground[k] = c->m[grounds[k]].concept;
		l->gfirst[k] = c->m[grounds[k]].first;
		l->glast[k] = c->m[grounds[k]].last;
		/* "any violent threat to the democratic constitutional order",
		 * "change the constitutional system by force": the qualifier makes it
		 * a matter of national security (Siracusa Principles §29) */
		l->aim[k] = c->aim_of_concept[l->ground[k]];
		if (strcmp(l->aim[k], "constitutional-order") == 0)
			for (size_t v = find(c, C_VIOLENT, s, 0); v != SIZE_MAX; v = find(c, C_VIOLENT, s, c->m[v].first + 1))
				if ((c->m[v].last < l->gfirst[k] && l->gfirst[k] - c->m[v].last <= 8) ||
				    (c->m[v].first > l->glast[k] && c->m[v].first - l->glast[k] <= 4))
					l->aim[k] = "national-security";
	}
	for (size_t i = 0; i < c->n_m && l->n_vague < 8; i++)
		if (c->m[i].concept == c->concept[C_VAGUE] && in_sentence(&c->m[i], s) && (c->m[i].first > from || c->lex->verb_final)) {
			l->vfirst[l->n_vague] = c->m[i].first;
			l->vlast[l->n_vague++] = c->m[i].last;
		}
	/* a condition that names only legitimate, precise aims ("must not
	 * violate the rights of others", ICCPR art. 5) conditions nothing */
	bool broad = l->n_vague > 0;
	for (size_t k = 0; k < n_grounds; k++)
		if (!aim_of_any(c, l->aim[k]))
			broad = true;
	l->blanket = cond != SIZE_MAX && broad && (closed || gen != SIZE_MAX);
}

static void pattern_rules(ctx *c, const cov_node *node, const char *article, const sentence *s, rightset own_rights)
{
	size_t i;
	/* foreigners given the rights of citizens: a sentence naming them, then
	 * the same rights, then citizens or nationals; the sentences of its
	 * article say on what terms */
	size_t al = find(c, C_ALIENS, s, 0);
	size_t same = al != SIZE_MAX ? find(c, C_SAME_RIGHTS, s, c->m[al].last + 1) : SIZE_MAX;
	if (!c->alien.article && same != SIZE_MAX && find(c, C_CITIZENS_LIKE, s, c->m[same].first) != SIZE_MAX)
		c->alien.article = article;
	if (c->alien.article && strcmp(c->alien.article, article) == 0) {
		bool except = has(c, C_ALIEN_EXCEPT, s);
		/* "unless otherwise stipulated by the Constitution", "the rights
		 * reserved constitutionally to national citizens": the grants to
		 * citizens are the exceptions */
		if (except && has(c, C_OWN_RESERVATION, s))
			c->alien.reserved = true;
		/* "except for the cases envisaged by federal law", "under reserve
		 * of reciprocity", "the law may … nullify the exercise of specific
		 * civil rights by aliens" */
		if (except || has(c, C_ALIEN_CONDITION, s))
			c->alien.conditional = true;
	}
	/* assemblies subject to permission (not "without permission"), in a
	 * provision that is itself about assemblies */
	if ((own_rights & rights_in(c, s) & rule_rights(c, "assembly.prior-authorization")) &&
	    (i = find(c, C_AUTHORIZATION, s, 0)) != SIZE_MAX) {
		bool negated = false;
		size_t neg = find(c, C_NEGATION, s, 0);
		for (; neg != SIZE_MAX; neg = find(c, C_NEGATION, s, c->m[neg].first + 1))
			if (c->m[neg].last < c->m[i].first && c->m[i].first - c->m[neg].last <= 10)
				negated = true;
		/* "Licensing … of assembly and association shall not be recognized" */
		for (size_t k = find(c, C_PROHIBITION, s, c->m[i].last + 1); k != SIZE_MAX && !negated;
		     k = find(c, C_PROHIBITION, s, c->m[k].first + 1))
			negated = c->m[k].first > c->m[i].last;
		if (!negated)
			add_finding(c, "assembly.prior-authorization", node, article, RULE_STD, s, c->m[i].first, c->m[i].last, NULL);
	}
	size_t fund = find(c, C_FUNDING, s, 0);
	if (fund != SIZE_MAX && has(c, C_FOREIGN, s)) {
		/* a ban on foreign funding of parties is accepted practice (Venice
		 * Commission and OSCE/ODIHR guidelines on political parties); of
		 * trade unions it is a restriction of association beyond art. 22(2) */
		if (has(c, C_TRADE_UNION, s) && has(c, C_PROHIBITION, s))
			add_finding(c, "association.foreign-funding-ban", node, article, RULE_STD, s, c->m[fund].first,
				    c->m[fund].last, NULL);
		size_t disc = find(c, C_DISCLOSURE, s, 0);
		if (has(c, C_NGO, s) && disc != SIZE_MAX)
			add_finding(c, "association.funding-disclosure", node, article, RULE_STD, s, c->m[disc].first,
				    c->m[disc].last, NULL);
	}
	/* a ban on trade-union membership beyond the armed forces and police
	 * (art. 22(2)); a ban on party membership only for whole professions or
	 * all public servants: judges, prosecutors and the like abstain from
	 * parties for their impartiality, which is widely accepted */
	size_t mem = find(c, C_MEMBERSHIP, s, 0);
	size_t other = find(c, C_GROUP_OTHER, s, 0), pub = find(c, C_GROUP_PUBLIC, s, 0);
	bool union_ban = has(c, C_TRADE_UNION, s);
	size_t who = pub != SIZE_MAX ? pub : union_ban ? other : SIZE_MAX;
	for (size_t k = find(c, C_SOME_OF, s, 0); who != SIZE_MAX && k != SIZE_MAX; k = find(c, C_SOME_OF, s, c->m[k].first + 1))
		if (c->m[k].last < c->m[who].first && c->m[who].first - c->m[k].last <= 2)
			who = SIZE_MAX; /* "the categories of state employees who may not …" */
	if (mem != SIZE_MAX && who != SIZE_MAX && has(c, C_PARTY_UNION, s) && has(c, C_PROHIBITION, s)) {
		/* every group the ban reaches beyond the armed forces and police */
		char groups[1024] = "";
		int gk = pub != SIZE_MAX ? C_GROUP_PUBLIC : C_GROUP_OTHER;
		for (size_t k = find(c, gk, s, 0); k != SIZE_MAX; k = find(c, gk, s, c->m[k].last + 1)) {
			size_t l = strlen(groups);
			snprintf(groups + l, sizeof groups - l, "%s«%s»", l ? ", " : "", span(c, c->m[k].first, c->m[k].last));
		}
		add_finding(c, "association.membership-ban", node, article, RULE_STD, s, c->m[who].first, c->m[who].last,
			    fill(c, union_ban ? "association.membership-ban/unions" : "association.membership-ban/parties",
				 "groups", groups, NULL));
	}
	/* marriage defined ("Marriage is a union of a man and a woman"), not a
	 * de facto union given the effects of marriage */
	size_t mw = find(c, C_MAN_WOMAN, s, 0), mar = find(c, C_MARRIAGE, s, 0);
	if (mw != SIZE_MAX && mar != SIZE_MAX && c->m[mar].first < c->m[mw].first && !has(c, C_DE_FACTO, s))
		add_finding(c, "discrimination.exclusive-definition", node, article, RULE_STD, s, c->m[mw].first, c->m[mw].last,
			    NULL);
	size_t nd = find(c, C_NONDISCRIMINATION, s, 0);
	size_t ground_words = 0;
	for (size_t k = 0; k < c->n_m; k++)
		ground_words += c->m[k].concept == c->concept[C_GROUND_WORD] && in_sentence(&c->m[k], s);
	/* a clause that lists grounds ("race, sex, language, religion …") */
	/* … that is itself an equality clause: not a cross-reference in
	 * parentheses ("(which relates to discrimination on grounds of …)"), not
	 * an association formed "for the purposes of creating discrimination",
	 * not the rule that restrictions or derogations may not discriminate
	 * (ICCPR art. 4(1) has its own short list), not a list of religious
	 * grounds only (a religious-freedom clause) */
	bool in_parens = false;
	if (nd != SIZE_MAX) {
		const char *t = c->doc->text;
		int depth = 0;
		for (size_t b = s->start; b < c->tokp->v[c->m[nd].first].start; b++)
			depth += t[b] == '(' ? 1 : t[b] == ')' ? -1 : 0;
		in_parens = depth > 0;
	}
	bool of_restrictions = false; /* "The restriction of freedoms … cannot discriminate" */
	for (size_t k = find(c, C_RESTRICT, s, 0); nd != SIZE_MAX && k != SIZE_MAX; k = find(c, C_RESTRICT, s, c->m[k].first + 1))
		if (c->m[k].last < c->m[nd].first && c->m[nd].first - c->m[k].last <= 8)
			of_restrictions = true;
	/* "… protects … the prohibition of discrimination on the ground of …"
	 * names the subject of a competence; it is no norm itself */
	bool norm = false;
	for (size_t k = find(c, C_EQUALITY_CLAUSE, s, 0); nd != SIZE_MAX && k != SIZE_MAX && !norm;
	     k = find(c, C_EQUALITY_CLAUSE, s, c->m[k].first + 1))
		norm = !(c->m[k].last + 2 == c->m[nd].first && strcmp(c->tokp->v[c->m[k].last + 1].fold, "of") == 0);
	/* the grounds follow the words that introduce them ("on grounds of race, …") */
	size_t gl = find(c, C_GROUNDS_LIST, s, 0), listed_after = 0;
	for (size_t k = 0; gl != SIZE_MAX && k < c->n_m; k++)
		listed_after += c->m[k].concept == c->concept[C_GROUND_WORD] && in_sentence(&c->m[k], s) &&
				c->m[k].first > c->m[gl].last;
	if (nd != SIZE_MAX && ground_words >= 3 && listed_after >= 2 && !has(c, C_GROUNDS_EXCLUSIVE, s) &&
	    !in_parens && norm && has(c, C_GROUND_CORE, s) && !of_restrictions &&
	    !has(c, C_EMERGENCY, s)) {
		bool sex = has(c, C_SEX, s), other_status = has(c, C_OTHER_STATUS, s);
		if (sex && other_status)
			c->complete_equality = true;
		if ((!sex || !other_status) && ground_words > c->eq_best_words) {
			c->eq_best_words = ground_words;
			c->eq_best_start = s->start;
		}
		if (!sex || !other_status)
			add_finding(c, "discrimination.grounds-incomplete", node, article, RULE_STD, s, c->m[nd].first,
				    c->m[nd].last,
				    fill(c, !sex && !other_status ? "discrimination.grounds-incomplete/both" :
					 !sex ? "discrimination.grounds-incomplete/sex" : "discrimination.grounds-incomplete/other-status",
					 NULL));
	}
	size_t dp = find(c, C_DEATH, s, 0);
	if (dp != SIZE_MAX) {
		size_t perm = find(c, C_DEATH_PERMITTED, s, 0);
		/* confined to crimes against life ("for particularly grave crimes
		 * against life", Russia 20): what art. 6(2) allows a State that is
		 * no party to the Second Optional Protocol (General Comment 36 §35),
		 * a concern, not a breach */
		size_t conf = perm != SIZE_MAX ? find(c, C_DEATH_CONFINED, s, 0) : SIZE_MAX;
		size_t before = c->rev->n_findings;
		if (perm != SIZE_MAX)
			add_finding(c, "death-penalty.permitted", node, article, RULE_STD, s, c->m[dp].first, c->m[perm].last > c->m[dp].last ? c->m[perm].last : c->m[dp].last,
				    conf != SIZE_MAX ? fill(c, "death-penalty.permitted/confined", "crimes", span(c, c->m[conf].first, c->m[conf].last), NULL) : NULL);
		if (conf != SIZE_MAX && c->rev->n_findings > before)
			c->rev->findings[before].severity = COV_SEVERITY_MEDIUM;
		else if (has(c, C_PROHIBITION, s))
			add_finding(c, "death-penalty.abolished", node, article, RULE_STD, s, c->m[dp].first, c->m[dp].last, NULL);
	}
	size_t cens = find(c, C_CENSORSHIP, s, 0);
	if (cens != SIZE_MAX && has(c, C_PROHIBITION, s))
		add_finding(c, "censorship.prohibited", node, article, RULE_STD, s, c->m[cens].first, c->m[cens].last, NULL);
	size_t pd = find(c, C_PERSONAL_DATA, s, 0);
	if (pd != SIZE_MAX && has(c, C_PROTECTED, s))
		add_finding(c, "privacy.data-protection", node, article, RULE_STD, s, c->m[pd].first, c->m[pd].last, NULL);
	size_t nr = find(c, C_NON_RESTRICTABLE, s, 0);
	/* "Even under the circumstances indicated in the first paragraph, the
	 * individual's right to life … can be inviolable except …": what stays
	 * protected in an emergency, whatever exceptions it names */
	size_t even = find(c, C_EVEN_IN_EMERGENCY, s, 0);
	bool even_list = even != SIZE_MAX && (nr == SIZE_MAX || has_exception(c, s));
	if (even_list)
		nr = even;
	if (nr != SIZE_MAX && (even_list || !has_exception(c, s))) {
		add_finding(c, "limit.non-restrictable-list", node, article, RULE_STD, s, c->m[nr].first, c->m[nr].last, NULL);
		if (GROW(c->nonrestr, c->n_nonrestr, c->cap_nonrestr)) {
			/* the list runs to the end of its provision ("… under Articles
			 * 14(1) and (2); 15; 16; …" is one list, not three sentences) */
			sentence list = *s;
			size_t end = cov_tokens_at(c->tokp, node->text_end);
			if (end > list.last + 1)
				list.last = end - 1;
			/* the rights it names, in its points too ("shall not be subject to
			 * any limitation: … 4. freedom of thought and opinion; …") */
			rightset named = 0;
			if (even_list || !has(c, C_EXCEPT, s)) {
				size_t to = cov_tokens_at(c->tokp, cov_node_end(node));
				cov_match *m = NULL;
				size_t nm = 0, cap = 0;
				if (to > s->first && cov_match_range(c->lex, c->tokp, s->first, to, &m, &nm, &cap) == COV_OK)
					for (size_t k = 0; k < nm; k++)
						if (m[k].concept < 512 && c->right_of_concept[m[k].concept])
							named |= (rightset)1 << c->right_of_concept[m[k].concept];
				free(m);
			}
			c->nonrestr[c->n_nonrestr].named = named & ~c->equality;
			c->nonrestr[c->n_nonrestr].article = article;
			c->nonrestr[c->n_nonrestr].s = list;
			c->nonrestr[c->n_nonrestr++].match = c->m[nr].last;
		} else {
			c->status = cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
	size_t em = find(c, C_EMERGENCY, s, 0);
	/* an emergency clause that may restrict rights in general, or a
	 * non-derogable right by name (Chile's movement and assembly are derogable) */
	rightset nonderog = c->non_derogable;
	if (em != SIZE_MAX && has(c, C_EMERGENCY_POWER, s) && !has(c, C_NON_RESTRICTABLE, s) &&
	    (has(c, C_GENERAL, s) || (rights_in(c, s) & nonderog))) {
		if (GROW(c->emergency, c->n_emergency, c->cap_emergency)) {
			c->emergency[c->n_emergency].node = node;
			c->emergency[c->n_emergency].article = article;
			c->emergency[c->n_emergency].s = *s;
			c->emergency[c->n_emergency++].match = c->m[em].first;
		} else {
			c->status = cov_error_set(COV_ENOMEM, "out of memory");
		}
	}
	if (has(c, C_TREATY, s)) {
		if (has(c, C_TREATY_PRIMACY, s))
			c->treaty_primacy = true;
		/* a rule on treaties' place in the legal order left to ordinary
		 * law, not a sentence on publishing, ratifying or extraditing */
		size_t dl = find(c, C_DETERMINED_BY_LAW, s, 0);
		if (dl != SIZE_MAX && has(c, C_TREATY_EFFECT, s) && !c->have_treaty_by_law) {
			c->have_treaty_by_law = true;
			c->treaty_by_law.node = node;
			c->treaty_by_law.article = article;
			c->treaty_by_law.s = *s;
			c->treaty_by_law.match = c->m[find(c, C_TREATY, s, 0)].first;
		}
	}
	/* a ban on propaganda or incitement whose objects reach beyond art.
	 * 20(2): "social … superiority", the constitutional order, integrity */
	size_t prop = find(c, C_PROPAGANDA, s, 0), bo = find(c, C_BROAD_OBJECT, s, 0);
	/* a ban on associations whose aims are propaganda or incitement ("The
	 * creation and activities of … associations that … incite social
	 * hatred … shall be prohibited") restricts association (art. 22(2)),
	 * not speech; there, tribal or clan hatred is ethnic hatred, whose
	 * organisations ICERD art. 4(b) requires banning */
	size_t ab = find(c, C_ASSOCIATION_BAN, s, 0);
	bool assoc = prop != SIZE_MAX && ab != SIZE_MAX && c->m[ab].first < c->m[prop].first;
	while (assoc && bo != SIZE_MAX) {
		bool ethnic = false;
		for (size_t k = find(c, C_ETHNIC_OBJECT, s, 0); k != SIZE_MAX && !ethnic; k = find(c, C_ETHNIC_OBJECT, s, c->m[k].first + 1))
			ethnic = !(c->m[k].last < c->m[bo].first || c->m[bo].last < c->m[k].first);
		if (!ethnic)
			break;
		bo = find(c, C_BROAD_OBJECT, s, c->m[bo].first + 1);
	}
	if (prop != SIZE_MAX && bo != SIZE_MAX && has(c, C_PROHIBITION, s) && assoc)
		add_finding(c, "association.ban-broad", node, article, RULE_STD, s, c->m[bo].first, c->m[bo].last,
			    fill(c, "association.ban-broad", "propaganda", span(c, c->m[prop].first, c->m[prop].last),
				 "object", span(c, c->m[bo].first, c->m[bo].last), NULL));
	else if (prop != SIZE_MAX && bo != SIZE_MAX && has(c, C_PROHIBITION, s))
		add_finding(c, "expression.propaganda-ban-broad", node, article, RULE_STD, s, c->m[bo].first, c->m[bo].last,
			    fill(c, "expression.propaganda-ban-broad", "propaganda", span(c, c->m[prop].first, c->m[prop].last),
				 "object", span(c, c->m[bo].first, c->m[bo].last), NULL));
	/* loss of citizenship allowed on a vague ground ("other serious damage
	 * to the vital interests") */
	size_t loss = find(c, C_CITIZENSHIP_LOSS, s, 0);
	if (loss != SIZE_MAX && has(c, C_ALLOWED, s)) {
		size_t vg = SIZE_MAX;
		for (size_t k = 0; k < c->n_m && vg == SIZE_MAX; k++) {
			const cov_match *m = &c->m[k];
			const char *aim = m->concept < 512 ? c->aim_of_concept[m->concept] : NULL;
			if (in_sentence(m, s) && m->first > c->m[loss].last &&
			    (m->concept == c->concept[C_VAGUE] || (aim && !aim_of_any(c, aim))))
				vg = k;
		}
		if (vg != SIZE_MAX)
			add_finding(c, "nationality.arbitrary-deprivation", node, article, RULE_STD, s, c->m[vg].first, c->m[vg].last,
				    fill(c, "nationality.arbitrary-deprivation", "ground", span(c, c->m[vg].first, c->m[vg].last), NULL));
	}
	/* every prisoner denied the vote */
	size_t pr = find(c, C_PRISON, s, 0);
	if (pr != SIZE_MAX && (rights_in(c, s) & rule_rights(c, "elections.prisoners-disenfranchised")) && has(c, C_DENIED, s))
		add_finding(c, "elections.prisoners-disenfranchised", node, article, RULE_STD, s, c->m[pr].first, c->m[pr].last, NULL);
	/* conduct made unconstitutional or punishable on a vague ground */
	size_t uc = find(c, C_UNLAWFUL_CONDUCT, s, 0);
	if (uc != SIZE_MAX) {
		size_t vg = SIZE_MAX;
		for (size_t k = 0; k < c->n_m && vg == SIZE_MAX; k++) {
			const cov_match *m = &c->m[k];
			const char *aim = m->concept < 512 ? c->aim_of_concept[m->concept] : NULL;
			if (in_sentence(m, s) && aim && (strcmp(aim, "interethnic-harmony") == 0 || strcmp(aim, "traditional-values") == 0))
				vg = k; /* harmony and values, not the interests of the State a prosecution may be weighed against */
		}
		if (vg != SIZE_MAX)
			add_finding(c, "limit.vague-offence", node, article, RULE_STD, s, c->m[vg].first, c->m[vg].last,
				    fill(c, "limit.vague-offence", "ground", span(c, c->m[vg].first, c->m[vg].last),
					 "words", span(c, c->m[uc].first, c->m[uc].last), NULL));
	}
	/* the ombudsperson is the subject of the sentence, appointed by the executive */
	size_t om = find(c, C_OMBUDS, s, 0);
	size_t ap = find(c, C_APPOINTED_EXEC, s, 0);
	if (om != SIZE_MAX && ap != SIZE_MAX && c->m[om].first <= s->first + 3 && c->m[ap].first > c->m[om].last &&
	    !has(c, C_WITH_CONSENT, s))
		add_finding(c, "nhri.executive-appointment", node, article, RULE_STD, s, c->m[ap].first, c->m[ap].last, NULL);
}

/* The rights a grant is about: those named nearest to the verb ("have the
 * right to freedom of association" — not the associations mentioned later
 * in "information on the activity of public associations"). */
static rightset granted_rights(const ctx *c, const sentence *s, size_t grant)
{
	size_t best = SIZE_MAX;
	const cov_match *g = &c->m[grant];
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept >= 512 || !c->right_of_concept[m->concept] || !in_sentence(m, s))
			continue;
		size_t d = m->first > g->last ? m->first - g->last : g->first > m->last ? g->first - m->last : 0;
		if (d < best)
			best = d;
	}
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept >= 512 || !c->right_of_concept[m->concept] || !in_sentence(m, s))
			continue;
		size_t d = m->first > g->last ? m->first - g->last : g->first > m->last ? g->first - m->last : 0;
		if (d == best)
			set |= (rightset)1 << c->right_of_concept[m->concept];
	}
	return set;
}

/* The rights a grant gives as its object: named within a few words after
 * the verb ("Citizens have the right to freedom of association"), not in a
 * list of grounds ("… regardless of sex, creed, religion"), not a party
 * or political association (art. 25: "association for political purposes"),
 * not "without discrimination" trailing a grant of something else. */
static rightset object_rights_before(const ctx *c, const sentence *s, size_t grant);

static rightset object_rights(const ctx *c, const sentence *s, size_t grant)
{
	if (c->lex->verb_final)
		return object_rights_before(c, s, grant);
	const cov_match *g = &c->m[grant];
	size_t limit = g->last + 10;
	size_t gl = find(c, C_GROUNDS_LIST, s, g->last);
	if (gl != SIZE_MAX && c->m[gl].first < limit)
		limit = c->m[gl].first;
	size_t cap = gl != SIZE_MAX ? c->m[gl].first : SIZE_MAX;
	rightset set = 0;
	/* a list goes on: "freedom of opinion and speech, freedom of the press,
	 * the right to be informed, and the right to assemble, form
	 * associations" — each right named reaches the window further */
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t i = 0; i < c->n_m; i++) {
			const cov_match *m = &c->m[i];
			if (m->concept < 512 && c->right_of_concept[m->concept] && in_sentence(m, s) && m->last > g->last &&
			    m->first < limit && m->last + 10 > limit && m->last + 10 <= cap) {
				limit = m->last + 10;
				grew = true;
			}
		}
	}
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept >= 512 || !c->right_of_concept[m->concept] || !in_sentence(m, s) || m->last <= g->last ||
		    m->first < g->first || m->first >= limit)
			continue;
		int art = c->right_of_concept[m->concept];
		/* "without discrimination" (the lexicon's non-discrimination words) trails a grant of something else */
		bool nd = false;
		for (size_t k = 0; (c->equality & ((rightset)1 << art)) && k < c->n_m && !nd; k++)
			nd = c->m[k].concept == c->concept[C_NONDISCRIMINATION] && c->m[k].first == m->first;
		if (nd)
			continue;
		if (c->not_near[art] >= 0) {
			/* "not-near: political": a party or political association is art. 25 */
			bool near = false;
			for (size_t k = 0; k < c->n_m && !near; k++) {
				const cov_match *p = &c->m[k];
				if (p->concept == c->not_near[art] && in_sentence(p, s) && p->first + 3 >= m->first &&
				    p->first <= m->last + 3)
					near = true;
			}
			if (near)
				continue;
		}
		set |= (rightset)1 << art;
	}
	return set;
}

/* The same in a verb-final language (kk: «Әр адам өмір сүруге, бостандықта
 * болуға … құқылы»): the rights named in the few words before the verb,
 * a list reaching further back with each right it names. */
static rightset object_rights_before(const ctx *c, const sentence *s, size_t grant)
{
	const cov_match *g = &c->m[grant];
	size_t lo = g->first > 10 ? g->first - 10 : 0;
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t i = 0; i < c->n_m; i++) {
			const cov_match *m = &c->m[i];
			if (m->concept < 512 && c->right_of_concept[m->concept] && in_sentence(m, s) && m->last < g->first &&
			    m->last >= lo && m->first < lo + 10 && m->first >= 10 && m->first - 10 < lo) {
				lo = m->first - 10;
				grew = true;
			}
		}
	}
	rightset set = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		if (m->concept < 512 && c->right_of_concept[m->concept] && in_sentence(m, s) && m->last < g->first &&
		    m->last >= lo)
			set |= (rightset)1 << c->right_of_concept[m->concept];
	}
	return set;
}

/* ---- one provision ---- */

static const char *article_of(const ctx *c, const cov_node *n)
{
	for (const cov_node *p = n; p; p = p->parent)
		if (p->kind == c->doc->primary)
			return p->num;
	return "";
}

/* The slot of `article` in the hash of article numbers (FNV-1a): where it
 * is, or the empty slot where it goes. */
static size_t art_slot(const ctx *c, const char *article)
{
	size_t h = 1469598103934665603u;
	for (const unsigned char *p = (const unsigned char *)article; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	size_t mask = c->n_art_slots - 1;
	for (h &= mask; c->art_slots[h] && strcmp(c->arts[c->art_slots[h] - 1].num, article) != 0; h = (h + 1) & mask)
		;
	return h;
}

static void note_article_rights(ctx *c, const char *article, rightset rights, rightset granted)
{
	if (c->n_art_slots) {
		size_t *slot = &c->art_slots[art_slot(c, article)];
		if (*slot) {
			c->arts[*slot - 1].rights |= rights;
			c->arts[*slot - 1].granted |= granted;
			return;
		}
	}
	if ((c->n_arts + 1) * 2 > c->n_art_slots) { /* grow the hash: every article again */
		size_t n = c->n_art_slots ? c->n_art_slots * 2 : 64;
		size_t *slots = calloc(n, sizeof *slots);
		if (!slots) {
			c->status = cov_error_set(COV_ENOMEM, "out of memory");
			return;
		}
		free(c->art_slots);
		c->art_slots = slots;
		c->n_art_slots = n;
		for (size_t i = 0; i < c->n_arts; i++)
			c->art_slots[art_slot(c, c->arts[i].num)] = i + 1;
	}
	if (!GROW(c->arts, c->n_arts, c->cap_arts)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	c->art_slots[art_slot(c, article)] = c->n_arts + 1;
	c->arts[c->n_arts].num = article;
	c->arts[c->n_arts].rights = rights;
	c->arts[c->n_arts].open = 0;
	c->arts[c->n_arts++].granted = granted;
}

/* The article's rights guaranteed to no one in particular or to everyone. */
static void note_article_open(ctx *c, const char *article, rightset open)
{
	note_article_rights(c, article, 0, 0);
	size_t slot = c->n_art_slots ? c->art_slots[art_slot(c, article)] : 0;
	if (slot)
		c->arts[slot - 1].open |= open;
}

static rightset article_open(const ctx *c, const char *article)
{
	size_t slot = c->n_art_slots ? c->art_slots[art_slot(c, article)] : 0;
	return slot ? c->arts[slot - 1].open : 0;
}

/* "guarantees", "is inviolable" (not "protection of independence", not
 * "security"): a sentence that guarantees what it names */
static bool guarantees(const ctx *c, const sentence *s)
{
	static const char *const stems[] = {"guarant", "inviolab", "гарантир", "неприкосновен"};
	for (size_t k = find(c, C_PROTECTED, s, 0); k != SIZE_MAX; k = find(c, C_PROTECTED, s, c->m[k].first + 1)) {
		const char *f = c->tokp->v[c->m[k].first].fold;
		for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
			if (strncmp(f, stems[i], strlen(stems[i])) == 0)
				return true;
	}
	return false;
}

/* Does sentence `s` grant or guarantee the rights it names, for the
 * coverage view: a grant verb, a guarantee ("The State protects marriage",
 * "is inviolable"), a holder at its start ("No one shall be subjected to
 * torture", "Everyone is equal before the law"), or a ban on torture. */
static rightset guaranteed_in(const ctx *c, const sentence *s, rightset named)
{
	if (!named)
		return 0;
	/* "No one shall be confined, restricted or arrested except …" */
	size_t he = find(c, C_HOLDER_EVERYONE, s, 0);
	if (he != SIZE_MAX && c->m[he].first <= s->first + 3) {
		const char *f = c->tokp->v[c->m[he].first].fold;
		if (strcmp(f, "no") == 0 || strcmp(f, "nobody") == 0 || strcmp(f, "никто") == 0)
			return named;
	}
	if (has(c, C_RESTRICT, s) || has(c, C_DELEGATION, s))
		return 0;
	static const char *const stems[] = {"guarant", "inviolab", "protect", "safeguard", "sacrosanct",
					    "гарантир", "неприкосновен", "защищ", "охраня"};
	rightset near = 0; /* the rights named within a few words of the verb ("The State protects marriage") */
	for (size_t k = find(c, C_PROTECTED, s, 0); k != SIZE_MAX; k = find(c, C_PROTECTED, s, c->m[k].first + 1)) {
		const char *f = c->tokp->v[c->m[k].first].fold;
		bool verb = false;
		for (size_t i = 0; i < sizeof stems / sizeof *stems && !verb; i++)
			verb = strncmp(f, stems[i], strlen(stems[i])) == 0;
		for (size_t i = 0; verb && i < c->n_m; i++) {
			const cov_match *m = &c->m[i];
			int art = m->concept < 512 ? c->right_of_concept[m->concept] : 0;
			if (art && in_sentence(m, s) && (named & ((rightset)1 << art)) &&
			    (m->first > c->m[k].last ? m->first - c->m[k].last : c->m[k].first - m->last) <= 10)
				near |= (rightset)1 << art;
		}
	}
	if (near)
		return near;
	/* a phrase that is itself a guarantee: "the right to life", "freedom of
	 * association", "presumed innocent", "equal before the law" */
	static const char *const heads[] = {"right", "freedom", "liberty", "presum", "equal", "fair", "прав", "свобод", "презумп", "равн"};
	rightset phrased = 0;
	for (size_t i = 0; i < c->n_m; i++) {
		const cov_match *m = &c->m[i];
		int art = m->concept < 512 ? c->right_of_concept[m->concept] : 0;
		if (!art || !in_sentence(m, s) || !(named & ((rightset)1 << art)) || m->last == m->first)
			continue;
		const char *f = c->tokp->v[m->first].fold;
		for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
			if (strncmp(f, heads[h], strlen(heads[h])) == 0)
				phrased |= (rightset)1 << art;
	}
	if (phrased)
		return phrased;
	if (he != SIZE_MAX && c->m[he].first <= s->first + 3)
		return named;
	/* "Torture is forbidden"; "Any kind of discrimination … shall be forbidden" */
	if (has(c, C_PROHIBITION, s) || has(c, C_EQUALITY_CLAUSE, s))
		return named & c->by_prohibition;
	return 0;
}

static void provision(ctx *c, const cov_node *n, rightset *article_ctx)
{
	rightset granted_here = 0;
	size_t first = cov_tokens_at(c->tokp, n->text_start), last = cov_tokens_at(c->tokp, n->text_end);
	if (first >= last)
		return;
	c->n_m = 0;
	int rc = cov_match_range(c->lex, c->tokp, first, last, &c->m, &c->n_m, &c->cap_m);
	if (rc) {
		c->status = rc;
		return;
	}
	sentence ss[256];
	size_t ns = split_sentences(c, first, last, ss, 256);
	sentence whole = {first, last - 1, n->text_start, n->text_end};
	rightset own = rights_in(c, &whole);
	if (has(c, C_NONDISCRIMINATION, &whole)) {
		/* "religion" in a list of grounds is not the right of art. 18: a
		 * sentence on discrimination concerns art. 26 alone, the others of
		 * the provision what they name (UDHR art. 23: equal pay "without any
		 * discrimination"; the right to form and join trade unions) */
		own = c->equality;
		for (size_t i = 0; i < ns; i++)
			if (!has(c, C_NONDISCRIMINATION, &ss[i]))
				own |= rights_in(c, &ss[i]);
	}
	rightset ctx_rights = own ? own : *article_ctx;
	if (own)
		*article_ctx = own;
	const char *article = article_of(c, n);
	note_article_rights(c, article, own, 0);
	c->doc_rights |= own;

	if (!GROW(c->rev->provisions, c->rev->n_provisions, c->rev->cap_provisions)) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		c->rev->n_provisions = c->rev->cap_provisions = 0;
		return;
	}
	cov_provision *p = &c->rev->provisions[c->rev->n_provisions++];
	memset(p, 0, sizeof *p);
	p->node = n;
	p->article = article;
	p->holder = "";
	int *rights = cov_arena_alloc(&c->rev->arena, COV_MAX_ICCPR * sizeof *rights);
	for (int k = 1; rights && k < COV_MAX_ICCPR; k++)
		if (own & ((rightset)1 << k))
			rights[p->n_rights++] = k;
	p->rights = rights;
	cov_limitation *lims = cov_arena_alloc(&c->rev->arena, (ns + 1) * sizeof *lims);

	for (size_t i = 0; i < ns && c->status == COV_OK; i++) {
		const sentence *s = &ss[i];
		rightset srights = rights_in(c, s) & own;
		/* who holds the right this sentence grants: the subject, at the
		 * start of the sentence before the verb ("Граждане … имеют право",
		 * "Everyone has the right"); "the rights of other citizens" later
		 * in a sentence is no holder */
		size_t grant = find(c, C_GRANT, s, 0);
		/* "не вправе", "shall not have the right": no grant */
		for (size_t k = find(c, C_NEGATION, s, 0); grant != SIZE_MAX && k != SIZE_MAX;
		     k = find(c, C_NEGATION, s, c->m[k].first + 1))
			if (c->m[k].last + 1 == c->m[grant].first || (c->m[k].first >= c->m[grant].first && c->m[k].last <= c->m[grant].last))
				grant = SIZE_MAX;
		if (srights && grant != SIZE_MAX) {
			size_t he = find(c, C_HOLDER_EVERYONE, s, 0), hc = find(c, C_HOLDER_CITIZENS, s, 0);
			if (he != SIZE_MAX && (c->m[he].first > s->first + 3 || c->m[he].first > c->m[grant].first))
				he = SIZE_MAX;
			if (hc != SIZE_MAX && (c->m[hc].first > s->first + 3 || c->m[hc].first > c->m[grant].first))
				hc = SIZE_MAX;
			bool citizens = hc != SIZE_MAX && (he == SIZE_MAX || c->m[hc].first < c->m[he].first);
			srights = granted_rights(c, s, grant);
			note_article_rights(c, article, 0, srights);
			if (!p->holder[0])
				p->holder = citizens ? "citizens" : he != SIZE_MAX ? "everyone" : "";
			rightset object = object_rights(c, s, grant);
			granted_here |= srights | object;
			if (!citizens) {
				c->granted_everyone |= object | (he == SIZE_MAX && hc == SIZE_MAX ? srights : 0);
				note_article_open(c, article, object | srights);
			}
			/* the citizens' own rights (art. 25) and those that are no right of their own (art. 2) */
			object &= ~c->accessory;
			for (int art = 1; art < COV_MAX_ICCPR; art++) {
				const cov_std_article *a = cov_rights_article(c->r, art);
				if ((object & ((rightset)1 << art)) && !(a && a->everyone))
					object &= ~((rightset)1 << art);
			}
			if (citizens && object) {
				if (GROW(c->holders, c->n_holders, c->cap_holders)) {
					holder_cand *h = &c->holders[c->n_holders++];
					h->node = n;
					h->article = article;
					h->s = *s;
					h->rights = object;
					h->first = c->m[hc].first;
					h->last = c->m[hc].last;
					/* every art. 19 word of the sentence is one of information */
					h->information = (object & ((rightset)1 << 19)) && find(c, C_INFORMATION, s, 0) != SIZE_MAX;
					for (size_t k = 0; k < c->n_m && h->information; k++) {
						const cov_match *m = &c->m[k];
						if (m->concept >= 512 || c->right_of_concept[m->concept] != 19 || !in_sentence(m, s))
							continue;
						bool info = false;
						for (size_t j = find(c, C_INFORMATION, s, 0); j != SIZE_MAX && !info; j = find(c, C_INFORMATION, s, c->m[j].first + 1))
							info = c->m[j].first == m->first; /* "receive … information", not "impart information" */
						h->information = info;
					}
				} else {
					c->status = cov_error_set(COV_ENOMEM, "out of memory");
				}
			}
		}
		/* "The State guarantees the secrecy of correspondence": guaranteed to
		 * no one in particular, which a later "Any citizen has the right …"
		 * in the same article adds to and does not narrow */
		else if (srights && !has(c, C_HOLDER_CITIZENS, s) && guarantees(c, s) && !has(c, C_RESTRICT, s) &&
			 !has(c, C_CONDITION, s) && !has(c, C_BY_LAW, s) && !has(c, C_NEGATION, s))
			note_article_open(c, article, srights);
		if (srights && grant == SIZE_MAX)
			granted_here |= guaranteed_in(c, s, sentence_rights(c, s, s->last + 1) & own);
		size_t before = lims ? p->n_limitations : 0;
		limitation_rules(c, n, article, s, ctx_rights, lims ? &lims[p->n_limitations] : NULL);
		if (lims && (lims[before].end > 0))
			p->n_limitations++;
		pattern_rules(c, n, article, s, own);
	}
	p->limitations = lims;
	granted_here &= own;
	int *gr = cov_arena_alloc(&c->rev->arena, COV_MAX_ICCPR * sizeof *gr);
	for (int k = 1; gr && k < COV_MAX_ICCPR; k++)
		if (granted_here & ((rightset)1 << k))
			gr[p->n_granted++] = k;
	p->granted = gr;
	/* named guarantees ("guarantee strike" in the lexicon) and treaty primacy */
	enum { MAX_GUARANTEES = 32 }; /* the lexicons name 18 (ICESCR arts. 6-15 among them) and treaty primacy */
	const char **g = cov_arena_alloc(&c->rev->arena, MAX_GUARANTEES * sizeof *g);
	for (size_t i = 0; g && i < c->n_m && p->n_guarantees < MAX_GUARANTEES; i++) {
		const char *name = c->r->concepts[c->m[i].concept];
		const char *add = strncmp(name, "guarantee ", 10) == 0 ? name + 10 : NULL;
		if (c->m[i].concept == c->concept[C_TREATY_PRIMACY] && has(c, C_TREATY, &whole))
			add = "treaty-primacy";
		bool dup = false;
		for (size_t k = 0; add && k < p->n_guarantees; k++)
			dup |= strcmp(g[k], add) == 0;
		if (add && !dup)
			g[p->n_guarantees++] = add;
	}
	p->guarantees = g;
}

/* ---- after the walk ---- */

static bool is_number(const char *f)
{
	return f[0] >= '0' && f[0] <= '9';
}

/* Do the bytes between two tokens make a range ("11-18", "11–18", "11 to 18")? */
static bool range_between(const ctx *c, size_t a, size_t b)
{
	const char *t = c->doc->text;
	size_t from = c->tokp->v[a].end, to = c->tokp->v[b].start;
	if (b == a + 2 && (strcmp(c->tokp->v[a + 1].fold, "to") == 0 || strcmp(c->tokp->v[a + 1].fold, "по") == 0))
		return true;
	if (b != a + 1)
		return false;
	for (size_t i = from; i < to; i++)
		if (t[i] == '-' || (i + 2 < to + 2 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
				     ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94)))
			return true;
	return false;
}

/* What article `num` puts out of reach when a list names it. */
static rightset article_listed(ctx *c, const char *num, rightset granted_anywhere)
{
	size_t slot = c->n_art_slots ? c->art_slots[art_slot(c, num)] : 0;
	return slot ? c->arts[slot - 1].granted | (c->arts[slot - 1].rights & ~granted_anywhere) : 0;
}

/* The rights a list of articles puts out of reach ("… предусмотренные
 * статьями 12, 14, 16 …"): a right counts when an article that grants it
 * ("Everyone has the right to freedom of conscience") is listed; an article
 * that only mentions it (a privacy article mentioning information) does
 * not count unless no article grants that right at all.  Each number of
 * the list is looked up among the articles (not each article in the list). */
static rightset listed_rights(ctx *c, const sentence *list, size_t n, size_t *numbers)
{
	rightset granted_anywhere = 0;
	for (size_t i = 0; i < c->n_arts; i++)
		granted_anywhere |= c->arts[i].granted;
	rightset out = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = list[i].first; k <= list[i].last; k++) {
			const char *fold = c->tokp->v[k].fold;
			if (!is_number(fold))
				continue;
			if (numbers)
				(*numbers)++;
			out |= article_listed(c, fold, granted_anywhere);
			/* ranges are ranges: "Articles 11–18" lists 12 … 17 too */
			bool plain = strspn(fold, "0123456789") == strlen(fold);
			for (size_t e = k + 1; plain && e <= k + 2 && e <= list[i].last; e++)
				if (is_number(c->tokp->v[e].fold) && range_between(c, k, e)) {
					long lo = strtol(fold, NULL, 10), hi = strtol(c->tokp->v[e].fold, NULL, 10);
					for (long v = lo + 1; lo < hi && hi - lo < 200 && v < hi; v++) {
						char num[24];
						snprintf(num, sizeof num, "%ld", v);
						out |= article_listed(c, num, granted_anywhere);
					}
				}
		}
	return out;
}

/* "freedom of opinion and expression (art. 19), peaceful assembly (art. 21)" */
static const char *rights_names(ctx *c, rightset set)
{
	char buf[1024] = "";
	for (int art = 1; art < COV_MAX_ICCPR; art++)
		if (set & ((rightset)1 << art)) {
			size_t l = strlen(buf);
			char num[16];
			snprintf(num, sizeof num, "%d", art);
			const char *one = fill(c, "right-name", "right", right_name(c, art), "num", num, NULL);
			snprintf(buf + l, sizeof buf - l, "%s%s", l ? ", " : "", one ? one : right_name(c, art));
		}
	const char *p = cov_arena_strndup(&c->rev->arena, buf, strlen(buf));
	return p ? p : "";
}

/* "arts. 19, 21" or "art. 18" */
static const char *art_list(ctx *c, rightset set)
{
	char buf[256] = "";
	int n = 0;
	for (int art = 1; art < COV_MAX_ICCPR; art++)
		if (set & ((rightset)1 << art)) {
			size_t l = strlen(buf);
			snprintf(buf + l, sizeof buf - l, "%s%d", n++ ? ", " : "", art);
		}
	const char *p = cov_arena_printf(&c->rev->arena, "%s %s", n > 1 ? "arts." : "art.", buf);
	return p ? p : "";
}

static int standard_of(const ctx *c, rightset set)
{
	return first_right(set & c->cite_first) ? first_right(set & c->cite_first) : first_right(set);
}

/* One finding per sentence that restricts rights: the most serious of its
 * problems names the rule; the message lists every right and aspect. */
static void emit_limits(ctx *c, rightset excluded)
{
	rightset doc_closed = closed_of(c, c->doc_rights) & ~excluded;
	rightset gen_nec = 0;
	/* the rights a general clause governs: those of the articles it lists,
	 * or every restrictable right of the document */
	for (size_t i = 0; i < c->n_lims; i++) {
		limit_cand *l = &c->lims[i];
		if (!l->general)
			continue;
		size_t numbers = 0;
		rightset listed_set = listed_rights(c, &l->s, 1, &numbers);
		l->rights = numbers ? closed_of(c, listed_set) & ~excluded : doc_closed;
		/* a general clause with a necessity test supplies it to every right
		 * it governs, those out of reach in an emergency too */
		if (l->provision_necessity)
			gen_nec |= numbers ? closed_of(c, listed_set) : closed_of(c, c->doc_rights);
	}
	for (size_t i = 0; i < c->n_lims && c->status == COV_OK; i++) {
		limit_cand *l = &c->lims[i];
		if (!l->rights || l->necessity_only)
			continue;
		char msg[2048] = "";
		size_t ml = 0;
		rightset bad_all = 0;
		size_t bad_first = SIZE_MAX, bad_last = 0;
		size_t bad_spans[32][2]; /* the tokens of every ground not allowed */
		size_t n_bad = 0;
		int seen[32];
		size_t n_seen = 0;
		for (size_t k = 0; k < l->n_grounds; k++) {
			const char *aim = l->aim[k];
			bool dup = false;
			for (size_t j = 0; j < n_seen; j++)
				dup |= seen[j] == l->ground[k];
			if (dup)
				continue;
			seen[n_seen++] = l->ground[k];
			rightset bad = 0;
			for (int art = 1; art < COV_MAX_ICCPR; art++) {
				const cov_std_article *a = cov_rights_article(c->r, art);
				if ((l->rights & ((rightset)1 << art)) && a && !aim_allowed(a, aim))
					bad |= (rightset)1 << art;
			}
			/* "The exercise of these rights may be restricted … in the
			 * interests of national security", after "freedom of thought and
			 * speech": which right it restricts is not said, so an aim one of
			 * them allows is no finding */
			if (l->from_context && bad != l->rights)
				bad = 0;
			if (!bad)
				continue;
			if (bad_first == SIZE_MAX) {
				bad_first = l->gfirst[k];
				bad_last = l->glast[k];
			}
			if (n_bad < 32) {
				bad_spans[n_bad][0] = l->gfirst[k];
				bad_spans[n_bad++][1] = l->glast[k];
			}
			bad_all |= bad;
			ml += (size_t)snprintf(msg + ml, ml < sizeof msg ? sizeof msg - ml : 0, "%s«%s» (%s) is not among the aims %s %s allow%s",
					       ml ? "; " : "", span(c, l->gfirst[k], l->glast[k]), aim, c->r->standards[0].abbrev,
					       art_list(c, bad), (bad & (bad - 1)) ? "" : "s");
		}
		bool vague = l->n_vague > 0;
		bool no_nec = !l->necessity && l->n_grounds && l->marker != SIZE_MAX && (l->rights & ~gen_nec);
		bool deleg = l->deleg != SIZE_MAX && l->marker != SIZE_MAX && l->n_grounds == 0 && !(l->rights & gen_nec);
		const char *rule;
		size_t tf, tl;
		rightset affected = bad_all ? bad_all : l->rights;
		const char *who = l->general ? "The general limitation clause" : "This clause";
		char head[4096];
		if (l->blanket) {
			rule = "limit.blanket-condition";
			tf = l->cond, tl = l->cond_last;
			snprintf(head, sizeof head, "%s makes %s conditional on broad values, which lets any exercise of it be "
				 "treated as unlawful.", who, rights_names(c, l->rights));
			affected = l->rights;
		} else if (bad_all) {
			rule = "limit.illegitimate-aim";
			tf = bad_first, tl = bad_last;
			snprintf(head, sizeof head, "%s lets %s be restricted for aims the %s does not allow: %s.", who,
				 rights_names(c, bad_all), c->r->standards[0].abbrev, msg);
		} else if (vague) {
			rule = "limit.vague-ground";
			tf = l->vfirst[0], tl = l->vlast[0];
			snprintf(head, sizeof head, "%s restricts %s on a ground so vague («%s») that no one can foresee what a "
				 "law based on it will forbid.", who, rights_names(c, l->rights), span(c, tf, tl));
		} else if (no_nec) {
			rule = "limit.no-necessity";
			tf = l->marker, tl = l->marker_last;
			snprintf(head, sizeof head, "%s restricts %s without requiring that the restriction be necessary and "
				 "proportionate to a legitimate aim (%s %s).", who, rights_names(c, l->rights), c->r->standards[0].abbrev,
				 art_list(c, l->rights));
		} else if (deleg) {
			rule = "limit.open-delegation";
			tf = l->deleg, tl = l->deleg_last;
			snprintf(head, sizeof head, "%s leaves the restriction of %s to ordinary law with no aims or criteria, so the "
				 "Constitution sets no limit on it (%s %s).", who, rights_names(c, l->rights), c->r->standards[0].abbrev,
				 art_list(c, l->rights));
		} else {
			continue;
		}
		char full[8192];
		size_t fl = (size_t)snprintf(full, sizeof full, "%s", head);
		if (l->blanket && bad_all && fl < sizeof full)
			fl += (size_t)snprintf(full + fl, sizeof full - fl, " Aims: %s.", msg);
		for (size_t k = strcmp(rule, "limit.vague-ground") == 0 ? 1 : 0; vague && k < l->n_vague && fl < sizeof full; k++)
			fl += (size_t)snprintf(full + fl, sizeof full - fl, "%s«%s»%s", k == 0 || (k == 1 && strcmp(rule, "limit.vague-ground") == 0) ? " Vague: " : ", ",
					       span(c, l->vfirst[k], l->vlast[k]), k + 1 == l->n_vague ? " — no one can foresee what a law based on it will forbid." : "");
		if (no_nec && strcmp(rule, "limit.no-necessity") != 0 && fl < sizeof full)
			snprintf(full + fl, sizeof full - fl, " It does not require the restriction to be necessary and proportionate.");
		size_t before = c->rev->n_findings;
		add_finding(c, rule, l->node, l->article, standard_of(c, affected), &l->s, tf, tl,
			    cov_arena_strndup(&c->rev->arena, full, strlen(full)));
		if (c->rev->n_findings > before && bad_all && n_bad)
			set_grounds(c, &c->rev->findings[before], bad_spans, n_bad);
	}
}

/* Whom the standard gives the rights: everyone in the territory or
 * jurisdiction, or what an article's "holder-note" says (ICCPR art. 12:
 * movement to everyone lawfully within the territory). */
static const char *holder_due(ctx *c, rightset set)
{
	for (int art = 1; art < COV_MAX_ICCPR; art++) {
		const cov_std_article *a = cov_rights_article(c->r, art);
		if (!(set & ((rightset)1 << art)) || !a)
			continue;
		if (set == ((rightset)1 << art) && a->holder_note)
			return fill(c, "holder.citizens-only/due-note", "note", a->holder_note, NULL);
		if (a->holder_note_short)
			return fill(c, "holder.citizens-only/due-note-short", "note", a->holder_note_short, NULL);
	}
	return fill(c, (set & (set - 1)) ? "holder.citizens-only/due-many" : "holder.citizens-only/due-one", NULL);
}

/* Rights granted to citizens only, unless another sentence gives the same
 * right to everyone ("association to everyone, parties to citizens") or the
 * same article guarantees it to no one in particular.  One finding per
 * article: the citizens' sentences of its paragraphs are one problem
 * (Bhutan 7, Malaysia 10), quoted from the first to the last. */
static void emit_holders(ctx *c)
{
	/* foreigners given the citizens' rights with no exception: a grant to
	 * citizens denies the right to no one */
	if (c->alien.article && !c->alien.conditional && !c->alien.reserved)
		return;
	bool aliens = c->alien.article && !c->alien.reserved;
	for (size_t i = 0; i < c->n_holders; i++) {
		holder_cand *h = &c->holders[i];
		bool done = false;
		for (size_t k = 0; k < i && !done; k++)
			done = strcmp(c->holders[k].article, h->article) == 0;
		if (done)
			continue; /* merged into the article's first */
		rightset set = 0;
		bool information = true;
		sentence q = h->s;
		const cov_node *node = h->node;
		for (size_t k = i; k < c->n_holders; k++) {
			const holder_cand *o = &c->holders[k];
			if (strcmp(o->article, h->article) != 0)
				continue;
			rightset own = o->rights & ~c->granted_everyone & ~article_open(c, o->article);
			if (!own)
				continue;
			if (!set) {
				q = o->s;
				node = o->node;
				h = &c->holders[k];
			}
			set |= own;
			information &= o->information || !(own & ((rightset)1 << 19));
			if (o->s.end > q.end) {
				q.end = o->s.end;
				q.last = o->s.last;
			}
		}
		if (!set)
			continue;
		/* the right to information alone (art. 19(2) as General Comment 34
		 * §18 reads it), not freedom of expression */
		information = information && set == ((rightset)1 << 19) && !aliens;
		const char *key = information ? "holder.citizens-only/information"
				  : (set & (set - 1)) ? (aliens ? "holder.citizens-only/many-aliens" : "holder.citizens-only/many")
						      : (aliens ? "holder.citizens-only/one-aliens" : "holder.citizens-only/one");
		char *msg = (char *)fill(c, key, "rights", rights_names(c, set), "holder", span(c, h->first, h->last),
					 "due", holder_due(c, set), "alien", aliens ? c->alien.article : "", NULL);
		if (msg && *msg >= 'a' && *msg <= 'z')
			*msg = (char)(*msg - 'a' + 'A'); /* a sentence: "Peaceful assembly (art. 21) is …" */
		size_t before = c->rev->n_findings;
		add_finding(c, "holder.citizens-only", node, h->article, standard_of(c, set), &q, h->first, h->last, msg);
		/* the text gives the right to foreigners too, unless a law says
		 * otherwise: a law may still deny it, the text does not; access to
		 * information alone is a narrower part of art. 19 */
		if ((aliens || information) && c->rev->n_findings > before)
			c->rev->findings[before].severity = COV_SEVERITY_MEDIUM;
	}
}

/* The article whose heading begins with `word` (case folded), depth first. */
static const cov_node *article_headed(const ctx *c, const cov_node *n, const char *word, size_t len)
{
	for (const cov_node *k = n->first; k; k = k->next) {
		if (k->kind == c->doc->primary && k->num && k->heading) {
			/* the heading case-folded as the words are («Достоинство
			 * личности», "Dignity and inviolability") */
			char h[256];
			int hl = cov_utf8_fold(k->heading, strnlen(k->heading, 120), h, sizeof h);
			unsigned char next = hl >= 0 && (size_t)hl > len ? (unsigned char)h[len] : 0;
			if (hl >= 0 && (size_t)hl >= len && memcmp(h, word, len) == 0 &&
			    !((next | 0x20) >= 'a' && (next | 0x20) <= 'z') && next < 0x80)
				return k;
		}
		const cov_node *d = article_headed(c, k, word, len);
		if (d)
			return d;
	}
	return NULL;
}

/* "There shall be no limitations imposed on the rights to: life, …; dignity
 * and respect of a person; …": an item of the list that opens as an
 * article's heading ("Article 28. Dignity and inviolability of persona")
 * puts that article's rights (the torture ban in it) out of reach. */
static rightset headed_rights(ctx *c, const sentence *list, size_t n)
{
	static const char *const skip[] = {"right", "rights", "freedom", "freedoms", "the", "and", "of", "to", "there",
					   "shall", "be", "no", "limitations", "imposed", "on", "a",
					   "право", "права", "прав", "свобода", "свободы", "свобод", "на", "не", "ограничение",
					   "ограничения", "допускается", "может", "быть"};
	const char *t = c->doc->text;
	rightset out = 0;
	for (size_t i = 0; i < n; i++) {
		bool item_start = true;
		for (size_t k = list[i].first; k <= list[i].last; k++) {
			if (k > list[i].first) {
				size_t a = c->tokp->v[k - 1].end, b = c->tokp->v[k].start;
				if (memchr(t + a, ';', b - a) || memchr(t + a, ':', b - a) || memchr(t + a, ',', b - a))
					item_start = true;
			}
			const cov_token *tk = &c->tokp->v[k];
			bool stop = tk->fold_len < 4 || is_number(tk->fold);
			for (size_t s = 0; s < sizeof skip / sizeof *skip && !stop; s++)
				stop = strcmp(tk->fold, skip[s]) == 0;
			if (!item_start || stop)
				continue;
			item_start = false;
			const cov_node *art = article_headed(c, c->doc->root, tk->fold, tk->fold_len);
			size_t slot = art && c->n_art_slots ? c->art_slots[art_slot(c, art->num)] : 0;
			if (slot)
				out |= c->arts[slot - 1].rights;
		}
	}
	return out;
}

static void after_walk(ctx *c)
{
	sentence *lists = malloc((c->n_nonrestr + 1) * sizeof *lists);
	if (!lists) {
		c->status = cov_error_set(COV_ENOMEM, "out of memory");
		return;
	}
	for (size_t i = 0; i < c->n_nonrestr; i++)
		lists[i] = c->nonrestr[i].s;
	rightset excluded = listed_rights(c, lists, c->n_nonrestr, NULL);
	for (size_t i = 0; i < c->n_nonrestr; i++)
		excluded |= c->nonrestr[i].named;
	emit_limits(c, excluded);
	emit_holders(c);
	/* emergencies: the non-derogable rights must be out of reach */
	for (size_t i = 0; i < c->n_emergency; i++) {
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen |= strcmp(c->emergency[k].article, c->emergency[i].article) == 0;
		if (seen)
			continue; /* one finding per emergency article */
		size_t numbers = 0, n_same = 0;
		for (size_t k = 0; k < c->n_nonrestr; k++)
			if (strcmp(c->nonrestr[k].article, c->emergency[i].article) == 0)
				lists[n_same++] = c->nonrestr[k].s;
		/* Kenya lists the rights that may never be limited in another article */
		if (!n_same)
			for (size_t k = 0; k < c->n_nonrestr; k++)
				lists[n_same++] = c->nonrestr[k].s;
		bool listed = n_same > 0;
		rightset protected_ = listed_rights(c, lists, n_same, &numbers) | headed_rights(c, lists, n_same);
		for (size_t k = 0; k < c->n_nonrestr; k++)
			protected_ |= c->nonrestr[k].named;
		numbers += protected_ != 0;
		rightset nonderogable = c->non_derogable;
		if (listed && (!numbers || !(protected_ & nonderogable)))
			continue; /* a list we cannot read (a table of sections): give it the benefit of the doubt */
		/* "the rights … specified in Articles 22, 24, 25 … may be temporarily
		 * limited": the clause lists what may be suspended */
		size_t em_numbers = 0;
		rightset suspendable = listed_rights(c, &c->emergency[i].s, 1, &em_numbers);
		if (em_numbers && !(suspendable & nonderogable))
			continue;
		rightset missing = 0;
		for (int art = 1; art < COV_MAX_ICCPR; art++) {
			const cov_std_article *a = cov_rights_article(c->r, art);
			if (a && a->non_derogable && (c->doc_rights & ((rightset)1 << art)) && !(protected_ & ((rightset)1 << art)))
				missing |= (rightset)1 << art;
		}
		if (em_numbers)
			missing &= suspendable;
		if (missing) {
			add_finding(c, "derogation.non-derogable", c->emergency[i].node, c->emergency[i].article, RULE_STD,
				    &c->emergency[i].s, c->emergency[i].match, c->emergency[i].match,
				    fill(c, listed ? "derogation.non-derogable/listed" : "derogation.non-derogable",
					 "rights", rights_names(c, missing), NULL));
			break; /* the emergency clause once: it is one problem */
		}
	}
	free(lists);
	/* an incomplete list of grounds next to a complete clause elsewhere
	 * (a directive principle beside the bill of rights) is no gap */
	/* and the gaps of a document's guarantee of equality are one problem,
	 * judged on its main clause (the longest list of grounds), not on every
	 * directive principle or fiscal rule that says "without discrimination" */
	{
		size_t k = 0;
		for (size_t i = 0; i < c->rev->n_findings; i++)
			if (strcmp(c->rev->findings[i].rule, "discrimination.grounds-incomplete") != 0 ||
			    (!c->complete_equality && c->rev->findings[i].start == c->eq_best_start))
				c->rev->findings[k++] = c->rev->findings[i];
		c->rev->n_findings = k;
	}
	if (c->have_treaty_by_law && !c->treaty_primacy)
		add_finding(c, "treaty.no-primacy", c->treaty_by_law.node, c->treaty_by_law.article, RULE_STD,
			    &c->treaty_by_law.s, c->treaty_by_law.match, c->treaty_by_law.match, NULL);
}

/* ---- entry points ---- */

static int cmp_finding(const void *a, const void *b)
{
	const cov_finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

/* The standards of a selection ("iccpr", "iccpr,icescr", "all"; NULL is
 * all), as a bit per index of data->rights->standards. */
static int standards_selected(const struct cov_rights_data *r, const char *standard, uint64_t *out)
{
	*out = 0;
	if (!standard || strcmp(standard, "all") == 0) {
		*out = ~(uint64_t)0;
		return COV_OK;
	}
	for (const char *p = standard; *p;) {
		size_t len = strcspn(p, ",");
		size_t k = r->n_standards;
		for (size_t i = 0; i < r->n_standards && k == r->n_standards; i++)
			if (strlen(r->standards[i].id) == len && strncmp(r->standards[i].id, p, len) == 0)
				k = i;
		if (k == r->n_standards || k >= 64) {
			char known[256] = "";
			for (size_t i = 0; i < r->n_standards; i++) {
				size_t l = strlen(known);
				snprintf(known + l, sizeof known - l, "%s, ", r->standards[i].id);
			}
			return cov_error_set(COV_EUSAGE, "unknown standard '%.*s' (data/standards/ has %sall)", (int)len, p, known);
		}
		*out |= (uint64_t)1 << k;
		p += len;
		p += *p == ',';
	}
	return COV_OK;
}

/* Is finding `f` about a standard of the selection?  One that cites no
 * article is about every standard. */
static bool finding_selected(const struct cov_rights_data *r, const cov_finding *f, uint64_t sel)
{
	if (f->standard)
		return sel & 1; /* an ICCPR article: data/standards/iccpr.txt is standards[0] */
	if (!f->standard_id)
		return true;
	size_t len = strcspn(f->standard_id, ":");
	for (size_t i = 0; i < r->n_standards && i < 64; i++)
		if (strlen(r->standards[i].id) == len && strncmp(r->standards[i].id, f->standard_id, len) == 0)
			return sel & ((uint64_t)1 << i);
	return true;
}

static int check_lexicon(const cov_data *data, const cov_doc *doc, const char *standard, const cov_rlex **lex)
{
	uint64_t sel;
	int rc0 = standards_selected(data->rights, standard, &sel);
	if (rc0)
		return rc0;
	int rc = cov_rights_lexicon_get(data->rights, doc->language, lex);
	if (rc)
		return rc;
	if (!*lex)
		return cov_error_set(COV_EINPUT,
				     "%s: no rights lexicon for language '%s' (data/rights/ has %zu; use --lang to say "
				     "which language the text is in)",
				     doc->name, doc->language, data->rights->n_langs);
	return COV_OK;
}

int cov_check(const cov_data *data, const cov_doc *doc, const char *standard, cov_review **out)
{
	*out = NULL;
	const cov_rlex *lex;
	int rc = check_lexicon(data, doc, standard, &lex);
	if (rc)
		return rc;
	cov_tokens tok;
	rc = cov_tokenize_lex(doc->text, doc->len, lex, &tok);
	if (rc)
		return rc;
	rc = cov_check_tokens(data, doc, standard, &tok, out);
	cov_tokens_free(&tok);
	return rc;
}

int cov_check_tokens(const cov_data *data, const cov_doc *doc, const char *standard, cov_tokens *tok,
		     cov_review **out)
{
	*out = NULL;
	const struct cov_rights_data *r = data->rights;
	const cov_rlex *lex;
	int rc0 = check_lexicon(data, doc, standard, &lex);
	if (rc0)
		return rc0;
	ctx *c = calloc(1, sizeof *c);
	cov_review *rev = calloc(1, sizeof *rev);
	if (!c || !rev) {
		free(c);
		free(rev);
		return cov_error_set(COV_ENOMEM, "out of memory");
	}
	cov_arena_init(&rev->arena);
	rev->doc = doc;
	c->data = data;
	c->r = r;
	c->lex = lex;
	c->doc = doc;
	c->rev = rev;
	for (int k = 0; k < C_COUNT; k++)
		c->concept[k] = cov_rights_concept(r, concept_names[k]);
	for (size_t i = 0; i < r->n_concepts && i < 512; i++) {
		const char *name = r->concepts[i];
		if (strncmp(name, "right ", 6) == 0)
			c->right_of_concept[i] = atoi(name + 6) < COV_MAX_ICCPR ? atoi(name + 6) : 0;
		else if (strncmp(name, "ground ", 7) == 0)
			c->aim_of_concept[i] = name + 7;
	}
	for (int k = 0; k < COV_MAX_ICCPR; k++)
		c->not_near[k] = -1;
	for (size_t i = 0; i < r->n_iccpr; i++) {
		const cov_std_article *a = &r->iccpr[i];
		rightset bit = (rightset)1 << a->num;
		c->equality |= a->equality ? bit : 0;
		c->by_prohibition |= a->by_prohibition ? bit : 0;
		c->accessory |= a->accessory ? bit : 0;
		c->cite_first |= a->cite_first ? bit : 0;
		c->non_derogable |= a->non_derogable ? bit : 0;
		if (a->not_near)
			c->not_near[a->num] = cov_rights_concept(r, a->not_near);
	}
	c->tokp = tok;
	int rc = COV_OK;
	{
		cov_iter it;
		cov_iter_init(&it, doc->root);
		cov_event ev;
		rightset article_ctx = 0;
		while (c->status == COV_OK && (ev = cov_iter_next(&it)) != COV_EVENT_DONE) {
			const cov_node *n = it.node;
			if (ev != COV_EVENT_ENTER)
				continue;
			if (n->kind == doc->primary)
				article_ctx = 0;
			bool in_unit = false;
			for (const cov_node *p = n; p; p = p->parent)
				if (p->kind == doc->primary)
					in_unit = true;
			if (in_unit && n->text_end > n->text_start && n->kind != COV_NODE_NOTE)
				provision(c, n, &article_ctx);
		}
		if (c->status == COV_OK)
			after_walk(c);
		rc = c->status;
	}
	uint64_t sel = ~(uint64_t)0;
	if (rc == COV_OK)
		standards_selected(r, standard, &sel);
	rev->standards = sel;
	if (rc == COV_OK && sel != ~(uint64_t)0) { /* --standard: the findings on the standards chosen */
		size_t k = 0;
		for (size_t i = 0; i < rev->n_findings; i++)
			if (finding_selected(r, &rev->findings[i], sel))
				rev->findings[k++] = rev->findings[i];
		rev->n_findings = k;
	}
	if (rc == COV_OK && rev->n_findings)
		qsort(rev->findings, rev->n_findings, sizeof *rev->findings, cmp_finding);
	free(c->m);
	free(c->lims);
	free(c->holders);
	free(c->arts);
	free(c->art_slots);
	free(c->nonrestr);
	free(c->emergency);
	free(c);
	if (rc) {
		cov_review_free(rev);
		return rc;
	}
	*out = rev;
	return COV_OK;
}

void cov_review_free(cov_review *rev)
{
	if (!rev)
		return;
	free(rev->findings);
	free(rev->provisions);
	cov_arena_free(&rev->arena);
	free(rev);
}

const cov_doc *cov_review_doc(const cov_review *r) { return r->doc; }

bool cov_review_standard_chosen(const cov_data *data, const cov_review *r, const char *id, size_t len)
{
	const struct cov_rights_data *rd = data->rights;
	for (size_t i = 0; i < rd->n_standards && i < 64; i++)
		if (strlen(rd->standards[i].id) == len && strncmp(rd->standards[i].id, id, len) == 0)
			return r->standards & ((uint64_t)1 << i);
	return true;
}
size_t cov_review_count(const cov_review *r) { return r->n_findings; }
const cov_finding *cov_review_finding(const cov_review *r, size_t i) { return i < r->n_findings ? &r->findings[i] : NULL; }
size_t cov_review_provision_count(const cov_review *r) { return r->n_provisions; }
const cov_provision *cov_review_provision(const cov_review *r, size_t i)
{
	return i < r->n_provisions ? &r->provisions[i] : NULL;
}

const char *cov_standard_cite(const cov_data *data, int article)
{
	const cov_std_article *a = cov_rights_article(data->rights, article);
	return a && a->cite ? a->cite : "";
}

const char *cov_standard_citation(const cov_data *data, int article)
{
	const cov_std_article *a = cov_rights_article(data->rights, article);
	return a && a->citation ? a->citation : "";
}

const char *cov_standard_right(const cov_data *data, int article)
{
	const cov_std_article *a = cov_rights_article(data->rights, article);
	return a && a->right ? a->right : "";
}
