/*
 * rights.h — the rights analysis inside libcovenant (covenant check).
 *
 * Data (data/standards/iccpr.txt, data/rights/<lang>.txt, data/rules.txt)
 * says which words name a right, a holder, a ground of restriction, and
 * what the ICCPR allows; this module tokenizes and stems a document once,
 * finds those phrases in every provision, and applies the rule catalogue.
 */
#ifndef COV_RIGHTS_H
#define COV_RIGHTS_H

#include "../doc/doc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#define COV_MAX_ICCPR 64

/* One article of the standard. */
typedef struct cov_std_article {
	int num;                 /* 19 */
	char *right;             /* "freedom of opinion and expression" */
	bool everyone;           /* holder */
	char holder[16];         /* "everyone", "citizens", "aliens" */
	int limits;              /* COV_LIMITS_* */
	char **aims;             /* canonical ground names */
	size_t n_aims;
	bool non_derogable;
	char *cite;
	char *citation;          /* "ICCPR art. 19": the standard's "abbrev:" and the number */
	size_t std;              /* index in cov_rights_data.standards */
	/* "traits:" of data/standards/<id>.txt, what check reads of the article
	 * beyond its limits (none of it is written in C) */
	bool equality;           /* the non-discrimination right: a sentence on discrimination concerns it alone */
	bool by_prohibition;     /* a ban guarantees it ("Torture is forbidden") */
	bool accessory;          /* no right of its own: a grant never gives it */
	bool cite_first;         /* a finding on several rights cites this one */
	char *not_near;          /* "not-near: political": a grant's object only when no such word is near */
	char *holder_note;       /* whom the standard gives it, when a finding on it alone says so */
	char *holder_note_short; /* the same beside other rights */
	/* a standard other than the ICCPR: "covers: 19" — the lexicons' rights
	 * (numbered as the ICCPR's) this article protects, a bit each; check
	 * re-tests the grounds of a limitation clause on them against this
	 * article's aims (ECHR art. 10 covers 19, art. 11 covers 21 and 22) */
	uint64_t covers;
	char *std_id;            /* "echr:10" */
	int limits_paragraph;    /* "limits-paragraph: 2": the paragraph of its limitation clause, 0 if none */
	char *limit_citation;    /* "ECHR art. 10(2)", else the citation */
} cov_std_article;

/* One file of data/standards/. */
typedef struct cov_standard_info {
	char *id;       /* "iccpr" */
	char *abbrev;   /* "ICCPR" */
	char *title;    /* "International Covenant on Civil and Political Rights (1966)" */
	char *path;     /* data/standards/iccpr.txt */
	size_t n_articles;
	bool by_default; /* "default: no": judged only when named (check --standard echr), not by "all" */
} cov_standard_info;

/* A message template of data/rules.txt ("template KEY | text with {name}"). */
typedef struct cov_rule_template {
	char *key;
	char *text;
} cov_rule_template;

/* A named guarantee of the lexicons ("guarantee strike: …") and where a
 * standard holds it (data/standards/<id>.txt, "guarantee:"). */
typedef struct cov_std_guarantee {
	char *name;      /* "strike" */
	char *standard;  /* "icescr:8" */
	char *citation;  /* "ICESCR art. 8(1)(d)" */
	char *right;     /* "the right to strike" */
} cov_std_guarantee;

enum { COV_LIMITS_ABSOLUTE, COV_LIMITS_CLOSED, COV_LIMITS_ARBITRARY, COV_LIMITS_REASONABLE };

/* A phrase of a lexicon: words that must follow each other. */
typedef struct cov_phrase_word {
	char *text;   /* a stem, or a folded prefix; NULL for a gap "~" */
	size_t len;
	bool prefix;
} cov_phrase_word;

#define COV_PHRASE_GAP 4 /* "~" skips up to this many words */

typedef struct cov_phrase {
	int concept;
	cov_phrase_word *words;
	size_t n_words;
} cov_phrase;

/* The rights lexicon of one language.  cov_data_open reads the file and
 * its concepts; the phrases, which need the stemmer, are built on the first
 * cov_rights_lexicon() for the language (a parse needs none of them, a
 * check only its own language's). */
typedef struct cov_rlex {
	char code[8];
	char stemmer[32];
	cov_phrase *phrases;
	size_t n_phrases;
	/* first-word indexes: phrases sorted by first stem / first prefix */
	size_t *by_stem, n_by_stem;
	size_t *by_prefix, n_by_prefix;
	/* a stemmer as data, for a language Snowball lacks (kk): the longest
	 * matching suffix is stripped while the stem keeps min_stem letters,
	 * repeatedly; then a final letter is mapped (ғ=қ: «құқығы» → «құқық») */
	char **suffixes;     /* longest first */
	size_t n_suffixes;
	int min_stem;
	char **finals;       /* pairs: from, to */
	size_t n_finals;
	bool verb_final;     /* "word-order: verb-final": a grant's object comes before its verb (kk) */
	char *path;          /* data/rights/<lang>.txt, for messages */
	char *src;           /* its text, until the phrases are built */
	_Atomic int state;   /* 0 not built yet, 1 built, < 0 the cov_status building failed with */
	char error[512];     /* the message of that failure */
} cov_rlex;

