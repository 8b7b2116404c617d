/*
 * refs.h — citations inside libcovenant: the grammar of one language
 * (data/refs/LANG.txt, grammar.c), the scanner and resolver (scan.c), and
 * the conformity of laws with a new version of the constitution they cite
 * (conform.c).
 */
#ifndef COV_REFS_H
#define COV_REFS_H

#include "../doc/doc.h"

/* ---- tokens: words, numbers and single punctuation marks ---- */

typedef enum ref_tok_type { TOK_WORD = 0, TOK_NUM, TOK_PUNCT } ref_tok_type;

typedef struct ref_tok {
	ref_tok_type type;
	bool upper;              /* a word whose first letter is a capital */
	bool line_start;         /* first token of its line */
	uint32_t start, end;     /* bytes of the text */
	uint32_t fold, fold_len; /* the folded word (or the punctuation) in the scratch buffer */
} ref_tok;

typedef struct ref_toks {
	ref_tok *v;
	size_t n, cap;
	cov_buf fold;            /* folded words, NUL-separated */
} ref_toks;

void ref_toks_init(ref_toks *t);
void ref_toks_free(ref_toks *t);
/* Tokenize s[a, b) (offsets stay those of s); false when out of memory. */
bool ref_tokenize(ref_toks *t, const char *s, size_t a, size_t b);
static inline const char *ref_tok_fold(const ref_toks *t, size_t i) { return t->fold.ptr + t->v[i].fold; }

/* ---- the grammar of one language ---- */

typedef enum ref_gtype {
	G_UNIT = 0, G_SELF, G_CONSTITUTION, G_ACT, G_ACT_LEAD, G_ACT_END, G_OF, G_LIST, G_RANGE, G_NUMBER,
	G_TRANSITIONAL, G_CONST_TITLE, G_NOT_AFTER, G_REPEALED, G_COUNT
} ref_gtype;

typedef struct ref_phrase {
	ref_gtype type;
	cov_node_kind kind;      /* G_UNIT, G_SELF (COV_NODE_DOCUMENT: the act) */
	int value;               /* G_NUMBER */
	char **words;            /* folded tokens */
	char *joined;            /* the folded words joined by spaces */
	size_t n;
	int next;                /* the next phrase with the same first word, longest first; -1 */
} ref_phrase;

typedef struct ref_grammar {
	char lang[8];
	ref_phrase *p;
	size_t n, cap;
	bool within[COV_NODE_KIND_COUNT]; /* kinds that are runs of text, not units */
	/* first word → first phrase, open addressing */
	struct { const char *word; int first; } *slots;
	size_t mask;
} ref_grammar;

/* Load data/refs/LANG.txt from the data directory: COV_OK and *out NULL
 * when the language has no file; COV_EDATA naming the file and line when it
 * is malformed. */
int ref_grammar_load(const cov_data *data, const char *lang, ref_grammar **out);
void ref_grammar_free(ref_grammar *g);
/* The longest phrase whose type is in `mask` (1u << type) starting at token
 * i: its index and the number of tokens it spans (0 if none). */
size_t ref_grammar_match(const ref_grammar *g, const ref_toks *t, size_t i, unsigned mask, int *phrase);
/* Whether the folded string `s` contains a phrase of `type`. */
bool ref_grammar_has_text(const ref_grammar *g, ref_gtype type, const char *s);

/* ---- the citations of a document ---- */

struct cov_refs {
	const cov_doc *doc;
	cov_arena arena;
	cov_citation *v;
	size_t n, cap;
};

/* The unit a step list names under `top` (its descendants), or NULL. */
const cov_node *ref_resolve_steps(const cov_node *top, const cov_cite_step *steps, size_t n, cov_node_kind primary);

#endif
