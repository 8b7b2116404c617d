/*
 * covenant.h — the one public header of libcovenant.
 *
 * covenant reads a legal text (plain text, Markdown, HTML), builds one tree of
 * the units a lawyer cites (preface, preamble, part, chapter, section,
 * article, paragraph, point) and renders it (JSON, Akoma Ntoso, Markdown, an
 * outline).  Every unit keeps the byte span and line of its source text.
 *
 * Conventions (as in SQLite and libgit2):
 *  - every function that can fail returns an int: 0 (COV_OK) or a negative
 *    cov_status; the message of the last failure on this thread is
 *    cov_error_last();
 *  - every *_open / *_parse_* has a matching *_free; objects returned by
 *    accessors are owned by their document and live as long as it does;
 *  - strings are UTF-8; offsets are bytes into cov_doc_text().
 */
#ifndef COVENANT_H
#define COVENANT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What libcovenant.so exports: the declarations of this header, nothing
 * else (the library is built with -fvisibility=hidden). */
#ifndef COV_EXPORT
#if defined(__GNUC__) && __GNUC__ >= 4
#define COV_EXPORT __attribute__((visibility("default")))
#else
#define COV_EXPORT
#endif
#endif

#define COV_VERSION "0.1.0"
/* Version of the JSON contract (docs/json.md). */
#define COV_JSON_FORMAT 1

typedef enum cov_status {
	COV_OK = 0,
	COV_ENOMEM = -1,  /* out of memory */
	COV_EIO = -2,     /* file cannot be read or written */
	COV_EINPUT = -3,  /* input is not a text covenant can read */
	COV_EDATA = -4,   /* a data/ file is missing or malformed */
	COV_EUSAGE = -5   /* bad argument from the caller */
} cov_status;

/* Message of the last failure on this thread ("" when none). */
COV_EXPORT const char *cov_error_last(void);

/* ---- data: heading words and other lexicons, loaded from data/ ---- */

typedef struct cov_data cov_data;

/* Open the data directory `dir`; NULL searches $COVENANT_DATA, then the
 * compiled-in install location.  Free with cov_data_free(). */
COV_EXPORT int cov_data_open(const char *dir, cov_data **out);
COV_EXPORT void cov_data_free(cov_data *data);
/* The directory the data was loaded from. */
COV_EXPORT const char *cov_data_dir(const cov_data *data);

/* ---- the document tree ---- */

typedef enum cov_node_kind {
	COV_NODE_DOCUMENT = 0, /* the root */
	COV_NODE_PREFACE,      /* title block before the body */
	COV_NODE_PREAMBLE,
	COV_NODE_PART,
	COV_NODE_TITLE,
	COV_NODE_CHAPTER,
	COV_NODE_SECTION,
	COV_NODE_SUBSECTION,
	COV_NODE_ARTICLE,
	COV_NODE_PARAGRAPH,
	COV_NODE_POINT,
	COV_NODE_ATTACHMENT,   /* schedule, annex, amendment */
	COV_NODE_HCONTAINER,   /* a division with no name: "I. Form of the State" */
	COV_NODE_NOTE,         /* an editorial or amendment note: «Сноска. Статья 2 с изменениями …» */
	COV_NODE_KIND_COUNT
} cov_node_kind;

typedef struct cov_doc cov_doc;
typedef struct cov_node cov_node;

/* Input format of a document. */
typedef enum cov_format {
	COV_FORMAT_AUTO = 0,
	COV_FORMAT_TEXT,     /* plain text and Markdown */
	COV_FORMAT_HTML,
	COV_FORMAT_PDF,      /* the text layer (no OCR) */
	COV_FORMAT_DOCX,
	COV_FORMAT_AKN       /* Akoma Ntoso XML, or Laws.Africa's AKN-HTML */
} cov_format;

