/*
 * store.h — the library: works (a constitution, a law), their dated
 * versions (expressions, as Akoma Ntoso and Indigo call them) and the events
 * of their life cycle, with each version's document tree, its check
 * analysis and its articles indexed for full-text search.
 *
 * The commands see only this interface: open, put a version, find one by
 * reference (WORK, WORK@DATE, WORK:DATE), get its tree, text and analysis,
 * list works and versions, read events, search.  Two backends implement
 * cov_store_ops: SQLite (sqlite.c, a file) and PostgreSQL (pg.c, a
 * postgresql:// URL); what they share is in store.c.
 *
 * Functions return COV_OK or a negative cov_status with cov_error_last()
 * saying what went wrong; a library that cannot be opened (damaged, newer
 * schema, read-only location) is COV_EIO.
 */
#ifndef COV_STORE_H
#define COV_STORE_H

#include "covenant.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cov_store cov_store;

/* cov_store_open flags */
#define COV_STORE_READONLY 1u /* never write (and never create) */

/* Kinds of work and statuses of a version (the values the store accepts). */
extern const char *const cov_store_kinds[];    /* constitution, law, code, treaty, bill, NULL */
extern const char *const cov_store_statuses[]; /* draft, adopted, in-force, repealed, superseded, NULL */
extern const char *const cov_store_event_kinds[];
bool cov_store_name_in(const char *const *list, const char *name);

/* A life-cycle event: "referendum" on 2026-03-15 with turnout 73.12 and
 * 87.15 % for.  Numbers are < 0 when unknown; strings "" when none. */
typedef struct cov_store_event {
	const char *kind;   /* published, adopted, referendum, in-force, amended, consolidated, repealed, replaced */
	const char *date;   /* YYYY-MM-DD */
	const char *act;    /* the amending or repealing act: "51-VI" */
	const char *ref;    /* replaced: the version replacing it ("kz-constitution@2026-02-12") */
	const char *result; /* referendum: approved, rejected */
	double turnout, votes_for, votes_against; /* percentages */
	const char *source; /* "flag", "notes" (the text's amendment notes), "manifest" */
	/* filled by the store when read back */
	const char *version_date, *version_lang;
} cov_store_event;

/* An event as JSON (history --format json, the web API): kind, date, version,
 * source, and act, by, result, turnout, for, against when known; `lang` adds
 * the version's language.  A new reference (json_t *), NULL when out of memory. */
struct json_t;
struct json_t *cov_store_event_json(const cov_store_event *e, bool lang);

/* Parse "referendum:2026-03-15:turnout=73.12:for=87.15" into `ev` (strings
 * point into `buf`, a writable copy).  COV_EUSAGE with a message if wrong. */
int cov_store_event_parse(char *buf, cov_store_event *ev);
/* "YYYY-MM-DD" and a real day. */
bool cov_store_date_valid(const char *s);

/* What an import knows about one version. */
typedef struct cov_store_version_in {
	const char *work, *country, *title, *kind;
	const char *lang, *date, *status;
	const char *source;      /* file name as imported (no directory) */
	const char *replaces;    /* WORK or WORK@DATE this version replaces, or NULL */
	const cov_store_event *events;
	size_t n_events;
	const char *data_hash;   /* the data/ files' hash the analysis was made with */
} cov_store_version_in;

typedef enum cov_store_put_result { COV_STORE_IMPORTED = 0, COV_STORE_UPDATED, COV_STORE_UNCHANGED } cov_store_put_result;

/* A version as read back.  Strings are owned by the store until the next
 * call that fills the same struct, or cov_store_version_clear(). */
typedef struct cov_store_version {
	int64_t id;
	char *work, *country, *title, *kind, *lang, *date, *status, *source, *sha256;
	char *in_force_from, *in_force_until; /* "" when never / still */
	char *data_hash;
	long n_articles;
	size_t text_bytes;
} cov_store_version;
void cov_store_version_clear(cov_store_version *v);

/* A work as listed. */
typedef struct cov_store_work {
	const char *id, *country, *title, *kind;
} cov_store_work;

/* Search request: `query` in FTS5 syntax (words, "phrases", OR, NOT,
 * prefix*); filters are NULL or 0 when unused. */
