/*
 * report.h — covenant report: one self-contained review a person reads,
 * sends or prints (HTML with inline CSS and no script, or Markdown with the
 * same content): a summary, the rights matrix, the findings grouped by
 * right with their recommendations, the suggested wording of limitation
 * clauses as a redline, with a comparison the alignment drawn as SVG and
 * the pairs side by side, and the full text with the findings in the
 * margin.  Anchors are stable: docs/report.md lists them.
 *
 * The CLI (`covenant report`) and the web app (`covenant serve`, "export the
 * report of what is on screen") both call cov_render_report().
 */
#ifndef COV_REPORT_H
#define COV_REPORT_H

#include "covenant.h"
#include "../util/util.h"

typedef enum cov_report_format {
	COV_REPORT_HTML = 0, /* one HTML5 file, well-formed as XML too */
	COV_REPORT_MD        /* Markdown, for pasting into a memo */
} cov_report_format;

/* An event of the document's life (from the library's timeline). */
typedef struct cov_report_event {
	const char *date;   /* "2026-03-15" */
	const char *kind;   /* "referendum", "in-force", "amended" … */
	const char *detail; /* "turnout 73.12 %, 87.15 % for"; "" or NULL if none */
} cov_report_event;

/* What the caller knows about the document beyond its text.  Every field
 * may be NULL (or 0); the whole struct may be NULL. */
typedef struct cov_report_meta {
	const char *title;      /* the report's heading; NULL: the document's title, else its name */
	const char *source;     /* what was read: "kz-constitution@2026-02-12" or a file name; NULL: cov_doc_name */
	const char *date;       /* the version's date */
	const char *status;     /* "draft; in force from 2026-07-01" */
	const char *old_label;  /* with a comparison: names of the two versions (default: the names) */
	const char *new_label;
	const cov_report_event *events; /* the timeline, in date order */
	size_t n_events;
	const char *generated;  /* shown in the footer ("2026-05-01"); NULL: nothing (the same bytes every run) */
} cov_report_meta;

/* Render the report of `review` (its document is the one reported on) into
 * `out` (appended).  `cmp` is NULL, or a comparison whose new document is
 * the review's document (`covenant report NEW --against OLD`).  Reads the
 * recommendation templates from the data directory (data/recommendations/).
 * Returns COV_OK, COV_EUSAGE (a comparison of another document, an unknown
 * format), COV_EDATA (recommendations missing or malformed) or COV_ENOMEM,
 * with cov_error_last() saying why. */
int cov_render_report(const cov_data *data, const cov_review *review, const cov_comparison *cmp,
		      const cov_report_meta *meta, cov_report_format fmt, cov_buf *out);

/* The same into a malloc'd NUL-terminated string (free with free()). */
int cov_render_report_string(const cov_data *data, const cov_review *review, const cov_comparison *cmp,
			     const cov_report_meta *meta, cov_report_format fmt, char **out, size_t *len);

#endif
