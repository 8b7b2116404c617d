/*
 * check_int.h — what the walk of check.c (tokens, sentences, provisions,
 * limitation clauses) shares with the rule table of rules.c: the state of
 * one check, and the helpers a rule reads it with.  Internal to
 * src/rights/.
 */
#ifndef COV_CHECK_INT_H
#define COV_CHECK_INT_H

#include "rights.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

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
	/* its verdict (rules.c, once after the walk): the rule the most serious
	 * of its problems names, NULL if none, and the finding it makes */
	const char *rule;
	size_t tf, tl;
	int standard;
	const char *message;
	size_t bad_spans[32][2];      /* the tokens of every ground not allowed */
	size_t n_bad;
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
	int c_of_concept[512];       /* concept id → C_* index, -1 if the rules use none */
	const sentence *mask_s;      /* the sentence the rules are reading */
	uint64_t mask[(C_COUNT + 63) / 64]; /* its concepts, a bit per C_* index */
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
	/* after the walk, before the rules' after_walk hooks (check.c) */
	rightset excluded;           /* the rights the text's lists put out of reach of any restriction */
	rightset gen_nec;            /* the rights a general clause's necessity test covers */
	bool limits_judged;          /* the verdicts of lims are set */
	/* the standards other than the ICCPR whose articles re-test limitation
	 * clauses (a bit per index of r->standards): those chosen by --standard,
	 * or with "all" those whose file does not say "default: no" */
	uint64_t judge;
	int status;
} ctx;

#define GROW(arr, n, cap)                                                                   \
	((n) < (cap) || ((cap) = (cap) ? (cap) * 2 : 16,                                   \
			 ((arr) = realloc_or_free((arr), (cap) * sizeof *(arr))) != NULL))

static inline void *realloc_or_free(void *p, size_t size)
{
	void *q = realloc(p, size);
	if (!q)
		free(p);
	return q;
}

/* ---- helpers of check.c ---- */

/* The standard of a rule that always concerns one article: read from
 * data/rules.txt ("iccpr:22"), not written in C. */
#define RULE_STD 0

/* The rights of the article rules.txt names for `rule`, as a set; 0 if none. */
rightset ck_rule_rights(const ctx *c, const char *rule);
/* A finding of `rule` (switched off when rules.txt lacks it; once per rule
 * and sentence; a positive once per article); message NULL: the rule's. */
void ck_add_finding(ctx *c, const char *rule, const cov_node *node, const char *article, int standard,
		    const sentence *s, size_t trig_first, size_t trig_last, const char *message);
/* The same on an article of another standard (`a`, "echr:10"): the finding
 * cites a->limit_citation ("ECHR art. 10(2)"); once per rule, sentence and
 * article. */
void ck_add_finding_std(ctx *c, const char *rule, const cov_std_article *a, const cov_node *node,
			const char *article, const sentence *s, size_t trig_first, size_t trig_last, const char *message);
void ck_set_grounds(ctx *c, cov_finding *f, size_t (*spans)[2], size_t n);
/* The template `key` of rules.txt filled in: pairs of name, value, then NULL. */
const char *ck_fill(ctx *c, const char *key, ...);
/* (inline: every rule calls them on every sentence) */
static inline bool ck_in_sentence(const cov_match *m, const sentence *s)
{
	return m->first >= s->first && m->last <= s->last;
}

/* First match of concept k in s at or after token `from`; SIZE_MAX if none. */
static inline size_t ck_find(const ctx *c, int k, const sentence *s, size_t from)
{
	int id = c->concept[k];
	if (id < 0 || (s == c->mask_s && !(c->mask[k >> 6] & ((uint64_t)1 << (k & 63)))))
		return SIZE_MAX;
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < c->n_m; i++)
		if (c->m[i].concept == id && ck_in_sentence(&c->m[i], s) && c->m[i].first >= from &&
		    (best == SIZE_MAX || c->m[i].first < c->m[best].first))
			best = i;
	return best;
}

static inline bool ck_has(const ctx *c, int k, const sentence *s)
{
	return ck_find(c, k, s, 0) != SIZE_MAX;
}
/* The document's bytes of tokens [first, last], in the review's arena. */
const char *ck_span(ctx *c, size_t first, size_t last);
rightset ck_rights_in(const ctx *c, const sentence *s);
int ck_first_right(rightset set);
bool ck_aim_allowed(const cov_std_article *a, const char *aim);
bool ck_aim_of_any(const ctx *c, const char *aim);
const char *ck_right_name(const ctx *c, int art);
rightset ck_closed_of(const ctx *c, rightset set);
bool ck_has_exception(const ctx *c, const sentence *s);
bool ck_is_number(const char *f);
size_t ck_art_slot(const ctx *c, const char *article);
rightset ck_article_open(const ctx *c, const char *article);
rightset ck_listed_rights(ctx *c, const sentence *list, size_t n, size_t *numbers);

/* ---- the rule table (rules.c) ---- */

/* One rule of data/rules.txt: the hooks it runs at.  on_sentence runs on
 * every sentence of every provision, in table order (`own`: the rights its
 * provision concerns); after_walk once the whole document is read, in
 * table order.  A rule with neither is emitted elsewhere (`where`). */
typedef struct cov_rule_def {
	const char *id;
	void (*on_sentence)(ctx *c, const cov_node *node, const char *article, const sentence *s, rightset own);
	void (*after_walk)(ctx *c);
	const char *where; /* NULL, or who emits it: "covenant diff (src/diff/)" */
} cov_rule_def;

const cov_rule_def *cov_rule_table(size_t *n);

#endif