typedef struct cov_store_search_opts {
	const char *query;
	const char *country, *lang, *kind, *work, *in_force_at;
	int right;      /* ICCPR article, 0: any */
	bool best;      /* the best article of each work only */
	size_t limit;   /* 0: 20 */
	const char *mark_open, *mark_close; /* around matched words in snippets */
} cov_store_search_opts;

typedef struct cov_store_hit {
	const char *work, *country, *kind, *title, *lang, *date, *status;
	const char *eid, *num, *heading, *snippet;
	double score; /* BM25: larger is better */
} cov_store_hit;

/* ---- the interface ---- */

/* Open (creating it and its directory unless READONLY) the library at
 * `path`; migrate an older schema forward. */
int cov_store_open(const char *path, unsigned flags, cov_store **out);
void cov_store_close(cov_store *st);
const char *cov_store_path(const cov_store *st);

/* The default library: $COVENANT_DB, else $XDG_DATA_HOME/covenant/library.db,
 * else ~/.local/share/covenant/library.db.  `cap` bytes in buf. */
int cov_store_default_path(char *buf, size_t cap);

/* An import is one transaction: begin, put versions, commit (or rollback). */
int cov_store_begin(cov_store *st);
int cov_store_commit(cov_store *st);
void cov_store_rollback(cov_store *st);

/* Store `doc` (its text, tree, articles, analysis) as a version.  `bytes`
 * are the file as read, for its sha256: a version of the same work with the
 * same sha256 is left alone (UNCHANGED); one of the same work, date,
 * language and source is replaced (UPDATED).  Amendments the text's notes
 * record become "amended" events.  Runs inside a savepoint: on failure
 * nothing of this version is left. */
int cov_store_put(cov_store *st, const cov_data *data, const cov_doc *doc, const cov_review *review,
		  const unsigned char *bytes, size_t len, const cov_store_version_in *in,
		  cov_store_put_result *result, cov_store_version *out);

/* Whether a version of `work` was imported from exactly these bytes
 * (same sha256): 1 and `out` filled, 0 if not, or a negative status. */
int cov_store_same(cov_store *st, const char *work, const unsigned char *bytes, size_t len, cov_store_version *out);

/* Resolve WORK (the latest version), WORK@DATE (the version of that date)
 * or WORK:DATE (the version in force on that date); `lang` NULL or a
 * language to prefer.  COV_EINPUT with a message naming what exists. */
int cov_store_find(cov_store *st, const char *ref, const char *lang, cov_store_version *out);
/* Whether `s` looks like a reference (and not a path). */
bool cov_store_is_ref(const char *s);

/* The stored blobs of a version: "text" (UTF-8 text), "tree" (parse JSON),
 * "analysis" (check JSON).  malloc'd, NUL-terminated. */
int cov_store_get(cov_store *st, int64_t version, const char *what, char **out, size_t *len);
/* One article of a version by number: its eid, heading and text (malloc'd). */
int cov_store_article(cov_store *st, int64_t version, const char *num, char **eid, char **heading, char **text);

/* Works (all, or one) and each work's versions, oldest first. */
typedef int (*cov_store_work_cb)(void *ctx, const cov_store_work *w);
typedef int (*cov_store_version_cb)(void *ctx, const cov_store_version *v);
int cov_store_works(cov_store *st, const char *work, cov_store_work_cb cb, void *ctx);
int cov_store_versions(cov_store *st, const char *work, cov_store_version_cb cb, void *ctx);
/* Events of a work's versions in date order. */
typedef int (*cov_store_event_cb)(void *ctx, const cov_store_event *ev);
int cov_store_events(cov_store *st, const char *work, cov_store_event_cb cb, void *ctx);
/* Full-text search; COV_EUSAGE for a query FTS5 cannot read. */
typedef int (*cov_store_hit_cb)(void *ctx, const cov_store_hit *h);
int cov_store_search(cov_store *st, const cov_store_search_opts *o, cov_store_hit_cb cb, void *ctx);

/* Counts for tests and the benchmark: works, versions, articles, events. */
int cov_store_counts(cov_store *st, long counts[4]);

/* ---- what a file's name says (infer.c) ---- */

typedef struct cov_store_inferred {
	char work[96], country[64], title[128], kind[16], lang[8], date[11];
	char consolidated[11]; /* Adilet: the consolidation date */
	char how[160];         /* "Adilet name", "constitution_CC_DATE name", "Constitute Country_Year name" */
} cov_store_inferred;

/* Fill what the path's file name (or its directory's) says; fields stay ""
 * when it says nothing. */
