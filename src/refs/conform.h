/*
 * conform.h — laws against a new version of the constitution they cite
 * (`covenant conform`): where each citation of the old text now lives,
 * through the alignment of `covenant diff` computed once, and the bodies the
 * new text no longer has, with every mention of them in each law.
 */
#ifndef COV_CONFORM_H
#define COV_CONFORM_H

#include "refs.h"

typedef enum conf_status {
	CONF_UNCHANGED = 0, /* same numbers, same words */
	CONF_CHANGED,       /* same numbers, the unit's words changed */
	CONF_RENUMBERED,    /* another number (its words may have changed too) */
	CONF_MERGED,        /* its article and others became one */
	CONF_SPLIT,         /* its article became several: candidates */
	CONF_UNCERTAIN,     /* no clear counterpart: candidates with their similarity, no replacement */
	CONF_REMOVED,       /* no counterpart anywhere in the new text */
	CONF_REPEALED,      /* the unit was already repealed in the old text («исключен Законом …») */
	CONF_UNRESOLVED,    /* the old text has no such unit */
	CONF_COUNT
} conf_status;

const char *conf_status_name(conf_status s);

/* A body or office the old text names and the new one does not (outside
 * its final and transitional provisions). */
typedef struct conf_vanished {
	char *key;                 /* stems joined by spaces: "сенат" */
	char *name;                /* as the old text writes it most often */
	char *long_name;           /* the longer run it opens most often («Ассамблеи народа Казахстана»), or NULL */
	size_t n_words;
	size_t old_count;
	char *replacement;         /* the name of the new text only that the word diff of the aligned
				      articles puts in its place, as NEW writes it most often; or NULL */
	size_t evidence;           /* how many times the diff puts it there */
	const cov_node *old_unit, *new_unit; /* a pair of articles that shows it */
	char *form_old[16], *form_new[16]; /* «Мажилисе» → «Курултае»: the case forms the diff pairs */
	size_t form_n[16];                 /* … and how often (the most frequent pairing of a form wins) */
} conf_vanished;

/* The replacement of a mention written `surface`, in the same case where
 * the diff shows that form replaced, else as NEW writes it most often. */
const char *conf_replacement_for(const conf_vanished *v, const char *surface);

typedef struct conf_ctx conf_ctx;

/* Once for OLD → NEW: `cmp` is their comparison (cov_diff_ex). */
int conf_open(const cov_data *data, const cov_comparison *cmp, conf_ctx **out);
void conf_free(conf_ctx *ctx);
size_t conf_vanished_count(const conf_ctx *ctx);
const conf_vanished *conf_vanished_get(const conf_ctx *ctx, size_t i);

typedef struct conf_cite {
	const cov_citation *cite;
	conf_status status;
	bool wording_changed;      /* the unit's words differ (renumbered or not) */
	const cov_node *old_node;  /* the unit cited, in OLD */
	const cov_node *new_node;  /* its counterpart in NEW */
	const cov_node *cands[8];  /* split: the new articles; uncertain: the likeliest units, best first */
	double cand_sim[8];        /* uncertain: the similarity of each candidate */
	unsigned cand_part[8];     /* uncertain: the part (line) of the candidate's text, or 0: the whole unit */
	size_t n_cands;
	unsigned old_part;         /* «частью второй пункта 2»: 2; 0 when no part is cited */
	const cov_pair *pair;      /* the aligned pair of its article */
	double similarity;         /* of the unit's words, 0..1 */
	char *old_text;            /* the citation as written, for one unit («статьи 72») */
	char *proposal;            /* renumbered: the same with the new numbers («статьи 73») */
} conf_cite;

typedef struct conf_mention {
	size_t vanished;           /* index into the context's list */
	size_t start, end, line;
	const cov_node *source;
} conf_mention;

typedef struct conf_law {
	const cov_doc *law;
	cov_refs *refs;
	conf_cite *c;
	size_t n_c;
	conf_mention *m;
	size_t n_m;
	size_t counts[CONF_COUNT];
	bool is_constitution;      /* its title says it is one («Конституция …»): not checked */
} conf_law;

/* Every citation of the constitution in `law` and every mention of a
 * vanished body.  The cost depends on the law alone. */
int conf_check_law(conf_ctx *ctx, const cov_data *data, const cov_doc *law, conf_law **out);
void conf_law_free(conf_law *l);

/* The redline of a cited unit: "[-old-]{+new+}" runs of the pair's word
 * diff inside the unit (or its counterpart); "" when there are none. */
char *conf_unit_redline(const conf_ctx *ctx, const conf_cite *c);

/* s[a..e) on one line: line breaks and tabs as spaces, runs of spaces as one. */
struct cov_buf;
void conf_put_flat(struct cov_buf *b, const char *s, size_t a, size_t e);

#endif