typedef struct cov_parse_options {
	const char *language;  /* "auto" or NULL to detect, or "en", "ru", "kk" */
	const char *encoding;  /* NULL or "auto": UTF-8, else detected; or an ICU charset name */
	cov_format format;     /* COV_FORMAT_AUTO sniffs the content */
	size_t max_bytes;      /* refuse larger inputs; 0 = COV_DEFAULT_MAX_BYTES */
} cov_parse_options;

#define COV_DEFAULT_MAX_BYTES ((size_t)64 << 20)

/* Parse `len` bytes of `buf` (copied).  `name` names the input in error
 * messages.  `opts` may be NULL. */
COV_EXPORT int cov_doc_parse_buffer(const cov_data *data, const char *buf, size_t len,
			 const char *name, const cov_parse_options *opts,
			 cov_doc **out);
/* Read and parse a file; path "-" reads standard input. */
COV_EXPORT int cov_doc_parse_file(const cov_data *data, const char *path,
		       const cov_parse_options *opts, cov_doc **out);
COV_EXPORT void cov_doc_free(cov_doc *doc);

COV_EXPORT const cov_node *cov_doc_root(const cov_doc *doc);
/* The UTF-8 text every span points into (the input itself for UTF-8 text,
 * the converted or extracted text for other encodings and HTML). */
COV_EXPORT const char *cov_doc_text(const cov_doc *doc, size_t *len);
COV_EXPORT const char *cov_doc_name(const cov_doc *doc);
COV_EXPORT const char *cov_doc_title(const cov_doc *doc);      /* "" if none */
COV_EXPORT const char *cov_doc_language(const cov_doc *doc);   /* "en", "ru", "kk", … or "und" */
COV_EXPORT const char *cov_doc_encoding(const cov_doc *doc);   /* encoding of the input */
/* 0–100: how sure the encoding detector was (100 when declared or UTF-8). */
COV_EXPORT int cov_doc_encoding_confidence(const cov_doc *doc);
/* The i-th warning about how the input was read, NULL after the last: a
 * legacy encoding or UTF-16 guessed (with the detector's confidence) when
 * no --encoding was named.  A program shows them to its user (the CLI on
 * standard error): the text may be misread. */
COV_EXPORT const char *cov_doc_warning(const cov_doc *doc, size_t i);
/* False when the text says it is no longer in force («Утратил силу»). */
COV_EXPORT int cov_doc_in_force(const cov_doc *doc);

/* An amendment recorded in a note: the date and number of the amending law. */
typedef struct cov_amendment {
	const char *date;  /* "2017-03-10", "" if none */
	const char *law;   /* "51-VI", "" if none */
} cov_amendment;
/* The amendments a note records (COV_NODE_NOTE), NULL and 0 for other nodes. */
COV_EXPORT const cov_amendment *cov_node_amendments(const cov_node *node, size_t *n);
/* A unit repealed: nothing left of it but a note that says so. */
COV_EXPORT int cov_node_repealed(const cov_node *node);

/* Pages of a PDF input, 0 for other formats. */
COV_EXPORT size_t cov_doc_pages(const cov_doc *doc);
COV_EXPORT cov_format cov_doc_format(const cov_doc *doc);
/* Number of nodes of `kind` in the whole tree. */
COV_EXPORT size_t cov_doc_count(const cov_doc *doc, cov_node_kind kind);
/* The kind of the units the document is numbered by (usually article;
 * section in Commonwealth and United States style texts). */
COV_EXPORT cov_node_kind cov_doc_primary_kind(const cov_doc *doc);

