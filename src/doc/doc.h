/*
 * doc.h — the document tree inside libcovenant.  Nodes live in the
 * document's arena and point into its one text buffer by byte offsets
 * (zero copies: only the normalised number, heading and eId are strings).
 */
#ifndef COV_DOC_H
#define COV_DOC_H

#include "covenant.h"
#include "../util/util.h"

/* 128 bytes: there is one for every unit, and a law can have a unit every
 * 15 bytes — the small fields share words. */
struct cov_node {
	cov_node_kind kind;
	int32_t ordinal;              /* the number's value (at most 9 digits) */
	bool repealed;
	uint32_t n_amendments;
	struct cov_node *parent, *first, *last, *next;
	size_t start, end;            /* whole unit, children included */
	size_t text_start, text_end;  /* own text, trimmed */
	size_t line;                  /* 1-based line of the heading */
	const char *num;              /* normalised */
	const char *num_printed;      /* often the same string as num */
	const char *heading;
	const char *eid;
	const cov_amendment *amendments; /* notes only */
};

struct cov_doc {
	char *name;
	char *text;        /* NUL-terminated */
	size_t len;
	size_t body;       /* offset where parsing starts (after a BOM) */
	cov_arena arena;
	cov_node *root;
	const char *title;
	char language[8];
	char encoding[32];
	int encoding_confidence;
	bool repealed;       /* the act says it is no longer in force */
	size_t pages;
	cov_format format;
	cov_node_kind primary;
	/* what the user must be told about how the input was read (a guessed
	 * encoding and its confidence): cov_doc_warning(); arena strings */
	const char *warnings[8];
	size_t n_warnings;
	/* HTML ingest: per-line heading level hint (0 none), or NULL */
	unsigned char *line_hints;
	size_t n_line_hints;
};

cov_node *cov_doc_new_node(cov_doc *doc, cov_node_kind kind, cov_node *parent);
/* Give every node its eId (parent id + "__" + short name + "_" + number). */
int cov_doc_assign_eids(cov_doc *doc);
/* Ends of a tree built in order (Akoma Ntoso): each node ends where its
 * next sibling starts, or where its parent ends. */
void cov_doc_close_spans(cov_doc *doc);
/* Own text of every node: after its heading, before its first child, trimmed. */
void cov_doc_finish_spans(cov_doc *doc);
const char *cov_node_kind_short(cov_node_kind kind);

#endif
