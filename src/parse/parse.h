/*
 * parse.h — the structure parser's internals: the text is cut into lines,
 * each line is classified (lines.c), the document's own heading levels are
 * read from the classified lines and the tree is built (structure.c).
 */
#ifndef COV_PARSE_H
#define COV_PARSE_H

#include "../doc/doc.h"
#include "lexicon.h"
#include "number.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum line_type {
	LT_BLANK = 0,
	LT_TEXT,
	LT_KEYWORD,   /* "Article 5", «1-бап» */
	LT_PREAMBLE,  /* "Preamble" alone */
	LT_NUMBERED,  /* "1.", "1)", "(a)", "(iv)" */
	LT_GENERIC,   /* "<unknown word> 5": a heading if its numbers run 1, 2, 3 … */
	LT_NOTE       /* «Сноска. …», "Footnote: …" */
} line_type;

/* How a numbered line marks its number. */
typedef enum mark_style {
	MS_NONE = 0,
	MS_DOT,            /* 1.     */
	MS_PAREN,          /* 1)     */
	MS_BRACKET,        /* (1)    */
	MS_LETTER_DOT,     /* a.     */
	MS_LETTER_PAREN,   /* a)     */
	MS_LETTER_BRACKET, /* (a)    */
	MS_ROMAN_DOT,      /* i.     */
	MS_ROMAN_PAREN,    /* i)     */
	MS_ROMAN_BRACKET,  /* (i)    */
	MS_UPPER_DOT,      /* A.  I. */
	MS_WORD,           /* First, Second (a line of its own or before ':') */
	MS_COUNT
} mark_style;

/* Offsets are 32-bit (a text of 4 GB is refused): a line costs 48 bytes,
 * not 72, and there is one for every line of the input while it is parsed. */
typedef struct line {
	uint32_t start, end; /* the line without its newline */
	uint32_t cs, ce;     /* content: trimmed, Markdown markers removed */
	uint32_t num_at;     /* where the number is printed */
	uint32_t after;      /* first byte after the keyword/number/marker */
	long value;          /* the number's value */
	int group;           /* heading group (see structure.c), -1 if none */
	uint8_t type;        /* line_type */
	uint8_t kind;        /* LT_KEYWORD: cov_node_kind */
	uint8_t style;       /* LT_NUMBERED: mark_style */
	uint8_t num_len;     /* bytes of the printed number */
	uint8_t hint;        /* HTML heading level (1–6), 0 if none */
	bool suffix;         /* the number has a suffix: «26-1», «5bis» */
	bool numhead;        /* "12. Protection of …": may head a Commonwealth section */
	bool rest_lower;     /* text after the number starts in lower case */
	bool in_seq;         /* its number continues its group's sequence */
	bool gen;            /* LT_NUMBERED of a generic shape: «1. artikla.» */
	bool filled;         /* a heading of the primary series found by its place (structure.c) */
	bool bare;           /* LT_NUMBERED: the number is the whole line («12», «XII»): a heading, never a list item */
	bool division;       /* an unnamed division on a run I., II., III. … (structure.c) */
} line;

typedef struct line_set {
	line *v;
	size_t n;
} line_set;

/* Cut doc->text[doc->body..] into lines and classify each. */
int cov_lines_scan(const cov_data *d, const cov_doc *doc, line_set *out);
/* Recognise a list marker ("1.", "(a)", "iv)") at text[from..to). */
bool cov_marker_scan(const cov_data *d, const char *text, size_t from, size_t to,
		     mark_style *style, cov_num *num, size_t *after);
/* Folded key of a generic heading word (for grouping). */
int cov_generic_key(const cov_data *d, const char *text, const line *l, char *out, size_t cap);

int cov_structure_build(const cov_data *d, cov_doc *doc, line_set *lines);

/* Detect the language from the text's most frequent words. */
void cov_lang_detect(const cov_data *d, const char *text, size_t len, char out[8]);

bool cov_is_space_cp(int32_t c);

#endif
