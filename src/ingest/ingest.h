/*
 * ingest.h — from bytes to the UTF-8 text the parser reads: encodings
 * (BOMs, --encoding through ICU), validation with errors that name the
 * offending byte, and HTML text extraction (html.c).
 */
#ifndef COV_INGEST_H
#define COV_INGEST_H

#include "../doc/doc.h"

/* Fill doc->text, len, body, encoding, format (and line hints for HTML)
 * from `len` bytes of `buf`.  Takes ownership of `buf` (malloc'd). */
int cov_ingest(cov_doc *doc, char *buf, size_t len, const cov_parse_options *opts);
/* Read a whole file ("-" = stdin), refusing more than max bytes. */
int cov_read_file(const char *path, size_t max, char **out, size_t *len);
/* HTML (any encoding libxml2 detects) to lines of text. */
int cov_html_extract(cov_doc *doc, const char *buf, size_t len);
/* PDF text layer to lines (pdf.c); DOCX paragraphs to lines (docx.c). */
int cov_pdf_extract(cov_doc *doc, const char *buf, size_t len);
/* Akoma Ntoso: is it (XML, or HTML with akn- classes)?  Read it into
 * doc->root and doc->text directly, keeping the source's eIds. */
bool cov_akn_sniff(const char *buf, size_t len, bool *html);
int cov_akn_read(cov_doc *doc, const char *buf, size_t len, bool html);
/* The PDF post-processing alone, on the texts of n pages (modified): page
 * furniture dropped, wrapped lines joined; fills doc->text. */
int cov_pdf_pages_to_text(cov_doc *doc, char **texts, size_t n);
int cov_docx_extract(cov_doc *doc, const char *buf, size_t len, size_t max);

/* Nesting limits of our own (libxml2 runs with XML_PARSE_HUGE, so its own
 * silent cut at 256 is gone): deeper markup is refused, naming the byte. */
#define COV_MAX_NESTING 4096
struct _xmlDoc;
/* Parse HTML (forgiving, UTF-8) or XML (well-formed, no network) with
 * libxml2.  Markup nested deeper than max_depth, XML that is not
 * well-formed, and the HTML errors that drop text (an unterminated comment,
 * start tag or DOCTYPE, a fatal parser error) are errors naming the file,
 * `part` (a member of an archive, or NULL) and where.  Returns NULL with
 * the error set in *status.  XML is read in `xml_encoding` whatever its
 * declaration says (the UTF-8 that cov_ingest made of a file), or NULL
 * for as declared (a member of a DOCX). */
struct _xmlDoc *cov_markup_read(cov_doc *doc, const char *part, const char *buf, size_t len, bool html,
				const char *xml_encoding, int max_depth, int *status);

#endif