typedef struct cov_rule_info {
	char *id;
	cov_severity severity;
	char *message;
	int standard;  /* the ICCPR article every finding of it concerns ("iccpr:22"), 0 if it varies */
	const cov_std_article *cites; /* the article of any standard it always concerns ("icescr:8"), NULL if it varies */
	char *cites_id;               /* that as written: "icescr:8" */
} cov_rule_info;

struct cov_rights_data {
	char **concepts;          /* concept names, index = concept id */
	size_t n_concepts;
	cov_rlex *langs;
	size_t n_langs;
	cov_std_article *iccpr;
	size_t n_iccpr;
	cov_std_article *other;   /* the articles of the other standards (icescr.txt …) */
	size_t n_other;
	cov_std_guarantee *guarantees; /* in the order of the standards' files */
	size_t n_guarantees;
	cov_rule_info *rules;
	size_t n_rules;
	cov_standard_info *standards; /* iccpr first, then the others by file name */
	size_t n_standards;
	cov_rule_template *templates;
	size_t n_templates;
	pthread_mutex_t lock;     /* building a lexicon on first use */
	bool lock_ready;
};

int cov_rights_load(struct cov_rights_data *r, const char *dir);
/* "ICCPR art. 21" for an article of the standard check judges against
 * (data/standards/iccpr.txt, its "abbrev:"), "" if it has no such article. */
const char *cov_standard_citation(const cov_data *data, int article);
void cov_rights_free(struct cov_rights_data *r);
int cov_rights_concept(const struct cov_rights_data *r, const char *name);
/* Was the standard `id` (its first `len` bytes: "icescr" of "icescr:8")
 * chosen for this review (check --standard)?  An unknown id is. */
bool cov_review_standard_chosen(const cov_data *data, const cov_review *r, const char *id, size_t len);
const cov_std_article *cov_rights_article(const struct cov_rights_data *r, int num);
const cov_std_guarantee *cov_rights_guarantee(const struct cov_rights_data *r, const char *name);
const cov_rule_info *cov_rights_rule(const struct cov_rights_data *r, const char *id);
/* The article `num` of standard `id` ("icescr", 8), NULL if none. */
const cov_std_article *cov_rights_std_article(const struct cov_rights_data *r, const char *id, int num);
/* The template `key` of data/rules.txt, NULL if none. */
const char *cov_rights_template(const struct cov_rights_data *r, const char *key);

/* A word of the document: its bytes, folded form and stem. */
typedef struct cov_token {
	uint32_t start, end;
	const char *fold;
	const char *stem;
	uint32_t fold_len, stem_len;
} cov_token;

typedef struct cov_tokens {
	cov_token *v;
	size_t n;
	cov_arena arena;
	struct first_hit *hits;     /* match.c: lexicon look-ups per distinct word */
	const void *hits_lex;
} cov_tokens;

int cov_tokenize(const char *text, size_t len, const char *stemmer, cov_tokens *out);
/* The same with the stemmer of a lexicon: its Snowball stemmer or its
 * suffix list (lex NULL: no stemming). */
int cov_tokenize_lex(const char *text, size_t len, const cov_rlex *lex, cov_tokens *out);
/* Two texts of one language (two versions of a law) with one cache of
 * words: the second folds and stems only the words the first lacks, and a
 * word has one fold and one stem pointer in both.  out_b may point to
 * strings of out_a: free out_b before or with out_a. */
int cov_tokenize_lex_pair(const char *a, size_t alen, const char *b, size_t blen, const cov_rlex *lex,
			  cov_tokens *out_a, cov_tokens *out_b);
/* The stem of a folded word by the suffix list of `lex` into `out` (cap
 * bytes); returns its length. */
size_t cov_suffix_stem(const cov_rlex *lex, const char *word, size_t len, char *out, size_t cap);
void cov_tokens_free(cov_tokens *t);
/* Index of the first token starting at or after byte `at`. */
size_t cov_tokens_at(const cov_tokens *t, size_t at);

/* cov_check on tokens the caller made (with the document language's
 * stemmer) and keeps; covenant diff tokenizes each version once. */
int cov_check_tokens(const cov_data *data, const cov_doc *doc, const char *standard, cov_tokens *tok,
		     cov_review **out);
/* The rights lexicon of a language, NULL if none (or if building it failed). */
const cov_rlex *cov_rights_lexicon(const struct cov_rights_data *r, const char *lang);
/* The same, built on first use: COV_OK with *out NULL when data/rights/ has
 * no such language; an error (COV_EDATA: a malformed phrase) when building
 * it fails, every time it is asked for. */
int cov_rights_lexicon_get(const struct cov_rights_data *r, const char *lang, const cov_rlex **out);

/* A phrase found in the text: tokens [first, last]. */
typedef struct cov_match {
	int concept;
	size_t first, last;
} cov_match;

/* All phrases of `lex` in tokens [from, to); appends to *out (malloc'd).
 * Caches look-ups in `t`. */
int cov_match_range(const cov_rlex *lex, cov_tokens *t, size_t from, size_t to, cov_match **out,
		    size_t *n, size_t *cap);
/* Frees the look-ups cov_match_range keeps in a cov_tokens (its `hits`). */
void cov_match_cache_free(struct first_hit *h);
/* `to` uses the look-ups `from` has made (and adds to them): tokens of two
 * texts made by cov_tokenize_lex_pair share their words' pointers, so the
 * second text looks up only the words the first lacks.  Each is freed
 * with its tokens, the look-ups with the last of them. */
void cov_match_share(const cov_tokens *from, cov_tokens *to);

#endif