void cov_store_infer(const char *path, cov_store_inferred *inf);

/* ---- backends ---- */

typedef struct cov_store_ops {
	const char *name;
	void (*close)(cov_store *st);
	int (*begin)(cov_store *st);
	int (*commit)(cov_store *st);
	void (*rollback)(cov_store *st);
	int (*put)(cov_store *st, const cov_data *data, const cov_doc *doc, const cov_review *review,
		   const unsigned char *bytes, size_t len, const cov_store_version_in *in,
		   cov_store_put_result *result, cov_store_version *out);
	int (*same)(cov_store *st, const char *work, const char *sha256, cov_store_version *out);
	int (*find)(cov_store *st, const char *work, char sep, const char *date, const char *lang,
		    cov_store_version *out);
	int (*get)(cov_store *st, int64_t version, const char *what, char **out, size_t *len);
	int (*article)(cov_store *st, int64_t version, const char *num, char **eid, char **heading, char **text);
	int (*works)(cov_store *st, const char *work, cov_store_work_cb cb, void *ctx);
	int (*versions)(cov_store *st, const char *work, cov_store_version_cb cb, void *ctx);
	int (*events)(cov_store *st, const char *work, cov_store_event_cb cb, void *ctx);
	int (*search)(cov_store *st, const cov_store_search_opts *o, cov_store_hit_cb cb, void *ctx);
	int (*counts)(cov_store *st, long counts[4]);
} cov_store_ops;

struct cov_store {
	const cov_store_ops *ops;
	char *path;
	void *impl;
};

/* The sha256 of bytes, as 64 hex digits. */
void cov_store_sha256(const unsigned char *bytes, size_t len, char hex[65]);

int cov_store_sqlite_open(const char *path, unsigned flags, cov_store **out);

/* For the backends.  The text of article `a` as it is indexed: its own text
 * and its descendants' (with their headings), without the editorial notes
 * (they are stored as events, not as the law's words); appended to `b`. */
struct cov_buf;
void cov_store_article_text(const cov_doc *doc, const cov_node *a, struct cov_buf *b);
/* How a backend stores a version's articles and their rights.  `article`
 * stores one article (its text NUL-terminated at text[len], valid during
 * the call only) and says its row: a handle `right` gets back, the row's id
 * or, when the backend batches, its own number for it; `right` stores that
 * the article at `row` concerns ICCPR article `right`.  `flush`, unless
 * NULL, is called once after the last of them, to store what the backend
 * kept (PostgreSQL: a version's articles and rights in one statement, not
 * one round trip each; SQLite steps prepared statements, and keeps nothing). */
typedef struct cov_store_article_sink {
	int (*article)(cov_store *st, int64_t version, const cov_node *article, const char *text, size_t len,
		       int64_t *row);
	int (*right)(cov_store *st, int64_t row, int right);
	int (*flush)(cov_store *st, int64_t version);
} cov_store_article_sink;
struct cov_review;
int cov_store_put_articles(cov_store *st, const cov_doc *doc, const struct cov_review *review, int64_t version,
			   long *count, const cov_store_article_sink *sink);
/* The amendments the text's notes record, each (date, act) once, given to
 * `put` as "amended" events of `version` (source "notes").  Stops at the
 * first status put returns other than COV_OK and returns it. */
typedef int (*cov_store_event_put)(cov_store *st, int64_t version, const cov_store_event *ev);
/* This version (`in`) replaces in->replaces (WORK or WORK@DATE): a
 * "replaced" event of that one on `from`, the date this one comes into
 * force; `refresh` then recomputes the in-force dates of its work. */
int cov_store_put_replaces(cov_store *st, const cov_store_version_in *in, const char *from, cov_store_event_put put,
			   int (*refresh)(cov_store *st, const char *work));
int cov_store_not_found(cov_store *st, const char *work, char sep, const char *date,
			void (*dates)(cov_store *st, const char *work, bool in_force, struct cov_buf *b));
int cov_store_put_amendments(cov_store *st, const cov_doc *doc, int64_t version, cov_store_event_put put);

/* The FTS5 tokenizer "covenant": words as ICU sees letters and digits,
 * case-folded, stemmed by Snowball — Russian for Cyrillic words, English
 * for Latin ones (tokenizer.c).  Registered on a connection. */
struct sqlite3;
int cov_store_register_tokenizer(struct sqlite3 *db);

#endif