COV_EXPORT cov_node_kind cov_node_kind_of(const cov_node *node);
/* Akoma Ntoso element name of a kind ("article", "paragraph", …). */
COV_EXPORT const char *cov_node_kind_name(cov_node_kind kind);
COV_EXPORT const char *cov_node_num(const cov_node *node);        /* normalised: "26-1", "II"; "" if none */
COV_EXPORT const char *cov_node_num_printed(const cov_node *node);/* as printed: "26-1.", "(ii)" */
COV_EXPORT const char *cov_node_heading(const cov_node *node);    /* "" if none */
COV_EXPORT const char *cov_node_eid(const cov_node *node);        /* "part_II__art_34__para_1" */
/* Ordinal value of the number (26 for "26-1", 2 for "II", 2 for "b"); 0 if none. */
COV_EXPORT long cov_node_ordinal(const cov_node *node);
COV_EXPORT size_t cov_node_line(const cov_node *node);            /* 1-based line of its heading */
/* Whole unit, children included: [start, end). */
COV_EXPORT size_t cov_node_start(const cov_node *node);
COV_EXPORT size_t cov_node_end(const cov_node *node);
/* The unit's own text, after its heading and before its first child. */
COV_EXPORT size_t cov_node_text_start(const cov_node *node);
COV_EXPORT size_t cov_node_text_end(const cov_node *node);
COV_EXPORT const cov_node *cov_node_parent(const cov_node *node);
COV_EXPORT const cov_node *cov_node_first_child(const cov_node *node);
COV_EXPORT const cov_node *cov_node_next(const cov_node *node);

/* ---- walking the tree: enter/exit events, as in cmark ---- */

typedef enum cov_event { COV_EVENT_DONE = 0, COV_EVENT_ENTER, COV_EVENT_EXIT } cov_event;
typedef struct cov_iter {
	const cov_node *root, *node;
	cov_event ev;
} cov_iter;

COV_EXPORT void cov_iter_init(cov_iter *it, const cov_node *root);
/* Advance; returns the event for cov_iter_node(), DONE at the end. */
COV_EXPORT cov_event cov_iter_next(cov_iter *it);
static inline const cov_node *cov_iter_node(const cov_iter *it) { return it->node; }

/* ---- rights analysis: covenant check ---- */

typedef enum cov_severity {
	COV_SEVERITY_POSITIVE = 0, /* something the text protects */
	COV_SEVERITY_LOW,
	COV_SEVERITY_MEDIUM,
	COV_SEVERITY_HIGH
} cov_severity;

COV_EXPORT const char *cov_severity_name(cov_severity s);          /* "high" … "positive" */
COV_EXPORT int cov_severity_parse(const char *name, cov_severity *out);

typedef struct cov_finding {
	const cov_doc *doc;        /* the document the quote is from */
	const char *rule;          /* rule id: "holder.citizens-only" (data/rules.txt) */
	cov_severity severity;
	const cov_node *node;      /* the provision */
	const char *article;       /* number of its article ("34"), "" if none */
	int standard;              /* ICCPR article it is measured against, 0 if none */
	size_t start, end;         /* the quote: a sentence, bytes of cov_doc_text() */
	size_t trigger_start, trigger_end; /* the words that triggered it, inside the quote */
	const char *message;       /* one sentence a lawyer would sign */
	/* limit.illegitimate-aim: every ground the ICCPR does not allow, as
	 * n_grounds pairs of byte offsets (start, end) inside the quote; NULL/0
	 * for other rules.  One finding lists them all (one per problem). */
	const size_t *grounds;
	size_t n_grounds;
	/* the standard a finding cites when it is not an ICCPR article (the
	 * strike: "icescr:8", "ICESCR art. 8(1)(d)", data/standards/); NULL when
	 * `standard` says it all */
	const char *standard_id;
	const char *citation;
} cov_finding;

typedef struct cov_limitation {
	const char *const *grounds;    /* canonical aims: "national-security", "constitutional-order" */
	size_t n_grounds;
	int by_law, necessity;     /* booleans */
	int general;               /* a clause on rights and freedoms in general */
	size_t start, end;         /* the sentence */
} cov_limitation;

typedef struct cov_provision {
	const cov_node *node;
	const char *article;       /* number of its article */
	const int *rights;         /* ICCPR article numbers */
	size_t n_rights;
	const char *holder;        /* "everyone", "citizens" or "" */
	const cov_limitation *limitations;
	size_t n_limitations;
	const char *const *guarantees; /* named guarantees it states: "strike", "treaty-primacy" */
	size_t n_guarantees;
	const int *granted;        /* ICCPR articles it grants or guarantees (a subset of rights) */
	size_t n_granted;
} cov_provision;

typedef struct cov_review cov_review;

/* Analyse `doc` against the standards `standard` names: ids of
 * data/standards/ separated by commas ("iccpr", "iccpr,icescr"); "all" or
 * NULL is every one (the ICCPR, and the guarantees the others add, such as
 * the strike).  Only those standards' findings and coverage are kept; an
 * unknown id is COV_EUSAGE.  The review refers to `doc`, which must outlive it. */
COV_EXPORT int cov_check(const cov_data *data, const cov_doc *doc, const char *standard, cov_review **out);
COV_EXPORT void cov_review_free(cov_review *review);
COV_EXPORT const cov_doc *cov_review_doc(const cov_review *review);
COV_EXPORT size_t cov_review_count(const cov_review *review);
COV_EXPORT const cov_finding *cov_review_finding(const cov_review *review, size_t i);
COV_EXPORT size_t cov_review_provision_count(const cov_review *review);
COV_EXPORT const cov_provision *cov_review_provision(const cov_review *review, size_t i);
/* Citation of an ICCPR article ("ICCPR art. 21: …"), "" if unknown. */
COV_EXPORT const char *cov_standard_cite(const cov_data *data, int article);
/* What an ICCPR article protects ("peaceful assembly"), "" if unknown. */
COV_EXPORT const char *cov_standard_right(const cov_data *data, int article);

typedef enum cov_review_format {
	COV_REVIEW_TEXT = 0,  /* for people: grouped by right, quotes */
	COV_REVIEW_JSON,      /* docs/json.md */
	COV_REVIEW_MARKDOWN
} cov_review_format;

typedef struct cov_review_options {
	cov_severity min_severity;  /* hide findings below (positives count as lowest) */
	int show_positive;          /* show positive findings */
	int color;                  /* ANSI highlighting of triggers (text format) */
} cov_review_options;

COV_EXPORT int cov_render_review_string(const cov_data *data, const cov_review *review, cov_review_format fmt,
			     const cov_review_options *opts, char **out, size_t *len);

/* ---- comparing two versions: covenant diff ---- */

typedef enum cov_pair_status {
	COV_PAIR_UNCHANGED = 0, /* same number, same words */
	COV_PAIR_MODIFIED,      /* same number, words changed */
	COV_PAIR_RENUMBERED,    /* in order, another number (words may have changed too) */
	COV_PAIR_MOVED,         /* out of the order of the others */
	COV_PAIR_SPLIT,         /* one old article became several new ones */
	COV_PAIR_MERGED         /* several old articles became one */
} cov_pair_status;

COV_EXPORT const char *cov_pair_status_name(cov_pair_status s);

typedef enum cov_change_op { COV_CHANGE_REPLACE = 0, COV_CHANGE_DELETE, COV_CHANGE_INSERT } cov_change_op;

/* A run of words changed inside a pair: bytes of the old and new texts
 * (an empty range on the side where nothing stood). */
typedef struct cov_change {
	cov_change_op op;
	size_t old_start, old_end;
	size_t new_start, new_end;
} cov_change;

/* The redline of a pair: the law's words of both texts in one stream
 * (notes, markup, numbers and headings of units left out), each run equal
 * (bytes of the new text), deleted (old text) or inserted (new text). */
typedef enum cov_segment_op { COV_SEG_EQUAL = 0, COV_SEG_DELETE, COV_SEG_INSERT } cov_segment_op;
typedef struct cov_segment {
	cov_segment_op op;
	size_t start, end;          /* bytes of the old text (delete) or the new one */
	const cov_node *node;       /* the unit (paragraph, point…) whose own text it is */
	int para_start;             /* the first words of that unit */
} cov_segment;

typedef struct cov_pair {
	const cov_node *old_node, *new_node;
	cov_pair_status status;
	double similarity;          /* 0..1, weighted cosine of stemmed words */
	const cov_change *changes;
	size_t n_changes;
	const cov_segment *segments;
	size_t n_segments;
} cov_pair;

typedef struct cov_comparison cov_comparison;

/* Align the articles of `old` and `new` and diff each pair; with both
 * languages known to data/rights/, also the rights impact.  Both documents
 * must outlive the comparison. */
COV_EXPORT int cov_diff(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, cov_comparison **out);
/* The same with flags: COV_DIFF_NO_IMPACT skips the rights analysis;
 * texts in two languages are refused (COV_EINPUT) unless
 * COV_DIFF_ANY_LANGUAGE. */
#define COV_DIFF_NO_IMPACT 1u
#define COV_DIFF_ANY_LANGUAGE 2u
COV_EXPORT int cov_diff_ex(const cov_data *data, const cov_doc *old, const cov_doc *new_doc, unsigned flags,
		cov_comparison **out);
COV_EXPORT void cov_comparison_free(cov_comparison *cmp);
COV_EXPORT const cov_doc *cov_comparison_old(const cov_comparison *cmp);
COV_EXPORT const cov_doc *cov_comparison_new(const cov_comparison *cmp);
COV_EXPORT size_t cov_comparison_pair_count(const cov_comparison *cmp);
COV_EXPORT const cov_pair *cov_comparison_pair(const cov_comparison *cmp, size_t i);
COV_EXPORT size_t cov_comparison_added_count(const cov_comparison *cmp);
COV_EXPORT const cov_node *cov_comparison_added(const cov_comparison *cmp, size_t i);
COV_EXPORT size_t cov_comparison_removed_count(const cov_comparison *cmp);
COV_EXPORT const cov_node *cov_comparison_removed(const cov_comparison *cmp, size_t i);
COV_EXPORT size_t cov_comparison_finding_count(const cov_comparison *cmp);
COV_EXPORT const cov_finding *cov_comparison_finding(const cov_comparison *cmp, size_t i);
/* Why the rights impact is missing ("" when it was computed). */
COV_EXPORT const char *cov_comparison_impact_note(const cov_comparison *cmp);
/* The check of the old (side 0) or new (side 1) text; NULL when the rights
 * impact was not computed. */
COV_EXPORT const cov_review *cov_comparison_review(const cov_comparison *cmp, int side);
/* Findings before and after: each finding of either check, matched through
 * the alignment (same rule and ICCPR article, in paired articles). */
typedef struct cov_finding_match {
	const cov_finding *before, *after; /* new: before is NULL; gone: after is NULL; kept: both */
} cov_finding_match;
COV_EXPORT size_t cov_comparison_match_count(const cov_comparison *cmp);
COV_EXPORT const cov_finding_match *cov_comparison_match(const cov_comparison *cmp, size_t i);
/* The old text an impact finding is judged against (the clause that
 * allowed less, or the provision that said more): 0 when there is none. */
COV_EXPORT int cov_comparison_finding_before(const cov_comparison *cmp, size_t i, size_t *start, size_t *end);

typedef struct cov_diff_options {
	const char *old_label, *new_label; /* defaults: the file names */
	int color;
	int show_unchanged;               /* list unchanged pairs in text/md output */
	int context;                      /* unchanged paragraphs shown beside a changed one (< 0: all) */
	const char *article;              /* only the pairs with this old or new number */
	int right;                        /* only the pairs touching this ICCPR article (0: all) */
	unsigned statuses;                /* 1 << cov_pair_status, COV_DIFF_SHOW_ADDED, _REMOVED; 0: all */
} cov_diff_options;
#define COV_DIFF_SHOW_ADDED (1u << 8)
#define COV_DIFF_SHOW_REMOVED (1u << 9)

COV_EXPORT int cov_render_comparison_string(const cov_data *data, const cov_comparison *cmp, cov_review_format fmt,
				 const cov_diff_options *opts, char **out, size_t *len);

/* ---- renderers ---- */

typedef enum cov_render_format {
	COV_RENDER_JSON = 0,
	COV_RENDER_TREE,
	COV_RENDER_AKN,
	COV_RENDER_MARKDOWN
} cov_render_format;

/* Render the tree of `doc` to `out`. */
COV_EXPORT int cov_render(const cov_doc *doc, cov_render_format fmt, FILE *out);
/* Render into a malloc'd NUL-terminated string (free with free()). */
COV_EXPORT int cov_render_string(const cov_doc *doc, cov_render_format fmt, char **out, size_t *len);

/* ---- citations: covenant refs (src/refs/, grammar in data/refs/) ---- */

typedef enum cov_cite_scope {
	COV_CITE_INTERNAL = 0,  /* a unit of the same text («пунктом 2 настоящей статьи») */
	COV_CITE_CONSTITUTION,  /* the constitution («статьи 53 Конституции Республики Казахстан») */
	COV_CITE_OTHER_ACT      /* another act («статьи 5 Закона …», "section 12 of the Interpretation Act") */
} cov_cite_scope;

/* One level of a citation: «пункта 1». */
typedef struct cov_cite_step {
	cov_node_kind kind;          /* the unit the word names; COV_NODE_KIND_COUNT: any ("(2)" after a number) */
	const char *num;             /* normalised: "72", "2-1", "b", "2" for «второй» */
	size_t word_start, word_end; /* the unit word as written («пунктах»); equal when none */
	size_t num_start, num_end;   /* the number as written («2-1)») */
	int within;                  /* a run of its container's text, not a unit (ru «часть вторая») */
} cov_cite_step;

/* One cited unit.  A list («пунктах 1, 3 и 5 статьи 72») gives one citation
 * per unit, sharing the span of the whole phrase. */
typedef struct cov_citation {
	size_t start, end;           /* the phrase, bytes of cov_doc_text() */
	size_t line;                 /* 1-based line of its start */
	cov_cite_scope scope;
	size_t act_start, act_end;   /* the act's words as written; equal when none */
	const cov_cite_step *steps;  /* outermost first: article 72, paragraph 1, point 2 */
	size_t n_steps;
	const cov_node *source;      /* the unit whose own text holds it */
	int in_note;                 /* inside an editorial note */
	int relative;                /* counted from the citing unit («настоящей статьи», or no article named) */
	const cov_node *target;      /* internal: the unit cited; NULL when the text has no such unit */
} cov_citation;

typedef struct cov_refs cov_refs;

/* Find and resolve the citations of `doc` (the grammar of its language,
 * data/refs/LANG.txt; none when there is no such file).  `doc` must outlive
 * the result. */
COV_EXPORT int cov_refs_find(const cov_data *data, const cov_doc *doc, cov_refs **out);
COV_EXPORT void cov_refs_free(cov_refs *refs);
COV_EXPORT size_t cov_refs_count(const cov_refs *refs);
COV_EXPORT const cov_citation *cov_refs_get(const cov_refs *refs, size_t i);
/* The unit of `doc` a citation names, by its steps from the top (a citation
 * of another text resolved in that text); NULL when there is none. */
COV_EXPORT const cov_node *cov_cite_resolve(const cov_doc *doc, const cov_citation *c);
/* "article 72, paragraph 1, point 2" (English kind names), malloc'd. */
COV_EXPORT char *cov_cite_label(const cov_citation *c);
/* Akoma Ntoso with every resolved internal citation as <ref href="#eId">. */
COV_EXPORT int cov_render_akn_refs_string(const cov_doc *doc, const cov_refs *refs, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
